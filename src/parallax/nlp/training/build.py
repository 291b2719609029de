"""Rebuild Parallax's English pipeline from the training corpora, end to end.

``python -m parallax.nlp.training.build --data ../shared/data/training
--out src/parallax/nlp/model`` (what ``make train-model`` runs):

1. convert every source into ``DocBin`` files with fixed splits (:mod:`.corpora`);
2. train our static word vectors (:mod:`.vectors`; floret, one thread, so every run gives
   the same table) on the unlabelled text beside the training corpora, which the syntax
   tok2vec reads;
3. train two pipelines *in parallel*, one core each, with pinned configs and
   seed: ``syntax.cfg`` (tagger, morphologizer, lemmatizer, parser, senter on
   a shared tok2vec with the static vectors) and ``ner.cfg`` (NER with its own tok2vec,
   trained only on entity-labelled documents - see the pitfall in ner.cfg);
4. assemble one pipeline with ``nlp.add_pipe("ner", source=...)`` and write it
   to ``--out`` (the senter ships disabled: the parser sets sentences);
5. score it on the held-out splits (:mod:`.evaluate`) into the work dir.

Intermediate files go to ``--work`` (default ``training-work/``, gitignored).
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
import warnings
from collections.abc import Callable, Sequence
from pathlib import Path

import spacy

from parallax.nlp.training import corpora, evaluate, vectors

CONFIG_DIR = Path(__file__).resolve().parent
MODEL_NAME = "parallax_en"
MODEL_VERSION = "0.1.0"

# One BLAS thread per training run: the two runs share the two cores.
_SINGLE_THREAD = {
    "OMP_NUM_THREADS": "1",
    "OPENBLAS_NUM_THREADS": "1",
    "MKL_NUM_THREADS": "1",
}


def _train_command(name: str, corpus: Path, output: Path) -> list[str]:
    vectors = ["--paths.vectors", str(output.parent / "vectors" / "vectors")]
    return [
        sys.executable,
        "-m",
        "spacy",
        "train",
        str(CONFIG_DIR / f"{name}.cfg"),
        "--output",
        str(output),
        "--paths.train",
        str(corpus / name / "train.spacy"),
        "--paths.dev",
        str(corpus / name / "dev.spacy"),
        *(vectors if name == "syntax" else []),
    ]


def train_all(
    corpus: Path, work: Path, *, parallel: bool = True, only: Sequence[str] = ("syntax", "ner")
) -> dict[str, float]:
    """Run the ``spacy train`` jobs (both by default); returns wall-clock seconds per job."""
    env = {**os.environ, **_SINGLE_THREAD}
    jobs: dict[str, tuple[subprocess.Popen[bytes], float]] = {}
    seconds: dict[str, float] = {}
    for name in only:
        log = (work / f"train-{name}.log").open("wb")
        cmd = _train_command(name, corpus, work / name)
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        jobs[name] = (proc, time.monotonic())
        if not parallel:
            _wait(name, proc, work)
            seconds[name] = time.monotonic() - jobs[name][1]
    for name, (proc, started) in jobs.items():
        if name not in seconds:
            _wait(name, proc, work)
            seconds[name] = time.monotonic() - started
    return seconds


def _wait(name: str, proc: subprocess.Popen[bytes], work: Path) -> None:
    if proc.wait() != 0:
        raise RuntimeError(
            f"spacy train ({name}) failed with exit code {proc.returncode}; "
            f"see {work / f'train-{name}.log'}"
        )


def assemble(work: Path, out: Path) -> None:
    """Syntax pipeline + sourced NER -> ``out`` (replaced atomically-ish)."""
    nlp = spacy.load(work / "syntax" / "model-best")
    ner_nlp = spacy.load(work / "ner" / "model-best")
    with warnings.catch_warnings():
        # W113: the NER's own tok2vec reads no static vectors, so the syntax pipeline's
        # table, which the NER pipeline lacks, changes nothing for it.
        warnings.filterwarnings("ignore", message=r"\[W113\]")
        nlp.add_pipe("ner", source=ner_nlp)
    if "senter" in nlp.pipe_names:
        nlp.disable_pipe("senter")
    nlp.meta.update(
        {
            "name": MODEL_NAME,
            "version": MODEL_VERSION,
            "description": (
                "Parallax's English pipeline: tagger, morphologizer, edit-tree "
                "lemmatizer, parser (UD EWT + GUM, with static vectors of our own), NER "
                "with its own tok2vec (UNER dev, GUM, re3d, CrossNER politics). See "
                "docs/model.md."
            ),
            "license": "CC BY-SA 4.0",
            "sources": [
                {"name": "UD English-EWT v2.16", "license": "CC BY-SA 4.0"},
                {"name": "UNER English-EWT (dev)", "license": "CC BY-SA 4.0"},
                {
                    "name": "GUM (academic, bio, court, interview, news, voyage)",
                    "license": "CC BY 4.0 annotations; CC BY / CC BY-SA texts",
                },
                {
                    "name": "re3d (US State Dept, UK Gov, Wikipedia, Australian DFA)",
                    "license": "public domain / OGL v3 / CC BY-SA 3.0 / CC BY 3.0 AU",
                },
                {"name": "CrossNER politics", "license": "MIT"},
            ],
        }
    )
    write_model(nlp, out)


def write_model(
    nlp: spacy.language.Language, out: Path, finish: Callable[[Path], None] | None = None
) -> None:
    """Write a pipeline to ``out`` through a temporary folder, so a failed export never
    leaves half a model where the package loads it; ``finish`` may edit the folder first."""
    tmp = out.with_name(out.name + ".tmp")
    if tmp.exists():
        shutil.rmtree(tmp)
    nlp.to_disk(tmp)
    if finish is not None:
        finish(tmp)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)


def main(argv: Sequence[str] | None = None) -> None:
    """Convert, train, assemble and score; see the module docstring."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument(
        "--data", type=Path, required=True, help="the training corpora (../shared/data/training)"
    )
    parser.add_argument(
        "--out",
        type=Path,
        required=True,
        help="where the assembled pipeline goes (src/parallax/nlp/model)",
    )
    parser.add_argument(
        "--work",
        type=Path,
        default=Path("training-work"),
        help="intermediate files (default: training-work/)",
    )
    parser.add_argument(
        "--vectors-data",
        type=Path,
        help="the data folder whose unlabelled text trains the static vectors "
        "(default: the parent of --data, ../shared/data)",
    )
    parser.add_argument(
        "--sequential", action="store_true", help="train the two pipelines one after the other"
    )
    parser.add_argument(
        "--skip-train", action="store_true", help="reuse the trained pipelines already in --work"
    )
    parser.add_argument(
        "--only",
        choices=("syntax", "ner"),
        action="append",
        help="retrain only this pipeline and reuse the other from --work (repeatable)",
    )
    args = parser.parse_args(argv)

    started = time.monotonic()
    args.work.mkdir(parents=True, exist_ok=True)
    corpus = args.work / "corpus"
    counts = corpora.write_corpora(args.data, corpus)
    print(f"corpora: {json.dumps(counts)}", flush=True)
    timings: dict[str, float] = {}
    only = args.only or ("syntax", "ner")
    if not args.skip_train and "syntax" in only:
        started_vectors = time.monotonic()
        vectors.build(args.vectors_data or args.data.parent, args.work / "vectors")
        timings["vectors"] = time.monotonic() - started_vectors
    if not args.skip_train:
        timings |= train_all(corpus, args.work, parallel=not args.sequential, only=only)
        print(f"training wall-clock seconds: {json.dumps(timings)}", flush=True)
    assemble(args.work, args.out)
    from parallax.nlp.pipeline import build_pipeline

    results = evaluate.evaluate(
        spacy.load(args.out), corpus, with_knowledge=build_pipeline(path=args.out)
    )
    results["training_seconds"] = timings
    results["total_seconds"] = time.monotonic() - started
    (args.work / "scores.json").write_text(json.dumps(results, indent=2), encoding="utf8")
    markdown = evaluate.to_markdown(results)
    (args.work / "scores.md").write_text(markdown, encoding="utf8")
    print(markdown)
    print(f"model written to {args.out}; total {results['total_seconds'] / 60:.1f} min")


if __name__ == "__main__":
    main()
