"""Routes over the cross-source passes: merged events, stories, reconciled figures, outlets.

The answers come from ``parallax.corpus`` (merge, stories, reconcile, perspective), the same
functions the CLI and the static report call. They are imported inside each route, so the API
starts — and the record routes work — even in a build where a pass is missing; such a route
answers 501 naming the module.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import Annotated, Any, Final

import duckdb
from fastapi import APIRouter, HTTPException, Path, Query

from parallax.api import reads
from parallax.api.deps import Con
from parallax.api.models import Page, Problem
from parallax.api.params import (
    MAX_TEXT,
    Actor,
    EventType,
    Limit,
    MergedQuad,
    Offset,
    Outlet,
    Since,
    StoryId,
    Until,
)
from parallax.api.routes_records import ERRORS
from parallax.errors import UsageError
from parallax.schema import Quantity

router = APIRouter(
    prefix="/api",
    tags=["corpus"],
    responses={
        **ERRORS,
        501: {"model": Problem, "description": "This cross-source pass is not installed."},
    },
)

Id = Annotated[str, Path(min_length=1, max_length=64)]
Outlets = Annotated[
    list[str],
    Query(
        alias="outlet",
        min_length=2,
        max_length=10,
        description="Two or more outlet names (repeat the parameter).",
    ),
]
_MAX_OUTLET: Final = MAX_TEXT


@contextmanager
def _needs(module: str) -> Iterator[None]:
    """Turn a missing ``parallax.corpus.<module>`` into a 501 that names it."""
    name = f"parallax.corpus.{module}"
    try:
        yield
    except ImportError as exc:
        if exc.name != name:
            raise
        raise HTTPException(501, f"{name} is not installed in this build") from exc


def _known_story(con: duckdb.DuckDBPyConnection, story: str | None) -> str | None:
    """The story filter: an empty one is none; one that names no story (the API takes whole
    ids, as /api/stories gives them) is a missing resource (404), not a bad request."""
    if not story:
        return None
    found = con.execute("SELECT count(*) FROM stories WHERE id = $1", [story]).fetchone()
    if not found or found[0] == 0:
        raise HTTPException(404, f"{story}: no such story")
    return story


def _page(items: list[dict[str, Any]], limit: int, offset: int) -> dict[str, Any]:
    return {
        "total": len(items),
        "items": items[offset : offset + limit],
        "limit": limit,
        "offset": offset,
    }


@router.get("/merged-events", response_model=Page[dict[str, Any]])
def merged_events(
    con: Con,
    type: EventType = None,
    quad: MergedQuad = None,
    actor: Actor = None,
    outlet: Outlet = None,
    story: StoryId = None,
    since: Since = None,
    until: Until = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Events merged across articles, with how many outlets and source families report them."""
    with _needs("merge"):
        from parallax.corpus.merge import list_merged_events
    total, items = list_merged_events(
        con,
        story_id=story,
        event_type=type,
        quad=quad,
        actor=actor,
        outlet=outlet,
        since=reads.day(since),
        until=reads.day(until),
        limit=limit,
        offset=offset,
    )
    return {"total": total, "items": items, "limit": limit, "offset": offset}


@router.get("/merged-events/{event_id}", response_model=dict[str, Any])
def merged_event(con: Con, event_id: Id) -> dict[str, Any]:
    """One merged event with every mention side by side (outlet, date, title, family)."""
    with _needs("merge"):
        from parallax.corpus.merge import merged_event as load

    try:
        found = load(con, event_id)
    except UsageError as exc:  # a prefix of several ids names no one event
        raise HTTPException(404, str(exc)) from exc
    if found is None:
        raise HTTPException(404, f"{event_id}: no such merged event")
    return found


@router.get("/stories", response_model=Page[dict[str, Any]])
def stories(con: Con, limit: Limit = 100, offset: Offset = 0) -> dict[str, Any]:
    """Stories: documents about the same developments, with their dates and outlets."""
    with _needs("stories"):
        from parallax.corpus.stories import list_stories
    return _page(list_stories(con), limit, offset)


@router.get("/stories/{story_id}", response_model=dict[str, Any])
def story(con: Con, story_id: Id) -> dict[str, Any]:
    """One story with its documents."""
    with _needs("stories"):
        from parallax.corpus.stories import story as load
    found = load(con, story_id)
    if found is None:
        raise HTTPException(404, f"{story_id}: no such story")
    return found


@router.get("/figures/reconciled", response_model=Page[dict[str, Any]])
def reconciled_figures(
    con: Con,
    quantity: Annotated[Quantity | None, Query(description="Only this kind of count.")] = None,
    outlet: Outlet = None,
    limit: Limit = 100,
    offset: Offset = 0,
) -> dict[str, Any]:
    """Figures about the same thing reconciled across sources: low, best and high estimates."""
    with _needs("reconcile"):
        from parallax.corpus.reconcile import reconcile_figures
    return _page(reconcile_figures(con, quantity=quantity, outlet=outlet), limit, offset)


@router.get("/outlets", response_model=Page[dict[str, Any]])
def outlets(
    con: Con, story: StoryId = None, limit: Limit = 100, offset: Offset = 0
) -> dict[str, Any]:
    """Outlet profiles: what each outlet reports, whom it quotes, how it leans toward actors."""
    with _needs("perspective"):
        from parallax.corpus.perspective import outlet_profiles
    story = _known_story(con, story)
    return _page(outlet_profiles(con, story_id=story), limit, offset)


@router.get("/compare", response_model=dict[str, Any])
def compare(con: Con, outlets: Outlets, story: StoryId = None) -> dict[str, Any]:
    """Two or more outlets side by side, optionally on one story."""
    too_long = [o for o in outlets if len(o) > _MAX_OUTLET]
    if too_long:
        # no outlet name is that long: like any text that names no outlet, nothing found
        raise HTTPException(404, f"outlet: longer than {_MAX_OUTLET} characters; no such outlet")
    with _needs("perspective"):
        from parallax.corpus.perspective import compare_outlets
    story = _known_story(con, story)
    try:
        return compare_outlets(con, outlets, story_id=story)
    except UsageError as exc:  # an outlet that names no single outlet: nothing to compare
        raise HTTPException(404, str(exc)) from exc
