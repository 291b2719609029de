"""Counts that point at their sentences: every number in an outlet profile carries evidence.

A profile that says "Daesh: 14" must let a reader open the fourteen places. The list of
evidence is capped (a profile of a big outlet would otherwise carry the corpus), the count never
is: ``count`` is exact and ``evidence`` holds the first ``EVIDENCE_CAP`` spans in corpus order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import duckdb

_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")
#: Evidence spans kept per count.
EVIDENCE_CAP = 5
#: Segment kinds that are the outlet's own text (readers' comments and furniture are not).
ARTICLE_SEGMENTS = ("title", "body")


@dataclass
class Tally:
    """An exact count and the first few spans that make it up."""

    count: int = 0
    evidence: list[dict[str, Any]] = field(default_factory=list)

    def add(self, doc_id: str, start: int, end: int, text: str, **extra: Any) -> None:
        """Count one occurrence; keep its span while under the cap."""
        self.count += 1
        if len(self.evidence) < EVIDENCE_CAP:
            self.evidence.append(
                {"doc_id": doc_id, "start": start, "end": end, "text": text, **extra}
            )

    def to_dict(self) -> dict[str, Any]:
        return {"count": self.count, "evidence": list(self.evidence)}


@dataclass(frozen=True)
class ArticleText:
    """A document's text and its article segments (title, body) as offsets into it."""

    doc_id: str
    text: str
    segments: tuple[tuple[int, int], ...]

    def words(self) -> int:
        """Words in the article segments."""
        return sum(len(_WORD.findall(piece)) for _, piece in self.pieces())

    def pieces(self) -> Iterable[tuple[int, str]]:
        """(offset, text) of each article segment."""
        for start, end in self.segments:
            yield start, self.text[start:end]


def placeholders(values: Sequence[object]) -> str:
    """``?, ?, ?`` for an ``IN (...)`` list of ``values``."""
    return ", ".join("?" for _ in values) or "NULL"


def article_texts(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> list[ArticleText]:
    """The article text of each document, in the order given (documents without one skipped)."""
    if not doc_ids:
        return []
    texts = dict(
        con.execute(
            f"SELECT id, text FROM documents WHERE id IN ({placeholders(doc_ids)})", list(doc_ids)
        ).fetchall()
    )
    segments: dict[str, list[tuple[int, int]]] = {}
    rows = con.execute(
        f'SELECT doc_id, start, "end" FROM segments WHERE doc_id IN ({placeholders(doc_ids)}) '
        f"AND kind IN ({placeholders(ARTICLE_SEGMENTS)}) ORDER BY doc_id, idx",
        [*doc_ids, *ARTICLE_SEGMENTS],
    ).fetchall()
    for doc_id, start, end in rows:
        segments.setdefault(str(doc_id), []).append((int(start), int(end)))
    return [
        ArticleText(d, str(texts[d]), tuple(segments.get(d, ()))) for d in doc_ids if d in texts
    ]
