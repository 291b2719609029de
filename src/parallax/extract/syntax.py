"""Small readings of the dependency parse shared by the extractors: subjects and noun phrases.

Quotes need the speaker of a cue verb, events the actor and recipient of a trigger; both are
"the subject of this verb" and "the noun phrase around this head", read the same way.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Doc, Span, Token

from parallax.nlp.verb_repair import AFFILIATED, affiliated_body

#: Dependency labels of a verb's subject (UD), active.
SUBJECT_DEPS: Final = frozenset({"nsubj", "nsubj:outer", "csubj"})
#: Relations by which a word modifies the noun after it ("*Russian* forces", "*Haiti's*
#: elections", "*coalition* strikes").
NOUN_MODIFIER_DEPS: Final = frozenset({"amod", "compound", "nmod:poss"})
#: Dependents dropped from a phrase: clauses about a person are not the person.
_CUT_FROM_PHRASE: Final = frozenset({"acl:relcl", "acl", "parataxis", "appos", "cc", "conj"})
#: Time words the parser hangs on a name in "Russia today rejected…" / "Mugabe on Sunday…".
_TIME_NOUNS: Final = frozenset({"today", "yesterday", "tonight"})
_MODIFIER_DEPS: Final = frozenset({"nmod", "nmod:unmarked", "nmod:tmod", "obl:unmarked", "obl"})
#: What a copula clause hangs on its nominal predicate besides the noun phrase itself: "*A
#: bomb is* a device that explodes", "*the FSA is* a sectarian outfit that kills".
_PREDICATE_FRAME: Final = frozenset(
    {"nsubj", "nsubj:pass", "csubj", "cop", "aux", "aux:pass", "expl", "mark"}
)


def subject_of(verb: Token) -> Token | None:
    """The verb's grammatical subject, climbing to the governing verb for a subject-less
    participle, infinitive or coordinated verb ("…, saying that", "and added that")."""
    current = verb
    for _ in range(3):
        for child in current.children:
            if child.dep_ in SUBJECT_DEPS:
                return child
        for child in current.children:
            if child.dep_ == "obl:agent":
                return child
        named = appositive_subject(current)
        if named is not None:
            return named
        if current.dep_ in ("xcomp", "advcl", "conj", "acl") and current.head.i != current.i:
            current = current.head
            continue
        break
    return None


#: Entity labels of names that can be a party: a person, an organisation, a state, a people.
NAMED: Final = frozenset({"PERSON", "ORG", "GPE", "NORP"})


def _names(modifier: Token) -> bool:
    return modifier.dep_ in ("amod", "compound", "nmod:poss") and modifier.ent_type_ in NAMED


def appositive_subject(verb: Token) -> Token | None:
    """A name the parse made an apposition of a time phrase before a subject-less verb: "On
    Sunday, *Hillary Clinton*, the front-runner, called on…" read with "Clinton" describing
    "Sunday". Only a name after that phrase and before the verb, or a noun a name modifies
    ("On Tuesday, *Iraqi forces* retook…")."""
    for child in verb.children:
        if child.dep_ not in ("obl", "obl:tmod", "obl:unmarked") or child.i > verb.i:
            continue
        for name in child.children:
            if (
                name.dep_ == "appos"
                and child.i < name.i < verb.i
                and (name.ent_type_ in NAMED or any(_names(c) for c in name.children))
            ):
                return name
    return None


def _verbless_noun_clause(verb: Token, before: Token) -> bool:
    """ "A UN convoy *delivered* food and medicine…" read as one noun phrase with a noun
    root and no verb at all: a past form between two nouns is the clause's verb (also on a
    modifier of the root: "The World Food Programme *suspended* food deliveries…")."""
    head = compound_head(verb.head)
    return (
        verb.dep_ in ("amod", "compound")
        and verb.head.i > verb.i
        and head.dep_ == "ROOT"
        and is_nominal(head)
        and before.pos_ in ("NOUN", "PROPN")
        and bool(before.whitespace_)  # not "rebel-held"
        and not any(t.pos_ in ("VERB", "AUX") for t in verb.sent if t.i != verb.i)
    )


def misread_clause_verb(verb: Token) -> bool:
    """Whether the parse read "plural noun + past tense" as one noun phrase: "Syrian regime
    warplanes *bombed*…" with "warplanes" tagged VBZ (English has no "VBZ VBD" sequence),
    or "Russian warplanes *bombed* Aleppo" with the past tense made a modifier of the next
    noun and the plural left as the root (or folded into the root noun after it)."""
    if verb.i == 0 or verb.tag_ not in ("VBD", "VBN"):
        return False
    before = verb.doc[verb.i - 1]
    if _verbless_noun_clause(verb, before):
        return True
    if not (before.lower_.endswith("s") and before.is_alpha):
        return False
    if before.tag_ == "VBZ":
        return True
    if verb.dep_ not in ("compound", "amod") or verb.head.i <= verb.i:
        return False
    if before.tag_ not in ("NNS", "NNPS"):
        return False
    # "UK jets bombed oil facilities": the plural made a modifier of the root noun after it.
    folded_into_root = before.dep_ == "compound" and before.head.i == verb.head.i
    # "Ethiopian warplanes bombed rebel positions…, residents said": the plural heads the
    # reported clause.
    return before.dep_ in _CLAUSE_HEAD_DEPS or (folded_into_root and verb.head.dep_ == "ROOT")


#: Relations of a word that heads a clause; a plural noun there, before a past form, is the
#: subject the parse promoted.
_CLAUSE_HEAD_DEPS: Final = frozenset({"ROOT", "ccomp", "parataxis"})


def nearest_subject(verb: Token) -> Token | None:
    """The verb's own subject, leaving out what the parse hung there by mistake when a real
    one is beside it: a whitespace token, and a wire dateline ("*KABUL*, Oct 3 (AFP) - A
    Taliban bomber attacked…")."""
    subjects = [c for c in verb.children if c.dep_ in SUBJECT_DEPS and not c.is_space]
    real = [c for c in subjects if not _dateline(c)]
    found = real or subjects
    return found[0] if found else None


#: Dashes that close a wire dateline.
_DATELINE_DASHES: Final = frozenset({"-", "--", "—", "–"})


def _dateline(token: Token) -> bool:
    """A capitalised place opening its sentence and closed by a dash a few words on:
    "BEIRUT (Reuters) -", "KABUL, Oct 3 (AFP) -"."""
    sentence = token.sent
    if token.i != sentence.start or not token.is_upper or len(token) < 3:
        return False
    window = token.doc[token.i + 1 : min(token.i + 9, sentence.end)]
    return any(t.text in _DATELINE_DASHES for t in window)


#: Plural nouns of people that no agent-noun ending gives away.
_PEOPLE_NOUNS: Final = frozenset(
    {"people", "men", "women", "children", "forces", "troops", "police", "rebels", "youths",
     "residents", "students", "opponents", "parents", "agents", "crowds", "civilians",
     "families", "guards", "staff", "personnel", "militias", "insurgents", "allies", "rivals",
     "prisoners", "detainees", "hostages", "victims", "colleagues", "relatives", "elders"}
)  # fmt: skip
#: Endings of plural agent nouns ("protesters", "militants", "activists", "politicians").
_AGENT_ENDINGS: Final = ("ers", "ors", "ists", "ants", "ians", "ees", "men", "iers")
#: Pronouns that stand for people.
_PERSONAL: Final = frozenset({"he", "she", "him", "her", "they", "them", "we", "us"})


def is_people(token: Token) -> bool:
    """Whether a noun names people or a party of them: a person, people or organisation name,
    a personal pronoun, or a plural noun of people ("protesters", "two men", "rebels"); not
    "our whole lives", "villages" or "messages"."""
    if token.ent_type_ in ("PERSON", "NORP", "ORG"):
        return True
    lower = token.lower_
    if lower in _PERSONAL:
        return True
    if token.tag_ not in ("NNS", "NNPS") or token.ent_type_:
        return False
    return lower in _PEOPLE_NOUNS or (len(lower) > 5 and lower.endswith(_AGENT_ENDINGS))


def compound_head(noun: Token) -> Token:
    """The head of the compound a noun modifies ("*rebel* positions" → "positions")."""
    while noun.dep_ == "compound" and noun.head.i > noun.i:
        noun = noun.head
    return noun


def is_nominal(token: Token) -> bool:
    """A noun by its part of speech or by its fine tag (the morphologizer and the tagger
    sometimes disagree: "military" tagged NN with the part of speech ADJ)."""
    return token.pos_ in ("NOUN", "PROPN") or token.tag_.startswith("NN")


def misread_passive(verb: Token) -> bool:
    """Whether the parse called the verb's subject passive (``nsubj:pass``) although the verb
    has no passive auxiliary and is active by its own words: it takes a direct object or the
    perfect's "have" ("Government forces *have* not shelled *Daraya*", "Syrian regime
    warplanes bombed *districts*"). A passive needs "be" or "get"; a parser trained on more
    web text than wire copy makes this slip on headline-like clauses."""
    children = list(verb.children)
    if not any(c.dep_ == "nsubj:pass" for c in children):
        return False
    if any(c.dep_ == "aux:pass" for c in children):
        return False
    has_object = any(c.dep_ == "obj" for c in children)
    perfect = any(c.dep_ == "aux" and c.lower_ in ("have", "has", "had", "'ve") for c in children)
    return has_object or perfect


#: Conjunctions of a clause that says when or why, not what was demanded, refused or intended.
_CIRCUMSTANCE_MARKS: Final = frozenset(
    {
        "since",
        "after",
        "before",
        "when",
        "while",
        "because",
        "as",
        "until",
        "once",
        "though",
        "although",
        "whereas",
    }
)
#: Prepositions of a phrase that says when: "agreed on a ceasefire *after* talks".
_CIRCUMSTANCE_CASES: Final = frozenset({"since", "after", "before", "until", "during"})


def circumstance(token: Token) -> bool:
    """Whether the clause or phrase ``token`` heads says when or why something else happened
    ("have shunned it *since* Moscow annexed Crimea", "agreed *after* talks in Geneva"), so
    the act it names is one of its own, not what the word it hangs on demands or intends."""
    mark = mark_of(token)
    if mark is not None:
        return mark in _CIRCUMSTANCE_MARKS
    return case_of(token) in _CIRCUMSTANCE_CASES


def case_of(token: Token) -> str | None:
    """The preposition of a nominal ("against" in "against ISIS"), lower-cased."""
    return next((c.lower_ for c in token.children if c.dep_ == "case"), None)


def mark_of(clause: Token) -> str | None:
    """The conjunction that introduces a clause ("unless" in "unless X acts"), lower-cased."""
    return next((c.lower_ for c in clause.children if c.dep_ == "mark"), None)


def time_ranges(doc: Doc) -> list[tuple[int, int]]:
    """Character ranges of the temporal expressions the times component found (none when the
    pipeline has no times component); read once where many tokens are checked."""
    times = doc._.times if Doc.has_extension("times") else None
    return [(t.start, t.end) for t in times or ()]


def in_time_expression(token: Token, ranges: list[tuple[int, int]] | None = None) -> bool:
    """Whether the token lies inside a temporal expression the times component found;
    ``ranges``: the :func:`time_ranges` of its doc, when already read."""
    found = time_ranges(token.doc) if ranges is None else ranges
    return any(start <= token.idx < end for start, end in found)


def _time_modifier(child: Token) -> bool:
    """A time phrase hanging off a noun ("Russia *on Tuesday*", "the Council *today*"): in news
    it belongs to the verb that follows, so it is never part of who acted."""
    if child.dep_ == "flat":  # "President Mohammad Zia-Ul-Haq *today* rejected…"
        return child.lower_ in _TIME_NOUNS
    if child.dep_ not in _MODIFIER_DEPS:
        return False
    return child.lower_ in _TIME_NOUNS or in_time_expression(child)


def _opens_a_qualifier(word: Token) -> bool:
    """ "*at* least 10 people", "*at* most": a preposition that belongs to a number's
    qualifier, not one the parse hung on the phrase."""
    following = word.nbor(1) if word.i + 1 < len(word.doc) else None
    return word.lower_ == "at" and following is not None and following.lower_ in ("least", "most")


def affiliation(clause: Token) -> bool:
    """Whether a participle clause on a noun says which body the noun's people belong to:
    "gunmen *affiliated with al Qaeda*", "fighters *linked to Islamic State*". It is part of
    the phrase, as "militants *loyal to* Islamic State" is, so the body codes the group."""
    return (
        clause.dep_ == "acl"
        and clause.lower_ in AFFILIATED
        and clause.i > clause.head.i
        and affiliated_body(clause) is not None
    )


def _verb_conjunct(child: Token) -> bool:
    """A finite or bare verb the parse coordinated with a noun: "to capture the area *of
    al-Tabqa and curb* Syrian government advances" is two clauses, and the phrase ends
    before the second; so does a participle with an object ("killed two youths *and
    wounded* five others")."""
    if child.dep_ != "conj":
        return False
    return child.tag_ in ("VB", "VBD", "VBP", "VBZ") or (
        child.tag_ == "VBN" and any(c.dep_ == "obj" for c in child.children)
    )


#: Edges of land that say where a thing is ("a camp *on the border*"), and their prepositions.
_LAND_EDGES: Final = frozenset({"border", "borders", "frontier", "coast", "shore", "outskirts"})
_ALONG: Final = frozenset({"on", "along", "near", "across", "at"})


def _edge_of_land(child: Token) -> bool:
    return child.dep_ == "nmod" and child.lower_ in _LAND_EDGES and case_of(child) in _ALONG


def noun_phrase(
    head: Token, *, keep_conjuncts: bool = False, leave_out: Token | None = None
) -> Span:
    """The noun phrase headed by ``head``, without relative clauses, appositions, conjuncts or
    edge punctuation: "longtime Democratic pollster Pat Caddell", "a US official";
    ``leave_out``: a modifier known to be another argument's ("a market in Douma *by
    government forces*", when the forces are the shelling's doer)."""
    doc = head.doc
    keep = {head.i}
    stack = [head]
    agent = passive_agent_below(head)  # "recaptured from the militants *by Iraqi troops*"
    while stack:
        node = stack.pop()
        predicate = any(c.dep_ == "cop" for c in node.children)
        for child in node.children:
            if predicate and child.dep_ in _PREDICATE_FRAME:
                continue
            if (
                child.dep_ in _CUT_FROM_PHRASE
                and not (keep_conjuncts and (child.dep_ in ("conj", "cc") or list_item(child)))
                and not affiliation(child)
            ) or _verb_conjunct(child):
                continue
            if child.dep_ == "case" and node.i == head.i:
                continue
            if (
                node.i == head.i or (child.i > head.i and case_of(child) != "of")
            ) and _time_modifier(child):
                continue  # deeper and after the head: "Rebels in the Ivory Coast *on Wednesday*"
            if misread_clause_verb(child):
                continue  # "Russian warplanes *bombed* Aleppo": the verb, not a modifier
            if node.i == head.i and _edge_of_land(child):
                continue  # "a rebel camp *on the Ugandan border*": where it is, not whose
            if child.dep_ == "aux":
                continue  # "activists … *have* staged rallies" read as one phrase: a clause
            if leave_out is not None and child.i == leave_out.i:
                continue
            if agent is not None and child.i == agent.i:
                continue  # the passive's doer, not part of this phrase
            if node.i != head.i and stray_by_phrase(child):
                continue  # "a market in Douma *by government forces*": the act's doer
            keep.add(child.i)
            stack.append(child)
    start, end = min(keep), max(keep) + 1
    # Keep the phrase contiguous around the head: stop at the first gap on either side.
    for i in range(head.i, end):
        if i not in keep:
            end = i
            break
    left = head.i
    while left - 1 >= start and left - 1 in keep:
        left -= 1
    while left < head.i and (
        doc[left].is_punct
        or doc[left].is_space
        or doc[left].dep_ == "cc"
        or (doc[left].dep_ == "case" and not _opens_a_qualifier(doc[left]))
        or (doc[left].dep_ == "advmod" and doc[left].lower_ in ("not", "n't"))
    ):
        # "Russia *and* Western nations": a conjunct's own "and" is not its phrase, nor is a
        # preposition the parse hung on a modifier ("*by* government troops"), nor the
        # negation of a contrast ("Islamic State and *not* other rebel groups").
        left += 1
    while end - 1 > head.i and (
        doc[end - 1].is_punct or doc[end - 1].is_space or doc[end - 1].dep_ == "cc"
    ):
        end -= 1  # "the battle *and*": a conjunct cut off leaves its "and"
    return doc[left:end]


def list_item(child: Token) -> bool:
    """An apposition that is an item of a list the parse half-read as conjuncts: "to Iran,
    *Libya*, North Korea and Sudan"."""
    return (
        child.dep_ == "appos"
        and child.pos_ == "PROPN"
        and child.head.pos_ == "PROPN"
        and any(c.dep_ == "conj" and c.i > child.i for c in child.head.children)
    )


def opens_with_by(phrase: Token) -> bool:
    """Whether the phrase ``phrase`` heads starts with its preposition "by", wherever the
    parse hung that "by" ("*by* government troops" with "by" on "government")."""
    first = phrase.left_edge
    return first.lower_ == "by" and first.dep_ == "case"


def has_passive_frame(verb: Token) -> bool:
    """Whether the verb has a passive subject or auxiliary of its own ("was shelled")."""
    return any(c.dep_ in ("nsubj:pass", "aux:pass") for c in verb.children)


def stray_by_phrase(child: Token) -> bool:
    """A "by" phrase the parse hung on a noun inside a longer phrase, not on the phrase's own
    head: in "the shelling of a market in Douma *by government forces*" it names who shelled,
    not anything about Douma. Such a phrase belongs to the act above it, never to the noun
    it hangs on; :func:`noun_phrase` leaves it out of the phrase of any head above that noun
    ("a speech *by Obama*" keeps its own)."""
    return (
        child.dep_ == "nmod"
        and opens_with_by(child)
        and child.head.pos_ in ("NOUN", "PROPN")
        and child.pos_ in ("NOUN", "PROPN")
        and not child.like_num
    )


def passive_agent_below(token: Token) -> Token | None:
    """The "by" phrase of a passive verb that the parse hung on ``token``, one of the verb's
    obliques or its predicate: "recaptured from the militants *by Iraqi troops*", "shot dead
    *by gunmen*". The one place both the actor finder and :func:`noun_phrase` (which must
    leave it out of the oblique's phrase) ask this."""
    if token.dep_ not in ("obl", "xcomp"):
        return None
    if not has_passive_frame(token.head):
        return None
    return next(
        (
            c
            for c in token.children
            if c.dep_ in ("obl:agent", "nmod", "obl")
            and c.i > token.i
            and any(g.dep_ == "case" and g.lower_ == "by" for g in c.children)
        ),
        None,
    )


#: Relations that start a clause of its own; an infinitive complement ("threatened *to ban*")
#: or of purpose ("resigned *to allow*…") stays in its verb's clause.
_CLAUSE_DEPS: Final = frozenset(
    {"ROOT", "ccomp", "advcl", "acl", "acl:relcl", "parataxis", "csubj", "csubj:pass"}
)


def clause_head(token: Token) -> int:
    """The index of the head of the clause ``token`` belongs to (the nearest ancestor, or
    itself, that starts a clause), so two words can be told apart as same-clause or not."""
    current = token
    while (
        current.dep_ not in _CLAUSE_DEPS or (current.dep_ == "advcl" and mark_of(current) == "to")
    ) and current.head.i != current.i:
        current = current.head  # "resigned *to allow* Haiti's elections": one clause
    return current.i
