"""Layout generalisation and throughput on simulated pages (tests/page_sim.py).

Lays out 1000 simulated pages by default (fixed seeds; the issue asks for >= 200) with known ground truth, runs
``analysis.layout.parse_page`` on each and reports:

- the share of articles whose body comes out exact, and whose title is assigned right
  (targets: >= 98 % both), broken down by the simulator's knobs;
- article-count agreement and character conservation per page;
- ingest throughput in MB/s of raw UTF-8 text (target >= 5 MB/s), next to two baselines
  measured on the same pages in the same run: splitting + width folding, and the line
  normaliser alone (the least work a layout must do);
- compact failure examples (raw snippet, expected vs got).

Text comes from the People's Daily 1998 corpus when ../shared is present, else from the
fixture tests/fixtures/sim_articles.txt.

    python bench/bench_layout.py [--pages 1000] [--source auto|fixture|peoples_daily]
                                 [--examples 6] [--dump failures.json]
"""

from __future__ import annotations

import argparse
import json
import random
import sys
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT))

import page_sim as ps  # noqa: E402

TARGET_SHARE = 0.98
TARGET_MBPS = 5.0


def width_bucket(width: int) -> str:
    return "11-14" if width <= 14 else ("15-19" if width <= 19 else "20-26")


def breakdowns(rows: list[dict]) -> dict[str, dict[str, list[dict]]]:
    """knob -> value -> rows."""
    keys = {
        "position": lambda r: r["f_position"],
        "page style": lambda r: r["f_page_style"],
        "doubled": lambda r: r["f_doubled"],
        "width": lambda r: width_bucket(r["f_width"]),
        "kicker": lambda r: r["f_kicker"],
        "subtitle": lambda r: r["f_subtitle"],
        "byline": lambda r: r["f_byline"],
        "dateline": lambda r: r["f_dateline"],
        "justified": lambda r: r["f_justified"],
        "fullwidth": lambda r: r["f_fullwidth"],
        "column breaks": lambda r: "0" if r["f_col_breaks"] == 0 else "1+",
        "follows body": lambda r: r["f_follows_body"],
        "ambiguous blank": lambda r: "0" if r["f_ambiguous_blanks"] == 0 else "1+",
        "convention": lambda r: r.get("f_convention", "none"),
    }
    out: dict[str, dict[str, list[dict]]] = {}
    for name, key in keys.items():
        groups: dict[str, list[dict]] = defaultdict(list)
        for r in rows:
            groups[str(key(r))].append(r)
        out[name] = dict(sorted(groups.items()))
    return out


def share(rows: list[dict], key: str) -> float:
    return sum(bool(r[key]) for r in rows) / len(rows) if rows else float("nan")


def first_difference(a: str, b: str) -> int:
    n = min(len(a), len(b))
    for i in range(n):
        if a[i] != b[i]:
            return i
    return n


def show(text: str, i: int, before: int = 12, after: int = 24) -> str:
    snippet = text[max(0, i - before) : i + after].replace("\n", "⏎")
    return ("…" if i > before else "") + snippet + ("…" if i + after < len(text) else "")


def raw_lines_around(page: ps.SimPage, numbers: list[int], context: int = 1) -> str:
    lines = page.lines
    wanted = sorted(
        {n for k in numbers for n in range(k - context, k + context + 1) if 1 <= n <= len(lines)}
    )
    return "\n".join(f"      {n:4d}| {lines[n - 1]}" for n in wanted)


def body_line_of(page: ps.SimPage, truth: ps.TruthArticle, index: int) -> int:
    """The raw line that holds non-whitespace character ``index`` of dateline + body."""
    seen = 0
    numbers = page.lines_with_role("body", "caption", ordinal=truth.ordinal)
    for n in numbers:
        seen += len(ps.nows(ps.fold(page.lines[n - 1])))
        if seen > index:
            return n
    return numbers[-1] if numbers else truth.line_end


def _breaks(body: str) -> set[int]:
    """Paragraph breaks as offsets into the body without whitespace."""
    out, pos = set(), 0
    for para in body.split("\n")[:-1]:
        pos += len(ps.nows(para))
        out.add(pos)
    return out


def body_failure(page: ps.SimPage, row: dict) -> tuple[str, list[int]]:
    """(category, raw lines to show) for an article whose body is not exact."""
    t, g = row["expected"], row["got"]
    e, got = ps.nows(t.body), ps.nows(g["body"])
    offset = len(ps.nows(t.dateline))
    if e == got:
        added, missed = _breaks(g["body"]) - _breaks(t.body), _breaks(t.body) - _breaks(g["body"])
        if not added | missed:
            i = first_difference(t.body, g["body"])
            where = len(ps.nows(t.body[:i]))
            return "spaces differ", [body_line_of(page, t, offset + where)]
        where = min(added | missed)
        kind = "paragraph break added" if where in added else "paragraph break missed"
        return kind, [body_line_of(page, t, offset + where - 1)]
    if not got:
        return "body empty", [t.line_start]
    if got.endswith(e):
        extra = got[: len(got) - len(e)]
        if ps.nows(t.dateline) and extra.endswith(ps.nows(t.dateline)[-4:]):
            return "dateline (part) left in body", [t.line_start, t.line_start + 1]
        heads = {
            ps.nows(x)
            for a in page.articles
            for x in (a.kicker, a.title, a.subtitle)
            if len(ps.nows(x)) >= 2
        }
        if any(h in extra for h in heads):
            return "headline glued to the body start", [t.line_start - 1, t.line_start]
        return "merged with the text before", [t.line_start - 1, t.line_start]
    if got.startswith(e):
        return "merged with the text after", [t.line_end, t.line_end + 1]
    if e.endswith(got):
        return "start cut off", [body_line_of(page, t, offset + len(e) - len(got))]
    if e.startswith(got):
        return "end cut off", [body_line_of(page, t, offset + len(got))]
    i = first_difference(e, got)
    return "other", [body_line_of(page, t, offset + i)]


def describe_body_failure(page: ps.SimPage, seed: int, row: dict, lines: list[int]) -> str:
    t, g = row["expected"], row["got"]
    i = first_difference(t.body, g["body"])
    feats = " ".join(f"{k[2:]}={v}" for k, v in row.items() if k.startswith("f_"))
    return (
        f"  seed {seed} article {t.ordinal} ({t.source_id}; {feats})\n"
        f"    expected: {show(t.body, i)}\n"
        f"    got     : {show(g['body'], i)}\n"
        f"{raw_lines_around(page, lines, 2)}"
    )


def title_failure(page: ps.SimPage, row: dict) -> tuple[str, list[int]]:
    t, g = row["expected"], row["got"]
    heads = page.lines_with_role("kicker", "title", "subtitle", ordinal=t.ordinal)
    got_title = ps.nows(g["title"])
    if not got_title:
        kind = "no title assigned"
    elif row["headline_ok"]:
        kind = "kicker/title/subtitle split differs"
    elif any(got_title == ps.nows(a.title) for a in page.articles if a is not t):
        kind = "title of another article"
    elif ps.nows(t.title) in ps.nows(g["kicker"] + g["title"] + g["subtitle"]):
        kind = "title with extra text"
    elif got_title in ps.nows(t.kicker + t.title + t.subtitle):
        kind = "part of the headline only"
    else:
        kind = "other"
    return kind, heads


def describe_title_failure(page: ps.SimPage, seed: int, row: dict, lines: list[int]) -> str:
    t, g = row["expected"], row["got"]
    feats = " ".join(f"{k[2:]}={v}" for k, v in row.items() if k.startswith("f_"))
    return (
        f"  seed {seed} article {t.ordinal} ({t.source_id}; {feats})\n"
        f"    expected: kicker={t.kicker!r} title={t.title!r} subtitle={t.subtitle!r}\n"
        f"    got     : kicker={g['kicker']!r} title={g['title']!r} subtitle={g['subtitle']!r}"
        f" (got article {row['got_ordinal']}; body lines {t.line_start}-{t.line_end})\n"
        f"{raw_lines_around(page, lines, 1)}"
    )


def report_failures(label, fails, categorise, describe, pages_by_seed, per_category) -> None:
    if not fails:
        return
    by_category: dict[str, list[tuple[dict, list[int]]]] = defaultdict(list)
    for r in fails:
        kind, lines = categorise(pages_by_seed[r["seed"]], r)
        r[f"{label}_failure"] = kind
        by_category[kind].append((r, lines))
    print(f"\n{label} failures: {len(fails)}")
    for kind, items in sorted(by_category.items(), key=lambda kv: -len(kv[1])):
        print(f"  {len(items):5d}  {kind}")
    for kind, items in sorted(by_category.items(), key=lambda kv: -len(kv[1])):
        print(f"\n {label}: {kind} ({len(items)})")
        seen_pages: set[int] = set()
        shown = 0
        for r, lines in items:  # one example per page, spread over the run
            if r["seed"] in seen_pages:
                continue
            seen_pages.add(r["seed"])
            print(describe(pages_by_seed[r["seed"]], r["seed"], r, lines))
            shown += 1
            if shown >= per_category:
                break


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    # 1000 pages: blocks of 250 differ by up to a point and a half, so one block is no estimate
    parser.add_argument("--pages", type=int, default=1000)
    parser.add_argument("--seed0", type=int, default=0, help="first page seed")
    parser.add_argument("--source", default="auto", help="auto | fixture | peoples_daily | PATH")
    parser.add_argument("--examples", type=int, default=2, help="failure examples per category")
    parser.add_argument("--dump", type=Path, help="write every failing article to this JSON file")
    args = parser.parse_args(argv)

    try:
        from analysis.layout import check_conservation, parse_page
        from analysis.normalize import fold_width, normalize_line
    except ImportError as exc:
        print(f"bench_layout: analysis.layout is not importable ({exc}); nothing to measure")
        return 0

    source = ps.source_name(args.source)
    sources = ps.load_source_articles(args.source)
    print(
        f"source: {source} ({len(sources)} articles); pages: {args.pages} "
        f"(seeds {args.seed0}..{args.seed0 + args.pages - 1})"
    )

    t0 = time.perf_counter()
    pages = [
        ps.random_page(random.Random(seed), sources)
        for seed in range(args.seed0, args.seed0 + args.pages)
    ]
    gen_seconds = time.perf_counter() - t0
    texts = [p.text for p in pages]
    megabytes = sum(len(t.encode("utf-8")) for t in texts) / 1e6
    chars = sum(len(t) for t in texts)

    # Throughput, side by side on the same texts.
    t0 = time.perf_counter()
    for text in texts:
        for line in text.split("\n"):
            fold_width(line).strip()
    split_seconds = time.perf_counter() - t0
    t0 = time.perf_counter()
    for text in texts:
        for number, line in enumerate(text.split("\n"), start=1):
            normalize_line(line, number)
    norm_seconds = time.perf_counter() - t0
    layouts = []
    t0 = time.perf_counter()
    for n, text in enumerate(texts):
        layouts.append(parse_page(text, f"sim{n:04d}"))
    parse_seconds = time.perf_counter() - t0

    rows: list[dict] = []
    page_rows = []
    for seed, page, layout in zip(
        range(args.seed0, args.seed0 + args.pages), pages, layouts, strict=True
    ):
        try:
            check_conservation(page.text, layout)
            conserved, problem = True, ""
        except AssertionError as exc:
            conserved, problem = False, str(exc)
        got = layout.articles
        n_truth = len(page.articles)  # articles and photo captions
        n_got = len(got)
        page_rows.append(
            {"seed": seed, "conserved": conserved, "problem": problem, "count_ok": n_truth == n_got}
        )
        for r in ps.score_layout(page, got):
            r["seed"] = seed
            rows.append(r)

    articles = [r for r in rows if r["kind"] == "article"]
    captions = [r for r in rows if r["kind"] == "photo_caption"]
    body = share(articles, "body_exact")
    title = share(articles, "title_ok")
    mbps = megabytes / parse_seconds

    print(
        f"\n{len(articles)} articles + {len(captions)} captions on {len(pages)} pages; "
        f"{chars / len(pages):.0f} chars/page; simulated in {gen_seconds:.1f} s"
    )
    print("\naccuracy (articles)")
    for key, label in [
        ("body_exact", "body exact"),
        ("body_text", "body text exact (paragraph breaks aside)"),
        ("title_ok", "title right"),
        ("headline_ok", "kicker+title+subtitle text right"),
        ("parts_ok", "kicker/title/subtitle split right"),
        ("byline_ok", "byline right"),
        ("dateline_ok", "dateline right"),
        ("kind_ok", "kind right"),
    ]:
        print(f"  {label:42s} {share(articles, key):7.1%}")
    if captions:
        print(
            f"  {'captions: body exact / kind right':42s} {share(captions, 'body_exact'):7.1%}"
            f" / {share(captions, 'kind_ok'):.1%}"
        )
    clear = [r for r in articles if r["f_ambiguous_blanks"] == 0]
    print(
        f"  {'body exact, no ambiguous blank line':42s} {share(clear, 'body_exact'):7.1%}"
        f"  ({len(articles) - len(clear)} articles hold a blank line that the text cannot"
        " resolve: sentence end + column break + a last line)"
    )
    plain = [r for r in articles if not r.get("f_ambiguous_headline")]
    print(
        f"  {'title right, no ambiguous headline':42s} {share(plain, 'title_ok'):7.1%}"
        f"  ({len(articles) - len(plain)} articles whose kicker over the title reads as one title"
        " wrapped the same way)"
    )
    print(
        f"  {'pages with the right article+caption count':42s} {share(page_rows, 'count_ok'):7.1%}"
    )
    print(f"  {'pages conserving every character':42s} {share(page_rows, 'conserved'):7.1%}")
    block = 250
    if len(pages) > block:
        print(
            f"\nby block of {block} pages: body exact / title right / headline to the right article"
        )
        for start in range(args.seed0, args.seed0 + args.pages, block):
            part = [r for r in articles if start <= r["seed"] < start + block]
            print(
                f"  seeds {start:4d}..{start + block - 1:<4d} {share(part, 'body_exact'):7.1%}"
                f" {share(part, 'title_ok'):7.1%} {share(part, 'headline_ok'):7.1%}"
            )

    print("\nbreakdown by knob: n, body exact, title right")
    for name, groups in breakdowns(articles).items():
        cells = "  ".join(
            f"{value}: {len(g)} {share(g, 'body_exact'):.0%} {share(g, 'title_ok'):.0%}"
            for value, g in groups.items()
        )
        print(f"  {name:14s} {cells}")

    print(f"\nthroughput on {megabytes:.2f} MB ({len(pages)} pages), same run:")
    print(f"  split + fold_width (floor)   {megabytes / split_seconds:8.2f} MB/s")
    print(f"  normalize_line per line      {megabytes / norm_seconds:8.2f} MB/s")
    print(
        f"  parse_page                   {mbps:8.2f} MB/s  "
        f"({1000 * parse_seconds / len(pages):.1f} ms/page; "
        f"{norm_seconds / parse_seconds:.2f}x the normaliser's speed)"
    )

    pages_by_seed = dict(zip(range(args.seed0, args.seed0 + args.pages), pages, strict=True))
    body_fails = [r for r in articles if not r["body_exact"]]
    title_fails = [r for r in articles if not r["title_ok"]]
    report_failures(
        "body", body_fails, body_failure, describe_body_failure, pages_by_seed, args.examples
    )
    report_failures(
        "title", title_fails, title_failure, describe_title_failure, pages_by_seed, args.examples
    )
    broken = [p for p in page_rows if not p["conserved"]]
    if broken:
        print(f"\nconservation failures: {len(broken)}; first: seed {broken[0]['seed']}: ")
        print(f"  {broken[0]['problem']}")

    if args.dump:
        dump = [
            {
                "seed": r["seed"],
                "ordinal": r["ordinal"],
                "source_id": r["source_id"],
                "features": {k[2:]: v for k, v in r.items() if k.startswith("f_")},
                "failed": [k for k in ("body_exact", "title_ok", "byline_ok") if not r[k]],
                "category": [r[k] for k in ("body_failure", "title_failure") if k in r],
                "expected": {
                    f: getattr(r["expected"], f)
                    for f in ("kicker", "title", "subtitle", "byline", "dateline", "body")
                },
                "got": {
                    f: r["got"][f]
                    for f in ("kicker", "title", "subtitle", "byline", "dateline", "body")
                },
            }
            for r in articles
            if not (r["body_exact"] and r["title_ok"] and r["byline_ok"])
        ]
        args.dump.write_text(json.dumps(dump, ensure_ascii=False, indent=1), encoding="utf-8")
        print(f"\nwrote {len(dump)} failing articles to {args.dump}")

    def verdict(ok: bool) -> str:
        return "met" if ok else "NOT met"

    print(
        f"\ntargets: body exact {body:.1%} (>= {TARGET_SHARE:.0%}: "
        f"{verdict(body >= TARGET_SHARE)}); title {title:.1%} ({verdict(title >= TARGET_SHARE)}); "
        f"throughput {mbps:.2f} MB/s (>= {TARGET_MBPS} MB/s: {verdict(mbps >= TARGET_MBPS)})"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
