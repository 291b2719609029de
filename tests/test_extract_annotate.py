"""The annotator reads every segment but boilerplate and maps records back to document offsets."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

import pytest

from parallax.extract import annotate
from parallax.extract.annotate import Annotator, pieces
from parallax.ingest.run import IngestHooks
from parallax.schema import Analysis, DocumentMeta, Segment


def doc(text: str, segments: list[tuple[str, int, int]]) -> Analysis:
    return Analysis(
        doc=DocumentMeta(id="x", published=dt.date(2015, 11, 20)),
        text=text,
        segments=[Segment(kind=k, start=s, end=e) for k, s, e in segments],  # type: ignore[arg-type]
    )


def test_boilerplate_is_skipped_and_comments_kept() -> None:
    text = "Menu Home\nTroops advanced.\nReader says hi."
    parts = list(
        pieces(doc(text, [("boilerplate", 0, 10), ("body", 10, 27), ("comment", 27, len(text))]))
    )
    assert [text[p.start : p.end] for p in parts] == ["Troops advanced.\n", "Reader says hi."]


def test_unsegmented_text_is_one_piece() -> None:
    assert [(p.start, p.end) for p in pieces(doc("Just text.", []))] == [(0, 10)]


def test_long_segments_are_cut_at_line_breaks(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(annotate, "MAX_PIECE_CHARS", 40)
    text = "\n".join(f"Line number {i} of the body." for i in range(10))
    parts = list(pieces(doc(text, [("body", 0, len(text))])))
    assert len(parts) > 1
    assert all(p.end - p.start <= 40 for p in parts)
    assert "".join(text[p.start : p.end] for p in parts) == text  # nothing lost or repeated
    assert all(text[p.end - 1] == "\n" for p in parts[:-1])


def test_hard_wraps_inside_sentences_become_spaces_of_the_same_length() -> None:
    text = "killing 40 fighters,\nthe Pentagon said.\nNew paragraph\nHeading\nand more"
    assert annotate.unwrap(text) == (
        "killing 40 fighters, the Pentagon said.\nNew paragraph\nHeading and more"
    )


def test_whitespace_only_segments_are_not_analysed() -> None:
    text = "Body.\n   \n"
    assert len(list(pieces(doc(text, [("body", 0, 6), ("body", 6, len(text))])))) == 1


@pytest.mark.model
def test_records_point_into_the_document_text() -> None:
    text = (
        "Strikes hit Raqqa\n"
        "US warplanes struck Raqqa in Syria on Friday, killing at least 30 fighters, "
        "the Pentagon said.\n"
        "“We hit them hard,” said the US\nsecretary of state.\n"
        "Comment: Kerry met Lavrov in Geneva last week."
    )
    body = text.index("US warplanes")
    comment = text.index("Comment:")
    source = doc(
        text, [("title", 0, body), ("body", body, comment), ("comment", comment, len(text))]
    )
    (result,) = Annotator().annotate([source])
    for kind in ("entities", "places", "times", "figures", "quotes"):
        for record in getattr(result, kind):
            assert text[record.start : record.end] == record.text, (kind, record)
    quote = next(q for q in result.quotes if q.direct)
    assert quote.speaker is not None
    # the speaker crosses a hard line wrap: parsed as one phrase, reported with its break
    assert quote.speaker.text == text[quote.speaker.start : quote.speaker.end]
    assert quote.speaker.text == "the US\nsecretary of state"
    place_names = {p.text for p in result.places}
    assert {"Raqqa", "Syria", "Geneva"} <= place_names
    raqqa = next(p for p in result.places if p.text == "Raqqa")
    assert raqqa.country_code == "SYR"
    assert any(t.value == "2015-11-20" for t in result.times)  # Friday before publication
    assert any(f.value == 30 and f.low == 30 for f in result.figures)
    actors = {e.actor_id for e in result.entities}
    assert {"JOHN_KERRY", "SERGEI_LAVROV"} <= actors
    geneva = next(p for p in result.places if p.text == "Geneva")
    assert geneva.start > comment  # a reader's place stays in the comment segment


class CountingAnnotator(Annotator):
    """The real annotator, counting the documents it is asked to analyse."""

    def __init__(self) -> None:
        super().__init__()
        self.analysed = 0

    def submit(self, analyses: Sequence[Analysis]) -> Callable[[], list[Analysis]]:
        self.analysed += len(analyses)
        return super().submit(analyses)


@pytest.mark.model
def test_rerun_analyses_only_new_or_changed_documents(tmp_path: Path) -> None:
    from parallax.store.corpus import open_corpus

    folder = tmp_path / "in"
    folder.mkdir()
    (folder / "a.txt").write_text("Talks\n\nKerry met Lavrov in Geneva on Friday.\n")
    (folder / "b.txt").write_text("Strikes\n\nJets struck Raqqa on Monday.\n")
    annotator = CountingAnnotator()
    with open_corpus(tmp_path / "db.duckdb") as corpus:
        corpus.ingest(folder, annotator=annotator)
        assert annotator.analysed == 2
        (folder / "b.txt").write_text("Strikes\n\nJets struck Mosul on Monday.\n")
        seen: list[Analysis] = []
        hooks = IngestHooks(on_document=lambda d: seen.append(d.analysis))
        corpus.ingest(folder, annotator=annotator, hooks=hooks)
        assert annotator.analysed == 3  # only the changed document was analysed again
        unchanged = next(a for a in seen if "Geneva" in a.text)
        assert {p.text for p in unchanged.places} >= {"Geneva"}  # read back from the store


def test_place_records_come_from_the_linkers_trimmed_spans() -> None:
    import spacy
    from spacy.tokens import Doc as SpacyDoc

    import parallax.knowledge.components  # noqa: F401 - registers the factories

    nlp = spacy.blank("en")
    nlp.add_pipe("parallax_actor_ruler")
    nlp.add_pipe("parallax_linker")
    for name in ("times", "figures", "quotes", "events"):  # the other records' attributes
        if not SpacyDoc.has_extension(name):
            SpacyDoc.set_extension(name, default=None)
    parsed = nlp("Rain fell on the Middle East and The Washington Post said so.")
    records = annotate.records_of(parsed, 100)
    entities = {e.text: (e.start, e.end) for e in records["entities"]}  # type: ignore[attr-defined]
    found = {p.text: (p.start, p.end, p.name) for p in records["places"]}  # type: ignore[attr-defined]
    assert entities["the Middle East"] == (113, 128)  # the entity as tagged...
    assert found["Middle East"] == (117, 128, "Middle East")  # ...the place as named
    assert found["Washington"] == (137, 147, "Washington")  # inside the paper's name


def test_slices_keep_order_and_share_evenly() -> None:
    from parallax.extract.annotate_pool import slices

    items = [doc(f"Text {i}.", []) for i in range(11)]
    parts = slices(items, 4)
    assert [len(p) for p in parts] == [3, 3, 3, 2]
    assert [a for p in parts for a in p] == items
    assert slices(items[:2], 8) == [[items[0]], [items[1]]]


def test_batches_are_cut_by_length_not_by_count() -> None:
    from parallax.extract.annotate import Piece, length_batches

    work = [Piece(0, 0, 600), Piece(0, 600, 1000), Piece(1, 0, 100), Piece(2, 0, 2500)]
    work += [Piece(3, 0, 50)]
    batches = list(length_batches(work, 1000))
    assert batches == [work[:2], [work[2]], [work[3]], [work[4]]]  # the long piece goes alone
    assert [p for b in batches for p in b] == work
    assert list(length_batches(work, 10_000)) == [work]
    assert list(length_batches([], 1000)) == []


@pytest.mark.model
def test_records_do_not_depend_on_how_documents_are_batched() -> None:
    analyses = [
        doc("Strikes\n\nUS jets struck Raqqa on Friday, killing 30 fighters, officials said.", []),
        doc('Talks\n\n"We will not stop," Kerry told reporters in Geneva on Monday.', []),
        doc("Troops\n\nRussia sent 560 troops to Syria last week.", []),
    ]
    one_at_a_time = Annotator(batch_chars=10).annotate(analyses)
    all_together = Annotator().annotate(analyses)
    assert [a.to_dict() for a in one_at_a_time] == [a.to_dict() for a in all_together]
    assert all(a.events for a in all_together)


@pytest.mark.model
def test_worker_processes_give_the_same_records_as_one_process() -> None:
    sentences = [
        "US jets struck Raqqa on Friday, killing 30 fighters, the Pentagon said.",
        '"We will not stop," Kerry told reporters in Geneva.',
        "Russia sent 560 troops to Syria last week.",
        "Turkish forces shelled Kurdish positions near Manbij.",
    ]
    analyses = [
        doc(f"Report {i}\n\n{sentences[i % len(sentences)]} Copy {i}.", [])
        for i in range(annotate.MIN_PARALLEL_DOCS)
    ]
    alone = Annotator().annotate(analyses)
    with Annotator(workers=2) as parallel:
        shared = parallel.annotate(analyses)
        assert parallel._pool is not None  # the batch really went to the workers
    assert [a.to_dict() for a in shared] == [a.to_dict() for a in alone]
    assert sum(len(a.events) for a in shared) >= len(analyses) // 2


class JournalingAnnotator(Annotator):
    """The real annotator, noting when each batch is handed over and when it is collected."""

    def __init__(self, journal: list[str]) -> None:
        super().__init__()
        self.journal = journal
        self.batches = 0

    def submit(self, analyses: Sequence[Analysis]) -> Callable[[], list[Analysis]]:
        self.batches += 1
        number = self.batches
        self.journal.append(f"submit {number}")
        pending = super().submit(analyses)

        def collect() -> list[Analysis]:
            self.journal.append(f"collect {number}")
            return pending()

        return collect


@pytest.mark.model
def test_the_next_batch_is_handed_over_before_the_last_one_is_written(tmp_path: Path) -> None:
    from parallax.store.corpus import open_corpus

    folder = tmp_path / "in"
    folder.mkdir()
    for i in range(5):
        (folder / f"{i}.txt").write_text(f"Report {i}\n\nJets struck Raqqa on Monday, day {i}.\n")
    journal: list[str] = []
    hooks = IngestHooks(on_commit=lambda result: journal.append(f"wrote {result.added}"))
    with open_corpus(tmp_path / "db.duckdb", batch_size=2) as corpus:
        report = corpus.ingest(folder, annotator=JournalingAnnotator(journal), hooks=hooks)
        stored = corpus.connection.execute(
            "SELECT count(DISTINCT doc_id) FROM places WHERE text = 'Raqqa'"
        ).fetchone()
    assert report.totals.added == 5
    assert stored == (5,)  # every batch's records were written, the last one too
    # batch n + 1 is with the annotator before batch n is collected and written
    assert journal == [
        *("submit 1", "submit 2", "collect 1", "wrote 2"),
        *("submit 3", "collect 2", "wrote 2"),
        *("collect 3", "wrote 1"),
    ]
