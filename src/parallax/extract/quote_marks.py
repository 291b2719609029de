"""Find the stretches of text between quotation marks, the raw material of direct quotes.

Quotation marks in scraped news are messy: curly and straight marks mix, a quote that runs over
several paragraphs opens every paragraph but closes only the last, a straight ``"`` is both the
opening and the closing mark, and a missing mark must not swallow the rest of the article. This
module pairs marks on the text alone (no parse), so it is cheap and predictable; deciding whether
a quoted stretch is speech or a scare quote is the job of :mod:`parallax.extract.quotes`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Final

_OPENING: Final = "“„«"
_CLOSING: Final = "”»"
_STRAIGHT: Final = '"'
_MARK = re.compile(r"[“”„«»\"]")
#: Doubled apostrophes, the quotation marks of some archives (''like this'').
_DOUBLED = re.compile(r"''")
#: A quote whose closing mark is missing is cut at this many characters, at a paragraph end.
MAX_QUOTE_CHARS: Final = 3_000


@dataclass(frozen=True)
class Quoted:
    """One quoted stretch: ``start``/``end`` include the marks, ``inner_*`` exclude them.

    ``continues`` is true when the stretch is a later paragraph of a quote that ran on from the
    previous paragraph (news style: no closing mark before the paragraph break).
    """

    start: int
    end: int
    inner_start: int
    inner_end: int
    continues: bool = False

    @property
    def length(self) -> int:
        """Characters inside the marks."""
        return self.inner_end - self.inner_start


def _is_opening(text: str, index: int) -> bool:
    """A straight mark opens when it follows a space, a line start or an opening bracket."""
    char = text[index]
    if char in _OPENING:
        return True
    if char in _CLOSING:
        return False
    before = text[index - 1] if index > 0 else "\n"
    after = text[index + 1] if index + 1 < len(text) else "\n"
    if before.isspace() or before in "([{—–-:":
        return not after.isspace()
    return False


def find_quoted(text: str) -> list[Quoted]:
    """Every quoted stretch in ``text`` in order, multi-paragraph quotes split per paragraph."""
    found: list[Quoted] = []
    text = _DOUBLED.sub(_as_straight, text)
    marks = [m.start() for m in _MARK.finditer(text)]
    position = 0
    index = 0
    continues = False
    while index < len(marks):
        open_at = marks[index]
        if open_at < position or not _is_opening(text, open_at):
            index += 1
            continue
        close_at, next_index = _closing_mark(text, marks, index)
        paragraph_end = _paragraph_end(text, open_at)
        if close_at is None or close_at > paragraph_end:
            # Unclosed before the paragraph ends: a run-on quote if the next paragraph opens
            # with a mark, otherwise a stray mark that quotes nothing.
            if _next_paragraph_opens_quote(text, paragraph_end):
                end = _trim_right(text, paragraph_end)
                if end - open_at <= MAX_QUOTE_CHARS:
                    found.append(Quoted(open_at, end, open_at + 1, end, continues))
                continues = True
            else:
                continues = False
            position = paragraph_end
            index = _first_mark_after(marks, index, paragraph_end)
            continue
        if close_at - open_at <= MAX_QUOTE_CHARS and close_at > open_at + 1:
            found.append(Quoted(open_at, close_at + 1, open_at + 1, close_at, continues))
        continues = False
        position = close_at + 1
        index = next_index
    return found


def _as_straight(match: re.Match[str]) -> str:
    """``''`` as a straight mark of the same width: ` "` when it opens, `" ` when it closes."""
    text, end = match.string, match.end()
    opens = end < len(text) and not text[end].isspace() and text[end] not in ".,;:!?)"
    return ' "' if opens else '" '


def _closing_mark(text: str, marks: list[int], index: int) -> tuple[int | None, int]:
    """The mark closing the one at ``marks[index]`` and the index after it."""
    opener = text[marks[index]]
    for later in range(index + 1, len(marks)):
        char = text[marks[later]]
        if opener == _STRAIGHT and char == _STRAIGHT:
            return marks[later], later + 1
        if opener != _STRAIGHT and (
            char in _CLOSING or (char == _STRAIGHT and not _is_opening(text, marks[later]))
        ):
            return marks[later], later + 1  # mixed marks (“…") are common in scraped text
        if opener != _STRAIGHT and char in _OPENING and "\n" in text[marks[index] : marks[later]]:
            return None, later
    return None, len(marks)


def _paragraph_end(text: str, start: int) -> int:
    end = text.find("\n", start)
    return len(text) if end == -1 else end


def _next_paragraph_opens_quote(text: str, paragraph_end: int) -> bool:
    rest = text[paragraph_end : paragraph_end + 200].lstrip()
    return bool(rest) and rest[0] in _OPENING + _STRAIGHT


def _first_mark_after(marks: list[int], index: int, position: int) -> int:
    while index < len(marks) and marks[index] < position:
        index += 1
    return index


def _trim_right(text: str, end: int) -> int:
    while end > 0 and text[end - 1].isspace():
        end -= 1
    return end
