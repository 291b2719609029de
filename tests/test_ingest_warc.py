"""WARC and WET files: HTML and text records become documents; damage is reported."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from parallax.errors import FormatError, InputError
from parallax.ingest.sources import RawRecord, iter_records

PAGE = (
    "<html><head><title>Strikes near Raqqa</title></head><body><article>"
    "<h1>Strikes near Raqqa</h1><p>"
    + "Coalition aircraft struck targets near Raqqa. " * 20
    + "</p></article></body></html>"
)


def make_warc(path: Path, *, gz: bool = True) -> None:
    with path.open("wb") as out:
        writer = WARCWriter(out, gzip=gz)
        for i, (ctype, body) in enumerate(
            [("text/html; charset=utf-8", PAGE.encode()), ("image/png", b"\x89PNG....")]
        ):
            headers = StatusAndHeaders("200 OK", [("Content-Type", ctype)], protocol="HTTP/1.1")
            record = writer.create_warc_record(
                f"http://news.test/{i}", "response", payload=io.BytesIO(body), http_headers=headers
            )
            writer.write_record(record)
        text = writer.create_warc_record(
            "http://news.test/wet",
            "conversion",
            payload=io.BytesIO(b"Plain extracted text."),
            warc_content_type="text/plain",
        )
        writer.write_record(text)


def read(path: Path) -> list[RawRecord | InputError]:
    return list(iter_records([str(path)], max_doc_bytes=1_000_000))


def test_warc_html_and_wet_text_records(tmp_path: Path) -> None:
    path = tmp_path / "crawl.warc.gz"
    make_warc(path)
    html, text = read(path)
    assert isinstance(html, RawRecord)
    assert isinstance(text, RawRecord)
    assert (html.media, html.hints.url, html.declared_encoding) == (
        "html",
        "http://news.test/0",
        "utf-8",
    )
    assert html.locator.startswith("urn:uuid:")
    assert (text.media, text.source_format, text.payload) == (
        "text",
        "wet",
        b"Plain extracted text.",
    )


def test_truncated_warc_keeps_earlier_records(tmp_path: Path) -> None:
    full = tmp_path / "full.warc"
    make_warc(full, gz=False)
    data = full.read_bytes()
    cut = tmp_path / "cut.warc.gz"
    # Whole first member, then a second member cut in half.
    first_end = data.index(b"WARC/1", 10)
    cut.write_bytes(gzip.compress(data[:first_end]) + gzip.compress(data[first_end:])[:60])
    got = read(cut)
    assert isinstance(got[0], RawRecord)
    assert isinstance(got[-1], FormatError)
    assert str(got[-1]).startswith(f"{cut}: ")
    assert "after 1 record" in str(got[-1])


def test_garbage_named_warc_is_a_format_error(tmp_path: Path) -> None:
    path = tmp_path / "junk.warc"
    path.write_bytes(b"this is not a warc file at all\n" * 10)
    (got,) = read(path)
    assert isinstance(got, FormatError)
