"""Aggregates for the UI's network and map views, computed in SQL so a large corpus still
answers with one small JSON document.

Filters arrive as ``(clause, params)`` pairs over ``r`` (the event or place row) and ``d`` (its
document), the form the CLI's event filters already use, so a date window means the same thing
in ``parallax events --since`` and ``/api/network?since=``.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Final

import duckdb

from parallax.store.sql import rows_as_dicts

Conditions = Sequence[tuple[str, Sequence[object]]]


def _where(conditions: Conditions, *always: str) -> tuple[str, list[object]]:
    clauses = [*always, *(f"({clause})" for clause, _ in conditions)]
    params = [value for _, values in conditions for value in values]
    return ("WHERE " + " AND ".join(clauses)) if clauses else "", params


# One row per (event, role) for coded actors; compound actors ("RUS+SYRGOV") stay one node,
# because their joined name and codes cannot be split back reliably.
_ROLES: Final = """
SELECT r.doc_id || ':' || r.idx AS event, r.actor_id AS id, r.actor_name AS name,
       r.actor_country AS country, r.actor_sector AS sector
FROM events r JOIN documents d ON d.id = r.doc_id {where} AND r.actor_id IS NOT NULL
UNION ALL
SELECT r.doc_id || ':' || r.idx, r.recipient_actor_id, r.recipient_name,
       r.recipient_country, r.recipient_sector
FROM events r JOIN documents d ON d.id = r.doc_id {where} AND r.recipient_actor_id IS NOT NULL
"""

_EDGES: Final = """
SELECT r.actor_id AS source, r.recipient_actor_id AS target,
       count(*) FILTER (WHERE r.quad LIKE '% cooperation') AS cooperation,
       count(*) FILTER (WHERE r.quad LIKE '% conflict') AS conflict,
       count(*) AS events, histogram(r.type) AS types
FROM events r JOIN documents d ON d.id = r.doc_id {where}
GROUP BY r.actor_id, r.recipient_actor_id
ORDER BY events DESC, source, target
"""


def network(con: duckdb.DuckDBPyConnection, conditions: Conditions) -> dict[str, Any]:
    """Actors (nodes) and actor → recipient event counts (edges) over the filtered events."""
    where, params = _where(conditions, "TRUE")
    roles = _ROLES.format(where=where)
    nodes = rows_as_dicts(
        con.execute(
            "SELECT id, mode(name) AS name, mode(country) AS country, mode(sector) AS sector, "
            f"count(DISTINCT event) AS events FROM ({roles}) GROUP BY id "
            "ORDER BY events DESC, id",
            params + params,
        )
    )
    edge_where, edge_params = _where(
        conditions, "r.actor_id IS NOT NULL", "r.recipient_actor_id IS NOT NULL"
    )
    edges = rows_as_dicts(con.execute(_EDGES.format(where=edge_where), edge_params))
    for edge in edges:
        edge["types"] = {str(k): int(v) for k, v in sorted(edge["types"].items())}
    return {"nodes": nodes, "edges": edges}


_MAP: Final = """
WITH named AS (
    SELECT r.geonameid AS geonameid, mode(r.name) AS name, mode(r.country_code) AS country_code,
           any_value(r.lat) AS lat, any_value(r.lon) AS lon, count(*) AS mentions
    FROM places r JOIN documents d ON d.id = r.doc_id {place_where}
    GROUP BY r.geonameid
), located AS (
    SELECT r.place_geonameid AS geonameid, mode(r.place_name) AS name,
           mode(r.place_country_code) AS country_code, any_value(r.place_lat) AS lat,
           any_value(r.place_lon) AS lon, count(*) AS events
    FROM events r JOIN documents d ON d.id = r.doc_id {event_where}
    GROUP BY r.place_geonameid
)
SELECT coalesce(n.geonameid, l.geonameid) AS geonameid, coalesce(n.name, l.name) AS name,
       coalesce(n.country_code, l.country_code) AS country_code,
       coalesce(n.lat, l.lat) AS lat, coalesce(n.lon, l.lon) AS lon,
       coalesce(n.mentions, 0) AS mentions, coalesce(l.events, 0) AS events
FROM named n FULL OUTER JOIN located l ON l.geonameid = n.geonameid
ORDER BY events DESC, mentions DESC, geonameid
"""


def map_places(
    con: duckdb.DuckDBPyConnection, place_conditions: Conditions, event_conditions: Conditions
) -> list[dict[str, Any]]:
    """Resolved places with coordinates: how often each is named (in documents passing
    ``place_conditions``) and how many events (passing ``event_conditions``) happen there."""
    place_where, place_params = _where(
        place_conditions, "r.geonameid IS NOT NULL", "r.lat IS NOT NULL", "r.lon IS NOT NULL"
    )
    event_where, event_params = _where(
        event_conditions,
        "r.place_geonameid IS NOT NULL",
        "r.place_lat IS NOT NULL",
        "r.place_lon IS NOT NULL",
    )
    sql = _MAP.format(place_where=place_where, event_where=event_where)
    return rows_as_dicts(con.execute(sql, place_params + event_params))
