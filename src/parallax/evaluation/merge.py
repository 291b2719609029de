"""How well the cross-document merge pass decides that two event mentions are the same event.

The gold data is ``eval/merge/``: 33 short news articles the team wrote about a fictional stretch
of the anti-ISIS campaign in 2016 (eight outlets: two wires, a syndicated copy, a centrist daily,
left and right weeklies, a regional paper and an opinion blog), with ``manifest.jsonl`` for their
metadata and ``gold.jsonl`` for the answers. The same events are told with different words,
figures and statuses (claimed, denied, "reportedly"), next to look-alikes that must stay apart:
two towns struck on the same day, one town struck on two days, two summits months apart, two
sanctions packages, two Baghdad bombings on the same day.

Gold file (one line per event mention)
    ``file``, ``sentence`` (an exact substring of the sentence that reports the mention, found
    once in the file), ``trigger`` (the word or phrase naming the act, as written; its first
    occurrence in ``sentence`` is the one meant) and ``event`` (a gold label such as
    ``strike-raqqa-2016-03-02``). Conventions: every mention of a specific event is annotated,
    in headlines too, whatever its status (a denied strike, an announced march that later
    happens, a claim); generic or habitual acts ("the coalition has bombed Islamic State since
    2014"), calls and hypotheticals are not. One mention per event per sentence; the casualties
    and the blasts of an attack are that attack; a refusal written with a refusal verb ("refused
    to sign") takes that verb as trigger, a plain negation the negated verb.

Alignment
    The corpus is analysed by the real pipeline into a fresh store (the CLI's code path:
    :meth:`parallax.store.corpus.Corpus.ingest` with an ``Annotator``, then
    ``parallax.corpus.update.update_corpus``). A gold mention is *extracted* when a stored event
    of its document covers the gold trigger's position and its trigger span overlaps the gold
    trigger (without a stored trigger span, the trigger texts must contain one another); each
    stored event serves one gold mention at most. Unmatched gold mentions are "not extracted"
    and take no part in the merge scores: extraction is scored elsewhere, and here it is only
    reported (``extracted_share``; ``sentence_share`` is the looser share of gold mentions whose
    sentence holds any stored event).

Metrics, over the extracted mentions
    The gold clustering is the gold labels; the system clustering is ``event_mentions.event_id``
    (an aligned event without a row there is a cluster of its own). ``pair_*``: precision and
    recall of the "same event" decisions over all pairs of mentions; ``cross_doc_pair_*``: the
    same over pairs from different documents, the decisions the merge pass exists for.
    ``bcubed_*``: B-cubed precision and recall (Bagga and Baldwin 1998), averaged over mentions.
    Counts: ``gold_pairs``/``system_pairs``/``correct_pairs`` and their ``cross_doc_`` twins.
    Empty ratios are 0, as in the other scorers.

    python -m parallax.evaluation.merge [--corpus eval/merge] [--gold eval/merge/gold.jsonl]
        [--db kept.duckdb] [--misses]
"""

from __future__ import annotations

import argparse
import importlib
import json
import re
import tempfile
from collections import Counter, defaultdict
from collections.abc import Hashable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import duckdb

from parallax.errors import ParallaxError, UsageError

if TYPE_CHECKING:
    from parallax.extract.annotate import Annotator

REPO = Path(__file__).resolve().parents[3]
CORPUS = REPO / "eval" / "merge"
GOLD = CORPUS / "gold.jsonl"

#: Keys of the score dict that are counts (shown as integers in the tables).
COUNTS = frozenset(
    {
        "documents",
        "gold_mentions",
        "gold_events",
        "extracted",
        "unmerged",
        "gold_pairs",
        "system_pairs",
        "correct_pairs",
        "cross_doc_gold_pairs",
        "cross_doc_system_pairs",
        "cross_doc_correct_pairs",
    }
)

_GOLD_FIELDS = ("file", "sentence", "trigger", "event")


@dataclass(frozen=True)
class GoldMention:
    """One annotated event mention: where it is written and which gold event it reports."""

    file: str
    sentence: str
    trigger: str
    event: str
    line: int

    def trigger_offset(self) -> int | None:
        """Where the trigger starts inside ``sentence`` (first whole-word occurrence)."""
        found = re.search(rf"(?<!\w){re.escape(self.trigger)}(?!\w)", self.sentence)
        return found.start() if found else None


@dataclass(frozen=True)
class Alignment:
    """A gold mention and the stored event it was matched to (``idx`` None: not extracted)."""

    gold: GoldMention
    doc_id: str | None
    idx: int | None
    reason: str  # extracted | not extracted | sentence not in stored text | document missing
    in_event_sentence: bool = False


def read_gold(path: str | Path) -> list[GoldMention]:
    """The mentions of a gold JSONL file, in file order; a broken line is a user error."""
    path = Path(path)
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError as exc:
        raise UsageError(f"{path}: cannot read the merge gold file ({exc.strerror})") from exc
    out = []
    for n, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            item = json.loads(line)
        except json.JSONDecodeError as exc:
            raise UsageError(f"{path}:{n}: not JSON ({exc.msg})") from exc
        missing = [k for k in _GOLD_FIELDS if not isinstance(item.get(k), str) or not item[k]]
        if missing:
            raise UsageError(f"{path}:{n}: needs non-empty {', '.join(missing)}")
        mention = GoldMention(
            file=item["file"],
            sentence=item["sentence"],
            trigger=item["trigger"],
            event=item["event"],
            line=n,
        )
        if mention.trigger_offset() is None:
            raise UsageError(f"{path}:{n}: trigger {mention.trigger!r} is not in its sentence")
        out.append(mention)
    return out


def _ratio(num: float, den: float) -> float:
    return num / den if den else 0.0


def _f1(precision: float, recall: float) -> float:
    return _ratio(2 * precision * recall, precision + recall)


def _pairs(sizes: Iterable[int]) -> int:
    return sum(n * (n - 1) // 2 for n in sizes)


def pairwise(
    gold: Sequence[Hashable],
    system: Sequence[Hashable],
    docs: Sequence[Hashable] | None = None,
) -> dict[str, float]:
    """Precision/recall/F1 of "same event" decisions over every pair of mentions.

    ``gold[i]`` and ``system[i]`` are mention i's cluster labels. With ``docs`` (mention i's
    document), pairs inside one document are left out: only cross-document decisions count.
    Pair counts come from cluster sizes, so a large corpus costs no quadratic loop."""
    if len(gold) != len(system) or (docs is not None and len(docs) != len(gold)):
        raise ValueError("gold, system (and docs) must label the same mentions")

    def count(labels: Sequence[Hashable]) -> int:
        total = _pairs(Counter(labels).values())
        if docs is not None:
            total -= _pairs(Counter(zip(labels, docs, strict=True)).values())
        return total

    joint = list(zip(gold, system, strict=True))
    gold_pairs, system_pairs, correct = count(gold), count(system), count(joint)
    precision, recall = _ratio(correct, system_pairs), _ratio(correct, gold_pairs)
    return {
        "precision": precision,
        "recall": recall,
        "f1": _f1(precision, recall),
        "gold_pairs": float(gold_pairs),
        "system_pairs": float(system_pairs),
        "correct_pairs": float(correct),
    }


def bcubed(gold: Sequence[Hashable], system: Sequence[Hashable]) -> dict[str, float]:
    """B-cubed precision/recall/F1: per mention, the share of its system cluster that is in its
    gold cluster (precision) and of its gold cluster that is in its system cluster (recall),
    averaged over mentions. Unlike pair counts it does not let the largest events dominate."""
    if len(gold) != len(system):
        raise ValueError("gold and system must label the same mentions")
    joint = Counter(zip(gold, system, strict=True))
    gold_size, system_size = Counter(gold), Counter(system)
    n = len(gold)
    # Each of the c mentions in gold cluster g and system cluster s contributes c / |s| and c / |g|.
    precision = _ratio(sum(c * c / system_size[s] for (_, s), c in joint.items()), n)
    recall = _ratio(sum(c * c / gold_size[g] for (g, _), c in joint.items()), n)
    return {"precision": precision, "recall": recall, "f1": _f1(precision, recall)}


def document_ids(con: duckdb.DuckDBPyConnection, corpus: Path) -> dict[str, str]:
    """File name -> stored document id, for the files of ``corpus`` the store read."""
    root = corpus.resolve()
    found: dict[str, str] = {}
    for source, doc_id in con.execute("SELECT source, doc_id FROM sources").fetchall():
        path = Path(source)
        if path.parent == root:
            found[path.name] = doc_id
    return found


def _overlaps(a_start: int, a_end: int, b_start: int, b_end: int) -> bool:
    return a_start < b_end and b_start < a_end


def _trigger_agrees(row: Mapping[str, Any], start: int, end: int, trigger: str) -> bool:
    """A stored event's trigger is the gold trigger: spans overlap, or (no stored span) the
    texts contain one another."""
    if row["trigger_start"] is not None and row["trigger_end"] is not None:
        return _overlaps(row["trigger_start"], row["trigger_end"], start, end)
    text = (row["trigger_text"] or "").lower()
    return bool(text) and (text in trigger.lower() or trigger.lower() in text)


def align(
    con: duckdb.DuckDBPyConnection, gold: Sequence[GoldMention], doc_ids: Mapping[str, str]
) -> list[Alignment]:
    """Each gold mention with the stored event it matches, in gold order (see the module doc)."""
    by_file: dict[str, list[tuple[int, GoldMention]]] = defaultdict(list)
    for i, mention in enumerate(gold):
        by_file[mention.file].append((i, mention))
    result: dict[int, Alignment] = {}
    columns = 'idx, start, "end", trigger_start, trigger_end, trigger_text'
    for name, mentions in by_file.items():
        doc_id = doc_ids.get(name)
        row = None
        if doc_id is not None:
            row = con.execute("SELECT text FROM documents WHERE id = ?", [doc_id]).fetchone()
        if doc_id is None or row is None:
            for i, m in mentions:
                result[i] = Alignment(m, None, None, "document missing")
            continue
        text: str = row[0]
        cursor = con.execute(
            f"SELECT {columns} FROM events WHERE doc_id = ? ORDER BY idx", [doc_id]
        )
        keys = [d[0] for d in cursor.description]
        events = [dict(zip(keys, r, strict=True)) for r in cursor.fetchall()]
        used: set[int] = set()
        for i, m in mentions:
            where = text.find(m.sentence)
            offset = m.trigger_offset()
            if where < 0 or offset is None:
                result[i] = Alignment(m, doc_id, None, "sentence not in stored text")
                continue
            start = where + offset
            end = start + len(m.trigger)
            around = [e for e in events if e["start"] <= start < e["end"]]
            match = next(
                (
                    e
                    for e in around
                    if e["idx"] not in used and _trigger_agrees(e, start, end, m.trigger)
                ),
                None,
            )
            if match is None:
                result[i] = Alignment(m, doc_id, None, "not extracted", bool(around))
                continue
            used.add(match["idx"])
            result[i] = Alignment(m, doc_id, match["idx"], "extracted", True)
    return [result[i] for i in range(len(gold))]


def system_labels(con: duckdb.DuckDBPyConnection, aligned: Sequence[Alignment]) -> list[str | None]:
    """The merged event id of each aligned mention (None where it has no ``event_mentions`` row,
    or was not extracted)."""
    merged = {
        (doc_id, idx): event_id
        for doc_id, idx, event_id in con.execute(
            "SELECT doc_id, idx, event_id FROM event_mentions"
        ).fetchall()
    }
    return [merged.get((a.doc_id, a.idx)) if a.idx is not None else None for a in aligned]


def score_alignment(aligned: Sequence[Alignment], system: Sequence[str | None]) -> dict[str, float]:
    """The score dict from aligned mentions and their merged event ids (module doc)."""
    keep = [(a, s) for a, s in zip(aligned, system, strict=True) if a.idx is not None]
    gold_labels = [a.gold.event for a, _ in keep]
    # An extracted mention the merge pass left out is a cluster of its own.
    sys_labels = [s if s is not None else f"unmerged:{a.doc_id}:{a.idx}" for a, s in keep]
    docs = [a.gold.file for a, _ in keep]
    scores: dict[str, float] = {
        "documents": float(len({a.gold.file for a in aligned})),
        "gold_mentions": float(len(aligned)),
        "gold_events": float(len({a.gold.event for a in aligned})),
        "extracted": float(len(keep)),
        "extracted_share": _ratio(len(keep), len(aligned)),
        "sentence_share": _ratio(sum(a.in_event_sentence for a in aligned), len(aligned)),
        "unmerged": float(sum(s is None for _, s in keep)),
    }
    every = pairwise(gold_labels, sys_labels)
    cross = pairwise(gold_labels, sys_labels, docs)
    scores.update({f"pair_{k}": v for k, v in every.items() if k in ("precision", "recall", "f1")})
    scores.update({k: v for k, v in every.items() if k.endswith("_pairs")})
    scores.update({f"cross_doc_pair_{k}": v for k, v in cross.items() if not k.endswith("pairs")})
    scores.update({f"cross_doc_{k}": v for k, v in cross.items() if k.endswith("_pairs")})
    scores.update({f"bcubed_{k}": v for k, v in bcubed(gold_labels, sys_labels).items()})
    return scores


def analyse_corpus(corpus: Path, db: Path, annotator: Annotator | None = None) -> None:
    """Analyse the corpus's text files into the store at ``db`` and run the corpus passes, the
    way ``parallax analyze`` does (the gold and manifest files are not documents)."""
    from parallax.extract.annotate import Annotator
    from parallax.store.corpus import Corpus

    # Looked up at run time, before the slow analysis: the merge pass is developed alongside
    # this scorer, and without it the run must stop with a reason, not a traceback.
    try:
        update = importlib.import_module("parallax.corpus.update")
    except ImportError as exc:
        raise ParallaxError(
            f"{corpus}: the merge pass (parallax.corpus.update) is not available: {exc}"
        ) from exc
    files = sorted(corpus.glob("*.txt"))
    if not files:
        raise UsageError(f"{corpus}: no .txt articles to analyse")
    manifest = corpus / "manifest.jsonl"
    with Corpus(db) as store:
        report = store.ingest(
            *files,
            manifests=[manifest] if manifest.exists() else [],
            annotator=annotator or Annotator(),
        )
        if report.failures:
            raise ParallaxError(f"{corpus}: {len(report.failures)} articles failed to ingest")
        update.update_corpus(store.connection)


def evaluate(
    corpus: Path = CORPUS,
    gold: Path = GOLD,
    *,
    db: Path | None = None,
    annotator: Annotator | None = None,
) -> tuple[dict[str, float], list[Alignment]]:
    """Analyse ``corpus`` into ``db`` (a temporary store when None) and score it against
    ``gold``; also returns the alignments, for listing what was missed."""
    mentions = read_gold(gold)
    with tempfile.TemporaryDirectory(prefix="parallax-merge-") as tmp:
        path = db or Path(tmp) / "merge.duckdb"
        if path.exists():
            raise UsageError(f"{path}: already exists; give --db a new file")
        analyse_corpus(corpus, path, annotator)
        con = duckdb.connect(str(path), read_only=True)
        try:
            aligned = align(con, mentions, document_ids(con, corpus))
            scores = score_alignment(aligned, system_labels(con, aligned))
        finally:
            con.close()
    return scores, aligned


def score_merge(
    corpus: Path = CORPUS,
    gold: Path = GOLD,
    *,
    db: Path | None = None,
    annotator: Annotator | None = None,
) -> dict[str, float]:
    """The merge scores of the real pipeline on the gold corpus (keys: module doc)."""
    return evaluate(corpus, gold, db=db, annotator=annotator)[0]


def table(title: str, scores: Mapping[str, float]) -> str:
    """A markdown table of the merge scores (counts as integers)."""
    rows = [f"| {title} | |", "|---|---:|"]
    for name, value in scores.items():
        shown = f"{value:.0f}" if name in COUNTS else f"{value:.3f}"
        rows.append(f"| {name} | {shown} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Analyse the gold corpus and print the scores as JSON; ``--misses`` adds one line per
    gold mention that was not extracted, so the gold file and the extractor can be checked."""
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.merge",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument("--corpus", type=Path, default=CORPUS, help="folder of .txt articles")
    parser.add_argument("--gold", type=Path, default=None, help="gold JSONL (CORPUS/gold.jsonl)")
    parser.add_argument("--db", type=Path, default=None, help="keep the analysed store here")
    parser.add_argument("--misses", action="store_true", help="list gold mentions not extracted")
    args = parser.parse_args(argv)
    try:
        scores, aligned = evaluate(args.corpus, args.gold or args.corpus / "gold.jsonl", db=args.db)
    except ParallaxError as exc:
        raise SystemExit(f"error: {exc}") from exc
    print(json.dumps({k: round(v, 4) for k, v in scores.items()}, indent=2))
    if args.misses:
        for a in aligned:
            if a.idx is None:
                g = a.gold
                print(f"{a.reason}: {g.file}:{g.line} {g.trigger!r} ({g.event}) in {g.sentence!r}")


if __name__ == "__main__":
    main()
