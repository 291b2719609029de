"""Commands over outlet perspectives: 'parallax outlets' and 'parallax compare'."""

from __future__ import annotations

from parallax.cli import cli  # noqa: F401  (commands register on the shared group)
