"""JSONL corpora: one JSON object per line with ``text`` or ``html`` and optional metadata.

Lines are read one at a time with a length cap, so a 200 MB file (or a 200 MB line) never sits
in memory whole; a broken line is reported with its number and the file goes on.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator
from typing import BinaryIO

from parallax.errors import EmptyInputError, FormatError, InputError
from parallax.ingest.metadata import hints_from_mapping
from parallax.ingest.sources import Item, Media, RawRecord, too_large


def _skip_rest_of_line(stream: BinaryIO, chunk: int = 1 << 20) -> None:
    while True:
        part = stream.readline(chunk)
        if not part or part.endswith(b"\n"):
            return


def jsonl_records(stream: BinaryIO, source: str, max_doc_bytes: int) -> Iterator[Item]:
    """Yield a record per usable line and an error per unusable one."""
    number = 0
    while True:
        number += 1
        where = f"line {number}"
        try:
            line = stream.readline(max_doc_bytes + 1)
        except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
            yield FormatError(
                source, f"truncated or corrupt gzip data ({exc}); rest skipped", where
            )
            return
        if not line:
            return
        if len(line) > max_doc_bytes and not line.endswith(b"\n"):
            _skip_rest_of_line(stream)
            yield too_large(source, None, max_doc_bytes, where)
            continue
        if not line.strip():
            continue
        yield _record(line, source, number)


def _record(line: bytes, source: str, number: int) -> RawRecord | InputError:
    locator = f"line {number}"
    try:
        row = json.loads(line)
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        reason = exc.msg if isinstance(exc, json.JSONDecodeError) else "not UTF-8"
        return FormatError(source, f"not a valid JSON line ({reason})", locator)
    if not isinstance(row, dict):
        return FormatError(source, "a JSON line must be an object with 'text' or 'html'", locator)
    html, text = row.get("html"), row.get("text")
    body = html if isinstance(html, str) and html.strip() else text
    if not isinstance(body, str) or not body.strip():
        return EmptyInputError(source, "no 'text' or 'html' field with content", locator)
    hints, _warnings = hints_from_mapping(row, f"{source}#{locator}")
    media: Media = "html" if body is html else "text"
    return RawRecord(source, locator, body.encode("utf-8"), media, "jsonl", hints)
