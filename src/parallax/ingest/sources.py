"""Find inputs and turn each into raw records: one record per document, or an error naming it.

A corpus arrives as files, folders, containers holding many documents (WARC/WET, JSONL) and
standard input, gzip-compressed or not. This module walks all of that lazily, in bounded memory,
and yields either a :class:`RawRecord` (the document's own bytes plus what its container says
about it) or an :class:`~parallax.errors.InputError` so the caller can record it and go on.
"""

from __future__ import annotations

import gzip
import io
import os
import sys
import zlib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, BinaryIO, Literal, cast

from parallax.errors import EmptyInputError, FormatError, InputError, TooLargeError
from parallax.ingest.metadata import MANIFEST_NAMES, DocHints, Manifest, read_manifest

Media = Literal["text", "html"]
SourceFormat = Literal["text", "html", "jsonl", "warc", "wet"]

STDIN = "-"
STDIN_NAME = "<stdin>"

_SKIP_DIRS = {".git", ".hg", ".svn", "__pycache__", "node_modules", ".venv"}
_HTML_EXT = {".html", ".htm", ".xhtml", ".shtml"}
_JSONL_EXT = {".jsonl", ".ndjson"}
#: Files in a corpus folder that are never documents: databases (ours included) and their logs.
_NOT_DOCUMENTS = (".duckdb", ".duckdb.wal", ".wal", ".sqlite", ".db")


@dataclass(frozen=True)
class RawRecord:
    """One document's bytes, where they came from, and what the container said about them."""

    source: str
    locator: str
    payload: bytes
    media: Media
    source_format: SourceFormat
    hints: DocHints = field(default_factory=DocHints)
    declared_encoding: str | None = None

    @property
    def where(self) -> str:
        """The name used in messages: ``path`` or ``path#locator``."""
        return f"{self.source}#{self.locator}" if self.locator else self.source


Item = RawRecord | InputError


def human_size(size: int) -> str:
    """``12.3 MB``-style size for messages."""
    value = float(size)
    for unit in ("bytes", "KB", "MB", "GB"):
        if value < 1000 or unit == "GB":
            return f"{value:.0f} {unit}" if unit == "bytes" else f"{value:.1f} {unit}"
        value /= 1000
    return f"{value:.1f} GB"


def too_large(source: str, size: int | None, cap: int, locator: str = "") -> TooLargeError:
    """The one message for an over-size document, with the setting that raises the cap."""
    what = f"is {human_size(size)}" if size is not None else "is larger than the cap"
    return TooLargeError(
        source,
        f"document {what}, over the {human_size(cap)} limit "
        "(raise it with --max-doc-mb or PARALLAX_MAX_DOC_MB)",
        locator,
    )


def read_capped(stream: BinaryIO, cap: int, source: str) -> bytes:
    """Read a whole stream but never more than ``cap`` bytes into memory."""
    try:
        data = stream.read(cap + 1)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise FormatError(source, f"truncated or corrupt gzip data ({exc})") from exc
    if len(data) > cap:
        raise too_large(source, None, cap)
    return data


def detect_format(path: Path, head: bytes) -> SourceFormat:
    """Decide how to read a file from its name, then its first bytes."""
    name = path.name.lower()
    if name.endswith(".gz"):
        name = name[:-3]
    suffix = Path(name).suffix
    if name.endswith(".wet") or ".warc.wet" in name:
        return "wet"
    if suffix in {".warc", ".arc"}:
        return "warc"
    if suffix in _JSONL_EXT:
        return "jsonl"
    if suffix in _HTML_EXT:
        return "html"
    stripped = head.lstrip()
    if stripped.startswith(b"WARC/"):
        return "warc"
    lowered = stripped[:200].lower()
    if lowered.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in lowered:
        return "html"
    if suffix == ".json" or stripped.startswith(b"{"):
        return "jsonl"
    return "text"


def _open(path: Path) -> BinaryIO:
    raw = path.open("rb")
    magic = raw.read(2)
    raw.seek(0)
    if magic == b"\x1f\x8b":
        return cast(BinaryIO, gzip.GzipFile(fileobj=raw))
    return raw


def _peek(stream: BinaryIO, source: str) -> bytes:
    try:
        return stream.read(512)
    except (EOFError, zlib.error, gzip.BadGzipFile) as exc:
        raise FormatError(source, f"truncated or corrupt gzip data ({exc})") from exc


def records_from_stream(
    stream: BinaryIO,
    source: str,
    fmt: SourceFormat,
    hints: DocHints,
    max_doc_bytes: int,
    size: int | None = None,
) -> Iterator[Item]:
    """Records of one open file or stdin, per its format."""
    # Imported here so a plain-text corpus never pays for the WARC/JSONL machinery.
    if fmt in {"warc", "wet"}:
        from parallax.ingest.warc import warc_records

        compressed = getattr(stream, "fileobj", None)
        if compressed is not None:
            # warcio reads gzip member by member itself, keeping records before damage.
            stream = cast(BinaryIO, compressed)
            stream.seek(0)
        yield from warc_records(stream, source, max_doc_bytes, size)
        return
    if fmt == "jsonl":
        from parallax.ingest.jsonl import jsonl_records

        yield from jsonl_records(stream, source, max_doc_bytes)
        return
    try:
        payload = read_capped(stream, max_doc_bytes, source)
    except InputError as error:
        yield error
        return
    if not payload.strip():
        yield EmptyInputError(source, "empty file: nothing to analyse")
        return
    media: Media = "html" if fmt == "html" else "text"
    yield RawRecord(source, "", payload, media, fmt, hints)


def records_from_file(path: Path, hints: DocHints, max_doc_bytes: int) -> Iterator[Item]:
    """Records of one file, opened lazily and closed when done."""
    source = str(path)
    try:
        size = path.stat().st_size
        stream = _open(path)
    except OSError as exc:
        yield InputError(source, f"cannot be read ({exc.strerror or exc})")
        return
    with stream:
        try:
            head = _peek(stream, source)
        except InputError as error:
            yield error
            return
        stream.seek(0)
        fmt = detect_format(path, head)
        is_plain_document = fmt in {"text", "html"} and not hasattr(stream, "fileobj")
        if is_plain_document and size > max_doc_bytes:
            yield too_large(source, size, max_doc_bytes)
            return
        yield from records_from_stream(stream, source, fmt, hints, max_doc_bytes, size)


def discover(paths: Iterable[str]) -> Iterator[Path | str | InputError]:
    """Expand arguments into files (folders recursively, sorted), ``-`` or a missing-path error."""
    for arg in paths:
        if arg == STDIN:
            yield STDIN
            continue
        path = Path(arg)
        if path.is_dir():
            for root, dirs, files in os.walk(path):
                dirs[:] = sorted(d for d in dirs if d not in _SKIP_DIRS and not d.startswith("."))
                for name in sorted(files):
                    if not name.startswith(".") and not name.lower().endswith(_NOT_DOCUMENTS):
                        yield Path(root) / name
        elif path.is_file():
            yield path
        else:
            yield InputError(arg, "no such file or directory")


class ManifestIndex:
    """Manifests found beside the inputs, read once per folder, looked up per file."""

    def __init__(self, explicit: Iterable[Path] = ()) -> None:
        self._by_dir: dict[Path, Manifest | None] = {}
        self._explicit = [read_manifest(p) for p in explicit]
        self.pending_errors: list[InputError] = [e for m in self._explicit for e in m.errors]
        self.pending_warnings: list[str] = [w for m in self._explicit for w in m.warnings]

    @staticmethod
    def is_manifest(path: Path) -> bool:
        """Manifests describe documents; they are not documents themselves."""
        return path.name.lower() in MANIFEST_NAMES

    def _for_dir(self, folder: Path) -> Manifest | None:
        if folder not in self._by_dir:
            found = next((folder / n for n in MANIFEST_NAMES if (folder / n).is_file()), None)
            manifest = read_manifest(found) if found else None
            if manifest:
                self.pending_errors.extend(manifest.errors)
                self.pending_warnings.extend(manifest.warnings)
            self._by_dir[folder] = manifest
        return self._by_dir[folder]

    def hints_for(self, path: Path) -> DocHints:
        """Metadata for ``path`` from an explicit manifest, else one in its own folder."""
        for manifest in self._explicit:
            found = manifest.lookup(path)
            if found:
                return found
        local = self._for_dir(path.parent)
        return (local.lookup(path) if local else None) or DocHints()


def iter_records(
    paths: Iterable[str],
    *,
    max_doc_bytes: int,
    manifests: ManifestIndex | None = None,
    stdin: BinaryIO | None = None,
) -> Iterator[Item]:
    """Every record (or input error) under ``paths``, in a stable order."""
    index = manifests or ManifestIndex()
    for item in discover(paths):
        yield from index.pending_errors
        index.pending_errors.clear()
        if isinstance(item, InputError):
            yield item
        elif item == STDIN:
            stream = stdin or sys.stdin.buffer
            buffered = (
                stream
                if hasattr(stream, "peek")
                else cast(BinaryIO, io.BufferedReader(cast(io.RawIOBase, stream)))
            )
            head: bytes = cast(Any, buffered).peek(512)[:512]
            if head.startswith(b"\x1f\x8b"):
                buffered = cast(BinaryIO, gzip.GzipFile(fileobj=buffered))
                head = b""
            fmt = detect_format(Path(STDIN_NAME), head)
            yield from records_from_stream(buffered, STDIN_NAME, fmt, DocHints(), max_doc_bytes)
        elif isinstance(item, Path):
            if index.is_manifest(item):
                index.hints_for(item)  # reads it, so its broken lines are reported
                continue
            yield from records_from_file(item, index.hints_for(item), max_doc_bytes)
    yield from index.pending_errors
    index.pending_errors.clear()
