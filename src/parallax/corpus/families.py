"""Source families: near-duplicate documents (syndicated copies, lightly edited re-posts).

Two outlets running the same wire story are one source, not two: corroboration counts source
families, never raw documents. A family is a connected set of near-duplicates and its id is the
id of its earliest document (publication date, then id), so it is stable while the corpus grows.

How near-duplicates are found, in time near-linear in the corpus:

* each document's body text (segments of kind ``body``; the whole text when it has none) is cut
  into overlapping shingles of :data:`SHINGLE` words, hashed (DuckDB's ``hash`` per word, then a
  polynomial mix in numpy);
* a MinHash signature of :data:`PERMUTATIONS` multiply-shift hashes estimates the Jaccard
  similarity of two shingle sets as the share of equal signature entries;
* LSH banding (:data:`BANDS` bands of :data:`ROWS` rows) puts documents whose band agrees in one
  bucket; only documents sharing a bucket are compared, each with at most :data:`LOOKBACK` of
  the bucket's earlier members, and a pair is a near-duplicate when the estimate reaches
  :data:`THRESHOLD` and the two were published at most :data:`WINDOW_DAYS` apart (an undated
  document may pair with any). With 32×4 bands a pair at Jaccard 0.6 shares a bucket with
  probability 0.99, at 0.3 with 0.23.

Signatures are not stored (the schema has no place for them): an update recomputes them only for
the documents that can be affected — the new or re-analysed ones, the documents published within
the window around them, undated ones, and the members of the families those belong to.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

import duckdb
import numpy as np
import numpy.typing as npt

from parallax.corpus.pass_state import mark_done, pending_documents
from parallax.store.sql import unnest_insert

VERSION: Final = "1"
PASS: Final = "families"
SHINGLE: Final = 4
PERMUTATIONS: Final = 128
BANDS: Final = 32
ROWS: Final = PERMUTATIONS // BANDS
THRESHOLD: Final = 0.6
WINDOW_DAYS: Final = 30
LOOKBACK: Final = 8

Signature = npt.NDArray[np.uint64]

_RNG = np.random.default_rng(20240311)
_A: Final = _RNG.integers(1, 2**63, size=PERMUTATIONS, dtype=np.uint64) | np.uint64(1)
_B: Final = _RNG.integers(0, 2**63, size=PERMUTATIONS, dtype=np.uint64)
#: Multipliers and per-band salts folding a band's rows into one key (:func:`band_keys`).
_BAND_MIX: Final = _RNG.integers(1, 2**63, size=ROWS, dtype=np.uint64) | np.uint64(1)
_BAND_SALT: Final = _RNG.integers(0, 2**63, size=BANDS, dtype=np.uint64)
_MIX: Final = np.array(
    [0x9E3779B97F4A7C15, 0xC2B2AE3D27D4EB4F, 0x165667B19E3779F9, 0x27D4EB2F165667C5],
    dtype=np.uint64,
)[:SHINGLE]


def minhash(word_hashes: npt.NDArray[np.uint64]) -> Signature | None:
    """The MinHash signature of a text given as its word hashes (``None`` for no words)."""
    words = np.asarray(word_hashes, dtype=np.uint64)
    if words.size == 0:
        return None
    with np.errstate(over="ignore"):
        if words.size < SHINGLE:
            shingles = np.array([np.sum(words * _MIX[: words.size])], dtype=np.uint64)
        else:
            count = words.size - SHINGLE + 1
            shingles = np.zeros(count, dtype=np.uint64)
            for j in range(SHINGLE):
                shingles += words[j : j + count] * _MIX[j]
        hashed = (_A[:, None] * shingles[None, :] + _B[:, None]) >> np.uint64(32)
    result: Signature = hashed.min(axis=1)
    return result


def similarity(a: Signature | None, b: Signature | None) -> float:
    """Estimated Jaccard similarity of two signatures (0 when either text is empty)."""
    if a is None or b is None:
        return 0.0
    return float(np.mean(a == b))


@dataclass
class FamilyDoc:
    """A document as the family pass sees it."""

    id: str
    published: dt.date | None
    signature: Signature | None = field(default=None, repr=False)

    @property
    def order(self) -> tuple[int, dt.date, str]:
        """Earliest first: dated documents by date, undated after them, then by id."""
        return (self.published is None, self.published or dt.date.max, self.id)


def _close_in_time(a: FamilyDoc, b: FamilyDoc) -> bool:
    if a.published is None or b.published is None:
        return True
    return abs((a.published - b.published).days) <= WINDOW_DAYS


def band_keys(signatures: npt.NDArray[np.uint64]) -> npt.NDArray[np.uint64]:
    """One 64-bit key per band of each signature (rows: documents; columns: bands). Equal bands
    give equal keys; unequal ones collide with negligible chance, and a collision only adds a
    candidate that the similarity test then judges."""
    rows = signatures.reshape(len(signatures), BANDS, ROWS)
    with np.errstate(over="ignore"):
        keys: npt.NDArray[np.uint64] = (rows * _BAND_MIX).sum(axis=2, dtype=np.uint64)
        keys += _BAND_SALT
    return keys


def near_duplicate_pairs(docs: Sequence[FamilyDoc]) -> list[tuple[str, str, float]]:
    """Pairs of near-duplicates among ``docs`` found through LSH buckets (never all pairs).

    Documents are taken in order; each is compared, in every bucket it shares, with the bucket's
    :data:`LOOKBACK` latest earlier members, newest first, up to the first near-duplicate. Only
    buckets that two documents share are built (found with one numpy pass over all band keys),
    each holding its latest :data:`LOOKBACK` members: a cold pass over a large corpus holds the
    signatures, not 32 buckets per document."""
    ordered = [d for d in sorted(docs, key=lambda d: d.order) if d.signature is not None]
    if not ordered:
        return []
    keys = band_keys(np.stack([d.signature for d in ordered if d.signature is not None]))
    _, inverse, counts = np.unique(keys.ravel(), return_inverse=True, return_counts=True)
    shared = (counts[inverse] > 1).reshape(keys.shape)
    buckets: dict[int, list[FamilyDoc]] = {}
    pairs: dict[tuple[str, str], float] = {}
    for doc, doc_keys, doc_shared in zip(ordered, keys.tolist(), shared, strict=True):
        for band in np.flatnonzero(doc_shared).tolist():
            members = buckets.setdefault(doc_keys[band], [])
            for other in reversed(members):
                pair = (other.id, doc.id)
                if pair in pairs:
                    break
                if not _close_in_time(doc, other):
                    continue
                score = similarity(doc.signature, other.signature)
                if score >= THRESHOLD:
                    pairs[pair] = score
                    break
            members.append(doc)
            if len(members) > LOOKBACK:
                del members[0]
    return [(a, b, s) for (a, b), s in pairs.items()]


class _UnionFind:
    def __init__(self, items: Iterable[str]) -> None:
        self.parent = {item: item for item in items}

    def find(self, item: str) -> str:
        root = item
        while self.parent[root] != root:
            root = self.parent[root]
        while self.parent[item] != root:
            self.parent[item], item = root, self.parent[item]
        return root

    def union(self, a: str, b: str) -> None:
        self.parent[self.find(a)] = self.find(b)


def group_families(
    docs: Sequence[FamilyDoc], links: Iterable[tuple[str, str]] = ()
) -> dict[str, tuple[str, float]]:
    """``doc_id -> (family_id, similarity to the family's first document)`` for ``docs``,
    joining near-duplicate pairs and any extra ``links`` (families already known)."""
    by_id = {d.id: d for d in docs}
    sets = _UnionFind(by_id)
    for a, b, _ in near_duplicate_pairs(docs):
        sets.union(a, b)
    for a, b in links:
        sets.union(a, b)
    groups: dict[str, list[FamilyDoc]] = {}
    for doc in docs:
        groups.setdefault(sets.find(doc.id), []).append(doc)
    result: dict[str, tuple[str, float]] = {}
    for members in groups.values():
        head = min(members, key=lambda d: d.order)
        for doc in members:
            score = 1.0 if doc is head else similarity(doc.signature, head.signature)
            result[doc.id] = (head.id, round(score, 4))
    return result


_BODY_WORDS: Final = r"""
    SELECT d.id, d.published,
           list_transform(regexp_extract_all(lower(coalesce(b.body, d.text)), '[\pL\pN]+'),
                          lambda w: hash(w)) AS words
    FROM documents d
    LEFT JOIN (
        SELECT s.doc_id, string_agg(substring(t.text, s.start + 1, s."end" - s.start), ' '
                                    ORDER BY s.idx) AS body
        FROM segments s JOIN documents t ON t.id = s.doc_id
        WHERE s.kind = 'body' AND s.doc_id IN (SELECT unnest($1))
        GROUP BY s.doc_id
    ) b ON b.doc_id = d.id
    WHERE d.id IN (SELECT unnest($1))
"""


#: Documents whose words are read at once: a signature is 1 KB, a document's word hashes
#: several; reading in slices keeps only the signatures as the corpus grows.
LOAD_SLICE: Final = 1_000


def load_documents(con: duckdb.DuckDBPyConnection, ids: Sequence[str]) -> list[FamilyDoc]:
    """The documents ``ids`` with their MinHash signatures (hashing happens inside DuckDB)."""
    docs: list[FamilyDoc] = []
    for first in range(0, len(ids), LOAD_SLICE):
        found = con.execute(_BODY_WORDS, [list(ids[first : first + LOAD_SLICE])]).fetchnumpy()
        docs += [
            FamilyDoc(str(doc_id), _as_date(published), minhash(words))
            for doc_id, published, words in zip(
                found["id"], found["published"], found["words"], strict=True
            )
        ]
    return docs


def _as_date(value: Any) -> dt.date | None:
    """A DATE column from ``fetchnumpy`` (numpy datetime64, or masked when NULL)."""
    if value is None or value is np.ma.masked:
        return None
    if isinstance(value, dt.date):
        return value
    stamp = np.datetime64(value, "D")
    if np.isnat(stamp):
        return None
    return dt.date.fromisoformat(str(stamp))


def _date_intervals(dates: Iterable[dt.date]) -> tuple[list[dt.date], list[dt.date]]:
    """Merged ``[date - window, date + window]`` intervals around ``dates``."""
    window = dt.timedelta(days=WINDOW_DAYS)
    lows: list[dt.date] = []
    highs: list[dt.date] = []
    for day in sorted(set(dates)):
        if highs and day - window <= highs[-1]:
            highs[-1] = day + window
        else:
            lows.append(day - window)
            highs.append(day + window)
    return lows, highs


def _affected(con: duckdb.DuckDBPyConnection, dirty: list[str]) -> list[str]:
    """Documents whose family may change when ``dirty`` ones change: those published near
    them, undated ones, and every member of the families any of these belong to."""
    rows = con.execute(
        "SELECT published FROM documents WHERE id IN (SELECT unnest($1))", [dirty]
    ).fetchall()
    if any(r[0] is None for r in rows):
        near = con.execute("SELECT id FROM documents").fetchall()
    else:
        lows, highs = _date_intervals(r[0] for r in rows)
        near = con.execute(
            "SELECT d.id FROM documents d LEFT JOIN (SELECT unnest($1) AS lo, unnest($2) AS hi) w"
            " ON d.published BETWEEN w.lo AND w.hi WHERE d.published IS NULL OR w.lo IS NOT NULL",
            [lows, highs],
        ).fetchall()
    ids = {str(r[0]) for r in near} | set(dirty)
    mates = con.execute(
        "SELECT f.doc_id FROM families f JOIN documents d ON d.id = f.doc_id WHERE f.family_id IN"
        " (SELECT family_id FROM families WHERE doc_id IN (SELECT unnest($1)))",
        [sorted(ids)],
    ).fetchall()
    return sorted(ids | {str(r[0]) for r in mates})


@dataclass
class FamilyUpdate:
    """What one families pass did: documents handled, and those whose family id changed."""

    handled: int = 0
    removed: int = 0
    changed: set[str] = field(default_factory=set)


def update_families(con: duckdb.DuckDBPyConnection) -> FamilyUpdate:
    """Bring ``families`` up to date for new, re-analysed and removed documents (call inside a
    transaction). Families untouched by the change keep their rows."""
    report = FamilyUpdate()
    pending = pending_documents(con, PASS, VERSION)
    gone = con.execute(
        "SELECT doc_id, family_id FROM families WHERE doc_id NOT IN (SELECT id FROM documents)"
    ).fetchall()
    report.removed = len(gone)
    if gone:
        con.execute("DELETE FROM families WHERE doc_id NOT IN (SELECT id FROM documents)")
    orphans = con.execute(
        "SELECT doc_id FROM families WHERE family_id IN (SELECT unnest($1))",
        [sorted({str(r[1]) for r in gone})],
    ).fetchall()
    dirty = set(pending) | {str(r[0]) for r in orphans}
    if not dirty:
        return report
    docs = load_documents(con, _affected(con, sorted(dirty)))
    stored = dict(
        con.execute(
            "SELECT doc_id, family_id FROM families WHERE doc_id IN (SELECT unnest($1))",
            [[d.id for d in docs]],
        ).fetchall()
    )
    # A stored family with no changed member still holds; one with a changed member is
    # rebuilt from its pairs (the changed document may have been the bridge).
    members: dict[str, list[str]] = {}
    for doc_id, family_id in stored.items():
        members.setdefault(family_id, []).append(doc_id)
    links = [
        (group[0], other)
        for group in members.values()
        if not dirty.intersection(group)
        for other in group[1:]
    ]
    families = group_families(docs, links)
    old = {
        str(r[0]): (str(r[1]), r[2])
        for r in con.execute(
            "SELECT doc_id, family_id, similarity FROM families WHERE doc_id IN "
            "(SELECT unnest($1))",
            [list(families)],
        ).fetchall()
    }
    rows = [(d, f, s) for d, (f, s) in families.items() if old.get(d) != (f, s)]
    report.changed = {d for d, f, _ in rows if d not in old or old[d][0] != f}
    con.execute("DELETE FROM families WHERE doc_id IN (SELECT unnest($1))", [[r[0] for r in rows]])
    unnest_insert(con, "families", ("doc_id", "family_id", "similarity"), rows)
    mark_done(con, PASS, VERSION, pending)
    report.handled = len(pending)
    return report
