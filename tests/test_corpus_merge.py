"""Merged events: the same event across documents becomes one event with every mention kept."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import duckdb
import pytest

from corpus_rows import add_document, add_event, store
from parallax.corpus.merge import (
    Clusterer,
    Mention,
    list_merged_events,
    merged_event,
)
from parallax.corpus.update import update_corpus

RAQQA = {"place_geonameid": 163915, "place_name": "Raqqa", "place_country_code": "SYR"}
RAQQA |= {"place_feature_class": "P"}
MANBIJ = {"place_geonameid": 166365, "place_name": "Manbij", "place_country_code": "SYR"}
MANBIJ |= {"place_feature_class": "P"}
STRIKE = {"type": "ASSAULT", "quad": "MATERIAL CONFLICT", "actor_id": "COALITION"}
STRIKE |= {"actor_name": "coalition", "recipient_actor_id": "ISIS"}


def _event_of(con: duckdb.DuckDBPyConnection, doc_id: str, idx: int = 0) -> str:
    row = con.execute(
        "SELECT event_id FROM event_mentions WHERE doc_id = ? AND idx = ?", [doc_id, idx]
    ).fetchone()
    assert row is not None
    return str(row[0])


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return store(tmp_path / "merge.duckdb")


def test_two_outlets_reporting_one_strike_make_one_event_with_both_mentions(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Daily", published="2016-03-03")
    add_event(con, "a", 0, **STRIKE, **RAQQA, date_earliest="2016-03-02", date_latest="2016-03-02")
    add_event(con, "b", 0, **STRIKE, **RAQQA, status="reported")
    update_corpus(con)
    assert _event_of(con, "a") == _event_of(con, "b")
    found = merged_event(con, _event_of(con, "a"))
    assert found is not None
    assert found["mention_count"] == 2
    assert [m["outlet"] for m in found["mentions"]] == ["Wire", "Daily"]
    assert found["corroboration"] == 2
    assert found["statuses"] == {"asserted": 1, "reported": 1}
    assert not found["disputed"]


def test_strikes_on_two_towns_the_same_day_stay_apart(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Daily", published="2016-03-02")
    add_event(con, "a", 0, **STRIKE, **RAQQA)
    add_event(con, "b", 0, **STRIKE, **MANBIJ)
    update_corpus(con)
    assert _event_of(con, "a") != _event_of(con, "b")


def test_the_same_town_struck_weeks_apart_stays_apart(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Wire", published="2016-03-20")
    add_event(con, "a", 0, **STRIKE, **RAQQA, date_earliest="2016-03-02", date_latest="2016-03-02")
    add_event(con, "b", 0, **STRIKE, **RAQQA, date_earliest="2016-03-19", date_latest="2016-03-19")
    update_corpus(con)
    assert _event_of(con, "a") != _event_of(con, "b")


def test_other_types_and_other_actors_stay_apart(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_event(con, "a", 0, **STRIKE, **RAQQA)
    add_event(con, "a", 1, **(STRIKE | {"type": "COERCE"}), **RAQQA)
    add_event(con, "a", 2, **(STRIKE | {"actor_id": "RUS", "actor_name": "Russia"}), **RAQQA)
    update_corpus(con)
    assert len({_event_of(con, "a", i) for i in range(3)}) == 3


def test_a_denial_is_kept_as_a_mention_and_marks_the_event_disputed(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Agency", published="2016-03-02")
    add_event(con, "a", 0, **STRIKE, **RAQQA, figures=[{"quantity": "killed", "value": 12}])
    add_event(con, "b", 0, **STRIKE, **RAQQA, status="negated")
    update_corpus(con)
    found = merged_event(con, _event_of(con, "a"))
    assert found is not None
    assert found["mention_count"] == 2
    assert found["disputed"]
    by_doc = {m["doc_id"]: m for m in found["mentions"]}
    assert by_doc["a"]["figures"][0]["value"] == 12
    assert by_doc["b"]["status"] == "negated"


def test_conflicting_figures_mark_the_event_disputed(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Daily", published="2016-03-02")
    add_event(con, "a", 0, **STRIKE, **RAQQA, figures=[{"quantity": "killed", "value": 12}])
    add_event(con, "b", 0, **STRIKE, **RAQQA, figures=[{"quantity": "killed", "value": 40}])
    update_corpus(con)
    found = merged_event(con, _event_of(con, "a"))
    assert found is not None
    assert found["disputed"]


def test_syndicated_copies_count_as_one_source(con) -> None:
    text = " ".join(f"word{i}" for i in range(300))
    add_document(con, "a", outlet="Wire", published="2016-03-02", text=text)
    add_document(con, "b", outlet="Reprint", published="2016-03-02", text=text + " extra")
    add_event(con, "a", 0, **STRIKE, **RAQQA)
    add_event(con, "b", 0, **STRIKE, **RAQQA)
    update_corpus(con)
    found = merged_event(con, _event_of(con, "a"))
    assert found is not None
    assert found["outlets"] == 2
    assert found["corroboration"] == 1


def test_reader_comments_are_never_merged_with_reporting(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_event(con, "a", 0, **STRIKE, **RAQQA)
    add_event(con, "a", 1, **STRIKE, **RAQQA, segment="comment")
    update_corpus(con)
    assert _event_of(con, "a", 0) != _event_of(con, "a", 1)


def test_every_event_has_one_merged_event_and_ids_survive_a_rebuild(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Daily", published="2016-03-02")
    for i in range(4):
        add_event(con, "a", i, **STRIKE, **(RAQQA if i % 2 else MANBIJ))
    add_event(con, "b", 0, **STRIKE, **RAQQA)
    update_corpus(con)
    before = con.execute(
        "SELECT doc_id, idx, event_id FROM event_mentions ORDER BY 1, 2"
    ).fetchall()
    assert len(before) == 5
    add_document(con, "c", outlet="Radio", published="2016-03-02")
    add_event(con, "c", 0, **STRIKE, **MANBIJ)
    update_corpus(con)
    after = {
        (r[0], r[1]): r[2]
        for r in con.execute("SELECT doc_id, idx, event_id FROM event_mentions").fetchall()
    }
    assert all(after[(d, i)] == e for d, i, e in before)
    assert update_corpus(con)["merged_events"] == len(set(after.values()))


def test_listing_filters_by_outlet_type_and_actor(con) -> None:
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Daily", published="2016-03-02")
    add_event(con, "a", 0, **STRIKE, **RAQQA)
    add_event(con, "b", 0, **STRIKE, **RAQQA)
    add_event(con, "b", 1, type="CONSULT", quad="VERBAL COOPERATION", actor_id="USA")
    update_corpus(con)
    total, items = list_merged_events(con)
    assert total == 2
    assert items[0]["corroboration"] == 2  # most corroborated first
    assert list_merged_events(con, event_type="consult")[0] == 1
    assert list_merged_events(con, outlet="wire")[0] == 1
    assert list_merged_events(con, actor="coalition")[0] == 1
    assert list_merged_events(con, limit=1)[1][0]["id"] == items[0]["id"]


def test_undated_mentions_merge_only_on_a_shared_anchor(con) -> None:
    """With no dates at all (a crawl without publication dates) the merge still joins
    mentions that share an actor and place, and keeps apart those that share nothing."""
    for doc_id in ("a", "b", "c"):
        add_document(con, doc_id, outlet=f"Outlet {doc_id}", published=None)
    add_event(con, "a", 0, **STRIKE, **RAQQA)
    add_event(con, "b", 0, **STRIKE, **RAQQA)
    add_event(con, "c", 0, type="ASSAULT", quad="MATERIAL CONFLICT", actor_id="HEZBOLLAH")
    update_corpus(con)
    assert _event_of(con, "a") == _event_of(con, "b")
    assert _event_of(con, "c") != _event_of(con, "a")


def test_a_vague_date_counts_as_none_and_falls_back_to_publication(con) -> None:
    """'In 2016' (a window over VAGUE_DAYS) cannot tell two strikes on one town apart, so
    each mention takes its document's days instead: months apart, they stay apart."""
    add_document(con, "a", outlet="Wire", published="2016-03-02")
    add_document(con, "b", outlet="Daily", published="2016-09-02")
    add_document(con, "c", outlet="Radio", published="2016-09-03")
    for doc_id in ("a", "b", "c"):
        add_event(
            con, doc_id, 0, **STRIKE, **RAQQA, date_earliest="2016-01-01", date_latest="2016-12-31"
        )
    update_corpus(con)
    assert _event_of(con, "a") != _event_of(con, "b")
    assert _event_of(con, "b") == _event_of(con, "c")
    found = merged_event(con, _event_of(con, "b"))
    assert found is not None
    assert (found["date_earliest"], found["date_latest"]) == ("2016-08-31", "2016-09-02")


def _mention(number: int, day: dt.date | None, place: int) -> Mention:
    return Mention(
        doc_id=f"d{number:06d}", idx=0, type="ASSAULT", status="asserted", comment=False,
        actors=frozenset({"COALITION"}), actor_country=None, recipients=frozenset(),
        recipient_country=None, place=place, locality=True, country="SYR", low=day, high=day,
        family=f"d{number:06d}", story=None,
    )  # fmt: skip


def test_the_clusterer_forgets_passed_weeks_so_memory_stays_flat() -> None:
    """A year of daily strikes on 50 towns: once the stream is past a week, its clusters are
    closed, so what is held stays the same however long the stream runs."""
    clusterer = Clusterer()
    held: list[int] = []
    start = dt.date(2016, 1, 1)
    for number in range(365 * 50):
        day = start + dt.timedelta(days=number // 50)
        clusterer.add(_mention(number, day, place=1 + number % 50))
        held.append(clusterer.held)
    assert clusterer.opened > 50 * 40  # towns struck weeks apart stay apart
    assert max(held[-5000:]) <= max(held[:5000]) + 50


def test_the_clusterer_bounds_what_undated_mentions_hold(monkeypatch) -> None:
    """Undated mentions have no week to close: every town is an anchor that could still be
    joined. At most MAX_OPEN clusters are held, the least recently joined closed first."""
    monkeypatch.setattr("parallax.corpus.merge.MAX_OPEN", 300)
    for towns, opened in ((200, 200), (1000, 2000)):
        clusterer = Clusterer()
        for number in range(2000):
            clusterer.add(_mention(number, None, place=1 + number % towns))
        assert clusterer.opened == opened  # 1,000 towns: each closed before it came back
        assert clusterer.held == min(towns, 300)


def test_mentions_of_one_town_merge_across_slices_of_the_stream(con, monkeypatch) -> None:
    """The stream is read in slices; a merged event spanning two slices stays one event."""
    monkeypatch.setattr("parallax.corpus.merge.CHUNK_ROWS", 2)
    for number, doc_id in enumerate("abcde"):
        add_document(con, doc_id, outlet=f"Outlet {number}", published="2016-03-02")
        add_event(con, doc_id, 0, **STRIKE, **RAQQA)
        add_event(con, doc_id, 1, **STRIKE, **MANBIJ)
    update_corpus(con)
    assert len({_event_of(con, d, 0) for d in "abcde"}) == 1
    assert len({_event_of(con, d, 1) for d in "abcde"}) == 1
    found = merged_event(con, _event_of(con, "c", 1))
    assert found is not None
    assert found["mention_count"] == 5
    assert found["corroboration"] == 5
