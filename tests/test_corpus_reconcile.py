"""Reconciled figures: the same toll from several sources, grouped, reconciled and flagged.

Unit tests write small articles into a fresh store with the real record writer (figures, places,
times, events as the extractor would have found them), so each test knows the right groups; one
end-to-end test runs short articles through the real ``parallax analyze``.
"""

from __future__ import annotations

import datetime as dt
import json
import time
from pathlib import Path
from typing import Any

import duckdb
import pytest

from parallax.corpus.reconcile import reconcile_figures
from parallax.corpus.reconcile_text import count_kind, is_locative, normalise_about, sentence_bounds
from parallax.errors import UsageError
from parallax.schema import (
    Analysis,
    DocumentMeta,
    Entity,
    Event,
    Figure,
    Place,
    Quote,
    Segment,
    Speaker,
    Time,
)
from parallax.store.db import connect
from parallax.store.records import write_records

PARIS = ("Paris", "FRA", "P", 2988507)
MANBIJ = ("Manbij", "SYR", "P", 166365)
ALEPPO = ("Aleppo", "SYR", "P", 170063)
IRAQ = ("Iraq", "IRQ", "A", 99237)
SYRIA = ("Syria", "SYR", "A", 163843)


def _at(text: str, span: str, nth: int = 0) -> int:
    """Offset of the ``nth`` occurrence of ``span`` in ``text``."""
    k = -1
    for _ in range(nth + 1):
        k = text.index(span, k + 1)
    return k


def figure(text: str, span: str, nth: int = 0, **fields: Any) -> Figure:
    """A figure as the extractor stores it; a bare number is its own low and high."""
    start = _at(text, span, nth)
    if "value" in fields and "low" not in fields and "high" not in fields:
        fields |= {"low": fields["value"], "high": fields["value"]}
    return Figure(start=start, end=start + len(span), text=span, **fields)


def place(text: str, span: str, where: tuple[str, str, str, int], nth: int = 0) -> Place:
    name, country, feature_class, geonameid = where
    start = _at(text, span, nth)
    return Place(
        start=start,
        end=start + len(span),
        text=span,
        name=name,
        country_code=country,
        feature_class=feature_class,
        geonameid=geonameid,
    )


def day(text: str, span: str, iso: str) -> Time:
    start = _at(text, span)
    return Time(
        start=start, end=start + len(span), text=span, type="DATE", value=iso, earliest=iso,
        latest=iso,
    )  # fmt: skip


def article(
    doc_id: str,
    outlet: str,
    published: str,
    text: str,
    **records: Any,
) -> Analysis:
    return Analysis(
        doc=DocumentMeta(id=doc_id, outlet=outlet, published=dt.date.fromisoformat(published)),
        text=text,
        **records,
    )


def store(path: Path, *docs: Analysis) -> duckdb.DuckDBPyConnection:
    """A fresh migrated store holding ``docs`` and their records."""
    con = connect(path)
    con.execute(
        "INSERT INTO documents (id, sha256, source_format, outlet, published, text, chars, "
        "words, fingerprint, ingested_at, updated_at) "
        "SELECT id, id, 'text', outlet, published, text, length(text), 0, '', now(), now() "
        "FROM (SELECT unnest($1) AS id, unnest($2) AS outlet, unnest($3)::DATE AS published, "
        "unnest($4) AS text)",
        [
            [d.doc.id for d in docs],
            [d.doc.outlet for d in docs],
            [d.doc.published for d in docs],
            [d.text for d in docs],
        ],
    )
    write_records(con, list(docs), "test")
    return con


def toll(
    doc_id: str,
    outlet: str,
    published: str,
    text: str,
    span: str,
    where: tuple[str, str, str, int] = PARIS,
    **fields: Any,
) -> Analysis:
    """An article whose one figure is a death toll, in Paris unless told."""
    return article(
        doc_id,
        outlet,
        published,
        text,
        figures=[figure(text, span, quantity="killed", **fields)],
        places=[place(text, where[0], where)],
    )


def paris_tolls() -> list[Analysis]:
    return [
        toll("d1", "Daily Planet", "2015-11-14", "Gunmen killed 128 people in Paris.", "128",
             value=128, about="people", claimed_by="French officials"),
        toll("d2", "Morning Ledger", "2015-11-15", "At least 129 people died in Paris.",
             "At least 129", value=129, low=129, high=None, about="people"),
        toll("d3", "Evening Star", "2015-11-16", "The attacks in Paris killed about 130 people.",
             "about 130", value=130, low=117, high=143, about="people"),
        toll("d4", "Harbour Gazette", "2015-11-16", "Islamic State said 200 died in Paris.",
             "200", value=200, claimed_by="Islamic State"),
    ]  # fmt: skip


def only(groups: list[dict[str, Any]], **match: Any) -> dict[str, Any]:
    found = [g for g in groups if all(g[k] == v for k, v in match.items())]
    assert len(found) == 1, [(g["quantity"], g["about"], g["anchor"]["label"]) for g in groups]
    return found[0]


def test_one_toll_from_four_outlets_is_one_group_with_a_disagreement(db: Path) -> None:
    con = store(db, *paris_tolls())
    groups = reconcile_figures(con)
    assert len(groups) == 1
    group = groups[0]
    assert (group["quantity"], group["about"], group["kind"]) == ("killed", "people", "one-off")
    assert group["anchor"]["kind"] == "place"
    assert (group["anchor"]["place"], group["anchor"]["country"]) == ("Paris", "FRA")
    assert (group["anchor"]["since"], group["anchor"]["until"]) == ("2015-11-14", "2015-11-16")
    # range = lowest stated bound ("about 130" → 117) .. highest (200); best = median of 4
    assert (group["low"], group["best"], group["high"]) == (117, 129.5, 200)
    assert "median of 4" in group["rule"]
    assert group["disagreement"] is True
    claims = group["claims"]
    assert [c["outlet"] for c in claims] == [
        "Daily Planet", "Morning Ledger", "Evening Star", "Harbour Gazette"
    ]  # fmt: skip
    high, low = group["conflict"]
    assert (claims[high]["text"], claims[low]["text"]) == ("200", "128")
    assert claims[0]["claimed_by"] == "French officials"
    assert claims[0]["sentence"] == "Gunmen killed 128 people in Paris."
    assert claims[1]["published"] == "2015-11-15"
    assert (claims[1]["low"], claims[1]["high"]) == (129, None)
    assert (group["sources"], len(group["outlets"])) == (4, 4)


def test_claims_within_each_others_ranges_agree(db: Path) -> None:
    con = store(db, *paris_tolls()[:3])
    group = only(reconcile_figures(con), quantity="killed")
    assert (group["disagreement"], group["conflict"]) == (False, None)
    assert (group["low"], group["best"], group["high"]) == (117, 129, 143)


@pytest.mark.parametrize(
    ("first", "second", "disagree"),
    [(129, 130, False), (128, 135, True), (3, 4, True), (5000, 5100, False)],
)
def test_bare_figures_disagree_beyond_two_percent(
    db: Path, first: int, second: int, disagree: bool
) -> None:
    text_a, text_b = f"{first} people died in Paris.", f"{second} people died in Paris."
    con = store(
        db,
        toll("a", "A", "2015-11-14", text_a, str(first), value=first),
        toll("b", "B", "2015-11-14", text_b, str(second), value=second),
    )
    assert only(reconcile_figures(con), quantity="killed")["disagreement"] is disagree


def test_open_bounds_and_vague_words_allow_for_each_other(db: Path) -> None:
    """ "scores" (40..99) and "as many as 117" overlap; "more than 300" and "scores" do not."""
    t1 = "Scores of civilians were killed in Manbij on 19 July."
    t2 = "As many as 117 civilians were killed near Manbij on 19 July."
    t3 = "More than 300 civilians were killed near Manbij on 19 July."

    def manbij(doc_id: str, text: str, span: str, **fields: Any) -> Analysis:
        return article(
            doc_id, doc_id, "2016-07-20", text,
            figures=[figure(text, span, quantity="killed", about="civilians", **fields)],
            places=[place(text, "Manbij", MANBIJ)],
            times=[day(text, "19 July", "2016-07-19")],
        )  # fmt: skip

    vague = manbij("v", t1, "Scores", low=40, high=99)
    upto = manbij("u", t2, "As many as 117", value=117, low=None, high=117)
    con = store(db, vague, upto)
    group = only(reconcile_figures(con), quantity="killed")
    assert group["disagreement"] is False
    assert group["anchor"]["since"] == "2016-07-19"  # the date the sentences name
    # 117 is only an upper bound: best stays within the 40..99 both claims allow
    assert (group["low"], group["best"], group["high"]) == (40, 99, 117)
    assert "within the 40..99" in group["rule"]
    con.close()
    more = manbij("m", t3, "More than 300", value=300, low=300, high=None)
    con = store(db.with_name("other.duckdb"), vague, more)
    assert only(reconcile_figures(con), quantity="killed")["disagreement"] is True


def test_running_totals_and_increments_are_kept_apart_from_one_off_counts(db: Path) -> None:
    t1 = "The coalition has carried out 5,000 air strikes in Iraq so far."
    t2 = "On Tuesday coalition jets carried out 40 air strikes in Iraq."
    t3 = "The Pentagon is sending 560 additional troops to Iraq."
    t4 = "There are 5,000 troops in Iraq."
    docs = [
        article("s1", "A", "2015-01-20", t1, places=[place(t1, "Iraq", IRAQ)],
                figures=[figure(t1, "5,000", value=5000, quantity="strikes",
                                about="air strikes")]),
        article("s2", "B", "2015-01-21", t2, places=[place(t2, "Iraq", IRAQ)],
                figures=[figure(t2, "40", value=40, quantity="strikes", about="air strikes")]),
        article("t1", "A", "2015-01-20", t3, places=[place(t3, "Iraq", IRAQ)],
                figures=[figure(t3, "560", value=560, quantity="troops", about="troops")]),
        article("t2", "B", "2015-01-21", t4, places=[place(t4, "Iraq", IRAQ)],
                figures=[figure(t4, "5,000", value=5000, quantity="troops", about="troops")]),
    ]  # fmt: skip
    groups = reconcile_figures(store(db, *docs))
    assert len(groups) == 4
    total = only(groups, quantity="strikes", kind="cumulative")
    assert [c["value"] for c in total["claims"]] == [5000]
    assert total["anchor"]["label"] == "Iraq, as of 2015-01-20"
    assert [c["value"] for c in only(groups, quantity="strikes", kind="one-off")["claims"]] == [40]
    more = only(groups, quantity="troops", kind="additional")
    assert [c["value"] for c in more["claims"]] == [560]
    assert more["anchor"]["label"].endswith("(additional)")
    assert not any(g["disagreement"] for g in groups)


def test_same_day_tolls_in_two_cities_of_one_country_are_two_groups(db: Path) -> None:
    def killed(doc_id: str, text: str, city: tuple[str, str, str, int], value: int) -> Analysis:
        return article(
            doc_id, doc_id, "2016-07-20", text,
            figures=[figure(text, str(value), value=value, quantity="killed",
                            about="civilians")],
            places=[place(text, city[0], city)],
        )  # fmt: skip

    docs = [
        killed("m1", "Air strikes killed 56 civilians in Manbij.", MANBIJ, 56),
        killed("m2", "In Manbij, 60 civilians were killed.", MANBIJ, 60),
        killed("a1", "Shelling killed 12 civilians in Aleppo.", ALEPPO, 12),
    ]
    groups = reconcile_figures(store(db, *docs))
    places = {g["anchor"]["place"]: [c["value"] for c in g["claims"]] for g in groups}
    assert places == {"Manbij": [56, 60], "Aleppo": [12]}
    assert only(groups, best=58)["disagreement"] is True  # 56 vs 60: 7% apart


def test_reports_months_apart_are_different_windows(db: Path) -> None:
    docs = [
        toll("j", "A", "2015-01-08", "Gunmen killed 12 people in Paris.", "12", value=12),
        toll("n", "B", "2015-11-14", "Gunmen killed 128 people in Paris.", "128", value=128),
        toll("n2", "C", "2015-11-20", "The toll in Paris rose to 130.", "130", value=130),
    ]
    groups = reconcile_figures(store(db, *docs))
    windows = sorted((g["anchor"]["since"], len(g["claims"])) for g in groups)
    assert windows == [("2015-01-08", 1), ("2015-11-14", 2)]
    assert not any(g["disagreement"] for g in groups)


def test_the_document_main_country_places_a_sentence_that_names_none(db: Path) -> None:
    text = "Fighting goes on in Syria.\n\nThe toll reached 40 civilians on Monday."
    doc = article(
        "x", "X", "2016-03-02", text, places=[place(text, "Syria", SYRIA)],
        figures=[figure(text, "40", value=40, quantity="killed", about="civilians")],
    )  # fmt: skip
    claim = reconcile_figures(store(db, doc))[0]["claims"][0]
    assert (claim["country"], claim["place"]) == ("SYR", None)
    assert claim["sentence"] == "The toll reached 40 civilians on Monday."


def _event_article(doc_id: str, outlet: str, published: str, text: str, toll: int) -> Analysis:
    """An article whose toll is linked to an ASSAULT event (as the events extractor links it)."""
    fig = figure(text, str(toll), value=toll, quantity="killed", about="people")
    sentence = text.split("\n")[0]
    event = Event(start=0, end=len(sentence), text=sentence, type="ASSAULT", figures=[fig])
    return article(doc_id, outlet, published, text, figures=[fig], events=[event])


def _merge(con: duckdb.DuckDBPyConnection, event_id: str, place: tuple[str, str], days: str,
           *mentions: str) -> None:  # fmt: skip
    """What the merge pass writes: one merged event and the stored events it joins."""
    since, _, until = days.partition("..")
    con.execute(
        "INSERT INTO merged_events (id, type, place_name, country_code, date_earliest, "
        "date_latest, mentions, outlets, corroboration, confidence, disputed) "
        "VALUES (?, 'ASSAULT', ?, ?, ?, ?, ?, ?, ?, 0.5, false)",
        [event_id, *place, since, until or since, len(mentions), len(mentions), len(mentions)],
    )
    for doc_id in mentions:
        con.execute("INSERT INTO event_mentions VALUES (?, 0, ?)", [doc_id, event_id])


def test_merged_events_anchor_their_figures_and_take_in_fitting_unlinked_ones(db: Path) -> None:
    docs = [
        _event_article("e1", "A", "2016-07-04", "A bomb killed 292 people in the market.", 292),
        _event_article("e2", "B", "2016-07-05", "The bombing killed 300 people.", 300),
        _event_article("e3", "C", "2016-07-04", "A car bomb killed 20 people.", 20),
        # no event, dated by publication two days after both bombings: Baghdad says which
        toll("u1", "D", "2016-07-05", "Officials in Baghdad put the toll at 281.", "281",
             ("Baghdad", "IRQ", "P", 98182), value=281, about="people"),
        # no event and only "Iraq": either bombing, so neither
        toll("u2", "E", "2016-07-05", "Officials in Iraq put the toll at 250.", "250", IRAQ,
             value=250, about="people"),
        # no event, a month later: not the same bombing
        toll("u3", "F", "2016-08-09", "Officials in Iraq put the toll at 320.", "320", IRAQ,
             value=320, about="people"),
    ]  # fmt: skip
    con = store(db, *docs)
    _merge(con, "karrada", ("Baghdad", "IRQ"), "2016-07-03", "e1", "e2")
    _merge(con, "hilla", ("Hilla", "IRQ"), "2016-07-04", "e3")
    groups = reconcile_figures(con)
    karrada = only(groups, best=292)
    assert karrada["anchor"]["kind"] == "event"
    assert karrada["anchor"]["event_id"] == "karrada"
    assert karrada["anchor"]["label"] == "ASSAULT in Baghdad, 2016-07-03"
    assert sorted(c["value"] for c in karrada["claims"]) == [281, 292, 300]
    assert {c["merged_event_id"] for c in karrada["claims"]} == {"karrada", None}
    assert karrada["disagreement"] is True  # 281 vs 300
    hilla = only(groups, best=20)
    assert (hilla["anchor"]["event_id"], len(hilla["claims"])) == ("hilla", 1)
    assert only(groups, best=250)["anchor"]["kind"] == "place"
    assert only(groups, best=320)["anchor"]["kind"] == "place"
    assert len(groups) == 4


def test_counted_nouns_fold_and_unnamed_ones_join_the_only_named_group(db: Path) -> None:
    t1 = "Some 3,000 soldiers are in Iraq."
    t2 = "The Pentagon has 3,100 troops in Iraq."
    t3 = "There are now 3,050 in Iraq, officials said."
    docs = [
        article(d, d, "2016-05-01", t, places=[place(t, "Iraq", IRAQ)],
                figures=[figure(t, n, value=v, quantity="troops", about=a)])
        for d, t, n, v, a in [("s", t1, "3,000", 3000, "soldiers"),
                              ("t", t2, "3,100", 3100, "troops"),
                              ("n", t3, "3,050", 3050, None)]
    ]  # fmt: skip
    group = only(reconcile_figures(store(db, *docs)), quantity="troops")
    assert group["about"] == "troops"
    assert len(group["claims"]) == 3


def test_whose_troops_keeps_owners_apart(db: Path) -> None:
    t1 = "There are 5,000 US troops in Iraq."
    t2 = "Britain keeps 500 British troops in Iraq."

    def troops(doc_id: str, text: str, span: str, value: int, owner: str, who: str) -> Analysis:
        start = _at(text, owner)
        return article(
            doc_id, doc_id, "2016-05-01", text,
            places=[place(text, "Iraq", IRAQ)],
            figures=[figure(text, span, value=value, quantity="troops", about="troops")],
            entities=[Entity(start=start, end=start + len(owner), text=owner, label="NORP",
                             actor_id=who)],
        )  # fmt: skip

    groups = reconcile_figures(
        store(db, troops("us", t1, "5,000", 5000, "US", "USA"),
              troops("uk", t2, "500", 500, "British", "GBR"))
    )  # fmt: skip
    owners = {g["owner"]: g["anchor"]["label"] for g in groups}
    assert owners == {
        "USA": "USA troops in Iraq, 2016-05-01",
        "GBR": "GBR troops in Iraq, 2016-05-01",
    }
    assert not any(g["disagreement"] for g in groups)


def test_one_vote_per_source_and_figure(db: Path) -> None:
    """An article repeating its toll, and a syndicated copy of it, do not outvote the others."""
    loud = "100 people died in Paris. Again: 100 people died in Paris. Yes, 100 died."
    docs = [
        article("loud", "Loud", "2015-11-14", loud, places=[place(loud, "Paris", PARIS)],
                figures=[figure(loud, "100", k, value=100, quantity="killed") for k in range(3)]),
        toll("copy", "Copy", "2015-11-14", "Now 100 people died in Paris.", "100", value=100),
        toll("b", "B", "2015-11-14", "In Paris 200 people died.", "200", value=200),
        toll("c", "C", "2015-11-14", "In Paris 210 people died.", "210", value=210),
    ]  # fmt: skip
    con = store(db, *docs)
    con.execute("INSERT INTO families VALUES ('loud', 'loud', 1.0), ('copy', 'loud', 0.9)")
    group = only(reconcile_figures(con), quantity="killed")
    assert len(group["claims"]) == 6
    assert group["sources"] == 3
    assert group["best"] == 200  # median of 100, 200, 210 — not of 100, 100, 100, 100, 200, 210
    assert "median of 3" in group["rule"]


def test_filters_comments_fractions_and_unclassified_numbers(db: Path) -> None:
    text = "Gunmen killed 128 people in Paris. Half the dead were young. 2 countries.\nRead: 500"
    docs = [
        article(
            "d", "Daily Planet", "2015-11-14", text,
            segments=[Segment(kind="body", start=0, end=text.index("\n")),
                      Segment(kind="comment", start=text.index("\n") + 1, end=len(text))],
            places=[place(text, "Paris", PARIS)],
            figures=[figure(text, "128", value=128, quantity="killed", about="people"),
                     figure(text, "Half", value=0.5, quantity="killed"),
                     figure(text, "2", value=2, quantity="other", about="countries"),
                     figure(text, "500", value=500, quantity="killed")],
        ),
        toll("w", "Weekly Ledger", "2015-11-14", "At least 129 died in Paris.", "At least 129",
             value=129, low=129, high=None),
    ]  # fmt: skip
    con = store(db, *docs)
    texts = [c["text"] for g in reconcile_figures(con) for c in g["claims"]]
    assert sorted(texts) == ["128", "At least 129"]  # no comment, no "half", no "other"
    others = reconcile_figures(con, quantity="other")
    assert [c["text"] for g in others for c in g["claims"]] == ["2"]
    planet = reconcile_figures(con, outlet="daily PLAN")
    assert [c["outlet"] for g in planet for c in g["claims"]] == ["Daily Planet"]
    assert reconcile_figures(con, quantity="injured") == []
    with pytest.raises(UsageError, match=r"^deaths: not a quantity"):
        reconcile_figures(con, quantity="deaths")


def test_claims_carry_the_speaker_of_the_quote_around_them(db: Path) -> None:
    text = 'The mayor said: "We have lost 90 people in Paris tonight."'
    start, end = text.index("We have"), text.rindex('"')
    quote = Quote(
        start=start, end=end, text=text[start:end], direct=True, cue="said",
        speaker=Speaker(start=4, end=9, text="mayor"),
    )  # fmt: skip
    doc = toll("q", "Q", "2015-11-14", text, "90", value=90, about="people")
    doc.quotes.append(quote)
    claim = reconcile_figures(store(db, doc))[0]["claims"][0]
    assert claim["speaker"] == "mayor"
    assert claim["claimed_by"] is None


def test_grouping_is_near_linear(db: Path) -> None:
    """Many unrelated tolls: each lands in its own group, and the work does not grow with the
    square of the claims (pairwise, 3,000 claims are 4.5 million comparisons)."""
    docs = []
    for k in range(3000):
        city = (f"Town{k}", "SYR", "P", 10_000 + k)
        text = f"Shelling killed {k + 1} people in Town{k}."
        docs.append(
            article(f"d{k}", f"Outlet {k % 7}", "2016-01-01", text,
                    places=[place(text, city[0], city)],
                    figures=[figure(text, str(k + 1), value=k + 1, quantity="killed")])
        )  # fmt: skip
    con = store(db, *docs)
    began = time.perf_counter()
    groups = reconcile_figures(con)
    assert len(groups) == 3000
    assert time.perf_counter() - began < 15


@pytest.mark.parametrize(
    ("sentence", "number", "kind"),
    [
        ("The coalition has carried out 5,000 air strikes so far.", "5,000", "cumulative"),
        ("Since 2014, 3,000 civilians have been killed.", "3,000", "cumulative"),
        ("Over 300 died in the deadliest bombing in Iraq since 2003.", "300", "one-off"),
        ("The massacre of 130 people may thaw ties that were frozen since 2014.", "130", "one-off"),
        ("In July, 560 additional troops were sent to Iraq.", "560", "additional"),
        ("Another 12 soldiers were killed.", "12", "additional"),
        ("Gunmen killed 128 people in Paris on Friday.", "128", "one-off"),
        ("The toll since Friday's attacks has risen to 130.", "130", "one-off"),
        ("At least 400 have been killed since the war began.", "400", "cumulative"),
        ("Some 2,000 strikes have hit the group since August.", "2,000", "cumulative"),
    ],
)
def test_count_kind(sentence: str, number: str, kind: str) -> None:
    start = sentence.index(number)
    assert count_kind(sentence, start, start + len(number)) == kind


@pytest.mark.parametrize(
    ("about", "head"),
    [
        ("soldiers", "troops"),
        ("air strikes", "air strikes"),
        ("airstrikes", "air strikes"),
        ("drone strikes", "drone strikes"),
        ("wounded civilians", "civilians"),
        ("child", "children"),
        ("60", None),
        (None, None),
    ],
)
def test_normalise_about(about: str | None, head: str | None) -> None:
    assert normalise_about(about) == head


def test_sentence_bounds_skip_abbreviations_and_stop_at_lines() -> None:
    text = "Title line\nThe U.S. military said 5,000 U.S. troops are there. Gen. Allen agreed."
    start = text.index("5,000")
    lo, hi = sentence_bounds(text, start, start + 5)
    assert text[lo:hi] == "The U.S. military said 5,000 U.S. troops are there."


@pytest.mark.parametrize(
    ("before", "after", "located"),
    [
        ("civilians were killed in ", " on Friday.", True),
        ("fighting in northern ", ".", True),
        ("near the town of ", ", officials said", True),
        ("civilians were killed in ", " air strikes on the city", False),
        ("the ", " prosecutor said", False),
    ],
)
def test_is_locative(before: str, after: str, located: bool) -> None:
    assert is_locative(before, after) is located


def _cli_store(db: Path) -> None:
    store(db, *paris_tolls()).close()


def test_cli_figures_reconcile_table_and_json(db: Path, run: Any) -> None:
    _cli_store(db)
    table = run("figures", "--reconcile")
    assert table.exit_code == 0, table.output
    assert "1 reconciled figure groups" in table.output
    for cell in ("killed", "people", "Paris", "117", "129.5", "200", "yes"):
        assert cell in table.output
    result = run("figures", "--reconcile", "--format", "json")
    groups = json.loads(result.stdout)
    assert [len(g["claims"]) for g in groups] == [4]
    assert groups[0]["claims"][0]["sentence"] == "Gunmen killed 128 people in Paris."
    rows = run("figures", "--reconcile", "--format", "csv").stdout.splitlines()
    assert rows[0].startswith("quantity,about,anchor,low,best,high,disagreement,claims,")
    assert rows[1].startswith("killed,people,")
    assert json.loads(run("figures", "--reconcile", "--quantity", "injured",
                          "--format", "json").stdout) == []  # fmt: skip
    assert json.loads(run("figures", "--reconcile", "--doc", "nope",
                          "--format", "json").stdout) == []  # fmt: skip
    assert len(json.loads(run("figures", "--reconcile", "--doc", "d2",
                              "--format", "json").stdout)) == 1  # fmt: skip


def test_cli_figures_reconcile_refuses_record_filters(db: Path, run: Any) -> None:
    _cli_store(db)
    result = run("figures", "--reconcile", "--text", "128")
    assert result.exit_code == 2
    assert "--segment and --text do not apply to --reconcile" in result.output


ARTICLES = {
    "planet.txt": (
        "Daily Planet", "2015-11-14",
        "Gunmen attack Paris\n\nGunmen killed 128 people in Paris on Friday night, French "
        "officials said. The attackers struck a concert hall and several restaurants.\n\n"
        "President Francois Hollande declared a state of emergency.\n",
    ),
    "ledger.txt": (
        "Morning Ledger", "2015-11-15",
        "Paris mourns its dead\n\nAt least 129 people were killed in the attacks in Paris on "
        "Friday, the Paris prosecutor said on Saturday. More than 350 people were wounded.\n\n"
        "Police are searching for accomplices.\n",
    ),
    "star.txt": (
        "Evening Star", "2015-11-16",
        "France counts the cost\n\nThe attacks in Paris killed about 130 people, according to "
        "the interior ministry. Hundreds of people were injured.\n\nThe government has closed "
        "the borders.\n",
    ),
    "gazette.txt": (
        "Harbour Gazette", "2015-11-16",
        "Islamic State claims Paris attacks\n\nIslamic State said 200 people were killed in "
        "Paris on Friday. French officials rejected the figure.\n\nThe group released a "
        "statement online.\n",
    ),
}  # fmt: skip


@pytest.mark.model
@pytest.mark.slow
def test_end_to_end_four_reports_of_one_toll(tmp_path: Path, run: Any) -> None:
    """Four outlets report the Paris toll differently; the real pipeline extracts the figures,
    and reconciliation puts them in one group, flagged, with the injured counts apart."""
    folder = tmp_path / "articles"
    folder.mkdir()
    manifest = []
    for name, (outlet, published, text) in ARTICLES.items():
        (folder / name).write_text(text, encoding="utf-8")
        manifest.append(json.dumps({"file": name, "outlet": outlet, "published": published}))
    (folder / "manifest.jsonl").write_text("\n".join(manifest) + "\n", encoding="utf-8")
    analysed = run("analyze", str(folder), "--format", "table")
    assert analysed.exit_code == 0, analysed.output

    groups = json.loads(run("figures", "--reconcile", "--format", "json").stdout)
    killed = only(groups, quantity="killed")
    assert killed["about"] == "people"
    by_outlet = {c["outlet"]: c for c in killed["claims"]}
    assert {k: v["text"] for k, v in by_outlet.items()} == {
        "Daily Planet": "128",
        "Morning Ledger": "At least 129",
        "Evening Star": "about 130",
        "Harbour Gazette": "200",
    }
    assert by_outlet["Morning Ledger"]["claimed_by"] == "the Paris prosecutor"
    assert (killed["low"], killed["best"], killed["high"]) == (117, 129.5, 200)
    assert killed["disagreement"] is True
    high, low = (killed["claims"][k]["outlet"] for k in killed["conflict"])
    assert (high, low) == ("Harbour Gazette", "Daily Planet")
    assert killed["anchor"]["country"] == "FRA"

    injured = only(groups, quantity="injured")
    assert sorted(c["text"] for c in injured["claims"]) == ["Hundreds", "More than 350"]
    assert injured["disagreement"] is False
    assert injured["best"] == 350  # the one precise figure; "hundreds" only bounds it
