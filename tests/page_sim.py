"""Page simulator: raw newspaper pages like data/raw, with the ground truth that produced them.

The raw pages of this project are PDF text extractions of multi-column pages (see
data/raw/pinghu-daily-2020-03.txt). This module lays known articles out the same way so that the
layout stage can be scored on pages it has never seen:

- bodies are hard-wrapped at a column width of 11-26 cells that differs per article; the first
  line of a paragraph is two cells shorter (the indent is lost in extraction);
- a blank line ends every paragraph, and column breaks add blank lines anywhere, even inside a
  paragraph or a word;
- the headline block (kicker, title, subtitle, byline) stands after the body, before it, or is
  displaced further down the page; title lines may be printed twice (PDF fake bold);
- bylines (■记者 ...) are attached under the headline or detached into a cluster; photo captions
  with a credit, lone names and page furniture stand between articles;
- justification spaces appear around numbers and inside names (3 月 14 日, 王 强, ■记 者) and
  digits may be full-width.

Ground truth is normalised the way docs/architecture.md says: justification spaces removed,
full-width digits/letters/％ folded, paragraphs joined by "\\n", the dateline split off the body,
bylines as ``记者 王强 / 通讯员 徐冰艳``. Everything is deterministic given the ``random.Random``.

Text comes from the People's Daily January 1998 corpus when ../shared is present (read in place,
research-only) and otherwise from tests/fixtures/sim_articles.txt (original text written for this
project).
"""

from __future__ import annotations

import dataclasses
import functools
import random
import re
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

FIXTURE_PATH = Path(__file__).resolve().parent / "fixtures" / "sim_articles.txt"
PEOPLES_DAILY = "peoples_daily_1998/199801.utf8.txt"

CJK = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
# Same contract as analysis.normalize.fold_width: full-width digits, Latin letters and ％.
_FOLD = {0xFF10 + i: ord("0") + i for i in range(10)}
_FOLD.update({0xFF21 + i: ord("A") + i for i in range(26)})
_FOLD.update({0xFF41 + i: ord("a") + i for i in range(26)})
_FOLD.update({0xFF05: ord("%"), 0x3000: ord(" ")})
_UNFOLD_DIGITS = {ord("0") + i: 0xFF10 + i for i in range(10)}

# Kinsoku: these may not start a line (they hang at the end instead) ...
CLOSING = frozenset("，。、；：？！”’）》」』…—%％,.;:?!)")
# ... and these may not end one (they move down to the next line).
OPENING = frozenset("“‘（《「『(")
TERMINAL = tuple("。！？…”’」』!?")

_UNIT = re.compile(r"[0-9A-Za-z０-９Ａ-Ｚａ-ｚ.．%％]+| |.", re.S)
_DIGIT_RUN = re.compile(r"[0-9]+(?:\.[0-9]+)?%?")
_CJK_CHAR = re.compile(f"[{CJK}]")
# The dateline contract (docs/architecture.md): 本报讯, 本报3月14日讯, 新华社北京3月14日电, with
# a leading 据, a bracketed country (新华社达沃斯（瑞士）…电, 本报吕勒奥（瑞典）…电) and a
# reporter credit in brackets right after 电 counted as part of it.
_DATELINE = re.compile(
    r"^(?:本报(?:[^，。：；、“”（）\s]|（[^）]{1,6}）){0,16}?[讯电]"
    r"|据?(?:新华社|中新社)(?:[^，。：；、“”（）\s]|（[^）]{1,6}）){0,16}?电(?:（[^）]{0,40}）)?)"
)
# A first paragraph that already opens with its own lead-in (据新华社…电, …报道：) gets no
# synthetic dateline in front of it.
_LEAD_IN = re.compile(r"^[^，。]{0,24}?(?:电|讯|报道)")
# PFR puts bylines (本报记者某某, 本报评论员) in a paragraph of their own under the headline.
_PD_BYLINE = re.compile(r"^(?:本报|新华社)?(?:特约|驻[^，。]{1,8})?(?:记者|评论员|通讯员)")
# A headline line that ends in a reporting verb (…在…会上强调) introduces the statement set
# under it: the project's contract makes it the kicker and the statement the title, as for the
# sample page's 祁海龙在…现场会上强调 (PFR stores it as the title, the statement as subtitle).
_REPORTING_KICKER = re.compile(r"(?:强调|指出|表示|要求|提出|寄语|号召|部署|讲话|呼吁|说|称)$")
_TITLE_NOISE = re.compile(r"（(?:附)?(?:图片|照片)[^）]{0,6}）")

SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘蒋蔡余杜叶程苏魏吕丁沈姚卢姜崔钟谭陆汪范金石廖贾夏方邹孟熊秦邱江尹薛段雷侯龙史陶黎贺顾毛郝龚邵钱严戴"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰涛明超秀兰霞平刚桂英华玉萍红娟建文辉力斌宇浩凯健俊帆鑫鹏晨辰佳怡欣雨婷思远晓岚一鸣丹荔冰艳海燕志宏嘉琪子涵雅琴国庆立新春梅"
ROLES = ("记者", "记者", "记者", "通讯员", "见习记者")
WEEKDAYS = "一二三四五六日"


def fold(text: str) -> str:
    """Fold full-width digits, Latin letters and ％ to ASCII (the normalisation contract)."""
    return text.translate(_FOLD)


def nows(text: str) -> str:
    """Text without any whitespace: how fields are compared when spaces are not meaningful."""
    return "".join(text.split())


# --------------------------------------------------------------------------- source articles


@dataclass(frozen=True)
class SourceArticle:
    """One article as written: the text the simulator lays out."""

    source_id: str
    title: str
    paragraphs: tuple[str, ...]
    kicker: str = ""
    subtitle: str = ""
    byline: str = ""  # "记者 王强 / 通讯员 徐冰艳"
    dateline: str = ""
    kind: str = "article"  # or "photo_caption"

    @property
    def n_chars(self) -> int:
        return sum(len(p) for p in self.paragraphs)


_FIXTURE_KEYS = ("kicker", "title", "subtitle", "byline", "dateline")


def parse_fixture(text: str, source: str = "<fixture>") -> list[SourceArticle]:
    """Parse the sim_articles.txt format (see its header). Errors name ``source`` and the line."""
    records: list[SourceArticle] = []
    kind: str | None = None
    header: dict[str, str] = {}
    paragraphs: list[str] = []
    in_header = False
    start_line = 0

    def finish() -> None:
        if kind is None:
            return
        where = f"{source}:{start_line}"
        if not paragraphs:
            raise ValueError(f"{where}: record has no paragraphs")
        if kind == "article" and not header.get("title"):
            raise ValueError(f"{where}: article record has no 'title:' line")
        for para in paragraphs:
            if not para.endswith(TERMINAL):
                raise ValueError(f"{where}: paragraph does not end a sentence: {para[-12:]!r}")
        records.append(
            SourceArticle(
                source_id=f"fixture-{len(records) + 1:02d}",
                paragraphs=tuple(paragraphs),
                kind="article" if kind == "article" else "photo_caption",
                **{k: header.get(k, "") for k in _FIXTURE_KEYS},
            )
        )

    for number, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if line.startswith("==="):
            finish()
            kind = line[3:].strip()
            if kind not in ("article", "caption"):
                raise ValueError(
                    f"{source}:{number}: record kind must be 'article' or 'caption', got {kind!r}"
                )
            header, paragraphs, in_header, start_line = {}, [], True, number
            continue
        if kind is None:
            if line:
                raise ValueError(f"{source}:{number}: text before the first '=== article' line")
            continue
        if in_header:
            if not line:
                in_header = False
                continue
            key, sep, value = line.partition(":")
            if not sep or key.strip() not in _FIXTURE_KEYS:
                raise ValueError(
                    f"{source}:{number}: expected 'key: value' with key in {_FIXTURE_KEYS}, "
                    f"got {line!r}"
                )
            header[key.strip()] = value.strip()
        elif line:
            paragraphs.append(line)
    finish()
    if not records:
        raise ValueError(f"{source}: no records found")
    return records


@functools.lru_cache(maxsize=4)
def _fixture_records(path: str) -> tuple[SourceArticle, ...]:
    return tuple(parse_fixture(Path(path).read_text(encoding="utf-8"), source=path))


_PD_TOKEN = re.compile(r"^\[?(.*?)/[A-Za-z]+(?:\][A-Za-z]+)?$")


def parse_peoples_daily(lines, source: str = PEOPLES_DAILY) -> list[SourceArticle]:
    """Articles of the PFR People's Daily corpus (``id/m  word/tag  word/tag ...`` lines).

    The first paragraph of an article is its headline; a short unpunctuated second paragraph is
    its subtitle, or its title when the first ends in a reporting verb (…会上强调: then that is
    the kicker); a leading 本报…讯 / 新华社…电 becomes the dateline. Articles whose body
    paragraphs do not all end a sentence (lists, tables, picture notes) are skipped, as are very
    short and very long ones, so that every body is prose a page would carry.
    """
    grouped: dict[str, list[str]] = {}
    order: list[str] = []
    for number, raw in enumerate(lines, start=1):
        tokens = raw.split()
        if not tokens:
            continue
        pid = tokens[0].split("/")[0]
        parts = pid.split("-")
        if len(parts) != 4:
            raise ValueError(f"{source}:{number}: expected a paragraph id, got {tokens[0]!r}")
        words = []
        for token in tokens[1:]:
            m = _PD_TOKEN.match(token)
            words.append(m.group(1) if m else token)
        key = "-".join(parts[:3])
        if key not in grouped:
            grouped[key] = []
            order.append(key)
        grouped[key].append("".join(words))
    articles = []
    for key in order:
        paras = [p for p in grouped[key] if p]
        if len(paras) < 2:
            continue
        title = _TITLE_NOISE.sub("", paras[0]).strip()
        rest = [p for i, p in enumerate(paras[1:]) if not (i < 2 and _is_pd_byline(p))]
        subtitle = ""
        if len(rest) >= 2 and not rest[0].endswith(TERMINAL) and len(rest[0]) <= 40:
            # a short one is a pen name or a section label, not a subtitle: leave it out
            subtitle, rest = (rest[0] if len(rest[0]) >= 8 else ""), rest[1:]
        if not (2 <= len(title) <= 40) or title.endswith(TERMINAL) or "。" in title:
            continue
        kicker = ""
        if subtitle and _REPORTING_KICKER.search(title):
            kicker, title, subtitle = title, subtitle, ""
        if not all(p.endswith(TERMINAL) and " " not in p and "■" not in p for p in rest):
            continue
        dateline = ""
        m = _DATELINE.match(rest[0])
        if m and m.end() < len(rest[0]) - 4:
            dateline, rest = m.group(), [rest[0][m.end() :], *rest[1:]]
        if not 150 <= sum(len(p) for p in rest) <= 3000:
            continue
        articles.append(
            SourceArticle(
                source_id=f"pd-{key}",
                kicker=kicker,
                title=title,
                subtitle=subtitle,
                dateline=dateline,
                paragraphs=tuple(rest),
            )
        )
    return articles


def _is_pd_byline(paragraph: str) -> bool:
    return (
        len(paragraph) <= 30
        and not paragraph.endswith(TERMINAL)
        and _PD_BYLINE.match(paragraph) is not None
    )


@functools.lru_cache(maxsize=2)
def _peoples_daily_records(path: str) -> tuple[SourceArticle, ...]:
    with open(path, encoding="utf-8") as handle:
        return tuple(parse_peoples_daily(handle, source=path))


def peoples_daily_path() -> Path | None:
    """The shared People's Daily file, or None when ../shared is absent."""
    try:
        from analysis._paths import shared_corpus
    except ImportError:  # the simulator must not need the package to import
        return None
    return shared_corpus(PEOPLES_DAILY)


def load_source_articles(source: str | Path = "auto") -> tuple[SourceArticle, ...]:
    """Articles to lay out (no captions).

    ``source``: "auto" (People's Daily when ../shared is present, else the fixture), "fixture",
    "peoples_daily" (raises FileNotFoundError when absent), or a path to a file in the fixture
    format.
    """
    return tuple(a for a in _load(source) if a.kind == "article")


def source_name(source: str | Path = "auto") -> str:
    """Which text ``source`` resolves to: "peoples_daily", "fixture" or the path."""
    if source == "auto":
        return "peoples_daily" if peoples_daily_path() is not None else "fixture"
    return str(source)


def _load(source: str | Path) -> tuple[SourceArticle, ...]:
    name = source_name(source)
    if name == "peoples_daily":
        path = peoples_daily_path()
        if path is None:
            raise FileNotFoundError(f"shared corpus {PEOPLES_DAILY} is absent")
        return _peoples_daily_records(str(path))
    if name == "fixture":
        return _fixture_records(str(FIXTURE_PATH))
    path = Path(name)
    if not path.exists():
        raise FileNotFoundError(f"{path}: no such article file")
    return _fixture_records(str(path))


def load_captions() -> tuple[SourceArticle, ...]:
    """Photo captions (always from the fixture: they are short and invented)."""
    return tuple(a for a in _fixture_records(str(FIXTURE_PATH)) if a.kind == "photo_caption")


# --------------------------------------------------------------------------- knobs and truth


@dataclass(frozen=True)
class Knobs:
    """Layout knobs. Probabilities are per article unless the name says page."""

    widths: tuple[int, int] = (11, 26)  # body column width range, cells
    indent: int = 2  # cells lost at the start of a paragraph's first line
    page_after_weight: float = 0.7  # page style: headlines after bodies (else before)
    p_flip: float = 0.05  # an article's headline on the other side than the page style
    p_displaced: float = 0.1  # headline moved further down the page
    p_doubled: float = 0.15  # title lines printed twice
    p_swap_extra: float = 0.0  # a lone subtitle printed as kicker (or the reverse)
    title_widths: tuple[int, int] = (6, 14)
    deck_widths: tuple[int, int] = (12, 28)  # kicker / subtitle wrap width
    p_headline_gap: float = 0.3  # blank line between kicker, title and subtitle
    p_byline: float = 0.75  # synthesise a byline when the source has none
    p_detached: float = 0.3  # byline goes to the page's byline cluster
    p_dateline: float = 0.7  # synthesise a dateline when the source has none
    p_dateline_space: float = 0.8  # space after the dateline (本报讯 近日)
    col_lines: tuple[int, int] | None = (6, 30)  # lines per column; None: no column breaks
    p_justify: float = 0.5  # justification spaces around numbers and in names
    p_justify_side: float = 0.8  # each side of a number, when justified
    p_fullwidth: float = 0.3  # digits printed full-width
    p_caption: float = 0.4  # per page: a photo caption with credit
    p_lone_name: float = 0.3  # per page
    p_furniture: float = 0.2  # per page: page furniture lines at top or bottom
    p_block_gap: float = 0.92  # blank line where a block may touch the one above
    # Conventions of local papers (drawn from a random stream of their own, so that pages
    # without them come out as they did before these knobs existed):
    p_dateline_credit: float = 0.2  # 本报讯（记者 王强） instead of a byline line
    p_end_mark: float = 0.5  # a wire story (新华社…电) ends in （完）
    p_jump: float = 0.03  # the story stops at a jump line （下转第2版） (not the last article)
    p_she_credit: float = 0.5  # a photo credit printed 记者 王强 摄 or 王强 摄
    p_page_header: float = 0.3  # per page: page number and the paper's section name
    separable_bodies: bool = True  # bodies that follow each other differ in width (or dateline)

    def __post_init__(self) -> None:
        lo, hi = self.widths
        if not 6 <= lo <= hi <= 60:
            raise ValueError(f"widths must satisfy 6 <= lo <= hi <= 60, got {self.widths}")
        if self.col_lines is not None and not 1 <= self.col_lines[0] <= self.col_lines[1]:
            raise ValueError(f"col_lines must be None or 1 <= lo <= hi, got {self.col_lines}")


def make_knobs(**knobs) -> Knobs:
    """Knobs from keyword arguments; an unknown name raises a TypeError listing the valid ones."""
    valid = {f.name for f in dataclasses.fields(Knobs)}
    unknown = sorted(set(knobs) - valid)
    if unknown:
        raise TypeError(f"unknown knob(s) {unknown}; valid knobs: {sorted(valid)}")
    return Knobs(**knobs)


@dataclass
class TruthArticle:
    """What the layout should recover for one article (normalised fields)."""

    ordinal: int  # 1-based order of the body on the page
    kind: str
    kicker: str
    title: str
    subtitle: str
    byline: str
    dateline: str
    body: str  # paragraphs joined by "\n"
    line_start: int  # 1-based source line span of the body
    line_end: int
    source_id: str
    features: dict = field(default_factory=dict)  # realised knobs, for breakdowns

    @property
    def paragraphs(self) -> list[str]:
        return self.body.split("\n")


@dataclass
class SimPage:
    """A simulated raw page and its ground truth."""

    text: str
    articles: list[TruthArticle]  # in body order; includes photo captions
    detached_bylines: list[str]
    lone_names: list[str]
    furniture: list[str]
    collapsed: list[str]  # the extra copy of each doubled title line (normalised)
    line_roles: list[tuple[str, int]]  # per line: (role, ordinal or 0); "" for blank lines
    knobs: Knobs
    date: str = ""

    @property
    def lines(self) -> list[str]:
        return self.text.split("\n")

    def lines_with_role(self, *roles: str, ordinal: int | None = None) -> list[int]:
        """1-based numbers of the lines that carry one of ``roles`` (of article ``ordinal``)."""
        return [
            i
            for i, (role, o) in enumerate(self.line_roles, start=1)
            if role in roles and (ordinal is None or o == ordinal)
        ]

    def truth_frame(self):
        """Articles as a DataFrame with the architecture's column names (plus features)."""
        import pandas as pd

        rows = []
        for a in self.articles:
            row = dataclasses.asdict(a)
            row["n_chars"] = len(a.body)
            rows.append(row)
        return pd.DataFrame(rows)

    def truth_chars(self) -> Counter:
        """Non-whitespace characters the truth accounts for, plus doubled copies.

        Equals the folded raw text's non-whitespace characters minus the ■ byline markers.
        """
        parts: list[str] = []
        for a in self.articles:
            parts += [a.kicker, a.title, a.subtitle, a.dateline, a.body]
            parts += a.byline.split(" / ")
        for byline in self.detached_bylines:
            parts += byline.split(" / ")
        parts += self.lone_names + self.furniture + self.collapsed
        return Counter(nows("".join(parts)))


# --------------------------------------------------------------------------- rendering helpers


def _uwidth(unit: str) -> int:
    """Width in half cells: ASCII is narrow, everything else (CJK, full-width) is wide."""
    if len(unit) == 1:
        return 1 if unit < "\x80" else 2
    return len(unit) + sum(ch >= "\x80" for ch in unit)


def _units(text: str, cap: int) -> list[str]:
    units = _UNIT.findall(text)
    if any(_uwidth(u) > cap for u in units if len(u) > 1):
        units = [piece for u in units for piece in (list(u) if _uwidth(u) > cap else [u])]
    return units


def wrap(text: str, width: int, first_width: int | None = None) -> list[str]:
    """Hard-wrap ``text`` at ``width`` cells (first line ``first_width``), with kinsoku.

    Digit/Latin runs do not split; closing punctuation hangs past the margin (at most two
    cells); an opening quote or bracket never ends a line; no line starts or ends with a space.
    """
    cap = 2 * width
    limit = 2 * (width if first_width is None else first_width)
    lines: list[str] = []
    cur: list[str] = []
    used = 0
    for unit in _units(text, cap):
        uw = _uwidth(unit)
        if unit == " " and (not cur or used + 1 > limit):
            continue
        if used + uw <= limit or (unit in CLOSING and cur and used + uw <= limit + 4):
            cur.append(unit)
            used += uw
            continue
        while cur and cur[-1] == " ":
            cur.pop()
        carry = [cur.pop()] if len(cur) > 1 and cur[-1] in OPENING else []
        while cur and cur[-1] == " ":  # (the space before a carried opening quote)
            cur.pop()
        if cur:
            lines.append("".join(cur))
        cur, used, limit = carry, sum(_uwidth(u) for u in carry), cap
        if unit != " ":
            cur.append(unit)
            used += uw
    while cur and cur[-1] == " ":
        cur.pop()
    if cur:
        lines.append("".join(cur))
    return lines


def justify(text: str, rng: random.Random, p_side: float) -> str:
    """Insert justification spaces between numbers and neighbouring CJK characters."""
    out: list[str] = []
    pos = 0
    for m in _DIGIT_RUN.finditer(text):
        a, b = m.span()
        out.append(text[pos:a])
        if a > 0 and _CJK_CHAR.match(text[a - 1]) and rng.random() < p_side:
            out.append(" ")
        out.append(m.group())
        if b < len(text) and _CJK_CHAR.match(text[b]) and rng.random() < p_side:
            out.append(" ")
        pos = b
    out.append(text[pos:])
    return "".join(out)


def _split_title(title: str, rng: random.Random, width: int) -> list[str]:
    """Title lines: a space is a designed line break; else at most three balanced lines.

    Lines break between characters, never inside a number or Latin word, never after an
    opening or before a closing bracket/quote.
    """
    if " " in title and rng.random() < 0.7:
        return [p for p in title.split(" ") if p]
    return _balanced_lines(title, width)


def _balanced_lines(title: str, width: int) -> list[str]:
    """At most three balanced lines of about ``width`` (see ``_split_title``)."""
    units = _units(title, 10**6)
    n = min(3, -(-len(title) // width))
    if n <= 1:
        return [title]
    size = len(title) / n
    lines: list[str] = []
    cur = ""
    for i, unit in enumerate(units):
        nxt = units[i + 1] if i + 1 < len(units) else ""
        cur += unit
        can_break = nxt and nxt not in CLOSING and unit not in OPENING and ord(unit[-1]) >= 128
        if can_break and len(lines) < n - 1 and len(cur) >= size - 0.5:
            lines.append(cur)
            cur = ""
    lines.append(cur)
    return [line.strip() for line in lines if line.strip()]


def _name(rng: random.Random) -> str:
    given = rng.choice(GIVEN) + (rng.choice(GIVEN) if rng.random() < 0.6 else "")
    return rng.choice(SURNAMES) + given


def parse_byline(byline: str) -> list[tuple[str, list[str]]]:
    """``记者 王强 / 通讯员 徐冰艳`` -> [(role, [names])]."""
    groups = []
    for group in byline.split(" / "):
        words = group.split()
        if words:
            groups.append((words[0], words[1:]))
    return groups


def render_byline(byline: str, rng: random.Random, justified: bool) -> list[str]:
    """Raw byline lines: ■ on the first, one role group per line, 记 者 / 王 强 when justified."""
    lines = []
    for i, (role, names) in enumerate(parse_byline(byline)):
        if justified and len(role) == 2 and rng.random() < 0.4:
            role = f"{role[0]} {role[1]}"
        shown = [
            f"{n[0]} {n[1]}" if justified and len(n) == 2 and rng.random() < 0.7 else n
            for n in names
        ]
        lines.append(("■" if i == 0 else "") + " ".join([role, *shown]))
    return lines


# --------------------------------------------------------------------------- the simulator


@dataclass
class _Block:
    kind: str  # body | headline | caption | cluster | lone | furniture
    lines: list[tuple[str, str, int]]  # (text, role, source index or -1)
    idx: int = -1  # the article the block belongs to


def _render_body(paragraphs, dateline, width, rng, k, ink) -> tuple[list[tuple[str, str]], int]:
    """Body lines at ``width``, with column breaks (blank lines) wherever a column fills up."""
    body: list[tuple[str, str]] = []
    col_breaks = 0
    column_left = rng.randint(1, k.col_lines[1]) if k.col_lines else 0
    for p_index, para in enumerate(paragraphs):
        raw = ink(para)
        if p_index == 0 and dateline:
            sep = " " if rng.random() < k.p_dateline_space else ""
            raw = ink(dateline) + sep + raw
        if p_index:
            body.append(("", ""))
        lines = wrap(raw, width, max(width - k.indent, 2))
        for i, line in enumerate(lines):
            if k.col_lines and column_left == 0:
                if i > 0:  # at a paragraph start the separator blank line is the break
                    body.append(("", ""))
                    col_breaks += 1
                column_left = rng.randint(*k.col_lines)
            body.append((line, "body"))
            if k.col_lines:
                column_left -= 1
    return body, col_breaks


def ambiguous_blanks(body: list[tuple[str, str]], width: int, indent: int) -> int:
    """Blank lines in a body that no reader of the raw text could resolve.

    A blank line after a line ending a sentence is a paragraph end or a column break. The
    widths settle it unless the line after the blank is the last of its paragraph (no full or
    indented line to measure) and the line before could be a full or first line.
    """
    count = 0
    first_cap = 2 * max(width - indent, 2)
    for i in range(1, len(body) - 1):
        if body[i][0] or not body[i - 1][0] or not body[i + 1][0]:
            continue
        before, after = body[i - 1][0], body[i + 1][0]
        after_is_last = i + 2 >= len(body) or not body[i + 2][0]
        if (
            before.endswith(TERMINAL)
            and after_is_last
            and _uwidth(before) >= first_cap - 2
            and _uwidth(after) <= first_cap + 4
        ):
            count += 1
    return count


def ambiguous_headline(kicker_lines: list[str], title_lines: list[str]) -> bool:
    """A kicker set flush over its title (no blank line) that no reader of the raw text could
    tell from the title's first line: kicker and title read as one longer title, wrapped into
    the same lines at some width."""
    text = "".join(kicker_lines + title_lines)
    return any(
        kicker_lines + title_lines == _balanced_lines(text, w) for w in range(1, len(text) + 1)
    )


def _article_rendering(
    src: SourceArticle, idx: int, rng: random.Random, k: Knobs, reporters: list[str], date: str
):
    """Render one article: (body lines, headline lines, byline lines, truth fields, features)."""
    width = rng.randint(*k.widths)
    justified = rng.random() < k.p_justify
    fullwidth = rng.random() < k.p_fullwidth

    def ink(text: str) -> str:
        text = fold(text)
        if justified:
            text = justify(text, rng, k.p_justify_side)
        return text.translate(_UNFOLD_DIGITS) if fullwidth else text

    month, day = int(date[5:7]), int(date[8:10])
    dateline = fold(src.dateline)
    dateline_style = "source" if dateline else "none"
    if not dateline and not _LEAD_IN.match(src.paragraphs[0]) and rng.random() < k.p_dateline:
        r = rng.random()
        if r < 0.6:
            dateline, dateline_style = "本报讯", "本报讯"
        elif r < 0.9:
            dateline, dateline_style = f"本报{month}月{day}日讯", "本报日期讯"
        else:
            dateline, dateline_style = f"新华社北京{month}月{day}日电", "新华社"
    paragraphs = [fold(p) for p in src.paragraphs]
    conventions = _conventions_rng(src, idx, date)
    printed_dateline = dateline  # as printed; ``dateline`` is the truth
    furniture: list[str] = []  # printed in the body but no body text (truth: page furniture)
    credit_in_dateline = dateline.startswith("本报") and conventions.random() < k.p_dateline_credit
    if credit_in_dateline:
        # the credit set in brackets after the dateline (no byline line then), names perhaps
        # justified (王 强)
        names = [conventions.choice(reporters)]
        if conventions.random() < 0.3:
            names.append(_name(conventions))
        roles = ("记者", "通讯员")[: len(names)]
        credit = " ".join(f"{role} {name}" for role, name in zip(roles, names, strict=True))
        shown = " ".join(
            f"{w[0]} {w[1]}" if justified and len(w) == 2 and w not in ROLES else w
            for w in credit.split()
        )
        printed_dateline, dateline = f"{dateline}（{shown}）", f"{dateline}（{credit}）"
    ends_wire = dateline.startswith(("新华社", "据新华社")) and conventions.random() < k.p_end_mark
    jump = ""
    if conventions.random() < k.p_jump and sum(map(len, paragraphs)) > 300:
        # the page prints the story's first part only: cut it inside a paragraph
        keep = int(sum(map(len, paragraphs)) * conventions.uniform(0.4, 0.8))
        cut: list[str] = []
        for para in paragraphs:
            if keep <= 0:
                break
            part = para
            if keep < len(para):
                part = para[:keep]
                # not inside a number, nor right after an opening quote
                while part and (part[-1].isascii() or part[-1] in CLOSING | OPENING):
                    part = part[:-1]
            cut.append(part)
            keep -= len(para)
        paragraphs = [p for p in cut if p]
        jump = f"（下转第{conventions.randint(2, 8)}版）"
    printed = list(paragraphs)
    ends_wire = ends_wire and not jump  # (a story that goes on elsewhere has not ended)
    if ends_wire:
        printed[-1] += "（完）"
        furniture.append("（完）")

    def render_body(width: int) -> tuple[list[tuple[str, str]], int]:
        body, col_breaks = _render_body(printed, printed_dateline, width, rng, k, ink)
        if jump:
            body.append((jump, "furniture"))
        return body, col_breaks

    body, col_breaks = render_body(width)

    # Headline block: kicker, title (maybe doubled), subtitle.
    kicker, subtitle = fold(src.kicker), fold(src.subtitle)
    if bool(kicker) != bool(subtitle) and rng.random() < k.p_swap_extra:
        kicker, subtitle = subtitle, kicker
    title = fold(src.title)
    doubled = rng.random() < k.p_doubled
    headline: list[tuple[str, str]] = []
    collapsed: list[str] = []
    title_lines = _split_title(title, rng, rng.randint(*k.title_widths))
    # kicker and subtitle are set smaller than the title: more characters to the line
    deck_width = max(rng.randint(*k.deck_widths), max(len(t) for t in title_lines) + 2)
    if kicker:
        headline += [(line, "kicker") for line in wrap(ink(kicker), deck_width)]
        if rng.random() < k.p_headline_gap:
            headline.append(("", ""))
    ambiguous = (
        bool(kicker)
        and headline[-1][0] != ""
        and ambiguous_headline(wrap(kicker, deck_width), title_lines)
    )
    for chunk in title_lines:
        line = ink(chunk)
        if doubled:
            collapsed.append(chunk)
        headline.append((line + line if doubled else line, "title"))
    if subtitle:
        if rng.random() < k.p_headline_gap:
            headline.append(("", ""))
        headline += [(line, "subtitle") for line in wrap(ink(subtitle), deck_width)]

    byline = src.byline
    if not byline and rng.random() < k.p_byline:
        groups = [f"{rng.choice(ROLES)} {rng.choice(reporters)}"]
        if rng.random() < 0.3:
            groups.append(f"通讯员 {_name(rng)}")
        byline = " / ".join(groups)
    if credit_in_dateline:
        byline = ""
    byline_lines = [(line, "byline") for line in render_byline(byline, rng, justified)]
    furniture += [jump] if jump else []

    truth = {
        "kicker": kicker,
        "title": title,
        "subtitle": subtitle,
        "byline": byline,
        "dateline": dateline,
        "body": "\n".join(paragraphs),
        "source_id": src.source_id,
    }
    features = {
        "width": width,
        "doubled": doubled,
        "kicker": bool(kicker),
        "subtitle": bool(subtitle),
        "dateline": dateline_style,
        "justified": justified,
        "fullwidth": fullwidth,
        "col_breaks": col_breaks,
        "n_paragraphs": len(paragraphs),
        "follows_body": False,
        "ambiguous_blanks": ambiguous_blanks(body, width, k.indent),
        "ambiguous_headline": ambiguous,
        "convention": (
            "dateline credit"
            if credit_in_dateline
            else "jump line"
            if jump
            else "end mark"
            if ends_wire
            else "none"
        ),
    }
    return body, headline, byline_lines, collapsed, truth, features, render_body, furniture


def _conventions_rng(src: SourceArticle, idx: int, date: str) -> random.Random:
    """The random stream of the local-paper conventions for one article (a string seed is
    hashed the same way in every process)."""
    return random.Random(f"{date}|{idx}|{src.source_id}")


def _caption_rendering(src: SourceArticle, rng: random.Random, k: Knobs):
    justified = rng.random() < k.p_justify
    width = rng.randint(9, 13)
    text = fold("".join(src.paragraphs))
    raw = justify(text, rng, k.p_justify_side) if justified else text
    lines = wrap(raw, width, width - 1)
    if rng.random() < 0.7:
        lines[0] = " " + lines[0]  # the lost indent sometimes survives as one space
    credit = render_byline(src.byline, rng, justified)
    byline = src.byline
    conventions = random.Random(f"caption|{src.source_id}|{text}|{width}")
    she_credit = conventions.random() < k.p_she_credit and src.byline.startswith("摄影")
    if she_credit:
        # 记者 王强 摄, or the names alone: 王强 徐佳丽 摄
        names = [n for _, group in parse_byline(src.byline) for n in group]
        byline = " ".join(([] if conventions.random() < 0.3 else ["记者"]) + names + ["摄"])
        credit = [("■" if conventions.random() < 0.5 else "") + byline]
    truth = {
        "kicker": "",
        "title": "",
        "subtitle": "",
        "byline": byline,
        "dateline": "",
        "body": text,
        "source_id": src.source_id,
    }
    features = {
        "width": width,
        "justified": justified,
        "convention": "摄 credit" if she_credit else "none",
    }
    return [(line, "caption") for line in lines] + [(c, "credit") for c in credit], truth, features


def _page_date(rng: random.Random) -> str:
    return (
        f"{rng.choice((1998, 2019, 2020, 2021))}-{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}"
    )


def simulate_page(
    articles: list[SourceArticle] | tuple[SourceArticle, ...],
    rng: random.Random,
    captions: list[SourceArticle] | tuple[SourceArticle, ...] | None = None,
    date: str | None = None,
    **knobs,
) -> SimPage:
    """Lay ``articles`` out as one raw page; return its text and ground truth.

    ``captions``: the pool photo captions are drawn from (default: the fixture's). ``knobs``: any
    field of :class:`Knobs`. Deterministic given the state of ``rng``.
    """
    k = make_knobs(**knobs)
    if not articles:
        raise ValueError("simulate_page needs at least one article")
    caption_pool = load_captions() if captions is None else tuple(captions)
    date = date or _page_date(rng)
    reporters = [_name(rng) for _ in range(3)]
    n = len(articles)

    after_style = rng.random() < k.page_after_weight
    rendered = []
    body_furniture: list[str] = []  # jump lines and （完） printed in the bodies
    for idx, src in enumerate(articles):
        (body, headline, byline_lines, collapsed, truth, features, rebody, printed_furniture) = (
            _article_rendering(src, idx, rng, k, reporters, date)
        )
        body_furniture += printed_furniture
        position = "after" if after_style else "before"
        if rng.random() < k.p_flip:
            position = "before" if after_style else "after"
        if idx < n - 1 and rng.random() < k.p_displaced:
            position = "displaced"
        detached = bool(byline_lines) and rng.random() < k.p_detached
        features.update(
            position=position,
            page_style="after" if after_style else "before",
            byline="none" if not byline_lines else ("detached" if detached else "attached"),
        )
        rendered.append(
            [body, headline, byline_lines, collapsed, truth, features, detached, rebody]
        )

    def tag(lines, idx):
        return [(text, role if text else "", idx) for text, role in lines]

    # One group per article (its body, and its headline unless displaced).
    groups: list[list[_Block]] = []
    pending: list[tuple[int, _Block]] = []  # displaced headlines: (emit after group, block)
    detached_bylines: list[str] = []
    for idx, (body, headline, byline_lines, _, truth, features, detached, _) in enumerate(rendered):
        head = list(headline)
        if byline_lines and not detached:
            head += byline_lines
        elif byline_lines:
            detached_bylines.append(truth["byline"])
            truth["byline"] = ""
        head_block = _Block("headline", tag(head, idx), idx)
        body_block = _Block("body", tag(body, idx), idx)
        position = features["position"]
        if position == "before":
            groups.append([head_block, body_block])
        elif position == "after":
            groups.append([body_block, head_block])
        else:
            groups.append([body_block])
            pending.append((rng.randint(idx + 1, n - 1), head_block))
    for after_group, block in pending:
        groups[after_group].append(block)

    # Captions, byline cluster, lone names, furniture: between groups.
    extras: dict[int, list[_Block]] = {}
    caption_truth = []
    if caption_pool and rng.random() < k.p_caption:
        cap = rng.choice(caption_pool)
        lines, truth, features = _caption_rendering(cap, rng, k)
        at = rng.randint(1, n)
        extras.setdefault(at, []).append(_Block("caption", tag([(t, r) for t, r in lines], n)))
        caption_truth.append((truth, features))
    cluster_at = None
    if detached_bylines:
        cluster_at = next(iter(extras), rng.randint(1, n))
        cluster = []
        for byline in detached_bylines:
            justified = rng.random() < k.p_justify
            cluster += [(t, "detached_byline") for t in render_byline(byline, rng, justified)]
            cluster.append(("", ""))
        extras.setdefault(cluster_at, []).append(_Block("cluster", tag(cluster[:-1], -1)))
    lone_names: list[str] = []
    if rng.random() < k.p_lone_name:
        name = _name(rng)
        lone_names.append(name)
        shown = f"{name[0]} {name[1]}" if len(name) == 2 and rng.random() < 0.5 else name
        at = cluster_at if cluster_at is not None else rng.randint(1, n)
        extras.setdefault(at, []).insert(0, _Block("lone", tag([(shown, "lone_name")], -1)))
    furniture: list[str] = []
    top: list[_Block] = []
    page_conventions = random.Random(f"{date}|page|{articles[0].source_id}|{n}")
    if page_conventions.random() < k.p_page_header:
        city = page_conventions.choice(("平湖", "临湖", "嘉兴", "海宁"))
        number = page_conventions.choice(("", "A")) + str(page_conventions.randint(1, 8))
        for item in (number, f"{city}新闻"):
            furniture.append(item)
            top.append(_Block("furniture", tag([(item, "furniture")], -1)))
    if rng.random() < k.p_furniture:
        y, m, d = int(date[:4]), int(date[5:7]), int(date[8:10])
        weekday = WEEKDAYS[rng.randrange(7)]
        options = [
            f"{y}年{m}月{d}日 星期{weekday}",
            rng.choice(("要闻", "综合新闻", "本地新闻", "民生")),
            f"责任编辑：{_name(rng)}",
        ]
        for item in rng.sample(options, rng.randint(1, 2)):
            furniture.append(item)
            top.append(_Block("furniture", tag([(item, "furniture")], -1)))
        if rng.random() < 0.5:
            extras.setdefault(n, []).extend(top)
            top = []

    # Assemble.
    sequence: list[_Block] = list(top)
    for g, blocks in enumerate(groups):
        sequence += extras.get(g, []) if g else []
        sequence += blocks
    sequence += extras.get(n, [])
    sequence = [b for b in sequence if b.lines]
    for i in range(1, len(sequence)):
        prev, cur = sequence[i - 1], sequence[i]
        if prev.kind == "body" and cur.kind == "body":
            features = rendered[cur.idx][5]
            features["follows_body"] = True
            width_prev = rendered[prev.idx][5]["width"]
            if k.separable_bodies and not rendered[cur.idx][4]["dateline"]:
                # Two bodies with only a blank line between and no dateline: on paper the
                # column width tells them apart, so make sure it differs.
                lo, hi = k.widths
                choices = [w for w in range(lo, hi + 1) if abs(w - width_prev) >= 3]
                if choices and abs(features["width"] - width_prev) < 3:
                    features["width"] = rng.choice(choices)
                    body, col_breaks = rendered[cur.idx][7](features["width"])
                    features["col_breaks"] = col_breaks
                    features["ambiguous_blanks"] = ambiguous_blanks(
                        body, features["width"], k.indent
                    )
                    cur.lines = [(t, r if t else "", cur.idx) for t, r in body]
    out: list[tuple[str, str, int]] = [] if rng.random() < 0.5 else [("", "", -1)]
    for i, block in enumerate(sequence):
        if out and out[-1][0] and (not _may_touch(sequence, i) or rng.random() < k.p_block_gap):
            out.append(("", "", -1))
        out += block.lines
    out += [("", "", -1)] * rng.randint(1, 2)

    # Ordinals follow the order of bodies; captions are articles of kind photo_caption.
    first_line: dict[int, int] = {}
    last_line: dict[int, int] = {}
    for number, (_, role, idx) in enumerate(out, start=1):
        if role in ("body", "caption"):
            first_line.setdefault(idx, number)
            last_line[idx] = number
    order = sorted(first_line, key=first_line.get)
    ordinal_of = {idx: o for o, idx in enumerate(order, start=1)}
    truths = []
    all_collapsed: list[str] = []
    for idx in order:
        if idx == n:
            truth, features = caption_truth[0]
            kind = "photo_caption"
        else:
            truth, features = rendered[idx][4], rendered[idx][5]
            all_collapsed += rendered[idx][3]
            kind = "article"
        truths.append(
            TruthArticle(
                ordinal=ordinal_of[idx],
                kind=kind,
                line_start=first_line[idx],
                line_end=last_line[idx],
                features=features,
                **truth,
            )
        )
    line_roles = [(role, ordinal_of.get(idx, 0) if role else 0) for _, role, idx in out]
    return SimPage(
        text="\n".join(text for text, _, _ in out),
        articles=truths,
        detached_bylines=detached_bylines,
        lone_names=lone_names,
        furniture=furniture + body_furniture,
        collapsed=[nows(fold(c)) for c in all_collapsed],
        line_roles=line_roles,
        knobs=k,
        date=date,
    )


def _may_touch(sequence: list[_Block], i: int) -> bool:
    """Whether block ``i`` may follow block ``i - 1`` without a blank line.

    Only a headline right above its own body and a caption right under a body may touch
    what comes before them; everything else stands apart as it does on paper.
    """
    prev, cur = sequence[i - 1], sequence[i]
    if prev.kind == "headline" and cur.kind == "body":
        return prev.idx == cur.idx
    return prev.kind == "body" and cur.kind == "caption"


def random_page(
    rng: random.Random,
    sources: tuple[SourceArticle, ...] | None = None,
    target_chars: int = 5200,
    max_articles: int = 12,
    **knobs,
) -> SimPage:
    """A page of randomly chosen articles totalling about ``target_chars`` characters."""
    pool = sources if sources is not None else load_source_articles()
    order = list(range(len(pool)))
    rng.shuffle(order)
    chosen: list[SourceArticle] = []
    total = 0
    for i in order:
        if total >= target_chars or len(chosen) >= max_articles:
            break
        if chosen and total + pool[i].n_chars > 1.5 * target_chars:
            continue
        chosen.append(pool[i])
        total += pool[i].n_chars
    return simulate_page(chosen, rng, **knobs)


def dewrap(lines: list[str]) -> str:
    """Join raw lines back into text without whitespace (for checking the truth)."""
    return nows(fold("".join(lines)))


# --------------------------------------------------------------------------- scoring a layout


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]) + 1)


def score_layout(page: SimPage, got) -> list[dict]:
    """Compare a layout's articles table with the truth: one dict per truth article.

    ``got`` is a DataFrame with the architecture's article columns. A truth article is matched to
    the got article whose body line span overlaps it most. Bodies are compared exactly
    (``body_exact``) and without whitespace (``body_text``, which forgives paragraph breaks);
    headline fields and bylines without whitespace (their separators are a display choice).
    """
    rows = got.to_dict("records")
    spans = [(int(r["line_start"]), int(r["line_end"])) for r in rows]
    out = []
    for t in page.articles:
        best, best_overlap = None, 0
        for r, span in zip(rows, spans, strict=True):
            ov = _overlap((t.line_start, t.line_end), span)
            if ov > best_overlap:
                best, best_overlap = r, ov
        g = best or dict.fromkeys(
            ("kind", "kicker", "title", "subtitle", "byline", "dateline", "body"), ""
        )
        headline_t = nows(t.kicker + t.title + t.subtitle)
        headline_g = nows(g["kicker"] + g["title"] + g["subtitle"])
        out.append(
            {
                "ordinal": t.ordinal,
                "kind": t.kind,
                "source_id": t.source_id,
                "matched": best is not None,
                "got_ordinal": best["ordinal"] if best else 0,
                "body_exact": g["body"] == t.body,
                "body_text": nows(g["body"]) == nows(t.body),
                "title_ok": nows(g["title"]) == nows(t.title),
                "headline_ok": headline_g == headline_t,
                "parts_ok": all(
                    nows(g[f]) == nows(getattr(t, f)) for f in ("kicker", "title", "subtitle")
                ),
                "byline_ok": nows(g["byline"]).replace("/", "") == nows(t.byline).replace("/", ""),
                "dateline_ok": nows(g["dateline"]) == nows(t.dateline),
                "kind_ok": g["kind"] == t.kind,
                "expected": t,
                "got": g,
                **{f"f_{k}": v for k, v in t.features.items()},
            }
        )
    return out
