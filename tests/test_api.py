"""The public Python API: analyze(), analyze_many(), open_corpus()."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

import parallax
from parallax.errors import UsageError


def test_public_api_is_small() -> None:
    assert len(parallax.__all__) <= 10
    for name in parallax.__all__:
        assert getattr(parallax, name) is not None


def test_analyze_returns_typed_contract() -> None:
    result = parallax.analyze(
        "Crisis talks in London\n\nKerry joined coalition partners in London on Thursday.\n",
        published="2015-01-23",
        outlet="Example Wire",
    )
    assert isinstance(result, parallax.Analysis)
    assert result.doc.published == dt.date(2015, 1, 23)
    assert result.doc.outlet == "Example Wire"
    data = result.to_dict()
    assert data["doc"]["published"] == "2015-01-23"
    assert data["segments"][-1]["end"] == len(data["text"])
    assert {"entities", "places", "times", "figures", "quotes", "events"} <= set(data)


def test_analyze_html_string() -> None:
    body = "Coalition aircraft struck targets near Raqqa on Monday, officials said. " * 8
    html = (
        "<html><head><title>Strikes</title></head>"
        f"<body><article><p>{body}</p></article></body></html>"
    )
    result = parallax.analyze(html)
    assert "<p>" not in result.text
    assert "Raqqa" in result.text


def test_analyze_no_clean_offsets_into_given_text() -> None:
    text = "Exactly\r\nas given"
    result = parallax.analyze(text, clean=False)
    assert result.text == text


def test_analyze_bad_published_is_usage_error() -> None:
    with pytest.raises(UsageError, match="not a date"):
        parallax.analyze("text", published="someday")


def test_analyze_many_is_lazy() -> None:
    results = parallax.analyze_many(["One article.", "Another article."])
    assert next(iter(results)).text == "One article."


def test_open_corpus_roundtrip(tmp_path: Path, seeds: Path) -> None:
    with parallax.open_corpus(tmp_path / "c.duckdb") as corpus:
        report = corpus.ingest(seeds)
        assert report.documents == 5
        titles = {d.title for d in corpus.documents()}
        assert "Crisis talks in London over Islamic State" in titles
        doc = corpus.document("004_3ad1adf3fbf3dd5d.txt")
        assert doc.doc.outlet == "Maclean's"
