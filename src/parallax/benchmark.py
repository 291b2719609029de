"""``make bench``: throughput and memory of Parallax on real news text, written to docs/.

The corpus is the PolNeAR article texts (political news, ``../shared/data/polnear``) repeated
to ``--docs`` documents (5,000 by default), each copy made distinct by a last line so that
content-addressed ids differ. Three stages run on the same texts, each in a fresh process:

1. the tokenizer alone (the floor);
2. the bare trained model with ``nlp.pipe`` (the reference), on as many processes as the
   full path uses (``--workers``, default one per core), one BLAS thread each;
3. the whole ``analyze`` path into DuckDB: ingest, segmentation, the model, the knowledge base,
   every extractor (times, figures, quotes, events) and the store, with ``--workers`` analysis
   processes; the cross-source passes that ``analyze`` runs afterwards are timed apart (and at
   scale by :mod:`parallax.benchmark_corpus`, stage 4).

For each: documents/s, words/s (words = model tokens), peak memory of the stage's process and
all its workers together (:mod:`parallax.benchmark_memory`), and the ratios of stage 3 to
stages 2 and 1. Stage 3 also notes its peak after 1k, 5k and 20k documents, to show whether
memory stays flat as the corpus grows. Timings are measurements, never assertions.

Run: ``python -m parallax.benchmark --data ../shared/data [--docs 5000] [--workers N]
[--write FILE]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing
import os
import platform
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from parallax.benchmark_memory import TreeMemory, tree_resident_mb

Result = dict[str, float]
T = TypeVar("T")
#: A stage takes its input (the texts, or for the full path the JSONL file holding them), the
#: worker count and the memory sampler.
Stage = Callable[[Any, int, TreeMemory], Result]


def polnear_texts(data: Path) -> list[str]:
    """The article texts of PolNeAR train and dev, in name order."""
    folder = data / "polnear" / "data"
    paths = sorted(folder.glob("*/text/*.txt"))
    return [p.read_text(encoding="utf-8") for p in paths]


def corpus(texts: list[str], size: int) -> list[str]:
    """``size`` documents: the texts repeated, each copy ending in its own line."""
    return [f"{texts[i % len(texts)]}\n\nBenchmark copy {i}.\n" for i in range(size)]


#: Stage 3 notes its memory peak when it has stored this many documents.
CHECKPOINTS = (1_000, 5_000, 20_000)


def stage_tokenizer(texts: list[str], workers: int, memory: TreeMemory) -> Result:
    """The rule tokenizer over every text (one process: it is the floor, not the target)."""
    import spacy

    tokenizer = spacy.blank("en").tokenizer
    start = time.perf_counter()
    words = sum(len(tokenizer(text)) for text in texts)
    return {"seconds": time.perf_counter() - start, "words": float(words)}


def stage_model(texts: list[str], workers: int, memory: TreeMemory) -> Result:
    """The bare trained pipeline with ``nlp.pipe``, on ``workers`` processes split the way the
    full path splits its work (spaCy's own ``n_process`` ships every Doc back and would measure
    that copying, not the model)."""
    from concurrent.futures import ProcessPoolExecutor

    if workers == 1:
        _start_model_worker()
        start = time.perf_counter()
        words = _count_words(texts)
        return {"seconds": time.perf_counter() - start, "words": float(words)}
    parts = [texts[i : i + 25] for i in range(0, len(texts), 25)]
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(workers, context, _start_model_worker) as pool:
        list(pool.map(_count_words, [texts[:2]] * workers))  # load and warm up, not timed
        start = time.perf_counter()
        words = sum(pool.map(_count_words, parts))
    return {"seconds": time.perf_counter() - start, "words": float(words)}


_model: Any = None


def _start_model_worker() -> None:
    """Load the bare model; one BLAS thread, as in the analysis workers."""
    from threadpoolctl import threadpool_limits

    from parallax.nlp.pipeline import load_pipeline

    global _model
    _model = load_pipeline()
    list(_model.pipe(["A warm-up sentence."]))
    threadpool_limits(limits=1, user_api="blas")


def _count_words(texts: list[str]) -> int:
    return sum(len(doc) for doc in _model.pipe(texts, batch_size=8))


def write_articles(texts: list[str], path: Path) -> Path:
    """The benchmark documents as the JSONL file ``parallax analyze`` reads."""
    with path.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            out.write(json.dumps({"id": f"bench-{i}", "text": text}) + "\n")
    return path


def stage_full(source: Path, workers: int, memory: TreeMemory) -> Result:
    """``parallax analyze`` end to end: the JSONL file ``source`` in, a DuckDB file out (the
    texts are never held in this process, as in a real run); ``memory`` notes its peak at each
    of :data:`CHECKPOINTS` stored documents."""
    from parallax.extract.annotate import Annotator
    from parallax.ingest.run import IngestHooks
    from parallax.store.corpus import open_corpus
    from parallax.store.writer import WriteResult

    with tempfile.TemporaryDirectory() as work:
        stored = 0

        def note(batch: WriteResult) -> None:
            nonlocal stored
            before, stored = stored, stored + batch.added
            for mark in CHECKPOINTS:
                if before < mark <= stored:
                    memory.checkpoint(f"peak_mb_{mark}")
                    memory.checkpoints[f"resident_mb_{mark}"] = tree_resident_mb()

        annotator = Annotator(workers=workers)
        start = time.perf_counter()
        with open_corpus(Path(work) / "bench.duckdb") as store, annotator:
            report = store.ingest(source, annotator=annotator, hooks=IngestHooks(on_commit=note))
            seconds = time.perf_counter() - start
            events = store.connection.execute("SELECT count(*) FROM events").fetchone()
    return memory.checkpoints | {
        "seconds": report.seconds,
        "passes_seconds": seconds - report.seconds,
        "documents_stored": float(report.documents),
        "events": float(events[0] if events else 0),
    }


def _put_result(queue: Any, function: Callable[..., Any], *args: Any) -> None:
    queue.put(function(*args))


def in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """``function(*args)`` in a spawned process, so what it measures (time, peak memory) is
    not raised by what earlier work left in this process's heap."""
    context = multiprocessing.get_context("spawn")
    queue = context.Queue()
    process = context.Process(target=_put_result, args=(queue, function, *args))
    process.start()
    result: T = queue.get()
    process.join()
    return result


def _with_peak_memory(stage: Stage, payload: Any, workers: int) -> Result:
    with TreeMemory() as memory:
        result = stage(payload, workers, memory)
    return result | {"peak_rss_mb": memory.peak_mb}


def run_isolated(stage: Stage, payload: Any, workers: int) -> Result:
    """Run one stage on ``payload`` in a fresh process; return its result with its own peak
    memory."""
    return in_fresh_process(_with_peak_memory, stage, payload, workers)


BEGIN = "<!-- throughput:begin -->"
END = "<!-- throughput:end -->"
#: Issue 8's targets on the 2-core machine, printed beside the measured figures.
TARGET_DOCS_PER_S = 25.0
TARGET_RATIO = 1.3
TARGET_PEAK_MB = 1536.0


def markdown(rows: dict[str, Result], documents: int, words: float, workers: int) -> str:
    """The throughput section of ``docs/performance.md``."""
    full, bare, floor = rows["full"], rows["model"], rows["tokenizer"]
    lines = [
        BEGIN,
        "## Throughput and memory",
        "",
        f"Measured {dt.date.today().isoformat()} by `make bench` (`python -m parallax.benchmark`)",
        f"on {os.cpu_count()} CPU cores ({platform.machine()}, "
        f"Python {platform.python_version()}), {workers} analysis process(es):",
        f"{documents:,} documents made from the PolNeAR article texts ({words:,.0f} model tokens).",
        "Each stage runs in a fresh process; peak memory is the resident memory of that process "
        "and its workers together.",
        "",
        "| stage | seconds | documents/s | words/s | peak memory (MB) |",
        "|---|---:|---:|---:|---:|",
    ]
    names = {
        "tokenizer": "1. tokenizer only (floor, one process)",
        "model": f"2. bare trained model, `nlp.pipe` ({workers} processes)",
        "full": f"3. full `analyze` path into DuckDB ({workers} workers)",
    }
    for key, name in names.items():
        row = rows[key]
        lines.append(
            f"| {name} | {row['seconds']:.1f} | {documents / row['seconds']:.1f} | "
            f"{words / row['seconds']:,.0f} | {row['peak_rss_mb']:.0f} |"
        )
    ratio = full["seconds"] / bare["seconds"]
    rate = documents / full["seconds"]
    marks = [
        f"{m:,} documents: {full[f'peak_mb_{m}']:.0f} MB"
        for m in CHECKPOINTS
        if f"peak_mb_{m}" in full
    ]
    lines += [
        "",
        f"Cost ratio full / bare model: **{ratio:.2f}**; "
        f"full / tokenizer: {full['seconds'] / floor['seconds']:.1f}.",
        f"The full path stored {full['documents_stored']:,.0f} documents and "
        f"{full['events']:,.0f} events; the cross-source passes `analyze` runs after it took "
        f"{full['passes_seconds']:.1f} s more.",
        f"Peak memory of the full path so far, after {'; after '.join(marks)}." if marks else "",
        "",
        "| target (issue 8) | wanted | measured | met |",
        "|---|---:|---:|---|",
        _target(
            "full path documents/s", f"≥ {TARGET_DOCS_PER_S:.0f}", rate, rate >= TARGET_DOCS_PER_S
        ),
        _target("full / bare model", f"≤ {TARGET_RATIO}", ratio, ratio <= TARGET_RATIO),
        _target(
            "peak memory (MB)",
            f"≤ {TARGET_PEAK_MB:.0f}",
            full["peak_rss_mb"],
            full["peak_rss_mb"] <= TARGET_PEAK_MB,
        ),
        "",
        END,
    ]
    return "\n".join(lines)


def _target(name: str, wanted: str, measured: float, met: bool) -> str:
    return f"| {name} | {wanted} | {measured:,.2f} | {'yes' if met else 'no'} |"


def write_section(path: Path, section: str, begin: str = BEGIN, end: str = END) -> None:
    """Replace (or append) the section between ``begin`` and ``end`` in ``path``, keeping the
    hand-written text around it."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Performance\n"
    if begin in text and end in text:
        head, rest = text.split(begin, 1)
        text = head + section + rest.split(end, 1)[1]
    else:
        text = text.rstrip("\n") + "\n\n" + section + "\n"
    path.write_text(text, encoding="utf-8")


def main(argv: list[str] | None = None) -> None:
    """Run the three stages and print (and optionally write) the table."""
    from parallax.settings import load_settings

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--docs", type=int, default=5000)
    parser.add_argument("--workers", type=int, default=0, help="0 = one per core (at most 4)")
    parser.add_argument("--write", type=Path, default=None)
    parser.add_argument(
        "--full-only",
        action="store_true",
        help="run only the full path and print its figures (e.g. memory at 20,000 documents)",
    )
    args = parser.parse_args(argv)
    workers = load_settings(workers=args.workers or None).worker_count
    texts = corpus(polnear_texts(args.data), args.docs)
    with tempfile.TemporaryDirectory() as folder:
        source = write_articles(texts, Path(folder) / "articles.jsonl")
        if args.full_only:
            full = run_isolated(stage_full, source, workers)
            print(json.dumps({"documents": len(texts), "workers": workers, **full}, indent=1))
            return
        rows = {
            "tokenizer": run_isolated(stage_tokenizer, texts, workers),
            "model": run_isolated(stage_model, texts, workers),
            "full": run_isolated(stage_full, source, workers),
        }
    section = markdown(rows, len(texts), rows["model"]["words"], workers)
    print(section)
    if args.write is not None:
        write_section(args.write, section)


if __name__ == "__main__":
    main()
