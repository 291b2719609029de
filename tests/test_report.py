"""'parallax report': one self-contained HTML file that opens offline and shows every view."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest
from playwright.sync_api import expect

from browser import WatchedPage, chromium
from conftest import CliRun
from parallax.report.build import script_json
from parallax.report.bundle import BundleError, bundle

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


def test_report_filters_and_search_work_without_a_server(
    analysed_seeds: Path, tmp_path: Path
) -> None:
    """In the report the data layer filters the embedded events itself: it must agree with the
    store's own filter (the CLI's), and search must find a document by its title."""
    run = CliRun(analysed_seeds)
    events = json.loads(run("events", "--format", "json").stdout)
    actor = Counter(e["actor_id"] for e in events if e["actor_id"]).most_common(1)[0][0]
    expected = len(json.loads(run("events", "--actor", actor, "--format", "json").stdout))
    assert 0 < expected < len(events)
    title = json.loads(run("docs", "--format", "json").stdout)[0]["title"]
    word = max(title.split(), key=len).strip("\"'“”:,.")
    out = tmp_path / "report.html"
    assert run("report", str(out)).exit_code == 0
    with chromium() as browser:
        watched = WatchedPage(browser, allowed_hosts=())
        page = watched.page
        page.goto(f"{out.as_uri()}#/timeline?actor={actor}")
        expect(page.locator("#event-count")).to_have_attribute("data-count", str(expected))
        assert page.locator("svg circle.event-dot").count() == expected
        page.goto(f"{out.as_uri()}#/search?q={word}")
        expect(page.locator(".result-title", has_text=title).first).to_be_visible()
        watched.clean()


def test_report_without_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    result = CliRun(tmp_path / "missing.duckdb")("report", str(tmp_path / "r.html"))
    assert result.exit_code == 2
    assert "no such database" in result.output
    assert len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "r.html").exists()


def test_embedded_json_cannot_end_its_script_element() -> None:
    hostile = {"text": "</script><script>alert(1)</script><!-- & -->", "n": 1}
    embedded = script_json(hostile)
    assert not set("<>&") & set(embedded)
    assert json.loads(embedded) == hostile


def test_bundle_orders_modules_and_refuses_syntax_it_cannot_inline(tmp_path: Path) -> None:
    (tmp_path / "app.js").write_text(
        'import { twice as double } from "./util.js";\nconsole.log(double(2));\n'
    )
    (tmp_path / "util.js").write_text("export function twice(n) {\n  return 2 * n;\n}\n")
    script = bundle(tmp_path)
    assert script.index('modules["util.js"] =') < script.index('modules["app.js"] =')
    assert 'const { twice: double } = modules["util.js"];' in script
    assert "export" not in script
    (tmp_path / "util.js").write_text("export default function twice(n) { return 2 * n; }\n")
    with pytest.raises(BundleError, match="cannot inline"):
        bundle(tmp_path)
    (tmp_path / "util.js").write_text('import { x } from "./app.js";\nexport const y = 1;\n')
    with pytest.raises(BundleError, match="circular import"):
        bundle(tmp_path)
