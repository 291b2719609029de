"""WARC and WET files: many documents per file, read one record at a time with warcio.

Crawls are large and often truncated (a download cut short, a broken gzip member). Records read
before the damage are kept; the damage becomes one error naming the file and the record count.
"""

from __future__ import annotations

import contextlib
import io
import zlib
from collections.abc import Iterator
from typing import Any, BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from parallax.errors import FormatError
from parallax.ingest.metadata import DocHints
from parallax.ingest.sources import Item, Media, RawRecord, SourceFormat, too_large

_DOCUMENT_TYPES = {"response", "resource", "conversion"}


def _media(record: Any) -> tuple[Media | None, str | None]:
    """Whether a record holds HTML or text (anything else is skipped) and its charset."""
    if record.rec_type == "conversion":
        return "text", "utf-8"
    if record.http_headers is not None:
        content_type = record.http_headers.get_header("Content-Type") or ""
        status = record.http_headers.get_statuscode() or "200"
        if not status.startswith("2"):
            return None, None
    else:
        content_type = record.rec_headers.get_header("Content-Type") or ""
    lowered = content_type.lower()
    charset = None
    if "charset=" in lowered:
        charset = lowered.split("charset=", 1)[1].split(";")[0].strip().strip("\"'") or None
    if "html" in lowered:
        return "html", charset
    if lowered.startswith("text/plain"):
        return "text", charset
    return None, None


def _next_quietly(iterator: Iterator[Any]) -> Any:
    """The next record; warcio writes its own warnings to stderr, we count and report them."""
    with contextlib.redirect_stderr(io.StringIO()):
        return next(iterator, None)


def warc_records(
    stream: BinaryIO, source: str, max_doc_bytes: int, size: int | None = None
) -> Iterator[Item]:
    """Yield a record per HTML/text document in the WARC/WET, and an error for damage.

    ``stream`` is the raw (possibly gzip-member-compressed) file: warcio decompresses member by
    member, so records before a damaged member are kept. ``size`` (the file size, when known)
    lets us notice a silently truncated tail, which warcio itself does not report.
    """
    count = 0
    end = 0
    try:
        iterator = ArchiveIterator(stream)
        while (record := _next_quietly(iterator)) is not None:
            item = _document(record, source, max_doc_bytes, count + 1)
            if item is not None:
                count += 1
                yield item
            end = iterator.get_record_offset() + iterator.get_record_length()
    except (ArchiveLoadFailed, EOFError, zlib.error, OSError, ValueError) as exc:
        reason = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        yield FormatError(source, f"truncated or malformed WARC after {count} record(s): {reason}")
        return
    if iterator.err_count:
        yield FormatError(
            source,
            f"{iterator.err_count} WARC record(s) with a wrong Content-Length; "
            "documents next to them may be cut or merged",
        )
    elif size is not None and end == 0 and size > 0:
        yield FormatError(source, "not a WARC file: no WARC records found")
    elif size is not None and end < size:
        yield FormatError(
            source,
            f"truncated or malformed WARC after {count} record(s): the last {size - end} "
            "bytes could not be read",
        )


def _document(record: Any, source: str, max_doc_bytes: int, number: int) -> Item | None:
    """A raw record (or an error) for a document-bearing WARC record; ``None`` to skip it."""
    if record.rec_type not in _DOCUMENT_TYPES:
        return None
    media, charset = _media(record)
    if media is None:
        return None
    record_id = record.rec_headers.get_header("WARC-Record-ID") or f"record {number}"
    locator = record_id.strip("<>")
    payload = record.content_stream().read(max_doc_bytes + 1)
    if len(payload) > max_doc_bytes:
        return too_large(source, None, max_doc_bytes, locator)
    if not payload.strip():
        return None
    url = record.rec_headers.get_header("WARC-Target-URI")
    crawled = record.rec_headers.get_header("WARC-Date")
    hints = DocHints(url=url, extra={"crawled": crawled} if crawled else {})
    fmt: SourceFormat = "wet" if record.rec_type == "conversion" else "warc"
    return RawRecord(source, locator, payload, media, fmt, hints, charset)
