"""Split scraped plain text into title, byline, dateline, body, caption, comment and boilerplate.

A scrape keeps everything on the page. Later stages must know which sentences are the outlet's
(body, and flagged captions), which are readers' (comments) and which are furniture. Nothing is
deleted: the segments tile the text exactly, so every offset stays valid and a wrong call costs a
label, never a character.

The cues are general, in the order a page is laid out:

* **units** are paragraphs (blank-line separated); a paragraph of short stacked lines (byline over
  dateline, a comment's lines, a footer) is split into its lines.
* **header** is everything before the first prose paragraph: the headline (the known title, else
  the first title-shaped line), a byline ("By …" or a name-shaped line under the headline), a
  dateline, a standfirst; site furniture above the headline (site name, counters) is boilerplate.
* **comment thread** is found by its structure: a comments heading ("12 comments"), commenter
  signature lines ("Jane says:"), or a numbered/bulleted, indented thread that runs to the end of
  the page, usually under a repeat of the headline.
* **article region** between them: furniture phrase families (see ``furniture``), links and debris
  are boilerplate; a section heading that closes the article ("About the author", "Latest
  articles") in its second half makes the rest boilerplate; captions are found by credit and
  figure cues, by repetition (image alt text and caption printed twice in a row), by dated
  fragments, and by name-only lines set apart or introducing a quote. Other short lines (in-body
  subheadings, paragraphs broken mid-sentence) stay body.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from parallax.ingest.furniture import (
    COMMENT_HEADINGS,
    COMMENTER_LINE,
    LIST_MARKER,
    MAX_HEADING_WORDS,
    is_link_or_debris,
    match_furniture,
)
from parallax.ingest.textmeta import dateline_date
from parallax.schema import Segment, SegmentKind

#: A paragraph of stacked lines this short (in words) is read line by line.
SHORT_LINE_WORDS = 8
#: A unit at least this long is prose whatever its punctuation.
LONG_PROSE_WORDS = 20
#: A sentence-final unit at least this long is prose.
MIN_SENTENCE_WORDS = 6
#: Short non-sentence units in the article (subheadings, captions, names) are at most this long.
MAX_FRAGMENT_WORDS = 12

_TERMINAL = re.compile(r"[.!?…][\"'”’»)\]]*$")
_YEAR = re.compile(r"\b(19|20)\d\d\b")
_QUOTE_OPENERS = ("“", '"', "«", "‘", "'", "„")
_NAME_PARTICLES = {
    "al",
    "bin",
    "da",
    "de",
    "del",
    "der",
    "di",
    "du",
    "el",
    "la",
    "le",
    "van",
    "von",
    "and",
    "&",
}
_BYLINE_PREFIX = re.compile(r"^(by|written by|words by|author:)\s+\S", re.IGNORECASE)
_AFFILIATION_TAIL = re.compile(r"\s*(,|\||–|—| - |/)\s*[^,|/]{1,40}$")


@dataclass(frozen=True)
class Unit:
    """A paragraph or line of the text: where its characters are and what shape it has."""

    start: int
    end: int
    text: str
    blank_before: int

    @property
    def stripped(self) -> str:
        return self.text.strip()

    @property
    def words(self) -> int:
        return len(self.text.split())

    @property
    def indent(self) -> int:
        return len(self.text) - len(self.text.lstrip())


def _norm(text: str) -> str:
    """Text compared for repetition: case, quotes, punctuation and spacing ignored."""
    return " ".join(re.sub(r"[\W_]+", " ", text.casefold()).split())


def split_units(text: str) -> list[Unit]:
    """Paragraphs of ``text``; stacked short lines and list items become units of their own."""
    units: list[Unit] = []
    block: list[tuple[int, str]] = []
    blanks = 0
    blank_before_block = 0

    def flush() -> None:
        if not block:
            return
        lines = [line for _, line in block]
        stacked = len(lines) > 1 and (
            all(len(line.split()) < SHORT_LINE_WORDS for line in lines)
            or any(LIST_MARKER.match(line) for line in lines)
        )
        if stacked:
            for n, (offset, line) in enumerate(block):
                units.append(
                    Unit(offset, offset + len(line), line, blank_before_block if n == 0 else 0)
                )
        else:
            start, end = block[0][0], block[-1][0] + len(block[-1][1])
            units.append(Unit(start, end, text[start:end], blank_before_block))
        block.clear()

    offset = 0
    for raw in text.splitlines(keepends=True):
        line = raw.rstrip("\r\n")
        if line.strip():
            if not block:
                blank_before_block = blanks
            block.append((offset, line))
            blanks = 0
        else:
            flush()
            blanks += 1
        offset += len(raw)
    flush()
    return units


def _is_prose(unit: Unit, *, first: bool) -> bool:
    """Long, or a sentence; a first line ending in "?" or "!" is more likely a headline."""
    if unit.words >= LONG_PROSE_WORDS:
        return True
    ending = _TERMINAL.search(unit.stripped)
    if ending is None or unit.words < MIN_SENTENCE_WORDS:
        return False
    return not first or ending.group()[0] in ".…"


def _looks_like_name(line: str) -> bool:
    """Two to five capitalised words, no digits, no sentence end: "Jane Roe", "Abu Bakr al-X"."""
    tokens = line.split()
    if not 2 <= len(tokens) <= 5 or any(ch.isdigit() for ch in line) or _TERMINAL.search(line):
        return False
    return all(t[0].isupper() or t.lower().strip(".,") in _NAME_PARTICLES for t in tokens)


def _byline_shaped(line: str, author: str | None) -> bool:
    if _BYLINE_PREFIX.match(line) and len(line.split()) <= 10:
        return True
    if author and _norm(author) and _norm(author) in _norm(line) and len(line.split()) <= 10:
        return True
    return _looks_like_name(_AFFILIATION_TAIL.sub("", line))


def _is_content(unit: Unit) -> bool:
    """A unit that says something: not furniture, not a bare link or divider."""
    return match_furniture(unit.stripped, unit.words) is None and not is_link_or_debris(
        unit.stripped
    )


def _first_prose(units: Sequence[Unit]) -> int | None:
    for i, unit in enumerate(units):
        if _is_prose(unit, first=i == 0) and _is_content(unit):
            return i
    return None


def _find_comments(units: Sequence[Unit], body_start: int, title: str) -> tuple[int, int] | None:
    """Where a reader-comment thread begins: (first unit of its heading, first comment unit)."""
    contents = [i for i in range(len(units)) if _is_content(units[i])]
    if not contents:
        return None
    last_content = contents[-1]
    for i in range(body_start + 1, last_content):
        unit = units[i]
        if unit.words <= MAX_FRAGMENT_WORDS and COMMENT_HEADINGS.match(unit.stripped):
            return i, i + 1
    for i in range(body_start + 1, last_content):
        if COMMENTER_LINE.match(units[i].stripped):
            return i, i
    # A list thread: every unit from its first item to the last content is an item or indented.
    in_thread = [bool(LIST_MARKER.match(u.text)) or u.indent > 0 for u in units]
    first = last_content + 1
    while first - 1 > body_start and (in_thread[first - 1] or not _is_content(units[first - 1])):
        first -= 1
    while first <= last_content and not LIST_MARKER.match(units[first].text):
        first += 1
    if first > last_content:
        return None
    top = units[first].indent
    nested = any(
        LIST_MARKER.match(u.text) and u.indent > top for u in units[first : last_content + 1]
    )
    before = units[first - 1] if first - 1 > body_start else None
    headed = before is not None and (
        (bool(title) and _norm(before.text) == title)
        or bool(COMMENT_HEADINGS.match(before.stripped))
    )
    if headed:
        return first - 1, first
    return (first, first) if nested else None


class _Segmenter:
    """One document's classification, unit by unit; see the module docstring for the cues."""

    def __init__(self, text: str, title: str | None, author: str | None) -> None:
        self.text = text
        self.units = split_units(text)
        self.kinds: list[SegmentKind] = ["body"] * len(self.units)
        self.title_hint = _norm(title) if title else ""
        self.author = author
        self.title = ""

    def run(self) -> list[Segment]:
        if not self.units:
            return [Segment(kind="boilerplate", start=0, end=len(self.text))] if self.text else []
        body_start = _first_prose(self.units)
        if body_start is None:
            self._article(0, len(self.units))
            return self._segments()
        self._header(body_start)
        comments = _find_comments(self.units, body_start, self.title)
        article_end = comments[0] if comments else len(self.units)
        self._article(body_start, article_end)
        if comments:
            self._comments(*comments)
        return self._segments()

    def _header(self, end: int) -> None:
        units = self.units[:end]
        title_at = self._title_index(units)
        if title_at is not None:
            self.title = _norm(units[title_at].text)
        for i, unit in enumerate(units):
            line = unit.stripped
            cue = match_furniture(line, unit.words)
            if i == title_at:
                self.kinds[i] = "title"
            elif cue is not None:
                self.kinds[i] = cue.kind
            elif is_link_or_debris(line):
                self.kinds[i] = "boilerplate"
            elif dateline_date(line) is not None:
                self.kinds[i] = "dateline"
            elif title_at is not None and i < title_at:
                self.kinds[i] = "boilerplate"
            elif _byline_shaped(line, self.author) and (
                _BYLINE_PREFIX.match(line) or title_at is not None
            ):
                self.kinds[i] = "byline"
            elif self._repeated_beside(i):
                self.kinds[i] = "caption"
            else:
                self.kinds[i] = "body"  # a standfirst or deck: the outlet's words

    def _title_index(self, units: Sequence[Unit]) -> int | None:
        """The known title's line, else the first line shaped like a headline."""
        if self.title_hint:
            for i, unit in enumerate(units):
                if _norm(unit.text) == self.title_hint:
                    return i
        candidates = [
            i
            for i, u in enumerate(units)
            if _is_content(u)
            and dateline_date(u.stripped) is None
            and not _BYLINE_PREFIX.match(u.stripped)
        ]
        for i in candidates:
            if units[i].words >= 3:
                return i
        return candidates[0] if candidates else None

    def _article(self, start: int, end: int) -> None:
        span_start = self.units[start].start
        span_end = self.units[end - 1].end if end > start else span_start
        middle = (span_start + span_end) / 2
        closed = False
        for i in range(start, end):
            unit = self.units[i]
            line = unit.stripped
            cue = match_furniture(line, unit.words)
            if closed:
                self.kinds[i] = "boilerplate"
            elif cue is not None:
                self.kinds[i] = cue.kind
                closed = (
                    cue.ends_article and unit.words <= MAX_FRAGMENT_WORDS and unit.start >= middle
                )
            elif is_link_or_debris(line):
                self.kinds[i] = "boilerplate"
            elif self.title and _norm(line) == self.title and i > start:
                self.kinds[i] = "boilerplate"  # the headline repeated by a widget
            elif self._repeated_beside(i):
                self.kinds[i] = "caption"
            elif _is_prose(unit, first=False) or unit.words > MAX_FRAGMENT_WORDS:
                self.kinds[i] = "body"
            else:
                self.kinds[i] = self._fragment_kind(i)

    def _fragment_kind(self, i: int) -> SegmentKind:
        """A short non-sentence unit inside the article: dateline, caption or subheading."""
        unit = self.units[i]
        line = unit.stripped
        if dateline_date(line) is not None:
            return "dateline"
        if unit.words >= 3 and _YEAR.search(line) and not line.endswith(":"):
            return "caption"  # alt text and photo captions carry dates; subheadings rarely do
        following = self.units[i + 1].stripped if i + 1 < len(self.units) else ""
        if _looks_like_name(line) and (
            unit.blank_before >= 2 or following.startswith(_QUOTE_OPENERS)
        ):
            return "caption"  # a speaker's photo or video card above their quote
        return "body"

    def _repeated_beside(self, i: int) -> bool:
        """Whether this unit is printed twice in a row (image alt text, then its caption)."""
        unit = self.units[i]
        if unit.words < 3:
            return False
        here = _norm(unit.text)
        return any(
            0 <= j < len(self.units) and _norm(self.units[j].text) == here for j in (i - 1, i + 1)
        )

    def _comments(self, heading: int, first: int) -> None:
        for i in range(heading, first):
            self.kinds[i] = "boilerplate"
        for i in range(first, len(self.units)):
            unit = self.units[i]
            furniture = match_furniture(unit.stripped, unit.words) is not None
            if furniture and unit.words <= MAX_HEADING_WORDS:
                self.kinds[i] = "boilerplate"
            else:
                self.kinds[i] = "comment"

    def _segments(self) -> list[Segment]:
        """Tile the text: each unit owns the blank lines after it; the first owns those before."""
        segments: list[Segment] = []
        for i, kind in enumerate(self.kinds):
            start = 0 if i == 0 else self.units[i].start
            end = self.units[i + 1].start if i + 1 < len(self.units) else len(self.text)
            if segments and segments[-1].kind == kind:
                segments[-1] = Segment(kind=kind, start=segments[-1].start, end=end)
            else:
                segments.append(Segment(kind=kind, start=start, end=end))
        return segments


def segment_text(
    text: str, *, title: str | None = None, author: str | None = None
) -> list[Segment]:
    """Segments tiling ``text``, each a title, byline, dateline, body, caption, comment or
    boilerplate; ``title`` and ``author`` (from a manifest or page metadata) help find the header.
    """
    return _Segmenter(text, title, author).run()
