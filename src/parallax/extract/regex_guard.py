"""A first-character guard for regular expressions that ``re`` cannot skip ahead for.

``re`` tries a pattern at every position of the text. When the pattern starts with a literal
or a plain character set it skips ahead in C to the next position where that character occurs;
but a pattern that opens with an optional word ("(?:early|late)\\s+)?January…"), a word
boundary or a case-insensitive group gets no such help, and every position runs the whole
matcher until its first alternative fails. The temporal rules are such patterns, and they made
the time tagger a tenth of the whole analysis.

:func:`guarded` prepends a look-ahead for the characters a match can start with (``(?=[…])``),
computed from the parsed pattern. The look-ahead is a necessary condition of every match, so
it changes no match; it fails at once at the other positions. Whenever the first characters
cannot be worked out for certain (a negated set, ``.``, a pattern that can match the empty
string), the pattern is returned unchanged: only speed is at stake.
"""

from __future__ import annotations

import re
from typing import Any

try:  # the parser behind re.compile: private, so any change there just turns the guard off
    import re._compiler as _sre_compiler  # type: ignore[import-not-found]
    import re._constants as _sre  # type: ignore[import-not-found]
    import re._parser as _sre_parser  # type: ignore[import-not-found]
except ImportError:  # pragma: no cover - other Pythons
    _sre_parser = None

_CATEGORIES: dict[Any, str] = {}
if _sre_parser is not None:
    _CATEGORIES = {
        _sre.CATEGORY_DIGIT: r"\d",
        _sre.CATEGORY_WORD: r"\w",
        _sre.CATEGORY_SPACE: r"\s",
    }


def guarded(pattern: str) -> str:
    """``pattern`` behind a look-ahead for its possible first characters, or unchanged when
    they are unknown or ``re`` already skips ahead on its own (a literal or set prefix)."""
    if _sre_parser is None:
        return pattern
    try:
        parsed = _sre_parser.parse(pattern)
        flags = parsed.state.flags
        if flags & ~re.UNICODE:  # global flags ("(?x)…") must stay first in the pattern
            return pattern
        literal_prefix = _sre_compiler._get_literal_prefix(parsed, flags)[0]
        if literal_prefix or _sre_compiler._get_charset_prefix(parsed, flags):
            return pattern
        first = _FirstChars()
        if first.sequence(list(parsed.data), flags) is not False or not first.pieces:
            return pattern
    except (re.error, AttributeError, TypeError, ValueError):  # pragma: no cover - defensive
        return pattern
    chars = "[" + "".join(dict.fromkeys(first.pieces)) + "]"
    return f"(?={'(?i:' + chars + ')' if first.ignore_case else chars}){pattern}"


class _FirstChars:
    """Collects a character class covering every character a match can start with."""

    def __init__(self) -> None:
        self.pieces: list[str] = []
        self.ignore_case = False

    def sequence(self, items: list[tuple[Any, Any]], flags: int) -> bool | None:
        """Add the first characters of a sequence of items. True if the sequence can match
        without consuming a character, False if it cannot, None if unknown."""
        for op, av in items:
            empty = self.item(op, av, flags)
            if empty is None or not empty:
                return empty
        return True

    def item(self, op: Any, av: Any, flags: int) -> bool | None:
        """One parsed item: same answer as :meth:`sequence`."""
        if op is _sre.LITERAL:
            self._add([re.escape(chr(av))], flags)
            return False
        if op is _sre.IN:
            return self._char_set(av, flags)
        if op is _sre.SUBPATTERN:
            _, add, remove, sub = av
            return self.sequence(list(sub.data), (flags | add) & ~remove)
        if op is _sre.BRANCH:
            empty = False
            for alternative in av[1]:
                found = self.sequence(list(alternative.data), flags)
                if found is None:
                    return None
                empty = empty or found
            return empty
        if op in (_sre.MAX_REPEAT, _sre.MIN_REPEAT, _sre.POSSESSIVE_REPEAT):
            least, _, sub = av
            found = self.sequence(list(sub.data), flags)
            return None if found is None else found or least == 0
        if op in (_sre.AT, _sre.ASSERT, _sre.ASSERT_NOT):
            return True  # zero-width: the next item supplies the first character
        return None

    def _char_set(self, items: list[tuple[Any, Any]], flags: int) -> bool | None:
        pieces = []
        for op, av in items:
            if op is _sre.LITERAL:
                pieces.append(re.escape(chr(av)))
            elif op is _sre.RANGE:
                pieces.append(f"{re.escape(chr(av[0]))}-{re.escape(chr(av[1]))}")
            elif op is _sre.CATEGORY and av in _CATEGORIES:
                pieces.append(_CATEGORIES[av])
            else:
                return None  # negated sets, other categories
        self._add(pieces, flags)
        return False

    def _add(self, pieces: list[str], flags: int) -> None:
        self.pieces += pieces
        # A case-insensitive part makes the whole class case-insensitive: wider, still sound.
        self.ignore_case = self.ignore_case or bool(flags & re.IGNORECASE)
