"""The shapes of the knowledge base: states, organisations, people with roles, regions.

The shipped YAML and a user's own YAML are validated against these models, so a typo in a code
or a date is reported with the file and line instead of surfacing later as a wrong link.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator

#: PLOVER/CAMEO-style sector codes an actor may carry.
SECTORS = frozenset(
    [
        "GOV",
        "MIL",
        "PTY",
        "REB",
        "INS",
        "IGO",
        "NGO",
        "MED",
        "CVL",
        "COP",
        "SPY",
        "JUD",
        "LEG",
        "BUS",
        "REL",
        "OPP",
        "UAF",
    ]
)
RoleKind = Literal[
    "head_of_state",
    "head_of_government",
    "foreign_minister",
    "defence_minister",
    "interior_minister",
    "military_chief",
    "intelligence_chief",
    "spokesperson",
    "leader",
    "official",
]
_ID = re.compile(r"^[A-Z0-9_]+$")
_ISO3 = re.compile(r"^[A-Z]{3}$")


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


def _check_country(value: str | None) -> str | None:
    if value is not None and not _ISO3.match(value):
        raise ValueError(f"country {value!r} is not an ISO 3166-1 alpha-3 code (e.g. IRQ)")
    return value


def _check_id(value: str) -> str:
    if not _ID.match(value):
        raise ValueError(f"id {value!r} must be upper-case letters, digits and underscores")
    return value


def _check_sector(value: str | None) -> str | None:
    if value is not None and value not in SECTORS:
        raise ValueError(f"sector {value!r} is not one of {', '.join(sorted(SECTORS))}")
    return value


class StateNames(_Strict):
    """How the news names a state, its people and things of it."""

    names: list[str] = Field(default_factory=list)
    adjectives: list[str] = Field(default_factory=list)
    demonyms: list[str] = Field(default_factory=list)


class SectorCues(_Strict):
    """Words that, after a state word, name one of its sectors ("Iraqi *troops*" → IRQMIL)."""

    name: str = ""
    cues: list[str] = Field(default_factory=list)


class Organisation(_Strict):
    """An IGO, armed group, party or state body, with every alias the news uses."""

    id: str
    name: str
    sector: str | None = None
    country: str | None = None
    aliases: list[str] = Field(default_factory=list)

    _id = field_validator("id")(_check_id)
    _country = field_validator("country")(_check_country)
    _sector = field_validator("sector")(_check_sector)


class Role(_Strict):
    """An office held from ``start`` to ``end`` (``None``: still held)."""

    title: str
    kind: RoleKind
    country: str | None = None
    sector: str | None = "GOV"
    org: str | None = None
    start: dt.date
    end: dt.date | None = None

    _country = field_validator("country")(_check_country)
    _sector = field_validator("sector")(_check_sector)

    @model_validator(mode="after")
    def _ordered(self) -> Role:
        if self.end is not None and self.end < self.start:
            raise ValueError(
                f"role {self.title!r} ends ({self.end}) before it starts ({self.start})"
            )
        return self

    def active(self, day: dt.date) -> bool:
        """Whether the role was held on ``day``."""
        return self.start <= day and (self.end is None or day <= self.end)


class Person(_Strict):
    """A prominent person with aliases and the offices they held."""

    id: str
    name: str
    aliases: list[str] = Field(default_factory=list)
    roles: list[Role] = Field(default_factory=list)

    _id = field_validator("id")(_check_id)

    def role_on(self, day: dt.date | None) -> Role | None:
        """The role held on ``day`` (the latest-starting if several), else the latest role."""
        if not self.roles:
            return None
        if day is not None:
            active = [r for r in self.roles if r.active(day)]
            if active:
                return max(active, key=lambda r: r.start)
        return max(self.roles, key=lambda r: r.start)


class Region(_Strict):
    """A region the news names that city and subdivision lists lack (Sinai, Rojava…)."""

    name: str
    aliases: list[str] = Field(default_factory=list)
    country: str | None = None
    lat: float = Field(ge=-90, le=90)
    lon: float = Field(ge=-180, le=180)
    feature_class: str = "L"

    _country = field_validator("country")(_check_country)


class ResolvedActor(_Strict):
    """An actor identity with its codes, as attached to a mention."""

    actor_id: str
    name: str
    country: str | None = None
    sector: str | None = None
