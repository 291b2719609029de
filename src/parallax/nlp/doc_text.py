"""The text, tokens and mentions of a spaCy ``Doc``, read once.

``Doc.text`` is not stored: spaCy joins every token's text on each access. The quote and event
extractors slice the text many times per document (once per quote frame, per attribution run,
per event sentence), which made those joins the largest single cost of the whole analysis.
``doc.ents`` and span groups are likewise rebuilt as new ``Span`` objects on every access; an
extractor that looks at them per argument freezes them for the length of its run
(:func:`frozen_mentions`).
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Final

import numpy
from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc, Span

_KEY: Final = "parallax.text"
_TOKENS: Final = "parallax.token_texts"
_ENTS: Final = "parallax.frozen_ents"
_ACTORS: Final = "parallax.frozen_actor_mentions"


def text_of(doc: Doc) -> str:
    """``doc.text``, cached in ``doc.user_data`` (a tokenised ``Doc``'s text never changes;
    retokenising merges tokens but keeps every character)."""
    text = doc.user_data.get(_KEY)
    if not isinstance(text, str):
        text = doc.text
        doc.user_data[_KEY] = text
    return text


def token_texts(doc: Doc) -> tuple[list[str], list[bool]]:
    """Every token's text and whether a space follows it, read from the ``Doc``'s arrays:
    iterating the ``Doc`` would build a ``Token`` object per token, which costs more than
    the work done with it. Read once per ``Doc`` (the figures and quote extractors both need
    them) and cached in ``doc.user_data`` like the text; callers must not change the lists."""
    cached = doc.user_data.get(_TOKENS)
    if isinstance(cached, tuple) and len(cached[0]) == len(doc):
        return cached
    text = text_of(doc)
    words: list[str] = []
    spaces: list[bool] = []
    for start, length, space in doc.to_array([IDX, LENGTH, SPACY]).tolist():
        words.append(text[start : start + length])
        spaces.append(bool(space))
    doc.user_data[_TOKENS] = (words, spaces)
    return words, spaces


def positions_of(doc: Doc, attr: int, keys: numpy.ndarray) -> list[int]:
    """Indices of the tokens whose ``attr`` (``ORTH``, ``LOWER``, ``POS`` …) is one of ``keys``
    (hashes or symbol ids). One numpy test over the ``Doc``'s array: extractors that look for a
    few words build a ``Token`` only for those instead of for every token of every document."""
    if not len(doc):
        return []
    return numpy.flatnonzero(numpy.isin(doc.to_array(attr), keys)).tolist()


@contextmanager
def frozen_mentions(doc: Doc) -> Iterator[None]:
    """Within the block, :func:`entities_of` and :func:`actor_mentions_of` return the entities
    and the "actors" span group as read on entry — the block must not change them. Nothing is
    left in ``doc.user_data`` afterwards (Span objects do not serialise)."""
    doc.user_data[_ENTS] = tuple(doc.ents)
    doc.user_data[_ACTORS] = tuple(doc.spans.get("actors", []))
    try:
        yield
    finally:
        doc.user_data.pop(_ENTS, None)
        doc.user_data.pop(_ACTORS, None)


def entities_of(doc: Doc) -> tuple[Span, ...]:
    """``doc.ents`` (frozen inside :func:`frozen_mentions`, else read now)."""
    frozen = doc.user_data.get(_ENTS)
    return frozen if isinstance(frozen, tuple) else tuple(doc.ents)


def entities_within(doc: Doc, start: int, end: int) -> list[Span]:
    """The entities inside tokens ``[start, end)``, as spaCy's ``Span.ents`` finds them."""
    found = []
    for ent in entities_of(doc):
        if ent.start >= start:
            if ent.end <= end:
                found.append(ent)
            else:
                break
    return found


def entity_at(doc: Doc, i: int) -> Span | None:
    """The entity that token ``i`` is part of, if any."""
    return next((ent for ent in entities_of(doc) if ent.start <= i < ent.end), None)


def actor_mentions_of(doc: Doc) -> tuple[Span, ...]:
    """The "actors" span group (frozen inside :func:`frozen_mentions`, else read now)."""
    frozen = doc.user_data.get(_ACTORS)
    return frozen if isinstance(frozen, tuple) else tuple(doc.spans.get("actors", []))


#: Prefixes that make a name the object of a stance, not the one who holds it.
_STANCE_PREFIXES: Final = frozenset({"pro", "anti"})


def after_stance_prefix(doc: Doc, start: int) -> bool:
    """Whether the token at ``start`` follows a fused "pro-" or "anti-": "pro-*Russian*
    separatists" are not Russia's, "anti-*government* forces" not the government's."""
    if start < 2:
        return False
    hyphen, prefix = doc[start - 1], doc[start - 2]
    return (
        hyphen.text == "-"
        and not hyphen.whitespace_
        and not prefix.whitespace_
        and prefix.lower_ in _STANCE_PREFIXES
    )
