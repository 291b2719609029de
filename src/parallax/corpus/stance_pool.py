"""The stances pass on several cores: the rules are pure Python, per document, and need
nothing of the store, so worker processes score documents while the parent reads and writes.

Workers are spawned (a fork would copy the parent's open DuckDB connection) and ignore Ctrl-C,
as the analysis workers do (:mod:`parallax.extract.annotate_pool`): an interrupt reaches the
parent alone, the batch in flight finishes, and the next run picks up what was not stored.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ProcessPoolExecutor
from contextlib import contextmanager
from typing import TYPE_CHECKING, Final

from parallax.extract.annotate_pool import slices

if TYPE_CHECKING:
    from parallax.corpus.stance import DocumentInput, StanceRow

Scorer = Callable[[Sequence["DocumentInput"]], list[list["StanceRow"]]]
#: Chunks per worker in one batch: evens out long and short documents between workers.
CHUNKS_PER_WORKER: Final = 4


def score_documents(inputs: Sequence[DocumentInput]) -> list[list[StanceRow]]:
    """The stance rows of each document, in order (in this process)."""
    return [document.stances() for document in inputs]


def _ignore_interrupts() -> None:
    signal.signal(signal.SIGINT, signal.SIG_IGN)


@contextmanager
def stance_scorers(processes: int) -> Iterator[Scorer]:
    """A scorer for batches of documents: in-process for one process, else spread over a
    pool of ``processes`` workers that lives as long as the ``with`` block."""
    if processes <= 1:
        yield score_documents
        return
    context = multiprocessing.get_context("spawn")
    with ProcessPoolExecutor(processes, mp_context=context, initializer=_ignore_interrupts) as pool:

        def score(inputs: Sequence[DocumentInput]) -> list[list[StanceRow]]:
            chunks = slices(inputs, processes * CHUNKS_PER_WORKER)
            return [rows for chunk in pool.map(score_documents, chunks) for rows in chunk]

        yield score
