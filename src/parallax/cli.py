"""The ``parallax`` command line. Each command's docstring is its ``--help``.

Exit codes: 0 success; 1 some inputs could not be used (the rest were stored, reasons are in
``parallax docs --failed``); 2 usage, settings or database errors (nothing was done);
130 interrupted (finished batches are kept; run again to complete).
"""

from __future__ import annotations

import csv
import json
import logging
import sys
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, NoReturn, TypeVar

import click
import duckdb
from rich.console import Console
from rich.markup import escape
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)
from rich.table import Table

from parallax.errors import InputError, ParallaxError, UsageError
from parallax.extract.event_lexicon import PLOVER_TYPES
from parallax.ingest.document import IngestedDocument
from parallax.ingest.metadata import DocHints, parse_date
from parallax.ingest.run import IngestHooks, IngestReport
from parallax.ingest.sources import RawRecord
from parallax.schema import json_schema
from parallax.settings import DEFAULT_DB, load_settings
from parallax.store.corpus import Corpus
from parallax.store.event_filters import event_conditions
from parallax.store.export import FORMATS as EXPORT_FORMATS
from parallax.store.export import export as export_corpus
from parallax.store.writer import WriteResult

EXIT_PARTIAL = 1
EXIT_USAGE = 2
EXIT_INTERRUPTED = 130

stderr = Console(stderr=True, highlight=False, soft_wrap=True)
# Pipes and files get wide tables instead of rich's 80-column default for non-terminals.
stdout = Console(highlight=False, soft_wrap=True)
if not stdout.is_terminal:
    stdout = Console(highlight=False, soft_wrap=True, width=200)

SEGMENT_STYLE = {
    "title": "bold cyan",
    "byline": "magenta",
    "dateline": "magenta",
    "body": "default",
    "caption": "yellow",
    "comment": "green",
    "boilerplate": "dim",
}


def fail(message: str) -> NoReturn:
    """Print a one-line error and exit with the usage/database code."""
    stderr.print(f"[red]error:[/red] {escape(message)}")
    sys.exit(EXIT_USAGE)


@contextmanager
def user_errors() -> Iterator[None]:
    """Turn Parallax's deliberate errors into one line and an exit code, never a traceback."""
    try:
        yield
    except ParallaxError as exc:
        fail(str(exc))


def open_store(ctx: click.Context, *, read_only: bool = False, **settings: Any) -> Corpus:
    """The corpus named by ``--db``, with settings validated in one place."""
    db = ctx.obj["db"]
    with user_errors():
        loaded = load_settings(db=db, **settings)
        return Corpus(loaded.db, read_only=read_only, settings=loaded)
    raise AssertionError("unreachable")  # pragma: no cover


@click.group(context_settings={"help_option_names": ["-h", "--help"], "max_content_width": 100})
@click.option(
    "--db",
    type=click.Path(dir_okay=False, path_type=Path),
    envvar="PARALLAX_DB",
    default=DEFAULT_DB,
    show_default=True,
    help="The DuckDB database file.",
)
@click.option(
    "--kb",
    "kb",
    multiple=True,
    type=click.Path(dir_okay=False, path_type=Path),
    help="Your own actors/places YAML over the shipped registry (repeatable; env PARALLAX_KB).",
)
@click.version_option(package_name="parallax")
@click.pass_context
def cli(ctx: click.Context, db: Path, kb: tuple[Path, ...]) -> None:
    """Parallax: what happened in a conflict, and who says so — from your own news corpus."""
    ctx.ensure_object(dict)
    ctx.obj["db"] = db
    ctx.obj["kb"] = kb


def kb_files(ctx: click.Context) -> tuple[Path, ...]:
    """The user's knowledge overlays from ``--kb`` or the ``PARALLAX_KB`` setting."""
    with user_errors():
        return load_settings(kb=ctx.obj.get("kb") or None).kb
    raise AssertionError("unreachable")  # pragma: no cover


class IngestProgress:
    """A progress bar over input bytes on a terminal, one line per problem everywhere."""

    def __init__(self, paths: Sequence[str], *, verbose: bool) -> None:
        self.verbose = verbose
        self.total = sum(_input_size(p) for p in paths)
        self.progress = Progress(
            SpinnerColumn(),
            TextColumn("[progress.description]{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("{task.fields[rate]}"),
            TimeElapsedColumn(),
            console=stderr,
            transient=True,
            disable=not stderr.is_terminal,
        )
        self.task = self.progress.add_task("ingesting", total=self.total or None, rate="")
        self.current: str | None = None
        self.documents = 0

    def on_record(self, item: RawRecord | InputError) -> None:
        if item.source != self.current:
            if self.current is not None:
                self.progress.advance(self.task, _input_size(self.current))
            self.current = item.source

    def on_document(self, doc: IngestedDocument) -> None:
        self.documents += 1
        elapsed = self.progress.tasks[0].elapsed or 0.0
        rate = f"{self.documents / elapsed:,.0f} docs/s" if elapsed > 0.5 else ""
        self.progress.update(self.task, description=f"{self.documents:,} documents", rate=rate)

    def on_error(self, error: InputError) -> None:
        self.progress.console.print(f"[yellow]skipped:[/yellow] {escape(str(error))}")

    def on_commit(self, result: WriteResult) -> None:
        if self.verbose:
            self.progress.console.print(
                f"committed batch: {result.added} new, {result.updated} updated, "
                f"{result.unchanged} unchanged, {result.failed} failed"
            )

    def hooks(self) -> IngestHooks:
        return IngestHooks(self.on_record, self.on_document, self.on_error, self.on_commit)


def _input_size(path: str) -> int:
    target = Path(path)
    if path == "-" or not target.exists():
        return 0
    if target.is_file():
        return target.stat().st_size
    return sum(p.stat().st_size for p in target.rglob("*") if p.is_file())


def _summarise(report: IngestReport, db: Path) -> None:
    t = report.totals
    for warning in report.warnings:
        stderr.print(f"[yellow]warning:[/yellow] {escape(warning)}")
    rate = report.documents / report.seconds if report.seconds else 0.0
    stderr.print(
        f"{report.documents:,} documents ({t.added:,} new, {t.updated:,} updated, "
        f"{t.unchanged:,} unchanged), {len(report.failures):,} failed, in "
        f"{report.seconds:.1f} s ({rate:,.1f} docs/s) → {escape(str(db))}"
    )
    if report.failures:
        stderr.print("see the reasons again with: parallax docs --failed")


def _run_ingest(
    corpus: Corpus,
    paths: Sequence[str],
    *,
    verbose: bool,
    clean: bool = True,
    manifests: Sequence[Path] = (),
    overrides: DocHints | None = None,
    on_document: Any = None,
    annotator: Any = None,
) -> IngestReport:
    tracker = IngestProgress(paths, verbose=verbose)
    hooks = tracker.hooks()
    if on_document is not None:
        inner = hooks.on_document

        def both(doc: IngestedDocument) -> None:
            if inner:
                inner(doc)
            on_document(doc)

        hooks.on_document = both
    with tracker.progress:
        try:
            report = corpus.ingest(
                *paths,
                clean=clean,
                manifests=list(manifests),
                hooks=hooks,
                overrides=overrides,
                annotator=annotator,
            )
        except KeyboardInterrupt:
            stderr.print(
                "[red]interrupted:[/red] finished batches are stored; run the same command "
                "again to complete without duplicates"
            )
            sys.exit(EXIT_INTERRUPTED)
        except duckdb.OutOfMemoryException as exc:
            fail(out_of_database_memory(corpus, exc))
    return report


def out_of_database_memory(corpus: Corpus, exc: Exception) -> str:
    """The one-line error when DuckDB hits its memory cap (its key indexes must fit in it)."""
    first = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
    cap = "its memory cap"
    try:
        row = corpus.connection.execute("SELECT current_setting('memory_limit')").fetchone()
        if row:
            cap = f"its {row[0]} memory cap"
    except duckdb.Error:  # the failed transaction may refuse even this
        if corpus.settings.db_memory_mb:
            cap = f"its {corpus.settings.db_memory_mb} MB memory cap"
    return (
        f"{corpus.path}: the database needs more than {cap}; finished batches are stored: "
        f"raise PARALLAX_DB_MEMORY_MB and run the same command again ({first})"
    )


paths_argument = click.argument("paths", nargs=-1, required=True)
verbose_option = click.option("--verbose", "-v", is_flag=True, help="Report every committed batch.")
max_doc_option = click.option(
    "--max-doc-mb",
    type=float,
    default=None,
    help="Largest single document in MB (default 10; env PARALLAX_MAX_DOC_MB).",
)
batch_option = click.option(
    "--batch-size",
    type=int,
    default=None,
    help="Documents per database transaction (default 200; env PARALLAX_BATCH_SIZE).",
)
manifest_option = click.option(
    "--manifest",
    "manifests",
    multiple=True,
    type=click.Path(exists=True, dir_okay=False, path_type=Path),
    help="A manifest (JSONL or CSV with a 'file' column) giving metadata by file name. "
    "A manifest.jsonl or manifest.csv beside the files is used without this option.",
)


@cli.command()
@paths_argument
@manifest_option
@max_doc_option
@batch_option
@verbose_option
@click.pass_context
def ingest(
    ctx: click.Context,
    paths: tuple[str, ...],
    manifests: tuple[Path, ...],
    max_doc_mb: float | None,
    batch_size: int | None,
    verbose: bool,
) -> None:
    """Store documents from PATHS: files, folders (recursively) or - for standard input.

    Reads plain text in any common encoding, HTML pages, WARC/WET files and JSONL (with
    'text' or 'html' and optional url, title, outlet, author, published), gzip-compressed or
    not. Re-ingesting the same input changes nothing; changed manifest metadata updates the
    stored documents. Inputs that cannot be used are reported, recorded and skipped.
    """
    corpus = open_store(ctx, max_doc_mb=max_doc_mb, batch_size=batch_size)
    with corpus:
        report = _run_ingest(corpus, paths, verbose=verbose, manifests=manifests)
    _summarise(report, corpus.path)
    if report.failures:
        sys.exit(EXIT_PARTIAL)


def _emit(rows: list[dict[str, Any]], fmt: str, title: str) -> None:
    if fmt == "json":
        click.echo(json.dumps(rows, indent=2, default=str, ensure_ascii=False))
    elif fmt == "csv":
        writer = csv.DictWriter(sys.stdout, fieldnames=list(rows[0]) if rows else [])
        writer.writeheader()
        writer.writerows(rows)
    else:
        table = Table(title=title, title_justify="left")
        for key in rows[0] if rows else []:
            table.add_column(
                key,
                overflow="fold",
                no_wrap=key == "id",
                justify="right" if key in {"words", "segments"} else "left",
            )
        for row in rows:
            table.add_row(*(escape("" if v is None else str(v)) for v in row.values()))
        stdout.print(table)


format_option = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json", "csv"]),
    default="table",
    show_default=True,
)


@cli.command()
@click.option("--failed", is_flag=True, help="List the inputs that could not be used, and why.")
@click.option("--outlet", default=None, help="Only documents of outlets matching this text.")
@format_option
@click.pass_context
def docs(ctx: click.Context, failed: bool, outlet: str | None, fmt: str) -> None:
    """List stored documents: id, outlet, title, published, words, segments."""
    with open_store(ctx, read_only=True) as corpus:
        if failed:
            failed_rows: list[dict[str, Any]] = [
                {"source": f.source, "record": f.locator, "kind": f.kind, "reason": f.reason}
                for f in corpus.failures()
            ]
            _emit(failed_rows, fmt, f"{len(failed_rows)} failed inputs")
            return
        documents = corpus.documents(outlet=outlet)
    rows: list[dict[str, Any]] = [
        {
            "id": d.id,
            "outlet": d.outlet,
            "title": d.title,
            "published": d.published,
            "words": d.words,
            "segments": d.segments,
        }
        for d in documents
    ]
    _emit(rows, fmt, f"{len(rows)} documents")


@cli.command()
@click.argument("doc")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True
)
@click.option("--kind", "kinds", multiple=True, help="Only segments of this kind (repeatable).")
@click.pass_context
def show(ctx: click.Context, doc: str, fmt: str, kinds: tuple[str, ...]) -> None:
    """Show document DOC (an id, a unique id prefix or its file path) with its segments marked."""
    with open_store(ctx, read_only=True) as corpus, user_errors():
        analysis = corpus.document(doc)
    if fmt == "json":
        click.echo(json.dumps(analysis.to_dict(), ensure_ascii=False, indent=2))
        return
    meta = analysis.doc
    stdout.print(f"[bold]{escape(meta.title or '(untitled)')}[/bold]")
    stdout.print(
        escape(
            f"{meta.id} · {meta.outlet or 'unknown outlet'} · {meta.published or 'undated'}"
            f"{' · ' + meta.author if meta.author else ''}"
        )
    )
    for seg in analysis.segments:
        if kinds and seg.kind not in kinds:
            continue
        style = SEGMENT_STYLE.get(seg.kind, "default")
        piece = analysis.text[seg.start : seg.end].rstrip("\n")
        stdout.print(f"[reverse]{seg.kind} {seg.start}-{seg.end}[/reverse]")
        stdout.print(f"[{style}]{escape(piece)}[/{style}]")


@cli.command()
@click.argument("paths", nargs=-1, required=True)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["jsonl", "json", "table"]),
    default="jsonl",
    show_default=True,
    help="jsonl: one object per document; json: one array; table: a summary table.",
)
@click.option("--published", default=None, help="Publication date YYYY-MM-DD for every input.")
@click.option("--outlet", default=None, help="Outlet name for every input.")
@click.option(
    "--no-clean",
    is_flag=True,
    help="Analyse the input exactly as given (no HTML "
    "extraction or segmentation); offsets index into the input.",
)
@click.option(
    "--store/--no-store", default=True, show_default=True, help="Also store the results in --db."
)
@manifest_option
@max_doc_option
@batch_option
@click.option(
    "--workers",
    type=click.IntRange(0, 64),
    default=None,
    help="Analysis processes (default 0 = one per core, at most 4; env PARALLAX_WORKERS). "
    "Each loads its own pipeline (~0.3–0.4 GB); 1 stays in one process.",
)
@verbose_option
@click.pass_context
def analyze(
    ctx: click.Context,
    paths: tuple[str, ...],
    fmt: str,
    published: str | None,
    outlet: str | None,
    no_clean: bool,
    store: bool,
    manifests: tuple[Path, ...],
    max_doc_mb: float | None,
    batch_size: int | None,
    workers: int | None,
    verbose: bool,
) -> None:
    """Analyse PATHS (files, folders or - for stdin) and print one JSON object per document.

    The output follows the data contract in docs/schema.md: the cleaned text, its segments and
    every extracted record with offsets into that text. Results are stored in --db too unless
    --no-store is given.
    """
    date = parse_date(published)
    if published is not None and date is None:
        fail(f"--published {published!r} is not a date (use YYYY-MM-DD)")
    overrides = DocHints(outlet=outlet, published=date)
    overlays = kb_files(ctx)
    if overlays:  # fail before any work if the user's knowledge file is broken
        from parallax.knowledge.loader import load_knowledge

        with user_errors():
            load_knowledge(overlays)
    from parallax.extract.annotate import Annotator

    if store:
        corpus = open_store(ctx, max_doc_mb=max_doc_mb, batch_size=batch_size, workers=workers)
    else:
        with user_errors():
            settings = load_settings(
                db=":memory:", max_doc_mb=max_doc_mb, batch_size=batch_size, workers=workers
            )
            corpus = Corpus(":memory:", settings=settings)
    annotator = Annotator(kb_files=overlays, workers=corpus.settings.worker_count)
    collected: list[dict[str, Any]] = []

    def emit(doc: IngestedDocument) -> None:
        if fmt == "jsonl":
            click.echo(json.dumps(doc.analysis.to_dict(), ensure_ascii=False))
        else:
            collected.append(doc.analysis.to_dict())

    with corpus, annotator:
        report = _run_ingest(
            corpus,
            paths,
            verbose=verbose,
            clean=not no_clean,
            manifests=manifests,
            overrides=overrides,
            on_document=emit,
            annotator=annotator,
        )
    if fmt == "json":
        click.echo(json.dumps(collected, ensure_ascii=False, indent=2))
    elif fmt == "table":
        _emit([_summary_row(a) for a in collected], "table", f"{len(collected)} documents analysed")
    _summarise(report, corpus.path)
    if store and corpus.last_update:
        done = corpus.last_update
        stderr.print(
            f"across sources: {done.get('merged_events', 0)} merged events; "
            f"{done.get('stories_updated', 0)} documents placed in stories, "
            f"{done.get('stances_updated', 0)} scored for stance"
        )
    if report.failures:
        sys.exit(EXIT_PARTIAL)


def _summary_row(analysis: dict[str, Any]) -> dict[str, Any]:
    doc = analysis["doc"]
    kinds: dict[str, int] = {}
    for seg in analysis["segments"]:
        kinds[seg["kind"]] = kinds.get(seg["kind"], 0) + seg["end"] - seg["start"]
    total = max(len(analysis["text"]), 1)
    return {
        "id": doc["id"],
        "outlet": doc["outlet"],
        "title": doc["title"],
        "published": doc["published"],
        "segments": len(analysis["segments"]),
        "body %": f"{100 * kinds.get('body', 0) / total:.0f}",
        "comment %": f"{100 * kinds.get('comment', 0) / total:.0f}",
        "entities": len(analysis["entities"]),
        "places": len(analysis["places"]),
        "times": len(analysis["times"]),
        "figures": len(analysis["figures"]),
        "quotes": len(analysis["quotes"]),
        "events": len(analysis["events"]),
    }


def _records(
    ctx: click.Context,
    kind: str,
    fmt: str,
    *,
    where: Mapping[str, object],
    outlet: str | None,
    contains: str | None,
    limit: int | None,
    matching: dict[str, str] | None = None,
    conditions: Sequence[tuple[str, Sequence[object]]] = (),
    table_columns: Sequence[str] | None = None,
) -> None:
    """Print stored records of one kind; the shared body of the listing commands.

    The table format leaves out offsets, or keeps only ``table_columns`` when given (events
    have too many columns for a terminal)."""
    filters = {k: v for k, v in where.items() if v is not None}
    with open_store(ctx, read_only=True) as corpus, user_errors():
        rows = corpus.records(
            kind,
            where=filters,
            matching=matching,
            outlet=outlet,
            contains=contains,
            limit=limit,
            conditions=conditions,
        )
    if fmt == "table" and table_columns is not None:
        rows = [{k: row[k] for k in table_columns} for row in rows]
    elif fmt == "table":
        offsets = {"start", "end", "speaker_start", "speaker_end"}
        rows = [{k: v for k, v in row.items() if k not in offsets} for row in rows]
    _emit(rows, fmt, f"{len(rows)} {kind}")


_Command = TypeVar("_Command", bound=Callable[..., None])


def record_filters(kind: str) -> Callable[[_Command], _Command]:
    """The options every listing command shares: outlet, document, segment kind, text, limit."""

    def decorate(command: _Command) -> _Command:
        options: list[Callable[[Any], Any]] = [
            click.option("--outlet", default=None, help="Only outlets matching this text."),
            click.option("--doc", "doc_id", default=None, help="Only this document id."),
            click.option(
                "--segment",
                type=click.Choice(["title", "byline", "dateline", "body", "caption", "comment"]),
                default=None,
                help="Only records in segments of this kind (comment = reader comments).",
            ),
            click.option(
                "--text",
                "contains",
                default=None,
                help=f"Only {kind} whose text contains this.",
            ),
            click.option("--limit", type=int, default=None, help="At most this many rows."),
            format_option,
            click.pass_context,
        ]
        for option in reversed(options):
            command = option(command)
        return command

    return decorate


@cli.command()
@click.option("--country", default=None, help="Only places in this country (ISO3, e.g. SYR).")
@click.option("--feature-class", default=None, help="Only this GeoNames class (P, A, L, S, T, H).")
@record_filters("places")
def places(
    ctx: click.Context,
    country: str | None,
    feature_class: str | None,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored places: each toponym with its GeoNames id, country and coordinates."""
    where = {"country_code": country and country.upper(), "feature_class": feature_class}
    where |= {"doc_id": doc_id, "segment": segment}
    _records(ctx, "places", fmt, where=where, outlet=outlet, contains=contains, limit=limit)


@cli.command()
@click.option(
    "--quantity",
    type=click.Choice(
        ["killed", "injured", "displaced", "troops", "strikes", "money", "area", "people", "other"]
    ),
    default=None,
    help="Only figures counting this.",
)
@click.option(
    "--reconcile",
    is_flag=True,
    help="Group the figures that count the same thing about the same event across sources: "
    "low / best / high, the rule used, a disagreement flag and the claims.",
)
@record_filters("figures")
def figures(
    ctx: click.Context,
    quantity: str | None,
    reconcile: bool,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored figures: value, range, unit, what they count and who claims them.

    With --reconcile, list groups of figures reported about the same event or thing (--doc: the
    groups holding a figure of that document; --limit: at most that many groups)."""
    if reconcile:
        _reconciled_figures(ctx, quantity, outlet, doc_id, segment, contains, limit, fmt)
        return
    where = {"quantity": quantity, "doc_id": doc_id, "segment": segment}
    _records(ctx, "figures", fmt, where=where, outlet=outlet, contains=contains, limit=limit)


def _reconciled_figures(
    ctx: click.Context,
    quantity: str | None,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """``figures --reconcile``: json prints every field and claim, table/csv one row a group."""
    from parallax.corpus.reconcile import reconcile_figures

    if segment is not None or contains is not None:
        fail("--segment and --text do not apply to --reconcile (try --doc, --outlet, --quantity)")
    with open_store(ctx, read_only=True) as corpus, user_errors():
        groups = reconcile_figures(corpus.connection, quantity=quantity, outlet=outlet)
    if doc_id is not None:
        groups = [g for g in groups if any(c["doc_id"].startswith(doc_id) for c in g["claims"])]
    groups = groups[:limit] if limit is not None else groups
    if fmt == "json":
        _emit(groups, fmt, "")
        return

    def number(x: float) -> str | float:
        if fmt == "csv":
            return x
        return f"{x:,.0f}" if float(x).is_integer() else f"{x:,.1f}"

    rows: list[dict[str, Any]] = [
        {
            "quantity": g["quantity"],
            "about": g["about"],
            "anchor": g["anchor"]["label"],
            "low": number(g["low"]),
            "best": number(g["best"]),
            "high": number(g["high"]),
            "disagreement": g["disagreement"] if fmt == "csv" else "yes" * g["disagreement"],
            "claims": len(g["claims"]),
            **({"sources": g["sources"], "id": g["id"], "rule": g["rule"]} if fmt == "csv" else {}),
        }
        for g in groups
    ]
    _emit(rows, fmt, f"{len(rows)} reconciled figure groups")


@cli.command()
@click.option(
    "--type",
    "time_type",
    type=click.Choice(["DATE", "TIME", "DURATION", "SET"]),
    default=None,
    help="Only temporal expressions of this type.",
)
@record_filters("times")
def times(
    ctx: click.Context,
    time_type: str | None,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored dates and times with their TimeML values and earliest/latest bounds."""
    where = {"type": time_type, "doc_id": doc_id, "segment": segment}
    _records(ctx, "times", fmt, where=where, outlet=outlet, contains=contains, limit=limit)


@cli.command()
@click.option("--label", default=None, help="Only this entity label (PERSON, ORG, GPE, ...).")
@click.option("--actor", "actor_id", default=None, help="Only mentions of this actor id.")
@record_filters("entities")
def entities(
    ctx: click.Context,
    label: str | None,
    actor_id: str | None,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored named entities with the actor each was linked to."""
    where = {"label": label and label.upper(), "actor_id": actor_id, "doc_id": doc_id}
    where |= {"segment": segment}
    _records(ctx, "entities", fmt, where=where, outlet=outlet, contains=contains, limit=limit)


@cli.command()
@click.option("--speaker", default=None, help="Only quotes whose speaker contains this text.")
@click.option("--actor", "actor_id", default=None, help="Only quotes of this actor id.")
@click.option("--cue", default=None, help="Only quotes with this cue (said, warned, ...).")
@click.option(
    "--direct/--indirect",
    "direct",
    default=None,
    help="Only direct quotes (in quotation marks) or only indirect speech.",
)
@record_filters("quotes")
def quotes(
    ctx: click.Context,
    speaker: str | None,
    actor_id: str | None,
    cue: str | None,
    direct: bool | None,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored quotes: what was said, the cue, and who said it (resolved and linked)."""
    where = {"speaker_actor_id": actor_id, "cue": cue, "direct": direct, "doc_id": doc_id}
    where |= {"segment": segment}
    matching = {"speaker": speaker} if speaker else None
    _records(
        ctx,
        "quotes",
        fmt,
        where=where,
        matching=matching,
        outlet=outlet,
        contains=contains,
        limit=limit,
    )


_EVENT_TABLE_COLUMNS = (
    "doc_id",
    "outlet",
    "published",
    "type",
    "mode",
    "status",
    "trigger_text",
    "actor_text",
    "actor_id",
    "recipient_text",
    "recipient_actor_id",
    "place_text",
    "date_value",
    "acled_event_type",
    "segment",
)


@cli.command()
@click.option(
    "--type",
    "event_type",
    type=click.Choice(PLOVER_TYPES, case_sensitive=False),
    default=None,
    help="Only events of this PLOVER type.",
)
@click.option(
    "--status",
    type=click.Choice(["asserted", "reported", "hypothetical", "negated", "future"]),
    default=None,
    help="Only events with this status.",
)
@click.option("--actor", default=None, help="Actor or recipient id or text contains this.")
@click.option("--country", default=None, help="Actor, recipient or place in this ISO3 country.")
@click.option("--place", default=None, help="Only events whose place name contains this.")
@click.option("--since", default=None, help="Events dated (or published) on/after YYYY-MM-DD.")
@click.option("--until", default=None, help="Events dated (or published) on/before YYYY-MM-DD.")
@record_filters("events")
def events(
    ctx: click.Context,
    event_type: str | None,
    status: str | None,
    actor: str | None,
    country: str | None,
    place: str | None,
    since: str | None,
    until: str | None,
    outlet: str | None,
    doc_id: str | None,
    segment: str | None,
    contains: str | None,
    limit: int | None,
    fmt: str,
) -> None:
    """List stored events: PLOVER type, status, actor, recipient, place, date, ACLED code."""
    with user_errors():
        conditions = event_conditions(actor, country, place, since, until)
    where = {"type": event_type and event_type.upper(), "status": status, "doc_id": doc_id}
    where |= {"segment": segment}
    _records(
        ctx,
        "events",
        fmt,
        where=where,
        outlet=outlet,
        contains=contains,
        limit=limit,
        conditions=conditions,
        table_columns=_EVENT_TABLE_COLUMNS,
    )


@cli.command()
@click.argument("directory", metavar="DIR", type=click.Path(path_type=Path))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(EXPORT_FORMATS),
    default="jsonl",
    show_default=True,
    help="jsonl, csv, parquet: every record kind, one file each; plover: events as PLOVER JSON "
    "records; acled: events with an ACLED type as an ACLED-style CSV.",
)
@click.option(
    "--include-comments",
    is_flag=True,
    help="Also export events found in reader comments as PLOVER/ACLED (always kept in "
    "jsonl, csv and parquet, marked segment=comment).",
)
@click.pass_context
def export(ctx: click.Context, directory: Path, fmt: str, include_comments: bool) -> None:
    """Write the stored corpus into folder DIR (created if missing) in one format.

    Files are overwritten, so exporting again gives the same files. The formats, files and
    fields are described in docs/formats.md.
    """
    with open_store(ctx, read_only=True) as corpus, user_errors():
        written = export_corpus(corpus, directory, fmt, include_comments=include_comments)
    for path in written:
        stderr.print(f"wrote {escape(str(path))}")


@cli.command()
def schema() -> None:
    """Print the JSON Schema of one 'analyze' output object."""
    click.echo(json.dumps(json_schema(), indent=2))


@cli.command()
@click.argument("mentions", nargs=-1, required=True)
@click.option("--date", "day", default=None, help="The article's date YYYY-MM-DD (for offices).")
@click.option(
    "--context",
    "context",
    multiple=True,
    help="A state (ISO3) the article is about, for namesakes and bare roles (repeatable).",
)
@format_option
@click.pass_context
def resolve(
    ctx: click.Context,
    mentions: tuple[str, ...],
    day: str | None,
    context: tuple[str, ...],
    fmt: str,
) -> None:
    """Look MENTIONS up in the knowledge base: the actor and the place each one names.

    Use it to check your own --kb file: "parallax --kb mine.yaml resolve 'the governor'
    --date 2016-05-01 --context IRQ".
    """
    from parallax.knowledge.components import knowledge  # the gazetteer takes seconds to build

    with user_errors():
        date = parse_date(day)
        if day is not None and date is None:
            raise UsageError(f"--date {day!r} is not a date (use YYYY-MM-DD)")
        resolver, gazetteer = knowledge(tuple(str(p) for p in kb_files(ctx)))
    counts = {code.upper(): 1 for code in context}
    rows = []
    for mention in mentions:
        actor = resolver.resolve(mention, day=date, context=counts)
        place = gazetteer.resolve(mention, context=counts)
        rows.append(
            {
                "mention": mention,
                "actor_id": actor.actor_id if actor else None,
                "actor": actor.name if actor else None,
                "country": actor.country if actor else None,
                "sector": actor.sector if actor else None,
                "place": f"{place.name} ({place.country}, {place.kind})" if place else None,
                "lat": place.lat if place else None,
                "lon": place.lon if place else None,
            }
        )
    _emit(rows, fmt, "resolved mentions")


def main() -> None:
    """Entry point of the ``parallax`` script."""
    # trafilatura and friends log every page they find thin; our own one-line reports say
    # what matters, so only their errors get through.
    for name in ("trafilatura", "htmldate", "courlan", "charset_normalizer"):
        logging.getLogger(name).setLevel(logging.ERROR)
    cli(obj={})


# Commands over the cross-source passes and the faces live in their own modules; importing them
# registers them on ``cli``.
from parallax import cli_outlets, cli_report, cli_serve, cli_stories  # noqa: E402, F401
