"""The merge scorer: pair and B-cubed arithmetic on hand-made clusterings, alignment of gold
mentions to stored events in a hand-built store, and the integrity of the gold corpus."""

from __future__ import annotations

import datetime as dt
import itertools
import json
import re
from collections import defaultdict
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from parallax.errors import UsageError
from parallax.evaluation import merge
from parallax.evaluation.merge import GoldMention, bcubed, pairwise
from parallax.store.db import connect

# --- arithmetic ---------------------------------------------------------------------------------

GOLD = ["A", "A", "A", "B", "B"]
SYSTEM = ["x", "x", "y", "y", "y"]
DOCS = ["d1", "d2", "d1", "d2", "d3"]


def test_pairwise_counts_same_event_decisions() -> None:
    scores = pairwise(GOLD, SYSTEM)
    # gold pairs: 3 in A + 1 in B; system: 1 in x + 3 in y; right: (0,1) and (3,4).
    assert (scores["gold_pairs"], scores["system_pairs"], scores["correct_pairs"]) == (4, 4, 2)
    assert scores["precision"] == pytest.approx(0.5)
    assert scores["recall"] == pytest.approx(0.5)
    assert scores["f1"] == pytest.approx(0.5)


def test_pairwise_cross_document_leaves_out_pairs_inside_a_document() -> None:
    scores = pairwise(GOLD, SYSTEM, DOCS)
    # gold A has (0,1), (1,2) across documents, (0,2) inside d1; B has (3,4).
    assert scores["gold_pairs"] == 3
    assert scores["system_pairs"] == 4  # x: (0,1); y: (2,3), (2,4), (3,4)
    assert scores["correct_pairs"] == 2
    assert scores["precision"] == pytest.approx(2 / 4)
    assert scores["recall"] == pytest.approx(2 / 3)


def test_pairwise_extremes() -> None:
    perfect = pairwise(GOLD, ["p", "p", "p", "q", "q"])
    assert perfect["precision"] == perfect["recall"] == perfect["f1"] == 1.0
    singletons = pairwise(GOLD, ["a", "b", "c", "d", "e"])
    assert singletons["system_pairs"] == 0
    assert singletons["precision"] == singletons["recall"] == 0.0  # empty ratios are 0
    lumped = pairwise(GOLD, ["z"] * 5)
    assert lumped["recall"] == 1.0
    assert lumped["precision"] == pytest.approx(4 / 10)


def test_pairwise_rejects_mismatched_lengths() -> None:
    with pytest.raises(ValueError, match="same mentions"):
        pairwise(["A"], ["x", "y"])


def test_bcubed_by_hand() -> None:
    scores = bcubed(GOLD, SYSTEM)
    # per mention precision: 1, 1, 1/3, 2/3, 2/3; recall: 2/3, 2/3, 1/3, 1, 1.
    assert scores["precision"] == pytest.approx((1 + 1 + 1 / 3 + 2 / 3 + 2 / 3) / 5)
    assert scores["recall"] == pytest.approx((2 / 3 + 2 / 3 + 1 / 3 + 1 + 1) / 5)
    singletons = bcubed(GOLD, ["a", "b", "c", "d", "e"])
    assert singletons["precision"] == 1.0
    assert singletons["recall"] == pytest.approx((1 / 3 * 3 + 1 / 2 * 2) / 5)
    assert bcubed([], [])["f1"] == 0.0


labels = st.lists(st.tuples(st.sampled_from("ABCD"), st.sampled_from("wxyz"), st.integers(0, 3)))


@given(labels)
def test_counts_agree_with_brute_force(items: list[tuple[str, str, int]]) -> None:
    gold = [g for g, _, _ in items]
    system = [s for _, s, _ in items]
    docs = [d for _, _, d in items]
    for cross in (False, True):
        pairs = [
            (i, j)
            for i, j in itertools.combinations(range(len(items)), 2)
            if not cross or docs[i] != docs[j]
        ]
        same_gold = {p for p in pairs if gold[p[0]] == gold[p[1]]}
        same_system = {p for p in pairs if system[p[0]] == system[p[1]]}
        scores = pairwise(gold, system, docs if cross else None)
        assert scores["gold_pairs"] == len(same_gold)
        assert scores["system_pairs"] == len(same_system)
        assert scores["correct_pairs"] == len(same_gold & same_system)
    b = bcubed(gold, system)
    if items:
        members = defaultdict(set)
        for i, (g, s, _) in enumerate(items):
            members["g", g].add(i)
            members["s", s].add(i)
        precision = sum(
            len(members["g", g] & members["s", s]) / len(members["s", s]) for g, s, _ in items
        ) / len(items)
        assert b["precision"] == pytest.approx(precision)
        assert 0.0 < b["recall"] <= 1.0


# --- alignment on a hand-built store ------------------------------------------------------------

TEXTS = {
    "a.txt": "Jets struck Raqqa on Monday. Police arrested five men.",
    "b.txt": "An air strike hit Raqqa. Talks began in Rome.",
}


def _store(path: Path, corpus: Path) -> None:
    """Two documents, their events (one without a trigger span) and a merge of three of them."""
    now = dt.datetime(2016, 3, 3)
    con = connect(path)
    for name, text in TEXTS.items():
        doc_id = name[0]
        con.execute(
            "INSERT INTO documents (id, sha256, source_format, text, chars, words, fingerprint,"
            " ingested_at, updated_at) VALUES (?, ?, 'text', ?, ?, ?, ?, ?, ?)",
            [doc_id, doc_id * 64, text, len(text), len(text.split()), doc_id, now, now],
        )
        con.execute("INSERT INTO sources VALUES (?, '', ?, ?)", [str(corpus / name), doc_id, now])
    a, b = TEXTS["a.txt"], TEXTS["b.txt"]
    rows = [  # doc, idx, sentence start/end, trigger start/end, trigger text
        ("a", 0, 0, a.index(" Police"), a.index("struck"), a.index(" Raqqa"), "struck"),
        ("a", 1, a.index("Police"), len(a), a.index("arrested"), a.index(" five"), "arrested"),
        ("b", 0, 0, b.index(" Talks"), b.index("strike"), b.index(" hit"), "strike"),
        ("b", 1, b.index("Talks"), len(b), None, None, "Talks"),
    ]
    for doc, idx, start, end, t_start, t_end, trigger in rows:
        text = TEXTS[f"{doc}.txt"]
        con.execute(
            'INSERT INTO events (doc_id, idx, start, "end", text, type, status, trigger_start,'
            " trigger_end, trigger_text) VALUES (?, ?, ?, ?, ?, 'ASSAULT', 'asserted', ?, ?, ?)",
            [doc, idx, start, end, text[start:end], t_start, t_end, trigger],
        )
    for doc, idx, event_id in (("a", 0, "E1"), ("b", 0, "E1"), ("a", 1, "E2")):
        con.execute("INSERT INTO event_mentions VALUES (?, ?, ?)", [doc, idx, event_id])
    con.close()


def _mention(file: str, sentence: str, trigger: str, event: str) -> GoldMention:
    return GoldMention(file=file, sentence=sentence, trigger=trigger, event=event, line=0)


def test_align_matches_triggers_one_to_one_and_scores_the_merge(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    _store(tmp_path / "store.duckdb", corpus)
    gold = [
        _mention("a.txt", "Jets struck Raqqa", "struck", "strike-raqqa"),
        _mention("a.txt", "Police arrested five men", "arrested", "arrest"),
        _mention("b.txt", "An air strike hit Raqqa", "strike", "strike-raqqa"),
        _mention("b.txt", "An air strike hit Raqqa", "hit", "strike-raqqa"),
        _mention("b.txt", "Talks began in Rome", "Talks", "talks-rome"),
        _mention("c.txt", "Anything at all", "Anything", "other"),
        _mention("a.txt", "Tanks rolled in", "rolled", "other"),
    ]
    con = connect(tmp_path / "store.duckdb", read_only=True)
    ids = merge.document_ids(con, corpus)
    assert ids == {"a.txt": "a", "b.txt": "b"}
    aligned = merge.align(con, gold, ids)
    assert [(x.doc_id, x.idx) for x in aligned] == [
        ("a", 0),
        ("a", 1),
        ("b", 0),
        ("b", None),  # "hit": the sentence's only event went to "strike"
        ("b", 1),  # no stored trigger span: the trigger texts agree
        (None, None),
        ("a", None),
    ]
    assert [x.reason for x in aligned[3:]] == [
        "not extracted",
        "extracted",
        "document missing",
        "sentence not in stored text",
    ]
    assert aligned[3].in_event_sentence
    system = merge.system_labels(con, aligned)
    assert system == ["E1", "E2", "E1", None, None, None, None]
    scores = merge.score_alignment(aligned, system)
    con.close()
    assert scores["gold_mentions"] == 7
    assert scores["extracted"] == 4
    assert scores["extracted_share"] == pytest.approx(4 / 7)
    assert scores["unmerged"] == 1  # "Talks" was extracted but has no merged event
    assert (scores["gold_pairs"], scores["system_pairs"], scores["correct_pairs"]) == (1, 1, 1)
    assert scores["cross_doc_gold_pairs"] == 1
    assert scores["pair_f1"] == scores["bcubed_f1"] == 1.0
    assert set(merge.COUNTS) <= set(scores)
    assert "| pair_f1 | 1.000 |" in merge.table("t", scores)
    assert "| extracted | 4 |" in merge.table("t", scores)


def test_read_gold_names_the_broken_line(tmp_path: Path) -> None:
    path = tmp_path / "gold.jsonl"
    good = {"file": "a.txt", "sentence": "Jets struck Raqqa", "trigger": "struck", "event": "e"}
    path.write_text(json.dumps(good) + "\n\n" + json.dumps({**good, "event": ""}) + "\n")
    with pytest.raises(UsageError, match=r"gold.jsonl:3: needs non-empty event"):
        merge.read_gold(path)
    path.write_text(json.dumps({**good, "trigger": "hit"}) + "\n")
    with pytest.raises(UsageError, match=r"gold.jsonl:1: trigger 'hit' is not in its sentence"):
        merge.read_gold(path)
    path.write_text("{not json\n")
    with pytest.raises(UsageError, match=r"gold.jsonl:1: not JSON"):
        merge.read_gold(path)
    with pytest.raises(UsageError, match=r"missing\.jsonl: cannot read"):
        merge.read_gold(tmp_path / "missing.jsonl")


# --- the gold corpus ----------------------------------------------------------------------------

MANIFEST_FIELDS = ("file", "outlet", "title", "author", "published", "genre")


def _manifest() -> list[dict[str, str]]:
    lines = (merge.CORPUS / "manifest.jsonl").read_text(encoding="utf-8").splitlines()
    return [json.loads(line) for line in lines if line.strip()]


def test_gold_mentions_point_at_exact_sentences_in_their_files() -> None:
    gold = merge.read_gold(merge.GOLD)  # also checks fields and that each trigger is present
    texts = {m.file: (merge.CORPUS / m.file).read_text(encoding="utf-8") for m in gold}
    for m in gold:
        assert texts[m.file].count(m.sentence) == 1, f"line {m.line}: {m.sentence!r}"
    keys = [(m.file, m.sentence, m.trigger) for m in gold]
    assert len(keys) == len(set(keys)), "a mention is annotated twice"
    # One mention per event per sentence.
    sentence_events = [(m.file, m.sentence, m.event) for m in gold]
    assert len(sentence_events) == len(set(sentence_events))
    assert all(re.fullmatch(r"[a-z0-9-]+", m.event) for m in gold)


def test_gold_is_large_and_cross_document_enough() -> None:
    gold = merge.read_gold(merge.GOLD)
    docs_of: dict[str, set[str]] = defaultdict(set)
    for m in gold:
        docs_of[m.event].add(m.file)
    assert len({m.file for m in gold}) >= 20
    assert len(gold) >= 80
    assert len(docs_of) >= 25
    assert sum(len(docs) >= 2 for docs in docs_of.values()) >= 12
    # The look-alikes the corpus exists for: same town on two days, two towns on one day.
    assert {"strike-raqqa-2016-03-02", "strike-raqqa-2016-03-09"} <= docs_of.keys()
    assert {"strike-albab-2016-04-14", "strike-tabqa-2016-04-14"} <= docs_of.keys()


def test_manifest_describes_every_article() -> None:
    rows = _manifest()
    files = sorted(p.name for p in merge.CORPUS.glob("*.txt"))
    assert sorted(r["file"] for r in rows) == files
    assert len(files) >= 24
    for row in rows:
        assert all(row.get(k) for k in MANIFEST_FIELDS), row["file"]
        dt.date.fromisoformat(row["published"])
        words = len((merge.CORPUS / row["file"]).read_text(encoding="utf-8").split())
        assert 120 <= words <= 350, f"{row['file']}: {words} words"
    assert len({r["outlet"] for r in rows}) >= 6
    gold_files = {m.file for m in merge.read_gold(merge.GOLD)}
    assert gold_files <= set(files)


def test_corpus_holds_one_syndicated_copy() -> None:
    """Exactly one pair of articles from different outlets shares nearly all its text."""

    def shingles(name: str) -> set[tuple[str, ...]]:
        words = (merge.CORPUS / name).read_text(encoding="utf-8").split()
        return {tuple(words[i : i + 5]) for i in range(len(words) - 4)}

    rows = _manifest()
    sets = {r["file"]: shingles(r["file"]) for r in rows}
    outlet = {r["file"]: r["outlet"] for r in rows}
    near = [
        (a, b)
        for a, b in itertools.combinations(sorted(sets), 2)
        if len(sets[a] & sets[b]) / len(sets[a] | sets[b]) > 0.7
    ]
    assert len(near) == 1
    a, b = near[0]
    assert outlet[a] != outlet[b]
    assert (merge.CORPUS / a).read_bytes() != (merge.CORPUS / b).read_bytes()


# --- the real pipeline --------------------------------------------------------------------------


@pytest.mark.model
def test_real_pipeline_aligns_the_syndicated_pair_alike(tmp_path: Path) -> None:
    """The wire story and its syndicated copy go through the real analyser: every gold
    sentence is found in the stored text, most mentions are extracted, and the copy's
    shared sentences are extracted exactly like the original's."""
    from parallax.extract.annotate import Annotator
    from parallax.store.corpus import Corpus

    pair = ("07_mpa_raqqa_manbij.txt", "08_hct_raqqa_syndicated.txt")
    with Corpus(tmp_path / "pair.duckdb") as store:
        report = store.ingest(
            *(merge.CORPUS / name for name in pair),
            manifests=[merge.CORPUS / "manifest.jsonl"],
            annotator=Annotator(),
        )
        assert not report.failures
        gold = [m for m in merge.read_gold(merge.GOLD) if m.file in pair]
        ids = merge.document_ids(store.connection, merge.CORPUS)
        aligned = merge.align(store.connection, gold, ids)
    assert set(ids) == set(pair)
    assert all(a.reason in ("extracted", "not extracted") for a in aligned)
    assert sum(a.idx is not None for a in aligned) >= len(aligned) * 0.6
    found = defaultdict(set)
    for a in aligned:
        found[a.gold.file].add((a.gold.sentence, a.gold.trigger, a.idx is not None))
    shared = {s for s, *_ in found[pair[0]]} & {s for s, *_ in found[pair[1]]}
    assert len(shared) >= 5
    assert {x for x in found[pair[0]] if x[0] in shared} == {
        x for x in found[pair[1]] if x[0] in shared
    }
