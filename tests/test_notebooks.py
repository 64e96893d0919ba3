"""The notebooks: paired and stripped in git (fast), and each one runs top to bottom in a real
kernel, on data/raw and on a folder of "the analyst's own pages" given as a papermill parameter
(slow)."""

from __future__ import annotations

import json
import os
import shutil
import sys
import time
from pathlib import Path

import nbformat
import pytest

from analysis import notebook_sync
from analysis._paths import PROJECT_ROOT, RAW_DIR

NOTEBOOK_DIR = PROJECT_ROOT / "notebooks"
NOTEBOOKS = sorted(NOTEBOOK_DIR.glob("[0-9][0-9]-*.ipynb"))
EXPECTED = ["01-articles", "02-words", "03-keywords", "04-topics", "05-figures"]
SAMPLE = RAW_DIR / "pinghu-daily-2020-03.txt"
KERNEL_NAME = "analysis-test"
CELL_TIMEOUT = 300  # seconds per cell; a notebook as a whole is bounded by pytest-timeout
# The copy of the sample page in the parameter runs gets a new name, so its article ids
# (``{page_id}-{ordinal:02d}``) prove which pages the notebook read.
OWN_PAGE_ID = "my-own-page"


# ------------------------------------------------------------------------------- fast checks


def test_every_numbered_notebook_is_there():
    assert [p.stem for p in NOTEBOOKS] == EXPECTED


def test_committed_notebooks_are_paired_synced_and_stripped():
    assert notebook_sync.check(NOTEBOOK_DIR) == []


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_opens_bilingual_and_takes_parameters(path):
    nb = nbformat.read(path, as_version=4)
    intro = nb.cells[0]
    assert intro.cell_type == "markdown"
    assert any("\u4e00" <= ch <= "\u9fff" for ch in intro.source), "no Chinese in the intro"
    assert "English" in intro.source or "**EN**" in intro.source
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert "parameters" in code[0].metadata.get("tags", []), "first code cell must be parameters"
    assert "PAGES" in code[0].source
    # Thin: no function or class definitions; the logic lives in the package.
    for cell in code:
        assert "def " not in cell.source and "class " not in cell.source, cell.source[:80]


def _pair(tmp_path: Path, cells: list[str]) -> notebook_sync.Pair:
    shutil.copy(NOTEBOOK_DIR / "jupytext.toml", tmp_path / "jupytext.toml")
    py = tmp_path / "nb.py"
    py.write_text("".join(cells), encoding="utf-8")
    return notebook_sync.Pair("nb", tmp_path / "nb.ipynb", py)


def test_sync_creates_a_stripped_ipynb_and_check_accepts_it(tmp_path):
    pair = _pair(tmp_path, ["# %% [markdown]\n# # 标题\n\n", '# %% tags=["parameters"]\nX = 1\n'])
    assert notebook_sync.check(tmp_path) == [f"{pair.py}: no paired nb.ipynb (run `make format`)"]
    notebook_sync.sync(tmp_path)
    assert notebook_sync.check(tmp_path) == []
    nb = nbformat.read(pair.ipynb, as_version=4)
    assert [c.cell_type for c in nb.cells] == ["markdown", "code"]
    assert nb.cells[1].metadata["tags"] == ["parameters"]
    assert notebook_sync.sync(tmp_path) == []  # idempotent


def test_check_reports_outputs_and_sync_strips_them(tmp_path):
    pair = _pair(tmp_path, ["# %%\nprint('你好')\n"])
    notebook_sync.sync(tmp_path)
    nb = nbformat.read(pair.ipynb, as_version=4)
    nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text="你好\n")]
    nb.cells[0].execution_count = 1
    nbformat.write(nb, pair.ipynb)
    problems = notebook_sync.check(tmp_path)
    assert len(problems) == 1 and "outputs or execution counts in cell(s) [1]" in problems[0]
    notebook_sync.sync(tmp_path)
    assert notebook_sync.check(tmp_path) == []
    assert nbformat.read(pair.ipynb, as_version=4).cells[0].outputs == []


def test_newer_ipynb_edit_is_written_back_to_the_py(tmp_path):
    pair = _pair(tmp_path, ["# %%\nX = 1\n"])
    notebook_sync.sync(tmp_path)
    nb = nbformat.read(pair.ipynb, as_version=4)
    nb.cells[0].source = "X = 2"
    nbformat.write(nb, pair.ipynb)
    later = time.time() + 5
    os.utime(pair.ipynb, (later, later))
    problems = notebook_sync.check(tmp_path)
    assert (
        len(problems) == 1 and "out of sync" in problems[0] and "nb.ipynb is newer" in problems[0]
    )
    notebook_sync.sync(tmp_path)
    assert "X = 2" in pair.py.read_text(encoding="utf-8")
    assert notebook_sync.check(tmp_path) == []


def test_cell_ids_do_not_change_when_a_cell_is_inserted(tmp_path):
    pair = _pair(tmp_path, ["# %%\nA = 1\n\n", "# %%\nB = 2\n"])
    notebook_sync.sync(tmp_path)
    before = [c.id for c in nbformat.read(pair.ipynb, as_version=4).cells]
    pair.py.write_text("# %%\nA = 1\n\n# %%\nNEW = 0\n\n# %%\nB = 2\n", encoding="utf-8")
    notebook_sync.sync(tmp_path)
    after = [c.id for c in nbformat.read(pair.ipynb, as_version=4).cells]
    assert after[0] == before[0] and after[2] == before[1] and len(set(after)) == 3


def test_lone_ipynb_and_bad_files_are_reported_by_name(tmp_path):
    (tmp_path / "lone.ipynb").write_text(
        nbformat.writes(nbformat.v4.new_notebook()), encoding="utf-8"
    )
    (tmp_path / "broken.py").write_text("print('no cell markers')\n", encoding="utf-8")
    (tmp_path / "broken.ipynb").write_text("{not json", encoding="utf-8")
    problems = notebook_sync.check(tmp_path)
    assert any("lone.ipynb: no paired py:percent file lone.py" in p for p in problems)
    assert any("broken.py: not a py:percent notebook" in p for p in problems)
    assert notebook_sync.main(["--check", str(tmp_path)]) == 1


# ------------------------------------------------------------------------ running notebooks


@pytest.fixture(scope="module")
def kernel_env(tmp_path_factory):
    """A kernelspec for exactly this interpreter (the venv with `analysis` installed), found
    through JUPYTER_PATH, so the notebooks never run in some other Python on PATH."""
    root = tmp_path_factory.mktemp("jupyter")
    spec_dir = root / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (analysis, tests)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    saved = {k: os.environ.get(k) for k in ("JUPYTER_PATH",)}
    os.environ["JUPYTER_PATH"] = os.pathsep.join(
        [str(root)] + ([saved["JUPYTER_PATH"]] if saved["JUPYTER_PATH"] else [])
    )
    yield root
    for key, value in saved.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _project_files() -> set[Path]:
    """Files a notebook run must not add to or remove from the checkout (caches excluded)."""
    keep_out = {".cache", ".git", ".venv", ".pytest_cache", ".ruff_cache", "__pycache__"}
    out = set()
    for folder in ("notebooks", "data/raw", "analysis/resources"):
        for path in (PROJECT_ROOT / folder).rglob("*"):
            if not keep_out & set(path.parts):
                out.add(path)
    return out


def _outputs_text(nb: nbformat.NotebookNode) -> str:
    parts = []
    for cell in nb.cells:
        for out in cell.get("outputs", []):
            if out.output_type == "stream":
                parts.append(out.text)
            elif out.output_type in ("execute_result", "display_data"):
                parts.extend(str(v) for k, v in out.data.items() if k.startswith("text/"))
    return "\n".join(parts)


def _errors(nb: nbformat.NotebookNode) -> list[str]:
    return [
        f"{out.ename}: {out.evalue}"
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.output_type == "error"
    ]


def _images(nb: nbformat.NotebookNode) -> int:
    return sum(
        1
        for cell in nb.cells
        for out in cell.get("outputs", [])
        if out.output_type in ("display_data", "execute_result") and "image/png" in out.data
    )


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_top_to_bottom(path, kernel_env, tmp_path, monkeypatch):
    """The committed notebook, unchanged, in a fresh kernel started in notebooks/ (as Lab does)."""
    from nbclient import NotebookClient

    before = _project_files()
    # the kernel's temporary files go here: a demo's scratch copies must be gone at the end
    scratch = tmp_path / "tmp"
    scratch.mkdir()
    monkeypatch.setenv("TMPDIR", str(scratch))
    nb = nbformat.read(path, as_version=4)
    client = NotebookClient(
        nb,
        kernel_name=KERNEL_NAME,
        timeout=CELL_TIMEOUT,
        startup_timeout=120,
        resources={"metadata": {"path": str(NOTEBOOK_DIR)}},
    )
    client.execute()  # raises CellExecutionError (with the traceback) when a cell fails
    nbformat.write(nb, tmp_path / path.name)  # kept for inspection, never in notebooks/
    assert _errors(nb) == []
    assert "pinghu-daily-2020-03-01" in _outputs_text(nb)
    if path.stem in ("03-keywords", "04-topics", "05-figures"):
        assert _images(nb) >= 1, "no chart was drawn"
    assert _project_files() == before, "the notebook added or removed files in the checkout"
    assert sorted(p.name for p in scratch.iterdir()) == [], "the notebook left files in /tmp"


@pytest.fixture(scope="module")
def own_pages(tmp_path_factory) -> Path:
    """A folder standing in for the analyst's own pages: the sample page under another name."""
    folder = tmp_path_factory.mktemp("own-pages")
    shutil.copy(SAMPLE, folder / f"{OWN_PAGE_ID}.txt")
    shutil.copy(SAMPLE.with_suffix(".json"), folder / f"{OWN_PAGE_ID}.json")
    return folder


@pytest.mark.slow
@pytest.mark.timeout(900)
@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.stem)
def test_notebook_runs_on_your_own_pages_via_papermill(path, kernel_env, own_pages, tmp_path):
    """papermill injects PAGES (and only that); the notebook then reads the other folder."""
    import papermill

    out = tmp_path / path.name
    papermill.execute_notebook(
        str(path),
        str(out),
        parameters={"PAGES": str(own_pages)},
        kernel_name=KERNEL_NAME,
        cwd=str(tmp_path),  # not notebooks/: paths must not depend on the working directory
        progress_bar=False,
        execution_timeout=CELL_TIMEOUT,
    )
    nb = nbformat.read(out, as_version=4)
    injected = [c for c in nb.cells if "injected-parameters" in c.metadata.get("tags", [])]
    assert len(injected) == 1 and str(own_pages) in injected[0].source
    text = _outputs_text(nb)
    assert f"{OWN_PAGE_ID}-01" in text
    assert "pinghu-daily-2020-03-01" not in text
