"""The text of a spaCy ``Doc``, built once.

``Doc.text`` is not stored: spaCy joins every token's text on each access. The quote and event
extractors slice the text many times per document (once per quote frame, per attribution run,
per event sentence), which made those joins the largest single cost of the whole analysis.
"""

from __future__ import annotations

from typing import Final

from spacy.attrs import IDX, LENGTH, SPACY
from spacy.tokens import Doc

_KEY: Final = "parallax.text"


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
    the work done with it."""
    text = text_of(doc)
    words: list[str] = []
    spaces: list[bool] = []
    for start, length, space in doc.to_array([IDX, LENGTH, SPACY]).tolist():
        words.append(text[start : start + length])
        spaces.append(bool(space))
    return words, spaces
