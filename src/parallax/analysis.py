"""``parallax.analyze``: one text in, one :class:`~parallax.schema.Analysis` out, no database.

The same document builder as ingest, so the API, ``parallax analyze`` and the store agree on
the text every offset indexes into. Extraction stages join here as later layers land.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from parallax.errors import UsageError
from parallax.ingest.document import build_document
from parallax.ingest.metadata import DocHints, parse_date
from parallax.ingest.sources import Media, RawRecord, detect_format
from parallax.schema import Analysis

if TYPE_CHECKING:
    from parallax.extract.annotate import Annotator

_API_SOURCE = "<text>"


def _hints(published: str | dt.date | None, outlet: str | None) -> DocHints:
    date = parse_date(published)
    if published is not None and date is None:
        raise UsageError(f"published={published!r} is not a date (use YYYY-MM-DD)")
    return DocHints(published=date, outlet=outlet)


def _document(text: str, hints: DocHints, *, clean: bool) -> Analysis:
    """The cleaned, segmented document (no extraction yet), exactly as ingest builds it."""
    payload = text.encode("utf-8")
    media: Media = "text"
    if clean and detect_format(Path(_API_SOURCE), payload[:512]) == "html":
        media = "html"
    record = RawRecord(_API_SOURCE, "", payload, media, media, hints)
    return build_document(record, clean=clean).analysis


def analyze(
    text: str,
    *,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    clean: bool = True,
) -> Analysis:
    """Analyse one article.

    ``clean=True`` treats ``text`` as scraped input (HTML is extracted, plain text segmented);
    ``clean=False`` analyses it exactly as given, so offsets index into ``text`` itself.
    ``published`` anchors relative dates; ``outlet`` names the source.
    """
    analysis = _document(text, _hints(published, outlet), clean=clean)
    return _annotator().annotate([analysis])[0]


@lru_cache(maxsize=1)
def _annotator() -> Annotator:
    """One pipeline per process: loading the model takes about a second."""
    from parallax.extract.annotate import Annotator

    return Annotator()


def analyze_many(
    texts: Iterable[str],
    *,
    published: str | dt.date | None = None,
    outlet: str | None = None,
    clean: bool = True,
) -> Iterator[Analysis]:
    """Analyse many texts lazily, with the same options for each (batched through spaCy)."""
    hints = _hints(published, outlet)
    batch: list[Analysis] = []
    for text in texts:
        batch.append(_document(text, hints, clean=clean))
        if len(batch) >= 64:
            yield from _annotator().annotate(batch)
            batch = []
    if batch:
        yield from _annotator().annotate(batch)
