"""Peak memory of a process together with its worker processes, for ``make bench``.

``ru_maxrss`` covers one process, but ``analyze`` runs worker processes that each hold a
pipeline; what a user's machine must have is the sum. A background thread samples the resident
memory of this process and every descendant (Linux ``/proc``) and keeps the largest sum; the
peak so far can be noted at checkpoints (after 1k, 5k, 20k documents) to see whether memory
stays flat as the corpus grows.
"""

from __future__ import annotations

import os
import threading
from pathlib import Path
from types import TracebackType

_PROC = Path("/proc")


def _descendants(pid: int) -> list[int]:
    """``pid``'s children, grandchildren, … (empty where ``/proc`` does not list children)."""
    found: list[int] = []
    stack = [pid]
    while stack:
        current = stack.pop()
        for task in (_PROC / str(current) / "task").glob("*/children"):
            try:
                children = [int(c) for c in task.read_text().split()]
            except OSError:
                continue  # the task ended between listing and reading
            found.extend(children)
            stack.extend(children)
    return found


def status_mb(pid: int | str, field: str) -> float:
    """A memory field of ``/proc/PID/status`` (``VmRSS``, ``VmHWM`` …) in MB; ``pid`` may be
    ``"self"``. 0 if the process is gone or there is no ``/proc``."""
    try:
        status = (_PROC / str(pid) / "status").read_text()
    except OSError:
        return 0.0
    for line in status.splitlines():
        if line.startswith(f"{field}:"):
            return int(line.split()[1]) / 1024
    return 0.0


def resident_mb(pid: int) -> float:
    """Resident memory of one process in MB (0 if it is gone)."""
    return status_mb(pid, "VmRSS")


def tree_resident_mb(pid: int | None = None) -> float:
    """Resident memory of ``pid`` (default: this process) and all its descendants, in MB."""
    root = os.getpid() if pid is None else pid
    return sum(resident_mb(p) for p in [root, *_descendants(root)])


class TreeMemory:
    """Samples :func:`tree_resident_mb` every ``interval`` seconds while in a ``with`` block."""

    def __init__(self, interval: float = 0.2) -> None:
        self.interval = interval
        self.peak_mb = 0.0
        #: Peak so far at each checkpoint: label -> MB.
        self.checkpoints: dict[str, float] = {}
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._sample, daemon=True)

    def _sample(self) -> None:
        while True:
            self.peak_mb = max(self.peak_mb, tree_resident_mb())
            if self._stop.wait(self.interval):
                return

    def checkpoint(self, label: str) -> None:
        """Note the peak reached so far under ``label``."""
        self.peak_mb = max(self.peak_mb, tree_resident_mb())
        self.checkpoints[label] = self.peak_mb

    def __enter__(self) -> TreeMemory:
        self._thread.start()
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self._stop.set()
        self._thread.join()
