"""The annotator reads every segment but boilerplate and maps records back to document offsets."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.extract import annotate
from parallax.extract.annotate import Annotator, pieces
from parallax.schema import Analysis, DocumentMeta, Segment


def doc(text: str, segments: list[tuple[str, int, int]]) -> Analysis:
    return Analysis(
        doc=DocumentMeta(id="x", published=dt.date(2015, 11, 20)),
        text=text,
        segments=[Segment(kind=k, start=s, end=e) for k, s, e in segments],  # type: ignore[arg-type]
    )


def test_boilerplate_is_skipped_and_comments_kept() -> None:
    text = "Menu Home\nTroops advanced.\nReader says hi."
    parts = list(
        pieces(doc(text, [("boilerplate", 0, 10), ("body", 10, 27), ("comment", 27, len(text))]))
    )
    assert [text[p.start : p.end] for p in parts] == ["Troops advanced.\n", "Reader says hi."]


def test_unsegmented_text_is_one_piece() -> None:
    assert [(p.start, p.end) for p in pieces(doc("Just text.", []))] == [(0, 10)]


def test_long_segments_are_cut_at_line_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(annotate, "MAX_PIECE_CHARS", 40)
    text = "\n".join(f"Line number {i} of the body." for i in range(10))
    parts = list(pieces(doc(text, [("body", 0, len(text))])))
    assert len(parts) > 1
    assert all(p.end - p.start <= 40 for p in parts)
    assert "".join(text[p.start : p.end] for p in parts) == text  # nothing lost or repeated
    assert all(text[p.end - 1] == "\n" for p in parts[:-1])


def test_whitespace_only_segments_are_not_analysed() -> None:
    text = "Body.\n   \n"
    assert len(list(pieces(doc(text, [("body", 0, 6), ("body", 6, len(text))])))) == 1


@pytest.mark.model
def test_records_point_into_the_document_text() -> None:
    text = (
        "Strikes hit Raqqa\n"
        "US warplanes struck Raqqa in Syria on Friday, killing at least 30 fighters, "
        "the Pentagon said.\n"
        "Comment: Kerry met Lavrov in Geneva last week."
    )
    body = text.index("US warplanes")
    comment = text.index("Comment:")
    source = doc(
        text, [("title", 0, body), ("body", body, comment), ("comment", comment, len(text))]
    )
    (result,) = Annotator().annotate([source])
    for kind in ("entities", "places", "times", "figures"):
        for record in getattr(result, kind):
            assert text[record.start : record.end] == record.text, (kind, record)
    place_names = {p.text for p in result.places}
    assert {"Raqqa", "Syria", "Geneva"} <= place_names
    raqqa = next(p for p in result.places if p.text == "Raqqa")
    assert raqqa.country_code == "SYR"
    assert any(t.value == "2015-11-20" for t in result.times)  # Friday before publication
    assert any(f.value == 30 and f.low == 30 for f in result.figures)
    actors = {e.actor_id for e in result.entities}
    assert {"JOHN_KERRY", "SERGEI_LAVROV"} <= actors
    geneva = next(p for p in result.places if p.text == "Geneva")
    assert geneva.start > comment  # a reader's place stays in the comment segment
