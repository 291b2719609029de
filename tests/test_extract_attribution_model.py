"""The trained attribution tagger (PolNeAR roles) and how its spans become attributions.

Span grouping is tested on hand-made spans; the tagger itself runs in the trained pipeline on
sentences written here.
"""

from __future__ import annotations

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parallax.evaluation.quotes import quote_pipeline
from parallax.extract.attribution import Attribution
from parallax.extract.quote_model import (
    AttributionTagger,
    RoleSpan,
    _bridged,
    available,
    model_attributions,
)
from parallax.schema import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    return quote_pipeline()


def tagger_of(nlp: Language) -> AttributionTagger:
    tagger = getattr(nlp.get_pipe("parallax_quotes"), "tagger", None)
    assert isinstance(tagger, AttributionTagger)
    return tagger


def quotes(nlp: Language, text: str) -> list[Quote]:
    found: list[Quote] = nlp(text)._.quotes
    return found


def blank_doc(text: str) -> Doc:
    return spacy.blank("en")(text)


def contents(doc: Doc, attribution: Attribution) -> list[str]:
    return [doc.text[start:end] for start, end in attribution.content]


# --- spans -> attributions -------------------------------------------------------------------


def test_touching_spans_of_one_role_are_joined_but_not_across_paragraphs() -> None:
    paragraph = [0] * 10 + [1] * 10
    spans = [
        RoleSpan("CONTENT", 0, 3),
        RoleSpan("CONTENT", 3, 8),
        RoleSpan("CONTENT", 9, 10),
        RoleSpan("CONTENT", 10, 14),
    ]
    assert _bridged(spans, paragraph) == [
        RoleSpan("CONTENT", 0, 8),
        RoleSpan("CONTENT", 9, 10),
        RoleSpan("CONTENT", 10, 14),
    ]
    assert _bridged([RoleSpan("SOURCE", 0, 2), RoleSpan("CONTENT", 3, 5)], paragraph) == [
        RoleSpan("SOURCE", 0, 2),
        RoleSpan("CONTENT", 3, 5),
    ]


def test_content_parts_around_one_cue_form_one_attribution_with_its_source() -> None:
    doc = blank_doc("“The bridge will reopen,” the mayor said, “before the winter.”")
    # “ The bridge will reopen , ” the mayor said , “ before the winter . ”
    # 0 1   2      3    4      5 6 7   8     9    10 11 12   13  14   15 16
    spans = [
        RoleSpan("CONTENT", 1, 5),
        RoleSpan("SOURCE", 7, 9),
        RoleSpan("CUE", 9, 10),
        RoleSpan("CONTENT", 12, 15),
    ]
    [attribution] = model_attributions(doc, spans)
    assert contents(doc, attribution) == ["The bridge will reopen", "before the winter"]
    assert attribution.direct
    assert attribution.cue == (9, 10)
    assert attribution.source == (7, 9)


def test_a_cue_frames_one_content_per_side_and_the_others_stand_alone() -> None:
    doc = blank_doc("“Rents rose,” Ana said. “Wages fell.” Prices rose too.")
    # “ Rents rose , ” Ana said . “ Wages fell . ” Prices rose too .
    # 0 1     2    3 4 5   6    7 8 9     10   111213     14   15  16
    spans = [
        RoleSpan("CONTENT", 1, 3),
        RoleSpan("SOURCE", 5, 6),
        RoleSpan("CUE", 6, 7),
        RoleSpan("CONTENT", 9, 11),
        RoleSpan("CONTENT", 13, 16),
    ]
    framed, alone = model_attributions(doc, spans)
    assert contents(doc, framed) == ["Rents rose", "Wages fell"]
    assert framed.cue == (6, 7)
    assert contents(doc, alone) == ["Prices rose too"]
    assert alone.cue is None
    assert alone.source == (5, 6)  # a blank doc has no sentences: the paragraph's source


def test_each_content_joins_its_nearest_cue() -> None:
    doc = blank_doc("Ana said rents rose. Ben claimed wages fell.")
    # Ana said rents rose . Ben claimed wages fell .
    # 0   1    2     3    4 5   6       7     8    9
    spans = [
        RoleSpan("SOURCE", 0, 1),
        RoleSpan("CUE", 1, 2),
        RoleSpan("CONTENT", 2, 4),
        RoleSpan("SOURCE", 5, 6),
        RoleSpan("CUE", 6, 7),
        RoleSpan("CONTENT", 7, 9),
    ]
    first, second = model_attributions(doc, spans)
    assert contents(doc, first) == ["rents rose"]
    assert first.source == (0, 1)
    assert contents(doc, second) == ["wages fell"]
    assert second.source == (5, 6)
    assert not first.direct


def test_a_content_whose_sentence_names_a_source_does_not_take_a_cue_of_another_sentence() -> None:
    doc = blank_doc("According to the ministry, costs rose. For Ben, wages fell.")
    # According to the ministry , costs rose . For Ben , wages fell .
    # 0         1  2   3        4 5     6    7 8   9   10 11  12   13
    doc[8].is_sent_start = True
    spans = [
        RoleSpan("CUE", 0, 2),
        RoleSpan("SOURCE", 2, 4),
        RoleSpan("SOURCE", 9, 10),
        RoleSpan("CONTENT", 11, 13),
    ]
    [attribution] = model_attributions(doc, spans)
    assert contents(doc, attribution) == ["wages fell"]
    assert attribution.cue is None
    assert attribution.source == (9, 10)


# --- the trained tagger in the pipeline ------------------------------------------------------


def test_the_tagger_ships_with_the_package_and_is_used_by_default(nlp: Language) -> None:
    assert available()
    tagger_of(nlp)


def test_the_model_can_be_switched_off() -> None:
    import parallax.extract.quotes  # noqa: F401 - registers the factory

    pipeline = spacy.blank("en")
    component = pipeline.add_pipe("parallax_quotes", config={"use_model": False})
    assert getattr(component, "tagger", "missing") is None


def test_a_cue_the_rules_do_not_know_is_found(nlp: Language) -> None:
    from parallax.extract.quotes import find_attributions

    text = "Local farmers support the proposal to build a second reservoir near the town."
    assert find_attributions(nlp(text)) == []  # the rules alone: no attribution
    [quote] = quotes(nlp, text)
    assert quote.text == "the proposal to build a second reservoir near the town"
    assert quote.cue == "support"
    assert quote.speaker is not None
    assert quote.speaker.text == "Local farmers"
    assert not quote.direct


def test_an_internal_state_is_an_attribution(nlp: Language) -> None:
    [quote] = quotes(nlp, "Residents believe the mayor ignored repeated warnings about the dam.")
    assert quote.text == "the mayor ignored repeated warnings about the dam"
    assert quote.cue == "believe"
    assert quote.speaker is not None
    assert quote.speaker.text == "Residents"


def test_a_cue_without_a_tagged_source_takes_its_subject(nlp: Language) -> None:
    [quote] = quotes(nlp, "The governor slammed the court's ruling on the water rights case.")
    assert quote.text == "the court's ruling on the water rights case"
    assert quote.speaker is not None
    assert quote.speaker.text == "The governor"


def test_a_direct_quote_keeps_its_marks_out_and_its_speaker(nlp: Language) -> None:
    [quote] = quotes(nlp, "“We will rebuild every school,” the minister said on Tuesday.")
    assert quote.text == "We will rebuild every school"
    assert quote.direct
    assert quote.speaker is not None
    assert quote.speaker.text == "the minister"


def test_the_tagger_leaves_the_named_entities_alone(nlp: Language) -> None:
    doc = nlp("Angela Merkel told reporters in Berlin that the talks had failed.")
    before = [(e.start, e.end, e.label_) for e in doc.ents]
    assert before
    [spans] = list(tagger_of(nlp).spans([doc]))
    assert any(span.label == "CUE" for span in spans)
    assert [(e.start, e.end, e.label_) for e in doc.ents] == before


def test_without_the_syntax_tensor_the_tagger_predicts_nothing(nlp: Language) -> None:
    doc = nlp.make_doc("The union said the strike would go on.")
    assert list(tagger_of(nlp).spans([doc])) == [[]]
