"""What each outlet chose to report of a story they share, and what it left out.

Omission is the quietest kind of bias: two outlets covering the same story can both be accurate
and still tell different stories by what they include. For each story shared by the compared
outlets (``story_documents``), the merged events (``event_mentions`` → ``merged_events``) and the
casualty and other figures of its documents are listed with the outlets that report each one
(with the mentions as evidence) and the outlets that leave it out. The story and merge passes
fill those tables; before they have run the selection is simply empty, with a note saying why.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import duckdb

from parallax.corpus.evidence import Tally, placeholders

#: Most events and figures listed per story (the most widely reported first); counts stay exact.
LIST_CAP = 50


def shared_stories(
    con: duckdb.DuckDBPyConnection, docs: Mapping[str, Sequence[str]], story_id: str | None
) -> list[tuple[str, str | None]]:
    """(id, label) of ``story_id``, or of every story with documents of two or more outlets."""
    if story_id is not None:
        row = con.execute("SELECT id, label FROM stories WHERE id = ?", [story_id]).fetchone()
        return [(str(row[0]), row[1])] if row else []
    outlet_of = {d: outlet for outlet, ids in docs.items() for d in ids}
    if not outlet_of:
        return []
    rows = con.execute(
        f"""
        SELECT sd.story_id, s.label, sd.doc_id FROM story_documents sd
        LEFT JOIN stories s ON s.id = sd.story_id
        WHERE sd.doc_id IN ({placeholders(list(outlet_of))})
        ORDER BY sd.story_id
        """,
        list(outlet_of),
    ).fetchall()
    outlets: dict[tuple[str, str | None], set[str]] = {}
    for sid, label, doc_id in rows:
        outlets.setdefault((str(sid), label), set()).add(outlet_of[str(doc_id)])
    return [key for key, seen in outlets.items() if len(seen) >= 2]


def _story_docs(
    con: duckdb.DuckDBPyConnection, story_id: str, docs: Mapping[str, Sequence[str]]
) -> dict[str, str]:
    """doc id -> outlet, for the story's documents of the compared outlets."""
    outlet_of = {d: outlet for outlet, ids in docs.items() for d in ids}
    rows = con.execute("SELECT doc_id FROM story_documents WHERE story_id = ?", [story_id])
    return {str(r[0]): outlet_of[str(r[0])] for r in rows.fetchall() if str(r[0]) in outlet_of}


def _events(
    con: duckdb.DuckDBPyConnection, in_story: Mapping[str, str], outlets: Sequence[str]
) -> list[dict[str, Any]]:
    if not in_story:
        return []
    rows = con.execute(
        f"""
        SELECT em.event_id, e.doc_id, e.start, e."end", e.text,
               m."type", m.actor_name, m.recipient_name, m.place_name, m.date_earliest
        FROM event_mentions em
        JOIN events e ON e.doc_id = em.doc_id AND e.idx = em.idx
        JOIN merged_events m ON m.id = em.event_id
        WHERE em.doc_id IN ({placeholders(list(in_story))})
          AND coalesce(e.segment, 'body') IN ('title', 'body')
        ORDER BY em.event_id, e.doc_id, e.start
        """,
        list(in_story),
    ).fetchall()
    events: dict[str, dict[str, Any]] = {}
    for event_id, doc_id, start, end, text, etype, actor, recipient, place, date in rows:
        entry = events.setdefault(
            str(event_id),
            {
                "event_id": str(event_id),
                "type": etype,
                "actor": actor,
                "recipient": recipient,
                "place": place,
                "date": date,
                "tallies": {},
            },
        )
        tally = entry["tallies"].setdefault(in_story[str(doc_id)], Tally())
        tally.add(str(doc_id), int(start), int(end), str(text))
    return [_finish(entry, outlets) for entry in events.values()]


def _figures(
    con: duckdb.DuckDBPyConnection, in_story: Mapping[str, str], outlets: Sequence[str]
) -> list[dict[str, Any]]:
    """Figures grouped by quantity and value (a range counts as its low-high pair)."""
    if not in_story:
        return []
    rows = con.execute(
        f"""
        SELECT doc_id, start, "end", text, quantity, value, low, high, unit, about
        FROM figures
        WHERE doc_id IN ({placeholders(list(in_story))}) AND quantity <> 'other'
          AND coalesce(segment, 'body') IN ('title', 'body')
        ORDER BY doc_id, start
        """,
        list(in_story),
    ).fetchall()
    groups: dict[tuple[Any, ...], dict[str, Any]] = {}
    for doc_id, start, end, text, quantity, value, low, high, unit, about in rows:
        key = (quantity, value, None if value is not None else (low, high), unit)
        entry = groups.setdefault(
            key,
            {
                "quantity": quantity,
                "value": value,
                "low": low,
                "high": high,
                "unit": unit,
                "about": about,
                "tallies": {},
            },
        )
        tally = entry["tallies"].setdefault(in_story[str(doc_id)], Tally())
        tally.add(str(doc_id), int(start), int(end), str(text))
    return [_finish(entry, outlets) for entry in groups.values()]


def _finish(entry: dict[str, Any], outlets: Sequence[str]) -> dict[str, Any]:
    tallies: dict[str, Tally] = entry.pop("tallies")
    entry["reported_by"] = {o: tallies[o].to_dict() for o in outlets if o in tallies}
    entry["left_out_by"] = [o for o in outlets if o not in tallies]
    return entry


def _summary(items: Sequence[dict[str, Any]], outlets: Sequence[str]) -> dict[str, dict[str, int]]:
    return {
        o: {
            "included": sum(o in item["reported_by"] for item in items),
            "left_out": sum(o in item["left_out_by"] for item in items),
        }
        for o in outlets
    }


def _capped(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    items.sort(key=lambda item: -len(item["reported_by"]))
    return items[:LIST_CAP]


def compare_selection(
    con: duckdb.DuckDBPyConnection,
    docs: Mapping[str, Sequence[str]],
    *,
    story_id: str | None = None,
) -> dict[str, Any]:
    """Per shared story: events and figures, who reports each and who leaves it out.

    ``docs`` maps each compared outlet to its document ids."""
    outlets = list(docs)
    stories = []
    for sid, label in shared_stories(con, docs, story_id):
        in_story = _story_docs(con, sid, docs)
        events = _events(con, in_story, outlets)
        figures = _figures(con, in_story, outlets)
        stories.append(
            {
                "story_id": sid,
                "label": label,
                "documents": {o: sum(v == o for v in in_story.values()) for o in outlets},
                "events": {
                    "total": len(events),
                    "by_outlet": _summary(events, outlets),
                    "items": _capped(events),
                },
                "figures": {
                    "total": len(figures),
                    "by_outlet": _summary(figures, outlets),
                    "items": _capped(figures),
                },
            }
        )
    note = None
    if not stories:
        note = (
            "no story shared by these outlets"
            if con.execute("SELECT count(*) FROM story_documents").fetchone() != (0,)
            else "no stories yet: the story pass has not run on this corpus"
        )
    return {"stories": stories, "note": note}
