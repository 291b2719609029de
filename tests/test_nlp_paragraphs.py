"""Paragraph breaks become sentence breaks before the parser runs (parallax.nlp.paragraphs)."""

from __future__ import annotations

import pytest
import spacy

from parallax.nlp.paragraphs import COMPONENT, is_paragraph_break
from parallax.nlp.pipeline import load_pipeline


def test_only_blank_lines_are_paragraph_breaks() -> None:
    assert is_paragraph_break("\n\n")
    assert is_paragraph_break("\n \n  ")
    assert not is_paragraph_break("\n")  # a wrapped line
    assert not is_paragraph_break("  ")


def test_the_component_marks_the_break_and_the_token_after_it() -> None:
    nlp = spacy.blank("en")
    import parallax.nlp.paragraphs  # noqa: F401 - registers the factory

    nlp.add_pipe(COMPONENT)
    doc = nlp("Troops advanced.\n\nThe town fell,\nofficials said.")
    starts = [t.text for t in doc if t.is_sent_start]
    assert starts == ["Troops", "\n\n", "The"]
    assert doc[-3].is_sent_start is None  # "officials" after a wrapped line: the parser decides


@pytest.mark.parametrize("date", ["March 01, 2008", "Monday, 3 March 2008", "2016-08-13"])
def test_a_line_that_is_only_a_date_stands_alone(date: str) -> None:
    nlp = spacy.blank("en")
    import parallax.nlp.paragraphs  # noqa: F401 - registers the factory

    nlp.add_pipe(COMPONENT)
    doc = nlp(f"Airbus wins tanker contract\n{date}\nThe parent company won the deal.")
    starts = {t.i for t in doc if t.is_sent_start}
    date_start = next(t.i for t in doc if t.idx == doc.text.index(date))
    assert date_start in starts
    assert next(t.i for t in doc if t.text == "The") in starts


@pytest.mark.model
def test_no_sentence_of_the_parsed_pipeline_hangs_on_a_paragraph_break() -> None:
    nlp = load_pipeline(exclude=["ner"])
    assert nlp.pipe_names[0] == COMPONENT
    text = (
        "Notably absent from the meeting were Russia and Iran.\n\n"
        "Iran's current role in the region is contributing to the instability.\n\n"
        "The coalition struck oil trucks near Mayadin."
    )
    doc = nlp(text)
    sentences = [s for s in doc.sents if not s.root.is_space]
    assert [s.text.strip() for s in sentences] == text.split("\n\n")
    assert all(s.root.pos_ in {"VERB", "AUX"} for s in sentences[1:])
