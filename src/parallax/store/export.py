"""Export a corpus into a folder: every record kind as JSONL, CSV or Parquet, events as PLOVER
JSON records or an ACLED-style CSV (``parallax export``; the formats are in docs/formats.md).

Each file is written beside its final name and renamed into place, so an interrupted export
never leaves half a file, and exporting again overwrites the same files with the same content.
CSV and Parquet are written by DuckDB itself (``COPY … TO``), streaming; JSONL, PLOVER and ACLED
read the tables in batches, so no export holds a corpus in memory.
"""

from __future__ import annotations

import csv
import datetime as dt
import json
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any, Final, TextIO

import duckdb

from parallax.errors import UsageError
from parallax.store.export_formats import ACLED_COLUMNS, acled_rows, plover_record
from parallax.store.records import RECORD_COLUMNS, record_from_row

if TYPE_CHECKING:
    from parallax.store.corpus import Corpus

FORMATS: Final = ("jsonl", "csv", "parquet", "plover", "acled")
#: Record kinds in the order their files are written (documents first).
KINDS: Final = ("documents", "segments", *RECORD_COLUMNS)
_BATCH: Final = 1000
_ORDER: Final = "ORDER BY d.published NULLS LAST, r.doc_id, r.idx"

#: The flat query behind each CSV/Parquet file: the table joined to its document's outlet,
#: publication date and URL. ``documents`` holds the metadata and the cleaned text.
_FLAT: Final[dict[str, str]] = {
    "documents": (
        "SELECT id AS doc_id, outlet, title, author, published, published_is_estimate, url, "
        "genre, language, source_format, chars, words, extra, text FROM documents "
        "ORDER BY published NULLS LAST, id"
    ),
    "segments": (
        'SELECT r.doc_id, r.idx, d.outlet, d.published, d.url, r.kind, r.start, r."end" '
        f"FROM segments r JOIN documents d ON d.id = r.doc_id {_ORDER}"
    ),
    **{
        table: (
            "SELECT r.doc_id, r.idx, d.outlet, d.published, d.url, r.* EXCLUDE (doc_id, idx) "
            f"FROM {table} r JOIN documents d ON d.id = r.doc_id {_ORDER}"
        )
        for table in RECORD_COLUMNS
    },
}


def export(
    source: Corpus | duckdb.DuckDBPyConnection,
    directory: Path,
    fmt: str,
    *,
    include_comments: bool = False,
) -> list[Path]:
    """Write the corpus in ``fmt`` into ``directory`` (created if missing); return the files.

    ``jsonl``, ``csv`` and ``parquet`` write one file per record kind and keep every record,
    reader comments included (their ``segment`` is ``comment``). ``plover`` and ``acled`` write
    the events only, and leave reader-comment events out unless ``include_comments``."""
    if fmt not in FORMATS:
        raise UsageError(f"{fmt}: not an export format ({', '.join(FORMATS)})")
    con = source if isinstance(source, duckdb.DuckDBPyConnection) else source.connection
    folder = _prepare(directory)
    if fmt == "jsonl":
        return [_jsonl(con, folder, kind) for kind in KINDS if kind != "segments"]
    if fmt in ("csv", "parquet"):
        return [_copy(con, folder / f"{kind}.{fmt}", _FLAT[kind], fmt) for kind in KINDS]
    rows = _event_rows(con, include_comments=include_comments)
    if fmt == "plover":
        return [_write_lines(folder / "events.plover.jsonl", map(plover_record, rows))]
    return [_write_csv(folder / "events.acled.csv", ACLED_COLUMNS, acled_rows(rows))]


def _prepare(directory: Path) -> Path:
    if directory.exists() and not directory.is_dir():
        raise UsageError(f"{directory}: exists and is not a folder; give a folder to export into")
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise UsageError(f"{directory}: cannot create the folder ({exc.strerror or exc})") from None
    return directory


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> Iterator[dict[str, Any]]:
    """The rows of ``sql`` as dicts, fetched in batches."""
    cursor = con.execute(sql)
    names = [c[0] for c in cursor.description]
    while batch := cursor.fetchmany(_BATCH):
        for row in batch:
            yield dict(zip(names, row, strict=True))


def _event_rows(
    con: duckdb.DuckDBPyConnection, *, include_comments: bool
) -> Iterator[dict[str, Any]]:
    where = "" if include_comments else "WHERE r.segment IS DISTINCT FROM 'comment'"
    return _rows(
        con,
        "SELECT r.*, d.outlet, d.published, d.url, d.title, d.language, a.version, "
        "a.analyzed_at FROM events r JOIN documents d ON d.id = r.doc_id "
        f"LEFT JOIN analyses a ON a.doc_id = r.doc_id {where} {_ORDER}",
    )


def _jsonl_objects(con: duckdb.DuckDBPyConnection, kind: str) -> Iterator[dict[str, Any]]:
    if kind == "documents":
        sql = (
            "SELECT id AS doc_id, outlet, title, author, published, published_is_estimate, url, "
            "genre, language, source_format, extra, text, (SELECT list({'kind': s.kind, "
            "'start': s.start, 'end': s.\"end\"} ORDER BY s.idx) FROM segments s "
            "WHERE s.doc_id = documents.id) AS segments FROM documents "
            "ORDER BY published NULLS LAST, id"
        )
        for row in _rows(con, sql):
            row["extra"] = json.loads(row["extra"]) if row["extra"] else None
            row["segments"] = row["segments"] or []
            yield row
        return
    sql = (
        f"SELECT r.*, d.outlet, d.published FROM {kind} r "
        f"JOIN documents d ON d.id = r.doc_id {_ORDER}"
    )
    names = ("start", "end", "text", "segment", *RECORD_COLUMNS[kind])
    for row in _rows(con, sql):
        head = {k: row[k] for k in ("doc_id", "idx", "outlet", "published")}
        record = record_from_row(kind, {k: row[k] for k in names})
        yield head | record.model_dump(mode="json")


def _jsonl(con: duckdb.DuckDBPyConnection, folder: Path, kind: str) -> Path:
    return _write_lines(folder / f"{kind}.jsonl", _jsonl_objects(con, kind))


def _json_default(value: object) -> str:
    if isinstance(value, dt.date | dt.datetime):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} is not JSON serialisable")


def _write_lines(path: Path, objects: Iterator[dict[str, Any]]) -> Path:
    def write(out: TextIO) -> None:
        for obj in objects:
            out.write(json.dumps(obj, ensure_ascii=False, default=_json_default) + "\n")

    return _replace(path, write)


def _write_csv(path: Path, columns: tuple[str, ...], rows: Iterator[dict[str, Any]]) -> Path:
    def write(out: TextIO) -> None:
        writer = csv.DictWriter(out, fieldnames=columns)
        writer.writeheader()
        writer.writerows(rows)

    return _replace(path, write)


def _replace(path: Path, write: Callable[[TextIO], None]) -> Path:
    """Write ``path`` through a temporary file beside it, renamed into place when complete."""
    partial = path.with_name(path.name + ".partial")
    try:
        with partial.open("w", encoding="utf-8", newline="") as out:
            write(out)
        os.replace(partial, path)
    except OSError as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write ({exc.strerror or exc})") from None
    except BaseException:  # interrupted: leave no partial file behind
        partial.unlink(missing_ok=True)
        raise
    return path


def _copy(con: duckdb.DuckDBPyConnection, path: Path, sql: str, fmt: str) -> Path:
    """``COPY (sql) TO path`` in CSV (with a header) or Parquet, renamed into place."""
    partial = path.with_name(path.name + ".partial")
    literal = "'" + str(partial).replace("'", "''") + "'"
    options = "FORMAT csv, HEADER" if fmt == "csv" else "FORMAT parquet"
    try:
        con.execute(f"COPY ({sql}) TO {literal} ({options})")
        os.replace(partial, path)
    except (OSError, duckdb.IOException) as exc:
        partial.unlink(missing_ok=True)
        raise UsageError(f"{path}: cannot write ({str(exc).splitlines()[0]})") from None
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    return path
