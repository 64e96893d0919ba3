"""Speed of the word stage, measured side by side in one run.

    .venv/bin/python bench/bench_tokens_speed.py [--articles N] [--rounds R]

Corpus: N full-text news articles from ../shared/corpora/thucnews_sina_800 (read in place),
or, when that is absent, the sample page's articles repeated (flagged in the output: repeated text
flatters any cache). Measurements, each round interleaved so machine load hits all alike:

1. ``tokens(articles)`` with POS tags and offsets vs plain ``jieba.lcut`` per body (requirement:
   >= 80 % of its speed) and vs ``jieba.posseg.lcut`` (requirement: >= 2x). CPU seconds
   (process time) and wall seconds; each round uses a freshly built tokenizer with empty
   out-of-vocabulary caches, built before the timed region.
2. The fast engine: ``tokens()`` with ``Tokenizer(engine="rjieba")`` vs ``rjieba.cut``.
3. Agreement with ``jieba.posseg`` (segmentation span F1 and tag agreement on identical spans),
   which the fast POS path replaces; and rjieba vs jieba with and without HMM.
4. ``tokens(articles, n_jobs=2)`` vs ``tokens(articles)``: two worker processes, the corpus
   split by article (requirement: >= 1.7x), wall time including the pool's start; each run in
   a fresh interpreter, so both sides start with empty caches.
5. Cold start (import + first cut) and peak memory (max RSS) in fresh processes, with jieba's
   cache present (warm) and absent (first run ever), for jieba, posseg and the project tokenizer.

Requirements are printed as PASS / FAIL lines; the exit code is 0 either way, since timings on a
shared 2-core machine are noisy. Prints one line and exits 0 when no corpus can be found.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import textwrap
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("ANALYSIS_CACHE_DIR", str(ROOT / ".cache"))

import pandas as pd  # noqa: E402

from analysis._paths import cache_dir, shared_corpus  # noqa: E402
from analysis.tokenize import Tokenizer, hmm_word_tag, tokens  # noqa: E402

PY = sys.executable


# --------------------------------------------------------------------------- corpus


def load_corpus(n_articles: int) -> tuple[pd.DataFrame, str]:
    root = shared_corpus("thucnews_sina_800")
    if root is not None and (root / "sina_news_800.jsonl").is_file():
        bodies = []
        with open(root / "sina_news_800.jsonl", encoding="utf-8") as fh:
            for line in fh:
                bodies.append(json.loads(line)["content"])
                if len(bodies) >= n_articles:
                    break
        label = f"THUCNews/Sina full-text news, {len(bodies)} distinct articles"
    else:
        from analysis.layout import load_articles

        sample = list(load_articles()["body"])
        bodies = [sample[i % len(sample)] for i in range(n_articles)]
        label = f"sample page articles repeated to {len(bodies)} (REPEATED TEXT: caches flattered)"
    frame = pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(len(bodies))], "body": bodies})
    return frame, label


# --------------------------------------------------------------------------- timing helpers


class Clock:
    """CPU (process) and wall seconds of a block."""

    def __enter__(self):
        self.cpu0, self.wall0 = time.process_time(), time.perf_counter()
        return self

    def __exit__(self, *exc):
        self.cpu = time.process_time() - self.cpu0
        self.wall = time.perf_counter() - self.wall0


def fresh_tokenizer(**params) -> Tokenizer:
    """A tokenizer built before timing, with every out-of-vocabulary cache empty."""
    hmm_word_tag.cache_clear()
    tok = Tokenizer(**params)
    tok.fit()
    return tok


def verdict(ok: bool) -> str:
    return "PASS" if ok else "FAIL"


# --------------------------------------------------------------------------- 1 + 2: throughput


def throughput(articles: pd.DataFrame, rounds: int) -> dict[str, list[tuple[float, float]]]:
    import jieba
    import jieba.posseg

    jieba.dt.tmp_dir = str(cache_dir())  # the bench's own baseline; keep jieba's cache off /tmp
    jieba.setLogLevel(60)
    bodies = list(articles["body"])
    jieba.lcut("预热")  # load the global dictionary outside the timed region
    jieba.posseg.lcut("预热")
    try:
        import rjieba
    except ImportError:
        rjieba = None
    results: dict[str, list[tuple[float, float]]] = {}

    def record(name: str, clock: Clock) -> None:
        results.setdefault(name, []).append((clock.cpu, clock.wall))

    for r in range(rounds):
        with Clock() as c:
            for b in bodies:
                jieba.lcut(b)
        record("jieba.lcut", c)
        tok = fresh_tokenizer()
        with Clock() as c:
            tokens(articles, tok)
        record("tokens()", c)
        if r == 0 or rounds <= 2:  # posseg is slow: one round is enough for a 2x margin
            with Clock() as c:
                for b in bodies:
                    jieba.posseg.lcut(b)
            record("jieba.posseg.lcut", c)
        if rjieba is not None:
            rj = rjieba.Jieba()
            with Clock() as c:
                for b in bodies:
                    rj.cut(b)
            record("rjieba.cut", c)
            fast = fresh_tokenizer(engine="rjieba")
            with Clock() as c:
                tokens(articles, fast)
            record("tokens(engine=rjieba)", c)
    return results


def report_throughput(results, n_chars: int) -> None:
    print(f"\n== 1-2. Throughput ({n_chars:,} chars; CPU s = process time, best of rounds)")
    best = {k: min(cpu for cpu, _ in v) for k, v in results.items()}
    best_wall = {k: min(wall for _, wall in v) for k, v in results.items()}
    print(f"{'task':26s} {'CPU s':>7s} {'wall s':>7s} {'kchars/s':>9s}  rounds (CPU s)")
    for name, runs in results.items():
        rounds = " ".join(f"{cpu:.2f}" for cpu, _ in runs)
        print(
            f"{name:26s} {best[name]:7.2f} {best_wall[name]:7.2f} "
            f"{n_chars / best[name] / 1000:9.0f}  {rounds}"
        )
    vs_lcut = best["jieba.lcut"] / best["tokens()"]
    vs_posseg = best["jieba.posseg.lcut"] / best["tokens()"]
    med = statistics.median(
        a[0] / b[0] for a, b in zip(results["jieba.lcut"], results["tokens()"], strict=True)
    )
    print(
        f"tokens() speed / jieba.lcut speed: {vs_lcut:.2f} (median of paired rounds {med:.2f}); "
        f"requirement >= 0.80 {verdict(vs_lcut >= 0.8)}"
    )
    print(
        f"tokens() speed / jieba.posseg.lcut speed: {vs_posseg:.2f}; requirement >= 2 "
        f"{verdict(vs_posseg >= 2)}"
    )
    if "rjieba.cut" in best:
        print(
            f"tokens(engine=rjieba) speed / rjieba.cut: {best['rjieba.cut'] / best['tokens(engine=rjieba)']:.2f}; "
            f"vs jieba.lcut: {best['jieba.lcut'] / best['tokens(engine=rjieba)']:.2f}x"
        )


# --------------------------------------------------------------------------- 3: agreement


def _spans(words: list[str]) -> list[tuple[int, int]]:
    out, pos = [], 0
    for w in words:
        out.append((pos, pos + len(w)))
        pos += len(w)
    return out


def _compare(a: list[tuple[str, str]], b: list[tuple[str, str]]) -> tuple[int, int, int, int]:
    """(common spans, spans in a, spans in b, common spans with the same tag); whitespace out."""
    sa = {s: t for s, (w, t) in zip(_spans([w for w, _ in a]), a, strict=True) if not w.isspace()}
    sb = {s: t for s, (w, t) in zip(_spans([w for w, _ in b]), b, strict=True) if not w.isspace()}
    common = sa.keys() & sb.keys()
    return len(common), len(sa), len(sb), sum(sa[s] == sb[s] for s in common)


def agreement(articles: pd.DataFrame) -> None:
    import jieba.posseg

    bodies = list(articles["body"])
    print("\n== 3. Agreement (span F1 of the segmentations; tag agreement on identical spans)")
    plain = fresh_tokenizer(domain_dicts=False, merge_orgs=False)
    project = fresh_tokenizer()
    rows = []
    posseg = [[(p.word, p.flag) for p in jieba.posseg.lcut(b)] for b in bodies]
    for label, tok in (("fast POS path, jieba dict only", plain), ("project tokenizer", project)):
        tot = [0, 0, 0, 0]
        for body, ref in zip(bodies, posseg, strict=True):
            for i, v in enumerate(_compare(tok.cut_pos(body), ref)):
                tot[i] += v
        rows.append((f"{label} vs jieba.posseg", *tot))
    try:
        import rjieba  # noqa: F401

        for hmm in (False, True):
            a = fresh_tokenizer(engine="jieba", hmm=hmm)
            b = fresh_tokenizer(engine="rjieba", hmm=hmm)
            tot = [0, 0, 0, 0]
            differ = 0
            for body in bodies:
                pa, pb = a.cut_pos(body), b.cut_pos(body)
                differ += pa != pb
                for i, v in enumerate(_compare(pa, pb)):
                    tot[i] += v
            rows.append((f"rjieba vs jieba, hmm={hmm} ({differ} articles differ)", *tot))
    except ImportError:
        print("rjieba is not installed: engine comparison skipped")
    print(f"{'comparison':52s} {'span F1':>8s} {'tags agree':>10s}")
    for label, common, na, nb, same_tag in rows:
        f1 = 2 * common / (na + nb) if na + nb else 1.0
        print(f"{label:52s} {100 * f1:7.2f}% {100 * same_tag / common:9.2f}%")
    print(
        "Differences from posseg: posseg re-segments unknown runs with its own POS HMM and splits\n"
        "100% / 2006-07; out-of-vocabulary words here take the POS HMM's best single-word tag.\n"
        "rjieba with hmm=True differs where jieba-rs's HMM treats digits and hyphens differently."
    )


# --------------------------------------------------------------------------- 4: processes


PARALLEL_SCRIPT = textwrap.dedent(
    """
    import hashlib, json, sys, time
    import pandas as pd
    from analysis.tokenize import Tokenizer, tokens
    bodies = json.load(open(sys.argv[1], encoding="utf-8"))
    frame = pd.DataFrame({"article_id": [f"a{i:04d}" for i in range(len(bodies))], "body": bodies})
    tok = Tokenizer().fit()  # built before the clock, on both sides
    t0 = time.perf_counter()
    table = tokens(frame, tok, n_jobs=int(sys.argv[2]))
    seconds = time.perf_counter() - t0
    digest = hashlib.sha1(pd.util.hash_pandas_object(table).to_numpy().tobytes()).hexdigest()
    print(json.dumps({"seconds": seconds, "hash": digest}))
    """
)


def processes(articles: pd.DataFrame, rounds: int) -> None:
    print(
        "\n== 4. Two processes vs one: tokens(articles, n_jobs=2) vs tokens(articles), each in a"
        " fresh interpreter (wall seconds, pool start included)"
    )
    bodies_file = cache_dir() / f"bench-bodies-{os.getpid()}.json"
    bodies_file.write_text(json.dumps(list(articles["body"]), ensure_ascii=False), encoding="utf-8")
    one, two, hashes = [], [], set()
    try:
        # A fresh interpreter per run: both sides start with empty caches and a fresh heap, as
        # an analyst's script does; rounds alternate so that machine load hits both alike.
        for _ in range(rounds):
            for n_jobs, times in ((1, one), (2, two)):
                r = _child(PARALLEL_SCRIPT, str(bodies_file), str(n_jobs), cache=cache_dir())
                times.append(r["seconds"])
                hashes.add(r["hash"])
    finally:
        bodies_file.unlink(missing_ok=True)
    assert len(hashes) == 1, "2-process tokens differ from 1-process tokens"
    speedup = min(one) / min(two)
    paired = statistics.median(a / b for a, b in zip(one, two, strict=True))
    rounds_text = " ".join(f"{a:.2f}/{b:.2f}" for a, b in zip(one, two, strict=True))
    print(
        f"1 process {min(one):.2f} s, 2 processes {min(two):.2f} s "
        f"(rounds 1/2: {rounds_text}); identical tables"
    )
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    print(
        f"wall speed-up {speedup:.2f}x best against best (median of the rounds' ratios "
        f"{paired:.2f}x); requirement >= 1.7 {verdict(speedup >= 1.7)} "
        f"(load average {load:.1f} on {os.cpu_count()} CPUs: other work on the machine "
        "lowers this figure)"
    )


# --------------------------------------------------------------------------- 5: cold start


COLD_SCRIPT = textwrap.dedent(
    """
    import sys, time, json
    def peak_mb():  # VmHWM: the peak of this program (ru_maxrss would include the forked parent)
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")
    t0 = time.perf_counter()
    kind = sys.argv[1]
    text = "市委书记祁海龙在钟埭街道强调，全市上下要复工复产，平湖市兴荣箱包有限公司已全员复工。"
    if kind == "jieba.lcut":
        import jieba
        jieba.dt.tmp_dir = sys.argv[2]
        jieba.setLogLevel(60)
        jieba.lcut(text)
    elif kind == "jieba.posseg.lcut":
        import jieba, jieba.posseg
        jieba.dt.tmp_dir = sys.argv[2]
        jieba.setLogLevel(60)
        jieba.posseg.lcut(text)
    elif kind == "Tokenizer().cut_pos":
        from analysis.tokenize import Tokenizer
        Tokenizer().cut_pos(text)
    elif kind == "tokens()":
        import pandas as pd
        from analysis.tokenize import tokens
        tokens(pd.DataFrame({"article_id": ["a"], "body": [text]}))
    elif kind == "Tokenizer(engine=rjieba)":
        from analysis.tokenize import Tokenizer
        Tokenizer(engine="rjieba").cut_pos(text)
    elapsed = time.perf_counter() - t0
    print(json.dumps({"seconds": elapsed, "max_rss_mb": peak_mb()}))
    """
)

CORPUS_SCRIPT = textwrap.dedent(
    """
    import sys, json, time
    def peak_mb():  # VmHWM: the peak of this program (ru_maxrss would include the forked parent)
        for line in open("/proc/self/status"):
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
        return float("nan")
    import pandas as pd
    bodies = json.load(open(sys.argv[2], encoding="utf-8"))
    kind = sys.argv[1]
    t0 = time.perf_counter()
    if kind == "jieba.lcut":
        import jieba
        jieba.dt.tmp_dir = sys.argv[3]
        jieba.setLogLevel(60)
        out = [jieba.lcut(b) for b in bodies]
    elif kind == "jieba.posseg.lcut":
        import jieba, jieba.posseg
        jieba.dt.tmp_dir = sys.argv[3]
        jieba.setLogLevel(60)
        out = [jieba.posseg.lcut(b) for b in bodies]
    else:
        from analysis.tokenize import tokens
        out = tokens(pd.DataFrame({"article_id": [str(i) for i in range(len(bodies))], "body": bodies}))
    print(json.dumps({"seconds": time.perf_counter() - t0,
                      "max_rss_mb": peak_mb()}))
    """
)


def _child(script: str, *args: str, cache: Path) -> dict:
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(cache), "PYTHONHASHSEED": "0"}
    t0 = time.perf_counter()
    done = subprocess.run(
        [PY, "-c", script, *args], capture_output=True, text=True, env=env, cwd=ROOT, check=False
    )
    wall = time.perf_counter() - t0
    if done.returncode != 0:
        raise RuntimeError(done.stderr[-2000:])
    result = json.loads(done.stdout.strip().splitlines()[-1])
    result["process_wall"] = wall
    return result


def cold_start(articles: pd.DataFrame) -> None:
    print("\n== 5. Cold start (fresh process: import + first cut) and peak memory (max RSS)")
    kinds = ["jieba.lcut", "jieba.posseg.lcut", "Tokenizer().cut_pos", "tokens()"]
    try:
        import rjieba  # noqa: F401

        kinds.append("Tokenizer(engine=rjieba)")
    except ImportError:
        pass
    warm = cache_dir()
    empty = cache_dir() / f"bench-coldstart-{os.getpid()}"  # inside the project, never /tmp
    print(
        f"{'task':26s} {'warm cache s':>12s} {'(process)':>9s} {'MB':>6s} {'no cache s':>11s} {'MB':>6s}"
    )
    try:
        for kind in kinds:
            w = _child(COLD_SCRIPT, kind, str(warm), cache=warm)
            shutil.rmtree(empty, ignore_errors=True)
            empty.mkdir(parents=True)
            c = _child(COLD_SCRIPT, kind, str(empty), cache=empty)
            print(
                f"{kind:26s} {w['seconds']:12.2f} {w['process_wall']:9.2f} {w['max_rss_mb']:6.0f} "
                f"{c['seconds']:11.2f} {c['max_rss_mb']:6.0f}"
            )
    finally:
        shutil.rmtree(empty, ignore_errors=True)
    print("(seconds: inside the process from its first line; (process): whole interpreter run)")

    bodies_file = cache_dir() / f"bench-bodies-{os.getpid()}.json"
    bodies_file.write_text(json.dumps(list(articles["body"]), ensure_ascii=False), encoding="utf-8")
    try:
        print(
            f"\nPeak memory tokenising the whole corpus ({len(articles)} articles) in one process:"
        )
        for kind in ("jieba.lcut", "jieba.posseg.lcut", "tokens()"):
            r = _child(CORPUS_SCRIPT, kind, str(bodies_file), str(warm), cache=warm)
            print(f"{kind:26s} max RSS {r['max_rss_mb']:6.0f} MB  ({r['seconds']:.1f} s)")
    finally:
        bodies_file.unlink(missing_ok=True)


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=300)
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--skip-cold", action="store_true", help="skip the fresh-process runs")
    args = parser.parse_args(argv)
    articles, label = load_corpus(args.articles)
    if articles.empty:
        print("bench_tokens_speed: no corpus found; skipped")
        return 0
    n_chars = int(articles["body"].str.len().sum())
    print(f"Corpus: {label}; {n_chars:,} characters")
    report_throughput(throughput(articles, args.rounds), n_chars)
    agreement(articles)
    processes(articles, args.rounds)
    if not args.skip_cold:
        cold_start(articles)
    return 0


if __name__ == "__main__":
    sys.exit(main())
