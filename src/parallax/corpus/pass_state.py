"""Which documents a cross-source pass still has to handle, and remembering that it did.

Every pass (families, stories, merge) works incrementally: it looks only at documents that are
new, re-analysed, or whose metadata changed since the pass last saw them, so that bringing a
large store up to date after a small ingest costs little. ``corpus_passes`` holds, per document
and pass, the pass version and when it ran; a document is pending when that row is missing,
was written by another version of the pass, or is older than the document's last change
(``documents.updated_at`` or ``analyses.analyzed_at``). Times are naive UTC, as the writer
stores them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

import duckdb

from parallax.store.sql import unnest_insert


def utc_now() -> dt.datetime:
    """Now as the store writes it (naive UTC)."""
    return dt.datetime.now(dt.UTC).replace(tzinfo=None)


def pending_documents(con: duckdb.DuckDBPyConnection, name: str, version: str) -> list[str]:
    """Ids of stored documents the pass ``name`` (at ``version``) has not handled since they
    last changed, in publication order (undated last) so incremental passes are replayable."""
    rows = con.execute(
        """
        SELECT d.id FROM documents d
        LEFT JOIN analyses a ON a.doc_id = d.id
        LEFT JOIN corpus_passes p ON p.doc_id = d.id AND p.pass = $1
        WHERE p.doc_id IS NULL OR p.version <> $2
           OR p.done_at < greatest(d.updated_at, coalesce(a.analyzed_at, d.updated_at))
        ORDER BY d.published NULLS LAST, d.id
        """,
        [name, version],
    ).fetchall()
    return [str(r[0]) for r in rows]


def handled_before(con: duckdb.DuckDBPyConnection, name: str, doc_ids: Iterable[str]) -> set[str]:
    """Those of ``doc_ids`` the pass ``name`` has handled at some version: only they can have
    rows of that pass to replace (the record tables have no index, so a delete scans them)."""
    rows = con.execute(
        "SELECT doc_id FROM corpus_passes WHERE pass = $1 AND doc_id IN (SELECT unnest($2))",
        [name, list(doc_ids)],
    ).fetchall()
    return {str(r[0]) for r in rows}


def mark_done(
    con: duckdb.DuckDBPyConnection, name: str, version: str, doc_ids: Iterable[str]
) -> None:
    """Record that pass ``name`` has handled ``doc_ids`` now (call inside its transaction)."""
    now = utc_now()
    unnest_insert(
        con,
        "corpus_passes",
        ("doc_id", "pass", "version", "done_at"),
        [(doc_id, name, version, now) for doc_id in dict.fromkeys(doc_ids)],
        conflict="ON CONFLICT (doc_id, pass) DO UPDATE SET version = excluded.version, "
        "done_at = excluded.done_at",
    )


def forget_removed(con: duckdb.DuckDBPyConnection) -> int:
    """Drop pass bookkeeping of documents no longer in the store; return how many rows went."""
    row = con.execute(
        "SELECT count(*) FROM corpus_passes WHERE doc_id NOT IN (SELECT id FROM documents)"
    ).fetchone()
    gone = int(row[0]) if row else 0
    if gone:
        con.execute("DELETE FROM corpus_passes WHERE doc_id NOT IN (SELECT id FROM documents)")
    return gone


class Transaction:
    """``with Transaction(con):`` — commit on success, roll back on any error (incl. Ctrl-C),
    so a pass is either fully recorded or not at all and the next run simply redoes it."""

    def __init__(self, con: duckdb.DuckDBPyConnection) -> None:
        self.con = con

    def __enter__(self) -> duckdb.DuckDBPyConnection:
        self.con.execute("BEGIN TRANSACTION")
        return self.con

    def __exit__(self, exc_type: object, exc: object, tb: object) -> None:
        self.con.execute("COMMIT" if exc_type is None else "ROLLBACK")
