"""The command for the live faces: 'parallax serve' (REST API + web UI)."""

from __future__ import annotations

from pathlib import Path

import click

from parallax.cli import cli, stderr, user_errors


@cli.command()
@click.option(
    "--host",
    default="127.0.0.1",
    show_default=True,
    help="Address to listen on; only this machine can connect unless you choose another.",
)
@click.option(
    "--port",
    type=click.IntRange(0, 65535),
    default=8000,
    show_default=True,
    help="Port to listen on (0: any free port).",
)
@click.pass_context
def serve(ctx: click.Context, host: str, port: int) -> None:
    """Serve the read-only REST API and the web UI over the database until Ctrl-C.

    The API is described in docs/api.md and at /openapi.json; the UI is at the printed URL.
    The database is opened read-only, so run 'parallax analyze' again once the server stops.
    """
    # FastAPI and uvicorn take a moment to import; only this command needs them.
    from parallax.api.app import create_app
    from parallax.api.server import bind, is_loopback, serve, url

    db = Path(ctx.obj["db"])
    with user_errors():
        app = create_app(db)
        sock = bind(host, port)
    if not is_loopback(host):
        stderr.print(
            f"[yellow]warning:[/yellow] listening on {host}: other machines can read this "
            "corpus (there is no login)"
        )
    click.echo(f"Parallax on {url(sock)}/ (API: {url(sock)}/api/stats) over {db}; Ctrl-C stops")
    try:
        serve(app, sock)
    except KeyboardInterrupt:  # uvicorn re-raises the Ctrl-C it handled; stopping is normal
        click.echo("stopped")
