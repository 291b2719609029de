"""Verbs the tagger called nouns, repaired from the parse that reads them as verbs.

Headlines and short news clauses make the tagger read a verb as a noun ("Turkey *shot* down
a Russian warplane": ``shot``/NN), while the parser, which sees the whole clause, still gives
the word a subject and an object or particle. Every extractor that looks for verbs by their
part of speech (event triggers, cue verbs of speech) then misses the clause's act. A word
with a nominal subject *and* an object or verb particle is used as a verb, whatever its tag,
so this component sets its part of speech to VERB after the parser runs (measured on 300
PolNeAR articles: 63 such words, most of them verbs: "denies", "testifies", "paints"). So is
a past or verb form tagged as an adjective that roots its sentence with a direct object, which
no adjective takes ("Hungary *vetoed*/JJ the statement", with "Hungary" tagged JJ too and
hung on it as an adverb; none in 300 PolNeAR articles, so rare but a lost act when it comes).

The parser also makes a finite past verb a modifier of a noun when it leaves the sentence
without a verbal root: "Palmieri *called* on Trump to stop…" rooted on "Palmieri" with
"called" as its clausal modifier, "They *described* crass behavior…" with "described" as an
adjective of "behavior". The tagger, reading the words around it, still says VBD (a past
*finite* verb, not a participle), and a sentence rooted on a noun without a copula has no
predicate at all. So such a verb becomes the root: the noun before it is its subject, the
noun after it its object. In 60 PolNeAR articles and the example corpus (4,912 sentences)
this re-rooted 15 sentences, 14 of them rightly ("David Axelrod on Wednesday called on…",
"super PACs raised $64.8 million…"); PolNeAR dev quote F1 0.669 → 0.670. A verb tagged as a
participle (VBN) is such a verb too when it has a direct object, which a passive participle
does not take ("Coalition warplanes *struck* Raqqa"), and a reported clause the parse headed
with a noun ("…, the Pentagon said") is repaired the same way: 6 sentences of 150 PolNeAR
articles and the example corpus, all rightly ("Syrian regime warplanes *carried* out
airstrikes in Hasaka"); no eval figure moved. Last, the parse reads a group's affiliation as
the main verb ("Two gunmen *linked* to Islamic State *killed* four policemen"), leaving the
act without a doer; that participle becomes the noun's modifier again (1 sentence in 300
PolNeAR articles, the example corpus and the GSR dev half, rightly; the team's PLOVER-style
set: target country F1 0.864 -> 0.876).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Final

import numpy
from spacy.attrs import DEP, HEAD, POS
from spacy.language import Language
from spacy.symbols import ADJ, NOUN, PROPN
from spacy.tokens import Doc, Token

from parallax.nlp.lemmas import irregular_past

COMPONENT: Final = "parallax_verb_repair"
#: Dependents that only a verb takes: a direct object or a verb particle ("shot *down*").
_VERB_DEPENDENTS: Final = frozenset({"obj", "compound:prt"})
#: Verb tags the tagger gives a word the morphologizer calls an adjective ("Hundreds of
#: Palestinians *clashed*": VBD, ADJ); with a subject of its own and neither a copula nor a
#: passive auxiliary, the word is the clause's verb ("is *determined*" stays an adjective).
_VERB_TAGS: Final = frozenset({"VBD", "VBZ", "VBP", "VBN"})
_NOT_ACTIVE: Final = frozenset({"cop", "aux:pass", "nsubj:pass"})
#: Subject relations: a verb that has one heads its own clause already.
_SUBJECTS: Final = frozenset({"nsubj", "nsubj:pass", "csubj"})
#: Parts of speech of a noun that cannot take an object (as ``spacy.symbols`` ids).
_NOUNS: Final = frozenset({NOUN, PROPN})
#: Parts of speech of a sentence root that is a noun phrase, not a predicate.
_NOMINAL: Final = frozenset({"NOUN", "PROPN", "PRON", "NUM"})
#: What a stranded finite verb is attached as: a clause or an adjective describing the root.
_MODIFIER_DEPS: Final = frozenset({"acl", "amod"})
#: How the parse hangs the object of a stranded verb on its subject: as an apposition or a
#: nominal modifier of the name or number before it.
_RUN_ON: Final = frozenset({"appos", "nmod", "flat", "compound", "list"})
#: How the parse attaches the subject's noun to an object root it cut it into ("nominee" in
#: "The Republican nominee also linked cyber vulnerabilities…"): such a noun before the verb
#: becomes its subject; a time noun ("Monday", ``obl:unmarked``) does not.
_SUBJECT_AS_MODIFIER: Final = frozenset(
    {"nsubj", "det", "amod", "compound", "nmod", "nmod:poss", "appos", "flat", "case", "nummod"}
)


@Language.component(COMPONENT)
def verb_repair(doc: Doc) -> Doc:
    """Set VERB on every noun-tagged word the parse gives a subject and an object or
    particle. Only the heads of ``nsubj`` arcs are looked at (found in the arrays)."""
    if not len(doc) or not doc.has_annotation("DEP"):
        return doc
    array = doc.to_array([HEAD, DEP, POS])
    heads = array[:, 0].astype("int64")  # offsets to the head, stored unsigned
    deps, pos = array[:, 1], array[:, 2]
    subjects = numpy.flatnonzero(deps == doc.vocab.strings["nsubj"])
    for h in set((subjects + heads[subjects]).tolist()):
        if pos[h] == ADJ:
            token = doc[h]
            if (token.tag_ in _VERB_TAGS or _past_root_read_as_adjective(token)) and not any(
                c.dep_ in _NOT_ACTIVE for c in token.children
            ):
                token.pos_ = "VERB"  # "Hundreds of Palestinians *clashed*/VBD/ADJ with…"
            continue
        if pos[h] not in (NOUN, PROPN):
            continue
        token = doc[h]
        if any(child.dep_ in _VERB_DEPENDENTS for child in token.children):
            token.pos_ = "VERB"
    for i in numpy.flatnonzero((deps == doc.vocab.strings["ROOT"]) & (pos == ADJ)).tolist():
        token = doc[i]
        verb_like = token.tag_.startswith("VB") or _tagged_adjective_past(token)
        with_subject = any(c.dep_ == "nsubj" for c in token.children) and not any(
            c.dep_ == "cop" for c in token.children
        )
        if (verb_like or with_subject) and any(c.dep_ == "obj" for c in token.children):
            # "Hungary *vetoed*/JJ the statement", "Militants *set*/JJ fire to a school": no
            # adjective takes an object
            token.pos_ = "VERB"
    clause_heads = (deps == doc.vocab.strings["ROOT"]) | (deps == doc.vocab.strings["ccomp"])
    _reroot_stranded_verbs(doc, numpy.flatnonzero(clause_heads).tolist())
    _join_split_subjects(doc, subjects.tolist())
    _nouns_read_as_verbs(doc, subjects.tolist())
    _lift_cases_to_nouns(doc, numpy.flatnonzero(deps == doc.vocab.strings["case"]).tolist())
    _free_relative_subjects(doc, numpy.flatnonzero(deps == doc.vocab.strings["acl"]).tolist())
    _free_subjects_from_openers(doc, numpy.flatnonzero(deps == doc.vocab.strings["ROOT"]).tolist())
    _join_subjects_cut_at_and(doc, numpy.flatnonzero(deps == doc.vocab.strings["ROOT"]).tolist())
    _free_clause_subjects(doc, numpy.flatnonzero(deps == doc.vocab.strings["advcl"]).tolist())
    _actives_read_as_passives(
        doc, numpy.flatnonzero(deps == doc.vocab.strings["nsubj:pass"]).tolist()
    )
    _objects_read_as_obliques(doc, numpy.flatnonzero(deps == doc.vocab.strings["obl"]).tolist())
    objects = numpy.flatnonzero(deps == doc.vocab.strings["obj"])
    _lift_verbs_inside_objects(doc, [i for i in objects.tolist() if pos[heads[i] + i] in _NOUNS])
    _reduce_affiliations(doc, [i for i in subjects.tolist() if doc[i].head.lower_ in _REDUCED])
    _join_hyphenated_objects(doc, objects.tolist())
    _describe_objects(doc, numpy.flatnonzero(deps == doc.vocab.strings["xcomp"]).tolist())
    second = objects.tolist() + numpy.flatnonzero(deps == doc.vocab.strings["iobj"]).tolist()
    _split_receivers_from_objects(doc, second)
    modifiers = (deps == doc.vocab.strings["amod"]) | (deps == doc.vocab.strings["compound"])
    _raise_gerunds_of_charges(doc, numpy.flatnonzero(modifiers).tolist())
    _raise_marked_gerunds(doc, numpy.flatnonzero(deps == doc.vocab.strings["amod"]).tolist())
    return doc


#: Words that lay an act at someone's door and take it as a gerund: "accused Russia *of
#: bombing* hospitals", "blamed Kyiv *for shelling*…", "charged *with killing*…".
_CHARGING: Final = frozenset(
    {"accuse", "blame", "charge", "suspect", "indict", "convict", "condemn", "criticize",
     "criticise", "responsible", "guilty"}
)  # fmt: skip
_CHARGE_CASES: Final = frozenset({"of", "for", "with"})


def _raise_gerunds_of_charges(doc: Doc, modifiers: list[int]) -> None:
    """A gerund the parse read as the modifier of its own object after "accused X of":
    "Ukraine accused Russia of *bombing* hospitals" had "bombing" as a compound of
    "hospitals" (and "killing civilians" as an adjective), so the charge named no act. After
    a word of charging, "of/for/with" + "-ing" word + noun is the act and its object: the
    word becomes the clause (``acl`` of the accused, ``advcl`` of the verb), the noun its
    object. ``modifiers``: the ``amod`` and ``compound`` tokens (from the arrays), so that
    the rest of the document builds no Token."""
    moves: list[tuple[int, int, str | None]] = []
    for i in modifiers:
        word = doc[i]
        noun = word.head
        if not (
            word.lower_.endswith("ing")
            and word.i > 0
            and noun.i > word.i
            and noun.dep_ in ("nmod", "obl")
            # every word up to the noun is its own modifier ("of killing *innocent* civilians")
            and all(doc[j].head.i == noun.i for j in range(word.i + 1, noun.i))
        ):
            continue
        case = doc[word.i - 1]
        if case.head.i != noun.i or case.lower_ not in _CHARGE_CASES:
            continue
        owner = noun.head  # the accused ("accused *Russia* of…") or the verb ("blamed for…")
        frame = owner.head if noun.dep_ == "nmod" else owner
        if frame.lemma_ not in _CHARGING and owner.lemma_ not in _CHARGING:
            continue
        dep = "acl" if noun.dep_ == "nmod" else "advcl"
        moves += [(word.i, owner.i, dep), (noun.i, word.i, "obj"), (case.i, word.i, "mark")]
        word.pos_, word.tag_ = "VERB", "VBG"
    _move(doc, moves)


def _raise_marked_gerunds(doc: Doc, modifiers: list[int]) -> None:
    """A gerund the parse made the adjective of its own object although a conjunction opens
    it: "retaliated *by imposing* tariffs" with "imposing" describing "tariffs". An adjective
    takes no "by", "after" or "without", so the gerund is a clause of the verb above the
    noun, and the noun its object."""
    moves: list[tuple[int, int, str | None]] = []
    for i in modifiers:
        gerund, noun = doc[i], doc[i].head
        if gerund.tag_ != "VBG" or noun.i < i or noun.head.i == noun.i:
            continue
        if not any(c.dep_ == "mark" and c.i < i for c in gerund.children):
            continue
        verb = noun.head
        moves += [(i, verb.i, "advcl"), (noun.i, i, "obj")]
        # what the noun's phrase began with before the gerund is the gerund's
        moves += [(c.i, i, None) for c in noun.children if c.i < i]
        gerund.pos_ = "VERB"
    _move(doc, moves)


def _join_hyphenated_objects(doc: Doc, objects: list[int]) -> None:
    """A noun joined by a hyphen to the participle after it ("*government*-held",
    "*rebel*-held", "*US*-backed") modifies the noun that participle describes, but the parse
    may give the verb both as objects: "Rebels shelled the *government*-held *district* of
    Aleppo" then had the government as what was shelled. Where a verb has a second object
    after such a word, the word becomes that object's modifier. ``objects``: ``obj`` tokens."""
    moves = []
    for i in objects:
        word = doc[i]
        if i + 2 >= len(doc) or word.whitespace_ or doc[i + 1].text != "-":
            continue
        if doc[i + 1].whitespace_:
            continue
        later = next((c for c in word.head.children if c.dep_ == "obj" and c.i > i + 1), None)
        if later is not None and all(
            doc[j].head.i in range(i + 1, later.i + 1) for j in range(i + 2, later.i)
        ):
            moves.append((i, later.i, "compound"))
    _move(doc, moves)


#: Verbs of giving whose first object is who receives: "gave *Kyiv* new military aid".
_GIVING: Final = frozenset(
    {"give", "send", "offer", "grant", "promise", "sell", "lend", "hand", "pay", "owe",
     "deny", "award", "allow", "ship", "supply"}
)  # fmt: skip


def _split_receivers_from_objects(doc: Doc, objects: list[int]) -> None:
    """A name right after a verb of giving that the parse made a compound of the object
    after it: "Washington gave *Kyiv* new military aid", "the EU gave *Turkey* three billion
    euros", "sent *Israel* more bombs" (the name hung on "aid", "euros", "bombs", so nobody
    received anything; the component runs before the entity recognizer, so a proper noun is
    what names the receiver). An English compound comes after the adjectives and numbers of its
    noun, not before them, so a name followed by the noun's own adjective, number or
    determiner is the verb's first object: it becomes the ``iobj``, the noun the ``obj``.
    ``objects``: the ``obj`` and ``iobj`` tokens."""
    moves: list[tuple[int, int, str | None]] = []
    for i in objects:
        noun = doc[i]
        verb = noun.head
        if not _GIVING.intersection((verb.lemma_, verb.lower_)):
            continue
        name = next(
            (c for c in noun.children if c.dep_ == "compound" and c.left_edge.i == verb.i + 1),
            None,
        )
        if name is None or name.pos_ != "PROPN" or name.i + 1 >= noun.i:
            continue
        between = doc[name.i + 1 : noun.i]
        if doc[name.i + 1].pos_ not in ("ADJ", "NUM", "DET") or any(
            t.pos_ == "PROPN" or not name.i < t.head.i <= noun.i for t in between
        ):
            continue
        moves += [(name.i, verb.i, "iobj"), (noun.i, verb.i, "obj")]
    _move(doc, moves)


#: Participles that tie a group to the body it belongs to ("gunmen *affiliated* with al
#: Qaeda", "fighters *linked* to Islamic State"); a sponsor's ("*backed* by", "*allied* with")
#: is not one: an ally is another party.
AFFILIATED: Final = frozenset(
    {"affiliated", "linked", "tied", "aligned", "associated", "connected", "belonging"}
)
#: Participles the parse takes for the main verb before the clause's own verb: the
#: affiliations and "allied" ("Rebels *allied* with Turkey shelled…").
_REDUCED: Final = AFFILIATED | {"allied"}
#: Prepositions that name the body a group is affiliated with.
_AFFILIATION_CASES: Final = frozenset({"to", "with"})


#: Words that tie a group to a side, which the parse takes for a predicate of the verb's
#: object ("targeting rebels *opposed* to Assad" as "targeting them [to be] opposed").
_SIDING: Final = _REDUCED | {"opposed", "loyal", "close", "hostile", "sympathetic", "friendly"}


def _describe_objects(doc: Doc, predicates: list[int]) -> None:
    """A word of siding ("opposed", "loyal", "linked") right after the verb's object, with
    its "to"/"with" phrase, describes the object ("rebels opposed to Assad"), it is not a
    predicate the verb puts on it."""
    moves: list[tuple[int, int, str | None]] = []
    for i in predicates:
        word, verb = doc[i], doc[i].head
        if word.lower_ not in _SIDING or affiliated_body(word) is None:
            continue
        obj = next((c for c in verb.children if c.dep_ == "obj" and c.right_edge.i == i - 1), None)
        if obj is not None:
            moves.append((i, obj.i, "amod" if word.tag_ == "JJ" else "acl"))
    _move(doc, moves)


def affiliated_body(participle: Token) -> Token | None:
    """The "to"/"with" phrase naming the body an affiliation participle ties its noun to
    ("linked *to Islamic State*"), if it has one."""
    return next(
        (
            c
            for c in participle.children
            if c.dep_ in ("obl", "nmod")
            and any(g.dep_ == "case" and g.lower_ in _AFFILIATION_CASES for g in c.children)
        ),
        None,
    )


def _reduce_affiliations(doc: Doc, subjects: list[int]) -> None:
    """Make an affiliation the parse took for the main verb the modifier it is: "Two gunmen
    *linked* to Islamic State *killed* four policemen" is parsed with "linked" as the root and
    "killed" a clause of it ("Rebels *allied*… " aside, the parse makes this error on every
    such sentence of the checks), so the act had no doer. An affiliation participle with a
    subject, a "to"/"with" phrase and, after it, a finite verb hung on it as a conjunct
    without "and", a complement or a subordinate clause (the preposition then read as its
    marker) is a reduced relative: the later verb heads the clause, the noun is its subject
    and the participle describes the noun. ``subjects``: ``nsubj`` tokens of such
    participles."""
    moves: list[tuple[int, int, str | None]] = []
    for i in subjects:
        noun = doc[i]
        participle = noun.head
        if noun.i > participle.i or noun.right_edge.i + 1 != participle.i:
            continue
        body = affiliated_body(participle)
        verb = next(
            (
                c
                for c in participle.children
                if c.dep_ in ("conj", "advcl", "xcomp")
                and c.tag_ in _FINITE
                and c.i > participle.i
                and not any(g.dep_ == "cc" for g in c.children)
            ),
            None,
        )
        if verb is None:
            continue
        subject = next((c for c in verb.children if c.dep_ in _SUBJECTS), None)
        marker = next((c for c in verb.children if c.dep_ == "mark"), None)
        if body is None and subject is not None and marker is not None:
            # "Rebels affiliated *with* Turkey shelled…": the phrase read as the clause's
            # subject and marker
            if marker.lower_ not in _AFFILIATION_CASES or subject.right_edge.i + 1 != verb.i:
                continue
            body = subject
            moves += [(subject.i, participle.i, "obl"), (marker.i, subject.i, "case")]
        elif body is None or subject is not None or body.right_edge.i + 1 != verb.i:
            continue
        moves += [
            (verb.i, participle.head.i if participle.dep_ != "ROOT" else verb.i, participle.dep_),
            (noun.i, verb.i, "nsubj"),
            (participle.i, noun.i, "acl"),
        ]
        moves += [
            (c.i, verb.i, None)
            for c in participle.children
            if c.i > verb.i or (c.dep_ == "punct" and c.i > participle.i)
        ]
    _move(doc, moves)


def _lift_verbs_inside_objects(doc: Doc, objects: list[int]) -> None:
    """A noun has no object; where the parse gives one a finite or past verb it read as the
    object's adjective stands between them: "Wagner *mercenaries* executed *dozens* of
    civilians, the UN said" parsed with "dozens" the object of "mercenaries" and "executed"
    its modifier. That verb heads the clause: the noun is its subject, the object its object,
    and the verb takes the noun's place (a reported clause before "…, the UN said" is that
    verb's complement)."""
    found = []
    for i in objects:
        obj = doc[i]
        noun = obj.head
        verb = next(
            (
                c
                for c in obj.children
                if c.dep_ in _MODIFIER_DEPS and c.tag_ in ("VBD", "VBN") and noun.i < c.i < obj.i
            ),
            None,
        )
        if verb is None or verb.left_edge.i != verb.i:
            continue
        # the noun's own phrase ("Wagner mercenaries", "troops in Mali") ends at the verb
        own = [c.right_edge.i for c in noun.children if c.i != obj.i and c.i < verb.i]
        if max([noun.i, *own]) + 1 == verb.i:
            found.append((noun, verb, obj))
    moves: list[tuple[int, int, str | None]] = []
    for noun, verb, obj in found:
        if noun.dep_ == "ROOT":
            moves.append((verb.i, verb.i, "ROOT"))
        elif noun.dep_ == "nsubj" and noun.head.i > obj.right_edge.i:
            moves.append((verb.i, noun.head.i, "ccomp"))  # "…, the UN said"
        else:
            continue
        moves += [(noun.i, verb.i, "nsubj"), (obj.i, verb.i, "obj")]
        verb.pos_ = "VERB"
    _move(doc, moves)


#: Words that open a clause and that the parse can take for a preposition: "after", "before",
#: "since", "until" are both; the rest are read as ``case`` only in parse errors.
_SUBORDINATORS: Final = frozenset(
    {"after", "before", "since", "until", "as", "when", "while", "because", "once", "though"}
)
#: Tags of a finite verb, which must have a subject of its own.
_FINITE: Final = frozenset({"VBD", "VBZ", "VBP"})


def _free_clause_subjects(doc: Doc, clauses: list[int]) -> None:
    """Give a subordinate clause back the subject the parse took for the object of its
    conjunction: "…deployed 600 troops to Papua *after rebels killed* 19 workers" was read as
    "deployed … after rebels", with "killed" a subjectless clause, so the main clause's
    subject became the killer. A finite clause verb without a subject, right after a noun the
    parse hung on the same verb behind "after"/"before"/"since"/…, has that noun as subject
    and the conjunction as its mark."""
    found = []
    for i in clauses:
        verb = doc[i]
        if verb.tag_ not in _FINITE or any(c.dep_.startswith("nsubj") for c in verb.children):
            continue
        noun = doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
        if noun is None or noun.dep_ != "obl" or noun.head.i != verb.head.i:
            continue
        opener = next((c for c in noun.children if c.dep_ == "case"), None)
        if opener is None or opener.i != noun.left_edge.i or opener.lower_ not in _SUBORDINATORS:
            continue
        found.append((verb, noun, opener))
    _move(doc, [m for v, n, o in found for m in ((n.i, v.i, "nsubj"), (o.i, v.i, "mark"))])


def _actives_read_as_passives(doc: Doc, passive_subjects: list[int]) -> None:
    """A past verb rooting a sentence with a passive subject but no passive auxiliary: "The UN
    envoy *called* for a pause." (``called``/VBN). Only headlines drop the auxiliary ("At
    least 107 killed in Mecca crane collapse"), and they end without a full stop; a sentence
    that ends with one and has no "by" phrase is active, so the subject is the doer."""
    moves: list[tuple[int, int, str | None]] = []
    for i in passive_subjects:
        subject, verb = doc[i], doc[i].head
        if verb.dep_ != "ROOT" or verb.tag_ not in ("VBN", "VBD") or subject.i > verb.i:
            continue
        if verb.lemma_ == "bear" or verb.sent[-1].text not in (".", "!"):
            continue  # "Leonardo born in Calaria."
        if any(c.dep_ in ("aux:pass", "cop", "aux") or by_agent(c) for c in verb.children):
            continue
        moves.append((i, verb.i, "nsubj"))
        verb.tag_ = "VBD"
    _move(doc, moves)


#: Nouns of time, which an oblique takes without a preposition ("met *Monday*", "left *last
#: week*"); any other noun the parse calls an unmarked oblique is the verb's object.
_TIME_NOUNS: Final = frozenset(
    {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
     "tonight", "yesterday", "tomorrow", "day", "days", "night", "nights", "morning",
     "afternoon", "evening", "week", "weeks", "weekend", "month", "months", "year", "years",
     "decade", "decades", "century", "hour", "hours", "minute", "minutes", "time", "times",
     "january", "february", "march", "april", "may", "june", "july", "august", "september",
     "october", "november", "december", "overnight", "home", "way"}
)  # fmt: skip


def _objects_read_as_obliques(doc: Doc, obliques: list[int]) -> None:
    """A noun after a verb without an object, attached as an oblique with no preposition
    ("The coalition has carried out more than 2,000 *strikes*"): UD gives an oblique a case
    marker unless it is a time ("met *Monday*"), so such a noun right after the verb (or its
    particle) is the verb's object (8 of ~100,000 obliques in EWT train lack one); one
    further on is some other misreading ("met with Obama to discuss…, further *provocations*")."""
    moves: list[tuple[int, int, str | None]] = []
    for i in obliques:
        noun, verb = doc[i], doc[i].head
        if noun.pos_ not in ("NOUN", "PROPN") or verb.pos_ != "VERB" or verb.i > noun.i:
            continue
        if noun.lower_ in _TIME_NOUNS or any(c.dep_ in ("case", "mark") for c in noun.children):
            continue
        before = doc[noun.left_edge.i - 1]
        right_after = before.i == verb.i or (
            before.head.i == verb.i and before.dep_ in ("compound:prt", "advmod")
        )
        if right_after and not any(c.dep_ == "obj" for c in verb.children):
            moves.append((i, verb.i, "obj"))
    _move(doc, moves)


def _nouns_read_as_verbs(doc: Doc, subjects: list[int]) -> None:
    """A plural noun the tagger read as a present verb, with the name before it as its
    subject: "since the Paris *attacks*" (``attacks``/VBZ, "Paris" its subject). A verb takes
    no preposition of its own, so a word with a subject *and* a preposition before both, in
    an oblique or nominal modifier, is a noun, and the name its compound."""
    moves: list[tuple[int, int, str | None]] = []
    for i in subjects:
        subject, word = doc[i], doc[i].head
        if word.tag_ not in ("VBZ", "VBP") or word.dep_ not in ("obl", "nmod") or i > word.i:
            continue
        if any(c.dep_ == "case" and c.i < subject.left_edge.i for c in word.children):
            moves.append((i, word.i, "compound"))
            _retag_as_noun(word)
    _move(doc, moves)


def _retag_as_noun(word: Token) -> None:
    """Make a word the tagger misread a common noun, plural if it ends in "s"."""
    word.pos_ = "NOUN"
    word.tag_ = "NNS" if word.lower_.endswith("s") else "NN"


def _lift_cases_to_nouns(doc: Doc, cases: list[int]) -> None:
    """A preposition the parse hung on the number or determiner opening its noun phrase
    ("delivered food *to* 20,000 people" with "to" on "20,000"): it marks the noun, so the
    phrase is read as the oblique it is."""
    moves: list[tuple[int, int, str | None]] = []
    for i in cases:
        word = doc[i].head
        if word.dep_ not in ("nummod", "det") or word.i != i + 1:
            continue
        noun = word.head
        if (
            noun.i > word.i
            and noun.pos_ in _NOMINAL
            and not any(c.dep_ == "case" for c in noun.children)
        ):
            moves.append((i, noun.i, None))
    _move(doc, moves)


def _free_relative_subjects(doc: Doc, clauses: list[int]) -> None:
    """The subject of a relative clause without "that" the parse made an apposition of the
    noun the clause describes: "a charge *the Kremlin* rejected" had "Kremlin" describing
    "charge" and "rejected" no subject. A finite verb (VBD, VBP, VBZ) modifying a noun,
    right after a noun phrase that is that noun's apposition, takes the phrase as its
    subject."""
    moves: list[tuple[int, int, str | None]] = []
    for i in clauses:
        verb = doc[i]
        if verb.tag_ not in ("VBD", "VBP", "VBZ") or verb.i < verb.head.i:
            continue
        if any(c.dep_ in _SUBJECTS for c in verb.children):
            continue
        noun = verb.head
        subject = next(
            (
                c
                for c in noun.children
                if c.dep_ == "appos" and c.right_edge.i == i - 1 and c.pos_ in _NOMINAL
            ),
            None,
        )
        if subject is not None and not any(t.text in _BREAKS for t in subject.subtree):
            moves += [(subject.i, i, "nsubj"), (i, noun.i, "acl:relcl")]
    _move(doc, moves)


def _free_subjects_from_openers(doc: Doc, roots: list[int]) -> None:
    """A subject the parse made an apposition inside the phrase that opens the sentence:
    "According to the Syrian Observatory for Human Rights, Turkish *jets* struck…" had "jets"
    describing "Rights" and the verb no subject. A root verb without a subject whose opening
    phrase ends, after a comma, in a noun apposition running up to the verb takes it back as
    its subject."""
    moves: list[tuple[int, int, str | None]] = []
    for i in roots:
        verb = doc[i]
        if verb.pos_ != "VERB" or verb.i == verb.sent.start:
            continue
        if any(c.dep_ in _SUBJECTS or c.dep_ == "expl" for c in verb.children):
            continue
        word = doc[i - 1]
        while word.dep_ != "appos" and word.head.i < i and word.head.i != word.i:
            word = word.head
        if word.dep_ != "appos" or word.pos_ not in _NOMINAL or word.right_edge.i != i - 1:
            continue
        start = word.left_edge.i
        if doc[start].text != "," and doc[start - 1].text != ",":
            continue
        opener = word.head
        while opener.head.i != i and opener.head.i != opener.i and opener.head.i < i:
            opener = opener.head
        if opener.head.i == i and opener.dep_ in ("obl", "advcl", "obl:unmarked"):
            moves.append((word.i, i, "nsubj"))
            if doc[start].text == ",":
                moves.append((start, i, None))  # the comma closes the opener
    _move(doc, moves)


def _join_split_subjects(doc: Doc, subjects: list[int]) -> None:
    """Coordinate two subjects the parse hung on one verb with the "and" between them on the
    verb too ("The Yemeni *government* and the *Houthis* exchanged…"): the second becomes the
    first's conjunct, so the act has both as its actor, as "X and Y" parsed well has."""
    by_verb: dict[int, list[Token]] = {}
    for i in subjects:
        token = doc[i]
        if token.head.i > token.i:
            by_verb.setdefault(token.head.i, []).append(token)
    joins = []
    titles: list[tuple[Token, Token]] = []
    for verb_i, found in by_verb.items():
        if len(found) != 2:
            continue
        first, second = sorted(found, key=lambda t: t.i)
        cc = _and_between(doc[verb_i], first, second)
        if cc is not None:
            joins.append((first, second, cc))
        elif _name_after_its_title(first, second) or _name_before_its_noun(first, second):
            titles.append((first, second))
    _move(
        doc,
        [m for f, s, cc in joins for m in ((s.i, f.i, "conj"), (cc.i, s.i, None))]
        + [(f.i, s.i, "compound") for f, s in titles],
    )


def _and_between(verb: Token, first: Token, second: Token) -> Token | None:
    """The "and" the parse hung on ``verb`` between two subjects it split, if any."""
    cc = next(
        (c for c in verb.children if c.dep_ == "cc" and first.i < c.i < second.left_edge.i + 1),
        None,
    )
    return cc if cc is not None and cc.lower_ in ("and", "&") else None


def _join_subjects_cut_at_and(doc: Doc, roots: list[int]) -> None:
    """Two coordinated subjects the parse cut at "and", rooting the sentence on the first and
    making the verb its conjunct: "India and the US agreed to expand…" had "India" as the
    root and "agreed" (with "the US" its only subject) coordinated with it, so India did
    nothing. A nominal root whose conjunct verb has a subject after the root, with that
    verb's "and" between the two, is the verb's subject: the verb becomes the root, the
    second subject the first's conjunct. ``roots``: the ``ROOT`` tokens."""
    moves: list[tuple[int, int, str | None]] = []
    for i in roots:
        first = doc[i]
        if first.pos_ not in ("NOUN", "PROPN"):
            continue
        verb = next((c for c in first.children if c.dep_ == "conj" and c.pos_ == "VERB"), None)
        if verb is None:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        if len(subjects) != 1 or subjects[0].i < first.i:
            continue
        second = subjects[0]
        if second.pos_ == "PRON":
            continue  # "Eric Levi and I'm arguing…", "…and may it please the Court": a clause
        cc = _and_between(verb, first, second)
        if cc is None:
            continue
        if any(c.pos_ in ("VERB", "AUX") and first.i < c.i < cc.i for c in first.children):
            continue  # "War came and they agreed": the first noun has a verb of its own
        moves += [(verb.i, verb.i, "ROOT"), (first.i, verb.i, "nsubj"), (second.i, first.i, "conj")]
        moves.append((cc.i, second.i, None))
        # what hung on the cut root after the verb ("." and later phrases) is the verb's
        moves += [(c.i, verb.i, None) for c in first.children if c.i > verb.i]
    _move(doc, moves)


def _name_before_its_noun(first: Token, second: Token) -> bool:
    """Whether two subjects of one verb are a name and the noun it modifies: "*Boko Haram*
    *militants* burned down a village" (the name a second subject beside "militants")."""
    return (
        first.pos_ == "PROPN"
        and second.pos_ == "NOUN"
        and first.right_edge.i + 1 == second.left_edge.i == second.i
        and not any(t.text in _BREAKS for t in first.subtree)
    )


def _name_after_its_title(first: Token, second: Token) -> bool:
    """Whether two subjects of one verb are one phrase the parse cut at the name: "Band
    *member* *Flea* shared", "Former Florida Gov. *Jeb* *Bush* says", "The *rebel*
    *Kurdistan Workers' Party* issued". The first, a noun or name ending right where the
    second, a name, begins, is a modifier of it: so the speaker or actor is the whole phrase,
    not the title. A dateline ("RENO, Nev. (AP) — … Donald Trump says"), a date ("Monday")
    or anything with punctuation between is left as the parse has it."""
    if first.right_edge.i + 1 != second.left_edge.i or second.pos_ != "PROPN":
        return False
    if first.pos_ not in ("NOUN", "PROPN") or (first.is_upper and len(first) > 2):
        return False
    if any(t.pos_ == "ADP" and t.tag_ != "POS" for t in first.subtree):
        return False  # "estimates *of* the number of refugees Obama will accept": a clause
    phrase = first.doc[first.left_edge.i : second.right_edge.i + 1]
    return not any(
        t.text in _BREAKS or t.is_space or t.ent_type_ in ("DATE", "TIME") for t in phrase
    )


#: Punctuation that separates two phrases; an apostrophe or hyphen is part of a name
#: ("Kurdistan Workers' Party", "front-runner").
_BREAKS: Final = frozenset({",", ";", ":", "(", ")", "[", "]", "—", "–", "--", '"', "“", "”"})


def _stranded_verb(root: Token) -> Token | None:
    """The finite past verb the parse hung on a nominal root with no copula, if any: on the
    root itself, or as the adjective of a noun the root's name or number phrase runs into
    ("Chadian President Idriss Deby *accused* Sudan…" with "Sudan" an apposition of "Idriss",
    "Thousands of farmers *staged* protests" with "protests" a modifier of "Thousands")."""
    if any(c.dep_ == "cop" for c in root.children):
        return None
    if root.pos_ not in _NOMINAL:
        # the morphologizer may call a plural noun root a verb ("troops"/NNS/VERB)
        return _buried_verb(root) if root.tag_ in ("NN", "NNS", "NNP", "NNPS") else None
    direct = next(
        (
            c
            for c in root.children
            if (c.dep_ in _MODIFIER_DEPS or c.dep_ in ("xcomp", "flat"))
            # a participle with a subject of its own is no adjective: "The UN *delivered* aid"
            and (
                c.tag_ == "VBD"
                or (c.tag_ == "VBN" and any(g.dep_ == "nsubj" for g in c.children))
                or _past_read_as_adjective(c)
                or _active_participle(c)
                or _participle_between_nouns(c, root)
                # "Blinken *spoke* by phone…" read as part of the name: no name is lower-case
                or (c.dep_ == "flat" and c.tag_ in ("VBD", "VBN") and c.is_lower)
            )
        ),
        None,
    )
    if direct is not None:
        return direct
    for noun in root.children:
        # "Colombia's government and the FARC rebels *signed*…": on the root's conjunct
        if noun.dep_ == "conj" and noun.i > root.i and noun.pos_ in _NOMINAL:
            verb = next(
                (c for c in noun.children if c.tag_ == "VBD" and c.dep_ in _MODIFIER_DEPS),
                None,
            )
            if verb is not None and verb.i > noun.i:
                return verb
    for noun in root.children:
        if noun.dep_ not in _RUN_ON or noun.i < root.i:
            continue
        verb = next(
            (c for c in noun.children if c.dep_ == "amod" and _verb_before_object(c, root)), None
        )
        if verb is not None and verb.i < noun.i:
            return verb
    return _buried_verb(root)


def _participle_between_nouns(word: Token, root: Token) -> bool:
    """A participle the parse made an adjective of the noun root of a verbless sentence,
    with a noun right before it that runs on into the root's phrase: "US-led coalition
    aircraft *bombed* Islamic State positions in Raqqa." read as one noun phrase. A noun
    does not take a participle in the middle of its own compound ("the *wounded* soldiers",
    "Russian-*made* missiles" have none before it, or a hyphen), so the words before it are
    the subject and the root its object."""
    past = word.tag_ == "VBN" or _tagged_adjective_past(word)
    if not past or word.dep_ != "amod" or word.i > root.i or word.i == 0:
        return False
    before = word.doc[word.i - 1]
    if any(c.i > word.i for c in word.children) or word.doc[root.sent.end - 1].text not in (
        ".",
        "!",
    ):
        return False
    if not before.whitespace_ or before.head.i < word.i:
        return False
    # a finite verb coordinated with the root shows the root is a clause's object: "Myanmar's
    # military *seized* power in a coup and detained…" (with "military" an adjective)
    coordinated = any(c.dep_ == "conj" and c.tag_ == "VBD" for c in root.children)
    return before.pos_ in ("NOUN", "PROPN") or (coordinated and before.pos_ == "ADJ")


def _verb_before_object(word: Token, root: Token) -> bool:
    """A past form the parse made the adjective of the noun after it: a finite one (VBD), or
    a participle right after the root noun with nothing of its own ("A UN convoy *delivered*
    food…", with "food" a modifier of "convoy"); "the *besieged* town" follows no root."""
    if word.tag_ == "VBD":
        return True
    return word.tag_ == "VBN" and word.i == root.i + 1 and not any(word.children)


#: Verbs whose passive participle keeps an object ("the man *given* an award", "aid
#: *promised* Syria"): with them a participle and its object are no active clause.
DITRANSITIVE: Final = frozenset(
    {"give", "award", "grant", "offer", "send", "show", "tell", "ask", "promise", "deny",
     "allow", "pay", "lend", "owe", "hand", "teach", "charge", "assign", "call", "name",
     "elect", "appoint", "consider", "leave", "bring", "sell", "cost", "spare", "refuse"}
)  # fmt: skip


def _active_participle(word: Token) -> bool:
    """A past form tagged as a participle (VBN) after the noun root of a verbless sentence,
    with a direct object, no auxiliary, no comma before it and no "by" phrase: "Coalition
    warplanes *struck* Raqqa", "Syrian regime warplanes *bombed* rebel-held districts". A
    passive participle takes no object (but for a few verbs of giving and naming, left out),
    so the word is the clause's active verb, which the tagger could not tell from a
    participle."""
    return (
        word.tag_ == "VBN"
        and word.dep_ in ("acl", "xcomp")  # "British and French warplanes *struck*…": xcomp
        and word.i > word.head.i
        and word.lemma_ not in DITRANSITIVE
        and any(c.dep_ == "obj" for c in word.children)
        and not any(c.dep_ in ("aux", "aux:pass", "cop", "mark") for c in word.children)
        and not _participle_phrase(word)
    )


def _tagged_adjective_past(word: Token) -> bool:
    """A past form ("-ed", or an irregular one we know) the tagger called an adjective (JJ):
    "Rebels *clashed*/JJ…", "The junta *forbade*/JJ gatherings"."""
    return word.tag_ == "JJ" and (word.lower_.endswith("ed") or irregular_past(word.lower_))


def _takes_by_phrase(word: Token) -> bool:
    """Whether a participle takes a "by" phrase: passive ("*frightened* by the shelling")."""
    return any(by_agent(c) for c in word.children)


def _participle_phrase(word: Token) -> bool:
    """A participle set off by a comma or taking a "by" phrase (", *backed* by Iran"): it
    describes the noun before it, it is not the clause's verb."""
    return word.doc[word.i - 1].text == "," or _takes_by_phrase(word)


def _past_read_as_adjective(word: Token) -> bool:
    """A past form tagged JJ in a clause after the noun root of a verbless sentence:
    "Government troops *clashed* with forces loyal to Machar"; not a participle phrase."""
    return (
        _tagged_adjective_past(word)
        and word.dep_ in _MODIFIER_DEPS  # "supporters *clashed*/JJ with police": amod too
        and word.i > word.head.i
        and not _participle_phrase(word)
    )


def _past_root_read_as_adjective(word: Token) -> bool:
    """A past form tagged JJ that roots a sentence with a subject: "Rebels *clashed* with the
    army" (the caller has ruled out a copula); not one with a "by" phrase ("Residents
    *frightened* by the shelling")."""
    return _tagged_adjective_past(word) and word.dep_ == "ROOT" and not _takes_by_phrase(word)


#: Bare nouns of "by" phrases that say how, never who: "retake Crimea *by force*", "spoke
#: *by phone*", "arrived *by sea*".
_BY_MEANS: Final = frozenset(
    {"force", "hand", "phone", "telephone", "air", "land", "sea", "road", "rail", "car",
     "train", "plane", "mail", "email", "video", "decree", "proxy", "default", "mistake",
     "accident", "chance", "law", "consensus", "referendum"}
)  # fmt: skip


def by_agent(child: Token) -> bool:
    """A passive verb's "by" phrase ("shelled *by government forces*"); the event
    arguments read the doer of a passive by it too. A bare noun of means ("*by force*") is
    none."""
    if child.lower_ in _BY_MEANS and all(g.dep_ == "case" for g in child.children):
        return False
    return child.dep_ == "obl:agent" or (
        child.dep_ == "obl" and any(g.dep_ == "case" and g.lower_ == "by" for g in child.children)
    )


def _buried_verb(root: Token) -> Token | None:
    """A past verb the parse buried deeper in a verbless sentence: "Government troops loyal
    to President Salva *Kiir* clashed with…" ("clashed" a modifier of "Kiir"), "Kenyan
    police, who were deployed to Haiti, *clashed* with gangs" (a conjunct of the relative
    clause, tagged JJ). Only the first such word, and only one with no subject of its own."""
    for word in root.subtree:
        if word.i <= root.i or any(c.dep_ in _SUBJECTS for c in word.children):
            continue
        if (
            word.tag_ == "VBD"
            and word.dep_ in _MODIFIER_DEPS
            and word.head.i < word.i
            and not _participle_phrase(word)  # ", *supported* by the entire liberal media"
        ):
            return word
        after_clause = (
            word.dep_ == "conj"
            and word.head.dep_ == "acl:relcl"
            and word.doc[word.i - 1].text == ","
            and (word.tag_ in ("VBD", "VBN") or _tagged_adjective_past(word))
        )
        if after_clause:
            return word
    return None


def _reroot_stranded_verbs(doc: Doc, roots: list[int]) -> None:
    """Make each stranded finite verb the root of its sentence or reported clause (see the
    module): "Coalition warplanes *struck* Raqqa…, the Pentagon said" has the noun as the
    complement of "said". Only the clause heads ``roots`` (token indices) are looked at."""
    found = [(doc[i], verb) for i in roots if (verb := _stranded_verb(doc[i])) is not None]
    if not found:
        return
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for root, verb in found:
        if root.dep_ == "ROOT":
            heads[verb.i], deps[verb.i] = verb.i, "ROOT"
        else:  # the verb heads the reported clause in the noun's place
            heads[verb.i], deps[verb.i] = root.head.i, root.dep_
        # a head before the verb is in its subject ("the FARC *rebels* signed", "troops loyal
        # to *Kiir* clashed"); one after it is the noun it described, its object
        if verb.head.i != root.i and verb.head.i > verb.i:
            # "Idriss Deby accused Sudan": the noun it described
            noun = verb.head
            heads[noun.i], deps[noun.i] = verb.i, "obj"
            # What the parse hung on that noun before the verb describes the subject:
            # "Thousands of farmers *across Kenya* staged protests".
            before = [c for c in noun.children if c.i < verb.i]
            nominal = next((c for c in reversed(before) if c.pos_ in _NOMINAL), None)
            if nominal is not None:
                for child in before:
                    if child.i != nominal.i:
                        heads[child.i] = nominal.i
                heads[nominal.i], deps[nominal.i] = root.i, "nmod"
        if root.i < verb.i:  # "Palmieri called on Trump": the root is the subject
            heads[root.i], deps[root.i] = verb.i, "nsubj"
            for child in root.children:
                if child.i > verb.i:
                    heads[child.i] = verb.i
                    if deps[child.i] == "nmod":  # "…delivered food *to 20,000 people*"
                        deps[child.i] = "obl"
        else:  # "They described crass behavior": the root is the object
            heads[root.i], deps[root.i] = verb.i, "obj"
            # a word the parse already hung on the verb right before it heads the subject:
            # "Myanmar's *military* seized power" ("Myanmar's" is the military's)
            own = next((c for c in verb.children if c.i == verb.i - 1 and c.dep_ != "punct"), None)
            if own is not None:
                deps[own.i] = "nsubj"
            coordinated = next(
                (c for c in root.children if c.dep_ == "conj" and c.tag_ == "VBD"), None
            )
            for child in root.children:
                if own is not None and child.i < own.i:
                    heads[child.i] = own.i
                elif coordinated is not None and child.i == coordinated.i:
                    heads[child.i] = verb.i  # "…seized power in a coup and *detained*…"
                elif (
                    coordinated is not None
                    and child.dep_ == "appos"
                    and child.i > coordinated.i
                    and not any(g.dep_ == "obj" for g in coordinated.children)
                ):
                    heads[child.i], deps[child.i] = coordinated.i, "obj"  # "…detained *X*"
                elif child.i < verb.i or (child.i > root.i and child.dep_ == "punct"):
                    heads[child.i] = verb.i
                    if child.dep_ in _SUBJECT_AS_MODIFIER and child.pos_ in _NOMINAL:
                        deps[child.i] = "nsubj"
    _write_arcs(doc, heads, deps)
    for _, verb in found:
        if verb.pos_ not in ("VERB", "AUX"):
            verb.pos_ = "VERB"  # the morphologizer called it an adjective: "*clashed*/VBD/ADJ"


def _move(doc: Doc, moves: Sequence[tuple[int, int, str | None]]) -> None:
    """Give each (token, new head, new relation or None to keep it) its arc, all at once."""
    if not moves:
        return
    heads = [t.head.i for t in doc]
    deps = [t.dep_ for t in doc]
    for token, head, dep in moves:
        heads[token] = head
        if dep is not None:
            deps[token] = dep
    _write_arcs(doc, heads, deps)


def _write_arcs(doc: Doc, heads: list[int], deps: list[str]) -> None:
    """Set every token's head (absolute index) and relation at once."""
    array = numpy.empty((len(doc), 2), dtype="uint64")
    offsets = numpy.array([head - i for i, head in enumerate(heads)], dtype="int64")
    array[:, 0] = offsets.astype("uint64")  # relative heads, stored unsigned
    array[:, 1] = [doc.vocab.strings.add(dep) for dep in deps]
    doc.from_array([HEAD, DEP], array)  # type: ignore[arg-type]
