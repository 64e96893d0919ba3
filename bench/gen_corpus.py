"""Synthetic corpus for the corpus-scale benchmarks: N raw pages laid out like data/raw.

Each page is a simulated extraction (tests/page_sim.py, default knobs: about 6k characters,
several articles, headlines after their bodies, column breaks, doubled headlines, bylines ...)
written as ``<stem>.txt`` with the sidecar metadata ``<stem>.json`` that analysis.ingest reads
(newspaper, place, date, page, source). Eight pages make one issue; issues are dated one day
apart. The article text comes from the People's Daily 1998 corpus when ../shared is present,
else from the fixture. With ``truth=True`` the ground truth of every page is written to
``OUT_DIR/truth/<stem>.json`` (kept out of the page folder's sidecar namespace).

    python bench/gen_corpus.py N OUT_DIR [--seed 0] [--source auto|fixture|peoples_daily]
                                         [--truth]

A 20M-character corpus is about 3,300 pages.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

import page_sim as ps  # noqa: E402

NEWSPAPER = "模拟日报"
PLACE = "临湖市"
PAGES_PER_ISSUE = 8
FIRST_ISSUE = dt.date(2020, 1, 1)


def page_metadata(index: int, seed: int, source: str) -> dict:
    """Sidecar metadata of page ``index`` (0-based) of the corpus."""
    day = FIRST_ISSUE + dt.timedelta(days=index // PAGES_PER_ISSUE)
    return {
        "newspaper": NEWSPAPER,
        "place": PLACE,
        "date": day.isoformat(),
        "page": str(index % PAGES_PER_ISSUE + 1),
        "source": f"synthetic: bench/gen_corpus.py seed={seed} page={index} text={source}",
    }


def page_stem(index: int, seed: int) -> str:
    return f"sim-s{seed}-{index:05d}"


def generate_corpus(
    n_pages: int,
    out_dir: str | Path,
    seed: int = 0,
    source: str | Path = "auto",
    truth: bool = False,
    **knobs,
) -> list[Path]:
    """Write ``n_pages`` simulated pages (+ sidecar .json) into ``out_dir``; return the .txt paths.

    Page ``i`` depends only on (seed, i, source, knobs), so corpora of different sizes share
    their first pages. ``knobs``: any field of page_sim.Knobs.
    """
    if n_pages < 0:
        raise ValueError(f"n_pages must be >= 0, got {n_pages}")
    out = Path(out_dir)
    if out.exists() and not out.is_dir():
        raise NotADirectoryError(f"{out}: exists and is not a directory")
    out.mkdir(parents=True, exist_ok=True)
    if truth:
        (out / "truth").mkdir(exist_ok=True)
    name = ps.source_name(source)
    sources = ps.load_source_articles(source)
    paths = []
    for i in range(n_pages):
        meta = page_metadata(i, seed, name)
        rng = random.Random(f"gen_corpus:{seed}:{i}")  # str seeds hash the same everywhere
        page = ps.random_page(rng, sources, date=meta["date"], **knobs)
        stem = page_stem(i, seed)
        path = out / f"{stem}.txt"
        path.write_text(page.text, encoding="utf-8")
        (out / f"{stem}.json").write_text(
            json.dumps(meta, ensure_ascii=False, indent=1), encoding="utf-8"
        )
        if truth:
            record = {
                "articles": [dataclasses.asdict(a) for a in page.articles],
                "detached_bylines": page.detached_bylines,
                "lone_names": page.lone_names,
                "furniture": page.furniture,
            }
            (out / "truth" / f"{stem}.json").write_text(
                json.dumps(record, ensure_ascii=False), encoding="utf-8"
            )
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("n_pages", type=int)
    parser.add_argument("out_dir", type=Path)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--source", default="auto", help="auto | fixture | peoples_daily | PATH")
    parser.add_argument("--truth", action="store_true", help="also write OUT_DIR/truth/*.json")
    args = parser.parse_args(argv)
    t0 = time.perf_counter()
    try:
        paths = generate_corpus(args.n_pages, args.out_dir, args.seed, args.source, args.truth)
    except (ValueError, OSError) as exc:
        print(f"gen_corpus: {exc}", file=sys.stderr)
        return 2
    seconds = time.perf_counter() - t0
    chars = sum(len(p.read_text(encoding="utf-8")) for p in paths)
    print(
        f"wrote {len(paths)} pages ({chars:,} characters, text from {ps.source_name(args.source)}) "
        f"to {args.out_dir} in {seconds:.1f} s"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
