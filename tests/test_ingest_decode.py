"""Decoding: any common encoding becomes text; binaries and undecodable bytes are refused."""

from __future__ import annotations

import codecs

import pytest

from parallax.errors import BinaryInputError, DecodeError
from parallax.ingest.decode import decode_bytes, normalise_text, sniff_binary

SAMPLE = "Hollande a déclaré que la France était « en guerre » contre Daech — 130 morts."


@pytest.mark.parametrize("encoding", ["utf-8", "cp1252", "latin-1", "utf-16", "utf-8-sig"])
def test_decode_common_encodings(encoding: str) -> None:
    text = SAMPLE if encoding != "latin-1" else SAMPLE.replace("—", "-")
    assert decode_bytes(text.encode(encoding), "a.txt") == text


def test_decode_cyrillic_legacy_encoding() -> None:
    text = "Министерство обороны России сообщило об ударах по позициям боевиков в Сирии. " * 5
    assert decode_bytes(text.encode("cp1251"), "ru.txt") == text


def test_decode_utf16_without_bom() -> None:
    text = "Kerry met Hammond in London on Thursday."
    assert decode_bytes(text.encode("utf-16-le"), "u16.txt") == text


@pytest.mark.parametrize(
    ("data", "name"),
    [
        (b"\x89PNG\r\n\x1a\n" + bytes(100), "PNG"),
        (b"%PDF-1.7\n...", "PDF"),
        (b"PK\x03\x04" + bytes(50), "ZIP"),
        (bytes(range(256)) * 4, "NUL"),
    ],
)
def test_binary_is_refused_with_its_name(data: bytes, name: str) -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(data, "photo.jpg")
    assert str(info.value).startswith("photo.jpg: ")
    assert name in str(info.value)


def test_error_names_record_inside_container() -> None:
    with pytest.raises(BinaryInputError) as info:
        decode_bytes(b"\x7fELF" + bytes(20), "crawl.warc.gz", "urn:uuid:1")
    assert str(info.value).startswith("crawl.warc.gz#urn:uuid:1: ")


def test_bad_bom_is_a_decode_error() -> None:
    with pytest.raises(DecodeError):
        decode_bytes(codecs.BOM_UTF8 + b"\xff\xfe\xfa bad", "bom.txt")


def test_text_is_not_sniffed_as_binary() -> None:
    assert sniff_binary(SAMPLE.encode("utf-8")) is None
    assert sniff_binary(SAMPLE.encode("utf-16")) is None


def test_normalise_line_ends_and_controls() -> None:
    raw = "Title\r\n\r\nBody\rline\u2028two\x00\x07 e\u0301"
    assert normalise_text(raw) == "Title\n\nBody\nline\ntwo é"


def test_normalise_keeps_non_breaking_space_and_tabs() -> None:
    assert normalise_text("a\u00a0b\tc") == "a\u00a0b\tc"
