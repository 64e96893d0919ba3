"""Shared fixtures. Tests that need ../shared corpora skip cleanly when it is absent."""

from __future__ import annotations

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
