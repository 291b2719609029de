"""Every error Parallax raises on purpose.

The tree, drawn here so a caller can see what to catch::

    ParallaxError
    ├── InputError            one input (file, record, manifest line) could not be used
    │   ├── DecodeError       bytes that are not text in any encoding we can detect
    │   ├── BinaryInputError  a binary file (image, archive, executable…)
    │   ├── EmptyInputError   nothing left after cleaning
    │   ├── TooLargeError     over the document size cap (raise it with a setting)
    │   ├── FormatError       malformed HTML/WARC/JSONL/gzip, unknown format
    │   └── ManifestError     a broken manifest line
    ├── StoreError            the database cannot be opened, migrated or written
    ├── KnowledgeError        a user's knowledge-base file is invalid
    └── UsageError            options that do not fit together

Every message names the input it is about and, where there is one, the fix: the CLI prints
``str(error)`` as its one-line report, so the message is the user interface.
"""

from __future__ import annotations


class ParallaxError(Exception):
    """Base class: anything Parallax raises deliberately."""


class InputError(ParallaxError):
    """One input could not be used; the rest of a batch goes on.

    ``source`` names the input (a path or ``<stdin>``), ``locator`` the record inside a container
    (``line 12``, a WARC record id; empty for a whole file) and ``reason`` is the short human
    explanation. The string form is the one-line report ``source#locator: reason``.
    """

    kind = "input"

    def __init__(self, source: str, reason: str, locator: str = "") -> None:
        self.source = source
        self.locator = locator
        self.reason = reason
        super().__init__(f"{self.where}: {reason}")

    @property
    def where(self) -> str:
        """The input named in messages: ``path``, or ``path#locator`` inside a container."""
        return f"{self.source}#{self.locator}" if self.locator else self.source


class DecodeError(InputError):
    """Bytes that no encoding we can detect turns into text."""

    kind = "decode"


class BinaryInputError(InputError):
    """Binary content (NUL bytes, image or archive signatures)."""

    kind = "binary"


class EmptyInputError(InputError):
    """An input with no text in it."""

    kind = "empty"


class TooLargeError(InputError):
    """A document over the size cap; the message says which setting raises the cap."""

    kind = "too-large"


class FormatError(InputError):
    """Malformed or truncated container (gzip, WARC, JSONL, HTML)."""

    kind = "format"


class ManifestError(InputError):
    """A manifest line that cannot be read; other lines still apply."""

    kind = "manifest"


class StoreError(ParallaxError):
    """The DuckDB store cannot be opened, migrated or written."""


class KnowledgeError(ParallaxError):
    """A knowledge-base (actors, places) file is invalid; names file and line."""


class UsageError(ParallaxError):
    """Options or arguments that do not fit together."""
