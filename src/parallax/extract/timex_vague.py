"""Vague references, seasons and holidays: "recently", "now", "the future", "in the winter".

TimeML gives vague expressions the values PAST_REF, PRESENT_REF and FUTURE_REF: nothing
exact, but still placed on one side of the publication date, which is what ``earliest`` and
``latest`` record.
"""

from __future__ import annotations

import datetime as dt
import re

from parallax.extract.timex_calendar import (
    iso,
    nearest_year,
    safe_date,
    season_bounds,
    season_year,
)
from parallax.extract.timex_rules import YEAR, Cand, Ctx, RuleSet, before, cand, day
from parallax.extract.timex_vocab import SEASONS

rule = RuleSet()

_GROUPS = ("past", "past2", "now", "fut", "soon")


@rule(
    r"(?i:\b(?P<past>recently|lately)\b|\b(?:in|of|from)\s+(?P<past2>the\s+"
    r"past)\b|(?P<now>\bnow\b|\bcurrently\b|\bnowadays\b|\bpresently\b|\bat\s+present\b|"
    r"\bthese\s+days\b|\bthe\s+time\s+being\b)|\b(?:in|into|for|about|to)\s+(?P<fut>the\s+"
    r"(?:near\s+|distant\s+|foreseeable\s+)?future)\b(?!\s+of)|(?<!\bas\s)\b(?P<soon>soon\b"
    r"(?!\s+as)|as\s+soon\s+as\s+possible\b|the\s+(?:near|short|long)\s+term\b))"
)
def _reference(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """PAST_REF, PRESENT_REF, FUTURE_REF: vague but still placed relative to publication."""
    group = next(g for g in _GROUPS if m[g])
    if ctx.published is None:
        return cand(m, "DATE", None, group=group)
    p = iso(ctx.published)
    if group in {"past", "past2"}:
        return cand(m, "DATE", "PAST_REF", (None, p), group=group)
    if group == "now":
        return cand(m, "DATE", "PRESENT_REF", (p, p))
    return cand(m, "DATE", "FUTURE_REF", (p, None), group=group)


@rule(
    rf"(?i:\b(?:(?P<mod>early|late|mid|the)[\s-]+)?(?P<s>spring|summer|autumn|fall|winter)\b"
    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR}))?)"
)
def _season(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "summer 2015", "in the winter": a season of a given year or the nearest one."""
    code = SEASONS[m["s"].lower()]
    if m["y"]:
        y = int(m["y"])
    elif not re.search(
        r"(?i:\b(?:in|during|by|until|since|over|through|throughout))\s+$", before(ctx, m, 15)
    ):
        return None
    elif ctx.published is None:
        return cand(m, "DATE", None)
    else:
        y = season_year(code, ctx.published, "this")
        if season_bounds(y, code)[0] > iso(ctx.published + dt.timedelta(days=31)):
            y -= 1
    return cand(m, "DATE", f"{y:04d}-{code}", season_bounds(y, code))


@rule(
    rf"(?P<w>Christmas(?:\s+Day|\s+Eve)?|New\s+Year['’]s\s+(?:Day|Eve)|Thanksgiving(?:\s+Day)?)"
    rf"(?:,?\s+(?P<y>{YEAR}))?"
)
def _holiday(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Fixed-date holidays, dated like a day-month."""
    w = m["w"].lower()
    if w.startswith("thanks"):
        return _thanksgiving(m, ctx)
    mm, dd = (
        (1, 1)
        if "day" in w and "new" in w
        else (12, 31)
        if "new" in w
        else (12, 24)
        if "eve" in w
        else (12, 25)
    )
    if m["y"]:
        year: int | None = int(m["y"])
    elif ctx.published is None:
        return cand(m, "DATE", f"XXXX-{mm:02d}-{dd:02d}")
    else:
        year = nearest_year(mm, dd, ctx.published)
    d = None if year is None else safe_date(year, mm, dd)
    return None if d is None else day(m, d)


def _thanksgiving(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """US Thanksgiving: the fourth Thursday of November (nearest to publication)."""
    if m["y"]:
        years = [int(m["y"])]
    elif ctx.published is None:
        return cand(m, "DATE", None)
    else:
        years = [ctx.published.year - 1, ctx.published.year, ctx.published.year + 1]
    days = []
    for y in years:
        first = dt.date(y, 11, 1)
        days.append(first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21))
    ref = ctx.published or days[0]
    return day(m, min(days, key=lambda d: abs((d - ref).days)))
