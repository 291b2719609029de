"""Durations and sets: "for three years", "the past two months", "daily", "twice a week".

A duration is an amount of time (``P3Y``) and has no place on the calendar, so it gets no
``earliest``/``latest``; a set is a recurrence (``XXXX-WXX-1``, ``P1W`` with type SET).
Ages ("25-year-old") are neither and are left out.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Final

from parallax.extract.timex_calendar import add_months, iso
from parallax.extract.timex_rules import Cand, Ctx, RuleSet, after, before, cand
from parallax.extract.timex_vocab import (
    DUR_UNIT,
    MONTH,
    NUM,
    PART_OF_DAY,
    UNIT,
    VAGUE,
    WEEKDAY,
    duration_value,
    month_number,
    parse_number,
    unit_stem,
    weekday_number,
)

rule = RuleSet()

_OLD_AFTER: Final = re.compile(r"(?i:\s*-?\s*olds?\b|\s+of\s+age\b)")


@rule(
    rf"(?i:\b(?:the\s+(?:(?:first|past|last|next|previous|coming|final|following|initial|"
    rf"remaining|other)\s+)?|(?:past|last|next|first|coming)\s+)?(?P<n>{NUM}|{VAGUE}|"
    rf"a\s+couple\s+of)(?:\s+|-)(?:(?:more|full|straight|consecutive|long)\s+)?(?P<u>{DUR_UNIT})"
    r"(?:-long)?\b)"
)
def _duration(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "for three years", "the past two months", "18-month", "several days" (not "25-year-old")."""
    if _OLD_AFTER.match(after(ctx, m)):
        return None
    if unit_stem(m["u"]) == "quarter" and "-" in m[0]:
        return None  # "three-quarters of" is a fraction
    n = parse_number(m["n"])
    return cand(m, "DURATION", duration_value(n, m["u"]))


_RATE_BEFORE: Final = re.compile(
    r"(?i:(?:\d|\b(?:million|billion|trillion|thousand|hundred|dollars?|euros?|pounds?|cents?|"
    r"percent|times|once|twice|thrice|calories|miles|barrels|tons|tonnes))\s*)$"
)


@rule(
    r"(?i:\b(?P<a>an?|one\s+full|a\s+full|half\s+an?|an?\s+half)\s+(?P<u>minute|hour|day|week|"
    r"fortnight|month|year|decade|century)\b)"
)
def _a_unit(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "a year" is a duration, but "$5 a year" or "three times a day" is a set."""
    if _OLD_AFTER.match(after(ctx, m)):
        return None
    if _RATE_BEFORE.search(before(ctx, m)):
        return cand(m, "SET", duration_value(1, m["u"]))
    n = 0.5 if "half" in m["a"].lower() else 1
    return cand(m, "DURATION", duration_value(n, m["u"]))


@rule(
    r"(?i:\b(?:for|over|within|in|after|took|take|takes|lasted|spent|spend)\s+(?P<x>(?P<u>"
    r"years|months|weeks|days|decades|hours|minutes|centuries)(?:-long)?)\b)"
)
def _bare_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "for years", "within days": a duration of unknown length."""
    return cand(m, "DURATION", duration_value(None, m["u"]), group="x")


@rule(r"(?i:\b(?P<w>recent|coming|upcoming)\s+(?P<u>years|months|weeks|days|decades)\b)")
def _recent_units(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "in recent years" is a vague duration; "in the coming weeks" a vague future."""
    if m["w"].lower() == "recent":
        return cand(m, "DURATION", duration_value(None, m["u"]))
    p = ctx.published
    if p is None:
        return cand(m, "DATE", None)
    stem = unit_stem(m["u"])
    if stem == "month":
        end = add_months(p, 3).replace(day=min(p.day, 28))
    else:
        end = p + dt.timedelta(days=3 * {"day": 1, "week": 7, "year": 365, "decade": 3650}[stem])
    return cand(m, "DATE", "FUTURE_REF", (iso(p), iso(end)))


# --- sets -----------------------------------------------------------------------------------

_ADVERB_SETS: Final[dict[str, str]] = {
    "daily": "P1D", "nightly": "P1D", "weekly": "P1W", "biweekly": "P2W", "fortnightly": "P2W",
    "monthly": "P1M", "quarterly": "P3M", "annually": "P1Y", "yearly": "P1Y", "hourly": "PT1H",
    "biannually": "P6M", "semiannually": "P6M",
}  # fmt: skip


@rule(r"\b(?P<w>[Dd]aily|[Nn]ightly|[Ww]eekly|[Bb]iweekly|[Ff]ortnightly|[Mm]onthly|[Qq]uarterly|"
      r"[Aa]nnually|[Yy]early|[Hh]ourly|[Bb]iannually|[Ss]emiannually)\b")  # fmt: skip
def _adverb_set(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "daily", "weekly"… but not in names ("Daily Mail")."""
    if m["w"][0].isupper() and re.match(r"\s+[A-Z]", after(ctx, m)):
        return None
    return cand(m, "SET", _ADVERB_SETS[m["w"].lower()])


@rule(
    rf"(?i:\b(?:every|each)\s+(?:(?P<other>other)\s+)?(?:(?P<n>{NUM})\s+)?(?P<u>{UNIT}|night|"
    r"morning|afternoon|evening)s?\b)"
)
def _every(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "every week", "each year", "every other day", "every two years"."""
    u = m["u"].lower()
    if u in PART_OF_DAY:
        return cand(m, "SET", "XXXX-XX-XXT" + PART_OF_DAY[u])
    n = parse_number(m["n"]) if m["n"] else (2.0 if m["other"] else 1.0)
    return cand(m, "SET", duration_value(n, u))


@rule(rf"(?i:\b(?:every|each))\s+(?:(?P<wd>{WEEKDAY})|(?P<m>{MONTH}))")
def _every_named(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "every Monday" -> XXXX-WXX-1, "each July" -> XXXX-07."""
    if m["wd"]:
        return cand(m, "SET", f"XXXX-WXX-{weekday_number(m['wd']) + 1}")
    return cand(m, "SET", f"XXXX-{month_number(m['m']):02d}")


@rule(
    rf"(?i:\b(?:once|twice|thrice|(?:{NUM})\s+times)\s+(?:a|an|per|each|every)\s+"
    r"(?P<u>second|minute|hour|day|week|month|year|decade)\b|\bper\s+(?P<u2>second|minute|hour|"
    r"day|week|month|year)\b)"
)
def _frequency(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "twice a day", "three times a year", "per week"."""
    return cand(m, "SET", duration_value(1, m["u"] or m["u2"]))


@rule(r"(?i:\b(?P<u>years|months|weeks|days|decades|hours|centuries|day|week|month|year)-long\b)")
def _unit_long(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "a decades-long dispute" (some decades), "a day-long meeting" (one day)."""
    plural = m["u"].lower().endswith("s")
    return cand(m, "DURATION", duration_value(None if plural else 1, m["u"]))


@rule(r"(?i:\b(?:over|through|throughout)\s+(?P<x>the\s+(?P<u>years|decades|centuries))\b)")
def _over_the_years(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "over the years": a duration of unknown length."""
    return cand(m, "DURATION", duration_value(None, m["u"]), group="x")
