"""Interview and transcript lines as speech (parallax.extract.quote_transcripts).

Runs the trained pipeline with the knowledge base and the quotes component, on texts written
here: whether a label is a person's name is the NER's call.
"""

from __future__ import annotations

import pytest
from spacy.language import Language

from parallax.evaluation.quotes import quote_pipeline
from parallax.schema import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    return quote_pipeline()


def by_speaker(nlp: Language, text: str) -> dict[str, list[str]]:
    found: list[Quote] = nlp(text)._.quotes
    lines: dict[str, list[str]] = {}
    for quote in found:
        speaker = quote.speaker.text if quote.speaker is not None else ""
        lines.setdefault(speaker, []).append(quote.text)
    return lines


def test_question_and_answer_lines_are_speech_of_q_and_a(nlp: Language) -> None:
    text = (
        "The minister spoke to us in his office.\n\n"
        "Q: Will the army leave the northern provinces this year?\n\n"
        "A: No. The troops stay until the border is secure, and that will take time.\n\n"
        "Q: And the talks?\n\n"
        "A: They resume in May."
    )
    lines = by_speaker(nlp, text)
    assert lines["Q"] == ["Will the army leave the northern provinces this year", "And the talks"]
    assert lines["A"] == [
        "No. The troops stay until the border is secure, and that will take time",
        "They resume in May",
    ]


def test_capitalised_speakers_of_a_transcript_are_speech(nlp: Language) -> None:
    text = (
        "WALLACE: Do you support sending more troops to the region?\n\n"
        "HARRIS: We have no plans to send troops, and we will not change course now.\n\n"
        "WALLACE: Why not?"
    )
    lines = by_speaker(nlp, text)
    assert lines["WALLACE"] == ["Do you support sending more troops to the region", "Why not"]
    assert lines["HARRIS"] == ["We have no plans to send troops, and we will not change course now"]


def test_a_lone_capitalised_kicker_is_not_a_speaker(nlp: Language) -> None:
    text = (
        "BREAKING: The parliament voted to extend the mission by another twelve months.\n\n"
        "The vote passed with a large majority on Tuesday."
    )
    assert "BREAKING" not in by_speaker(nlp, text)


def test_a_count_after_a_name_is_not_speech(nlp: Language) -> None:
    text = "Delegates so far.\n\nHillary Clinton: 1,769\n\nBernie Sanders: 1,501"
    lines = by_speaker(nlp, text)
    assert "Hillary Clinton" not in lines
    assert "Bernie Sanders" not in lines
