"""Names one typing slip away (parallax.knowledge.misspelling) and their use by the ruler."""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import parallax.knowledge.components  # noqa: F401 - registers the factories
from parallax.knowledge.components import register_extensions
from parallax.knowledge.misspelling import SlipIndex, one_slip_apart


@pytest.mark.parametrize(
    ("a", "b", "slip"),
    [
        ("ethopia", "ethiopia", True),  # a letter left out
        ("quatar", "qatar", True),  # one added
        ("isreal", "israel", True),  # neighbours swapped
        ("brasil", "brazil", True),  # one changed
        ("israel", "israel", False),
        ("sirya", "syria", False),  # two changes, not neighbours
        ("ukraine", "ukrainian", False),
    ],
)
def test_one_slip_apart(a: str, b: str, slip: bool) -> None:
    assert one_slip_apart(a, b) is slip
    assert one_slip_apart(b, a) is slip


def test_a_slip_names_its_one_target_and_nothing_else_does() -> None:
    index = SlipIndex(
        [("ethiopia", "ETH"), ("qatar", "QAT"), ("gambia", "GMB"), ("zambia", "ZMB"),
         ("america", "USA"), ("iran", "IRN")],
        known=["omaha"],
    )  # fmt: skip
    assert index.target_of("ethopia") == "ETH"
    assert index.target_of("quatar") == "QAT"
    assert index.target_of("ethiopia") is None  # the name itself is no slip
    assert index.target_of("yambia") is None  # one slip from two states
    assert index.target_of("americas") is None  # a plural, not a slip
    assert index.target_of("irang") is None  # short names and words are left alone
    assert index.target_of("ethiopiaa1") is None


@pytest.fixture(scope="module")
def nlp() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("parallax_actor_ruler")
    nlp.add_pipe("parallax_linker")
    return nlp


def _run(nlp: Language, text: str) -> Doc:
    """The ruler and linker over ``text`` with capitalised words tagged as proper nouns (the
    tagger's part in the shipped pipeline)."""
    register_extensions()
    doc = nlp.make_doc(text)
    for token in doc:
        token.tag_ = "NNP" if token.text[:1].isupper() else "NN"
    for _, component in nlp.pipeline:
        doc = component(doc)
    return doc


def _coded(doc: Doc) -> dict[str, str]:
    return {e.text: e._.actor.actor_id for e in doc.ents if e._.actor is not None}


def test_a_misspelled_state_the_document_names_rightly_is_that_state(nlp: Language) -> None:
    doc = _run(nlp, "Ethopia agreed to reopen the border with Eritrea, Ethiopia's rival.")
    assert _coded(doc).get("Ethopia") == "ETH"


@pytest.mark.parametrize(
    "text",
    [
        "Ethopia agreed to reopen the border with Eritrea.",  # the state is not named rightly
        "Judge Berman met German officials in Germany.",  # a surname beside a title
        "Students from Columbia protested in Colombia.",  # a place of its own
        "Roland Smith flew from Poland to Paris.",  # part of a person's name
    ],
)
def test_a_word_one_slip_from_a_state_is_left_alone_otherwise(nlp: Language, text: str) -> None:
    coded = _coded(_run(nlp, text))
    assert not {"Ethopia", "Berman", "Columbia", "Roland"} & set(coded)
