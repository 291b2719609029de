"""The data contract (GUIDE §2) as pydantic models.

One shape serves the CLI's JSON, the Python API, the DuckDB tables and the exports, so every
consumer codes against this file. Every extracted record carries provenance: character offsets
``start``/``end`` into the document's cleaned ``text`` and the ``text`` span itself. The JSON
Schema published in ``docs/`` is generated from these models (``parallax schema``).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field

SegmentKind = Literal["title", "byline", "dateline", "body", "caption", "comment", "boilerplate"]
SEGMENT_KINDS: tuple[SegmentKind, ...] = (
    "title",
    "byline",
    "dateline",
    "body",
    "caption",
    "comment",
    "boilerplate",
)


class Record(BaseModel):
    """Base for every record: strict field names, no silent extras."""

    model_config = ConfigDict(extra="forbid")


class Located(BaseModel):
    """Mixin for the records ``analyze`` lists: the kind of segment each lies in, so a fact
    from a reader comment (``comment``) is never mistaken for the outlet's own."""

    segment: SegmentKind | None = None


class Span(Record):
    """A stretch of the cleaned text: the provenance every record carries."""

    start: int = Field(ge=0)
    end: int = Field(ge=0)
    text: str


class Segment(Record):
    """A part of the document (body, caption, comment…); segments tile the whole text."""

    kind: SegmentKind
    start: int = Field(ge=0)
    end: int = Field(ge=0)


class DocumentMeta(Record):
    """Who published what, when: from a manifest, HTML/WARC metadata or the text itself."""

    id: str
    outlet: str | None = None
    title: str | None = None
    author: str | None = None
    published: dt.date | None = None
    url: str | None = None


class Entity(Span, Located):
    """A named mention (PERSON, ORG, GPE, …) optionally linked to an actor."""

    label: str
    actor_id: str | None = None


class Place(Span, Located):
    """A toponym resolved to a GeoNames id with coordinates."""

    geonameid: int | None = None
    name: str | None = None
    country_code: str | None = None
    lat: float | None = None
    lon: float | None = None
    feature_class: str | None = None


class Time(Span, Located):
    """A temporal expression normalised to a TimeML/ISO value and a range."""

    type: Literal["DATE", "TIME", "DURATION", "SET"]
    value: str | None = None
    earliest: str | None = None
    latest: str | None = None


Quantity = Literal[
    "killed", "injured", "displaced", "troops", "strikes", "money", "area", "people", "other"
]


class Figure(Span, Located):
    """A number that counts something, with its range, unit and what it counts."""

    value: float | None = None
    low: float | None = None
    high: float | None = None
    unit: str | None = None
    quantity: Quantity = "other"
    about: str | None = None
    claimed_by: str | None = None


class Actor(Span):
    """An actor mention with its resolved identity and PLOVER/CAMEO-style codes."""

    actor_id: str | None = None
    name: str | None = None
    country: str | None = None
    sector: str | None = None


class Speaker(Span):
    """Who a quote is attributed to."""

    actor_id: str | None = None


class Quote(Span, Located):
    """Direct or indirect speech with its cue and speaker."""

    direct: bool
    cue: str | None = None
    speaker: Speaker | None = None


class AcledCode(Record):
    """ACLED's event type and sub-event type for an event where one applies."""

    event_type: str
    sub_event_type: str | None = None


EventStatus = Literal["asserted", "reported", "hypothetical", "negated", "future"]


class Event(Span, Located):
    """Who did what to whom, where and when, coded in PLOVER (and ACLED where it applies).

    The record's own span is the sentence that reports the event; ``trigger`` is the word that
    names the act ("struck", "air strikes"), so both are provenance."""

    trigger: Span | None = None
    type: str
    mode: str | None = None
    status: EventStatus = "asserted"
    acled: AcledCode | None = None
    actor: Actor | None = None
    recipient: Actor | None = None
    place: Place | None = None
    date: Time | None = None
    figures: list[Figure] = Field(default_factory=list)


class Analysis(Record):
    """Everything Parallax knows about one document, all offsets into ``text``."""

    doc: DocumentMeta
    text: str
    segments: list[Segment] = Field(default_factory=list)
    entities: list[Entity] = Field(default_factory=list)
    places: list[Place] = Field(default_factory=list)
    times: list[Time] = Field(default_factory=list)
    figures: list[Figure] = Field(default_factory=list)
    quotes: list[Quote] = Field(default_factory=list)
    events: list[Event] = Field(default_factory=list)

    def to_dict(self) -> dict[str, Any]:
        """The JSON-ready dict the CLI prints (dates as ISO strings)."""
        return self.model_dump(mode="json")

    def segment_text(self, kind: SegmentKind) -> list[str]:
        """The text of every segment of one kind, in document order."""
        return [self.text[s.start : s.end] for s in self.segments if s.kind == kind]


def segment_kind(segments: Sequence[Segment], start: int) -> SegmentKind | None:
    """The kind of the segment that contains offset ``start`` (segments are sorted)."""
    low, high = 0, len(segments)
    while low < high:
        mid = (low + high) // 2
        if segments[mid].end <= start:
            low = mid + 1
        else:
            high = mid
    if low < len(segments) and segments[low].start <= start:
        return segments[low].kind
    return None


def json_schema() -> dict[str, Any]:
    """The JSON Schema of one ``analyze`` output object, published in ``docs/``."""
    return Analysis.model_json_schema()
