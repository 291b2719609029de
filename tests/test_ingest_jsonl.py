"""JSONL corpora: good lines become records, bad lines errors naming their line number."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from parallax.errors import EmptyInputError, FormatError, InputError, TooLargeError
from parallax.ingest.sources import RawRecord, iter_records


def read(path: Path, cap: int = 1_000_000) -> list[RawRecord | InputError]:
    return list(iter_records([str(path)], max_doc_bytes=cap))


def test_lines_with_text_or_html_and_metadata(tmp_path: Path) -> None:
    rows = [
        {"text": "Kerry said talks went well.", "outlet": "A", "published": "2015-01-23"},
        {"html": "<html><body><p>Page</p></body></html>", "url": "http://x.test/a"},
    ]
    path = tmp_path / "c.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in rows) + "\n")
    first, second = read(path)
    assert isinstance(first, RawRecord)
    assert isinstance(second, RawRecord)
    assert (first.media, first.hints.outlet, first.locator) == ("text", "A", "line 1")
    assert (second.media, second.hints.url) == ("html", "http://x.test/a")


def test_bad_lines_are_errors_and_the_rest_goes_on(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl.gz"
    lines = [
        '{"text": "ok one"}',
        "{broken",
        "[1, 2]",
        '{"title": "no text"}',
        '{"text": "ok two"}',
    ]
    path.write_bytes(gzip.compress("\n".join(lines).encode()))
    got = read(path)
    kinds = [type(g) for g in got]
    assert kinds == [RawRecord, FormatError, FormatError, EmptyInputError, RawRecord]
    assert str(got[1]).startswith(f"{path}#line 2: ")


def test_huge_line_is_skipped_not_loaded(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    with path.open("w") as f:
        f.write(json.dumps({"text": "x" * 50_000}) + "\n")
        f.write(json.dumps({"text": "after"}) + "\n")
    got = read(path, cap=10_000)
    assert isinstance(got[0], TooLargeError)
    assert isinstance(got[1], RawRecord)
    assert got[1].locator == "line 2"


def test_unknown_fields_kept_as_extra(tmp_path: Path) -> None:
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps({"text": "t", "section": "world", "lang_conf": 0.9}) + "\n")
    (got,) = read(path)
    assert isinstance(got, RawRecord)
    assert dict(got.hints.extra) == {"section": "world", "lang_conf": 0.9}
