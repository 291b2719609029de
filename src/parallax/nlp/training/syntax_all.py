"""The syntax recipe of the session-34/35 experiments: more trees, a better schedule and our
own static vectors (docs/model.md, "static vectors of our own"). Not the shipped recipe yet.

``python -m parallax.nlp.training.syntax_all --data ../shared/data/training --out
training-work/syntax_all`` writes ``corpus/train.spacy`` (EWT train + dev and GUM train trees),
``corpus/dev.spacy`` (GUM dev, for checkpoint selection; EWT test stays the held-out score)
and ``syntax_vectors.cfg``: the shipped ``syntax.cfg`` with the changes below, derived here
rather than kept as a second copy of the config, so the two cannot drift apart.
"""

from __future__ import annotations

import argparse
from collections.abc import Sequence
from pathlib import Path

import spacy
from thinc.api import Config

from parallax.nlp.training import conllu, corpora

SYNTAX_CONFIG = Path(__file__).resolve().parent / "syntax.cfg"
STEPS = 4000


def vectors_config(base: Path = SYNTAX_CONFIG) -> Config:
    """``syntax.cfg`` with 4,000 steps, a learning rate warmed up over 250 steps to 0.0015
    and decayed linearly to 0, parameter averaging, larger hash tables and the static
    vectors (``paths.vectors``) beside them."""
    config = Config().from_disk(base, interpolate=False)
    training = config["training"]
    training["max_steps"] = training["patience"] = STEPS
    optimizer = training["optimizer"]
    optimizer["use_averages"] = True
    optimizer["learn_rate"] = {
        "@schedules": "warmup_linear.v1",
        "warmup_steps": 250,
        "total_steps": STEPS,
        "initial_rate": 0.0015,
    }
    embed = config["components"]["tok2vec"]["model"]["embed"]
    embed["rows"] = [20000, 3000, 5000, 2500]
    embed["include_static_vectors"] = True
    return config


def write_corpus(data: Path, out: Path) -> dict[str, int]:
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
    return {
        "train": corpora.save_docs(corpora.ud_docs(vocab, train), out / "train.spacy"),
        "dev": corpora.save_docs(corpora.ud_docs(vocab, dev), out / "dev.spacy"),
    }


def main(argv: Sequence[str] | None = None) -> None:
    """See the module docstring."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--data", type=Path, required=True, help="../shared/data/training")
    parser.add_argument("--out", type=Path, default=Path("training-work/syntax_all"))
    args = parser.parse_args(argv)
    print(write_corpus(args.data, args.out / "corpus"))
    args.out.mkdir(parents=True, exist_ok=True)
    vectors_config().to_disk(args.out / "syntax_vectors.cfg")


if __name__ == "__main__":
    main()
