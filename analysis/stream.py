"""Corpus-scale tables in bounded memory: frequencies, TF-IDF keywords and topic clusters.

Every function here reads the tokens table partition by partition (a few dozen pages at a
time, :meth:`analysis.corpus.Corpus.iter_batches`), computes a small table per partition and
combines them, so memory grows with the vocabulary and the output, not with the corpus:

- :func:`term_frequencies` / :func:`doc_frequencies`: the tables of :mod:`analysis.explore`,
  equal to those functions on the whole tokens table, optionally by year, month or any article
  column (``by="year"``: a term's frequency year by year over a decade).
- :func:`tfidf_keywords`: per-article keywords scored by term frequency times the corpus-wide
  inverse document frequency (two passes: document frequencies, then scores).
- :class:`StreamingTopics`: topic grouping with ``HashingVectorizer`` + ``TfidfTransformer``
  (document frequencies counted in a first pass) + ``MiniBatchKMeans`` fitted partition by
  partition; no vocabulary is kept, only the sparse matrix of one partition and the cluster
  centres. Deterministic for a given ``random_state`` and page order.

``source`` is a :class:`~analysis.corpus.Corpus` (its cache is read; nothing is recomputed) or
a list of tokens DataFrames (partitions; an article must not span two of them). The per-partition
counts are additive, so the same tables come out of a cluster::

    parts = corpus.to_dask("tokens").map_partitions(partition_counts).compute()
    combine_counts([parts])        # == term_frequencies(corpus)
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator, Sequence
from typing import Any

import numpy as np
import pandas as pd

PARTITION_PAGES = 64
_TOKEN_COLUMNS = ["article_id", "token", "pos", "is_stop", "is_punct"]


# --------------------------------------------------------------------------- partitions


def _partitions(
    source: Any, table: str = "tokens", columns: Sequence[str] | None = None
) -> Iterator[pd.DataFrame]:
    if hasattr(source, "iter_batches"):
        yield from source.iter_batches(table, columns=columns, pages_per_batch=PARTITION_PAGES)
    elif isinstance(source, pd.DataFrame):
        yield source
    else:
        yield from source


def _with_groups(source: Any, by: Sequence[str]) -> Iterator[pd.DataFrame]:
    """Tokens partitions with the ``by`` columns of their articles merged on."""
    if not by:
        yield from _partitions(source, "tokens", _TOKEN_COLUMNS)
        return
    if not hasattr(source, "iter_batches"):
        raise ValueError("by= needs a Corpus source (the groups come from its articles table)")
    article_cols = ["article_id", "date", *[c for c in by if c not in ("year", "month", "date")]]
    pairs = zip(
        source.iter_batches("tokens", _TOKEN_COLUMNS, PARTITION_PAGES, keep_empty=True),
        source.iter_batches("articles", article_cols, PARTITION_PAGES, keep_empty=True),
        strict=True,
    )
    for tok, art in pairs:
        art = art.copy()
        if "year" in by:
            art["year"] = art["date"].str[:4]
        if "month" in by:
            art["month"] = art["date"].str[:7]
        yield tok.merge(art[["article_id", *by]], on="article_id", how="left", sort=False)


def _content(
    tok: pd.DataFrame, drop_stop: bool, drop_punct: bool, min_len: int, pos: Any
) -> pd.DataFrame:
    from .explore import _content_tokens

    return _content_tokens(tok, drop_stop, drop_punct, min_len, pos)


# --------------------------------------------------------------------------- frequencies


def partition_counts(
    tok: pd.DataFrame,
    by: Sequence[str] = (),
    drop_stop: bool = True,
    drop_punct: bool = True,
    min_len: int = 1,
    pos: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Additive counts of one partition: by..., token, pos, n, n_docs.

    ``n`` counts the token with that tag; ``n_docs`` (articles containing the token, any tag)
    sits on one row per token and is 0 on its other rows, so sums over partitions are exact as
    long as an article lies in one partition.
    """
    tok = _content(tok, drop_stop, drop_punct, min_len, pos)
    by = list(by)
    keys = [*by, "token"]
    if tok.empty:
        empty = {c: pd.Series(dtype="str") for c in [*keys, "pos"]}
        return pd.DataFrame(empty).assign(
            n=pd.Series(dtype="int64"), n_docs=pd.Series(dtype="int64")
        )
    counts = tok.groupby([*keys, "pos"], sort=False, observed=True).size().rename("n")
    counts = counts.reset_index()
    docs = tok.groupby(keys, sort=False, observed=True)["article_id"].nunique()
    first = ~counts.duplicated(keys)
    counts["n_docs"] = 0
    counts.loc[first, "n_docs"] = docs.loc[
        pd.MultiIndex.from_frame(counts.loc[first, keys]) if by else counts.loc[first, "token"]
    ].to_numpy()
    return counts.astype({"n": "int64", "n_docs": "int64"})


def combine_counts(parts: Sequence[pd.DataFrame], by: Sequence[str] = ()) -> pd.DataFrame:
    """Sum :func:`partition_counts` tables into the term frequency table.

    Columns as :func:`analysis.explore.term_frequencies`: by..., token, pos (the token's most
    frequent tag), n, share, n_docs, rank; sorted by group, n descending, then token.
    """
    by = list(by)
    keys = [*by, "token"]
    out_cols = [*keys, "pos", "n", "share", "n_docs", "rank"]
    parts = [p for p in parts if not p.empty]
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in out_cols}).astype(
            {"n": "int64", "share": "float64", "n_docs": "int64", "rank": "int64"}
        )
    tagged = pd.concat(parts, ignore_index=True).groupby([*keys, "pos"], sort=False).sum()
    tagged = tagged.reset_index()
    totals = tagged.groupby(keys, sort=False)[["n", "n_docs"]].sum()
    modal = tagged.sort_values(
        [*keys, "n", "pos"], ascending=[True] * len(keys) + [False, True], kind="stable"
    ).drop_duplicates(keys)
    table = modal.set_index(keys)[["pos"]].join(totals).reset_index()
    sums = table.groupby(by)["n"].transform("sum") if by else table["n"].sum()
    table["share"] = table["n"] / sums
    table = table.sort_values(
        [*by, "n", "token"], ascending=[True] * len(by) + [False, True], kind="stable"
    )
    table["rank"] = table.groupby(by).cumcount() + 1 if by else np.arange(1, len(table) + 1)
    table = table.astype({"n": "int64", "n_docs": "int64", "rank": "int64"})
    return table[out_cols].reset_index(drop=True)


def term_frequencies(
    source: Any,
    by: str | Sequence[str] | None = None,
    drop_stop: bool = True,
    drop_punct: bool = True,
    min_len: int = 1,
    pos: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """token, pos, n, share, n_docs, rank over the whole corpus, one partition at a time.

    Equals :func:`analysis.explore.term_frequencies` on the full tokens table. ``by``: columns
    of the articles table (``"newspaper"``, ``"page"``, ``"date"``) or ``"year"`` / ``"month"``
    (from the date) to count per group.
    """
    groups = [] if by is None else ([by] if isinstance(by, str) else list(by))
    filters = {"drop_stop": drop_stop, "drop_punct": drop_punct, "min_len": min_len, "pos": pos}
    parts = [partition_counts(tok, groups, **filters) for tok in _with_groups(source, groups)]
    return combine_counts(parts, groups)


def _doc_frequency_counts(
    source: Any, drop_stop: bool, drop_punct: bool, min_len: int
) -> tuple[pd.Series, int]:
    total: pd.Series | None = None
    n_articles = 0
    for tok in _partitions(source, "tokens", _TOKEN_COLUMNS):
        n_articles += tok["article_id"].nunique()
        content = _content(tok, drop_stop, drop_punct, min_len, None)
        df = content.drop_duplicates(["article_id", "token"])["token"].value_counts(sort=False)
        total = df if total is None else total.add(df, fill_value=0)
    if total is None:
        total = pd.Series(dtype="int64")
    return total.astype("int64").rename("n_docs"), n_articles


def doc_frequencies(
    source: Any, drop_stop: bool = True, drop_punct: bool = True, min_len: int = 1
) -> pd.DataFrame:
    """token, n_docs, doc_share, idf; equals :func:`analysis.explore.doc_frequencies`."""
    counts, n_articles = _doc_frequency_counts(source, drop_stop, drop_punct, min_len)
    table = counts.rename_axis("token").reset_index()
    table["doc_share"] = table["n_docs"] / n_articles if n_articles else 0.0
    table["idf"] = np.log((1 + n_articles) / (1 + table["n_docs"])) + 1.0
    table = table.sort_values(["n_docs", "token"], ascending=[False, True], kind="stable")
    return table[["token", "n_docs", "doc_share", "idf"]].reset_index(drop=True)


# --------------------------------------------------------------------------- keywords


def tfidf_keywords(
    source: Any,
    top_n: int = 10,
    min_len: int = 2,
    pos: str | Sequence[str] | None = ("n", "v", "a", "j", "l", "i"),
) -> pd.DataFrame:
    """Per-article keywords: article_id, keyword, score, rank, method (``"tfidf"``).

    score = (count in the article / content tokens of the article) x smoothed idf over the
    whole corpus (pass 1 counts document frequencies, pass 2 scores each partition). Ties
    break by keyword. Keeps nouns, verbs, adjectives and idioms by default (``pos=None``: all).
    """
    counts, n_articles = _doc_frequency_counts(source, True, True, min_len)
    idf = np.log((1 + n_articles) / (1 + counts)) + 1.0
    frames = []
    for tok in _partitions(source, "tokens", _TOKEN_COLUMNS):
        content = _content(tok, True, True, min_len, pos)
        if content.empty:
            continue
        tf = content.groupby(["article_id", "token"], sort=False).size().rename("n").reset_index()
        tf["score"] = tf["n"] / tf.groupby("article_id")["n"].transform("sum")
        tf["score"] *= tf["token"].map(idf).to_numpy()
        order = {a: i for i, a in enumerate(pd.unique(content["article_id"]))}
        tf["_order"] = tf["article_id"].map(order)
        tf = tf.sort_values(["_order", "score", "token"], ascending=[True, False, True])
        tf["rank"] = tf.groupby("article_id", sort=False).cumcount() + 1
        frames.append(tf[tf["rank"] <= top_n])
    columns = ["article_id", "keyword", "score", "rank", "method"]
    if not frames:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in columns}).astype(
            {"score": "float64", "rank": "int64"}
        )
    out = pd.concat(frames, ignore_index=True).rename(columns={"token": "keyword"})
    out["method"] = "tfidf"
    return out.astype({"rank": "int64"})[columns]


# --------------------------------------------------------------------------- topics


def _as_is(doc: list[str]) -> list[str]:
    """Analyzer for pre-tokenised documents (a module function so vectorisers pickle)."""
    return doc


class StreamingTopics:
    """Topic groups of a corpus of any size: hashed TF-IDF + mini-batch k-means.

    - ``n_topics``: clusters; ``n_features``: hash buckets (2**18 keeps collisions rare for
      a newspaper vocabulary); ``top_terms``: terms listed per topic.
    - ``min_len`` / ``pos``: the tokens that count (default: nouns, verbs, adjectives, idioms
      of two characters or more; stopwords and punctuation are always dropped).
    - ``n_passes``: passes of ``partial_fit`` over the corpus; ``random_state``: seed.

    ``fit(source)`` reads the corpus twice or more (document frequencies, then k-means passes);
    ``assign(source)`` returns article_id, topic (``t00``…, or ``other`` for an article with no
    content words), topic_name (its first three terms), score (cosine similarity to the topic
    centre) and top_terms (``、``-joined).
    """

    def __init__(
        self,
        n_topics: int = 10,
        n_features: int = 2**18,
        top_terms: int = 8,
        min_len: int = 2,
        pos: str | Sequence[str] | None = ("n", "v", "a", "j", "l", "i"),
        n_passes: int = 1,
        random_state: int = 0,
    ):
        self.n_topics = n_topics
        self.n_features = n_features
        self.top_terms = top_terms
        self.min_len = min_len
        self.pos = pos
        self.n_passes = n_passes
        self.random_state = random_state

    # -- documents ------------------------------------------------------------------------

    def _vectorizer(self):
        from sklearn.feature_extraction.text import HashingVectorizer

        return HashingVectorizer(
            n_features=self.n_features, analyzer=_as_is, alternate_sign=False, norm=None
        )

    def _documents(self, tok: pd.DataFrame) -> tuple[list[str], list[np.ndarray]]:
        """Article ids (all articles of the partition, in order) and their content words."""
        ids = list(pd.unique(tok["article_id"]))
        content = _content(tok, True, True, self.min_len, self.pos)
        codes = pd.Categorical(content["article_id"], categories=ids).codes
        words = content["token"].to_numpy(dtype=object)
        if len(codes) > 1 and (np.diff(codes) < 0).any():  # tokens come grouped by article
            order = np.argsort(codes, kind="stable")
            codes, words = codes[order], words[order]
        bounds = np.searchsorted(codes, np.arange(len(ids) + 1))
        return ids, [words[bounds[i] : bounds[i + 1]] for i in range(len(ids))]

    def _counts(self, source: Any) -> Iterator[tuple[list[str], list[list[str]], Any]]:
        hv = self._vectorizer()
        for tok in _partitions(source, "tokens", _TOKEN_COLUMNS):
            ids, docs = self._documents(tok)
            if ids:
                yield ids, docs, hv.transform(docs)

    # -- fitting --------------------------------------------------------------------------

    def fit(self, source: Any) -> StreamingTopics:
        import scipy.sparse as sp
        from sklearn.cluster import MiniBatchKMeans
        from sklearn.feature_extraction.text import TfidfTransformer

        df = np.zeros(self.n_features, dtype=np.float64)
        n_docs = 0
        for _, _, counts in self._counts(source):
            df += np.bincount(counts.indices, minlength=self.n_features)
            n_docs += counts.shape[0]
        if n_docs < self.n_topics:
            raise ValueError(f"{n_docs} articles are fewer than n_topics={self.n_topics}")
        tfidf = TfidfTransformer(sublinear_tf=True)
        tfidf.fit(sp.csr_matrix((1, self.n_features)))  # sets the shape; idf comes from df
        tfidf.idf_ = np.log((1 + n_docs) / (1 + df)) + 1.0
        self.tfidf_ = tfidf
        self.n_documents_ = n_docs

        kmeans = MiniBatchKMeans(
            n_clusters=self.n_topics, random_state=self.random_state, n_init=3, batch_size=1024
        )
        pending: list = []
        for _ in range(self.n_passes):
            for _, _, counts in self._counts(source):
                pending.append(tfidf.transform(counts))
                # k-means++ needs a few times n_topics rows for its first call
                if sum(m.shape[0] for m in pending) >= 3 * self.n_topics:
                    kmeans.partial_fit(sp.vstack(pending).tocsr())
                    pending = []
        if pending:
            kmeans.partial_fit(sp.vstack(pending).tocsr())
        self.kmeans_ = kmeans
        centers = kmeans.cluster_centers_
        norms = np.linalg.norm(centers, axis=1, keepdims=True)
        self.centers_ = centers / np.where(norms == 0, 1, norms)
        self._name_topics(source)
        return self

    def _name_topics(self, source: Any) -> None:
        """Name each centre's heaviest buckets by the most frequent word hashed into them."""
        hv = self._vectorizer()
        k = min(self.top_terms * 2, self.n_features)
        top = np.argpartition(-self.centers_, k - 1, axis=1)[:, :k]
        weights = np.take_along_axis(self.centers_, top, axis=1)
        top = np.take_along_axis(top, np.lexsort((top, -weights), axis=1), axis=1)
        wanted = np.unique(top)
        seen: dict[int, Counter] = {int(b): Counter() for b in wanted}
        for tok in _partitions(source, "tokens", _TOKEN_COLUMNS):
            content = _content(tok, True, True, self.min_len, self.pos)
            if content.empty:
                continue
            freq = content["token"].value_counts(sort=False)
            words = freq.index.to_numpy(dtype=object)
            buckets = hv.transform([[w] for w in words]).indices
            hit = np.isin(buckets, wanted)
            for word, n, bucket in zip(words[hit], freq.to_numpy()[hit], buckets[hit], strict=True):
                seen[int(bucket)][word] += int(n)
        terms = []
        for row in top:
            names: list[str] = []
            for bucket in row:
                if seen[bucket] and len(names) < self.top_terms:
                    word = min(seen[bucket].items(), key=lambda kv: (-kv[1], kv[0]))[0]
                    if word not in names:
                        names.append(word)
            terms.append(names)
        self.topic_terms_ = terms

    # -- assigning ------------------------------------------------------------------------

    def assign(self, source: Any) -> pd.DataFrame:
        """One row per article: article_id, topic, topic_name, score, top_terms."""
        from sklearn.preprocessing import normalize

        if not hasattr(self, "kmeans_"):
            raise ValueError("StreamingTopics is not fitted: call fit(source) first")
        frames = []
        for ids, docs, counts in self._counts(source):
            x = normalize(self.tfidf_.transform(counts))
            sims = np.asarray(x @ self.centers_.T)
            best = sims.argmax(axis=1)
            score = sims[np.arange(len(ids)), best]
            empty = np.array([len(d) == 0 for d in docs], dtype=bool)
            topic = np.array([f"t{k:02d}" for k in best], dtype=object)
            topic[empty] = "other"
            score[empty] = 0.0
            frames.append(
                pd.DataFrame({"article_id": ids, "topic": topic, "k": best, "score": score})
            )
        columns = ["article_id", "topic", "topic_name", "score", "top_terms"]
        if not frames:
            return pd.DataFrame(columns=columns)
        out = pd.concat(frames, ignore_index=True)
        names = ["、".join(t[:3]) for t in self.topic_terms_]
        joined = ["、".join(t) for t in self.topic_terms_]
        other = out["topic"] == "other"
        out["topic_name"] = np.where(other, "其他", [names[k] for k in out["k"]])
        out["top_terms"] = np.where(other, "", [joined[k] for k in out["k"]])
        out = out.astype({"article_id": "str", "topic": "str", "topic_name": "str"})
        return out.astype({"top_terms": "str"})[columns]

    def fit_assign(self, source: Any) -> pd.DataFrame:
        return self.fit(source).assign(source)

    def topics(self) -> pd.DataFrame:
        """One row per topic: topic, topic_name, top_terms, n_articles (of the last assign)."""
        rows = [
            {"topic": f"t{k:02d}", "topic_name": "、".join(t[:3]), "top_terms": "、".join(t)}
            for k, t in enumerate(self.topic_terms_)
        ]
        return pd.DataFrame(rows)


__all__ = [
    "StreamingTopics",
    "combine_counts",
    "doc_frequencies",
    "partition_counts",
    "term_frequencies",
    "tfidf_keywords",
]
