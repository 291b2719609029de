"""Resolve actor mentions to identities with PLOVER/CAMEO-style codes.

"Daesh", "ISIL" and "Islamic State" are one actor; "US forces" is the US military (``USAMIL``);
"the president" in a 2015 article about Washington is Obama and in 2017 Trump. The resolver
answers those questions from the knowledge base alone (no model), so every rule here is unit
tested on plain strings and reused by the spaCy components.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache

import pycountry

from parallax.knowledge.loader import KnowledgeBase
from parallax.knowledge.misspelling import SlipIndex
from parallax.knowledge.models import Organisation, Person, ResolvedActor, Role

#: Words that turn a state into one of its sectors: "Iraqi forces", "the Syrian regime".
#: Generic office phrases and the role kinds they may name ("foreign minister" covers the US
#: Secretary of State); other titles must match a role's own title.
GENERIC_TITLES: Mapping[str, str] = {
    "foreign minister": "foreign_minister",
    "foreign secretary": "foreign_minister",
    "top diplomat": "foreign_minister",
    "defence minister": "defence_minister",
    "defense minister": "defence_minister",
    "defence secretary": "defence_minister",
    "defense secretary": "defence_minister",
    "interior minister": "interior_minister",
    "head of state": "head_of_state",
    "head of government": "head_of_government",
    "premier": "head_of_government",
}
_HONORIFICS = re.compile(
    r"^(the |mr\.? |mrs\.? |ms\.? |dr\.? |sen\.? |senator |gen\.? |general |lt\.? gen\.? |"
    r"col\.? |sheikh |king |queen |prince |president |prime minister |minister |"
    r"secretary |ayatollah |imam |emir |sir |lord |dame )+",
    re.IGNORECASE,
)
_POSSESSIVE = re.compile(r"(’s|'s|’|')$")
#: Sectors of the non-state armed bodies whose leader's name stands for them ("Machar's fighters").
_ARMED_SECTORS = frozenset({"REB", "INS", "UAF"})


# A few thousand entries hold the common words; a bigger cache grew every worker's memory
# by tens of MB over a long run (make bench, 5,000 documents).
@lru_cache(maxsize=4096)
def fold(text: str) -> str:
    """A lookup key: case, accents, dashes and spacing ignored ("Erdoğan" = "erdogan")."""
    decomposed = unicodedata.normalize("NFKD", text)
    plain = "".join(c for c in decomposed if not unicodedata.combining(c))
    plain = re.sub(r"[‐-―-]", "-", plain.replace("’", "'"))
    return " ".join(plain.casefold().replace(".", "").split())


def _key(alias: str) -> str:
    """Short all-caps aliases ("IS", "US", "U.S.") must match case; everything else is folded."""
    stripped = alias.strip()
    letters = stripped.replace(".", "")
    if len(letters) <= 3 and letters.isupper():
        return "=" + letters
    return fold(stripped)


def _lookup_keys(mention: str) -> list[str]:
    stripped = _POSSESSIVE.sub("", mention.strip())
    keys = [_key(stripped)]
    bare = _HONORIFICS.sub("", stripped)
    if bare and bare != stripped:
        keys.append(_key(bare))
    return keys


@dataclass(frozen=True)
class _Target:
    """What an alias may name: a state (``iso3``), an organisation or a person."""

    iso3: str | None = None
    org: Organisation | None = None
    person: Person | None = None


class ActorResolver:
    """Alias, state, sector and role lookups over one :class:`KnowledgeBase`."""

    def __init__(self, kb: KnowledgeBase) -> None:
        self.kb = kb
        self._aliases: dict[str, list[_Target]] = defaultdict(list)
        #: keys of aliases written with a lower-case word ("al Qaeda"), which a mention
        #: written all in lower case may still mean
        self._uncased_keys: set[str] = set()
        self._slips: SlipIndex | None = None
        self._adjectives: dict[str, str] = {}
        self.state_names: dict[str, str] = {}
        for code, names in kb.states.items():
            self.state_names[code] = names.names[0] if names.names else code
            for name in self._official_names(code, names.names):
                self._add(name, _Target(iso3=code))
            for adjective in (*names.adjectives, *names.demonyms):
                self._adjectives.setdefault(_key(adjective), code)
        for org in kb.organisations.values():
            for alias in {org.name, *org.aliases}:
                self._add(alias, _Target(org=org))
        for person in kb.people.values():
            for alias in {person.name, *person.aliases}:
                self._add(alias, _Target(person=person))
        #: cue phrase (folded) -> sector code, from the ``sectors`` section of the registry
        self.sector_cues: dict[str, str] = {
            fold(cue): code for code, sector in kb.sectors.items() for cue in sector.cues
        }
        self.sector_names = {code: s.name or code.lower() for code, s in kb.sectors.items()}
        # Every office, in registry order, found by its folded title or by its kind: a role
        # phrase is resolved many times per document, and folding every title of every
        # person each time was most of the linker's cost.
        self._roles_by_title: dict[str, list[tuple[int, Person, Role]]] = defaultdict(list)
        self._roles_by_kind: dict[str, list[tuple[int, Person, Role]]] = defaultdict(list)
        order = 0
        for person in kb.people.values():
            for role in person.roles:
                self._roles_by_title[fold(role.title)].append((order, person, role))
                self._roles_by_kind[role.kind].append((order, person, role))
                order += 1

    @staticmethod
    def _official_names(code: str, names: Iterable[str]) -> set[str]:
        found = {re.sub(r"^the ", "", n, flags=re.IGNORECASE) for n in names}
        country = pycountry.countries.get(alpha_3=code)
        if country is not None:
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                if value:
                    found.add(value)
        return found

    def _add(self, alias: str, target: _Target) -> None:
        key = _key(alias)
        bucket = self._aliases[key]
        if target not in bucket:
            bucket.append(target)
        if any(word[:1].islower() for word in alias.split()):
            self._uncased_keys.add(key)

    # --- lookups -------------------------------------------------------------------------

    def state_of(self, word: str) -> str | None:
        """The ISO3 code a state name, adjective or demonym refers to ("Iraqi" gives IRQ)."""
        for key in _lookup_keys(word):
            for target in self._aliases.get(key, ()):
                if target.iso3:
                    return target.iso3
            if key in self._adjectives:
                return self._adjectives[key]
        return None

    def misspelled_state(self, word: str) -> ResolvedActor | None:
        """The state a single word one typing slip from its name stands for ("Ethopia",
        "Quatar's"); see :mod:`parallax.knowledge.misspelling`. Adjectives and demonyms
        are no targets: surnames sit one slip from them ("Berman", "Gelman": German)."""
        if self._slips is None:
            names = [(k, t.iso3) for k, ts in self._aliases.items() for t in ts if t.iso3]
            known = set(self._aliases) | set(self._adjectives)
            self._slips = SlipIndex(names, known=known)
        code = self._slips.target_of(fold(_POSSESSIVE.sub("", word.strip())))
        return self.state(code) if code else None

    def names_two_states(self, word: str) -> bool:
        """Whether ``word`` is a name several states go by ("Congo"): it then says nothing
        about which state a document is about until its other places have said so."""
        for key in _lookup_keys(word):
            if sum(1 for target in self._aliases.get(key, ()) if target.iso3) > 1:
                return True
        return False

    def aliases(self) -> Iterable[tuple[str, str, str | None]]:
        """Every (alias, label, unique actor id or None) for building entity-ruler patterns."""
        for org in self.kb.organisations.values():
            for alias in {org.name, *org.aliases}:
                yield alias, "ORG", self._unique_id(alias)
        for person in self.kb.people.values():
            for alias in {person.name, *person.aliases}:
                yield alias, "PERSON", self._unique_id(alias)
        for code, names in self.kb.states.items():
            official = self._official_names(code, names.names)
            for name in official:
                yield name, "GPE", self._unique_id(name)
            # A word that is both the state's name and its adjective ("UK") is the name: two
            # patterns for one span left the label to the ruler's order, which any new alias
            # could flip (the UK then stopped being a place).
            names_keys = {_key(name) for name in official}
            for adjective in (*names.adjectives, *names.demonyms):
                if _key(adjective) not in names_keys:
                    yield adjective, "NORP", code

    def _unique_id(self, alias: str) -> str | None:
        targets = self._aliases.get(_key(alias), [])
        return self._target_id(targets[0]) if len(targets) == 1 else None

    @staticmethod
    def _target_id(target: _Target) -> str:
        if target.iso3:
            return target.iso3
        if target.org:
            return target.org.id
        assert target.person is not None
        return target.person.id

    def resolve(
        self,
        mention: str,
        *,
        day: dt.date | None = None,
        context: Mapping[str, int] | None = None,
    ) -> ResolvedActor | None:
        """The actor a mention names, using the date for offices and ``context`` (ISO3 counts
        of the document) to choose among namesakes; ``None`` when nothing fits."""
        context = context or {}
        # A name is written with capitals: "a national unity government" in lower case is a
        # kind of government, not Myanmar's National Unity Government.
        uncased = not any(ch.isupper() for ch in mention)
        for key in _lookup_keys(mention):
            targets = self._aliases.get(key)
            if targets and not (uncased and key not in self._uncased_keys):
                return self._pick(targets, day, context)
        sector = self.resolve_sector_phrase(mention)
        if sector is not None:
            return sector
        for key in _lookup_keys(mention):
            code = self._adjectives.get(key)
            if code:
                return self.state(code)
        return self.resolve_role(mention, day=day, context=context)

    def _pick(
        self, targets: list[_Target], day: dt.date | None, context: Mapping[str, int]
    ) -> ResolvedActor:
        # A national body needs its country in the document to beat a transnational namesake:
        # "RSF" is Reporters Without Borders unless the article is about Sudan.
        def score(target: _Target) -> tuple[int, int, int]:
            if target.person is not None:
                role = target.person.role_on(day)
                active = int(role is not None and day is not None and role.active(day))
                return active, context.get(role.country or "", 0) if role else 0, 0
            code = target.iso3 or (target.org.country if target.org else None)
            return 0, context.get(code or "", 0), int(code is None)

        return self._as_actor(max(targets, key=score), day)

    def armed_group_of(self, actor_id: str, day: dt.date | None) -> ResolvedActor | None:
        """The armed body a person leads on ``day`` (any office held then, or ever without a
        date, whose ``org`` is a rebel, insurgent or militia body): "forces loyal
        to Riek Machar" are the SPLM-IO's, though his office of the day may be the vice
        presidency. ``None`` for anyone else."""
        person = self.kb.people.get(actor_id)
        if person is None:
            return None
        roles = [r for r in person.roles if r.org and (day is None or r.active(day))]
        for role in sorted(roles, key=lambda r: r.start, reverse=True):
            org = self.kb.organisations.get(role.org or "")
            if org is not None and org.sector in _ARMED_SECTORS:
                return self._as_actor(_Target(org=org), day)
        return None

    def _as_actor(self, target: _Target, day: dt.date | None) -> ResolvedActor:
        if target.iso3:
            return self.state(target.iso3)
        if target.org:
            org = target.org
            return ResolvedActor(
                actor_id=org.id, name=org.name, country=org.country, sector=org.sector
            )
        assert target.person is not None
        person = target.person
        role = person.role_on(day)
        return ResolvedActor(
            actor_id=person.id,
            name=person.name,
            country=role.country if role else None,
            sector=role.sector if role else None,
        )

    def state(self, code: str) -> ResolvedActor:
        """The state with ISO3 ``code`` as an actor."""
        return ResolvedActor(actor_id=code, name=self.state_names.get(code, code), country=code)

    def resolve_sector_phrase(self, mention: str) -> ResolvedActor | None:
        """A state word then a sector cue: "US forces" is USAMIL, "the Syrian regime" SYRGOV."""
        words = re.sub(r"^the\s+", "", mention.strip(), flags=re.IGNORECASE).split()
        for cut in range(len(words) - 1, 0, -1):
            state = self.state_of(" ".join(words[:cut]))
            cue = " ".join(words[cut:]).casefold().rstrip(".,")
            sector = self.sector_cues.get(cue) or self.sector_cues.get(cue.split()[-1])
            if state and sector:
                return ResolvedActor(
                    actor_id=f"{state}{sector}",
                    name=f"{self.state_names.get(state, state)} {self.sector_names[sector]}",
                    country=state,
                    sector=sector,
                )
        return None

    def resolve_role(
        self,
        phrase: str,
        *,
        day: dt.date | None,
        context: Mapping[str, int] | None = None,
    ) -> ResolvedActor | None:
        """The office holder a role phrase names on ``day``: "the president", "Iraq's prime
        minister", "the French foreign minister". Without a state in the phrase the document's
        most-mentioned state decides; with no way to choose, ``None``."""
        if day is None:
            return None
        context = context or {}
        # The state is looked up before folding: "US" is a state, "us" is not.
        text = re.sub(r"^the\s+", "", _POSSESSIVE.sub("", phrase.strip()), flags=re.IGNORECASE)
        state, unfolded_title = self._split_state(text)
        title = fold(unfolded_title)
        holders = [
            (person, role)
            for _, person, role in self.offices_titled(title)
            if role.active(day) and (state in (None, role.country))
        ]
        if not holders:
            return None
        if state is None:
            ranked = sorted(holders, key=lambda h: context.get(h[1].country or "", 0), reverse=True)
            best = context.get(ranked[0][1].country or "", 0)
            if best == 0 or (
                len(ranked) > 1
                and context.get(ranked[1][1].country or "", 0) == best
                and ranked[1][0] is not ranked[0][0]
            ):
                return None
            holders = ranked[:1]
        person, role = holders[0]
        return ResolvedActor(
            actor_id=person.id, name=person.name, country=role.country, sector=role.sector
        )

    def offices_titled(self, title: str) -> list[tuple[int, Person, Role]]:
        """The offices a folded title names, in registry order: those with that exact title
        and, for a generic title ("president", "foreign minister"), those of its kind."""
        found = {entry[0]: entry for entry in self._roles_by_title.get(title, ())}
        kind = GENERIC_TITLES.get(title)
        if kind is not None:
            found.update((entry[0], entry) for entry in self._roles_by_kind.get(kind, ()))
        return [found[k] for k in sorted(found)]

    def _split_state(self, text: str) -> tuple[str | None, str]:
        """("french", "foreign minister") from "french foreign minister" or "… of france"."""
        of = re.match(r"^(.+?) of (.+)$", text, flags=re.IGNORECASE)
        if of:
            code = self.state_of(of[2])
            if code:
                return code, of[1]
        words = text.split()
        for cut in range(min(3, len(words) - 1), 0, -1):
            code = self.state_of(" ".join(words[:cut]))
            if code:
                return code, " ".join(words[cut:])
        return None, text


def context_countries(resolver: ActorResolver, words: Iterable[str]) -> Counter[str]:
    """ISO3 counts of the state names, adjectives and demonyms among ``words`` (mentions)."""
    counts: Counter[str] = Counter()
    for word in words:
        code = resolver.state_of(word)
        if code:
            counts[code] += 1
    return counts
