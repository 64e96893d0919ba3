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
  source as pure Python, both in one child process, batches of pages interleaved.

Target (issue 2): ingest >= 5 MB/s of raw text, read per process (the CPU-time lines).
"""

from __future__ import annotations

import json
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

# The same pages through both builds in one process, batch by batch in alternating order (the
# machine's speed drifts from one minute to the next): CPU seconds of read_page + parse_page
# for each. ANALYSIS_PURE_PYTHON=1 keeps analysis.layout pure; the native build is imported
# beside it under its own name.
_CHILD = """
import importlib, json, sys, time
from pathlib import Path
from analysis import layout as pure
from analysis.ingest import read_page
native = importlib.import_module("analysis._native.layout")
files = [Path(line) for line in sys.stdin.read().split()]
batches = [files[k : k + 10] for k in range(0, len(files), 10)]
seconds = {"python": 0.0, "native": 0.0}
for builds in ([pure, native], [native, pure]):  # (a warm-up pass, not counted)
    for f in files[:20]:
        for build in builds:
            build.parse_page(read_page(f))
for round_ in range(3):
    for k, batch in enumerate(batches):
        order = (("python", pure), ("native", native))
        for name, build in order if (k + round_) % 2 else order[::-1]:
            start = time.process_time()
            for f in batch:
                build.parse_page(read_page(f))
            seconds[name] += time.process_time() - start
print(json.dumps({name: total / 3 for name, total in seconds.items()}))
"""


def native_against_python(files: list[Path]) -> dict[str, float] | None:
    """CPU seconds per pass over ``files`` of each build, or None with no current native build."""
    if layout.IMPLEMENTATION != "native":
        return None
    result = subprocess.run(
        [sys.executable, "-c", _CHILD],
        input="\n".join(map(str, files)),
        capture_output=True,
        text=True,
        env=dict(os.environ, ANALYSIS_PURE_PYTHON="1"),
        check=True,
    )
    return json.loads(result.stdout)


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

    builds = native_against_python(files)

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
    if builds is not None:
        native, pure = builds["native"], builds["python"]
        print(
            f"  read_page + parse_page, both builds in one process, batches interleaved: "
            f"native {mb / native:.2f} MB/s, pure Python {mb / pure:.2f} MB/s "
            f"({pure / native:.2f}x)"
        )
    else:
        print("  no native build (make native): the layout ran as pure Python")
    for label, rate in (("simulated pages", mb / t_layout), ("real page", real_mb / t_real)):
        print(f"target: ingest + layout >= 5 MB/s on the {label}: ", end="")
        print("met" if rate >= 5.0 else "NOT met")


if __name__ == "__main__":
    main()
