"""Title, author and publication date read from the text itself.

Plain-text scrapes often arrive without a manifest; the page still says who wrote it and when,
in a byline and a dateline under the headline. The segmenter finds those lines; this module reads
them. It is the weakest source of metadata, so a manifest or HTML field always wins over it.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from parallax.schema import Segment

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_MONTH = r"(?P<month>" + "|".join(sorted(_MONTHS, key=len, reverse=True)) + r")\.?"
_DAY = r"(?P<day>[0-3]?\d)(st|nd|rd|th)?"
_YEAR = r"(?P<year>(19|20)\d\d)"
_WEEKDAY = r"((mon|tues?|wed(nes)?|thu(rs)?|fri|sat(ur)?|sun)(day)?\.?,?\s+)?"

#: Written dates, day-first, month-first and ISO, each with an optional weekday.
DATE_PATTERNS: tuple[re.Pattern[str], ...] = (
    re.compile(rf"\b{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(rf"\b{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.IGNORECASE),
    re.compile(r"\b(?P<year>(19|20)\d\d)-(?P<month>[01]\d)-(?P<day>[0-3]\d)\b"),
)
#: What may surround a date on a dateline: labels, times, zones, places, separators.
_DATELINE_REST = re.compile(
    r"^((?i:published|posted|updated|last|first|date|on|at|am|pm|gmt|utc|bst|cet|est|edt|pst)"
    r"|[A-Z][A-Za-z.'-]+|\d{1,2}[:.]\d{2}|[\s,:;|·•()/-])*$"
)
_BYLINE_PREFIX = re.compile(r"^\s*(by|written by|words by|text by|author:?)\s+", re.IGNORECASE)
_AFFILIATION = re.compile(r"\s*(,|\||–|—|-|\bfor\b|\bin\b|/)\s*.*$")


@dataclass(frozen=True)
class TextMetadata:
    """What the text says about itself; ``None`` where it says nothing."""

    title: str | None = None
    author: str | None = None
    published: dt.date | None = None


def find_date(text: str) -> tuple[dt.date, re.Match[str]] | None:
    """The first well-formed calendar date written in ``text``, with its match."""
    found: list[tuple[int, dt.date, re.Match[str]]] = []
    for pattern in DATE_PATTERNS:
        for match in pattern.finditer(text):
            month_text = match["month"].lower().rstrip(".")
            month = int(month_text) if month_text.isdigit() else _MONTHS[month_text]
            try:
                day = dt.date(int(match["year"]), month, int(match["day"]))
            except ValueError:
                continue
            found.append((match.start(), day, match))
            break
    if not found:
        return None
    _, day, match = min(found, key=lambda item: item[0])
    return day, match


def dateline_date(line: str) -> dt.date | None:
    """The date of a line that is a dateline and nothing more ("Updated 23 Jan 2015, 14:02 GMT").

    A date inside a sentence does not count: everything around the date must be labels, times,
    capitalised place names or separators, and the whole line short.
    """
    stripped = line.strip()
    if len(stripped.split()) > 12:
        return None
    hit = find_date(stripped)
    if hit is None:
        return None
    day, match = hit
    rest = stripped[: match.start()] + " " + stripped[match.end() :]
    return day if _DATELINE_REST.match(rest) else None


def byline_name(line: str) -> str | None:
    """The author's name from a byline: "By Jane Roe, Reuters" gives "Jane Roe"."""
    name = _BYLINE_PREFIX.sub("", line.strip())
    name = _AFFILIATION.sub("", name).strip(" .:")
    return name or None


def extract_text_metadata(text: str, segments: list[Segment]) -> TextMetadata:
    """Title, author and date from the first title, byline and dateline segments."""
    title = author = None
    published = None
    for segment in segments:
        piece = text[segment.start : segment.end].strip()
        if not piece:
            continue
        first_line = piece.splitlines()[0].strip()
        if segment.kind == "title" and title is None:
            title = first_line
        elif segment.kind == "byline" and author is None:
            author = byline_name(first_line)
        elif segment.kind == "dateline" and published is None:
            published = next(
                (d for d in map(dateline_date, piece.splitlines()) if d is not None), None
            )
    return TextMetadata(title=title, author=author, published=published)
