"""Parallax: a traceable database of what happened in a conflict and who says so.

The public API is deliberately small::

    import parallax
    result = parallax.analyze(text, published="2015-11-17", outlet="EUROPP")
    with parallax.open_corpus("parallax.duckdb") as corpus:
        corpus.ingest("articles/")
"""

from parallax.analysis import analyze, analyze_many
from parallax.errors import InputError, ParallaxError
from parallax.schema import Analysis
from parallax.store.corpus import Corpus, open_corpus

__all__ = [
    "Analysis",
    "Corpus",
    "InputError",
    "ParallaxError",
    "analyze",
    "analyze_many",
    "open_corpus",
]
__version__ = "0.1.0"
