"""The page simulator itself: widths, ground truth, knobs, determinism, loaders."""

from __future__ import annotations

import itertools
import random
import re
from collections import Counter

import page_sim as ps
import pytest
from conftest import corpus_or_skip

FIXTURE = ps.load_source_articles("fixture")
SEEDS = range(40)


def fixture_page(seed: int, **knobs) -> ps.SimPage:
    return ps.random_page(random.Random(seed), FIXTURE, **knobs)


@pytest.fixture(scope="module")
def pages() -> list[ps.SimPage]:
    return [fixture_page(seed) for seed in SEEDS]


def body_lines(page: ps.SimPage, article: ps.TruthArticle) -> list[str]:
    lines = page.lines
    return [lines[i - 1] for i in page.lines_with_role("body", "caption", ordinal=article.ordinal)]


def test_fixture_loads_articles_and_captions() -> None:
    assert len(FIXTURE) >= 12
    assert all(a.title and a.paragraphs and a.kind == "article" for a in FIXTURE)
    assert any(a.kicker for a in FIXTURE) and any(a.subtitle for a in FIXTURE)
    assert any(a.byline for a in FIXTURE) and any(a.dateline for a in FIXTURE)
    captions = ps.load_captions()
    assert len(captions) >= 4 and all(c.byline for c in captions)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("=== article\ntitle: T\nauthor: X\n\n正文。\n", r"<t>:3: expected 'key: value'"),
        ("=== article\nkicker: K\n\n正文。\n", r"<t>:1: article record has no 'title:'"),
        ("=== article\ntitle: T\n\n没有句号\n", r"<t>:1: paragraph does not end a sentence"),
        ("=== essay\ntitle: T\n\n正文。\n", r"<t>:1: record kind must be"),
        ("正文。\n", r"<t>:1: text before the first"),
        ("# only comments\n", r"<t>: no records found"),
    ],
)
def test_fixture_parser_names_line_and_problem(text: str, problem: str) -> None:
    with pytest.raises(ValueError, match=problem):
        ps.parse_fixture(text, source="<t>")


def test_unknown_knob_is_a_clear_error() -> None:
    with pytest.raises(TypeError, match=r"unknown knob.*p_dubled"):
        fixture_page(0, p_dubled=1.0)
    with pytest.raises(ValueError, match="widths"):
        fixture_page(0, widths=(30, 20))


def test_same_seed_same_page_other_seed_other_page(pages) -> None:
    again = fixture_page(3)
    assert again.text == pages[3].text
    assert again.articles == pages[3].articles
    assert len({p.text for p in pages}) == len(pages)


def test_body_lines_respect_their_column_width(pages) -> None:
    for page in pages:
        for article in page.articles:
            cap = 2 * article.features["width"] + 4  # half cells, plus hanging punctuation
            for line in body_lines(page, article):
                assert ps._uwidth(line) <= cap, (article.features, line)
                assert line == line.rstrip() and not line.startswith("  ")


def test_widths_span_the_whole_range() -> None:
    widths = Counter(
        a.features["width"]
        for seed in range(60)
        for a in fixture_page(seed).articles
        if a.kind == "article"
    )
    assert min(widths) == 11 and max(widths) == 26


def test_ground_truth_matches_raw_lines(pages) -> None:
    for page in pages:
        lines = page.lines
        for a in page.articles:
            body = ps.dewrap(body_lines(page, a))
            if a.features.get("convention") == "end mark":  # （完） is furniture
                body = body.removesuffix("（完）")
            assert body == ps.nows(a.dateline + a.body), a.source_id
            assert "\n\n" not in a.body and a.body == a.body.strip()
            titles = [lines[i - 1] for i in page.lines_with_role("title", ordinal=a.ordinal)]
            if a.features.get("doubled"):
                titles = [t[: len(t) // 2] for t in titles]
            assert ps.nows(ps.fold("".join(titles))) == ps.nows(a.title)
            bylines = [
                lines[i - 1] for i in page.lines_with_role("byline", "credit", ordinal=a.ordinal)
            ]
            assert ps.nows("".join(bylines)).replace("■", "") == ps.nows(
                a.byline.replace(" / ", "")
            )
            if bylines and a.features.get("convention") != "摄 credit":  # (■ optional there)
                assert bylines[0].startswith("■")


def test_every_character_is_accounted_for(pages) -> None:
    for page in pages:
        raw = Counter(ps.nows(ps.fold(page.text).replace("■", "")))
        assert raw == page.truth_chars()


def test_paragraphs_end_in_a_blank_line_or_the_body_end(pages) -> None:
    for page in pages:
        lines = page.lines
        for a in page.articles:
            if a.kind != "article":
                continue
            span = lines[a.line_start - 1 : a.line_end]
            text = "\n".join(span)
            # every paragraph ends a line that is followed by a blank line (or ends the body)
            for para in a.paragraphs[:-1]:
                tail = para[-3:]
                assert re.search(re.escape(tail[-1]) + r"\n\n", ps.fold(text)), (tail, text)


def test_column_breaks_split_paragraphs_only_when_enabled() -> None:
    for seed in range(10):
        flat = fixture_page(seed, col_lines=None)
        for a in flat.articles:
            if a.kind == "article":
                span = flat.lines[a.line_start - 1 : a.line_end]
                assert span.count("") == len(a.paragraphs) - 1
                assert a.features["col_breaks"] == 0
    tight = [fixture_page(seed, col_lines=(3, 3)) for seed in range(5)]
    assert sum(a.features.get("col_breaks", 0) for p in tight for a in p.articles) > 20


def test_doubled_titles_are_printed_twice() -> None:
    page = fixture_page(1, p_doubled=1.0)
    for a in page.articles:
        if a.kind != "article":
            continue
        for i in page.lines_with_role("title", ordinal=a.ordinal):
            line = page.lines[i - 1]
            half = len(line) // 2
            assert line[:half] == line[half:] and line[:half]
    assert ps.nows("".join(page.collapsed)) == ps.nows(
        "".join(a.title for a in page.articles if a.kind == "article")
    )


def test_headline_position_knob() -> None:
    for seed in range(8):
        after = fixture_page(seed, page_after_weight=1.0, p_flip=0.0, p_displaced=0.0)
        before = fixture_page(seed, page_after_weight=0.0, p_flip=0.0, p_displaced=0.0)
        for a in after.articles:
            if a.kind == "article":
                assert min(after.lines_with_role("title", ordinal=a.ordinal)) > a.line_end
        for a in before.articles:
            if a.kind == "article":
                assert max(before.lines_with_role("title", ordinal=a.ordinal)) < a.line_start
    moved = 0
    for seed in range(8):
        page = fixture_page(seed, page_after_weight=1.0, p_flip=0.0, p_displaced=1.0)
        articles = [a for a in page.articles if a.kind == "article"]
        for a, nxt in itertools.pairwise(articles):
            title_line = min(page.lines_with_role("title", ordinal=a.ordinal))
            assert a.features["position"] == "displaced"
            assert title_line > nxt.line_end  # after the next article's body at least
            moved += 1
    assert moved > 20


def test_bylines_attached_or_in_a_cluster() -> None:
    attached = fixture_page(2, p_detached=0.0, p_byline=1.0, p_dateline_credit=0.0)
    assert not attached.detached_bylines
    assert all(a.byline for a in attached.articles)
    detached = fixture_page(2, p_detached=1.0, p_byline=1.0, p_dateline_credit=0.0)
    assert all(not a.byline for a in detached.articles if a.kind == "article")
    assert len(detached.detached_bylines) == sum(
        1 for a in detached.articles if a.kind == "article"
    )
    cluster = detached.lines_with_role("detached_byline")
    marks = sum(detached.lines[i - 1].count("■") for i in cluster)
    assert marks == len(detached.detached_bylines)


def test_justification_and_full_width_knobs() -> None:
    no_extras = {"p_furniture": 0.0, "p_page_header": 0.0, "p_jump": 0.0}
    plain = fixture_page(4, p_justify=0.0, p_fullwidth=0.0, **no_extras)
    assert not re.search(r"[０-９]", plain.text)
    # (讯 3月: the space after a dateline is a separator, not justification)
    assert not re.search(r"[0-9] [\u4e00-\u9fff]|[\u4e00-\u9fff](?<![讯电]) [0-9]", plain.text)
    marked = fixture_page(4, p_justify=1.0, p_justify_side=1.0, p_fullwidth=1.0, **no_extras)
    assert re.search(r"[０-９]", marked.text)
    assert re.search(r"[０-９] [\u4e00-\u9fff]", marked.text)
    assert not re.search(r"[0-9]", ps.nows(marked.text).replace("■", ""))
    # the truth is folded whatever the raw page shows
    assert all(not re.search(r"[０-９]", a.body + a.title) for a in marked.articles)


def test_page_extras_are_recorded() -> None:
    seen = Counter()
    for seed in range(30):
        page = fixture_page(seed, p_caption=1.0, p_lone_name=1.0, p_furniture=1.0)
        captions = [a for a in page.articles if a.kind == "photo_caption"]
        assert len(captions) == 1 and captions[0].byline
        assert len(page.lone_names) == 1 and page.furniture
        seen["caption"] += 1
        for i in page.lines_with_role("lone_name"):
            assert ps.nows(page.lines[i - 1]) == page.lone_names[0]
    assert seen["caption"] == 30


def test_body_span_holds_only_body_lines(pages) -> None:
    for page in pages:
        for a in page.articles:
            roles = {page.line_roles[i - 1][0] for i in range(a.line_start, a.line_end + 1)}
            assert roles <= {"body", "caption", ""}, roles


def test_wrap_keeps_kinsoku() -> None:
    text = "他说：“今年我们要把这件事情办好。”随后大家一起鼓掌，现场气氛十分热烈。"
    for width in range(6, 20):
        lines = ps.wrap(text, width, width - 2)
        assert "".join(lines) == text
        assert not any(line[0] in ps.CLOSING for line in lines[1:])
        assert not any(line[-1] in ps.OPENING for line in lines)
        assert all(ps._uwidth(line) <= 2 * width + 4 for line in lines)
        assert ps._uwidth(lines[0]) <= 2 * (width - 2) + 4


def test_justify_only_touches_number_edges() -> None:
    rng = random.Random(0)
    out = ps.justify("截至3月12日，累计2.5万人，占100%。", rng, 1.0)
    assert out == "截至 3 月 12 日，累计 2.5 万人，占 100%。"


@pytest.mark.shared
def test_peoples_daily_loader() -> None:
    corpus_or_skip(ps.PEOPLES_DAILY)
    articles = ps.load_source_articles("peoples_daily")
    assert len(articles) > 500
    text = "".join(a.title + "".join(a.paragraphs) for a in articles[:300])
    assert not re.search(r"/[a-zA-Z]{1,3}\b|\]nt", text)
    assert re.search(r"[０-９]", text)  # the corpus writes digits full-width
    assert sum(bool(a.dateline) for a in articles) > 100
    assert all(a.title and all(p.endswith(ps.TERMINAL) for p in a.paragraphs) for a in articles)
    page = ps.random_page(random.Random(0), articles)
    assert 4000 < len(page.text) < 12000
    raw = Counter(ps.nows(ps.fold(page.text).replace("■", "")))
    assert raw == page.truth_chars()


def test_auto_source_falls_back_to_the_fixture(monkeypatch) -> None:
    monkeypatch.setattr(ps, "peoples_daily_path", lambda: None)
    assert ps.source_name("auto") == "fixture"
    assert ps.load_source_articles("auto") == FIXTURE
    with pytest.raises(FileNotFoundError, match="absent"):
        ps.load_source_articles("peoples_daily")


def test_gen_corpus_writes_pages_with_sidecars(tmp_path) -> None:
    import importlib.util
    import json

    from analysis.ingest import read_page

    path = ps.FIXTURE_PATH.parents[2] / "bench" / "gen_corpus.py"
    spec = importlib.util.spec_from_file_location("gen_corpus", path)
    gen = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(gen)
    paths = gen.generate_corpus(10, tmp_path / "c", seed=3, source="fixture", truth=True)
    assert [p.name for p in paths][:2] == ["sim-s3-00000.txt", "sim-s3-00001.txt"]
    page = read_page(paths[9])
    assert page.metadata["date"] == "2020-01-02" and page.metadata["page"] == "2"
    assert set(page.metadata) >= {"newspaper", "place", "date", "page", "source"}
    truth = json.loads((tmp_path / "c" / "truth" / "sim-s3-00009.json").read_text("utf-8"))
    assert truth["articles"] and all(a["body"] for a in truth["articles"])
    # deterministic, and a smaller corpus is a prefix of a larger one
    again = gen.generate_corpus(3, tmp_path / "d", seed=3, source="fixture")
    assert [p.read_text("utf-8") for p in again] == [p.read_text("utf-8") for p in paths[:3]]


def test_ambiguous_blank_lines_are_flagged() -> None:
    w = 8  # first lines hold 6 cells
    body = [("一二三四五六", "body"), ("", ""), ("七八。", "body")]
    assert ps.ambiguous_blanks(body, w, 2) == 0  # the line before does not end a sentence
    body = [("一二三四五。", "body"), ("", ""), ("七八。", "body")]
    assert ps.ambiguous_blanks(body, w, 2) == 1  # a paragraph end or a column break?
    body = [("一二三四五。", "body"), ("", ""), ("七八九十一二三四", "body"), ("五。", "body")]
    assert ps.ambiguous_blanks(body, w, 2) == 0  # a full line after the blank: a column break
    body = [("一二。", "body"), ("", ""), ("七八。", "body")]
    assert ps.ambiguous_blanks(body, w, 2) == 0  # a short line before: a paragraph end


def test_ambiguous_headlines_are_flagged() -> None:
    # 开学第一课 over 校园安全教 / 育“不打烊”: one title of 16 characters in three balanced lines
    assert ps.ambiguous_headline(["开学第一课"], ["校园安全教", "育“不打烊”"])
    # a title set on one line under a shorter kicker: a title would not break that way
    assert not ps.ambiguous_headline(["开学第一课"], ["校园安全教育“不打烊”"])
    assert not ps.ambiguous_headline(["祁海龙在全市专项行动现场会上强调"], ["再掀爱国卫生运动热潮"])
