"""The shipped knowledge base validates, and users' overlays add, replace and fail clearly."""

from __future__ import annotations

from pathlib import Path

import pycountry
import pytest

from parallax.errors import KnowledgeError
from parallax.knowledge.loader import load_knowledge


def write(tmp_path: Path, text: str, name: str = "mine.yaml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_shipped_knowledge_loads_and_covers_every_state() -> None:
    kb = load_knowledge()
    assert {c.alpha_3 for c in pycountry.countries} <= set(kb.states)
    assert len(kb.organisations) >= 50
    assert len(kb.people) >= 100
    assert len(kb.regions) >= 50
    sectors = {o.sector for o in kb.organisations.values()}
    assert {"IGO", "INS"} <= sectors


def test_shipped_ids_are_unique_across_files() -> None:
    kb = load_knowledge()
    assert not set(kb.organisations) & set(kb.people)
    orgs = set(kb.organisations)
    for person in kb.people.values():
        for role in person.roles:
            assert role.org is None or role.org in orgs, (person.id, role.org)


def test_overlay_adds_and_replaces(tmp_path: Path) -> None:
    overlay = write(
        tmp_path,
        """
organisations:
  - {id: ZUMMAR_GUARDS, name: Zummar Guards, sector: UAF, country: IRQ, aliases: [the Guards]}
  - {id: ISIS, name: Islamic State (my name), sector: INS, aliases: [IS]}
states:
  IRQ: {adjectives: [Mesopotamian]}
regions:
  - {name: Zummar, country: IRQ, lat: 36.6, lon: 42.5, feature_class: P}
""",
    )
    kb = load_knowledge([overlay])
    assert kb.organisations["ZUMMAR_GUARDS"].country == "IRQ"
    assert kb.organisations["ISIS"].name == "Islamic State (my name)"
    assert "Mesopotamian" in kb.states["IRQ"].adjectives
    assert "Iraqi" in kb.states["IRQ"].adjectives  # added to, not replaced
    assert kb.regions["Zummar"].lat == 36.6
    assert overlay in kb.sources


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("people:\n  - id: bad id\n    name: X\n", r"mine\.yaml:2: people entry: id: .*upper-case"),
        (
            "people:\n  - id: X\n    name: X\n    roles:\n"
            "      - {title: king, kind: head_of_state, start: 2016-01-01, end: 2015-01-01}\n",
            r"mine\.yaml:2: .*ends \(2015-01-01\) before it starts",
        ),
        (
            "organisations:\n  - {id: A, name: A, country: Iraq}\n",
            r"mine\.yaml:2: .*country: .*'Iraq' is not an ISO 3166-1 alpha-3",
        ),
        ("organisations:\n  - {id: A, name: A, sector: ARMY}\n", r"mine\.yaml:2: .*sector"),
        ("actors:\n  - {id: A}\n", r"mine\.yaml:1: unknown section 'actors'"),
        ("people: [\n", r"mine\.yaml:2: not valid YAML"),
        ("organisations: {id: A}\n", r"mine\.yaml: section 'organisations' must be a list"),
        ("- just a list\n", r"mine\.yaml: expected a mapping with sections"),
        ("regions:\n  - {name: X, lat: 95, lon: 0}\n", r"mine\.yaml:2: .*lat"),
        ("sectors:\n  ARMY: {cues: [x]}\n", r"mine\.yaml:2: sectors entry: 'ARMY' is not one of"),
        ("sectors:\n  MIL: {cues: x, colour: red}\n", r"mine\.yaml:2: sectors\.MIL entry: "),
    ],
)
def test_bad_overlays_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    with pytest.raises(KnowledgeError, match=message):
        load_knowledge([write(tmp_path, text)])


def test_missing_overlay_is_named(tmp_path: Path) -> None:
    with pytest.raises(KnowledgeError, match=r"nothere\.yaml: knowledge file not found"):
        load_knowledge([tmp_path / "nothere.yaml"])


def test_empty_overlay_changes_nothing(tmp_path: Path) -> None:
    base = load_knowledge()
    kb = load_knowledge([write(tmp_path, "")])
    assert set(kb.organisations) == set(base.organisations)
