"""Stored events as PLOVER JSON records and as ACLED-style CSV rows.

Both take one row of the ``events`` table joined to its document (``outlet``, ``published``,
``url``, ``title``, ``language``) and its analysis (``version``, ``analyzed_at``); both keep the
other standard's field names exactly, so tools written for it read our output. The field-by-field
mapping, and what is left empty and why, is documented in ``docs/formats.md``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache
from typing import Any, Final

import pycountry
import yaml

from parallax.extract.event_lexicon import QUAD
from parallax.knowledge.loader import DATA_DIR
from parallax.schema import Actor, Event, Place
from parallax.store.event_rows import event_from_row

#: PLOVER's quad codes, in the order of the manual's quad table.
QUAD_CODES: Final[dict[str, int]] = {
    "verbal cooperation": 1,
    "material cooperation": 2,
    "verbal conflict": 3,
    "material conflict": 4,
}
#: Our event status -> PLOVER auxiliary mode, which the manual puts in ``context``.
AUXILIARY: Final[dict[str, str]] = {
    "hypothetical": "hypothetical",
    "negated": "negation",
    "future": "future",
}
#: PLOVER codes for entities with no country (the manual's non-state international actors).
_TRANSNATIONAL: Final[dict[str, str]] = {
    "IGO": "IGO",
    "NGO": "NGO",
    "BUS": "MNC",
    "MIL": "IGO",
    "REB": "IMG",
    "INS": "IMG",
    "UAF": "IMG",
}
_NAMED_IGOS: Final[dict[str, str]] = {"UN": "UNO", "EU": "EUR"}

_ACLED_NAMES: Final = (
    "event_id_cnty event_date year time_precision disorder_type event_type sub_event_type "
    "actor1 assoc_actor_1 inter1 actor2 assoc_actor_2 inter2 interaction civilian_targeting "
    "iso region country admin1 admin2 admin3 location latitude longitude geo_precision "
    "source source_scale notes fatalities tags timestamp"
)
#: ACLED's columns, in ACLED's order (the public export since March 2023).
ACLED_COLUMNS: Final[tuple[str, ...]] = tuple(_ACLED_NAMES.split())
_DISORDER: Final[dict[str, str]] = {
    "Battles": "Political violence",
    "Explosions/Remote violence": "Political violence",
    "Violence against civilians": "Political violence",
    "Protests": "Demonstrations",
    "Riots": "Demonstrations",
    "Strategic developments": "Strategic developments",
}
_STATE_SECTORS: Final = frozenset({"GOV", "MIL", "COP", "SPY", "LEG", "JUD"})
_CIVILIAN_SECTORS: Final = frozenset({"CVL", "MED", "NGO", "BUS", "REL"})
#: GeoNames feature class -> ACLED geo_precision (1 town or spot, 2 near/part of a region,
#: 3 only a larger region or the country).
_GEO_PRECISION: Final[dict[str, int]] = {"P": 1, "S": 1, "L": 2, "T": 2, "H": 2, "V": 2, "A": 3}


@dataclass(frozen=True)
class Member:
    """One member of a (possibly compound) actor: "Hungarian and Romanian officials" has two."""

    actor_id: str | None
    name: str | None
    country: str | None
    sector: str | None


def members(actor: Actor | None) -> list[Member]:
    """Split an actor whose codes are joined with ``+`` into its members, pairing each actor id
    with its country (countries are stored deduplicated, so a lone one applies to all) and its
    name (stored joined with " and ", used only when the counts agree)."""
    if actor is None:
        return []
    ids = actor.actor_id.split("+") if actor.actor_id else []
    countries: list[str | None] = list(actor.country.split("+")) if actor.country else []
    names = actor.name.split(" and ") if actor.name else []
    if not ids:
        return [Member(None, actor.name, c, actor.sector) for c in (countries or [None])]
    found = []
    for i, actor_id in enumerate(ids):
        if len(countries) == len(ids):
            country: str | None = countries[i]
        elif len(countries) == 1:
            country = countries[0]
        else:
            country = next((c for c in countries if c and actor_id.startswith(c)), None)
        if len(names) == len(ids):
            name: str | None = names[i]
        else:
            name = actor.name if len(ids) == 1 else None
        sector = actor.sector
        if country and actor_id.startswith(country) and len(actor_id) == len(country) + 3:
            sector = actor_id[len(country) :]  # "USAMIL": the code names its sector
        found.append(Member(actor_id, name, country, sector))
    return found


def event_days(event: Event, published: dt.date | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day the event's date allows; the publication day when it has none."""
    first = _day(event.date.earliest or event.date.value) if event.date else None
    last = _day(event.date.latest or event.date.value) if event.date else None
    if first is not None:
        return first, max(last or first, first)
    if published is not None:
        return published, published
    return None


def _day(value: str | None) -> dt.date | None:
    if not value or len(value) < 10:
        return None
    try:
        return dt.date.fromisoformat(value[:10])
    except ValueError:
        return None


@lru_cache(maxsize=1)
def _state_names() -> dict[str, str]:
    """ISO3 -> the short English name news uses (the first name in the shipped states.yaml)."""
    loaded = yaml.safe_load((DATA_DIR / "states.yaml").read_text(encoding="utf-8")) or {}
    return {code: entry["names"][0] for code, entry in loaded.items() if entry.get("names")}


def country_name(code: str | None) -> str | None:
    """The display name of an ISO3 country code ("SYR" -> "Syria")."""
    return _state_names().get(code, code) if code else None


def iso_numeric(code: str | None) -> int | None:
    """ISO 3166-1 numeric code of an ISO3 code, as ACLED's ``iso`` column holds."""
    country = pycountry.countries.get(alpha_3=code) if code else None
    return int(country.numeric) if country is not None else None


def _entities(actor: Actor | None) -> list[dict[str, Any]]:
    """PLOVER entity objects: one per member, each with the phrase the text names them by."""
    entities = []
    for member in members(actor):
        code = member.country
        if code is None:
            code = _NAMED_IGOS.get(member.actor_id or "") or _TRANSNATIONAL.get(member.sector or "")
        entities.append(
            {
                "entity_text": actor.text if actor else None,
                "code": code,
                "sector": member.sector,
                "identifier_id": member.actor_id,
                "identifier_text": member.name,
            }
        )
    return entities


def _location(place: Place | None) -> dict[str, Any] | None:
    if place is None:
        return None
    return {
        "extracted_place": place.text,
        "resolved_place": place.name,
        "geonameid": place.geonameid,
        "lat": place.lat,
        "lon": place.lon,
        "country": country_name(place.country_code),
        "country_code": place.country_code,
        "feature_class": place.feature_class,
    }


def plover_record(row: dict[str, Any]) -> dict[str, Any]:
    """One stored event as a PLOVER JSON record (the manual's field names), with Parallax's
    provenance in the ``parallax`` extension object."""
    event = event_from_row(row)
    days = event_days(event, row["published"])
    analysed: dt.datetime | None = row.get("analyzed_at")
    quad = QUAD.get(event.type)
    return {
        "id": f"parallax-{row['doc_id']}-{row['idx']}",
        "date": days[0].isoformat() if days else None,
        "enddate": days[1].isoformat() if days and days[1] != days[0] else None,
        "actor": _entities(event.actor),
        "recipient": _entities(event.recipient),
        "event": [event.type],
        "mode": [event.mode] if event.mode else [],
        "context": [AUXILIARY[event.status]] if event.status in AUXILIARY else [],
        "quad_code": QUAD_CODES.get(quad) if quad else None,
        "event_text": [event.trigger.text] if event.trigger else [],
        "event_loc": _location(event.place),
        "text": event.text,
        "text_info": {"start": event.start, "end": event.end},
        "cite_info": {
            "url": row.get("url"),
            "title": row.get("title"),
            "language": row.get("language"),
            "publication": row.get("outlet"),
        },
        "coder": f"parallax {row['version']}" if row.get("version") else "parallax",
        "coded_date": analysed.date().isoformat() if analysed else None,
        "parallax": {
            "doc_id": row["doc_id"],
            "idx": row["idx"],
            "start": event.start,
            "end": event.end,
            "segment": row.get("segment"),
            "status": event.status,
            "outlet": row.get("outlet"),
            "published": row["published"].isoformat() if row.get("published") else None,
            "url": row.get("url"),
            "date_source": _date_source(event, days),
            "trigger": event.trigger.model_dump() if event.trigger else None,
            "actor": event.actor.model_dump() if event.actor else None,
            "recipient": event.recipient.model_dump() if event.recipient else None,
            "date": event.date.model_dump() if event.date else None,
            "acled": event.acled.model_dump() if event.acled else None,
            "figures": [f.model_dump() for f in event.figures],
        },
    }


def _date_source(event: Event, days: tuple[dt.date, dt.date] | None) -> str | None:
    """Where an exported date comes from: the text, the publication date, or nowhere."""
    if days is None:
        return None
    return "text" if event_days(event, None) is not None else "published"


def inter_code(member: Member | None, place_country: str | None, event_type: str) -> int | None:
    """ACLED's actor type (1 state forces … 8 external/other forces) from our sector codes."""
    if member is None:
        return None
    sector = member.sector
    if sector is None and member.actor_id and member.actor_id == member.country:
        sector = "GOV"  # a state named as such ("Russia"): its forces
    if sector is None:
        return None
    if sector in _STATE_SECTORS:
        # Forces of another state than the place's, or of a coded actor with no country (a
        # multinational coalition), are ACLED's "external" forces.
        stateless = member.country is None and member.actor_id is not None
        abroad = stateless or (place_country and member.country != place_country)
        return 8 if abroad else 1
    if sector in ("REB", "INS"):
        return 2
    if sector == "UAF":
        return 3
    if sector in ("OPP", "PTY"):
        return {"Riots": 5, "Protests": 6}.get(event_type, 3)
    if sector in _CIVILIAN_SECTORS:
        return 7
    if sector == "IGO":
        return 8
    return None


def time_precision(days: tuple[dt.date, dt.date], from_text: bool) -> int:
    """ACLED's time precision: 1 the day is known, 2 the week (or weekend), 3 the month (or
    vaguer). An undated event, coded on its report's publication day, is 2: it happened by then."""
    if not from_text:
        return 2
    span = (days[1] - days[0]).days
    return 1 if span == 0 else 2 if span <= 7 else 3


def _fatalities(event: Event) -> int:
    """The largest death toll linked to the event (its value, else its lower bound); 0 when
    none is reported, as in ACLED."""
    counts = [f.value if f.value is not None else f.low for f in event.figures]
    killed = [c for c, f in zip(counts, event.figures, strict=True) if f.quantity == "killed"]
    return int(max((c for c in killed if c is not None), default=0))


def _actor_names(found: list[Member], actor: Actor | None) -> tuple[str, str]:
    if not found or actor is None:
        return "", ""
    names = [m.name or m.actor_id or actor.text for m in found]
    if all(m.name is None for m in found) and actor.name is None:
        names = [actor.text]  # uncoded ("local residents"): the text is all we have
    return names[0], "; ".join(dict.fromkeys(names[1:]))


#: ACLED's names for a first actor the report does not identify, with their inter codes:
#: "Unidentified Armed Group (Iraq)" is a political militia (3), "Protesters (Iraq)" 6.
_UNIDENTIFIED: Final[dict[str, tuple[str, int]]] = {
    "Battles": ("Unidentified Armed Group", 3),
    "Explosions/Remote violence": ("Unidentified Armed Group", 3),
    "Violence against civilians": ("Unidentified Armed Group", 3),
    "Protests": ("Protesters", 6),
    "Riots": ("Rioters", 5),
}


def _unidentified(
    event_type: str, actors: list[Member], country: str | None
) -> tuple[str, int] | None:
    """ACLED's generic first actor when the doer the sentence names has no identity or sector
    ("a *roadside bomb* exploded near Samarra", "*thousands of people* marched"). ACLED
    always names actor1, by these conventions. With no doer phrase at all ("2,000 air strikes
    have been carried out") actor1 stays empty: the article may well say who, elsewhere."""
    generic = _UNIDENTIFIED.get(event_type)
    if generic is None or not actors or any(m.actor_id or m.sector for m in actors):
        return None
    name, inter = generic
    state = country_name(country) or country_name(next((m.country for m in actors), None))
    return (f"{name} ({state})" if state else name), inter


def acled_rows(rows: Iterable[dict[str, Any]]) -> Iterator[dict[str, Any]]:
    """ACLED-style rows (:data:`ACLED_COLUMNS`) for the events among ``rows`` that have an ACLED
    event type. ``event_id_cnty`` numbers them per country in the order given."""
    numbers: dict[str, int] = {}
    for row in rows:
        event = event_from_row(row)
        if event.acled is None:
            continue
        place = event.place
        place_country = place.country_code if place else None
        actors, recipients = members(event.actor), members(event.recipient)
        prefix = place_country or next(
            (m.country for m in (*actors, *recipients) if m.country), "XXX"
        )
        numbers[prefix] = numbers.get(prefix, 0) + 1
        event_type = event.acled.event_type
        unidentified = _unidentified(event_type, actors, place_country)
        inter1 = (
            unidentified[1]
            if unidentified is not None
            else inter_code(actors[0] if actors else None, place_country, event_type)
        )
        inter2 = inter_code(recipients[0] if recipients else None, place_country, event_type)
        if inter1 and inter2:
            interaction = "".join(str(c) for c in sorted((inter1, inter2)))
        else:
            interaction = f"{inter1}0" if inter1 and not recipients else ""
        disorder = _DISORDER.get(event_type, "")
        days = event_days(event, row["published"])
        from_text = event.date is not None and event_days(event, None) is not None
        day = days[0] + (days[1] - days[0]) / 2 if days else None
        tags: list[str] = [event.status] if event.status != "asserted" else []
        if row.get("segment") == "comment":
            tags.append("reader comment")
        if days and not from_text:
            tags.append("date from publication")
        elif days and (days[1] - days[0]).days > 31:
            tags.append(f"imprecise date ({event.date.value if event.date else ''})")
        actor1, assoc1 = (
            (unidentified[0], "") if unidentified is not None else _actor_names(actors, event.actor)
        )
        actor2, assoc2 = _actor_names(recipients, event.recipient)
        analysed: dt.datetime | None = row.get("analyzed_at")
        values: dict[str, Any] = {
            "event_id_cnty": f"{prefix}{numbers[prefix]}",
            "event_date": day.isoformat() if day else "",
            "year": day.year if day else "",
            "time_precision": time_precision(days, from_text) if days else "",
            "disorder_type": disorder,
            "event_type": event_type,
            "sub_event_type": event.acled.sub_event_type or "",
            "actor1": actor1,
            "assoc_actor_1": assoc1,
            "inter1": inter1 or "",
            "actor2": actor2,
            "assoc_actor_2": assoc2,
            "inter2": inter2 or (0 if inter1 and not recipients else ""),
            "interaction": interaction,
            "civilian_targeting": (
                "Civilian targeting" if inter2 == 7 and disorder == "Political violence" else ""
            ),
            "iso": iso_numeric(place_country) or "",
            "region": "",
            "country": country_name(place_country) or "",
            "admin1": "",
            "admin2": "",
            "admin3": "",
            "location": (place.name or place.text) if place else "",
            "latitude": place.lat if place and place.lat is not None else "",
            "longitude": place.lon if place and place.lon is not None else "",
            "geo_precision": _GEO_PRECISION.get(place.feature_class or "", "") if place else "",
            "source": row.get("outlet") or "",
            "source_scale": "",
            "notes": " ".join(event.text.split()),
            "fatalities": _fatalities(event),
            "tags": "; ".join(tags),
            "timestamp": int(analysed.replace(tzinfo=dt.UTC).timestamp()) if analysed else "",
        }
        yield values
