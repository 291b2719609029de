"""The Python face of a stored corpus: ``parallax.open_corpus(path)``.

A thin facade over the store and the ingest run, so notebooks and scripts use the same code
path as the CLI.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, BinaryIO

import duckdb

from parallax.errors import UsageError
from parallax.ingest.metadata import DocHints
from parallax.ingest.run import IngestHooks, IngestReport, ingest
from parallax.ingest.sources import ManifestIndex
from parallax.schema import Analysis
from parallax.settings import Settings, load_settings
from parallax.store import queries
from parallax.store.db import connect
from parallax.store.records import RECORD_COLUMNS, list_records

if TYPE_CHECKING:
    from parallax.extract.annotate import Annotator


class Corpus:
    """A Parallax database: ingest into it, list and read what it holds."""

    def __init__(
        self, path: str | Path, *, read_only: bool = False, settings: Settings | None = None
    ) -> None:
        self.path = Path(path)
        self.settings = settings or load_settings(db=self.path)
        self.connection: duckdb.DuckDBPyConnection = connect(
            self.path, read_only=read_only, memory_mb=self.settings.db_memory_mb
        )
        #: What the last :meth:`update` did (pass -> count), empty before one ran.
        self.last_update: dict[str, int] = {}

    def ingest(
        self,
        *paths: str | Path,
        clean: bool = True,
        manifests: list[Path] | None = None,
        stdin: BinaryIO | None = None,
        hooks: IngestHooks | None = None,
        overrides: DocHints | None = None,
        annotator: Annotator | None = None,
    ) -> IngestReport:
        """Ingest files, folders (recursively) or ``"-"`` (stdin); failures are recorded.

        With an ``annotator`` (``parallax.extract.annotate.Annotator``) the documents are also
        analysed, their records stored, and the cross-source passes brought up to date."""
        index = ManifestIndex(manifests or [])
        report = ingest(
            self.connection,
            [str(p) for p in paths],
            self.settings,
            clean=clean,
            manifests=index,
            stdin=stdin,
            hooks=hooks,
            overrides=overrides,
            annotator=annotator,
        )
        if annotator is not None:
            annotator.close()  # the passes need no model: free the workers' memory first
            self.update(workers=annotator.workers)
        return report

    def update(self, *, workers: int = 1) -> dict[str, int]:
        """Bring source families, stories, stances and merged events up to date (only new or
        re-analysed documents are looked at); return what each pass did. ``workers`` > 1
        scores stances in that many processes when many documents are pending."""
        from parallax.corpus.update import update_corpus

        self.last_update = update_corpus(self.connection, workers=workers)
        return self.last_update

    def documents(self, *, outlet: str | None = None) -> list[queries.DocumentRow]:
        """Every stored document (optionally of outlets matching ``outlet``)."""
        return queries.list_documents(self.connection, outlet=outlet)

    def records(
        self,
        kind: str,
        *,
        where: dict[str, object] | None = None,
        matching: dict[str, str] | None = None,
        outlet: str | None = None,
        contains: str | None = None,
        limit: int | None = None,
        conditions: Sequence[tuple[str, Sequence[object]]] = (),
    ) -> list[dict[str, Any]]:
        """Stored records of one kind (entities, places, times, figures, quotes, events) with
        their outlet; ``matching`` filters columns by substring, ``conditions`` adds SQL."""
        if kind not in RECORD_COLUMNS:
            raise UsageError(f"{kind}: not a record kind ({', '.join(RECORD_COLUMNS)})")
        return list_records(
            self.connection,
            kind,
            where=where,
            matching=matching,
            outlet=outlet,
            contains=contains,
            limit=limit,
            conditions=conditions,
        )

    def failures(self) -> list[queries.FailureRow]:
        """Inputs that could not be used, with their reasons."""
        return queries.list_failures(self.connection)

    def document(self, ref: str) -> Analysis:
        """A document by id, unique id prefix or source path."""
        ids = queries.resolve_document_id(self.connection, ref)
        if not ids:
            raise UsageError(f"{ref}: no such document in {self.path}")
        if len(ids) > 1:
            raise UsageError(f"{ref}: matches {len(ids)} documents; give more of the id")
        found = queries.load_analysis(self.connection, ids[0])
        assert found is not None  # the id came from the same database
        return found

    def raw(self, doc_id: str) -> bytes | None:
        """The original bytes a document was read from."""
        return queries.load_raw(self.connection, doc_id)

    def counts(self) -> dict[str, int]:
        """Row counts of the main tables."""
        return queries.counts(self.connection)

    def close(self) -> None:
        """Close the database (also done on leaving a ``with`` block)."""
        self.connection.close()

    def __enter__(self) -> Corpus:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()


def open_corpus(
    path: str | Path = "parallax.duckdb", *, read_only: bool = False, **settings: object
) -> Corpus:
    """Open (creating if needed) the Parallax database at ``path``."""
    return Corpus(path, read_only=read_only, settings=load_settings(db=Path(path), **settings))
