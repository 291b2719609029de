"""Events: who did what to whom, where and when, coded in PLOVER (and ACLED), as a component.

Every trigger the lexicon knows (:mod:`parallax.extract.event_lexicon`) — a verb ("struck"),
a noun ("air strikes", "the downing of"), a verb with its object ("sent troops") — becomes one
event with its actor and recipient coded by the knowledge base, the sentence's place, date
and figures, a status (asserted, reported, hypothetical, negated, future) and provenance: the
record's span is the sentence, ``trigger`` the word that reports the act. A noun trigger that
only says how a verb trigger's act was done ("killed in air strikes") enriches that event
instead of making a second one. Runs after the linker, times, figures and quotes components.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Final

import numpy
from spacy.attrs import POS
from spacy.language import Language
from spacy.parts_of_speech import IDS as POS_IDS
from spacy.tokens import Doc, Span, Token

from parallax.extract.attribution import Attribution
from parallax.extract.event_acled import acled_code
from parallax.extract.event_affected import (
    TERRAIN,
    affected_party,
    names_party,
    needs_affected_party,
    only_a_thing,
)
from parallax.extract.event_args import (
    PERSONAL_PRONOUNS,
    accused_party,
    between_parties,
    code_actor,
    is_time,
    nominal_arguments,
    place_in,
    prepositional,
    recipient_alternatives,
    stray_agent,
    verbal_arguments,
)
from parallax.extract.event_figurative import (
    aid_as_modifier,
    allied_as_attribute,
    electoral,
    figurative_object,
    fought_for_a_cause,
    hung_not_hanged,
    lost_nothing_of_ground,
    no_interaction,
    part_of_a_name,
    politeness,
    press_request,
    prevented_by_no_authority,
    question_asked,
    removed_from_office,
    seized_on,
    unarmed_contest,
    verbal_attack,
)
from parallax.extract.event_flight import EXPELLED, civilians_fled, flight_arguments
from parallax.extract.event_lexicon import (
    COMPOUND_TRIGGERS,
    CONFLICT_TYPES,
    COOPERATIVE_TYPES,
    FIRED_WEAPONS,
    LIGHT_VERBS,
    NOMINALIZED_VERBS,
    NOUN_TRIGGERS,
    PEACEKEEPING_WORDS,
    THREAT_MODES,
    VERB_OBJECT_TRIGGERS,
    VERB_TRIGGERS,
    VERBAL_TYPES,
    Trigger,
    assault_mode,
)
from parallax.extract.event_status import (
    event_status,
    is_ultimatum,
    left_undone,
    obligation_by_speaker,
)
from parallax.extract.quote_cues import COGNITION_VERBS, SPEECH_VERBS
from parallax.extract.syntax import (
    NAMED,
    NOUN_MODIFIER_DEPS,
    case_of,
    circumstance,
    clause_head,
    in_time_expression,
    is_people,
    mark_of,
    misread_clause_verb,
    nearest_subject,
    subject_of,
    time_ranges,
)
from parallax.knowledge.actors import ActorResolver
from parallax.knowledge.places import PlaceCandidate
from parallax.nlp.doc_text import (
    entities_within,
    entity_at,
    frozen_mentions,
    positions_of,
    text_of,
)
from parallax.nlp.lemmas import forms_of, lexicon_lemma
from parallax.schema import Actor, Event, Figure, Place, Time
from parallax.schema import Span as SpanRecord

#: Figures linked to an event: the counts an analyst asks of an act.
_EVENT_QUANTITIES: Final = frozenset(
    {"killed", "injured", "displaced", "troops", "strikes", "people"}
)


#: Parts of speech that can report an act (a verb, a noun, or an auxiliary of obligation).
_TRIGGER_POS: Final = frozenset({"VERB", "AUX", "NOUN", "PROPN", "ADJ"})
_TRIGGER_POS_IDS: Final = numpy.array([POS_IDS[pos] for pos in sorted(_TRIGGER_POS)], "uint64")


def find_triggers(doc: Doc) -> list[tuple[Token, Trigger]]:
    """Every trigger token with its PLOVER type and mode, in text order, without the acts
    that are only the content of another event ("urged Russia to *withdraw*")."""
    found = []
    for i in positions_of(doc, POS, _TRIGGER_POS_IDS):  # no Token built for the other words
        token = doc[i]
        pos = token.pos_
        trigger = None
        if (
            pos == "VERB"
            and (token.dep_ != "amod" or misread_clause_verb(token))
            and not _conjunction_use(token)
            and not _saying_that(token)
            and not _modifies_a_compound_trigger(token)
        ):
            forms = forms_of(token)
            trigger = _verb_object(token, forms) or _first(VERB_TRIGGERS, forms)
            if trigger is None and "decline" in forms:
                trigger = _declined(token)
            if trigger is None and "warn" in forms:
                trigger = _warned_party(token)
            if trigger is None and "release" in forms:
                trigger = _released_person(token)
            if trigger is not None and "flee" in forms and civilians_fled(token):
                trigger = EXPELLED  # manual 0.8: civilians fleeing are driven out by someone
            if trigger is not None and trigger.type == "PROTEST" and _protested_to(token):
                trigger = Trigger("ACCUSE", "disapprove")  # a diplomatic protest (manual)
            if trigger is not None and _verb_reports_no_act(token, trigger):
                trigger = None
            if trigger is None and token.tag_ == "VBZ" and token.lower_ not in _VERB_FORMS:
                # "students staged mass demonstrations Saturday": a plural act noun the
                # parse read as a verb is still the act.
                trigger = _first(NOUN_TRIGGERS, forms)
        elif (pos in ("NOUN", "PROPN") and token.dep_ not in ("compound", "amod")) or (
            pos == "ADJ" and _adjective_as_noun(token)
        ):
            forms = forms_of(token)
            trigger = (
                _compound(token, forms)
                or _first(NOUN_TRIGGERS, forms)
                or _compound_read_as_verb(token)
            )
            if trigger is not None and _noun_reports_no_act(token, trigger):
                trigger = None
            if trigger is not None and trigger.type == "MOBILIZE" and _of_peacekeepers(token):
                trigger = Trigger("AID", None)  # "the deployment of peacekeeping troops"
        if trigger is None and pos in ("VERB", "AUX") and obligation_by_speaker(token):
            trigger = Trigger("REQUEST")  # "X said Y must hand over the suspects"
        if trigger is not None:
            found.append((token, trigger))
    by_index = {t.i: tr for t, tr in found}
    verbs = {t.i for t, _ in found if t.pos_ == "VERB"}
    # "Russian airstrikes hit a hospital": the noun is the act, the verb only reports it.
    # But a meeting acts through its members: "Foreign ministers *meeting* in Luxembourg
    # froze the assets" (the parse heads the subject on "meeting") is a freeze.
    subject_acts = {
        t.head.i
        for t, tr in found
        if t.pos_ != "VERB" and t.dep_ == "nsubj" and tr.type != "CONSULT"
    }
    kept = []
    times = time_ranges(doc) if found else []
    for token, trigger in found:
        if token.i in subject_acts or in_time_expression(token, times):
            continue  # (the latter: "March 19, 2007" is a month, not a march)
        if (
            token.pos_ != "VERB"
            and token.head.i in verbs
            # "condemned the attack", "protested the closure": two acts
            and by_index[token.head.i].type not in ("ACCUSE", "PROTEST")
            and _instrument(token)
        ):
            continue  # "killed in air strikes": the noun says how the verb's act was done
        if (
            (
                token.dep_ in ("nsubj:pass", "obj")
                or (token.dep_ == "obl" and case_of(token) == "in")
            )
            and token.head.i in verbs
            and by_index[token.head.i].type == trigger.type
        ):
            # "sanctions *were imposed*", "*delivered* aid to Aleppo", "immolated himself *in
            # protest*": the verb restates the act its subject, object or manner names
            continue
        if _content_of_verbal_act(token, by_index) or _object_of_act_noun(token, by_index):
            continue
        if _meeting_shunned(token, trigger, by_index) or _retaliated_by(token):
            continue
        if _act_banned(token, by_index):
            continue
        kept.append((token, trigger))
    return kept


_INSTRUMENT_CASES: Final = frozenset({"in", "by", "with", "from", "through", "using"})
#: Acts addressed to a government, whose capital stands for it as recipient ("warned
#: *Ankara*", "talks with *Beijing*"); the capital of an attack, a protest or a deployment is
#: the place it happens.
_ADDRESSED_TYPES: Final = VERBAL_TYPES | {"CONSULT", "CONCEDE", "SANCTION", "COOPERATE", "AID"}


def _instrument(noun: Token) -> bool:
    """A noun that says how its verb's act was done ("killed in air strikes", "hit with
    rockets"), or restates it as its object ("launched strikes")."""
    if noun.dep_ == "obj":
        return True
    cases = {c.lower_ for c in noun.children if c.dep_ == "case"}
    return noun.dep_ in ("obl", "nmod") and bool(cases & _INSTRUMENT_CASES)


#: Verbs that, with a "that" clause, show or grant a fact rather than act: "this
#: *demonstrates* that…", "*recognizing* that imitation is…", "*accept* that human activity…".
_FACT_VERBS: Final = frozenset({"demonstrate", "recognize", "recognise", "accept"})


def _saying_that(verb: Token) -> bool:
    """Whether a protest/recognition verb takes a clause of fact, not a party or a place."""
    if verb.lemma_.lower() not in _FACT_VERBS:
        return False
    return any(c.dep_ == "ccomp" for c in verb.children) or any(
        c.dep_ == "obj" and c.lower_ == "that" for c in verb.children
    )


#: What one declines to do without refusing anyone anything: "declined to comment".
_NON_COMMITTAL: Final = frozenset(
    {
        "comment",
        "say",
        "elaborate",
        "discuss",
        "confirm",
        "specify",
        "name",
        "identify",
        "answer",
        "respond",
        "speak",
        "disclose",
        "reveal",
        "provide",
        "give",
        "be",
    }
)


def _declined(verb: Token) -> Trigger | None:
    """ "Declined the invitation", "declined to attend" refuse (REJECT); "declined to
    comment" and "prices declined" do not."""
    for child in verb.children:
        if child.dep_ == "obj" and child.pos_ in ("NOUN", "PROPN"):
            return Trigger("REJECT", None)
        if child.dep_ == "xcomp" and child.lemma_.lower() not in _NON_COMMITTAL:
            return Trigger("REJECT", None)
    return None


def _verb_reports_no_act(verb: Token, trigger: Trigger) -> bool:
    """Senses of a trigger verb that report no act (:mod:`parallax.extract.event_figurative`):
    "lost his son", "talking about a Senate", "asked, 'Will you…?'", "seized on remarks",
    "demonstrated her skill"."""
    if trigger.type == "PROTEST" and _shows_or_gathers(verb):
        return True
    if any(c.dep_ == "mark" and c.lower_ == "according" for c in verb.children):
        return True  # "according to *aid* workers" parsed with "aid" as a verb
    if trigger.type in ("CONSULT", "AGREE") and no_interaction(verb):
        return True
    return any(
        sense(verb)
        for sense in (
            lost_nothing_of_ground,
            hung_not_hanged,
            question_asked,
            politeness,
            seized_on,
            figurative_object,
            aid_as_modifier,
            allied_as_attribute,
            removed_from_office,
        )
    )


def _noun_reports_no_act(noun: Token, trigger: Trigger) -> bool:
    """Senses of a trigger noun that report no act: "a campaign rally", a word inside a name
    ("Homeland Security Investigations"), "requests for comment"."""
    if trigger.type == "PROTEST" and _campaign_event(noun):
        return True
    return part_of_a_name(noun) or press_request(noun)


#: Verbs of a purpose clause whose object is whom a shot is fired at ("opened fire *to
#: disperse* demonstrators"); "to protect the convoy" names whom it is fired for.
_FIRED_TO: Final = frozenset(
    {"disperse", "repel", "repulse", "stop", "halt", "scatter", "quell", "push", "drive",
     "break", "deter", "kill", "chase", "force"}
)  # fmt: skip


def _purpose_object(verb: Token) -> Token | None:
    """The object of the clause saying what a shot was fired for, when that clause drives
    someone off: "police opened fire *to disperse demonstrators*" fired at the
    demonstrators."""
    for clause in verb.children:
        if (
            clause.dep_ in ("advcl", "xcomp")
            and clause.lemma_ in _FIRED_TO
            and any(c.dep_ == "mark" and c.lower_ == "to" for c in clause.children)
        ):
            return next((c for c in clause.children if c.dep_ == "obj"), None)
    return None


def _intended_act(trigger: Token) -> bool:
    """Whether a future reading makes the act itself intended: a verb ("will strike") or a
    noun that is what the future verb does ("plans *attacks*", "*talks* will open"), not a noun
    hung inside another phrase ("no plans to release recordings *of the shooting*", "the
    cause *of the explosion* has not been determined")."""
    if trigger.pos_ in ("VERB", "AUX"):
        return True
    if trigger.dep_ == "obl" and case_of(trigger) == "to":
        # "supporters plan *to march* on parliament" with the verb tagged as a noun
        return bool(_INTENDING.intersection(forms_of(trigger.head)))
    return trigger.dep_ in ("obj", "nsubj", "nsubj:pass", "ROOT", "conj", "xcomp")


#: MOBILIZE modes by the sector of the force that prepares (PLOVER's mode table); armed
#: forces of a state, and anyone else, mobilise "troops".
_MOBILIZED: Final[dict[str, str]] = {
    "COP": "police",
    "REB": "militia",
    "INS": "militia",
    "UAF": "militia",
}


def _prepared(trigger: Token) -> bool:
    """Whether the act is what its doer is preparing: the complement, or the object, of
    "prepare", directly or through verbs of starting ("prepared to *resume* shelling",
    "is preparing an *offensive* on Mosul")."""
    word = trigger
    for _ in range(3):
        if word.dep_ not in ("xcomp", "obj") or word.head.i == word.i:
            return False
        word = word.head
        if word.lemma_ == "prepare":
            return True
    return False


#: Verbs whose "to" complement is what their subject intends to do.
_INTENDING: Final = frozenset(
    {"plan", "vow", "threaten", "intend", "want", "aim", "prepare", "decide", "pledge"}
    | {"promise", "agree", "hope", "seek", "try", "expect", "refuse", "move"}
)


def _warned_party(verb: Token) -> Trigger | None:
    """ "Azerbaijan warned *Armenia* that…", "Russia warned *Washington* not to interfere":
    a warning addressed to a named party threatens it (CAMEO 130, PLOVER THREATEN), also
    one addressed to a named party's body ("warned *Niger's junta* against…"). "Experts
    warned that…" and "officials warned *residents* to stay indoors" do not."""
    for child in verb.children:
        if child.dep_ in ("obj", "iobj") and (
            child.ent_type_ in NAMED
            or any(g.dep_ == "nmod:poss" and g.ent_type_ in NAMED for g in child.children)
        ):
            return Trigger("THREATEN", None)
    return None


#: Nouns of a person who may be held and let go ("released the *journalist*").
_HELD_PERSONS: Final = frozenset(
    {"journalist", "reporter", "activist", "dissident", "detainee", "captive", "hostage",
     "prisoner", "soldier", "pilot", "sailor", "worker", "citizen", "national", "student",
     "blogger", "lawyer", "priest", "leader", "photographer", "tourist", "businessman",
     "pastor", "missionary", "cleric", "president", "minister", "premier", "general",
     "officer", "official", "commander", "politician", "opponent", "critic"}
)  # fmt: skip
#: Where a person is released from: "released the former president *from house arrest*".
_CUSTODY: Final = frozenset(
    {"custody", "detention", "prison", "jail", "arrest", "captivity", "confinement"}
)


def _released_person(verb: Token) -> Trigger | None:
    """ "released Nelson Mandela", "released the aid worker": letting a person go (CAMEO
    0841, RETREAT "release"); "released a statement" does not."""
    for child in verb.children:
        if child.dep_ == "obj" and _held_person(child):
            return Trigger("RETREAT", "release")
        if (
            child.dep_ == "obl"
            and case_of(child) == "from"
            and _CUSTODY.intersection(forms_of(child))
        ):
            return Trigger("RETREAT", "release")
    return None


def _held_person(noun: Token, *, full_name: bool = False) -> bool:
    """A person (by name or by a noun of people) who can be held and let go; not a pronoun
    ("release *them* for free": apps) or the name of a body. ``full_name``: a one-word name
    does not count ("the release of the *Dreamliner*", read as a person, is a product's)."""
    entity = entity_at(noun.doc, noun.i) if noun.ent_type_ == "PERSON" else None
    return (
        (entity is not None and (len(entity) > 1 or not full_name))
        or (not noun.ent_type_ and noun.pos_ != "PRON" and is_people(noun))
        or bool(_HELD_PERSONS.intersection(forms_of(noun)))
    )


#: Verbs that do what their object names by saying it: "*declared* a ceasefire".
_PERFORMATIVE: Final = frozenset({"declare", "proclaim"})


def _declared(noun: Token) -> bool:
    """An act declared is done by the declaring ("the rebels declared a truce"), not reported
    as the content of the speaker's words, though the quotes read "declared X" as speech."""
    return noun.dep_ == "obj" and bool(_PERFORMATIVE.intersection(forms_of(noun.head)))


def _adjective_as_noun(word: Token) -> bool:
    """A word tagged as an adjective that the parse uses as a noun, with a determiner, as an
    object or subject: "will launch *an offensive*/JJ next week"."""
    return word.dep_ in ("obj", "nsubj", "nsubj:pass") and any(
        c.dep_ == "det" for c in word.children
    )


def _protested_to(verb: Token) -> bool:
    """ "Seoul *protested to Tokyo* over the textbook": a protest made to a named party is a
    diplomatic protest, which PLOVER codes ACCUSE "disapprove", not a demonstration."""
    return "protest" in forms_of(verb) and any(
        c.dep_ == "obl" and case_of(c) == "to" and c.ent_type_ in NAMED for c in verb.children
    )  # "marched to Parliament" goes somewhere


#: Protest verbs that, with an object, show or gather rather than protest: "demonstrated
#: her skill", "rallied supporters", "marched the prisoners".
_TRANSITIVE_OTHERWISE: Final = frozenset({"demonstrate", "rally", "march"})


def _shows_or_gathers(verb: Token) -> bool:
    """Whether a protest verb is used transitively (a protest is intransitive: "demonstrated
    in Kirkuk", "rallied against the curfew"; "protested the decision" keeps its object),
    or rallies *for* or *behind* someone ("Blacks rally for Hillary Clinton"): support, not
    protest."""
    lemma = lexicon_lemma(verb, _TRANSITIVE_OTHERWISE)  # the lemmatizer may half-strip it
    if lemma is None:
        return False
    return any(
        c.dep_ == "obj" or (c.dep_ == "obl" and lemma == "rally" and case_of(c) in _RALLIED_FOR)
        for c in verb.children
    )


#: Prepositions of whom a rally supports.
_RALLIED_FOR: Final = frozenset({"for", "behind", "around"})


#: Modifiers of a rally or march held for a candidate, not against anyone.
_CAMPAIGN_WORDS: Final = frozenset({"campaign", "election", "electoral", "victory"})


def _campaign_event(noun: Token) -> bool:
    """ "A campaign rally", "a Trump rally": a candidate's meeting, not a protest (PLOVER
    PROTEST is collective action against the recipient)."""
    return any(
        c.dep_ in ("compound", "amod", "nmod:poss")
        and (c.lower_ in _CAMPAIGN_WORDS or c.ent_type_ == "PERSON")
        for c in noun.children
    )


def _conjunction_use(verb: Token) -> bool:
    """ "Provided the regime observes the truce": a participle used as a conjunction."""
    return verb.lower_ in ("provided", "providing", "given", "supposing") and (
        verb.dep_ == "mark" or any(c.dep_ in ("ccomp", "advcl") for c in verb.children)
    )


def _compound(noun: Token, forms: tuple[str, ...]) -> Trigger | None:
    """A noun made a trigger by its modifier ("hunger strike", "joint exercises") or by its
    target ("an operation against the separatists")."""
    if (
        "act" in forms
        and not _names_an_act(noun)
        and any(
            c.dep_ == "nmod" and c.lower_ in _ACTS_OF_FORCE and case_of(c) == "of"
            for c in noun.children
        )
    ):
        return Trigger("ASSAULT")  # "suffered an *act* of terrorism by Islamic State"
    if any(f in ("operation", "campaign") for f in forms) and any(
        c.dep_ in ("nmod", "obl") and any(g.lower_ == "against" for g in c.children)
        for c in noun.children
    ):
        return Trigger("ASSAULT")
    # the noun's own modifiers, and those of its compounds ("*joint* air force drills")
    modifiers = [c for c in noun.children if c.dep_ in ("compound", "amod")]
    modifiers += [g for c in modifiers if c.dep_ == "compound" for g in c.children]
    for child in modifiers:
        if child.dep_ in ("compound", "amod"):
            for form in forms:
                found = COMPOUND_TRIGGERS.get((child.lower_, form))
                if found is not None:
                    return found
    for child in noun.children:
        if child.dep_ == "compound" and child.lower_.endswith("ing") and child.i < noun.i:
            # "shows a Russian bomber *dropping* bombs…", the participle read as a modifier:
            # the verb-and-object trigger it makes with the noun
            found = _paired(forms_of(child), forms)
            if found is not None:
                return found
    if "strike" in forms and _on_strike(noun):
        return Trigger("PROTEST", "strike")
    verbs = _as_verbs(forms)
    if not _PAIR_VERBS.intersection(verbs):
        return None
    for child in noun.children:
        # "the release of the hostages" is "released the hostages" said as a noun, "the
        # seizure of a tanker" "seized a tanker".
        if child.dep_ == "nmod" and any(c.lower_ == "of" for c in child.children):
            found = _paired(verbs, forms_of(child))
            if found is None and "release" in verbs and _held_person(child, full_name=True):
                found = Trigger("RETREAT", "release")  # "the release of the American pastor"
            if found is not None:
                return found
    return None


#: Acts that shun a meeting: "*boycotted* the summit", "*walked out of* the talks", "*cancelled*
#: talks with the EU".
_SHUNNING: Final = frozenset({"PROTEST", "SANCTION", "REJECT"})


def _meeting_shunned(noun: Token, trigger: Trigger, by_index: Mapping[int, Trigger]) -> bool:
    """Whether a meeting noun is what a boycott, walkout or cancellation is done to: the
    shunning party takes no part in it, so it is no CONSULT of theirs."""
    if trigger.type != "CONSULT" or noun.pos_ == "VERB":
        return False
    if noun.dep_ != "obj" and not (noun.dep_ == "obl" and case_of(noun) in ("of", "from")):
        return False  # "protested *at* the summit": the summit took place
    shunning = by_index.get(noun.head.i)
    return shunning is not None and shunning.type in _SHUNNING and noun.head.pos_ == "VERB"


#: Verbs of banning: what they ban is their object, not an act of its own.
_BANNING: Final = frozenset({"ban", "forbid", "prohibit", "outlaw"})


def _act_banned(noun: Token, by_index: Mapping[int, Trigger]) -> bool:
    """Whether an act noun is what a ban that is an event itself forbids: "the government
    banned *the rally*" is one restriction (the rally may never happen)."""
    if noun.pos_ == "VERB" or noun.dep_ not in ("obj", "nsubj:pass"):
        return False
    verb = noun.head
    return verb.i in by_index and bool(_BANNING.intersection(forms_of(verb)))


def _retaliated_by(verb: Token) -> bool:
    """Whether a verb of retaliation says how in a "by" clause: "Moscow retaliated *by
    expelling* 60 diplomats" is the expulsion (an event of its own when the lexicon knows
    it), no attack."""
    if verb.pos_ != "VERB" or "retaliate" not in forms_of(verb):
        return False
    return any(
        c.pos_ == "VERB" and any(m.lower_ == "by" for m in c.children) for c in verb.children
    )


def _compound_read_as_verb(noun: Token) -> Trigger | None:
    """A compound act noun whose "-ing" head the parse read as a verb: "resumed *intelligence*
    sharing" with "sharing" a clause of its own. The modifier stands for the act, so that its
    place in the clause (the object of "resumed") gives the doer."""
    doc = noun.doc
    if noun.i + 1 >= len(doc) or doc[noun.i + 1].tag_ != "VBG":
        return None
    verb = doc[noun.i + 1]
    if verb.i == noun.head.i or verb.head.i in (noun.i, noun.head.i):
        return COMPOUND_TRIGGERS.get((noun.lower_, verb.lower_))
    return None


#: Verbs that name what something is: "called the attack *an act of terrorism*".
_NAMING: Final = frozenset(
    {"call", "label", "consider", "deem", "describe", "term", "brand", "classify", "declare"}
)


def _names_an_act(noun: Token) -> bool:
    """Whether an "act of terrorism" says what something else is rather than reporting an
    act: a predicate ("the fire was an act of sabotage"), what a naming verb calls a thing
    ("called the law an act of aggression"), or a likeness ("seems like an act of
    terrorism")."""
    if noun.dep_ == "xcomp" or any(c.dep_ == "cop" for c in noun.children):
        return True
    if case_of(noun) in ("like", "as"):
        return True
    return noun.dep_ in ("obj", "obl") and bool(_NAMING.intersection(forms_of(noun.head)))


#: What an "act of …" is when it is one of force.
_ACTS_OF_FORCE: Final = frozenset({"terrorism", "terror", "violence", "aggression", "sabotage"})


def _modifies_a_compound_trigger(verb: Token) -> bool:
    """A verb the parse hung on a noun as its modifier, where the pair is a trigger of its own
    ("began *lifting* sanctions"): the noun's event covers it."""
    return verb.dep_ == "compound" and any(
        (verb.lower_, form) in COMPOUND_TRIGGERS for form in forms_of(verb.head)
    )


def _paired(forms: Iterable[str], partners: Sequence[str]) -> Trigger | None:
    """The verb-and-object trigger of the first form (then partner) the lexicon pairs."""
    for form in forms:
        for partner in partners:
            found = VERB_OBJECT_TRIGGERS.get((form, partner))
            if found is not None:
                return found
    return None


#: Verbs of the verb-and-object lexicon, whose bare noun form can take the object in an "of"
#: phrase instead.
_PAIR_VERBS: Final = frozenset(verb for verb, _ in VERB_OBJECT_TRIGGERS)


def _object_of_act_noun(noun: Token, triggers: Mapping[int, Trigger]) -> bool:
    """Whether a noun is the "of" object that makes the noun it hangs on a trigger: "the
    suspension *of* military aid" is one sanction, not also aid."""
    head = noun.head
    if head.i not in triggers or noun.dep_ != "nmod" or case_of(noun) != "of":
        return False
    return _paired(_as_verbs(forms_of(head)), forms_of(noun)) is not None


def _as_verbs(forms: Iterable[str]) -> list[str]:
    """A noun's forms as the verbs of the verb-and-object lexicon ("seizure" → "seize")."""
    return [NOMINALIZED_VERBS.get(form, form) for form in forms]


def _on_strike(noun: Token) -> bool:
    """ "went on strike", "are on strike": the idiom takes no article, an air strike does;
    "called (off) a strike": one calls a labour strike, not an air strike."""
    if _modified(noun):
        return False  # "air strikes", "three strikes"
    called = noun.dep_ == "obj" or (noun.dep_ == "obl" and case_of(noun) == "off")
    if called and "call" in forms_of(noun.head):
        # not "called the strike *a success*" (naming it)
        return not any(c.dep_ == "xcomp" for c in noun.head.children)
    children = list(noun.children)
    return any(c.dep_ == "case" and c.lower_ == "on" for c in children) and not any(
        c.dep_ == "det" for c in children
    )


def _modified(noun: Token) -> bool:
    """Whether a noun has a modifier or a count ("air strikes", "three strikes")."""
    return any(c.dep_ in ("nummod", "amod", "compound") for c in noun.children)


def _reason(phrase: Token) -> bool:
    """A "for" phrase beside the verb's own object is why, not what: "warned Turkey of
    consequences *for the downing*", "demanded compensation *for the killings*" (but "called
    *for talks*" asks for the talks)."""
    if phrase.dep_ not in ("obl", "nmod") or case_of(phrase) != "for":
        return False
    verb = phrase.head
    if verb.lower_ in _ANSWERS:
        return True  # "warned Moscow of consequences *for the shelling*" hung on the noun
    return any(c.dep_ in ("obj", "iobj", "ccomp", "xcomp") for c in verb.children)


#: Nouns of what an act brings on its doer, whose "for" phrase is the act, not their content.
_ANSWERS: Final = frozenset(
    {"consequence", "consequences", "compensation", "price", "punishment", "revenge",
     "retaliation", "apology", "reparations", "retribution", "accountability"}
)  # fmt: skip


def _orders(verb: Token) -> bool:
    return "order" in forms_of(verb)


def _content_of_verbal_act(token: Token, by_index: Mapping[int, Trigger]) -> bool:
    """True for a trigger inside the clause of an AGREE/REQUEST/REJECT/THREATEN… trigger."""
    current = token
    for hop in range(2):
        if current.dep_ not in ("xcomp", "ccomp", "advcl", "obj", "obl", "acl", "nmod"):
            return False
        if circumstance(current) or _reason(current):
            # "have shunned it *since* Moscow annexed Crimea", "agreed on a ceasefire *after
            # talks*", "warned Turkey of consequences *for the downing*": an act of its own
            return False
        current = current.head
        governing = by_index.get(current.i)
        if (
            governing is not None
            and hop == 0
            and _paired(forms_of(current), forms_of(token)) is not None
        ):
            return True  # "lodged a formal *protest*": the noun is the verb's own act
        if governing is not None:
            # The act an accusation or condemnation names is an act of its own, alleged or
            # reported ("accused Moscow *of bombing* the convoy"); a demand's content is not,
            # nor what lies deeper ("criticised Washington for not doing enough *to destroy*").
            if governing.type == "ACCUSE" and (hop == 0 or accused_party(token) is not None):
                return False
            if hop == 0 and token.dep_ in ("xcomp", "advcl") and _orders(current):
                return True  # "ordered the newspaper *to suspend* publication": one act
            return governing.type in VERBAL_TYPES
    return False


#: Nouns of the lexicon that are also verb forms ("attacks", "protests"): read as verbs
#: when the parse says so. Any other plural act noun tagged VBZ is a misparsed noun.
_VERB_FORMS: Final = frozenset(
    form
    for noun in NOUN_TRIGGERS
    for form in (noun, noun + "s", noun + "es")
    if noun in VERB_TRIGGERS
)


def _of_peacekeepers(noun: Token) -> bool:
    """A deployment whose troops are peacekeepers: aid to the host (CAMEO 074)."""
    return _peacekeeping(t for t in noun.subtree if t.i != noun.i)


def _peacekeeping(tokens: Iterable[Token]) -> bool:
    """Whether the words name peacekeeping, written as one word or "peace-keeping"."""
    words = [t.lower_ for t in tokens]
    return any(w in PEACEKEEPING_WORDS for w in words) or any(
        a == "peace" and b in ("keeping", "keepers", "keeper")
        for a, b in zip(words, words[2:], strict=False)
    )


def _to_peacekeeping(verb: Token) -> bool:
    """Troops sent or contributed *to* a peacekeeping force or mission: aid (CAMEO 074)."""
    return any(
        child.dep_ in ("obl", "nmod") and case_of(child) == "to" and _peacekeeping(child.subtree)
        for child in verb.children
    )


#: Verbs that hand over what they take: with a sum of money as object, economic aid.
_GIVING: Final = frozenset({"give", "provide", "grant", "send", "donate", "transfer", "allocate"})


def _state_gives_money(verb: Token) -> bool:
    """A sum of money handed over by a state ("Saudi Arabia … would give $1 billion", "Japan
    provided $200 million"): aid. Donors giving to campaigns are not (their subject is a
    person, a company or "they")."""
    if not any(c.dep_ == "obj" and _money(c) for c in verb.children):
        return False
    subject = nearest_subject(verb)
    if subject is None:
        return False
    return subject.ent_type_ in ("GPE", "NORP") or subject.lower_ == "it"


#: Currencies a counted sum is given in ("three billion *euros*", which the recognizer may
#: not call money).
_CURRENCIES: Final = frozenset(
    {"dollar", "euro", "pound", "yuan", "yen", "ruble", "rouble", "rupee", "riyal", "dirham",
     "franc", "lira", "shekel"}
)  # fmt: skip


def _money(noun: Token) -> bool:
    """A sum of money: "$1 billion", or a counted currency ("three billion euros")."""
    if noun.tag_ == "$" or noun.ent_type_ == "MONEY":
        return True
    counted = any(c.dep_ == "nummod" for c in noun.children)
    return counted and bool(_CURRENCIES.intersection(forms_of(noun)))


def _in_phrase(noun: Token, head: Token) -> bool:
    """Whether ``noun`` belongs to ``head``'s own phrase, not to a clause inside it
    ("welcomed the decision *to extend its mission*": the mission is not what was welcomed)."""
    current = noun
    while current.i != head.i:
        current = current.head
        if current.i != head.i and current.pos_ in ("VERB", "AUX"):
            return False
        if current.head.i == current.i:
            return False
    return True


def _first(lexicon: Mapping[str, Trigger], forms: tuple[str, ...]) -> Trigger | None:
    return next((lexicon[f] for f in forms if f in lexicon), None)


#: Verb particles (and "ablaze") the parse may read as adverbs ("brushed *aside*", "shrugged
#: *off*", "set the station *ablaze*").
_ADVERB_PARTICLES: Final = frozenset({"aside", "off", "down", "away", "back", "out", "ablaze"})


def _verb_object(verb: Token, forms: tuple[str, ...]) -> Trigger | None:
    """A verb whose object or particle makes it a trigger: "sent troops", "drove ISIS out"."""
    partners: list[str] = []
    if verb.dep_ in ("amod", "compound") and misread_clause_verb(verb):
        # "A UN convoy delivered *food*…" read as one noun phrase: its head is the object.
        partners.extend(forms_of(verb.head))
    passive = any(c.dep_ == "aux:pass" for c in verb.children)
    for child in verb.children:
        # a passive's subject is its object: "the US ambassador *was summoned*"
        if child.dep_ in ("obj", "compound:prt") or (passive and child.dep_ == "nsubj:pass"):
            partners.extend(forms_of(child))
            for noun in child.subtree:  # "send up to 450 more advisers": the counted noun
                if noun.pos_ == "NOUN" and noun.i - child.i < 6 and _in_phrase(noun, child):
                    partners.extend(forms_of(noun))
            # "drove the rebels *out of* Homs" with "out of Homs" hung on the object
            partners.extend(
                c.lower_
                for g in child.children
                if g.dep_ in ("nmod", "obl")
                for c in g.children
                if c.dep_ == "case" and c.lower_ in _ADVERB_PARTICLES
            )
        if child.dep_ == "advmod" and child.lower_ in _ADVERB_PARTICLES and child.i > verb.i:
            partners.append(child.lower_)  # "brushed *aside* demands", "aside" read as an adverb
        if child.dep_ in ("obl", "obl:agent"):  # "spoke *by phone*" is read as an agent
            # ("in" only as a particle: "gave rise to ISIS *in* the first place" is no "gave in")
            partners.extend(
                c.lower_ for c in child.children if c.dep_ == "case" and c.lower_ != "in"
            )
            partners.extend(forms_of(child))
        if child.dep_ == "xcomp" and child.pos_ == "ADJ":
            partners.append(child.lower_)  # "found the journalist *guilty*"
        if child.pos_ == "VERB" and (
            child.dep_ == "xcomp" or (child.dep_ == "advcl" and mark_of(child) == "to")
        ):
            partners.extend(forms_of(child))  # "ordered X to close"
        if child.dep_ == "iobj":  # "warned Turkey *of serious consequences*"
            for noun in child.children:
                if noun.dep_ == "nmod" and case_of(noun) == "of":
                    partners.extend(forms_of(noun))
    if _GIVING.intersection(forms) and _state_gives_money(verb):
        return Trigger("AID", None)  # "would give $1 billion to help rebuild Iraq" (CAMEO 071)
    # "sent 300 peacekeeping troops": the modifier, not the head noun, makes it aid.
    partners.sort(key=lambda partner: partner not in PEACEKEEPING_WORDS)
    found = _paired(forms, partners)
    if found is not None and found.type == "MOBILIZE" and _to_peacekeeping(verb):
        return Trigger("AID", None)  # "sent 300 soldiers to the UN peacekeeping mission"
    if found is not None:
        return found
    if "take" in forms and any(
        c.dep_ == "obj" and c.ent_type_ in ("GPE", "LOC", "FAC") for c in verb.children
    ):
        return Trigger("ASSAULT", None, territory=True)  # "after taking Jarablus"
    return None


class EventExtractor:
    """Build ``Event`` records for one ``Doc``."""

    def __init__(self, resolver: ActorResolver | None) -> None:
        self.resolver = resolver

    def __call__(self, doc: Doc) -> list[Event]:
        quoted = [part for a in (doc._.attributions or ()) if _speech(doc, a) for part in a.content]
        with frozen_mentions(doc):  # arguments look at the mentions many times per event
            found = list(find_triggers(doc))
            acts = frozenset(token.i for token, _ in found)
            material = frozenset(token.i for token, t in found if t.type not in VERBAL_TYPES)
            events = (self._event(doc, token, t, quoted, acts, material) for token, t in found)
            return [event for event in events if event is not None]

    def _event(
        self,
        doc: Doc,
        token: Token,
        trigger: Trigger,
        quoted: list[tuple[int, int]],
        acts: frozenset[int],
        material: frozenset[int],
    ) -> Event | None:
        """The event on ``token``, or None; ``acts`` are the document's trigger tokens, whose
        own places ("the massacre … *in Paris*") are not the sentence's for other events;
        ``material`` those of acts that are not verbal."""
        sentence = token.sent
        stray_doer = None
        # civilians' flight (find_triggers made it EXPELLED), not a lexicon "expel", which is
        # the same Trigger value
        flight = token.pos_ == "VERB" and trigger == EXPELLED and "flee" in forms_of(token)
        if token.pos_ == "VERB":
            if flight:
                actor_head, recipient_head = flight_arguments(token)
            else:
                actor_head, recipient_head = verbal_arguments(token)
            actor_head = _purpose_of_act(token, material) or actor_head
            if actor_head is not None and _is_act(actor_head):
                # "a truck bombing *that killed* eight", "Russian air strikes killed…": the
                # act's own doer did what it did.
                actor_head, _ = nominal_arguments(actor_head)
            if actor_head is None:
                actor_head = _instrument_actor(token)
            if recipient_head is not None and _is_act_object(recipient_head):
                # "opened fire *on tourists*", "dropped bombs *on Idlib*", "fired dozens of
                # rockets *into northern Israel*"
                recipient_head = (
                    prepositional(token, _FIRED_AT)
                    or prepositional(recipient_head, _FIRED_AT)
                    or _purpose_object(token)
                )
        else:
            actor_head, recipient_head = nominal_arguments(token)
            if actor_head is None:
                actor_head = stray_doer = stray_agent(token, acts)
        sides = None
        if actor_head is None:  # also "*Fighting* between…" read as a verb
            sides = between_parties(token)
            if sides is not None:
                actor_head, recipient_head = sides
        actor_head = actor_head if _can_act(actor_head) else None
        if recipient_head is not None and is_time(recipient_head):
            recipient_head = None  # "complained on Tuesday": a date, not a party
        if recipient_head is not None and _moved_force(trigger, token, recipient_head):
            if actor_head is None and recipient_head.dep_ == "nsubj:pass":
                actor_head = recipient_head  # "560 American troops were sent": their state's
            recipient_head = None
        actor = (
            code_actor(
                doc,
                actor_head,
                self.resolver,
                acting=True,
                state_sector=_state_sector(actor_head),
                conjuncts=sides is None,
            )
            if actor_head is not None
            else None
        )
        recipient = (
            code_actor(
                doc,
                recipient_head,
                self.resolver,
                addressed=trigger.type in _ADDRESSED_TYPES,
                conjuncts=sides is None,
                leave_out=stray_doer,
            )
            if recipient_head is not None
            else None
        )
        if trigger.type == "ACCUSE" and recipient_head is not None and not names_party(recipient):
            recipient = self._doer_accused(doc, recipient_head, acts) or recipient
        if trigger.type == "ASSAULT" and electoral(token, sentence, actor):
            return None  # "Ted Cruz has captured Texas": an election won, not ground
        if trigger.type == "ASSAULT" and fought_for_a_cause(token, actor):
            return None  # "he has fought for our religious liberty"
        if unarmed_contest(token, actor, recipient):
            return None  # "Trump defeated Clinton", "surrounded by supporters"
        if trigger.type == "COERCE" and prevented_by_no_authority(token, actor):
            return None  # "to prevent super PACs from buying elections"
        if (
            token.pos_ == "VERB"
            and not flight  # "civilians fled *to Turkey*": the civilians were driven
            and (not names_party(recipient) or _own_thing(recipient_head, recipient, actor))
        ):
            recipient = self._party_recipient(doc, token, trigger, actor) or recipient
        if (
            trigger.type == "ASSAULT"
            and recipient_head is not None
            and recipient is not None
            and recipient.start == recipient_head.left_edge.idx
            and recipient_head.lower_ in FIRED_WEAPONS
        ):
            recipient = None  # "launched *artillery* at the village": the weapon, not the target
        if (
            trigger.type == "AID"
            and recipient is not None
            and recipient_head is not None
            and recipient_head.dep_ == "obj"
            and not names_party(recipient)
            and prepositional(token, frozenset({"with"})) is None  # "provided X *with* arms"
        ):
            # "provide humanitarian assistance (to X)": the object is what is given.
            given_to = (
                prepositional(token, _GIVEN_TO)
                # "provided aid *to the rebels*" hung on "aid"
                or prepositional(recipient_head, _GIVEN_TO)
                # "gave *Kyiv* new military aid"
                or next((c for c in token.children if c.dep_ == "iobj"), None)
            )
            recipient = code_actor(doc, given_to, self.resolver) if given_to else None
        mode = trigger.mode
        if trigger.type == "ASSAULT":
            # The verb itself is no weapon word: "did not *bomb* Aleppo" is an air raid
            # (the verb's own mode), not the planted bomb the noun "bomb" names.
            words = [t.lower_ for t in sentence if t.i != token.i or token.pos_ != "VERB"]
            modifiers = [c.lower_ for c in token.children if c.dep_ in ("compound", "amod")]
            mode = assault_mode(words, modifiers) or mode
        # A toponym recipient with no actor code ("annexed Crimea") is where, not whom.
        coded = [a for a in (actor, recipient) if a is not None and (a is actor or a.actor_id)]
        taken = [_tokens(doc, a) for a in coded]
        place = place_in(token, sentence, taken, acts)
        in_quote = any(s <= token.idx < e for s, e in quoted) and not _declared(token)
        anchor = _status_anchor(token)
        noun = token if anchor.i != token.i else None
        status = event_status(anchor, in_attribution=in_quote, noun=noun)
        plover_type = trigger.type
        speaker = obligation_by_speaker(anchor)
        if speaker is not None:
            # "X said Y must withdraw": X demands of Y.
            plover_type, mode, status = "REQUEST", None, "asserted"
            recipient = actor
            subject = nearest_subject(speaker)
            actor = (
                code_actor(doc, subject, self.resolver, acting=True)
                if subject is not None
                else None
            )
        elif (
            plover_type == "ASSAULT"
            and actor is not None
            and actor.sector == "COP"
            and ("raid" in forms_of(token))
        ):
            plover_type, mode = "COERCE", "seize"  # police raids: searches (CAMEO 171)
        elif plover_type == "ASSAULT" and actor is not None and actor.sector == "OPP":
            plover_type, mode = "PROTEST", "riot"  # "protesters clashed with police"
        elif plover_type == "ASSAULT" and verbal_attack(
            token, sentence, actor_head, recipient_head
        ):
            plover_type, mode = "ACCUSE", "disapprove"  # "Clinton attacked Trump, saying…"
        elif (
            status in ("future", "hypothetical")
            and plover_type not in VERBAL_TYPES
            and is_ultimatum(anchor)
        ):
            # "will withdraw its peacekeepers unless a ceasefire is arranged": a threat.
            plover_type, mode = "THREATEN", THREAT_MODES.get(plover_type, "relations")
        elif status == "future" and plover_type == "RETREAT" and mode == "withdraw":
            plover_type, mode = "CONCEDE", None  # PLOVER: an announced withdrawal concedes
        elif (
            status == "future"
            and plover_type in COOPERATIVE_TYPES
            and mode != "resign"
            and _intended_act(token)
        ):
            plover_type, mode = "AGREE", None  # PLOVER: intent to cooperate is AGREE
        elif status == "future" and plover_type == "ASSAULT" and _prepared(token):
            # PLOVER: a military move short of force ("troops were *preparing* to attack
            # Manbij") is MOBILIZE; a threat is verbal.
            sector = actor.sector if actor is not None and actor.sector else ""
            plover_type, mode = "MOBILIZE", _MOBILIZED.get(sector, "troops")
        elif status == "future" and plover_type in CONFLICT_TYPES and _intended_act(token):
            plover_type, mode = "THREATEN", THREAT_MODES.get(plover_type)
        elif status == "negated" and plover_type in COOPERATIVE_TYPES and not left_undone(anchor):
            plover_type, mode, status = "REJECT", None, "asserted"  # "will not accept"
        place_record = (
            place._.place.record(place.start_char, place.end_char, place.text) if place else None
        )
        if plover_type == "PROTEST" and only_a_thing(recipient):
            # "blocked *roads* … to press their demands": a thing blocked is not whom the
            # protest is against
            recipient = (
                self._protested(doc, token, actor)
                or (self._host_state(place_record) if _aimed_at_something(token) else None)
                or recipient
            )
        actor = _placed(doc, token, actor, place_record)
        recipient = _placed(doc, token, recipient, place_record)
        if needs_affected_party(trigger.type, recipient) and not flight:
            actor_tokens = _tokens(doc, actor) if actor is not None else (0, 0)
            recipient = affected_party(doc, token, actor_tokens, self.resolver) or recipient
        return Event(
            start=sentence.start_char,
            end=sentence.end_char,
            text=sentence.text,
            trigger=SpanRecord(start=token.idx, end=token.idx + len(token), text=token.text),
            type=plover_type,
            mode=mode,
            status=status,
            acled=None
            if plover_type != trigger.type and plover_type in ("THREATEN", "AGREE", "REJECT")
            else acled_code(
                plover_type,
                mode,
                actor.sector if actor else None,
                recipient.sector if recipient else None,
                actor_is_state=bool(actor and actor.country),
                territory=trigger.territory and plover_type == trigger.type,
            ),
            actor=actor,
            recipient=recipient,
            place=place_record,
            date=_date(doc, sentence),
            figures=_figures(doc, sentence),
        )

    def _doer_accused(self, doc: Doc, act: Token, acts: frozenset[int]) -> Actor | None:
        """Whom condemning or investigating an act is aimed at: the act's doer, when the act
        noun is the object and names no party in its own phrase ("denounced the bombing of
        the hospital *by Russian jets*" is aimed at Russia, not at the hospital)."""
        if act.i not in acts or not _is_act(act):
            return None
        doer, _ = nominal_arguments(act)
        if doer is None:
            doer = stray_agent(act, acts)
        if doer is None or not _can_act(doer):
            return None
        coded = code_actor(doc, doer, self.resolver, acting=True)
        return coded if names_party(coded) else None

    def _protested(self, doc: Doc, trigger: Token, actor: Actor | None) -> Actor | None:
        """Whom a protest is against when its clause names a state party after it: "a
        hunger strike *to protest against Sweden's decision*", "demonstrated… *calling for
        independence from Iraq*", "*to demand the resignation of Algerian President*…"."""
        indices = {t.i for t in _protest_scope(trigger)}
        actor_span = _tokens(doc, actor) if actor is not None else (0, 0)
        for mention in entities_within(doc, trigger.i + 1, max(indices) + 1):
            resolved = mention._.actor
            if (
                resolved is None
                or not resolved.country
                or actor_span[0] <= mention.start < actor_span[1]
                or mention.start not in indices
            ):
                continue
            candidate = code_actor(doc, mention.root, self.resolver, addressed=True)
            if names_party(candidate):
                return candidate
        return None

    def _host_state(self, place: Place | None) -> Actor | None:
        """The state a protest takes place in, as whom it is addressed to when its sentence
        names no one: the CAMEO coders' convention ("Thousands rallied *in Lagos*": Nigeria)."""
        if place is None or not place.country_code:
            return None
        code = place.country_code
        name = self.resolver.state_names.get(code, code) if self.resolver else code
        return Actor(
            start=place.start,
            end=place.end,
            text=place.text,
            actor_id=code,
            name=name,
            country=code,
        )

    def _party_recipient(
        self, doc: Doc, verb: Token, trigger: Trigger, actor: Actor | None
    ) -> Actor | None:
        """The first further argument of ``verb`` that names a party, when its object names
        none: "granted asylum to Rwandan rebels" is done to the rebels, not to the asylum.
        Where troops are sent ("sent troops to Estonia") is a place, not a party. With no
        state or actor named, a partner of a known sector will do ("signed a deal *with the
        rebels*", "accepted demands *from* Shona rebels"), for the event's place to code."""
        actor_span = _tokens(doc, actor) if actor is not None else (0, 0)
        force = next((c for c in verb.children if _moved_force(trigger, verb, c)), None)
        moved = {t.i for t in force.subtree} if force is not None else set()
        alternatives = recipient_alternatives(verb, verbal=trigger.type in VERBAL_TYPES)
        if trigger.type in ("ACCUSE", "PROTEST"):
            # "complained to the United Nations *over two Israeli air raids*": whom the
            # complaint is about, not whom it is made to.
            alternatives = [
                c for c in verb.children if c.dep_ == "obl" and case_of(c) in _COMPLAINED_OF
            ] + alternatives
        fallback = None
        for head in alternatives:
            if actor_span[0] <= head.i < actor_span[1] or is_time(head):
                continue
            if head.lower_ in TERRAIN:
                continue  # "captured part of a stronghold *on the Thai border*": where

            if (head.i in moved and not _withdrawn_from(trigger, head)) or (
                trigger.type == "MOBILIZE"
                and head.head.i == verb.i
                and case_of(head) in _DESTINATION
            ):
                continue
            candidate = code_actor(
                doc, head, self.resolver, addressed=trigger.type in _ADDRESSED_TYPES
            )
            if _actors_own(head, candidate, actor):
                continue  # "Morocco and Algeria agreed to reopen *their* border"
            if names_party(candidate):
                return candidate
            if fallback is None and candidate.sector and case_of(head) in _PARTNER_CASES:
                fallback = candidate
        return fallback


def _actors_own(head: Token, candidate: Actor, actor: Actor | None) -> bool:
    """A possessive pronoun that stands for the actor itself (or some of its members)."""
    if head.dep_ != "nmod:poss" or head.pos_ != "PRON" or actor is None:
        return False
    if not candidate.country or not actor.country:
        return False
    return set(candidate.country.split("+")) <= set(actor.country.split("+"))


def _withdrawn_from(trigger: Trigger, head: Token) -> bool:
    """Where a withdrawn force leaves, hung on the force ("withdrew its troops *from
    Basra*"): whom a retreat concedes to (CAMEO 0874), unlike the force and its owner."""
    return trigger.type == "RETREAT" and case_of(head) in ("from", "out")


#: Prepositions of the other side of a deal or demand ("a truce *with* Moslem forces").
_PARTNER_CASES: Final = frozenset({"with", "from"})
#: Prepositions of what a complaint or accusation is about.
_COMPLAINED_OF: Final = frozenset({"over", "about", "against"})


def _purpose_of_act(verb: Token, material: frozenset[int]) -> Token | None:
    """The doer of an infinitive of purpose the parse hung on the object of a material act:
    "Protesters stormed the parliament building *to demand* the resignation…", "Students
    occupied the campus *to demand*…" are the protesters' and the students' demands, not the
    building's. Only on an object that names no people ("sent troops *to fight*": the
    troops fight); verbal acts are left out, since their object often says whose the
    infinitive is ("rejected calls *to resign*")."""
    noun = verb.head
    if verb.dep_ != "acl" or mark_of(verb) != "to" or noun.dep_ != "obj":
        return None
    if noun.head.i not in material or is_people(noun) or noun.ent_type_:
        return None
    return subject_of(noun.head)


def _protest_scope(trigger: Token) -> Iterable[Token]:
    """The words of a protest's clause: the verb's subtree, or that of the verb a protest
    noun is the object of ("staged *rallies* in Gaza against…")."""
    if trigger.pos_ == "VERB":
        return trigger.subtree
    if trigger.dep_ == "obj" and trigger.head.pos_ in ("VERB", "AUX"):
        return trigger.head.subtree
    return trigger.subtree  # "At a rally, Trump likened…": the rally's own words only


def _aimed_at_something(trigger: Token) -> bool:
    """Whether a protest says what it is against or for ("rallied *against the curfew*", "a
    rally in Lagos *to protest the rights violations*"): then it is addressed to the
    authority of where it happens, even though its sentence names none. A demonstration
    merely reported ("during Friday's demonstration in Cairo") is addressed to no one."""
    for token in _protest_scope(trigger):
        if token.i <= trigger.i:
            continue
        if token.lower_ == "against" or (token.lower_ == "protest" and token.dep_ != "ROOT"):
            return True
        if token.pos_ == "VERB" and (
            token.dep_ == "xcomp"
            or (
                token.dep_ == "advcl"
                and (mark_of(token) == "to" or (token.tag_ == "VBG" and mark_of(token) is None))
            )
        ):
            return True  # "to demand reforms", "calling for independence" (not "when…")
    return False


def _moved_force(trigger: Trigger, verb: Token, head: Token) -> bool:
    """The object of a mobilisation or withdrawal is the force moved ("sent 217 more
    troops", "has strengthened *its* forces", "the sending of foreign troops", "withdrew
    *its* troops"), neither it nor its owner a party the act is done to: PLOVER's MOBILIZE
    needs no recipient, and a withdrawal's is where the force leaves."""
    withdrawn = (trigger.type, trigger.mode) == ("RETREAT", "withdraw") and bool(
        _FORCES.intersection(forms_of(head))  # not "fled *Cuba*", "withdraw their money"
    )
    if (trigger.type != "MOBILIZE" and not withdrawn) or head.head.i != verb.i:
        return False
    return head.dep_ in ("obj", "iobj", "nsubj:pass") or (  # "the deployment *of 3,000 troops*"
        head.dep_ == "nmod" and case_of(head) == "of"
    )


#: Nouns of a force or mission a state withdraws.
_FORCES: Final = frozenset(
    {
        "troop", "force", "soldier", "marine", "peacekeeper", "unit", "contingent",
        "personnel", "army", "presence", "observer", "diplomat", "staff", "adviser", "advisor",
    }
)  # fmt: skip

#: Prepositions of whom aid is given to.
_GIVEN_TO: Final = frozenset({"to", "for"})

#: Prepositions of where forces go, not whom an act is done to.
_DESTINATION: Final = frozenset({"to", "into"})


#: Sectors of actors that belong where they act (the PLOVER convention for domestic actors):
#: "prisoners rioted at a jail in Dili" are East Timorese, "students throughout Indonesia"
#: Indonesian. Armed forces and named actors are never placed this way.
_LOCAL_SECTORS: Final = frozenset({"CVL", "OPP", "REB", "INS", "UAF", "COP", "JUD", "LEG", "MED"})


#: Head nouns of phrases that name states: never placed where they act ("a state of
#: emergency" is not one).
_STATE_NOUNS: Final = frozenset(
    {"nation", "nations", "country", "countries", "states", "powers", "allies", "governments"}
)


def _placed(doc: Doc, trigger: Token, actor: Actor | None, place: Place | None) -> Actor | None:
    """An uncoded local party (or an ethnic group living outside its kin state) coded by
    where its own phrase, the event or the sentence puts it."""
    if actor is not None and _minority(doc, actor):
        home = _phrase_place(doc, actor) or place
        if home is None or not home.country_code or home.country_code == actor.country:
            return actor  # nowhere else to live named: the kin state is the best guess left
        return actor.model_copy(
            update={"actor_id": None, "name": None, "country": home.country_code}
        )
    return _in_context(doc, trigger, _located(doc, _from_where(doc, actor), place))


#: Words that make a people an ethnic group wherever it lives ("*ethnic* Albanians").
_ETHNIC: Final = frozenset({"ethnic", "ethnically"})


def _minority(doc: Doc, actor: Actor) -> bool:
    """Whether the party is a people coded by its kin state but named as an ethnic group
    ("*ethnic* Albanians", "ethnic Turks") or as the people of a place ("the Serbs *of
    Bosnia*"): CAMEO codes an ethnic group by its state of residence ("Serb forces killed
    three ethnic Albanians in southeastern Serbia" is SRB on SRB)."""
    if not actor.actor_id or actor.actor_id != actor.country:
        return False
    phrase = doc[slice(*_tokens(doc, actor))]
    head = phrase.root
    plural = head.tag_ in ("NNPS", "NNS") or (head.tag_ == "NNP" and head.lower_.endswith("s"))
    # "the Albanians *of southern Serbia*": a people "of" a place lives there ("Americans
    # *in* Iraq" are only there, and stay Americans)
    if (
        head.ent_type_ == "NORP"
        and plural
        and any(c.dep_ == "nmod" and case_of(c) == "of" and c.ent_type_ for c in head.children)
    ):
        return True
    return any(t.lower_ in _ETHNIC for t in phrase) and any(
        t.ent_type_ == "NORP"
        and (t.tag_ in ("NNPS", "NNS") or (t.tag_ == "NNP" and t.lower_.endswith("s")))
        for t in phrase
    )


def _located(doc: Doc, actor: Actor | None, place: Place | None) -> Actor | None:
    """An uncoded local actor gets the country of the place the event happens in; a group
    named by a people we could not resolve ("Western nations") is not placed."""
    if actor is None or place is None or actor.country or actor.actor_id or not place.country_code:
        return actor
    phrase = doc[slice(*_tokens(doc, actor))]
    head = phrase.root
    titled_person = head.pos_ == "PROPN" and head.ent_type_ in ("PERSON", "")
    if actor.sector is not None and actor.sector not in _LOCAL_SECTORS and not titled_person:
        return actor  # an army or a government acts abroad; "President Akayev" is at home
    if _names_unresolved_body(phrase, ("NORP",)):
        return actor
    if head.lower_ in _STATE_NOUNS:
        return actor  # "Western nations", "regional powers": states, not local people
    if head.lower_ in PERSONAL_PRONOUNS:
        return actor  # "*he* would send troops to Iraq": someone named elsewhere, not a local
    return actor.model_copy(update={"country": place.country_code})


#: Prepositions by which a party's phrase says where it is from: "King Hassan *of*
#: Morocco", "a student *from* Lagos", "prisoners *in* Dili".
_FROM_WHERE: Final = frozenset({"of", "from", "in"})


def _from_where(doc: Doc, actor: Actor | None) -> Actor | None:
    """An uncoded local party placed by its own phrase: the country of a toponym that
    modifies a word of the phrase ("Senator Alexander *of Tennessee*"), on the terms
    :func:`_located` places a party by where its act is."""
    if actor is None or actor.country or actor.actor_id:
        return actor
    home = _phrase_place(doc, actor)
    return _located(doc, actor, home) if home is not None else actor


def _phrase_place(doc: Doc, actor: Actor) -> Place | None:
    """The toponym by which a party's own phrase says where it is from ("Senator Alexander
    *of Tennessee*", "ethnic Albanians *in Macedonia*")."""
    start, end = _tokens(doc, actor)
    for entity in entities_within(doc, start, end):
        place: PlaceCandidate | None = entity._.place
        root = entity.root
        if (
            place is not None
            and entity.label_ != "NORP"
            and root.dep_ == "nmod"
            and start <= root.head.i < end
            and case_of(root) in _FROM_WHERE
        ):
            return place.record(entity.start_char, entity.end_char, entity.text)
    return None


def _names_unresolved_body(phrase: Span, labels: tuple[str, ...]) -> bool:
    """Whether an uncoded actor phrase holds a group ("*Western* nations") or organisation
    name (``labels``) the registry does not know: such a body is not placed by where it
    acts, nor its members by what their sentence names."""
    return any(e.label_ in labels for e in entities_within(phrase.doc, phrase.start, phrase.end))


#: Codes of a state or one of its sectors ("AGO", "USAGOV"): what says whose story it is.
#: A person or group of another state named beside ("RT", "Hillary Clinton") does not.
_STATE_CODE: Final = re.compile(r"[A-Z]{3}(?:[A-Z]{3})?")
#: Sectors of uncoded parties that take the one country their sentence names; armed groups
#: are left out, since they so often fight in or against another state.
_CONTEXT_SECTORS: Final = frozenset({"GOV", "JUD", "LEG", "OPP", "COP", "MED"})


def _in_context(doc: Doc, trigger: Token, actor: Actor | None) -> Actor | None:
    """An uncoded person or local party gets the country its sentence names when it names
    exactly one as a modifier in the event's clause: "President Levy Mwanawasa reneged on his
    commitment to the *Zambian* people", "Judge Rivera opened investigations against 28
    *Chilean* officials". A person the registry does not know is most often a domestic figure
    of the state in the story (the CAMEO coders' convention); with two states named, nothing
    is guessed. A state the act is aimed at ("negotiations with China") or a venue ("met in
    Geneva") says nothing about whose the party is."""
    if actor is None or actor.country or actor.actor_id:
        return actor
    start, end = _tokens(doc, actor)
    phrase = doc[start:end]
    if phrase.root.ent_type_ != "PERSON" and actor.sector not in _CONTEXT_SECTORS:
        return actor
    if _names_unresolved_body(phrase, ("ORG", "NORP")):
        return actor  # "European Community foreign ministers": a body we cannot place
    countries: set[str] = set()
    sentence, clause = trigger.sent, clause_head(trigger)
    for mention in entities_within(doc, sentence.start, sentence.end):
        if start <= mention.start < end or clause_head(mention.root) != clause:
            continue  # "…claimed that a judge was biased by his *Mexican* heritage": elsewhere
        state = mention._.actor
        if state is None or not state.country or not _STATE_CODE.fullmatch(state.actor_id):
            continue
        if state.actor_id == state.country and mention.root.dep_ not in NOUN_MODIFIER_DEPS:
            # A bare state counts only as the modifier of a noun ("the *Zambian* people");
            # "talks with China", "in Geneva" name the other party or the venue. A state's
            # own sector counts as it stands ("28 *Chilean government officials*").
            continue
        countries.add(state.country)
    if len(countries) != 1:
        return actor
    return actor.model_copy(update={"country": countries.pop()})


#: Head nouns that name things, not parties: "an opportunity to mobilise", "the purposes of".
_NOT_PARTIES: Final = frozenset(
    [
        "purpose",
        "opportunity",
        "release",
        "reminder",
        "effort",
        "plan",
        "decision",
        "report",
        "statement",
        "move",
        "step",
        "way",
        "fact",
        "idea",
        "issue",
        "situation",
        "thing",
        "need",
        "time",
        "day",
        "week",
        "month",
        "year",
        "reason",
        "result",
        "enthusiasm",
        "question",
        "problem",
        "news",
        "possibility",
        "role",
        "rise",
        "consequence",
        "consequences",
        "word",
        "words",
        "preparation",
        "preparations",
        "sense",
        "impact",
        "influence",
        "attention",
        "interest",
        "interests",
        "concern",
        "concerns",
        "hope",
        "hopes",
        "aim",
        "goal",
        "vision",
        "potential",
        "strategy",
        "policy",
    ]
)
#: Pronouns that stand for no party ("*this* provides an opportunity", "*anything* less").
_NO_PARTY_PRONOUNS: Final = frozenset(
    {"this", "that", "these", "those", "anything", "something", "nothing", "everything",
     "what", "which", "much"}
)  # fmt: skip
#: Parts of speech a party's head never has ("*is*" left as a subject by the parse); verbs and
#: adjectives can be misread nouns ("Syrian regime warplanes/VBZ bombed…").
_NO_PARTY_POS: Final = frozenset(
    {"AUX", "ADV", "ADP", "CCONJ", "SCONJ", "PART", "INTJ", "PUNCT", "SYM"}
)


def _can_act(head: Token | None) -> bool:
    """Whether an argument head can be a party to an event: not a date ("Friday's attacks"),
    not another event ("the attacks provided…"), not an abstract noun."""
    if head is None:
        return False
    if is_time(head):
        return False  # "Friday's attacks"
    if head.pos_ in _NO_PARTY_POS and not head.ent_type_:
        return False
    if head.lower_ in _NO_PARTY_PRONOUNS:
        return False
    if _is_act(head):
        return False  # "the attacks provided…"
    if head.pos_ == "NOUN" and not head.ent_type_:
        forms = forms_of(head)
        if any(f in _NOT_PARTIES for f in forms):
            return False
    return True


def _speech(doc: Doc, attribution: Attribution) -> bool:
    """Attributions that make an event someone's word: direct quotes and cues of saying,
    believing or "according to" — not every cue the attribution tagger proposes."""
    if attribution.direct or attribution.cue is None:
        return attribution.direct
    cue = doc[slice(*attribution.cue)]
    words = {w for t in cue for w in forms_of(t)}
    return bool(words & (SPEECH_VERBS | COGNITION_VERBS | {"according", ":"}))


def _tokens(doc: Doc, actor: Actor) -> tuple[int, int]:
    span = doc.char_span(actor.start, actor.end, alignment_mode="expand")
    return (span.start, span.end) if span is not None else (0, 0)


def _instrument_actor(verb: Token) -> Token | None:
    """ "killed in Russian air strikes": the actor named on the instrument noun."""
    for child in verb.children:
        if child.dep_ == "obl" and (child.lemma_.lower() in NOUN_TRIGGERS):
            actor, _ = nominal_arguments(child)
            if actor is not None:
                return actor
    return None


#: Prepositions of whom fire or a weapon is aimed at: "opened fire *on* X", "bombs *on* Idlib".
_AIMED_AT: Final = frozenset({"on", "at", "against", "upon"})
#: Objects that are the act itself or its weapon, never its target: "opened *fire*", "fired
#: *shots*", "dropped *bombs* on Idlib", "fired *rockets* at Sderot".
_ACT_OBJECTS: Final = frozenset(
    {"fire", "gunfire", "shots", "shot", "volley", "volleys", "bomb", "bombs", "missile",
     "missiles", "rocket", "rockets", "shells", "mortars", "mortar", "grenades", "grenade",
     "gas", "bullets", "rounds", "projectiles", "explosives", "munitions", "ammunition",
     "salvo", "salvos", "torpedo", "torpedoes", "stones", "rocks", "cannon", "cannons"}
)  # fmt: skip


def _own_thing(head: Token | None, recipient: Actor | None, actor: Actor | None) -> bool:
    """Whether the object is the actor's own, named by "its" or "their": "Japan recalled
    *its ambassador* from Beijing", "withdrew *their* forces from…". It names no other party,
    so a further argument may ("from Beijing")."""
    return (
        head is not None
        and recipient is not None
        and actor is not None
        and recipient.country is not None
        and recipient.country == actor.country
        and any(c.dep_ == "nmod:poss" and c.lower_ in ("its", "their") for c in head.children)
    )


#: Where a weapon's object is aimed: also "fired rockets *into* Israel", "*towards* Sderot".
_FIRED_AT: Final = _AIMED_AT | {"into", "toward", "towards"}
#: Numbers and measures of weapons: "*dozens* of rockets", "a *barrage* of missiles".
_WEAPON_MEASURES: Final = frozenset(
    {"dozens", "hundreds", "thousands", "scores", "barrage", "barrages", "hail", "volley",
     "salvo", "wave", "waves", "number", "series", "couple", "pair", "handful"}
)  # fmt: skip


def _is_act_object(head: Token) -> bool:
    """Only these words: another act noun as object ("demanded the withdrawal of Serbian
    forces", "imposed sanctions on Moscow") names its party inside itself; so does a
    measure of them ("fired *dozens of rockets*")."""
    if head.dep_ != "obj":
        return False
    if head.lower_ in _ACT_OBJECTS:
        return True
    if head.lower_ in _WEAPON_MEASURES or head.like_num:
        return any(
            c.dep_ == "nmod" and c.lower_ in _ACT_OBJECTS and case_of(c) == "of"
            for c in head.children
        )
    return False


def _is_act(head: Token) -> bool:
    """Whether an argument head is an act noun ("bombing", "air strikes"), not a party."""
    if head.pos_ != "NOUN" or head.ent_type_:
        return False
    return any(f in NOUN_TRIGGERS for f in forms_of(head))


def _state_sector(actor_head: Token) -> str | None:
    """A state named only as the modifier of an armed act ("Russian air strikes", "Turkey's
    shelling", "killed in Russian air strikes") acts through its military."""
    if actor_head.dep_ not in NOUN_MODIFIER_DEPS:
        return None
    noun = actor_head.head
    if noun.dep_ == "compound":
        noun = noun.head  # "Russian air strikes": "Russian" modifies "air"
    forms = forms_of(noun)
    armed = any(NOUN_TRIGGERS[f].type == "ASSAULT" for f in forms if f in NOUN_TRIGGERS)
    return "MIL" if armed and noun.i != actor_head.i else None


def _status_anchor(token: Token) -> Token:
    """Modality of a noun trigger sits on the verb that carries it ("will launch strikes")."""
    if (
        token.pos_ != "VERB"
        and token.dep_ in ("obj", "nsubj:pass")
        and token.head.lemma_ in LIGHT_VERBS
    ):
        return token.head
    return token


def _date(doc: Doc, sentence: Span) -> Time | None:
    """The event's date: a dated expression in its sentence, else the nearest one earlier in
    the paragraph; the publication date is the caller's fallback, not a text span."""
    times: list[Time] = [
        t for t in (doc._.times or ()) if t.type == "DATE" and (t.value or "")[:1].isdigit()
    ]
    inside = [t for t in times if sentence.start_char <= t.start < sentence.end_char]
    if inside:
        return inside[0]
    paragraph_start = text_of(doc).rfind("\n", 0, sentence.start_char) + 1
    before = [t for t in times if paragraph_start <= t.start < sentence.start_char]
    return before[-1] if before else None


def _figures(doc: Doc, sentence: Span) -> list[Figure]:
    return [
        f
        for f in (doc._.figures or ())
        if sentence.start_char <= f.start < sentence.end_char and f.quantity in _EVENT_QUANTITIES
    ]


def register_extensions() -> None:
    """``doc._.events``: the contract records."""
    if not Doc.has_extension("events"):
        Doc.set_extension("events", default=None)


@Language.factory("parallax_events", assigns=["doc._.events"])
class EventTagger:
    """Pipeline component storing :class:`EventExtractor` output on ``doc._.events``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name
        resolver: ActorResolver | None = None
        if "parallax_linker" in nlp.pipe_names:
            linker = nlp.get_pipe("parallax_linker")
            resolver = getattr(linker, "resolver", None)
        self.extract = EventExtractor(resolver)

    def __call__(self, doc: Doc) -> Doc:
        doc._.events = self.extract(doc)
        return doc
