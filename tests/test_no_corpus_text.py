"""No passage of the team's evaluation corpora (../shared/corpora, research-only and not
redistributable) is copied into the project: tests, fixtures, comments and docs use invented text.

Every tracked text file is cut into runs of 12 consecutive CJK characters (punctuation, digits,
spaces and line breaks left out, so re-wrapping or re-punctuating hides nothing), and the
corpora are read against them. Stock formulas are shared by any two news texts (新华社…电, a
law's name, a slogan), so a file fails only on a run of 24 or more characters in a row.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from analysis._paths import PROJECT_ROOT, shared_dir

pytestmark = pytest.mark.shared

SHINGLE = 12
LONGEST_ALLOWED = 23  # CJK characters in a row shared with a corpus
_NOT_CJK = re.compile(r"[^\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
_TEXT_SUFFIXES = {".py", ".md", ".txt", ".json", ".jsonl", ".tsv", ".csv", ".toml", ".ipynb"}


def _tracked_texts() -> dict[str, str]:
    try:
        names = subprocess.run(
            ["git", "ls-files"], cwd=PROJECT_ROOT, capture_output=True, text=True, check=True
        ).stdout.split("\n")
    except (OSError, subprocess.CalledProcessError):
        pytest.skip("not a git checkout")
    texts = {}
    for name in names:
        path = PROJECT_ROOT / name
        if path.suffix in _TEXT_SUFFIXES and path.is_file():
            texts[name] = _NOT_CJK.sub("", path.read_text(encoding="utf-8", errors="replace"))
    return texts


def _corpus_texts(root: Path):
    for path in sorted(root.rglob("*")):
        if not path.is_file() or path.suffix in {".xlsx", ".md"} or path.name == "LICENSE":
            continue
        data = path.read_bytes()
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError:
            text = data.decode("gb18030", errors="replace")
        if path.suffix == ".jsonl":  # (the escapes of JSON would hide the text)
            text = "\n".join(
                json.dumps(json.loads(line), ensure_ascii=False)
                for line in text.splitlines()
                if line.strip()
            )
        yield _NOT_CJK.sub("", text)


def test_no_corpus_passage_is_copied_into_the_project() -> None:
    shared = shared_dir()
    if shared is None:
        pytest.skip("../shared is absent")
    texts = _tracked_texts()
    # the sample page is the project's own input, in data/raw by design
    sample = {
        _NOT_CJK.sub("", path.read_text(encoding="utf-8"))
        for path in (shared / "data" / "raw").glob("*.txt")
    }
    allowed = {s[k : k + SHINGLE] for s in sample for k in range(len(s) - SHINGLE + 1)}
    wanted: set[str] = set()
    for text in texts.values():
        wanted.update(text[k : k + SHINGLE] for k in range(len(text) - SHINGLE + 1))
    wanted -= allowed
    found: set[str] = set()
    for corpus in _corpus_texts(shared / "corpora"):
        found.update(
            gram
            for gram in (corpus[k : k + SHINGLE] for k in range(len(corpus) - SHINGLE + 1))
            if gram in wanted
        )
    copied = {}
    for name, text in texts.items():
        run = longest = 0
        for k in range(len(text) - SHINGLE + 1):
            run = run + 1 if text[k : k + SHINGLE] in found else 0
            longest = max(longest, run)
        if longest and longest + SHINGLE - 1 > LONGEST_ALLOWED:
            copied[name] = longest + SHINGLE - 1
    assert not copied, f"corpus text copied into the project (longest run, characters): {copied}"
