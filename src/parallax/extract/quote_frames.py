"""Direct quotes: a quoted stretch and the attribution frame around it.

The attribution of a direct quote sits in the words between it and the neighbouring quote or
sentence end: "“…,” said Kerry.", "Hammond told reporters: “…”", "“A,” he said, “B.”" (one
frame serving both parts). The frame is read on the token sequence, not on the parser's
sentences, because parsers often cut a sentence right after the closing mark. A quoted
stretch with no cue is kept as speech when it stands as a sentence of its own (a paragraph
that continues the previous speaker's quote), and dropped as a scare quote when it is a few
words inside a clause.
"""

from __future__ import annotations

from dataclasses import replace
from typing import Final

from spacy.tokens import Doc, Span, Token

from parallax.extract.attribution import Attribution, TokenRange, trimmed
from parallax.extract.quote_cues import (
    COGNITION_VERBS,
    SPEECH_VERBS,
    is_according_to,
    is_cue_verb,
    lemma_of,
)
from parallax.extract.quote_marks import Quoted, find_quoted
from parallax.extract.syntax import noun_phrase, subject_of
from parallax.nlp.doc_text import text_of

#: Tokens a frame reaches back / forward from the quote before giving up.
LEFT_REACH: Final = 25
RIGHT_REACH: Final = 12
#: A quote with fewer words and no cue, inside a clause, is a scare quote.
MIN_STANDALONE_WORDS: Final = 5
#: A quoted title ("Meet the Press", "Fareed Zakaria GPS") has at most this many words.
MAX_TITLE_WORDS: Final = 6
_SENTENCE_END = frozenset({".", "!", "?"})
_LABELS_OF_SPEAKERS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_PERSONAL_PRONOUNS = frozenset({"he", "she", "they", "we", "i"})


def direct_attributions(doc: Doc) -> list[Attribution]:
    """An attribution for every quoted stretch that is speech, in text order."""
    text = text_of(doc)
    quoted = [q for q in find_quoted(text) if q.length > 1]
    found: list[Attribution] = []
    for index, quote in enumerate(quoted):
        span = doc.char_span(quote.inner_start, quote.inner_end, alignment_mode="expand")
        part = trimmed(text, quote.inner_start, quote.inner_end)
        if span is None or len(span) == 0 or part is None:
            continue
        if _is_title(doc, span):
            continue
        previous_end = quoted[index - 1].end if index > 0 else 0
        next_start = quoted[index + 1].start if index + 1 < len(quoted) else len(text)
        left = _left_frame(doc, span.start - 1, previous_end) or _colon_before_break(
            doc, span.start - 1, previous_end
        )
        right = _right_frame(doc, span.end, next_start)
        frame = _attribution_in(doc, quote, span, left, right)
        if frame is not None and _embedded(span, frame[0]):
            continue  # "said the plan was “dead on arrival”": left to indirect speech
        if frame is not None:
            cue, source = frame
            _add(found, Attribution(content=(part,), direct=True, cue=cue, source=source))
        elif _inherits(doc, quote, left, found):
            last = found[-1]
            _add(found, Attribution(content=(part,), direct=True, cue=last.cue, source=last.source))
        elif _stands_alone(doc, quote, span, left, right):
            found.append(Attribution(content=(part,), direct=True))
    return found


def _add(found: list[Attribution], attribution: Attribution) -> None:
    """Append, or extend the last attribution when the cue is the same: the parts of a quote
    split by its attribution, or a quote running on into the next paragraphs."""
    if found and attribution.cue is not None and found[-1].cue == attribution.cue:
        last = found[-1]
        found[-1] = replace(last, content=last.content + attribution.content)
    else:
        found.append(attribution)


def _left_frame(doc: Doc, before: int, limit_char: int) -> list[Token]:
    """Tokens before the quote back to the previous quote, sentence end or paragraph break."""
    tokens: list[Token] = []
    i = before
    while i >= 0 and len(tokens) < LEFT_REACH:
        token = doc[i]
        if token.idx < limit_char or "\n" in token.text or "\n" in token.whitespace_:
            break
        if token.text in _SENTENCE_END:
            break
        if not _is_mark(token):
            tokens.append(token)
        i -= 1
    tokens.reverse()
    return tokens


def _colon_before_break(doc: Doc, before: int, limit_char: int) -> list[Token]:
    """The frame of a quote set as its own paragraph after a colon: "Cruz continued:" + a
    paragraph break + "“You look at the questions…”" (scraped news puts the break there)."""
    i = before
    while i >= 0 and (doc[i].is_space or _is_mark(doc[i])):
        i -= 1
    if i < 0 or doc[i].text != ":" or doc[i].idx < limit_char:
        return []
    return _left_frame(doc, i, limit_char)


def _right_frame(doc: Doc, after: int, limit_char: int) -> list[Token]:
    """Tokens after the quote up to the next quote, sentence end or paragraph break."""
    tokens: list[Token] = []
    i = after
    if i > 0 and "\n" in doc[i - 1].whitespace_:
        return tokens
    while i < len(doc) and len(tokens) < RIGHT_REACH:
        token = doc[i]
        if token.idx >= limit_char or "\n" in token.text:
            break
        if token.text in _SENTENCE_END:
            break
        if not _is_mark(token):
            tokens.append(token)
        if "\n" in token.whitespace_:
            break
        i += 1
    return tokens


def _is_mark(token: Token) -> bool:
    return token.text in ('"', "“", "”", "„", "«", "»", "''", "``")


def _attribution_in(
    doc: Doc, quote: Quoted, span: Span, left: list[Token], right: list[Token]
) -> tuple[TokenRange | None, TokenRange | None] | None:
    """(cue, source) from the frame: the right side first when the quote ends in a comma."""
    ends_with_comma = text_of(doc)[quote.inner_start : quote.inner_end].rstrip()[-1:] in ",!?—"
    sides = [right, left] if ends_with_comma or not left else [left, right]
    for side in sides:
        found = _cue_and_source(side, span)
        if found is not None:
            return found
    return _colon_source(left)


def _cue_and_source(
    frame: list[Token], quote: Span
) -> tuple[TokenRange | None, TokenRange | None] | None:
    """The cue nearest the quote in ``frame`` and its subject (outside the quote)."""
    near_first = sorted(frame, key=lambda t: min(abs(t.i - quote.start), abs(t.i - quote.end)))
    for token in near_first:
        if is_according_to(token):
            head = token.head if token.head.i > token.i + 1 else None
            source = _phrase_range(head) if head is not None else None
            return (token.i, token.i + 2), source
        if is_cue_verb(token) and lemma_of(token) in SPEECH_VERBS | COGNITION_VERBS:
            subject = subject_of(token)
            source = None
            if subject is not None and not (quote.start <= subject.i < quote.end):
                source = _phrase_range(subject)
            elif (entity := _entity_in(frame)) is not None:
                source = entity
            return (token.i, token.i + 1), source
    return None


def _phrase_range(head: Token) -> TokenRange:
    phrase = noun_phrase(head)
    return phrase.start, phrase.end


def _entity_in(frame: list[Token]) -> TokenRange | None:
    for token in frame:
        if token.ent_iob_ == "B" and token.ent_type_ in _LABELS_OF_SPEAKERS:
            doc = token.doc
            end = token.i + 1
            while end < len(doc) and doc[end].ent_iob_ == "I":
                end += 1
            return token.i, end
    return None


def _colon_source(left: list[Token]) -> tuple[TokenRange | None, TokenRange | None] | None:
    """Headline style "Pat Caddell: “…”" (a short name phrase and a colon), or a clause the
    colon closes whose subject names someone: "Cruz called them on it: “…”" (its verb is the
    cue, though no verb of saying)."""
    left = [t for t in left if not t.is_space]
    if len(left) < 2 or left[-1].text != ":":
        return None
    colon, words = left[-1], left[:-1]
    if (
        len(left) <= 7
        and any(t.pos_ == "PROPN" or t.ent_type_ in _LABELS_OF_SPEAKERS for t in words)
        and not any(t.pos_ == "VERB" for t in words)
    ):
        return (colon.i, colon.i + 1), (words[0].i, words[-1].i + 1)
    inside = {t.i for t in words}
    clause_verbs = [
        t for t in words if t.pos_ == "VERB" and (t.head.i == t.i or t.head.i not in inside)
    ]
    if not clause_verbs:
        return None
    verb = clause_verbs[-1]
    subject = subject_of(verb)
    if subject is None or subject.i not in inside or not _names_someone(subject):
        return None
    return (verb.i, verb.i + 1), _phrase_range(subject)


def _names_someone(token: Token) -> bool:
    """A name, a named entity of a speaking kind, or a personal pronoun."""
    return (
        token.pos_ == "PROPN"
        or token.ent_type_ in _LABELS_OF_SPEAKERS
        or token.lower_ in _PERSONAL_PRONOUNS
    )


def _inherits(doc: Doc, quote: Quoted, left: list[Token], found: list[Attribution]) -> bool:
    """A paragraph that opens with a quote continues the last speaker's words."""
    if not found or left or found[-1].source is None:
        return False
    if quote.continues:
        return True
    gap = text_of(doc)[found[-1].content[-1][1] : quote.start]
    return gap.count("\n") <= 2 and len(gap) < 400


def _embedded(span: Span, cue: TokenRange | None) -> bool:
    """A few quoted words are a quoted phrase inside a reported clause or a scare quote
    ("known as “the surge”"), unless they make a sentence of their own (“We will win.”)."""
    words = sum(1 for t in span if not t.is_punct and not t.is_space)
    if cue is None or words >= MIN_STANDALONE_WORDS:
        return False
    text = span.text.strip()
    return not (text[:1].isupper() and text[-1:] in ".!?,")


def _is_title(doc: Doc, span: Span) -> bool:
    """The quoted name of a show, book or film after a possessive or "on": "NBC's “Meet the
    Press.”", "told CBS's ''Face the Nation''", "on “The Apprentice”" — a few capitalised words,
    not speech."""
    before = span.start - 1
    while before >= 0 and _is_mark(doc[before]):
        before -= 1
    if before < 0 or not (doc[before].tag_ == "POS" or doc[before].lower_ == "on"):
        return False
    words = [t for t in span if not t.is_punct and not t.is_space]
    return 0 < len(words) <= MAX_TITLE_WORDS and all(
        t.text[:1].isupper() or (t.is_stop and len(t) <= 3) for t in words
    )


def _stands_alone(
    doc: Doc, quote: Quoted, span: Span, left: list[Token], right: list[Token]
) -> bool:
    """Speech with no frame: a full sentence of its own, not a few words inside a clause."""
    words = sum(1 for t in span if not t.is_punct and not t.is_space)
    return words >= MIN_STANDALONE_WORDS and not left and not right
