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

import calendar
import datetime as dt
import re
import unicodedata
from collections import Counter
from collections.abc import Iterable
from functools import lru_cache
from pathlib import Path
from typing import Final

import numpy
from spacy.attrs import ENT_TYPE, IS_ALPHA, LOWER, ORTH, POS
from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.symbols import PROPN
from spacy.tokens import Doc, Span, Token
from spacy.util import filter_spans

from parallax.knowledge.actors import GENERIC_TITLES, ActorResolver
from parallax.knowledge.loader import load_knowledge
from parallax.knowledge.models import ResolvedActor
from parallax.knowledge.places import ABBREVIATIONS, Gazetteer
from parallax.nlp.doc_text import after_stance_prefix, positions_of, text_of

ACTOR_LABELS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
PLACE_LABELS = frozenset({"GPE", "LOC", "FAC"})
#: State abbreviations ("Del.", "Calif.") as ORTH hashes, to find them in a Doc's array.
_ABBREVIATION_KEYS: Final = numpy.array([hash_string(a) for a in ABBREVIATIONS], "uint64")
_LOCATIVE = frozenset({"in", "at", "from", "to", "near", "outside", "into", "across", "around"})
_ADMIN_WORDS = frozenset({"state", "province", "governorate", "region", "district", "oblast"})
#: Day and month names: an entity running into "on Sunday", "in March" took a date phrase.
_CALENDAR_WORDS: Final = frozenset(
    name.lower() for name in (*calendar.day_name, *calendar.month_name) if name
)
_PERSON_TITLES = frozenset(
    {
        "mr",
        "mrs",
        "ms",
        "miss",
        "dr",
        "sir",
        "dame",
        "lord",
        "lady",
        "president",
        "senator",
        "sen",
        "rep",
        "gov",
        "governor",
        "mayor",
        "judge",
        "minister",
        "king",
        "queen",
        "prince",
        "princess",
        "general",
        "gen",
        "col",
        "capt",
        "sgt",
        "officer",
        "coach",
        "prof",
    }
)
#: Titles of address that name no office: they tell no bearer of a surname from another.
_COURTESY_TITLES = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady"})
#: An all-capitals place name opening a line and followed by the agency or a dash.
_DATELINE = re.compile(
    r"(?m)^[ \t]*([A-Z][A-Z'’.-]+(?:[ \t]+[A-Z][A-Z'’.-]+){0,3})(?=[ \t]*[,(—–:-])"
)
_ARTICLES = frozenset({"the", "a", "an"})
#: Nouns whose "of" phrase is a place: "the town of Palmyra", "the city of Mekelle".
_SETTLEMENT_NOUNS = frozenset(
    {
        "capital",
        "town",
        "towns",
        "city",
        "cities",
        "village",
        "villages",
        "province",
        "region",
        "district",
        "governorate",
        "prefecture",
        "county",
        "oblast",
        "municipality",
        "port",
        "island",
        "enclave",
        "suburb",
        "neighbourhood",
        "neighborhood",
    }
)
#: Words that may follow a place noun heading its phrase ("the capital of", "the city where").
_AFTER_PLACE = frozenset({"of", "in", "on", "near", "where", "which", "that", "and"})
_SETTLEMENT_KEYS: Final = numpy.array([hash_string(w) for w in _SETTLEMENT_NOUNS], "uint64")
_MODIFIED = frozenset({"NOUN", "PROPN", "ADJ", "NUM"})
_LINKS = frozenset({"-", "–", "/"})


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
        resolver, self.gazetteer = knowledge(tuple(kb_files))
        self.resolver = resolver
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
        #: Words that may stand before a person's alias in the same name: titles and the
        #: person's own names ("*Barack* Obama", "*Secretary* Kerry").
        self.own_words: dict[int, frozenset[str]] = {}
        self.titles = _title_words(resolver)
        for n, ((label, actor_id), aliases) in enumerate(by_key.items()):
            key = f"{self.name}:{n}"
            if label == "PERSON":
                person = resolver.kb.people.get(actor_id)
                names = {person.name, *person.aliases} if person else aliases
                self.own_words[nlp.vocab.strings.add(key)] = frozenset(
                    w.strip(".").lower() for name in names for w in name.split()
                )
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
            span = Span(doc, start, end, label=label, kb_id=actor_id)
            found.append(self._someone_else(doc, span, match_id) or span)
        ours = filter_spans(found)
        taken = {i for span in ours for i in range(span.start, span.end)}
        ours += self._misspelled_states(doc, taken)
        taken = {i for span in ours for i in range(span.start, span.end)}
        kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
        doc.ents = sorted([*kept, *ours], key=lambda s: s.start)
        return doc

    def _misspelled_states(self, doc: Doc, taken: set[int]) -> list[Span]:
        """Proper nouns one typing slip from the name of a state the document names rightly
        elsewhere ("*Ethopia* agreed … between Ethiopia and its neighbour"), which the model
        rarely marks as a state. Only a lone capitalised word: not beside another one or in
        a person's name ("Judge *Brunel*", "Roland Smith"), not in an alias match, and
        naming no gazetteer place ("Columbia" is a city, not Colombia misspelled)."""
        names = {
            i for e in doc.ents if e.label_ == "PERSON" or len(e) > 1 for i in range(e.start, e.end)
        }
        found = []
        named: set[str] | None = None
        for token in doc:
            if (
                token.tag_ not in ("NNP", "NNPS")
                or not token.text[:1].isupper()
                or token.i in taken
                or token.i in names
                or _beside_a_name(token)
            ):
                continue
            actor = self.resolver.misspelled_state(token.text)
            if actor is None or self.gazetteer.candidates(token.text):
                continue
            if named is None:
                words = {t.text for t in doc if t.text[:1].isupper()}
                named = {code for w in words if (code := self.resolver.state_of(w))}
            if actor.actor_id in named:
                found.append(Span(doc, token.i, token.i + 1, label="GPE", kb_id=actor.actor_id))
        return found

    def _someone_else(self, doc: Doc, alias: Span, match_id: int) -> Span | None:
        """The statistical name a person's alias ends, when its first names are another
        person's: "*Bill* Clinton", "*Jeb* Bush", "*Ivanka* Trump" are not the registry's
        Hillary Clinton, George W. Bush or Donald Trump, whose surnames are their aliases.
        The model's span, unlinked, replaces the alias; titles and the person's own first
        names ("Secretary Kerry", "Barack Obama") leave the alias as it is."""
        if alias.label_ != "PERSON" or len(alias) > 1:
            return None  # a full name ("Hillary Clinton") is its bearer, whatever stands before
        own = self.own_words.get(match_id, frozenset())
        for ent in doc.ents:
            if ent.label_ != "PERSON" or ent.end != alias.end or ent.start >= alias.start:
                continue
            before = doc[ent.start : alias.start]
            if not all(_given_name(t) for t in before):
                return None  # "*Former* Obama", "*Rival* Hillary Clinton": the model overran
            words = [t.text.strip(".").lower() for t in before]
            if any(w in own for w in words) or all(w in self.titles or len(w) < 2 for w in words):
                return None  # "Rival *Hillary* Clinton" is still her
            return Span(doc, ent.start, ent.end, label="PERSON")
        return None


def _title_words(resolver: ActorResolver) -> frozenset[str]:
    """Every word of a title that may stand before a surname ("Secretary", "Gov", "Mr"):
    the courtesy and rank titles, the generic offices and the registry's role titles."""
    return frozenset(
        {
            *_PERSON_TITLES,
            *(w for t in GENERIC_TITLES for w in t.split()),
            *(
                w.strip(".").lower()
                for person in resolver.kb.people.values()
                for role in person.roles
                for w in role.title.split()
            ),
        }
    )


def _beside_a_name(token: Token) -> bool:
    """Whether a capitalised content word stands right before or after ``token``: a title or
    another part of a name ("Judge Berman", "Roland Smith"); "In", "The" do not count."""
    doc = token.doc
    neighbours = [doc[i] for i in (token.i - 1, token.i + 1) if 0 <= i < len(doc)]
    return any(t.is_alpha and t.text[:1].isupper() and not t.is_stop for t in neighbours)


def _given_name(token: Token) -> bool:
    """Whether a capitalised word before a surname may be a first name or an initial: a
    proper noun (when tagged) in title case, not a word of the sentence the model ran into
    ("*Former* Obama", "*Yet* Trump", "FAVORS TRUMP")."""
    if not token.text[:1].isupper() or (token.is_upper and len(token.text.strip(".")) > 2):
        return False
    return not token.pos_ or token.pos_ == "PROPN"


def _own_place(ent: Span, countries: Counter[str]) -> Counter[str]:
    """The context for resolving ``ent`` as an actor: a name linked to a state as a place is
    that state ("Brazzaville, Congo" is the Republic of the Congo as both place and actor)."""
    place = ent._.place
    if place is None or place.kind != "country" or not place.country:
        return countries
    own = Counter(countries)
    own[place.country] += 100
    return own


class Linker:
    """Link entities to actors and places; collect actor mentions in ``doc.spans["actors"]``."""

    def __init__(self, nlp: Language, name: str, kb_files: Iterable[str]) -> None:
        register_extensions()
        self.name = name
        self.resolver, self.gazetteer = knowledge(tuple(kb_files))
        people = self.resolver.kb.people.values()
        titles = {role.title.lower() for person in people for role in person.roles}
        titles.update(GENERIC_TITLES)
        #: Titles that say which office holder is meant ("President Trump"); courtesy titles
        #: ("Ms. Trump") do not tell the bearers of a surname apart.
        self.title_words = _title_words(self.resolver) - _COURTESY_TITLES
        self.roles = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.roles.add("ROLE", [nlp.make_doc(t) for t in sorted(titles)])
        self.cues = PhraseMatcher(nlp.vocab, attr="LOWER")
        self.cues.add("SECTOR", [nlp.make_doc(c) for c in self.resolver.sector_cues])

    def __call__(self, doc: Doc) -> Doc:
        day: dt.date | None = doc._.published
        states = self._states_named(doc)
        self._add_place_ents(doc, states)
        self._relabel_places(doc, states)
        countries: Counter[str] = Counter()
        for ent in doc.ents:
            code = self.resolver.state_of(ent.text)
            if code and not self.resolver.names_two_states(ent.text):
                countries[code] += 1
        doc._.countries = countries
        self._link_places(doc, countries or self._countries_of_people(doc, day))
        for ent in doc.ents:
            if ent.label_ in ACTOR_LABELS:
                context = _own_place(ent, countries)
                ent._.actor = self.resolver.resolve(ent.text, day=day, context=context)
                if ent._.actor is None and ent.kb_id_ in self.resolver.state_names:
                    # A misspelled state: the ruler found its code (_misspelled_states).
                    ent._.actor = self.resolver.state(ent.kb_id_)
        self._read_bare_surnames(doc)
        actors: list[Span] = [
            self._sector_span(doc, ent) or ent
            for ent in doc.ents
            if ent.label_ in ACTOR_LABELS and ent._.actor is not None
        ]
        actors.extend(self._role_spans(doc, day, countries))
        spans = filter_spans(actors)
        for span in spans:
            if span._.actor is None:
                span._.actor = self.resolver.resolve(span.text, day=day, context=countries)
        doc.spans["actors"] = [s for s in spans if s._.actor is not None]
        return doc

    def _read_bare_surnames(self, doc: Doc) -> None:
        """A bare surname is the person the document named in full with it: after "Jeb
        Bush", "Bush said" is Jeb Bush, not the registry's George W. Bush whose alias "Bush"
        is; after "Ivanka Trump" (no registry person), "Trump said" is unlinked. With two
        bearers named in full ("Hillary Clinton and Bill Clinton"), the surname keeps the
        reading the registry gives it if that is one of them."""
        bearers: dict[str, dict[str | None, ResolvedActor | None]] = {}
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:
                actor = ent._.actor
                found = bearers.setdefault(ent[-1].lower_, {})
                found[actor.actor_id if actor is not None else None] = actor
        if not bearers:
            return
        for ent in doc.ents:
            # "President Trump", "Secretary Kerry": a title names the registry's bearer as
            # surely as his full name does.
            actor = ent._.actor
            if (
                ent.label_ == "PERSON"
                and len(ent) == 1
                and actor is not None
                and ent.start > 0
                and doc[ent.start - 1].lower_.strip(".") in self.title_words
                and ent[0].lower_ in bearers
            ):
                bearers[ent[0].lower_][actor.actor_id] = actor
        for ent in doc.ents:
            named = bearers.get(ent[0].lower_) if len(ent) == 1 else None
            actor = ent._.actor
            if ent.label_ != "PERSON" or actor is None or named is None:
                continue
            if actor.actor_id not in named and len(named) == 1:
                ent._.actor = next(iter(named.values()))

    def _countries_of_people(self, doc: Doc, day: dt.date | None) -> Counter[str]:
        """The countries of the registry's people the document names, the place context of a
        document that names no state: "forces loyal to Riek Machar attacked the town of Bor"
        is about South Sudan's Bor, not Russia's. Only then: the American politicians of an
        article about Brussels would otherwise pull "Paris" to Texas."""
        found: Counter[str] = Counter()
        for ent in doc.ents:
            if ent.label_ == "PERSON" and len(ent) > 1:  # a surname alone may be anyone's
                actor = self.resolver.resolve(ent.text, day=day)
                if (
                    actor is not None
                    and actor.country
                    and actor.actor_id in self.resolver.kb.people
                ):
                    found[actor.country] += 1
        return found

    def _link_places(self, doc: Doc, states: Counter[str]) -> None:
        """Set ``ent._.place`` on toponyms and on adjectives used as place modifiers, and
        collect every toponym - trimmed to the name, and those inside organisation names
        ("the [Washington] Post") - in ``doc.spans["places"]``.

        The context is the states the document names plus the countries of its unambiguous
        toponyms ("Atlanta" says USA), and "Portland, Oregon" reads "Portland" within Oregon."""
        context = Counter(states)
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                found = self.gazetteer.countries_of(ent.text)
                if len(found) == 1 and (country := found.pop()) is not None:
                    context[country] += 1
        ents = list(doc.ents)
        for i, ent in enumerate(ents):
            if ent.label_ in PLACE_LABELS:
                after = doc[ent.end].lower_ if ent.end < len(doc) else ""
                within = None
                if after == "," and i + 1 < len(ents) and ents[i + 1].start == ent.end + 1:
                    within = self.gazetteer.resolve(ents[i + 1].text, context=context)
                for text in dict.fromkeys((ent.text, _toponym(ent).text)):  # "Idlib-based"
                    ent._.place = self.gazetteer.resolve(
                        text,
                        context=context,
                        prefer_admin=after in _ADMIN_WORDS,
                        within=within if within is not None and within.kind != "city" else None,
                    )
                    if ent._.place is not None:
                        break
            elif ent.label_ == "NORP" and _modifies(doc, ent):
                ent._.place = self.gazetteer.adjective(ent.text)
        spans = []
        for ent in ents:
            if ent._.place is not None:
                span = _toponym(ent)
                span._.place = ent._.place
                spans.append(span)
            elif ent.label_ == "ORG":
                spans.extend(self._embedded(ent, context))
        doc.spans["places"] = spans

    def _embedded(self, ent: Span, context: Counter[str]) -> list[Span]:
        """The place name an organisation's name opens with: "Washington" in "Washington
        Post", "Lagos" in "Lagos Chamber of Commerce", "British" in "British parliament"
        (associative toponyms). Only states' adjectives count: "European Commission" is no
        place."""
        first = 1 if ent[0].lower_ in _ARTICLES else 0  # "The Washington Post"
        for n in range(min(3, len(ent) - first - 1), 0, -1):
            head = ent[first : first + n]
            if not head[0].is_title and not head[0].is_upper:
                continue
            place = self.gazetteer.named(head.text)
            if place is None and n == 1:  # "British parliament", not "European Commission"
                adjective = self.gazetteer.adjective(head.text)
                place = adjective if adjective is not None and adjective.kind == "country" else None
            if place is not None:
                if place.kind != "country":
                    place = self.gazetteer.resolve(head.text, context=context) or place
                head._.place = place
                return [head]
        return []

    def _states_named(self, doc: Doc) -> frozenset[str]:
        """The states the model's entities name: where another spelling of a town's name
        may be read as that town ("Douma" in an article naming Syria)."""
        return frozenset(
            code for ent in doc.ents if (code := self.resolver.state_of(ent.text)) is not None
        )

    def _add_place_ents(self, doc: Doc, states: frozenset[str]) -> None:
        """Add the toponyms the model misses or clips: capitalised datelines ("BEIRUT (AP) -"),
        state abbreviations after a town ("Dover, Del."), and a capitalised word the model
        left off a known name ("New [Jersey]", "Central [American]")."""
        found = []
        for match in _DATELINE.finditer(text_of(doc)):
            span = doc.char_span(match.start(1), match.end(1), label="GPE")
            if span is not None and self.gazetteer.resolve(span.text) is not None:
                found.append(span)
        for i in positions_of(doc, ORTH, _ABBREVIATION_KEYS):
            token = doc[i]
            if (
                i >= 2
                and not token.ent_type_
                and doc[token.i - 1].text == ","
                and (doc[token.i - 2].ent_type_ == "GPE" or doc[token.i - 2].is_title)
            ):
                found.append(Span(doc, token.i, token.i + 1, label="GPE"))
        for ent in doc.ents:
            without_date = _without_date_phrase(ent)
            if without_date is not None:
                found.append(without_date)
            elif ent.label_ in ("GPE", "LOC", "NORP"):
                longer = self._grown(doc, ent)
                if longer is not None:
                    found.append(longer)
        found.extend(self._bare_names(doc, states))
        found.extend(self._settlement_names(doc))
        if found:
            found = filter_spans(found)
            taken = {i for span in found for i in range(span.start, span.end)}
            kept = [e for e in doc.ents if not taken.intersection(range(e.start, e.end))]
            doc.ents = sorted([*kept, *found], key=lambda s: s.start)

    def _grown(self, doc: Doc, ent: Span) -> Span | None:
        """The entity with the capitalised word the model left off a known name: "New
        [Jersey]", "[Mexico] City", "[Gilgit]-Baltistan", "Central [American]"."""
        options = []
        if ent.start > 0:
            options.append((ent.start - 1, ent.end))
        if ent.end < len(doc):
            options.append((ent.start, ent.end + 1))
        if ent.end + 1 < len(doc) and doc[ent.end].text in ("-", "–"):
            options.append((ent.start, ent.end + 2))
        for start, end in options:
            extra = doc[start] if start < ent.start else doc[end - 1]
            if not (extra.is_title or (extra.is_upper and ent.text.isupper())):
                continue
            longer = Span(doc, start, end, label=ent.label_)
            if ent.label_ == "NORP":
                if self.gazetteer.adjective(longer.text) is not None:
                    return longer
            elif self.gazetteer.named(longer.text, min_population=0) is not None:
                return Span(doc, start, end, label="GPE" if ent.label_ == "GPE" else "LOC")
        return None

    def _bare_names(self, doc: Doc, states: frozenset[str]) -> list[Span]:
        """Runs of proper nouns outside any entity that name a place outright ("in Kosice",
        "NEW JERSEY"): the model misses rarer names and capitalised text."""
        if not doc.has_annotation("POS"):
            return []
        arrays = doc.to_array([POS, ENT_TYPE, IS_ALPHA])
        pos, ent_type, alpha = arrays.T.tolist()
        found = []
        after = 0  # the next token not inside a name already found
        for i in numpy.flatnonzero(arrays[:, 0] == PROPN).tolist():
            if i < after or ent_type[i] or not alpha[i]:
                continue
            end = i
            while end < len(doc) and end - i < 4 and pos[end] == PROPN:
                end += 1
            for stop in range(end, i, -1):
                if any(ent_type[i:stop]):
                    continue
                span = Span(doc, i, stop, label="GPE")
                if self.gazetteer.named(span.text, variants_in=states if stop == end else ()):
                    found.append(span)
                    after = stop
                    break
        return found

    def _settlement_names(self, doc: Doc) -> list[Span]:
        """The capitalised name after "the town of", "the city of", "the province of", and
        the one such a phrase stands beside ("Mekelle, the capital of Tigray", "Sirte, the
        coastal city"): the phrase says it is a place, so any gazetteer reading will do,
        however small the town ("the town of Axum") and whatever the model made of the word
        ("Palmyra" as a plural noun, "Mekelle" as a person)."""
        found = []
        for i in positions_of(doc, LOWER, _SETTLEMENT_KEYS):
            if not doc[i].is_lower:
                continue
            if i + 2 < len(doc) and doc[i + 1].lower_ == "of":
                end = i + 2
                while end < len(doc) and end - i < 6 and doc[end].is_title:
                    end += 1
                found.extend(self._place_run(doc, i + 2, end, longest_first=True))
            if i < 3:
                continue  # no room for "X, the city" before it
            the = i - 1 if doc[i - 1].lower_ == "the" else i - 2
            heads_phrase = (
                i + 1 == len(doc) or doc[i + 1].is_punct or doc[i + 1].lower_ in _AFTER_PLACE
            )
            if heads_phrase and doc[the].lower_ == "the" and doc[the - 1].text == ",":
                start = the - 1
                while start > 0 and the - 1 - start < 4 and doc[start - 1].is_title:
                    start -= 1
                found.extend(self._place_run(doc, start, the - 1, longest_first=False))
        return found

    def _place_run(self, doc: Doc, start: int, end: int, *, longest_first: bool) -> list[Span]:
        """The run's longest part the gazetteer knows, anchored at the end nearest the
        settlement noun ("the town of [Axum]", "[Mekelle], the capital"); none if the model
        already made its first word a place."""
        if start >= end or doc[start].ent_type_ in PLACE_LABELS:
            return []
        bounds = (
            [(start, stop) for stop in range(end, start, -1)]
            if longest_first
            else [(first, end) for first in range(start, end)]
        )
        for first, stop in bounds:
            span = Span(doc, first, stop, label="GPE")
            if self.gazetteer.resolve(span.text) is not None:
                return [span]
        return []

    def _relabel_places(self, doc: Doc, states: frozenset[str]) -> None:
        """Relabel as places the model's PERSON and ORG names that are toponyms: "talks in
        Geneva", "London said", "WASHINGTON (AP)". The name must be no actor in the registry and
        name a place outright (``Gazetteer.named``: a state, region, subdivision or a town of
        100,000); a PERSON name must also not be part of a longer personal name in the document
        ("Paris Hilton ... Paris") nor follow a title ("Mr. Houston").

        And the other way: a place name that ends a longer personal name of the document (all
        its words capitalised: not "Slidell PD") and names no place outright is that person
        ("Joseph Stalin ... pictures of Stalin": not Donetsk, once called Stalino; "Ted Cruz
        ... Cruz": not Cruz, Brazil), unless a state follows it ("Ferguson, Missouri")."""
        full_names = [e for e in doc.ents if e.label_ == "PERSON" and len(e) > 1]
        people = {t.lower_ for e in full_names for t in e}
        names = {  # the name's endings: "Ted Cruz" gives ("ted", "cruz") and ("cruz",)
            tuple(t.lower_ for t in e[i:])
            for e in full_names
            if all(t.is_title for t in e)
            for i in range(len(e))
        }
        fixed = []
        changed = False
        for ent in doc.ents:
            if ent.label_ in ("PERSON", "ORG") and self._is_place(doc, ent, people, states):
                fixed.append(Span(doc, ent.start, ent.end, label="GPE"))
                changed = True
            elif ent.label_ in PLACE_LABELS and self._is_person(doc, ent, names):
                fixed.append(Span(doc, ent.start, ent.end, label="PERSON"))
                changed = True
            else:
                fixed.append(ent)
        if changed:
            doc.ents = fixed

    def _is_person(self, doc: Doc, ent: Span, names: set[tuple[str, ...]]) -> bool:
        if tuple(t.lower_ for t in ent) not in names:
            return False
        if (
            ent.end + 1 < len(doc)
            and doc[ent.end].text == ","
            and doc[ent.end + 1].ent_type_ == "GPE"
        ):
            return False  # "Ferguson, Missouri"
        return (
            self.resolver.resolve(ent.text, day=None) is None
            and self.gazetteer.named(ent.text) is None
        )

    def _is_place(self, doc: Doc, ent: Span, people: set[str], states: frozenset[str]) -> bool:
        if self.resolver.resolve(ent.text, day=None) is not None:
            return False
        if self.gazetteer.named(ent.text, variants_in=states) is None:
            return False
        before = doc[ent.start - 1].lower_.rstrip(".") if ent.start > 0 else ""
        if before in _LOCATIVE or ent.label_ == "ORG":
            return True
        return before not in _PERSON_TITLES and not any(t.lower_ in people for t in ent)

    def _sector_span(self, doc: Doc, ent: Span) -> Span | None:
        """The entity and a sector cue after it: "US" + "forces" is USAMIL, so is "Egypt's
        army" (the cue after a possessive); not after "pro-" or "anti-" ("pro-Russian
        separatists" are not Russia's rebels)."""
        if after_stance_prefix(doc, ent.start):
            return None
        cue_start = ent.end
        if cue_start < len(doc) and doc[cue_start].text in ("'s", "’s"):
            cue_start += 1
        # PhraseMatcher reports doc offsets even when given a span
        for _, start, end in self.cues(doc[cue_start : min(len(doc), cue_start + 3)]):
            if start != cue_start:
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


def _without_date_phrase(ent: Span) -> Span | None:
    """The entity cut before a date phrase the model ran it into ("[Bor] on Sunday", "the
    [Federal Election Commission] on Tuesday"), or None when it has none."""
    doc = ent.doc
    for k in range(ent.start + 1, ent.end - 1):
        if doc[k].lower_ in ("on", "in") and doc[k + 1].lower_ in _CALENDAR_WORDS:
            return Span(doc, ent.start, k, label=ent.label)
    return None


def _modifies(doc: Doc, ent: Span) -> bool:
    """Whether an adjective entity modifies what follows ("Syrian forces", "Turkish-backed",
    "German, Irish and other immigrants"), naming a place, rather than standing for people
    ("the Syrians", "a Nigerian") or a language ("in French")."""
    if ent[-1].tag_ in ("NNS", "NNPS") or ent.end >= len(doc):
        return False
    after = doc[ent.end]
    if after.text in _LINKS:
        return True
    if after.text in (",", "and", "or") and ent.end + 1 < len(doc):
        nxt = doc[ent.end + 1]
        return nxt.ent_type_ == "NORP" or nxt.pos_ == "ADJ"
    if doc.has_annotation("POS"):
        return after.pos_ in _MODIFIED
    return after.is_alpha and not after.is_stop


def _toponym(ent: Span) -> Span:
    """The name proper of a place entity: without an article or lower-case qualifier before
    or after it ("the Middle East", "eastern Ghouta", "Idlib province"), a possessive
    ("Brooklyn's") or trailing punctuation ("Brussels.")."""
    doc, start, end = ent.doc, ent.start, ent.end
    while start < end - 1 and (doc[start].is_lower or doc[start].lower_ in _ARTICLES):
        start += 1
    while end - 1 > start and (
        doc[end - 1].is_lower or doc[end - 1].is_punct or doc[end - 1].text in ("'s", "’s")
    ):
        end -= 1
    return doc[start:end]
