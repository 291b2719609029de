"""Write the train/dev/test ``DocBin`` files with fixed, documented splits.

Splits (also in ``docs/model.md``):

* syntax train = UD EWT train + dev and GUM *train* documents (trees); dev (checkpoint
  selection) = GUM dev documents; EWT test is never trained on by anything.
* NER train = UNER dev (on EWT dev sentences) + GUM train documents (named
  mentions) + re3d train slice + all of CrossNER politics; NER dev = GUM dev
  documents + re3d dev slice.
* NER test = UNER test, GUM test documents (news: ``GUM_news_nasa``,
  ``GUM_news_sensitive``; the standard list from GUM's ``splits.md``), re3d
  test slice (every 5th document by id).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import spacy
from spacy.tokens import Doc, DocBin

from parallax.nlp.training import conllu, ner_sources

SENTS_PER_DOC = 10


def gum_splits(splits_md: Path) -> dict[str, str]:
    """Document name -> split, from GUM's ``splits.md``."""
    current = ""
    out: dict[str, str] = {}
    for line in splits_md.read_text(encoding="utf8").splitlines():
        if line.startswith("## "):
            current = line[3:].strip()
        match = re.match(r"\s*\*\s+(\S+)", line)
        if match and current:
            out[match.group(1)] = current
    return out


def save_docs(docs: Iterable[Doc], path: Path) -> int:
    """Write ``docs`` as one ``DocBin`` file; returns how many."""
    path.parent.mkdir(parents=True, exist_ok=True)
    docbin = DocBin(store_user_data=False)
    count = 0
    for doc in docs:
        docbin.add(doc)
        count += 1
    docbin.to_disk(path)
    return count


def ud_docs(vocab: spacy.vocab.Vocab, sents: list[conllu.Sentence]) -> list[Doc]:
    """Treebank sentences as training ``Doc``s of ``SENTS_PER_DOC`` sentences of a document."""
    docs: list[Doc] = []
    for document in conllu.group_by_document(sents):
        for chunk in conllu.chunks(document, SENTS_PER_DOC):
            docs.append(conllu.sentences_to_doc(vocab, chunk))
    return docs


def _gum_ner_docs(vocab: spacy.vocab.Vocab, sents: list[conllu.Sentence]) -> list[Doc]:
    docs: list[Doc] = []
    for chunk in conllu.chunks(sents, SENTS_PER_DOC):
        tags: list[str | None] = []
        for sent in chunk:
            tags.extend(conllu.gum_entity_tags(sent))
        docs.append(conllu.sentences_to_doc(vocab, chunk, tags))
    return docs


def write_corpora(data: Path, out: Path) -> dict[str, int]:
    """Convert every source under ``data`` into ``out``; returns doc counts."""
    nlp = spacy.blank("en")
    vocab = nlp.vocab
    counts: dict[str, int] = {}
    ewt = data / "ud-ewt"
    ewt_train = conllu.read_conllu(ewt / "en_ewt-ud-train.conllu")
    ewt_dev = conllu.read_conllu(ewt / "en_ewt-ud-dev.conllu")
    ewt_test = conllu.read_conllu(ewt / "en_ewt-ud-test.conllu")

    splits = gum_splits(data / "gum" / "splits.md")
    gum: dict[str, list[conllu.Sentence]] = {"train": [], "dev": [], "test": []}
    gum_ner: dict[str, list[Doc]] = {"train": [], "dev": [], "test": [], "news": []}
    for path in sorted((data / "gum").glob("GUM_*.conllu")):
        split = splits.get(path.stem)
        if split not in gum:
            raise ValueError(f"{path.name} is not listed in gum/splits.md train/dev/test")
        sents = conllu.read_conllu(path)
        gum[split].extend(sents)
        ner_docs = _gum_ner_docs(vocab, sents)
        gum_ner[split].extend(ner_docs)
        if split == "test" and path.stem.startswith("GUM_news_"):
            gum_ner["news"].extend(ner_docs)

    counts["syntax/train"] = save_docs(
        ud_docs(vocab, ewt_train + ewt_dev + gum["train"]), out / "syntax/train.spacy"
    )
    counts["syntax/dev"] = save_docs(ud_docs(vocab, gum["dev"]), out / "syntax/dev.spacy")
    counts["syntax/test"] = save_docs(ud_docs(vocab, ewt_test), out / "syntax/test.spacy")

    by_id_dev = {s.sent_id: s for s in ewt_dev}
    by_id_test = {s.sent_id: s for s in ewt_test}
    uner = data / "uner-ewt"
    uner_dev, skipped_dev = ner_sources.uner_docs(
        vocab, (uner / "en_ewt-ud-dev.iob2").read_text(encoding="utf8"), by_id_dev
    )
    uner_test, skipped_test = ner_sources.uner_docs(
        vocab,
        (uner / "en_ewt-ud-test.iob2").read_text(encoding="utf8"),
        by_id_test,
        raw_labels=True,
    )
    counts["uner/dev-skipped-sentences"] = skipped_dev
    counts["uner/test-skipped-sentences"] = skipped_test

    re3d: dict[str, list[Doc]] = {"train": [], "dev": [], "test": []}
    for index, document in enumerate(ner_sources.read_re3d(data / "re3d")):
        re3d[ner_sources.re3d_split(index)].append(ner_sources.re3d_doc(nlp, document))

    crossner: list[Doc] = []
    for name in ("train.txt", "dev.txt", "test.txt"):
        text = (data / "crossner-politics" / name).read_text(encoding="utf8")
        crossner.extend(ner_sources.crossner_docs(vocab, text))

    counts["ner/train"] = save_docs(
        uner_dev + gum_ner["train"] + re3d["train"] + crossner, out / "ner/train.spacy"
    )
    counts["ner/dev"] = save_docs(gum_ner["dev"] + re3d["dev"], out / "ner/dev.spacy")
    counts["ner/uner-test"] = save_docs(uner_test, out / "ner/uner-test.spacy")
    counts["ner/gum-test"] = save_docs(gum_ner["test"], out / "ner/gum-test.spacy")
    counts["ner/gum-news-test"] = save_docs(gum_ner["news"], out / "ner/gum-news-test.spacy")
    counts["ner/re3d-test"] = save_docs(re3d["test"], out / "ner/re3d-test.spacy")
    return counts
