"""The REST API over a real store, called over HTTP on a real uvicorn server.

The store is the analysed example corpus plus three articles of our own (known outlets, dates,
a made-up word and hostile markup), analysed through the CLI. Answers are checked against the
same store read directly with SQL, so nothing here depends on what the model extracts.
"""

from __future__ import annotations

import hashlib
import json
import shutil
import signal
import subprocess
import sys
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import duckdb
import httpx
import pytest

from conftest import REPO, CliRun
from parallax.api.app import CONTENT_SECURITY_POLICY, create_app
from parallax.api.server import running
from parallax.store.db import connect
from parallax.store.queries import load_analysis

pytestmark = [pytest.mark.slow, pytest.mark.model]

HOSTILE = "<script>alert('pwned')</script>"
IMG = '<img src=x onerror="alert(1)">'
WORD = "Zarqavel"  # made up: only our articles contain it
CRAFTED = [
    {
        "outlet": "Quillwire",
        "published": "2020-03-02",
        "title": f"Shelling near {WORD} {HOSTILE}",
        "text": f"Shelling near {WORD}\n\nSyrian government forces shelled {WORD} on Monday, "
        f"killing 12 civilians, a monitoring group said. A reader posted {HOSTILE} and {IMG} "
        "under the story.\n",
    },
    {
        "outlet": "Quillwire",
        "published": "2020-04-11",
        "title": "Talks in Geneva",
        "text": "Talks in Geneva\n\nRussia and Turkey agreed on Tuesday to extend the ceasefire "
        f"around {WORD}, the foreign ministers said in Geneva.\n",
    },
    {
        "outlet": "Harbour Courier",
        "published": "2020-05-20",
        "title": "Aid convoy reaches the north",
        "text": "Aid convoy reaches the north\n\nThe United Nations sent an aid convoy of 40 "
        "trucks to Idlib on Wednesday, officials said. Fighting 100% stopped, one said.\n",
    },
]


@pytest.fixture(scope="module")
def store(analysed_seeds: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("api")
    path = folder / "api.duckdb"
    shutil.copy(analysed_seeds, path)
    corpus = folder / "crafted.jsonl"
    corpus.write_text("".join(json.dumps(doc) + "\n" for doc in CRAFTED))
    result = CliRun(path)("analyze", str(corpus), "--format", "table")
    assert result.exit_code == 0, result.output
    # The cross-source passes (families, stories, merge); a no-op if 'analyze' already ran them.
    from parallax.corpus.update import update_corpus

    con = connect(path)
    try:
        update_corpus(con)
    finally:
        con.close()
    return path


@pytest.fixture(scope="module")
def http(store: Path) -> Iterator[httpx.Client]:
    with running(create_app(store)) as url, httpx.Client(base_url=url, timeout=60) as client:
        yield client


@pytest.fixture(scope="module")
def sql(store: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    con = duckdb.connect(str(store), read_only=True)
    yield con
    con.close()


def one(con: duckdb.DuckDBPyConnection, query: str, *params: object) -> Any:
    row = con.execute(query, list(params)).fetchone()
    assert row is not None
    return row[0]


def get(http: httpx.Client, path: str, **params: Any) -> Any:
    response = http.get(path, params=params)
    assert response.status_code == 200, f"{path} {params}: {response.text}"
    assert response.headers["content-type"].startswith("application/json")
    return response.json()


def everything(http: httpx.Client, path: str, **params: Any) -> list[dict[str, Any]]:
    """Every item of a list endpoint, read page by page."""
    items: list[dict[str, Any]] = []
    while True:
        page = get(http, path, limit=1000, offset=len(items), **params)
        items += page["items"]
        if len(items) >= page["total"] or not page["items"]:
            return items


LISTS = [
    "/api/documents",
    "/api/events",
    "/api/places",
    "/api/times",
    "/api/entities",
    "/api/figures",
    "/api/quotes",
    "/api/actors",
]


@pytest.mark.parametrize("path", LISTS)
def test_every_list_answers_a_page(http: httpx.Client, path: str) -> None:
    page = get(http, path, limit=3, offset=1)
    assert set(page) == {"total", "items", "limit", "offset"}
    assert (page["limit"], page["offset"]) == (3, 1)
    assert len(page["items"]) == min(3, max(0, page["total"] - 1))
    assert page["total"] > 0


@pytest.mark.parametrize("kind", ["events", "places", "times", "entities", "figures", "quotes"])
def test_record_totals_match_the_store(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection, kind: str
) -> None:
    assert get(http, f"/api/{kind}", limit=1)["total"] == one(sql, f"SELECT count(*) FROM {kind}")
    ours = get(http, f"/api/{kind}", outlet="quillwire", limit=1000)
    expected = one(
        sql,
        f"SELECT count(*) FROM {kind} r JOIN documents d ON d.id = r.doc_id "
        "WHERE d.outlet = 'Quillwire'",
    )
    assert ours["total"] == expected
    assert all(row["outlet"] == "Quillwire" for row in ours["items"])
    for row in ours["items"]:  # provenance: the text is the document's own span
        doc_text = one(sql, "SELECT text FROM documents WHERE id = ?", row["doc_id"])
        assert doc_text[row["start"] : row["end"]] == row["text"]


def test_pages_tile_the_whole_list(http: httpx.Client) -> None:
    whole = everything(http, "/api/events")
    assert len(whole) == get(http, "/api/events", limit=1)["total"]
    paged: list[dict[str, Any]] = []
    for offset in range(0, len(whole), 37):
        paged += get(http, "/api/events", limit=37, offset=offset)["items"]
    assert paged == whole
    beyond = get(http, "/api/events", limit=5, offset=len(whole) + 10)
    assert beyond["items"] == []
    assert beyond["total"] == len(whole)


def test_documents_filter_by_outlet_and_text(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    listed = get(http, "/api/documents")
    assert listed["total"] == one(sql, "SELECT count(*) FROM documents")
    quill = get(http, "/api/documents", outlet="QUILL")
    assert [d["title"] for d in quill["items"]] == [CRAFTED[0]["title"], "Talks in Geneva"]
    assert quill["items"][0]["published"] == "2020-03-02"
    found = get(http, "/api/documents", q=WORD.lower())
    assert {d["outlet"] for d in found["items"]} == {"Quillwire"}
    assert found["total"] == 2
    # a literal substring: "%" is a character, not a wildcard
    assert [d["title"] for d in get(http, "/api/documents", q="100%")["items"]] == [
        "Aid convoy reaches the north"
    ]


def test_event_filters_keep_only_matching_rows(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    assaults = everything(http, "/api/events", type="assault")
    assert len(assaults) == one(sql, "SELECT count(*) FROM events WHERE type = 'ASSAULT'")
    assert {e["type"] for e in assaults} == {"ASSAULT"}
    conflict = get(http, "/api/events", quad="conflict", limit=1)["total"]
    verbal = get(http, "/api/events", quad="verbal conflict", limit=1)["total"]
    material = get(http, "/api/events", quad="material conflict", limit=1)["total"]
    assert (
        conflict
        == verbal + material
        == one(sql, "SELECT count(*) FROM events WHERE quad LIKE '% conflict'")
    )
    for status in ("asserted", "reported"):
        rows = everything(http, "/api/events", status=status)
        assert {e["status"] for e in rows} <= {status}
        assert len(rows) == one(sql, "SELECT count(*) FROM events WHERE status = ?", status)
    doc_id = one(sql, "SELECT id FROM documents WHERE title = 'Talks in Geneva'")
    in_doc = everything(http, "/api/events", doc=doc_id)
    assert {e["doc_id"] for e in in_doc} <= {doc_id}
    assert all(e["title"] == "Talks in Geneva" for e in in_doc)
    assert len(in_doc) == one(sql, "SELECT count(*) FROM events WHERE doc_id = ?", doc_id)


def test_event_date_window_uses_the_event_or_its_document(http: httpx.Client) -> None:
    since, until = "2020-01-01", "2020-04-30"
    window = everything(http, "/api/events", since=since, until=until)
    assert window, "our March and April articles report events"
    for event in window:
        latest = (event["date_latest"] or event["published"])[:10]
        earliest = (event["date_earliest"] or event["published"])[:10]
        assert latest >= since, event
        assert earliest <= until, event
    harbour = everything(http, "/api/events", outlet="Harbour", until=until)
    assert all((e["date_earliest"] or "0000")[:10] <= until for e in harbour)


def test_text_filter_is_literal_and_case_blind(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    expected = one(sql, "SELECT count(*) FROM entities WHERE contains(lower(text), lower(?))", WORD)
    rows = everything(http, "/api/entities", q=WORD.upper())
    assert len(rows) == expected
    assert all(WORD.lower() in r["text"].lower() for r in rows)
    assert get(http, "/api/quotes", q="%")["total"] == one(
        sql, "SELECT count(*) FROM quotes WHERE contains(text, '%')"
    )


def test_document_detail_is_the_analyze_contract(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    doc_id = one(sql, "SELECT id FROM documents WHERE title = 'Aid convoy reaches the north'")
    expected = load_analysis(sql, doc_id)
    assert expected is not None
    assert get(http, f"/api/documents/{doc_id}") == expected.to_dict()
    assert get(http, f"/api/documents/{doc_id[:10]}")["doc"]["id"] == doc_id  # unique prefix


@pytest.mark.parametrize(
    "path",
    [
        "/api/documents/0000000000000000",
        "/api/documents/no-such-document",
        "/api/merged-events/no-such-event",
        "/api/stories/no-such-story",
        "/api/nothing-here",
    ],
)
def test_unknown_ids_are_404_with_a_message(http: httpx.Client, path: str) -> None:
    response = http.get(path)
    assert response.status_code == 404
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail


@pytest.mark.parametrize(
    ("path", "params", "named"),
    [
        ("/api/events", {"limit": 0}, "limit"),
        ("/api/events", {"limit": 1001}, "limit"),
        ("/api/events", {"limit": "ten"}, "limit"),
        ("/api/documents", {"offset": -1}, "offset"),
        ("/api/events", {"since": "2020-02-30"}, "since"),
        ("/api/network", {"until": "last week"}, "until"),
        ("/api/map", {"since": "20200101"}, "since"),
        ("/api/events", {"type": "BOMBARD"}, "type"),
        ("/api/events", {"status": "rumoured"}, "status"),
        ("/api/events", {"quad": "hostility"}, "quad"),
        ("/api/events", {"country": "SYRIA"}, "country"),
        ("/api/places", {"segment": "footer"}, "segment"),
        ("/api/search", {}, "q"),
        ("/api/search", {"q": ""}, "q"),
        ("/api/documents", {"q": "x" * 201}, "q"),
        ("/api/merged-events", {"type": "nope"}, "type"),
        ("/api/figures/reconciled", {"quantity": "sheep"}, "quantity"),
        ("/api/compare", {"outlet": "Quillwire"}, "outlet"),
    ],
)
def test_bad_parameters_are_422_naming_the_parameter(
    http: httpx.Client, path: str, params: dict[str, Any], named: str
) -> None:
    response = http.get(path, params=params)
    assert response.status_code == 422, response.text
    detail = response.json()["detail"]
    assert isinstance(detail, str)
    assert detail.startswith(f"{named}: "), detail
    assert "\n" not in detail


def test_hostile_input_comes_back_as_data(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    response = http.get("/api/search", params={"q": HOSTILE})
    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
    assert response.headers["x-content-type-options"] == "nosniff"
    assert response.headers["referrer-policy"] == "no-referrer"
    found = response.json()
    assert found["q"] == HOSTILE
    hit = found["documents"][0]
    assert hit["title"] == CRAFTED[0]["title"]
    text = one(sql, "SELECT text FROM documents WHERE id = ?", hit["id"])
    assert text[hit["start"] : hit["end"]] == HOSTILE
    assert HOSTILE in hit["snippet"]
    document = get(http, f"/api/documents/{hit['id']}")
    assert HOSTILE in document["text"]
    assert IMG in document["text"]
    assert document["doc"]["title"] == CRAFTED[0]["title"]
    for params in ({"q": HOSTILE}, {"outlet": IMG}, {"actor": "'; DROP TABLE events; --"}):
        assert http.get("/api/events", params=params).status_code == 200
    assert get(http, "/api/stats")["events"] == one(sql, "SELECT count(*) FROM events")


def test_search_ranks_title_hits_and_finds_records(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    found = get(http, "/api/search", q=WORD.lower(), limit=50)
    titles = [d["title"] for d in found["documents"]]
    assert titles == [CRAFTED[0]["title"], "Talks in Geneva"]  # the title hit first
    for hit in found["documents"]:
        text = one(sql, "SELECT text FROM documents WHERE id = ?", hit["id"])
        assert hit["hits"] == text.count(WORD)
        assert text[hit["start"] : hit["end"]] == WORD
    assert found["records"], "the made-up place is in sentences the records keep"
    assert all(WORD.lower() in r["text"].lower() for r in found["records"])
    lengths = [len(r["text"]) for r in found["records"] if r["text"].lower() != WORD.lower()]
    assert lengths == sorted(lengths)
    assert len(get(http, "/api/search", q="the", limit=2)["records"]) == 2


def test_network_edges_split_cooperation_and_conflict(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    graph = get(http, "/api/network")
    ids = {n["id"] for n in graph["nodes"]}
    for edge in graph["edges"]:
        assert {edge["source"], edge["target"]} <= ids
        assert (
            edge["cooperation"] + edge["conflict"] == edge["events"] == sum(edge["types"].values())
        )
    coded = "actor_id IS NOT NULL AND recipient_actor_id IS NOT NULL"
    assert sum(e["events"] for e in graph["edges"]) == one(
        sql, f"SELECT count(*) FROM events WHERE {coded}"
    )
    assert sum(e["conflict"] for e in graph["edges"]) == one(
        sql, f"SELECT count(*) FROM events WHERE {coded} AND quad LIKE '% conflict'"
    )
    assert ids == {
        r[0]
        for r in sql.execute(
            "SELECT actor_id FROM events WHERE actor_id IS NOT NULL UNION "
            "SELECT recipient_actor_id FROM events WHERE recipient_actor_id IS NOT NULL"
        ).fetchall()
    }
    ours = get(http, "/api/network", outlet="Quillwire", since="2020-01-01")
    assert sum(n["events"] for n in ours["nodes"]) <= sum(n["events"] for n in graph["nodes"])
    nothing = get(http, "/api/network", outlet="no outlet is called this")
    assert nothing == {"nodes": [], "edges": []}


def test_map_counts_mentions_and_events(http: httpx.Client, sql: duckdb.DuckDBPyConnection) -> None:
    places = get(http, "/api/map")
    located = "geonameid IS NOT NULL AND lat IS NOT NULL AND lon IS NOT NULL"
    assert sum(p["mentions"] for p in places) == one(
        sql, f"SELECT count(*) FROM places WHERE {located}"
    )
    assert len({p["geonameid"] for p in places}) == len(places)
    ours = get(http, "/api/map", outlet="Harbour Courier")
    expected = one(
        sql,
        f"SELECT count(*) FROM places r JOIN documents d ON d.id = r.doc_id WHERE {located} "
        "AND d.outlet = 'Harbour Courier'",
    )
    assert sum(p["mentions"] for p in ours) == expected
    assert get(http, "/api/map", since="2030-01-01") == []


def test_actors_and_stats_count_what_the_store_holds(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    actors = everything(http, "/api/actors")
    assert len(actors) == one(
        sql,
        "SELECT count(*) FROM (SELECT actor_id FROM entities WHERE actor_id IS NOT NULL UNION "
        "SELECT actor_id FROM events WHERE actor_id IS NOT NULL UNION "
        "SELECT recipient_actor_id FROM events WHERE recipient_actor_id IS NOT NULL)",
    )
    for actor in actors[:5]:
        assert actor["mentions"] == one(
            sql, "SELECT count(*) FROM entities WHERE actor_id = ?", actor["actor_id"]
        )
        assert actor["events_as_recipient"] == one(
            sql, "SELECT count(*) FROM events WHERE recipient_actor_id = ?", actor["actor_id"]
        )
    stats = get(http, "/api/stats")
    for table in ("documents", "entities", "places", "quotes", "events", "merged_events"):
        assert stats[table] == one(sql, f"SELECT count(*) FROM {table}")
    assert stats["outlets"] == one(sql, "SELECT count(DISTINCT outlet) FROM documents")
    assert stats["last_published"] == "2020-05-20"


def test_concurrent_requests_each_get_their_own_cursor(http: httpx.Client) -> None:
    # FastAPI runs routes in a thread pool; a shared DuckDB connection would garble answers.
    paths = ["/api/events?limit=50", "/api/network", "/api/map", "/api/actors", "/api/stats"]
    expected = {path: http.get(path).json() for path in paths}

    def fetch(path: str) -> bool:
        return bool(http.get(path).json() == expected[path])

    with ThreadPoolExecutor(max_workers=8) as pool:
        answers = list(pool.map(fetch, paths * 8))
    assert all(answers)


def test_read_only_methods_and_store(http: httpx.Client, store: Path) -> None:
    for method in ("POST", "PUT", "DELETE"):
        assert http.request(method, "/api/documents").status_code == 405
    copy = store.parent / "untouched.duckdb"
    shutil.copy(store, copy)
    before = hashlib.sha256(copy.read_bytes()).hexdigest()
    with running(create_app(copy)) as url, httpx.Client(base_url=url, timeout=60) as client:
        for path in ("/api/events", "/api/network", "/api/search?q=Geneva", "/api/stats"):
            assert client.get(path).status_code == 200
    assert hashlib.sha256(copy.read_bytes()).hexdigest() == before
    assert not copy.with_suffix(".duckdb.wal").exists()


def test_the_web_ui_is_served_with_strict_headers(store: Path, tmp_path: Path) -> None:
    page = "<!doctype html><title>UI</title><script src=/static/app.js></script>"
    (tmp_path / "index.html").write_text(page)
    (tmp_path / "app.js").write_text("document.title = 'ok';\n")
    with (
        running(create_app(store, static_dir=tmp_path)) as url,
        httpx.Client(base_url=url, timeout=60) as client,
    ):
        home = client.get("/")
        assert home.status_code == 200
        assert home.text == page
        assert home.headers["content-type"].startswith("text/html")
        assert home.headers["content-security-policy"] == CONTENT_SECURITY_POLICY
        script = client.get("/static/app.js")
        assert script.status_code == 200
        assert "javascript" in script.headers["content-type"]
        assert script.headers["x-content-type-options"] == "nosniff"
        assert client.get("/static/../../etc/passwd").status_code == 404
        assert client.get("/static/missing.js").status_code == 404
    (tmp_path / "index.html").unlink()
    with running(create_app(store, static_dir=tmp_path)) as url:
        missing = httpx.get(f"{url}/", timeout=60)
        assert missing.status_code == 404
        assert "index.html is missing" in missing.json()["detail"]


def test_serve_command_prints_its_url_and_answers(
    store: Path, sql: duckdb.DuckDBPyConnection
) -> None:
    server = subprocess.Popen(
        [sys.executable, "-m", "parallax", "--db", str(store), "serve", "--port", "0"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        cwd=REPO,
    )
    try:
        assert server.stdout is not None
        line = server.stdout.readline()
        assert line.startswith("Parallax on http://127.0.0.1:"), line
        url = line.split()[2].rstrip("/")
        stats = httpx.get(f"{url}/api/stats", timeout=60).json()
        assert stats["documents"] == one(sql, "SELECT count(*) FROM documents")
    finally:
        server.send_signal(signal.SIGINT)
        server.wait(timeout=30)
    assert server.returncode == 0, server.stderr.read() if server.stderr else ""


def test_serve_without_a_database_is_a_one_line_error(tmp_path: Path) -> None:
    missing = tmp_path / "none.duckdb"
    result = CliRun(missing)("serve", "--port", "0")
    assert result.exit_code == 2
    assert result.output.strip().splitlines() == [
        f"error: {missing}: no such database; run 'parallax ingest' or 'analyze' first"
    ]


# The cross-source routes come last: they call parallax.corpus, written alongside this API.


def test_merged_events_list_and_detail(http: httpx.Client, sql: duckdb.DuckDBPyConnection) -> None:
    merged = everything(http, "/api/merged-events")
    assert len(merged) == one(sql, "SELECT count(*) FROM merged_events") > 0
    first = get(http, f"/api/merged-events/{merged[0]['id']}")
    mentions = first["mentions"]
    assert len(mentions) == one(
        sql, "SELECT count(*) FROM event_mentions WHERE event_id = ?", merged[0]["id"]
    )
    assert all({"doc_id", "outlet", "title", "text"} <= set(m) for m in mentions)
    assaults = everything(http, "/api/merged-events", type="ASSAULT")
    assert {m["type"] for m in assaults} <= {"ASSAULT"}
    ours = get(http, "/api/merged-events", outlet="Quillwire", limit=1000)
    assert ours["total"] == one(
        sql,
        "SELECT count(DISTINCT m.event_id) FROM event_mentions m JOIN documents d "
        "ON d.id = m.doc_id WHERE d.outlet = 'Quillwire'",
    )


def test_stories_outlets_compare_and_reconciled_figures(
    http: httpx.Client, sql: duckdb.DuckDBPyConnection
) -> None:
    stories = everything(http, "/api/stories")
    assert len(stories) == one(sql, "SELECT count(*) FROM stories") > 0
    story = get(http, f"/api/stories/{stories[0]['id']}")
    assert story["id"] == stories[0]["id"]
    outlets = everything(http, "/api/outlets")
    assert len(outlets) == one(sql, "SELECT count(DISTINCT outlet) FROM documents")
    compared = http.get("/api/compare", params={"outlet": ["Quillwire", "Harbour Courier"]})
    assert compared.status_code == 200, compared.text
    assert sorted(compared.json()["outlets"]) == ["Harbour Courier", "Quillwire"]
    same = http.get("/api/compare", params={"outlet": ["Quillwire", "quillwire"]})
    assert same.status_code in (400, 404)  # one outlet named twice: nothing to compare
    assert "two or more" in same.json()["detail"]
    figures = everything(http, "/api/figures/reconciled", quantity="killed")
    assert figures
    assert all(g["quantity"] == "killed" for g in figures)
    assert any(c["outlet"] == "Quillwire" for g in figures for c in g["claims"])
