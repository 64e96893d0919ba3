"""Keywords per article from the tokens table, and tidytext-style ``bind_tf_idf``.

``keywords(tokens, method=...)`` returns one row per (article, keyword): article_id, keyword,
score (higher is better), rank (1-based), method. Methods:

- ``"jieba_tfidf"``: jieba's ``extract_tags`` formula (tf over the article's candidate words
  times the IDF table jieba ships, unknown words get its median IDF), run over the project's
  tokens and stopwords instead of jieba's global tokenizer and its English-only stop list.
- ``"tfidf"``: TF-IDF learned on the loaded corpus with scikit-learn (sublinear tf, smoothed idf,
  l2 norm). Pass ``background=`` (another tokens table) to learn the IDF on more documents.
- ``"textrank"``: jieba's TextRank (co-occurrence window of 5 tokens, damping 0.85, 10
  iterations, scores scaled by the maximum) over the candidate words.
- ``"keyphrase"``: multi-word keyphrases. Candidates are runs of up to ``max_words`` adjacent
  content tokens (contiguous in the text, no stopword or punctuation inside, a noun-like last
  word, never starting with a verb), so 爱国卫生 + 运动 becomes 爱国卫生运动 even where jieba
  splits it. score = (1 + ln tf) ** 0.75 * idf * (2 - first position / article length)
  * characters ** 0.15 * (1.5 if the headline contains it), where idf = ln((N + 1) / (df + 1)) + 1
  counts documents containing the whole phrase. A part that never occurs outside a
  higher-scoring longer phrase is dropped (驻点 inside 驻点招工). The constants were set on the
  CSL dev split; ``bench/bench_keywords_csl.py`` scores the test split.

Candidate words (all methods) are tokens that are not stopwords or punctuation, at least
``min_len`` characters long, with a POS tag starting with one of ``pos`` (default: nouns, names,
places, organisations, verbal nouns, set phrases, abbreviations, Latin words). ``pos=None`` keeps
every tag. Ties rank by first appearance in the article.
"""

from __future__ import annotations

import functools
import math
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

KEYWORD_COLUMNS = ["article_id", "keyword", "score", "rank", "method"]
METHODS = ("tfidf", "jieba_tfidf", "textrank", "keyphrase")

# POS tag prefixes of candidate words: n* (nouns, names nr, places ns, organisations nt, proper
# terms nz), vn (verbal nouns: 招工, 整治), l (set phrases: 复工复产), j (abbreviations), eng.
DEFAULT_POS: tuple[str, ...] = ("n", "vn", "l", "j", "eng")
# A multi-word keyphrase may also start with (or hold) adjectives and distinguishing words
# (高 效, 新型 材料), and end with a verb (数值 模拟, 驻点 招工 where 招工 is tagged v).
PHRASE_MODIFIER_POS: tuple[str, ...] = ("a", "b", "an")
PHRASE_END_POS: tuple[str, ...] = ("v",)

_REQUIRED = ("article_id", "token", "pos", "start", "end", "is_stop", "is_punct")


def _check_tokens(tokens: pd.DataFrame, what: str = "tokens") -> None:
    if not isinstance(tokens, pd.DataFrame):
        raise TypeError(
            f"{what} must be a DataFrame (analysis.tokens()), not {type(tokens).__name__}"
        )
    missing = [c for c in _REQUIRED if c not in tokens.columns]
    if missing:
        raise ValueError(
            f"{what} table is missing columns {missing} (build it with analysis.tokens(articles))"
        )


def _tag_matcher(prefixes: Sequence[str] | None):
    if prefixes is None:
        return lambda tag: True
    prefixes = (prefixes,) if isinstance(prefixes, str) else tuple(prefixes)
    return functools.lru_cache(maxsize=None)(lambda tag: tag.startswith(prefixes))


def _is_number(word: str) -> bool:
    return any(ch.isdigit() for ch in word) and not any("\u3400" <= ch <= "\u9fff" for ch in word)


# --------------------------------------------------------------------------- per-article words


class _Doc:
    """One article's tokens as parallel lists (position order)."""

    __slots__ = ("article_id", "content", "ends", "starts", "tags", "words")

    def __init__(self, article_id, words, tags, starts, ends, content):
        self.article_id = article_id
        self.words = words
        self.tags = tags
        self.starts = starts
        self.ends = ends
        self.content = content  # not stopword / punctuation / number / whitespace


def _docs(tokens: pd.DataFrame) -> list[_Doc]:
    """Split the tokens table into articles (first-appearance order), tokens in position order."""
    if tokens.empty:
        return []
    codes, article_ids = pd.factorize(tokens["article_id"], sort=False)
    position = (
        tokens["position"].to_numpy() if "position" in tokens.columns else np.arange(len(tokens))
    )
    order = np.lexsort((position, codes))
    bounds = np.searchsorted(codes[order], np.arange(len(article_ids) + 1))
    words = tokens["token"].to_numpy(dtype=object)[order].tolist()
    tags = tokens["pos"].to_numpy(dtype=object)[order].tolist()
    starts = tokens["start"].to_numpy()[order].tolist()
    ends = tokens["end"].to_numpy()[order].tolist()
    dropped = (tokens["is_stop"].to_numpy(dtype=bool) | tokens["is_punct"].to_numpy(dtype=bool))[
        order
    ]
    content = [not (d or w.isspace() or _is_number(w)) for w, d in zip(words, dropped, strict=True)]
    docs = []
    for k, article_id in enumerate(article_ids):
        lo, hi = bounds[k], bounds[k + 1]
        docs.append(
            _Doc(article_id, words[lo:hi], tags[lo:hi], starts[lo:hi], ends[lo:hi], content[lo:hi])
        )
    return docs


def _candidate_words(doc: _Doc, keep_tag, min_len: int) -> list[str]:
    return [
        w
        for w, t, c in zip(doc.words, doc.tags, doc.content, strict=True)
        if c and len(w) >= min_len and keep_tag(t)
    ]


def _ranked_frame(rows: list[tuple], method: str) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=["article_id", "keyword", "score", "rank"])
    frame["method"] = method
    return frame.astype({"score": "float64", "rank": "int64"})[KEYWORD_COLUMNS]


def _top(article_id, scores: dict[str, float], top_k: int | None) -> list[tuple]:
    # dicts keep first-appearance order; a stable sort makes ties rank by first appearance
    ranked = sorted(scores.items(), key=lambda kv: -kv[1])
    if top_k is not None:
        ranked = ranked[:top_k]
    return [(article_id, w, float(s), r) for r, (w, s) in enumerate(ranked, 1)]


# --------------------------------------------------------------------------- jieba TF-IDF


@functools.lru_cache(maxsize=1)
def jieba_idf() -> tuple[dict[str, float], float]:
    """jieba's shipped IDF table (``jieba/analyse/idf.txt``) and its median, as jieba loads it.

    Read directly so ``jieba.analyse`` (whose import builds POS tables for the global jieba
    instance) is never imported.
    """
    import jieba

    path = Path(jieba.__file__).resolve().parent / "analyse" / "idf.txt"
    idf: dict[str, float] = {}
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            parts = line.split()
            if len(parts) == 2:
                idf[parts[0]] = float(parts[1])
    median = sorted(idf.values())[len(idf) // 2]
    return idf, median


def _jieba_tfidf(docs, keep_tag, min_len, top_k) -> list[tuple]:
    idf, median = jieba_idf()
    rows = []
    for doc in docs:
        freq = Counter(_candidate_words(doc, keep_tag, min_len))
        total = sum(freq.values())
        scores = {w: n * idf.get(w, median) / total for w, n in freq.items()}
        rows.extend(_top(doc.article_id, scores, top_k))
    return rows


# --------------------------------------------------------------------------- corpus TF-IDF


def _corpus_tfidf(docs, background, keep_tag, min_len, top_k) -> list[tuple]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    texts = [_candidate_words(d, keep_tag, min_len) for d in docs]
    extra = [_candidate_words(d, keep_tag, min_len) for d in background]
    if not any(texts):
        return []
    vectorizer = TfidfVectorizer(analyzer=_identity, sublinear_tf=True, lowercase=False)
    vectorizer.fit(texts + extra)
    matrix = vectorizer.transform(texts).tocsr()
    vocab = vectorizer.get_feature_names_out()
    rows = []
    for doc, words, i in zip(docs, texts, range(matrix.shape[0]), strict=True):
        lo, hi = matrix.indptr[i], matrix.indptr[i + 1]
        weight = dict(zip(vocab[matrix.indices[lo:hi]], matrix.data[lo:hi], strict=True))
        scores = {w: weight[w] for w in dict.fromkeys(words) if w in weight}
        rows.extend(_top(doc.article_id, scores, top_k))
    return rows


def _identity(words: list[str]) -> list[str]:
    return words


# --------------------------------------------------------------------------- TextRank


def _textrank_scores(edges: dict[tuple[str, str], float]) -> dict[str, float]:
    """jieba's ``UndirectWeightedGraph.rank``: 10 sweeps in sorted node order, d = 0.85."""
    graph: dict[str, list[tuple[str, float]]] = defaultdict(list)
    for (a, b), w in edges.items():
        graph[a].append((b, w))
        graph[b].append((a, w))
    if not graph:
        return {}
    d = 0.85
    ws = dict.fromkeys(graph, 1.0 / len(graph))
    out_sum = {n: sum(w for _, w in out) for n, out in graph.items()}
    nodes = sorted(graph)
    for _ in range(10):
        for n in nodes:
            ws[n] = (1 - d) + d * sum(w / out_sum[m] * ws[m] for m, w in graph[n])
    lo, hi = min(ws.values()), max(ws.values())
    # jieba's scaling: (w - min/10) / (max - min/10)
    return {n: (w - lo / 10.0) / (hi - lo / 10.0) for n, w in ws.items()}


def _textrank(docs, keep_tag, min_len, top_k, span: int = 5) -> list[tuple]:
    rows = []
    for doc in docs:
        ok = [
            c and len(w) >= min_len and keep_tag(t)
            for w, t, c in zip(doc.words, doc.tags, doc.content, strict=True)
        ]
        edges: dict[tuple[str, str], float] = defaultdict(float)
        n = len(doc.words)
        for i in range(n):
            if not ok[i]:
                continue
            for j in range(i + 1, min(i + span, n)):
                if ok[j]:
                    edges[(doc.words[i], doc.words[j])] += 1
        ranks = _textrank_scores(edges)
        first = dict.fromkeys(w for w, k in zip(doc.words, ok, strict=True) if k)
        scores = {w: ranks[w] for w in first if w in ranks}
        rows.extend(_top(doc.article_id, scores, top_k))
    return rows


# --------------------------------------------------------------------------- keyphrases


def phrase_candidates(
    doc_words: Sequence[str],
    doc_tags: Sequence[str],
    starts: Sequence[int],
    ends: Sequence[int],
    content: Sequence[bool],
    keep_tag,
    min_len: int = 2,
    max_words: int = 3,
) -> dict[str, list[int]]:
    """Keyphrase candidates of one article: phrase -> indexes of the tokens where it starts.

    A candidate is 1..max_words adjacent content tokens with no gap in the text between them
    (a space or a line break ends a phrase). One word needs a ``pos`` tag. A longer phrase starts
    with a ``pos`` word or a modifier (``PHRASE_MODIFIER_POS``), holds only those inside, and
    ends with a ``pos`` word or a verb; verb-initial runs (开展 爱国卫生运动) are clauses, not
    names of things, and are never candidates.
    """
    modifier = _tag_matcher(PHRASE_MODIFIER_POS)
    end_verb = _tag_matcher(PHRASE_END_POS)
    out: dict[str, list[int]] = {}
    n = len(doc_words)
    for i in range(n):
        if not content[i] or not (keep_tag(doc_tags[i]) or modifier(doc_tags[i])):
            continue
        for j in range(i, min(i + max_words, n)):
            tag = doc_tags[j]
            if j > i:
                if not content[j] or starts[j] != ends[j - 1]:
                    break
                if not (keep_tag(tag) or modifier(tag) or end_verb(tag)):
                    break
            is_noun = keep_tag(tag)
            if is_noun or (j > i and end_verb(tag)):
                phrase = "".join(doc_words[i : j + 1])
                if len(phrase) >= min_len:
                    out.setdefault(phrase, []).append(i)
            if not is_noun and not modifier(tag):
                break  # a verb only ends a phrase
    return out


# Scoring constants, set on the CSL dev split (bench/bench_keywords_csl.py), never on test.
TF_POWER = 0.75  # damping of (1 + ln tf): recurrence helps, but one repeated word must not win
TITLE_BOOST = 1.5  # phrases the headline repeats
EARLY_BOOST = 1.0  # up to x2 for a phrase in the first lines (news lead, abstract aim)
LENGTH_POWER = 0.15  # prefer longer (more specific) phrases: chars ** LENGTH_POWER


def _keyphrases(
    docs, background, keep_tag, min_len, top_k, titles: dict, max_words: int
) -> list[tuple]:
    per_doc = [
        phrase_candidates(
            d.words, d.tags, d.starts, d.ends, d.content, keep_tag, min_len, max_words
        )
        for d in docs
    ]
    df: Counter[str] = Counter()
    for cands in per_doc:
        df.update(cands.keys())
    for d in background:
        df.update(
            phrase_candidates(
                d.words, d.tags, d.starts, d.ends, d.content, keep_tag, min_len, max_words
            ).keys()
        )
    n_docs = len(docs) + len(background)
    rows = []
    for doc, cands in zip(docs, per_doc, strict=True):
        length = max(len(doc.words), 1)
        title = titles.get(doc.article_id, "")
        scores = {}
        for phrase, where in cands.items():
            tf = len(where)
            idf = math.log((n_docs + 1) / (df[phrase] + 1)) + 1.0
            score = (1.0 + math.log(tf)) ** TF_POWER * idf
            score *= 1.0 + EARLY_BOOST * (1.0 - where[0] / length)
            score *= len(phrase) ** LENGTH_POWER
            if title and phrase in title:
                score *= TITLE_BOOST
            scores[phrase] = score
        rows.extend(_top(doc.article_id, _drop_captive_parts(scores, cands), top_k))
    return rows


def _drop_captive_parts(scores: dict[str, float], cands: dict[str, list[int]]) -> dict[str, float]:
    """Drop a phrase that never occurs outside one longer candidate (驻点 inside 驻点招工).

    Parts that also stand alone elsewhere in the article stay: both may be keywords.
    """
    by_len = sorted(cands, key=len, reverse=True)
    kept = dict(scores)
    for short in by_len:
        n_short = len(cands[short])
        for long in by_len:
            if len(long) <= len(short):
                break
            if short in long and len(cands[long]) >= n_short and scores[long] >= scores[short]:
                kept.pop(short, None)
                break
    return kept


# --------------------------------------------------------------------------- public API


def keywords(
    tokens: pd.DataFrame,
    method: str = "tfidf",
    top_k: int | None = 10,
    pos: Sequence[str] | None = DEFAULT_POS,
    articles: pd.DataFrame | None = None,
    background: pd.DataFrame | None = None,
    min_len: int = 2,
    max_words: int = 3,
) -> pd.DataFrame:
    """Top keywords of every article: article_id, keyword, score, rank, method.

    - ``method``: ``"tfidf"`` (corpus TF-IDF, scikit-learn), ``"jieba_tfidf"`` (jieba's shipped
      IDF), ``"textrank"`` or ``"keyphrase"`` (multi-word phrases); see the module docstring.
    - ``top_k``: keywords per article (None: all candidates).
    - ``pos``: POS tag prefixes of candidate words (None: any tag).
    - ``articles``: the articles table; ``"keyphrase"`` boosts phrases found in the headline
      (kicker, title, subtitle).
    - ``background``: a tokens table of other documents that only contribute document
      frequencies (``"tfidf"`` and ``"keyphrase"``), e.g. a larger corpus when ``tokens`` holds a
      few articles.
    - ``min_len``: minimum characters of a keyword; ``max_words``: longest keyphrase in tokens.
    """
    if method not in METHODS:
        raise ValueError(f"unknown keyword method {method!r}; choose one of {', '.join(METHODS)}")
    if top_k is not None and (not isinstance(top_k, (int, np.integer)) or top_k < 1):
        raise ValueError(f"top_k must be a positive integer or None, not {top_k!r}")
    _check_tokens(tokens)
    keep_tag = _tag_matcher(pos)
    docs = _docs(tokens)
    extra: list[_Doc] = []
    if background is not None:
        _check_tokens(background, "background")
        ids = set(tokens["article_id"].unique())
        extra = [d for d in _docs(background) if d.article_id not in ids]
    if method == "jieba_tfidf":
        rows = _jieba_tfidf(docs, keep_tag, min_len, top_k)
    elif method == "tfidf":
        rows = _corpus_tfidf(docs, extra, keep_tag, min_len, top_k)
    elif method == "textrank":
        rows = _textrank(docs, keep_tag, min_len, top_k)
    else:
        rows = _keyphrases(docs, extra, keep_tag, min_len, top_k, _titles(articles), max_words)
    return _ranked_frame(rows, method)


def _titles(articles: pd.DataFrame | None) -> dict:
    if articles is None:
        return {}
    if "article_id" not in articles.columns:
        raise ValueError("articles table needs an article_id column (analysis.load_articles())")
    parts = [c for c in ("kicker", "title", "subtitle") if c in articles.columns]
    if not parts:
        return {}
    text = articles[parts].fillna("").astype(str).agg("\n".join, axis=1)
    return dict(zip(articles["article_id"], text, strict=True))


def bind_tf_idf(
    frame: pd.DataFrame, term: str = "token", document: str = "article_id", n: str = "n"
) -> pd.DataFrame:
    """Add tf, idf and tf_idf columns, as tidytext's ``bind_tf_idf`` does.

    ``frame`` is either a count table (one row per document and term with a count column ``n``)
    or a tokens table (one row per occurrence; counted first, keeping first-appearance order).
    tf = n / total n of the document; idf = ln(number of documents / documents containing the
    term); tf_idf = tf * idf. The other columns of a count table are kept.
    """
    if not isinstance(frame, pd.DataFrame):
        raise TypeError(f"bind_tf_idf needs a DataFrame, not {type(frame).__name__}")
    missing = [c for c in (document, term) if c not in frame.columns]
    if missing:
        raise ValueError(f"bind_tf_idf: missing columns {missing} (got {list(frame.columns)})")
    if n in frame.columns:
        table = frame.copy()
        if table.duplicated([document, term]).any():
            raise ValueError(
                f"bind_tf_idf: the count table repeats some ({document}, {term}) pairs; "
                "aggregate the counts first"
            )
    else:
        table = frame.groupby([document, term], sort=False).size().rename(n).reset_index()
    counts = table[n].astype("float64")
    if (counts < 0).any():
        raise ValueError(f"bind_tf_idf: column {n!r} has negative counts")
    table["tf"] = counts / counts.groupby(table[document]).transform("sum")
    n_docs = table[document].nunique()
    docs_with = table.loc[counts > 0].groupby(term)[document].nunique()
    table["idf"] = np.log(n_docs / table[term].map(docs_with).astype("float64"))
    table["tf_idf"] = table["tf"] * table["idf"]
    return table
