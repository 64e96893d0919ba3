"""The scripting path: scripts/ import `analysis` as a user would and run on a folder of pages."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from analysis._paths import PROJECT_ROOT, RAW_DIR

SCRIPTS = PROJECT_ROOT / "scripts"


def run_script(name: str, *args: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run a script as a subprocess from ``cwd`` (not the project root), like a user would."""
    env = {**os.environ, "PYTHONHASHSEED": "0"}
    return subprocess.run(
        [sys.executable, str(SCRIPTS / name), *args],
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


@pytest.mark.slow
def test_quantities_table_writes_one_row_per_quantity_with_provenance(tmp_path):
    out = tmp_path / "out" / "quantities.csv"
    result = run_script("quantities_table.py", str(RAW_DIR), "--out", str(out), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns[:3]) == ["article_id", "title", "text"]
    assert len(table) > 20
    assert table["article_id"].str.startswith("pinghu-daily-2020-03-").all()
    assert set(table["kind"]) <= {
        "count",
        "percent",
        "money",
        "duration",
        "date",
        "time",
        "ordinal",
    }
    # Provenance: every matched text is inside its sentence.
    assert all(t in s for t, s in zip(table["text"], table["sentence"], strict=True))
    assert f"{len(table)} quantities" in result.stderr


@pytest.mark.slow
def test_keywords_per_topic_writes_ranked_keywords_for_every_topic(tmp_path):
    out = tmp_path / "keywords.csv"
    result = run_script(
        "keywords_per_topic.py", str(RAW_DIR), "--out", str(out), "--top", "5", cwd=tmp_path
    )
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out, keep_default_na=False)
    assert list(table.columns) == [
        "topic",
        "topic_name",
        "n_articles",
        "rank",
        "keyword",
        "weight",
        "method",
    ]
    assert not table.empty
    for _, part in table.groupby("topic"):
        assert list(part["rank"]) == list(range(1, len(part) + 1))
        assert len(part) <= 5
        assert part["weight"].is_monotonic_decreasing
        assert part["n_articles"].nunique() == 1 and part["n_articles"].iloc[0] >= 1
    assert (table["method"] == "tfidf").all()
    assert table["keyword"].str.len().min() >= 1


@pytest.mark.parametrize("script", ["quantities_table.py", "keywords_per_topic.py"])
def test_scripts_name_a_missing_folder_instead_of_a_traceback(script, tmp_path):
    missing = tmp_path / "no-such-folder"
    result = run_script(script, str(missing), "--out", str(tmp_path / "x.csv"), cwd=tmp_path)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert str(missing) in result.stderr
    assert not (tmp_path / "x.csv").exists()
