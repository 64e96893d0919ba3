"""Keywords: documented columns, each method's behaviour, fidelity to jieba, bind_tf_idf by hand."""

from __future__ import annotations

import math

import pandas as pd
import pytest
from conftest import load_bench_module

from analysis.keywords import KEYWORD_COLUMNS, METHODS, bind_tf_idf, keywords, phrase_candidates
from analysis.tokenize import Tokenizer, tokens


@pytest.fixture(scope="module")
def page_tokens(articles) -> pd.DataFrame:
    return tokens(articles)


@pytest.fixture(scope="module")
def plain_tokenizer() -> Tokenizer:
    # jieba's general dictionary only: it splits 爱国卫生运动 and 驻点招工
    return Tokenizer(domain_dicts=False)


def _article(articles: pd.DataFrame, marker: str) -> str:
    """The id of the one article whose body contains ``marker`` (found by content, not by id)."""
    hits = articles.loc[articles["body"].str.contains(marker, regex=False), "article_id"]
    assert len(hits) == 1, marker
    return hits.iloc[0]


@pytest.mark.parametrize("method", METHODS)
def test_every_method_returns_the_documented_table(page_tokens, articles, method):
    table = keywords(page_tokens, method=method, top_k=7, articles=articles)
    assert list(table.columns) == KEYWORD_COLUMNS
    assert set(table["method"]) == {method}
    assert set(table["article_id"]) == set(articles["article_id"])
    assert table["score"].dtype == "float64" and table["rank"].dtype == "int64"
    for _, group in table.groupby("article_id"):
        assert group["rank"].tolist() == list(range(1, len(group) + 1))
        assert len(group) <= 7
        assert group["score"].is_monotonic_decreasing
        assert group["keyword"].is_unique
    # candidates are never stopwords, punctuation or one character
    tok = Tokenizer()
    assert not any(tok.is_stop(k) or tok.is_punct(k) or len(k) < 2 for k in table["keyword"])


def test_keywords_reflect_each_article(page_tokens, articles):
    table = keywords(page_tokens, method="tfidf", top_k=5)
    top = table.groupby("article_id")["keyword"].agg(list)
    assert "农业" in top[_article(articles, "广陈镇")]
    assert "求职者" in top[_article(articles, "直播间")]


def test_keyphrases_join_words_that_jieba_splits(articles, plain_tokenizer):
    tok = tokens(articles, tokenizer=plain_tokenizer)
    # the premise: without the domain dictionary these are several tokens
    assert not tok["token"].isin(["爱国卫生运动", "驻点招工"]).any()
    table = keywords(tok, method="keyphrase", top_k=10, articles=articles)
    phrases = table.groupby("article_id")["keyword"].agg(set)
    assert "爱国卫生运动" in phrases[_article(articles, "祁海龙强调")]
    assert "爱国卫生运动" in phrases[_article(articles, "公勺公筷")]
    assert "驻点招工" in phrases[_article(articles, "四川宜宾")]


def test_keyphrases_never_cross_a_gap_or_start_with_a_verb():
    words = ["开展", "爱国卫生", "运动", "创建", "文明", "城市"]
    tags = ["v", "nz", "vn", "v", "n", "n"]
    starts = [0, 2, 6, 9, 11, 13]  # a space between 运动 and 创建
    ends = [2, 6, 8, 11, 13, 15]
    found = phrase_candidates(
        words, tags, starts, ends, [True] * 6, lambda t: t.startswith(("n", "vn"))
    )
    assert "爱国卫生运动" in found and "文明城市" in found
    assert "开展爱国卫生运动" not in found  # a clause, not a name
    assert "运动创建" not in found and "运动创建文明" not in found  # across the space


def _jieba_reference(extractor, tokenizer: Tokenizer, body: str):
    """One article's token table, and jieba's ``extractor`` set to cut, tag and drop stopwords
    exactly as ``tokenizer`` does (its own jieba instance), for like-for-like comparisons."""
    from jieba.posseg import pair

    class Adapter:
        def cut(self, text):
            return [pair(w, t) for w, t in tokenizer.cut_pos(text)]

    extractor.tokenizer = extractor.postokenizer = Adapter()
    extractor.stop_words = set(tokenizer.stopwords_)
    table = tokens(pd.DataFrame({"article_id": ["a"], "body": [body]}), tokenizer=tokenizer)
    return table, extractor


# jieba.analyse opens idf.txt without closing it (its ResourceWarning, not ours)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_jieba_tfidf_matches_jieba_extract_tags(plain_tokenizer):
    jieba_analyse = pytest.importorskip("jieba.analyse")

    body = (
        "为加速复工复产，我市派出5个驻点招工工作组前往四川宜宾、河南新乡等五省开展驻点招工。"
        "各工作组多种形式为平湖招募、接返人员，招工工作组积极对接当地组织部门。"
    )
    tok, extractor = _jieba_reference(jieba_analyse.TFIDF(), plain_tokenizer, body)
    ours = keywords(tok, method="jieba_tfidf", top_k=None, pos=("n", "vn"))
    allow = {t for t in tok["pos"] if t.startswith(("n", "vn"))}
    expected = extractor.extract_tags(body, topK=None, withWeight=True, allowPOS=allow)
    assert ours["keyword"].tolist() == [w for w, _ in expected]
    assert ours["score"].tolist() == pytest.approx([s for _, s in expected])


# jieba.analyse opens idf.txt without closing it (its ResourceWarning, not ours)
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_textrank_matches_jieba_textrank(plain_tokenizer):
    jieba_analyse = pytest.importorskip("jieba.analyse")

    body = (
        "农开区通过主动服务抓复工，农业主体已经全部复工复产，农业企业项目建设和生产安排协调推进，"
        "农开区定期收集项目建设需求，帮助农业企业调整产品供应，提供农产品供销精准对接服务。"
    )
    tok, ranker = _jieba_reference(jieba_analyse.TextRank(), plain_tokenizer, body)
    ours = keywords(tok, method="textrank", top_k=None, pos=("n", "vn"))
    allow = tuple({t for t in tok["pos"] if t.startswith(("n", "vn"))})
    expected = dict(ranker.textrank(body, topK=None, withWeight=True, allowPOS=allow))
    assert dict(zip(ours["keyword"], ours["score"], strict=True)) == pytest.approx(expected)


def test_background_documents_change_idf_only(page_tokens, articles):
    first = articles["article_id"].iloc[0]
    alone = keywords(page_tokens[page_tokens["article_id"] == first], method="tfidf")
    with_bg = keywords(
        page_tokens[page_tokens["article_id"] == first], method="tfidf", background=page_tokens
    )
    assert set(with_bg["article_id"]) == {first}
    assert alone["keyword"].tolist() != with_bg["keyword"].tolist()


def test_bad_arguments_raise_clear_errors(page_tokens):
    with pytest.raises(ValueError, match="unknown keyword method 'lda'"):
        keywords(page_tokens, method="lda")
    with pytest.raises(ValueError, match="missing columns"):
        keywords(page_tokens.drop(columns=["pos"]))
    with pytest.raises(ValueError, match="top_k"):
        keywords(page_tokens, top_k=0)


def test_bind_tf_idf_matches_a_hand_computation():
    counts = pd.DataFrame(
        {"article_id": ["a", "a", "b", "b"], "token": ["x", "y", "y", "z"], "n": [2, 1, 1, 1]}
    )
    out = bind_tf_idf(counts)
    assert list(out.columns) == ["article_id", "token", "n", "tf", "idf", "tf_idf"]
    assert out["tf"].tolist() == pytest.approx([2 / 3, 1 / 3, 1 / 2, 1 / 2])
    ln2 = math.log(2)
    assert out["idf"].tolist() == pytest.approx([ln2, 0.0, 0.0, ln2])
    assert out["tf_idf"].tolist() == pytest.approx([2 / 3 * ln2, 0.0, 0.0, ln2 / 2])


def test_bind_tf_idf_counts_a_tokens_table():
    occurrences = pd.DataFrame({"doc": ["a", "a", "a", "b", "b"], "word": list("xxyyz")})
    out = bind_tf_idf(occurrences, term="word", document="doc")
    assert out[["doc", "word", "n"]].values.tolist() == [
        ["a", "x", 2],
        ["a", "y", 1],
        ["b", "y", 1],
        ["b", "z", 1],
    ]
    assert out["tf_idf"].iloc[0] == pytest.approx(2 / 3 * math.log(2))
    with pytest.raises(ValueError, match="repeats"):
        bind_tf_idf(pd.DataFrame({"article_id": ["a", "a"], "token": ["x", "x"], "n": [1, 2]}))


@pytest.mark.shared
def test_keyphrases_beat_single_words_on_author_keywords():
    """CSL abstracts (read in place, research-only): keyphrases find more author keywords."""
    from conftest import corpus_or_skip

    folder = corpus_or_skip("csl_keywords")
    bench = load_bench_module("bench_keywords_csl")

    docs = bench.read_split(folder, "test").head(300)
    tok = tokens(docs)
    f1_at_5 = {}
    for method in ("jieba_tfidf", "keyphrase"):
        table = keywords(tok, method=method, articles=docs)
        predicted = table.groupby("article_id", sort=False)["keyword"].agg(list).to_dict()
        f1_at_5[method] = bench.score(predicted, docs)[0]
    assert f1_at_5["keyphrase"] > f1_at_5["jieba_tfidf"] + 0.03
