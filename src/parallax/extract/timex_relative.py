"""Dates relative to publication: "yesterday", "Friday", "last month", "two years ago".

Each is resolved against the publication date at the granularity it names (a week is an ISO
week, a month ``YYYY-MM``) and left unresolved when the document has no date. Expressions
anchored to another event of the story ("the previous week", "a week later") are found but
not resolved, because their anchor is not the publication date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from parallax.extract.timex_calendar import (
    iso,
    season_bounds,
    season_year,
    shift,
    weekday_date,
    weekend_value,
    year_bounds,
)
from parallax.extract.timex_rules import Cand, Ctx, RuleSet, TimeType, before, cand, day
from parallax.extract.timex_tense import sentence_tense
from parallax.extract.timex_vocab import (
    NUM,
    PART_OF_DAY,
    SEASONS,
    UNIT,
    VAGUE,
    WEEKDAY,
    duration_value,
    parse_number,
    unit_stem,
    weekday_number,
)

rule = RuleSet()


@rule(
    r"(?i:\b(?:(?P<mod>earlier|later|early|late)\s+)?(?P<w>today|yesterday|tomorrow|tonight|"
    r"the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|(?P<tl>this|last))"
    r"(?:\s+(?P<pod>morning|afternoon|evening|night))?\b)"
)
def _relative_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Deictic days and parts of days: "yesterday", "tonight", "this morning", "last night"."""
    w = re.sub(r"\s+", " ", m["w"].lower())
    pod = (m["pod"] or "").lower()
    if m["tl"] and (not pod or (w == "last") != (pod == "night")):
        return None  # "this"/"last" only as "this morning", "last night"
    offsets = {"yesterday": -1, "tomorrow": 1, "last": -1}
    offsets.update({"the day before yesterday": -2, "the day after tomorrow": 2})
    if w == "tonight":
        pod = "night"
    type_: TimeType = "TIME" if pod else "DATE"
    if ctx.published is None:
        return cand(m, type_, None)
    d = ctx.published + dt.timedelta(days=offsets.get(w, 0))
    return day(m, d, type_, "T" + PART_OF_DAY[pod] if pod else "")


@rule(
    rf"(?:(?P<mod>(?i:last|next|this\s+coming|this\s+past|this|early|late))\s+)?(?P<wd>{WEEKDAY})"
    r"(?P<pl>s)?(?:\s*,?\s*(?P<pod>(?i:morning|afternoon|evening|night))(?P<pl2>s)?)?\b"
)
def _weekday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Weekdays: the last one on or before publication unless the sentence speaks of the future."""
    wd = weekday_number(m["wd"])
    pod = (m["pod"] or "").lower()
    suffix = "T" + PART_OF_DAY[pod] if pod else ""
    type_: TimeType = "TIME" if pod else "DATE"
    if m["pl"] or m["pl2"]:
        return cand(m, "SET", f"XXXX-WXX-{wd + 1}{suffix}")
    mod = re.sub(r"\s+", " ", (m["mod"] or "").lower())
    if mod in {"", "early", "late"}:
        future = sentence_tense(ctx.text, m.start(), m.end(), look_right=False) == "future"
        direction = "future" if future else "past"
    else:
        direction = {"this coming": "next", "this past": "last"}.get(mod, mod)
    if ctx.published is None:
        return cand(m, type_, None)
    return day(m, weekday_date(wd, ctx.published, direction), type_, suffix)


@rule(r"(?i:\b(?:over\s+|at\s+|on\s+)?(?P<x>the\s+weekend)\b)")
def _the_weekend(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the weekend": the one just gone early in the week, the coming one later in it."""
    if ctx.published is None:
        return cand(m, "DATE", None, group="x")
    p = ctx.published
    ref = p - dt.timedelta(days=7) if p.weekday() <= 1 else p
    value, lo, hi = weekend_value(ref)
    return cand(m, "DATE", value, (lo, hi), group="x")


_REL_OFFSET: Final[dict[str, int]] = {
    "last": -1, "the last": -1, "this past": -1, "early last": -1, "late last": -1,
    "this": 0, "the current": 0, "earlier this": 0, "later this": 0, "early this": 0,
    "late this": 0, "next": 1, "the coming": 1, "this coming": 1, "early next": 1, "late next": 1,
}  # fmt: skip


@rule(
    r"(?i:\b(?P<mod>last|this|next|the\s+current|the\s+previous|the\s+coming|the\s+following|"
    r"the\s+past|the\s+last|the\s+next|earlier\s+this|later\s+this|(?:early|late)\s+(?:this|next|"
    r"last)|this\s+past|this\s+coming|the\s+same)\s+(?P<u>week|weekend|month|year|quarter|decade|"
    r"century|spring|summer|autumn|fall|winter)\b)"
)
def _relative_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "last month", "this year", "earlier this week", "next summer", "the past year"."""
    mod = re.sub(r"\s+", " ", m["mod"].lower())
    u = m["u"].lower()
    if mod in {"the past", "the next"} and u not in SEASONS:
        return cand(m, "DURATION", duration_value(1, u))
    if mod not in _REL_OFFSET:
        return cand(m, "DATE", None)  # "the previous week": anchored to the story, not to us
    p, n = ctx.published, _REL_OFFSET[mod]
    if p is None:
        return cand(m, "DATE", None)
    if u in SEASONS:
        code = SEASONS[u]
        y = season_year(code, p, "last" if n < 0 else "next" if n > 0 else "this")
        return cand(m, "DATE", f"{y:04d}-{code}", season_bounds(y, code))
    if u in {"decade", "century"}:
        size = 10 if u == "decade" else 100
        first = (p.year // size + n) * size
        value = str(first // size).zfill(3 if size == 10 else 2)
        return cand(m, "DATE", value, year_bounds(first, size))
    value, lo, hi = shift(p, u, n)
    if mod.startswith("earlier"):
        hi = iso(p)
    elif mod.startswith("later"):
        lo = iso(p)
    return cand(m, "DATE", value, (lo, hi))


@rule(
    rf"(?i:\b(?:(?P<n>{NUM}|an?|{VAGUE})\s+)?(?P<u>{UNIT})\s+(?P<dir>ago|earlier|later|"
    r"from\s+now|hence)\b)"
)
def _ago(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "two years ago" at the unit's granularity; "a week later" (anchored elsewhere) is not."""
    direction = m["dir"].lower()
    if direction == "later":
        return cand(m, "DATE", None)  # later than some event of the story, not than today
    sign = -1 if direction in {"ago", "earlier"} else 1
    p = ctx.published
    n = parse_number(m["n"]) if m["n"] else None
    if p is None:
        return cand(m, "DATE", None)
    if n is None or n != int(n):
        ref = "PAST_REF" if sign < 0 else "FUTURE_REF"
        return cand(m, "DATE", ref, (None, iso(p)) if sign < 0 else (iso(p), None))
    if (n, unit_stem(m["u"]), sign) == (1, "year", -1) and "quarter" in before(ctx, m, 300):
        value, lo, hi = shift(p, "quarter", -5)  # results news: the year-ago quarter
    else:
        value, lo, hi = shift(p, m["u"], sign * int(n))
    return cand(m, "DATE", value, (lo, hi))


@rule(
    r"(?i:\b(?:end(?:ed|ing|s)?|finish(?:ed|ing|es)?|clos(?:e|ed|ing)|for|start\s+of|"
    r"beginning\s+of|rest\s+of)\s+(?P<x>the\s+day)\b"
    r"(?!\s+(?:before|after|of|when|that|he|she|they|it)\b))"
)
def _the_day(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "ended the day", "for the day": in market news, the trading day being reported.

    Only after verbs of closing and "for"/"start of": "during the day" or "later in the day"
    usually hang on some other day of the story."""
    if ctx.published is None:
        return cand(m, "DATE", None, group="x")
    p = iso(ctx.published)
    return cand(m, "DATE", p, (p, p), group="x")
