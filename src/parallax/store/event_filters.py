"""The event filters that span several columns, as SQL over a stored event and its document.

The CLI's 'parallax events' and the REST API's /api/events, /api/network and /api/map share
them, so a date window or an actor filter means the same thing on every face.
"""

from __future__ import annotations

from parallax.errors import UsageError
from parallax.ingest.metadata import parse_date


def event_conditions(
    actor: str | None,
    country: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
) -> list[tuple[str, list[object]]]:
    """SQL clauses (over ``r``, the event, and ``d``, its document) for the event filters that
    look at several columns: actor or recipient, country, place, and a date window."""
    conditions: list[tuple[str, list[object]]] = []
    if actor:
        columns = ("actor_id", "actor_text", "recipient_actor_id", "recipient_text")
        clause = " OR ".join(f"r.{c} ILIKE ?" for c in columns)
        conditions.append((clause, [f"%{actor}%"] * len(columns)))
    if country:
        code = country.upper()
        clause = (
            "list_contains(string_split(r.actor_country, '+'), ?) OR "
            "list_contains(string_split(r.recipient_country, '+'), ?) OR r.place_country_code = ?"
        )
        conditions.append((clause, [code, code, code]))
    if place:
        conditions.append(("r.place_text ILIKE ? OR r.place_name ILIKE ?", [f"%{place}%"] * 2))
    # An event's day: its own date's bounds when it has one, else its document's date.
    day_from = "COALESCE(TRY_CAST(left(r.date_latest, 10) AS DATE), d.published)"
    day_to = "COALESCE(TRY_CAST(left(r.date_earliest, 10) AS DATE), d.published)"
    for option, value, sql in (
        ("--since", since, f"{day_from} >= ?"),
        ("--until", until, f"{day_to} <= ?"),
    ):
        if value is not None:
            day = parse_date(value)
            if day is None:
                raise UsageError(f"{option} {value!r} is not a date (use YYYY-MM-DD)")
            conditions.append((sql, [day]))
    return conditions
