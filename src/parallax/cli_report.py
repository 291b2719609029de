"""The static report command: 'parallax report OUT.html'."""

from __future__ import annotations

from parallax.cli import cli  # noqa: F401  (commands register on the shared group)
