"""Commands over outlet perspectives: 'parallax outlets' and 'parallax compare'."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import click
from rich.markup import escape
from rich.table import Table

from parallax.cli import cli, kb_files, open_store, stderr, stdout, user_errors

if TYPE_CHECKING:
    from parallax.knowledge.loader import KnowledgeBase

# The perspective modules pull in spaCy and VADER: they are imported inside the commands, so
# that every other command (and a bare 'parallax ingest') starts fast and small.

story_option = click.option(
    "--story", "story_id", default=None, help="Only the documents of this story (id or prefix)."
)
table_or_json = click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
)


def _knowledge(ctx: click.Context) -> KnowledgeBase | None:
    """The user's knowledge overlays, if any (None: the shipped registry, loaded once)."""
    overlays = kb_files(ctx)
    if not overlays:
        return None
    with user_errors():
        from parallax.knowledge.loader import load_knowledge

        return load_knowledge(overlays)
    raise AssertionError("unreachable")  # pragma: no cover


@cli.command()
@story_option
@table_or_json
@click.pass_context
def outlets(ctx: click.Context, story_id: str | None, fmt: str) -> None:
    """Profile every outlet: the names it uses for the same actors, whom it quotes (by sector
    and name) and with which verbs, the stance of its sentences toward the main actors, and
    whether it reads as news or opinion.

    Every count in the JSON format carries evidence: {doc_id, start, end, text} spans (the first
    few; the count is exact). Stances come from the stances pass that 'analyze' runs.
    """
    kb = _knowledge(ctx)
    with open_store(ctx, read_only=True) as corpus, user_errors():
        from parallax.corpus.perspective import outlet_profiles

        profiles = outlet_profiles(corpus.connection, story_id=story_id, kb=kb)
    if fmt == "json":
        click.echo(json.dumps(profiles, indent=2, default=str, ensure_ascii=False))
        return
    if not profiles:
        stderr.print("no outlets: no stored document names its outlet")
        return
    table = Table(title=f"{len(profiles)} outlets", title_justify="left")
    for column in ("outlet", "docs", "words", "lean", "names", "quotes", "voices", "loaded"):
        table.add_column(column, overflow="fold")
    table.add_column("stance (most mentioned actors: mean)", overflow="fold")
    for p in profiles:
        table.add_row(
            escape(p["outlet"]),
            str(p["documents"]),
            str(p["words"]),
            f"{p['genre']['lean']} ({p['genre']['score']})",
            escape(_top_names(p)),
            str(p["voices"]["quotes"]),
            escape(_top_voices(p)),
            f"{100 * p['verbs']['loaded_share']:.0f}%",
            escape(_stances(p, 4)),
        )
    stdout.print(table)
    _pending_note([p["stance"]["pending_documents"] for p in profiles])


def _top_names(profile: dict[str, Any]) -> str:
    """The most used variant of each naming group the outlet uses ("Daesh 4; regime 2")."""
    parts = []
    for group in profile["naming"].values():
        used = [v for v in group["variants"] if v["count"]]
        if used:
            best = max(used, key=lambda v: v["count"])
            parts.append(f"{best['name']} {best['count']}")
    return "; ".join(parts)


def _top_voices(profile: dict[str, Any]) -> str:
    sectors = sorted(profile["voices"]["sectors"], key=lambda s: -s["quotes"])
    return ", ".join(f"{s['sector']} {s['quotes']}" for s in sectors[:3] if s["quotes"])


def _stances(profile: dict[str, Any], top: int) -> str:
    return ", ".join(
        f"{a['name']} {a['mean']:+.2f}"
        for a in profile["stance"]["actors"][:top]
        if a["mean"] is not None
    )


def _pending_note(pending: Sequence[int]) -> None:
    if sum(pending):
        stderr.print(
            f"[yellow]note:[/yellow] {sum(pending)} documents have no stances yet "
            "(run 'parallax analyze' again, or the corpus update)"
        )


@cli.command()
@click.argument("names", metavar="OUTLET OUTLET…", nargs=-1, required=True)
@story_option
@table_or_json
@click.pass_context
def compare(ctx: click.Context, names: tuple[str, ...], story_id: str | None, fmt: str) -> None:
    """Put two or more outlets side by side (each OUTLET: its name or a part of it that only one
    outlet's name contains): naming, voices, attribution verbs, stance toward the same actors,
    genre cues, and which events and figures of the stories they share each one reports or
    leaves out.
    """
    kb = _knowledge(ctx)
    with open_store(ctx, read_only=True) as corpus, user_errors():
        from parallax.corpus.perspective import compare_outlets

        result = compare_outlets(corpus.connection, names, story_id=story_id, kb=kb)
    if fmt == "json":
        click.echo(json.dumps(result, indent=2, default=str, ensure_ascii=False))
        return
    profiles: list[dict[str, Any]] = result["profiles"]
    outlets = [p["outlet"] for p in profiles]
    _side("Overview", outlets, _overview(profiles))
    _side("Naming (counts in article text)", outlets, _naming_rows(profiles))
    _side("Voices (quotes, characters quoted)", outlets, _voice_rows(profiles))
    _side("Most quoted speakers", outlets, _speaker_rows(profiles))
    _side("Attribution verbs", outlets, _verb_rows(profiles))
    _side("Stance toward actors (mean, +pos/-neg/=neutral)", outlets, _stance_rows(profiles))
    _side("Genre cues (per 1,000 unquoted words)", outlets, _genre_rows(profiles))
    _selection(result["selection"], outlets)
    _pending_note([p["stance"]["pending_documents"] for p in profiles])


Rows = list[tuple[str, list[str]]]


def _side(title: str, outlets: Sequence[str], rows: Rows) -> None:
    """One table: a row label, then a column per outlet."""
    table = Table(title=title, title_justify="left")
    table.add_column("", overflow="fold")
    for outlet in outlets:
        table.add_column(escape(outlet), overflow="fold", justify="right")
    for label, cells in rows:
        table.add_row(escape(label), *(escape(c) for c in cells))
    if not rows:
        table.add_row("(none)", *("" for _ in outlets))
    stdout.print(table)


def _overview(profiles: Sequence[dict[str, Any]]) -> Rows:
    return [
        ("documents", [str(p["documents"]) for p in profiles]),
        ("words", [str(p["words"]) for p in profiles]),
        ("genre labels", [_labels(p["genre"]["labels"]) for p in profiles]),
        ("quotes", [str(p["voices"]["quotes"]) for p in profiles]),
        ("loaded verbs", [f"{100 * p['verbs']['loaded_share']:.0f}%" for p in profiles]),
    ]


def _labels(labels: dict[str, int]) -> str:
    return ", ".join(f"{k} {v}" for k, v in labels.items())


def _naming_rows(profiles: Sequence[dict[str, Any]]) -> Rows:
    rows: Rows = []
    for group_id, group in profiles[0]["naming"].items():
        for k, variant in enumerate(group["variants"]):
            counts = [p["naming"][group_id]["variants"][k]["count"] for p in profiles]
            if any(counts):
                rows.append((f"{group['label']}: {variant['name']}", [str(c) for c in counts]))
    return rows


def _voice_rows(profiles: Sequence[dict[str, Any]]) -> Rows:
    rows: Rows = []
    for k, sector in enumerate(profiles[0]["voices"]["sectors"]):
        cells = [p["voices"]["sectors"][k] for p in profiles]
        if any(c["quotes"] for c in cells):
            rows.append(
                (
                    sector["sector"],
                    [f"{c['quotes']} ({100 * c['share']:.0f}%), {c['chars']} ch" for c in cells],
                )
            )
    return rows


def _speaker_rows(profiles: Sequence[dict[str, Any]], top: int = 5) -> Rows:
    rows: Rows = []
    for rank in range(top):
        cells = []
        for p in profiles:
            speakers = p["voices"]["speakers"]
            s = speakers[rank] if rank < len(speakers) else None
            cells.append(f"{s['speaker']} ({s['sector']}) {s['quotes']}" if s else "")
        if any(cells):
            rows.append((str(rank + 1), cells))
    return rows


def _verb_rows(profiles: Sequence[dict[str, Any]]) -> Rows:
    rows: Rows = []
    for k, klass in enumerate(profiles[0]["verbs"]["classes"]):
        rows.append((klass["class"], [str(p["verbs"]["classes"][k]["count"]) for p in profiles]))
    rows.append(
        (
            "loaded: which",
            [
                ", ".join(
                    f"{v['verb']} {v['count']}"
                    for v in p["verbs"]["verbs"]
                    if v["class"] == "loaded"
                )
                for p in profiles
            ],
        )
    )
    return rows


def _stance_rows(profiles: Sequence[dict[str, Any]]) -> Rows:
    rows: Rows = []
    for k, actor in enumerate(profiles[0]["stance"]["actors"]):
        cells = []
        for p in profiles:
            a = p["stance"]["actors"][k]
            if a["mean"] is None:
                cells.append("—")
            else:
                counts = (
                    f"+{a['positive']['count']}/-{a['negative']['count']}/={a['neutral']['count']}"
                )
                cells.append(f"{a['mean']:+.2f} {counts}")
        rows.append((actor["name"], cells))
    return rows


def _genre_rows(profiles: Sequence[dict[str, Any]]) -> Rows:
    rows: Rows = [
        (
            kind.replace("_", " "),
            [f"{p['genre'][kind]['per_1000']:.1f} ({p['genre'][kind]['count']})" for p in profiles],
        )
        for kind in ("first_person", "normative", "evaluative")
    ]
    rows.append(("lean", [f"{p['genre']['lean']} ({p['genre']['score']})" for p in profiles]))
    return rows


def _selection(selection: dict[str, Any], outlets: Sequence[str]) -> None:
    if not selection["stories"]:
        stderr.print(f"selection: {selection['note']}")
        return
    for story in selection["stories"]:
        name = story["label"] or story["story_id"]
        rows: Rows = [("documents", [str(story["documents"][o]) for o in outlets])]
        for kind in ("events", "figures"):
            part = story[kind]
            rows.append(
                (
                    f"{kind}: included / left out",
                    [
                        f"{part['by_outlet'][o]['included']} / {part['by_outlet'][o]['left_out']}"
                        for o in outlets
                    ],
                )
            )
            for item in part["items"]:
                rows.append(
                    (
                        _item_label(kind, item),
                        [
                            str(item["reported_by"][o]["count"])
                            if o in item["reported_by"]
                            else "—"
                            for o in outlets
                        ],
                    )
                )
        _side(f"Selection in story {name}", outlets, rows)


def _item_label(kind: str, item: dict[str, Any]) -> str:
    if kind == "events":
        who = " → ".join(x for x in (item["actor"], item["recipient"]) if x)
        where = f" in {item['place']}" if item["place"] else ""
        when = f" ({item['date']})" if item["date"] else ""
        return f"{item['type']}: {who}{where}{when}"
    value = item["value"] if item["value"] is not None else f"{item['low']}-{item['high']}"
    about = f" {item['about']}" if item["about"] else ""
    return f"{item['quantity']}: {value}{about}"
