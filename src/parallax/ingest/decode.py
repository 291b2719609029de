"""Bytes to clean text: detect the encoding, refuse binaries, normalise what offsets index into.

Crawler output arrives in every encoding and sometimes is not text at all. We try the cheap,
certain answers first (a BOM, strict UTF-8), then ask charset-normalizer, and refuse bytes that
look binary rather than decoding them into mojibake that would pollute the store.
"""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

from parallax.errors import BinaryInputError, DecodeError

#: File signatures of common binary formats a crawl may contain (images, archives, PDFs…).
_BINARY_MAGIC: tuple[tuple[bytes, str], ...] = (
    (b"%PDF-", "a PDF file"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"PK\x03\x04", "a ZIP archive"),
    (b"\x7fELF", "an executable"),
    (b"BZh", "a bzip2 archive"),
    (b"\xfd7zXZ", "an xz archive"),
    (b"RIFF", "a RIFF media file"),
    (b"\x00\x00\x01\x00", "an icon file"),
)

_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)

# Control characters other than tab and newline carry no meaning in article text.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\ufeff]")
_LINE_END = re.compile(r"\r\n?|[\u2028\u2029\x85]")


def sniff_binary(data: bytes) -> str | None:
    """Name the binary format ``data`` starts with, or ``None`` if it may be text."""
    for magic, name in _BINARY_MAGIC:
        if data.startswith(magic):
            return name
    head = data[:4096]
    if not head:
        return None
    if any(head.startswith(bom) for bom, _ in _BOMS):
        return None
    if b"\x00" in head:
        # UTF-16 without a BOM has NULs on every other byte; anything else with NULs is binary.
        odd_nuls = head[1::2].count(0)
        even_nuls = head[0::2].count(0)
        if max(odd_nuls, even_nuls) < len(head) // 4 or min(odd_nuls, even_nuls) > len(head) // 8:
            return "binary data (NUL bytes)"
    return None


def decode_bytes(
    data: bytes, source: str, locator: str = "", *, declared: str | None = None
) -> str:
    """Decode ``data`` into ``str`` or raise an error naming ``source`` (and ``locator``).

    ``declared`` is an encoding a container claimed (HTTP header, meta charset); it is tried
    after BOMs and strict UTF-8 because declarations on the web are often wrong.
    """
    binary = sniff_binary(data)
    if binary:
        raise BinaryInputError(source, f"looks like {binary}, not text; skipped", locator)
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(encoding)
            except UnicodeDecodeError as exc:
                reason = f"starts with a {encoding} BOM but {exc.reason}"
                raise DecodeError(source, reason, locator) from exc
    if b"\x00" in data[:4096]:
        # sniff_binary let NULs through only in a UTF-16 pattern: NULs on odd bytes mean LE.
        head = data[:4096]
        encoding = "utf-16-le" if head[1::2].count(0) > head[0::2].count(0) else "utf-16-be"
        try:
            return data.decode(encoding)
        except UnicodeDecodeError as exc:
            raise DecodeError(source, f"looks like {encoding} but {exc.reason}", locator) from exc
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    best = from_bytes(data[:200_000]).best()
    if best is None or best.encoding is None:
        raise DecodeError(source, "bytes are not text in any encoding we can detect", locator)
    try:
        return data.decode(best.encoding)
    except (UnicodeDecodeError, LookupError):
        # The sample decoded but the whole did not: keep the text, mark the bad bytes.
        return data.decode(best.encoding, errors="replace")


def normalise_text(text: str) -> str:
    """Normalise line ends and drop invisible control characters; keep everything else.

    Offsets of every record index into the result, so this is the only rewriting of the
    characters Parallax ever does: NFC composition (so "é" is one character whatever the
    source did), ``\\n`` line ends, no control characters.
    """
    text = _LINE_END.sub("\n", text)
    text = _CONTROL.sub("", text)
    return unicodedata.normalize("NFC", text)
