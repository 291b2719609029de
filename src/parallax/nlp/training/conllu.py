"""Read CoNLL-U (UD English-EWT, GUM) into spaCy ``Doc`` objects.

We read CoNLL-U ourselves rather than through ``spacy convert`` because GUM's
MISC column carries the entity mentions we need for NER, and because it lets
the converters be unit-tested on tiny inline samples. Multiword tokens
("don't" -> "do" + "n't") keep the syntactic words, which is also how spaCy's
tokenizer splits them; ``SpaceAfter=No`` on the range line applies to the last
word. Empty nodes (ids like ``8.1``) are enhanced-UD only and are skipped.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path

from spacy.tokens import Doc
from spacy.vocab import Vocab

from parallax.nlp.training import labels


@dataclass
class Word:
    """One syntactic word of a CoNLL-U sentence."""

    form: str
    lemma: str
    upos: str
    xpos: str
    feats: str
    head: int  # 1-based, 0 = root
    deprel: str
    misc: str
    space_after: bool = True


@dataclass
class Sentence:
    """A CoNLL-U sentence with its comments (``sent_id``, ``newdoc id``)."""

    words: list[Word] = field(default_factory=list)
    comments: dict[str, str] = field(default_factory=dict)

    @property
    def sent_id(self) -> str:
        """The ``# sent_id`` comment, or an empty string."""
        return self.comments.get("sent_id", "")


_COMMENT_RE = re.compile(r"^#\s*([^=]+?)\s*=\s*(.*)$")


def _misc_has(misc: str, item: str) -> bool:
    return item in misc.split("|")


def parse_conllu(text: str) -> Iterator[Sentence]:
    """Yield the sentences of a CoNLL-U string."""
    sent = Sentence()
    range_end = -1
    range_space = True
    for raw in text.splitlines():
        line = raw.rstrip("\n")
        if not line.strip():
            if sent.words:
                yield sent
            sent = Sentence()
            range_end = -1
            continue
        if line.startswith("#"):
            match = _COMMENT_RE.match(line)
            if match:
                sent.comments[match.group(1)] = match.group(2)
            continue
        cols = line.split("\t")
        if len(cols) != 10:
            raise ValueError(f"CoNLL-U line does not have 10 columns: {line!r}")
        tid = cols[0]
        if "." in tid:
            continue
        if "-" in tid:
            range_end = int(tid.split("-")[1])
            range_space = not _misc_has(cols[9], "SpaceAfter=No")
            continue
        idx = int(tid)
        inside_range = idx <= range_end
        if inside_range:
            space = range_space if idx == range_end else False
        else:
            space = not _misc_has(cols[9], "SpaceAfter=No")
        sent.words.append(
            Word(
                form=cols[1],
                lemma=cols[2],
                upos=cols[3],
                xpos=cols[4],
                feats="" if cols[5] == "_" else cols[5],
                head=int(cols[6]) if cols[6] != "_" else 0,
                deprel=cols[7],
                misc=cols[9],
                space_after=space,
            )
        )
    if sent.words:
        yield sent


def read_conllu(path: Path) -> list[Sentence]:
    """Read every sentence of a CoNLL-U file."""
    return list(parse_conllu(path.read_text(encoding="utf8")))


def group_by_document(sents: Iterable[Sentence]) -> list[list[Sentence]]:
    """Split a sentence stream at ``# newdoc id`` comments."""
    docs: list[list[Sentence]] = []
    for sent in sents:
        if "newdoc id" in sent.comments or not docs:
            docs.append([])
        docs[-1].append(sent)
    return docs


def chunks(sents: list[Sentence], size: int) -> Iterator[list[Sentence]]:
    """Consecutive groups of ``size`` sentences.

    Several sentences per Doc are what teaches the parser/senter where
    sentences end (one sentence per Doc would make every Doc end correctly).
    """
    for start in range(0, len(sents), size):
        yield sents[start : start + size]


def sentences_to_doc(
    vocab: Vocab,
    sents: list[Sentence],
    ents: list[str | None] | None = None,
) -> Doc:
    """One Doc with full UD annotation; ``ents`` are optional BILUO-free IOB tags.

    ``ents`` uses spaCy's ``Doc(ents=...)`` convention: ``"B-X"``, ``"I-X"``,
    ``"O"`` or ``None``/``""`` for "unknown" (missing annotation).
    """
    words: list[str] = []
    spaces: list[bool] = []
    tags: list[str] = []
    pos: list[str] = []
    morphs: list[str] = []
    lemmas: list[str] = []
    heads: list[int] = []
    deps: list[str] = []
    sent_starts: list[bool | int | None] = []
    for sent in sents:
        offset = len(words)
        for i, word in enumerate(sent.words):
            words.append(word.form)
            spaces.append(word.space_after)
            tags.append(word.xpos)
            pos.append(word.upos)
            morphs.append(word.feats)
            lemmas.append(word.lemma)
            if word.head == 0:
                heads.append(offset + i)
                deps.append("ROOT")
            else:
                heads.append(offset + word.head - 1)
                deps.append(word.deprel)
            sent_starts.append(i == 0)
    if spaces:
        spaces[-1] = False
    return Doc(
        vocab,
        words=words,
        spaces=spaces,
        tags=tags,
        pos=pos,
        morphs=morphs,
        lemmas=lemmas,
        heads=heads,
        deps=deps,
        sent_starts=sent_starts,
        ents=[e if e else "" for e in ents] if ents is not None else None,
    )


# --- GUM entity mentions -------------------------------------------------------

_MENTION_RE = re.compile(r"\(([^()]*)(\)?)|(\d+)\)")

#: GUM entity types that become NER labels (named mentions only).
GUM_TYPES = frozenset({"person", "place", "organization", "event"})


@dataclass(frozen=True)
class Mention:
    """A GUM entity mention over word indices ``start..end`` (end exclusive)."""

    start: int
    end: int
    etype: str
    infstat: str


def _entity_value(misc: str) -> str:
    for item in misc.split("|"):
        if item.startswith("Entity="):
            return item[len("Entity=") :]
    return ""


def gum_mentions(sent: Sentence) -> list[Mention]:
    """All (nested) entity mentions of one GUM sentence.

    The MISC value is a sequence of ``(id-type-infstat-...`` openings (closed on
    the same word when the group ends in ``)``) and ``id)`` closings.
    """
    open_stack: dict[str, list[tuple[int, str, str]]] = {}
    mentions: list[Mention] = []
    for i, word in enumerate(sent.words):
        for match in _MENTION_RE.finditer(_entity_value(word.misc)):
            if match.group(3) is not None:
                _close(open_stack, match.group(3), i, mentions)
                continue
            fields = match.group(1).split("-")
            if len(fields) < 3:
                continue
            eid, etype, infstat = fields[0], fields[1], fields[2]
            if match.group(2):
                mentions.append(Mention(i, i + 1, etype, infstat))
            else:
                open_stack.setdefault(eid, []).append((i, etype, infstat))
    return mentions


def _close(
    stack: dict[str, list[tuple[int, str, str]]], eid: str, i: int, out: list[Mention]
) -> None:
    opened = stack.get(eid)
    if opened:
        start, etype, infstat = opened.pop()
        out.append(Mention(start, i + 1, etype, infstat))


def _head_index(sent: Sentence, start: int, end: int) -> int:
    """The word of ``start..end`` whose head lies outside the span."""
    for i in range(start, end):
        head = sent.words[i].head - 1
        if head < start or head >= end:
            return i
    return end - 1


def _proper(word: Word) -> bool:
    """PROPN, or tagged NNP/NNPS ("United" in "United States" is VERB/NNP)."""
    return word.upos == "PROPN" or word.xpos in {"NNP", "NNPS"}


_NAME_LINKERS = frozenset({"of", "for", "and", "&", "de", "del", "la", "on", "-", "the"})

#: Linkers a name also runs across leftwards from a head-final name ("National Air *and*
#: Space Museum", "Wright *-* Patterson Air Force Base").
_LEFT_LINKERS = frozenset({"and", "&", "-"})

#: The linkers inside personal names ("Lee Cheuk - yan", "Juan de la Cruz").
_PERSON_LINKERS = frozenset({"-", "de", "del", "la"})

#: How a name hangs on a common-noun head in UD ("spokesperson --flat--> Julie Hahn",
#: "minister --appos--> Gérald Darmanin").
_NAME_ON_NOUN = frozenset({"flat", "appos"})


def named_core(
    sent: Sentence, start: int, end: int, person: bool = False
) -> tuple[int, int] | None:
    """The proper-name part of a mention, or None when it holds no name of its own.

    GUM mentions are full noun phrases ("North Korea's main news agency Korean
    Central News Agency (KCNA)"); OntoNotes-style NER wants just the name. We
    grow from the PROPN head over adjacent PROPN/NUM words, and over linkers
    ("of", "and", "the") only when a PROPN follows ("Bank of America"). When the
    head is a common noun the name may still be the mention's own, hung on the
    head ("Environment Canada spokesperson Julie Hahn"): GUM then marks no nested
    mention for it, so it is taken from here or lost.
    """
    head = _head_index(sent, start, end)
    words = sent.words
    if not _proper(words[head]):
        return _name_on_common_head(sent, start, end, head)

    def nameish(k: int) -> bool:
        return (
            _proper(words[k])
            or words[k].upos == "NUM"
            or (words[k].upos == "ADJ" and labels.is_capitalised(words[k].form))
        )

    linkers = _PERSON_LINKERS if person else _NAME_LINKERS
    left_linkers = _LEFT_LINKERS & linkers
    left = head
    while left - 1 >= start:
        if nameish(left - 1):
            left -= 1
        elif (
            words[left - 1].form.lower() in left_linkers
            and left - 2 >= start
            and _proper(words[left - 2])
        ):
            left -= 2
        else:
            break
    return left, _name_end(words, head + 1, end, nameish, linkers)


def _name_end(
    words: list[Word], right: int, end: int, part: Callable[[int], bool], linkers: frozenset[str]
) -> int:
    """Where a name that runs up to ``right`` ends (before ``end``): over words that are
    ``part`` of it, and over a linker followed by a proper noun ("Bank *of* America")."""
    while right < end:
        if part(right):
            right += 1
        elif words[right].form.lower() in linkers and right + 1 < end and _proper(words[right + 1]):
            right += 2
        else:
            break
    return right


def _name_on_common_head(sent: Sentence, start: int, end: int, head: int) -> tuple[int, int] | None:
    """The run of proper words that hangs on the head as its name, if there is one."""
    words = sent.words
    for first in range(head + 1, end):
        word = words[first]
        if word.head - 1 == head and word.deprel.split(":")[0] in _NAME_ON_NOUN and _proper(word):
            while first - 1 > head and _proper(words[first - 1]):
                first -= 1  # "agency --appos--> [Korean Central News] Agency"
            return first, _name_end(
                words, first + 1, end, lambda k: _proper(words[k]), _PERSON_LINKERS
            )
    return None


def gum_entity_tags(sent: Sentence) -> list[str | None]:
    """IOB tags for one GUM sentence in the Parallax label set.

    Named person/place/organization/event mentions are kept (longest first,
    no overlaps); person mentions lose leading titles; plural one-word person
    names ("Americans", NNPS) become NORP; places go through
    :func:`labels.classify_place`; organisations named like a state
    ("North Korea" acting as an agent) become GPE. Demonym-like capitalised
    words outside any kept mention are unknown, because GUM never labels
    adjectives such as "Syrian" while re3d labels them NORP.
    """
    words = sent.words
    candidates: list[tuple[int, int, str]] = []
    unknown: list[int] = []
    for mention in gum_mentions(sent):
        if mention.etype not in GUM_TYPES:
            continue
        core = named_core(sent, mention.start, mention.end, mention.etype == "person")
        if core is None:
            continue
        start, end = core
        if start - 2 >= mention.start and words[start - 1].form in {"'s", "\u2019s"}:
            # "Korean People's Army": the name runs across a possessive, and
            # cutting it at "'s" would teach a wrong boundary - leave unknown.
            unknown.extend(range(mention.start, mention.end))
            continue
        text = " ".join(w.form for w in words[start:end])
        if mention.etype == "person":
            # "NASA Administrator Charles Bolden" -> "Charles Bolden": cut through the
            # last title word, as the re3d converter does, so both teach one boundary.
            titled = [k for k in range(start, end - 1) if words[k].form.lower() in labels.TITLES]
            if titled:
                start = titled[-1] + 1
            if words[end - 1].form.lower() in labels.TITLES:
                # a role, not a name ("Charles Bolden, NASA Administrator"; "an Ottawa MP")
                unknown.extend(range(start, end))
                continue
            label = "NORP" if end - start == 1 and _names_a_group(words[start]) else "PERSON"
        elif mention.etype == "place":
            label = labels.classify_place(text)
        elif mention.etype == "organization":
            label = labels.classify_org(text)
        else:
            label = "EVENT"
        candidates.append((start, end, label))
    tags: list[str | None] = ["O"] * len(words)
    taken = [False] * len(words)
    candidates = [c for c in candidates if not _coordinates_names(words, c, candidates)]
    for start, end, label in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if any(taken[start:end]):
            continue
        for k in range(start, end):
            taken[k] = True
            tags[k] = ("B-" if k == start else "I-") + label
    for k, word in enumerate(words):
        if not taken[k] and (k in unknown or labels.looks_like_demonym(word.form)):
            tags[k] = None
    return tags


def _names_a_group(word: Word) -> bool:
    """A one-word "person" mention that names a group: "Americans", "Republican"."""
    return word.xpos == "NNPS" or word.form.lower() in labels.NORP_WORDS


_COORDINATORS = frozenset({"and", "&", "or"})


def _coordinates_names(
    words: list[Word], span: tuple[int, int, str], candidates: list[tuple[int, int, str]]
) -> bool:
    """True when ``span`` joins two names GUM also marks apart ("Poland and Sweden").

    Such a plural mention is two entities for NER, while a name with "and" in it
    ("National Air and Space Museum", "Globe and Mail") has no nested names.
    """
    start, end, _ = span
    inner = sorted(c for c in candidates if start <= c[0] and c[1] <= end and c[:2] != span[:2])
    if not inner or inner[0][0] != start or inner[-1][1] != end:
        return False
    return any(
        any(words[k].form.lower() in _COORDINATORS for k in range(a[1], b[0]))
        for a, b in itertools.pairwise(inner)
    )
