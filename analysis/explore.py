"""Corpus exploration: keyword in context, term and document frequencies, new-word discovery.

These are the tables analysts know from AntConc, Voyant and KH Coder:

- ``kwic(tokens_or_articles, word, window=10, by="chars"|"tokens")``: concordance lines
  (article_id, left, match, right, start, end), offsets into the article body.
- ``term_frequencies(tokens, by=None)``: token, pos, n, share, n_docs, rank.
- ``doc_frequencies(tokens)``: token, n_docs, doc_share, idf.
- ``discover_words(texts)``: candidate new words from raw text, scored by frequency, cohesion
  (pointwise mutual information of the weakest split) and left/right neighbour entropy, for
  proposing dictionary entries on a corpus whose names nobody has listed yet.
"""

from __future__ import annotations

import math
import re
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence

import numpy as np
import pandas as pd

from analysis.tokenize import Tokenizer, default_tokenizer, is_punct, tokens

KWIC_COLUMNS = ["article_id", "left", "match", "right", "start", "end"]
_CJK_RUN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]+")


# --------------------------------------------------------------------------- kwic


def _is_tokens_frame(frame: pd.DataFrame) -> bool:
    return {"article_id", "token", "start", "end"}.issubset(frame.columns)


def _is_articles_frame(frame: pd.DataFrame) -> bool:
    return {"article_id", "body"}.issubset(frame.columns)


def _bodies_from_tokens(tok: pd.DataFrame) -> dict:
    """Rebuild each article's text from its tokens and offsets (gaps become spaces)."""
    bodies = {}
    for article_id, group in tok.groupby("article_id", sort=False):
        n = int(group["end"].max()) if len(group) else 0
        chars = [" "] * n
        for word, s in zip(group["token"], group["start"], strict=True):
            chars[s : s + len(word)] = word
        bodies[article_id] = "".join(chars)
    return bodies


def _one_line(text: str) -> str:
    return text.replace("\r", " ").replace("\n", " ")


def kwic(
    tokens_or_articles: pd.DataFrame,
    word: str | Sequence[str],
    window: int = 10,
    by: str = "chars",
    regex: bool = False,
    sep: str = " ",
    tokenizer: Tokenizer | None = None,
) -> pd.DataFrame:
    """Keyword in context: one row per occurrence of ``word``.

    ``tokens_or_articles`` is a tokens table (``analysis.tokens``) or an articles table (with
    ``body``). ``by="chars"`` finds ``word`` as a substring (a regular expression with
    ``regex=True``) and shows ``window`` characters each side, newlines as spaces. ``by="tokens"``
    finds tokens equal to ``word`` (a sequence of strings matches consecutive tokens) and shows
    ``window`` tokens each side joined by ``sep``; articles are tokenised with ``tokenizer``
    (default: ``default_tokenizer()``). Columns: article_id, left, match, right, start, end, with
    ``start``/``end`` offsets of the match in the body. Rows are in article and offset order.
    """
    if window < 0:
        raise ValueError(f"window must be >= 0, not {window}")
    if by not in ("chars", "tokens"):
        raise ValueError(f"by must be 'chars' or 'tokens', not {by!r}")
    frame = tokens_or_articles
    if not isinstance(frame, pd.DataFrame):
        raise TypeError("kwic needs a tokens or articles DataFrame")
    if not (_is_tokens_frame(frame) or _is_articles_frame(frame)):
        raise ValueError(
            "kwic needs a tokens table (article_id, token, start, end) or an articles table "
            f"(article_id, body); got columns {list(frame.columns)}"
        )
    if isinstance(word, str) and not word:
        raise ValueError("word must not be empty")
    if by == "chars":
        return _kwic_chars(frame, word, window, regex)
    tok = frame if _is_tokens_frame(frame) else tokens(frame, tokenizer)
    return _kwic_tokens(tok, word, window, sep)


def _kwic_chars(frame: pd.DataFrame, word: str | Sequence[str], window: int, regex: bool):
    if not isinstance(word, str):
        word = "".join(word)
    if _is_articles_frame(frame):
        bodies = dict(zip(frame["article_id"], frame["body"], strict=True))
    else:
        bodies = _bodies_from_tokens(frame)
    pattern = re.compile(word if regex else re.escape(word))
    rows = []
    for article_id, body in bodies.items():
        if not isinstance(body, str):
            continue
        for m in pattern.finditer(body):
            s, e = m.span()
            if s == e:
                continue
            rows.append(
                (
                    article_id,
                    _one_line(body[max(0, s - window) : s]),
                    body[s:e],
                    _one_line(body[e : e + window]),
                    s,
                    e,
                )
            )
    return _kwic_frame(rows)


def _kwic_tokens(tok: pd.DataFrame, word: str | Sequence[str], window: int, sep: str):
    phrase = [word] if isinstance(word, str) else list(word)
    if not phrase or not all(isinstance(w, str) and w for w in phrase):
        raise ValueError("word must be a non-empty string or a sequence of non-empty strings")
    rows = []
    order = tok.sort_values(["article_id", "start"], kind="stable") if len(tok) else tok
    for article_id, group in order.groupby("article_id", sort=False):
        words = group["token"].tolist()
        starts = group["start"].tolist()
        ends = group["end"].tolist()
        n, k = len(words), len(phrase)
        for i in range(n - k + 1):
            if words[i : i + k] == phrase:
                rows.append(
                    (
                        article_id,
                        sep.join(words[max(0, i - window) : i]),
                        sep.join(words[i : i + k]),
                        sep.join(words[i + k : i + k + window]),
                        starts[i],
                        ends[i + k - 1],
                    )
                )
    return _kwic_frame(rows)


def _kwic_frame(rows: list[tuple]) -> pd.DataFrame:
    frame = pd.DataFrame(rows, columns=KWIC_COLUMNS)
    frame = frame.astype(
        {"left": "str", "match": "str", "right": "str", "start": "int64", "end": "int64"}
    )
    return frame.reset_index(drop=True)


# --------------------------------------------------------------------------- frequencies


def _content_tokens(
    tok: pd.DataFrame, drop_stop: bool, drop_punct: bool, min_len: int, pos: Sequence[str] | None
) -> pd.DataFrame:
    missing = [c for c in ("article_id", "token", "pos") if c not in tok.columns]
    if missing:
        raise ValueError(f"tokens table is missing columns {missing} (use analysis.tokens())")
    keep = pd.Series(True, index=tok.index)
    if drop_stop and "is_stop" in tok.columns:
        keep &= ~tok["is_stop"].astype(bool)
    if drop_punct:
        punct = tok["is_punct"] if "is_punct" in tok.columns else tok["token"].map(is_punct)
        keep &= ~punct.astype(bool)
    if min_len > 1:
        keep &= tok["token"].str.len() >= min_len
    if pos is not None:
        prefixes = (pos,) if isinstance(pos, str) else tuple(pos)
        keep &= tok["pos"].str.startswith(prefixes)
    return tok.loc[keep]


def term_frequencies(
    tokens: pd.DataFrame,
    by: str | Sequence[str] | None = None,
    drop_stop: bool = True,
    drop_punct: bool = True,
    min_len: int = 1,
    pos: str | Sequence[str] | None = None,
) -> pd.DataFrame:
    """Term frequency table: token, pos (its most frequent tag), n, share, n_docs, rank.

    ``share`` is n over all counted tokens (of the group when ``by`` is given, e.g.
    ``by="article_id"`` or any column merged onto the tokens); ``n_docs`` is the number of
    articles containing the token. Stopwords and punctuation are dropped by default; ``pos``
    keeps tags starting with the given prefix(es), e.g. ``pos=["n", "v"]``. Sorted by group,
    then n descending, then token.
    """
    groups = [] if by is None else ([by] if isinstance(by, str) else list(by))
    for col in groups:
        if col not in tokens.columns:
            raise ValueError(f"by={col!r} is not a column of the tokens table")
    tok = _content_tokens(tokens, drop_stop, drop_punct, min_len, pos)
    keys = [*groups, "token"]
    out_cols = [*groups, "token", "pos", "n", "share", "n_docs", "rank"]
    if tok.empty:
        return pd.DataFrame({c: pd.Series(dtype="str") for c in out_cols}).astype(
            {"n": "int64", "share": "float64", "n_docs": "int64", "rank": "int64"}
        )
    counts = tok.groupby(keys, sort=False, observed=True).agg(
        n=("token", "size"), n_docs=("article_id", "nunique")
    )
    tag_counts = tok.groupby([*keys, "pos"], sort=False, observed=True).size().rename("k")
    tag_counts = tag_counts.reset_index().sort_values(
        [*keys, "k", "pos"], ascending=[True] * len(keys) + [False, True], kind="stable"
    )
    modal = tag_counts.drop_duplicates(keys).set_index(keys)["pos"]
    table = counts.join(modal).reset_index()
    if groups:
        totals = table.groupby(groups, observed=True)["n"].transform("sum")
    else:
        totals = table["n"].sum()
    table["share"] = table["n"] / totals
    table = table.sort_values(
        [*groups, "n", "token"], ascending=[True] * len(groups) + [False, True], kind="stable"
    )
    if groups:
        table["rank"] = table.groupby(groups, observed=True).cumcount() + 1
    else:
        table["rank"] = np.arange(1, len(table) + 1)
    table = table.astype({"n": "int64", "n_docs": "int64", "rank": "int64"})
    return table[out_cols].reset_index(drop=True)


def doc_frequencies(
    tokens: pd.DataFrame,
    drop_stop: bool = True,
    drop_punct: bool = True,
    min_len: int = 1,
) -> pd.DataFrame:
    """Document frequency table: token, n_docs, doc_share, idf (sorted by n_docs, then token).

    ``doc_share`` is n_docs over the number of articles in ``tokens``; ``idf`` is the smoothed
    ``ln((1 + N) / (1 + n_docs)) + 1`` that scikit-learn's TfidfTransformer uses.
    """
    n_articles = tokens["article_id"].nunique() if "article_id" in tokens.columns else 0
    tok = _content_tokens(tokens, drop_stop, drop_punct, min_len, None)
    table = (
        tok.groupby("token", sort=False, observed=True)["article_id"]
        .nunique()
        .rename("n_docs")
        .reset_index()
    )
    table["n_docs"] = table["n_docs"].astype("int64")
    table["doc_share"] = table["n_docs"] / n_articles if n_articles else 0.0
    table["idf"] = np.log((1 + n_articles) / (1 + table["n_docs"])) + 1.0
    table = table.sort_values(["n_docs", "token"], ascending=[False, True], kind="stable")
    return table[["token", "n_docs", "doc_share", "idf"]].reset_index(drop=True)


# --------------------------------------------------------------------------- new words

# Function characters that seldom begin or end a new word: a candidate starting or ending with
# one is noise (要提升, 更好地). Not the stopword list: it holds 区, 市, 年 … that end real names.
_EDGE_CHARS = frozenset(
    "的了是在和与及或等也都就而着过很又还将被把对从向于为之其这那我你他她它们个要让再更地得"
)


def _entropy(counter: Counter, boundary: int) -> float:
    """Shannon entropy (nats) of neighbours; each text boundary counts as a distinct neighbour."""
    total = sum(counter.values()) + boundary
    if total == 0:
        return 0.0
    h = -sum(c / total * math.log(c / total) for c in counter.values())
    if boundary:
        h -= boundary * (1 / total) * math.log(1 / total)
    return h


def discover_words(
    texts: Iterable[str] | pd.Series | pd.DataFrame,
    min_count: int = 2,
    max_len: int = 6,
    min_pmi: float = 1.0,
    min_entropy: float = 0.5,
    include_known: bool = False,
    tokenizer: Tokenizer | None = None,
    top: int | None = None,
) -> pd.DataFrame:
    """Candidate new words in ``texts`` (strings, a Series, or an articles frame with ``body``).

    Every run of 2..``max_len`` Chinese characters seen at least ``min_count`` times is scored by
    ``pmi`` (cohesion: log2 p(w) / (p(a) p(b)) at its weakest split into a + b) and by the
    entropy (nats) of the characters just left and right of it (a text or punctuation boundary
    counts as a distinct neighbour); words need ``pmi >= min_pmi`` and both entropies
    ``>= min_entropy``. ``score = pmi * min(left_entropy, right_entropy) * ln(1 + freq)``.
    Words already in the tokenizer's dictionary are dropped unless ``include_known``.

    Columns: word, freq, pmi, left_entropy, right_entropy, score, in_dictionary, current_cut
    (how the tokenizer cuts it now, `` / ``-joined), entry (a line for a dictionary file:
    ``word frequency tag``). Sorted by score, best first.
    """
    if isinstance(texts, pd.DataFrame):
        if "body" not in texts.columns:
            raise ValueError("discover_words needs texts or an articles frame with a body column")
        texts = texts["body"]
    if isinstance(texts, str):
        texts = [texts]
    if min_count < 1 or max_len < 2:
        raise ValueError("min_count must be >= 1 and max_len >= 2")
    runs = [run for text in texts if isinstance(text, str) for run in _CJK_RUN.findall(text)]

    ngrams: Counter = Counter()
    for run in runs:
        n = len(run)
        for i in range(n):
            for k in range(1, min(max_len, n - i) + 1):
                ngrams[run[i : i + k]] += 1
    n_chars = sum(len(r) for r in runs)
    columns = [
        "word",
        "freq",
        "pmi",
        "left_entropy",
        "right_entropy",
        "score",
        "in_dictionary",
        "current_cut",
        "entry",
    ]
    tok = tokenizer if tokenizer is not None else default_tokenizer()
    candidates = {
        w: c
        for w, c in ngrams.items()
        if len(w) >= 2 and c >= min_count and w[0] not in _EDGE_CHARS and w[-1] not in _EDGE_CHARS
    }
    if not candidates or n_chars == 0:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})

    left: dict[str, Counter] = defaultdict(Counter)
    right: dict[str, Counter] = defaultdict(Counter)
    left_edge: Counter = Counter()
    right_edge: Counter = Counter()
    for run in runs:
        n = len(run)
        for i in range(n):
            for k in range(2, min(max_len, n - i) + 1):
                w = run[i : i + k]
                if w not in candidates:
                    continue
                if i > 0:
                    left[w][run[i - 1]] += 1
                else:
                    left_edge[w] += 1
                if i + k < n:
                    right[w][run[i + k]] += 1
                else:
                    right_edge[w] += 1

    rows = []
    for w, c in candidates.items():
        p_w = c / n_chars
        pmi = min(
            math.log2(p_w / ((ngrams[w[:i]] / n_chars) * (ngrams[w[i:]] / n_chars)))
            for i in range(1, len(w))
        )
        if pmi < min_pmi:
            continue
        le = _entropy(left[w], left_edge[w])
        re_ = _entropy(right[w], right_edge[w])
        if min(le, re_) < min_entropy:
            continue
        known = tok.in_dictionary(w)
        if known and not include_known:
            continue
        score = pmi * min(le, re_) * math.log1p(c)
        rows.append([w, c, pmi, le, re_, score, known])
    frame = pd.DataFrame(rows, columns=columns[:7])
    if frame.empty:
        return pd.DataFrame({c: pd.Series(dtype="object") for c in columns})
    frame = frame.sort_values(["score", "word"], ascending=[False, True], kind="stable")
    # Drop a fragment when a longer candidate containing it is about as frequent (海龙 in 祁海龙).
    kept: list[int] = []
    covered: dict[str, int] = {}  # substring of a kept word -> that word's frequency
    for idx, w, c in zip(frame.index, frame["word"], frame["freq"], strict=True):
        if covered.get(w, 0) >= 0.8 * c:
            continue
        kept.append(idx)
        for i in range(len(w)):
            for j in range(i + 2, len(w) + 1):
                if j - i < len(w):
                    covered[w[i:j]] = max(covered.get(w[i:j], 0), c)
    frame = frame.loc[kept]
    if top is not None:
        frame = frame.head(top)
    frame["current_cut"] = [" / ".join(tok.cut(w)) for w in frame["word"]]
    frame["entry"] = [f"{w} {_entry_freq(tok, w)} {_entry_tag(tok, w)}" for w in frame["word"]]
    frame = frame.astype({"freq": "int64", "in_dictionary": "bool"})
    return frame[columns].reset_index(drop=True)


def _entry_freq(tok: Tokenizer, word: str) -> int:
    # Enough to keep the word whole in running text, not so much that it swallows neighbours.
    try:
        return max(100, tok.suggest_freq(word))
    except Exception:  # rjieba builds without suggest support still get a usable entry
        return 100


def _entry_tag(tok: Tokenizer, word: str) -> str:
    tag = tok.tag_of(word)
    return tag if tag in ("nr", "ns", "nt", "nz", "n", "l", "v", "vn") else "nz"
