"""The committed pipeline loads from the package and does the obvious things right."""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language

from parallax.nlp.pipeline import MODEL_PATH, ModelNotFoundError, load_pipeline


def test_missing_model_names_the_fix(tmp_path: Path) -> None:
    with pytest.raises(ModelNotFoundError, match="make train-model"):
        load_pipeline(path=tmp_path)


@pytest.fixture(scope="module")
def nlp() -> Language:
    return load_pipeline()


@pytest.mark.model
def test_model_is_inside_the_package() -> None:
    assert (MODEL_PATH / "config.cfg").exists()
    assert (MODEL_PATH / "meta.json").exists()


@pytest.mark.model
def test_pipeline_components(nlp: Language) -> None:
    assert nlp.pipe_names == [
        "parallax_paragraph_breaks",
        "tok2vec",
        "tagger",
        "morphologizer",
        "trainable_lemmatizer",
        "parser",
        "parallax_verb_repair",
        "parallax_clause_repair",
        "ner",
    ]
    assert "senter" in nlp.disabled
    assert set(nlp.get_pipe("ner").labels) >= {  # type: ignore[attr-defined]
        "PERSON",
        "ORG",
        "GPE",
        "LOC",
        "NORP",
        "FAC",
        "EVENT",
    }


@pytest.mark.model
def test_sentences_split(nlp: Language) -> None:
    doc = nlp("The army said two soldiers were killed. Talks resume on Monday in Geneva.")
    assert [s.text for s in doc.sents] == [
        "The army said two soldiers were killed.",
        "Talks resume on Monday in Geneva.",
    ]


@pytest.mark.model
def test_obvious_tags_lemmas_and_parse(nlp: Language) -> None:
    doc = nlp("The soldiers were killed in the attack.")
    by_text = {t.text: t for t in doc}
    assert by_text["soldiers"].pos_ == "NOUN"
    assert by_text["soldiers"].lemma_ == "soldier"
    assert by_text["killed"].pos_ == "VERB"
    assert by_text["killed"].lemma_ == "kill"
    assert by_text["The"].tag_ == "DT"
    assert by_text["killed"].dep_ == "ROOT"
    assert by_text["soldiers"].dep_ == "nsubj:pass"


@pytest.mark.model
def test_named_entities(nlp: Language) -> None:
    doc = nlp("US Secretary of State John Kerry met in London.")
    ents = {e.text: e.label_ for e in doc.ents}
    assert ents.get("John Kerry") == "PERSON"
    assert ents.get("London") in {"GPE", "LOC"}


@pytest.mark.model
def test_fast_sentences_without_parser() -> None:
    nlp = load_pipeline(exclude=("parser",), fast_sentences=True)
    doc = nlp("Shelling continued overnight. Aid convoys were turned back.")
    assert len(list(doc.sents)) == 2


@pytest.mark.model
def test_full_pipeline_links_entities_to_actors_and_places() -> None:
    from parallax.knowledge.components import register_extensions
    from parallax.nlp.pipeline import build_pipeline

    register_extensions()
    nlp = build_pipeline()
    assert nlp.pipe_names[-2:] == ["parallax_actor_ruler", "parallax_linker"]
    doc = nlp.make_doc(
        "Daesh fighters attacked Kurdish positions near Mosul, Iraqi officials said."
    )
    doc._.published = __import__("datetime").date(2015, 6, 1)
    doc = nlp(doc)
    ents = {e.text: e for e in doc.ents}
    assert ents["Daesh"]._.actor.actor_id == "ISIS"
    assert ents["Mosul"]._.place is not None
    assert ents["Mosul"]._.place.country == "IRQ"
