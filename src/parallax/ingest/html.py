"""HTML pages: main text, title, author, date, site name and reader comments via trafilatura.

Boilerplate removal on the web is a solved problem we should not re-solve; trafilatura is the
best-kept tool for it. We only assemble its parts into one text with segments, so comments stay
reader voices and offsets stay valid.
"""

from __future__ import annotations

from dataclasses import dataclass

import trafilatura

from parallax.errors import EmptyInputError, FormatError
from parallax.ingest.metadata import DocHints, parse_date

#: Fewer words than this is a menu or an error page, not an article.
MIN_ARTICLE_WORDS = 5


@dataclass(frozen=True)
class HtmlParts:
    """What trafilatura found in a page, before assembly into one text."""

    title: str | None
    body: str
    comments: list[str]
    hints: DocHints


def extract_html(html: str, source: str, locator: str = "", url: str | None = None) -> HtmlParts:
    """Extract the article and its comments from a page, or raise an error naming ``source``."""
    try:
        found = trafilatura.bare_extraction(
            html,
            url=url,
            include_comments=True,
            with_metadata=True,
            include_tables=True,
            favor_recall=True,
        )
    except Exception as exc:  # trafilatura raises many lxml-level errors on broken pages
        reason = f"HTML could not be parsed ({type(exc).__name__})"
        raise FormatError(source, reason, locator) from exc
    text = (getattr(found, "text", None) or "").strip() if found is not None else ""
    if len(text.split()) < MIN_ARTICLE_WORDS:
        raise EmptyInputError(source, "no article text found in the HTML page", locator)
    comments_text = getattr(found, "comments", None) or ""
    comments = [c.strip() for c in comments_text.split("\n") if c.strip()]
    hints = DocHints(
        outlet=getattr(found, "sitename", None) or None,
        title=getattr(found, "title", None) or None,
        author=getattr(found, "author", None) or None,
        published=parse_date(getattr(found, "date", None)),
        url=getattr(found, "url", None) or url,
        language=getattr(found, "language", None) or None,
    )
    return HtmlParts(hints.title, text, comments, hints)
