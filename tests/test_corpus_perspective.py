"""Outlet profiles and comparisons over a small corpus whose perspectives are known."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import duckdb
import pytest

from outlets_corpus import FRONT, WIRE, build
from parallax.corpus.perspective import compare_outlets, outlet_profiles, resolve_outlets
from parallax.errors import UsageError
from parallax.store.db import connect

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("perspective"))


@pytest.fixture
def con(corpus_db: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    connection = duckdb.connect(str(corpus_db), read_only=True)
    yield connection
    connection.close()


@pytest.fixture
def writable(corpus_db: Path, tmp_path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    copy = tmp_path / "copy.duckdb"
    shutil.copy(corpus_db, copy)
    connection = connect(copy)
    yield connection
    connection.close()


def by_outlet(profiles: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {p["outlet"]: p for p in profiles}


def variant(profile: dict[str, Any], group: str, name: str) -> dict[str, Any]:
    return next(v for v in profile["naming"][group]["variants"] if v["name"] == name)


def texts(con: duckdb.DuckDBPyConnection) -> dict[str, str]:
    return {str(k): str(v) for k, v in con.execute("SELECT id, text FROM documents").fetchall()}


def test_naming_differs_as_written(con: duckdb.DuckDBPyConnection) -> None:
    profiles = by_outlet(outlet_profiles(con))
    assert list(profiles) == [WIRE, FRONT]  # alphabetical
    front, wire = profiles[FRONT], profiles[WIRE]
    assert variant(front, "isis", "Daesh")["count"] == 3
    assert variant(front, "isis", "ISIS")["count"] == 0
    assert variant(wire, "isis", "ISIS")["count"] == 1
    assert variant(wire, "isis", "Daesh")["count"] == 0
    assert variant(front, "armed_groups", "terrorists")["count"] == 3
    assert variant(front, "armed_groups", "militants")["count"] == 0
    assert variant(wire, "armed_groups", "militants")["count"] == 1
    assert variant(wire, "armed_groups", "terrorists")["count"] == 0


def test_voices_front_quotes_the_minister_and_wire_quotes_nobody(
    con: duckdb.DuckDBPyConnection,
) -> None:
    profiles = by_outlet(outlet_profiles(con))
    front, wire = profiles[FRONT]["voices"], profiles[WIRE]["voices"]
    officials = next(s for s in front["sectors"] if s["sector"] == "officials")
    assert officials["quotes"] >= 1
    minister = next(s for s in front["speakers"] if s["actor_id"] == "KHALID_AL_OBEIDI")
    assert minister["sector"] == "officials"
    assert minister["chars"] == len("We will crush Daesh")
    assert wire["quotes"] == 0
    assert all(s["quotes"] == 0 for s in wire["sectors"])
    neutral = next(c for c in profiles[FRONT]["verbs"]["classes"] if c["class"] == "neutral")
    assert any(e["cue"] == "said" for e in neutral["evidence"])


def test_stance_toward_isis_is_more_hostile_in_front(con: duckdb.DuckDBPyConnection) -> None:
    profiles = by_outlet(outlet_profiles(con))
    front = next(a for a in profiles[FRONT]["stance"]["actors"] if a["actor_id"] == "ISIS")
    wire = next(a for a in profiles[WIRE]["stance"]["actors"] if a["actor_id"] == "ISIS")
    assert front["negative"]["count"] >= 1
    assert front["mean"] < 0
    assert wire["mean"] > front["mean"]
    assert front["mentions"] == sum(front[k]["count"] for k in ("positive", "negative", "neutral"))
    docs = texts(con)
    for e in front["negative"]["evidence"]:
        assert docs[e["doc_id"]][e["start"] : e["end"]] == e["text"]
        assert e["start"] <= e["mention"]["start"] < e["mention"]["end"] <= e["end"]
    assert profiles[FRONT]["stance"]["pending_documents"] == 0


def test_genre_cues_come_from_the_writer_not_from_quotes(con: duckdb.DuckDBPyConnection) -> None:
    profiles = by_outlet(outlet_profiles(con))
    front, wire = profiles[FRONT]["genre"], profiles[WIRE]["genre"]
    assert front["labels"] == {"news": 1, "opinion": 1}
    assert front["first_person"]["count"] >= 2
    assert front["normative"]["count"] >= 2
    assert front["score"] > wire["score"]
    assert wire["lean"] == "news"
    docs = texts(con)
    quoted = "We will crush Daesh"
    for e in front["first_person"]["evidence"]:
        assert docs[e["doc_id"]][e["start"] : e["end"]] == e["text"]
        assert quoted not in docs[e["doc_id"]][max(0, e["start"] - 2) : e["end"] + 20]


def test_compare_aligns_actors_and_selects_within_shared_stories(
    con: duckdb.DuckDBPyConnection,
) -> None:
    result = compare_outlets(con, ["front", "WIRE"])
    assert result["outlets"] == [FRONT, WIRE]
    assert "ISIS" in result["actors"]
    for profile in result["profiles"]:
        assert [a["actor_id"] for a in profile["stance"]["actors"]] == result["actors"]
    for story in result["selection"]["stories"]:  # filled by the story pass analyze ran
        assert set(story["documents"]) <= {FRONT, WIRE}
        assert len(story["documents"]) == 2


def _link_story(con: duckdb.DuckDBPyConnection) -> tuple[str, str]:
    """A story holding one document of each outlet, and a merged event only Front reports."""
    front_doc = con.execute(
        "SELECT id FROM documents WHERE outlet = ? AND genre = 'news'", [FRONT]
    ).fetchone()
    wire_doc = con.execute("SELECT id FROM documents WHERE outlet = ?", [WIRE]).fetchone()
    assert front_doc is not None
    assert wire_doc is not None
    for table in ("story_documents", "stories", "event_mentions", "merged_events"):
        con.execute(f"DELETE FROM {table}")  # replace what the passes found with a known story
    con.execute("INSERT INTO stories VALUES ('S1', 'Mosul suburbs', NULL, NULL, NULL)")
    con.execute(
        "INSERT INTO story_documents VALUES (?, 'S1', 1.0), (?, 'S1', 1.0)",
        [front_doc[0], wire_doc[0]],
    )
    event = con.execute(
        "SELECT idx FROM events WHERE doc_id = ? LIMIT 1", [front_doc[0]]
    ).fetchone()
    assert event is not None, "the Front report describes a shelling"
    con.execute(
        "INSERT INTO merged_events (id, story_id, type, mentions, outlets, corroboration, "
        "confidence, disputed) VALUES ('E1', 'S1', 'ASSAULT', 1, 1, 1, 0.5, false)"
    )
    con.execute("INSERT INTO event_mentions VALUES (?, ?, 'E1')", [front_doc[0], event[0]])
    return str(front_doc[0]), str(wire_doc[0])


def test_selection_shows_what_each_outlet_reports_or_leaves_out(
    writable: duckdb.DuckDBPyConnection,
) -> None:
    front_doc, _ = _link_story(writable)
    result = compare_outlets(writable, [FRONT, WIRE])
    (story,) = result["selection"]["stories"]
    assert story["story_id"] == "S1"
    assert story["documents"] == {FRONT: 1, WIRE: 1}
    (event,) = story["events"]["items"]
    assert event["event_id"] == "E1"
    assert list(event["reported_by"]) == [FRONT]
    assert event["left_out_by"] == [WIRE]
    assert event["reported_by"][FRONT]["evidence"][0]["doc_id"] == front_doc
    assert story["events"]["by_outlet"][WIRE] == {"included": 0, "left_out": 1}
    shared = [
        f for f in story["figures"]["items"] if f["quantity"] == "killed" and f["value"] == 12
    ]
    assert shared
    assert shared[0]["left_out_by"] == []


def test_a_story_limits_the_profiles_to_its_documents(
    writable: duckdb.DuckDBPyConnection,
) -> None:
    _link_story(writable)
    profiles = by_outlet(outlet_profiles(writable, story_id="S1"))
    assert profiles[FRONT]["documents"] == 1
    assert profiles[FRONT]["genre"]["labels"] == {"news": 1}
    with pytest.raises(UsageError, match=r"^S9: no such story"):
        outlet_profiles(writable, story_id="S9")


def test_outlets_are_matched_by_unique_text(con: duckdb.DuckDBPyConnection) -> None:
    assert resolve_outlets(con, ["daily", "plain wire"]) == [FRONT, WIRE]
    with pytest.raises(UsageError, match=r"^Nowhere Times: no outlet matches"):
        resolve_outlets(con, ["Nowhere Times"])
    with pytest.raises(UsageError, match=r"^i: matches 2 outlets"):
        resolve_outlets(con, ["i"])
    with pytest.raises(UsageError, match="two or more different outlets"):
        compare_outlets(con, ["front", "daily front"])
