"""The GeoWebNews scorer, on a two-article fixture written in GWN.xml's shape."""

from __future__ import annotations

from pathlib import Path

import pytest
import spacy
from spacy.language import Language
from spacy.tokens import Doc

import parallax.knowledge.components  # noqa: F401 - registers the factories
from parallax.evaluation import places
from parallax.evaluation.places import GoldArticle, distance_km, figures, read_gwn, tally
from parallax.schema import Place

FIXTURE = Path(__file__).parent / "data" / "geowebnews"


@pytest.fixture(scope="module")
def articles() -> list[GoldArticle]:
    return read_gwn(FIXTURE)


def place(start: int, end: int, lat: float | None, lon: float | None) -> Place:
    return Place(start=start, end=end, text="x", lat=lat, lon=lon)


def test_only_place_denoting_types_with_true_offsets_count(articles: list[GoldArticle]) -> None:
    first, second = articles
    assert [(g.text, g.type) for g in first.toponyms] == [
        ("Syrian", "Non_Literal_Modifier"),
        ("Aleppo", "Literal"),
        ("Washington", "Embedded_Non_Lit"),
        ("Beirut", "Literal"),
    ]  # not "forces" (an expression) nor "Syrians" (people)
    assert [g.text for g in second.toponyms] == ["Paris", "Texas"]  # not "English", "city",
    # nor "Dallas", whose offsets point at other characters
    assert first.toponyms[1].lat == pytest.approx(36.20124)
    assert read_gwn(FIXTURE / "GWN.xml")[0].text == first.text  # the file itself works too


def test_distance_is_great_circle() -> None:
    assert distance_km(51.5074, -0.1278, 48.8566, 2.3522) == pytest.approx(344, abs=2)
    assert distance_km(10, 20, 10, 20) == 0


def test_exact_spans_match_and_geocoding_is_scored_on_matches(
    articles: list[GoldArticle],
) -> None:
    predictions = [
        [
            place(0, 6, 35.0, 38.0),  # Syrian: exact, 0 km
            place(22, 28, 33.51, 36.29),  # Aleppo read as Damascus: exact, ~310 km off
            place(44, 59, 38.9, -77.0),  # "Washington Post": overlaps, no exact match
        ],
        [
            place(13, 18, None, None),  # Paris, but no coordinates: the largest error
            place(27, 32, 10.0, 10.0),  # "speak": spurious
        ],
    ]
    t = tally(articles, predictions)
    scores = figures(t, len(articles))
    assert (scores["gold"], scores["predicted"], scores["matched"]) == (6, 5, 3)
    assert scores["precision"] == pytest.approx(3 / 5)
    assert scores["recall"] == pytest.approx(3 / 6)
    assert scores["f1"] == pytest.approx(2 * 0.6 * 0.5 / 1.1)
    assert scores["overlap_f1"] == pytest.approx(2 * 0.8 * (4 / 6) / (0.8 + 4 / 6))
    assert scores["geocoded"] == 3
    assert scores["within_161km"] == pytest.approx(1 / 3)
    assert 250 < scores["median_km"] < 400  # Aleppo's error sits between 0 and 20,038
    assert scores["recall_Literal"] == pytest.approx(2 / 4)
    assert scores["recall_Embedded_Non_Lit"] == 0
    assert len(t.missed) == 3
    assert len(t.spurious) == 2
    assert len(t.far) == 2


@pytest.fixture(scope="module")
def blank_linker() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("parallax_actor_ruler")
    nlp.add_pipe("parallax_linker")
    for name in ("times", "figures", "quotes", "events"):  # read by records_of
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
    return nlp


def test_score_runs_a_pipeline_over_the_texts(blank_linker: Language) -> None:
    scores = places.score_geowebnews(FIXTURE, blank_linker)
    # without a model only the registry's names are found: "Syrian" (an adjective modifying
    # "forces") and "Washington" opening the registry's "Washington Post"
    assert scores["documents"] == 2
    assert (scores["predicted"], scores["matched"]) == (2, 2)
    assert scores["precision"] == 1
    assert scores["within_161km"] == 1


def test_table_is_markdown_with_every_type(blank_linker: Language) -> None:
    scores = places.score_geowebnews(FIXTURE, blank_linker)
    text = places.table("GeoWebNews fixture", scores)
    assert text.startswith("### GeoWebNews fixture")
    assert "| gold | predicted | precision | recall | F1 |" in text
    assert "| 6 | 2 | 1.000 | 0.333 | 0.500 |" in text
    assert all(f"| {kind} |" in text for kind in places.TOPONYM_TYPES)
