"""Indirect speech: a cue verb and the clause it reports, or "according to X".

"Kerry said that the coalition would…", "The war is not over, the minister said", "Russia
vowed to destroy…", "2,000 strikes, according to the Pentagon": the content is read off the
dependency parse (the cue's clausal complement, infinitive or object, or the rest of the
sentence for a parenthetical cue) and the speaker is the cue's subject. Content already
inside an attributed direct quote is not reported twice.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Final

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc, Token

from parallax.extract.attribution import Attribution, CharRange, overlap, token_runs
from parallax.extract.quote_cues import (
    COGNITION_VERBS,
    CUE_VERB_FORMS,
    INTENTION_VERBS,
    OBJECT_VERBS,
    PREPOSITION_VERBS,
    SPEECH_VERBS,
    cue_phrase,
    is_according_to,
    is_cue_verb,
    lemma_of,
)
from parallax.extract.syntax import noun_phrase, subject_of

#: Dependents of the cue after its complement that still belong to the reported content.
_TRAILING_DEPS: Final = frozenset({"obl", "advcl", "obj", "iobj", "xcomp", "ccomp", "advmod"})
#: Content shorter than this many words is not worth an attribution ("he said so").
MIN_CONTENT_WORDS: Final = 2


#: Nouns of opinion research: "*In a Des Moines Register poll*, Mr. Cruz had a lead" reports
#: the poll's finding.
_SURVEYS: Final = ("poll", "polls", "survey", "surveys")
#: Lower-case forms a cue can have: the verbs, "according" (to) and the colon of a quote line.
_CUE_FORMS: Final = CUE_VERB_FORMS | {"according", ":"} | frozenset(_SURVEYS)
_CUE_FORM_KEYS: Final = numpy.array(sorted(hash_string(form) for form in _CUE_FORMS), "uint64")


def indirect_attributions(doc: Doc, covered: list[CharRange]) -> list[Attribution]:
    """Attributions found from the parse, skipping content inside ``covered`` direct quotes."""
    found: list[Attribution] = []
    for i in cue_candidates(doc):
        token = doc[i]
        if _inside(token.idx, covered):
            continue
        if token.text == ":":
            attribution = _colon_line(doc, token)
            if attribution is not None and not _mostly_covered(attribution, covered):
                found.append(attribution)
            continue
        if token.lower_ in _SURVEYS:
            attribution = _in_survey(doc, token)
        elif is_according_to(token):
            attribution = _according_to(doc, token)
        elif is_cue_verb(token):
            attribution = _verb_attribution(doc, token)
        else:
            continue
        if attribution is None or _mostly_covered(attribution, covered):
            continue
        found.append(attribution)
    return found


def cue_candidates(doc: Doc) -> list[int]:
    """Indices of the tokens that may be a cue: lower-case form or lower-cased lemma among
    :data:`_CUE_FORMS`. Found in the ``Doc``'s arrays, so no ``Token`` is built for the other
    nineteen words in twenty (that loop was a tenth of the quote component's time)."""
    if not len(doc):
        return []
    lowers, lemmas = doc.to_array([LOWER, LEMMA]).T
    strings = doc.vocab.strings
    cue_lemmas = [k for k in numpy.unique(lemmas).tolist() if strings[k].lower() in _CUE_FORMS]
    hit = numpy.isin(lowers, _CUE_FORM_KEYS) | numpy.isin(lemmas, numpy.array(cue_lemmas, "uint64"))
    return numpy.flatnonzero(hit).tolist()


def _inside(position: int, ranges: Iterable[CharRange]) -> bool:
    return any(start <= position < end for start, end in ranges)


def _mostly_covered(attribution: Attribution, covered: list[CharRange]) -> bool:
    size = sum(end - start for start, end in attribution.content)
    shared = sum(overlap(part, c) for part in attribution.content for c in covered)
    return size == 0 or shared * 2 > size


def _according_to(doc: Doc, token: Token) -> Attribution | None:
    """ "According to X, …" / "…, according to X": the rest of the sentence is the content."""
    head = token.head if token.head.i > token.i + 1 else _next_noun(doc, token.i + 2)
    if head is None:
        return None
    source = noun_phrase(head)
    phrase = set(range(token.i, max(source.end, token.i + 2)))
    sentence = token.sent
    left = set(range(sentence.start, token.i))
    right = set(range(max(source.end, token.i + 2), sentence.end))
    content = left if _words(doc, left) >= _words(doc, right) else right
    content -= phrase
    if _words(doc, content) < MIN_CONTENT_WORDS:
        return None
    return Attribution(
        content=token_runs(doc, content),
        direct=False,
        cue=(token.i, token.i + 2),
        source=(source.start, source.end),
    )


def _in_survey(doc: Doc, survey: Token) -> Attribution | None:
    """ "In a new CNN poll, 45 percent backed Clinton": the clause the "in" phrase hangs on is
    the finding, the poll its source."""
    clause = survey.head
    if survey.dep_ not in ("obl", "nmod") or clause.i == survey.i or survey.i > clause.i:
        return None
    preposition = next((c for c in survey.children if c.dep_ == "case"), None)
    if preposition is None or preposition.lower_ != "in":
        return None
    phrase = {t.i for t in survey.subtree}
    content = {t.i for t in clause.subtree} - phrase
    if _words(doc, content) < MIN_CONTENT_WORDS:
        return None
    source = noun_phrase(survey)
    return Attribution(
        content=token_runs(doc, content),
        direct=False,
        cue=(preposition.i, preposition.i + 1),
        source=(source.start, source.end),
    )


def _colon_line(doc: Doc, colon: Token) -> Attribution | None:
    """Headline and summary style "Pat Caddell: Voters worried about…": a name, a colon and
    the rest of the line."""
    start = colon.i
    while start > 0 and "\n" not in doc[start - 1].whitespace_ and "\n" not in doc[start - 1].text:
        start -= 1
    name = doc[start : colon.i]
    if not 1 <= len(name) <= 5 or not all(
        t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG") for t in name
    ):
        return None
    end = colon.i + 1
    while end < len(doc) and "\n" not in doc[end].text:
        end += 1
        if "\n" in doc[end - 1].whitespace_:
            break
    content = set(range(colon.i + 1, end))
    if _words(doc, content) < MIN_CONTENT_WORDS:
        return None
    return Attribution(
        content=token_runs(doc, content),
        direct=False,
        cue=(colon.i, colon.i + 1),
        source=(name.start, name.end),
    )


def _next_noun(doc: Doc, start: int) -> Token | None:
    for i in range(start, min(start + 6, len(doc))):
        if doc[i].pos_ in ("PROPN", "NOUN", "PRON"):
            return doc[i]
    return None


def _verb_attribution(doc: Doc, verb: Token) -> Attribution | None:
    """A cue verb with its reported clause, infinitive or object, and its subject."""
    lemma = lemma_of(verb)
    subject = subject_of(verb)
    content = _content_of(verb, lemma)
    if content is None:
        return None
    cue = cue_phrase(verb)
    source = None
    if subject is None and lemma in SPEECH_VERBS and content and max(content) < verb.i:
        subject = _inverted_subject(verb)
    if subject is not None:
        phrase = noun_phrase(subject)
        source = (phrase.start, phrase.end)
        content -= set(range(phrase.start, phrase.end))
    elif lemma not in SPEECH_VERBS:
        return None  # "to announce", "hoping": belief and intention need a holder
    content -= set(range(cue.start, cue.end))
    if _words(doc, content) < MIN_CONTENT_WORDS:
        return None
    return Attribution(
        content=token_runs(doc, content),
        direct=False,
        cue=(cue.start, cue.end),
        source=source,
    )


def _inverted_subject(verb: Token) -> Token | None:
    """The speaker after the verb of a trailing cue the parser left without a subject:
    "…, *said a former spokesman for the ministry*, Oleg Voloshyn." The noun phrase must start
    right after the verb (a determiner, adjective or name may open it)."""
    doc = verb.doc
    for i in range(verb.i + 1, min(verb.i + 5, len(doc))):
        token = doc[i]
        if token.pos_ in ("NOUN", "PROPN"):
            if token.dep_ == "nmod:poss" or noun_phrase(token).start != verb.i + 1:
                return None  # "…, said *McConnell's* trip was …": a clause's subject
            return token
        if token.pos_ not in ("DET", "ADJ", "NUM") and token.dep_ != "compound":
            return None
    return None


def _content_of(verb: Token, lemma: str) -> set[int] | None:
    """Token indices of what the verb reports, by the kind of complement it takes."""
    complement = _complement(verb, lemma)
    if complement is None:
        return None
    if (
        complement.i == verb.head.i and complement.i != verb.i
    ):  # parenthetical cue: the host clause is the content
        return _subtree(complement, stop=verb)
    content = _subtree(complement, stop=verb)
    # What follows the complement in the cue's clause belongs to the content too: "argues
    # that schools matter, despite the charter boom", "cited his comments as examples".
    for child in verb.children:
        if complement.i < verb.i:
            break  # "The war is over, the minister said on Friday": nothing trails
        if child.i > complement.i and child.dep_ in _TRAILING_DEPS and not is_cue_verb(child):
            content |= _subtree(child, stop=verb)
    return content


def _complement(verb: Token, lemma: str) -> Token | None:
    """The clause, infinitive or object a cue verb reports, or its host for a parenthetical."""
    children = list(verb.children)
    if lemma in SPEECH_VERBS | COGNITION_VERBS:
        for child in children:
            if child.dep_ == "ccomp":
                return child
        if verb.dep_ == "parataxis" and lemma in SPEECH_VERBS:
            # "The war is not over, the minister said.": the host clause is the content.
            return verb.head
    if lemma in INTENTION_VERBS:
        for child in children:
            if child.dep_ == "xcomp" and child.pos_ in ("VERB", "AUX"):
                return child
    if lemma in OBJECT_VERBS:
        for child in children:
            if child.dep_ == "obj":
                return child
    prepositions = PREPOSITION_VERBS.get(lemma)
    if prepositions:
        for child in children:
            if child.dep_ == "obl" and any(
                c.dep_ == "case" and c.lower_ in prepositions for c in child.children
            ):
                return child
    return None


def _subtree(root: Token, stop: Token) -> set[int]:
    """The subtree of ``root`` without ``stop``'s own subtree (the cue and its speaker)."""
    excluded = {t.i for t in stop.subtree} if any(t.i == stop.i for t in root.subtree) else set()
    excluded.add(stop.i)
    return {t.i for t in root.subtree} - excluded


def _words(doc: Doc, indices: set[int]) -> int:
    return sum(1 for i in indices if not doc[i].is_punct and not doc[i].is_space)
