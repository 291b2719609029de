"""The benchmark's corpus and report (the timings themselves are measured, never asserted)."""

from __future__ import annotations

from parallax.benchmark import corpus, markdown


def test_repeated_corpus_documents_are_all_distinct() -> None:
    docs = corpus(["First article.", "Second article."], 5)
    assert len(docs) == 5
    assert len(set(docs)) == 5  # content-addressed ids must differ
    assert docs[2].startswith("First article.")


def test_report_gives_each_stage_and_the_cost_ratios() -> None:
    rows = {
        "tokenizer": {"seconds": 1.0, "words": 1000.0, "peak_rss_mb": 100.0},
        "model": {"seconds": 10.0, "words": 1000.0, "peak_rss_mb": 500.0},
        "full": {"seconds": 13.0, "documents_stored": 10.0, "events": 7.0, "peak_rss_mb": 900.0},
    }
    text = markdown(rows, 10, 1000.0)
    assert "| 3. full `analyze` path into DuckDB | 13.0 | 0.8 | 77 | 900 |" in text
    assert "full / bare model: **1.30**" in text
    assert "full / tokenizer: 13.0" in text
