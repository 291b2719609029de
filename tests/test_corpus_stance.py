"""The stances pass: who a sentence is hostile or favourable to, stored per actor mention."""

from __future__ import annotations

import json
from pathlib import Path

import duckdb
import pytest

from outlets_corpus import build
from parallax.corpus.stance import (
    PASS,
    STANCE_VERSION,
    DocumentInput,
    Mention,
    document_stances,
    sentences,
    update_stances,
)
from parallax.corpus.stance_pool import score_documents, stance_scorers
from parallax.corpus.stance_rules import THRESHOLD, label_of, score_mention
from parallax.evaluation.stance import score_gold
from parallax.store.db import connect

GOLD = Path(__file__).resolve().parent / "data" / "stance_gold.jsonl"


def stance(sentence: str, target: str, others: tuple[str, ...] = ()) -> str:
    start = sentence.index(target)
    spans = [(sentence.index(o), sentence.index(o) + len(o)) for o in others]
    return score_mention(sentence, start, start + len(target), spans)[1]


@pytest.mark.parametrize(
    ("sentence", "target", "expected"),
    [
        # the condemned, not the one condemning
        ("Britain condemned Hezbollah for the bombing.", "Hezbollah", "negative"),
        ("Britain condemned Hezbollah for the bombing.", "Britain", "neutral"),
        # praise, active and passive ("by" marks the praiser)
        ("The mayor thanked the Red Crescent for its help.", "Red Crescent", "positive"),
        ("The mayor thanked the Red Crescent for its help.", "mayor", "neutral"),
        ("The Peshmerga were praised by Washington.", "Peshmerga", "positive"),
        ("The Peshmerga were praised by Washington.", "Washington", "neutral"),
        # harm: hostile to the one who does it, not to the place or victim
        ("Militia fighters burned the market in Kidal.", "Militia", "negative"),
        ("Militia fighters burned the market in Kidal.", "Kidal", "neutral"),
        # negation cancels a directed verb; failing a duty is held against the one who failed
        ("The government did not criticise the militia.", "militia", "neutral"),
        ("The army failed to protect the camp.", "army", "negative"),
        # a speaker is neutral; the words of a quotation are not about the speaker
        ('"We will destroy the rebels," the general said.', "general", "neutral"),
        # a relative clause after the mention is about it
        (
            "The attack was carried out by Boko Haram, which has kidnapped hundreds of girls.",
            "Boko Haram",
            "negative",
        ),
        # one clause per actor
        ("Jordan helped the refugees, but Syria shelled the camp.", "Jordan", "positive"),
        ("Jordan helped the refugees, but Syria shelled the camp.", "Syria", "negative"),
    ],
)
def test_sentiment_is_aimed_at_the_target(sentence: str, target: str, expected: str) -> None:
    assert stance(sentence, target) == expected


def test_other_actor_names_are_masked_not_read_as_evaluations() -> None:
    sentence = "Justice and Development Party officials met Hamas leaders."
    assert stance(sentence, "Hamas") == "positive"  # VADER reads "Justice" as praise …
    assert stance(sentence, "Hamas", others=("Justice and Development Party",)) == "neutral"


def test_labels_follow_the_threshold() -> None:
    assert label_of(THRESHOLD + 0.01) == "positive"
    assert label_of(-THRESHOLD - 0.01) == "negative"
    assert label_of(THRESHOLD) == label_of(0.0) == "neutral"


def test_sentences_never_cross_segments() -> None:
    text = "Rebels take Aleppo\n\nThe rebels took the city. The army withdrew."
    spans = sentences(text, [(0, 18), (20, len(text))])
    assert [text[s:e] for s, e in spans] == [
        "Rebels take Aleppo",
        "The rebels took the city.",
        "The army withdrew.",
    ]


def test_document_stances_score_only_actor_mentions_in_the_given_segments() -> None:
    text = "France condemned ISIS in Raqqa. Readers: ISIS are heroes."
    body_end = text.index(" Readers")
    mentions = [
        Mention(0, 6, "FRA"),
        Mention(17, 21, "ISIS"),
        Mention(41, 45, "ISIS"),  # in the comment segment, which is not passed
        Mention(25, 30, None),  # a place, not an actor: no row
    ]
    rows = document_stances(text, [(0, body_end)], mentions)
    assert [(r.idx, r.actor_id, r.label) for r in rows] == [
        (0, "FRA", "neutral"),
        (1, "ISIS", "negative"),
    ]
    assert all(
        text[r.sentence_start : r.sentence_end] == "France condemned ISIS in Raqqa." for r in rows
    )


def test_worker_processes_score_exactly_as_one_process() -> None:
    texts = [
        "France condemned ISIS in Raqqa.",
        "Russia praised Syria. ISIS shelled Kurdish fighters.",
        "The coalition backed the SDF, who drove ISIS out of Manbij.",
    ] * 4
    inputs = []
    for k, text in enumerate(texts):
        mentions = [
            Mention(text.index(name), text.index(name) + len(name), name.upper())
            for name in ("France", "ISIS", "Russia", "Syria", "SDF")
            if name in text
        ]
        inputs.append(DocumentInput(f"d{k}", text, ((0, len(text)),), tuple(mentions)))
    alone = score_documents(inputs)
    assert any(row.label != "neutral" for rows in alone for row in rows)
    with stance_scorers(2) as score:
        assert score(inputs) == alone


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("stance"))


def _rows(con: duckdb.DuckDBPyConnection) -> list[tuple[object, ...]]:
    return con.execute("SELECT * FROM stances ORDER BY doc_id, idx").fetchall()


@pytest.mark.model
def test_update_stances_is_idempotent_and_redoes_reanalysed_documents(corpus_db: Path) -> None:
    con = connect(corpus_db)
    try:
        before = _rows(con)
        assert before, "the corpus names actors, so there are stances"
        assert update_stances(con) == 0
        assert _rows(con) == before
        passes = con.execute(
            "SELECT count(*) FROM corpus_passes WHERE pass = ? AND version = ?",
            [PASS, STANCE_VERSION],
        ).fetchone()
        assert passes == (3,)
        doc = str(before[0][0])
        con.execute(
            "UPDATE analyses SET analyzed_at = analyzed_at + INTERVAL 1 DAY WHERE doc_id = ?", [doc]
        )
        assert update_stances(con) == 1
        assert _rows(con) == before
        con.execute("DELETE FROM analyses WHERE doc_id = ?", [doc])
        update_stances(con)
        assert all(row[0] != doc for row in _rows(con))
    finally:
        con.close()


@pytest.mark.model
def test_stored_stance_of_a_shelling_is_hostile_to_the_shelling_group(corpus_db: Path) -> None:
    con = duckdb.connect(str(corpus_db), read_only=True)
    try:
        rows = con.execute(
            """
            SELECT s.label, substr(d.text, s.start + 1, s."end" - s.start) FROM stances s
            JOIN documents d ON d.id = s.doc_id
            WHERE s.actor_id = 'ISIS' AND d.text LIKE 'Daesh terrorists shelled%'
            ORDER BY s.start LIMIT 1
            """
        ).fetchall()
    finally:
        con.close()
    assert rows == [("negative", "Daesh")]


def test_scorer_measures_accuracy_and_macro_f1(tmp_path: Path) -> None:
    lines = [
        {"text": "France condemned ISIS.", "start": 17, "end": 21, "label": "negative"},
        {"text": "France condemned ISIS.", "start": 0, "end": 6, "label": "neutral"},
        {"text": "Kenya praised Uganda.", "start": 14, "end": 20, "label": "negative"},  # wrong
    ]
    gold = tmp_path / "gold.jsonl"
    gold.write_text("".join(json.dumps(x) + "\n" for x in lines), encoding="utf-8")
    scores = score_gold(gold)
    assert scores["sentences"] == 3
    assert scores["accuracy"] == pytest.approx(2 / 3)
    assert scores["neutral_f1"] == 1.0
    assert scores["negative_precision"] == 1.0
    assert scores["negative_recall"] == 0.5
    assert scores["positive_precision"] == 0.0
    assert scores["macro_f1"] == pytest.approx((1.0 + 2 / 3 + 0.0) / 3)


def test_gold_file_is_large_varied_and_scored_above_its_floors() -> None:
    items = [json.loads(line) for line in GOLD.read_text(encoding="utf-8").splitlines()]
    assert len(items) >= 80
    assert {i["label"] for i in items} == {"positive", "negative", "neutral"}
    assert all(i["text"][i["start"] : i["end"]] == i["target"] for i in items)
    assert score_gold(GOLD, split="dev")["accuracy"] >= 0.9
    assert score_gold(GOLD, split="test")["macro_f1"] >= 0.6
