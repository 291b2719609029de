"""The shape of one attribution, shared by the direct- and indirect-speech finders.

Kept apart from :mod:`parallax.extract.quotes` so the finders and the component can import it
without importing each other.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc

from parallax.nlp.doc_text import text_of

#: Token range ``[start, end)`` in the ``Doc``.
TokenRange = tuple[int, int]
#: Character range ``[start, end)`` in the ``Doc`` text.
CharRange = tuple[int, int]

_EDGE = " \t\n\r,.;:!?\"'“”‘’«»—–-()[]"


@dataclass(frozen=True)
class Attribution:
    """One attribution: content (possibly in parts: "“A,” he said, “B.”"), cue and source.

    ``source`` is the speaker as the sentence names it; ``speaker`` the named mention it
    resolves to (the same unless ``source`` is a pronoun) and ``actor_id`` its actor.
    """

    content: tuple[CharRange, ...]
    direct: bool
    cue: TokenRange | None = None
    source: TokenRange | None = None
    speaker: TokenRange | None = None
    actor_id: str | None = None

    @property
    def start(self) -> int:
        """Where the content starts."""
        return self.content[0][0]


def trimmed(text: str, start: int, end: int) -> CharRange | None:
    """``[start, end)`` without edge spaces, punctuation and quotation marks; None if empty."""
    while start < end and text[start] in _EDGE:
        start += 1
    while end > start and text[end - 1] in _EDGE:
        end -= 1
    return (start, end) if end > start else None


def token_runs(doc: Doc, indices: set[int]) -> tuple[CharRange, ...]:
    """Contiguous runs of the given tokens as trimmed character ranges."""
    runs: list[CharRange] = []
    ordered = sorted(indices)
    if not ordered:
        return ()
    run_start = previous = ordered[0]
    for i in [*ordered[1:], None]:
        if i is not None and i == previous + 1:
            previous = i
            continue
        part = trimmed(text_of(doc), doc[run_start].idx, doc[previous].idx + len(doc[previous]))
        if part is not None:
            runs.append(part)
        if i is not None:
            run_start = previous = i
    return tuple(runs)


def overlap(a: CharRange, b: CharRange) -> int:
    """Characters two ranges share."""
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))
