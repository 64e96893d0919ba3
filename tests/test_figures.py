"""`make figures`: tables and figures rebuilt from data/raw, deterministic and up to date."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from analysis import figures
from analysis._paths import FIGURES_DIR, RAW_DIR

# ---------------------------------------------------------------------------- fast unit tests


def test_topic_terms_average_keyword_scores_over_the_topic():
    keywords = pd.DataFrame(
        {
            "article_id": ["a", "a", "b", "c"],
            "keyword": ["招工", "包车", "招工", "文明"],
            "score": [0.8, 0.4, 0.2, 0.9],
        }
    )
    topics = pd.DataFrame(
        {
            "article_id": ["a", "b", "c"],
            "topic": ["jobs", "jobs", "civic"],
            "topic_name": ["就业", "就业", "文明"],
        }
    )
    terms = figures.topic_terms(keywords, topics)
    jobs = terms[terms["topic"] == "jobs"].set_index("term")["weight"]
    assert jobs.to_dict() == pytest.approx({"招工": 0.5, "包车": 0.2})
    assert list(jobs.index) == ["招工", "包车"]  # sorted by weight
    assert terms[terms["topic"] == "civic"]["weight"].tolist() == [pytest.approx(0.9)]


def test_tables_are_written_sorted_without_index(tmp_path):
    frame = pd.DataFrame({"article_id": ["b", "a"], "position": [0, 0], "token": ["乙", "甲"]})
    empty = pd.DataFrame({"article_id": []})
    tables = figures.Tables(frame, frame, empty, empty, empty)
    figures.write_tables(tables, tmp_path)
    back = pd.read_parquet(tmp_path / "tokens.parquet")
    assert back["article_id"].tolist() == ["a", "b"]
    assert list(back.columns) == ["article_id", "position", "token"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "articles.parquet",
        "keywords.parquet",
        "quantities.parquet",
        "tokens.parquet",
        "topics.parquet",
    ]


def test_stale_figures_are_removed_and_other_files_kept(tmp_path):
    keep, stale, other = tmp_path / "a.png", tmp_path / "old.svg", tmp_path / "README.md"
    for path in (keep, stale, other):
        path.write_text("x")
    assert figures.remove_stale(tmp_path, [keep]) == [stale]
    assert keep.exists() and other.exists() and not stale.exists()


def test_png_comparison_tolerates_tiny_differences_only(tmp_path):
    base = np.full((50, 80, 3), 255, dtype=np.uint8)
    Image.fromarray(base).save(tmp_path / "a.png")
    nudged = base.copy()
    nudged[10, 10] = 250
    Image.fromarray(nudged).save(tmp_path / "b.png")
    changed = base.copy()
    changed[:20] = 0
    Image.fromarray(changed).save(tmp_path / "c.png")
    Image.fromarray(base[:40]).save(tmp_path / "d.png")
    assert figures.compare_png(tmp_path / "a.png", tmp_path / "b.png") is None
    assert "pixels differ" in figures.compare_png(tmp_path / "a.png", tmp_path / "c.png")
    assert "size" in figures.compare_png(tmp_path / "a.png", tmp_path / "d.png")


def test_no_raw_pages_is_a_clear_error(tmp_path):
    with pytest.raises(FileNotFoundError, match="no raw pages"):
        figures.raw_pages(tmp_path)


# ------------------------------------------------------------------ full builds (slow tests)


@pytest.fixture(scope="module")
def two_builds(tmp_path_factory):
    """Build everything twice from data/raw into scratch folders."""
    out = []
    for name in ("first", "second"):
        root = tmp_path_factory.mktemp(name)
        paths = figures.build_figures(RAW_DIR, root / "processed", root / "figures")
        out.append((root, paths))
    return out


@pytest.mark.slow
def test_two_builds_give_identical_tables_and_figures(two_builds):
    (a, paths_a), (b, paths_b) = two_builds
    for name in ("articles", "tokens", "quantities", "keywords", "topics"):
        pd.testing.assert_frame_equal(
            pd.read_parquet(a / "processed" / f"{name}.parquet"),
            pd.read_parquet(b / "processed" / f"{name}.parquet"),
        )
    assert [p.name for p in paths_a] == [p.name for p in paths_b]
    for pa, pb in zip(paths_a, paths_b, strict=True):
        assert pa.read_bytes() == pb.read_bytes(), pa.name


@pytest.mark.slow
def test_build_produces_the_declared_charts_from_the_sample(two_builds):
    (root, paths) = two_builds[0]
    names = {p.name for p in paths}
    for stem in (
        "recruitment_logistics",
        "livestream_engagement",
        "campaign_structure",
        "page_numbers",
    ):
        assert f"{stem}.png" in names
    assert any(n.startswith("wordcloud_article_") for n in names)
    assert any(n.startswith("wordcloud_topic_") for n in names)
    quantities = pd.read_parquet(root / "processed" / "quantities.parquet")
    assert len(quantities) > 0


@pytest.mark.slow
def test_committed_figures_are_up_to_date(two_builds):
    (_, paths) = two_builds[0]
    problems = figures.compare_figure_dirs(FIGURES_DIR, paths)
    assert not problems, "figures/ is stale; run `make figures`:\n" + "\n".join(problems)
