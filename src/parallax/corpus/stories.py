"""Stories: documents about the same happening or thread, grouped incrementally.

A corpus arrives over time, so stories are built the way topic-detection-and-tracking systems
do it: each new (or re-analysed) document, in publication order, joins the most similar
existing story or opens a new one; earlier decisions are kept, so adding documents never
reshuffles the stories a user has already seen.

A document is a weighted bag of *key terms*: the actors it names (``a:`` + actor id), the
places (``p:`` + GeoNames id) and the content words of its title (``w:`` + word), each weighted
by how often it occurs and by its rarity in the corpus (idf). A story keeps the running mean of
its documents' vectors (its :data:`TOP_TERMS` heaviest terms, stored as JSON) and its date span.

Blocking keeps the pass near-linear: a document is compared only with stories whose span,
widened by :data:`WINDOW_DAYS`, holds its date (undated documents: any story) *and* that share
at least one key term with it (an inverted index over the stories' terms). It joins the best
story when the cosine similarity reaches :data:`THRESHOLD`.
"""

from __future__ import annotations

import datetime as dt
import json
import math
import re
from collections import Counter
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Final

import duckdb

from parallax.corpus.pass_state import mark_done, pending_documents
from parallax.store.sql import unnest_insert

PASS: Final = "stories"
VERSION: Final = "1"
WINDOW_DAYS: Final = 21
THRESHOLD: Final = 0.2
TOP_TERMS: Final = 40
#: Pending documents whose key terms are read at once.
READ_SLICE: Final = 2_000
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]{3,}")
_STOP: Final = frozenset(
    [
        "about",
        "after",
        "against",
        "again",
        "also",
        "amid",
        "among",
        "been",
        "before",
        "being",
        "between",
        "could",
        "does",
        "from",
        "have",
        "into",
        "just",
        "more",
        "most",
        "much",
        "over",
        "said",
        "says",
        "than",
        "that",
        "their",
        "them",
        "then",
        "there",
        "these",
        "they",
        "this",
        "those",
        "through",
        "under",
        "very",
        "were",
        "what",
        "when",
        "where",
        "which",
        "while",
        "will",
        "with",
        "would",
        "your",
    ]
)

Vector = dict[str, float]


@dataclass
class Story:
    """A story as the pass holds it in memory."""

    id: str
    label: str
    first: dt.date | None
    last: dt.date | None
    terms: Vector
    size: int
    changed: bool = field(default=False)

    def holds(self, day: dt.date | None) -> bool:
        """Whether ``day`` falls in the story's span widened by the window."""
        if day is None or self.first is None or self.last is None:
            return True
        window = dt.timedelta(days=WINDOW_DAYS)
        return self.first - window <= day <= self.last + window

    def add(self, vector: Vector, day: dt.date | None) -> None:
        """Fold a document in: running mean of the vectors, span widened to its date."""
        merged = {t: w * self.size for t, w in self.terms.items()}
        for term, weight in vector.items():
            merged[term] = merged.get(term, 0.0) + weight
        self.size += 1
        top = sorted(merged.items(), key=lambda kv: -kv[1])[:TOP_TERMS]
        self.terms = {t: w / self.size for t, w in top}
        if day is not None:
            self.first = min(self.first or day, day)
            self.last = max(self.last or day, day)
        self.changed = True


def cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    """Cosine similarity of two sparse vectors (0 when either is empty)."""
    dot = sum(w * b.get(t, 0.0) for t, w in a.items())
    norm = math.sqrt(sum(w * w for w in a.values())) * math.sqrt(sum(w * w for w in b.values()))
    return dot / norm if norm else 0.0


def title_words(title: str | None) -> list[str]:
    """The content words of a title, lower-cased."""
    words = (w.lower() for w in _WORD.findall(title or ""))
    return [w for w in words if w not in _STOP]


def _term_counts(con: duckdb.DuckDBPyConnection, ids: list[str]) -> dict[str, Counter[str]]:
    """Raw key-term counts of the documents ``ids``."""
    counts: dict[str, Counter[str]] = {i: Counter() for i in ids}
    rows = con.execute(
        "SELECT doc_id, 'a:' || actor_id FROM entities WHERE actor_id IS NOT NULL "
        "AND coalesce(segment, 'body') NOT IN ('comment', 'boilerplate') "
        "AND doc_id IN (SELECT unnest($1)) UNION ALL "
        "SELECT doc_id, 'p:' || geonameid FROM places WHERE geonameid IS NOT NULL "
        "AND coalesce(segment, 'body') NOT IN ('comment', 'boilerplate') "
        "AND doc_id IN (SELECT unnest($1))",
        [ids],
    ).fetchall()
    for doc_id, term in rows:
        counts[str(doc_id)][str(term)] += 1
    for doc_id, title in con.execute(
        "SELECT id, title FROM documents WHERE id IN (SELECT unnest($1))", [ids]
    ).fetchall():
        for word in title_words(title):
            counts[str(doc_id)]["w:" + word] += 2
    return counts


def _document_frequencies(con: duckdb.DuckDBPyConnection) -> tuple[int, Counter[str]]:
    """How many documents hold each actor and place term (titles are rare enough to skip)."""
    total_row = con.execute("SELECT count(*) FROM documents").fetchone()
    total = int(total_row[0]) if total_row else 0
    df: Counter[str] = Counter()
    for term, n in con.execute(
        "SELECT 'a:' || actor_id, count(DISTINCT doc_id) FROM entities "
        "WHERE actor_id IS NOT NULL GROUP BY 1 UNION ALL "
        "SELECT 'p:' || geonameid, count(DISTINCT doc_id) FROM places "
        "WHERE geonameid IS NOT NULL GROUP BY 1"
    ).fetchall():
        df[str(term)] = int(n)
    return total, df


def weigh(counts: Counter[str], total: int, df: Mapping[str, int]) -> Vector:
    """Log-scaled term counts times idf (terms seen once in the corpus weigh most)."""
    vector: Vector = {}
    for term, n in counts.items():
        idf = math.log((1 + total) / (1 + df.get(term, 1))) + 1.0
        vector[term] = (1.0 + math.log(n)) * idf
    return vector


def _load_stories(con: duckdb.DuckDBPyConnection) -> dict[str, Story]:
    rows = con.execute(
        "SELECT s.id, s.label, s.first_date, s.last_date, s.terms, count(sd.doc_id) "
        "FROM stories s LEFT JOIN story_documents sd ON sd.story_id = s.id "
        "GROUP BY ALL"
    ).fetchall()
    return {
        str(r[0]): Story(str(r[0]), r[1] or "", r[2], r[3], json.loads(r[4] or "{}"), int(r[5]))
        for r in rows
    }


def _pending_terms(
    con: duckdb.DuckDBPyConnection, pending: list[str]
) -> Iterator[tuple[str, Any, str | None, Counter[str]]]:
    """``(doc_id, published, title, term counts)`` of each pending document, in order, read
    :data:`READ_SLICE` documents at a time (only a slice's counts are held)."""
    for first in range(0, len(pending), READ_SLICE):
        ids = pending[first : first + READ_SLICE]
        counts = _term_counts(con, ids)
        meta = {
            str(r[0]): (r[1], r[2])
            for r in con.execute(
                "SELECT id, published, title FROM documents WHERE id IN (SELECT unnest($1))",
                [ids],
            ).fetchall()
        }
        for doc_id in ids:
            day, title = meta[doc_id]
            yield doc_id, day, title, counts[doc_id]


def update_stories(con: duckdb.DuckDBPyConnection) -> int:
    """Place every pending document in a story (call inside a transaction); return how many."""
    pending = pending_documents(con, PASS, VERSION)
    con.execute("DELETE FROM story_documents WHERE doc_id NOT IN (SELECT id FROM documents)")
    if not pending:
        return 0
    con.execute("DELETE FROM story_documents WHERE doc_id IN (SELECT unnest($1))", [pending])
    stories = _load_stories(con)
    index: dict[str, set[str]] = {}
    for story in stories.values():
        for term in story.terms:
            index.setdefault(term, set()).add(story.id)
    total, df = _document_frequencies(con)
    placed: list[tuple[str, str, float]] = []
    for doc_id, day, title, counts in _pending_terms(con, pending):
        vector = weigh(counts, total, df)
        candidates = {s for term in vector for s in index.get(term, ())}
        best, score = None, 0.0
        for story_id in candidates:
            story = stories[story_id]
            if not story.holds(day):
                continue
            similarity = cosine(vector, story.terms)
            if similarity > score:
                best, score = story, similarity
        if best is None or score < THRESHOLD:
            best = Story(f"S{doc_id[:12]}", (title or doc_id)[:120], day, day, {}, 0)
            stories[best.id] = best
            score = 1.0
        best.add(vector, day)
        for term in best.terms:
            index.setdefault(term, set()).add(best.id)
        placed.append((doc_id, best.id, round(score, 4)))
    changed = [s for s in stories.values() if s.changed]
    con.execute("DELETE FROM stories WHERE id IN (SELECT unnest($1))", [[s.id for s in changed]])
    unnest_insert(
        con,
        "stories",
        ("id", "label", "first_date", "last_date", "terms"),
        [(s.id, s.label, s.first, s.last, json.dumps(s.terms)) for s in changed],
    )
    unnest_insert(con, "story_documents", ("doc_id", "story_id", "score"), placed)
    con.execute("DELETE FROM stories WHERE id NOT IN (SELECT story_id FROM story_documents)")
    mark_done(con, PASS, VERSION, pending)
    return len(pending)


_LIST: Final = """
    SELECT s.id, s.label, s.first_date, s.last_date, count(sd.doc_id) AS documents,
           count(DISTINCT d.outlet) AS outlets,
           list(DISTINCT d.outlet ORDER BY d.outlet) FILTER (WHERE d.outlet IS NOT NULL)
               AS outlet_names
    FROM stories s JOIN story_documents sd ON sd.story_id = s.id
    JOIN documents d ON d.id = sd.doc_id
    {where}
    GROUP BY s.id, s.label, s.first_date, s.last_date
    ORDER BY documents DESC, s.first_date NULLS LAST, s.id
"""


def _story_row(row: tuple[Any, ...]) -> dict[str, Any]:
    first, last = row[2], row[3]
    return {
        "id": row[0],
        "label": row[1],
        "first_date": first.isoformat() if first else None,
        "last_date": last.isoformat() if last else None,
        "documents": int(row[4]),
        "outlets": int(row[5]),
        "outlet_names": list(row[6] or []),
    }


def list_stories(con: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """Every story, biggest first: id, label, dates, documents, outlets."""
    return [_story_row(r) for r in con.execute(_LIST.format(where="")).fetchall()]


def story(con: duckdb.DuckDBPyConnection, story_id: str) -> dict[str, Any] | None:
    """One story (id or unique prefix) with its documents and its key terms."""
    ids = [
        str(r[0])
        for r in con.execute(
            "SELECT id FROM stories WHERE starts_with(id, $1)", [story_id]
        ).fetchall()
    ]
    if len(ids) != 1:
        return None
    row = con.execute(_LIST.format(where="WHERE s.id = $1"), [ids[0]]).fetchone()
    if row is None:
        return None
    found = _story_row(row)
    found["documents_list"] = [
        {
            "id": r[0],
            "outlet": r[1],
            "title": r[2],
            "published": r[3] and r[3].isoformat(),
            "score": r[4],
        }
        for r in con.execute(
            "SELECT d.id, d.outlet, d.title, d.published, sd.score FROM story_documents sd "
            "JOIN documents d ON d.id = sd.doc_id WHERE sd.story_id = $1 "
            "ORDER BY d.published NULLS LAST, d.id",
            [ids[0]],
        ).fetchall()
    ]
    terms_row = con.execute("SELECT terms FROM stories WHERE id = $1", [ids[0]]).fetchone()
    terms = json.loads(terms_row[0] or "{}") if terms_row else {}
    found["terms"] = sorted(terms, key=lambda t: -terms[t])[:12]
    return found
