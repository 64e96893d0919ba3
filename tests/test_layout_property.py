"""Layout on simulated pages (tests/page_sim.py): properties over generated pages + a guard.

The pages are laid out from the fixture tests/fixtures/sim_articles.txt (so the results are the
same with or without ../shared), with hypothesis drawing the page seed and the knobs.
"""

from __future__ import annotations

import functools
import random
from collections import Counter

import hypothesis
import page_sim as ps
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

layout = pytest.importorskip("analysis.layout")

FIXTURE = ps.load_source_articles("fixture")
PROPERTY_SETTINGS = settings(
    deadline=None,
    max_examples=50,
    derandomize=True,  # the same examples on every run and machine
    suppress_health_check=[HealthCheck.too_slow],
)
# Headline, byline and furniture lines that must never end up inside a body.
NOT_BODY = ("kicker", "title", "subtitle", "byline", "detached_byline", "credit", "lone_name")


@st.composite
def knob_sets(draw) -> dict:
    # Widths span at least 3 so that two bodies with nothing between them (no dateline, their
    # headlines displaced) still differ in column width, as on real pages; with one width for
    # every article no reader could tell where one body ends.
    lo = draw(st.integers(11, 23))
    col = draw(st.one_of(st.none(), st.tuples(st.integers(3, 12), st.integers(12, 40))))
    prob = st.sampled_from([0.0, 0.2, 0.5, 1.0])
    return {
        "widths": (lo, draw(st.integers(lo + 3, 26))),
        "page_after_weight": draw(st.sampled_from([0.0, 0.7, 1.0])),
        "p_displaced": draw(st.sampled_from([0.0, 0.1, 0.3])),
        "p_doubled": draw(prob),
        "p_detached": draw(prob),
        "p_justify": draw(prob),
        "p_fullwidth": draw(prob),
        "p_caption": draw(prob),
        "p_lone_name": draw(prob),
        "col_lines": col,
    }


@functools.lru_cache(maxsize=256)
def _case(seed: int, knob_items: tuple) -> tuple[ps.SimPage, object]:
    page = ps.random_page(random.Random(seed), FIXTURE, **dict(knob_items))
    return page, layout.parse_page(page.text, f"sim{seed}")


def case(seed: int, knobs: dict):
    return _case(seed, tuple(sorted(knobs.items())))


@PROPERTY_SETTINGS
@given(seed=st.integers(0, 2**31 - 1), knobs=knob_sets())
def test_every_character_is_conserved(seed: int, knobs: dict) -> None:
    page, parsed = case(seed, knobs)
    layout.check_conservation(page.text, parsed)


@PROPERTY_SETTINGS
@given(seed=st.integers(0, 2**31 - 1), knobs=knob_sets())
def test_bodies_hold_no_headline_or_byline_lines(seed: int, knobs: dict) -> None:
    page, parsed = case(seed, knobs)
    got_bodies = "\n".join(ps.nows(b) for b in parsed.articles["body"])
    true_bodies = "\n".join(ps.nows(a.body) for a in page.articles)
    lines = page.lines
    for number in page.lines_with_role(*NOT_BODY):
        text = ps.nows(ps.fold(lines[number - 1])).lstrip("■")
        if page.line_roles[number - 1][0] == "title" and text[: len(text) // 2] * 2 == text:
            text = text[: len(text) // 2]  # a doubled title line
        if len(text) < 4:  # too short to tell from ordinary body text
            continue
        got_n, want_n = got_bodies.count(text), true_bodies.count(text)
        where = f"line {number} ({page.line_roles[number - 1][0]}) {lines[number - 1]!r}"
        assert got_n <= want_n, f"{where} ended up in a body"


@PROPERTY_SETTINGS
@given(seed=st.integers(0, 2**31 - 1), knobs=knob_sets())
def test_article_count_matches(seed: int, knobs: dict) -> None:
    page, parsed = case(seed, knobs)
    # A body that follows another body with no headline between, in the same column width, is
    # a news-digest item to the layout (新华社…电 inside one article); only pages where every
    # boundary is visible in the text are counted here.
    widths = [a.features.get("width") for a in page.articles]
    for k, article in enumerate(page.articles[1:], start=1):
        if article.features.get("follows_body") and abs(widths[k] - widths[k - 1]) < 2:
            hypothesis.assume(False)
    got = Counter(parsed.articles["kind"])
    want = Counter(a.kind for a in page.articles)
    assert sum(got.values()) == sum(want.values()), (got, want)


def test_exact_bodies_on_fixed_pages() -> None:
    """Regression guard: >= 95 % of the articles on 30 default pages come out exact."""
    rows = []
    for seed in range(30):
        page = ps.random_page(random.Random(seed), FIXTURE)
        rows += ps.score_layout(page, layout.parse_page(page.text, f"sim{seed}").articles)
    articles = [r for r in rows if r["kind"] == "article"]
    exact = sum(r["body_exact"] for r in articles) / len(articles)
    titles = sum(r["title_ok"] for r in articles) / len(articles)
    failing = [(r["source_id"], r["ordinal"]) for r in articles if not r["body_exact"]][:5]
    assert exact >= 0.95, f"{exact:.1%} exact bodies ({titles:.1%} titles); e.g. {failing}"


def test_odd_pages_lay_out_with_every_character_kept() -> None:
    # Found by fuzzing: a headline and a body that is only a dateline (no body text to compare
    # the headline with), a lone jump line, a lone end mark, credits with no caption.
    for text in (
        "\u30002020年3月16日 星期一抢抓农时不误春耕\n新华社北京3月1日电",
        "（下转第2版）",
        "（完）\n\n（完）",
        "记者 张三 摄\n\n■\n\n（记者 王 强）",
        "本报讯（记者 王 强）",
        # a NUL inside a body (parse_page takes any string; read_page refuses binary files)
        "抢抓农时\n\n本报讯 春耕\x00备耕工作有序开展，全市农机手出动。\n\n抢抓农时不误春耕\n\n"
        "本报讯 春耕生产推进会召开。",
    ):
        parsed = layout.parse_page(text, "odd")
        layout.check_conservation(text, parsed)
        assert len(parsed.paragraphs) >= 1


# characters a PDF extraction prints, the odd ones included: spaces of every width, invisible
# characters, markers, brackets, full-width digits, closing marks, Latin letters
_ODD_ALPHABET = (
    "本报讯记者通讯员摄影王强市全会开展工作日月年新华社电■●▲（）()“”《》，。！？：；、"
    "0123456789０１２３ABCab \t\u3000\u00a0\u2002\u200b\u2060\ufeff\n\n\n"
)


@PROPERTY_SETTINGS
@given(text=st.text(alphabet=_ODD_ALPHABET, max_size=400))
def test_any_text_lays_out_with_every_character_kept(text: str) -> None:
    parsed = layout.parse_page(text, "odd")
    layout.check_conservation(text, parsed)
