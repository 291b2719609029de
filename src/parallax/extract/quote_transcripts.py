"""Interview and transcript lines: "Q: …", "A: …", "TAPPER: …", "Jake Tapper: …".

News prints interviews and debate excerpts as paragraphs that open with the speaker's label
and a colon. Nothing in such a line is a cue verb and often there is no quotation mark, so
neither the direct- nor the indirect-speech rules see it, yet every line is speech with a
known speaker (PolNeAR annotates each "Q:"/"A:" line as an attribution with the colon as its
cue). A label counts when it is "Q" or "A"; a name in capitals ("TAPPER", "MR. TRUMP") when the
document has lines of at least two such speakers (a transcript: one capitalised opener is a
headline kicker, "BREAKING:", "BYLINE:"); or a person the NER found ("Matthews:", the headline
"Trump: ‘I’m the worst thing…’") before at least four words. A title-case word that is no
person ("The Latest:", "Poll:") is no speaker, nor is a line with no word ("Clinton: 547", a
delegate count).
"""

from __future__ import annotations

from typing import Final

import numpy
from spacy.attrs import ORTH
from spacy.strings import hash_string  # type: ignore[attr-defined]
from spacy.tokens import Doc

from parallax.extract.attribution import Attribution, trimmed
from parallax.nlp.doc_text import positions_of, text_of

#: Words a label has at most: "SEN. LINDSEY GRAHAM".
MAX_LABEL_WORDS: Final = 4
#: The interviewer's and the interviewee's labels.
_INTERVIEW_LABELS: Final = frozenset({"Q", "A"})
#: Words a named speaker's line has at least ("Rubio: Finish second" lists a goal).
MIN_NAMED_LINE_WORDS: Final = 4
_LETTERS_OF_CAPITALS: Final = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZ.'’-")
_COLON_KEYS: Final = numpy.array([hash_string(":")], "uint64")


def transcript_attributions(doc: Doc) -> list[Attribution]:
    """One attribution per paragraph that opens with a speaker label and a colon; its content
    is the rest of the paragraph, its cue the colon and its source the label."""
    text = text_of(doc)
    lines: list[tuple[str, Attribution]] = []
    for i in positions_of(doc, ORTH, _COLON_KEYS):  # no Token built for the other words
        if i == 0:
            continue
        token = doc[i]
        start = _line_start(doc, i)
        kind = None if start is None else _label_kind(doc, start, i)
        if start is None or kind is None:
            continue
        end = text.find("\n", token.idx)
        content = trimmed(text, token.idx + 1, len(text) if end < 0 else end)
        if content is None:
            continue
        said = text[content[0] : content[1]]
        if not any(c.isalpha() for c in said):
            continue
        if kind == "name" and len(said.split()) < MIN_NAMED_LINE_WORDS:
            continue
        lines.append((kind, Attribution((content,), True, cue=(i, i + 1), source=(start, i))))
    capitals = {doc[a.source[1] - 1].text for kind, a in lines if kind == "capitals" and a.source}
    return [a for kind, a in lines if kind != "capitals" or len(capitals) > 1]


def _line_start(doc: Doc, colon: int) -> int | None:
    """The first token of the label before ``colon`` if the label opens a line, else None."""
    start = colon - 1
    while start > 0 and not doc[start - 1].is_space:
        start -= 1
        if colon - start > MAX_LABEL_WORDS:
            return None
    if start > 0 and "\n" not in doc[start - 1].text:
        return None
    return start


def _label_kind(doc: Doc, start: int, colon: int) -> str | None:
    """ "interview" ("Q", "A"), "capitals" ("TAPPER") or "name" (a PERSON entity) for a
    ``doc[start:colon]`` that may name who speaks, else None."""
    words = doc[start:colon].text
    if words in _INTERVIEW_LABELS:
        return "interview"
    if words.isupper() and len(words.replace(".", "")) > 1:
        return "capitals" if set(words.replace(" ", "")) <= _LETTERS_OF_CAPITALS else None
    named = any(e.label_ == "PERSON" and e.start == start and e.end == colon for e in doc.ents)
    return "name" if named else None
