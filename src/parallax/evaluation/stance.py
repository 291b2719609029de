"""How well the stance rules read the direction of a sentence toward one actor mention.

The gold file ``tests/data/stance_gold.jsonl`` holds conflict-news and commentary sentences
written by the team, each with a target mention (``start``/``end`` into ``text``) and the
direction the sentence takes toward it:

- ``negative``: the sentence condemns, blames or accuses the target, attributes harm to it
  (killing, shelling, abducting), describes it with hostile words, or reports its defeat or
  failure ("failed to protect", "refused to condemn");
- ``positive``: it praises, thanks or backs the target, credits it with help, rescue,
  liberation or success, or describes it favourably;
- ``neutral``: a report without evaluation of the target — including the target as the one who
  condemns or praises someone else, as a speaker, or as the victim or place of an event.

Lines carry ``split``: ``dev`` (the rules were developed against these, so their scores are
optimistic) or ``test`` (written afterwards and never tuned on: the figure to quote).

    python -m parallax.evaluation.stance --gold tests/data/stance_gold.jsonl
"""

from __future__ import annotations

import argparse
import json
from collections.abc import Mapping
from pathlib import Path

from parallax.corpus.stance_rules import StanceScorer, label_of

LABELS = ("positive", "negative", "neutral")


def score_gold(
    path: str | Path, *, split: str | None = None, scorer: StanceScorer | None = None
) -> dict[str, float]:
    """Accuracy, macro-F1 and per-label P/R/F1 of the predicted direction (one split or all)."""
    scorer = scorer or StanceScorer()
    pairs: list[tuple[str, str]] = []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        item = json.loads(line)
        if split is not None and item.get("split") != split:
            continue
        predicted = label_of(scorer.score(item["text"], item["start"], item["end"]))
        pairs.append((item["label"], predicted))
    scores: dict[str, float] = {"sentences": float(len(pairs))}
    scores["accuracy"] = sum(g == p for g, p in pairs) / len(pairs) if pairs else 0.0
    f1s = []
    for label in LABELS:
        tp = sum(g == p == label for g, p in pairs)
        n_pred = sum(p == label for _, p in pairs)
        n_gold = sum(g == label for g, _ in pairs)
        precision = tp / n_pred if n_pred else 0.0
        recall = tp / n_gold if n_gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        scores[f"{label}_precision"] = precision
        scores[f"{label}_recall"] = recall
        scores[f"{label}_f1"] = f1
        f1s.append(f1)
    scores["macro_f1"] = sum(f1s) / len(f1s)
    return scores


def table(title: str, scores: Mapping[str, float]) -> str:
    """A markdown table of the scores (the sentence count as an integer)."""
    rows = [f"| {title} | |", "|---|---:|"]
    for name, value in scores.items():
        shown = f"{value:.0f}" if name == "sentences" else f"{value:.3f}"
        rows.append(f"| {name} | {shown} |")
    return "\n".join(rows)


def main(argv: list[str] | None = None) -> None:
    """Print the scores of each split as markdown tables."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--gold", required=True, help="JSONL gold file (text, start, end, label)")
    args = parser.parse_args(argv)
    scorer = StanceScorer()
    for split in ("test", "dev"):
        print(table(f"stance gold ({split})", score_gold(args.gold, split=split, scorer=scorer)))
        print()


if __name__ == "__main__":
    main()
