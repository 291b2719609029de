"""A run killed at any moment leaves the database consistent; re-running completes it."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest

from conftest import run_subprocess

#: Enough batches that the run cannot finish between its third commit and the signal, even
#: when the reading test process is descheduled for a moment (1,500 once did).
N_DOCS = 4000


def make_corpus(folder: Path) -> None:
    folder.mkdir()
    for i in range(N_DOCS):
        (folder / f"article_{i:05d}.txt").write_text(
            f"Report number {i} on the war\n\n"
            f"Coalition aircraft carried out {i % 40 + 1} strikes near Raqqa, officials said "
            f"in statement {i}. Residents described heavy damage in district {i % 17}.\n\n"
            "Share this article\n"
        )


def check_consistent(db: Path) -> int:
    """Every stored document is whole: blob, source and segments tiling its text."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        orphans = con.execute(
            "SELECT count(*) FROM documents d WHERE NOT EXISTS "
            "(SELECT 1 FROM blobs b WHERE b.sha256 = d.sha256) "
            "OR NOT EXISTS (SELECT 1 FROM sources s WHERE s.doc_id = d.id) "
            "OR NOT EXISTS (SELECT 1 FROM segments g WHERE g.doc_id = d.id)"
        ).fetchone()
        assert orphans == (0,)
        untiled = con.execute(
            'SELECT count(*) FROM (SELECT d.id, d.chars, sum(g."end" - g.start) AS covered '
            "FROM documents d JOIN segments g ON g.doc_id = d.id GROUP BY d.id, d.chars) "
            "WHERE covered != chars"
        ).fetchone()
        assert untiled == (0,)
        duplicates = con.execute("SELECT count(*) - count(DISTINCT source) FROM sources").fetchone()
        assert duplicates == (0,)
        row = con.execute("SELECT count(*) FROM documents").fetchone()
        assert row is not None
        return int(row[0])
    finally:
        con.close()


@pytest.mark.slow
@pytest.mark.parametrize("sig", [signal.SIGKILL, signal.SIGINT])
def test_killed_run_is_consistent_and_resumes(tmp_path: Path, sig: signal.Signals) -> None:
    corpus = tmp_path / "corpus"
    make_corpus(corpus)
    db = tmp_path / "kill.duckdb"
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "parallax",
            "--db",
            str(db),
            "ingest",
            "--verbose",
            "--batch-size",
            "25",
            str(corpus),
        ],
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None
    committed = 0
    for line in proc.stderr:
        if line.startswith(b"committed batch"):
            committed += 1
            if committed == 3:
                break
    proc.send_signal(sig)
    proc.wait(timeout=60)
    assert committed == 3, "the run ended before it could be interrupted"
    stored = check_consistent(db)
    assert 75 <= stored < N_DOCS  # at least the committed batches, not the whole corpus
    if sig == signal.SIGINT:
        assert proc.returncode == 130
    resumed = run_subprocess("ingest", str(corpus), db=db, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert f"{N_DOCS:,} documents ({N_DOCS - stored:,} new, 0 updated, {stored:,} unchanged)" in (
        resumed.stderr.decode()
    )
    assert check_consistent(db) == N_DOCS


def _worker_processes_of(parent: int) -> list[int]:
    """Live processes started by ``parent`` through multiprocessing's spawn (Linux /proc)."""
    found = []
    for status in Path("/proc").glob("[0-9]*/status"):
        try:
            fields = dict(
                line.split(":\t", 1) for line in status.read_text().splitlines() if ":\t" in line
            )
            cmdline = (status.parent / "cmdline").read_bytes()
        except OSError:
            continue
        if fields.get("PPid", "").strip() == str(parent) and b"spawn_main" in cmdline:
            found.append(int(status.parent.name))
    return found


@pytest.mark.slow
@pytest.mark.model
def test_interrupted_parallel_analysis_stops_its_workers_and_resumes(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    total = 240
    for i in range(total):
        (corpus / f"a{i:04d}.txt").write_text(
            f"Report {i}\n\nUS jets struck Raqqa on Friday, killing {i + 2} fighters, the "
            f"Pentagon said in statement {i}.\n",
            encoding="utf-8",
        )
    db = tmp_path / "parallel.duckdb"
    command = [sys.executable, "-m", "parallax", "--db", str(db), "analyze", "--workers", "2"]
    proc = subprocess.Popen(
        [*command, "--verbose", "--batch-size", "40", str(corpus)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        env={**os.environ, "PYTHONUNBUFFERED": "1"},
    )
    assert proc.stderr is not None
    for line in proc.stderr:
        if line.startswith(b"committed batch"):
            break
    workers = _worker_processes_of(proc.pid)
    proc.send_signal(signal.SIGINT)
    proc.wait(timeout=120)
    assert proc.returncode == 130
    assert len(workers) == 2  # the batches really went to two worker processes
    assert not [w for w in workers if Path(f"/proc/{w}").exists()], "workers outlived the run"
    stored = check_consistent(db)
    assert 40 <= stored < total
    resumed = run_subprocess("analyze", "--workers", "2", str(corpus), db=db, timeout=600)
    assert resumed.returncode == 0, resumed.stderr.decode()
    assert f"({total - stored:,} new, 0 updated, {stored:,} unchanged)" in resumed.stderr.decode()
    con = duckdb.connect(str(db), read_only=True)
    try:
        analysed = con.execute("SELECT count(DISTINCT doc_id) FROM analyses").fetchone()
        events = con.execute("SELECT count(DISTINCT doc_id) FROM events").fetchone()
    finally:
        con.close()
    assert analysed == (total,)
    assert events is not None
    assert events[0] >= total * 0.9
