"""Lexicon lookups that do not trust the lemmatizer with inflected verbs.

Our small trained lemmatizer leaves some inflections half-stripped ("bombed" → "bombe",
"blamed" → "blam", "slammed" → "slamme", "pledged" → "pledg"): in the gold cues of the PolNeAR
train texts, at least 172 of 18,471 verbs (about one in a hundred). Every lexicon of ours (event
triggers, attribution cues) is a list of plain verbs, so a lookup tries the lemmatizer's answer,
the word itself and its regular de-inflections (:func:`forms_of`), and the scans that prefilter
tokens by form match every regular inflection of the lexicon's words (:func:`inflections`).
"""

from __future__ import annotations

from collections.abc import Container
from functools import lru_cache
from typing import TYPE_CHECKING, Final

if TYPE_CHECKING:
    from spacy.tokens import Token


# A few thousand entries hold the common words; a bigger cache grew every worker's memory
# by tens of MB over a long run (make bench, 5,000 documents).
@lru_cache(maxsize=4096)
def lemma_candidates(token_lemma: str, lower: str) -> tuple[str, ...]:
    """The lemmatizer's answer, the word itself, and the plain forms its suffixes suggest
    ("shelled" → "shell", "denounced" → "denounce", "carried" → "carry")."""
    if lower in _NOT_INFLECTED:
        return (_NOT_INFLECTED[lower],)  # "aides" are people, not "aid"
    forms = [token_lemma.lower(), lower, _IRREGULAR.get(lower, lower)]
    for suffix, replacements in _SUFFIXES:
        if lower.endswith(suffix) and len(lower) > len(suffix) + 2:
            stem = lower[: -len(suffix)]
            forms.extend(stem + r for r in replacements)
            if len(stem) > 2 and stem[-1] == stem[-2]:
                forms.append(stem[:-1])  # "shelled" → "shell", "stopped" → "stop"
    return tuple(dict.fromkeys(forms))


def forms_of(token: Token) -> tuple[str, ...]:
    """:func:`lemma_candidates` of a token: its lemma, its form and their de-inflections."""
    return lemma_candidates(token.lemma_, token.lower_)


def lexicon_lemma(token: Token, lexicon: Container[str]) -> str | None:
    """The first of the token's :func:`forms_of` that is in ``lexicon``, or None."""
    return next((form for form in forms_of(token) if form in lexicon), None)


def inflections(lemma: str) -> frozenset[str]:
    """The lemma and its regular -s, -ed and -ing forms, with the final consonant doubled too
    ("slam" → "slammed"; over-generating is harmless, "sayed" never occurs), plus the
    irregular forms we know of. For prefilters that match tokens by form."""
    forms = {lemma, *(form for form, base in _IRREGULAR.items() if base == lemma)}
    if lemma.endswith(("s", "sh", "ch", "x", "z")):
        forms.add(lemma + "es")
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.add(lemma[:-1] + "ies")
    else:
        forms.add(lemma + "s")
    if lemma.endswith("e"):
        forms.update({lemma + "d", lemma[:-1] + "ing"})
    elif lemma.endswith("y") and lemma[-2:-1] not in "aeiou":
        forms.update({lemma[:-1] + "ied", lemma + "ing"})
    else:
        forms.update({lemma + "ed", lemma + "ing"})
        if lemma[-1:] not in "aeiouwxy" and lemma[-2:-1] in "aeiou":
            forms.update({lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"})
    return frozenset(forms)


def irregular_past(word: str) -> bool:
    """Whether ``word`` is an irregular past form of a verb we know ("forbade", "struck"),
    which a tagger may read as an adjective."""
    base = _IRREGULAR.get(word.lower())
    return base is not None and base != word.lower()


#: Irregular past forms the lemmatizer may leave alone: trigger verbs and attribution cues.
_IRREGULAR: Final[dict[str, str]] = {
    "took": "take", "taken": "take", "retook": "retake", "retaken": "retake",
    "overran": "overrun", "struck": "strike", "shot": "shoot", "fought": "fight",
    "sent": "send", "drove": "drive", "driven": "drive", "withdrew": "withdraw",
    "withdrawn": "withdraw", "fled": "flee", "met": "meet", "lost": "lose", "froze": "freeze",
    "frozen": "freeze", "brought": "bring", "blew": "blow", "blown": "blow", "held": "hold",
    "began": "begin", "begun": "begin", "beaten": "beat", "forbade": "forbid",
    "broke": "break", "broken": "break", "gave": "give", "given": "give", "led": "lead",
    "laid": "lay", "slew": "slay", "slain": "slay", "swore": "swear", "sworn": "swear",
    "said": "say", "told": "tell", "wrote": "write", "written": "write", "spoke": "speak",
    "spoken": "speak", "thought": "think", "knew": "know", "known": "know", "felt": "feel",
    "found": "find", "sought": "seek", "foresaw": "foresee", "foreseen": "foresee",
    "overthrew": "overthrow", "overthrown": "overthrow", "overflew": "overfly",
    "overflown": "overfly", "threw": "throw", "thrown": "throw", "hid": "hide",
    "hidden": "hide", "stole": "steal", "stolen": "steal", "bound": "bind", "fed": "feed",
    "hung": "hang", "stood": "stand", "undertook": "undertake", "undertaken": "undertake",
    "overtook": "overtake", "overtaken": "overtake", "sped": "speed", "dealt": "deal",
    "shut": "shut", "upheld": "uphold", "withheld": "withhold", "forgave": "forgive",
    "forgiven": "forgive", "rode": "ride", "flew": "fly", "flown": "fly",
}  # fmt: skip

#: Words whose regular de-inflection is another word, a trigger: "aides" is not "aid" + "es".
_NOT_INFLECTED: Final[dict[str, str]] = {"aides": "aide", "aide": "aide"}

_SUFFIXES: Final = (
    ("ied", ("y",)),
    ("en", ("", "e")),
    ("ies", ("y",)),
    ("ing", ("", "e")),
    ("ed", ("", "e")),
    ("es", ("", "e")),
    ("s", ("",)),
)
