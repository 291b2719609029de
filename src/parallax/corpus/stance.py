"""The stances pass: target-dependent sentiment toward every actor mention, stored per document.

For each document analysed since its last "stances" pass (``corpus_passes``, compared with
``analyses.analyzed_at``), every mention that resolved to an actor (``entities.actor_id``) in the
title or body — readers' comments speak for their writers, not for the outlet — gets one row in
``stances``: the mention, its sentence, a score in -1..+1 and a label, from the rules of
:mod:`parallax.corpus.stance_rules`. Sentences come from spaCy's rule-based sentencizer run on
each segment on its own, so a sentence never spans a title and the body. Running the pass twice
changes nothing: a document's rows are replaced as a whole, in one transaction with its pass row.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

import duckdb
import spacy
from spacy.language import Language

from parallax.corpus.pass_state import Transaction, handled_before, mark_done, pending_documents
from parallax.corpus.stance_pool import stance_scorers
from parallax.corpus.stance_rules import default_scorer, label_of
from parallax.store.sql import unnest_insert

PASS = "stances"
#: Bump when the rules or the lexicon change, so every document is scored again.
STANCE_VERSION = "1"
ARTICLE_SEGMENTS = ("title", "body")
_BATCH = 100
#: Fewer pending documents than this are scored in-process: starting worker processes
#: (about a second each) would cost more than it saves.
PARALLEL_MIN_DOCS = 500


@dataclass(frozen=True)
class Mention:
    """An entity mention of a document: offsets into its text, and its actor if resolved."""

    start: int
    end: int
    actor_id: str | None


@dataclass(frozen=True)
class StanceRow:
    """One row of the ``stances`` table (``idx`` is the row's number within its document)."""

    idx: int
    actor_id: str
    start: int
    end: int
    sentence_start: int
    sentence_end: int
    score: float
    label: str


@lru_cache(maxsize=1)
def _sentencizer() -> Language:
    nlp = spacy.blank("en")
    nlp.add_pipe("sentencizer")
    return nlp


def sentences(text: str, segments: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Sentence spans (offsets into ``text``) of the given segments, each split on its own."""
    spans: list[tuple[int, int]] = []
    pieces = [text[s:e] for s, e in segments]
    for (offset, _), doc in zip(segments, _sentencizer().pipe(pieces), strict=True):
        for sent in doc.sents:
            chunk = sent.text
            stripped = chunk.strip()
            if not stripped:
                continue
            lead = chunk.index(stripped[0])
            start = offset + sent.start_char + lead
            spans.append((start, start + len(stripped)))
    return spans


def document_stances(
    text: str, segments: Sequence[tuple[int, int]], mentions: Sequence[Mention]
) -> list[StanceRow]:
    """The stance rows of one document: one per actor mention inside the given segments."""
    scorer = default_scorer()
    rows: list[StanceRow] = []
    ordered = sorted(mentions, key=lambda m: (m.start, m.end))
    for s_start, s_end in sentences(text, segments):
        inside = [m for m in ordered if s_start <= m.start and m.end <= s_end]
        sentence = text[s_start:s_end]
        for mention in inside:
            if mention.actor_id is None:
                continue
            others = [(m.start - s_start, m.end - s_start) for m in inside if m is not mention]
            score = scorer.score(sentence, mention.start - s_start, mention.end - s_start, others)
            rows.append(
                StanceRow(
                    idx=len(rows),
                    actor_id=mention.actor_id,
                    start=mention.start,
                    end=mention.end,
                    sentence_start=s_start,
                    sentence_end=s_end,
                    score=round(score, 4),
                    label=label_of(score),
                )
            )
    return rows


@dataclass(frozen=True)
class DocumentInput:
    """What the rules need of one document: its text, article segments and mentions."""

    doc_id: str
    text: str
    segments: tuple[tuple[int, int], ...]
    mentions: tuple[Mention, ...]

    def stances(self) -> list[StanceRow]:
        """This document's stance rows."""
        return document_stances(self.text, self.segments, self.mentions)


def load_inputs(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> list[DocumentInput]:
    """The inputs of many documents in three queries (not three per document)."""
    ids = list(doc_ids)
    texts = dict(
        con.execute(
            "SELECT id, text FROM documents WHERE id IN (SELECT unnest($1))", [ids]
        ).fetchall()
    )
    segments: dict[str, list[tuple[int, int]]] = defaultdict(list)
    for doc_id, start, end in con.execute(
        'SELECT doc_id, start, "end" FROM segments WHERE doc_id IN (SELECT unnest($1)) '
        "AND kind IN (SELECT unnest($2)) ORDER BY doc_id, idx",
        [ids, list(ARTICLE_SEGMENTS)],
    ).fetchall():
        segments[doc_id].append((int(start), int(end)))
    mentions: dict[str, list[Mention]] = defaultdict(list)
    for doc_id, start, end, actor_id in con.execute(
        'SELECT doc_id, start, "end", actor_id FROM entities '
        "WHERE doc_id IN (SELECT unnest($1)) ORDER BY doc_id, start",
        [ids],
    ).fetchall():
        mentions[doc_id].append(Mention(int(start), int(end), actor_id))
    return [  # a document gone from the store gets no rows (its old ones are deleted)
        DocumentInput(
            doc_id, str(texts.get(doc_id, "")), tuple(segments[doc_id]), tuple(mentions[doc_id])
        )
        for doc_id in ids
    ]


_COLUMNS = (
    "doc_id",
    "idx",
    "actor_id",
    "start",
    "end",
    "sentence_start",
    "sentence_end",
    "score",
    "label",
)


def _store(
    con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], rows: Sequence[Sequence[StanceRow]]
) -> None:
    """Replace the stance rows of ``doc_ids`` (``rows[k]`` those of the k-th document)."""
    scored_before = handled_before(con, PASS, doc_ids)
    if scored_before:
        con.execute(
            "DELETE FROM stances WHERE doc_id IN (SELECT unnest($1))", [list(scored_before)]
        )
    unnest_insert(
        con,
        "stances",
        _COLUMNS,
        [
            (
                doc_id,
                r.idx,
                r.actor_id,
                r.start,
                r.end,
                r.sentence_start,
                r.sentence_end,
                r.score,
                r.label,
            )
            for doc_id, document_rows in zip(doc_ids, rows, strict=True)
            for r in document_rows
        ],
    )


def update_stances(con: duckdb.DuckDBPyConnection, workers: int = 1) -> int:
    """Score the actor mentions of every document analysed since its last stances pass; return
    how many documents were (re)scored. Rows of documents no longer analysed are dropped
    (``parallax.corpus.pass_state`` keeps the bookkeeping shared by all passes).

    The rules need only each document's text and mentions, so with ``workers`` > 1 and enough
    documents they run in that many processes while this one reads and writes the store.
    Each batch of documents is one transaction, so an interrupted pass keeps what it finished
    and the next run picks up the rest."""
    todo = pending_documents(con, PASS, STANCE_VERSION)
    processes = workers if len(todo) >= PARALLEL_MIN_DOCS else 1
    with stance_scorers(processes) as score:
        for first in range(0, len(todo), _BATCH):
            batch = todo[first : first + _BATCH]
            inputs = load_inputs(con, batch)
            rows = score(inputs)
            with Transaction(con):
                _store(con, [i.doc_id for i in inputs], rows)
                mark_done(con, PASS, STANCE_VERSION, batch)
    con.execute("DELETE FROM stances WHERE doc_id NOT IN (SELECT doc_id FROM analyses)")
    return len(todo)
