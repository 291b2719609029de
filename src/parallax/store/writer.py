"""Idempotent, transactional batch writes.

A batch of documents and failures is written in one transaction: a run killed at any moment
(Ctrl-C, kill -9) leaves every batch either fully stored or not at all, and running again
completes the work without duplicates because every row is keyed by content (document id,
blob sha256) or by input (source, locator). Columns are passed as lists and unnested, which is
orders of magnitude faster in DuckDB than row-by-row inserts.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import zlib
from collections.abc import Sequence
from dataclasses import dataclass

import duckdb

from parallax.errors import InputError
from parallax.ingest.document import IngestedDocument
from parallax.store.records import write_records
from parallax.store.sql import unnest_insert


@dataclass
class WriteResult:
    """What a batch did: new documents, documents whose metadata changed, unchanged ones."""

    added: int = 0
    updated: int = 0
    unchanged: int = 0
    failed: int = 0

    def __iadd__(self, other: WriteResult) -> WriteResult:
        self.added += other.added
        self.updated += other.updated
        self.unchanged += other.unchanged
        self.failed += other.failed
        return self


def _body_words(doc: IngestedDocument) -> int:
    text = doc.analysis.text
    return sum(
        len(text[s.start : s.end].split()) for s in doc.analysis.segments if s.kind == "body"
    )


def fingerprint(doc: IngestedDocument) -> str:
    """A hash of everything stored about a document, to tell a changed one from a repeat."""
    hints = doc.hints
    material = json.dumps(
        [
            doc.analysis.model_dump(mode="json", include={"doc", "text", "segments"}),
            hints.published_is_estimate,
            hints.genre,
            hints.language,
            dict(hints.extra),
        ],
        sort_keys=True,
        default=str,
    )
    return hashlib.sha256(material.encode("utf-8")).hexdigest()


def _existing_fingerprints(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, str]:
    rows = con.execute(
        "SELECT id, fingerprint FROM documents WHERE id IN (SELECT unnest($1))", [ids]
    ).fetchall()
    return {str(r[0]): str(r[1]) for r in rows}


def analysed_unchanged(
    con: duckdb.DuckDBPyConnection, docs: Sequence[IngestedDocument], version: str
) -> set[str]:
    """Ids of ``docs`` stored exactly as they are now and analysed by extractor ``version``:
    their stored records are still right, so a re-run need not analyse them again."""
    if not docs:
        return set()
    rows = con.execute(
        "SELECT d.id, d.fingerprint FROM documents d JOIN analyses a ON a.doc_id = d.id "
        "WHERE a.version = $2 AND d.id IN (SELECT unnest($1))",
        [[d.id for d in docs], version],
    ).fetchall()
    stored = {str(r[0]): str(r[1]) for r in rows}
    return {d.id for d in docs if stored.get(d.id) == fingerprint(d)}


def write_batch(
    con: duckdb.DuckDBPyConnection,
    docs: Sequence[IngestedDocument],
    failures: Sequence[InputError],
    *,
    records_version: str | None = None,
) -> WriteResult:
    """Store a batch of documents and failures atomically; return what changed.

    With ``records_version`` the documents have been analysed and their records (entities,
    places, times, figures) replace any stored ones, in the same transaction."""
    result = WriteResult(failed=len(failures))
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    unique = list({d.id: d for d in docs}.values())
    con.execute("BEGIN TRANSACTION")
    try:
        known = _existing_fingerprints(con, [d.id for d in unique])
        changed = []
        for doc in unique:
            fp = fingerprint(doc)
            if doc.id not in known:
                result.added += 1
                changed.append((doc, fp))
            elif known[doc.id] != fp:
                result.updated += 1
                changed.append((doc, fp))
            else:
                result.unchanged += 1
        result.unchanged += len(docs) - len(unique)
        _write_documents(con, changed, now, stored_before=set(known))
        _write_sources(con, docs, now)
        _write_failures(con, failures, now)
        if records_version is not None:
            write_records(con, [d.analysis for d in unique], records_version)
        con.execute("COMMIT")
    except BaseException:
        con.execute("ROLLBACK")
        raise
    return result


def _write_documents(
    con: duckdb.DuckDBPyConnection,
    changed: list[tuple[IngestedDocument, str]],
    now: dt.datetime,
    stored_before: set[str],
) -> None:
    """Insert new documents, update changed ones, and replace the segments of the changed
    ones (``stored_before``: ids already in the store; the rest have no segments to delete,
    and skipping their delete spares a scan of the unindexed segments table)."""
    if not changed:
        return
    blobs = [
        (d.sha256, len(d.record.payload), d.record.media, zlib.compress(d.record.payload, 6))
        for d, _ in changed
    ]
    unnest_insert(
        con, "blobs", ("sha256", "size", "media", "data"), blobs, conflict="ON CONFLICT DO NOTHING"
    )
    rows = []
    for doc, fp in changed:
        meta, hints = doc.analysis.doc, doc.hints
        rows.append(
            (
                doc.id,
                doc.sha256,
                doc.record.source_format,
                meta.outlet,
                meta.title,
                meta.author,
                meta.published,
                hints.published_is_estimate,
                meta.url,
                hints.genre,
                hints.language,
                json.dumps(dict(hints.extra), default=str),
                doc.analysis.text,
                len(doc.analysis.text),
                _body_words(doc),
                fp,
                now,
                now,
            )
        )
    columns = (
        "id",
        "sha256",
        "source_format",
        "outlet",
        "title",
        "author",
        "published",
        "published_is_estimate",
        "url",
        "genre",
        "language",
        "extra",
        "text",
        "chars",
        "words",
        "fingerprint",
        "ingested_at",
        "updated_at",
    )
    keep_first_seen = ", ".join(
        f'"{c}" = excluded."{c}"' for c in columns if c not in {"id", "ingested_at"}
    )
    unnest_insert(
        con,
        "documents",
        columns,
        rows,
        conflict=f"ON CONFLICT (id) DO UPDATE SET {keep_first_seen}",
    )
    replaced = [d.id for d, _ in changed if d.id in stored_before]
    if replaced:
        con.execute("DELETE FROM segments WHERE doc_id IN (SELECT unnest($1))", [replaced])
    segments = [
        (d.id, i, s.kind, s.start, s.end)
        for d, _ in changed
        for i, s in enumerate(d.analysis.segments)
    ]
    unnest_insert(con, "segments", ("doc_id", "idx", "kind", "start", "end"), segments)


def _write_sources(
    con: duckdb.DuckDBPyConnection, docs: Sequence[IngestedDocument], now: dt.datetime
) -> None:
    rows = list(
        {
            (d.record.source, d.record.locator): (d.record.source, d.record.locator, d.id, now)
            for d in docs
        }.values()
    )
    unnest_insert(
        con,
        "sources",
        ("source", "locator", "doc_id", "seen_at"),
        rows,
        conflict="ON CONFLICT (source, locator) DO UPDATE SET "
        "doc_id = excluded.doc_id, seen_at = excluded.seen_at",
    )
    # An input that now succeeds is no longer a failure.
    if rows:
        con.execute(
            "DELETE FROM failures USING (SELECT unnest($1) AS s, unnest($2) AS l) AS done "
            "WHERE failures.source = done.s AND failures.locator = done.l",
            [[r[0] for r in rows], [r[1] for r in rows]],
        )


def _write_failures(
    con: duckdb.DuckDBPyConnection, failures: Sequence[InputError], now: dt.datetime
) -> None:
    rows = list(
        {
            (f.source, f.locator): (f.source, f.locator, f.kind, f.reason, now) for f in failures
        }.values()
    )
    unnest_insert(
        con,
        "failures",
        ("source", "locator", "kind", "reason", "seen_at"),
        rows,
        conflict="ON CONFLICT (source, locator) DO UPDATE SET kind = excluded.kind, "
        "reason = excluded.reason, seen_at = excluded.seen_at",
    )
