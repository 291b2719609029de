"""Civilians who flee, coded the PLOVER way.

Manual 0.8 (RETREAT and SANCTION, "potential ambiguities"): refugees or similar actors said to
flee a country or a place are coded SANCTION ``expel`` with the *causative agent* as the actor,
not RETREAT ``withdraw`` with the fleeing party as the actor. "Thousands of residents fled
ISIS attacks" is ISIS driving the residents out; "the army fled the town" stays a military
retreat. The fleeing people are the recipient; the agent is whoever forced them ("the militia
*forced* villagers to flee"), or the party or the act they fled ("fled *the Taliban*", "fled
*ISIS attacks*"); a place or a fight with no party ("fled the fighting in Marawi") names none.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Token

from parallax.extract.event_lexicon import NOUN_TRIGGERS, Trigger
from parallax.extract.syntax import SUBJECT_DEPS, case_of, is_people
from parallax.nlp.lemmas import forms_of

EXPELLED: Final = Trigger("SANCTION", "expel")

#: Nouns of people who flee as civilians (heads of the subject phrase: "*thousands* of
#: residents", "*families*"); armed forces who flee retreat.
_CIVILIANS: Final = frozenset(
    {
        "resident", "civilian", "villager", "family", "refugee", "people", "inhabitant",
        "thousand", "hundred", "million", "dozen", "migrant", "local", "child", "woman",
        "person", "household", "citizen", "christian", "yazidi", "minority", "worshipper",
        "student", "farmer", "tribesman",
    }
)  # fmt: skip

#: Verbs that make people flee: "*forced* thousands to flee", "*drove* them to flee".
_CAUSING: Final = frozenset({"force", "drive", "compel", "cause", "push", "prompt", "send"})

#: Cases of what people flee: "fled *from* the fighting"; "fled *to* Turkey" is where to.
_FLED_FROM: Final = frozenset({"from"})

#: Entity labels of a party an act's modifier names.
_PARTY_LABELS: Final = frozenset({"PERSON", "ORG", "NORP", "GPE"})


def civilians_fled(verb: Token) -> bool:
    """Whether a verb of fleeing has civilians as the ones who flee."""
    fleeing = fleeing_party(verb)
    if fleeing is None:
        return False
    return bool(_CIVILIANS.intersection(forms_of(fleeing))) or fleeing.ent_type_ == "NORP"


def _caused(verb: Token) -> bool:
    """Whether the verb of fleeing is what another verb made someone do ("forced villagers
    *to flee*", the infinitive read as an oblique too)."""
    return verb.dep_ in ("xcomp", "obl", "advcl") and bool(
        _CAUSING.intersection(forms_of(verb.head))
    )


def fleeing_party(verb: Token) -> Token | None:
    """Who flees: the verb's subject, the object of the verb that made them ("forced
    *villagers* to flee"), or the noun a participle describes ("*refugees* fleeing the war",
    also "Syrian refugees fled…" misread as one noun phrase)."""
    subject = next((c for c in verb.children if c.dep_ in SUBJECT_DEPS), None)
    if subject is not None:
        return subject
    if _caused(verb):
        return next((c for c in verb.head.children if c.dep_ in ("obj", "nsubj:pass")), None)
    if verb.dep_ == "acl" and verb.head.i < verb.i:
        return verb.head
    return None


def flight_arguments(verb: Token) -> tuple[Token | None, Token | None]:
    """(causative agent, fleeing people) of civilians' flight: the subject of a verb that
    made them flee, a party they fled, or the doer of an act they fled ("fled *ISIS*
    attacks", "fled after *the army's* crackdown"); else no actor ("fled the fighting")."""
    agent = None
    if _caused(verb):
        cause = verb.head
        agent = next((c for c in cause.children if c.dep_ in ("nsubj", "obl:agent")), None)
        if agent is not None and _an_act(agent):
            agent = _doer_of(agent)  # "ISIS attacks forced thousands to flee"
    if agent is None:
        fled = next((c for c in verb.children if _fled_cause(c)), None)
        if fled is not None:
            agent = _doer_of(fled) if _an_act(fled) else fled
    if agent is None:
        agent = _advancing_force(verb)
    return agent, fleeing_party(verb)


#: Moves of an armed force people flee from: "fled *as* Iraqi forces *advanced*".
_ADVANCING: Final = frozenset(
    {"advance", "approach", "close", "enter", "storm", "attack", "shell", "bomb", "overrun"}
)
_WHILE: Final = frozenset({"as", "when", "after", "while"})


def _advancing_force(verb: Token) -> Token | None:
    """The subject of a clause of armed advance the flight happened with, found by words
    (the parse often hangs "as Iraqi forces advanced" on the object before it)."""
    doc = verb.doc
    end = verb.sent.end
    for i in range(verb.i + 1, end):
        move = doc[i]
        if move.pos_ != "VERB" or not _ADVANCING.intersection(forms_of(move)):
            continue
        if not any(doc[j].lower_ in _WHILE for j in range(verb.i + 1, i)):
            return None
        subject = next((c for c in move.children if c.dep_ == "nsubj"), None)
        if subject is None and move.dep_ == "acl" and move.head.i < move.i:
            subject = move.head  # "as Iraqi *forces* advanced" read as a participle
        return subject if subject is not None and is_people(subject) else None
    return None


#: Hardships people flee that are no party: "fled *the violence*", "fled *the war*".
_HARDSHIPS: Final = frozenset(
    {
        "violence", "war", "conflict", "fighting", "flood", "drought", "persecution",
        "poverty", "hunger", "famine", "bombardment", "bomb", "advance", "unrest", "chaos",
        "home", "house", "village", "town", "city", "area", "region", "country",
    }
)  # fmt: skip


def _an_act(noun: Token) -> bool:
    """An act, hardship or place fled, whose doer (if any) is a modifier of it."""
    if is_people(noun) or noun.ent_type_ in _PARTY_LABELS:
        return False
    forms = forms_of(noun)
    return any(f in NOUN_TRIGGERS or f in _HARDSHIPS for f in forms) or noun.pos_ != "NOUN"


def _fled_cause(child: Token) -> bool:
    """What a verb of fleeing names as fled or fled from, or the act it followed; not a
    place ("fled *Cuba*", "fled *to Turkey*")."""
    if child.ent_type_ in ("GPE", "LOC", "FAC"):
        return False
    if child.dep_ == "obj" or (child.dep_ == "obl" and case_of(child) in _FLED_FROM):
        return True
    return child.dep_ == "obl" and case_of(child) == "after" and child.lemma_ in NOUN_TRIGGERS


def _doer_of(act: Token) -> Token | None:
    """The party an act or weapon noun names as its own ("*Assad's* barrel bombs", "*ISIS*
    attacks", "attacks *by* the militia")."""
    for child in act.children:
        if child.pos_ == "PRON":
            continue  # "fled *their* homes": their own
        if child.dep_ == "nmod:poss" or (child.dep_ == "nmod" and case_of(child) == "by"):
            return child
        if child.dep_ in ("compound", "amod") and child.ent_type_ in _PARTY_LABELS:
            return child
    return None
