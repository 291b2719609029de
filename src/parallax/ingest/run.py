"""One ingest run: records in, documents built, batches written, failures recorded.

The run is a loop over a lazy stream of records, so memory holds one batch at a time whatever
the corpus size. Each batch is one transaction; an error in one input never stops the batch.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, BinaryIO

import duckdb

from parallax.errors import InputError
from parallax.ingest.document import IngestedDocument, build_document
from parallax.ingest.metadata import DocHints
from parallax.ingest.sources import ManifestIndex, RawRecord, iter_records
from parallax.settings import Settings
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

    def flush() -> None:
        if not docs and not failures:
            return
        version = None
        if annotator is not None and docs:
            docs[:] = _annotated(con, docs, annotator)
            version = annotator.version
        if hooks.on_document:
            for doc in docs:
                hooks.on_document(doc)
        result = write_batch(con, docs, failures, records_version=version)
        report.totals += result
        docs.clear()
        failures.clear()
        if hooks.on_commit:
            hooks.on_commit(result)

    records = iter_records(
        paths, max_doc_bytes=settings.max_doc_bytes, manifests=index, stdin=stdin
    )
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
    report.warnings.extend(index.pending_warnings)
    report.seconds = time.perf_counter() - started
    return report


def _annotated(
    con: duckdb.DuckDBPyConnection, docs: list[IngestedDocument], annotator: Annotator
) -> list[IngestedDocument]:
    """The batch with its records: analysed afresh, or read back from the store for documents
    stored unchanged and analysed by this extractor version (a re-run costs no parsing)."""
    current = analysed_unchanged(con, docs, annotator.version)
    fresh = iter(annotator.annotate([d.analysis for d in docs if d.id not in current]))
    done = []
    for doc in docs:
        if doc.id in current:
            stored = load_records(con, doc.id)
            done.append(replace(doc, analysis=doc.analysis.model_copy(update=stored)))
        else:
            done.append(replace(doc, analysis=next(fresh)))
    return done
