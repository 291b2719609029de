"""Raw record to document: decode, clean, segment, and settle the metadata.

This is the one place where a record becomes the ``text`` that every offset in Parallax indexes
into, so the rules live here: plain text keeps every character (segments mark what is article
and what is furniture); HTML is reduced to title, article and comments by trafilatura and
assembled with segments; ``clean=False`` takes the input exactly as given.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass

from parallax.errors import EmptyInputError
from parallax.ingest.decode import decode_bytes, normalise_text
from parallax.ingest.html import extract_html
from parallax.ingest.metadata import DocHints
from parallax.ingest.segment import segment_text
from parallax.ingest.sources import RawRecord
from parallax.ingest.textmeta import extract_text_metadata
from parallax.schema import Analysis, DocumentMeta, Segment

ID_LENGTH = 16


def document_id(payload: bytes) -> str:
    """A stable id from the document's own bytes: the same article always gets the same id."""
    return hashlib.sha256(payload).hexdigest()[:ID_LENGTH]


@dataclass(frozen=True)
class IngestedDocument:
    """A document ready to store: its analysis so far, its raw bytes and its full metadata."""

    analysis: Analysis
    record: RawRecord
    hints: DocHints
    sha256: str

    @property
    def id(self) -> str:
        """The document id (also ``analysis.doc.id``)."""
        return self.analysis.doc.id


def _assemble_html(record: RawRecord, html: str) -> tuple[str, list[Segment], DocHints]:
    """Title, article and comments joined by blank lines, each part its own segment(s)."""
    parts = extract_html(html, record.source, record.locator, url=record.hints.url)
    text = ""
    segments: list[Segment] = []

    def append(piece: str, local: list[Segment]) -> None:
        nonlocal text
        if text:  # the blank line between parts belongs to the part before it
            last = segments[-1]
            segments[-1] = Segment(kind=last.kind, start=last.start, end=last.end + 2)
            text += "\n\n"
        base = len(text)
        text += piece
        segments.extend(Segment(kind=s.kind, start=s.start + base, end=s.end + base) for s in local)

    if parts.title and not parts.body.startswith(parts.title):
        append(parts.title, [Segment(kind="title", start=0, end=len(parts.title))])
    append(parts.body, segment_text(parts.body, title=parts.title))
    for comment in parts.comments:
        append(comment, [Segment(kind="comment", start=0, end=len(comment))])
    return text, segments, parts.hints


def build_document(record: RawRecord, *, clean: bool = True) -> IngestedDocument:
    """Turn one raw record into a document, or raise an ``InputError`` naming it."""
    decoded = decode_bytes(
        record.payload, record.source, record.locator, declared=record.declared_encoding
    )
    text = normalise_text(decoded) if clean else decoded
    found = DocHints()
    if not clean:
        segments = [Segment(kind="body", start=0, end=len(text))] if text else []
    elif record.media == "html":
        text, segments, found = _assemble_html(record, text)
    else:
        segments = segment_text(text, title=record.hints.title, author=record.hints.author)
    if not text.strip():
        raise EmptyInputError(record.source, "no text left after cleaning", record.locator)
    hints = record.hints.over(found)
    if clean:
        from_text = extract_text_metadata(text, segments)
        hints = hints.over(
            DocHints(title=from_text.title, author=from_text.author, published=from_text.published)
        )
    sha256 = hashlib.sha256(record.payload).hexdigest()
    meta = DocumentMeta(
        id=sha256[:ID_LENGTH],
        outlet=hints.outlet,
        title=hints.title,
        author=hints.author,
        published=hints.published,
        url=hints.url,
    )
    analysis = Analysis(doc=meta, text=text, segments=segments)
    return IngestedDocument(analysis=analysis, record=record, hints=hints, sha256=sha256)
