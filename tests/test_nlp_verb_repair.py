"""A word the parse uses as a verb is a verb, whatever its tag (parallax.nlp.verb_repair)."""

from __future__ import annotations

from spacy.tokens import Doc

from parallax.nlp.verb_repair import verb_repair
from parses import hand_parsed


def parsed(words: list[str], heads: list[int], deps: list[str], pos: list[str]) -> Doc:
    """The hand-written parse after the repair component."""
    return verb_repair(hand_parsed(words, heads, deps, pos))


def test_a_noun_with_a_subject_and_a_particle_or_object_is_a_verb() -> None:
    # The tagger's reading of a headline-like clause: "shot" as a noun.
    doc = parsed(
        ["Turkey", "shot", "down", "a", "warplane"],
        [1, 1, 1, 4, 1],
        ["nsubj", "ROOT", "compound:prt", "det", "obj"],
        ["PROPN", "NOUN", "ADP", "DET", "NOUN"],
    )
    assert doc[1].pos_ == "VERB"
    assert doc[4].pos_ == "NOUN"


def test_a_noun_with_only_a_subject_stays_a_noun() -> None:
    # "Bush the candidate": a copula-less nominal predicate keeps its part of speech.
    doc = parsed(
        ["He", "the", "candidate"],
        [2, 2, 2],
        ["nsubj", "det", "ROOT"],
        ["PRON", "DET", "NOUN"],
    )
    assert doc[2].pos_ == "NOUN"
