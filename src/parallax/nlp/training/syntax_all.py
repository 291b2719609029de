"""The syntax corpus of the session-34/35 experiments: EWT train + dev and GUM train trees for
training, GUM dev for selection (EWT test stays the held-out score).

``python -m parallax.nlp.training.syntax_all --data ../shared/data/training --out
training-work/corpus/syntax_all`` writes ``train.spacy`` and ``dev.spacy`` for
``syntax_vectors.cfg``.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import spacy

from parallax.nlp.training import conllu, corpora


def write(data: Path, out: Path) -> dict[str, int]:
    """Write the two ``DocBin`` files; returns how many documents each holds."""
    vocab = spacy.blank("en").vocab
    ewt = data / "ud-ewt"
    train = conllu.read_conllu(ewt / "en_ewt-ud-train.conllu")
    train += conllu.read_conllu(ewt / "en_ewt-ud-dev.conllu")
    splits = corpora.gum_splits(data / "gum" / "splits.md")
    dev = []
    for path in sorted((data / "gum").glob("GUM_*.conllu")):
        split = splits.get(path.stem)
        if split == "train":
            train += conllu.read_conllu(path)
        elif split == "dev":
            dev += conllu.read_conllu(path)
    out.mkdir(parents=True, exist_ok=True)
    return {
        "train": corpora._save(corpora._ud_docs(vocab, train), out / "train.spacy"),
        "dev": corpora._save(corpora._ud_docs(vocab, dev), out / "dev.spacy"),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """See the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="../shared/data/training")
    parser.add_argument("--out", type=Path, default=Path("training-work/corpus/syntax_all"))
    args = parser.parse_args(argv)
    print(write(args.data, args.out))


if __name__ == "__main__":
    main()
