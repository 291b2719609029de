"""Whom an outlet lets speak, and with which verbs it introduces them.

Quotes (direct and reported, from the ``quotes`` table; readers' comments left out) are grouped
by their speaker's sector — officials, military, militants, experts, civilians, media, NGOs —
and by speaker, with how many characters each was given. A speaker linked to an actor gets the
actor's sector from the knowledge base (an organisation's sector, a person's office on the day
of the article, ``IRQMIL``-style codes, a state speaking through its government); an unlinked
speaker is tried with the actor resolver ("Iraqi officials") and then with the cue words of
``knowledge/data/voices.yaml`` ("a local resident", "an analyst"), else counted as unknown.
The attribution verb of each quote is classed neutral ("said"), loaded ("boasted", "claimed",
"admitted", "insisted") or stance-taking ("warned", "urged"): the same words reported with
"claimed" instead of "said" tell the reader not to believe them.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import yaml

from parallax.corpus.evidence import ARTICLE_SEGMENTS, Tally, placeholders
from parallax.knowledge.actors import ActorResolver
from parallax.knowledge.loader import DATA_DIR, KnowledgeBase
from parallax.knowledge.models import SECTORS
from parallax.nlp.lemmas import inflections

VOICES_FILE = DATA_DIR / "voices.yaml"
VOICE_SECTORS = (
    "officials",
    "military",
    "militants",
    "experts",
    "civilians",
    "media",
    "ngos",
    "other",
    "unknown",
)
VERB_CLASSES = ("neutral", "loaded", "stance", "other", "unmarked")
_WORDS = re.compile(r"[a-z][a-z'’-]*")


@dataclass(frozen=True)
class VoiceLexicon:
    """Sector codes to voice sectors, speaker cue phrases, and attribution verb forms."""

    sectors: dict[str, str]
    cues: tuple[tuple[tuple[str, ...], str], ...]  # longest first
    verbs: dict[tuple[str, ...], tuple[str, str]]  # form words -> (lemma, class)


@lru_cache(maxsize=4)
def load_voice_lexicon(path: Path = VOICES_FILE) -> VoiceLexicon:
    """The voices lexicon file, with every verb form spelled out."""
    data: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    cues = sorted(
        (
            (tuple(str(cue).lower().split()), str(sector))
            for sector, words in (data.get("cues") or {}).items()
            for cue in words
        ),
        key=lambda item: -len(item[0]),
    )
    irregular = {str(k): [str(f) for f in v] for k, v in (data.get("forms") or {}).items()}
    verbs: dict[tuple[str, ...], tuple[str, str]] = {}
    for klass, lemmas in (data.get("verbs") or {}).items():
        for lemma in lemmas:
            head, *rest = str(lemma).lower().split()
            for form in inflections(head) | set(irregular.get(head, [])):
                verbs.setdefault((form, *rest), (str(lemma), str(klass)))
    sectors = {str(k): str(v) for k, v in (data.get("sectors") or {}).items()}
    return VoiceLexicon(sectors, tuple(cues), verbs)


def verb_of(cue: str | None, lexicon: VoiceLexicon | None = None) -> tuple[str | None, str]:
    """The attribution verb (lemma) of a quote's cue and its class: "recently boasted about"
    gives ("boast about", "loaded"); no cue or a bare colon gives (None, "unmarked")."""
    lexicon = lexicon or load_voice_lexicon()
    words = _WORDS.findall((cue or "").lower().replace("’", "'"))
    if not words:
        return None, "unmarked"
    for size in (2, 1):
        for i in range(len(words) - size + 1):
            found = lexicon.verbs.get(tuple(words[i : i + size]))
            if found is not None:
                return found
    return " ".join(words), "other"


class SpeakerSectors:
    """Places speakers in voice sectors from the knowledge base, the resolver and cue words."""

    def __init__(self, kb: KnowledgeBase, lexicon: VoiceLexicon | None = None) -> None:
        self.kb = kb
        self.resolver = ActorResolver(kb)
        self.lexicon = lexicon or load_voice_lexicon()

    def of_actor(self, actor_id: str, day: dt.date | None) -> tuple[str, str] | None:
        """(voice sector, display name) of a known actor id, or None."""
        org = self.kb.organisations.get(actor_id)
        if org is not None:
            return self._voice(org.sector), org.name
        person = self.kb.people.get(actor_id)
        if person is not None:
            role = person.role_on(day)
            if role is None:
                return "other", person.name
            if role.kind == "military_chief":
                return "military", person.name
            return self._voice(role.sector), person.name
        if actor_id in self.kb.states:
            return "officials", self.resolver.state_names.get(actor_id, actor_id)
        state, sector = actor_id[:3], actor_id[3:]
        if state in self.kb.states and sector in SECTORS:
            names = self.resolver
            name = f"{names.state_names.get(state, state)} {names.sector_names.get(sector, sector)}"
            return self._voice(sector), name
        return None

    def of_speaker(
        self, speaker: str | None, actor_id: str | None, day: dt.date | None
    ) -> tuple[str, str, str | None]:
        """(voice sector, speaker name, actor id) of a quote's speaker."""
        if actor_id:
            known = self.of_actor(actor_id, day)
            if known is not None:
                return known[0], known[1], actor_id
        text = " ".join((speaker or "").split())
        if not text:
            return "unknown", "(no speaker)", None
        resolved = self.resolver.resolve(text, day=day)
        if resolved is not None:
            known = self.of_actor(resolved.actor_id, day)
            if known is not None:
                return known[0], known[1], resolved.actor_id
        words = tuple(_WORDS.findall(text.lower().replace("’", "'")))
        for cue, sector in self.lexicon.cues:
            n = len(cue)
            if any(words[i : i + n] == cue for i in range(len(words) - n + 1)):
                return sector, text, None
        return "unknown", text, None

    def _voice(self, sector: str | None) -> str:
        return self.lexicon.sectors.get(sector or "", "other")


@dataclass(frozen=True)
class QuoteRow:
    """A stored quote with what the profile needs of it."""

    doc_id: str
    start: int
    end: int
    text: str
    cue: str | None
    speaker: str | None
    actor_id: str | None
    published: dt.date | None


def load_quotes(con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str]) -> list[QuoteRow]:
    """The quotes in the article text of ``doc_ids``, in corpus order."""
    if not doc_ids:
        return []
    rows = con.execute(
        f"""
        SELECT q.doc_id, q.start, q."end", q.text, q.cue, q.speaker, q.speaker_actor_id,
               d.published
        FROM quotes q JOIN documents d ON d.id = q.doc_id
        WHERE q.doc_id IN ({placeholders(doc_ids)})
          AND coalesce(q.segment, 'body') IN ({placeholders(ARTICLE_SEGMENTS)})
        ORDER BY q.doc_id, q.start
        """,
        [*doc_ids, *ARTICLE_SEGMENTS],
    ).fetchall()
    return [
        QuoteRow(str(r[0]), int(r[1]), int(r[2]), str(r[3]), r[4], r[5], r[6], r[7]) for r in rows
    ]


def count_voices(
    quotes: Sequence[QuoteRow], sectors: SpeakerSectors, *, top: int = 15
) -> dict[str, Any]:
    """Quotes and quoted characters by voice sector and by speaker."""
    by_sector = {s: Tally() for s in VOICE_SECTORS}
    chars = dict.fromkeys(VOICE_SECTORS, 0)
    speakers: dict[tuple[str, str | None], dict[str, Any]] = {}
    for q in quotes:
        sector, name, actor_id = sectors.of_speaker(q.speaker, q.actor_id, q.published)
        by_sector[sector].add(q.doc_id, q.start, q.end, q.text)
        chars[sector] += len(q.text)
        entry = speakers.setdefault(
            (name, actor_id),
            {"speaker": name, "actor_id": actor_id, "sector": sector, "tally": Tally(), "chars": 0},
        )
        entry["tally"].add(q.doc_id, q.start, q.end, q.text)
        entry["chars"] += len(q.text)
    total = len(quotes)
    ranked = sorted(speakers.values(), key=lambda e: (-e["tally"].count, -e["chars"], e["speaker"]))
    return {
        "quotes": total,
        "chars": sum(chars.values()),
        "sectors": [
            {
                "sector": s,
                "quotes": by_sector[s].count,
                "chars": chars[s],
                "share": round(by_sector[s].count / total, 3) if total else 0.0,
                "evidence": by_sector[s].evidence,
            }
            for s in VOICE_SECTORS
        ],
        "speakers": [
            {
                "speaker": e["speaker"],
                "actor_id": e["actor_id"],
                "sector": e["sector"],
                "quotes": e["tally"].count,
                "chars": e["chars"],
                "evidence": e["tally"].evidence,
            }
            for e in ranked[:top]
        ],
    }


def count_verbs(quotes: Sequence[QuoteRow], lexicon: VoiceLexicon | None = None) -> dict[str, Any]:
    """Attribution verbs by class (neutral, loaded, stance, other, unmarked) and by verb."""
    lexicon = lexicon or load_voice_lexicon()
    classes = {c: Tally() for c in VERB_CLASSES}
    verbs: dict[tuple[str, str], Tally] = {}
    for q in quotes:
        verb, klass = verb_of(q.cue, lexicon)
        classes[klass].add(q.doc_id, q.start, q.end, q.text, cue=q.cue)
        if verb is not None:
            verbs.setdefault((verb, klass), Tally()).add(
                q.doc_id, q.start, q.end, q.text, cue=q.cue
            )
    marked = sum(classes[c].count for c in ("neutral", "loaded", "stance"))
    ranked = sorted(verbs.items(), key=lambda item: (-item[1].count, item[0][0]))
    return {
        "classes": [{"class": c, **classes[c].to_dict()} for c in VERB_CLASSES],
        "loaded_share": round(classes["loaded"].count / marked, 3) if marked else 0.0,
        "verbs": [{"verb": v, "class": k, **t.to_dict()} for (v, k), t in ranked],
    }
