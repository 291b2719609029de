"""Records of the facts layer are stored once per document, replaced whole, and listed back."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from parallax.errors import UsageError
from parallax.schema import (
    Analysis,
    DocumentMeta,
    Entity,
    Figure,
    Place,
    Segment,
    Time,
    segment_kind,
)
from parallax.store.corpus import Corpus
from parallax.store.records import stale_documents, write_records

TEXT = "Title line\nIraqi forces entered Mosul on Friday, killing 25 fighters.\nReader: lies!"


def analysis(doc_id: str = "d1", outlet: str = "Daily Example") -> Analysis:
    body_start = TEXT.index("Iraqi")
    comment_start = TEXT.index("Reader")
    mosul = TEXT.index("Mosul")
    friday = TEXT.index("Friday")
    figure = TEXT.index("25 fighters")
    lies = TEXT.index("lies")
    return Analysis(
        doc=DocumentMeta(id=doc_id, outlet=outlet, published=dt.date(2016, 10, 21)),
        text=TEXT,
        segments=[
            Segment(kind="title", start=0, end=body_start),
            Segment(kind="body", start=body_start, end=comment_start),
            Segment(kind="comment", start=comment_start, end=len(TEXT)),
        ],
        entities=[
            Entity(
                start=body_start, end=body_start + 5, text="Iraqi", label="NORP", actor_id="IRQ"
            ),
            Entity(start=mosul, end=mosul + 5, text="Mosul", label="GPE"),
        ],
        places=[
            Place(
                start=mosul,
                end=mosul + 5,
                text="Mosul",
                geonameid=99072,
                name="Mosul",
                country_code="IRQ",
                lat=36.3,
                lon=43.1,
                feature_class="P",
            )
        ],
        times=[
            Time(
                start=friday,
                end=friday + 6,
                text="Friday",
                type="DATE",
                value="2016-10-21",
                earliest="2016-10-21",
                latest="2016-10-21",
            )
        ],
        figures=[
            Figure(
                start=figure,
                end=figure + 11,
                text="25 fighters",
                value=25,
                quantity="killed",
                about="fighters",
            ),
            Figure(start=lies, end=lies + 4, text="lies", quantity="other"),
        ],
    )


def insert_document(corpus: Corpus, doc: Analysis) -> None:
    corpus.connection.execute(
        "INSERT INTO documents (id, sha256, source_format, outlet, published, text, chars, words,"
        " fingerprint, ingested_at, updated_at) VALUES (?, ?, 'text', ?, ?, ?, ?, 0, '', now(),"
        " now())",
        [doc.doc.id, doc.doc.id, doc.doc.outlet, doc.doc.published, doc.text, len(doc.text)],
    )


@pytest.fixture
def corpus(db: Path) -> Corpus:
    return Corpus(db)


def test_segment_kind_finds_the_containing_segment() -> None:
    segments = analysis().segments
    assert segment_kind(segments, 0) == "title"
    assert segment_kind(segments, TEXT.index("Mosul")) == "body"
    assert segment_kind(segments, len(TEXT) - 1) == "comment"
    assert segment_kind(segments, len(TEXT)) is None


def test_records_round_trip_and_rewrite_without_duplicates(corpus: Corpus) -> None:
    doc = analysis()
    insert_document(corpus, doc)
    assert stale_documents(corpus.connection, "v1") == ["d1"]
    for _ in range(2):
        write_records(corpus.connection, [doc], "v1")
    assert stale_documents(corpus.connection, "v1") == []
    assert stale_documents(corpus.connection, "v2") == ["d1"]
    loaded = corpus.document("d1")
    assert {p.segment for p in loaded.places} == {"body"}  # stored records say where they lie
    for kind in ("places", "times", "figures", "entities"):
        unmarked = [r.model_copy(update={"segment": None}) for r in getattr(loaded, kind)]
        assert unmarked == getattr(doc, kind), kind
    smaller = doc.model_copy(update={"figures": doc.figures[:1]})
    write_records(corpus.connection, [smaller], "v1")
    assert len(corpus.records("figures")) == 1
    newcomer = analysis("d2", "Weekly Sample")
    insert_document(corpus, newcomer)
    write_records(corpus.connection, [doc, newcomer], "v2")  # one re-analysed, one new
    figures = corpus.records("figures")
    assert sorted(f["doc_id"] for f in figures) == ["d1", "d1", "d2", "d2"]
    assert stale_documents(corpus.connection, "v2") == []


def test_listing_filters(corpus: Corpus) -> None:
    first, second = analysis("d1", "Daily Example"), analysis("d2", "Weekly Sample")
    for doc in (first, second):
        insert_document(corpus, doc)
    write_records(corpus.connection, [first, second], "v1")
    places = corpus.records("places", where={"country_code": "IRQ"})
    assert {p["doc_id"] for p in places} == {"d1", "d2"}
    assert places[0]["segment"] == "body"
    assert places[0]["outlet"] in {"Daily Example", "Weekly Sample"}
    assert [r["doc_id"] for r in corpus.records("places", outlet="weekly")] == ["d2"]
    killed = corpus.records("figures", where={"quantity": "killed"})
    assert [f["value"] for f in killed] == [25.0, 25.0]
    comments = corpus.records("figures", where={"segment": "comment"})
    assert [f["text"] for f in comments] == ["lies", "lies"]
    assert corpus.records("entities", contains="iraq", limit=1)[0]["actor_id"] == "IRQ"


def test_unknown_kind_or_column_is_refused(corpus: Corpus) -> None:
    with pytest.raises(UsageError, match="not a record kind"):
        corpus.records("rumours")
    with pytest.raises(ValueError, match="unknown column"):
        corpus.records("places", where={"drop table": 1})
