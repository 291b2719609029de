"""News or opinion: the writer's own voice, measured in the outlet's article text.

Commentary shows itself in the writer's first person ("we must"), in normative modals ("the
West should"), and in evaluative adjectives ("a disastrous war"). Each is counted per 1,000
words of article text *outside* quotations — quotation marks and stored direct quotes — since
a minister's "we will" in a report is the minister's voice, not the outlet's. The lean is read
from the sum of the three rates; the documents' own genre labels (from their metadata) are
reported beside it, so a reader can see where the two disagree.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import yaml

from parallax.corpus.evidence import ArticleText, Tally
from parallax.corpus.naming import NAMING_FILE

#: Summed rate per 1,000 words at or above which an outlet leans to opinion, and below which
#: it reads as news. On the example corpus the straight reports score under 2 (the odd "should"
#: or "brutal"), the op-ed 17 and an analytical column 4-5, which "mixed" describes.
OPINION_AT = 8.0
NEWS_BELOW = 3.0
CUES = ("first_person", "normative", "evaluative")
_QUOTED = re.compile(r"“[^”]{0,600}”|\"[^\"\n]{0,600}\"|«[^»]{0,600}»")
_WORD = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*")


@dataclass(frozen=True)
class GenreCues:
    """A compiled pattern per cue kind."""

    patterns: dict[str, re.Pattern[str]]


def _alternation(words: Sequence[str]) -> re.Pattern[str]:
    parts = sorted((r"\s+".join(re.escape(w) for w in str(p).split()) for p in words), key=len)
    return re.compile(r"(?<![\w'’])(?:" + "|".join(reversed(parts)) + r")(?![\w'’])", re.I)


@lru_cache(maxsize=4)
def load_cues(path: Path = NAMING_FILE) -> GenreCues:
    """The genre cue lists of the naming lexicon file."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    genre = data.get("genre") or {}
    return GenreCues({kind: _alternation(genre.get(kind) or []) for kind in CUES})


def _keep(kind: str, found: str, text: str, start: int) -> bool:
    """Case rules: "US" is a country, not "us"; "I" only as a capital, not in "World War I"."""
    low = found.lower()
    if kind == "first_person" and low == "us" and found.isupper():
        return False
    if kind == "first_person" and low == "i":
        return found == "I" and not text[max(0, start - 4) : start].endswith(("War ", "II "))
    return True


def _unquoted(piece: str, quoted: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Spans of ``piece`` outside quotation marks and the given quote spans (piece offsets)."""
    cut = sorted([*((m.start(), m.end()) for m in _QUOTED.finditer(piece)), *quoted])
    spans, pos = [], 0
    for start, end in cut:
        if start > pos:
            spans.append((pos, start))
        pos = max(pos, end)
    if pos < len(piece):
        spans.append((pos, len(piece)))
    return spans


def genre_profile(
    articles: Sequence[ArticleText],
    quotes: dict[str, list[tuple[int, int]]],
    labels: dict[str, int],
    cues: GenreCues | None = None,
) -> dict[str, Any]:
    """Cue counts and rates per 1,000 unquoted words, and the lean they point to.

    ``quotes`` maps a document id to its direct-quote spans (document offsets); ``labels``
    counts the documents' own genre metadata."""
    cues = cues or load_cues()
    tallies = {kind: Tally() for kind in CUES}
    words = 0
    for article in articles:
        spans = quotes.get(article.doc_id, [])
        for offset, piece in article.pieces():
            local = [(s - offset, e - offset) for s, e in spans if s < offset + len(piece)]
            for start, end in _unquoted(piece, [(s, e) for s, e in local if e > 0]):
                chunk = piece[start:end]
                words += len(_WORD.findall(chunk))
                for kind, pattern in cues.patterns.items():
                    for m in pattern.finditer(chunk):
                        if _keep(kind, m[0], chunk, m.start()):
                            at = offset + start + m.start()
                            tallies[kind].add(article.doc_id, at, at + len(m[0]), m[0])
    rates = {
        kind: round(1000 * t.count / words, 2) if words else 0.0 for kind, t in tallies.items()
    }
    score = round(sum(rates.values()), 2)
    lean = "opinion" if score >= OPINION_AT else "news" if score < NEWS_BELOW else "mixed"
    if not words:
        lean = "unknown"
    return {
        "words": words,
        **{kind: {**tallies[kind].to_dict(), "per_1000": rates[kind]} for kind in CUES},
        "score": score,
        "lean": lean,
        "labels": dict(sorted(labels.items())),
    }
