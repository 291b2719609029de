"""Search: a case-insensitive substring over document titles and text and over record texts.

Deliberately simple — no index, no stemming — so what it finds is exactly what the user typed,
and ``%`` or ``_`` in a query are plain characters (``contains``, not ``LIKE``). Documents rank
by a title hit, then by how often the text contains the query; records rank exact matches
first, then shorter texts (a mention named exactly beats a sentence that contains it).
"""

from __future__ import annotations

import re
from typing import Any, Final

import duckdb

from parallax.store.sql import rows_as_dicts

#: Record kinds searched, in the order shown when ranks tie.
SEARCHED: Final = ("entities", "places", "quotes", "events", "figures", "times")
#: Characters of context either side of a document's first hit.
SNIPPET: Final = 80

_DOCS: Final = """
SELECT id, outlet, title, published, text,
       (length(lower(text)) - length(replace(lower(text), lower($q), ''))) // length($q) AS hits,
       coalesce(contains(lower(title), lower($q)), false) AS in_title
FROM documents
WHERE contains(lower(text), lower($q)) OR contains(lower(title), lower($q))
ORDER BY in_title DESC, hits DESC, published DESC NULLS LAST, id
LIMIT $limit
"""


def _records_sql() -> str:
    parts = [
        f"SELECT '{kind}' AS kind, {n} AS kind_order, doc_id, idx, start, \"end\", text "
        f"FROM {kind} WHERE contains(lower(text), lower($q))"
        for n, kind in enumerate(SEARCHED)
    ]
    return (
        'SELECT r.kind, r.doc_id, r.idx, r.start, r."end", r.text, d.outlet '
        f"FROM ({' UNION ALL '.join(parts)}) r JOIN documents d ON d.id = r.doc_id "
        "ORDER BY lower(r.text) = lower($q) DESC, length(r.text), r.kind_order, r.doc_id, "
        "r.start LIMIT $limit"
    )


_RECORDS: Final = _records_sql()


def _snippet(text: str, query: str) -> tuple[int | None, int | None, str]:
    """The first hit's offsets in ``text`` and the words around it.

    Offsets come from a case-insensitive regex on the original text, not from lower-cased
    copies, whose length can differ ("İ" lower-cases to two characters)."""
    found = re.search(re.escape(query), text, re.IGNORECASE)
    if found is None:  # the hit was in the title only
        return None, None, text[: 2 * SNIPPET].strip()
    start, end = found.span()
    left, right = max(0, start - SNIPPET), min(len(text), end + SNIPPET)
    snippet = ("…" if left else "") + text[left:right].strip() + ("…" if right < len(text) else "")
    return start, end, snippet


def search(con: duckdb.DuckDBPyConnection, q: str, *, limit: int) -> dict[str, Any]:
    """Up to ``limit`` documents and ``limit`` records containing ``q``, best first."""
    params = {"q": q, "limit": limit}
    documents = []
    for row in rows_as_dicts(con.execute(_DOCS, params)):
        text = row.pop("text")
        row.pop("in_title")
        start, end, snippet = _snippet(text, q)
        documents.append({**row, "start": start, "end": end, "snippet": snippet})
    records = rows_as_dicts(con.execute(_RECORDS, params))
    return {"q": q, "documents": documents, "records": records}
