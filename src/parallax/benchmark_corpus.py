"""``make bench`` (second part): the cross-source passes at 1k, 5k and 20k documents.

The passes (source families, stories, stances, merged events; ``parallax.corpus.update``) must
stay near-linear in corpus size. Analysing 10,000 documents with the model would take an hour
on this machine and measure the model, not the passes, so the corpus is built in two steps:

1. ``--base`` PolNeAR articles are analysed for real (outlets and publication dates assigned in
   rotation over a year), giving real records;
2. the store is replicated to each size: replica ``r`` of a document gets its own id, a
   publication date ``r * 30`` days later and a same-length letter rotation of its text, so
   offsets stay valid but its shingles differ (the replicas are not near-duplicates) while its
   actors, places and events stay real.

Then ``update_corpus`` runs once over the whole store (the cold pass) and once more after 1% new
documents arrive (the incremental pass). Timings are measurements, never assertions.

Run: ``python -m parallax.benchmark_corpus --data ../shared/data [--base 200]
[--sizes 1000,5000,20000] [--write docs/performance.md]`` (the section between the markers is
replaced). Each size is measured in a fresh process, so its peak memory is its own.
"""

from __future__ import annotations

import argparse
import contextlib
import datetime as dt
import json
import shutil
import string
import tempfile
import time
from pathlib import Path
from typing import Any

import duckdb

from parallax.benchmark import in_fresh_process, polnear_texts, write_section
from parallax.benchmark_memory import TreeMemory, status_mb
from parallax.settings import Settings

OUTLETS = ("Wire A", "Daily B", "Left C", "Right D", "Blog E", "Weekly F", "Radio G", "Paper H")
START = dt.date(2016, 1, 1)
BEGIN = "<!-- corpus-passes:begin -->"
END = "<!-- corpus-passes:end -->"

#: Tables with one row per (doc_id, idx) record, copied for each replica.
RECORD_TABLES = ("segments", "entities", "places", "times", "figures", "quotes", "events")


def build_base(data: Path, count: int, path: Path) -> float:
    """Analyse ``count`` PolNeAR articles into ``path``; return the seconds it took."""
    from parallax.extract.annotate import Annotator
    from parallax.store.corpus import open_corpus

    texts = polnear_texts(data)[:count]
    source = path.parent / "base.jsonl"
    with source.open("w", encoding="utf-8") as out:
        for i, text in enumerate(texts):
            published = START + dt.timedelta(days=(i * 7) % 365)
            record = {"text": text, "outlet": OUTLETS[i % len(OUTLETS)]}
            out.write(json.dumps(record | {"published": published.isoformat()}) + "\n")
    start = time.perf_counter()
    with open_corpus(path) as store:
        store.ingest(source, annotator=Annotator())
    return time.perf_counter() - start


def _rotation(shift: int) -> tuple[str, str]:
    """A letter rotation by ``shift`` (same length, so record offsets stay valid)."""
    lower, upper = string.ascii_lowercase, string.ascii_uppercase
    return (
        lower + upper,
        lower[shift:] + lower[:shift] + upper[shift:] + upper[:shift],
    )


def replicate(con: duckdb.DuckDBPyConnection, size: int) -> int:
    """Grow the store to ``size`` documents with rotated, later-dated replicas."""
    ids_now = [str(r[0]) for r in con.execute("SELECT id FROM documents ORDER BY id").fetchall()]
    base = [i for i in ids_now if "r" not in i]  # replicas are named <12 hex>r<NNN>
    made = len(ids_now)
    replica = 1 + max((int(i[-3:]) for i in ids_now if "r" in i), default=0)
    while made < size:
        ids = base[: size - made]
        source, target = _rotation(replica % 25 + 1)
        con.execute("CREATE OR REPLACE TEMP TABLE mapping (old VARCHAR, new VARCHAR)")
        con.executemany(
            "INSERT INTO mapping VALUES (?, ?)", [(i, f"{i[:12]}r{replica:03d}") for i in ids]
        )
        con.execute("BEGIN TRANSACTION")
        con.execute(
            "INSERT INTO documents SELECT d.* REPLACE (m.new AS id, "
            "translate(d.text, $1, $2) AS text, d.published + INTERVAL ($3) DAY AS published, "
            "m.new AS fingerprint) FROM documents d JOIN mapping m ON d.id = m.old",
            [source, target, replica * 30],
        )
        for table in (*RECORD_TABLES, "analyses"):
            con.execute(
                f"INSERT INTO {table} SELECT t.* REPLACE (m.new AS doc_id) "
                f"FROM {table} t JOIN mapping m ON t.doc_id = m.old"
            )
        con.execute("COMMIT")
        made += len(ids)
        replica += 1
    return made


def _counts(con: duckdb.DuckDBPyConnection) -> dict[str, int]:
    tables = ("documents", "events", "families", "stories", "merged_events", "stances")
    counts: dict[str, int] = {}
    for table in tables:
        row = con.execute(f"SELECT count(*) FROM {table}").fetchone()
        counts[table] = int(row[0]) if row else 0
    return counts


def _reset_peak_memory() -> None:
    """Start this process's peak-memory count afresh (Linux: writing 5 to clear_refs resets
    VmHWM), so each size's cold pass reports its own peak, not the replication's."""
    with contextlib.suppress(OSError):  # elsewhere the peak includes earlier work
        Path("/proc/self/clear_refs").write_text("5")


def measure(base_db: Path, size: int, work: Path, workers: int = 1) -> dict[str, Any]:
    """Cold and incremental ``update_corpus`` over a store of ``size`` documents, the stances
    pass on ``workers`` processes (as ``parallax analyze`` runs it); peak memory is this
    process's peak or, when larger, the most it and its workers held together (sampled)."""
    from parallax.corpus.update import update_corpus
    from parallax.store.db import connect

    path = work / f"corpus-{size}.duckdb"
    shutil.copy(base_db, path)
    con = connect(path)
    for table in ("corpus_passes", "families", "story_documents", "stories"):
        con.execute(f"DELETE FROM {table}")
    con.execute("DELETE FROM event_mentions; DELETE FROM merged_events; DELETE FROM stances")
    fresh = max(size // 100, 1)
    replicate(con, size - fresh)
    _reset_peak_memory()
    start = time.perf_counter()
    with TreeMemory() as tree:
        update_corpus(con, workers=workers)
    cold = time.perf_counter() - start
    peak = max(status_mb("self", "VmHWM"), tree.peak_mb)
    replicate(con, size)
    start = time.perf_counter()
    update_corpus(con, workers=workers)
    incremental = time.perf_counter() - start
    result: dict[str, Any] = {"size": size, "cold": cold, "incremental": incremental}
    result |= {"new": fresh, "counts": _counts(con), "peak_mb": peak}
    con.close()
    return result


def markdown(rows: list[dict[str, Any]], base: int, base_seconds: float) -> str:
    """The section of ``docs/performance.md`` on the corpus passes."""
    lines = [
        BEGIN,
        "## Cross-source passes at scale",
        "",
        f"Measured {dt.date.today().isoformat()} by `python -m parallax.benchmark_corpus`: "
        f"{base} PolNeAR articles analysed for real ({base_seconds:.0f} s), then replicated "
        "(own ids, later dates, letter-rotated text, so no near-duplicates) to each size. "
        "Cold = `update_corpus` over the whole store; incremental = the same after 1% new "
        "documents arrive.",
        "",
        "| documents | cold pass (s) | documents/s | peak memory (MB) | incremental, +1% (s) "
        "| families | stories | merged events | event mentions | stances |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for row in rows:
        c = row["counts"]
        lines.append(
            f"| {row['size']:,} | {row['cold']:.1f} | {row['size'] / row['cold']:,.0f} "
            f"| {row['peak_mb']:.0f} | {row['incremental']:.1f} | {c['families']:,} "
            f"| {c['stories']:,} | {c['merged_events']:,} | {c['events']:,} | {c['stances']:,} |"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        growth = (last["cold"] / first["cold"]) / (last["size"] / first["size"])
        lines += ["", f"Time grows {growth:.2f}× as fast as the corpus (1.00 = linear).", ""]
    lines.append(END)
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> None:
    """Build the base store, measure each size, print (and optionally write) the table."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--data", type=Path, default=Path("../shared/data"))
    parser.add_argument("--base", type=int, default=200)
    parser.add_argument("--sizes", default="1000,5000,20000")
    parser.add_argument(
        "--workers", type=int, default=0, help="stance processes (0: as parallax analyze)"
    )
    parser.add_argument("--write", type=Path, default=None)
    args = parser.parse_args(argv)
    sizes = [int(s) for s in args.sizes.split(",")]
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        base_db = work / "base.duckdb"
        base_seconds = build_base(args.data, args.base, base_db)
        workers = args.workers or Settings().worker_count
        # each size in a fresh process: its peak is not raised by the previous size's heap
        rows = [in_fresh_process(measure, base_db, size, work, workers) for size in sizes]
    section = markdown(rows, args.base, base_seconds)
    print(section)
    if args.write is not None:
        write_section(args.write, section, BEGIN, END)


if __name__ == "__main__":
    main()
