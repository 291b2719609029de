"""Commands for the faces: 'parallax serve' (REST API + web UI) and 'parallax report'."""

from __future__ import annotations

from parallax.cli import cli  # noqa: F401  (commands register on the shared group)
