"""The word stage: Tokenizer (own jieba instance, dictionaries, stopwords, organisations) and tokens()."""

from __future__ import annotations

import itertools
import os
import pickle
import random
import re
import subprocess
import sys

import jieba
import pandas as pd
import pytest
import stopwordsiso
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sklearn.base import clone
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.pipeline import Pipeline

from analysis._paths import cache_dir
from analysis.tokenize import (
    DEFAULT_STOPWORD_FILES,
    TOKEN_COLUMNS,
    DictionaryError,
    Tokenizer,
    default_tokenizer,
    domain_dictionary_files,
    is_punct,
    read_dictionary,
    tokens,
)

# Names on the sample page (pinghu-daily-2020-03). None may ever be cut inside.
PERSONS = ["祁海龙", "仲旭东", "胡水良", "徐春林", "石云良", "王道平", "蔡国平", "方晓烈"]
PERSONS += ["杨先华", "戚红炳", "刘佳艳"]
BYLINE_PERSONS = ["王强", "徐佳丽", "李雨婷", "居丹荔", "翁辰辰", "徐冰艳", "谢付良"]
PLACES = ["钟埭", "钟埭街道", "当湖街道", "新埭镇", "广陈镇", "平湖", "平湖市", "嘉兴市"]
PLACES += ["福臻小区", "西林寺社区", "东升农贸市场", "中以设施农业示范园", "九寨沟县"]
PLACES += ["宜宾", "新乡", "亳州", "毕节", "昭通", "淝河", "双沟", "颜集"]
# Campaign terms the issue names; each must come out as one token wherever it stands alone.
TERMS = ["农开区", "驻点招工", "农小二", "复工复产", "爱国卫生运动", "全国文明城市", "网格长"]
TERMS += ["楼道长"]
# Every organisation on the page: one token, tagged nt.
ORGANISATIONS = [
    "平湖市兴荣箱包有限公司",
    "浙江众信农业科技有限公司",
    "浙江绿迹农业科技有限公司",
    "津上精密机床浙江有限公司",
    "翰诠特种纺织品（平湖）有限公司",
    "海虹机电科技股份有限公司",
    "平湖优谱生物技术有限公司",
    "八佰伴商业管理（平湖）有限公司",
    "毕节工业职业技术学院",
    "市公安局",
    "市建设局",
    "市文旅局",
    "市市场监管局",
    "市综合执法局",
    "市卫生健康局",
    "团市委",
    "市委组织部",
    "市创建办",
    "平湖农业经济开发区",
    "平湖人力资源服务产业园",
    "邦芒人力资源",
]


@pytest.fixture(scope="module")
def tok() -> Tokenizer:
    return Tokenizer()


@pytest.fixture(scope="module")
def plain_tok() -> Tokenizer:
    """jieba's dictionary only: the organisation rule must work without the domain lists."""
    return Tokenizer(domain_dicts=False)


@pytest.fixture(scope="module")
def page_tokens(articles, tok) -> pd.DataFrame:
    return tokens(articles, tok)


@pytest.fixture(scope="module")
def plain_jieba():
    """A jieba instance of our own (never the global jieba.dt), for reference cuts."""
    jt = jieba.Tokenizer()
    jt.tmp_dir = str(cache_dir())
    return jt


def _occurrences(text: str, word: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(re.escape(word), text)]


def _boundaries(page_tokens: pd.DataFrame, article_id: str) -> set[int]:
    rows = page_tokens[page_tokens["article_id"] == article_id]
    return set(rows["start"]) | set(rows["end"])


# --------------------------------------------------------------------------- names and terms


@pytest.mark.parametrize("name", [*PERSONS, *PLACES, *TERMS, "人力资源服务产业园"])
def test_name_never_cut_inside(articles, page_tokens, name):
    found = 0
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        bounds = _boundaries(page_tokens, article_id)
        for s, e in _occurrences(body, name):
            found += 1
            inside = [b for b in bounds if s < b < e]
            assert not inside, f"{name} cut at {inside} in {article_id}: {body[s - 5 : e + 5]}"
    assert found, f"{name} does not occur on the sample page"


@pytest.mark.parametrize("name", PERSONS + TERMS)
def test_names_and_terms_are_whole_tokens(articles, page_tokens, name):
    exact = page_tokens[page_tokens["token"] == name]
    assert len(exact) >= 1
    if name in PERSONS:
        assert set(exact["pos"]) == {"nr"}


@pytest.mark.parametrize("name", BYLINE_PERSONS)
def test_byline_names_whole(sample_page_path, tok, name):
    raw = sample_page_path.read_text(encoding="utf-8")
    assert name in re.sub(r"\s", "", raw)
    assert name in tok.cut(f"记者{name}报道")
    assert name in tok.cut(f"摄影 {name} 徐佳丽")


@pytest.mark.parametrize("org", ORGANISATIONS)
def test_organisation_is_one_nt_token(articles, page_tokens, org):
    found = 0
    for article_id, body in zip(articles["article_id"], articles["body"], strict=True):
        rows = page_tokens[page_tokens["article_id"] == article_id]
        for s, e in _occurrences(body, org):
            found += 1
            hit = rows[(rows["start"] == s) & (rows["end"] == e)]
            assert len(hit) == 1, f"{org} is not one token in {article_id}"
            assert hit["pos"].iloc[0] == "nt"
    assert found, f"{org} does not occur on the sample page"


COMPANY_SENTENCES = {
    "近日，在位于新埭镇的平湖市兴荣箱包有限公司，车间内一片忙碌。": "平湖市兴荣箱包有限公司",
    "负责运营项目的浙江众信农业科技有限公司总经理杨先华说。": "浙江众信农业科技有限公司",
    "受到疫情影响，浙江绿迹农业科技有限公司的部分蔬菜滞销。": "浙江绿迹农业科技有限公司",
    "翰诠特种纺织品（平湖）有限公司、海虹机电科技股份有限公司参加。": "翰诠特种纺织品（平湖）有限公司",
    "八佰伴商业管理（平湖）有限公司五家公司的负责人做客直播间。": "八佰伴商业管理（平湖）有限公司",
    "该组与毕节工业职业技术学院签订了协议。": "毕节工业职业技术学院",
    "与当湖街道和市公安局签订了责任状。": "市公安局",
    "市市场监管局、市综合执法局签订了责任状。": "市市场监管局",
    "平湖市公安局发布通告。": "平湖市公安局",
    "嘉兴红叶服装有限责任公司招聘。": "嘉兴红叶服装有限责任公司",
}


@pytest.mark.parametrize(("sentence", "org"), COMPANY_SENTENCES.items())
def test_organisation_rule_without_domain_dictionary(plain_tok, sentence, org):
    """The merge is a rule over tokens, not a list: it works with jieba's dictionary alone."""
    pairs = plain_tok.cut_pos(sentence)
    assert (org, "nt") in pairs, pairs


@pytest.mark.parametrize(
    "sentence",
    [
        "市场格局发生了变化。",
        "全市大局稳定，当局表示。",
        "我们五家公司都参加了。",
        "他在学院里学习。",
        "有限公司",
        "这个市的布局很好。",
    ],
)
def test_organisation_rule_leaves_ordinary_words(plain_tok, sentence):
    merged = [w for w, t in plain_tok.cut_pos(sentence) if t == "nt" and len(w) > 3]
    assert merged == []
    assert "".join(plain_tok.cut(sentence)) == sentence


# --------------------------------------------------------------------------- same cut as jieba


@pytest.mark.parametrize("hmm", [True, False])
def test_cut_equals_jieba_lcut(articles, plain_jieba, hmm):
    mine = Tokenizer(domain_dicts=False, merge_orgs=False, hmm=hmm)
    for body in articles["body"]:
        assert mine.cut(body) == plain_jieba.lcut(body, HMM=hmm)


_TEXT = st.text(
    alphabet=st.sampled_from(
        list("平湖市祁海龙的了是在和中国公司有限局学院abcXY12３4.%- \n，。“”！？…（）")
    ),
    max_size=60,
)


@settings(
    max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(text=_TEXT)
def test_cut_property(plain_jieba, text):
    mine = _plain_tokenizer()
    assert "".join(mine.cut(text)) == text
    assert mine.cut(text) == plain_jieba.lcut(text)
    full = _project_tokenizer()
    assert "".join(full.cut(text)) == text
    frame = tokens(pd.DataFrame({"article_id": ["a"], "body": [text]}), full)
    assert all(
        text[s:e] == w for w, s, e in zip(frame["token"], frame["start"], frame["end"], strict=True)
    )
    assert "".join(frame["token"]) == re.sub(r"\s", "", text)


_CACHE: dict[str, Tokenizer] = {}


def _plain_tokenizer() -> Tokenizer:
    return _CACHE.setdefault("plain", Tokenizer(domain_dicts=False, merge_orgs=False))


def _project_tokenizer() -> Tokenizer:
    return _CACHE.setdefault("project", Tokenizer())


# --------------------------------------------------------------------------- independence, cache, pickle


def test_never_touches_global_jieba(tmp_path):
    dt = jieba.dt
    freq_before, total_before, tags_before = len(dt.FREQ), dt.total, dict(dt.user_word_tag_tab)
    extra = tmp_path / "extra.txt"
    extra.write_text("海龙在会 5000 nz\n", encoding="utf-8")
    a = Tokenizer(domain_dicts=False)
    b = Tokenizer(user_dicts=[extra], domain_dicts=False)
    text = "祁海龙在会上强调"
    assert "海龙在会" in b.cut(text)
    assert "海龙在会" not in a.cut(text)
    assert a.tokenizer_ is not b.tokenizer_ and a.tokenizer_ is not dt
    assert (len(dt.FREQ), dt.total, dict(dt.user_word_tag_tab)) == (
        freq_before,
        total_before,
        tags_before,
    )
    assert "海龙在会" not in dt.FREQ


def test_jieba_cache_lives_in_project(tmp_path):
    """A first run ever (empty cache) writes its caches to ANALYSIS_CACHE_DIR and nothing to the
    temp folder (TMPDIR points at an empty folder to catch jieba's /tmp default)."""
    cache, tmp = tmp_path / "cache", tmp_path / "tmp"
    tmp.mkdir()
    env = {**os.environ, "ANALYSIS_CACHE_DIR": str(cache), "TMPDIR": str(tmp)}
    code = (
        "from analysis.tokenize import Tokenizer; t = Tokenizer(); "
        "assert t.cut('祁海龙在会上') == ['祁海龙', '在', '会上']; print(t.tokenizer_.tmp_dir)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == str(cache)
    names = {p.name for p in cache.iterdir()}
    assert "jieba.cache" in names
    assert any(n.startswith("jieba-main.") for n in names)
    assert list(tmp.iterdir()) == []


def test_pickle_drops_jieba_and_rebuilds(tok):
    text = "祁海龙在钟埭街道强调复工复产。"
    expected = tok.cut(text)
    blob = pickle.dumps(tok)
    assert len(blob) < 10_000  # the dictionaries are not in it
    again = pickle.loads(blob)
    assert "_state" not in again.__dict__
    assert again.cut(text) == expected
    assert again.get_params() == tok.get_params()


def test_sklearn_conventions(articles, tok):
    bodies = list(articles["body"])
    vec = TfidfVectorizer(tokenizer=tok, token_pattern=None, lowercase=False)
    vec.fit(bodies)
    vocab = vec.vocabulary_
    assert "祁海龙" in vocab and "全国文明城市" in vocab
    assert "的" not in vocab and "，" not in vocab and "本报讯" not in vocab
    restored = pickle.loads(pickle.dumps(vec))
    assert (restored.transform(bodies[:1]) != vec.transform(bodies[:1])).nnz == 0
    cloned = clone(tok)
    assert cloned.get_params() == tok.get_params() and "_state" not in cloned.__dict__
    pipe = Pipeline([("tokens", Tokenizer(drop_stopwords=False))])
    out = pipe.fit_transform(["祁海龙强调。", "我市复工复产"])
    assert out == [["祁海龙", "强调"], ["我市", "复工复产"]]


def test_set_params_rebuilds(tmp_path):
    t = Tokenizer(domain_dicts=False)
    assert t.cut("祁海龙") != ["祁海龙"]
    t.set_params(domain_dicts=True)
    assert t.cut("祁海龙") == ["祁海龙"]


def test_default_tokenizer_cached_and_configurable(tmp_path, monkeypatch):
    assert default_tokenizer() is default_tokenizer()
    extra = tmp_path / "mine.txt"
    extra.write_text("菠菜西瓜 1000 nz\n", encoding="utf-8")
    monkeypatch.setenv("ANALYSIS_USER_DICTS", str(extra))
    default_tokenizer.cache_clear()
    try:
        assert "菠菜西瓜" in default_tokenizer().cut("种植菠菜西瓜")
    finally:
        monkeypatch.delenv("ANALYSIS_USER_DICTS")
        default_tokenizer.cache_clear()


def test_user_dicts_accepts_one_path(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("菠菜西瓜 1000 nz\n", encoding="utf-8")
    assert Tokenizer(user_dicts=str(extra)).cut("种植菠菜西瓜") == ["种植", "菠菜西瓜"]
    assert Tokenizer(user_dicts=extra).tag_of("菠菜西瓜") == "nz"


def test_fingerprint_tracks_dictionaries(tmp_path):
    extra = tmp_path / "mine.txt"
    extra.write_text("菠菜西瓜 1000 nz\n", encoding="utf-8")
    a = Tokenizer().fingerprint()
    assert a == Tokenizer().fingerprint()
    b = Tokenizer(user_dicts=[extra]).fingerprint()
    extra.write_text("菠菜西瓜 2000 nz\n", encoding="utf-8")
    assert len({a, b, Tokenizer(user_dicts=[extra]).fingerprint()}) == 3


# --------------------------------------------------------------------------- dictionary files


def test_domain_dictionaries_valid_and_kept_whole(tok):
    files = domain_dictionary_files()
    assert {f.name for f in files} >= {
        "persons.txt",
        "places.txt",
        "organisations.txt",
        "terms.txt",
    }
    for path in files:
        for entry in read_dictionary(path):
            assert tok.cut(entry.word) == [entry.word], (path.name, entry.line, entry.word)
            assert tok.tag_of(entry.word) == entry.tag


@pytest.mark.parametrize(
    ("content", "line", "message"),
    [
        (b"\xef\xbb\xbf\xe7\xa5\x81\xe6\xb5\xb7\xe9\xbe\x99 100 nr\n", 1, "byte-order mark"),
        ("祁海龙 100 nr\r\n仲旭东 100 nr\r\n".encode(), 1, "CRLF"),
        ("# people\n祁海龙 nr\n".encode(), 2, "missing frequency"),
        ("祁海龙 100\n".encode(), 1, "missing POS tag"),
        ("祁海龙\n".encode(), 1, "missing frequency and POS tag"),
        ("祁海龙 100 person\n".encode(), 1, "unknown POS tag 'person'"),
        ("祁海龙 0 nr\n".encode(), 1, "not a positive integer"),
        ("祁海龙 many nr\n".encode(), 1, "'many' of '祁海龙' is not a positive integer"),
        ("祁海龙 100 nr\n\n".encode() + "仲旭东 100 nr\n".encode("gbk"), 3, "not UTF-8"),
        ("祁海龙\t100\tnr\n".encode(), 1, "tab"),
        ("祁 海龙 100 nr\n".encode(), 1, "too many fields"),
        ("祁海龙 100 nr\n祁海龙 200 nr\n".encode(), 2, "repeats line 1"),
        ("祁海龙 100 nr\n".encode("utf-16"), 1, "UTF-16"),
    ],
)
def test_dictionary_faults_name_file_and_line(tmp_path, content, line, message):
    path = tmp_path / "bad_dict.txt"
    path.write_bytes(content)
    with pytest.raises(DictionaryError) as err:
        read_dictionary(path)
    text = str(err.value)
    assert f"bad_dict.txt:{line}:" in text
    assert message in text
    with pytest.raises(DictionaryError):  # the tokenizer refuses it too, on first use
        Tokenizer(user_dicts=[path], domain_dicts=False).cut("祁海龙")


def test_dictionary_comments_and_blank_lines(tmp_path):
    path = tmp_path / "ok.txt"
    path.write_text("# comment\n\n祁海龙 100 nr\n  \n仲旭东 100 nr", encoding="utf-8")
    assert [(e.word, e.freq, e.tag, e.line) for e in read_dictionary(path)] == [
        ("祁海龙", 100, "nr", 3),
        ("仲旭东", 100, "nr", 5),
    ]


def test_missing_dictionary_file(tmp_path):
    with pytest.raises(DictionaryError, match=r"nope\.txt"):
        read_dictionary(tmp_path / "nope.txt")


# --------------------------------------------------------------------------- stopwords, punctuation


def test_stopwords_from_maintained_list_plus_domain(tok):
    iso_file, domain_file = DEFAULT_STOPWORD_FILES
    iso_words = {
        w.strip()
        for w in iso_file.read_text(encoding="utf-8").splitlines()
        if w.strip() and not w.startswith("#")
    }
    package = stopwordsiso.stopwords("zh")
    assert len(iso_words) > 700
    assert iso_words <= package  # exported from the package, maybe with deletions
    stops = tok.stopwords_
    assert iso_words <= stops
    for word in ("本报讯", "记者", "我市", "通讯员"):
        assert tok.is_stop(word)
    assert domain_file.is_file()
    assert not tok.is_stop("祁海龙")


def test_stopword_options(tmp_path):
    own = tmp_path / "stop.txt"
    own.write_text("# mine\n强调\n", encoding="utf-8")
    text = "祁海龙在会上强调，复工复产。"
    assert Tokenizer(stopwords=own)(text) == ["祁海龙", "在", "会上", "复工复产"]
    assert Tokenizer(stopwords=None)(text) == ["祁海龙", "在", "会上", "强调", "复工复产"]
    keep = Tokenizer(stopwords=own, drop_stopwords=False, drop_punct=False)
    assert keep(text) == ["祁海龙", "在", "会上", "强调", "，", "复工复产", "。"]
    assert Tokenizer(stopwords=None, min_len=2)(text) == ["祁海龙", "会上", "强调", "复工复产"]


@pytest.mark.parametrize(
    ("word", "expected"), [("。", True), ("“", True), ("■", True), ("%", True)]
)
def test_is_punct_true(word, expected):
    assert is_punct(word) is expected
    assert Tokenizer.is_punct(word) is expected


@pytest.mark.parametrize("word", ["100%", "祁海龙", "HR", "", "3"])
def test_is_punct_false(word):
    assert not is_punct(word)


def test_pos_fast_path(tok):
    pairs = dict(tok.cut_pos("祁海龙说，2020年HR招聘100%完成。"))
    assert pairs["祁海龙"] == "nr"
    assert pairs["，"] == "x" and pairs["。"] == "x"
    assert pairs["2020"] == "m" and pairs["100%"] == "m"
    assert pairs["HR"] == "eng"
    assert pairs["招聘"] == "v"  # from jieba's dictionary tag table


# --------------------------------------------------------------------------- tokens()


def test_tokens_table_contract(articles, page_tokens):
    assert list(page_tokens.columns) == TOKEN_COLUMNS
    dtypes = page_tokens.dtypes.astype(str).to_dict()
    assert dtypes["sentence_id"] == dtypes["position"] == dtypes["start"] == "int64"
    assert dtypes["is_stop"] == dtypes["is_punct"] == "bool"
    assert dtypes["token"] == dtypes["pos"] == "str"
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    assert set(page_tokens["article_id"]) == set(bodies)
    for article_id, group in page_tokens.groupby("article_id"):
        body = bodies[article_id]
        assert all(
            body[s:e] == w
            for w, s, e in zip(group["token"], group["start"], group["end"], strict=True)
        )
        assert "".join(group["token"]) == re.sub(r"\s", "", body)
        assert group["position"].tolist() == list(range(len(group)))
        sids = group["sentence_id"].tolist()
        assert sids[0] == 0 and all(0 <= b - a <= 1 for a, b in itertools.pairwise(sids))
    assert not page_tokens["token"].str.contains(r"\s").any()
    punct = page_tokens[page_tokens["is_punct"]]
    assert set(punct["pos"]) == {"x"} and "。" in set(punct["token"])


def test_tokens_keep_closing_quote_with_sentence(tok):
    body = "他说：“开展爱国卫生运动。”然后走了。\n第二段！”"
    frame = tokens(pd.DataFrame({"article_id": ["x-01"], "body": [body]}), tok)
    by_token = list(zip(frame["token"], frame["sentence_id"], strict=True))
    quote = [sid for w, sid in by_token if w == "”"]
    assert quote == [0, 2]
    assert dict(by_token)["然后"] == 1
    assert frame["sentence_id"].max() == 2


def test_tokens_input_checks(tok):
    with pytest.raises(ValueError, match="body"):
        tokens(pd.DataFrame({"article_id": ["a"], "text": ["x"]}), tok)
    with pytest.raises(TypeError, match="'a-01'"):
        tokens(pd.DataFrame({"article_id": ["a-01"], "body": [3]}), tok)
    empty = tokens(
        pd.DataFrame({"article_id": pd.Series([], dtype=str), "body": pd.Series([], dtype=str)}),
        tok,
    )
    assert list(empty.columns) == TOKEN_COLUMNS and empty.empty
    blank = tokens(pd.DataFrame({"article_id": ["a", "b"], "body": ["", " \n "]}), tok)
    assert blank.empty


def test_tokens_default_tokenizer(articles):
    small = articles.head(1)
    assert tokens(small).equals(tokens(small, default_tokenizer()))


# --------------------------------------------------------------------------- rjieba engine


def _larger_text(articles) -> str:
    """A longer text from the sample page: its sentences shuffled (seeded) and repeated."""
    from analysis.sentences import split_sentences

    sentences = [b[s:e] for b in articles["body"] for s, e in split_sentences(b)]
    rng = random.Random(20200314)
    parts = []
    for _ in range(3):
        rng.shuffle(sentences)
        parts.extend(sentences)
    return "\n".join(parts)


def test_rjieba_same_tokens_without_hmm(articles):
    pytest.importorskip("rjieba")
    fast = Tokenizer(engine="rjieba", hmm=False)
    ref = Tokenizer(engine="jieba", hmm=False)
    for body in [*articles["body"], _larger_text(articles)]:
        assert fast.cut_pos(body) == ref.cut_pos(body)
    assert tokens(articles, fast).equals(tokens(articles, ref))


def test_rjieba_engine_missing_is_clear(monkeypatch):
    import builtins

    real_import = builtins.__import__

    def no_rjieba(name, *args, **kwargs):
        if name == "rjieba":
            raise ImportError("no rjieba")
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_rjieba)
    with pytest.raises(ImportError, match=r"analysis\[fast\]"):
        Tokenizer(engine="rjieba").cut("祁海龙")


def test_unknown_engine():
    with pytest.raises(ValueError, match="engine"):
        Tokenizer(engine="pkuseg").cut("祁海龙")


def test_tokens_in_worker_processes_equal_one_process(articles, tok, page_tokens) -> None:
    # Split by article between 2 workers: the same table, rows in the same order.
    assert tokens(articles, tok, n_jobs=2).equals(page_tokens)
    many = pd.concat(
        [articles.assign(article_id=articles["article_id"] + f"-{k}") for k in range(12)]
    )
    many = pd.concat([many, pd.DataFrame({"article_id": ["empty"], "body": [""]})])
    assert tokens(many, tok, n_jobs=-1).equals(tokens(many, tok))
    with pytest.raises(ValueError, match="n_jobs"):
        tokens(articles, tok, n_jobs=0)


def test_task_ranges_cover_every_article_once_and_shrink() -> None:
    import numpy as np

    from analysis.tokenize import _task_ranges

    rng = np.random.default_rng(0)
    for n in (1, 2, 5, 300):
        lengths = rng.integers(0, 3000, n)
        ranges = _task_ranges(lengths, 2)
        assert [a for a, _ in ranges] == [0] + [b for _, b in ranges[:-1]]
        assert ranges[-1][1] == n and all(a < b for a, b in ranges)
    lengths = rng.integers(100, 3000, 800)
    sizes = [int(lengths[a:b].sum()) for a, b in _task_ranges(lengths, 2)]
    assert sizes[0] > 4 * sizes[-1]  # the last tasks are small, so workers finish together


def test_tokens_in_spawned_workers(articles, tok, page_tokens, monkeypatch) -> None:
    # Platforms without fork (Windows, macOS by default) ship the articles and the tokenizer to
    # each worker once, through the pool's initializer.
    import multiprocessing

    monkeypatch.setattr(multiprocessing, "get_all_start_methods", lambda: ["spawn"])
    assert tokens(articles, tok, n_jobs=2).equals(page_tokens)


def test_bad_body_in_a_worker_names_the_article(tok) -> None:
    # Bytes (undecoded input) in a body: the worker's error reaches the caller, naming the article;
    # empty and missing bodies simply have no tokens.
    frame = pd.DataFrame({"article_id": ["a", "b", "c"], "body": ["你好。", b"\xff\xfe", "再见。"]})
    with pytest.raises(TypeError, match="article 'b': body must be str, not bytes"):
        tokens(frame, tok, n_jobs=2)
    empty = pd.DataFrame({"article_id": ["a", "b"], "body": ["", None]})
    assert tokens(empty, tok, n_jobs=2).empty
