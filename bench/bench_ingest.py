"""Ingest and layout throughput, side by side with word segmentation on the same pages.

    python bench/bench_ingest.py [N_PAGES]

Writes N simulated pages (bench/gen_corpus.py; real article text when ../shared is present) to
bench/out/ingest/, then measures in one run, CPU time, best of 3:

- read_page: bytes from disk -> decoded text (encoding detection, newline normalisation,
  sidecar metadata);
- read_page + parse_page: the whole pages -> articles stage;
- jieba.lcut over the article bodies, for scale: ingest should never matter next to it;
- read_page + parse_page + the articles table over the same pages in 2 worker processes, wall
  clock (how a corpus is ingested on a 2-core machine such as CI's), against the same work in
  this process, wall clock too;
- the layout stage's mypyc build (analysis/_native, what runs after ``make``) against the same
  source as pure Python (ANALYSIS_PURE_PYTHON=1, in a child process), rounds interleaved.

Target (issue 2): ingest >= 5 MB/s of raw text, read per process (the CPU-time lines).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(HERE.parent / "tests"))

import pandas as pd  # noqa: E402
from gen_corpus import generate_corpus  # noqa: E402

from analysis import layout  # noqa: E402
from analysis.ingest import read_page  # noqa: E402
from analysis.layout import ARTICLE_COLUMNS, parse_page  # noqa: E402

# CPU time of read_page + parse_page over the files named on stdin, in a fresh interpreter
_CHILD = """
import sys, time
from pathlib import Path
from analysis import layout
from analysis.ingest import read_page
files = [Path(line) for line in sys.stdin.read().split()]
[layout.parse_page(read_page(f)) for f in files]  # (warm: regexes, surnames, caches)
start = time.process_time()
[layout.parse_page(read_page(f)) for f in files]
print(layout.IMPLEMENTATION, time.process_time() - start)
"""


def child_layout_time(files: list[Path], pure: bool) -> tuple[str, float]:
    env = dict(os.environ, ANALYSIS_PURE_PYTHON="1" if pure else "0")
    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input="\n".join(map(str, files)),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    implementation, seconds = result.stdout.split()
    return implementation, float(seconds)


def best_of(fn, repeats: int = 3) -> float:
    times = []
    for _ in range(repeats):
        start = time.process_time()
        fn()
        times.append(time.process_time() - start)
    return min(times)


def articles_of(files: list[Path]) -> int:
    """The whole ingest of ``files``: decode, lay out, build one articles table (as
    ``load_articles`` does)."""
    rows = [row for f in files for row in parse_page(read_page(f)).article_rows]
    return len(pd.DataFrame(rows, columns=ARTICLE_COLUMNS))


def wall_clock(fn) -> float:
    start = time.perf_counter()
    fn()
    return time.perf_counter() - start


def main() -> None:
    n_pages = int(sys.argv[1]) if len(sys.argv) > 1 else 200
    out = HERE / "out" / "ingest"
    # regenerated each run: the pages follow the simulator as it is now
    shutil.rmtree(out, ignore_errors=True)
    generate_corpus(n_pages, out, seed=0)
    files = sorted(out.glob("*.txt"))
    mb = sum(f.stat().st_size for f in files) / 1e6
    pages = [read_page(f) for f in files]
    bodies = [b for p in pages for b in parse_page(p).articles["body"]]

    t_read = best_of(lambda: [read_page(f) for f in files])
    t_layout = best_of(lambda: [parse_page(read_page(f)) for f in files])
    # The real sample page(s) in data/raw, read 50 times over: fewer, longer articles than
    # the simulated pages, so less per-headline work for the same bytes.
    real = sorted((HERE.parent / "data" / "raw").glob("*.txt"))
    real_mb = 50 * sum(f.stat().st_size for f in real) / 1e6
    t_real = best_of(lambda: [parse_page(read_page(f)) for _ in range(50) for f in real])

    import jieba

    from analysis._paths import cache_dir

    jieba.setLogLevel(60)
    tok = jieba.Tokenizer()
    tok.tmp_dir = str(cache_dir())  # jieba's cache stays in the project, not /tmp
    tok.initialize()
    t_jieba = best_of(lambda: [tok.lcut(b) for b in bodies], repeats=1)

    halves = [files[0::2], files[1::2]]
    with ProcessPoolExecutor(2) as pool:
        list(pool.map(articles_of, [files[:4], files[4:8]]))  # workers started and warm
        t_serial = min(wall_clock(lambda: articles_of(files)) for _ in range(2))
        t_parallel = min(wall_clock(lambda: sum(pool.map(articles_of, halves))) for _ in range(2))

    # the same source, compiled and not, each in a fresh process, rounds interleaved
    timings: dict[str, list[float]] = {}
    for _ in range(3):
        for pure in (False, True):
            implementation, seconds = child_layout_time(files, pure)
            timings.setdefault(implementation, []).append(seconds)

    print(f"{len(files)} pages, {mb:.2f} MB raw text (CPU time, best of 3)")
    print(f"  layout stage running here: {layout.IMPLEMENTATION}")
    print(f"  read_page (decode)           {mb / t_read:8.2f} MB/s")
    print(f"  read_page + parse_page       {mb / t_layout:8.2f} MB/s")
    print(f"  jieba.lcut on the bodies     {mb / t_jieba:8.2f} MB/s")
    print(f"  layout time / segmentation time: {t_layout / t_jieba:.2f}")
    print(f"  the real page(s) in data/raw: read_page + parse_page {real_mb / t_real:8.2f} MB/s")
    print(
        f"  read + layout + articles table, wall clock: 1 process {mb / t_serial:.2f} MB/s, "
        f"2 processes {mb / t_parallel:.2f} MB/s ({t_serial / t_parallel:.2f}x)"
    )
    if "native" in timings:
        native, pure = min(timings["native"]), min(timings["python"])
        print(
            f"  read_page + parse_page, fresh processes interleaved: native build "
            f"{mb / native:.2f} MB/s, pure Python {mb / pure:.2f} MB/s ({pure / native:.2f}x)"
        )
    else:
        print("  no native build (make native): the layout ran as pure Python")
    for label, rate in (("simulated pages", mb / t_layout), ("real page", real_mb / t_real)):
        print(f"target: ingest + layout >= 5 MB/s on the {label}: ", end="")
        print("met" if rate >= 5.0 else "NOT met")


if __name__ == "__main__":
    main()
