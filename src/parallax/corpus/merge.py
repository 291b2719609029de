"""Merged events: the event mentions of every document that describe the same real event.

Each stored event mention (table ``events``) belongs to exactly one merged event (table
``event_mentions``); a merged event keeps every mention as evidence, so the outlets that
reported it, their words, their statuses and their figures stay side by side. Disagreement is
data: a mention that negates what others assert, or a figure that contradicts another, joins
the same merged event and marks it ``disputed`` instead of being dropped.

Two mentions are *compatible* when
  * their PLOVER types are equal;
  * their actors agree: the same actor code (compound actors share one of their codes), or at
    least one side unknown, or both unknown but the same country; the same for recipients;
  * their places agree: the same GeoNames id, or one unknown, or the same country when one of
    them is a country or region (two different towns never agree);
  * their date windows overlap (allowing :data:`SLACK_DAYS`); a mention without a date of its
    own gets the window ``[published - LOOKBACK_DAYS, published]`` of its document;
  * and they share at least one positive anchor (an actor or recipient code, a place, or the
    same document sentence region), so two bare "attacks" in the same week stay apart.

Blocking keeps the pass near-linear: mentions are bucketed by (type, week of their window), a
mention falling in every week its window touches (at most :data:`MAX_WEEKS`); clustering happens
inside buckets only. A mention joins a cluster only when it conflicts with none of its members
(checked against at most :data:`MAX_CHECK` of them) and shares an anchor with at least one, which
resists chaining; among such clusters it joins the one it has most affinity with.
The pass streams: mentions are read in slices in window order, a week's clusters are closed once
the stream is past it, and a block offers at most :data:`MAX_CANDIDATES` clusters, so memory
stays flat and the work per mention bounded however large the corpus (:class:`Clusterer`).
Mentions from reader comments are never merged with reporting (each stays its own event).

Corroboration is the number of distinct *source families* (syndicated copies count once).
Confidence combines, per family, how firmly it reports the event (asserted 0.6, reported 0.45,
future/hypothetical 0.2, negated 0.1): ``1 - prod(1 - p)``, times 0.85 for each of actor, place
and date that no mention gives. Ids are stable: ``E`` + a hash of the earliest mention's key.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from collections import Counter, OrderedDict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import duckdb

# The read side lives in merged_reads; the API contract names it here.
from parallax.corpus.merged_reads import list_merged_events as list_merged_events
from parallax.corpus.merged_reads import merged_event as merged_event
from parallax.store.sql import rows_as_dicts, unnest_insert

SLACK_DAYS: Final = 1
LOOKBACK_DAYS: Final = 3
MAX_WEEKS: Final = 3
VAGUE_DAYS: Final = 62
TIGHT_DAYS: Final = 4
MAX_CHECK: Final = 40
STATUS_WEIGHT: Final = {
    "asserted": 0.6,
    "reported": 0.45,
    "future": 0.2,
    "hypothetical": 0.2,
    "negated": 0.1,
}

#: Every stored mention with what the merge needs and its date window (module doc): a vague
#: window (over VAGUE_DAYS) counts as none; no window of its own falls back to the days before
#: publication. Computed here, in SQL, so the stream can be ordered by it.
_WINDOWED: Final = f"""
    WITH dated AS (
        SELECT e.*, try_cast(left(e.date_earliest, 10) AS DATE) AS lo,
               try_cast(left(e.date_latest, 10) AS DATE) AS hi
        FROM events e
    ), sharp AS (
        SELECT *, CASE WHEN date_diff('day', lo, hi) > {VAGUE_DAYS} THEN NULL ELSE lo END AS w_lo,
                  CASE WHEN date_diff('day', lo, hi) > {VAGUE_DAYS} THEN NULL ELSE hi END AS w_hi
        FROM dated
    )
    SELECT e.doc_id, e.idx, e.type, e.mode, e.quad, e.status, e.segment,
           e.actor_id, e.actor_name, e.actor_country,
           e.recipient_actor_id, e.recipient_name, e.recipient_country,
           e.place_geonameid, e.place_name, e.place_country_code, e.place_lat, e.place_lon,
           e.place_feature_class, e.figures,
           d.outlet, coalesce(f.family_id, e.doc_id) AS family_id, sd.story_id,
           coalesce(e.w_lo, e.w_hi, d.published - {LOOKBACK_DAYS}) AS window_low,
           coalesce(e.w_hi, e.w_lo, d.published) AS window_high
    FROM sharp e JOIN documents d ON d.id = e.doc_id
    LEFT JOIN families f ON f.doc_id = e.doc_id
    LEFT JOIN story_documents sd ON sd.doc_id = e.doc_id
"""

#: The stream order: by window start (undated last), then key; numbered once per merge.
_ORDER: Final = f"""
    CREATE OR REPLACE TEMP TABLE merge_order AS
    SELECT doc_id, idx, row_number() OVER (ORDER BY window_low NULLS LAST, doc_id, idx) AS n
    FROM ({_WINDOWED})
"""
_CHUNK: Final = f"""
    SELECT w.* FROM ({_WINDOWED}) w JOIN merge_order o USING (doc_id, idx)
    WHERE o.n BETWEEN $1 AND $2 ORDER BY o.n
"""
#: The mentions of a range of merged events, each event's mentions together in stream order.
_GROUPS: Final = """
    CREATE OR REPLACE TEMP TABLE merge_groups AS
    SELECT l.doc_id, l.idx, o.n, dense_rank() OVER (ORDER BY l.event_id) AS g
    FROM event_mentions l JOIN merge_order o USING (doc_id, idx)
"""
_GROUP_CHUNK: Final = f"""
    SELECT w.*, g.g FROM ({_WINDOWED}) w JOIN merge_groups g USING (doc_id, idx)
    WHERE g.g BETWEEN $1 AND $2 ORDER BY g.g, g.n
"""
#: Mentions read per query (the stream is read in such slices, so writes can go between).
CHUNK_ROWS: Final = 20_000
#: Clusters one block offers a new mention (the most recently joined kept): bounds the work per
#: mention however many mentions share a week or, for undated mentions, an anchor.
MAX_CANDIDATES: Final = 128
#: Clusters held open at once (the least recently joined closed first): bounds memory however
#: many anchors undated mentions bring.
MAX_OPEN: Final = 20_000


def _day(value: Any) -> dt.date | None:
    if value is None:
        return None
    if isinstance(value, dt.date):
        return value
    try:
        return dt.date.fromisoformat(str(value)[:10])
    except ValueError:
        return None


@dataclass
class Mention:
    """One stored event mention with what the merge needs."""

    doc_id: str
    idx: int
    type: str
    status: str
    comment: bool
    actors: frozenset[str]
    actor_country: str | None
    recipients: frozenset[str]
    recipient_country: str | None
    place: int | None
    locality: bool
    country: str | None
    low: dt.date | None
    high: dt.date | None
    family: str
    story: str | None
    row: Mapping[str, Any] = field(repr=False, default_factory=dict)

    @property
    def key(self) -> tuple[str, int]:
        """The mention's key in ``events``."""
        return (self.doc_id, self.idx)


def _codes(value: str | None) -> frozenset[str]:
    return frozenset(value.split("+")) if value else frozenset()


def to_mention(row: Mapping[str, Any], *, keep_row: bool = True) -> Mention:
    """A row of :data:`_WINDOWED` as a :class:`Mention`; ``keep_row=False`` leaves out the
    columns only :func:`summarise` reads (the clustering stream holds many mentions)."""
    return Mention(
        doc_id=str(row["doc_id"]),
        idx=int(row["idx"]),
        type=str(row["type"]),
        status=str(row["status"]),
        comment=row["segment"] == "comment",
        actors=_codes(row["actor_id"]),
        actor_country=row["actor_country"],
        recipients=_codes(row["recipient_actor_id"]),
        recipient_country=row["recipient_country"],
        place=int(row["place_geonameid"]) if row["place_geonameid"] is not None else None,
        locality=row["place_feature_class"] not in (None, "A"),
        country=row["place_country_code"],
        low=_day(row["window_low"]),
        high=_day(row["window_high"]),
        family=str(row["family_id"]),
        story=row["story_id"],
        row=row if keep_row else {},
    )


def _sides_agree(
    a: frozenset[str], a_country: str | None, b: frozenset[str], b_country: str | None
) -> bool:
    if a and b:
        return bool(a & b)
    if not a and not b and a_country and b_country:
        return a_country == b_country
    return True


def conflict(a: Mention, b: Mention) -> bool:
    """Whether ``a`` and ``b`` cannot be the same event: another type, other actors, another
    town, dates apart, or one of them from reader comments (module doc)."""
    if a.type != b.type or a.comment or b.comment:
        return True
    if not _sides_agree(a.actors, a.actor_country, b.actors, b.actor_country):
        return True
    if not _sides_agree(a.recipients, a.recipient_country, b.recipients, b.recipient_country):
        return True
    if a.place is not None and b.place is not None and a.place != b.place:
        if (a.locality and b.locality) or not (a.country and a.country == b.country):
            return True
    elif a.country and b.country and a.country != b.country:
        return True
    if a.low and b.low and a.high and b.high:
        slack = dt.timedelta(days=SLACK_DAYS)
        if a.low > b.high + slack or b.low > a.high + slack:
            return True
    return False


def anchored(a: Mention, b: Mention) -> bool:
    """Whether ``a`` and ``b`` share a positive sign of being one event (module doc)."""
    return bool(
        (a.actors & b.actors)
        or (a.recipients & b.recipients)
        or (a.place is not None and a.place == b.place)
        or (a.country and a.country == b.country)
        or (a.story and a.story == b.story)
        or (_tight(a) and _tight(b))
    )


def _tight(m: Mention) -> bool:
    return bool(m.low and m.high and (m.high - m.low).days <= TIGHT_DAYS)


def compatible(a: Mention, b: Mention) -> bool:
    """Whether ``a`` and ``b`` may describe the same event: no conflict, and an anchor."""
    return a.key != b.key and not conflict(a, b) and anchored(a, b)


def _blocks_of(m: Mention) -> list[tuple[Any, ...]]:
    """The blocks a mention is compared within: (type, week) for each week its window
    touches. An undated mention has no week; it can only join a cluster holding a member it
    shares an anchor with (:func:`anchored`: a tight date is impossible without a date), so it
    is blocked by (type, each anchor) instead — the same candidates as one undated block per
    type, without comparing every undated mention of a type with every other."""
    if m.low is None or m.high is None:
        anchors: list[tuple[str, object]] = [("actor", a) for a in m.actors]
        anchors += [("recipient", r) for r in m.recipients]
        anchors += [
            (k, v) for k, v in (("place", m.place), ("country", m.country), ("story", m.story)) if v
        ]
        return [(m.type, "undated", *anchor) for anchor in anchors]
    first = m.low.toordinal() // 7
    last = m.high.toordinal() // 7
    return [(m.type, week) for week in range(first, min(last, first + MAX_WEEKS - 1) + 1)]


def affinity(a: Mention, b: Mention) -> float:
    """How strongly two compatible mentions point at the same event (for choosing among the
    clusters a mention could join)."""
    score = 3.0 * (a.place is not None and a.place == b.place)
    score += 2.0 * bool(a.actors & b.actors) + 2.0 * bool(a.recipients & b.recipients)
    score += 1.0 * bool(a.story and a.story == b.story)
    score += 1.0 * bool(a.country and a.country == b.country)
    score += 1.0 * (a.low is not None and a.low == b.low and a.high == b.high)
    return score


def event_id_of(head: Mention) -> str:
    """A merged event's stable id: from its earliest mention's key."""
    return "E" + hashlib.sha1(f"{head.doc_id}:{head.idx}".encode()).hexdigest()[:12]


@dataclass(slots=True)
class _OpenCluster:
    event_id: str
    members: list[Mention]  # the first MAX_CHECK only: all that matching ever looks at
    listed_in: int = 0  # blocks offering it; at 0 no later mention can reach it


class Clusterer:
    """Complete-link clusters of compatible mentions, built from a stream in window order
    (:data:`_ORDER`); a mention joins the compatible cluster it has the most affinity with.

    Streaming keeps memory flat as the corpus grows: a week's blocks are dropped once the
    stream's windows start after it (no later mention can fall in it), undated mentions come
    last and meet only undated blocks, a block offers at most :data:`MAX_CANDIDATES` clusters
    and at most :data:`MAX_OPEN` are held. A cluster no block offers any more is closed and
    forgotten: only its id was needed, and that was handed out when it opened. Below those
    bounds the clusters are exactly those of comparing each mention with every earlier one
    in its blocks."""

    def __init__(self) -> None:
        self._open: OrderedDict[int, _OpenCluster] = OrderedDict()
        self._blocks: dict[tuple[Any, ...], list[int]] = {}
        self._keys_of_week: dict[int, list[tuple[Any, ...]]] = {}
        self._opened = 0

    @property
    def opened(self) -> int:
        """Clusters opened so far (the merged event count once the stream is done)."""
        return self._opened

    @property
    def held(self) -> int:
        """Clusters still open (what the stream holds in memory)."""
        return len(self._open)

    def add(self, mention: Mention) -> str:
        """Place ``mention`` (in stream order) and return the id of its merged event."""
        self._drop_weeks_before(mention.low.toordinal() // 7 if mention.low else None)
        keys = _blocks_of(mention)
        candidates = {number for key in keys for number in self._blocks.get(key, ())}
        chosen, best = None, 0.0
        for number in sorted(candidates):
            if number not in self._open:
                continue  # closed to bound memory (MAX_OPEN), still listed in a block
            members = self._open[number].members
            if any(conflict(mention, other) for other in members):
                continue
            if not any(anchored(mention, other) for other in members):
                continue
            score = sum(affinity(mention, other) for other in members) / len(members)
            if score > best:
                chosen, best = number, score
        if chosen is None:
            chosen = self._opened
            self._opened += 1
            self._open[chosen] = _OpenCluster(event_id_of(mention), [])
        found = self._open[chosen]
        self._open.move_to_end(chosen)
        if len(found.members) < MAX_CHECK:
            found.members.append(mention)
        for key in keys:
            self._offer(key, chosen)
        if len(self._open) > MAX_OPEN:
            self._open.popitem(last=False)
        return found.event_id

    def _offer(self, key: tuple[Any, ...], number: int) -> None:
        bucket = self._blocks.get(key)
        if bucket is None:
            bucket = self._blocks[key] = []
            if key[1] != "undated":
                self._keys_of_week.setdefault(key[1], []).append(key)
        if number in bucket:
            bucket.remove(number)  # most recently joined last
        else:
            self._open[number].listed_in += 1
        bucket.append(number)
        if len(bucket) > MAX_CANDIDATES:
            self._unlist(bucket.pop(0))

    def _unlist(self, number: int) -> None:
        found = self._open.get(number)
        if found is None:
            return
        found.listed_in -= 1
        if found.listed_in == 0:
            del self._open[number]

    def _drop_weeks_before(self, week: int | None) -> None:
        """Forget the blocks of weeks before ``week`` (None: every dated week)."""
        passed = [w for w in self._keys_of_week if week is None or w < week]
        for w in passed:
            for key in self._keys_of_week.pop(w):
                for number in self._blocks.pop(key):
                    self._unlist(number)


def _most(values: Sequence[Any]) -> Any:
    present = [v for v in values if v is not None]
    return Counter(present).most_common(1)[0][0] if present else None


def _figures_conflict(members: Sequence[Mention]) -> bool:
    """Two mentions give figures of the same quantity that differ by more than 10%."""
    by_quantity: dict[str, list[float]] = {}
    for m in members:
        for figure in json.loads(m.row["figures"] or "[]"):
            value = figure.get("value")
            if isinstance(value, int | float) and figure.get("quantity"):
                by_quantity.setdefault(str(figure["quantity"]), []).append(float(value))
    return any(v and max(v) > 1.1 * min(v) and min(v) > 0 for v in by_quantity.values())


def summarise(members: Sequence[Mention]) -> tuple[Any, ...]:
    """The ``merged_events`` row of one cluster (columns as in migration 5)."""
    head = min(members, key=lambda m: (m.low or dt.date.max, m.doc_id, m.idx))
    event_id = event_id_of(head)
    rows = [m.row for m in members]
    statuses = Counter(m.status for m in members)
    families: dict[str, float] = {}
    for m in members:
        weight = STATUS_WEIGHT.get(m.status, 0.3)
        families[m.family] = max(families.get(m.family, 0.0), weight)
    doubt = 1.0
    for weight in families.values():
        doubt *= 1.0 - weight
    confidence = 1.0 - doubt
    for present in (any(m.actors for m in members), any(r["place_name"] for r in rows), head.low):
        if not present:
            confidence *= 0.85
    negation = "negated" in statuses and len(statuses) > 1
    lows = [m.low for m in members if m.low]
    highs = [m.high for m in members if m.high]
    # the windows' intersection when they share days, else their span
    shared = bool(lows) and bool(highs) and max(lows) <= min(highs)
    earliest = max(lows) if shared else min(lows, default=None)
    latest = min(highs) if shared else max(highs, default=None)

    def most(column: str) -> Any:
        return _most([r[column] for r in rows])

    place = most("place_name")
    place_row = next((r for r in rows if r["place_name"] == place), rows[0])
    return (
        event_id,
        most("story_id"),
        head.type,
        most("mode"),
        most("quad"),
        most("actor_id"),
        most("actor_name"),
        most("recipient_actor_id"),
        most("recipient_name"),
        place,
        place_row["place_country_code"] if place else most("place_country_code"),
        place_row["place_lat"] if place else None,
        place_row["place_lon"] if place else None,
        earliest.isoformat() if earliest else None,
        latest.isoformat() if latest else None,
        len(members),
        len({r["outlet"] for r in rows if r["outlet"]}),
        len(families),
        round(confidence, 3),
        json.dumps(dict(statuses)),
        negation or _figures_conflict(members),
    )


MERGED_COLUMNS: Final = (
    "id", "story_id", "type", "mode", "quad", "actor_id", "actor_name", "recipient_actor_id",
    "recipient_name", "place_name", "country_code", "lat", "lon", "date_earliest",
    "date_latest", "mentions", "outlets", "corroboration", "confidence", "statuses", "disputed",
)  # fmt: skip


def update_merge(con: duckdb.DuckDBPyConnection) -> int:
    """Rebuild ``merged_events`` and ``event_mentions`` from every stored mention (call inside
    a transaction); ids of unchanged events stay the same. Returns the merged event count.

    Two streams, each read in slices of :data:`CHUNK_ROWS` so memory does not grow with the
    corpus: the mentions in window order through :class:`Clusterer` (writing each mention's
    event id), then each merged event's mentions together through :func:`summarise`."""
    con.execute("DELETE FROM event_mentions")
    con.execute("DELETE FROM merged_events")
    con.execute(_ORDER)
    total = _scalar(con, "SELECT count(*) FROM merge_order")
    clusterer = Clusterer()
    for first in range(1, total + 1, CHUNK_ROWS):
        rows = rows_as_dicts(con.execute(_CHUNK, [first, first + CHUNK_ROWS - 1]))
        links = [(m.doc_id, m.idx, clusterer.add(m)) for m in map(_light, rows)]
        unnest_insert(con, "event_mentions", ("doc_id", "idx", "event_id"), links)
    con.execute(_GROUPS)
    groups = _scalar(con, "SELECT coalesce(max(g), 0) FROM merge_groups")
    step = max(1, CHUNK_ROWS * clusterer.opened // max(total, 1))  # events per slice
    for first in range(1, groups + 1, step):
        by_group: dict[int, list[Mention]] = {}
        for row in rows_as_dicts(con.execute(_GROUP_CHUNK, [first, first + step - 1])):
            by_group.setdefault(row["g"], []).append(to_mention(row))
        merged = [summarise(members) for members in by_group.values()]
        unnest_insert(con, "merged_events", MERGED_COLUMNS, merged)
    con.execute("DROP TABLE merge_order; DROP TABLE merge_groups")
    return clusterer.opened


def _light(row: Mapping[str, Any]) -> Mention:
    return to_mention(row, keep_row=False)


def _scalar(con: duckdb.DuckDBPyConnection, sql: str) -> int:
    row = con.execute(sql).fetchone()
    return int(row[0]) if row else 0
