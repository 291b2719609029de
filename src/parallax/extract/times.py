"""Temporal expressions (dates, times, durations, sets) normalised to TimeML TIMEX3 values.

News is dated: "Friday", "last month" and "two years ago" only mean something relative to the
publication date, so every relative expression is resolved against it and, when a document
has no date, left unresolved (``value=None``) rather than guessed. Absolute expressions are
resolved either way. Rules are plain regular expressions over the raw text so that offsets are
exact and the tagger needs no model; each rule proposes candidates, the longest
non-overlapping candidates win. The spaCy component at the end wraps :func:`find_times`.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
import re
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc

from parallax.extract.timex_rules import (
    CLOCK,
    DUR_UNIT,
    MAX_CHARS,
    MONTH,
    NUM,
    PART_OF_DAY,
    RULES,
    SEASONS,
    UNIT,
    VAGUE,
    WEEKDAY,
    YEAR,
    Cand,
    Ctx,
    TimeType,
    add_months,
    after,
    before,
    cand,
    day,
    duration_value,
    iso,
    month_number,
    nearest_year,
    parse_number,
    rule,
    safe_date,
    season_bounds,
    season_year,
    shift,
    unit_stem,
    weekday_date,
    weekday_number,
    weekend_value,
    year_bounds,
)
from parallax.schema import Time

# --- dates relative to publication ----------------------------------------------------------


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


_FUTURE_CUE: Final = re.compile(
    r"(?i)\b(?:will|won't|shall|going\s+to|as\s+(?:early|soon)\s+as|scheduled|expected\s+to|"
    r"plans?\s+to|set\s+to|due\s+to|next)\b|'ll\b"
)
#: "said Wednesday", "met on Monday": a past verb right before the weekday settles it.
_PAST_VERB: Final = re.compile(
    r"(?i)\b(?:said|says|told|announced|was|were|had|met|came|went|made|took|gave|began|left|"
    r"\w+ed)\s+(?:on\s+|late\s+|early\s+)?$"
)


def _sentence_left(ctx: Ctx, m: re.Match[str]) -> str:
    """The current sentence up to the match (at most 60 characters)."""
    left = before(ctx, m, 60)
    cut = max(left.rfind(". "), left.rfind("\n"), left.rfind("? "), left.rfind("! "))
    return left[cut + 1 :]


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
        left = _sentence_left(ctx, m)
        future = _FUTURE_CUE.search(left) and not _PAST_VERB.search(left)
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


# --- clock times ----------------------------------------------------------------------------

_TZ: Final = r"(?:\s+(?P<tz>GMT|UTC|EST|EDT|PST|PDT|CST|CDT|BST|CET|CEST|ET|PT|(?i:local\s+time)))?"


def _clock(m: re.Match[str], hour: int, minute: int, ampm: str = "", tz: str = "") -> Cand | None:
    """A clock time; its date (adjacent date, else publication) is filled in after all rules."""
    ampm = ampm.lower().replace(".", "")
    if (ampm and not 1 <= hour <= 12) or hour > 24 or minute > 59:
        return None
    if ampm == "pm" and hour < 12:
        hour += 12
    elif ampm == "am" and hour == 12:
        hour = 0
    zone = "Z" if tz.strip().upper() in {"UTC", "GMT"} else ""
    return cand(m, "TIME", f"{CLOCK}T{hour:02d}:{minute:02d}{zone}")


@rule(
    r"(?<![\d:.,])(?P<h>\d{1,2})(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ap>(?i:a\.m\.?|p\.m\.?|am|pm))"
    rf"(?![A-Za-z]){_TZ}"
)
def _clock_ampm(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "9 p.m.", "9:30am", "10.15 pm GMT"."""
    return _clock(m, int(m["h"]), int(m["mi"] or 0), m["ap"], m["tz"] or "")


@rule(rf"(?<![\d:.,])(?P<h>[01]?\d|2[0-4])[:h](?P<mi>[0-5]\d)(?![\d:]){_TZ}")
def _clock_24(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "at 14:30": a 24-hour time needs a preposition so scores and ratios are not times."""
    if not re.search(
        r"(?i:\b(?:at|by|until|till|from|around|about|before|after|since))\s+$", before(ctx, m, 12)
    ):
        return None
    return _clock(m, int(m["h"]), int(m["mi"]), tz=m["tz"] or "")


@rule(
    r"(?i:\b(?P<h>\d{1,2}|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
    r"(?:\s+o['’]clock|\s+in\s+the\s+(?P<pod>morning|afternoon|evening|night))+\b)"
)
def _clock_words(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "four o'clock", "4 in the morning"."""
    hour = int(parse_number(m["h"]) or 0)
    pod = (m["pod"] or "").lower()
    return _clock(
        m,
        hour,
        0,
        "pm"
        if pod in {"afternoon", "evening"} or (pod == "night" and hour > 5)
        else "am"
        if pod
        else "",
    )


@rule(r"(?i:\b(?P<w>noon|midday|midnight)\b)")
def _noon(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """Noon is 12:00, midnight 24:00 (the end of the day, as TimeML writes it)."""
    return _clock(m, 24 if m["w"].lower() == "midnight" else 12, 0)


# --- vague references and named days --------------------------------------------------------


@rule(
    r"(?i:\b(?P<past>recently|lately)\b|\bin\s+(?P<past2>the\s+past)\b|(?P<now>\bnow\b|"
    r"\bcurrently\b|\bnowadays\b|\bpresently\b|\bat\s+present\b|\bthese\s+days\b)|"
    r"\b(?:in|into|for|about|to)\s+(?P<fut>the\s+(?:near\s+|distant\s+|foreseeable\s+)?future)\b(?!\s+of)|"
    r"(?<!\bas\s)\b(?P<soon>soon)\b(?!\s+as))"
)
def _reference(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """PAST_REF, PRESENT_REF, FUTURE_REF: vague but still placed relative to publication."""
    if ctx.published is None:
        return cand(
            m, "DATE", None, group=next(g for g in ("past", "past2", "now", "fut", "soon") if m[g])
        )
    p = iso(ctx.published)
    if m["past"] or m["past2"]:
        return cand(m, "DATE", "PAST_REF", (None, p), group="past" if m["past"] else "past2")
    if m["now"]:
        return cand(m, "DATE", "PRESENT_REF", (p, p))
    return cand(m, "DATE", "FUTURE_REF", (p, None), group="fut" if m["fut"] else "soon")


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


# --- selection and API ----------------------------------------------------------------------


def _select(cands: list[Cand]) -> list[Cand]:
    """Longest candidates first (earlier rules break ties), never overlapping; in text order."""
    chosen: list[Cand] = []
    taken: list[tuple[int, int]] = []  # sorted, disjoint
    for c in sorted(cands, key=lambda c: (c.start - c.end, c.priority, c.start)):
        i = bisect.bisect_left(taken, (c.start, c.end))
        if (i > 0 and taken[i - 1][1] > c.start) or (i < len(taken) and taken[i][0] < c.end):
            continue
        taken.insert(i, (c.start, c.end))
        chosen.append(c)
    return sorted(chosen, key=lambda c: c.start)


_DAY_VALUE: Final = re.compile(r"\d{4}-\d\d-\d\d$")


def _settle_clocks(chosen: list[Cand], ctx: Ctx) -> list[Cand]:
    """Give clock times their day: "10 p.m. Wednesday" merges, "Friday at 9 p.m." borrows."""
    out: list[Cand] = []
    i = 0
    while i < len(chosen):
        c = chosen[i]
        if c.value is None or not c.value.startswith(CLOCK):
            out.append(c)
            i += 1
            continue
        clock = c.value[len(CLOCK) :]
        nxt = chosen[i + 1] if i + 1 < len(chosen) else None
        prev = out[-1] if out else None
        if (
            nxt
            and nxt.value
            and _DAY_VALUE.match(nxt.value)
            and re.fullmatch(r"[ ,]*", ctx.text[c.end : nxt.start])
        ):
            out.append(
                dataclasses.replace(
                    c,
                    end=nxt.end,
                    value=nxt.value + clock,
                    earliest=nxt.earliest,
                    latest=nxt.latest,
                )
            )
            i += 2
            continue
        if (
            prev
            and prev.value
            and _DAY_VALUE.match(prev.value)
            and re.fullmatch(r"(?i:[ ,]*(?:at|on)?\s*)", ctx.text[prev.end : c.start])
        ):
            out.append(
                dataclasses.replace(
                    c, value=prev.value + clock, earliest=prev.earliest, latest=prev.latest
                )
            )
        elif ctx.published is not None:
            p = iso(ctx.published)
            out.append(dataclasses.replace(c, value=p + clock, earliest=p, latest=p))
        else:
            out.append(dataclasses.replace(c, value=None))
        i += 1
    return out


def find_times(text: str, published: dt.date | None) -> list[Time]:
    """Temporal expressions in ``text`` with TimeML values resolved against ``published``.

    Offsets index ``text``; results are sorted and never overlap. Relative expressions get
    ``value=None`` when there is no publication date, because a guess would look like a fact.
    """
    if not text:
        return []
    if isinstance(published, dt.datetime):
        published = published.date()
    scanned = text[:MAX_CHARS]
    ctx = Ctx(scanned, published)
    cands: list[Cand] = []
    for priority, (pattern, handler) in enumerate(RULES):
        for m in pattern.finditer(scanned):
            try:
                c = handler(m, ctx)
            except (ValueError, KeyError, IndexError, OverflowError):
                c = None  # an odd input must never sink a whole document
            if c is not None and c.end > c.start:
                cands.append(dataclasses.replace(c, priority=priority))
    return [
        Time(
            start=c.start,
            end=c.end,
            text=text[c.start : c.end],
            type=c.type,
            value=c.value,
            earliest=c.earliest,
            latest=c.latest,
        )
        for c in _settle_clocks(_select(cands), ctx)
    ]


def register_extensions() -> None:
    """Declare ``doc._.times`` and ``doc._.published`` once, whoever asks first."""
    if not Doc.has_extension("times"):
        Doc.set_extension("times", default=None)
    if not Doc.has_extension("published"):
        Doc.set_extension("published", default=None)


@Language.factory("parallax_times", assigns=["doc._.times"])
class TimeTagger:
    """spaCy component: ``doc._.times = find_times(doc.text, doc._.published)``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        published: Any = doc._.published
        if not isinstance(published, dt.date):
            published = None
        doc._.times = find_times(doc.text, published)
        return doc
