"""Every quantity quoted in a folder of pages, with the sentence it came from, as one CSV.

    python scripts/quantities_table.py PAGES --out quantities.csv

PAGES is a folder of PDF-extracted pages (``*.txt``; a ``<stem>.json`` sidecar may give the
newspaper and date), a single page, or a glob. Each row is one number as printed (``16300多人次``)
with its value and bounds, unit, kind, subject, and its provenance: article id and title, the
sentence, and character offsets into the article body.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import analysis
from analysis.ingest import PageError
from analysis.overrides import OverrideError

COLUMNS = [
    "article_id",
    "title",
    "text",
    "value",
    "value_low",
    "value_high",
    "unit",
    "qualifier",
    "kind",
    "subject",
    "resolved",
    "sentence",
    "start",
    "end",
]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", help="folder of pages (*.txt), one page, or a glob")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    args = parser.parse_args(argv)

    try:
        articles = analysis.load_articles(args.pages)
    except (PageError, OverrideError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    table = analysis.quantities(articles).merge(
        articles[["article_id", "title"]], on="article_id", how="left"
    )
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table[COLUMNS].to_csv(args.out, index=False, encoding="utf-8")
    print(f"{len(table)} quantities from {len(articles)} articles -> {args.out}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
