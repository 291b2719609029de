"""Article text is untrusted: markup, event handlers and javascript: URLs that went through the
whole path (analyze → store → API → UI, and the static report) stay inert, shown as text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, expect

from browser import WatchedPage, chromium
from conftest import CliRun
from parallax.api.app import create_app
from parallax.api.server import running

pytestmark = [pytest.mark.slow, pytest.mark.model]

PAYLOADS = (
    "<script>window.__pwned = 1; alert('script')</script>",
    '<img src=x onerror="window.__pwned = 2; alert(2)">',
    '<a href="javascript:window.__pwned=3">click me</a>',
    '"><svg onload="window.__pwned=4">',
    "</script><script>window.__pwned=5</script>",
)
ARTICLE = (
    "Coalition aircraft bombed Islamic State positions near Mosul on Monday, officials said. "
    + " ".join(PAYLOADS)
    + " Russia condemned the strikes, the Kremlin said. Protesters marched in London.\n"
)


@pytest.fixture(scope="module")
def hostile_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    (folder / "evil.txt").write_text(ARTICLE, encoding="utf-8")
    manifest = {
        "file": "evil.txt",
        "outlet": '<img src=x onerror="window.__pwned=6">Evil Times',
        "title": "<script>window.__pwned=7</script>Headline",
        "published": "2016-03-02",
        "url": "javascript:window.__pwned=8",
    }
    (folder / "manifest.jsonl").write_text(json.dumps(manifest) + "\n", encoding="utf-8")
    db = folder / "hostile.duckdb"
    result = CliRun(db)("analyze", str(folder), "--format", "table")
    assert result.exit_code == 0, result.output
    return db


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as found:
        yield found


def _inert(watched: WatchedPage) -> None:
    assert watched.page.evaluate("() => window.__pwned") is None
    assert watched.page.locator("#view script, #view img, #view iframe").count() == 0
    assert watched.page.locator("a[href^='javascript:']").count() == 0
    watched.clean()


def test_every_view_renders_hostile_text_as_text(hostile_db: Path, browser: Browser) -> None:
    with running(create_app(hostile_db)) as base:
        doc_id = httpx.get(f"{base}/api/documents").json()["items"][0]["id"]
        watched = WatchedPage(browser)
        page = watched.page
        for view in ("timeline", "map", "network", "outlets", "figures", "search?q=pwned"):
            page.goto(f"{base}/#/{view}")
            page.wait_for_load_state("networkidle")
            _inert(watched)
        page.goto(f"{base}/#/doc/{doc_id}")
        expect(page.get_by_text("<script>window.__pwned = 1;", exact=False).first).to_be_visible()
        expect(page.get_by_text("onerror=", exact=False).first).to_be_visible()
        _inert(watched)
        page.close()


def test_the_report_keeps_hostile_text_inert(
    hostile_db: Path, browser: Browser, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = CliRun(hostile_db)("report", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert "</script><script>window.__pwned=5" not in html  # cannot close the data element
    watched = WatchedPage(browser, allowed_hosts=())
    page = watched.page
    for view in ("timeline", "outlets", "search?q=pwned"):
        page.goto(f"{out.as_uri()}#/{view}")
        page.wait_for_timeout(500)
        _inert(watched)
    page.close()
