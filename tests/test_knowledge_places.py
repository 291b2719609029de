"""The gazetteer: GeoNames cities, countries, subdivisions, curated regions, and context."""

from __future__ import annotations

import pytest

from parallax.knowledge.components import knowledge
from parallax.knowledge.places import Gazetteer


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return knowledge(())[1]


def test_tripoli_follows_the_document(gazetteer: Gazetteer) -> None:
    default = gazetteer.resolve("Tripoli")
    assert default is not None
    assert default.country == "LBY"
    lebanon = gazetteer.resolve("Tripoli", context={"LBN": 2})
    assert lebanon is not None
    assert lebanon.country == "LBN"
    assert lebanon.geonameid != default.geonameid


def test_washington_capital_unless_the_text_says_state(gazetteer: Gazetteer) -> None:
    city = gazetteer.resolve("Washington", context={"USA": 3})
    assert city is not None
    assert city.kind == "city"
    assert city.capital
    state = gazetteer.resolve("Washington", context={"USA": 3}, prefer_admin=True)
    assert state is not None
    assert state.kind == "subdivision"


def test_countries_have_coordinates(gazetteer: Gazetteer) -> None:
    iraq = gazetteer.resolve("Iraq")
    assert iraq is not None
    assert iraq.kind == "country"
    assert iraq.country == "IRQ"
    assert iraq.lat is not None
    assert 29 < iraq.lat < 38
    assert iraq.lon is not None
    assert 38 < iraq.lon < 49


@pytest.mark.parametrize("name", ["Sinai", "Rojava", "the Levant", "Anbar", "Kurdistan"])
def test_curated_regions(gazetteer: Gazetteer, name: str) -> None:
    place = gazetteer.resolve(name)
    assert place is not None
    assert place.lat is not None


@pytest.mark.parametrize(
    ("name", "country"), [("Mosul", "IRQ"), ("Raqqa", "SYR"), ("Aleppo", "SYR")]
)
def test_cities_by_alternate_names(gazetteer: Gazetteer, name: str, country: str) -> None:
    place = gazetteer.resolve(name)
    assert place is not None
    assert place.country == country


def test_unknown_names_resolve_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Qwxzyville") is None
    assert gazetteer.candidates("") == []
