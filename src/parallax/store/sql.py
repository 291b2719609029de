"""Small SQL helpers shared by the writers."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import duckdb


def unnest_insert(
    con: duckdb.DuckDBPyConnection,
    table: str,
    columns: Sequence[str],
    rows: Sequence[Sequence[object]],
    *,
    conflict: str = "",
) -> None:
    """Insert ``rows`` (tuples in ``columns`` order) with one statement over unnested lists."""
    if not rows:
        return
    select = ", ".join(f"unnest(${i + 1}) AS {c}" for i, c in enumerate(columns))
    names = ", ".join(f'"{c}"' for c in columns)
    values = [list(col) for col in zip(*rows, strict=True)]
    con.execute(f"INSERT INTO {table} ({names}) SELECT * FROM (SELECT {select}) {conflict}", values)


def rows_as_dicts(cursor: duckdb.DuckDBPyConnection) -> list[dict[str, Any]]:
    """The rows of an executed statement as dicts keyed by column name."""
    names = [c[0] for c in cursor.description or []]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]
