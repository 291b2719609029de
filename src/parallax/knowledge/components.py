"""The knowledge base as spaCy components: an actor ruler and a linker.

``parallax_actor_ruler`` marks every alias in the registry (ISIS, Daesh, Kerry, Iraqi…) as an
entity, overriding the statistical NER where they overlap: the curated list knows "Daesh" is an
organisation better than a model trained on Wikipedia-era news does. ``parallax_linker`` then
links each entity to an actor and each toponym to a place, using the document's date (for
offices) and the states it mentions (for namesakes), and collects actor mentions - entities,
"US forces"-style sector phrases and bare roles like "the president" - in ``doc.spans["actors"]``.
Both work on ``spacy.blank("en")`` too, which keeps their tests model-free.
"""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span
from spacy.util import filter_spans

from parallax.knowledge.actors import GENERIC_TITLES, ActorResolver
from parallax.knowledge.loader import load_knowledge
from parallax.knowledge.places import Gazetteer

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
_LOCATIVE = frozenset({"in", "at", "from", "to", "near", "outside", "into", "across", "around"})
_ADMIN_WORDS = frozenset({"state", "province", "governorate", "region", "district", "oblast"})


def register_extensions() -> None:
    """Declare every ``Doc._``/``Span._`` attribute the knowledge components set (idempotent)."""
    for name, default in (("published", None), ("countries", None)):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=default)
    for name in ("actor", "place"):
        if not Span.has_extension(name):
            Span.set_extension(name, default=None)


@lru_cache(maxsize=4)
def knowledge(kb_files: tuple[str, ...] = ()) -> tuple[ActorResolver, Gazetteer]:
    """The resolver and gazetteer for a set of overlay files, built once per process."""
    kb = load_knowledge(Path(f) for f in kb_files)
    return ActorResolver(kb), Gazetteer(kb)


def _plain(text: str) -> str:
    """``text`` without accents ("Erdoğan" → "Erdogan"), for a second pattern."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def _case_sensitive(alias: str) -> bool:
    """Short all-caps aliases ("IS", "US") must match exactly, as in the resolver."""
    return len(alias) <= 3 and alias.isupper()


class ActorRuler:
    """Mark registry aliases and curated region names as entities (label from the registry,
    ``kb_id`` when the alias names exactly one actor).

    Aliases match ignoring case ("Nato" = "NATO", "Al-Qaeda" = "al-Qaeda") and accents, but a
    match must hold a capitalised word, so the alias "May" never marks the modal verb "may".
    Short all-caps aliases match their exact case only.
    """

    def __init__(self, nlp: Language, name: str, kb_files: Iterable[str]) -> None:
        register_extensions()
        self.name = name
        resolver, _ = knowledge(tuple(kb_files))
        self.exact = PhraseMatcher(nlp.vocab, attr="ORTH")
        self.folded = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.labels: dict[int, tuple[str, str]] = {}
        by_key: dict[tuple[str, str], set[str]] = {}
        for alias, label, actor_id in resolver.aliases():
            if len(alias) > 1:
                by_key.setdefault((label, actor_id or ""), set()).add(alias)
        for region in resolver.kb.regions.values():  # curated names a model may not know
            label = "GPE" if region.feature_class in ("A", "P") else "LOC"
            names = {n for n in {region.name, *region.aliases} if len(n) > 1}
            by_key.setdefault((label, ""), set()).update(names)
        for n, ((label, actor_id), aliases) in enumerate(by_key.items()):
            key = f"{self.name}:{n}"
            exact = sorted(a for a in aliases if _case_sensitive(a))
            folded = sorted({v for a in aliases if not _case_sensitive(a) for v in (a, _plain(a))})
            if exact:
                self.exact.add(key, [nlp.make_doc(a) for a in exact])
            if folded:
                self.folded.add(key, [nlp.make_doc(a) for a in folded])
            self.labels[nlp.vocab.strings[key]] = (label, actor_id)

    def __call__(self, doc: Doc) -> Doc:
        found = []
        for match_id, start, end in [*self.exact(doc), *self.folded(doc)]:
            if not any(t.text[:1].isupper() for t in doc[start:end]):
                continue
            label, actor_id = self.labels[match_id]
            found.append(Span(doc, start, end, label=label, kb_id=actor_id))
        ours = filter_spans(found)
        taken = {i for span in ours for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted([*kept, *ours], key=lambda s: s.start)
        return doc


class Linker:
    """Link entities to actors and places; collect actor mentions in ``doc.spans["actors"]``."""

    def __init__(self, nlp: Language, name: str, kb_files: Iterable[str]) -> None:
        register_extensions()
        self.name = name
        self.resolver, self.gazetteer = knowledge(tuple(kb_files))
        people = self.resolver.kb.people.values()
        titles = {role.title.lower() for person in people for role in person.roles}
        titles.update(GENERIC_TITLES)
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", [nlp.make_doc(t) for t in sorted(titles)])
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues.add("SECTOR", [nlp.make_doc(c) for c in self.resolver.sector_cues])

    def __call__(self, doc: Doc) -> Doc:
        day: dt.date | None = doc._.published
        self._places_after_prepositions(doc)
        countries: Counter[str] = Counter()
        for ent in doc.ents:
            code = self.resolver.state_of(ent.text)
            if code:
                countries[code] += 1
        doc._.countries = countries
        actors: list[Span] = []
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                after = doc[ent.end].lower_ if ent.end < len(doc) else ""
                ent._.place = self.gazetteer.resolve(
                    ent.text, context=countries, prefer_admin=after in _ADMIN_WORDS
                )
            if ent.label_ in ACTOR_LABELS:
                actor = self.resolver.resolve(ent.text, day=day, context=countries)
                ent._.actor = actor
                if actor is not None:
                    actors.append(self._sector_span(doc, ent) or ent)
        actors.extend(self._role_spans(doc, day, countries))
        spans = filter_spans(actors)
        for span in spans:
            if span._.actor is None:
                span._.actor = self.resolver.resolve(span.text, day=day, context=countries)
        doc.spans["actors"] = [s for s in spans if s._.actor is not None]
        return doc

    def _places_after_prepositions(self, doc: Doc) -> None:
        """Relabel as places the model's PERSON names in "talks in Geneva": a name that no
        person in the registry bears, after a locative preposition, naming a known city or state.
        """
        fixed = []
        changed = False
        for ent in doc.ents:
            if (
                ent.label_ == "PERSON"
                and ent.start > 0
                and doc[ent.start - 1].lower_ in _LOCATIVE
                and self.resolver.resolve(ent.text, day=None) is None
            ):
                place = self.gazetteer.resolve(ent.text)
                if place is not None and (place.population >= 100_000 or place.kind != "city"):
                    fixed.append(Span(doc, ent.start, ent.end, label="GPE"))
                    changed = True
                    continue
            fixed.append(ent)
        if changed:
            doc.ents = fixed

    def _sector_span(self, doc: Doc, ent: Span) -> Span | None:
        """The entity and a sector cue after it: "US" + "forces" is USAMIL."""
        # PhraseMatcher reports doc offsets even when given a span
        for _, start, end in self.cues(doc[ent.end : min(len(doc), ent.end + 3)]):
            if start != ent.end:
                continue
            span = doc[ent.start : end]
            actor = self.resolver.resolve_sector_phrase(span.text)
            if actor is not None:
                span._.actor = actor
                return span
        return None

    def _role_spans(self, doc: Doc, day: dt.date | None, countries: Counter[str]) -> list[Span]:
        """Bare office mentions ("the president", "Iraq's prime minister") resolved by date."""
        spans = []
        for _, start, end in self.roles(doc):
            if end < len(doc) and doc[end].ent_type_ == "PERSON":
                continue  # "President Barack Obama": the name resolves itself
            first = start
            while first > 0 and (
                doc[first - 1].ent_type_ in ("NORP", "GPE") or doc[first - 1].text in ("'s", "’s")
            ):
                first -= 1
            if first > 0 and doc[first - 1].lower_ == "the":
                first -= 1
            span = doc[first:end]
            actor = self.resolver.resolve_role(span.text, day=day, context=countries)
            if actor is not None:
                span._.actor = actor
                spans.append(span)
        return spans


@Language.factory(
    "parallax_actor_ruler",
    default_config={"kb_files": []},
    assigns=["doc.ents"],
)
def make_actor_ruler(nlp: Language, name: str, kb_files: list[str]) -> ActorRuler:
    """Entity patterns from the actor registry (plus the user's ``kb_files``)."""
    return ActorRuler(nlp, name, kb_files)


@Language.factory(
    "parallax_linker",
    default_config={"kb_files": []},
    assigns=["span._.actor", "span._.place", "doc._.countries", "doc.spans"],
    requires=["doc.ents"],
)
def make_linker(nlp: Language, name: str, kb_files: list[str]) -> Linker:
    """Actor and place links for entities; actor mentions in ``doc.spans["actors"]``."""
    return Linker(nlp, name, kb_files)
