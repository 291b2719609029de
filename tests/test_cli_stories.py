"""'parallax stories' and 'parallax event' over corpora analysed by the real pipeline."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CliRun

WIRE = (
    "US-led coalition aircraft bombed Islamic State positions in Raqqa on Tuesday, killing 12 "
    "militants. The strikes hit a training camp and two depots near the "
    "river, officials said. Residents reported heavy smoke over the eastern districts of the "
    "city. The coalition has carried out thousands of strikes in Syria and Iraq since 2014. "
    "Commanders said the campaign would continue until the group was driven from its capital."
)
OTHER = (
    "Islamic State claimed that coalition jets bombed a hospital in Raqqa on Tuesday. The "
    "Pentagon said the coalition struck only military targets in Raqqa. Local activists said "
    "at least 20 people died in the attack."
)


@pytest.fixture
def small_corpus(tmp_path: Path) -> Path:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "wire.txt").write_text(WIRE + "\n", encoding="utf-8")
    (folder / "reprint.txt").write_text(WIRE + "\nCopyright Reprint Daily.\n", encoding="utf-8")
    (folder / "other.txt").write_text(OTHER + "\n", encoding="utf-8")
    manifest = [
        {"file": "wire.txt", "outlet": "Wire Service", "published": "2016-03-02"},
        {"file": "reprint.txt", "outlet": "Reprint Daily", "published": "2016-03-02"},
        {"file": "other.txt", "outlet": "Other Voice", "published": "2016-03-03"},
    ]
    lines = "\n".join(json.dumps(m) for m in manifest)
    (folder / "manifest.jsonl").write_text(lines + "\n", encoding="utf-8")
    return folder


@pytest.mark.model
@pytest.mark.slow
def test_syndicated_copies_are_one_family_and_the_strike_is_one_event(
    run: CliRun, small_corpus: Path
) -> None:
    analysed = run("analyze", str(small_corpus), "--format", "table")
    assert analysed.exit_code == 0, analysed.output
    assert "merged events" in analysed.output
    stories = json.loads(run("stories", "--format", "json").stdout)
    assert len(stories) == 1  # three articles on one strike
    assert stories[0]["documents"] == 3
    events = json.loads(run("events", "--type", "ASSAULT", "--format", "json").stdout)
    bombed = [e for e in events if e["trigger_text"] == "bombed" and "Raqqa" in e["text"]]
    assert {e["outlet"] for e in bombed} == {"Wire Service", "Reprint Daily", "Other Voice"}
    import duckdb

    con = duckdb.connect(str(run.db), read_only=True)
    ids = con.execute(
        "SELECT DISTINCT m.event_id FROM event_mentions m JOIN events e USING (doc_id, idx) "
        "JOIN documents d ON d.id = e.doc_id "
        "WHERE e.trigger_text = 'bombed' AND d.outlet = 'Wire Service'"
    ).fetchall()
    con.close()
    shown = json.loads(run("event", str(ids[0][0]), "--format", "json").stdout)
    outlets = {m["outlet"] for m in shown["mentions"]}
    assert outlets == {"Wire Service", "Reprint Daily", "Other Voice"}
    # side by side: the wire asserts the bombing, the other outlet only reports a claim
    status = {(m["outlet"], m["trigger_text"]): m["status"] for m in shown["mentions"]}
    assert status[("Wire Service", "bombed")] == "asserted"
    assert status[("Other Voice", "bombed")] == "reported"
    # the reprint is the wire's copy: two outlets, one source family
    assert shown["corroboration"] < shown["outlets"]
    table = run("event", str(ids[0][0])[:8])
    assert table.exit_code == 0
    assert "Wire Service" in table.stdout
    again = run("analyze", str(small_corpus), "--format", "table")
    assert again.exit_code == 0
    assert json.loads(run("stories", "--format", "json").stdout) == stories  # idempotent


@pytest.mark.model
def test_seed_stories_and_an_unknown_event(analysed_seeds: Path) -> None:
    run = CliRun(analysed_seeds)
    stories = json.loads(run("stories", "--format", "json").stdout)
    assert sum(s["documents"] for s in stories) == 5
    assert all(s["label"] for s in stories)
    csv = run("stories", "--format", "csv")
    assert csv.stdout.splitlines()[0].startswith("id,label")
    missing = run("event", "Enope")
    assert missing.exit_code == 2
    assert "Enope: no such merged event" in missing.output
