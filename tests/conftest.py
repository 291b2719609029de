"""Shared fixtures: a real DuckDB file per test, the real CLI in-process and as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from parallax.cli import cli

REPO = Path(__file__).resolve().parent.parent
EXAMPLES = REPO / "examples" / "corpus"


@pytest.fixture
def db(tmp_path: Path) -> Path:
    """A path for a fresh database file."""
    return tmp_path / "test.duckdb"


class CliRun:
    """The real click command invoked in-process against one test database."""

    def __init__(self, db: Path) -> None:
        self.db = db
        self.runner = CliRunner()

    def __call__(self, *args: str, input: bytes | str | None = None) -> Result:
        return self.runner.invoke(
            cli, ["--db", str(self.db), *args], input=input, catch_exceptions=False
        )


@pytest.fixture
def run(db: Path) -> CliRun:
    """Invoke the CLI in-process: ``run("docs", "--format", "json")``."""
    return CliRun(db)


def run_subprocess(
    *args: str, db: Path, input: bytes | None = None, timeout: float = 120
) -> subprocess.CompletedProcess[bytes]:
    """Run ``python -m parallax`` as a real process, as a user would."""
    env = {**os.environ, "PYTHONUNBUFFERED": "1"}
    return subprocess.run(
        [sys.executable, "-m", "parallax", "--db", str(db), *args],
        input=input,
        capture_output=True,
        timeout=timeout,
        env=env,
        check=False,
    )


@pytest.fixture
def seeds() -> Path:
    """The bundled example corpus (five scraped articles and their manifest)."""
    return EXAMPLES


@pytest.fixture(scope="session")
def analysed_seeds(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A database with the example corpus analysed through the real CLI (once per session).

    Read it only (``read_only=True``, or the read commands); copy it for a test that writes."""
    path = tmp_path_factory.mktemp("seeds") / "seeds.duckdb"
    result = CliRun(path)("analyze", str(EXAMPLES), "--format", "table")
    assert result.exit_code == 0, result.output
    return path
