"""The naming lexicon: which name an outlet uses for the same actor, counted with evidence."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest

from outlets_corpus import FRONT, WIRE, build
from parallax.corpus.evidence import EVIDENCE_CAP, ArticleText
from parallax.corpus.naming import actor_forms, count_names, find_names, load_groups


def names(text: str, group: str = "isis") -> list[tuple[str, str]]:
    return [(h.variant, h.text) for h in find_names(text) if h.group == group]


def test_every_spelling_of_the_islamic_state_is_told_apart() -> None:
    text = "Daesh, also called ISIS, ISIL or IS, calls itself the Islamic State; Da’esh again."
    assert names(text) == [
        ("Daesh", "Daesh"),
        ("ISIS", "ISIS"),
        ("ISIL", "ISIL"),
        ("IS", "IS"),
        ("Islamic State", "Islamic State"),
        ("Daesh", "Da’esh"),
    ]


def test_short_forms_keep_their_case_and_stay_out_of_capital_headlines() -> None:
    assert names("What is left of it is unclear.") == []
    assert names("THE WAR IS OVER, SAYS KERRY") == []
    assert names("IS fighters withdrew.") == [("IS", "IS")]


def test_the_longest_alternative_wins_and_word_boundaries_hold() -> None:
    assert names("the so-called Islamic State") == [
        ("so-called Islamic State", "so-called Islamic State")
    ]
    assert names("ISIS-K and ISISK claimed it; ISIS-held towns") == [("ISIS", "ISIS")]


def test_descriptor_and_regime_groups() -> None:
    text = "The regime's jets hit rebels; the government blamed terrorists and Jihadists."
    assert names(text, "state_power") == [("regime", "regime"), ("government", "government")]
    assert names(text, "armed_groups") == [
        ("rebels", "rebels"),
        ("terrorists", "terrorists"),
        ("jihadists", "Jihadists"),
    ]


def test_counts_are_exact_evidence_is_capped_and_points_at_the_text() -> None:
    text = "Title\n\n" + "Daesh struck. " * (EVIDENCE_CAP + 3)
    article = ArticleText("doc1", text, ((0, 5), (7, len(text))))
    result = count_names([article])
    daesh = next(v for v in result["isis"]["variants"] if v["name"] == "Daesh")
    assert daesh["count"] == EVIDENCE_CAP + 3
    assert result["isis"]["total"] == EVIDENCE_CAP + 3
    assert len(daesh["evidence"]) == EVIDENCE_CAP
    assert all(text[e["start"] : e["end"]] == "Daesh" for e in daesh["evidence"])
    # zero counts are listed too, so outlets line up side by side
    assert {v["name"] for v in result["isis"]["variants"]} >= {"ISIS", "ISIL", "IS"}
    assert len(result) == len(load_groups())


def test_text_outside_the_article_segments_is_not_counted() -> None:
    text = "ISIS advanced. Comment: Daesh!"
    article = ArticleText("doc1", text, ((0, 14),))
    result = count_names([article])
    counts = {v["name"]: v["count"] for v in result["isis"]["variants"]}
    assert counts["ISIS"] == 1
    assert counts["Daesh"] == 0


@pytest.fixture(scope="module")
def corpus_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return build(tmp_path_factory.mktemp("naming"))


@pytest.mark.model
def test_actor_forms_show_each_outlets_name_for_the_same_actor(corpus_db: Path) -> None:
    con = duckdb.connect(str(corpus_db), read_only=True)
    try:
        docs = {
            outlet: [
                str(r[0])
                for r in con.execute(
                    "SELECT id FROM documents WHERE outlet = ? ORDER BY id", [outlet]
                ).fetchall()
            ]
            for outlet in (FRONT, WIRE)
        }
        front = {a["actor_id"]: a for a in actor_forms(con, docs[FRONT])}
        wire = {a["actor_id"]: a for a in actor_forms(con, docs[WIRE])}
        text = dict(con.execute("SELECT id, text FROM documents").fetchall())
    finally:
        con.close()
    assert [f["text"] for f in front["ISIS"]["forms"]] == ["Daesh"]
    assert [f["text"] for f in wire["ISIS"]["forms"]] == ["ISIS"]
    assert front["ISIS"]["mentions"] == sum(f["count"] for f in front["ISIS"]["forms"]) >= 2
    for form in front["ISIS"]["forms"]:
        for e in form["evidence"]:
            assert text[e["doc_id"]][e["start"] : e["end"]] == e["text"]
