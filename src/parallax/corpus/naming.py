"""Which names an outlet uses for the same actor: "Daesh" or "ISIS", "regime" or "government".

The choice of a name is a stance taken before any sentence is written, so an outlet profile
counts it: the groups of alternative names and descriptors in ``knowledge/data/naming.yaml``
are counted in the outlet's article text (title and body), whole words only, the longest
alternative winning where two overlap. Short all-capital forms ("IS", "ISIL") match only as
written and never inside an all-capitals headline, where "IS" is just "is". Beside the lexicon,
the surface forms the entity recogniser linked to each actor (``entities.actor_id``) show the
naming of every actor the knowledge base knows, not only the ones the lexicon lists.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Any

import duckdb
import yaml

from parallax.corpus.evidence import ARTICLE_SEGMENTS, ArticleText, Tally, placeholders
from parallax.knowledge.loader import DATA_DIR

NAMING_FILE = DATA_DIR / "naming.yaml"
_CAPS_WORD = re.compile(r"\b[A-Z]{2,}\b")
_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True)
class Variant:
    """One way of naming: "Daesh" (with its spellings Da'esh, Daish …)."""

    name: str
    forms: tuple[str, ...]
    exact: bool


@dataclass(frozen=True)
class NameGroup:
    """Alternative names for one actor or thing, and the pattern that finds any of them."""

    id: str
    label: str
    actor: str | None
    variants: tuple[Variant, ...]
    pattern: re.Pattern[str]
    #: regex group name -> index of the variant it belongs to
    slots: dict[str, int]
    #: the words of case-exact forms ("ISIS", "IS"): acronyms, not headline capitals
    exact_words: frozenset[str]


@dataclass(frozen=True)
class NameHit:
    """A name found in a text: its group, variant and span."""

    group: str
    variant: str
    start: int
    end: int
    text: str


def _form_regex(form: str, exact: bool) -> str:
    body = r"\s+".join(re.escape(w) for w in form.split())
    body = body.replace("'", "['’]").replace("\\'", "['’]")
    return f"(?-i:{body})" if exact else body


def _group(raw: dict[str, Any]) -> NameGroup:
    variants = tuple(
        Variant(str(v["name"]), tuple(str(f) for f in v["forms"]), v.get("case") == "exact")
        for v in raw["variants"]
    )
    alternatives = sorted(
        ((form, k) for k, v in enumerate(variants) for form in v.forms),
        key=lambda item: -len(item[0]),
    )
    slots: dict[str, int] = {}
    parts = []
    for n, (form, k) in enumerate(alternatives):
        slots[f"a{n}"] = k
        parts.append(f"(?P<a{n}>{_form_regex(form, variants[k].exact)})")
    pattern = re.compile(r"(?<!\w)(?:" + "|".join(parts) + r")(?!\w|-(?-i:[A-Z]))", re.IGNORECASE)
    exact = frozenset(w for v in variants if v.exact for f in v.forms for w in f.split())
    label = str(raw.get("label", raw["id"]))
    return NameGroup(str(raw["id"]), label, raw.get("actor"), variants, pattern, slots, exact)


@lru_cache(maxsize=4)
def load_groups(path: Path = NAMING_FILE) -> tuple[NameGroup, ...]:
    """The naming groups of the lexicon file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return tuple(_group(raw) for raw in data.get("groups") or [])


def _in_caps_headline(text: str, start: int, end: int, forms: frozenset[str]) -> bool:
    """Whether the words around a short form are capitals too ("WHAT IS NEXT"); other short
    forms of the lexicon ("ISIS, ISIL or IS") are acronyms, not headline capitals."""
    before: list[str] = _WORD.findall(text[max(0, start - 40) : start])[-3:]
    after: list[str] = _WORD.findall(text[end : end + 40])[:3]
    around = [w for w in (*before, *after) if len(w) >= 2 and w not in forms]
    caps = sum(w.isupper() for w in around)
    return caps >= 2 and 2 * caps >= len(around)


def find_names(text: str, groups: Sequence[NameGroup] | None = None) -> list[NameHit]:
    """Every naming-lexicon hit in ``text`` (offsets into it), by group then position."""
    hits: list[NameHit] = []
    for group in groups if groups is not None else load_groups():
        for m in group.pattern.finditer(text):
            slot = m.lastgroup
            if slot is None:
                continue
            variant = group.variants[group.slots[slot]]
            if variant.exact and _in_caps_headline(text, m.start(), m.end(), group.exact_words):
                continue
            hits.append(NameHit(group.id, variant.name, m.start(), m.end(), m[0]))
    return hits


def count_names(
    articles: Sequence[ArticleText], groups: Sequence[NameGroup] | None = None
) -> dict[str, Any]:
    """Per naming group: the total and each variant's count with evidence (zeros included, so
    outlets compare side by side)."""
    groups = tuple(groups if groups is not None else load_groups())
    tallies = {(g.id, v.name): Tally() for g in groups for v in g.variants}
    for article in articles:
        for offset, piece in article.pieces():
            for hit in find_names(piece, groups):
                tallies[(hit.group, hit.variant)].add(
                    article.doc_id, offset + hit.start, offset + hit.end, hit.text
                )
    result: dict[str, Any] = {}
    for g in groups:
        variants = [{"name": v.name, **tallies[(g.id, v.name)].to_dict()} for v in g.variants]
        result[g.id] = {
            "label": g.label,
            "actor_id": g.actor,
            "total": sum(v["count"] for v in variants),
            "variants": variants,
        }
    return result


def actor_forms(
    con: duckdb.DuckDBPyConnection, doc_ids: Sequence[str], *, top: int = 15
) -> list[dict[str, Any]]:
    """The surface forms linked to each actor in the article text of ``doc_ids``: the ``top``
    most-mentioned actors, each with its forms (case kept: "IS" and "Is" differ) and counts."""
    if not doc_ids:
        return []
    rows = con.execute(
        f"""
        SELECT doc_id, start, "end", text, actor_id FROM entities
        WHERE actor_id IS NOT NULL AND doc_id IN ({placeholders(doc_ids)})
          AND segment IN ({placeholders(ARTICLE_SEGMENTS)})
        ORDER BY doc_id, start
        """,
        [*doc_ids, *ARTICLE_SEGMENTS],
    ).fetchall()
    actors: dict[str, dict[str, Tally]] = {}
    for doc_id, start, end, text, actor_id in rows:
        forms = actors.setdefault(str(actor_id), {})
        forms.setdefault(" ".join(str(text).split()), Tally()).add(
            str(doc_id), int(start), int(end), str(text)
        )
    ranked = sorted(
        actors.items(), key=lambda item: (-sum(t.count for t in item[1].values()), item[0])
    )
    return [
        {
            "actor_id": actor_id,
            "mentions": sum(t.count for t in forms.values()),
            "forms": [
                {"text": text, **tally.to_dict()}
                for text, tally in sorted(forms.items(), key=lambda f: (-f[1].count, f[0]))
            ],
        }
        for actor_id, forms in ranked[:top]
    ]
