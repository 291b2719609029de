"""Records become documents: HTML assembly with comments, metadata precedence, stable ids."""

from __future__ import annotations

import datetime as dt

import pytest

from parallax.errors import EmptyInputError, FormatError
from parallax.ingest.document import build_document, document_id
from parallax.ingest.metadata import DocHints
from parallax.ingest.sources import RawRecord

ARTICLE = " ".join(
    f"Kurdish forces said on Tuesday they had cleared militants from village number {i}."
    for i in range(12)
)
PAGE = f"""<!DOCTYPE html><html><head>
<title>Kurds retake villages | The Daily Planet</title>
<meta name="author" content="Jane Reporter">
<meta property="og:site_name" content="The Daily Planet">
<meta property="article:published_time" content="2016-03-04T10:00:00Z">
</head><body>
<nav><a href="/">Home</a> <a href="/world">World</a></nav>
<article><h1>Kurds retake villages</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article>
<section id="comments" class="comments">
<div class="comment"><p>This is a reader comment that disagrees with the article entirely.</p></div>
<div class="comment"><p>A second reader thinks the first reader is wrong about everything.</p></div>
</section>
<footer>Copyright 2016 The Daily Planet. All rights reserved.</footer>
</body></html>"""


def html_record(html: str = PAGE, hints: DocHints | None = None) -> RawRecord:
    return RawRecord("page.html", "", html.encode(), "html", "html", hints or DocHints())


def test_html_title_body_comments_are_segments() -> None:
    doc = build_document(html_record())
    a = doc.analysis
    kinds = [s.kind for s in a.segments]
    assert "comment" in kinds
    comments = a.segment_text("comment")
    assert any("reader comment" in c for c in comments)
    body = " ".join(a.segment_text("body"))
    assert "village number 11" in body
    assert "reader comment" not in body
    assert "Copyright" not in a.text
    assert (a.doc.author, a.doc.outlet, a.doc.published) == (
        "Jane Reporter",
        "The Daily Planet",
        dt.date(2016, 3, 4),
    )
    assert a.segments[0].start == 0
    assert a.segments[-1].end == len(a.text)


def test_manifest_metadata_beats_html_metadata() -> None:
    doc = build_document(html_record(hints=DocHints(outlet="Planet (manifest)")))
    assert doc.analysis.doc.outlet == "Planet (manifest)"
    assert doc.analysis.doc.author == "Jane Reporter"


def test_page_without_article_is_empty_error() -> None:
    with pytest.raises(EmptyInputError, match=r"page\.html: no article text"):
        build_document(html_record("<html><body><nav>Home</nav></body></html>"))


def test_malformed_html_still_yields_text() -> None:
    broken = "<html><body><p>" + ARTICLE + "<div><p><b>unclosed " * 50
    doc = build_document(html_record(broken))
    assert "village number 3" in doc.analysis.text


def test_html_that_is_not_a_page_is_a_clear_error() -> None:
    with pytest.raises((EmptyInputError, FormatError), match=r"^page\.html: "):
        build_document(html_record("<html><body><<<>>> </p></div></body></html>"))


def test_id_is_content_addressed_and_stable() -> None:
    payload = b"Some article text.\n"
    one = build_document(RawRecord("a.txt", "", payload, "text", "text"))
    two = build_document(RawRecord("copy/of/a.txt", "", payload, "text", "text"))
    assert one.id == two.id == document_id(payload)
    assert len(one.id) == 16


def test_no_clean_keeps_input_verbatim() -> None:
    raw = "  Keep\r\nthis\x07 exactly  "
    doc = build_document(RawRecord("<text>", "", raw.encode(), "text", "text"), clean=False)
    assert doc.analysis.text == raw
    assert [(s.kind, s.start, s.end) for s in doc.analysis.segments] == [("body", 0, len(raw))]


def test_plain_text_keeps_every_character() -> None:
    raw = "Headline\r\n\r\nBody one.\r\n\r\nShare this:\r\n"
    doc = build_document(RawRecord("a.txt", "", raw.encode(), "text", "text"))
    assert doc.analysis.text == raw.replace("\r\n", "\n")
