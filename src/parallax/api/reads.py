"""Reads the API needs that the store's query module does not offer: pages with totals.

``parallax.store.queries.list_documents`` serves the CLI's table (no author, genre, url, text
filter or offset), so the document page is written here; so are record pages, which
``parallax.store.records.list_records`` cannot cut (see :func:`records_page`). Every statement
takes its values as parameters.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Any, Final

import duckdb

from parallax.store.records import RECORD_COLUMNS, record_filters
from parallax.store.sql import rows_as_dicts

_DOC_FILTER: Final = (
    "WHERE ($outlet IS NULL OR d.outlet ILIKE '%' || $outlet || '%') "
    "AND ($q IS NULL OR contains(lower(d.title), lower($q)) "
    "OR contains(lower(d.text), lower($q)))"
)


def _count(con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, object]) -> int:
    row = con.execute(f"SELECT count(*) FROM ({sql})", params).fetchone()
    return int(row[0]) if row else 0


def documents_page(
    con: duckdb.DuckDBPyConnection,
    *,
    outlet: str | None,
    q: str | None,
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    """Documents in publication order, optionally of matching outlets or containing ``q``
    (title or text, any case; a plain substring, so ``%`` and ``_`` are literal)."""
    base = (
        "SELECT d.id, d.outlet, d.title, d.author, d.published, d.genre, d.url, d.words "
        f"FROM documents d {_DOC_FILTER}"
    )
    params: dict[str, object] = {"outlet": outlet, "q": q}
    total = _count(con, base, params)
    cursor = con.execute(
        f"{base} ORDER BY d.published NULLS LAST, d.title, d.id LIMIT $limit OFFSET $offset",
        {**params, "limit": limit, "offset": offset},
    )
    return total, rows_as_dicts(cursor)


def titles(con: duckdb.DuckDBPyConnection, doc_ids: list[str]) -> dict[str, str | None]:
    """The title of each document in ``doc_ids`` (for labelling a page of records)."""
    if not doc_ids:
        return {}
    rows = con.execute(
        "SELECT id, title FROM documents WHERE id IN (SELECT unnest($1))", [sorted(set(doc_ids))]
    ).fetchall()
    return {str(i): t for i, t in rows}


_COUNTED: Final = (
    "documents",
    "entities",
    "places",
    "times",
    "figures",
    "quotes",
    "events",
    "merged_events",
    "stories",
)


def stats(con: duckdb.DuckDBPyConnection) -> dict[str, Any]:
    """Row counts, distinct outlets and the span of publication dates."""
    result: dict[str, Any] = {}
    for table in _COUNTED:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        result[table] = int(row[0]) if row else 0
    row = con.execute(
        "SELECT count(DISTINCT outlet), min(published), max(published) FROM documents"
    ).fetchone()
    outlets, first, last = row if row else (0, None, None)
    result |= {"outlets": int(outlets), "first_published": first, "last_published": last}
    return result


# Actors named by entities (mentions) and coded on events (as actor or recipient). Names and
# codes come from the events, which carry the resolved actor; an actor only ever named keeps
# its most frequent mention text as its name.
_ACTORS: Final = """
WITH named AS (
    SELECT actor_id, count(*) AS mentions, mode(text) AS text
    FROM entities WHERE actor_id IS NOT NULL GROUP BY actor_id
), roles AS (
    SELECT actor_id AS id, actor_name AS name, actor_country AS country,
           actor_sector AS sector, 1 AS as_actor, 0 AS as_recipient
    FROM events WHERE actor_id IS NOT NULL
    UNION ALL
    SELECT recipient_actor_id, recipient_name, recipient_country, recipient_sector, 0, 1
    FROM events WHERE recipient_actor_id IS NOT NULL
), coded AS (
    SELECT id, mode(name) AS name, mode(country) AS country, mode(sector) AS sector,
           sum(as_actor) AS as_actor, sum(as_recipient) AS as_recipient
    FROM roles GROUP BY id
)
SELECT coalesce(c.id, n.actor_id) AS actor_id,
       coalesce(c.name, n.text) AS name,
       c.country, c.sector,
       coalesce(n.mentions, 0) AS mentions,
       coalesce(c.as_actor, 0)::BIGINT AS events_as_actor,
       coalesce(c.as_recipient, 0)::BIGINT AS events_as_recipient
FROM coded c FULL OUTER JOIN named n ON n.actor_id = c.id
"""


def actors_page(
    con: duckdb.DuckDBPyConnection, *, limit: int, offset: int
) -> tuple[int, list[dict[str, Any]]]:
    """Actors seen, the most often named or involved first."""
    total = _count(con, _ACTORS, {})
    cursor = con.execute(
        f"SELECT * FROM ({_ACTORS}) ORDER BY mentions + events_as_actor + events_as_recipient "
        "DESC, actor_id LIMIT $limit OFFSET $offset",
        {"limit": limit, "offset": offset},
    )
    return total, rows_as_dicts(cursor)


def day(value: dt.date | None) -> str | None:
    """A day as the ``YYYY-MM-DD`` text the shared event filters parse."""
    return value.isoformat() if value else None


def records_page(
    con: duckdb.DuckDBPyConnection,
    table: str,
    *,
    where: dict[str, object],
    outlet: str | None,
    conditions: Sequence[tuple[str, Sequence[object]]],
    limit: int,
    offset: int,
) -> tuple[int, list[dict[str, Any]]]:
    """One page of a record table with its total, under ``list_records``' filters.

    The filters are ``parallax.store.records.record_filters`` (exact ``where`` columns, an
    outlet substring, SQL ``conditions`` over ``r`` and ``d``); the columns are
    ``list_records``' plus ``idx``. ``list_records`` itself cannot serve a page: it has no
    offset and no total, and fetching every row to slice it took 1.2 s a page at 100k events.
    """
    filters, params = record_filters(table, where=where, outlet=outlet, conditions=conditions)
    joined = f"FROM {table} r JOIN documents d ON d.id = r.doc_id"
    row = con.execute(f"SELECT count(*) {joined} {filters}", params).fetchone()
    columns = ", ".join(f'r."{c}"' for c in RECORD_COLUMNS[table])
    if table == "events":  # each mention with the merged event it belongs to, and its size
        columns += ", em.event_id AS merged_event_id, m.mentions AS merged_mentions"
        joined += (
            " LEFT JOIN event_mentions em ON em.doc_id = r.doc_id AND em.idx = r.idx"
            " LEFT JOIN merged_events m ON m.id = em.event_id"
        )
    cursor = con.execute(
        f'SELECT r.doc_id, r.idx, d.outlet, d.published, r.start, r."end", r.text, r.segment, '
        f"{columns} {joined} {filters} ORDER BY d.published NULLS LAST, r.doc_id, r.start, r.idx "
        "LIMIT ? OFFSET ?",
        [*params, limit, offset],
    )
    return (int(row[0]) if row else 0), rows_as_dicts(cursor)
