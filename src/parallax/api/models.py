"""Response models: the shapes ``/openapi.json`` publishes and the server is held to.

Record rows keep their full stored columns (``extra="allow"``): the table schema in
``docs/schema.md`` is their contract, and repeating fifty event columns here would only let the
two drift. What every client relies on — provenance (``doc_id``, ``start``, ``end``, ``text``)
and the envelope of a page — is typed.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Generic, TypeVar

from pydantic import BaseModel, ConfigDict, Field

T = TypeVar("T")


class Problem(BaseModel):
    """Every 4xx answer: one line that names the input at fault."""

    detail: str


class Page(BaseModel, Generic[T]):
    """One page of a list: the total before paging, and the page itself."""

    total: int = Field(ge=0)
    items: list[T]
    limit: int
    offset: int


class DocumentItem(BaseModel):
    """A document in a listing (its text and records come from ``/api/documents/{id}``)."""

    id: str
    outlet: str | None
    title: str | None
    author: str | None
    published: dt.date | None
    genre: str | None
    url: str | None
    words: int


class RecordRow(BaseModel):
    """A stored record with its document's outlet and date; kind-specific columns follow."""

    model_config = ConfigDict(extra="allow")

    doc_id: str
    idx: int = Field(description="The record's position in its document: (doc_id, idx) is its key.")
    outlet: str | None
    published: dt.date | None
    start: int
    end: int
    text: str
    segment: str | None


class EventRow(RecordRow):
    """A stored event mention: the ``events`` columns plus the document's title."""

    title: str | None
    type: str
    quad: str | None
    status: str
    figures: list[dict[str, Any]]
    merged_event_id: str | None = Field(
        default=None, description="The merged event this mention belongs to."
    )
    merged_mentions: int | None = Field(
        default=None, description="How many mentions (all outlets) that merged event has."
    )


class Stats(BaseModel):
    """What the store holds, for the UI's front page."""

    documents: int
    outlets: int
    entities: int
    places: int
    times: int
    figures: int
    quotes: int
    events: int
    merged_events: int
    stories: int
    first_published: dt.date | None
    last_published: dt.date | None


class ActorItem(BaseModel):
    """An actor seen in the corpus, with how often it is named and acts or is acted on."""

    actor_id: str
    name: str | None
    country: str | None
    sector: str | None
    mentions: int
    events_as_actor: int
    events_as_recipient: int


class NetworkNode(BaseModel):
    """An actor in the event network."""

    id: str
    name: str | None
    country: str | None
    sector: str | None
    events: int


class NetworkEdge(BaseModel):
    """Events from one actor to another, split by quad class and counted by PLOVER type."""

    source: str
    target: str
    cooperation: int
    conflict: int
    events: int
    types: dict[str, int]


class Network(BaseModel):
    """Who did what to whom: actors and the events between them."""

    nodes: list[NetworkNode]
    edges: list[NetworkEdge]


class MapPlace(BaseModel):
    """A resolved place with how often it is named and how many events happen there."""

    geonameid: int
    name: str | None
    country_code: str | None
    lat: float
    lon: float
    mentions: int
    events: int


class SearchDocument(BaseModel):
    """A document that contains the search text; ``start``/``end`` mark the first hit."""

    id: str
    outlet: str | None
    title: str | None
    published: dt.date | None
    hits: int
    start: int | None
    end: int | None
    snippet: str


class SearchRecord(BaseModel):
    """A record whose text contains the search text."""

    kind: str
    doc_id: str
    idx: int
    start: int
    end: int
    text: str
    outlet: str | None


class SearchResult(BaseModel):
    """Documents and records matching ``q``, best first."""

    q: str
    documents: list[SearchDocument]
    records: list[SearchRecord]
