"""The one shared CJK font resolver: packaged font first, clear errors, missing glyphs fail."""

from __future__ import annotations

import os
from pathlib import Path

import matplotlib
import pytest
from fontTools.ttLib import TTFont
from matplotlib import font_manager
from matplotlib.figure import Figure

from analysis import fonts


@pytest.fixture
def fresh_resolver():
    """Clear the resolver's cache before and after a test that fakes the environment."""
    fonts.cjk_font_path.cache_clear()
    yield
    fonts.cjk_font_path.cache_clear()


def test_resolves_to_the_pinned_package_otf():
    path = fonts.cjk_font_path()
    assert path.name == "NotoSansSC-Regular.otf"
    assert path.parent.name == "pylopdf_fonts_zh_cn"
    assert path == fonts.packaged_font_path()
    with TTFont(str(path), lazy=True) as font:
        assert font.sfntVersion == "OTTO"  # a single OpenType face, not a .ttc collection
        assert font["name"].getDebugName(1) == "Noto Sans SC"
        assert round(font["head"].fontRevision, 3) == 2.004


def test_package_font_is_found_through_metadata_not_a_hardcoded_path():
    import importlib.metadata

    dist = importlib.metadata.distribution(fonts.FONT_PACKAGE)
    assert dist.version == "0.1.1"
    listed = [
        Path(str(dist.locate_file(f))).resolve() for f in dist.files if f.name == fonts.FONT_FILE
    ]
    assert listed == [fonts.packaged_font_path()]


def test_falls_back_to_a_system_font_preferring_single_face_files(
    fresh_resolver, monkeypatch, tmp_path
):
    collection = tmp_path / "NotoSansCJK-Regular.ttc"
    single = tmp_path / "NotoSansCJKsc-Regular.otf"
    for path in (collection, single):
        path.write_bytes(b"")
    monkeypatch.setattr(fonts, "packaged_font_path", lambda: None)
    monkeypatch.setattr(
        fonts,
        "_fontconfig_files",
        lambda family: [collection, single] if family == "Noto Sans CJK SC" else [],
    )
    monkeypatch.setattr(fonts, "_matplotlib_files", lambda family: [])
    assert fonts.cjk_font_path() == single


def test_no_font_at_all_is_a_clear_error(fresh_resolver, monkeypatch):
    monkeypatch.setattr(fonts, "packaged_font_path", lambda: None)
    monkeypatch.setattr(fonts, "system_font_path", lambda: None)
    with pytest.raises(fonts.FontNotFoundError, match="pylopdf-fonts-zh-cn"):
        fonts.cjk_font_path()


def test_use_cjk_font_registers_once_and_sets_the_family():
    family = fonts.use_cjk_font()
    count = len(font_manager.fontManager.ttflist)
    assert fonts.use_cjk_font() == family == "Noto Sans SC"
    assert len(font_manager.fontManager.ttflist) == count
    assert matplotlib.rcParams["font.family"] == ["Noto Sans SC"]
    found = font_manager.findfont(
        font_manager.FontProperties(family=family), fallback_to_default=False
    )
    assert Path(found).resolve() == fonts.cjk_font_path()


def test_missing_glyphs_reports_only_undrawable_characters():
    assert fonts.missing_glyphs("平湖“驻点招工”包车132辆、16300+人次 ≥100 …　\n") == set()
    assert fonts.missing_glyphs(["十百千万", "\U0001f600"]) == {"\U0001f600"}


def test_strict_glyphs_turns_a_missing_glyph_into_an_error():
    fonts.use_cjk_font()
    ok = Figure()
    ok.text(0.1, 0.5, "十百千万 组合拳")
    with fonts.strict_glyphs():
        ok.savefig(os.devnull, format="png")
    bad = Figure()
    bad.text(0.1, 0.5, "表情 \U0001f600")
    with pytest.raises(fonts.MissingGlyphError, match="GRINNING FACE"), fonts.strict_glyphs():
        bad.savefig(os.devnull, format="png")


def test_check_glyphs_names_what_was_being_drawn():
    with pytest.raises(fonts.MissingGlyphError, match=r"word cloud 'x'.*U\+1F600"):
        fonts.check_glyphs(["好", "\U0001f600"], "word cloud 'x'")
