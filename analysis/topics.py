"""Topic grouping: unsupervised clusters of articles, and named topics from an editable lexicon.

Unsupervised (``TopicModel``, a scikit-learn estimator)::

    articles -> TF-IDF over content words (project tokenizer, nouns by default, sublinear tf)
             -> LSA (TruncatedSVD, L2-normalised rows) -> spectral clustering | k-means
             or TF-IDF -> NMF (nndsvd init, deterministic)

``k`` is given (``n_topics``) or chosen by the silhouette (cosine) over ``k_range``. Learned
attributes: ``vectorizer_``, ``tfidf_``, ``labels_``, ``clusters_`` (cluster, n_articles,
top_terms), ``top_terms_`` (cluster, term, weight, rank), ``coords_`` (TruncatedSVD(2) map),
``silhouette_`` (k, silhouette), ``article_ids_``. Cluster numbers follow the order in which the
clusters first appear in the input, so a fixed ``random_state`` gives identical labels.

Named topics (``assign_topics``): ``analysis/resources/topics.toml`` names topics and their seed
terms; analysts add topics by editing it. Each article gets the topic whose seed vector is most
similar (cosine) to the article's TF-IDF vector, or ``other`` below the threshold, with the
seed terms that contributed most. ``match_clusters`` reports which unsupervised clusters agree
with a named topic and which do not.

The plain scikit-learn form also works: ``Pipeline([("tfidf", TfidfVectorizer(tokenizer=
Tokenizer(), token_pattern=None, lowercase=False)), ("cluster", KMeans(8, random_state=0))])``.
"""

from __future__ import annotations

import math
import re
import sys
import warnings
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
from sklearn.base import BaseEstimator, TransformerMixin

from analysis._paths import RESOURCES_DIR
from analysis.keywords import DEFAULT_POS
from analysis.tokenize import is_punct

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover
    import tomli as tomllib

DEFAULT_LEXICON = RESOURCES_DIR / "topics.toml"
TOPIC_COLUMNS = ["article_id", "topic", "topic_name", "score", "top_terms"]
OTHER = "other"
OTHER_NAME = "其他"
DEFAULT_THRESHOLD = 0.12
METHODS = ("spectral", "kmeans", "nmf")
_TOPIC_ID = re.compile(r"[a-z][a-z0-9_]*")
_HEADLINE_COLUMNS = ("kicker", "title", "subtitle")


# --------------------------------------------------------------------------- lexicon


class LexiconError(ValueError):
    """A topic lexicon file that cannot be used; the message names the file and the problem."""


@dataclass(frozen=True)
class Topic:
    id: str
    name: str
    seeds: tuple[str, ...]
    description: str = ""


@dataclass(frozen=True)
class Lexicon:
    topics: tuple[Topic, ...]
    threshold: float
    path: str

    @property
    def names(self) -> dict[str, str]:
        return {t.id: t.name for t in self.topics}


def load_lexicon(path: str | Path | None = None) -> Lexicon:
    """Read and validate a topic lexicon (TOML); ``None`` reads the shipped default.

    Raises ``LexiconError`` naming the file for a missing file, invalid TOML (with line and
    column), no ``[topics.<id>]`` tables, a bad id, or a topic without a name or seeds.
    """
    path = Path(path) if path is not None else DEFAULT_LEXICON
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise LexiconError(f"{path}: cannot read topic lexicon ({exc.strerror})") from None
    try:
        doc = tomllib.loads(data.decode("utf-8-sig"))
    except UnicodeDecodeError:
        raise LexiconError(f"{path}: not UTF-8; save the topic lexicon as UTF-8") from None
    except tomllib.TOMLDecodeError as exc:
        raise LexiconError(f"{path}: invalid TOML: {exc}") from None
    threshold = doc.get("threshold", DEFAULT_THRESHOLD)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or threshold < 0:
        raise LexiconError(f"{path}: threshold must be a number >= 0, not {threshold!r}")
    tables = doc.get("topics")
    if not isinstance(tables, dict) or not tables:
        raise LexiconError(
            f"{path}: no topics; add tables like [topics.sanitation] with name and seeds"
        )
    topics = []
    for topic_id, table in tables.items():
        where = f"{path}: [topics.{topic_id}]"
        if not _TOPIC_ID.fullmatch(topic_id):
            raise LexiconError(f"{where}: id must be lower-case letters, digits and _")
        if topic_id == OTHER:
            raise LexiconError(f"{where}: the id {OTHER!r} is reserved for unmatched articles")
        if not isinstance(table, dict):
            raise LexiconError(f"{where}: must be a table with name and seeds")
        unknown = sorted(set(table) - {"name", "seeds", "description"})
        if unknown:
            raise LexiconError(
                f"{where}: unknown keys {unknown} (expected name, seeds, description)"
            )
        name = table.get("name")
        if not isinstance(name, str) or not name.strip():
            raise LexiconError(f'{where}: missing name (the display name, e.g. name = "农业")')
        seeds = table.get("seeds")
        if not isinstance(seeds, list) or not seeds:
            raise LexiconError(f"{where}: seeds must be a non-empty list of words")
        for seed in seeds:
            if not isinstance(seed, str) or not seed.strip() or any(ch.isspace() for ch in seed):
                raise LexiconError(f"{where}: bad seed {seed!r} (a word or phrase without spaces)")
        description = table.get("description", "")
        if not isinstance(description, str):
            raise LexiconError(f"{where}: description must be a string")
        topics.append(Topic(topic_id, name.strip(), tuple(dict.fromkeys(seeds)), description))
    return Lexicon(tuple(topics), float(threshold), str(path))


# --------------------------------------------------------------------------- documents


class ContentWords:
    """Text -> the content words a topic vectoriser should count (picklable analyzer).

    Drops stopwords, punctuation, whitespace and numbers, words shorter than ``min_len``, and
    words whose POS tag does not start with one of ``pos`` (None keeps every tag). Use as
    ``TfidfVectorizer(analyzer=ContentWords())``.
    """

    def __init__(self, tokenizer: Any = None, pos: Sequence[str] | None = DEFAULT_POS, min_len=2):
        self.tokenizer = tokenizer
        self.pos = tuple(pos) if pos is not None else None
        self.min_len = min_len

    def _tok(self):
        if self.tokenizer is None:
            from analysis.tokenize import default_tokenizer

            return default_tokenizer()
        return self.tokenizer

    def __call__(self, text: str) -> list[str]:
        tok = self._tok()
        return [w for w, t in tok.cut_pos(text) if self.keep(w, t, tok.is_stop(w))]

    def keep(self, word: str, tag: str, is_stop: bool) -> bool:
        return (
            len(word) >= self.min_len
            and not is_stop
            and not word.isspace()
            and not is_punct(word)
            and not _is_number(word)
            and (self.pos is None or tag.startswith(self.pos))
        )

    def from_tokens(self, tokens: pd.DataFrame) -> tuple[list, list[list[str]]]:
        """Article ids (first-appearance order) and their content words, from a tokens table."""
        missing = [c for c in ("article_id", "token", "pos") if c not in tokens.columns]
        if missing:
            raise ValueError(f"tokens table is missing columns {missing} (use analysis.tokens())")
        codes, ids = pd.factorize(tokens["article_id"], sort=False)
        if "position" in tokens.columns:
            order = np.lexsort((tokens["position"].to_numpy(), codes))
        else:
            order = np.argsort(codes, kind="stable")
        # decide once per distinct (word, tag): iterating a million Arrow strings is slow
        pairs, pair_index = pd.factorize(
            pd.MultiIndex.from_arrays([tokens["token"], tokens["pos"]]), sort=False
        )
        keep_pair = np.array([self.keep(w, t, False) for w, t in pair_index], dtype=bool)
        keep = keep_pair[pairs]
        if "is_stop" in tokens.columns:
            keep &= ~tokens["is_stop"].to_numpy(dtype=bool)
        order = order[keep[order]]
        words = tokens["token"].to_numpy(dtype=object)[order].tolist()
        bounds = np.searchsorted(codes[order], np.arange(len(ids) + 1))
        return list(ids), [words[bounds[k] : bounds[k + 1]] for k in range(len(ids))]


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not any("\u3400" <= ch <= "\u9fff" for ch in word)


def _identity(words: list[str]) -> list[str]:
    return words


def article_text(articles: pd.DataFrame) -> pd.Series:
    """Headline (kicker, title, subtitle) and body of each article, one string per article."""
    parts = [c for c in (*_HEADLINE_COLUMNS, "body") if c in articles.columns]
    text = articles[parts].fillna("").astype(str)
    return text.apply(lambda row: "\n".join(p for p in row if p), axis=1)


def _documents(X: Any) -> tuple[list, list, bool]:
    """(ids, documents, pre_tokenised) from articles, a tokens table, strings or word lists."""
    if isinstance(X, pd.DataFrame):
        if "token" in X.columns:
            return [], [X], True  # marker: tokens table, expanded by the caller
        if {"article_id", "body"}.issubset(X.columns):
            return list(X["article_id"]), list(article_text(X)), False
        raise ValueError(
            "TopicModel needs an articles table (article_id, body), a tokens table "
            f"(article_id, token, pos), strings or word lists; got columns {list(X.columns)}"
        )
    if isinstance(X, pd.Series):
        return list(X.index), [str(x) for x in X], False
    docs = list(X)
    if not docs:
        raise ValueError("TopicModel: no documents")
    if all(isinstance(d, str) for d in docs):
        return list(range(len(docs))), docs, False
    if all(isinstance(d, (list, tuple)) for d in docs):
        return list(range(len(docs))), [list(d) for d in docs], True
    raise TypeError("TopicModel: documents must be all strings or all lists of words")


# --------------------------------------------------------------------------- TopicModel


def _first_appearance(labels: np.ndarray) -> np.ndarray:
    """Renumber clusters 0, 1, … in order of first appearance (stable across equal partitions)."""
    mapping: dict[int, int] = {}
    for lab in labels:
        mapping.setdefault(int(lab), len(mapping))
    return np.array([mapping[int(lab)] for lab in labels], dtype=np.int64)


class TopicModel(TransformerMixin, BaseEstimator):
    """Unsupervised topic clusters over TF-IDF (see the module docstring).

    Hyperparameters: ``n_topics`` (None: choose k in ``k_range`` by silhouette), ``method``
    (``"spectral"``, ``"kmeans"`` or ``"nmf"``), vectoriser settings (``pos``, ``min_len``,
    ``max_features``, ``min_df``, ``max_df``, ``sublinear_tf``), ``n_components`` (LSA size
    before spectral / k-means; 0 disables), ``n_neighbors`` (spectral k-NN graph; at most a
    tenth of the corpus), ``n_init``
    (k-means restarts), ``n_top_terms``, ``tokenizer`` (None: the project tokenizer),
    ``random_state`` and ``lexicon`` (topic lexicon path for ``match_clusters``).
    """

    def __init__(
        self,
        n_topics: int | None = None,
        method: str = "spectral",
        k_range: tuple[int, int] = (2, 12),
        pos: Sequence[str] | None = DEFAULT_POS,
        min_len: int = 2,
        max_features: int | None = None,
        min_df: int | float = 2,
        max_df: int | float = 0.5,
        sublinear_tf: bool = True,
        n_components: int = 120,
        n_neighbors: int = 40,
        n_init: int = 10,
        n_top_terms: int = 10,
        tokenizer: Any = None,
        random_state: int = 0,
        lexicon: str | Path | None = None,
    ):
        self.n_topics = n_topics
        self.method = method
        self.k_range = k_range
        self.pos = pos
        self.min_len = min_len
        self.max_features = max_features
        self.min_df = min_df
        self.max_df = max_df
        self.sublinear_tf = sublinear_tf
        self.n_components = n_components
        self.n_neighbors = n_neighbors
        self.n_init = n_init
        self.n_top_terms = n_top_terms
        self.tokenizer = tokenizer
        self.random_state = random_state
        self.lexicon = lexicon

    # -- fitting ----------------------------------------------------------------------------

    def _vectorizer(self, pre_tokenised: bool):
        from sklearn.feature_extraction.text import TfidfVectorizer

        analyzer = (
            _identity if pre_tokenised else ContentWords(self.tokenizer, self.pos, self.min_len)
        )
        return TfidfVectorizer(
            analyzer=analyzer,
            lowercase=False,
            min_df=self.min_df,
            max_df=self.max_df,
            max_features=self.max_features,
            sublinear_tf=self.sublinear_tf,
        )

    def _inputs(self, X: Any) -> tuple[list, list, bool]:
        ids, docs, pre = _documents(X)
        if pre and not ids and len(docs) == 1 and isinstance(docs[0], pd.DataFrame):
            ids, docs = ContentWords(self.tokenizer, self.pos, self.min_len).from_tokens(docs[0])
        return ids, docs, pre

    def fit(self, X: Any, y: Any = None) -> TopicModel:
        if self.method not in METHODS:
            raise ValueError(f"unknown method {self.method!r}; choose one of {', '.join(METHODS)}")
        ids, docs, pre = self._inputs(X)
        if len(docs) < 2:
            raise ValueError(f"TopicModel needs at least 2 documents, got {len(docs)}")
        self.vectorizer_ = self._vectorizer(pre)
        try:
            self.tfidf_ = self.vectorizer_.fit_transform(docs)
        except ValueError as exc:
            raise ValueError(
                f"TopicModel: no terms left after min_df={self.min_df!r} / max_df={self.max_df!r} "
                f"on {len(docs)} documents ({exc}); lower min_df or raise max_df"
            ) from None
        self.article_ids_ = ids
        self.terms_ = self.vectorizer_.get_feature_names_out()
        self.svd_ = None
        self.embedding_ = self._embed(self.tfidf_)
        rows = []
        best = None
        for k in self._candidate_ks(len(docs)):
            labels, model = self._cluster(k)
            sil = _silhouette(self.embedding_, labels)
            rows.append((k, sil))
            if best is None or sil > best[1] + 1e-12:  # ties keep the smaller k
                best = (k, sil, labels, model)
        self.silhouette_ = pd.DataFrame(rows, columns=["k", "silhouette"])
        self.n_topics_ = best[0]
        self.cluster_model_ = best[3]
        self.labels_ = _first_appearance(best[2])
        # raw cluster number (NMF component) behind each renumbered cluster
        first = dict.fromkeys(int(r) for r in best[2])
        self.cluster_order_ = list(first) + [c for c in range(best[0]) if c not in first]
        self._summarise()
        return self

    def _candidate_ks(self, n_docs: int) -> list[int]:
        if self.n_topics is not None:
            if not 1 <= self.n_topics <= n_docs:
                raise ValueError(f"n_topics={self.n_topics} must be between 1 and {n_docs}")
            return [int(self.n_topics)]
        lo, hi = self.k_range
        hi = min(hi, n_docs - 1)
        if hi < lo:
            raise ValueError(
                f"cannot choose k in {self.k_range} for {n_docs} documents; give n_topics"
            )
        return list(range(lo, hi + 1))

    def _embed(self, tfidf) -> np.ndarray:
        from sklearn.decomposition import TruncatedSVD
        from sklearn.preprocessing import normalize

        n_docs, n_terms = tfidf.shape
        if self.method == "nmf":
            return tfidf
        dims = min(self.n_components or 0, n_terms - 1, n_docs - 1)
        if dims < 2:
            return normalize(tfidf).toarray()
        self.svd_ = TruncatedSVD(dims, random_state=self.random_state)
        return normalize(self.svd_.fit_transform(tfidf))

    def _cluster(self, k: int) -> tuple[np.ndarray, Any]:
        """Labels for k clusters, and the fitted clustering estimator (None for k = 1)."""
        n_docs = self.tfidf_.shape[0]
        if k == 1:
            return np.zeros(n_docs, dtype=np.int64), None
        if self.method == "kmeans":
            from sklearn.cluster import KMeans

            model = KMeans(k, n_init=self.n_init, random_state=self.random_state)
            return model.fit_predict(self.embedding_), model
        if self.method == "spectral":
            from sklearn.cluster import SpectralClustering

            model = SpectralClustering(
                k,
                affinity="nearest_neighbors",
                n_neighbors=self._neighbours(n_docs),
                assign_labels="cluster_qr",
                random_state=self.random_state,
            )
            with warnings.catch_warnings():
                # a k-NN graph of a few articles is often not connected; the embedding still works
                warnings.filterwarnings("ignore", message="Graph is not fully connected")
                return model.fit_predict(self.embedding_), model
        from sklearn.decomposition import NMF

        model = NMF(k, init="nndsvd", random_state=self.random_state, max_iter=500)
        weights = model.fit_transform(self.tfidf_)
        return weights.argmax(axis=1), model

    def _neighbours(self, n_docs: int) -> int:
        """k-NN graph size: ``n_neighbors``, but at most a tenth of the corpus (at least 2).

        On a handful of articles a graph of every neighbour joins everything; a tenth keeps the
        graph local, like 40 of 800.
        """
        return max(1, min(self.n_neighbors, max(2, n_docs // 10), n_docs - 1))

    def _summarise(self) -> None:
        from sklearn.preprocessing import normalize

        rows = []
        for c in range(self.n_topics_):
            members = self.labels_ == c
            if self.method == "nmf" and self.cluster_model_ is not None:
                weights = self.cluster_model_.components_[self.cluster_order_[c]]
            else:
                weights = np.asarray(self.tfidf_[members].mean(axis=0)).ravel()
            order = np.lexsort((self.terms_, -weights))[: self.n_top_terms]
            for rank, j in enumerate(order, 1):
                if weights[j] > 0:
                    rows.append((c, self.terms_[j], float(weights[j]), rank))
        self.top_terms_ = pd.DataFrame(rows, columns=["cluster", "term", "weight", "rank"])
        sizes = np.bincount(self.labels_, minlength=self.n_topics_)
        joined = self.top_terms_.groupby("cluster")["term"].agg("、".join)
        self.clusters_ = pd.DataFrame(
            {
                "cluster": np.arange(self.n_topics_),
                "n_articles": sizes,
                "top_terms": [joined.get(c, "") for c in range(self.n_topics_)],
            }
        )
        dims = self.embedding_.shape[1]
        self.centroids_ = normalize(
            np.vstack(
                [
                    _dense(self.embedding_[self.labels_ == c]).mean(axis=0)
                    if sizes[c]
                    else np.zeros(dims)  # an NMF component that no article prefers
                    for c in range(self.n_topics_)
                ]
            )
        )
        self.coords_ = _map_2d(self.tfidf_, self.random_state)

    # -- using a fitted model ----------------------------------------------------------------

    def transform(self, X: Any) -> np.ndarray:
        """Documents in the model's space: LSA rows (spectral, k-means) or NMF topic weights."""
        _, docs, _ = self._inputs(X)
        tfidf = self.vectorizer_.transform(docs)
        if self.method == "nmf":
            return self.cluster_model_.transform(tfidf)[:, self.cluster_order_]
        from sklearn.preprocessing import normalize

        if self.svd_ is not None:
            return normalize(self.svd_.transform(tfidf))
        return normalize(tfidf).toarray()

    def predict(self, X: Any) -> np.ndarray:
        """Cluster of new documents: the nearest cluster centre (cosine), NMF: the top topic."""
        z = self.transform(X)
        if self.method == "nmf":
            return z.argmax(axis=1)
        return (z @ self.centroids_.T).argmax(axis=1)

    def fit_predict(self, X: Any, y: Any = None) -> np.ndarray:
        return self.fit(X).labels_

    def top_terms_per_cluster(self, n: int | None = None) -> pd.DataFrame:
        """Tidy top terms: cluster, term, weight, rank (mean TF-IDF in the cluster, NMF: H row)."""
        table = self.top_terms_
        return table if n is None else table.loc[table["rank"] <= n].reset_index(drop=True)

    def match_clusters(self, articles: pd.DataFrame, **assign_kwargs: Any) -> pd.DataFrame:
        """``match_clusters`` of this model's clusters against the named topics of ``articles``."""
        assign_kwargs.setdefault("lexicon", self.lexicon)
        assign_kwargs.setdefault("tokenizer", self.tokenizer)
        topics = assign_topics(articles, **assign_kwargs)
        return match_clusters(self.cluster_table(), topics)

    def cluster_table(self) -> pd.DataFrame:
        """article_id, cluster of the fitted documents."""
        return pd.DataFrame({"article_id": self.article_ids_, "cluster": self.labels_})


def _dense(matrix) -> np.ndarray:
    return matrix.toarray() if hasattr(matrix, "toarray") else np.asarray(matrix)


def _silhouette(embedding, labels: np.ndarray) -> float:
    from sklearn.metrics import silhouette_score

    n_labels = len(set(labels.tolist()))
    if n_labels < 2 or n_labels >= len(labels):
        return -1.0
    return float(silhouette_score(embedding, labels, metric="cosine"))


def _map_2d(tfidf, random_state: int) -> np.ndarray:
    from sklearn.decomposition import TruncatedSVD

    n_docs, n_terms = tfidf.shape
    if n_terms < 3 or n_docs < 2:
        coords = np.zeros((n_docs, 2))
        coords[:, : min(2, n_terms)] = _dense(tfidf)[:, : min(2, n_terms)]
        return coords
    return TruncatedSVD(2, random_state=random_state).fit_transform(tfidf)


# --------------------------------------------------------------------------- named topics


def _seed_matches(
    words: list[str], starts: list[int], ends: list[int], seeds: set[str], max_len: int
):
    """Counts of seeds spelt out by 1..n contiguous tokens (never across a word boundary)."""
    found: Counter[str] = Counter()
    n = len(words)
    for i in range(n):
        text = ""
        for j in range(i, n):
            if j > i and starts[j] != ends[j - 1]:
                break
            text += words[j]
            if len(text) > max_len:
                break
            if text in seeds:
                found[text] += 1
    return found


def topic_scores(
    articles: pd.DataFrame,
    lexicon: str | Path | Lexicon | None = None,
    tokenizer: Any = None,
    tokens: pd.DataFrame | None = None,
) -> tuple[pd.DataFrame, dict]:
    """Score every article against every named topic.

    Returns (scores, details): scores has article_id, topic, score (cosine between the article's
    TF-IDF vector and the topic's seed vector); details maps article_id to its L2-normalised
    TF-IDF weights (term -> weight) for explaining a score.

    Article vectors: content words (no stopwords, punctuation or numbers, two characters or
    more) plus every seed the tokens spell out, counted with sublinear tf (1 + ln n) and the
    smoothed idf ln((1 + N) / (1 + df)) + 1 over the given articles.
    """
    from analysis.tokenize import tokens as make_tokens

    lex = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
    if not isinstance(articles, pd.DataFrame) or not {"article_id", "body"} <= set(
        articles.columns
    ):
        raise ValueError("assign_topics needs an articles table with article_id and body columns")
    if tokens is None:
        frame = pd.DataFrame({"article_id": articles["article_id"], "body": article_text(articles)})
        tokens = make_tokens(frame, tokenizer=tokenizer)
    seeds = {s for t in lex.topics for s in t.seeds}
    max_len = max(len(s) for s in seeds)
    content = ContentWords(pos=None)
    counts: dict[Any, Counter] = {a: Counter() for a in articles["article_id"]}
    frame = tokens.sort_values("position", kind="stable")
    for article_id, group in frame.groupby("article_id", sort=False):
        words = group["token"].tolist()
        stops = group["is_stop"].tolist()
        c = Counter(w for w, s in zip(words, stops, strict=True) if content.keep(w, "", s))
        for seed, n in _seed_matches(
            words, group["start"].tolist(), group["end"].tolist(), seeds, max_len
        ).items():
            c[seed] = n  # a seed counts as itself, whether it is one token or several
        if article_id in counts:
            counts[article_id] = c
    n_docs = len(counts)
    df = Counter()
    for c in counts.values():
        df.update(c.keys())
    vectors = {}
    for article_id, c in counts.items():
        weights = {
            w: (1.0 + math.log(n)) * (math.log((1 + n_docs) / (1 + df[w])) + 1.0)
            for w, n in c.items()
        }
        norm = math.sqrt(sum(v * v for v in weights.values())) or 1.0
        vectors[article_id] = {w: v / norm for w, v in weights.items()}
    rows = []
    for article_id, vec in vectors.items():
        for topic in lex.topics:
            dot = sum(vec.get(s, 0.0) for s in topic.seeds)
            rows.append((article_id, topic.id, dot / math.sqrt(len(topic.seeds))))
    scores = pd.DataFrame(rows, columns=["article_id", "topic", "score"])
    return scores, vectors


def assign_topics(
    articles: pd.DataFrame,
    lexicon: str | Path | Lexicon | None = None,
    threshold: float | None = None,
    tokenizer: Any = None,
    tokens: pd.DataFrame | None = None,
    n_terms: int = 5,
) -> pd.DataFrame:
    """Named topic of every article: article_id, topic, topic_name, score, top_terms.

    ``topic`` is the id of the best-scoring topic of the lexicon (default
    ``analysis/resources/topics.toml``), or ``other`` when the best score is below
    ``threshold`` (default: the lexicon's ``threshold``). ``top_terms`` joins with 、 the seeds
    that contributed most to the score (for ``other``: the article's top TF-IDF terms).
    ``tokens`` may pass a precomputed tokens table of the articles' headline + body text.
    """
    lex = lexicon if isinstance(lexicon, Lexicon) else load_lexicon(lexicon)
    limit = lex.threshold if threshold is None else float(threshold)
    scores, vectors = topic_scores(articles, lex, tokenizer=tokenizer, tokens=tokens)
    seeds_of = {t.id: t.seeds for t in lex.topics}
    order = {t.id: i for i, t in enumerate(lex.topics)}
    rows = []
    for article_id, group in scores.groupby("article_id", sort=False):
        ranked = sorted(
            zip(group["topic"], group["score"], strict=True), key=lambda ts: (-ts[1], order[ts[0]])
        )
        topic, score = ranked[0]
        vec = vectors[article_id]
        if score < limit or score <= 0:
            topic, name = OTHER, OTHER_NAME
            terms = sorted(vec, key=lambda w: (-vec[w], w))[:n_terms]
        else:
            name = lex.names[topic]
            present = [s for s in seeds_of[topic] if vec.get(s, 0) > 0]
            terms = sorted(present, key=lambda w: (-vec[w], w))[:n_terms]
        rows.append((article_id, topic, name, float(score), "、".join(terms)))
    return pd.DataFrame(rows, columns=TOPIC_COLUMNS)


def match_clusters(clusters: pd.DataFrame | TopicModel, topics: pd.DataFrame) -> pd.DataFrame:
    """Which unsupervised clusters agree with a named topic, and which do not.

    ``clusters``: a fitted ``TopicModel`` or a table with article_id, cluster; ``topics``: the
    output of ``assign_topics``. One row per cluster: cluster, n_articles, topic (the named topic
    of most of its articles), topic_name, agreement (share of its articles with that topic),
    status ``matched`` (agreement >= 0.5 and not ``other``) or ``unmatched``; then one row per
    named topic that no cluster matched (cluster <NA>, status ``no cluster``).
    """
    table = clusters.cluster_table() if isinstance(clusters, TopicModel) else clusters
    merged = table.merge(topics, on="article_id", how="left", validate="one_to_one")
    merged["topic"] = merged["topic"].fillna(OTHER)
    merged["topic_name"] = merged["topic_name"].fillna(OTHER_NAME)
    names = dict(zip(merged["topic"], merged["topic_name"], strict=True))
    rows = []
    for cluster, group in merged.groupby("cluster", sort=True):
        counts = group["topic"].value_counts()
        best = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0] == OTHER, kv[0]))[0][0]
        agreement = counts[best] / len(group)
        status = "matched" if agreement >= 0.5 and best != OTHER else "unmatched"
        rows.append((cluster, len(group), best, names[best], float(agreement), status))
    out = pd.DataFrame(
        rows, columns=["cluster", "n_articles", "topic", "topic_name", "agreement", "status"]
    )
    out["cluster"] = out["cluster"].astype("Int64")
    matched = set(out.loc[out["status"] == "matched", "topic"])
    missing = [t for t in dict.fromkeys(topics["topic"]) if t != OTHER and t not in matched]
    extra = pd.DataFrame(
        {
            "cluster": pd.array([pd.NA] * len(missing), dtype="Int64"),
            "n_articles": [int((topics["topic"] == t).sum()) for t in missing],
            "topic": missing,
            "topic_name": [names.get(t, t) for t in missing],
            "agreement": [0.0] * len(missing),
            "status": ["no cluster"] * len(missing),
        }
    )
    return pd.concat([out, extra], ignore_index=True) if missing else out


def article_map(model: TopicModel, topics: pd.DataFrame | None = None) -> pd.DataFrame:
    """2-D map of the fitted articles: article_id, x, y, cluster, topic (``""`` without topics)."""
    frame = model.cluster_table()
    frame.insert(1, "x", model.coords_[:, 0])
    frame.insert(2, "y", model.coords_[:, 1])
    if topics is not None:
        frame = frame.merge(topics[["article_id", "topic"]], on="article_id", how="left")
        frame["topic"] = frame["topic"].fillna(OTHER)
    else:
        frame["topic"] = ""
    return frame[["article_id", "x", "y", "cluster", "topic"]]


def similarity_matrix(model_or_articles: TopicModel | pd.DataFrame | Iterable, **model_kwargs):
    """Cosine similarity of the articles' TF-IDF vectors, as a square DataFrame by article_id.

    Pass a fitted ``TopicModel``, or articles (fitted here with ``TopicModel(**model_kwargs)``
    vectoriser settings; default ``min_df=1`` so that a few articles keep their words).
    """
    from sklearn.metrics.pairwise import cosine_similarity

    if isinstance(model_or_articles, TopicModel):
        model = model_or_articles
        if not hasattr(model, "tfidf_"):
            raise ValueError("similarity_matrix: the TopicModel is not fitted")
        tfidf, ids = model.tfidf_, model.article_ids_
    else:
        model_kwargs.setdefault("min_df", 1)
        model_kwargs.setdefault("max_df", 1.0)
        probe = TopicModel(**model_kwargs)
        ids, docs, pre = probe._inputs(model_or_articles)
        tfidf = probe._vectorizer(pre).fit_transform(docs)
    sim = cosine_similarity(tfidf)
    return pd.DataFrame(sim, index=pd.Index(ids, name="article_id"), columns=list(ids))
