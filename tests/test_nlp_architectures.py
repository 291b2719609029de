"""Our registered spaCy architectures build and run without a trained model."""

from __future__ import annotations

import numpy
import spacy
from spacy.tokens import Doc
from spacy.util import registry

from parallax.extract.quote_model import ATTRIBUTION_MODEL_PATH
from parallax.nlp import architectures  # noqa: F401 - registers them


def test_listener_with_lexicon_mixes_the_upstream_vectors_with_its_own_word_embedding() -> None:
    build = registry.architectures.get("parallax.ListenerWithLexicon.v1")
    model = build(width=8, upstream="tok2vec", lexical_width=4, rows=50)
    vocab = spacy.blank("en").vocab
    docs = [Doc(vocab, words=["Kerry", "slammed", "the", "plan"]), Doc(vocab, words=["Yes"])]
    for doc in docs:
        doc.tensor = numpy.ones((len(doc), 8), dtype="float32")
    model.initialize(X=docs)
    first, second = model.predict(docs)
    assert first.shape == (4, 8)
    assert second.shape == (1, 8)
    # the upstream vectors are all equal; the words are not, and neither are the outputs
    assert not numpy.allclose(first[0], first[1])


def test_the_shipped_attribution_tagger_uses_the_lexical_layer() -> None:
    config = (ATTRIBUTION_MODEL_PATH / "config.cfg").read_text(encoding="utf-8")
    assert "parallax.ListenerWithLexicon.v1" in config
