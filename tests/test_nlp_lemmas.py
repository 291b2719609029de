"""Lexicon lookups that survive the lemmatizer's half-stripped inflections (no model needed)."""

from __future__ import annotations

import spacy
from spacy.tokens import Doc

from parallax.nlp.lemmas import inflections, lemma_candidates, lexicon_lemma


def test_lemma_candidates_undo_regular_inflections() -> None:
    assert "bomb" in lemma_candidates("bombed", "bombed")
    assert "shell" in lemma_candidates("shelled", "shelled")
    assert "destroy" in lemma_candidates("destroye", "destroying")
    assert "say" in lemma_candidates("said", "said")
    assert "overthrow" in lemma_candidates("overthrew", "overthrew")  # irregular


def test_inflections_cover_regular_doubled_and_irregular_forms() -> None:
    assert {"slams", "slammed", "slamming"} <= inflections("slam")
    assert {"blames", "blamed", "blaming"} <= inflections("blame")
    assert {"denies", "denied", "denying"} <= inflections("deny")
    assert {"told", "tells"} <= inflections("tell")
    assert "stressed" in inflections("stress")


def test_lexicon_lemma_prefers_a_lexicon_word_to_a_half_stripped_lemma() -> None:
    doc = Doc(spacy.blank("en").vocab, words=["She", "blamed", "them"])
    doc[1].lemma_ = "blam"
    assert lexicon_lemma(doc[1], frozenset({"blame", "say"})) == "blame"
    assert lexicon_lemma(doc[2], frozenset({"blame", "say"})) is None
