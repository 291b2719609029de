"""Query parameters every route shares, validated once so a bad value is a 422 naming it.

Each alias bundles the type, the bounds and the OpenAPI description, so the schema a client
(or schemathesis) reads is exactly what the server enforces. Dates must be ``YYYY-MM-DD``: the
store compares days, and accepting timestamps or week dates would only hide typos.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Annotated, Final, Literal

from fastapi import Query
from pydantic import AfterValidator, BeforeValidator, WithJsonSchema

from parallax.extract.event_lexicon import PLOVER_TYPES
from parallax.schema import EventStatus, SegmentKind

_DAY: Final = re.compile(r"\d{4}-\d{2}-\d{2}")

#: The largest page a client may ask for: enough for a table, small enough to stay fast.
MAX_LIMIT: Final = 1000
#: A bound on offsets so no value overflows the database's 64-bit integers.
MAX_OFFSET: Final = 1_000_000_000
#: Longest text filter accepted; a search term is words, not documents.
MAX_TEXT: Final = 200


def _day(value: object) -> object:
    """``YYYY-MM-DD`` strings become dates; anything else is refused with the expected form."""
    if value is None or isinstance(value, dt.date):
        return value
    text = str(value)
    if not _DAY.fullmatch(text):
        raise ValueError(f"{text!r} is not a date (use YYYY-MM-DD)")
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValueError(f"{text!r} is not a calendar day (use YYYY-MM-DD)") from None


def _plover_type(value: str) -> str:
    """PLOVER types are upper case; accept any case, as the CLI does."""
    upper = value.upper()
    if upper not in PLOVER_TYPES:
        raise ValueError(f"{value!r} is not a PLOVER type ({', '.join(PLOVER_TYPES)})")
    return upper


_DAY_SCHEMA: Final = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}

Day = Annotated[dt.date, BeforeValidator(_day), WithJsonSchema(_DAY_SCHEMA)]
PloverType = Annotated[
    str,
    AfterValidator(_plover_type),
    WithJsonSchema({"type": "string", "enum": list(PLOVER_TYPES)}),
]
#: The quad classes stored with events (``event_lexicon.QUAD``), plus the two halves.
QuadClass = Literal[
    "verbal cooperation",
    "material cooperation",
    "verbal conflict",
    "material conflict",
    "cooperation",
    "conflict",
]

Limit = Annotated[int, Query(ge=1, le=MAX_LIMIT, description=f"Page size, 1..{MAX_LIMIT}.")]
Offset = Annotated[int, Query(ge=0, le=MAX_OFFSET, description="Rows to skip before the page.")]
Since = Annotated[
    Day | None, Query(description="On or after this day (YYYY-MM-DD); events use their own date.")
]
Until = Annotated[
    Day | None, Query(description="On or before this day (YYYY-MM-DD); events use their own date.")
]
Outlet = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="Only outlets whose name contains this text."),
]
Text = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="Only rows whose text contains this (any case)."),
]
DocId = Annotated[str | None, Query(max_length=64, description="Only this document id.")]
Segment = Annotated[
    SegmentKind | None,
    Query(description="Only records in segments of this kind (comment = reader comments)."),
]
EventType = Annotated[PloverType | None, Query(description="Only events of this PLOVER type.")]
Quad = Annotated[
    QuadClass | None,
    Query(description="Only this PLOVER quad class; 'cooperation'/'conflict' take both halves."),
]
MergedQuad = Annotated[
    Literal["verbal cooperation", "material cooperation", "verbal conflict", "material conflict"]
    | None,
    Query(description="Only this PLOVER quad class."),
]
Status = Annotated[EventStatus | None, Query(description="Only events with this status.")]
Actor = Annotated[
    str | None,
    Query(max_length=MAX_TEXT, description="Actor or recipient id or text contains this."),
]
StoryId = Annotated[str | None, Query(max_length=64, description="Only this story id.")]


def quad_condition(quad: str | None) -> list[tuple[str, list[object]]]:
    """SQL over events ``r`` for a quad filter: an exact class, or both halves of one."""
    if quad is None:
        return []
    if quad in ("cooperation", "conflict"):
        return [("r.quad LIKE ?", [f"% {quad}"])]
    return [("r.quad = ?", [quad])]
