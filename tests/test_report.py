"""'parallax report': one self-contained HTML file that opens offline and shows every view."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import WatchedPage, chromium
from conftest import CliRun

pytestmark = [pytest.mark.slow, pytest.mark.model]


def test_report_is_one_file_that_renders_every_view_offline(
    analysed_seeds: Path, tmp_path: Path
) -> None:
    out = tmp_path / "report.html"
    result = CliRun(analysed_seeds)("report", str(out))
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    assert not re.search(r"<(script|link)[^>]+(src|href)=[\"']?(https?:)?//", html)
    assert 'id="parallax-data"' in html
    with chromium() as browser:
        watched = WatchedPage(browser, allowed_hosts=())  # nothing may leave the file
        page = watched.page
        page.goto(f"{out.as_uri()}#/timeline")
        expect(page.locator("svg circle.event-dot").first).to_be_visible()
        page.goto(f"{out.as_uri()}#/map")
        expect(page.locator("svg path").first).to_be_attached()
        assert page.locator("svg path").count() > 100
        page.goto(f"{out.as_uri()}#/network")
        expect(page.locator("svg g.edges path").first).to_be_attached()
        page.goto(f"{out.as_uri()}#/outlets")
        expect(page.locator("table.compare").first).to_be_visible()
        page.goto(f"{out.as_uri()}#/figures")
        expect(page.get_by_text(re.compile(r"\d+ groups? of figures")).first).to_be_visible()
        page.goto(f"{out.as_uri()}#/timeline")
        page.locator("svg circle.event-dot").first.click()
        expect(page.locator(".focus").first).to_be_visible()
        watched.clean()


def test_report_to_a_missing_folder_is_a_one_line_error(
    analysed_seeds: Path, tmp_path: Path
) -> None:
    result = CliRun(analysed_seeds)("report", str(tmp_path / "nowhere" / "r.html"))
    assert result.exit_code == 2
    assert "does not exist" in result.output
