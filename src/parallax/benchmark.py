"""``make bench``: throughput and memory of Parallax on real news text, written to docs/.

The corpus is the PolNeAR article texts (political news, ``../shared/data/polnear``) repeated
to ``--docs`` documents, each copy made distinct by a last line so that content-addressed ids
differ. Three stages run on the same texts, each in a fresh process so its peak memory is its
own:

1. the tokenizer alone (the floor);
2. the bare trained model with ``nlp.pipe`` (the reference);
3. the whole ``analyze`` path into DuckDB: ingest, segmentation, the model, the knowledge base,
   every extractor (times, figures, quotes, events) and the store.

For each: documents/s, words/s (words = model tokens), peak RSS, and the ratios of stage 3 to
stages 2 and 1. Timings are measurements, never assertions.

Run: ``python -m parallax.benchmark --data ../shared/data [--docs 1000] [--write FILE]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import resource
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

Result = dict[str, float]


def polnear_texts(data: Path) -> list[str]:
    """The article texts of PolNeAR train and dev, in name order."""
    folder = data / "polnear" / "data"
    paths = sorted(folder.glob("*/text/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(texts: list[str], size: int) -> list[str]:
    """``size`` documents: the texts repeated, each copy ending in its own line."""
    return [f"{texts[i % len(texts)]}\n\nBenchmark copy {i}.\n" for i in range(size)]


def _peak_rss_mb() -> float:
    """Peak resident memory of this process in MB (Linux reports KB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def stage_tokenizer(texts: list[str]) -> Result:
    """The rule tokenizer over every text."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    words = sum(len(tokenizer(text)) for text in texts)
    return {"seconds": time.perf_counter() - start, "words": float(words)}


def stage_model(texts: list[str]) -> Result:
    """The bare trained pipeline with ``nlp.pipe`` (one process)."""
    from parallax.nlp.pipeline import load_pipeline

    nlp = load_pipeline()
    list(nlp.pipe(texts[:5]))  # warm-up, not timed
    start = time.perf_counter()
    words = sum(len(doc) for doc in nlp.pipe(texts, batch_size=64))
    return {"seconds": time.perf_counter() - start, "words": float(words)}


def stage_full(texts: list[str]) -> Result:
    """``parallax analyze`` end to end: a JSONL file in, a DuckDB file out."""
    from parallax.extract.annotate import Annotator
    from parallax.store.corpus import open_corpus

    with tempfile.TemporaryDirectory() as work:
        source = Path(work) / "articles.jsonl"
        with source.open("w", encoding="utf-8") as out:
            for i, text in enumerate(texts):
                out.write(json.dumps({"id": f"bench-{i}", "text": text}) + "\n")
        annotator = Annotator()
        annotator.annotate([])  # loading the pipeline is not throughput
        _ = annotator.nlp
        start = time.perf_counter()
        with open_corpus(Path(work) / "bench.duckdb") as store:
            report = store.ingest(source, annotator=annotator)
            events = store.connection.execute("SELECT count(*) FROM events").fetchone()
        seconds = time.perf_counter() - start
    return {
        "seconds": seconds,
        "documents_stored": float(report.documents),
        "events": float(events[0] if events else 0),
    }


def _child(stage: Callable[[list[str]], Result], texts: list[str], queue: Any) -> None:
    result = stage(texts)
    result["peak_rss_mb"] = _peak_rss_mb()
    queue.put(result)


def run_isolated(stage: Callable[[list[str]], Result], texts: list[str]) -> Result:
    """Run one stage in a fresh process and return its result with its own peak memory."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_child, args=(stage, texts, queue))
    process.start()
    result: Result = queue.get()
    process.join()
    return result


def markdown(rows: dict[str, Result], documents: int, words: float) -> str:
    """``docs/performance.md``."""
    full, bare, floor = rows["full"], rows["model"], rows["tokenizer"]
    lines = [
        "# Performance",
        "",
        f"Measured {dt.date.today().isoformat()} by `make bench` (`python -m parallax.benchmark`)",
        f"on {os.cpu_count()} CPU cores ({platform.machine()}, "
        f"Python {platform.python_version()}):",
        f"{documents} documents made from the PolNeAR article texts ({words:,.0f} model tokens).",
        "Each stage runs in a fresh process; peak RSS is that process's own.",
        "",
        "| stage | seconds | documents/s | words/s | peak RSS (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    names = {
        "tokenizer": "1. tokenizer only (floor)",
        "model": "2. bare trained model, `nlp.pipe`",
        "full": "3. full `analyze` path into DuckDB",
    }
    for key, name in names.items():
        row = rows[key]
        lines.append(
            f"| {name} | {row['seconds']:.1f} | {documents / row['seconds']:.1f} | "
            f"{words / row['seconds']:,.0f} | {row['peak_rss_mb']:.0f} |"
        )
    lines += [
        "",
        f"Cost ratio full / bare model: **{full['seconds'] / bare['seconds']:.2f}**; "
        f"full / tokenizer: {full['seconds'] / floor['seconds']:.1f}.",
        f"The full path stored {full['documents_stored']:.0f} documents and "
        f"{full['events']:.0f} events.",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Run the three stages and print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=1000)
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args(argv)
    texts = corpus(polnear_texts(args.data), args.docs)
    rows = {
        "tokenizer": run_isolated(stage_tokenizer, texts),
        "model": run_isolated(stage_model, texts),
        "full": run_isolated(stage_full, texts),
    }
    text = markdown(rows, len(texts), rows["model"]["words"])
    print(text)
    if args.write is not None:
        args.write.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
