"""Quantities, dates and times in Chinese news text, with their bounds, units and subjects.

``quantities(articles, page_date=None)`` returns one row per quantity (columns in
``QUANTITY_COLUMNS``); ``extract(text, ref_date=None)`` is the same on one string and returns
``Quantity`` records; ``find_numbers(text)`` only spots numerals (no units, no dates), and
``parse_number(s)`` turns one numeral into a float.

How a quantity is read (left to right over a copy of the text with full-width digits, letters and
signs folded to ASCII and traditional numerals folded to simplified, so offsets never move):

1. Fixed expressions that are not quantities (``resources/quantities/not_quantities.txt``: 一盘棋,
   两免三补, 十个一 …), URLs and e-mail addresses are masked.
2. Dates and times (``3月14日下午1时30分``, ``2020年``, ``一季度``) are matched first and resolved
   against the page date; their pieces never come out as counts.
3. Numerals: Arabic digits with thousands separators or a justification space (``2,150``,
   ``1 268``, ``12.5``), Chinese numerals and mixed forms (``两百``, ``一千五百``, ``1.2万``, ``3千``),
   fractions and percentages (``三分之一``, ``百分之九十五``, ``100%``), ranges (``3至5``,
   ``两到三万``, ``三四百``). Chinese numerals are converted by ``cn2an``; this module only adds the
   cases cn2an rejects (``4.78万亿``, ``10万万``, ``百三``) by splitting at 万/亿.
4. Around the numeral: qualifiers (``resources/quantities/qualifiers.tsv``) become bounds, then
   the unit or classifier (``units.tsv``) gives the kind. 第 + numeral is an ordinal.
5. The subject is the noun phrase after the classifier (``8个乡镇`` → 乡镇; its head noun, with the
   whole phrase in ``subject_phrase``) or the compound noun before the number, skipping verbs such
   as 达到 (``观看量达到16300多人次`` → 观看量). Clauses are cut by a private
   ``analysis.tokenize.Tokenizer`` (the project dictionaries, rjieba engine), one cut per clause.

Rules worth knowing (each is a table or a short function below):

- A Chinese numeral needs a unit or classifier to be a quantity (``五家公司``), unless it is large
  or vague (``数十万市民``); bare ``十``/``百`` in ``“十”即…`` are labels, not quantities.
- ``一个`` / ``一种`` are the indefinite article (一个缩影), not counts of one. ``一名主播`` and
  ``一张督促单`` are counts of one. ``一批`` is vague (a batch of unknown size) and is skipped.
- A numeral that the tokenizer binds into a non-numeral word (四川, 一切, 千家万户, 一盘棋,
  三位一体, 进一步, 八佰伴) is not a number; a one-character unit that starts a noun is that
  noun (数十万市民 → subject 市民, 13亿人口 → 人口).
- An Arabic number without a unit must stand alone: codes, scores, phone numbers, list markers
  and names (G60, 3-1, 1、, 《夺宝奇兵4》, 508汽车) are skipped.
- ``value`` is the stated number; ``value_low``/``value_high`` are the bounds (NaN = unbounded).
  An exact number has low == high == value. ``约``/``左右`` leave both bounds NaN.
- Dates/times: ``value`` is NaN, ``unit`` is the finest unit written (年代, 年, 季度, 月, 日,
  上午, 时, 分), ``resolved`` is ISO 8601: ``2020``, ``2020-03``, ``2020-03-14``,
  ``2020-03-14T13:30``; a quarter is the interval ``2020-01/2020-03`` (``Q1`` when no year is
  known) and a decade ``1980/1989``; a date whose year cannot be inferred is ``--03-14``; a time
  with no date is ``13:30``. A part of day without a clock (``3月14日上午``) is a time resolved to
  its date.
- Percent values are in percent (``七成`` → 70, ``千分之5`` → 0.5); money values are in the
  currency unit (``2618.05万元`` → 26180500 元).
"""

from __future__ import annotations

import bisect
import datetime as dt
import functools
import itertools
import math
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import NamedTuple

import cn2an
import numpy as np
import pandas as pd

from analysis._paths import RESOURCES_DIR
from analysis.normalize import char_folder
from analysis.sentences import split_sentences

QUANTITY_RESOURCES = RESOURCES_DIR / "quantities"

QUANTITY_COLUMNS = [
    "article_id",
    "sentence_id",
    "sentence",
    "start",
    "end",
    "text",
    "value",
    "value_low",
    "value_high",
    "unit",
    "qualifier",
    "subject",
    "kind",
    "resolved",
    "subject_phrase",
]

KINDS = ("count", "percent", "money", "duration", "date", "time", "ordinal")
NAN = math.nan


class QuantityResourceError(ValueError):
    """A table under ``resources/quantities/`` is malformed (the message names file and line)."""


# --------------------------------------------------------------------------- resources


def _resource_lines(name: str) -> Iterator[tuple[int, str]]:
    path = QUANTITY_RESOURCES / name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise QuantityResourceError(f"{path}: cannot read ({exc.strerror})") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise QuantityResourceError(f"{path}: not UTF-8 (byte {exc.start})") from None
    for number, line in enumerate(text.splitlines(), 1):
        line = line.rstrip("\r")
        if line.strip() and not line.lstrip().startswith("#"):
            yield number, line


def _fields(name: str, n: int) -> Iterator[tuple[int, list[str]]]:
    path = QUANTITY_RESOURCES / name
    for number, line in _resource_lines(name):
        parts = line.split("\t")
        if len(parts) != n or not all(p.strip() for p in parts):
            raise QuantityResourceError(
                f"{path}:{number}: expected {n} non-empty TAB-separated fields, got {line!r}"
            )
        yield number, [p.strip() for p in parts]


@dataclass(frozen=True, slots=True)
class Unit:
    surface: str
    kind: str
    unit: str
    scale: float
    side: str  # "after" or "before": where the subject is looked for first


@dataclass(frozen=True, slots=True)
class Qualifier:
    word: str
    position: str  # before | inner | after
    bound: str


_BOUNDS = ("at_least", "more_than", "at_most", "less_than", "about", "plus", "order")
_PERSON_UNITS = frozenset({"人", "名", "位", "人次"})


def _space_tolerant(surface: str) -> str:
    # justification spaces may sit between the characters of a unit (个 百 分 点)
    return " {0,3}".join(re.escape(ch) for ch in surface)


@functools.cache
def _units() -> tuple[dict[str, Unit], re.Pattern[str], frozenset[str]]:
    """(units by surface, the regex of any unit, the first characters of the units)."""
    path = QUANTITY_RESOURCES / "units.tsv"
    table: dict[str, Unit] = {}
    for number, (surface, kind, unit, scale, side) in _fields("units.tsv", 5):
        if kind not in ("count", "percent", "money", "duration", "ordinal"):
            raise QuantityResourceError(f"{path}:{number}: unknown kind {kind!r}")
        if side not in ("after", "before"):
            raise QuantityResourceError(f"{path}:{number}: side must be after/before: {side!r}")
        try:
            factor = float(scale)
        except ValueError:
            raise QuantityResourceError(
                f"{path}:{number}: scale is not a number: {scale!r}"
            ) from None
        key = surface.lower() if surface.isascii() else surface
        if key in table:
            raise QuantityResourceError(f"{path}:{number}: duplicate unit {surface!r}")
        table[key] = Unit(surface, kind, unit, factor, side)
    ordered = sorted(table.values(), key=lambda u: -len(u.surface))
    alternatives = []
    for u in ordered:
        pattern = _space_tolerant(u.surface)
        if u.surface.isascii():
            # an ASCII unit must not run on into a longer Latin word (5 cm, not 5 cmos)
            pattern = f"(?i:{pattern})(?![A-Za-z])"
        alternatives.append(pattern)
    regex = re.compile(" {0,4}(?:" + "|".join(alternatives) + ")")
    return table, regex, frozenset(key[0] for key in table)


def _unit_at(norm: str, pos: int) -> tuple[Unit, int] | None:
    table, regex, firsts = _units()
    ch = norm[pos : pos + 1]
    if "\u4e00" <= ch <= "\u9fff" and ch not in firsts:
        return None  # no unit starts with this ideograph (ideographs have no case to ignore)
    m = regex.match(norm, pos)
    if not m:
        return None
    surface = m.group().replace(" ", "")
    key = surface.lower() if surface.isascii() else surface
    return table[key], m.end()


@functools.cache
def _qualifiers() -> dict[str, list[Qualifier]]:
    path = QUANTITY_RESOURCES / "qualifiers.tsv"
    by_position: dict[str, list[Qualifier]] = {"before": [], "inner": [], "after": []}
    for number, (word, position, bound) in _fields("qualifiers.tsv", 3):
        if position not in by_position:
            raise QuantityResourceError(f"{path}:{number}: unknown position {position!r}")
        if bound not in _BOUNDS:
            raise QuantityResourceError(f"{path}:{number}: unknown bound {bound!r}")
        by_position[position].append(Qualifier(word, position, bound))
    for items in by_position.values():
        items.sort(key=lambda q: -len(q.word))
    return by_position


@functools.cache
def _word_list(name: str) -> frozenset[str]:
    return frozenset(line.strip() for _, line in _resource_lines(name))


@functools.cache
def _not_quantity_regexes() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(first-character filter, expression regex) of not_quantities.txt plus URLs and e-mails."""
    path = QUANTITY_RESOURCES / "not_quantities.txt"
    literals, patterns = [], []
    for number, line in _resource_lines("not_quantities.txt"):
        entry = line.strip()
        if entry.startswith("re:"):
            try:
                re.compile(entry[3:])
            except re.error as exc:
                raise QuantityResourceError(
                    f"{path}:{number}: bad regular expression: {exc}"
                ) from None
            patterns.append(f"(?:{entry[3:]})")
        else:
            literals.append(entry)
    literals.sort(key=len, reverse=True)
    parts = [re.escape(w) for w in literals] + patterns
    # a match can only start at one of these characters; testing the long alternation at those
    # positions alone is much faster than letting re try it everywhere
    firsts = "".join(re.escape(ch) for ch in sorted({w[0] for w in literals}))
    starts = f"[{firsts}]" + "".join(f"|{_first_element(p[3:-1], path)}" for p in patterns)
    return re.compile(starts), re.compile("|".join(parts))


_WEB_RE = re.compile(
    r"(?:https?://|www\.)[\x21-\x7e]+"
    r"|(?<![A-Za-z0-9._%+-])[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+\.[A-Za-z0-9.-]+"
)


def _first_element(pattern: str, path: Path) -> str:
    """The leading literal character or [class] of a not_quantities.txt pattern."""
    m = re.match(r"\[(?:\\.|[^\]])+\]|\\.|[^\\\[\](){}.*+?|^$]", pattern)
    if m is None:
        raise QuantityResourceError(
            f"{path}: pattern {pattern!r} must start with a literal character or a [class]"
        )
    return m.group()


# --------------------------------------------------------------------------- folding

_FOLD_PAIRS = {chr(c): chr(c - 0xFEE0) for c in range(0xFF01, 0xFF5F)}
_FOLD_PAIRS.update(
    {
        "\u3000": " ",
        "\u00a0": " ",
        "￥": "¥",
        "﹪": "%",
        "萬": "万",
        "億": "亿",
        "兩": "两",
        "倆": "两",
        "俩": "两",
        "負": "负",
        "點": "点",
        "幾": "几",
        "個": "个",
        "貳": "贰",
        "陸": "陆",
        "參": "叁",
        "〇": "〇",
        "−": "-",
        "–": "-",
        "—": "-",
        "～": "~",
        "∶": ":",
        "％": "%",
    }
)
# the frequent ones go through str.replace (see char_folder)
_fold = char_folder(_FOLD_PAIRS, frequent="，\u3000：\u00a0？！；—（）")


def fold(text: str) -> str:
    """Full-width ASCII to ASCII and traditional numerals to simplified; same length as ``text``."""
    return _fold(text)


# --------------------------------------------------------------------------- numerals

_CN_DIGIT = "零〇一二三四五六七八九两壹贰叁肆伍陆柒捌玖廿"
_CN_SMALL = "十拾百佰千仟"
_CN_BIG = "万亿"
_CN = _CN_DIGIT + _CN_SMALL + _CN_BIG
_FINANCIAL = frozenset("壹贰叁肆伍陆柒捌玖拾佰仟")
_DEC_DIGIT = "零〇一二三四五六七八九壹贰叁肆伍陆柒捌玖\\d"

_SEP = rf"(?:(?<=[{_CN}]) {{1,4}}| {{1,4}}(?=[{_CN}]))"
_ARABIC = (
    r"(?:(?<!\d)\d{1,3}(?:,\d{3})+(?:\.\d+)?(?![\d,]\d)"
    r"|(?<!\d)\d{1,3}(?: \d{3})+(?![\d.])"
    r"|\d+(?:\.\d+)?"
    r"|(?<![\d.])\.\d+)"
)
_ATOM = rf"(?:{_ARABIC}|[{_CN}])"
_UNIT_CHARS = f"[{_CN_SMALL}{_CN_BIG}]"
_NUMERAL = (
    rf"(?:(?:负|(?<![0-9A-Za-z\-)）{_CN}])-){_SEP}?)?"
    rf"(?:[数几上](?={_UNIT_CHARS}))?"
    rf"{_ATOM}(?:{_SEP}?(?:{_ATOM}|(?<=[{_CN}\d ])几|[多余](?={_SEP}?{_UNIT_CHARS})))*"
    rf"(?:{_SEP}?点{_SEP}?[{_DEC_DIGIT}](?:{_SEP}?[{_DEC_DIGIT}])*(?:{_SEP}?[{_CN_BIG}])*)?"
)
_NUM_RE = re.compile(_NUMERAL)
_NUM_START = re.compile(rf"[-负数几上\d.{_CN}]")
_FRAC_JOIN = re.compile(r" {0,4}分 {0,4}之 {0,4}")
_WHOLE_JOIN = re.compile(r" {0,4}又 {0,4}")


class _Raw(NamedTuple):
    """A numeral as written: a plain one, or a fraction [whole 又] den 分之 num."""

    start: int
    end: int
    plain: str = ""
    den: str = ""
    num: str = ""
    whole: str = ""


def _match_number(norm: str, pos: int, endpos: int | None = None) -> _Raw | None:
    """The numeral starting at ``pos`` (fractions included), or None."""
    stop = len(norm) if endpos is None else endpos
    m = _NUM_RE.match(norm, pos, stop)
    if m is None:
        return None
    after = m.end()
    if after >= stop or norm[after] not in " 分又":
        return _Raw(pos, after, m.group())  # no 分之 / 又 can follow: skip the two joins
    join = _FRAC_JOIN.match(norm, after, stop)
    if join:
        n = _NUM_RE.match(norm, join.end(), stop)
        if n:
            return _Raw(pos, n.end(), den=m.group(), num=n.group())
    join = _WHOLE_JOIN.match(norm, after, stop)
    if join:
        d = _NUM_RE.match(norm, join.end(), stop)
        if d:
            join = _FRAC_JOIN.match(norm, d.end(), stop)
            n = _NUM_RE.match(norm, join.end(), stop) if join else None
            if n:
                return _Raw(pos, n.end(), den=d.group(), num=n.group(), whole=m.group())
    return _Raw(pos, m.end(), plain=m.group())


_BIG_VALUE = {"万": 1e4, "亿": 1e8}
_UNIT_VALUE = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000, **_BIG_VALUE}
_DIGIT_VALUE = {
    "零": 0, "〇": 0, "一": 1, "二": 2, "两": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7,
    "八": 8, "九": 9, "壹": 1, "贰": 2, "叁": 3, "肆": 4, "伍": 5, "陆": 6, "柒": 7, "捌": 8,
    "玖": 9,
}  # fmt: skip
_ARABIC_FULL = re.compile(r"\d+(?:\.\d+)?|\.\d+")
_FINANCIAL_TO_PLAIN = str.maketrans("壹贰叁肆伍陆柒捌玖拾佰仟", "一二三四五六七八九十百千")
_ARABIC_TIMES_UNITS = re.compile(rf"(\d+(?:\.\d+)?)([{_CN_SMALL}{_CN_BIG}]+)")
_PAIR_RANGE = re.compile(r"([一二两三四五六七八九])([二三四五六七八九])([十百千万亿]*)")


@dataclass(frozen=True, slots=True)
class Numeral:
    """A numeral's value and bounds (NaN = unbounded) and the vague marker inside it, if any."""

    value: float
    low: float
    high: float
    marker: str = ""  # 多 / 余 / 几 / 数 / 上 / range


def _step(value: float) -> float:
    """One unit of the last non-zero digit of an integer (16300 -> 100, 6000 -> 1000, 15 -> 1)."""
    if value != int(value) or value == 0:
        return 1.0
    n, step = int(abs(value)), 1
    while n % 10 == 0:
        n //= 10
        step *= 10
    return float(step)


def _simple_numerals() -> dict[str, float]:
    """The commonest Chinese numerals (三, 十五, 七十, 一百, 两千 …) with the value cn2an gives
    them (checked against cn2an for every entry): a cn2an call costs ~40 us, and on new text
    these are most of the calls."""
    digits = {ch: _DIGIT_VALUE[ch] for ch in "一二三四五六七八九"}
    table = {ch: float(v) for ch, v in {**digits, "两": 2, "零": 0}.items()}
    for d, v in digits.items():
        table["十" + d] = 10.0 + v
        table[d + "十"] = 10.0 * v
        for e, w in digits.items():
            table[d + "十" + e] = 10.0 * v + w
    table["十"] = 10.0
    for d, v in {**digits, "两": 2}.items():
        for unit, scale in (("百", 100), ("千", 1000), ("万", 10000)):
            table[d + unit] = float(v * scale)
    return table


_SIMPLE_CN = _simple_numerals()


def _core(s: str) -> float:
    """Value of a plain numeral (no sign, spaces, separators or vague markers)."""
    if _ARABIC_FULL.fullmatch(s):
        return float(s)
    m = _ARABIC_TIMES_UNITS.fullmatch(s)
    if m:
        value = float(m.group(1))
        for ch in m.group(2):
            value *= _UNIT_VALUE[ch]
        return value
    if not s or s[-1] in "点.":
        raise ValueError(f"not a numeral: {s!r}")
    if len(s) > 1 and "两" in s and not any(ch in _UNIT_VALUE for ch in s):
        raise ValueError(f"not a numeral: {s!r}")  # 两两, 二两: 两 only stands before a unit
    text = s.translate(_FINANCIAL_TO_PLAIN)
    stripped = text.lstrip("零〇")
    if stripped and stripped[0] != "点":
        text = stripped  # 零十 = 十; but 零点五 keeps its zero
    if text[0] in "百千":
        text = "一" + text  # 百三 = 一百三
    simple = _SIMPLE_CN.get(text)
    if simple is not None:
        return simple
    try:
        return float(cn2an.cn2an(text, "smart"))
    except (ValueError, KeyError, IndexError, TypeError):
        pass
    for big in ("亿", "万"):
        i = text.rfind(big)
        if 0 < i:
            left, right = text[:i], text[i + 1 :]
            value = _core(left) * _BIG_VALUE[big]
            if right:
                tail = right.lstrip("零〇")
                if tail:
                    part = _core(tail)
                    if len(right) == 1 and right in _DIGIT_VALUE:
                        part *= _BIG_VALUE[big] / 10  # 一万三 = 13000
                    value += part
            return value
    if "零十" in text:
        return _core(text.replace("零十", "一十"))
    raise ValueError(f"not a numeral: {s!r}")


@functools.lru_cache(maxsize=65536)
def _evaluate(raw: str) -> Numeral:
    """Numeral (with optional sign and vague markers) -> value and bounds. Raises ValueError."""
    s = raw.replace(" ", "").replace(",", "")
    sign = 1.0
    if s[:1] in ("负", "-"):
        sign, s = -1.0, s[1:]
    if not s:
        raise ValueError(f"not a numeral: {raw!r}")

    def signed(value: float, low: float, high: float, marker: str = "") -> Numeral:
        if sign < 0:
            value, low, high = -value, -high, -low
        return Numeral(value, low, high, marker)

    if s[0] in "数几上" and len(s) > 1 and s[1] in _UNIT_VALUE:
        # 数十万 / 几百 / 上千: [v, 10 v)
        base = _core("一" + s[1:])
        return signed(base, base, base * 10, s[0])
    m = _PAIR_RANGE.fullmatch(s)
    if m and _DIGIT_VALUE[m.group(1)] < _DIGIT_VALUE[m.group(2)]:
        # 三四百 / 两三个 / 八九亿: two neighbouring digits are a range
        lo = _core(m.group(1) + m.group(3)) if m.group(3) else float(_DIGIT_VALUE[m.group(1)])
        hi = _core(m.group(2) + m.group(3)) if m.group(3) else float(_DIGIT_VALUE[m.group(2)])
        return signed(lo, lo, hi, "range")
    for marker in ("多", "余", "几"):
        i = s.find(marker)
        if i <= 0:
            continue
        left, right = s[:i], s[i + 1 :]
        if right and not all(ch in _UNIT_VALUE for ch in right):
            raise ValueError(f"not a numeral: {raw!r}")
        # 一百零几: the marker is the units digit -> [100, 110); else one step of the last digit
        zero_before = left[-1] in "零〇"
        base = _core(left.rstrip("零〇"))
        step = 10.0 if zero_before else _step(base)
        mult = 1.0
        for ch in right:
            mult *= _UNIT_VALUE[ch]
        return signed(base * mult, base * mult, (base + step) * mult, marker)
    value = _core(s)
    return signed(value, value, value)


def parse_number(s: str) -> float:
    """The value of one numeral: ``"1 268"``, ``"2,150"``, ``"１２.５"``, ``"两百"``, ``"一千五百"``,
    ``"1.2万"``, ``"3千"``, ``"百分之九十五"`` (95), ``"三分之一"``. Vague numerals give their stated
    number (``"十多万"`` → 100000; ``"三四百"`` → 300). Raises ValueError on anything else."""
    if not isinstance(s, str):
        raise ValueError(f"parse_number expects a string, got {type(s).__name__}")
    text = fold(s).strip()
    m = None
    for candidate in (text, text.rstrip("多余来 ")):
        raw = _match_number(candidate, 0) if candidate else None
        if raw is not None and raw.end == len(candidate):
            m = raw
            break
    if m is None:
        if text.endswith(("点", ".")):
            raise ValueError(f"not a numeral: {s!r}")
        # cn2an also reads amounts such as 壹拾壹元整; let it try before giving up
        try:
            return float(cn2an.cn2an(text.replace(" ", ""), "normal"))
        except (ValueError, KeyError, IndexError, TypeError):
            raise ValueError(f"not a numeral: {s!r}") from None
    try:
        if not m.plain:
            return _fraction(m)[0]
        return _evaluate(m.plain).value
    except ValueError:
        raise ValueError(f"not a numeral: {s!r}") from None


def _fraction(m: _Raw) -> tuple[float, bool]:
    """(value, is_percent) of an X分之Y match. A bare 百/千/万 denominator gives a percentage."""
    value, _, _, percent = _fraction_bounds(m)
    return value, percent


def _fraction_bounds(m: _Raw) -> tuple[float, float, float, bool]:
    """(value, low, high, is_percent): 百分之二三十 keeps its bounds [20, 30]."""
    den_text = m.den.replace(" ", "")
    if all(ch in _UNIT_VALUE for ch in den_text):
        den = 1.0
        for ch in den_text:
            den *= _UNIT_VALUE[ch]
        n = _evaluate(m.num)
        factor = 100.0 / den
        return n.value * factor, n.low * factor, n.high * factor, True
    num = _evaluate(m.num).value
    den = _evaluate(m.den).value
    if den == 0:
        raise ValueError("zero denominator")
    value = num / den
    if (den < 0) and (num < 0):
        value = abs(value)
    if m.whole:
        whole = _evaluate(m.whole).value
        value = whole + value if whole >= 0 else whole - value
    return value, value, value, False


# --------------------------------------------------------------------------- dictionary checks


@functools.cache
def _tokenizer():
    # The project tokenizer (same dictionaries as analysis.tokens) on the rjieba engine: it cuts
    # the short clauses around numbers ~14x faster than pure-Python jieba, with the same tags.
    from analysis.tokenize import Tokenizer

    try:
        tokenizer = Tokenizer(engine="rjieba", stopwords=None)
        tokenizer.cut_pos("一")
    except ImportError:  # rjieba missing: same dictionaries, slower engine
        tokenizer = Tokenizer(engine="jieba", stopwords=None)
    return tokenizer


_NUMERAL_TAGS = frozenset({"m", "mq", "q", "t", "x", "eng", "j"})
_FUNCTION_TAGS = frozenset(
    {"c", "p", "u", "uj", "ul", "uz", "ug", "ud", "uv", "d", "r", "x", "f", "t", "y", "e", "o"}
)


@functools.cache
def _engine():
    return _tokenizer()._built()


Token = tuple[str, str | None, int, int]  # word, POS tag (None: not looked up yet), start, end
Cut = tuple[tuple[Token, ...], tuple[int, ...]]  # tokens (offsets into the window) and starts


@functools.lru_cache(maxsize=4096)
def _cut(window: str) -> Cut:
    """The tokens of ``window`` with offsets relative to it, and their start offsets. The tokens
    are contiguous and in order, so the starts are sorted and a bisect finds the token at an
    offset; offsets stay relative so that a cached cut serves any text it occurs in.

    Tags are looked up only when a rule reads one (``_tag``): the rules read a few tokens next
    to the number, and tagging every word (out-of-vocabulary ones through the POS HMM) cost
    more than the cut itself. A cut whose organisation names were merged keeps its tags."""
    words, tags = _engine().cut_words(window)
    ends = list(itertools.accumulate(map(len, words)))
    starts = (0, *ends[:-1]) if ends else ()
    if tags is None:
        tags = [None] * len(words)
    return tuple(zip(words, tags, starts, ends, strict=True)), starts


def _tag(token: tuple) -> str:
    """The POS tag of a token or (word, tag) pair of ``_cut``."""
    tag = token[1]
    return tag if tag is not None else _engine().tag(token[0])


@functools.lru_cache(maxsize=65536)
def _in_dictionary(word: str) -> bool:
    return _tokenizer().in_dictionary(word)


_CLAUSE_STOP = re.compile(r"[，。；：！？、,;:!?（）()《》【】\[\]\n]")
_CLAUSE_REACH = 30  # characters either side of a position that a clause cut covers
_MATCH_START = re.Match.start


class _Text:
    """A folded text with its clause boundaries; each clause is segmented once and shared by the
    word checks and the subject rules of every quantity in it."""

    def __init__(self, text: str):
        self.norm = fold(text)
        self.stops = list(map(_MATCH_START, _CLAUSE_STOP.finditer(self.norm)))
        self._clauses: dict[int, tuple[int, int]] = {}
        self._windows: dict[tuple[int, int], tuple[Cut, int, int]] = {}
        self._at: dict[int, tuple[Cut, int, int]] = {}  # the same, by position asked for

    def clause(self, pos: int) -> tuple[int, int]:
        found = self._clauses.get(pos)
        if found is not None:
            return found  # the rules ask for the same few positions many times
        stops = self.stops
        k = bisect.bisect_right(stops, pos)
        lo = stops[k - 1] + 1 if k > 0 else 0
        hi = stops[k] if k < len(stops) else len(self.norm)
        if pos < len(self.norm) and k > 0 and stops[k - 1] == pos:
            lo = pos  # pos is itself a stop
        found = self._clauses[pos] = (max(lo, pos - _CLAUSE_REACH), min(hi, pos + _CLAUSE_REACH))
        return found

    def window(self, pos: int) -> tuple[Cut, int, int]:
        """((tokens, starts), lo, hi): the cut of the clause window [lo, hi) around ``pos``; token
        offsets are relative to lo."""
        found = self._at.get(pos)
        if found is None:
            key = self.clause(pos)
            found = self._windows.get(key)
            if found is None:
                lo, hi = key
                found = self._windows[key] = (_cut(self.norm[lo:hi]), lo, hi)
            self._at[pos] = found
        return found

    def token_at(self, pos: int) -> Token:
        """The token holding ``pos`` (offsets into the text)."""
        (tokens, starts), lo, _ = self.window(pos)
        k = bisect.bisect_right(starts, pos - lo) - 1
        if k >= 0 and pos - lo < tokens[k][3]:
            word, tag, ws, we = tokens[k]
            return word, tag, ws + lo, we + lo
        return self.norm[pos], "x", pos, pos + 1  # (the tag may be None: read it with _tag)


def _in_word(ctx: _Text, start: int, end: int) -> bool:
    """True when the segmenter puts the numeral at [start, end) inside a longer non-numeral word
    (四川, 一切, 千家万户, 三位一体, 进一步, 八佰伴); 千人 / 五省 (numeral + unit) are fine."""
    units = _units()[0]
    (tokens, starts), lo, _ = ctx.window(start)
    s, e = start - lo, end - lo
    # only the tokens overlapping [start, end) matter: from the one holding start
    for k in range(max(0, bisect.bisect_right(starts, s) - 1), len(tokens)):
        _word, _, ws, we = tokens[k]
        if ws >= e:
            break
        if we <= s or (ws >= s and we <= e):
            continue
        if _tag(tokens[k]) in _NUMERAL_TAGS:
            continue
        if ws == s and ctx.norm[end : we + lo].replace(" ", "") in units:
            continue
        return True
    return False


def _starts_word(ctx: _Text, pos: int, end: int) -> bool:
    """True when a longer non-numeral word starts at ``pos`` and runs past ``end`` (市民 after 数十万)."""
    token = ctx.token_at(pos)
    word, _, ws, we = token
    return ws == pos and we > end and _tag(token) not in _NUMERAL_TAGS and _in_dictionary(word)


# --------------------------------------------------------------------------- number spans


class NumberSpan(NamedTuple):
    """A numeral found by ``find_numbers``: offsets, value and bounds, and how it was written.
    A named tuple: the scanner builds one per numeral candidate."""

    start: int
    end: int
    text: str
    value: float
    low: float
    high: float
    marker: str = ""
    percent: bool = False  # 百分之X / 千分之X
    fraction: bool = False
    chinese: bool = False  # written with Chinese numerals only (no Arabic digit)


_KILO_UNIT = re.compile(r"千(?:米|克|瓦|卡|帕)")
_DIGIT_RE = re.compile(r"\d")


def _masked(ctx: _Text) -> list[tuple[int, int]]:
    """Spans of fixed expressions (matched on the tokenizer's word boundaries, so 万一 does not
    fire inside 一百零一万一千), URLs and e-mail addresses."""
    norm = ctx.norm
    starts, expressions = _not_quantity_regexes()
    out, pos = [], 0
    if "@" in norm or "http" in norm or "www." in norm:
        out = [m.span() for m in _WEB_RE.finditer(norm)]
    while True:
        c = starts.search(norm, pos)
        if c is None:
            return sorted(out)
        m = expressions.match(norm, c.start())
        if m is None or m.end() == m.start() or not _on_word_boundaries(ctx, *m.span()):
            pos = c.start() + 1
        else:
            out.append(m.span())
            pos = m.end()


def _on_word_boundaries(ctx: _Text, start: int, end: int) -> bool:
    (_, starts), lo, _ = ctx.window(start)
    if start - lo not in starts:
        return False
    (tokens, _), lo, _ = ctx.window(end - 1)
    return any(t[3] == end - lo for t in tokens)


def _overlap_test(spans: list[tuple[int, int]]) -> Callable[[int, int], bool] | None:
    """None when ``spans`` is empty, else a test: does [start, end) overlap one of them? A bisect
    over the sorted starts and the running maximum of the ends, since an article with many dates
    makes a long list that every numeral was checked against."""
    if not spans:
        return None
    ordered = sorted(spans)
    starts = [s for s, _ in ordered]
    reach = list(itertools.accumulate([e for _, e in ordered], max))

    def overlaps(start: int, end: int) -> bool:
        k = bisect.bisect_left(starts, end)  # the spans starting before end
        return k > 0 and reach[k - 1] > start

    return overlaps


def _scan(norm: str, masked: list[tuple[int, int]]) -> list[NumberSpan]:
    """Numerals of ``norm`` with their values, before any unit or context rule."""
    out: list[NumberSpan] = []
    search, match, pos, n = _NUM_START.search, _NUM_RE.match, 0, len(norm)
    overlaps = _overlap_test(masked)
    while True:
        c = search(norm, pos)
        if c is None:
            return out
        start = c.start()
        m = match(norm, start)
        if m is None:
            pos = start + 1
            continue
        end = m.end()
        if end < n and norm[end] in " 分又":
            # a fraction may follow: the general reader (this is what it does otherwise)
            raw = _match_number(norm, start)
            end = raw.end
            span = _number_span(norm, raw)
        else:  # a plain numeral (most of them): no need for the general reader
            span = _plain_span(norm, start, end, m.group())
        if span is None:
            # shrink from the right until the numeral parses (五十千 -> 五十)
            span = _shrink(norm, start, end)
            if span is None:
                pos = end
                continue
        pos = span.end
        if overlaps is not None and overlaps(span.start, span.end):
            continue
        out.append(span)


def _plain_span(norm: str, start: int, end: int, plain: str) -> NumberSpan | None:
    # 12千米: an Arabic number before 千米/千克 is kilo-, not thousands
    kilo = (
        plain[-1] == "千"
        and len(plain) >= 2
        and plain[-2].isdigit()
        and _KILO_UNIT.match(norm, end - 1) is not None
    )
    read = _plain_numeral(plain, kilo)
    if read is None:
        return None
    text, value, low, high, marker, chinese = read
    return NumberSpan(start, start + len(text), text, value, low, high, marker, chinese=chinese)


def _number_span(norm: str, m: _Raw) -> NumberSpan | None:
    start, end = m.start, m.end
    if m.plain:
        return _plain_span(norm, start, end, m.plain)  # m.plain == norm[start:end]
    text = norm[start:end]
    try:
        value, low, high, percent = _fraction_bounds(m)
    except ValueError:
        return None
    marker = "range" if low != high else ""
    chinese = _DIGIT_RE.search(text) is None
    return NumberSpan(start, end, text, value, low, high, marker, percent, True, chinese)


@functools.lru_cache(maxsize=65536)
def _plain_numeral(plain: str, kilo: bool) -> tuple[str, float, float, float, str, bool] | None:
    """(text, value, low, high, marker, chinese) of a plain numeral as matched (``kilo``: its
    final 千 is the kilo- of the unit after it), or None. The same few numerals (一, 两, 2020)
    come back all the time, so the reading is cached."""
    # the numeral regex admits no digit that \d does not match, so this is "no ch.isdigit()"
    chinese = _DIGIT_RE.search(plain) is None
    text = (plain[:-1] if kilo else plain).rstrip(" ")
    if not _valid_numeral(text):
        return None
    try:
        n = _evaluate(text)
    except ValueError:
        return None
    return text, n.value, n.low, n.high, n.marker, chinese


def _valid_numeral(text: str) -> bool:
    core = text.replace(" ", "").lstrip("负-")
    if not core:
        return False
    if not core.strip(_CN_BIG):
        return False  # 万 / 万万 alone
    if len(core) == 1 and core in _FINANCIAL:
        return False  # 陆地, 拾取, 伍仁, 肆意: a lone financial numeral is a word
    return True


def _shrink(norm: str, start: int, end: int) -> NumberSpan | None:
    for stop in range(end - 1, start, -1):
        m = _match_number(norm, start, stop)
        if m is not None and m.end == stop:
            span = _number_span(norm, m)
            if span is not None:
                return span
    return None


def find_numbers(text: str) -> list[NumberSpan]:
    """Every numeral in ``text`` (Arabic, Chinese, mixed, fractions), dates included, units not.

    Trailing 多/余 are left out of the span (``四百多`` → ``四百``); vague markers inside a numeral
    stay in (``十多万``). The numerator of 百分之X is the number. Numerals inside fixed
    expressions or dictionary words (四川, 一切) are skipped.
    """
    ctx = _Text(text)
    norm = ctx.norm
    out = []
    for span in _scan(norm, _masked(ctx)):
        if span.percent:
            # 百分之五十五 -> the number is 五十五
            inner = norm.index("之", span.start) + 1
            while inner < span.end and norm[inner] == " ":
                inner += 1
            sub = _match_number(norm, inner, span.end)
            if sub is None or not sub.plain:
                continue
            n = _evaluate(sub.plain.rstrip(" "))
            stop = inner + len(sub.plain.rstrip(" "))
            span = NumberSpan(inner, stop, text[inner:stop], n.value, n.low, n.high, n.marker)
        if _skip_as_word(ctx, span):
            continue
        out.append(span._replace(text=text[span.start : span.end]))  # the text as written
    return out


def _skip_as_word(ctx: _Text, span: NumberSpan) -> bool:
    if not span.chinese or span.fraction:
        return False
    if len(span.text.replace(" ", "")) > 4:
        return False
    return _in_word(ctx, span.start, span.end)


# --------------------------------------------------------------------------- dates and times

_S = " {0,2}"
_CN_YEAR_DIGIT = "〇零一二三四五六七八九"
_YEAR = rf"(?P<year>(?<!\d)\d{{4}}|(?<![\d.])0\d(?=年)|[{_CN_YEAR_DIGIT}]{{4}})"
_MONTH = r"(?P<month>(?<!\d)1[0-2]|(?<!\d)0?[1-9]|十[一二]?|[一二三四五六七八九])"
_DAY = (
    r"(?P<day>(?<!\d)3[01]|(?<!\d)[12]\d|(?<!\d)0?[1-9]|三十一?|二十[一二三四五六七八九]?"
    r"|十[一二三四五六七八九]?|[一二三四五六七八九])"
)
_PART = (
    r"(?P<part>凌晨|清晨|早晨|早上|上午|中午|午间|下午|傍晚|晚上|晚间|夜间|夜里|深夜|当晚|晚|早)"
)
_HOUR = r"(?P<hour>(?<!\d)2[0-4]|(?<!\d)[01]?\d|二十[一二三四]?|十[一二]?|[零一二三四五六七八九两])"
_MINUTE = r"(?P<minute>[0-5]?\d|[二三四五]?十[一二三四五六七八九]?|零?[一二三四五六七八九])"
_CLOCK = (
    rf"(?:{_HOUR}{_S}(?P<hunit>[时点]){_S}(?:(?P<half>半)|{_MINUTE}{_S}分"
    rf"(?:{_S}(?P<second>[0-5]?\d){_S}秒)?)?"
    r"|(?<![\d:])(?P<chour>[01]?\d|2[0-3]):(?P<cmin>[0-5]\d)(?::(?P<csec>[0-5]\d))?(?![\d:]))"
)
_DATE_RE = re.compile(
    rf"(?=[\d{_CN_YEAR_DIGIT}十])"
    rf"(?:(?P<iso>(?<!\d)(?P<iy>\d{{4}})(?P<isep>[-/.])(?P<im>1[0-2]|0?[1-9])(?P=isep)"
    rf"(?P<id>3[01]|[12]\d|0?[1-9])(?!\d))"
    rf"|(?:{_YEAR}{_S}年)?(?:{_S}{_MONTH}{_S}月(?:份)?)?(?:{_S}{_DAY}{_S}(?P<dunit>[日号])(?![元本]))?)"
    rf"(?:{_S}(?P<xun>上旬|中旬|下旬|初|底|末))?"
    rf"(?:{_S}{_PART})?(?:{_S}{_CLOCK})?(?:{_S}(?P<approx>许|左右))?"
)
_TIME_RE = re.compile(rf"{_CLOCK}(?:{_S}(?P<approx>许|左右))?")
_PART_WORDS = sorted(_PART[len("(?P<part>") : -1].split("|"), key=len, reverse=True)
# Every date or time match starting at a numeral reaches one of 年月日号时点:季 or an ISO
# separator within its first 7 characters (四位年份 + 2 spaces + 年 is the longest); numerals
# with none of them ahead cannot start one and are not tried
_DATETIME_START = re.compile(rf"[\d{_CN_YEAR_DIGIT}十两第](?=(?s:.){{0,6}}[年月日号时点:季\-/.])")
# Every Arabic digit that the date, time and decade patterns may start with sits behind (?<!\d):
# a digit right after a digit (the 0 of 12.05, the 9 of 2,019.5) starts none of them, and these
# were half of the candidates. Only 第1季度's quarter digit has no such guard.
_DATETIME_START_NO_QUARTER = re.compile(
    rf"[\d{_CN_YEAR_DIGIT}十两第](?<!\d\d)(?=(?s:.){{0,6}}[年月日号时点:季\-/.])"
)  # (the look-behind after the class keeps re's fast scan for the first character)
_QUARTER_RE = re.compile(
    rf"(?<![前后近头末])(?:(?P<year>(?<!\d)\d{{4}}|[{_CN_YEAR_DIGIT}]{{4}}){_S}年{_S})?"
    r"(?:第)?(?P<q>[一二三四1-4])季度"
)
_DECADE_RE = re.compile(r"(?P<dec>(?<!\d)\d0|(?<!\d)\d{3}0|[二三四五六七八九]十)年代")
_PM_PARTS = frozenset({"下午", "傍晚", "晚上", "晚间", "夜间", "夜里", "深夜", "当晚", "晚"})


def _small_int(text: str) -> int:
    text = text.replace(" ", "")
    if text.isdigit():
        return int(text)
    if all(ch in _CN_YEAR_DIGIT for ch in text) and len(text) == 4:
        return int("".join(str(_DIGIT_VALUE.get(ch, 0)) for ch in text))
    return int(_core(text))


@dataclass(frozen=True, slots=True)
class RefDate:
    year: int
    month: int | None = None
    day: int | None = None


def _ref_date(value: object, where: str = "page_date") -> RefDate | None:
    if value is None or value == "" or (isinstance(value, float) and math.isnan(value)):
        return None
    if isinstance(value, dt.datetime):
        return RefDate(value.year, value.month, value.day)
    if isinstance(value, dt.date):
        return RefDate(value.year, value.month, value.day)
    if isinstance(value, pd.Timestamp):
        return RefDate(value.year, value.month, value.day)
    if isinstance(value, str):
        m = re.fullmatch(r"(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", value.strip())
        if m:
            year = int(m.group(1))
            month = int(m.group(2)) if m.group(2) else None
            day = int(m.group(3)) if m.group(3) else None
            try:
                dt.date(year, month or 1, day or 1)
            except ValueError:
                pass
            else:
                return RefDate(year, month, day)
    raise ValueError(f"{where}: expected an ISO date YYYY-MM-DD or YYYY-MM, got {value!r}")


def _infer_year(month: int, day: int | None, ref: RefDate | None) -> int | None:
    """The year nearest the page date for a month (and day) written without a year."""
    if ref is None:
        return None
    if ref.month is None:
        return ref.year
    anchor = dt.date(ref.year, ref.month, ref.day or 15)
    best, best_gap = None, None
    for year in (ref.year - 1, ref.year, ref.year + 1):
        try:
            candidate = dt.date(year, month, day or 15)
        except ValueError:
            continue
        gap = abs((candidate - anchor).days)
        if best_gap is None or gap < best_gap:
            best, best_gap = year, gap
    return best


def _clock(m: re.Match[str], part: str | None) -> tuple[int, int, int | None, str] | None:
    """(hour, minute, second, finest unit) of a clock match, or None when there is none."""
    if m.group("chour") is not None:
        sec = m.group("csec")
        return int(m.group("chour")), int(m.group("cmin")), int(sec) if sec else None, "分"
    if m.group("hour") is None:
        return None
    hour = _small_int(m.group("hour"))
    minute, second, unit = 0, None, "时"
    if m.group("half"):
        minute, unit = 30, "分"
    elif m.group("minute") is not None:
        minute, unit = _small_int(m.group("minute")), "分"
        if m.group("second") is not None:
            second, unit = int(m.group("second")), "秒"
    if hour > 24 or minute > 59:
        return None
    if part in _PM_PARTS and hour < 12:
        hour += 12
    elif part in ("中午", "午间") and hour < 6:
        hour += 12
    return hour % 24 if hour == 24 else hour, minute, second, unit


def _date_quantity(
    m: re.Match[str], text: str, ref: RefDate | None, inherit: tuple[int, int | None] | None = None
) -> Quantity | None:
    """A date (or date + time). ``inherit`` is the (year, month) of a date this one closes a range
    with (2009年8月17日至8月23日, 6月23日-29日)."""
    g = m.group
    if g("iso"):
        year, month, day = int(g("iy")), int(g("im")), int(g("id"))
    else:
        if g("year") is None and g("month") is None and g("day") is None:
            return None  # a bare clock time: left to _TIME_RE
        year = _small_int(g("year")) if g("year") else None
        if year is not None and year < 100:
            year += 2000  # 09年: a two-digit year with a leading zero
        month = _small_int(g("month")) if g("month") else None
        day = _small_int(g("day")) if g("day") else None
    if year is not None and not 1000 <= year <= 2999:
        return None
    if (month is not None and not 1 <= month <= 12) or (day is not None and not 1 <= day <= 31):
        return None
    if day is not None and month is None:
        if year is not None or g("dunit") == "号" or not g("day").isdigit():
            return None  # 3号线, 一日三餐; a year and a day without a month
        if inherit is not None and inherit[1] is not None:
            month = inherit[1]
        elif ref is None or ref.month is None:
            return None  # a lone 14日 is a date only when the paper's month is known
        else:
            month = ref.month
    if year is None and month is not None:
        year = inherit[0] if inherit is not None else _infer_year(month, day, ref)
    unit = "日" if day is not None else "月" if month is not None else "年"
    if g("xun"):
        unit = g("xun")
    resolved = _iso(year, month, day)
    if resolved == "":
        return None
    kind = "date"
    part = g("part")
    if part is not None:
        kind, unit = "time", part
    clock = _clock(m, part)
    if clock is not None:
        hour, minute, second, unit = clock
        kind = "time"
        hms = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
        resolved = f"{resolved}T{hms}" if day is not None else hms
    start, end = m.span()
    while end > start and text[end - 1] == " ":
        end -= 1
    return Quantity(
        start, end, text[start:end], NAN, NAN, NAN, unit, g("approx") or "", "", "time"
        if kind == "time" else "date", resolved,
    )  # fmt: skip


def _iso(year: int | None, month: int | None, day: int | None) -> str:
    if year is None:
        if month is None:
            return ""
        return f"--{month:02d}" + (f"-{day:02d}" if day is not None else "")
    if month is None:
        return f"{year:04d}"
    if day is None:
        return f"{year:04d}-{month:02d}"
    try:
        dt.date(year, month, day)
    except ValueError:
        return ""
    return f"{year:04d}-{month:02d}-{day:02d}"


_RANGE_GAP = re.compile(r" {0,2}(?:至|到|-{1,2}|~) {0,2}")
_RESOLVED_YM = re.compile(r"(\d{4})(?:-(\d{2}))?")


def _range_start(found: list[Quantity], norm: str, pos: int) -> tuple[int, int | None] | None:
    """(year, month) of the date that a range connector joins to ``pos``, if any."""
    if not found or found[-1].kind not in ("date", "time"):
        return None
    if not _RANGE_GAP.fullmatch(norm, found[-1].end, pos):
        return None
    m = _RESOLVED_YM.match(found[-1].resolved)
    if m is None:
        return None
    return int(m.group(1)), int(m.group(2)) if m.group(2) else None


def _part_before(norm: str, pos: int) -> tuple[str | None, int]:
    """The part-of-day word (上午, 下午 …) right before ``pos``, and where it starts."""
    p = pos
    while p > 0 and norm[p - 1] == " " and pos - p < 2:
        p -= 1
    for word in _PART_WORDS:
        if norm.startswith(word, p - len(word)):
            return word, p - len(word)
    return None, pos


def _time_quantity(m: re.Match[str], text: str, ref: RefDate | None) -> Quantity | None:
    window = fold(text[max(0, m.start() - 5) : m.start()])
    part, at = _part_before(window, len(window))
    start = m.start() - (len(window) - at)
    if m.group("chour") is None:
        # 3点 (three points) and 一时 (for a moment) are not times on their own
        has_minute = m.group("minute") is not None or m.group("half") is not None
        arabic = m.group("hour").isdigit()
        if part is None and not has_minute and not (arabic and m.group("hunit") == "时"):
            return None
    clock = _clock(m, part)
    if clock is None:
        return None
    hour, minute, second, unit = clock
    hms = f"{hour:02d}:{minute:02d}" + (f":{second:02d}" if second is not None else "")
    end = m.end()
    return Quantity(
        start, end, text[start:end], NAN, NAN, NAN, unit, m.group("approx") or "", "", "time", hms
    )


def _decade_quantity(m: re.Match[str], text: str, ref: RefDate | None) -> Quantity:
    """80年代 / 1980年代 / 八十年代 -> 1980/1989 (a two-digit decade is 19xx from 20 up)."""
    year = _small_int(m.group("dec"))
    if year < 100:
        year += 1900 if year >= 20 else 2000
    start, end = m.span()
    resolved = f"{year:04d}/{year + 9:04d}"
    return Quantity(start, end, text[start:end], NAN, NAN, NAN, "年代", "", "", "date", resolved)


def _quarter_quantity(m: re.Match[str], text: str, ref: RefDate | None) -> Quantity:
    q = _small_int(m.group("q"))
    year = _small_int(m.group("year")) if m.group("year") else (ref.year if ref else None)
    first, last = 3 * q - 2, 3 * q
    resolved = f"{year:04d}-{first:02d}/{year:04d}-{last:02d}" if year else f"Q{q}"
    start, end = m.span()
    return Quantity(start, end, text[start:end], NAN, NAN, NAN, "季度", "", "", "date", resolved)


# --------------------------------------------------------------------------- quantities


class Quantity(NamedTuple):
    """One quantity, date or time in a text; offsets are into that text (``text[start:end]``).

    A named tuple: the rules build thousands of them, several times faster than a dataclass."""

    start: int
    end: int
    text: str
    value: float
    value_low: float
    value_high: float
    unit: str
    qualifier: str
    subject: str
    kind: str
    resolved: str = ""
    subject_phrase: str = ""


_INCLUSIVE = r"(?: {0,2}[（(]含[）)])?"  # 1万(含)-5万元, 50万元（含）以上
_RANGE_JOIN = re.compile(rf"{_INCLUSIVE} {{0,2}}(?:-{{1,2}}|~|至|到) {{0,2}}")
_INCLUSIVE_RE = re.compile(_INCLUSIVE)
_RANGE_JOIN_FIRST = frozenset(" （(-~至到")  # the characters a _RANGE_JOIN match can start with
_CURRENCY_SIGN = {"$": "美元", "¥": "元", "€": "欧元", "£": "英镑"}
_ARTICLE_CLASSIFIERS = frozenset({"个", "种"})  # 一个 / 一种 = "a", not a count of one


@functools.cache
def _before_by_last_char() -> dict[str, list[Qualifier]]:
    table: dict[str, list[Qualifier]] = {}
    for q in _qualifiers()["before"]:
        table.setdefault(q.word[-1], []).append(q)
    return table


def _qualifier_before(ctx: _Text, start: int) -> tuple[Qualifier, int] | None:
    norm = ctx.norm
    lo = start
    while lo > 0 and norm[lo - 1] == " " and start - lo < 2:
        lo -= 1
    if lo == 0:
        return None
    for q in _before_by_last_char().get(norm[lo - 1], ()):
        w = len(q.word)
        if norm.startswith(q.word, lo - w) and lo - w >= 0:
            if w == 1 and ctx.token_at(lo - 1)[2] < lo - 1:
                continue  # 最近, 附近, 节约: the character belongs to another word
            return q, lo - w
    return None


@functools.cache
def _qualifiers_by_first_char(position: str) -> dict[str, list[Qualifier]]:
    table: dict[str, list[Qualifier]] = {}
    for q in _qualifiers()[position]:
        table.setdefault(q.word[0], []).append(q)  # keeps the longest-first order
    return table


def _qualifier_after(norm: str, pos: int, position: str) -> tuple[Qualifier, int] | None:
    p = pos
    while p < len(norm) and norm[p] == " " and p - pos < 2:
        p += 1
    if p >= len(norm):
        return None
    for q in _qualifiers_by_first_char(position).get(norm[p], ()):
        if norm.startswith(q.word, p):
            return q, p + len(q.word)
    return None


def _apply_bound(q: Qualifier, n: Numeral) -> tuple[float, float]:
    v = n.value
    if q.bound in ("at_least", "more_than"):
        return n.low, NAN
    if q.bound in ("at_most", "less_than"):
        return NAN, n.high
    if q.bound == "about":
        return NAN, NAN
    if q.bound == "plus":
        return v, v + _step(v)
    if q.bound == "order":
        return v, v * 10
    raise AssertionError(q.bound)


def extract(text: str, ref_date: object = None) -> list[Quantity]:
    """All quantities, dates and times in ``text``, in order.

    ``ref_date`` (the page date: ISO ``YYYY-MM-DD``/``YYYY-MM``, a ``date`` or None) completes dates
    written without a year (``3月14日`` → ``2020-03-14``).
    """
    if not isinstance(text, str):
        raise ValueError(f"extract expects a string, got {type(text).__name__}")
    ref = ref_date if isinstance(ref_date, RefDate) else _ref_date(ref_date, "ref_date")
    return _extract(text, ref)


def _extract(text: str, ref: RefDate | None) -> list[Quantity]:
    ctx = _Text(text)
    norm = ctx.norm
    masked = _masked(ctx)
    in_masked = _overlap_test(masked)
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    # dates and times first: their pieces never come out as counts
    readers = [(_DATE_RE, _date_quantity), (_TIME_RE, _time_quantity)]
    candidates = _DATETIME_START_NO_QUARTER.search
    if "季度" in norm:
        readers.insert(0, (_QUARTER_RE, _quarter_quantity))
        candidates = _DATETIME_START.search
    if "年代" in norm:
        readers.insert(0, (_DECADE_RE, _decade_quantity))
    pos = 0
    while True:
        c = candidates(norm, pos)
        if c is None:
            break
        p, q = c.start(), None
        for regex, build in readers:
            m = regex.match(norm, p)
            if m is None or m.end() == p or (in_masked is not None and in_masked(p, m.end())):
                continue
            if regex is _DATE_RE:
                q = _date_quantity(m, text, ref, _range_start(found, norm, p))
            else:
                q = build(m, text, ref)
            if q is not None:
                break
        if q is None:
            pos = p + 1
            continue
        found.append(q)
        taken.append((q.start, q.end))
        pos = max(p + 1, q.end)

    in_taken = _overlap_test(taken)
    spans = _scan(norm, masked)
    if in_taken is not None:
        spans = [s for s in spans if not in_taken(s.start, s.end)]
    numbers: list[Quantity] = []
    i, last_end = 0, 0
    while i < len(spans):
        span = spans[i]
        i += 1
        if span.start < last_end:
            continue  # inside the previous quantity (千 of 12千米, 两 of 两个亿)
        partner = None
        if i < len(spans) and norm[span.end : span.end + 1] in _RANGE_JOIN_FIRST:
            j = _RANGE_JOIN.match(norm, span.end)
            if j and j.end() == spans[i].start and not span.percent:
                partner = spans[i]
        quantity = _build(text, ctx, span, partner)
        if quantity is None:
            continue
        # 1万元--5万元: two quantities with the same unit joined by a range connector
        prev = numbers[-1] if numbers else None
        if prev is not None and _joins_range(norm, prev, quantity[0]):
            numbers[-1] = _merged_range(text, prev, quantity[0])
        else:
            numbers.extend(quantity)
        last_end = quantity[0].end
    found.extend(numbers)
    found.sort(key=lambda q: (q.start, q.end))
    return found


def _joins_range(norm: str, a: Quantity, b: Quantity) -> bool:
    if a.kind != b.kind or a.unit != b.unit or not a.unit or a.kind not in _RANGE_KINDS:
        return False
    if not (a.value < b.value) or a.qualifier or b.qualifier:
        return False
    join = _RANGE_JOIN.match(norm, a.end)
    return join is not None and join.end() == b.start


_RANGE_KINDS = frozenset({"count", "money", "percent", "duration"})


def _merged_range(text: str, a: Quantity, b: Quantity) -> Quantity:
    return Quantity(
        a.start, b.end, text[a.start : b.end], a.value, a.value_low, b.value_high, a.unit,
        "range", a.subject or b.subject, a.kind, "", a.subject_phrase or b.subject_phrase,
    )  # fmt: skip


@functools.cache
def _currency_words() -> tuple[tuple[str, str], ...]:
    """(surface, unit) of the currencies that can be written before an amount, longest first."""
    table = _units()[0]
    words = [(u.surface, u.unit) for u in table.values() if u.kind == "money"]
    words = [(w, u) for w, u in words if len(w) >= 2 and w != "块钱" and w != "毛钱"]
    return tuple(sorted(words, key=lambda x: -len(x[0])))


@functools.cache
def _currency_words_by_last_char() -> dict[str, list[tuple[str, str]]]:
    table: dict[str, list[tuple[str, str]]] = {}
    for word, unit in _currency_words():
        table.setdefault(word[-1], []).append((word, unit))  # keeps the longest-first order
    return table


def _currency_before(norm: str, start: int) -> str:
    lo = start
    while lo > 0 and norm[lo - 1] == " " and start - lo < 2:
        lo -= 1
    if lo == 0:
        return ""
    for word, unit in _currency_words_by_last_char().get(norm[lo - 1], ()):
        if norm.startswith(word, lo - len(word)) and lo >= len(word):
            return unit
    return ""


def _looks_like_code(norm: str, span: NumberSpan) -> bool:
    """G60, 5G, COVID-19, 0573: digits glued to Latin letters, or with a leading zero."""
    start = span.start
    if start > 0 and norm[start - 1].isascii() and norm[start - 1].isalpha():
        return True
    if start > 1 and norm[start - 1] in "-_/" and norm[start - 2].isascii():
        if norm[start - 2].isalnum():
            return True
    return span.text.isdigit() and len(span.text) >= 3 and span.text[0] == "0"


def _inner_qualifier(norm: str, end: int) -> tuple[Qualifier, int] | None:
    """多 / 余 / 来 between the numeral and its unit (16300多人次, 十来个)."""
    inner = _qualifier_after(norm, end, "inner")
    if inner is None:
        return None
    word, stop = inner[0].word, inner[1]
    if word == "来" and _unit_at(norm, stop) is None:
        return None  # 3年来 is "over 3 years", not "about 3"
    if word in ("多", "余") and not (_unit_or_end(norm, stop) or norm.startswith("的", stop)):
        return None  # 多名直播助理: 多 starts the next word (but 6亿多的报价 is 6亿+)
    return inner


_DIMES = re.compile(r"[零一二三四五六七八九两\d]{1,2}[毛角]")  # 十块三毛
_SECONDS = re.compile(r"([0-5]?\d(?:\.\d+)?)秒")


@dataclass(slots=True)
class _UnitHit:
    unit: Unit | None
    stop: int  # position after the unit (and after 多/半 read with it)
    inner: tuple[Qualifier, int] | None  # 多 of 两个多小时 joins the inner qualifier
    half: float = 0.0  # 一个半小时, 两年半
    magnitude: float = 1.0  # 两个亿
    noun_start: bool = False  # the would-be unit starts a noun (13亿人口, 数十万市民)
    extra: float = 0.0  # added after the magnitude: the seconds of 7分05秒


def _unit_after(
    ctx: _Text, pos: int, inner: tuple[Qualifier, int] | None, span_value: float | None = None
) -> _UnitHit:
    """The unit at ``pos`` with what may cling to it (个多, 个半, 半, 个亿, 块钱)."""
    norm = ctx.norm
    found = _unit_at(norm, pos)
    if found is None:
        return _UnitHit(None, pos, inner)
    unit, stop = found
    if (
        len(unit.surface) == 1
        and unit.surface != "个"
        and unit.kind in ("count", "duration")
        and _starts_word(ctx, stop - 1, stop)
    ):
        # 数十万市民, 13亿人口: 市 / 人 start the noun counted (个 always counts: 5个人)
        return _UnitHit(None, pos, inner, noun_start=True)
    if unit.surface == "大" and not (span_value is not None and 2 <= span_value <= 10):
        return _UnitHit(None, pos, inner)  # 四大举措, 十大品牌; but 十九大 is a congress
    if unit.surface == "块" and (
        norm[stop : stop + 1] in ("钱", "毛", "角")
        or _clause_final(norm, stop)
        or _DIMES.match(norm, stop)
    ):
        unit = _units()[0]["元"]  # 三块钱, 几十万块。 (but 三块地 is a count)
        if norm[stop : stop + 1] == "钱":
            stop += 1
    if unit.surface == "个" and stop < len(norm) and norm[stop] in _BIG_VALUE:
        # 两个亿: a colloquial 个 between the number and its magnitude
        nested = _unit_after(ctx, stop + 1, inner)
        if nested.unit is not None:
            nested.magnitude *= _BIG_VALUE[norm[stop]]
            return nested
    if unit.surface == "分" and (seconds := _SECONDS.match(norm, stop)):
        # 7分05秒: minutes and seconds of a clock or a race, read as one duration in seconds
        return _UnitHit(_units()[0]["秒"], seconds.end(), inner, magnitude=60.0,
                        extra=float(seconds.group(1)))  # fmt: skip
    half = 0.0
    if unit.surface == "个" and stop < len(norm) and norm[stop] in "多半":
        # 两个多小时 / 一个半小时: 个 + 多|半 + unit
        nested_unit = _unit_at(norm, stop + 1)
        if nested_unit is not None and nested_unit[0].kind == "duration":
            if norm[stop] == "多":
                inner = (Qualifier("多", "inner", "plus"), stop + 1)
            else:
                half = 0.5
            unit, stop = nested_unit
    if stop < len(norm) and norm[stop] == "半" and not half:
        if unit.kind == "duration" or unit.side == "before":  # 两年半, 三斤半
            half, stop = 0.5, stop + 1
    return _UnitHit(unit, stop, inner, half)


def _build(
    text: str, ctx: _Text, span: NumberSpan, partner: NumberSpan | None
) -> list[Quantity] | None:
    """The quantity around one numeral (and the second numeral of a range), or None."""
    norm = ctx.norm
    if _looks_like_code(norm, span):
        return None
    start, end = span.start, span.end
    value, low, high = span.value, span.low, span.high
    qualifiers = [span.marker] if span.marker else []  # 多 / 几 / 数 / 上 / range in the numeral

    if partner is not None and partner.value > span.value:
        # a range: 3至5个, 两到三万 (= 2万-3万), 1万-5万元
        mult = _range_multiplier(span.text, partner.text)
        if mult > 1 and span.value * mult <= partner.value:
            value = low = span.value * mult
        high, end = partner.high, partner.end
        qualifiers.append("range")

    kind, unit_name, side, scale = "count", "", "after", 1.0
    ordinal = start > 0 and norm[start - 1] == "第"
    if ordinal:
        start -= 1
    elif start > 0 and norm[start - 1] in _CURRENCY_SIGN:
        kind, unit_name, side = "money", _CURRENCY_SIGN[norm[start - 1]], "before"
        start -= 1
    if span.percent:
        kind, unit_name, side = "percent", "%", "before"
    if start >= 2 and norm.startswith("零下", start - 2):
        # 零下5摄氏度: below zero
        value, low, high, start = -value, -high, -low, start - 2

    inner, unit, pos, half, noun_start = None, None, end, 0.0, False
    if not span.percent and not span.fraction:
        inner = _inner_qualifier(norm, end)
        pos = inner[1] if inner else end
        if kind == "count":
            hit = _unit_after(ctx, pos, inner, span.value)
            unit, pos, inner, half = hit.unit, hit.stop, hit.inner, hit.half
            noun_start = hit.noun_start
            mag, extra = hit.magnitude, hit.extra
            value, low, high = value * mag + extra, low * mag + extra, high * mag + extra
    if unit is None and kind == "count" and not ordinal:
        if not _bare_number_ok(span):
            return None  # 十 in “十”即…, 两 in 两地: a Chinese numeral needs a unit
        if not span.chinese and not span.fraction and not noun_start:
            if _bare_arabic_skipped(norm, span, pos):
                return None
    if span.chinese and not span.fraction and not span.percent:
        if unit is not None and unit.surface in _ARTICLE_CLASSIFIERS:
            if span.text.replace(" ", "") == "一":
                return None  # 一个缩影, 一种方式: the indefinite article
        if partner is None and _skip_as_word(ctx, span):
            return None  # (两到三万: 两到 is not a word here)
    if unit is not None:
        kind, unit_name, side, scale = unit.kind, unit.unit, unit.side, unit.scale
        ordinal = ordinal or kind == "ordinal"
        if unit.unit == "年" and _year_like(span):
            return None  # 2020 年 with an odd layout: a year, not a duration
        if unit.kind == "money" and unit.unit == "元":
            pos, value, low, high = _money_tail(norm, pos, value, low, high)
            # 三万元欧元, 6000元日币: a currency right after 元 names it;
            # 港币三千八百四十元, 新台币 95.3 亿元: so does one right before the number
            named = _unit_at(norm, pos)
            if named is not None and named[0].kind == "money" and named[0].surface != "元":
                unit_name, pos = named[0].unit, named[1]
            else:
                unit_name = _currency_before(norm, start) or unit_name
    if ordinal:
        kind = "ordinal"
    value, low, high = value + half, low + half, high + half

    before = None if ordinal else _qualifier_before(ctx, start)
    inclusive = _INCLUSIVE_RE.match(norm, pos)
    after = None if ordinal else _qualifier_after(norm, inclusive.end(), "after")
    if after is not None and after[0].word in ("多", "余"):
        if inner is not None or not (kind in ("duration", "money") or side == "before"):
            after = None  # 5个多部门: 多 starts the next word; 多/余 after a unit only for measures
    for found in (before, inner, after):
        if found is not None:
            qualifiers.append(found[0].word)
            low, high = _apply_bound(found[0], Numeral(value, low, high, span.marker))
    if before is not None:
        start = before[1]
    if after is not None:
        pos = after[1]
    if ordinal:
        low = high = value
    value, low, high = value * scale, low * scale, high * scale
    end = max(pos, end)
    while end > start and norm[end - 1] == " ":
        end -= 1
    subjects = _subjects(ctx, start, end, kind, side, unit_name if unit else "")
    qualifier = ",".join(dict.fromkeys(qualifiers))
    return [
        Quantity(
            start, end, text[start:end], float(value), float(low), float(high), unit_name,
            qualifier, subject, kind, "", phrase,
        )
        for subject, phrase in subjects
    ]  # fmt: skip


def _unit_or_end(norm: str, pos: int) -> bool:
    if pos >= len(norm) or _CLAUSE_STOP.match(norm, pos) or norm[pos] in "”」\"' ":
        return True
    return _unit_at(norm, pos) is not None


def _range_multiplier(first: str, second: str) -> float:
    """The magnitude the first numeral of a range borrows from the second: 两到三万 -> 万,
    十六至二十五万 -> 万, 八百到九百亿 -> 亿, 两~3百 -> 百; 1万-5万 borrows nothing."""
    a, b = first.replace(" ", ""), second.replace(" ", "")
    if any(ch in _BIG_VALUE for ch in a):
        return 1.0
    mult, i = 1.0, len(b)
    while i > 0 and b[i - 1] in _BIG_VALUE:
        mult *= _BIG_VALUE[b[i - 1]]
        i -= 1
    if mult == 1.0 and i >= 2 and b[i - 1] in "百千佰仟" and b[i - 2] not in _UNIT_VALUE:
        if not any(ch in _UNIT_VALUE for ch in a):
            mult = _UNIT_VALUE[b[i - 1]]  # 两~3百 -> 2百
    return mult


def _year_like(span: NumberSpan) -> bool:
    return span.low == span.high and span.value == int(span.value) and 1000 <= span.value <= 2999


def _bare_number_ok(span: NumberSpan) -> bool:
    """A numeral with no unit: Arabic numbers stand; Chinese ones only when large or vague."""
    if span.fraction:
        return True
    if not span.chinese:
        return True
    if span.marker in ("数", "几", "上", "多", "余"):
        return True
    return abs(span.value) >= 1e4 and not _skip_plain_big(span)


_SCORE_AFTER = re.compile(r"[-:/](?=\d)")
_SCORE_BEFORE = re.compile(r"\d[-:/]$")


def _bare_arabic_skipped(norm: str, span: NumberSpan, pos: int) -> bool:
    """An Arabic number without a unit is a quantity only where a number can stand alone: not
    glued to a following Chinese word or Latin letter (508汽车, 2009中国慈善, 01A are names), not
    a score, ratio or code (3-1, 2:0, 08/09/17), not a phone or order number (8+ digits), not a
    sequel in a title (《夺宝奇兵4》) and not a list marker (1、 at the start of a line)."""
    p = pos
    while p < len(norm) and norm[p] == " " and p - pos < 2:
        p += 1
    nxt = norm[p] if p < len(norm) else ""
    if nxt == "的" or (
        nxt and "\u4e00" <= nxt <= "\u9fff" and any(c in _BIG_VALUE for c in span.text)
    ):
        return False  # 500万的房产, 30万留学生: a large amount before its noun
    if nxt and ("\u4e00" <= nxt <= "\u9fff" or (nxt.isascii() and nxt.isalpha()) or nxt == "》"):
        return True
    if _SCORE_AFTER.match(norm, pos) or _SCORE_BEFORE.search(
        norm, max(0, span.start - 2), span.start
    ):
        return True
    if span.text.isdigit() and len(span.text) >= 8:
        return True
    if (
        pos < len(norm)
        and norm[pos] in "、.)）"
        and not (pos + 1 < len(norm) and norm[pos + 1].isdigit())
    ):
        k = span.start - 1
        if (
            k < 0
            or norm[k] in "\n(（ \t"
            or not norm[k].isprintable()
            or "\ue000" <= norm[k] <= "\uf8ff"
        ):
            return True
    return False


def _skip_plain_big(span: NumberSpan) -> bool:
    return span.text.replace(" ", "") in ("千万", "万万", "亿万")


def _money_tail(norm: str, pos: int, value: float, low: float, high: float):
    """元 followed by 角 / 分 (356元2角4分 = 356.24)."""
    extra = 0.0
    p = pos
    for unit_char, factor in (("角", 0.1), ("毛", 0.1), ("分", 0.01)):
        m = _match_number(norm, p)
        if m is None or not m.plain:
            break
        stop = m.end
        if stop >= len(norm) or norm[stop] != unit_char:
            continue
        try:
            extra += _evaluate(m.plain).value * factor
        except ValueError:
            break
        p = stop + 1
    if p > pos:
        if p < len(norm) and norm[p] == "钱":
            p += 1
        return p, value + extra, low + extra, high + extra
    if norm.startswith("整", pos):
        return pos + 1, value, low, high
    return pos, value, low, high


# --------------------------------------------------------------------------- subjects

_NOMINAL = frozenset({"n", "nr", "ns", "nt", "nz", "ng", "vn", "an", "l", "j", "nrt", "nrfg"})
_MODIFIER = _NOMINAL | {"a", "b", "ag", "f", "s", "nw", "eng", "m", "q"}
_COORDINATORS = frozenset({"和", "与", "及", "以及", "、", "同"})


def _subjects(
    ctx: _Text, start: int, end: int, kind: str, side: str, unit: str
) -> list[tuple[str, str]]:
    """[(subject, subject_phrase)]: usually one, several when 均/都 distributes the number."""
    if kind in ("date", "time"):
        return [("", "")]
    order = ("after", "before") if side == "after" and kind != "percent" else ("before", "after")
    if kind in ("ordinal", "duration"):
        # 排第八名, 一天上涨2亿元: the words before an ordinal or a span of time are not what it
        # ranks or lasts; only a noun after it is (两个小时的会议)
        order = ("after",)
    for where in order:
        if where == "after":
            found = _subject_after(ctx, start, end, unit, allow_de=kind in ("count", "duration"))
            if found[0]:
                return [found]
        else:
            found_list = _subject_before(ctx, start, _in_listing(ctx, start, end, kind, unit))
            if found_list:
                return found_list
    return [("", "")]


def _words_after(ctx: _Text, start: int, end: int) -> list[tuple[str, str]]:
    """(word, tag) of the tokens from ``end`` to the end of the clause window around ``start``,
    spaces left out."""
    (tokens, starts), lo, hi = ctx.window(start)
    if end >= hi:
        return []
    e, last = end - lo, hi - lo
    # tokens are contiguous and sorted: only the one with the last start <= end can hold end
    k = bisect.bisect_right(starts, e) - 1
    if (k >= 0 and starts[k] < e < tokens[k][3]) or not tokens or tokens[-1][3] < last:
        # the quantity ends inside a token: segment the rest alone
        tokens, _ = _cut(ctx.norm[end:hi])
        last = hi - end
    else:
        tokens = tokens[bisect.bisect_left(starts, e) :]
    return [(w, t) for w, t, _, we in tokens if we <= last and not w.isspace()]


def _words_before(ctx: _Text, start: int) -> list[tuple[str, str]]:
    """(word, tag) of the tokens from the start of the clause window around ``start`` up to it,
    spaces and quotes left out."""
    (tokens, starts), lo, _ = ctx.window(start)
    if start <= lo:
        return []
    s = start - lo
    k = bisect.bisect_right(starts, s) - 1
    if (k >= 0 and starts[k] < s < tokens[k][3]) or not tokens:
        tokens, _ = _cut(ctx.norm[lo:start])  # (a window's first token starts at its lo)
    else:
        tokens = tokens[: bisect.bisect_left(starts, s)]
    return [
        (w, t) for w, t, _, we in tokens if we <= s and not w.isspace() and w not in "“”「」\"'"
    ]


def _subject_after(ctx: _Text, start: int, end: int, unit: str, allow_de: bool) -> tuple[str, str]:
    tokens = _words_after(ctx, start, end)
    if not tokens:
        return "", ""
    if allow_de and tokens[0][0] == "的":
        tokens = tokens[1:]
    phrase: list[tuple[str, str]] = []
    for token in tokens:
        word = token[0]
        if word in "“”「」\"'":
            phrase.append((word, "x"))
            continue
        tag = _tag(token)
        if tag == "i" or (tag == "nz" and len(word) >= 4) or tag not in _MODIFIER:
            break
        if tag in ("m", "q") and phrase:
            break
        phrase.append((word, tag))
    # the head is the last nominal token of the phrase
    heads = [k for k, (w, t) in enumerate(phrase) if t in _NOMINAL]
    if not heads:
        # 四大举措。: a lone word right before the end of the clause is the head anyway
        if not phrase and len(tokens) == 1 and len(tokens[0][0]) >= 2:
            if _tag(tokens[0]) not in _FUNCTION_TAGS:
                return tokens[0][0], tokens[0][0]
        return "", ""
    k = heads[-1]
    head = phrase[k][0]
    if unit in _PERSON_UNITS and head in _word_list("collectives.txt"):
        earlier = [j for j in heads if j < k]
        if earlier:
            head = phrase[earlier[-1]][0]
    words = [w for w, _ in phrase[: heads[-1] + 1]]
    return head, _balanced("".join(words))


def _balanced(phrase: str) -> str:
    """Drop an unpaired quote at either end (“驻点招工”工作组 keeps both, 工作组” loses one)."""
    if phrase[:1] in "“「" and "”" not in phrase and "」" not in phrase:
        phrase = phrase[1:]
    if phrase[-1:] in "”」" and "“" not in phrase and "「" not in phrase:
        phrase = phrase[:-1]
    return phrase


def _clause_final(norm: str, end: int) -> bool:
    p = end
    while p < len(norm) and norm[p] == " ":
        p += 1
    return p >= len(norm) or _CLAUSE_STOP.match(norm, p) is not None


_NOT_HEAD_TAGS = frozenset(
    {"x", "m", "q", "r", "t", "c", "f", "a", "ad", "ag", "z", "y", "e", "o", "p", "u", "v", "d"}
)


def _in_listing(ctx: _Text, start: int, end: int, kind: str, unit: str) -> bool:
    """包车132辆、包列2班、包机1架: a count ending an enumerated item (、 before or after it)."""
    if kind != "count" or not unit or not _clause_final(ctx.norm, end):
        return False
    norm = ctx.norm
    p = end
    while p < len(norm) and norm[p] == " ":
        p += 1
    lo = ctx.clause(start)[0]
    return norm[p : p + 1] == "、" or (lo > 0 and norm[lo - 1] == "、")


def _subject_before(ctx: _Text, start: int, listing: bool) -> list[tuple[str, str]]:
    tokens = _words_before(ctx, start)
    skip = _word_list("subject_skip.txt")
    distributive = False
    while tokens and (
        tokens[-1][0] in skip or _tag(tokens[-1]) in ("d", "p", "uj", "ul", "uz", "ug", "ud", "y")
    ):
        if tokens[-1][0] in _word_list("distributive.txt"):
            distributive = True
        tokens.pop()
    verb_head = bool(tokens) and _tag(tokens[-1]) == "v" and listing
    if not tokens or tokens[-1][0] == "等":
        return []
    if _tag(tokens[-1]) in _NOT_HEAD_TAGS and not verb_head:
        # 取得81万港元, 落实一张督促单: a verb before the number governs it (and whatever comes
        # before the verb is not what is counted); only in a listing (包车132辆、包列2班) is the
        # word before the number the thing counted
        return []
    subjects = [_noun_before(tokens)]
    if distributive:
        # 复工率和复产率均达到100%: one row per coordinated noun, in reading order
        while tokens and tokens[-1][0] in _COORDINATORS:
            tokens.pop()
            if not tokens or _tag(tokens[-1]) in ("x", "m", "q", "r", "t", "c"):
                break
            subjects.insert(0, _noun_before(tokens))
    return [(s, s) for s in subjects if s] or []


def _noun_before(tokens: list[tuple[str, str]]) -> str:
    """Pop and return the compound noun at the end of ``tokens`` (head + noun modifiers)."""
    word, _ = tokens.pop()
    head = word
    # 观看 + 量, 点 + 赞 + 量: a one-character head joins the word before it
    while tokens and (len(head) < 2 or (len(tokens[-1][0]) == 1 and len(head) < 4)):
        if _tag(tokens[-1]) in _FUNCTION_TAGS:
            break
        head = tokens.pop()[0] + head
    while tokens and _tag(tokens[-1]) in _NOMINAL and _tag(tokens[-1]) not in ("nr", "ns", "nt"):
        if len(head) + len(tokens[-1][0]) > 8:
            break
        head = tokens.pop()[0] + head
    return head


# --------------------------------------------------------------------------- articles


def _empty_frame() -> pd.DataFrame:
    frame = pd.DataFrame({c: pd.Series(dtype="object") for c in QUANTITY_COLUMNS})
    return _typed(frame)


_INT_COLUMNS = ("sentence_id", "start", "end")
_FLOAT_COLUMNS = ("value", "value_low", "value_high")


def _typed(frame: pd.DataFrame) -> pd.DataFrame:
    for c in _INT_COLUMNS:
        frame[c] = frame[c].astype("int64")
    for c in _FLOAT_COLUMNS:
        frame[c] = frame[c].astype("float64")
    for c in QUANTITY_COLUMNS:
        if c not in _INT_COLUMNS and c not in _FLOAT_COLUMNS:
            frame[c] = frame[c].astype("str")
    return frame


def _article_rows(article_id: object, body: str, ref: RefDate | None, rows: list[tuple]) -> None:
    """Append the rows of one body to ``rows``."""
    spans = split_sentences(body)
    starts = [s for s, _ in spans]
    for q in _extract(body, ref):
        k = max(0, bisect.bisect_right(starts, q.start) - 1)
        s, e = spans[k] if spans else (0, len(body))
        rows.append(
            (
                article_id, k, body[s:e], q.start, q.end, q.text, q.value, q.value_low,
                q.value_high, q.unit, q.qualifier, q.subject, q.kind, q.resolved, q.subject_phrase,
            )
        )  # fmt: skip


def quantities(articles: pd.DataFrame, page_date: str | dt.date | None = None) -> pd.DataFrame:
    """One row per quantity, date or time in each article's ``body``.

    ``articles`` needs ``article_id`` and ``body``; an optional ``date`` column (ISO ``YYYY-MM-DD``
    or ``YYYY-MM``, from the page metadata) resolves dates written without a year, and an explicit
    ``page_date`` wins over it. Columns: ``QUANTITY_COLUMNS`` (offsets are into ``body``, and
    ``body[start:end] == text``).
    """
    if not isinstance(articles, pd.DataFrame):
        raise ValueError(f"quantities expects a DataFrame, got {type(articles).__name__}")
    missing = [c for c in ("article_id", "body") if c not in articles.columns]
    if missing:
        raise ValueError(f"articles frame lacks column(s) {missing}; it needs article_id and body")
    explicit = _ref_date(page_date, "page_date") if page_date is not None else None
    dates = articles["date"].tolist() if "date" in articles.columns else [None] * len(articles)
    rows = []
    # plain lists: iterating an Arrow-backed column boxes each value far more slowly
    for article_id, body, date in zip(
        articles["article_id"].tolist(), articles["body"].tolist(), dates, strict=True
    ):
        if not isinstance(body, str):
            raise ValueError(f"article {article_id!r}: body is {type(body).__name__}, not a string")
        ref = explicit or _ref_date(date, f"article {article_id!r}: date")
        _article_rows(article_id, body, ref, rows)
    if not rows:
        return _empty_frame()
    if not all(type(row[0]) is str for row in rows):
        return _typed(pd.DataFrame(rows, columns=QUANTITY_COLUMNS))  # ids of other types
    # column by column: what _typed gives (every other text column holds str), without a frame
    # of objects first
    data = {}
    for name, values in zip(QUANTITY_COLUMNS, zip(*rows, strict=True), strict=True):
        if name in _INT_COLUMNS:
            data[name] = np.array(values, dtype="int64")
        elif name in _FLOAT_COLUMNS:
            data[name] = np.array(values, dtype="float64")
        else:
            data[name] = pd.array(values, dtype="str")
    return pd.DataFrame(data)


__all__ = [
    "KINDS",
    "QUANTITY_COLUMNS",
    "NumberSpan",
    "Quantity",
    "QuantityResourceError",
    "extract",
    "find_numbers",
    "fold",
    "parse_number",
    "quantities",
]
