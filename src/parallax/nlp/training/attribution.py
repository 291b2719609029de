"""Train the attribution tagger (source / cue / content spans) on PolNeAR train.

``python -m parallax.nlp.training.attribution --data ../shared/data/polnear
--out src/parallax/nlp/attribution_model --work training-work/quotes``:

1. convert PolNeAR ``data/train`` (brat; texts annotated twice use the first ``.ann`` in name
   order, as :func:`parallax.evaluation.quotes.load_polnear` does) into ``DocBin`` files:
   every token of a Source, Cue or Content span gets that role, a discontinuous span one
   entity per part; every twelfth text (in name order) is held out for model selection.
   PolNeAR ``dev`` is never read here;
2. ``spacy train`` ``attribution.cfg`` (pinned, seed 0, one BLAS thread): an ``ner``
   component named ``attribution`` listening to the shipped pipeline's frozen syntax
   tok2vec;
3. write the component *without* the tok2vec to ``--out``: :mod:`parallax.extract.quote_model`
   adds it to the loaded pipeline, where its listener is wired to the pipeline's own
   ``tok2vec`` (the same frozen weights it was trained on).

Intermediate files go to ``--work`` (gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

import spacy
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc, DocBin, Span
from spacy.util import filter_spans
from spacy.vectors import Vectors

from parallax.evaluation.quotes import read_brat_parts
from parallax.nlp import architectures
from parallax.nlp.pipeline import COMPONENTS, MODEL_PATH
from parallax.nlp.training.build import write_model

CONFIG = Path(__file__).resolve().parent / "attribution.cfg"
#: brat span labels and the entity label each becomes.
ROLES = {"Content": "CONTENT", "Source": "SOURCE", "Cue": "CUE"}
#: Every n-th training text (in name order) is held out for model selection.
HOLD_OUT_EVERY = 12

_SINGLE_THREAD = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1"}


def role_ranges(ann: str) -> list[tuple[str, int, int]]:
    """(label, start, end) of every Source, Cue and Content part an attribution uses."""
    spans, relations = read_brat_parts(ann)
    used = {ref for relation in relations for role, ref in relation.items() if role in ROLES}
    found: list[tuple[str, int, int]] = []
    for ref in used:
        label, ranges = spans.get(ref, ("", ()))
        if label in ROLES:
            found.extend((ROLES[label], start, end) for start, end in ranges)
    return found


def annotated_doc(nlp: Language, text: str, ann: str) -> Doc:
    """``text`` tokenised by ``nlp`` with the roles of ``ann`` as entities (overlaps: the
    longest wins, as PolNeAR is meant to be univocal)."""
    doc = nlp.make_doc(text)
    entities: list[Span] = []
    for label, start, end in role_ranges(ann):
        while start < end and text[start].isspace():
            start += 1
        while end > start and text[end - 1].isspace():
            end -= 1
        span = doc.char_span(start, end, label=label, alignment_mode="expand")
        if span is not None and len(span):
            entities.append(span)
    doc.ents = filter_spans(entities)
    return doc


def polnear_docs(nlp: Language, split_dir: Path) -> Iterable[tuple[str, Doc]]:
    """(name, annotated doc) for every text of a PolNeAR split, first annotation only."""
    annotations = sorted((split_dir / "attributions").glob("*.ann"))
    for text_path in sorted((split_dir / "text").glob("*.txt")):
        matching = [a for a in annotations if a.name.startswith(text_path.stem + "_")]
        if matching:
            text = text_path.read_text(encoding="utf-8")
            ann = matching[0].read_text(encoding="utf-8")
            yield text_path.stem, annotated_doc(nlp, text, ann)


def write_corpus(data: Path, corpus: Path) -> dict[str, int]:
    """PolNeAR train -> ``corpus/train.spacy`` and ``corpus/heldout.spacy``; counts."""
    nlp = spacy.load(MODEL_PATH, exclude=list(COMPONENTS))
    train, heldout = DocBin(), DocBin()
    counts = {"train": 0, "heldout": 0, "entities": 0}
    for i, (_, doc) in enumerate(polnear_docs(nlp, data / "data" / "train")):
        part = "heldout" if i % HOLD_OUT_EVERY == HOLD_OUT_EVERY - 1 else "train"
        (heldout if part == "heldout" else train).add(doc)
        counts[part] += 1
        counts["entities"] += len(doc.ents)
    corpus.mkdir(parents=True, exist_ok=True)
    train.to_disk(corpus / "train.spacy")
    heldout.to_disk(corpus / "heldout.spacy")
    return counts


def train(corpus: Path, work: Path, overrides: Sequence[str] = ()) -> float:
    """Run ``spacy train`` with the pinned config; returns wall-clock seconds."""
    command = [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(CONFIG),
        "--output",
        str(work / "train"),
        "--paths.train",
        str(corpus / "train.spacy"),
        "--paths.dev",
        str(corpus / "heldout.spacy"),
        "--paths.syntax_model",
        str(MODEL_PATH),
        "--code",
        architectures.__file__,
        *overrides,
    ]
    started = time.monotonic()
    with (work / "train.log").open("wb") as log:
        process = subprocess.run(
            command, stdout=log, stderr=subprocess.STDOUT, env={**os.environ, **_SINGLE_THREAD}
        )
    if process.returncode != 0:
        raise RuntimeError(f"spacy train failed ({process.returncode}); see {work / 'train.log'}")
    return time.monotonic() - started


def export(trained: Path, out: Path) -> None:
    """The trained ``attribution`` component without the (shipped, frozen) tok2vec and
    without the training texts' words."""
    nlp = spacy.load(trained)
    nlp.remove_pipe("tok2vec")
    nlp.config["paths"].update({"train": None, "dev": None, "syntax_model": None})
    nlp.meta.update(
        {
            "name": "parallax_attribution",
            "version": "0.1.0",
            "description": (
                "Attribution tagger (SOURCE, CUE, CONTENT spans) trained on PolNeAR train; "
                "listens to the tok2vec of parallax/nlp/model, so it only runs inside that "
                "pipeline (parallax.extract.quote_model)."
            ),
            "license": "trained on PolNeAR, which states no license (research use)",
            "sources": [
                {
                    "name": "PolNeAR v1.0.0 train split (networkdynamics/PolNeAR)",
                    "license": "none stated; research use",
                }
            ],
        }
    )
    # The string store holds every word of the training texts; the component needs none of
    # them (its features are the tok2vec's hashes), only its labels.
    labels: tuple[str, ...] = getattr(nlp.get_pipe("attribution"), "labels", ())
    # Nor the static vectors of the syntax model (8 MB): the component reads the pipeline's
    # tok2vec output, which the pipeline computes with its own copy.
    nlp.vocab.vectors = Vectors(strings=nlp.vocab.strings)
    write_model(
        nlp,
        out,
        lambda folder: StringStore(sorted(labels)).to_disk(folder / "vocab" / "strings.json"),
    )


def main(argv: Sequence[str] | None = None) -> None:
    """Convert, train and export; see the module docstring."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--data", type=Path, required=True, help="PolNeAR (../shared/data/polnear)")
    parser.add_argument(
        "--out", type=Path, required=True, help="src/parallax/nlp/attribution_model"
    )
    parser.add_argument("--work", type=Path, default=Path("training-work/quotes"))
    parser.add_argument(
        "--skip-train", action="store_true", help="export the model already trained in --work"
    )
    args = parser.parse_args(argv)
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / "corpus"
    seconds = 0.0
    if not args.skip_train:
        counts = write_corpus(args.data, corpus)
        print(f"corpus: {json.dumps(counts)}", flush=True)
        seconds = train(corpus, args.work)
        print(f"training: {seconds / 60:.1f} min", flush=True)
    export(args.work / "train" / "model-best", args.out)
    print(f"attribution model written to {args.out}")


if __name__ == "__main__":
    main()
