"""The command line, run for real: messages, exit codes, formats, bad input."""

from __future__ import annotations

import csv
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import CliRun
from parallax.cli import EXIT_PARTIAL, EXIT_USAGE


def test_ingest_then_docs_table_json_csv(run: CliRun, seeds: Path) -> None:
    result = run("ingest", str(seeds))
    assert result.exit_code == 0, result.output
    assert "5 documents (5 new" in result.stderr
    table = run("docs")
    assert "Maclean's" in table.stdout
    rows = json.loads(run("docs", "--format", "json").stdout)
    assert len(rows) == 5
    assert set(rows[0]) == {"id", "outlet", "title", "published", "words", "segments"}
    assert all(r["words"] > 300 and r["segments"] >= 1 for r in rows)
    parsed = list(csv.DictReader(io.StringIO(run("docs", "--format", "csv").stdout)))
    assert [r["id"] for r in parsed] == [r["id"] for r in rows]


def test_reingest_reports_unchanged(run: CliRun, seeds: Path) -> None:
    run("ingest", str(seeds))
    again = run("ingest", str(seeds))
    assert "0 new, 0 updated, 5 unchanged" in again.stderr


def test_show_by_id_prefix_and_path(run: CliRun, seeds: Path) -> None:
    run("ingest", str(seeds))
    doc_id = json.loads(run("docs", "--format", "json").stdout)[0]["id"]
    shown = run("show", doc_id[:8])
    assert shown.exit_code == 0
    assert doc_id in shown.stdout
    assert "body " in shown.stdout
    as_json = json.loads(run("show", doc_id, "--format", "json").stdout)
    assert as_json["doc"]["id"] == doc_id
    by_path = run("show", "002_fe5b437a171caed1.txt", "--format", "json")
    assert json.loads(by_path.stdout)["doc"]["title"] == "Crisis talks in London over Islamic State"


def test_show_unknown_document(run: CliRun, seeds: Path) -> None:
    run("ingest", str(seeds))
    result = run("show", "nonexistent")
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.strip() == f"error: nonexistent: no such document in {run.db}"


def test_docs_on_missing_database(run: CliRun) -> None:
    result = run("docs")
    assert result.exit_code == EXIT_USAGE
    assert "no such database" in result.stderr


def test_bad_inputs_one_line_each_and_batch_goes_on(run: CliRun, tmp_path: Path) -> None:
    (tmp_path / "good.txt").write_text("Talks in Vienna\n\nDiplomats met in Vienna on Friday.\n")
    (tmp_path / "image.png").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(200))
    (tmp_path / "empty.txt").write_text("")
    (tmp_path / "broken.jsonl").write_text('{"text": "fine line"}\n{nope\n')
    (tmp_path / "page.html").write_text("<html><body><div></div></body></html>")
    result = run("ingest", str(tmp_path))
    assert result.exit_code == EXIT_PARTIAL
    skipped = [line for line in result.stderr.splitlines() if line.startswith("skipped: ")]
    assert len(skipped) == 4
    assert any("image.png: looks like a PNG image" in line for line in skipped)
    assert any("broken.jsonl#line 2: not a valid JSON line" in line for line in skipped)
    assert any("empty.txt: empty file" in line for line in skipped)
    assert any("page.html: no article text" in line for line in skipped)
    failed = json.loads(run("docs", "--failed", "--format", "json").stdout)
    assert {(Path(f["source"]).name, f["kind"]) for f in failed} == {
        ("image.png", "binary"),
        ("empty.txt", "empty"),
        ("broken.jsonl", "format"),
        ("page.html", "empty"),
    }
    assert len(json.loads(run("docs", "--format", "json").stdout)) == 2


def test_invalid_setting_is_one_line(run: CliRun, seeds: Path) -> None:
    result = run("ingest", "--max-doc-mb", "-3", str(seeds))
    assert result.exit_code == EXIT_USAGE
    assert result.stderr.startswith("error: invalid settings: max_doc_mb:")
    assert len(result.stderr.strip().splitlines()) == 1


def test_missing_path(run: CliRun) -> None:
    result = run("ingest", "/no/such/folder")
    assert result.exit_code == EXIT_PARTIAL
    assert "skipped: /no/such/folder: no such file or directory" in result.stderr


def test_ingest_from_stdin(run: CliRun) -> None:
    result = run("ingest", "-", input=b"Headline here\n\nA body paragraph about the talks.\n")
    assert result.exit_code == 0, result.stderr
    assert "1 documents (1 new" in result.stderr


def test_analyze_jsonl_contract_no_store(run: CliRun, seeds: Path, db: Path) -> None:
    result = run("analyze", "--no-store", str(seeds / "002_fe5b437a171caed1.txt"))
    assert result.exit_code == 0, result.stderr
    (line,) = result.stdout.strip().splitlines()
    doc = json.loads(line)
    assert set(doc) == {
        "doc",
        "text",
        "segments",
        "entities",
        "places",
        "times",
        "figures",
        "quotes",
        "events",
    }
    assert set(doc["doc"]) == {"id", "outlet", "title", "author", "published", "url"}
    assert doc["doc"]["outlet"] == "World Socialist Web Site"
    assert not db.exists()


def test_analyze_no_clean_offsets_index_the_input(run: CliRun, tmp_path: Path) -> None:
    raw = "Line one\r\nPlease read our comments policy.\r\n"
    path = tmp_path / "x.txt"
    path.write_bytes(raw.encode())
    out = run(
        "analyze",
        "--no-store",
        "--no-clean",
        "--published",
        "2016-01-02",
        "--outlet",
        "Mine",
        str(path),
    )
    doc = json.loads(out.stdout)
    assert doc["text"] == raw
    assert doc["segments"] == [{"kind": "body", "start": 0, "end": len(raw)}]
    assert (doc["doc"]["published"], doc["doc"]["outlet"]) == ("2016-01-02", "Mine")


def test_analyze_bad_published(run: CliRun, seeds: Path) -> None:
    result = run("analyze", "--published", "last tuesday", str(seeds))
    assert result.exit_code == EXIT_USAGE
    assert "--published 'last tuesday' is not a date" in result.stderr


def test_schema_command_prints_json_schema(run: CliRun) -> None:
    schema = json.loads(run("schema").stdout)
    assert "events" in schema["properties"]


@pytest.mark.slow
def test_huge_file_is_refused_in_bounded_memory(tmp_path: Path, db: Path) -> None:
    """A 200 MB single file gets a one-line error; the process never loads it."""
    big = tmp_path / "dump.txt"
    line = b"All work and no play makes a very long document indeed. " * 20 + b"\n"
    with big.open("wb") as f:
        for _ in range(200_000_000 // len(line) + 1):
            f.write(line)
    (tmp_path / "ok.txt").write_text("A headline\n\nA short body about strikes near Mosul.\n")
    # The child reports its own peak RSS (VmHWM starts afresh at exec; ru_maxrss would also
    # count the pages of the forked test process, which may hold a loaded model).
    report_peak = (
        "import atexit, runpy, sys\n"
        "def peak():\n"
        "    for line in open('/proc/self/status'):\n"
        "        if line.startswith('VmHWM:'):\n"
        "            sys.stderr.write('PEAK_KB ' + line.split()[1] + '\\n')\n"
        "atexit.register(peak)\n"
        "sys.argv = ['parallax'] + sys.argv[1:]\n"
        "runpy.run_module('parallax', run_name='__main__')\n"
    )
    proc = subprocess.run(
        [sys.executable, "-c", report_peak, "--db", str(db), "ingest", str(tmp_path)],
        stderr=subprocess.PIPE,
        check=False,
    )
    stderr = proc.stderr.decode()
    assert proc.returncode == EXIT_PARTIAL
    assert f"skipped: {big}: document is 200.0 MB, over the 10.0 MB limit" in stderr
    assert "1 documents (1 new" in stderr
    peak_kb = int(stderr.split("PEAK_KB ")[1].split()[0])
    assert peak_kb < 200_000  # the process never holds the 200 MB file


def test_size_cap_setting_raises_the_limit(run: CliRun, tmp_path: Path) -> None:
    doc = tmp_path / "long.txt"
    doc.write_text("A long headline\n\n" + "Many words in a very long report. " * 40_000)
    refused = run("ingest", "--max-doc-mb", "1", str(doc))
    assert refused.exit_code == EXIT_PARTIAL
    assert "over the 1.0 MB limit" in refused.stderr
    accepted = run("ingest", "--max-doc-mb", "2", str(doc))
    assert accepted.exit_code == 0, accepted.stderr


def test_workers_must_be_a_sane_count(run: CliRun, tmp_path: Path) -> None:
    article = tmp_path / "a.txt"
    article.write_text("Title\n\nJets struck Raqqa.\n", encoding="utf-8")
    result = run("analyze", "--workers", "-1", str(article))
    assert result.exit_code == 2
    assert "--workers" in result.output


def test_workers_setting_from_the_environment_is_validated(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from parallax.errors import UsageError
    from parallax.settings import load_settings

    monkeypatch.setenv("PARALLAX_WORKERS", "3")
    assert load_settings().worker_count == 3
    monkeypatch.setenv("PARALLAX_WORKERS", "0")
    assert 1 <= load_settings().worker_count <= 4
    monkeypatch.setenv("PARALLAX_WORKERS", "many")
    with pytest.raises(UsageError, match="workers"):
        load_settings()


def test_the_database_memory_cap_reaches_duckdb_and_is_validated(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from parallax.errors import UsageError
    from parallax.settings import load_settings
    from parallax.store.corpus import open_corpus

    monkeypatch.setenv("PARALLAX_DB_MEMORY_MB", "300")
    with open_corpus(tmp_path / "capped.duckdb") as corpus:
        row = corpus.connection.execute("SELECT current_setting('memory_limit')").fetchone()
    assert row is not None
    assert row[0] == "286.1 MiB"  # DuckDB reports 300 MB in MiB
    monkeypatch.setenv("PARALLAX_DB_MEMORY_MB", "8")
    with pytest.raises(UsageError, match="db_memory_mb"):
        load_settings()


def test_running_out_of_database_memory_names_the_store_and_the_setting(tmp_path: Path) -> None:
    import duckdb

    from parallax.cli import out_of_database_memory
    from parallax.store.corpus import open_corpus

    with open_corpus(tmp_path / "capped.duckdb", db_memory_mb=128) as corpus:
        message = out_of_database_memory(
            corpus, duckdb.OutOfMemoryException("Out of Memory Error: failed to allocate\nmore")
        )
    assert message.startswith(f"{tmp_path / 'capped.duckdb'}: ")
    assert "122.0 MiB memory cap" in message  # DuckDB's own words for 128 MB
    assert "PARALLAX_DB_MEMORY_MB" in message
    assert "\n" not in message
