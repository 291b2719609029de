"""Build small stores row by row for the cross-source pass tests (no model needed)."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any

import duckdb

from parallax.store.db import connect
from parallax.store.event_rows import EVENT_COLUMNS

NOW = dt.datetime(2026, 1, 1, 12, 0)


def store(path: Path) -> duckdb.DuckDBPyConnection:
    """A fresh, migrated store."""
    return connect(path)


def add_document(
    con: duckdb.DuckDBPyConnection,
    doc_id: str,
    *,
    outlet: str,
    published: str | None,
    text: str = "",
    title: str | None = None,
) -> None:
    """One document with a body segment over its whole text, analysed now."""
    text = text or f"Text of {doc_id}."
    con.execute(
        "INSERT INTO documents (id, sha256, source_format, outlet, title, published, text, chars,"
        " words, fingerprint, ingested_at, updated_at) VALUES (?, ?, 'text', ?, ?, ?, ?, ?, ?, ?,"
        " ?, ?)",
        [
            doc_id,
            doc_id,
            outlet,
            title,
            published,
            text,
            len(text),
            len(text.split()),
            doc_id,
            NOW,
            NOW,
        ],
    )
    con.execute("INSERT INTO segments VALUES (?, 0, 'body', 0, ?)", [doc_id, len(text)])
    con.execute("INSERT INTO analyses VALUES (?, 'test', ?)", [doc_id, NOW])


def add_event(con: duckdb.DuckDBPyConnection, doc_id: str, idx: int, **fields: Any) -> None:
    """One stored event mention; unspecified columns are NULL (status asserted, no figures)."""
    segment = fields.pop("segment", "body")
    text = fields.pop("text", f"Sentence {idx} of {doc_id}.")
    values: dict[str, Any] = dict.fromkeys(EVENT_COLUMNS)
    values |= {"status": "asserted", "figures": "[]"}
    values |= {k: (json.dumps(v) if k == "figures" else v) for k, v in fields.items()}
    columns = ("doc_id", "idx", "start", "end", "text", "segment", *EVENT_COLUMNS)
    row = [doc_id, idx, 0, len(text), text, segment]
    row += [values[c] for c in EVENT_COLUMNS]
    marks = ", ".join("?" for _ in columns)
    names = ", ".join(f'"{c}"' for c in columns)
    con.execute(f"INSERT INTO events ({names}) VALUES ({marks})", row)


def add_entity(
    con: duckdb.DuckDBPyConnection, doc_id: str, idx: int, text: str, actor_id: str
) -> None:
    """One entity mention linked to an actor."""
    con.execute(
        "INSERT INTO entities VALUES (?, ?, 0, ?, ?, 'body', 'ORG', ?)",
        [doc_id, idx, len(text), text, actor_id],
    )
