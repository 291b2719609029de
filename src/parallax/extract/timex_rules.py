"""The rule table of the temporal tagger: candidates, context and how rules register.

A rule is a regular expression plus a handler that turns a match into a :class:`Cand` (or
refuses it). Each rule module owns a :class:`RuleSet`; :mod:`parallax.extract.times` chains
them in a fixed order, because earlier rules win ties between equally long candidates and
import order (which linters reshuffle) must not change results.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

from parallax.extract.regex_guard import guarded
from parallax.extract.timex_calendar import iso

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]

#: A four-digit year of the 20th or 21st century (older ones are too often quantities).
YEAR: Final = r"(?:19|20)\d\d(?!\d)"
#: Largest input scanned; beyond it text is ignored so a runaway document cannot stall a run.
MAX_CHARS: Final = 2_000_000
#: Marker prefix of a clock time whose date is settled after all rules ran.
CLOCK: Final = "CLOCK"


@dataclass(frozen=True)
class Cand:
    """A candidate expression; candidates compete and the longest non-overlapping win."""

    start: int
    end: int
    type: TimeType
    value: str | None
    earliest: str | None = None
    latest: str | None = None
    priority: int = 0


@dataclass(frozen=True)
class Ctx:
    """What every rule needs: the whole text (for context checks) and the anchor date."""

    text: str
    published: dt.date | None


Handler = Callable[[re.Match[str], Ctx], Cand | None]
Rule = tuple[re.Pattern[str], Handler]


class RuleSet:
    """The rules of one module, in definition order; use an instance as a decorator."""

    def __init__(self) -> None:
        self.rules: list[Rule] = []

    def __call__(self, pattern: str) -> Callable[[Handler], Handler]:
        """Register ``pattern`` with the handler that turns its matches into candidates."""

        def register(fn: Handler) -> Handler:
            self.rules.append((re.compile(guarded(pattern)), fn))
            return fn

        return register


def cand(
    m: re.Match[str],
    type_: TimeType,
    value: str | None,
    bounds: tuple[str | None, str | None] = (None, None),
    group: int | str = 0,
) -> Cand:
    """A candidate spanning match group ``group`` (prepositions stay outside the span)."""
    start, end = m.span(group)
    return Cand(start, end, type_, value, bounds[0], bounds[1])


def day(m: re.Match[str], d: dt.date, type_: TimeType = "DATE", suffix: str = "") -> Cand:
    """A candidate for one calendar day (optionally a part of it, ``TMO`` …)."""
    return cand(m, type_, iso(d) + suffix, (iso(d), iso(d)))


def before(ctx: Ctx, m: re.Match[str], n: int = 40, group: int | str = 0) -> str:
    """Up to ``n`` characters before the match: rules look left to disambiguate."""
    s = m.start(group)
    return ctx.text[max(0, s - n) : s]


def after(ctx: Ctx, m: re.Match[str], n: int = 30) -> str:
    """Up to ``n`` characters after the match."""
    return ctx.text[m.end() : m.end() + n]
