"""Who did it to whom, where and when: the arguments of an event trigger.

A verbal trigger's actor is its subject (or the "by" phrase of a passive), its recipient the
object (or the passive subject); a nominal trigger's actor is a possessive or a modifier
("Russia's strikes", "coalition air strikes", "strikes by US jets") and its recipient the
"of/on/against" phrase ("the downing of a Russian plane", "attacks on Paris"). Each argument
phrase is coded by the actor mentions inside it: a named actor, a state plus a sector cue
("Syrian regime warplanes" is Syria's military), or a bare sector cue ("the jihadists").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Final

from spacy.tokens import Doc, Span, Token

from parallax.extract.event_lexicon import (
    LIGHT_VERBS,
    NOUN_TRIGGERS,
    VERB_OBJECT_TRIGGERS,
    VERB_TRIGGERS,
    VERBAL_TYPES,
    Trigger,
)
from parallax.extract.syntax import (
    NAMED,
    NOUN_MODIFIER_DEPS,
    SUBJECT_DEPS,
    appositive_subject,
    case_of,
    clause_head,
    compound_head,
    has_passive_frame,
    in_time_expression,
    is_nominal,
    is_people,
    list_item,
    mark_of,
    misread_clause_verb,
    misread_passive,
    nearest_subject,
    noun_phrase,
    opens_with_by,
    passive_agent_below,
    stray_by_phrase,
)
from parallax.knowledge.actors import ActorResolver, fold
from parallax.knowledge.components import PLACE_LABELS
from parallax.knowledge.models import ResolvedActor
from parallax.knowledge.places import PlaceCandidate
from parallax.nlp.doc_text import (
    actor_mentions_of,
    after_stance_prefix,
    entities_within,
    entity_at,
)
from parallax.nlp.lemmas import forms_of, lexicon_lemma
from parallax.nlp.verb_repair import DITRANSITIVE, by_agent
from parallax.schema import Actor

#: Prepositions that introduce the recipient of a verbal or nominal trigger.
RECIPIENT_CASES: Final = frozenset({"against", "on", "upon", "of", "at", "with", "to", "into"})
#: Prepositions of a place phrase ("in Raqqa", "out of Manbij", "near Mosul").
PLACE_CASES: Final = frozenset(
    [
        "in",
        "near",
        "at",
        "from",
        "around",
        "outside",
        "inside",
        "across",
        "into",
        "of",
        "over",
        "on",
        "to",
        "out",
        "within",
        "towards",
        "toward",
        "through",
        "throughout",
    ]
)
#: Prepositions that place an event from anywhere in its sentence: those of a place phrase but
#: "from", which says where a thing comes from ("independence *from* Israel", "an invitation
#: *from* Egypt"), not where the act is.
LOCATIVE_CASES: Final = PLACE_CASES - {"from"}
#: Entity labels of dates and numbers (from a model that has them), never parties to an event.
TIME_ENTS: Final = frozenset(
    {"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "PERCENT", "MONEY"}
)
#: Modifiers that make the actor a sponsor, not the doer: "US-backed forces". "Led" is not
#: one: "Vietnamese-led forces" are coded as the leader's (CAMEO), like "Russian forces".
_SPONSOR_WORDS: Final = frozenset(
    {"backed", "supported", "sponsored", "funded", "armed", "trained"}
)


def verbal_arguments(trigger: Token) -> tuple[Token | None, Token | None]:
    """(actor head, recipient head) of a verb trigger, passives and "lose X to Y" included."""
    actor = recipient = agent = None
    active = misread_passive(trigger)
    for child in trigger.children:
        if child.dep_ in SUBJECT_DEPS or (active and child.dep_ == "nsubj:pass"):
            if actor is None or not _is_time_word(child):
                actor = child  # "Iraqi *forces* Sunday retook…" has "Sunday" as a subject too
        elif child.dep_ == "nsubj:pass":
            recipient = child
        elif by_agent(child):
            agent = child
        elif child.dep_ == "obj" and recipient is None:
            recipient = child
        elif child.dep_ == "iobj" and recipient is None:
            recipient = child  # "warned *Turkey* of serious consequences"
    if recipient is None:
        recipient = _unmarked_object(trigger)
    if actor is not None and _is_time_word(actor):
        actor = None  # "Denmark today accepted…" parsed with "today" as the subject
    misread = misread_clause_verb(trigger)
    if actor is None and misread:
        actor = trigger.doc[trigger.i - 1]  # "Syrian regime warplanes bombed…"
    if (
        misread
        and recipient is None
        and trigger.dep_ in ("amod", "compound")
        and trigger.doc[trigger.i - 1].tag_ != "VBZ"  # the plural read as the verb: chance
    ):
        # "…bombed *Aleppo*", read as "bombed Aleppo" the noun; also where the parse did give
        # the verb its subject ("Zimbabwean police detained *opposition leader* Chamisa")
        recipient = compound_head(trigger.head)
    if actor is None:
        # "Bangladesh has once again rejected…" parsed with the subject on "has".
        auxiliaries = [c for c in trigger.children if c.dep_ in ("aux", "aux:pass")]
        actor = next((g for a in auxiliaries for g in a.children if g.dep_ in SUBJECT_DEPS), None)
    if agent is None and actor is None and recipient is not None and recipient.dep_ == "nsubj:pass":
        # The "by" phrase hung one level down, on a "from" phrase or a predicate.
        agent = next(filter(None, map(passive_agent_below, trigger.children)), None)
    # A "by" phrase is the doer of a passive; beside an active subject it is a misattached
    # modifier ("The US rejected calls *by Kofi Annan*").
    actor = actor or agent
    if recipient is None:
        recipient = prepositional(trigger, RECIPIENT_CASES - {"of", "into", "to"})
    if recipient is None:
        # "called for *Russia and America* to join a coalition": who is asked to act
        recipient = next(
            (
                c
                for c in trigger.children
                if c.dep_ == "obl" and case_of(c) == "for" and _asked_to_act(c, trigger)
            ),
            None,
        )
    if recipient is None:
        # "threatened to cut off power to Nakhichevan": the content's recipient.
        content = next((c for c in trigger.children if c.dep_ in ("xcomp", "ccomp")), None)
        subject = (
            _named_subject(content) if content is not None and content.dep_ == "ccomp" else None
        )
        if subject is not None:
            recipient = subject  # "demanded that *Hungary* end its blockade of…"
        elif content is not None and content.pos_ in ("VERB", "AUX"):
            _, recipient = verbal_arguments(content)
            if recipient is None:
                recipient = prepositional(content, frozenset({"to", "against", "with"}))
    if recipient is not None and (recipient.ent_type_ in TIME_ENTS or recipient.like_num):
        recipient = None  # "met Sunday": a date, not a party
    if "lose" in forms_of(trigger):
        # "ISIS lost Sinjar to Kurdish forces": the winners took it from the subject.
        winner = prepositional(trigger, frozenset({"to"}))
        return _antecedent_head(winner), _antecedent_head(actor)
    if actor is None:
        actor = accused_party(trigger) or responsible_party(trigger)
    passive = _passive_participle(trigger)
    if (
        recipient is None
        and (actor is None or (agent is not None and actor.i == agent.i))
        and trigger.dep_ in ("acl", "xcomp")
        and any(c.dep_ == "aux:pass" for c in trigger.children)
    ):
        # "the Islamic State group needs *to be destroyed*", "Assad wants *to be recognised*
        # by the West": what a passive infinitive shares with its verb is done to, never the
        # doer — the noun it describes ("wants the smugglers *to be arrested*"), else the
        # verb's object ("want all immigrants to be deported"), else its subject.
        if trigger.dep_ == "acl":
            return _antecedent_head(agent), trigger.head
        sharers = [c for c in trigger.head.children if c.dep_ in ("obj", *SUBJECT_DEPS)]
        patient = next((c for c in sharers if c.dep_ == "obj"), sharers[0] if sharers else None)
        return _antecedent_head(agent), _antecedent_head(patient)
    own_passive_subject = recipient is not None and recipient.dep_ == "nsubj:pass"
    if (
        actor is None
        and trigger.dep_ in ("xcomp", "advcl", "conj", "acl")
        and trigger.head.i != trigger.i
        # "…attacked Hamas targets after *a rocket* was fired at Israel": a passive clause
        # with a subject of its own does not share the main clause's doer
        and not own_passive_subject
    ):
        actor = _people_described(trigger) or _controller(trigger.head)
        if actor is None and (trigger.dep_ in ("conj", "xcomp") or misread_passive(trigger.head)):
            # "The minister has been indicted … and will resign": the passive subject of the
            # first verb is the subject of the active one coordinated with it; so is a subject
            # the parse called passive by mistake ("warplanes bombed…, hitting…"), and that
            # of a passive verb the infinitive completes ("troops are *set* to launch…",
            # "rebels were ordered to withdraw").
            actor = next((c for c in trigger.head.children if c.dep_ == "nsubj:pass"), None)
        if actor is None and trigger.dep_ == "conj" and trigger.head.pos_ == "VERB":
            # "…, killing one person and *arresting* 12": the doer of the first verb
            actor = verbal_arguments(trigger.head)[0]
        if actor is None and trigger.dep_ == "xcomp" and trigger.head.lower_ in _READY:
            # "Syria says it is willing to withdraw": the parser often calls that "it" an
            # expletive; before a word of readiness it is the one who will act.
            actor = next(
                (c for c in trigger.head.children if c.dep_ == "expl" and c.lower_ == "it"),
                None,
            )
        if (
            actor is None
            and trigger.dep_ == "acl"
            and not passive
            and mark_of(trigger) in (None, "to")
        ):
            # (not "in the name *of defeating* ISIS", "the idea *of sending* troops": a
            # gerund after "of" is what the noun is about, not what it does)
            # "forces fighting ISIS": the noun the participle describes; but after a comma
            # ("ambushed a police patrol, *killing* four officers") the parse has hung the
            # main verb's consequence on its object, and that verb's subject acts.
            actor = _consequence_subject(trigger) or _sender(trigger) or trigger.head
    if passive:
        # "a man *shot* by police", "soldiers *captured* by ISIS": the noun the participle
        # describes is what was done to, never the doer.
        return _antecedent_head(actor), trigger.head
    if actor is None:
        actor = appositive_subject(trigger)  # "On Sunday, Clinton, the front-runner, urged…"
    if actor is None and trigger.dep_ in ("ROOT", "ccomp"):
        actor = stranded_subject(trigger)
    if (
        actor is None
        and trigger.dep_ == "conj"
        and trigger.head.dep_ == "ROOT"
        and is_nominal(trigger.head)
        and trigger.head.i < trigger.i
    ):
        actor = trigger.head  # "Turkey, a NATO member, shot down…" parsed as a noun's conjunct
    if actor is not None and actor.lower_ in _DOCUMENTS:
        actor = issuer(actor)  # "adopted a resolution *demanding*…": who adopted it
    return _antecedent_head(actor), _antecedent_head(recipient)


def _unmarked_object(verb: Token) -> Token | None:
    """A noun hung on the verb as an oblique with no preposition: the parser's reading of an
    object it found far from its verb ("forced out on Wednesday *more than 1,000 Palestinian
    refugees*"); a date or number so hung ("met Sunday") is not one. Also the object behind a
    particle the parse took for its preposition ("shot *down* her plane")."""
    for child in verb.children:
        if child.dep_ != "obl" or child.i < verb.i:
            continue
        if (
            (
                case_of(child) is None
                and child.pos_ in ("NOUN", "PROPN")
                and not _is_time_word(child)
                and not child.like_num
                # not one after a comma: "met with Obama to discuss…, *further provocations*"
                and not any(t.text == "," for t in verb.doc[verb.i : child.i])
            )
            or _behind_particle(verb, child)
        ):
            return child
    return None


#: Words that are a verb's particle in the lexicon's pairs ("shoot down", "hand over") and a
#: preposition elsewhere ("down the road", "over the border").
_PARTICLES: Final = frozenset({"down", "up", "off", "out", "over", "back", "away"})


def _behind_particle(verb: Token, oblique: Token) -> bool:
    """Whether ``oblique``'s only preposition is a particle right after the verb that makes
    a lexicon pair with it: "shot down her plane" parsed as "shot [down her plane]" is the
    object of "shoot down"; "walked down the street" (no pair) and "pulled out of NATO" (a
    second preposition) are not."""
    cases = [c for c in oblique.children if c.dep_ == "case"]
    if len(cases) != 1 or cases[0].i != verb.i + 1 or cases[0].lower_ not in _PARTICLES:
        return False
    return any((form, cases[0].lower_) in VERB_OBJECT_TRIGGERS for form in forms_of(verb))


#: Papers that speak for whoever issued them: "a resolution demanding…", "a statement by the
#: Arab League called for…".
_DOCUMENTS: Final = frozenset(
    {
        "statement", "statements", "resolution", "resolutions", "letter", "report",
        "declaration", "communique", "communiqué", "decree", "memo", "memorandum", "note",
        "motion", "petition", "proclamation", "order", "ruling", "verdict", "message",
    }
)  # fmt: skip


def issuer(document: Token) -> Token | None:
    """Who a document speaks for: its "by" phrase or possessor ("a statement *by the Arab
    League*", "*Iran's* statement"), else the subject of the verb that issued or adopted it
    ("*the Security Council* adopted a resolution demanding…"); None when it names no one."""
    for child in document.children:
        if child.dep_ == "nmod:poss" or (child.dep_ in ("nmod", "acl") and opens_with_by(child)):
            return child
    verb = document.head
    if document.dep_ == "obj" and verb.pos_ in ("VERB", "AUX"):
        return nearest_subject(verb)
    return None


#: Verbs of harm or custody, always done to someone: a past form of one describing a noun
#: is passive ("the soldiers *killed* in the attack", "the men *arrested* last week").
_DONE_TO: Final = frozenset(
    {"kill", "wound", "injure", "arrest", "detain", "capture", "abduct", "kidnap", "execute",
     "behead", "torture", "shoot", "jail", "imprison", "deport", "expel", "sentence",
     "convict", "target", "bomb", "shell", "seize", "release", "free", "murder", "massacre"}
)  # fmt: skip


def _passive_participle(verb: Token) -> bool:
    """A past participle describing a noun ("a man *shot* by police"), without a
    subject, auxiliary or object of its own, on a noun that is not itself the root: the parse
    also reads main verbs that way ("Billionaire Donald Trump *praised* Breitbart News…"),
    and those act."""
    # a verb of giving keeps its second object in the passive: "the first journalist
    # *granted* access to ISIS", "a man *given* an award"
    giving = verb.lemma_ in DITRANSITIVE and any(c.dep_ == "obj" for c in verb.children)
    own = ("aux", "aux:pass", "nsubj", "nsubj:pass", "iobj", "ccomp", "xcomp")
    # a noun inside another verb's phrase ("paid tribute *to the soldiers* killed in the
    # attack") cannot have the participle for its clause's verb, whatever its tag
    # (not inside its subject: "Doctors from two aid *groups* donated…" is the main verb);
    # only verbs that are done to someone ("what *happened*" is no passive)
    governed = (
        verb.lemma_ in _DONE_TO
        and verb.head.dep_ in ("obj", "iobj", "obl", "nmod")
        and verb.sent.root.pos_ in ("VERB", "AUX")
        and not any(t.dep_ in SUBJECT_DEPS for t in (verb.head, *verb.head.ancestors))
    )
    return (
        verb.dep_ == "acl"
        and (verb.tag_ == "VBN" or (verb.tag_ == "VBD" and governed))
        and verb.head.i < verb.i
        and verb.head.pos_ in ("NOUN", "PROPN", "PRON")
        and verb.head.dep_ != "ROOT"
        and not any(c.dep_ in own or (c.dep_ == "obj" and not giving) for c in verb.children)
        # and a sign it is passive: its doer in a "by" phrase ("a man shot *by police*"), or
        # a noun another verb acts on ("defended *people* accused of fraud"), or the object a
        # verb of giving kept; an intransitive verb read as a participle ("Thousands of
        # protesters *rallied*…") has none
        and (
            any(by_agent(c) for c in verb.children)
            or verb.head.dep_ in ("obj", "iobj")
            or giving
            or governed
        )
    )


def _sender(clause: Token) -> Token | None:
    """Who sent the envoys an infinitive of purpose describes: "The African Union sent *a
    delegation* to Burundi *to mediate*" is the Union mediating (CAMEO codes the sender)."""
    envoys, verb = clause.head, clause.head.head
    if mark_of(clause) != "to" or envoys.dep_ != "obj" or verb.lemma_ not in ("send", "dispatch"):
        return None
    return nearest_subject(verb)


def _consequence_subject(participle: Token) -> Token | None:
    """The subject of the verb whose object a comma-separated "-ing" participle hangs on."""
    if participle.tag_ != "VBG" or participle.i == 0:
        return None
    if participle.doc[participle.i - 1].text != ",":
        return None
    noun = participle.head
    if noun.dep_ not in ("obj", "obl") or noun.head.pos_ not in ("VERB", "AUX"):
        return None
    verb = noun.head
    subject = nearest_subject(verb)
    if subject is None and verb.dep_ == "conj":
        # "Militants loyal to Islamic State *attacked* a checkpoint…, killing 12 soldiers" with
        # "attacked" a conjunct of the predicate: the doer the verb itself was given
        subject, _ = verbal_arguments(verb)
    return subject


#: Words of readiness whose "it" subject is the actor of the act they govern.
_READY: Final = frozenset(
    {"willing", "ready", "prepared", "determined", "eager", "unwilling", "poised", "able"}
)
#: Words between a subject and its verb that the parser sometimes takes for the subject or
#: the root: "Denmark *today* accepted", "Mugabe *on Sunday* accused".
_TIME_WORDS: Final = frozenset(
    {"today", "yesterday", "tonight", "on", "again", "also", "now", "then", "later", "earlier"}
)


def stranded_subject(verb: Token) -> Token | None:
    """A named subject the parse cut off from its verb: "Denmark today accepted…" parsed
    with "today" as the subject (or with no subject at all). Taken only when the words
    between the name and the verb are time words or adverbs and the verb has no other
    subject; the name's entity root is returned."""
    if any(c.dep_ in SUBJECT_DEPS and not _is_time_word(c) for c in verb.children):
        return None
    if any(c.dep_ == "aux:pass" for c in verb.children):
        return None  # "Opposition leader Leopoldo Lopez *was sentenced*": the name is done to
    first = _unpunctuated_start(verb.sent)
    i = verb.i - 1
    while i >= first and (_is_time_word(verb.doc[i]) or verb.doc[i].pos_ in ("ADV", "AUX")):
        i -= 1
    if i < first:
        return None
    token = verb.doc[i]
    if i == verb.i - 1 and not _name_read_as_adverb(token, verb):
        return None
    if token.ent_type_ not in ("PERSON", "ORG", "GPE", "NORP") or token.ent_iob_ == "":
        # "Iraqi forces | Sunday retook…": a noun phrase the split left as a root of its own.
        fragment_root = token.dep_ == "ROOT" and token.pos_ in ("NOUN", "PROPN")
        # "A top U.S. official | today praised…": the phrase parsed as a modifier of "today".
        swallowed = (
            token.i < token.head.i < verb.i
            and _is_time_word(token.head)
            and token.pos_ in ("NOUN", "PROPN", "ADJ")
        )
        return token if (fragment_root and token.i < verb.sent.start) or swallowed else None
    entity = entity_at(verb.doc, token.i)
    return entity.root if entity is not None and entity.end == token.i + 1 else None


def _name_read_as_adverb(token: Token, verb: Token) -> bool:
    """A name right before its verb that the tagger called an adjective and the parse hung
    on the verb as an adverb or adjective: "*Hungary*/JJ vetoed the statement" (the "-ary"
    of "military"), "The *Vatican*/ADJ mediated talks"; the entity check after this says
    whether it names a party."""
    return (
        token.dep_ in ("advmod", "amod") and token.head.i == verb.i and token.pos_ in ("ADJ", "ADV")
    )


#: Tokens that can really end a sentence; a parse that splits after anything else (a name,
#: "today") has cut one sentence in two.
_SENTENCE_ENDS: Final = frozenset({".", "!", "?", ":", ";", '"', "'", "”", "’", ")"})


def _unpunctuated_start(sentence: Span) -> int:
    """The sentence's start, or the previous sentence's when nothing ends that one: "Libyan
    leader Muammar Gaddafi and … Todor Zhivkov | today signed…" is one sentence."""
    start = sentence.start
    if start == 0:
        return start
    before = sentence.doc[start - 1]
    if before.text in _SENTENCE_ENDS or before.is_space:
        return start
    return before.sent.start


def is_time(token: Token) -> bool:
    """A date or number, never a party: "met Sunday", "Friday's attacks"."""
    return token.ent_type_ in TIME_ENTS or in_time_expression(token)


def _is_time_word(token: Token) -> bool:
    return token.lower_ in _TIME_WORDS or is_time(token)


#: Prepositions that may introduce the party an act is done to when the object is a thing:
#: "offered its troops *to Lebanon*", "break relations *with Russia*", "sanctions *on* X".
_PARTY_CASES: Final = frozenset({"to", "with", "against", "on", "upon", "from", "at"})


def recipient_alternatives(trigger: Token, *, verbal: bool = False) -> list[Token]:
    """Further recipient heads of a verb trigger, nearest first, for when the one
    :func:`verbal_arguments` picks names no party ("granted *asylum* to five Panamanian
    officers", "threatened to cut off *electricity* to Nakhichevan"): its prepositional
    phrases, then those of the act it announces (xcomp/ccomp, or an infinitive the parse
    hangs as advcl), then who must act in that clause ("demanded that *the US* cancel…"),
    then whose act a condition waits for ("threatened to ban voting if *Hamas* ran").
    ``verbal``: the trigger is a verbal act (threat, demand…), whose infinitive is what it
    announces, not its purpose ("sent troops *to help* Iraqi forces")."""
    contents = [c for c in trigger.children if _content_clause(c, verbal=verbal)]
    found = _about(trigger, announced=False)
    if verbal:
        # "called *for sanctions against Nigeria*": whom the act asked for is aimed at.
        for asked in (c for c in trigger.children if c.dep_ == "obl" and case_of(c) == "for"):
            if _asked_to_act(asked, trigger):
                found.append(asked)  # "called for *Russia and America* to join a coalition"
            found.extend(_party_phrases(asked))
    for verb in contents:
        # Who must act comes before what the act is about: "demanded Friday that *the United
        # States* match the European Union's support".
        found.extend(c for c in verb.children if c.dep_ in ("nsubj", "nsubj:pass"))
    for verb in contents:
        found.extend(_about(verb, announced=True))
    for verb in (trigger, *contents):
        for clause in verb.children:
            if clause.dep_ in ("advcl", "ccomp") and mark_of(clause) in _CONDITION_MARKS:
                found.extend(c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass"))
    return found


def _asked_to_act(asked: Token, trigger: Token) -> bool:
    """Whether the "for" phrase of a verbal act is who is to act in the infinitive right
    after it ("called for *Russia* to join…"), not what is asked for."""
    after = asked.right_edge.i + 1
    return any(
        c.dep_ in ("advcl", "xcomp", "acl") and mark_of(c) == "to" and c.left_edge.i == after
        for c in (*trigger.children, *asked.children)
    )


def _about(verb: Token, *, announced: bool) -> list[Token]:
    """The party phrases of ``verb`` and of its object: "imposed restrictions *on German
    goods*", "denounced *Serbia's* suppression of…", "demanded an admission *by Moscow*".
    ``announced``: the verb is the act a verbal act announces, whose object may be its party."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    found = _party_phrases(verb, with_object=announced)
    for obj in (c for c in verb.children if c.dep_ == "obj"):
        found.extend(_party_phrases(obj))
        found.extend(
            c
            for c in obj.children
            if c.dep_ == "nmod:poss" or (c.dep_ == "nmod" and case_of(c) == "by")
        )
    return found


#: Conjunctions of a condition set on the other side: "… *unless* the Kremlin closes its base".
_CONDITION_MARKS: Final = frozenset({"if", "unless"})


def _content_clause(child: Token, *, verbal: bool) -> bool:
    """The clause a verbal act announces: "agreed *to cooperate*", "demanded *that X
    withdraw*", also "threatened on Monday *to break* relations" parsed as advcl."""
    if child.dep_ in ("xcomp", "ccomp"):
        return mark_of(child) not in _CONDITION_MARKS
    return verbal and child.dep_ == "advcl" and mark_of(child) == "to"


def _party_phrases(token: Token, *, with_object: bool = False) -> list[Token]:
    """``token``'s prepositional phrases that may name a party (and its object), in order."""
    return [
        c
        for c in token.children
        if (with_object and c.dep_ == "obj")
        or (c.dep_ in ("obl", "nmod") and case_of(c) in _PARTY_CASES)
    ]


def between_parties(trigger: Token) -> tuple[Token, Token] | None:
    """The two sides of an act noun's "between" phrase ("talks *between Israel and Hamas*",
    "fighting *between Kurdish forces and ISIS*"): the first is coded as the actor and the
    second as the recipient, as CAMEO codes a reciprocal act."""
    holders = [trigger]
    if trigger.dep_ in ("nsubj", "nsubj:pass") and trigger.head.pos_ == "VERB":
        holders.append(trigger.head)  # "fighting *broke out* between X and Y"
    for child in (c for holder in holders for c in holder.children):
        if child.dep_ in ("nmod", "obl") and case_of(child) == "between":
            # The second side hangs on the first, or (misparsed) on the act itself.
            others = [*child.children, *(c for c in child.head.children if c.i > child.i)]
            other = next((c for c in others if c.dep_ == "conj"), None)
            if other is not None:
                return child, other
    return None


def nominal_arguments(trigger: Token) -> tuple[Token | None, Token | None]:
    """(actor head, recipient head) of a noun trigger; a light verb's subject is its actor."""
    actor = None
    # "coalition air strikes" parses "coalition" as a modifier of "air": look through it.
    compounds = [g for c in trigger.children if c.dep_ == "compound" for g in c.children]
    for child in [*trigger.children, *compounds]:
        if (
            child.dep_ == "nmod:poss"
            # also where the parse hung the "by" on a modifier ("by *al*-Shabaab")
            or (child.dep_ in ("nmod", "acl") and (case_of(child) == "by" or opens_with_by(child)))
            or (actor is None and _modifier_actor(child, trigger))
        ):
            actor = child
    if actor is None:
        actor = _named_source(trigger)  # "attacks *from Senator Marco Rubio*"
    if actor is None:
        actor = _claimant(trigger)  # "the demands *of the protesters*"
    if actor is None:
        actor = _misread_light_verb_subject(trigger)  # "Activists *staged* rallies in Gaza"
    recipient = prepositional(trigger, RECIPIENT_CASES)
    if recipient is not None and actor is not None and recipient.i == actor.i:
        recipient = None
    head = trigger.head
    if recipient is None:
        recipient = _content_subject(trigger)  # "its demand that *Israel* ease restrictions"
    if recipient is None and trigger.dep_ == "nsubj" and head.pos_ == "VERB" and _strikes(head):
        recipient = next((c for c in head.children if c.dep_ == "obj"), None)  # "strikes hit X"
    if recipient is None and trigger.dep_ == "obj" and head.pos_ == "VERB":
        # "launched strikes against ISIS" with "against ISIS" hung on the verb; a town there
        # ("launch the offensive on Mosul") is where, not whom.
        aimed_at = prepositional(head, _AGAINST)
        if aimed_at is None and _ADDRESSING.intersection(forms_of(head)):
            aimed_at = prepositional(head, frozenset({"to"}))  # "issued an ultimatum *to* Peru"
        place = _place_of(aimed_at) if aimed_at is not None else None
        recipient = aimed_at if place is None or place.kind == "country" else None
        if recipient is None and _joint(trigger):
            # "held joint exercises *with US forces*": the partner, hung on the verb
            recipient = prepositional(head, frozenset({"with"}))
        if recipient is None:
            # "gave *the government* an ultimatum", "handed *Kyiv* a list of demands"
            recipient = next((c for c in head.children if c.dep_ == "iobj"), None)
    position = trigger
    if trigger.dep_ == "nmod" and case_of(trigger) == "of" and head.lemma_ in _MEASURES:
        # "launched 10 days *of* war games", "carried out a wave of strikes": the measure
        # stands where the act does.
        position, head = head, head.head
    if actor is None:
        actor = _participle_agent(trigger)  # "the raids carried out *by Russian jets*"
    if actor is None:
        # "accused Moscow of the bombing", "ISIS claimed responsibility for the bombing"
        actor = accused_party(trigger) or responsible_party(trigger)
    placed_under = _placed_under(position)
    if placed_under is not None and recipient is None:
        recipient = placed_under  # "placed *the former president* under house arrest"
    acts_through_verb = (
        position.dep_ in ("obj", "nsubj:pass")
        or (position.dep_ == "obl" and case_of(position) in _PURPOSE and head.lemma_ in _TRAVEL)
        or (position.dep_ == "obl" and case_of(position) == "on" and head.lemma_ in _GO_ON)
        or placed_under is not None
    )
    if acts_through_verb and head.i != trigger.i and _undergoes(head, trigger):
        # "Russia suffered an act of terrorism by Islamic State": the subject is whom it
        # was done to.
        undergoer = nearest_subject(head)
        return _antecedent_head(actor), _antecedent_head(undergoer or recipient)
    if actor is None and acts_through_verb and head.i != trigger.i and not _reacts_to(head):
        # "carried out strikes", "negotiators return to Geneva for talks": the verb's subject.
        actor = nearest_subject(head)
        if (actor is None or _is_time_word(actor)) and head.dep_ in ("ROOT", "ccomp"):
            actor = stranded_subject(head)  # "President Obama today announced sanctions"
        if (
            actor is None
            and head.dep_ == "acl"
            and head.tag_ in ("VBG", "VBN", "VBD")
            and head.i == head.head.i + 1  # not "a paper tiger, encouraging the attacks"
            and mark_of(head) is None  # not "his theme of renegotiating trade deals"
            and position.dep_ == "obj"
        ):
            # "forces carrying out raids", and "Coalition warplanes carried out a raid" read
            # as one noun phrase: the noun the verb describes does the act.
            actor = head.head
        if (
            actor is None
            and head.head.i != head.i
            and (
                head.dep_ == "xcomp"  # "began *conducting* airstrikes"
                or (head.dep_ == "advcl" and mark_of(head) == "to")
                or (head.dep_ == "advcl" and head.tag_ == "VBG" and _after_comma(head))
            )
        ):
            # "Clinton and her allies dove into Trump's record, *launching* a round of
            # attacks": the subject the participle or infinitive shares with its verb; of a
            # passive verb, its passive subject ("troops are *set* to launch an offensive").
            actor = nearest_subject(head.head)
            if actor is None and head.dep_ == "xcomp":
                actor = next((c for c in head.head.children if c.dep_ == "nsubj:pass"), None)
    return _antecedent_head(actor), _antecedent_head(recipient)


def _controller(verb: Token) -> Token | None:
    """The subject of ``verb``, or of the verbs whose infinitive or gerund complement it is:
    "The army prepared to resume *shelling*": "shelling" hangs on "resume", which has no
    subject of its own, and "resume" on "prepared"."""
    current = verb
    for _ in range(3):
        subject = nearest_subject(current)
        if subject is not None or current.dep_ != "xcomp" or current.head.i == current.i:
            return subject
        current = current.head
    return None


def _misread_light_verb_subject(noun: Token) -> Token | None:
    """The subject of a light verb the parse made a modifier of its act noun: "Activists
    *staged* rallies in Gaza", "Angry activists … *have staged* rallies" read as one noun
    phrase with "staged" describing "rallies" and the doers left as the sentence's root. A
    past form that carries an auxiliary, or stands between a plural and the noun, is the
    clause's verb; its subject is the root noun phrase before it."""
    verb = next(
        (
            c
            for c in noun.children
            if c.dep_ == "amod"
            and c.i < noun.i
            and c.tag_ in ("VBD", "VBN")
            and c.lemma_ in LIGHT_VERBS
        ),
        None,
    )
    if verb is None:
        return None
    carries_auxiliary = any(c.dep_ == "aux" for c in verb.children)
    if not (carries_auxiliary or misread_clause_verb(verb)):
        return None
    root = noun.sent.root
    if root.pos_ in ("NOUN", "PROPN") and root.i < verb.i and root.i != noun.i:
        return root
    return None


def _people_described(clause: Token) -> Token | None:
    """The people a participle clause right after them describes, which the parse hung on the
    main verb instead: "Police fired tear gas at *protesters* in Khartoum *demanding* civilian
    rule" (the protesters demand), "rebels killed *soldiers guarding* the border". Only with
    no comma, no conjunction before the participle, and a plural noun or a named group of the
    main verb's object or oblique; after a comma the clause is the main subject's."""
    if clause.dep_ != "advcl" or clause.tag_ != "VBG" or mark_of(clause) is not None:
        return None
    start = clause.left_edge.i
    if start != clause.i or _after_comma(clause) or start == 0:
        return None
    # "protesters in *Khartoum* demanding": from the word before, up through the phrase
    chain = [clause.doc[start - 1]]
    while (
        chain[-1].dep_ in ("nmod", "compound", "flat", "appos") and chain[-1].head.i < chain[-1].i
    ):
        chain.append(chain[-1].head)
    top = chain[-1]
    if top.dep_ not in ("obj", "obl") or top.head.i != clause.head.i:
        return None
    return next((noun for noun in chain if is_people(noun) and not is_time(noun)), None)


def _after_comma(clause: Token) -> bool:
    """Whether a clause follows a comma: a participle clause of the sentence's subject
    (", *holding* a press conference"), not one that hangs on a noun before it."""
    first = clause.left_edge
    if first.text == ",":
        return True  # the parse hung the comma on the clause itself
    return first.i > 0 and clause.doc[first.i - 1].text == ","


#: Acts done together with a partner named by "with".
_JOINT_ACTS: Final = frozenset(
    {
        "talks", "negotiations", "consultations", "exercises", "exercise", "drills", "drill",
        "patrols", "manoeuvres", "maneuvers", "cooperation", "meeting", "meetings",
    }
)  # fmt: skip


#: Entity labels of a party an act noun can come "from" (a place it comes from is where).
_PARTY_LABELS: Final = frozenset({"PERSON", "ORG", "NORP"})


#: Types of act a state does by its government's word: "condemnation *from Japan*" is
#: Japan's, while "rockets *from Gaza*" only come from a place.
_FROM_A_STATE: Final = frozenset({*VERBAL_TYPES, "AID"})
#: Verbs an act noun comes to someone through, with its source hung on the verb: "drew
#: criticism *from Moscow*", "came under attack *from ISIS fighters*", "met with
#: condemnation *from the UN*".
_DRAWN: Final = frozenset(
    {"draw", "receive", "face", "attract", "earn", "win", "get", "prompt", "spark", "come",
     "meet", "provoke", "trigger", "elicit", "invite"}
)  # fmt: skip


#: Types of act noun whose "of" phrase is who makes it when it names a party: "the demands
#: *of the protesters*", "the threats *of the militants*" (but "criticism *of the
#: government*", "the release *of the hostages*" are done to them).
_CLAIMS: Final = frozenset({"REQUEST", "THREATEN"})


def _claimant(noun: Token) -> Token | None:
    """The party in the "of" phrase of a demand or a threat, who makes it."""
    lemma = lexicon_lemma(noun, NOUN_TRIGGERS)
    if lemma is None or NOUN_TRIGGERS[lemma].type not in _CLAIMS:
        return None
    for child in noun.children:
        if child.dep_ == "nmod" and case_of(child) == "of":
            named = child.ent_type_ in _PARTY_LABELS | {"GPE"}
            return child if named or is_people(child) else None
    return None


def _named_source(noun: Token) -> Token | None:
    """A person, organisation or people an act noun comes from: "attacks *from Senator
    Marco Rubio*", "criticism *from the UN*", "attack from *ISIS fighters*" — not a place
    ("rockets *from Gaza*"), except a state for an act of words or aid ("condemnation *from
    Japan*"). The phrase may hang on the verb the act comes through ("drew criticism *from
    Moscow*")."""
    lemma = lexicon_lemma(noun, NOUN_TRIGGERS)
    of_words = lemma is not None and NOUN_TRIGGERS[lemma].type in _FROM_A_STATE
    labels = _PARTY_LABELS | {"GPE"} if of_words else _PARTY_LABELS
    hosts = [noun]
    through = noun.dep_ == "obj" or (noun.dep_ == "obl" and case_of(noun) in ("under", "with"))
    if through and noun.head.i != noun.i and _DRAWN.intersection(forms_of(noun.head)):
        hosts.append(noun.head)
    for host in hosts:
        for c in host.children:
            if c.dep_ in ("nmod", "obl") and case_of(c) == "from" and _source_party(c, labels):
                return c
    return None


def _source_party(head: Token, labels: frozenset[str]) -> bool:
    """A name of one of ``labels``, or a plural the name of a party modifies ("*ISIS*
    fighters", "*Russian* jets"; not "Russian territory")."""
    if head.ent_type_ in labels:
        return True
    return head.tag_ in ("NNS", "NNPS") and any(
        c.dep_ in ("compound", "amod") and c.ent_type_ in _PARTY_LABELS | {"GPE"}
        for c in head.children
    )


def _joint(noun: Token) -> bool:
    """Whether the act noun is one done together ("talks", "joint operations")."""
    return noun.lower_ in _JOINT_ACTS or any(
        c.dep_ == "amod" and c.lower_ == "joint" for c in noun.children
    )


def _strikes(verb: Token) -> bool:
    """Whether a verb an act noun is the subject of does something to its object ("air
    strikes *hit* a hospital", "the raid *killed* two"), unlike "the attacks *provided* a
    chilling reminder" or "the siege *had* terrible consequences"."""
    return _of_force(verb, VERB_TRIGGERS)


def _participle_agent(noun: Token) -> Token | None:
    """The "by" phrase of a participle describing the act noun ("the raids *carried out by
    Russian jets*", "an attack launched by the rebels") or of the passive light verb it is
    the subject of ("the attack was carried out *by a group* calling itself…")."""
    for clause in noun.children:
        if clause.dep_ == "acl" and clause.tag_ in ("VBN", "VBD"):
            for child in clause.children:
                if by_agent(child):
                    return child
    verb = noun.head
    if noun.dep_ == "nsubj:pass" and (
        verb.lemma_ in LIGHT_VERBS or _RENEWED.intersection(forms_of(verb))
    ):
        return next((c for c in verb.children if by_agent(c)), None)
    return None


#: Verbs whose passive "by" phrase does the act their subject names, as a light verb's does:
#: "sanctions *were tightened by* the Security Council", "a truce *was declared by* both
#: sides" — unlike "the attack was condemned by the UN".
_RENEWED: Final = frozenset(
    {"tighten", "extend", "renew", "expand", "declare", "order", "announce", "resume"}
)


def stray_agent(noun: Token, acts: frozenset[int]) -> Token | None:
    """The doer's "by" phrase of an act noun that the parse hung higher up, on the active
    verb or the plain noun above it: "repercussions stemming from the massacre of 130 people
    *by the Islamic State group*", "talks over the offensive *by the Sunni militants*". An
    active verb has no doer in "by" (its subject does), so such a phrase right after the act
    noun's own phrase, with no other act between, is the act's. A passive's "by" phrase stays
    the verb's doer, and one on another act noun stays that act's ("condemnation of the
    attack by the UN")."""
    inside = _doer_inside(noun, acts)
    if inside is not None:
        return inside
    host = noun
    for _ in range(3):
        if host.dep_ not in ("obl", "obj", "nmod") or host.head.i == host.i:
            return None
        host = host.head
        verbal = host.pos_ in ("VERB", "AUX")
        if verbal and (host.tag_ == "VBN" or has_passive_frame(host)):
            return None
        if not verbal and host.pos_ not in ("NOUN", "PROPN"):
            return None
        doer = next((c for c in host.children if _doer_after(c, noun, acts)), None)
        if not verbal and host.i in acts:
            if doer is not None:
                return None  # "condemnation of the attack *by the UN*": the other act's
            continue  # "in crisis talks over the offensive, *by the militants*" on the verb
        if doer is not None or verbal:
            return doer
    return None


def _doer_inside(noun: Token, acts: frozenset[int]) -> Token | None:
    """A "by" phrase hung on a noun inside the act noun's own phrase: "the bombing of a
    hospital in Aleppo *by Russian jets*" (through nouns only, and no other act)."""
    stack = [c for c in noun.children if c.dep_ == "nmod"]
    while stack:
        node = stack.pop()
        if node.i in acts or node.pos_ not in ("NOUN", "PROPN"):
            continue
        for child in node.children:
            if stray_by_phrase(child) and not is_time(child):
                return child
            if child.dep_ == "nmod":
                stack.append(child)
    return None


def _doer_after(child: Token, noun: Token, acts: frozenset[int]) -> bool:
    """Whether ``child`` is a "by" phrase naming a party right after ``noun``'s phrase."""
    return (
        child.dep_ in ("obl", "obl:agent", "nmod")
        and opens_with_by(child)
        and child.left_edge.i == noun.right_edge.i + 1
        and child.pos_ in ("NOUN", "PROPN")
        and not child.like_num
        and not is_time(child)
        and not any(noun.i < i < child.i for i in acts)
    )


def _content_subject(noun: Token) -> Token | None:
    """The named subject of the that-clause a noun announces, on the noun or on the verb it
    is the object of ("reiterated its demand today *that Israel* ease…")."""
    holders = [noun]
    if noun.dep_ == "obj" and noun.head.i != noun.i:
        holders.append(noun.head)
    for holder in holders:
        for clause in holder.children:
            if clause.dep_ in ("ccomp", "acl") and mark_of(clause) == "that":
                subject = _named_subject(clause)
                if subject is not None:
                    return subject
    return None


def _named_subject(clause: Token) -> Token | None:
    """The clause's subject when it names someone (a name or a named entity), not a thing
    ("that *human activity* is causing…") or a pronoun."""
    subject = next((c for c in clause.children if c.dep_ in ("nsubj", "nsubj:pass")), None)
    if subject is not None and (
        subject.pos_ == "PROPN" or subject.ent_type_ in ("PERSON", "ORG", "GPE", "NORP")
    ):
        return subject
    return None


#: Nouns that measure an act out ("ten days of talks", "a wave of strikes").
_MEASURES: Final = frozenset(
    {
        "day",
        "week",
        "month",
        "hour",
        "round",
        "series",
        "wave",
        "string",
        "spate",
        "flurry",
        "barrage",
        "volley",
        "number",
        "dozen",
        "hundred",
        "thousand",
        "set",
    }
)
#: Prepositions of the party an act is aimed at, when the parse hangs them on the verb.
_AGAINST: Final = frozenset({"against", "on", "upon"})
#: Verbs that hand a message, an offer or a demand to someone, named in their "to" phrase:
#: "issued an ultimatum *to Ecuador*", "extended an invitation *to Iran*".
_ADDRESSING: Final = frozenset(
    {"issue", "send", "deliver", "give", "extend", "present", "address", "direct", "submit"}
)
#: Prepositions of the purpose a subject goes somewhere for: "came to Vienna *for* talks".
_PURPOSE: Final = frozenset({"for"})
#: Verbs that put someone or something under an act: "*placed* him under house arrest",
#: "*put* the city under curfew", "*kept* the town under siege".
_PUT: Final = frozenset({"place", "put", "keep", "hold"})


def _placed_under(noun: Token) -> Token | None:
    """Who or what an act noun in an "under" phrase of a verb of putting is done to (the
    verb's object, or its passive subject: "the former president *was placed* under house
    arrest"); the verb's active subject does the act."""
    verb = noun.head
    if noun.dep_ != "obl" or case_of(noun) != "under" or not _PUT.intersection(forms_of(verb)):
        return None
    return next((c for c in verb.children if c.dep_ in ("obj", "nsubj:pass")), None)


#: Verbs whose subject does the act their "on" phrase names: "workers *went on* strike",
#: "the army *stayed on* the offensive".
_GO_ON: Final = frozenset({"go", "stay", "remain"})
#: Verbs of going somewhere, whose subject takes part in what it goes there for.
_TRAVEL: Final = frozenset(
    {
        "return", "come", "arrive", "go", "travel", "fly", "head", "gather", "convene", "meet",
        "converge", "assemble", "flock",
    }
)  # fmt: skip


def _modifier_actor(child: Token, act: Token) -> bool:
    """A modifier naming who acts ("Russian airstrikes", "coalition raids"), not where: a city
    before the noun is the place ("the Paris attacks", "the Vienna talks")."""
    if child.dep_ not in ("compound", "amod") or child.pos_ not in ("PROPN", "NOUN", "ADJ"):
        return False
    if child.lower_ == "coalition":
        return True
    if child.ent_type_ not in NAMED:
        return False
    if (
        child.ent_type_ in ("ORG", "PERSON")
        and _of_force(act, NOUN_TRIGGERS)
        and not any(
            m.start <= child.i < m.end and m._.actor is not None
            for m in actor_mentions_of(child.doc)
        )
    ):
        # An organisation or person the registry does not know is as often the target of an
        # attack as its doer ("the *Charlie Hebdo* attacks"); a known one attacks ("*Hamas*
        # attacks"), and an unknown one still demands ("the *DOJ* demand").
        return False
    place = _place_of(child)
    return place is None or place.kind == "country"


def _of_force(word: Token, lexicon: Mapping[str, Trigger]) -> bool:
    """Whether ``lexicon`` reads the word as an attack or a coercion ("attacks", "raid",
    "hit", "arrests")."""
    return any(lexicon[f].type in ("ASSAULT", "COERCE") for f in forms_of(word) if f in lexicon)


def _place_of(token: Token) -> PlaceCandidate | None:
    entity = entity_at(token.doc, token.i)
    place: PlaceCandidate | None = entity._.place if entity is not None else None
    return place


def _antecedent_head(head: Token | None) -> Token | None:
    """For a relative pronoun ("forces that retook…", "Mosul, which ISIS seized") the noun
    its clause describes; a pronoun whose clause the parse hung on a verb ("determining
    *who* should stay") or on nothing before it stays as it is."""
    if head is None or not _relative_pronoun(head):
        return head
    noun = head.head.head
    return head if noun.pos_ in ("VERB", "AUX", "SPACE", "PUNCT") or noun.i > head.i else noun


#: Verbs that lay an act at someone's door: "accused Moscow *of bombing*", "blamed Kyiv *for
#: shelling*".
_ACCUSING: Final = frozenset({"accuse", "blame", "charge", "suspect", "indict", "convict"})


#: Verbs whose object is someone else's act: "condemned *the attack*", "is investigating *the
#: killing*": their subject did not do it.
_REACTIONS: Final = frozenset(
    {
        "condemn", "denounce", "criticize", "criticise", "deplore", "decry", "investigate",
        "probe", "deny", "reject", "dismiss", "refute", "rebut", "praise", "hail", "applaud",
        "protest", "oppose", "resist",
    }
)  # fmt: skip


#: Verbs that show or tell of an act ("a video *showing* the beheading of…", "footage
#: *depicting* the attack"): their subject, or the noun they describe, did not do it.
_DEPICTIONS: Final = frozenset(
    {"show", "depict", "feature", "film", "record", "document", "describe", "portray", "see"}
)
#: Verbs that place an act in time or in memory ("outrage *followed* the shelling",
#: "crowds *mourned* the victims of the bombing"): their subject did not do it either.
_SEQUENCE: Final = frozenset(
    {"follow", "precede", "mourn", "commemorate", "remember", "recall", "fear", "witness"}
)
#: Verbs that keep an act from happening or succeeding ("police *foiled* an attack", "Kurdish
#: fighters *repelled* an ISIS assault"): their subject is its target, not its doer.
_FOILING: Final = frozenset({"prevent", "avert", "foil", "thwart", "repel", "repulse"})
_NOT_THE_DOER: Final = _REACTIONS | _DEPICTIONS | _SEQUENCE | _FOILING
#: Verbs whose subject undergoes the act noun they take: "Russia *suffered* an attack".
_UNDERGONE: Final = frozenset(
    {"suffer", "endure", "face", "survive", "sustain", "experience", "withstand"}
)
#: Verbs whose subject receives the (peaceful) act noun they take: "Clinton has locked down
#: *endorsements* from unions", "Cruz has not received any endorsements"; a battle won is
#: the winner's.
_RECEIVED: Final = frozenset(
    {"receive", "win", "get", "obtain", "earn", "garner", "attract", "lock"}
)


def _undergoes(verb: Token, act: Token) -> bool:
    """Whether the subject of ``verb`` is whom the act noun is done to or given to."""
    forms = forms_of(verb)
    if _UNDERGONE.intersection(forms):
        return True
    return bool(_RECEIVED.intersection(forms)) and not _of_force(act, NOUN_TRIGGERS)


def _reacts_to(verb: Token) -> bool:
    """Whether the verb reacts to an act, shows it or names it ("reluctant to *call* the
    attack an act of terrorism"; "calling a meeting" is the caller's): its subject is not
    the act's doer."""
    forms = forms_of(verb)
    if "call" in forms and sum(c.dep_ in ("obj", "xcomp") for c in verb.children) >= 2:
        return True  # naming it, not "calling a meeting" or "calling off the attack"
    return bool(_NOT_THE_DOER.intersection(forms))


def accused_party(act: Token) -> Token | None:
    """Who an accusation says did ``act``: the object of "accused X of…" / "blamed X for…",
    or the passive subject of "X was accused of…" — not the accuser."""
    head = act.head
    marker = case_of(act) or mark_of(act)
    if head.i == act.i or marker not in ("of", "for"):
        return None
    if act.dep_ == "acl" and head.dep_ in ("obj", "nsubj:pass"):
        accused: Token | None = head  # "accused the YPG of attacking…" hung on "the YPG"
        head = head.head
    else:
        accused = next((c for c in head.children if c.dep_ in ("obj", "nsubj:pass")), None)
    if head.pos_ != "VERB" or not _ACCUSING.intersection(forms_of(head)):
        return None
    return accused


#: Verbs whose object "responsibility" / "credit" for an act makes their subject its doer:
#: "ISIS *claimed* responsibility for downing the plane".
_OWNING: Final = frozenset({"claim", "take", "accept", "admit", "assume", "bear"})  # not "deny"
_RESPONSIBILITY: Final = frozenset({"responsibility", "credit"})


def responsible_party(act: Token) -> Token | None:
    """Who is said to have done ``act``: the subject of "claimed responsibility for the
    bombing" or of "was responsible for the attack". The parse hangs the act on the noun
    or adjective, so without this the act has no doer (or "responsibility" becomes it)."""
    head = act.head
    if head.i == act.i or (case_of(act) or mark_of(act)) != "for":
        return None
    if head.lower_ == "responsible":
        return nearest_subject(head)
    if head.pos_ == "VERB" and act.dep_ == "obl":
        # "claimed responsibility for the bombing" with "for the bombing" hung on the verb
        owned = next((c for c in head.children if c.dep_ == "obj"), None)
        if owned is None or owned.lemma_.lower() not in _RESPONSIBILITY:
            return None
        head = owned
    if head.lemma_.lower() not in _RESPONSIBILITY or head.dep_ != "obj":
        return None
    verb = head.head
    if not _OWNING.intersection(forms_of(verb)):
        return None
    subject = nearest_subject(verb)
    if subject is None and verb.dep_ in ("ROOT", "ccomp"):
        subject = stranded_subject(verb)  # "The Taliban yesterday claimed responsibility…"
    return subject


def prepositional(word: Token, cases: frozenset[str]) -> Token | None:
    """The first nominal on ``word`` introduced by one of ``cases`` ("against ISIS")."""
    for child in word.children:
        if child.dep_ in ("obl", "nmod") and case_of(child) in cases:
            return child
    return None


def code_actor(
    doc: Doc,
    head: Token,
    resolver: ActorResolver | None,
    *,
    acting: bool = False,
    addressed: bool = False,
    state_sector: str | None = None,
    conjuncts: bool = True,
    leave_out: Token | None = None,
) -> Actor:
    """An ``Actor`` record for the phrase around ``head``, coded by the mentions inside it.

    ``acting``: the phrase is the doer, so a capital city alone stands for its state's
    government ("Berlin rejected…"); a capital that is attacked or visited stays a place.
    ``addressed``: the phrase is whom a verbal or diplomatic act is addressed to, so a capital
    alone is its state's government too ("demanded an apology by *Moscow*", "warned *Ankara*").
    ``state_sector``: the sector a bare state name takes from the act ("*Russian* air
    strikes" are Russia's military's).
    Coordinated actors ("Hungarian and Romanian officials") are one compound actor: each
    code joined by ``+`` in ``actor_id`` and ``country``; ``conjuncts=False`` codes the
    head's own phrase only (one side of "talks between *Israel* and Hamas"); ``leave_out``:
    a modifier of the phrase that is the other party ("a market *by government forces*")."""
    phrase = _with_whole_name(
        noun_phrase(head, keep_conjuncts=conjuncts, leave_out=leave_out), head
    )
    mentions = _mentions(doc, phrase)
    if not mentions and head.pos_ == "PRON":
        antecedent = _antecedent_mention(doc, head)
        if antecedent is not None and antecedent._.actor is not None:
            # Coded as its own phrase is: "Bosnian Serbs said *their* forces…" are Bosnia's.
            whole = _with_whole_name(noun_phrase(antecedent.root), antecedent.root)
            mentions = _mentions(doc, whole) or [antecedent]
        elif antecedent is not None and head.lower_ in PERSONAL_PRONOUNS:
            # "Kenzo Oshima, the UN relief coordinator, said *he*…": the person's own
            # phrase, else the apposition that introduces him, as for the person himself
            mentions = _unknown_persons_party(doc, antecedent) or (
                _described_as(doc, antecedent.root) if antecedent.label_ == "PERSON" else []
            )
    if not mentions and _unlinked_person(doc, phrase):
        mentions = _described_as(doc, phrase.root)
    head_sector = _head_sector(phrase, head, resolver.sector_cues if resolver else {})
    if not mentions and acting and head_sector is not None:
        # "Russia said *its* warships had fired…": Russia's navy. Only a doer named by a
        # sector word: "offered *its* troops to Lebanon" names no party in its object, and
        # "*his* company" is not the man's government.
        owner = next((c for c in head.children if _possessive_pronoun(c)), None)
        antecedent = _antecedent(doc, owner) if owner is not None else None
        if antecedent is not None:
            mentions = [antecedent]
    implied = head_sector is None and state_sector is not None and _bare_state(mentions)
    if implied:
        head_sector = state_sector
    sector = head_sector
    codes: list[tuple[str, str, str | None]] = []
    for mention in mentions:
        resolved = mention._.actor
        modifies = not mention.start <= phrase.root.i < mention.end
        if modifies and head_sector is not None and resolver is not None:
            # "forces loyal to Riek Machar", "Haftar's fighters": the body the man leads
            resolved = resolver.armed_group_of(resolved.actor_id, doc._.published) or resolved
        country = resolved.country
        actor_id, name = resolved.actor_id, resolved.name
        if (modifies or implied) and country and head_sector and not _own_body(resolved):
            # "Syrian warplanes", "Syrian government forces": the state's sector the head
            # names (SYRMIL), not the modifier's own reading (Syria, Syria government).
            actor_id = f"{country}{head_sector}"
            name = _sector_name(resolver, country, head_sector, name)
        else:
            sector = resolved.sector or sector
        codes.append((actor_id, name, country))
    if not codes:
        earlier = _definite_antecedent(doc, phrase, sector_head=head_sector is not None)
        if earlier is not None:
            resolved = earlier._.actor
            codes.append((resolved.actor_id, resolved.name, resolved.country))
            sector = resolved.sector or sector
    if not codes and resolver is not None and not _unlinked_person(doc, phrase):
        resolved = resolver.resolve(phrase.text, day=doc._.published)
        if resolved is not None:
            codes.append((resolved.actor_id, resolved.name, resolved.country))
            sector = resolved.sector or sector
    seat = _seat_country(head, head_sector) if not codes and head_sector else None
    if seat is not None and head_sector is not None:
        # "*Baghdad's* government", "the regime *in Damascus*": the state the capital seats.
        sector = head_sector
        codes.append((f"{seat}{sector}", _sector_name(resolver, seat, sector, seat), seat))
    if not codes and (acting or addressed):
        capital = _capital_country(phrase)
        if capital is None and addressed:
            # "an apology *by Moscow*", "talks *with Beijing*": the party of the act's object.
            capital = next(
                filter(None, (_capital_country(noun_phrase(c)) for c in _party_modifiers(head))),
                None,
            )
        capitals = [capital] if capital is not None else _capitals_joined(phrase, conjuncts)
        for capital in capitals:
            # "Berlin rejected…", "Beirut again rejected…": the capital stands for the state.
            sector = sector or "GOV"
            name = _sector_name(resolver, capital, sector, capital)
            codes.append((f"{capital}{sector}", name, capital))
    countries = [c for _, _, c in codes if c]
    return Actor(
        start=phrase.start_char,
        end=phrase.end_char,
        text=phrase.text,
        actor_id="+".join(dict.fromkeys(a for a, _, _ in codes)) or None,
        name=" and ".join(dict.fromkeys(n for _, n, _ in codes)) or None,
        country="+".join(dict.fromkeys(countries)) or None,
        sector=sector,
    )


#: Sectors of bodies that are not a part of a state's government: "*Boko Haram* fighters",
#: "*Hezbollah* militants", "*Peshmerga* forces" are that body, not Nigeria's militias.
_OWN_BODIES: Final = frozenset(
    {"INS", "REB", "UAF", "OPP", "NGO", "PTY", "MED", "MIL", "SPY", "COP", "IGO"}
)


#: Heads of appositions that set a person against a party, not in it: "Smith, a *critic* of
#: Assad" is not Syria's.
_AGAINST_PARTY: Final = frozenset(
    {"critic", "opponent", "rival", "foe", "enemy", "adversary", "detractor", "victim",
     "target", "hostage", "captive", "prisoner", "biographer"}
)  # fmt: skip


def _described_as(doc: Doc, person: Token) -> list[Span]:
    """For a person the registry does not know, the parties the apposition that introduces
    them names: "Kenzo Oshima, *the United Nations* Emergency Relief Coordinator", "Ahmed
    Ali, a commander of *the Syrian Democratic Forces*" are the UN's and the SDF's, not the
    country their act happens in. Not the next name of a list the parse half-read as
    appositions ("John Smith, *Angela Merkel* and Emmanuel Macron")."""
    for child in person.children:
        if (
            child.dep_ == "appos"
            and child.lemma_.lower() not in _AGAINST_PARTY
            and not list_item(child)
        ):
            described = _with_whole_name(noun_phrase(child), child)
            return _mentions(doc, described)
    return []


def _unlinked_person(doc: Doc, phrase: Span) -> bool:
    """Whether the phrase's head is a name the linker left unlinked: another bearer of a
    registry surname ("Bush" after "Jeb Bush"), whom the phrase's text must not link again."""
    return any(
        e.label_ == "PERSON" and e._.actor is None and e.start <= phrase.root.i < e.end
        for e in entities_within(doc, phrase.start, phrase.end)
    )


def _own_body(resolved: ResolvedActor) -> bool:
    """Whether a named actor keeps its own code before a sector word ("Boko Haram fighters"),
    unlike a state or a government ("Syrian troops" is SYRMIL)."""
    composed = (resolved.country, f"{resolved.country}{resolved.sector}")  # USA, USAMIL
    return resolved.sector in _OWN_BODIES and resolved.actor_id not in composed


def _possessive_pronoun(token: Token) -> bool:
    return token.dep_ == "nmod:poss" and token.lower_ in ("its", "their", "his", "her")


def _bare_state(mentions: list[Span]) -> bool:
    """Whether the phrase names one state and nothing about which of its parts acts."""
    if len(mentions) != 1:
        return False
    state = mentions[0]._.actor
    return bool(state.country) and state.actor_id == state.country and not state.sector


#: Dependents that make a title of the words before a name: "Serbian *President* Kostunica".
_TITLE_DEPS: Final = frozenset({"nmod:desc", "amod", "compound"})


#: Entities a party's phrase grows to cover whole: names of people, bodies and places.
_WHOLE_NAME_LABELS: Final = frozenset({"PERSON", "ORG"}) | PLACE_LABELS


def _with_whole_name(phrase: Span, head: Token) -> Span:
    """The phrase grown to the whole name its head is part of, with the title before it.

    An unknown name can split the parse ("Serbian President Vojislav Kostunica promised…"
    read with two subjects), leaving the phrase "Kostunica" without the title that says
    whose president he is; "Nagorno-Karabakh" read as "Nagorno" with "Karabakh" its
    apposition."""
    doc = head.doc
    entity = entity_at(doc, head.i)
    if entity is None or entity.label_ not in _WHOLE_NAME_LABELS:
        return phrase
    named = entity.start
    while named < head.i and doc[named].pos_ == "DET":
        named += 1  # "[The Iran] deal": the model's entity took the article
    start, end = min(phrase.start, named), max(phrase.end, entity.end)
    first = head.sent.start
    while (
        start > first
        and doc[start - 1].dep_ in _TITLE_DEPS
        and start <= doc[start - 1].head.i < end
    ):
        start -= 1
    return doc[start:end] if (start, end) != (phrase.start, phrase.end) else phrase


#: Prepositions of a modifier naming whose an act is, or with whom: "an apology *by* Moscow",
#: "a demand *from* Kabul", "talks *with* Beijing".
_PARTY_OF: Final = frozenset({"by", "from", "with"})


def _party_modifiers(head: Token) -> list[Token]:
    """The nominal modifiers of ``head`` that name the party of what it names."""
    return [c for c in head.children if c.dep_ == "nmod" and case_of(c) in _PARTY_OF]


#: Sectors whose body sits in the capital, so that "the government *in* Kabul" is Afghanistan's
#: (forces or police "in Kabul" may be anyone's).
_SEATED: Final = frozenset({"GOV", "LEG", "JUD"})


def _seat_country(head: Token, sector: str) -> str | None:
    """The state whose capital owns the party the head names ("*Moscow's* envoy", any
    sector), or seats it ("the government *in Baghdad*", a government's sectors only)."""
    for child in head.children:
        seated = child.dep_ == "nmod" and case_of(child) == "in" and sector in _SEATED
        if child.dep_ == "nmod:poss" or seated:
            capital = _capital_country(noun_phrase(child))
            if capital is not None:
                return capital
    return None


def _capitals_joined(phrase: Span, conjuncts: bool) -> list[str]:
    """The states of a phrase that only joins capital cities ("*Washington and Havana*
    restored relations"), each standing for its state; none unless every conjunct is one."""
    root = phrase.root
    items = [root, *(c for c in root.children if c.dep_ == "conj")] if conjuncts else [root]
    if len(items) < 2:
        return []
    capitals = [_capital_country(noun_phrase(item)) for item in items]
    return [c for c in capitals if c is not None] if all(capitals) else []


def _capital_country(phrase: Span) -> str | None:
    """The country whose capital city the phrase is, when the phrase is that city alone."""
    for ent in entities_within(phrase.doc, phrase.start, phrase.end):
        place: PlaceCandidate | None = ent._.place
        if (
            place is not None
            and place.capital
            and place.country
            and ent.start <= phrase.root.i < ent.end
            and all(t.pos_ in ("DET", "PUNCT") for t in phrase if not ent.start <= t.i < ent.end)
        ):
            return place.country
    return None


def _sector_name(resolver: ActorResolver | None, country: str, sector: str, fallback: str) -> str:
    if resolver is None:
        return f"{fallback} ({sector})"
    state = resolver.state_names.get(country, country)
    return f"{state} {resolver.sector_names.get(sector, sector.lower())}"


#: Definite descriptions that point back to an actor named earlier: "the coalition" after
#: "the US-led coalition", "the group" after "Islamic State".
_BACK_REFERENCES: Final[dict[str, frozenset[str]]] = {
    "coalition": frozenset(),
    "alliance": frozenset(),
    "group": frozenset({"INS", "REB", "UAF", "OPP"}),
    "militia": frozenset({"UAF", "INS", "REB"}),
    "organisation": frozenset({"INS", "REB", "UAF", "IGO", "NGO"}),
    "organization": frozenset({"INS", "REB", "UAF", "IGO", "NGO"}),
    "movement": frozenset({"INS", "REB", "OPP"}),
}


def _definite_antecedent(doc: Doc, phrase: Span, sector_head: bool = False) -> Span | None:
    """The actor mention a bare "the coalition" / "the group" refers to: the nearest earlier
    one whose name has that word, or (for "group", "militia"…) whose sector fits. A number
    before the noun is the act's, not the party's ("some 2,000 *coalition* air strikes"); a
    sector word after it is the party's arm ("coalition jets"); and a coalition named before
    its full name ("Coalition jets struck … the US-led coalition said") is the next mention."""
    words = [t.lower_ for t in phrase if not (t.like_num or t.pos_ in ("NUM", "PUNCT"))]
    if words[:1] == ["the"]:
        words = words[1:]
    if sector_head and len(words) == 2 and words[0] in ("coalition", "alliance"):
        words = words[:1]
    if len(phrase) > 0 and phrase[0].lower_ != "the" and words != ["coalition"]:
        return None  # bare, only "coalition" ("coalition raids"): "group" needs "the"
    if len(words) != 1 or words[0] not in _BACK_REFERENCES:
        return None
    noun, sectors = words[0], _BACK_REFERENCES[words[0]]
    mentions = [m for m in actor_mentions_of(doc) if m._.actor is not None]
    for mention in reversed(mentions):
        actor = mention._.actor
        if mention.end <= phrase.start and (
            noun in (actor.name or "").lower() or (actor.sector in sectors and sectors)
        ):
            return mention
    return next(
        (
            m
            for m in mentions
            if m.start >= phrase.end and not sectors and noun in (m._.actor.name or "").lower()
        ),
        None,
    )


#: Pronouns that stand for a person ("his attack" included), never for a crowd or a state.
PERSONAL_PRONOUNS: Final = frozenset({"he", "him", "his", "she", "her"})
_COLLECTIVE: Final = frozenset({"it", "its", "they", "them", "their"})
_RELATIVE: Final = frozenset({"that", "which", "who", "whom", "whose"})


def _relative_pronoun(token: Token) -> bool:
    """Whether the token is the relative pronoun of a relative clause ("Mosul, *which*…")."""
    return token.lower_ in _RELATIVE and token.head.dep_ == "acl:relcl"


def _antecedent(doc: Doc, pronoun: Token) -> Span | None:
    """The actor mention a pronoun stands for: for a relative pronoun the noun its clause
    describes, for "he"/"she" the nearest person before it, for "it"/"they" the nearest
    organisation or state; None when that is a person the registry does not know."""
    found = _antecedent_mention(doc, pronoun)
    return found if found is None or found._.actor is not None else None


def _antecedent_mention(doc: Doc, pronoun: Token) -> Span | None:
    """:func:`_antecedent`, unknown people included."""
    word = pronoun.lower_
    mentions = [m for m in actor_mentions_of(doc) if m._.actor is not None]
    if _relative_pronoun(pronoun):
        noun = pronoun.head.head
        return next((m for m in mentions if m.start <= noun.i < m.end), None)
    if word in PERSONAL_PRONOUNS:
        labels = {"PERSON"}
        # A person the registry does not know is still the nearest "he" or "she": "Actress
        # Amandla Stenberg said as *she* accepted…" is not the Clinton named before.
        mentions = sorted([*mentions, *_unknown_people(doc, mentions)], key=lambda m: m.start)
    elif word in _COLLECTIVE:
        labels = {"ORG", "GPE", "NORP", ""}
    else:
        return None  # "I", "we", "you": the writer or reader, not a coded actor
    earlier = [m for m in mentions if m.end <= pronoun.i and m.label_ in labels]
    if pronoun.dep_ in ("obj", "iobj", "obl"):
        # "Russia is fighting *it*", "Syria vowed to retake *it*": an object pronoun is
        # never its own clause's subject (nor the subject its infinitive shares).
        verbs = [pronoun.head]
        while verbs[-1].dep_ == "xcomp" and verbs[-1].head.i != verbs[-1].i:
            verbs.append(verbs[-1].head)
        subject = {
            t.i for v in verbs for c in v.children if c.dep_ in SUBJECT_DEPS for t in c.subtree
        }
        earlier = [m for m in earlier if m.root.i not in subject]
    if pronoun.dep_ == "nmod:poss":
        # "…from where *it* conducts *its* air campaigns": a possessive in a clause whose
        # subject is a pronoun of its kind stands for what that subject stands for.
        clause = _clause_of(pronoun)
        owner = nearest_subject(clause)
        if owner is not None and owner.i < pronoun.i and _same_kind(owner, pronoun):
            return _antecedent(doc, owner)
    if pronoun.dep_ in SUBJECT_DEPS:
        reporter = _reporting_relative(pronoun)
        if reporter is not None:
            # "Jeb Bush, *who* announced *he* is suspending…": the relative's noun.
            return _antecedent(doc, reporter)
        # "Ivory Coast rebels rejected a Senegalese plan and said *they*…": a subject pronoun
        # continues the sentence's earlier subject, not the nearest name.
        subjects = [m for m in earlier if m.sent == pronoun.sent and _in_subject(m)]
        if subjects:
            return subjects[-1]
        if not any(m.sent == pronoun.sent for m in earlier):
            # "Cameron wanted Obama's help… *He* has pledged…": opening its sentence, it
            # continues the main subject of the sentence before.
            main = _main_subject(earlier, pronoun)
            if main is not None:
                return main
    return earlier[-1] if earlier else None


def _unknown_persons_party(doc: Doc, person: Span) -> list[Span]:
    """For "he"/"she" standing for ``person``, whom the registry does not know, the parties
    the person's own noun phrase names: "King Hassan *of Morocco* said *he* would host…" is
    Morocco's. Only the phrase itself, without relative clauses or appositions: "Smith, who
    met Assad, said he…" says nothing of Smith's side."""
    if person.label_ != "PERSON":
        return []
    whole = _with_whole_name(noun_phrase(person.root), person.root)
    return [m for m in _mentions(doc, whole) if m.end <= person.start or m.start >= person.end]


def _unknown_people(doc: Doc, mentions: list[Span]) -> list[Span]:
    """The person names no actor mention covers (the registry does not know them)."""
    covered = {i for m in mentions for i in range(m.start, m.end)}
    return [
        e
        for e in doc.ents
        if e.label_ == "PERSON" and not covered.intersection(range(e.start, e.end))
    ]


def _reporting_relative(pronoun: Token) -> Token | None:
    """The relative pronoun that is the subject of the verb whose complement the pronoun's
    clause is ("Bush, *who* announced he…"), if there is one."""
    clause = pronoun.head
    if clause.dep_ not in ("ccomp", "xcomp") or clause.head.i == clause.i:
        return None
    return next(
        (c for c in clause.head.children if c.dep_ in SUBJECT_DEPS and _relative_pronoun(c)),
        None,
    )


def _clause_of(token: Token) -> Token:
    """The verb (or predicate) whose clause the token is in."""
    head = token.head
    while head.pos_ not in ("VERB", "AUX") and head.head.i != head.i:
        head = head.head
    return head


def _same_kind(a: Token, b: Token) -> bool:
    """Whether two pronouns can stand for the same party: both personal or both collective."""
    return (a.lower_ in PERSONAL_PRONOUNS and b.lower_ in PERSONAL_PRONOUNS) or (
        a.lower_ in _COLLECTIVE and b.lower_ in _COLLECTIVE
    )


def _main_subject(earlier: list[Span], pronoun: Token) -> Span | None:
    """The mention that is the subject of the main verb of the sentence right before the
    pronoun's, if there is one."""
    start = pronoun.sent.start
    if start == 0:
        return None
    previous = pronoun.doc[start - 1].sent
    return next(
        (
            m
            for m in reversed(earlier)
            if m.sent.start == previous.start
            and m.root.dep_ in SUBJECT_DEPS
            and m.root.head.i == previous.root.i
        ),
        None,
    )


def _in_subject(mention: Span) -> bool:
    """Whether the mention is a subject or a modifier of one ("*Russian* forces said…"). A
    state in a person's title is not: in "*UK* Prime Minister David Cameron said he would
    help the Iraqi military so they could…", "they" is not the UK."""
    root = mention.root
    return root.dep_ in SUBJECT_DEPS or (
        root.dep_ in NOUN_MODIFIER_DEPS
        and root.head.dep_ in SUBJECT_DEPS
        and root.head.ent_type_ != "PERSON"
    )


def _mentions(doc: Doc, phrase: Span) -> list[Span]:
    """The linked actor mentions that code the phrase, sponsors ("US-backed") left out: the
    one over the phrase's head alone when there is one, else every one (compound actors)."""
    candidates = [
        m
        for m in actor_mentions_of(doc)
        if m.start >= phrase.start
        and m.end <= phrase.end
        and m._.actor is not None
        and not _is_sponsor(doc, m, phrase.root.i)
        and not _patron(m)
    ]
    over_head = [m for m in candidates if m.start <= phrase.root.i < m.end]
    if not over_head:
        return _owners(phrase, candidates)
    head = over_head[0]
    title = next((m for m in candidates if m.end == head.start), None)
    if title is not None and (_contradicts(title, head) or _resident(title, head)):
        # "Russian President Boris Yeltsin": the title's state rules out a namesake linked
        # by a first name alone (Boris Johnson). "Bosnian Serbs": a people is coded by the
        # state it lives in (CAMEO), not by its kin state.
        head = title
    coordinated = [
        m
        for m in candidates
        if m is not head
        and (
            m.root.dep_ == "conj"
            or list_item(m.root)
            or any(t.head.i in range(m.start, m.end) and t.dep_ == "conj" for t in head)
        )
    ]
    return sorted([head, *coordinated], key=lambda m: m.start)


#: Prepositions of a phrase's modifier that say where the head is, not whose it is.
_WHERE: Final = frozenset({"in", "near", "at", "inside", "outside", "around", "across", "on"})


def _owners(phrase: Span, candidates: list[Span]) -> list[Span]:
    """The mentions that say whose the phrase's head is: "*PKK* camps in northern Iraq" are
    the PKK's, not Iraq's. A place in a locative modifier codes the phrase only when nothing
    else does ("targets in Syria"); so does the adversary named by an "against" modifier at
    any depth: "assistance to the *US*-led war against Iraq" goes to the United States. A
    noun's modifier the parse labelled ``obl`` ("*US* bases in Iraq") counts as one. People
    are never their adversary: "68 allies in the fight against ISIS" are not ISIS."""
    where = [
        (token.left_edge.i, token.right_edge.i)
        for token in phrase
        if _noun_modifier(token) and token.head == phrase.root and case_of(token) in _WHERE
    ]
    against = [
        (token.left_edge.i, token.right_edge.i)
        for token in phrase
        if _noun_modifier(token) and case_of(token) == "against"
    ]

    def outside(spans: list[tuple[int, int]]) -> list[Span]:
        """The candidates that start in none of the token ranges ``spans``."""
        return [m for m in candidates if not any(a <= m.start <= b for a, b in spans)]

    owners = outside(where + against)
    if owners:
        return owners
    return outside(against) if is_people(phrase.root) else candidates


def _noun_modifier(token: Token) -> bool:
    """Whether the token is a prepositional modifier of a noun: an ``nmod``, or an ``obl``
    the parse hung on a noun ("US bases *in Iraq*")."""
    return token.dep_ == "nmod" or (token.dep_ == "obl" and token.head.pos_ in ("NOUN", "PROPN"))


def _contradicts(title: Span, person: Span) -> bool:
    """Whether a title mention's state ("Russian President") differs from the linked
    person's ("Boris" as Boris Johnson)."""
    said, linked = title._.actor, person._.actor
    return (
        person.label_ == "PERSON"
        and bool(said.country and linked.country)
        and said.country != linked.country
    )


def _resident(place: Span, people: Span) -> bool:
    """Whether "Bosnian" in "Bosnian Serbs" names where a people of another state lives."""
    said, kin = place._.actor, people._.actor
    return (
        people.label_ == "NORP"
        and place.label_ in ("NORP", "GPE")
        and bool(said.country and kin.country)
        and said.country != kin.country
    )


#: Nouns of a party that acts for or beside another: "Israel's militia *ally*", "Iran's
#: *proxies*" are not Israel or Iran, as "Iranian-backed militias" are not Iran.
_CLIENTS: Final = frozenset(
    {"ally", "allies", "proxy", "proxies", "surrogate", "surrogates", "client", "clients"}
)


def _patron(mention: Span) -> bool:
    """Whether the mention names whose ally or proxy the phrase's party is ("*Israel's*
    militia ally", "proxies *of Iran*"), not the party itself."""
    root = mention.root
    owned = root.head
    return (
        root.dep_ == "nmod:poss" or (root.dep_ == "nmod" and case_of(root) == "of")
    ) and owned.lower_ in _CLIENTS


def _is_sponsor(doc: Doc, mention: Span, head: int) -> bool:
    """Whether the mention, before the phrase's ``head``, is fused with a sponsor word right
    after it ("US-backed", "Iranian backed"); one further on, or after the head, belongs to
    the head ("Ghanaian soldiers *armed* with rifles"). So is one after "pro-" or "anti-":
    "pro-Russian separatists" are not Russia's, "anti-government forces" not the
    government's."""
    if mention.end > head:
        return False
    if after_stance_prefix(doc, mention.start):
        return True
    after = doc[mention.end : mention.end + 2]
    if after and after[0].text == "-" and after[0].whitespace_ == "":
        after = after[1:]
    return bool(after) and after[0].lower_ in _SPONSOR_WORDS


#: Heads that count the group in their "of" phrase: "*Thousands* of protesters rallied".
_COUNTING_HEADS: Final = frozenset(
    {"dozens", "hundreds", "thousands", "tens", "millions", "scores", "number", "group",
     "crowd", "crowds", "band", "bands", "handful"}
)  # fmt: skip


def _head_sector(phrase: Span, head: Token, sector_cues: Mapping[str, str]) -> str | None:
    """The sector the phrase's head names ("Syrian *warplanes*" MIL), or the group a counting
    head counts ("*thousands* of protesters" OPP)."""
    if head.lower_ in _COUNTING_HEADS:
        counted = next((c for c in head.children if c.dep_ == "nmod" and case_of(c) == "of"), None)
        if counted is not None and counted.i < phrase.end:
            return _head_sector(phrase, counted, sector_cues)
    words = [t.lower_ for t in phrase if t.i <= head.i]
    for size in (3, 2, 1):
        if len(words) >= size:
            sector = sector_cues.get(" ".join(words[-size:]))
            if sector:
                return sector
    sector = sector_cues.get(head.lemma_.lower())
    if sector is None and head.pos_ == "PROPN":
        # A title before a name the registry does not know: "*Judge* Alejandro Rivera",
        # "Lt. *Gen.* Prosper Avril".
        titles = (fold(t.text) for t in phrase if t.i < head.i and t.dep_ in _TITLE_DEPS)
        sector = next((sector_cues[t] for t in titles if t in sector_cues), None)
    return sector


#: Prepositions that put a party somewhere ("rebels *in* Syria", "a plane *over* Sinai"), as
#: against those that tie it to a state ("the government *of* Iraq", "a flight *to* Cairo").
_WHERE_A_PARTY_IS: Final = frozenset(
    {"in", "inside", "near", "at", "around", "outside", "within", "across", "over", "throughout"}
)
#: Words that put a clause at another time than the one it hangs on, so at another act.
_AT_ANOTHER_TIME: Final = frozenset({"after", "before", "since", "until", "till"})
#: Nouns that put what hangs on them before or after the clause's time: "in the *aftermath*
#: of the attack in France", "on the *eve* of the summit".
_TIME_BESIDE: Final = frozenset({"aftermath", "wake", "eve", "run-up", "lead-up", "prelude"})


def place_in(
    trigger: Token,
    sentence: Span,
    taken: list[tuple[int, int]],
    acts: frozenset[int],
) -> Span | None:
    """The toponym of the event: one the trigger governs by a place preposition or as a
    modifier ("out of Manbij", "the Paris attacks"), else one the sentence places something
    in ("in Syria"), else one inside a party's phrase ("a plane *over Sinai*"); never a
    toponym that acts ("Russia annexed"), nor one that places another act of the sentence
    (``acts``: the trigger tokens): in "since the massacre of 130 people *in Paris* … Moscow
    annexed Crimea" the annexation is not in Paris."""
    toponyms = [
        e
        for e in entities_within(sentence.doc, sentence.start, sentence.end)
        if e._.place is not None and e.label_ != "NORP"  # "Syrian warplanes": whose, not where
    ]
    places = [e for e in toponyms if not any(s <= e.start < end for s, end in taken)]
    governed = [
        p
        for p in places
        if (
            p.root.head.i == trigger.i
            and (p.root.dep_ in ("compound", "amod", "obj") or case_of(p.root) in PLACE_CASES)
        )
        or (p.root.i == trigger.head.i and misread_clause_verb(trigger))  # "bombed Aleppo"
        or (  # "shelled the regional capital *Juba*"
            p.root.dep_ == "appos" and p.root.head.dep_ == "obj" and p.root.head.head.i == trigger.i
        )
    ]
    locative = [
        p
        for p in places
        if case_of(p.root) in LOCATIVE_CASES
        and not _describes_a_party_elsewhere(p, trigger, acts)
        and not _places_another_act(p, trigger, acts)
        and not _before_or_after(p, trigger)
    ]
    # A place a party's phrase is put in, or a town or region it names: "bombed rebels *in
    # Syria*", "annexed the Ukrainian region *of Crimea*", "downed a plane *over Sinai*"
    # (not "the government *of Iraq*").
    within_party = [
        p
        for p in toponyms
        if p not in places
        and (
            case_of(p.root) in _WHERE_A_PARTY_IS  # "rebels *in Syria*"
            or (case_of(p.root) == "of" and p._.place.kind != "country")
        )
        and not _places_another_act(p, trigger, acts)  # "condemned its annexation of Crimea"
        and not _before_or_after(p, trigger)
    ]
    chosen = governed or locative or within_party
    return chosen[0] if chosen else None


def _places_another_act(place: Span, trigger: Token, acts: frozenset[int]) -> bool:
    """Whether the toponym belongs to another act of the sentence that does not frame this
    one: it hangs, through nouns, on a noun trigger ("since the massacre of 130 people *in
    Paris*, … Moscow annexed Crimea") or sits in the object of another verb trigger ("annexed
    the region *of Crimea*"). An act whose clause holds this event frames it and lends it its
    place ("mass protests *in Charlotte* broke out, many turning to looting", "at a press
    conference *in Hanahan* Trump praised…"); a place on a verb itself ("*In Syria*, jets
    bombed rebels, killing 30") is the whole clause's."""
    token, through_noun = place.root.head, False
    while token.i != trigger.i:
        if token.i in acts and (token.pos_ == "NOUN" or through_noun):
            return not _frames(token, trigger)
        if token.pos_ not in ("NOUN", "PROPN", "NUM") or token.head.i == token.i:
            return False
        if token.is_ancestor(trigger):
            return False  # "on the eve of the offensive *in Idlib*": the phrase holds both
        token, through_noun = token.head, True
    return False


def _before_or_after(place: Span, trigger: Token) -> bool:
    """Whether the place and the trigger are told of at different times: the place sits in a
    phrase of another time that does not hold the trigger ("the meeting took place a day
    *after* Kurdish forces cut a supply line to *Mosul*"), or the trigger sits in one under
    the word a town or region hangs on ("diplomats gathered *in Geneva* after the bombing of
    a hospital")."""
    token = place.root
    while token.i != trigger.i and not token.is_ancestor(trigger) and token.head.i != token.i:
        if _at_another_time(token):
            return True
        token = token.head
    anchor = place.root.head
    if place._.place.kind == "country":
        return False  # "*In Syria*, protests broke out after the killing of…": both there
    if anchor.i == trigger.i or not anchor.is_ancestor(trigger):
        return False
    token = trigger
    while token.i != anchor.i:
        if _at_another_time(token):
            # Only a place before the phrase: in "after three people were shot at *a
            # Louisiana* screening" the parse has hung the shooting's place on the main verb.
            return place.end <= token.left_edge.i
        token = token.head
    return False


def _frames(act: Token, trigger: Token) -> bool:
    """Whether ``act`` is the setting of ``trigger``: the verb its noun phrase hangs on
    governs the trigger's clause, or is the trigger itself with the act as an adverbial ("at
    a press conference in Hanahan"), not as what the trigger is about ("condemned Russia's
    annexation of Crimea"), and not at another time ("a week *after* the bombing in Baghdad",
    "the bombing … came a week *after* troops occupied Jarablus")."""
    noun, verb = act, act
    while verb.pos_ in ("NOUN", "PROPN", "NUM") and verb.head.i != verb.i:
        if _at_another_time(verb):
            return False  # also "in the *aftermath* of the attack in France"
        noun, verb = verb, verb.head
    if _at_another_time(noun):
        return False
    if verb.i == trigger.i:
        return noun.i != verb.i and noun.dep_.startswith("obl")
    if not verb.is_ancestor(trigger):
        return False
    clause = trigger
    while clause.i != verb.i:
        if _at_another_time(clause):
            return False
        clause = clause.head
    return True


def _at_another_time(token: Token) -> bool:
    return (
        case_of(token) in _AT_ANOTHER_TIME
        or mark_of(token) in _AT_ANOTHER_TIME
        or token.lower_ in _TIME_BESIDE
    )


def _describes_a_party_elsewhere(place: Span, trigger: Token, acts: frozenset[int]) -> bool:
    """Whether a toponym only says where the subject of another verb is: "…, relief
    officials *in Nairobi* said", "as authorities *in Croatia* cracked down". It places that
    party, not the event; a place another clause's act happens in ("air strikes *in Syria*,
    targeting rebels", "*In Syria*, officials said rebels attacked…") still counts, and so
    does one on the subject of the trigger's own clause ("rebels *in Idlib* attacked…").
    Verbs are compared, not clauses: the parse often joins a closing "…, officials said" to
    the main verb as a conjunct. A subject that is an act ("mass *protests in Charlotte*
    broke out") is no party: :func:`_places_another_act` decides."""
    noun = place.root.head
    while noun.dep_ in ("conj", "appos") and noun.head.i != noun.i:
        noun = noun.head  # "Kurdish and Arab *fighters in Raqqa* said"
    return (
        noun.i not in acts
        and noun.i != place.root.i
        and (noun.dep_ in SUBJECT_DEPS or noun.dep_ == "nsubj:pass")
        and noun.head.i not in (trigger.i, clause_head(trigger))
        and noun.i != trigger.i
    )
