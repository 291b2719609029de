"""Static word vectors of our own, for the syntax tok2vec (step 2 of :mod:`.build`).

No pretrained vectors may be downloaded, so we train floret vectors (fastText with hashed
subwords, the format spaCy reads with ``--mode floret``) on the unlabelled text we have:
PolNeAR train articles, UD EWT train + dev, GUM train + dev, CrossNER politics and the
example corpus — about 1.1 million tokens. No text of an evaluation set is used (EWT test,
GUM test, PolNeAR dev, MEANTIME, TimeBank, GeoWebNews, re3d). Tokens are the pipeline's own
tokenizer's, lower-cased (the vectors are looked up by ``LOWER``).

``python -m parallax.nlp.training.vectors --data ../shared/data --out training-work/vectors``
writes ``raw.txt``, ``vectors.floret`` and the spaCy vectors pipeline ``vectors/`` that
``syntax.cfg`` takes as ``paths.vectors``. One thread, so the vectors are the same on every
run. The text is tokenised by the tokenizer of the pipeline in the package (rule-based, not
trained), so a rebuild reads the same tokens. Needs ``floret`` (``pip install -e
'.[train]'``, which ``make train-model`` does).
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import spacy

from parallax.nlp.pipeline import COMPONENTS, MODEL_PATH
from parallax.nlp.training import conllu, corpora

EXAMPLES = Path(__file__).resolve().parents[4] / "examples"


def _conllu_texts(path: Path) -> Iterator[str]:
    """The ``# text`` of every sentence of a CoNLL-U file."""
    for sentence in conllu.read_conllu(path):
        if "text" in sentence.comments:
            yield sentence.comments["text"]


def _lines(path: Path) -> Iterator[str]:
    yield from (x for x in path.read_text(encoding="utf8").split("\n") if x.strip())


def raw_texts(data: Path, examples: Path = EXAMPLES) -> Iterator[str]:
    """Every unlabelled paragraph we may train vectors on (see the module); ``examples`` is
    the example corpus."""
    training = data / "training"
    for path in sorted((data / "polnear/data/train/text").glob("*.txt")):
        yield from _lines(path)
    ewt = training / "ud-ewt"
    yield from _conllu_texts(ewt / "en_ewt-ud-train.conllu")
    yield from _conllu_texts(ewt / "en_ewt-ud-dev.conllu")
    splits = corpora.gum_splits(training / "gum/splits.md")
    for path in sorted((training / "gum").glob("GUM_*.conllu")):
        if splits.get(path.stem) in ("train", "dev"):
            yield from _conllu_texts(path)
    for name in ("train.txt", "dev.txt", "test.txt"):
        words: list[str] = []
        for line in (training / "crossner-politics" / name).read_text(encoding="utf8").splitlines():
            if line.strip():
                words.append(line.split("\t")[0])
            elif words:
                yield " ".join(words)
                words = []
    for path in sorted(examples.rglob("*.txt")):
        yield from _lines(path)


def write_raw(data: Path, out: Path) -> int:
    """Tokenise and lower-case :func:`raw_texts` into ``out`` (a paragraph a line)."""
    nlp = spacy.load(MODEL_PATH, exclude=list(COMPONENTS))  # the tokenizer only
    tokens = 0
    with out.open("w", encoding="utf8") as handle:
        for doc in nlp.pipe(raw_texts(data), batch_size=256):
            words = [t.lower_ for t in doc if not t.is_space]
            tokens += len(words)
            handle.write(" ".join(words) + "\n")
    return tokens


def train_vectors(raw: Path, out: Path) -> None:
    """floret CBOW vectors: 100 dimensions, 20,000 hashed rows, subwords of 3-5 characters."""
    import floret  # only needed to train

    model = floret.train_unsupervised(
        str(raw), model="cbow", mode="floret", hashCount=2, bucket=20000, minn=3, maxn=5,
        dim=100, epoch=15, minCount=2, thread=1, lr=0.05, ws=5, neg=10, verbose=0,
    )  # fmt: skip
    model.save_floret_vectors(str(out))


def build(data: Path, out: Path) -> None:
    """Raw text, floret vectors and the spaCy vectors pipeline ``out / "vectors"``."""
    out.mkdir(parents=True, exist_ok=True)
    print(f"raw text: {write_raw(data, out / 'raw.txt')} tokens", flush=True)
    train_vectors(out / "raw.txt", out / "vectors.floret")
    command = [sys.executable, "-m", "spacy", "init", "vectors", "en"]
    command += [str(out / "vectors.floret"), str(out / "vectors")]
    subprocess.run([*command, "--mode", "floret", "--attr", "LOWER"], check=True)


def main(argv: Sequence[str] | None = None) -> None:
    """See the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="../shared/data")
    parser.add_argument("--out", type=Path, default=Path("training-work/vectors"))
    args = parser.parse_args(argv)
    build(args.data, args.out)


if __name__ == "__main__":
    main()
