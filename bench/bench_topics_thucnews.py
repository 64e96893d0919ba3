"""Unsupervised topic clustering against labelled news: THUCNews/Sina, 8 classes x 100 articles.

Reads ``../shared/corpora/thucnews_sina_800/sina_news_800.jsonl`` in place (research-only data;
nothing is copied into the project). Every configuration clusters all 800 articles into k = 8
groups with 5 seeds (random_state 0..4) and reports NMI and ARI against the labels (mean and
standard deviation over the seeds). Rows, all in the same run:

- baseline ``char unigrams + k-means``: TfidfVectorizer(analyzer="char") defaults, KMeans(8).
- baseline ``jieba tokens + k-means``: TfidfVectorizer over a private jieba.Tokenizer's ``lcut``
  with default settings, KMeans(8).
- ``project``: ``analysis.topics.TopicModel(n_topics=8)`` with the library defaults (content
  nouns of the project tokenizer, sublinear TF-IDF, min_df=2, max_df=0.5, LSA to 120 dimensions,
  L2-normalised, spectral clustering on the 40-nearest-neighbour graph).
- the same TopicModel with ``method="kmeans"`` and ``method="nmf"``, for comparison.

The labels are used only for scoring. The project defaults were chosen on this data (a grid over
LSA size, neighbours, min_df and max_df reported in the helper's notes), so the numbers measure a
tuned configuration, not a held-out one.

    .venv/bin/python bench/bench_topics_thucnews.py [--seeds 5]
"""

from __future__ import annotations

import argparse
import json
import sys
import time

import numpy as np
import pandas as pd
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.metrics import adjusted_rand_score, normalized_mutual_info_score

from analysis._paths import cache_dir, shared_corpus
from analysis.tokenize import tokens
from analysis.topics import TopicModel

K = 8


def read_corpus(path) -> pd.DataFrame:
    rows = []
    with open(path, encoding="utf-8") as fh:
        for lineno, line in enumerate(fh, 1):
            try:
                record = json.loads(line)
                rows.append((f"sina-{record['id']:03d}", record["content"], record["label"]))
            except (json.JSONDecodeError, KeyError) as exc:
                raise SystemExit(f"{path}:{lineno}: bad record ({exc})") from None
    return pd.DataFrame(rows, columns=["article_id", "body", "label"])


def scores(labels_true, runs: list[np.ndarray]) -> tuple[float, float, float, float]:
    nmi = [normalized_mutual_info_score(labels_true, r) for r in runs]
    ari = [adjusted_rand_score(labels_true, r) for r in runs]
    return float(np.mean(nmi)), float(np.std(nmi)), float(np.mean(ari)), float(np.std(ari))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, default=5)
    args = parser.parse_args(argv)
    folder = shared_corpus("thucnews_sina_800")
    if folder is None or not (folder / "sina_news_800.jsonl").exists():
        print("bench_topics_thucnews: ../shared/corpora/thucnews_sina_800 is absent; skipped")
        return 0
    docs = read_corpus(folder / "sina_news_800.jsonl")
    truth = docs["label"].tolist()
    seeds = range(args.seeds)
    results = []

    t0 = time.perf_counter()
    chars = TfidfVectorizer(analyzer="char").fit_transform(docs["body"])
    runs = [KMeans(K, random_state=s).fit_predict(chars) for s in seeds]
    results.append(
        ("baseline: char unigrams + k-means", *scores(truth, runs), time.perf_counter() - t0)
    )

    import jieba

    jt = jieba.Tokenizer()
    jt.tmp_dir = str(cache_dir())
    t0 = time.perf_counter()
    words = TfidfVectorizer(tokenizer=jt.lcut, token_pattern=None).fit_transform(docs["body"])
    runs = [KMeans(K, random_state=s).fit_predict(words) for s in seeds]
    results.append(
        ("baseline: jieba tokens + k-means", *scores(truth, runs), time.perf_counter() - t0)
    )

    t0 = time.perf_counter()
    tok = tokens(docs)
    print(f"project tokenizer: {len(docs)} articles in {time.perf_counter() - t0:.1f}s")
    for name, params in [
        ("project (TopicModel defaults)", {}),
        ("TopicModel method=kmeans", {"method": "kmeans"}),
        ("TopicModel method=nmf", {"method": "nmf"}),
    ]:
        t0 = time.perf_counter()
        runs = [TopicModel(n_topics=K, random_state=s, **params).fit(tok).labels_ for s in seeds]
        results.append((name, *scores(truth, runs), time.perf_counter() - t0))

    print(f"\nTHUCNews/Sina 800 articles, k = {K}, seeds {list(seeds)}")
    print(f"{'configuration':36s} {'NMI':>6s} {'±sd':>6s} {'ARI':>6s} {'±sd':>6s}  time")
    for name, nmi, nmi_sd, ari, ari_sd, elapsed in results:
        print(f"{name:36s} {nmi:6.3f} {nmi_sd:6.3f} {ari:6.3f} {ari_sd:6.3f}  {elapsed:.1f}s")
    project = results[2]
    best_base = max(results[:2], key=lambda r: r[1])
    print(
        f"\nproject NMI {project[1]:.3f} = {project[1] / best_base[1]:.2f}x and ARI {project[3]:.3f} "
        f"= {project[3] / best_base[3]:.2f}x the best baseline ({best_base[0]})"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
