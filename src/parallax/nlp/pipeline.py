"""Load Parallax's own trained English pipeline from inside the package.

No pretrained English pipeline can be installed or downloaded where Parallax
runs, so the trained weights ship in ``parallax/nlp/model`` (recipe:
``python -m parallax.nlp.training.build``; scores: ``docs/model.md``).
Loading is explicit and uncached: every caller gets its own ``Language`` and
may add its components to it without affecting anyone else.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Final

import spacy
from spacy.attrs import ORTH
from spacy.language import Language
from spacy.tokenizer import Tokenizer
from thinc.api import use_ops

from parallax.errors import ParallaxError
from parallax.nlp.lemmas import inflections

#: Where the trained pipeline lives inside the installed package.
MODEL_PATH: Final = Path(__file__).resolve().parent / "model"

#: Components of the shipped pipeline, in order (``senter`` is disabled).
COMPONENTS: Final = (
    "tok2vec",
    "tagger",
    "morphologizer",
    "trainable_lemmatizer",
    "parser",
    "senter",
    "ner",
)


class ModelNotFoundError(ParallaxError):
    """The trained pipeline is missing from the package."""


#: Hyphenated verbs the tokenizer would split at the hyphen: "North Korea test-fired two
#: missiles" was parsed with "test" a noun, the state its modifier and "fired" subjectless.
HYPHENATED_VERBS: Final = ("test-fire", "test-launch")


def keep_hyphenated_verbs(nlp: Language) -> None:
    """Make every inflection of :data:`HYPHENATED_VERBS` one token, as the verb it is."""
    keep_whole(nlp, (form for verb in HYPHENATED_VERBS for form in inflections(verb)))


def keep_whole(nlp: Language, words: Iterable[str]) -> None:
    """Make each hyphenated word (and its capitalised form) one token: the tokenizer splits at
    the hyphen, and "a *cease-fire*" or "a *sit-in*" then reads as "fire" or "in"."""
    tokenizer = nlp.tokenizer
    if not isinstance(tokenizer, Tokenizer):
        return  # a custom tokenizer keeps its own rules
    for word in words:
        for written in (word, word.capitalize()):
            tokenizer.add_special_case(written, [{ORTH: written}])


def load_pipeline(
    *,
    path: Path | None = None,
    exclude: Iterable[str] = (),
    fast_sentences: bool = False,
) -> Language:
    """Load the trained pipeline (tagger, lemmatizer, parser, NER).

    ``exclude`` drops components you do not need (e.g. ``("parser",)`` for a
    cheap first pass). ``fast_sentences`` enables the small ``senter``, which
    sets sentence boundaries without the parser; it only matters when the
    parser is excluded.
    """
    model = path or MODEL_PATH
    if not (model / "config.cfg").exists():
        raise ModelNotFoundError(
            f"{model}: no trained spaCy pipeline here; rebuild it with "
            "`make train-model` (python -m parallax.nlp.training.build)"
        )
    enable = ["senter"] if fast_sentences else []
    # thinc multiplies matrices with its bundled BLIS by default; numpy's OpenBLAS is about
    # 1.7x faster for this model on current x86 CPUs (measured by `make bench`, docs/model.md).
    # The ops are fixed when the layers are built, so the choice applies to this pipeline only.
    with use_ops("numpy", use_blis=False):
        nlp = spacy.load(model, exclude=list(exclude))
    for name in enable:
        if name in nlp.component_names and name in nlp.disabled:
            nlp.enable_pipe(name)
    keep_hyphenated_verbs(nlp)
    if "parser" in nlp.pipe_names:
        from parallax.nlp.clause_repair import COMPONENT as CLAUSE_REPAIR
        from parallax.nlp.paragraphs import COMPONENT  # registers the factory
        from parallax.nlp.verb_repair import COMPONENT as VERB_REPAIR

        nlp.add_pipe(COMPONENT, first=True)
        nlp.add_pipe(VERB_REPAIR, after="parser")
        nlp.add_pipe(CLAUSE_REPAIR, after=VERB_REPAIR)
    return nlp


def build_pipeline(
    *,
    kb_files: Iterable[Path | str] = (),
    path: Path | None = None,
    exclude: Iterable[str] = (),
) -> Language:
    """The trained pipeline with the knowledge base on top: registry aliases override the
    statistical NER, then every entity is linked to an actor or a place (``kb_files`` are the
    user's overlays)."""
    import parallax.knowledge.components  # noqa: F401 - registers the factories

    nlp = load_pipeline(path=path, exclude=exclude)
    config = {"kb_files": [str(f) for f in kb_files]}
    after = "ner" if "ner" in nlp.pipe_names else None
    nlp.add_pipe("parallax_actor_ruler", config=config, after=after)
    nlp.add_pipe("parallax_linker", config=config, after="parallax_actor_ruler")
    return nlp
