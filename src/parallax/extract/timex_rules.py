"""Vocabulary, regex fragments and calendar arithmetic shared by the temporal tagger.

Kept apart from :mod:`parallax.extract.times` so the rule table there reads as a list of
patterns and what they mean, while the fiddly parts (number words, ISO weeks, quarters,
seasons, "nearest year" guesses) live here and can be tested and reused on their own.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final, Literal

TimeType = Literal["DATE", "TIME", "DURATION", "SET"]


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


# --- numbers ------------------------------------------------------------------------------

_UNITS_WORDS: Final = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS_WORDS: Final = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]

NUMBER_WORDS: Final[dict[str, int]] = {w: i for i, w in enumerate(_UNITS_WORDS)}
NUMBER_WORDS.update({w: 20 + 10 * i for i, w in enumerate(_TENS_WORDS)})
NUMBER_WORDS.update({"a": 1, "an": 1, "one hundred": 100, "a hundred": 100, "hundred": 100})
NUMBER_WORDS.update({"a couple of": 2, "a dozen": 12, "dozen": 12})

#: Quantifiers that say "some number of": TimeML writes the amount as ``X``.
VAGUE_WORDS: Final = frozenset({"several", "a few", "few", "many", "some", "numerous"})


def _alternation(words: list[str]) -> str:
    """A regex alternation that tries longer words first so "seventeen" beats "seven"."""
    return "|".join(
        re.escape(w).replace(r"\ ", r"\s+") for w in sorted(words, key=len, reverse=True)
    )


_COMPOUND: Final = rf"(?:{'|'.join(_TENS_WORDS)})[\s-](?:{'|'.join(_UNITS_WORDS[1:10])})"
_WORD_NUMBERS: Final = [w for w in NUMBER_WORDS if w not in {"a", "an"}]
#: A cardinal: digits (with thousands commas or decimals) or English number words.
NUM: Final = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_COMPOUND}|{_alternation(_WORD_NUMBERS)})"
VAGUE: Final = r"(?:several|a\s+few|few|many|some|numerous)"


def parse_number(word: str) -> float | None:
    """The value of a cardinal matched by :data:`NUM`, ``None`` for vague quantifiers."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    if w in VAGUE_WORDS:
        return None
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    parts = re.split(r"[\s-]", w)
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    try:
        return float(w.replace(",", ""))
    except ValueError:
        return None


def fmt_amount(n: float | None) -> str:
    """TimeML amount: an integer when whole, ``X`` when unknown."""
    if n is None:
        return "X"
    return str(int(n)) if n == int(n) else f"{n:g}"


# --- units --------------------------------------------------------------------------------

#: unit stem -> (TimeML letter, multiplier, is clock unit)
UNITS: Final[dict[str, tuple[str, int, bool]]] = {
    "second": ("S", 1, True),
    "minute": ("M", 1, True),
    "hour": ("H", 1, True),
    "day": ("D", 1, False),
    "night": ("D", 1, False),
    "week": ("W", 1, False),
    "fortnight": ("W", 2, False),
    "weekend": ("WE", 1, False),
    "month": ("M", 1, False),
    "quarter": ("Q", 1, False),
    "year": ("Y", 1, False),
    "decade": ("Y", 10, False),
    "century": ("Y", 100, False),
}
UNIT: Final = (
    r"(?:second|minute|hour|day|week|fortnight|weekend|month|quarter|year|decade|"
    r"century|centurie)s?"
)
DUR_UNIT: Final = (
    r"(?:second|minute|hour|day|night|week|fortnight|month|year|decade|centurie|century)s?"
)


def unit_stem(word: str) -> str:
    """Singular stem of a unit word ("centuries" -> "century")."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration_value(n: float | None, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXW``: the TimeML duration for ``n`` units."""
    letter, mult, clock = UNITS[unit_stem(unit)]
    amount = fmt_amount(None if n is None else n * mult)
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


# --- months, weekdays, seasons ------------------------------------------------------------

MONTH: Final = (
    r"(?:Jan(?:uary|\.)?|Feb(?:ruary|\.)?|Mar(?:ch|\.)?|Apr(?:il|\.)?|May|June?|July?|"
    r"Aug(?:ust|\.)?|Sep(?:t(?:ember|\.)?|\.)?|Oct(?:ober|\.)?|Nov(?:ember|\.)?|Dec(?:ember|\.)?"
    r"|JANUARY|FEBRUARY|MARCH|APRIL|JUNE|JULY|AUGUST|SEPTEMBER|OCTOBER|NOVEMBER|DECEMBER)"
    r"(?![A-Za-z])"
)
_MONTH_KEYS: Final = [
    "jan",
    "feb",
    "mar",
    "apr",
    "may",
    "jun",
    "jul",
    "aug",
    "sep",
    "oct",
    "nov",
    "dec",
]
WEEKDAY: Final = r"(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
_WEEKDAY_KEYS: Final = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
PART_OF_DAY: Final[dict[str, str]] = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
}
SEASONS: Final[dict[str, str]] = {
    "spring": "SP",
    "summer": "SU",
    "autumn": "FA",
    "fall": "FA",
    "winter": "WI",
}
#: first month of each season; winter starts in December and runs into the next year
_SEASON_START: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}


def month_number(word: str) -> int:
    """1–12 for any spelling :data:`MONTH` accepts."""
    return _MONTH_KEYS.index(word.lower()[:3]) + 1


def weekday_number(word: str) -> int:
    """0 (Monday) – 6 (Sunday)."""
    return _WEEKDAY_KEYS.index(word.lower()[:3])


# --- calendar arithmetic --------------------------------------------------------------------

Bounds = tuple[str | None, str | None]


def iso(d: dt.date) -> str:
    """``YYYY-MM-DD``."""
    return d.isoformat()


def safe_date(year: int, month: int, day: int) -> dt.date | None:
    """The date, or ``None`` when it does not exist (31 February, year 0)."""
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def add_months(d: dt.date, n: int) -> dt.date:
    """First day of the month ``n`` months from ``d``'s month."""
    k = d.year * 12 + d.month - 1 + n
    return dt.date(k // 12, k % 12 + 1, 1)


def month_bounds(year: int, month: int) -> tuple[str, str]:
    """First and last day of a month."""
    last = calendar.monthrange(year, month)[1]
    return iso(dt.date(year, month, 1)), iso(dt.date(year, month, last))


def year_bounds(year: int, span: int = 1) -> tuple[str, str]:
    """1 January of ``year`` to 31 December of the last year of the span."""
    return f"{year:04d}-01-01", f"{year + span - 1:04d}-12-31"


def week_value(d: dt.date) -> tuple[str, str, str]:
    """ISO week value of ``d`` with its Monday and Sunday."""
    y, w, _ = d.isocalendar()
    monday = d - dt.timedelta(days=d.weekday())
    return f"{y:04d}-W{w:02d}", iso(monday), iso(monday + dt.timedelta(days=6))


def weekend_value(d: dt.date) -> tuple[str, str, str]:
    """``YYYY-Www-WE`` of the week containing ``d``, bounded by its Saturday and Sunday."""
    value, monday, _ = week_value(d)
    sat = dt.date.fromisoformat(monday) + dt.timedelta(days=5)
    return value + "-WE", iso(sat), iso(sat + dt.timedelta(days=1))


def quarter_of(d: dt.date) -> int:
    """1–4."""
    return (d.month - 1) // 3 + 1


def quarter_bounds(year: int, q: int) -> tuple[str, str]:
    """First and last day of a quarter."""
    return month_bounds(year, 3 * q - 2)[0], month_bounds(year, 3 * q)[1]


def quarter_year(q: int, published: dt.date) -> int:
    """Year of an ordinal quarter named without one.

    News about quarters mostly reports results, so the latest such quarter that has already
    started (allowing a month of look-ahead) is meant: "the fourth quarter" in January is last
    year's, in November this year's.
    """
    year = published.year
    start = dt.date(year, 3 * q - 2, 1)
    return year if start <= published + dt.timedelta(days=31) else year - 1


def season_bounds(year: int, code: str) -> tuple[str, str]:
    """First and last day of a meteorological season (winter runs into the next year)."""
    first = dt.date(year, _SEASON_START[code], 1)
    last = add_months(first, 3) - dt.timedelta(days=1)
    return iso(first), iso(last)


def season_year(code: str, published: dt.date, which: str) -> int:
    """Year of "last/this/next summer": last = latest ended, next = earliest not started."""
    if which == "this":
        return published.year
    for year in (
        range(published.year, published.year - 3, -1)
        if which == "last"
        else range(published.year - 1, published.year + 3)
    ):
        first_s, last_s = season_bounds(year, code)
        if which == "last" and dt.date.fromisoformat(last_s) < published:
            return year
        if which == "next" and dt.date.fromisoformat(first_s) > published:
            return year
    return published.year


def nearest_year(month: int, day: int, published: dt.date) -> int | None:
    """Year that puts day/month nearest the publication date (``None`` if it never exists)."""
    best: tuple[int, int] | None = None
    for year in (published.year - 1, published.year, published.year + 1):
        d = safe_date(year, month, day)
        if d is not None:
            dist = abs((d - published).days)
            if best is None or dist < best[0]:
                best = (dist, year)
    return None if best is None else best[1]


def weekday_date(weekday: int, published: dt.date, direction: str) -> dt.date:
    """The weekday relative to publication.

    ``past``: on or before the publication day; ``last``: strictly before; ``future``: on or
    after; ``next``: strictly after; ``this``: within the publication day's ISO week.
    """
    delta = (published.weekday() - weekday) % 7
    if direction == "past":
        return published - dt.timedelta(days=delta)
    if direction == "last":
        return published - dt.timedelta(days=delta or 7)
    ahead = (weekday - published.weekday()) % 7
    if direction == "future":
        return published + dt.timedelta(days=ahead)
    if direction == "next":
        return published + dt.timedelta(days=ahead or 7)
    return published + dt.timedelta(days=weekday - published.weekday())


def shift(published: dt.date, unit: str, n: int) -> tuple[str, str | None, str | None]:
    """Value and bounds of the period ``n`` units away from publication (``n`` may be < 0).

    The value has the unit's granularity: days give a date, weeks an ISO week, months
    ``YYYY-MM``, quarters ``YYYY-Qn``, years (and decades, centuries) a year.
    """
    stem = unit_stem(unit)
    if stem in {"day", "night", "hour", "minute", "second"}:
        days = n if stem in {"day", "night"} else 0
        d = published + dt.timedelta(days=days)
        return iso(d), iso(d), iso(d)
    if stem in {"week", "fortnight"}:
        return week_value(published + dt.timedelta(weeks=n * (2 if stem == "fortnight" else 1)))
    if stem == "weekend":
        return weekend_value(published + dt.timedelta(weeks=n))
    if stem == "month":
        m = add_months(published, n)
        return (f"{m.year:04d}-{m.month:02d}", *month_bounds(m.year, m.month))
    if stem == "quarter":
        m = add_months(published, 3 * n)
        q = quarter_of(m)
        return (f"{m.year:04d}-Q{q}", *quarter_bounds(m.year, q))
    mult = UNITS[stem][1]
    year = published.year + n * mult
    if year < 1 or year > 9999:
        return "PAST_REF" if n < 0 else "FUTURE_REF", None, None
    return (f"{year:04d}", *year_bounds(year))


# --- rule registry and absolute dates ----------------------------------------------------

Handler = Callable[[re.Match[str], "Ctx"], Cand | None]
RULES: list[tuple[re.Pattern[str], Handler]] = []

YEAR: Final = r"(?:19|20)\d\d(?!\d)"
#: Largest input scanned; beyond it text is ignored so a runaway document cannot stall a run.
MAX_CHARS: Final = 2_000_000
#: Marker prefix of a clock time whose date is settled after all rules ran.
CLOCK: Final = "CLOCK"


@dataclass(frozen=True)
class Ctx:
    """What every rule needs: the whole text (for context checks) and the anchor date."""

    text: str
    published: dt.date | None


def rule(pattern: str) -> Callable[[Handler], Handler]:
    """Register ``pattern`` with the handler that turns its matches into candidates."""

    def register(fn: Handler) -> Handler:
        RULES.append((re.compile(pattern), fn))
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
    d = None if year is None else safe_date(year, mm, dd)
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
    r"(?i:\b(?:the\s+)?(?:(?P<y1>(?:19|20)\d\d)\s+)?(?:(?P<rel>fiscal|year-earlier|year-ago|"
    r"prior-year|same)[\s-]+)?(?:fiscal[\s-]+)?(?P<o>first|second|third|fourth|1st|2nd|3rd|4th|"
    r"final)[\s-]+(?:fiscal\s+)?quarters?\b(?:\s+of\s+(?:fiscal\s+|the\s+year\s+)?(?P<y2>"
    r"(?:19|20)\d\d)(?!\d))?)"
)
def _quarter(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "the third quarter (of 2015)", "third-quarter": the latest such quarter if no year."""
    q = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3}.get(m["o"].lower(), 4)
    year_s = m["y1"] or m["y2"]
    if year_s:
        year = int(year_s)
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
