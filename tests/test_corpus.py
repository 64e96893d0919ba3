"""Corpus: Parquet cache (hits, misses, read-back), process pool equality, errors, streaming."""

from __future__ import annotations

import importlib
import json
import random
import re
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analysis import corpus as corpus_mod
from analysis.corpus import Corpus, CorpusError
from analysis.layout import load_articles, load_unplaced
from analysis.quantities import quantities
from analysis.tokenize import Tokenizer, tokens

SAMPLE = Path(__file__).resolve().parents[1] / "data" / "raw" / "pinghu-daily-2020-03.txt"


def write_pages(folder: Path, n: int, seed: int = 0) -> list[Path]:
    """``n`` pages made of the sample page's blocks (runs between blank lines), shuffled and
    thinned per page, each with sidecar metadata. Deterministic given ``seed``."""
    folder.mkdir(parents=True, exist_ok=True)
    blocks = re.split(r"\n\s*\n", SAMPLE.read_text(encoding="utf-8").strip("\n"))
    paths = []
    for i in range(n):
        rng = random.Random(seed * 1000 + i)
        chosen = [b for b in blocks if rng.random() < 0.8]
        rng.shuffle(chosen)
        path = folder / f"test-daily-2020-03-{i + 1:02d}.txt"
        path.write_text("\n\n".join(chosen) + "\n", encoding="utf-8")
        meta = {"newspaper": "测试日报", "date": f"2020-03-{i + 1:02d}", "page": str(i % 8 + 1)}
        path.with_suffix(".json").write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        paths.append(path)
    return paths


@pytest.fixture(scope="module")
def pages(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    write_pages(folder, 4)
    return folder


@pytest.fixture(scope="module")
def processed(pages, tmp_path_factory) -> Corpus:
    cache = tmp_path_factory.mktemp("cache")
    return Corpus(pages, cache_dir=cache, batch_pages=3).process()


def _read_all(corpus: Corpus) -> dict[str, pd.DataFrame]:
    return {name: corpus.read(name) for name in corpus.tables}


def test_tables_equal_the_single_page_stages(pages, processed):
    articles = load_articles(pages)
    pd.testing.assert_frame_equal(processed.articles(), articles)
    pd.testing.assert_frame_equal(processed.unplaced(), load_unplaced(pages))
    pd.testing.assert_frame_equal(processed.tokens(), tokens(articles))
    pd.testing.assert_frame_equal(processed.quantities(), quantities(articles))
    assert processed.last_run.processed == processed.page_ids
    assert processed.last_run.batches == 2  # batch_pages=3 over 4 pages
    assert set(processed.articles()["date"]) == {f"2020-03-{i:02d}" for i in range(1, 5)}


def test_rows_are_in_page_order(processed):
    toks = processed.tokens(["article_id", "position"])
    page_rank = {pid: i for i, pid in enumerate(processed.page_ids)}
    ranks = toks["article_id"].str.rsplit("-", n=1).str[0].map(page_rank)
    ordinals = toks["article_id"].str.rsplit("-", n=1).str[1].astype(int)
    keys = list(zip(ranks, ordinals, toks["position"], strict=True))
    assert keys == sorted(keys)


def test_second_run_hits_the_cache(pages, processed):
    again = Corpus(pages, cache_dir=processed.cache_dir).process()
    assert again.last_run.processed == []
    assert again.last_run.cached == processed.page_ids


def test_changed_page_alone_is_processed_again(tmp_path):
    paths = write_pages(tmp_path / "pages", 3)
    corpus = Corpus(tmp_path / "pages", cache_dir=tmp_path / "cache").process()
    before = _read_all(corpus)
    text = paths[1].read_text(encoding="utf-8")
    paths[1].write_text(text.replace("平湖", "嘉兴"), encoding="utf-8")
    corpus.process()
    assert corpus.last_run.processed == [paths[1].stem]
    assert corpus.last_run.cached == [paths[0].stem, paths[2].stem]
    after = _read_all(corpus)
    first = after["articles"]["page_id"] == paths[0].stem
    pd.testing.assert_frame_equal(
        after["articles"][first].reset_index(drop=True),
        before["articles"][before["articles"]["page_id"] == paths[0].stem].reset_index(drop=True),
    )
    changed = after["articles"][after["articles"]["page_id"] == paths[1].stem]
    assert changed["body"].str.contains("嘉兴").any()
    # the cache equals a fresh run, and the superseded batch files are gone
    fresh = Corpus(tmp_path / "pages", cache_dir=tmp_path / "fresh").process()
    for name, frame in _read_all(fresh).items():
        pd.testing.assert_frame_equal(after[name], frame)
    manifest = corpus.manifest()
    assert len(manifest) == 3
    for name in corpus.tables:
        files = {p.stem for p in (corpus.cache_dir / name).glob("*.parquet")}
        assert files == set(manifest["batch"])


def test_sidecar_metadata_change_reprocesses_that_page(tmp_path):
    paths = write_pages(tmp_path / "pages", 2)
    corpus = Corpus(tmp_path / "pages", cache_dir=tmp_path / "cache", tables=("articles",))
    corpus.process()
    meta = paths[0].with_suffix(".json")
    meta.write_text(json.dumps({"newspaper": "另一报", "date": "2021-01-01"}), "utf-8")
    corpus.process()
    assert corpus.last_run.processed == [paths[0].stem]
    articles = corpus.articles()
    assert set(articles.loc[articles["page_id"] == paths[0].stem, "newspaper"]) == {"另一报"}


def test_metadata_given_by_the_caller(tmp_path):
    paths = write_pages(tmp_path / "pages", 2)
    index = pd.DataFrame(
        {
            "page_id": [paths[1].stem, "not-in-corpus"],
            "newspaper": ["索引报", "x"],
            "page": ["A3", "1"],
        }
    )
    corpus = Corpus(
        tmp_path / "pages", cache_dir=tmp_path / "cache", tables=("articles",), metadata=index
    ).process()
    articles = corpus.articles()
    second = articles[articles["page_id"] == paths[1].stem]
    assert set(second["newspaper"]) == {"索引报"} and set(second["page"]) == {"A3"}
    assert set(second["date"]) == {"2020-03-02"}  # the sidecar still gives the date
    first = articles[articles["page_id"] == paths[0].stem]
    assert set(first["newspaper"]) == {"测试日报"}
    index.loc[0, "page"] = "A4"
    corpus = Corpus(
        tmp_path / "pages", cache_dir=tmp_path / "cache", tables=("articles",), metadata=index
    ).process()
    assert corpus.last_run.processed == [paths[1].stem]
    with pytest.raises(ValueError, match="page_id column"):
        Corpus(tmp_path / "pages", metadata=pd.DataFrame({"stem": ["a"]}))


def test_dictionary_change_reprocesses_every_page(tmp_path):
    write_pages(tmp_path / "pages", 2)
    user_dict = tmp_path / "words.txt"
    user_dict.write_text("现场会 5 n\n", encoding="utf-8")
    tok = Tokenizer(user_dicts=[str(user_dict)])
    tables = ("articles", "tokens")
    corpus = Corpus(tmp_path / "pages", cache_dir=tmp_path / "cache", tokenizer=tok, tables=tables)
    corpus.process()
    fingerprint = corpus.fingerprint()
    assert corpus.articles()["body"].str.contains("专项行动现场会").any()
    assert "专项行动现场会" not in set(corpus.tokens()["token"])
    user_dict.write_text("现场会 5 n\n专项行动现场会 100000 n\n", encoding="utf-8")
    tok2 = Tokenizer(user_dicts=[str(user_dict)])  # same parameters, new dictionary content
    corpus2 = Corpus(
        tmp_path / "pages", cache_dir=tmp_path / "cache", tokenizer=tok2, tables=tables
    )
    assert corpus2.fingerprint() != fingerprint
    with pytest.raises(CorpusError, match=r"2 of 2 pages .* call \.process\(\)"):
        corpus2.tokens()
    corpus2.process()
    assert corpus2.last_run.processed == corpus2.page_ids
    assert "专项行动现场会" in set(corpus2.tokens()["token"])
    assert len(corpus2.manifest()) == 2  # the old versions were dropped


def test_read_back_recomputes_nothing(pages, processed, monkeypatch, tmp_path):
    def boom(*args, **kwargs):
        raise AssertionError("a stage ran while reading the cache")

    expected = _read_all(processed)
    monkeypatch.setattr(corpus_mod, "process_batch", boom)
    monkeypatch.setattr("analysis.layout.parse_page", boom)
    monkeypatch.setattr("analysis.tokenize.tokens", boom)
    # analysis.quantities is the public function; patch the function in its module
    monkeypatch.setattr(importlib.import_module("analysis.quantities"), "quantities", boom)
    again = Corpus(pages, cache_dir=processed.cache_dir).process()  # all cached: nothing runs
    for name, frame in _read_all(again).items():
        pd.testing.assert_frame_equal(frame, expected[name])
    # from_cache needs neither the page files nor a tokenizer
    cache_copy = tmp_path / "copy"
    shutil.copytree(processed.cache_dir, cache_copy)
    cached = Corpus.from_cache(cache_copy)
    assert cached.page_ids == processed.page_ids
    for name, frame in _read_all(cached).items():
        pd.testing.assert_frame_equal(frame, expected[name])
    with pytest.raises(CorpusError, match="no page files to process"):
        cached.process()


def test_two_worker_processes_equal_one(pages, processed, tmp_path):
    parallel = Corpus(pages, cache_dir=tmp_path / "cache", batch_pages=1).process(workers=2)
    assert parallel.last_run.workers == 2 and parallel.last_run.batches == 4
    expected = _read_all(processed)
    for name, frame in _read_all(parallel).items():
        pd.testing.assert_frame_equal(frame, expected[name])


@pytest.mark.slow
def test_spawned_workers_build_their_own_tokenizer(tmp_path):
    write_pages(tmp_path / "pages", 2)
    tables = ("articles", "tokens")
    one = Corpus(tmp_path / "pages", cache_dir=tmp_path / "a", tables=tables).process()
    two = Corpus(
        tmp_path / "pages", cache_dir=tmp_path / "b", tables=tables, batch_pages=1,
        start_method="spawn",
    ).process(workers=2)  # fmt: skip
    pd.testing.assert_frame_equal(two.tokens(), one.tokens())


def test_iter_batches_and_to_dask_equal_read(processed):
    expected = processed.tokens()
    streamed = pd.concat(list(processed.iter_batches("tokens", pages_per_batch=1)))
    pd.testing.assert_frame_equal(streamed.reset_index(drop=True), expected)
    lazy = processed.to_dask("tokens")
    assert lazy.npartitions == 2
    computed = lazy.compute(scheduler="synchronous").reset_index(drop=True)
    pd.testing.assert_frame_equal(computed, expected)
    assert list(processed.to_dask("articles", columns=["article_id"]).columns) == ["article_id"]


def test_bad_page_raises_naming_the_file(tmp_path):
    write_pages(tmp_path / "pages", 2)
    bad = tmp_path / "pages" / "broken.txt"
    bad.write_bytes(b"\x00\x01\x02binary" * 20)
    corpus = Corpus(tmp_path / "pages", cache_dir=tmp_path / "cache", tables=("articles",))
    with pytest.raises(CorpusError, match=r"broken\.txt: binary data"):
        corpus.process()
    skipping = Corpus(
        tmp_path / "pages", cache_dir=tmp_path / "cache", tables=("articles",), on_error="skip"
    ).process()
    assert skipping.last_run.failed == ["broken"]
    errors = skipping.errors()
    assert list(errors["page_id"]) == ["broken"] and "binary data" in errors["error"].iloc[0]
    assert set(skipping.articles()["page_id"]) == {p.stem for p in skipping.paths} - {"broken"}
    skipping.process()  # the error is cached until the file changes
    assert skipping.last_run.processed == [] and skipping.last_run.failed == []


def test_a_stage_failing_on_one_page_names_that_page(tmp_path, monkeypatch):
    quantities_module = importlib.import_module("analysis.quantities")
    paths = write_pages(tmp_path / "pages", 3)
    real = quantities_module.quantities

    def fragile(articles, page_date=None):
        if "page_id" in articles and articles["page_id"].eq(paths[1].stem).any():
            raise RuntimeError("cannot read this page")
        return real(articles, page_date)

    monkeypatch.setattr(quantities_module, "quantities", fragile)
    corpus = Corpus(tmp_path / "pages", cache_dir=tmp_path / "cache", batch_pages=3)
    with pytest.raises(CorpusError, match=rf"{paths[1].name}: RuntimeError: cannot read"):
        corpus.process()
    corpus.on_error = "skip"
    corpus.process()
    # the pages that went through before the error were kept in the cache
    assert corpus.last_run.processed == [] and corpus.last_run.failed == [paths[1].stem]
    assert set(corpus.quantities()["article_id"].str[:-3]) == {paths[0].stem, paths[2].stem}


def test_progress_bar_on_request(tmp_path, capfd):
    write_pages(tmp_path / "pages", 2)
    Corpus(
        tmp_path / "pages", cache_dir=tmp_path / "cache", tables=("articles",), progress=True
    ).process()
    assert "pages: 100%" in capfd.readouterr().err
    Corpus(tmp_path / "pages", cache_dir=tmp_path / "cache2", tables=("articles",)).process()
    assert "pages:" not in capfd.readouterr().err  # 2 pages: no bar by default


def test_inputs_are_checked(tmp_path):
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "a" / "same.txt").write_text("本报讯 一。\n", encoding="utf-8")
    (tmp_path / "b" / "same.txt").write_text("本报讯 二。\n", encoding="utf-8")
    with pytest.raises(CorpusError, match="page id 'same' is used twice"):
        Corpus(tmp_path, cache_dir=tmp_path / "cache")
    with pytest.raises(CorpusError, match="no page files"):
        Corpus(tmp_path / "nothing-*.txt", cache_dir=tmp_path / "cache")
    with pytest.raises(ValueError, match="tables must be"):
        Corpus(tmp_path / "a", tables=("words",))
    with pytest.raises(CorpusError, match="no cached pages"):
        Corpus.from_cache(tmp_path / "empty-cache")


# --------------------------------------------------------------------------- streaming tables


def test_streamed_frequencies_equal_the_in_memory_tables(processed, monkeypatch):
    from analysis import explore, stream

    toks, arts = processed.tokens(), processed.articles()
    by_month = toks.merge(
        arts[["article_id", "date"]].assign(month=arts["date"].str[:7]), on="article_id"
    )
    for pages_per_partition in (1, 3):
        monkeypatch.setattr(stream, "PARTITION_PAGES", pages_per_partition)
        pd.testing.assert_frame_equal(
            stream.term_frequencies(processed), explore.term_frequencies(toks)
        )
        pd.testing.assert_frame_equal(
            stream.term_frequencies(processed, by=["month", "date"], pos="n"),
            explore.term_frequencies(by_month, by=["month", "date"], pos="n"),
        )
        pd.testing.assert_frame_equal(
            stream.doc_frequencies(processed), explore.doc_frequencies(toks)
        )


def test_streamed_keywords_do_not_depend_on_partitions(processed, monkeypatch):
    from analysis import stream

    monkeypatch.setattr(stream, "PARTITION_PAGES", 1)
    small = stream.tfidf_keywords(processed, top_n=5)
    monkeypatch.setattr(stream, "PARTITION_PAGES", 64)
    large = stream.tfidf_keywords(processed, top_n=5)
    pd.testing.assert_frame_equal(small, large)
    assert list(small.columns) == ["article_id", "keyword", "score", "rank", "method"]
    assert small.groupby("article_id")["rank"].max().le(5).all()
    first = small[small["article_id"] == small["article_id"].iloc[0]]
    assert first["score"].is_monotonic_decreasing and list(first["rank"]) == [1, 2, 3, 4, 5]


def test_streaming_topics_are_deterministic_with_a_seed(processed, monkeypatch):
    from analysis import stream

    monkeypatch.setattr(stream, "PARTITION_PAGES", 2)
    first = stream.StreamingTopics(n_topics=3, random_state=1).fit_assign(processed)
    second = stream.StreamingTopics(n_topics=3, random_state=1).fit_assign(processed)
    pd.testing.assert_frame_equal(first, second)
    assert list(first["article_id"]) == list(processed.articles()["article_id"])
    assert set(first["topic"]) <= {"t00", "t01", "t02", "other"}
    assert first.loc[first["topic"] != "other", "score"].between(0, 1.0000001).all()
    named = first[first["topic"] != "other"]
    assert (named["top_terms"].str.count("、") >= 2).all()
    with pytest.raises(ValueError, match="fewer than n_topics"):
        stream.StreamingTopics(n_topics=10_000).fit(processed)


def test_partition_counts_combine_on_dask_partitions(processed):
    from analysis import explore, stream

    counted = processed.to_dask("tokens").map_partitions(stream.partition_counts)
    combined = stream.combine_counts([counted.compute(scheduler="synchronous")])
    pd.testing.assert_frame_equal(combined, explore.term_frequencies(processed.tokens()))
