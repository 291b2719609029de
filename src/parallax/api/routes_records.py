"""Routes over what each document holds: documents, records, actors, network, map, search.

Record lists filter as the store's ``list_records`` does and reuse the CLI's event filters, so a
filter means the same here as on the command line; ``reads.records_page`` cuts the pages.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from typing import Annotated, Any, Final

import duckdb
from fastapi import APIRouter, HTTPException, Path, Query

from parallax.api import graph, reads
from parallax.api import search as finder
from parallax.api.deps import Con
from parallax.api.models import (
    ActorItem,
    DocumentItem,
    EventRow,
    MapPlace,
    Network,
    Page,
    Problem,
    RecordRow,
    SearchResult,
    Stats,
)
from parallax.api.params import (
    MAX_TEXT,
    Actor,
    DocId,
    EventType,
    Limit,
    Offset,
    Outlet,
    Quad,
    Segment,
    Since,
    Status,
    Text,
    Until,
    quad_condition,
)
from parallax.schema import Analysis
from parallax.store.event_filters import event_conditions
from parallax.store.queries import load_analysis, resolve_document_id

ERRORS: Final[dict[int | str, dict[str, Any]]] = {
    code: {"model": Problem, "description": text}
    for code, text in (
        (400, "The request cannot be answered as asked."),
        (404, "No such item."),
        (422, "A parameter is invalid; the message names it."),
    )
}

router = APIRouter(prefix="/api", responses=ERRORS)

Conditions = list[tuple[str, Sequence[object]]]
Country = Annotated[
    str | None,
    Query(pattern="^[A-Za-z]{3}$", description="Actor, recipient or place in this ISO3 country."),
]
PlaceName = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="Only events whose place name contains this."),
]
_HEX: Final = frozenset("0123456789abcdef")


def _text_condition(q: str | None) -> Conditions:
    """A literal, any-case substring of the record text (``%`` and ``_`` are not wildcards)."""
    return [("contains(lower(r.text), lower(?))", [q])] if q else []


def _page(total: int, items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {"total": total, "items": items, "limit": limit, "offset": offset}


def _records(
    con: duckdb.DuckDBPyConnection,
    kind: str,
    where: Mapping[str, object | None],
    *,
    outlet: str | None,
    conditions: Conditions,
    limit: int,
    offset: int,
) -> dict[str, Any]:
    """One page of a record kind: the body the events route and the five listings share
    (``where`` filters that are None are left out)."""
    total, items = reads.records_page(
        con,
        kind,
        where={k: v for k, v in where.items() if v is not None},
        outlet=outlet,
        conditions=conditions,
        limit=limit,
        offset=offset,
    )
    return _page(total, items, limit, offset)


@router.get("/stats", response_model=Stats, tags=["corpus"])
def stats(con: Con) -> dict[str, Any]:
    """Counts of what the store holds and the span of publication dates."""
    return reads.stats(con)


@router.get("/documents", response_model=Page[DocumentItem], tags=["documents"])
def documents(
    con: Con,
    outlet: Outlet = None,
    q: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Documents in publication order; ``q`` searches titles and text."""
    total, items = reads.documents_page(con, outlet=outlet, q=q, limit=limit, offset=offset)
    return {"total": total, "items": items, "limit": limit, "offset": offset}


@router.get("/documents/{doc_id}", response_model=Analysis, tags=["documents"])
def document(
    con: Con, doc_id: Annotated[str, Path(max_length=64, description="Id or unique id prefix.")]
) -> Analysis:
    """One document as the ``analyze`` contract: text, segments and every record."""
    found = load_analysis(con, doc_id)
    if found is None and len(doc_id) >= 4 and set(doc_id) <= _HEX:
        matches = resolve_document_id(con, doc_id)
        if len(matches) > 1:
            raise HTTPException(404, f"{doc_id}: matches {len(matches)} documents; give more")
        if matches:
            found = load_analysis(con, matches[0])
    if found is None:
        raise HTTPException(404, f"{doc_id}: no such document")
    return found


@router.get("/events", response_model=Page[EventRow], tags=["records"])
def events(
    con: Con,
    type: EventType = None,
    quad: Quad = None,
    status: Status = None,
    actor: Actor = None,
    outlet: Outlet = None,
    country: Country = None,
    place: PlaceName = None,
    since: Since = None,
    until: Until = None,
    doc: DocId = None,
    segment: Segment = None,
    q: Text = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Event mentions as stored, with their document's outlet, date and title."""
    conditions: Conditions = [
        *event_conditions(actor, country, place, reads.day(since), reads.day(until)),
        *quad_condition(quad),
        *_text_condition(q),
    ]
    where = {"type": type, "status": status, "doc_id": doc, "segment": segment}
    page = _records(
        con, "events", where, outlet=outlet, conditions=conditions, limit=limit, offset=offset
    )
    named = reads.titles(con, [row["doc_id"] for row in page["items"]])
    for row in page["items"]:
        row["title"] = named.get(row["doc_id"])
        row["figures"] = json.loads(row["figures"] or "[]")
    return page


def _record_route(kind: str, what: str) -> Callable[..., dict[str, Any]]:
    """The listing route of one record kind (the five share their filters)."""

    def listing(
        con: Con,
        outlet: Outlet = None,
        doc: DocId = None,
        segment: Segment = None,
        q: Text = None,
        limit: Limit = 100,
        offset: Offset = 0,
    ) -> dict[str, Any]:
        where: dict[str, object | None] = {"doc_id": doc, "segment": segment}
        return _records(
            con,
            kind,
            where,
            outlet=outlet,
            conditions=_text_condition(q),
            limit=limit,
            offset=offset,
        )

    listing.__name__ = f"list_{kind}"
    listing.__doc__ = f"Stored {what} with their document's outlet and date."
    return listing


for _kind, _what in (
    ("places", "places (toponyms resolved to GeoNames)"),
    ("times", "time expressions"),
    ("entities", "named entities"),
    ("figures", "figures (numbers that count something)"),
    ("quotes", "quotes"),
):
    router.add_api_route(
        f"/{_kind}",
        _record_route(_kind, _what),
        methods=["GET"],
        response_model=Page[RecordRow],
        tags=["records"],
    )


@router.get("/actors", response_model=Page[ActorItem], tags=["actors"])
def actors(con: Con, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Actors named or coded on events, the most often seen first."""
    total, items = reads.actors_page(con, limit=limit, offset=offset)
    return {"total": total, "items": items, "limit": limit, "offset": offset}


@router.get("/network", response_model=Network, tags=["actors"])
def network(
    con: Con,
    since: Since = None,
    until: Until = None,
    outlet: Outlet = None,
    status: Status = None,
) -> dict[str, Any]:
    """Actors and the events from actor to recipient, split into cooperation and conflict."""
    conditions: Conditions = [
        *event_conditions(None, None, None, reads.day(since), reads.day(until))
    ]
    if outlet:
        conditions.append(("d.outlet ILIKE ?", [f"%{outlet}%"]))
    if status:
        conditions.append(("r.status = ?", [status]))
    return graph.network(con, conditions)


@router.get("/map", response_model=list[MapPlace], tags=["places"])
def map_places(
    con: Con, since: Since = None, until: Until = None, outlet: Outlet = None
) -> list[dict[str, Any]]:
    """Places with coordinates: mentions (documents in the window) and events there."""
    documents: Conditions = []
    if outlet:
        documents.append(("d.outlet ILIKE ?", [f"%{outlet}%"]))
    place_conditions = list(documents)
    if since:
        place_conditions.append(("d.published >= ?", [since]))
    if until:
        place_conditions.append(("d.published <= ?", [until]))
    event_window = event_conditions(None, None, None, reads.day(since), reads.day(until))
    return graph.map_places(con, place_conditions, [*documents, *event_window])


@router.get("/search", response_model=SearchResult, tags=["documents"])
def search(
    con: Con,
    q: Annotated[
        str, Query(min_length=1, max_length=MAX_TEXT, description="Text to find (any case).")
    ],
    limit: Annotated[int, Query(ge=1, le=200, description="At most this many of each.")] = 20,
) -> dict[str, Any]:
    """Documents and records whose text contains ``q``, best first."""
    return finder.search(con, q, limit=limit)
