"""Where things live: the project root, the in-project cache, and the team's shared corpora."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
RESOURCES_DIR = PACKAGE_DIR / "resources"
PROJECT_ROOT = PACKAGE_DIR.parent
RAW_DIR = PROJECT_ROOT / "data" / "raw"
PROCESSED_DIR = PROJECT_ROOT / "data" / "processed"
FIGURES_DIR = PROJECT_ROOT / "figures"


def cache_dir() -> Path:
    """The project's cache folder (jieba dictionary cache, matplotlib cache); never /tmp."""
    path = Path(os.environ.get("ANALYSIS_CACHE_DIR", PROJECT_ROOT / ".cache"))
    path.mkdir(parents=True, exist_ok=True)
    return path


def shared_dir() -> Path | None:
    """The team's evaluation data (``../shared`` beside the checkout), or None when absent.

    The corpora there are research-only: read them in place, never copy them into the project.
    """
    env = os.environ.get("ANALYSIS_SHARED_DIR")
    candidates = [Path(env)] if env else []
    candidates.append(PROJECT_ROOT.parent / "shared")
    for path in candidates:
        if (path / "corpora").is_dir():
            return path
    return None


def shared_corpus(name: str) -> Path | None:
    """Path of ``shared/corpora/<name>`` when present, else None (callers skip cleanly)."""
    root = shared_dir()
    if root is None:
        return None
    path = root / "corpora" / name
    return path if path.exists() else None
