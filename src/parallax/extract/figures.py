"""Figures: every number in a document that counts something, with its range and what it counts.

Casualty tolls, troop numbers, strike counts, money and areas are the numbers a conflict
database is asked about, and they are rarely bare: "at least 130", "dozens", "tens of
thousands". :mod:`parallax.extract.numbers` reads the number expression from token texts; this
module decides, from the surrounding tokens, whether it is a figure at all (not a year, a date,
a time, an age, a page number or an aircraft model), what it counts (``about``, ``quantity``)
and who says so (``claimed_by``). It works on a tokens-only ``spacy.blank("en")`` doc and uses
the dependency parse and sentence boundaries when the pipeline provides them.
"""

from __future__ import annotations

from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Token

from parallax.extract.numbers import (
    AREA_UNITS,
    CLOCK_WORDS,
    FURNITURE,
    MONEY_UNITS,
    MONTHS,
    TIME_UNITS,
    WEEKDAYS,
    Amount,
    match_amount,
)
from parallax.nlp.doc_text import token_texts
from parallax.schema import Figure, Quantity


def _words_list(text: str) -> list[str]:
    return text.split()


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


#: Counted nouns by what they count; casualty words also act as cues in the sentence.
_LEXICON: Final[dict[Quantity, frozenset[str]]] = {
    "killed": _words(
        "killed dead deaths death died fatalities bodies slain perished massacred executed "
        "lives corpses"
    ),
    "injured": _words("injured wounded hurt injuries injuring wounding maimed"),
    "displaced": _words(
        "displaced refugees fled flee fleeing homeless evacuated evacuees uprooted idps"
    ),
    "troops": _words(
        "troops soldiers fighters personnel forces advisers advisors marines militants "
        "jihadists insurgents rebels militiamen paratroopers servicemen reservists recruits "
        "combatants mercenaries gunmen policemen guards commandos sailors airmen"
    ),
    "strikes": _words(
        "strikes airstrikes air-strikes sorties raids bombs missiles attacks rockets shells "
        "drones bombings explosions mortars barrels munitions projectiles"
    ),
    "people": _words(
        "people civilians residents citizens children women men persons inhabitants villagers "
        "protesters demonstrators prisoners detainees hostages migrants families students "
        "workers patients journalists victims individuals adults infants babies medics "
        "doctors nurses volunteers"
    ),
}
_SINGULAR: Final[dict[str, str]] = dict(
    zip(
        _words_list("child woman man person body casualty"),
        _words_list("children women men people bodies casualties"),
        strict=True,
    )
)
#: Verbs/adjectives that make a count of people a casualty count, nearest one wins.
_CUES: Final[dict[str, Quantity]] = {
    **dict.fromkeys(
        _words("killed killing dead died slain perished massacred executed death"), "killed"
    ),
    **dict.fromkeys(_words("injured injuring wounded wounding hurt maimed"), "injured"),
    **dict.fromkeys(_words("displaced fled homeless evacuated uprooted"), "displaced"),
}
_STOP: Final = _words(
    "of in on at to from by for with without into onto over under and or but nor so as than "
    "that which who whom whose this these those the a an its their his her our your my it "
    "they he she we you i there here when where while since until after before during "
    "against between among per each every all both more most less least some any no not "
    "also only just even still already about around across through last next"
)
_VERBISH: Final = _words(
    "is are was were be been being has have had will would could may might can should must "
    "did do does said says say told reported remain remained remains live lived "
    "died die fled flee left stayed stay were arrived arrive returned return lost"
)
_REPORT: Final = _words(
    "said says say reported reports claimed claims estimated estimates estimate announced "
    "stated confirmed told added insisted alleged counted recorded documented tweeted wrote"
)
_SOURCE: Final = _words(
    "ministry ministries police officials official authorities army military government "
    "spokesman spokeswoman spokesperson sources source witnesses activists medics doctors "
    "observers monitors monitoring observatory rebels residents group agency agencies "
    "office department health interior defence defense foreign local state security "
    "medical rights human aid relief news refugee council commission committee coalition "
    "command commander commanders organisation organization mission envoy minister "
    "president prime general officers hospital hospitals statement report"
)
_CONNECT: Final = _words("the of and for 's on")
_PRONOUN_ONE_BEFORE: Final = _words(
    "no the this that each every any which someone anyone everyone no-one"
)
_WINDOW: Final = 25


def _kind_of(word: str) -> Quantity | None:
    """Which quantity a (plural or singular) counted noun belongs to."""
    w = _SINGULAR.get(word, word)
    for kind, words in _LEXICON.items():
        if w in words or w + "s" in words:
            return kind
    return None


def _sentence(doc: Doc, i: int) -> tuple[int, int]:
    """Token bounds of the sentence around token ``i``.

    Uses the pipeline's sentences when there are any; otherwise ±25 tokens, cut at sentence-final
    punctuation and blank lines, so a blank tokenizer still keeps attributions to one sentence.
    """
    if doc.has_annotation("SENT_START"):
        sent = doc[i].sent
        return sent.start, sent.end

    def stops(t: Token) -> bool:
        return t.text in (".", "!", "?") or (t.is_space and t.text.count("\n") > 1)

    lo = i
    while lo > 0 and i - lo < _WINDOW and not stops(doc[lo - 1]):
        lo -= 1
    hi = i
    while hi < len(doc) and hi - i < _WINDOW and not stops(doc[hi]):
        hi += 1
    return lo, min(len(doc), hi + 1)


def _skip(doc: Doc, k: int, words: frozenset[str]) -> int:
    while k < len(doc) and doc[k].lower_ in words:
        k += 1
    return k


def _counted_noun_after(doc: Doc, k: int) -> bool:
    """A casualty/troop/strike/people noun within the next three tokens ("2000 troops")."""
    for t in doc[k : k + 3]:
        if not t.is_alpha or t.lower_ in _STOP:
            return False
        if _kind_of(t.lower_) is not None:
            return True
    return False


def _is_digits(t: Token) -> bool:
    return t.text.isdigit()


def _not_a_figure(doc: Doc, a: Amount) -> bool:
    """True for years, dates, clock times, ages, durations, page furniture, ids and "one"."""
    nums = [doc[k] for k in a.numbers]
    prev = doc[a.start - 1] if a.start > 0 else None
    nxt = doc[a.end] if a.end < len(doc) else None
    plain = a.unit is None and not a.scaled
    bare = plain and a.qualifier is None and len(nums) == 1 and _is_digits(nums[0])
    counted = _counted_noun_after(doc, a.end)
    year = all(_is_digits(t) and len(t) == 4 and 1900 <= int(t.text) <= 2099 for t in nums)
    if plain and year and (not counted or (nxt is not None and nxt.text in ("'s", "’s"))):
        return True  # a year: "in 2015", "2015's budget"
    if plain and all(_is_digits(t) and 1 <= int(t.text) <= 31 for t in nums):
        after_of = doc[a.end + 1] if nxt is not None and nxt.lower_ == "of" else nxt
        for t in (prev, nxt, after_of):
            if t is not None and t.text in MONTHS:
                return True  # "23 January", "January 23", "23rd of January"
    if nxt is not None and nxt.lower_ in CLOCK_WORDS and plain:
        return True
    after = _skip(doc, a.end, _words("- a an of"))
    if after < len(doc) and doc[after].lower_ in TIME_UNITS and a.unit is None:
        return True  # durations and "45-year-old" belong to the times extractor
    if prev is not None and prev.lower_ in ("aged", "age", "ages") and plain:
        return True
    commas = prev is not None and prev.text == "," and nxt is not None and nxt.text == ","
    if bare and commas and a.start > 1 and doc[a.start - 2].is_title and int(nums[0].text) < 120:
        return True  # "Ahmed Saleh, 45, said"
    if any(t.text.startswith("+") or (_is_digits(t) and len(t) >= 7) for t in nums):
        return True  # phone numbers and ids
    if bare and _furniture(doc, a, prev, nxt, counted):
        return True
    if len(nums) == 1 and nums[0].lower_ == "one" and a.qualifier is None and a.unit is None:
        return _pronoun_one(prev, nxt)
    return False


def _furniture(doc: Doc, a: Amount, prev: Token | None, nxt: Token | None, counted: bool) -> bool:
    """Page numbers, list markers, phone-number pieces, model numbers ("Boeing 737", "F-16")."""
    if prev is not None and prev.lower_ in FURNITURE:
        return True
    line_start = prev is None or "\n" in prev.text or prev.text == "("
    if line_start and nxt is not None and nxt.text in (".", ")"):
        return True
    for k in (a.start - 1, a.start - 2, a.end, a.end + 1):
        if 0 <= k < len(doc) and _is_digits(doc[k]):
            between = doc[min(k, a.start) + 1 : max(k, a.end - 1)]
            if all(t.text in "()-" for t in between):
                return True  # "020 7946 0958"
    if prev is not None and not prev.whitespace_:
        if prev.text == "-" and a.start > 1 and doc[a.start - 2].is_alpha:
            return True  # "F-16" split by the tokenizer
        if prev.is_alpha or "/" in prev.text or prev.like_url:
            return True
    if nxt is not None and not doc[a.end - 1].whitespace_ and nxt.is_alpha:
        return True  # "16s" glued to letters
    return bool(
        prev is not None
        and prev.is_alpha
        and not prev.is_lower
        and prev.text not in MONTHS
        and prev.text not in WEEKDAYS
        and not counted
    )  # "Boeing 737", "Resolution 2254"


def _pronoun_one(prev: Token | None, nxt: Token | None) -> bool:
    """ "one" is a count only when a noun follows it ("one soldier"), not "one of", "no one"."""
    if prev is not None and prev.lower_ in _PRONOUN_ONE_BEFORE:
        return True
    if nxt is None or not nxt.is_alpha or not nxt.is_lower:
        return True
    return nxt.lower_ in _STOP or nxt.lower_ in _VERBISH or nxt.lower_ in ("another", "more")


def _about_parsed(doc: Doc, a: Amount) -> Token | None:
    """The noun the number counts, from the dependency parse.

    "130 people" (nummod → head), "hundreds of civilians" (prep "of" → pobj).
    """
    span = doc[a.start : a.end]
    root = span.root
    head = root.head
    if (
        head.i >= a.end
        and root.dep_ in ("nummod", "quantmod", "compound", "amod", "nmod", "det", "npadvmod")
        and head.pos_ in ("NOUN", "PROPN")
    ):
        return head
    objects = (
        obj
        for tok in span
        for prep in tok.children
        if prep.lower_ == "of" and prep.i >= a.end
        for obj in prep.children
        if obj.dep_ == "pobj"
    )
    # Universal Dependencies (our model): "of" is a `case` child of the noun, an `nmod` of
    # the quantity word ("scores" -nmod-> "civilians" -case-> "of").
    ud_objects = (
        noun
        for tok in span
        for noun in tok.children
        if noun.i >= a.end
        and noun.dep_.startswith("nmod")
        and any(c.dep_ == "case" and c.lower_ == "of" for c in noun.children)
    )
    return next(objects, None) or next(ud_objects, None)


def _about_tokens(doc: Doc, a: Amount) -> Token | None:
    """The counted noun from tokens alone: the noun-ish words after the number.

    Skips "of (the)", then takes up to four words, stopping at stop words, verbs and the first
    noun of the lexicon; a run ending in a capitalised word is a name, not a counted noun.
    """
    k = a.end
    if k < len(doc) and doc[k].lower_ == "of":
        k = _skip(doc, k + 1, _words("the these those its their his her our"))
    k = _skip(doc, k, _words("more additional extra new other"))
    run: list[Token] = []
    while k < len(doc) and len(run) < 4:
        t = doc[k]
        w = t.lower_
        if not t.is_alpha or w in _STOP:
            break
        nxt_kind = _kind_of(doc[k + 1].lower_) if k + 1 < len(doc) else None
        if w in _VERBISH or w in TIME_UNITS:
            break
        verbish = w.endswith("ed") or w in _CUES
        if verbish and not (not run and nxt_kind is not None):
            break  # "12 killed" has no counted noun; "300 wounded soldiers" has one
        run.append(t)
        if _kind_of(w) is not None and not verbish:
            break
        k += 1
    if not run or not run[-1].is_lower:
        return None
    return run[-1]


def _about_text(doc: Doc, head: Token, a: Amount) -> str:
    """The head noun with at most one lowercase modifier right before it ("air strikes")."""
    k = head.i - 1
    modifier = k >= a.end and doc[k].is_alpha and doc[k].is_lower and doc[k].lower_ not in _STOP
    if modifier and (not doc.has_annotation("DEP") or doc[k].head.i == head.i):
        return doc[k : head.i + 1].text
    return head.text


def _quantity(doc: Doc, a: Amount, head: Token | None, lo: int, hi: int) -> Quantity:
    """What the figure counts: unit first, then the counted noun, then casualty cues.

    A count of people or troops with "killed"/"wounded"/"fled" close by is a casualty count;
    strikes, money and areas keep their kind whatever the sentence says about deaths.
    """
    if a.unit in MONEY_UNITS:
        return "money"
    if a.unit in AREA_UNITS:
        return "area"
    if a.unit == "%":
        return "other"
    word = head.lower_ if head is not None else ""
    base = _kind_of(word)
    if base in ("killed", "injured", "displaced"):
        return base
    if base not in (None, "people", "troops") and word not in ("casualties", "casualty"):
        return base
    cue = _cue(doc, a, head, lo, hi)
    if cue is not None:
        return cue
    if head is None:  # "troops numbering 3,000": the counted noun comes first
        base = next(filter(None, (_kind_of(t.lower_) for t in _before(doc, a, lo, 4))), None)
    if word in ("casualties", "casualty"):  # killed or wounded: say killed only if the text does
        cues = {_CUES[t.lower_] for t in doc[lo:hi] if t.lower_ in _CUES}
        return "killed" if "killed" in cues else "other"
    return base or "other"


def _cue(doc: Doc, a: Amount, head: Token | None, lo: int, hi: int) -> Quantity | None:
    """The casualty word governing the figure (parse) or nearest to it (tokens)."""
    if doc.has_annotation("DEP"):
        tok = head if head is not None else doc[a.start : a.end].root
        for _ in range(3):
            if tok.lower_ in _CUES:
                return _CUES[tok.lower_]
            if tok.head.i == tok.i:
                break
            tok = tok.head
    before = range(a.start - 1, max(lo, a.start - 3) - 1, -1)
    after = range(a.end, min(hi, a.end + 8))
    found = [_first_cue(doc, before), _first_cue(doc, after)]
    hits = [f for f in found if f is not None]
    return min(hits)[1] if hits else None


def _before(doc: Doc, a: Amount, lo: int, n: int) -> list[Token]:
    """Up to ``n`` tokens before the figure, nearest first, stopping at punctuation or numbers."""
    out: list[Token] = []
    for k in range(a.start - 1, max(lo, a.start - n) - 1, -1):
        if doc[k].is_punct or doc[k].like_num:
            break
        out.append(doc[k])
    return out


def _first_cue(doc: Doc, ks: range) -> tuple[int, Quantity] | None:
    """Nearest cue along ``ks``, not past another number or a clause break (";", ":")."""
    for dist, k in enumerate(ks):
        t = doc[k]
        if t.lower_ in _CUES:
            return dist, _CUES[t.lower_]
        if t.like_num or t.text in (";", ":", "(", ")"):
            return None
    return None


def _source_ish(t: Token) -> bool:
    return (t.is_alpha and (t.is_title or t.is_upper or t.lower_ in _SOURCE)) or (
        t.lower_ in _CONNECT
    )


def _source_run(doc: Doc, toks: list[Token]) -> str | None:
    """Text of a run of name-like tokens, trimmed of connectors; None without a name or noun."""
    while toks and toks[0].lower_ in _CONNECT and toks[0].lower_ != "the":
        toks = toks[1:]
    while toks and toks[-1].lower_ in _CONNECT:
        toks = toks[:-1]
    named = [t for t in toks if t.lower_ not in _CONNECT]
    if not named or (len(named) == 1 and named[0].lower_ in ("i", "we", "he", "she", "they")):
        return None
    return doc[toks[0].i : toks[-1].i + 1].text


def _name_after(doc: Doc, k: int, hi: int) -> str | None:
    """The first source-like run after ``k``: "according to (the latest data from) the UN"."""
    run: list[Token] = []
    for t in doc[k:hi]:
        if t.is_punct:
            break
        if _source_ish(t) and not (t.like_num or _kind_of(t.lower_)):
            run.append(t)
        elif run and _source_run(doc, run):
            break
        else:
            run = []
    return _source_run(doc, run) if run else None


def _name_before(doc: Doc, k: int, lo: int) -> str | None:
    """The run of name-like tokens right before token ``k`` ("the health ministry said")."""
    run: list[Token] = []
    j = k - 1
    while j >= lo and _source_ish(doc[j]) and not doc[j].is_punct and len(run) < 8:
        run.insert(0, doc[j])
        j -= 1
    return _source_run(doc, run) if run else None


def _claimed_by(doc: Doc, lo: int, hi: int) -> str | None:
    """Who the sentence attributes its numbers to: "according to X", "X said", "said X"."""
    for t in doc[lo:hi]:
        if t.lower_ == "according" and t.i + 1 < hi and doc[t.i + 1].lower_ == "to":
            name = _name_after(doc, t.i + 2, hi)
            if name:
                return name
    for t in doc[lo:hi]:
        if t.lower_ not in _REPORT:
            continue
        if doc.has_annotation("DEP"):
            for child in t.children:
                if child.dep_ in ("nsubj", "nsubjpass") and child.pos_ != "PRON":
                    sub = doc[child.left_edge.i : child.right_edge.i + 1]
                    return sub.text
        name = _name_before(doc, t.i, lo)
        inverted = t.lower_ not in ("told", "estimated", "estimates", "claims")
        if name is None and inverted and t.i > lo and doc[t.i - 1].is_punct:
            nxt = t.i + 1
            if nxt < hi and _source_ish(doc[nxt]) and doc[nxt].lower_ != "that":
                name = _name_after(doc, nxt, hi)
        if name:
            return name
    return None


def find_figures(doc: Doc) -> list[Figure]:
    """All figures in ``doc``, sorted and non-overlapping, offsets into ``doc.text``."""
    words, spaces = token_texts(doc)
    parsed = doc.has_annotation("DEP")
    figures: list[Figure] = []
    i = 0
    while i < len(doc):
        a = match_amount(words, spaces, i)
        if a is None or _not_a_figure(doc, a):
            i += 1
            continue
        lo, hi = _sentence(doc, a.start)
        head = _about_parsed(doc, a) if parsed else _about_tokens(doc, a)
        span = doc[a.start : a.end]
        figures.append(
            Figure(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                value=a.value,
                low=a.low,
                high=a.high,
                unit=a.unit,
                quantity=_quantity(doc, a, head, lo, hi),
                about=_about_text(doc, head, a) if head is not None else None,
                claimed_by=_claimed_by(doc, lo, hi),
            )
        )
        i = a.end
    return figures


def register_extensions() -> None:
    """Declare ``Doc._.figures``; safe to call more than once."""
    if not Doc.has_extension("figures"):
        Doc.set_extension("figures", default=None)


@Language.factory("parallax_figures", assigns=["doc._.figures"])
class FigureTagger:
    """Pipeline component that stores :func:`find_figures` on ``doc._.figures``."""

    def __init__(self, nlp: Language, name: str) -> None:
        register_extensions()
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        doc._.figures = find_figures(doc)
        return doc
