"""The static report command: 'parallax report OUT.html'."""

from __future__ import annotations

from pathlib import Path

import click
from rich.markup import escape

from parallax.cli import cli, open_store, stderr, user_errors
from parallax.errors import UsageError


@cli.command()
@click.argument("out", metavar="OUT.html", type=click.Path(dir_okay=False, path_type=Path))
@click.option(
    "--documents",
    type=click.IntRange(min=0),
    default=200,
    show_default=True,
    help="How many documents (the most recent) to embed in full for the document reader; "
    "the timeline, map, network, outlets and figures always cover the whole corpus.",
)
@click.pass_context
def report(ctx: click.Context, out: Path, documents: int) -> None:
    """Write the web UI with the corpus's data as one self-contained HTML file OUT.html.

    The file has every script, style, map shape and datum inline: it opens from disk with no
    server and no network, so it can be shared. It shows the timeline, map, actor network,
    outlet comparison and figures; clicking a record opens its sentence in the document reader
    (for the documents embedded).
    """
    from parallax.report.build import build_report  # FastAPI's import takes a moment

    with user_errors():
        if out.parent and not out.parent.is_dir():
            raise UsageError(f"{out}: folder {out.parent} does not exist")
    with open_store(ctx, read_only=True) as corpus, user_errors():
        size = build_report(corpus.connection, out, documents=documents)
    stderr.print(f"wrote {escape(str(out))} ({size / 1e6:.1f} MB); open it in any browser")
