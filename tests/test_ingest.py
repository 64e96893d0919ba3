"""Reading pages: encodings, line ends, and clear errors for bad input."""

from __future__ import annotations

import codecs

import pytest

from analysis.ingest import PageError, decode_bytes, find_pages, read_page
from analysis.layout import parse_page

SAMPLE_TEXT = "本报讯 3月 14日上午，全市召开会议。\n\n网络直播招聘\n"


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        (SAMPLE_TEXT.encode("utf-8"), "utf-8"),
        (codecs.BOM_UTF8 + SAMPLE_TEXT.encode("utf-8"), "utf-8-sig"),
        (SAMPLE_TEXT.encode("gb18030"), "gb18030"),
        (SAMPLE_TEXT.encode("gbk"), "gb18030"),
        (SAMPLE_TEXT.encode("utf-16"), "utf-16"),
        (codecs.BOM_UTF16_BE + SAMPLE_TEXT.encode("utf-16-be"), "utf-16"),
    ],
)
def test_decodes_supported_encodings(data: bytes, encoding: str) -> None:
    text, used = decode_bytes(data, "page.txt")
    assert text == SAMPLE_TEXT
    assert used == encoding


@pytest.mark.parametrize(("newline", "style"), [("\r\n", "CRLF"), ("\r", "CR"), ("\n", "LF")])
def test_line_ends_are_normalised_and_reported(tmp_path, newline: str, style: str) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes(SAMPLE_TEXT.replace("\n", newline).encode("utf-8"))
    page = read_page(path)
    assert page.text == SAMPLE_TEXT
    assert page.newline == style
    assert page.page_id == "p"


def test_gbk_page_lays_out_like_utf8(tmp_path, sample_page_path) -> None:
    text = sample_page_path.read_text(encoding="utf-8")
    path = tmp_path / "gbk-page.txt"
    path.write_bytes(text.replace("\n", "\r\n").encode("gbk"))
    page = read_page(path)
    assert page.encoding == "gb18030"
    gbk = parse_page(page).articles
    utf8 = parse_page(read_page(sample_page_path)).articles
    assert gbk["body"].tolist() == utf8["body"].tolist()
    assert gbk["title"].tolist() == utf8["title"].tolist()


@pytest.mark.parametrize(
    ("data", "problem"),
    [
        (b"", "empty file"),
        (b"  \n\n \r\n", "empty file"),
        (codecs.BOM_UTF8 + b"\n", "empty file"),
        (bytes(range(256)) * 4, "binary data"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary data"),
        (b"abc\xff\xff\xfe\x81\x30" * 10, "unknown encoding"),
        ("\u200b\n\u3000\u2002\n".encode(), "empty file"),
    ],
)
def test_bad_input_gets_a_clear_error_naming_the_file(tmp_path, data: bytes, problem: str) -> None:
    path = tmp_path / "bad-page.txt"
    path.write_bytes(data)
    with pytest.raises(PageError) as err:
        read_page(path)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def test_missing_file_and_directory(tmp_path) -> None:
    with pytest.raises(PageError, match="no such file"):
        read_page(tmp_path / "absent.txt")
    with pytest.raises(PageError, match="directory"):
        read_page(tmp_path)


def test_find_pages_expands_folders_and_globs(tmp_path) -> None:
    for name in ("b.txt", "a.txt", "a.json", "sub/c.txt"):
        (tmp_path / name).parent.mkdir(exist_ok=True)
        (tmp_path / name).write_text("x", encoding="utf-8")
    assert [p.name for p in find_pages(tmp_path)] == ["a.txt", "b.txt", "c.txt"]
    assert [p.name for p in find_pages(str(tmp_path / "*.txt"))] == ["a.txt", "b.txt"]


def test_sidecar_metadata_is_read(sample_page_path) -> None:
    page = read_page(sample_page_path)
    assert page.metadata["newspaper"] == "平湖日报"
    assert page.metadata["date"].startswith("2020-03")
    assert page.encoding == "utf-8"
