"""Topics: named topics on the sample page, clusters, determinism, the editable lexicon."""

from __future__ import annotations

import pickle

import numpy as np
import pandas as pd
import pytest
from conftest import load_bench_module
from sklearn.base import clone
from sklearn.cluster import KMeans
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from analysis.tokenize import Tokenizer
from analysis.topics import (
    DEFAULT_LEXICON,
    TOPIC_COLUMNS,
    LexiconError,
    TopicModel,
    article_map,
    assign_topics,
    load_lexicon,
    match_clusters,
    similarity_matrix,
)


@pytest.fixture(scope="module")
def topics(articles) -> pd.DataFrame:
    return assign_topics(articles)


def _article(articles: pd.DataFrame, marker: str) -> str:
    """The id of the one article whose body contains ``marker`` (found by content, not by id)."""
    hits = articles.loc[articles["body"].str.contains(marker, regex=False), "article_id"]
    assert len(hits) == 1, marker
    return hits.iloc[0]


def test_sample_page_acceptance(articles, topics):
    assert list(topics.columns) == TOPIC_COLUMNS
    assert topics["article_id"].tolist() == articles["article_id"].tolist()
    topic = dict(zip(topics["article_id"], topics["topic"], strict=True))
    assert topic[_article(articles, "祁海龙强调")] == "sanitation"  # the meeting article
    assert topic[_article(articles, "公勺公筷")] == "sanitation"  # 十百千万
    assert topic[_article(articles, "四川宜宾")] == "recruitment"  # 驻点招工
    assert topic[_article(articles, "直播间")] == "recruitment"  # 直播招聘
    assert topic[_article(articles, "广陈镇")] == "agriculture"
    assert topic[_article(articles, "兴荣箱包")] in {"recruitment", "other"}  # photo caption


def test_topic_rows_explain_themselves(articles, topics):
    names = load_lexicon().names
    for row in topics.itertuples():
        assert 0.0 <= row.score <= 1.0
        assert row.top_terms
        if row.topic != "other":
            assert row.topic_name == names[row.topic]
            seeds = next(t.seeds for t in load_lexicon().topics if t.id == row.topic)
            assert set(row.top_terms.split("、")) <= set(seeds)
        else:
            assert row.topic_name == "其他"
    meeting = topics.set_index("article_id").loc[_article(articles, "祁海龙强调")]
    assert "爱国卫生运动" in meeting["top_terms"].split("、")


def test_threshold_sends_weak_articles_to_other(articles):
    strict = assign_topics(articles, threshold=0.99)
    assert set(strict["topic"]) == {"other"}
    loose = assign_topics(articles, threshold=0.0)
    assert "other" not in set(loose.loc[loose["score"] > 0, "topic"])


def test_seeds_match_across_token_boundaries_but_not_inside_words(articles, tmp_path):
    lexicon = tmp_path / "topics.toml"
    lexicon.write_text(
        '[topics.campaign]\nname = "运动"\nseeds = ["爱国卫生运动"]\n'
        '[topics.migrant]\nname = "务工"\nseeds = ["务工"]\n',
        encoding="utf-8",
    )
    plain = Tokenizer(domain_dicts=False)  # splits 爱国卫生运动 into 爱国卫生 + 运动
    text = "开展爱国卫生运动。做好服务工作。"
    frame = pd.DataFrame({"article_id": ["x"], "body": [text]})
    out = assign_topics(frame, lexicon=lexicon, tokenizer=plain, threshold=0.0)
    assert out["topic"].iloc[0] == "campaign"
    assert out["top_terms"].iloc[0] == "爱国卫生运动"
    # 务工 is spelt inside 服务|工作 but is not a word there
    only_service = pd.DataFrame({"article_id": ["y"], "body": ["做好服务工作。"]})
    out = assign_topics(only_service, lexicon=lexicon, tokenizer=plain)
    assert out["topic"].iloc[0] == "other"


def test_a_topic_added_to_the_lexicon_file_appears(articles, tmp_path):
    text = DEFAULT_LEXICON.read_text(encoding="utf-8")
    text += (
        '\n[topics.manufacturing]\nname = "工业生产"\n'
        'seeds = ["车间", "订单", "生产", "加班加点", "箱包", "工人"]\n'
    )
    edited = tmp_path / "topics.toml"
    edited.write_text(text, encoding="utf-8")
    out = assign_topics(articles, lexicon=edited)
    caption = out.set_index("article_id").loc[_article(articles, "兴荣箱包")]
    assert caption["topic"] == "manufacturing"
    assert caption["topic_name"] == "工业生产"
    # the other articles keep their topics
    before = assign_topics(articles).set_index("article_id")["topic"]
    after = out.set_index("article_id")["topic"]
    changed = before[before != after].index.tolist()
    assert changed == [_article(articles, "兴荣箱包")]


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("[topics.sanitation\nname = 1", "invalid TOML"),
        ("threshold = 0.1\n", "no topics"),
        ('[topics.farm]\nseeds = ["农业"]\n', "missing name"),
        ('[topics.farm]\nname = "农业"\nseeds = []\n', "seeds must be a non-empty list"),
        ('[topics.other]\nname = "x"\nseeds = ["y"]\n', "reserved"),
        ('[topics.Farm]\nname = "x"\nseeds = ["y"]\n', "lower-case"),
        ('[topics.farm]\nname = "x"\nseeds = ["y"]\nseed = ["z"]\n', "unknown keys"),
    ],
)
def test_bad_lexicon_file_raises_an_error_naming_the_file(tmp_path, content, message):
    path = tmp_path / "bad-topics.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(LexiconError, match=message) as err:
        load_lexicon(path)
    assert str(path) in str(err.value)


def test_missing_lexicon_file_is_named(tmp_path, articles):
    path = tmp_path / "nowhere.toml"
    with pytest.raises(LexiconError, match=r"nowhere\.toml"):
        assign_topics(articles, lexicon=path)


@pytest.mark.parametrize("method", ["spectral", "kmeans", "nmf"])
def test_clusters_group_the_campaign_and_the_recruitment_articles(articles, topics, method):
    model = TopicModel(method=method, random_state=0).fit(articles)
    label = dict(zip(model.article_ids_, model.labels_, strict=True))
    meeting, plan = _article(articles, "祁海龙强调"), _article(articles, "公勺公筷")
    hiring, live = _article(articles, "四川宜宾"), _article(articles, "直播间")
    assert label[meeting] == label[plan]
    assert label[hiring] == label[live]
    assert label[meeting] != label[hiring]
    report = match_clusters(model, topics)
    matched = set(report.loc[report["status"] == "matched", "topic"])
    assert {"sanitation", "recruitment"} <= matched
    assert list(report.columns) == [
        "cluster",
        "n_articles",
        "topic",
        "topic_name",
        "agreement",
        "status",
    ]


def test_unmatched_clusters_and_topics_are_reported():
    clusters = pd.DataFrame({"article_id": list("abcd"), "cluster": [0, 0, 1, 1]})
    topics = pd.DataFrame(
        {
            "article_id": list("abcd"),
            "topic": ["farm", "farm", "other", "other"],
            "topic_name": ["农业", "农业", "其他", "其他"],
            "score": [0.5, 0.4, 0.0, 0.0],
            "top_terms": ["", "", "", ""],
        }
    )
    report = match_clusters(clusters, topics)
    assert report["status"].tolist() == ["matched", "unmatched"]
    topics.loc[1, "topic"] = "hire"
    report = match_clusters(clusters, topics)
    assert report["status"].tolist() == ["matched", "unmatched", "no cluster"]
    assert report["topic"].iloc[-1] == "hire" and pd.isna(report["cluster"].iloc[-1])


def test_same_seed_gives_identical_clusters_and_labels(articles):
    for method in ("spectral", "kmeans", "nmf"):
        a = TopicModel(method=method, random_state=3).fit(articles)
        b = TopicModel(method=method, random_state=3).fit(articles)
        assert a.labels_.tolist() == b.labels_.tolist()
        pd.testing.assert_frame_equal(a.top_terms_, b.top_terms_)
        assert np.array_equal(a.coords_, b.coords_)
    pd.testing.assert_frame_equal(assign_topics(articles), assign_topics(articles))


def test_k_is_chosen_by_silhouette_or_given(articles):
    model = TopicModel(method="kmeans").fit(articles)
    table = model.silhouette_
    assert table["k"].tolist() == [2, 3, 4, 5]
    assert model.n_topics_ == int(table.loc[table["silhouette"].idxmax(), "k"])
    fixed = TopicModel(n_topics=2, method="kmeans").fit(articles)
    assert fixed.n_topics_ == 2 and set(fixed.labels_) == {0, 1}
    assert fixed.labels_[0] == 0  # clusters are numbered by first appearance


def test_fitted_tables(articles, topics):
    model = TopicModel(random_state=0).fit(articles)
    terms = model.top_terms_per_cluster(n=3)
    assert list(terms.columns) == ["cluster", "term", "weight", "rank"]
    assert terms["rank"].max() <= 3
    assert list(model.clusters_.columns) == ["cluster", "n_articles", "top_terms"]
    assert model.clusters_["n_articles"].sum() == len(articles)
    mapped = article_map(model, topics)
    assert list(mapped.columns) == ["article_id", "x", "y", "cluster", "topic"]
    assert mapped["topic"].tolist() == topics["topic"].tolist()
    sim = similarity_matrix(model)
    assert sim.shape == (len(articles), len(articles))
    assert np.allclose(np.diag(sim), 1.0) and np.allclose(sim.values, sim.values.T)
    assert similarity_matrix(articles).shape == sim.shape
    assert model.predict(articles).tolist() == model.labels_.tolist()


def test_input_forms_agree(articles):
    from analysis.tokenize import tokens

    from_articles = TopicModel(n_topics=3, method="kmeans").fit(articles).labels_
    texts = articles["title"] + "\n" + articles["body"]
    head = articles[["article_id", "title", "body"]]
    assert (
        TopicModel(n_topics=3, method="kmeans").fit(head).labels_.tolist() == from_articles.tolist()
    )
    from_texts = TopicModel(n_topics=3, method="kmeans").fit(list(texts)).labels_
    assert from_texts.tolist() == from_articles.tolist()
    tok = tokens(pd.DataFrame({"article_id": articles["article_id"], "body": texts}))
    assert (
        TopicModel(n_topics=3, method="kmeans").fit(tok).labels_.tolist() == from_articles.tolist()
    )


def test_estimator_conventions(articles):
    model = TopicModel(n_topics=3, method="kmeans", min_df=1)
    assert clone(model).get_params() == model.get_params()
    fitted = pickle.loads(pickle.dumps(model.fit(articles)))
    assert fitted.predict(articles).tolist() == model.labels_.tolist()
    with pytest.raises(ValueError, match="unknown method"):
        TopicModel(method="lda").fit(articles)
    with pytest.raises(ValueError, match="no terms left"):
        TopicModel(min_df=10).fit(articles)


def test_plain_sklearn_pipeline_over_the_project_tokenizer(articles):
    pipe = Pipeline(
        [
            (
                "tfidf",
                TfidfVectorizer(
                    tokenizer=Tokenizer(), token_pattern=None, lowercase=False, sublinear_tf=True
                ),
            ),
            ("cluster", KMeans(3, n_init=10, random_state=0)),
        ]
    )
    labels = pipe.fit_predict(articles["body"])
    assert len(set(labels)) == 3
    again = pickle.loads(pickle.dumps(pipe)).predict(articles["body"])
    assert again.tolist() == labels.tolist()


@pytest.mark.shared
@pytest.mark.slow
def test_clusters_recover_news_sections():
    """THUCNews/Sina (read in place, research-only): one seed of the benchmark's project row."""
    from conftest import corpus_or_skip
    from sklearn.metrics import normalized_mutual_info_score

    from analysis.tokenize import tokens

    folder = corpus_or_skip("thucnews_sina_800")
    bench = load_bench_module("bench_topics_thucnews")

    docs = bench.read_corpus(folder / "sina_news_800.jsonl")
    labels = TopicModel(n_topics=8, random_state=0).fit(tokens(docs)).labels_
    assert normalized_mutual_info_score(docs["label"], labels) >= 0.78
