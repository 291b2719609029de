"""The read-only store behind the API, and a DuckDB cursor per request.

A DuckDB connection must not be used by two threads at once, and FastAPI runs plain ``def``
routes in a thread pool; so the app holds one read-only connection and every request gets its
own cursor (a connection to the same database instance), created under a lock and closed when
the response is done.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Annotated

import duckdb
from fastapi import Depends, Request

from parallax.store.db import connect


class ReadOnlyStore:
    """One read-only connection to a Parallax store; ``cursor()`` is safe from any thread."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._connection = connect(path, read_only=True)  # StoreError names path and the fix
        # One thread per query: DuckDB's parallel aggregates break ties (mode, any_value) in
        # whatever order threads finish, and an API must give the same answer twice. Requests
        # still run in parallel, each on its own cursor.
        self._connection.execute("SET threads TO 1")
        self._lock = threading.Lock()

    def cursor(self) -> duckdb.DuckDBPyConnection:
        """A fresh cursor for one request's thread."""
        with self._lock:
            return self._connection.cursor()

    def close(self) -> None:
        """Close the connection (the app does it on shutdown)."""
        with self._lock:
            self._connection.close()


def connection(request: Request) -> Iterator[duckdb.DuckDBPyConnection]:
    """The dependency routes take: a cursor over the app's store, closed after the request."""
    store: ReadOnlyStore = request.app.state.store
    cursor = store.cursor()
    try:
        yield cursor
    finally:
        cursor.close()


#: Route parameter type for the request's database cursor.
Con = Annotated[duckdb.DuckDBPyConnection, Depends(connection)]
