"""Layout: a decoded page -> blocks -> articles, paragraphs and a table of what could not be placed.

The page is raw text from a PDF extraction: lines hard-wrapped at the column width (which varies by
article), blank lines at paragraph ends *and* at column breaks (even mid-word), headlines that
usually follow their body and sometimes land far from it, headlines printed twice (fake bold),
bylines standing apart, photo captions, page furniture, justification spaces.

The pass, in order:

1. lines -> kinds (blank, byline, text) and normalised spans that keep their source positions;
2. text lines -> chunks (runs between blank/byline lines, split at datelines and indents, and
   a photo's title printed right on its caption);
3. chunks -> body | headline | lone name | furniture | signature (a notice's date, perhaps under
   its issuing body, which closes the text above), using the chunk's own shape and whether the
   body before it stopped mid-sentence (then the chunk is a column-break continuation);
4. bodies -> articles (a body starts at a dateline or after a non-body block; an editor's note,
   编者按, joins the story whose dateline follows it), paragraphs joined across column breaks
   without inserting characters; subheads (一、…, ■ …, “…”, 抓项目 促开工) between paragraphs
   of one column stay in the body;
5. headline clusters -> headlines (kicker / title / subtitle, doubled lines collapsed; a plain
   line right under a doubled title is its subtitle) with the bylines that touch them;
6. headlines -> articles by one-to-one assignment: the body a headline follows (or, failing
   that, precedes) scores highest, plus character-bigram overlap between headline and body;
   an unclaimed wider headline right above a claimed one is its kicker. Then digests are
   mended: a dated item read into one is split off when the headlines say so, and a wire item
   under a body with no headline between joins it when the one headline reads like both.
   Leftovers are paired by rare single characters when each is the other's clear best, or by
   elimination when one of each is left. A headline that neither stands next to a body nor
   shares its words stays unplaced, and so do bylines that touch nothing: the text does not
   say where they belong;
7. what the running text prints but is no body leaves it: jump lines (（下转第2版）) and a
   wire story's （完） go to the unplaced table as furniture, a credit closing the text
   (（记者 张三 摄）) to the bylines;
8. tables: a byline line naming two roles gives one group per role, names in a dateline's
   credit lose their justification spaces, and an item whose bylines all credit a photo and
   that has no dateline is a ``photo_caption``.

Every non-whitespace source character ends in exactly one field of one row, or in the unplaced
table (see :func:`check_conservation`). Inserted characters are only separators: ``" "`` between
title lines, ``" / "`` between bylines, ``"\\n"`` between paragraphs.
"""

from __future__ import annotations

import collections
import functools
import gc
import itertools
import operator
import re
import string
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, NamedTuple

import numpy as np
import pandas as pd

from ._native import adopt
from ._paths import RESOURCES_DIR
from .ingest import Page, PageError, find_pages, page_from_text, read_page
from .normalize import (
    BLANKS,
    CJK,
    INVISIBLE,
    Piece,
    Span,
    fold_width,
    normalize_cells,
    normalize_folded,
    normalize_line,
    split_glued_names,
    squeeze_names,
)

# --- patterns -------------------------------------------------------------------------------

# Every module constant is Final: the native build keeps a Final name in a C static and looks any
# other up in the module's dict at each use (bench/README: about 10% of the layout's time).
MARKERS: Final = "■◆●▲□◇"
# A page's sections (版名), read by the furniture patterns below: those printed alone, those
# printed with 新闻 after them or alone, and more printed alone
_SECTIONS: Final = "要闻|民生|副刊|专版"
_NEWS_SECTIONS: Final = "综合|本地|国内|国际|社会|经济|体育|文化|地方|时政"
_MORE_SECTIONS: Final = (
    "农村|农业|社区|教育|健康|法治|评论|专题|财经|文旅|科技|旅游|汽车|房产|消费|视点|理论|读书|人文|乡村|城事"
    "|城乡|城建|三农|生活|周刊|县域|镇街道|镇街|街镇|法制|娱乐|卫生|访谈|人物|观察|数读|市场|海洋"
)
# the desks whose telephone lines a page prints: 新闻热线, 广告热线, 发行电话 …
_DESK_LINES: Final = (
    "新闻|投稿|服务|读者|广告|发行|订报|民生|报料|爆料|维权|投诉|公告刊登|广告刊登|刊登"
)
# (本报 may lead any of them: 本报记者, 本报通讯员, 本报评论员; so may 新华社: 新华社记者)
BYLINE_ROLES: Final = (
    "(?:本报|新华社|中新社|商报|晚报|日报|都市报|早报|快报)?(?:见习记者|实习记者|特约记者|首席记者|融媒体记者|融媒记者|记者|特约通讯员|通讯员|"
    "实习生|特约评论员|评论员|摄影记者|摄影|摄|文/图|文图|图/文|文/|文／|撰稿|整理|指导老师|指导教师)"
)
_ROLE: Final = re.compile(rf"^[{MARKERS}]?\s*(?:{BYLINE_ROLES})")
# (作, 书, 画 credit a painting or calligraphy after a space: 《春江水暖》 沈国华 作)
_CREDIT_SUFFIX: Final = re.compile(r"\s*(?:摄影?|报道|文/?图|供图|绘)$|\s+[作书画]$")
_PHOTO_CREDIT: Final = re.compile(r"(?:^|[\s■])(?:摄影|摄)|摄影?$|照片[)）]?$|供图[)）]?$")
_BYLINE_PART: Final = re.compile(rf"(?:{BYLINE_ROLES})\s*[:：]?\s*")
_AGENCY: Final = (
    r"(?:据)?(?:新华社|新华网|中新社|中新网|中国新闻网|人民网|央视网|央广网|人民日报|光明网"
    r"|光明日报|经济日报|中国日报网|中国青年报|环球网)"
)
# A dateline, matched on the joined first lines of a body: 本报讯, 本报3月14日讯,
# 本报北京1月10日电, 新华社北京3月14日电（记者 …）. 记者X报道： stays in the body.
DATELINE: Final = re.compile(
    rf"^(?:本报讯|本报[^，。；：\s]{{0,16}}?(?:讯(?!员)|电)|{_AGENCY}[^，。；：\s]{{0,16}}?电)"
    r"(?:\s*[（(][^）)。]{0,40}[）)])?"
)
# A line that starts a body with a dateline (the dateline may wrap onto the next line).
DATELINE_START: Final = re.compile(
    rf"^(?:本报讯|本报[^，。；：、\s]{{0,16}}?(?:讯(?!员)|电|$)|{_AGENCY}(?!记者)[^，。；：、\s]{{0,16}}?(?:电|$))"
)
_LOCAL_DATELINE: Final = re.compile(r"本报(?:讯|[^，。；：\s电]{0,16}?讯(?!员))")
# first characters of DATELINE_START's branches
_DATELINE_FIRST: Final = frozenset("本据新中人央光经环")


def _starts_dateline(text: str) -> bool:
    return text[:1] in _DATELINE_FIRST and DATELINE_START.match(text) is not None


def _opens_with_dateline(chunk: Chunk, following: Chunk | None = None) -> bool:
    """The chunk's first line starts a dateline. One that runs on to the next line (本报北京1月 |
    10日电) must be completed by the lines under it; only a chunk's last line may leave it to
    the next chunk (a column break), so 本报特刊 | 今日推出 stays a headline. A one-line
    chunk left incomplete must be completed by the ``following`` chunk: 本报采访团走访长三角城市
    over a byline is a headline."""
    lines = chunk.lines
    first = lines[0].text
    if not _starts_dateline(first):
        return False
    if DATELINE.match(first):
        return True
    if len(lines) == 1:
        if following is None:
            return True
        if following.kind == "byline":
            return False
        return (
            DATELINE.match(first + "".join([line.text for line in following.lines[:2]])) is not None
        )
    return DATELINE.match("".join([line.text for line in lines[:3]])) is not None


_CLOSERS: Final = "”’」』）)\"'"
_SENTENCE_MARKS: Final = ("。", "！", "？", "!", "?", "…", "...")
_CLOSING_QUOTES: Final = ("”", "’", "」", "』")


# A jump line sends the reader to another page: （下转第2版）, (上接A1版), （转第三版）.
_JUMP: Final = r"[（(]\s*(?:下转|上接|紧接|接|转|续)\s*(?:第\s*)?[A-Za-z]?\s*[0-9一二三四五六七八九十]{1,3}\s*版\s*[)）]"
_JUMP_NOTE: Final = re.compile(_JUMP)  # (anywhere in the text)
_JUMP_AT_END: Final = re.compile(rf"{_JUMP}\s*$")
_JUMP_ONLY: Final = re.compile(rf"\s*{_JUMP}\s*")
_CONTINUED_FROM: Final = re.compile(
    r"\s*[（(]\s*(?:上接|紧接|接|续)\s*(?:第\s*)?[A-Za-z]?\s*[0-9一二三四五六七八九十]{1,3}\s*版\s*[)）]\s*"
)
# a wire story's last words, and an instalment's (a serial's: （未完待续）)
_END_MARKS: Final = ("（完）", "(完)", "（未完待续）", "(未完待续)", "（待续）", "(待续)")


def _is_jump_line(line: Line) -> bool:
    """The line is a jump line alone (a chunk's last line under the text it sends on)."""
    return line.final and _JUMP_ONLY.fullmatch(line.text) is not None


def _ends_story(text: str) -> bool:
    """The text ends the story on this page: a wire story's （完）, or a jump line."""
    return text.endswith(_END_MARKS) or (
        text.endswith(("）", ")")) and _JUMP_AT_END.search(text[-24:]) is not None
    )


def _ends_sentence(text: str) -> bool:
    """Ends in 。！？… (or ... ), possibly followed by closing quotes and brackets, or ends the
    story (（完）, a jump line: no column break can follow)."""
    # String tests first: a `$`-anchored regex search tries every position.
    return (
        text.rstrip(_CLOSERS).endswith(_SENTENCE_MARKS)
        or _ends_story(text)
        # (a reader's question and who asked it: …在哪里办理？（当湖街道 张女士）)
        or (text.endswith(("）", ")")) and _ASKED_BY.search(text) is not None)
        # (a box's figures closed by their source: （数据来源：桐乡市农业农村局）)
        or (
            text.endswith(("）", ")"))
            and (note := _SOURCE_NOTE.search(text)) is not None
            and note.end() == len(text)
        )
    )


# (a place and a name, no figures: not a note on the pictures, （附图片1张）)
_ASKED_BY: Final = re.compile(rf"[。！？!?][（(](?!附)[{CJK} ·]{{2,16}}[)）]$")


_REPORTING_VERB: Final = re.compile(r"(?:强调|指出|表示|要求|提出|寄语|号召|部署|讲话|呼吁|说|称)$")
# A kicker names who spoke on what occasion, then the verb (王建国在全市农村工作会议上强调);
# a title that merely wraps after its verb (专家组负责人强调 | 应加快…) names no occasion.
# Two-character verbs only: a title line may well end in 小说 or 学说.
_KICKER_VERB: Final = re.compile(
    r"(?:强调|指出|表示|要求|提出|寄语|号召|部署|讲话|呼吁|声称|宣称)$"
)
# a meeting held, named above the title that says what it called for
_MEETING_HELD: Final = re.compile(
    r"(?:会|会议|论坛|仪式)(?:隆重|胜利|顺利)?(?:召开|举行|开幕|闭幕)$"
    # (or held, then named: 全市教育系统召开复学准备工作视频会议)
    r"|(?:召开|举行)[^，。、；：？！]{2,20}(?:会议|大会|座谈会|推进会|现场会|动员会|论坛|开工活动)$"
)
_OCCASION: Final = re.compile(
    r"在.{2,}(?:上|时|中|期间)|时(?:强调|指出|表示|要求)|会议|座谈|会见|接见|考察|视察|批示"
)
# the title of an official document printed whole (关于做好春季动物防疫工作的通告): a title of
# its own, never another headline's subtitle
_DOCUMENT_TITLE: Final = re.compile(
    r"关于.{2,}的?(?:通告|通知|公告|公示|启事|决定|意见|办法|规定|通报)$"
)
# the title of a notice, a line of its own: 寻人启事, 遗失声明, 招聘公告, 更正
_NOTICE_TITLE: Final = re.compile(
    rf"[{CJK}]{{0,8}}(?:启事|声明|公告|通告|通知|公示|讣告|告示|启示)|更正|致歉|致读者"
)
_BRACKETED_LABEL: Final = re.compile(r"【[^【】]{1,12}】|〖[^〖〗]{1,12}〗")
_SUBTITLE_DASH: Final = re.compile(r"^(?:——|—|--|－－)")
# A line that only says when (3月20日起, 2020年1月1日以来): a title says what happened, so a
# bare date above it is a kicker setting the scene.
_DATE_KICKER: Final = re.compile(
    r"(?=[^年月日]*[年月日])(?:从|自)?(?:\d{2,4}年)?(?:\d{1,2}月)?(?:\d{1,2}日)?(?:起|以来|开始|前|后)?"
)
# the occasion that sets the scene, a clause of time (新春佳节来临之际, 国庆前夕): a kicker,
# never a title on its own
_OCCASION_KICKER: Final = re.compile(rf"[{CJK}“”·]{{2,16}}(?:之际|前夕)")
_FURNITURE: Final = re.compile(
    # (every alternative holds at the start of the text: one anchor for them all, so that a
    # search tries only there)
    r"^(?:第\s*\d+\s*版|\d{1,2}\s*版|责任编辑|美术编辑|版式|校对|E-?mail"
    # the page's credits: 本版编辑 王五 校对 赵六, 编辑：王五, 美编 …
    r"|本版(?:责任)?编辑|(?:本版)?责编|(?:文字|图片|值班)?编辑\s*[:：]|美编|组版|版面设计|审读|校审"
    rf"|\s*{_JUMP}\s*$"  # a jump line standing alone
    # the photo credit of the whole page: 本版图片均由记者 徐佳丽 摄, ■本版摄影 徐佳丽
    rf"|[{MARKERS}]?\s*本[版组](?:图片|照片)(?:均)?由.{{2,24}}(?:摄|提供)$|[{MARKERS}]?\s*本[版组]摄影"
    # the page's sponsor or partner: 本版由平湖市民政局协办, 本专版由…联合主办
    r"|本(?:专)?版(?:由|与).{2,30}(?:协办|主办|承办|联办|合办|联合主办|联合推出|提供支持)$"
    # a page number (2, A2, 第2版), the masthead in Latin letters, the newsroom's numbers
    r"|[A-Z]?\d{1,2}$|[A-Z]{2,}(?:[ .]+[A-Z]{2,})+$|(?:https?://|www\.)"
    rf"|(?:{_DESK_LINES}|热线)?(?:电话|热线|传真|邮箱|邮编|网址)\s*[:：]"
    r"|\d{4}年\d{1,2}月\d{1,2}日\s*(?:星期.)?\s*$"
    # a page's section name standing alone (版名): 要闻, 综合新闻, 民生 …
    rf"|(?:{_SECTIONS}|(?:{_NEWS_SECTIONS})新闻)\s*$"
    # the weather box under the masthead: 今日天气 多云转晴 | 12℃～21℃ 东南风3级
    r"|(?:今日|明日|今天|明天)天气"
    # the label of an advertisement or of the front page's guide to the issue
    r"|(?:(?:公益)?广\s*告|(?:今日|本期|今日要目|要目)?导\s*读)\s*$"
    # an entry of that guide whose pointer takes a line of its own, under its title or alone:
    # 跨省通办事项扩容至186项 | ▶详见第4版
    r"|[^▶►▷]{0,40}[▶►▷]\s*(?:详见|见|请看)\s*第?\s*[A-Z]?\d{1,2}\s*版$"
    # the label over a column of briefs: 简讯, 新闻速递
    # (or the place's, the paper's own or the trade's: 县域快讯, 镇街简讯, 农业短讯)
    rf"|(?:[{CJK}]{{2}})?"
    r"(?:简\s*讯|快\s*讯|短\s*讯|简\s*报|速\s*递|要闻简报|新闻速递|新闻短波)\s*$"
    # (or the news of the world, the country, the town at a glance: 环球速览; a box of a village's
    # facts is titled so too, 村情速览)
    r"|(?:环球|国际|国内|新闻|要闻|城事|财经|体育)速\s*览\s*$"
    # (the page's wire credit: 本版稿件除署名外均据新华社电)
    r"|本版(?:稿件|文字|图片|图文)?(?:除署名外)?均?(?:据|来自|由)新华社(?:电|稿|提供)?\s*$"
    # (or news sent in from the places, by its old name: 乡镇传真, 基层传真)
    rf"|[{CJK}]{{2}}传\s*真\s*$"
    # (or the place's news in brief: 社区动态, 镇街动态, 部门动态)
    r"|(?:社区|镇街|街道|部门|基层|乡镇|村社|企业)动\s*态\s*$"
    # and over a group of photos, each with its own title and caption: 图片新闻
    r"|(?:图片新闻|新闻图片|图片报道|图片快讯)\s*$"
    # the day of the week ending the text
    r"|(?s:.*)星期[一二三四五六日天]\s*$)"
)
# The parts of a page header or footer that may share one line (2020年3月16日 星期一 第2版,
# A2 综合新闻 责任编辑 沈佳, PINGHU DAILY 2020.3.16): a line made of them alone, and perhaps a
# page number, is furniture.
# the count of the issue's pages in the masthead's small print: 今日8版
_PAGES_TODAY: Final = r"(?:今日|本期|共)\s*\d{1,2}\s*版"
# the provinces' one-character names, which open a licence's number (浙内准字…)
_PROVINCES: Final = "京津沪渝冀晋辽吉黑苏浙皖闽赣鲁豫鄂湘粤桂琼川蜀贵黔云滇藏陕甘陇青宁新蒙"
_FURNITURE_PARTS: Final = (
    # (first, before the page number alone: the guide's entry with its page first, 2版 ▶ 大田
    # 街道：“微网格”激活基层治理)
    r"^[A-Z]?\d{1,2}\s*版\s*[▶►▷]\s*\S.{1,30}$"
    r"|\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日|\d{4}[./-]\d{1,2}[./-]\d{1,2}"
    r"|星期[一二三四五六日天]|农历\S{2,10}?(?=\s|星期|$)|第\s*[A-Z]?\d{1,2}\s*版|[A-Z]?\d{1,2}\s*版"
    # (the lunar date by its year's stem and branch, with no 农历 before it: 辛丑年十月初五)
    r"|[甲乙丙丁戊己庚辛壬癸][子丑寅卯辰巳午未申酉戌亥]年(?:闰?[正一二三四五六七八九十冬腊]{1,2}月)?"
    r"(?:[初十廿二三][一二三四五六七八九十]|[初十廿]十|二十|三十)?(?=\s|星期|$)"
    r"|[A-Z]{2,}(?:\s+[A-Z]{2,})+"
    rf"|(?:(?:本版)?(?:责任|美术|文字|图片|值班)?编辑|值班编委|(?:本版)?责编|(?:版式|版面)(?:设计)?|美编|校对|组版|审读|校审)"
    # (the name perhaps spaced out: 责任编辑：周 晔)
    rf"(?:(?:\s*[:：]\s*|\s+)[{CJK}](?:\s?[{CJK}]){{1,2}}(?![{CJK}]))?"
    rf"|(?:本版|本报)?(?:{_DESK_LINES})?(?:热线|电话|传真|邮编)\s*[:：]?\s*[\d\s-]{{5,}}"
    # (and the hours it is answered: （工作日9:00—17:00）)
    r"(?:[（(](?:工作日|周[一二三四五六日]至周[一二三四五六日]|每天)?\s*\d{1,2}[:：]\d{2}\s*[—\-～~至]"
    r"\s*\d{1,2}[:：]\d{2}[)）])?"
    # (a supplement's own: 社区版热线：0573-85012345)
    rf"|[{CJK}]{{2}}版热线\s*[:：]?\s*[\d\s-]{{5,}}"
    # the masthead's small print: issue number, pages today, serial number (and the paper's
    # owner: _PARTY_ORGAN)
    rf"|总?第\s*\d{{3,6}}\s*[期号]|{_PAGES_TODAY}"
    r"|(?:国内统一)?连续出版物号\s*[:：]?|CN\s*\d{2}\s*[-－—]\s*\d{4}(?:/[A-Z]{1,2})?"
    # (a county paper's licence as an internal publication: 浙内准字第G047号)
    rf"|[{_PROVINCES}]?内(?:资)?准字\s*第?\s*[A-Z]?\d+号?"
    # the imprint at the page's foot: address, web site, e-mail, printer, price
    r"|(?:本报)?(?:社址|地址)\s*[:：]\s*\S{4,40}|网址\s*[:：]\s*\S+"
    r"|(?:本版)?(?:投稿)?(?:电子信箱|电子邮箱|邮箱|E-?mail)\s*[:：]\s*\S+@\S+|印刷\s*[:：]\s*\S+"
    # (and the advertising licence's number: 广告经营许可证：3206814000001)
    r"|广告(?:经营)?许可证(?:号)?\s*[:：]?\s*[A-Za-z0-9-]{5,}"
    r"|(?:定价|零售价)\s*[:：]?\s*(?:每月|每份|每期|全年|每年)?\s*[\d.]+\s*元"
    # the front page's guide: ▶我市首批“共享工程师”上岗 3版
    r"|^[▶►▷●◆]\s*\S.{1,30}?\s*[A-Z]?\d{1,2}\s*版$"
    # the weather under the masthead, perhaps on one line with its label: 今日天气 晴到多云
    # 27℃～37℃ 东北风3级
    r"|(?:今日|明日|今天|明天)?天气\s*[:：]?"
    r"|(?:晴到多云|多云到晴|(?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪|雨夹雪)(?:[转到](?:晴|阴|多云|小雨|中雨|大雨|阵雨|雷阵雨|小雪))?)(?=\s|-?\d|$)"
    r"|-?\d{1,2}\s*℃(?:\s*[～~\-—至]\s*-?\d{1,2}\s*℃)?"
    r"|偏?[东南西北]{1,2}风\s*\d(?:\s*[～~\-—]\s*\d)?\s*级"
)
# every character a part above may start with (the desks' too: 新闻热线, 广告电话): scanning a
# line, the regex tries the parts only where one stands, not all of them at every character
_FURNITURE_PART_FIRST: Final = (
    r"\dA-Z星农第本责美文图值编版校组审热电传邮投今共国连社地网印定零▶►▷●◆明天晴阴总多小中大阵雷东南西北偏\-"
    r"甲乙丙丁戊己庚辛壬癸内" + _PROVINCES + "".join(desk[0] for desk in _DESK_LINES.split("|"))
)
_FURNITURE_PART: Final = re.compile(f"(?=[{_FURNITURE_PART_FIRST}])(?:{_FURNITURE_PARTS})")
# The paper's name and its section (平湖日报, 平湖新闻, 要闻): furniture beside one of the parts
# above or a page number, or alone at the top or bottom of the page; elsewhere they may be a
# headline's words (读嘉兴日报, 揭秘新闻).
_PARTY_ORGAN: Final = re.compile(
    rf"(?:中共)?[{CJK}]{{2,10}}委(?:员会)?(?:机关报|主管主办|主办|主管)"
    # (and the house publishing it: 嘉善县新闻传媒中心出版, 云和县融媒体中心主办)
    rf"|[{CJK}]{{2,10}}(?:传媒中心|传媒集团|报社|融媒体中心|新闻中心)(?:编辑)?(?:出版|主办)"
)
# the house alone, beside the imprint's other parts: 青田县融媒体中心 地址：… 电话：…
_HOUSE_NAME: Final = re.compile(rf"[{CJK}]{{2,10}}(?:传媒中心|传媒集团|报社|融媒体中心|新闻中心)")
# the printer named in the imprint, beside its other parts: 平湖日报社印务中心印刷
_PRINTER: Final = re.compile(
    rf"[{CJK}]{{2,16}}(?:印务中心|印务有限公司|印刷有限公司|印刷厂|印刷公司|印务公司)(?:承印|印刷)?"
)
# a county paper's name alone on its line (桐乡报, 海盐报): not a headline's word (喜报, 快报 …)
_PAPER_NAME: Final = re.compile(
    rf"[{CJK}](?![喜捷快简情汇通警预画海战公板电年月周晚早日])[{CJK}]报"
)
# (a county paper named 金山报 too, beside a header's parts: 金山报 2023年9月12日 星期二 第2版)
# (and a county's paper named 今日 and its place: 今日定海 2021年11月9日 星期二)
_MASTHEAD_PART: Final = re.compile(
    rf"[{CJK}]{{2}}(?:日报|晚报|都市报)|[{CJK}]{{2}}新闻|{_SECTIONS}|^{_PAPER_NAME.pattern}"
    rf"|^今日[{CJK}]{{2}}(?=\s)"
)
# a county's paper named 今日 and its place (今日宁海), alone on its line
_TODAY_PAPER: Final = re.compile(rf"今日[{CJK}]{{2}}")
_MASTHEAD_WORDS: Final = ("报", "新闻", "今日", *_SECTIONS.split("|"))  # one is in every part
_PAGE_NUMBER_LEFT: Final = re.compile(r"[A-Z]?\d{1,2}")
_PAGE_NUMBER_EDGE: Final = re.compile(r"^[A-Z]?\d{1,2}|[A-Z]?\d{1,2}$")


_SITE_LINE: Final = re.compile(
    rf"(?:[{CJK}]{{2,8}}\s*[:：]?\s*)?(?:https?://|www\.)[\w.\-/]+(?:\s*[{CJK}]{{2,8}})?"
)
# a character every line of _FURNITURE_PART parts holds (年, 星期, 版, 日报, 新闻, 编辑, 市委主办 …)
_FURNITURE_ANCHOR: Final = re.compile(r"[0-9年星农版报闻要民副专辑式编对审线话真邮址委气A-Z]")


def _furniture_parts(text: str) -> str:
    """ "parts" when ``text`` is made of header or footer parts (and perhaps a page number),
    "masthead" when only of the paper's name or section, else ""."""
    if not _FURNITURE_ANCHOR.search(text):  # (a cheap test first: most lines hold none)
        return ""
    if ("www." in text or "://" in text) and _SITE_LINE.fullmatch(text):
        return "parts"  # the paper's web site under its masthead: 湖州在线 www.hz66.com
    rest, parts = _FURNITURE_PART.subn("", text)
    # (the paper's owner: 中共平湖市委机关报, 中共平湖市委主管主办; rare)
    if "机关报" in rest or "主办" in rest or "出版" in rest or "主管" in rest:
        rest, organ = _PARTY_ORGAN.subn("", rest)
        parts += organ
    if parts and "印" in rest:  # (the printer: 平湖日报社印务中心印刷)
        rest = _PRINTER.sub("", rest)
    if parts and ("中心" in rest or "报社" in rest or "集团" in rest):
        rest = _HOUSE_NAME.sub("", rest)
    mastheads = 0
    if any(word in rest for word in _MASTHEAD_WORDS):  # (cheap first: most lines hold none)
        rest, mastheads = _MASTHEAD_PART.subn("", rest)
    rest = "".join(ch for ch in rest if ch.isalnum())
    if rest:
        page_number = _PAGE_NUMBER_LEFT.fullmatch(rest) is not None
        if not page_number and parts:
            # the section's name beside the parts, perhaps with the page number (3 社 会
            # 2020年8月26日 星期三)
            name = _PAGE_NUMBER_EDGE.sub("", rest)
            page_number = bool(name) and _SECTION_NAME.fullmatch(name) is not None
        return "parts" if page_number and parts + mastheads > 0 else ""
    return "parts" if parts else "masthead" if mastheads else ""


def _is_furniture(chunks: list[Chunk], i: int) -> bool:
    """Page furniture: a header or footer line, a jump line, the desk's credits …"""
    chunk = chunks[i]
    lines = chunk.lines
    # (a header of four or five lines opens with a short one: 第2版 | 综 合 | 2021年5月12日 | …;
    # a front page's masthead may run to ten or more: 平湖日报 | PINGHU RIBAO | 中共…委主办 |
    # …传媒中心出版 | its serial | date | lunar date | 今日4版 第6843期 | the weather)
    if len(lines) > 12 or (
        len(lines) > 3
        and len(lines[0].text) > 8
        # (or the masthead's small print, its long serial number first)
        and _furniture_line(lines[0].text) != "parts"
    ):
        return _advertisement(chunk)
    if _contact_under_call(chunks, i):
        return False
    if _WEATHER_BOX.match(lines[0].text) and all(len(line.text) <= 12 for line in lines):
        return True  # the weather box: 今日天气 | 多云转晴 | 19℃～27℃ | 东北风3～4级
    # (the account a call to scan a code names, on a line of its own: 扫一扫 | 关注“平湖发布”)
    if (
        len(lines) == 1
        and not chunk.blank_before
        and i > 0
        and chunks[i - 1].kind == "furniture"
        and _FOLLOW_CALL.fullmatch(lines[0].text) is not None
    ):
        return True
    if len(lines) <= 2 and _FURNITURE.search(chunk.text):
        return True
    # (a guide's entry whose title wraps, over its pointer: “家门口”的托育点 | 让年轻父母安心上班
    # | ▶详见第3版)
    if (
        len(lines) == 3
        and lines[-1].text[:1] in "▶►▷"
        and not any(line.final for line in lines)
        and _FURNITURE.search(chunk.text)
    ):
        return True
    if _advertisement(chunk) or (
        # (the advertiser's name, set larger over the block: 嘉善农商银行 | 春耕贷款 …)
        len(lines) == 1
        and len(lines[0].text) <= 12
        and not chunk.blank_after
        and i + 1 < len(chunks)
        and _advertisement(chunks[i + 1])
    ):
        return True
    if (
        len(lines) <= 3
        # (cheap first: how such a call opens or ends)
        and (lines[0].text[:1] in "扫微长请" or lines[-1].text[-1:] in "号端码")
        and _PROMOTION.search(chunk.text)
        and not _ANY_PUNCT.search(chunk.text)
        # (a headline that opens so has its byline right under it: 扫一扫 废品变积分 | ■记者 …)
        and not (i + 1 < len(chunks) and not chunk.blank_after and chunks[i + 1].kind == "byline")
    ):
        return True  # a call to scan a code: 扫码关注 | “平湖发布”微信公众号
    found = set()
    # (the line above, for an imprint's address wrapped onto the next line)
    above = chunks[i - 1].lines[-1].text if i and chunks[i - 1].kind == "furniture" else ""
    for line in lines:
        kind = _furniture_line(line.text) or _address_run_on(above, line.text)
        above = line.text
        if not kind:
            # a section the list does not name (乡村振兴, 镇街动态) passes only with the page's
            # date beside it or alone between the header's other parts (2024年4月16日 星期二 |
            # 乡村振兴 | 4), in a header at the page's edge (tested below)
            if (
                len(line.text) > 14  # (most chunks: their first line already)
                or not (
                    # (most short lines fail here: a headline's)
                    ("年" in chunk.text and _dated_header(chunk))
                    or (len(lines) == 1 and _between_header_parts(chunks, i))
                    # (or set right between header lines, no blank line around it: 丽水日报 | … |
                    # 3 | 公告·分类信息 | 责任编辑 周 敏 美编 朱丽丽)
                    or (
                        len(lines) == 1
                        and not chunk.blank_before
                        and not chunk.blank_after
                        and i > 0
                        and chunks[i - 1].kind == "furniture"
                        and i + 1 < len(chunks)
                        and all(_furniture_line(x.text) for x in chunks[i + 1].lines)
                    )
                    # (or the page's first line, over the date: 乡村振兴 | 2022年9月24日 星期六
                    # | 3)
                    or (
                        i == 0
                        and len(lines) == 1
                        and len(chunks) > 1
                        and len(chunks[1].lines) <= 2
                        and _dated_header(chunks[1])
                    )
                )
                or _SECTION_LIKE.fullmatch(line.text) is None
            ):
                return False
            kind = "unknown section"
        found.add(kind)
    if (
        found == {"masthead"}
        and len(lines) == 1
        and not chunk.blank_after
        and i + 1 < len(chunks)
        and _headline_shaped(chunks[i + 1])
        and not any(_furniture_line(line.text) for line in chunks[i + 1].lines)
    ):
        return False  # a column's label right over a title (国际观察 | 全球航运成本攀升…)
    # the paper's name or section alone, or a header stacked over three lines (要 闻 |
    # 2020年3月20日 星期五 | 1): only above the first story or under the last one
    at_edge = not all(
        any(_reads_as_body(c) for c in side) for side in (chunks[:i], chunks[i + 1 :])
    )
    if "unknown section" in found:
        return at_edge
    return at_edge or (
        "parts" in found and (len(lines) <= 2 or found == {"parts"} or _dated_header(chunk))
    )


# a match's score between the two sides (柯桥区队2∶1上虞区队, 海宁队 86∶79 平湖队)
_SCORE_LINE: Final = re.compile(rf"[{CJK}·]{{2,12}} ?\d{{1,3}} ?[∶:] ?\d{{1,3}} ?[{CJK}·]{{2,12}}")


def _score_box(chunks: list[Chunk], i: int) -> bool:
    """A match's score on a line of its own, perhaps over the half-time score in brackets
    and who scored (柯桥区队2∶1上虞区队 | （上半场0∶1） | 进球：王浩31′ …), or those lines
    under a score above: the report's box, no headline."""
    lines = chunks[i].lines
    if _SCORE_LINE.fullmatch(lines[0].text) is not None:
        notes = lines[1:]
    elif (
        i > 0
        and not chunks[i].blank_before
        and _SCORE_LINE.fullmatch(chunks[i - 1].lines[0].text) is not None
    ):
        notes = lines  # (the score's notes, a chunk of their own)
    else:
        return False
    return all(
        (line.text[:1] in "（(" and line.text[-1:] in "）)") or _ROW_LABEL.match(line.text)
        for line in notes
    )


def _contact_under_call(chunks: list[Chunk], i: int) -> bool:
    """Where to send work, right under a call for it: the notice's own lines, not the desk's
    (…一经刊用即付稿酬。 | 投稿邮箱：jsrbfk@163.com | 联系电话：…)."""
    chunk = chunks[i]
    return (
        i > 0
        and not chunk.blank_before
        and _DESK_CONTACT.match(chunk.lines[0].text) is not None
        and _CALL_FOR_WORK.search(chunks[i - 1].text) is not None
    )


# a call for contributions (稿酬, 来稿请注明…), over where to send them
_CALL_FOR_WORK: Final = re.compile("来稿|稿酬|征稿|投稿要求|稿件")
# an imprint's address ending its line, perhaps cut by the line's end (地址：金华市双溪西路 |
# 288号 邮编：321017 …)
_ADDRESS_AT_END: Final = re.compile(r"(?:社址|地址)\s*[:：]\s*\S{2,40}$")
# what only an imprint holds, of the parts a notice's contact lines share with it (地址, 电话)
_IMPRINT_CUE: Final = re.compile(r"出版|主办|许可证|定价|印刷\s*[:：]")
# a desk's own contact line, not a notice's (咨询电话, 服务热线 close a notice's text)
_DESK_CONTACT: Final = re.compile(
    rf"(?:本报|本版|[{CJK}]{{2}}版)?(?:新闻|报料|爆料|投稿|读者)?(?:热线|电子邮箱|投稿邮箱|邮箱)\s*[:：]"
)


def _address_run_on(above: str, text: str) -> str:
    """ "parts" for an imprint's line under ``above`` ending in its address, opening with the
    address's end and then made of parts (288号 邮编：321017 广告许可证：…), else ""."""
    # (cheap first: most lines above name no address)
    if "址" not in above or _ADDRESS_AT_END.search(above) is None:
        return ""
    parts = re.split(r"\s", text, maxsplit=1)
    if len(parts) < 2 or len(parts[0]) > 20:
        return ""
    return "parts" if _furniture_parts(parts[1].strip()) == "parts" else ""


def _between_header_parts(chunks: list[Chunk], i: int) -> bool:
    """Chunk ``i`` stands between two chunks of header parts, one line each or the date over
    the desk's credit, one of them the page's date in full (2024年4月16日 星期二 | 乡村振兴 | 4;
    4 | 镇街道 | 2023年10月18日 星期三 ■ 责任编辑：徐 静)."""
    if not 0 < i < len(chunks) - 1:
        return False
    around = chunks[i - 1], chunks[i + 1]
    # (a header's date names the weekday; a notice's date under its signer names none: 平湖市
    # 自来水有限公司 | 2022年6月7日 | 停水通知 | 责任编辑：陈 晓, the notice's title)
    return all(
        len(c.lines) <= 2 and all(_furniture_line(line.text) == "parts" for line in c.lines)
        for c in around
    ) and any(_dated_header(c) and "星期" in c.text for c in around)


def _dated_header(chunk: Chunk) -> bool:
    """A line of the chunk gives the page's date in full: a header, anywhere on the page."""
    return any(
        _HEADER_DATE.search(line.text) and _furniture_line(line.text) == "parts"
        for line in chunk.lines
    )


# a short name in a header: two to eight characters, perhaps spaced out or dotted, perhaps
# with the page number (镇街动态, 海盐报, 综合 2, A5 民生), or a day's special (3·15特别报道)
_SECTION_LIKE: Final = re.compile(
    rf"(?:[A-Z]?\d{{1,2}}\s*|\d{{1,2}}·\d{{1,2}})?[{CJK}](?:\s?[{CJK}·]){{1,7}}(?:\s*[A-Z]?\d{{1,2}})?"
)
_AD_LABEL: Final = re.compile(r"(?:公益)?广\s*告")
# a call to scan a code or follow an account, beside a picture of the code
_PROMOTION: Final = re.compile(
    r"^(?:扫一扫|扫码|微信扫一扫|长按识别|长按二维码|请扫描)"
    r"|(?:微信公众号|公众号|客户端|视频号|抖音号|二维码)\s*$"
)
# the page's date in full: 2021年6月3日
# (year, month, day)
_HEADER_DATE: Final = re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日")
_WEATHER_BOX: Final = re.compile(r"(?:今日|明日|今天|明天)天气")
_GUIDE_LABEL: Final = re.compile(r"导\s*读\s*$")
# where an entry of the guide points: the end of its line (…新图景 2版) or a line of its own (第3版)
_GUIDE_POINTER: Final = re.compile(r"(?:^|\D)\s*第?\s*[A-Z]?\d{1,2}\s*版$")


def _guide_entries(chunks: list[Chunk], i: int) -> bool:
    """Entries of the front page's guide to the issue right under its label or the entry above
    (今日导读 | 濮院：“一件毛衫”织出时尚新图景 2版, or 暑期托管班开进社区 | 孩子们有了“第二课堂” |
    第3版): headline lines ending in the page they point to, no sentence among them."""
    chunk = chunks[i]
    if i == 0 or chunk.blank_before or chunks[i - 1].kind != "furniture":
        return False
    above = chunks[i - 1]
    return (
        _GUIDE_POINTER.search(chunk.lines[-1].text) is not None
        and (
            _GUIDE_LABEL.search(above.text) is not None
            or _GUIDE_POINTER.search(above.lines[-1].text) is not None
        )
        and not any(line.final for line in chunk.lines)
    )


_FOLLOW_CALL: Final = re.compile(r"(?:关注|订阅)“[^“”]{2,10}”(?:微信公众号|公众号|客户端)?")
# an advertisement's telephone line, and what else shows a block is one: an address, an offer
_AD_PHONE: Final = re.compile(r"[^，。]{0,6}(?:热线|电话)\s*[:：]\s*[\d\s\-－()（）]{7,}")
_AD_CUE: Final = re.compile(r"地址\s*[:：]|优惠|立减|满\d+元|折起|特价|开盘|招商|热销")


def _advertisement(chunk: Chunk) -> bool:
    """A block of short lines with a telephone line and an address or an offer, and no
    sentence: an advertisement (嘉善农商银行 | 春耕贷款 利率优惠 放款快 | 服务热线：…)."""
    lines = chunk.lines
    if not 2 <= len(lines) <= 8 or chunk.punct == 2:
        return False
    text = chunk.text
    if "热线" not in text and "电话" not in text:  # (most chunks)
        return False
    return (
        any(_AD_PHONE.fullmatch(line.text) for line in lines)
        and _AD_CUE.search(text) is not None
        and all(len(line.text) <= 20 for line in lines)
    )


def _furniture_line(text: str) -> str:
    """What :func:`_furniture_parts` says of a line, or "parts" for a line that is furniture
    by itself (a page number, a section name, perhaps spaced out: 要 闻)."""
    kind = _furniture_parts(text)
    if kind:
        return kind
    if text.endswith(("合办", "协办", "联办")) and _RUN_JOINTLY.fullmatch(text):
        return "parts"
    if len(text) > 12:
        return ""
    squeezed = text.replace(" ", "")
    if _FURNITURE.search(squeezed):
        return "parts"
    # (a section's name beside the page's number, alone on its line: 综合 2, 3 要闻)
    name = _PAGE_NUMBER_EDGE.sub("", squeezed)
    if name != squeezed and name and _SECTION_NAME.fullmatch(name):
        return "parts"
    # (or a county's paper named 今日 and its place alone, over the masthead's small print:
    # 今日宁海 | JINRI NINGHAI | 中共宁海县委主管主办)
    masthead = (
        _SECTION_NAME.fullmatch(squeezed)
        or _PAPER_NAME.fullmatch(squeezed)
        or (squeezed.startswith("今日") and _TODAY_PAPER.fullmatch(squeezed))
    )
    return "masthead" if masthead else ""


# the bodies running a page with the paper, named a space apart: 县委政法委 安吉新闻 合办
_RUN_JOINTLY: Final = re.compile(rf"(?:[{CJK}]{{2,20}} +){{1,3}}(?:合办|协办|联办)")
# a page's section (版名) on a line of its own: 社会, 综合新闻, 人物·副刊, 民生·热线
_ANY_SECTION: Final = f"{_SECTIONS}|{_NEWS_SECTIONS}|{_MORE_SECTIONS}"
# (two may share a page: 教育卫生, 文化体育)
_SECTION_NAME: Final = re.compile(
    rf"(?:[{CJK}]{{2}}·)?(?:{_ANY_SECTION})(?:{_ANY_SECTION})?(?:新闻)?(?:·[{CJK}]{{2}})?"
)


def _reads_as_body(chunk: Chunk) -> bool:
    """Lines of running text: two or more, with a sentence mark."""
    return chunk.kind != "byline" and len(chunk.lines) >= 2 and chunk.punct == 2


_NOT_BIGRAM_CHARS: Final = re.compile(rf"[^{CJK}0-9A-Za-z]+")


def _bmp_text() -> str:
    """Every code point of the Basic Multilingual Plane in order, to build lookup tables."""
    return np.arange(0x10000, dtype=np.uint32).tobytes().decode("utf-32-le", "surrogatepass")


# per BMP code point: not one of _NOT_BIGRAM_CHARS
_BIGRAM_CHAR: Final = np.zeros(0x10000, dtype=bool)
_BIGRAM_CHAR[
    np.frombuffer(
        _NOT_BIGRAM_CHARS.sub("", _bmp_text()).encode("utf-32-le"),
        dtype=np.uint32,
    )
] = True

_SURNAMES_FILE: Final = RESOURCES_DIR / "surnames.txt"


def _load_surnames() -> frozenset[str]:
    words = _SURNAMES_FILE.read_text(encoding="utf-8").split()
    return frozenset(w for w in words if not w.startswith("#"))


SURNAMES: Final = _load_surnames()


def _opens_with_surname(name: str) -> bool:
    """``name`` opens with a surname of one character or two (王强, 欧阳明华)."""
    return name[:1] in SURNAMES or name[:2] in SURNAMES


ARTICLE_COLUMNS: Final = [
    "article_id",
    "page_id",
    "ordinal",
    "kind",
    "kicker",
    "title",
    "subtitle",
    "byline",
    "dateline",
    "body",
    "n_chars",
    "line_start",
    "line_end",
    "newspaper",
    "date",
    "page",
]
PARAGRAPH_COLUMNS: Final = [
    "page_id",
    "article_id",
    "field",
    "paragraph",
    "text",
    "line_start",
    "line_end",
    "source_map",
]
UNPLACED_COLUMNS: Final = [
    "page_id",
    "unplaced_id",
    "kind",
    "text",
    "line_start",
    "line_end",
    "note",
]


def display_width(text: str) -> float:
    """Column width as printed: ASCII is half as wide as CJK and full-width punctuation."""
    # ASCII takes 1 UTF-8 byte, CJK and full-width punctuation 3: count ASCII without a loop.
    n = len(text)
    ascii_count = (3 * n - len(text.encode("utf-8"))) / 2
    return n - 0.5 * max(ascii_count, 0.0)


# --- line and chunk model ------------------------------------------------------------------


class Line(NamedTuple):
    """One source line: its kind (blank | byline | text) and normalised pieces.

    ``raw`` is the line with widths already folded (a 1:1 change, columns unchanged). ``width`` is
    measured on the printed line, since justification spaces take room on paper;
    ``content_width`` leaves out a closing mark that may hang in the margin. A tuple, built
    by :func:`_read_lines` without a Python ``__init__``: a page has hundreds of lines.
    """

    number: int
    raw: str
    kind: str
    pieces: tuple[Piece, ...]
    text: str
    width: float
    content_width: float
    indented: bool
    doubled: bool
    final: bool  # ends a sentence (see _ends_sentence)

    @property
    def span(self) -> Span:
        return Span(list(self.pieces))


class Chunk:
    """Consecutive lines of one kind: text lines, or a byline group."""

    __slots__ = (
        "_inner",
        "_punct",
        "_shaped",
        "_text",
        "_text_lines",
        "_width",
        "blank_after",
        "blank_before",
        "kind",
        "lines",
        "verse",
    )

    def __init__(
        self,
        lines: list[Line],
        kind: str = "text",  # text | byline; classified: body | headline | name | furniture
        blank_before: bool = True,
        blank_after: bool = True,
    ):
        self.lines = lines
        self.kind = kind
        self.blank_before = blank_before
        self.blank_after = blank_after
        self._text: str | None = None
        self._width: float | None = None
        self._punct: int | None = None
        self._shaped: bool | None = None
        self._inner: list[float] | None = None
        self._text_lines: list[Line] | None = None
        self.verse = False  # (a stanza of verse with no marks: :func:`_stanza_of_poem`)

    @property
    def first(self) -> int:
        return self.lines[0].number

    @property
    def last(self) -> int:
        return self.lines[-1].number

    @property
    def text(self) -> str:
        # cached by hand: functools.cached_property takes a lock on every access in 3.11
        if self._text is None:
            self._text = "".join([line.text for line in self.lines])
        return self._text

    @property
    def width(self) -> float:
        if self._width is None:
            self._width = max([line.width for line in self.lines])
        return self._width

    @property
    def inner_widths(self) -> list[float]:
        """Widths of the lines inside the chunk (its first may be indented, its last short),
        sorted: the column is their median. Read by several rules and by _add_body."""
        if self._inner is None:
            self._inner = sorted([line.width for line in self.text_lines[1:-1]])
        return self._inner

    @property
    def text_lines(self) -> list[Line]:
        """The lines of the column: a jump line under the text (（下转第2版）) is none of them, nor
        a credit in brackets on a line of its own (（据新华社）)."""
        if self._text_lines is None:
            lines = self.lines
            self._text_lines = (
                lines[:-1]
                if len(lines) > 1
                and (
                    _is_jump_line(lines[-1])
                    or (lines[-1].text[:1] in "（(" and _credit_alone(lines[-1].text))
                )
                else lines
            )
        return self._text_lines

    @property
    def punct(self) -> int:
        """2 when the text holds a sentence mark (。；;), 1 when only commas (，,), else 0."""
        if self._punct is None:
            text = self.text
            self._punct = (
                2 if _SENTENCE_PUNCT.search(text) else 1 if _CLAUSE_PUNCT.search(text) else 0
            )
        return self._punct


# first characters _BYLINE_HINT can match (besides whitespace): a cheap test before the regex
_BYLINE_FIRST: Final = frozenset("■◆●▲□◇本新记见实特首融评摄通文图责编美校撰整指")
_BYLINE_HINT: Final = re.compile(
    rf"^\s*[{MARKERS}]?\s*(?:本\s*报\s*|新\s*华\s*社\s*)?[记见实特首融评摄通文图责编美校撰整指]"
)


_NAME_SEPARATOR: Final = r"\s*[、/ ，,]\s*"
# a reporter and where the story was sent from: 本报记者康健发自上海, 本报记者 王强 发自北京
_DISPATCH_CREDIT: Final = re.compile(
    rf"(?:本报|新华社)?(?:特派|特约|驻[{CJK}]{{1,6}})?记者\s*[{CJK}·]{{2,4}}?"
    rf"(?:\s*[、，]\s*[{CJK}·]{{2,4}}?)*\s*发自\s*[{CJK}]{{2,8}}"
)
_NAMES_ONLY: Final = re.compile(rf"[{CJK}·]+(?:{_NAME_SEPARATOR}[{CJK}·]+)*")
_SPACES: Final = re.compile(r"\s+")
_NAME_SEPARATORS: Final = re.compile(_NAME_SEPARATOR)
# (a slash separates too: 文/沈洁)
_ROLE_THEN_SEPARATOR: Final = re.compile(rf"^(?:(?:{BYLINE_ROLES})(?:\s+|[:：])|[文图][/／])")


# a commentator signs with the role alone: 本报评论员, 平湖日报评论员, 新华社特约评论员
_COMMENTATOR: Final = re.compile(rf"(?:本报|新华社|[{CJK}]{{2,6}}报)?(?:特约)?评论员")


def _is_byline(folded: str) -> bool:
    """``folded``: a line normalised with ``names=True`` (see :func:`_read_line`)."""
    if not folded or len(folded) > 40:
        return False
    if not _ROLE.match(folded):
        return _marked_names(folded) or (
            folded.endswith("评论员") and _COMMENTATOR.fullmatch(folded) is not None
        )
    marker = folded[0] in MARKERS
    body = folded.lstrip(MARKERS).strip()
    body = _CREDIT_SUFFIX.sub("", body)
    if "发自" in body and _DISPATCH_CREDIT.fullmatch(body):
        return True  # 本报记者康健发自上海: the reporter and where the story was filed from
    names_only = _BYLINE_PART.sub(" ", body)
    names_only = _SPACES.sub(" ", names_only).strip()
    if not names_only:
        # a commentator signs with the role alone: ■本报评论员
        return _COMMENTATOR.fullmatch(body) is not None
    if not _NAMES_ONLY.fullmatch(names_only):
        return False
    # names are short (two glued ones at most) unless foreign (·): 记者：市委、市政府把招商引资作为
    # 突破口… opens an interview question, not a byline
    # (names parted by a comma open with a surname: 记者：受疫情影响，今年春耕生产 is a question
    # too; names parted by spaces may be a pen name, 通讯员 平法宣)
    comma = "，" in names_only or "," in names_only
    if any(
        "·" not in part and (len(part) > 6 or (comma and not _opens_with_surname(part)))
        for part in _NAME_SEPARATORS.split(names_only)
    ):
        return False
    if marker:
        return True
    # Without a marker, demand a separator after the role (记者 翁辰辰, 通讯员：徐冰艳) so that
    # body lines such as 记者了解到 are never taken for bylines.
    return bool(_ROLE_THEN_SEPARATOR.match(body))


_AUTHOR_POSTS: Final = frozenset(
    ("法官", "检察官", "警官", "民警", "律师", "医生", "医师", "主任医师", "教师", "老师", "教授")
)
_WRITERS_PLACE: Final = re.compile(rf"[（(][{CJK}]{{1,8}}(?:街道|镇|乡|村|社区|县|市|区)[)）]$")
_BRACKETED_PLACE: Final = re.compile(rf"[（(][{CJK}]{{2,10}}[)）]$")


def _marked_names(folded: str) -> bool:
    """A marker and names alone (■沈洁, □王强 李四): an author signing a feature."""
    if folded[0] not in MARKERS:
        return False
    rest = folded[1:].strip()
    if rest.endswith(("）", ")")):
        # (the writer's place after the name: ■ 沈 洁（魏塘街道）, ■ 陈丽琴（西班牙马德里）)
        rest = _WRITERS_PLACE.sub("", rest)
        rest = _BRACKETED_PLACE.sub("", rest) if rest.endswith(("）", ")")) else rest
    names = _NAME_SEPARATORS.split(rest)
    # (the author's unit may come first, a court's or a school's: □ 平湖法院 顾晓燕; or what
    # the author is to the paper, a reader or the expert who answers: ■读者 钱建华)
    if len(names) >= 2 and (
        names[0] in _CONTRIBUTOR_ROLES or _AUTHOR_UNIT.fullmatch(names[0]) is not None
    ):
        names = names[1:]
        # (and the post after the unit, a space apart: ■市中级人民法院 法官 李 韵)
        if len(names) >= 2 and names[0] in _AUTHOR_POSTS:
            names = names[1:]
    return 1 <= len(names) <= 3 and all(
        2 <= len(name) <= 4
        and _NAME_2_TO_4.fullmatch(name) is not None
        and _opens_with_surname(name)
        for name in names
    )


# what a contributor signing after a marker is to the paper (■读者 钱建华, ■答疑专家 周国强)
_CONTRIBUTOR_ROLES: Final = frozenset(
    ("读者", "市民", "网友", "作者", "专家", "答疑专家", "讲述人", "口述", "受访者")
)


def _contributor_credit(chunk: Chunk) -> bool:
    """One line, a marker and a contributor's role and name (■读者 陆 敏, ■答疑专家 周国强)."""
    if len(chunk.lines) != 1 or chunk.text[:1] not in MARKERS:
        return False
    role = _NAME_SEPARATORS.split(chunk.text[1:].strip())[0]
    return role in _CONTRIBUTOR_ROLES


# the unit an author signing a contributed piece names first, perhaps with a post (平湖法院,
# 市实验小学, 平湖法院法官, 市公安局民警, 浙江嘉禾律师事务所律师)
_AUTHOR_UNIT: Final = re.compile(
    rf"[{CJK}]{{1,10}}(?:法院|检察院|公安局|派出所|司法局|学校|小学|中学|幼儿园|医院|卫生院|大学|学院"
    r"|局|中心|委员会|协会|公司|街道|社区|律师事务所|事务所|研究所|研究院)"
    # (a hospital's department: 市中医院肝病科, …医院呼吸与危重症医学科)
    rf"(?:[{CJK}]{{1,10}}(?:科|室|部))?"
    r"(?:法官|检察官|警官|民警|教师|老师|医生|护士|律师|干部|主任|科长|所长|院长|校长"
    r"|(?:副)?主任(?:中)?医师|(?:副)?主任护师|主治医师)?"
)
_NAME_CREDIT: Final = re.compile(
    rf"^[{MARKERS}]?\s*[{CJK}·]{{2,5}}(?:{_NAME_SEPARATOR}[{CJK}·]{{2,5}}){{0,3}}\s+摄影?$"
)
# A credit at the end of a caption's or a story's text: …抢种。（记者 张三 摄）, …作业。 张三 摄
_GLUED_VERB: Final = re.compile(rf"(?<=[{CJK}])摄影?$")
_ROLE_GLUED: Final = re.compile(rf"^((?:{BYLINE_ROLES}))(?=[{CJK}])")
_BRACKETED_TAIL: Final = re.compile(r"[（(]([^（）()]{2,40})[)）]$")
_SPACED_TAIL: Final = re.compile(r"(?<=[。！？”])\s*([^。！？”]{2,40})$")
# a byline group that credits a photo: 摄影 王强, 摄 徐佳丽, 记者 张三 摄, 张三 摄影
# (摄 at a line's end credits every name on it; 照片: an agency's picture, 新华社发 美联社照片)
_CREDIT_VERB_END: Final = re.compile(r"(?:摄影?|照片|供图)[)）]?$|\s[作书画绘]$")
_SQUEEZED_ARTIST: Final = re.compile(rf"[{CJK}]{{2,3}}[作绘]")
_PHOTO_GROUP: Final = re.compile(rf"^[{MARKERS}]?\s*(?:摄影|摄|图)|{_CREDIT_VERB_END.pattern}")


def _is_credit(text: str) -> bool:
    """A byline, or names followed by 摄 (张三 摄: a photo credit needs no role), or an
    agency's (新华社发（奥古斯托·卡萨索利 摄）, 新华社发 美联社照片), or the source of a brief
    (据新华社)."""
    return (
        _is_byline(text)
        or _SOURCE_CREDIT.fullmatch(text) is not None
        # (a marker may lead it: ■市档案馆 供图)
        or _SUPPLIED_CREDIT.fullmatch(text.lstrip(MARKERS + " ")) is not None
        or _NAME_CREDIT.match(text) is not None
        or _AGENCY_PHOTO.fullmatch(text) is not None
        or _GROUP_CREDIT.fullmatch(text) is not None
        or _unit_post_name(text)
    )


def _unit_post_name(text: str) -> bool:
    """An author's unit, post and name a space apart (浙江善文律师事务所 律师 钱文斌), as a
    lawyer or a doctor answering signs in brackets under the answer."""
    # (a marker may lead it: □ 台州市中心医院呼吸与危重症医学科 主任医师 陈一鸣)
    parts = text.lstrip(MARKERS + " ").split()
    if len(parts) < 3 or parts[1] not in _AUTHOR_POSTS:  # (cheap first)
        return False
    name = "".join(parts[2:])
    return (
        _AUTHOR_UNIT.fullmatch(parts[0]) is not None
        and 2 <= len(name) <= 4
        and _NAME_2_TO_4.fullmatch(name) is not None
        and _opens_with_surname(name)
    )


# the credit of a group of photos, printed under the last caption: 本组图片由记者 徐佳丽 摄
# (本版图片均由… credits the whole page: furniture)
_GROUP_CREDIT: Final = re.compile(r"[（(]?本组(?:图片|照片)均?由.{2,24}?(?:摄影?|提供)[)）]?")


_CREDIT_ENDS: Final = ("摄", "摄影", "摄）", "摄)", "照片", "照片）", "照片)")
# who supplied a picture or a text: （图片由市文旅局提供）, （市农业农村局供稿）, （新仓镇供图）
_SUPPLIED_CREDIT: Final = re.compile(
    rf"(?:(?:图片|照片|图)(?:均)?由[{CJK}]{{2,20}}提供|[{CJK}]{{2,20}} ?(?:供稿|供图))"
)
# where a brief was taken from, in brackets at its end: （据新华社）, （据人民日报）
_SOURCE_CREDIT: Final = re.compile(
    r"据(?:新华社|中新社|人民日报|新华网|人民网|央视新闻|光明日报|经济日报)"
)
_AGENCY_PHOTO: Final = re.compile(
    rf"{_AGENCY}(?:记者\s*[{CJK}·]{{2,12}}\s*)?发?\s*[（(][^（）()]{{2,30}}(?:摄影?|照片)[)）]"
    # (another agency's picture sent on: 新华社发 美联社照片, 新华社传真照片)
    rf"|{_AGENCY}(?:发\s*[{CJK}]{{2,8}}|传真)照片"
    # (its stringer's picture sent on, the name unbracketed: 新华社发 程晓辉 摄)
    rf"|{_AGENCY}发\s*[{CJK}·]{{2,12}}\s*摄影?"
)


def _tail_credit(text: str) -> tuple[re.Match[str] | None, bool]:
    """A credit closing ``text`` (the match, its group 1 the credit) and whether it is set in
    brackets; (None, False) when there is none."""
    if text.endswith(("）", ")")):
        m = _BRACKETED_TAIL.search(text)
        if m and (
            _is_credit(m.group(1).strip())
            or _signed_names(text, m)
            # (a role and its name parted by a line break, joined with nothing between:
            # …以上。（通讯员 | 朱 敏）, …流程。（记者 | 王 强 摄）)
            or _is_credit(_ROLE_GLUED.sub(r"\1 ", m.group(1).strip(), count=1))
        ):
            return m, True
    m = _SPACED_TAIL.search(text)
    return (m, False) if m and _is_credit(m.group(1).strip()) else (None, False)


def _credit_alone(text: str) -> bool:
    """A line that is only a credit in brackets: （据新华社）, （记者 王强 摄）."""
    if not text or text[0] not in "（(" or text[-1] not in ")）":
        return False
    inner = text[1:-1].strip()
    return "（" not in inner and "(" not in inner and _is_credit(inner)


def _signed_names(text: str, m: re.Match[str]) -> bool:
    """The brackets closing ``text`` after a sentence end hold personal names only: a brief
    signed by its author (…等环节。（顾 敏））."""
    if m.start() == 0 or text[m.start() - 1] not in "。！？”":
        return False
    names = m.group(1).replace(" ", "").split("、")
    if len(names) == 1 and 4 <= len(names[0]) <= 6:
        # two names printed with nothing between (许文涛陆佳琪): where each opens with a surname
        names = split_glued_names(names[0], SURNAMES)
    return len(names) <= 3 and all(
        2 <= len(name) <= 3 and _opens_with_surname(name) for name in names
    )


# where a byline names a second role: 记者 李雨婷 | 通讯员 徐冰艳 (not 记者 张三 摄)
_SECOND_ROLE: Final = re.compile(rf"\s+(?=(?:{BYLINE_ROLES})(?:\s+|[:：])\S)")
_ROLE_ALONE: Final = re.compile(rf"[{MARKERS}]?\s*(?:{BYLINE_ROLES})\s*")


def _role_groups(span: Span) -> list[Span]:
    """A byline line naming several roles, as one group per role (as if printed one a line)."""
    text = span.text
    cuts = [m.span() for m in _SECOND_ROLE.finditer(text)]
    if not cuts:
        return [span]
    starts = [0] + [end for _, end in cuts]
    ends = [start for start, _ in cuts] + [len(text)]
    groups: list[Span] = []
    opened = -1  # where the group being read opened
    for a, b in zip(starts, ends, strict=True):
        opened = a if opened < 0 else opened
        # (a role alone credits the names of the group after it: 文/图 记者 朱敏 is one group)
        if b < len(text) and _ROLE_ALONE.fullmatch(text, a, b) is not None:
            continue
        groups.append(span.slice(opened, b))
        opened = -1
    return groups


def _photo_credits_only(bylines: list[Span]) -> bool:
    """Every byline group credits a photo (记者 张三 / 摄影记者 李四 signs a story). 摄 at the end
    of a line credits every name on it (记者 陆平 通讯员 朱敏 摄), and so does 摄影 opening it."""
    if not bylines:
        return False
    for span in bylines:  # (a loop: asked for every article and headline with a byline)
        # (so does 摄影 opening a line: ■摄影 陆 斌 通讯员 吴佳琪)
        bare = span.text.lstrip(MARKERS + " ")
        if (
            _CREDIT_VERB_END.search(span.text) is None
            and not bare.startswith("摄影")
            # (a cartoonist's name squeezed with his verb: ■王 铎 作 read 王铎作)
            and _SQUEEZED_ARTIST.fullmatch(bare) is None
        ):
            for group in _role_groups(span):
                if _PHOTO_GROUP.search(group.text) is None:
                    return False
    return True


_ASCII_LETTERS: Final = frozenset(string.ascii_letters)
_HANGING: Final = frozenset("，。、；：？！”’）》」』,.;:?!)")
_new_tuple = tuple.__new__
_PING, _LUN, _YUAN = map(ord, "评论员")
_FULL_STOP, _CLOSING_QUOTE = map(ord, "。”")


def _char_table() -> tuple[np.ndarray, np.ndarray]:
    """Per code point of the BMP, and one last entry (``_BEYOND_BMP``) for any code point
    beyond it: property bits, and 3 minus its UTF-8 length (for the display width)."""
    props = np.zeros(0x10001, dtype=np.uint8)
    for c in range(0x3001):
        if chr(c).isspace():
            props[c] |= _SPACE
    props[[ord(c) for c in INVISIBLE]] |= _SPACE  # (normalising drops them)
    for chars, bit in (
        (_BYLINE_FIRST, _BYLINE_START),
        (_HANGING, _HANG),
        ("。！？!?…", _MARK),
        (_CLOSERS + ".", _CLOSER),
    ):
        props[[ord(c) for c in chars]] |= bit
    codes = np.arange(0x10001)
    # (int32: summed over a line as it is)
    extra = np.where(codes < 0x80, 2, np.where(codes < 0x800, 1, 0)).astype(np.int32)
    extra[_BEYOND_BMP] = -1  # 4 bytes of UTF-8
    extra[[ord(c) for c in INVISIBLE]] = 4  # no width
    return props, extra


_BEYOND_BMP: Final = 0x10000
_SPACE, _BYLINE_START, _HANG, _MARK, _CLOSER = 1, 2, 4, 8, 16
_CHAR_PROPS, _CHAR_EXTRA = _char_table()
# fold_width per code point of the BMP (it folds one character to one character); the entry
# beyond the BMP folds nothing
_FOLDED: Final = np.append(
    np.frombuffer(fold_width(_bmp_text()).encode("utf-32-le", "surrogatepass"), dtype=np.uint32),
    np.uint32(_BEYOND_BMP),
)


def _read_lines(text: str, spaced: list[int] | None = None) -> list[Line]:
    # Measure every line at once over the page's code points: width, whitespace, first and
    # last character. Lines with no whitespace and no possible byline start (most of them)
    # are then built with no further analysis.
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if not codes.size:
        return [_new_tuple(Line, (1, "", "blank", (), "", 0.0, 0.0, False, False, False))]
    # index into the per-character tables (intp: numpy indexes fastest with it)
    index = codes.astype(np.intp)
    if codes.max() > 0xFFFF:
        index = np.minimum(index, _BEYOND_BMP)
    # Fold widths once for the whole page, through a table (fold_width calls back into Python
    # for every full-width digit); normalize_line folds again, which changes nothing.
    fcodes = _FOLDED[index]
    folds = fcodes != index
    if folds.any():
        fcodes = np.where(folds, fcodes, codes)
        folded_text = fcodes.tobytes().decode("utf-32-le")
    else:
        fcodes, folded_text = codes, text
    folded_lines = folded_text.split("\n")
    props = _CHAR_PROPS[index]
    newlines = np.flatnonzero(codes == 10)
    starts = np.concatenate(([0], newlines + 1))
    ends = np.concatenate((newlines, [len(codes)]))
    length = ends - starts
    # sums over each line by reduceat: each line with its LF, and a stand-in LF after the last
    # (so no segment is empty); the LF's share is taken off again
    extra = np.add.reduceat(np.append(_CHAR_EXTRA[index], 2), starts) - 2
    spaces = np.add.reduceat(np.append(props & _SPACE, 1), starts, dtype=np.int32) - 1
    nonempty = length > 0
    first = np.where(nonempty, props[np.minimum(starts, len(codes) - 1)], 0)
    last_at = np.maximum(ends - 1, 0)
    last = np.where(nonempty, props[last_at], 0)
    width = np.where(extra > 0, length - 0.25 * extra, length).astype(float)
    hang = np.where(codes[last_at] > 127, 1.0, 0.5)
    # (a quotation's closing pair that ends a sentence may hang whole, two cells past the
    # margin: 。” or ”。)
    before_last = np.maximum(last_at - 1, 0)
    pair = (length >= 2) & (
        ((codes[before_last] == _FULL_STOP) & (codes[last_at] == _CLOSING_QUOTE))
        | ((codes[before_last] == _CLOSING_QUOTE) & (codes[last_at] == _FULL_STOP))
    )
    content_width = width - np.where(last & _HANG, hang, 0.0) - np.where(pair, 1.0, 0.0)
    # 0 blank, 1 simple, 2 whitespace inside or a possible byline
    kind = np.where(spaces == length, 0, np.where((spaces > 0) | (first & _BYLINE_START), 2, 1))
    # (and a paper's commentator, who signs with the paper's name: 平湖日报评论员)
    kind[
        (length >= 5)
        & (codes[last_at] == _YUAN)
        & (codes[np.maximum(last_at - 1, 0)] == _LUN)
        & (codes[np.maximum(last_at - 2, 0)] == _PING)
    ] = 2
    # (a line that only starts like a byline, with no whitespace to normalise, is read as a
    # simple line unless it may be one: most such lines are text, 本报…, 记者了解到…)
    for i in np.flatnonzero((kind == 2) & (spaces == 0)).tolist():
        if not _may_be_byline(folded_lines[i]):
            kind[i] = 1
    # 1 ends a sentence, 0 not, 2 ends in a closing mark or a dot: decide on the text
    final = np.where(last & _CLOSER, 2, np.where(last & _MARK, 1, 0))

    # Build the Line tuples column by column, all as simple text lines: comprehensions and
    # C-level maps, since a Python loop body per line costs more than all of the above. Blank
    # lines and lines to normalise are then replaced one by one.
    n_lines = len(folded_lines)
    numbers = range(1, n_lines + 1)
    simple = kind == 1
    doubled = [False] * n_lines
    # a line printed twice repeats its first character half-way or right after it; the
    # folded text is compared, as _double_cut sees it
    at = np.minimum(starts, len(codes) - 1)
    maybe_doubled = (fcodes[at] == fcodes[np.minimum(at + length // 2, len(codes) - 1)]) | (
        fcodes[at] == fcodes[np.minimum(at + 1, len(codes) - 1)]
    )
    for i in np.flatnonzero(simple & (length >= 4) & (length % 2 == 0) & maybe_doubled).tolist():
        doubled[i] = (
            _double_cut(folded_lines[i]) is not None
            and not (
                # (a line of verse repeats itself so, under a line running on: 春雨落在东湖上， |
                # 一圈，一圈，; a headline's line may end in a comma, never under one)
                folded_lines[i][-1] in "，、；"
                and i > 0
                and folded_lines[i - 1].rstrip()[-1:] in ("，", "、", "；")
            )
            and not _reduplicated(folded_lines[i])
        )
    finals = (final == 1).tolist()
    for i in np.flatnonzero(simple & (final == 2)).tolist():
        finals[i] = _ends_sentence(folded_lines[i])
    # (map with two iterables calls tuple.__new__(Line, fields) itself: no partial between)
    lines = list(
        map(
            _new_tuple,
            itertools.repeat(Line),
            zip(  # not strict: repeat() is endless; the lists have one item a line
                numbers,
                folded_lines,
                itertools.repeat("text"),
                zip(
                    map(
                        _new_tuple,
                        itertools.repeat(Piece),
                        zip(folded_lines, numbers, itertools.repeat(1)),
                    )
                ),  # (Piece,)
                folded_lines,
                width.tolist(),
                content_width.tolist(),
                itertools.repeat(False),
                doubled,
                finals,
                strict=False,
            ),
        )
    )
    for i in np.flatnonzero(kind == 0).tolist():
        lines[i] = _new_tuple(
            Line, (i + 1, folded_lines[i], "blank", (), "", 0.0, 0.0, False, False, False)
        )
    line_starts, line_ends = starts.tolist(), ends.tolist()
    if spaced is not None:  # (the lines holding two spaces or more, for _keep_table_cells)
        spaced += np.flatnonzero(spaces >= 2).tolist()
    for i in np.flatnonzero(kind == 2).tolist():
        raw, measured = folded_lines[i], lines[i]
        # (an invisible character may come first: an indent or ■记者 is still seen after it)
        lead = raw.lstrip(INVISIBLE) if raw[0] in INVISIBLE else raw
        if lead[:1].isspace() or raw[-1].isspace() or raw[-1] in INVISIBLE:
            # (the printed line is cut from the page only for these lines)
            printed = raw if folded_text is text else text[line_starts[i] : line_ends[i]]
            widths = _printed_widths(printed.strip(BLANKS))
        else:  # the line is printed whole: as measured above
            widths = measured.width, measured.content_width
        indented = lead[:1] in (" ", "\t")
        if _may_be_byline(lead):
            lines[i] = _read_line(i + 1, raw, widths, indented)
        else:
            lines[i] = _read_text_line(i + 1, raw, widths, indented)
    # (a headline's last line may hold one character, printed twice under the lines printed
    # twice above it: …7548亿去年…7548亿 | 元全年增收1114亿元全年增收1114亿 | 元元)
    for i in np.flatnonzero(simple & (length == 2)).tolist():
        if i and lines[i - 1].doubled and folded_lines[i][0] == folded_lines[i][1]:
            lines[i] = lines[i]._replace(doubled=True)
    return lines


_NO_INVISIBLE: Final = str.maketrans("", "", INVISIBLE)
_INVISIBLE_CHAR: Final = re.compile(f"[{INVISIBLE}]")


def _read_text_line(number: int, raw: str, widths: tuple[float, float], indented: bool) -> Line:
    """A text line with whitespace to normalise, or one that starts like a byline.
    ``widths``: its width and content width as printed."""
    pieces = tuple(normalize_folded(raw, number))
    # (not empty: the line holds a printed character, and only whitespace is dropped)
    line_text = pieces[0][0] if len(pieces) == 1 else "".join([p[0] for p in pieces])
    return _measured_line(number, raw, "text", pieces, line_text, widths, indented)


def _may_be_byline(raw: str) -> bool:
    """A cheap test before normalising a line as names: :func:`_is_credit` can hold only if
    the line starts with a role even with all its whitespace left out (normalising only
    drops whitespace), or is names and 摄 (张三 摄)."""
    if not _BYLINE_HINT.match(raw):
        # (names may be spaced out: 王 强 摄 reads as a credit only once normalised; so may
        # a signature after a marker: ■沈 洁)
        # (a paper's commentator, named by the paper: 平湖日报评论员)
        return (
            raw.rstrip().endswith(_CREDIT_ENDS)
            or raw.lstrip()[:1] in MARKERS
            or raw.rstrip().endswith("评论员")
        )
    squeezed = "".join(raw.split())
    if _INVISIBLE_CHAR.search(squeezed):
        squeezed = squeezed.translate(_NO_INVISIBLE)
    return len(squeezed) <= 40 and _ROLE.match(squeezed) is not None


def _read_line(number: int, raw: str, widths: tuple[float, float], indented: bool) -> Line:
    """A line that may be a byline (see :func:`_may_be_byline`)."""
    pieces = tuple(normalize_folded(raw, number, names=True, surnames=SURNAMES))
    line_text = pieces[0][0] if len(pieces) == 1 else "".join([p[0] for p in pieces])
    if (
        not _is_credit(line_text)
        and _SPACED_SIGNATURE.fullmatch(raw) is None
        and _AFFILIATED_SIGNATURE.fullmatch(raw) is None
    ):
        return _read_text_line(number, raw, widths, indented)
    return _measured_line(number, raw, "byline", pieces, line_text, widths, False)


# a marker and a name spelt out in single characters, as a pen name signs a commentary (□ 海 言):
# no title is letter-spaced so
_SPACED_SIGNATURE: Final = re.compile(rf"\s*[{MARKERS}]\s*[{CJK}](?:[ \t\u3000]+[{CJK}]){{1,2}}\s*")


# a marker, the author's institution and the author's name, as a theory article is signed
# (■中共平湖市委党校 顾晓燕)
_AFFILIATED_SIGNATURE: Final = re.compile(
    rf"\s*[{MARKERS}]\s*[{CJK}]{{2,16}}(?:党校|大学|学院|学校|中学|小学|研究院|研究所|研究会|"
    rf"研究中心|协会|学会|委员会|律师事务所|医院|保健院|卫生院|卫生服务中心|疾病预防控制中心)"
    # (a doctor signs with the department too: □ 市妇幼保健院儿科 徐 琳; a lawyer or a
    # doctor with the title: □ 浙江东湖律师事务所 律师 陈 敏)
    rf"(?:[{CJK}]{{1,5}}科)?(?:\s*(?:律师|医生|医师|主任医师|副主任医师|教授|副教授|讲师|老师))?"
    # (a pupil signs with the class too: □ 平湖市实验小学五（2）班 张梓萱)
    r"(?:\s?[一二三四五六七八九高初]?[一二三四五六七八九\d]?[（(]\d{1,2}[)）]班)?"
    rf"\s+[{CJK}](?:[ \t\u3000]?[{CJK}]){{1,2}}\s*"
)


def _printed_widths(printed: str) -> tuple[float, float]:
    """Width and content width of a printed (stripped, not folded) line: ASCII is half as wide
    as CJK (1 UTF-8 byte against 3); a closing mark may hang in the margin."""
    n = len(printed)
    extra = 3 * n - len(printed.encode("utf-8"))
    width = n - 0.25 * extra if extra > 0 else float(n)
    last = printed[-1]
    if last not in _HANGING:
        return width, width
    hang = 1.0 if ord(last) > 127 else 0.5
    if printed[-2:] in ("。”", "”。"):
        hang = 2.0  # (a quotation's closing pair that ends a sentence)
    return width, width - hang


def _measured_line(
    number: int,
    raw: str,
    kind: str,
    pieces: tuple[Piece, ...],
    line_text: str,
    widths: tuple[float, float],
    indented: bool,
) -> Line:
    return _new_tuple(
        Line,
        (
            number, raw, kind, pieces, line_text, *widths, indented,
            _double_cut(line_text) is not None, _ends_sentence(line_text),
        ),
    )  # fmt: skip


def _indent_lost_under(
    lines: list[Line], n: int, column: float, indenting: Callable[[], bool]
) -> bool:
    """Line ``n`` ends a sentence on a line not clearly short and the line under it, in the same
    chunk, is two cells short and runs on: on a page that indents its paragraphs, that line
    lost its indent and opens a paragraph (…第一个举手发言。 | 当天，来自全镇各村（居） | 的…),
    since no line inside a paragraph stops short. Lines holding digits or Latin letters measure
    short of the column on their own, and tell nothing; so does a line over one opening with
    what may not be cut."""
    if n + 2 >= len(lines):
        return False
    below, after = lines[n + 1], lines[n + 2]
    return (
        below.width <= column - 1.75
        and not below.final
        and not is_paragraph_end(below, column)
        and _DIGIT_OR_LATIN.search(below.text) is None
        # (a line breaks early before what may not be cut or open no line: a number, a word
        # in Latin letters, an opening mark, 他说，参事们爱国爱民， | “先天下之忧而忧…)
        and after.text[:1] not in _OPENING_MARKS
        and _DIGIT_OR_LATIN.match(after.text) is None
        and after.content_width > column - 1.75
        and indenting()
    )


def is_paragraph_end(line: Line, column_width: float) -> bool:
    """A paragraph ends at a line ending in 。！？… (or a closing quote on a short line, or a
    colon on a clearly short one: 现将有关事项通告如下： over a list)."""
    return (
        line.final
        or (line.text.endswith(_CLOSING_QUOTES) and line.width < column_width - 1)
        or (line.text.endswith(_COLONS) and line.width < 0.6 * column_width)
        # (a colon or a semicolon on a line short by more than kinsoku leaves: 通知要求： over
        # its first item, 一律不准进口旧机电产品； over the next)
        or (line.text.endswith(_ITEM_ENDS) and line.width < column_width - 2.5)
    )


_COLONS: Final = ("：", ":")
# who speaks, a colon after: 市民反映：, 阳明街道回复：
_SPEAKER_COLON: Final = re.compile(rf"[{CJK}]{{2,10}}[：:]")
# two or three phrases of words a space apart, no mark or figure: a title's
_WORD_PHRASES: Final = re.compile(rf"[{CJK}“”]{{3,}}(?: [{CJK}“”]{{3,}}){{1,2}}")


def _headline_closes_chunk(lines: list[Line], k: int, width: float) -> bool:
    """``lines[k]`` and perhaps the line under it close their chunk, a headline right under
    its story's last line (…由志愿者定期检修。 | 象山社区开了间“共享工具屋” | |; …排到了6月底。
    | 甬企“云签约” | 拿下千万美元订单 | |): short lines with no marks, a new story or the
    page's end after the blank line (no column break inside a sentence: …工作人员相 | | 关负责
    人表示)."""
    end = k
    while end < len(lines) and lines[end].kind == "text" and end - k < 3:
        end += 1
    if end - k > 2 or (end < len(lines) and lines[end].kind != "blank"):
        return False
    head = lines[k:end]
    return (
        sum(len(line.text) for line in head) >= 6
        and all(
            line.width <= width - 2
            and not line.indented
            and line.text[:1] not in _ITEM_NUMBER_FIRST
            and line.text[:1] not in MARKERS
            and _ANY_PUNCT.search(line.text) is None
            for line in head
        )
        and _story_opens_after(lines, end)
    )


def _story_opens_after(lines: list[Line], k: int) -> bool:
    """The first line at or after ``k`` not blank opens a story, set in, a dateline or a
    column's label, or there is none: the page ends."""
    while k < len(lines) and lines[k].kind == "blank":
        k += 1
    return (
        k == len(lines)
        or lines[k].indented
        or _starts_dateline(lines[k].text)
        # (or a column's label over its title and text: 短评 | 让好生态持续“生金”)
        or (len(lines[k].text) <= 6 and _BOX_LABEL.fullmatch(lines[k].text) is not None)
        # (or a headline right over its text set in: 商务部：全力帮助外贸企业 | 复工复产稳订单 |
        # 　　新华社北京3月4日电…)
        or _headline_over_text(lines, k)
    )


def _headline_over_text(lines: list[Line], k: int) -> bool:
    """``lines[k]`` opens a headline of three lines or fewer, none ending a sentence, right
    over a line set in or a dateline."""
    end = k
    while end < len(lines) and end - k <= 3:
        line = lines[end]
        if line.kind != "text":
            return False
        if end > k and (line.indented or _starts_dateline(line.text)):
            return True
        if line.final or line.text.endswith(_RUNS_ON) or len(line.text) > 20:
            return False
        end += 1
    return False


def _chunks(lines: list[Line]) -> list[Chunk]:
    chunks: list[Chunk] = []
    start, blank_before = 0, True  # the current chunk is lines[start:k]
    width = 0.0  # its widest line
    # the fields of the line before, kept in locals: this loop visits every line of the page
    prev_kind = prev_text = ""
    prev_width = 0.0
    prev_doubled = prev_final = False
    for k, (_, _, kind, _, text, line_width, _, indented, doubled, final) in enumerate(lines):
        if kind == "blank":
            if start < k:
                chunks.append(Chunk(lines[start:k], prev_kind, blank_before, True))
            start, blank_before = k + 1, True
            continue
        if start < k:
            if kind != prev_kind:
                split = True
            elif kind == "text":
                # (the tests are split on the line before ending a sentence, so that most
                # lines take a few comparisons)
                # (the first character is tested here: most lines start no dateline, and this
                # loop visits every line)
                dateline = text[:1] in _DATELINE_FIRST and _starts_dateline(text)
                if prev_final:
                    split = (
                        # a dateline opens a new article after a finished paragraph
                        dateline
                        or indented  # an indented new paragraph
                        # (a brief's title after a marker, right under its last line:
                        # …督促整改问题23个。 | ◆校园食品安全专项检查开展 | |)
                        or (
                            text[:1] in MARKERS
                            and (k + 1 == len(lines) or lines[k + 1].kind == "blank")
                            and _ANY_PUNCT.search(text) is None
                        )
                        # the bodies signing a notice under its close (特此通告。 | 平湖市…局)
                        or prev_text.endswith(_NOTICE_CLOSE)
                        # (a headline right under its story's last line, closing the chunk:
                        # …由志愿者定期检修。 | 象山社区开了间“共享工具屋” | |; short first)
                        or (
                            line_width <= width - 2
                            and k - start >= 2
                            and _headline_closes_chunk(lines, k, width)
                        )
                        # (who the author is, under the text's last sentence, perhaps wrapped:
                        # …整洁美丽。 | （作者系衢州学院马克思主义学 | 院副教授）)
                        or text.startswith(("（作者", "(作者"))
                        # a subhead set flush between paragraphs that open indented, no blank
                        # line around it (…交道。 | 田埂上学来的歌 | 　　顾秀英出生在…)
                        or (
                            not indented
                            and not final
                            and k + 1 < len(lines)
                            and lines[k + 1].indented
                            # (not who said the quotation above: …记在了心里。” | ——宁波职业技术
                            # 学院教师 张 敏)
                            and not text.startswith("——")
                            # (short of the column, or a quotation whole on its line: “不能让
                            # 田歌断在我们这一代”, or words in quotation marks a cell short:
                            # 从“门外汉”到“田秀才”)
                            and (
                                line_width < width - 2
                                or _whole_quotation(text)
                                or ("“" in text and line_width <= width - 1)
                                # (or two phrases a space apart: 龙头引领 链主企业“强筋壮骨”)
                                or _WORD_PHRASES.fullmatch(text) is not None
                                # (or a digest item's title over its dateline, whatever its
                                # width: …同期最高纪录。 | 欧盟拟推关键原材料法案 | 　　据新华社…)
                                or _starts_dateline(lines[k + 1].text)
                            )
                            # (a subhead in brackets may hold a colon: 【乌石村：黑墙里的烟火气】,
                            # a numbered one a comma: 一、做实网格，让治理力量沉下去)
                            and (
                                _ANY_PUNCT.search(text) is None
                                or _BRACKETED_LABEL.fullmatch(text) is not None
                                or _numbered_subhead(text)
                            )
                        )
                        # a new block with no blank line: the column width changes (a caption
                        # set narrower than the article above it)
                        # (not a list's next item set in, its figures widening it: …严格保密。 |
                        # 　　四、联系方式：…0573-84018110、)
                        or (
                            k - start >= 2
                            and line_width > width + 2.5
                            and not (
                                indented
                                and text[:1] in _ITEM_NUMBER_FIRST
                                and _item_number(text) is not None
                            )
                            # (nor the credit signing it in brackets: …市场监管部门投诉。 |
                            # （浙江慈溪天元律师事务所 律师 胡晓峰）; nor the source of a
                            # table's figures under it: 鸡蛋 4.80 | 数据来源：…批发市场)
                            and not (text[:1] in "（(" and _ends_in_credit(text))
                            and not _unbracketed_source(text)
                        )
                        # (the imprint right under the last story's last line: 衢州日报社出版
                        # 地址：衢州市柯城区 | 荷花中路 邮编：…)
                        or (
                            _IMPRINT_CUE.search(text) is not None
                            and _furniture_line(text) == "parts"
                        )
                        # (the desk's hotline and e-mail right under a box's last line: …本版将择
                        # 优刊登。 | 社区版热线：0573-85012345 | 电子邮箱：…)
                        or (
                            _DESK_CONTACT.match(text) is not None
                            and _furniture_line(text) == "parts"
                        )
                    )
                else:
                    split = (
                        # 新华社… may also just be a line of running text that starts with the
                        # agency's name
                        (dateline and _dateline_completes(lines, k))
                        # (an indented line under one announcing it: 现将有关事项通告如下： |
                        # 　　一、免疫时间：…; or under a row of a table, its cells apart:
                        # 鸡蛋 9.60 9.20 4.3% | 　　市发改委…)
                        or (indented and prev_text.endswith(_COLONS))
                        # (a box's label right under a headline, over the box's text: 男子弹弓打碎
                        # 玻璃获刑 | 法官说法 | 　　邻里之间…)
                        or (
                            len(text) <= 6
                            and k + 1 < len(lines)
                            and lines[k + 1].kind == "text"
                            and _BOX_LABEL.fullmatch(text) is not None
                        )
                        # (and a box's fields under its label: 人物名片 | 姓名：陈海根 | 年龄：…)
                        or (
                            k - start == 1
                            and len(prev_text) <= 12
                            and "：" in text
                            and _FIELD_LINE.fullmatch(text) is not None
                            and (
                                (
                                    len(prev_text) <= 6
                                    and _BOX_LABEL.fullmatch(prev_text) is not None
                                )
                                # (or a box of figures': 数读一季度外贸 | 进出口总额：286.5 亿元)
                                or _FIGURE_BOX_LABEL.fullmatch(prev_text) is not None
                            )
                        )
                        or (indented and prev_width < width - 2.5 and prev_text.count(" ") >= 2)
                        # (a notice's title right over whom it addresses: 关于恢复门诊服务时间的
                        # 通告 | 广大居民朋友：)
                        or (
                            k - start == 1
                            and text.endswith(_COLONS)
                            and len(text) <= 16
                            and _DOCUMENT_TITLE.match(prev_text) is not None
                        )
                        # (a title of phrases a space apart opening the chunk, over text that
                        # opens with who speaks and runs on: 小区门口路灯不亮 已安排维修 |
                        # 市民反映：阳明街道…; running text sets no space between its words)
                        or (
                            k - start == 1
                            and " " in prev_text
                            and _SPEAKER_COLON.match(text) is not None
                            and k + 1 < len(lines)
                            and lines[k + 1].kind == "text"
                            and _WORD_PHRASES.fullmatch(prev_text) is not None
                            and not _starts_dateline(prev_text)  # (本报讯 记者从…)
                        )
                        # a line set in (a caption's opening space) under a few lines with no
                        # punctuation: a headline right over the text (用心用情做好“三服务” |
                        # 助企纾困再加力 |  6月7日，在新埭镇…); running text opens no paragraph
                        # after a line that ends no sentence
                        # (a dateline on a line of its own opens the text under it:
                        # 新华社杭州5月6日电（记者 许晴） |  记者从省交通运输厅获悉…)
                        or (
                            indented
                            and k - start <= 3
                            and not any(
                                _ANY_PUNCT.search(x.text)
                                and not _BRACKETED_LABEL.fullmatch(x.text)
                                and not (k - start == 1 and _numbered_subhead(x.text))
                                for x in lines[start:k]
                            )
                            and not _starts_dateline(lines[start].text)
                        )
                        # a short line that ends no sentence over a far wider one: a headline
                        # line printed right above a body (多干实事 | 市政协副主席李建华，在日前的
                        # 一次会); not a dateline wrapped at its date, nor a line cut short by a
                        # number
                        or (
                            line_width - prev_width >= 4
                            and prev_width <= 0.6 * line_width
                            and not _starts_dateline(prev_text)
                            and not text[:1].isascii()
                            and not _JUMP_ONLY.fullmatch(text)  # (a jump under the text)
                            # (nor a box's next row under its marker: ◆…专精特新中 | 小企业 |
                            # ◆浙江省企业技术中心)
                            and not (
                                text[:1] in _ITEM_MARKERS
                                and text[:1] == lines[start].text[:1]
                                # (rows of names, no sentences: a list's items split so, as a
                                # guide's entries over their pages, （3版）)
                                and _ANY_PUNCT.search(text) is None
                                and _ANY_PUNCT.search(lines[start].text) is None
                                and not prev_text.endswith("版）")
                            )
                            # (nor the source of the figures over it: 鸡蛋 4.80 | 数据来源：…)
                            and not _unbracketed_source(text)
                            # (nor a list's next item under the last line of the one above:
                            # 线路一：…榉 | 溪孔氏家庙（一日游） | 线路二：…)
                            and not (
                                text[:1] == lines[start].text[:1]  # (cheap first: 线路…)
                                and _CJK_CHAR.match(text[:1]) is not None
                                and _next_item(lines[start].text, text)
                            )
                            # (nor a paragraph's last characters wrapped, under its lines, over
                            # the next paragraph's indent: 冠军：海盐经济开发区代表 | 队 | 　　亚军：…)
                            and not (indented and k - start >= 2 and prev_width <= 3)
                            # (nor between two lines of a fact box: 姓名：张建华 | 职务：…)
                            and not (
                                "：" in prev_text
                                and _FIELD_LINE.fullmatch(prev_text) is not None
                                and (
                                    _FIELD_LINE.fullmatch(text) is not None
                                    # (or a longer label: 对“一带一路”沿线国家出口：98.6 亿元)
                                    or (
                                        _ROW_LABEL.match(text) is not None
                                        and _SENTENCE_MARK.search(text) is None
                                    )
                                )
                            )
                            # (nor under a field's value wrapped onto a line of its own: 人口：
                            # 户籍人口 2136 人，常住人口 | 1870 人 | 特色产业：…)
                            and not (
                                k - start >= 2
                                and "：" in text
                                and "：" not in prev_text
                                and _FIELD_LINE.fullmatch(text) is not None
                                and _FIELD_LINE.fullmatch(lines[k - 2].text) is not None
                            )
                            # (nor under a label's value wrapped onto a line of its own:
                            # 茶产业全产业链产值： | 150亿元 | 修缮老屋：800余幢)
                            and not (
                                k - start >= 2
                                and lines[k - 2].text.endswith(_COLONS)
                                and _ROW_LABEL.match(text) is not None
                            )
                        )
                    )
                split = split or doubled != prev_doubled
            else:
                split = False  # bylines under bylines
            if split:
                chunks.append(Chunk(lines[start:k], prev_kind, blank_before, False))
                start, blank_before = k, False
        width = line_width if start == k or line_width > width else width
        prev_kind, prev_text, prev_width = kind, text, line_width
        prev_doubled, prev_final = doubled, final
    if start < len(lines):
        chunks.append(Chunk(lines[start:], prev_kind, blank_before, True))
    return chunks


# who said the quotation above, a sentence of its own running on after it: …提高了35%。” |
# 企业负责人告诉记者。 (他表示，… opens a paragraph of its own)
_ATTRIBUTION: Final = re.compile(
    r"[^，。！？“”：；]{2,16}?(?:说|表示|介绍|告诉记者|坦言|感叹|感慨|说道|补充道|笑着说)。"
)


def _attribution_after_quote(paragraph: str, lines: list[Line]) -> bool:
    """A paragraph that closed a quotation, and lines opening with who said it: one
    sentence across the break, whatever the widths say."""
    return paragraph.endswith(("。”", "！”", "？”", "…”")) and (
        _ATTRIBUTION.match("".join([line.text for line in lines[:3]])) is not None
    )


def _list_under_opening(lines: list[Line], text: str, column: float) -> bool:
    """A chunk opening a paragraph with its indent, the rest a list it announces: the opening
    line, its indent put back, fills ``column`` and every line before the announcing one does."""
    # (or rows of a label and its value: …服务信息如下： | 首末班车时间：6:30—22:00 | 票价：…)
    items = _list_item_ends(lines, text, column, False) or (
        _row_label_ends(lines) if text.count("：") >= 3 else _NO_ITEMS
    )
    if not items:
        return False
    announcing = next(
        (k for k, line in enumerate(lines) if line.text.endswith(_COLONS)), len(lines)
    )
    widths = [lines[0].width + 2] + [line.width for line in lines[1:announcing]]
    return all(abs(width - column) < 2.5 for width in widths)


# a row's label opening a line: 户籍人口：, 2022年村集体经济经营性收入：, 开放时间：; not who
# speaks (她说：“…, 我就又问：)
# (not a time's colon: 4月22日8:00)
_ROW_LABEL: Final = re.compile(rf"[0-9{CJK}（）()“”]{{2,16}}(?<![说问道答讲0-9])[：:](?![“‘])")


def _row_label_ends(lines: list[Line]) -> frozenset[int]:
    """Where the rows of a box end when three lines or more under its first open with a label
    and a colon (…村域面积6.2平方公里。 | 下辖自然村：14个 | 户籍人口：3126人 | 主要荣誉：…): each
    row, wrapped or not, is a paragraph; empty when there are fewer."""
    labelled = [k for k, line in enumerate(lines) if _ROW_LABEL.match(line.text)]
    if len(labelled) < 3 and not (
        # (two will do when they give an event's facts, a column break cutting the box:
        # 活动时间：4月20日…上午9 | 时至11时30分 | 活动地点：…)
        len(labelled) == 2
        and all(
            _INFO_LABEL.match(lines[k].text) and _SHORT_ROW_LABEL.match(lines[k].text)
            for k in labelled
        )
    ):
        return _NO_ITEMS
    if len(labelled) == len(lines):
        # (every line a label's: a row each, whatever the widths, 规上工业增加值：286.4亿元，增长
        # 11.2% | 工业投资：98.6亿元，增长16.8% | …)
        return frozenset(range(len(lines) - 1))
    # (a row opens under a sentence's end or a line short of the column, not under a line
    # running on to it: …女子200米 | 蝶泳：澳大利亚选手…； is a list inside a sentence)
    widest = max(line.content_width for line in lines)
    # (or right under a row whole on its line, itself labelled: 地点：…滨江草坪 | 票价：…)
    short_label = {k for k in labelled if _SHORT_ROW_LABEL.match(lines[k].text)}
    leads = [
        k
        for k in labelled
        if k > 0
        and (
            lines[k - 1].final
            or lines[k - 1].content_width <= widest - 2
            or (k in short_label and k - 1 in short_label)
            # (a source's note under the rows: （数据来源：松阳县统计局）)
            or lines[k].text.startswith(("（数据来源", "（来源", "(数据来源", "(来源"))
        )
    ]
    # (rows are dense: a text's lines open with a clause and a colon (…报道：, 他说：) now and
    # then, not one line in three from the first such line on)
    # (a labelled line opening the chunk opens a row too)
    # (the rows' lines only: a paragraph set in under them is none of them)
    rows_end = next(
        (
            k
            for k in range((leads or labelled)[-1] + 1, len(lines))
            if lines[k].indented and k not in labelled
        ),
        len(lines),
    )
    if lines[-1].text[-1:] == "日":  # (a notice's signer and date under the rows: none of them)
        close = _notice_close_ends(lines)
        if close:
            rows_end = min(rows_end, min(close) + 1)
    if len(leads) + (labelled[0] == 0) < min(3, len(labelled)) or len(labelled) < 0.35 * (
        rows_end - labelled[0]
    ):
        return _NO_ITEMS
    ends = {k - 1 for k in leads}
    # (the last row runs to its first line short of the column: …学生凭证享受八折优惠 | 主办方
    # 提醒，…)
    k = leads[-1]
    # (its first line counted with its indent: 　　参观方式：免费参观，市民可 | 通过…公众号 | 预约)
    while (
        k < len(lines) - 1
        and lines[k].content_width + (2 if lines[k].indented else 0) > widest - 2
        and not lines[k].final
        and not lines[k + 1].indented  # (a paragraph set in opens under it)
    ):
        k += 1
    # (not on a label whose value wrapped onto the next line: …经营性收入： | 386万元)
    if k < len(lines) - 1 and not lines[k].text.endswith((*_RUNS_ON, *_COLONS)):
        ends.add(k)
    return frozenset(ends)


# a row's label of two to four characters (地点：, 票价：, 咨询电话：)
_SHORT_ROW_LABEL: Final = re.compile(rf"[{CJK}]{{2,4}}[：:]")


# a timetable's row: the day and the hours, then what is affected (6月24日 7:00—16:00 城关镇…)
_TIMETABLE_ROW: Final = re.compile(r"\s*\d{1,2}月\d{1,2}日\s*(?:\d{1,2}[:：]\d{2}\S*)?\s+\S")
# a timeline's row: the day, days or year, a space, what happened (11月3日—4日　菊花采摘体验周…,
# 4月27日至5月5日 浦江新光村文创周, 2016年　松阳启动“拯救老屋行动”)
_TIMELINE_ROW: Final = re.compile(
    r"\s*(?:\d{1,2}月\d{1,2}日(?:[—\-－~～至](?:\d{1,2}月)?\d{1,2}日)?|(?:19|20)\d{2}年(?:\d{1,2}月)?)"
    r"\s+[^\s\d]"
)


def _timetable_ends(lines: list[Line], column: float) -> frozenset[int]:
    """Where the rows of a timetable end when two rows or more open with their day (停电时间 停电
    区域 | 6月24日 7:00—16:00 城关镇文昌路、锦绣花 | 园、东园小区部分用户 | 6月25日 …): each
    row, wrapped or not, a paragraph, and the line of column heads over them one too. So are
    three rows or more of a timeline (11月1日　开幕式暨… | 启动仪式… | 11月2日　…)."""
    rows = [k for k, line in enumerate(lines) if _TIMETABLE_ROW.match(line.raw)]
    # (or three rows or more of a timeline, each opening with its day or days and a space)
    timeline = [k for k, line in enumerate(lines) if _TIMELINE_ROW.match(line.raw)]
    if len(timeline) >= 3:
        rows = sorted({*rows, *timeline})
    if len(rows) < 2:
        return _NO_ITEMS
    ends = {k - 1 for k in rows if k > 0}
    first = rows[0]
    if (
        first >= 2
        and (lines[first - 2].final or lines[first - 2].text.endswith(_COLONS))
        and " " in lines[first - 1].raw.strip()
        and _ANY_PUNCT.search(lines[first - 1].text) is None
    ):
        ends.add(first - 2)  # (the text over the column heads: …提前做好准备。 | 停电时间 停电区域)
    # (the last row runs to its first line short of the column, or to a line set in under it:
    # 12月24日 8:00-12:00 镇海区骆驼街道万景山庄 |   如遇雨雪等恶劣天气，…)
    k = rows[-1]
    while (
        k < len(lines) - 1
        and lines[k].width > column - 2
        and not lines[k + 1].indented
        # (nor does a row whole on its line, its cells apart, run on into a sentence under it:
        # 6月26日 王村口镇王村口村 《白蛇传·断桥》 | 演出均于 19 时开始，…)
        and not (_spaced_cells(lines[k]) and _SENTENCE_MARK.search(lines[k + 1].text))
    ):
        k += 1
    ends.add(k)
    return frozenset(ends)


def _signed_and_dated(chunk: Chunk) -> bool:
    """The chunk ends with a signer over the date, lines of their own (…顺延。 | 国网嵊溪县供电公司 |
    2021年6月21日): a notice's close."""
    lines = chunk.lines
    return (
        len(lines) >= 2
        and _DATE_LINE.fullmatch(lines[-1].text) is not None
        and _signer_line(lines[-2].text)
    )


def _numbered_lines(lines: list[Line]) -> bool:
    """Three lines or more, all but one at most opening with an item's number."""
    if len(lines) < 3 or lines[1].text[:1] not in _ITEM_NUMBER_FIRST:  # (cheap first)
        return False
    numbered = sum(
        1 for line in lines if line.text[:1] in _ITEM_NUMBER_FIRST and _item_number(line.text)
    )
    return numbered >= len(lines) - 1


def _numbered_run_ends(lines: list[Line], column: float) -> frozenset[int]:
    """A list's items numbered from one, each whole on its line, under the label or
    the text over them (女子组 | 1.阿贝贝（埃塞俄比亚） 2:25:14 | 2.… | 3.… | 　　据了解，…):
    each item a paragraph, and the line over them ends one."""
    first = next(
        (k for k, line in enumerate(lines[:3]) if _item_number(line.text) in _FIRST_ITEMS), None
    )
    if first is None:
        return _NO_ITEMS
    # (each item whole on its line: the line under it opens the next)
    last = first
    while last + 1 < len(lines) and _next_item(lines[last].text, lines[last + 1].text):
        last += 1
    if last == first or not (
        lines[last].width <= column - 1.5 or (last + 1 < len(lines) and lines[last + 1].indented)
    ):
        return _NO_ITEMS
    return frozenset(range(max(first - 1, 0), last + 1))


def _notice_close_ends(lines: list[Line]) -> frozenset[int]:
    """A notice's close in the lines of its chunk, under a sentence's end: its contact lines, the
    body signing it and the date, each a line and a paragraph of its own (…敬请谅解。 |
    咨询电话：0576-84016120 | 台州市第一人民医院门诊部 | 2024年7月15日); empty when the chunk
    does not end so."""
    k = len(lines) - 2
    signers = 0
    while k >= 0 and signers < 2 and _signer_line(lines[k].text):
        k, signers = k - 1, signers + 1
    if not signers:
        return _NO_ITEMS
    # (the contact lines, and the closing formula under them: 咨询电话：0577-63712345 | 特此通知。)
    while k >= 0 and (
        _CONTACT_LINE.fullmatch(lines[k].text) is not None
        or (k > 0 and lines[k].text.endswith(_NOTICE_CLOSE) and len(lines[k].text) <= 8)
    ):
        k -= 1
    if k >= 1 and not lines[k].final and _spaced_cells(lines[k]):
        # (a table's rows over the contact lines, a sentence's end over them: …详细信息可电话
        # 咨询。 | 物品名称  数量  拾得时间  拾得地点 | 黑色双肩包…  1只  3月9日  东湖公园南门 | …)
        while k >= 1 and _spaced_cells(lines[k - 1]):
            k -= 1
        k -= 1
    if k < 0 or not lines[k].final:
        return _NO_ITEMS
    return frozenset(range(k, len(lines)))


def _unit_spaced_row(line: Line) -> bool:
    """Three cells or more once a number and the unit justification parts it from are one
    cell (1 月 40.2 9.7 -> 1月 | 40.2 | 9.7), a figure among them, no sentence: a table's row
    under the line announcing it."""
    raw = line.raw.split()
    if len(raw) < 4 or _SENTENCE_MARK.search(line.text):
        return False
    cells: list[str] = []
    for cell in raw:
        if cells and _PLAIN_FIGURE.fullmatch(cells[-1]) and cell[0] in _UNIT_CHARS:
            cells[-1] += cell
        else:
            cells.append(cell)
    return (
        len(cells) >= 3
        and all(len(cell) <= 12 for cell in cells)
        and any(_PLAIN_FIGURE.fullmatch(cell) for cell in cells)
    )


def _inner_table_ends(lines: list[Line]) -> frozenset[int]:
    """Where paragraphs end around a table set inside a chunk, under a sentence's end and over
    more text (…以车站当日公告为准。 | 车次  发车时间  终到站 | G7385  07:08  杭州东 | … |
    咨询电话：…): the sentence over the rows, and each row, three or more in a run."""
    ends: set[int] = set()
    k = 1
    while k < len(lines):
        if not _inner_row(lines[k]):
            k += 1
            continue
        run = k
        while k < len(lines) and _inner_row(lines[k]):
            k += 1
        if k - run >= 3 and lines[run - 1].final:
            ends.update(range(run - 1, k))
    return frozenset(ends) if ends else _NO_ITEMS


def _inner_row(line: Line) -> bool:
    """A table's row as printed, three cells or more (G7385  07:08  杭州东)."""
    return (
        line.raw.count(" ") >= 2
        and len(line.raw.split()) >= 3
        and (_table_row(line, pairs=True) or _printed_row(line))
    )


def _spaced_cells(line: Line) -> bool:
    """Three cells or more a space apart as printed, no sentence among them: a table's row,
    its cells of any length (黑色双肩包（内有笔记本电脑）  1只  3月9日  东湖公园南门)."""
    return (
        line.raw.count(" ") >= 2
        and len(line.raw.split()) >= 3
        and _SENTENCE_MARK.search(line.text) is None
    )


def _signer_line(text: str) -> bool:
    return len(text) <= 24 and _ANY_PUNCT.search(text) is None and _DATE_LINE.search(text) is None


# a row of hours under its label: 周一至周五 8:00—11:30, 周六、周日 8:00—11:30
_LABEL_HOURS: Final = re.compile(rf"[{CJK}、]{{2,10}}\s+\d{{1,2}}[:：]\d{{2}}")


def _list_item_ends(
    lines: list[Line], text: str, column: float, colon_above: bool
) -> frozenset[int]:
    """Where the items of a list in a chunk end (empty when it holds none): two lines or more,
    each clearly short of the column, under a line ending in a colon (新增采样点具体如下： |
    南湖区建设街道便民服务中心 | …), or opening the chunk under a paragraph ending so
    (``colon_above``; ``text``: the lines' text). Each line is an item, or, where items are
    numbered (1.尽量减少外出，外出时佩戴 | 口罩和眼镜。), each runs to the line before the next
    number."""
    if (
        colon_above
        and len(lines) >= 3
        and lines[0].width + (2 if lines[0].indented else 0) > column - 2
        and any(line.text.endswith(_COLONS) for line in lines[1:-2])
    ):
        # (a full line opens the chunk: a paragraph of its own, which announces the list in
        # turn, 一、招生计划。…各校招生计划如下： | 学校 班数 计划数 | …)
        colon_above = False
    if colon_above:
        start = 0
    else:
        # (cheap first: most chunks hold no colon at all)
        if len(lines) < 3 or ("：" not in text and ":" not in text):
            return _NO_ITEMS
        # (a colon whose number wrapped onto the line under it announces no list: the number
        # ends the line, …咨询电话： | 88021234。, and what follows it may be one)
        ends = [
            k + 1 if _WRAPPED_NUMBER.fullmatch(lines[k + 1].text) else k
            for k, line in enumerate(lines[:-2])
            if line.text.endswith(_COLONS)
        ]
        if not ends:
            # (or the chunk opens with the first of items numbered in sequence, each with its
            # word and a colon: 线路一：…莫氏 | 庄园…（城区人文游） | 线路二：…)
            leads = [k for k, line in enumerate(lines) if _item_number(line.text)]
            if (
                len(leads) >= 2
                and leads[0] == 0
                and _item_number(lines[0].text) == (_WORD_NUMBERED_STYLE, 1)
                and all(
                    _next_item(lines[a].text, lines[b].text) for a, b in itertools.pairwise(leads)
                )
            ):
                return frozenset([k - 1 for k in leads[1:]] + [len(lines) - 1])
            return _NO_ITEMS
        start = ends[-1] + 1
    items = lines[start:]
    # (one item may stand alone between blank lines: 男子100米：张伟 11秒08)
    lone_item = colon_above and len(items) == 1 and _COLON_ITEM.fullmatch(items[0].text) is not None
    if len(items) < 2 and not lone_item:
        return _NO_ITEMS
    # (the line announcing the list, if in the chunk, ends its paragraph too)
    announcing = [start - 1] if start else []
    leads = [k for k, line in enumerate(items) if _LIST_LEAD.match(line.text)]
    if any(line.width > column - 2 for line in items) and not (
        # items numbered in sequence, each closed by a mark, may fill the column
        # (1.申请人身份证、居住证； | 2.劳动合同或营业执照；)
        len(leads) >= 2
        and leads[0] == 0
        and all(_next_item(items[a].text, items[b].text) for a, b in itertools.pairwise(leads))
        and all(items[k - 1].text.endswith(_ITEM_CLOSES) for k in leads[1:])
    ):
        # (rows short of the column right under it, the text going on under them in full
        # lines: 具体如下： | 上午：7:30—11:30 | 下午：14:00—17:30 | 急诊、发热门诊及儿科夜间…)
        # (or a label a space before its hours: 周一至周五 8:00—11:30 13:30—17:00)
        rows = 0
        while (
            not leads
            and rows < len(items)
            and _CLAUSE_INSIDE.search(items[rows].text) is None
            and not items[rows].text.endswith(_RUNS_ON)
            and (
                (items[rows].width <= column - 3 and _ROW_LABEL.match(items[rows].text) is not None)
                or (
                    items[rows].width <= column - 2
                    and _LABEL_HOURS.match(items[rows].raw.strip()) is not None
                )
                # (or a row with a short label under another, however wide its value: 气温：
                # 24℃～29℃ | 风向风力：东到东南风 4 到 5 级)
                or (
                    rows
                    and items[rows].width <= column
                    and _SHORT_ROW_LABEL.match(items[rows].text) is not None
                    and _SHORT_ROW_LABEL.match(items[rows - 1].text) is not None
                )
            )
        ):
            rows += 1
        if rows >= 2 and rows < len(items) and items[rows].width >= column - 2.5:
            return frozenset(announcing + list(range(start, start + rows)))
        return _NO_ITEMS
    # (one numbered item, wrapped, may be all a chunk holds between column breaks: 1.每千名老年人
    # 拥有养老 | 床位数达到45张；)
    if leads and leads[0] == 0:
        return frozenset(announcing + [start + k - 1 for k in leads if k > 0] + [len(lines) - 1])
    # unnumbered: names or rows, no clause inside a line and none running on (prose after a
    # colon, a number too long for the line above: （027）— | 2856772、)
    if any(
        _CLAUSE_INSIDE.search(line.text) or line.text.endswith(_RUNS_ON) or line.text[-1] in "—-"
        for line in items
    ):
        return _NO_ITEMS
    if items[0].indented and not all(line.indented for line in items):
        # items that open indented, some wrapped onto a line set flush (冠军：海盐经济开发区代表
        # | 队): each runs to the line before the next indent
        return frozenset(
            announcing
            + [start + k for k in range(len(items)) if k + 1 == len(items) or items[k + 1].indented]
        )
    return frozenset(announcing + list(range(start, len(lines))))


# a line opening the first of items numbered with their word (线路一：)
_FIRST_WORD_NUMBERED: Final = re.compile(rf"^\s*[{CJK}]{{2,3}}一[：:]", re.MULTILINE)
_CN_DIGITS: Final = "一二三四五六七八九"
# a word and its number, then a colon, leading an item or a subhead (误区一：, 线路二：): the number
# a group of its own
_NUMBERED_WORD: Final = rf"[{CJK}]{{2,3}}?([一二三四五六七八九十]{{1,2}})[：:]"
# the number leading an item, in each style: 一、 （一） 1. 1、 （1） ①, 误区一：
_ITEM_NUMBER: Final = re.compile(
    r"^(?:([一二三四五六七八九十]{1,3})、|[（(]([一二三四五六七八九十]{1,3})[)）]"
    r"|(\d{1,2})[.、．](?!\d)|[（(](\d{1,2})[)）]|([①-⑳])"
    rf"|{_NUMBERED_WORD})"
)
_WORD_NUMBERED_STYLE: Final = 6  # (误区一：, the pattern's sixth group, as _item_number reports it)
# what an item's number may open with
_ITEM_NUMBER_FIRST: Final = frozenset("一二三四五六七八九十（(0123456789①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳")
# the first item of a list numbered 一、, （一） or 1. (as _item_number reports them)
_FIRST_ITEMS: Final = frozenset({(1, 1), (2, 1), (3, 1)})


def _item_number(text: str) -> tuple[int, int] | None:
    """The style (which alternative of the pattern) and number of the item ``text`` opens
    with (二、 -> (1, 2)), or None."""
    m = _ITEM_NUMBER.match(text)
    if m is None:
        return None
    style = m.lastindex or 0
    number = m.group(style)
    if style == 5:
        return style, ord(number) - ord("①") + 1
    if style in (3, 4):
        return style, int(number)
    # Chinese numerals up to 九十九: 三, 十, 十二, 二十, 二十一
    value, units = 0, number
    if "十" in number:
        tens, _, units = number.partition("十")
        if len(tens) > 1 or (tens and tens not in _CN_DIGITS) or "十" in units:
            return None
        value = 10 * (_CN_DIGITS.index(tens) + 1 if tens else 1)
    if units:
        if len(units) != 1 or units not in _CN_DIGITS:
            return None
        value += _CN_DIGITS.index(units) + 1
    return style, value


def _numbered_heading(text: str) -> bool:
    """``text`` opens with an item's number and holds no mark after it: a section's numbered
    heading (二、招聘条件, 一、招生学校及名额)."""
    return (
        text[:1] in _ITEM_NUMBER_FIRST  # (cheap first)
        and _ANY_PUNCT.search(text[2:]) is None
        and _item_number(text) is not None
    )


def _numbered_subhead(text: str) -> bool:
    """A section's numbered heading of two phrases a comma apart, no other mark (一、做实网格，
    让治理力量沉下去), or of one (二、招聘条件)."""
    return (
        text[:1] in _ITEM_NUMBER_FIRST  # (cheap first)
        and len(text) <= 24
        and _ANY_PUNCT.search(text[2:].replace("，", "", 1)) is None
        and not text.endswith("，")
        and _item_number(text) is not None
    )


def _next_item(above: str, text: str) -> bool:
    """``text`` opens the item numbered right after the one ``above`` opens (二、… | 三、…)."""
    a, b = _item_number(above), _item_number(text)
    return a is not None and b is not None and a[0] == b[0] and b[1] == a[1] + 1


# an item of a list that names and gives (男子100米：张伟 11秒08, 咨询电话：85012345)
_COLON_ITEM: Final = re.compile(r"[^，。；！？：:]{1,12}[：:][^，。；！？：:]{1,20}")
_CLAUSE_INSIDE: Final = re.compile(r"[，。；！？,;](?=.)")


_NO_ITEMS: Final[frozenset[int]] = frozenset()


def _is_body(chunk: Chunk) -> bool:
    return chunk.kind == "body"


_DIGIT_OR_LATIN: Final = re.compile("[0-9A-Za-z]")
_HALF_WIDTH_CHAR: Final = re.compile("[0-9A-Za-z%.]")
# what opens a line and could not have been cut from it to end the line above: opening marks,
# then a number or a Latin word whole (“2023, 12.5%)
_UNCUT_LEAD: Final = re.compile(r"[“‘『「《〈（(【〔]*[0-9A-Za-z.%]*")


def _uncut_lead_width(text: str) -> float:
    """The width of what opens ``text`` and could not have ended the line above it."""
    lead = _UNCUT_LEAD.match(text)
    return display_width(lead.group()) if lead is not None else 0.0


def _indents_paragraphs(chunks: list[Chunk], is_body: Callable[[Chunk], bool] = _is_body) -> bool:
    """Whether the page sets a paragraph's first line short (its indent lost in extraction, or
    kept as spaces), as Chinese papers do: False only when the paragraph starts that are
    certain (a chunk after one ending in a clearly short line that ends a sentence) fill their
    column, two or more and twice as many as the indented ones. ``is_body``: which chunks are
    text (before they are classified, those that read as text)."""
    full = indented = 0
    prev: Chunk | None = None
    for chunk in chunks:
        if not is_body(chunk):
            prev = None
            continue
        if prev is not None and len(chunk.lines) >= 3 and prev.lines[-1].final:
            column = _sorted_median(chunk.inner_widths)
            line = chunk.lines[0]
            if prev.lines[-1].width < column - 2.5 and not _starts_dateline(line.text):
                # (a line holding digits or Latin letters measures short of its column: no
                # evidence of an indent)
                if line.indented or (
                    line.content_width <= column - 1.5 and _DIGIT_OR_LATIN.search(line.text) is None
                ):
                    indented += 1
                elif line.content_width >= column - 0.5:
                    full += 1
        prev = chunk
    return full < 2 or full < 2 * indented


def _column_sets_flush(chunks: list[Chunk], column: float) -> bool:
    """Whether the text set in ``column`` opens its paragraphs full on a page that indents
    them elsewhere (a story set flush among indented ones): of the certain paragraph starts
    in chunks of this column (as :func:`_indents_paragraphs` reads them), one or more fill it
    and none is indented."""
    full = indented = 0
    prev: Chunk | None = None
    for chunk in chunks:
        if chunk.kind != "body":
            prev = None
            continue
        if prev is not None and len(chunk.lines) >= 3 and prev.lines[-1].final:
            own = _sorted_median(chunk.inner_widths)
            line = chunk.lines[0]
            if (
                abs(own - column) <= 0.5
                and prev.lines[-1].width < own - 2.5
                # (a sentence's end: not a label or an item's title made a paragraph of its
                # own, whose text may open flush under it, ◆“江南年味”民俗展 | 12月23日至…)
                and _ends_sentence(prev.lines[-1].text)
                and not _starts_dateline(line.text)
            ):
                if line.indented or (
                    line.content_width <= own - 1.5 and _DIGIT_OR_LATIN.search(line.text) is None
                ):
                    indented += 1
                elif line.content_width >= own - 0.5:
                    full += 1
        prev = chunk
    return full >= 1 and indented == 0


def _marks_indents(chunks: list[Chunk]) -> bool:
    """Whether the page's text keeps its paragraphs' indents (　　, spaces): three or more of
    the paragraph starts that are certain (a line of text under one clearly short that ends a
    sentence) open indented, and at most one in five opens flush."""
    marked = flush = 0
    prev: Chunk | None = None
    for chunk in chunks:
        if chunk.kind != "body":
            prev = None
            continue
        column = _sorted_median(chunk.inner_widths or [chunk.width])
        above = prev.lines[-1] if prev is not None else None
        for line in chunk.lines:
            if above is not None and above.final and above.width < column - 2.5:
                if line.indented:
                    marked += 1
                elif not _starts_dateline(line.text):
                    flush += 1
            above = line
        prev = chunk
    return marked >= 3 and 5 * flush <= marked


# a brief's title run in at the head of its first line, a space after it (the bold is lost):
# “平湖农品”亮相农博会 4月14日至 | 16日，…
_RUN_IN_TITLE: Final = re.compile(r"([^\s，。；：！？、,.;:!?（(]{4,20}) +\S")


_PART_OF_DAY: Final = "(?:上午|下午|晚上|晚间|凌晨|中午|早上|傍晚)"
# a brief's opening on a whole date and a comma (4月14日至16日， or 2023年5月3日上午，)
_DATED_BRIEF: Final = re.compile(
    rf"(?:\d{{4}}年)?\d{{1,2}}月\d{{1,2}}日(?:[至到—-]\d{{1,2}}日)?(?:{_PART_OF_DAY}|起|以来)?，"
)
# what a title never ends on: a preposition, a particle, a conjunction or an auxiliary wanting
# what comes after it
_RUNS_INTO: Final = tuple("从于到在至自和与及的将是为对向把被让给比跟同由以经")


def _split_marked_titles(chunks: list[Chunk]) -> list[Chunk]:
    """A brief's title after a marker set right over its text with no dateline: the title
    becomes a chunk of its own, read as a headline, as a title set over its brief. Either the
    title is wider than the column (■“平湖造”光伏组件乘班列出海 | 10 月 24 日，满载 52 个 | …),
    which text opening with a marker never is, or the page sets briefs so, ■ titles over
    datelines, and the title is a line with no mark, perhaps wrapped onto a shorter line
    (■富春江镇组建一支 | “护河志愿者”队伍 | 近日，富春江镇…)."""
    out: list[Chunk] = []
    briefs: bool | None = None  # (whether the page titles briefs so: asked once, if at all)
    for i, chunk in enumerate(chunks):
        lines = chunk.lines
        first = lines[0]
        if (
            chunk.kind != "text"
            or len(lines) < 3
            or not _marked_title_line(first.text)
            or not (chunk.blank_before or i == 0)
            or first.indented
            # (running text under it, not a name over rows: ■某某公司 | 普工 20名 月薪5000元 | …)
            or not any("，" in line.text or "。" in line.text for line in lines[1:])
            # (a dateline under the title opens the brief: read so already)
            or any(_starts_dateline(line.text) for line in lines[1:3])
        ):
            out.append(chunk)
            continue
        n_title = 0
        if first.width >= max(line.width for line in lines[1:]) + 0.75 and any(
            "。" in line.text for line in lines[1:]
        ):
            n_title = 1
        else:
            if briefs is None:
                briefs = _titles_briefs(chunks)
            if briefs:
                n_title = 1
                column = max(line.width for line in lines[2:])
                second = lines[1]
                if (
                    len(lines) >= 4
                    and not second.final
                    and not second.indented
                    and _ANY_PUNCT.search(second.text) is None
                    and second.width <= column - 2
                ):
                    n_title = 2
        if not n_title:
            out.append(chunk)
            continue
        title = Chunk(lines[:n_title], "text", chunk.blank_before, False)
        title.kind = "headline"  # (kept by _classify)
        out.append(title)
        out.append(Chunk(lines[n_title:], "text", False, chunk.blank_after))
    return out


def _marked_title_line(text: str) -> bool:
    """A marker and words with no mark, no credit (■瑶琳镇举办农村电商直播带货培训班)."""
    return (
        text[:1] in MARKERS  # (cheap first)
        and _ANY_PUNCT.search(text) is None
        and not _is_credit(text)
    )


def _titles_briefs(chunks: list[Chunk]) -> bool:
    """The page sets a brief's title after a marker right over its dateline (■瑶琳镇举办… |
    本报讯 6 月 14 日，…)."""
    for i, chunk in enumerate(chunks):
        lines = chunk.lines
        if chunk.kind == "text" and _marked_title_line(lines[0].text):
            if any(_starts_dateline(line.text) for line in lines[1:3]):
                return True
            below = chunks[i + 1] if i + 1 < len(chunks) else None
            if (
                len(lines) <= 2
                and below is not None
                and not below.blank_before
                and _starts_dateline(below.lines[0].text)
            ):
                return True
    return False


def _split_run_in_titles(chunks: list[Chunk]) -> list[Chunk]:
    """A brief's title run in at the head of its text, a space after it, the brief opening
    with when and a comma (曹桥街道开设“四点半课堂” 近日，曹桥街道在…): the title becomes a line
    and a chunk of its own, right over the text, as a title set over its brief."""
    out: list[Chunk] = []
    for i, chunk in enumerate(chunks):
        first = chunk.lines[0]
        if (
            chunk.kind != "text"
            or " " not in first.raw  # (cheap first: most lines hold no space)
            or not (chunk.blank_before or i == 0)
            # (not text going on from a column above, left mid-sentence)
            or (
                i > 0
                and chunks[i - 1].kind == "text"
                and len(chunks[i - 1].lines) >= 2
                and not chunks[i - 1].lines[-1].final
                # (a credit in brackets closes it: …预约参加。（通讯员 沈 悦）, perhaps wrapped:
                # …（通讯员 | 黄 敏）)
                and not _ends_in_credit("".join([line.text for line in chunks[i - 1].lines[-2:]]))
            )
        ):
            out.append(chunk)
            continue
        # (set in as a paragraph may be: 　　■全民读书月启动 本报讯 4月…)
        lead = len(first.raw) - len(first.raw.lstrip())
        m = _RUN_IN_TITLE.match(first.raw, lead)
        title = m.group(1) if m else ""
        rest = "".join([line.text for line in chunk.lines])[len(title) :].lstrip()
        # (a marked title over a dateline of its own: ■全民读书月启动 本报讯 4月10日，…)
        dated = bool(title) and title[0] in MARKERS and len(title) >= 5 and _starts_dateline(rest)
        if (
            m is None
            or not first.text.startswith(title)
            # (a justification space in running text: 今年春运从 1月17日开始, “我们从 5月…; an
            # item of a list under its marker: ◆冬季长跑进社区 12月23日…)
            or title.endswith(_RUNS_INTO)
            # (nor a date or a time cut by one: 1997年 10月29日, 地矿厅从去年 11月起)
            or title.endswith(("年", "月", "日", "时", "号"))
            or title[-1].isdigit()
            or title.count("“") != title.count("”")
            # (a brief's title after ■ runs in over a word its text opens with: ■乍浦镇开展春季
            # 护河行动 近 | 日，…; a list's item under another marker is no brief's title)
            # (but a marked title may run in over a whole date and a comma: ■市老年门球邀请赛
            # 落幕 11月16日 | 至17日，…)
            or (
                title[0] in MARKERS
                and not dated
                and (title[0] != "■" or (rest[:1].isdigit() and _DATED_BRIEF.match(rest) is None))
            )
            or _starts_dateline(title)
            or _ROLE.match(title) is not None
            or (
                not dated
                and (
                    # (after ■ any words may open the brief: ■县体育馆游泳池恢复开放 经过一 |
                    # 个多月的设备检修，…)
                    (_BRIEF_OPENING.match(rest) is None and (title[0] != "■" or len(title) < 7))
                    or "，" not in rest[:12]
                    # (after a figure the space may be justification in running text, 两伊战争
                    # 1988年 结束以来: a whole date and a comma then, under a title of some length)
                    or (rest[0].isdigit() and (len(title) < 6 or _DATED_BRIEF.match(rest) is None))
                )
            )
        ):
            out.append(chunk)
            continue
        span = Span(list(first.pieces))
        raw_rest = first.raw[m.end() - 1 :]
        opening = span.slice(len(title)).strip()
        title_line = _measured_line(
            first.number, title, "text", tuple(span.slice(0, len(title)).pieces),
            title, _printed_widths(title), False,
        )  # fmt: skip
        text_line = _measured_line(
            first.number, raw_rest, "text", tuple(opening.pieces),
            opening.text, _printed_widths(raw_rest.rstrip()), False,
        )  # fmt: skip
        out.append(Chunk([title_line], "text", chunk.blank_before, False))
        out.append(Chunk([text_line, *chunk.lines[1:]], "text", False, chunk.blank_after))
    return out


def _split_glued_titles(chunks: list[Chunk], continued: bool = True) -> list[Chunk]:
    """A title printed right on its text, no blank line between, becomes a chunk of its own:
    a photo's title on its caption (教室消毒迎开学 | 3月16日，新华小学的… | ■摄影 徐 磊: a short
    first line with no punctuation over the caption's lines, a photo credit right under them),
    and a brief's title led by a marker (■市图书馆恢复开放 | 本报讯 4月20日起，…)."""
    out: list[Chunk] = []
    for i, chunk in enumerate(chunks):
        lines = chunk.lines
        # a continued story's headline over the jump line it opens with: 打好…攻坚战 | （上接第1版）
        cont = 0
        if continued:  # (the page holds such a jump line at all: rare)
            cont = next(
                (
                    k
                    for k in range(1, min(4, len(lines)))
                    if lines[k].text[:1] in "（(" and _CONTINUED_FROM.fullmatch(lines[k].text)
                ),
                0,
            )
        if (
            chunk.kind == "text"
            and cont
            and not any(_ANY_PUNCT.search(line.text) for line in lines[:cont])
        ):
            # (the jump line a chunk of its own too: page furniture, and no measure of the
            # column the story goes on in)
            out += [
                Chunk(lines[:cont], "text", chunk.blank_before, False),
                Chunk(lines[cont : cont + 1], "text", False, len(lines) == cont + 1),
            ]
            if len(lines) > cont + 1:
                out.append(Chunk(lines[cont + 1 :], "text", False, chunk.blank_after))
            continue
        # (cheap tests first: a chunk of three lines or more, led by a marker or over a credit)
        if chunk.kind != "text" or len(lines) < 3:
            out.append(chunk)
            continue
        first = lines[0].text
        if _ANY_PUNCT.search(first):  # (most chunks: no title line holds a comma or a stop)
            out.append(chunk)
            continue
        # (or a credit in brackets closing the chunk: …1.5万元。 | （记者 徐佳丽 摄）)
        credit_below = (
            _photo_credit_below(chunks, i)
            or (
                len(chunk.text_lines) < len(lines)
                and _PHOTO_CREDIT.search(lines[-1].text) is not None
            )
            # (a photo credit in brackets closing the caption: …（记者 张 帆 | 摄）)
            or (
                lines[-1].text.endswith(("摄）", "摄)", "摄影）", "摄影)"))
                and _ends_in_credit(chunk.text)
            )
        )
        # (or a blank line between: …800余万元。 | | ■通讯员 周 伟 摄 | | 本报讯…)
        credit_below = credit_below or _photo_credit_alone_below(chunks, i)
        # (or a fact box's label over its lines: 人物名片 | 姓名：张建华 | 职务：…)
        fact_box = (
            len(first) <= 8
            and (
                _fact_box(lines[1:])
                # (or a timeline's, three rows or more each opening with its year: 蝶变足迹 |
                # 2019年 入选第一批全国乡村旅游重 | 点村 | 2020年 …)
                or (
                    _TIMELINE_ROW.match(lines[1].raw) is not None
                    and sum(1 for x in lines[1:] if _TIMELINE_ROW.match(x.raw)) >= 3
                )
            )
        )
        if first[0] not in MARKERS and not credit_below and not fact_box:
            out.append(chunk)
            continue
        if (
            fact_box
            or (
                first[0] in MARKERS
                and 2 <= len(first.lstrip(MARKERS + " ")) <= 20
                # (the brief opens under it: a marked paragraph's first line runs on instead)
                and (
                    _starts_dateline(lines[1].text)
                    or _BRIEF_OPENING.match(lines[1].text) is not None
                    or _lost_indent(lines)
                )
            )
            or (
                credit_below
                and not _starts_dateline(first)
                and lines[0].width <= 0.7 * max(line.width for line in lines[1:])
            )
        ):
            out += [
                Chunk(lines[:1], "text", chunk.blank_before, False),
                Chunk(lines[1:], "text", False, chunk.blank_after),
            ]
        else:
            out.append(chunk)
    return out


def _lost_indent(lines: list[Line]) -> bool:
    """The second line is a paragraph's first, two short of the column the lines under it fill
    (■太湖图影湿地迎来候鸟季 | 随着气温下降，大批候 | 鸟飞抵太湖图影湿地越冬。): the line above it
    ends before it. Measured on lines of CJK and full-width marks only (digits measure short)."""
    if len(lines) < 4 or lines[1].final:
        return False
    below = [line.width for line in lines[2:-1] if line.width == len(line.text)]
    second = lines[1]
    return (
        bool(below)
        and second.width == len(second.text)
        and _sorted_median(sorted(below)) - second.width >= 1.5
    )


_ANY_PUNCT: Final = re.compile("[，。、；：？！,.;:?!]")
# a paragraph's opening adverbial of time and its comma (今年以来，近日，3月以来，)
_CLAUSE_OPENING: Final = re.compile(
    r"(?:今年以来|去年以来|近年来|近日|日前|近期|连日来|目前|当前|\d{1,2}月(?:\d{1,2}日)?(?:以来|起)?"
    r"|\d{4}年(?:以来)?)[上下]?午?，"
)
# how a brief opens: when (4月17日，日前，近日，3月以来，8月起，暑假期间，…)
_BRIEF_OPENING: Final = re.compile(
    r"(?:\d{1,2}月(?:\d{1,2}日|以来|起|初|上旬|中旬|下旬|底|份)|\d{4}年|日前|近日|近期|连日来|近年来"
    r"|昨天|昨日|今天|今年|去年|前不久|本月|本周|上周|即日起|[\u4e00-\u9fff]{2,4}期间，)"
)


def _dateline_completes(lines: list[Line], k: int) -> bool:
    """The dateline started on ``lines[k]`` is completed within it and the next two text lines
    (新华社杭州三月二十 | 一日电), so it is one, not running text that starts with 新华社."""
    texts = [line.text for line in lines[k : k + 6] if line.kind != "blank"][:3]
    return DATELINE.match("".join(texts)) is not None


def _reduplicated(text: str) -> bool:
    """A verb or a measure said twice, a line of verse: 数着数着, 一盏一盏 (no title is)."""
    return len(text) == 4 and (text[1] in "着了" or text[0] == "一")


def _double_cut(text: str) -> int | None:
    """Where the second copy of a line printed twice starts: the half-way offset, or past the
    space between the copies (再掀…热潮 再掀…热潮: the extraction may print a gap between them);
    0 for a line printed character by character (再再掀掀…); None for a line printed once."""
    n = len(text)
    if n < 4:
        return None
    # (first characters compared before any slice: most lines differ there)
    half = n // 2
    if n % 2:
        if text[half].isspace() and text[0] == text[half + 1] and text[:half] == text[half + 1 :]:
            return half + 1
        return None
    if text[0] == text[half] and text[:half] == text[half:]:
        return half
    if text[0] == text[1] and text[::2] == text[1::2]:
        return 0
    return None


# --- chunk classification ------------------------------------------------------------------


def _wider_than_column(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """Lines far wider than the body column around them are set in a headline font; a short
    line that neither ends a sentence nor ends the chunk cannot be wrapped body text."""
    nxt = chunks[i + 1] if i + 1 < len(chunks) else None
    # The column comes from the next chunk when that reads as body text; a stack of headline
    # chunks (no sentence ends) says nothing of the column, so then from the body before.
    if (
        nxt is not None
        and nxt.kind != "byline"
        and len(nxt.lines) >= 3
        and not _headline_shaped(nxt, commas=True, max_lines=6)
        # (a notice's close, its contact lines, signer and date, is no measure of it: …45 | |
        # 日内向本公司清算组申报债权。 | 联系人：… | …清算组 | 2024年5月21日)
        and not _signed_and_dated(nxt)
    ):
        # (nor are a table's rows, their cells a space apart: …均价如下： | 品名 本周 上周 |
        # 青 菜 2.60 3.20 | …)
        inner = nxt.inner_widths
        if " " in nxt.text:
            inner = sorted(
                [
                    x.width
                    for x in nxt.text_lines[1:-1]
                    if " " not in x.raw.strip() or not _table_row(x, pairs=True)
                ]
            )
        # (with rows left out and fewer than two lines left, the body's column read before)
        if len(inner) >= 2 or len(inner) == len(nxt.inner_widths):
            body_column = _sorted_median(inner)
    if not body_column:
        return False
    lines = chunks[i].lines
    if len(lines) <= 3 and chunks[i].width > body_column + 3:
        return True
    # (not a line announcing what follows, nor a section's numbered heading: …如下： | 一、招聘
    # 岗位 | 岗位 人数 要求)
    return any(
        line.width < 0.6 * body_column
        and not line.final
        and not (
            k
            and (lines[k - 1].width >= body_column - 2 or lines[k - 1].text.endswith(_COLONS))
            and (line.text.endswith(_COLONS) or _numbered_heading(line.text))
        )
        for k, line in enumerate(lines[:-1])
    )


_OPENING_QUOTES, _CLOSING_QUOTE_MARKS = "“『「", "”』」"
_OPENING_MARKS: Final = "“‘『「《〈（(【〔"
# A subhead's lead: 一、 （二） 3. or a marker (■ 抢抓晴好天气); not 一、二季度… (two numerals
# counting something), but 三、一张蓝图绘到底
_SUBHEAD_LEAD: Final = re.compile(
    rf"^(?:[一二三四五六七八九十]{{1,3}}、(?![一二三四五六七八九十]{{1,2}}[季月年日号期批类级等、])"
    rf"|[（(][一二三四五六七八九十]{{1,3}}[)）]"
    rf"|\d{{1,2}}[.、．](?!\d)|[{MARKERS}]"
    # (or a word numbered, then a colon: 误区一：越贵越补, 妙招二：…)
    rf"|{_NUMBERED_WORD}"
    # (or then a space: 案例一 健身卡余额退不了)
    r"|(?:案例|误区|妙招|镜头|场景|故事)[一二三四五六七八九十]{1,2}\s)"
)


# (or letter-spaced: 人 才 从 哪 里 来, 破 局)
_SPACED_PHRASES: Final = re.compile(
    rf"[{CJK}]{{2,6}}(?: [{CJK}]{{2,6}}){{1,2}}|[{CJK}](?: [{CJK}]){{1,9}}"
)


def _subhead(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """A line in quotes (“堵住不正之风风源”) or led by a number or a marker (一、抓好春耕,
    ■ 抢抓晴好天气) between two paragraphs of the same column: a subhead inside the article,
    kept in its body; a headline would open an article of its own, and the column goes on
    unchanged."""
    chunk = chunks[i]
    if len(chunk.lines) != 1 or i == 0 or i + 1 >= len(chunks) or not body_column:
        return False
    if _notice_title(chunk):
        return False  # (a notice's own title, perhaps letter-spaced: 更 正, under another notice)
    text = chunk.lines[0].text
    quoted = (
        len(text) > 2
        and text[0] in _OPENING_QUOTES
        and text[-1] in _CLOSING_QUOTE_MARKS
        and not any(c in _OPENING_QUOTES or c in _CLOSING_QUOTE_MARKS for c in text[1:-1])
    )
    # (a numbered line that ends in a comma is a list item running on, not a subhead)
    led = (
        len(text) <= 24
        and not text.endswith(("，", "、", "；", "："))
        and _SUBHEAD_LEAD.match(text) is not None
    )
    # two or three short phrases, a space between (抓项目 促开工), or a letter-spaced line: the
    # local papers' subheads
    spaced = len(text) <= 16 and _SPACED_PHRASES.fullmatch(text) is not None
    if not quoted and not led and not spaced:
        return _parallel_subheads(chunks, i, body_column)
    prev, nxt = chunks[i - 1], chunks[i + 1]
    if (
        led
        and nxt.kind != "byline"
        and not _opens_with_dateline(nxt)
        and _numbered_after_subhead(chunks, i, text)
    ):
        # the next section of a text whose sections are numbered (一、招生计划 … 二、志愿填报),
        # whatever stands between them (a table's rows, narrower than the column)
        return True
    if prev.kind != "body" or not _ends_paragraph(prev) or nxt.kind == "byline":
        return False
    # (a dateline opens a story; a credit in brackets closes one: （顾 敏）, （通讯员 朱 敏）)
    if _opens_with_dateline(nxt) or _ends_in_credit(prev.text):
        return False
    if text[0] in MARKERS and _marked_title_above(chunks, i):
        return False
    if (
        spaced
        and not led
        and not quoted
        and chunk.blank_before
        and _photo_credit_below(chunks, i + 1)
    ):
        # a caption's title a blank line under a story, over its text and photo credit
        # (…推荐书目。 | | 小小志愿者 扮靓美丽家园 | 　　5月18日，… | 通讯员 金 燕 摄)
        return False
    if len(nxt.lines) == 1:  # cut by a column break right after a paragraph's first line
        first = nxt.lines[0]
        if led and (first.final or _contact_lines(nxt)) and chunk.width < body_column - 3:
            # (a numbered section over a paragraph of one line: 二、项目概况 | 1.…。; not a
            # paragraph's first line, as wide as the column, cut by a column break)
            return True
        return not first.final and -3.5 <= first.content_width - body_column <= -1.75
    column = _next_column(nxt, body_column)
    if not led and not nxt.punct:
        return False  # a headline under it (从“后进村”到“网红村” | ——…), no paragraph
    if (
        led
        and chunk.width >= body_column - 1
        # (or a numbered label and what it says after a colon: 二、管制范围：石塘镇千年曙光园 ||
        # 至…; not a marked subhead, ■ 怎么改：一户一策啃下“硬骨头”)
        and (
            _CLAUSE_PUNCT.search(text) is not None
            or (text[0] not in MARKERS and _LABEL_COLON.search(text) is not None)
        )
        and not _opens_paragraph(nxt, column)
    ):
        # a numbered item's first line, as wide as the column, cut by a column break: the
        # text under it runs on (二、施工期间，该路段禁止大型货车、危险品 || 运输车辆通行，…)
        return False
    # (a number or a marker says subhead by itself; a quoted or spaced line must open a
    # paragraph too, or be one of a series)
    return abs(column - body_column) < 2.5 and (
        led or _opens_paragraph(nxt, column) or _parallel_subheads(chunks, i, body_column)
    )


def _numbered_after_subhead(chunks: list[Chunk], i: int, text: str) -> bool:
    """The numbered line ``text`` of chunk ``i`` follows the subhead numbered one before it in
    the same run of text (二、志愿填报 under 一、招生计划 and its paragraphs), no headline or
    byline between."""
    number = _item_number(text)
    if number is None or number[1] < 2:
        return False
    before = (number[0], number[1] - 1)
    for chunk in reversed(chunks[max(0, i - 40) : i]):
        if chunk.kind != "body":
            return False
        if len(chunk.lines) == 1 and _item_number(chunk.lines[0].text) == before:
            return True
        # (or a heading set in on a line of its own inside a chunk, short, over its text set
        # in: 　　三、报名时间和方式 | 　　7月9日9时起，…)
        if any(
            line.indented
            and len(line.text) <= 12
            and _numbered_heading(line.text)
            and _item_number(line.text) == before
            and k + 1 < len(chunk.lines)
            and chunk.lines[k + 1].indented
            for k, line in enumerate(chunk.lines)
        ):
            return True
    return False


def _paragraph_of_its_own(chunk: Chunk) -> None:
    """A one-line chunk read as text, a paragraph of its own (a subhead): its line ends one."""
    chunk.kind = "body"
    chunk.lines = [chunk.lines[0]._replace(final=True)]
    chunk._text_lines = None  # (read again from the new line)


def _names_after_label(text: str) -> bool:
    """A label and a colon, then names a space apart, four parts or more (执行主席：沈建华 陆 敏
    朱晓东 顾卫平 徐春燕; a name of two characters may be letter-spaced, two parts)."""
    label, colon, names = text.partition("：")
    if not colon or not 2 <= len(label) <= 8 or _ANY_PUNCT.search(names):
        return False
    parts = names.split()
    return len(parts) >= 4 and all(len(part) <= 3 and _NAME_PART.fullmatch(part) for part in parts)


_NAME_PART: Final = re.compile(rf"[{CJK}]{{1,3}}")


def _first_section(chunks: list[Chunk], i: int) -> bool:
    """The heading of a document's first numbered section, a line of its own over a paragraph
    of text with no dateline (一、招标条件 | 本招标项目…): no title opens with its first number."""
    chunk = chunks[i]
    if len(chunk.lines) != 1 or i + 1 >= len(chunks) or not chunk.lines[0].text.startswith("一、"):
        return False
    text, nxt = chunk.lines[0].text, chunks[i + 1]
    return (
        len(text) <= 16
        and _ANY_PUNCT.search(text, 2) is None
        and _SUBHEAD_LEAD.match(text) is not None
        and nxt.kind == "text"
        and nxt.punct == 2
        and not _opens_with_dateline(nxt)
    )


def _whole_quotation(text: str) -> bool:
    """A quotation whole on its line (“不能让田歌断在我们这一代”): a subhead may be one."""
    return text[:1] == "“" and text[-1:] == "”"


def _flush_subhead(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """A short line set flush, no blank line under it (nor over it, but for a column break over
    one of a series), between a finished paragraph and one opening indented with no dateline
    (…打了六十多年交道。 | 田埂上学来的歌 | 　　顾秀英出生在…): a subhead inside the story, as
    _chunks cut it out; a headline stands apart."""
    if not _flush_subhead_shape(chunks, i, body_column):
        return False
    # (a column break over it: one of the story's subheads only if a later one stands so with
    # no blank line around it: 订单收购稳住茶农“钱袋子” || … | 精深加工拉长产业链 | …)
    return not chunks[i].blank_before or any(
        not chunks[j].blank_before and _flush_subhead_shape(chunks, j, body_column)
        for j in _story_chunks_after(chunks, i)
    )


def _flush_subhead_shape(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """Chunk ``i`` is one short line set flush over a paragraph opening indented with no
    dateline, under a finished paragraph."""
    chunk = chunks[i]
    if len(chunk.lines) != 1 or chunk.blank_after or i + 1 >= len(chunks) or i == 0:
        return False
    line, nxt = chunk.lines[0], chunks[i + 1]
    return (
        not line.indented
        and not line.doubled
        and (0 < line.width < body_column - 2 or _whole_quotation(line.text))
        and nxt.kind == "text"
        and nxt.lines[0].indented
        and _ANY_PUNCT.search(line.text) is None
        and _ends_paragraph(chunks[i - 1])
        and not _opens_with_dateline(nxt)
    )


def _story_chunks_after(chunks: list[Chunk], i: int) -> range:
    """The chunks after chunk ``i`` up to the first that is no text: a byline, a headline
    printed twice, a dateline's, or a line set flush over one (up to 40)."""
    end = i + 1
    while (
        end < min(len(chunks), i + 40)
        and chunks[end].kind in ("text", "body")
        and not chunks[end].lines[0].doubled
        and not _opens_with_dateline(chunks[end])
    ):
        end += 1
    return range(i + 1, end)


def _marked_title_above(chunks: list[Chunk], i: int) -> bool:
    """The story chunk ``i`` stands in opened under a title led by the same marker (■市图书馆恢复
    开放 | 本报讯 …): the marked lines are the titles of briefs, not subheads of one story."""
    marker = chunks[i].lines[0].text[0]
    for j in range(i - 1, -1, -1):
        above = chunks[j]
        if above.kind != "body":
            return (
                above.kind == "headline"
                and len(above.lines) == 1
                and above.lines[0].text.startswith(marker)
            )
    return False


def _between_paragraphs(chunks: list[Chunk], i: int, column: float) -> bool:
    """Chunk ``i`` is one short line after a finished paragraph, over text of the same column
    (within a cell) that opens with no dateline: where a subhead stands."""
    chunk = chunks[i]
    if len(chunk.lines) != 1 or i == 0 or i + 1 >= len(chunks) or chunk.lines[0].doubled:
        return False
    text = chunk.lines[0].text
    # (two phrases a space apart may run longer: 白手起家 小作坊闯出大市场)
    if (
        len(text) > (16 if " " in text else 12)
        or chunk.punct
        or not chunk.blank_before
        or not chunk.blank_after
    ):
        return False
    prev, nxt = chunks[i - 1], chunks[i + 1]
    if prev.kind == "byline" or nxt.kind == "byline" or len(nxt.lines) < 3:
        return False
    if not _ends_paragraph(prev) or _opens_with_dateline(nxt):
        return False
    return abs(_sorted_median(nxt.inner_widths) - column) < 1


def _subhead_shape(text: str) -> tuple[int, str]:
    """Length and where quotation marks and spaces stand: 龙头企业“强链” -> (8, '....“..”')."""
    return len(text), "".join(c if c in _QUOTE_MARKS or c == " " else "." for c in text)


_DOTS: Final = re.compile(r"\.+")


def _parallel_subheads(chunks: list[Chunk], i: int, column: float) -> bool:
    """Chunk ``i`` is one of two or more subheads of one pattern inside one story (龙头企业“强链”
    … 招商引资“补链” … 服务专员“护链”): lines of one length and shape, each between paragraphs of
    the same column with no dateline, no headline or byline between them. Unrelated headlines
    over stories of one column rarely share a length, a shape and a last character."""
    if not column or not _between_paragraphs(chunks, i, column):
        return False
    text = chunks[i].lines[0].text
    shape = _subhead_shape(text)
    structured = shape[1].strip(".") != ""  # (quotation marks or spaces inside)
    for step in (1, -1):
        j = i + step
        while 0 < j < len(chunks) - 1 and abs(j - i) <= 12:
            other = chunks[j]
            if (
                other.kind == "byline"
                or other.lines[0].doubled
                or _opens_with_dateline(other)
                or (1 < len(other.lines) <= 3 and _headline_shaped(other))
            ):
                break  # another story's headline, byline or dateline
            if len(other.lines) == 1:
                other_text = other.lines[0].text
                other_shape = _subhead_shape(other_text)
                if (
                    (
                        other_shape == shape
                        # (or quoted words in one pattern, of about one length: “小田”并成“大田”
                        # … “种得好”还要“卖得好”)
                        or (
                            structured
                            and abs(other_shape[0] - shape[0]) <= 2
                            and _DOTS.sub(".", other_shape[1]) == _DOTS.sub(".", shape[1])
                        )
                    )
                    # (a last character shared, or two short phrases of one length over
                    # sections with no dateline: 企业订单送上门 … 技能培训到田头)
                    and (structured or other_text[-1] == text[-1] or len(text) <= 8)
                    and _between_paragraphs(chunks, j, column)
                ):
                    return True
                if not _SUBHEAD_LEAD.match(other_text) and not other.lines[0].final:
                    # a line of another shape: a headline, or a story's last line (a column's
                    # last line, cut off by a column break, may go on: 出0.3元。)
                    break
            j += step
    return False


def _runs_into_tail(chunks: list[Chunk], i: int) -> bool:
    """Lines with a comma inside whose sentence ends on the one short line after a column break
    (一项最新调查表明， | 经常散步的老人更不容易 || 摔倒。): body text, not a headline, since
    no headline runs on into a line that closes a sentence."""
    chunk = chunks[i]
    if i + 1 >= len(chunks):
        return False
    nxt = chunks[i + 1]
    if nxt.kind == "byline" or len(nxt.lines) != 1 or not nxt.blank_before:
        return False
    tail = nxt.lines[0]
    return (
        tail.final
        and chunk.punct > 0  # (last of the cheap tests: it reads the chunk's whole text)
        and not _starts_dateline(tail.text)
        and tail.width < 0.6 * chunk.width
        and not _ends_sentence(chunk.lines[-1].text)
    )


def _byline_attached_below(chunks: list[Chunk], i: int) -> bool:
    """A byline, or a dateline opening a body, printed right under this chunk (no blank line):
    the chunk is the headline above them."""
    if i + 1 >= len(chunks) or chunks[i + 1].blank_before:
        return False
    nxt = chunks[i + 1]
    return nxt.kind == "byline" or bool(DATELINE_START.match(nxt.lines[0].text))


_SENTENCE_PUNCT: Final = re.compile("[。；;]")
_CLAUSE_PUNCT: Final = re.compile("[。；;，,]")
# a colon with text after it, inside a line (管制范围：石塘镇…)
_LABEL_COLON: Final = re.compile("[：:].")
_OPEN_ENDINGS: Final = ("、", "：", ":", "（", "(")


def _label_over_title(chunks: list[Chunk], i: int) -> bool:
    """A short label ending in a colon (聚焦亚运：, 关注：) on a line of its own, a title set right
    under it with no blank line between, after a finished paragraph: a kicker, not a line
    announcing what follows (具体如下： announces a list; 他说： a quotation, which ends a
    sentence)."""
    chunk = chunks[i]
    text = chunk.text
    if (
        len(chunk.lines) != 1
        or not text.endswith(("：", ":"))
        or len(text) > 9
        or _ANY_PUNCT.search(text[:-1])
        or _ANNOUNCES_LIST.search(text)
        or i + 1 >= len(chunks)
    ):
        return False
    nxt = chunks[i + 1]
    prev = chunks[i - 1] if i else None
    return (
        not nxt.blank_before
        and len(nxt.lines) <= 2
        and _headline_shaped(nxt)
        and (prev is None or prev.kind != "body" or _ends_paragraph(prev))
    )


def _headline_shaped(chunk: Chunk, commas: bool = False, max_lines: int = 4) -> bool:
    if len(chunk.lines) > max_lines:
        return False
    # asked up to seven times a chunk by the rules of _classify: the answers are kept
    shaped = chunk._shaped
    if shaped is None:
        text = chunk.text
        shaped = chunk._shaped = (
            bool(text)
            and not _ends_sentence(text)
            and not chunk.lines[-1].text.endswith(_OPEN_ENDINGS)
            and chunk.width <= 40
        )
    return shaped and chunk.punct < (2 if commas else 1)


_NAME_2_TO_4: Final = re.compile(rf"[{CJK}]{{2,4}}")


# a question or an exclamation quoted whole (“久违了，我的校园！”)
_QUOTED_CRY: Final = re.compile(r"“[^“”]{2,20}[！？!?]”")


def _question_over_byline(chunks: list[Chunk], i: int) -> bool:
    """A question or an exclamation in one or two lines with a reporter's byline printed right
    under it: a headline (a body's last line carries no byline; a caption's credit is a
    photo credit)."""
    chunk = chunks[i]
    lines = chunk.lines
    return (
        len(lines) <= 2
        and (
            (chunk.text.endswith(("？", "?", "！", "!")) and chunk.punct < 2)
            # (or a cry quoted whole on the last line, perhaps under a line with no mark:
            # 全市…学生昨日返校复学 | “久违了，我的校园！”)
            or (
                _QUOTED_CRY.fullmatch(lines[-1].text) is not None
                and (len(lines) == 1 or _ANY_PUNCT.search(lines[0].text) is None)
            )
        )
        and i + 1 < len(chunks)
        and chunks[i + 1].kind == "byline"
        and not chunks[i + 1].blank_before
        and not _photo_credit_below(chunks, i)
    )


def _question_wider_than_column(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """A question on a line of its own, a blank line around it, wider than the column of the
    text above it (no line of that text is) or as wide with its phrases set apart, over a new
    story's dateline, a label or a headline: the question is a headline (…要求对方停止侵害。 |
    | 邻居在门口装摄像头对着我家，合法吗？ | | 本报讯…), though it ends as a sentence does."""
    chunk = chunks[i]
    if (
        len(chunk.lines) != 1
        or not chunk.text.endswith(("？", "?"))
        or not (chunk.blank_before and chunk.blank_after)
        or i + 1 >= len(chunks)
    ):
        return False
    nxt = chunks[i + 1]
    return (
        body_column > 0
        and (
            body_column < chunk.width - 1
            # (or as wide, its phrases set apart as no text sets them: 公园健身器材损坏 何时能
            # 修好？)
            or (body_column < chunk.width + 1 and _PHRASES_APART.search(chunk.text) is not None)
        )
        and _SENTENCE_PUNCT.search(chunk.text) is None
        and (
            _opens_with_dateline(nxt)
            or nxt.kind == "byline"
            or (nxt.kind == "text" and _headline_shaped(nxt))
        )
    )


def _join_wrapped_credit_names(chunks: list[Chunk]) -> list[Chunk]:
    """A credit naming several photographers wraps its last name onto a line of its own, right
    under it (■摄影 王 强 徐佳丽 | 陆晓峰): that name joins the credit's line, a space between,
    and is no lone name nor a caption's title."""
    out: list[Chunk] = []
    for chunk in chunks:
        above = out[-1] if out else None
        if (
            above is not None
            and above.kind == "byline"
            and chunk.kind == "text"
            and not chunk.blank_before
            and len(chunk.lines) == 1
            and len(chunk.lines[0].text) <= 8
            and _PHOTO_GROUP.search(above.lines[-1].text) is not None
            and _lone_name(chunk)
        ):
            last, name = above.lines[-1], chunk.lines[0]
            joined = Span(list(last.pieces)).extend(squeeze_names(name.span, SURNAMES), sep=" ")
            above.lines[-1] = last._replace(pieces=tuple(joined.pieces), text=joined.text)
            above.blank_after = chunk.blank_after
            # (what was read of the chunk is read again from the new line)
            above._text = above._width = above._punct = above._shaped = None
            above._inner = above._text_lines = None
            continue
        out.append(chunk)
    return out


def _lone_name(chunk: Chunk) -> bool:
    if len(chunk.lines) != 1:
        return False
    if len(chunk.lines[0].text) > 8:  # a name of 2-4 characters, perhaps spaced out
        return False
    text = normalize_line(chunk.lines[0].raw, chunk.lines[0].number, names=True).text
    if not _NAME_2_TO_4.fullmatch(text):
        return False
    # four characters: a compound surname (欧阳, 司马 …); 商城卫士 and 黄河精魂 are headlines
    return text[:2] in SURNAMES or (len(text) < 4 and text[0] in SURNAMES)


_DATE_LINE: Final = re.compile(
    r"\d{4}年\d{1,2}月\d{1,2}日"
    # (or in Chinese numerals, as a court signs: 二〇二二年九月十三日)
    r"|[〇○零一二三四五六七八九]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日"
)
# a day's date and weekday alone on a line, over the rows of that day: 7月20日（星期四）
_DAY_HEADING: Final = re.compile(
    r"(?:\d{4}年)?\d{1,2}月\d{1,2}日[（(](?:星期|周)[一二三四五六日天][)）]"
)


def _pull_quote(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """A quotation set apart in a narrower column inside a feature, repeating words of its
    text above (…达到186万元， || “以前河里是臭的， | 现在水清了，鱼也 | 回来了…” || 是十年前的近
    6倍。): a pull quote, no part of the text, which goes on under it."""
    chunk = chunks[i]
    # (cheap first, before the chunk's text is joined: asked of every chunk under a body)
    if chunk.lines[0].text[:1] != "“" or len(chunk.lines) < 2:
        return False
    # (who said it may stand under it: “改造不是一改了之，| … | ——东湖社区党委书记 沈建华; the
    # words may then come later in the text)
    lines = chunk.lines
    attributed = len(lines) >= 3 and lines[-1].text.startswith("——")
    if attributed:
        lines = lines[:-1]
    # (or in a chunk of its own right under it, the extraction setting it apart)
    nxt = chunks[i + 1] if i + 1 < len(chunks) else None
    attribution_below = (
        not chunk.blank_after
        and nxt is not None
        and len(nxt.lines) == 1
        and nxt.blank_after
        and nxt.lines[0].text.startswith("——")
    )
    attributed = attributed or attribution_below
    text = "".join([line.text for line in lines])
    if (
        not (chunk.blank_before and (chunk.blank_after or attribution_below))
        or not text.endswith(("”", "”。", "。”"))
        or not body_column
        or max(line.width for line in lines) > 0.85 * body_column
    ):
        return False
    quoted = text.strip("“”。")
    if len(quoted) < 8:
        return False
    if max(line.width for line in lines) > 0.75 * body_column and len(quoted) < 12:
        # (set less narrow, a quotation must be long enough for its words found elsewhere
        # in the text to tell it: “过去靠老师傅的经验， | 现在靠数据说话。” in a column of 14)
        return False
    above = "".join([c.text for c in chunks[:i] if c.kind == "body"])
    if quoted in above:
        return True
    # (the words may come later unattributed too, when there are enough of them to tell)
    return (attributed or len(quoted) >= 12) and quoted in "".join(
        [c.text for c in chunks[i + 1 : i + 40] if c.kind == "text"]
    )


def _signature(chunk: Chunk, above: Chunk) -> bool:
    """The date a notice is signed on, perhaps under the issuing body or two (平湖市农业农村局 |
    2020年3月16日), the body issuing it under its close (特此通知。 | 平湖市农业农村局农产品 |
    质量安全中心), or the desk signing a correction (本报编辑部): the close of the text ``above``,
    not a headline."""
    lines = chunk.lines
    if len(lines) == 1 and lines[0].text in ("本报编辑部", "编辑部"):
        return True  # (the paper signs its corrections)
    if len(lines) > 3:
        return False
    if above.lines[-1].text.endswith(_NOTICE_CLOSE):
        return not chunk.punct
    if len(lines) == 1 and above.lines[-1].final and _signer_alone(lines[0].text):
        return True
    # (two bodies may sign it jointly: 桐乡报社 | 桐乡市作家协会 | 2020年8月26日; a contact
    # line may come first: 咨询电话：0573-85612345（黄女士） | 平湖市新仓镇人民政府 | 2023年…)
    if _DATE_LINE.fullmatch(lines[-1].text) is None:
        return False
    contact = len(lines) >= 2 and _CONTACT_LINE.fullmatch(lines[0].text) is not None
    signers = lines[1:] if contact else lines
    if len(signers) == 1:
        return True
    # (no mark among the signers; the contact line above them has its own)
    marked = any(_ANY_PUNCT.search(line.text) for line in signers) if contact else chunk.punct
    return all(len(line.text) <= 24 for line in signers) and not marked


# a reader signing a letter: 读者 周女士, 市民 王先生
_READER_SIGNATURE: Final = re.compile(rf"(?:读者|市民|网友)\s*([{CJK}](?:\s?[{CJK}]){{1,3}})")


def _reader_signs(text: str) -> bool:
    """读者 周女士, 市民 王先生: a reader's signature, no headline."""
    m = _READER_SIGNATURE.fullmatch(text)
    return m is not None and _opens_with_surname(m.group(1))


# a body of a place signing: 海宁市交通运输局, 市水务集团, 硖石街道办事处
_SIGNING_BODY: Final = re.compile(
    rf"(?:[{CJK}]{{1,4}}[省市县区镇乡]|[市县区])[{CJK}（）()]{{1,12}}"
    r"(?:局|委员会|办公室|办事处|人民政府|公司|集团|协会|学会|街道|报社|医院|银行|管理处|大队)"
)


def _signer_alone(text: str) -> bool:
    """A line alone under a sentence's end, a blank line apart, that signs the text: a body
    answering a letter or giving notice (海宁市交通运输局). No headline is a body's name and
    nothing else."""
    return (
        len(text) <= 16
        and _SIGNING_BODY.fullmatch(text) is not None
        and _BODY_ACTS.search(text) is None
    )


def _contacts_over_signature(chunks: list[Chunk], i: int) -> bool:
    """Chunk ``i`` is a notice's contact lines (清算组负责人：沈卫平 | 联系电话：…), a blank
    line over its signer and date: part of the notice's close."""
    chunk = chunks[i]
    if len(chunk.lines) > 3 or i + 1 >= len(chunks) or chunks[i + 1].kind != "text":
        return False
    below = chunks[i + 1]
    return (
        _DATE_LINE.fullmatch(below.lines[-1].text) is not None  # (cheap first)
        and all(_CONTACT_LINE.fullmatch(text) is not None for text in _unwrapped_contacts(chunk))
        and _signature(below, chunk)
    )


def _unwrapped_contacts(chunk: Chunk) -> list[str]:
    """The chunk's lines, a number wrapped onto a line of its own under the line whose colon
    announces it put back (…联系电话： | 13857391234), and a name's last characters wrapped so
    (招标人：平湖市…股份经济合作 | 社)."""
    texts: list[str] = []
    for line in chunk.lines:
        if texts and (
            (texts[-1].endswith(("：", ":")) and _BARE_NUMBER.fullmatch(line.text))
            or (len(line.text) <= 2 and _CJK_CHAR.match(line.text) and "：" in texts[-1])
        ):
            texts[-1] += line.text
        else:
            texts.append(line.text)
    return texts


# a telephone number alone on its line
_BARE_NUMBER: Final = re.compile(r"[\d\-－ （）()]{5,20}")
# the same, closing its sentence or clause
_WRAPPED_NUMBER: Final = re.compile(_BARE_NUMBER.pattern + r"[。；;，,]?")


def _signers_over_date(chunks: list[Chunk], i: int) -> bool:
    """Chunk ``i`` names the bodies signing a notice, each on its line, and the date under them
    comes a blank line or more away (平湖市人民政府办公室 | | 2023年12月18日, as a page that sets
    blank lines between paragraphs prints them): the notice's close, not a headline."""
    for j in range(i, min(i + 3, len(chunks))):
        lines = chunks[j].lines
        if len(lines) == 1 and _DATE_LINE.fullmatch(lines[0].text) is not None:
            return j > i
        if (
            len(lines) > 2
            or chunks[j].punct
            or not all(len(line.text) <= 20 and line.text.endswith(_BODY_ENDS) for line in lines)
        ):
            return False
    return False


# how the name of a body issuing a notice ends (…局, …大队, …委员会)
_BODY_ENDS: Final = (
    "局", "大队", "中心", "委员会", "办公室", "政府", "公司", "协会", "学会", "街道", "镇",
    "报社", "医院", "学校", "集团", "银行", "管理处", "所", "站", "院", "馆", "厅", "部",
)  # fmt: skip
# how a classified entry or a notice closes, whatever the width of its last line
_ENTRY_CLOSES: Final = ("声明作废。", "特此声明。", "特此公告。", "特此通知。", "特此通告。")
_NOTICE_CLOSE: Final = (
    "特此通知。",
    "特此公告。",
    "特此通告。",
    "特此声明。",
    "特此函告。",
    "特此说明。",
)
# a line announcing the list or table under it (no headline ends so)
_ANNOUNCES_LIST: Final = re.compile(r"(?:如下|以下|分别是|分别为|名单|排名)[:：]$")


def _headline_over_story(chunks: list[Chunk], i: int) -> bool:
    """Chunk ``i``, a few lines with no punctuation at all and a blank line under them, stands
    over a story of its own: a box's label opens it (小贴士), a dateline opens the chunk under
    it (全市中小学9月1日开学 | 本报…讯), or a headline printed twice, or a byline, comes next."""
    chunk = chunks[i]
    if len(chunk.lines) > 3 or i + 1 >= len(chunks):
        return False
    nxt = chunks[i + 1]
    over = (
        _box_label(chunk.lines[0].text)  # a box's label over its text: 小贴士, 记者手记
        or nxt.kind == "byline"
        or (chunk.blank_after and (nxt.lines[0].doubled or _opens_with_dateline(nxt)))
    )
    return over and not chunk.punct  # (the whole text read last)


# two to four characters, one space apart (东 湖, 副 刊)
_LETTER_SPACED_LABEL: Final = re.compile(rf"[{CJK}](?: [{CJK}]){{1,3}}")


def _classify(chunks: list[Chunk]) -> None:
    """Set chunk.kind for text chunks: body | headline | name | furniture | signature |
    pull_quote."""
    last_body: Chunk | None = None
    prev: Chunk | None = None
    body_column = 0.0
    # (whether paragraphs open flush, from the chunks that read as text: asked rarely)
    flush = functools.cache(lambda: not _indents_paragraphs(chunks, _reads_as_body))
    for i, chunk in enumerate(chunks):
        if chunk.kind == "byline":
            prev = chunk
            continue
        if chunk.kind == "pull_quote":
            continue  # (who said the pull quote above, under it: read with it)
        if chunk.kind == "headline":  # (a brief's title split off its text: _split_marked_titles)
            prev = chunk
            continue
        if prev is not None and prev is last_body and _pull_quote(chunks, i, body_column):
            chunk.kind = "pull_quote"
            if not chunk.blank_after:
                chunks[i + 1].kind = "pull_quote"  # (its attribution: ——东湖社区党委书记 沈建华)
            continue  # (the story goes on under it)
        if (
            prev is not None
            and prev is last_body
            and (
                _signature(chunk, prev)
                or _signers_over_date(chunks, i)
                # (cheap first: contact lines hold a colon)
                or (
                    ("：" in chunk.text or ":" in chunk.text)
                    and _contacts_over_signature(chunks, i)
                )
            )
        ):
            chunk.kind = "signature"
        elif (
            prev is not None
            and prev.kind == "signature"
            and (
                _signers_over_date(chunks, i)
                or (len(chunk.lines) == 1 and _DATE_LINE.fullmatch(chunk.lines[0].text) is not None)
                # (the signer and the date under a contact line that closed the text:
                # 服务热线：85123456 | | 平湖市供水有限公司 | 2024年3月18日)
                or (
                    _DATE_LINE.fullmatch(chunk.lines[-1].text) is not None
                    and _signature(chunk, prev)
                )
            )
        ):
            # a second signer a blank line under the first, or the date signed under them
            chunk.kind = "signature"
        elif (
            prev is not None
            and prev is last_body
            and len(chunk.lines) == 1
            and prev.lines[-1].final
            and _reader_signs(chunk.lines[0].text)
        ):
            # a reader signing a letter a blank line under it (读者 周女士): its last paragraph,
            # as the letter's text (an editor's reply may follow under the same headline); it
            # closes the letter as a sentence's end would
            _paragraph_of_its_own(chunk)
        elif _opens_with_dateline(chunk, chunks[i + 1] if i + 1 < len(chunks) else None):
            chunk.kind = "body"
        elif (
            prev is not None
            and prev is last_body
            and chunk.lines[-1].final
            and i + 1 < len(chunks)
            and chunks[i + 1].kind == "byline"
            and not chunks[i + 1].blank_before
            and chunks[i + 1].text.lstrip(MARKERS + " ").startswith(("指导老师", "指导教师"))
        ):
            # a pupil's essay's last sentence over its teacher's credit, no headline with a
            # byline (…表扬了她呢！ | | 我喜欢我的新同桌！ | 指导老师 沈 燕)
            chunk.kind = "body"
        elif (
            prev is not None
            and prev is last_body
            and chunk.lines[0].text[:1] in _ITEM_NUMBER_FIRST  # (cheap first)
            and _next_item(prev.lines[0].text, chunk.lines[0].text)
        ):
            # the next item of a list the chunk above opened, cut by a column break: （1）遵守… |
            # （2）年龄在35周岁以下（1984年9月1日以后 || 出生）；
            chunk.kind = "body"
        elif prev is not None and prev.kind == "furniture" and _guide_entries(chunks, i):
            chunk.kind = "furniture"
            continue
        elif (
            len(chunk.lines) == 1
            and chunk.blank_after
            and 0 < i + 1 < len(chunks)
            and all(c.kind == "furniture" for c in chunks[:i])
            and (
                (
                    _LETTER_SPACED_LABEL.fullmatch(chunk.text) is not None
                    and chunks[i + 1].kind == "text"
                    and not _notice_title(chunk)
                )
                # (or any short name under the header of a literary page, over the first
                # title: 副刊 | | 海霞 | | 老街的潮声 | □ 陈晓燕)
                or (
                    len(chunk.text) <= 6
                    and _ANY_PUNCT.search(chunk.text) is None
                    and chunks[i + 1].kind != "byline"
                    and any("副刊" in c.text for c in chunks[:i])
                )
            )
        ):
            # a page's or a supplement's name letter-spaced under the page header, over the
            # first text (4 副 刊 2022年4月13日 | | 东 湖 | | 老家屋后有一块菜园…): furniture, no
            # headline of a story the page sets after its text
            chunk.kind = "furniture"
            continue
        elif (
            prev is not None
            and prev.kind == "byline"
            and len(chunk.lines) == 1
            and len(chunk.text) <= 12
            and chunk.blank_before
            and chunk.blank_after
            and _PHOTO_CREDIT.search(prev.text) is not None
            # (read so only with its marks: with none the rules below read it, a lone name or
            # a label of briefs too)
            and _ANY_PUNCT.search(chunk.text) is not None
            and (i + 1 == len(chunks) or _opens_with_dateline(chunks[i + 1]))
        ):
            # a caption's title under its photo credit, over a story's dateline, even with its
            # marks (■记者 李 俊 摄 | | 你好，新学期！ | | 本报讯 …): no text is one short line
            chunk.kind = "headline"
        elif _first_section(chunks, i) or (
            prev is not None and prev is last_body and _flush_subhead(chunks, i, body_column)
        ):
            # a document's first numbered section (一、招标条件: no title opens so), or a subhead
            # set flush between indented paragraphs
            _paragraph_of_its_own(chunk)
        elif (
            len(chunk.lines) == 1
            and chunk.text[:1] == "【"  # (cheap first)
            and _BRACKETED_LABEL.fullmatch(chunk.text) is not None
            # (or set right between the paragraphs, no blank line around it: …8.6万人次。 |
            # 【产业兴村】 | 文化“流量”如何…)
            and (
                chunk.blank_after
                or (prev is not None and prev is last_body and not chunk.blank_before)
            )
            and i + 1 < len(chunks)
            and chunks[i + 1].kind == "text"
            and len(chunks[i + 1].lines) >= 3
            and not _headline_shaped(chunks[i + 1], commas=True, max_lines=6)
            and any(
                c.text[:1] == "【" and _BRACKETED_LABEL.fullmatch(c.text) is not None
                for c in chunks[max(0, i - 6) : i] + chunks[i + 2 : i + 8]
            )
        ):
            # a section's label in brackets over its text set in, as another below it opens the
            # next section (【市民来电】 | | 　　“我们小区… | | 【记者追踪】 | | 　　5月13日…): a
            # paragraph of the story, not a headline with no body
            _paragraph_of_its_own(chunk)
        elif chunk.lines[0].doubled and _bold_question(chunks, i):
            chunk.kind = "body"  # an interview's question set bold, over its answer
        elif chunk.lines[0].doubled:  # _chunks splits text where doubling starts or stops
            chunk.kind = "headline"
        elif len(chunk.text_lines) < len(chunk.lines):
            chunk.kind = "body"  # text that goes on on another page: no headline
        elif (
            prev is not None
            and prev is last_body
            and not _ends_paragraph(prev)
            and not _ends_story(chunk.text)
            and _is_furniture(chunks, i)
        ):
            # a page header or footer the extraction printed between two columns of a
            # story: the story goes on after it
            chunk.kind = "furniture"
            continue
        elif (
            prev is not None
            and prev is last_body
            # (a colon announces what follows: 名单如下： over a list)
            and (not _ends_paragraph(prev) or prev.lines[-1].text.endswith(_COLONS))
            # (a stanza ends with its chunk: 听远处有人唱起昆腔 | | 父亲的鼓点)
            and not (
                chunk.blank_before
                and len(chunk.lines) == 1
                and (prev.verse or (prev.width <= 11 and _stanza_of_poem(chunks, i - 1)))
            )
            # (a notice's signer and date close it: 国网嵊溪县供电公司 | 2021年6月21日)
            and not _signed_and_dated(prev)
            # (a notice's title ends the one above, which may end on a telephone number)
            and not _notice_title(chunk)
            # (nor does a box's label run on from the figures it names: 新增公共停车泊位 1500个 |
            # | 数说城市更新)
            and not (
                len(chunk.lines) == 1
                and chunk.blank_before
                and _FIGURE_BOX_LABEL.fullmatch(chunk.text) is not None
            )
            # (a headline the extraction set inside a story's column break, over its own
            # story: the story above goes on after that one)
            and not _headline_over_story(chunks, i)
            # (nor a title over its ——subtitle: …一只白鹭 | 把整条溪都衔走了 | | 一座城的书香底色 |
            # ——读《湖州藏书楼旧事》, no text runs on into a dash)
            and not (
                2 <= len(chunk.lines) <= 3
                and chunk.blank_after
                and chunk.lines[-1].text.startswith("——")
                and len(chunk.lines[-1].text) <= 30
                and not any(_ANY_PUNCT.search(line.text) for line in chunk.lines[:-1])
                and all(len(line.text) <= 16 for line in chunk.lines[:-1])
            )
            # (nor a kicker of phrases a space apart right over a title printed twice: …（陈 |
            # 警官） | | 暑期将至 全市防溺水工作全面启动 | 86支巡护队…×2; running text sets no
            # space between its words)
            and not (
                len(chunk.lines) == 1
                and not chunk.blank_after
                and i + 1 < len(chunks)
                and chunks[i + 1].lines[0].doubled
                and (
                    (" " in chunk.text and _WORD_PHRASES.fullmatch(chunk.text) is not None)
                    # (or set wider than the column above it, no sentence in it: 硖石街道西山
                    # 社区探索老旧小区“微治理” over 楼道里的“红管家” ×2, under a list's names)
                    or (chunk.width >= prev.width + 2 and _ANY_PUNCT.search(chunk.text) is None)
                    # (or under a table's last row, which runs on into nothing: …2:21:55 | |
                    # 2023绍兴马拉松昨日开跑 | 细雨古城两万人… ×2)
                    or (_ANY_PUNCT.search(chunk.text) is None and _printed_row(prev.lines[-1]))
                )
            )
        ):
            chunk.kind = "body"
        elif prev is not None and prev is last_body and _contact_lines(chunk):
            chunk.kind = "body"  # a notice's telephone line: 咨询电话：85123456
        elif (
            prev is not None
            and prev is last_body
            and not chunk.blank_before
            and len(chunk.lines) >= 2
            and all(_printed_row(line) for line in chunk.lines)
        ):
            # a table's rows right under the text announcing them, set wider (…出海渔船请注意
            # 防范。 | 18日 多云 东北风5～6级阵风7级 浪高1.5～2.0米 | …): no headline
            chunk.kind = "body"
        elif (
            prev is not None
            and prev is last_body
            and "：" in chunk.lines[0].text  # (cheap first)
            and len(prev.lines) >= 2
            and not _furniture_line(chunk.lines[0].text)  # (责任编辑：沈 洁)
            and all(_FIELD_LINE.fullmatch(x.text) for x in chunk.lines)
            and all(_FIELD_LINE.fullmatch(x.text) for x in prev.lines[-2:])
        ):
            # a list's rows of a label and its value going on after a column break under rows of
            # that shape (…胜利路：7月6日至7月25日 | | 建国北路：7月17日至8月8日 | …): no headline
            chunk.kind = "body"
        elif (
            prev is not None
            and prev is last_body
            and not chunk.blank_before
            and _INFO_LABEL.match(chunk.lines[0].text) is not None
        ):
            # a line of facts right under the text, opening with its label: 门诊时间：每周二、周 |
            # 四上午 (no headline opens so)
            chunk.kind = "body"
        elif prev is not None and prev is last_body and _ends_in_address(chunk):
            chunk.kind = "body"  # 报名详情请参考官方网站 | www.example.cn/2008: no headline
        elif (
            prev is not None
            and prev is last_body
            and chunk.lines[0].text[0] in "（("
            and _AUTHOR_NOTE.fullmatch(chunk.text)
        ):
            # who the author is, under the text: （作者系市委党校讲师）, the text's last paragraph
            chunk.kind = "body"
            chunk.lines = [*chunk.lines[:-1], chunk.lines[-1]._replace(final=True)]
            chunk._text_lines = None  # (read again from the new lines)
        elif len(chunk.lines) == 1 and _box_label(chunk.text):
            chunk.kind = "headline"  # a box's label standing alone over its text: 背 景
        elif (
            len(chunk.lines) <= 2
            and chunk.blank_after
            and _DOCUMENT_TITLE.match(chunk.text) is not None
        ):
            chunk.kind = "headline"  # a notice's title over it: 关于春节期间调整…的公告
        elif _fact_box(chunk.lines):
            chunk.kind = "body"  # a fact box's lines: 姓名：张建华 | 职务：… (no headline)
        elif _COUNTED_GROUP.match(chunk.lines[0].text):
            # a group of a list, its count and a colon before its entries: 当湖街道（4户）：陆志
            # 明家庭、 | 沈 红家庭、… (no title counts so)
            chunk.kind = "body"
        elif len(chunk.lines) <= 2 and _names_after_label(chunk.text):
            # who presided, names after a label (执行主席：沈建华 陆 敏 朱晓东 …): no title lists
            # names so; a paragraph of its own
            if len(chunk.lines) == 1:
                _paragraph_of_its_own(chunk)
            chunk.kind = "body"
        elif prev is not None and prev is last_body and _contact_under_call(chunks, i):
            chunk.kind = "body"
        elif prev is not None and prev is last_body and _score_box(chunks, i):
            chunk.kind = "body"  # a match's score under its report: 柯桥区队2∶1上虞区队
        elif len(chunk.lines) == 1 and _DIARY_DATE.fullmatch(chunk.text):
            chunk.kind = "body"  # a diary entry's date and weather: 2月10日 晴 (no headline)
        elif _label_over_title(chunks, i):
            chunk.kind = "headline"  # a kicker ending in a colon: 聚焦亚运： | “小青荷”志愿者上岗
        elif _is_furniture(chunks, i) or (
            # an advertisement's text under its label: 公益广告 | 讲文明 树新风 | …文明办 宣
            prev is not None
            and prev.kind == "furniture"
            and _AD_LABEL.fullmatch(prev.text) is not None
            and not _ANY_PUNCT.search(chunk.text)
        ):
            chunk.kind = "furniture"
        elif (
            prev is not None
            and prev is last_body
            and len(chunk.lines) >= 2
            and chunk.lines[0].text.endswith(_COLONS)  # (cheap first)
            and _ANNOUNCES_LIST.search(chunk.lines[0].text)
        ):
            chunk.kind = "body"  # a list under the line announcing it: 新增采样点具体如下：
        elif (
            len(chunk.lines) >= 3
            and chunk.lines[-1].raw.count(" ") >= 2  # (cheap first)
            and _row_tail_ends(chunk.lines, False)
        ):
            # a table's rows under the line announcing them (…具体安排如下： | 日期 时间 停水区域
            # | 12月6日 22:00—24:00 新华北路沿线 | …): text, no headline
            chunk.kind = "body"
        elif _lone_name(chunk) and chunk.blank_before and chunk.blank_after:
            chunk.kind = "name"
        elif _question_over_byline(chunks, i) and (
            prev is not last_body or (prev is not None and _ends_paragraph(prev))
        ):
            chunk.kind = "headline"  # 今年城市添绿有哪些新变化？ | ■记者 李雨婷
        elif (
            prev is not None
            and prev is last_body
            and _question_wider_than_column(chunks, i, body_column)
            and _ends_paragraph(prev)
        ):
            chunk.kind = "headline"  # (…停止侵害。 | | 邻居在门口装摄像头对着我家，合法吗？)
        elif (
            prev is not None
            and prev.kind == "headline"
            and not chunk.blank_before
            and len(chunk.lines) == 1
            and chunk.text.endswith(("？", "?"))
            and len(chunk.text) <= 24
            and _ANY_PUNCT.search(chunk.text[:-1]) is None
        ):
            # a question right under a label, a line of its own: the title (读者来信 | 小区健身
            # 器材坏了谁来修？)
            chunk.kind = "headline"
        elif (
            prev is not None
            and prev.kind == "byline"
            and len(chunk.lines) == 1
            and chunk.blank_before
            and chunk.text.endswith(("！", "？", "……", "!", "?"))
            and len(chunk.text) <= 14
            and "。" not in chunk.text
            and chunk.text.count("，") <= 1
            and _PHOTO_CREDIT.search(prev.text) is not None
        ):
            # a caption's title under its photo credit, a cry or a question of its own line
            # (■摄影 陆 斌 徐佳丽 | | 平湖，加油！): no paragraph stands alone so
            chunk.kind = "headline"
        elif not _headline_shaped(chunk, commas=True, max_lines=6):
            # (a shortcut for most body chunks: every rule below that makes a headline asks
            # for this shape or a stricter one; the others make a body)
            chunk.kind = "body"
        elif _stanza_of_poem(chunks, i):
            chunk.kind, chunk.verse = "body", True
        elif _subhead(chunks, i, body_column):
            _paragraph_of_its_own(chunk)
        elif (
            len(chunk.lines) == 1
            and chunk.blank_before
            and chunk.blank_after
            and len(chunk.text) <= 24
            and _DOCUMENT_END.search(chunk.text) is not None
            and _headline_shaped(chunk)
        ):
            # a notice's title a line of its own over its text (“邻里一家亲”邻里节活动预告 | |
            # 为增进邻里感情，…): no paragraph opens on what it announces and breaks there
            chunk.kind = "headline"
        elif _headline_shaped(chunk) and not _paragraph_start_before_break(
            chunks, i, body_column, flush
        ):
            chunk.kind = "headline"
        elif _runs_into_tail(chunks, i):
            chunk.kind = "body"
        elif _stands_alone(chunks, i, body_column):
            chunk.kind = "headline"
        # (from here on the chunk is headline-shaped, commas allowed, in up to six lines)
        elif _ANY_PUNCT.search(chunk.text) and _paragraph_start_before_break(
            chunks, i, body_column, flush
        ):
            # a paragraph's opening lines, punctuated as text (“家门口”的养老服务有哪些 | 新变
            # 化？老年人如何享受助餐、助 || 医等服务？…), cut by a column break
            chunk.kind = "body"
        elif _wider_than_column(chunks, i, body_column) or _byline_attached_below(chunks, i):
            chunk.kind = "headline"
        elif (
            len(chunk.lines) <= 3
            and prev is not None
            and prev.kind == "headline"
            and (
                # printed right under a headline line, or between a headline and bylines or a
                # dateline: a subtitle, not a body
                not chunk.blank_before
                or i + 1 == len(chunks)
                or chunks[i + 1].kind == "byline"
                or DATELINE_START.match(chunks[i + 1].lines[0].text)
                or _headline_shaped(chunks[i + 1])
            )
        ):
            chunk.kind = "headline"
        elif (
            2 <= len(chunk.lines) <= 3
            and chunk.blank_before
            and body_column > 0
            and prev is not None
            and prev is last_body
            and _ends_paragraph(prev)
            and not _ANY_PUNCT.search(chunk.lines[0].text)
            and chunk.lines[0].content_width <= body_column - 3.5
        ):
            # under a finished paragraph, a first line well short of the column with no mark
            # opens no running text (a paragraph's first line fills the column, or ends it with
            # a mark): a title over its subtitle of figures and commas (上半年我市招商引资实现
            # “双过半” | 新签约亿元以上项目27个，总投资186.5亿元)
            chunk.kind = "headline"
        else:
            chunk.kind = "body"
        if chunk.kind == "body":
            last_body = chunk
            if len(chunk.lines) >= 3:
                body_column = _sorted_median(chunk.inner_widths)
            elif len(chunk.lines) == 2 and abs(chunk.width - body_column) > 3:
                # a story set in another column begins (its opening lines cut by a column
                # break): the column read from the story before no longer holds
                body_column = chunk.width
        prev = chunk


_LEADING_RUN: Final = re.compile(r"[0-9A-Za-z.%]+")


def _reach(line: Line, below: Line, column: float) -> float:
    """How wide ``line`` may be set: a number or Latin word opening the line below does not
    split, so a line that could not take it ends short by its width (市长充分肯定了全市上下在 |
    2020 年…), as if full; never wider than the ``column`` for that (a line already full, its
    closing quote hung past the margin, reaches no further: …“共享菜园” | 56处，…)."""
    run = _LEADING_RUN.match(below.text)
    if run is None or line.width >= column:
        return line.width
    return min(line.width + 0.5 * run.end(), column)


# how a notice or an appeal gives its contacts (the desks' own lines are page furniture)
_CONTACT_LINE: Final = re.compile(
    # (whose, perhaps: 清算组联系人：王先生，电话：…)
    rf"[{CJK}]{{0,5}}?(?:咨询|联系|报名|投诉|举报|监督|预约|服务)(?:电话|热线|人|地址|邮箱)\s*[:：]\s*\S.{{0,40}}"
    # (a tender's parties: 招标人：…, 招标代理机构：…)
    r"|(?:招标|采购|招标代理|采购代理|代理)(?:人|单位|机构)\s*[:：]\s*\S.{0,40}"
    # (or a service's own line and its number: 供电服务热线：95598, 公交服务热线：85012345)
    # (not the paper's desks: 广告热线：85012345 is furniture)
    rf"|(?!(?:本版|本报)?(?:{_DESK_LINES})?(?:热线|电话))[{CJK}]{{1,8}}(?:服务|客服)?(?:热线|电话)\s*[:：]\s*"
    r"\d[\d\s\-－]{2,20}"
    # (or who answers for it, by name, and perhaps how to reach them: 清算组负责人：沈卫平,
    # 清算组负责人：李国华 联系电话：13857391234)
    rf"|[{CJK}]{{0,6}}负责人\s*[:：]\s*[{CJK}]{{2,4}}(?:\s+\S.{{0,40}})?"
    # (and where to find it: 地址：桐乡市复兴南路52号; a number under whom to call: 电话：…)
    r"|地址\s*[:：]\s*\S.{0,40}"
    r"|电话\s*[:：]\s*\d[\d\s\-－]{4,20}"
)


def _notice_close_only(lines: list[Line]) -> bool:
    """The lines are a notice's close and nothing else: contact lines perhaps, the body signing
    it and the date (联系电话：0573-88067788 | 地址：… | 浙江桐诚拍卖有限公司 | 2024年5月21日)."""
    if len(lines) < 2 or _DATE_LINE.fullmatch(lines[-1].text) is None:
        return False
    k = len(lines) - 2
    signers = 0
    while k >= 0 and signers < 2 and _signer_line(lines[k].text):
        k, signers = k - 1, signers + 1
    # (or two contact lines or more right over the date: …联系人：李 工 电话：… | 2024年5月21日)
    return (bool(signers) or k >= 1) and all(
        _CONTACT_LINE.fullmatch(line.text) is not None for line in lines[: k + 1]
    )


_AUTHOR_NOTE: Final = re.compile(r"[（(]\s*作者(?:系|为|是|单位|简介)[^（）()]{2,60}[)）]")


_CONTACT_FIRST: Final = frozenset("咨联报投举监预服招采代")
# the label of a line of facts: 门诊时间：, 活动地点：, 报名方式：
_INFO_LABEL: Final = re.compile(
    rf"\s*[{CJK}]{{0,4}}(?:时间|地点|地址|日期|方式|对象|费用|电话|内容)\s*[:：]"
)


def _contact_lines(chunk: Chunk) -> bool:
    """Up to three lines, each giving a contact: 咨询电话：85123456, 联系人：陈先生."""
    return (
        len(chunk.lines) <= 4
        # (cheap first: how a contact line opens, or a service's line of its own, 供电服务热线)
        and (chunk.lines[0].text[0] in _CONTACT_FIRST or "线" in chunk.text or "话" in chunk.text)
        and len(texts := _unwrapped_contacts(chunk)) <= 3
        and all(_CONTACT_LINE.fullmatch(text) for text in texts)
    )


def _ends_in_address(chunk: Chunk) -> bool:
    """A line or two of text closed by a web address on a line of its own: a sentence pointing
    to it (报名详情请参考官方网站 | www.…). No headline ends in an address."""
    return 2 <= len(chunk.lines) <= 3 and _web_address(chunk.lines[-1].text)


# a fact box's line: a short field name, a colon, its value (姓名：张建华, 社区工龄：20年)
_FIELD_LINE: Final = re.compile(rf"[{CJK}]{{2,6}}[：:][^：:]{{1,40}}")
# a field's longer label, figures in it perhaps: 2022年村集体经济总收入：, 茶产业全产业链产值：
# (its last two characters words: no time's colon, 11月26日15:00)
_LONG_FIELD_LABEL: Final = re.compile(rf"[0-9{CJK}]{{0,12}}[{CJK}]{{2}}：")
# a list's group, counted, before its entries: 当湖街道（4户）：, 助人为乐类（2名）：
_COUNTED_GROUP: Final = re.compile(
    rf"[{CJK}]{{2,10}}[（(]\s*\d{{1,4}}\s*[户人名个家项位]\s*[)）]\s*[：:]"
)


# a diary entry's heading: its date and the day's weather (2月10日 晴, 3月2日 星期一 多云转晴)
_WEATHER: Final = "(?:晴|阴|多云|小雨|中雨|大雨|暴雨|阵雨|雷阵雨|雨|小雪|大雪|雪|雾)"
_DIARY_DATE: Final = re.compile(
    rf"\d{{1,2}}月\d{{1,2}}日\s*(?:星期[一二三四五六日天]\s*)?{_WEATHER}(?:转{_WEATHER})?"
)


def _fact_box(lines: list[Line]) -> bool:
    """Three lines or more, each a field and its value, none printed twice: a fact box's text
    (姓名：张建华 | 职务：… | 荣誉：…), a directory (市中医院：85032120 | …) or a table's rows.
    Two such lines may be a headline (德外长：… | 乌外长：…). So may lines each opening with
    the same item marker (◆挽回经济损失2100余万元 | ◆劝阻…3.6万余人次 | ◆…): a box's items."""
    if len(lines) < 3:
        return False
    first = lines[0].text
    if first[:1] in _ITEM_MARKERS and all(
        (x.text[:1] == first[0] or (k and _wraps_row(lines, k - 1))) and not x.doubled
        for k, x in enumerate(lines)
    ):
        return True  # (a row may wrap: ◆2021年获评浙江省专精特新中 | 小企业)
    if "：" in first or ":" in first or first[:1] in _ITEM_MARKERS:  # (cheap first)
        if all(_FIELD_LINE.fullmatch(x.text) and not x.doubled for x in lines):
            return True
        # (a field's value may wrap onto a line of its own: 荣誉：宁波朱金漆木雕市级代表性传 |
        # 承人、浙江省工艺美术大师)
        # (or, among the fields, the names they describe after a marker and short notes:
        # ●水韵平湖——金国平中国画作品展 | 展览时间：… | 展览地点：… | 免费开放（周一闭馆）)
        fields = [_FIELD_LINE.fullmatch(x.text) is not None for x in lines]
        if (
            (fields[0] or first[:1] in _ITEM_MARKERS)
            and sum(fields) >= (3 if len(lines) < 4 else 2)
            and 5 * sum(fields) >= 2 * len(lines)
            and not any(x.doubled for x in lines)
            and all(
                field
                or (k and _wraps_field(lines, k - 1))
                or lines[k].text[:1] in _ITEM_MARKERS
                # (a field with a longer label: 2022年村集体经济总收入：236 | 万元)
                or (k and _LONG_FIELD_LABEL.match(lines[k].text) is not None)
                or (len(lines[k].text) <= 12 and not lines[k].text.endswith(("。", "，", "、")))
                for k, field in enumerate(fields)
            )
        ):
            return True
        # (or a directory: who and a number, 市第一人民医院：85021120)
        if all(_NUMBER_ROW.fullmatch(x.text) for x in lines):
            return True
    return (" " in first and _table_rows(lines)) or _figure_rows(lines)


def _wraps_row(lines: list[Line], k: int) -> bool:
    """``lines[k + 1]`` is the wrapped end of the row on ``lines[k]`` in a box whose rows open
    with a marker (◆2021年获评浙江省专精特新中 | 小企业): no marker, and shorter."""
    mark = lines[0].text[:1]
    line = lines[k + 1].text
    return (
        mark in _ITEM_MARKERS
        and line[:1] != mark
        and lines[k].text[:1] == mark
        and lines[k].width > lines[k + 1].width
        and not lines[k].text.endswith(("。", "；"))
    )


def _wraps_field(lines: list[Line], k: int) -> bool:
    """``lines[k + 1]`` is the wrapped end of the field and value on ``lines[k]``, a line of no
    field of its own and shorter (荣誉：宁波朱金漆木雕市级代表性传 | 承人、浙江省工艺美术大师)."""
    above, line = lines[k].text, lines[k + 1].text
    return (
        # (a longer label too: 茶产业全产业链产值： | 150亿元)
        (_FIELD_LINE.fullmatch(above) is not None or _LONG_FIELD_LABEL.match(above) is not None)
        and lines[k].width > lines[k + 1].width
        # (the field's line fills the box's column: a wrap, not a short note under it)
        and lines[k].width >= max(x.width for x in lines) - 2
        and "：" not in line
        and ":" not in line
        and not above.endswith(("。", "；"))
        and _FIELD_LINE.fullmatch(line) is None
    )


_SENTENCE_MARK: Final = re.compile("[，。；！？]")  # (no row of a table holds one)


def _table_rows(lines: list[Line], pairs: bool = False) -> bool:
    """Three lines or more, each three cells or more parted by spaces and no sentence: a
    table's rows (心血管内科 王立新 主任医师 周一上午), each a paragraph. With ``pairs``, inside
    a body, a label and its figure will do too (青菜 2.50元/斤, 男子甲组100米 张宇航（当湖街道）
    11秒02); over a page header's lines they would (经济 5 | 2023年7月27日 星期四)."""
    # (a note of the figures' source may close them: （数据来源：市统计局）)
    if len(lines) >= 4 and _SOURCE_NOTE.fullmatch(lines[-1].text):
        lines = lines[:-1]
    return len(lines) >= 3 and all(
        _table_row(line, pairs) or (pairs and _unit_spaced_row(line)) for line in lines
    )


# (or who supplied them: （平湖农产品批发市场供稿）)
_SOURCE_NOTE: Final = re.compile(
    r"[（(](?:(?:数据|资料)?来源\s*[:：][^（）()]{2,24}|[^（）()]{2,24}(?:供稿|提供))[)）]"
    # (or with no brackets: 数据来源：平湖市农产品批发市场)
    r"|(?:数据|资料)来源\s*[:：][^（）()，。]{2,24}"
)


def _table_row(line: Line, pairs: bool) -> bool:
    text = line.text
    if _SENTENCE_MARK.search(text):
        return False
    # (the space before a figure is printed, though normalising drops it: the printed cells)
    cells = (line.raw if pairs else text).split()
    if pairs and any(
        a[-1].isdigit()
        and _CJK_CHAR.match(b)
        and (_PLAIN_FIGURE.fullmatch(a) is not None or b[0] in _UNIT_CHARS)
        for a, b in itertools.pairwise(cells)
    ):
        # a number parted from its unit by justification: 1 月 | 29 日电 (not a time or a code
        # before a name: G7385  07:08  杭州东)
        return False
    if len(cells) >= 3:
        # (a telephone number with its area code may run longer: 0575-88061235)
        return all(
            len(cell) <= (12 if pairs else 8) or _PHONE_CELL.fullmatch(cell) is not None
            for cell in cells
        )
    return (
        pairs
        and len(cells) == 2
        and len(cells[0]) <= 12
        and len(cells[1]) <= 16
        and _DIGIT.search(text) is not None
    )


# a price list's row: a name, perhaps letter-spaced, a space, a figure and its unit (西红柿
# 4.00元/斤, 黄 瓜 3.80元/斤)
_NAME_FIGURE_ROW: Final = re.compile(
    rf"\s*[{CJK}](?: ?[{CJK}]){{1,7}} +\d[\d.]*[^\s。，；！？]{{0,6}}\s*"
)


_PHONE_CELL: Final = re.compile(r"\d{3,4}-\d{7,8}")
_PLAIN_FIGURE: Final = re.compile(r"[\d.,]+")
# what a number's unit or a date's part opens with, parted from its figure by justification
_UNIT_CHARS: Final = "年月日时分秒号万亿千百个名人元次岁余多家户辆件项条座处只头亩米吨斤度届期周"

# a table's heads of two cells: 品种 价格（元/斤）, 品名 价格
_HEADS_PAIR: Final = re.compile(r"\s*[^\s\d，。；！？]{2,8} +[^\s\d，。；！？]{2,10}\s*")
# a table's row of two cells, a name and its figure: 咸鸭蛋（6枚装） 13.50, 鲜肉粽 19.80元
_NAME_AND_FIGURE: Final = re.compile(
    r"\s*[^\s\d，。；！？][^\s，。；！？]{0,11} +\d[\d.,]*[^\s\d，。]{0,4}\s*"
)


def _cells_row(line: Line) -> bool:
    """A table's row as printed, three cells or more a space apart, figures or not (its heads
    too: 项目 姓名 单位 成绩)."""
    return line.raw.count(" ") >= 2 and _table_row(line, pairs=True)


def _printed_row(line: Line) -> bool:
    """A table's row inside a body: three cells or more as printed, a figure among them (4日
    多云 13～24℃, 第一名 南湖区 486分)."""
    return (
        line.raw.count(" ") >= 2
        and _DIGIT.search(line.text) is not None
        and _row_cells(line.raw.split(), line.text)
    )


def _row_cells(cells: list[str], text: str) -> bool:
    """Three cells or more, short, no sentence among them, no number parted from its unit by
    justification (2024 年 | 3 月): :func:`_table_row`'s test of three cells with ``pairs``,
    save that a cell ending in a figure that is no whole number may stand before words (a time
    and a place: 9:00—16:00 东湖大道)."""
    return (
        len(cells) >= 3
        and all(len(cell) <= 12 or _PHONE_CELL.fullmatch(cell) is not None for cell in cells)
        and _SENTENCE_MARK.search(text) is None
        and not any(
            a.isdigit()
            and _CJK_CHAR.match(b) is not None
            # (a rank opening the row before a name: 1 温岭石塘村队 8胜0负)
            and not (k == 0 and len(a) <= 2 and _RANKED_NAME.fullmatch(b) is not None)
            for k, (a, b) in enumerate(itertools.pairwise(cells))
        )
    )


# a name after a rank: three characters or more, not opening with a unit or a date's part
_RANKED_NAME: Final = re.compile(
    rf"(?![年月日时分秒号万亿千百个名人元场次岁余多家户辆件项条座处只头亩米吨斤度届期周])[{CJK}]{{3,12}}"
)


def _row_tail_ends(lines: list[Line], rows_above: bool) -> frozenset[int]:
    """Where paragraphs end when a table's rows close the chunk (…预报如下： | 4日 多云 13～24℃,
    perhaps under a header row: 名次 代表队 总分): each row, and the line announcing them, end
    one; with ``rows_above`` (rows closed the chunk above) they may open it too. Empty when the
    chunk ends in no row."""
    if not _printed_row(lines[-1]):
        return _NO_ITEMS
    first = len(lines) - 1
    while first and _printed_row(lines[first - 1]):
        first -= 1
    # (a header row with no figure over them)
    if first and _row_cells(lines[first - 1].raw.split(), lines[first - 1].text):
        first -= 1
    if first == 0:
        return frozenset(range(len(lines))) if rows_above else _NO_ITEMS
    if not lines[first - 1].text.endswith(_COLONS):
        return _NO_ITEMS
    return frozenset(range(first - 1, len(lines)))


# a table's caption: its unit in brackets at the end, or what it lists (…零售均价（单位：元/斤）,
# 2023年各镇街道粮食生产情况表)
_TABLE_CAPTION: Final = re.compile(
    r"^[^，。；！？]{2,30}(?:[（(]单位\s*[:：][^（）()]{1,12}[)）]|一览表|情况表|统计表|明细表)$"
)


def _figure_rows(lines: list[Line]) -> bool:
    """Three rows or more of cells parted by spaces as printed, each row holding a figure (大白菜
    1.60 -0.20, 第1名 张 浩 23分41秒), perhaps under a header row (品名 均价（元/公斤） 涨跌) and
    with a group's label between them (男子组): a list of prices or results, a row a paragraph.
    (Normalising drops the space between a name and its figure, so the cells are read from
    the printed line.)"""
    if len(lines) < 3 or not lines[0].raw.strip():
        return False
    if len(lines) >= 4 and lines[-1].text[-1:] in "）)" and lines[-1].text[:1] in "（(":
        # (who supplied the figures, under them: （…市场供稿）; or a note on them: （如有变动，
        # 以主办方通知为准）)
        lines = lines[:-1]
    rows = 0
    for k, line in enumerate(lines):
        if _SENTENCE_MARK.search(line.raw) is not None:  # (cheap first: most chunks are prose)
            return False
        cells = line.raw.split()
        if len(cells) == 1 and len(cells[0]) <= 6 and not _DIGIT.search(cells[0]):
            continue  # a group's label (男子组)
        if len(cells) < 3 or any(len(cell) > 10 for cell in cells):
            return False
        if _DIGIT.search(line.raw):
            rows += 1
        elif k:  # (only the first row may be a header with no figure)
            return False
    return rows >= 3


_NUMBER_ROW: Final = re.compile(r"[^，。；！？：:\d]{2,12}[：:]\s*\d[\d\s\-－()（）转]{2,20}")


_WEB_ADDRESS: Final = re.compile(r"(?:https?://|www\.)[\x21-\x7e]+")


def _web_address(text: str) -> bool:
    """``text`` is a web address and nothing else (www.example.cn/2008, https://…)."""
    return text[:1] in "hw" and _WEB_ADDRESS.fullmatch(text) is not None


def _notice_title(chunk: Chunk) -> bool:
    """One line naming a notice (遗失声明) with blank lines around it: no sentence runs on into
    it, even one ending on a telephone number with no full stop. (A short one may stand right
    over its text, a blank line above it: 遗失声明 | 平湖市…遗失…，声明作废。)"""
    if len(chunk.lines) > 2 or not (chunk.blank_after or chunk.blank_before):
        return False
    text = chunk.text.replace(" ", "")
    if not chunk.blank_after and (len(chunk.lines) > 1 or len(text) > 6):
        return False
    # (or a tender's or a post's notice named in full, on a line or over two: 第七届平湖市道德
    # 模范候选人公示, 平湖市钟埭街道2023年农村道路 | 提升改造工程招标公告)
    if len(chunk.lines) == 1 and _NOTICE_TITLE.fullmatch(text) is not None:
        return True
    return len(text) <= 40 and _LONG_NOTICE_TITLE.fullmatch(text) is not None


_LONG_NOTICE_TITLE: Final = re.compile(
    # (a company's notice to its creditors too: …有限公司减资公告, …注销公告)
    rf"[{CJK}0-9“”（）()]{{6,36}}(?:招标公告|中标公告|招聘公告|采购公告|减资公告|注销公告|合并公告"
    # (and a utility's or an auction's: 国网…供电公司停电检修公告, …国有建设用地使用权挂牌出让公告)
    r"|清算公告|停电公告|检修公告|停水公告|停气公告|拍卖公告|出让公告|施工公告|征收公告"
    # (and a school's or a club's call for pupils: 绍兴市少年宫2022年秋季班招生公告)
    r"|招生公告|招生简章|招募公告"
    r"|公示|通告|启事)"
)


def _verse(lines: list[Line]) -> bool:
    """Lines of verse, each set as a line of its own: short, and half the lines inside well
    short of the widest, one of them ending in a comma (一圈，一圈， under 春雨落在东湖上，);
    wrapped lines fill the column, but for a cell a mark pushed down may leave."""
    if len(lines) < 4:
        return False
    # (hanging marks left out; the first line may have lost a paragraph's indent)
    widest = max(line.content_width for line in lines)
    inner = lines[1:-1]
    # (short, and not for digits or Latin letters set half as wide)
    short = [
        line
        for line in inner
        if line.content_width <= widest - 1.5 and not any(c.isascii() for c in line.text)
    ]
    # (or all of them narrower than any column text is set in, a line ending in a comma:
    # 风从北边来， | 捎来一封信， | 信封是一片 | 微黄的银杏叶。)
    return (
        (
            widest <= 10
            and 2 * len(short) >= len(inner)
            # (a mark inside a sentence: a paragraph's last line ends it)
            and any(line.text[-1:] in "，、；" for line in short)
        )
        or (widest <= 8 and any(line.text[-1:] in "，、；" for line in lines[:-1]))
    )


def _bare_stanza(lines: list[Line], ragged: float = 2) -> bool:
    """Verse with no marks at all, set line by line (今夜的月亮 | 是故乡寄来的信 | 圆圆的邮戳 |
    盖在老屋的瓦檐上): three lines or more, none over ten cells, ragged (wrapped text fills its
    column evenly), no punctuation but a mark closing the last line, no digits or Latin
    letters."""
    if len(lines) < 3:
        return False
    widths = [line.content_width for line in lines]
    text = "".join([line.text for line in lines])
    if text[-1] in "。！？…":
        text = text.rstrip("。！？…")  # (a stanza may close as a sentence: …一年的好日子。)
    return (
        max(widths) <= 10
        and max(widths) - min(widths) >= ragged
        and _ANY_PUNCT.search(text) is None
        and _DIGIT_OR_LATIN.search(text) is None
    )


def _stanza_of_poem(chunks: list[Chunk], i: int) -> bool:
    """Chunk ``i`` is part of one of two stanzas or more of verse with no marks
    (:func:`_bare_stanza`; a stanza's lines may fall into two chunks with no blank line
    between), with the poem's title and its author's signature right under them or right over
    them (… | 装满了团圆的味道 | | 中秋月 | □ 徐 芸), as a literary page sets a poem: its text,
    not a stack of headlines."""
    if chunks[i].width > 11:  # (cheap first; a closing mark may hang past ten cells)
        return False

    def stanza_at(k: int, ragged: float = 2) -> tuple[int, int] | None:
        # the chunks of the stanza chunk k is part of (no blank line between them), if bare
        first = last = k
        while first > 0 and not chunks[first].blank_before:
            first -= 1
        while last + 1 < len(chunks) and not chunks[last].blank_after:
            last += 1
        group = chunks[first : last + 1]
        if any(c.kind == "byline" for c in group) or not _bare_stanza(
            [line for c in group for line in c.lines], ragged
        ):
            return None
        if (
            first == last
            and len(group[0].lines) == 1
            and last + 1 < len(chunks)
            and chunks[last + 1].width > 11
            and "。" in chunks[last + 1].text
        ):
            return None  # (a line over prose is its title, no stanza: 父亲的鼓点 | | 父亲年轻时…)
        return first, last

    def titled(title: int, signature: int) -> bool:
        return (
            0 <= min(title, signature)
            and max(title, signature) < len(chunks)
            and len(chunks[title].lines) == 1
            and chunks[title].kind != "byline"
            and chunks[signature].kind == "byline"
            and not chunks[title].blank_after
        )

    here = stanza_at(i)
    if here is None:
        # (the first stanza, right under the title and the signature, may be set evenly:
        # 东沙渔火 | □ 林 帆 | | 天黑下来的时候 | 东沙的海面上 | 一盏一盏的灯 | 被渔船点亮了)
        here = stanza_at(i, 0)
        if (
            here is None
            or not titled(here[0] - 2, here[0] - 1)
            or here[1] + 1 >= len(chunks)
            or stanza_at(here[1] + 1) is None
        ):
            return False
    (start, end), stanzas = here, 1
    while start > 0 and (above := stanza_at(start - 1)) is not None:
        start, stanzas = above[0], stanzas + 1
    if start > 0 and (above := stanza_at(start - 1, 0)) is not None:
        if titled(above[0] - 2, above[0] - 1):
            start, stanzas = above[0], stanzas + 1
    while end + 1 < len(chunks) and (below := stanza_at(end + 1)) is not None:
        end, stanzas = below[1], stanzas + 1
    if stanzas < 2:
        return False
    return titled(end + 1, end + 2) or titled(start - 2, start - 1)


def _ends_paragraph(chunk: Chunk) -> bool:
    last = chunk.lines[-1]
    # (measured against the chunk's widest line, read only when the line ends no sentence)
    return (
        last.final
        or is_paragraph_end(last, chunk.width)
        or _ends_in_credit(chunk.text)
        # (an address closing a sentence needs no full stop: …官方网站 | www.…)
        or _web_address(last.text)
        # (nor the source closing a brief: …万余间。据新 | 华社)
        or (last.text.endswith(_SOURCE_ENDS) and _SOURCE_TAIL.search(chunk.text) is not None)
        or _ends_in_marked_credit(last.text)
        # (nor a closing credit's last names, cut off by a column break: …（记者 朱 琳 通讯员 ||
        # 甬轨宣）)
        or (len(chunk.lines) == 1 and _CREDIT_REMAINDER.fullmatch(last.text) is not None)
        # (nor a directory's rows: 市中医院：85032120 | 心理援助热线：96525)
        or (last.text[-1:].isdigit() and _fact_box(chunk.lines))
        # (nor a telephone number given whole: 咨询电话：0575-88123456)
        or (last.text[-1:].isdigit() and _WHOLE_NUMBER_END.search(last.text) is not None)
        # (nor a list of names under its label: …名单：周桂 | 芳 沈国良 … | 伟明 张 红 褚永康 姚利民)
        or _ends_names_list(chunk)
        # (nor a box's last row: ◆平湖市“慈善之星”单位, 2023年 年销售额突破12亿元)
        or (
            len(chunk.lines) >= 3
            and (
                chunk.lines[0].text[:1] in _ITEM_MARKERS
                or _TIMELINE_ROW.match(chunk.lines[0].raw) is not None
            )
            and not last.text.endswith(_RUNS_ON)
            and (_fact_box(chunk.lines) or bool(_timetable_ends(chunk.lines, chunk.width)))
        )
        # (nor a fact box's last field: 荣誉：宁波朱金漆木雕市级代表性传 | 承人、浙江省工艺美术大师)
        or (
            "：" in chunk.lines[0].text[:7]
            and len(chunk.lines) >= 3
            and not last.text.endswith(_RUNS_ON)
            and _fact_box(chunk.lines)
        )
        # (nor rows of a list each opening indented with its label: 男子团体：长安镇、… |
        # 女子单打：李 敏（硖石街道）、… | （马桥街道）、顾佳怡（斜桥镇）)
        or ("：" in chunk.lines[0].text and _labelled_rows(chunk.lines))
        # (nor who to call, in brackets on a line of its own under the number: 联系电话：
        # 13962912345 | （张先生）)
        or (last.text[-1:] in "）)" and _CONTACT_PERSON.fullmatch(last.text) is not None)
    )


# names a space apart, some letter-spaced: 伟明 张 红 褚永康 姚利民
_NAME_RUN: Final = re.compile(rf"[{CJK}]{{1,3}}(?: +[{CJK}]{{1,3}}){{2,}}")


def _ends_names_list(chunk: Chunk) -> bool:
    """The chunk ends a list of names under its label (…名单：周桂 | 芳 沈国良 … | 伟明 张 红 褚永康
    姚利民): its last line names a space apart, no sentence to run on."""
    raw = chunk.lines[-1].raw
    return " " in raw and "名单" in chunk.text and _NAME_RUN.fullmatch(raw.strip()) is not None


def _unbracketed_source(text: str) -> bool:
    """The source of a table's figures with no brackets, a line of its own: 数据来源：…."""
    return text[:2] in ("数据", "资料") and _SOURCE_NOTE.fullmatch(text) is not None


_CONTACT_PERSON: Final = re.compile(rf"[（(][{CJK}]{{1,3}}(?:先生|女士|小姐|老师|同志|经理)[)）]")


# names closing a bracket opened on a line before: a credit's remainder (甬轨宣）, 李 敏）)
_CREDIT_REMAINDER: Final = re.compile(rf"[{CJK} ]{{2,8}}[）)]")


def _labelled_rows(lines: list[Line]) -> bool:
    """Two or more rows, each opening indented with a label and a colon (展览时间：…, 男子单打：
    …), a row perhaps wrapped onto a line of its own: a list, whose last row ends it."""
    rows = [line for line in lines if line.indented]
    return (
        len(rows) >= 2
        and lines[0].indented
        and all(_FIELD_LINE.match(line.text) is not None for line in rows)
    )


def _ends_in_marked_credit(text: str) -> bool:
    """The line closes its text with a credit after a sentence end, led by a marker (…采摘杨梅。
    ■摄影 陆 晨): the paragraph ends."""
    if text[-1:] in _USUAL_ENDS:  # (most lines)
        return False
    m, bracketed = _tail_credit(text)
    return m is not None and not bracketed and m.group(1)[:1] in MARKERS and len(m.group(1)) <= 31


_SOURCE_TAIL: Final = re.compile(rf"[。！？”]\s*{_SOURCE_CREDIT.pattern}$")
_SOURCE_ENDS: Final = ("社", "报", "网", "闻")


def _ends_in_credit(text: str) -> bool:
    """…确保粮食生产稳定。（记者 张三 通讯员 李四）: a story signed at its end is finished."""
    return text.endswith(("）", ")")) and _tail_credit(text)[1]


def _next_column(nxt: Chunk, body_column: float) -> float:
    """The column of a chunk from its inner lines (its first may be indented, its last short),
    else the body column read before it."""
    return _sorted_median(nxt.inner_widths) if len(nxt.lines) >= 3 else body_column


def _opens_paragraph(chunk: Chunk, column: float) -> bool:
    """The chunk's first line lost the 2-character indent of a paragraph's first line."""
    return len(chunk.lines) > 1 and chunk.lines[0].content_width <= column - 1.75


def _stands_alone(chunks: list[Chunk], i: int, body_column: float) -> bool:
    """A few lines with no sentence end after a finished paragraph that run on into nothing:
    the page ends, a dateline opens the next article, or the next chunk opens a paragraph of
    its own (老师，你的住房现在好吗). They are no body text but a headline."""
    chunk = chunks[i]
    if i == 0 or len(chunk.lines) > 3 or not _headline_shaped(chunk, commas=True, max_lines=3):
        return False
    prev = chunks[i - 1]
    if prev.kind == "body" and not _ends_paragraph(prev):
        return False
    if i + 1 == len(chunks):
        return True
    nxt = chunks[i + 1]
    if nxt.kind == "byline":
        return False
    if not chunk.lines[-1].final and _photo_credit_below(chunks, i + 1):
        # over a photo caption and its credit, which nothing runs on into (天冷了，谨防一氧化碳
        # 中毒 | | 初冬时节，东湖景区内… | ■摄影 陆 峰)
        return True
    if _opens_with_dateline(nxt, chunks[i + 2] if i + 2 < len(chunks) else None):
        # (not a paragraph's opening cut by a column break, a block set in between: 今年以来，
        # 我市大力推进企 | 本报讯 … | 业数字化改造…; a headline opens with no time and comma)
        return not _CLAUSE_OPENING.match(chunk.text)
    if (
        len(chunk.lines) == 1
        and not chunk.lines[0].final
        and body_column
        and chunk.width < body_column - 3
        and _headline_shaped(nxt)
    ):
        # a title with a comma over another headline's line, clearly short of the column (高温
        # 下，为户外劳动者送清凉 | | 全市建成爱心驿站326家 | ■记者 …): no paragraph ends so
        return True
    if len(chunk.lines) > 2 or len(nxt.lines) < 3:
        return False
    column = _next_column(nxt, body_column)
    # clearly narrower than an indented first line, in this column and the one before
    narrowest = min(c for c in (column, body_column) if c) if column else 0.0
    return chunk.width < narrowest - 3 and _opens_paragraph(nxt, column)


# two phrases of four characters or more, a space between them
_PHRASES_APART: Final = re.compile(r"[^\s]{4,} [^\s]{4,}")


def _paragraph_start_before_break(
    chunks: list[Chunk], i: int, body_column: float, flush: Callable[[], bool] = lambda: False
) -> bool:
    """A headline-shaped chunk that is really the opening line(s) of a paragraph cut by a
    column break: its first line lost the 2-character indent (or fills the column too, on a
    page that sets paragraphs ``flush``), the others fill the column, and body text follows.
    The column comes from the next chunk, else from the body before."""
    chunk = chunks[i]
    if i + 1 >= len(chunks):
        return False
    if len(chunk.lines) <= 2 and not chunk.punct and _PHRASES_APART.fullmatch(chunk.lines[0].text):
        # two phrases a space apart and no mark (以“拼”的精神抓项目 奋力跑出高质量发展加速度): a
        # title set on one line; running text sets no space between its words (nor runs two
        # lines with no mark: 机器轰鸣满负荷 赶制订单抢进度 | 开发区224家规上工业企业全面复工)
        return False
    nxt = chunks[i + 1]
    if nxt.kind == "byline" or not nxt.blank_before or DATELINE_START.match(nxt.lines[0].text):
        return False
    if len(chunk.lines) == 1 and chunk.blank_before and _notice_title(chunk):
        return False  # a notice's title names itself (国网…供电公司停电检修公告): no text runs so
    if _headline_shaped(nxt) or _lone_name(nxt) or any(line.doubled for line in nxt.lines):
        return False
    if _byline_attached_below(chunks, i + 1) and _headline_shaped(nxt, commas=True, max_lines=6):
        return False  # the next chunk is a subtitle over a byline: this one is the title
    if _photo_credit_below(chunks, i + 1):
        return False  # the next chunk is a photo caption: nothing runs on into it
    if nxt.lines[0].text[:1] in _ITEM_NUMBER_FIRST and _item_number(nxt.lines[0].text) in (
        _FIRST_ITEMS
    ):
        return False  # (a list's first item opens the next chunk: no sentence runs on into it)
    if len(nxt.lines) >= 2 and all(_COLON_ITEM.fullmatch(line.text) for line in nxt.lines):
        return False  # a list of items under it (市中医院：85032120 | …): no running text
    column = _next_column(nxt, body_column)
    if len(nxt.lines) < 3 and len(chunk.lines) >= 2:
        # too few lines below to measure a column: the lines after this chunk's first and the
        # next chunk's first, all full, give it when they agree (a story in another column than
        # the one read before it)
        own = max(line.content_width for line in chunk.lines[1:])
        if abs(own - nxt.lines[0].content_width) <= 1:
            column = own
    if not column:
        return False
    if (
        len(chunk.lines) <= 2
        and not chunk.punct
        and _CJK_CHAR.fullmatch(chunk.text[-1]) is not None
        and chunk.lines[-1].content_width >= column - 1.75
        and _FRAGMENT_CLOSED.match(nxt.lines[0].text) is not None
        # (the text under it set in its column, not a wider one: another story's)
        and nxt.lines[0].content_width <= chunk.lines[-1].content_width + 2.5
    ):
        # the next chunk opens on the end of a word and a full stop, which no story or
        # paragraph opens with, and this line fills its column: it runs on into it (老旧小区
        # 改造是城市更新的重 || 头戏。今年…; not a title over a story resumed, …揭牌 || 很大。)
        return True
    if (
        len(chunk.lines) == 1
        and len(chunk.text) >= 8
        and chunk.text.endswith(("是", *_DANGLING))
        and chunk.lines[0].content_width >= column - 2.5
        and not chunk.punct
    ):
        # (a line of the column's width ending on a copula or a particle, which no title ends
        # on: a paragraph's first line, 平湖市宏达五金制品有限公司是 || 园区内较早复工的企业之一。)
        return True
    if nxt.lines[0].indented and not chunk.lines[0].indented and not chunk.punct:
        # the next chunk opens its paragraph with a printed indent: nothing runs on into it, and
        # a line with no mark ends no paragraph (稻谷飘香丰收在望 || 　9月12日，在海河镇…)
        return False
    if _opens_paragraph(nxt, column) and not (
        # (on a page that prints its indents, a line set so opens a paragraph and one set
        # flush under it runs on, however short: 　　“现在镇里的竹企直接到山 || 上收购，…)
        chunk.lines[0].indented and not nxt.lines[0].indented
    ):
        return False  # the next chunk opens a paragraph of its own: nothing runs on into it
    if nxt.lines[0].content_width > column + 2.5:
        return False  # the next chunk is set in another column: another story's text
    # (its first line then fills the column: lines holding digits measure short of it, by a
    # cell at most; dashes and brackets may set a line wider)
    column = max(column, min(nxt.lines[0].content_width, column + 1))
    # kinsoku can leave a line up to 1.5 short of the margin
    first, rest = chunk.lines[0], chunk.lines[1:]
    if (
        -1.75 <= first.content_width - (column - 2) <= 0.5
        and all(-1.75 <= line.width - column <= 0.5 for line in rest)
        # (a page that sets its paragraphs flush indents none: one line two cells short of the
        # column below, as wide as the column above, is no paragraph's opening but a title,
        # 学校食堂“阳光厨房”全覆盖 between a story ending in 13 cells and one in 15)
        and not (not rest and flush())
    ):
        return True
    if _CLAUSE_OPENING.match(nxt.lines[0].text) and not _ANY_PUNCT.search(chunk.text):
        # (a brief's opening, when and a comma, under a line as wide as the column: its title,
        # 江北新增12处“口袋公园” || 近日，江北区…; a paragraph's first line that lost its
        # indent may run on into one, 从日本投降的1945年到 || 1980年，为恢复…)
        return False
    # (a page whose paragraphs open flush: 市民可通过“浙里办”App或“桐乡疾控”微信公众 || 号提前
    # 预约，…)
    if (
        -1.75 <= first.content_width - column <= 0.5
        and all(-1.75 <= line.width - column <= 0.5 for line in rest)
        and flush()
        # (not one line with no mark that restates the finished story above it: its headline,
        # 市区新增12处公共自行车站点 under …市区新增12处公共自行车服务 | 站点，…)
        and not (not rest and not chunk.punct and _restates_story_above(chunks, i))
    ):
        return True
    # Lines dense in punctuation hold more characters (the marks are set narrow), so the next
    # chunk may measure wide: a single line that fits the column of the body before, the same
    # story's (within a cell or two), is its paragraph's first line too.
    return (
        not rest
        and len(nxt.lines) >= 3  # (its own column measured)
        and 0 < body_column < column
        and column - body_column <= 2
        and -1.75 <= first.content_width - (body_column - 2) <= 0.5
    )


# a word's last characters and a full stop or a semicolon, opening a line
_FRAGMENT_CLOSED: Final = re.compile(rf"[{CJK}]{{1,3}}[。；]")


def _restates_story_above(chunks: list[Chunk], i: int) -> bool:
    """Two thirds of chunk ``i``'s character bigrams (digits aside) are found in the body chunks
    right above it, and the last of them ends a sentence: a headline set after its story, in its
    words."""
    above: list[str] = []
    j = i - 1
    while j >= 0 and chunks[j].kind == "body":
        above.append(chunks[j].text)
        j -= 1
    if not above or not chunks[i - 1].lines[-1].final:
        return False
    # (a headline counts in its own words, not its figures)
    grams = _word_bigrams(chunks[i].text)
    story = "".join(reversed(above))
    return len(grams) >= 4 and sum(1 for gram in grams if gram in story) >= 2 * len(grams) / 3


def _photo_credit_below(chunks: list[Chunk], i: int) -> bool:
    """A photo credit is printed right under chunk ``i``: that chunk is a caption of its own."""
    if i + 1 >= len(chunks):
        return False
    below = chunks[i + 1]
    return (
        below.kind == "byline" and not below.blank_before and bool(_PHOTO_CREDIT.search(below.text))
    )


_CIRCLED_NUMBERS: Final = "①②③④⑤⑥⑦⑧⑨⑩"


# a group's numbered caption: 图①：…, ①…, 图1：…
_NUMBERED_CAPTION: Final = re.compile(rf"图?[{_CIRCLED_NUMBERS}]|图\d[：:]")


def _opens_photo_group(chunks: list[Chunk], i: int) -> bool:
    """A body chunk opening with a caption's space, over a blank line and the numbered captions
    of a group of photos (图①：… | | 图②：…), the last a blank line over the group's photo credit
    (or right over it): the group's caption opens here, even under a finished story."""
    if not chunks[i].lines[0].indented:
        return False
    j = i + 1
    while (
        j < len(chunks)
        and chunks[j].kind == "body"
        # (a blank line over each, or none: 图①：… | 图②：…, each opening with its space)
        and (
            chunks[j].blank_before
            or (chunks[j].lines[0].indented and chunks[j].lines[0].text[:1] == "图")
        )
        and _NUMBERED_CAPTION.match(chunks[j].lines[0].text) is not None
    ):
        j += 1
    return (
        j > i + 1
        and j < len(chunks)
        and chunks[j].kind == "byline"
        and _PHOTO_CREDIT.search(chunks[j].text) is not None
    )


def _photo_credit_alone_below(chunks: list[Chunk], i: int) -> bool:
    """A photo credit alone a blank line under chunk ``i``, a blank line or the page's end under
    it, and chunk ``i`` a few lines finishing a sentence with no dateline (4月16日，在南雁镇… |
    …800余万元。 | | ■记者 郑海波 通讯员 李 丹 摄 | | 本报讯…): a credit names who took a
    photo, and only a caption stands under a photo, so it is that chunk's."""
    if i + 1 >= len(chunks):
        return False
    chunk, below = chunks[i], chunks[i + 1]
    return (
        chunk.kind in ("text", "body")
        and below.kind == "byline"
        and below.blank_before
        and (below.blank_after or i + 2 == len(chunks))
        and len(below.lines) == 1
        and 2 <= len(chunk.lines) <= 8
        and chunk.lines[-1].final
        and _PHOTO_CREDIT.search(below.text) is not None
        and not _opens_with_dateline(chunk)
    )


def _photo_credit_apart(chunks: list[Chunk], i: int) -> bool:
    """A caption set apart from its photo credit by a blank line, its title under both, as a
    page sets its headlines after the text ( 10月17日，在…抢收晚稻。…高峰期。 | | ■摄影 陆 彬 |
    | 稻浪金黄秋收忙): a caption's opening space, a few lines ending a sentence, a photo credit
    alone and a one-line title. (Read after _classify: the title is a headline.)"""
    if i + 2 >= len(chunks):
        return False
    chunk, below, title = chunks[i], chunks[i + 1], chunks[i + 2]
    return (
        chunk.kind == "body"
        # (or the last of a group's numbered captions: ③ 干窑镇中心小学的学生…, 图③：…)
        and (chunk.lines[0].indented or _NUMBERED_CAPTION.match(chunk.lines[0].text) is not None)
        and len(chunk.lines) <= 8
        and chunk.lines[-1].final
        and below.kind == "byline"
        and below.blank_before
        and below.blank_after
        and len(below.lines) == 1
        and _PHOTO_CREDIT.search(below.text) is not None
        and title.kind == "headline"
        and len(title.lines) == 1
        and title.blank_after
        and not _opens_with_dateline(chunk)
    )


def _sorted_median(values: list[float]) -> float:
    """The median of a list already in order."""
    if not values:
        return 0.0
    mid = len(values) // 2
    return values[mid] if len(values) % 2 else (values[mid - 1] + values[mid]) / 2


# --- articles -------------------------------------------------------------------------------


@dataclass
class Headline:
    kicker: list[Span] = field(default_factory=list)
    title: list[Span] = field(default_factory=list)
    subtitle: list[Span] = field(default_factory=list)
    bylines: list[Span] = field(default_factory=list)
    duplicates: list[Span] = field(default_factory=list)
    # bylines a blank line under it, the last of its cluster: its own if the body under them
    # is its article's (headline, byline, body one above another), else detached
    bylines_below: list[Span] = field(default_factory=list)
    first: int = 0
    last: int = 0

    def text(self) -> str:
        return "".join([p[0] for s in self.kicker + self.title + self.subtitle for p in s.pieces])


@dataclass
class Article:
    paragraphs: list[Span] = field(default_factory=list)
    bylines: list[Span] = field(default_factory=list)
    headline: Headline | None = None
    first: int = 0
    last: int = 0
    width: float = 0.0
    open_end: bool = False  # last paragraph stopped mid-sentence (a column break follows)
    ambiguous_end: bool = False  # a chunk ended a sentence: paragraph end or column break?
    end_width: float = 0.0  # width of that chunk's last line
    end_indented: bool = False  # that line opened its paragraph (2 cells of indent)
    widths: list[float] = field(default_factory=list)  # widths of lines inside chunks, sorted
    content_widths: list[float] = field(default_factory=list)  # the same, hanging marks left out
    dateline: Span = field(default_factory=Span)
    digest_items: list[int] = field(default_factory=list)  # paragraphs opening a dated item
    after_body: bool = False  # opened right under another article's body, no headline between
    spaced_opening: bool = False  # its first line opened with a space (a caption's, here)
    # its last chunk ended a list announced by a colon, items of the shape name：value
    colon_items_end: bool = False
    rows_end: bool = False  # (its last line read is a table's row: more may follow a break)
    item_width: float = 0.0  # the widest line of its chunks read as items or rows, not measured
    verse: bool = False  # its lines are verse: a blank line between them ends a stanza


@dataclass
class Unplaced:
    kind: str
    span: Span
    note: str = ""


@dataclass
class PageLayout:
    """Result of :func:`parse_page`: rows of the three tables and the spans behind them.

    ``articles``, ``paragraphs`` and ``unplaced`` are DataFrames built on first use; loaders
    that read many pages concatenate the rows instead, which is much cheaper.
    """

    page: Page
    article_rows: list[dict]
    paragraph_rows: list[tuple]
    unplaced_rows: list[dict]
    field_spans: dict = field(default_factory=dict, repr=False)  # (article_id, field) -> Span
    unplaced_spans: list = field(default_factory=list, repr=False)  # [(unplaced_id, Span)]

    @property
    def articles(self) -> pd.DataFrame:
        return pd.DataFrame(self.article_rows, columns=ARTICLE_COLUMNS)

    @property
    def paragraphs(self) -> pd.DataFrame:
        rows = [_expand_paragraph(row) for row in self.paragraph_rows]
        return pd.DataFrame(rows, columns=PARAGRAPH_COLUMNS)

    @property
    def unplaced(self) -> pd.DataFrame:
        return pd.DataFrame(self.unplaced_rows, columns=UNPLACED_COLUMNS)


def _stripped_slice(span: Span, start: int, end: int) -> Span:
    """``span.slice(start, end).strip()`` in one slice (a paragraph may hold many pieces)."""
    text = span.text[start:end]
    stripped = text.strip()
    if not stripped:
        return Span([])
    left = start + len(text) - len(text.lstrip())
    return span.slice(left, left + len(stripped))


def _strip_marker(
    span: Span, unplaced: list[Unplaced], note: str = "byline marker removed from a placed byline"
) -> Span:
    text = span.text
    k = 0
    while k < len(text) and (text[k] in MARKERS or text[k].isspace()):
        k += 1
    if not k:  # (most bylines: the span as it is; every caller passes a span of its own)
        return span
    marker = _stripped_slice(span, 0, k)
    if marker:
        unplaced.append(Unplaced("marker", marker, note))
    return span.slice(k)


def _open_bracket(text: str) -> bool:
    """A bracket or quote opened and not closed: the line breaks inside a phrase."""
    return sum(map(text.count, "（(“《「")) > sum(map(text.count, "）)”》」"))


def _title_over_statement(lines: list[Span]) -> bool:
    """A line ending like a column's label only by a word a title may end on too (正当时, 在行动)
    over one statement about the town or in figures (冬修水利正当时 | 今冬明春我市安排农田水利
    项目46个): a title over its subtitle, not a label over a title."""
    first = lines[0].text.replace(" ", "")
    return (
        len(lines) == 2
        and _BOX_LABEL.fullmatch(first) is None
        and _COLUMN_NAME_ENDING.search(first) is None
        and (_subtitle_text(lines[1].text) or _FIGURE_FACT.fullmatch(lines[1].text) is not None)
    )


# a campaign's slogan: 奋战三季度 冲刺全年目标, 决战四季度 确保全年红, 大干一百天 确保开门红
_CAMPAIGN_SLOGAN: Final = re.compile(r"(?:奋战|决战|鏖战|大干|冲刺)\S{2,5} \S{3,8}")


def _leading_kicker(lines: list[Span]) -> int:
    """How many leading lines of one headline chunk are a kicker set above the title.

    The kicker is set in a smaller font than the title, so a first line of 8 or more that is
    clearly wider than the line under it is a kicker; a very short line after it (under 3, or
    under half the line below it) is the kicker's wrapped remainder, since title lines are
    broken into balanced lines.
    """
    # a subtitle opening with a dash (——全力打造…) is set under the title: the kicker is read
    # from the lines above it
    above = _above_dash_subtitle(lines)
    dash_subtitle = len(above) < len(lines)
    lines = above
    if len(lines) > 2 and _DOCUMENT_NUMBER.fullmatch(lines[-1].text):
        lines = lines[:-1]  # (so is a document's number: …的预公告 | 平政土预告〔2022〕23号)
    if len(lines) < 2:
        return 0
    if len(lines) == 2 and _issuer_over_document(lines[:1], lines[1].text, False):
        return 0  # (a body over what it issues, one title: …集团有限公司 | 招聘启事)
    if (
        _DATE_KICKER.fullmatch(lines[0].text)
        or _OCCASION_KICKER.fullmatch(lines[0].text)
        or _BRACKETED_LABEL.fullmatch(lines[0].text)
        or (_box_label(lines[0].text) and not _title_over_statement(lines))
        or _SERIES_LABEL.search(lines[0].text)
        # (a campaign's slogan of two phrases over what was done under it, 奋战三季度 冲刺全年
        # 目标 | 新埭镇重大项目建设跑出“加速度”: a kicker, not a title over its subtitle)
        or _CAMPAIGN_SLOGAN.fullmatch(lines[0].text)
        # (so is a total in figures over the event, never a title: 总投资52亿元 | 我市12个重大
        # 项目在沪集中签约; 总投资1.8亿元 惠及居民4300余户 | 城区12个老旧小区改造全面启动)
        or _totals_line(lines[0].text)
        # (and a campaign named in quotation marks, labelled like a column: “我为群众办实事”实践
        # 活动在行动 | “家门口”就业服务暖人心)
        or _CAMPAIGN_RUBRIC.fullmatch(lines[0].text)
        # (and the means, a phrase with no main clause: 以“五水共治”巩固提升为抓手 | 我市今年将
        # 完成23条河道综合整治)
        or _MEANS_PHRASE.fullmatch(lines[0].text)
        # (and who warns, over the warning: 市公安局反诈中心提醒 | 这些骗局专盯老年人)
        or (len(lines) == 2 and _WHO_WARNS.fullmatch(lines[0].text) is not None)
    ):
        return 1
    # who said it where, ending in the verb that introduces the title (…座谈时强调), perhaps
    # wrapped over lines and even inside the verb (…三周年强 | 调)
    prefix = ""
    for k, line in enumerate(lines[:-1]):
        prefix += line.text
        if len(prefix) >= 8 and _KICKER_VERB.search(prefix) and _OCCASION.search(prefix):
            return k + 1
    if len(lines) == 2 and (
        # (over a ——subtitle the line is no subtitle itself)
        (_subtitle_text(lines[1].text) and not dash_subtitle)
        # (over a ——subtitle, a fact in figures over a statement is its kicker: 上半年全市外贸
        # 进出口总额突破1500亿元 | 外贸“压舱石”稳中有进 | ——出口增长12.6%…)
        or (
            _figures_under_statement(lines[0].text, lines[1].text, any_statement=not dash_subtitle)
            # (not phrases a space apart, whole on their line, under it: the title under its
            # kicker, 今年以来我县…同比下降37.6% | 全民反诈“织网” 守好群众“钱袋子”)
            and not _line_over_couplet(lines)
        )
    ):
        return 0  # a title over its author line (林业部部长陈耀邦), or over its figures
    # a title's event wrapped under its subject, over its subtitle (我市26个重大项目 | 集中开工 |
    # 总投资128.6亿元)
    if (
        len(lines) == 3
        and _subtitle_text(lines[2].text)
        and len(lines[1].text) <= 6
        and _EVENT_DONE.search(lines[1].text)
        and not _EVENT_DONE.search(lines[0].text)
    ):
        return 0
    if (
        len(lines) == 2
        and len(lines[0].text) >= 8
        and _MEETING_HELD.search(lines[0].text)
        and _PHRASES_APART.fullmatch(lines[1].text)
    ):
        # the meeting held over a slogan of two phrases, a title whole on its line (县委常委会
        # 召开（扩大）会议 | 全力冲刺四季度 奋力夺取全年胜利): its kicker
        return 1
    if (
        len(lines) >= 3
        and len(lines[0].text) >= 8
        and _MEETING_HELD.search(lines[0].text)
        and all(_split_title_lines(lines[1:]))
    ):
        # the meeting held, over a title and a subtitle (全市…推进大会召开 | 以数字化改革撬动
        # 全方位改革 | 陈国栋作动员讲话 林晓东主持); over one line it may be the first half of a
        # title (…论坛召开 | 两地同意继续深化合作交流), over two the title over its subtitle
        return 1
    if len(lines) == 2 and _parallel_halves(lines[0].text, lines[1].text):
        return 0
    if _short_label_over_title(lines[0], lines[1:], adjoining=True) and not _title_over_statement(
        lines
    ):
        return 1
    if _statement_over_title(lines, dash_subtitle):
        return 1
    if _line_over_couplet(lines):
        return 1
    widths = [display_width(s.text) for s in lines[:3]]
    if (
        len(widths) == 3
        and widths[0] < 0.75 * min(widths[1:])
        and abs(widths[1] - widths[2]) <= 1
        and not _open_bracket(lines[0].text)
        # (not lines parted by a comma inside them: a subtitle's, which a title seldom holds,
        # 老旧小区焕新颜 | 东塘街道今年计划改造7 | 个老旧小区，惠及居民 | 3200余户)
        and not any("，" in s.text[:-1] for s in lines[1:3])
    ):
        # Wrapped title lines fill from the top: a first line clearly shorter than two even
        # title lines under it is not their first line but a kicker.
        return 1
    if (
        len(lines) == 3
        and widths[0] < 0.75 * widths[1]
        and widths[2] >= 1.3 * widths[1]
        and not _open_bracket(lines[0].text)
    ):
        # the same over one title line and its subtitle set wider (颗粒归仓保丰收 |
        # 我市夏粮收购工作全面启动 | 小麦最低收购价每50公斤112元 预计收购1.3万吨)
        return 1
    if len(lines) == 3 and not any(_open_bracket(s.text) for s in lines):
        # a title line set narrower than both lines around it, kicker and subtitle set in
        # smaller type (从家庭作坊到细分领域“隐形冠军” | 一把小刷子“刷”出大市场 | 宁海恒远刷业
        # 深耕细分领域三十年): wrapped title lines are balanced, and fill from the top
        deck = [display_width(s.text) - _quote_marks(s.text) for s in lines]
        if deck[1] <= 0.8 * deck[0] and deck[1] <= 0.8 * deck[2] and deck[1] >= 5:
            return 1
    # (quotation marks left out of the first line: 垃圾分类“新时尚” | 走进千家万户 is one title)
    bare = widths[0] - _quote_marks(lines[0].text)
    if bare < 8 or bare <= 1.4 * widths[1] or _open_bracket(lines[0].text):
        return 0
    if widths[1] < 3 or (len(widths) > 2 and widths[1] < 0.5 * widths[2]):
        return 2 if len(lines) > 2 else 0
    if (
        len(lines) == 2
        and (
            (len(lines[1].text) <= 6 and _EVENT_DONE.search(lines[1].text))
            or _FIGURE_CHANGE.fullmatch(lines[1].text)
            # (or the predicate of the subject above: 城区12个路口信号灯 | 将实现智能化, 全市新冠
            # 疫苗接种 | 超68万剂次)
            or (len(lines[1].text) <= 8 and _PREDICATE_OPENING.match(lines[1].text))
            # (or what points back to the line above: 秋冬呼吸道疾病高发 | 这5点请记牢)
            or _POINTS_BACK.match(lines[1].text) is not None
            or _cut_inside_clause(lines[0].text, lines[1].text)
            # (or the object of the verb the line above ends on: 菊园新区春季招聘会提供 | 岗位1200余个)
            or lines[0].text.endswith(_WANTS_OBJECT)
            # (or a thing counted and nothing said of it, an object, no title on its own: 城区今年将
            # 新建改造 | 12处口袋公园)
            or (
                _COUNTED_THING.fullmatch(lines[1].text) is not None
                and _CJK_CHAR.fullmatch(lines[0].text[-1:]) is not None
            )
        )
    ):
        # a title's event or its change in figures, wrapped under its subject: 第32个爱国卫生月
        # | 活动启动; 独山港区集装箱吞吐量 | 同比增长12.5%
        return 0
    if len(lines) == 2 and (
        (lines[0].text.startswith("关于") and not _DOCUMENT_END.search(lines[0].text))
        or (len(lines[1].text) <= 10 and _DOCUMENT_END.search(lines[1].text) is not None)
    ):
        # one document's title wrapped: 关于做好…基本医疗保险 | 参保缴费工作的通告, 2022年度
        # 平湖市“最美家庭” | 拟表彰名单公示 (关于 opens a phrase its document noun closes)
        return 0
    if len(lines) == 2 and _PLACE_COLON.match(lines[0].text) is not None:
        # a title headed by its place and a colon, over its figures: 瑞安：县域医共体让群众
        # 就近看好病 | 基层就诊率提升至67.5% (a kicker names no place so)
        return 0
    return 1


# a place named and a colon opening a title: 瑞安：…, 新埭镇：…
_PLACE_COLON: Final = re.compile(rf"[{CJK}]{{2,4}}：[{CJK}“]")


# a figure's magnitude after its digits, with 多 or 余 before it or after it (8万余, 3000余, 1.2万)
_MAGNITUDE: Final = "(?:多|余)?(?:万|亿)?(?:多|余)?"
# a number of things named and no more (12处口袋公园, 3000余个充电桩)
_COUNTED_THING: Final = re.compile(
    rf"\d[\d.]*{_MAGNITUDE}(?:个|处|家|所|项|座|户|条|台|辆|只|批|种|套|间|栋|幢|片|块)"
    rf"[{CJK}“”]{{2,8}}"
)
# a public document's number: its issuer's abbreviation, the year in brackets, the serial;
# or a notice's serial alone in brackets (（第11号）), or a court case's number
_DOCUMENT_NUMBER: Final = re.compile(
    rf"[{CJK}]{{1,10}}[〔［\[（(]\d{{4}}[〕］\]）)]\d{{1,4}}号"
    r"|[（(]第[\d一二三四五六七八九十百]{1,6}号[)）]"
    # (or a court case's: （2021）浙0281民初1523号)
    rf"|[（(]\d{{4}}[)）][{CJK}]\d{{2,6}}[{CJK}]{{1,6}}\d{{1,6}}号"
)
# what a public document's title ends in
_DOCUMENT_END: Final = re.compile(
    r"(?:通告|通知|公告|公示|决定|意见|办法|规定|方案|决议|倡议书|告知书|须知|名单|的函|活动预告)$"
)


# what a title says happened, at its end: a short line ending so continues the line above it
_EVENT_DONE: Final = re.compile(
    r"(?:启动|启幕|开幕|闭幕|举行|举办|召开|开通|上线|落幕|揭牌|开工|竣工|投用|发布|出炉|提速|"
    r"开展|开班|开课|开放|完成|落地|签约|挂牌|通车|完工|建成|投产|开业|收官|运营|亮相|落成|上市|"
    r"到户|到位|到账|等奖|金奖|银奖|铜奖|冠军|亚军|季军)$"
)
# how a predicate opens, never a title: a tense or an amount reached (将实现…, 已完成…, 超68万剂次)
_PREDICATE_OPENING: Final = re.compile(
    rf"(?:将|已|已经|正在|正式|首次|再次|又|又将|再|全部|均已|可能|或将|有望|即将|预计)[{CJK}]"
    r"|(?:超|达|突破|逾|近)[\d.]+"
    # (or in words: 超千万人次, 近百万元)
    r"|(?:超|达|突破|逾|近)[一二三四五六七八九十两]?[百千万亿]{1,2}[余多]?"
    r"(?:人次|人|元|吨|亩|个|家|户|辆|件|项|台|次|名|套|单|株|份)"
)
# a demonstrative pointing back to what the line above names: 这5点, 这些, 这4条
_POINTS_BACK: Final = re.compile(r"这(?:些|[\d一二三四五六七八九十几]+[个点条项件招种类步])")
# a change in figures with no subject of its own: 同比增长12.5%, 增长两成
_CHANGE_IN_FIGURES: Final = r"(?:同比|环比)?(?:增长|下降|增加|减少|提高|上升|回落)(?:[\d.]+%|[\d.]+个百分点|[一二两三四五六七八九]成)"
_FIGURE_CHANGE: Final = re.compile(_CHANGE_IN_FIGURES)
# a measure named and its change in figures (出口额同比增长14.2%, 地区生产总值同比增长6.1%),
# perhaps over months named in figures first (1至8月规上产值同比增长9.4%)
_SUBJECT_CHANGE: Final = re.compile(
    r"(?:(?:\d{1,2}[至—-])?\d{1,2}月份?|前\d{1,2}个?月)?"
    rf"[{CJK}“”]{{1,10}}(?:量|额|值|率|收入|总值|规模|人数|人次|“[{CJK}]{{2,6}}”){_CHANGE_IN_FIGURES}"
)


# An author line set under the title of an opinion piece: office and name (林业部部长陈耀邦,
# 邯郸市第二教育学院崔河), or names only (张印东周庆新焦守云).
_OFFICE_THEN_NAME: Final = re.compile(
    rf"[{CJK}、]{{2,}}(?:长|主席|书记|主任|委员|成员|教授|研究员|院士|学者|专家|代表|经理|"
    rf"编辑|主编|顾问|学院|大学|学校|研究所|研究院|研究会|中心|协会|宣传部|组织部|统战部|公司|"
    rf"总监|总裁|总编|导演|作家|画家|艺术家|工程师|大使|发言人|负责人|理事|董事|律师|医生)"
    rf"([{CJK}]{{2,3}})"
)
_CREDIT_WORDS: Final = re.compile(r"(?:摄影报道|摄影|报道|撰文|摄)$")
# a town or a street of the county opening a statement: 独山港镇…, 当湖街道…, 和平镇城山村…
# (not a word holding 乡: 为了父老乡亲, 乡村, 家乡)
_TOWN_SUBJECT: Final = re.compile(
    rf"[{CJK}]{{2,4}}?(?:镇|街道|乡(?![亲村土愁贤情间下里镇]))(?![政长委党])"
)
_FACT_SUBJECT: Final = ("我市", "全市", "本市", "我县", "全县", "我区", "全区", "我省", "全省")
# the same statement dated first: 今年我市已完成…, 一季度全市…, 前5个月我市…, 1至5月我市…
_DATED_FACT: Final = re.compile(
    r"(?:今年|去年|目前|年内|年底前|近年来|近年|上半年|下半年|[一二三四]季度|前\d{1,2}个?月"
    r"|(?:\d{1,2}月?(?:至|—|-))?\d{1,2}月份?)"
    rf"(?:以来)?，?(?:{'|'.join(_FACT_SUBJECT)})"
)


def _short_remainder(lines: list[Span]) -> bool:
    """The last line is the short remainder of the line above, wrapped."""
    return display_width(lines[-1].text) < 0.6 * display_width(lines[-2].text)


def _names_only(text: str) -> bool:
    """Two or more personal names of 2-3 characters, each opening with a surname."""
    # two names at least (a wrapped title line such as 游畅通安全 can pass for one and a half)
    if len(text) < 6:
        return False
    ends, reach = {0}, 0
    for k in range(len(text)):
        if k > reach:  # no name ends here or later: the text is not names only
            return False
        if k in ends and _opens_with_surname(text[k:]):
            ends.update((k + 2, k + 3))
            reach = k + 3
    return len(text) in ends


def _credit_line(text: str) -> bool:
    """A line naming the author of the piece under its title: it is a subtitle."""
    text = text.replace(" ", "")
    if len(text) > 30:
        return False
    m = _OFFICE_THEN_NAME.fullmatch(text)
    if m is not None:
        name = m.group(1)
        return _opens_with_surname(name)
    # names, perhaps with what they did (周朝荣钱云强摄影报道)
    return _names_only(_CREDIT_WORDS.sub("", text))


def _subtitle_text(text: str) -> bool:
    """A headline part that reads as a subtitle rather than a title line: an author line, a
    factual statement about the town or county (我市举办…, 全市今年将…, 今年我市已…), who spoke
    and who chaired (陈国栋作动员讲话 林晓东主持), a list (覆盖餐饮、零售、文旅、住宿等领域), or
    a total in figures (总投资48.6亿元)."""
    return (
        _credit_line(text)
        or text.startswith(_FACT_SUBJECT)
        or _DATED_FACT.match(text) is not None
        or _speakers(text)
        or _COUNT_SPOKE.fullmatch(text) is not None
        # (a report's genre naming where it was seen: 当湖街道建设新村改造见闻)
        or (len(text) >= 6 and text.endswith(("见闻", "侧记", "纪实", "手记", "观察", "探访")))
        or text.count("、") >= 2
        or _TOTAL_FIGURE.fullmatch(text) is not None
        or _DOCUMENT_NUMBER.fullmatch(text) is not None  # (平政土预告〔2022〕23号)
        # (a document named and read for the reader: 《…若干措施》解读)
        or _DOCUMENT_EXPLAINED.fullmatch(text) is not None
        # (when it will be done, or how the figures above changed: 预计今年6月底建成通车,
        # 同比增长6.3%，增速高于全省平均水平)
        or _SUBTITLE_OPENING.match(text) is not None
    )


# a document named in its book-title marks and explained (《…若干措施》解读)
_DOCUMENT_EXPLAINED: Final = re.compile(r"《[^《》]{4,40}》(?:政策)?(?:解读|要点解读|答记者问)")
# how many spoke, under the meeting: 12位委员作大会发言, 5名代表作交流发言
_COUNT_SPOKE: Final = re.compile(
    rf"\d+(?:位|名)[{CJK}]{{1,6}}(?:作|进行)[{CJK}]{{0,4}}(?:发言|讲话|报告)"
)
# (a change in figures with a clause after it: alone it may end a wrapped title, 独山港区集装箱
# 吞吐量 | 同比增长12.5%)
_SUBTITLE_OPENING: Final = re.compile(
    r"预计(?:今年|年内|明年|年底|\d{4}年|\d{1,2}月)"
    # (or the target: 到2025年县域就诊率达90%以上)
    r"|到\d{4}年(?:底|末)?"
    # (or this year's aim: 今年力争眼镜产业开票销售突破百亿元, 力争年底前全面完工)
    r"|(?:今年|全年|年内)(?:力争|确保)|力争(?:今年|年内|年底|\d{4}年)"
    r"|(?:同比|环比|比上年|较上年)(?:增长|下降|提高|减少)[^，]*，"
)


# a fact that ends in a count (首个周末吸引游客1.5万人次, 排查整治燃气隐患386处): under a title
# that says what happened, its subtitle; not a line opening inside a word the break cut (…服务
# 农户去 | 年创造直接经济效益2.6亿元)
_FIGURE_FACT: Final = re.compile(
    # (a year's output opens with 年 too: 年产高性能复合材料5万吨)
    rf"^(?:[^\d，。年月日]|年产|年均)[^\d，。]{{5,}}\d[\d.]*{_MAGNITUDE}"
    r"(?:元|人次|名|人|户|家|个|处|所|项|辆|吨|亩|座|场|次|厘米|米|公里|分钟|小时)"
)


# the same with a count for its subject (32家企业发布岗位2300余个): a statement of its own
_COUNT_FACT: Final = re.compile(
    rf"\d+{_MAGNITUDE}(?:家|个|名|所|项|座|户|位|条|台|辆)[^\d，。]{{3,}}"
    rf"\d[\d.]*{_MAGNITUDE}(?:元|人次|名|人|户|家|个|处|所|项|辆|吨|亩|座|场|次|%)"
)


# a subject dated at its end wants its predicate (12345热线一季度 | 受理诉求4.6万件)
_TIME_ENDS: Final = ("季度", "月", "年", "以来", "期间", "首日", "当天", "假期")
_ANY_FIGURE: Final = re.compile(
    rf"\d[\d.]*{_MAGNITUDE}(?:元|人次|名|人|户|家|个|处|所|项|辆|吨|亩|座|场|次|件|%|公里|米|剂次|标箱"
    # (things counted by their own measure words: 勺嘴鹬最多一次记录到42只)
    r"|只|头|株|棵|台|套|艘|架|份|单|条|批|张|箱|公斤|千克|千瓦时|小时)"
)


def _figures_under_title(upper: str, lower: str) -> bool:
    """A line of eight characters or more holding a count or an amount (共接待游客32.6万人次,
    新增学位3600余个) under a title line of nine or more that wants nothing more: its subtitle.
    A shorter line over it is more often one title wrapped in a narrow column (德清地理信息小镇
    | 再迎9家企业入驻), and so is a subject that wants its predicate (…热线一季度, …覆盖率)."""
    return (
        len(lower) >= 8
        and len(upper) - _quote_marks(upper) >= 9
        and _ANY_FIGURE.search(lower) is not None
        and _MEASURED_SUBJECT.search(upper) is None
        and not upper.endswith(_RUNS_ON_ENDS)
        and not upper.endswith(_TIME_ENDS)
        # (nor a number cut from its unit: 去年工商税收7548亿 | 元全年增收1114亿元; nor a word
        # cut before its date's character: …服务农户去 | 年创造…)
        and not (upper[-1:].isdigit() or upper.endswith(("万", "亿")))
        and not (lower[:1] in "年月日" and not lower.startswith(("年产", "年均", "日均", "月均")))
        # (nor a clause the line under it completes: 前4个月全市为小微企业 | 减免税费3.2亿元)
        and not _cut_inside_clause(upper, lower)
    )


# a rate in figures with no subject of its own (日均接诊160余人次, 每天发送旅客2.3万人次)
_RATE_FIGURE: Final = re.compile(
    rf"(?:日均|月均|周均|年均|每天|每日|每月|平均每天|平均每日)[{CJK}]{{1,6}}[\d.]+{_MAGNITUDE}"
    r"(?:人次|人|名|件|单|吨|辆|个|次|份|台|家|户|元|车次|架次|标箱)"
)
# what a subject that wants its figures ends on (集装箱吞吐量 | 日均…): the line runs on
_MEASURED_SUBJECT: Final = re.compile(r"(?:量|额|率|数|值|价|收入|产值|规模|面积|客流|指数)$")


# a fact that ends in its figure (普惠小微贷款余额突破500亿元): a statement complete in itself
_ENDS_IN_FIGURE: Final = re.compile(
    rf"\d[\d.]*{_MAGNITUDE}(?:元|美元|人次|名|人|户|家|个|项|辆|吨|亩|座|台|套|件|次|%|个百分点)$"
)


def _figures_under_statement(
    upper: str, lower: str, one_line: bool = True, any_statement: bool = True
) -> bool:
    """A rate in figures under a line that says what happened (市第一人民医院开设夜间门诊 |
    日均接诊160余人次), or a change in figures or another fact (in figures, unless
    ``any_statement``) under a fact that ends in its own figure (普惠小微贷款余额突破500亿元 |
    同比增长18.6%, 两轮消费券撬动消费1.3亿元 | 第三批消费券4月27日上午10时发放): the title's
    subtitle, not its second line nor a title under a kicker. Under a subject that wants its
    figures (…集装箱吞吐量 | 同比增长12.5%, …客流量 | 日均…) it is the rest of one title."""
    if _RATE_FIGURE.fullmatch(lower) is not None or _SUBJECT_CHANGE.fullmatch(lower) is not None:
        # (or a subject's change in figures: 一季度我市外贸进出口实现“开门红” | 出口额同比增长14.2%)
        return _MEASURED_SUBJECT.search(upper) is None
    if _ENDS_IN_FIGURE.search(upper) is None:
        return False
    # (or a second fact that ends in its own figure under one line: 上半年规上工业增加值增长12.5% |
    # 高新技术产业增加值占比达71.2%, two statements, each whole; under a title wrapped over two
    # lines, a third part of it: 神龙汽车产销势头 | 好日产量达214辆 | 产销率超过90%)
    return _FIGURE_CHANGE.fullmatch(lower) is not None or (
        one_line
        and len(lower) >= 8
        and (
            _ENDS_IN_FIGURE.search(lower) is not None
            # (a statement clearly narrower is the title under a kicker set wider: 上半年全市
            # 外贸进出口总额突破1500亿元 | 外贸“压舱石”稳中有进)
            or (any_statement and display_width(lower) >= 0.7 * display_width(upper))
        )
    )


# a total in figures with no subject or verb of its own, never a title (总投资48.6亿元, 累计
# 接待游客12万人次): the subtitle of a title that says what happened (…6个项目集中签约)
_TOTAL_FIGURE: Final = re.compile(
    r"(?:总投资|总投入|投资总额|计划投资|总金额|总额|总面积|总建筑面积|总产值|总规模|共计|累计"
    rf"|合计|总计)[{CJK}]{{0,6}}?(?:约|超|达|近|逾|超过|共)?[\d.]+{_MAGNITUDE}"
    r"(?:元|美元|平方米|亩|吨|人次|人|户|家|个|项|辆|套)"
)


def _totals_line(text: str) -> bool:
    """A line of figures opening with a total (总投资52亿元, 总投资1.8亿元 惠及居民4300余户)."""
    parts = text.split(" ")
    return (
        _TOTAL_FIGURE.fullmatch(parts[0]) is not None
        and len(parts) <= 3
        and all(_DIGIT.search(part) for part in parts[1:])
    )


# one who spoke or chaired a meeting: 陈国栋作动员讲话, 林晓东主持
_SPEAKER: Final = re.compile(
    rf"([{CJK}]{{2,3}})(?:作[{CJK}]{{0,6}}(?:讲话|报告)|出席并?(?:讲话|致辞)?|主持|讲话|致辞)"
)
_SPEAKER_SEPARATOR: Final = re.compile(r"[\s，、]+")
_SPEAKER_VERB: Final = re.compile("讲话|报告|出席|主持|致辞")


def _speakers(text: str) -> bool:
    """Who spoke and who chaired a meeting, each by name, under its headline (陈国栋作动员讲话
    林晓东主持); not the wrapped end of a title line (…朱镕 | 基等出席)."""
    if _SPEAKER_VERB.search(text) is None:  # (most headline lines)
        return False
    parts = _SPEAKER_SEPARATOR.split(text.strip())
    if not 1 <= len(parts) <= 3:
        return False
    for part in parts:
        m = _SPEAKER.fullmatch(part)
        if m is None or not _opens_with_surname(m.group(1)):
            return False
    return True


_QUOTE_MARKS: Final = "“”「」『』"  # (not ’, which also abbreviates a year: ’97)


def _quote_marks(text: str) -> int:
    """How many quotation marks ``text`` holds: they take little room in a title's font."""
    return sum(map(text.count, _QUOTE_MARKS))


def _above_dash_subtitle(lines: list[Span]) -> list[Span]:
    """The lines above the first line after the first that opens with a dash (a subtitle)."""
    for k in range(1, len(lines)):
        if _SUBTITLE_DASH.match(lines[k].text):
            return lines[:k]
    return lines


# the label of a box beside a story, or of a running column: 链接, 背景, 相关新闻, 有问必答
_BOX_LABELS: Final = (
    "链接", "新闻链接", "知识链接", "相关链接", "背景", "新闻背景", "相关新闻", "相关阅读",
    "相关报道", "延伸阅读", "小贴士", "温馨提示", "记者手记", "编后", "编后语", "编后记",
    "记者观察", "有问必答", "专家提醒", "专家解读", "数据来源", "人物名片", "人物简介",
    "专家名片", "专家简介", "数据", "数读", "法官说法", "律师说法", "检察官说法", "法条链接",
    "法律链接", "赛事预告", "赛程预告",
)  # fmt: skip
# the label of a running column over each of its stories' titles, never a title itself (民生实事 |
# 城区新增公共停车泊位1200余个): read as a box's label is
_COLUMN_LABELS: Final = (
    "民生实事", "基层一线", "一线直击", "一线传真", "身边好人", "百姓故事", "我为群众办实事",
    "战疫一线", "抗疫一线", "读者来信", "回音壁", "农技问答", "记者调查", "以案说法", "以案释法",
    "短评", "快评",
)  # fmt: skip
_BOX_LABEL: Final = re.compile("|".join(_BOX_LABELS + _COLUMN_LABELS))
# a book's title and who wrote or edited it, a line of its own: 《嘉善田歌》 县文化馆 编
_BOOK_ENTRY: Final = re.compile(
    r"《[^《》]{1,24}》(?:\s*[^\s，。；：！？]{1,16}){0,3}\s+(?:编|著|编著|主编|译|等著)"
)
# who said the quotation a paragraph ends on, after a dash: …推倒重来。”——徒弟 李 鹏
_ATTRIBUTION_TAIL: Final = re.compile(r"[”」』]——[^—。！？“”]{2,24}$")
# a paragraph pointing to the table under it: …见下表。, 详见下表：, 如下表所示。
_TABLE_BELOW: Final = re.compile(r"(?:见|如)下表(?:所示)?[。：:]$")
# a note's label opening its line: 温馨提示：, 备注：
_NOTE_LABEL: Final = re.compile(r"(?:温馨提示|特别提示|提示|提醒|备注|注意事项|小贴士)[：:]")
# how the label of a running column ends: 垃圾分类进行时, 创建在行动, 代表委员面对面
# (those no title ends on: …进行时 names a column; 志愿者护河在行动 may be a title)
_COLUMN_NAME_ENDINGS: Final = (
    "进行时",
    "面对面",
    "大家谈",
    "新观察",
    "零距离",
    "直通车",
    "微观察",
    "走基层",
    "在身边",
    # (a doctor's or a lawyer's column: 名医讲堂, 健康小课堂, 法律信箱)
    "讲堂",
    "小课堂",
    "信箱",
)
_LABEL_ENDINGS: Final = (
    *_COLUMN_NAME_ENDINGS,
    "在行动",
    "正当时",
    "进行中",
    "看变化",
    "新气象",
    "看进度",
    "回头看",
)
_LABEL_ENDING: Final = re.compile(f"(?:{'|'.join(_LABEL_ENDINGS)})$")
# by what means, over the title saying what is done: 以“五水共治”巩固提升为抓手
_MEANS_PHRASE: Final = re.compile(
    r"以[^，。；！？]{2,16}为(?:抓手|契机|载体|引领|导向|重点|突破口|主线|核心|牵引|支撑|纽带|平台)"
)
# a campaign named in quotation marks and labelled like a column: “我为群众办实事”实践活动在行动
_CAMPAIGN_RUBRIC: Final = re.compile(rf"“[^”]{{2,12}}”[{CJK}]{{0,6}}(?:{'|'.join(_LABEL_ENDINGS)})")
_COLUMN_NAME_ENDING: Final = re.compile(f"(?:{'|'.join(_COLUMN_NAME_ENDINGS)})$")
# a column's theme and the place or the field it is seen in: 共同富裕看平湖, 美丽乡村建设看平湖,
# 走进企业看发展 (not 看这里, 看过来, 看今朝, 看未来)
_SEEN_IN_LABEL: Final = re.compile(rf"[{CJK}]{{4,7}}看(?![这过今未明])[{CJK}]{{2,3}}")


_LABEL_LAST: Final = frozenset(label[-1] for label in _BOX_LABELS + _COLUMN_LABELS + _LABEL_ENDINGS)


def _box_label(text: str, endings: bool = True) -> bool:
    """A box's or a running column's label (背 景, perhaps letter-spaced), or, with
    ``endings``, a column's label that names itself so (复工复产进行时)."""
    if len(text) > 12 or text[-1:] not in _LABEL_LAST:  # (most lines: the last character)
        return False
    squeezed = text.replace(" ", "")
    return bool(_BOX_LABEL.fullmatch(squeezed)) or (
        endings and len(squeezed) <= 10 and _LABEL_ENDING.search(squeezed) is not None
    )


# the occasion a report focuses on, over its title: 聚焦3·15国际消费者权益日, 聚焦“双十一”
_FOCUS_LABEL: Final = re.compile(r"聚焦[^，。；！？：:]{2,14}")
# a body and its warning verb, alone on a line: a kicker over what it warns of
_WHO_WARNS: Final = re.compile(
    rf"[{CJK}]{{2,12}}(?:提醒|提示|温馨提示|温馨提醒|郑重提醒"
    # (or who gives the figures, over what they show: 宁波海关发布最新数据 | 前两月我市外贸…)
    r"|发布最新数据|公布最新数据|最新数据显示|最新统计显示|发布报告)"
)
# the label of a series of reports over each one's title: 老旧小区改造系列报道之二
# (or a series named in two parts, a middle dot between: “千万工程”二十年·平湖实践)
_SERIES_LABEL: Final = re.compile(
    r"系列(?:报道|评论|访谈|调查)之[一二三四五六七八九十\d]+$|系列(?:报道|评论)$"
    # (a serial's genre over its instalment: 长篇小说连载 | 运河谣（二十三）)
    r"|^(?:长篇|中篇)?(?:小说|散文|故事|纪实)?连载$"
    # (not a name spelt with the dot: 阿木冬·尼牙孜当 | 选…)
    rf"|[{CJK}”]{{2}}·[{CJK}]{{1,6}}(?:实践|行动|故事|样本|探索|观察|纪实|巡礼|足迹|答卷|一线|篇)$"
    # (a series' journey: “千万工程”二十年·乡村行, 共同富裕·基层行)
    rf"|[{CJK}”]{{2}}·[{CJK}]{{1,3}}行$"
    # (a series' tour of its subjects: 专精特新企业巡礼)
    rf"|^[{CJK}]{{2,8}}巡礼$"
    # (a programme's anniversary, named in quotation marks: “千万工程”二十年)
    r"|^“[^“”]{2,10}”(?:[一二三四五六七八九十百]{1,3}|\d{1,3})周?年$"
)


def _short_label_over_title(label: Span, below: list[Span], adjoining: bool = False) -> bool:
    """A short topic label (开学第一课, 文化惠民) over a title line at least half as wide again:
    a title wrapped into lines is balanced and a subtitle runs long, so the label is a kicker."""
    # characters and display width both: digits make a wrapped title line look short by one
    # measure or the other (’97医 | 药科技大, 我国今年将 | 新建公路2370公 | 里)
    # (quotation marks and spaces left out of the count: 聚焦“三服务” is a label of five
    # characters, 战疫情 促发展 of six)
    width = len(label.text) - _quote_marks(label.text) - label.text.count(" ")
    below = _above_dash_subtitle(below)  # (the title's own ——subtitle under it)
    # (``adjoining``: right over the title, no blank line between, a column's label may run
    # longer when it names itself so: 垃圾分类进行时, and any label by one character:
    # 新时代文明实践; a blank line away, those are titles too: 志愿者护河在行动, 书香满城迎春来)
    limit = (10 if _LABEL_ENDING.search(label.text) else 7) if adjoining else 6
    if not below or width > limit or _CLAUSE_PUNCT.search(label.text):
        return False
    if width > 6 and label.text.startswith(_FACT_SUBJECT):
        return False  # (a statement about the town is a title: 我市进入梅雨季 | 预计梅雨量…)
    if label.text.endswith(_DANGLING):  # (烈日下的 | “城市美容师”: a phrase runs on)
        return False
    # (闲置仓库变身 | “共富工坊”, 税务部门开展 | “送政策上门”活动: so does a verb's object)
    if _runs_on_to_object(label.text):
        return False
    if _open_bracket(label.text):
        return False
    if len(below) >= 2 and _subtitle_text(below[-1].text):
        below = below[:-1]  # the title's own subtitle under it (全市今年将送戏下乡300场)
    text = "".join(s.text for s in below)
    widest = max(len(s.text) for s in below)
    widest_printed = max(display_width(s.text) for s in below)
    return (
        len(below) <= 2
        and widest >= 1.5 * width
        and widest_printed >= 1.5 * display_width(label.text)
        # (a title of phrases a space apart, whole on its line, may run longer: 健康问答 |
        # 高温天躲进空调房 小心“空调病”找上门)
        and len(text) - _quote_marks(text)
        <= (19 if len(below) == 1 and _TITLE_PHRASES.fullmatch(text) else 15)
        and not _CLAUSE_PUNCT.search(text)
        and not _SUBTITLE_DASH.match(text)
        and not _subtitle_text(text)
    )


# what no phrase ends on: a structural particle or a conjunction wants what comes after it
_DANGLING: Final = ("的", "和", "与", "及", "或", "之")
# nor a verb that wants its object on the next line (闲置仓库变身 | “共富工坊”)
_WANTS_OBJECT: Final = (
    "变身", "变成", "成为", "化身", "迎来", "走进", "迈向", "走向", "打造", "开启", "按下",
    "跑出", "织密", "筑牢", "奏响", "绘就", "搭起", "架起", "撑起", "点亮",
    # (and being chosen, whose list or title follows: 我市28家企业入选 | 国家级专精特新“小巨人”)
    "入选", "入围", "获评", "荣获", "跻身", "列入", "获批", "入列",
    # (and giving or drawing an amount: 春季招聘会提供 | 岗位1200余个)
    "提供", "吸引", "带动", "惠及", "吸纳", "拉动", "新增", "推出",
)  # fmt: skip
# (a title line ending so wants the line under it: a particle's or a verb's object)
_RUNS_ON_ENDS: Final = (*_DANGLING, *_WANTS_OBJECT)

_AIM_OPENING: Final = (
    "助力", "助推", "推动", "促进", "打造", "确保", "实现", "加快", "力争", "全力", "推进",
    "着力", "聚力", "持续", "进一步", "切实", "扎实", "为",
)  # fmt: skip


def _statement_over_title(lines: list[Span], dash_subtitle: bool = False) -> bool:
    """A factual statement about the town (我市早稻栽插进入扫尾阶段) over a title line of its own
    width (插秧机“跑”出春耕加速度): the statement is the kicker, as it would be the subtitle under
    it. Not a title wrapped onto a shorter line (我市新开发500个 | 公益性岗位).

    With no ——subtitle under the two (``dash_subtitle``), the line below is the title only when
    it reads as one (:func:`_reads_as_title`); else it is the statement's subtitle."""
    return _statement_over_line(lines, places=True, narrower=dash_subtitle) and (
        dash_subtitle or _reads_as_title(lines[1].text)
    )


def _statement_over_subtitle(lines: list[Span]) -> bool:
    """A statement about the town over a plain line of its width, a statement or a figure: the
    title over its subtitle (我市启动防台风Ⅳ级应急响应 | 各类防汛物资和抢险队伍全部到位, 我市高考
    成绩再创新高 | 普通类一段上线率达52.3%)."""
    return _statement_over_line(lines) and not _reads_as_title(lines[1].text)


# phrases of a title a space apart, two or three: 晒丰收 庆丰年 乡村处处展新颜
_TITLE_PHRASES: Final = re.compile(r"[^\s]{3,}(?: [^\s]{3,}){1,2}")


def _parallel_halves(upper: str, lower: str) -> bool:
    """The second line the twin of the first line's end, a pair of parallel phrases a title
    wraps between, each a word and a quoted word of the same lengths (嘉联纸业：技改“加速跑” |
    效益“节节高”): one title, its subject and colon opening it, not a kicker over a title."""
    n = len(lower)
    if n < 4 or len(upper) < n + 2 or "“" not in lower:
        return False
    tail = upper[-n:]
    return (
        upper[-n - 1] in "：: "
        and tail != lower
        and [ch in _QUOTE_MARKS for ch in tail] == [ch in _QUOTE_MARKS for ch in lower]
    )


def _line_over_couplet(lines: list[Span]) -> bool:
    """A plain line set wider over a title of phrases a space apart, whole on its line
    (2023年中国农民丰收节金山区系列活动启动 | 晒丰收 庆丰年 乡村处处展新颜): the kicker, in
    smaller type, over the title; a title wrapped would not keep the phrases whole below."""
    if len(lines) != 2 or _TITLE_PHRASES.fullmatch(lines[1].text) is None:
        return False
    first = lines[0].text
    return (
        " " not in first
        and display_width(first) >= display_width(lines[1].text) + 2
        and not _open_bracket(first)
        and not first.endswith(_RUNS_ON_ENDS)
    )


def _couplet_over_line(lines: list[Span]) -> bool:
    """A title of two phrases a space apart, whole on its line, over one line about as wide
    (书香润童心 阅读伴成长 | 东湖小学第六届读书节开幕): the title over its subtitle, not a title
    wrapped onto a second line; or over a statement about the town wrapped onto two (春风送岗位
    招工不停歇 | 我市线上线下联动破解 | 企业复工复产“用工难”)."""
    if len(lines) not in (2, 3) or _PHRASES_APART.fullmatch(lines[0].text) is None:
        return False
    if len(lines) == 3 and not lines[1].text.startswith(_FACT_SUBJECT):
        return False
    first, below = lines[0].text, lines[1].text
    return (
        len(below) >= 0.75 * len(first)
        and not _open_bracket(first)
        and not first.endswith(_RUNS_ON_ENDS)
    )


def _reads_as_title(text: str) -> bool:
    """A headline line that reads as a title, not a plain statement: a phrase in quotes
    (插秧机“跑”出春耕加速度) or a slogan (让群众办事像网购一样方便)."""
    return bool(_quote_marks(text)) or text.startswith("让")


# a place or an occasion opened by 在 and closed by the word after it: 在…锦标赛上, 在…活动中
_LOCATIVE_OPEN: Final = re.compile(rf"在[{CJK}“”]{{2,}}$")
_LOCATIVE_CLOSE: Final = re.compile(rf"[{CJK}“”]{{1,10}}?[上中里内]")


def _open_locative(upper: str, lower: str) -> bool:
    """``upper`` ends inside a phrase 在… that ``lower`` closes: one sentence wrapped
    (我市选手在嘉兴市青少年 | 游泳锦标赛上获佳绩)."""
    at = upper.rfind("在")
    return (
        at >= 0
        and _LOCATIVE_OPEN.search(upper, at) is not None
        and _LOCATIVE_CLOSE.match(lower) is not None
    )


def _statement_over_line(lines: list[Span], places: bool = False, narrower: bool = False) -> bool:
    """Two headline lines, a statement about the town (我市…, 全市…; with ``places``, about one
    of its towns too: 独山港镇推进“红色物业”建设) over a line of its width that neither goes on
    from it nor opens with a subject or an aim of its own. With ``narrower`` (a ——subtitle
    under the two: the stack of kicker, title and subtitle) a line opening a clause of its
    own may be narrower, as a title under its kicker set in smaller type is (许村镇深化“三服务”
    活动助企纾困 | 把助企政策送到“家门口” | ——…)."""
    first = lines[0].text
    # (two lines only: over more, the first is as likely a title wrapped over its subtitle,
    # 全市春季农业生产推进 | 会在新港镇召开部署春耕 | 抓住有利时机…)
    if len(lines) != 2 or len(first) < 8:
        return False
    if not first.startswith(_FACT_SUBJECT) and not (
        # (a statement, not a town's name over its scheme: 新埭镇“共享菜园” | 让闲置地“活”起来)
        places and len(first) - _quote_marks(first) >= 10 and _TOWN_SUBJECT.match(first)
    ):
        return False
    if first.endswith((*_DANGLING, "级", *_WANTS_OBJECT)):
        # (a title wrapped inside a phrase: 我市4个村入选省级 | 未来乡村创建名单, or before a
        # verb's object: 我市28家企业入选 | 国家级专精特新“小巨人”)
        return False
    if _open_bracket(first):
        return False
    below = lines[1].text
    if _open_locative(first, below):
        return False
    return (
        len(below) - _quote_marks(below)
        # (narrower only when it opens a clause of its own with its object put first, 把…,
        # no wrapped remainder of the line above: 我市出台十二条措施支持 | 小微企业纾困发展)
        >= (0.65 if narrower and below.startswith(("把", "让")) else 0.8)
        * (len(first) - _quote_marks(first))
        and not below.startswith(_FACT_SUBJECT)
        # (a line that opens with the aim, no subject of its own, is the subtitle under a
        # statement that is the title: 我市出台稳外贸“十二条” | 助力外贸企业抢订单稳市场)
        and not below.startswith(_AIM_OPENING)
        and not _CLAUSE_PUNCT.search(below)
    )


def _figure_over_town(lines: list[Span]) -> bool:
    """Two lines, a title in figures of speech (a quoted phrase) over what one of the towns did
    in plain words (小菜园成了邻里“共享空间” | 塔山街道探索社区微更新): the title and its
    subtitle, the plain statement under the figurative one."""
    if len(lines) != 2:
        return False
    upper, lower = lines[0].text, lines[1].text
    return (
        "“" in upper
        and len(lower) >= 8
        and _TOWN_SUBJECT.match(lower) is not None
        and _quote_marks(lower) == 0
        and not _CLAUSE_PUNCT.search(lower)
        and not upper.endswith(_RUNS_ON_ENDS)
        and len(lower) >= 0.7 * (len(upper) - _quote_marks(upper))
    )


def _split_title_lines(lines: list[Span], by_width: bool = True) -> tuple[list[Span], list[Span]]:
    """Split one headline chunk into title lines and subtitle lines by a jump in line width
    (the subtitle is set smaller, so its lines are longer; not when ``by_width`` is false), a
    leading dash, or a last line that reads as a subtitle (an author line, a statement about
    我市/全市)."""
    if len(lines) == 1:
        return lines, []
    if len(lines) == 2 and _issuer_over_document(lines[:1], lines[1].text, False):
        return lines, []  # (南通市第一人民医院 | 关于调整夏季门诊时间的公告: one title, as cited)
    if _statement_over_subtitle(lines) or _couplet_over_line(lines) or _figure_over_town(lines):
        return lines[:1], lines[1:]
    # the last line, or the last two when the last is a short wrapped remainder
    # (市文化馆群众文艺部研究 | 员沈立华), reads as a subtitle
    # (or a subtitle wrapped inside the title of a document it names: 《平湖市进一步支持…高质 |
    # 量发展若干措施》解读)
    # (or a statement about the town wrapped over two lines, each wider than the title line
    # bare of its quotation marks: “共富工坊”开到家门口 | 我区已建成“共富工坊”86家 | 带动1200余名
    # 群众就近就业)
    tails = (
        [1, 2]
        if len(lines) > 2
        and (
            _short_remainder(lines)
            or _open_bracket(lines[-2].text)
            or (
                len(lines) == 3
                and lines[1].text.startswith(_FACT_SUBJECT)
                and min(display_width(s.text) for s in lines[1:])
                > display_width(lines[0].text) - _quote_marks(lines[0].text)
            )
        )
        else [1]
    )
    for n in tails:
        upper = "".join(s.text for s in lines[:-n])
        tail = "".join(s.text for s in lines[-n:])
        # (a title with a dash names its subject itself: 为觅昆仑一把草——记…专家董现明)
        if (
            not _open_bracket(upper)
            and ("—" not in upper or _SUBJECT_DASH.search(upper) is None)
            and (
                _subtitle_text(tail)
                or (
                    n == 1
                    and (
                        _FIGURE_FACT.fullmatch(tail) is not None
                        or _COUNT_FACT.fullmatch(tail) is not None
                        or (len(lines) == 2 and _figures_under_title(upper, tail))
                        or _figures_under_statement(upper, tail, one_line=len(lines) == 2)
                    )
                )
            )
        ):
            if _TOTAL_FIGURE.fullmatch(tail):
                # a total may close a subtitle of two lines (一季度我市签约…项目18个 | 总投资超
                # 150亿元): the widths find where it starts
                title, subtitle = _split_by_width(lines)
                if subtitle:
                    return title, subtitle
            title, subtitle = _split_title_lines(lines[:-n], by_width)
            return title, subtitle + lines[-n:]
    if not by_width:
        above = _above_dash_subtitle(lines)
        return above, lines[len(above) :]
    return _split_by_width(lines)


# a dash naming a subject (为觅昆仑一把草——记…), not one between figures (1—7月)
_SUBJECT_DASH: Final = re.compile(r"(?<!\d)—|—(?!\d)")


def _split_by_width(lines: list[Span]) -> tuple[list[Span], list[Span]]:
    """Title lines and subtitle lines of a headline chunk, split where a line is set wider
    (in the smaller type of a subtitle) or opens with a dash."""
    title = [lines[0]]
    widest = display_width(lines[0].text)  # of the title lines so far
    # (the same, quotation marks left out: against a statement in figures under them, 首期1000万元
    # 消费券一周核销率超八成 under “平湖消费券”撬动消费回暖; a title's wrapped remainder holds
    # none, 新华社“三讲”教 | 育注重解决实际问题)
    widest_bare = widest - _quote_marks(lines[0].text)
    for k in range(1, len(lines)):
        text = lines[k].text
        width = display_width(text)
        # (quotation marks left out: “烟火气”又回来了 under 老街夜市重开 is no wider a line)
        bare = width - _quote_marks(text)
        above = widest_bare if _DIGIT.search(text) else widest
        if (
            _SUBTITLE_DASH.match(text)
            or (
                bare >= 8
                and bare > 1.4 * above
                # (not what a body named alone over it did: 县消防救援大队 | 开展高层建筑灭火
                # 演练, one title; a body's name is no title)
                and not (k == 1 and _subject_over_predicate(lines[0].text, text))
            )
            or _wider_than_wrapped_title(title, lines[k:])
        ):
            return title, lines[k:]
        title.append(lines[k])
        widest = max(widest, width)
        widest_bare = max(widest_bare, bare)
    return title, []


# a body's or a place's name alone (县消防救援大队, 市第一人民医院, 新埭镇), and what it did
_BODY_NAME: Final = re.compile(
    rf"[{CJK}（）()]{{2,12}}(?:大队|中队|支队|分局|局|委员会|办公室|中心|医院|学校|小学|中学|幼儿园"
    r"|公司|集团|协会|商会|法院|检察院|街道|镇|乡|社区|站|所|馆)"
)
_BODY_ACTS: Final = re.compile(
    r"(?:开展|举行|举办|召开|启动|组织|推出|发布|实施|完成|走进|深入|获评|荣获|入选|迎来|建成|开通)"
)


def _subject_over_predicate(upper: str, lower: str) -> bool:
    """``upper`` names a body or a place and nothing else, ``lower`` says what it did: the two
    lines are one sentence (县消防救援大队 | 开展高层建筑灭火演练)."""
    return _BODY_NAME.fullmatch(upper) is not None and _BODY_ACTS.match(lower) is not None


# the verb of an event held, and the end of what it holds: 开展…行动, 举行…演练
_HOLDS_EVENT: Final = re.compile(r"开展|举行|举办|启动|组织|召开|部署")
_EVENT_NOUN_END: Final = re.compile(
    r"(?:活动|行动|检查|演练|培训|比赛|竞赛|大赛|仪式|宣传|会议|整治|攻坚|巡查|排查|讲座|展览|演出"
    r"|评选|招聘会|工作|调研|督查|督导|视察|考察|调查|座谈会|研讨会|推介会|交流会|对接会|观摩会|论坛|义诊)”?$"
)


# a clause 让… cut before its verb: 让春耕 | 跑出加速度; or one 为… (for whom): 全市为小微企业 |
# 减免税费3.2亿元
_CAUSE_OPEN: Final = re.compile(rf"让[{CJK}“”]{{1,4}}$|(?<=[{CJK}])为[{CJK}“”]{{2,6}}$")


def _cut_inside_clause(upper: str, lower: str) -> bool:
    """``upper`` ends inside a clause that ``lower`` completes, one title wrapped, not a kicker
    over a title (a kicker says what it says in full): an event's verb and the start of its
    object, the event's noun ending ``lower`` (县消防救援大队开展冬季火灾 | 防控“敲门行动”,
    市场监管总局部署元旦春节 | 食品安全工作), or a clause 让… or 为… cut before its verb (新埭镇
    “共享农机”让春耕 | 跑出加速度, 前4个月全市为小微企业 | 减免税费3.2亿元)."""
    if _CAUSE_OPEN.search(upper) is not None:
        return True
    verb = _HOLDS_EVENT.search(upper)
    return (
        verb is not None
        and verb.end() < len(upper)
        and _EVENT_NOUN_END.search(upper) is None
        and _EVENT_NOUN_END.search(lower) is not None
    )


def _runs_on_to_object(text: str) -> bool:
    """A title line cut before what it wants: a particle's or a verb's object (县人大常委会开展
    | 民营企业发展促进条例执法检查; not a campaign going on, 禁毒宣传活动广泛开展)."""
    if text.endswith(_RUNS_ON_ENDS) or _COUNT_ENDING.search(text):
        return True
    return (
        text.endswith("开展") and len(text) > 4 and _MANNER.search(text, 0, len(text) - 2) is None
    )


# a count and its measure word with no noun after them (开化开通首条 | “农村客货邮”融合线路)
_COUNT_ENDING: Final = re.compile(
    r"(?:首|第?[一二三四五六七八九十百千两几\d]+)(?:个|条|家|座|批|项|所|台|辆|种|位|名|处|套|支|件|部)$"
)
# how a campaign goes on, right before 开展 (全面开展, 常态化开展): no object follows
_MANNER: Final = re.compile(
    r"(?:广泛|全面|深入|扎实|有序|火热|正式|集中|持续|同步|陆续|顺利|蓬勃|有效|积极|大力|普遍|相继|全力|化|地)$"
)


_DIGIT: Final = re.compile(r"\d")
# Title lines are balanced: wrapped, they differ by a character or so (digits measure short)
_BALANCED: Final = 2


def _wider_than_wrapped_title(title: list[Span], below: list[Span]) -> bool:
    """A line clearly wider than every line of a title wrapped into balanced lines (全市农村基层
    党建工作 | 推进会暨现场观摩会召开 | 以党建引领推动乡村全面振兴) is set in the smaller type of
    a subtitle: a title line that long would have filled the lines above it. Over a single
    title line, the line must itself wrap (a block of two lines or more below it) and be wider
    in characters as well, since digits measure short (1600名科学家在 | “国际海洋年”…)."""
    text = below[0].text
    quotes = _quote_marks(text)
    if (
        len(below) == 1
        and _CLAUSE_PUNCT.search(text)
        and not any(_CLAUSE_PUNCT.search(s.text) for s in title)
    ):
        # one line holding a clause, under a title that holds none, wider by a fifth: a
        # subtitle (前5个月我市实际利用外资3.2亿美元 | 同比增长18.7%，增幅居…首位)
        widest = max(display_width(s.text) for s in title)
        if display_width(text) - quotes >= 1.2 * widest:
            return True
    if len(title) < 2:
        # one title line over a wrapped block: characters too (digits measure short)
        if len(below) < 2 or len(text) - quotes < max(len(s.text) for s in title) + _BALANCED:
            return False
    widest = max(display_width(s.text) for s in title)
    return display_width(text) - quotes >= widest + _BALANCED


def _bold_question(chunks: list[Chunk], i: int) -> bool:
    """A question printed twice (fake bold) between a finished paragraph and one opening with
    who answers (…的看法？ | 沈建明：…): an interview's question, part of its text."""
    chunk = chunks[i]
    if i == 0 or i + 1 >= len(chunks) or len(chunk.lines) > 3:
        return False
    if not all(line.doubled for line in chunk.lines):
        return False
    if not chunk.lines[-1].text.endswith(("？", "?")):
        return False
    prev, nxt = chunks[i - 1], chunks[i + 1]
    return (
        prev.kind == "body"
        and _ends_paragraph(prev)
        and nxt.kind == "text"
        and _ANSWERER.match(nxt.lines[0].text) is not None
    )


# who speaks, opening a paragraph of an interview: 沈建明：, 记者：
_ANSWERER: Final = re.compile(rf"[{CJK}]{{2,4}}[：:]")


def _headed_before(article: Article, articles: list[Article], order: list[tuple[str, int]]) -> bool:
    """A headline is the last thing read before ``article``'s text."""
    j = next(j for j, other in enumerate(articles) if other is article)
    at = order.index(("a", j))
    return at > 0 and order[at - 1][0] == "h"


def _collapsed_bold_lines(chunk: Chunk, unplaced: list[Unplaced]) -> Chunk:
    """A body chunk with lines printed twice (fake bold): each line once, the other copy to
    the unplaced table as a duplicate."""
    lines: list[Line] = []
    for line in chunk.lines:
        if line.doubled:
            dups: list[Span] = []
            kept = _headline_lines(Chunk([line]), dups)[0]
            for dup in dups:
                unplaced.append(Unplaced("duplicate_headline", dup, "collapsed: printed twice"))
            line = line._replace(
                pieces=tuple(kept.pieces),
                text=kept.text,
                width=line.width / 2,
                content_width=line.content_width / 2,
                doubled=False,
                final=_ends_sentence(kept.text),
            )
        lines.append(line)
    return Chunk(lines, chunk.kind, chunk.blank_before, chunk.blank_after)


def _headline_lines(chunk: Chunk, duplicates: list[Span]) -> list[Span]:
    spans: list[Span] = []
    last_text: str | None = None  # of the last span kept
    for line in chunk.lines:
        span, text = line.span, line.text
        if line.doubled:  # (the line's text printed twice: _double_cut finds where)
            n, cut = len(text), _double_cut(text)
            if cut:  # (the space between the copies, if any, is in neither)
                kept, dup = span.slice(0, n // 2), span.slice(cut)
            else:  # char-by-char doubling
                kept = Span([p for i in range(0, n, 2) for p in span.slice(i, i + 1).pieces])
                dup = Span([p for i in range(1, n, 2) for p in span.slice(i, i + 1).pieces])
            duplicates.append(dup)
            span, text = kept, kept.text
        if text == last_text:
            duplicates.append(span)  # the same line printed twice on two lines
            continue
        spans.append(span)
        last_text = text
    return spans


def _bold_lines_first(lines: list[Span], duplicates: list[Span]) -> int:
    """How many of a headline's first ``lines`` were printed twice (their copies among the
    ``duplicates``), when no line printed twice comes after one printed once; else 0."""
    if not duplicates:
        return 0
    copies = {d.text for d in duplicates}
    bold = [s.text in copies for s in lines]
    n = bold.index(False) if False in bold else len(bold)
    return n if not any(bold[n:]) else 0


def _split_title_credit(span: Span) -> tuple[Span, Span | None]:
    """A title and a photo credit on one line (《湖畔春晓》 张卫东 摄): the title, and the credit
    (None when the line is no such pair)."""
    text = span.text
    verb = _CREDIT_SUFFIX.search(text)
    if verb is None:
        return span, None
    for gap in _SPACES.finditer(text):
        rest = text[gap.end() :]
        # (one name may be spaced out any way: 张 卫东 摄)
        name = "".join(text[gap.end() : verb.start()].split())
        if gap.start() and 2 <= len(name) <= 4 and _opens_with_surname(name):
            # the name's characters, then the verb with one space before it
            runs = [m.span() for m in _NON_SPACE.finditer(text, gap.end(), verb.start())]
            pieces = [p for a, b in runs for p in span.slice(a, b).pieces]
            return span.slice(0, gap.start()), Span(pieces + span.slice(verb.start()).pieces)
        if gap.start() and _NAME_CREDIT.match(rest):
            return span.slice(0, gap.start()), squeeze_names(span.slice(gap.end()), SURNAMES)
    return span, None


_NON_SPACE: Final = re.compile(r"\S+")


def _kicker_over(
    lines: list[Span], text: str, dups: list[Span], below: Chunk, after: Chunk | None = None
) -> bool:
    """A headline chunk (its ``lines``, ``text`` and doubled lines) reads as the kicker of the
    headline chunk right ``below`` it: it ends in a reporting verb (强调, 指出 …) or a date
    sets the scene, or it is a short topic label over a plain title."""
    if _issuer_over_document(lines, below.text, below.blank_before):
        return False  # the issuer's name opens the document's title
    if _REPORTING_VERB.search(text) or _DATE_KICKER.fullmatch(text):
        return True
    if (
        len(lines) <= 2
        and not dups
        and below.blank_before
        and _printed_twice(below)
        and (_MEETING_HELD.search(lines[0].text) or _MEETING_HELD.search(text))
        # (not a kicker over a title of its own: 临湖市召开春季农业生产推进会 | 抢抓农时不误春耕)
        and (len(lines) == 1 or _leading_kicker(lines) == 0)
    ):
        # the meeting or the event held, a blank line over a title printed twice (fake bold),
        # as the sample sets its lead's kicker (我市举行…重大项目 | 集中开工活动 | | 48个项目总投资
        # 超320亿元 ×2; 市委常委会召开扩大会议 | 传达学习…精神 | | 以更高标准推进… ×2)
        return True
    if len(lines) == 1 and _OCCASION_KICKER.fullmatch(text):
        return True
    if len(lines) == 1 and not below.blank_before and _totals_line(text):
        return True  # a total in figures, never a title: 总投资52亿元 | 我市12个重大项目…
    if len(lines) == 1 and _BRACKETED_LABEL.fullmatch(text):
        return True  # a section label in brackets: 【生态文明】
    if len(lines) == 1 and _FOCUS_LABEL.fullmatch(text) and not dups:
        return True  # the occasion a page or a series focuses on: 聚焦3·15国际消费者权益日
    # (a label naming itself a column only right over the title: a blank line away,
    # 志愿者护河在行动 is a title of its own)
    if (
        len(lines) == 1
        and _box_label(text, endings=not below.blank_before)
        # (not a title ending so over one statement: 冬修水利正当时 | 今冬明春我市安排…46个)
        and not (len(below.lines) == 1 and _title_over_statement([lines[0], below.lines[0].span]))
        # (nor, a blank line away, over a headline with a kicker of its own: 专家名片 | |
        # 进入春季，…专家提醒 | 鼻痒喷嚏别硬扛…, the label of a box the page heads after it)
        and not (
            below.blank_before
            and len(below.lines) >= 2
            and _leading_kicker([line.span for line in below.lines]) > 0
        )
    ):
        return True  # a box's or a column's label: 相关新闻, 复工复产进行时
    if (
        len(lines) == 1
        and not dups
        and _SEEN_IN_LABEL.fullmatch(text) is not None
        # (a blank line away, over a title printed twice)
        and (not below.blank_before or _printed_twice(below))
    ):
        return True  # a column's theme and where it is seen: 共同富裕看平湖, 走进企业看发展
    if len(lines) == 1 and (
        (len(text) <= 10 and _COLUMN_NAME_ENDING.search(text) is not None)
        # (or a column of portraits: 党员风采, 支部风采; a title of four ending so is rare)
        or (len(text) == 4 and text.endswith("风采") and not dups)
    ):
        return True  # (a blank line away too, a column's own name: 民生实事进行时)
    if (
        len(lines) == 1
        and not dups
        and not below.blank_before
        and _printed_twice(below)
        and not _ANY_PUNCT.search(text)
        and len(text) < len(below.lines[0].text) // (2 if below.lines[0].doubled else 1)
    ):
        # a plain line right over a title printed twice (fake bold), shorter than it: the
        # title's kicker in plain type (抢抓农时备春耕 | 婺城10万亩早稻育秧全面铺开 ×2)
        return True
    if len(lines) != 1 or dups or any(line.doubled for line in below.lines):
        return False
    if (
        len(text) <= 6
        and not below.blank_before
        and len(below.lines) == 1
        and below.lines[0].text.endswith(("？", "?"))
        and not _ANY_PUNCT.search(text)
    ):
        return True  # a column's label right over the question it answers: 健康问答 | …怎么办？
    # the title line and the line under it, in this chunk or the next one touching it
    under = below.lines[1:2]
    if not under and after is not None and after.kind == "headline" and not after.blank_before:
        under = after.lines[:1]
    if under and not below.blank_before and not _open_bracket(text):
        # a short line over a title line and a subtitle set wider (颗粒归仓保丰收 |
        # 我市夏粮收购工作全面启动 | 小麦最低收购价每50公斤112元 预计收购1.3万吨): wrapped title
        # lines fill from the top, so the first is a kicker
        width, title_width = display_width(text), below.lines[0].width
        if width < 0.75 * title_width and under[0].width >= 1.3 * title_width:
            return True
        if (
            len(below.lines) == 2
            and width <= 0.75 * title_width
            and under[0].width >= title_width - 1
            # (a title whole on its line, in quotes or two phrases apart: not a subtitle's
            # first line wrapped, 老旧小区焕新颜 | 东塘街道今年计划改造7个 | 老旧小区，…)
            and (
                _reads_as_title(below.lines[0].text)
                or _PHRASES_APART.fullmatch(below.lines[0].text) is not None
            )
            and _split_title_lines([line.span for line in below.lines])[1]
        ):
            # a short line over a title and the subtitle the chunk under it splits into, as
            # wide (今天上午10时起载客运营 | 轨道交通7号线开通 市民出行再添“快车道” | 全长39.4公里，
            # 设站25座，…): the three decks of a headline, this one its kicker
            return True
    return _short_label_over_title(
        lines[0], [line.span for line in below.lines], adjoining=not below.blank_before
    )


def _printed_twice(chunk: Chunk) -> bool:
    """A line of the chunk printed twice (fake bold), on one line or on two lines one under the
    other, as :func:`_headline_lines` collapses them."""
    lines = chunk.lines
    return any(line.doubled for line in lines) or any(
        a.text == b.text for a, b in itertools.pairwise(lines)
    )


def _plain_line_over_bold_title(
    lines: list[Span],
    dups: list[Span],
    below: Chunk,
    after: Chunk | None,
    story_above: Callable[[], str],
) -> bool:
    """A plain line a blank line over a title printed twice (fake bold), the first of the
    headlines right after a story, both in that story's words (我市举行2021年第一批重大项目
    集中签约仪式 | | 招大引强蓄动能 ×2 | 项目为王促发展 ×2 | 18个项目总投资236亿元): the
    story's kicker over its title, as the sample sets its lead's. (A line sharing no words
    with the bold title's story is that story's own title: 广陈镇农产品“云端”卖得俏 | | 农资
    供应足 春耕备耕忙 ×2.)"""
    if len(lines) != 1 or dups or not below.blank_before:
        return False
    if not all(line.doubled for line in below.lines):
        return False
    story = story_above()
    if not story:
        return False
    title = below.text
    if after is not None and after.kind == "headline" and not after.blank_before:
        title += after.text  # (the subtitle under it)
    return _shared_words(lines[0].text, story) >= 3 and _shared_words(title, story) >= 3


def _issuer_over_document(title: list[Span], text: str, blank_between: bool) -> bool:
    """A body's name right over what it issues, 关于…的通告 (平湖市人民政府 | 关于东湖水域禁止垂钓
    游泳的通告): one title, the document's, as it is cited."""
    return (
        len(title) == 1
        and not blank_between
        and len(title[0].text) <= 16
        and title[0].text.endswith(_BODY_ENDS)
        and (
            _DOCUMENT_TITLE.match(text) is not None
            # (or any document it names, no 关于 opening it: 桐乡市乌镇镇人民政府 | 2024年公开
            # 招聘编外工作人员公告)
            or (
                len(text) <= 24
                and _DOCUMENT_END.search(text) is not None
                and _ANY_PUNCT.search(text) is None
            )
            # (or a notice: …集团有限公司 | 招聘启事)
            or _NOTICE_TITLE.fullmatch(text) is not None
        )
    )


def _bigrams(text: str) -> set[str]:
    """``text``'s distinct character bigrams."""
    return {text[k : k + 2] for k in range(len(text) - 1)}


def _shared_bigrams(text: str, other: str) -> int:
    """How many of ``text``'s distinct character bigrams ``other`` holds."""
    return sum(1 for gram in _bigrams(text) if gram in other)


def _word_bigrams(text: str) -> set[str]:
    """``text``'s distinct character bigrams holding no digit: its words, not its figures (新增2个
    and …总数达到6个 share none)."""
    return {gram for gram in _bigrams(text) if _DIGIT.search(gram) is None}


def _shared_words(text: str, other: str) -> int:
    """How many of ``text``'s :func:`_word_bigrams` ``other`` holds."""
    return sum(1 for gram in _word_bigrams(text) if gram in other)


def _subtitle_under(lines: list[Span], text: str, title: list[Span]) -> bool:
    """A headline chunk (its ``lines`` and ``text``) under a ``title`` reads as its subtitle:
    it opens with a dash, is set wider, or reads as an author line or a statement."""
    title_width = max(display_width(s.text) for s in title)
    widest = max(display_width(s.text) for s in lines)
    return bool(
        _SUBTITLE_DASH.match(text)
        or (widest >= 8 and widest > 1.4 * title_width)
        or (
            title_width > 0
            and _subtitle_text(text)
            # one line, or one wrapped onto a short remainder: not a title over its own
            # author line
            and (len(lines) == 1 or (len(lines) == 2 and _short_remainder(lines)))
        )
        # (or its figures: 上半年我市外贸进出口逆势增长 ×2 | | 出口“新三样”增长41.2%)
        or (len(lines) == 1 and len(title) == 1 and _figures_under_statement(title[0].text, text))
    )


def _group_headlines(
    cluster: list[Chunk],
    unplaced: list[Unplaced],
    after_credit: bool = False,
    story_above: Callable[[], str] = str,
) -> list[Headline]:
    """Turn a cluster of headline chunks and bylines (blank lines between) into headlines.

    A kicker (ending in a reporting verb such as 强调) joins the title chunk after it; a chunk
    opening with a dash is the subtitle of the title before it; bylines touching a headline chunk
    (no blank line between) belong to it; other bylines are detached. ``story_above`` gives
    the text of the story right above the cluster, if any.
    """
    headlines: list[Headline] = []
    current: Headline | None = None
    pending_kicker: list[Span] | None = None
    pending_bylines: list[Span] = []
    pending_dups: list[Span] = []
    # a title of two short lines over a line printed twice (fake bold) twice as wide: that line
    # is its subtitle (5G基站超五百个 | “智”造车间提速跑 | 我市实现…5G信号全覆盖 ×2)
    bold_subtitle_of: Headline | None = None
    for idx, chunk in enumerate(cluster):
        if chunk.kind == "byline":
            touches_prev = (
                idx > 0 and not chunk.blank_before and cluster[idx - 1].kind == "headline"
            )
            touches_next = (
                idx + 1 < len(cluster)
                and not chunk.blank_after
                and cluster[idx + 1].kind == "headline"
            )
            spans = [line.span for line in chunk.lines]
            if touches_prev and current is not None:
                current.bylines.extend(_strip_marker(s, unplaced) for s in spans)
                current.last = chunk.last
            elif touches_next:
                pending_bylines.extend(_strip_marker(s, unplaced) for s in spans)
            elif (
                idx == len(cluster) - 1
                and idx > 0
                and cluster[idx - 1].kind == "headline"
                and current is not None
                and pending_kicker is None
            ):
                current.bylines_below = spans  # (decided once the headline has its article)
            else:
                for s in spans:
                    unplaced.append(
                        Unplaced("detached_byline", s, "byline touching no headline or body")
                    )
                # (a headline under detached bylines is no subtitle of the one over them: 育秧
                # 正当时 | ■记者 陆佳慧 | 守护城市的“大白”们)
                current = None
            continue
        dups: list[Span] = []
        lines = _headline_lines(chunk, dups)
        if lines[0].text[0] in MARKERS:  # a brief's title: ■市图书馆恢复开放
            lines[0] = _strip_marker(lines[0], unplaced, "marker removed from a title")
        if len(lines) == 1 and lines[0].text.endswith(("摄", "摄影", " 作", " 书", " 画", " 绘")):
            # a photo's title and its credit on one line: 《湖畔春晓》 张卫东 摄
            lines[0], credit = _split_title_credit(lines[0])
            if credit is not None:
                pending_bylines.append(credit)
        # a title and its reporter's credit printed on one line, a gap between them
        # (城区新开3条公交线路<tab>■记者 居丹荔): the credit is the headline's byline
        marked = _MARKER_AFTER_GAP.search(lines[-1].text)
        if marked:
            credit = squeeze_names(lines[-1].slice(marked.end() - 1).strip(), SURNAMES)
            if _is_credit(credit.text):
                lines[-1] = lines[-1].slice(0, marked.start()).strip()
                pending_bylines.append(_strip_marker(credit, unplaced))
        text = "".join(s.text for s in lines)
        nxt = cluster[idx + 1] if idx + 1 < len(cluster) else None
        has_next_headline = nxt is not None and nxt.kind == "headline"
        after = cluster[idx + 2] if idx + 2 < len(cluster) else None
        if (
            pending_kicker is None
            and has_next_headline
            and nxt is not None  # (for the type checker: has_next_headline says so)
            # (not a caption's title a blank line under its photo credit, over another
            # headline: 巧手创未来 | 平湖市老年大学…招生公告; a box's label is no photo's title,
            # 相关链接 | | 老旧小区改造改什么)
            and not (
                after_credit
                and idx == 0
                and len(lines) == 1
                and nxt.blank_before
                and not _names_box(text)
            )
            and (
                _kicker_over(lines, text, dups, nxt, after)
                or (idx == 0 and _plain_line_over_bold_title(lines, dups, nxt, after, story_above))
            )
        ):
            pending_kicker, pending_dups = lines, dups
            continue
        # a plain line printed right under a title printed twice (fake bold) is its subtitle,
        # set in plain type
        under_bold_title = (
            idx > 0
            and current is not None
            and not chunk.blank_before
            and current.last == cluster[idx - 1].last
            and cluster[idx - 1].lines[-1].doubled
        )
        if (
            current is not None
            and current.title
            and not current.subtitle
            and not current.bylines
            and pending_kicker is None
            and not pending_bylines
            and not dups
            and not chunk.blank_before
            and current.last == cluster[idx - 1].last
            and not _SUBTITLE_DASH.match(text)
            and (
                (len(lines) == 1 and _runs_on_to_object(current.title[-1].text))
                or _issuer_over_document(current.title, text, False)
                # (or the gist of what was said, under who spoke where: 对标先进补短板 |
                # 全力打造乡村振兴平湖样板, the second line set wider)
                or (
                    bool(current.kicker)
                    and _KICKER_VERB.search(current.kicker[-1].text) is not None
                    and not _subtitle_text(text)
                )
            )
        ):
            # a title cut before its verb's object, the object set wider on a line of its own
            # (县人大常委会开展 | 民营企业发展促进条例执法检查), or a document's under its issuer:
            # one title, not a subtitle
            current.title = [*current.title, *lines]
            current.last = chunk.last
            continue
        if (
            current is not None
            and current.title
            and not current.subtitle
            and not current.bylines
            and pending_kicker is None
            and not pending_bylines
            # a line printed twice (fake bold) is a title, never a subtitle, unless set wider
            # under a title of short lines
            and (not dups or current is bold_subtitle_of)
            and not _DOCUMENT_TITLE.match(text)
            # (nor under a caption's title, a blank line away)
            and not (
                after_credit and idx == 1 and chunk.blank_before and len(cluster[0].lines) == 1
            )
            # (nor, a blank line away, a headline with a kicker of its own under a box's label:
            # 专家名片 | | 进入春季，…专家提醒 | 鼻痒喷嚏别硬扛…)
            and not (
                chunk.blank_before
                and len(lines) >= 2
                and _label_only(current)
                and _leading_kicker(lines) > 0
            )
            and (
                under_bold_title
                or current is bold_subtitle_of
                or _subtitle_under(lines, text, current.title)
            )
            # (a plain line right over a title printed twice is that title's kicker, a blank
            # line under another headline: 市人大…专题调研 | | 我市党员…开幕会 | 踔厉奋发… ×2;
            # a blank line apart from both too, unless it shares words with the story right
            # above the headlines, the upper title's: 广陈镇农产品“云端”卖得俏 | | 我市多措并举
            # 保障春耕生产 | | 农资供应足 春耕备耕忙 ×2 under a story on selling vegetables online)
            and not (
                chunk.blank_before
                and not dups
                and nxt is not None
                and has_next_headline
                and all(line.doubled for line in nxt.lines)
                and (not chunk.blank_after or _shared_bigrams(text, story_above()) < 2)
            )
            # (a block with a kicker of its own is a headline of its own: 全力以赴护航高考 |
            # 我市高考考务准备工作就绪 | 今年全市3162名考生参加考试 设3个考点)
            and not (len(lines) >= 3 and chunk.blank_before and _leading_kicker(lines))
            # (nor, a blank line apart, one right over the text under the cluster when the
            # title touches the text above it: two stories' titles, …排到了6月底。 | 甬企
            # “云签约” | 拿下千万美元订单 | | 商务部：全力帮助… | 复工复产稳订单 | 　　新华社…)
            and not (
                idx == 1
                and idx + 1 == len(cluster)
                and chunk.blank_before
                and not chunk.blank_after
                and not cluster[0].blank_before
            )
        ):
            current.subtitle = lines
            current.duplicates.extend(dups)
            current.last = chunk.last
            continue
        if (
            current is not None
            and current.title
            and current.subtitle
            and not current.bylines
            and pending_kicker is None
            and not pending_bylines
            and not dups
            and not chunk.blank_before
            and current.last == cluster[idx - 1].last
            and len(current.title) + len(current.subtitle) == len(cluster[idx - 1].lines)
            and not _SUBTITLE_DASH.match(current.subtitle[0].text)
            and min(display_width(s.text) for s in lines)
            >= 1.4 * max(display_width(s.text) for s in current.title + current.subtitle)
        ):
            # a line set wider still right under a headline split by its widths: the two
            # lines above are its title, this one its subtitle (开局即冲刺 | 新年首签12个项目 |
            # 平湖经济技术开发区总投资86.5亿元项目集中签约)
            current.title = [*current.title, *current.subtitle]
            current.subtitle = lines
            current.last = chunk.last
            continue
        if (
            dups
            and current is not None
            and current.title
            and not current.subtitle
            and not current.bylines
            and not chunk.blank_before
            and current.last == cluster[idx - 1].last
            # (every line printed twice: its copy among the duplicates set aside)
            and _bold_lines_first(current.title, current.duplicates) == len(current.title)
            and _bold_lines_first(lines, dups) == len(lines)
        ):
            # a title printed twice on two lines of different widths (拼项目 抓投资 ×2 |
            # 奋力跑出发展“加速度” ×2), which _chunks parts, each on one line or each line
            # repeated under itself (抢抓机遇攻坚克难 | 抢抓机遇攻坚克难 | 全力以赴推动… | 全力
            # 以赴推动…), under a kicker or not: one title
            current.title = [*current.title, *lines]
            current.duplicates.extend(dups)
            current.last = chunk.last
            continue
        narrow_over_bold = (
            pending_kicker is None
            and nxt is not None
            and has_next_headline
            and not dups
            and not chunk.blank_after
            and _short_title_over_bold(lines, nxt)
        )
        if (
            pending_kicker is None
            and has_next_headline
            and not dups
            and not narrow_over_bold
            and (
                (not chunk.blank_after and any(line.doubled for line in cluster[idx + 1].lines))
                # (or a line of its own a blank line over it, under another story's headline:
                # 市教育局发布暑期提醒 | | 暑期游泳切莫去野外水域暑期游泳切莫去野外水域; a photo's
                # title opens its cluster instead)
                or (
                    len(lines) == 1
                    and (
                        (idx > 0 and cluster[idx - 1].kind == "headline" and chunk.blank_before)
                        # (or the meeting held, the bold title saying what it set out to do:
                        # 市十七届人大四次会议隆重开幕 | | 锚定“两个率先”目标… ×2)
                        or _MEETING_HELD.search(text) is not None
                    )
                    and not _ANY_PUNCT.search(text)
                    and all(line.doubled for line in cluster[idx + 1].lines)
                )
                # (or a kicker set smaller, wrapped onto a shorter second line, a blank line
                # over the bold title, as the sample sets its lead: 全市“清洁家园 健康你我”爱国
                # 卫生 | 专项行动推进会召开 | | 人人动手清洁家园 ×2 | 共建共享健康平湖 ×2)
                or _wrapped_kicker_over_bold(chunk, cluster[idx + 1])
            )
        ):
            # The title is printed bold (twice in the text): a plain line right above it is
            # its kicker.
            pending_kicker, pending_dups = lines, dups
            continue
        current = Headline(first=chunk.first, last=chunk.last)
        headlines.append(current)
        if narrow_over_bold:
            bold_subtitle_of = current
        # (two short lines over a subtitle set right under them, wider: a title of two lines,
        # as the sample's 家门到厂门 | “工”到自然成 | 平湖“驻点招工”…, not a kicker and a title)
        under_wider = (
            len(lines) == 2
            # (a campaign's slogan is a kicker still: 奋战四季度 确保全年红 | 重点项目建设跑出
            # “加速度” | ——全市44个…)
            and _CAMPAIGN_SLOGAN.fullmatch(lines[0].text) is None
            and nxt is not None
            and nxt.kind == "headline"
            and not chunk.blank_after
            and nxt.lines[0].width >= 1.5 * max(line.width for line in chunk.lines)
            # (over a ——subtitle, as a feature sets one, a short label over a title line half as
            # wide again is its kicker still: 春游金华 | 古村花开正当时 | ——磐安乌石村…见闻)
            and not (
                _SUBTITLE_DASH.match(nxt.lines[0].text) is not None
                and _short_label_over_title(lines[0], lines[1:], adjoining=True)
            )
        )
        # (a title printed twice on two lines, 擦亮温泉金名片… | 擦亮温泉金名片…, keeps the chunk
        # whole: the plain lines above it are its kicker, as a plain line above a bold title is)
        bold_at = next((k for k, s in enumerate(lines) if any(d.text == s.text for d in dups)), 0)
        n_kicker = (
            0
            if pending_kicker is not None or under_wider
            else bold_at
            if dups
            # (a ——subtitle set right under, a chunk of its own, is read with the lines: the
            # stack of kicker, title and subtitle)
            else _leading_kicker([*lines, nxt.lines[0].span])
            if nxt is not None
            and nxt.kind == "headline"
            and not chunk.blank_after
            and _SUBTITLE_DASH.match(nxt.lines[0].text) is not None
            else _leading_kicker(lines)
        )
        if n_kicker:
            pending_kicker, lines = lines[:n_kicker], lines[n_kicker:]
        bold = _bold_lines_first(lines, dups)
        if 0 < bold < len(lines):
            # lines printed twice (fake bold), then lines printed once: the title in bold,
            # its subtitle in plain type (烽火中的东湖中学 ×2 | 一所中学的战时迁徙)
            current.title, current.subtitle = lines[:bold], lines[bold:]
        elif bold >= 2:
            # every line printed twice: all in the title's type, one title (坚持两手抓 确保两战赢
            # ×2 | 全力跑出复工复产加速度 ×2), as the sample's lead sets its two; a line opening
            # with a dash is the subtitle still (——我市外贸企业抢抓开局一线见闻 ×2)
            current.title = _above_dash_subtitle(lines)
            current.subtitle = lines[len(current.title) :]
        else:
            # under who spoke where (…会上强调) the lines are the gist of what was said, the
            # title, whatever their widths (对标先进补短板 | 全力打造乡村振兴平湖样板)
            spoken = pending_kicker is not None and _KICKER_VERB.search(pending_kicker[-1].text)
            current.title, current.subtitle = _split_title_lines(lines, by_width=not spoken)
            if (
                len(lines) == 2
                and len(chunk.lines) == 2
                and current.subtitle
                and chunk.lines[0].text[:1] in MARKERS
                and _SUBTITLE_DASH.match(lines[1].text) is None
                and display_width(lines[1].text) < display_width(lines[0].text)
            ):
                # a brief's title led by its marker, wrapped (■平湖农商银行“科技贷” | 余额突破
                # 50亿元): one title, the line under it shorter
                current.title, current.subtitle = lines, []
        current.duplicates.extend(dups)
        current.bylines, pending_bylines = pending_bylines, []
        if pending_kicker is not None:
            current.kicker = pending_kicker
            current.duplicates.extend(pending_dups)
            pending_kicker, pending_dups = None, []
    if pending_kicker is not None:  # a kicker with nothing after it: keep it as a headline
        headlines.append(Headline(title=pending_kicker, duplicates=pending_dups))
    for s in pending_bylines:
        unplaced.append(Unplaced("detached_byline", s, "byline touching no headline or body"))
    return headlines


_MARKER_AFTER_GAP: Final = re.compile(rf"(?<=\S)\s+[{MARKERS}]")


# a preposition or a particle: a line ending on one is cut inside its phrase
_CUT_INSIDE: Final = ("在", "于", "向", "从", "对", "把", "将", "让", "为", *_DANGLING)


def _wrapped_kicker_over_bold(chunk: Chunk, below: Chunk) -> bool:
    """Two plain lines, the second the short remainder of the first (not a balanced second
    title line nor a subtitle) or both set wide, over lines all printed twice (fake bold), the
    first line half as wide again as one copy of the widest bold line: a kicker wrapped in its
    smaller type over the title."""
    lines = chunk.lines
    if len(lines) != 2 or not all(line.doubled for line in below.lines) or chunk.punct:
        return False
    bold = max(line.width for line in below.lines) / 2  # (one copy)
    # (or two lines both half as wide again as the bold title, the first cut inside its phrase:
    # a kicker balanced over two lines, 我市4200余名网格员奋战在 | 疫情防控和复工复产一线 | |
    # 织密防控网 ×2 | 守护万家安 ×2; two lines each whole are a title over its subtitle)
    return lines[0].width >= 1.5 * bold and (
        lines[1].width <= 0.6 * lines[0].width
        or (
            lines[1].width >= 1.5 * bold
            and (lines[0].text.endswith(_CUT_INSIDE) or _runs_on_to_object(lines[0].text))
        )
    )


def _short_title_over_bold(lines: list[Span], below: Chunk) -> bool:
    """Two short lines of about one width over one line printed twice (fake bold) at least half
    as wide again as either: a title and its subtitle, as the sample sets 家门到厂门 | “工”到自然
    成 over a wider subtitle. A kicker over a bold title runs wider than the title's lines
    (祁海龙在…现场会上强调 over 再掀爱国卫生运动热潮 ×2)."""
    if len(lines) != 2 or len(below.lines) != 1 or not below.lines[0].doubled:
        return False
    widths = [display_width(line.text) for line in lines]
    bold = below.lines[0].width / 2  # (one copy)
    return abs(widths[0] - widths[1]) <= 2.5 and bold >= 1.5 * max(widths)


def _head_bigrams(texts: list[str]) -> tuple[np.ndarray, np.ndarray]:
    """Character bigrams of the letters, digits and CJK of ``texts`` (punctuation dropped, so
    a bigram may span it): the distinct ones in order, as rows of two code points, and
    ``member[i, k]``, 1.0 when ``texts[i]`` holds bigram k.

    Read from arrays of code points for all texts at once: sets of bigram strings built per
    text cost more than the whole comparison with the bodies.
    """
    codes = np.frombuffer("".join(texts).encode("utf-32-le"), dtype=np.uint32)
    owner = np.repeat(np.arange(len(texts)), [len(text) for text in texts])
    keep = _BIGRAM_CHAR[np.minimum(codes, 0xFFFF)]  # (all of them are in the BMP)
    codes, owner = codes[keep].astype(np.int64), owner[keep]
    same = owner[:-1] == owner[1:]  # no bigram spans two texts
    # a bigram as one number that sorts as its string does
    grams, column = np.unique(((codes[:-1] << 16) | codes[1:])[same], return_inverse=True)
    member = np.zeros((len(texts), len(grams)))
    member[owner[:-1][same], column] = 1.0
    return np.stack((grams >> 16, grams & 0xFFFF), axis=1).astype(np.uint32), member


def _similarity(headlines: list[Headline], articles: list[Article]) -> np.ndarray:
    """Share of each headline's bigram weight found in each body, weighted by rarity on the page."""
    return _text_similarity([h.text() for h in headlines], articles)


def _article_text_of(article: Article) -> str:
    """The text of an article's paragraphs, run together."""
    return "".join([piece[0] for p in article.paragraphs for piece in p.pieces])


def _is_brief(article: Article) -> bool:
    """A brief: one paragraph of under 200 characters under a dateline (本报讯 …)."""
    return (
        bool(article.dateline) and len(article.paragraphs) == 1 and len(article.paragraphs[0]) < 200
    )


def _text_similarity(texts: list[str], articles: list[Article]) -> np.ndarray:
    """:func:`_similarity` of headline texts."""
    grams, member = _head_bigrams(texts)
    if not len(grams) or not articles:
        return np.zeros((len(texts), len(articles)))
    bodies = [_article_text_of(a) for a in articles]
    found = _grams_found(grams, bodies)
    weights = np.log(1 + len(articles) / (1 + found.sum(axis=1))) + 0.1
    weighted = member * weights
    total = weighted.sum(axis=1, keepdims=True)
    # (not ``weighted @ found``: BLAS on matrices this small costs more in starting and
    # spinning its threads, which count as the process's CPU time, than the product itself)
    overlap = np.einsum("hg,ga->ha", weighted, found.astype(np.float64))
    return np.divide(overlap, total, out=np.zeros_like(overlap), where=total > 0)


# Per BMP code point: 1 + its index among the vocabulary's characters, 0 for any other. One
# table kept for the process and reset after each page (allocating it per page costs more).
_VOCAB_CHAR_ID: Final = np.zeros(0x10000, dtype=np.int32)


def _bigrams_found(vocab: list[str], bodies: list[str]) -> np.ndarray:
    """found[k, j]: bigram ``vocab[k]`` occurs in ``bodies[j]``."""
    grams = np.frombuffer("".join(vocab).encode("utf-32-le"), dtype=np.uint32).reshape(-1, 2)
    return _grams_found(grams, bodies)


def _distinct(values: np.ndarray) -> np.ndarray:
    """The distinct values in order, flattened: np.unique, which costs ten times as much on
    the few hundred code points of a page's headlines."""
    ordered = np.sort(values, axis=None)
    return np.concatenate((ordered[:1], ordered[1:][ordered[1:] != ordered[:-1]]))


def _grams_found(grams: np.ndarray, bodies: list[str]) -> np.ndarray:
    """found[k, j]: the bigram of code points ``grams[k]`` occurs in ``bodies[j]``.

    Vectorised: characters of the vocabulary get small ids through a lookup table over the
    Basic Multilingual Plane, so a page's bodies are scanned in a few array operations rather
    than a Python set of bigrams per body.
    """
    found = np.zeros((len(grams), len(bodies)), dtype=bool)
    in_bmp = (grams < 0x10000).all(axis=1)
    bmp = np.flatnonzero(in_bmp)
    rare = np.flatnonzero(~in_bmp).tolist()  # a character beyond the BMP: checked one by one
    ords = _distinct(grams[bmp])
    m = len(ords) + 1
    text = "\0".join(bodies)  # \0 is never in a headline bigram: no bigram spans two bodies
    codes = np.frombuffer(text.encode("utf-32-le"), dtype=np.uint32)
    if not codes.size:  # (the page's only body is a dateline)
        return found
    # (take with intp indices: several times faster than indexing with other integers)
    index = codes.astype(np.intp)
    if codes.max() >= 0x10000:
        index[codes >= 0x10000] = 0
    _VOCAB_CHAR_ID[ords] = np.arange(1, m, dtype=np.int32)
    try:
        gram_ids = _VOCAB_CHAR_ID[grams[bmp]]
        ids = _VOCAB_CHAR_ID.take(index)
    finally:
        _VOCAB_CHAR_ID[ords] = 0
    # row and column 0 (a character out of the vocabulary) hold no bigram: -1
    gram_index = np.full(m * m, -1, dtype=np.int32)
    gram_index[gram_ids[:, 0] * m + gram_ids[:, 1]] = bmp
    k = gram_index.take(ids[:-1] * m + ids[1:])
    at = np.flatnonzero(k >= 0)
    k = k[at]
    # body of each bigram, from where each body starts (a body may hold \0 itself)
    starts = np.cumsum([0] + [len(body) + 1 for body in bodies[:-1]])
    owner = np.searchsorted(starts, at, side="right") - 1
    found[k, owner] = True
    for g in rare:
        gram = "".join(map(chr, grams[g].tolist()))
        found[g] = [gram in body for body in bodies]
    return found


def _max_assignment(score: np.ndarray) -> tuple[list[int], list[int]]:
    """Rows and columns of the one-to-one assignment with the largest total score.

    The Hungarian method on a padded square matrix. Pages have a dozen headlines at most, so
    this is cheaper than importing scipy.optimize (about a second) for every worker process.
    """
    n_rows, n_cols = score.shape
    if 0 < n_rows <= n_cols:
        # When every row has a strictly best column and no two rows share it, taking those is
        # the unique optimum (the usual page: each headline next to its own body).
        best = score.argmax(axis=1)
        runner_up = np.partition(score, -2, axis=1)[:, -2] if n_cols > 1 else np.full(n_rows, -1.0)
        if len(set(best.tolist())) == n_rows and bool(
            (score[np.arange(n_rows), best] > runner_up).all()
        ):
            return list(range(n_rows)), best.tolist()
    n = max(n_rows, n_cols)
    padded = np.zeros((n, n))
    padded[:n_rows, :n_cols] = -score
    cost = padded.tolist()  # Python floats: numpy scalar indexing is slow in this loop
    inf = float("inf")
    u, v = [0.0] * (n + 1), [0.0] * (n + 1)
    match, way = [0] * (n + 1), [0] * (n + 1)  # match[j]: row (1-based) given column j
    for i in range(1, n + 1):
        match[0], j0 = i, 0
        minv, used = [inf] * (n + 1), [False] * (n + 1)
        while True:
            used[j0] = True
            i0, delta, j1 = match[j0], inf, 0
            row, u_i0 = cost[i0 - 1], u[i0]
            for j in range(1, n + 1):
                if not used[j]:
                    cur = row[j - 1] - u_i0 - v[j]
                    if cur < minv[j]:
                        minv[j], way[j] = cur, j0
                    if minv[j] < delta:
                        delta, j1 = minv[j], j
            for j in range(n + 1):
                if used[j]:
                    u[match[j]] += delta
                    v[j] -= delta
                else:
                    minv[j] -= delta
            j0 = j1
            if match[j0] == 0:
                break
        while j0:
            j1 = way[j0]
            match[j0] = match[j1]
            j0 = j1
    pairs = sorted((match[j] - 1, j - 1) for j in range(1, n + 1) if match[j])
    pairs = [(r, c) for r, c in pairs if r < n_rows and c < n_cols]
    return [r for r, _ in pairs], [c for _, c in pairs]


def _opens_column_text(article: Article) -> bool:
    """The article opens as the text of a column does: a reader's question (问：), an item's
    mark (●5月18日…)."""
    if not article.paragraphs or article.dateline:
        return False
    opening = article.paragraphs[0].pieces[0][0][:2]
    return opening[:1] in _ITEM_MARKERS or opening in ("问：", "问:")


def _assign_headlines(
    headlines: list[Headline],
    articles: list[Article],
    order: list[tuple[str, int]],
    cluster_of: list[int] | None = None,
    sims: np.ndarray | None = None,
) -> dict[int, int]:
    """One-to-one headline -> article assignment. Returns {headline index: article index}.
    ``sims``: the headlines' similarity to the articles, when already computed."""
    if not headlines or not articles:
        return {}
    if sims is None:
        sims = _similarity(headlines, articles)
    # The article a headline follows (right before it in reading order) and precedes (the
    # first article or headline after it is that article).
    follows = np.zeros_like(sims)
    precedes = np.zeros_like(sims)
    for p, (kind, i) in enumerate(order):
        if kind != "h":
            continue
        if p > 0 and order[p - 1][0] == "a":
            follows[i, order[p - 1][1]] = 1.0
        later = (key for key in itertools.islice(order, p + 1, None) if key[0] in ("a", "h"))
        after = next(later, None)
        if after is not None and after[0] == "a":
            # (set right over the text, no blank line between, while a blank line parts it
            # from the text above: it heads the text under it, whichever way the page sets
            # its headlines; 民生热线 | 问：…)
            touching = (
                articles[after[1]].first == headlines[i].last + 1
                and p > 0
                and order[p - 1][0] == "a"
                and articles[order[p - 1][1]].last < headlines[i].first - 1
                # (over what opens a column's text: a question, an item's mark; not a line of
                # verse under a line read as a headline)
                and _opens_column_text(articles[after[1]])
            )
            precedes[i, after[1]] = 2.0 if touching else 1.0
    # Which way round does this page set its headlines? Compare the content agreement, a
    # brief's counting for less (one short paragraph under its dateline): a column of briefs
    # may set its titles over their texts on a page that heads its stories after theirs.
    weight = np.array([0.3 if _is_brief(a) else 1.0 for a in articles])
    after_fit = float((sims * follows * weight).sum())
    before_fit = float((sims * precedes * weight).sum())
    follow_bonus, precede_bonus = (0.6, 0.3) if after_fit >= before_fit else (0.3, 0.6)
    score = 1.2 * sims + follow_bonus * follows + precede_bonus * precedes
    # A photo caption with its own credit takes no headline signed by a reporter (记者 …): that
    # headline heads a story.
    signed = [
        i for i, h in enumerate(headlines) if h.bylines and not _photo_credits_only(h.bylines)
    ]
    # Nor a box's label (相关链接, 人物名片), which a photo's title never is, alone or over the
    # box's title: under a caption's credit on a page headed after its text, it opens the box's
    # text under it.
    labels = [
        i
        for i, h in enumerate(headlines)
        if _label_only(h) or (len(h.kicker) == 1 and _names_box(h.kicker[0].text))
    ]
    if signed or labels:
        credited = [j for j, a in enumerate(articles) if _is_credited_caption(a)]
        score[np.ix_(signed + labels, credited)] = 0.0
    rows, cols = _max_assignment(score)
    out = {}
    for i, j in zip(rows, cols, strict=True):
        if score[i, j] >= 0.09:
            out[int(i)] = int(j)
    if cluster_of is not None:
        _attach_unclaimed_kickers(headlines, out, cluster_of, sims)
        _lift_kickers_from_strangers(headlines, out, cluster_of, sims, articles)
    return out


def _lift_kickers_from_strangers(
    headlines: list[Headline],
    assignment: dict[int, int],
    cluster_of: list[int],
    sims: np.ndarray,
    articles: list[Article],
) -> None:
    """A one-line headline right over another headline of its cluster, given to a body that
    shares none of its words (the brief it stands under on a page headed after its text), when
    it reads like the body the headline under it heads, is that headline's kicker (市委常委会召开
    （扩大）会议 | | 聚力攻坚二季度 | 奋战实现“双过半”, over a lead opening 市委常委会召开（扩大）会议，
    传达…). Not a photo's title under its caption and credit: a photo's title need share no
    words with the caption (美丽林埭 over ①徐埭港生态廊道一景。… | ■摄影 …)."""
    for i in range(len(headlines) - 1):
        upper, lower = headlines[i], headlines[i + 1]
        if (
            cluster_of[i] != cluster_of[i + 1]
            or i not in assignment
            or i + 1 not in assignment
            or len(upper.title) != 1
            or upper.kicker
            or upper.subtitle
            or upper.bylines
            or upper.duplicates
            or lower.kicker
            or not lower.title
        ):
            continue
        own, theirs = assignment[i], assignment[i + 1]
        if (
            sims[i, own] <= 0.1
            and sims[i, theirs] >= 0.5
            and not _is_credited_caption(articles[own])
        ):
            lower.kicker, upper.title = upper.title, []
            lower.first = upper.first
            del assignment[i]


# A headline reads like a text when this share of its bigram weight is found in it, and not
# like it below _READS_UNLIKE.
_READS_LIKE, _READS_UNLIKE = 0.25, 0.05


def _lift_stranger_kickers(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """A one-line kicker a blank line over its title that shares no words with the body the
    headline heads, and reads like a body no headline heads (a caption's title displaced after
    the next story, over that story's title: 守护古廊桥 | | 中秋临近 月饼市场迎来销售旺季, the
    caption before them telling of 古廊桥): that body's title, not the kicker."""
    found = [
        i
        for i, h in enumerate(headlines)
        if i in assignment
        and len(h.kicker) == 1
        and h.title
        and h.title[0].line_start - h.kicker[0].line_end > 1
    ]
    if not found:
        return
    headless = _headless_articles(articles, assignment)
    if not headless:
        return
    sims = _text_similarity([headlines[i].kicker[0].text for i in found], articles)
    for row, i in enumerate(found):
        best = max(headless, key=lambda j: float(sims[row, j]))
        if sims[row, assignment[i]] > _READS_UNLIKE or sims[row, best] < 0.35:
            continue
        h = headlines[i]
        label = Headline(title=h.kicker, first=h.kicker[0].line_start, last=h.kicker[0].line_end)
        h.kicker = []
        h.first = min(s.line_start for s in h.title + h.subtitle)
        headlines.append(label)
        assignment[len(headlines) - 1] = best
        order.insert(order.index(("h", i)), ("h", len(headlines) - 1))
        headless.remove(best)
        if not headless:
            return


def _label_only(headline: Headline) -> bool:
    """The headline is a box's label and nothing else: 相关链接, 人物名片 (not a running
    column's, 战疫一线, which stands over each of its stories' titles)."""
    title = headline.title
    return (
        len(title) == 1
        and not headline.kicker
        and not headline.subtitle
        and _names_box(title[0].text)
    )


def _names_box(text: str) -> bool:
    """``text`` is a box's label and nothing else, perhaps letter-spaced (相关链接, 人物名片)."""
    return text.replace(" ", "") in _BOX_LABELS


def _is_credited_caption(article: Article) -> bool:
    return not article.dateline and _photo_credits_only(article.bylines)


def _unclaimed_headlines(headlines: list[Headline], assignment: dict[int, int]) -> list[int]:
    return [i for i, h in enumerate(headlines) if i not in assignment and (h.title or h.kicker)]


def _headless_articles(articles: list[Article], assignment: dict[int, int]) -> list[int]:
    """The articles no headline heads, in page order."""
    headed = set(assignment.values())
    return [j for j in range(len(articles)) if j not in headed]


_CJK_CHAR: Final = re.compile(f"[{CJK}]")
# a leftover headline goes by single characters when this share of their weight is in the
# article and no other pairing comes within this factor of it
_CHAR_PAIR_MIN: Final = 0.2
_CHAR_PAIR_MARGIN: Final = 1.5


def _pair_by_characters(
    headlines: list[Headline], articles: list[Article], assignment: dict[int, int]
) -> None:
    """Headlines that share no word with any body left without one (书香满城迎春来 over a story
    of 图书馆 and 读书): weigh the single characters instead, by their rarity among the page's
    bodies, and pair a leftover headline with a leftover article only when each is the
    other's clear best."""
    left_headlines = _unclaimed_headlines(headlines, assignment)
    left_articles = _headless_articles(articles, assignment)
    if not left_headlines or not left_articles:
        return
    bodies = [set(_CJK_CHAR.findall(_join(a.paragraphs, "").text)) for a in articles]
    df: Counter[str] = Counter(ch for body in bodies for ch in body)
    n = len(articles)
    score = np.zeros((len(left_headlines), len(left_articles)))
    for r, i in enumerate(left_headlines):
        weight = {ch: np.log(1 + n / (1 + df[ch])) for ch in _CJK_CHAR.findall(headlines[i].text())}
        total = sum(weight.values())
        for c, j in enumerate(left_articles):
            found = sum(w for ch, w in weight.items() if ch in bodies[j])
            score[r, c] = found / total if total else 0.0
    for r, i in enumerate(left_headlines):
        c = int(score[r].argmax())
        others_row = np.delete(score[r], c)
        others_col = np.delete(score[:, c], r)
        best = score[r, c]
        if (
            best >= _CHAR_PAIR_MIN
            and (not len(others_row) or best >= _CHAR_PAIR_MARGIN * others_row.max())
            and (not len(others_col) or best >= _CHAR_PAIR_MARGIN * others_col.max())
        ):
            assignment[i] = left_articles[c]


# how a story usually ends: no credit or end mark after
_USUAL_ENDS: Final = ("。", "！", "？", "”")


def _lift_inline_furniture(
    articles: list[Article], unplaced: list[Unplaced], page_text: str
) -> None:
    """Take out of the bodies what is printed in the running text but is no body: jump lines
    (（下转第2版）) and a wire story's （完） go to the unplaced table, a credit closing the last
    paragraph to the bylines (its brackets are unplaced markers, as ■ is)."""
    # (what the page does not print is not looked for: a test over its text is cheaper than
    # one over every paragraph)
    jumps = "版" in page_text
    end_marks = any(mark[-2:] in page_text for mark in _END_MARKS)  # (完）, 续）)
    for art in articles:
        paragraphs = art.paragraphs
        if jumps:
            lifted = []
            for span in paragraphs:
                text = span.text
                if "版" in text:
                    span = _without_jump_lines(span, unplaced)
                    text = span.text
                if text:
                    lifted.append(span)
            paragraphs = lifted
        # (most stories end a sentence: then neither an end mark nor a credit follows)
        last = paragraphs[-1].pieces if paragraphs else []
        if last and not last[-1][0].endswith(_USUAL_ENDS):
            if end_marks:
                paragraphs[-1] = _without_end_mark(paragraphs[-1], unplaced)
            paragraphs[-1] = _without_credit(paragraphs[-1], art.bylines, unplaced)
            if not paragraphs[-1].text:
                paragraphs.pop()
        art.paragraphs = paragraphs


def _without_jump_lines(span: Span, unplaced: list[Unplaced]) -> Span:
    if "版" not in span.text:
        return span
    for m in reversed(list(_JUMP_NOTE.finditer(span.text))):
        note = "jump line: the story goes on on another page"
        unplaced.append(Unplaced("furniture", span.slice(*m.span()), note))
        span = span.slice(0, m.start()).extend(span.slice(m.end())).strip()
    return span


def _without_end_mark(span: Span, unplaced: list[Unplaced]) -> Span:
    text = span.text
    mark = next((mark for mark in _END_MARKS if text.endswith(mark)), "")
    if not mark:
        return span
    start = len(text) - len(mark)
    note = "end of an instalment: the serial goes on" if "续" in mark else "end of a wire story"
    unplaced.append(Unplaced("furniture", span.slice(start), note))
    return _stripped_slice(span, 0, start)


def _without_credit(span: Span, bylines: list[Span], unplaced: list[Unplaced]) -> Span:
    m, bracketed = _tail_credit(span.text)
    if m is None:
        return span
    start, end = m.span(1)
    if bracketed:
        unplaced.append(Unplaced("marker", span.slice(m.start(), start), "credit bracket"))
        unplaced.append(Unplaced("marker", span.slice(end, m.end()), "credit bracket"))
    credit = _strip_marker(_stripped_slice(span, start, end), unplaced)
    glued = _ROLE_GLUED.match(credit.text)
    if glued and not _is_credit(credit.text):
        # the role and the name a line break parted, joined with nothing between: the space
        # a byline sets between them (通讯员朱 敏 -> 通讯员 朱敏)
        credit = credit.slice(0, glued.end()).extend(credit.slice(glued.end()), sep=" ")
    verb = _GLUED_VERB.search(credit.text)
    if verb:  # so for the verb after the name: 记者 张 帆 | 摄 -> 记者 张帆 摄
        credit = credit.slice(0, verb.start()).extend(credit.slice(verb.start()), sep=" ")
    # (printed in running text: names keep their justification spaces until squeezed)
    bylines.append(squeeze_names(credit, SURNAMES))
    return _stripped_slice(span, 0, m.start())


def _pair_by_elimination(
    headlines: list[Headline], articles: list[Article], assignment: dict[int, int]
) -> None:
    """One headline left over and one article left without a headline: every other pairing
    on the page is settled, so the text does say where this one belongs."""
    left_headlines = _unclaimed_headlines(headlines, assignment)
    left_articles = _headless_articles(articles, assignment)
    if len(left_headlines) == 1 and len(left_articles) == 1:
        assignment[left_headlines[0]] = left_articles[0]


def _split_digest_items(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """Split an article at a dated item read as part of a news digest (same column, no headline
    between) when the headlines say it is two articles: a headline nobody claimed reads like
    the text from that item on and not like the text before it, or it reads like the text
    before the item while the article's own headline reads only like the text after it."""
    while True:
        left = _unclaimed_headlines(headlines, assignment)
        candidates = [(j, p) for j, art in enumerate(articles) for p in art.digest_items]
        if not left or not candidates:
            return
        owner = {a: h for h, a in assignment.items()}
        parts = []
        for j, p in candidates:
            paragraphs = articles[j].paragraphs
            parts += [Article(paragraphs=paragraphs[p:]), Article(paragraphs=paragraphs[:p])]
        claimed = sorted({owner[j] for j, _ in candidates if j in owner})
        sims = _similarity([headlines[i] for i in left + claimed], parts)
        row = {i: r for r, i in enumerate(left + claimed)}
        best: tuple[float, int, int, int, bool] | None = None
        for n, (j, p) in enumerate(candidates):
            own = owner.get(j)
            own_after = float(sims[row[own], 2 * n]) if own is not None else 0.0
            own_before = float(sims[row[own], 2 * n + 1]) if own is not None else 1.0
            for i in left:
                after, before = float(sims[row[i], 2 * n]), float(sims[row[i], 2 * n + 1])
                if after >= _READS_LIKE and before <= _READS_UNLIKE:
                    score, first_part = after, False
                elif (
                    # both headlines say so: this one reads rather like the text from the item
                    # on, the article's own like the text before it and little like the rest
                    # (a headline may share a word or two with the story above)
                    after >= _READS_LIKE
                    and after >= 1.5 * before
                    and own_before >= _READS_LIKE
                    and own_after <= 0.25 * own_before
                ):
                    score, first_part = after - before, False
                elif (
                    before >= _READS_LIKE
                    and after <= 0.5 * before
                    and own_after >= _READS_LIKE
                    and own_before <= _READS_UNLIKE
                ):
                    score, first_part = min(before, own_after), True
                else:
                    continue
                if best is None or score > best[0]:
                    best = (score, i, j, p, first_part)
        if best is None:
            return
        _, i, j, p, first_part = best
        old = articles[j]
        item = Article(paragraphs=old.paragraphs[p:], last=old.last)
        item.digest_items = [q - p for q in old.digest_items if q > p]
        old.paragraphs = old.paragraphs[:p]
        old.digest_items = [q for q in old.digest_items if q < p]
        old.last = max(span.line_end for span in old.paragraphs + old.bylines)
        head = item.paragraphs[0]
        item.first = head.line_start
        dateline = DATELINE.match(head.text)
        if dateline:
            item.dateline = head.slice(0, dateline.end()).strip()
            rest = head.slice(dateline.end()).strip()
            item.paragraphs = ([rest] if rest.text else []) + item.paragraphs[1:]
        _insert_article(articles, assignment, order, j + 1, item)
        if first_part:  # the article's own headline goes with the item, the unclaimed one stays
            assignment[owner[j]] = j + 1
            assignment[i] = j
        else:
            assignment[i] = j + 1


def _columns_differ(one: Article, other: Article) -> bool:
    """Both articles have lines enough to read their columns, and these differ (by the
    measure of the digest test in _add_body, which joins columns within one cell)."""
    return (
        min(len(one.widths), len(other.widths)) >= 3
        and abs(_sorted_median(one.widths) - _sorted_median(other.widths)) >= 1
    )


def _split_at_leftover_headline(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """A story headed before its text, then a story with no dateline headed after its text
    (a feature: 晚上8点，南河头…): nothing on the page parts the two texts, so they read as one
    run with a headline over it and one under it, one of the two left over. Split the run
    where the words of the headline under it begin, when the headline over it reads like the
    paragraphs before that one and not after, and the one under it the other way round. So too
    for two stories headed after their texts, both headlines under the run (a report, then a
    feature with no dateline: …2.3亿美元。 | 走进位于独山港镇的…): the words say which heads
    which part."""
    for i, h in enumerate(headlines):
        if i in assignment or not h.title:
            continue
        owner = {a: g for g, a in assignment.items()}
        # the run the leftover headline is under (its own headline over it), or over (its
        # own headline under it)
        above = [j for j, a in enumerate(articles) if a.paragraphs and a.last < h.first]
        below = [j for j, a in enumerate(articles) if a.paragraphs and a.first > h.last]
        j, over, under = -1, -1, -1
        if above:
            k = max(above, key=lambda k: articles[k].last)
            if k in owner and headlines[owner[k]].last < articles[k].first:
                j, over, under = k, owner[k], i
        if j < 0 and below:
            k = min(below, key=lambda k: articles[k].first)
            if k in owner and headlines[owner[k]].first > articles[k].last:
                j, over, under = k, i, owner[k]
        # (or both headed after the run, two stories set one after the other with no dateline
        # between: which heads which part, the words tell; "over" heads the first part)
        both_after = False
        if (j < 0 or len(articles[j].paragraphs) < 2) and above:
            k = max(above, key=lambda k: articles[k].last)
            if k in owner and headlines[owner[k]].first > articles[k].last:
                j, over, under, both_after = k, owner[k], i, True
        if j < 0 or len(articles[j].paragraphs) < 2:
            continue
        run = articles[j]
        n = len(run.paragraphs)
        texts = [headlines[under].text(), headlines[over].text()]
        # the cut that leaves the words of the headline over the run before it and those of
        # the one under it after it, paragraph by paragraph
        each = _text_similarity(texts, [Article(paragraphs=[p]) for p in run.paragraphs])
        lean = each[1] - each[0]  # > 0: reads like the headline over the run
        cut = max(range(1, n), key=lambda k: float(lean[:k].sum() - lean[k:].sum()))
        if both_after:
            # the other way round: the leftover headline's words first
            other = max(range(1, n), key=lambda k: float(lean[k:].sum() - lean[:k].sum()))
            if lean[other:].sum() - lean[:other].sum() > lean[:cut].sum() - lean[cut:].sum():
                cut, over, under = other, under, over
                texts = texts[::-1]
        # and the two parts as wholes: each headline's words on its own side only
        parts = [Article(paragraphs=run.paragraphs[:cut]), Article(paragraphs=run.paragraphs[cut:])]
        sims = _text_similarity(texts, parts)
        # (the words of the headline over the run all but absent after the cut: a story's
        # last paragraph may share a word with the next headline, 第一 of 开学第一课)
        # A box's label over the run (相关链接, 人物名片) names no words of its text: the box
        # is what comes before the words of the headline under the run, and a box of facts
        # may share a few of them (a run under a label and over a headline is never one text)
        if over == i and _label_only(h):
            if not (sims[0, 1] >= 0.05 and sims[0, 0] <= 0.5 * sims[0, 1]):
                continue
        elif not (
            sims[0, 1] >= 0.1
            and sims[0, 0] <= 0.25 * sims[0, 1]
            and sims[1, 0] >= 0.2
            and sims[1, 1] <= 0.1 * sims[1, 0]
        ):
            continue
        tail = Article(
            paragraphs=run.paragraphs[cut:],
            first=run.paragraphs[cut].line_start,
            last=run.last,
            after_body=True,
        )
        run.paragraphs = run.paragraphs[:cut]
        run.last = run.paragraphs[-1].line_end
        _insert_article(articles, assignment, order, j + 1, tail)
        assignment[over], assignment[under] = j, j + 1


def _join_headless_items(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """Join to the article above a dated wire item (新华社…电, 本报东京…电) printed right under
    its body, with no headline between, when one of the two has no headline and the other's
    headline reads like it: they are the stories of one news digest under one headline
    (欧洲股市普遍上涨 亚洲多国货币汇率走低 over 新华社伦敦…电 and 新华社曼谷…电), printed
    over the digest or under it. Their columns alone could not tell (a short item, or an
    article of few lines)."""
    owner = {a: h for h, a in assignment.items()}
    j = len(articles) - 1
    sims: np.ndarray | None = None
    while j > 0:
        item, above = articles[j], articles[j - 1]
        j -= 1
        if (
            (j in owner) == (j + 1 in owner)
            or not item.after_body
            or not item.dateline
            or not item.paragraphs
            or item.bylines
            or _LOCAL_DATELINE.match(item.dateline.text)  # 本报讯 opens a local story
            or not above.paragraphs
            or _ends_story(above.paragraphs[-1].text)  # （完） or a jump line closed it
            or _columns_differ(above, item)
        ):
            continue
        if sims is None:
            sims = _similarity(headlines, articles)
        headed, headless = (j, j + 1) if j in owner else (j + 1, j)
        if sims[owner[headed], headless] < _READS_LIKE:
            continue
        # the item's paragraphs as a digest holds them: the dateline opens its first one
        first = Span(item.dateline.pieces + item.paragraphs[0].pieces)
        # (digest_items are not kept up to date: _split_digest_items, their reader, is done)
        above.paragraphs += [first, *item.paragraphs[1:]]
        above.last = max(above.last, item.last)
        sims = np.delete(sims, j + 1, axis=1)
        for h, a in list(assignment.items()):
            if a == j + 1:
                assignment[h] = j  # the digest's headline, printed under it
        _drop_article(articles, assignment, order, j + 1)
        owner = {a: h for h, a in assignment.items()}


def _join_feature_sections(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """A feature headed before its text (a kicker, a subtitle or a byline with its title, no
    dateline), then a one-line title over text of the same column, with no dateline, byline
    or subtitle of its own: a subhead of the feature (set bold, it is printed twice), not a
    story. A story has a dateline, a byline or a column of its own. The subhead joins the
    feature's body as a paragraph of its own, its text after it. Photo captions may stand
    between; a byline under the text of the last section, the page's last text, is the
    feature's when it has none."""
    j = 1
    while j < len(articles):
        owner = {a: h for h, a in assignment.items()}
        section = articles[j]
        head = headlines[owner[j]] if j in owner else None
        p = order.index(("a", j))
        # the article read before the section's headline, over photo captions and their titles
        f, q = j - 1, p - 2
        while f >= 0 and q >= 1 and _is_credited_caption(articles[f]):
            if order[q] == ("h", owner.get(f, -1)):
                q -= 1  # (the caption's title, after its text)
            if order[q] != ("a", f):
                break
            f, q = f - 1, q - 1
        feature = articles[f] if f >= 0 else None
        own = headlines[owner[f]] if f in owner else None
        if (
            head is None
            or feature is None
            or own is None
            or p < 2
            or order[p - 1] != ("h", owner[j])
            or order[q] != ("a", f)
            or not _headed_before(feature, articles, order)
            or not (own.kicker or own.subtitle or own.bylines)
            or not _subhead_line(head)
            or (section.bylines and (feature.bylines or own.bylines or j + 1 < len(articles)))
            or not _text_goes_on(feature, section)
        ):
            j += 1
            continue
        _join_section(feature, head, section)
        order.remove(("h", owner[j]))
        del assignment[owner[j]]
        _drop_article(articles, assignment, order, j)


def _head_feature_at_top(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """The page opens with a headline over its byline and text (拯救老屋行动持续推进 | 百年“德馨
    堂”重焕新生 ×2 | 记者 … | | 春雨过后，…), left with no body as each one-line title under the
    text was read as the headline of the text above it. Nothing stands above that headline: it
    heads the text under it, and each such title heads the text under it in turn (a subhead,
    which :func:`_join_feature_sections` then joins to the feature), the last one the text
    under it that no headline claims."""
    if len(order) < 4 or order[0][0] != "h" or order[1][0] != "a":
        return
    top, first = order[0][1], order[1][1]
    head = headlines[top]
    if (
        top in assignment
        or not head.title
        or not (head.bylines or head.bylines_below or head.kicker)
        or articles[first].dateline.text
    ):
        return
    owner = {a: h for h, a in assignment.items()}
    moves: list[tuple[int, int]] = []  # (headline, the article under it)
    p, a = 1, first
    while (
        p + 2 < len(order)
        and a in owner
        and order[p + 1] == ("h", owner[a])
        and order[p + 2][0] == "a"
        and _subhead_line(headlines[owner[a]])
        and not articles[order[p + 2][1]].dateline.text
    ):
        moves.append((owner[a], order[p + 2][1]))
        p, a = p + 2, order[p + 2][1]
    if not moves or a in owner:
        return  # (the last text has a headline of its own: no run of subheads)
    assignment[top] = first
    for h, under in moves:
        assignment[h] = under


def _subhead_line(head: Headline) -> bool:
    """A headline that may be a subhead: one title line of 16 characters at most, nothing else."""
    return (
        len(head.title) == 1
        and len(head.title[0]) <= 16
        and not (head.kicker or head.subtitle or head.bylines or head.bylines_below)
    )


def _text_goes_on(upper: Article, lower: Article) -> bool:
    """``lower``'s text may go on ``upper``'s under a subhead: neither opens with a dateline,
    ``upper`` ended its last paragraph, and ``lower`` is no credited caption and is set in
    ``upper``'s column (lines enough to read it)."""
    return bool(
        not upper.dateline
        and not lower.dateline
        and upper.paragraphs
        and lower.paragraphs
        and not upper.open_end
        and not _is_credited_caption(lower)
        and len(lower.widths) >= 3
        and not _columns_differ(upper, lower)
    )


def _join_section(article: Article, subhead: Headline, section: Article) -> None:
    """Join ``section`` to ``article``'s text under ``subhead``'s one title line, a paragraph of
    its own; the subhead is left empty (no headline to place)."""
    article.paragraphs += [subhead.title[0], *section.paragraphs]
    article.bylines += section.bylines
    subhead.title = []
    article.widths = sorted(article.widths + section.widths)
    article.content_widths = sorted(article.content_widths + section.content_widths)
    article.last = max(article.last, section.last)
    article.open_end, article.ambiguous_end = section.open_end, section.ambiguous_end


def _join_sections_headed_after(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """A feature whose headline comes after its text, its subheads between its sections (…普通
    村庄。 | 闲置农房变身特色民宿 | “村里有不少闲置农房…): each subhead was read as the headline
    of the section above it. A one-line title between two texts of one column, neither with a
    dateline nor the upper with a byline, that reads like the text under it (twice as much as
    like the one above, a quarter of its weight or more) heads that text as a subhead: the two
    are one article, under the headline after the lower one. A title of the shape of a subhead
    already found in the upper text (闲置农房变身特色民宿, 村企联动拓宽增收路子) is one too."""
    shapes: dict[int, set[tuple[int, str]]] = {}  # id of a joined article -> its subheads' shapes
    j = 0
    while j + 1 < len(articles):
        owner = {a: h for h, a in assignment.items()}
        upper, lower = articles[j], articles[j + 1]
        if j not in owner or j + 1 not in owner:
            j += 1
            continue
        head = headlines[owner[j]]
        p = order.index(("a", j))
        if (
            order[p + 1 : p + 4] != [("h", owner[j]), ("a", j + 1), ("h", owner[j + 1])]
            or not _subhead_line(head)
            or upper.bylines
            or _is_credited_caption(upper)
            or not _text_goes_on(upper, lower)
        ):
            j += 1
            continue
        shape = _subhead_shape(head.title[0].text)
        if shape not in shapes.get(id(upper), ()):
            sims = _similarity([head], [upper, lower])
            if (
                not (sims[0, 1] >= _READS_LIKE and sims[0, 1] >= 2 * sims[0, 0])
                and not (
                    # (in a feature with a subhead found already, a line that reads like the
                    # text above it no more than like the text under it, and little, is the
                    # next subhead: …掌握养殖技术。 | “智慧渔场”让养殖更省心 | 走进平台的…)
                    id(upper) in shapes
                    and sims[0, 0] < 0.5 * _READS_LIKE
                    and sims[0, 0] <= sims[0, 1]
                )
                and not _feature_headline_reads_better(
                    headlines, articles, owner, order, j, float(sims[0, 0])
                )
            ):
                j += 1
                continue
        shapes.setdefault(id(upper), set()).add(shape)
        _join_section(upper, head, lower)
        order.remove(("h", owner[j]))
        del assignment[owner[j]]
        assignment[owner[j + 1]] = j  # (the lower one's headline heads them both)
        _drop_article(articles, assignment, order, j + 1)


def _feature_headline_reads_better(
    headlines: list[Headline],
    articles: list[Article],
    owner: dict[int, int],
    order: list[tuple[str, int]],
    j: int,
    own: float,
) -> bool:
    """The text of article ``j``, headed after it by a one-line title that reads like it
    ``own`` much, is the first section of a feature: the sections under it, each headed
    after by one such line and going on its text, end at a headline with a subtitle or a
    byline that reads like this text better, and like it at least half as much as a headline
    reads like its story (“小切口”撬动“大变化” … “真金白银”稳预期 … “老行当”织出“新未来” |
    桐乡毛衫产业数字化改造观察 | ■记者 …). ``owner``: each headed article's headline."""
    m = j + 1
    while m < len(articles) and m in owner:
        head = headlines[owner[m]]
        p = order.index(("a", m))
        if order[p + 1 : p + 2] != [("h", owner[m])]:
            return False  # (its headline is not after it)
        if not _subhead_line(head):
            if not (head.subtitle or head.bylines):
                return False
            sims = _similarity([head], [articles[j]])
            return float(sims[0, 0]) >= 0.5 * _READS_LIKE and float(sims[0, 0]) > own
        if m + 1 >= len(articles) or not _text_goes_on(articles[m], articles[m + 1]):
            return False
        if articles[m].bylines or _is_credited_caption(articles[m]):
            return False
        m += 1
    return False


def _attach_series_labels(
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
) -> None:
    """A series' label printed over each of its stories' text (战疫一线 | 2月8日晚上…), their
    headlines after the text: the same short line, left over two times or more, each right over
    the text of a story whose headline, after it, has no kicker: that headline's kicker."""
    left = [
        i
        for i, h in enumerate(headlines)
        if i not in assignment
        and len(h.title) == 1
        and len(h.title[0].text) <= 8
        and not (h.kicker or h.subtitle or h.bylines or h.bylines_below or h.duplicates)
    ]
    texts = collections.Counter(headlines[i].title[0].text for i in left)
    owner = {a: h for h, a in assignment.items()}
    position = {entry: p for p, entry in enumerate(order)}
    for i in left:
        label = headlines[i]
        if texts[label.title[0].text] < 2:
            continue
        p = position[("h", i)]
        if p + 1 >= len(order) or order[p + 1][0] != "a" or order[p + 1][1] not in owner:
            continue
        j = order[p + 1][1]
        own = owner[j]
        if position[("h", own)] < position[("a", j)] or headlines[own].kicker:
            continue  # (its headline is over its text, or has a kicker already)
        headlines[own].kicker, label.title = label.title, []


def _insert_article(
    articles: list[Article],
    assignment: dict[int, int],
    order: list[tuple[str, int]],
    j: int,
    article: Article,
) -> None:
    """Insert ``article`` (split from article ``j - 1``) at ``j``, read right after that one,
    and renumber those after it."""
    articles.insert(j, article)
    for h, a in list(assignment.items()):
        if a >= j:
            assignment[h] = a + 1
    order[:] = [("a", x + 1) if kind == "a" and x >= j else (kind, x) for kind, x in order]
    order.insert(order.index(("a", j - 1)) + 1, ("a", j))


def _drop_article(
    articles: list[Article], assignment: dict[int, int], order: list[tuple[str, int]], j: int
) -> None:
    """Remove article ``j`` (its text joined to another) and renumber those after it."""
    del articles[j]
    for h, a in list(assignment.items()):
        if a > j:
            assignment[h] = a - 1
    order[:] = [
        ("a", x - 1) if kind == "a" and x > j else (kind, x)
        for kind, x in order
        if (kind, x) != ("a", j)
    ]


def _split_stacked_headlines(
    headlines: list[Headline],
    articles: list[Article],
    order: list[tuple[str, int]],
    cluster_of: list[int],
) -> tuple[list[Headline], list[tuple[str, int]], list[int], np.ndarray]:
    """Split a headline that is two headlines printed with no blank line between, when the
    bodies say so: its upper lines read like one body and its lower lines like another, and
    neither part reads like the other's body (老旧小区加装电梯提速 | 乍浦港集装箱航线再添新班).

    Also returns the similarity of every resulting headline to every article (one pass over
    the bodies serves both: a bigram's weight depends on the bodies only).
    """
    candidates: list[tuple[int, int]] = []  # (headline index, lines in the upper part)
    part_texts: list[str] = []  # the upper and the lower part of each candidate
    apart: set[tuple[int, int]] = set()  # candidates whose parts a blank line parts
    for i, h in enumerate(headlines):
        lines = h.kicker + h.title + h.subtitle
        if len(lines) < 2 or len(articles) < 2:
            continue
        texts = [s.text for s in lines]
        for k in range(1, len(lines)):
            # (a column's label over the title is no headline of its own: 城市更新面对面)
            if (
                k == 1
                and h.kicker
                and len(texts[0]) <= 10
                and _COLUMN_NAME_ENDING.search(texts[0]) is not None
            ):
                continue
            candidates.append((i, k))
            part_texts += ["".join(texts[:k]), "".join(texts[k:])]
            if lines[k].line_start - lines[k - 1].line_end > 1:
                apart.add((i, k))
    all_sims = _text_similarity([h.text() for h in headlines] + part_texts, articles)
    head_sims, sims = all_sims[: len(headlines)], all_sims[len(headlines) :]
    if not candidates:
        return headlines, order, cluster_of, head_sims
    splits: dict[int, int] = {}
    chosen: dict[int, int] = {}  # headline index -> candidate number of its split
    best_margin: dict[int, float] = {}
    for n, (i, k) in enumerate(candidates):
        upper, lower = sims[2 * n], sims[2 * n + 1]
        a, b = int(upper.argmax()), int(lower.argmax())
        # one part reads strongly like its body, the other at least somewhat like another,
        # and neither like the other's
        # (parts a blank line parts may share a word with the other's body, if each reads
        # half as much again like its own: 严阵以待 | 守牢防台底线 over 全市转移群众1.2万人 |
        # 渔船全部回港避风, both stories about one typhoon)
        apart_parts = (i, k) in apart
        if (
            a == b
            # (parts a blank line apart need a little less: 法治课堂进校园 | | 沭阳花木春季销售
            # 迎来“开门红” | 一季度线上线下交易额有望突破60亿元, the lead's displaced headline
            # under a brief's, its title sharing one word with the lead)
            or max(upper[a], lower[b]) < (0.4 if apart_parts else 0.5)
            or min(upper[a], lower[b]) < 0.2
            or (
                max(upper[b], lower[a]) > 0.1
                and not (
                    apart_parts and max(1.5 * upper[b] - upper[a], 1.5 * lower[a] - lower[b]) < 0
                )
            )
        ):
            continue
        # a part that reads only somewhat like its body must not meet a headline that reads
        # more like it: then it is a fragment of a wrapped title, not a headline of its own
        # (or, for lines with no blank between, almost as much: 守护群众“舌尖上的安全” under its
        # story's first line reads a little more like a story that ends 守护群众财产安全 than
        # that story's own headline does)
        weak, weak_sim = (a, upper[a]) if upper[a] < lower[b] else (b, lower[b])
        rival = weak_sim if apart_parts else 0.75 * weak_sim
        if weak_sim < 0.5 and any(
            head_sims[h, weak] >= rival for h in range(len(headlines)) if h != i
        ):
            continue
        # (a fragment is short; a photo's short title stands a blank line apart: 早稻机插忙)
        if min(len(part_texts[2 * n]), len(part_texts[2 * n + 1])) < (4 if (i, k) in apart else 6):
            continue
        margin = min(upper[a], lower[b])
        if margin > best_margin.get(i, 0.0):
            splits[i], best_margin[i], chosen[i] = k, margin, n
    if not splits:
        return headlines, order, cluster_of, head_sims
    rows: list[np.ndarray] = []
    new_index: dict[int, list[int]] = {}
    out: list[Headline] = []
    out_cluster: list[int] = []
    for i, h in enumerate(headlines):
        if i not in splits:
            new_index[i] = [len(out)]
            out.append(h)
            out_cluster.append(cluster_of[i])
            rows.append(head_sims[i])
            continue
        rows += [sims[2 * chosen[i]], sims[2 * chosen[i] + 1]]
        lines, k = h.kicker + h.title + h.subtitle, splits[i]
        upper = Headline(duplicates=h.duplicates)
        # (a kicker above the split stays the upper headline's kicker)
        n_kicker = len(h.kicker) if len(h.kicker) < k else 0
        upper.kicker = lines[:n_kicker]
        upper.title, upper.subtitle = _split_title_lines(lines[n_kicker:k])
        lower = Headline(bylines=h.bylines, bylines_below=h.bylines_below)
        lower.title, lower.subtitle = _split_title_lines(lines[k:])
        for part in (upper, lower):
            spans = part.kicker + part.title + part.subtitle
            part.first = min(s.line_start for s in spans)
            part.last = max(s.line_end for s in spans)
        new_index[i] = [len(out), len(out) + 1]
        out += [upper, lower]
        out_cluster += [cluster_of[i], cluster_of[i]]
    new_order = [(kind, j) for kind, i in order for j in (new_index[i] if kind == "h" else [i])]
    return out, new_order, out_cluster, np.array(rows)


def _headline_width(spans: list[Span]) -> float:
    return max((display_width(s.text) for s in spans), default=0.0)


def _title_chars(spans: list[Span]) -> int:
    """Characters of a headline's lines, quotation marks left out."""
    return sum(len(s.text) - _quote_marks(s.text) for s in spans)


def _reads_best_of_free(scores: list[float], body: int, assignment: dict[int, int]) -> bool:
    """No body but those headlines claimed scores higher than ``body``."""
    taken = set(assignment.values())
    return not any(score > scores[body] and j not in taken for j, score in enumerate(scores))


# short phrases in a row, set apart by spaces: a slogan (新学期 新校园 新气象)
_SLOGAN_OF_PHRASES: Final = re.compile(rf"[{CJK}“”]{{2,8}}(?:[ \u3000][{CJK}“”]{{2,8}}){{1,3}}")


def _attach_unclaimed_kickers(
    headlines: list[Headline], assignment: dict[int, int], cluster_of: list[int], sims: np.ndarray
) -> None:
    """A headline no body claimed that stands right above another headline of its cluster, is
    set wider (a kicker is set smaller than the title) and reads most like the same body is
    that headline's kicker; when the body claimed the wider one instead, the narrower one under
    it is the title (and then it need only read best of the bodies no headline claimed: a
    slogan may share a phrase with another story).

    Merged headlines stay in the list, emptied, so that indices keep their meaning.
    """
    for i in range(len(headlines) - 1):
        upper, lower = headlines[i], headlines[i + 1]
        if cluster_of[i] != cluster_of[i + 1] or (i in assignment) == (i + 1 in assignment):
            continue
        claimed, unclaimed = (i, i + 1) if i in assignment else (i + 1, i)
        body = assignment[claimed]
        if sims[unclaimed, body] <= 0:
            continue
        if (
            claimed == i
            and len(upper.title) == 1
            and not (upper.kicker or upper.subtitle or upper.bylines or upper.duplicates)
            and lower.title
            and not (lower.kicker or lower.subtitle)
            and (
                (
                    len(lower.title) == 1
                    and not lower.duplicates
                    and _title_chars(upper.title) > _title_chars(lower.title) + 2
                    and not _subtitle_text(lower.title[0].text)
                    and not _figures_under_statement(upper.title[0].text, lower.title[0].text)
                )
                # (or over a title printed twice, whatever their widths: 筑牢暑期安全防线 | |
                # 防溺水宣传进村入户 ×2 | ■记者 蒋一帆)
                or _bold_lines_first(lower.title, lower.duplicates) == len(lower.title)
            )
            # (no body free of a headline reads more like it: another story's may share a
            # phrase, 守牢安全底线)
            and _reads_best_of_free(sims[unclaimed].tolist(), body, assignment)
        ):
            # a line wider than the line a blank under it, or a plain line over a bold one, the
            # body claiming the upper one: the kicker over its title (元旦春节将至 市领导走访慰问
            # 困难群众 | | 把党和政府的温暖送到群众心坎上 | ■记者 陆 雯), as the sample sets its
            # lead's kicker a blank line over the title
            lower.kicker = upper.title
            _merge_into_lower(headlines, i, assignment)
            continue
        if int(sims[unclaimed].argmax()) != body:
            continue
        width = _headline_width(upper.title)
        if (
            claimed == i
            and len(upper.title) == 1
            and len(lower.kicker) == 1
            and not (upper.kicker or upper.subtitle or upper.bylines or upper.duplicates)
            and not lower.subtitle
            and width >= 8
            and width > _headline_width(lower.kicker + lower.title)
        ):
            # a line wider than every line of a two-line headline under it, the body claiming
            # the wide one: its kicker over a title wrapped in larger type (柯桥推动传统产业转型
            # 升级 | | 纺织印染“智改数转” | 按下快进键), whose first line is no second kicker
            lower.title = lower.kicker + lower.title
            lower.kicker = upper.title
            _merge_into_lower(headlines, i, assignment)
            continue
        if upper.kicker or upper.subtitle or upper.bylines or lower.kicker or not lower.title:
            continue
        if (
            claimed == i
            and len(upper.title) == 1
            and len(upper.title[0].text) <= 6
            and not upper.duplicates
            # (a label is shorter than the title it tops: 城里人来村里 | “认领”菜地 is one
            # title cut by a blank line)
            and _title_chars(upper.title) < _title_chars(lower.title)
        ):
            # A short topic label (开学第一课) claimed by the body it stands next to, over a
            # headline nobody claimed that reads like that same body: the label is its kicker.
            lower.kicker = upper.title
            _merge_into_lower(headlines, i, assignment)
            continue
        if (
            len(upper.title) == 1
            and len(lower.title) == 1
            and not upper.duplicates
            and not lower.duplicates
            and not lower.subtitle
            and abs(_title_chars(upper.title) - _title_chars(lower.title)) <= 2
        ):
            if _subtitle_text(lower.title[0].text) or _figures_under_statement(
                upper.title[0].text, lower.title[0].text
            ):
                # an author line under a title, a blank line between, or a measure's change in
                # figures (上半年全市经济运行稳中向好 | | 地区生产总值同比增长6.1%): its subtitle
                lower.title, lower.subtitle = upper.title, lower.title
            else:
                # Two lines of one width, both reading like the same body: one title that a
                # blank line cut in two (城里人来村里 | “认领”菜地).
                lower.title = upper.title + lower.title
            _merge_into_lower(headlines, i, assignment)
            continue
        if (
            claimed == i + 1
            and upper.duplicates
            and len(upper.title) == 1
            and not lower.duplicates
            and not lower.subtitle
            and len(lower.title) == 1
        ):
            # a title printed twice (fake bold) over a plain line, a blank line between, the
            # body claiming the plain one ("海上花园城"迎来旅游小高峰 ×2 | | 端午假期全市接待游客
            # 48.6万人次): the title and its subtitle
            lower.title, lower.subtitle = upper.title, lower.title
            lower.duplicates = upper.duplicates + lower.duplicates
            _merge_into_lower(headlines, i, assignment)
            upper.duplicates = []
            continue
        # A line set wider over the title is its kicker; so is a line no body claimed over a
        # whole headline, its subtitle or byline under it, that the body it reads most like
        # claimed, however wide (擦亮“廊桥之乡”金名片 | | 廊桥文化园二期建设加速推进 | ——预计
        # 年底前投入使用 | ■记者 …; a page's header left over shares a date's bigram at most:
        # 2024年3月12日 星期二 A3 城市 over the lead's headline).
        over_whole_headline = (
            claimed == i + 1
            and len(upper.title) == 1
            and bool(lower.subtitle or lower.bylines)
            and sims[unclaimed, body] >= 0.2
        )
        wider = width >= 8 and width > 1.4 * _headline_width(lower.title)
        # (or a plain line over a title printed twice, whatever their widths, as the sample sets
        # its lead: 项目为王 奋力冲刺“双过半” | | 我区第二批28个重大项目集中开工 ×2)
        over_bold_title = (
            claimed == i + 1
            and len(upper.title) == 1
            and _bold_lines_first(lower.title, lower.duplicates) == len(lower.title)
            and sims[unclaimed, body] >= 0.2
        )
        if upper.duplicates or not (over_whole_headline or wider or over_bold_title):
            continue
        lower.kicker = upper.title
        _merge_into_lower(headlines, i, assignment)
    # A slogan of short phrases set apart (新学期 新校园 新气象) that no body claimed, over the
    # next headline of its cluster, a title printed twice that one did: its kicker, though it
    # need share no word with the story. Read after the pairs above, so that a bold title and
    # the subtitle its body claimed first are one headline by then (抢抓春季黄金期 掀起项目建设
    # 热潮 | | 全县…集中开工 ×2 | | 28个项目总投资96.8亿元; the headlines merged away between
    # are left empty).
    for i, upper in enumerate(headlines):
        if (
            i in assignment
            or len(upper.title) != 1
            or upper.kicker
            or upper.subtitle
            or upper.bylines
            or upper.duplicates
            or _SLOGAN_OF_PHRASES.fullmatch(upper.title[0].text) is None
        ):
            continue
        j = i + 1
        while j < len(headlines) and not (
            headlines[j].title or headlines[j].kicker or headlines[j].subtitle
        ):
            j += 1
        if j == len(headlines) or j not in assignment or cluster_of[j] != cluster_of[i]:
            continue
        lower = headlines[j]
        if (
            lower.title
            and not lower.kicker
            and _bold_lines_first(lower.title, lower.duplicates) == len(lower.title)
        ):
            lower.kicker, upper.title = upper.title, []
            lower.first = upper.first


def _merge_into_lower(headlines: list[Headline], i: int, assignment: dict[int, int]) -> None:
    """Headline ``i``'s lines now stand in headline ``i + 1``: it is emptied, the lower one starts
    where it started and takes its body, if it had one."""
    upper, lower = headlines[i], headlines[i + 1]
    upper.title = []
    lower.first = upper.first
    if i in assignment:
        assignment[i + 1] = assignment.pop(i)


def _join(spans: list[Span], sep: str) -> Span:
    """One Span: the spans with ``sep`` (inserted, no source) between two that have text."""
    if len(spans) < 2:  # (most kickers, titles and bylines: no gap to fill)
        return Span(list(spans[0].pieces) if spans else [])
    pieces: list[Piece] = []
    has_text = False
    sep_piece = _new_tuple(Piece, (sep, 0, 0))  # a tuple: one serves every gap
    for s in spans:
        s_has_text = any(map(_piece_text, s.pieces))
        if not has_text:  # nothing yet: start over from this span
            pieces, has_text = list(s.pieces), s_has_text
            continue
        if sep and s_has_text:
            pieces.append(sep_piece)
        pieces.extend(s.pieces)
    return Span(pieces)


_piece_text = operator.itemgetter(0)


def parse_page(page: Page | str, page_id: str = "page") -> PageLayout:
    """Lay out one page: articles, paragraphs and unplaced tables (see module docstring)."""
    if isinstance(page, str):
        page = page_from_text(page, page_id)
    # The pass makes thousands of small objects and no reference cycles: pausing the cyclic
    # collector (reference counting still frees everything) saves ~15% of the time.
    if not gc.isenabled():
        return _parse_page(page)
    gc.disable()
    try:
        return _parse_page(page)
    finally:
        gc.enable()


def _keep_table_cells(lines: list[Line], spaced: list[int]) -> None:
    """Three rows or more of a table, one under another (a blank line may part them, a column
    break), each three cells or more a space apart, as many in each, every cell short and more
    than one character or a figure, a figure in each row but perhaps the first (its heads:
    班级 适合年龄 课时 费用（元） | 少儿书法 6—12岁 16 960 | …): their cells stay a space apart,
    where justification would be read into the spaces beside figures (16 960 is two cells, not
    16960). Such lines are normalised again in place. ``spaced``: the indices of the lines
    holding two spaces or more, the only ones that may be rows."""
    if len(spaced) < 3:
        return
    # (runs of rows of one count of cells: no closure, which the native build would make a
    # reference cycle of)
    runs: list[list[int]] = []
    run: list[int] = []
    cells = 0
    for k in spaced:
        line = lines[k]
        raw = line.raw
        parts = raw.split()
        if _spaced_name(parts):
            parts = [parts[0] + parts[1], *parts[2:]]
        row = (
            len(parts) >= 3
            and line.kind == "text"
            and _PROSE_MARK.search(raw) is None
            # (a telephone number with its area code runs to 13: 0575-88061235)
            and all(len(part) <= 14 for part in parts)
            and all(len(part) >= 2 or part.isdigit() for part in parts)
        )
        if (
            row
            and run
            and len(parts) == cells
            and all(lines[n].kind == "blank" for n in range(run[-1] + 1, k))
        ):
            run.append(k)
            continue
        runs.append(run)
        run, cells = ([k], len(parts)) if row else ([], 0)
    runs.append(run)
    for run in runs:
        # (a figure in every row, the heads over them aside)
        body = run[1:] if run and not _DIGIT.search(lines[run[0]].raw) else run
        if len(body) < 3 or not all(_DIGIT.search(lines[k].raw) for k in body):
            continue
        for k in run:
            line = lines[k]
            pieces = normalize_cells(line.raw, line.number).pieces
            first = pieces[0]
            if first.text[1:2] == " " and _spaced_name(line.raw.split()):
                # (a name letter-spaced in its cell is one word: 铝 锭 A00 -> 铝锭 A00)
                pieces = [
                    Piece(first.text[0], first.line, first.col),
                    Piece(first.text[2:], first.line, first.col + 2),
                    *pieces[1:],
                ]
            text = "".join([piece.text for piece in pieces])
            lines[k] = line._replace(pieces=tuple(pieces), text=text)


def _spaced_name(parts: list[str]) -> bool:
    """A table's row opening with a name of two characters letter-spaced (铝 锭 A00 18950)."""
    return (
        len(parts) >= 4
        and len(parts[0]) == len(parts[1]) == 1
        and _CJK_CHAR.match(parts[0]) is not None
        and _CJK_CHAR.match(parts[1]) is not None
    )


# what a prose line holds and a table's row does not
_PROSE_MARK: Final = re.compile(r"[，。；！？、：]")


def _mark_wrapped_source_notes(lines: list[Line]) -> None:
    """A note of where a box's figures come from, wrapped onto the next line (（数据来源：松阳县统
    | 计局等）), ends the box as a sentence's end would: its last line is marked final in place."""
    for i in range(len(lines) - 1):
        line, below = lines[i], lines[i + 1]
        if (
            line.kind == "text"
            and line.text[:1] in "（("
            and below.kind == "text"
            and not below.final
            and below.text.endswith(("）", ")"))
            and _SOURCE_NOTE.fullmatch(line.text + below.text) is not None
        ):
            lines[i + 1] = below._replace(final=True)


def _name_byline(line: Line) -> Line:
    """``line`` read again as a byline, its names normalised as names are (王 强 -> 王强)."""
    pieces = tuple(normalize_folded(line.raw, line.number, names=True, surnames=SURNAMES))
    text = "".join([p[0] for p in pieces])
    return _measured_line(
        line.number, line.raw, "byline", pieces, text, (line.width, line.content_width), False
    )


def _mark_author_notes(lines: list[Line]) -> None:
    """A name alone on a line under a sentence's end and an author's note under it (…积累起来。
    | 周明远 | （作者为…）) sign a commentary: a credit, not its text. Marked in place as byline
    lines. (A note alone, its name printed with the headline, stays the text's last paragraph.)"""
    for i in range(2, len(lines)):
        note, name, above = lines[i], lines[i - 1], lines[i - 2]
        if (
            note.kind == "text"
            and note.text[:1] in "（("  # (cheap first: the note's bracket)
            and _AUTHOR_NOTE.fullmatch(note.text) is not None
            and name.kind == "text"
            # (perhaps letter-spaced: 郑 岚)
            and _NAME_2_TO_4.fullmatch(name.text.replace(" ", "")) is not None
            and _opens_with_surname(name.text)
            and (above.final or above.kind == "blank")
        ):
            lines[i - 1] = _name_byline(name)  # (郑 岚 -> 郑岚)
            lines[i] = note._replace(kind="byline")


# a letter's or a contributed piece's signature on a bare line of its own: who the writer is to
# the paper and the name (读者 周文斌, 五（3）班学生家长 刘 芳), or the name alone (陆秋帆)
_BARE_SIGNATURE: Final = re.compile(
    rf"(?:(?:读者|市民|网友|作者|[{CJK}\d（()）]{{0,12}}(?:学生家长|家长|村民|居民|退休教师))\s*)?"
    rf"([{CJK}](?:\s?[{CJK}]){{1,2}})"
)


_SPACED_NAME: Final = re.compile(rf"[{CJK}] [{CJK}]|[{CJK}] [{CJK}] [{CJK}]")


def _mark_signatures(lines: list[Line]) -> None:
    """A line right under a sentence's end, a blank line or the page's end under it, that is a
    writer's name, perhaps after who the writer is to the paper (…行更安全。 | 读者 周文斌),
    signs the text above: a credit, not a paragraph. So does an author's name letter-spaced right
    under a short title (老街的梧桐 | 沈 玲). Marked in place as byline lines. (A name between
    blank lines is a lone name: nothing says whose it is.)"""
    # (the lines over a blank line, and the page's last: a comprehension finds them for less
    # than a loop body per line costs)
    ends = [k - 1 for k, line in enumerate(lines) if line[2] == "blank" and k >= 3]
    ends.append(len(lines) - 1)
    for i in ends:
        line = lines[i]
        if (
            i < 2
            or line.kind != "text"
            or len(line.raw) > 20
            or line.indented
            or lines[i - 1].kind != "text"
        ):
            continue
        above = lines[i - 1]
        if above.final:
            if lines[i - 2].kind != "text":  # (the name signs running text, no one-line item)
                continue
            m = _BARE_SIGNATURE.fullmatch(line.raw.strip())
            if m is None or not _opens_with_surname(m.group(1)):
                continue
        elif (
            # (an author's name letter-spaced right under a title, a blank line under it: 老街的
            # 梧桐 | 沈 玲; no title spaces its words so)
            _SPACED_NAME.fullmatch(line.raw.strip()) is None
            or not _opens_with_surname(line.raw.strip())
            or len(above.text) > 16
            or _ANY_PUNCT.search(above.text) is not None
            or (lines[i - 2].kind == "text" and lines[i - 2].final)
            # (not a section's name letter-spaced under the page's date: 星期四 | 农 村)
            or _DIGIT.search(above.text) is not None
            or _furniture_line(above.text)
        ):
            continue
        lines[i] = _name_byline(line)


_COLUMN_WORDS: Final = ("栏目", "专栏", "系列报道", "系列", "专题")


def _lift_quoted_label(headline: Headline, article: Article) -> None:
    """A title's first line that the body names in quotation marks, as a campaign or a series
    (我为群众办实事 | 家门口的“老年食堂” | 暖了胃更暖了心, the body: …列入“我为群众办实事”项目…;
    共富路上·村社行 | 小皮件“缝”出共富路, the editor's note: 本报推出“共富路上·村社行”栏目),
    is the label set over the title: its kicker."""
    title = headline.title
    if headline.kicker or len(title) < 2:
        return
    first = title[0].text
    if not 4 <= len(first) <= 10 or _ANY_PUNCT.search(first) or "“" in first or " " in first:
        return
    quoted = f"“{first}”"
    for paragraph in article.paragraphs:
        text = paragraph.text
        at = text.find(quoted)
        # (over one title line left, only a name the body calls a column or a series: a
        # couplet's first half may name the campaign too, 礼让斑马线 | 文明在脚下)
        if at >= 0 and (len(title) >= 3 or text.startswith(_COLUMN_WORDS, at + len(quoted))):
            headline.kicker, headline.title = title[:1], title[1:]
            return


def _parse_page(page: Page) -> PageLayout:
    spaced: list[int] = []
    lines = _read_lines(page.text, spaced)
    _keep_table_cells(lines, spaced)
    if "作者" in page.text:  # (rare: a commentary signed with its author's post)
        _mark_author_notes(lines)
    _mark_signatures(lines)
    if "来源" in page.text:  # (rare: a box's figures closed by their source)
        _mark_wrapped_source_notes(lines)
    continued = "版）" in page.text or "版)" in page.text  # (jump lines end so: rare)
    chunks = _split_marked_titles(_split_run_in_titles(_chunks(lines)))
    chunks = _join_wrapped_credit_names(_split_glued_titles(chunks, continued))
    _classify(chunks)
    chunks = _join_split_datelines(chunks)
    boxes: list[Article] = []
    if "数" in page.text:  # (a box of figures names them so: rare)
        chunks, boxes = _lift_boxes_between_columns(chunks)
    indenting = functools.cache(lambda: _indents_paragraphs(chunks))
    column_sets_flush = functools.cache(lambda column: _column_sets_flush(chunks, column))
    marks_indents = functools.cache(lambda: _marks_indents(chunks))
    # (a line ending in a colon may announce a list, and a line may open the first item of a
    # list numbered with its word, 线路一：…: rare, looked for once on the page)
    text = page.text
    colon_lines = (
        "：\n" in text
        or ":\n" in text
        or text.rstrip().endswith(_COLONS)
        or _FIRST_WORD_NUMBERED.search(text) is not None
    )

    articles: list[Article] = []
    headlines: list[Headline] = []
    unplaced: list[Unplaced] = []
    order: list[tuple[str, int]] = []  # reading order of articles ("a", i) and headlines ("h", i)
    cluster_of: list[int] = []  # per headline: where its cluster ends (same value: same cluster)
    current: Article | None = None
    prev: Chunk | None = None
    caption_at = -1  # the last body chunk read as a caption
    k = 0
    while k < len(chunks):
        chunk = chunks[k]
        if chunk.kind == "body":
            if chunk.lines[0].doubled:  # (an interview's bold question: _bold_question)
                chunk = chunks[k] = _collapsed_bold_lines(chunk, unplaced)
            # a body with a photo credit printed right under it is a caption of its own; the
            # credit of a group of photos closes the group's captions instead (本组图片由…摄)
            # (the last of a group's numbered captions over the group's credit goes on the
            # group, a caption of one photo under its credit is one of its own)
            caption = (
                (
                    (
                        _photo_credit_below(chunks, k)
                        or (_photo_credit_apart(chunks, k) and chunk.lines[0].indented)
                    )
                    and not _GROUP_CREDIT.search(chunks[k + 1].text)
                )
                or _closed_by_photo_credit(chunk)
                or _opens_photo_group(chunks, k)
                # (its credit a blank line under it: a caption opening the page, under a
                # headline or set in a column of its own)
                or (
                    _photo_credit_alone_below(chunks, k)
                    and (
                        current is None
                        or prev is None
                        or prev.kind != "body"
                        or chunk.lines[0].indented
                        or _set_in_other_column(chunk, current)
                    )
                )
            )
            caption_at = k if caption else -1
            current = _add_body(
                chunk,
                prev,
                current,
                articles,
                order,
                caption,
                indenting,
                colon_lines,
                marks_indents,
                column_sets_flush,
            )
            prev = chunk
            k += 1
            continue
        if (
            chunk.kind == "byline"
            and prev is not None
            and prev.kind == "body"
            and (
                not chunk.blank_before
                or _photo_credit_apart(chunks, k - 1)
                or (caption_at == k - 1 and _photo_credit_alone_below(chunks, k - 1))
                # (a commentary signed under its last paragraph: 本报评论员 signs no other text)
                or _COMMENTATOR.fullmatch(chunk.text.lstrip(MARKERS + " ")) is not None
                # (so does a reader or an expert under a letter or an answer, a blank line
                # apart: ■读者 陆 敏 credits no story of the paper's)
                or (
                    current is not None
                    and not current.bylines
                    and not current.open_end
                    and _contributor_credit(chunk)
                )
                # (a story headed before its text, its byline after its last paragraph and the
                # page's foot after that: no cluster of bylines set apart; under a story headed
                # after its text a byline may as well be the next headline's)
                # (not when its dateline's brackets credit it already: 本报讯（记者 孙 悦）)
                or (
                    current is not None
                    and not current.bylines
                    and not current.open_end
                    and (k + 1 == len(chunks) or chunks[k + 1].kind == "furniture")
                    and not current.dateline.text.endswith(("）", ")"))
                    and _headed_before(current, articles, order)
                )
            )
        ):
            # a credit printed right under a body (photo captions): it belongs to that body
            assert current is not None
            current.bylines.extend(_strip_marker(line.span, unplaced) for line in chunk.lines)
            prev = chunk
            k += 1
            continue
        if chunk.kind == "signature":
            # the close of the text above it (_classify finds one only under a body): a
            # paragraph a line, but a name wrapped at the column runs on (平湖市农业农村局农产品 |
            # 质量安全中心)
            assert current is not None and prev is not None and prev.kind in ("body", "signature")
            column = _sorted_median(current.widths) if current.widths else 0.0
            for n, line in enumerate(chunk.lines):
                above = chunk.lines[n - 1] if n else None
                if (
                    above is not None
                    and column
                    and above.width >= column - 2.5
                    and not _DATE_LINE.fullmatch(line.text)
                    # (two bodies of one town signing, each whole on its line: 平湖市公安局交通
                    # 警察大队 | 平湖市住房和城乡建设局)
                    and not (above.text.endswith(_BODY_ENDS) and line.text[:2] == above.text[:2])
                ):
                    current.paragraphs[-1] = current.paragraphs[-1].extend(line.span)
                else:
                    current.paragraphs.append(line.span)
            current.open_end = current.ambiguous_end = False
            current.last = chunk.last
            prev = chunk
            k += 1
            continue
        if chunk.kind in ("name", "furniture", "pull_quote"):
            kind, note = (
                ("lone_name", "a name standing alone: the text does not say whose")
                if chunk.kind == "name"
                else (
                    "pull_quote",
                    "a quotation set apart, repeating the text of the story it stands in",
                )
                if chunk.kind == "pull_quote"
                else (
                    "furniture",
                    "page furniture: a header, footer, masthead, notice of the desk or advertisement",
                )
            )
            for line in chunk.lines:
                unplaced.append(Unplaced(kind, line.span, note))
            # (a page header or footer inside a story left open mid-sentence: it goes on
            # after it, as _classify read it; and a pull quote stands inside its story, the
            # sentence above it finished or not)
            if not (
                kind in ("furniture", "pull_quote")
                and prev is not None
                and prev.kind == "body"
                and current is not None
                and (current.open_end or kind == "pull_quote")
                and not _ends_story(chunk.text)
            ):
                prev = chunk
            k += 1
            continue
        # headline cluster: headline chunks and bylines, until a body/name/furniture chunk
        cluster: list[Chunk] = []
        # (the chunk before it, over lone names: a caption's credit | 徐佳丽 | its title)
        before = k - 1
        while before > 0 and chunks[before].kind == "name":
            before -= 1
        while k < len(chunks) and chunks[k].kind in ("headline", "byline"):
            nxt = chunks[k]
            # a byline group directly above a body (no blank) belongs to that body, unless that
            # body is a caption under its own photo credit and the bylines hang from a headline
            # with no blank between: they are the headline's (快递业迎来 | “双十一”高峰 |
            # ■记者 翁辰辰 | 通讯员 徐 晨 |  11月10日，在当湖… | ■摄影 陈 亮)
            if (
                nxt.kind == "byline"
                and k + 1 < len(chunks)
                and chunks[k + 1].kind == "body"
                and not nxt.blank_after
                and not (
                    cluster
                    and cluster[-1].kind == "headline"
                    and not nxt.blank_before
                    and chunks[k + 1].lines[0].indented
                    and _photo_credit_below(chunks, k + 1)
                    and not _PHOTO_CREDIT.search(nxt.text)
                )
            ):
                break
            cluster.append(nxt)
            k += 1
        if not cluster:  # byline directly above a body
            chunk = chunks[k]
            body = chunks[k + 1]
            current = _add_body(body, None, None, articles, order)
            current.bylines.extend(_strip_marker(line.span, unplaced) for line in chunk.lines)
            current.first = min(current.first, chunk.first)
            prev = body
            k += 2
            continue
        # (a cluster opening under a caption's photo credit opens with the caption's title)
        # (or under a caption closed by its credit in brackets: …前来踏青赏景。 | （记者 赵 磊 摄）)
        after_credit = before >= 0 and (
            (chunks[before].kind == "byline" or _ends_in_bracketed_credit(chunks[before]))
            and _PHOTO_CREDIT.search(chunks[before].lines[-1].text) is not None
        )
        # (read only in a rare case: joining a story's text costs)
        story_above: Callable[[], str] = (
            functools.partial(_article_text_of, articles[-1])
            if before >= 0 and chunks[before].kind == "body" and articles
            else str
        )
        for h in _group_headlines(cluster, unplaced, after_credit, story_above):
            headlines.append(h)
            order.append(("h", len(headlines) - 1))
            cluster_of.append(k)
        prev = cluster[-1]
    headlines, order, cluster_of, sims = _split_stacked_headlines(
        headlines, articles, order, cluster_of
    )
    assignment = _assign_headlines(headlines, articles, order, cluster_of, sims)
    _split_digest_items(headlines, articles, assignment, order)
    _head_feature_at_top(headlines, articles, assignment, order)
    _pair_by_characters(headlines, articles, assignment)
    _pair_by_elimination(headlines, articles, assignment)
    _split_at_leftover_headline(headlines, articles, assignment, order)
    _lift_stranger_kickers(headlines, articles, assignment, order)
    _join_headless_items(headlines, articles, assignment, order)
    _join_feature_sections(headlines, articles, assignment, order)
    _join_sections_headed_after(headlines, articles, assignment, order)
    _attach_series_labels(headlines, articles, assignment, order)
    _lift_inline_furniture(articles, unplaced, page.text)
    position = {entry: p for p, entry in enumerate(order)}
    for i, h in enumerate(headlines):
        if h.bylines_below:
            # headline, byline and body one above another: the byline is the article's
            p = position[("h", i)]
            own = i in assignment and order[p + 1 : p + 2] == [("a", assignment[i])]
            for span in h.bylines_below:
                if own:
                    h.bylines.append(_strip_marker(span, unplaced))
                else:
                    unplaced.append(
                        Unplaced("detached_byline", span, "byline touching no headline or body")
                    )
        if i in assignment:
            articles[assignment[i]].headline = h
            _lift_quoted_label(h, articles[assignment[i]])
        else:
            for part in h.kicker + h.title + h.subtitle:
                unplaced.append(Unplaced("headline", part, "headline matched to no body"))
            for part in h.bylines:
                unplaced.append(Unplaced("byline", part, "byline of an unmatched headline"))
        for dup in h.duplicates:
            unplaced.append(
                Unplaced("duplicate_headline", dup, "collapsed: headline printed twice")
            )
    if any(item.kind == "detached_byline" for item in unplaced):
        _credit_inside_story(chunks, headlines, articles, assignment, unplaced)
    if "数" in text:  # (a box's label names its figures: rare)
        _figure_boxes(lines, articles, unplaced)
    _label_untitled_boxes(lines, articles, unplaced)
    for box in boxes:
        at = next((i for i, art in enumerate(articles) if art.first > box.first), len(articles))
        articles.insert(at, box)
    return _tables(page, articles, unplaced)


# the label of a box of figures: 数说2023民政, 数读报告, 一组数据看变化
_FIGURE_BOX_LABEL: Final = re.compile(r"(?:数[说读看览话]|一组数[据字]|数[据字]看|看数据)\S{0,10}")
_FIGURE_ROW: Final = re.compile(r"[^。！？；]{2,30}")


# a box's item marker opening a row of figures: ◆完成老旧小区改造46个
_BOX_ROW_MARKS: Final = "◆◇●▲★"


def _lift_boxes_between_columns(chunks: list[Chunk]) -> tuple[list[Chunk], list[Article]]:
    """A box of figures the extraction set between a story's columns: a label (数说城市更新)
    under a line the story breaks mid-sentence (…在确保), three rows or more under it, each
    opening with an item mark and holding a figure (◆整治提升背街小巷83条), and the story going
    on under them (安全和质量的前提下…). The label is no headline of the story above and the rows
    are none of its text: the box is lifted out whole, an article of its own (the label its
    title, each row a paragraph), and the story runs on across it."""
    boxes: list[Article] = []
    k = 1
    while k < len(chunks) - 2:
        label = chunks[k]
        above = chunks[k - 1]
        if not (
            label.kind == "headline"
            and len(label.lines) == 1
            and above.kind == "body"
            and _FIGURE_BOX_LABEL.fullmatch(label.text) is not None
            # (the story above cut in a word or after a comma)
            and (_CJK_CHAR.match(above.lines[-1].text[-1:]) or above.lines[-1].text[-1:] in "，、")
        ):
            k += 1
            continue
        rows: list[Span] = []
        notes: list[Span] = []  # (the figures' source closing the box: （数据来源：金华海关）)
        end = k + 1
        # (each chunk of the box opens with a row's mark; a line under a row with none is the
        # row's end wrapped, set flush: a line set in is the story's text again)
        while (
            not notes
            and end < len(chunks)
            and chunks[end].kind == "body"
            and (
                chunks[end].lines[0].text[:1] in _BOX_ROW_MARKS
                or (rows and _SOURCE_NOTE.fullmatch(chunks[end].text) is not None)
            )
            and all(
                line.text[:1] in _BOX_ROW_MARKS or not line.indented for line in chunks[end].lines
            )
        ):
            for line in chunks[end].lines:
                if _SOURCE_NOTE.fullmatch(line.text):
                    notes.append(line.span)
                elif notes:
                    break
                elif line.text[:1] in _BOX_ROW_MARKS:
                    rows.append(line.span)
                else:
                    rows[-1] = rows[-1].extend(line.span)
            else:
                end += 1
                continue
            notes = []  # (text under the note in its chunk: no box of this shape)
            rows = []
            break
        resumed = chunks[end] if end < len(chunks) else None
        if (
            len(rows) < 3
            or not all(_DIGIT.search(row.text) and len(row.text) <= 40 for row in rows)
            or any(row.text.endswith(("。", "！", "？")) for row in rows)
            or resumed is None
            or resumed.kind != "body"
            or resumed.lines[0].indented
            or _opens_with_dateline(resumed)
        ):
            k += 1
            continue
        title = label.lines[0].span
        boxes.append(
            Article(
                paragraphs=rows + notes,
                headline=Headline(title=[title], first=label.first, last=label.last),
                first=label.first,
                last=chunks[end - 1].last,
            )
        )
        del chunks[k:end]
    return chunks, boxes


# the label over a column of briefs, read as furniture: 区县传真, 镇街简讯, 社区动态
_BRIEFS_LABEL: Final = re.compile(
    rf"(?:[{CJK}]{{2}})?(?:简\s*讯|快\s*讯|短\s*讯|简\s*报|速\s*递|速\s*览|传\s*真|动\s*态)"
)


def _label_untitled_boxes(
    lines: list[Line], articles: list[Article], unplaced: list[Unplaced]
) -> None:
    """A box of items with no titles of their own under the label of a column of briefs (区县传真
    | | 　　【吴兴】5月14日，… | 　　【南浔】…): the label, read as furniture, is the box's title,
    as nothing else heads it."""
    labels = [
        k
        for k, item in enumerate(unplaced)
        if item.kind == "furniture" and _BRIEFS_LABEL.fullmatch(item.span.text) is not None
    ]
    if not labels:
        return
    taken: list[int] = []
    for k in labels:
        span = unplaced[k].span
        art = next((a for a in articles if a.first > span.line_end), None)
        if (
            art is None
            or art.headline is not None
            or art.bylines
            or art.dateline.text
            or not all(lines[m - 1].kind == "blank" for m in range(span.line_end + 1, art.first))
        ):
            continue
        art.headline = Headline(title=[span], first=span.line_start, last=span.line_end)
        taken.append(k)
    for k in reversed(taken):
        del unplaced[k]


def _figure_boxes(lines: list[Line], articles: list[Article], unplaced: list[Unplaced]) -> None:
    """A box of figures: a label (数说2023民政, 数读报告) over or under three lines or more,
    each holding a figure and no sentence's end (发放各类救助资金1.36亿元 | 建成老年食堂42家 | …),
    with nothing but blank lines between them. Its lines match no body, so they come here as
    headlines matched to none: they are an article of their own, the label its title and each
    line a paragraph."""
    n = 0
    while n < len(unplaced):
        # a run of unmatched headline lines, one under another or a blank line apart
        end = n
        while (
            end < len(unplaced)
            and unplaced[end].kind == "headline"
            and (
                end == n
                or all(
                    lines[m - 1].kind == "blank"
                    for m in range(
                        unplaced[end - 1].span.line_end + 1, unplaced[end].span.line_start
                    )
                )
            )
        ):
            end += 1
        run = unplaced[n:end]
        texts = [item.span.text for item in run]
        label = (
            0
            if texts and _FIGURE_BOX_LABEL.fullmatch(texts[0])
            else len(texts) - 1
            if texts and _FIGURE_BOX_LABEL.fullmatch(texts[-1])
            else -1
        )
        rows = [t for k, t in enumerate(texts) if k != label]
        if (
            label < 0
            or len(rows) < 3
            or not all(_DIGIT.search(t) and _FIGURE_ROW.fullmatch(t) for t in rows)
        ):
            n = max(end, n + 1)
            continue
        title = run[label].span
        box = Article(
            paragraphs=[item.span for k, item in enumerate(run) if k != label],
            headline=Headline(title=[title], first=title.line_start, last=title.line_end),
            first=run[0].span.line_start,
            last=run[-1].span.line_end,
        )
        at = next((i for i, art in enumerate(articles) if art.first > box.first), len(articles))
        articles.insert(at, box)
        del unplaced[n:end]


def _set_in_other_column(chunk: Chunk, article: Article) -> bool:
    """Chunk's inner lines are set in a column other than the article's (by 1.5 cells or more:
    a caption in its own column beside a story's)."""
    if len(article.widths) < 3 or not chunk.inner_widths:
        return False
    column = _full_column(article.widths, _sorted_median(article.widths))
    return abs(_sorted_median(chunk.inner_widths) - column) >= 1.5


def _closed_by_photo_credit(chunk: Chunk) -> bool:
    """A caption opening with its space, its photo credit in brackets on a line of its own
    under it (  6月7日，在市高级中学 | 考点，… | （记者 陆 洋 摄）): a caption of its own."""
    last = chunk.lines[-1].text
    return (
        len(chunk.lines) >= 2
        and chunk.lines[0].indented
        and last[:1] in "（("
        and _PHOTO_CREDIT.search(last[1:-1]) is not None
        and _credit_alone(last)
    )


def _ends_in_bracketed_credit(chunk: Chunk) -> bool:
    """A body whose last line closes on a credit in brackets: …踏青赏景。（记者 赵 磊 摄）."""
    return chunk.kind == "body" and _ends_in_credit(chunk.text)


def _credit_inside_story(
    chunks: list[Chunk],
    headlines: list[Headline],
    articles: list[Article],
    assignment: dict[int, int],
    unplaced: list[Unplaced],
) -> None:
    """A byline standing alone (blank lines around it, no other byline beside it) between the
    text of a story and that story's own headline (■记者 冯 超 between a story's last paragraph
    and its headline set after it) is that story's, when it has no credit of its own (a
    byline, a credit in its dateline's brackets). Between two stories it stays unassigned,
    even when one of them has a credit: a cluster of bylines set apart reads the same way, and
    the text does not say whose it is."""
    # (by line: a Line builds a new Span each time it is asked for one)
    detached = {
        item.span.line_start: n for n, item in enumerate(unplaced) if item.kind == "detached_byline"
    }

    def owner(chunk: Chunk) -> Article | None:
        if chunk.kind == "headline":
            for i, h in enumerate(headlines):
                if h.first <= chunk.first <= h.last:
                    return articles[assignment[i]] if i in assignment else None
            return None
        if chunk.kind == "body":
            for art in articles:
                if any(
                    span.line_start <= chunk.last and span.line_end >= chunk.first
                    for span in art.paragraphs
                ):
                    return art
        return None

    def credited(art: Article) -> bool:
        return bool(
            art.bylines
            or (art.headline is not None and art.headline.bylines)
            or _DATELINE_CREDIT.search(art.dateline.text)
        )

    taken: list[int] = []
    for k in range(1, len(chunks) - 1):
        chunk = chunks[k]
        if (
            chunk.kind != "byline"
            or len(chunk.lines) != 1
            or not chunk.blank_before
            or not chunk.blank_after
            or chunk.first not in detached
            or chunks[k - 1].kind == "byline"
            or chunks[k + 1].kind == "byline"
        ):
            continue
        above, below = owner(chunks[k - 1]), owner(chunks[k + 1])
        if above is None or below is None:
            continue
        # (a photo credit so set credits a caption, a paragraph with no dateline: 10月25日，
        # 游客在…晒秋美景。 | | 新华社记者 万 象 摄 | | 篁岭晒秋)
        if _PHOTO_CREDIT.search(chunk.text) and (above.dateline or len(above.paragraphs) != 1):
            continue
        if above is not below or credited(above):
            continue
        n = detached[chunk.first]
        above.bylines.append(_strip_marker(unplaced[n].span, unplaced))
        taken.append(n)
    for n in sorted(taken, reverse=True):
        del unplaced[n]


# a credit in a dateline's brackets: 本报讯（记者 王 强）
_DATELINE_CREDIT: Final = re.compile(rf"[（(][^（）()]*[{CJK}][^（）()]*[)）]")


def _join_split_datelines(chunks: list[Chunk]) -> list[Chunk]:
    """Undo a column break that falls inside a dateline (新华社纽约1月7日 | 电 …)."""
    out: list[Chunk] = []
    for chunk in chunks:
        prev = out[-1] if out else None
        if (
            prev is not None
            and prev.kind == "body"
            and chunk.kind in ("body", "headline")
            and chunk.blank_before
        ):
            head = prev.lines[0].text
            # a dateline is short: a chunk of more than three lines holds one whole or none
            if len(prev.lines) <= 3 and DATELINE_START.match(head):
                text = "".join(line.text for line in prev.lines)
                m = DATELINE.match(text)
                rest = text[m.end() :] if m else ""
                if (
                    m is None
                    or not rest.strip()
                    or (rest.lstrip()[:1] in "（(" and not re.search("[）)]", rest))
                ):
                    out[-1] = Chunk(
                        prev.lines + chunk.lines, "body", prev.blank_before, chunk.blank_after
                    )
                    continue
        out.append(chunk)
    return out


_RUNS_ON: Final = ("，", ",", "、")
_TRAILING_RUN: Final = re.compile(r"[0-9A-Za-z]+$")


def _latin_words_meet(before: str, after: str) -> bool:
    """Two Latin words meet at a line break (open | source), not two parts of a code or a
    plate split by it (92330482MA2B | C5XK1N, 浙FA | B123): a word holds no digit."""
    tail = _TRAILING_RUN.search(before)
    head = _LEADING_RUN.match(after)
    return (
        tail is not None
        and head is not None
        and tail.group().isalpha()
        and head.group().rstrip(".%").isalpha()
    )


_LIST_LEAD: Final = re.compile(rf"{_SUBHEAD_LEAD.pattern}|[①-⑳]|[（(]\d{{1,2}}[)）]")
_ITEM_ENDS: Final = ("：", ":", "；", ";")
_ITEM_CLOSES: Final = (*_ITEM_ENDS, "。", "！", "？")  # (an item may close with a sentence too)
# a result's row label opening a line: 一等奖：, 最佳人气奖：, 第一名：, 男子100米：
# (not who speaks or thinks: 我想：, 他说：)
_RESULT_LABEL: Final = re.compile(rf"\s*[0-9{CJK}]{{1,7}}((?![说想问道答讲称示])[{CJK}])[：:]")
# a row of results names and lists, in no clause: no comma, no full stop
_CLAUSE_MARK: Final = re.compile(r"[，。；！？,;]")


def _span_opening(span: Span) -> str:
    """The text of ``span``'s first pieces (its first line or so), where a label stands."""
    return "".join([p[0] for p in span.pieces[:3]])


def _result_label(text: str) -> str:
    """The last character of the row label ``text`` opens with (一等奖：… -> 奖), or ""."""
    if "：" not in text[:10] and ":" not in text[:10]:  # (cheap first: most lines)
        return ""
    m = _RESULT_LABEL.match(text)
    return m.group(1) if m is not None else ""


# how far short of the column a line ending a sentence inside a chunk ends its paragraph, what
# opens the line under it and could not end this one counted in (…最高400元的补贴。 | 据了解，…)
_SHORT_END_MARGIN: Final = 1.5


def _quotation_runs_on(paragraph: Span, text: str) -> bool:
    """``paragraph`` leaves a quotation open and ``text`` closes one before it opens any."""
    closing = text.find("”")
    if closing < 0:  # (cheap first: the paragraph's text is joined only past this)
        return False
    joined = paragraph.text
    if joined.count("“") <= joined.count("”"):
        return False
    opening = text.find("“")
    return opening < 0 or closing < opening


# who speaks in an interview, opening the turn: 记者：, 何志明：
_TURN: Final = re.compile(rf"([{CJK}]{{2,4}}|[问答])[：:]")


def _turn_taken(paragraph: Span, text: str) -> bool:
    """``paragraph`` is an interview's turn (记者：…？), ended, and ``text`` opens the next turn,
    another speaker's (何志明：…)."""
    below = _TURN.match(text)
    if below is None:
        return False
    above = _TURN.match(_span_opening(paragraph))
    return above is not None and above.group(1) != below.group(1)


def _rows_alike(above: Span, row: Span) -> bool:
    """Two rows of results, each led by a label alike and holding no clause (器乐类：《平湖好》
    当湖街道中心小学 | 声乐类：…)."""
    label = _result_label(_span_opening(row))
    return (
        bool(label)
        and _result_label(_span_opening(above)) == label
        and _CLAUSE_MARK.search(row.text) is None
        and _CLAUSE_MARK.search(above.text) is None
    )


def _results_row_ends(
    paragraph: Span, text: str, read: list[Line], n: int, indenting: Callable[[], bool]
) -> bool:
    """Line ``n`` of ``read`` (``text``, in ``paragraph``) ends a row of results or the line
    announcing them, though it fills the column and ends no sentence: rows each open with a
    label alike (一等奖：… | 二等奖：…, 冠军：… | 亚军：…), wrapped or not, under a line ending in
    a colon (…比赛结果如下：); the last row ends over a paragraph opening indented."""
    below = read[n + 1]
    label_below = _result_label(below.text)
    if text.endswith(_COLONS):
        # (the announcing line: two rows alike under it)
        return (
            bool(label_below)
            and _CLAUSE_MARK.search(below.text) is None
            and any(_result_label(line.text) == label_below for line in read[n + 2 :])
        )
    if text.endswith(_RUNS_ON):
        return False
    label = _result_label(_span_opening(paragraph))
    if not label or _CLAUSE_MARK.search(paragraph.text) is not None:
        return False
    if label_below:
        return label_below == label
    # (a paragraph set in under the last row: 最佳人气奖：惠民小学代表队 | 　　本次诗词大会…)
    return below.indented and not below.text[:1].isascii() and indenting()


_EDITOR_NOTE: Final = ("编者按", "编者的话", "【编者按】", "[编者按]", "编者附言")


def _ends_inside_chunk(lines: list[Line]) -> list[int]:
    """Lines inside a chunk that end a paragraph though not clearly short: a sentence's end or
    a colon over an item led by a marker (…如下： | ◆规模以上工业总产值…。 | ◆…)."""
    return [
        k
        for k in range(len(lines) - 1)
        if lines[k + 1].text[:1] in _ITEM_MARKERS
        and (lines[k].final or lines[k].text.endswith(_COLONS))
    ]


_ITEM_MARKERS: Final = "◆●▲★◇○☆△"
_ITEM_MARKER: Final = re.compile(f"[{_ITEM_MARKERS}]")


# a photo's number in a group opening its caption: 图①, 图2, 上图, 左图
_PHOTO_NUMBER: Final = re.compile(r"\s*(?:图[①-⑩\d一二三四五六七八九十]|[上下左右中]图)")


def _resumed_story(articles: list[Article], chunk: Chunk) -> Article | None:
    """Of the last few articles, the one left mid-sentence whose column ``chunk`` continues: a
    chunk of two lines or more, no dateline, its first line as full as the story's lines."""
    lines = chunk.text_lines
    # (one line will do when it closes the sentence and a paragraph set in follows right under
    # it: …青石板路上，游客 || caption | 溇港晨光 || 三三两两，拿着手机拍个不停。 | 　　“周末…)
    one_line = (
        len(lines) == 1
        and not chunk.blank_after
        and lines[0].final
        and not lines[0].indented
        and "，" in lines[0].text
    )
    if (len(lines) < 2 and not one_line) or _opens_with_dateline(chunk):
        return None
    for article in articles[-1:-4:-1]:
        if not article.open_end or len(article.widths) < 2 or not article.paragraphs:
            continue
        # (cut in a word or after a comma: …配备, …要把思; not a notice's last line, 电话：…)
        last = article.paragraphs[-1].pieces[-1][0][-1:]
        if not (_CJK_CHAR.match(last) or last in "，、"):
            continue
        column = _sorted_median(article.widths)
        if one_line:
            if abs(article.end_width - column) <= 1:
                return article  # (its last line full: cut by the break)
            continue
        # (the chunk's own column: its inner lines, or its first when it has none)
        own = _sorted_median(chunk.inner_widths) if chunk.inner_widths else lines[0].width
        # (widths with hanging marks, as the story's column is measured)
        if abs(own - column) < 1.5 and lines[0].width > column - 1.75:
            return article
        # (a few lines, whose figures make the inner ones measure short: 业团队统一规划设计。
        # 目前，全镇已有 | 民宿230余家，床位4800余 | 张，…: the first line as wide as the column)
        if len(lines) <= 4 and abs(lines[0].width - column) <= 1:
            return article
    return None


# a telephone number given whole at a line's end: eight digits (a landline), eleven (a mobile),
# or a service's five (95598, 12345)
_WHOLE_NUMBER_END: Final = re.compile(
    r"(?:电话|热线|手机|传真)\s*[:：]\s*(?:\d{3,4}[-－])?(?:\d{8}|1\d{10}|\d{5})$"
)
_DATED_OPENING: Final = re.compile(rf"\d{{1,2}}月\d{{1,2}}日{_PART_OF_DAY}?[，,]")


def _full_column(widths: list[float], median: float) -> float:
    """The column the lines ``widths`` (sorted) fill: their median, or their upper quartile when
    that is clearly wider (the rows of a list under an opening sentence make the median short:
    7月20日（星期四） | 7:00—12:00 新仓镇…芦湾 | 村部分用户。)."""
    if len(widths) < 4:
        return median
    full = widths[(3 * len(widths)) // 4]
    return full if full - median >= 3 else median


def _add_body(
    chunk: Chunk,
    prev: Chunk | None,
    current: Article | None,
    articles: list[Article],
    order: list[tuple[str, int]],
    captioned: bool = False,
    indenting: Callable[[], bool] = lambda: True,
    colon_lines: bool = True,
    marks_indents: Callable[[], bool] = lambda: False,
    column_sets_flush: Callable[[float], bool] = lambda column: False,
) -> Article:
    lines = chunk.lines
    text_lines = chunk.text_lines
    interior = chunk.inner_widths  # sorted: for medians, and merged into the article's
    interior_content = [line.content_width for line in text_lines[1:-1]]
    # the article's column so far (median line width inside its chunks); computed once
    column_so_far = (
        _full_column(current.widths, _sorted_median(current.widths))
        if current is not None and len(current.widths) >= 3
        else 0.0
    )
    digest_item = False
    # the column a dated item must share to continue a digest: two inner lines read before it
    # will do when the item brings two more of its own
    digest_column = column_so_far
    if (
        not digest_column
        and current is not None
        and len(current.widths) == 2
        and len(interior) >= 2
    ):
        digest_column = _sorted_median(current.widths)
    # the captions of a group of photos under one credit, each opening with the space that
    # sets a caption's first line here ( 11月7日立冬，… |  同日，… | ■记者 徐佳丽 摄): one caption
    grouped_caption = (
        captioned
        and current is not None
        and current.spaced_opening
        and lines[0].indented
        # (an opening and the captions numbered under it: 连日来，… | 图①：… | 图②：…)
        and (
            len(current.paragraphs) == 1
            or (len(current.paragraphs) <= 5 and _PHOTO_NUMBER.match(lines[0].text) is not None)
        )
        and not current.dateline
        and not current.bylines
        and prev is not None
        and prev.kind == "body"
        and abs(chunk.width - prev.width) <= 1
    )
    credit_above = (
        prev is not None
        and prev.lines[-1].text.endswith(("）", ")"))
        and _ends_in_credit(prev.text)
    )
    continued_from = (
        lines[0].text[:1] in "（(" and _CONTINUED_FROM.fullmatch(lines[0].text) is not None
    )
    # who the author is, under the text (（作者系…）): its last paragraph, and the text's end
    author_note = lines[0].text[:1] in "（(" and _AUTHOR_NOTE.fullmatch(chunk.text) is not None
    note_above = (
        prev is not None
        and prev.kind == "body"
        and prev.text[:1] in "（("
        and _AUTHOR_NOTE.fullmatch(prev.text) is not None
    )
    starts_article = (
        (
            # (a caption's first line set with a space opens it even inside a story cut
            # mid-sentence by it: …增开了至安徽、 |  1月10日，在市汽车客运站… | ■摄影 … | 河南、…)
            (
                captioned
                and current is not None
                and (not current.open_end or lines[0].indented)
                and not grouped_caption
            )
            or current is None
            # (a dateline completed by the lines under it: 本报1月4日第四版《地方新闻》 cites an
            # earlier issue and runs on into text, no 讯 or 电)
            or _opens_with_dateline(chunk)
            or prev is None
            or prev.kind != "body"
            # (a credit in brackets closed the text above: …公筷公勺”。（记者 王 强 摄）)
            or credit_above
            # (a story continued from another page opens with its jump line: （上接第1版）)
            or continued_from
            or note_above
            # (a notice closed by its contact lines: text set in under them, a blank line between,
            # opens another: …联系人：章女士 | 电话：0576-83398765 | | 　　为促进城乡供水…)
            or (
                chunk.blank_before
                and lines[0].indented
                and prev.kind == "body"
                and len(prev.lines) >= 2
                and prev.lines[-1].text[-1:].isdigit()
                and _CONTACT_LINE.fullmatch(prev.lines[-1].text) is not None
                and _CONTACT_LINE.fullmatch(prev.lines[-2].text) is not None
            )
        )
        and not (author_note and current is not None and prev is not None and prev.kind == "body")
    )
    if (
        starts_article
        and not continued_from
        and not captioned  # (a photo credit under it: a caption of its own)
        and current is not None
        and prev is not None
        and prev.kind == "body"
        # 本报讯 and 本报北京1月12日讯 open local stories; wire items (…电) make digests
        and not _LOCAL_DATELINE.match("".join([line.text for line in lines[:2]]))
        and not _ends_story(prev.lines[-1].text)  # （完） or a jump line closed the story above
        and not credit_above  # (so did its author's credit: …以上。（通讯员 朱 敏）)
        and digest_column > 0
        and (
            (len(interior) >= 1 and abs(_sorted_median(interior) - digest_column) < 1)
            # digits make lines measure short: the widest inner line against the article's
            or (
                len(interior) >= 1
                and bool(current.content_widths)
                and abs(
                    max(interior_content)
                    - current.content_widths[(3 * len(current.content_widths)) // 4]
                )
                < 1
            )
            # two lines cut by a column break: the second runs on, so it fills the column;
            # on this thinner evidence only a wire item (…电, not 本报…讯) joins a digest
            or (
                len(text_lines) == 2
                and not lines[0].text.startswith("本报")
                and not is_paragraph_end(text_lines[-1], digest_column)
                and abs(text_lines[-1].width - digest_column) < 1
            )
        )
    ):
        # A dated item inside a news digest (新华社…电, 本报东京…电): same column, right after a
        # body, no headline between. 本报讯 always opens a local story of its own.
        starts_article, digest_item = False, True
    # a list or table under a paragraph announcing it (排名如下：) is set in lines of its own
    # widths: no new article for that
    # (the last piece read, not the whole paragraph joined)
    colon_above = (
        current is not None
        and bool(current.paragraphs)
        and current.paragraphs[-1].pieces[-1][0].endswith(_COLONS)
        # (not a salutation opening a letter or a notice, running text under it: 广大患者朋友：
        # | 为方便群众夏季就医，经研究，…)
        and not (
            len(current.paragraphs) == 1
            and len(current.paragraphs[0].text) <= 12
            and "，" in lines[0].text
        )
    )
    # a list of items such as 男子100米：张伟 11秒08 goes on across a column break: more lines of
    # that shape under it, no dateline between, are its items, not a new block
    if (
        current is not None
        and current.colon_items_end
        and prev is not None
        and prev.kind == "body"
        and not _opens_with_dateline(chunk)
        and all(_COLON_ITEM.fullmatch(line.text) for line in text_lines)
    ):
        colon_above = True
    # (and so do a table's rows: 第三名 桐乡市 437分 | | 第四名 平湖市 401分)
    rows_above = (
        current is not None
        and current.rows_end
        and prev is not None
        and prev.kind == "body"
        # (rows of names with no figure too: 林埭中学  朱 晨  初中组特等奖; or of a name and
        # its figure: 咸鸭蛋（6枚装） 13.50)
        and (
            _printed_row(lines[0])
            or _cells_row(lines[0])
            or _NAME_AND_FIGURE.fullmatch(lines[0].raw) is not None
        )
        # (a dateline opens a story, not a row: 本报讯（通讯员 周 航）9 | 月 15 日晚，…)
        and not _starts_dateline(lines[0].text)
    )
    announced = (colon_above or rows_above) and current is not None and not current.open_end
    if (
        not starts_article
        and current is not None
        and not current.open_end
        and not announced
        and not grouped_caption
        and not author_note
        # (a list's next item, its figures widening its lines: 三、…严格保密。 | 四、联系方式：
        # …0573-84018110、)
        and not (
            lines[0].text[:1] in _ITEM_NUMBER_FIRST
            and current.paragraphs
            and _next_item(current.paragraphs[-1].text, lines[0].text)
        )
        # (nor does a notice's close set apart: 联系电话：… | 浙江桐诚拍卖有限公司 | 2024年5月21日;
        # nor its contact lines after a column break: 电话：… | 招标代理机构：… | 联系人：…)
        and not (lines[-1].text[-1:] == "日" and _notice_close_only(lines))
        and not (
            len(lines) <= 7
            and "：" in lines[0].text
            and all(_CONTACT_LINE.fullmatch(line.text) is not None for line in lines[:-1])
            # (the notice's date may close them: …联系人：李 工 电话：… | 2024年5月21日)
            and (
                _CONTACT_LINE.fullmatch(lines[-1].text) is not None
                or (len(lines) >= 3 and _DATE_LINE.fullmatch(lines[-1].text) is not None)
            )
        )
        # (nor a match's score closing its report: …5万余人次。 | 柯桥区队2∶1上虞区队)
        and _SCORE_LINE.fullmatch(lines[0].text) is None
        # (nor the warning closing a police story, its tips numbered under it, set wider:
        # 警方提醒 | 1.正规电商平台退款无需额外操作，…)
        and not (
            len(lines) >= 3
            and len(lines[0].text) <= 8
            and _WHO_WARNS.fullmatch(lines[0].text) is not None
            and _item_number(lines[1].text) is not None
        )
    ):
        # A new block with no headline or dateline between: the column width changes.
        if (
            not current.widths
            and current.item_width
            and len(interior) >= 2
            # (rows only: no paragraph of text, unmeasured beside rows in its chunk)
            and all(len(par.text) <= 40 for par in current.paragraphs)
        ):
            # (only a box's or a table's rows read so far, wrapped at their column: text set in
            # a column of another width opens another article, 2023年 高速重载滚珠丝杠通过省级 |
            # 新产品鉴定；新厂区开工建设。 | | 　　采访中，记者听到最多的一个词是“较真”。)
            starts_article = abs(_sorted_median(interior) - current.item_width) >= 3 or (
                # (or prose under a box of fields, which holds no sentence: 修缮时间：2023年4月
                # 至2024年3月 | | 外婆家的老屋在竹源乡的一个小 | 山村里，…)
                len(lines) >= 3
                and "。" in chunk.text
                and "：" not in lines[0].text
                and all("。" not in par.text and len(par.text) <= 40 for par in current.paragraphs)
            )
        elif len(current.widths) >= 3:
            column = column_so_far
            if len(interior) >= 3:
                median = _sorted_median(interior)
                if len(lines) >= 5 and lines[-1].text[-1:] == "日" and _signed_and_dated(chunk):
                    # (a notice's signer and date under its last lines are no measure of the
                    # column: 浙江省余姚市人民法院 | 二〇二一年六月七日; nor the contact lines
                    # over them and the short line closing its text: …取消应聘资格。 | 联系人：…)
                    close = _notice_close_ends(lines)
                    inner = lines[1 : min(close)] if close and min(close) > 1 else lines[1:-2]
                    median = _sorted_median(sorted([x.width for x in inner]))
                starts_article = abs(median - column) >= 2.5
                if not starts_article and abs(median - column) >= 2:
                    # (two columns each set exactly, every full line one width: two cells
                    # apart tell two stories, 街道中心小学的教室里传出阵阵欢笑声， over
                    # 有哪些变化？骑车出行要注意什么？)
                    widths = current.widths
                    n = len(widths)
                    starts_article = (
                        interior[0] == interior[-1]
                        and n >= 6
                        and widths[n // 4] == widths[(3 * n) // 4] == column
                    )
                if starts_article and colon_lines and lines[0].indented:
                    # a paragraph opening with its indent over a list or a table it announces
                    # (据市场监测，…如下： | 品种 本周均价 … | 黄瓜 3.20 3.60 …): the rows are
                    # no measure of the column, the opening line is
                    starts_article = not _list_under_opening(text_lines, chunk.text, column)
            elif interior:
                # Few lines: one holding digits measures short, so compare the widest line
                # (hanging punctuation left out) with the widest lines of the article. The
                # first line may have lost a paragraph's indent.
                inside = max(interior_content)
                widths_ref = current.content_widths[(3 * len(current.content_widths)) // 4]
                full = max(lines[0].content_width, inside)
                indented = max(lines[0].content_width + 2, inside)
                starts_article = min(abs(full - widths_ref), abs(indented - widths_ref)) >= 2.5
            elif len(text_lines) == 2 and not _web_address(text_lines[1].text):
                # the first line, perhaps indented, and a second line that runs on across a
                # column break (so it fills the column) must both differ from the column
                # (a web address under a line tells nothing of it: it fits where it can)
                first = _reach(lines[0], text_lines[1], column)
                if first > column + 1.5 and display_width(lines[0].text) <= column + 0.5:
                    # (its justification spaces carry it past the column its text alone fits:
                    # 据悉，展览将持续至 12 月 10 日，市民可免费参观，)
                    first = column
                starts_article = min(abs(first - column), abs(first + 2 - column)) >= 2
                if starts_article and not text_lines[1].final and current.content_widths:
                    widths = current.content_widths
                    full = widths[(3 * len(widths)) // 4]
                    starts_article = abs(text_lines[1].content_width - full) >= 2.5
            if (
                starts_article
                and lines[0].indented
                and lines[0].text.endswith(_COLONS)
                and len(text_lines) >= 2
                and (_printed_row(text_lines[1]) or _cells_row(text_lines[1]))
            ):
                # (a paragraph opening with its indent to announce the rows under it: the rows
                # are no measure of the column, 　　本轮其他比赛结果如下： | 海宁队 86∶79 平湖队)
                starts_article = False
            if (
                starts_article
                and current.paragraphs
                and _TABLE_BELOW.search(current.paragraphs[-1].text[-12:]) is not None
                and (_cells_row(lines[0]) or _printed_row(lines[0]))
            ):
                # (nor the table a paragraph points to, under it: …零售价格见下表。 | 品 名 单 位
                # 价格（元） 涨 跌 | 青 菜 斤 2.00 ↓0.50 | …)
                starts_article = False
    skip = 0
    # An editor's note (编者按：…) is printed over the story it introduces, whose dateline
    # comes after it: the note and the story are one article.
    after_note = (
        starts_article
        and current is not None
        and prev is not None
        and prev.kind == "body"
        and not current.dateline
        and len(current.paragraphs) == 1  # the note alone, no story yet
        and current.paragraphs[0].text.startswith(_EDITOR_NOTE)
        and _opens_with_dateline(chunk)
    )
    if after_note:
        assert current is not None
        starts_article = current.open_end = current.ambiguous_end = False
        # (the note may be set wider than the story: the column is the story's own)
        current.widths, current.content_widths = [], []
    if starts_article and not captioned and current is not None and not after_note:
        # a story cut mid-sentence by a block the extraction set between its columns goes on
        # here: text of its column, no dateline, its first line full (no paragraph opens)
        resumed = _resumed_story(articles, chunk)
        if resumed is not None:
            current, starts_article = resumed, False
    if starts_article or after_note:
        if starts_article:
            digest_item = False
            after_body = current is not None and prev is not None and prev.kind == "body"
            current = Article(
                first=chunk.first, after_body=after_body, spaced_opening=lines[0].indented
            )
            articles.append(current)
            order.append(("a", len(articles) - 1))
        assert current is not None
        # a long credit may wrap twice (a line's text is its pieces joined)
        dateline = DATELINE.match("".join([line.text for line in lines[:5]]))
        if dateline:
            skip = dateline.end()
            # no strip: a dateline starts and ends with a printed character
            current.dateline = Span([p for line in lines[:5] for p in line.pieces]).slice(0, skip)
    assert current is not None
    if current.ambiguous_end and current.paragraphs:
        # The last chunk ended a sentence. On a full line (one indented line short, if it opened
        # its paragraph) that may be a column break: a new paragraph starts here only if this
        # line lost the 2-character indent. The column is what full lines fill: the upper
        # quartile of the widths inside chunks, hanging punctuation left out, since lines
        # holding half-width digits or Latin letters measure short of it. With little of the
        # article read so far, the lines of this chunk count too.
        column = max(current.content_widths[-1:] + interior_content, default=0.0)  # (sorted)
        capacity = column - 2 if current.end_indented else column
        # On a page that sets its paragraphs' first lines full (no indent), the full line
        # tells nothing: a paragraph ends on a full line far more often than a column breaks
        # right after a sentence inside one.
        # (an opening mark never ends a line: the line above may end a cell short for it)
        pushed = 1.0 if lines[0].text[:1] in _OPENING_MARKS else 0.0
        full_end = column > 0 and current.end_width + pushed >= capacity - 1.25
        # (verse fills no column: a blank line in it ends a stanza)
        # (and with no blank line above, nothing broke the column: a line printed with its
        # indent right under a sentence's end opens a paragraph, however full the line above)
        current.open_end = (
            full_end
            and not current.verse
            # (a table's next row after a column break under its rows is a row; a line set in
            # under its last row opens a paragraph: …乍浦镇雅山社区部分用户 | | 　　如遇雷雨…)
            and not rows_above
            and not (current.rows_end and lines[0].indented)
            and (chunk.blank_before or not lines[0].indented)
            and (
                # who said the quotation above runs on after it, in a line of its own or more
                _attribution_after_quote(current.paragraphs[-1].text, lines)
                # (or a sentence's end alone on a line after a column break, set flush on a
                # page that keeps its indents, where a paragraph would open indented: …清理化石
                # 的过程。 | | 展览将持续至10月底。; a subhead is set so too, but ends in no stop)
                or (
                    len(lines) == 1
                    and chunk.blank_before
                    and not lines[0].indented
                    and lines[0].text.endswith(_SENTENCE_MARKS)
                    and marks_indents()
                )
                or (
                    (
                        (len(lines) > 1 and lines[0].content_width > column - 1.75)
                        # (one line that runs on, no paragraph's last line, is measured too, on
                        # less evidence: it must fill the column)
                        or (
                            not is_paragraph_end(lines[0], column)
                            and lines[0].content_width > column - 0.75
                        )
                    )
                    and indenting()  # (read from the page the first time it is asked)
                    # (nor in a story set flush among indented ones: its own paragraph starts
                    # fill its column)
                    and not column_sets_flush(
                        _sorted_median(current.widths) if current.widths else chunk.width
                    )
                )
            )
        )
        if not current.open_end and _quotation_runs_on(current.paragraphs[-1], chunk.text):
            # a quotation the paragraph opened and the text under the break closes (“订单…都在
            # 眼巴巴地等着我们交货。 || 现在每天开足两班，…赶出来。”车间主任说。): one paragraph
            current.open_end = True
    if (
        current.open_end
        and current.paragraphs
        and _LIST_LEAD.match(lines[0].text)
        and (
            current.paragraphs[-1].text.endswith(_ITEM_ENDS)
            # (or after the item numbered before it, closed by a sentence: 二、…另行公告。 |
            # 三、…)
            or (
                current.paragraphs[-1].text.endswith(_ITEM_CLOSES)
                and _next_item(current.paragraphs[-1].text, lines[0].text)
            )
        )
    ):
        # a numbered item after a colon or an item closed by a semicolon (通告如下： | 一、…,
        # ①…； | ②…) opens a paragraph of its own
        current.open_end = False
    if current.open_end and current.paragraphs and "：" in lines[0].text[:10]:
        # (so does a row of results after a column break under a row labelled alike: 二等奖：…
        # | | 三等奖：…, and an interview's answer under the question: 记者：…？ | | 何志明：…)
        if current.paragraphs[-1].text.endswith(_SENTENCE_MARKS) and _turn_taken(
            current.paragraphs[-1], lines[0].text
        ):
            current.open_end = False
        label = _result_label(lines[0].text)
        row = current.paragraphs[-1]
        opened = _result_label(_span_opening(row))
        if label and label == opened and _CLAUSE_MARK.search(row.text) is None:
            current.open_end = False
    # (and so do a price list's rows of a name and a figure after a column break under its
    # rows: 春 笋 3.50元/斤 || 西红柿 4.00元/斤)
    rows_resumed = 0
    if current.open_end and current.rows_end and current.paragraphs:
        while rows_resumed < len(lines) and _NAME_FIGURE_ROW.fullmatch(lines[rows_resumed].raw):
            rows_resumed += 1
        if rows_resumed:
            current.open_end = False
    # a list's items, short of the column the article filled so far, each a paragraph; their
    # widths say nothing of the column
    widths_before = current.content_widths
    item_ends = (
        _list_item_ends(
            text_lines,  # (a prefix of the lines: a jump line under them is no item)
            chunk.text,
            widths_before[(3 * len(widths_before)) // 4] if widths_before else chunk.width,
            colon_above,
        )
        if colon_above or (colon_lines and len(text_lines) >= 3)
        else _NO_ITEMS
    )
    if not item_ends and rows_resumed:
        item_ends = frozenset(range(rows_resumed))
    announces = (
        next((k for k, line in enumerate(lines) if line.text.endswith(_COLONS)), -1)
        if (
            not item_ends
            and len(lines) >= 2
            # (cheap first: a table's cells stand a space apart, prose seldom does; a name and
            # its figure only as printed, 晚粳米 2.60)
            and ("：" in chunk.text or ":" in chunk.text)
            and (chunk.text.count(" ") >= 2 or sum([line.raw.count(" ") for line in lines]) >= 3)
        )
        else -1
    )
    if announces >= 0:
        # a line announcing a table over its rows, a note perhaps under them (市气象台昨天17时
        # 发布： | 20日（周三） 晴 -4℃～4℃ 西北风4-5级 | … |   温馨提示：…): the line ends its
        # paragraph and each row is one
        rows = announces + 1
        while rows < len(lines) and (
            _cells_row(lines[rows])
            # (a row's first cell letter-spaced from its unit: 1 月 40.2 9.7)
            or _unit_spaced_row(lines[rows])
            # (or a row whose last cell runs long, under heads: 4月23日 8:00—18:00 太湖街道龙山
            # 新村、金苑小区)
            or (rows > announces + 1 and _spaced_cells(lines[rows]))
            # (or rows of two cells, a name and its figure, under their heads: 品种 价格（元/斤） |
            # 晚粳米 2.60 | …)
            or _NAME_AND_FIGURE.fullmatch(lines[rows].raw) is not None
            or (rows == announces + 1 and _HEADS_PAIR.fullmatch(lines[rows].raw) is not None)
        ):
            rows += 1
        if rows < len(lines) and _SOURCE_NOTE.fullmatch(lines[rows].text):
            rows += 1  # (the figures' source under them: 数据来源：…)
        if (
            rows - announces >= 3
            and (
                rows == len(lines)
                or lines[rows].indented
                or _ROW_LABEL.match(lines[rows].text) is not None
            )
        ) or (rows == len(lines) == announces + 2 and _cells_row(lines[-1])):
            # (or the table's heads alone, its rows cut off by a column break)
            item_ends = frozenset(range(announces, rows))
    if (
        not item_ends
        and len(lines) >= 3
        and len(lines[0].text) <= 8
        and _WHO_WARNS.fullmatch(lines[0].text) is not None
        and _item_number(lines[1].text) is not None
    ):
        # a warning's label over its numbered tips (警方提醒 | 1.正规电商平台…): the label and
        # each tip a paragraph
        leads = [1]
        for k in range(2, len(lines)):
            if _next_item(lines[leads[-1]].text, lines[k].text):
                leads.append(k)
        item_ends = frozenset([k - 1 for k in leads] + [len(lines) - 1])
    if len(lines) >= 4 and _numbered_heading(lines[0].text):
        # a section's numbered heading over a table's rows (一、招生学校及名额 | 学校  年级  名额
        # | 魏塘中心小学  一年级  40 | …), the next section set in under them perhaps: the
        # heading and each row a paragraph
        rows = 1
        while rows < len(lines) and _table_row(lines[rows], pairs=True):
            rows += 1
        if rows >= 4 and (rows == len(lines) or lines[rows].indented):
            item_ends = frozenset(range(rows))
    if (
        not item_ends
        and lines[-1].text[-1:] == "日"  # (cheap first)
        and _DATE_LINE.fullmatch(lines[-1].text) is not None
        and _notice_close_only(lines)
    ):
        item_ends = frozenset(range(len(lines)))  # (a notice's close: each line a paragraph)
    if (
        not item_ends
        and (
            _fact_box(lines)
            or _table_rows(lines, pairs=True)
            # (or a table's caption over its rows: …零售均价（单位：元/斤） | 品种 本周 上周 | …,
            # 2023绍兴马拉松男子全程前六名 | 名次 姓名 单位 成绩 | 1 德贝贝 埃塞俄比亚 2:12:05)
            or (
                len(lines) >= 4
                and (
                    (
                        lines[0].text[-1:] in "）)表"
                        and _TABLE_CAPTION.search(lines[0].text) is not None
                    )
                    or (len(lines[0].text) <= 30 and _ANY_PUNCT.search(lines[0].text) is None)
                )
                and _figure_rows(lines[1:])
            )
        )
    ):
        # a fact box or a table: each row a paragraph (a field's value wrapped with it)
        item_ends = frozenset(
            k
            for k in range(len(lines))
            if k + 1 == len(lines) or not (_wraps_field(lines, k) or _wraps_row(lines, k))
        )
    if not item_ends and chunk.text.count("：") >= 2:
        item_ends = _row_label_ends(lines)
    notice_close = _NO_ITEMS
    if not item_ends and len(lines) >= 2 and _DATE_LINE.fullmatch(lines[-1].text) is not None:
        item_ends = notice_close = (
            frozenset(range(len(lines)))
            if _notice_close_only(lines)  # (each line of the close a paragraph)
            else _notice_close_ends(lines)
            if len(lines) >= 3
            else _NO_ITEMS
        )
    if (
        not item_ends
        and len(text_lines) >= 3
        # (cheap first: the first item stands on one of the first three lines, the next under it)
        and (
            text_lines[1].text[:1] in _ITEM_NUMBER_FIRST
            or text_lines[2].text[:1] in _ITEM_NUMBER_FIRST
        )
    ):
        item_ends = _numbered_run_ends(text_lines, chunk.width)
    if (
        (not item_ends or item_ends is notice_close)
        and len(lines) >= 3
        and ("日" in chunk.text or "年 " in chunk.text)
        and (":" in chunk.text or "日 " in chunk.text or "年 " in chunk.text)
    ):
        # (a notice's close under them too: …由此带来的不便，敬请谅解。 | 服务热线：… | …)
        item_ends = notice_close | _timetable_ends(lines, chunk.width)
    # (a notice's close under them too: …6月11日起 恢复正常门诊 | 节日期间，… | 特此公告。 |
    # 慈溪市人民医院 | 2024年6月3日)
    if (
        (not item_ends or item_ends is notice_close)
        and (len(lines) >= 4 or rows_above)
        and lines[0].raw.count(" ") >= (1 if rows_above else 2)
    ):
        # a table's rows opening the chunk, the text under them running on (今天 多云转阴
        # 东北风3级 8℃～17℃ | 明天 … | 后天 … | 市气象台提醒：…): each row a paragraph
        # (one will do under rows the chunk above closed)
        rows = 0
        while (
            rows < len(lines)
            # (a row after the first may hold two cells: 石浦—东门岛 每30分钟一班)
            and len(lines[rows].raw.split()) >= (3 if rows == 0 and not rows_above else 2)
            # (a figure's cell may stand before words: 6月10日 8:00—11:30 停诊, 青 菜 2.40 持平;
            # not in a dateline: 本报北京１ 月 １４日讯（记者)
            and (
                _table_row(lines[rows], pairs=True)
                or (_printed_row(lines[rows]) and not _starts_dateline(lines[rows].text))
            )
        ):
            rows += 1
        if rows >= 3 or (rows and rows_above):
            item_ends = notice_close | frozenset(range(rows))
    if not item_ends and lines[-1].raw.count(" ") >= 2:
        item_ends = _row_tail_ends(lines, rows_above)
    if not item_ends and len(lines) >= 4 and chunk.text.count(" ") + len(lines) >= 8:
        # (three rows of two printed spaces or more: cheap first, most chunks are prose)
        if sum([line.raw.count(" ") >= 2 for line in lines]) >= 3:
            item_ends = _inner_table_ends(lines)
    if not item_ends and not _numbered_lines(text_lines):
        # kept sorted: the median is read for every chunk of a long article (sorting a sorted
        # list with a run appended is a merge)
        # (nor a list's numbered lines, each short of the column: 1.小学语文教师8名； | …)
        current.widths += interior
        current.widths.sort()
        current.content_widths += interior_content
        current.content_widths.sort()
    elif (
        item_ends
        and min(item_ends) <= 1
        and not lines[0].indented
        # (rows from the chunk's first line: no text measured, 2006年 浙江恒拓… | …)
        and (
            _TIMELINE_ROW.match(lines[0].raw) is not None
            or lines[0].text[:1] in _ITEM_MARKERS
            or _FIELD_LINE.fullmatch(lines[0].text) is not None
            or (" " in lines[0].raw.strip() and _SENTENCE_MARK.search(lines[0].text) is None)
        )
    ):
        current.item_width = max(current.item_width, max(line.width for line in lines))
    # (with no widths read yet, as when rows came first, the chunk's own, or the line above it
    # when a column break cut a row: 活动地点：西山社区党群服务中心前 | | 广场)
    column = (
        _sorted_median(current.widths)
        if current.widths
        else max(chunk.width, current.end_width)
        if current.open_end
        else chunk.width
    )
    paragraphs = current.paragraphs
    open_end = current.open_end
    if colon_above and 0 in item_ends:
        open_end = False  # a list's first item under the line announcing it
    if digest_item and not open_end:
        current.digest_items.append(len(paragraphs))
    elif (
        not open_end
        and not skip
        and paragraphs
        and prev is not None
        and prev.kind == "body"
        and _DATED_OPENING.match(lines[0].text)
    ):
        # a paragraph opening with its own date (6月9日上午，…) may open another story set in
        # the same column with no headline or dateline between: split off later only if an
        # unclaimed headline reads like it and not like the text above (_split_digest_items)
        current.digest_items.append(len(paragraphs))
    # (a line is short against the lines that fill the column: the upper quartile, since the
    # rows of a list under an opening sentence may make the median short, 7月20日（星期四） |
    # 7:00—12:00 新仓镇…芦湾 | 村部分用户。)
    full_column = _full_column(current.widths, column)
    short_line, closing_quote_width = 0.6 * full_column, column - 1
    # the lines the dateline fills whole are left out; the rest of the one it ends in is read
    read_from = 0
    while skip and read_from < len(lines) and skip >= len(lines[read_from].text):
        skip -= len(lines[read_from].text)
        read_from += 1
    joined = paragraphs[-1].pieces if paragraphs else None  # the open paragraph's pieces
    started = False
    read = lines[read_from:] if read_from else lines
    if item_ends:
        # a list's item ends its paragraph: read as a short line ending one
        read = [
            line._replace(width=0.0, final=True)
            if k in item_ends and not line.text.endswith(_RUNS_ON)
            else line
            for k, line in enumerate(lines)
        ][read_from:]
    inner_ends = _ends_inside_chunk(read) if _ITEM_MARKER.search(chunk.text) else []
    if inner_ends:
        read = [
            line._replace(width=0.0) if k in inner_ends else line for k, line in enumerate(read)
        ]
    # (Lines unpacked in the loop header: cheaper than reading four fields by name, per line.)
    for n, (_, _, _, line_pieces, text, width, _, _, _, final) in enumerate(read):
        pieces: list[Piece] | tuple[Piece, ...] = line_pieces
        if skip:
            pieces = Span(list(pieces)).slice(skip).strip().pieces
            skip = 0
        started = False
        if open_end and joined is not None:
            if pieces:  # joined across a line break: nothing between CJK, a space between Latin
                if (
                    pieces[0][0][:1] in _ASCII_LETTERS
                    and joined
                    and joined[-1][0][-1:] in _ASCII_LETTERS
                    and _latin_words_meet(joined[-1][0], pieces[0][0])
                ):
                    joined.append(Piece(" ", 0, 0))
                joined.extend(pieces)
        elif pieces and any(map(_piece_text, pieces)):
            paragraphs.append(Span(list(pieces)))
            joined = paragraphs[-1].pieces
            started = True
        # inside a chunk (no blank line) only a clearly short line closes a paragraph, or
        # a classified entry's fixed close (…遗失公章一枚，声明作废。 over the next entry)
        if (
            started
            and n + 2 == len(read)
            and _DATE_LINE.fullmatch(read[n + 1].text) is not None
            and len(text) <= 24
            and _ANY_PUNCT.search(text) is None
        ):
            # (so does a notice's signer, a line of its own over the date closing the chunk:
            # …特此公告。 | 桐城市龙眠山茶叶专业合作社清算组 | 2025年1月10日)
            open_end = False
        elif (
            # (an item closed by its semicolon over the next item, numbered and indented, or
            # numbered next: …周边100米范围内； | 　　（五）法律法规规定的…, 1.对购置…单个企业
            # 最高100万元； | 2.对实施…)
            text.endswith(("；", ";"))
            and n + 1 < len(read)
            and _item_number(read[n + 1].text) is not None
            and (
                read[n + 1].indented
                or (bool(paragraphs) and _next_item(paragraphs[-1].text, read[n + 1].text))
            )
        ):
            open_end = False
        elif (
            final
            and n + 1 < len(read)
            and joined is not None
            and "：" in read[n + 1].text[:5]
            and _turn_taken(Span(joined), read[n + 1].text)
        ):
            open_end = False  # (an interview's question, answered under it: 记者：…？ | 何志明：…)
        elif (
            not final
            and n + 1 < len(read)
            and joined is not None
            and (text.endswith(_COLONS) or read[n + 1].indented or "：" in read[n + 1].text[:10])
            and _results_row_ends(Span(joined), text, read, n, indenting)
        ):
            open_end = False
        elif (
            # (a row of a notice's details short of the column, over the next row set in:
            # …凭身份证入馆 | 　　咨询电话：0573-82076355)
            not final
            and n + 1 < len(read)
            and read[n + 1].indented
            and width <= full_column - 2.5
            and "：" in read[n + 1].text[:8]
            and _ROW_LABEL.match(read[n + 1].text) is not None
            and not text.endswith(_RUNS_ON)
            and indenting()
        ):
            open_end = False
        elif (
            # (a section's numbered heading over the first item of its own list: 一、招聘岗位及
            # 人数 | 1.小学语文教师8名；)
            text[:1] in _ITEM_NUMBER_FIRST  # (cheap first)
            and n + 1 < len(read)
            and _ANY_PUNCT.search(text[2:]) is None
            and (heading := _item_number(text)) is not None
            and (
                (item := _item_number(read[n + 1].text)) in _FIRST_ITEMS
                # (or over its text set in as a paragraph: 　　二、报名时间及方式 | 　　7月6日…)
                or (read[n + 1].indented and len(text) <= 16 and indenting())
            )
            and heading != item
        ):
            open_end = False
        elif (
            # (the next item of a numbered list after a sentence's end, on a full line too:
            # 1.及时追施苗肥。…促进油菜早发壮苗。 | 2.做好清沟排水。…; or after a short line
            # closing an item with no stop: …身体健康； | （2）年龄在…)
            (final or (width < short_line and not text.endswith(_RUNS_ON)))
            and n + 1 < len(read)
            and joined is not None
            and read[n + 1].text[:1] in _ITEM_NUMBER_FIRST
            and (
                _next_item(Span(joined).text, read[n + 1].text)
                # (or the next section's heading after a section's text: 二、薪酬待遇 | 录用人员…
                # 五险一金。 | 三、报名方式)
                or (
                    len(read[n + 1].text) <= 12
                    and _numbered_heading(read[n + 1].text)
                    and any(_next_item(par.text, read[n + 1].text) for par in paragraphs[-6:])
                )
            )
        ):
            open_end = False
        elif (
            # (a line announcing the numbered sections under it: …现将有关事项通告如下： |
            # 一、施工路段及时间。…, on a page that sets its paragraphs flush too)
            # (short of the column: on a full line the number may just run on, …建议：一、…)
            text.endswith(_COLONS)
            and width <= full_column - 2
            and n + 1 < len(read)
            and _item_number(read[n + 1].text) in _FIRST_ITEMS
        ):
            open_end = False
        elif (
            n + 1 < len(read)
            and width < full_column - 2
            and (
                _NOTE_LABEL.match(read[n + 1].text) is not None
                or (len(read[n + 1].text) <= 8 and read[n + 1].text.endswith(_NOTICE_CLOSE))
            )
            and not text.endswith(_RUNS_ON)
        ):
            # a note under a list's last item opens with its label: …（自驾两日游） |
            # 温馨提示：山区早晚温差较大…; a notice's closing formula stands on its own line:
            # 咨询电话：0577-63712345 | 特此通知。
            open_end = False
        elif (
            text[:1] in _ITEM_NUMBER_FIRST
            and width < short_line
            and n + 1 < len(read)
            and len(text) <= 12
            and _numbered_heading(text)
        ):
            open_end = False  # a section's numbered heading, a line of its own: 一、招聘岗位
        elif (text[:1] == "【" and _BRACKETED_LABEL.fullmatch(text) is not None) or (
            n + 1 < len(read)
            and read[n + 1].text[:1] == "【"
            and _BRACKETED_LABEL.fullmatch(read[n + 1].text) is not None
            and not text.endswith(_RUNS_ON)
        ):
            open_end = False  # a subhead in brackets, a paragraph of its own: 【父亲：…】
        elif text[:1] == "《" and _BOOK_ENTRY.fullmatch(text) is not None:
            open_end = False  # a book's title and who wrote it, over what it holds: 《嘉善田歌》 县文化馆 编
        elif (
            n + 1 < len(read)
            and read[n + 1].indented
            and ("——" in text or (n > 0 and "——" in read[n - 1].text))
            and joined is not None
            and _ATTRIBUTION_TAIL.search(Span(joined).text[-30:]) is not None
        ):
            # who said the quotation, after a dash, over the next quotation set in: …推倒重来。”
            # ——徒弟 | 李 鹏 | 　　“别看老陈…
            open_end = False
        elif width < short_line:
            open_end = not (
                final
                or (text.endswith(_CLOSING_QUOTES) and width < closing_quote_width)
                or text.endswith(_COLONS)
                # (a day's date alone heading the rows under it: 7月20日（星期四）)
                or (text[-1:] in "）)" and _DAY_HEADING.fullmatch(text) is not None)
            )
        else:
            open_end = not (
                final
                and (
                    text.endswith(_ENTRY_CLOSES)
                    or _indent_lost_under(read, n, column, indenting)
                    # (a sentence's end well short of a justified column, even were its digits
                    # and Latin letters as wide as CJK, and by more than what opens the line
                    # under it and could not end this one takes, a number, a Latin word, an
                    # opening mark; by three cells more if it opened its paragraph, which may
                    # have lost its indent: …预计年底前实现全区村居全覆盖。 over a line set flush)
                    or (
                        n + 1 < len(read)
                        and width <= full_column - _SHORT_END_MARGIN  # (cheap first)
                        and width
                        + 0.5 * len(_HALF_WIDTH_CHAR.findall(text))
                        + _uncut_lead_width(read[n + 1].text)
                        <= full_column - (4.5 if started else _SHORT_END_MARGIN)
                    )
                )
            )
    if read_from < len(lines):  # (else the dateline took the whole chunk)
        # the chunk's last line: the chunk ends the paragraph if the line ends a sentence;
        # on a full line that may also be a column break
        # (so does a clearly short line, since a column break follows a full line: list items
        # end in ； or in nothing, 男子100米：张伟 11秒08; not one ending in a comma, which
        # runs on, 1.加强组织领导，| 落实工作责任…)
        last = lines[-1]
        ends = (
            is_paragraph_end(last, column)
            or (
                (last.width < short_line or bool(item_ends))
                and not last.text.endswith(_RUNS_ON)
                # (not an item's line filling the column, cut inside a word by the break: …确保其
                # 动作灵敏可 || 靠。)
                # (nor a section's full line under rows its chunk holds: …禾兴路。公交线 || 路调整…)
                and not (
                    bool(item_ends)
                    and last.width >= full_column - 1
                    and _CJK_CHAR.fullmatch(last.text[-1:]) is not None
                    # (numbered items: the last one's line, full, is cut by the break too)
                    and (
                        any(
                            x.text[:1] in _ITEM_NUMBER_FIRST and _item_number(x.text) is not None
                            for x in lines
                        )
                        or len(lines) - 1 not in item_ends
                    )
                )
            )
            or _web_address(last.text)
            or _ends_in_marked_credit(last.text)
            # (a subhead in brackets: 【父亲：从皮具作坊到服装工厂】)
            or (last.text[:1] == "【" and _BRACKETED_LABEL.fullmatch(last.text) is not None)
            # (a list of names under its label: …名单：周桂 | … | 伟明 张 红 褚永康 姚利民)
            or _ends_names_list(chunk)
            # (who said the quotation, after a dash: …记在了心里。” | ——宁波职业技术学院教师 张 敏)
            or (
                ("——" in last.text or (len(lines) >= 2 and "——" in lines[-2].text))
                and _ATTRIBUTION_TAIL.search(chunk.text[-30:]) is not None
            )
            # (a row of results short of the column, under a row labelled alike: 声乐类：…
            # | 舞蹈类：《钹子声声》 市实验小学)
            or (
                last.width <= full_column - 2
                and len(paragraphs) >= 2
                and "：" in last.text + paragraphs[-1].pieces[0][0][:10]  # (cheap first)
                and _rows_alike(paragraphs[-2], paragraphs[-1])
            )
            # (a salutation on a line of its own opening a letter, no column read yet: 全市
            # 广大市民朋友们：)
            # (or the bodies a notice is sent to: 各区教育局，市直各初中学校：)
            or (
                len(lines) == 1
                and not widths_before
                # (a longer list of bodies opens with 各: 各县（区）防指，市防指各成员单位：)
                and (len(last.text) <= 16 or (last.text[0] == "各" and len(last.text) <= 30))
                and last.text.endswith(_COLONS)
            )
            # (and a diary entry's date and weather: 2月10日 晴)
            or (len(lines) == 1 and _DIARY_DATE.fullmatch(last.text) is not None)
            # (and a section's numbered heading alone in its chunk: 二、招聘条件)
            or (len(lines) == 1 and len(last.text) <= 12 and _numbered_heading(last.text))
            # (a telephone number given whole closes its sentence: …联系。联系电话：85023456; a
            # paragraph opening under the break says whether it closed the paragraph too)
            or (last.text[-1:].isdigit() and _WHOLE_NUMBER_END.search(last.text) is not None)
        )
        if current.verse or chunk.verse or (chunk.width <= 12 and _verse(lines)):  # (cheap first)
            # a stanza: verse is set line by line, so a blank line under it is no column
            # break (春雨落在东湖上， | 一圈，一圈， | 把去年的涟漪 | 轻轻唤醒。); with no
            # blank line under it, the stanza goes on in the next chunk
            current.verse = True
            ends = chunk.blank_after
        current.open_end, current.ambiguous_end = not ends, ends
        current.end_width, current.end_indented = lines[-1].width, started
        current.rows_end = (
            _printed_row(last)
            or (
                # (or a table's heads under the line announcing it: …成绩如下： | 项目 姓名 单位 成绩;
                # or rows of names with no figure: 乍浦镇天妃小学  王子睿  小学组特等奖)
                len(lines) >= 2
                and (lines[-2].text.endswith(_COLONS) or _cells_row(lines[-2]))
                and _cells_row(last)
            )
            or (
                # (or rows of a name and its figure: 碱水粽（500克） 12.80)
                len(lines) >= 3
                and _NAME_AND_FIGURE.fullmatch(last.raw) is not None
                and _NAME_AND_FIGURE.fullmatch(lines[-2].raw) is not None
            )
        )
        current.colon_items_end = (
            colon_above
            and len(lines) - 1 in item_ends
            and all(_COLON_ITEM.fullmatch(line.text) for line in text_lines)
        )
    # (a dateline that took the whole chunk leaves the article's state as it was)
    current.last = chunk.last
    return current


# --- tables ---------------------------------------------------------------------------------


_CREDIT_ROLES: Final = ("记者", "通讯员", "摄影", "实习生")
# a name of two characters letter-spaced to the width of three, ending a line or opening one
_SPACED_NAME_END: Final = re.compile(rf"(?:^|[ （(])[{CJK}] [{CJK}]$")
_SPACED_NAME_START: Final = re.compile(rf"[{CJK}] [{CJK}](?:$|[ ）)])")


def _role_cut(before: str, after: str) -> bool:
    """A credit's role cut by a line break: ``before`` ends with its first characters, ``after``
    opens with the rest (记 | 者, 通讯 | 员)."""
    return any(
        before.endswith(role[:k]) and after.startswith(role[k:])
        for role in _CREDIT_ROLES
        for k in range(1, len(role))
    )


def _spaced_credit_breaks(dateline: Span) -> Span:
    """A dateline whose credit a line break cuts after a role (本报杭州3月4日讯（记者 | 沈 晶）) or
    before one (（记者 谢 颖 | 通讯员 陈 洁）): a space there, as between a role and the names of
    a credit on one line, so that the names read apart from the roles and are squeezed as names
    (（记者 沈晶）). A break inside words joins them (（浙江人民 | 广播电台记者…）)."""
    pieces = dateline.pieces
    if len(pieces) < 2 or ("（" not in dateline.text and "(" not in dateline.text):
        return dateline
    out: list[Piece] = [pieces[0]]
    depth = pieces[0][0].count("（") + pieces[0][0].count("(")
    depth -= pieces[0][0].count("）") + pieces[0][0].count(")")
    for before, piece in itertools.pairwise(pieces):
        if (
            depth > 0
            and piece[1] != before[1]  # (the next line's)
            and (
                (before[0].endswith(_CREDIT_ROLES) and _CJK_CHAR.match(piece[0][:1]))
                # (or before the next role: （记者 谢 颖 | 通讯员 陈 洁）, or between two names
                # spaced out: （记者 王 悦 | 刘 晨）)
                or (piece[0].startswith(_CREDIT_ROLES) and _CJK_CHAR.match(before[0][-1:]))
                or (
                    _SPACED_NAME_END.search(before[0]) is not None
                    and _SPACED_NAME_START.match(piece[0]) is not None
                    # (not a role the break cuts: （通讯员 郑 强 记 | 者 林 蕾）)
                    and not _role_cut(before[0], piece[0])
                )
            )
        ):
            out.append(Piece(" ", 0, 0))
        out.append(piece)
        depth += piece[0].count("（") + piece[0].count("(")
        depth -= piece[0].count("）") + piece[0].count(")")
    return Span(out)


def _captions(articles: list[Article]) -> list[bool]:
    """Which articles are photo captions: credited as photos, under their text or their title;
    and, on a page that opens its captions with a space, an uncredited one so set next to a
    credited one, a paragraph under a title of its own (a group of photos under one credit:
    粽香飘校园 between 杨梅红了 ■摄影 陆 晨 and 巧手做香囊 ■摄影 金 辉)."""
    credited = [
        _is_credited_caption(art)
        or (
            not art.dateline
            and not art.bylines
            and art.headline is not None
            and _photo_credits_only(art.headline.bylines)
        )
        for art in articles
    ]
    out = list(credited)
    # (in a chain: the first caption of a group of three under one credit is two away from it)
    changed = True
    while changed:
        changed = False
        for k, art in enumerate(articles):
            if out[k] or not _uncredited_caption_shape(art):
                continue
            neighbours = [j for j in (k - 1, k + 1) if 0 <= j < len(articles)]
            if any(out[j] and articles[j].spaced_opening for j in neighbours):
                out[k] = changed = True
    return out


def _uncredited_caption_shape(art: Article) -> bool:
    """Set as a caption is, with no credit of its own: opening with a space, one short
    paragraph under a plain title of its own, no dateline or byline."""
    h = art.headline
    return (
        art.spaced_opening
        and not art.dateline
        and not art.bylines
        and h is not None
        and not (h.bylines or h.kicker or h.subtitle)
        and not _label_only(h)  # (a box's label titles no photo: 人物名片)
        and len(art.paragraphs) == 1
        and len(art.paragraphs[0].text) <= 120
    )


# a page's number in its header or footer: 第2版, A2版, or a number alone (2, A2) or beside
# the section's name (综合新闻 3, A3 城市)
_HEADER_PAGE: Final = re.compile(
    r"第\s*([A-Z]?\d{1,2})\s*版|(?<![\d.])([A-Z]?\d{1,2})\s*版|^([A-Z]?\d{1,2})$"
    # (the space between them gone with the justification spaces: 综合新闻3; not a date's
    # day or month, 3月16日)
    rf"|^([A-Z]?\d{{1,2}})\s*(?![月日时号期年小个点分周天岁楼路])[{CJK}]"
    rf"|[{CJK}]\s*([A-Z]?(?<!\d)\d{{1,2}})$"
)


_PAGES_TODAY_PART: Final = re.compile(_PAGES_TODAY)


def _header_date_and_page(unplaced: list[Unplaced]) -> tuple[str, str]:
    """The date (ISO, 2024-04-16) and page number (4, A2) the page's furniture prints first,
    ``""`` for either it does not print."""
    date = page_no = ""
    for item in unplaced:
        if item.kind != "furniture":
            continue
        text = item.span.text
        if not date and (m := _HEADER_DATE.search(text)) is not None:
            year, month, day = (int(x) for x in m.groups())
            if 1 <= month <= 12 and 1 <= day <= 31:
                date = f"{year:04d}-{month:02d}-{day:02d}"
            text = text[: m.start()] + " " + text[m.end() :]
        # (not the count of pages in the masthead's small print, 第6530期 今日8版, nor another
        # page a jump or the front page's guide points to: （下转第2版）, ▶…上岗 3版)
        text = _PAGES_TODAY_PART.sub(" ", text).strip()
        # (a guide's entry may give its page first: 2版 ▶ 大田街道：…)
        elsewhere = text[:1] in "▶►▷●◆" or any(
            word in text for word in ("转", "接", "见", "▶", "►", "▷")
        )
        if not page_no and not elsewhere and (m := _HEADER_PAGE.search(text)) is not None:
            page_no = next(g for g in m.groups() if g)
        if date and page_no:
            break
    return date, page_no


def _teacher_last(group: Span) -> bool:
    return group.text.startswith(("指导老师", "指导教师"))


def _tables(page: Page, articles: list[Article], unplaced: list[Unplaced]) -> PageLayout:
    meta = page.metadata
    page_id = page.page_id
    newspaper, date, page_no = (
        str(meta.get(key, "") or "") for key in ("newspaper", "date", "page")
    )
    if not date or not page_no:
        # what the sidecar does not give, as the page's own header prints it
        header_date, header_page = _header_date_and_page(unplaced)
        date, page_no = date or header_date, page_no or header_page
    rows, para_rows, field_spans = [], [], {}
    captions = _captions(articles)
    for ordinal, art in enumerate(articles, start=1):
        article_id = f"{page_id}-{ordinal:02d}"
        h = art.headline or Headline()
        bylines = [group for span in art.bylines + h.bylines for group in _role_groups(span)]
        # (a pupil's teacher after the pupil, wherever each is printed: 指导老师 郑 慧 under the
        # essay, the pupil's school and name under its title)
        bylines.sort(key=_teacher_last)
        fields = {
            "kicker": _join(h.kicker, ""),
            "title": _join(h.title, " "),
            "subtitle": _join(h.subtitle, ""),
            "byline": _join(bylines, " / "),
            "dateline": squeeze_names(_spaced_credit_breaks(art.dateline), SURNAMES),
            "body": _join(art.paragraphs, "\n"),
        }
        texts = {name: span.text for name, span in fields.items()}
        # (a caption may be credited under its title instead: 草莓红了 | ■摄影 陆晓岚)
        is_caption = captions[ordinal - 1]
        rows.append(
            {
                "article_id": article_id,
                "page_id": page_id,
                "ordinal": ordinal,
                "kind": "photo_caption" if is_caption else "article",
                **texts,
                "n_chars": len(texts["body"]),
                "line_start": art.first,
                "line_end": art.last,
                "newspaper": newspaper,
                "date": date,
                "page": page_no,
            }
        )
        for name, span in fields.items():
            field_spans[(article_id, name)] = span
        for name, parts in (
            ("kicker", h.kicker),
            ("title", h.title),
            ("subtitle", h.subtitle),
            ("byline", bylines),
            ("dateline", [art.dateline] if art.dateline else []),
            ("body", art.paragraphs),
        ):
            # (rows kept as (keys, Span), expanded only when the paragraph table is asked for)
            if parts:
                para_rows += [(page_id, article_id, name, n, span) for n, span in enumerate(parts)]
    unplaced_rows, unplaced_spans = [], []
    for n, item in enumerate(unplaced, start=1):
        uid = f"{page_id}-u{n:02d}"
        unplaced_rows.append(
            {
                "page_id": page_id,
                "unplaced_id": uid,
                "kind": item.kind,
                "text": item.span.text,
                "line_start": item.span.line_start,
                "line_end": item.span.line_end,
                "note": item.note,
            }
        )
        unplaced_spans.append((uid, item.span))
        para_rows.append((page_id, "", "unplaced:" + item.kind, 0, item.span))
    return PageLayout(
        page=page,
        article_rows=rows,
        paragraph_rows=para_rows,
        unplaced_rows=unplaced_rows,
        field_spans=field_spans,
        unplaced_spans=unplaced_spans,
    )


def _expand_paragraph(row: tuple) -> dict:
    page_id, article_id, name, n, span = row
    return {
        "page_id": page_id,
        "article_id": article_id,
        "field": name,
        "paragraph": n,
        "text": span.text,
        "line_start": span.line_start,
        "line_end": span.line_end,
        "source_map": [list(t) for t in span.source_map()],
    }


# --- conservation ---------------------------------------------------------------------------


class ConservationError(AssertionError):
    """Raised when a source character is lost, duplicated or invented by the layout."""


SEPARATORS: Final = frozenset(" /\n")


def check_conservation(text: str, layout: PageLayout) -> None:
    """Every non-whitespace character of ``text`` (invisible ones such as a zero-width space
    count as whitespace) is in exactly one output field or unplaced row,
    and every output character comes from the source (separators excepted)."""
    source_lines = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff").split("\n")
    seen: dict[tuple[int, int], str] = {}
    spans = list(layout.field_spans.items()) + [(uid, s) for uid, s in layout.unplaced_spans]
    for owner, span in spans:
        for piece in span.pieces:
            if piece.line == 0:
                if set(piece.text) - SEPARATORS:
                    raise ConservationError(f"{owner}: invented text {piece.text!r}")
                continue
            source = fold_width(source_lines[piece.line - 1])
            for k, ch in enumerate(piece.text):
                pos = (piece.line, piece.col + k)
                if source[pos[1] - 1] != ch:
                    raise ConservationError(
                        f"{owner}: {ch!r} at {pos} is {source[pos[1] - 1]!r} in the source"
                    )
                if ch.isspace() or ch in INVISIBLE:
                    continue
                if pos in seen:
                    raise ConservationError(
                        f"{ch!r} at line {pos[0]} col {pos[1]} is in {seen[pos]} and {owner}"
                    )
                seen[pos] = str(owner)
    for number, raw in enumerate(source_lines, start=1):
        for col, ch in enumerate(raw, start=1):
            if (
                not ch.isspace()
                and not fold_width(ch).isspace()
                and ch not in INVISIBLE
                and (number, col) not in seen
            ):
                raise ConservationError(
                    f"{ch!r} at line {number} col {col} is in no field and not unplaced"
                )


# --- public API -----------------------------------------------------------------------------


def layout_pages(
    paths=None, keep_going: bool = False, progress: bool | None = None
) -> list[PageLayout]:
    """Parse every page under ``paths`` (files, folders or globs; default ``data/raw``)."""
    from tqdm import tqdm

    from .overrides import apply_overrides

    files = find_pages(paths)
    if not files:
        raise PageError(paths if paths is not None else "data/raw", "no page files (*.txt) found")
    layouts, errors = [], []
    show = progress if progress is not None else len(files) > 20
    for path in tqdm(files, desc="pages", unit="page", disable=not show):
        try:
            layouts.append(apply_overrides(parse_page(read_page(path))))
        except PageError as exc:
            if not keep_going:
                raise
            errors.append(exc)
    return layouts


def _rows_frame(layouts: list[PageLayout], attr: str, columns: list[str]) -> pd.DataFrame:
    rows = [row for layout in layouts for row in getattr(layout, attr)]
    return pd.DataFrame(rows, columns=columns)


def load_articles(paths=None) -> pd.DataFrame:
    """Read pages and return one row per article (or photo caption).

    With no argument it reads every page under ``data/raw/``. Columns:

    - ``article_id``: ``{page_id}-{ordinal:02d}``, stable; ``page_id``: the file stem;
      ``ordinal``: order of the body on the page.
    - ``kind``: ``article`` or ``photo_caption``.
    - ``kicker``, ``title``, ``subtitle``: headline parts (``""`` when absent).
    - ``byline``: bylines and photo credits, markers and justification spaces removed,
      joined by `` / `` (e.g. ``记者 翁辰辰 / 通讯员 徐冰艳``).
    - ``dateline``: ``本报讯``, ``本报3月14日讯``, ``新华社北京3月14日电`` … (not repeated in body).
    - ``body``: de-wrapped, normalised paragraphs joined by ``\\n``; ``n_chars``: its length.
    - ``line_start``, ``line_end``: 1-based source line span of the body block.
    - ``newspaper``, ``date``, ``page``: from the page's sidecar ``<stem>.json``; a date or a page
      number the sidecar does not give is taken from the page's own header or footer as printed
      there (``2024年4月16日`` -> ``2024-04-16``, ``第4版`` -> ``4``); ``""`` if unknown.

    Per-page overrides (``<stem>.overrides.toml``) are applied last; see :mod:`analysis.overrides`.
    """
    return _rows_frame(layout_pages(paths), "article_rows", ARTICLE_COLUMNS)


def load_paragraphs(paths=None) -> pd.DataFrame:
    """Every block of every page, one row per paragraph or headline part, with its field
    (body, title, byline, …, ``unplaced:<kind>``) and ``source_map`` [(offset, line, col)]."""
    frames = [layout.paragraphs for layout in layout_pages(paths)]
    return (
        pd.concat(frames, ignore_index=True) if frames else pd.DataFrame(columns=PARAGRAPH_COLUMNS)
    )


def load_unplaced(paths=None) -> pd.DataFrame:
    """What could not be placed, by ``kind``: ``detached_byline``, ``lone_name``, ``headline``
    (matched to no body) and ``byline`` (of such a headline), ``duplicate_headline`` (the
    collapsed copy of a headline printed twice), ``marker`` (■ before a byline, the brackets
    of a credit lifted from the text), ``pull_quote`` (a quotation set apart inside a story,
    repeating its words) and ``furniture`` (page header and footer lines, the desk's credits,
    jump lines, a wire story's （完）); ``note`` says why."""
    return _rows_frame(layout_pages(paths), "unplaced_rows", UNPLACED_COLUMNS)


__all__ = [
    "ARTICLE_COLUMNS",
    "ConservationError",
    "PageLayout",
    "Piece",
    "check_conservation",
    "layout_pages",
    "load_articles",
    "load_paragraphs",
    "load_unplaced",
    "parse_page",
]


# --- native build ---------------------------------------------------------------------------
# Last statement: the mypyc build of this very source, when one is current, replaces the names
# above (analysis/_native; 1.3-1.7x faster in bench/bench_ingest.py, the same tables).
adopt(globals())
