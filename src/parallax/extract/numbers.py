"""Number expressions over plain token strings: digits, number words, vague amounts, qualifiers.

This is the lexical half of the figures extractor. It works on token texts and their trailing
whitespace only — no spaCy, no context — so it can be tested in isolation and reused by anything
that tokenises. Whether a matched amount is really a figure (not a year, a date, an aircraft
model) and what it counts is decided in :mod:`parallax.extract.figures`, which sees the sentence.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final


def _split(text: str) -> list[str]:
    return text.split()


SMALL: Final[dict[str, int]] = {
    w: n
    for n, w in enumerate(
        _split(
            "zero one two three four five six seven eight nine ten eleven twelve thirteen "
            "fourteen fifteen sixteen seventeen eighteen nineteen"
        )
    )
}
TENS: Final[dict[str, int]] = {
    w: 10 * n
    for n, w in enumerate(_split("twenty thirty forty fifty sixty seventy eighty ninety"), 2)
}
MAGNITUDES: Final[dict[str, float]] = {
    "thousand": 1e3,
    "million": 1e6,
    "billion": 1e9,
    "trillion": 1e12,
}
#: Scale suffixes written straight after digits ("£2m", "8.4bn") or as the next token.
SCALE_SUFFIXES: Final[dict[str, float]] = {
    **dict.fromkeys(("m", "mn", "mln"), 1e6),
    **dict.fromkeys(("b", "bn"), 1e9),
    **{"k": 1e3, "tn": 1e12},
    **MAGNITUDES,
}
#: Denominators of the fractions read after "a"/"one"/"two" ("a third", "two-thirds").
FRACTIONS: Final[dict[str, float]] = {
    "third": 3, "quarter": 4, "fifth": 5, "sixth": 6, "eighth": 8, "tenth": 10
}  # fmt: skip
#: Vague plurals with conventional ranges; the ones marked ``True`` need "of" after them, since
#: "scores" and "tens" alone are rarely counts.
VAGUE: Final[dict[tuple[str, ...], tuple[float, float, bool]]] = {
    ("dozens",): (24, 99, False),
    ("scores",): (40, 99, True),
    ("tens",): (20, 99, True),
    ("hundreds",): (200, 999, False),
    ("thousands",): (2000, 9999, False),
    ("millions",): (2e6, 9_999_999, False),
    ("several",): (3, 9, False),
    ("a", "few"): (2, 5, False),
    ("a", "handful"): (3, 6, False),
}


def _table(spec: str) -> dict[tuple[str, ...], str]:
    """``"at least|over=min; up to=max"`` → {("at", "least"): "min", ("over",): "min", …}."""
    table: dict[tuple[str, ...], str] = {}
    for entry in spec.split(";"):
        phrases, _, kind = entry.strip().rpartition("=")
        for phrase in phrases.split("|"):
            table[tuple(phrase.split())] = kind
    return table


#: Words before a number that turn it into a bound or an estimate.
QUALIFIERS: Final = _table(
    "at least|no fewer than|no less than|a minimum of|more than|over|well over|upwards of"
    "|in excess of|above|exceeding=min;"
    "up to|as many as|as high as|as much as|at most|no more than|fewer than|less than"
    "|under|below=max;"
    "nearly|almost|close to|just under|just short of=near;"
    "some|about|around|roughly|approximately|approx.|an estimated|estimated|circa=approx;"
    "between=between"
)
CURRENCY_SYMBOLS: Final[dict[str, str]] = {
    **dict.fromkeys(("$", "us$", "usd"), "USD"),
    **dict.fromkeys(("£", "gbp"), "GBP"),
    **dict.fromkeys(("€", "eur"), "EUR"),
}
#: Unit words after a number, longest first when matched; value is the normalised unit.
UNIT_WORDS: Final = _table(
    "%|per cent|percent=%;"
    "square kilometres|square kilometers|square km|sq km|sq. km|km2|km²=km2;"
    "square miles|square mi|sq miles|sq mi|sq. miles=mi2; hectares=ha; acres=acre;"
    "us dollars|dollars=USD; pounds|sterling=GBP; euros=EUR"
)
AREA_UNITS: Final = frozenset({"km2", "mi2", "ha", "acre"})
MONEY_UNITS: Final = frozenset({"USD", "GBP", "EUR"})


def _frozen(text: str) -> frozenset[str]:
    return frozenset(text.split())


# Words next to a number that say it is not a count: dates, clock times, durations and ages
# (left to the times extractor), and page furniture or labels ("Page 2", "Resolution 2254").
MONTHS: Final = _frozen(
    "January February March April May June July August September October November December "
    "Jan Jan. Feb Feb. Mar Mar. Apr Apr. Jun Jun. Jul Jul. Aug Aug. Sep Sep. Sept Sept. Oct "
    "Oct. Nov Nov. Dec Dec."
)
WEEKDAYS: Final = _frozen("Monday Tuesday Wednesday Thursday Friday Saturday Sunday")
TIME_UNITS: Final = _frozen(
    "day days week weeks month months year years hour hours minute minutes second seconds "
    "decade decades century centuries year-old years-old night nights"
)
CLOCK_WORDS: Final = _frozen("a.m. p.m. am pm a.m p.m o'clock gmt bst utc cet hrs h")
FURNITURE: Final = _frozen(
    "page pages p. pp. p figure fig. fig table chapter section no. no number article "
    "paragraph para resolution line item step part vol. volume episode season room flight "
    "route highway road platform gate unit building apartment block grade level category "
    "class phase stage round stage tier channel camp sector zone brigade division battalion "
    "regiment squadron district"
)

_DIGITS: Final = re.compile(
    r"^(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)(?P<suf>[a-z]*[2²]?)$"
)


@dataclass(frozen=True)
class Amount:
    """A number expression over tokens ``start:end`` (exclusive), before any context check.

    ``numbers`` are the indices of the tokens holding the digits or number words, so the caller
    can ask whether they look like a year or a model number; ``qualifier`` is the kind of bound
    ("min", "max", "near", "approx", "between", "range") or None for a bare number.
    """

    start: int
    end: int
    value: float | None
    low: float | None
    high: float | None
    unit: str | None
    qualifier: str | None
    numbers: tuple[int, ...]
    scaled: bool = False


@dataclass(frozen=True)
class _Core:
    value: float | None
    low: float | None
    high: float | None
    end: int
    numbers: tuple[int, ...]
    scaled: bool = False
    unit: str | None = None


def parse_digits(text: str) -> tuple[float, str] | None:
    """``"2,000"`` → (2000, ""), ``"8.4bn"`` → (8.4, "bn"); None for "0958", "2nd", "A320".

    A leading zero means a phone number, code or id, never a count.
    """
    m = _DIGITS.match(text.lower())
    if m is None:
        return None
    num = m.group("num")
    if len(num) > 1 and num[0] == "0" and num[1] != ".":
        return None
    return float(num.replace(",", "")), m.group("suf")


def parse_words(words: Sequence[str], i: int) -> tuple[float, int] | None:
    """Spelled-out number at ``words[i]`` ("two hundred and fifty", "forty - five", "a dozen").

    Returns the value and the index after the last number word. Greedy but strict about order
    so "five six" is not read as eleven.
    """
    total = 0.0
    current = 0.0
    end = None
    last = ""  # kind of the last number word: small, tens, hundred, mag
    j = i
    if j < len(words) and words[j].lower() in ("a", "an"):
        nxt = words[j + 1].lower() if j + 1 < len(words) else ""
        if nxt not in ("hundred", "dozen", *MAGNITUDES):
            return None
        current, last, j = 1.0, "small", j + 1
    while j < len(words):
        w = words[j].lower()
        nxt = words[j + 1].lower() if j + 1 < len(words) else ""
        if (w in SMALL and last in ("", "hundred", "mag")) or (
            w in SMALL and last == "tens" and 0 < SMALL[w] < 10
        ):
            current += SMALL[w]
            last = "small"
        elif w in TENS and last in ("", "hundred", "mag"):
            current += TENS[w]
            last = "tens"
        elif w == "hundred" and last in ("small", "tens") and current < 100:
            current *= 100
            last = "hundred"
        elif w == "dozen" and last == "small" and current < 100:
            current *= 12
            last = "hundred"
        elif w in MAGNITUDES and last in ("small", "tens", "hundred"):
            total += current * MAGNITUDES[w]
            current, last = 0.0, "mag"
        elif (
            w in ("-", "and")
            and last in ("tens", "hundred", "mag")
            and (nxt in SMALL or nxt in TENS)
        ):
            if w == "-" and last != "tens":
                break
            j += 1
            continue
        else:
            break
        j += 1
        end = j
    if end is None:
        return None
    return total + current, end


def _fraction(words: Sequence[str], i: int) -> _Core | None:
    """ "half", "half a million", "a third of", "two-thirds": shares, not ordinals."""
    w = words[i].lower()
    nxt = words[i + 1].lower() if i + 1 < len(words) else ""
    after = words[i + 2].lower() if i + 2 < len(words) else ""
    if w == "half":
        prev = words[i - 1].lower() if i > 0 else ""
        if prev in ("the", "first", "second", "latter", "other") or nxt == "-":
            return None
        if nxt in ("a", "an") and after in MAGNITUDES:
            return _Core(0.5 * MAGNITUDES[after], None, None, i + 3, (i,), scaled=True)
        return _Core(0.5, None, None, i + 1, (i,))
    if w in ("a", "one") and nxt in FRACTIONS:
        if after and after != "of" and after[0].isalnum():
            return None  # "a third attack" is an ordinal
        return _Core(1 / FRACTIONS[nxt], None, None, i + 2, (i, i + 1))
    if w in SMALL and 1 < SMALL[w] < 10:
        k = i + 2 if nxt == "-" else i + 1
        plural = words[k].lower() if k < len(words) else ""
        if plural.endswith("s") and plural[:-1] in FRACTIONS:
            return _Core(SMALL[w] / FRACTIONS[plural[:-1]], None, None, k + 1, (i, k))
    return None


Phrases = dict[str, list[tuple[tuple[str, ...], Any]]]


def _by_first_word(table: Mapping[tuple[str, ...], Any]) -> Phrases:
    """``table``'s entries grouped by their first word: the lookups below run at every token
    of every document, so they compare only the phrases that start with that token."""
    index: Phrases = {}
    for key, val in table.items():
        index.setdefault(key[0], []).append((key, val))
    return index


_QUALIFIER_PHRASES: Final = _by_first_word(QUALIFIERS)
_UNIT_PHRASES: Final = _by_first_word(UNIT_WORDS)
_VAGUE_PHRASES: Final = _by_first_word(VAGUE)


def _longest(phrases: Phrases, words: Sequence[str], i: int) -> tuple[str, int]:
    """The longest phrase of ``phrases`` starting at ``words[i]``: (value, end) or ("", i)."""
    best = ("", i)
    if i >= len(words):
        return best
    for key, val in phrases.get(words[i].lower(), ()):
        end = i + len(key)
        if end <= len(words) and end > best[1] and tuple(w.lower() for w in words[i:end]) == key:
            best = (val, end)
    return best


def _vague(words: Sequence[str], i: int) -> _Core | None:
    """ "dozens", "scores of", "tens of thousands", "several hundred", "a few"."""
    if i >= len(words):
        return None
    for key, (low, high, needs_of) in _VAGUE_PHRASES.get(words[i].lower(), ()):
        end = i + len(key)
        if tuple(w.lower() for w in words[i:end]) != key:
            continue
        nxt = words[end].lower() if end < len(words) else ""
        if needs_of and nxt != "of":
            return None
        after = words[end + 1].lower() if end + 1 < len(words) else ""
        mult, stop = 1.0, end
        if nxt in MAGNITUDES or nxt in ("hundred", "dozen"):
            mult, stop = MAGNITUDES.get(nxt, 100.0 if nxt == "hundred" else 12.0), end + 1
        elif (
            key[-1].endswith("s") and nxt == "of" and after in ("hundreds", "thousands", "millions")
        ):
            mult, stop = MAGNITUDES.get(after[:-1], 100.0), end + 2
        return _Core(None, low * mult, (high + 1) * mult - 1, stop, tuple(range(i, stop)))
    return None


def _core(words: Sequence[str], spaces: Sequence[bool], i: int) -> _Core | None:
    """The number itself at ``words[i]``, with any scale word after it."""
    digits = parse_digits(words[i])
    if digits is not None:
        value, suffix = digits
        end, scaled, unit = i + 1, False, None
        if suffix in SCALE_SUFFIXES:
            value, scaled = value * SCALE_SUFFIXES[suffix], True
        elif suffix in ("km2", "km²"):
            unit = "km2"
        elif suffix:
            return None  # "2nd", "10pm", "1990s", "60gb"
        nxt = words[end].lower() if end < len(words) else ""
        if not scaled and (
            nxt in ("hundred", *MAGNITUDES) or (nxt in SCALE_SUFFIXES and not spaces[i])
        ):
            value *= 100.0 if nxt == "hundred" else SCALE_SUFFIXES[nxt]
            end, scaled = end + 1, True
        return _Core(value, None, None, end, (i,), scaled, unit)
    frac = _fraction(words, i)
    if frac is not None:
        return frac
    spelled = parse_words(words, i)
    if spelled is not None:
        value, end = spelled
        scaled = any(w.lower() in MAGNITUDES for w in words[i:end])
        return _Core(value, None, None, end, tuple(range(i, end)), scaled)
    return _vague(words, i)


def _bounds(kind: str | None, core: _Core) -> tuple[float | None, float | None, float | None]:
    """(value, low, high) once a qualifier has been applied to a number or a vague range."""
    v = core.value
    if v is None:  # vague: keep the conventional range, open the side the qualifier opens
        if kind == "min":
            return None, core.low, None
        if kind == "max":
            return None, None, core.high
        return None, core.low, core.high
    if kind == "min":
        return v, v, None
    if kind == "max":
        return v, None, v
    if kind == "near":
        return v, _tidy(0.9 * v), v
    if kind == "approx":
        return v, _tidy(0.9 * v), _tidy(1.1 * v)
    return v, v, v


def _tidy(x: float) -> float:
    """0.9 and 1.1 times a number without binary noise (770.0000000000001 -> 770.0)."""
    return float(f"{x:.12g}")


def _range_end(
    words: Sequence[str], spaces: Sequence[bool], first: _Core, between: bool
) -> _Core | None:
    """The upper number of "120-130", "120 to 130", "two or three", "between 1 and 2 million"."""
    k = first.end
    if k + 1 >= len(words) or first.value is None:
        return None
    joiner = words[k].lower()
    if joiner not in ("-", "–", "to", "or") and not (between and joiner == "and"):
        return None
    second = _core(words, spaces, k + 1)
    if second is None or second.value is None:
        return None
    low = first.value
    if second.scaled and not first.scaled and second.value > 0:
        scale = next((s for s in (1e12, 1e9, 1e6, 1e3, 1e2) if second.value >= s), 1.0)
        if low * scale <= second.value:
            low *= scale
    if second.value <= low:
        return None  # "52-35" is a score, not a range
    numbers = first.numbers + second.numbers
    return _Core(None, low, second.value, second.end, numbers, first.scaled or second.scaled)


#: Lower-case words an amount can start with besides digits: qualifiers, currencies, number
#: words, fractions, vague quantities ("US" of "US$" is checked as written).
_STARTERS: Final = frozenset(
    {*_QUALIFIER_PHRASES, *CURRENCY_SYMBOLS, *SMALL, *TENS, *_VAGUE_PHRASES, "a", "an", "half"}
)


def may_start_amount(word: str) -> bool:
    """Whether :func:`match_amount` can match at a token with this text: a cheap test, true for
    one token in ten, run first because matching is tried at every token of every document."""
    return word[:1].isdigit() or word[:1] == "." or word == "US" or word.lower() in _STARTERS


def match_amount(words: Sequence[str], spaces: Sequence[bool], i: int) -> Amount | None:
    """The number expression starting at token ``i``, or None.

    ``words`` are token texts, ``spaces[j]`` whether token ``j`` is followed by whitespace (to
    tell "£2m" from "2 m"). Reads qualifier → currency → number (+ scale) → range → unit.
    """
    if i >= len(words) or not may_start_amount(words[i]):
        return None
    kind, j = _longest(_QUALIFIER_PHRASES, words, i)
    currency = None
    if j < len(words) and words[j].lower() in CURRENCY_SYMBOLS:
        currency, j = CURRENCY_SYMBOLS[words[j].lower()], j + 1
    elif j + 1 < len(words) and words[j] == "US" and words[j + 1] == "$":
        currency, j = "USD", j + 2
    if j >= len(words):
        return None
    core = _core(words, spaces, j)
    if core is None:
        return None
    ranged = _range_end(words, spaces, core, kind == "between")
    if ranged is not None:
        core = ranged
    elif kind == "between":
        return None
    unit_word, end = _longest(_UNIT_PHRASES, words, core.end)
    unit = currency or core.unit or unit_word or None
    if currency and unit_word and unit_word != currency:
        end = core.end  # "$5 pounds" makes no sense: keep the symbol, drop the word
    if ranged is not None:
        value, low, high = None, core.low, core.high
        qualifier: str | None = "range"
    else:
        value, low, high = _bounds(kind or None, core)
        qualifier = kind or None
    return Amount(i, end, value, low, high, unit, qualifier, core.numbers, core.scaled)
