"""Whole invented pages in the style of Chinese papers (tests/fixtures/pages/), each item's
expected reading written down before the layout ran on them: a front page with a continued lead
story and a 简讯 digest, headline-first pages, three stories on one topic, a displaced headline,
photo captions and a picture page, features signed 文/沈洁, kickers, short stories back to back,
continued text, wire, sport, finance and law pages, a photo essay, health tips, notices, a
provincial and a county paper, a comment page, a reader-hotline page, a long feature, and
one hundred and forty-one ordinary city-daily news pages (city_*, city2_* … city44_*, daily_*: guides to the issue
whose pointers take lines of their own, wire pages, a sports page with a results list, a market
page with a price list, subtitles of figures a blank line under their titles, a price table inside
a story, briefs under a column's label, a box of related links under an untitled photo's credit,
leads whose kicker names the meeting or event held a blank line over a title printed twice, a
hospital's notice titled with its name over 关于…的公告, a closing credit cut by a column break, an
imprint whose address wraps, right under a story's last line, a series' kicker “千万工程”二十年·乡村行, an evening
paper's forecast and results rows cut by column breaks, a footer of the desk's e-mail and hotline, a box
labelled 数据, a judge's Q&A under a story, numbered tips cut inside a word, a lost-property notice
closed by its contact's name in brackets, a culture page's exhibition details, an education page's
enrolment notice), eight
county-daily news pages with subheads, briefs and displaced headlines (town_*), and twenty-eight
pages besides the news: a literary supplement with poems, a theory page, a special page, a service
page, a picture page and briefs with a notice (supp_*), a page of government notices, a health page
with a Q&A and a directory, a culture page with an essay and a poem (supp2_*), a literary
supplement, a law page, an education page (supp3_*), a page of local services, a health page with a
timetable, a market page with a price list (supp4_*), a health page, a page of notices set with
blank lines between paragraphs (their signers and dates too), a literary supplement, a law page, a
service page (supp5_*), a page of notices (a tender in numbered sections, a classified column, a
notice signed under its contact line), a literary supplement, a health page and a law page with
columns' labels over their questions (supp6_*), a page of notices with a box of lost-document
statements, a literary page, a health page and a law page (supp7_*), six hundred and fifty-one
pages in the sample's own style (pinghu*_*: among them a literary supplement, a special page with a
Q&A and a box, a page of public notices, a crowded front page with briefs titled ■ in one column
under a label, a sports page with a results list, displaced headlines, in-depth features with bold
subheads, a feature headed after its text with subheads between its sections, a caption a blank
line over its credit, a notice closing with its signers and date, a week's pages of summer and of
autumn, a picture page, a page of briefs with run-in titles, a feature with a pull quote, a
year-end review with bold subheads, an interview with a box of figures, a sports page with a
results list, pupils' essays, a local-history page, a price list, a readers' hotline page, a
volunteer page with a list of names, a week of 2019, the congress sessions with delegates' words
and a box of figures, a town-and-street page under a header that names its section unspaced, an
interview with a box of facts under its label, a local-history page with a box of related links
under a photo's credit, four front pages of ordinary days, a service page of notices and a
forecast, a page of public lists, a party-building page with column labels, inner news pages with
briefs and groups of photos, a culture-and-sports page, a law page, an education page with an
enrolment notice and its table, a literary page with a serial's instalment, a picture page, a
special page, an in-depth feature with a pull quote, an investigation with a box of figures, a
commentary page, a profile, a page of readers' letters under rubrics, a volunteers' page, a farming
page, a weekend walk with a route box, front and local pages of the weeks around the sample's, with
leads headed far from their text and printed twice, pages on schools, villages, the city's works
and health, ordinary days of 2020-2024 with kickers a blank line over titles printed once,
year's-turn pages, a group of photos under one credit, spring, summer and autumn pages, two days'
four pages each, a notice's title under its signer and date, a front page under a masthead of nine
lines, pages set as the sample is in its own weeks, two days of 2024 and one of January 2020, inner
pages by section, a day of the local congress sessions, a flood-season day, a wire photo's credit
sent on by the agency, poems in stanzas with no marks under or over their titles, a health page
with numbered subheads 误区一：…, a supplement's name letter-spaced under the page header, a theory
article signed with its author's school, a page of public notices signed by a court in Chinese
numerals, a travel page with a list of routes numbered 线路一：…, a pupil's essay signed with school,
class and 指导老师, a notice numbered （第11号） under its title, a village feature with a box of facts, a
road notice with its table, a company story headed by its name and a colon over a pair of parallel
phrases, front pages whose leads are headed by a plain line a blank line over a title printed
twice, one displaced over a commentary, a kicker of the occasion …之际, a doctor's advice signed with
hospital and department, a headline of a quoted cry under a wide line over its byline, an inner
page headed by its section 农业 and number, a town's special page with a photo group titled under its
credit, a lawyer's answer signed with firm, 律师 and name, a page of notices headed by the paper's
刊登热线, a notice whose contact line wraps its number, a doctor's column signed with hospital,
department and title, a water company's notice whose telephone number wraps after its colon, a
reading page with a box of recommended books, a policy explainer's subtitle wrapped inside the
document's title, a box of figures closed by its source, notices of the pandemic years signed by a
long body name, a feature with subheads in quotation marks, a commentary page with readers'
letters, a box of figures each led by ◆ headed after its text under a story headed before its own,
a brief set flush among stories set indented, a column's theme seen in the city (共同富裕看平湖) a blank
line over a title printed twice, a feature headed after its text with subheads printed twice and
a pull quote its text repeats under it, a notice's timetable under …如下：, quotations a column break cuts after a sentence's
end, an anniversary's special page with a timeline box, a series' kicker …巡礼, a price table
under its supplier's credit), three hundred and forty pages of other county
dailies (county*_*: credits in the dateline's brackets, headlines first, ——subtitles and indented
paragraphs, a Shanghai district paper's pages under its own name, a Jiangsu county daily's with
indented paragraphs and no blank lines between them, a southern Zhejiang daily's headed before and
after, 图片新闻 groups, boxes, jumps, a story's one-line headline of two phrases a space apart between
two stories on a flush page, a page with no blank line between paragraphs and their indents lost, a
lead's title printed twice on two lines under its kicker, or on two lines of different widths,
captions a blank line over their credits, imprints at the foot, a masthead of 今日 and the county's
name, a page that keeps its indents with a paragraph's last line alone after a column break, a
column of briefs under 乡镇传真, an imprint of the house and the serial 总第…期, a utility's notice of
power cuts under a traffic notice's date, a feature headed after its text with three subheads of
different shapes, a readers' service page whose boxes are titled over their text, a results list
whose rows open indented and wrap, a box of numbered items closed by semicolons, a report whose
subheads of two phrases a space apart stand flush between indented paragraphs, a page of notices
under a header naming its 公告刊登热线, a health column's label over a title of two phrases a space
apart, a kicker and a title over a ——subtitle set a chunk of its own, results rows each led by
a label alike under …如下：, wrapped and cut by a column break, an interview's turns, a subhead a column break
over the first paragraph of its section, a table of counts and decimals, a commentary
page with readers' letters and a ◆ column), six pages of a provincial
daily (province_*: a digest of wire items, a signed commentary, an interview, a continued story),
and a front page with its masthead and a jump, a continuation page, a page that keeps paragraph
indents, a wire page, a service page, twin stories on one topic and an interview (extra_*), and
five pages thick with what extraction leaves (extract_*: the masthead's small print, a guide to the
issue, advertisements, calls to scan a code, the imprint, a continued story under its headline,
headers inside a column, lists and a table under the lines announcing them, a notice signed by two
bodies; extract2_*: the same kind of page as other extractors print it, indents kept as ideographic
or ASCII spaces, tabs, GB18030 or UTF-16 with CRLF, loose blank lines, bold printed character by
character), and five pages whose blocks the extraction set out of order (order_*: briefs, captions,
boxes and headlines between a story's columns). Items the layout still reads otherwise are marked
``known_failure`` and checked to fail, so that a fix shows up."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest

from analysis.ingest import read_page
from analysis.layout import check_conservation, parse_page
from analysis.normalize import fold_width

PAGES = Path(__file__).parent / "fixtures" / "pages"
EXPECTED = json.loads((PAGES / "expected.json").read_text(encoding="utf-8"))
FIELDS = ("kind", "kicker", "title", "subtitle", "byline", "dateline")


def _squeezed(text: str) -> str:
    """Text without spaces, markers and the slash between bylines, widths folded (as fields
    are, while the expectations quote the page as printed): how fields are compared."""
    return re.sub(r"[\s■/]", "", fold_width(text))


@pytest.fixture(scope="module")
def layouts():
    out = {}
    for name in EXPECTED:
        # (read as the loaders read a page: some are saved as other extractions save them,
        # GB18030 or UTF-16 with CRLF line ends)
        page = read_page(PAGES / f"{name}.txt")
        out[name] = (page.text, parse_page(page.text, name))
    return out


def _mismatches(layout, item: dict) -> list[str]:
    """How the article whose body starts like ``item`` differs from it (empty: read right)."""
    found = [
        row
        for row in layout.articles.itertuples()
        if _squeezed(row.body).startswith(_squeezed(item["start"]))
    ]
    if not found:
        return ["no article starts with " + item["start"]]
    # (a caption and a story may both open with the date: the one of the same kind and title)
    same = [
        r
        for r in found
        if r.kind == item["kind"] and _squeezed(r.title) == _squeezed(item["title"])
    ]
    row = (same or found)[0]
    wrong = [f for f in FIELDS if _squeezed(getattr(row, f)) != _squeezed(item[f])]
    if not _squeezed(row.body).endswith(_squeezed(item["end"])):
        wrong.append("body end")
    if row.body.count("\n") + 1 != item["npar"]:
        wrong.append("paragraphs")
    starts = item.get("paragraph_starts")  # (where each paragraph opens, when it matters)
    if starts and not all(
        _squeezed(paragraph).startswith(_squeezed(start))
        for paragraph, start in zip(row.body.split("\n"), starts, strict=False)
    ):
        wrong.append("paragraph starts")
    return wrong


@pytest.mark.parametrize("name", list(EXPECTED))
def test_every_character_is_kept(layouts, name: str) -> None:
    text, layout = layouts[name]
    check_conservation(text, layout)


@pytest.mark.parametrize(
    ("name", "k"), [(name, k) for name, items in EXPECTED.items() for k in range(len(items))]
)
def test_each_item_reads_as_written_down(layouts, name: str, k: int) -> None:
    item = EXPECTED[name][k]
    wrong = _mismatches(layouts[name][1], item)
    if "known_failure" in item:
        assert wrong, f"fixed, drop known_failure: {item['known_failure']}"
    else:
        assert not wrong, (item["title"] or item["start"], wrong)


def test_no_item_is_invented(layouts) -> None:
    # as many articles and captions as the pages hold (pages with a known failure aside)
    for name, (_, layout) in layouts.items():
        if not any("known_failure" in item for item in EXPECTED[name]):
            assert len(layout.articles) == len(EXPECTED[name]), name


_SPACED_NAME = re.compile(r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff] [\u4e00-\u9fff](?![\u4e00-\u9fff])")
_ROLE_ON_NAME = re.compile(r"[（(](?:记者|通讯员)[\u4e00-\u9fff]")
# a name glued to the role or the name a line break parted it from (（记者 谢 颖通讯员 陈洁）,
# （记者 王 悦刘 晨）)
_NAME_ON_NEXT = re.compile(
    r"(?:记者|通讯员) [\u4e00-\u9fff]{2,3}(?:记者|通讯员)|[\u4e00-\u9fff] [\u4e00-\u9fff]{2} [\u4e00-\u9fff][）)]"
)


def test_credits_are_squeezed_names_apart_from_their_roles(layouts) -> None:
    # (the comparisons above leave spaces out: here they count) no justification space left
    # inside a name (王 强), no role or name glued to the name a line break parted it from
    # (（记者沈 晶）, （记者 谢 颖通讯员 陈洁）)
    for name, (_, layout) in layouts.items():
        for row in layout.articles.itertuples():
            for credit in (row.byline, row.dateline):
                assert not _SPACED_NAME.search(credit), (name, credit)
                assert not _ROLE_ON_NAME.search(credit), (name, credit)
                assert not _NAME_ON_NEXT.search(credit), (name, credit)


def test_a_plain_line_over_a_bold_title_is_its_kicker_under_another_headline(layouts) -> None:
    # 市人大常委会开展乡村振兴专题调研 | | 我市党员…开幕会 | 踔厉奋发向未来 ×2 | 凝心聚力谱新篇 ×2:
    # the plain line is the bold title's kicker, not the headline above's subtitle
    articles = layouts["pinghu47_yaowen"][1].articles
    lead = articles[articles.title == "踔厉奋发向未来 凝心聚力谱新篇"].iloc[0]
    assert lead.kicker == "我市党员干部群众收听收看党的二十大开幕会"
    other = articles[articles.title == "市人大常委会开展乡村振兴专题调研"].iloc[0]
    assert other.subtitle == ""


def test_a_masthead_and_a_guide_to_the_issue_are_furniture(layouts) -> None:
    # a county paper's name alone (桐乡报), its owner (中共平湖市委主管主办) and the guide's
    # entries under 今日导读, each ending in the page it points to: furniture, so that the
    # page's date is read from the masthead
    for name, date in (
        ("pinghu47_yaowen", "2022-10-18"),
        ("county12_tongxiang_yaowen", "2023-04-18"),
        ("city5_huzhou_yaowen", "2023-07-27"),  # (its web site under the masthead, too)
        ("pinghu49_yaowen", "2023-08-16"),  # (the weather on a line of the masthead)
        ("pinghu50_yaowen", "2021-01-08"),  # (its publisher and 偏北风3～4级 too)
        ("county15_zhuji_yaowen", "2024-06-18"),  # (值班编委：… 责任编辑：… on one line)
        # (a header naming the paper, 金山报 2023年9月12日 星期二 第2版 综合新闻)
        ("county17_jinshan_zonghe", "2023-09-12"),
    ):
        layout = layouts[name][1]
        unplaced = layout.unplaced
        assert not (unplaced.kind == "headline").any(), (
            name,
            unplaced[unplaced.kind == "headline"],
        )
        assert (layout.articles.date == date).all(), name


def test_a_lone_byline_is_the_story_it_stands_in(layouts) -> None:
    # ■记者 冯 超 between a story's last paragraph and its own headline, blank lines around: that
    # story's byline; one between two stories stays unplaced (pinghu47_yaowen, the sample's)
    articles = layouts["pinghu47_zonghe"][1].articles
    story = articles[articles.title == "林埭镇开展秋冬季消防安全大排查"].iloc[0]
    assert story.byline == "记者 冯超"
    unplaced = layouts["pinghu47_yaowen"][1].unplaced
    assert (unplaced.kind == "detached_byline").sum() == 1


def test_a_subhead_set_flush_between_indented_paragraphs_is_a_paragraph(layouts) -> None:
    # (…打了六十多年交道。 | 田埂上学来的歌 | 　　顾秀英出生在…, no blank line around it): the
    # subhead a paragraph of its own, not glued to the sentences around it
    articles = layouts["county13_jiashan_wenhua"][1].articles
    feature = articles[articles.title.str.contains("嘉善田歌传承人")].iloc[0]
    paragraphs = feature.body.split("\n")
    for subhead in ("田埂上学来的歌", "“不能让田歌断在我们这一代”", "老调子唱出新味道"):
        assert subhead in paragraphs


def test_a_notice_in_numbered_sections_is_one_notice(layouts) -> None:
    # 一、招标条件 | 本招标项目… under another notice's title: the first section of a notice
    # headed after its text (no title opens with 一、), its contact lines and its title there
    layout = layouts["supp6_gonggao"][1]
    articles = layout.articles
    tender = articles[articles.body.str.startswith("一、招标条件")].iloc[0]
    assert tender.title == "平湖市钟埭街道2023年农村道路 提升改造工程招标公告"
    assert "六、联系方式" in tender.body and tender.body.endswith("0573-85098765")
    # (the page's own advertising line is furniture: 本版广告热线：85012345 85012366)
    assert not (layout.unplaced.kind == "headline").any()


def test_an_answer_opens_its_paragraph_under_who_asked(layouts) -> None:
    # 问：…在哪里办理？（当湖街道 张女士） | | 答：…: the question ends there, the answer opens
    # a paragraph of its own
    articles = layouts["pinghu49_minsheng"][1].articles
    column = articles[articles.body.str.startswith("问：")].iloc[0]
    paragraphs = column.body.split("\n")
    assert len(paragraphs) == 6
    assert [p[:2] for p in paragraphs] == ["问：", "答："] * 3


def test_a_list_closing_without_a_stop_ends_before_its_headline(layouts) -> None:
    # rows of results each opening indented with its label, the last ending …顾佳怡（斜桥镇）
    # with no stop, then the story's headline: the headline is not read on as text
    articles = layouts["county14_haining_wenti"][1].articles
    results = articles[articles.body.str.contains("男子团体")].iloc[0]
    assert results.title == "市全民运动会乒乓球比赛落幕"
    assert results.body.endswith("顾佳怡（斜桥镇）")


def test_a_table_a_paragraph_announces_stays_in_its_story(layouts) -> None:
    # 　　据市场监测，…如下（单位：元/公斤）： | 品种 本周均价 上周均价 环比 | 黄瓜 3.20 3.60 -11.1% | … |
    # 　　市发改委…: the short rows do not make the paragraph another story's; each row is a
    # paragraph, its figures apart
    articles = layouts["city7_ningbo_jingji"][1].articles
    assert len(articles) == 5
    story = articles[articles.dateline == "本报讯（记者 陈朵）"].iloc[0]
    paragraphs = story.body.split("\n")
    assert "黄瓜 3.20 3.60 -11.1%" in paragraphs
    assert paragraphs[-1].startswith("市发改委价格监测中心")
    assert len(paragraphs) == 10


def test_a_title_set_narrower_than_the_lines_around_it_has_a_kicker(layouts) -> None:
    # 从家庭作坊到细分领域“隐形冠军” | 一把小刷子“刷”出大市场 | 宁海恒远刷业深耕细分领域三十年:
    # wrapped title lines are balanced; a narrow middle line is the title, the line over it its
    # kicker (the line under it, a subtitle, is read into the title: a known failure)
    articles = layouts["city7_ningbo_jingji"][1].articles
    story = articles[articles.title.str.startswith("一把小刷子")].iloc[0]
    assert story.kicker == "从家庭作坊到细分领域“隐形冠军”"


def test_a_plain_line_under_a_title_printed_twice_line_by_line_is_its_subtitle(layouts) -> None:
    # 烽火中的东湖中学 | 烽火中的东湖中学 | 一所中学的战时迁徙 | ■ 陆文海: the bold title, then its
    # subtitle in plain type
    articles = layouts["pinghu56_shihua"][1].articles
    story = articles[articles.title == "烽火中的东湖中学"].iloc[0]
    assert story.subtitle == "一所中学的战时迁徙"
    assert story.byline == "陆文海"


def test_a_headline_line_is_not_split_off_to_a_story_with_a_headline_of_its_own(layouts) -> None:
    # 国庆节前食品安全专项检查启动 | 守护群众“舌尖上的安全”, no blank line between, over the
    # food-safety story: the second line reads a little more like a story ending 守护群众财产安全,
    # whose own headline reads almost as much like it; split off, it would be left unplaced
    articles = layouts["county34_haiyan_zonghe"][1].articles
    row = articles[articles.body.str.startswith("国庆长假临近")].iloc[0]
    assert "守护群众“舌尖上的安全”" in row.kicker + row.title + row.subtitle


def test_an_imprint_at_the_foot_is_furniture(layouts) -> None:
    # the house, its address wrapped onto the next line, the licence, the price and the printer
    # (金华日报社出版 地址：金华市双溪西路 | 288号 邮编：… | 定价：… 印刷：…), under a byline or
    # right under a story's last line, no blank line between: furniture, in no article
    for name, house in (("city19_jinhua", "金华日报社出版"), ("city19_quzhou", "衢州日报社出版")):
        layout = layouts[name][1]
        furniture = "".join(layout.unplaced[layout.unplaced.kind == "furniture"].text)
        assert house in furniture and "邮编" in furniture and "印务中心" in furniture, name
        assert not any("邮编" in body for body in layout.articles.body), name


def test_a_tables_count_and_decimal_stay_two_cells(layouts) -> None:
    # (前4个月…如下： | 板块 项目数 完成投资 完成率 | 太仓港区 16 28.4 39.6% | …): each row a
    # paragraph of the story, a count and the decimal beside it two cells, not one number, and
    # every cell a space apart
    articles = layouts["county88_a"][1].articles
    story = articles[articles.title.str.startswith("前4个月我市重大项目")].iloc[0]
    assert "太仓港区 16 28.4 39.6%" in story.body.split("\n")


def test_a_tables_whole_numbers_stay_cells_of_their_own(layouts) -> None:
    # (学校 班数 计划数 | 衢州二中 12 576 | …): 12 classes and 576 places, not 12576; a notice's
    # table under its section's numbered heading, likewise (少儿书法 6—12岁 16 960)
    articles = layouts["city25_a"][1].articles
    story = articles[articles.body.str.contains("衢州二中")].iloc[0]
    assert "衢州二中 12 576" in story.body.split("\n")
    assert "合计 85 4080" in story.body.split("\n")
    notice = layouts["city39_b"][1].articles
    notice = notice[notice.title.str.endswith("招生公告")].iloc[0]
    paragraphs = notice.body.split("\n")
    assert "二、开设班级及收费" in paragraphs and "少儿书法 6—12岁 16 960" in paragraphs
