"""Commands over stories and merged events: 'parallax stories' and 'parallax event'."""

from __future__ import annotations

import json
from typing import Any

import click
from rich.markup import escape
from rich.table import Table

from parallax.cli import _emit, cli, fail, format_option, open_store, stdout, user_errors
from parallax.corpus.merge import merged_event
from parallax.corpus.stories import list_stories


@cli.command()
@format_option
@click.pass_context
def stories(ctx: click.Context, fmt: str) -> None:
    """List the stories: documents about the same happening or thread, grouped as they arrive.

    Each row: id, label (the first document's title), first and last date, documents, outlets.
    """
    with open_store(ctx, read_only=True) as corpus, user_errors():
        rows = list_stories(corpus.connection)
    if fmt == "table":
        rows = [{k: v for k, v in row.items() if k != "outlet_names"} for row in rows]
    elif fmt == "csv":
        rows = [row | {"outlet_names": "; ".join(row["outlet_names"])} for row in rows]
    _emit(rows, fmt, f"{len(rows)} stories")


def _mention_row(mention: dict[str, Any]) -> dict[str, Any]:
    figures = ", ".join(f"{f.get('text')} ({f.get('quantity')})" for f in mention["figures"])
    return {
        "outlet": mention["outlet"],
        "published": mention["published"],
        "status": mention["status"],
        "trigger": mention["trigger_text"],
        "actor": mention["actor_text"],
        "recipient": mention["recipient_text"],
        "place": mention["place_text"],
        "date": mention["date_value"],
        "figures": figures,
        "sentence": mention["text"],
    }


@cli.command()
@click.argument("event_id")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="table: the event and its mentions side by side; json: everything.",
)
@click.pass_context
def event(ctx: click.Context, event_id: str, fmt: str) -> None:
    """Show merged event EVENT_ID (an id or a unique prefix) with every mention side by side:
    outlet, status, trigger, actor, recipient, place, date, figures and the sentence."""
    with open_store(ctx, read_only=True) as corpus, user_errors():
        found = merged_event(corpus.connection, event_id)
    if found is None:
        fail(f"{event_id}: no such merged event (see 'parallax events' or the API)")
    if fmt == "json":
        click.echo(json.dumps(found, indent=2, default=str, ensure_ascii=False))
        return
    head = (
        f"[bold]{escape(found['id'])}[/bold] {escape(found['type'])}: "
        f"{escape(str(found['actor_name'] or '?'))} → "
        f"{escape(str(found['recipient_name'] or '?'))} at "
        f"{escape(str(found['place_name'] or '?'))}, "
        f"{escape(str(found['date_earliest'] or '?'))}..{escape(str(found['date_latest'] or '?'))}"
    )
    stdout.print(head)
    stdout.print(
        f"mentions {found['mentions']}, outlets {found['outlets']}, corroboration "
        f"{found['corroboration']} source families, confidence {found['confidence']:.2f}"
        + (", [red]disputed[/red]" if found["disputed"] else "")
    )
    table = Table(show_lines=True)
    rows = [_mention_row(m) for m in found["mentions"]]
    for column in rows[0] if rows else ():
        table.add_column(column, overflow="fold")
    for row in rows:
        table.add_row(*(escape(str(v)) if v is not None else "" for v in row.values()))
    stdout.print(table)
