"""Sentiment aimed at one actor mention in a sentence: VADER plus who-does-what-to-whom rules.

A sentence-level sentiment score says how a sentence feels, not whom it is hostile to: in
"France condemned ISIS" the hostility is aimed at ISIS, and France is only its source. So the
sentence is cut into clauses (";", " but ", " while ", ", which" …), the clause holding the
mention is kept, and the verbs of ``knowledge/data/stance.yaml`` say which side of the clause an
evaluation lands on: ``criticise``/``praise`` verbs judge their object, ``harm``/``help`` verbs
judge their subject, ``defeat`` verbs both, and speech verbs neither (the speaker is neutral; a
mention inside the reported content is scored on the content). Whatever is left around the
mention (adjectives such as "brutal", "brave") is scored by VADER with the conflict-news
supplement of the same YAML, with every actor mention masked: names are not evaluations
("Free Syrian Army", "United Nations"). Negation cancels a directed verb ("did not condemn");
"failed to" / "refused to" turns a good deed into a failure of the one who failed.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property, lru_cache
from pathlib import Path
from typing import Any

import yaml
from vaderSentiment.vaderSentiment import SentimentIntensityAnalyzer

from parallax.knowledge.loader import DATA_DIR

STANCE_FILE = DATA_DIR / "stance.yaml"
#: A score beyond this (either way) is a positive or negative stance; VADER's own cut is 0.05,
#: a little more keeps one mild word ("weapons", "conflict") from labelling a neutral report.
THRESHOLD = 0.1
ROLE_WEIGHT = 0.6
RESIDUAL_WEIGHT = 0.5
#: Words either side of the mention that VADER reads: in a long clause, evaluations far from
#: the mention are mostly about something else.
WINDOW = 10

_TOKEN = re.compile(r"[A-Za-z0-9]+(?:['’-][A-Za-z0-9]+)*|[^\sA-Za-z0-9]")
_BOUNDARY = re.compile(
    r";|:\s|\s[—–]\s|\s--\s"
    r"|,?\s(?=(?:but|while|whereas|although|though)\s)"
    r"|,\s(?=(?:which|who|whom|whose)\s)",
    re.IGNORECASE,
)
_QUOTATION = re.compile(r"“[^”]*”|\"[^\"]*\"")
_CONJUNCTIONS = frozenset({"but", "while", "whereas", "although", "though"})
_LEADING = re.compile(r"^\s*(?:whereas|while|although|though|unlike|despite)\b[^,]*,", re.I)
_RELATIVE = frozenset({"which", "who", "whom", "whose"})
_PASSIVE_AUX = frozenset({"was", "were", "is", "are", "be", "been", "being", "get", "gets", "got"})
_ADVERBS = frozenset({"also", "already", "just", "often", "still", "once", "then", "again"})
_ARTICLES = frozenset({"a", "an", "the", "its", "their", "his", "her", "our", "this", "these"})
_PREPOSITIONS = frozenset({"for", "of", "after", "by", "in", "over", "from", "with", "without"})
_ADJECTIVE_ENDINGS = ("ing", "ous", "ful", "ive", "al", "ic", "ible", "able", "less", "ish", "ary")
_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "by", "that"})

TARGET, ENTITY, WORD, PUNCT = "T", "E", "W", "P"


@dataclass(frozen=True)
class Token:
    """A word, a punctuation mark, the target mention or another actor mention (one token)."""

    text: str
    kind: str

    @cached_property
    def low(self) -> str:
        """The text lower-cased (read many times per token while the verbs are matched)."""
        return self.text.lower()


@dataclass(frozen=True)
class Role:
    """A directed verb class: the polarity aimed at its agent and at its patient."""

    name: str
    agent: float
    patient: float


@dataclass(frozen=True)
class VerbHit:
    """A directed verb found in a clause: tokens ``[start, end)`` and its class."""

    start: int
    end: int
    role: Role
    passive: bool
    negated: bool
    failed: bool

    @property
    def speech(self) -> bool:
        return self.role.name == "speech"

    def toward_agent(self) -> float:
        if self.failed:
            return -1.0 if self.role.agent >= 0 else 0.3
        if self.negated:
            return -0.3 * self.role.agent
        return self.role.agent

    def toward_patient(self) -> float:
        return 0.0 if self.negated or self.failed else self.role.patient


def label_of(score: float) -> str:
    """``positive``, ``negative`` or ``neutral`` for a stance score."""
    if score > THRESHOLD:
        return "positive"
    if score < -THRESHOLD:
        return "negative"
    return "neutral"


def _phrases(words: Sequence[str]) -> list[tuple[str, ...]]:
    return [tuple(w.lower().split()) for w in words]


class StanceScorer:
    """Scores the stance a sentence takes toward one mention in it (pure: no model, no store)."""

    def __init__(self, path: Path = STANCE_FILE) -> None:
        data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        self.analyzer = SentimentIntensityAnalyzer()
        self.analyzer.lexicon.update(
            {str(w).lower(): float(v) for w, v in (data.get("lexicon") or {}).items()}
        )
        self.verbs: dict[tuple[str, ...], Role] = {}
        for name, spec in (data.get("roles") or {}).items():
            role = Role(str(name), float(spec["agent"]), float(spec["patient"]))
            for phrase in _phrases(spec["words"]):
                self.verbs[phrase] = role
        #: first word -> longest phrase starting with it: most words start none, and are
        #: skipped at once instead of trying every phrase length at every token
        self.longest_from: dict[str, int] = {}
        for phrase in self.verbs:
            self.longest_from[phrase[0]] = max(self.longest_from.get(phrase[0], 0), len(phrase))
        self.negators = frozenset(w.lower() for w in data.get("negators") or [])
        self.failures = _phrases(data.get("failures") or [])

    # --- public ------------------------------------------------------------------------------

    def score(
        self, sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()
    ) -> float:
        """The stance toward ``sentence[start:end]`` in -1..+1; ``others`` are the spans of the
        other actor mentions in the sentence (masked, as the target is)."""
        spans = _clauses(sentence, start, end)
        own = next((k for k, (s, e) in enumerate(spans) if s <= start < e), 0)
        cs, ce = spans[own]
        tokens, t = self._tokens(sentence, cs, ce, start, end, others)
        scores = [self._clause(tokens, t)]
        if own + 1 < len(spans) and _ends_clause(tokens, t):
            rs, re_ = spans[own + 1]
            rel, _ = self._tokens(sentence, rs, re_, -1, -1, others)
            if rel and rel[0].low in _RELATIVE:  # ", which …" / ", who …" is about the target
                scores.append(self._clause([Token("", TARGET), *rel[1:]], 0))
        return max(-1.0, min(1.0, sum(scores) / len(scores)))

    def label(self, score: float) -> str:
        """The label of a score (see :func:`label_of`)."""
        return label_of(score)

    # --- tokens and verbs --------------------------------------------------------------------

    def _tokens(
        self,
        text: str,
        cs: int,
        ce: int,
        start: int,
        end: int,
        others: Sequence[tuple[int, int]],
    ) -> tuple[list[Token], int]:
        """Clause ``[cs, ce)`` as tokens, each mention one token; the target's index (or -1).

        A quotation is someone else's sentence: a mention inside one is read within the
        quotation only, and a mention outside one does not see its words."""
        holes = [(m.start(), m.end()) for m in _QUOTATION.finditer(text, cs, ce)]
        inside = next(((s, e) for s, e in holes if s <= start < e), None)
        if inside is not None:
            cs, ce, holes = inside[0] + 1, inside[1] - 1, []
        own = [(start, end, TARGET)] if cs <= start < ce else []
        marks = sorted(
            own
            + [
                (s, e, ENTITY)
                for s, e in others
                if cs <= s < ce
                and not (s < end and start < e)
                and not any(hs <= s < he for hs, he in holes)
            ]
        )
        tokens: list[Token] = []
        target = -1
        pos = cs
        for s, e, kind in [*marks, (ce, ce, "")]:
            if s < pos:
                continue
            for m in _TOKEN.finditer(text, pos, s):
                if not any(hs <= m.start() < he for hs, he in holes):
                    tokens.append(Token(m[0], WORD if m[0][0].isalnum() else PUNCT))
            if kind:
                if kind == TARGET:
                    target = len(tokens)
                tokens.append(Token(text[s:e], kind))
                pos = e
        if tokens and tokens[0].low in _CONJUNCTIONS and target != 0:
            return tokens[1:], target - 1
        return tokens, target

    def _verbs(self, tokens: Sequence[Token]) -> list[VerbHit]:
        """The directed verbs of a clause, longest phrase first, left to right."""
        hits: list[VerbHit] = []
        i = 0
        while i < len(tokens):
            longest = self.longest_from.get(tokens[i].low, 0) if tokens[i].kind == WORD else 0
            for size in range(min(longest, len(tokens) - i), 0, -1):
                window = tokens[i : i + size]
                if any(tok.kind != WORD for tok in window):
                    continue
                role = self.verbs.get(tuple(tok.low for tok in window))
                if role is not None and not _nominal(tokens, i):
                    hits.append(self._hit(tokens, i, i + size, role))
                    i += size - 1
                    break
            i += 1
        return hits

    def _hit(self, tokens: Sequence[Token], start: int, end: int, role: Role) -> VerbHit:
        before = [tok.low for tok in tokens[max(0, start - 4) : start]]
        negated = any(w in self.negators or w.endswith(("n't", "n’t")) for w in before[-3:])
        failed = any(tuple(before[-len(p) :]) == p for p in self.failures if len(before) >= len(p))
        return VerbHit(start, end, role, self._passive(tokens, start), negated, failed)

    def _passive(self, tokens: Sequence[Token], start: int) -> bool:
        """ "was condemned", "have never been accused", "will be defeated" (an -ing form is not)."""
        if tokens[start].low.endswith("ing"):
            return False
        for k in range(start - 1, max(-1, start - 4), -1):
            word = tokens[k].low
            if word in _PASSIVE_AUX:
                return True
            if not (word in self.negators or word.endswith("ly") or word in _ADVERBS):
                return False
        return False

    # --- one clause ----------------------------------------------------------------------

    def _clause(self, tokens: Sequence[Token], t: int, depth: int = 0) -> float:
        """Role polarity from the directed verbs around the target, plus VADER on what is left
        of the target's stretch of the clause (between the verbs that bound it)."""
        if t < 0:
            return 0.0
        verbs = self._verbs(tokens)
        prev = next((v for v in reversed(verbs) if v.end <= t), None)
        nxt = next((v for v in verbs if v.start > t), None)
        end = nxt.start if nxt is not None else len(tokens)
        if prev is not None and prev.speech:
            if _fillers(tokens[prev.end : t]) and _at_end(tokens, t):  # "…, said Hollande."
                return self._mix(0.0, tokens[t:])
            if depth < 3:  # inside the reported content: score the content on its own
                skip = prev.end
                while skip < t and (tokens[skip].kind == PUNCT or tokens[skip].low == "that"):
                    skip += 1
                return self._clause(tokens[skip:], t - skip, depth + 1)
        role = 0.0
        start = prev.end if prev is not None else 0
        if prev is not None and prev.passive and _by_agent(tokens[prev.end : t]):
            role += prev.toward_agent()  # "was condemned by France": France is the agent
        elif prev is not None and not prev.passive:
            role += prev.toward_patient()
        if nxt is not None and _governs(tokens[t + 1 : nxt.start]):
            role += nxt.toward_patient() if nxt.passive else nxt.toward_agent()
        start, end = max(start, t - WINDOW), min(end, t + WINDOW + 1)
        return self._mix(max(-1.0, min(1.0, role)), tokens[start:end])

    def _mix(self, role: float, window: Sequence[Token]) -> float:
        """Role polarity and the VADER compound of the window's words (mentions masked)."""
        words = " ".join(tok.text for tok in window if tok.kind in (WORD, PUNCT))
        residual = float(self.analyzer.polarity_scores(words)["compound"]) if words else 0.0
        return ROLE_WEIGHT * role + RESIDUAL_WEIGHT * residual


def _fillers(tokens: Sequence[Token]) -> bool:
    """Nothing but a determiner or two between a speech verb and its inverted speaker."""
    return len(tokens) <= 2 and all(t.kind == PUNCT or t.low in _DETERMINERS for t in tokens)


def _at_end(tokens: Sequence[Token], t: int) -> bool:
    """The target closes the clause (punctuation after it, or an appositive comma)."""
    rest = tokens[t + 1 :]
    return not rest or rest[0].text == "," or all(tok.kind == PUNCT for tok in rest)


def _ends_clause(tokens: Sequence[Token], t: int) -> bool:
    return t >= 0 and all(tok.kind == PUNCT for tok in tokens[t + 1 :])


def _by_agent(between: Sequence[Token]) -> bool:
    """``by`` and at most a few determiners, conjunctions or other mentions before the target."""
    lows = [tok.low for tok in between]
    if "by" not in lows:
        return False
    after = between[len(lows) - 1 - lows[::-1].index("by") + 1 :]
    return len(after) <= 3 and all(
        tok.kind == ENTITY or tok.low in _DETERMINERS or tok.low in {"and", ","} for tok in after
    )


def _governs(between: Sequence[Token]) -> bool:
    """Whether the target can be the subject of the next verb: no comma between them, or a
    closed pair of commas (an appositive: "Hezbollah, an Iranian ally, sent …"); a gerund after
    a preposition ("criticised by its allies *for shelling*") belongs to the main verb's object."""
    if between and between[-1].low in _PREPOSITIONS:
        return False
    return sum(tok.text == "," for tok in between) % 2 == 0


def _nominal(tokens: Sequence[Token], i: int) -> bool:
    """A verb form used as a noun: "a humiliating *defeat*", "the *attack*", "its *support*"."""
    if i >= 1 and tokens[i - 1].low in _ARTICLES:
        return True
    return (
        i >= 2
        and tokens[i - 2].low in _ARTICLES
        and tokens[i - 1].kind == WORD
        and tokens[i - 1].low.endswith(_ADJECTIVE_ENDINGS)
    )


def _clauses(sentence: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans of a sentence; no cut falls inside the mention ``[start, end)``."""
    cuts: list[tuple[int, int]] = []
    lead = _LEADING.match(sentence)
    if lead and not (lead.start() <= start < lead.end() - 1 < end):
        cuts.append((lead.end(), lead.end()))
    for m in _BOUNDARY.finditer(sentence):
        if not (m.start() < end and start < m.end()):
            cuts.append((m.start(), m.end()))
    spans, pos = [], 0
    for cut_start, cut_end in sorted(cuts):
        if cut_start > pos:
            spans.append((pos, cut_start))
        pos = max(pos, cut_end)
    spans.append((pos, len(sentence)))
    return [s for s in spans if s[1] > s[0]] or [(0, len(sentence))]


@lru_cache(maxsize=1)
def default_scorer() -> StanceScorer:
    """The scorer over the shipped lexicon (VADER's lexicon takes ~0.1 s to read: built once)."""
    return StanceScorer()


def score_mention(
    sentence: str, start: int, end: int, others: Sequence[tuple[int, int]] = ()
) -> tuple[float, str]:
    """Score and label of the stance toward ``sentence[start:end]`` (offsets into it)."""
    score = default_scorer().score(sentence, start, end, others)
    return score, label_of(score)
