"""Reads from the store, returned as plain rows or contract models (never raw tuples)."""

from __future__ import annotations

import datetime as dt
import zlib
from dataclasses import dataclass

import duckdb

from parallax.schema import Analysis, DocumentMeta, Segment
from parallax.store.records import load_records


@dataclass(frozen=True)
class DocumentRow:
    """One line of ``parallax docs``."""

    id: str
    outlet: str | None
    title: str | None
    published: dt.date | None
    words: int
    segments: int
    source_format: str


@dataclass(frozen=True)
class FailureRow:
    """One input that could not be used, and why."""

    source: str
    locator: str
    kind: str
    reason: str
    seen_at: dt.datetime


def list_documents(
    con: duckdb.DuckDBPyConnection, *, outlet: str | None = None, limit: int | None = None
) -> list[DocumentRow]:
    """Documents ordered by publication date then title."""
    sql = (
        "SELECT d.id, d.outlet, d.title, d.published, d.words, "
        "(SELECT count(*) FROM segments s WHERE s.doc_id = d.id), d.source_format "
        "FROM documents d WHERE ($1 IS NULL OR d.outlet ILIKE '%' || $1 || '%') "
        "ORDER BY d.published NULLS LAST, d.title, d.id"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    rows = con.execute(sql, [outlet]).fetchall()
    return [DocumentRow(*row) for row in rows]


def list_failures(con: duckdb.DuckDBPyConnection) -> list[FailureRow]:
    """Recorded failures, most recent first."""
    rows = con.execute(
        "SELECT source, locator, kind, reason, seen_at FROM failures "
        "ORDER BY seen_at DESC, source, locator"
    ).fetchall()
    return [FailureRow(*row) for row in rows]


def resolve_document_id(con: duckdb.DuckDBPyConnection, ref: str) -> list[str]:
    """Ids matching ``ref``: an id, a unique id prefix, or a source path."""
    rows = con.execute(
        "SELECT id FROM documents WHERE id = $1 OR id LIKE $1 || '%' "
        "UNION SELECT doc_id FROM sources WHERE source = $1 OR source LIKE '%/' || $1 "
        "ORDER BY 1",
        [ref],
    ).fetchall()
    return [str(r[0]) for r in rows]


def load_analysis(con: duckdb.DuckDBPyConnection, doc_id: str) -> Analysis | None:
    """A stored document as the ``analyze`` contract object, or ``None`` if unknown."""
    row = con.execute(
        "SELECT id, outlet, title, author, published, url, text FROM documents WHERE id = ?",
        [doc_id],
    ).fetchone()
    if row is None:
        return None
    segments = con.execute(
        'SELECT kind, start, "end" FROM segments WHERE doc_id = ? ORDER BY idx', [doc_id]
    ).fetchall()
    meta = DocumentMeta(
        id=row[0], outlet=row[1], title=row[2], author=row[3], published=row[4], url=row[5]
    )
    return Analysis(
        doc=meta,
        text=row[6],
        segments=[Segment(kind=k, start=s, end=e) for k, s, e in segments],
        **load_records(con, doc_id),
    )


def load_raw(con: duckdb.DuckDBPyConnection, doc_id: str) -> bytes | None:
    """The original input bytes of a document, so it can be re-processed later."""
    row = con.execute(
        "SELECT b.data FROM documents d JOIN blobs b ON b.sha256 = d.sha256 WHERE d.id = ?",
        [doc_id],
    ).fetchone()
    return zlib.decompress(row[0]) if row else None


def counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    """Row counts of the main tables, for summaries and consistency checks."""
    result: dict[str, int] = {}
    for table in ("documents", "segments", "sources", "failures", "blobs"):
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        result[table] = int(row[0]) if row else 0
    return result
