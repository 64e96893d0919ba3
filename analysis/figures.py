"""`make figures`: data/raw -> data/processed/*.parquet + every figure in figures/.

``build_figures()`` runs the stages (articles -> tokens -> quantities -> keywords -> topics),
writes the tables as Parquet with sorted rows and no index, then renders every chart declared in
``resources/charts.toml`` plus the keyword/topic/word-cloud figures. Figure files it did not
write this run are removed, so ``figures/`` holds exactly the current set. Output is
deterministic (fixed seeds, no timestamps, pinned font), so ``check_figures_up_to_date()`` can
rebuild into a scratch folder and compare with the committed ``figures/``.

Run it with ``python -m analysis.figures`` (``make figures`` goes through ``python -m analysis``).
"""

from __future__ import annotations

import argparse
import filecmp
import sys
import time
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analysis._paths import FIGURES_DIR, PROCESSED_DIR, RAW_DIR
from analysis.viz import (
    CHARTS_TOML,
    QUANTITY_KINDS,
    TextTables,
    load_chart_specs,
    render_chart,
    render_text_chart,
    save_figure,
)

KEYWORD_METHOD = "tfidf"
KEYWORDS_PER_ARTICLE = 40  # enough words for a word cloud
FIGURE_SUFFIXES = (".png", ".svg")
# Rows are written in this order so two runs give identical Parquet tables.
TABLE_SORT_KEYS = {
    "articles": ["article_id"],
    "tokens": ["article_id", "position"],
    "quantities": ["article_id", "start", "end", "kind"],
    "keywords": ["method", "article_id", "rank", "keyword"],
    "topics": ["article_id"],
}
TOPIC_RANDOM_STATE = 0


@dataclass(frozen=True)
class Tables:
    """Every table `make figures` builds from data/raw."""

    articles: pd.DataFrame
    tokens: pd.DataFrame
    quantities: pd.DataFrame
    keywords: pd.DataFrame
    topics: pd.DataFrame

    def as_dict(self) -> dict[str, pd.DataFrame]:
        return {
            "articles": self.articles,
            "tokens": self.tokens,
            "quantities": self.quantities,
            "keywords": self.keywords,
            "topics": self.topics,
        }


def raw_pages(raw_dir: Path | str = RAW_DIR) -> list[Path]:
    """The raw page files under ``raw_dir`` in a fixed order."""
    raw_dir = Path(raw_dir)
    paths = sorted(p for p in raw_dir.glob("*.txt") if p.is_file())
    if not paths:
        raise FileNotFoundError(f"{raw_dir}: no raw pages (*.txt) to build figures from")
    return paths


def build_tables(raw_dir: Path | str = RAW_DIR) -> Tables:
    """Run the stages over the raw pages: articles, tokens, quantities, keywords, topics."""
    from analysis.keywords import keywords
    from analysis.layout import load_articles
    from analysis.quantities import quantities
    from analysis.tokenize import tokens
    from analysis.topics import assign_topics

    articles = load_articles(raw_pages(raw_dir))
    token_table = tokens(articles)
    return Tables(
        articles=articles,
        tokens=token_table,
        quantities=quantities(articles),
        keywords=keywords(token_table, method=KEYWORD_METHOD, top_k=KEYWORDS_PER_ARTICLE),
        topics=assign_topics(articles),
    )


def sorted_table(name: str, frame: pd.DataFrame) -> pd.DataFrame:
    """Rows in a fixed order (see TABLE_SORT_KEYS), fresh 0..n-1 index."""
    keys = [k for k in TABLE_SORT_KEYS.get(name, []) if k in frame.columns]
    if keys:
        frame = frame.sort_values(keys, kind="stable")
    return frame.reset_index(drop=True)


def write_tables(tables: Tables, processed_dir: Path | str = PROCESSED_DIR) -> list[Path]:
    """Write each table as ``<name>.parquet`` (sorted rows, no index); return the paths."""
    processed_dir = Path(processed_dir)
    processed_dir.mkdir(parents=True, exist_ok=True)
    written = []
    for name, frame in tables.as_dict().items():
        path = processed_dir / f"{name}.parquet"
        sorted_table(name, frame).to_parquet(path, index=False)
        written.append(path)
    return written


# --------------------------------------------------------------------------------------------
# Keyword/topic chart inputs
# --------------------------------------------------------------------------------------------


def topic_terms(keywords: pd.DataFrame, topics: pd.DataFrame) -> pd.DataFrame:
    """Topic × keyword weights: the mean keyword score over the topic's articles.

    An article where the keyword is not a keyword counts as 0, so a word must be characteristic
    of several of a topic's articles to rank high. Columns: topic, topic_name, term, weight.
    """
    joined = keywords.merge(
        topics[["article_id", "topic", "topic_name"]], on="article_id", how="inner"
    )
    sizes = topics.groupby("topic")["article_id"].nunique()
    sums = joined.groupby(["topic", "topic_name", "keyword"], as_index=False)["score"].sum()
    sums["weight"] = sums["score"] / sums["topic"].map(sizes).astype(float)
    out = sums.rename(columns={"keyword": "term"})[["topic", "topic_name", "term", "weight"]]
    return out.sort_values(
        ["topic", "weight", "term"], ascending=[True, False, True], kind="stable"
    ).reset_index(drop=True)


def topic_map(tokens: pd.DataFrame, topics: pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """The topic model's 2-D SVD article map and its TF-IDF cosine similarities.

    Returns (points: article_id, x, y; similarity: square frame indexed by article_id; a
    footnote saying how they were made).
    """
    from analysis.topics import TopicModel, article_map, similarity_matrix

    model = TopicModel(random_state=TOPIC_RANDOM_STATE).fit(tokens)
    points = article_map(model, topics)[["article_id", "x", "y"]].copy()
    # SVD signs are arbitrary: fix them so the map never mirrors between machines.
    for axis in ("x", "y"):
        values = points[axis].to_numpy()
        if values[np.argmax(np.abs(values))] < 0:
            points[axis] = -values
    similarity = similarity_matrix(model)
    similarity.index = similarity.index.rename(None)
    note = (
        f"TopicModel TF-IDF（min_df={model.min_df}, max_df={model.max_df}, "
        f"random_state={model.random_state}）"
    )
    return points, similarity, note


def text_tables(tables: Tables) -> TextTables:
    points, similarity, model_note = topic_map(tables.tokens, tables.topics)
    return TextTables(
        articles=tables.articles,
        keywords=tables.keywords,
        topics=tables.topics,
        topic_terms=topic_terms(tables.keywords, tables.topics),
        points=points,
        similarity=similarity,
        method_note=f"关键词方法 {KEYWORD_METHOD}（每篇前 {KEYWORDS_PER_ARTICLE} 个）",
        model_note=model_note,
    )


# --------------------------------------------------------------------------------------------
# Building and checking figures/
# --------------------------------------------------------------------------------------------


def render_figures(
    tables: Tables, figures_dir: Path | str = FIGURES_DIR, specs_path: Path | str = CHARTS_TOML
) -> list[Path]:
    """Render every declared chart into ``figures_dir``; return the files written."""
    figures_dir = Path(figures_dir)
    written: list[Path] = []
    text = None
    for spec in load_chart_specs(specs_path):
        if spec.kind in QUANTITY_KINDS:
            outputs = [
                (spec.id, render_chart(spec, tables.quantities, tables.articles, tables.topics))
            ]
        else:
            text = text or text_tables(tables)
            outputs = render_text_chart(spec, text)
        for stem, fig in outputs:
            for fmt in spec.formats:
                written.append(save_figure(fig, figures_dir / f"{stem}.{fmt}"))
    return written


def remove_stale(figures_dir: Path | str, keep: Iterable[Path]) -> list[Path]:
    """Delete figure files (png/svg) in ``figures_dir`` that are not in ``keep``."""
    keep_set = {Path(p).resolve() for p in keep}
    removed = []
    for path in sorted(Path(figures_dir).iterdir()):
        if path.suffix.lower() in FIGURE_SUFFIXES and path.resolve() not in keep_set:
            path.unlink()
            removed.append(path)
    return removed


def build_figures(
    raw_dir: Path | str = RAW_DIR,
    processed_dir: Path | str = PROCESSED_DIR,
    figures_dir: Path | str = FIGURES_DIR,
    specs_path: Path | str = CHARTS_TOML,
) -> list[Path]:
    """Rebuild data/processed/*.parquet and every figure from ``raw_dir``; return the figures."""
    tables = build_tables(raw_dir)
    write_tables(tables, processed_dir)
    figures_dir = Path(figures_dir)
    figures_dir.mkdir(parents=True, exist_ok=True)
    written = render_figures(tables, figures_dir, specs_path)
    remove_stale(figures_dir, written)
    return sorted(written)


def compare_png(a: Path, b: Path, tolerance: int = 8, max_fraction: float = 0.001) -> str | None:
    """None when two PNGs are equal, byte-wise or within a pixel tolerance; else the reason.

    Pixels may differ by at most ``tolerance`` (0-255) per channel, or more on at most
    ``max_fraction`` of the pixels (anti-aliasing differences between FreeType builds).
    """
    if filecmp.cmp(a, b, shallow=False):
        return None
    from PIL import Image

    with Image.open(a) as ia, Image.open(b) as ib:
        if ia.size != ib.size:
            return f"size {ia.size} != {ib.size}"
        pa = np.asarray(ia.convert("RGBA"), dtype=np.int16)
        pb = np.asarray(ib.convert("RGBA"), dtype=np.int16)
    diff = np.abs(pa - pb).max(axis=2)
    off = float((diff > tolerance).mean())
    if off > max_fraction:
        return f"{off:.2%} of pixels differ by more than {tolerance} (max {int(diff.max())})"
    return None


def compare_figure_dirs(committed_dir: Path | str, fresh: Iterable[Path]) -> list[str]:
    """How ``committed_dir`` differs from freshly built figure files (empty: the same).

    PNGs may differ within ``compare_png``'s pixel tolerance; SVGs must be identical.
    """
    committed_dir = Path(committed_dir)
    fresh = sorted(Path(p) for p in fresh)
    committed = {p.name: p for p in committed_dir.iterdir() if p.suffix.lower() in FIGURE_SUFFIXES}
    problems = []
    for name in sorted(set(committed) - {p.name for p in fresh}):
        problems.append(f"{name}: in {committed_dir} but no longer produced")
    for path in fresh:
        old = committed.get(path.name)
        if old is None:
            problems.append(f"{path.name}: produced but missing from {committed_dir}")
        elif path.suffix.lower() == ".png":
            reason = compare_png(old, path)
            if reason:
                problems.append(f"{path.name}: {reason}")
        elif not filecmp.cmp(old, path, shallow=False):
            problems.append(f"{path.name}: differs from a clean rebuild")
    return problems


def check_figures_up_to_date(
    scratch_dir: Path | str,
    figures_dir: Path | str = FIGURES_DIR,
    raw_dir: Path | str = RAW_DIR,
    specs_path: Path | str = CHARTS_TOML,
) -> list[str]:
    """Rebuild into ``scratch_dir`` and list how ``figures_dir`` differs (empty: up to date)."""
    scratch_dir = Path(scratch_dir)
    fresh = build_figures(
        raw_dir, scratch_dir / "processed", scratch_dir / "figures", specs_path=specs_path
    )
    return compare_figure_dirs(figures_dir, fresh)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.figures", description="Rebuild data/processed and figures/."
    )
    parser.add_argument("--raw", type=Path, default=RAW_DIR)
    parser.add_argument("--processed", type=Path, default=PROCESSED_DIR)
    parser.add_argument("--figures", type=Path, default=FIGURES_DIR)
    args = parser.parse_args(argv)
    started = time.perf_counter()
    paths = build_figures(args.raw, args.processed, args.figures)
    for path in paths:
        print(path)
    print(f"{len(paths)} figures in {time.perf_counter() - started:.1f} s", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
