"""Corpus-scale benchmark: end-to-end throughput, process scaling, Dask, peak memory, projection.

    python bench/bench_corpus.py [--pages N] [--memory-chars C] [--skip-dask] [--skip-fast]

Builds N synthetic pages laid out like data/raw (bench/gen_corpus.py; article text from
../shared/corpora/peoples_daily_1998 when present, else the fixture) in bench/out/, then runs
every measurement in a fresh Python process, one after another in this run, and prints them
side by side:

- plain ``jieba.lcut`` over the page texts (the baseline), and a plain jieba script with POS tags
  and TextRank (``jieba.posseg.lcut`` + ``jieba.analyse.textrank`` per page, on a sample);
- the pipeline (pages -> articles -> tokens -> quantities -> Parquet, ``Corpus.process``) with
  1 and 2 worker processes, on Dask (``LocalCluster``, 2 worker processes) and with the fast
  engine (``Tokenizer(engine="rjieba")``), each into a fresh cache; the tables of every run are
  hashed and must be identical;
- time per stage (layout, tokens, quantities, Parquet) in one process;
- peak memory (PSS of the whole process tree, sampled) of processing at two corpus sizes and of
  reading the tables back; ``--memory-chars 20000000`` also processes a 20-million-character
  corpus with 2 workers;
- the streaming topic path (term frequencies + StreamingTopics) on the cached corpus;
- a projection of time and cores for a decade of a local daily (175 million characters) and a
  national archive ten times that.

Tokenizers are built before each timed region (their start-up is reported apart); Dask's
cluster start-up is reported apart too. The machine may be shared: ratios come from one run.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import resource
import shutil
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "bench" / "out"
DECADE_CHARS = 175_000_000
ARCHIVE_CHARS = 10 * DECADE_CHARS
TARGET_SECONDS = 30 * 60
POSSEG_SAMPLE_PAGES = 30
STAGE_SAMPLE_PAGES = 60

sys.path.insert(0, str(ROOT / "bench"))


# --------------------------------------------------------------------------- child tasks


def _cpu() -> float:
    """CPU seconds of this process and its finished children (pool workers are joined)."""
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _texts(pages_dir: str, limit: int | None = None) -> list[str]:
    from analysis.ingest import find_pages, read_page

    paths = find_pages(pages_dir)
    return [read_page(p).text for p in paths[:limit]]


def task_lcut(pages_dir: str) -> dict:
    import jieba

    texts = _texts(pages_dir)
    jieba.setLogLevel(60)
    t0 = time.perf_counter()
    jieba.initialize()
    init = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    for text in texts:
        jieba.lcut(text)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    return {"chars": sum(map(len, texts)), "seconds": seconds, "cpu": cpu, "init": init}


def task_posseg_textrank(pages_dir: str) -> dict:
    import jieba
    import jieba.analyse
    import jieba.posseg as pseg

    texts = _texts(pages_dir, POSSEG_SAMPLE_PAGES)
    jieba.setLogLevel(60)
    jieba.initialize()
    pseg.lcut("初始化")
    t0, c0 = time.perf_counter(), _cpu()
    for text in texts:
        pseg.lcut(text)
        jieba.analyse.textrank(text, topK=10, withWeight=True)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    return {"chars": sum(map(len, texts)), "seconds": seconds, "cpu": cpu}


def _corpus(pages_dir: str, cache: str, engine: str):
    from analysis.corpus import Corpus
    from analysis.tokenize import Tokenizer, default_tokenizer

    tokenizer = default_tokenizer() if engine == "jieba" else Tokenizer(engine=engine)
    return Corpus(pages_dir, cache_dir=cache, tokenizer=tokenizer, progress=False)


def code_fingerprint() -> str:
    from analysis.corpus import code_fingerprint as fingerprint

    return fingerprint()


def task_pipeline(pages_dir: str, cache: str, engine: str, workers: int) -> dict:
    shutil.rmtree(cache, ignore_errors=True)
    corpus = _corpus(pages_dir, cache, engine)
    t0 = time.perf_counter()
    corpus._build_tokenizers()
    init = time.perf_counter() - t0
    t0, c0 = time.perf_counter(), _cpu()
    corpus.process(workers=workers)
    seconds, cpu = time.perf_counter() - t0, _cpu() - c0
    run = corpus.last_run
    rows = {name: int(corpus.manifest()[f"{name}_rows"].sum()) for name in corpus.tables}
    return {
        "chars": run.n_chars,
        "pages": len(run.processed),
        "seconds": seconds,
        "cpu": cpu,
        "init": init,
        "rows": rows,
        "code": code_fingerprint(),
    }


def task_dask(pages_dir: str, cache: str, engine: str, workers: int) -> dict:
    from distributed import Client

    from analysis.corpus import _init_worker_process, local_cluster

    shutil.rmtree(cache, ignore_errors=True)
    corpus = _corpus(pages_dir, cache, engine)
    t0 = time.perf_counter()
    with local_cluster(workers) as cluster, Client(cluster) as client:
        # each worker builds its stages once, untimed as for the pool (process_dask would too)
        tokenizer = corpus.tokenizer
        client.run(_init_worker_process, tokenizer, corpus.fingerprint(), corpus.tables)
        startup = time.perf_counter() - t0
        before = sum(client.run(_cpu).values())
        t0, c0 = time.perf_counter(), _cpu()
        corpus.process_dask(scheduler=client)
        seconds = time.perf_counter() - t0
        # workers' CPU plus this process' (scheduler, nannies, client)
        cpu = sum(client.run(_cpu).values()) - before + _cpu() - c0
    run = corpus.last_run
    return {
        "chars": run.n_chars,
        "pages": len(run.processed),
        "seconds": seconds,
        "cpu": cpu,
        "init": startup,
        "code": code_fingerprint(),
    }


def task_stages(pages_dir: str, cache: str) -> dict:
    import pandas as pd

    from analysis.corpus import _write_parquet
    from analysis.ingest import find_pages, read_page
    from analysis.layout import parse_page
    from analysis.overrides import apply_overrides
    from analysis.quantities import quantities
    from analysis.tokenize import Tokenizer, default_tokenizer, tokens

    paths = find_pages(pages_dir)[:STAGE_SAMPLE_PAGES]
    default_tokenizer().fit()
    fast = Tokenizer(engine="rjieba").fit()
    times: dict[str, float] = {}
    t0 = time.process_time()
    pages = [read_page(p) for p in paths]
    times["read"] = time.process_time() - t0
    t0 = time.process_time()
    layouts = [apply_overrides(parse_page(p)) for p in pages]
    times["layout"] = time.process_time() - t0
    articles = pd.concat([lay.articles for lay in layouts], ignore_index=True)
    t0 = time.process_time()
    toks = tokens(articles)
    times["tokens (jieba)"] = time.process_time() - t0
    t0 = time.process_time()
    tokens(articles, fast)
    times["tokens (rjieba)"] = time.process_time() - t0
    t0 = time.process_time()
    qty = quantities(articles)
    times["quantities"] = time.process_time() - t0
    t0 = time.process_time()
    out = Path(cache)
    shutil.rmtree(out, ignore_errors=True)
    for name, frame in (("articles", articles), ("tokens", toks), ("quantities", qty)):
        _write_parquet(frame, out / f"{name}.parquet")
    times["parquet"] = time.process_time() - t0
    return {"chars": sum(len(p.text) for p in pages), "times": times}


def task_readback(cache: str) -> dict:
    """Read every table back into memory at once (what an analyst's notebook does)."""
    from analysis.corpus import Corpus

    corpus = Corpus.from_cache(cache)
    t0 = time.perf_counter()
    frames = {name: corpus.read(name) for name in corpus.tables}
    seconds = time.perf_counter() - t0
    return {
        "seconds": seconds,
        "rows": {name: len(frame) for name, frame in frames.items()},
        "frames_mb": sum(f.memory_usage(deep=True).sum() for f in frames.values()) / 1e6,
    }


def task_hashes(cache: str) -> dict:
    """Hash of every table of a cache, one table at a time (to compare runs)."""
    from analysis.corpus import Corpus, _frame_hash

    corpus = Corpus.from_cache(cache)
    return {"hashes": {name: _frame_hash(corpus.read(name)) for name in corpus.tables}}


def task_topics(cache: str) -> dict:
    from analysis import stream
    from analysis.corpus import Corpus

    corpus = Corpus.from_cache(cache)
    t0 = time.perf_counter()
    tf = stream.term_frequencies(corpus)
    t_freq = time.perf_counter() - t0
    t0 = time.perf_counter()
    assigned = stream.StreamingTopics(n_topics=20, random_state=0).fit_assign(corpus)
    t_topics = time.perf_counter() - t0
    return {
        "seconds": t_freq + t_topics,
        "freq_seconds": t_freq,
        "topic_seconds": t_topics,
        "terms": len(tf),
        "articles": len(assigned),
    }


TASKS = {
    "lcut": task_lcut,
    "posseg_textrank": task_posseg_textrank,
    "pipeline": task_pipeline,
    "dask": task_dask,
    "stages": task_stages,
    "readback": task_readback,
    "hashes": task_hashes,
    "topics": task_topics,
}


# --------------------------------------------------------------------------- running children


def _tree_memory(proc) -> float:
    """PSS (RSS where PSS is unavailable) of a process and its descendants, in MB."""
    import psutil

    total = 0
    for p in [proc, *proc.children(recursive=True)]:
        try:
            try:
                total += p.memory_full_info().pss
            except (AttributeError, psutil.AccessDenied):
                total += p.memory_info().rss
        except psutil.NoSuchProcess:
            pass
    return total / 1e6


def _machine_busy() -> float | None:
    """CPU seconds the whole machine has been busy (all processes), from /proc/stat."""
    try:
        fields = Path("/proc/stat").read_text().splitlines()[0].split()[1:]
    except OSError:
        return None
    user, nice, system, _idle, _iowait, irq, softirq, steal = (int(x) for x in fields[:8])
    return (user + nice + system + irq + softirq + steal) / os.sysconf("SC_CLK_TCK")


def run_child(task: str, *args) -> dict:
    """Run one task in a fresh interpreter; return its result with peak memory of its tree."""
    import psutil

    cmd = [sys.executable, str(Path(__file__).resolve()), "--child", task, json.dumps(args)]
    env = dict(os.environ, PYTHONHASHSEED="0")
    env.setdefault("ANALYSIS_CACHE_DIR", str(ROOT / ".cache"))
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env)
    peak = 0.0
    stop = threading.Event()

    def sample() -> None:
        nonlocal peak
        handle = psutil.Process(proc.pid)
        while not stop.is_set():
            try:
                peak = max(peak, _tree_memory(handle))
            except psutil.NoSuchProcess:
                return
            stop.wait(0.2)

    sampler = threading.Thread(target=sample, daemon=True)
    sampler.start()
    t0, busy0 = time.perf_counter(), _machine_busy()
    out, err = proc.communicate()
    wall, busy1 = time.perf_counter() - t0, _machine_busy()
    stop.set()
    sampler.join()
    if proc.returncode != 0:
        raise RuntimeError(f"task {task} failed:\n{err[-3000:]}")
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_mb"] = peak
    result["wall"] = wall
    if busy0 is not None and busy1 is not None:
        # share of the machine's cores that other processes used while this task ran
        others = (busy1 - busy0) - result["total_cpu"]
        result["others"] = max(0.0, others / (wall * (os.cpu_count() or 1)))
    return result


def best_of(n: int, task: str, *args) -> dict:
    """The fastest of ``n`` runs (the one least slowed down by other work on the machine)."""
    runs = [run_child(task, *args) for _ in range(n)]
    return min(runs, key=lambda res: res["seconds"])


def child_main(task: str, args_json: str) -> None:
    import logging

    logging.getLogger("distributed").setLevel(logging.ERROR)
    result = TASKS[task](*json.loads(args_json))
    result["maxrss_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    result["total_cpu"] = _cpu()
    print(json.dumps(result))


# --------------------------------------------------------------------------- report


def corpus_dir(n_pages: int, seed: int = 0) -> Path:
    """bench/out/corpus-s<seed>-<N>, generated once (page i is the same at every size)."""
    from gen_corpus import generate_corpus

    folder = OUT / f"corpus-s{seed}-{n_pages}"
    if len(list(folder.glob("*.txt"))) != n_pages:
        shutil.rmtree(folder, ignore_errors=True)
        t0 = time.perf_counter()
        generate_corpus(n_pages, folder, seed=seed)
        print(f"generated {n_pages} pages in {folder} ({time.perf_counter() - t0:.0f} s)")
    return folder


def rate(result: dict) -> float:
    return result["chars"] / result["seconds"]


def fmt_duration(seconds: float) -> str:
    if seconds < 120:
        return f"{seconds:.0f} s"
    if seconds < 2 * 3600:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=240, help="pages in the corpus (240)")
    parser.add_argument(
        "--memory-chars",
        type=float,
        default=0,
        help="also process a corpus of this many characters with 2 workers (e.g. 2e7)",
    )
    parser.add_argument(
        "--repeat", type=int, default=2, help="runs of each timing; the fastest counts (2)"
    )
    parser.add_argument("--skip-dask", action="store_true")
    parser.add_argument("--skip-fast", action="store_true")
    args = parser.parse_args(argv)

    started = time.strftime("%Y-%m-%d %H:%M")
    pages = corpus_dir(args.pages)
    quarter = corpus_dir(max(4, args.pages // 4))
    cache = OUT / "cache"
    print(f"bench_corpus {started}: {args.pages} pages, {os.cpu_count()} cores, load average "
          f"{os.getloadavg()[0]:.1f} at start")  # fmt: skip

    r: dict[str, dict] = {}
    n = args.repeat
    r["lcut"] = best_of(n, "lcut", str(pages))
    r["posseg"] = run_child("posseg_textrank", str(pages))
    r["p1"] = best_of(n, "pipeline", str(pages), str(cache / "p1"), "jieba", 1)
    r["p2"] = best_of(n, "pipeline", str(pages), str(cache / "p2"), "jieba", 2)
    if not args.skip_dask:
        r["dask"] = best_of(n, "dask", str(pages), str(cache / "dask"), "jieba", 2)
    if not args.skip_fast:
        r["f1"] = best_of(n, "pipeline", str(pages), str(cache / "f1"), "rjieba", 1)
        r["f2"] = best_of(n, "pipeline", str(pages), str(cache / "f2"), "rjieba", 2)
    r["quarter"] = run_child("pipeline", str(quarter), str(cache / "quarter"), "jieba", 1)
    for key in ("p1", "p2", "dask", "f1", "f2"):
        if key in r:  # the tables' hashes, to compare the runs
            r[f"hash_{key}"] = run_child("hashes", str(cache / key))
    r["read"] = run_child("readback", str(cache / "p1"))
    r["read_quarter"] = run_child("readback", str(cache / "quarter"))
    r["stages"] = run_child("stages", str(pages), str(cache / "stages"))
    r["topics"] = run_child("topics", str(cache / "p1"))
    if args.memory_chars:
        n_big = math.ceil(args.memory_chars / (r["p1"]["chars"] / r["p1"]["pages"]))
        big = corpus_dir(n_big)
        r["big"] = run_child("pipeline", str(big), str(cache / "big"), "jieba", 2)
        r["read_big"] = run_child("readback", str(cache / "big"))
        r["topics_big"] = run_child("topics", str(cache / "big"))

    base = rate(r["lcut"])
    chars = r["p1"]["chars"]
    print(f"\ncorpus: {r['p1']['pages']} pages, {chars:,} characters "
          f"({r['p1']['rows']['articles']:,} articles, {r['p1']['rows']['tokens']:,} tokens, "
          f"{r['p1']['rows']['quantities']:,} quantities)\n")  # fmt: skip
    print(f"{'run':48} {'seconds':>8} {'chars/s':>10} {'x lcut':>7} {'cpu s':>7} "
          f"{'peak MB':>8} {'init s':>7} {'others':>7}")  # fmt: skip

    def line(label: str, res: dict, init: bool = True) -> None:
        init_s = f"{res['init']:7.1f}" if init and "init" in res else " " * 7
        cpu = f"{res['cpu']:7.1f}" if "cpu" in res else "      -"
        others = f"{100 * res['others']:6.0f}%" if "others" in res else "      -"
        print(f"{label:48} {res['seconds']:8.1f} {rate(res):10,.0f} {rate(res) / base:7.2f} "
              f"{cpu} {res['peak_mb']:8.0f} {init_s} {others}")  # fmt: skip

    line("jieba.lcut over the page texts (baseline)", r["lcut"])
    line(f"jieba posseg + TextRank ({POSSEG_SAMPLE_PAGES} pages)", r["posseg"], init=False)
    line("pipeline, 1 process (jieba)", r["p1"])
    line("pipeline, 2 processes (jieba)", r["p2"])
    if "dask" in r:
        line("pipeline, Dask LocalCluster 2 workers (jieba)", r["dask"])
    if "f1" in r:
        line("pipeline, 1 process (rjieba)", r["f1"])
        line("pipeline, 2 processes (rjieba)", r["f2"])

    print("  (cpu s: CPU seconds of the timed part, all processes; init s: start-up, not timed; "
          "others: share of the machine used by other programs during the run; "
          f"best of {n} runs)")  # fmt: skip
    print("\nratios (same run):")
    checks = []

    def ratio(label: str, value: float, target: str, ok: bool) -> None:
        checks.append(ok)
        print(f"  {label:56} {value:6.2f}   target {target:8} {'met' if ok else 'MISSED'}")

    ratio("end-to-end 1 process / jieba.lcut", rate(r["p1"]) / base, ">= 0.80",
          rate(r["p1"]) / base >= 0.8)  # fmt: skip
    ratio("2 processes / 1 process", rate(r["p2"]) / rate(r["p1"]), ">= 1.70",
          rate(r["p2"]) / rate(r["p1"]) >= 1.7)  # fmt: skip
    if "dask" in r:
        d = r["dask"]["seconds"] / r["p2"]["seconds"]
        ratio("Dask 2 workers time / process pool time", d, "<= 1.15", d <= 1.15)
    if "f1" in r:
        ratio("end-to-end rjieba 1 process / jieba.lcut", rate(r["f1"]) / base, ">= 5.00",
              rate(r["f1"]) / base >= 5)  # fmt: skip
    hashes = {k: r[f"hash_{k}"]["hashes"] for k in ("p1", "p2", "dask", "f1", "f2") if k in r}
    same = all(h == hashes["p1"] for h in hashes.values())
    code_changed = len({r[k]["code"] for k in hashes}) > 1
    print(f"  tables identical across {', '.join(hashes)}: {same}"
          + (" (the analysis code changed during the run)" if code_changed else ""))  # fmt: skip
    cpu_ratio = (r["p1"]["cpu"] / r["p1"]["chars"]) / (r["lcut"]["cpu"] / r["lcut"]["chars"])
    print(f"  CPU time per character, jieba.lcut / pipeline 1 process: {1 / cpu_ratio:.2f} "
          "(the first ratio without the other load on the machine)")  # fmt: skip
    if "dask" in r:
        print(f"  CPU seconds, Dask / process pool: {r['dask']['cpu'] / r['p2']['cpu']:.2f}")
    print(f"  CPU seconds, 2 processes / 1 process: {r['p2']['cpu'] / r['p1']['cpu']:.2f} "
          f"(so the best 2-process speed-up on 2 idle cores is "
          f"{2 * r['p1']['cpu'] / r['p2']['cpu']:.2f})")  # fmt: skip

    print("\nstages (CPU seconds), one process, first "
          f"{STAGE_SAMPLE_PAGES} pages ({r['stages']['chars']:,} characters):")  # fmt: skip
    total = sum(v for k, v in r["stages"]["times"].items() if k != "tokens (rjieba)")
    for name, seconds in r["stages"]["times"].items():
        share = (
            f"{100 * seconds / total:5.1f}% of the jieba pipeline" if "rjieba" not in name else ""
        )
        print(
            f"  {name:18} {seconds:6.2f} s  {r['stages']['chars'] / seconds:10,.0f} chars/s  {share}"
        )

    print("\npeak memory (PSS of the process tree):")
    q = r["quarter"]
    print(f"  processing, 1 process: {q['chars']:>12,} chars -> {q['peak_mb']:6.0f} MB; "
          f"{chars:,} chars -> {r['p1']['peak_mb']:6.0f} MB")  # fmt: skip
    rq, rr = r["read_quarter"], r["read"]
    print(f"  reading the tables back: {rq['rows']['tokens']:>10,} tokens -> "
          f"{rq['peak_mb']:6.0f} MB; {rr['rows']['tokens']:,} tokens -> {rr['peak_mb']:6.0f} MB "
          f"(frames {rr['frames_mb']:.0f} MB)")  # fmt: skip
    if "big" in r:
        b = r["big"]
        print(f"  {b['chars']:,}-character corpus, 2 processes: peak {b['peak_mb']:.0f} MB "
              f"(target < 2000 MB: {'met' if b['peak_mb'] < 2000 else 'MISSED'}), "
              f"{b['seconds']:.0f} s, {rate(b):,.0f} chars/s")  # fmt: skip
        rb = r["read_big"]
        print(f"  reading its tables back ({rb['rows']['tokens']:,} tokens, frames "
              f"{rb['frames_mb']:.0f} MB): peak {rb['peak_mb']:.0f} MB")  # fmt: skip
    for key in ("topics", "topics_big"):
        if key in r:
            t = r[key]
            print(f"  streaming term frequencies + StreamingTopics(20) over {t['articles']:,} "
                  f"articles: {t['freq_seconds']:.1f} + {t['topic_seconds']:.1f} s, "
                  f"peak {t['peak_mb']:.0f} MB")  # fmt: skip

    cache_bytes = sum(f.stat().st_size for f in (cache / "p1").rglob("*") if f.is_file())
    per_char = cache_bytes / chars
    print(f"\nParquet cache: {cache_bytes / 1e6:.0f} MB for {chars:,} characters "
          f"({per_char:.1f} bytes per character): decade {DECADE_CHARS * per_char / 1e9:.1f} GB, "
          f"archive {ARCHIVE_CHARS * per_char / 1e9:.0f} GB")  # fmt: skip

    print("\nprojection from the measured rates (cores at the 2-process efficiency):")
    rows = [("plain jieba script (posseg + TextRank)", rate(r["posseg"]), None)]
    rows.append(("pipeline, jieba", rate(r["p1"]), rate(r["p2"])))
    if "f1" in r:
        rows.append(("pipeline, rjieba", rate(r["f1"]), rate(r["f2"])))
    for label, one, two in rows:
        per_core = one if two is None else two / 2  # chars/s per core, as measured
        here = one if two is None else two
        cores = [math.ceil(n / (TARGET_SECONDS * per_core)) for n in (DECADE_CHARS, ARCHIVE_CHARS)]
        where = "1 core" if two is None else "2 cores"
        print(f"  {label:40} decade {fmt_duration(DECADE_CHARS / here):>7}, archive "
              f"{fmt_duration(ARCHIVE_CHARS / here):>7} on {where}; cores for 30 min: "
              f"decade {cores[0]}, archive {cores[1]}")  # fmt: skip
    eff = rate(r["p2"]) / rate(r["p1"]) / 2
    print(f"\n(parallel efficiency at 2 processes: {eff:.2f}; load average now "
          f"{os.getloadavg()[0]:.1f})")  # fmt: skip
    return 0


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child_main(sys.argv[2], sys.argv[3])
    else:
        raise SystemExit(main())
