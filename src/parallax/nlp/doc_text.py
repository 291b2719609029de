"""The text of a spaCy ``Doc``, built once.

``Doc.text`` is not stored: spaCy joins every token's text on each access. The quote and event
extractors slice the text many times per document (once per quote frame, per attribution run,
per event sentence), which made those joins the largest single cost of the whole analysis.
"""

from __future__ import annotations

from typing import Final

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
