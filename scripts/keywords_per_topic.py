"""Top keywords per topic for a folder of pages, as one CSV.

    python scripts/keywords_per_topic.py PAGES --out keywords.csv [--method tfidf] [--top 10]

Articles get a topic from the lexicon (``analysis/resources/topics.toml``, or ``--lexicon``);
a keyword's weight in a topic is its mean score over the topic's articles (0 where it is not one
of an article's keywords), so a word ranks high when it characterises several of the topic's
articles. Output columns: topic, topic_name, n_articles, rank, keyword, weight, method.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

import analysis
from analysis.figures import topic_terms
from analysis.ingest import PageError
from analysis.overrides import OverrideError

METHODS = ("tfidf", "jieba_tfidf", "textrank", "keyphrase")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("pages", help="folder of pages (*.txt), one page, or a glob")
    parser.add_argument("--out", type=Path, required=True, help="CSV file to write")
    parser.add_argument("--method", choices=METHODS, default="tfidf", help="keyword method")
    parser.add_argument("--top", type=int, default=10, help="keywords per topic (default 10)")
    parser.add_argument("--lexicon", type=Path, help="topic lexicon TOML (default: the package's)")
    args = parser.parse_args(argv)

    try:
        articles = analysis.load_articles(args.pages)
    except (PageError, OverrideError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    keywords = analysis.keywords(analysis.tokens(articles), method=args.method)
    lexicon = {"lexicon": args.lexicon} if args.lexicon else {}
    topics = analysis.assign_topics(articles, **lexicon)

    terms = topic_terms(keywords, topics).groupby("topic", sort=True).head(args.top)
    table = terms.rename(columns={"term": "keyword"}).assign(
        n_articles=lambda t: t["topic"].map(topics["topic"].value_counts()),
        rank=lambda t: t.groupby("topic").cumcount() + 1,
        method=args.method,
    )
    columns = ["topic", "topic_name", "n_articles", "rank", "keyword", "weight", "method"]
    args.out.parent.mkdir(parents=True, exist_ok=True)
    table[columns].to_csv(args.out, index=False, encoding="utf-8")
    print(
        f"{table['topic'].nunique()} topics, {len(table)} keywords from {len(articles)} articles"
        f" -> {args.out}",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
