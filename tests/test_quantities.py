"""Quantities, dates and times: the acceptance list of issue 5 on the sample page, the numeral
parser, bounds, fixed expressions, offsets and bad input."""

from __future__ import annotations

import importlib
import math

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analysis.quantities import (
    QUANTITY_COLUMNS,
    QuantityResourceError,
    extract,
    find_numbers,
    parse_number,
    quantities,
)

# analysis.quantities is the public function; the module is reached through importlib
qmod = importlib.import_module("analysis.quantities")
NAN = math.nan


def same(a: float, b: float) -> bool:
    return (math.isnan(a) and math.isnan(b)) or math.isclose(a, b, rel_tol=1e-12)


# --------------------------------------------------------------------------- sample page


@pytest.fixture(scope="module")
def rows(articles) -> pd.DataFrame:
    return quantities(articles)


def pick(rows: pd.DataFrame, text: str, context: str | None = None) -> pd.DataFrame:
    """Rows whose matched text is ``text`` (spaces ignored), optionally inside ``context``."""
    hit = rows[rows["text"].str.replace(" ", "") == text]
    if context is not None:
        hit = hit[hit["sentence"].str.replace(" ", "").str.contains(context, regex=False)]
    assert len(hit) >= 1, f"{text!r} not found; texts: {rows['text'].tolist()}"
    return hit


# text, context, value, low, high, unit, qualifier, subject, kind
ACCEPTANCE = [
    ("132辆", "包车132辆", 132, 132, 132, "辆", "", "包车", "count"),
    ("2班", "包列2班", 2, 2, 2, "班", "", "包列", "count"),
    ("1架", "包机1架", 1, 1, 1, "架", "", "包机", "count"),
    ("4947人", "接返员工4947人", 4947, 4947, 4947, "人", "", "员工", "count"),
    ("15个", "劳务合作社15个", 15, 15, 15, "个", "", "劳务合作社", "count"),
    ("8个", "8个乡镇", 8, 8, 8, "个", "", "乡镇", "count"),
    ("16300多人次", None, 16300, 16300, 16400, "人次", "多", "观看量", "count"),
    ("26600人次", None, 26600, 26600, 26600, "人次", "", "点赞量", "count"),
    ("五家", "五家公司", 5, 5, 5, "家", "", "公司", "count"),
    ("近两个小时", None, 2, NAN, 2, "小时", "近", "直播招聘", "duration"),
    ("不少于100名", None, 100, 100, NAN, "名", "不少于", "指导员", "count"),
    ("千人", "千人志愿者", 1000, 1000, 1000, "人", "", "志愿者", "count"),
    ("百位", "百位文明健康", 100, 100, 100, "位", "", "指导员", "count"),
    ("千名", "千名志愿者", 1000, 1000, 1000, "名", "", "志愿者", "count"),
    ("十项", "十项具体行动", 10, 10, 10, "项", "", "行动", "count"),
    ("五省", "五省开展", 5, 5, 5, "省", "", "", "count"),
    ("一名", "一名主播", 1, 1, 1, "名", "", "主播", "count"),
]


@pytest.mark.parametrize("item", ACCEPTANCE, ids=[a[0] for a in ACCEPTANCE])
def test_acceptance_items(rows, item) -> None:
    text, context, value, low, high, unit, qualifier, subject, kind = item
    hit = pick(rows, text, context).iloc[0]
    assert hit.kind == kind
    assert same(hit.value, value) and same(hit.value_low, low) and same(hit.value_high, high)
    assert hit.unit == unit
    assert hit.qualifier == qualifier
    assert hit.subject == subject


def test_info_count_subject_is_the_message_noun(rows) -> None:
    # 参与聊天互动交流信息达到6000多条: the compound before 达到 is 交流信息 (one dictionary word)
    hit = pick(rows, "6000多条").iloc[0]
    assert (hit.value, hit.value_low, hit.value_high) == (6000, 6000, 7000)
    assert hit.unit == "条" and hit.qualifier == "多" and hit.kind == "count"
    assert hit.subject.endswith("信息")


def test_guides_keep_the_whole_phrase(rows) -> None:
    hit = pick(rows, "不少于100名").iloc[0]
    assert hit.subject_phrase == "文明健康生活方式指导员"
    assert pick(rows, "百位").iloc[0].subject_phrase == "文明健康生活方式指导员"


def test_volunteer_team_counts_volunteers(rows) -> None:
    hit = pick(rows, "千人").iloc[0]
    assert hit.subject == "志愿者" and hit.subject_phrase == "志愿者队伍"


def test_tens_of_thousands_of_citizens_is_a_bounded_range(rows) -> None:
    hits = pick(rows, "数十万")
    assert len(hits) == 3  # once in the meeting report, twice in the plan article
    for hit in hits.itertuples():
        assert (hit.value, hit.value_low, hit.value_high) == (1e5, 1e5, 1e6)
        assert hit.qualifier == "数" and hit.subject == "市民" and hit.kind == "count"


def test_rate_shared_by_two_subjects(rows) -> None:
    hits = pick(rows, "100%")
    assert hits["subject"].tolist() == ["复工率", "复产率"]
    assert (hits["kind"] == "percent").all() and (hits["value"] == 100).all()
    assert (hits["unit"] == "%").all()


def test_work_groups_are_counted(rows) -> None:
    groups = rows[(rows["text"] == "5个") & (rows["kind"] == "count")]
    assert sorted(groups["subject"]) == ["小组", "工作组", "工作组"]
    phrases = set(groups["subject_phrase"])
    assert "跨省“驻点招工”小组" in phrases and "“驻点招工”工作组" in phrases


def test_ordinals(rows) -> None:
    first = pick(rows, "第一", "第一阶段").iloc[0]
    second = pick(rows, "第二", "第二阶段").iloc[0]
    assert (first.kind, first.value, first.subject) == ("ordinal", 1, "阶段")
    assert (second.kind, second.value, second.subject) == ("ordinal", 2, "阶段")


def test_dates_and_times_resolved_against_page_date(rows) -> None:
    morning = pick(rows, "3月14日上午").iloc[0]
    assert (morning.kind, morning.resolved, morning.unit) == ("time", "2020-03-14", "上午")
    day = pick(rows, "3月12日").iloc[0]
    assert (day.kind, day.resolved) == ("date", "2020-03-12")
    clock = pick(rows, "3月14日下午1时30分").iloc[0]
    assert (clock.kind, clock.resolved, clock.unit) == ("time", "2020-03-14T13:30", "分")
    year = pick(rows, "2020年").iloc[0]
    assert (year.kind, year.resolved) == ("date", "2020")
    quarter = pick(rows, "一季度").iloc[0]
    assert (quarter.kind, quarter.resolved) == ("date", "2020-01/2020-03")
    for row in (morning, day, clock, year, quarter):
        assert math.isnan(row.value) and row.subject == ""


def test_no_piece_of_a_date_is_a_count(rows) -> None:
    for article_id, group in rows.groupby("article_id"):
        dated = group[group["kind"].isin(["date", "time"])]
        others = group[~group["kind"].isin(["date", "time"])]
        for d in dated.itertuples():
            overlapping = others[(others["start"] < d.end) & (d.start < others["end"])]
            assert overlapping.empty, (article_id, d.text, overlapping["text"].tolist())


@pytest.mark.parametrize(
    "phrase",
    ["一盘棋", "三位一体", "两手都要硬", "一个“准”字", "两免三补", "十个一", "十百千万",
     "一批", "一个缩影", "一片", "一键", "三级", "两头", "第三方", "八佰伴", "九寨沟",
     "一整套", "多名"],
)  # fmt: skip
def test_fixed_expressions_are_not_quantities(articles, rows, phrase) -> None:
    occurrences = 0
    for body, article_id in zip(articles["body"], articles["article_id"], strict=True):
        start = body.find(phrase)
        while start >= 0:
            occurrences += 1
            end = start + len(phrase)
            mine = rows[(rows["article_id"] == article_id)]
            inside = mine[(mine["start"] < end) & (start < mine["end"])]
            assert inside.empty, (phrase, inside["text"].tolist())
            start = body.find(phrase, end)
    assert occurrences, f"{phrase!r} is not on the sample page"


def test_frame_contract(articles, rows) -> None:
    assert list(rows.columns) == QUANTITY_COLUMNS
    assert set(rows["kind"]) <= set(qmod.KINDS)
    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    for r in rows.itertuples():
        body = bodies[r.article_id]
        assert body[r.start : r.end] == r.text
        assert r.text in r.sentence
        if r.kind not in ("date", "time"):
            assert r.resolved == ""
    for c in ("start", "end", "sentence_id"):
        assert rows[c].dtype == "int64"
    for c in ("value", "value_low", "value_high"):
        assert rows[c].dtype == "float64"
    for c in ("unit", "qualifier", "subject", "resolved", "subject_phrase"):
        assert not rows[c].isna().any()


def test_sentence_ids_follow_split_sentences(articles, rows) -> None:
    from analysis.sentences import split_sentences

    bodies = dict(zip(articles["article_id"], articles["body"], strict=True))
    for r in rows.itertuples():
        s, e = split_sentences(bodies[r.article_id])[r.sentence_id]
        assert s <= r.start and r.end <= e


# --------------------------------------------------------------------------- numerals


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("1 268", 1268),
        ("2,150", 2150),
        ("12.5", 12.5),
        ("１２.５", 12.5),
        ("４，５６５", 4565),
        ("两百", 200),
        ("一千五百", 1500),
        ("1.2万", 12000),
        ("3千", 3000),
        ("百分之九十五", 95),
        ("三分之一", 1 / 3),
        ("4.78万亿", 4.78e12),
        ("10万万", 1e9),
        ("百三", 130),
        ("零点五", 0.5),
        ("负三十二", -32),
        ("壹佰伍拾", 150),
        ("三千 六 百 五", 3650),
        ("十多万", 100000),
        ("16300多", 16300),
    ],
)
def test_parse_number(text, value) -> None:
    assert math.isclose(parse_number(text), value, rel_tol=1e-12)


@pytest.mark.parametrize("text", ["", "点五", "零点", "万", "abc", "两两", "3..5"])
def test_parse_number_rejects(text) -> None:
    with pytest.raises(ValueError, match="not a numeral"):
        parse_number(text)


def test_parse_number_rejects_non_strings() -> None:
    with pytest.raises(ValueError, match="expects a string"):
        parse_number(12)  # type: ignore[arg-type]


def test_find_numbers_spans_and_values() -> None:
    text = "共1 268人，其中四百多名，十多万元，百分之五十五，一切正常，四川"
    found = [(n.text, n.value) for n in find_numbers(text)]
    assert found == [("1 268", 1268), ("四百", 400), ("十多万", 100000), ("五十五", 55)]


# --------------------------------------------------------------------------- extract


def one(text: str, kind: str | None = None, ref=None):
    found = [q for q in extract(text, ref) if kind is None or q.kind == kind]
    assert len(found) == 1, [(q.text, q.kind) for q in found]
    return found[0]


def test_justification_spaces_and_full_width_digits() -> None:
    found = extract(
        "本报讯 3 月 14 日下午 1 时 30 分，2020 年平湖共有１ ２６８名员工返岗", "2020-03"
    )
    assert [(q.text, q.kind, q.resolved) for q in found][:2] == [
        ("3 月 14 日下午 1 时 30 分", "time", "2020-03-14T13:30"),
        ("2020 年", "date", "2020"),
    ]
    workers = found[2]
    assert (workers.value, workers.unit, workers.subject) == (1268, "名", "员工")


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "qualifier"),
    [
        ("超过3000万港元", 3e7, 3e7, NAN, "超过"),
        ("约3.516亿美元", 3.516e8, NAN, NAN, "约"),
        ("100人左右", 100, NAN, NAN, "左右"),
        ("300人以上", 300, 300, NAN, "以上"),
        ("不到1.9万元", 19000, NAN, 19000, "不到"),
        ("上百人", 100, 100, 1000, "上"),
        ("三四百人", 300, 300, 400, "range"),
        ("两个多小时", 2, 2, 3, "多"),
        ("一个半小时", 1.5, 1.5, 1.5, ""),
        ("十几万元", 100000, 100000, 200000, "几"),
        ("3至5个", 3, 3, 5, "range"),
    ],
)
def test_bounds(text, value, low, high, qualifier) -> None:
    q = one(text)
    assert same(q.value, value) and same(q.value_low, low) and same(q.value_high, high)
    assert q.qualifier == qualifier


@pytest.mark.parametrize(
    ("text", "value", "low", "high", "unit"),
    [
        ("两到四万港元", 20000, 20000, 40000, "港元"),
        ("十六至二十五万日元", 160000, 160000, 250000, "日元"),
        ("1万元--5万元", 10000, 10000, 50000, "元"),
        ("2618.05万元", 26180500, 26180500, 26180500, "元"),
        ("356元2角4分", 356.24, 356.24, 356.24, "元"),
        ("港币三千八百四十元", 3840, 3840, 3840, "港元"),
        ("两个亿卢布", 2e8, 2e8, 2e8, "卢布"),
    ],
)
def test_money(text, value, low, high, unit) -> None:
    q = one(text, "money")
    assert math.isclose(q.value, value) and math.isclose(q.value_low, low)
    assert math.isclose(q.value_high, high) and q.unit == unit


@pytest.mark.parametrize(
    ("text", "value", "unit"),
    [("增长了12.5%", 12.5, "%"), ("近四成", 40, "%"), ("千分之五", 0.5, "%"),
     ("提高2个百分点", 2, "个百分点")],
)  # fmt: skip
def test_percent(text, value, unit) -> None:
    q = one(text, "percent")
    assert math.isclose(q.value, value) and q.unit == unit


def test_indefinite_article_and_vague_batch_are_skipped() -> None:
    assert extract("这是一个缩影，提供一批防疫物资，一种方式") == []
    assert [q.text for q in extract("落实一张进度督促单")] == ["一张"]


def test_codes_scores_and_list_markers_are_not_counts() -> None:
    text = "1、COVID-19疫情中G60走廊5G基站，比分3-1，电话15874019415。\n2、《纳尼亚传奇2》"
    assert extract(text) == []


@pytest.mark.parametrize(
    ("text", "kind", "value", "unit", "resolved"),
    [
        ("80年代", "date", NAN, "年代", "1980/1989"),
        ("八十年代", "date", NAN, "年代", "1980/1989"),
        ("09年", "date", NAN, "年", "2009"),
        ("零下5摄氏度", "count", -5, "℃", ""),
        ("7分05秒", "duration", 425, "秒", ""),
        ("满100分", "count", 100, "分", ""),
        ("11号线", "ordinal", 11, "号", ""),
        ("第2天", "ordinal", 2, "天", ""),
        ("2009-12-18 21:29:40", "time", NAN, "分", "2009-12-18T21:29:40"),
    ],
)
def test_other_forms(text, kind, value, unit, resolved) -> None:
    q = one(text)
    assert (q.kind, q.unit, q.resolved) == (kind, unit, resolved)
    assert same(q.value, value)


def test_classifier_that_starts_a_noun_is_the_noun() -> None:
    q = one("全国13亿人口")
    assert (q.value, q.unit, q.subject) == (1.3e9, "", "人口")
    assert one("建成15套房").subject == "套房"
    assert [q.text for q in extract("十九大代表，四大举措")] == ["四大"]


def test_a_governing_verb_is_not_the_subject() -> None:
    assert one("单日取得81万港元。").subject == ""
    assert one("新房源共计302套。").subject == "新房源"
    listing = extract("累计发送包车132辆、包列2班")
    assert [q.subject for q in listing] == ["包车", "包列"]


def test_year_inference_takes_the_nearest_year() -> None:
    assert one("12月30日", ref="2020-01").resolved == "2019-12-30"
    assert one("1月5日", ref="2019-12-20").resolved == "2020-01-05"
    assert one("3月14日").resolved == "--03-14"
    assert [q.resolved for q in extract("2009年8月17日至8月23日")] == ["2009-08-17", "2009-08-23"]


def test_lone_day_needs_the_page_month() -> None:
    assert extract("22日告诉记者") == []
    assert one("22日告诉记者", ref="2008-06").resolved == "2008-06-22"


_POOL = list(
    "0123456789０１２.,， -~至到零一二三四五六七八九十百千万亿两壹拾佰数几上多余来约近超过第个人"
    "名次年月日号时分秒点半%％元块钱美元百分之成上午下午的达到和均、。\n（）含“”《》Gkm"
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(_POOL), max_size=30).map("".join))
def test_any_text_gives_consistent_rows(text) -> None:
    for q in extract(text, "2020-03"):
        assert text[q.start : q.end] == q.text and q.start < q.end
        assert q.kind in qmod.KINDS
        if q.kind in ("date", "time"):
            assert q.resolved and math.isnan(q.value)
        else:
            assert not math.isnan(q.value) and q.resolved == ""
            assert math.isnan(q.value_low) or q.value_low <= q.value or q.qualifier
    for n in find_numbers(text):
        assert text[n.start : n.end] == n.text


# --------------------------------------------------------------------------- quantities()


def test_explicit_page_date_wins_over_the_date_column() -> None:
    frame = pd.DataFrame({"article_id": ["a"], "body": ["3月14日召开"], "date": ["2019-03"]})
    assert quantities(frame)["resolved"].tolist() == ["2019-03-14"]
    assert quantities(frame, page_date="2020-03-15")["resolved"].tolist() == ["2020-03-14"]


def test_empty_input_gives_empty_typed_frame() -> None:
    empty = quantities(pd.DataFrame({"article_id": ["a"], "body": ["没有数字。"]}))
    assert list(empty.columns) == QUANTITY_COLUMNS and empty.empty
    assert empty["value"].dtype == "float64"


def test_bad_input_raises_clear_errors() -> None:
    with pytest.raises(ValueError, match="needs article_id and body"):
        quantities(pd.DataFrame({"text": ["x"]}))
    with pytest.raises(ValueError, match="article 'a': body is float"):
        quantities(pd.DataFrame({"article_id": ["a"], "body": [float("nan")]}))
    with pytest.raises(ValueError, match="article 'a': date: expected an ISO date"):
        quantities(pd.DataFrame({"article_id": ["a"], "body": ["x"], "date": ["14/03/2020"]}))
    with pytest.raises(ValueError, match="page_date"):
        quantities(pd.DataFrame({"article_id": ["a"], "body": ["x"]}), page_date="March")


def test_malformed_resource_names_file_and_line(tmp_path, monkeypatch) -> None:
    for name in ("qualifiers.tsv", "not_quantities.txt", "subject_skip.txt"):
        (tmp_path / name).write_text((qmod.QUANTITY_RESOURCES / name).read_text("utf-8"), "utf-8")
    (tmp_path / "units.tsv").write_text(
        "# units\n个\tcount\t个\t1\tafter\n吨\tweight\t吨\t1\tbefore\n"
    )
    monkeypatch.setattr(qmod, "QUANTITY_RESOURCES", tmp_path)
    qmod._units.cache_clear()
    try:
        with pytest.raises(QuantityResourceError, match=r"units\.tsv:3: unknown kind 'weight'"):
            qmod._units()
    finally:
        qmod._units.cache_clear()


# --------------------------------------------------------------------------- shared corpus


def test_full_width_news_offsets_hold() -> None:
    import re

    from conftest import corpus_or_skip

    path = corpus_or_skip("sogoucs_sample") / "news_sohusite_xml.smarty.dat"
    docs = re.findall(r"<content>(.*?)</content>", path.read_text("utf-8"), re.S)[:40]
    frame = pd.DataFrame({"article_id": [str(i) for i in range(len(docs))], "body": docs})
    found = quantities(frame, page_date="2012-06")
    assert len(found) > 50
    for r in found.itertuples():
        assert docs[int(r.article_id)][r.start : r.end] == r.text
    assert (found["text"].str.contains("２０１２年") & (found["kind"] == "date")).any()
