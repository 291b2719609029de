"""'parallax outlets' and 'parallax compare' through the real CLI on a known two-outlet corpus."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from conftest import CliRun
from outlets_corpus import FRONT, WIRE, build
from parallax.store.db import connect

pytestmark = pytest.mark.model


@pytest.fixture(scope="module")
def cli(tmp_path_factory: pytest.TempPathFactory) -> CliRun:
    return CliRun(build(tmp_path_factory.mktemp("cli_outlets")))


def test_outlets_json_profiles_every_outlet(cli: CliRun) -> None:
    result = cli("outlets", "--format", "json")
    assert result.exit_code == 0, result.output
    profiles = {p["outlet"]: p for p in json.loads(result.stdout)}
    assert set(profiles) == {FRONT, WIRE}
    daesh = next(v for v in profiles[FRONT]["naming"]["isis"]["variants"] if v["name"] == "Daesh")
    assert daesh["count"] == 3
    assert profiles[WIRE]["voices"]["quotes"] == 0


def test_outlets_table_is_readable(cli: CliRun) -> None:
    result = cli("outlets")
    assert result.exit_code == 0, result.output
    assert "2 outlets" in result.stdout
    for text in (FRONT, WIRE, "Daesh 3", "ISIS 1", "militants 1"):
        assert text in result.stdout


def test_compare_json_and_table(cli: CliRun) -> None:
    result = cli("compare", "daily", "wire", "--format", "json")
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["outlets"] == [FRONT, WIRE]
    assert [p["outlet"] for p in data["profiles"]] == [FRONT, WIRE]
    table = cli("compare", "daily", "wire")
    assert table.exit_code == 0, table.output
    for title in ("Naming", "Voices", "Attribution verbs", "Stance toward actors", "Genre cues"):
        assert title in table.stdout
    assert "Islamic State names: Daesh" in table.stdout
    assert "Selection in story" in table.stdout  # the two outlets share a story


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("compare", "daily", "Nowhere"), "error: Nowhere: no outlet matches"),
        (("compare", "daily", "i"), "error: i: matches 2 outlets"),
        (("compare", "daily"), "give two or more different outlets"),
        (("outlets", "--story", "S9"), "error: S9: no such story"),
    ],
)
def test_bad_outlets_and_stories_are_one_line_errors(
    cli: CliRun, args: tuple[str, ...], message: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2
    assert message in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1


def test_an_empty_store_has_no_outlets(tmp_path: Path) -> None:
    connect(tmp_path / "empty.duckdb").close()  # a migrated store with nothing in it
    empty = CliRun(tmp_path / "empty.duckdb")
    result = empty("outlets", "--format", "json")
    assert result.exit_code == 0
    assert json.loads(result.stdout) == []
