"""Shared fixtures: a real DuckDB file per test, the real CLI in-process and as a subprocess."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
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


@pytest.fixture
def run(db: Path) -> Callable[..., Result]:
    """Invoke the real click command in-process against the test database."""
    runner = CliRunner()

    def invoke(*args: str, input: bytes | str | None = None) -> Result:
        return runner.invoke(cli, ["--db", str(db), *args], input=input, catch_exceptions=False)

    return invoke


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
