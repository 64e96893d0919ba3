# Chinese newspaper text-analytics workbench. `make help` lists the targets.
# Every target creates .venv and installs the project (pinned by constraints.txt) on first use.

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
STAMP := $(VENV)/.installed-stamp
# the layout stage compiled with mypyc (pure Python when no C compiler): see analysis/_native
NATIVE := analysis/_native/SOURCES
# jieba's dictionary cache and matplotlib's font cache stay inside the project, never in /tmp.
export ANALYSIS_CACHE_DIR := $(CURDIR)/.cache
export MPLCONFIGDIR := $(CURDIR)/.cache/matplotlib
export PYTHONHASHSEED := 0

.DEFAULT_GOAL := help
.PHONY: help install native test test-fast figures lab lint format bench browser lock clean

help: ## Show this help
	@echo "Usage: make <target>"
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | sort | \
	  awk 'BEGIN {FS = ":.*?## "}; {printf "  \033[36m%-12s\033[0m %s\n", $$1, $$2}'

$(STAMP): pyproject.toml constraints.txt
	test -x $(PY) || $(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --disable-pip-version-check --upgrade pip
	$(PY) -m pip install -q --disable-pip-version-check -c constraints.txt -e '.[dev]'
	$(PY) -m ipykernel install --sys-prefix --name analysis --display-name "Python (analysis)" >/dev/null
	touch $(STAMP)

install: $(STAMP) $(NATIVE) ## Create .venv and install the project with pinned dependencies

$(NATIVE): $(STAMP) analysis/layout.py analysis/normalize.py analysis/_native/__init__.py analysis/_native/build.py
	$(PY) -m analysis._native.build

native: $(NATIVE) ## Compile the layout stage with mypyc (1.3-1.7x faster ingest; every target does it)

browser: ## Install Debian's chromium + a CJK font for the JupyterLab browser test (best effort)
	@if ! command -v chromium >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk >/dev/null) \
	  || echo "browser: could not install chromium; the JupyterLab browser test will skip"; \
	fi

test: $(STAMP) browser $(NATIVE) ## Run every test (unit, notebooks, scripts, JupyterLab in a browser)
	$(PY) -m pytest -q

test-fast: $(STAMP) $(NATIVE) ## Run the tests without the slow ones (notebooks, cluster, browser)
	$(PY) -m pytest -q -m "not slow"

figures: $(STAMP) $(NATIVE) ## Rebuild data/processed/*.parquet and every figure in figures/ from data/raw
	$(PY) -m analysis figures

lab: $(STAMP) $(NATIVE) ## Start JupyterLab on the notebooks (token auth on)
	$(PY) -m jupyter lab --notebook-dir=notebooks $(if $(filter 0,$(shell id -u)),--allow-root,)

lint: $(STAMP) ## ruff, and check that every notebook is paired with its py:percent file
	$(PY) -m ruff check analysis tests bench scripts notebooks/*.py
	$(PY) -m ruff format --check analysis tests bench scripts notebooks/*.py
	$(PY) -m analysis.notebook_sync --check notebooks

format: $(STAMP) ## Format code and re-sync notebooks with their py:percent files
	$(PY) -m analysis.notebook_sync --sync notebooks
	$(PY) -m ruff check --fix analysis tests bench scripts
	$(PY) -m ruff format analysis tests bench scripts notebooks/*.py
	$(PY) -m analysis.notebook_sync --sync notebooks

bench: $(STAMP) $(NATIVE) ## Run every benchmark under bench/ (prints ratios measured side by side)
	@for b in bench/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

lock: ## Re-resolve dependencies and rewrite constraints.txt (needs the network to PyPI)
	rm -rf /tmp/analysis-lock && $(PYTHON) -m venv /tmp/analysis-lock
	/tmp/analysis-lock/bin/pip install -q --upgrade pip && /tmp/analysis-lock/bin/pip install -q -e '.[dev]'
	/tmp/analysis-lock/bin/pip freeze --exclude-editable | grep -v '^-e' > constraints.txt

clean: ## Remove .venv, caches and rebuilt data (keeps data/raw and committed figures)
	rm -rf $(VENV) .cache .pytest_cache .ruff_cache build *.egg-info
	rm -f analysis/_native/SOURCES analysis/_native/*.so
	find data/processed -mindepth 1 ! -name .gitkeep -delete 2>/dev/null || true
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
