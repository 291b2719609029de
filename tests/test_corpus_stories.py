"""Stories: documents about the same happening group together, incrementally and stably."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from corpus_rows import add_document, add_entity, store
from parallax.corpus.stories import cosine, list_stories, story, title_words
from parallax.corpus.update import update_corpus


def _story_of(con: duckdb.DuckDBPyConnection, doc_id: str) -> str:
    row = con.execute("SELECT story_id FROM story_documents WHERE doc_id = ?", [doc_id]).fetchone()
    assert row is not None
    return str(row[0])


def _article(con, doc_id, published, title, actors) -> None:
    add_document(con, doc_id, outlet=f"Outlet {doc_id}", published=published, title=title)
    for i, actor in enumerate(actors):
        add_entity(con, doc_id, i, actor, actor)


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return store(tmp_path / "stories.duckdb")


def test_articles_on_one_happening_share_a_story_and_others_do_not(con) -> None:
    _article(con, "a", "2016-03-02", "Coalition jets strike Raqqa", ["COALITION", "ISIS", "SYR"])
    _article(con, "b", "2016-03-03", "Raqqa strike kills civilians", ["COALITION", "ISIS", "SYR"])
    _article(con, "c", "2016-03-03", "EU ministers agree new sanctions", ["EU", "RUS", "UKR"])
    update_corpus(con)
    assert _story_of(con, "a") == _story_of(con, "b")
    assert _story_of(con, "c") != _story_of(con, "a")


def test_the_same_actors_a_year_later_open_a_new_story(con) -> None:
    _article(con, "a", "2016-03-02", "Coalition jets strike Raqqa", ["COALITION", "ISIS"])
    _article(con, "b", "2017-03-02", "Coalition jets strike Raqqa", ["COALITION", "ISIS"])
    update_corpus(con)
    assert _story_of(con, "a") != _story_of(con, "b")


def test_new_documents_join_without_reshuffling_earlier_decisions(con) -> None:
    _article(con, "a", "2016-03-02", "Coalition jets strike Raqqa", ["COALITION", "ISIS"])
    _article(con, "c", "2016-03-03", "EU ministers agree sanctions", ["EU", "RUS"])
    update_corpus(con)
    before = {d: _story_of(con, d) for d in "ac"}
    _article(con, "b", "2016-03-04", "More strikes on Raqqa", ["COALITION", "ISIS"])
    assert update_corpus(con)["stories_updated"] == 1  # only the new document was looked at
    assert {d: _story_of(con, d) for d in "ac"} == before
    assert _story_of(con, "b") == before["a"]
    assert update_corpus(con)["stories_updated"] == 0  # idempotent


def test_listing_and_one_story(con) -> None:
    _article(con, "a", "2016-03-02", "Coalition jets strike Raqqa", ["COALITION", "ISIS"])
    _article(con, "b", "2016-03-05", "Raqqa strikes go on", ["COALITION", "ISIS"])
    update_corpus(con)
    rows = list_stories(con)
    assert len(rows) == 1
    assert rows[0]["documents"] == 2
    assert rows[0]["outlets"] == 2
    assert (rows[0]["first_date"], rows[0]["last_date"]) == ("2016-03-02", "2016-03-05")
    found = story(con, rows[0]["id"][:6])
    assert found is not None
    assert [d["id"] for d in found["documents_list"]] == ["a", "b"]
    assert story(con, "nope") is None


def test_title_words_and_cosine() -> None:
    assert title_words("The strikes on Raqqa and Mosul") == ["strikes", "raqqa", "mosul"]
    assert cosine({"a": 1.0}, {"a": 2.0}) == pytest.approx(1.0)
    assert cosine({"a": 1.0}, {}) == 0.0


def test_documents_read_in_slices_still_join_stories_of_earlier_slices(con, monkeypatch) -> None:
    monkeypatch.setattr("parallax.corpus.stories.READ_SLICE", 1)
    _article(con, "a", "2016-03-02", "Coalition jets strike Raqqa", ["COALITION", "ISIS", "SYR"])
    _article(con, "b", "2016-03-03", "Raqqa strike kills civilians", ["COALITION", "ISIS", "SYR"])
    _article(con, "c", "2016-03-03", "EU ministers agree new sanctions", ["EU", "RUS", "UKR"])
    assert update_corpus(con)["stories_updated"] == 3
    assert _story_of(con, "a") == _story_of(con, "b")
    assert _story_of(con, "c") != _story_of(con, "a")
