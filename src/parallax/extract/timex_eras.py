"""Decades, centuries, spoken years and business quarters.

These have fixed TimeML spellings that are easy to get wrong: a decade is the year without
its last digit ("193"), a century its first two digits ("19"), a quarter ``YYYY-Qn``. A
quarter named without a year is the latest one reported by then, since such news reports
results.
"""

from __future__ import annotations

import re
from typing import Final

from parallax.extract.timex_calendar import quarter_bounds, quarter_year, shift, year_bounds
from parallax.extract.timex_rules import Cand, Ctx, RuleSet, cand
from parallax.extract.timex_vocab import parse_number

rule = RuleSet()


def _decade(m: re.Match[str], century: str) -> Cand:
    """A decade value is the year without its last digit: "193" for the 1930s."""
    start = int(century + m["d"] + "0")
    return cand(m, "DATE", f"{century}{m['d']}", year_bounds(start, 10))


@rule(r"(?:(?i:the)\s+)?(?:(?i:early|late|mid)[\s-]+)?(?P<c>1[5-9]|20)(?P<d>\d)0['’]?s\b")
def _decade4(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 1930s", "1990s"."""
    return _decade(m, m["c"])


@rule(r"(?:(?i:the)\s+(?:(?i:early|late|mid)[\s-]+)?['’]?|['’])(?P<d>\d)0s\b")
def _decade2(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 90s", "'90s": the 2000s and 2010s, otherwise the 20th century."""
    return _decade(m, "20" if m["d"] in "01" else "19")


@rule(r"(?i:the)\s+(?:(?i:early|late|mid)[\s-]+)?(?P<n>\d{1,2})(?:st|nd|rd|th)\s+(?i:century)")
def _century(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 20th century" -> "19" (TimeML writes a century as its first two digits)."""
    c = int(m["n"]) - 1
    if not 0 < c < 100:
        return None
    return cand(m, "DATE", f"{c:02d}", year_bounds(c * 100, 100))


@rule(
    r"(?i:\b(?:(?P<rely>this|last|next)\s+year['’]s\s+)?(?:the\s+)?(?:(?P<y1>(?:19|20)\d\d)\s+)?"
    r"(?:(?P<rel>fiscal|year-earlier|year-ago|prior-year|same)[\s-]+)?(?:fiscal[\s-]+)?"
    r"(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|final)[\s-]+(?:fiscal\s+)?quarters?\b"
    r"(?:\s+of\s+(?:(?:fiscal\s+|the\s+year\s+)?(?P<y2>(?:19|20)\d\d)(?!\d)|"
    r"(?P<rely2>this|last|next)\s+year\b))?)"
)
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the third quarter (of 2015)", "third-quarter": the latest such quarter if no year."""
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(m["o"].lower(), 4)
    year_s = m["y1"] or m["y2"]
    if year_s:
        year = int(year_s)
    elif (m["rely"] or m["rely2"]) and ctx.published is not None:
        rel = (m["rely"] or m["rely2"]).lower()
        year = ctx.published.year + {"this": 0, "last": -1, "next": 1}[rel]
    elif m[0].lower().endswith("quarters"):
        return cand(m, "SET", f"XXXX-Q{q}")  # "in second and fourth quarters": every year
    elif ctx.published is None:
        return cand(m, "DATE", f"XXXX-Q{q}")
    else:
        year = quarter_year(q, ctx.published)
    if (m["rel"] or "").lower() in {"year-earlier", "year-ago", "prior-year"}:
        year -= 1
    return cand(m, "DATE", f"{year:04d}-Q{q}", quarter_bounds(year, q))


@rule(
    r"(?i:\bthe\s+(?:(?P<w>latest|most\s+recent|current|previous|prior)\s+)?quarter\b)(?!\s+(?i:of|mile|final))"
)
def _the_quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the (latest) quarter" in results news is the last completed quarter."""
    if ctx.published is None:
        return cand(m, "DATE", None)
    offset = {"current": 0, "previous": -2, "prior": -2}.get((m["w"] or "").lower(), -1)
    value, lo, hi = shift(ctx.published, "quarter", offset)
    return cand(m, "DATE", value, (lo, hi))


@rule(
    r"(?i:\b(?:the\s+)?(?:comparable\s+|same\s+)?(?:year-earlier|year-ago|prior-year|"
    r"year\s+earlier|year\s+ago)\s+(?:quarter|period)\b)"
)
def _year_ago_quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the year-ago quarter" compares with the latest reported quarter, one year back."""
    if ctx.published is None:
        return cand(m, "DATE", None)
    value, lo, hi = shift(ctx.published, "quarter", -5)
    return cand(m, "DATE", value, (lo, hi))


_TENS: Final = r"(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)"
_ONES: Final = r"(?:one|two|three|four|five|six|seven|eight|nine)"


@rule(
    rf"(?i:\b(?:(?P<c>nineteen|twenty)\s+(?:hundred\s+(?:and\s+)?)?(?P<y>{_TENS}(?:[\s-]{_ONES})?|"
    r"ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)|"
    r"(?:the\s+year\s+)two\s+thousand(?:\s+and\s+(?P<y2>\w+))?)\b)"
)
def _spoken_year(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Years as read out in broadcasts: "nineteen ninety-six", "the year two thousand"."""
    if m["c"]:
        n = parse_number(m["y"])
        year = (19 if m["c"].lower() == "nineteen" else 20) * 100 + int(n or 0)
    else:
        year = 2000 + int(parse_number(m["y2"]) or 0 if m["y2"] else 0)
    return cand(m, "DATE", f"{year:04d}", year_bounds(year))


@rule(
    r"(?i:\bthe\s+(?:(?:early|late|mid)[\s-]+)?(?P<w>twenties|thirties|forties|fifties|sixties|"
    r"seventies|eighties|nineties)\b)"
)
def _decade_word(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the nineties": a decade of the 20th century (ages say "his nineties", not "the")."""
    tens = ["twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties"]
    d = tens.index(m["w"].lower()) + 2 if m["w"].lower() in tens else 9
    return cand(m, "DATE", f"19{d}", year_bounds(1900 + 10 * d, 10))


@rule(r"(?i:\bthe\s+(?P<y>(?:19|20)\d\d)\s+(?:quarter|period)\b)")
def _year_quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the 1988 quarter" compares the latest reported quarter with the same one that year."""
    y = int(m["y"])
    if ctx.published is None:
        return cand(m, "DATE", f"{y:04d}-QX")
    q = int(shift(ctx.published, "quarter", -1)[0][-1])
    return cand(m, "DATE", f"{y:04d}-Q{q}", quarter_bounds(y, q))
