"""Score a trained pipeline on the held-out splits; the numbers in docs/model.md.

Syntax is scored on UD EWT test twice: with gold tokenisation (the usual UD
number) and from raw text through our tokenizer (what users get; the gap is
the cost of tokenisation mismatches such as EWT's multiword tokens). NER is
scored with exact span matching; gold tokens whose annotation is *unknown*
(see :mod:`.ner_sources`) never count against a prediction that touches them.

Run: ``python -m parallax.nlp.training.evaluate --model DIR --corpus DIR``.
"""

from __future__ import annotations

import argparse
import json
from collections import Counter
from collections.abc import Callable, Iterable, Sequence
from pathlib import Path
from typing import Any, Final

import spacy
from spacy.language import Language
from spacy.tokens import Doc, DocBin
from spacy.training import Example

Span3 = tuple[int, int, str]

#: UNER has only PER/ORG/LOC and folds GPE and facilities into LOC.
UNER_MAP: dict[str, str] = {
    "PERSON": "PER",
    "ORG": "ORG",
    "GPE": "LOC",
    "LOC": "LOC",
    "FAC": "LOC",
}
#: Our label set collapsed the same way, to compare sources on equal terms.
COLLAPSED_MAP: dict[str, str] = {**UNER_MAP}
IDENTITY: dict[str, str] = {
    label: label for label in ("PERSON", "ORG", "GPE", "LOC", "NORP", "FAC", "EVENT")
}


#: spaCy's syntax scores, in the column order of the model card's syntax table.
SYNTAX_KEYS: Final = (
    "token_acc",
    "tag_acc",
    "pos_acc",
    "morph_acc",
    "lemma_acc",
    "dep_uas",
    "dep_las",
    "sents_f",
)


def load_docs(nlp: Language, path: Path) -> list[Doc]:
    """Gold docs of a ``.spacy`` file."""
    return list(DocBin().from_disk(path).get_docs(nlp.vocab))


def score_syntax(nlp: Language, gold: Sequence[Doc], *, raw_text: bool) -> dict[str, float]:
    """Tag/POS/morph/lemma accuracy, UAS/LAS and sentence F on ``gold``."""
    examples = []
    for doc in gold:
        if raw_text:
            predicted = nlp.make_doc(doc.text)
        else:
            predicted = Doc(
                nlp.vocab, words=[t.text for t in doc], spaces=[bool(t.whitespace_) for t in doc]
            )
        examples.append(Example(predicted, doc))
    with nlp.select_pipes(disable=[n for n in ("ner",) if n in nlp.pipe_names]):
        scores = nlp.evaluate(examples)
    return {k: float(scores[k]) for k in SYNTAX_KEYS if scores.get(k) is not None}


def _gold_spans(doc: Doc, mapping: dict[str, str]) -> tuple[set[Span3], set[int]]:
    spans = {(e.start, e.end, mapping[e.label_]) for e in doc.ents if e.label_ in mapping}
    unknown = {t.i for t in doc if t.ent_iob_ == ""}
    return spans, unknown


def score_ner(
    nlp: Language,
    gold: Sequence[Doc],
    *,
    gold_map: dict[str, str],
    pred_map: dict[str, str],
) -> dict[str, dict[str, float]]:
    """Per-label and micro P/R/F1 (exact spans) after mapping both sides."""
    tp: Counter[str] = Counter()
    fp: Counter[str] = Counter()
    fn: Counter[str] = Counter()
    inputs = (
        Doc(nlp.vocab, words=[t.text for t in d], spaces=[bool(t.whitespace_) for t in d])
        for d in gold
    )
    for gdoc, pdoc in zip(gold, nlp.pipe(inputs), strict=True):
        gspans, unknown = _gold_spans(gdoc, gold_map)
        pspans = {(e.start, e.end, pred_map[e.label_]) for e in pdoc.ents if e.label_ in pred_map}
        for span in pspans:
            if span in gspans:
                tp[span[2]] += 1
            elif not unknown.intersection(range(span[0], span[1])):
                fp[span[2]] += 1
        for span in gspans - pspans:
            fn[span[2]] += 1
    out: dict[str, dict[str, float]] = {}
    labels = sorted(set(tp) | set(fp) | set(fn))
    for label in [*labels, "ALL"]:
        t = sum(tp.values()) if label == "ALL" else tp[label]
        p_den = t + (sum(fp.values()) if label == "ALL" else fp[label])
        r_den = t + (sum(fn.values()) if label == "ALL" else fn[label])
        precision = t / p_den if p_den else 0.0
        recall = t / r_den if r_den else 0.0
        f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
        out[label] = {"p": precision, "r": recall, "f": f1, "n": float(r_den)}
    return out


def evaluate(
    nlp: Language, corpus: Path, *, with_knowledge: Language | None = None
) -> dict[str, Any]:
    """Every held-out score of the model card, as one JSON-able dict.

    ``with_knowledge`` is the same model with the knowledge-base ruler on top (what Parallax
    runs); its NER is scored on the news-like sets too, to show what the curated aliases add.
    """
    ewt_test = load_docs(nlp, corpus / "syntax/test.spacy")
    results: dict[str, Any] = {
        "ewt_test_gold_tokens": score_syntax(nlp, ewt_test, raw_text=False),
        "ewt_test_raw_text": score_syntax(nlp, ewt_test, raw_text=True),
    }
    uner_gold = {"PER": "PER", "ORG": "ORG", "LOC": "LOC"}
    results["ner_uner_test"] = score_ner(
        nlp,
        load_docs(nlp, corpus / "ner/uner-test.spacy"),
        gold_map=uner_gold,
        pred_map=UNER_MAP,
    )
    for name in ("gum-news-test", "gum-test", "re3d-test"):
        docs = load_docs(nlp, corpus / f"ner/{name}.spacy")
        key = name.replace("-", "_")
        results[f"ner_{key}"] = score_ner(nlp, docs, gold_map=IDENTITY, pred_map=IDENTITY)
        results[f"ner_{key}_collapsed"] = score_ner(
            nlp, docs, gold_map=COLLAPSED_MAP, pred_map=COLLAPSED_MAP
        )
    if with_knowledge is not None:
        results["ner_uner_test_kb"] = score_ner(
            with_knowledge,
            load_docs(nlp, corpus / "ner/uner-test.spacy"),
            gold_map=uner_gold,
            pred_map=UNER_MAP,
        )
        results["ner_gum_news_test_collapsed_kb"] = score_ner(
            with_knowledge,
            load_docs(nlp, corpus / "ner/gum-news-test.spacy"),
            gold_map=COLLAPSED_MAP,
            pred_map=COLLAPSED_MAP,
        )
    return results


def _fmt(value: float) -> str:
    return f"{value:.3f}"


def to_markdown(results: dict[str, Any]) -> str:
    """The score tables of docs/model.md."""
    lines = [
        "### Syntax (UD English-EWT test, never trained on)",
        "",
        "| input | tokens | tag (XPOS) | POS (UPOS) | morph | lemma | UAS | LAS | sent F |",
        "|---|---|---|---|---|---|---|---|---|",
    ]
    for key, name in (("ewt_test_gold_tokens", "gold tokens"), ("ewt_test_raw_text", "raw text")):
        s = results[key]
        cells = [_fmt(s.get(k, 1.0)) for k in SYNTAX_KEYS]
        lines.append(f"| {name} | " + " | ".join(cells) + " |")
    titles: Iterable[tuple[str, str]] = (
        ("ner_uner_test", "UNER English-EWT test (our GPE/LOC/FAC scored as LOC)"),
        ("ner_gum_news_test_collapsed", "GUM news test docs, PER/ORG/LOC (GPE/FAC→LOC)"),
        ("ner_gum_news_test", "GUM news test docs, full label set"),
        ("ner_gum_test_collapsed", "all GUM test docs (6 genres), PER/ORG/LOC"),
        ("ner_gum_test", "all GUM test docs (6 genres), full label set"),
        ("ner_re3d_test_collapsed", "re3d held-out slice, PER/ORG/LOC"),
        ("ner_re3d_test", "re3d held-out slice, full label set"),
        ("ner_uner_test_kb", "UNER test, model + knowledge-base ruler (what Parallax runs)"),
        ("ner_gum_news_test_collapsed_kb", "GUM news test, PER/ORG/LOC, model + knowledge base"),
    )
    for key, title in titles:
        if key not in results:
            continue
        lines += [
            "",
            f"### NER: {title}",
            "",
            "| label | P | R | F1 | gold |",
            "|---|---|---|---|---|",
        ]
        for label, s in results[key].items():
            lines.append(
                f"| {label} | {_fmt(s['p'])} | {_fmt(s['r'])} | {_fmt(s['f'])} | {int(s['n'])} |"
            )
    return "\n".join(lines) + "\n"


def main(
    argv: Sequence[str] | None = None, *, loader: Callable[[Path], Language] = spacy.load
) -> None:
    """Score ``--model`` on ``--corpus``; write JSON and markdown next to ``--out``."""
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--model", type=Path, required=True)
    parser.add_argument("--corpus", type=Path, default=Path("training-work/corpus"))
    parser.add_argument("--out", type=Path, default=Path("training-work/scores"))
    parser.add_argument(
        "--data", type=Path, default=None, help="convert these corpora first if --corpus is empty"
    )
    args = parser.parse_args(argv)
    if args.data is not None and not (args.corpus / "syntax/test.spacy").exists():
        from parallax.nlp.training import corpora

        corpora.write_corpora(args.data, args.corpus)
    from parallax.nlp.pipeline import build_pipeline

    results = evaluate(
        loader(args.model), args.corpus, with_knowledge=build_pipeline(path=args.model)
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.with_suffix(".json").write_text(json.dumps(results, indent=2), encoding="utf8")
    markdown = to_markdown(results)
    args.out.with_suffix(".md").write_text(markdown, encoding="utf8")
    print(markdown)


if __name__ == "__main__":
    main()
