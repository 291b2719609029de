"""Analysis on several cores: worker processes, each with its own copy of the pipeline.

spaCy's own ``nlp.pipe(n_process=…)`` sends Docs back through msgpack, which cannot carry our
extractors' records (pydantic objects in ``Doc._``) — and the records are all the caller needs.
So each worker runs the whole :class:`~parallax.extract.annotate.Annotator` on a slice of the
documents and sends back finished :class:`~parallax.schema.Analysis` objects; the parent only
reads input and writes the store.

Workers are started with ``spawn`` (a fork would copy the parent's open DuckDB connection and
its threads) and ignore Ctrl-C, so an interrupt reaches the parent alone, which stops them;
finished batches are already committed and a re-run skips them.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Callable, Sequence
from concurrent.futures import ProcessPoolExecutor
from typing import TYPE_CHECKING, Final, TypeVar

from threadpoolctl import threadpool_limits

from parallax.schema import Analysis

if TYPE_CHECKING:
    from parallax.extract.annotate import Annotator

T = TypeVar("T")

#: Slices per worker in one call: enough to even out long and short documents between workers.
SLICES_PER_WORKER: Final = 4
#: Slices a worker analyses before it is replaced by a fresh one. spaCy's string store keeps
#: every new word it has seen, so a worker that lived through a million documents would hold
#: them all; a restart (a few seconds to load the pipeline) every few thousand documents keeps
#: memory flat as the corpus grows.
SLICES_PER_WORKER_LIFE: Final = 100

#: The annotator of this worker process, built by :func:`_start_worker`.
_worker_annotator: Annotator | None = None


def _start_worker(kb_files: tuple[str, ...], batch_chars: int) -> None:
    """Initialise a worker: its own pipeline, loaded once; interrupts left to the parent.

    The model's matrix products go through numpy's OpenBLAS, which starts a thread per core in
    every process: two workers on two cores would then run four threads fighting for two cores
    (measured: slower than one process). One BLAS thread per worker keeps one worker per core.
    """
    global _worker_annotator
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    from parallax.extract.annotate import Annotator

    _worker_annotator = Annotator(kb_files=kb_files, batch_chars=batch_chars)
    _ = _worker_annotator.nlp  # load now, not inside the first slice
    threadpool_limits(limits=1, user_api="blas")  # after loading: it limits loaded libraries


def _annotate_slice(analyses: list[Analysis]) -> list[Analysis]:
    assert _worker_annotator is not None, "worker used before its initialiser ran"
    return _worker_annotator.annotate(analyses)


def slices(items: Sequence[T], count: int) -> list[list[T]]:
    """``items`` cut into at most ``count`` consecutive, nearly equal slices (order kept)."""
    count = max(1, min(count, len(items)))
    size, extra = divmod(len(items), count)
    out: list[list[T]] = []
    start = 0
    for index in range(count):
        end = start + size + (1 if index < extra else 0)
        out.append(list(items[start:end]))
        start = end
    return out


class AnnotatorPool:
    """``workers`` processes that each analyse a share of every batch."""

    def __init__(self, workers: int, kb_files: tuple[str, ...], batch_chars: int) -> None:
        self.workers = workers
        self._executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=multiprocessing.get_context("spawn"),
            initializer=_start_worker,
            initargs=(kb_files, batch_chars),
            max_tasks_per_child=SLICES_PER_WORKER_LIFE,
        )

    def annotate(self, analyses: Sequence[Analysis]) -> list[Analysis]:
        """The analysed copies of ``analyses``, in the same order."""
        return self.submit(analyses)()

    def submit(self, analyses: Sequence[Analysis]) -> Callable[[], list[Analysis]]:
        """Queue ``analyses`` for the workers now; the returned call waits for their analysed
        copies. Submitting the next batch before waiting on this one keeps the workers busy
        while the caller writes a finished batch and reads the next one, and lets a worker
        that finished its last slice start on the next batch instead of idling."""
        parts = slices(analyses, self.workers * SLICES_PER_WORKER)
        results = self._executor.map(_annotate_slice, parts)
        return lambda: [done for part in results for done in part]

    def close(self) -> None:
        """Stop the workers (pending slices are dropped)."""
        self._executor.shutdown(wait=True, cancel_futures=True)
