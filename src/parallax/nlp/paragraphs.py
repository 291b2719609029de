"""Sentence starts fixed before the parser runs: paragraph breaks are breaks, and no sentence
starts in the middle of a line after a word.

The parser was trained on treebanks (UD EWT, GUM) that contain no whitespace tokens, so what
it does with the ``"\\n\\n"`` token between two paragraphs of a scraped article is chance: it
sometimes makes it the root of the next sentence ("\\n\\nIran's current role in the region is
contributing to the instability." rooted on the break), and every extractor that reads the
sentence's verb then finds none. Measured on 40 PolNeAR articles and the example corpus, 77 of
2,972 sentences were rooted on a whitespace token. spaCy's parser keeps sentence starts that
are set before it runs, so this component makes each blank-line token a sentence of its own
and starts a sentence after it; a single line break (a wrapped line) is left to the parser,
unless the line on either side of it is only a date: headline, dateline and body set on three
lines are three sentences.

The treebanks are mostly web text (forums, reviews, e-mail) whose sentences often end without
punctuation, so the parser learned to start a new sentence after a plain word, and in news it
does so where no sentence ends: "Ugandan leader | Yoweri Museveni signed…", "NBC News
moderator Matt | Lauer asked…", "Russia | ’s Foreign Ministry responded…". Such a split
cuts the subject off its verb, and the event or quote loses its actor. 262 of 5,159 sentences
of 60 PolNeAR articles and the example corpus started after a token that cannot end a
sentence, nearly all of them wrongly. So a token in the middle of a line may start a sentence
only after sentence-final punctuation other than an abbreviated title's ("Gov. Jeb Bush"), or
after a spaced dash, which a dateline ends with ("WASHINGTON -- President Obama…"); everywhere
else the parser must attach it to the sentence before, which its transition system guarantees
for tokens marked as no sentence start.
"""

from __future__ import annotations

import re
from typing import Final

import numpy
from spacy.attrs import IS_SPACE, ORTH, SENT_START, SPACY
from spacy.language import Language
from spacy.strings import StringStore
from spacy.tokens import Doc

from parallax.extract.timex_vocab import MONTH, WEEKDAY
from parallax.nlp.doc_text import text_of

COMPONENT = "parallax_paragraph_breaks"


#: A line that is only a date: "March 19, 2007", "Monday, 3 March 2008", "2016-08-13".
_DATE_LINE: Final = re.compile(
    rf"(?:{WEEKDAY},?\s+)?"
    rf"(?:{MONTH}\s+\d{{1,2}},?\s+\d{{4}}|\d{{1,2}}\s+{MONTH},?\s+\d{{4}}|\d{{4}}-\d{{2}}-\d{{2}})"
)


def _next_to_date_line(text: str, start: int, end: int) -> bool:
    """Whether the line before or after a single line break is only a date: a headline,
    dateline and body set on three lines ("…contract\nMarch 01, 2008\nNorthrop Grumman…")
    are three sentences, which a parser left to itself joins into one."""
    before = text[text.rfind("\n", 0, start) + 1 : start]
    after_end = text.find("\n", end)
    after = text[end : after_end if after_end != -1 else len(text)]
    return any(_DATE_LINE.fullmatch(line.strip()) for line in (before, after))


#: What a token before a sentence start ends with: final punctuation, a closing quotation mark
#: or bracket, a colon or semicolon.
_ENDS_SENTENCE: Final = re.compile(r"[.!?…:;\"”’'»)\]]$")
#: A dash or bar set off by a space ends a dateline or a line of furniture ("(UPI) — In a
#: preview…", "WASHINGTON -- President Obama…"); a hyphen inside a name ("Zia-ul-Haq") does not.
_SPACED_DASH: Final = re.compile(r"[-–—―|]+")
#: The value of ``SENT_START`` that forbids a sentence start (-1, stored unsigned).
_NOT_A_START: Final = numpy.uint64(2**64 - 1)


#: Abbreviated titles, which stand before a name and never end a sentence: the parser cut 33
#: of 716 in 184 PolNeAR articles off their name ("former Florida Gov. | Jeb Bush remains…").
_TITLES: Final = frozenset({
    "mr.", "mrs.", "ms.", "dr.", "sen.", "sens.", "rep.", "reps.", "gov.", "gen.", "lt.", "col.",
    "sgt.", "capt.", "maj.", "adm.", "cmdr.", "prof.", "rev.", "amb.", "pres.", "supt.", "insp.",
})  # fmt: skip


def can_end_sentence(text: str, spaced: bool = True) -> bool:
    """Whether a sentence may end with this token (a plain word or a title may not: see the
    module); ``spaced``: whether a space follows it."""
    if text.lower() in _TITLES:
        return False
    return bool(_ENDS_SENTENCE.search(text) or (spaced and _SPACED_DASH.fullmatch(text)))


def is_paragraph_break(text: str) -> bool:
    """A whitespace token holding a blank line (two or more line breaks)."""
    return text.count("\n") >= 2 and not text.strip()


@Language.component(COMPONENT)
def paragraph_breaks(doc: Doc) -> Doc:
    """Mark every paragraph break and the token after it as sentence starts, and every token
    after a word of the same line as no sentence start. The starts are written back as one
    array: setting ``Token.is_sent_start`` checks the whole ``Doc`` for a parse each time,
    which made this the costliest step before the model on long articles."""
    starts = doc.to_array(SENT_START)
    spaces = doc.to_array(IS_SPACE)
    for i in numpy.flatnonzero(spaces).tolist():
        token = doc[i]
        if is_paragraph_break(token.text) or (
            "\n" in token.text
            and _next_to_date_line(text_of(doc), token.idx, token.idx + len(token))
        ):
            starts[i : i + 2] = 1
    if len(doc) > 1:
        _forbid_starts_after_words(doc, starts, spaces.astype(bool))
    doc.from_array([SENT_START], starts)  # type: ignore[arg-type]
    return doc


def _forbid_starts_after_words(doc: Doc, starts: numpy.ndarray, spaces: numpy.ndarray) -> None:
    """Mark in ``starts`` every token after one that cannot end a sentence (and not next to a
    whitespace token, nor a start already) as no sentence start. Each distinct word is judged
    once (:func:`_judge`) and the rest is array arithmetic: a loop over the tokens cost 0.7 ms
    per 1,000 words."""
    unique, inverse = numpy.unique(doc.to_array(ORTH), return_inverse=True)
    judged = numpy.array([_judge(int(orth), doc.vocab.strings) for orth in unique], dtype=bool)
    ends = judged[inverse, 0] | (judged[inverse, 1] & doc.to_array(SPACY).astype(bool))
    free = spaces[1:] | spaces[:-1] | (starts[1:] == 1) | ends[:-1]
    starts[1:][~free] = _NOT_A_START


#: Judged words by their hash: (may end a sentence, may end one when a space follows).
_JUDGED: dict[int, tuple[bool, bool]] = {}


def _judge(orth: int, strings: StringStore) -> tuple[bool, bool]:
    """:func:`can_end_sentence` without and with a space after the word, kept by its hash:
    looking the text up in the string store for every distinct word of every document doubled
    this component's cost."""
    found = _JUDGED.get(orth)
    if found is None:
        if len(_JUDGED) > 200_000:  # a long run's vocabulary keeps growing
            _JUDGED.clear()
        text = strings[orth]
        found = _JUDGED[orth] = (can_end_sentence(text, spaced=False), can_end_sentence(text))
    return found
