"""Whether an event happened: asserted, reported, hypothetical, negated or future.

An analyst counting strikes must not count "the coalition could strike", "inaction is not an
option", "committed to destroying ISIS" or "ISIS claimed it downed the plane" as done deeds by
the outlet's own voice. The status is read from the trigger's own modifiers and from the
clauses above it (a negation, a modal or conditional, an intention verb, a claim or report) —
the same cues the PLOVER manual lists as auxiliary modes — and from the attributions the quote
extractor found (an event inside someone's words is reported).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

from spacy.tokens import Token

from parallax.extract.syntax import case_of, circumstance, mark_of
from parallax.nlp.lemmas import forms_of
from parallax.schema import EventStatus

_NEGATIONS: Final = frozenset({"not", "n't", "never", "no", "without", "nor", "neither"})
_HYPOTHETICAL_AUX: Final = frozenset({"could", "might", "may", "would", "should", "must", "ought"})
_FUTURE_AUX: Final = frozenset({"will", "shall", "'ll", "wo"})
_REPORTED_FUTURE: Final = frozenset({"would"})
_SPEECH: Final = frozenset(
    ["say", "tell", "announce", "declare", "state", "add", "warn", "insist", "confirm"]
)
_CONDITIONS: Final = frozenset({"if", "unless", "provided", "providing", "whether", "lest"})
#: Governing verbs (and adjectives) that make what they govern an intention, not a deed.
_INTENTION: Final = frozenset(
    [
        "plan",
        "intend",
        "vow",
        "swear",
        "pledge",
        "promise",
        "commit",
        "threaten",
        "aim",
        "seek",
        "prepare",
        "want",
        "decide",
        "expect",
        "hope",
        "propose",
        "offer",
        "agree",
        "determine",
        "resolve",
        "set",
        "poise",
        "ready",
        "willing",
        "going",
    ]
)
#: Governing words that make what they govern someone's claim or report.
_CLAIM: Final = frozenset(
    [
        "claim",
        "allege",
        "report",
        "say",
        "tell",
        "accuse",
        "blame",
        "deny",
        "insist",
        "suggest",
        "believe",
        "responsibility",
        "accusation",
        "allegation",
        "report",
        "claim",
    ]
)
#: Governing words that make what they govern a possibility, not a deed.
_POSSIBILITY: Final = frozenset(
    [
        "possibility",
        "option",
        "prospect",
        "chance",
        "risk",
        "need",
        "call",
        "consider",
        "imagine",
        "urge",
        "demand",
        "ask",
        "likely",  # "the rebels are (un)likely to accept the offer"
        "unlikely",
        "possible",
        "probable",
    ]
)
#: How far up the tree a governing cue still counts.
MAX_CLIMB: Final = 4


def event_status(trigger: Token, *, in_attribution: bool, noun: Token | None = None) -> EventStatus:
    """The status of the event ``trigger`` reports (negation beats everything else).

    ``noun`` is the event noun when ``trigger`` is the light verb carrying it ("made no
    arrests")."""
    chain = list(_governing_chain(trigger))
    if _is_negated(trigger) or (noun is not None and _negated(noun)):
        return "negated"
    if _warned_of(trigger) and not _known_act(trigger):
        return "future"  # "warned of attacks on polling stations": feared, not done
    for token in chain:
        if _modal(token, _REPORTED_FUTURE) and _reported_clause(token):
            return "future"  # "they said they would boycott": the future of the past
        if _conditional(token) or _modal(token, _HYPOTHETICAL_AUX):
            return "hypothetical"
        if _modal(token, _FUTURE_AUX) or _going_to(token):
            return "future"
        if token.i != trigger.i and _lemma(token) in _POSSIBILITY:
            return "hypothetical"
        if token.i != trigger.i and _lemma(token) in _INTENTION:
            return "future"
        if token.i != trigger.i and _lemma(token) in _CLAIM:
            return "reported"
    return "reported" if in_attribution else "asserted"


#: Prepositions of what a warning is about ("warned *of* attacks", "*against* reprisals").
_WARNED_OF: Final = frozenset({"of", "about", "against"})


def _warned_of(noun: Token) -> bool:
    """An act noun a warning is about: what is feared is yet to come (a definite act the
    sentence takes as known, "warned of the consequences of the siege", is left alone)."""
    return (
        noun.pos_ == "NOUN"
        and noun.dep_ in ("obl", "nmod")
        and case_of(noun) in _WARNED_OF
        and "warn" in forms_of(noun.head)
    )


def _governing_chain(trigger: Token) -> Iterable[Token]:
    """The trigger, then the words it hangs from, up to a clause boundary that reports it."""
    current = trigger
    yield current
    if _known_act(trigger):
        return
    for _ in range(MAX_CLIMB):
        if current.head.i == current.i or current.dep_ in ("parataxis", "conj", "appos", "list"):
            return
        if circumstance(current):
            return  # "agreed on a ceasefire *after talks*": the talks were not agreed to
        current = current.head
        yield current
        if current.dep_ == "ROOT":
            return


#: Prepositions after which a definite act noun is a known act the clause refers to ("will
#: invoke the clause *in relation to* the Paris attacks"), not one it plans or supposes;
#: "for" and "to" introduce what is sought ("will travel to Geneva *for* the talks").
_REFERRING_CASES: Final = frozenset(
    {"from", "of", "since", "after", "following", "over", "about", "on", "in", "despite", "amid"}
)
_REFERRING_HEADS: Final = frozenset(
    {"relation", "response", "reference", "regard", "reaction", "connection", "prior"}
)
_DEFINITE: Final = frozenset({"the", "this", "that", "these", "those"})
#: Words of requital, whose "for" phrase is an act done before: "vowed to retaliate *for the
#: killing* of its commander", "will punish those responsible for the attack", "revenge for
#: the bombing".
_REQUITING: Final = frozenset(
    {"retaliate", "retaliation", "avenge", "revenge", "vengeance", "punish", "punishment",
     "apologize", "apologise", "apology", "compensate", "compensation", "blame", "pay",
     "reprisal", "reprisals", "responsible", "responsibility"}
)  # fmt: skip


def _known_act(noun: Token) -> bool:
    """Whether a noun trigger names an act its sentence takes as known: a definite or
    possessed act noun in a prepositional phrase ("repercussions stemming *from the
    massacre* of 130 people … may be a thawing", "in relation *to the Paris attacks*"), whose
    status the modal or intention above it does not change."""
    if noun.pos_ == "NOUN" and noun.dep_ == "obj" and _EXAMINING.intersection(forms_of(noun.head)):
        return _definite(noun)  # "the UN will investigate *the killings*": they happened
    if noun.pos_ != "NOUN" or noun.dep_ not in ("obl", "nmod"):
        return False
    case = case_of(noun)
    referring = (
        case in _REFERRING_CASES
        or (case == "to" and noun.head.lower_ in _REFERRING_HEADS)  # "in relation *to* …"
        or (case == "for" and _requital(noun.head))
    )
    return referring and _definite(noun)


def _definite(noun: Token) -> bool:
    """A noun with a definite article or demonstrative, or a possessor."""
    return any(
        (c.dep_ == "det" and c.lower_ in _DEFINITE) or c.dep_ == "nmod:poss" for c in noun.children
    )


#: Verbs whose (definite) object is an act that took place: investigating, examining or
#: judging it does not plan it ("will investigate the killings", "set up to examine the
#: bombing").
_EXAMINING: Final = frozenset(
    {"investigate", "probe", "examine", "review", "study", "inspect", "condemn", "denounce",
     "deplore", "decry", "criticize", "criticise", "mourn", "commemorate", "document"}
)  # fmt: skip


def _requital(head: Token) -> bool:
    """Whether a "for" phrase hangs on a word of requital, on a verb whose object is one
    ("vowed *revenge* for the assassination"), or on a pronoun it describes ("those
    *responsible* for the attack")."""
    words = [head, *(c for c in head.children if c.dep_ in ("obj", "amod"))]
    return any(_REQUITING.intersection(forms_of(word)) for word in words)


def _lemma(token: Token) -> str:
    """The lexicon form of a governing word (the lemmatizer can leave "committed")."""
    forms = forms_of(token)
    for form in forms:
        if form in _INTENTION or form in _CLAIM or form in _POSSIBILITY:
            return form
    return forms[0]


def _is_negated(trigger: Token) -> bool:
    """ "did not bomb", "never attacked", "No aircraft have bombed", "failed"-less: the
    trigger's own negation, its subject's "no", "without" ("*without consulting* the EU") or
    the negation of the verb it completes ("did not try to attack") — not that of a clause it
    merely sits in ("did not return fire when separatists shelled")."""
    if _negated(trigger):
        return True
    if any(c.dep_ in ("nsubj", "nsubj:pass") and _negated(c) for c in trigger.children):
        return True
    if left_undone(trigger):
        return True  # "withdrew *without firing* a shot": the shot was not fired
    return trigger.dep_ == "xcomp" and _negated(trigger.head)


def left_undone(trigger: Token) -> bool:
    """Whether the act is what another was done without ("eased the measures *without
    consulting* the EU"): not done, and not refused either."""
    return any(c.dep_ == "mark" and c.lower_ == "without" for c in trigger.children)


def _negated(token: Token) -> bool:
    return any(
        child.lower_ in _NEGATIONS and child.dep_ in ("advmod", "det", "neg", "cc:preconj")
        for child in token.children
    )


def _modal(token: Token, modals: frozenset[str]) -> bool:
    return any(c.dep_ in ("aux", "aux:pass") and c.lower_ in modals for c in token.children)


def _reported_clause(token: Token) -> bool:
    """The clause is what someone said ("said they would…"), not a condition."""
    head = token.head
    return token.dep_ == "ccomp" and any(f in _SPEECH for f in forms_of(head))


def obligation_by_speaker(token: Token) -> Token | None:
    """The speech verb of "X said Y must do Z" (a demand by X on Y), or None. Not when the
    one who must act is the speaker's side or no party ("we must not overreact", "things
    should be wrapped up"), nor when the modal judges a past ("must not have done much
    good", "should have been roughed up")."""
    head = token.head
    if (
        token.dep_ == "ccomp"
        and _modal(token, _OBLIGATION)
        and any(f in _SPEECH | {"reiterate", "conclude", "argue"} for f in forms_of(head))
        and _obliged_party(token)
        and not any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in token.children)
    ):
        return head
    return None


_OBLIGATION: Final = frozenset({"must", "should"})
#: Subjects of an obligation that name no other party to make a demand of.
_NO_DEMANDEE: Final = frozenset(
    {"i", "we", "it", "this", "that", "there", "things", "which", "what", "discussion"}
)


def _obliged_party(clause: Token) -> bool:
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    return subject is not None and subject.lower_ not in _NO_DEMANDEE


def _going_to(token: Token) -> bool:
    head = token.head
    return token.dep_ == "xcomp" and head.lower_ == "going" and head.head.i != head.i


def is_ultimatum(trigger: Token) -> bool:
    """An act announced *unless* someone else acts ("will withdraw its force unless a
    ceasefire is arranged"): held over the other side, it is a threat (CAMEO 13)."""
    chain = list(_governing_chain(trigger))
    on_chain = {token.i for token in chain}
    # (the condition itself is no threat: "*withdraw*" in "unless the Houthis withdraw, the
    # coalition may attack" is what the threat demands)
    return any(
        c.dep_ == "advcl" and mark_of(c) == "unless" and c.i not in on_chain
        for token in chain
        for c in token.children
    )


def _conditional(token: Token) -> bool:
    return token.dep_ in ("advcl", "ccomp", "acl") and any(
        c.dep_ == "mark" and c.lower_ in _CONDITIONS for c in token.children
    )
