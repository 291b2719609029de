"""``parallax report OUT.html``: the web UI as one self-contained, offline HTML file.

The report is the served UI with its server replaced by data: the same ``index.html``, CSS and
ES modules (joined by :mod:`parallax.report.bundle`), the country shapes, and what the API's
routes answer for the whole corpus, computed by calling those same route functions
(``parallax.api.routes_records`` / ``routes_corpus``), so the report and ``parallax serve`` show
the same numbers. The UI's data layer answers its questions from that JSON and applies the
views' filters itself (``local.js``).

Everything is inline, so the file opens from disk with no network and can be mailed around.
Stored text is untrusted: the data sits in a ``<script type="application/json">`` element with
every ``<``, ``>`` and ``&`` escaped as ``\\u003c``-style JSON escapes, so no string (not even
``</script>``) can end the element, and the UI only ever puts it on the page as text.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path
from typing import Any, Final

import duckdb
from fastapi import HTTPException
from fastapi.encoders import jsonable_encoder

from parallax.api import routes_corpus, routes_records
from parallax.api.app import STATIC_DIR
from parallax.errors import UsageError
from parallax.report.bundle import BundleError, bundle
from parallax.store.records import list_records

#: Documents whose full text and records are embedded for the reader, by default.
DEFAULT_DOCUMENTS: Final = 200
#: Merged events embedded with all their mentions (the rest are listed only).
MERGED_DETAIL: Final = 300
_ALL: Final = 10**9
_STYLE_TAG: Final = '<link rel="stylesheet" href="/static/style.css">'
_SCRIPT_TAG: Final = '<script type="module" src="/static/app.js"></script>'
_PLACE_FIELDS: Final = ("doc_id", "outlet", "published", "geonameid", "name", "country_code")
_PLACE_FIELDS_GEO: Final = ("lat", "lon")


def _json(value: Any) -> Any:
    """What FastAPI would send: dates as ISO text, models as dicts."""
    return jsonable_encoder(value)


def _compact(row: dict[str, Any]) -> dict[str, Any]:
    """A row without its empty fields (the UI treats missing and null alike)."""
    return {k: v for k, v in row.items() if v is not None}


def _optional(call: Any, *args: Any, **kwargs: Any) -> Any:
    """A cross-source route's answer, or None where its pass is not installed (501) or has
    nothing (404); the UI then says "not available" for that part."""
    try:
        return _json(call(*args, **kwargs))
    except HTTPException as exc:
        if exc.status_code in (404, 501):
            return None
        raise


def collect(
    con: duckdb.DuckDBPyConnection, *, documents: int = DEFAULT_DOCUMENTS
) -> dict[str, Any]:
    """Everything the UI's views ask the API, for the whole corpus, as JSON-ready data."""
    stats = _json(routes_records.stats(con))
    docs = _json(routes_records.documents(con, limit=_ALL)["items"])
    events = [_compact(row) for row in _json(routes_records.events(con, limit=_ALL)["items"])]
    places = [
        {k: row[k] for k in (*_PLACE_FIELDS, *_PLACE_FIELDS_GEO)}
        for row in _json(list_records(con, "places"))
        if row["lat"] is not None and row["lon"] is not None
    ]
    # The most recent documents are the ones a reader of the report most likely opens.
    newest = sorted(docs, key=lambda d: (d.get("published") or "", d["id"]), reverse=True)
    analyses = {
        d["id"]: _json(routes_records.document(con, d["id"])) for d in newest[: max(0, documents)]
    }
    data: dict[str, Any] = {
        "version": 1,
        "generated": dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat(),
        "stats": stats,
        "documents": docs,
        "analyses": analyses,
        "events": events,
        "places": places,
        "figures": _json(list_records(con, "figures")),
        "network": _json(routes_records.network(con)),
        "map": _json(routes_records.map_places(con)),
        "reconciled": None,
        "outlets": None,
        "compare": None,
        "stories": None,
        "merged": None,
        "merged_detail": {},
    }
    reconciled = _optional(routes_corpus.reconciled_figures, con, limit=_ALL)
    data["reconciled"] = reconciled["items"] if reconciled else None
    outlets = _optional(routes_corpus.outlets, con, limit=_ALL)
    data["outlets"] = outlets["items"] if outlets else None
    names = [p["outlet"] for p in data["outlets"] or []]
    if len(names) > 1:
        data["compare"] = _optional(routes_corpus.compare, con, names, story=None)
    if stats.get("stories"):
        stories = _optional(routes_corpus.stories, con, limit=_ALL)
        data["stories"] = stories["items"] if stories else None
    if stats.get("merged_events"):
        merged = _optional(routes_corpus.merged_events, con, limit=_ALL)
        if merged:
            data["merged"] = merged["items"]
            for item in merged["items"][:MERGED_DETAIL]:
                detail = _optional(routes_corpus.merged_event, con, item["id"])
                if detail is not None:
                    data["merged_detail"][item["id"]] = detail
    return data


def script_json(value: Any) -> str:
    """JSON that is safe inside a ``<script>`` element: no ``<``, ``>`` or ``&`` characters
    remain (JSON escapes them), so stored text cannot close the element or open a comment."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def render(data: dict[str, Any], static: Path = STATIC_DIR) -> str:
    """The report's HTML: the UI's page with its CSS, modules, shapes and data inline."""
    page = (static / "index.html").read_text(encoding="utf-8")
    css = (static / "style.css").read_text(encoding="utf-8")
    if _STYLE_TAG not in page or _SCRIPT_TAG not in page:
        raise BundleError(f"{static / 'index.html'}: the stylesheet or script tag has changed")
    if "</style" in css.lower():
        raise BundleError(f"{static / 'style.css'}: contains '</style'")
    topology = json.loads((static / "countries-110m.json").read_text(encoding="utf-8"))
    embedded = {**data, "assets": {"countries-110m.json": topology}}
    documents = data.get("stats", {}).get("documents", 0)
    page = page.replace(
        "<title>Parallax</title>", f"<title>Parallax report — {documents} documents</title>"
    )
    page = page.replace(_STYLE_TAG, f"<style>\n{css}</style>")
    return page.replace(
        _SCRIPT_TAG,
        f'<script type="application/json" id="parallax-data">{script_json(embedded)}</script>\n'
        f'<script type="module">\n{bundle(static)}</script>',
    )


def build_report(
    con: duckdb.DuckDBPyConnection, out: Path, *, documents: int = DEFAULT_DOCUMENTS
) -> int:
    """Write the report of the corpus behind ``con`` to ``out``; return its size in bytes."""
    html = render(collect(con, documents=documents))
    encoded = html.encode("utf-8")
    try:
        out.write_bytes(encoded)
    except OSError as exc:
        raise UsageError(f"{out}: cannot write the report ({exc.strerror or exc})") from exc
    return len(encoded)
