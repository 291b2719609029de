"""Commands over stories and merged events: 'parallax stories' and 'parallax event'."""

from __future__ import annotations

from parallax.cli import cli  # noqa: F401  (commands register on the shared group)
