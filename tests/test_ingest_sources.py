"""Finding inputs and reading them into records: formats, gzip, size caps, manifests."""

from __future__ import annotations

import gzip
import io
from pathlib import Path

import pytest

from parallax.errors import EmptyInputError, FormatError, InputError, TooLargeError
from parallax.ingest.sources import (
    ManifestIndex,
    RawRecord,
    detect_format,
    discover,
    iter_records,
)

MB = 1_000_000


def records(*paths: Path | str, cap: int = MB, **kw: object) -> list[RawRecord | InputError]:
    return list(iter_records([str(p) for p in paths], max_doc_bytes=cap, **kw))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("name", "head", "expected"),
    [
        ("a.txt", b"Some text", "text"),
        ("a.html", b"whatever", "html"),
        ("page", b"<!DOCTYPE html><html>", "html"),
        ("page.txt", b"  <html><body>", "html"),
        ("crawl.warc.gz", b"", "warc"),
        ("CC-MAIN-1.warc.wet.gz", b"", "wet"),
        ("x.wet", b"", "wet"),
        ("dump", b"WARC/1.0\r\n", "warc"),
        ("rows.jsonl.gz", b"", "jsonl"),
        ("rows", b'{"text": "a"}', "jsonl"),
    ],
)
def test_detect_format(name: str, head: bytes, expected: str) -> None:
    assert detect_format(Path(name), head) == expected


def test_discover_walks_folders_sorted_and_skips_hidden(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    for rel in ("b/2.txt", "b/1.txt", "a.txt", ".hidden.txt", ".git/x.txt"):
        (tmp_path / rel).write_text("x")
    found = list(discover([str(tmp_path), str(tmp_path / "missing.txt")]))
    names = [p.relative_to(tmp_path).as_posix() for p in found if isinstance(p, Path)]
    assert names == ["a.txt", "b/1.txt", "b/2.txt"]
    errors = [p for p in found if isinstance(p, InputError)]
    assert len(errors) == 1
    assert "no such file" in str(errors[0])


def test_plain_and_gzip_text(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Kerry met Hammond.", encoding="utf-8")
    (tmp_path / "b.txt.gz").write_bytes(gzip.compress(b"Obama spoke."))
    got = records(tmp_path)
    assert [r.payload for r in got if isinstance(r, RawRecord)] == [
        b"Kerry met Hammond.",
        b"Obama spoke.",
    ]


def test_truncated_gzip_is_a_format_error(tmp_path: Path) -> None:
    data = gzip.compress(b"A long article. " * 2000)
    (tmp_path / "cut.txt.gz").write_bytes(data[: len(data) // 2])
    (tmp_path / "ok.txt").write_text("Still read.")
    got = records(tmp_path)
    assert isinstance(got[0], FormatError)
    assert "cut.txt.gz" in str(got[0])
    assert "gzip" in str(got[0])
    assert isinstance(got[1], RawRecord)


def test_empty_file_is_reported(tmp_path: Path) -> None:
    (tmp_path / "empty.txt").write_text("  \n\n")
    (got,) = records(tmp_path / "empty.txt")
    assert isinstance(got, EmptyInputError)
    assert str(got).startswith(str(tmp_path / "empty.txt"))


def test_size_cap_refuses_without_reading(tmp_path: Path) -> None:
    big = tmp_path / "big.txt"
    with big.open("wb") as f:
        f.truncate(5 * MB)  # sparse: cheap to make, never read
    (got,) = records(big, cap=MB)
    assert isinstance(got, TooLargeError)
    assert "5.0 MB" in str(got)
    assert "--max-doc-mb" in str(got)


def test_size_cap_applies_to_decompressed_gzip(tmp_path: Path) -> None:
    (tmp_path / "bomb.txt.gz").write_bytes(gzip.compress(b"a" * (3 * MB)))
    (got,) = records(tmp_path / "bomb.txt.gz", cap=MB)
    assert isinstance(got, TooLargeError)


def test_stdin_text_and_gzip() -> None:
    (got,) = records("-", stdin=io.BytesIO(b"From standard input."))
    assert isinstance(got, RawRecord)
    assert got.source == "<stdin>"
    (gz,) = records("-", stdin=io.BytesIO(gzip.compress(b"Compressed input.")))
    assert isinstance(gz, RawRecord)
    assert gz.payload == b"Compressed input."


def test_manifest_beside_files_supplies_metadata_and_is_not_a_document(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body of a.")
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "outlet": "The Daily", "published": "2015-11-17"}\n'
    )
    (got,) = records(tmp_path)
    assert isinstance(got, RawRecord)
    assert got.hints.outlet == "The Daily"
    assert str(got.hints.published) == "2015-11-17"


def test_broken_manifest_line_is_reported_and_others_apply(tmp_path: Path) -> None:
    (tmp_path / "a.txt").write_text("Body of a.")
    (tmp_path / "b.txt").write_text("Body of b.")
    (tmp_path / "manifest.jsonl").write_text(
        '{"file": "a.txt", "outlet": "A"}\n{"file": "b.txt", "outlet": \n'
    )
    got = records(tmp_path)
    errors = [g for g in got if isinstance(g, InputError)]
    docs = {Path(g.source).name: g for g in got if isinstance(g, RawRecord)}
    assert len(errors) == 1
    assert str(errors[0]).startswith(f"{tmp_path / 'manifest.jsonl'}#line 2: ")
    assert docs["a.txt"].hints.outlet == "A"
    assert docs["b.txt"].hints.outlet is None


def test_explicit_csv_manifest(tmp_path: Path) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "x.txt").write_text("Body.")
    manifest = tmp_path / "meta.csv"
    manifest.write_text("file,outlet,title\nx.txt,Outlet X,Title X\n")
    (got,) = records(tmp_path / "docs", manifests=ManifestIndex([manifest]))
    assert isinstance(got, RawRecord)
    assert (got.hints.outlet, got.hints.title) == ("Outlet X", "Title X")
