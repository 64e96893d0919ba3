"""Override files (applied last, validated) and the `python -m analysis articles` command."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys

import pandas as pd
import pytest

from analysis.ingest import read_page
from analysis.layout import load_articles, load_unplaced, parse_page
from analysis.overrides import OverrideError, apply_overrides


@pytest.fixture()
def page_dir(tmp_path, sample_page_path):
    shutil.copy(sample_page_path, tmp_path / sample_page_path.name)
    shutil.copy(
        sample_page_path.with_suffix(".json"), tmp_path / sample_page_path.with_suffix(".json").name
    )
    return tmp_path


def _write_override(page_dir, text: str):
    path = page_dir / "pinghu-daily-2020-03.overrides.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_assign_a_detached_byline(page_dir) -> None:
    unplaced = load_unplaced(page_dir)
    uid = unplaced[unplaced.kind == "detached_byline"].unplaced_id.iloc[0]
    _write_override(
        page_dir,
        f'[[assign]]\nunplaced = "{uid}"\narticle = "pinghu-daily-2020-03-06"\nfield = "byline"\n',
    )
    articles = load_articles(page_dir)
    assert (
        articles.set_index("article_id").loc["pinghu-daily-2020-03-06", "byline"] == "记者 李雨婷"
    )
    after = load_unplaced(page_dir)
    assert uid not in set(after.unplaced_id)
    assert (after.kind == "detached_byline").sum() == 3


def test_set_a_field_keeps_the_replaced_text(page_dir) -> None:
    _write_override(page_dir, '[articles."pinghu-daily-2020-03-02"]\ntitle = "包打市场"\n')
    articles = load_articles(page_dir).set_index("article_id")
    assert articles.loc["pinghu-daily-2020-03-02", "title"] == "包打市场"
    unplaced = load_unplaced(page_dir)
    assert "“包”打市场" in set(unplaced[unplaced.kind == "overridden"].text)


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        (
            '[[assign]]\nunplaced = "nope"\narticle = "pinghu-daily-2020-03-01"\nfield = "byline"\n',
            "unknown unplaced id",
        ),
        ('[articles."pinghu-daily-2020-03-99"]\ntitle = "x"\n', "unknown article id"),
        ('[articles."pinghu-daily-2020-03-01"]\nbody = "x"\n', "cannot be set"),
        ('[articles."pinghu-daily-2020-03-01"]\nkind = "ad"\n', "is not one of"),
        ("[extra]\n", "unknown section"),
        ("[[assign]\n", "not valid TOML"),
    ],
)
def test_bad_override_files_name_the_file(page_dir, text: str, problem: str) -> None:
    path = _write_override(page_dir, text)
    layout = parse_page(read_page(page_dir / "pinghu-daily-2020-03.txt"))
    with pytest.raises(OverrideError) as err:
        apply_overrides(layout)
    assert str(path) in str(err.value)
    assert problem in str(err.value)


def _run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "analysis", "articles", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.parametrize("suffix", [".csv", ".jsonl", ".parquet"])
def test_cli_writes_each_format(page_dir, tmp_path, suffix: str) -> None:
    out = tmp_path / f"articles{suffix}"
    result = _run_cli(str(page_dir), "--out", str(out))
    assert result.returncode == 0, result.stderr
    if suffix == ".csv":
        frame = pd.read_csv(out)
    elif suffix == ".jsonl":
        frame = pd.DataFrame(
            [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
        )
    else:
        frame = pd.read_parquet(out)
    assert len(frame) == 6
    assert frame["title"].iloc[5] == "网络直播招聘 助力复工复产"


def test_cli_bad_file_one_line_error_and_keep_going(page_dir, tmp_path) -> None:
    (page_dir / "empty.txt").write_bytes(b"")
    out = tmp_path / "a.csv"
    result = _run_cli(str(page_dir), "--out", str(out))
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(errors) == 1 and "empty.txt" in errors[0] and "empty file" in errors[0]
    assert "Traceback" not in result.stderr
    result = _run_cli(str(page_dir), "--out", str(out), "--keep-going")
    assert result.returncode != 0
    assert len(pd.read_csv(out)) == 6


def test_cli_unknown_output_format(page_dir, tmp_path) -> None:
    result = _run_cli(str(page_dir), "--out", str(tmp_path / "a.xlsx"))
    assert result.returncode == 2
    assert "unknown output format" in result.stderr
