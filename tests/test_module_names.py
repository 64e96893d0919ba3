"""No module of the package binds one top-level name twice: a second ``_PATTERN = …`` far down a
long module silently replaces the first for every rule that reads it (it happened twice in
analysis/layout.py: two _COMMENTATOR and two _SPEAKER patterns)."""

from __future__ import annotations

import ast
from collections import Counter
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "analysis"


def _top_level_names(tree: ast.Module) -> list[str]:
    names = []
    for node in tree.body:
        if isinstance(node, ast.Assign):
            names += [t.id for t in node.targets if isinstance(t, ast.Name)]
        elif isinstance(node, ast.AnnAssign) and isinstance(node.target, ast.Name):
            names.append(node.target.id)
        elif isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            names.append(node.name)
    return names


@pytest.mark.parametrize("path", sorted(PACKAGE.rglob("*.py")), ids=lambda p: p.name)
def test_no_top_level_name_is_bound_twice(path: Path) -> None:
    names = _top_level_names(ast.parse(path.read_text(encoding="utf-8")))
    twice = sorted(name for name, n in Counter(names).items() if n > 1)
    assert not twice, f"{path.name} binds these names more than once: {twice}"
