"""spaCy model architectures of our own, registered on import.

``parallax.ListenerWithLexicon.v1`` is the input layer of the attribution tagger
(:mod:`parallax.extract.quote_model`). The tagger listens to the frozen syntax ``tok2vec``,
whose vectors were trained for tags and trees: they tell a verb from a noun but keep little
of *which* verb it is, and attribution is mostly lexical ("slammed", "vouched for",
"declined to"). A small hash embedding of the word's norm and suffix, trained with the tagger
and mixed into the listener's vectors, raised its held-out span F on PolNeAR train texts from
0.58 to 0.66 at the same step (docs/model.md), for a lookup per token at run time.
"""

from __future__ import annotations

from spacy.ml.models.tok2vec import MultiHashEmbed
from spacy.pipeline.tok2vec import Tok2VecListener
from spacy.tokens import Doc
from spacy.util import registry
from thinc.api import Maxout, Model, chain, concatenate, with_array
from thinc.types import Floats2d


def listener_with_lexicon(
    width: int, upstream: str, lexical_width: int, rows: int
) -> Model[list[Doc], list[Floats2d]]:
    """The ``upstream`` tok2vec's vectors (``width``) beside a NORM/SUFFIX hash embedding
    (``lexical_width``, ``rows`` NORM rows), mixed back to ``width`` by one maxout layer."""
    listener = Tok2VecListener(upstream_name=upstream, width=width)
    lexical = MultiHashEmbed(
        width=lexical_width,
        attrs=["NORM", "SUFFIX"],
        rows=[rows, max(rows // 4, 1)],
        include_static_vectors=False,
    )
    mixed: Model[list[Doc], list[Floats2d]] = chain(
        concatenate(listener, lexical),
        with_array(Maxout(width, width + lexical_width, nP=2, normalize=True, dropout=0.0)),
    )
    mixed.set_ref("listener", listener)
    return mixed


registry.architectures.register("parallax.ListenerWithLexicon.v1", func=listener_with_lexicon)
