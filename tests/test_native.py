"""The layout stage's mypyc build (analysis/_native): used only while current, and it reads every
page exactly as the pure-Python source does."""

from __future__ import annotations

import ast
import hashlib
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

import analysis._native as native
from analysis import layout, normalize
from analysis._native.build import missing_tool, native_source

ROOT = Path(__file__).resolve().parent.parent
PAGES = sorted((ROOT / "tests" / "fixtures" / "pages").glob("*.txt")) + sorted(
    (ROOT / "data" / "raw").glob("*.txt")
)

# every table of every page, hashed: run here and in a pure-Python child process
_DIGEST = """
import hashlib, json, sys
from pathlib import Path
from analysis import layout
from analysis.ingest import read_page
digest = hashlib.sha256()
for path in sys.stdin.read().split():
    result = layout.parse_page(read_page(Path(path)))
    for table in (result.articles, result.paragraphs, result.unplaced):
        digest.update(table.to_json(orient="split", force_ascii=False).encode())
print(json.dumps([layout.IMPLEMENTATION, digest.hexdigest()]))
"""


def _tables_digest(pure: bool) -> tuple[str, str]:
    env = dict(os.environ, ANALYSIS_PURE_PYTHON="1" if pure else "0")
    result = subprocess.run(
        [sys.executable, "-c", _DIGEST],
        input="\n".join(map(str, PAGES)),
        capture_output=True,
        text=True,
        env=env,
        check=True,
    )
    implementation, digest = json.loads(result.stdout)
    return implementation, digest


def test_native_source_is_a_module_of_the_native_package() -> None:
    source = native_source("layout")
    assert "from ..ingest import" in source  # (a module left as Python, one level up)
    assert "from .normalize import" in source  # (compiled beside it)
    assert "adopt(globals())" not in source
    assert "from ._native import adopt" not in source
    # mypyc compiles a subclass of a builtin exception as a Python class only
    assert "@mypyc_attr(native_class=False)\nclass ConservationError(AssertionError):" in source


def test_a_stale_build_leaves_the_python_module_in_place(monkeypatch) -> None:
    monkeypatch.setattr(native, "_build_is_current", lambda: False)
    namespace: dict[str, object] = {"__name__": "analysis.layout", "parse_page": "python"}
    native.adopt(namespace)
    assert namespace == {
        "__name__": "analysis.layout",
        "parse_page": "python",
        "IMPLEMENTATION": "python",
    }


def test_an_edited_source_makes_the_build_stale(monkeypatch, tmp_path) -> None:
    recorded = {name: hashlib.sha256(b"old").hexdigest() for name in native.MODULES}
    sources = tmp_path / "SOURCES"
    sources.write_text("".join(f"{digest}  {name}\n" for name, digest in recorded.items()))
    monkeypatch.setattr(native, "SOURCES_FILE", sources)
    monkeypatch.delenv("ANALYSIS_PURE_PYTHON", raising=False)
    native._build_is_current.cache_clear()
    try:
        assert not native._build_is_current()
        monkeypatch.setattr(native, "source_hashes", lambda: recorded)
        native._build_is_current.cache_clear()
        assert native._build_is_current()
        monkeypatch.setenv("ANALYSIS_PURE_PYTHON", "1")
        native._build_is_current.cache_clear()
        assert not native._build_is_current()
    finally:
        native._build_is_current.cache_clear()


def test_the_native_build_is_current_where_it_can_be_built() -> None:
    missing = missing_tool()
    if missing is not None:
        pytest.skip(f"no native build: {missing}")
    if os.environ.get("ANALYSIS_PURE_PYTHON", "") not in ("", "0"):
        pytest.skip("ANALYSIS_PURE_PYTHON is set")
    assert (layout.IMPLEMENTATION, normalize.IMPLEMENTATION) == ("native", "native"), (
        "the native build is missing or older than analysis/layout.py or normalize.py: "
        "run `make native` (every make target does)"
    )


def test_native_and_python_read_every_page_the_same() -> None:
    if layout.IMPLEMENTATION != "native":
        pytest.skip("no current native build")
    native_run = _tables_digest(pure=False)
    python_run = _tables_digest(pure=True)
    assert native_run[0] == "native" and python_run[0] == "python"
    assert native_run[1] == python_run[1]


@pytest.mark.parametrize("name", native.MODULES)
def test_every_module_constant_is_final(name: str) -> None:
    """mypyc keeps a Final module name in a C static; any other is looked up in the module's
    dict at each use, which costs the native build about a tenth of its time."""
    tree = ast.parse((native.PACKAGE_DIR / f"{name}.py").read_text(encoding="utf-8"))
    not_final = [
        target.id
        for node in tree.body
        if isinstance(node, ast.Assign)
        for target in node.targets
        if isinstance(target, ast.Name) and target.id.lstrip("_")[:1].isupper()
    ]
    assert not_final == []
