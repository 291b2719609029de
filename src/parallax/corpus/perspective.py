"""Outlet perspectives: how each outlet names, quotes, frames and selects — side by side.

``outlet_profiles`` gathers, per outlet (optionally within one story): the names it uses
(:mod:`naming`), whom it quotes and with which verbs (:mod:`voices`), the stance its sentences
take toward the main actors (the ``stances`` table, :mod:`stance`), and the cues of its genre
(:mod:`genre`). ``compare_outlets`` lines several profiles up on the same actors and adds what
each outlet included or left out of the stories they share (:mod:`selection`). Every count
carries evidence — ``{doc_id, start, end, text}`` spans, capped in length, exact in number — so
each figure can be opened on its sentences.
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import duckdb

from parallax.corpus import naming, voices
from parallax.corpus.evidence import Tally, article_texts, placeholders
from parallax.corpus.genre import genre_profile
from parallax.corpus.pass_state import pending_documents
from parallax.corpus.selection import compare_selection
from parallax.corpus.stance import PASS as STANCE_PASS
from parallax.corpus.stance import STANCE_VERSION
from parallax.errors import UsageError
from parallax.knowledge.loader import KnowledgeBase, load_knowledge

#: Actors given a stance entry per profile (most mentioned first), and per outlet in a comparison.
MAIN_ACTORS = 10
COMPARE_ACTORS_PER_OUTLET = 5
LABELS = ("positive", "negative", "neutral")


@lru_cache(maxsize=1)
def _shipped_knowledge() -> KnowledgeBase:
    return load_knowledge()


def outlet_names(con: duckdb.DuckDBPyConnection) -> list[str]:
    """Every outlet named in the store, alphabetically."""
    rows = con.execute(
        "SELECT DISTINCT outlet FROM documents WHERE outlet IS NOT NULL ORDER BY outlet"
    ).fetchall()
    return [str(r[0]) for r in rows]


def resolve_outlets(con: duckdb.DuckDBPyConnection, queries: Sequence[str]) -> list[str]:
    """Outlet names from what a user typed: an exact name (any case) or a text that only one
    outlet's name contains. Unknown and ambiguous texts raise :class:`UsageError`."""
    known = outlet_names(con)
    found: list[str] = []
    for query in queries:
        needle = query.strip().casefold()
        exact = [o for o in known if o.casefold() == needle]
        matches = exact or [o for o in known if needle and needle in o.casefold()]
        if not matches:
            listed = ", ".join(known[:8]) + (", …" if len(known) > 8 else "")
            raise UsageError(f"{query}: no outlet matches (outlets: {listed or 'none stored'})")
        if len(matches) > 1:
            shown = ", ".join(matches[:5]) + (", …" if len(matches) > 5 else "")
            raise UsageError(f"{query}: matches {len(matches)} outlets ({shown}); give more of it")
        if matches[0] not in found:
            found.append(matches[0])
    return found


def resolve_story(con: duckdb.DuckDBPyConnection, story_id: str) -> str:
    """A story id from the id or a unique prefix of it."""
    rows = con.execute(
        "SELECT id FROM stories WHERE id = ? OR starts_with(id, ?) ORDER BY id",
        [story_id, story_id],
    ).fetchall()
    ids = [str(r[0]) for r in rows]
    if story_id in ids:
        return story_id
    if not ids:
        raise UsageError(f"{story_id}: no such story (list them with 'parallax stories')")
    if len(ids) > 1:
        raise UsageError(f"{story_id}: matches {len(ids)} stories; give more of the id")
    return ids[0]


def _documents(
    con: duckdb.DuckDBPyConnection, outlets: Sequence[str], story_id: str | None
) -> dict[str, list[tuple[str, str | None]]]:
    """outlet -> [(doc id, genre label)] in publication order."""
    params: list[object] = list(outlets)
    story = ""
    if story_id is not None:
        story = "AND id IN (SELECT doc_id FROM story_documents WHERE story_id = ?)"
        params.append(story_id)
    rows = con.execute(
        f"SELECT outlet, id, genre FROM documents WHERE outlet IN ({placeholders(outlets)}) "
        f"{story} ORDER BY published NULLS LAST, id",
        params,
    ).fetchall()
    docs: dict[str, list[tuple[str, str | None]]] = {o: [] for o in outlets}
    for outlet, doc_id, genre in rows:
        docs[str(outlet)].append((str(doc_id), genre))
    return docs


def _stance_rows(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> list[tuple[Any, ...]]:
    if not doc_ids:
        return []
    return con.execute(
        f"""
        SELECT s.doc_id, s.actor_id, s.start, s."end", s.sentence_start, s.sentence_end,
               s.score, s.label,
               substr(d.text, s.sentence_start + 1, s.sentence_end - s.sentence_start)
        FROM stances s JOIN documents d ON d.id = s.doc_id
        WHERE s.doc_id IN ({placeholders(doc_ids)})
        ORDER BY s.doc_id, s.idx
        """,
        list(doc_ids),
    ).fetchall()


def stance_by_actor(
    rows: Sequence[tuple[Any, ...]],
    sectors: voices.SpeakerSectors,
    actors: Sequence[str] | None = None,
) -> list[dict[str, Any]]:
    """Per actor (the given ones, else the most mentioned): mentions, mean score and the
    positive / negative / neutral counts, each with its sentences as evidence."""
    by_actor: dict[str, dict[str, Any]] = {}
    for doc_id, actor_id, start, end, s_start, s_end, score, label, sentence in rows:
        entry = by_actor.setdefault(
            str(actor_id), {"sum": 0.0, "labels": {k: Tally() for k in LABELS}}
        )
        entry["sum"] += float(score)
        entry["labels"][str(label)].add(
            str(doc_id),
            int(s_start),
            int(s_end),
            str(sentence),
            score=float(score),
            mention={"start": int(start), "end": int(end)},
        )
    if actors is None:
        actors = sorted(by_actor, key=lambda a: (-_mentions(by_actor[a]), a))[:MAIN_ACTORS]
    result = []
    for actor_id in actors:
        entry = by_actor.get(actor_id, {"sum": 0.0, "labels": {k: Tally() for k in LABELS}})
        mentions = _mentions(entry)
        known = sectors.of_actor(actor_id, None)
        result.append(
            {
                "actor_id": actor_id,
                "name": known[1] if known else actor_id,
                "mentions": mentions,
                "mean": round(entry["sum"] / mentions, 3) if mentions else None,
                **{k: entry["labels"][k].to_dict() for k in LABELS},
            }
        )
    return result


def _mentions(entry: dict[str, Any]) -> int:
    return sum(t.count for t in entry["labels"].values())


def _direct_quotes(
    con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]
) -> dict[str, list[tuple[int, int]]]:
    spans: dict[str, list[tuple[int, int]]] = {}
    if not doc_ids:
        return spans
    rows = con.execute(
        f'SELECT doc_id, start, "end" FROM quotes WHERE direct AND doc_id IN '
        f"({placeholders(doc_ids)})",
        list(doc_ids),
    ).fetchall()
    for doc_id, start, end in rows:
        spans.setdefault(str(doc_id), []).append((int(start), int(end)))
    return spans


def _profile(
    con: duckdb.DuckDBPyConnection,
    outlet: str,
    docs: Sequence[tuple[str, str | None]],
    sectors: voices.SpeakerSectors,
    pending: set[str],
    actors: Sequence[str] | None,
) -> dict[str, Any]:
    doc_ids = [d for d, _ in docs]
    articles = article_texts(con, doc_ids)
    quotes = voices.load_quotes(con, doc_ids)
    labels: dict[str, int] = {}
    for _, label in docs:
        labels[label or "unknown"] = labels.get(label or "unknown", 0) + 1
    genre = genre_profile(articles, _direct_quotes(con, doc_ids), labels)
    return {
        "outlet": outlet,
        "documents": len(doc_ids),
        "words": sum(a.words() for a in articles),
        "naming": naming.count_names(articles),
        "actor_names": naming.actor_forms(con, doc_ids),
        "voices": voices.count_voices(quotes, sectors),
        "verbs": voices.count_verbs(quotes),
        "stance": {
            "pending_documents": sum(d in pending for d in doc_ids),
            "actors": stance_by_actor(_stance_rows(con, doc_ids), sectors, actors),
        },
        "genre": genre,
    }


def outlet_profiles(
    con: duckdb.DuckDBPyConnection,
    outlets: Sequence[str] | None = None,
    *,
    story_id: str | None = None,
    kb: KnowledgeBase | None = None,
) -> list[dict[str, Any]]:
    """One profile per outlet (all outlets when ``outlets`` is None; names as typed are
    matched by :func:`resolve_outlets`), over the outlet's documents in ``story_id`` if given.

    ``stance.pending_documents`` counts documents the stances pass has not scored yet."""
    names = outlet_names(con) if outlets is None else resolve_outlets(con, outlets)
    story = resolve_story(con, story_id) if story_id is not None else None
    docs = _documents(con, names, story)
    sectors = voices.SpeakerSectors(kb or _shipped_knowledge())
    pending = set(pending_documents(con, STANCE_PASS, STANCE_VERSION))
    return [_profile(con, o, docs[o], sectors, pending, None) for o in names]


def compare_outlets(
    con: duckdb.DuckDBPyConnection,
    outlets: Sequence[str],
    *,
    story_id: str | None = None,
    kb: KnowledgeBase | None = None,
) -> dict[str, Any]:
    """Two or more outlets side by side: their profiles, with stance on the same actors (each
    outlet's most mentioned ones, pooled), and the selection of the stories they share."""
    names = resolve_outlets(con, outlets)
    if len(names) < 2:
        raise UsageError(
            f"{', '.join(outlets) or 'nothing'}: give two or more different outlets to compare"
        )
    story = resolve_story(con, story_id) if story_id is not None else None
    docs = _documents(con, names, story)
    sectors = voices.SpeakerSectors(kb or _shipped_knowledge())
    pending = set(pending_documents(con, STANCE_PASS, STANCE_VERSION))
    counts: dict[str, int] = {}
    for outlet in names:
        top = stance_by_actor(_stance_rows(con, [d for d, _ in docs[outlet]]), sectors)
        for entry in top[:COMPARE_ACTORS_PER_OUTLET]:
            counts[entry["actor_id"]] = counts.get(entry["actor_id"], 0) + entry["mentions"]
    actors = sorted(counts, key=lambda a: (-counts[a], a))
    profiles = [_profile(con, o, docs[o], sectors, pending, actors) for o in names]
    selection = compare_selection(con, {o: [d for d, _ in docs[o]] for o in names}, story_id=story)
    return {
        "outlets": names,
        "story_id": story,
        "actors": actors,
        "profiles": profiles,
        "selection": selection,
    }
