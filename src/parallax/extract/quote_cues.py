"""Cue words of attribution and the noun phrase of whoever they attribute to.

Attribution in news is carried by a small, well-studied vocabulary (PARC, PolNeAR): verbs of
saying ("said", "told", "warned"), of writing and publishing ("wrote", "tweeted", "reported"),
of internal state the reporter attributes ("believes", "fears", "wants") and the preposition
"according to". The lexicon lives here, apart from the matching logic, so it can be read and
extended; which verbs take a clause, a noun or an infinitive as their content is part of it.
"""

from __future__ import annotations

from typing import Final

from spacy.tokens import Span, Token

from parallax.nlp.lemmas import inflections, lexicon_lemma


def _lemmas(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Verbs that report speech or writing; they take a clause (ccomp) or a quotation.
SPEECH_VERBS: Final = _lemmas(
    "say tell add note explain warn claim argue insist state declare announce report write "
    "tweet post ask reply respond answer admit acknowledge concede deny confirm suggest "
    "predict promise pledge vow threaten urge demand accuse blame praise criticize criticise "
    "condemn describe recall reveal disclose estimate stress emphasize emphasise complain "
    "boast comment remark continue agree allege assert contend maintain observe testify "
    "caution mention quip joke retort chant cite reiterate repeat tout echo dismiss "
    "question recommend propose advise brief inform assure tell proclaim concur lament "
    "muse shout scream yell exclaim whisper mutter reason speculate acknowledge point "
    "signal hint indicate conclude show find imply"
)
#: Verbs of belief, fear and wish: attribution of an internal state, with a clause content.
COGNITION_VERBS: Final = _lemmas(
    "believe think feel fear hope expect know doubt worry suspect assume realize realise "
    "understand wonder consider reckon guess imagine trust recognize recognise"
)
#: Verbs whose content is an infinitive (xcomp): "vowed to destroy", "wants to leave".
INTENTION_VERBS: Final = _lemmas(
    "vow pledge promise threaten want plan intend decide refuse urge call ask demand hope "
    "expect aim seek agree offer decline encourage"
)
#: Verbs whose object noun phrase is the content: "announced new sanctions", "denied the
#: report". Kept short: most verbs' objects are not attributed content.
OBJECT_VERBS: Final = _lemmas(
    "announce deny confirm cite discuss criticize criticise condemn praise propose "
    "recommend demand reject welcome dismiss describe question call mention accuse charge "
    "defend stress endorse oppose reveal liken blast slam tout highlight promise pledge "
    "acknowledge admit blame express denounce decry mock deride lambaste rebuff repudiate "
    "disavow applaud hail congratulate credit bemoan downplay underscore remind recite "
    "recount retweet outline unveil characterize characterise attribute affirm list"
)
#: Verbs whose content is a prepositional object: "called for a ceasefire", "pointed to the
#: polls", "spoke of a long war", "warned of reprisals".
PREPOSITION_VERBS: Final = {
    "call": frozenset({"for", "on"}),
    "point": frozenset({"to"}),
    "speak": frozenset({"of", "about"}),
    "talk": frozenset({"about", "of"}),
    "comment": frozenset({"on"}),
    "warn": frozenset({"of", "about", "against"}),
    "complain": frozenset({"about", "of"}),
    "boast": frozenset({"about", "of"}),
    "argue": frozenset({"for", "against"}),
    "push": frozenset({"for"}),
    "apologize": frozenset({"for"}),
    "apologise": frozenset({"for"}),
}
ATTRIBUTION_VERBS: Final = (
    SPEECH_VERBS | COGNITION_VERBS | INTENTION_VERBS | OBJECT_VERBS | frozenset(PREPOSITION_VERBS)
)

PRONOUNS: Final = _lemmas("he she they it i we you him her them this")


def is_cue_verb(token: Token) -> bool:
    """A verb of the attribution lexicon (by lemma, or the form de-inflected by rule when
    the lemmatizer left it half-stripped: "blamed" → "blam")."""
    if token.pos_ != "VERB" and token.tag_ not in ("VBD", "VBZ", "VBP"):
        return False
    return lexicon_lemma(token, ATTRIBUTION_VERBS) is not None


def lemma_of(token: Token) -> str:
    """The token's lemma in the attribution lexicon if it has one there (see
    :func:`is_cue_verb`), else the lower-case lemma or, when that is empty, form."""
    return lexicon_lemma(token, ATTRIBUTION_VERBS) or token.lemma_.lower() or token.lower_


#: Every regular and known irregular form of the lexicon's verbs, for prefilters by form.
CUE_VERB_FORMS: Final = frozenset(
    form for lemma in ATTRIBUTION_VERBS for form in inflections(lemma)
)


def is_according_to(token: Token) -> bool:
    """``according`` in "according to X"."""
    doc = token.doc
    return (
        token.lower_ == "according" and token.i + 1 < len(doc) and doc[token.i + 1].lower_ == "to"
    )


#: Adverbs kept in a cue phrase because they change what it reports ("also said", "never
#: said", "repeatedly warned").
_CUE_ADVERBS: Final = _lemmas("also not n't never repeatedly reportedly later again")


def cue_phrase(verb: Token) -> Span:
    """The cue as written: the verb with its particle and auxiliaries ("has said", "pointed
    out"), so listings show the wording outlets use."""
    doc = verb.doc
    start, end = verb.i, verb.i + 1
    for child in verb.children:
        if child.i == start - 1 and (
            child.dep_ in ("aux", "aux:pass") or child.lower_ in _CUE_ADVERBS
        ):
            start = child.i
        if child.dep_ == "compound:prt" and child.i == end:
            end = child.i + 1
    return doc[start:end]
