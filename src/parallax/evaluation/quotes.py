"""Score the quote extractor on PolNeAR dev (brat attribution relations).

PolNeAR marks every attribution in 84 political news articles: a Source, a Cue and a Content
span (contents may be discontinuous: "“A,” he said, “B.”"). Matching is on word tokens: a
predicted attribution matches a gold one when they share at least half of the gold content's
words *and* at least half of the predicted content's words (so a prediction that swallows
the whole paragraph does not match), one to one, largest overlap first. Speaker accuracy is
over matched pairs: the source as the sentence names it ("he", "Caddell") shares a word with
the gold Source span (or both have none). Pronoun resolution is not scored here: PolNeAR
marks the pronoun itself as the source.

Texts annotated twice are scored once, with the first annotation file in name order.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language

from parallax.extract.attribution import Attribution

_WORD = re.compile(r"\w+")
Ranges = tuple[tuple[int, int], ...]


@dataclass(frozen=True)
class GoldAttribution:
    """One PolNeAR attribution: content and source as character ranges."""

    content: Ranges
    source: Ranges


def read_brat_parts(ann: str) -> tuple[dict[str, tuple[str, Ranges]], list[dict[str, str]]]:
    """The text-bound spans (id → label and ranges) and the event relations (role → span id)
    of one brat ``.ann`` file; discontinuous spans keep every part."""
    spans: dict[str, tuple[str, Ranges]] = {}
    relations: list[dict[str, str]] = []
    for line in ann.splitlines():
        fields = line.split("\t")
        if line.startswith("T") and len(fields) >= 2:
            label, _, offsets = fields[1].partition(" ")
            ranges = []
            for piece in offsets.split(";"):
                start, end = piece.split()
                ranges.append((int(start), int(end)))
            spans[fields[0]] = (label, tuple(ranges))
        elif line.startswith("E") and len(fields) >= 2:
            relations.append(dict(arg.split(":", 1) for arg in fields[1].split()))
    return spans, relations


def read_brat(ann: str) -> list[GoldAttribution]:
    """The attribution relations (``E`` lines) of one brat ``.ann`` file."""
    spans, relations = read_brat_parts(ann)
    gold = []
    for relation in relations:
        _, content = spans.get(relation.get("Content", ""), ("", ()))
        if content:
            _, source = spans.get(relation.get("Source", ""), ("", ()))
            gold.append(GoldAttribution(content, source))
    return gold


def load_polnear(split_dir: Path) -> Iterator[tuple[str, str, list[GoldAttribution]]]:
    """(name, text, gold attributions) for every text of a PolNeAR split."""
    annotations = sorted((split_dir / "attributions").glob("*.ann"))
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        matching = [a for a in annotations if a.name.startswith(text_path.stem + "_")]
        if not matching:
            continue
        text = text_path.read_text(encoding="utf-8")
        yield text_path.stem, text, read_brat(matching[0].read_text(encoding="utf-8"))


def words_in(text: str, ranges: Ranges) -> frozenset[int]:
    """Start offsets of the word tokens of ``text`` overlapping ``ranges``."""
    found = set()
    for start, end in ranges:
        for match in _WORD.finditer(text, max(0, start - 40), end):
            if match.end() > start and match.start() < end:
                found.add(match.start())
    return frozenset(found)


@dataclass
class Counts:
    """Running totals for precision, recall and speaker accuracy."""

    gold: int = 0
    predicted: int = 0
    matched: int = 0
    speaker_right: int = 0
    direct_gold: int = 0
    direct_matched: int = 0

    def scores(self) -> dict[str, float]:
        """Precision, recall, F1, speaker accuracy and the counts behind them."""
        precision = self.matched / self.predicted if self.predicted else 0.0
        recall = self.matched / self.gold if self.gold else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        return {
            "precision": round(precision, 3),
            "recall": round(recall, 3),
            "f1": round(f1, 3),
            "speaker_accuracy": round(self.speaker_right / self.matched, 3)
            if self.matched
            else 0.0,
            "direct_recall": round(self.direct_matched / self.direct_gold, 3)
            if self.direct_gold
            else 0.0,
            "gold": float(self.gold),
            "predicted": float(self.predicted),
        }


def score_document(
    text: str,
    predicted: Sequence[Attribution],
    source_ranges: Sequence[Ranges],
    gold: Sequence[GoldAttribution],
    counts: Counts,
) -> None:
    """Add one document's matches to ``counts``."""
    gold_words = [words_in(text, g.content) for g in gold]
    predicted_words = [words_in(text, p.content) for p in predicted]
    pairs = []
    for gi, g in enumerate(gold_words):
        for pi, p in enumerate(predicted_words):
            shared = len(g & p)
            if g and p and shared * 2 >= len(g) and shared * 2 >= len(p):
                pairs.append((shared, gi, pi))
    pairs.sort(reverse=True)
    used_gold: set[int] = set()
    used_predicted: set[int] = set()
    for _, gi, pi in pairs:
        if gi in used_gold or pi in used_predicted:
            continue
        used_gold.add(gi)
        used_predicted.add(pi)
        counts.matched += 1
        gold_source = words_in(text, gold[gi].source)
        predicted_source = words_in(text, source_ranges[pi])
        if (gold_source & predicted_source) or (not gold_source and not predicted_source):
            counts.speaker_right += 1
        if _is_direct(text, gold[gi].content):
            counts.direct_matched += 1
    counts.gold += len(gold)
    counts.predicted += len(predicted)
    counts.direct_gold += sum(1 for g in gold if _is_direct(text, g.content))


def _is_direct(text: str, ranges: Ranges) -> bool:
    return text[ranges[0][0] : ranges[0][0] + 1] in '“"‘'


def score_polnear(split_dir: Path, nlp: Language | None = None) -> dict[str, float]:
    """Content-span and speaker scores of the quote extractor on one PolNeAR split."""
    if nlp is None:
        nlp = quote_pipeline()
    documents = list(load_polnear(split_dir))
    counts = Counts()
    texts = (text for _, text, _ in documents)
    for (_, text, gold), doc in zip(documents, nlp.pipe(texts, batch_size=8), strict=True):
        attributions = doc._.attributions or []
        sources = [
            ((doc[a.source[0]].idx, doc[a.source[1] - 1].idx + len(doc[a.source[1] - 1])),)
            if a.source
            else ()
            for a in attributions
        ]
        score_document(text, attributions, sources, gold, counts)
    scores = counts.scores()
    scores["documents"] = float(len(documents))
    return scores


def quote_pipeline() -> Language:
    """The trained pipeline with the knowledge base and the quote extractor."""
    import parallax.extract.quotes  # noqa: F401 - registers the factory
    from parallax.nlp.pipeline import build_pipeline

    nlp = build_pipeline()
    nlp.add_pipe("parallax_quotes")
    return nlp


def table(title: str, scores: dict[str, float]) -> str:
    """A markdown table of one PolNeAR run."""
    return "\n".join(
        [
            f"| {title} | value |",
            "|---|---|",
            f"| documents | {scores['documents']:.0f} |",
            f"| gold attributions | {scores['gold']:.0f} |",
            f"| predicted | {scores['predicted']:.0f} |",
            f"| content precision | {scores['precision']:.3f} |",
            f"| content recall | {scores['recall']:.3f} |",
            f"| content F1 | {scores['f1']:.3f} |",
            f"| recall of direct (quoted) contents | {scores['direct_recall']:.3f} |",
            f"| speaker correct (of matched) | {scores['speaker_accuracy']:.3f} |",
        ]
    )
