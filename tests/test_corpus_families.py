"""Source families: near-duplicate copies share a family; different articles do not."""

from __future__ import annotations

from pathlib import Path

from corpus_rows import add_document, store
from parallax.corpus.update import update_corpus

STORY = " ".join(f"token{i}" for i in range(400))


def _families(con) -> dict[str, str]:
    return dict(con.execute("SELECT doc_id, family_id FROM families").fetchall())


def test_copies_share_the_earliest_documents_family_and_others_stand_alone(tmp_path: Path) -> None:
    con = store(tmp_path / "f.duckdb")
    add_document(con, "b", outlet="Reprint", published="2016-03-03", text=STORY + " via wire")
    add_document(con, "a", outlet="Wire", published="2016-03-02", text=STORY)
    other = " ".join(f"other{i}" for i in range(400))
    add_document(con, "c", outlet="Else", published="2016-03-02", text=other)
    update_corpus(con)
    families = _families(con)
    assert families == {"a": "a", "b": "a", "c": "c"}


def test_a_copy_arriving_later_joins_and_nothing_changes_on_a_rerun(tmp_path: Path) -> None:
    con = store(tmp_path / "f.duckdb")
    add_document(con, "a", outlet="Wire", published="2016-03-02", text=STORY)
    update_corpus(con)
    add_document(con, "b", outlet="Reprint", published="2016-03-04", text="Headline. " + STORY)
    assert update_corpus(con)["families_updated"] == 1
    assert _families(con) == {"a": "a", "b": "a"}
    assert update_corpus(con)["families_updated"] == 0


def test_the_same_text_a_year_apart_is_not_a_copy(tmp_path: Path) -> None:
    con = store(tmp_path / "f.duckdb")
    add_document(con, "a", outlet="Wire", published="2016-03-02", text=STORY)
    add_document(con, "b", outlet="Wire", published="2017-03-02", text=STORY)
    update_corpus(con)
    assert _families(con) == {"a": "a", "b": "b"}


def test_reading_documents_in_slices_finds_the_same_families(tmp_path: Path, monkeypatch) -> None:
    """Signatures are computed a slice of documents at a time; a copy in another slice than
    its original still joins its family."""
    monkeypatch.setattr("parallax.corpus.families.LOAD_SLICE", 1)
    con = store(tmp_path / "f.duckdb")
    add_document(con, "b", outlet="Reprint", published="2016-03-03", text=STORY + " via wire")
    add_document(con, "a", outlet="Wire", published="2016-03-02", text=STORY)
    add_document(con, "c", outlet="Else", published="2016-03-02", text=STORY[::-1])
    update_corpus(con)
    assert _families(con) == {"a": "a", "b": "a", "c": "c"}
