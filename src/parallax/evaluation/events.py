"""How well the events extractor does: a hand-written gold file and MEANTIME event mentions.

Both scorers run a spaCy pipeline that sets ``doc._.events`` (a list of :class:`Event` records
whose ``start``/``end`` is the event's sentence) and compare its records with gold annotation.
Matching is by sentence and type; the optional ``Event.trigger`` span, where an extractor
records it, only breaks ties and feeds the trigger metrics.

Gold file (``tests/data/events_gold.jsonl``, one sentence per line)
    Each line has ``id``, ``text``, ``published`` and ``events``: ``type`` (PLOVER),
    ``trigger`` (compared with ``Event.trigger`` only), ``status``,
    ``actor_country``/``actor_sector``/``actor_text``,
    ``recipient_country``/``recipient_sector``/``recipient_text`` and ``acled_event_type``;
    ``tags`` name the constructions a line tests (passive, nominal, compound_actor, no_event…).
    A compound actor ("British and French warplanes") lists its members' codes; a prediction giving
    any one of them, or several joined by "+" ("GBR+FRA"), is right. Coding conventions of the file:
    a country comes from a state word or a known organisation, never from a backer ("US-backed
    Syrian rebels" are SYR REB, "Russian-backed separatists" have no country); a generic actor
    without either ("rebels near Morek") is right with no country or with that of the place of the
    event, so gold lists both; a bare state name has no sector; places are never recipients, an
    actor's installations ("a Syrian air base") and stated victims are; the outcome of an attack
    ("…, killing 38 people") is the same event; status precedence is negated > hypothetical > future
    > reported > asserted; an act inside an accusation or claim is ``reported``; an intended act
    follows the PLOVER rule "return the single category, not category + auxiliary mode": an intended
    conflictual act is THREATEN ("will carry out air strikes"), an intended cooperative act AGREE,
    both with status ``future`` and no ACLED type (nothing has happened yet); otherwise
    ``acled_event_type`` is the event's ACLED type whatever its status.

    Metrics: an event predicted in a sentence matches a gold event of that sentence when their
    types are equal, one to one, greedily in gold order (among equal types the prediction that
    agrees on most coded fields is taken). ``precision``/``recall``/``f1`` count those matches;
    ``detection_recall`` ignores types (per sentence, min(gold, predicted) events are
    detected); ``type_accuracy`` is typed matches over those detections. On typed matches:
    ``trigger_accuracy`` (the predicted trigger overlaps an occurrence of the gold trigger
    string; no predicted trigger counts as wrong), ``status_accuracy``, ``actor_accuracy``
    (country and sector both right, None == None counts as right), ``recipient_accuracy``
    (country), ``acled_accuracy`` (event type, only where gold has one); ``recall_<status>``
    is recall per gold status. ``no_event_precision`` is the share of sentences without gold
    events where nothing was predicted. Empty ratios are 0.

MEANTIME (English Wikinews, ``intra-doc_annotation/corpus_*/*.xml``)
    Only the title and first sentences of each article are annotated: as in
    :mod:`parallax.evaluation.times`, text after the last annotated sentence is dropped and the
    rest rebuilt the same way (one sentence per line). EVENT_MENTION markables are the gold
    events; most are economic and not PLOVER events at all, so the numbers are reported as
    measured, not as a target. ``trigger_recall`` is the share of gold event mentions whose
    sentence has at least one predicted event (of any type: MEANTIME has no event types);
    ``event_sentence_precision`` the share of predicted events whose sentence holds a gold
    mention; ``trigger_span_recall`` the share of gold mentions overlapped by a predicted
    event's own trigger span (0 for an extractor that records no triggers). Participants:
    HAS_PARTICIPANT links with ``sem_role`` Arg0 give the gold actors and Arg1 the gold
    recipients (PropBank roles), as character spans of the linked markables.
    Within sentences that have a predicted event, a predicted actor (recipient) span is right
    when it overlaps a gold Arg0 (Arg1) span of that sentence, and a gold span is found when a
    predicted one overlaps it; distinct spans are counted once per sentence. ``arg0_*`` and
    ``arg1_*`` give precision, recall and F1, ``participant_f1`` the F1 of both pooled.

    python -m parallax.evaluation.events --gold tests/data/events_gold.jsonl \
        [--meantime ../shared/data/meantime]
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import xml.etree.ElementTree as ET
from collections import Counter, defaultdict
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, get_args

from spacy.language import Language
from spacy.tokens import Doc

from parallax.evaluation.times import _NO_SPACE_BEFORE, _date
from parallax.schema import Actor, Event, EventStatus

#: The statuses an event can have, in the contract's order.
STATUSES: tuple[str, ...] = get_args(EventStatus)

#: Keys of the score dicts that are counts (shown as integers in the tables).
COUNTS = frozenset(
    {"sentences", "no_event_sentences", "gold", "predicted", "matched", "docs", "gold_mentions"}
)

Codes = frozenset[str | None]


def _codes(value: Any) -> Codes:
    """The accepted codes of a gold field: a list (compound actor) or one value."""
    if isinstance(value, list):
        return frozenset(str(v) if v is not None else None for v in value)
    return frozenset({str(value) if value is not None else None})


@dataclass(frozen=True)
class GoldEvent:
    """One gold event of a sentence, with the accepted codes of each scored field."""

    type: str
    trigger: str
    status: str
    actor_country: Codes
    actor_sector: Codes
    recipient_country: Codes
    acled: str | None

    @classmethod
    def from_json(cls, item: Mapping[str, Any]) -> GoldEvent:
        return cls(
            type=str(item["type"]),
            trigger=str(item["trigger"]),
            status=str(item.get("status", "asserted")),
            actor_country=_codes(item.get("actor_country")),
            actor_sector=_codes(item.get("actor_sector")),
            recipient_country=_codes(item.get("recipient_country")),
            acled=item.get("acled_event_type"),
        )


@dataclass(frozen=True)
class GoldSentence:
    """One line of the gold file."""

    id: str
    text: str
    published: dt.date | None
    events: tuple[GoldEvent, ...]
    tags: tuple[str, ...]


def read_gold(path: str | Path) -> list[GoldSentence]:
    """The sentences of a gold JSONL file, in file order."""
    out = []
    for n, line in enumerate(Path(path).read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        item = json.loads(line)
        published = item.get("published")
        out.append(
            GoldSentence(
                id=str(item.get("id", n)),
                text=str(item["text"]),
                published=dt.date.fromisoformat(published) if published else None,
                events=tuple(GoldEvent.from_json(e) for e in item.get("events", [])),
                tags=tuple(item.get("tags", [])),
            )
        )
    return out


def ensure_extensions() -> None:
    """Register ``doc._.events`` and ``doc._.published`` if no component has yet."""
    for name in ("events", "published"):
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)


def _doc(nlp: Language, text: str, published: dt.date | None) -> Doc:
    """A tokenised doc carrying its publication date, as ``Annotator._make_doc`` builds it."""
    doc = nlp.make_doc(text)
    doc._.published = published
    return doc


def events_of(doc: Doc) -> list[Event]:
    """The events a pipeline set on ``doc``; a pipeline that sets none is a setup error."""
    found = doc._.events
    if found is None:
        raise ValueError("the pipeline did not set doc._.events: add the events component")
    bad = [type(e).__name__ for e in found if not isinstance(e, Event)]
    if bad:
        raise TypeError(f"doc._.events must hold parallax.schema.Event records, not {bad[0]}")
    return list(found)


def _codes_of(actor: Actor | None) -> tuple[str | None, str | None]:
    return (actor.country, actor.sector) if actor is not None else (None, None)


def trigger_of(pred: Event) -> tuple[int, int] | None:
    """The predicted trigger's offsets, if the extractor records one (the field is optional)."""
    trigger = getattr(pred, "trigger", None)
    start, end = getattr(trigger, "start", None), getattr(trigger, "end", None)
    return (start, end) if isinstance(start, int) and isinstance(end, int) else None


def trigger_ok(gold: GoldEvent, pred: Event, text: str) -> bool:
    """The predicted trigger overlaps an occurrence of the gold trigger string in ``text``."""
    span = trigger_of(pred)
    if span is None or not gold.trigger:
        return False
    at = text.find(gold.trigger)
    while at != -1:
        if at < span[1] and span[0] < at + len(gold.trigger):
            return True
        at = text.find(gold.trigger, at + 1)
    return False


def _accepted(code: str | None, accepted: Codes) -> bool:
    """Whether a predicted code is accepted: a compound one ("GBR+FRA", as the extractor
    codes "British and French warplanes") when every member is among the gold codes."""
    if code is None:
        return None in accepted
    return all(member in accepted for member in code.split("+"))


def actor_ok(gold: GoldEvent, pred: Event) -> bool:
    """Actor country and sector both among the accepted gold codes."""
    country, sector = _codes_of(pred.actor)
    return _accepted(country, gold.actor_country) and _accepted(sector, gold.actor_sector)


def recipient_ok(gold: GoldEvent, pred: Event) -> bool:
    """Recipient country among the accepted gold codes (None when there is no recipient)."""
    return _accepted(_codes_of(pred.recipient)[0], gold.recipient_country)


def _agreement(gold: GoldEvent, pred: Event, text: str) -> int:
    return (
        2 * trigger_ok(gold, pred, text)
        + (pred.status == gold.status)
        + actor_ok(gold, pred)
        + recipient_ok(gold, pred)
        + (pred.acled is not None and pred.acled.event_type == gold.acled)
    )


def match_events(
    gold: Sequence[GoldEvent], pred: Sequence[Event], text: str = ""
) -> list[tuple[GoldEvent, Event]]:
    """Gold and predicted events of one sentence paired by equal type, each used once.

    Greedy in gold order; among unused predictions of the right type the one agreeing on most
    coded fields (the trigger counting double) is taken, the first on ties, so two events of
    one type pair up sensibly.
    """
    used: set[int] = set()
    pairs = []
    for g in gold:
        options = [k for k, p in enumerate(pred) if k not in used and p.type == g.type]
        if options:
            best = max(options, key=lambda k: _agreement(g, pred[k], text))
            used.add(best)
            pairs.append((g, pred[best]))
    return pairs


def _ratio(num: int, den: int) -> float:
    return num / den if den else 0.0


def _prf(tp_pred: int, n_pred: int, tp_gold: int, n_gold: int) -> tuple[float, float, float]:
    p, r = _ratio(tp_pred, n_pred), _ratio(tp_gold, n_gold)
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score_gold(path: str | Path, nlp: Language) -> dict[str, float]:
    """Detection, type, status, participant and ACLED scores on the gold file (see above)."""
    ensure_extensions()
    sentences = read_gold(path)
    docs = nlp.pipe(_doc(nlp, s.text, s.published) for s in sentences)
    n = Counter[str]()
    for sentence, doc in zip(sentences, docs, strict=True):
        gold, pred = sentence.events, events_of(doc)
        pairs = match_events(gold, pred, sentence.text)
        n["gold"] += len(gold)
        n["predicted"] += len(pred)
        n["matched"] += len(pairs)
        n["detected"] += min(len(gold), len(pred))
        if not gold:
            n["no_event_sentences"] += 1
            n["no_event_quiet"] += not pred
        for g in gold:
            n[f"gold_{g.status}"] += 1
        for g, p in pairs:
            n[f"matched_{g.status}"] += 1
            n["trigger_ok"] += trigger_ok(g, p, sentence.text)
            n["status_ok"] += p.status == g.status
            n["actor_ok"] += actor_ok(g, p)
            n["recipient_ok"] += recipient_ok(g, p)
            if g.acled is not None:
                n["acled_gold"] += 1
                n["acled_ok"] += p.acled is not None and p.acled.event_type == g.acled
    precision, recall, f1 = _prf(n["matched"], n["predicted"], n["matched"], n["gold"])
    out = {
        "sentences": float(len(sentences)),
        "gold": float(n["gold"]),
        "predicted": float(n["predicted"]),
        "matched": float(n["matched"]),
        "precision": precision,
        "recall": recall,
        "f1": f1,
        "detection_recall": _ratio(n["detected"], n["gold"]),
        "type_accuracy": _ratio(n["matched"], n["detected"]),
        "trigger_accuracy": _ratio(n["trigger_ok"], n["matched"]),
        "status_accuracy": _ratio(n["status_ok"], n["matched"]),
        "actor_accuracy": _ratio(n["actor_ok"], n["matched"]),
        "recipient_accuracy": _ratio(n["recipient_ok"], n["matched"]),
        "acled_accuracy": _ratio(n["acled_ok"], n["acled_gold"]),
        "no_event_sentences": float(n["no_event_sentences"]),
        "no_event_precision": _ratio(n["no_event_quiet"], n["no_event_sentences"]),
    }
    for status in STATUSES:
        out[f"recall_{status}"] = _ratio(n[f"matched_{status}"], n[f"gold_{status}"])
    return out


Span = tuple[int, int]


@dataclass
class MeantimeDoc:
    """The annotated part of one MEANTIME article: text, sentences, mentions, participants."""

    name: str
    text: str
    dct: dt.date | None
    #: sentence number -> (start, end) of the sentence in ``text``
    sentences: dict[int, Span]
    #: sentence number -> how many gold EVENT_MENTIONs it holds
    mentions: Counter[int]
    #: character spans of the gold EVENT_MENTIONs
    mention_spans: list[Span]
    #: (sentence number, role) -> distinct participant spans, role "Arg0" or "Arg1"
    participants: dict[tuple[int, str], set[Span]]


def read_meantime(path: str | Path) -> MeantimeDoc:
    """A MEANTIME file up to its last annotated sentence, joined as ``times.read_meantime``."""
    root = ET.parse(path).getroot()
    sentence_of = {t.get("t_id", ""): int(t.get("sentence") or 0) for t in root.iter("token")}
    last = max(
        (sentence_of.get(a.get("t_id", ""), 0) for a in root.iter("token_anchor")), default=0
    )
    tokens: dict[str, Span] = {}
    sentences: dict[int, Span] = {}
    parts: list[str] = []
    pos, previous, glue = 0, None, True
    for tok in root.iter("token"):
        number = int(tok.get("sentence") or 0)
        if number > last:
            break
        word = tok.text or ""
        if previous is not None and number != previous:
            parts.append("\n")
            pos, glue = pos + 1, True
        elif not glue and not _NO_SPACE_BEFORE.match(word):
            parts.append(" ")
            pos += 1
        previous = number
        tokens[tok.get("t_id", "")] = (pos, pos + len(word))
        start = sentences.get(number, (pos, pos))[0]
        sentences[number] = (start, pos + len(word))
        parts.append(word)
        pos += len(word)
        glue = word in {"(", "$", "[", "``"}
    dct = None
    for timex in root.iter("TIMEX3"):
        if timex.get("functionInDocument") == "CREATION_TIME":
            dct = _date(timex.get("value"))
    anchors: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for markable in root.iter():
        ids = [a.get("t_id", "") for a in markable.findall("token_anchor")]
        if markable.get("m_id") and ids:
            anchors[markable.get("m_id", "")] = [i for i in ids if i in tokens]
            kinds[markable.get("m_id", "")] = markable.tag
    mentions: Counter[int] = Counter()
    mention_spans: list[Span] = []
    for m_id, ids in anchors.items():
        if kinds[m_id] == "EVENT_MENTION" and ids:
            mentions[sentence_of[ids[0]]] += 1
            mention_spans.append((tokens[ids[0]][0], tokens[ids[-1]][1]))
    participants: dict[tuple[int, str], set[Span]] = defaultdict(set)
    for link in root.iter("HAS_PARTICIPANT"):
        role = link.get("sem_role")
        source, target = link.find("source"), link.find("target")
        if role not in ("Arg0", "Arg1") or source is None or target is None:
            continue
        event_ids = anchors.get(source.get("m_id", ""), [])
        arg_ids = anchors.get(target.get("m_id", ""), [])
        if kinds.get(source.get("m_id", "")) != "EVENT_MENTION" or not event_ids or not arg_ids:
            continue
        span = (min(tokens[i][0] for i in arg_ids), max(tokens[i][1] for i in arg_ids))
        participants[(sentence_of[event_ids[0]], role)].add(span)
    return MeantimeDoc(
        Path(path).name,
        "".join(parts),
        dct,
        sentences,
        mentions,
        mention_spans,
        dict(participants),
    )


def meantime_docs(path: str | Path) -> Iterator[MeantimeDoc]:
    """The English intra-document MEANTIME annotation under ``path``."""
    for f in sorted(Path(path).glob("intra-doc_annotation/corpus_*/*.xml")):
        yield read_meantime(f)


def _overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def _sentence_at(doc: MeantimeDoc, span: Span) -> int | None:
    """The sentence overlapping a span most (the first one on ties)."""
    best, most = None, 0
    for number, (start, end) in doc.sentences.items():
        shared = min(end, span[1]) - max(start, span[0])
        if shared > most:
            best, most = number, shared
    return best


def _sentences_over(doc: MeantimeDoc, span: Span) -> list[int]:
    return [n for n, bounds in doc.sentences.items() if _overlaps(bounds, span)]


def _span(actor: Actor | None) -> Span | None:
    return (actor.start, actor.end) if actor is not None and actor.end > actor.start else None


def score_meantime(path: str | Path, nlp: Language) -> dict[str, float]:
    """Trigger recall and Arg0/Arg1 participant scores against MEANTIME (see above)."""
    ensure_extensions()
    docs = list(meantime_docs(path))
    spacy_docs = nlp.pipe(_doc(nlp, d.text, d.dct) for d in docs)
    n = Counter[str]()
    for gold, doc in zip(docs, spacy_docs, strict=True):
        pred = events_of(doc)
        n["sentences"] += len(gold.sentences)
        n["gold_mentions"] += sum(gold.mentions.values())
        n["predicted"] += len(pred)
        with_events: set[int] = set()
        found: dict[tuple[int, str], set[Span]] = defaultdict(set)
        for event in pred:
            covered = _sentences_over(gold, (event.start, event.end))
            with_events.update(covered)
            n["predicted_in_event_sentence"] += any(gold.mentions[s] for s in covered)
            for role, actor in (("Arg0", event.actor), ("Arg1", event.recipient)):
                span = _span(actor)
                number = _sentence_at(gold, span) if span else None
                if span and number is not None:
                    found[(number, role)].add(span)
        n["mentions_found"] += sum(gold.mentions[s] for s in with_events)
        triggers = [t for t in map(trigger_of, pred) if t is not None]
        n["mentions_hit"] += sum(any(_overlaps(m, t) for t in triggers) for m in gold.mention_spans)
        for role in ("Arg0", "Arg1"):
            for number in with_events:
                spans = gold.participants.get((number, role), set())
                guesses = found.get((number, role), set())
                n[f"{role}_gold"] += len(spans)
                n[f"{role}_found"] += sum(any(_overlaps(g, p) for p in guesses) for g in spans)
            for (number, kind), guesses in found.items():
                if kind == role and number in with_events:
                    spans = gold.participants.get((number, role), set())
                    n[f"{role}_pred"] += len(guesses)
                    n[f"{role}_right"] += sum(any(_overlaps(g, p) for g in spans) for p in guesses)
        n["docs"] += 1
    out = {
        "docs": float(n["docs"]),
        "sentences": float(n["sentences"]),
        "gold_mentions": float(n["gold_mentions"]),
        "predicted": float(n["predicted"]),
        "trigger_recall": _ratio(n["mentions_found"], n["gold_mentions"]),
        "trigger_span_recall": _ratio(n["mentions_hit"], n["gold_mentions"]),
        "event_sentence_precision": _ratio(n["predicted_in_event_sentence"], n["predicted"]),
    }
    for role, key in (("Arg0", "arg0"), ("Arg1", "arg1")):
        p, r, f1 = _prf(
            n[f"{role}_right"], n[f"{role}_pred"], n[f"{role}_found"], n[f"{role}_gold"]
        )
        out |= {f"{key}_precision": p, f"{key}_recall": r, f"{key}_f1": f1}
    out["participant_f1"] = _prf(
        n["Arg0_right"] + n["Arg1_right"],
        n["Arg0_pred"] + n["Arg1_pred"],
        n["Arg0_found"] + n["Arg1_found"],
        n["Arg0_gold"] + n["Arg1_gold"],
    )[2]
    return out


def _table(title: str, scores: Mapping[str, float]) -> str:
    rows = [f"| {title} | |", "|---|---:|"]
    for name, value in scores.items():
        shown = f"{value:.0f}" if name in COUNTS else f"{value:.3f}"
        rows.append(f"| {name} | {shown} |")
    return "\n".join(rows)


def table_gold(title: str, scores: Mapping[str, float]) -> str:
    """A markdown table of the gold-file scores (counts as integers)."""
    return _table(title, scores)


def table_meantime(title: str, scores: Mapping[str, float]) -> str:
    """A markdown table of the MEANTIME scores (counts as integers)."""
    return _table(title, scores)


def build_nlp(kb_files: Iterable[str] = ()) -> Language:
    """The full pipeline with the events component added if it is not part of it yet."""
    from parallax.extract.annotate import build_full_pipeline

    nlp = build_full_pipeline(tuple(kb_files))
    if "parallax_events" not in nlp.pipe_names:
        importlib.import_module("parallax.extract.events")  # registers the factory
        nlp.add_pipe("parallax_events")
    return nlp


def main(argv: list[str] | None = None) -> None:
    """Print the scores as markdown tables."""
    parser = argparse.ArgumentParser(
        prog="python -m parallax.evaluation.events",
        description=__doc__.splitlines()[0] if __doc__ else None,
    )
    parser.add_argument("--gold", type=Path, help="JSONL gold file (tests/data/events_gold.jsonl)")
    parser.add_argument("--meantime", type=Path, help="MEANTIME root (with intra-doc_annotation/)")
    args = parser.parse_args(argv)
    if not args.gold and not args.meantime:
        parser.error("give --gold and/or --meantime")
    nlp = build_nlp()
    if args.gold:
        print(table_gold(f"events gold: {args.gold}", score_gold(args.gold, nlp)))
    if args.meantime:
        print(table_meantime("MEANTIME events (English)", score_meantime(args.meantime, nlp)))


if __name__ == "__main__":
    main()
