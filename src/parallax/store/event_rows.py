"""Events as flat table rows and back.

An ``Event`` nests its trigger, actor, recipient, place, date and ACLED code; the ``events``
table keeps each nested field as prefixed columns (``actor_id``, ``actor_country``,
``place_lat``, ``date_value``…) so analysts can filter and group in plain SQL, and the linked
figures as a JSON list. The column list here is the one the migration creates.
"""

from __future__ import annotations

import json
from typing import Any, Final

from pydantic import BaseModel

from parallax.extract.event_lexicon import QUAD
from parallax.schema import AcledCode, Actor, Event, Figure, Place, Span, Time

#: Nested fields of an event, the model each holds and the sub-fields stored.
_NESTED: Final[dict[str, tuple[type[BaseModel], tuple[str, ...]]]] = {
    "trigger": (Span, ("start", "end", "text")),
    "actor": (Actor, ("start", "end", "text", "actor_id", "name", "country", "sector")),
    "recipient": (Actor, ("start", "end", "text", "actor_id", "name", "country", "sector")),
    "place": (
        Place,
        (
            "start",
            "end",
            "text",
            "geonameid",
            "name",
            "country_code",
            "lat",
            "lon",
            "feature_class",
        ),
    ),
    "date": (Time, ("start", "end", "text", "type", "value", "earliest", "latest")),
    "acled": (AcledCode, ("event_type", "sub_event_type")),
}


def _column(prefix: str, field: str) -> str:
    """``actor`` + ``actor_id`` is ``actor_id``, not ``actor_actor_id``."""
    return field if field.startswith(prefix + "_") else f"{prefix}_{field}"


#: The event columns after the common (doc_id, idx, start, end, text, segment) ones.
EVENT_COLUMNS: Final[tuple[str, ...]] = (
    "type",
    "mode",
    "quad",
    "status",
    *(_column(prefix, f) for prefix, (_, fields) in _NESTED.items() for f in fields),
    "figures",
)


def event_values(event: Event) -> tuple[Any, ...]:
    """The values of :data:`EVENT_COLUMNS` for one event."""
    values: list[Any] = [event.type, event.mode, QUAD.get(event.type), event.status]
    for prefix, (_, fields) in _NESTED.items():
        nested = getattr(event, prefix)
        values.extend(getattr(nested, f) if nested is not None else None for f in fields)
    values.append(json.dumps([f.model_dump(mode="json") for f in event.figures]))
    return tuple(values)


def event_from_row(row: dict[str, Any]) -> Event:
    """The ``Event`` a stored row holds (the inverse of :func:`event_values`)."""
    nested: dict[str, Any] = {}
    for prefix, (model, fields) in _NESTED.items():
        values = {f: row[_column(prefix, f)] for f in fields}
        present = values.get("text") if "text" in values else values.get("event_type")
        nested[prefix] = model(**values) if present is not None else None
    figures = [Figure(**f) for f in json.loads(row["figures"] or "[]")]
    return Event(
        start=row["start"],
        end=row["end"],
        text=row["text"],
        type=row["type"],
        mode=row["mode"],
        status=row["status"],
        figures=figures,
        **nested,
    )
