"""Charts: declarative chart specs over the quantities table, keyword/topic charts, word clouds.

A chart spec (``resources/charts.toml``) names the rows of the quantities table a chart takes
(filters by article, topic, subject, unit, kind, sentence) and the kind of chart. ``render_chart``
turns a spec plus the tables into a matplotlib ``Figure``; a query that matches nothing raises
``ChartQueryError`` naming the chart and how many rows survived each filter.

Every quantity chart carries its provenance: a footnote with the article title and the source
sentence of each number shown. Chart functions build ``matplotlib.figure.Figure`` objects directly
(no pyplot state); the only global change is the CJK font registration (``analysis.fonts``).
``save_figure`` writes byte-stable PNG/SVG (no timestamps or version strings, fixed dpi, fixed
SVG hash salt), so two builds give identical files.
"""

from __future__ import annotations

import math
import re
import sys
import unicodedata
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field, fields
from pathlib import Path

import matplotlib as mpl
import numpy as np
import pandas as pd
from matplotlib.figure import Figure
from matplotlib.ticker import FixedLocator, FuncFormatter, MaxNLocator, NullLocator

from analysis._paths import RESOURCES_DIR
from analysis.fonts import check_glyphs, cjk_font_path, strict_glyphs, use_cjk_font

if sys.version_info >= (3, 11):
    import tomllib
else:  # pragma: no cover - Python 3.10
    import tomli as tomllib

CHARTS_TOML = RESOURCES_DIR / "charts.toml"
DPI = 150
FIG_WIDTH = 8.0  # inches; footnotes are wrapped to this width
BASE_FONT_SIZE = 10.0
FOOTNOTE_FONT_SIZE = 7.5
SVG_HASH_SALT = "analysis-figures"
WORDCLOUD_RANDOM_STATE = 20200314
WORDCLOUD_SIZE = (1150, 620)  # pixels at DPI
# Tableau 10, fixed here so colours never depend on the user's rcParams.
PALETTE = (
    "#4e79a7",
    "#f28e2b",
    "#e15759",
    "#76b7b2",
    "#59a14f",
    "#edc948",
    "#b07aa1",
    "#ff9da7",
    "#9c755f",
    "#bab0ac",
)

OTHER_TOPIC = "other"  # assign_topics' id for articles that match no named topic
QUANTITY_KINDS = ("bar", "log_bar", "dot_plot")
TEXT_KINDS = (
    "topic_keyword_bars",
    "topic_term_heatmap",
    "article_map",
    "similarity_heatmap",
    "wordcloud",
)

# Display names of quantities.kind.
KIND_NAMES = {
    "count": "计数",
    "percent": "百分比",
    "money": "金额",
    "duration": "时长",
    "ordinal": "序数",
    "date": "日期",
    "time": "时间",
}

# How a qualifier changes the shown value: "16300多" -> "16300+", "不少于100" -> "≥100".
_PLUS_QUALIFIERS = ("多", "余", "以上", "超过", "超", "逾", "多达", "上")
_AT_LEAST_QUALIFIERS = ("不少于", "至少", "不低于", "不下")
_ABOUT_QUALIFIERS = ("约", "近", "左右", "大约", "将近", "接近", "近乎")
_AT_MOST_QUALIFIERS = ("不超过", "不到", "以下", "以内", "不足", "最多")


class ChartSpecError(ValueError):
    """charts.toml is malformed (the message names the file and the chart)."""


class ChartQueryError(LookupError):
    """A chart's query matched no rows (or fewer than it requires)."""


# --------------------------------------------------------------------------------------------
# Specs
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ChartQuery:
    """Which rows of the quantities table a chart takes; every given filter must hold.

    Regex filters use ``re.search``; list filters are exact matches against any listed value.
    """

    article: str = ""  # regex on article_id or headline
    article_title: str = ""  # regex on the headline (kicker, title, subtitle)
    article_kind: tuple[str, ...] = ()  # articles.kind: article | photo_caption
    topic: tuple[str, ...] = ()  # topic ids or topic names (needs the topics table)
    kind: tuple[str, ...] = ()  # quantities.kind: count | percent | money | ...
    unit: tuple[str, ...] = ()
    qualifier: tuple[str, ...] = ()
    subject: str = ""  # regex on subject
    text: str = ""  # regex on the matched text
    sentence: str = ""  # regex on the source sentence
    exclude_text: str = ""  # regex; matching rows are dropped
    min_rows: int = 1

    def describe(self) -> str:
        parts = [
            f"{f.name}={getattr(self, f.name)!r}"
            for f in fields(self)
            if getattr(self, f.name) not in ("", (), 1)
        ]
        return ", ".join(parts) or "(no filters)"


@dataclass(frozen=True)
class ChartSpec:
    """One declared chart. ``kind`` picks the renderer; ``query`` picks quantity rows."""

    id: str
    kind: str
    title: str
    query: ChartQuery = field(default_factory=ChartQuery)
    label: str = "{subject}"  # category label template (fields of the quantity row)
    value_label: str = "{value}{unit}"  # {value} is the qualified value, e.g. 16300+
    xlabel: str = ""
    order: str = "text"  # text (order on the page) | value (largest first)
    top_n: int = 10  # keyword/topic charts: terms per topic or words per cloud
    by: str = ""  # wordcloud: article | topic
    formats: tuple[str, ...] = ("png",)
    note: str = ""  # extra line above the provenance footnote


def _as_tuple(value: object, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise ChartSpecError(f"{where}: expected a string or a list of strings, got {value!r}")


def _build(cls: type, data: Mapping[str, object], where: str) -> object:
    """Instantiate a spec dataclass from TOML data, rejecting unknown keys and bad regexes."""
    known = {f.name: f for f in fields(cls)}
    unknown = sorted(set(data) - set(known))
    if unknown:
        raise ChartSpecError(f"{where}: unknown key(s) {unknown}; known: {sorted(known)}")
    kwargs: dict[str, object] = {}
    for key, value in data.items():
        default = known[key].default
        if key == "query":
            if not isinstance(value, dict):
                raise ChartSpecError(f"{where}: [query] must be a table")
            value = _build(ChartQuery, value, f"{where} [query]")
        elif isinstance(default, tuple):
            value = _as_tuple(value, f"{where} {key}")
        elif isinstance(default, int) and not isinstance(value, int):
            raise ChartSpecError(f"{where} {key}: expected an integer, got {value!r}")
        elif isinstance(default, str) and not isinstance(value, str):
            raise ChartSpecError(f"{where} {key}: expected a string, got {value!r}")
        kwargs[key] = value
    if cls is ChartQuery:
        for key in ("article", "article_title", "subject", "text", "sentence", "exclude_text"):
            try:
                re.compile(str(kwargs.get(key, "")))
            except re.error as exc:
                raise ChartSpecError(f"{where} {key}: bad regular expression: {exc}") from exc
    return cls(**kwargs)


def load_chart_specs(path: Path | str = CHARTS_TOML) -> list[ChartSpec]:
    """Read the ``[[chart]]`` tables of a TOML file into validated ``ChartSpec`` objects."""
    path = Path(path)
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except tomllib.TOMLDecodeError as exc:
        raise ChartSpecError(f"{path}: not valid TOML: {exc}") from exc
    charts = data.get("chart")
    if not isinstance(charts, list) or not charts:
        raise ChartSpecError(f"{path}: expected one or more [[chart]] tables")
    specs: list[ChartSpec] = []
    seen: set[str] = set()
    for i, raw in enumerate(charts, start=1):
        where = f"{path} [[chart]] #{i}"
        for key in ("id", "kind", "title"):
            if not isinstance(raw.get(key), str) or not raw[key]:
                raise ChartSpecError(f"{where}: missing required string {key!r}")
        where = f"{path} chart {raw['id']!r}"
        if raw["kind"] not in QUANTITY_KINDS + TEXT_KINDS:
            raise ChartSpecError(
                f"{where}: unknown kind {raw['kind']!r}; known: {QUANTITY_KINDS + TEXT_KINDS}"
            )
        if not re.fullmatch(r"[a-z0-9_]+", raw["id"]):
            raise ChartSpecError(f"{where}: id must be lower-case letters, digits and _")
        if raw["id"] in seen:
            raise ChartSpecError(f"{where}: duplicate id")
        seen.add(raw["id"])
        spec = _build(ChartSpec, raw, where)
        assert isinstance(spec, ChartSpec)
        bad = set(spec.formats) - {"png", "svg"}
        if bad:
            raise ChartSpecError(f"{where}: formats must be png and/or svg, got {sorted(bad)}")
        if spec.order not in ("text", "value"):
            raise ChartSpecError(f"{where}: order must be 'text' or 'value', got {spec.order!r}")
        if spec.kind == "wordcloud" and spec.by not in ("article", "topic"):
            raise ChartSpecError(f"{where}: a wordcloud needs by = 'article' or 'topic'")
        specs.append(spec)
    return specs


# --------------------------------------------------------------------------------------------
# Selecting rows
# --------------------------------------------------------------------------------------------


def article_label(article: Mapping[str, object]) -> str:
    """Display name of an article: its title, else the start of its body (photo captions)."""
    title = str(article.get("title", "") or "").strip()
    if title:
        return title
    body = re.sub(r"\s+", "", str(article.get("body", "") or ""))
    kind = "图片说明" if article.get("kind") == "photo_caption" else "无标题"
    return f"{kind}：{body[:14]}…" if len(body) > 14 else f"{kind}：{body}"


def select_rows(
    query: ChartQuery,
    quantities: pd.DataFrame,
    articles: pd.DataFrame,
    topics: pd.DataFrame | None = None,
    *,
    chart_id: str = "?",
) -> pd.DataFrame:
    """The quantity rows a query takes, joined with article_title / article_ordinal columns.

    Raises ``ChartQueryError`` when fewer than ``query.min_rows`` rows match; the message shows
    how many rows were left after each filter so the broken filter is obvious.
    """
    records = articles.to_dict("records")
    meta = pd.DataFrame(
        {
            "article_id": articles["article_id"],
            "article_kind": articles["kind"],
            "article_ordinal": articles["ordinal"],
            "article_title": [article_label(r) for r in records],
            # kicker + title + subtitle: what a reader calls the headline
            "article_headline": [
                " ".join(str(r.get(k, "") or "") for k in ("kicker", "title", "subtitle")).strip()
                for r in records
            ],
        }
    )
    rows = quantities.merge(meta, on="article_id", how="left", validate="many_to_one")
    steps = [f"all quantities: {len(rows)}"]

    def keep(name: str, mask: pd.Series) -> None:
        nonlocal rows
        rows = rows[mask.fillna(False).to_numpy(dtype=bool)]
        steps.append(f"{name}: {len(rows)}")

    def search(column: str, pattern: str) -> pd.Series:
        return rows[column].fillna("").astype(str).str.contains(pattern, regex=True)

    if query.article:
        by_id = search("article_id", query.article)
        keep("article", by_id | search("article_headline", query.article))
    if query.article_title:
        keep("article_title", search("article_headline", query.article_title))
    if query.article_kind:
        keep("article_kind", rows["article_kind"].isin(query.article_kind))
    if query.topic:
        if topics is None:
            raise ChartQueryError(f"chart {chart_id!r}: query filters by topic but no topics table")
        wanted = topics[topics["topic"].isin(query.topic) | topics["topic_name"].isin(query.topic)][
            "article_id"
        ]
        keep("topic", rows["article_id"].isin(set(wanted)))
    if query.kind:
        keep("kind", rows["kind"].isin(query.kind))
    if query.unit:
        keep("unit", rows["unit"].isin(query.unit))
    if query.qualifier:
        keep("qualifier", rows["qualifier"].isin(query.qualifier))
    if query.subject:
        keep("subject", search("subject", query.subject))
    if query.text:
        keep("text", search("text", query.text))
    if query.sentence:
        keep("sentence", search("sentence", query.sentence))
    if query.exclude_text:
        keep("exclude_text", ~search("text", query.exclude_text))
    if len(rows) < query.min_rows:
        raise ChartQueryError(
            f"chart {chart_id!r}: query [{query.describe()}] matched {len(rows)} row(s), "
            f"needs at least {query.min_rows}. Rows left after each filter: " + "; ".join(steps)
        )
    return rows.sort_values(["article_ordinal", "article_id", "start"], kind="stable").reset_index(
        drop=True
    )


# --------------------------------------------------------------------------------------------
# Value labels and provenance
# --------------------------------------------------------------------------------------------


def _number(x: float) -> str:
    """1.0 -> '1', 16300.0 -> '16300', 2.5 -> '2.5' (no thousands separators, as printed)."""
    if x is None or (isinstance(x, float) and math.isnan(x)):
        return ""
    if float(x).is_integer():
        return str(int(x))
    return f"{x:.6g}"


def _is_range(row: Mapping[str, object]) -> bool:
    low, high = _float(row.get("value_low")), _float(row.get("value_high"))
    return not math.isnan(low) and not math.isnan(high) and high > low


def _float(x: object) -> float:
    try:
        return float(x)  # type: ignore[arg-type]
    except (TypeError, ValueError):
        return math.nan


def qualified_value(row: Mapping[str, object]) -> str:
    """The value as a reader should see it: ``多`` -> ``16300+``, ``不少于`` -> ``≥100``.

    A vague range (``数十万``: value_low 100000, value_high 900000) is shown as the original
    text, since any single number would claim more precision than the article gives.
    """
    qualifier = str(row.get("qualifier", "") or "")
    value = _float(row.get("value"))
    known = _PLUS_QUALIFIERS + _AT_LEAST_QUALIFIERS + _ABOUT_QUALIFIERS + _AT_MOST_QUALIFIERS
    if _is_range(row) and (math.isnan(value) or qualifier not in known):
        return str(row.get("text", "")) or (
            f"{_number(_float(row.get('value_low')))}–{_number(_float(row.get('value_high')))}"
        )
    if math.isnan(value):
        value = _float(row.get("value_low"))
    shown = _number(value)
    if qualifier in _AT_LEAST_QUALIFIERS:
        return f"≥{shown}"
    if qualifier in _AT_MOST_QUALIFIERS:
        return f"≤{shown}"
    if qualifier in _ABOUT_QUALIFIERS:
        return f"≈{shown}"
    if qualifier in _PLUS_QUALIFIERS or qualifier.endswith("多") or qualifier.endswith("余"):
        return f"{shown}+"
    return shown


def plot_value(row: Mapping[str, object]) -> float:
    """The number a bar/dot is drawn at: value, else the low end of its range."""
    value = _float(row.get("value"))
    return _float(row.get("value_low")) if math.isnan(value) else value


class _Fields(dict):
    """Template fields of a quantity row; unknown names render as '' instead of raising."""

    def __missing__(self, key: str) -> str:
        return ""


def format_template(template: str, row: Mapping[str, object]) -> str:
    """Fill ``{subject}``, ``{value}`` (qualified), ``{number}``, ``{unit}``, ``{text}`` ..."""
    values = _Fields({k: ("" if v is None else v) for k, v in row.items()})
    values["number"] = _number(plot_value(row))
    values["value"] = qualified_value(row)
    for key in ("subject", "unit", "text"):
        values[key] = str(row.get(key, "") or "")
    label = template.format_map(values).strip()
    return label or str(row.get("text", ""))


def shorten_sentence(sentence: str, spans: Sequence[tuple[int, int]], max_chars: int = 64) -> str:
    """Cut a sentence to about ``max_chars`` around the given spans, marking cuts with …."""
    sentence = re.sub(r"\s+", " ", sentence).strip()
    if len(sentence) <= max_chars:
        return sentence
    if spans:
        lo, hi = min(s for s, _ in spans), max(e for _, e in spans)
    else:
        lo, hi = 0, 0
    lo, hi = max(lo, 0), min(max(hi, lo), len(sentence))
    spare = max(max_chars - (hi - lo), 0)
    start = max(0, lo - spare // 3)
    end = min(len(sentence), max(hi, start + max_chars))
    start = max(0, min(start, end - max_chars))
    return ("…" if start > 0 else "") + sentence[start:end] + ("…" if end < len(sentence) else "")


def provenance_lines(
    rows: pd.DataFrame, articles: pd.DataFrame, *, numbered: bool = False
) -> list[str]:
    """Footnote lines: per article its title, then each source sentence with its numbers.

    With ``numbered``, sentences are prefixed ``[1]``, ``[2]`` … in the order of ``rows`` (a
    ``ref`` column in ``rows`` gives the number of each row's sentence, see ``sentence_refs``).
    """
    titles = {r["article_id"]: article_label(r) for r in articles.to_dict("records")}
    lines: list[str] = []
    current = None
    refs = rows["ref"] if "ref" in rows else pd.Series(range(1, len(rows) + 1), index=rows.index)
    for (article_id, _sentence), group in rows.groupby(["article_id", "sentence_id"], sort=False):
        if article_id != current:
            lines.append(f"来源：《{titles.get(article_id, article_id)}》（{article_id}）")
            current = article_id
        sentence = str(group["sentence"].iloc[0])
        spans = []
        for text in group["text"].astype(str):
            at = sentence.find(text)
            if at >= 0:
                spans.append((at, at + len(text)))
        quoted = "“" + shorten_sentence(sentence, spans) + "”"
        numbers = "、".join(dict.fromkeys(group["text"].astype(str)))
        prefix = f"[{refs.loc[group.index[0]]}] " if numbered else ""
        lines.append(f"  {prefix}{numbers}：{quoted}")
    return lines


def sentence_refs(rows: pd.DataFrame) -> pd.Series:
    """1-based reference number of each row's (article, sentence), in row order."""
    keys = list(zip(rows["article_id"], rows["sentence_id"], strict=True))
    numbers = {k: i for i, k in enumerate(dict.fromkeys(keys), start=1)}
    return pd.Series([numbers[k] for k in keys], index=rows.index, name="ref")


# --------------------------------------------------------------------------------------------
# Figure plumbing: fonts, footnotes, deterministic saving
# --------------------------------------------------------------------------------------------


def _text_width_em(text: str) -> float:
    """Approximate rendered width in em: CJK/full-width characters 1, others about 0.55."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else 0.55 for c in text)


_NO_LINE_START = set("，。、；：？！）》〉」』】”’…·%,.;:?!)")
_UNBREAKABLE = re.compile(r"[A-Za-z0-9.+%≥≤≈–\-]+|.", re.S)


def wrap_text(text: str, width_em: float, indent: str = "") -> list[str]:
    """Wrap mixed Chinese/Latin text to ``width_em``.

    CJK lines have no spaces to break at, so any character boundary is allowed, except inside a
    number or Latin word, and never before closing punctuation (it stays on the line it closes).
    """
    lines: list[str] = []
    line = ""
    for unit in _UNBREAKABLE.findall(text):
        fits = _text_width_em(line + unit) <= width_em
        if fits or not line.strip() or unit[0] in _NO_LINE_START:
            line += unit
        else:
            lines.append(line)
            line = indent + unit
    if line.strip():
        lines.append(line)
    return lines


def add_footnote(fig: Figure, lines: Iterable[str], *, width_in: float = FIG_WIDTH) -> None:
    """Put wrapped footnote lines under the figure (saved with ``bbox_inches='tight'``)."""
    width_em = (width_in - 0.3) * 72 / FOOTNOTE_FONT_SIZE
    wrapped: list[str] = []
    for line in lines:
        lead = re.match(r"\s*(\[\d+\]\s*)?", line).group(0)  # type: ignore[union-attr]
        wrapped.extend(wrap_text(line, width_em, indent=" " * (len(lead) + 2)))
    if not wrapped:
        return
    fig.text(
        0.01,
        -0.01,
        "\n".join(wrapped),
        ha="left",
        va="top",
        fontsize=FOOTNOTE_FONT_SIZE,
        color="#444444",
        linespacing=1.45,
    )


def _new_figure(height: float, width: float = FIG_WIDTH) -> Figure:
    use_cjk_font()
    return Figure(figsize=(width, height), dpi=DPI, layout="constrained")


def _figure_texts(fig: Figure) -> list[str]:
    texts = [t.get_text() for t in fig.findobj(mpl.text.Text)]
    return [t for t in texts if t]


def save_figure(fig: Figure, path: Path | str) -> Path:
    """Write ``fig`` as PNG or SVG (by suffix) with deterministic bytes; return the path.

    No software/date metadata, fixed dpi, fixed SVG hash salt, text drawn as paths in SVG.
    Any character without a glyph in the CJK font raises ``MissingGlyphError``.
    """
    path = Path(path)
    suffix = path.suffix.lower()
    if suffix == ".png":
        metadata: dict[str, str | None] = {"Software": None}
    elif suffix == ".svg":
        metadata = {"Date": None, "Creator": None}
    else:
        raise ValueError(f"{path}: save_figure writes .png or .svg, not {suffix or 'no suffix'}")
    check_glyphs(_figure_texts(fig), f"figure {path.name}")
    path.parent.mkdir(parents=True, exist_ok=True)
    rc = {"svg.hashsalt": SVG_HASH_SALT, "svg.fonttype": "path", "svg.id": None}
    with mpl.rc_context(rc), strict_glyphs():
        fig.savefig(
            path,
            format=suffix[1:],
            dpi=DPI,
            metadata=metadata,
            bbox_inches="tight",
            pad_inches=0.15,
            facecolor="white",
        )
    return path


def _plain_number_formatter(value: float, _pos: int | None = None) -> str:
    """Tick labels as plain numbers with 万 for ten-thousands (1, 10, 100, 1000, 1万, 10万)."""
    if value <= 0:
        return "0"
    if value >= 10_000:
        return f"{_number(value / 10_000)}万"
    return _number(value)


def _log_ticks(low: float, high: float) -> list[float]:
    return [10.0**k for k in range(math.floor(math.log10(low)), math.ceil(math.log10(high)) + 1)]


# --------------------------------------------------------------------------------------------
# Quantity charts
# --------------------------------------------------------------------------------------------


def _ordered(rows: pd.DataFrame, order: str) -> pd.DataFrame:
    if order == "value":
        key = rows.apply(plot_value, axis=1)
        return rows.iloc[np.argsort(-key.to_numpy(), kind="stable")].reset_index(drop=True)
    return rows.reset_index(drop=True)


def bar_chart(spec: ChartSpec, rows: pd.DataFrame, articles: pd.DataFrame, *, log: bool) -> Figure:
    """Horizontal bars, one per quantity row, labelled with the qualified value.

    On a log axis very different magnitudes (1 flight, 4947 workers) stay readable; a vague
    range (数十万) is drawn as a bar to its low end plus a whisker to its high end.
    """
    rows = _ordered(rows, spec.order)
    records = rows.to_dict("records")
    labels = [format_template(spec.label, r) for r in records]
    values = np.array([plot_value(r) for r in records], dtype=float)
    highs = np.array(
        [_float(r["value_high"]) if _is_range(r) else plot_value(r) for r in records], dtype=float
    )
    if np.isnan(values).any():
        bad = [r["text"] for r, v in zip(records, values, strict=True) if math.isnan(v)]
        raise ChartQueryError(f"chart {spec.id!r}: rows without a numeric value: {bad}")
    if log and (values <= 0).any():
        raise ChartQueryError(f"chart {spec.id!r}: a log axis cannot show values <= 0")

    n = len(records)
    fig = _new_figure(height=1.3 + 0.55 * n)
    ax = fig.add_subplot()
    y = np.arange(n)
    colors = [PALETTE[i % len(PALETTE)] for i in range(n)]
    if log:
        floor = 10.0 ** math.floor(math.log10(values.min()) - 0.3)
        ax.barh(y, values - floor, left=floor, color=colors, height=0.6)
        ax.set_xscale("log")
        top = 10.0 ** (math.log10(highs.max()) + 0.9)
        ax.set_xlim(floor, top)
        ax.xaxis.set_major_locator(FixedLocator(_log_ticks(floor, top)))
        ax.xaxis.set_minor_locator(NullLocator())
    else:
        ax.barh(y, values, color=colors, height=0.6)
        ax.set_xlim(0, highs.max() * 1.22)
    ax.xaxis.set_major_formatter(FuncFormatter(_plain_number_formatter))
    for yi, record, value, high, color in zip(y, records, values, highs, colors, strict=True):
        if high > value:
            ax.plot([value, high], [yi, yi], color=color, lw=2.5, solid_capstyle="butt")
            ax.plot([high], [yi], marker="|", color=color, markersize=12, mew=2)
        ax.annotate(
            format_template(spec.value_label, record),
            (high, yi),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            ha="left",
            fontsize=BASE_FONT_SIZE,
        )
    ax.set_yticks(y, labels)
    ax.invert_yaxis()
    ax.set_title(spec.title, fontsize=BASE_FONT_SIZE + 2, loc="left")
    ax.set_xlabel(spec.xlabel or ("数量（对数刻度）" if log else "数量"))
    ax.spines[["top", "right"]].set_visible(False)
    ax.grid(axis="x", color="#dddddd", lw=0.6)
    ax.set_axisbelow(True)
    add_footnote(fig, ([spec.note] if spec.note else []) + provenance_lines(rows, articles))
    return fig


def dot_plot(spec: ChartSpec, rows: pd.DataFrame, articles: pd.DataFrame) -> Figure:
    """Every number as a dot, one line per number, grouped by article, on a log axis.

    Each label starts with ``[n]``, the footnote entry holding the source sentence.
    """
    rows = rows.reset_index(drop=True)
    rows = rows.assign(ref=sentence_refs(rows))
    records = rows.to_dict("records")
    values = np.array([plot_value(r) for r in records], dtype=float)
    highs = np.array(
        [_float(r["value_high"]) if _is_range(r) else plot_value(r) for r in records], dtype=float
    )
    # One slot per number, plus a header slot above each article's group.
    ypos: list[float] = []
    headers: list[tuple[float, str]] = []
    slot = 0.0
    current = None
    for record in records:
        if record["article_id"] != current:
            current = record["article_id"]
            headers.append((slot, f"《{record['article_title']}》"))
            slot += 1.0
        ypos.append(slot)
        slot += 1.0
    kinds = list(dict.fromkeys(rows["kind"].astype(str)))
    kind_color = {k: PALETTE[i % len(PALETTE)] for i, k in enumerate(kinds)}

    fig = _new_figure(height=1.4 + 0.24 * slot)
    ax = fig.add_subplot()
    positive = values[values > 0]
    floor = 10.0 ** math.floor(math.log10(positive.min() if positive.size else 1.0))
    top = 10.0 ** math.ceil(math.log10(max(np.nanmax(highs), 10.0)) + 0.6)
    # symlog: a zero ("零次") still gets a place at the left edge; above 1 it is a log axis.
    ax.set_xscale("symlog", linthresh=1.0, linscale=0.4)
    ax.set_xlim(0, top)
    ax.xaxis.set_major_locator(FixedLocator([0.0, *_log_ticks(max(floor, 1.0), top)]))
    ax.xaxis.set_minor_locator(NullLocator())
    ax.xaxis.set_major_formatter(FuncFormatter(_plain_number_formatter))
    for kind in kinds:
        mask = rows["kind"].astype(str).to_numpy() == kind
        ax.scatter(
            values[mask],
            np.asarray(ypos)[mask],
            s=28,
            color=kind_color[kind],
            label=KIND_NAMES.get(kind, kind),
            zorder=3,
        )
    for record, y, value, high in zip(records, ypos, values, highs, strict=True):
        if high > value:
            ax.plot([value, high], [y, y], color=kind_color[str(record["kind"])], lw=2, zorder=2)
        ax.annotate(
            qualified_value(record) + str(record.get("unit", "") or ""),
            (high, y),
            xytext=(5, 0),
            textcoords="offset points",
            va="center",
            fontsize=FOOTNOTE_FONT_SIZE,
            color="#333333",
        )
    ax.set_yticks(ypos, [f"[{r['ref']}] {format_template(spec.label, r)}" for r in records])
    ax.tick_params(axis="y", labelsize=FOOTNOTE_FONT_SIZE)
    for y, title in headers:
        ax.axhline(y, color="#cccccc", lw=0.6, zorder=1)
        ax.text(
            0.005,
            y,
            title,
            transform=ax.get_yaxis_transform(),
            va="center",
            ha="left",
            fontsize=BASE_FONT_SIZE - 1,
            color="#222222",
            bbox={"facecolor": "white", "edgecolor": "none", "pad": 1.0},
        )
    ax.set_ylim(slot - 0.4, -0.6)
    ax.set_title(spec.title, fontsize=BASE_FONT_SIZE + 2, loc="left")
    ax.set_xlabel(spec.xlabel or "数值（对数刻度）")
    ax.grid(axis="x", color="#e5e5e5", lw=0.6)
    ax.set_axisbelow(True)
    ax.spines[["top", "right"]].set_visible(False)
    ax.legend(
        loc="lower right",
        bbox_to_anchor=(1.0, 1.0),
        ncols=len(kinds),
        fontsize=FOOTNOTE_FONT_SIZE,
        frameon=False,
        handletextpad=0.2,
    )
    add_footnote(
        fig, ([spec.note] if spec.note else []) + provenance_lines(rows, articles, numbered=True)
    )
    return fig


def render_chart(
    spec: ChartSpec,
    quantities: pd.DataFrame,
    articles: pd.DataFrame,
    topics: pd.DataFrame | None = None,
) -> Figure:
    """Select the spec's rows from the quantities table and draw them (quantity kinds only)."""
    if spec.kind not in QUANTITY_KINDS:
        raise ValueError(f"chart {spec.id!r}: kind {spec.kind!r} is not a quantities chart")
    rows = select_rows(spec.query, quantities, articles, topics, chart_id=spec.id)
    if spec.kind == "dot_plot":
        return dot_plot(spec, rows, articles)
    return bar_chart(spec, rows, articles, log=spec.kind == "log_bar")


# --------------------------------------------------------------------------------------------
# Keyword and topic charts
# --------------------------------------------------------------------------------------------


def _source_line(articles: pd.DataFrame, what: str) -> str:
    pages = sorted(set(articles.get("page_id", pd.Series(dtype=str)).astype(str)))
    return f"来源：{'、'.join(pages) or '—'}，{len(articles)} 篇文章；{what}"


def topic_keyword_bars(
    topic_terms: pd.DataFrame, *, title: str, top_n: int = 8, note: str = ""
) -> Figure:
    """Small multiples: the top terms of each topic as horizontal bars.

    ``topic_terms`` columns: topic_name, term, weight (higher is more characteristic).
    """
    _require(topic_terms, ("topic_name", "term", "weight"), "topic_terms")
    names = list(dict.fromkeys(topic_terms["topic_name"].astype(str)))
    ncols = 2 if len(names) in (2, 4) else min(3, len(names))
    nrows = math.ceil(len(names) / ncols)
    fig = _new_figure(height=0.8 + nrows * (0.32 * top_n + 0.7))
    axes = fig.subplots(nrows, ncols, squeeze=False)
    for i, ax in enumerate(axes.flat):
        if i >= len(names):
            ax.set_visible(False)
            continue
        part = topic_terms[topic_terms["topic_name"] == names[i]]
        part = part.sort_values(["weight", "term"], ascending=[False, True]).head(top_n)
        y = np.arange(len(part))
        ax.barh(y, part["weight"], color=PALETTE[i % len(PALETTE)], height=0.65)
        ax.set_yticks(y, part["term"].astype(str).tolist(), fontsize=BASE_FONT_SIZE - 1)
        ax.invert_yaxis()
        ax.set_title(names[i], fontsize=BASE_FONT_SIZE, loc="left")
        ax.xaxis.set_major_locator(MaxNLocator(4))
        ax.tick_params(axis="x", labelsize=FOOTNOTE_FONT_SIZE)
        ax.spines[["top", "right"]].set_visible(False)
    fig.suptitle(title, fontsize=BASE_FONT_SIZE + 2, x=0.01, ha="left")
    add_footnote(fig, [note] if note else [])
    return fig


def topic_term_heatmap(
    topic_terms: pd.DataFrame, *, title: str, top_n: int = 6, note: str = ""
) -> Figure:
    """Topics (rows) × their top terms (columns), cells shaded by weight and labelled."""
    _require(topic_terms, ("topic_name", "term", "weight"), "topic_terms")
    names = list(dict.fromkeys(topic_terms["topic_name"].astype(str)))
    top = (
        topic_terms.sort_values(["topic_name", "weight", "term"], ascending=[True, False, True])
        .groupby("topic_name", sort=False)
        .head(top_n)
    )
    terms = list(dict.fromkeys(top.set_index("topic_name").loc[names, "term"].astype(str)))
    matrix = (
        topic_terms.pivot_table(index="topic_name", columns="term", values="weight", aggfunc="max")
        .reindex(index=names, columns=terms)
        .fillna(0.0)
    )
    fig = _new_figure(height=1.6 + 0.45 * len(names) + 0.12 * max(len(t) for t in terms) * 1.0)
    ax = fig.add_subplot()
    image = ax.imshow(matrix.to_numpy(), cmap="Blues", aspect="auto", vmin=0)
    ax.set_xticks(range(len(terms)), terms, rotation=90, fontsize=BASE_FONT_SIZE - 2)
    ax.set_yticks(range(len(names)), names, fontsize=BASE_FONT_SIZE - 1)
    fig.colorbar(image, ax=ax, shrink=0.8, label="权重")
    ax.set_title(title, fontsize=BASE_FONT_SIZE + 2, loc="left")
    add_footnote(fig, [note] if note else [])
    return fig


def article_map(points: pd.DataFrame, *, title: str, note: str = "") -> Figure:
    """Articles as points on a 2-D map (e.g. SVD of TF-IDF), coloured by topic, titles beside.

    ``points`` columns: x, y, topic_name, label.
    """
    _require(points, ("x", "y", "topic_name", "label"), "points")
    names = list(dict.fromkeys(points["topic_name"].astype(str)))
    fig = _new_figure(height=5.5)
    ax = fig.add_subplot()
    for i, name in enumerate(names):
        part = points[points["topic_name"] == name]
        ax.scatter(part["x"], part["y"], s=60, color=PALETTE[i % len(PALETTE)], label=name)
    ax.margins(x=0.25, y=0.2)
    _place_labels(
        fig,
        ax,
        points["x"].to_numpy(dtype=float),
        points["y"].to_numpy(dtype=float),
        [_shorten_label(str(label), 16) for label in points["label"]],
    )
    ax.set_xlabel("SVD 第1维")
    ax.set_ylabel("SVD 第2维")
    ax.legend(title="主题", fontsize=FOOTNOTE_FONT_SIZE, frameon=False, loc="best")
    ax.set_title(title, fontsize=BASE_FONT_SIZE + 2, loc="left")
    ax.grid(color="#eeeeee", lw=0.6)
    add_footnote(fig, [note] if note else [])
    return fig


# Label positions tried in turn: (dx, dy) in points, horizontal and vertical alignment.
_LABEL_OFFSETS = (
    (0, 7, "center", "bottom"),
    (0, -7, "center", "top"),
    (7, 0, "left", "center"),
    (-7, 0, "right", "center"),
    (0, 19, "center", "bottom"),
    (0, -19, "center", "top"),
    (7, 12, "left", "bottom"),
    (-7, -12, "right", "top"),
    (0, 31, "center", "bottom"),
    (0, -31, "center", "top"),
)


def _place_labels(
    fig: Figure, ax: mpl.axes.Axes, xs: np.ndarray, ys: np.ndarray, labels: Sequence[str]
) -> None:
    """Annotate points, each label at the first offset that overlaps no earlier label or dot.

    Greedy and deterministic (points taken top to bottom); good enough for a page of articles.
    """
    from matplotlib.backends.backend_agg import FigureCanvasAgg

    FigureCanvasAgg(fig)
    fig.draw_without_rendering()  # settle the layout so display coordinates are final
    renderer = fig.canvas.get_renderer()
    dots = [
        mpl.transforms.Bbox.from_bounds(px - 13, py - 13, 26, 26)
        for px, py in ax.transData.transform(np.column_stack([xs, ys]))
    ]
    placed: list[mpl.transforms.Bbox] = []
    for i in np.lexsort((xs, -ys)):
        for dx, dy, ha, va in _LABEL_OFFSETS:
            text = ax.annotate(
                labels[i],
                (xs[i], ys[i]),
                xytext=(dx, dy),
                textcoords="offset points",
                ha=ha,
                va=va,
                fontsize=FOOTNOTE_FONT_SIZE,
            )
            # Labels must not move the layout, or the positions checked here would shift.
            text.set_in_layout(False)
            box = text.get_window_extent(renderer).expanded(1.04, 1.1)
            others = placed + [d for j, d in enumerate(dots) if j != i]
            if not any(box.overlaps(o) for o in others):
                break
            if (dx, dy) != _LABEL_OFFSETS[-1][:2]:
                text.remove()
        placed.append(box)


def similarity_heatmap(similarity: pd.DataFrame, *, title: str, note: str = "") -> Figure:
    """Square article × article similarity matrix, titles as labels, values printed in cells."""
    if list(similarity.index) != list(similarity.columns):
        raise ValueError("similarity must be square with the same labels on both axes")
    labels = [_shorten_label(str(x), 18) for x in similarity.index]
    n = len(labels)
    fig = _new_figure(height=2.6 + 0.5 * n, width=3.6 + 0.62 * n)
    ax = fig.add_subplot()
    matrix = similarity.to_numpy(dtype=float)
    image = ax.imshow(matrix, cmap="Blues", vmin=0, vmax=1, aspect="auto")
    ax.set_xticks(range(n), labels, rotation=45, ha="right", fontsize=BASE_FONT_SIZE - 2)
    ax.set_yticks(range(n), labels, fontsize=BASE_FONT_SIZE - 2)
    for i in range(n):
        for j in range(n):
            ax.text(
                j,
                i,
                f"{matrix[i, j]:.2f}",
                ha="center",
                va="center",
                fontsize=FOOTNOTE_FONT_SIZE,
                color="white" if matrix[i, j] > 0.6 else "#333333",
            )
    fig.colorbar(image, ax=ax, shrink=0.8, label="余弦相似度")
    ax.set_title(title, fontsize=BASE_FONT_SIZE + 2, loc="left")
    add_footnote(fig, [note] if note else [], width_in=fig.get_figwidth())
    return fig


def keyword_frequencies(keywords: pd.DataFrame, top_n: int) -> dict[str, float]:
    """Word → score for a word cloud: one entry per word (highest score wins), top ``top_n``,
    in a fixed order (score, then word) so the layout never depends on input order."""
    _require(keywords, ("keyword", "score"), "keywords")
    best = (
        keywords.assign(keyword=keywords["keyword"].astype(str).str.strip())
        .query("keyword != '' and score > 0")
        .groupby("keyword", as_index=False)["score"]
        .max()
        .sort_values(["score", "keyword"], ascending=[False, True], kind="stable")
        .head(top_n)
    )
    return dict(zip(best["keyword"], best["score"].astype(float), strict=True))


def wordcloud_figure(
    frequencies: Mapping[str, float],
    *,
    title: str,
    note: str = "",
    random_state: int = WORDCLOUD_RANDOM_STATE,
) -> Figure:
    """A word cloud from keyword scores (never wordcloud's own tokenizer, which cannot split
    Chinese), drawn with the shared CJK font and a fixed random state."""
    from wordcloud import WordCloud

    if not frequencies:
        raise ValueError(f"word cloud {title!r}: no keywords with a positive score")
    font_path = cjk_font_path()
    check_glyphs(list(frequencies), f"word cloud {title!r}", font_path)
    width, height = WORDCLOUD_SIZE
    cloud = WordCloud(
        font_path=str(font_path),
        width=width,
        height=height,
        background_color="white",
        prefer_horizontal=1.0,  # rotated Chinese is hard to read
        colormap="tab10",
        random_state=random_state,
        max_words=len(frequencies),
        # A fixed largest size skips wordcloud's trial layout (half the time); the top word
        # still shrinks until it fits.
        max_font_size=int(height * 0.4),
        repeat=False,
        relative_scaling=0.6,
        margin=4,
    ).generate_from_frequencies(dict(frequencies))
    # One image pixel per figure pixel: no resampling (sharp glyphs, and far faster to save).
    title_band = 0.45  # inches above the image
    use_cjk_font()
    fig = Figure(figsize=(width / DPI, height / DPI + title_band), dpi=DPI)
    ax = fig.add_axes((0.0, 0.0, 1.0, (height / DPI) / (height / DPI + title_band)))
    ax.imshow(cloud.to_array(), interpolation="none")
    ax.set_axis_off()
    fig.text(0.01, 1.0 - 0.12 / fig.get_figheight(), title, va="top", fontsize=BASE_FONT_SIZE + 2)
    add_footnote(fig, [note] if note else [], width_in=width / DPI)
    return fig


def _shorten_label(text: str, max_em: float) -> str:
    if _text_width_em(text) <= max_em:
        return text
    out = ""
    for char in text:
        if _text_width_em(out + char) > max_em - 1:
            break
        out += char
    return out + "…"


def _require(frame: pd.DataFrame, columns: Sequence[str], name: str) -> None:
    missing = [c for c in columns if c not in frame.columns]
    if missing:
        raise ValueError(f"{name}: missing column(s) {missing}; has {list(frame.columns)}")
    if frame.empty:
        raise ValueError(f"{name}: no rows to chart")


# --------------------------------------------------------------------------------------------
# Declared keyword/topic charts
# --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class TextTables:
    """The tables the keyword/topic charts draw from.

    keywords: article_id, keyword, score, rank, method. topics: article_id, topic, topic_name.
    topic_terms: topic, topic_name, term, weight. points: article_id, x, y (2-D article map).
    similarity: square frame, index and columns article_id.
    """

    articles: pd.DataFrame
    keywords: pd.DataFrame
    topics: pd.DataFrame
    topic_terms: pd.DataFrame
    points: pd.DataFrame
    similarity: pd.DataFrame
    method_note: str = ""  # how the keywords were scored (footnote of keyword charts)
    model_note: str = ""  # how the article map and similarities were made


def _file_part(text: str) -> str:
    return re.sub(r"[^A-Za-z0-9_-]+", "_", text).strip("_") or "x"


def render_text_chart(spec: ChartSpec, tables: TextTables) -> list[tuple[str, Figure]]:
    """Draw a keyword/topic chart; returns (file stem, figure) pairs (one per article/topic for
    word clouds, else one)."""
    source = _source_line(tables.articles, tables.method_note)
    labels = {r["article_id"]: article_label(r) for r in tables.articles.to_dict("records")}
    if spec.kind == "topic_keyword_bars":
        fig = topic_keyword_bars(
            tables.topic_terms, title=spec.title, top_n=spec.top_n, note=source
        )
        return [(spec.id, fig)]
    if spec.kind == "topic_term_heatmap":
        fig = topic_term_heatmap(
            tables.topic_terms, title=spec.title, top_n=spec.top_n, note=source
        )
        return [(spec.id, fig)]
    if spec.kind == "article_map":
        points = tables.points.merge(
            tables.topics[["article_id", "topic_name"]], on="article_id", how="left"
        )
        points = points.assign(
            topic_name=points["topic_name"].fillna("未归类"),
            label=points["article_id"].map(labels).fillna(points["article_id"]),
        )
        note = _source_line(tables.articles, tables.model_note)
        return [(spec.id, article_map(points, title=spec.title, note=note))]
    if spec.kind == "similarity_heatmap":
        sim = tables.similarity
        named = pd.DataFrame(
            sim.to_numpy(),
            index=[labels.get(a, a) for a in sim.index],
            columns=[labels.get(a, a) for a in sim.columns],
        )
        note = _source_line(tables.articles, tables.model_note)
        return [(spec.id, similarity_heatmap(named, title=spec.title, note=note))]
    if spec.kind == "wordcloud":
        out: list[tuple[str, Figure]] = []
        if spec.by == "article":
            for article_id in tables.articles["article_id"]:
                part = tables.keywords[tables.keywords["article_id"] == article_id]
                if part.empty:
                    continue
                label = labels.get(article_id, article_id)
                fig = wordcloud_figure(
                    keyword_frequencies(part, spec.top_n),
                    title=spec.title.format(label=label, id=article_id),
                    note=f"来源：《{label}》（{article_id}）；{tables.method_note}",
                )
                out.append((f"{spec.id}_{_file_part(article_id)}", fig))
        else:
            terms = tables.topic_terms.rename(columns={"term": "keyword", "weight": "score"})
            for topic, part in terms.groupby("topic", sort=True):
                if topic == OTHER_TOPIC:
                    continue  # a catch-all of unrelated articles has no vocabulary of its own
                name = str(part["topic_name"].iloc[0])
                n_articles = int((tables.topics["topic"] == topic).sum())
                fig = wordcloud_figure(
                    keyword_frequencies(part, spec.top_n),
                    title=spec.title.format(label=name, id=topic),
                    note=f"{n_articles} 篇文章的关键词得分均值；{source}",
                )
                out.append((f"{spec.id}_{_file_part(str(topic))}", fig))
        if not out:
            raise ChartQueryError(f"chart {spec.id!r}: no keywords to draw a word cloud from")
        return out
    raise ValueError(f"chart {spec.id!r}: kind {spec.kind!r} is not a keyword/topic chart")
