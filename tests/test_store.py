"""The DuckDB store: migrations, idempotent writes, metadata updates, failures, clear errors."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import duckdb
import pytest

from parallax import open_corpus
from parallax.errors import StoreError
from parallax.ingest.run import IngestHooks
from parallax.settings import BASE_DB_MEMORY_MB, WRITE_DB_MEMORY_MB
from parallax.store.db import automatic_memory_mb, configure, connect, fit_memory_limit
from parallax.store.migrations import MIGRATIONS, SCHEMA_VERSION


def write_corpus(folder: Path, outlet: str = "Outlet A") -> None:
    folder.mkdir(exist_ok=True)
    (folder / "one.txt").write_text(
        "Strikes hit Raqqa\n\nCoalition aircraft struck targets near Raqqa on Monday, "
        "officials said.\n"
    )
    (folder / "two.txt").write_text(
        "Talks in Vienna\n\nDiplomats met in Vienna to discuss a settlement of the war.\n"
    )
    (folder / "bad.bin").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(64))
    rows = [{"file": "one.txt", "outlet": outlet}, {"file": "two.txt", "outlet": outlet}]
    (folder / "manifest.jsonl").write_text("\n".join(json.dumps(r) for r in rows) + "\n")


def test_new_database_is_at_current_schema(db: Path) -> None:
    con = connect(db)
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    assert row == (SCHEMA_VERSION,)
    con.close()
    # Opening again does not re-apply migrations.
    con = connect(db)
    assert con.execute("SELECT count(*) FROM schema_version").fetchone() == (SCHEMA_VERSION,)
    con.close()


def test_upgrading_a_v5_store_drops_record_keys_and_keeps_rows(db: Path) -> None:
    con = duckdb.connect(str(db))
    con.execute("CREATE TABLE schema_version (version INTEGER PRIMARY KEY, applied_at TIMESTAMP)")
    for number, migration in enumerate(MIGRATIONS[:5], start=1):
        con.execute(migration)
        con.execute("INSERT INTO schema_version VALUES (?, now())", [number])
    con.execute("INSERT INTO segments VALUES ('d1', 0, 'body', 0, 10), ('d1', 1, 'body', 11, 20)")
    con.close()
    con = connect(db)
    assert con.execute("SELECT count(*) FROM segments").fetchone() == (2,)
    keyed = {
        row[0]
        for row in con.execute(
            "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
        ).fetchall()
    }
    assert "segments" not in keyed
    assert "events" not in keyed
    assert "documents" in keyed  # content-keyed tables keep theirs
    not_null = con.execute(
        "SELECT count(*) FROM duckdb_constraints() "
        "WHERE table_name = 'events' AND constraint_type = 'NOT NULL'"
    ).fetchone()
    assert not_null is not None
    assert not_null[0] > 0
    con.close()


def test_duckdb_draws_no_progress_bar_on_our_stdout() -> None:
    """DuckDB draws one on stdout for a query over two seconds when it thinks it may (as on
    a terminal), into ``--format jsonl`` output; our connections switch it off."""
    con = duckdb.connect()
    con.execute("SET enable_progress_bar = true")  # what DuckDB chooses on a terminal
    configure(con, None)
    assert con.execute("SELECT current_setting('enable_progress_bar')").fetchone() == (False,)
    con.close()


def test_newer_schema_is_refused(db: Path) -> None:
    connect(db).close()
    con = duckdb.connect(str(db))
    con.execute("INSERT INTO schema_version VALUES (999, now())")
    con.close()
    with pytest.raises(StoreError, match="newer Parallax"):
        connect(db)


def test_not_a_database_file(tmp_path: Path) -> None:
    bogus = tmp_path / "notes.duckdb"
    bogus.write_text("I am a text file, not a database.\n" * 100)
    with pytest.raises(StoreError) as info:
        connect(bogus)
    assert str(bogus) in str(info.value)


def test_read_only_missing_database(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="no such database"):
        connect(tmp_path / "absent.duckdb", read_only=True)


def test_ingest_is_idempotent_and_records_failures(tmp_path: Path, db: Path) -> None:
    write_corpus(tmp_path / "in")
    with open_corpus(db) as corpus:
        first = corpus.ingest(tmp_path / "in")
        assert (first.totals.added, first.totals.unchanged, len(first.failures)) == (2, 0, 1)
        again = corpus.ingest(tmp_path / "in")
        assert (again.totals.added, again.totals.updated, again.totals.unchanged) == (0, 0, 2)
        counts = corpus.counts()
        assert counts["documents"] == 2
        assert counts["blobs"] == 2
        assert counts["sources"] == 2
        assert counts["failures"] == 1
        (failure,) = corpus.failures()
        assert failure.source.endswith("bad.bin")
        assert failure.kind == "binary"
        segments = corpus.connection.execute("SELECT count(*) FROM segments").fetchone()
        assert segments is not None
        assert segments[0] >= 2


def test_changed_manifest_updates_metadata_in_place(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder, outlet="Old Name")
    with open_corpus(db) as corpus:
        corpus.ingest(folder)
        ids_before = {d.id for d in corpus.documents()}
        write_corpus(folder, outlet="New Name")
        report = corpus.ingest(folder)
        assert report.totals.updated == 2
        docs = corpus.documents()
        assert {d.id for d in docs} == ids_before
        assert {d.outlet for d in docs} == {"New Name"}


def test_raw_bytes_kept_for_reprocessing(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder)
    with open_corpus(db) as corpus:
        corpus.ingest(folder)
        doc = corpus.document("one.txt")
        assert corpus.raw(doc.doc.id) == (folder / "one.txt").read_bytes()


def test_failure_cleared_when_input_is_fixed(tmp_path: Path, db: Path) -> None:
    folder = tmp_path / "in"
    write_corpus(folder)
    with open_corpus(db) as corpus:
        corpus.ingest(folder)
        (folder / "bad.bin").write_text("Now it is an article about talks in Geneva.\n")
        corpus.ingest(folder)
        assert corpus.failures() == []
        assert corpus.counts()["documents"] == 3


def test_segments_tile_stored_text(tmp_path: Path, db: Path, seeds: Path) -> None:
    with open_corpus(db) as corpus:
        corpus.ingest(seeds)
        for row in corpus.documents():
            analysis = corpus.document(row.id)
            spans = [(s.start, s.end) for s in analysis.segments]
            assert spans[0][0] == 0
            assert spans[-1][1] == len(analysis.text)
            assert all(a[1] == b[0] for a, b in itertools.pairwise(spans))


def test_second_writer_gets_a_clear_error(tmp_path: Path, db: Path) -> None:
    import subprocess
    import sys

    connect(db).close()
    holder = subprocess.Popen(
        [
            sys.executable,
            "-c",
            "import duckdb,sys,time; c=duckdb.connect(sys.argv[1]); print('ready', flush=True); "
            "time.sleep(30)",
            str(db),
        ],
        stdout=subprocess.PIPE,
    )
    try:
        assert holder.stdout is not None
        assert holder.stdout.readline().strip() == b"ready"
        with pytest.raises(StoreError, match="in use by another"):
            connect(db)
    finally:
        holder.kill()
        holder.wait()


def memory_limit(con: duckdb.DuckDBPyConnection) -> str:
    """DuckDB's memory cap as it reports it ("91.5 MiB")."""
    row = con.execute("SELECT current_setting('memory_limit')").fetchone()
    return str(row[0]) if row else ""


def reported(megabytes: int) -> str:
    """How DuckDB reports a cap of ``megabytes`` MB."""
    return memory_limit(duckdb.connect(config={"memory_limit": f"{megabytes}MB"}))


def test_the_automatic_database_memory_cap_follows_the_store(tmp_path: Path) -> None:
    con = connect(tmp_path / "growing.duckdb")
    empty = automatic_memory_mb(con)
    assert BASE_DB_MEMORY_MB <= empty < BASE_DB_MEMORY_MB + 5
    assert memory_limit(con) == reported(empty)
    con.execute(
        "CREATE TABLE filler AS SELECT md5(i::VARCHAR) || md5((i * 7)::VARCHAR) AS s "
        "FROM range(2000000) t(i)"
    )
    con.execute("CHECKPOINT")
    grown = automatic_memory_mb(con)
    assert grown >= empty + 1  # a 64th of the tens of MB just stored
    fit_memory_limit(con, None)
    assert memory_limit(con) == reported(grown)
    fit_memory_limit(con, 100)  # a user's setting wins
    assert memory_limit(con) == "95.3 MiB"
    con.close()


def test_ingest_writes_under_the_writers_cap_then_restores_the_query_cap(
    tmp_path: Path, db: Path
) -> None:
    """DuckDB keeps every page it wrote until its cap is reached, so batches are written under
    the smaller writer's cap; queries and passes after the ingest get the larger one back."""
    write_corpus(tmp_path / "in")
    seen: list[str] = []
    with open_corpus(db) as corpus:
        con = corpus.connection
        hooks = IngestHooks(on_commit=lambda _: seen.append(memory_limit(con)))
        corpus.ingest(tmp_path / "in", hooks=hooks)
        writing, after = seen[-1], memory_limit(con)  # the hook runs right after a batch's refit
        assert writing == reported(automatic_memory_mb(con, WRITE_DB_MEMORY_MB))
        assert after == reported(automatic_memory_mb(con))
        assert writing != after


def test_an_ingest_that_fails_midway_still_restores_the_query_cap(tmp_path: Path, db: Path) -> None:
    write_corpus(tmp_path / "in")

    def stop(_: object) -> None:
        raise KeyboardInterrupt  # the user pressed Ctrl-C after the first batch was written

    with open_corpus(db) as corpus:
        con = corpus.connection
        with pytest.raises(KeyboardInterrupt):
            corpus.ingest(tmp_path / "in", hooks=IngestHooks(on_commit=stop))
        assert memory_limit(con) == reported(automatic_memory_mb(con))
