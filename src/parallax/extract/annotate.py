"""Run the language pipeline over documents and turn its annotations into contract records.

Ingest gives a document its cleaned text and segments; this module fills in the records of the
data contract (entities, places, times, figures, quotes, events) with offsets into that same
text. Each segment that can carry facts is analysed as its own spaCy ``Doc`` — a segment
boundary is always a sentence boundary, boilerplate is never read, and the offsets are shifted
back by the segment's start — so records in a reader comment stay recognisably the readers'.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Final, TypeVar

from parallax.extract.annotate_pool import AnnotatorPool
from parallax.schema import (
    Analysis,
    Entity,
    Event,
    Figure,
    Place,
    Quote,
    Speaker,
    Time,
    segment_kind,
)

if TYPE_CHECKING:  # spaCy (~110 MB) is imported only where a pipeline is built: a parent
    # whose documents all go to worker processes never loads it.
    from spacy.language import Language
    from spacy.tokens import Doc

#: Bumped whenever the pipeline or an extractor changes what it stores, so stored documents
#: analysed by an older version are analysed again.
EXTRACTOR_VERSION: Final = "6.0"

#: Segment kinds whose text is analysed; boilerplate (menus, share buttons, bios) is not.
ANALYSED_KINDS: Final = frozenset({"title", "byline", "dateline", "body", "caption", "comment"})

#: The record lists of ``Analysis`` this module fills.
RECORD_KINDS: Final = ("entities", "places", "times", "figures", "quotes", "events")

#: Fewest documents worth sending to worker processes: below this, starting them (each loads
#: the pipeline, several seconds) costs more than it saves.
MIN_PARALLEL_DOCS: Final = 32

#: Longest piece handed to spaCy at once; longer segments are cut at a line break.
MAX_PIECE_CHARS: Final = 20_000
#: Most characters of text in one spaCy batch. The parser precomputes a hidden layer of
#: 13 features x 128 x 3 maxout pieces (20 KB of floats) for every token of its batch, so a
#: batch's working memory follows its length, not its count of documents: eight long articles
#: took ~0.2 GB more than eight short ones, and a run's peak grew with the chance of meeting a
#: batch of long ones. Batches cut by length keep that peak the same whatever the corpus.
BATCH_CHARS: Final = 20_000


@dataclass(frozen=True)
class Piece:
    """A stretch of one document's text analysed as one spaCy ``Doc``."""

    doc_index: int
    start: int
    end: int


def pieces(analysis: Analysis, doc_index: int = 0) -> Iterator[Piece]:
    """The analysable stretches of a document: its non-boilerplate segments, long ones cut at
    line breaks (or, failing that, spaces) so memory stays bounded on huge documents."""
    segments = analysis.segments or []
    spans = [(s.start, s.end) for s in segments if s.kind in ANALYSED_KINDS]
    if not segments:
        spans = [(0, len(analysis.text))]
    text = analysis.text
    for start, end in spans:
        while end - start > MAX_PIECE_CHARS:
            limit = start + MAX_PIECE_CHARS
            cut = text.rfind("\n", start + MAX_PIECE_CHARS // 2, limit)
            if cut == -1:
                cut = text.rfind(" ", start + MAX_PIECE_CHARS // 2, limit)
            cut = limit if cut == -1 else cut + 1
            yield Piece(doc_index, start, cut)
            start = cut
        if text[start:end].strip():
            yield Piece(doc_index, start, end)


class Annotator:
    """The full pipeline (model, knowledge base, extractors), loaded once and reused.

    With ``workers`` > 1, batches of at least :data:`MIN_PARALLEL_DOCS` documents are analysed
    by that many worker processes (:mod:`parallax.extract.annotate_pool`), each with its own
    pipeline (~0.3–0.4 GB each); smaller jobs, like a single article, stay in this process so they
    do not pay for starting the workers. Close the annotator (or use it in a ``with`` block) to
    stop the workers.
    """

    version: Final = EXTRACTOR_VERSION

    def __init__(
        self,
        *,
        kb_files: Iterable[Path | str] = (),
        batch_chars: int = BATCH_CHARS,
        workers: int = 1,
    ) -> None:
        self.kb_files = tuple(str(f) for f in kb_files)
        self.batch_chars = batch_chars
        self.workers = max(1, workers)
        self._nlp: Language | None = None
        self._pool: AnnotatorPool | None = None

    @property
    def nlp(self) -> Language:
        """The spaCy pipeline, built on first use (loading takes a few seconds)."""
        if self._nlp is None:
            self._nlp = build_full_pipeline(self.kb_files)
        return self._nlp

    def annotate(self, analyses: Sequence[Analysis]) -> list[Analysis]:
        """Copies of ``analyses`` with every record kind (:data:`RECORD_KINDS`) filled in."""
        return self.submit(analyses)()

    def submit(self, analyses: Sequence[Analysis]) -> Callable[[], list[Analysis]]:
        """Start analysing ``analyses``; the returned call gives what :meth:`annotate` would.

        With worker processes the work starts now, so the caller can do something else (write
        the previous batch, read the next) while it runs; in this process it runs when the
        result is asked for."""
        if self.workers > 1 and (self._pool is not None or len(analyses) >= MIN_PARALLEL_DOCS):
            if self._pool is None:
                self._pool = AnnotatorPool(self.workers, self.kb_files, self.batch_chars)
            return self._pool.submit(analyses)
        return lambda: self._annotate_here(analyses)

    def close(self) -> None:
        """Stop the worker processes, if any were started. The annotator stays usable: a later
        large batch starts them again."""
        if self._pool is not None:
            self._pool.close()
            self._pool = None

    def __enter__(self) -> Annotator:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    def _annotate_here(self, analyses: Sequence[Analysis]) -> list[Analysis]:
        """The analysis in this process: every piece of every document through ``nlp.pipe``."""
        nlp = self.nlp
        found: list[dict[str, list[object]]] = [
            {kind: [] for kind in RECORD_KINDS} for _ in analyses
        ]
        work = [p for i, a in enumerate(analyses) for p in pieces(a, i)]
        for batch in length_batches(work, self.batch_chars):
            docs = [self._make_doc(nlp, analyses[p.doc_index], p) for p in batch]
            for piece, doc in zip(batch, nlp.pipe(docs, batch_size=len(docs)), strict=True):
                records = found[piece.doc_index]
                text = analyses[piece.doc_index].text
                for kind, items in records_of(doc, piece.start).items():
                    records[kind].extend(_with_original_text(item, text) for item in items)
        return [
            analysis.model_copy(update=_with_segments(analysis, records))
            for analysis, records in zip(analyses, found, strict=True)
        ]

    @staticmethod
    def _make_doc(nlp: Language, analysis: Analysis, piece: Piece) -> Doc:
        doc = nlp.make_doc(unwrap(analysis.text[piece.start : piece.end]))
        doc._.published = analysis.doc.published
        return doc


def length_batches(work: Sequence[Piece], most_chars: int) -> Iterator[list[Piece]]:
    """Consecutive pieces grouped so that no group holds more than ``most_chars`` characters
    (a longer piece goes alone)."""
    batch: list[Piece] = []
    size = 0
    for piece in work:
        length = piece.end - piece.start
        if batch and size + length > most_chars:
            yield batch
            batch, size = [], 0
        batch.append(piece)
        size += length
    if batch:
        yield batch


#: A line break inside a sentence: hard-wrapped plain text ("40 fighters,\nthe Pentagon said").
_WRAPPED_LINE = re.compile(r"(?<=[\w,;])\n(?=[a-z])")


def unwrap(text: str) -> str:
    """``text`` with hard line wraps inside sentences turned into spaces.

    The parser takes a line break for a sentence break, which cuts "killing 40 fighters,\nthe
    Pentagon said" in two. A break after a word or comma and before a lower-case word is a
    wrap, not a paragraph end; replacing it by one space keeps every offset unchanged.
    """
    return _WRAPPED_LINE.sub(" ", text)


def build_full_pipeline(kb_files: Sequence[str] = ()) -> Language:
    """Model + knowledge base + the fact extractors, in the order they depend on each other."""
    import parallax.extract.events
    import parallax.extract.figures
    import parallax.extract.quotes
    import parallax.extract.times  # noqa: F401 - each registers its factory
    from parallax.extract.event_lexicon import hyphenated_words
    from parallax.nlp.pipeline import build_pipeline, keep_whole

    nlp = build_pipeline(kb_files=kb_files)
    keep_whole(nlp, sorted(hyphenated_words()))
    nlp.add_pipe("parallax_times")
    nlp.add_pipe("parallax_figures")
    nlp.add_pipe("parallax_quotes")
    nlp.add_pipe("parallax_events")
    return nlp


def records_of(doc: Doc, offset: int) -> dict[str, list[object]]:
    """The contract records in one analysed piece, offsets shifted by ``offset``.

    Places come from the linker's ``doc.spans["places"]`` (toponyms trimmed to the name, and
    those inside organisation names); without it, from the entities it linked."""
    entities: list[object] = []
    for ent in doc.ents:
        actor = ent._.actor
        entities.append(
            Entity(
                start=ent.start_char + offset,
                end=ent.end_char + offset,
                text=ent.text,
                label=ent.label_,
                actor_id=actor.actor_id if actor is not None else None,
            )
        )
    toponyms = doc.spans.get("places", doc.ents)
    places: list[object] = [
        place.record(span.start_char + offset, span.end_char + offset, span.text)
        for span in toponyms
        if (place := span._.place) is not None
    ]
    return {
        "entities": entities,
        "places": places,
        "times": [_shift(t, offset) for t in (doc._.times or ())],
        "figures": [_shift(f, offset) for f in (doc._.figures or ())],
        "quotes": [_shift_quote(q, offset) for q in (doc._.quotes or ())],
        "events": [shift_event(e, offset) for e in (doc._.events or ())],
    }


def _with_segments(analysis: Analysis, records: dict[str, list[object]]) -> dict[str, list[object]]:
    """Every record marked with the kind of segment it lies in (``comment`` = readers)."""
    segments = sorted(analysis.segments, key=lambda s: s.start)
    return {
        kind: [
            r.model_copy(update={"segment": segment_kind(segments, r.start)})
            if isinstance(r, Entity | Place | Time | Figure | Quote | Event)
            else r
            for r in items
        ]
        for kind, items in records.items()
    }


def _with_original_text(record: object, text: str) -> object:
    """The record with ``text`` sliced from the document, not from the unwrapped ``Doc``, so
    a span across a hard line wrap keeps its line break."""
    if not isinstance(record, Entity | Place | Time | Figure | Quote | Event):
        return record
    update: dict[str, object] = {}
    if record.text != text[record.start : record.end]:
        update["text"] = text[record.start : record.end]
    if isinstance(record, Quote) and record.speaker is not None:
        speaker = record.speaker
        if speaker.text != text[speaker.start : speaker.end]:
            update["speaker"] = speaker.model_copy(
                update={"text": text[speaker.start : speaker.end]}
            )
    return record.model_copy(update=update) if update else record


def shift_event(event: Event, offset: int) -> Event:
    """An event with every span in it (sentence, trigger, actors, place, date, figures)
    moved by ``offset``."""
    if offset == 0:
        return event
    update: dict[str, object] = {"start": event.start + offset, "end": event.end + offset}
    for name in ("trigger", "actor", "recipient", "place", "date"):
        nested = getattr(event, name)
        if nested is not None:
            update[name] = nested.model_copy(
                update={"start": nested.start + offset, "end": nested.end + offset}
            )
    update["figures"] = [_shift(f, offset) for f in event.figures]
    return event.model_copy(update=update)


_Record = TypeVar("_Record", Time, Figure, Speaker)


def _shift_quote(quote: Quote, offset: int) -> Quote:
    if offset == 0:
        return quote
    speaker = _shift(quote.speaker, offset) if quote.speaker is not None else None
    return quote.model_copy(
        update={"start": quote.start + offset, "end": quote.end + offset, "speaker": speaker}
    )


def _shift(record: _Record, offset: int) -> _Record:
    if offset == 0:
        return record
    return record.model_copy(update={"start": record.start + offset, "end": record.end + offset})
