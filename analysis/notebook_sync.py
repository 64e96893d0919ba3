"""Keep the notebooks reviewable in git: every ``.ipynb`` is paired with a jupytext ``py:percent``
file, and the committed ``.ipynb`` carries no outputs.

Policy (one way, enforced by ``make lint``):

- ``notebooks/NN-name.py`` (py:percent) is what you review and edit in a text editor;
  ``notebooks/NN-name.ipynb`` is the same notebook for JupyterLab, with outputs stripped.
- The ``.ipynb`` must be exactly what this module renders from its ``.py``: the same cells,
  no outputs, no execution counts, cell metadata limited to ``tags``, notebook metadata limited to
  the jupytext pairing and the kernel, and cell ids derived from the cell content (so inserting a
  cell does not renumber the others and diffs stay small).

``python -m analysis.notebook_sync --check notebooks`` lists every problem and exits 1 if any;
``python -m analysis.notebook_sync --sync notebooks`` fixes them: a notebook edited and saved in
JupyterLab (newer ``.ipynb`` whose cells differ) is written back to its ``.py`` first, then every
``.ipynb`` is re-rendered from its ``.py`` with outputs stripped. A file without its partner gets
one. ``notebooks/jupytext.toml`` pairs the notebooks the same way when JupyterLab saves them.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import sys
from dataclasses import dataclass
from pathlib import Path

import jupytext
import nbformat
from jupytext.config import load_jupytext_config

PAIRING = "ipynb,py:percent"
TEXT_FORMAT = "py:percent"
# Kernel registered by `make install` (the project venv with `analysis` installed).
DEFAULT_KERNELSPEC = {"display_name": "Python (analysis)", "language": "python", "name": "analysis"}
KEPT_CELL_METADATA = ("tags",)


class NotebookSyncError(ValueError):
    """A notebook file that cannot be read or paired; the message names the file."""


@dataclass(frozen=True)
class Pair:
    """One notebook: its ``.ipynb`` and its ``.py``, either of which may be missing."""

    stem: str
    ipynb: Path
    py: Path


def find_pairs(folder: Path | str) -> list[Pair]:
    """Every notebook in ``folder`` (by stem of its ``.ipynb`` or ``.py``), sorted by name."""
    folder = Path(folder)
    if not folder.is_dir():
        raise NotebookSyncError(f"{folder}: not a folder")
    stems = {p.stem for p in folder.iterdir() if p.suffix in (".ipynb", ".py") and p.is_file()}
    return [
        Pair(stem, folder / f"{stem}.ipynb", folder / f"{stem}.py")
        for stem in sorted(stems)
        if not stem.startswith(("_", "."))
    ]


def _config(folder: Path):
    return load_jupytext_config(str(folder.resolve()))


def read_text_notebook(path: Path) -> nbformat.NotebookNode:
    """Read a py:percent file into a notebook (raises NotebookSyncError naming the file)."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        raise NotebookSyncError(f"{path}: not UTF-8 text") from None
    if "# %%" not in text:
        raise NotebookSyncError(f"{path}: not a py:percent notebook (no '# %%' cell markers)")
    return jupytext.reads(text, TEXT_FORMAT, config=_config(path.parent))


def read_ipynb(path: Path) -> nbformat.NotebookNode:
    """Read an .ipynb (raises NotebookSyncError naming the file on bad JSON)."""
    try:
        return nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    except (UnicodeDecodeError, json.JSONDecodeError, nbformat.reader.NotJSONError) as exc:
        raise NotebookSyncError(f"{path}: not a readable notebook ({exc})") from None


def _cell_id(cell: nbformat.NotebookNode, seen: dict[str, int]) -> str:
    """A content-derived id: the same cell keeps its id when others are added or removed."""
    digest = hashlib.sha1(f"{cell.cell_type}\0{cell.source}".encode()).hexdigest()[:8]
    seen[digest] = seen.get(digest, 0) + 1
    return digest if seen[digest] == 1 else f"{digest}-{seen[digest]}"


def canonical_notebook(nb: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The committed form of a notebook: inputs only, minimal metadata, stable cell ids."""
    kernelspec = dict(nb.metadata.get("kernelspec") or DEFAULT_KERNELSPEC)
    out = nbformat.v4.new_notebook(
        metadata={"jupytext": {"formats": PAIRING}, "kernelspec": kernelspec}
    )
    seen: dict[str, int] = {}
    for cell in nb.cells:
        metadata = {k: cell.metadata[k] for k in KEPT_CELL_METADATA if cell.metadata.get(k)}
        source = cell.source.rstrip("\n")
        if cell.cell_type == "code":
            new = nbformat.v4.new_code_cell(source, metadata=metadata)
        elif cell.cell_type == "markdown":
            new = nbformat.v4.new_markdown_cell(source, metadata=metadata)
        else:
            new = nbformat.v4.new_raw_cell(source, metadata=metadata)
        new.id = _cell_id(new, seen)
        out.cells.append(new)
    return out


def render_ipynb(nb: nbformat.NotebookNode) -> str:
    """The exact text of the committed .ipynb for a notebook (1-space indent, as Jupyter writes)."""
    return nbformat.writes(canonical_notebook(nb), version=4) + "\n"


def render_py(nb: nbformat.NotebookNode, folder: Path) -> str:
    """The py:percent text of a notebook (header: pairing and kernel only)."""
    canonical = canonical_notebook(nb)
    return jupytext.writes(canonical, TEXT_FORMAT, config=_config(folder))


def _inputs(nb: nbformat.NotebookNode) -> list[tuple[str, str, tuple[str, ...]]]:
    return [
        (c.cell_type, c.source.rstrip("\n"), tuple(c.metadata.get("tags", ()))) for c in nb.cells
    ]


def _first_difference(a: nbformat.NotebookNode, b: nbformat.NotebookNode) -> str:
    ia, ib = _inputs(a), _inputs(b)
    for n, (ca, cb) in enumerate(zip(ia, ib, strict=False), start=1):
        if ca != cb:
            first = ca[1].splitlines()[:1] or [""]
            return f"cell {n} differs (.py cell starts {first[0][:60]!r})"
    if len(ia) != len(ib):
        return f".py has {len(ia)} cells, .ipynb has {len(ib)}"
    return "cells equal"


def check_pair(pair: Pair) -> list[str]:
    """Problems with one notebook (empty when its .ipynb is the stripped rendering of its .py)."""
    if not pair.ipynb.exists():
        return [f"{pair.py}: no paired {pair.ipynb.name} (run `make format`)"]
    if not pair.py.exists():
        return [f"{pair.ipynb}: no paired py:percent file {pair.py.name} (run `make format`)"]
    try:
        text_nb = read_text_notebook(pair.py)
        ipynb_nb = read_ipynb(pair.ipynb)
    except NotebookSyncError as exc:
        return [str(exc)]
    problems = []
    with_outputs = [
        n
        for n, c in enumerate(ipynb_nb.cells, start=1)
        if c.cell_type == "code" and (c.get("outputs") or c.get("execution_count") is not None)
    ]
    if with_outputs:
        problems.append(
            f"{pair.ipynb}: outputs or execution counts in cell(s) {with_outputs}; "
            "committed notebooks are stripped (run `make format`)"
        )
    if _inputs(text_nb) != _inputs(ipynb_nb):
        newer = pair.ipynb if pair.ipynb.stat().st_mtime > pair.py.stat().st_mtime else pair.py
        problems.append(
            f"{pair.ipynb}: out of sync with {pair.py.name}: {_first_difference(text_nb, ipynb_nb)}; "
            f"{newer.name} is newer (run `make format`: the newer side wins)"
        )
    elif not problems and pair.ipynb.read_text(encoding="utf-8") != render_ipynb(text_nb):
        problems.append(
            f"{pair.ipynb}: metadata or cell ids not in committed form (run `make format`)"
        )
    return problems


def check(folder: Path | str) -> list[str]:
    """Problems with every notebook in ``folder``."""
    pairs = find_pairs(folder)
    if not pairs:
        return [f"{folder}: no notebooks found"]
    return [problem for pair in pairs for problem in check_pair(pair)]


def sync_pair(pair: Pair) -> list[str]:
    """Bring one notebook into committed form; return what was written."""
    folder = pair.py.parent
    actions = []
    if pair.ipynb.exists() and pair.py.exists():
        text_nb, ipynb_nb = read_text_notebook(pair.py), read_ipynb(pair.ipynb)
        if _inputs(text_nb) != _inputs(ipynb_nb) and (
            pair.ipynb.stat().st_mtime > pair.py.stat().st_mtime
        ):
            pair.py.write_text(render_py(ipynb_nb, folder), encoding="utf-8")
            actions.append(f"{pair.py}: updated from the newer {pair.ipynb.name}")
    elif pair.ipynb.exists():
        pair.py.write_text(render_py(read_ipynb(pair.ipynb), folder), encoding="utf-8")
        actions.append(f"{pair.py}: created from {pair.ipynb.name}")
    rendered = render_ipynb(read_text_notebook(pair.py))
    if not pair.ipynb.exists() or pair.ipynb.read_text(encoding="utf-8") != rendered:
        pair.ipynb.write_text(rendered, encoding="utf-8")
        actions.append(f"{pair.ipynb}: rendered from {pair.py.name} (outputs stripped)")
    return actions


def sync(folder: Path | str) -> list[str]:
    """Sync every notebook in ``folder``; return what was written."""
    return [action for pair in find_pairs(folder) for action in sync_pair(pair)]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m analysis.notebook_sync",
        description="Check or restore the pairing of notebooks with their py:percent files.",
    )
    mode = parser.add_mutually_exclusive_group(required=True)
    mode.add_argument("--check", action="store_true", help="report problems, exit 1 if any")
    mode.add_argument("--sync", action="store_true", help="fix them (the newer side wins)")
    parser.add_argument("folder", type=Path, help="folder of notebooks, e.g. notebooks")
    args = parser.parse_args(argv)
    try:
        if args.check:
            problems = check(args.folder)
            for problem in problems:
                print(f"error: {problem}", file=sys.stderr)
            return 1 if problems else 0
        for action in sync(args.folder):
            print(action)
        return 0
    except NotebookSyncError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
