"""Attributions from the trained attribution tagger (PolNeAR source / cue / content spans).

The tagger (``parallax/nlp/attribution_model``, recipe: ``python -m
parallax.nlp.training.attribution``) is an ``ner``-architecture component trained on
PolNeAR's train split with the shipped pipeline's syntax ``tok2vec`` frozen. Its
``Tok2VecListener`` is never linked to a tok2vec here: at prediction time a listener reads its
upstream's output from ``doc.tensor``, which the pipeline's ``tok2vec`` sets (no later
component may overwrite it). So the tagger costs only a small encoder and a transition model,
not a second tok2vec. It runs on a bare copy of each ``Doc`` (same words, same tensor) so its
entity-style output never touches ``doc.ents``. A ``Doc`` without that tensor (tok2vec
excluded) gets no model spans and the rules alone decide.

Spans become :class:`~parallax.extract.attribution.Attribution`\\ s by proximity: each CONTENT
part joins the nearest CUE in its paragraph ("“A,” he said, “B.”" is one attribution in two
parts) and each cue takes the nearest SOURCE in its sentence.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from itertools import islice
from pathlib import Path
from typing import Final

import numpy
import spacy
from spacy.attrs import SENT_START
from spacy.language import Language
from spacy.pipeline import EntityRecognizer
from spacy.tokens import Doc
from thinc.api import use_ops

from parallax.extract.attribution import Attribution, TokenRange, token_runs
from parallax.nlp import architectures  # noqa: F401 - registers the tagger's input layer
from parallax.nlp.doc_text import token_texts

#: Where the trained tagger lives inside the installed package.
ATTRIBUTION_MODEL_PATH: Final = Path(__file__).resolve().parents[1] / "nlp" / "attribution_model"
#: Width of the syntax tok2vec output the tagger listens to.
_WIDTH: Final = 96
_OPENING = frozenset("“\"‘'«")
_SUBJECTS = frozenset({"nsubj", "nsubj:pass"})
#: Untagged tokens a role span may skip to join the next one of its role. Only touching
#: spans are joined: bridging 3-token holes cost 0.01 F1 on held-out PolNeAR train texts.
_BRIDGE: Final = 0
_CUE_REACH: Final = 60  # tokens: a content farther than this from any cue stands alone


@dataclass(frozen=True)
class RoleSpan:
    """One predicted span: ``label`` is CONTENT, SOURCE or CUE; tokens ``[start, end)``."""

    label: str
    start: int
    end: int


class AttributionTagger:
    """The trained tagger, applied to bare copies of pipeline ``Doc``\\ s."""

    def __init__(self, path: Path = ATTRIBUTION_MODEL_PATH) -> None:
        with use_ops("numpy", use_blis=False):
            nlp: Language = spacy.load(path)
        pipe = nlp.get_pipe("attribution")
        if not isinstance(pipe, EntityRecognizer):
            raise TypeError(f"{path}: 'attribution' is not an entity recognizer")
        self._pipe = pipe

    def spans(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[list[RoleSpan]]:
        """Predicted role spans of each doc (empty for a doc without the syntax tensor)."""
        for batch in batches(docs, batch_size):
            ready = [_has_tensor(doc) for doc in batch]
            for doc in batch[:1]:
                for label in self._pipe.labels:  # the copies share the pipeline's vocab
                    doc.vocab.strings.add(label)
            copies = [_bare_copy(doc) for doc, ok in zip(batch, ready, strict=True) if ok]
            tagged = iter(self._pipe.pipe(copies, batch_size=len(copies) or 1))
            for ok in ready:
                if not ok:
                    yield []
                    continue
                copy = next(tagged)
                yield [RoleSpan(e.label_, e.start, e.end) for e in copy.ents]


def batches(docs: Iterable[Doc], size: int) -> Iterator[list[Doc]]:
    """``docs`` in lists of ``size`` (the last one shorter)."""
    stream = iter(docs)
    while batch := list(islice(stream, size)):
        yield batch


def available(path: Path = ATTRIBUTION_MODEL_PATH) -> bool:
    """Whether the trained tagger is installed."""
    return (path / "config.cfg").exists()


def _has_tensor(doc: Doc) -> bool:
    tensor = doc.tensor
    return len(doc) > 0 and tensor.ndim == 2 and tensor.shape == (len(doc), _WIDTH)


def _bare_copy(doc: Doc) -> Doc:
    words, spaces = token_texts(doc)
    copy = Doc(doc.vocab, words=words, spaces=spaces)
    copy.tensor = doc.tensor
    return copy


def model_attributions(doc: Doc, spans: Iterable[RoleSpan]) -> list[Attribution]:
    """Group role spans into attributions: contents by nearest cue, cue to nearest source.

    A content joins a cue of another sentence only when its own sentence has no source: a
    sentence that names its source is that source's attribution, its cue left untagged
    ("According to the ministry, … . For Ben, wages fell.")."""
    paragraph = _paragraphs(doc)
    by_label: dict[str, list[RoleSpan]] = {"CONTENT": [], "CUE": [], "SOURCE": []}
    for span in _bridged(sorted(spans, key=lambda s: s.start), paragraph):
        by_label.setdefault(span.label, []).append(span)
    sentence = _sentences(doc)
    cues = by_label["CUE"]
    grouped: dict[int, list[RoleSpan]] = {}
    alone: list[RoleSpan] = []
    sourced = {sentence[source.start] for source in by_label["SOURCE"]}
    for content in by_label["CONTENT"]:
        near = [
            (sentence[cue.start] != sentence[content.start], _gap(cue, content), k)
            for k, cue in enumerate(cues)
            if paragraph[cue.start] == paragraph[content.start]
            and _gap(cue, content) <= _CUE_REACH
            and (
                sentence[cue.start] == sentence[content.start]
                or sentence[content.start] not in sourced
            )
        ]
        if near:
            grouped.setdefault(min(near)[2], []).append(content)
        else:
            alone.append(content)
    found = []
    for k, contents in grouped.items():
        cue = cues[k]
        source = _nearest(cue, by_label["SOURCE"], sentence) or _subject(doc, cue, contents)
        framing, rest = _framed(cue, contents)
        found.append(_attribution(doc, framing, (cue.start, cue.end), source))
        for content in rest:
            own = _nearest(content, by_label["SOURCE"], sentence) or source
            found.append(_attribution(doc, [content], None, own))
    for content in alone:
        source = _nearest(content, by_label["SOURCE"], sentence)
        found.append(_attribution(doc, [content], None, source))
    found = [a for a in found if a.content]
    found.sort(key=lambda a: a.start)
    return found


def _framed(cue: RoleSpan, contents: list[RoleSpan]) -> tuple[list[RoleSpan], list[RoleSpan]]:
    """The contents one cue frames, and the rest of those nearest to it.

    A cue frames the nearest content before it and the nearest after it (the split quote
    "“A,” he said, “B.”") and any content overlapping it; the others stand alone with the
    source of their own sentence (else the cue's). Why: one merged attribution of a
    paragraph's contents matches none of the separate statements it holds.
    """
    before = [c for c in contents if c.end <= cue.start]
    after = [c for c in contents if c.start >= cue.end]
    framing = [c for c in contents if c not in before and c not in after]
    framing += [
        c
        for c in (
            max(before, key=lambda c: c.end, default=None),
            min(after, key=lambda c: c.start, default=None),
        )
        if c is not None
    ]
    return framing, [c for c in contents if c not in framing]


def _attribution(
    doc: Doc, contents: list[RoleSpan], cue: TokenRange | None, source: RoleSpan | None
) -> Attribution:
    tokens = {i for c in contents for i in range(c.start, c.end)}
    first = min(c.start for c in contents)
    opening = doc[first].text[:1] in _OPENING or (
        first > 0 and doc[first - 1].text[-1:] in _OPENING
    )
    return Attribution(
        content=token_runs(doc, tokens),
        direct=opening,
        cue=cue,
        source=(source.start, source.end) if source is not None else None,
    )


def _bridged(spans: list[RoleSpan], paragraph: list[int]) -> list[RoleSpan]:
    """Join spans of one role separated by at most ``_BRIDGE`` untagged tokens of one
    paragraph (a content the tagger closed and reopened at once)."""
    joined: list[RoleSpan] = []
    for span in spans:
        last = joined[-1] if joined else None
        if (
            last is not None
            and last.label == span.label
            and span.start - last.end <= _BRIDGE
            and paragraph[last.start] == paragraph[span.end - 1]
        ):
            joined[-1] = RoleSpan(span.label, last.start, span.end)
        else:
            joined.append(span)
    return joined


def _gap(a: RoleSpan, b: RoleSpan) -> int:
    return max(a.start - b.end, b.start - a.end, 0)


def _nearest(anchor: RoleSpan, sources: list[RoleSpan], sentence: list[int]) -> RoleSpan | None:
    """The source closest to ``anchor`` in its sentence."""
    same = [s for s in sources if sentence[s.start] == sentence[anchor.start]]
    return min(same, key=lambda s: _gap(s, anchor), default=None)


def _subject(doc: Doc, cue: RoleSpan, contents: list[RoleSpan]) -> RoleSpan | None:
    """The parse's subject of the cue when the tagger marked no source: "Obama <cue>"; never
    a word of the content."""
    inside = {i for c in contents for i in range(c.start, c.end)}
    for token in doc[cue.start : cue.end]:
        for child in token.children:
            if child.dep_ in _SUBJECTS and child.i not in inside:
                return RoleSpan("SOURCE", child.left_edge.i, child.right_edge.i + 1)
    return None


def _paragraphs(doc: Doc) -> list[int]:
    """Paragraph number of every token (a line break starts a new one)."""
    numbers, current = [], 0
    for word in token_texts(doc)[0]:
        if "\n" in word:
            current += 1
        numbers.append(current)
    return numbers


def _sentences(doc: Doc) -> list[int]:
    """Sentence number of every token (the paragraph's when the doc has no sentences)."""
    if not doc.has_annotation("SENT_START"):
        return _paragraphs(doc)
    starts = doc.to_array(SENT_START) == 1  # from the array: iterating doc.sents is slow
    starts[0] = True
    return (numpy.cumsum(starts) - 1).tolist()  # type: ignore[no-any-return]
