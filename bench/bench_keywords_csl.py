"""Keyword extraction against author keywords: CSL (Chinese Scientific Literature) benchmark.

Reads ``../shared/corpora/csl_keywords/{dev,test}.tsv`` in place (research-only data; nothing is
copied into the project). Each row is an abstract followed by its title and the author keywords.
The document is the abstract plus the title (the title also goes to ``articles.title``, which the
keyphrase method uses). Every method of ``analysis.keywords`` is scored on the test split; the
corpus statistics (TF-IDF's IDF, keyphrase document frequencies) are learned on the dev split's
1,000 abstracts (``background=``) plus the test documents themselves, never on author keywords.
The keyphrase scoring constants were set on the dev split (``--split dev`` scores dev, with the
test abstracts as background).

Score: for each document, P = hits / keywords returned, R = hits / author keywords, F1; the table
reports the mean over documents of F1 over the top 5 and top 10 (exact string match).
Baselines, run in the same process: jieba's default ``extract_tags`` and ``textrank`` (a private
``jieba.Tokenizer`` with jieba's default settings, identical output to ``jieba.analyse``).

    .venv/bin/python bench/bench_keywords_csl.py [--split test|dev] [--limit N]
"""

from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

import pandas as pd

from analysis._paths import cache_dir, shared_corpus
from analysis.keywords import METHODS, keywords
from analysis.tokenize import tokens

_TITLE_BREAK = re.compile(r"[.。] ")


def read_split(folder: Path, split: str) -> pd.DataFrame:
    """One row per document: article_id, body (abstract + newline + title), title, gold."""
    path = folder / f"{split}.tsv"
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            fields = line.rstrip("\n").split("\t")
            if len(fields) != 3:
                raise SystemExit(f"{path}:{lineno}: expected 3 tab-separated fields")
            _, text, gold = fields
            breaks = list(_TITLE_BREAK.finditer(text))
            cut = breaks[-1].end() if breaks else text.rfind(" ") + 1
            abstract, title = text[:cut].strip(), text[cut:].strip()
            rows.append((f"{split}-{lineno:04d}", f"{abstract}\n{title}", title, gold.split("_")))
    return pd.DataFrame(rows, columns=["article_id", "body", "title", "gold"])


def f1(predicted: list[str], gold: list[str]) -> float:
    hits = len(set(predicted) & set(gold))
    if not hits:
        return 0.0
    precision, recall = hits / len(predicted), hits / len(gold)
    return 2 * precision * recall / (precision + recall)


def score(predictions: dict, docs: pd.DataFrame) -> tuple[float, float]:
    f5 = f10 = 0.0
    for article_id, gold in zip(docs["article_id"], docs["gold"], strict=True):
        predicted = predictions.get(article_id, [])
        f5 += f1(predicted[:5], gold)
        f10 += f1(predicted[:10], gold)
    return f5 / len(docs), f10 / len(docs)


def jieba_baselines(docs: pd.DataFrame) -> dict[str, dict]:
    import jieba
    import jieba.analyse
    import jieba.posseg

    jt = jieba.Tokenizer()
    jt.tmp_dir = str(cache_dir())
    tfidf = jieba.analyse.TFIDF()
    tfidf.tokenizer = jt
    tfidf.postokenizer = jieba.posseg.POSTokenizer(jt)
    textrank = jieba.analyse.TextRank()
    textrank.tokenizer = textrank.postokenizer = jieba.posseg.POSTokenizer(jt)
    text = {a: b.replace("\n", " ") for a, b in zip(docs["article_id"], docs["body"], strict=True)}
    return {
        "jieba extract_tags (baseline)": {
            a: tfidf.extract_tags(t, topK=10) for a, t in text.items()
        },
        "jieba textrank (baseline)": {a: textrank.textrank(t, topK=10) for a, t in text.items()},
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--split", choices=["test", "dev"], default="test")
    parser.add_argument("--limit", type=int, default=None, help="score only the first N documents")
    args = parser.parse_args(argv)

    folder = shared_corpus("csl_keywords")
    if folder is None:
        print("bench_keywords_csl: ../shared/corpora/csl_keywords is absent; skipped")
        return 0
    other = "dev" if args.split == "test" else "test"
    docs = read_split(folder, args.split)
    background_docs = read_split(folder, other)
    if args.limit:
        docs = docs.head(args.limit)

    t0 = time.perf_counter()
    tok = tokens(docs)
    background = tokens(background_docs)
    print(
        f"tokenised {len(docs)} + {len(background_docs)} documents in {time.perf_counter() - t0:.1f}s"
    )

    results = []
    t0 = time.perf_counter()
    for name, predictions in jieba_baselines(docs).items():
        results.append((name, *score(predictions, docs), ""))
    baseline_time = time.perf_counter() - t0
    for method in METHODS:
        t0 = time.perf_counter()
        table = keywords(tok, method=method, top_k=10, articles=docs, background=background)
        predictions = table.groupby("article_id", sort=False)["keyword"].agg(list).to_dict()
        elapsed = time.perf_counter() - t0
        results.append(
            (f"analysis.keywords {method}", *score(predictions, docs), f"{elapsed:.1f}s")
        )

    print(f"\nCSL {args.split} split, {len(docs)} documents (background: {other} split)")
    print(f"jieba baselines took {baseline_time:.1f}s (segmentation included)")
    print(f"{'method':38s} {'F1@5':>7s} {'F1@10':>7s}  time")
    for name, f5, f10, elapsed in results:
        print(f"{name:38s} {f5:7.3f} {f10:7.3f}  {elapsed}")
    best = max(results[2:], key=lambda r: r[1])
    base = results[0][1]
    print(f"\nbest: {best[0]} F1@5 {best[1]:.3f} = {best[1] / base:.2f}x the extract_tags baseline")
    return 0


if __name__ == "__main__":
    sys.exit(main())
