"""The REST API over a real store, served by a real uvicorn server, called over HTTP."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from parallax.api.app import create_app
from parallax.api.server import running

pytestmark = [pytest.mark.slow, pytest.mark.model]


@pytest.fixture(scope="module")
def client(analysed_seeds: Path) -> Iterator[httpx.Client]:
    with running(create_app(analysed_seeds)) as url, httpx.Client(base_url=url, timeout=60) as c:
        yield c


def test_stats_count_what_the_store_holds(client: httpx.Client) -> None:
    stats = client.get("/api/stats").json()
    assert stats["documents"] == 5
    assert stats["events"] > 0
    assert stats["merged_events"] > 0
    assert stats["stories"] >= 1


def test_documents_page_and_one_document_follows_the_contract(client: httpx.Client) -> None:
    page = client.get("/api/documents", params={"limit": 2}).json()
    assert page["total"] == 5
    assert len(page["items"]) == 2
    rest = client.get("/api/documents", params={"limit": 2, "offset": 2}).json()["items"]
    assert {d["id"] for d in page["items"]}.isdisjoint({d["id"] for d in rest})
    doc = client.get(f"/api/documents/{page['items'][0]['id']}").json()
    assert set(doc) >= {"doc", "text", "segments", "entities", "events", "quotes"}
    for event in doc["events"]:
        assert doc["text"][event["start"] : event["end"]] == event["text"]


def test_event_filters_narrow_the_list(client: httpx.Client) -> None:
    everything = client.get("/api/events", params={"limit": 1000}).json()
    assault = client.get("/api/events", params={"type": "ASSAULT", "limit": 1000}).json()
    assert 0 < assault["total"] < everything["total"]
    assert {e["type"] for e in assault["items"]} == {"ASSAULT"}
    outlet = everything["items"][0]["outlet"]
    mine = client.get("/api/events", params={"outlet": outlet, "limit": 1000}).json()
    assert {e["outlet"] for e in mine["items"]} == {outlet}
    later = client.get("/api/events", params={"since": "2017-01-01", "limit": 1000}).json()
    assert later["total"] < everything["total"]


def test_merged_event_lists_its_mentions_side_by_side(client: httpx.Client) -> None:
    page = client.get("/api/merged-events", params={"limit": 5}).json()
    assert page["total"] > 0
    first = page["items"][0]
    found = client.get(f"/api/merged-events/{first['id']}").json()
    assert found["mention_count"] == len(found["mentions"]) == first["mentions"]
    assert all("outlet" in m and "text" in m for m in found["mentions"])


def test_network_map_actors_stories_outlets_and_reconciled_figures(client: httpx.Client) -> None:
    network = client.get("/api/network").json()
    ids = {n["id"] for n in network["nodes"]}
    assert network["edges"]
    assert all(e["source"] in ids and e["target"] in ids for e in network["edges"])
    places = client.get("/api/map").json()
    assert places
    assert all(-90 <= p["lat"] <= 90 and -180 <= p["lon"] <= 180 for p in places)
    assert client.get("/api/actors").json()["total"] > 0
    story = client.get("/api/stories").json()["items"][0]
    assert client.get(f"/api/stories/{story['id']}").json()["id"] == story["id"]
    outlets = client.get("/api/outlets").json()
    assert outlets["total"] == 5
    assert client.get("/api/figures/reconciled").json()["total"] > 0


def test_compare_two_outlets(client: httpx.Client) -> None:
    names = [d["outlet"] for d in client.get("/api/documents").json()["items"]][:2]
    found = client.get("/api/compare", params=[("outlet", n) for n in names])
    assert found.status_code == 200
    assert len(found.json()["outlets"]) == 2


def test_search_finds_documents_and_records(client: httpx.Client) -> None:
    found = client.get("/api/search", params={"q": "Kerry"}).json()
    assert found["documents"] or found["records"]
    for record in found["records"]:
        assert "kerry" in record["text"].lower()


def test_bad_input_is_a_4xx_with_a_message_never_a_500(client: httpx.Client) -> None:
    for path, params in [
        ("/api/events", {"type": "BOGUS"}),
        ("/api/events", {"limit": 0}),
        ("/api/events", {"since": "yesterday"}),
        ("/api/documents", {"offset": -1}),
    ]:
        answer = client.get(path, params=params)
        assert answer.status_code == 422, (path, params)
        assert answer.json()["detail"]
    for path in ("/api/documents/nope", "/api/merged-events/Enope", "/api/stories/Snope"):
        answer = client.get(path)
        assert answer.status_code == 404
        assert "nope" in answer.json()["detail"]


def test_hostile_query_text_comes_back_as_data_under_a_strict_policy(client: httpx.Client) -> None:
    answer = client.get("/api/search", params={"q": "<script>alert(1)</script>"})
    assert answer.status_code == 200
    assert answer.headers["content-type"].startswith("application/json")
    page = client.get("/")
    assert page.status_code == 200
    policy = page.headers["content-security-policy"]
    assert "script-src 'self'" in policy
    assert "unsafe-inline" not in policy
    assert page.headers["x-content-type-options"] == "nosniff"


def test_the_store_is_read_only_through_the_api(client: httpx.Client) -> None:
    assert client.post("/api/events").status_code == 405
    assert client.delete("/api/documents/x").status_code == 405
