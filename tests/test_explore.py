"""Exploration tables: kwic, term and document frequencies, new-word discovery."""

from __future__ import annotations

import math
import re

import pandas as pd
import pytest

from analysis.explore import (
    KWIC_COLUMNS,
    discover_words,
    doc_frequencies,
    kwic,
    term_frequencies,
)
from analysis.tokenize import Tokenizer, tokens


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="module")
def page_tokens(articles, tok) -> pd.DataFrame:
    return tokens(articles, tok)


# --------------------------------------------------------------------------- kwic


def test_kwic_chars_on_articles(articles):
    lines = kwic(articles, "祁海龙", window=6)
    assert list(lines.columns) == KWIC_COLUMNS
    expected = sum(body.count("祁海龙") for body in articles["body"])
    assert len(lines) == expected >= 4
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    for row in lines.itertuples():
        body = bodies[row.article_id]
        assert body[row.start : row.end] == row.match == "祁海龙"
        assert row.left == body[max(0, row.start - 6) : row.start].replace("\n", " ")
        assert row.right == body[row.end : row.end + 6].replace("\n", " ")
        assert len(row.left) <= 6 and len(row.right) <= 6
    assert lines.equals(lines.sort_values(["article_id", "start"]).reset_index(drop=True))


def test_kwic_tokens_mode(articles, page_tokens):
    lines = kwic(page_tokens, "祁海龙", window=3, by="tokens")
    assert len(lines) == len(kwic(articles, "祁海龙"))
    first = lines.iloc[0]
    assert first["match"] == "祁海龙"
    assert len(first["left"].split(" ")) == 3
    assert first["right"].split(" ")[0] == "在"
    phrase = kwic(page_tokens, ["复工复产", "情况"], window=2, by="tokens")
    assert len(phrase) >= 1 and (phrase["match"] == "复工复产 情况").all()
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    for row in phrase.itertuples():
        assert bodies[row.article_id][row.start : row.end] == "复工复产情况"


def test_kwic_articles_by_tokens_matches_tokens_input(articles, page_tokens, tok):
    a = kwic(articles, "全国文明城市", by="tokens", tokenizer=tok)
    b = kwic(page_tokens, "全国文明城市", by="tokens")
    assert a.equals(b) and len(a) > 5


def test_kwic_chars_from_tokens_table(articles, page_tokens):
    """Character windows rebuilt from the tokens table agree with the bodies (spaces aside)."""
    from_tokens = kwic(page_tokens, "钟埭街道", window=5)
    from_articles = kwic(articles, "钟埭街道", window=5)
    assert from_tokens[["article_id", "start", "end", "match"]].equals(
        from_articles[["article_id", "start", "end", "match"]]
    )


def test_kwic_regex_and_empty(articles):
    lines = kwic(articles, r"市\w{1,4}局", regex=True, window=2)
    assert {"市公安局", "市建设局", "市文旅局"} <= set(lines["match"])
    none = kwic(articles, "不存在的词", window=3)
    assert none.empty and list(none.columns) == KWIC_COLUMNS


def test_kwic_input_errors(articles):
    with pytest.raises(ValueError, match="by"):
        kwic(articles, "祁海龙", by="lines")
    with pytest.raises(ValueError, match="columns"):
        kwic(pd.DataFrame({"x": [1]}), "祁海龙")
    with pytest.raises(ValueError, match="window"):
        kwic(articles, "祁海龙", window=-1)


# --------------------------------------------------------------------------- frequencies


def test_term_frequencies(page_tokens):
    table = term_frequencies(page_tokens)
    assert list(table.columns) == ["token", "pos", "n", "share", "n_docs", "rank"]
    content = page_tokens[~page_tokens["is_stop"] & ~page_tokens["is_punct"]]
    counts = content["token"].value_counts()
    assert table.set_index("token")["n"].to_dict() == counts.to_dict()
    assert math.isclose(table["share"].sum(), 1.0)
    assert table["rank"].tolist() == list(range(1, len(table) + 1))
    assert table["n"].is_monotonic_decreasing
    assert not set(table["token"]) & {"的", "，", "。", "本报讯"}
    row = table.set_index("token").loc["祁海龙"]
    assert row["pos"] == "nr"
    assert row["n_docs"] == content.loc[content["token"] == "祁海龙", "article_id"].nunique()


def test_term_frequencies_by_article_and_pos(page_tokens):
    table = term_frequencies(page_tokens, by="article_id", pos=["n"])
    assert list(table.columns)[:2] == ["article_id", "token"]
    for _, group in table.groupby("article_id"):
        assert math.isclose(group["share"].sum(), 1.0)
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
    assert table["pos"].str.startswith("n").all()
    with pytest.raises(ValueError, match="page"):
        term_frequencies(page_tokens, by="page")


def test_term_frequencies_keep_everything(page_tokens):
    table = term_frequencies(page_tokens, drop_stop=False, drop_punct=False)
    assert table["n"].sum() == len(page_tokens)
    assert "，" in set(table["token"])


def test_doc_frequencies(page_tokens):
    table = doc_frequencies(page_tokens)
    n_articles = page_tokens["article_id"].nunique()
    assert list(table.columns) == ["token", "n_docs", "doc_share", "idf"]
    assert table["n_docs"].between(1, n_articles).all()
    row = table.set_index("token").loc["复工复产"]
    expected = page_tokens.loc[page_tokens["token"] == "复工复产", "article_id"].nunique()
    assert row["n_docs"] == expected
    assert math.isclose(row["idf"], math.log((1 + n_articles) / (1 + expected)) + 1)
    assert math.isclose(row["doc_share"], expected / n_articles)


# --------------------------------------------------------------------------- discover_words


def test_discover_words_finds_unlisted_names(articles):
    """With jieba's dictionary only, the sample page's own names come out as candidates."""
    plain = Tokenizer(domain_dicts=False)
    found = discover_words(articles, tokenizer=plain)
    assert list(found.columns) == [
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
    top = found.head(30)
    words = set(top["word"])
    for name in ("祁海龙", "农开区", "复工复产", "驻点招工"):
        assert name in words, name
    assert "海龙" not in words  # a fragment of 祁海龙 is not proposed on its own
    row = found.set_index("word").loc["祁海龙"]
    assert row["current_cut"] == "祁 / 海龙" and not row["in_dictionary"]
    assert row["freq"] == sum(body.count("祁海龙") for body in articles["body"])
    assert re.fullmatch(r"祁海龙 \d+ \w+", row["entry"])
    assert found["score"].is_monotonic_decreasing
    assert (found["pmi"] >= 1.0).all()
    assert (found[["left_entropy", "right_entropy"]] >= 0.5).all().all()


def test_discover_words_respects_dictionary(articles, tok):
    listed = discover_words(articles, tokenizer=tok)
    assert "祁海龙" not in set(listed["word"])  # already in the domain dictionary
    everything = discover_words(articles, tokenizer=tok, include_known=True)
    row = everything.set_index("word").loc["祁海龙"]
    assert bool(row["in_dictionary"]) and row["current_cut"] == "祁海龙"


def test_discover_words_inputs(tok):
    texts = ["新词甲乙在这里，新词甲乙又来了。", "看新词甲乙！"]
    a = discover_words(texts, tokenizer=tok, min_count=2, min_entropy=0.0)
    b = discover_words(pd.Series(texts), tokenizer=tok, min_count=2, min_entropy=0.0)
    assert a.equals(b)
    assert "新词甲乙" in set(a["word"])
    empty = discover_words([], tokenizer=tok)
    assert empty.empty and "word" in empty.columns
    with pytest.raises(ValueError):
        discover_words(texts, max_len=1, tokenizer=tok)
