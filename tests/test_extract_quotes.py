"""Quotes extractor: quotation marks, attribution frames, indirect speech and speakers.

The quotation-mark pairing is tested on text alone; everything else runs the trained pipeline
with the knowledge base (the parse decides content and speaker), on sentences written here.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from parallax.evaluation.quotes import (
    Counts,
    GoldAttribution,
    quote_pipeline,
    read_brat,
    score_document,
)
from parallax.extract.attribution import Attribution
from parallax.extract.quote_cues import is_cue_verb, lemma_of
from parallax.extract.quote_indirect import indirect_attributions
from parallax.extract.quote_marks import find_quoted
from parallax.schema import Quote


@pytest.fixture(scope="module")
def nlp() -> Language:
    return quote_pipeline()


def quotes(nlp: Language, text: str) -> list[Quote]:
    found: list[Quote] = nlp(text)._.quotes
    return found


def inner(text: str) -> list[str]:
    return [text[q.inner_start : q.inner_end] for q in find_quoted(text)]


# --- quotation marks -------------------------------------------------------------------------


def test_curly_and_straight_marks_pair_up() -> None:
    text = 'He said “we will win” and then "go home" before leaving.'
    assert inner(text) == ["we will win", "go home"]


def test_mixed_curly_opening_and_straight_closing_marks_pair() -> None:
    text = 'Chaffetz said “Immunity deals are not a requirement," on Monday.'
    assert inner(text) == ["Immunity deals are not a requirement,"]


def test_doubled_apostrophes_are_quotation_marks() -> None:
    text = "She said ''We will stay,'' and left."
    assert inner(text) == ["We will stay,"]


def test_a_quote_running_over_paragraphs_is_split_per_paragraph_and_marked() -> None:
    text = "He said: “First part of the speech.\n“Second part ends here.” Then he left."
    found = find_quoted(text)
    assert [text[q.inner_start : q.inner_end] for q in found] == [
        "First part of the speech.",
        "Second part ends here.",
    ]
    assert [q.continues for q in found] == [False, True]


def test_an_unclosed_mark_does_not_swallow_the_next_paragraphs() -> None:
    text = "A stray “mark here.\nA new paragraph with “a quote” in it."
    assert inner(text) == ["a quote"]


def test_apostrophes_are_not_quotation_marks() -> None:
    assert inner("The coalition's strikes and the rebels' losses.") == []


# --- direct quotes ---------------------------------------------------------------------------


def test_direct_quote_with_inverted_attribution(nlp: Language) -> None:
    (quote,) = quotes(nlp, "“We will never give up this fight,” said John Kerry.")
    assert quote.direct
    assert quote.text == "We will never give up this fight"
    assert quote.cue == "said"
    assert quote.speaker is not None
    assert quote.speaker.text == "John Kerry"
    assert quote.speaker.actor_id == "JOHN_KERRY"


def test_quote_split_by_its_attribution_gives_both_parts_the_same_speaker(
    nlp: Language,
) -> None:
    text = "“We will defeat them,” Kerry said, “and we will do it soon.”"
    found = quotes(nlp, text)
    assert [q.text for q in found] == ["We will defeat them", "and we will do it soon"]
    assert {q.speaker.text for q in found if q.speaker} == {"Kerry"}
    assert all(q.direct and q.cue == "said" for q in found)


def test_colon_attribution_and_following_paragraph_keep_the_speaker(nlp: Language) -> None:
    text = (
        "Philip Hammond told reporters: “This is going to be a long fight.”\n"
        "“We are in it for the long haul, and we will win it.”"
    )
    found = quotes(nlp, text)
    assert len(found) == 2
    assert all(q.speaker is not None and q.speaker.text == "Philip Hammond" for q in found)


@pytest.mark.parametrize(
    "frame",
    [
        "The senator continued:",
        "Then Senator Warren turned on the moderators:",
    ],
)
def test_a_quote_set_as_its_own_paragraph_after_a_colon_takes_the_frame_speaker(
    nlp: Language, frame: str
) -> None:
    text = f"{frame}\n\n“Nobody in this room believes the budget will pass before the recess.”"
    quote = next(q for q in quotes(nlp, text) if q.direct)
    assert quote.speaker is not None
    assert quote.speaker.text in frame


def test_a_clause_before_a_colon_gives_its_subject_not_the_whole_clause(nlp: Language) -> None:
    text = "Cruz spoke after midnight: “Nobody believes the budget will pass before the recess.”"
    quote = next(q for q in quotes(nlp, text) if q.direct)
    assert quote.speaker is not None
    assert quote.speaker.text == "Cruz"


def test_scare_quotes_are_not_speech(nlp: Language) -> None:
    text = "The group's so-called “caliphate” is shrinking, and the “surge” failed."
    assert [q for q in quotes(nlp, text) if q.direct] == []


@pytest.mark.parametrize(
    "text",
    [
        "“Russia has its own interests,” Mr. Manafort said on CBS's “Face the Nation.”",
        "“The tax laws are unfair,” Perez said on NBC's “Meet the Press.”",
    ],
)
def test_a_quoted_show_title_is_no_part_of_the_quote(nlp: Language, text: str) -> None:
    found = quotes(nlp, text)
    assert [q.text for q in found if q.direct] == [found[0].text]
    assert "the" not in found[0].text.split()[-2:]
    assert all("Nation" not in q.text and "Press" not in q.text for q in found)


def test_a_phrase_after_the_cue_of_a_direct_quote_is_not_reported_speech(
    nlp: Language,
) -> None:
    text = "“They are using it to rebuild China,” Trump said, harping on his favorite theme."
    (quote,) = quotes(nlp, text)
    assert quote.direct
    assert quote.text == "They are using it to rebuild China"


def test_a_clause_after_the_cue_of_a_direct_quote_is_still_reported(nlp: Language) -> None:
    text = "“We are ready,” Kerry said, and he added that the talks would resume in Vienna."
    found = quotes(nlp, text)
    assert any(not q.direct and "talks would resume" in q.text for q in found)


@pytest.mark.parametrize(
    ("text", "start"),
    [
        ("“Nobody here feels safe any more,” said one Syrian in Paris.", "one Syrian"),
        # a state named inside the speaker's institution is its subject, not the speaker's
        (
            "“It sounds very good in theory,” says Anna Kowalska, director of the Center for "
            "Baltic, Russian and Nordic Studies at Ohio State University.",
            "Anna Kowalska",
        ),
    ],
)
def test_anonymous_speaker_is_kept_as_written_without_an_actor(
    nlp: Language, text: str, start: str
) -> None:
    (quote,) = quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text.startswith(start)
    assert quote.speaker.actor_id is None


# --- indirect speech -------------------------------------------------------------------------


def test_a_poll_finding_is_attributed_to_the_poll(nlp: Language) -> None:
    text = "In a Des Moines Register poll last month, Mr. Cruz had a ten-point lead."
    (quote,) = quotes(nlp, text)
    assert quote.text.startswith("Mr. Cruz had")
    assert quote.speaker is not None
    assert "poll" in quote.speaker.text


def test_reported_clause_after_a_speech_verb(nlp: Language) -> None:
    (quote,) = quotes(nlp, "The minister warned that Russia would pay a heavy price.")
    assert not quote.direct
    assert "Russia would pay a heavy price" in quote.text
    assert quote.cue == "warned"
    assert quote.speaker is not None
    assert quote.speaker.text == "The minister"


def test_according_to_attributes_the_rest_of_the_sentence(nlp: Language) -> None:
    text = "The coalition has carried out 2,000 air strikes, according to the Pentagon."
    (quote,) = quotes(nlp, text)
    assert quote.cue == "according to"
    assert quote.text.startswith("The coalition has carried out 2,000 air strikes")
    assert quote.speaker is not None
    assert quote.speaker.text == "the Pentagon"


def test_parenthetical_cue_reports_its_host_clause(nlp: Language) -> None:
    (quote,) = quotes(nlp, "The war is far from over, the general said on Friday.")
    assert quote.text == "The war is far from over"
    assert quote.speaker is not None
    assert quote.speaker.text == "the general"


def test_a_speaker_after_a_trailing_cue_the_parser_left_without_subject(
    nlp: Language,
) -> None:
    text = (
        "Mr. Manafort was a pragmatic strategist who helped shape decisions about major American "
        "investments in Ukraine, said a former spokesman for Ukraine's Foreign Ministry, Oleg "
        "Voloshyn, who also ran as a candidate in the new bloc Mr. Manafort helped form."
    )
    (quote,) = quotes(nlp, text)
    assert quote.text.startswith("Mr. Manafort was a pragmatic strategist")
    assert quote.speaker is not None
    assert quote.speaker.text.startswith("a former spokesman")


def test_pronoun_speaker_resolves_to_the_person_named_before(nlp: Language) -> None:
    text = "John Kerry arrived in London on Thursday. He said the talks would resume soon."
    (quote,) = quotes(nlp, text)
    assert quote.speaker is not None
    assert quote.speaker.text == "John Kerry"
    assert quote.speaker.actor_id == "JOHN_KERRY"


def test_nested_report_belongs_to_the_outer_speaker(nlp: Language) -> None:
    text = "Officials said that the rebels claimed the town had fallen."
    found = quotes(nlp, text)
    assert [q.cue for q in found] == ["said"]


def test_a_cue_verb_the_lemmatizer_half_stripped_is_still_a_cue(nlp: Language) -> None:
    doc = nlp("The opposition blamed the government for the blackout.")
    verb = doc[2]
    verb.lemma_ = "blam"  # what our lemmatizer makes of some past forms
    assert is_cue_verb(verb)
    assert lemma_of(verb) == "blame"


@pytest.mark.parametrize(
    ("text", "cue", "content"),
    [
        ("The senator denounced the new sanctions on Tuesday.", "denounced", "the new sanctions"),
        ("The ministry declined to release the names of the dead.", "declined", "the names"),
        ("Aid groups hailed the ceasefire deal as a breakthrough.", "hailed", "ceasefire deal"),
    ],
)
def test_evaluation_and_refusal_verbs_report_their_complement(
    nlp: Language, text: str, cue: str, content: str
) -> None:
    doc = nlp(text)
    (found,) = indirect_attributions(doc, [])
    assert found.cue is not None
    assert doc[slice(*found.cue)].text == cue
    assert content in " ".join(doc.text[s:e] for s, e in found.content)
    assert found.source is not None
    assert found.source[0] == 0


def test_sentences_without_attribution_give_no_quotes(nlp: Language) -> None:
    text = "Coalition aircraft struck targets near Raqqa on Tuesday. The town was quiet."
    assert quotes(nlp, text) == []


# --- scorer ----------------------------------------------------------------------------------


def test_brat_reader_keeps_discontinuous_contents_and_sources(tmp_path: Path) -> None:
    ann = (
        "T1\tSource 0 5\tKerry\n"
        "T2\tCue 6 10\tsaid\n"
        "T3\tContent 11 20;25 30\tsome text and more\n"
        "T4\tAttribution 6 10\tsaid\n"
        "E1\tAttribution:T4 Content:T3 Cue:T2 Source:T1\n"
    )
    assert read_brat(ann) == [GoldAttribution(((11, 20), (25, 30)), ((0, 5),))]


def test_scorer_needs_half_of_both_spans_to_match() -> None:
    text = (
        "Kerry said the war will be long and hard, and then he spoke at length about the "
        "weather, the food, the hotel and the flight home."
    )
    end = text.index(",")
    gold = [GoldAttribution(((11, end),), ((0, 5),))]  # "the war will be long and hard"
    right = Attribution(content=((11, end - 5),), direct=False)  # most of it
    too_long = Attribution(content=((11, len(text)),), direct=False)  # the whole sentence
    counts = Counts()
    score_document(text, [right], [((0, 5),)], gold, counts)
    score_document(text, [too_long], [((0, 5),)], gold, counts)
    assert counts.matched == 1
    assert counts.speaker_right == 1
    assert counts.gold == 2
    assert counts.predicted == 2


_CALLED = "Sweeney called him a political opportunist who has neglected his duties."


def _called(content: tuple[int, int], cue: tuple[int, int] = (1, 2)) -> Attribution:
    return Attribution(content=(content,), direct=False, cue=cue, source=(0, 1))


def _called_doc() -> Doc:
    import spacy

    return spacy.blank("en")(_CALLED)


def test_a_tagged_content_cut_short_takes_the_rules_content_for_its_cue() -> None:
    from parallax.extract.quotes import _with_model

    # "Sweeney called him a political opportunist who has neglected his duties."
    rule = _called((14, 70))
    tagged = _called((14, 43))
    (merged,) = _with_model(_called_doc(), [rule], [tagged])
    assert merged.content == ((14, 70),)


def test_a_longer_tagged_content_or_one_of_another_cue_is_kept() -> None:
    from parallax.extract.quotes import _with_model

    rule = _called((14, 43))
    assert _with_model(_called_doc(), [rule], [_called((14, 70))])[0].content == ((14, 70),)
    other_cue = _called((14, 70), cue=(5, 6))
    assert _with_model(_called_doc(), [other_cue], [_called((14, 43))])[0].content == ((14, 43),)


def test_a_rules_content_holding_another_tagged_content_is_not_taken() -> None:
    from parallax.extract.quotes import _with_model

    rule = _called((14, 70))
    tagged = _called((14, 43))
    second = _called((50, 70), cue=(9, 10))
    merged = _with_model(_called_doc(), [rule], [tagged, second])
    assert [m.content for m in merged] == [((14, 43),), ((50, 70),)]


def test_a_rules_content_that_holds_the_speaker_is_not_taken() -> None:
    from parallax.extract.quotes import _with_model

    # '"We will crush Daesh," Iraqi Defence Minister Khaled al-Obeidi said.' misread as
    # indirect speech: the rule's content runs over the speaker to the cue.
    text = '"We will crush Daesh," Iraqi Defence Minister Khaled al-Obeidi said.'
    import spacy

    doc = spacy.blank("en")(text)
    said = next(t.i for t in doc if t.text == "said")
    minister = next(t.i for t in doc if t.text == "Iraqi")
    tagged = Attribution(((1, 20),), direct=True, cue=(said, said + 1), source=(minister, said))
    misread = Attribution(((1, 64),), direct=False, cue=(said, said + 1))
    (merged,) = _with_model(doc, [misread], [tagged])
    assert text[slice(*merged.content[0])] == "We will crush Daesh"


def test_speech_reported_inside_a_transcript_line_belongs_to_the_line() -> None:
    import spacy

    from parallax.extract.quotes import _cue_inside

    text = "A: I thought that no one could relate to me.\nShe said that it was hard."
    doc = spacy.blank("en")(text)
    line = Attribution(content=((3, 44),), direct=True, cue=(1, 2), source=(0, 1))
    thought = Attribution(content=((13, 44),), direct=False, cue=(3, 4), source=(2, 3))
    said = Attribution(content=((54, 71),), direct=False, cue=(14, 15), source=(13, 14))
    assert [doc[t.cue[0]].text for t in (thought, said) if t.cue] == ["thought", "said"]
    assert _cue_inside(doc, thought, line)
    assert not _cue_inside(doc, said, line)
