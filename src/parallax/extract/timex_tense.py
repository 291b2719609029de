"""Which way a sentence points in time: past, future or unknown.

"Friday", "in March" and "Oct. 23" name a day or month without saying which one; news uses
them for the nearest occurrence, but the tense of the sentence settles the close calls: "was
introduced in January" (September story) is last January, "will be named in December" (March
story) is next December. The verb nearest the expression decides, so that "said Tuesday it
would strike" dates the saying, not the strike.
"""

from __future__ import annotations

import re
from typing import Final, Literal

Tense = Literal["past", "future"]

_IRREGULAR_PAST: Final = (
    "said|told|took|brought|made|gave|came|went|left|began|won|lost|sold|bought|paid|held|met|saw|"
    "fell|rose|grew|led|ran|struck|shot|found|spent|sent|built|became|got|kept|thought|knew|"
    "wrote|spoke|broke|chose|drove|flew|fought|caught|stood|felt|heard|meant|seen|gone|done|"
    "taken|given|known|shown|been|was|were|had|has|have|did|ago|last|earlier"
)
#: Words ending in "ed" that are not verbs in the past.
_NOT_PAST: Final = r"(?:hundred|indeed|need|speed|proceed|exceed|succeed|shed|bed|red|feed|seed)"
_TO_VERB: Final = r"\s+to\s+(?!(?:the|a|an|his|her|its|their|our|this|that|be\s+\w+ed)\b)[a-z]+"
_CUE: Final = re.compile(
    r"(?i)(?:\b(?P<future>will|shall|would|won't|wouldn't|going\s+to|scheduled|upcoming|next|"
    r"planned|planning|(?:agreed|agreement|plans?|expected|expects?|set|due|wants?|intends?|"
    r"hopes?|aims?|seeks?|promised|decided|decision|deal|offer|bid|proposal|is|are|was|were|"
    rf"ready|likely|able|ordered){_TO_VERB})\b|(?P<future2>'ll)\b|"
    rf"\b(?P<passive>(?:be|been|being|is|are)\s+(?:\w+ed|{_IRREGULAR_PAST}))\b(?!\s+to\b)|"
    rf"\b(?P<past>{_IRREGULAR_PAST}|(?!{_NOT_PAST}\b)[a-z]+ed)\b)"
)
_SENTENCE_END: Final = re.compile(r"[.!?][\"'’”]?\s+(?=[A-Z\"'`])|\n")


def _kind(m: re.Match[str], *, after: bool) -> Tense | None:
    """The tense a cue signals; a passive participle is no cue (its auxiliary is)."""
    if m["passive"]:
        return None
    if m["past"]:
        return "past"
    if after and re.match(r"(?i)(?:\w+ed|was|were)\b", m[0]):
        return "past"  # "On Friday, the bank planned to pay": the planning was on Friday
    return "future"


def sentence_tense(text: str, start: int, end: int, *, look_right: bool = True) -> Tense | None:
    """Tense of the nearest cue left of ``text[start:end]`` in its sentence, else (with
    ``look_right``) the first one to the right; ``None`` when there is none."""
    left = text[max(0, start - 200) : start]
    cut = [m.end() for m in _SENTENCE_END.finditer(left)]
    left = left[cut[-1] :] if cut else left
    for m in reversed(list(_CUE.finditer(left))):
        kind = _kind(m, after=False)
        if kind:
            return kind
    if not look_right:
        return None
    right = text[end : end + 150]
    stop = _SENTENCE_END.search(right)
    right = right[: stop.start()] if stop else right
    for m in _CUE.finditer(right):
        kind = _kind(m, after=True)
        if kind:
            return kind
    return None
