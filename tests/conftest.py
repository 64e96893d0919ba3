"""Shared fixtures. Tests that need ../shared corpora skip cleanly when it is absent."""

from __future__ import annotations

import importlib.util
import os
from pathlib import Path

import pytest

os.environ.setdefault("ANALYSIS_CACHE_DIR", str(Path(__file__).resolve().parents[1] / ".cache"))

from analysis._paths import RAW_DIR, shared_corpus

SAMPLE_PAGE = RAW_DIR / "pinghu-daily-2020-03.txt"


@pytest.fixture(scope="session")
def sample_page_path() -> Path:
    return SAMPLE_PAGE


def corpus_or_skip(name: str) -> Path:
    path = shared_corpus(name)
    if path is None:
        pytest.skip(f"../shared/corpora/{name} is absent (evaluation data is not redistributed)")
    return path


@pytest.fixture(scope="module")
def articles():
    """The sample page's article table (module scope, as each test module had its own copy)."""
    from analysis.layout import load_articles

    return load_articles([SAMPLE_PAGE])


def load_bench_module(name: str):
    """Load bench/<name>.py (a benchmark's own reader and scorer) without touching sys.path."""
    path = Path(__file__).resolve().parents[1] / "bench" / f"{name}.py"
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module
