"""Entity-labelled sources (UNER, re3d, CrossNER) as spaCy Docs.

Each converter maps its source's types onto :data:`labels.LABELS`; the choices
are repeated in ``docs/model.md``. Where a source is silent about one of our
types (UNER has no NORP, CrossNER's ``misc`` mixes everything), the affected
tokens get *missing* annotation (``None``) rather than O, so the NER is never
told two different answers for the same kind of word.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from spacy.language import Language
from spacy.tokens import Doc
from spacy.vocab import Vocab

from parallax.nlp.training import labels
from parallax.nlp.training.conllu import Sentence, sentences_to_doc

# --- UNER ----------------------------------------------------------------------


@dataclass
class IobSentence:
    """A sentence of a token/IOB file (UNER columns or CrossNER pairs)."""

    sent_id: str
    words: list[str]
    tags: list[str]


def _blocks(text: str) -> Iterator[list[str]]:
    """The non-blank lines of each blank-line-separated block (one sentence per block)."""
    block: list[str] = []
    for line in text.splitlines():
        if line.strip():
            block.append(line)
        elif block:
            yield block
            block = []
    if block:
        yield block


def parse_uner(text: str) -> Iterator[IobSentence]:
    """UNER ``.iob2``: ``# sent_id`` comments, then ``id<TAB>word<TAB>tag ...``."""
    for block in _blocks(text):
        sent = IobSentence("", [], [])
        for line in block:
            if line.startswith("# sent_id = "):
                sent.sent_id = line[len("# sent_id = ") :].strip()
            elif not line.startswith("#"):
                cols = line.split("\t")
                sent.words.append(cols[1])
                sent.tags.append(cols[2])
        if sent.words:
            yield sent


def spans_from_iob(tags: Sequence[str]) -> list[tuple[int, int, str]]:
    """(start, end, type) spans from IOB2 tags; a stray I- starts a span."""
    spans: list[tuple[int, int, str]] = []
    start, current = -1, ""
    for i, tag in enumerate([*tags, "O"]):
        prefix, _, etype = tag.partition("-")
        if current and (prefix != "I" or etype != current):
            spans.append((start, i, current))
            current = ""
        if prefix == "B" or (prefix == "I" and not current):
            start, current = i, etype
    return spans


def map_uner(words: Sequence[str], tags: Sequence[str]) -> list[str | None]:
    """UNER PER/ORG/LOC -> PERSON / ORG (or GPE) / GPE, FAC or LOC.

    UNER folds countries, cities and facilities into LOC; we split them with
    :func:`labels.classify_place`. Demonym-like words left O are unknown.
    """
    out: list[str | None] = ["O"] * len(words)
    for start, end, etype in spans_from_iob(tags):
        text = " ".join(words[start:end])
        if etype == "PER":
            label = "PERSON"
        elif etype == "ORG":
            label = labels.classify_org(text)
        elif etype == "LOC":
            label = labels.classify_place(text)
        else:
            for k in range(start, end):
                out[k] = None
            continue
        for k in range(start, end):
            out[k] = ("B-" if k == start else "I-") + label
    for k, word in enumerate(words):
        if out[k] == "O" and labels.looks_like_demonym(word):
            out[k] = None
    return out


def uner_docs(
    vocab: Vocab,
    uner_text: str,
    ewt: dict[str, Sentence],
    *,
    raw_labels: bool = False,
    per_doc: int = 10,
) -> tuple[list[Doc], int]:
    """UNER sentences on top of the matching EWT sentences (by ``sent_id``).

    Returns the docs and the number of sentences skipped because UNER's tokens
    differ from the EWT release we have (UNER annotates an older commit).
    ``raw_labels`` keeps UNER's own PER/ORG/LOC (for scoring on UNER test).
    """
    docs: list[Doc] = []
    skipped = 0
    batch: list[Sentence] = []
    batch_tags: list[str | None] = []
    for usent in parse_uner(uner_text):
        sent = ewt.get(usent.sent_id)
        if sent is None or [w.form for w in sent.words] != usent.words:
            skipped += 1
            continue
        if raw_labels:
            batch_tags.extend(usent.tags)
        else:
            batch_tags.extend(map_uner(usent.words, usent.tags))
        batch.append(sent)
        if len(batch) == per_doc:
            docs.append(sentences_to_doc(vocab, batch, batch_tags))
            batch, batch_tags = [], []
    if batch:
        docs.append(sentences_to_doc(vocab, batch, batch_tags))
    return docs, skipped


# --- CrossNER --------------------------------------------------------------------

_CROSSNER_MAP = {
    "politician": "PERSON",
    "person": "PERSON",
    "organisation": "ORG",
    "politicalparty": "ORG",
    "election": "EVENT",
    "event": "EVENT",
    "country": "GPE",
}

_NO_SPACE_BEFORE = re.compile(r"^(?:[,.;:!?%)\]}]|'s|'|n't|'re|'ve|'ll|'d|'m)$")
_NO_SPACE_AFTER = frozenset({"(", "[", "{", "$"})


def guess_spaces(words: Sequence[str]) -> list[bool]:
    """Whitespace for pre-tokenised text that lost it (CrossNER)."""
    spaces = [True] * len(words)
    for i, word in enumerate(words):
        if word in _NO_SPACE_AFTER:
            spaces[i] = False
        if i + 1 < len(words) and _NO_SPACE_BEFORE.match(words[i + 1]):
            spaces[i] = False
    if spaces:
        spaces[-1] = False
    return spaces


def parse_crossner(text: str) -> Iterator[IobSentence]:
    """CrossNER: ``word<TAB>tag`` per line, blank line between sentences."""
    for block in _blocks(text):
        sent = IobSentence("", [], [])
        for line in block:
            word, _, tag = line.partition("\t")
            sent.words.append(word)
            sent.tags.append(tag.strip() or "O")
        yield sent


def map_crossner(words: Sequence[str], tags: Sequence[str]) -> list[str | None]:
    """CrossNER politics types -> Parallax labels (see module docstring).

    ``location`` goes through :func:`labels.classify_place` (CrossNER calls
    cities "location"); ``misc`` becomes NORP when it is a demonym or a
    party/religion adjective ("Republican", "Soviet"), otherwise unknown.
    """
    out: list[str | None] = ["O"] * len(words)
    for start, end, etype in spans_from_iob(tags):
        text = " ".join(words[start:end])
        label: str | None
        if etype == "location":
            label = labels.classify_place(text)
        elif etype == "organisation":
            label = labels.classify_org(text)
        elif etype == "misc":
            last = words[end - 1]
            is_norp = labels.looks_like_demonym(last) or last.lower() in labels.NORP_WORDS
            label = "NORP" if is_norp and end - start <= 2 else None
        else:
            label = _CROSSNER_MAP.get(etype)
        for k in range(start, end):
            out[k] = None if label is None else ("B-" if k == start else "I-") + label
    return out


def crossner_docs(vocab: Vocab, text: str, per_doc: int = 10) -> list[Doc]:
    """CrossNER sentences, ``per_doc`` to a Doc, with guessed whitespace."""
    docs: list[Doc] = []
    sents = list(parse_crossner(text))
    for start in range(0, len(sents), per_doc):
        words: list[str] = []
        spaces: list[bool] = []
        tags: list[str | None] = []
        sent_starts: list[bool | int | None] = []
        for sent in sents[start : start + per_doc]:
            words.extend(sent.words)
            sp = guess_spaces(sent.words)
            sp[-1] = True
            spaces.extend(sp)
            tags.extend(map_crossner(sent.words, sent.tags))
            sent_starts.extend([True] + [False] * (len(sent.words) - 1))
        spaces[-1] = False
        docs.append(
            Doc(
                vocab,
                words=words,
                spaces=spaces,
                ents=[t if t else "" for t in tags],
                sent_starts=sent_starts,
            )
        )
    return docs


# --- re3d ------------------------------------------------------------------------

_RE3D_TYPES = frozenset({"Person", "Organisation", "Location", "Nationality"})
_LINKERS = frozenset({"of", "for", "and", "the", "de", "al", "el", "on", "in", "&", "-"})


_CITATION_RE = re.compile(r"\[\d+\]")


@dataclass(frozen=True)
class Re3dDocument:
    """A re3d document with its entity annotations (character offsets)."""

    doc_id: str
    source: str
    text: str
    entities: tuple[tuple[int, int, str], ...]


def read_re3d(root: Path) -> list[Re3dDocument]:
    """All re3d documents under ``root`` (one folder per source), sorted by id."""
    out: list[Re3dDocument] = []
    for folder in sorted(p for p in root.iterdir() if (p / "documents.json").exists()):
        ents: dict[str, list[tuple[int, int, str]]] = {}
        for line in (folder / "entities.json").read_text(encoding="utf8").splitlines():
            if line.strip():
                ent = json.loads(line)
                spans = ents.setdefault(ent["documentId"], [])
                spans.append((int(ent["begin"]), int(ent["end"]), str(ent["type"])))
        for line in (folder / "documents.json").read_text(encoding="utf8").splitlines():
            if line.strip():
                doc = json.loads(line)
                doc_id = str(doc["_id"])
                out.append(
                    Re3dDocument(
                        doc_id,
                        folder.name,
                        str(doc["text"]),
                        tuple(sorted(ents.get(doc_id, []))),
                    )
                )
    return sorted(out, key=lambda d: d.doc_id)


def re3d_split(index: int) -> str:
    """Fixed split of the id-sorted re3d documents: 20 % test, 10 % dev."""
    if index % 5 == 0:
        return "test"
    if index % 10 == 3:
        return "dev"
    return "train"


def _named_span(doc: Doc, start: int, end: int, etype: str) -> tuple[int, int] | None:
    """Trim determiners (and titles for persons); None unless it is a name."""
    while end > start and (doc[end - 1].is_space or doc[end - 1].text in {",", ";", ":"}):
        end -= 1
    while start < end and doc[start].lower_ in labels.DETERMINERS:
        start += 1
    if start >= end or doc[start].text[0].isdigit():
        return None
    if end - start == 1 and doc[start].lower_ in labels.PRONOUNS:
        return None
    if etype == "Person":
        # Keep the trailing run of name words: "Russian Foreign Minister Sergei
        # Lavrov" -> "Sergei Lavrov"; "Abu Musab al-Zarqawi" stays whole.
        first = end
        while (
            first > start
            and not doc[first - 1].is_space
            and (
                (
                    labels.is_capitalised(doc[first - 1].text)
                    and doc[first - 1].lower_ not in labels.TITLES
                )
                or (doc[first - 1].lower_ in labels.NAME_PARTICLES and first < end)
            )
        ):
            first -= 1
        while first < end and doc[first].lower_ in labels.NAME_PARTICLES:
            first += 1
        if first >= end or (first > start and doc[first - 1].is_lower):
            # "leader of Al Qaeda in Iraq", "Minister for the Middle East":
            # a nominal mention whose trailing capitals are not the person.
            return None
        start = first
    content = [t for t in doc[start:end] if t.is_alpha and t.lower_ not in _LINKERS]
    if not content or not all(labels.is_capitalised(t.text) for t in content):
        return None
    return start, end


def re3d_doc(nlp: Language, document: Re3dDocument) -> Doc:
    """Tokenise a re3d document and attach its named entities.

    Person -> PERSON, Organisation -> ORG (GPE when named like a state),
    Location -> GPE/FAC/LOC, Nationality -> NORP; other types are O. re3d
    also marks nominal mentions ("U.S. service members"): those are dropped,
    and their capitalised words are unknown rather than O.
    """
    # Wikipedia citation marks ("Assad,[1]") glue onto words; blank them out
    # with spaces of the same length so the character offsets stay valid.
    text = _CITATION_RE.sub(lambda m: " " * len(m.group(0)), document.text)
    doc = nlp.make_doc(text)
    candidates: list[tuple[int, int, str]] = []
    unknown: set[int] = set()
    for begin, end, etype in document.entities:
        if etype not in _RE3D_TYPES:
            continue
        span = doc.char_span(begin, end, alignment_mode="expand")
        if span is None:
            continue
        named = _named_span(doc, span.start, span.end, etype)
        if named is None:
            unknown.update(t.i for t in span if labels.is_capitalised(t.text) and t.i > 0)
            continue
        text = doc[named[0] : named[1]].text
        if etype == "Person":
            label = "PERSON"
        elif etype == "Organisation":
            label = labels.classify_org(text)
        elif etype == "Location":
            label = labels.classify_place(text)
        else:
            label = "NORP"
        candidates.append((named[0], named[1], label))
    tags: list[str] = ["O"] * len(doc)
    taken = [False] * len(doc)
    for start, end, label in sorted(candidates, key=lambda c: (c[0] - c[1], c[0])):
        if any(taken[start:end]):
            continue
        for k in range(start, end):
            taken[k] = True
            tags[k] = ("B-" if k == start else "I-") + label
    for k in unknown:
        if not taken[k]:
            tags[k] = ""
    return Doc(
        doc.vocab,
        words=[t.text for t in doc],
        spaces=[bool(t.whitespace_) for t in doc],
        ents=tags,
    )
