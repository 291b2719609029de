"""Opening the DuckDB store: one connection, migrated to the current schema, clear errors.

DuckDB is embedded: no server to run, one file to share. It allows one writing process at a
time, so "the file is in use" is a normal condition and gets a message that says so.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Final

import duckdb

from parallax.errors import StoreError
from parallax.settings import BASE_DB_MEMORY_MB
from parallax.store.migrations import MIGRATIONS, SCHEMA_VERSION


def _current_version(con: duckdb.DuckDBPyConnection) -> int:
    exists = con.execute(
        "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_version'"
    ).fetchone()
    if not exists or not exists[0]:
        return 0
    row = con.execute("SELECT max(version) FROM schema_version").fetchone()
    return int(row[0]) if row and row[0] is not None else 0


def migrate(con: duckdb.DuckDBPyConnection, where: str) -> int:
    """Bring the schema up to date in one transaction; return the version now in force."""
    version = _current_version(con)
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"{where}: written by a newer Parallax (schema v{version}, this one knows "
            f"v{SCHEMA_VERSION}); upgrade Parallax to open it"
        )
    if version == SCHEMA_VERSION:
        return version
    con.execute("BEGIN TRANSACTION")
    try:
        con.execute(
            "CREATE TABLE IF NOT EXISTS schema_version "
            "(version INTEGER PRIMARY KEY, applied_at TIMESTAMP NOT NULL)"
        )
        for number in range(version + 1, SCHEMA_VERSION + 1):
            con.execute(MIGRATIONS[number - 1])
            con.execute(
                "INSERT INTO schema_version VALUES (?, ?)", [number, dt.datetime.now(dt.UTC)]
            )
        con.execute("COMMIT")
    except duckdb.Error as exc:
        con.execute("ROLLBACK")
        raise StoreError(f"{where}: migration to schema v{SCHEMA_VERSION} failed: {exc}") from exc
    return SCHEMA_VERSION


#: The store's size over this is the room left for the key (ART) indexes in the buffer pool.
#: Since schema v6 only per-document keys are left (documents, blobs, sources, analyses, pass
#: bookkeeping). Measured during ``analyze`` of PolNeAR articles: ~3 MB for a small store, then
#: ~0.1 MB more per 1,000 documents (3.1 → 3.4 MB from 1,200 to 3,600 documents), under 1 % of
#: the store past a few thousand documents; the base covers the first 3 MB and a 64th of the
#: store leaves well over the rest. Before v6 the record tables' keys took ~9 % and this was 8.
INDEX_SHARE: Final = 64


def automatic_memory_mb(con: duckdb.DuckDBPyConnection, base_mb: int = BASE_DB_MEMORY_MB) -> int:
    """DuckDB's buffer pool for the store behind ``con``: ``base_mb`` plus the store's size
    over :data:`INDEX_SHARE`.

    Why it follows the store: the primary-key (ART) indexes live inside the pool and must fit
    in it, while the rest of the pool is a page cache that only needs to be big enough for one
    batch's reads (``base_mb``). A fixed cap either wastes memory on a small store or fails on
    a big one."""
    row = con.execute(
        "SELECT sum(total_blocks * block_size) FROM pragma_database_size()"
    ).fetchone()
    size_mb = int(row[0] or 0) // 1_000_000 if row else 0
    return base_mb + size_mb // INDEX_SHARE


def fit_memory_limit(
    con: duckdb.DuckDBPyConnection, memory_mb: int | None, *, base_mb: int = BASE_DB_MEMORY_MB
) -> None:
    """Cap DuckDB's buffer pool at ``memory_mb``, or at :func:`automatic_memory_mb` (with
    ``base_mb``) when ``None``; call again as the store grows."""
    limit = memory_mb if memory_mb is not None else automatic_memory_mb(con, base_mb)
    con.execute(f"SET memory_limit = '{int(limit)}MB'")


def configure(con: duckdb.DuckDBPyConnection, memory_mb: int | None) -> None:
    """Our settings on a fresh connection: the memory cap, and no progress bar (DuckDB draws
    one on stdout for any query over two seconds, which at scale broke ``parallax analyze
    --format jsonl`` output and our own progress display)."""
    fit_memory_limit(con, memory_mb)
    con.execute("SET enable_progress_bar = false")


def connect(
    path: str | Path, *, read_only: bool = False, memory_mb: int | None = None
) -> duckdb.DuckDBPyConnection:
    """Open (creating if needed) and migrate the store at ``path``; DuckDB may hold at most
    ``memory_mb`` of buffers (``None``: as much as the store's size calls for, see
    :func:`automatic_memory_mb`)."""
    where = str(path)
    if read_only and where != ":memory:" and not Path(where).exists():
        raise StoreError(f"{where}: no such database; run 'parallax ingest' or 'analyze' first")
    try:
        con = duckdb.connect(where, read_only=read_only)
    except duckdb.IOException as exc:
        message = str(exc)
        if "lock" in message.lower():
            raise StoreError(
                f"{where}: the database is in use by another Parallax process; wait for it "
                "to finish or use another --db"
            ) from exc
        raise StoreError(f"{where}: cannot open the database ({message.splitlines()[0]})") from exc
    except duckdb.Error as exc:
        raise StoreError(f"{where}: not a Parallax database ({str(exc).splitlines()[0]})") from exc
    configure(con, memory_mb)
    if read_only:
        version = _current_version(con)
        if version != SCHEMA_VERSION:
            con.close()
            raise StoreError(
                f"{where}: schema v{version}, expected v{SCHEMA_VERSION}; open it once "
                "without read-only to migrate"
            )
        return con
    try:
        migrate(con, where)
    except StoreError:
        con.close()
        raise
    return con
