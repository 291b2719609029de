"""Documentation stays true: every command and option is documented, the schema is current."""

from __future__ import annotations

import json
from pathlib import Path

import click
import pytest

from parallax.cli import cli
from parallax.schema import json_schema

DOCS = Path(__file__).resolve().parent.parent / "docs"
README = DOCS.parent / "README.md"


@pytest.mark.parametrize("name", sorted(cli.commands))
def test_every_command_and_option_is_documented(name: str) -> None:
    reference = (DOCS / "cli.md").read_text()
    assert f"`parallax {name}" in reference
    command = cli.commands[name]
    assert command.help, f"{name} has no help text"
    for param in command.params:
        if isinstance(param, click.Option):
            assert any(opt in reference for opt in param.opts), f"{name} {param.opts}"


def test_global_options_documented() -> None:
    reference = (DOCS / "cli.md").read_text()
    for param in cli.params:
        if isinstance(param, click.Option) and param.name != "version":
            assert any(opt in reference for opt in param.opts)


def test_published_json_schema_is_current() -> None:
    published = json.loads((DOCS / "analysis.schema.json").read_text())
    assert published == json_schema(), "run `make schema-docs`"


def test_readme_opens_with_the_two_commands() -> None:
    text = README.read_text()
    first_code = text.split("```", 2)[1]
    assert [line.strip() for line in first_code.strip().splitlines()[1:]] == [
        "make demo",
        "make test",
    ]
