"""The benchmark's corpus and report (the timings themselves are measured, never asserted)."""

from __future__ import annotations

from pathlib import Path

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
        "full": {
            "seconds": 13.0,
            "passes_seconds": 2.0,
            "documents_stored": 10.0,
            "events": 7.0,
            "peak_rss_mb": 900.0,
            "peak_mb_1000": 800.0,
        },
    }
    text = markdown(rows, 10, 1000.0, 2)
    assert "| 3. full `analyze` path into DuckDB (2 workers) | 13.0 | 0.8 | 77 | 900 |" in text
    assert "full / bare model: **1.30**" in text
    assert "full / tokenizer: 13.0" in text
    assert "after 1,000 documents: 800 MB" in text
    assert "| full path documents/s | ≥ 25 | 0.77 | no |" in text
    assert "| full / bare model | ≤ 1.3 | 1.30 | yes |" in text


def test_tree_memory_counts_child_processes() -> None:
    import subprocess
    import sys

    from parallax.benchmark_memory import TreeMemory, tree_resident_mb

    alone = tree_resident_mb()
    grab = "x = bytearray(200 * 1024 * 1024); import time; time.sleep(3)"
    with TreeMemory(interval=0.05) as memory:
        child = subprocess.Popen([sys.executable, "-c", grab])
        child.wait()
    assert memory.peak_mb >= alone + 150  # the child's 200 MB counted with this process


def test_replicas_keep_lengths_and_records_but_change_text_and_dates(tmp_path: Path) -> None:
    from parallax.benchmark_corpus import replicate
    from parallax.store.corpus import open_corpus

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Raqqa was struck on Monday.\n", encoding="utf-8")
    (folder / "b.txt").write_text("Talks opened in Geneva.\n", encoding="utf-8")
    with open_corpus(tmp_path / "x.duckdb") as store:
        store.ingest(folder)
        con = store.connection
        con.execute("UPDATE documents SET published = DATE '2016-01-01'")
        lengths = {r[0] for r in con.execute("SELECT length(text) FROM documents").fetchall()}
        replicate(con, 3)
        made = replicate(con, 5)  # growing in two steps, as the benchmark does
        rows = con.execute("SELECT id, text, published FROM documents ORDER BY id").fetchall()
        segments = con.execute("SELECT count(*) FROM segments").fetchone()
    assert made == 5
    assert len(rows) == 5
    assert len({r[1] for r in rows}) == 5  # every replica's text differs
    assert {len(r[1]) for r in rows} == lengths  # offsets of copied records stay valid
    assert {r[2].isoformat() for r in rows} >= {"2016-01-31", "2016-03-01"}
    assert segments is not None
    assert segments[0] >= 5


def test_section_replaces_only_its_markers(tmp_path: Path) -> None:
    from parallax.benchmark import write_section
    from parallax.benchmark_corpus import BEGIN, END

    doc = tmp_path / "performance.md"
    doc.write_text("# Performance\n\nmodel table\n", encoding="utf-8")
    write_section(doc, f"{BEGIN}\nfirst\n{END}", BEGIN, END)
    write_section(doc, f"{BEGIN}\nsecond\n{END}", BEGIN, END)
    text = doc.read_text(encoding="utf-8")
    assert text.startswith("# Performance\n\nmodel table\n")
    assert "second" in text
    assert "first" not in text
    assert text.count(BEGIN) == 1
