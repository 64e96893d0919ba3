"""Declarative charts on small synthetic tables: queries, labels, provenance, stable output."""

from __future__ import annotations

import math
import re
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from PIL import Image

from analysis import viz
from analysis.fonts import MissingGlyphError, missing_glyphs
from analysis.sentences import split_sentences

BODIES = {
    "p-01": "本报讯 截至3月12日，累计发送包车132辆、包列2班、包机1架，接返员工4947人。\n"
    "目前已建立劳务合作社15个。",
    "p-02": "当天点击观看量达到 16300多人次，互动信息达到 6000多条，点赞量 26600人次。",
    "p-03": "组建不少于 100名的指导员，成立千人志愿者队伍，倡议数十万市民参与。",
}
TITLES = {"p-01": "家门到厂门", "p-02": "网络直播招聘 助力复工复产", "p-03": "“十百千万”组合拳"}
# (article, matched text, value, low, high, unit, qualifier, subject)
ROWS = [
    ("p-01", "包车132辆", 132, 132, 132, "辆", "", "包车"),
    ("p-01", "包列2班", 2, 2, 2, "班", "", "包列"),
    ("p-01", "包机1架", 1, 1, 1, "架", "", "包机"),
    ("p-01", "4947人", 4947, 4947, 4947, "人", "", "接返员工"),
    ("p-01", "15个", 15, 15, 15, "个", "", "劳务合作社"),
    ("p-02", "16300多人次", 16300, 16300, math.nan, "人次", "多", "点击观看量"),
    ("p-02", "6000多条", 6000, 6000, math.nan, "条", "多", "互动信息"),
    ("p-02", "26600人次", 26600, 26600, 26600, "人次", "", "点赞量"),
    ("p-03", "不少于 100名", 100, 100, math.nan, "名", "不少于", "指导员"),
    ("p-03", "千人", 1000, 1000, 1000, "人", "", "志愿者"),
    ("p-03", "数十万", math.nan, 100000, 900000, "人", "", "市民"),
]


def make_articles() -> pd.DataFrame:
    ids = list(BODIES)
    return pd.DataFrame(
        {
            "article_id": ids,
            "page_id": ["p"] * len(ids),
            "ordinal": range(1, len(ids) + 1),
            "kind": ["article"] * len(ids),
            "title": [TITLES[i] for i in ids],
            "body": [BODIES[i] for i in ids],
        }
    )


def make_quantities() -> pd.DataFrame:
    records = []
    for article_id, text, value, low, high, unit, qualifier, subject in ROWS:
        body = BODIES[article_id]
        start = body.index(text)
        spans = split_sentences(body)
        sid = next(i for i, (s, e) in enumerate(spans) if s <= start < e)
        records.append(
            {
                "article_id": article_id,
                "sentence_id": sid,
                "sentence": body[spans[sid][0] : spans[sid][1]],
                "start": start,
                "end": start + len(text),
                "text": text,
                "value": float(value),
                "value_low": float(low),
                "value_high": float(high),
                "unit": unit,
                "qualifier": qualifier,
                "subject": subject,
                "kind": "count",
                "resolved": "",
            }
        )
    return pd.DataFrame(records)


@pytest.fixture
def articles() -> pd.DataFrame:
    return make_articles()


@pytest.fixture
def quantities() -> pd.DataFrame:
    return make_quantities()


def spec(kind: str = "log_bar", **query) -> viz.ChartSpec:
    return viz.ChartSpec(id="t", kind=kind, title="测试图", query=viz.ChartQuery(**query))


def figure_text(fig) -> str:
    return "\n".join(t.get_text() for t in fig.findobj(lambda a: hasattr(a, "get_text")))


# ---------------------------------------------------------------------------------- specs


def test_shipped_specs_load_and_every_character_has_a_glyph():
    specs = viz.load_chart_specs()
    ids = [s.id for s in specs]
    assert len(ids) == len(set(ids))
    assert {"recruitment_logistics", "livestream_engagement", "campaign_structure"} <= set(ids)
    assert any(s.kind == "dot_plot" for s in specs)
    text = [s.title + s.label + s.value_label + s.xlabel + s.note for s in specs]
    assert missing_glyphs(text + list(viz.KIND_NAMES.values())) == set()


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        ('[[chart]]\nid = "a"\nkind = "pie"\ntitle = "x"\n', "unknown kind 'pie'"),
        ('[[chart]]\nid = "a"\nkind = "bar"\ntitle = "x"\ncolour = 1\n', "unknown key"),
        (
            '[[chart]]\nid = "a"\nkind = "bar"\ntitle = "x"\n[chart.query]\nsubject = "("\n',
            "bad regular",
        ),
        ('[[chart]]\nid = "a"\nkind = "bar"\n', "missing required string 'title'"),
        (
            '[[chart]]\nid = "a"\nkind = "bar"\ntitle = "x"\n[[chart]]\nid = "a"\nkind = "bar"\ntitle = "y"\n',
            "duplicate",
        ),
        ("[[chart]\n", "not valid TOML"),
        ('[[chart]]\nid = "a"\nkind = "bar"\ntitle = "x"\norder = "size"\n', "order must be"),
        ('[[chart]]\nid = "a"\nkind = "wordcloud"\ntitle = "x"\n', "by = 'article' or 'topic'"),
        ('[[chart]]\nid = "a"\nkind = "bar"\ntitle = "x"\ntop_n = "5"\n', "expected an integer"),
    ],
)
def test_bad_spec_files_name_the_file_and_the_problem(tmp_path, toml, message):
    path = tmp_path / "charts.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(viz.ChartSpecError, match=re.escape(message)) as info:
        viz.load_chart_specs(path)
    assert "charts.toml" in str(info.value)


# --------------------------------------------------------------------------------- queries


def test_query_filters_by_article_unit_and_sentence(articles, quantities):
    rows = viz.select_rows(
        viz.ChartQuery(article_title="厂门", unit=("辆", "班", "架", "人"), sentence="累计"),
        quantities,
        articles,
    )
    assert rows["subject"].tolist() == ["包车", "包列", "包机", "接返员工"]
    assert rows["article_title"].unique().tolist() == ["家门到厂门"]


def test_query_by_topic_needs_and_uses_the_topics_table(articles, quantities):
    topics = pd.DataFrame(
        {"article_id": ["p-02"], "topic": ["jobs"], "topic_name": ["就业"], "score": [1.0]}
    )
    rows = viz.select_rows(viz.ChartQuery(topic=("就业",)), quantities, articles, topics)
    assert set(rows["article_id"]) == {"p-02"}
    with pytest.raises(viz.ChartQueryError, match="no topics table"):
        viz.select_rows(viz.ChartQuery(topic=("jobs",)), quantities, articles)


def test_a_query_that_matches_nothing_fails_loudly(articles, quantities):
    with pytest.raises(viz.ChartQueryError) as info:
        viz.render_chart(spec(article_title="厂门", unit=("吨",)), quantities, articles)
    message = str(info.value)
    assert "'t'" in message and "matched 0 row(s)" in message
    assert "article_title: 5" in message and "unit: 0" in message


def test_min_rows_is_enforced(articles, quantities):
    with pytest.raises(viz.ChartQueryError, match="needs at least 5"):
        viz.select_rows(viz.ChartQuery(article_title="直播", min_rows=5), quantities, articles)


# ---------------------------------------------------------------------------------- labels


@pytest.mark.parametrize(
    ("row", "shown"),
    [
        (
            {"value": 16300.0, "value_low": 16300.0, "value_high": math.nan, "qualifier": "多"},
            "16300+",
        ),
        (
            {"value": 100.0, "value_low": 100.0, "value_high": math.nan, "qualifier": "不少于"},
            "≥100",
        ),
        ({"value": 4947.0, "value_low": 4947.0, "value_high": 4947.0, "qualifier": ""}, "4947"),
        ({"value": 2.5, "value_low": 2.5, "value_high": 2.5, "qualifier": "约"}, "≈2.5"),
        (
            {
                "value": math.nan,
                "value_low": 1e5,
                "value_high": 9e5,
                "qualifier": "",
                "text": "数十万",
            },
            "数十万",
        ),
        (
            {"value": math.nan, "value_low": 1e5, "value_high": 9e5, "qualifier": "", "text": ""},
            "100000–900000",
        ),
    ],
)
def test_qualified_values(row, shown):
    assert viz.qualified_value(row) == shown


def test_templates_fill_fields_and_fall_back_to_the_matched_text():
    row = {"subject": "", "text": "15个", "value": 15.0, "unit": "个", "qualifier": ""}
    assert viz.format_template("{value} {unit}", row) == "15 个"
    assert viz.format_template("{subject}", row) == "15个"
    assert viz.format_template("{nosuchfield}{number}", row) == "15"


def test_wrapping_keeps_numbers_whole_and_punctuation_off_line_starts():
    text = "累计发送包车132辆、包列2班、包机1架，接返员工4947人。" * 3
    lines = viz.wrap_text(text, 13)
    assert "".join(lines) == text
    numbers = re.findall(r"\d+", text)
    assert [n for line in lines for n in re.findall(r"\d+", line)] == numbers
    assert not any(line[0] in "，。、" for line in lines)


def test_shorten_sentence_keeps_the_numbers():
    sentence = "甲" * 50 + "包车132辆" + "乙" * 50
    short = viz.shorten_sentence(sentence, [(50, 56)], max_chars=30)
    assert "包车132辆" in short and short.startswith("…") and short.endswith("…")
    assert len(short) <= 32


def test_provenance_names_title_and_source_sentence_of_every_number(articles, quantities):
    rows = viz.select_rows(viz.ChartQuery(article_title="直播"), quantities, articles)
    lines = viz.provenance_lines(rows, articles)
    assert lines[0].startswith("来源：《网络直播招聘 助力复工复产》")
    assert "16300多人次、6000多条、26600人次" in lines[1]
    assert "当天点击观看量达到 16300多人次" in lines[1]


# ---------------------------------------------------------------------------------- charts


@pytest.mark.parametrize("kind", ["bar", "log_bar", "dot_plot"])
def test_every_quantity_chart_kind_draws_with_its_footnote(articles, quantities, kind, tmp_path):
    fig = viz.render_chart(spec(kind), quantities, articles)
    text = figure_text(fig)
    for title in TITLES.values():
        assert f"《{title}》" in text
    assert "16300+" in text
    assert "累计发送包车132辆" in text  # source sentence in the footnote
    path = viz.save_figure(fig, tmp_path / f"{kind}.png")
    with Image.open(path) as image:
        assert image.width > 800


def test_log_bars_span_the_magnitudes_and_show_the_range(articles, quantities):
    fig = viz.render_chart(spec("log_bar", article_title="十百千万"), quantities, articles)
    ax = fig.axes[0]
    assert ax.get_xscale() == "log"
    low, high = ax.get_xlim()
    assert low < 100 and high > 900000
    labels = [t.get_text() for t in ax.texts]
    assert labels == ["≥100名", "1000人", "数十万人"]


def test_log_axis_rejects_zero(articles, quantities):
    zero = quantities.assign(value=0.0, value_low=0.0, value_high=0.0)
    with pytest.raises(viz.ChartQueryError, match="<= 0"):
        viz.render_chart(spec("log_bar"), zero, articles)


def test_two_renders_give_identical_png_and_svg_bytes(articles, quantities, tmp_path):
    for suffix in ("png", "svg"):
        first = viz.save_figure(
            viz.render_chart(spec("dot_plot"), quantities, articles), tmp_path / f"a.{suffix}"
        )
        second = viz.save_figure(
            viz.render_chart(spec("dot_plot"), quantities, articles), tmp_path / f"b.{suffix}"
        )
        assert first.read_bytes() == second.read_bytes()
    with Image.open(tmp_path / "a.png") as image:
        assert "Software" not in image.info
    svg = (tmp_path / "a.svg").read_text(encoding="utf-8")
    assert "<dc:date>" not in svg and "Matplotlib v" not in svg


def test_saving_text_without_glyphs_fails(tmp_path):
    fig = viz.wordcloud_figure({"平湖": 1.0}, title="标题")
    fig.axes[0].set_title("表情 \U0001f600")
    with pytest.raises(MissingGlyphError, match="U\\+1F600"):
        viz.save_figure(fig, tmp_path / "x.png")
    with pytest.raises(ValueError, match=r"png or \.svg"):
        viz.save_figure(fig, tmp_path / "x.jpg")


# ------------------------------------------------------------------- keyword/topic charts


def test_keyword_frequencies_dedupe_and_order():
    keywords = pd.DataFrame(
        {
            "keyword": ["招工", "招工", "复工", " 企业 ", "", "零分"],
            "score": [0.2, 0.5, 0.5, 0.3, 0.9, 0.0],
        }
    )
    assert viz.keyword_frequencies(keywords, 10) == {"复工": 0.5, "招工": 0.5, "企业": 0.3}
    assert list(viz.keyword_frequencies(keywords, 1)) == ["复工"]


def test_wordcloud_is_deterministic_and_has_no_duplicate_words(tmp_path):
    freqs = {
        w: 1.0 / (i + 1)
        for i, w in enumerate("招工 复工 员工 企业 直播 招聘 包车 文明 卫生".split())
    }
    a = viz.save_figure(viz.wordcloud_figure(freqs, title="词云"), tmp_path / "a.png")
    b = viz.save_figure(viz.wordcloud_figure(freqs, title="词云"), tmp_path / "b.png")
    assert a.read_bytes() == b.read_bytes()
    from wordcloud import WordCloud

    from analysis.fonts import cjk_font_path

    cloud = WordCloud(font_path=str(cjk_font_path()), random_state=0).generate_from_frequencies(
        freqs
    )
    words = [word for (word, _), *_ in cloud.layout_]
    assert len(words) == len(set(words))


def test_wordcloud_refuses_words_without_glyphs():
    with pytest.raises(MissingGlyphError, match="word cloud"):
        viz.wordcloud_figure({"平湖": 1.0, "\U0001f600": 0.5}, title="词云")


def test_text_charts_draw_from_synthetic_tables(articles, tmp_path):
    keywords = pd.DataFrame(
        {
            "article_id": ["p-01", "p-01", "p-02", "p-02", "p-03"],
            "keyword": ["招工", "包车", "直播", "招聘", "志愿者"],
            "score": [0.9, 0.5, 0.8, 0.4, 0.7],
            "rank": [1, 2, 1, 2, 1],
            "method": ["tfidf"] * 5,
        }
    )
    topics = pd.DataFrame(
        {
            "article_id": ["p-01", "p-02", "p-03"],
            "topic": ["jobs", "jobs", "other"],
            "topic_name": ["复工招工", "复工招工", "其他"],
        }
    )
    terms = keywords.merge(topics).rename(columns={"keyword": "term", "score": "weight"})
    ids = articles["article_id"].tolist()
    sim = np.eye(3) * 0.5 + 0.5
    tables = viz.TextTables(
        articles=articles,
        keywords=keywords,
        topics=topics,
        topic_terms=terms[["topic", "topic_name", "term", "weight"]],
        points=pd.DataFrame({"article_id": ids, "x": [0.1, 0.2, 0.9], "y": [0.5, 0.4, -0.3]}),
        similarity=pd.DataFrame(sim, index=ids, columns=ids),
        method_note="关键词方法 tfidf",
    )
    stems = []
    for chart in viz.load_chart_specs():
        if chart.kind in viz.TEXT_KINDS:
            for stem, fig in viz.render_text_chart(chart, tables):
                viz.save_figure(fig, tmp_path / f"{stem}.png")
                stems.append(stem)
                if chart.kind == "similarity_heatmap":
                    assert "“十百千万”组合拳" in figure_text(fig)
    assert "wordcloud_article_p-01" in stems and "wordcloud_topic_jobs" in stems
    assert "wordcloud_topic_other" not in stems  # the catch-all gets no cloud of its own
    assert all(Path(tmp_path / f"{s}.png").stat().st_size > 0 for s in stems)
