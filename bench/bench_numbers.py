"""Benchmark analysis.quantities against peer test suites, and time it.

Reads ``../shared/corpora/number_specs`` (MANIFEST §7-10); prints one line and exits 0 when the
data is absent. Nothing from those suites is copied into the project.

Suites and what is compared (scope rules are printed with the results):

- Recognizers-Text NumberModel: ``find_numbers(input)`` must return exactly the expected numerals:
  same character span (RT ``End`` is inclusive) and same value (relative tolerance 1e-9).
- Recognizers-Text PercentModel: ``extract(input)`` rows of kind ``percent``; each expected
  percentage needs a row whose span overlaps it with the same value, and no extra percent rows.
- Recognizers-Text NumberWithUnit (Currency, Dimension, Age, Temperature): ``extract(input)`` rows
  mapped to RT's type by their unit (money -> currency; 亩/吨/米… -> dimension; 岁, or a duration
  followed by 大 -> age; 度/℃ -> temperature); each expected result needs a row of its type with an
  overlapping span, the same value and the same unit (our unit names mapped to RT's); no extras.
- cn2an tables: ``parse_number(input) == expected`` for the strict, normal and smart tables; the
  error tables must raise ValueError; transform cases: the numbers ``find_numbers`` reads from the
  Chinese text equal, in order, the numbers in cn2an's Arabic rendering.
- JioNLP money: ``parse_money`` cases through ``extract`` (one money row: value, bounds, currency);
  ``extract_money`` cases: the spans of our money rows equal the expected spans.

Run: ``python bench/bench_numbers.py`` (add ``--examples N`` to print more failures).
"""

from __future__ import annotations

import argparse
import json
import math
import re
import sys
import time
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from analysis._paths import shared_corpus
from analysis.quantities import extract, find_numbers, fold, parse_number


def load_json(path: Path):
    return json.loads(path.read_text(encoding="utf-8-sig"))


def close(a: float, b: float) -> bool:
    return math.isclose(a, b, rel_tol=1e-9, abs_tol=1e-12)


def overlaps(a: tuple[int, int], b: tuple[int, int]) -> bool:
    return a[0] < b[1] and b[0] < a[1]


@dataclass
class Suite:
    name: str
    scope: list[str]
    passed: int = 0
    total: int = 0
    out_of_scope: Counter = field(default_factory=Counter)
    failures: Counter = field(default_factory=Counter)
    examples: dict[str, list[str]] = field(default_factory=dict)
    extra: list[str] = field(default_factory=list)

    def skip(self, reason: str) -> None:
        self.out_of_scope[reason] += 1

    def record(self, ok: bool, category: str = "", example: str = "") -> None:
        self.total += 1
        if ok:
            self.passed += 1
            return
        self.failures[category] += 1
        self.examples.setdefault(category, []).append(example)

    def report(self, n_examples: int) -> None:
        rate = 100.0 * self.passed / self.total if self.total else float("nan")
        print(f"\n=== {self.name}: {self.passed}/{self.total} in scope pass ({rate:.1f}%)")
        print("  scope:")
        for rule in self.scope:
            print(f"    - {rule}")
        if self.out_of_scope:
            skipped = ", ".join(f"{k} {v}" for k, v in self.out_of_scope.most_common())
            print(f"  out of scope: {sum(self.out_of_scope.values())} ({skipped})")
        for line in self.extra:
            print(f"  {line}")
        if self.failures:
            print("  failures by category:")
            for category, count in self.failures.most_common():
                print(f"    {category}: {count}")
                for example in self.examples[category][:n_examples]:
                    print(f"      e.g. {example}")


# --------------------------------------------------------------------------- Recognizers-Text

_SCIENTIFIC = re.compile(r"\d\s*[eE]\s*[-+－]?\d|\^")
_LATIN_MAGNITUDE = re.compile(r"\d\s*[kKmM](?![a-zA-Z])")
_SLASH_FRACTION = re.compile(r"\d\s*[/／]\s*\d")


def not_supported_by_python(case: dict) -> bool:
    return "python" in case.get("NotSupported", "").lower().replace(" ", "")


def number_model(root: Path) -> Suite:
    suite = Suite(
        "Recognizers-Text NumberModel (find_numbers)",
        [
            "cases marked NotSupported for python are skipped (RT's own Python port fails them)",
            "out: scientific notation and powers (2e5, 2^5), Latin magnitudes (40k, -2.5 M), slash "
            "fractions (1 4/3), dozens (一打), halves (半百), 兆 (10^6 or 10^12: ambiguous)",
            "out: inputs where RT drops a numeral because it belongs to a currency or discount "
            "(一美元, 两美刀, 一折); our recogniser reports it and the unit decides later",
            "pass = exactly the expected numerals: same span and value (rel. tol. 1e-9)",
        ],
    )
    for case in load_json(root / "Number/Chinese/NumberModel.json"):
        text, expected = case["Input"], case["Results"]
        if not_supported_by_python(case):
            suite.skip("NotSupported python")
            continue
        if _SCIENTIFIC.search(text):
            suite.skip("scientific")
            continue
        if _LATIN_MAGNITUDE.search(text):
            suite.skip("latin magnitude")
            continue
        if _SLASH_FRACTION.search(text):
            suite.skip("slash fraction")
            continue
        if "打" in text:
            suite.skip("dozen")
            continue
        if "半" in text:
            suite.skip("half")
            continue
        if "兆" in text:
            suite.skip("兆")
            continue
        if not expected and re.search(r"美元|美刀|折", text):
            suite.skip("numeral inside currency/discount")
            continue
        want = {(r["Start"], r["End"] + 1, float(r["Resolution"]["value"])) for r in expected}
        got = {(n.start, n.end, n.value) for n in find_numbers(text)}
        ok = len(want) == len(got) and all(
            any(w[:2] == g[:2] and close(w[2], g[2]) for g in got) for w in want
        )
        if ok:
            suite.record(True)
            continue
        spans_w = {w[:2] for w in want}
        spans_g = {g[:2] for g in got}
        if spans_w == spans_g:
            category = "wrong value"
        elif spans_g < spans_w or not got:
            category = "missed numeral"
        elif spans_w < spans_g:
            category = "extra numeral"
        else:
            category = "different span"
        shown = [(text[s:e], v) for s, e, v in sorted(got)]
        wanted = [(text[s:e], v) for s, e, v in sorted(want)]
        suite.record(False, category, f"{text!r}: got {shown}, want {wanted}")
    return suite


def percent_model(root: Path) -> Suite:
    suite = Suite(
        "Recognizers-Text PercentModel (extract, kind percent)",
        [
            "cases marked NotSupported for python are skipped",
            "out: discounts 折/对折 (a price ratio, not a share), halves (半成), Latin magnitudes "
            "(15k), URLs (masked by design)",
            "pass = every expected percentage has a percent row overlapping it with the same value, "
            "and there is no other percent row",
        ],
    )
    for case in load_json(root / "Number/Chinese/PercentModel.json"):
        text, expected = case["Input"], case["Results"]
        if not_supported_by_python(case):
            suite.skip("NotSupported python")
            continue
        if "折" in text:
            suite.skip("discount 折")
            continue
        if "半" in text:
            suite.skip("half")
            continue
        if _LATIN_MAGNITUDE.search(fold(text)):
            suite.skip("latin magnitude")
            continue
        if "http" in text:
            suite.skip("url")
            continue
        rows = [q for q in extract(text) if q.kind == "percent"]
        want = [
            ((r["Start"], r["End"] + 1), float(r["Resolution"]["value"].rstrip("%")))
            for r in expected
        ]
        matched, ok = set(), True
        for span, value in want:
            hit = next(
                (
                    i
                    for i, q in enumerate(rows)
                    if i not in matched
                    and overlaps(span, (q.start, q.end))
                    and close(q.value, value)
                ),
                None,
            )
            if hit is None:
                ok = False
                break
            matched.add(hit)
        ok = ok and len(matched) == len(rows)
        if ok:
            suite.record(True)
            continue
        got = [(q.text, q.value, q.value_low, q.value_high) for q in rows]
        if not rows:
            category = "missed"
        elif not want:
            category = "extra (RT expects none)"
        elif len(rows) != len(want):
            category = "count differs"
        else:
            category = "wrong value or span"
        suite.record(
            False, category, f"{text!r}: got {got}, want {[(text[s:e], v) for (s, e), v in want]}"
        )
    return suite


def ordinal_model(root: Path) -> Suite:
    suite = Suite(
        "Recognizers-Text OrdinalModel (extract, kind ordinal)",
        [
            "cases marked NotSupported for python are skipped",
            "pass = the ordinal rows have exactly the expected values, each overlapping its span",
        ],
    )
    for case in load_json(root / "Number/Chinese/OrdinalModel.json"):
        text, expected = case["Input"], case["Results"]
        if not_supported_by_python(case):
            suite.skip("NotSupported python")
            continue
        rows = [q for q in extract(text) if q.kind == "ordinal"]
        want = [((r["Start"], r["End"] + 1), float(r["Resolution"]["value"])) for r in expected]
        ok = len(rows) == len(want) and all(
            overlaps(span, (q.start, q.end)) and close(q.value, v)
            for (span, v), q in zip(want, rows, strict=True)
        )
        got = [(q.text, q.value) for q in rows]
        suite.record(ok, "ordinal differs", f"{text!r}: got {got}, want {want}")
    ranges = [
        case
        for name in ("NumberRangeModel", "NumberRangeModelExperimentalMode")
        for case in load_json(root / f"Number/Chinese/{name}.json")
    ]
    unsupported = sum(not_supported_by_python(c) for c in ranges)
    suite.extra.append(
        f"NumberRangeModel (+ experimental mode): {len(ranges)} cases, {unsupported} marked "
        "NotSupported for python: not run (range bounds are checked in the JioNLP suite)"
    )
    return suite


RT_CURRENCY = {
    "元": "Chinese yuan",
    "美元": "United States dollar",
    "欧元": "Euro",
    "日元": "Japanese yen",
    "港元": "Hong Kong dollar",
    "新台币": "New Taiwan dollar",
    "瑞士法郎": "Swiss franc",
    "奈拉": "Nigerian naira",
    "英镑": "British pound",
}
RT_DIMENSION = {
    "亩": "Mu",
    "千克": "Kilogram",
    "厘米": "Centimeter",
    "吨": "Ton",
    "米": "Meter",
    "斤": "Jin",
    "千米": "Kilometer",
    "克": "Gram",
    "微克": "Microgram",
    "毫克": "Milligram",
}
RT_AGE = {"岁": "Year", "月": "Month", "周": "Week", "天": "Day"}
RT_TEMPERATURE = {"度": "Degree", "℃": "C"}


def rt_type(q, text: str) -> tuple[str, str] | None:
    """(RT type name, RT unit) for one of our rows, or None when RT would not report it."""
    if q.kind == "money":
        return "currency", RT_CURRENCY.get(q.unit, q.unit)
    if q.kind == "count" and q.unit in RT_DIMENSION:
        return "dimension", RT_DIMENSION[q.unit]
    if q.kind == "count" and q.unit == "岁":
        return "age", "Year"
    if q.kind == "duration" and q.unit in RT_AGE and text[q.end : q.end + 1] == "大":
        return "age", RT_AGE[q.unit]
    if q.kind == "count" and q.unit in RT_TEMPERATURE:
        return "temperature", RT_TEMPERATURE[q.unit]
    return None


def number_with_unit(root: Path) -> Suite:
    suite = Suite(
        "Recognizers-Text NumberWithUnit: Currency, Dimension, Age, Temperature (extract)",
        [
            "cases marked NotSupported for python are skipped",
            "out: results without a number (人民币 美元, °C alone: a unit, not a quantity)",
            "out: units that fold a magnitude into the unit (三千比特 = 3 kilobit, 五十兆字节), "
            "两 as a weight (二两: ambiguous with 两 = two), crypto-currency (比特币)",
            "RT's generic 'Dollar' (for $) is accepted for our 美元",
            "pass = each expected result has a row of its RT type with an overlapping span, the same "
            "value and unit; no other rows of the suite's type",
        ],
    )
    files = ["CurrencyModel", "DimensionModel", "AgeModel", "TemperatureModel"]
    per_file: Counter = Counter()
    per_file_ok: Counter = Counter()
    for name in files:
        for case in load_json(root / f"NumberWithUnit/Chinese/{name}.json"):
            text, expected = case["Input"], case["Results"]
            if not_supported_by_python(case):
                suite.skip("NotSupported python")
                continue
            if any(r["Resolution"].get("value") is None for r in expected):
                suite.skip("unit without number")
                continue
            if "兆" in text:
                suite.skip("兆")
                continue
            if re.search(r"比特|字节|比特币", text):
                suite.skip("magnitude folded into unit / crypto")
                continue
            if re.search(r"[二两三十百千万\d]两", text) and name == "DimensionModel":
                suite.skip("两 as weight")
                continue
            type_name = {"CurrencyModel": "currency", "DimensionModel": "dimension",
                         "AgeModel": "age", "TemperatureModel": "temperature"}[name]  # fmt: skip
            rows = []
            for q in extract(text):
                mapped = rt_type(q, text)
                if mapped is not None and mapped[0] == type_name:
                    rows.append((q, mapped[1]))
            matched, ok = set(), True
            for r in expected:
                span = (r["Start"], r["End"] + 1)
                value = float(r["Resolution"]["value"])
                unit = r["Resolution"].get("unit", "")
                hit = None
                for i, (q, our_unit) in enumerate(rows):
                    same_unit = our_unit == unit or (
                        unit == "Dollar" and our_unit == RT_CURRENCY["美元"]
                    )
                    if (
                        i not in matched
                        and overlaps(span, (q.start, q.end))
                        and close(q.value, value)
                        and same_unit
                    ):
                        hit = i
                        break
                if hit is None:
                    ok = False
                    break
                matched.add(hit)
            ok = ok and len(matched) == len(rows)
            per_file[name] += 1
            per_file_ok[name] += ok
            if ok:
                suite.record(True)
                continue
            got = [(q.text, q.value, u) for q, u in rows]
            want = [
                (r["Text"], r["Resolution"]["value"], r["Resolution"].get("unit")) for r in expected
            ]
            if not rows:
                category = f"{type_name}: missed"
            elif not expected:
                category = f"{type_name}: extra"
            else:
                category = f"{type_name}: wrong value/unit/span"
            suite.record(False, category, f"{text!r}: got {got}, want {want}")
    suite.extra.append(
        "per model: " + ", ".join(f"{n} {per_file_ok[n]}/{per_file[n]}" for n in files)
    )
    return suite


# --------------------------------------------------------------------------- cn2an


def cn2an_suite(path: Path) -> Suite:
    suite = Suite(
        "cn2an tables (parse_number / find_numbers)",
        [
            "cn2an(input) tables strict, normal and smart: parse_number(input) == expected",
            "error tables for normal and smart mode: parse_number must raise ValueError "
            "(error_strict_only holds numerals that are valid outside strict mode: out of scope)",
            "transform tables (Arabic <-> Chinese text): the numbers find_numbers reads from the "
            "Chinese side equal, in order, the numbers written on the Arabic side",
            "out: 'direct' digit-string outputs (零一 -> '01'), an2cn (writing Chinese numerals), "
            "halves (半斤), 零下 (below zero), slash fractions (1/2)",
        ],
    )
    data = load_json(path)
    c = data["cn2an"]
    for table in ("strict", "normal_only", "smart_only"):
        for case in c[table]:
            try:
                value = parse_number(case["input"])
                ok = close(value, float(case["expected"]))
                got = value
            except ValueError as exc:
                ok, got = False, f"ValueError({exc})"
            suite.record(
                ok,
                f"{table}: wrong value",
                f"{case['input']!r}: got {got}, want {case['expected']}",
            )
    for table in ("error_normal_only", "error_smart"):
        for text in c[table]:
            try:
                value = parse_number(text)
            except ValueError:
                suite.record(True)
            else:
                suite.record(False, f"{table}: accepted", f"{text!r}: got {value}, want ValueError")
    suite.out_of_scope["direct digit strings"] += len(c["direct"])
    suite.out_of_scope["error_strict_only"] += len(c["error_strict_only"])
    suite.out_of_scope["an2cn"] += sum(
        len(v) for k, v in data["an2cn"].items() if isinstance(v, list)
    )
    t = data["transform"]
    pairs = [(x["expected"], x["input"]) for x in t["strict_roundtrip"]]  # Chinese side first
    pairs += [(x["input"], x["expected"]) for x in t["smart_cn2an"]]
    for chinese, arabic in pairs:
        if "半" in chinese or "零下" in chinese or "/" in arabic:
            suite.skip("transform: 半 / 零下 / slash")
            continue
        want = [float(x) for x in re.findall(r"-?\d+(?:\.\d+)?", arabic.replace(",", ""))]
        got = [n.value for n in find_numbers(chinese)]
        ok = len(want) == len(got) and all(close(a, b) for a, b in zip(want, got, strict=True))
        suite.record(ok, "transform: numbers differ", f"{chinese!r}: got {got}, want {want}")
    suite.out_of_scope["transform direct/extra"] += (
        len(t["direct_cn2an"]) + len(t["direct_an2cn"]) + len(t["extra_an2cn"])
    )
    return suite


# --------------------------------------------------------------------------- JioNLP

JIO_CASE = {"元": "元", "港元": "港元", "美元": "美元", "日元": "日元", "欧元": "欧元",
            "新台币": "新台币", "泰铢": "泰铢", "卢布": "卢布", "韩元": "韩元", "澳元": "澳元"}  # fmt: skip
_CURRENCY_WORD = re.compile(r"元|圆|块|币|美金|卢布|泰铢|镑|法郎")


def jionlp_suite(path: Path) -> Suite:
    suite = Suite(
        "JioNLP money (extract, kind money)",
        [
            "parse_money: exactly one money row (a range is one row); its value (accurate) or "
            "bounds (a [low, high] pair) and its currency must match; 'blur-' needs an upper bound "
            "and no lower one, 'blur+' a lower bound and no upper one",
            "extract_money: the spans of our money rows equal the expected spans",
            "out: k / w abbreviations (15k, 30w); amounts with no currency word (三百万, 小于40万), "
            "where JioNLP assumes 元 and we keep a plain count",
        ],
    )
    data = load_json(path)
    for case in data["parse_money"]["cases"]:
        text, exp = case["input"], case["expected"]
        if re.search(r"\d\s*[kKwW]", text):
            suite.skip("k/w abbreviation")
            continue
        if not _CURRENCY_WORD.search(text):
            suite.skip("no currency word")
            continue
        rows = [q for q in extract(text) if q.kind == "money"]
        if len(rows) != 1:
            suite.record(
                False, "not one money row", f"{text!r}: got {[(q.text, q.value) for q in rows]}"
            )
            continue
        q = rows[0]
        unit_ok = q.unit == JIO_CASE.get(exp["case"], exp["case"])
        num = exp["num"]
        if isinstance(num, list):
            lo, hi = float(num[0]), float(num[1])
            value_ok = close(q.value_low, lo) and close(q.value_high, hi)
        else:
            v = float(num)
            value_ok = close(q.value, v)
            if exp["definition"] == "blur-":
                value_ok = value_ok and math.isnan(q.value_low) and close(q.value_high, v)
            elif exp["definition"] == "blur+":
                value_ok = value_ok and close(q.value_low, v) and math.isnan(q.value_high)
        got = f"{q.text} value={q.value} [{q.value_low}, {q.value_high}] {q.unit}"
        if not unit_ok:
            suite.record(False, "parse_money: currency", f"{text!r}: got {got}, want {exp}")
        else:
            suite.record(value_ok, "parse_money: value/bounds", f"{text!r}: got {got}, want {exp}")
    for case in data["extract_money"]["cases"]:
        text = case["input"]
        if re.search(r"\d\s*[kKwW](?![a-zA-Z])", text):
            suite.skip("k/w abbreviation")
            continue
        want = sorted(tuple(x["offset"]) for x in case["expected"])
        got = sorted((q.start, q.end) for q in extract(text) if q.kind == "money")
        suite.record(
            want == got,
            "extract_money: spans differ",
            f"{text[:60]!r}: got {[text[s:e] for s, e in got]}, want {[text[s:e] for s, e in want]}",
        )
    return suite


# --------------------------------------------------------------------------- speed


def speed(n_docs: int) -> None:
    """Throughput of extract() against two baselines measured in the same run on the same text."""
    import warnings

    import cn2an

    warnings.filterwarnings("ignore", category=UserWarning, module="cn2an")

    corpus = shared_corpus("thucnews_sina_800")
    if corpus is None:
        print("\n=== speed: thucnews_sina_800 absent, skipped")
        return
    lines = (corpus / "sina_news_800.jsonl").read_text(encoding="utf-8").splitlines()
    docs = [json.loads(line)["content"] for line in lines[:n_docs]]
    chars = sum(map(len, docs))
    extract("预热：3月14日，共有5个小组。")  # build the tokenizer outside the timing

    def timed(fn: Callable[[str], object]) -> float:
        t0 = time.perf_counter()
        for d in docs:
            fn(d)
        return time.perf_counter() - t0

    digits = re.compile(r"\d+(?:\.\d+)?")
    t_regex = timed(lambda d: digits.findall(d))
    t_cn2an = timed(lambda d: cn2an.transform(d, "cn2an"))
    t_ours = timed(lambda d: extract(d, "2008-06"))
    n_rows = sum(len(extract(d, "2008-06")) for d in docs)
    print(f"\n=== speed on {len(docs)} THUCNews/Sina articles ({chars:,} chars, {n_rows:,} rows)")
    print(f"  extract()                 {t_ours:7.2f} s  {chars / t_ours:>10,.0f} chars/s")
    print(f"  cn2an.transform(cn2an)    {t_cn2an:7.2f} s  {chars / t_cn2an:>10,.0f} chars/s"
          f"   extract / cn2an.transform = {t_ours / t_cn2an:.2f}x time")  # fmt: skip
    print(f"  regex \\d+ (floor)         {t_regex:7.2f} s  {chars / t_regex:>10,.0f} chars/s"
          f"   extract / regex = {t_ours / t_regex:.0f}x time")  # fmt: skip


# --------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--examples", type=int, default=3, help="failure examples per category")
    parser.add_argument(
        "--speed-docs", type=int, default=300, help="articles for the timing (0 = skip)"
    )
    args = parser.parse_args(argv)
    specs = shared_corpus("number_specs")
    if specs is None:
        print("bench_numbers: ../shared/corpora/number_specs is absent; nothing to benchmark")
        return 0
    suites = [
        number_model(specs / "recognizers_text"),
        percent_model(specs / "recognizers_text"),
        ordinal_model(specs / "recognizers_text"),
        number_with_unit(specs / "recognizers_text"),
        cn2an_suite(specs / "cn2an" / "cn2an_test_cases.json"),
        jionlp_suite(specs / "jionlp" / "jionlp_test_cases.json"),
    ]
    for suite in suites:
        suite.report(args.examples)
    print("\n=== summary (in-scope pass rate)")
    for suite in suites:
        rate = 100.0 * suite.passed / suite.total if suite.total else float("nan")
        print(f"  {suite.name:70s} {suite.passed:4d}/{suite.total:<4d} {rate:5.1f}%")
    if args.speed_docs:
        speed(args.speed_docs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
