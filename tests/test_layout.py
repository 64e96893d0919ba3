"""The layout stage on the sample page: exactly the six items of the acceptance list."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from analysis.ingest import read_page
from analysis.layout import ARTICLE_COLUMNS, check_conservation, load_articles, parse_page
from analysis.normalize import fold_width, locate, normalize_cells, normalize_line


@pytest.fixture(scope="module")
def layout(sample_page_path):
    return parse_page(read_page(sample_page_path))


@pytest.fixture(scope="module")
def articles(layout):
    return layout.articles


def _checked_layout(lines: list[str]):
    """The layout of a page made of ``lines``, checked to keep every character."""
    page = "\n".join(lines)
    layout = parse_page(page)
    check_conservation(page, layout)
    return layout


def test_exactly_six_items_in_page_order(articles) -> None:
    assert list(articles.columns) == ARTICLE_COLUMNS
    assert len(articles) == 6
    assert articles["kind"].tolist() == ["article", "photo_caption"] + ["article"] * 4
    assert articles["article_id"].tolist() == [f"pinghu-daily-2020-03-{i:02d}" for i in range(1, 7)]


def test_meeting_article(articles) -> None:
    a = articles.iloc[0]
    assert a.kicker == "祁海龙在全市“开展爱国卫生运动 创建全国文明城市”专项行动现场会上强调"
    assert a.title == "再掀爱国卫生运动热潮 高分争创全国文明城市"
    assert a.dateline == "本报讯"
    assert a.body.startswith(
        "3月14日上午，全市“开展爱国卫生运动 创建全国文明城市”专项行动现场会召开。"
    )
    assert a.body.endswith("进行了表态发言。")
    # the column break inside 集中会|议 is joined, not a paragraph end
    assert "进行了集中会议，研究部署了" in a.body
    assert a.body.count("\n") == 6


def test_photo_caption(articles) -> None:
    c = articles.iloc[1]
    assert c.title == "“包”打市场"
    assert c.byline == "摄影 王强 徐佳丽"
    assert c.body.startswith("近日，在位于新埭镇")
    assert c.body.endswith("保障新订单的生产。")


def test_headline_and_subtitle_after_body(articles) -> None:
    a = articles.iloc[2]
    assert a.title == "“十百千万”组合拳 常态长效惠民生"
    assert a.subtitle == "我市实施“开展爱国卫生运动、创建全国文明城市”专项行动"
    assert a.body.startswith(
        "近日，我市发布了《平湖市“开展爱国卫生运动 创建全国文明城市”专项行动实施方案》"
    )


def test_bylines_attached_to_headline(articles) -> None:
    a = articles.iloc[3]
    assert a.title == "广陈全产业链服务农业主体复产达产"
    assert a.byline == "记者 翁辰辰 / 通讯员 徐冰艳"


def test_two_line_title_and_wrapped_subtitle(articles) -> None:
    a = articles.iloc[4]
    assert a.title == "家门到厂门 “工”到自然成"
    assert a.subtitle == "平湖“驻点招工”为复工复产注入人力资本"
    assert a.body.startswith(
        "连日来，我市5个跨省“驻点招工”小组捷报频传，截至3月12日，累计发送包车132辆"
    )


def test_livestream_article_normalised(articles) -> None:
    a = articles.iloc[5]
    assert a.title == "网络直播招聘 助力复工复产"
    assert a.body.startswith("3月14日下午1时30分，2020年平湖名企网络直播招聘会准时开播。")
    assert "观看量达到16300多人次" in a.body
    assert "点赞量26600人次" in a.body


@pytest.mark.parametrize(
    "variant",
    [
        pytest.param(lambda t: t.replace("全市", "全\u200b市"), id="zero-width space in words"),
        pytest.param(lambda t: re.sub(r"\n(?=\S)", "\n\ufeff", t), id="invisible at line starts"),
        pytest.param(lambda t: t.replace("\n\n", "\n\u200b\n"), id="invisible blank lines"),
        pytest.param(lambda t: t.replace("3月 14日", "3月\u200214日"), id="en space"),
        pytest.param(lambda t: t.replace("■记 者", "■记\u2060者"), id="word joiner in a byline"),
    ],
)
def test_invisible_characters_and_odd_spaces_change_nothing(sample_page_path, variant) -> None:
    # zero-width spaces, word joiners and a BOM inside the text are dropped like whitespace
    # (and count as whitespace for conservation); spaces of other widths fold to a space
    text = sample_page_path.read_text(encoding="utf-8")
    columns = ["kind", "kicker", "title", "subtitle", "byline", "dateline", "body"]
    expected = parse_page(text, "p").articles[columns]
    changed = variant(text)
    assert changed != text
    layout = parse_page(changed, "p")
    check_conservation(changed, layout)
    pd.testing.assert_frame_equal(layout.articles[columns], expected)


def test_unplaced_table(layout) -> None:
    unplaced = layout.unplaced
    detached = unplaced[unplaced.kind == "detached_byline"]["text"].tolist()
    assert sorted(detached) == sorted(
        ["■记者 李雨婷", "■记者 居丹荔", "■记者 居丹荔", "■记者 李雨婷"]
    )
    assert unplaced[unplaced.kind == "lone_name"]["text"].tolist() == ["谢付良"]
    collapsed = unplaced[unplaced.kind == "duplicate_headline"]["text"].tolist()
    assert collapsed == ["再掀爱国卫生运动热潮", "高分争创全国文明城市"]


def test_no_body_contains_a_headline_or_byline_line(layout) -> None:
    # source lines of the headlines, bylines, lone name and caption title on the sample page
    not_body = {139, 141, 143, 145, 147, 149, 151, 246, 247, 342, 343, 344}
    not_body |= set(range(405, 415)) | {462, 463}
    paragraphs = layout.paragraphs
    body_lines = {
        line
        for source_map in paragraphs[paragraphs.field == "body"].source_map
        for _, line, _ in source_map
    }
    assert not body_lines & not_body
    bodies = "\n".join(layout.articles["body"])
    assert "■" not in bodies and "李雨婷" not in bodies and "谢付良" not in bodies


def test_every_character_is_conserved(layout, sample_page_path) -> None:
    check_conservation(sample_page_path.read_text(encoding="utf-8"), layout)


def test_offsets_map_back_to_source_line_and_column(layout, sample_page_path) -> None:
    lines = sample_page_path.read_text(encoding="utf-8").split("\n")
    paragraphs = layout.paragraphs
    body = paragraphs[(paragraphs.field == "body") & (paragraphs.article_id.str.endswith("-06"))]
    first = body.iloc[0]
    offset = first.text.index("16300") if "16300" in first.text else None
    row = body[body.text.str.contains("16300")].iloc[0]
    offset = row.text.index("16300")
    line, col = locate(row.source_map, offset)
    assert lines[line - 1][col - 1 : col + 4] == "16300"
    assert offset is not None or first is not None


@pytest.mark.parametrize(
    ("printed", "read"),
    [
        ("新华社记者 周 磊 孙 芳", "新华社记者 周磊 孙芳"),  # two names of two characters
        ("摄影 王 强 徐 佳 丽", "摄影 王强 徐佳丽"),  # the next name opens with a surname
        ("记者 李 雨 婷 王 强", "记者 李雨婷 王强"),
        ("通讯员 欧 阳 明 华", "通讯员 欧阳明华"),  # a compound surname: one name
        ("记者 王 强", "记者 王强"),
    ],
)
def test_names_spaced_out_one_character_each(printed: str, read: str) -> None:
    from analysis.layout import SURNAMES
    from analysis.normalize import normalize_folded

    pieces = normalize_folded(printed, 1, names=True, surnames=SURNAMES)
    assert "".join(piece.text for piece in pieces) == read


def test_normalisation_of_justification_and_width() -> None:
    assert (
        normalize_line("本报讯 3 月 14 日下午 1 时 30 分，2020 年", 1).text
        == "本报讯3月14日下午1时30分，2020年"
    )
    assert normalize_line("■摄影 王 强 徐佳丽", 1, names=True).text == "■摄影 王强 徐佳丽"
    assert normalize_line("■记 者 翁辰辰", 1, names=True).text == "■记者 翁辰辰"
    assert normalize_line("全年１２３人，ＨＲ部门", 1).text == "全年123人，HR部门"
    # invisible characters go wherever they stand; the source columns stay the printed ones
    invisible = normalize_line("\u200b 全\u200b市 3\u2002月", 1)
    assert invisible.text == "全市3月"
    assert invisible.source_map() == [(0, 1, 3), (1, 1, 5), (2, 1, 7), (3, 1, 9)]
    assert normalize_line("“开展爱国卫生运动 创建全国", 1).text == "“开展爱国卫生运动 创建全国"
    # a two-character name in a list of names is padded to three; a phrase keeps its space
    assert (
        normalize_line("市领导王建华、方卫平、徐 立等参加。李 明、张建国", 1).text
        == "市领导王建华、方卫平、徐立等参加。李明、张建国"
    )
    assert normalize_line("市领导王建华、徐 立", 1).text == "市领导王建华、徐立"
    # (the list's first name too, right after 领导)
    assert normalize_line("县领导周 敏、李建华等参加", 1).text == "县领导周敏、李建华等参加"
    assert normalize_line("区领导张卫东、吴 敏参加调研", 1).text == "区领导张卫东、吴敏参加调研"
    assert normalize_line("组合拳 常态长效、惠民生", 1).text == "组合拳 常态长效、惠民生"
    # a Latin word sits close to CJK, as a headline prints it; it keeps its space before a
    # number and another word
    assert (
        normalize_line("新建 5G 基站，升级 Windows 10 系统", 1).text
        == "新建5G基站，升级Windows 10系统"
    )
    # two decimals a space apart are two figures, the cells of a table's row; a number split
    # by justification is one (16 300 多人次, 1 6.5)
    assert normalize_line("黄瓜 3.20 3.60 -11.1%", 1).text == "黄瓜3.20 3.60 -11.1%"
    assert normalize_line("16 300 多人次，1 6.5 公里", 1).text == "16300多人次，16.5公里"
    # (but a count and a decimal another cell follows are two cells: 太仓港区 16 28.4 39.6%)
    assert normalize_line("太仓港区 16 28.4 39.6%", 1).text == "太仓港区16 28.4 39.6%"
    # (two times of day a space apart stay apart: 8:00—11:30 13:30—17:00)
    assert normalize_line("周一至周五 8:00—11:30 13:30—17:00", 1).text == (
        "周一至周五8:00—11:30 13:30—17:00"
    )
    # (a line read as a table's row keeps every cell apart; the layout decides which are)
    row = normalize_cells("　少儿书法  6—12岁 16 960 ", 3)
    assert row.text == "少儿书法 6—12岁 16 960"
    assert [piece.col for piece in row.pieces] == [2, 8]  # (the second space of two dropped)
    assert normalize_line("出口8 273.5亿元", 1).text == "出口8273.5亿元"
    # a number two spaces apart or more from what stands beside it is a table's cell: one space
    # stays (平湖中学  480  240), as a header's parts keep theirs (3    县 域    2021年…)
    assert normalize_line("平湖中学  480  240", 1).text == "平湖中学 480 240"
    assert normalize_line("3    要 闻    2021年6月1日", 1).text == "3 要 闻 2021年6月1日"
    # a full-width comma or stop carries its own space: a space beside it is justification
    assert (
        normalize_line("村民， 20 多名村民围坐 。2023 年", 1).text == "村民，20多名村民围坐。2023年"
    )


def test_latin_words_keep_one_space_across_a_line_break() -> None:
    page = "本报讯 今天我们讨论 open\nsource 软件的发展情况和未来趋势。\n\n开源软件\n"
    body = parse_page(page).articles.iloc[0].body
    assert "open source软件" in body


def test_load_articles_defaults_to_data_raw() -> None:
    frame = load_articles()
    assert len(frame) >= 6
    assert (frame["newspaper"] == "平湖日报").all()


def test_headline_assignment_is_the_optimal_one_to_one_matching() -> None:
    np = pytest.importorskip("numpy")
    optimize = pytest.importorskip("scipy.optimize")
    from analysis.layout import _max_assignment

    rng = np.random.default_rng(0)
    for _ in range(200):
        n_rows, n_cols = rng.integers(1, 9, 2)
        score = rng.random((n_rows, n_cols))
        rows, cols = _max_assignment(score)
        ref_rows, ref_cols = optimize.linear_sum_assignment(-score)
        assert len(rows) == min(n_rows, n_cols) == len(set(cols))
        assert score[rows, cols].sum() == pytest.approx(score[ref_rows, ref_cols].sum())
    # pages where each headline has its own clearly best body take the shortcut: same optimum
    for _ in range(200):
        n_rows = int(rng.integers(1, 9))
        n_cols = n_rows + int(rng.integers(0, 3))
        score = 0.3 * rng.random((n_rows, n_cols))
        score[np.arange(n_rows), rng.permutation(n_cols)[:n_rows]] += 1.0
        rows, cols = _max_assignment(score)
        ref_rows, ref_cols = optimize.linear_sum_assignment(-score)
        assert (list(rows), list(cols)) == (list(ref_rows), list(ref_cols))


def test_layout_makes_no_reference_cycles(sample_page_path) -> None:
    # parse_page pauses the cyclic garbage collector; that is only safe while it makes no
    # cycles. In a fresh interpreter: threads other tests leave behind make garbage of their own.
    import subprocess
    import sys
    from pathlib import Path

    script = f"""
import gc, random, sys
sys.path.insert(0, {str(Path(__file__).parent)!r})
import page_sim as ps
from analysis.ingest import read_page
from analysis.layout import parse_page
rng = random.Random(3)
fixture = ps.load_source_articles("fixture")
pages = [read_page({str(sample_page_path)!r})] + [ps.random_page(rng, fixture).text for _ in range(20)]
gc.collect()
gc.disable()
for page in pages:
    parse_page(page)
print(gc.collect())
"""
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip() == "0"


def test_empty_and_blank_text_give_no_articles() -> None:
    for text in ("", "\n", "   \n\u3000\n"):
        layout = parse_page(text)
        assert layout.article_rows == [] and layout.unplaced_rows == []


def test_kicker_above_the_title() -> None:
    # a bare date, a line set wider than the title, a plain line over a bold (doubled) title
    layout = _checked_layout(
        [
            "3月20日起",
            "我市新开通三条公交线路",
            "■记者 沈一鸣",
            "",
            "本报讯 3月20日起，我市新开通三",
            "条公交线路，市民出行更加方便。新",
            "开通的线路途经市行政中心和火车站",
            "等站点，早晚高峰每10分钟一班。",
            "",
            "临湖市召开春季农业生产推进会",
            "抢抓农时不误春耕",
            "",
            "本报讯 全市春季农业生产推进会昨",
            "天召开，会议要求各地抢抓农时，确",
            "保春耕生产不误农时，粮食播种面积",
            "稳定在28万亩以上。",
            "",
            "开学第一课",
            "校园安全教育校园安全教育",
            "",
            "本报讯 今天上午，市实验小学开展",
            "校园安全教育，消防员为同学们讲解",
            "灭火器的使用方法，交警讲解过马路",
            "时的注意事项。",
        ]
    )
    got = layout.articles[["kicker", "title", "subtitle"]].values.tolist()
    assert got == [
        ["3月20日起", "我市新开通三条公交线路", ""],
        ["临湖市召开春季农业生产推进会", "抢抓农时不误春耕", ""],
        ["开学第一课", "校园安全教育", ""],
    ]


def test_headline_body_overlap_counts_every_bigram() -> None:
    # Bigrams with characters beyond the Basic Multilingual Plane take a slower path; a bigram
    # never spans two bodies.
    from analysis.layout import _bigrams_found

    vocab = sorted(["平湖", "湖日", "𠀀字", "日报"])
    bodies = ["平湖日报消息", "𠀀字在此", "报平", ""]
    found = _bigrams_found(vocab, bodies)
    expected = [[g in body for body in bodies] for g in vocab]
    assert found.tolist() == expected
    assert not _bigrams_found(["消𠀀"], ["平湖日报消息", "𠀀字在此"]).any()


def test_headline_starting_with_benbao_is_not_a_dateline() -> None:
    # 本报… at a line end may be a dateline wrapped onto the next line (本报北京1月 | 10日电);
    # a two-line headline 本报纪念册 | 在杭首发 completes no dateline, so it stays a headline.
    page = (
        "本报讯 今天天气很好，市民纷纷外出踏青，公\n园里人来人往，热闹非凡。\n\n"
        "本报纪念册\n在杭首发\n\n"
        "本报杭州1月13日电 记录平湖百年变迁历程\n的纪念画册今天在杭州首发，受到读者欢迎。\n\n"
        "本报北京1月\n10日电 新春将至，各地市场供应充足，价格\n总体平稳。\n"
    )
    frame = parse_page(page).articles
    assert "本报纪念册 在杭首发" in set(frame["title"])  # title lines joined by a space
    assert not frame["body"].str.contains("纪念册").any()
    assert list(frame["dateline"]) == ["本报讯", "本报杭州1月13日电", "本报北京1月10日电"]


def test_running_text_that_starts_with_an_agency_name_is_no_dateline() -> None:
    # 新华社浙江分社记者… continues the paragraph above it; only a finished paragraph or a
    # dateline completed on the lines below (新华社杭州一月二十 | 三日电) opens a new article.
    layout = _checked_layout(
        [
            "本报讯 新年前夕，嘉兴各报纷纷发表社",
            "论。《嘉禾报》的评论援引了",
            "新华社浙江分社记者沈立新的新春寄语，",
            "表达了市民对新一年生活的美好期盼。",
            "",
            "副省长会见德国客商",
            "新华社杭州一月二十",
            "三日电 浙江省副省长陈立华今天在西子",
            "宾馆会见了德国客商汉斯·米勒一行。",
        ]
    )
    frame = layout.articles
    assert len(frame) == 2
    assert "《嘉禾报》的评论援引了新华社浙江分社记者沈立新的新春寄语" in frame.body[0]
    assert frame.dateline[1] == "新华社杭州一月二十三日电"
    assert frame.title[1] == "副省长会见德国客商"


def test_benbao_headline_over_a_byline_and_four_character_headlines() -> None:
    # 本报采访团… over a byline completes no dateline: a headline. 商城卫士 is four characters
    # and 商 is a surname, but only a compound surname makes a four-character lone name.
    layout = _checked_layout(
        [
            "本报讯 平湖日报采访团日前走访杭州，",
            "与多家兄弟媒体进行了交流。",
            "",
            "本报采访团走访杭州兄弟媒体",
            "■通讯员 沈斌欣",
            "",
            "本报讯 当湖街道派出所巡逻、调解、服",
            "务三管齐下，市场商户称他们为商城卫士。",
            "",
            "商城卫士",
            "",
            "欧阳明",
        ]
    )
    assert layout.articles.title.tolist() == ["本报采访团走访杭州兄弟媒体", "商城卫士"]
    assert layout.articles.byline[0] == "通讯员 沈斌欣"
    assert layout.unplaced.query("kind == 'lone_name'").text.tolist() == ["欧阳明"]


def test_author_and_fact_lines_under_a_title_are_subtitles() -> None:
    # An author line (office + name, or names only) and a statement about 我市/全市 under the
    # title are subtitles even when set no wider than the title.
    layout = _checked_layout(
        [
            "本报讯 今年全市农业要从追求产量",
            "转向品质和效益双提升。",
            "",
            "推动农业发展实现质的提升",
            "农业局局长陆建明",
            "",
            "本报讯 全市今年将安排送戏下乡300",
            "场，村里的文化礼堂热闹起来了。",
            "",
            "村里的文化礼堂热闹起来了",
            "全市今年将送戏下乡300场",
            "",
            "本报讯 南港村的三位村干部带领村民",
            "修路建厂，村民收入翻了一番。",
            "",
            "南港村的领路人",
            "顾永林陆宇峰沈国强",
            "",
            "本报讯 越剧要走向市场，也要守住艺术品格，",
            "这是记者采访中听到最多的看法。",
            "",
            "对越剧传承的几点看法",
            "嘉兴艺术研究院戏曲所研究",
            "员沈晓梅",
        ]
    )
    got = layout.articles[["title", "subtitle"]].values.tolist()
    assert got == [
        ["推动农业发展实现质的提升", "农业局局长陆建明"],
        ["村里的文化礼堂热闹起来了", "全市今年将送戏下乡300场"],
        ["南港村的领路人", "顾永林陆宇峰沈国强"],
        ["对越剧传承的几点看法", "嘉兴艺术研究院戏曲所研究员沈晓梅"],
    ]


def test_a_dash_title_naming_its_subject_stays_one_title() -> None:
    page = "\n".join(
        [
            "本报讯 沈国华教授几十年如一日研究蚕",
            "桑病害防治，取得了一批实用成果。",
            "",
            "打开蚕病防治的大门——",
            "记嘉兴农业学院教授沈国华",
        ]
    )
    frame = parse_page(page).articles
    assert frame.title[0].replace(" ", "") == "打开蚕病防治的大门——记嘉兴农业学院教授沈国华"
    assert frame.subtitle[0] == ""


def test_two_headlines_printed_without_a_blank_line_are_split_by_their_bodies() -> None:
    layout = _checked_layout(
        [
            "本报讯 市公共交通集团公司日前宣布，调整城乡公",
            "交车的票价政策，城乡公交车降价运行。",
            "",
            "本报讯 我市决定开展保护河道水体安全",
            "的行动，推广清除河道淤泥的技术，保障",
            "饮水安全。",
            "",
            "清除河道淤泥保障饮水安全",
            "市公交调整城乡公交票价政策",
        ]
    )
    assert layout.articles.title.tolist() == [
        "市公交调整城乡公交票价政策",
        "清除河道淤泥保障饮水安全",
    ]


def _column(text: str, width: int) -> list[str]:
    """``text`` hard-wrapped at ``width`` characters; as in print, a closing mark never starts
    a line but hangs at the end of the one before."""
    lines: list[str] = []
    k = 0
    while k < len(text):
        end = k + width
        while end < len(text) and text[end] in "，。、；：？！”’）》":
            end += 1
        lines.append(text[k:end])
        k = end
    return lines


def _indented_column(text: str, width: int) -> list[str]:
    """A paragraph hard-wrapped at ``width``, its first line two cells short: the indent the
    extraction lost."""
    return [text[: width - 2], *_column(text[width - 2 :], width)]


def test_a_dated_item_read_as_a_digest_is_split_off_when_the_headlines_say_so() -> None:
    # Two wire items in the same column with no headline between read as one digest, until a
    # headline nobody claimed reads like the first item while the one under the second item
    # reads only like the second: then they are two articles.
    first = (
        "新华社北京1月6日电 全市春耕备耕工作会议今天召开，会议部署了春耕备耕"
        "各项工作，要求各地抓好种子化肥供应，确保春耕生产顺利进行。"
    )
    second = (
        "新华社上海1月6日电 铁路部门今天发布春运安排，今年春运期间将加开旅客列"
        "车一百二十对，方便旅客返乡过年，车票预售期延长到三十天。"
    )
    third = "本报讯 城南小学今天举行冬季运动会，全校一千多名师生参加了比赛项目。"
    layout = _checked_layout(
        [
            *_column(first, 14),
            "",
            *_column(second, 14),
            *["", "铁路春运加开列车一百二十对", ""],
            *_column(third, 18),
            *["", "城南小学举行冬季运动会", "", "春耕备耕工作会议部署种子化肥供应"],
        ]
    )
    frame = layout.articles
    assert frame.title.tolist() == [
        "春耕备耕工作会议部署种子化肥供应",
        "铁路春运加开列车一百二十对",
        "城南小学举行冬季运动会",
    ]
    assert frame.dateline.tolist() == ["新华社北京1月6日电", "新华社上海1月6日电", "本报讯"]
    assert frame.body[1].startswith("铁路部门今天发布春运安排")


def test_a_sentence_ending_on_a_full_line_before_a_column_break_may_run_on() -> None:
    # A column of 15. 设施农业是新埭的特色产业。 opens its paragraph and fills the indented line,
    # so the blank line after it may be a column break; the next line fills the column (no
    # indent), so the paragraph runs on. The article's second chunk has no inner lines: the
    # column comes from the lines of the chunk after it.
    layout = _checked_layout(
        [
            "本报讯 新埭镇大力发展设施",
            "农业，蔬菜产值连年增长，已经形成",
            "了一批规模化基地。",
            "",
            "设施农业是新埭的特色产业。",
            "",
            "因地制宜，发挥区位优势，是新埭",
            "人在实践中逐步探索出的一条新路。",
            "",
            "当地还建起了蔬菜冷链物流园，",
            "吸引了三十多家企业入驻，带动周",
            "边村民就业增收。",
        ]
    )
    paragraphs = layout.articles.body[0].split("\n")
    assert paragraphs == [
        "新埭镇大力发展设施农业，蔬菜产值连年增长，已经形成了一批规模化基地。",
        "设施农业是新埭的特色产业。因地制宜，发挥区位优势，是新埭人在实践中逐步探索出的一条新路。",
        "当地还建起了蔬菜冷链物流园，吸引了三十多家企业入驻，带动周边村民就业增收。",
    ]


_NO_INDENT_PARAGRAPHS = (
    "近日，我市召开春耕生产工作会议，部署今年春耕备耕各项工作。",
    "会议要求，今年全市粮食播种面积要稳定在三十万亩以上，粮食产量稳中有增。",  # (a full line)
    "各镇街道要落实好种粮补贴政策，组织农技人员深入田间地头指导生产。",
    "会上，市农业农村局通报了去年粮食生产情况，三个镇作交流发言。",
)


def test_on_a_page_with_no_indents_a_full_line_ending_a_sentence_ends_its_paragraph() -> None:
    # Every paragraph's first line fills the column here (no indent lost in extraction): a
    # blank line after a full line ending a sentence is far likelier a paragraph's end than a
    # column break right after a sentence inside one.
    lines = ["本报讯"]
    for paragraph in _NO_INDENT_PARAGRAPHS:
        lines += [*_column(paragraph, 12), ""]
    layout = _checked_layout([*lines, "春耕生产工作会议召开"])
    assert layout.articles.body[0].split("\n") == list(_NO_INDENT_PARAGRAPHS)
    # where paragraphs open two short (the indent lost), the same blank line may be a column
    # break: a full line after it runs on
    lines = ["本报讯"]
    for k, paragraph in enumerate(_NO_INDENT_PARAGRAPHS):
        first, rest = (paragraph[:10], paragraph[10:]) if k != 2 else ("", paragraph)
        lines += [*([first] if first else []), *_column(rest, 12), ""]
    layout = _checked_layout([*lines, "春耕生产工作会议召开"])
    paragraphs = layout.articles.body[0].split("\n")
    assert paragraphs[1] == _NO_INDENT_PARAGRAPHS[1] + _NO_INDENT_PARAGRAPHS[2]


def test_who_said_a_quotation_runs_on_after_a_break_under_it() -> None:
    # …下降了40%。” | (break) | 企业负责人告诉记者。: one sentence, whatever the widths say;
    # 他表示，… would open a paragraph of its own
    quote = "“通过数字化改造，我们的生产效率提高了三成，产品的不良率下降了近四成。”"
    for said, runs_on in (("企业负责人告诉记者。", True), ("他表示，企业还将加大投入。", False)):
        lines = ["本报讯"]
        for paragraph in _NO_INDENT_PARAGRAPHS[:1]:
            lines += [*_column(paragraph, 12), ""]
        lines += [*_column(quote, 12), "", said, "", *_column(_NO_INDENT_PARAGRAPHS[3], 12)]
        layout = _checked_layout([*lines, "", "数字化改造提质增效"])
        paragraphs = layout.articles.body[0].split("\n")
        assert (quote + said in paragraphs) is runs_on, paragraphs


def test_a_line_one_cell_short_before_an_opening_mark_may_be_full() -> None:
    # “ never ends a line: …签约率达100%。 ends a cell short for it, and the full line after
    # the break (no lost indent) runs on
    layout = _checked_layout(
        [
            "本报讯 近日，新埭镇完成",
            "2021 年度农村宅基地“房票”安置",
            "签约工作，共有 87 户农户自愿选择",
            "“房票”安置，签约率达100%。",
            "",
            "“房票”安置让农户有了更多选择，",
            "既可以在镇区购买商品房，也可以",
            "在全市范围内选房。",
            "",
            "新埭87户农户选择“房票”安置",
        ]
    )
    assert layout.articles.body[0].count("\n") == 0, layout.articles.body[0]


def test_one_full_line_between_two_column_breaks_runs_on() -> None:
    # 朱阿姨一边擦汗一边说，她负责的 fills the column and ends no sentence: no paragraph opens
    # there, though the line above closed a quotation
    layout = _checked_layout(
        [
            "本报讯 清晨5点，天刚蒙蒙亮，环",
            "卫工人朱阿姨已经骑着三轮车来到",
            "了负责的路段。扫地、捡拾垃圾、",
            "清理果皮箱，一套动作下来，她的",
            "衣服已经被汗水浸湿。",
            "",
            "“天热了，我们就早点出来，",
            "趁太阳还没那么毒的时候多干点活。”",
            "",
            "朱阿姨一边擦汗一边说，她负责的",
            "",
            "这段路有1.5公里长，每天要来回",
            "清扫好几遍。",
            "",
            "烈日下的“城市美容师”",
        ]
    )
    paragraphs = layout.articles.body[0].split("\n")
    assert paragraphs[1].endswith(
        "多干点活。”朱阿姨一边擦汗一边说，她负责的这段路有1.5公里长，每天要来回清扫好几遍。"
    )


def test_short_lines_holding_numbers_do_not_start_a_new_article() -> None:
    # Numbers are not broken across lines, so a line before one ends short (陈国平套取公款总计)
    # and a line holding one measures short (half-width digits): the column has not changed.
    layout = _checked_layout(
        [
            "本报嘉兴电 2012年至2018",
            "年6月间，陈国平与原某县拆迁安置",
            "办公室补偿科原副科长朱建民等人结",
            "伙，利用在拆迁补偿工作中的职务之",
            "便，套取公款1652473元。",
            "",
            "陈国平套取公款总计",
            "650000余元，立案后已追回的赃款、",
            "",
            "物共计280000余元，审理期间主",
            "动退缴剩余赃款370000元。朱建",
            "民套取公款412376元，已全部",
            "追回。",
        ]
    )
    assert len(layout.articles) == 1
    assert layout.articles.body[0].endswith(
        "陈国平套取公款总计650000余元，立案后已追回的赃款、物共计280000余元，审理期间主动退缴剩余"
        "赃款370000元。朱建民套取公款412376元，已全部追回。"
    )


def test_a_paragraph_opening_cut_by_a_column_break_over_digit_lines_stays_in_the_body() -> None:
    # 会议通报了今年以来全市 (an indented first line, 11 of 13) is cut from its paragraph by a
    # column break; the lines after it hold digits, which take half a cell, so they measure
    # short of the column that their first line fills
    layout = _checked_layout(
        [
            "本报讯 3月19日，全市重",
            "大项目建设推进会召开。市委",
            "书记沈建华在会上强调，要坚",
            "持项目为王，推动发展提速。",
            "",
            "会议通报了今年以来全市",
            "",
            "重大项目推进情况。截至目前",
            "全市123个省市县长项目已复",
            "工118个，复工率达95.9%，",
            "完成投资36.7亿元。",
            "",
            "以项目大突破推动发展大提速",
        ]
    )
    (article,) = layout.articles.itertuples()
    assert article.title == "以项目大突破推动发展大提速"
    assert article.body.split("\n")[1].startswith("会议通报了今年以来全市重大项目推进情况。")


def test_two_headlines_stacked_with_no_blank_line_between_are_split_by_their_bodies() -> None:
    # The first story's headline (after its body) and the second's (before its body) touch;
    # each part reads like one body, and the upper part shares a word (处理) with the other body
    one = (
        "本报讯 嘉兴农科院专家日前发现，一种光合细菌能更高效地处理养殖尾水，处理费用比常规方法低"
        "三成，已在新埭两家养殖场试用。"
    )
    two = (
        "本报讯 我市日前向群众发放问卷，请企业和广大群众评议各部门作风，收集建议两千余条，已处理一"
        "千余条，赢得了群众好评。"
    )
    layout = _checked_layout(
        [
            *_column(one, 16),
            "",
            "用光合细菌",
            "处理养殖水",
            "我市问卷收集建议",
            "请群众评议部门作风",
            "■记者 王强",
            *_column(two, 14),
        ]
    )
    got = layout.articles[["title", "subtitle", "byline"]].values.tolist()
    # (a statement about the town over a plain line of its width: title and subtitle)
    assert got == [
        ["用光合细菌 处理养殖水", "", ""],
        ["我市问卷收集建议", "请群众评议部门作风", "记者 王强"],
    ]


def test_a_story_set_wider_than_the_one_before_is_read_in_its_own_column() -> None:
    # The second story's opening chunks are two lines each (cut by column breaks); the column
    # of the story before (16) no longer holds, so its three comma-filled lines of 24 are no
    # headline set wider than the column
    layout = _checked_layout(
        [
            "本报讯 记者从市气象台获悉，",
            "受暖湿气流影响，本周后期我市气温",
            "将明显回升，4月17日至19日最高气",
            "温可达26℃至28℃。",
            "",
            "气象专家提醒，近期早晚温差较",
            "大，市民要注意适时增减衣物。",
            "",
            "本周后期气温明显回升",
            "",
            "本报讯 “以前在药店买药，医保卡里的钱不够还",
            "得先垫付，现在直接就结算了。”4月15日，在城中一",
            "",
            "家连锁药店，市民王先生刷医保卡买了一盒降压药，整",
            "个过程不到一分钟。",
            "",
            "从4月1日起，我市实现医保“一站式”结算全覆盖，",
            "全市２１８家医保定点零售药店全部接入省医保信息平",
            "台，参保人员在定点药店购药可直接刷卡结算，个人账",
            "",
            "户不足部分再由个人支付，无需先垫资再报销。",
            "",
            "市医保局相关负责人介绍，此次改革重点解决了慢",
            "性病患者购药不便的问题。全市目前有高血压、糖尿病",
            "等慢性病参保人员4.6万人，过去他们需要到医院开药，",
            "排队时间长、往返不方便。",
            "",
            "医保“一站式”结算覆盖全部定点药店",
            "■记者 孙 倩",
        ]
    )
    got = layout.articles[["title", "dateline"]].values.tolist()
    assert got == [
        ["本周后期气温明显回升", "本报讯"],
        ["医保“一站式”结算覆盖全部定点药店", "本报讯"],
    ]
    assert layout.articles.body[1].count("\n") == 2


def test_a_line_between_a_finished_paragraph_and_a_new_one_is_a_headline() -> None:
    # 老师，你的假期过得好吗 has a comma and no sentence end; it runs on into nothing, since the
    # chunk after it opens a paragraph (its first line is indented): a headline.
    layout = _checked_layout(
        [
            "本报讯 论坛闭幕后发布了联合倡议，商定202",
            "5年和2026年的年会分别在湖州和张家港市举行。",
            "",
            "老师，你的假期过得好吗",
            "",
            "今年的寒假和春节挨得特别近。刚刚",
            "进入2026年，校园里就处处洋溢着过节的",
            "气氛。元旦刚过，还没来得及在校园版上",
            "向忙碌了一学期的老师们道声辛苦。",
        ]
    )
    frame = layout.articles
    assert frame.title.tolist() == ["", "老师，你的假期过得好吗"]
    assert frame.body[1].startswith("今年的寒假和春节挨得特别近。")


def test_lines_running_into_a_dateline_or_the_page_end_are_a_headline() -> None:
    # Commas and a dash, no sentence end: body text would run on, but a dateline opens the
    # next article, and the last headline ends the page.
    layout = _checked_layout(
        [
            "本报讯 乍浦是平湖东南的一个海滨古镇，升旗",
            "仪式每天清晨举行，引来不少游客观看。",
            "",
            "海塘边，一面国旗升起——",
            "乍浦海塘清晨升旗仪式观礼记",
            "",
            "本报讯 近来，有地没人种、有人没地种的现象",
            "在部分乡村较为突出，值得认真思考。",
            "",
            "『有地没人种，",
            "有人没地种』探因",
        ]
    )
    titles = [t.replace(" ", "") for t in layout.articles.title]
    assert titles == [
        "海塘边，一面国旗升起——乍浦海塘清晨升旗仪式观礼记",
        "『有地没人种，有人没地种』探因",
    ]


def test_a_short_label_over_a_longer_title_is_its_kicker() -> None:
    # 开学第一课 over 校园安全教育“不打烊” (same chunk) and 文化惠民 a blank line above its title
    # are kickers; a title wrapped into balanced lines (村民呼吁增 | 设公交站点) is not, nor is a
    # first line that only digits make look short (2025嘉兴 | 十大科技成果).
    layout = _checked_layout(
        [
            "本报讯 今天上午，市实验小学开展校园安全教育。",
            "",
            "开学第一课",
            "校园安全教育“不打烊”",
            "",
            "本报讯 全市今年将安排送戏下乡三百场，村里的",
            "文化礼堂热闹起来了。",
            "",
            "文化惠民",
            "",
            "村里的文化礼堂热闹起来了",
            "",
            "本报讯 村民十五日向市交通运输局反映诉求。",
            "",
            "村民呼吁增",
            "设公交站点",
            "",
            "本报讯 嘉兴市科协评出二零二五年十大科技成果。",
            "",
            "2025嘉兴",
            "十大科技成果",
        ]
    )
    got = [[k, t.replace(" ", "")] for k, t in layout.articles[["kicker", "title"]].values]
    assert got == [
        ["开学第一课", "校园安全教育“不打烊”"],
        ["文化惠民", "村里的文化礼堂热闹起来了"],
        ["", "村民呼吁增设公交站点"],
        ["", "2025嘉兴十大科技成果"],
    ]


def test_a_short_label_over_a_title_and_its_dash_subtitle_is_the_kicker() -> None:
    # The ——subtitle under the title is no part of the kicker's evidence, whether the label
    # stands in the title's chunk or a blank line above it.
    story = [*_column(_SPRING_STORY, 14), ""]
    for gap in ([], [""]):
        layout = _checked_layout(
            [*story, "重大项目建设", *gap, "今年交通建设投入28亿元", "——全力打造“半小时交通圈”"]
        )
        got = layout.articles[["kicker", "title", "subtitle"]].values.tolist()
        assert got == [["重大项目建设", "今年交通建设投入28亿元", "——全力打造“半小时交通圈”"]], gap


def test_a_plain_line_right_under_a_bold_title_is_its_subtitle() -> None:
    # PDF fake bold prints the title twice; the plain line under it, no blank line between,
    # is the subtitle even when it is no wider than the title
    layout = _checked_layout(
        [
            *_column(_SPRING_STORY, 14),
            "",
            "今年交通建设投入28亿元今年交通建设投入28亿元",
            "全力打造“半小时交通圈”",
        ]
    )
    got = layout.articles[["title", "subtitle"]].values.tolist()
    assert got == [["今年交通建设投入28亿元", "全力打造“半小时交通圈”"]]
    assert layout.unplaced.kind.tolist() == ["duplicate_headline"]


@pytest.mark.parametrize("gap", [" ", "  ", "\u3000", "\t"])
def test_a_title_printed_twice_with_a_gap_between_the_copies_is_collapsed(gap: str) -> None:
    # the extraction may print a gap between the two copies of a fake-bold line
    title = "今年交通建设投入28亿元"
    layout = _checked_layout(
        [*_column(_SPRING_STORY, 14), "", title + gap + title, "全力打造“半小时交通圈”"]
    )
    got = layout.articles[["title", "subtitle"]].values.tolist()
    assert got == [[title, "全力打造“半小时交通圈”"]]
    unplaced = layout.unplaced
    assert unplaced[unplaced.kind == "duplicate_headline"].text.tolist() == [title]


def test_a_line_ending_on_a_particle_is_no_kicker() -> None:
    # 烈日下的 wants what comes after it: one title broken after 的, not a label over a title
    layout = _checked_layout([*_column(_SPRING_STORY, 14), "", "烈日下的", "“城市美容师”"])
    assert layout.articles[["kicker", "title"]].values.tolist() == [["", "烈日下的 “城市美容师”"]]


@pytest.mark.parametrize(
    ("caption", "title", "credit"),
    [
        # a title right on its text, the credit closing it in brackets
        (
            [
                "甜瓜抢“鲜”上市",
                " 5月11日，在广陈镇",
                "龙萌村的甜瓜种植基地，",
                "农户正在采摘成熟的甜瓜。",
                "（记者 徐佳丽 摄）",
            ],
            "甜瓜抢“鲜”上市",
            "记者 徐佳丽 摄",
        ),
        # an agency's credit for another agency's picture, the title after it
        (
            [
                " 这是当地时间5日在内罗毕",
                "拍摄的一处疫苗接种点，民众",
                "排队等候接种。",
                "新华社发 美联社照片",
                "",
                "排队接种",
            ],
            "排队接种",
            "新华社发 美联社照片",
        ),
    ],
)
def test_a_captions_title_and_credit(caption: list[str], title: str, credit: str) -> None:
    layout = _checked_layout([*_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕", "", *caption])
    last = layout.articles.iloc[-1]
    assert (last.kind, last.title, last.byline) == ("photo_caption", title, credit)
    assert last.body[:2] in ("5月", "这是")  # (the title out of the text, its space gone)


def test_a_continued_storys_headline_over_its_jump_line() -> None:
    # the headline printed right over （上接第1版）: the continued story's title, the jump line
    # furniture, the text its body
    story = _column(_SPRING_STORY.removeprefix("本报讯 "), 13)
    layout = _checked_layout(["抢抓农时不误春耕 全力以赴夺丰收", "（上接第1版）", *story])
    (article,) = layout.articles.itertuples()
    assert article.title == "抢抓农时不误春耕 全力以赴夺丰收"
    assert article.body == "".join(story)
    assert layout.unplaced.text.tolist() == ["（上接第1版）"]


def test_a_list_or_table_under_a_line_announcing_it_stays_in_the_story() -> None:
    # each item a paragraph of its own; the story goes on after the list, in its column
    intro = "为方便市民就近进行核酸检测，3月14日起，我市在市区新增5个便民核酸采样点。"
    after = "市卫健委提醒，采样时请全程佩戴口罩，保持1米以上间距，服从现场工作人员安排。"
    sites = [
        "南湖区建设街道便民服务中心",
        "南湖区新兴街道文化活动中心",
        "经开区城南街道便民服务中心",
    ]
    rows = ["排名 镇（街道） 得分", "1 武原街道 96.8", "2 沈荡镇 95.2", "3 澉浦镇 94.7"]
    for announced, items in (("新增采样点具体如下：", sites), ("各镇（街道）排名如下：", rows)):
        for gap in ([], [""]):  # (the list right under the line, or a blank line between)
            layout = _checked_layout(
                [
                    "本报讯",
                    *_column(intro, 17),
                    "",
                    announced,
                    *gap,
                    *items,
                    "",
                    *_column(after, 17),
                    "",
                    "市区新增5个便民核酸采样点",
                ]
            )
            (article,) = layout.articles.itertuples()
            # (justification spaces go: 1 武原街道 96.8 -> 1武原街道96.8)
            got = [paragraph.replace(" ", "") for paragraph in article.body.split("\n")]
            want = [intro, announced, *items, after]
            assert got == [p.replace(" ", "") for p in want], (announced, gap)


def test_a_byline_between_its_headline_and_its_body_is_the_articles() -> None:
    # headline, byline and body one above another, blank lines between: the byline is the
    # article's; under a headline of the story above, it says nothing of either
    story = _column(_SPRING_STORY, 14)
    layout = _checked_layout(["抢抓农时不误春耕", "", "■记 者 陆晓峰", "", *story])
    assert layout.articles[["title", "byline"]].values.tolist() == [
        ["抢抓农时不误春耕", "记者 陆晓峰"]
    ]
    other = _column("本报讯 昨天，城南小学举行冬季运动会，全校六百多名师生参加了比赛。", 16)
    layout = _checked_layout([*story, "", "抢抓农时不误春耕", "", "■记 者 陆晓峰", "", *other])
    assert layout.articles.byline.tolist() == ["", ""]
    assert layout.unplaced.kind.tolist().count("detached_byline") == 1


def test_a_notice_signed_by_two_bodies_and_a_date() -> None:
    # 桐乡报社 | 桐乡市作家协会 | 2020年8月26日 under the notice: its close, a paragraph a line
    notice = _column("本报讯 即日起开展“我的小康生活”主题征文活动，欢迎广大读者踊跃投稿。", 16)
    layout = _checked_layout(
        [
            "“我的小康生活”征文启事",
            "",
            *notice,
            "",
            "联系电话：0573-88121234",
            "",
            "桐乡报社",
            "桐乡市作家协会",
            "2020年8月26日",
        ]
    )
    (article,) = layout.articles.itertuples()
    assert article.body.split("\n")[-4:] == [
        "联系电话：0573-88121234",
        "桐乡报社",
        "桐乡市作家协会",
        "2020年8月26日",
    ]


@pytest.mark.parametrize(
    "title",
    [
        ("城区12个路口信号灯", "将实现智能化"),
        ("全市新冠疫苗接种", "超68万剂次"),
        ("平湖首条跨省公交", "开通运营"),
        ("城南出土的一口古井", "可能建于明代中期"),
    ],
)
def test_a_title_broken_before_its_predicate_is_one_title(title: tuple[str, str]) -> None:
    # the subject over what it does (将…, 超68万…, …运营): one clause, not a kicker over a title
    layout = _checked_layout([*_column(_SPRING_STORY, 14), "", *title])
    assert layout.articles[["kicker", "title"]].values.tolist() == [["", " ".join(title)]]


def test_a_short_title_over_another_headline_is_no_subhead() -> None:
    # 秋收农机忙 颗粒要归仓 (two phrases, a space between, as subheads are set) over a headline
    # block, not over a paragraph: the story's title, and the block under it another's
    story = _column(_SPRING_STORY, 18)
    layout = _checked_layout(
        [
            *story,
            "",
            "秋收农机忙 颗粒要归仓",
            "",
            "从“后进村”到“网红村”",
            "——新埭镇鱼圻塘村的蝶变之路",
        ]
    )
    assert layout.articles.body[0] == "".join(story).removeprefix("本报讯 ")
    assert "秋收农机忙 颗粒要归仓" not in layout.articles.body[0]


def test_a_story_cut_mid_sentence_by_a_brief_set_between_its_columns_goes_on_after_it() -> None:
    # …配备 | (a brief: its title, its 本报…讯 text in a column of its own) | 空调、冰箱…: the
    # story resumes in its column; the brief's title is no part of it
    story = [
        "本报讯 8月29日下午2点，室外温度",
        "计显示37℃。在新华路上，环卫工人徐金",
        "宝正推着保洁车清扫路面，汗水早已浸透",
        "了他的橘色工作服。",
        "",
        "今年夏天，市环卫部门调整了一线环",
        "卫工人的作业时间，避开中午高温时段，",
        "并在城区设置了15个“环卫驿站”，配备",
    ]
    brief = [
        "全市中小学9月1日开学",
        "",
        "本报 8月 29日讯 今天，",
        "市教育局召开2022年秋季开学",
        "工作会议。今年秋季，全市中",
        "小学、幼儿园将于 9月 1日正式",
        "开学，在校学生约7.6万人。",
    ]
    rest = ["空调、冰箱和防暑药品，供环卫工人歇脚", "纳凉，还为他们送去了清凉饮品。"]
    layout = _checked_layout([*story, "", *brief, "", *rest, "", "烈日下，他们坚守岗位"])
    bodies = layout.articles.body.tolist()
    assert bodies[0].endswith(
        "配备空调、冰箱和防暑药品，供环卫工人歇脚纳凉，还为他们送去了清凉饮品。"
    )
    assert layout.articles.title.tolist() == ["烈日下，他们坚守岗位", "全市中小学9月1日开学"]
    assert bodies[1].startswith("今天，市教育局") and bodies[1].endswith("约7.6万人。")


def test_a_box_label_inside_a_storys_column_break_is_no_part_of_its_text() -> None:
    # …在小区内 | 小贴士 | (the box's text): the label heads the box, never runs on the story
    story = [
        "本报讯 今年以来，城南社区实行“定时定",
        "点”投放，撤除楼道垃圾桶，在小区内",
    ]
    box = [
        "厨余垃圾投放前应沥",
        "干水分，去除塑料袋等包",
        "装物；大骨头、贝壳等不",
        "易腐烂的应投入其他垃圾",
        "桶。",
    ]
    layout = _checked_layout([*story, "", "小贴士", "", *box, "", "积分兑换让分类成为习惯"])
    assert not any("小贴士" in body for body in layout.articles.body)


def test_a_news_sites_dateline() -> None:
    # 新华网杭州5月8日电（记者 王明）: a dateline like 新华社's, not the body's first words
    layout = _checked_layout(
        [
            "新华网杭州5月8日电（记者 王明）",
            "浙江省今天启动夏季防汛演练，全省十一",
            "个地市同步开展抢险救援和人员转移科",
            "目。",
            "",
            "浙江启动夏季防汛演练",
        ]
    )
    (article,) = layout.articles.itertuples()
    assert article.dateline == "新华网杭州5月8日电（记者 王明）"
    assert article.body.startswith("浙江省今天")


def test_a_plain_line_between_two_headlines_over_a_bold_title_is_its_kicker() -> None:
    # the story above's headline, then 市教育局发布暑期提醒 on its own, then the title printed
    # twice: the plain line is the bold title's kicker, as the sample's lead has it
    title = "暑期游泳切莫去野外水域"
    story = _column(_SPRING_STORY, 14)
    other = _column("本报讯 暑期将至，市教育局提醒家长看护好孩子，不去野外水域游泳。", 18)
    layout = _checked_layout(
        [*story, "", "抢抓农时不误春耕", "", "市教育局发布暑期提醒", "", title + title, "", *other]
    )
    got = layout.articles[["kicker", "title"]].values.tolist()
    assert got == [["", "抢抓农时不误春耕"], ["市教育局发布暑期提醒", title]]


def test_a_colon_or_semicolon_on_a_line_clearly_short_ends_its_paragraph() -> None:
    # 通知要求： three cells short of the column, a blank line, a line two short (a lost
    # indent): a paragraph ends there, no column break (that follows a full line)
    paragraphs = [
        "本报讯 市住建局日前发出通知，进一步规范小区充电桩建设秩序。为此，通知要求：",
        "从今年5月1日起，除经过专门审核同意外，一律不准私自安装充电桩；",
        "未经验收，各物业企业不得将新建的充电桩投入使用。",
    ]
    lines: list[str] = []
    for paragraph in paragraphs:
        first, rest = (paragraph, "") if not lines else (paragraph[:19], paragraph[19:])
        lines += (
            [*_column(first, 21), *_column(rest, 21), ""] if lines else [*_column(first, 21), ""]
        )
    layout = _checked_layout([*lines, "小区充电桩建设再规范"])
    got = [p.replace(" ", "") for p in layout.articles.body[0].split("\n")]
    assert got == [p.removeprefix("本报讯 ") for p in paragraphs]


def test_a_headline_under_detached_bylines_is_no_subtitle_of_the_one_over_them() -> None:
    # a photo's title, two detached bylines, then a story's headline over its own body (the
    # page sets headlines first): two headlines, not a title and its subtitle
    story = _column(_SPRING_STORY, 16)
    layout = _checked_layout(
        [
            " 4月13日，在林埭镇徐",
            "家埭村，农机手驾驶插秧机",
            "在田间育秧。",
            "■通讯员 何 涛 摄",
            "",
            "育秧正当时",
            "",
            "■记者 陆佳慧",
            "",
            "■记者 钱 欣",
            "",
            "抢抓农时不误春耕",
            "■记 者 翁辰辰",
            "",
            *story,
        ]
    )
    got = layout.articles[["kind", "title", "subtitle"]].values.tolist()
    assert got == [["photo_caption", "育秧正当时", ""], ["article", "抢抓农时不误春耕", ""]]


def test_the_body_issuing_a_notice_under_its_close_is_its_signature() -> None:
    # 特此通知。 | 市体育彩票管理中心 wrapped at the column: the notice's last paragraph, not a
    # headline over the next story
    notice = _column(
        "本报讯 经确认，原定本周六举行的两场比赛推迟至下周进行，相关竞猜场次作相应调整。", 12
    )
    layout = _checked_layout(
        [*notice, "", "特此通知。", "", "嘉兴市平湖区体育彩票", "管理中心", "", "竞猜场次调整"]
    )
    (article,) = layout.articles.itertuples()
    assert article.title == "竞猜场次调整"
    assert article.body.split("\n")[-2:] == ["特此通知。", "嘉兴市平湖区体育彩票管理中心"]


@pytest.mark.parametrize(
    ("headline", "want"),
    [
        # “烟火气”又回来了 is the title's second line, as wide as the first but for its
        # quotation marks; the wider lines under it are the subtitle
        (
            ["老街夜市重开", "“烟火气”又回来了", "东湖老街夜间经济带动消费", "日均客流超万人次"],
            ["", "老街夜市重开 “烟火气”又回来了", "东湖老街夜间经济带动消费日均客流超万人次"],
        ),
        # the sample's 家门到厂门 | “工”到自然成 | 平湖“驻点招工”… shape with a line half as wide
        # again under a short one: a title of two lines, not a kicker over a title
        (
            [
                "山海相约",
                "九龙山人气旺",
                "九龙山景区周末日均接待游客超1.2万",
                "人次民宿预订率超过八成",
            ],
            [
                "",
                "山海相约 九龙山人气旺",
                "九龙山景区周末日均接待游客超1.2万人次民宿预订率超过八成",
            ],
        ),
    ],
)
def test_two_title_lines_over_a_wider_subtitle(headline: list[str], want: list[str]) -> None:
    layout = _checked_layout([*_column(_SPRING_STORY, 14), "", *headline])
    assert layout.articles[["kicker", "title", "subtitle"]].values.tolist() == [want]


def test_a_commentary_signed_under_its_last_paragraph() -> None:
    # 本报评论员 a blank line under the text (the page sets headlines first): the commentary's
    # byline, not a detached one
    text = _column("关心困难群众的冷暖，是党员干部的分内之事。让我们行动起来，温暖寒冬。", 16)
    layout = _checked_layout(["把困难群众冷暖放心上", "", *text, "", "本报评论员"])
    assert layout.articles.byline.tolist() == ["本报评论员"]
    assert "detached_byline" not in layout.unplaced.kind.tolist()


def test_a_total_in_figures_under_a_title_is_its_subtitle() -> None:
    # 总投资48.6亿元 says no more than a sum: not a title under a kicker set wider, but the
    # subtitle; it may close a subtitle of two lines, found where the lines widen
    story = _column(_SPRING_STORY, 14)
    for headline, want in (
        (
            ["独山港镇6个项目集中签约", "总投资48.6亿元"],
            ["", "独山港镇6个项目集中签约", "总投资48.6亿元"],
        ),
        (
            ["“云招商”按下“快进键”", "一季度我市签约亿元以上项目18个", "总投资超150亿元"],
            ["", "“云招商”按下“快进键”", "一季度我市签约亿元以上项目18个总投资超150亿元"],
        ),
    ):
        layout = _checked_layout([*story, "", *headline])
        assert layout.articles[["kicker", "title", "subtitle"]].values.tolist() == [want]


def test_a_short_label_in_quotation_marks_is_the_kicker() -> None:
    # the quotation marks do not count against a short label (聚焦“三服务”: five characters)
    layout = _checked_layout(
        [*_column(_SPRING_STORY, 14), "", "聚焦“三服务”", "“店小二”跑出审批加速度"]
    )
    got = layout.articles[["kicker", "title"]].values.tolist()
    assert got == [["聚焦“三服务”", "“店小二”跑出审批加速度"]]


def test_an_author_signs_a_feature_with_a_marker_or_a_slash() -> None:
    essay = "每到清明前后，外婆总要做上一大锅青团。小时候，我最喜欢守在灶台边，看外婆揉团子。"
    for signature, byline in (
        ("□沈洁", "沈洁"),
        ("■沈 洁", "沈洁"),
        ("文/沈 洁", "文/沈洁"),
        ("■文/沈洁", "文/沈洁"),
    ):
        layout = _checked_layout([*_column(essay, 14), "", "外婆的青团", signature])
        got = layout.articles[["title", "byline"]].values.tolist()
        assert got == [["外婆的青团", byline]], signature


def test_an_unclaimed_headline_under_a_short_label_reading_like_its_body_takes_the_label() -> None:
    layout = _checked_layout(
        [
            "本报3月16日讯 今天上午，市实验小学的开学第",
            "一课是校园安全教育，消防员讲解灭火器的用法。",
            "",
            "开学第一课",
            "",
            "校园安全教",
            "育“不打烊”",
        ]
    )
    a = layout.articles.iloc[0]
    assert (a.kicker, a.title.replace(" ", "")) == ("开学第一课", "校园安全教育“不打烊”")


def test_a_headline_line_printed_right_above_its_body_is_split_off() -> None:
    # No blank line between the title and the body: a short line that ends no sentence over a
    # far wider one is a headline line, not the body's first line.
    layout = _checked_layout(
        [
            "本报讯 研讨会是由市科协和市慈善基金会举办的。",
            "",
            "少讲空话",
            "新埭镇副镇长沈立明，在近日的一次会",
            "议上批评个别干部讲空话，认为这也是一种",
            "作风问题。他说：“今后不论是开会还是写",
            "稿，都要直奔主题。”",
        ]
    )
    frame = layout.articles
    assert frame.title.tolist() == ["", "少讲空话"]
    assert frame.body[1].startswith("新埭镇副镇长沈立明")


def test_a_stacked_headline_splits_when_one_part_reads_only_somewhat_like_its_body() -> None:
    # The upper title reads strongly like the first body; the lower one only somewhat like the
    # second, which no other headline claims: two headlines, not one.
    layout = _checked_layout(
        [
            "本报讯 近三百家外资企业落户平湖，不少外资企业在几番考察之后，",
            "决定继续扩大投资规模。",
            "",
            "本报讯 一九五八年三月，沈阿福、陆金根为当湖竹器合作社刻印的社",
            "刊《竹器社通讯》在镇上发行，那是难以忘怀的岁月。",
            "",
            "近三百家外资企业落户平湖",
            "1958年：难以忘怀的日子《竹器社通讯》",
        ]
    )
    titles = layout.articles.title.tolist()
    assert titles == ["近三百家外资企业落户平湖", "1958年：难以忘怀的日子《竹器社通讯》"]


def test_a_dateline_keeps_a_long_credit_with_a_comma_in_brackets() -> None:
    page = "\n".join(
        [
            "新华社杭州3月15日电（浙江人民",
            "广播电台记者沈涛，新华社记者朱",
            "文斌、陆振华）省农业厅长陈华今",
            "天下午会见了全省农业技术推广工",
            "作会议代表。",
        ]
    )
    frame = parse_page(page).articles
    assert (
        frame.dateline[0]
        == "新华社杭州3月15日电（浙江人民广播电台记者沈涛，新华社记者朱文斌、陆振华）"
    )
    assert frame.body[0].startswith("省农业厅长陈华")


def test_a_dateline_credit_cut_after_its_role_keeps_the_names_apart_and_squeezed() -> None:
    # the line break after 记者 parts the role from the names, as a space does on one line;
    # names spaced out by justification are squeezed, two names kept apart
    for first, second, credit in (
        ("本报嘉兴5月6日讯（记者", "陆 鸣）6日，全市首个", "（记者 陆鸣）"),
        ("新华社上海5月6日电（记者", "许 晴 郑 涛）记者6日从", "（记者 许晴 郑涛）"),
        ("本报讯（记者 方 圆 通讯员", "沈 佳）近日，全市首个", "（记者 方圆 通讯员 沈佳）"),
    ):
        page = [
            first,
            second,
            "智慧菜场在城东开业，市民扫",
            "码即可查询每种蔬菜的产地和",
            "检测结果。",
        ]
        dateline = _checked_layout(page).articles.dateline[0]
        assert dateline.endswith(credit), dateline


def test_a_commentary_signed_with_its_authors_post_ends_at_the_signature() -> None:
    # a name alone under the last sentence and the author's note under it sign the piece: the
    # column's name and title after them are its headline, not more text
    text = "城市的温度，往往藏在一条条背街小巷里。把小巷修好、管好，居民的日子就会更舒心。"
    page = [
        *_column(text, 16),
        "韩立新",
        "（作者系市社会科学院研究员）",
        "",
        "人民时评",
        "小巷里的城市温度",
    ]
    row = _checked_layout(page).articles.iloc[0]
    assert (row.kicker, row.title) == ("人民时评", "小巷里的城市温度")
    assert row.byline == "韩立新 / （作者系市社会科学院研究员）"
    assert row.body == text


def test_a_fact_ending_in_a_count_under_a_title_is_its_subtitle() -> None:
    # the second line says how much, a clause of its own: a subtitle of about the title's width;
    # a line opening inside a word cut by the break (…去 | 年…) is the title wrapped
    text = "本报讯 国庆长假期间，南河头历史街区人气火爆，各类文旅活动吸引大批市民游客。"
    for headline, title, subtitle in (
        (
            ["老街文旅活动人气旺", "七天接待市民游客6.8万人次"],
            "老街文旅活动人气旺",
            "七天接待市民游客6.8万人次",
        ),
        (
            ["市科技特派员服务团服务农户去", "年创造直接经济效益2.6亿元"],
            "市科技特派员服务团服务农户去 年创造直接经济效益2.6亿元",
            "",
        ),
    ):
        row = _checked_layout([*_column(text, 16), "", *headline]).articles.iloc[0]
        assert (row.title, row.subtitle) == (title, subtitle)


def test_a_quotation_closing_with_its_pair_hanging_opens_a_paragraph_after_a_break() -> None:
    # 。” hangs whole past the margin: the line's text is two short of the column (its indent),
    # so after a full line ending a sentence the blank line ends a paragraph, not a column
    page = [
        "本报讯 新校区昨天正式启用，学校在校",
        "门外专门设置了家长接送区和临时停车区。",
        "",
        "“新学校的图书馆特别大，我真喜欢呀。”",
        "三年级学生小陆说。校长表示，学校将努力",
        "让每个孩子都爱上阅读。",
        "",
        "实验小学新校区启用",
    ]
    assert [len(line) for line in page[1:5]] == [19, 0, 19, 19]
    body = _checked_layout(page).articles.body[0]
    assert body.split("\n") == [
        "新校区昨天正式启用，学校在校门外专门设置了家长接送区和临时停车区。",
        "“新学校的图书馆特别大，我真喜欢呀。”三年级学生小陆说。校长表示，学校将努力让每个孩子都爱上阅读。",
    ]


def test_captions_credited_in_the_ways_local_papers_credit_them() -> None:
    # a credit after the last sentence on its line; a group of photos under one credit, the
    # middle one uncredited; a picture supplied by an office (图片由…提供)
    page = [
        " 5月20日，在新仓镇的",
        "桑园里，农户们正忙着采",
        "摘桑叶。 ■摄影 吴 越",
        "",
        "桑叶青青",
        "",
        " 5月21日，广陈镇的农",
        "民在田间给西瓜苗压蔓，",
        "确保瓜苗长势良好。",
        "",
        "瓜苗压蔓",
        "",
        " 5月22日，当湖街道",
        "的居民在社区学做青团。",
        "",
        "青团飘香",
        "■摄影 金 晖",
        "",
        " 5月23日，游客在东湖景区",
        "乘船游览。（图片由市文旅局提供）",
        "",
        "泛舟东湖",
    ]
    got = _checked_layout(page).articles[["kind", "title", "byline"]].values.tolist()
    assert got == [
        ["photo_caption", "桑叶青青", "摄影 吴越"],
        ["photo_caption", "瓜苗压蔓", ""],
        ["photo_caption", "青团飘香", "摄影 金晖"],
        ["photo_caption", "泛舟东湖", "图片由市文旅局提供"],
    ]


def test_stories_credited_by_an_office_or_by_text_and_picture_roles() -> None:
    brief = _column("本报讯 近日，市农业农村局组织技术人员对农机开展安全检查。（市农机", 14)
    page = [*brief, "中心供稿）", "", "农机安全检查启动", "■记者 张 玲 通讯员 金 燕 文/摄"]
    row = _checked_layout(page).articles.iloc[0]
    assert row.body.endswith("安全检查。")
    assert row.byline == "市农机中心供稿 / 记者 张玲 / 通讯员 金燕 文/摄"
    page = [
        *_column("本报讯 近日，市图书馆开展亲子阅读活动。", 14),
        "",
        "亲子共读",
        "文/图 记者 朱 敏",
    ]
    assert _checked_layout(page).articles.byline[0] == "文/图 记者 朱敏"


def test_a_kicker_wrapped_over_two_lines_a_blank_line_over_a_bold_title() -> None:
    # the sample's lead: a kicker in smaller type, wrapped, then the title printed twice; the
    # kicker need not end in a reporting verb
    text = "本报讯 近日，全市夏季环境卫生整治推进会召开，部署开展为期一个月的集中整治行动。"
    page = [
        *_column(text, 15),
        "",
        "全市“洁净家园 美丽城乡”夏季环境",
        "卫生整治推进会召开",
        "",
        "全民动手美化家园全民动手美化家园",
        "齐心建设美丽城乡齐心建设美丽城乡",
    ]
    row = _checked_layout(page).articles.iloc[0]
    assert row.kicker == "全市“洁净家园 美丽城乡”夏季环境卫生整治推进会召开"
    assert row.title == "全民动手美化家园 齐心建设美丽城乡"
    # two balanced lines (a title over its subtitle) over another story's bold title: no kicker
    other = "本报讯 近日，市图书馆推出寒假阅读季活动，开展讲座、展览等活动二十余场。"
    page = [
        *_column(text, 15),
        "",
        *_column(other, 13),
        "",
        "家门口的“好工作”送上门",
        "我市举办春季线上招聘会",
        "",
        "书香满城迎春来书香满城迎春来",
    ]
    heads = _checked_layout(page).articles[["kicker", "title"]].values.tolist()
    assert ["", "家门口的“好工作”送上门"] in heads


def test_a_title_opening_like_a_call_to_scan_a_code_keeps_its_byline() -> None:
    text = "本报讯 近日，城区新建的智能回收站投入使用，居民扫码投放废品即可获得积分。"
    page = [*_column(text, 14), "", "扫一扫 旧衣换积分", "■记者 陆 平"]
    row = _checked_layout(page).articles.iloc[0]
    assert (row.title, row.byline) == ("扫一扫 旧衣换积分", "记者 陆平")


def test_a_campaign_named_in_the_body_over_a_two_line_title_is_its_kicker() -> None:
    # the body quotes the first line as the campaign's name: a label over the title
    text = "本报讯 今年以来，社区把助餐服务列入“我为群众办实事”项目清单，老人吃饭更方便。"
    page = [*_column(text, 15), "", "我为群众办实事", "社区开起“幸福食堂”", "老人吃上热乎饭"]
    row = _checked_layout(page).articles.iloc[0]
    assert (row.kicker, row.title) == ("我为群众办实事", "社区开起“幸福食堂” 老人吃上热乎饭")


def test_a_caption_set_in_right_under_a_slogan_title_opens_a_block_of_its_own() -> None:
    # no blank line between the title's last line and the caption opening with its space
    lead = "本报讯 昨天，全市助企服务推进会召开，部署下阶段帮扶企业的重点工作。"
    page = [
        *_column(lead, 16),
        "",
        "真心实意帮企业",
        "齐心协力稳增长",
        " 6月8日，在曹桥街道的",
        "稻田里，农机手驾驶收割",
        "机抢收小麦。",
        "■摄影 陆 晨",
        "",
        "麦收时节",
    ]
    got = _checked_layout(page).articles[["kind", "title"]].values.tolist()
    assert got == [["article", "真心实意帮企业 齐心协力稳增长"], ["photo_caption", "麦收时节"]]


def test_a_campaign_in_quotation_marks_labelled_like_a_column_is_the_kicker() -> None:
    # wider than the title and right over it, no blank line: …在行动 labels a running campaign
    text = "本报讯 6月9日，市人社局在社区开设就业服务站，为居民提供岗位信息和求职指导。"
    page = [*_column(text, 15), "", "“我为群众办实事”实践活动在行动", "“家门口”就业服务暖人心"]
    row = _checked_layout(page).articles.iloc[0]
    assert (row.kicker, row.title) == ("“我为群众办实事”实践活动在行动", "“家门口”就业服务暖人心")


def test_a_photo_credit_a_blank_line_under_a_caption_in_its_own_column_is_the_captions() -> None:
    # the caption set narrower than the lead above it, no space opening it, its credit a blank
    # line under it and its title under that
    lead = (
        "本报讯 4月17日下午，全县重大项目攻坚推进会召开，部署下阶段项目建设的重点工作，"
        "要求各地各部门把抓项目的责任扛在肩上，确保新开工项目早开工、在建项目快推进。"
    )
    caption = "4月16日，在南雁镇东门村的高山茶园里，茶农们正抢抓晴好天气采摘春茶。"
    page = [
        *_column(lead, 13), "", *_column(caption, 11), "", "■记者 郑海波 摄", "",
        "春茶采摘正当时", "", "比拼赶超抓项目",
    ]  # fmt: skip
    got = _checked_layout(page).articles[["kind", "title", "byline"]].values.tolist()
    assert got == [
        ["article", "比拼赶超抓项目", ""],
        ["photo_caption", "春茶采摘正当时", "记者 郑海波 摄"],
    ]


def test_the_occasion_a_report_focuses_on_over_its_title_is_the_kicker() -> None:
    text = "本报讯 3月14日，县市场监管局在全县开展食品安全专项检查，重点检查农贸市场和超市。"
    page = ["聚焦3·15消费者权益日", "", "守护百姓“菜篮子”", "■记者 沈 逸", "", *_column(text, 15)]
    row = _checked_layout(page).articles.iloc[0]
    assert (row.kicker, row.title) == ("聚焦3·15消费者权益日", "守护百姓“菜篮子”")


def test_a_front_page_masthead_weather_box_follow_call_and_advertisement_are_furniture() -> None:
    story = _column("本报讯 昨天上午，全市重点项目集中开工活动举行，共有项目36个。", 14)
    page = [
        "平湖日报",
        "PINGHU RIBAO",
        "中共平湖市委机关报",
        "国内统一连续出版物号 CN 33－0087",
        "2022年5月6日 星期五",
        "农历壬寅年四月初六",
        "第 7001 期 今日 8 版",
        "",
        "今日天气",
        "多云转小雨",
        "16℃～24℃",
        "东南风 3～4 级",
        "",
        *story,
        "",
        "36个重点项目集中开工",
        "",
        "扫一扫",
        "关注“平湖发布”",
        "",
        "平湖某某家居广场",
        "五一家装节 全场满3000元立减300元",
        "地址：平湖市新华北路100号",
        "咨询热线：0573-85000000",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["title", "body"]].values.tolist() == [
        ["36个重点项目集中开工", "".join(story).removeprefix("本报讯 ")]
    ]
    assert set(layout.unplaced.kind) == {"furniture"}


def test_a_lunar_date_by_stem_and_branch_and_a_weather_line_are_furniture() -> None:
    # (the lunar date with no 农历 before it; the weather going from one sky to another, its
    # wind's range with a dash)
    story = _column("本报讯 昨天上午，全市重点项目集中开工活动举行，共有项目36个。", 14)
    page = [
        "玉环新闻",
        "中共玉环市委机关报",
        "2021年11月9日 星期二",
        "辛丑年十月初五 今日4版 第4827期",
        "",
        *story,
        "",
        "36个重点项目集中开工",
        "",
        "今日天气 多云到阴20℃～29℃ 东南风3—4级",
        "责任编辑：顾 婷 版式：沈 洁",
    ]
    layout = _checked_layout(page)
    assert layout.articles.title.tolist() == ["36个重点项目集中开工"]
    assert set(layout.unplaced.kind) == {"furniture"}


@pytest.mark.parametrize(
    ("masthead", "story", "title", "footer", "date"),
    [
        # a serial with a dash, and a guide whose entries give their page first: the guide's
        # pages are other pages, and this one prints no number of its own
        (
            [
                "临海新闻",
                "中共临海市委主办  临海市融媒体中心出版",
                "国内统一连续出版物号 CN33—0312   第3856期   今日4版",
                "2023年5月16日 星期二  农历癸卯年三月廿七",
            ],
            "本报讯 昨天上午，全市工业经济高质量发展推进会召开，部署下一阶段工作。",
            "全市工业经济高质量发展推进会召开",
            [
                "今日导读",
                "2版 ▶ 大田街道：“微网格”激活基层治理",
                "3版 ▶ 东湖畔的“夜经济”火起来了",
            ],
            "2023-05-16",
        ),
        # a masthead of nine lines
        (
            [
                "平湖日报",
                "PINGHU RIBAO",
                "中共平湖市委主办",
                "平湖市新闻传媒中心出版",
                "国内统一连续出版物号 CN 33-0084",
                "2021年11月10日 星期三",
                "农历辛丑年十月初六",
                "今日4版 第6843期",
                "多云 9℃～18℃",
            ],
            "本报讯 11月9日下午，全市四季度经济工作推进会召开，部署冲刺全年目标。",
            "全市四季度经济工作推进会召开",
            [],
            "2021-11-10",
        ),
        # a county masthead with its licence, and an imprint under its house's name
        (
            [
                "景宁新闻",
                "中共景宁畲族自治县委员会主管主办",
                "2024年4月12日",
                "星期五",
                "第5126期 今日4版",
                "浙内准字第G047号",
            ],
            "本报讯 4月10日上午，我县第二季度重大项目集中开工活动在新渥街道举行。",
            "我县重大项目集中开工",
            [
                "景宁县融媒体中心 地址：鹤溪街道人民中路 电话：0578-5081234",
                "印刷：丽水日报社印务中心 定价：每月30元",
            ],
            "2024-04-12",
        ),
        # a county masthead whose owner 主管 and whose house 主办; an imprint with the
        # advertising licence and the printer named whole
        (
            [
                "云和新闻",
                "YUNHE XINWEN",
                "中共云和县委主管 云和县融媒体中心主办",
                "2023年5月16日 星期二",
                "农历癸卯年三月廿七",
                "第3127期 今日4版",
                "浙内准字第L061号",
            ],
            "本报讯 5月15日，我县召开重大项目推进会，部署下阶段工作。",
            "我县召开重大项目推进会",
            [
                "社址：云和县浮云街道解放街 邮编：323600",
                "广告经营许可证：3311254000001 零售价：1.00元",
                "云和县融媒体中心印务中心印刷 本版责任编辑：叶 敏",
            ],
            "2023-05-16",
        ),
        # the weather under its bare label; the editor's line naming the page's designer
        (
            ["平湖日报", "PINGHU RIBAO", "2024年2月9日", "星期五", "天气 多云 1℃～9℃"],
            "本报讯 2月8日，我市年货市场人气渐旺，各类商品供应充足，价格平稳。",
            "年货市场货足价稳",
            [
                "国内统一连续出版物号 CN33-0087",
                "本版责任编辑：顾 晨 版面设计：徐 磊",
                "平湖日报社出版 总第8421期",
                "刊登热线：0573-85012345",
            ],
            "2024-02-09",
        ),
        # a county paper named 今日 and its place alone on the masthead's first line
        (
            ["今日宁海", "JINRI NINGHAI", "中共宁海县委主管主办", "宁海传媒集团出版"],
            "本报讯 5月15日上午，全县重大项目“百日攻坚”推进会召开。",
            "全县重大项目“百日攻坚”推进会召开",
            [],
            "",
        ),
    ],
)
def test_a_masthead_and_its_small_print_are_furniture(
    masthead: list[str], story: str, title: str, footer: list[str], date: str
) -> None:
    page = [*masthead, "", *_column(story, 14), "", title]
    if footer:
        page += ["", *footer]
    layout = _checked_layout(page)
    assert layout.articles[["title", "date", "page"]].values.tolist() == [[title, date, ""]]
    assert set(layout.unplaced.kind) == {"furniture"}


def test_a_page_number_beside_its_section_name_in_the_header() -> None:
    story = _column("本报讯 4月12日，海门区一季度重大项目集中开工活动在经济技术开发区举行。", 14)
    for header, page_no in (
        (["海门日报", "2021年4月13日 星期二", "综合新闻 3"], "3"),
        (["2024年3月12日 星期二", "A3 城市"], "A3"),
        # (a paper named 今日 and its place, its section and number on a line of their own)
        (["今日定海 2021年11月9日 星期二", "综合 2"], "2"),
        # (a farming page's section over its number, each alone on its line)
        (["农业", "6", "2024年9月12日 星期四"], "6"),
        # (a day and month with no year is no page's number)
        (["海门日报", "3月13日 综合新闻"], ""),
    ):
        page = [*header, "", *story, "", "一季度重大项目集中开工"]
        layout = _checked_layout(page)
        assert layout.articles.page.tolist() == [page_no], header


def test_column_names_and_predicates_in_two_line_headlines() -> None:
    text = "本报讯 近日，城东社区的城市书房正式开放，为居民提供图书借阅和自习空间。"
    # a predicate opening with 又 completes the line above it: one title
    row = _checked_layout([*_column(text, 15), "", "家门口的“城市书房”", "又添新去处"]).articles
    assert (row.kicker[0], row.title[0]) == ("", "家门口的“城市书房” 又添新去处")
    # a column's own name a blank line over the title is its kicker
    page = [*_column(text, 15), "", "民生实事进行时", "", "城市书房开进社区 居民阅读更方便"]
    row = _checked_layout(page).articles
    assert (row.kicker[0], row.title[0]) == ("民生实事进行时", "城市书房开进社区 居民阅读更方便")


def test_a_series_named_by_the_editors_note_and_a_pen_name_signature() -> None:
    # the note calls the first line a column (“…”栏目): the kicker, though one title line is
    # left; a marker and a name spelt out in single characters sign the commentary
    note = "编者按：从本期起，本报推出“乡村振兴·共富路”栏目，讲述村社的新变化。"
    story = "本报讯 近日，曹桥街道一家皮件加工点开进村里，带动六十余名村民就近就业。"
    comment = "项目是发展的生命线。抓项目就是抓发展，要让每个项目都跑出加速度。"
    page = [
        *_column(note, 15),
        *_column(story, 15),
        "",
        "乡村振兴·共富路",
        "小皮件“缝”出致富路",
        "■记者 章 琳",
        "",
        *_column(comment, 13),
        "",
        "短评",
        "抓项目就要跑起来",
        "□ 海 言",
    ]
    layout = _checked_layout(page)
    got = layout.articles[["kicker", "title", "byline"]].values.tolist()
    assert got == [
        ["乡村振兴·共富路", "小皮件“缝”出致富路", "记者 章琳"],
        ["短评", "抓项目就要跑起来", "海言"],
    ]


def test_a_quoted_title_over_a_wider_statement_has_it_as_subtitle() -> None:
    # the title's quotation marks do not widen it against the line under it
    text = "本报讯 首期消费券发放一周来，全市商家客流明显回升，核销情况好于预期。"
    page = [*_column(text, 14), "", "“平湖惠购券”拉动消费回暖", "首期800万元惠购券一周核销超七成"]
    row = _checked_layout(page).articles.iloc[0]
    assert (row.title, row.subtitle) == (
        "“平湖惠购券”拉动消费回暖",
        "首期800万元惠购券一周核销超七成",
    )


def test_a_notice_title_alone_at_the_top_and_a_title_ending_like_a_label() -> None:
    # 关于…的公告 alone over the notice's text is its title, not the text's first line
    notice = "为方便市民春节期间出行，经研究，决定调整部分公交线路的运营时间。特此公告。"
    page = ["关于春节期间调整部分公交线路运营时间的公告", "", *_column(notice, 24)]
    assert _checked_layout(page).articles.title[0] == "关于春节期间调整部分公交线路运营时间的公告"
    # …正当时 over one statement in figures: a title over its subtitle, not a label
    text = "本报讯 入冬以来，各镇街道抓住有利天气，全面开展河道清淤和泵站改造。"
    for headline in (["冬修水利正当时", "今冬明春我市安排农田水利项目46个"],):
        row = _checked_layout([*_column(text, 15), "", *headline]).articles.iloc[0]
        assert (row.kicker, row.title, row.subtitle) == ("", *headline)


def test_a_kicker_ends_at_its_reporting_verb() -> None:
    # Who spoke on what occasion, then the verb: the kicker, even when no width sets it apart;
    # a title that merely wraps after a verb names no occasion and stays one title.
    layout = _checked_layout(
        [
            "本报讯 全市安全生产会议今天上午召开，会议要求坚决遏制重特大事故。",
            "",
            "陆明远在全市安全生产会议上强调",
            "坚持安全发展理念压实各方责任",
            "同各类违法违规生产行为作斗争",
            "",
            "本报讯 市应急管理局负责人说，各企业应无条件配合安全检查。",
            "",
            "市应急管理局负责人强调",
            "各企业应无条件配合检查",
        ]
    )
    got = [
        [k.replace(" ", ""), t.replace(" ", "")]
        for k, t in layout.articles[["kicker", "title"]].values
    ]
    assert got == [
        [
            "陆明远在全市安全生产会议上强调",
            "坚持安全发展理念压实各方责任同各类违法违规生产行为作斗争",
        ],
        ["", "市应急管理局负责人强调各企业应无条件配合检查"],
    ]


def test_the_roles_of_local_papers_sign_a_byline() -> None:
    # commentators and the county papers' media-centre reporters sign as reporters do
    for credit, byline in (
        ("■本报评论员 沈 静", "本报评论员 沈静"),
        ("■评论员 沈静", "评论员 沈静"),
        ("■融媒体记者 王强 通讯员 李四", "融媒体记者 王强 / 通讯员 李四"),
    ):
        layout = _checked_layout([*_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕", credit])
        got = layout.articles[["title", "byline"]].values.tolist()
        assert got == [["抢抓农时不误春耕", byline]], credit


def test_an_editors_note_over_a_story_belongs_to_it() -> None:
    # 编者按 is printed over the story it introduces, set wider; the story's dateline follows
    note = "编者按：即日起，本报推出“春耕进行时”系列报道，聚焦田间地头，敬请关注。"
    layout = _checked_layout(
        [
            *_column(note, 18),
            "",
            *_column(_SPRING_STORY, 14),
            "",
            "会议强调，要加强农资供应",  # (the paragraph's indent is lost)
            "保障，做好技术指导服务。",
            "",
            "抢抓农时不误春耕",
        ]
    )
    (article,) = layout.articles.itertuples()
    assert (article.title, article.dateline) == ("抢抓农时不误春耕", "本报讯")
    assert article.body.split("\n") == [
        note,
        _SPRING_STORY.removeprefix("本报讯 "),
        "会议强调，要加强农资供应保障，做好技术指导服务。",
    ]


def test_a_notice_keeps_its_title_list_and_signature() -> None:
    # The document title (关于…的通告) is a title of its own, not the subtitle of the headline
    # above it; a colon closes a paragraph on a short line or over a numbered item; the issuing
    # body and the date close the notice's text.
    layout = _checked_layout(
        [
            *_column(_SPRING_STORY, 14),
            "",
            "抢抓农时不误春耕",
            "",
            "关于做好春季动物防疫工作的通告",
            "",
            "为切实做好春季重大动物疫病防控工作，保障",
            "畜牧业安全，通告如下：",
            "",
            "一、3月20日至4月30日，全市开展春季重",
            "大动物疫病集中免疫，并做好以下工作：",
            "",
            "二、各养殖场（户）应当积极配合动物防",
            "疫人员做好以下工作：",
            "三、对未按规定履行强制免疫义务的，依",
            "法予以处理。咨询：",
            "",
            "市动物疫病预防控制中心，电话",
            "85012345。",
            "",
            "平湖市农业农村局",
            "2020年3月16日",
        ]
    )
    got = layout.articles[["title", "subtitle"]].values.tolist()
    assert got == [["抢抓农时不误春耕", ""], ["关于做好春季动物防疫工作的通告", ""]]
    assert layout.articles.body[1].split("\n") == [
        "为切实做好春季重大动物疫病防控工作，保障畜牧业安全，通告如下：",
        "一、3月20日至4月30日，全市开展春季重大动物疫病集中免疫，并做好以下工作：",
        "二、各养殖场（户）应当积极配合动物防疫人员做好以下工作：",
        "三、对未按规定履行强制免疫义务的，依法予以处理。咨询：",
        "市动物疫病预防控制中心，电话85012345。",
        "平湖市农业农村局",
        "2020年3月16日",
    ]
    assert layout.unplaced.empty


def test_lines_after_a_colon_are_body_text_even_without_punctuation() -> None:
    # 名单如下： announces a list: its items (no sentence mark) are no headlines
    layout = _checked_layout(
        [
            *_column("本报讯 昨日，市妇联对2019年度我市“最美家庭”进行表彰。名单如下：", 15),
            "",
            "当湖街道：沈 建 家庭、王晓红家庭",
            "",
            "钟埭街道：陆平家庭",
            "",
            *_column("会议号召，全市广大家庭要以“最美家庭”为榜样。", 15),
            "",
            "我市表彰“最美家庭”",
        ]
    )
    (article,) = layout.articles.itertuples()
    assert article.title == "我市表彰“最美家庭”"
    assert "钟埭街道：陆平家庭" in article.body
    assert layout.unplaced.empty


def test_a_page_header_or_footer_between_two_columns_of_a_story_is_furniture() -> None:
    # the extraction prints the footer where the story's column breaks mid-sentence: the story
    # reads on across it
    for furniture in (
        "责任编辑：沈佳 版式：陆敏",
        "2020年3月20日 星期五",
        "第3版",
        "3",
        "平湖日报 综合新闻",
    ):
        layout = _checked_layout(
            [
                "本报讯 3月19日，我市举行一季度重大",
                "项目集中开工仪式，共有21个项目集中开",
                "工，总投资86.5亿元，涵盖先进制造业、",
                "",
                furniture,
                "",
                "基础设施和社会民生等领域。",
                "",
                "重大项目集中开工",
            ]
        )
        (article,) = layout.articles.itertuples()
        assert article.body.endswith("涵盖先进制造业、基础设施和社会民生等领域。"), furniture
        assert article.title == "重大项目集中开工", furniture
        assert layout.unplaced.kind.tolist() == ["furniture"], furniture


def test_list_items_are_paragraphs_of_their_own() -> None:
    # ① …； items, one to a line between blank lines, (1) … after a colon, and a clearly
    # short line, whatever it ends in, closing its paragraph
    for first, second in (("①", "②"), ("（1）", "（2）"), ("1.", "2.")):
        layout = _checked_layout(
            [
                "勤洗手是预防传染病最简单",
                "有效的方法之一。正确的洗手方",
                "法应包括以下步骤：",
                "",
                f"{first}在流动水下淋湿双手；",
                "",
                f"{second}取适量洗手液均匀涂抹。",
                "",
                "洗手“五步法”你做对了吗",
            ]
        )
        (article,) = layout.articles.itertuples()
        assert article.body.split("\n")[1:] == [
            f"{first}在流动水下淋湿双手；",
            f"{second}取适量洗手液均匀涂抹。",
        ], first
    layout = _checked_layout(
        [
            "本报讯 3月21日，市运会线上测试赛",
            "结束。成绩详见附表",
            "",
            "线上测试赛成绩将作为参赛资格参",
            "考。",
            "",
            "选手“云上”赛田径",
        ]
    )
    assert layout.articles.body[0].count("\n") == 1


def test_kickers_of_local_papers() -> None:
    # a label of two phrases (its space not counted) and an occasion with its verb in eight
    # characters, over the title
    for kicker, title in (
        ("战疫情 促发展", "“云招商”一天签下12个项目"),
        ("市委常委会议强调", "今年新增城镇就业1.2万人"),
    ):
        layout = _checked_layout([*_column(_SPRING_STORY, 14), "", kicker, title])
        got = layout.articles[["kicker", "title"]].values.tolist()
        assert got == [[kicker, title]], kicker


def test_page_credits_and_hotlines_are_furniture() -> None:
    # the photo credit of the whole page, an advertising hotline, a section outside the
    # common list at the top of the page
    for furniture in (
        "本版图片均由记者 徐佳丽 摄",
        "■本版摄影 徐佳丽",
        "广告热线：85012345",
        "热线电话：85012345",
        "财 经",
        "民生·热线",
        "城 乡",
        "教育卫生",
        "今日天气 多云转晴\n12℃～21℃ 东南风3级",  # the weather box under the masthead
    ):
        layout = _checked_layout(
            [furniture, "", *_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕"]
        )
        assert layout.articles.title.tolist() == ["抢抓农时不误春耕"], furniture
        assert set(layout.unplaced.kind) == {"furniture"}, furniture  # (a row a line)


def test_a_notice_ending_on_a_telephone_number_stops_at_the_next_notices_title() -> None:
    # no full stop after the number: the notice's title under it is no continuation
    first = [
        "寻人启事",
        "",
        "陈阿根，男，78岁，新仓镇人，于3",
        "月17日上午走失，如有知情者请与",
        "其家属联系。",
        "电话：13857311234",
    ]
    second = ["平湖市福兴便利店遗失营业执照正", "本一份，声明作废。"]
    layout = _checked_layout([*first, "", "遗失声明", "", *second])
    got = layout.articles[["title", "body"]].values.tolist()
    assert got == [
        [
            "寻人启事",
            "陈阿根，男，78岁，新仓镇人，于3月17日上午走失，如有知情者请与其家属联系。"
            "\n电话：13857311234",
        ],
        ["遗失声明", "平湖市福兴便利店遗失营业执照正本一份，声明作废。"],
    ]


def test_a_tenders_contact_lines_wrapped_and_the_company_notice_under_them() -> None:
    # a name's last character wrapped onto a line of its own (…股份经济合作 | 社) leaves the
    # lines contact lines, the tender's close; a company's notice to its creditors named in
    # full (…有限公司减资公告) is the next notice's title, though no full stop ends the one
    # above
    tender = [
        "平湖市林埭镇徐家埭村道路提升工程施工招标公告",
        "",
        *_column("凡有意参加投标者，请于3月17日至4月7日登录平湖市公共资源交易网下载招标文件。", 22),
        "",
        "五、联系方式",
        "",
        "招标人：平湖市林埭镇徐家埭村股份经济合作",
        "社",
        "联系人：沈先生 电话：0573-85601234",
    ]
    notice = _column(
        "浙江华通精密机械有限公司经股东会决议，拟将注册资本由5000万元减少至2000万元。", 22
    )
    layout = _checked_layout([*tender, "", "浙江华通精密机械有限公司减资公告", "", *notice])
    got = layout.articles[["title", "body"]].values.tolist()
    assert [title for title, _ in got] == [
        "平湖市林埭镇徐家埭村道路提升工程施工招标公告",
        "浙江华通精密机械有限公司减资公告",
    ]
    assert got[0][1].endswith(
        "招标人：平湖市林埭镇徐家埭村股份经济合作社\n联系人：沈先生 电话：0573-85601234"
    )


def test_a_notices_signer_of_over_twenty_characters_and_date_close_it() -> None:
    # a page that sets a blank line after every paragraph: the signer, a body's long name,
    # and the date under it, a blank line under the notice's last sentence, are its close
    notice = [
        "海宁市新型冠状病毒肺炎疫情防控工作领导小组通告",
        "",
        *_column("为进一步做好企业复工复产期间的疫情防控工作，现就有关事项通告如下：", 24),
        "",
        *_column("一、企业复工前须落实防控主体责任，做好防疫物资储备。", 24),
        "",
        "本通告自发布之日起施行。",
        "",
        "海宁市新型冠状病毒肺炎疫情防控工作领导小组",
        "2020年2月19日",
    ]
    layout = _checked_layout(notice)
    body = layout.articles.body.tolist()
    assert len(body) == 1
    assert body[0].endswith(
        "本通告自发布之日起施行。\n海宁市新型冠状病毒肺炎疫情防控工作领导小组\n2020年2月19日"
    )


_CHAIN_STORY = """本报讯 走进位于安澜经济开发区的浙江澜
星汽车零部件有限公司，一条条自动化生产线高
速运转，机械臂精准地完成焊接、装配等工序。

今年以来，安澜经开区聚焦汽车零部件、新
能源装备两大主导产业，以“链长制”为抓手，
推动产业链上下游协同发展，1至4月完成规上

工业产值126.8亿元，同比增长35.2%。

龙头企业“强链”

作为区内汽车零部件产业链的“链主”企业，
澜星公司今年投资3.5亿元建设智能工厂，带动
了20多家本地配套企业同步进行技术改造。
“龙头企业的标准高了，我们也得跟着升级。”
一家配套企业负责人说。

招商引资“补链”

围绕产业链缺失和薄弱环节，经开区绘制了
产业链招商图谱，今年以来已签约亿元以上项目
9个，其中5个为补链项目。总投资12亿元的
新能源电池托盘项目预计年底投产，将填补本地
产业链空白。

服务专员“护链”

经开区为每条产业链配备了服务专员，定期
走访企业，协调解决用工、用地、物流等问题。
今年以来，服务专员已帮助企业解决各类问题
130余个。

做强产业链 跑出“加速度”
■记者 韩 冰"""


@pytest.mark.parametrize(
    "subheads",
    [
        ("龙头企业“强链”", "招商引资“补链”", "服务专员“护链”"),
        ("龙头企业强链", "招商引资补链", "服务专员护链"),  # no quotes: one length, one last word
        # quoted words in one pattern, of about one length
        ("“小田”并成“大田”", "“种得好”还要“卖得好”", "“小农户”连上“大市场”"),
    ],
)
def test_subheads_of_one_pattern_stay_in_their_story(subheads: tuple[str, ...]) -> None:
    # No indents on the page, so no paragraph says where it opens: a series of short lines of
    # one length and shape between paragraphs of one column, no dateline after any of them
    page = _CHAIN_STORY
    for old, new in zip(
        ("龙头企业“强链”", "招商引资“补链”", "服务专员“护链”"), subheads, strict=True
    ):
        page = page.replace(old, new)
    layout = _checked_layout(page.split("\n"))
    assert layout.articles.title.tolist() == ["做强产业链 跑出“加速度”"]
    paragraphs = layout.articles.body[0].split("\n")
    assert len(paragraphs) == 8
    assert [paragraphs[k] for k in (2, 4, 6)] == list(subheads)


def test_briefs_under_titles_of_different_shapes_stay_apart() -> None:
    # the same layout with titles of their own (different lengths and endings): stories
    page = _CHAIN_STORY
    for old, new in zip(
        ("龙头企业“强链”", "招商引资“补链”", "服务专员“护链”"),
        ("澜星公司建成智能工厂", "经开区签约9个补链项目", "服务专员上门解难题"),
        strict=True,
    ):
        page = page.replace(old, new)
    layout = _checked_layout(page.split("\n"))
    assert len(layout.articles) == 4


def test_a_paragraphs_first_line_before_a_break_over_lines_dense_in_marks() -> None:
    # The line lost its indent and ends in 的; the lines after the break hold many quotation
    # marks (set narrow in print), so they measure wider than the column of the story.
    page = """本报讯 5月18日，全市中小学劳动教
育工作推进会在柳浦镇中心学校召开。会
议发布了《安澜市中小学劳动教育实施方
案》，明确从今年秋季学期起，全市中小
学每周安排不少于1课时的劳动课。

根据方案，我市将建设30个市级劳
动教育实践基地，推动每所学校至少建成
1个校内劳动实践场所。同时，将劳动素
养纳入学生综合素质评价，引导学生养成
劳动习惯。

与会人员参观了柳浦镇中心学校的

“开心农场”。在这片占地5亩的农场里，
学生们分班认领了菜地，从播种、施肥到
收获全程参与。“自己种的青菜特别好吃！”
五年级学生李沐阳说。

每周至少一节劳动课
■记者 陆 岩"""
    layout = _checked_layout(page.split("\n"))
    assert layout.articles.title.tolist() == ["每周至少一节劳动课"]
    paragraphs = layout.articles.body[0].split("\n")
    assert len(paragraphs) == 3
    assert paragraphs[2].startswith("与会人员参观了柳浦镇中心学校的“开心农场”。")


def test_an_author_line_a_blank_line_under_its_title_is_its_subtitle() -> None:
    # under another story's headline: the title first reads as that headline's subtitle, and
    # is split off again as a headline of its own, over its author line
    lines = [
        *_column(
            "新华社哈尔滨1月3日电 哈尔滨市郊一冷库仓储中心3日发生火灾，仓储中心的一辆冷藏车"
            "被烧毁，没有人员伤亡。当地消防部门官员说，起火原因正在调查之中。",
            15,
        ),
        "",
        "哈尔滨一冷库",
        "发生火灾无伤亡",
        "",
        "深化平湖钹子书研究与传承",
        "",
        "嘉兴市文化馆副研究员陆文清",
        "■通讯员 王磊琪",
        "",
        *_column(
            "从上世纪末开始，曲艺研究，包括对曲种起源、演唱形式、传统曲目的考证，以及对老艺人唱段的"
            "抢救录音，都取得了不少成果，对钹子书的保护和传承起了积极作用。",
            15,
        ),
    ]
    layout = _checked_layout(lines)
    got = layout.articles[["title", "subtitle", "byline"]].values.tolist()
    assert got == [
        ["哈尔滨一冷库 发生火灾无伤亡", "", ""],
        ["深化平湖钹子书研究与传承", "嘉兴市文化馆副研究员陆文清", "通讯员 王磊琪"],
    ]


_BRIEFS = """简 讯

■市图书馆恢复开放
本报讯 4月20日起，市图书
馆恢复开放，读者需提前通过微
信公众号预约，每日接待不超过
800人次，入馆时须出示健康码
并测量体温。

■新埭镇开展消防应急演练
4月17日，新埭镇在工业园
区组织开展消防应急演练，20余
家企业的160名员工参加。演练
模拟了车间突发火灾后的报警、
疏散和初期火灾扑救等环节。
（顾 敏）

■“共享法庭”进村社
日前，钟埭街道首批8个
“共享法庭”在村（社区）挂牌，
群众足不出村就能参与在线调解、
诉讼等。（通讯员 朱 敏）

■独山港区举办“云”签约
4月19日，独山港区以视频
连线方式举行项目集中签约，共
签约项目6个，总投资23.5亿元。"""


def test_briefs_under_marked_titles_are_stories_of_their_own() -> None:
    # each title led by ■ right on its brief (no blank line); a brief signed with a bare name
    # in brackets; the label over the column is furniture
    layout = _checked_layout(_BRIEFS.split("\n"))
    got = layout.articles[["title", "byline", "dateline"]].values.tolist()
    assert got == [
        ["市图书馆恢复开放", "", "本报讯"],
        ["新埭镇开展消防应急演练", "顾敏", ""],
        ["“共享法庭”进村社", "通讯员 朱敏", ""],
        ["独山港区举办“云”签约", "", ""],
    ]
    assert layout.articles.body[1].endswith("初期火灾扑救等环节。")
    kinds = layout.unplaced.kind.tolist()
    assert kinds.count("marker") == 4 + 4  # four title markers, two pairs of brackets
    assert kinds.count("furniture") == 1  # 简 讯


def test_a_notices_telephone_line_and_signature_close_its_text() -> None:
    page = """停水通知

因城南水厂至新仓镇输水管道
迁改施工，定于4月24日（星期五）
8:00至20:00对部分区域暂停供水，
请用户提前做好储水准备。

咨询电话：85123456

青溪市自来水有限公司
2020年4月20日"""
    layout = _checked_layout(page.split("\n"))
    assert layout.articles.title.tolist() == ["停水通知"]
    paragraphs = layout.articles.body[0].split("\n")
    assert paragraphs[-3:] == ["咨询电话：85123456", "青溪市自来水有限公司", "2020年4月20日"]
    assert layout.unplaced.empty


_PICTURES = """4月19日，在林埭镇徐家埭村的千亩粮食生产功能区，
农户驾驶插秧机进行早稻机插作业。今年，该镇早稻种
植面积达1.2万亩，比去年增加2000亩。

早稻机插正当时
■记者 陆 平  通讯员 朱 敏 摄

“云端”课堂里的春天

连日来，城南小学的老师们把课堂“搬”到了
线上，通过直播、录播等方式为学生上课，努
力做到停课不停学。

①语文老师在家中录制古诗朗诵课。

②科学老师通过视频指导学生在阳台
上观察植物生长。

③学生在家中跟着视频做眼保健操。
本组图片由记者 徐佳丽 摄

【文明新风】
公筷公勺上餐桌

4月18日，在城中一家饭店，服务员
为顾客摆放公筷公勺。目前，全市已
有600余家餐饮单位推行“公筷公勺”。
（记者 王 强 摄）

4月17日，东湖景区的郁金香
进入盛花期，红、黄、紫等各
色花朵竞相绽放，吸引市民前
来观赏。

郁金香开了郁金香开了
■摄影 张卫东"""


def test_the_captions_of_a_group_of_photos_under_one_credit_are_one_caption() -> None:
    # each opens with the space a caption's first line keeps on this paper, in one column, no
    # dateline: two photos, one credit, one title after it
    story = _column(_SPRING_STORY, 16)
    layout = _checked_layout(
        [
            *story,
            "",
            "抢抓农时不误春耕",
            "",
            " 11月7日立冬，在新",
            "仓镇三叉河村，农户正在",
            "田间播种小麦。",
            "",
            " 同日，在广陈镇一家",
            "农场，工人们在大棚内采",
            "摘草莓。",
            "■记者 徐佳丽 摄",
            "",
            "立冬时节农事忙",
        ]
    )
    caption = layout.articles.iloc[-1]
    assert layout.articles.kind.tolist() == ["article", "photo_caption"]
    assert (caption.title, caption.byline) == ("立冬时节农事忙", "记者 徐佳丽 摄")
    assert caption.body.split("\n") == [
        "11月7日立冬，在新仓镇三叉河村，农户正在田间播种小麦。",
        "同日，在广陈镇一家农场，工人们在大棚内采摘草莓。",
    ]


def test_picture_page_credits() -> None:
    # 摄 after two roles credits both; a group's credit under its last caption closes the
    # group (one item); a credit in brackets closes its caption, so the next one is apart
    layout = _checked_layout(_PICTURES.split("\n"))
    got = layout.articles[["kind", "kicker", "title", "byline"]].values.tolist()
    assert got == [
        ["photo_caption", "", "早稻机插正当时", "记者 陆平 / 通讯员 朱敏 摄"],
        ["photo_caption", "", "“云端”课堂里的春天", "本组图片由记者 徐佳丽 摄"],
        ["photo_caption", "【文明新风】", "公筷公勺上餐桌", "记者 王强 摄"],
        ["photo_caption", "", "郁金香开了", "摄影 张卫东"],
    ]
    assert layout.articles.body[1].count("\n") == 3


def test_a_photo_title_and_its_credit_on_one_line() -> None:
    lines = [
        "春日清晨，薄雾笼罩着东湖，岸",
        "边垂柳初绿，几叶渔舟静静地泊",
        "在水面，宛如一幅淡雅的水墨长",
        "卷。",
        "",
        "《湖畔春晓》 张 卫东 摄",
    ]
    layout = _checked_layout(lines)
    got = layout.articles[["kind", "title", "byline"]].values.tolist()
    assert got == [["photo_caption", "《湖畔春晓》", "张卫东 摄"]]


def test_a_column_label_over_a_long_title_and_the_authors_note_under_the_text() -> None:
    page = """学思践悟
以“三治融合”激活基层治理“一池春水”
□ 陈 立

基层是国家治理的“最后一公里”。党
的十九届四中全会提出，要构建基层社会治
理新格局，健全党组织领导的自治、法治、
德治相结合的城乡基层治理体系。

（作者系中共青溪市委党校讲师）

【学习书架】
《走向善治的乡村》

《走向善治的乡村》由浙江人
民出版社出版，收录了全省20个乡
村治理典型案例。"""
    layout = _checked_layout(page.split("\n"))
    got = layout.articles[["kicker", "title", "byline"]].values.tolist()
    assert got == [
        ["学思践悟", "以“三治融合”激活基层治理“一池春水”", "陈立"],
        ["【学习书架】", "《走向善治的乡村》", ""],
    ]
    assert layout.articles.body[0].split("\n")[-1] == "（作者系中共青溪市委党校讲师）"


@pytest.mark.parametrize(
    ("headline", "expected"),
    [
        # the meeting held, the title, who spoke and who chaired
        (
            [
                "全市数字化改革推进大会召开",
                "以数字化改革撬动全方位改革",
                "陈国栋作动员讲话 林晓东主持",
            ],
            [
                "全市数字化改革推进大会召开",
                "以数字化改革撬动全方位改革",
                "陈国栋作动员讲话 林晓东主持",
            ],
        ),
        # the title over a subtitle wrapped: no kicker
        (
            ["全市数字化改革推进大会召开", "部署今年全方位改革重点任务和", "工作举措"],
            ["", "全市数字化改革推进大会召开 部署今年全方位改革重点任务和 工作举措", ""],
        ),
        # a statement about the town over a title of its width; a title wrapped short is none
        (
            ["我市早稻栽插进入扫尾阶段", "插秧机“跑”出春耕加速度"],
            ["我市早稻栽插进入扫尾阶段", "插秧机“跑”出春耕加速度", ""],
        ),
        (["我市新开发500个", "公益性岗位"], ["", "我市新开发500个 公益性岗位", ""]),
        # a title's event wrapped under its subject: one title, not a kicker over a title
        (["第32个爱国卫生月", "活动启动"], ["", "第32个爱国卫生月 活动启动", ""]),
        # a list under a title is its subtitle
        (
            ["3000万元“金平湖”消费券下周起发放", "覆盖餐饮、零售、文旅、住宿等领域"],
            ["", "3000万元“金平湖”消费券下周起发放", "覆盖餐饮、零售、文旅、住宿等领域"],
        ),
        # a short line over a title line and a subtitle set wider: a kicker
        (
            [
                "全力以赴护航高考",
                "我市高考考务准备工作就绪",
                "今年全市3162名考生参加考试 设3个考点",
            ],
            [
                "全力以赴护航高考",
                "我市高考考务准备工作就绪",
                "今年全市3162名考生参加考试 设3个考点",
            ],
        ),
        # a title wrapped unevenly: its change in figures or its event on the short line
        (["独山港区集装箱吞吐量", "同比增长12.5%"], ["", "独山港区集装箱吞吐量 同比增长12.5%", ""]),
        (["钟埭大桥拓宽工程", "完工通车"], ["", "钟埭大桥拓宽工程 完工通车", ""]),
        # quotation marks make a first line look wider than it is
        (["垃圾分类“新时尚”", "走进千家万户"], ["", "垃圾分类“新时尚” 走进千家万户", ""]),
        # a line holding a clause, wider than the title over it: its subtitle
        (
            ["前5个月我市实际利用外资3.2亿美元", "同比增长18.7%，增幅居嘉兴各县（市、区）首位"],
            ["", "前5个月我市实际利用外资3.2亿美元", "同比增长18.7%，增幅居嘉兴各县（市、区）首位"],
        ),
        # the label of a series of reports
        (
            ["老旧小区改造系列报道之二", "一条老街的“新生”"],
            ["老旧小区改造系列报道之二", "一条老街的“新生”", ""],
        ),
        # a running column's label that names itself so, right over the title
        (
            ["垃圾分类进行时", "撤桶并点后 小区更清爽了"],
            ["垃圾分类进行时", "撤桶并点后 小区更清爽了", ""],
        ),
        # (also over an event on the whole town, which would be a subtitle under a title)
        (
            ["文明在身边", "全市中小学生书法比赛举行"],
            ["文明在身边", "全市中小学生书法比赛举行", ""],
        ),
        # a label of seven characters right over a title half as wide again; not a statement
        # about the town, which is a title over its subtitle
        (
            ["乡村振兴新篇章", "稻虾共养让农户腰包鼓起来"],
            ["乡村振兴新篇章", "稻虾共养让农户腰包鼓起来", ""],
        ),
        (
            ["我市迎来采茶季", "预计春茶产量比去年增加一成"],
            ["", "我市迎来采茶季", "预计春茶产量比去年增加一成"],
        ),
        # a fact ending in a count of minutes, or a year's output, under a title: its subtitle
        (
            ["市一院胸痛中心通过国家认证", "患者救治时间平均缩短至68分钟"],
            ["", "市一院胸痛中心通过国家认证", "患者救治时间平均缩短至68分钟"],
        ),
        (
            ["新材料智能工厂投产", "年产高性能复合材料5万吨"],
            ["", "新材料智能工厂投产", "年产高性能复合材料5万吨"],
        ),
        # a title wrapped inside a phrase, its first line a statement about the town cut short
        (["我市4个村入选省级", "未来乡村创建名单"], ["", "我市4个村入选省级 未来乡村创建名单", ""]),
        # a title over an author line: office and name
        (
            ["开辟乡村旅游新路子", "市文旅集团总监沈建平"],
            ["", "开辟乡村旅游新路子", "市文旅集团总监沈建平"],
        ),
    ],
)
def test_kickers_and_subtitles_by_what_they_say(headline: list[str], expected: list[str]) -> None:
    lines = [*_column(_SPRING_STORY, 14), "", *headline]
    layout = _checked_layout(lines)
    assert layout.articles[["kicker", "title", "subtitle"]].values.tolist() == [expected]


def test_an_interviewers_question_is_no_byline() -> None:
    # 记者： opens a question; the words after the comma are no names
    page = """今年是全面建成小康社会和“十三
五”规划收官之年。近日，记者专访了市农
业农村局局长周建新。

记者：受疫情影响，今年春耕生产
有没有受到冲击？

周建新：疫情发生后，我们第一时
间组织农资企业复工，春耕生产没有
耽误。

“让种粮农民有奔头”
■记者 钱 蕾"""
    layout = _checked_layout(page.split("\n"))
    assert layout.articles[["title", "byline"]].values.tolist() == [
        ["“让种粮农民有奔头”", "记者 钱蕾"]
    ]
    assert layout.articles.body[0].count("\n") == 2


def test_box_labels() -> None:
    # a box's label over its title is a kicker, alone over its text a title; a column's label
    # that names itself so is a kicker right over the title
    page = """“数字农田”是指利用物联网、大数据等
技术，对农田进行精准管理的新模式。

链 接
什么是“数字农田”

平湖是传统的“鱼米之乡”，种植水稻
已有数千年历史。

背 景

4月3日，我市2020年度种粮大户培训班
开班，120余名种粮大户参加培训。

相关新闻
我市启动2020年度种粮大户培训

4月7日，记者走进经济开发区，387家规
上企业已全部复工。

复工复产进行时
经济开发区387家规上企业全面复工"""
    layout = _checked_layout(page.split("\n"))
    assert layout.articles[["kicker", "title"]].values.tolist() == [
        ["链 接", "什么是“数字农田”"],  # (letter-spaced as printed)
        ["", "背 景"],
        ["相关新闻", "我市启动2020年度种粮大户培训"],
        ["复工复产进行时", "经济开发区387家规上企业全面复工"],
    ]


_WIRE_PAGE = """4月7日，在江西省南昌县一处农田里，农
民驾驶插秧机进行早稻机插作业。
新华社记者 李 贺 摄

早稻机插忙

春耕一线的“新农人”
新华社记者 周 磊 孙 芳

新华社合肥4月7日电 清明
刚过，皖北平原的麦田里一片新
绿。32岁的刘晓军操控着植保无
人机，在200多亩麦田上空来回
穿梭，不到一个小时就完成了喷
药作业，“新农人”正在成为春
耕生产的生力军。

国际快讯

世卫组织呼吁加强一线医护人员防护

新华社日内瓦4月7日电 世界卫生组织7日
在例行记者会上呼吁各国加大对医护人员的防
护物资供应，并为一线医护人员提供必要的心
理支持。

新西兰为农产品出口开设“绿色通道”

新西兰初级产业部近日宣布，为保障农产
品出口稳定，将为肉类、乳制品等出口企业开
设通关“绿色通道”，简化检验检疫程序。
（据新华社）"""


def test_a_wire_page() -> None:
    # a photo's short title a blank line above the next story's title (each reads like its
    # own text); 新华社记者 signs; a brief box's label is furniture; a brief's source in
    # brackets on a line of its own closes it and does not widen its column
    layout = _checked_layout(_WIRE_PAGE.split("\n"))
    got = layout.articles[["kind", "title", "byline"]].values.tolist()
    assert got == [
        ["photo_caption", "早稻机插忙", "新华社记者 李贺 摄"],
        ["article", "春耕一线的“新农人”", "新华社记者 周磊 孙芳"],
        ["article", "世卫组织呼吁加强一线医护人员防护", ""],
        ["article", "新西兰为农产品出口开设“绿色通道”", "据新华社"],
    ]
    assert "国际快讯" in layout.unplaced.text.tolist()


def test_a_three_part_headline_after_another_headline() -> None:
    # a headline a blank line above, and a three-part block printed in three font sizes (three
    # chunks with no blank line between): the block is a headline of its own, short kicker on
    # top, not the subtitle of the headline above
    story = (
        "本报讯 5月19日，我市夏粮收购工作全面启动，小麦最低收购价每50公斤112元，预计全市收购"
        "小麦1.3万吨，各收购点已做好准备。"
    )
    lines = [
        *_column(_SPRING_STORY, 14),
        "",
        "抢抓农时不误春耕",
        "",
        "颗粒归仓保丰收",
        "我市夏粮收购工作全面启动",
        "小麦最低收购价每50公斤112元 预计收购1.3万吨",
        "■记者 李雨婷",
        "",
        *_column(story, 15),
    ]
    layout = _checked_layout(lines)
    got = layout.articles[["kicker", "title", "subtitle"]].values.tolist()
    assert got[-1] == [
        "颗粒归仓保丰收",
        "我市夏粮收购工作全面启动",
        "小麦最低收购价每50公斤112元 预计收购1.3万吨",
    ]


def test_two_headlines_after_two_stories_on_one_topic() -> None:
    # both stories about one typhoon, both headlines after both bodies, a blank line between
    # the headlines: each goes to its own story (the second shares 回港避风 with the first
    # story's text, but reads half as much again like its own), and the first keeps its kicker
    page = """本报讯 8 月 3 日晚，
我市召开防御今年第 4 号台
风“黑格比”紧急会议。市委书
记张立新在会上强调，要把防台
工作作为当前最重要的任务，坚
决守住不死人、少伤人、少损失
的底线。周伟民、钱晓东出席会
议。

据市气象台预报，“黑格比”
将于4日凌晨在温州到台州一带
沿海登陆，受其影响，我市4日
至5日将有暴雨到大暴雨，沿海
风力可达10到12级。

张立新要求，各镇街道和部
门要立即进入临战状态，对海塘、
水闸、在建工地、危旧房屋、广
告牌等开展拉网式排查，该转移
的人员坚决转移到位，该回港的
船只全部回港避风。要加强值班

值守，主要领导靠前指挥，确保
信息畅通、指令直达。

本报讯 截至8月4日6时，
全市共转移危险区域人员
12416人，其中乍浦镇、独
山港镇转移人数最多。全市
297艘渔船已全部回港避风，
沿海42个在建工地全面停工。

记者在乍浦镇九龙山安置点
看到，工作人员正为转移群众发
放毛毯、矿泉水和方便食品。
“晚上睡在这里，心里踏实。”
从海边出租屋转移过来的外来务
工人员李师傅说。

张立新在全市防御第4号台风“黑格比”紧急会议上
强调

严阵以待严阵以待
守牢防台底线守牢防台底线

全市转移群众1.2万人
渔船全部回港避风
■记 者 钱 欣"""
    layout = _checked_layout(page.split("\n"))
    got = layout.articles[["kicker", "title", "subtitle", "byline"]].values.tolist()
    assert got == [
        ["张立新在全市防御第4号台风“黑格比”紧急会议上强调", "严阵以待 守牢防台底线", "", ""],
        # (■记 者 钱 欣: the role spaced out as the name is; the space after it stays; a fact
        # ending in its figure over a statement of about its width: title and subtitle)
        ["", "全市转移群众1.2万人", "渔船全部回港避风", "记者 钱欣"],
    ]


@pytest.mark.parametrize(
    "headline",
    [["■", "抢抓农时不误春耕"], ["■", "开学第一课", "校园安全教育“不打烊”"]],
)
def test_a_lone_marker_over_a_title(headline: list[str]) -> None:
    # the marker stripped from the headline's first line leaves it empty: no label to read
    layout = _checked_layout([*_column(_SPRING_STORY, 14), "", *headline])
    assert layout.articles.title.tolist()[0].endswith(headline[1])


def test_a_title_cut_in_two_by_a_blank_line_is_one_title() -> None:
    # two title lines of one width, a blank line between, the byline under the second: one
    # title, not a kicker over a title (a kicker label is shorter than the title it tops)
    story = (
        "本报讯 3月20日，我市首个“共享菜园”在钟埭街道沈家弄村开园。村里将30亩闲置土地划分成"
        "120块小菜地，供城区居民认领种植，已有80多户市民认领了菜地。"
    )
    layout = _checked_layout(
        [*_column(story, 13), "", "城里人来村里", "", "“认领”菜地", "■记者 王 强"]
    )
    got = layout.articles[["kicker", "title", "byline"]].values.tolist()
    assert got == [["", "城里人来村里 “认领”菜地", "记者 王强"]]
    assert layout.unplaced.kind.tolist() == ["marker"]


def test_a_photos_title_printed_right_on_its_caption_is_its_title() -> None:
    # no blank line between the title and the caption: a short first line with no punctuation
    # over the caption, a photo credit right under it
    layout = _checked_layout(
        [
            *_column(_SPRING_STORY, 14),
            "",
            "抢抓农时不误春耕",
            "",
            "教室消毒迎开学",
            "3月16日，新华小学的",
            "老师正在对教室进行消毒，",
            "为开学做准备。",
            "■摄影 徐 磊",
        ]
    )
    caption = layout.articles.iloc[1]
    assert (caption.kind, caption.title, caption.byline) == (
        "photo_caption",
        "教室消毒迎开学",
        "摄影 徐磊",
    )
    assert caption.body == "3月16日，新华小学的老师正在对教室进行消毒，为开学做准备。"


def test_an_agencys_photo_credit_makes_a_caption() -> None:
    caption = "这是3月18日在意大利罗马拍摄的空荡荡的西班牙广场。"
    layout = _checked_layout(
        [
            *_column(_SPRING_STORY, 14),
            "",
            "抢抓农时不误春耕",
            "",
            *_column(caption, 19),
            "新华社发（奥古斯托·卡萨索利 摄）",
            "",
            "罗马街头行人稀少",
        ]
    )
    caption_row = layout.articles.iloc[1]
    assert (caption_row.kind, caption_row.title, caption_row.byline, caption_row.body) == (
        "photo_caption",
        "罗马街头行人稀少",
        "新华社发（奥古斯托·卡萨索利 摄）",
        caption,
    )


def test_a_code_split_over_two_lines_is_joined_without_a_space() -> None:
    # two Latin words meet with a space (open source); a code or a plate does not
    layout = _checked_layout(
        [
            "平湖市当湖街道福兴便利店遗失营业执照正本一",
            "份，统一社会信用代码：92330482MA2B",
            "C5XK1N，声明作废。车牌号浙FA",
            "B123的车主请联系。",
        ]
    )
    body = layout.articles.body[0]
    assert "92330482MA2BC5XK1N" in body and "浙FAB123" in body


_TREE_STORY = "3月18日，全市春季植树活动在东湖公园举行，200余名干部群众共植下苗木1500余株。"


def test_the_bylines_of_provincial_and_comment_pages() -> None:
    # 本报通讯员 is a role, not a dateline ending in the 讯 of 通讯员; a commentator signs
    # with the role alone
    for credit, byline in (
        ("本报通讯员 李 明 记者 王 丽", "本报通讯员 李明 / 记者 王丽"),
        ("■本报评论员", "本报评论员"),
    ):
        layout = _checked_layout([credit, *_column(_TREE_STORY, 14), "", "全市春季植树活动举行"])
        got = layout.articles[["title", "byline", "dateline"]].values.tolist()
        assert got == [["全市春季植树活动举行", byline, ""]], credit


def test_a_bracketed_section_label_is_a_kicker() -> None:
    for gap in ([], [""]):
        layout = _checked_layout(
            [*_column(_TREE_STORY, 14), "", "【生态文明】", *gap, "全市春季植树活动举行"]
        )
        got = layout.articles[["kicker", "title"]].values.tolist()
        assert got == [["【生态文明】", "全市春季植树活动举行"]], gap


def test_a_question_over_a_reporters_byline_is_a_headline() -> None:
    layout = _checked_layout(
        [*_column(_TREE_STORY, 14), "", "今年城市添绿有哪些新变化？", "■记者 李雨婷"]
    )
    got = layout.articles[["title", "byline"]].values.tolist()
    assert got == [["今年城市添绿有哪些新变化？", "记者 李雨婷"]]
    assert layout.articles.body[0] == _TREE_STORY


def test_a_photo_credit_under_the_captions_title_makes_it_a_caption() -> None:
    caption = "3月20日，在乍浦镇一处建设工地，工人正在进行钢筋绑扎作业。"
    layout = _checked_layout([*_column(caption, 20), "", "重点工程建设忙", "■摄影 居丹荔"])
    got = layout.articles[["kind", "title", "byline"]].values.tolist()
    assert got == [["photo_caption", "重点工程建设忙", "摄影 居丹荔"]]


def test_more_subhead_forms_stay_in_the_body() -> None:
    # a letter-spaced line, and a numbered one whose words open with a numeral (三、一张蓝图…,
    # not 一、二季度…)
    more = "  连日来，我市抓住晴好天气，组织农机手开展春耕作业，已完成早稻播种一万余亩。"
    for subhead in ("人 才 从 哪 里 来", "破 局", "三、一张蓝图绘到底"):
        layout = _checked_layout(
            [
                *_column(_SPRING_STORY, 14),
                "",
                subhead,
                "",
                *_column(more, 14),
                "",
                "抢抓农时不误春耕",
            ]
        )
        (article,) = layout.articles.itertuples()
        assert article.title == "抢抓农时不误春耕", subhead
        assert article.body.split("\n")[1:] == [subhead, more.strip()], subhead


def test_the_desk_signing_a_correction_closes_it() -> None:
    correction = "本报3月13日第2版《新仓镇推进“美丽河道”建设》一文中，“全长12公里”应为“全长21公里”，特此更正。"
    layout = _checked_layout(
        [
            *_column(_SPRING_STORY, 14),
            "",
            "抢抓农时不误春耕",
            "",
            "更正",
            "",
            *_column(correction, 14),
            "",
            "本报编辑部",
        ]
    )
    assert layout.articles.title.tolist() == ["抢抓农时不误春耕", "更正"]
    assert layout.articles.body[1].split("\n") == [correction, "本报编辑部"]


def test_an_interview_question_is_no_byline() -> None:
    # 记者：… opens a question in an interview; a byline names people (short names, 、 between).
    layout = _checked_layout(
        [
            "本报讯 污水治理是目前乡村建设中最为薄弱的一个环节。",
            "",
            "记者：住建局、生态环境分局为污水治理制",
            "定了哪些具体的工作举措？",
            "",
            "沈卫东：市政府及相关部门陆续出台了一系",
            "列扎实的工作举措。",
            "",
            "■记者 王强、徐佳丽",
        ]
    )
    assert (
        "记者：住建局、生态环境分局为污水治理制定了哪些具体的工作举措？" in layout.articles.body[0]
    )
    assert layout.unplaced.query("kind == 'detached_byline'").text.tolist() == [
        "■记者 王强、徐佳丽"
    ]


def test_a_quoted_subhead_between_paragraphs_of_one_column_stays_in_the_body() -> None:
    # A column of 19: the line after the subhead is a paragraph's indented first line, cut by
    # a column break; a headline would open an article of its own.
    layout = _checked_layout(
        [
            "本报讯 全市监管系统各级“领头雁”坚持从",
            "我做起，碰到急难险重的任务时，全体执法",
            "人员按职务“倒排序”，局长带头冲在一线。",
            "",
            "“挖出作风问题病根”",
            "",
            "陆志强局长向班子抛出一个难题：一些",
            "",
            "作风顽疾为什么整改了又反弹？他们逐条分",
            "析了这些作风顽疾，发现症结就在于机制没",
            "有健全。",
        ]
    )
    assert len(layout.articles) == 1
    assert layout.articles.body[0].split("\n")[1:] == [
        "“挖出作风问题病根”",
        "陆志强局长向班子抛出一个难题：一些作风顽疾为什么整改了又反弹？他们逐条分析了这些作风顽疾，"
        "发现症结就在于机制没有健全。",
    ]


def test_a_subhead_of_short_phrases_between_paragraphs_of_one_column_stays_in_the_body() -> None:
    # 抓项目 促开工: two short phrases, a space between, set between paragraphs of one column,
    # the next opening a paragraph (its indent lost) with no dateline
    layout = _checked_layout(
        [
            *_column("本报讯 昨日，市政府召开常务会议，研究部署今年民生实事项目推进工作。", 15),
            "",
            "抓项目 促开工",
            "",
            "会议要求，各牵头单位要对照",  # (the paragraph's indent is lost)
            *_column("时间节点，倒排工期、挂图作战，确保各项目年中前全面开工。", 15),
            "",
            "民生实事项目全面推进",
        ]
    )
    (article,) = layout.articles.itertuples()
    assert article.title == "民生实事项目全面推进"
    assert article.body.split("\n")[1:] == [
        "抓项目 促开工",
        "会议要求，各牵头单位要对照时间节点，倒排工期、挂图作战，确保各项目年中前全面开工。",
    ]


def test_a_dated_local_story_is_never_read_into_a_digest() -> None:
    # Same column, no headline between: a wire item (…电) may continue a digest, but 本报北京1月
    # 12日讯 opens a local story of its own.
    first = (
        "新华社北京1月12日电 春运首日，全国铁路发送旅客三百万人次，各地车站秩序井然，"
        "旅客出行平稳有序，铁路部门还加开了临时旅客列车。"
    )
    second = (
        "本报北京1月12日讯 记者朱明报道：春节将至，在京创业的平湖青年今天来到驻京联络处共叙乡情。"
    )
    page = "\n".join([*_column(first, 14), "", *_column(second, 14)])
    layout = parse_page(page)
    check_conservation(page, layout)
    assert layout.articles.dateline.tolist() == ["新华社北京1月12日电", "本报北京1月12日讯"]


_SPRING_STORY = (
    "本报讯 3月14日上午，全市春季农业生产推进会在新港镇召开。会议要求，各镇街道要抓住当前有利"
    "时机，全力以赴抓好春耕备耕工作，确保粮食生产稳定。"
)
_SPRING_CAPTION = "图为新港镇农民在田间抢种早稻。连日来，我市抓住晴好天气，组织农机手开展春耕作业。"


def test_a_jump_line_ends_the_story_on_this_page_and_is_furniture() -> None:
    # （下转第2版） under the last line: the story goes on elsewhere, so the headline after the
    # blank line is no continuation of the body; the jump line is no body text.
    layout = _checked_layout([*_column(_SPRING_STORY, 14), "（下转第2版）", "", "抢抓农时不误春耕"])
    (article,) = layout.articles.itertuples()
    assert article.title == "抢抓农时不误春耕"
    assert article.body.endswith("确保粮食生产稳定。")
    assert layout.unplaced[["kind", "text"]].values.tolist() == [["furniture", "（下转第2版）"]]


def test_a_jump_line_inside_the_text_is_taken_out_of_the_body() -> None:
    continued = "各镇街道要抓住当前有利时机，全力以赴抓好春耕备耕工作。（下转第2版）"
    layout = _checked_layout(["（上接第1版）", *_column(continued, 14)])
    assert layout.articles.body.tolist() == [
        "各镇街道要抓住当前有利时机，全力以赴抓好春耕备耕工作。"
    ]
    assert layout.articles.title.tolist() == [""]
    assert sorted(layout.unplaced.text) == ["（上接第1版）", "（下转第2版）"]


def test_the_page_credits_are_furniture() -> None:
    for credits in ("本版编辑 王五 校对 赵六", "责任编辑：王五  版式设计：赵六", "编辑：王五"):
        layout = _checked_layout([*_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕", "", credits])
        assert layout.articles.subtitle.tolist() == [""], credits
        assert layout.unplaced.kind.tolist() == ["furniture"], credits


def test_a_photo_credit_makes_a_caption_wherever_it_is_printed() -> None:
    # On a line of its own, with or without a role or a marker, or at the end of the text,
    # bracketed or not: the credit is the byline and the item a photo caption.
    for credit_lines, caption_end, byline in (
        (["记者 张三 摄"], "", "记者 张三 摄"),
        (["■记者 张三 摄"], "", "记者 张三 摄"),
        (["张三 摄"], "", "张三 摄"),
        (["王 强 摄"], "", "王强 摄"),  # a name spaced out to the column's width
        ([], "（记者 张三 摄）", "记者 张三 摄"),
        ([], " 张三 摄", "张三 摄"),
    ):
        page = [
            *_column(_SPRING_STORY, 14),
            "",
            "抢抓农时不误春耕",
            "",
            *_column(_SPRING_CAPTION + caption_end, 16),
            *credit_lines,
        ]
        layout = _checked_layout(page)
        caption = layout.articles.iloc[1]
        assert (caption.kind, caption.byline, caption.body) == (
            "photo_caption",
            byline,
            _SPRING_CAPTION,
        ), page


def test_a_credit_in_brackets_at_the_end_of_a_story_is_its_byline() -> None:
    lines = [
        "本报讯 3月14日上午，全市春季农",
        "业生产推进会在新港镇召开。会议要",
        "求，各镇街道要抓住当前有利时机，",
        "确保粮食生产稳定。（记者 张三 通",
        "讯员 李四）",
    ]
    layout = _checked_layout([*lines, "", "抢抓农时不误春耕"])
    (article,) = layout.articles.itertuples()
    assert (article.kind, article.byline) == ("article", "记者 张三 / 通讯员 李四")
    assert article.body.endswith("确保粮食生产稳定。")


def test_the_page_header_and_the_newsroom_lines_are_furniture() -> None:
    for furniture in (
        "2020年3月16日 星期一",
        "平湖新闻",
        "2",
        "A2",
        "PINGHU DAILY",
        "新闻热线：85123456",
        # the parts of a header on one line
        "2020年3月16日 星期一 第2版",
        "平湖日报 2020年3月16日 星期一",
        "A2 综合新闻 责任编辑 沈佳",
        "2020年3月16日 农历庚子年二月廿三 星期一",
        "PINGHU DAILY 2020.3.16",
        # the masthead's small print, the imprint at the foot, a call to scan a code
        "国内统一连续出版物号：CN33-0076",
        "中共平湖市委机关报",
        "第7960期 今日8版",
        "本报地址：平湖市当湖街道胜利路388号 邮编：314200",
        "网址：www.phnews.com.cn 印刷：嘉兴日报印务中心",
        "2022年3月16日 星期三 责任编辑：周 晔 版式：钱 程",
        "3        社 会        2020年8月26日  星期三",
        "扫码关注\n“平湖发布”微信公众号",
        "扫一扫 看视频",
        # the front page's guide to the issue
        "今日导读\n▶我市首批“共享工程师”上岗 3版\n▶防灾减灾宣传走进社区 4版",
    ):
        furniture_lines = furniture.split("\n")
        layout = _checked_layout(
            [*furniture_lines, "", *_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕"]
        )
        assert layout.articles.title.tolist() == ["抢抓农时不误春耕"], furniture
        assert layout.unplaced.kind.tolist() == ["furniture"] * len(furniture_lines), furniture
    # a header stacked over lines (section, date, page number), spaced out or not, above the
    # first story or under the last; a continued story has no headline to take it for one
    for header in (["要 闻", "2020年3月20日 星期五", "1"], ["7", "社会", "2020年3月20日 星期五"]):
        for page in (
            [*header, "", *_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕"],
            [*_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕", "", *header],
            ["（上接第1版）", *_column(_SPRING_STORY.removeprefix("本报讯 "), 14), "", *header],
        ):
            layout = _checked_layout(page)
            assert layout.unplaced.kind.tolist().count("furniture") == len(header) + (
                page[0] == "（上接第1版）"
            ), page
    # a header of four lines inside a story's column break, a paper's name over the date and
    # the section with its page number, an advertisement's text under its label
    story = _column(_SPRING_STORY, 14)
    for furniture in (
        ["第2版", "综 合", "2021年5月12日", "星期三"],
        ["海盐报", "2019年11月21日 星期四", "综合2"],
        ["公益广告", "", "文明平湖 你我共建", "讲文明 树新风", "平湖市文明办 宣"],
    ):
        layout = _checked_layout(
            [*story[:5], "", *furniture, "", *story[5:], "", "抢抓农时不误春耕"]
        )
        assert layout.articles.title.tolist() == ["抢抓农时不误春耕"], furniture
        assert layout.unplaced.kind.tolist() == ["furniture"] * sum(map(bool, furniture))
        assert layout.articles.body[0] == "".join(story).removeprefix("本报讯 ")
    # a section the list does not know, with the page's date: still the header, also with
    # blank lines between its parts; without the date it may be a headline (乡村振兴 over a
    # story)
    header = ["乡村振兴", "2021年6月3日 星期四", "5"]
    spaced = ["2021年6月3日 星期四", "", "乡 村 振 兴", "", "5"]
    for page in (
        [*header, "", *_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕"],
        [*_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕", "", *header],
        [*spaced, "", *_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕"],
    ):
        layout = _checked_layout(page)
        assert layout.unplaced.kind.tolist() == ["furniture"] * 3, page
        assert layout.articles.title.tolist() == ["抢抓农时不误春耕"], page
    layout = _checked_layout(["乡村振兴", "", *_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕"])
    assert "furniture" not in layout.unplaced.kind.tolist()
    # (nor is a headline under the header's last part, over its story)
    layout = _checked_layout(
        ["2021年6月3日 星期四", "", "5", "", "春耕", "", *_column(_SPRING_STORY, 14)]
    )
    assert layout.articles.title.tolist() == ["春耕"]
    # a headline that merely names a paper or the desk is no furniture
    for headline in ("我读平湖日报", "编辑部的故事"):
        layout = _checked_layout([*_column(_SPRING_STORY, 14), "", headline])
        assert layout.articles.title.tolist() == [headline]


def test_a_numbered_or_marked_subhead_is_a_paragraph_of_the_body() -> None:
    # 一、抓好春耕 or ■ 抢抓晴好天气 between two paragraphs of one column: the article goes on
    # (no headline opens a new one), and the subhead is a paragraph of its own.
    more = "  连日来，我市抓住晴好天气，组织农机手开展春耕作业，已完成早稻播种一万余亩。"
    for subhead in ("一、抓好春耕", "（二）抓好春耕", "■ 抢抓晴好天气"):
        layout = _checked_layout(
            [*_column(_SPRING_STORY, 14), "", subhead, *_column(more, 14), "", "抢抓农时不误春耕"]
        )
        (article,) = layout.articles.itertuples()
        assert article.title == "抢抓农时不误春耕", subhead
        assert article.body.split("\n")[1:] == [subhead, more.strip()], subhead


def test_a_wire_storys_end_mark_ends_it_and_is_furniture() -> None:
    story = (
        "新华社北京3月14日电 全国春季农业生产工作会议今天召开。会议要求，确保粮食生产稳定。（完）"
    )
    layout = _checked_layout([*_column(story, 15), "", "全国春耕有序展开"])
    (article,) = layout.articles.itertuples()
    assert (article.title, article.body) == (
        "全国春耕有序展开",
        "全国春季农业生产工作会议今天召开。会议要求，确保粮食生产稳定。",
    )
    assert layout.unplaced.text.tolist() == ["（完）"]


def test_a_page_set_headline_first_in_the_conventions_of_other_local_papers() -> None:
    # An invented page (tests/fixtures/page_headline_first.txt) in the other common style:
    # headlines above their bodies, credits in the dateline's brackets, a photo credit with 摄,
    # a jump line, a wire story's （完）, page header and page credits.
    from pathlib import Path

    path = Path(__file__).parent / "fixtures" / "page_headline_first.txt"
    page = read_page(path)
    layout = parse_page(page)
    check_conservation(page.text, layout)
    got = layout.articles[["kind", "title", "byline", "dateline"]].values.tolist()
    assert got == [
        ["article", "我市启动春季植树活动", "记者 李雨婷 / 通讯员 徐冰艳", "本报讯"],
        ["article", "独山港镇企业 订单排到6月份", "", "本报讯（记者 王强）"],
        ["photo_caption", "春暖草莓红", "记者 徐佳丽 摄", ""],
        ["article", "全国春播进度快于去年同期", "", "新华社北京3月17日电（记者 赵明）"],
    ]
    bodies = layout.articles.body.tolist()
    assert [body.count("\n") + 1 for body in bodies] == [3, 2, 1, 1]
    assert "成活率更有保障" in bodies[0]  # joined across the column break inside 适|合
    assert bodies[0].endswith("全民义务植树活动。")
    assert bodies[2] == "图为新仓镇的农户在大棚里采摘草莓。连日来，当地草莓迎来上市高峰。"
    assert bodies[3].endswith("进度快于去年同期。")
    assert layout.unplaced[["kind", "text"]].values.tolist() == [
        ["furniture", "2020年3月18日 星期三"],
        ["furniture", "平湖新闻"],
        ["furniture", "3"],
        ["marker", "■"],
        ["furniture", "责任编辑：沈佳 版式：陆敏"],
        ["furniture", "（下转第2版）"],
        ["furniture", "（完）"],
    ]


def test_the_start_of_a_paragraph_over_a_jump_line_is_body_text() -> None:
    # The story's last paragraph is cut after two characters by the jump line: no headline.
    lines = [*_column(_SPRING_STORY, 14), "", "  据统", "（下转第2版）", "", "抢抓农时不误春耕"]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert article.title == "抢抓农时不误春耕"
    assert article.body.split("\n")[-1] == "据统"


def test_a_wire_story_that_said_its_end_mark_takes_no_digest_item() -> None:
    # Same column, no headline between: a second wire item would continue a digest, but （完）
    # has closed the first story.
    first = (
        "新华社北京1月12日电 春运首日，全国铁路发送旅客三百万人次，各地车站秩序井然，"
        "旅客出行平稳有序，铁路部门还加开了临时旅客列车。（完）"
    )
    second = "新华社上海1月12日电 上海港今天迎来新年第一艘国际邮轮，三千名游客在吴淞口登岸。"
    layout = _checked_layout([*_column(first, 14), "", *_column(second, 14)])
    assert layout.articles.dateline.tolist() == ["新华社北京1月12日电", "新华社上海1月12日电"]


def test_a_headline_over_a_photo_caption_is_not_a_paragraph_start() -> None:
    # 城东大桥主体工程完工 is as wide as the caption's indented first line, but a caption (a
    # photo credit printed right under it) is no paragraph a line could run on into.
    caption = " 市公交公司的工作人员正在对新投放的纯电动公交车进行检查，确保车辆安全运行。"
    lines = [
        *_column(_SPRING_STORY, 16),
        "",
        "城东大桥主体工程完工",
        "",
        *_column(caption, 13),
        "■摄影 朱晓彤",
    ]
    layout = _checked_layout(lines)
    assert layout.articles.kind.tolist() == ["article", "photo_caption"]
    assert "城东大桥" not in "".join(layout.articles.body)


def test_a_paragraph_citing_an_earlier_issue_is_no_dateline() -> None:
    # 本报3月2日第二版… reads like a dateline wrapped at the line end, but the lines under it
    # never complete it with 讯 or 电: the paragraph goes on in the same story.
    first = "本报嘉兴3月5日电 记者李明报道：嘉兴市开始整治老旧小区的违章搭建。"
    second = (
        "本报3月2日第二版《城乡建设》专栏刊登的读者来信反映了老旧小区违章搭建的问题，"
        "市里随即组织有关部门开展调查，并制定了整治方案。"
    )
    lines = [*_column(first, 15), "", *_column(second, 15), "", "嘉兴整治违章搭建"]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert article.title == "嘉兴整治违章搭建"
    assert article.dateline == "本报嘉兴3月5日电"
    assert article.body.split("\n")[1].startswith("本报3月2日第二版")


@pytest.mark.parametrize("headline_first", [True, False])
def test_a_headless_wire_item_under_a_body_joins_the_digest_its_headline_names(
    headline_first: bool,
) -> None:
    # Two wire items in one column, no headline between; the first story is too short to
    # read its column. The one headline, over the digest or under it, names both items
    # (北京西站, 上海虹桥站): the second item is no article of its own.
    first = "新华社北京1月12日电 春运首日，北京西站发送旅客十二万人次，站内秩序井然。"
    second = "北京铁路局加开临时旅客列车二十列，春运客流高峰提前到来。"
    item = "新华社上海1月12日电 春运首日，上海虹桥站发送旅客九万人次，比去年同期增长一成。"
    headline = ["北京西站上海虹桥站春运首日客流旺", ""]
    digest = [*_column(first, 14), "", *_column(second, 14), "", *_column(item, 14), ""]
    other = ["明年起实行新的统计制度", ""]
    other += _column(
        "本报讯 国家统计局今天宣布，明年起实行新的统计制度，数据质量将进一步提高。", 12
    )
    lines = headline + digest + other if headline_first else digest + headline + other
    articles = _checked_layout(lines).articles
    assert articles.title.tolist() == ["北京西站上海虹桥站春运首日客流旺", "明年起实行新的统计制度"]
    assert articles.dateline.tolist() == ["新华社北京1月12日电", "本报讯"]
    assert articles.body[0].split("\n")[-1].startswith("新华社上海1月12日电春运首日")


def test_a_line_wider_than_a_wrapped_title_starts_its_subtitle() -> None:
    # The title is wrapped into two balanced lines; the line under them is three characters
    # wider (not the half again that a subtitle usually runs): smaller type, a subtitle.
    lines = [
        *_column(_SPRING_STORY, 16),
        "",
        "全市春季农业生产推进",
        "会在新港镇召开部署春耕",
        "抓住有利时机全力抓好春耕备耕",
    ]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert article.title == "全市春季农业生产推进 会在新港镇召开部署春耕"
    assert article.subtitle == "抓住有利时机全力抓好春耕备耕"


def test_a_block_wrapped_wider_than_a_one_line_title_is_its_subtitle() -> None:
    # One title line over a block wrapped three characters wider: had they been one title,
    # wrapped into balanced lines, the first line would be as long as the second.
    lines = [
        *_column(_SPRING_STORY, 16),
        "",
        "全市春季农业生产推进会召开",
        "各镇街道抓住有利时机全力抓好春耕",
        "备耕工作",
    ]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert article.title == "全市春季农业生产推进会召开"
    assert article.subtitle == "各镇街道抓住有利时机全力抓好春耕备耕工作"


def test_a_headline_sharing_no_word_with_its_body_goes_by_its_rare_characters() -> None:
    # 书香满城迎春来 shares no two-character word with any body; its 书 and 城 are frequent in
    # one story (图书馆, 读书, 城市书房) and in no other, while the photo caption (also left
    # without a headline) holds none of them.
    reading = (
        "本报讯 近日，市图书馆启动全民阅读月活动，举办名家讲座、亲子共读、读书分享会等活动。"
        "新建的十家城市书房同时开放，市民可免费借阅图书。"
    )
    farming = (
        "本报讯 全市春季农业生产推进会召开，会议要求抓住当前有利时机，全力以赴抓好春耕备耕，"
        "确保粮食生产稳定。"
    )
    caption = " 市公交公司的工作人员正在对新投放的纯电动公交车进行检查，确保车辆安全运行。"
    lines = [
        *_column(reading, 16),
        "",
        *_column(caption, 13),
        "■摄影 朱晓彤",
        "",
        *_column(farming, 14),
        "",
        "抢抓农时不误春耕",
        "",
        "书香满城迎春来",
    ]
    layout = _checked_layout(lines)
    assert layout.articles.title.tolist() == ["书香满城迎春来", "", "抢抓农时不误春耕"]


def test_a_jump_line_in_the_middle_of_a_paragraph_is_taken_out() -> None:
    # The page prints the note where the column ends, mid-paragraph; the text runs on after it.
    lines = ["本报讯 全市春季农业生产推进会召开，会议要求（转第3版）", "抓住当前有利时机。"]
    layout = _checked_layout(lines)
    assert layout.articles.body.tolist() == [
        "全市春季农业生产推进会召开，会议要求抓住当前有利时机。"
    ]
    assert layout.unplaced.text.tolist() == ["（转第3版）"]


def test_words_of_furniture_inside_a_headline_leave_it_a_headline() -> None:
    # The paper's name, a section or Latin capitals make furniture only on a line of their own
    # at the page's edge or beside a date or page number; a headline may hold them too.
    for headline in ("读嘉兴日报", "揭秘新闻", "APEC", "NBA 2"):
        story = [*_column(_SPRING_STORY, 14), "", "抢抓农时不误春耕", ""]
        layout = _checked_layout([*story, *_column(_SPRING_STORY, 15), "", headline, "", *story])
        assert layout.articles.title.tolist()[1] == headline, headline


def test_a_story_signed_by_a_reporter_and_a_photographer_is_no_caption() -> None:
    lines = [*_column("图为" + _SPRING_CAPTION, 16), "■记者 张三", "摄影记者 李四", "", "春耕忙"]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert (article.kind, article.byline) == ("article", "记者 张三 / 摄影记者 李四")


def test_a_jump_line_closes_a_wire_story_against_the_next_item() -> None:
    first = (
        "新华社北京1月12日电 春运首日，全国铁路发送旅客三百万人次，各地车站秩序井然，"
        "旅客出行平稳有序，铁路部门还加开了临时旅客列车。（下转第2版）"
    )
    second = "新华社上海1月12日电 上海港今天迎来新年第一艘国际邮轮，三千名游客在吴淞口登岸。"
    layout = _checked_layout([*_column(first, 14), "", *_column(second, 14)])
    assert layout.articles.dateline.tolist() == ["新华社北京1月12日电", "新华社上海1月12日电"]


def test_a_justified_credit_at_the_end_of_a_caption_is_squeezed() -> None:
    lines = [*_column(_SPRING_CAPTION + "（记者 王 强 摄）", 20), "", "春耕忙"]
    (caption,) = _checked_layout(lines).articles.itertuples()
    assert (caption.kind, caption.byline) == ("photo_caption", "记者 王强 摄")


def test_a_numbered_line_running_on_or_two_numerals_is_no_subhead() -> None:
    # 1.加强组织领导， runs on across the column break; 一、二季度… is a headline of its own.
    more = "落实工作责任，确保各项措施落地见效。"
    lines = [*_column(_SPRING_STORY, 14), "", "1.加强组织领导，", "", *_column(more, 14)]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert "1.加强组织领导，落实工作责任" in article.body
    economy = "  全市经济运行总体平稳，主要指标好于预期，工业生产稳步回升，消费市场逐步回暖。"
    lines = [*_column(_SPRING_STORY, 14), "", "一、二季度经济运行平稳", "", *_column(economy, 14)]
    assert _checked_layout(lines).articles.title.tolist() == ["", "一、二季度经济运行平稳"]


def test_a_headline_signed_by_a_reporter_goes_to_a_story_not_a_credited_caption() -> None:
    # Kicker, blank line, title and bylines under the story; a photo caption with its own
    # credit follows. The signed title heads the story (its kicker joins it), not the caption.
    caption = " 日前，白沙街道的农技人员来到田间，指导农户做好小麦春季田间管理。"
    lines = [
        *_column(_SPRING_STORY, 14),
        "",
        "临湖市召开春季农业生产推进会",
        "",
        "抢抓农时",
        "不误春耕",
        "■记者 沈一鸣",
        "通讯员 陆晓岚",
        "",
        *_column(caption, 10),
        "■摄影 朱晓彤",
    ]
    layout = _checked_layout(lines)
    got = layout.articles[["kind", "kicker", "title", "byline"]].values.tolist()
    assert got == [
        [
            "article",
            "临湖市召开春季农业生产推进会",
            "抢抓农时 不误春耕",
            "记者 沈一鸣 / 通讯员 陆晓岚",
        ],
        ["photo_caption", "", "", "摄影 朱晓彤"],
    ]


def test_a_line_cut_short_by_a_number_that_did_not_fit_is_no_change_of_column() -> None:
    # 沈国庆高度评价全省体育在 could not take 2025 (a number does not split): two lines after a
    # finished paragraph, the first short by the number's width, go on in the same story.
    story = (
        "新华社杭州1月16日电 副省长沈国庆今天在全省体育工作会议上作讲话，他说，体育工作要坚持"
        "惠民导向，广泛开展全民健身，为建设体育强省和健康浙江作出新的贡献。"
    )
    lines = [
        *_column(story, 16),
        "",
        "沈国庆高度评价全省体育在",
        "2025 年取得的成绩。",
        "",
        "全省体育工作会议召开",
    ]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert article.body.endswith("沈国庆高度评价全省体育在2025年取得的成绩。")


def test_a_caption_set_in_the_column_of_the_story_above_is_no_digest_item() -> None:
    # Same width as the story, no headline between: a dated item would continue a digest, but
    # a photo credit printed under the lines makes them a caption of their own.
    story = (
        "新华社杭州1月16日电 副省长沈国庆今天在全省体育工作会议上作讲话，他说，体育工作要坚持"
        "惠民导向，广泛开展全民健身。"
    )
    caption = " 3月12日是植树节，东塘街道组织党员志愿者在城东公园开展义务植树活动。"
    lines = [*_column(story, 11), "", *_column(caption, 11), "■摄影 陆晓岚 顾佳音", "", "春风化雨"]
    layout = _checked_layout(lines)
    assert layout.articles.kind.tolist() == ["article", "photo_caption"]
    assert layout.articles.byline.tolist()[1] == "摄影 陆晓岚 顾佳音"


def test_a_wire_item_joins_a_digest_read_in_short_paragraphs() -> None:
    # The digest's first item is set in paragraphs of three lines: two inner lines measure its
    # column, and the next item's own inner lines share it.
    first = [
        "新华社沈阳1月8日电 辽宁各大商场",
        "从今天起推迟打烊，以便市民采购节日",
        "用品和年货。",
        "",
        "  各店负责人表示，在节日消费高峰时",
        "期，商家应与市民一道共度佳节，保证",
        "商品的质量安全。",
    ]
    second = [
        "新华社长春1月8日电 吉林各地今天启",
        "动以旧换新的家电消费补贴活动，广大",
        "市民纷纷将家中的旧电器送到商场，以",
        "旧换新的方式享受补贴，实惠过年。",
    ]
    # (a headline sharing no word with either item: only the column can join them)
    lines = ["东北节前传真", "", *first, "", *second]
    (article,) = _checked_layout(lines).articles.itertuples()
    assert article.title == "东北节前传真"
    assert "新华社长春1月8日电吉林各地" in article.body.replace(" ", "")


def test_a_commentator_named_by_the_paper_signs_the_commentary() -> None:
    # 平湖日报评论员 signs as 本报评论员 does, a blank line under the text
    text = _column("防汛防台，重在一个防字。各地各部门要克服麻痹思想，把工作做在前面。", 16)
    layout = _checked_layout(["防汛防台 重在“防”字", "", *text, "", "平湖日报评论员"])
    assert layout.articles[["title", "byline"]].values.tolist() == [
        ["防汛防台 重在“防”字", "平湖日报评论员"]
    ]
    assert "detached_byline" not in layout.unplaced.kind.tolist()


def test_a_credit_in_brackets_broken_after_its_role_closes_the_text() -> None:
    # （通讯员 | 朱 敏） and （记者 | 王 强 摄）: the line break parted the role from the name
    brief = [
        "■当湖街道开展垃圾分类督导",
        "3月以来，当湖街道组织",
        "120余名志愿者在各小区开展",
        "垃圾分类督导，引导居民定时",
        "定点投放，准确率提升至九成",
        "以上。（通讯员",
        "朱 敏）",
    ]
    caption = [
        " 3月16日，在市民中心不动产",
        "登记窗口，工作人员正在为前来",
        "办事的市民讲解流程。（记者",
        "王 强 摄）",
        "",
        "窗口服务暖人心",
    ]
    layout = _checked_layout([*brief, "", *caption])
    got = layout.articles[["kind", "title", "byline"]].values.tolist()
    assert got == [
        ["article", "当湖街道开展垃圾分类督导", "通讯员 朱敏"],
        ["photo_caption", "窗口服务暖人心", "记者 王强 摄"],
    ]
    assert not layout.articles.body.str.contains("（").any()


def test_briefs_titled_with_a_marker_in_one_column_are_separate_articles() -> None:
    # each ■ line titles the brief under it, which opens with when (3月以来，暑假期间，8月起)
    page = [
        "简讯",
        "",
        "■市民中心启用“周末不打烊”",
        "本报讯 自3月13日起，",
        "市民中心推出“周末不打烊”",
        "服务，每周六上午开放38个高",
        "频事项窗口，方便市民办事。",
        "",
        "■乍浦镇开展防溺水宣传",
        "暑假期间，乍浦镇组织志",
        "愿者在河塘等重点水域开展巡",
        "查，发放宣传资料3000余份。",
        "",
        "■“浙里办”上线停车缴费服务",
        "8月起，市民通过手机即可",
        "查询城区公共停车泊位并在线",
        "缴费，已接入停车场62个。",
    ]
    layout = _checked_layout(page)
    assert layout.articles.title.tolist() == [
        "市民中心启用“周末不打烊”",
        "乍浦镇开展防溺水宣传",
        "“浙里办”上线停车缴费服务",
    ]
    assert layout.articles.body.str.startswith(("自3月13日起", "暑假期间", "8月起")).all()


def test_a_box_of_briefs_under_a_place_label_and_a_title_over_a_brief_opening_anyhow() -> None:
    # 镇街快讯 labels the whole box, not the first brief; the last ■ line is a title because the
    # line under it lost a paragraph's indent, though its text opens with no date (随着…)
    page = [
        "镇街快讯",
        "",
        "■新仓镇启动冬季植树活动",
        "本报讯 近日，新仓镇组",
        "织干部群众在沿河绿道补种",
        "香樟、桂花等苗木1200株。",
        "",
        "■曹桥街道举办法律讲座",
        "11月起，曹桥街道每月",
        "邀请律师走进社区，为居民",
        "讲解婚姻家庭和劳动用工方",
        "面的法律知识。",
        "",
        "■东湖景区迎来观鸟季",
        "伴着气温走低，成群野",
        "鸭飞抵东湖水面越冬。巡查",
        "人员已记录到十余种水鸟，",
        "总数在两千只上下。",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["kicker", "title"]].values.tolist() == [
        ["", "新仓镇启动冬季植树活动"],
        ["", "曹桥街道举办法律讲座"],
        ["", "东湖景区迎来观鸟季"],
    ]
    assert layout.articles.body.iloc[2].startswith("伴着气温走低")
    assert "镇街快讯" in layout.unplaced.text.tolist()


def test_a_list_of_results_goes_on_across_a_column_break() -> None:
    # the items under 如下： run on into the next column; the prose under them is the story's
    text = "本报讯 上周末，全市中小学生游泳比赛在市游泳馆举行，共有三百余名选手参赛。"
    announcing = "经过激烈角逐，各组冠军名单如下："
    after = "本次比赛为下月的嘉兴市比赛选拔了一批选手，赛事组织工作也得到各方好评。"
    page = [
        *_column(text, 16),
        "",
        *_column(announcing, 16),
        "",
        "男子50米自由泳：吴凡 28秒4",
        "女子50米自由泳：金瑶 31秒2",
        "",
        "男子50米蛙泳：许诺 35秒7",
        "女子50米蛙泳：范琳 38秒9",
        "",
        *_column(after, 16),
        "",
        "中小学生游泳比赛落幕",
    ]
    layout = _checked_layout(page)
    assert layout.articles.title.tolist() == ["中小学生游泳比赛落幕"]
    paragraphs = layout.articles.body.iloc[0].split("\n")
    assert paragraphs[2:6] == [
        "男子50米自由泳：吴凡28秒4",
        "女子50米自由泳：金瑶31秒2",
        "男子50米蛙泳：许诺35秒7",
        "女子50米蛙泳：范琳38秒9",
    ]
    assert len(paragraphs) == 7


def test_items_of_a_list_each_between_blank_lines_are_paragraphs() -> None:
    # one result a line, blank lines between (column breaks or the page's spacing)
    text = "本报讯 3月28日，全市青少年围棋公开赛在市文化馆落幕，二百余名小棋手参赛。"
    after = "组委会表示，比赛成绩将作为下半年市队选拔的重要依据，欢迎更多孩子参与。"
    page = [
        *_column(text, 15),
        "",
        "各组别冠军如下：",
        "",
        "少年甲组：沈一鸣 7胜",
        "",
        "少年乙组：高子涵 6胜1负",
        "",
        *_column(after, 15),
        "",
        "青少年围棋公开赛落幕",
    ]
    layout = _checked_layout(page)
    paragraphs = layout.articles.body.iloc[0].split("\n")
    assert paragraphs[1:4] == ["各组别冠军如下：", "少年甲组：沈一鸣7胜", "少年乙组：高子涵6胜1负"]
    assert len(paragraphs) == 5


def test_a_document_title_wrapped_over_two_lines_is_one_title() -> None:
    # 关于… opens a phrase that its document noun closes; …名单公示 says which list only with
    # the line above: neither upper line is a kicker
    notice = _column("各参保单位和个人：现将有关事项通告如下，请相互转告，按时办理。", 15)
    for headline in (
        ["关于做好2023年度城乡居民基本医疗保险", "参保缴费工作的通告"],
        ["2022年度平湖市“最美家庭”", "拟表彰名单公示"],
    ):
        layout = _checked_layout([*notice, "", *headline])
        assert layout.articles[["kicker", "title"]].values.tolist() == [["", " ".join(headline)]]


def test_a_paragraph_opening_cut_before_a_brief_set_between_columns_is_no_headline() -> None:
    # 今年以来，我市大力推进企 | (a brief) | 业数字化改造…: one line opening with when and a
    # comma is the story's paragraph, resumed after the brief
    story = _column(
        "本报讯 走进位于钟埭街道的一家新材料企业，一台台机器人正在有序作业，"
        "工人们通过电脑屏幕就能掌握生产线运行情况。",
        14,
    )
    brief = [
        *_column("本报讯 6月8日，我市高考顺利结束。考试期间，各部门协同配合，考场秩序井然。", 15),
        "",
        "我市高考平稳顺利结束",
    ]
    rest = _column(
        "业数字化改造，计划全年实施一批技术改造项目，新增一批工业机器人，"
        "推动更多企业走上智能制造之路。",
        14,
    )
    layout = _checked_layout(
        [*story, "", "今年以来，我市大力推进企", "", *brief, "", *rest, "", "机器换人 车间“智”变"]
    )
    got = layout.articles[["title", "body"]].values.tolist()
    assert [title for title, _ in got] == ["机器换人 车间“智”变", "我市高考平稳顺利结束"]
    assert "今年以来，我市大力推进企业数字化改造" in got[0][1]


def test_a_caption_opening_with_a_space_inside_a_story_cut_mid_sentence() -> None:
    # …增开了至安徽、 | (a caption, its first line set with a space) | 河南、江西等方向的班车: the
    # caption is an item of its own and the story runs on after it
    story = _column(
        "本报讯 1月7日，春运正式启动。为保障群众平安出行，市交通运输部门加强了对客运站、"
        "高速公路服务区等重点场所的安全检查，对营运客车逐车开展安全隐患排查。同时，市汽车"
        "客运站增开了至安徽、",
        15,
    )
    caption = [
        " 1月10日，在市汽车客运",
        "站，志愿者正在帮助旅客搬运",
        "行李。春运期间，车站共有60",
        "余名志愿者提供爱心服务。",
        "■摄影 陆 斌",
        "",
        "春运路上的“红马甲”",
    ]
    rest = _column("河南、江西等方向的班车，方便外来务工人员返乡过年。", 15)
    layout = _checked_layout([*story, "", *caption, "", *rest, "", "暖心服务护航返乡路"])
    got = layout.articles[["kind", "title"]].values.tolist()
    assert got == [["article", "暖心服务护航返乡路"], ["photo_caption", "春运路上的“红马甲”"]]
    assert "增开了至安徽、河南、江西等方向的班车" in layout.articles.body.iloc[0]


def test_a_painting_credited_with_zuo_and_the_page_sponsor() -> None:
    # 《春江水暖》 沈国华 作 credits a painting as 摄 a photo; 本版由…协办 is the page's sponsor
    page = [
        " 这幅国画以淡墨写远山，",
        "以浓墨点出近岸的渔舟与垂",
        "柳，作者系市美术家协会会员。",
        "",
        "《春江水暖》 沈国华 作",
        "",
        "本版由平湖市文化馆协办",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["kind", "title", "byline"]].values.tolist() == [
        ["photo_caption", "《春江水暖》", "沈国华 作"]
    ]
    assert layout.unplaced.query("kind == 'furniture'").text.tolist() == ["本版由平湖市文化馆协办"]


def test_locate_takes_a_source_map_as_a_table_gives_it_back() -> None:
    # Parquet and JSON give the (offset, line, col) entries back as lists or arrays, and
    # offsets come out of DataFrames as numpy integers
    import numpy as np

    _, source_map = __import__("analysis.normalize", fromlist=["normalize"]).normalize(
        "第一行\n 3 月 14 日"
    )
    as_lists = [list(entry) for entry in source_map]
    as_arrays = np.array(source_map)
    for table in (source_map, as_lists, as_arrays):
        assert locate(table, np.int64(4)) == locate(source_map, 4)


def test_a_label_ending_in_a_colon_over_a_title_is_its_kicker() -> None:
    # 聚焦亚运： | “小青荷”志愿者上岗 under the story they head: a kicker and a title, not two
    # paragraphs of the story (a line ending in a colon announces what follows only in text)
    story = _column("本报讯 7月19日，首批80名亚运城市志愿者在乌镇、濮院等地上岗服务。", 14)
    layout = _checked_layout([*story, "", "聚焦亚运：", "“小青荷”志愿者上岗"])
    assert layout.articles[["kicker", "title"]].values.tolist() == [
        ["聚焦亚运：", "“小青荷”志愿者上岗"]
    ]
    assert layout.articles.body.iloc[0].count("\n") == 0


def test_a_photo_group_label_and_a_title_on_a_caption_credited_in_brackets() -> None:
    # 图片新闻 labels a group of photos (furniture); 麦收时节 is printed right on its caption,
    # whose credit closes it in brackets, broken before 摄
    page = [
        "图片新闻",
        "",
        "麦收时节",
        " 6月15日，在袁花镇一户",
        "种粮大户的麦田里，收割机正",
        "在抢收小麦。目前，全市小麦",
        "收割已过八成。（记者 张 帆",
        "摄）",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["kind", "title", "byline"]].values.tolist() == [
        ["photo_caption", "麦收时节", "记者 张帆 摄"]
    ]
    assert layout.articles.body.iloc[0].startswith("6月15日")
    assert "图片新闻" in layout.unplaced.query("kind == 'furniture'").text.tolist()


def test_two_short_title_lines_over_a_bold_line_twice_as_wide_are_the_title() -> None:
    # the line printed twice (fake bold) under them is the subtitle, as 家门到厂门 | “工”到自然成
    # stand over a wider subtitle; a kicker over a bold title runs wider than its lines
    story = _column("本报讯 截至目前，我市已建成5G基站五百余个，城区和工业园区信号全覆盖。", 15)
    subtitle = "我市实现城区和工业园区5G信号全覆盖"
    layout = _checked_layout([*story, "", "5G基站超五百个", "“智”造车间提速跑", subtitle * 2])
    assert layout.articles[["kicker", "title", "subtitle"]].values.tolist() == [
        ["", "5G基站超五百个 “智”造车间提速跑", subtitle]
    ]
    assert layout.unplaced.query("kind == 'duplicate_headline'").text.tolist() == [subtitle]


def test_a_reporter_and_where_the_story_was_filed_from_is_a_byline() -> None:
    # 本报记者林晓发自杭州 under the title: a credit, never a title of its own
    story = _column("本报讯 记者从省商务厅获悉，今年一季度全省跨境电商进出口额同比增长两成。", 16)
    layout = _checked_layout([*story, "", "跨境电商一季度进出口增长两成", "本报记者林晓发自杭州"])
    assert layout.articles[["kicker", "title", "byline"]].values.tolist() == [
        ["", "跨境电商一季度进出口增长两成", "本报记者林晓发自杭州"]
    ]


def test_a_sentence_ending_in_a_web_address_is_the_story_s_last_paragraph() -> None:
    # 报名详情请参考官方网站 | www.…: a paragraph (an address needs no full stop), not a
    # headline; the story's headline is the line after it
    story = _column("本报讯 今年的青少年科技夏令营即日起接受报名，名额共一百二十个。", 16)
    page = [
        *story,
        "",
        "报名详情请参考夏令营官方网站",
        "www.example.cn/camp2024",
        "",
        "青少年科技夏令营开始报名",
    ]
    layout = _checked_layout(page)
    assert layout.articles.title.tolist() == ["青少年科技夏令营开始报名"]
    assert layout.articles.body.iloc[0].endswith("官方网站www.example.cn/camp2024")
    assert layout.unplaced.query("kind == 'headline'").empty


def test_a_photographer_s_name_wrapped_under_the_credit_joins_it() -> None:
    # ■摄影 王 强 徐佳丽 | 陆晓峰: the third name did not fit the credit's line; it is no caption
    # title (the title is the line below the lone name)
    page = [
        " 10月14日，在钟埭街道",
        "的一家智能制造企业，工人",
        "们正在生产线上赶制一批出",
        "口订单。",
        "■摄影 王 强 徐佳丽",
        "陆晓峰",
        "",
        "严建平",
        "",
        "开足马力赶订单",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["kind", "title", "byline"]].values.tolist() == [
        ["photo_caption", "开足马力赶订单", "摄影 王强 徐佳丽 陆晓峰"]
    ]
    assert layout.unplaced.query("kind == 'lone_name'").text.tolist() == ["严建平"]


def test_a_story_opening_with_its_date_in_the_column_of_the_one_above_is_split_off() -> None:
    # no 本报讯 and no headline between the two stories; their headlines, printed together below
    # with their bylines, say where the second one starts: each reads like its own text
    exam = _column(
        "本报讯 6月13日至15日，全市初中毕业生学业考试将如期举行，共有5862名考生参加考试。"
        "市教育局提醒考生提前熟悉考点路线，合理安排出行时间。",
        16,
    )
    drill = _column(
        "6月9日上午，市消防救援大队在独山港区一家化工企业开展危险化学品泄漏事故应急演练，"
        "消防、应急、医疗等部门共200余人参加，演练历时1个多小时。",
        16,
    )
    page = [
        *exam,
        "",
        *drill,
        "",
        "5862名考生将参加中考",
        "■记者 朱 琳",
        "",
        "危化品泄漏事故应急演练举行",
        "■通讯员 顾 敏",
    ]
    layout = _checked_layout(page)
    got = layout.articles[["title", "body"]].values.tolist()
    assert [title for title, _ in got] == ["5862名考生将参加中考", "危化品泄漏事故应急演练举行"]
    assert got[1][1].startswith("6月9日上午")


def test_a_role_spaced_out_like_the_name_after_it_keeps_its_space() -> None:
    # ■记 者 钱 欣 reads 记者 钱欣, as ■记 者 翁辰辰 reads 记者 翁辰辰 (the sample's byline)
    story = _column("本报讯 今天上午，全市安全生产工作会议召开，部署下一阶段重点工作。", 16)
    for byline, want in (
        ("■记 者 钱 欣", "记者 钱欣"),
        ("■记 者 王 强 徐 佳 丽", "记者 王强 徐佳丽"),
        ("■摄 影 王 强", "摄影 王强"),
    ):
        layout = _checked_layout([*story, "", "全市安全生产工作会议召开", byline])
        assert layout.articles.byline.tolist() == [want]


def test_a_title_and_its_credit_on_one_line_a_gap_between() -> None:
    # an extraction that keeps the gap (a tab, or spaces) between a title and the ■ credit set
    # beside it: the credit is the headline's byline, the gap no part of the title
    story = _column(
        "本报讯 10月起，城区新开通3条公交线路，市民可通过手机实时查询车辆到站信息。", 16
    )
    for line, second in (
        ("城区新开3条公交线路\t■记者 居丹荔", []),
        ("城区新开3条公交线路  ■记 者 沈 洁", ["通讯员 顾晓峰"]),
    ):
        layout = _checked_layout([*story, "", line, *second])
        want = "记者 居丹荔" if not second else "记者 沈洁 / 通讯员 顾晓峰"
        assert layout.articles[["title", "byline"]].values.tolist() == [
            ["城区新开3条公交线路", want]
        ]


def test_an_interview_s_bold_question_over_its_answer_stays_in_the_text() -> None:
    # a question printed twice (fake bold) between a paragraph and the answer opening with who
    # answers: part of the interview, its copy collapsed, no headline of the paragraph above
    question = "绿色转型有哪些新举措？"
    page = [
        *_column("本报讯 近日，记者专访了市发展和改革局局长沈建明。", 16),
        "",
        question * 2,
        "",
        *_column("沈建明：今年我们出台了一系列政策，推动企业节能降碳。", 16),
        "",
        "让绿色成为发展的鲜明底色",
    ]
    layout = _checked_layout(page)
    assert layout.articles.title.tolist() == ["让绿色成为发展的鲜明底色"]
    assert layout.articles.body.iloc[0].split("\n")[1] == question
    assert layout.unplaced.query("kind == 'duplicate_headline'").text.tolist() == [question]


def test_a_fact_box_under_its_label() -> None:
    # 人物名片 over field lines (姓名：…): a box of its own, each field a paragraph
    story = _column("本报讯 二十年来，张建华扎根社区，把居民的小事当成自己的大事。", 16)
    box = [
        "人物名片",
        "姓名：张建华",
        "职务：东湖社区党委书记",
        "社区工龄：20年",
        "荣誉：省优秀共产党员",
    ]
    layout = _checked_layout([*story, "", "扎根社区二十年", "", *box])
    got = layout.articles[["title", "body"]].values.tolist()
    assert got[1] == ["人物名片", "\n".join(box[1:])]


def test_a_byline_after_the_text_of_a_story_headed_before_it() -> None:
    # the page's one story headed first, its byline after its last paragraph and the page's
    # foot after that: the story's byline (under a story headed after its text it stays apart)
    page = [
        "小网格撬动大治理",
        "",
        *_column("本报讯 早上7点半，东湖社区网格员顾美芳已经骑着电动车出了门。", 16),
        "",
        "■记者 李雨婷 通讯员 沈一帆",
        "",
        "责任编辑：沈 洁",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["title", "byline"]].values.tolist() == [
        ["小网格撬动大治理", "记者 李雨婷 / 通讯员 沈一帆"]
    ]


def test_a_source_closing_a_brief_ends_its_paragraph() -> None:
    # …万余间。据新 | 华社: the source needs no full stop; the headline under it is no more text
    brief = [
        "本报讯 ３日１８时，台风已造成",
        "全省 １２．６ 万人受影响，３１ 人轻伤，",
        "３．９ 万人转移到安置点，６２００余",
        "亩农田受淹，一般损坏房屋 １．７ 千",
        "余间。受灾群众生活得到妥善安置。据新",
        "华社",
    ]
    story = [
        "２０１９年７月的一个傍晚，Ｂ",
        "镇卫生院门口的长椅上，一个熟",
        "睡的男婴被护士发现，他患有先天性",
        "听力障碍。",
    ]
    headline = "台风致１２万人受灾 多地启动防汛应急响应"
    layout = _checked_layout([*brief, "", headline, "", *story, "", "小安安的新声音"])
    assert layout.articles.title.tolist() == [fold_width(headline), "小安安的新声音"]
    assert layout.articles.byline.tolist() == ["据新华社", ""]


def test_two_names_printed_together_in_brackets_sign_the_text() -> None:
    # （许文涛陆佳琪）: two names with nothing between, each opening with a surname, close the
    # story; the headline under them is no more of its text
    story = _column("本报讯 截至目前，全市已安置下岗职工两万余人，可安排三万多人就业。", 16)
    page = [*story, "（许文涛陆佳琪）", "", "为政府分忧 为群众解愁"]
    layout = _checked_layout(page)
    assert layout.articles[["title", "byline"]].values.tolist() == [
        ["为政府分忧 为群众解愁", "许文涛陆佳琪"]
    ]


def test_a_front_page_masthead_and_an_abbreviated_desk_credit_are_furniture() -> None:
    # the masthead's small print with its long serial number first, the owner line in its
    # 主办 form, and 本版责编 (the desk's editor, abbreviated) are furniture, no headlines
    masthead = [
        "平湖日报",
        "PINGHU DAILY",
        "中共平湖市委主办",
        "国内统一连续出版物号 CN33-0076",
        "2021年6月1日 星期二",
        "农历四月廿一",
        "今日8版",
    ]
    story = _column("本报讯 5月31日上午，全市数字化改革推进大会召开，部署下一阶段工作。", 15)
    page = [
        *masthead,
        "",
        *story,
        "",
        "全市数字化改革推进大会召开",
        "",
        "本版责编：褚 蓉  版式：王佳琪",
    ]
    layout = _checked_layout(page)
    assert layout.articles[["title", "subtitle"]].values.tolist() == [
        ["全市数字化改革推进大会召开", ""]
    ]
    assert layout.unplaced.query("kind == 'headline'").empty
    furniture = " ".join(layout.unplaced.query("kind == 'furniture'").text)
    assert "中共平湖市委主办" in furniture and "本版责编" in furniture


def test_a_letter_s_salutation_and_a_diary_s_dated_entries_are_paragraphs() -> None:
    # 全市广大市民朋友们： on a line of its own opens a letter, a paragraph of its own; 2月10日 晴
    # heads a diary entry, a paragraph of the diary, no headline
    letter = [
        "全市广大市民朋友们：",
        "",
        *_column("当前，疫情防控正处于关键时期，请大家减少外出。", 15),
    ]
    diary = [
        "2月10日 晴",
        "",
        *_column("今天是我进入隔离病区的第12天，早上7点交接班。", 15),
        "",
        "2月11日 阴",
        "",
        *_column("病区里的一位老伯今天核酸检测转阴了。", 15),
    ]
    page = [*letter, "", "致全市人民的一封信", "", *diary, "", "隔离病区里的温暖"]
    layout = _checked_layout(page)
    got = layout.articles[["title", "body"]].values.tolist()
    assert [title for title, _ in got] == ["致全市人民的一封信", "隔离病区里的温暖"]
    assert got[0][1].split("\n")[0] == "全市广大市民朋友们："
    assert got[1][1].split("\n")[0] == "2月10日 晴" and got[1][1].count("\n") == 3


def test_bylines_hanging_from_a_headline_are_not_the_caption_s_under_them() -> None:
    # a headline's two byline lines with a caption set right under them (its opening space, its
    # own photo credit): the bylines are the headline's, the caption keeps only its credit
    story = _column("本报讯 入冬以来，城区多家菜场调整营业时间，方便市民早晚买菜。", 12)
    caption = _column(" 12月2日，在东湖街道的一处菜场，摊主们正在整理新到的蔬菜。", 11)
    page = [
        *story,
        "",
        "菜场营业时间",
        "调整迎冬季",
        "■记 者 陆 平",
        "通讯员 沈 洁",
        *caption,
        "■摄影 陈 亮",
        "",
        "菜篮子",
    ]
    layout = _checked_layout(page)
    got = layout.articles[["kind", "title", "byline"]].values.tolist()
    assert got == [
        ["article", "菜场营业时间 调整迎冬季", "记者 陆平 / 通讯员 沈洁"],
        ["photo_caption", "菜篮子", "摄影 陈亮"],
    ]


def test_a_paragraph_s_full_first_line_cut_off_by_a_break_on_a_page_set_flush() -> None:
    # paragraphs open flush (no indent, a blank line between them): a column break right after
    # a paragraph's first line leaves that full line alone, not a headline
    paragraphs = [
        "本报讯（记者 沈一鸣）本周起，我市新一季的老年人免费体检工作全面启动，全市十二家社区卫生服务中心都能提供服务。",
        "市卫健局相关负责人介绍，今年体检项目新增了骨密度检测和眼底检查，预计全市将有六万余名老年人从中受益。",
        "体检前一天晚上应清淡饮食，当天早上需空腹，并带好身份证和医保卡，前往户籍所在地就近的社区卫生服务中心。",
        "市民可以通过“健康平湖”公众号或者拨打各社区卫生服务中心的电话进行预约，避开高峰时段。",
        "专家提醒，有慢性病的老人应按时服药，体检结果出来后要及时到医院复诊，不要自行停药或者调整药量。",
    ]
    columns = [_column(text, 20) for text in paragraphs]
    lines: list[str] = []
    for k, column in enumerate(columns):
        if k == 3:  # the break right after the paragraph's first line
            lines += [column[0], "", *column[1:], ""]
        else:
            lines += [*column, ""]
    page = [*lines, "老年人免费体检启动"]
    layout = _checked_layout(page)
    assert layout.articles.title.tolist() == ["老年人免费体检启动"]
    body = layout.articles.body[0].split("\n")
    assert len(body) == 5 and body[3] == paragraphs[3]


def test_a_line_of_verse_that_repeats_itself_is_no_doubled_headline() -> None:
    # 一圈，一圈， under a line of verse running on is verse, printed once; a headline printed
    # twice stands apart and never hangs from a line ending in a comma
    essay = _column("老家的墙上挂着一只竹篮，篮子是父亲年轻时亲手编的，用了三十多年。", 15)
    poem = ["春雨落在东湖上，", "一圈，一圈，", "把去年的涟漪", "轻轻唤醒。"]
    page = ["父亲的竹篮", "文/沈雨晴", "", *essay, "", *poem, "", "东湖春雨", "□ 徐 静"]
    layout = _checked_layout(page)
    assert "一圈，" not in layout.articles.title.tolist()
    assert "duplicate_headline" not in layout.unplaced.kind.tolist()
    assert any("春雨落在东湖上，一圈，一圈，把去年" in body for body in layout.articles.body)


def test_a_bold_headline_may_end_on_one_character_printed_twice() -> None:
    # each line of the title printed twice, the last holding one character: 元元 is 元
    body = _column("本报讯 去年全市工商税收收入稳步增长，全年增收明显，各项指标好于预期。", 16)
    title = ["去年工商税收75亿去年工商税收75亿", "元全年增收11亿元全年增收11亿", "元元"]
    layout = _checked_layout([*body, "", *title])
    assert layout.articles.title.tolist() == ["去年工商税收75亿 元全年增收11亿 元"]
    assert layout.articles.subtitle.tolist() == [""]
    duplicates = layout.unplaced[layout.unplaced.kind == "duplicate_headline"].text.tolist()
    assert duplicates == ["去年工商税收75亿", "元全年增收11亿", "元"]


def test_numbered_items_open_paragraphs_whatever_their_width() -> None:
    # items numbered in sequence: each opens a paragraph, though its lines fill the column (a
    # box's list) or a column break falls right before it (a notice's 三、 after 二、…。)
    box = [
        "申请新市民住房保障，需提",
        "交以下材料：",
        "1.申请人身份证、居住证；",
        "2.劳动合同或营业执照；",
        "3.近6个月社保缴纳证明；",
        "4.家庭成员无房承诺书。",
    ]
    layout = _checked_layout(["相关链接", "申请需要准备哪些材料", "", *box])
    assert layout.articles.body[0].split("\n")[1:] == [line for line in box[2:]]
    notice = [
        "现将有关事项通告如下：",
        "",
        "一、3月20日起，东湖大道新华路至",
        "胜利路段封闭施工，禁止车辆通行。",
        "",
        "二、施工期间，过往车辆请绕行当",
        "湖路、建国路，公交线路另行公告。",
        "",
        "三、请广大市民合理安排出行路线，",
        "服从现场交通民警及施工人员指挥。",
        "",
        "特此通告。",
    ]
    layout = _checked_layout(["关于东湖大道部分路段封闭施工的通告", "", *notice])
    paragraphs = layout.articles.body[0].split("\n")
    assert [p[:2] for p in paragraphs] == ["现将", "一、", "二、", "三、", "特此"]


def test_a_directory_box_under_a_story_keeps_its_rows_and_the_titles_apart() -> None:
    # a story's title after its text, then a box of names and numbers with its own title after
    # it: the rows are no running text, so the story's title is no paragraph's first line
    story = _column(
        "本报讯 3月15日，市第一人民医院睡眠门诊正式开诊，为失眠患者提供一站式诊疗服务。", 14
    )
    rows = [
        "市急救指挥中心：120",
        "市第一人民医院：85021120",
        "市中医院：85032120",
        "心理援助热线：96525",
    ]
    page = [*story, "", "市一院开设睡眠门诊", "", *rows, "", "健康服务电话"]
    layout = _checked_layout(page)
    got = layout.articles[["title", "body"]].values.tolist()
    assert [title for title, _ in got] == ["市一院开设睡眠门诊", "健康服务电话"]
    assert got[1][1].split("\n") == rows


def test_two_bodies_signing_a_notice_each_on_a_full_line_are_two_paragraphs() -> None:
    text = "因东湖大道雨污管网改造工程施工需要，东湖大道部分路段将封闭施工，请过往车辆绕行。"
    signed = [
        "特此通告。",
        "",
        "平湖市公安局交通警察大队",
        "平湖市住房和城乡建设局",
        "2023年3月15日",
    ]
    layout = _checked_layout(
        ["关于东湖大道部分路段封闭施工的通告", "", *_column(text, 13), "", *signed]
    )
    paragraphs = layout.articles.body[0].split("\n")
    assert paragraphs[-3:] == [
        "平湖市公安局交通警察大队",
        "平湖市住房和城乡建设局",
        "2023年3月15日",
    ]


def test_date_and_page_number_come_from_the_header_when_the_sidecar_has_none() -> None:
    from analysis.ingest import page_from_text

    story = _column(_SPRING_STORY, 14)
    page = [
        "2024年4月16日 星期二",
        "",
        "乡村振兴",
        "",
        "4",
        "",
        *story,
        "（下转第2版）",
        "",
        "抢抓农时不误春耕",
    ]
    layout = parse_page(page_from_text("\n".join(page), "p"))
    assert layout.articles[["date", "page"]].values.tolist() == [["2024-04-16", "4"]]
    # the sidecar's word wins; a page the furniture only points to is no page number
    sidecar = {"date": "2024-04-16", "page": "A4"}
    layout = parse_page(page_from_text("\n".join(page), "p", sidecar))
    assert layout.articles[["date", "page"]].values.tolist() == [["2024-04-16", "A4"]]
    layout = parse_page(
        page_from_text("\n".join([*story, "（下转第2版）", "", "抢抓农时不误春耕"]), "p")
    )
    assert layout.articles[["date", "page"]].values.tolist() == [["", ""]]


def test_a_poem_s_stanzas_are_its_paragraphs() -> None:
    # verse is set line by line: short lines of uneven widths, one ending in a comma well short
    # of the widest; a blank line between them ends a stanza, no column break
    stanzas = [
        ["晚风吹过南河头，", "一盏，一盏，", "把老街的灯", "轻轻点亮。"],
        ["桥影斜下来，", "替晚归的人", "照一照水面。"],
    ]
    page = [*stanzas[0], "", *stanzas[1], "", "南河夜色", "□ 沈 桥"]
    layout = _checked_layout(page)
    assert layout.articles.body[0].split("\n") == ["".join(stanza) for stanza in stanzas]
    # (prose in a narrow column, a line holding digits short of it, is no verse: fixture
    # pinghu37_shehui)


def test_a_story_headed_after_its_text_under_one_headed_before_it_is_split_off() -> None:
    # a lead headed before its text, then a feature with no dateline headed after its text, in
    # one column: nothing on the page parts the two texts but the headlines' words
    lead = [
        "本报讯 4月9日，全市春耕生产暨粮食安全工作会议召开，部署今年粮食生产任务。",
        "会议要求，各镇街道要稳定粮食播种面积，抓好春耕生产，确保粮食产量稳中有升。",
        "会上，各镇街道签订了粮食生产目标责任书。",
    ]
    feature = [
        "晚上8点，南河头老街的游客渐渐散去，夜巡队的队员们戴上红袖章开始巡逻。",
        "夜巡队成立于2018年，队员大多是老街的退休党员，每晚在老街巡查消防隐患。",
    ]

    page = ["稳定粮食生产 抓好春耕工作", "■记者 吴思远", ""]
    for text in [*lead, *feature]:
        page += [*_indented_column(text, 14), ""]
    page += ["夜巡队守护老街平安", "■记者 施 雯"]
    layout = _checked_layout(page)
    got = layout.articles[["title", "body"]].values.tolist()
    assert [title for title, _ in got] == ["稳定粮食生产 抓好春耕工作", "夜巡队守护老街平安"]
    assert got[0][1].count("\n") == 2 and got[1][1].startswith("晚上8点")


def test_a_marked_signature_may_name_the_author_s_unit() -> None:
    # □ 平湖法院 顾晓燕: a contributed piece signed with the author's unit and name
    text = "老张和老李是同村的兄弟，十年前老李向老张借了五万元，如今却因为一张欠条闹上了法庭。"
    page = [*_column(text, 14), "", "一张欠条背后的兄弟情", "□ 平湖法院 顾晓燕"]
    layout = _checked_layout(page)
    assert layout.articles[["title", "byline"]].values.tolist() == [
        ["一张欠条背后的兄弟情", "平湖法院 顾晓燕"]
    ]


def test_a_caption_s_title_is_no_kicker_of_the_headline_a_blank_line_under_it() -> None:
    # a caption, its photo credit, its title a blank line under it; then a notice's title over
    # the notice: the short title is the caption's, not the notice's kicker
    caption = [" 10月18日，在市青少", "年宫，学生们在调试自己", "制作的机器人。", "■记者 朱 敏 摄"]
    notice = _column(
        "为满足广大老年朋友的学习需求，经研究，市老年大学秋季学期面向社会补充招收学员。", 20
    )
    page = [*caption, "", "巧手创未来", "", "市老年大学秋季学期", "补充招生公告", "", *notice]
    layout = _checked_layout(page)
    assert layout.articles[["kind", "kicker", "title"]].values.tolist() == [
        ["photo_caption", "", "巧手创未来"],
        ["article", "", "市老年大学秋季学期 补充招生公告"],
    ]


def test_a_story_headed_before_its_text_is_split_off_one_headed_after_its_text() -> None:
    # the same two stories, whichever headline the run of text took first: the lead headed
    # before its text (title, subtitle, byline), the feature with no dateline after its own
    lead = [
        "本报讯 7月8日，全市爱心暑托班陆续开班，为双职工家庭的孩子提供暑期看护服务。",
        "暑托班由各镇街道团委牵头举办，开设了阅读、手工、体育等课程，深受家长欢迎。",
    ]
    feature = [
        "午后气温升到37摄氏度，环卫工人老陈走进路边的驿站，接了一杯凉茶，坐下歇了歇脚。",
        "驿站里配有空调、冰箱和药箱，户外劳动者可以随时进来喝水、休息、给手机充电。",
    ]

    page = ["暑托班里乐享假期", "全市开设爱心暑托班62个", "■记者 许佳妮", ""]
    for text in [*lead, *feature]:
        page += [*_indented_column(text, 15), ""]
    page += ["户外劳动者的清凉驿站", "■记者 沈 洁"]
    layout = _checked_layout(page)
    got = layout.articles[["title", "subtitle", "body"]].values.tolist()
    assert [(title, subtitle) for title, subtitle, _ in got] == [
        ("暑托班里乐享假期", "全市开设爱心暑托班62个"),
        ("户外劳动者的清凉驿站", ""),
    ]
    assert got[1][2].startswith("午后气温")


def test_service_page_shapes_a_service_line_a_table_and_a_department_signature() -> None:
    # a notice closed by a service's own line and number: its last paragraph, no headline
    notice = _column(
        "因线路检修，4月20日8时至16时，东湖街道部分区域将暂停供电，请用户提前做好准备。", 14
    )
    layout = _checked_layout([*notice, "", "供电服务热线：95598", "", "停电通知"])
    assert layout.articles[["title", "body"]].values.tolist() == [
        ["停电通知", "".join(notice) + "\n供电服务热线：95598"]
    ]
    # a table's rows, cells parted by spaces, each a paragraph, under the line announcing it
    rows = [
        "科室 专家 职称 坐诊时间",
        "心血管内科 王立新 主任医师 周一上午",
        "骨科 周海峰 主任医师 周三全天",
    ]
    intro = _column(
        "4月22日至28日，市第一人民医院特邀上海、杭州等地专家来院坐诊，具体安排如下：", 18
    )
    layout = _checked_layout(["专家门诊安排", "", *intro, "", *rows])
    assert layout.articles.body[0].split("\n")[1:] == rows
    # a signature naming the author's hospital and department
    text = "春季是肝病的高发季节，市民要规律作息，少熬夜，饮食宜清淡，适量补充优质蛋白。"
    page = [*_column(text, 14), "", "春季养肝 记住这五点", "□ 市中医院肝病科 沈国华"]
    layout = _checked_layout(page)
    assert layout.articles.byline.tolist() == ["市中医院肝病科 沈国华"]


def test_a_brief_closing_on_a_whole_telephone_number_ends_there() -> None:
    # …联系。联系电话：85023456 on a full line, a column break, then a brief opening its own
    # paragraph: the number given whole closed the first brief
    first = [
        "4月15日，东湖公园保洁",
        "员在湖边长椅上拾到钱包一",
        "个，内有现金800余元和银行",
        "卡3张，请失主与东湖公园管理",
        "处联系。联系电话：85023456",
    ]
    second = [
        "4月16日，有市民在市民",
        "中心二楼办事窗口遗落蓝色雨",
        "伞一把，请失主到一楼服务台",
        "认领。",
    ]
    layout = _checked_layout(["失物招领", "", *first, "", *second])
    assert layout.articles.body[0].split("\n") == ["".join(first), "".join(second)]


def test_item_numbers_read_as_cn2an_reads_them() -> None:
    # the layout reads an item's Chinese number itself (cn2an costs 0.15 s to import, in the
    # stage every page passes): it must agree with cn2an on every number a list may reach
    import cn2an

    from analysis.layout import _item_number

    for n in range(1, 100):
        numeral = cn2an.an2cn(n)
        assert _item_number(f"{numeral}、开展专项检查") == (1, n), numeral
        assert _item_number(f"（{numeral}）开展专项检查") == (2, n), numeral
    for bad in ("十十、", "一二、", "二二十、", "百、"):
        assert _item_number(bad) is None, bad


def test_a_notice_s_list_rows_do_not_shorten_its_column() -> None:
    # rows of a list under the notice's opening (a day, then times and streets) are short: the
    # column is what the full lines fill, so a row's short last line ends its paragraph and the
    # closing line a blank line under the list is the same notice's, not a new block
    rows = [
        "因电网设备检修，国网平湖市供电公",
        "司将对以下区域暂停供电，请相关用户提",
        "前做好准备。",
        "7月20日（星期四）",
        "7:00—12:00 新仓镇三叉河村、芦湾",
        "村部分用户。",
        "8:00—16:00 曹桥街道百寿村、马厩",
        "村全部用户。",
        "7 月21日（星期五）",
        "6:30—11:30 当湖街道东湖小区1—",
        "12幢。",
        "13:00—17:00 钟埭街道沈家弄村部",
        "分用户。",
    ]
    close = ["如遇雷雨等恶劣天气，停电计划将顺", "延。咨询电话：95598。"]
    layout = _checked_layout([*rows, "", *close, "", "停电预告"])
    assert list(layout.articles.title) == ["停电预告"]
    # (and a day's date alone over its rows is a paragraph of its own)
    assert layout.articles.body[0].split("\n") == [
        "因电网设备检修，国网平湖市供电公司将对以下区域暂停供电，请相关用户提前做好准备。",
        "7月20日（星期四）",
        "7:00—12:00新仓镇三叉河村、芦湾村部分用户。",
        "8:00—16:00曹桥街道百寿村、马厩村全部用户。",
        "7月21日（星期五）",
        "6:30—11:30当湖街道东湖小区1—12幢。",
        "13:00—17:00钟埭街道沈家弄村部分用户。",
        "如遇雷雨等恶劣天气，停电计划将顺延。咨询电话：95598。",
    ]


def test_a_title_printed_twice_over_a_plain_line_a_blank_apart_is_title_and_subtitle() -> None:
    # the body claims the plain line (its words are the body's); the bold line over it, a
    # blank line between, is the title, the plain one its subtitle
    body = [
        "　　本报讯 记者昨日从市文化和广电旅",
        "游体育局获悉，端午假期全市接待游客",
        "48.6万人次，实现旅游收入5.2亿元，",
        "海岛旅游迎来小高峰。",
        "　　为保障游客出行，全市交通部门加",
        "密了普陀山、朱家尖等方向的客运航班",
        "和公交班次，假期未发生安全事故。",
    ]
    title = "“海上花园城”迎来旅游小高峰"
    layout = _checked_layout([*body, "", title * 2, "", "端午假期全市接待游客48.6万人次"])
    row = layout.articles.iloc[0]
    assert (row.title, row.subtitle) == (title, "端午假期全市接待游客48.6万人次")
