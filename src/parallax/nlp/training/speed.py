"""Words per second of the trained pipeline with ``nlp.pipe`` on one core.

The process pins itself to a single CPU (``os.sched_setaffinity``) so the
number means "one core" whatever the BLAS threading says. The texts are the
raw texts of the UD EWT test documents (web text, ~25k words), repeated until
the run lasts a few seconds.

Run: ``python -m parallax.nlp.training.speed [--model DIR] [--corpus DIR]``.
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.tokens import DocBin

from parallax.nlp.pipeline import build_pipeline, load_pipeline


def measure(
    nlp: Language, texts: Sequence[str], *, min_seconds: float = 5.0, batch_size: int = 64
) -> dict[str, float]:
    """Time ``nlp.pipe`` over ``texts`` (after one warm-up pass)."""
    list(nlp.pipe(texts[:20], batch_size=batch_size))
    words = 0
    start = time.perf_counter()
    elapsed = 0.0
    while elapsed < min_seconds:
        for doc in nlp.pipe(texts, batch_size=batch_size):
            words += len(doc)
        elapsed = time.perf_counter() - start
    return {"words": float(words), "seconds": elapsed, "words_per_second": words / elapsed}


def main(argv: Sequence[str] | None = None) -> None:
    """Print the words/s of ``--model`` on the EWT test texts, on one core."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument(
        "--model", type=Path, default=Path(__file__).resolve().parent.parent / "model"
    )
    parser.add_argument("--corpus", type=Path, default=Path("training-work/corpus"))
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument(
        "--data", type=Path, default=None, help="convert these corpora first if --corpus is empty"
    )
    args = parser.parse_args(argv)
    if args.data is not None and not (args.corpus / "syntax/test.spacy").exists():
        from parallax.nlp.training import corpora

        corpora.write_corpora(args.data, args.corpus)
    if hasattr(os, "sched_setaffinity"):
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    blank = spacy.blank("en")
    docs = DocBin().from_disk(args.corpus / "syntax/test.spacy").get_docs(blank.vocab)
    texts = [doc.text for doc in docs]
    pipelines = {
        "model": load_pipeline(path=args.model),
        "model + knowledge base": build_pipeline(path=args.model),
    }
    for name, nlp in pipelines.items():
        result = measure(nlp, texts, min_seconds=args.seconds)
        print(
            f"{name}: {result['words_per_second']:.0f} words/s on one core "
            f"({result['words']:.0f} words in {result['seconds']:.1f} s)"
        )


if __name__ == "__main__":
    main()
