"""SIGHAN 2005 segmentation scores: plain jieba vs the project tokenizer, side by side.

Reads ../shared/corpora/sighan2005 in place (research-only data; nothing is copied) and scores
with the bakeoff's rules: a word is correct when its character span matches a gold word's span;
precision = correct / words produced, recall = correct / gold words, F1 = 2PR / (P + R); OOV
recall is the recall of gold words absent from the training word list, IV recall the rest.

Requirement (issue 3): on PKU the domain dictionaries and the organisation rule cost general
text at most 0.5 F1 points. The script exits 1 when that fails (the scores are deterministic).
Prints one line and exits 0 when the corpus is absent.

    .venv/bin/python bench/bench_segmentation.py [--corpus pku|msr|all]
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("ANALYSIS_CACHE_DIR", str(Path(__file__).resolve().parents[1] / ".cache"))

from analysis._paths import cache_dir, shared_corpus
from analysis.tokenize import Tokenizer

MAX_F1_LOSS = 0.5  # F1 points on PKU


def spans(words: list[str]) -> set[tuple[int, int]]:
    """Character spans of the words, whitespace ignored (the bakeoff scores words, not spaces)."""
    out, pos = set(), 0
    for w in words:
        w = "".join(w.split())
        if w:
            out.add((pos, pos + len(w)))
            pos += len(w)
    return out


def score(
    segment: Callable[[str], list[str]],
    raw: list[str],
    gold: list[list[str]],
    training_words: set[str],
) -> dict[str, float]:
    correct = produced = n_gold = 0
    oov_gold = oov_hit = iv_gold = iv_hit = 0
    t0 = time.perf_counter()
    for line, gold_words in zip(raw, gold, strict=True):
        test_spans = spans(segment(line))
        gold_spans = spans(gold_words)
        hits = test_spans & gold_spans
        correct += len(hits)
        produced += len(test_spans)
        n_gold += len(gold_spans)
        pos = 0
        for w in gold_words:
            span = (pos, pos + len(w))
            pos += len(w)
            if w in training_words:
                iv_gold += 1
                iv_hit += span in hits
            else:
                oov_gold += 1
                oov_hit += span in hits
    elapsed = time.perf_counter() - t0
    p = correct / produced if produced else 0.0
    r = correct / n_gold if n_gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {
        "P": 100 * p,
        "R": 100 * r,
        "F1": 100 * f,
        "OOV_R": 100 * oov_hit / oov_gold if oov_gold else float("nan"),
        "IV_R": 100 * iv_hit / iv_gold if iv_gold else float("nan"),
        "words": produced,
        "seconds": elapsed,
    }


def load(root: Path, name: str) -> tuple[list[str], list[list[str]], set[str]]:
    raw = (root / "testing" / f"{name}_test.utf8").read_text(encoding="utf-8").splitlines()
    gold_lines = (root / "gold" / f"{name}_test_gold.utf8").read_text(encoding="utf-8").splitlines()
    gold = [line.split() for line in gold_lines]
    words_file = root / "gold" / f"{name}_training_words.utf8"
    training = set(words_file.read_text(encoding="utf-8").split())
    if len(raw) != len(gold):
        raise SystemExit(f"{name}: {len(raw)} test lines but {len(gold)} gold lines")
    return raw, gold, training


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--corpus", choices=["pku", "msr", "all"], default="all")
    args = parser.parse_args(argv)
    root = shared_corpus("sighan2005")
    if root is None:
        print("bench_segmentation: ../shared/corpora/sighan2005 is absent; skipped")
        return 0

    import jieba

    plain = jieba.Tokenizer()  # a private instance: the global jieba.dt is never used
    plain.tmp_dir = str(cache_dir())
    systems: dict[str, Callable[[str], list[str]]] = {
        "jieba (plain, HMM)": plain.lcut,
        "project tokenizer": Tokenizer().cut,
        "  dictionaries only": Tokenizer(merge_orgs=False).cut,
        "  organisation rule only": Tokenizer(domain_dicts=False).cut,
    }
    names = ["pku", "msr"] if args.corpus == "all" else [args.corpus]
    failed = False
    for name in names:
        raw, gold, training = load(root, name)
        n_chars = sum(len(line) for line in raw)
        print(
            f"\n== SIGHAN 2005 {name.upper()}: {len(raw)} lines, {n_chars} chars, "
            f"{sum(map(len, gold))} gold words"
        )
        print(
            f"{'system':28s} {'P':>6s} {'R':>6s} {'F1':>6s} {'OOV-R':>6s} {'IV-R':>6s} {'words':>7s} {'s':>5s}"
        )
        results = {}
        for label, segment in systems.items():
            r = results[label] = score(segment, raw, gold, training)
            print(
                f"{label:28s} {r['P']:6.2f} {r['R']:6.2f} {r['F1']:6.2f} {r['OOV_R']:6.2f} "
                f"{r['IV_R']:6.2f} {r['words']:7d} {r['seconds']:5.1f}"
            )
        loss = results["jieba (plain, HMM)"]["F1"] - results["project tokenizer"]["F1"]
        verdict = "PASS" if loss <= MAX_F1_LOSS else "FAIL"
        print(
            f"F1 cost of the project tokenizer on {name.upper()}: {loss:+.3f} points "
            f"(limit {MAX_F1_LOSS}) {verdict if name == 'pku' else '(informational)'}"
        )
        if name == "pku" and loss > MAX_F1_LOSS:
            failed = True
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
