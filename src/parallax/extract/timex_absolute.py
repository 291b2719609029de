"""Calendar dates: day-month(-year), ISO and numeric dates, months and bare years.

A day or month named without a year is placed in the year that puts it nearest the
publication date, unless that is more than a season away and the tense of the sentence
points the other way (see :mod:`parallax.extract.timex_tense`).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from parallax.extract.timex_calendar import month_bounds, nearest_year, safe_date, year_bounds
from parallax.extract.timex_rules import YEAR, Cand, Ctx, RuleSet, after, before, cand, day
from parallax.extract.timex_tense import sentence_tense
from parallax.extract.timex_vocab import MONTH, WEEKDAY, month_number

rule = RuleSet()

#: Beyond this distance from publication a tense cue may move a date to the other side.
_FLIP_DAYS: Final = 90


def _tense_year(m: re.Match[str], ctx: Ctx, mm: int, dd: int, year: int) -> int:
    """``year`` unless the date is far from publication and the sentence's tense disagrees."""
    p = ctx.published
    d = safe_date(year, mm, dd)
    if p is None or d is None or abs((d - p).days) <= _FLIP_DAYS:
        return year
    tense = sentence_tense(ctx.text, m.start(), m.end())
    if tense == "past" and d > p:
        other = year - 1
    elif tense == "future" and d < p:
        other = year + 1
    else:
        return year
    alt = safe_date(other, mm, dd)
    return other if alt is not None and abs((alt - p).days) <= 366 else year


def _day_month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Day and month, with the year given, guessed from publication, or left as ``XXXX``."""
    dd, mm = int(m["d"]), month_number(m["m"])
    if m["y"]:
        d = safe_date(int(m["y"]), mm, dd)
        return None if d is None else day(m, d)
    if ctx.published is None:
        if safe_date(2000, mm, dd) is None:
            return None
        return cand(m, "DATE", f"XXXX-{mm:02d}-{dd:02d}")
    year = nearest_year(mm, dd, ctx.published)
    if year is None:
        return None
    d = safe_date(_tense_year(m, ctx, mm, dd, year), mm, dd)
    return None if d is None else day(m, d)


_WD_PREFIX: Final = rf"(?:{WEEKDAY},?\s+)?"
rule(
    rf"{_WD_PREFIX}(?<![\d.,])(?:(?i:the)\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+(?i:of))?"
    rf"\s+(?P<m>{MONTH})(?:,?\s+(?P<y>{YEAR}))?"
)(_day_month)
rule(
    rf"{_WD_PREFIX}(?P<m>{MONTH})\s+(?:(?i:the)\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"(?![\d:]|[,.]\d)(?:,?\s+(?P<y>{YEAR}))?"
)(_day_month)


@rule(r"(?<![\d-])(?P<y>(?:19|20)\d\d)-(?P<m>[01]\d)-(?P<d>[0-3]\d)(?![\d])")
def _iso_date(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ISO 8601 dates as in datelines and "Posted on" lines."""
    d = safe_date(int(m["y"]), int(m["m"]), int(m["d"]))
    return None if d is None else day(m, d)


@rule(r"(?<![\d/.])(?P<a>\d{1,2})([/.])(?P<b>\d{1,2})\2(?P<y>(?:19|20)\d\d)(?![\d/])")
def _numeric_date(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """13/11/2015: day first (international news), month first only when day-first is impossible."""
    y, a, b = int(m["y"]), int(m["a"]), int(m["b"])
    d = safe_date(y, b, a) or safe_date(y, a, b)
    return None if d is None else day(m, d)


@rule(rf"(?:(?P<mod>(?i:early|late|mid))[\s-]+)?(?P<m>{MONTH}),?\s+(?:(?i:of)\s+)?(?P<y>{YEAR})")
def _month_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "July 2015": the month."""
    y, mm = int(m["y"]), month_number(m["m"])
    return cand(m, "DATE", f"{y:04d}-{mm:02d}", month_bounds(y, mm))


_CONTEXT_WORDS: Final = (
    r"in|since|until|till|by|of|during|before|after|from|between|through|throughout|early|late|"
    r"mid|around|circa|year|spring|summer|autumn|fall|winter|end|beginning|start|middle|as\s+of|"
    r"prior\s+to|ahead\s+of|back\s+to"
)
_DATE_CONTEXT: Final = re.compile(rf"(?i:\b(?:{_CONTEXT_WORDS}))[\s-]+$")
#: Years also work as modifiers ("the 1996 bombing", "its 1990 invasion", "for 1988"); the
#: check on the following word keeps "the 2000 troops" out.
_YEAR_CONTEXT: Final = re.compile(
    rf"(?i:\b(?:{_CONTEXT_WORDS}|for|into|both|due|on|at|than|the|its|his|her|their|our|a|an|"
    r"this|that))[\s-]+$"
)
_RANGE_CONTEXT: Final = re.compile(
    r"(?i:(?:19|20)\d\d\s*(?:to|and|through|until|till|or|-|–|,)\s*)$"
)
_AMBIGUOUS_MONTHS: Final = frozenset({"May", "March"})


def _month_year_for(mm: int, mod: str, published: dt.date) -> int:
    """Year of a month named alone: last = latest before now, next = first after, else nearest."""
    here = published.year * 12 + published.month - 1
    options = [
        (y, y * 12 + mm - 1) for y in (published.year - 1, published.year, published.year + 1)
    ]
    if mod == "last":
        return max(y for y, k in options if k < here)
    if mod == "next":
        return min(y for y, k in options if k > here)
    if mod == "this":
        return published.year
    return min(options, key=lambda o: (abs(o[1] - here), -o[1] if o[1] > here else 0))[0]


@rule(rf"(?:(?P<mod>(?i:early|late|mid|last|next|this))[\s-]+)?(?P<m>{MONTH})(?!\s*\d)")
def _month(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """A month named alone ("in November", "last April"); "May"/"March" need a date context."""
    word = m["m"]
    mod = (m["mod"] or "").lower()
    if not mod and not _DATE_CONTEXT.search(before(ctx, m)):
        if word in _AMBIGUOUS_MONTHS or word.endswith(".") or (len(word) <= 4 and word != "June"):
            return None
        if re.match(r"\s+[A-Z][a-z]", after(ctx, m)) or re.search(
            r"[A-Z][a-z]+\s+$", before(ctx, m)
        ):
            return None  # part of a name: "June Carter", "Jack April"
    mm = month_number(word)
    if ctx.published is None:
        return cand(m, "DATE", f"XXXX-{mm:02d}")
    y = _month_year_for(mm, mod, ctx.published)
    if not mod:
        y = _tense_year(m, ctx, mm, 15, y)
    return cand(m, "DATE", f"{y:04d}-{mm:02d}", month_bounds(y, mm))


_NOT_A_YEAR_NEXT: Final = re.compile(
    r"\s+(?!(?:as|is|was|has|its|his|this|thus|does|saw|sees|us)\b)(?:[a-z]+s|people|police|"
    r"personnel|staff|men|women|children|feet|metres|meters|km|miles|tonnes|tons)\b"
)


@rule(
    rf"(?<![\w$£€#.,/:'’-])(?:(?P<mod>(?i:early|late|mid|fiscal))[\s-]+)?(?P<y>{YEAR})"
    r"(?![\w%]|[.,/:-]\d)"
)
def _year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """A bare year, only where a date is expected ("in 2014") so "2000 troops" is not one."""
    if not m["mod"] and not (
        _YEAR_CONTEXT.search(before(ctx, m))
        or _RANGE_CONTEXT.search(before(ctx, m))
        or re.search(rf"{MONTH}\s*,?\s*$", before(ctx, m))
    ):
        return None
    if _NOT_A_YEAR_NEXT.match(after(ctx, m)):
        return None
    y = int(m["y"])
    return cand(m, "DATE", f"{y:04d}", year_bounds(y))


_REL_YEAR: Final[dict[str, int]] = {"this": 0, "last": -1, "next": 1}


@rule(
    rf"(?P<m>{MONTH})(?:\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?)?,?\s+(?:(?i:of)\s+)?"
    r"(?P<rel>(?i:this|last|next))\s+(?i:year)\b"
)
def _month_of_rel_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "January this year", "October of next year", "June 5 last year": the year is given."""
    if ctx.published is None:
        return cand(m, "DATE", None)
    y = ctx.published.year + _REL_YEAR[m["rel"].lower()]
    mm = month_number(m["m"])
    if m["d"]:
        d = safe_date(y, mm, int(m["d"]))
        return None if d is None else day(m, d)
    return cand(m, "DATE", f"{y:04d}-{mm:02d}", month_bounds(y, mm))


@rule(r"(?i:\b(?:in|since|of|by|until|before|after|from)\s+)(?P<x>['’](?P<yy>\d\d))(?![\w'’%])")
def _short_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "since '82": the latest such year not more than a few years after publication."""
    if ctx.published is None:
        return cand(m, "DATE", None, group="x")  # the century is a guess from the date line
    yy = int(m["yy"])
    year = 2000 + yy if 2000 + yy <= ctx.published.year + 5 else 1900 + yy
    return cand(m, "DATE", f"{year:04d}", year_bounds(year), group="x")
