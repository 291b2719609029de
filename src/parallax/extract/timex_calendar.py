"""Calendar arithmetic for temporal values: ISO weeks, quarters, seasons and nearest years.

Every function takes plain dates and returns TimeML values or ``YYYY-MM-DD`` bounds, so the
fiddly parts of resolving "last week" or "the fourth quarter" can be tested on their own.
"""

from __future__ import annotations

import calendar
import datetime as dt
from typing import Final

from parallax.extract.timex_vocab import UNITS, unit_stem

#: first month of each season; winter starts in December and runs into the next year
_SEASON_START: Final[dict[str, int]] = {"SP": 3, "SU": 6, "FA": 9, "WI": 12}

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
