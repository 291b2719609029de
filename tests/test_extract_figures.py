"""Figures extractor: values, ranges, units, what is counted, who says so, and what is not a figure.

Runs on ``spacy.blank("en")`` (tokens only) so it needs no trained model; the dependency-parse
path is exercised with hand-built ``Doc`` objects.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

from parallax.evaluation.figures import score_gold
from parallax.extract.figures import FigureTagger, find_figures, register_extensions
from parallax.extract.numbers import match_amount, parse_digits, parse_words
from parallax.schema import Figure


@pytest.fixture(scope="module")
def nlp() -> Language:
    return spacy.blank("en")


def figures(nlp: Language, text: str) -> list[Figure]:
    return find_figures(nlp(text))


def the_figure(nlp: Language, text: str, span: str) -> Figure:
    found = [f for f in figures(nlp, text) if f.text == span]
    assert found, f"{span!r} not found in {[f.text for f in figures(nlp, text)]}"
    return found[0]


def check(fig: Figure, expected: dict[str, Any]) -> None:
    for field, want in expected.items():
        got = getattr(fig, field)
        if isinstance(want, float) and got is not None:
            assert got == pytest.approx(want), (field, got, want)
        else:
            assert got == want, (field, got, want)


VALUES: list[tuple[str, str, dict[str, Any]]] = [
    # digits, separators, scales, currencies
    ("The convoy carried 2,000 blankets.", "2,000", {"value": 2000.0, "unit": None}),
    ("Prices rose 1.5 times.", "1.5", {"value": 1.5}),
    ("Aid pledges reached 8.4 billion.", "8.4 billion", {"value": 8.4e9}),
    ("Donors promised $8.4billion for the camps.", "$8.4billion", {"value": 8.4e9, "unit": "USD"}),
    ("The ministry spent £2m on shelters.", "£2m", {"value": 2e6, "unit": "GBP"}),
    ("Brussels froze €1.2bn in assets.", "€1.2bn", {"value": 1.2e9, "unit": "EUR"}),
    ("Some 3 million people need food.", "Some 3 million", {"value": 3e6, "about": "people"}),
    ("It costs 5 million dollars a month.", "5 million dollars", {"unit": "USD"}),
    ("The fund holds US$ 40 million.", "US$ 40 million", {"value": 4e7, "unit": "USD"}),
    # number words
    ("Two hundred and fifty soldiers crossed.", "Two hundred and fifty", {"value": 250.0}),
    ("The raid left forty-five militants dead.", "forty-five", {"value": 45.0}),
    ("A dozen drones hit the depot.", "A dozen", {"value": 12.0, "quantity": "strikes"}),
    ("Half of the residents have left.", "Half", {"value": 0.5, "about": "residents"}),
    ("A third of the district is flooded.", "A third", {"value": 1 / 3}),
    ("Two-thirds of the villagers fled.", "Two-thirds", {"value": 2 / 3}),
    ("Half a million people were displaced.", "Half a million", {"value": 5e5}),
    ("One thousand two hundred troops.", "One thousand two hundred", {"value": 1200.0}),
    # vague amounts
    ("Dozens of protesters gathered.", "Dozens", {"value": None, "low": 24.0, "high": 99.0}),
    ("Scores of houses were levelled.", "Scores", {"low": 40.0, "high": 99.0}),
    ("Hundreds of families queued.", "Hundreds", {"low": 200.0, "high": 999.0}),
    ("Thousands of leaflets fell.", "Thousands", {"low": 2000.0, "high": 9999.0}),
    ("Tens of thousands of refugees waited.", "Tens of thousands", {"low": 2e4, "high": 99999.0}),
    ("Several aid workers were detained.", "Several", {"low": 3.0, "high": 9.0}),
    ("A few journalists stayed behind.", "A few", {"low": 2.0, "high": 5.0}),
    ("A handful of medics remained.", "A handful", {"low": 3.0, "high": 6.0}),
    ("Several hundred marines landed.", "Several hundred", {"low": 300.0, "high": 999.0}),
    # qualifiers and ranges
    (
        "At least 130 miners were trapped.",
        "At least 130",
        {"value": 130.0, "low": 130.0, "high": None},
    ),
    ("Up to 500 detainees were freed.", "Up to 500", {"value": 500.0, "low": None, "high": 500.0}),
    ("Nearly 1,000 shells fell.", "Nearly 1,000", {"high": 1000.0, "low": 900.0}),
    ("Almost 60 rockets were fired.", "Almost 60", {"high": 60.0}),
    ("More than 300 hostages remain.", "More than 300", {"low": 300.0, "high": None}),
    ("Over 70 sorties were flown.", "Over 70", {"low": 70.0, "quantity": "strikes"}),
    ("The toll could be as high as 117.", "as high as 117", {"high": 117.0, "low": None}),
    (
        "Some 4,000 prisoners were moved.",
        "Some 4,000",
        {"value": 4000.0, "low": 3600.0, "high": 4400.0},
    ),
    ("About 80 trucks arrived.", "About 80", {"low": 72.0, "high": 88.0}),
    ("Around 600 students sheltered.", "Around 600", {"value": 600.0}),
    ("Roughly 90 patients died.", "Roughly 90", {"value": 90.0, "quantity": "killed"}),
    ("Approximately 15 guards deserted.", "Approximately 15", {"value": 15.0}),
    (
        "Between 120 and 130 bodies were found.",
        "Between 120 and 130",
        {"value": None, "low": 120.0, "high": 130.0},
    ),
    ("Officials counted 120 to 130 craters.", "120 to 130", {"low": 120.0, "high": 130.0}),
    ("A barrage of 120-130 missiles hit.", "120-130", {"low": 120.0, "high": 130.0}),
    ("Between 1 and 2 million people fled.", "Between 1 and 2 million", {"low": 1e6, "high": 2e6}),
    # area and percentages
    (
        "Rebels hold 700 square kilometres.",
        "700 square kilometres",
        {"unit": "km2", "quantity": "area"},
    ),
    (
        "The enclave spans 700 sq km.",
        "700 sq km",
        {"value": 700.0, "unit": "km2", "quantity": "area"},
    ),
    (
        "Fighting covers 3,000 square miles.",
        "3,000 square miles",
        {"unit": "mi2", "quantity": "area"},
    ),
    ("Turnout fell 40 per cent.", "40 per cent", {"value": 40.0, "unit": "%", "quantity": "other"}),
    ("Turnout fell 40%.", "40%", {"unit": "%"}),
    ("Turnout fell 40 percent.", "40 percent", {"unit": "%"}),
]


@pytest.mark.parametrize(("text", "span", "expected"), VALUES)
def test_values(nlp: Language, text: str, span: str, expected: dict[str, Any]) -> None:
    check(the_figure(nlp, text, span), expected)


CONTEXT: list[tuple[str, str, dict[str, Any]]] = [
    (
        "At least 130 people were killed in the shelling.",
        "At least 130",
        {"quantity": "killed", "about": "people"},
    ),
    (
        "Medics said 45 civilians died overnight.",
        "45",
        {"quantity": "killed", "about": "civilians"},
    ),
    ("Twelve were killed and 30 wounded.", "30", {"quantity": "injured", "about": None}),
    ("Twelve were killed and 30 wounded.", "Twelve", {"quantity": "killed"}),
    ("The blast injured 19 pilgrims.", "19", {"quantity": "injured"}),
    ("Some 200 wounded soldiers were evacuated by air.", "Some 200", {"quantity": "injured"}),
    ("The floods left 6,000 families homeless.", "6,000", {"quantity": "displaced"}),
    (
        "Nearly 900 refugees crossed the border.",
        "Nearly 900",
        {"quantity": "displaced", "about": "refugees"},
    ),
    (
        "Hundreds of civilians fled north.",
        "Hundreds",
        {"quantity": "displaced", "about": "civilians"},
    ),
    (
        "The army sent 3,500 troops to the front.",
        "3,500",
        {"quantity": "troops", "about": "troops"},
    ),
    ("About 40 US advisers are deployed.", "About 40", {"quantity": "troops", "about": "advisers"}),
    (
        "Jets flew 2,000 coalition air strikes.",
        "2,000",
        {"quantity": "strikes", "about": "air strikes"},
    ),
    ("The navy fired 14 missiles.", "14", {"quantity": "strikes"}),
    ("There were 5 raids on the port.", "5", {"quantity": "strikes", "about": "raids"}),
    ("The camp shelters 800 children.", "800", {"quantity": "people", "about": "children"}),
    ("Ten women were arrested at the rally.", "Ten", {"quantity": "people"}),
    ("The morgue received 23 bodies.", "23", {"quantity": "killed", "about": "bodies"}),
    ("The war has caused 300 casualties, 40 of them killed.", "300", {"quantity": "killed"}),
    ("The museum lost 70 paintings.", "70", {"quantity": "other", "about": "paintings"}),
    ("The council approved 2 budgets.", "2", {"quantity": "other"}),
]


@pytest.mark.parametrize(("text", "span", "expected"), CONTEXT)
def test_what_is_counted(nlp: Language, text: str, span: str, expected: dict[str, Any]) -> None:
    check(the_figure(nlp, text, span), expected)


CLAIMS: list[tuple[str, str, str | None]] = [
    (
        "Some 500 sorties were flown, according to the US Department of Defence.",
        "Some 500",
        "the US Department of Defence",
    ),
    (
        "According to the latest data from the health ministry, 61 people died.",
        "61",
        "the health ministry",
    ),
    ("Europol estimates that 5,000 jihadists have returned.", "5,000", "Europol"),
    (
        "At least 30 people were killed, the interior ministry said.",
        "At least 30",
        "the interior ministry",
    ),
    ("Amnesty International reported 17 executions in May.", "17", "Amnesty International"),
    ("Police said 4 officers were hurt.", "4", "Police"),
    ("Up to 90 rebels surrendered, said Colonel Haddad.", "Up to 90", "Colonel Haddad"),
    ("Nearly 50 houses burned in the night.", "Nearly 50", None),
    ("He said 8 guards had deserted.", "8", None),
]


@pytest.mark.parametrize(("text", "span", "source"), CLAIMS)
def test_claimed_by(nlp: Language, text: str, span: str, source: str | None) -> None:
    assert the_figure(nlp, text, span).claimed_by == source


def test_claim_stays_in_its_sentence(nlp: Language) -> None:
    text = "The ministry said nothing. Later 40 soldiers arrived."
    assert the_figure(nlp, text, "40").claimed_by is None


NEGATIVES: list[str] = [
    "The uprising began in 2011.",
    "In 2015 the front collapsed.",
    "It was 2015's deadliest month.",
    "The ceasefire started on 23 January.",
    "The ceasefire started on January 23.",
    "The ceasefire started on the 23rd of January.",
    "The convoy left at 9:30.",
    "The curfew starts at 10 p.m. daily.",
    "The curfew starts at 10pm daily.",
    "The suspect, aged 45, was held.",
    "A 45-year-old driver was held.",
    "Omar Darwish, 52, was released.",
    "It was the first convoy and the 2nd convoy.",
    "A third attack followed on the base.",
    "Call +44 20 7946 0958 for help.",
    "Call 020 7946 0958 for help.",
    "See Page 2 and Figure 3 and Table 4.",
    "1. Background\n2. Findings",
    "Read more at http://news.example.org/2015/431 now.",
    "The A320 and an F-16 escorted MH17 past a Su-24.",
    "A Boeing 737 landed.",
    "The council passed Resolution 2254.",
    "One of the guards escaped.",
    "No one was hurt.",
    "He is the one who left.",
    "The siege lasted three weeks.",
    "Talks resumed after a few days.",
    "The war entered its 1990s phase.",
]


@pytest.mark.parametrize("text", NEGATIVES)
def test_not_figures(nlp: Language, text: str) -> None:
    assert figures(nlp, text) == []


def test_year_with_counted_noun_is_a_figure(nlp: Language) -> None:
    found = figures(nlp, "In 2014, 2000 troops crossed.")
    assert [(f.text, f.quantity) for f in found] == [("2000", "troops")]


def test_offsets_sorted_and_non_overlapping(nlp: Language) -> None:
    text = (
        "Officials said at least 12 people were killed and dozens injured on 3 March 2016,\n"
        "while some 4,000 residents fled; the UN put damage at $1.2bn across 40 sq km."
    )
    found = figures(nlp, text)
    assert [f.text for f in found] == [
        "at least 12",
        "dozens",
        "some 4,000",
        "$1.2bn",
        "40 sq km",
    ]
    ends = -1
    for f in found:
        assert text[f.start : f.end] == f.text
        assert f.start >= ends
        ends = f.end


def parsed(nlp: Language, rows: list[tuple[str, int, str, str]]) -> Doc:
    """A Doc with a hand-written parse: (word, head index, dep, pos) per token."""
    words, heads, deps, pos = (list(col) for col in zip(*rows, strict=True))
    return Doc(nlp.vocab, words=words, heads=heads, deps=deps, pos=pos)


def test_parse_about_skips_the_outer_modifier(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("Jets", 1, "nsubj", "NOUN"),
            ("flew", 1, "ROOT", "VERB"),
            ("2,000", 5, "nummod", "NUM"),
            ("coalition", 5, "compound", "NOUN"),
            ("air", 5, "compound", "NOUN"),
            ("strikes", 1, "dobj", "NOUN"),
            (".", 1, "punct", "PUNCT"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (fig.text, fig.about, fig.quantity) == ("2,000", "air strikes", "strikes")


def test_parse_links_the_casualty_verb(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("At", 1, "advmod", "ADP"),
            ("least", 2, "advmod", "ADJ"),
            ("130", 3, "nummod", "NUM"),
            ("people", 5, "nsubjpass", "NOUN"),
            ("were", 5, "auxpass", "AUX"),
            ("killed", 5, "ROOT", "VERB"),
            (",", 9, "punct", "PUNCT"),
            ("the", 8, "det", "DET"),
            ("ministry", 9, "nsubj", "NOUN"),
            ("said", 5, "ccomp", "VERB"),
            (".", 5, "punct", "PUNCT"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (fig.text, fig.about, fig.quantity) == ("At least 130", "people", "killed")
    assert fig.claimed_by == "the ministry"


def test_parse_about_through_of(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("Hundreds", 3, "nsubj", "NOUN"),
            ("of", 0, "prep", "ADP"),
            ("civilians", 1, "pobj", "NOUN"),
            ("fled", 3, "ROOT", "VERB"),
            (".", 3, "punct", "PUNCT"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (fig.text, fig.about, fig.quantity) == ("Hundreds", "civilians", "displaced")


def test_parse_number_as_subject_has_no_about(nlp: Language) -> None:
    doc = parsed(
        nlp,
        [
            ("Twelve", 2, "nsubjpass", "NUM"),
            ("were", 2, "auxpass", "AUX"),
            ("wounded", 2, "ROOT", "VERB"),
            ("in", 2, "prep", "ADP"),
            ("Homs", 3, "pobj", "PROPN"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (fig.value, fig.about, fig.quantity) == (12.0, None, "injured")


def test_pipeline_component(nlp: Language) -> None:
    register_extensions()
    register_extensions()  # idempotent
    pipe = spacy.blank("en")
    tagger = pipe.add_pipe("parallax_figures")
    assert isinstance(tagger, FigureTagger)
    doc = pipe("Scores of fighters and 12 tanks were lost in 2019.")
    assert [f.text for f in doc._.figures] == ["Scores", "12"]
    assert doc._.figures[0].quantity == "troops"
    assert pipe.get_pipe_meta("parallax_figures").assigns == ["doc._.figures"]


def test_blank_doc_without_the_component_has_no_figures(nlp: Language) -> None:
    register_extensions()
    assert nlp("40 tanks")._.figures is None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("2,000", (2000.0, "")),
        ("8.4bn", (8.4, "bn")),
        ("3km2", (3.0, "km2")),
        ("0958", None),
        ("1,00", None),
        ("A320", None),
    ],
)
def test_parse_digits(text: str, expected: tuple[float, str] | None) -> None:
    assert parse_digits(text) == expected


@pytest.mark.parametrize(
    ("words", "expected"),
    [
        ("two hundred and fifty people", (250.0, 4)),
        ("forty - five", (45.0, 3)),
        ("a dozen eggs", (12.0, 2)),
        ("one million two hundred thousand", (1_200_000.0, 5)),
        ("five six", (5.0, 1)),
        ("twenty thirty", (20.0, 1)),
        ("a man", None),
        ("first", None),
    ],
)
def test_parse_words(words: str, expected: tuple[float, int] | None) -> None:
    assert parse_words(words.split(), 0) == expected


def test_scale_suffix_needs_to_touch_the_digits() -> None:
    glued = match_amount(["£", "2", "m"], [False, False, True], 0)
    spaced = match_amount(["2", "m", "away"], [True, True, False], 0)
    assert glued is not None
    assert glued.value == 2e6
    assert spaced is not None
    assert (spaced.value, spaced.end) == (2.0, 1)


def test_score_is_not_a_range() -> None:
    amount = match_amount(["52", "-", "35"], [False, False, False], 0)
    assert amount is not None
    assert (amount.end, amount.value) == (1, 52.0)


@pytest.mark.parametrize(
    ("text", "span", "expected"),
    [
        ("Britain will send 250 more troops.", "250", {"quantity": "troops", "about": "troops"}),
        ("Troops numbering roughly 3,000 moved.", "roughly 3,000", {"quantity": "troops"}),
        ("The jet crashed, killing all 298 people.", "298", {"quantity": "killed"}),
        ("They put the death toll at 213.", "213", {"quantity": "killed", "about": None}),
    ],
)
def test_counted_noun_elsewhere(
    nlp: Language, text: str, span: str, expected: dict[str, Any]
) -> None:
    check(the_figure(nlp, text, span), expected)


@pytest.mark.parametrize(
    "text", ["Between 2011 and 2013 the rebels advanced.", "Sales of the iPhone 4 slowed."]
)
def test_more_non_figures(nlp: Language, text: str) -> None:
    assert figures(nlp, text) == []


def test_score_gold_counts_misses_and_wrong_values(tmp_path: Path) -> None:
    gold = tmp_path / "gold.jsonl"
    rows = [
        {"text": "At least 9 people died.", "figures": [
            {"text": "At least 9", "value": 9, "low": 9, "high": None, "quantity": "killed"}]},
        {"text": "Dozens of tanks and 4 jets.", "figures": [
            {"text": "Dozens", "value": 30, "low": 24, "high": 99, "quantity": "other"},
            {"text": "tanks", "value": None, "low": None, "high": None, "quantity": "other"}]},
        {"text": "It began in 2011.", "figures": []},
    ]  # fmt: skip
    gold.write_text("\n".join(json.dumps(r) for r in rows), encoding="utf-8")
    scores = score_gold(gold)
    assert (scores["gold"], scores["predicted"], scores["matched"]) == (3.0, 3.0, 2.0)
    assert scores["precision"] == pytest.approx(2 / 3)
    assert scores["recall"] == pytest.approx(2 / 3)
    assert scores["value_accuracy"] == pytest.approx(0.5)  # "Dozens" has no single value
    assert scores["quantity_accuracy"] == pytest.approx(1.0)


def test_gold_file_scores_stay_high() -> None:
    scores = score_gold(Path(__file__).parent / "data" / "figures_gold.jsonl")
    assert scores["gold"] >= 40
    assert scores["f1"] >= 0.9
    assert scores["value_accuracy"] >= 0.9
    assert scores["quantity_accuracy"] >= 0.8


def test_parse_about_in_universal_dependencies(nlp: Language) -> None:
    """Our model parses in UD: "scores" -nmod-> "civilians" -case-> "of"."""
    doc = parsed(
        nlp,
        [
            ("Scores", 4, "nsubj:pass", "NOUN"),
            ("of", 2, "case", "ADP"),
            ("civilians", 0, "nmod", "NOUN"),
            ("were", 4, "aux:pass", "AUX"),
            ("killed", 4, "ROOT", "VERB"),
            (".", 4, "punct", "PUNCT"),
        ],
    )
    (fig,) = find_figures(doc)
    assert (fig.text, fig.about, fig.quantity) == ("Scores", "civilians", "killed")
