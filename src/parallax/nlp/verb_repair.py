"""Verbs the tagger called nouns, repaired from the parse that reads them as verbs.

Headlines and short news clauses make the tagger read a verb as a noun ("Turkey *shot* down
a Russian warplane": ``shot``/NN), while the parser, which sees the whole clause, still gives
the word a subject and an object or particle. Every extractor that looks for verbs by their
part of speech (event triggers, cue verbs of speech) then misses the clause's act. A word
with a nominal subject *and* an object or verb particle is used as a verb, whatever its tag,
so this component sets its part of speech to VERB after the parser runs (measured on 300
PolNeAR articles: 63 such words, most of them verbs: "denies", "testifies", "paints").
"""

from __future__ import annotations

from typing import Final

import numpy
from spacy.attrs import DEP, HEAD, POS
from spacy.language import Language
from spacy.symbols import NOUN, PROPN
from spacy.tokens import Doc

COMPONENT: Final = "parallax_verb_repair"
#: Dependents that only a verb takes: a direct object or a verb particle ("shot *down*").
_VERB_DEPENDENTS: Final = frozenset({"obj", "compound:prt"})


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
        if pos[h] not in (NOUN, PROPN):
            continue
        token = doc[h]
        if any(child.dep_ in _VERB_DEPENDENTS for child in token.children):
            token.pos_ = "VERB"
    return doc
