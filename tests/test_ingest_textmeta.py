"""Title, byline and dateline read from the text when no manifest or page metadata gives them."""

from __future__ import annotations

import datetime as dt

import pytest

import parallax
from parallax.ingest.segment import segment_text
from parallax.ingest.textmeta import byline_name, dateline_date, extract_text_metadata, find_date


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("23 January 2015", dt.date(2015, 1, 23)),
        ("January 23, 2015", dt.date(2015, 1, 23)),
        ("Jan. 23, 2015", dt.date(2015, 1, 23)),
        ("Friday 23rd January 2015", dt.date(2015, 1, 23)),
        ("2015-01-23", dt.date(2015, 1, 23)),
        ("Sept 3 2016", dt.date(2016, 9, 3)),
    ],
)
def test_find_date_reads_common_forms(written: str, expected: dt.date) -> None:
    hit = find_date(f"Posted {written} by staff")
    assert hit is not None
    assert hit[0] == expected


def test_find_date_skips_impossible_dates() -> None:
    assert find_date("31 February 2015") is None
    assert find_date("no date here at all") is None


@pytest.mark.parametrize(
    "line",
    [
        "23 January 2015",
        "Published: 3 March 2016, 14:02 GMT",
        "Updated January 4, 2017 at 09:30",
        "LONDON, 23 January 2015",
    ],
)
def test_datelines_are_recognised(line: str) -> None:
    assert dateline_date(line) is not None


@pytest.mark.parametrize(
    "line",
    [
        "Cameron met Obama on 16 January 2015",
        "the talks ended on 23 January 2015 without a deal",
        "Washington 28 state gathering 2017",
    ],
)
def test_sentences_with_dates_are_not_datelines(line: str) -> None:
    assert dateline_date(line) is None


@pytest.mark.parametrize(
    ("line", "name"),
    [
        ("By Jane Roe", "Jane Roe"),
        ("Serge Jordan, CWI", "Serge Jordan"),
        ("By Jane Roe | Northern Desk", "Jane Roe"),
        ("Written by Omar Haddad – Beirut", "Omar Haddad"),
        ("Paul Mitchell", "Paul Mitchell"),
    ],
)
def test_byline_name_drops_prefix_and_affiliation(line: str, name: str) -> None:
    assert byline_name(line) == name


def test_metadata_from_header_lines() -> None:
    text = (
        "Aid convoy reaches besieged town\n\n"
        "By Omar Haddad, Beirut bureau\n"
        "4 February 2016\n\n"
        "A convoy of 40 trucks reached the town on Thursday, the first since October, "
        "aid workers said.\n"
    )
    meta = extract_text_metadata(text, segment_text(text))
    assert meta.title == "Aid convoy reaches besieged town"
    assert meta.author == "Omar Haddad"
    assert meta.published == dt.date(2016, 2, 4)


def test_text_without_header_has_no_metadata() -> None:
    text = "A convoy of 40 trucks reached the town on Thursday, aid workers said on 4 May 2016.\n"
    meta = extract_text_metadata(text, segment_text(text))
    assert (meta.title, meta.author, meta.published) == (None, None, None)


def test_analyze_fills_document_metadata_from_the_text() -> None:
    text = (
        "Talks on the dam resume\n\nJane Roe\nMarch 3, 2016\n\n"
        "Engineers and officials met again on Wednesday to discuss repairs to the dam.\n"
    )
    doc = parallax.analyze(text).doc
    assert (doc.title, doc.author, doc.published) == (
        "Talks on the dam resume",
        "Jane Roe",
        dt.date(2016, 3, 3),
    )


def test_given_metadata_wins_over_the_text() -> None:
    text = "Talks resume\n\nMarch 3, 2016\n\nEngineers met again on Wednesday to discuss repairs.\n"
    doc = parallax.analyze(text, published="2016-03-04").doc
    assert doc.published == dt.date(2016, 3, 4)
