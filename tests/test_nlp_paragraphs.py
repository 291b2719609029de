"""Paragraph breaks become sentence breaks before the parser runs (parallax.nlp.paragraphs)."""

from __future__ import annotations

import pytest
import spacy

from parallax.nlp.paragraphs import COMPONENT, can_end_sentence, is_paragraph_break
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


def _starts(text: str) -> dict[str, bool | None]:
    nlp = spacy.blank("en")
    import parallax.nlp.paragraphs  # noqa: F401 - registers the factory

    nlp.add_pipe(COMPONENT)
    return {t.text: t.is_sent_start for t in nlp(text)}


def test_no_sentence_starts_after_a_word_of_the_same_line() -> None:
    starts = _starts("Chadian leader Idriss Deby spoke. Rebels fled, he said")
    assert starts["Idriss"] is False
    assert starts["Deby"] is False
    assert starts["he"] is False  # after a comma
    assert starts["Rebels"] is None  # after a full stop: the parser decides


@pytest.mark.parametrize(
    ("text", "word"),
    [
        ("WASHINGTON -- Officials met", "Officials"),
        ("NEW YORK (AP) — Officials met", "Officials"),
        ("He asked: Why now?", "Why"),
        ("“We will win.” Officials met", "Officials"),
        ("Rebels retreated;\nofficials met", "officials"),
    ],
)
def test_the_parser_may_start_a_sentence_after_punctuation_a_dash_or_a_line_break(
    text: str, word: str
) -> None:
    assert _starts(text)[word] is None


def test_a_title_abbreviation_ends_no_sentence() -> None:
    starts = _starts("Former Ohio Gov. Ted Strickland spoke. Sen. Graham left.")
    assert starts["Ted"] is False
    assert starts["Sen."] is None  # after "spoke."
    assert starts["Graham"] is False


def test_a_hyphen_inside_a_name_ends_no_sentence() -> None:
    assert _starts("President Zia-ul-Haq spoke")["ul"] is False
    assert can_end_sentence("--")
    assert not can_end_sentence("-", spaced=False)
    assert not can_end_sentence("leader")
    assert can_end_sentence("U.S.")


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


@pytest.mark.model
def test_a_title_before_a_name_stays_in_the_subject() -> None:
    """The treebank parser split "Ugandan leader | Yoweri Museveni signed…" in two."""
    nlp = load_pipeline()
    doc = nlp("Ugandan leader Yoweri Museveni signed a border accord with Kenya on Monday.")
    assert len(list(doc.sents)) == 1
    signed = next(t for t in doc if t.text == "signed")
    subject = next(t for t in signed.children if t.dep_ == "nsubj")
    assert {"Ugandan", "Museveni"} <= {t.text for t in subject.subtree}
