"""Read-once views of a Doc: the same text, tokens and mentions spaCy gives, built once."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc, Span

from parallax.nlp.doc_text import (
    actor_mentions_of,
    after_stance_prefix,
    entities_of,
    entities_within,
    frozen_mentions,
    text_of,
    token_texts,
)

TEXT = "Kerry met  Lavrov in Geneva.\n\n“We agreed,” he said.\n Russia and the U.S. will talk."


def _doc() -> Doc:
    doc = spacy.blank("en")(TEXT)
    doc.ents = [
        Span(doc, 0, 1, "PERSON"),
        Span(doc, 3, 4, "PERSON"),
        Span(doc, 5, 6, "GPE"),
        Span(doc, len(doc) - 7, len(doc) - 6, "GPE"),
    ]
    doc.spans["actors"] = [Span(doc, 0, 1, "PERSON"), Span(doc, 3, 4, "PERSON")]
    return doc


def test_text_and_token_texts_are_spacys() -> None:
    doc = _doc()
    words, spaces = token_texts(doc)
    assert text_of(doc) == doc.text == TEXT
    assert words == [t.text for t in doc]
    assert spaces == [bool(t.whitespace_) for t in doc]


def test_frozen_mentions_are_spacys_and_leave_nothing_behind() -> None:
    doc = _doc()
    before = dict(doc.user_data)
    with frozen_mentions(doc):
        assert entities_of(doc) == tuple(doc.ents)
        assert [m.text for m in actor_mentions_of(doc)] == ["Kerry", "Lavrov"]
        for start in range(len(doc)):
            for end in range(start + 1, len(doc) + 1):
                assert entities_within(doc, start, end) == list(doc[start:end].ents)
    assert doc.user_data == before
    assert entities_of(doc) == tuple(doc.ents)  # outside the block: read afresh


def test_a_name_fused_to_pro_or_anti_is_after_a_stance_prefix() -> None:
    doc = spacy.blank("en")("pro-Russian rebels, anti - Assad groups and Russian troops")
    words = [t.text for t in doc]
    assert after_stance_prefix(doc, words.index("Russian"))
    assert not after_stance_prefix(doc, words.index("Assad"))  # spaced: no prefix
    assert not after_stance_prefix(doc, len(words) - 2)
    assert not after_stance_prefix(doc, 0)
