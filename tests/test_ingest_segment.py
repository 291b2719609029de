"""Segmentation of scraped plain text: the seeds, pages we wrote ourselves, and tiling."""

from __future__ import annotations

import itertools
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from parallax.ingest.segment import segment_text, split_units
from parallax.schema import Segment

EXAMPLES = Path(__file__).resolve().parent.parent / "examples" / "corpus"


def assert_tiles(text: str, segments: list[Segment]) -> None:
    """Segments start at 0, end at len(text), touch, and never repeat a kind side by side."""
    assert segments[0].start == 0
    assert segments[-1].end == len(text)
    for before, after in itertools.pairwise(segments):
        assert before.end == after.start
        assert before.kind != after.kind
        assert before.start < before.end


def kinds_of(text: str, segments: list[Segment]) -> dict[str, list[str]]:
    """Stripped text of each segment, grouped by kind."""
    grouped: dict[str, list[str]] = {}
    for s in segments:
        grouped.setdefault(s.kind, []).append(text[s.start : s.end].strip())
    return grouped


def kind_at(text: str, segments: list[Segment], needle: str) -> str:
    """The kind of the segment holding the first occurrence of ``needle``."""
    at = text.index(needle)
    return next(s.kind for s in segments if s.start <= at < s.end)


def seed(prefix: str, *, hints: bool = True) -> tuple[str, list[Segment]]:
    path = next(EXAMPLES.glob(f"{prefix}_*.txt"))
    rows = [json.loads(line) for line in (EXAMPLES / "manifest.jsonl").read_text().splitlines()]
    meta = next(r for r in rows if r["file"] == path.name) if hints else {}
    text = path.read_text(encoding="utf-8")
    return text, segment_text(text, title=meta.get("title"), author=meta.get("author"))


# --- the seeds ------------------------------------------------------------------------------


@pytest.mark.parametrize("prefix", ["000", "001", "002", "003", "004"])
@pytest.mark.parametrize("hints", [True, False])
def test_seeds_are_tiled_and_titled(prefix: str, hints: bool) -> None:
    text, segments = seed(prefix, hints=hints)
    assert_tiles(text, segments)
    titles = kinds_of(text, segments)["title"]
    assert len(titles) == 1
    body = " ".join(kinds_of(text, segments)["body"])
    assert len(body.split()) > 300


def test_seed_000_bio_policy_and_figure() -> None:
    text, segments = seed("000")
    assert kind_at(text, segments, "Figure:") == "caption"
    assert kind_at(text, segments, "Image credit") == "caption"
    for furniture in (
        "comments policy",
        "views of the author",
        "Shortened URL",
        "About the author",
    ):
        assert kind_at(text, segments, furniture) == "boilerplate", furniture
    # the bio under "About the author" is not the outlet's claim
    assert kind_at(text, segments, "is a doctoral researcher") == "boilerplate"
    assert kind_at(text, segments, "Recent history proves") == "body"


def test_seed_001_site_name_byline_subheadings_and_teasers() -> None:
    for hints in (True, False):
        text, segments = seed("001", hints=hints)
        assert kind_at(text, segments, "Socialist Alternative") == "boilerplate"
        assert kind_at(text, segments, "Serge Jordan") == "byline"
        assert kind_at(text, segments, "Published on") == "boilerplate"
        assert kind_at(text, segments, "\nWaning caliphate") == "body"
        assert kind_at(text, segments, "\nMass struggle") == "body"
        assert kind_at(text, segments, "Latest articles") == "boilerplate"
        assert kind_at(text, segments, "Women’s Day has a very dark setting") == "boilerplate"


def test_seed_002_byline_dateline_footer_and_broken_paragraph() -> None:
    text, segments = seed("002", hints=False)
    assert kind_at(text, segments, "Paul Mitchell") == "byline"
    assert kind_at(text, segments, "23 January 2015") == "dateline"
    assert kind_at(text, segments, "He described how it is supported") == "body"
    assert kind_at(text, segments, "ecstatic enthusiasm") == "body"
    assert kind_at(text, segments, "To contact") == "boilerplate"
    assert kind_at(text, segments, "/contact") == "boilerplate"


def test_seed_003_name_cards_image_alt_and_form() -> None:
    text, segments = seed("003")
    assert kind_at(text, segments, "Marco Rubio\n") == "caption"
    assert kind_at(text, segments, "Patty Culhane\n") == "caption"
    assert kind_at(text, segments, "state gathering 2017") == "caption"
    assert kind_at(text, segments, "“The day after Raqqa falls") == "body"
    assert kind_at(text, segments, "Leave a Reply") == "boilerplate"
    assert kind_at(text, segments, "bloggers like this") == "boilerplate"


def test_seed_004_duplicated_captions_related_and_thread() -> None:
    text, segments = seed("004")
    assert text.lstrip().startswith("22")
    assert kind_at(text, segments, "22") == "boilerplate"
    assert kind_at(text, segments, "A handout frame grab") == "caption"
    assert kind_at(text, segments, "Civil defense members") == "caption"
    assert kind_at(text, segments, "Related:") == "boilerplate"
    assert kind_at(text, segments, "  1. Given how gutless") == "comment"
    assert kind_at(text, segments, "Go Putin !!") == "comment"
    assert kind_at(text, segments, "  4. Let me see") == "comment"
    assert kind_at(text, segments, "Sign in to comment") == "boilerplate"
    assert kind_at(text, segments, "“If they are getting back in the game") == "body"
    # the headline repeated above the thread is furniture, not the title and not a comment
    second_headline = text.index("Allies with benefits", 10)
    assert next(s.kind for s in segments if s.start <= second_headline < s.end) == "boilerplate"


# --- pages the seeds do not contain ---------------------------------------------------------

BLOG_PAGE = """\
Home | World | Opinion

Militia advances stall outside Tal Afar

By Jane Roe | Northern Desk
Updated: March 3, 2016 14:02 GMT

Militia fighters backed by coalition aircraft pushed toward the western edge of the town on \
Tuesday, according to two commanders who spoke by telephone.

Photo: Smoke rises over the outskirts of the town. (AFP/Getty Images)

Advertisement

The commanders said at least 40 fighters had been killed since the offensive began.

What comes next

Local officials said they expected the road to reopen within a week, but aid groups were more \
cautious about the timetable.

Residents who fled in the spring said they would not return until the mines were cleared.

Share this article

Tags: Iraq, Tal Afar, militias

3 thoughts on “Militia advances stall outside Tal Afar”

Ahmed K. says:
March 4, 2016 at 5:12 pm

They have said that every month since January.

Reply

Lena says:
March 4, 2016 at 9:40 pm

Good reporting, thank you.

Reply

© 2016 Example Media. All rights reserved.
"""


def test_blog_page_header_furniture_and_comment_section() -> None:
    segments = segment_text(BLOG_PAGE)
    assert_tiles(BLOG_PAGE, segments)
    at = lambda needle: kind_at(BLOG_PAGE, segments, needle)  # noqa: E731
    assert at("Home | World") == "boilerplate"
    assert at("Militia advances stall") == "title"
    assert at("By Jane Roe") == "byline"
    assert at("Updated: March 3") == "dateline"
    assert at("Militia fighters backed") == "body"
    assert at("Photo: Smoke") == "caption"
    assert at("Advertisement") == "boilerplate"
    assert at("What comes next") == "body"  # an in-body subheading
    assert at("Residents who fled") == "body"
    assert at("Share this article") == "boilerplate"
    assert at("Tags:") == "boilerplate"
    assert at("3 thoughts on") == "boilerplate"
    assert at("They have said that every month") == "comment"
    assert at("Good reporting") == "comment"
    assert at("© 2016") == "boilerplate"


def test_hard_wrapped_text_without_header_is_one_body() -> None:
    text = (
        "Coalition aircraft struck twelve targets near the dam on Sunday, the\n"
        "command said in a statement, adding that four fighting positions and\n"
        "two vehicles had been destroyed in the strikes.\n\n"
        "A spokesman for the command declined to say whether civilians had been\n"
        "harmed, citing an ongoing review of the operation.\n"
    )
    assert segment_text(text) == [Segment(kind="body", start=0, end=len(text))]


def test_single_sentence_is_body() -> None:
    text = "Jets struck Raqqa on Monday."
    assert segment_text(text) == [Segment(kind="body", start=0, end=len(text))]


def test_numbered_list_inside_the_article_stays_body() -> None:
    text = (
        "Officials in Baghdad set out their demands for the coming campaign on Friday.\n\n"
        "1. More air support for the ground forces.\n\n"
        "2. Funds to rebuild the cities taken back from the group.\n\n"
        "The minister said the list had been sent to every member of the coalition.\n"
    )
    segments = segment_text(text)
    assert {s.kind for s in segments} == {"body"}


def test_flat_list_ending_the_article_is_not_a_comment_thread() -> None:
    text = (
        "The agency listed what the displaced families needed most this winter.\n\n"
        "- Blankets and heaters for the camps in the north.\n"
        "- Clean water in the districts east of the river.\n"
    )
    assert {s.kind for s in segment_text(text)} == {"body"}


def test_comment_heading_with_count_starts_the_thread() -> None:
    text = (
        "Ceasefire holds in the south\n\n"
        "The truce agreed on Friday held through the weekend, monitors said on Monday.\n\n"
        "12 Comments\n\n"
        "This will not last a week.\n\n"
        "Let us hope it does.\n"
    )
    segments = segment_text(text)
    assert kind_at(text, segments, "12 Comments") == "boilerplate"
    assert kind_at(text, segments, "This will not last") == "comment"
    assert kind_at(text, segments, "Let us hope") == "comment"
    assert kind_at(text, segments, "The truce agreed") == "body"


def test_copyright_and_link_lines_inside_text() -> None:
    text = (
        "Talks resumed in Geneva on Tuesday after a two-week pause, diplomats said.\n\n"
        "https://example.org/news/geneva-talks\n\n"
        "Delegations from both sides attended the opening session in the afternoon.\n\n"
        "Copyright 2016 Example Wire. Redistribution prohibited.\n"
    )
    segments = segment_text(text)
    assert kind_at(text, segments, "https://") == "boilerplate"
    assert kind_at(text, segments, "Delegations") == "body"
    assert kind_at(text, segments, "Copyright") == "boilerplate"


def test_known_title_with_different_quotes_is_found() -> None:
    text = "Site Name\n\nThe ‘long war’ ahead\n\nThe long war ahead will be fought town by town.\n"
    segments = segment_text(text, title="The 'long war' ahead")
    assert kind_at(text, segments, "The ‘long war’") == "title"
    assert kind_at(text, segments, "Site Name") == "boilerplate"


def test_stacked_short_lines_are_split() -> None:
    units = split_units("Jane Roe\n12 March 2016\n\nA sentence that is long enough to be prose.")
    assert [u.text for u in units] == [
        "Jane Roe",
        "12 March 2016",
        "A sentence that is long enough to be prose.",
    ]


def test_empty_and_blank_texts() -> None:
    assert segment_text("") == []
    assert segment_text("\n \n") == [Segment(kind="boilerplate", start=0, end=3)]


_LINES = st.sampled_from(
    [
        "",
        " ",
        "  1. A numbered reply to the article.",
        "    • A nested answer.",
        "Share",
        "By Jane Roe",
        "23 January 2015",
        "Related: another story",
        "Marco Polo",
        "The coalition said its aircraft had struck eleven targets near the city overnight.",
        "a line broken in the middle of",
        "Photo: a caption (Reuters)",
        "\u00a0",
        "\t\tindented text",
    ]
)


@settings(max_examples=300, deadline=None)
@given(st.lists(_LINES, max_size=30), st.sampled_from(["\n", "\r\n", "\n\n"]))
def test_any_text_is_tiled_without_loss(lines: list[str], newline: str) -> None:
    text = newline.join(lines)
    segments = segment_text(text)
    if not text:
        assert segments == []
        return
    assert_tiles(text, segments)
    assert "".join(text[s.start : s.end] for s in segments) == text


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=400))
def test_arbitrary_characters_are_tiled(text: str) -> None:
    segments = segment_text(text)
    if text:
        assert_tiles(text, segments)


def test_large_document_is_tiled() -> None:
    paragraph = "Coalition aircraft struck {} targets near the city, officials said on Monday.\n\n"
    text = "Headline of a long report\n\n" + "".join(map(paragraph.format, range(60_000)))
    segments = segment_text(text)
    assert_tiles(text, segments)
    assert [s.kind for s in segments] == ["title", "body"]
