"""Vocabulary of temporal expressions: number words, units, months, weekdays and seasons.

Regex fragments and their parsers live together so a pattern and the function that reads its
match cannot drift apart; the rule modules only combine them.
"""

from __future__ import annotations

import re
from typing import Final

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
NUM: Final = (
    rf"(?:(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|{_COMPOUND}|{_alternation(_WORD_NUMBERS)})"
    r"(?:\s+1/2|\s+and\s+a\s+half)?)"
)
VAGUE: Final = r"(?:several|a\s+few|few|many|some|numerous)"


def parse_number(word: str) -> float | None:
    """The value of a cardinal matched by :data:`NUM`, ``None`` for vague quantifiers."""
    w = re.sub(r"\s+", " ", word.strip().lower())
    half = re.match(r"(.+?)\s+(?:1/2|and a half)$", w)
    if half:  # "two and a half", "5 1/2"
        whole = parse_number(half[1])
        return None if whole is None else whole + 0.5
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
    r"(?:second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centurie|"
    r"century)s?"
)


def unit_stem(word: str) -> str:
    """Singular stem of a unit word ("centuries" -> "century")."""
    w = word.lower()
    if w.startswith("centur"):
        return "century"
    return w[:-1] if w.endswith("s") else w


def duration_value(n: float | None, unit: str) -> str:
    """``P3Y``, ``PT2H``, ``PXW``: the TimeML duration for ``n`` units."""
    stem = unit_stem(unit)
    letter, mult, clock = UNITS[stem]
    if n is not None and n * mult != int(n * mult) and stem in _SPLIT:
        # TimeML has no fractions: "2 1/2 years" is P2Y6M, "half an hour" PT30M.
        per, small = _SPLIT[stem]
        whole, part = int(n), round((n - int(n)) * per)
        head = f"{whole}{letter}" if whole else ""
        return f"PT{head}{part}{small}" if clock else f"P{head}{part}{small}"
    amount = fmt_amount(None if n is None else n * mult)
    return f"PT{amount}{letter}" if clock else f"P{amount}{letter}"


#: unit -> (how many of the next smaller unit it holds, that unit's letter)
_SPLIT: Final[dict[str, tuple[int, str]]] = {
    "year": (12, "M"),
    "hour": (60, "M"),
    "minute": (60, "S"),
}


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


def month_number(word: str) -> int:
    """1–12 for any spelling :data:`MONTH` accepts."""
    return _MONTH_KEYS.index(word.lower()[:3]) + 1


def weekday_number(word: str) -> int:
    """0 (Monday) – 6 (Sunday)."""
    return _WEEKDAY_KEYS.index(word.lower()[:3])
