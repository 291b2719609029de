"""Document metadata from manifests and record fields, validated in one place.

Metadata reaches us from three places of falling authority: a manifest the user wrote, fields of
the record itself (JSONL keys, HTML meta tags, WARC headers), and the text (a dateline). This
module owns the first two: the field names we know, date parsing, and manifest reading.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from parallax.errors import ManifestError

#: Names a manifest or JSONL record may use for the file a row describes.
FILE_KEYS = ("file", "path", "filename")
#: Metadata fields Parallax understands; anything else is kept in ``extra``.
KNOWN_FIELDS = (
    "outlet",
    "title",
    "author",
    "published",
    "published_is_estimate",
    "url",
    "genre",
    "language",
)
MANIFEST_NAMES = ("manifest.jsonl", "manifest.csv", "manifest.ndjson")

_DATE_FORMATS = ("%Y-%m-%d", "%Y/%m/%d", "%d %B %Y", "%d %b %Y", "%B %d, %Y", "%b %d, %Y")


@dataclass(frozen=True)
class DocHints:
    """Metadata known about a document before its text is read; ``None`` means unknown."""

    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    published_is_estimate: bool | None = None
    url: str | None = None
    genre: str | None = None
    language: str | None = None
    extra: Mapping[str, Any] = field(default_factory=dict)

    def over(self, weaker: DocHints) -> DocHints:
        """These hints, with gaps filled from ``weaker`` ones."""
        values = {
            f.name: getattr(self, f.name)
            if getattr(self, f.name) is not None
            else getattr(weaker, f.name)
            for f in fields(self)
            if f.name != "extra"
        }
        return replace(self, **values, extra={**weaker.extra, **self.extra})


def parse_date(value: object) -> dt.date | None:
    """A date from an ISO string, a timestamp string or a common written form; else ``None``."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value).strip()
    iso = re.match(r"(\d{4})-(\d{2})-(\d{2})", text)
    if iso:
        try:
            return dt.date(int(iso[1]), int(iso[2]), int(iso[3]))
        except ValueError:
            return None
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    return None


def _as_bool(value: object) -> bool | None:
    if isinstance(value, bool) or value is None:
        return value
    text = str(value).strip().lower()
    if text in {"true", "1", "yes"}:
        return True
    if text in {"false", "0", "no", ""}:
        return False
    return None


def hints_from_mapping(row: Mapping[str, Any], where: str) -> tuple[DocHints, list[str]]:
    """Validate one metadata mapping; return the hints and warnings (each naming ``where``).

    Unknown fields are not errors: they are kept in ``extra`` and reported once, so a typo in a
    field name is visible but never loses data.
    """
    warnings: list[str] = []
    values: dict[str, Any] = {}
    for key in KNOWN_FIELDS:
        raw = row.get(key)
        if raw is None or raw == "":
            continue
        if key == "published":
            parsed = parse_date(raw)
            if parsed is None:
                warnings.append(f"{where}: 'published' value {raw!r} is not a date; ignored")
            values[key] = parsed
        elif key == "published_is_estimate":
            values[key] = _as_bool(raw)
        else:
            values[key] = str(raw).strip() or None
    ignored = {"text", "html", "id", *FILE_KEYS, *KNOWN_FIELDS}
    extra = {k: v for k, v in row.items() if k not in ignored}
    if extra:
        names = ", ".join(sorted(extra))
        warnings.append(f"{where}: unknown field(s) {names} kept as extra metadata")
    return DocHints(**values, extra=extra), warnings


@dataclass
class Manifest:
    """Metadata by file name, read from a manifest beside the files it describes."""

    path: Path
    rows: dict[str, DocHints] = field(default_factory=dict)
    errors: list[ManifestError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    def lookup(self, file: Path) -> DocHints | None:
        """Hints for ``file``: by path relative to the manifest's folder, then by bare name."""
        try:
            relative = file.resolve().relative_to(self.path.parent.resolve()).as_posix()
        except ValueError:
            relative = file.name
        return self.rows.get(relative) or self.rows.get(file.name)


def _manifest_rows(path: Path, text: str) -> Iterator[tuple[int, dict[str, Any] | str]]:
    """Yield ``(line number, row or error reason)`` from a JSONL or CSV manifest."""
    if path.suffix.lower() == ".csv":
        reader = csv.DictReader(io.StringIO(text))
        for row in reader:
            if None in row:
                yield reader.line_num, "more values than the header has columns"
            else:
                yield reader.line_num, {k: v for k, v in row.items() if k is not None}
        return
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            row = json.loads(line)
        except json.JSONDecodeError as exc:
            yield number, f"not valid JSON ({exc.msg} at column {exc.colno})"
            continue
        yield number, row if isinstance(row, dict) else "not a JSON object"


def read_manifest(path: Path) -> Manifest:
    """Read a manifest; a broken line becomes a recorded error and the other lines still apply."""
    manifest = Manifest(path=path)
    try:
        text = path.read_text(encoding="utf-8-sig", errors="replace")
    except OSError as exc:
        manifest.errors.append(ManifestError(str(path), f"cannot be read ({exc.strerror})"))
        return manifest
    for number, row in _manifest_rows(path, text):
        where = f"{path}:{number}"
        if isinstance(row, str):
            manifest.errors.append(ManifestError(str(path), row, f"line {number}"))
            continue
        name = next((str(row[k]) for k in FILE_KEYS if row.get(k)), None)
        if name is None:
            reason = f"no file name (one of {', '.join(FILE_KEYS)})"
            manifest.errors.append(ManifestError(str(path), reason, f"line {number}"))
            continue
        hints, warnings = hints_from_mapping(row, where)
        manifest.rows[Path(name).as_posix()] = hints
        manifest.warnings.extend(warnings)
    return manifest
