"""The events scorers on known cases, and the shape and coverage of the events gold file."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pycountry
import pytest
import spacy
import yaml
from spacy.language import Language
from spacy.tokens import Doc

from parallax.evaluation.events import (
    STATUSES,
    GoldEvent,
    actor_ok,
    ensure_extensions,
    match_events,
    read_meantime,
    score_gold,
    score_meantime,
    table_gold,
    table_meantime,
)
from parallax.schema import AcledCode, Actor, Event, Span

REPO = Path(__file__).resolve().parent.parent
GOLD = REPO / "tests" / "data" / "events_gold.jsonl"
KB = REPO / "src" / "parallax" / "knowledge" / "data"
PLOVER = {
    "AGREE", "CONSULT", "SUPPORT", "CONCEDE", "COOPERATE", "AID", "RETREAT", "REQUEST",
    "ACCUSE", "REJECT", "THREATEN", "PROTEST", "SANCTION", "MOBILIZE", "COERCE", "ASSAULT",
}  # fmt: skip
ACLED = {
    "Battles", "Explosions/Remote violence", "Violence against civilians", "Protests", "Riots",
    "Strategic developments",
}  # fmt: skip

# --- a stand-in events component: predictions come from a function the test installs -----

Predictor = Callable[[Doc], list[Event]]
_predictors: list[Predictor] = []
_seen_published: list[object] = []


@Language.component("test_events_standin")
def _standin(doc: Doc) -> Doc:
    _seen_published.append(doc._.published)
    doc._.events = _predictors[-1](doc)
    return doc


def standin_nlp(predict: Predictor) -> Language:
    ensure_extensions()
    _predictors.append(predict)
    _seen_published.clear()
    nlp = spacy.blank("en")
    nlp.add_pipe("test_events_standin")
    return nlp


#: Whether the contract's Event records its trigger word (an optional field).
HAS_TRIGGER = "trigger" in Event.model_fields


def event(doc: Doc, type_: str, trigger: str | None = None, **fields: Any) -> Event:
    """An event spanning the whole doc (one gold sentence), with its trigger if recorded."""
    if trigger is not None and HAS_TRIGGER:
        at = doc.text.index(trigger)
        fields["trigger"] = Span(start=at, end=at + len(trigger), text=trigger)
    return Event(start=0, end=len(doc.text), text=doc.text, type=type_, **fields)


def actor(country: str | None, sector: str | None = None) -> Actor:
    return Actor(start=0, end=1, text="x", country=country, sector=sector)


# --- the gold-file scorer -------------------------------------------------------------------

GOLD_LINES: list[dict[str, Any]] = [
    {
        "id": "t1",
        "text": "Syrian jets bombed the town and more troops will arrive.",
        "published": "2016-05-10",
        "events": [
            {"type": "ASSAULT", "trigger": "bombed", "status": "asserted",
             "actor_country": "SYR", "actor_sector": "MIL", "recipient_country": None,
             "acled_event_type": "Explosions/Remote violence"},
            {"type": "MOBILIZE", "trigger": "arrive", "status": "future",
             "actor_country": None, "actor_sector": "MIL", "recipient_country": None,
             "acled_event_type": None},
        ],
    },
    {
        "id": "t2",
        "text": "Officials said Washington accused Moscow.",
        "published": "2016-05-11",
        "events": [
            {"type": "ACCUSE", "trigger": "accused", "status": "reported",
             "actor_country": ["USA", "FRA"], "actor_sector": None, "recipient_country": "RUS",
             "acled_event_type": None},
        ],
    },
    {"id": "t3", "text": "The war is in its sixth year.", "published": None, "events": []},
    {"id": "t4", "text": "The stakes are high.", "events": []},
]  # fmt: skip


def _gold_predictions(doc: Doc) -> list[Event]:
    """Two events (one of a wrong type) for t1, a miscoded ACCUSE for t2, a spurious t3."""
    exp = AcledCode(event_type="Explosions/Remote violence")
    if doc.text == GOLD_LINES[0]["text"]:
        coded = {"actor": actor("SYR", "MIL"), "recipient": actor("TUR"), "acled": exp}
        return [event(doc, "PROTEST"), event(doc, "ASSAULT", "bombed", **coded)]
    if doc.text == GOLD_LINES[1]["text"]:
        return [event(doc, "ACCUSE", "Officials", actor=actor("GBR"), recipient=actor("RUS"))]
    if doc.text == GOLD_LINES[2]["text"]:
        return [event(doc, "ASSAULT")]
    return []


def test_score_gold_counts_a_known_case(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    path.write_text("\n".join(json.dumps(line) for line in GOLD_LINES) + "\n", encoding="utf-8")
    scores = score_gold(path, standin_nlp(_gold_predictions))
    expected = {
        "sentences": 4,
        "gold": 3,
        "predicted": 4,
        "matched": 2,
        "precision": 0.5,
        "recall": 2 / 3,
        "f1": 4 / 7,
        "detection_recall": 1.0,
        "type_accuracy": 2 / 3,
        "trigger_accuracy": 0.5 if HAS_TRIGGER else 0.0,
        "status_accuracy": 0.5,
        "actor_accuracy": 0.5,
        "recipient_accuracy": 0.5,
        "acled_accuracy": 1.0,
        "no_event_sentences": 2,
        "no_event_precision": 0.5,
        "recall_asserted": 1.0,
        "recall_reported": 1.0,
        "recall_future": 0.0,
        "recall_hypothetical": 0.0,
        "recall_negated": 0.0,
    }
    assert scores == pytest.approx(expected)
    assert _seen_published == [dt.date(2016, 5, 10), dt.date(2016, 5, 11), None, None]
    table = table_gold("events gold", scores)
    assert "| matched | 2 |" in table
    assert "| f1 | 0.571 |" in table


def test_score_gold_needs_a_pipeline_that_sets_events(tmp_path: Path) -> None:
    ensure_extensions()
    path = tmp_path / "gold.jsonl"
    path.write_text(json.dumps(GOLD_LINES[0]) + "\n", encoding="utf-8")
    with pytest.raises(ValueError, match=r"did not set doc\._\.events"):
        score_gold(path, spacy.blank("en"))


def _gold_event(**fields: Any) -> GoldEvent:
    base = {"type": "ASSAULT", "trigger": "hit", "status": "asserted"}
    return GoldEvent.from_json(base | fields)


def test_match_events_pairs_same_type_preferring_agreement() -> None:
    doc = spacy.blank("en")("Turkish and Russian jets hit two towns.")
    gold = [_gold_event(actor_country="RUS", actor_sector="MIL"), _gold_event(status="negated")]
    turkish = event(doc, "ASSAULT", actor=actor("TUR", "MIL"))
    russian = event(doc, "ASSAULT", actor=actor("RUS", "MIL"))
    other = event(doc, "CONSULT")
    pairs = match_events(gold, [turkish, other, russian])
    assert [(g.status, p.actor) for g, p in pairs] == [
        ("asserted", russian.actor),
        ("negated", turkish.actor),
    ]
    assert match_events(gold, [other]) == []


def test_compound_actor_accepts_any_member_or_several_joined() -> None:
    doc = spacy.blank("en")("British and French warplanes struck.")
    gold = _gold_event(actor_country=["GBR", "FRA"], actor_sector="MIL")
    assert actor_ok(gold, event(doc, "ASSAULT", actor=actor("FRA", "MIL")))
    assert actor_ok(gold, event(doc, "ASSAULT", actor=actor("GBR+FRA", "MIL")))
    assert not actor_ok(gold, event(doc, "ASSAULT", actor=actor("GBR+USA", "MIL")))
    assert not actor_ok(gold, event(doc, "ASSAULT", actor=actor("USA", "MIL")))
    assert not actor_ok(gold, event(doc, "ASSAULT", actor=actor("FRA", "GOV")))
    assert not actor_ok(gold, event(doc, "ASSAULT"))


# --- the MEANTIME scorer --------------------------------------------------------------------

MEANTIME_XML = """<?xml version="1.0" ?><Document doc_id="1" doc_name="x" lang="en">
<token number="0" sentence="0" t_id="1">Rebels</token>
<token number="1" sentence="0" t_id="2">attacked</token>
<token number="2" sentence="0" t_id="3">the</token>
<token number="3" sentence="0" t_id="4">town</token>
<token number="4" sentence="0" t_id="5">.</token>
<token number="5" sentence="1" t_id="6">Troops</token>
<token number="6" sentence="1" t_id="7">fled</token>
<token number="7" sentence="1" t_id="8">.</token>
<token number="8" sentence="2" t_id="9">Nothing</token>
<token number="9" sentence="2" t_id="10">annotated</token>
<Markables>
<ENTITY_MENTION m_id="1"><token_anchor t_id="1"/></ENTITY_MENTION>
<EVENT_MENTION m_id="2" pred="attack"><token_anchor t_id="2"/></EVENT_MENTION>
<ENTITY_MENTION m_id="3"><token_anchor t_id="3"/><token_anchor t_id="4"/></ENTITY_MENTION>
<ENTITY_MENTION m_id="4"><token_anchor t_id="6"/></ENTITY_MENTION>
<EVENT_MENTION m_id="5" pred="flee"><token_anchor t_id="7"/></EVENT_MENTION>
<TIMEX3 m_id="6" functionInDocument="CREATION_TIME" type="DATE" value="2010-05-01"/>
</Markables>
<Relations>
<HAS_PARTICIPANT r_id="1" sem_role="Arg0"><source m_id="2"/><target m_id="1"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="2" sem_role="Arg1"><source m_id="2"/><target m_id="3"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="3" sem_role="Arg2"><source m_id="2"/><target m_id="4"/></HAS_PARTICIPANT>
<HAS_PARTICIPANT r_id="4" sem_role="Arg0"><source m_id="5"/><target m_id="4"/></HAS_PARTICIPANT>
</Relations>
</Document>
"""


@pytest.fixture
def meantime(tmp_path: Path) -> Path:
    folder = tmp_path / "intra-doc_annotation" / "corpus_test"
    folder.mkdir(parents=True)
    (folder / "1_x.xml").write_text(MEANTIME_XML, encoding="utf-8")
    return tmp_path


def test_read_meantime_keeps_annotated_sentences_and_roles(meantime: Path) -> None:
    doc = read_meantime(meantime / "intra-doc_annotation" / "corpus_test" / "1_x.xml")
    assert doc.text == "Rebels attacked the town.\nTroops fled."
    assert doc.dct == dt.date(2010, 5, 1)
    assert doc.mentions == Counter({0: 1, 1: 1})
    spans = {key: {doc.text[a:b] for a, b in v} for key, v in doc.participants.items()}
    assert spans == {(0, "Arg0"): {"Rebels"}, (0, "Arg1"): {"the town"}, (1, "Arg0"): {"Troops"}}


def _meantime_predictions(doc: Doc) -> list[Event]:
    first = doc.text.index(".") + 1
    rebels = Actor(start=0, end=6, text="Rebels")
    attacked = Actor(start=7, end=15, text="attacked")  # misses the gold Arg1 "the town"
    trigger = {"trigger": {"start": 7, "end": 15, "text": "attacked"}} if HAS_TRIGGER else {}
    return [
        Event.model_validate(
            {
                "start": 0,
                "end": first,
                "text": doc.text[:first],
                "type": "ASSAULT",
                "actor": rebels.model_dump(),
                "recipient": attacked.model_dump(),
            }
            | trigger
        )
    ]


def test_score_meantime_counts_a_known_case(meantime: Path) -> None:
    scores = score_meantime(meantime, standin_nlp(_meantime_predictions))
    assert scores == pytest.approx(
        {
            "docs": 1,
            "sentences": 2,
            "gold_mentions": 2,
            "predicted": 1,
            "trigger_recall": 0.5,
            "trigger_span_recall": 0.5 if HAS_TRIGGER else 0.0,
            "event_sentence_precision": 1.0,
            "arg0_precision": 1.0,
            "arg0_recall": 1.0,
            "arg0_f1": 1.0,
            "arg1_precision": 0.0,
            "arg1_recall": 0.0,
            "arg1_f1": 0.0,
            "participant_f1": 0.5,
        }
    )
    assert _seen_published == [dt.date(2010, 5, 1)]
    assert "| trigger_recall | 0.500 |" in table_meantime("MEANTIME", scores)


# --- the gold file itself -------------------------------------------------------------------


def _gold_rows() -> list[dict[str, Any]]:
    lines = GOLD.read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def _values(value: Any) -> list[Any]:
    return value if isinstance(value, list) else [value]


def test_gold_file_is_well_formed() -> None:
    rows = _gold_rows()
    assert len(rows) >= 70
    assert len({r["id"] for r in rows}) == len(rows)
    assert len({r["text"] for r in rows}) == len(rows)
    sectors = set(yaml.safe_load((KB / "sectors.yaml").read_text(encoding="utf-8")))
    sectors |= {o["sector"] for o in yaml.safe_load((KB / "organisations.yaml").read_text())}
    for row in rows:
        dt.date.fromisoformat(row["published"])
        assert ("no_event" in row["tags"]) == (not row["events"]), row["id"]
        assert ("multi_event" in row["tags"]) == (len(row["events"]) >= 2), row["id"]
        for ev in row["events"]:
            assert ev["type"] in PLOVER, row["id"]
            assert ev["status"] in STATUSES, row["id"]
            assert ev["trigger"] in row["text"], row["id"]
            assert ev["acled_event_type"] in ACLED | {None}, row["id"]
            for key in ("actor_country", "recipient_country"):
                for code in _values(ev[key]):
                    assert code is None or pycountry.countries.get(alpha_3=code), row["id"]
            for key in ("actor_sector", "recipient_sector"):
                assert all(s is None or s in sectors for s in _values(ev[key])), row["id"]


def test_gold_file_covers_statuses_and_constructions() -> None:
    rows = _gold_rows()
    with_status = Counter(s for r in rows for s in {e["status"] for e in r["events"]})
    for status in ("reported", "hypothetical", "negated", "future"):
        assert with_status[status] >= 8, status
    tags = Counter(t for r in rows for t in r["tags"])
    minimum = {"passive": 8, "nominal": 8, "compound_actor": 6, "generic_actor": 6}
    for tag, least in (minimum | {"no_event": 8, "multi_event": 5}).items():
        assert tags[tag] >= least, tag
    compound = [e for r in rows if "compound_actor" in r["tags"] for e in r["events"]]
    assert sum(isinstance(e["actor_country"], list) for e in compound) >= 3
