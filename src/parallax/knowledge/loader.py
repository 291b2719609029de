"""Read the shipped knowledge YAML and a user's overlays, with errors naming file and line.

Users extend the actor list with their own YAML (``--kb FILE`` or ``PARALLAX_KB``). One file may
hold any of five sections; an entry whose ``id`` (or region ``name``) is already known replaces
the shipped one, a new one is added, and state names are added to the shipped lists:

.. code-block:: yaml

    organisations: [{id: MY_MILITIA, name: My Militia, sector: REB, aliases: [MM]}]
    people: [{id: JANE_ROE, name: Jane Roe, roles: [{title: governor, kind: official,
              country: IRQ, start: 2016-01-01}]}]
    states: {IRQ: {adjectives: [Iraqi]}}
    regions: [{name: Zummar, country: IRQ, lat: 36.6, lon: 42.5, feature_class: P}]
    sectors: {UAF: {cues: [lashkar]}}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

import yaml
from pydantic import BaseModel, ValidationError

from parallax.errors import KnowledgeError
from parallax.knowledge.models import SECTORS, Organisation, Person, Region, SectorCues, StateNames

DATA_DIR = Path(__file__).resolve().parent / "data"
SECTIONS = ("organisations", "people", "states", "regions", "sectors")
_LINE = "__line__"

M = TypeVar("M", bound=BaseModel)


class _LineLoader(yaml.SafeLoader):
    """A safe loader that remembers the line each mapping starts on."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        mapping[_LINE] = node.start_mark.line + 1
        return mapping


def _strip_lines(value: Any) -> Any:
    if isinstance(value, dict):
        return {k: _strip_lines(v) for k, v in value.items() if k != _LINE}
    if isinstance(value, list):
        return [_strip_lines(v) for v in value]
    return value


@dataclass
class KnowledgeBase:
    """All actors and regions known, after overlays; the resolver indexes this."""

    states: dict[str, StateNames] = field(default_factory=dict)
    organisations: dict[str, Organisation] = field(default_factory=dict)
    people: dict[str, Person] = field(default_factory=dict)
    regions: dict[str, Region] = field(default_factory=dict)
    sectors: dict[str, SectorCues] = field(default_factory=dict)
    sources: list[Path] = field(default_factory=list)


def _read(path: Path) -> Any:
    try:
        text = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KnowledgeError(f"{path}: knowledge file not found") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KnowledgeError(f"{path}: cannot read knowledge file ({exc})") from None
    try:
        return yaml.load(text, Loader=_LineLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f":{mark.line + 1}" if mark is not None else ""
        problem = getattr(exc, "problem", None) or str(exc).splitlines()[0]
        raise KnowledgeError(f"{path}{where}: not valid YAML ({problem})") from None


def _entry(model: type[M], raw: Any, path: Path, section: str) -> M:
    line = raw.get(_LINE, "?") if isinstance(raw, dict) else "?"
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{path}: every {section} entry must be a mapping, got {raw!r}")
    try:
        return model.model_validate(_strip_lines(raw))
    except ValidationError as exc:
        first = exc.errors()[0]
        where = ".".join(str(p) for p in first["loc"])
        message = first["msg"].removeprefix("Value error, ")
        raise KnowledgeError(f"{path}:{line}: {section} entry: {where}: {message}") from None


def _entries(raw: Any, path: Path, section: str) -> list[Any]:
    if raw is None:
        return []
    if not isinstance(raw, list):
        raise KnowledgeError(f"{path}: section {section!r} must be a list of entries")
    return raw


def _merge_section(kb: KnowledgeBase, section: str, raw: Any, path: Path) -> None:
    if section == "organisations":
        for item in _entries(raw, path, section):
            org = _entry(Organisation, item, path, section)
            kb.organisations[org.id] = org
    elif section == "people":
        for item in _entries(raw, path, section):
            person = _entry(Person, item, path, section)
            kb.people[person.id] = person
    elif section == "regions":
        for item in _entries(raw, path, section):
            region = _entry(Region, item, path, section)
            kb.regions[region.name] = region
    elif section == "sectors":
        _merge_sectors(kb, raw, path)
    else:
        if not isinstance(raw, Mapping):
            raise KnowledgeError(f"{path}: section 'states' must map ISO3 codes to names")
        for code, item in raw.items():
            if code == _LINE:
                continue
            names = _entry(StateNames, item, path, f"states.{code}")
            old = kb.states.get(str(code))
            if old is not None:
                names = StateNames(
                    names=[*old.names, *names.names],
                    adjectives=[*old.adjectives, *names.adjectives],
                    demonyms=[*old.demonyms, *names.demonyms],
                )
            kb.states[str(code)] = names


def _merge_sectors(kb: KnowledgeBase, raw: Any, path: Path) -> None:
    """Cues are added to a sector's list; a sector code must be one PLOVER/CAMEO knows."""
    if not isinstance(raw, Mapping):
        raise KnowledgeError(f"{path}: section 'sectors' must map sector codes to cues")
    for code, item in raw.items():
        if code == _LINE:
            continue
        if code not in SECTORS:
            line = item.get(_LINE, "?") if isinstance(item, Mapping) else "?"
            raise KnowledgeError(
                f"{path}:{line}: sectors entry: {code!r} is not one of {', '.join(sorted(SECTORS))}"
            )
        cues = _entry(SectorCues, item, path, f"sectors.{code}")
        old = kb.sectors.get(str(code))
        if old is not None:
            cues = SectorCues(name=cues.name or old.name, cues=[*old.cues, *cues.cues])
        kb.sectors[str(code)] = cues


def load_overlay(kb: KnowledgeBase, path: Path) -> None:
    """Add or replace entries from a user's YAML file (see the module docstring)."""
    raw = _read(path)
    if raw is None:
        return
    if not isinstance(raw, dict):
        raise KnowledgeError(f"{path}: expected a mapping with sections {', '.join(SECTIONS)}")
    unknown = [k for k in raw if k not in (*SECTIONS, _LINE)]
    if unknown:
        raise KnowledgeError(
            f"{path}:{raw[_LINE]}: unknown section {unknown[0]!r} "
            f"(expected one of {', '.join(SECTIONS)})"
        )
    for section in SECTIONS:
        if section in raw:
            _merge_section(kb, section, raw[section], path)
    kb.sources.append(path)


def load_knowledge(overlays: Iterable[Path] = ()) -> KnowledgeBase:
    """The shipped knowledge base with the user's overlay files applied in order."""
    kb = KnowledgeBase()
    for section in SECTIONS:
        path = DATA_DIR / f"{section}.yaml"
        if path.exists():
            _merge_section(kb, section, _read(path), path)
            kb.sources.append(path)
    for overlay in overlays:
        load_overlay(kb, Path(overlay))
    return kb
