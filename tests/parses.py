"""Docs with a parse written by hand, for testing what the rules do with a given parse
(including a parser's known slips) without loading the model."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc


def hand_parsed(
    words: list[str],
    heads: list[int],
    deps: list[str],
    pos: list[str],
    tags: list[str] | None = None,
    *,
    lemmas: list[str] | None = None,
    ents: list[str] | None = None,
    spaces: list[bool] | None = None,
) -> Doc:
    """A Doc whose tokens have exactly these heads (absolute indices), labels, UPOS and (if
    given) fine-grained tags, lemmas, IOB entity tags ("B-DATE", "O") and spaces after."""
    return Doc(
        spacy.blank("en").vocab,
        words=words,
        spaces=spaces,
        heads=heads,
        deps=deps,
        pos=pos,
        tags=tags,
        lemmas=lemmas,
        ents=ents,
    )
