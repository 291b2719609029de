"""``analyze`` stores entities, places, times, figures and quotes once; listings read them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest

from conftest import CliRun

ARTICLE = """Coalition strikes hit Raqqa

Coalition warplanes struck Raqqa in Syria on Tuesday, killing at least 40 fighters,
the Pentagon said. More than 2,000 air strikes have been carried out since August 2014.

"We will keep up the pressure until the group is defeated," said Ashton Carter.

Comments

Reader1 says: I was in Geneva last week and nobody cared.
"""


@pytest.fixture
def analysed(run: CliRun, tmp_path: Path) -> CliRun:
    article = tmp_path / "raqqa.txt"
    article.write_text(ARTICLE, encoding="utf-8")
    for _ in range(2):  # the second run must not duplicate anything
        result = run("analyze", str(article), "--published", "2015-11-19", "--outlet", "Example")
        assert result.exit_code == 0, result.output
    return run


@pytest.mark.model
def test_places_are_stored_once_with_country_and_segment(analysed: CliRun) -> None:
    rows = json.loads(analysed("places", "--format", "json").output)
    raqqa = [r for r in rows if r["text"] == "Raqqa"]
    assert len(raqqa) == 2  # title and body, each once although analysed twice
    assert {r["country_code"] for r in raqqa} == {"SYR"}
    assert {r["segment"] for r in raqqa} == {"title", "body"}
    only_syria = json.loads(analysed("places", "--country", "syr", "--format", "json").output)
    assert only_syria
    assert {r["country_code"] for r in only_syria} == {"SYR"}


@pytest.mark.model
def test_figures_and_times_listed_with_filters(analysed: CliRun) -> None:
    killed = list(
        csv.DictReader(
            io.StringIO(analysed("figures", "--quantity", "killed", "--format", "csv").output)
        )
    )
    assert [float(r["low"]) for r in killed] == [40.0]
    assert killed[0]["outlet"] == "Example"
    dates = json.loads(analysed("times", "--type", "DATE", "--format", "json").output)
    values = {d["text"]: d["value"] for d in dates}
    assert values["Tuesday"] == "2015-11-17"
    assert values["August 2014"] == "2014-08"
    table = analysed("times", "--segment", "comment").output
    assert "last week" in table


@pytest.mark.model
def test_quotes_listed_with_speaker_actor_and_kind(analysed: CliRun) -> None:
    rows = json.loads(analysed("quotes", "--format", "json").output)
    direct = [r for r in rows if r["direct"]]
    assert len(direct) == 1  # analysed twice, stored once
    assert direct[0]["text"].startswith("We will keep up the pressure")
    assert direct[0]["speaker"] == "Ashton Carter"
    assert direct[0]["cue"] == "said"
    assert direct[0]["segment"] == "body"
    by_speaker = json.loads(analysed("quotes", "--speaker", "carter", "--format", "json").output)
    assert [r["text"] for r in by_speaker] == [direct[0]["text"]]
    indirect = json.loads(analysed("quotes", "--indirect", "--format", "json").output)
    assert all(not r["direct"] for r in indirect)
    assert any(r["speaker"] == "the Pentagon" for r in indirect)


@pytest.mark.model
def test_rerun_on_unchanged_input_reads_stored_records(analysed: CliRun, tmp_path: Path) -> None:
    article = tmp_path / "raqqa.txt"
    args = ("analyze", str(article), "--published", "2015-11-19", "--outlet", "Example")
    again = json.loads(analysed(*args, "--format", "json").stdout)
    stored = json.loads(analysed("quotes", "--format", "json").output)
    assert [q["text"] for q in again[0]["quotes"]] == [q["text"] for q in stored]
    assert {p["text"] for p in again[0]["places"]} >= {"Raqqa", "Syria", "Geneva"}


@pytest.mark.model
def test_events_listed_with_type_country_and_date_filters(analysed: CliRun) -> None:
    rows = json.loads(analysed("events", "--format", "json").output)
    struck = [r for r in rows if r["trigger_text"] == "struck"]
    assert len(struck) == 1  # analysed twice, stored once
    assert struck[0]["type"] == "ASSAULT"
    assert struck[0]["place_text"] == "Raqqa"
    assert struck[0]["date_value"] == "2015-11-17"
    assert struck[0]["status"] == "reported"  # "…, the Pentagon said."
    assert json.loads(struck[0]["figures"])[0]["low"] == 40
    in_syria = json.loads(analysed("events", "--country", "syr", "--format", "json").output)
    assert "struck" in {r["trigger_text"] for r in in_syria}
    later = json.loads(analysed("events", "--since", "2015-11-18", "--format", "json").output)
    assert "struck" not in {r["trigger_text"] for r in later}
    bad = analysed("events", "--since", "yesterday")
    assert bad.exit_code == 2
    assert "--since" in bad.output


def test_listing_needs_a_database(run: CliRun) -> None:
    result = run("figures", "--format", "json")
    assert result.exit_code == 2
    assert "no such database" in result.output


def test_ingested_but_unanalysed_documents_have_no_records(run: CliRun, tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text(ARTICLE, encoding="utf-8")
    assert run("ingest", str(tmp_path / "a.txt")).exit_code == 0
    assert json.loads(run("figures", "--format", "json").output) == []
