"""Temporal expressions: values, ranges and offsets against a fixed publication date."""

from __future__ import annotations

import datetime as dt
import itertools
import re

import pytest
import spacy

from parallax.extract.times import find_times, register_extensions
from parallax.schema import Time

#: Friday 20 November 2015 (ISO week 47).
P = dt.date(2015, 11, 20)


def one(text: str, phrase: str, published: dt.date | None = P) -> Time:
    """The single expression whose text is ``phrase``."""
    hits = [t for t in find_times(text, published) if t.text == phrase]
    assert len(hits) == 1, find_times(text, published)
    return hits[0]


ABSOLUTE = [
    ("The deal was signed on 23 January 2015 in Geneva.", "23 January 2015", "2015-01-23"),
    ("It was signed on January 23, 2015, by both sides.", "January 23, 2015", "2015-01-23"),
    ("Talks resume Jan. 23 in the capital.", "Jan. 23", "2016-01-23"),
    ("The ceasefire began on 15 July after weeks of talks.", "15 July", "2015-07-15"),
    ("The port reopened in July 2015 under guard.", "July 2015", "2015-07"),
    ("The mission started in 2014 with few staff.", "2014", "2014"),
    ("Posted on 2015-11-13 by the desk.", "2015-11-13", "2015-11-13"),
    ("Filed 13/11/2015 from the border.", "13/11/2015", "2015-11-13"),
    ("Filed 11/25/2015 from the border.", "11/25/2015", "2015-11-25"),
    ("Grain prices last fell this far in the 1930s, analysts say.", "the 1930s", "193"),
    ("The town has not grown since the 90s at all.", "the 90s", "199"),
    ("A boom during 1990s Asia built the port.", "1990s", "199"),
    (
        "Shelling resumed on Friday, November 13, 2015 at dawn.",
        "Friday, November 13, 2015",
        "2015-11-13",
    ),
    ("The third quarter brought losses.", "The third quarter", "2015-Q3"),
    ("Fighting eased during the summer of 2014 briefly.", "the summer of 2014", "2014-SU"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), ABSOLUTE)
def test_absolute_values(text: str, phrase: str, value: str) -> None:
    t = one(text, phrase)
    assert t.type == "DATE"
    assert t.value == value


RANGES = [
    ("Troops left on 23 January 2015 quietly.", "23 January 2015", "2015-01-23", "2015-01-23"),
    ("The siege ended in July 2015 at last.", "July 2015", "2015-07-01", "2015-07-31"),
    ("Prices rose in 2012 and fell after.", "2012", "2012-01-01", "2012-12-31"),
    ("Peace held through the 1930s in the valley.", "the 1930s", "1930-01-01", "1939-12-31"),
    ("Rockets fell last week near the base.", "last week", "2015-11-09", "2015-11-15"),
    ("Leave was cancelled in February 2016 for all.", "February 2016", "2016-02-01", "2016-02-29"),
]


@pytest.mark.parametrize(("text", "phrase", "earliest", "latest"), RANGES)
def test_ranges(text: str, phrase: str, earliest: str, latest: str) -> None:
    t = one(text, phrase)
    assert (t.earliest, t.latest) == (earliest, latest)


RELATIVE = [
    ("The minister resigned today, aides said.", "today", "DATE", "2015-11-20"),
    ("The minister resigned yesterday, aides said.", "yesterday", "DATE", "2015-11-19"),
    ("Voting starts tomorrow across the north.", "tomorrow", "DATE", "2015-11-21"),
    ("A curfew starts tonight in the old city.", "tonight", "TIME", "2015-11-20TNI"),
    ("The army said on Tuesday that it had withdrawn.", "Tuesday", "DATE", "2015-11-17"),
    ("The convoy arrived Friday, officials said.", "Friday", "DATE", "2015-11-20"),
    ("Envoys will meet next Monday in Oslo.", "next Monday", "DATE", "2015-11-23"),
    ("Envoys will meet on Monday in Oslo.", "Monday", "DATE", "2015-11-23"),
    ("Rockets fell last week near the base.", "last week", "DATE", "2015-W46"),
    ("The envoy visits this week, aides say.", "this week", "DATE", "2015-W47"),
    ("The envoy visits next week, aides say.", "next week", "DATE", "2015-W48"),
    ("Exports collapsed last month on the coast.", "last month", "DATE", "2015-10"),
    ("Exports collapsed this month on the coast.", "this month", "DATE", "2015-11"),
    ("Exports may recover next month, traders hope.", "next month", "DATE", "2015-12"),
    ("Elections were held last year in the south.", "last year", "DATE", "2014"),
    ("Elections are due next year in the south.", "next year", "DATE", "2016"),
    ("The bridge was hit last weekend twice.", "last weekend", "DATE", "2015-W46-WE"),
    ("Aid has recently resumed to the camps.", "recently", "DATE", "PAST_REF"),
    ("The road is now open again.", "now", "DATE", "PRESENT_REF"),
    ("The road is currently closed again.", "currently", "DATE", "PRESENT_REF"),
    ("The dam burst two years ago this spring.", "two years ago", "DATE", "2013"),
    ("The dam burst three days ago after rain.", "three days ago", "DATE", "2015-11-17"),
    ("The clinic closed six months ago, staff said.", "six months ago", "DATE", "2015-05"),
    ("Shops reopened this morning in the market.", "this morning", "TIME", "2015-11-20TMO"),
    ("Gunfire was heard last night near the port.", "last night", "TIME", "2015-11-19TNI"),
    (
        "Gunfire was heard on Thursday night near the port.",
        "Thursday night",
        "TIME",
        "2015-11-19TNI",
    ),
    ("The curfew starts at 9 p.m. in the capital.", "9 p.m.", "TIME", "2015-11-20T21:00"),
    ("The vote opened at 9:30am sharp.", "9:30am", "TIME", "2015-11-20T09:30"),
    ("The truce ends at midnight on the border.", "midnight", "TIME", "2015-11-20T24:00"),
    (
        "Sirens sounded at 10 p.m. Wednesday in the city.",
        "10 p.m. Wednesday",
        "TIME",
        "2015-11-18T22:00",
    ),
]


@pytest.mark.parametrize(("text", "phrase", "type_", "value"), RELATIVE)
def test_relative_values(text: str, phrase: str, type_: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value) == (type_, value)


def test_earlier_this_year_is_bounded_by_publication() -> None:
    t = one("Earlier this year the rebels took the town.", "Earlier this year")
    assert (t.value, t.earliest, t.latest) == ("2015", "2015-01-01", "2015-11-20")


def test_past_ref_ends_at_publication() -> None:
    t = one("Talks have recently stalled.", "recently")
    assert (t.earliest, t.latest) == (None, "2015-11-20")


def test_coming_weeks_is_a_bounded_future() -> None:
    t = [x for x in find_times("More troops arrive in the coming weeks.", P) if "weeks" in x.text]
    assert len(t) == 1
    assert (t[0].type, t[0].value) == ("DATE", "FUTURE_REF")
    assert (t[0].earliest, t[0].latest) == ("2015-11-20", "2015-12-11")


def test_a_week_later_stays_unresolved() -> None:
    t = one("The town fell and a week later the dam was hit.", "a week later")
    assert t.type == "DATE"
    assert t.value is None


DURATIONS = [
    ("The siege lasted for three years in all.", "three years", "P3Y"),
    ("Talks took two weeks of shuttling.", "two weeks", "P2W"),
    ("He spent 18 months in detention.", "18 months", "P18M"),
    ("The region saw a decade of drought.", "a decade", "P10Y"),
    ("The march took several days on foot.", "several days", "PXD"),
    ("The convoy waited for a few hours at the gate.", "a few hours", "PTXH"),
    ("A two-week truce was agreed.", "two-week", "P2W"),
    ("Trade fell over the past two months sharply.", "the past two months", "P2M"),
    ("Twenty-four hours of shelling followed.", "Twenty-four hours", "PT24H"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), DURATIONS)
def test_durations(text: str, phrase: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value, t.earliest, t.latest) == ("DURATION", value, None, None)


SETS = [
    ("Inspectors visit every week under the deal.", "every week", "P1W"),
    ("Patrols run daily along the fence.", "daily", "P1D"),
    ("The council meets weekly in the hall.", "weekly", "P1W"),
    ("Floods return each year to the delta.", "each year", "P1Y"),
    ("Water is delivered twice a day to the camp.", "twice a day", "P1D"),
    ("Markets open every Monday in the square.", "every Monday", "XXXX-WXX-1"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), SETS)
def test_sets(text: str, phrase: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value) == ("SET", value)


UNDATED = [
    ("The ceasefire began on 15 July.", "15 July", "XXXX-07-15"),
    ("The port reopened in July 2015.", "July 2015", "2015-07"),
    ("It was signed on 23 January 2015.", "23 January 2015", "2015-01-23"),
    ("Peace held through the 1930s.", "the 1930s", "193"),
    ("Inspectors visit every week.", "every week", "P1W"),
    ("The siege lasted for three years.", "three years", "P3Y"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), UNDATED)
def test_absolute_expressions_resolve_without_publication(
    text: str, phrase: str, value: str
) -> None:
    assert one(text, phrase, None).value == value


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("The minister resigned yesterday.", "yesterday"),
        ("The army said on Tuesday it had left.", "Tuesday"),
        ("Rockets fell last week.", "last week"),
        ("The dam burst two years ago.", "two years ago"),
        ("The curfew starts at 9 p.m. tonight.", "9 p.m."),
        ("Talks have recently stalled.", "recently"),
    ],
)
def test_relative_expressions_are_unresolved_without_publication(text: str, phrase: str) -> None:
    t = one(text, phrase, None)
    assert (t.value, t.earliest, t.latest) == (None, None, None)


def test_offsets_sorted_and_disjoint() -> None:
    text = (
        "On Friday, November 13, 2015, at 9 p.m. the attacks began. Three days later, "
        "police said fighting had lasted for three hours; every year since 2010 the city "
        "has held a vigil in early January, and last week it was held again."
    )
    found = find_times(text, P)
    assert len(found) >= 7
    for t in found:
        assert text[t.start : t.end] == t.text
    for a, b in itertools.pairwise(found):
        assert a.end <= b.start


def test_longest_match_wins() -> None:
    found = find_times("It happened on Friday, November 13, 2015.", P)
    assert [t.text for t in found] == ["Friday, November 13, 2015"]


@pytest.mark.parametrize(
    "text",
    [
        "Some 2,000 troops crossed the river.",
        "Of the 2000 troops sent, half returned.",
        "The meeting was held in Room 1930 of the ministry.",
        "The victim, aged 45, was a teacher.",
        "A 25-year-old man was detained.",
        "The man, 45 years old, was released.",
        "Police detained 1990 people after the march.",
        "She may return if the march goes ahead.",
    ],
)
def test_no_false_positives(text: str) -> None:
    assert find_times(text, P) == []


@pytest.mark.parametrize(
    "text",
    [
        "",
        " ",
        "\x00\ufffd\u202e",
        "9" * 5000,
        "Jan. " * 2000,
        "a 31 February 2015 b",
        "ümlaut 😀 ∞",
    ],
)
def test_never_crashes(text: str) -> None:
    for t in find_times(text, P):
        assert text[t.start : t.end] == t.text


def test_impossible_dates_are_dropped() -> None:
    found = find_times("It happened on 31 February 2015.", P)
    assert [(t.text, t.value) for t in found] == [("February 2015", "2015-02")]


def test_huge_text_is_fast_enough() -> None:
    text = "On 23 January 2015 shelling resumed, officials said on Tuesday. " * 2000
    found = find_times(text, P)
    assert len(found) == 4000


def test_spacy_component_sets_doc_times() -> None:
    register_extensions()
    register_extensions()  # idempotent
    nlp = spacy.blank("en")
    nlp.add_pipe("parallax_times")
    doc = nlp.make_doc("Rockets fell yesterday and again on 23 January 2015.")
    doc._.published = P
    doc = nlp(doc)
    assert [(t.text, t.value) for t in doc._.times] == [
        ("yesterday", "2015-11-19"),
        ("23 January 2015", "2015-01-23"),
    ]


def test_spacy_component_without_publication() -> None:
    register_extensions()
    nlp = spacy.blank("en")
    nlp.add_pipe("parallax_times")
    doc = nlp("Rockets fell yesterday.")
    assert [(t.text, t.value) for t in doc._.times] == [("yesterday", None)]


# --- tense decides far-off months and days (P is Friday 20 November 2015) -----------------

TENSE = [
    # nearest March is 2016, but the sentence is in the past
    ("The dam was finished in March after delays.", "March", "2015-03"),
    ("The dam will be finished in March, officials say.", "March", "2016-03"),
    ("The minister resigned on 4 April amid protests.", "4 April", "2015-04-04"),
    # nearest August is 2015, but the sentence speaks of the future
    ("Elections will be held in August under the new law.", "August", "2016-08"),
    ("The court agreed to hear the case in August.", "August", "2016-08"),
    # close to publication the nearest date stands whatever the tense
    ("Payments were made on 10 January by the fund.", "10 January", "2016-01-10"),
    ("Nothing is said about the ruling of June.", "June", "2015-06"),
]


@pytest.mark.parametrize(("text", "phrase", "value"), TENSE)
def test_tense_places_unyeared_dates(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


def test_sentence_tense_uses_nearest_cue() -> None:
    from parallax.extract.timex_tense import sentence_tense

    def tense(text: str, phrase: str) -> str | None:
        i = text.index(phrase)
        return sentence_tense(text, i, i + len(phrase))

    assert tense("Crews will be deployed in May.", "May") == "future"  # passive: "will" counts
    assert tense("The envoy said Tuesday it would strike.", "Tuesday") == "past"
    assert tense("On Tuesday, the union plans to march.", "Tuesday") == "future"
    assert tense("On Tuesday, the union planned to march.", "Tuesday") == "past"
    assert tense("It rained. In May the river rose.", "May") == "past"
    assert tense("In May, nothing.", "May") is None


def test_weekday_after_planned_to_is_ahead() -> None:
    assert one("The team planned to leave on Sunday for the coast.", "Sunday").value == (
        "2015-11-22"
    )
    assert one("The team left on Sunday for the coast.", "Sunday").value == "2015-11-15"


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Talks began in January this year in Oslo.", "January this year", "2015-01"),
        ("Stores close after October of next year.", "October of next year", "2016-10"),
        ("The law passed on June 5 last year.", "June 5 last year", "2014-06-05"),
        ("The index is at its lowest since '82 today.", "'82", "1982"),
    ],
)
def test_months_with_relative_years(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


def test_short_year_needs_a_publication_date() -> None:
    assert one("Lowest since '82.", "'82", published=None).value is None


def test_24_hour_clock_with_zone_needs_no_preposition() -> None:
    assert one("As of 14:48 UTC the index was down.", "14:48 UTC").value == ("2015-11-20T14:48Z")
    assert one("Banks acted together. 0800 UTC was the hour.", "0800 UTC").value == (
        "2015-11-20T08:00Z"
    )
    assert not find_times("The final score was 14:12 in the end.", P)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("The plane is two and a half years late.", "two and a half years", "P2Y6M"),
        ("They talked for 5 1/2 hours straight.", "5 1/2 hours", "PT5H30M"),
        ("It shrank for two consecutive quarters.", "two consecutive quarters", "P2Q"),
        ("It settled its decades-long dispute.", "decades-long", "PXY"),
        ("After a day-long meeting they left.", "day-long", "P1D"),
        ("Over the years prices rose.", "the years", "PXY"),
    ],
)
def test_more_durations(text: str, phrase: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value) == ("DURATION", value)


def test_fraction_of_quarters_is_not_a_duration() -> None:
    assert not find_times("Nearly three-quarters of voters agreed.", P)


@pytest.mark.parametrize(
    ("text", "phrase", "type_", "value"),
    [
        ("Sales rose in next year's first quarter.", "next year's first quarter", "DATE",
         "2016-Q1"),
        ("It lost less than in the first quarter of last year.", "the first quarter of last year",
         "DATE", "2014-Q1"),
        ("Trade peaks in the second and fourth quarters.", "fourth quarters", "SET", "XXXX-Q4"),
        ("Profit fell from the 2014 quarter, it said.", "the 2014 quarter", "DATE", "2014-Q3"),
    ],
)  # fmt: skip
def test_quarters_in_results_news(text: str, phrase: str, type_: str, value: str) -> None:
    t = one(text, phrase)
    assert (t.type, t.value) == (type_, value)


@pytest.mark.parametrize(
    ("text", "phrase", "value"),
    [
        ("Growth looks good in the near term, he said.", "the near term", "FUTURE_REF"),
        ("The plant stays shut for the time being.", "the time being", "PRESENT_REF"),
        ("These are mistakes of the past.", "the past", "PAST_REF"),
        ("Return the boy as soon as possible.", "as soon as possible", "FUTURE_REF"),
    ],
)
def test_more_vague_references(text: str, phrase: str, value: str) -> None:
    assert one(text, phrase).value == value


def test_the_trading_day_is_the_publication_day() -> None:
    t = one("The Dow ended the day 2% higher.", "the day")
    assert (t.value, t.earliest, t.latest) == ("2015-11-20", "2015-11-20", "2015-11-20")
    assert not find_times("During the day the streets were calm.", P)
    assert one("The Dow ended the day higher.", "the day", published=None).value is None


def test_scorer_accepts_both_decade_spellings() -> None:
    from parallax.evaluation.times import same_value

    assert same_value("198", "198X")
    assert same_value("19", "19XX")
    assert same_value("2000-W07", "2000-W7")
    assert not same_value("1998", "1998-XX")
    assert not same_value("199", "198X")


#: The look-ahead :func:`parallax.extract.regex_guard.guarded` puts in front of a rule.
_GUARD = re.compile(r"^\(\?=(?:\(\?i:)?\[(?:\\.|[^\]\\])*\]\)?\)")


def test_first_character_guards_change_no_match() -> None:
    """Rules get a look-ahead for their possible first characters (speed); on real articles
    and on edge cases (quotes, apostrophes, digits glued to words) every rule must find
    exactly what its bare pattern finds."""
    from pathlib import Path

    from parallax.extract.times import RULES

    corpus = Path(__file__).resolve().parents[1] / "examples"
    texts = [p.read_text(encoding="utf-8") for p in sorted(corpus.rglob("*.txt"))]
    texts.append(
        "In '99, since ’05 and by'08; 3pm, 10.30am, 1930s, the '90s, mid-2015, on\n"
        "Friday; once, twice, 3 times; a 2-year-long war; daily, (weekly) and\tnow. "
        "MONDAY 5 JANUARY 2015, 2015-01-05, 5/1/2015, Christmas Eve, LAST WEEK, Q3."
    )
    assert len(texts) > 1
    guarded = [p for p, _ in RULES if _GUARD.match(p.pattern)]
    assert len(guarded) > len(RULES) // 2, "the look-aheads are gone, and the speed-up with them"
    for pattern in guarded:
        bare = re.compile(_GUARD.sub("", pattern.pattern, count=1))
        for text in texts:
            assert [m.span() for m in pattern.finditer(text)] == [
                m.span() for m in bare.finditer(text)
            ], bare.pattern[:60]
