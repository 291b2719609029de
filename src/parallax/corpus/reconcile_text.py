"""Reading a figure's sentence for reconciliation: its bounds, what is counted, and how.

Two reports of "the same number" are only comparable when they count the same thing in the same
way. The figures extractor says *what* a number counts (``quantity``, ``about``); this module adds
what reconciliation needs on top, from the sentence text alone: a normalised head noun (so
"soldiers" and "troops" meet), whether the count is cumulative ("to date", "so far", "since 2014")
or an increment ("560 additional troops"), both of which must be kept apart from one-off tolls.
Everything here is plain string work, so it costs nothing next to the store queries.
"""

from __future__ import annotations

import re
from typing import Final, Literal

CountKind = Literal["one-off", "cumulative", "additional"]


def _words(text: str) -> list[str]:
    return text.split()


#: Abbreviations whose final period does not end a sentence ("U.S. troops", "Gen. Allen").
_ABBREVIATIONS: Final = frozenset(
    _words(
        "mr mrs ms dr st gen col lt sgt capt maj prof rep sen gov no vs jan feb mar apr jun "
        "jul aug sep sept oct nov dec inc corp co ltd"
    )
)
_BREAK: Final = re.compile(r"[.!?][\"'”’)\]]*\s+|\n+")


def _is_break(text: str, m: re.Match[str]) -> bool:
    """A newline always breaks; a period breaks unless it ends an abbreviation or an initial, or
    the next word starts in lower case."""
    if m.group().startswith("\n"):
        return True
    nxt = text[m.end() : m.end() + 1]
    if nxt and nxt.islower():
        return False
    word = re.search(r"(\w+)[.!?]?$", text[max(0, m.start() - 12) : m.start() + 1])
    if word is None:
        return True
    token = word.group(1)
    return not (len(token) == 1 and token.isalpha()) and token.lower() not in _ABBREVIATIONS


def sentence_bounds(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence of ``text`` around the span ``start:end`` (offsets into ``text``).

    Used when no event gives the sentence: the store keeps no sentence table, and a figure's
    sentence is what the reader needs to judge a claim."""
    lo, hi = 0, len(text)
    for m in _BREAK.finditer(text):
        if not _is_break(text, m):
            continue
        if m.end() <= start:
            lo = m.end()
        elif m.start() >= end:
            hi = m.start() + (0 if m.group().startswith("\n") else 1)
            break
    return lo, hi


_CUMULATIVE: Final = re.compile(
    r"\b(to date|so far|thus far|up to now|until now|to this day|cumulative(ly)?|since)\b"
)
#: "since" starts a running total when a period follows ("since 2014", "since August", "since
#: the war began"), not a day ("the toll since Friday's attacks" is still one attack's).
_SINCE_PERIOD: Final = re.compile(
    r"\s+(\d{4}\b|(january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b|the (start|beginning|outset)\b|(the|its|their) \w+ (began|started)\b|"
    r"the (war|conflict|campaign|operation|uprising|revolution|intervention|offensive|siege)\b|"
    r"(it|they|fighting) (began|started)\b)"
)
#: "the deadliest attack since 2003" compares, it does not accumulate.
_SUPERLATIVE: Final = re.compile(
    r"\b(the|its|their)\s+(deadliest|bloodiest|worst|biggest|largest|highest|lowest|heaviest|"
    r"greatest|fiercest|first|most|least)\b(\W+\w+){0,5}\W+since\s*$"
)
#: How far (characters) from the figure a "to date"/"since" cue may stand and still be its own,
#: if no clause boundary (relative pronoun, contrast, semicolon) comes between them.
_CUE_REACH: Final = 200
_CLAUSE: Final = re.compile(
    r"[;:]|\b(that|which|who|whom|whose|where|when|while|but|although|though|whereas)\b"
)
_ADDITIONAL: Final = frozenset(_words("additional more extra further new fresh"))


def count_kind(sentence: str, local_start: int, local_end: int) -> CountKind:
    """Whether the figure at ``sentence[local_start:local_end]`` is a one-off count, a running
    total, or an increment.

    Running totals ("5,000 air strikes so far") grow with time and increments ("560 more troops")
    are differences; reconciling either against a one-off toll would flag disagreements that are
    not there, so each is grouped apart."""
    low = sentence.lower()
    before = low[:local_start].split()
    after = low[local_end:].split()[:2]
    if (before and before[-1] == "another") or any(
        w.strip(",.;") in _ADDITIONAL for w in after[:1]
    ):
        return "additional"
    for m in _CUMULATIVE.finditer(low):
        between = (
            low[m.end() : local_start] if m.end() <= local_start else low[local_end : m.start()]
        )
        if len(between) > _CUE_REACH or _CLAUSE.search(between):
            continue  # another clause: "... nations that have shunned it since 2014"
        if m.group(1) != "since":
            return "cumulative"
        if _SINCE_PERIOD.match(low, m.end()) and not _SUPERLATIVE.search(low[: m.end()]):
            return "cumulative"
    return "one-off"


#: Counted nouns that name the same thing, mapped to one head ("soldiers" and "troops" meet).
_SYNONYMS: Final[dict[str, str]] = {
    **dict.fromkeys(
        _words(
            "troops troop soldiers soldier servicemen serviceman personnel forces marines "
            "paratroopers commandos"
        ),
        "troops",
    ),
    **dict.fromkeys(
        _words("strikes strike airstrikes airstrike air-strikes air-strike"),
        "air strikes",
    ),
    **dict.fromkeys(
        _words(
            "people persons person individuals victims deaths death dead bodies lives casualties "
            "casualty fatalities toll"
        ),
        "people",
    ),
    **dict.fromkeys(
        _words("civilians civilian residents resident villagers inhabitants"), "civilians"
    ),
    **dict.fromkeys(_words("children child kids minors"), "children"),
    **dict.fromkeys(_words("women woman"), "women"),
    **dict.fromkeys(_words("refugees refugee"), "refugees"),
    **dict.fromkeys(_words("fighters fighter militants militant jihadists jihadist"), "fighters"),
    **dict.fromkeys(_words("advisers adviser advisors advisor"), "advisers"),
    **dict.fromkeys(_words("drones drone"), "drones"),
    **dict.fromkeys(_words("sorties sortie"), "sorties"),
}
#: Heads kept with their modifier: a drone strike is not an air strike by a jet, in the sources.
_COMPOUND: Final[dict[tuple[str, str], str]] = {
    ("drone", "strikes"): "drone strikes",
    ("special", "forces"): "special forces",
}
#: What a figure counts when the text does not name the counted noun.
DEFAULT_ABOUT: Final[dict[str, str]] = {
    "killed": "people",
    "injured": "people",
    "displaced": "people",
    "people": "people",
    "troops": "troops",
    "strikes": "air strikes",
    "money": "money",
    "area": "area",
    "other": "things",
}


def normalise_about(about: str | None) -> str | None:
    """The head of what is counted, lower case and with synonyms folded; None when the extractor
    found no counted noun (or found a number or a name instead)."""
    if not about:
        return None
    words = [w for w in about.lower().replace("’", "'").split() if w]
    if not words or not all(w.replace("-", "").isalpha() for w in words):
        return None
    if len(words) >= 2 and (words[-2], words[-1]) in _COMPOUND:
        return _COMPOUND[(words[-2], words[-1])]
    head = words[-1]
    return _SYNONYMS.get(head, head)


#: Words before a place name that make it where something happened ("killed in Paris"), not
#: whose it is ("US air strikes", "the Paris prosecutor").
LOCATIVES: Final = frozenset(
    _words("in near at outside around across inside throughout within into on over from")
)


def is_locative(before: str, after: str) -> bool:
    """Whether a place mention, with the text just ``before`` and ``after`` it, says where
    something happened: a locative preposition before it ("in northern Iraq", "near the town
    of Manbij") and no noun after it that makes it attributive ("in US air strikes")."""
    words = before.lower().split()[-5:]
    while words and words[-1] in _PLACE_FILLERS:
        words.pop()
    if not words or words[-1] not in LOCATIVES:
        return False
    nxt = re.match(r"\s*([A-Za-z]+)", after)
    if nxt is None:
        return True
    word = nxt.group(1)
    return not word.islower() or word in _NOT_NOUNS or word.endswith("ed")


_PLACE_FILLERS: Final = frozenset(
    _words(
        "the of city town village province region capital northern southern eastern western "
        "north south east west central north-east north-west south-east south-west"
    )
)
#: Lower-case words that may follow a place without making it a modifier ("in Paris on Friday").
_NOT_NOUNS: Final = LOCATIVES | frozenset(
    _words(
        "and or but to for by with of as after before during since until so then now again too "
        "also yet still already ago said says was were is are has have had last this next that "
        "which where when while who earlier yesterday today tonight late early alone itself "
        "overnight recently"
    )
)
