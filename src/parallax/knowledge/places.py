"""The gazetteer: names → places, and the choice among a name's readings in context.

Toponyms are ambiguous: "Tripoli" is in Libya and Lebanon, "Washington" is a capital and a
state. The document says which: the states it mentions, the other places it names, and whether
the text says "Washington state". Candidates are scored by that context first, then by
prominence (country, capital, population, the place's own name rather than an alternate one),
so the common reading wins when the text gives no hint.

The GeoNames towns, countries, subdivisions, continents and US counties come from the compiled
table of ``gazetteer_table`` (a few MB of arrays read at start-up, instead of an index of
objects built from GeoNames' JSON in every process); the knowledge base adds its names of
states, its curated regions and the adjectives, since a user may extend those.
"""

from __future__ import annotations

import math
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Final

import numpy as np

from parallax.knowledge.gazetteer_table import (
    GENERIC,
    KINDS,
    GazetteerTable,
    PlaceKind,
    key_of,
)
from parallax.knowledge.loader import KnowledgeBase
from parallax.schema import Place

#: Words after a name that say it is an administrative area ("Lagos State").
_ADMIN_SUFFIX = re.compile(r" (state|province|governorate|region|district|county|prefecture)$")
#: Context weight of a state the document mentions, against log10(population) for prominence.
CONTEXT_WEIGHT = 3.0
#: Prominence of each kind of place before population: a bare "Georgia" is more often the
#: country than a town of that name, "Florida" the state rather than "Floridablanca".
_KIND_WEIGHT = {"country": 5.0, "region": 3.5, "subdivision": 3.0, "city": 0.0}
#: Extra weight of a candidate whose own name is the toponym (not one of its alternate names).
NAME_WEIGHT = 0.3

#: Adjectives of continents and world regions ("African leaders", "Latin American markets");
#: states' adjectives come from the knowledge base.
_REGION_ADJECTIVES = {
    "African": "Africa",
    "European": "Europe",
    "Asian": "Asia",
    "North American": "North America",
    "South American": "South America",
    "Latin American": "Latin America",
    "Central American": "Central America",
    "Middle Eastern": "Middle East",
    "Caribbean": "Caribbean",
    "Balkan": "Balkans",
    "Scandinavian": "Scandinavia",
    "Antarctic": "Antarctica",
}


#: News-style abbreviations of US states and Canadian provinces ("Dover, Del.").
_ABBREVIATION_TABLE = """
    Ala.=Alabama Ariz.=Arizona Ark.=Arkansas Calif.=California Colo.=Colorado
    Conn.=Connecticut Del.=Delaware Fla.=Florida Ga.=Georgia Ill.=Illinois Ind.=Indiana
    Kan.=Kansas Kans.=Kansas Ky.=Kentucky La.=Louisiana Md.=Maryland Mass.=Massachusetts
    Mich.=Michigan Minn.=Minnesota Miss.=Mississippi Mo.=Missouri Mont.=Montana
    Neb.=Nebraska Nev.=Nevada N.H.=New_Hampshire N.J.=New_Jersey N.M.=New_Mexico
    N.Y.=New_York N.C.=North_Carolina N.D.=North_Dakota Okla.=Oklahoma Ore.=Oregon
    Pa.=Pennsylvania R.I.=Rhode_Island S.C.=South_Carolina S.D.=South_Dakota
    Tenn.=Tennessee Tex.=Texas Vt.=Vermont Va.=Virginia Wash.=Washington W.Va.=West_Virginia
    Wis.=Wisconsin Wyo.=Wyoming D.C.=District_of_Columbia B.C.=British_Columbia
    Alta.=Alberta Sask.=Saskatchewan Man.=Manitoba Ont.=Ontario Que.=Quebec
    N.S.=Nova_Scotia N.B.=New_Brunswick Nfld.=Newfoundland_and_Labrador
    P.E.I.=Prince_Edward_Island
"""
ABBREVIATIONS = dict(item.replace("_", " ").split("=", 1) for item in _ABBREVIATION_TABLE.split())


@dataclass(frozen=True)
class PlaceCandidate:
    """One reading of a toponym, with what is needed to fill a ``Place`` record."""

    name: str
    kind: PlaceKind
    country: str | None  # ISO3
    lat: float | None
    lon: float | None
    feature_class: str
    geonameid: int | None = None
    population: int = 0
    capital: bool = False
    admin1: str | None = None  # GeoNames first-level code (US states: "CA", "NY")

    def record(self, start: int, end: int, text: str) -> Place:
        """The ``Place`` record of a toponym at ``start``..``end`` read as this place."""
        return Place(
            start=start,
            end=end,
            text=text,
            geonameid=self.geonameid,
            name=self.name,
            country_code=self.country,
            lat=self.lat,
            lon=self.lon,
            feature_class=self.feature_class,
        )


class Gazetteer:
    """Name → candidate places, and the context-aware choice among them."""

    def __init__(self, kb: KnowledgeBase, table: GazetteerTable | None = None) -> None:
        self._table = table if table is not None else _shared_table()
        #: Candidates built so far, by number (the table's, then the knowledge base's):
        #: one object per place, so readings compare by identity, and only places a text names.
        self._built: dict[int, PlaceCandidate] = {}
        #: Knowledge-base names: key → candidate numbers, appended after the table's.
        self._extra_names: dict[str, list[int]] = {}
        self._extra: list[PlaceCandidate] = []
        self._countries: dict[str, int] = {}
        for number in np.flatnonzero(self._table.kind == KINDS.index("country")).tolist():
            self._countries.setdefault(self._table.fields(number)["country"], number)
        for iso3, names in kb.states.items():
            if iso3 in self._countries:
                for name in names.names:
                    self._add(name, self._countries[iso3])
        for region in kb.regions.values():
            number = len(self._table) + len(self._extra)
            self._extra.append(
                PlaceCandidate(
                    name=region.name,
                    kind="region",
                    country=region.country,
                    lat=region.lat,
                    lon=region.lon,
                    feature_class=region.feature_class,
                )
            )
            for name in {region.name, *region.aliases}:
                self._add(name, number)
        self._adjectives: dict[str, PlaceCandidate] = {}
        self._add_adjectives(kb)

    def _add(self, name: str, number: int) -> None:
        key = key_of(name)
        if key in GENERIC or number in self._table.numbers(key):
            return
        bucket = self._extra_names.setdefault(key, [])
        if number not in bucket:
            bucket.append(number)

    def _candidate(self, number: int) -> PlaceCandidate:
        built = self._built.get(number)
        if built is None:
            if number >= len(self._table):
                built = self._extra[number - len(self._table)]
            else:
                built = PlaceCandidate(**self._table.fields(number))
            self._built[number] = built
        return built

    def _lookup(self, key: str) -> list[PlaceCandidate] | None:
        """The candidates indexed under ``key`` (table first), or ``None`` for an unknown key."""
        numbers = self._table.numbers(key) + self._extra_names.get(key, [])
        return [self._candidate(n) for n in numbers] if numbers else None

    def _known(self, key: str) -> bool:
        return key in self._extra_names or bool(self._table.numbers(key))

    def _add_adjectives(self, kb: KnowledgeBase) -> None:
        for iso3, names in kb.states.items():
            if iso3 in self._countries:
                country = self._candidate(self._countries[iso3])
                for adjective in names.adjectives:
                    self._adjectives.setdefault(key_of(adjective), country)
        for adjective, region in _REGION_ADJECTIVES.items():
            found = [c for c in self._lookup(key_of(region)) or () if c.kind == "region"]
            if found:
                self._adjectives[key_of(adjective)] = found[0]

    def candidates(self, toponym: str) -> list[PlaceCandidate]:
        """Every reading of a toponym, unranked."""
        key = key_of(toponym)
        found = self._lookup(key)
        if toponym.strip() in ABBREVIATIONS:
            full = self._lookup(key_of(ABBREVIATIONS[toponym.strip()])) or []
            found = [c for c in full if c.kind == "subdivision"]
        if found is None and "-" in key:  # "al-Bab", "Deir al-Zour": GeoNames has spaces
            found = self._lookup(key.replace("-", " "))
        if found is None and key.endswith(("'s", "s'")):
            found = self._lookup(key[:-2])
        if found is None and (admin := _ADMIN_SUFFIX.search(key)):
            # "Lagos State", "Idlib province": the subdivision, if the name has one
            found = self._lookup(key[: admin.start()])
            areas = [c for c in found or () if c.kind in ("subdivision", "region")]
            found = areas or found
        return list(found or ())

    def named(
        self,
        toponym: str,
        *,
        min_population: int = 100_000,
        variants_in: Collection[str] = (),
    ) -> PlaceCandidate | None:
        """The place ``toponym`` names outright, or ``None``: a state, region or subdivision,
        or a town of ``min_population`` whose own GeoNames name it is — or another spelling
        of it ("Douma" for Dūmā, "Raqqa" for Ar Raqqah; not "Julia", an old name of Plovdiv)
        in one of the countries ``variants_in`` (the ones the document names: "Levi" the dog
        is no Lévis in Quebec) — or the subdivision named like the start of that town's name
        ("New York" for the state, since GeoNames' city is "New York City"). Stricter than
        ``resolve``: it decides whether a name the model took for a person or organisation
        ("London said", "CBS") is a place."""
        key = key_of(toponym)
        admin = _ADMIN_SUFFIX.search(key)
        if not (
            self._known(key)
            or toponym.strip() in ABBREVIATIONS
            or (admin and self._known(key[: admin.start()]))  # "Enugu State"
        ):
            return None
        if len(toponym.replace(".", "").strip()) <= 3 and toponym.strip() not in ABBREVIATIONS:
            country = self.resolve(toponym)  # "UK", "UAE" - but not "P.A." or "Ano"
            return country if country is not None and country.kind == "country" else None
        best = self.resolve(toponym)
        if best is None or best.kind != "city":
            return best
        own = key_of(best.name)
        if best.population >= min_population and (
            own == key or (best.country in variants_in and spelling_variant(key, own))
        ):
            return best
        if not own.startswith(key + " "):
            return None
        # "New York" is not New York City's own name, but it is the state's
        areas = [c for c in self.candidates(toponym) if c.kind in ("subdivision", "region")]
        return max(areas, key=lambda c: c.population, default=None)

    def adjective(self, word: str) -> PlaceCandidate | None:
        """The place an adjective names: "Syrian" → Syria, "European" → Europe."""
        return self._adjectives.get(key_of(word))

    def countries_of(self, toponym: str) -> set[str | None]:
        """The countries a toponym's readings lie in, ``None`` for a reading in none (one
        element: it is unambiguous). A sea or world region counts: "Gulf" is the Persian Gulf
        or Gulf Province of Papua New Guinea, so it says nothing about Papua New Guinea."""
        return {c.country for c in self.candidates(toponym)}

    def resolve(
        self,
        toponym: str,
        *,
        context: Mapping[str, int] | None = None,
        prefer_admin: bool = False,
        within: PlaceCandidate | None = None,
    ) -> PlaceCandidate | None:
        """The best reading given the document's state counts (ISO3), an admin-area hint
        ("Washington state", "Nineveh province") and the place the text puts it in ("Portland,
        Oregon": ``within`` Oregon); ``None`` for unknown names."""
        candidates = self.candidates(toponym)
        if not candidates and "," in toponym:
            head, tail = toponym.split(",", 1)
            return self.resolve(head, context=context, within=self.resolve(tail))
        if not candidates:
            return None
        context = context or {}
        key = key_of(toponym)

        def score(c: PlaceCandidate) -> float:
            prominence = math.log10(c.population + 1) / 2 if c.kind != "country" else 0.0
            mentions = min(context.get(c.country or "", 0), 3) / 3
            if c.kind == "city":  # a hamlet in the right country does not beat an ocean
                mentions *= min(1.0, max(0.0, math.log10(c.population + 1) - 3) / 2)
            value = prominence + CONTEXT_WEIGHT * mentions
            value += _KIND_WEIGHT[c.kind]
            value += 1.0 if c.capital else 0.0
            value += NAME_WEIGHT if key_of(c.name) == key else 0.0
            if prefer_admin and c.kind in ("subdivision", "region"):
                value += 5.0
            if within is not None and c is not within and c.country == within.country:
                value += CONTEXT_WEIGHT
                if within.kind == "subdivision" and c.admin1 == within.admin1:
                    value += CONTEXT_WEIGHT
            return value

        # an exact tie goes to the larger state: "Congo" is GeoNames' name for the Republic of
        # the Congo and the knowledge base's for the Democratic Republic, which the news means
        # far more often, unless the document's other places say otherwise
        return max(candidates, key=lambda c: (score(c), c.population if c.kind == "country" else 0))


@lru_cache(maxsize=1)
def _shared_table() -> GazetteerTable:
    """The compiled GeoNames table, read once per process (it is read-only)."""
    return GazetteerTable.load()


#: The Arabic article GeoNames writes before many names ("Ar Raqqah", "Al Qāmishlī").
_ARABIC_ARTICLE = re.compile(r"^(?:a[lrsdntz]|ash|el)[ -]")
#: How alike (difflib ratio) two spellings of one name must be.
VARIANT_SIMILARITY: Final = 0.8


def spelling_variant(key: str, own: str) -> bool:
    """Whether ``key`` spells the name ``own`` another way: same number of words once the
    Arabic article is dropped, and letters mostly shared ("misrata" / "misratah", "douma" /
    "duma"); "salvador" is no spelling of "san salvador"."""
    own = _ARABIC_ARTICLE.sub("", own)
    if len(key.split()) != len(own.split()):
        return False
    return SequenceMatcher(None, key, own).ratio() >= VARIANT_SIMILARITY
