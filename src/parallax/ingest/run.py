"""One ingest run: records in, documents built, batches written, failures recorded.

The run is a loop over a lazy stream of records, so memory holds two batches at a time whatever
the corpus size: the one being read and the one the analysis workers have (written once they
are done, while they start on the next). Each batch is one transaction, committed in input
order; an error in one input never stops the batch.
"""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO

import duckdb

from parallax.errors import InputError
from parallax.ingest.document import IngestedDocument, build_document
from parallax.ingest.metadata import DocHints
from parallax.ingest.sources import ManifestIndex, RawRecord, iter_records
from parallax.settings import WRITE_DB_MEMORY_MB, Settings
from parallax.store.db import fit_memory_limit
from parallax.store.records import load_records
from parallax.store.writer import WriteResult, analysed_unchanged, write_batch

if TYPE_CHECKING:  # the annotator pulls in spaCy; plain ingest does not need it
    from parallax.extract.annotate import Annotator

DocumentHook = Callable[[IngestedDocument], None]
ErrorHook = Callable[[InputError], None]
RecordHook = Callable[[RawRecord | InputError], None]
CommitHook = Callable[[WriteResult], None]


@dataclass
class IngestReport:
    """What a run did, for the summary line and for callers of the Python API."""

    totals: WriteResult = field(default_factory=WriteResult)
    failures: list[InputError] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    seconds: float = 0.0

    @property
    def documents(self) -> int:
        """Documents read successfully (new, updated or unchanged)."""
        return self.totals.added + self.totals.updated + self.totals.unchanged


@dataclass
class IngestHooks:
    """Callbacks for progress and output; all optional."""

    on_record: RecordHook | None = None
    on_document: DocumentHook | None = None
    on_error: ErrorHook | None = None
    on_commit: CommitHook | None = None


def ingest(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[str],
    settings: Settings,
    *,
    clean: bool = True,
    manifests: ManifestIndex | None = None,
    stdin: BinaryIO | None = None,
    hooks: IngestHooks | None = None,
    overrides: DocHints | None = None,
    annotator: Annotator | None = None,
) -> IngestReport:
    """Ingest every document under ``paths`` into the store behind ``con``.

    ``overrides`` (e.g. ``--outlet``, ``--published``) beat every other metadata source. With an
    ``annotator`` every batch is also analysed (entities, places, times, figures) and its
    records are stored in the same transaction as the documents.
    """
    hooks = hooks or IngestHooks()
    index = manifests or ManifestIndex()
    report = IngestReport()
    started = time.perf_counter()
    docs: list[IngestedDocument] = []
    failures: list[InputError] = []
    pending: _PendingBatch | None = None

    def finish(batch: _PendingBatch) -> None:
        docs_done = batch.complete()
        if hooks.on_document:
            for doc in docs_done:
                hooks.on_document(doc)
        result = write_batch(con, docs_done, batch.failures, records_version=batch.version)
        # An automatic cap follows the store, at the writer's size while batches are written.
        fit_memory_limit(con, settings.db_memory_mb, base_mb=WRITE_DB_MEMORY_MB)
        report.totals += result
        if hooks.on_commit:
            hooks.on_commit(result)

    def flush() -> None:
        """Start analysing the batch read so far, then write the one before it (analysed
        meanwhile by the workers): reading, writing and analysis overlap."""
        nonlocal pending
        if not docs and not failures:
            return
        started_batch = _start(con, list(docs), list(failures), annotator)
        docs.clear()
        failures.clear()
        if pending is not None:
            finish(pending)
        pending = started_batch
        if annotator is None:  # nothing runs meanwhile: write it now
            finish(pending)
            pending = None

    records = iter_records(
        paths, max_doc_bytes=settings.max_doc_bytes, manifests=index, stdin=stdin
    )
    try:
        for item in records:
            if hooks.on_record:
                hooks.on_record(item)
            if isinstance(item, RawRecord):
                if overrides:
                    item = replace(item, hints=overrides.over(item.hints))
                try:
                    doc = build_document(item, clean=clean)
                except InputError as error:
                    item = error
                else:
                    docs.append(doc)
            if isinstance(item, InputError):
                failures.append(item)
                report.failures.append(item)
                if hooks.on_error:
                    hooks.on_error(item)
            if len(docs) + len(failures) >= settings.batch_size:
                flush()
        flush()
        if pending is not None:
            finish(pending)
    except BaseException:
        # A caller that catches the error and goes on querying gets the query cap back; an
        # error from DuckDB here must not hide the one being raised.
        with contextlib.suppress(duckdb.Error):
            fit_memory_limit(con, settings.db_memory_mb)
        raise
    fit_memory_limit(con, settings.db_memory_mb)  # back to the cap queries and passes need
    report.warnings.extend(index.pending_warnings)
    report.seconds = time.perf_counter() - started
    return report


@dataclass
class _PendingBatch:
    """A batch whose analysis may still be running; ``complete`` waits for it."""

    failures: list[InputError]
    version: str | None
    complete: Callable[[], list[IngestedDocument]]


def _start(
    con: duckdb.DuckDBPyConnection,
    docs: list[IngestedDocument],
    failures: list[InputError],
    annotator: Annotator | None,
) -> _PendingBatch:
    """The batch with its analysis started: documents stored unchanged and analysed by this
    extractor version get their records read back from the store (a re-run costs no
    parsing), the others go to the annotator."""
    if annotator is None or not docs:
        return _PendingBatch(failures, None, lambda: docs)
    current = analysed_unchanged(con, docs, annotator.version)
    analysing = annotator.submit([d.analysis for d in docs if d.id not in current])

    def complete() -> list[IngestedDocument]:
        fresh = iter(analysing())
        done = []
        for doc in docs:
            if doc.id in current:
                stored = load_records(con, doc.id)
                done.append(replace(doc, analysis=doc.analysis.model_copy(update=stored)))
            else:
                done.append(replace(doc, analysis=next(fresh)))
        return done

    return _PendingBatch(failures, annotator.version, complete)
