"""The web UI in a real browser over a real server: every view shows the corpus, clicks lead to
the sentence, filters filter. PARALLAX_SCREENSHOTS=1 also writes docs/screenshots/*.png."""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser, expect

from browser import SCREENSHOTS, WatchedPage, chromium
from parallax.api.app import create_app
from parallax.api.server import running

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def base_url(analysed_seeds: Path) -> Iterator[str]:
    with running(create_app(analysed_seeds)) as url:
        yield url


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with chromium() as found:
        yield found


@pytest.fixture
def watched(browser: Browser) -> Iterator[WatchedPage]:
    page = WatchedPage(browser)
    yield page
    page.clean()
    page.page.close()


def _shoot(watched: WatchedPage, name: str) -> None:
    if os.environ.get("PARALLAX_SCREENSHOTS") == "1":
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        watched.page.screenshot(path=str(SCREENSHOTS / f"{name}.png"))


def _events_shown(watched: WatchedPage) -> int:
    title = watched.page.locator("#view").get_by_text(re.compile(r"^\d+ events?$")).first
    expect(title).to_be_visible()
    return int(title.inner_text().split()[0])


def test_timeline_draws_events_and_a_click_opens_the_highlighted_sentence(
    watched: WatchedPage, base_url: str
) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/timeline")
    dots = page.locator("svg circle.event-dot")
    expect(dots.first).to_be_visible()
    assert dots.count() > 20
    _shoot(watched, "timeline")
    dots.first.click()
    expect(page).to_have_url(re.compile(r"#/doc/[0-9a-f]+\?"))
    focus = page.locator(".focus").first
    expect(focus).to_be_visible()
    assert len(focus.inner_text().strip()) > 0
    _shoot(watched, "reader")


def test_timeline_filter_narrows_the_events(watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/timeline")
    everything = _events_shown(watched)
    page.get_by_label(re.compile("actor", re.IGNORECASE)).first.fill("Russia")
    page.get_by_role("button", name="Apply").click()
    expect(page).to_have_url(re.compile("actor=Russia"))
    title = page.locator("#view").get_by_text(re.compile(r"^\d+ events?$")).first
    expect(title).not_to_have_text(f"{everything} events")
    narrowed = _events_shown(watched)
    assert 0 < narrowed < everything


def test_map_renders_country_shapes_and_sized_places(watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/map")
    shapes = page.locator("svg path")
    expect(shapes.first).to_be_attached()
    assert shapes.count() > 100  # Natural Earth countries from the bundled TopoJSON
    places = page.locator("svg circle")
    assert places.count() > 5
    radii = {places.nth(i).get_attribute("r") for i in range(min(places.count(), 40))}
    assert len(radii) > 1  # sized by event count
    _shoot(watched, "map")


def test_network_draws_actors_and_coloured_ties(watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/network")
    expect(page.locator("svg").first).to_be_visible()
    expect(page.locator("svg text", has_text="Islamic State").first).to_be_visible()
    edges = page.locator("svg g.edges path")
    assert edges.count() > 3
    strokes = {edges.nth(i).get_attribute("stroke") for i in range(edges.count())}
    assert len(strokes - {None}) >= 2  # cooperation and conflict colours
    _shoot(watched, "network")


def test_outlet_comparison_shows_naming_voices_and_stance(
    watched: WatchedPage, base_url: str
) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/outlets")
    table = page.locator("table.compare").first
    expect(table).to_be_visible()
    for section in ("Naming", "Voices", "Attribution verbs", "Stance toward actors"):
        expect(table.get_by_text(re.compile(section, re.IGNORECASE)).first).to_be_visible()
    expect(page.get_by_text(re.compile("^Selection")).first).to_be_visible()
    toggle = table.locator("button.evidence-toggle").first
    toggle.click()
    link = table.locator("ol.evidence a").first
    expect(link).to_be_visible()
    _shoot(watched, "outlets")
    link.click()
    expect(page).to_have_url(re.compile(r"#/doc/"))


def test_figures_view_shows_claims_and_ranges(watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/figures")
    expect(page.get_by_text(re.compile(r"\d+ groups? of figures")).first).to_be_visible()
    assert page.get_by_text("LOW", exact=False).count() > 0
    _shoot(watched, "figures")


def test_search_finds_documents_and_records(watched: WatchedPage, base_url: str) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/timeline")
    box = page.get_by_role("searchbox")
    box.fill("Kerry")
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"#/search\?q=Kerry"))
    expect(page.get_by_text(re.compile(r"contain .Kerry.")).first).to_be_visible()
    _shoot(watched, "search")


def test_an_event_mention_leads_to_every_report_of_the_event(
    watched: WatchedPage, base_url: str
) -> None:
    page = watched.page
    page.goto(f"{base_url}/#/timeline")
    link = page.locator("a.merged-link").first
    expect(link).to_be_visible()
    reports = int(link.inner_text().split()[0])
    link.click()
    expect(page).to_have_url(re.compile(r"#/event/E"))
    expect(page.locator(".event-list li")).to_have_count(reports)


def test_merged_event_page_lists_its_mentions(watched: WatchedPage, base_url: str) -> None:
    import httpx

    first = httpx.get(f"{base_url}/api/merged-events", params={"limit": 1}).json()["items"][0]
    page = watched.page
    page.goto(f"{base_url}/#/event/{first['id']}")
    expect(page.get_by_text("Mentions").first).to_be_visible()
    expect(page.get_by_text(first["type"]).first).to_be_visible()
