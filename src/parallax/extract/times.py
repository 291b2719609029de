"""Temporal expressions (dates, times, durations, sets) normalised to TimeML TIMEX3 values.

News is dated: "Friday", "last month" and "two years ago" only mean something relative to the
publication date, so every relative expression is resolved against it and, when a document
has no date, left unresolved (``value=None``) rather than guessed. Absolute expressions are
resolved either way. Rules are plain regular expressions over the raw text so that offsets are
exact and the tagger needs no model; each rule proposes candidates and the longest
non-overlapping candidates win. The rules live in the ``timex_*`` modules, one family each;
this module runs them and wraps the result as a spaCy component.
"""

from __future__ import annotations

import bisect
import dataclasses
import datetime as dt
from typing import Any, Final

from spacy.language import Language
from spacy.tokens import Doc

from parallax.extract import (
    timex_absolute,
    timex_clock,
    timex_eras,
    timex_relative,
    timex_spans,
    timex_vague,
)
from parallax.extract.timex_rules import MAX_CHARS, Cand, Ctx, Rule
from parallax.nlp.doc_text import text_of
from parallax.schema import Time

#: Every rule, in priority order: on equally long candidates the earlier rule wins.
RULES: Final[list[Rule]] = [
    *timex_absolute.rule.rules,
    *timex_eras.rule.rules,
    *timex_relative.rule.rules,
    *timex_spans.rule.rules,
    *timex_clock.rule.rules,
    *timex_vague.rule.rules,
]


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
        for c in timex_clock.settle_clocks(_select(cands), ctx)
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
        doc._.times = find_times(text_of(doc), published)
        return doc
