"""Normalisation that keeps a map back to the source.

A normalised string is a list of :class:`Piece` s, each a run of characters copied (with
full-width digits and Latin letters folded to half-width, a 1:1 change) from one place of one
source line. So every normalised offset maps back to a 1-based source line and column, and
deletions (justification spaces, indents) are simply the gaps between pieces.
"""

from __future__ import annotations

import bisect
import operator
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import Final, NamedTuple, SupportsIndex

from ._native import adopt

# Module constants are Final: the native build keeps them in C statics (see analysis/layout.py).
CJK: Final = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"


def char_folder(table: dict[str, str], frequent: str = "") -> Callable[[str], str]:
    """A function that replaces each character that is a key of ``table`` by its value (one
    character each, so offsets never move) and returns ``text`` itself when nothing changes.

    ``str.translate`` looks every character up in a dict, and ``re.sub`` calls back once per
    match: the ``frequent`` characters go through ``str.replace``, a regex finds the rest.
    """
    changes = {k: v for k, v in table.items() if k != v}
    if any(v in changes for v in changes.values()):
        raise ValueError("a replacement is itself replaced: the result would depend on order")
    pairs = [(ch, changes[ch]) for ch in frequent]
    rare = re.compile("[" + "".join(re.escape(k) for k in changes if k not in frequent) + "]")
    get = changes.__getitem__

    def one(m: re.Match[str]) -> str:
        return get(m.group())

    def fold(text: str) -> str:
        for ch, to in pairs:
            if ch in text:
                text = text.replace(ch, to)
        return rare.sub(one, text) if rare.search(text) else text

    return fold


_FOLD_CHARS: Final = {chr(0xFF10 + i): chr(ord("0") + i) for i in range(10)}
_FOLD_CHARS.update({chr(0xFF21 + i): chr(ord("A") + i) for i in range(26)})
_FOLD_CHARS.update({chr(0xFF41 + i): chr(ord("a") + i) for i in range(26)})
# (and a tab, which some extractions print for a gap on the line: one space, as other gaps)
_FOLD_CHARS.update({"\uff05": "%", "\u3000": " ", "\u00a0": " ", "\t": " "})
# the other fixed-width and no-break spaces a PDF extraction may print
_FOLD_CHARS.update({chr(c): " " for c in (*range(0x2000, 0x200B), 0x202F, 0x205F)})
_fold_width = char_folder(_FOLD_CHARS)  # foldable characters are rare: all through the regex


def fold_width(text: str) -> str:
    """Fold full-width digits, Latin letters and ％ to half-width; ideographic, no-break and
    fixed-width spaces and tabs to space."""
    return _fold_width(text)


# Justification spaces: between a digit and a digit/CJK/% or between CJK and a digit; between
# a Latin word and CJK too (新建 5G 基站 -> 新建5G基站, as the headline prints it); a Latin word
# keeps its space before a number (Windows 10). And in running text, inside a two-character
# name of a list of names, padded to the width of three (市领导钱国良、方卫平、徐 立等参加).
_JUSTIFY_RUN: Final = (
    # (not between two decimals, the cells of a table's row: 3.20 3.60, nor between a count and
    # a decimal another cell follows: 太仓港区 16 28.4 39.6%, but 1 6.5 公里, 8 273.5亿元)
    # (nor between a number and what stands two spaces apart or more from it, a table's cells:
    # 平湖中学  480  240)
    # (nor between two times of day: 8:00—11:30 13:30—17:00)
    rf"(?<=[0-9])(?<!\.[0-9])(?<!\.[0-9]{{2}})(?<!\.[0-9]{{3}})[ \t]"
    rf"(?=[{CJK}%]|(?<![:：][0-9]{{2}}[ \t])(?:[0-9]{{3}}(?![0-9])|[0-9](?![0-9]*\.[0-9]+[ \t]+[-+]?[0-9])))"
    rf"|(?<=[0-9])[ \t](?=[{CJK}%]|(?<![:：][0-9]{{2}}[ \t])[0-9]+(?![0-9]*\.[0-9]))"
    rf"|(?<=[{CJK}])(?:[ \t]+(?=[A-Za-z])|[ \t](?=[0-9]))"
    rf"|(?<=[A-Za-z])[ \t]+(?=[{CJK}])"
    rf"|(?<=[0-9][.])[ \t]+(?=[0-9])|(?<=[0-9]%)[ \t]+(?=[0-9{CJK}])"
    # (the last name before the verb of the list: 区领导张卫东、吴 敏参加调研)
    rf"|(?<=、[{CJK}])[ \t]+(?=[{CJK}](?:[、等]|参加|出席|陪同|$))"
    # (the list's first name, after 领导 too: 县领导周 敏、李建华)
    rf"|(?:(?<=^[{CJK}])|(?<=[，。：（][{CJK}])|(?<=领导[{CJK}]))[ \t]+(?=[{CJK}]、[{CJK}]{{2,3}}(?:[、等]|$))"
    # (and beside a full-width stop or comma, which carries its own space: 村民， 20多名)
    rf"|(?<=[，。、；：？！])[ \t]+|[ \t]+(?=[，。、；：？！])"
)
# In name lines (bylines, lone names) a space between two single CJK characters is justification:
# 王 强 -> 王强, ■记 者 -> 记者; 王强 徐佳丽 keeps its separating space.
# (摄 after the names is the photo credit's verb, not a name's last character: 王 强 摄; nor is
# 文 of 文/摄 after them: 金 燕 文/摄)
_NAME_JUSTIFY_RUN: Final = (
    rf"(?:(?<=^[{CJK}])|(?<=[^{CJK}][{CJK}]))[ \t]+(?!摄)(?=[{CJK}](?![{CJK}/／]))"
)
# What is dropped inside a line, found in one pass: a justification run whole (each matches a
# whole run of spaces or none of it), else all but the first space of a run. (The leading
# lookahead fails fast on the many characters that are not spaces.)
# Invisible characters (zero-width space and joiners, word joiner, a BOM inside the text) are
# dropped wherever they stand, like whitespace.
INVISIBLE: Final = "\u200b\u200c\u200d\u2060\ufeff"
_DROP: Final = re.compile(
    rf"(?=[ \t{INVISIBLE}])(?:[{INVISIBLE}]+|{_JUSTIFY_RUN}|(?<=[ \t])[ \t]+)"
)
_NAME_DROP: Final = re.compile(
    rf"(?=[ \t{INVISIBLE}])(?:[{INVISIBLE}]+|{_JUSTIFY_RUN}|{_NAME_JUSTIFY_RUN}|(?<=[ \t])[ \t]+)"
)
_NEEDS_WORK: Final = re.compile(rf"\s|[{INVISIBLE}]")
# what a line's indent and trailing space may hold
BLANKS: Final = "".join(chr(c) for c in range(0x3001) if chr(c).isspace()) + INVISIBLE
_new_tuple = tuple.__new__


class Piece(NamedTuple):
    """A run of normalised characters copied from ``line`` starting at 1-based ``col``
    (``line == 0``: a separator inserted by the layout, with no source)."""

    text: str
    line: int
    col: int


@dataclass
class Span:
    """Normalised text as pieces; ``text`` and source positions derive from them."""

    pieces: list[Piece] = field(default_factory=list)

    @property
    def text(self) -> str:
        pieces = self.pieces
        if len(pieces) == 1:  # most spans: (part of) one line
            return pieces[0][0]
        return "".join([p[0] for p in pieces])

    def __len__(self) -> int:
        return sum(len(p.text) for p in self.pieces)

    def __bool__(self) -> bool:
        return any(p.text for p in self.pieces)

    @property
    def line_start(self) -> int:
        return min((p.line for p in self.pieces if p.line > 0), default=0)

    @property
    def line_end(self) -> int:
        return max((p.line for p in self.pieces if p.line > 0), default=0)

    def extend(self, other: Span, sep: str = "") -> Span:
        """A new Span: self, then ``sep`` (inserted, no source), then other."""
        pieces = list(self.pieces)
        if sep and pieces and other:
            pieces.append(Piece(sep, 0, 0))
        pieces.extend(other.pieces)
        return Span(pieces)

    def slice(self, start: int, end: int | None = None) -> Span:
        """The sub-span of normalised offsets [start, end)."""
        # (no clamp of ``end`` to the length needed: no piece reaches past it)
        out: list[Piece] = []
        pos = 0
        for text, line, col in self.pieces:
            a = pos
            pos = b = a + len(text)
            lo = start if start > a else a
            hi = b if end is None or end > b else end
            if lo < hi:
                out.append(
                    _new_tuple(Piece, (text[lo - a : hi - a], line, col + (lo - a) if line else 0))
                )
        return Span(out)

    def strip(self) -> Span:
        text = self.text
        left = len(text) - len(text.lstrip())
        right = len(text.rstrip())
        return self.slice(left, right)

    def source_map(self) -> list[tuple[int, int, int]]:
        """[(offset, line, col)] per piece: offset into ``text`` where a source run starts."""
        out, pos = [], 0
        for p in self.pieces:
            out.append((pos, p.line, p.col))
            pos += len(p.text)
        return out


def normalize_line(raw: str, line: int, names: bool = False) -> Span:
    """Normalise one source line: fold widths, drop justification spaces and indents.

    Other runs of spaces shrink to one. ``names=True`` also joins single characters split by
    justification (王 强 -> 王强), for bylines and lone names.
    """
    folded = fold_width(raw)
    if not _NEEDS_WORK.search(folded):  # most lines: nothing to drop, one piece
        return Span([_new_tuple(Piece, (folded, line, 1))] if folded else [])
    return Span(normalize_folded(folded, line, names))


def normalize_folded(
    folded: str, line: int, names: bool = False, surnames: frozenset[str] = frozenset()
) -> list[Piece]:
    """The pieces of :func:`normalize_line` for a line whose widths are already folded.
    ``surnames`` (with ``names``): where single characters spaced out are two names or more,
    the space between two names stays (周 磊 孙 芳 -> 周磊 孙芳)."""
    # Indents and trailing space go; inside, the drops come in order and never overlap (a
    # justification run lies between two printed characters).
    pos = len(folded) - len(folded.lstrip(BLANKS))
    end = len(folded.rstrip(BLANKS))
    pieces: list[Piece] = []
    keep = name_breaks(folded, surnames) if names and surnames else ()
    for m in (_NAME_DROP if names else _DROP).finditer(folded, pos, end):
        start, stop = m.span()
        if start in keep:
            continue
        if start > pos:
            pieces.append(_new_tuple(Piece, (folded[pos:start], line, pos + 1)))
        pos = stop
    if end > pos:
        pieces.append(_new_tuple(Piece, (folded[pos:end], line, pos + 1)))
    return pieces


# in a table's row every space parts two cells: only invisible characters and all but the
# first space of a run go
_CELL_DROP: Final = re.compile(rf"[{INVISIBLE}]+|(?<=[ \t])[ \t]+")


def normalize_cells(raw: str, line: int) -> Span:
    """Normalise a line read as a table's row (少儿书法 6—12岁 16 960): widths folded, indent
    and trailing space dropped, one space kept between cells, where :func:`normalize_line`
    would take a space beside a figure for justification."""
    folded = fold_width(raw)
    pos = len(folded) - len(folded.lstrip(BLANKS))
    end = len(folded.rstrip(BLANKS))
    pieces: list[Piece] = []
    for m in _CELL_DROP.finditer(folded, pos, end):
        start, stop = m.span()
        if start > pos:
            pieces.append(_new_tuple(Piece, (folded[pos:start], line, pos + 1)))
        pos = stop
    if end > pos:
        pieces.append(_new_tuple(Piece, (folded[pos:end], line, pos + 1)))
    return Span(pieces)


_NAME_JUSTIFY: Final = re.compile(_NAME_JUSTIFY_RUN)
# single characters spaced out: 周 磊 孙 芳 (each stands alone between spaces)
# (a byline's marker may be glued to the first: ■记 者 钱 欣; a credit's bracket may close on
# the last: （记者 胡 浩 王 鹏）)
_SPACED_SINGLES: Final = re.compile(rf"(?<![^\s■□◆●▲◇])[{CJK}](?:[ \t]+[{CJK}](?![^\s）)]))+")


def name_breaks(text: str, surnames: frozenset[str]) -> set[int]:
    """Where a run of single characters spaced out splits into names of two or three
    characters, each opening with a surname: the offsets of the spaces between the names.
    周 磊 孙 芳 is 周磊 and 孙芳; 王 强 徐 佳 丽 is 王强 and 徐佳丽; a run that splits no such way,
    or only one (欧 阳 明 华), keeps none."""
    keep: set[int] = set()
    if text.count(" ") + text.count("\t") < 3:  # (four characters spaced out at least)
        return keep
    for run in _SPACED_SINGLES.finditer(text):
        chars = run.group().split()
        if len(chars) < 4:
            continue
        # (a role spaced out as its names are opens the run: 记 者 钱 欣 is 记者 and 钱欣)
        role = next((n for n in (2, 3, 4) if "".join(chars[:n]) in _ROLES), 0)
        cut = ([role] if role and len(chars) - role >= 2 else []) + [
            role + k for k in _name_cut(chars[role:], surnames)
        ]
        if not cut:
            continue
        gaps = [m.start() for m in re.finditer(r"[ \t]+", run.group())]
        keep.update(run.start() + gaps[k - 1] for k in cut)
    return keep


# roles a byline may spell out letter-spaced like the names after them
_ROLES: Final = frozenset({"记者", "摄影", "通讯员", "实习生", "见习记者", "特约记者", "本报记者"})


def _name_cut(chars: list[str], surnames: frozenset[str]) -> list[int]:
    """Where ``chars`` split into two or more names of 2-3 characters (3-4 after a compound
    surname), each opening with a surname: the split into the fewest names, the earliest cut on
    a tie (王强 | 徐佳丽: 佳 opens no name). [] when there is no such split, or one name."""
    n = len(chars)
    best: dict[int, list[int]] = {0: []}  # position -> where the names before it end
    for i in range(n):
        if i not in best:
            continue
        if i + 1 < n and chars[i] + chars[i + 1] in surnames:
            sizes: tuple[int, ...] = (4, 3)  # a compound surname: 欧阳明华, 司马光
        elif chars[i] in surnames:
            sizes = (3, 2)
        else:
            continue
        for size in sizes:
            j = i + size
            if j <= n and (j not in best or len(best[i]) + 1 < len(best[j])):
                best[j] = [*best[i], j]
    return best[n][:-1] if n in best else []  # (the last name ends the run: no cut)


def split_glued_names(text: str, surnames: frozenset[str]) -> list[str]:
    """Names printed with nothing between them, split where each opens with a surname
    (许文涛陆佳琪 -> 许文涛, 陆佳琪); ``[text]`` when no such split holds."""
    cut = _name_cut(list(text), surnames)
    return [text[a:b] for a, b in zip([0, *cut], [*cut, len(text)], strict=True)]


def squeeze_names(span: Span, surnames: frozenset[str] = frozenset()) -> Span:
    """``span`` without the justification spaces inside names (记者 王 强 -> 记者 王强), for
    names printed in running text, such as a dateline's credit (``surnames``: see
    :func:`name_breaks`)."""
    text = span.text
    if " " not in text and "\t" not in text:
        return span
    keep = name_breaks(text, surnames) if surnames else ()
    out, pos = Span(), 0
    for m in _NAME_JUSTIFY.finditer(text):
        if m.start() in keep:
            continue
        out = out.extend(span.slice(pos, m.start()))
        pos = m.end()
    return out.extend(span.slice(pos)) if pos else span


def normalize(text: str, names: bool = False) -> tuple[str, list[tuple[int, int, int]]]:
    """Normalise a multi-line text line by line; lines joined with LF.

    Returns (normalised text, source map [(offset, line, col)]).
    """
    span = Span()
    for number, raw in enumerate(text.split("\n"), start=1):
        span = (
            span.extend(normalize_line(raw, number, names=names), sep="\n")
            if span
            else normalize_line(raw, number, names=names)
        )
    return span.text, span.source_map()


def locate(source_map: Sequence[Sequence[SupportsIndex]], offset: SupportsIndex) -> tuple[int, int]:
    """Source (line, col) of a normalised offset, from a ``source_map``; (0, 0) for inserted text.

    ``source_map`` as a table holds it: a list of (offset, line, col) tuples, or of lists or
    arrays as Parquet or JSON give them back; numpy integers will do for the numbers."""
    at = operator.index(offset)
    starts = [operator.index(entry[0]) for entry in source_map]
    k = bisect.bisect_right(starts, at) - 1
    if k < 0:
        raise IndexError(offset)
    start, line, col = map(operator.index, source_map[k])
    if line == 0:
        return (0, 0)
    return line, col + (at - start)


# --- native build ---------------------------------------------------------------------------
# Last statement: the mypyc build of this very source, when one is current, replaces the names
# above (analysis/_native; 1.3-1.7x faster in bench/bench_ingest.py, the same tables).
adopt(globals())
