"""Clock times: "9 p.m.", "14:30 GMT", "four o'clock", "noon", and the day each belongs to.

A clock time alone says nothing about its day, so rules emit a :data:`CLOCK` placeholder and
:func:`settle_clocks` fills in the adjacent date ("10 p.m. Wednesday") or, failing that, the
publication date.
"""

from __future__ import annotations

import dataclasses
import re
from typing import Final

from parallax.extract.timex_calendar import iso
from parallax.extract.timex_rules import CLOCK, Cand, Ctx, RuleSet, before, cand
from parallax.extract.timex_vocab import parse_number

rule = RuleSet()

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
    """ "at 14:30", "18:00 UTC": a 24-hour time needs a preposition or a time zone, so that
    scores and ratios are not taken for times."""
    if not m["tz"] and not re.search(
        r"(?i:\b(?:at|by|until|till|from|around|about|before|after|since))\s+$", before(ctx, m, 12)
    ):
        return None
    return _clock(m, int(m["h"]), int(m["mi"]), tz=m["tz"] or "")


@rule(r"(?<![\d:.,])(?P<h>[01]\d|2[0-3])(?P<mi>[0-5]\d)\s+(?P<tz>GMT|UTC)\b")
def _clock_military(m: re.Match[str], ctx: Ctx) -> Cand | None:
    """ "0800 UTC": four digits count as a time only with a universal time zone."""
    return _clock(m, int(m["h"]), int(m["mi"]), tz=m["tz"])


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


_DAY_VALUE: Final = re.compile(r"\d{4}-\d\d-\d\d$")


def settle_clocks(chosen: list[Cand], ctx: Ctx) -> list[Cand]:
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
