"""Quotes: direct and indirect speech with its cue and speaker, as a spaCy component.

Whom an outlet quotes, and how, is half of its perspective, so every attribution is kept with
the words that carry it: the quoted or reported content, the cue ("said", "warned",
"according to") and the speaker as written ("he", "a former US Army intelligence officer") and
as resolved (a pronoun points back to the nearest named speaker). Direct quotes come from the
quotation marks (:mod:`parallax.extract.quote_marks`) and the attribution around them;
indirect speech from the dependency parse (a cue verb and its clause, "according to X").
Short quoted words inside a clause with no cue of their own are scare quotes, not speech.
When the trained attribution tagger is installed (:mod:`parallax.extract.quote_model`), its
attributions come first and the rules fill in: the tagger reaches the long tail of cues
("blasted", "support", nouns) and the internal states the rules do not.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from typing import Final

from spacy.language import Language
from spacy.tokens import Doc, Span

from parallax.extract.attribution import Attribution, CharRange, TokenRange, overlap
from parallax.extract.quote_frames import direct_attributions
from parallax.extract.quote_indirect import indirect_attributions
from parallax.extract.quote_model import (
    AttributionTagger,
    RoleSpan,
    available,
    batches,
    model_attributions,
)
from parallax.extract.quote_transcripts import transcript_attributions
from parallax.nlp.doc_text import actor_mentions_of, entities_of, text_of
from parallax.schema import Quote, Speaker


def find_attributions(doc: Doc, spans: Sequence[RoleSpan] | None = None) -> list[Attribution]:
    """Every attribution in ``doc``, in text order, speakers resolved and linked.

    ``spans`` are the attribution tagger's predictions for ``doc``, if it ran: see
    :func:`_with_model` for how they join the rules.
    """
    direct = direct_attributions(doc)
    quoted = [part for a in direct for part in a.content]
    lines = [
        line
        for line in transcript_attributions(doc)
        if not any(overlap(part, other) for part in line.content for other in quoted)
    ]
    direct += lines
    covered = [part for a in direct for part in a.content]
    found = direct + [
        a for a in indirect_attributions(doc, covered) if not _beside_its_quote(doc, a, direct)
    ]
    if spans:
        model = _not_a_speaker(doc, model_attributions(doc, spans), found)
        model = [m for m in model if not any(_cue_inside(doc, m, line) for line in lines)]
        found = _with_model(doc, found, model)
    found.sort(key=lambda a: a.start)
    return _resolve_speakers(doc, _outermost(doc, found))


def _beside_its_quote(doc: Doc, indirect: Attribution, direct: list[Attribution]) -> bool:
    """The cue of a direct quote read again as indirect speech about words without a finite
    verb: "“…,” Trump said, *harping on his theme*", "“…,” Perez said *Sunday on NBC*".
    Kept when the quote sits inside the content ("said he would not “act like a puppy dog”")
    or the content is a clause of its own ("He adds that Muslims have two choices: “…”")."""
    start, end = indirect.content[0][0], indirect.content[-1][1]
    if not any(
        quote.cue == indirect.cue and not any(start <= s < end for s, _ in quote.content)
        for quote in direct
    ):
        return False
    words = doc.char_span(start, end, alignment_mode="expand")
    if words is None or words[0].lower_ == "that":
        return False
    return not any("Fin" in token.morph.get("VerbForm", []) for token in words)


def _not_a_speaker(
    doc: Doc, model: list[Attribution], rules: list[Attribution]
) -> list[Attribution]:
    """The tagger's attributions less those without a speaker that open with the speaker a
    rule found for the same cue: "…, said *a former spokesman for the ministry, Oleg
    Voloshyn, who …*" (the tagger took the speaker for what was said)."""
    speakers = {
        (rule.cue, doc[rule.source[0]].idx)
        for rule in rules
        if rule.cue is not None and rule.source is not None
    }
    return [a for a in model if a.source is not None or (a.cue, a.start) not in speakers]


def _cue_inside(doc: Doc, tagged: Attribution, line: Attribution) -> bool:
    """Whether the tagger's attribution is speech reported *within* a transcript line ("A: I
    *thought* that no one could relate to me…"): its cue lies in the line's content. The line
    is the attribution (PolNeAR gives each token one attribution, the outermost)."""
    return _shared(tagged, line) > 0 and _cue_within(doc, tagged, line)


def _with_model(doc: Doc, rules: list[Attribution], model: list[Attribution]) -> list[Attribution]:
    """The tagger's attributions, then the rules' ones sharing no content with them; a tagged
    attribution without a source borrows the one of the rule attribution it overlaps most,
    and one that stops short of the rules' content for the same cue takes that content.

    Measured on PolNeAR (held-out train texts, then dev): the tagger's contents are the more
    precise where both find one, the rules add what the tagger misses, and their speaker is
    the better guess when the tagger found none.
    """
    merged = []
    for attribution in model:
        attribution = _extended(doc, attribution, rules, model)
        if attribution.source is None:
            best = max(rules, key=lambda r: _shared(attribution, r), default=None)
            if best is not None and best.source is not None and _shared(attribution, best):
                attribution = replace(attribution, source=best.source)
        merged.append(attribution)
    merged += [r for r in rules if not any(_shared(r, m) for m in model)]
    return merged


def _extended(
    doc: Doc, tagged: Attribution, rules: list[Attribution], model: list[Attribution]
) -> Attribution:
    """``tagged`` with the content of a rule attribution of the same cue that starts where it
    starts and ends later, when no other tagged content lies in that longer one.

    The tagger often stops a content at a relative clause, a comma or a second object ("called
    *him a political opportunist* who has neglected his duties…", "told *that he spoke with
    Comey right after his announcement*, asking him…"), where the parse gives the verb's whole
    complement; PolNeAR's content is that complement more often than not (held-out train
    texts: 15 against 8). The reverse — cutting a longer tagged content to the rules' — loses
    (6 against 43): a tagged content that runs on is usually right. A longer content that
    holds the speaker is a misparse ("“We will crush Daesh,” *the minister* said" read as
    indirect speech), not a complement.
    """
    source = doc[tagged.source[0] : tagged.source[1]] if tagged.source is not None else None
    speaker = (source.start_char, source.end_char) if source is not None else (0, 0)
    for rule in rules:
        if (
            rule.cue is not None
            and rule.cue == tagged.cue
            and rule.start == tagged.start
            and rule.content[-1][1] > tagged.content[-1][1]
            and not any(overlap(part, speaker) for part in rule.content)
            and not any(other is not tagged and _shared(other, rule) for other in model)
        ):
            return replace(tagged, content=rule.content)
    return tagged


def _shared(a: Attribution, b: Attribution) -> int:
    """Characters of content two attributions share."""
    return sum(overlap(x, y) for x in a.content for y in b.content)


def _outermost(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Drop attributions whose cue lies inside another one's content: in "X said that Y
    claimed Z" the reporter attributes to X; what Y claimed is part of X's words."""
    kept = []
    for attribution in attributions:
        if attribution.cue is not None:
            position = doc[attribution.cue[0]].idx  # once, not once per other attribution
            if any(other is not attribution and _holds(other, position) for other in attributions):
                continue
        kept.append(attribution)
    return kept


def _cue_within(doc: Doc, attribution: Attribution, other: Attribution) -> bool:
    """Whether ``attribution``'s cue lies inside ``other``'s content: its speech is part of
    what ``other`` reports."""
    return attribution.cue is not None and _holds(other, doc[attribution.cue[0]].idx)


def _holds(attribution: Attribution, position: int) -> bool:
    """Whether the character ``position`` lies inside ``attribution``'s content."""
    return any(start <= position < end for start, end in attribution.content)


def quotes_of(doc: Doc, attributions: list[Attribution]) -> list[Quote]:
    """Contract records: one ``Quote`` per content part, all parts sharing cue and speaker."""
    quotes = []
    for attribution in attributions:
        cue = doc[slice(*attribution.cue)].text if attribution.cue else None
        speaker = None
        if attribution.speaker is not None:
            span = doc[slice(*attribution.speaker)]
            speaker = Speaker(
                start=span.start_char,
                end=span.end_char,
                text=span.text,
                actor_id=attribution.actor_id,
            )
        for start, end in attribution.content:
            quotes.append(
                Quote(
                    start=start,
                    end=end,
                    text=text_of(doc)[start:end],
                    direct=attribution.direct,
                    cue=cue,
                    speaker=speaker,
                )
            )
    return quotes


_PRONOUN_SPEAKERS = frozenset({"he", "she", "they", "him", "her", "them"})
_RELATIVE = frozenset({"who", "that", "which"})
_PERSONAL = frozenset({"he", "she", "him", "her"})


def _resolve_speakers(doc: Doc, attributions: list[Attribution]) -> list[Attribution]:
    """Point pronoun sources at the nearest named speaker before them and link actors.

    News names a speaker once and then says "he said"; the nearest earlier named speaker of an
    attribution is the usual antecedent, else the nearest earlier person (or, for "they", the
    nearest organisation or state).
    """
    resolved: list[Attribution] = []
    mentions = _Mentions(doc)
    quoted = [part for a in attributions if a.direct for part in a.content]
    named: list[tuple[int, TokenRange, str | None]] = []  # (token start, span, actor_id)
    for attribution in attributions:
        source = attribution.source
        speaker, actor_id = source, None
        if source is not None:
            span = doc[slice(*source)]
            if len(span) == 1 and span[0].lower_ in _RELATIVE and span[0].head.dep_ == "acl:relcl":
                # "officials who said…": the speaker is the noun the clause describes.
                head = span[0].head.head
                speaker = (head.left_edge.i, head.i + 1)
                actor_id = mentions.actor_of(doc[slice(*speaker)])
            elif len(span) == 1 and span[0].lower_ in _PRONOUN_SPEAKERS:
                antecedent = _antecedent(mentions, span[0].i, span[0].lower_, named, quoted)
                if antecedent is not None:
                    speaker, actor_id = antecedent
            else:
                actor_id = mentions.actor_of(span) or _same_surname(doc, span, named)
                named.append((span.start, source, actor_id))
        resolved.append(replace(attribution, speaker=speaker, actor_id=actor_id))
    return resolved


def _antecedent(
    mentions: _Mentions,
    position: int,
    pronoun: str,
    named: list[tuple[int, TokenRange, str | None]],
    quoted: list[CharRange],
) -> tuple[TokenRange, str | None] | None:
    """The named speaker or entity a pronoun source points back to; people named inside
    direct quotes are what speakers talk about, not who speaks."""
    labels = ("PERSON",) if pronoun in _PERSONAL else ("ORG", "GPE", "NORP", "PERSON")
    best_speaker = next(((s, a) for at, s, a in reversed(named) if at < position), None)
    best_entity = next(
        (
            e
            for e in reversed(mentions.ents)
            if e.end <= position and e.label_ in labels and not _inside(e.start_char, quoted)
        ),
        None,
    )
    if best_entity is not None and (
        best_speaker is None or best_entity.start > best_speaker[0][1] + 60
    ):
        return (best_entity.start, best_entity.end), mentions.actor_of(best_entity)
    return best_speaker


def _inside(position: int, ranges: list[CharRange]) -> bool:
    return any(start <= position < end for start, end in ranges)


class _Mentions:
    """A document's entities and linked actor mentions, read once: spaCy builds ``doc.ents``
    anew on every access, and speakers are looked up many times per document."""

    def __init__(self, doc: Doc) -> None:
        self.ents = entities_of(doc)
        self.candidates = sorted(
            [*self.ents, *actor_mentions_of(doc)], key=lambda m: m.label_ != "PERSON"
        )
        self.linked = Span.has_extension("actor")

    def actor_of(self, span: Span) -> str | None:
        """The actor id of a linked mention inside the speaker phrase, if any: a named person
        first ("UK Prime Minister David Cameron" is Cameron, not the UK)."""
        root = span.root.i
        for mention in self.candidates:
            if mention.start < span.start or mention.end > span.end:
                continue
            if mention.label_ == "NORP" and mention.start <= root < mention.end:
                continue  # "one Syrian in Paris" is a person of that nation, not its state
            if _in_institution_name(mention, span):
                continue  # "director of the Center for … Russian … Studies"
            actor = mention._.actor if self.linked else None
            if actor is not None:
                return str(actor.actor_id)
        return None


#: Head words of the names of research and teaching institutions: a state named inside one
#: ("the Center for Eurasian, Russian and East European Studies") is its subject, not the
#: speaker's employer.
_INSTITUTIONS: Final = frozenset(
    {"center", "centre", "institute", "university", "school", "college", "studies",
     "foundation", "museum", "program", "programme", "academy", "society", "association"}
)  # fmt: skip


def _in_institution_name(mention: Span, speaker: Span) -> bool:
    """Whether the mention hangs, inside the speaker phrase, on a capitalised institution
    word ("the *Center* for Eurasian, *Russian* … *Studies*")."""
    token = mention.root
    while speaker.start <= token.head.i < speaker.end and token.head.i != token.i:
        token = token.head
        # (or on a conjunct of the word it hangs on: "…for Baltic, *Russian* and Nordic
        # *Studies*" parsed as a coordination of the three)
        named = [token, *(c for c in token.children if c.dep_ == "conj")]
        if any(t.lower_ in _INSTITUTIONS and t.is_title for t in named):
            return True
    return False


def _same_surname(
    doc: Doc, span: Span, named: list[tuple[int, TokenRange, str | None]]
) -> str | None:
    """ "Kerry" after "John Kerry": the actor of an earlier speaker ending in the same word."""
    last = span[-1].text
    for _, earlier, actor_id in reversed(named):
        if actor_id is not None and doc[earlier[1] - 1].text == last:
            return actor_id
    return None


def register_extensions() -> None:
    """``doc._.quotes`` (contract records) and ``doc._.attributions`` (token-level detail)."""
    for name in ("quotes", "attributions"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


@Language.factory(
    "parallax_quotes",
    assigns=["doc._.quotes", "doc._.attributions"],
    default_config={"use_model": True},
)
class QuoteTagger:
    """Pipeline component that stores :func:`find_attributions` and its ``Quote`` records.

    With ``use_model`` (the default) and the tagger installed, the tagger's spans join the
    rules; it reads the syntax ``tok2vec`` output (``doc.tensor``), so the component must run
    in the trained pipeline after ``tok2vec``; without that tensor the rules work alone.
    """

    def __init__(self, nlp: Language, name: str, use_model: bool = True) -> None:
        register_extensions()
        self.name = name
        self.tagger = AttributionTagger() if use_model and available() else None

    def __call__(self, doc: Doc) -> Doc:
        spans = next(self.tagger.spans([doc])) if self.tagger is not None else None
        return self._annotate(doc, spans)

    def pipe(self, docs: Iterable[Doc], batch_size: int = 32) -> Iterator[Doc]:
        """Annotate a stream of docs, running the tagger on batches."""
        for batch in batches(docs, batch_size):
            if self.tagger is None:
                yield from (self._annotate(doc, None) for doc in batch)
            else:
                for doc, spans in zip(batch, self.tagger.spans(batch), strict=True):
                    yield self._annotate(doc, spans)

    def _annotate(self, doc: Doc, spans: Sequence[RoleSpan] | None) -> Doc:
        attributions = find_attributions(doc, spans)
        doc._.attributions = attributions
        doc._.quotes = quotes_of(doc, attributions)
        return doc
