"""Ingest: raw page files -> decoded text with a report of how it was decoded.

Accepts UTF-8 (with or without BOM), UTF-16/32 with a BOM, and GB18030 (a superset of GBK and
GB2312); CRLF and CR line ends become LF. Anything else raises :class:`PageError` naming the file
and the problem, never a traceback from deep inside a decoder.
"""

from __future__ import annotations

import codecs
import glob
import hashlib
import json
import re
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from ._paths import RAW_DIR
from .normalize import BLANKS

PAGE_SUFFIXES = (".txt",)
METADATA_FIELDS = ("newspaper", "place", "date", "page", "source")

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# C0 controls other than tab, LF, VT, FF, CR: their presence means binary data, not text.
_CONTROL = re.compile(r"[\x00-\x08\x0e-\x1f\x7f]")


class PageError(ValueError):
    """A page file that cannot be read as text. The message names the file and the problem."""

    def __init__(self, path: str | Path, problem: str):
        self.path = str(path)
        self.problem = problem
        super().__init__(f"{self.path}: {problem}")


@dataclass(frozen=True)
class Page:
    """One decoded page. ``text`` uses LF line ends only."""

    page_id: str
    text: str
    path: str = ""
    encoding: str = "utf-8"
    newline: str = "LF"
    sha256: str = ""
    metadata: dict = field(default_factory=dict)


def decode_bytes(data: bytes, source: str | Path = "<bytes>") -> tuple[str, str]:
    """Decode page bytes; return (text, encoding name). Raise PageError on anything unreadable."""
    if not data.strip():
        raise PageError(source, "empty file (no text to read)")
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            try:
                text = data.decode(encoding)
            except UnicodeDecodeError as exc:
                raise PageError(
                    source, f"has a {encoding} byte-order mark but {exc.reason} at byte {exc.start}"
                ) from None
            text = text.lstrip("\ufeff")
            _reject_binary(text, source)
            if not text.strip():
                raise PageError(source, "empty file (only a byte-order mark and whitespace)")
            return text, encoding
    if b"\x00" in data:
        raise PageError(source, "binary data (NUL bytes) and no UTF-16/UTF-32 byte-order mark")
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as utf8_error:
        try:
            text = data.decode("gb18030")
            encoding = "gb18030"
        except UnicodeDecodeError:
            raise PageError(
                source,
                "unknown encoding: not UTF-8 (invalid byte at offset "
                f"{utf8_error.start}), not GB18030/GBK, and no UTF-16 byte-order mark",
            ) from None
    if encoding == "gb18030" and _implausible_chinese(text):
        raise PageError(
            source, "unknown encoding: bytes decode as GB18030 only into unlikely characters"
        )
    _reject_binary(text, source)
    if not text.strip(BLANKS):  # (spaces of other widths, zero-width spaces)
        raise PageError(source, "empty file (only whitespace and invisible characters)")
    return text, encoding


def _reject_binary(text: str, source: str | Path) -> None:
    controls = len(_CONTROL.findall(text))
    if controls and controls > max(2, len(text) // 1000):
        raise PageError(
            source, f"binary data ({controls} control characters in {len(text)} characters)"
        )


def _implausible_chinese(text: str) -> bool:
    """True when text decoded as GB18030 is mostly private-use, rare or unassigned characters."""
    sample = text[:4000]
    odd = sum(
        1
        for ch in sample
        if unicodedata.category(ch) in ("Co", "Cn", "Cs")
        or "\u3400" <= ch <= "\u4dbf"
        or ord(ch) > 0xFFFF
    )
    return odd > max(3, len(sample) // 20)


def normalize_newlines(text: str) -> tuple[str, str]:
    """Turn CRLF and CR into LF; return (text, the style found: LF, CRLF, CR or mixed)."""
    crlf = text.count("\r\n")
    cr = text.count("\r") - crlf
    lf = text.count("\n") - crlf
    styles = [name for name, n in (("CRLF", crlf), ("CR", cr), ("LF", lf)) if n]
    style = styles[0] if len(styles) == 1 else ("mixed" if styles else "LF")
    if crlf or cr:
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return text, style


def read_metadata(path: str | Path) -> dict:
    """Read the sidecar ``<stem>.json`` beside a page, if any. Unknown fields are kept."""
    sidecar = Path(path).with_suffix(".json")
    if not sidecar.exists():
        return {}
    try:
        meta = json.loads(sidecar.read_text(encoding="utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise PageError(sidecar, f"metadata is not valid UTF-8 JSON ({exc})") from None
    if not isinstance(meta, dict):
        raise PageError(sidecar, "metadata must be a JSON object")
    return meta


def read_page(path: str | Path, page_id: str | None = None) -> Page:
    """Read and decode one page file with its sidecar metadata."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise PageError(path, "no such file") from None
    except IsADirectoryError:
        raise PageError(path, "is a directory, not a page file") from None
    except OSError as exc:
        raise PageError(path, f"cannot be read ({exc.strerror})") from None
    text, encoding = decode_bytes(data, path)
    text, newline = normalize_newlines(text)
    return Page(
        page_id=page_id or path.stem,
        text=text,
        path=str(path),
        encoding=encoding,
        newline=newline,
        sha256=hashlib.sha256(data).hexdigest(),
        metadata=read_metadata(path),
    )


def page_from_text(text: str, page_id: str = "page", metadata: dict | None = None) -> Page:
    """A Page from text already in memory (tests, notebooks)."""
    text, newline = normalize_newlines(text.lstrip("\ufeff"))
    return Page(
        page_id=page_id,
        text=text,
        newline=newline,
        sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        metadata=dict(metadata or {}),
    )


def find_pages(paths: str | Path | list | tuple | None = None) -> list[Path]:
    """Expand files, folders and globs into a sorted list of page files (``*.txt``)."""
    if paths is None:
        paths = [RAW_DIR]
    if isinstance(paths, (str, Path)):
        paths = [paths]
    found: list[Path] = []
    for item in paths:
        item = Path(item)
        if item.is_dir():
            found.extend(
                sorted(p for p in item.rglob("*") if p.suffix in PAGE_SUFFIXES and p.is_file())
            )
        elif any(ch in str(item) for ch in "*?["):
            found.extend(
                sorted(Path(p) for p in glob.glob(str(item), recursive=True) if Path(p).is_file())
            )
        else:
            found.append(item)
    return found
