"""How well the figures extractor does: a hand-written gold file and MEANTIME VALUE spans.

Rules drift; a number says whether a change helped. The gold file holds conflict sentences with
every figure's exact text, value range and quantity (negatives have an empty list), so both the
spans and what is read from them are scored. MEANTIME (news about companies and markets) only
marks VALUE spans, so against it only span precision/recall is measured — exact and by overlap,
since its spans sometimes include the counted noun ("340 points").

    python -m parallax.evaluation.figures --gold tests/data/figures_gold.jsonl
"""

from __future__ import annotations

import argparse
import glob
import json
import math
import xml.etree.ElementTree as ET
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import spacy
from spacy.language import Language

from parallax.extract.figures import find_figures
from parallax.schema import Figure


def _prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 1.0
    r = tp / n_gold if n_gold else 1.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def _same(a: float | None, b: float | None) -> bool:
    if a is None or b is None:
        return a is None and b is None
    return math.isclose(a, b, rel_tol=1e-6, abs_tol=1e-9)


def _match(gold: list[dict[str, Any]], pred: list[Figure]) -> list[tuple[dict[str, Any], Figure]]:
    """Pairs of gold and predicted figures with the same text, each used once, in order."""
    used: set[int] = set()
    pairs = []
    for g in gold:
        for k, p in enumerate(pred):
            if k not in used and p.text == g["text"]:
                used.add(k)
                pairs.append((g, p))
                break
    return pairs


def score_gold(path: str | Path, nlp: Language | None = None) -> dict[str, float]:
    """Span P/R/F1 (exact text) and, on matched spans, value and quantity accuracy.

    A value counts as right when value, low and high all agree (None only with None).
    """
    nlp = nlp or spacy.blank("en")
    n_gold = n_pred = tp = value_ok = quantity_ok = 0
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        pred = find_figures(nlp(item["text"]))
        pairs = _match(item["figures"], pred)
        n_gold += len(item["figures"])
        n_pred += len(pred)
        tp += len(pairs)
        for g, p in pairs:
            value_ok += all(_same(g.get(f), getattr(p, f)) for f in ("value", "low", "high"))
            quantity_ok += g.get("quantity") == p.quantity
    precision, recall, f1 = _prf(tp, n_pred, n_gold)
    return {
        "gold": float(n_gold),
        "predicted": float(n_pred),
        "matched": float(tp),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "value_accuracy": value_ok / tp if tp else 0.0,
        "quantity_accuracy": quantity_ok / tp if tp else 0.0,
    }


#: MEANTIME's annotation covers sentence 0 (title) to 5; sentence 1 is the dateline.
_ANNOTATED_SENTENCES = 5


def _meantime_doc(path: str) -> tuple[str, list[tuple[int, int]]]:
    """Text rebuilt from a MEANTIME file's tokens, and its VALUE spans as character offsets.

    Tokens are joined by spaces and sentences by newlines; "#" is MEANTIME's pound sign. Only
    the title and the first five sentences are kept: MEANTIME annotates nothing after them.
    """
    root = ET.parse(path).getroot()
    pieces: list[str] = []
    offsets: dict[str, tuple[int, int]] = {}
    pos, sentence = 0, None
    for tok in root.iter("token"):
        if int(tok.get("sentence", "0")) > _ANNOTATED_SENTENCES:
            break
        if pieces:
            sep = "\n" if tok.get("sentence") != sentence else " "
            pieces.append(sep)
            pos += 1
        word = "£" if tok.text == "#" else (tok.text or "")
        offsets[tok.get("t_id", "")] = (pos, pos + len(word))
        pieces.append(word)
        pos += len(word)
        sentence = tok.get("sentence")
    spans = []
    for value in root.iter("VALUE"):
        ids = [a.get("t_id", "") for a in value.iter("token_anchor")]
        if ids and all(i in offsets for i in ids):
            spans.append((offsets[ids[0]][0], offsets[ids[-1]][1]))
    return "".join(pieces), spans


def score_meantime(pattern: str, nlp: Language | None = None) -> dict[str, float]:
    """Span precision/recall against MEANTIME VALUE markables: exact and any-overlap."""
    nlp = nlp or spacy.blank("en")
    n_gold = n_pred = exact = gold_hit = pred_hit = 0
    for path in sorted(glob.glob(pattern)):
        text, gold = _meantime_doc(path)
        pred = [(f.start, f.end) for f in find_figures(nlp(text))]
        n_gold += len(gold)
        n_pred += len(pred)
        exact += len(set(gold) & set(pred))
        gold_hit += sum(any(s < pe and ps < e for ps, pe in pred) for s, e in gold)
        pred_hit += sum(any(s < ge and gs < e for gs, ge in gold) for s, e in pred)
    p, r, f1 = _prf(exact, n_pred, n_gold)
    return {
        "gold": float(n_gold),
        "predicted": float(n_pred),
        "exact_precision": p,
        "exact_recall": r,
        "exact_f1": f1,
        "overlap_precision": pred_hit / n_pred if n_pred else 1.0,
        "overlap_recall": gold_hit / n_gold if n_gold else 1.0,
    }


def table(title: str, scores: Mapping[str, float]) -> str:
    """A markdown table of one scorer's metrics (counts as integers)."""
    rows = [f"| {title} | |", "|---|---:|"]
    for name, value in scores.items():
        shown = f"{value:.0f}" if name in ("gold", "predicted", "matched") else f"{value:.3f}"
        rows.append(f"| {name} | {shown} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Print the scores as markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", help="JSONL gold file (text + figures per line)")
    parser.add_argument("--meantime", help="glob of MEANTIME intra-doc XML files")
    args = parser.parse_args(argv)
    if not args.gold and not args.meantime:
        parser.error("give --gold and/or --meantime")
    nlp = spacy.blank("en")
    if args.gold:
        print(table(f"figures gold: {args.gold}", score_gold(args.gold, nlp)))
    if args.meantime:
        print(table("MEANTIME VALUE spans", score_meantime(args.meantime, nlp)))


if __name__ == "__main__":
    main()
