"""``parallax export``: every format written from a real analysed store, with real content."""

from __future__ import annotations

import csv
import io
import json
import re
from pathlib import Path
from typing import Any

import duckdb
import pytest

from conftest import CliRun
from parallax.schema import Actor
from parallax.store.export_formats import members

ARTICLE = """Coalition strikes hit Raqqa

Coalition warplanes struck Raqqa in Syria on Tuesday, killing at least 40 fighters,
the Pentagon said. More than 2,000 air strikes have been carried out since August 2014.

American and British warplanes bombed Islamic State positions near Mosul last week.

Russia did not bomb Aleppo, the Kremlin said.

A roadside bomb exploded near Samarra on Sunday, killing three Iraqi soldiers.

Comments

Reader2 says: Russian jets bombed a hospital in Idlib yesterday.
"""

#: ACLED's public column list, written out here rather than imported: the test checks the code.
ACLED_HEADER = [
    "event_id_cnty", "event_date", "year", "time_precision", "disorder_type", "event_type",
    "sub_event_type", "actor1", "assoc_actor_1", "inter1", "actor2", "assoc_actor_2", "inter2",
    "interaction", "civilian_targeting", "iso", "region", "country", "admin1", "admin2",
    "admin3", "location", "latitude", "longitude", "geo_precision", "source", "source_scale",
    "notes", "fatalities", "tags", "timestamp",
]  # fmt: skip


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    """One analysed article, shared by the tests of this module (the model loads once)."""
    folder = tmp_path_factory.mktemp("export")
    article = folder / "raqqa.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    run = CliRun(folder / "test.duckdb")
    result = run("analyze", str(article), "--published", "2015-11-19", "--outlet", "Example")
    assert result.exit_code == 0, result.output
    return run


def _lines(path: Path) -> list[dict[str, Any]]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_text(encoding="utf-8"))))


def _count(run: CliRun, table: str) -> int:
    with duckdb.connect(str(run.db), read_only=True) as con:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
    assert row is not None
    return int(row[0])


@pytest.mark.model
def test_jsonl_has_every_kind_nested_with_provenance(store: CliRun, tmp_path: Path) -> None:
    result = store("export", "--format", "jsonl", str(tmp_path / "out"))
    assert result.exit_code == 0, result.output
    names = {p.name for p in (tmp_path / "out").iterdir()}
    assert names == {
        f"{k}.jsonl"
        for k in ("documents", "events", "quotes", "places", "times", "figures", "entities")
    }
    assert result.output.count("wrote ") == 7
    [doc] = _lines(tmp_path / "out" / "documents.jsonl")
    assert doc["outlet"] == "Example"
    assert {s["kind"] for s in doc["segments"]} >= {"title", "body", "comment"}
    events = _lines(tmp_path / "out" / "events.jsonl")
    assert len(events) == _count(store, "events")
    for event in events:
        assert event["doc_id"] == doc["doc_id"]
        assert event["published"] == "2015-11-19"
        assert doc["text"][event["start"] : event["end"]] == event["text"]
        trigger = event["trigger"]
        assert doc["text"][trigger["start"] : trigger["end"]] == trigger["text"]
    struck = next(e for e in events if e["trigger"]["text"] == "struck")
    assert struck["acled"]["event_type"] == "Explosions/Remote violence"
    assert struck["figures"][0]["low"] == 40
    assert "comment" in {e["segment"] for e in events}  # jsonl keeps the readers' events
    quotes = _lines(tmp_path / "out" / "quotes.jsonl")
    assert any(q["speaker"] and q["speaker"]["text"] == "the Pentagon" for q in quotes)


@pytest.mark.model
def test_csv_and_parquet_hold_the_flat_tables(store: CliRun, tmp_path: Path) -> None:
    assert store("export", "--format", "csv", str(tmp_path / "csv")).exit_code == 0
    assert store("export", "--format", "parquet", str(tmp_path / "pq")).exit_code == 0
    rows = _csv(tmp_path / "csv" / "events.csv")
    assert list(rows[0])[:5] == ["doc_id", "idx", "outlet", "published", "url"]
    assert len(rows) == _count(store, "events")
    struck = next(r for r in rows if r["trigger_text"] == "struck")
    assert struck["place_country_code"] == "SYR"
    assert json.loads(struck["figures"])[0]["low"] == 40
    figures = _csv(tmp_path / "csv" / "figures.csv")
    assert sorted(float(r["low"]) for r in figures if r["quantity"] == "killed") == [3.0, 40.0]
    for kind in ("events", "places", "documents", "segments"):
        parquet = str(tmp_path / "pq" / f"{kind}.parquet")
        with duckdb.connect() as con:
            row = con.execute("SELECT count(*), min(outlet) FROM read_parquet(?)", [parquet])
            count, outlet = row.fetchone() or (None, None)
        assert count == _count(store, kind)
        assert outlet == "Example"


@pytest.mark.model
def test_plover_records_use_the_manual_field_names(store: CliRun, tmp_path: Path) -> None:
    assert store("export", "--format", "plover", str(tmp_path)).exit_code == 0
    records = _lines(tmp_path / "events.plover.jsonl")
    assert records
    assert len({r["id"] for r in records}) == len(records)
    for record in records:
        assert {"id", "date", "actor", "recipient", "event", "mode", "context"} <= set(record)
        assert {"event_text", "quad_code", "text", "text_info", "cite_info"} <= set(record)
        assert not {"source", "target", "eventText", "textInfo"} & set(record)
        assert re.fullmatch(r"\d{4}-\d{2}-\d{2}", record["date"])
        assert record["parallax"]["outlet"] == "Example"
    bombed = next(r for r in records if r["event_text"] == ["bombed"])
    assert bombed["event"] == ["ASSAULT"]
    assert [a["code"] for a in bombed["actor"]] == ["USA", "GBR"]  # compound actor, split
    assert [a["identifier_id"] for a in bombed["actor"]] == ["USAMIL", "GBRMIL"]
    assert {a["sector"] for a in bombed["actor"]} == {"MIL"}
    struck = next(r for r in records if r["event_text"] == ["struck"])
    assert struck["event_loc"]["country_code"] == "SYR"
    assert struck["quad_code"] == 4
    assert struck["text"][:19] == "Coalition warplanes"
    negated = next(r for r in records if r["parallax"]["status"] == "negated")
    assert negated["context"] == ["negation"]


@pytest.mark.model
def test_acled_csv_has_acleds_columns_dates_and_fatalities(store: CliRun, tmp_path: Path) -> None:
    assert store("export", "--format", "acled", str(tmp_path)).exit_code == 0
    text = (tmp_path / "events.acled.csv").read_text(encoding="utf-8")
    assert text.splitlines()[0].split(",") == ACLED_HEADER
    rows = _csv(tmp_path / "events.acled.csv")
    assert rows
    assert all(re.fullmatch(r"\d{4}-\d{2}-\d{2}", r["event_date"]) for r in rows)
    struck = next(r for r in rows if r["notes"].startswith("Coalition warplanes struck"))
    assert struck["fatalities"] == "40"
    assert struck["event_date"] == "2015-11-17"
    assert struck["time_precision"] == "1"
    assert struck["event_id_cnty"].startswith("SYR")
    assert (struck["country"], struck["iso"]) == ("Syria", "760")
    assert struck["sub_event_type"] == "Air/drone strike"
    assert struck["source"] == "Example"
    assert "reported" in struck["tags"]
    bombed = next(r for r in rows if "American and British" in r["notes"])
    assert bombed["assoc_actor_1"]  # the second member of the compound actor
    assert bombed["country"] == "Iraq"  # the positions near Mosul place it
    assert bombed["inter1"] == "8"  # US forces in Iraq: ACLED's external forces
    assert bombed["inter2"] == "2"  # Islamic State: ACLED codes it a rebel group
    assert bombed["interaction"] == "28"
    negated = next(r for r in rows if "did not bomb" in r["notes"])
    assert "negated" in negated["tags"].split("; ")


@pytest.mark.model
def test_acled_names_an_unidentified_first_actor_as_acled_does(
    store: CliRun, tmp_path: Path
) -> None:
    """ "A roadside bomb exploded": no one is named, so actor1 is ACLED's "Unidentified Armed
    Group (Iraq)", a political militia (inter 3), never the bomb."""
    assert store("export", "--format", "acled", str(tmp_path)).exit_code == 0
    rows = [r for r in _csv(tmp_path / "events.acled.csv") if "roadside bomb" in r["notes"]]
    assert rows
    for row in rows:
        assert row["actor1"] == "Unidentified Armed Group (Iraq)"
        assert row["inter1"] == "3"
        assert row["assoc_actor_1"] == ""
    named = [r for r in _csv(tmp_path / "events.acled.csv") if "Unidentified" in r["actor1"]]
    assert all("roadside bomb" in r["notes"] for r in named)  # named actors keep their names


@pytest.mark.model
def test_reader_comment_events_only_on_request(store: CliRun, tmp_path: Path) -> None:
    for fmt in ("plover", "acled"):
        assert store("export", "--format", fmt, str(tmp_path / "default")).exit_code == 0
        result = store("export", "--format", fmt, "--include-comments", str(tmp_path / "all"))
        assert result.exit_code == 0, result.output
    default = _lines(tmp_path / "default" / "events.plover.jsonl")
    everything = _lines(tmp_path / "all" / "events.plover.jsonl")
    assert not [r for r in default if "Idlib" in r["text"]]
    [comment] = [r for r in everything if "Idlib" in r["text"]]
    assert comment["parallax"]["segment"] == "comment"
    assert len(everything) == len(default) + 1
    assert not [r for r in _csv(tmp_path / "default" / "events.acled.csv") if "Idlib" in r["notes"]]
    [row] = [r for r in _csv(tmp_path / "all" / "events.acled.csv") if "Idlib" in r["notes"]]
    assert "reader comment" in row["tags"].split("; ")


@pytest.mark.model
def test_exporting_again_gives_the_same_files(store: CliRun, tmp_path: Path) -> None:
    contents: list[dict[str, bytes]] = []
    for _ in range(2):
        for fmt in ("jsonl", "csv", "plover", "acled", "parquet"):
            assert store("export", "--format", fmt, str(tmp_path)).exit_code == 0
        contents.append({p.name: p.read_bytes() for p in tmp_path.iterdir()})
    assert contents[0] == contents[1]
    assert not [name for name in contents[1] if name.endswith(".partial")]
    assert len(contents[1]) == 7 + 8 + 8 + 2  # jsonl, csv (with segments), parquet, events


def test_directory_that_is_a_file_is_a_usage_error(run: CliRun, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt")).exit_code == 0
    target = tmp_path / "taken"
    target.write_text("not a folder", encoding="utf-8")
    result = run("export", "--format", "csv", str(target))
    assert result.exit_code == 2
    assert result.output.strip().count("\n") == 0
    assert "not a folder" in result.output
    assert target.read_text(encoding="utf-8") == "not a folder"
    fresh = tmp_path / "new" / "deeper"
    result = run("export", "--format", "plover", str(fresh))  # created; no events yet
    assert result.exit_code == 0, result.output
    assert (fresh / "events.plover.jsonl").read_text(encoding="utf-8") == ""
    assert run("export", "--format", "xml", str(fresh)).exit_code == 2


def test_compound_codes_split_with_deduplicated_countries() -> None:
    actor = Actor(
        start=0,
        end=20,
        text="US forces and officials",
        actor_id="USAMIL+USAGOV",
        name="US military and US government",
        country="USA",
        sector="MIL",
    )
    split = members(actor)
    assert [(m.actor_id, m.country, m.sector) for m in split] == [
        ("USAMIL", "USA", "MIL"),
        ("USAGOV", "USA", "GOV"),
    ]
    assert [m.name for m in split] == ["US military", "US government"]
