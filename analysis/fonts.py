"""The ONE shared CJK font resolver, used by matplotlib and by wordcloud.

``cjk_font_path()`` prefers the Simplified-Chinese OTF that the project's own install brings
(``pylopdf-fonts-zh-cn``, pinned in pyproject.toml: Noto Sans SC, OFL-1.1), found through the
package metadata, so figures come out identical on every machine. Only when that package is
missing does it fall back to system fonts, in the order of ``SYSTEM_FONT_FAMILIES``, preferring
single-face .otf/.ttf files: a .ttc collection whose first face is Japanese gives Japanese glyph
forms, and wordcloud always takes the first face. Nothing is ever downloaded.

``use_cjk_font()`` registers the font with matplotlib (``font_manager.fontManager.addfont``) and
makes it the default family; ``missing_glyphs()`` and ``strict_glyphs()`` turn a missing glyph
(a box instead of a character) into an error instead of a silent blemish.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.metadata
import shutil
import subprocess
import warnings
from collections.abc import Iterable, Iterator
from pathlib import Path

FONT_PACKAGE = "pylopdf-fonts-zh-cn"
FONT_FILE = "NotoSansSC-Regular.otf"

# Fallback order when the packaged font is absent (family names as fontconfig/matplotlib see them).
SYSTEM_FONT_FAMILIES = (
    "Noto Sans CJK SC",
    "Noto Sans SC",
    "Source Han Sans SC",
    "PingFang SC",
    "Microsoft YaHei",
    "SimHei",
    "WenQuanYi Zen Hei",
    "WenQuanYi Micro Hei",
)

_FONT_SUFFIXES = (".otf", ".ttf", ".ttc", ".otc")
_MISSING_GLYPH_MESSAGE = r"Glyph .* missing from font"


class FontNotFoundError(RuntimeError):
    """No CJK font: neither the pinned package font nor any known system font."""


class MissingGlyphError(RuntimeError):
    """Text was drawn with characters that the CJK font has no glyph for."""


def packaged_font_path() -> Path | None:
    """The OTF shipped by the pinned font package, located through its installed-files metadata."""
    try:
        dist = importlib.metadata.distribution(FONT_PACKAGE)
    except importlib.metadata.PackageNotFoundError:
        return None
    for file in dist.files or ():
        if file.name == FONT_FILE:
            path = Path(str(dist.locate_file(file))).resolve()
            if path.is_file():
                return path
    return None


def _fontconfig_files(family: str) -> list[Path]:
    """Files fontconfig lists for ``family`` (empty when fc-list is not installed)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return []
    try:
        out = subprocess.run(
            [fc_list, family, "file"], capture_output=True, text=True, timeout=30, check=False
        ).stdout
    except (OSError, subprocess.SubprocessError):
        return []
    return [Path(line.strip().rstrip(":")) for line in out.splitlines() if line.strip()]


def _matplotlib_files(family: str) -> list[Path]:
    """Files matplotlib's font cache knows for ``family`` (covers Windows and macOS fonts)."""
    from matplotlib import font_manager

    return [Path(f.fname) for f in font_manager.fontManager.ttflist if f.name == family]


def system_font_path() -> Path | None:
    """The first installed system CJK font in preference order; single-face files before .ttc."""
    for family in SYSTEM_FONT_FAMILIES:
        files = {
            p
            for p in _fontconfig_files(family) + _matplotlib_files(family)
            if p.suffix.lower() in _FONT_SUFFIXES and p.is_file()
        }
        if not files:
            continue
        # Regular weight first (shortest name usually is), collections last, then by path.
        ranked = sorted(
            files,
            key=lambda p: (
                p.suffix.lower() in (".ttc", ".otc"),
                "regular" not in p.name.lower(),
                len(p.name),
                str(p),
            ),
        )
        return ranked[0]
    return None


@functools.cache
def cjk_font_path() -> Path:
    """Path of the CJK font every chart and word cloud uses (packaged font first)."""
    path = packaged_font_path() or system_font_path()
    if path is None:
        raise FontNotFoundError(
            f"No CJK font found: the pinned package {FONT_PACKAGE!r} (file {FONT_FILE}) is not "
            f"installed and none of these system fonts is: {', '.join(SYSTEM_FONT_FAMILIES)}. "
            "Run `make install` (or `pip install pylopdf-fonts-zh-cn==0.1.1`), or install "
            "fonts-noto-cjk with your system package manager."
        )
    return path


@functools.cache
def _register(path: Path) -> str:
    """Add ``path`` to matplotlib's font manager once and return its family name."""
    from matplotlib import font_manager

    known = {Path(f.fname).resolve() for f in font_manager.fontManager.ttflist}
    if path.resolve() not in known:
        font_manager.fontManager.addfont(str(path))
    return font_manager.FontProperties(fname=str(path)).get_name()


def cjk_font_family() -> str:
    """Family name of the resolved CJK font, registered with matplotlib."""
    return _register(cjk_font_path())


def cjk_rc() -> dict[str, object]:
    """rcParams that make matplotlib draw all text with the CJK font."""
    return {
        "font.family": [cjk_font_family()],
        # U+2212 (the typographic minus) is drawn with the same font; fall back to "-" to be safe.
        "axes.unicode_minus": False,
    }


def use_cjk_font() -> str:
    """Register the CJK font with matplotlib, make it the default family; return the family name.

    This is the one global change the charts make: it has to outlive any ``rc_context`` because
    notebooks draw figures (and their lazily created tick labels) after the chart function returns.
    """
    import matplotlib as mpl

    mpl.rcParams.update(cjk_rc())
    return cjk_font_family()


@functools.cache
def _cmap(path: Path) -> frozenset[int]:
    from fontTools.ttLib import TTFont

    # Face 0, as wordcloud (PIL) and matplotlib use it for collections.
    with TTFont(str(path), fontNumber=0, lazy=True) as font:
        return frozenset(font.getBestCmap())


def missing_glyphs(text: str | Iterable[str], font_path: Path | None = None) -> set[str]:
    """Characters of ``text`` (a string or strings) that the font has no glyph for.

    Whitespace and control characters are not drawn, so they never count as missing.
    """
    chars = set(text) if isinstance(text, str) else {c for t in text for c in t}
    cmap = _cmap(Path(font_path) if font_path is not None else cjk_font_path())
    return {c for c in chars if not c.isspace() and c.isprintable() and ord(c) not in cmap}


def check_glyphs(text: str | Iterable[str], what: str, font_path: Path | None = None) -> None:
    """Raise ``MissingGlyphError`` naming ``what`` when any character of ``text`` has no glyph."""
    missing = missing_glyphs(text, font_path)
    if missing:
        font = Path(font_path) if font_path is not None else cjk_font_path()
        shown = ", ".join(f"{c!r} (U+{ord(c):04X})" for c in sorted(missing))
        raise MissingGlyphError(f"{what}: no glyph in {font.name} for {shown}")


@contextlib.contextmanager
def strict_glyphs() -> Iterator[None]:
    """Inside this block, matplotlib's "Glyph ... missing from font" warning raises instead.

    Use it around ``savefig``: the warning is only issued when the text is actually drawn.
    """
    with warnings.catch_warnings():
        warnings.filterwarnings("error", message=_MISSING_GLYPH_MESSAGE, category=UserWarning)
        try:
            yield
        except UserWarning as exc:
            if "missing from font" in str(exc):
                raise MissingGlyphError(str(exc)) from exc
            raise
