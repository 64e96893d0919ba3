"""Command line: ``python -m analysis <command>``.

python -m analysis articles [PATHS...] --out FILE [--keep-going]
python -m analysis figures
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import pandas as pd

OUTPUT_FORMATS = (".csv", ".jsonl", ".parquet")


def write_table(frame: pd.DataFrame, out: str | Path) -> Path:
    """Write a table as CSV, JSONL or Parquet, chosen by the file extension."""
    out = Path(out)
    if out.suffix not in OUTPUT_FORMATS:
        raise ValueError(
            f"{out}: unknown output format {out.suffix!r}; use one of {OUTPUT_FORMATS}"
        )
    out.parent.mkdir(parents=True, exist_ok=True)
    if out.suffix == ".csv":
        frame.to_csv(out, index=False, encoding="utf-8")
    elif out.suffix == ".jsonl":
        frame.to_json(out, orient="records", lines=True, force_ascii=False)
    else:
        frame.to_parquet(out, index=False)
    return out


def _articles(args: argparse.Namespace) -> int:
    from tqdm import tqdm

    from .ingest import PageError, find_pages, read_page
    from .layout import ARTICLE_COLUMNS, parse_page
    from .overrides import OverrideError, apply_overrides

    files = find_pages(args.paths or None)
    if not files:
        print("error: no page files (*.txt) found", file=sys.stderr)
        return 2
    frames, failed = [], 0
    for path in tqdm(files, desc="pages", unit="page", disable=len(files) < 20 or args.quiet):
        try:
            frames.append(apply_overrides(parse_page(read_page(path))).articles)
        except (PageError, OverrideError) as exc:
            failed += 1
            print(f"error: {exc}", file=sys.stderr)
            if not args.keep_going:
                return 1
    table = (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=ARTICLE_COLUMNS)
    )
    try:
        write_table(table, args.out)
    except ValueError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if not args.quiet:
        print(
            f"{len(table)} articles from {len(files) - failed} pages -> {args.out}", file=sys.stderr
        )
    return 1 if failed else 0


def _figures(args: argparse.Namespace) -> int:
    from .figures import build_figures

    paths = build_figures()
    print(f"{len(paths)} figures written", file=sys.stderr)
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m analysis", description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command", required=True)
    art = sub.add_parser("articles", help="raw pages -> article table (CSV, JSONL or Parquet)")
    art.add_argument("paths", nargs="*", help="page files, folders or globs (default: data/raw)")
    art.add_argument("--out", required=True, help="output file: .csv, .jsonl or .parquet")
    art.add_argument("--keep-going", action="store_true", help="report bad files and go on")
    art.add_argument("--quiet", action="store_true", help="no progress bar or summary")
    art.set_defaults(func=_articles)
    fig = sub.add_parser("figures", help="rebuild data/processed and figures/ from data/raw")
    fig.set_defaults(func=_figures)
    args = parser.parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
