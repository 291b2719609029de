"""Store and read analysed records: entities, places, times, figures, quotes and events.

A document's records are replaced as a whole (delete, then insert) inside the caller's
transaction, and ``analyses`` remembers which extractor version wrote them: analysing the same
input again leaves exactly one copy, and a newer extractor knows what it still has to redo.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

import duckdb

from parallax.schema import (
    Analysis,
    Entity,
    Event,
    Figure,
    Place,
    Quote,
    Speaker,
    Time,
    segment_kind,
)
from parallax.store.event_rows import EVENT_COLUMNS, event_from_row, event_values
from parallax.store.sql import rows_as_dicts, unnest_insert

#: Record tables and the contract fields each stores after (doc_id, idx, start, end, text, segment).
RECORD_COLUMNS: Final[dict[str, tuple[str, ...]]] = {
    "entities": ("label", "actor_id"),
    "places": ("geonameid", "name", "country_code", "lat", "lon", "feature_class"),
    "times": ("type", "value", "earliest", "latest"),
    "figures": ("value", "low", "high", "unit", "quantity", "about", "claimed_by"),
    "quotes": ("direct", "cue", "speaker", "speaker_start", "speaker_end", "speaker_actor_id"),
    "events": EVENT_COLUMNS,
}
_COMMON: Final = ("doc_id", "idx", "start", "end", "text", "segment")


def write_records(
    con: duckdb.DuckDBPyConnection, analyses: Sequence[Analysis], version: str
) -> None:
    """Replace the stored records of every document in ``analyses`` (call inside a transaction)."""
    if not analyses:
        return
    ids = [a.doc.id for a in analyses]
    analysed_before = [
        row[0]
        for row in con.execute(
            "SELECT doc_id FROM analyses WHERE doc_id IN (SELECT unnest($1))", [ids]
        ).fetchall()
    ]
    if analysed_before:
        # The record tables have no index (schema v6), so each delete scans its table whole,
        # once per batch: a cost that grows with the store (at 10k documents 10 % of a batch's
        # write). New documents have nothing to delete; only those with an ``analyses`` row
        # (written in the same transaction as their records) have records to replace.
        for table in (*RECORD_COLUMNS, "analyses"):
            con.execute(
                f"DELETE FROM {table} WHERE doc_id IN (SELECT unnest($1))", [analysed_before]
            )
    for table, fields in RECORD_COLUMNS.items():
        rows: list[tuple[Any, ...]] = []
        for analysis in analyses:
            segments = sorted(analysis.segments, key=lambda s: s.start)
            for idx, record in enumerate(getattr(analysis, table)):
                common = (
                    analysis.doc.id,
                    idx,
                    record.start,
                    record.end,
                    record.text,
                    segment_kind(segments, record.start),
                )
                rows.append(common + _flat(record, fields))
        unnest_insert(con, table, _COMMON + fields, rows)
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    unnest_insert(
        con, "analyses", ("doc_id", "version", "analyzed_at"), [(i, version, now) for i in ids]
    )


def _flat(record: Any, fields: tuple[str, ...]) -> tuple[Any, ...]:
    """The stored columns of a record: a quote's nested speaker becomes ``speaker_*``, an
    event's nested fields their prefixed columns."""
    if isinstance(record, Event):
        return event_values(record)
    if isinstance(record, Quote):
        speaker = record.speaker
        return (
            record.direct,
            record.cue,
            speaker.text if speaker else None,
            speaker.start if speaker else None,
            speaker.end if speaker else None,
            speaker.actor_id if speaker else None,
        )
    return tuple(getattr(record, f) for f in fields)


def record_from_row(table: str, row: dict[str, Any]) -> Any:
    """A contract record from its stored columns (the inverse of :func:`_flat`);
    ``row`` holds ``start``, ``end``, ``text``, ``segment`` and the table's own columns."""
    segment = row.pop("segment", None)
    return _unflat_fields(table, row).model_copy(update={"segment": segment})


def _unflat_fields(table: str, row: dict[str, Any]) -> Any:
    if table == "events":
        return event_from_row(row)
    if table != "quotes":
        return _MODELS[table](**row)
    speaker = None
    if row["speaker"] is not None:
        speaker = Speaker(
            start=row["speaker_start"],
            end=row["speaker_end"],
            text=row["speaker"],
            actor_id=row["speaker_actor_id"],
        )
    return Quote(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        direct=row["direct"],
        cue=row["cue"],
        speaker=speaker,
    )


def record_filters(
    table: str,
    *,
    where: dict[str, object] | None = None,
    matching: dict[str, str] | None = None,
    outlet: str | None = None,
    contains: str | None = None,
    conditions: Sequence[tuple[str, Sequence[object]]] = (),
) -> tuple[str, list[object]]:
    """The WHERE clause (empty when nothing filters) and its parameters for a record table
    ``r`` joined to its document ``d``; see :func:`list_records` for what each filter means.
    The CLI listings and the API's record pages share it."""
    if table not in RECORD_COLUMNS:
        raise ValueError(f"unknown record table {table!r}")
    clauses: list[str] = []
    params: list[object] = []
    for column, value in (where or {}).items():
        if column not in _COMMON + RECORD_COLUMNS[table]:
            raise ValueError(f"unknown column {column!r} of {table}")
        clauses.append(f'r."{column}" = ?')
        params.append(value)
    for column, text in (matching or {}).items():
        if column not in RECORD_COLUMNS[table]:
            raise ValueError(f"unknown column {column!r} of {table}")
        clauses.append(f'r."{column}" ILIKE ?')
        params.append(f"%{text}%")
    for clause, values in conditions:
        clauses.append(f"({clause})")
        params.extend(values)
    if outlet:
        clauses.append("d.outlet ILIKE ?")
        params.append(f"%{outlet}%")
    if contains:
        clauses.append("r.text ILIKE ?")
        params.append(f"%{contains}%")
    return ("WHERE " + " AND ".join(clauses) if clauses else ""), params


def list_records(
    con: duckdb.DuckDBPyConnection,
    table: str,
    *,
    where: dict[str, object] | None = None,
    matching: dict[str, str] | None = None,
    outlet: str | None = None,
    contains: str | None = None,
    limit: int | None = None,
    conditions: Sequence[tuple[str, Sequence[object]]] = (),
) -> list[dict[str, Any]]:
    """Rows of one record table joined to their document's outlet and date.

    ``where`` holds exact column filters, ``matching`` case-insensitive substring filters on
    columns; ``outlet`` and ``contains`` match substrings of the outlet name and of the
    record's text. ``conditions`` are extra SQL clauses with their parameters, written by our
    own code (never by users) against ``r`` (the record) and ``d`` (its document).
    """
    filters, params = record_filters(
        table,
        where=where,
        matching=matching,
        outlet=outlet,
        contains=contains,
        conditions=conditions,
    )
    columns = ", ".join(f'r."{c}"' for c in RECORD_COLUMNS[table])
    sql = (
        f'SELECT r.doc_id, d.outlet, d.published, r.start, r."end", r.text, r.segment, {columns} '
        f"FROM {table} r JOIN documents d ON d.id = r.doc_id {filters} "
        "ORDER BY d.published NULLS LAST, r.doc_id, r.start, r.idx"
    )
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    return rows_as_dicts(con.execute(sql, params))


def stale_documents(con: duckdb.DuckDBPyConnection, version: str) -> list[str]:
    """Ids of stored documents never analysed, or analysed by another extractor version."""
    rows = con.execute(
        "SELECT d.id FROM documents d LEFT JOIN analyses a ON a.doc_id = d.id "
        "WHERE a.version IS NULL OR a.version <> ? ORDER BY d.id",
        [version],
    ).fetchall()
    return [str(r[0]) for r in rows]


_MODELS: Final[dict[str, Any]] = {
    "entities": Entity,
    "places": Place,
    "times": Time,
    "figures": Figure,
}


def load_records(con: duckdb.DuckDBPyConnection, doc_id: str) -> dict[str, list[Any]]:
    """A stored document's records as contract objects, by kind, in document order."""
    found: dict[str, list[Any]] = {}
    for table, fields in RECORD_COLUMNS.items():
        names = ("start", "end", "text", "segment", *fields)
        columns = ", ".join(f'"{c}"' for c in names)
        rows = con.execute(
            f"SELECT {columns} FROM {table} WHERE doc_id = ? ORDER BY idx", [doc_id]
        ).fetchall()
        found[table] = [record_from_row(table, dict(zip(names, row, strict=True))) for row in rows]
    return found
