"""Reading merged events back: listings with filters, and one event with its mentions.

The merge pass (:mod:`parallax.corpus.merge`, which re-exports these two functions as the API
contract names them) writes ``merged_events`` and ``event_mentions``; the CLI, the REST API and
the report read them here, as plain JSON-able dicts.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Sequence
from typing import Any

import duckdb

from parallax.errors import UsageError
from parallax.store.records import RECORD_COLUMNS


def _merged_dict(names: Sequence[str], row: tuple[Any, ...]) -> dict[str, Any]:
    found = dict(zip(names, row, strict=True))
    found["statuses"] = json.loads(found["statuses"] or "{}")
    return found


def list_merged_events(
    con: duckdb.DuckDBPyConnection,
    *,
    story_id: str | None = None,
    event_type: str | None = None,
    quad: str | None = None,
    actor: str | None = None,
    outlet: str | None = None,
    since: dt.date | str | None = None,
    until: dt.date | str | None = None,
    limit: int | None = None,
    offset: int = 0,
) -> tuple[int, list[dict[str, Any]]]:
    """Merged events matching the filters, most corroborated first: (total, page)."""
    where: list[str] = []
    params: list[Any] = []
    if story_id:
        where.append("m.story_id LIKE ? || '%'")
        params.append(story_id)
    if event_type:
        where.append("m.type = ?")
        params.append(event_type.upper())
    if quad:
        where.append("m.quad = ?")
        params.append(quad)
    if actor:
        where.append(
            "(contains(lower(coalesce(m.actor_id, '') || ' ' || coalesce(m.actor_name, '') || ' '"
            " || coalesce(m.recipient_actor_id, '') || ' ' || coalesce(m.recipient_name, '')),"
            " lower(?)))"
        )
        params.append(actor)
    if outlet:
        where.append(
            "m.id IN (SELECT em.event_id FROM event_mentions em JOIN documents d "
            "ON d.id = em.doc_id WHERE contains(lower(d.outlet), lower(?)))"
        )
        params.append(outlet)
    if since:
        where.append("coalesce(m.date_latest, m.date_earliest) >= ?")
        params.append(str(since))
    if until:
        where.append("coalesce(m.date_earliest, m.date_latest) <= ?")
        params.append(str(until) + "~")
    clause = ("WHERE " + " AND ".join(where)) if where else ""
    total_row = con.execute(f"SELECT count(*) FROM merged_events m {clause}", params).fetchone()
    page = "" if limit is None else f"LIMIT {int(limit)}"
    cursor = con.execute(
        f"SELECT m.* FROM merged_events m {clause} ORDER BY m.corroboration DESC, m.mentions "
        f"DESC, m.date_earliest NULLS LAST, m.id {page} OFFSET {int(offset)}",
        params,
    )
    names = [d[0] for d in cursor.description or ()]
    items = [_merged_dict(names, r) for r in cursor.fetchall()]
    return (int(total_row[0]) if total_row else 0), items


def merged_event(con: duckdb.DuckDBPyConnection, event_id: str) -> dict[str, Any] | None:
    """One merged event (id or unique prefix) with every mention side by side: ``mentions`` is
    the list (each the stored event row plus outlet, publication date, title and source
    family), ``mention_count`` its length."""
    ids = [
        str(r[0])
        for r in con.execute(
            "SELECT id FROM merged_events WHERE starts_with(id, $1)", [event_id]
        ).fetchall()
    ]
    if len(ids) > 1:
        raise UsageError(f"{event_id}: matches {len(ids)} merged events; give more of the id")
    if not ids:
        return None
    cursor = con.execute("SELECT * FROM merged_events WHERE id = $1", [ids[0]])
    names = [d[0] for d in cursor.description or ()]
    row = cursor.fetchone()
    if row is None:
        return None
    found = _merged_dict(names, row)
    found["mention_count"] = found.pop("mentions")
    columns = ("doc_id", "idx", "start", "end", "text", "segment", *RECORD_COLUMNS["events"])
    select = ", ".join(f'e."{c}"' for c in columns)
    mentions = con.execute(
        f"SELECT {select}, d.outlet, d.published, d.title, coalesce(f.family_id, e.doc_id) "
        "FROM event_mentions em JOIN events e ON e.doc_id = em.doc_id AND e.idx = em.idx "
        "JOIN documents d ON d.id = e.doc_id LEFT JOIN families f ON f.doc_id = e.doc_id "
        "WHERE em.event_id = $1 ORDER BY d.published NULLS LAST, d.outlet, e.doc_id, e.idx",
        [ids[0]],
    ).fetchall()
    found["mentions"] = []
    for mention in mentions:
        item = dict(
            zip((*columns, "outlet", "published", "title", "family_id"), mention, strict=True)
        )
        item["published"] = item["published"] and item["published"].isoformat()
        item["figures"] = json.loads(item["figures"] or "[]")
        found["mentions"].append(item)
    return found
