"""Corpus: many pages -> the same tables as one page, cached as Parquet, in parallel or on Dask.

::

    corpus = Corpus("data/raw/").process(workers=2)   # incremental: only new or changed pages
    corpus.articles(); corpus.tokens(); corpus.quantities(); corpus.unplaced()
    Corpus.from_cache().tokens()                      # read back, no page files needed
    corpus.process_dask()                             # same stages on dask.distributed
    corpus.to_dask("tokens")                          # lazy dask DataFrame, one partition a batch

Stages per page: :func:`analysis.ingest.read_page` -> :func:`analysis.layout.parse_page` ->
:func:`analysis.overrides.apply_overrides` (articles, unplaced), then per batch of pages
:func:`analysis.tokenize.tokens` and :func:`analysis.quantities.quantities` on the batch's
articles. Tables and columns are those of ``docs/architecture.md``.

Cache layout (``cache_dir``, default ``data/processed/corpus/``)::

    manifest.parquet            one row per cached page version: key, path, page_id, batch,
                                and for each table the row offset and row count in its batch
    <table>/<batch>.parquet     rows of a batch of pages, pages in order

A page's key hashes its bytes, its sidecar metadata and override file, its page id, metadata
given to the Corpus, a fingerprint of the tokenizer (parameters, dictionaries, stopwords,
engine version) and of the code (``analysis.__version__``, the source of the stage modules,
their resource files, and the jieba / rjieba / cn2an versions).
A page is processed again only when its key changes; a batch file is deleted once no cached
page points into it. Tables read back are ordered by (page order, then each stage's own order:
article ordinal, token position), whatever the number of workers, so a run with 2 processes or
on Dask gives exactly the frames of a single-process run.

One writer at a time: two processes writing the same cache folder concurrently may lose each
other's manifest rows (the pages are then simply processed again).
"""

from __future__ import annotations

import concurrent.futures as cf
import dataclasses
import functools
import gc
import hashlib
import json
import math
import multiprocessing
import os
import sys
import time
import traceback
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq

from ._paths import PACKAGE_DIR, PROCESSED_DIR, RESOURCES_DIR
from .ingest import PageError, find_pages

DEFAULT_CACHE_DIR = PROCESSED_DIR / "corpus"
MANIFEST_NAME = "manifest.parquet"
TABLES = ("articles", "unplaced", "tokens", "quantities")
# Modules whose code shapes the cached tables; a change to any of them invalidates the cache.
STAGE_MODULES = (
    "ingest",
    "normalize",
    "layout",
    "overrides",
    "sentences",
    "tokenize",
    "quantities",
    "corpus",
)
# Resource files that no cached table depends on (editing them must not cost a re-run).
_NON_STAGE_RESOURCES = frozenset({"charts.toml", "topics.toml", "README.md"})
MAX_BATCH_PAGES = 48
_CHECKPOINT_SECONDS = 5.0
_SHOW_PROGRESS_FROM = 20  # pages to process before a progress bar shows by default


class CorpusError(ValueError):
    """A corpus that cannot be processed or read back; the message names the page or file."""


# --------------------------------------------------------------------------- fingerprints


def _hash_files(h: Any, paths: Sequence[Path]) -> None:
    for path in paths:
        path = Path(path)
        h.update(str(path.name).encode())
        try:
            h.update(hashlib.sha256(path.read_bytes()).digest())
        except OSError:
            h.update(b"<absent>")


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """Hash of ``analysis.__version__``, the stage modules' source, their resource files and the
    versions of jieba, rjieba and cn2an."""
    from . import __version__

    h = hashlib.sha256(f"analysis {__version__}".encode())
    _hash_files(h, [PACKAGE_DIR / f"{name}.py" for name in STAGE_MODULES])
    resources = sorted(
        p
        for p in RESOURCES_DIR.rglob("*")
        if p.is_file() and p.name not in _NON_STAGE_RESOURCES and "__pycache__" not in p.parts
    )
    _hash_files(h, resources)
    # libraries whose output is part of the tables (segmentation, numerals)
    from importlib import metadata

    for dist in ("jieba", "rjieba", "cn2an"):
        try:
            h.update(f"{dist} {metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} absent".encode())
    return h.hexdigest()[:16]


def tokenizer_fingerprint(tokenizer: Any) -> str:
    """Hash of what makes a tokenizer cut the way it does: parameters, files, engine version.

    Uses ``tokenizer.fingerprint()`` when the tokenizer provides one.
    """
    own = getattr(tokenizer, "fingerprint", None)
    if callable(own):
        return str(own())
    from importlib import metadata

    from . import tokenize as tk

    h = hashlib.sha256(type(tokenizer).__qualname__.encode())
    params = tokenizer.get_params() if hasattr(tokenizer, "get_params") else {}
    h.update(repr(sorted((k, repr(v)) for k, v in params.items())).encode())
    files: list[Path] = []
    if params.get("domain_dicts", True):
        files += tk.domain_dictionary_files()
    files += [Path(p) for p in tk._paths(params.get("user_dicts"))]
    files += [Path(p) for p in tk._stopword_files(params.get("stopwords", "default"))]
    files.append(tk._jieba_dict_path())
    _hash_files(h, files)
    for dist in ("jieba", "rjieba"):
        try:
            h.update(f"{dist} {metadata.version(dist)}".encode())
        except metadata.PackageNotFoundError:
            h.update(f"{dist} absent".encode())
    return h.hexdigest()[:16]


def _sidecar_paths(path: Path) -> list[Path]:
    """Files beside a page that change its tables: metadata JSON and the analyst's overrides."""
    return [path.with_suffix(".json"), path.with_name(path.stem + ".overrides.toml")]


def page_key(
    path: str | Path, page_id: str, fingerprint: str, metadata: Sequence[tuple[str, str]] = ()
) -> str:
    """Cache key of one page: its bytes, sidecars, page id, metadata given by the caller and
    the pipeline fingerprint."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise CorpusError(f"{path}: no such page file") from None
    except IsADirectoryError:
        raise CorpusError(f"{path}: is a directory, not a page file") from None
    except OSError as exc:
        raise CorpusError(f"{path}: cannot be read ({exc.strerror})") from None
    h = hashlib.sha256(fingerprint.encode())
    h.update(page_id.encode() + b"\0")
    h.update(hashlib.sha256(data).digest())
    for sidecar in _sidecar_paths(path):
        if sidecar.exists():
            h.update(sidecar.suffix.encode() + hashlib.sha256(sidecar.read_bytes()).digest())
    if metadata:
        h.update(json.dumps(list(metadata), ensure_ascii=False).encode())
    return h.hexdigest()[:32]


def _metadata_by_page(metadata: Any) -> dict[str, dict[str, str]]:
    """page_id -> {field: text} from a DataFrame (``page_id`` column) or a mapping."""
    if metadata is None:
        return {}
    if isinstance(metadata, pd.DataFrame):
        if "page_id" not in metadata.columns:
            raise ValueError(
                f"metadata needs a page_id column (the page file stem); got {list(metadata.columns)}"
            )
        if metadata["page_id"].duplicated().any():
            dup = metadata.loc[metadata["page_id"].duplicated(), "page_id"].iloc[0]
            raise ValueError(f"metadata lists page_id {dup!r} twice")
        records = metadata.set_index("page_id").to_dict("index")
    elif isinstance(metadata, Mapping):
        records = dict(metadata)
    else:
        raise TypeError(f"metadata must be a DataFrame or a mapping, not {type(metadata).__name__}")
    out: dict[str, dict[str, str]] = {}
    for page_id, fields in records.items():
        if not isinstance(fields, Mapping):
            raise TypeError(f"metadata for page {page_id!r} must be a mapping of field -> value")
        # missing values (NaN / None) leave the sidecar's value in place
        out[str(page_id)] = {
            str(k): str(v) for k, v in fields.items() if v is not None and not pd.isna(v)
        }
    return out


# --------------------------------------------------------------------------- one batch of pages


@dataclass(frozen=True)
class PageRef:
    """A page to process: its file, its id (file stem), cache key and metadata given by the
    caller (on top of the sidecar's), as sorted (field, value) pairs."""

    path: str
    page_id: str
    key: str
    metadata: tuple[tuple[str, str], ...] = ()


@dataclass(frozen=True)
class Batch:
    """Consecutive pages processed and written together (one Parquet file per table)."""

    batch_id: str
    pages: tuple[PageRef, ...]
    tables: tuple[str, ...]


def _batch_id(pages: Sequence[PageRef], tables: Sequence[str]) -> str:
    h = hashlib.sha256(",".join(tables).encode())
    for ref in pages:
        h.update(ref.key.encode())
    return h.hexdigest()[:20]


# Per process: the tokenizers this worker has built, by fingerprint (built once per worker).
_WORKER_TOKENIZERS: dict[str, Any] = {}


def build_stages(tokenizer: Any, tables: Sequence[str]) -> None:
    """Build what the stages load on first use: the tokenizer, and quantities' own tables."""
    import logging

    logging.getLogger("jieba").setLevel(logging.WARNING)
    if "tokens" in tables and tokenizer is not None:
        tokenizer.fit()
    if "quantities" in tables:
        from .quantities import quantities

        quantities(pd.DataFrame({"article_id": ["warm-up"], "body": ["3月14日，共5个。"]}))


def _init_worker(tokenizer: Any, fingerprint: str, tables: Sequence[str] = TABLES) -> None:
    """Worker initializer (process pool, Dask): build the stages once, before the first batch."""
    if fingerprint not in _WORKER_TOKENIZERS:
        build_stages(tokenizer, tables)
        _WORKER_TOKENIZERS[fingerprint] = tokenizer


def _init_worker_process(tokenizer: Any, fingerprint: str, tables: Sequence[str] = TABLES) -> None:
    """``_init_worker`` in a worker process of our own (pool or Dask), then freeze what it holds:
    the stages' tables and the modules live as long as the process, and frozen objects are
    skipped by every later garbage collection (about a tenth of the stages' time otherwise)."""
    _init_worker(tokenizer, fingerprint, tables)
    gc.freeze()


def _worker_tokenizer(tokenizer: Any, fingerprint: str, tables: Sequence[str]) -> Any:
    if fingerprint not in _WORKER_TOKENIZERS:
        _init_worker(tokenizer, fingerprint, tables)
    return _WORKER_TOKENIZERS[fingerprint]


def _layout(ref: PageRef) -> tuple[pd.DataFrame, pd.DataFrame, int]:
    from .ingest import read_page
    from .layout import parse_page
    from .overrides import apply_overrides

    page = read_page(ref.path, ref.page_id)
    if ref.metadata:
        page = dataclasses.replace(page, metadata={**page.metadata, **dict(ref.metadata)})
    layout = apply_overrides(parse_page(page))
    return layout.articles, layout.unplaced, len(page.text)


def _error_text(ref: PageRef, exc: BaseException) -> str:
    """The error as text naming the page (errors do not all pickle back from a worker)."""
    from .overrides import OverrideError

    if isinstance(exc, PageError) and exc.path == ref.path:
        return str(exc)
    if isinstance(exc, (PageError, OverrideError)):
        return f"{ref.path}: {exc}"
    # A bug rather than bad input: say where it happened.
    where = traceback.extract_tb(exc.__traceback__)[-1:]
    at = f" (at {Path(where[0].filename).name}:{where[0].lineno})" if where else ""
    return f"{ref.path}: {type(exc).__name__}: {exc}{at}"


def _derived_tables(
    articles: pd.DataFrame, tables: Sequence[str], tokenizer: Any
) -> dict[str, pd.DataFrame]:
    out: dict[str, pd.DataFrame] = {}
    if "tokens" in tables:
        from .tokenize import tokens

        out["tokens"] = tokens(articles, tokenizer)
    if "quantities" in tables:
        from .quantities import quantities

        out["quantities"] = quantities(articles)
    return out


def _rows_per_page(frame: pd.DataFrame, page_index: pd.Series | dict, column: str, n: int):
    """Row offsets and counts of each page in ``frame`` (rows must come grouped in page order)."""
    if frame.empty:
        zeros = np.zeros(n, dtype=np.int64)
        return frame, zeros, zeros
    idx = frame[column].map(page_index).to_numpy(dtype=np.int64)
    if len(idx) > 1 and (np.diff(idx) < 0).any():
        # Stages keep article order; should one not, restore page order without reordering
        # rows within a page.
        order = np.argsort(idx, kind="stable")
        frame = frame.iloc[order].reset_index(drop=True)
        idx = idx[order]
    counts = np.bincount(idx, minlength=n).astype(np.int64)
    starts = np.concatenate([[0], np.cumsum(counts)[:-1]]).astype(np.int64)
    return frame, starts, counts


def _write_parquet(frame: pd.DataFrame, path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    table = pa.Table.from_pandas(frame, preserve_index=False)
    tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    pq.write_table(table, tmp, compression="zstd")
    os.replace(tmp, path)  # readers never see half a file


def process_batch(
    batch: Batch, cache_dir: str | Path, tokenizer: Any, fingerprint: str
) -> list[dict]:
    """Run every stage on one batch of pages, write its Parquet files, return manifest rows.

    Errors of single pages do not stop the batch: the page's row has ``status="error"`` and the
    message (file and problem); the caller decides whether to raise.
    """
    tok = _worker_tokenizer(tokenizer, fingerprint, batch.tables)
    cache_dir = Path(cache_dir)
    good: list[tuple[PageRef, pd.DataFrame, pd.DataFrame, int]] = []
    errors: dict[str, str] = {}
    for ref in batch.pages:
        try:
            articles, unplaced, n_chars = _layout(ref)
        except Exception as exc:
            errors[ref.key] = _error_text(ref, exc)
            continue
        good.append((ref, articles, unplaced, n_chars))

    now = time.strftime("%Y-%m-%dT%H:%M:%S")
    if not good:  # nothing to write
        return [_manifest_row(r, batch, "error", errors[r.key], 0, now) for r in batch.pages]
    articles = _concat([g[1] for g in good])
    try:
        derived = _derived_tables(articles, batch.tables, tok)
    except Exception:
        # Find the page that breaks a stage: run the stages page by page.
        derived_parts: dict[str, list[pd.DataFrame]] = {}
        kept = []
        for item in good:
            try:
                one = _derived_tables(item[1], batch.tables, tok)
            except Exception as exc:
                errors[item[0].key] = _error_text(item[0], exc)
                continue
            kept.append(item)
            for name, frame in one.items():
                derived_parts.setdefault(name, []).append(frame)
        good = kept
        if not good:
            return [_manifest_row(r, batch, "error", errors[r.key], 0, now) for r in batch.pages]
        articles = _concat([g[1] for g in good])
        derived = {name: _concat(frames) for name, frames in derived_parts.items()}

    n = len(good)
    page_of = {g[0].page_id: i for i, g in enumerate(good)}
    article_page = dict(zip(articles["article_id"], articles["page_id"].map(page_of), strict=True))
    frames = {"articles": articles, "unplaced": _concat([g[2] for g in good]), **derived}
    layout: dict[str, tuple[np.ndarray, np.ndarray]] = {}
    for name in batch.tables:
        frame = frames.get(name, pd.DataFrame())
        if name in ("articles", "unplaced"):
            frame, starts, counts = _rows_per_page(frame, page_of, "page_id", n)
        else:
            frame, starts, counts = _rows_per_page(frame, article_page, "article_id", n)
        layout[name] = (starts, counts)
        _write_parquet(frame, cache_dir / name / f"{batch.batch_id}.parquet")

    rows = []
    for i, (ref, _, _, n_chars) in enumerate(good):
        row = _manifest_row(ref, batch, "ok", "", n_chars, now)
        for name in batch.tables:
            row[f"{name}_start"] = int(layout[name][0][i])
            row[f"{name}_rows"] = int(layout[name][1][i])
        rows.append(row)
    for ref in batch.pages:
        if ref.key in errors:
            rows.append(_manifest_row(ref, batch, "error", errors[ref.key], 0, now))
    return rows


def _manifest_row(ref: PageRef, batch: Batch, status: str, error: str, n_chars: int, now: str):
    row: dict[str, Any] = {
        "key": ref.key,
        "path": ref.path,
        "page_id": ref.page_id,
        "batch": batch.batch_id if status == "ok" else "",
        "tables": ",".join(batch.tables),
        "status": status,
        "error": error,
        "n_chars": n_chars,
        "processed_at": now,
    }
    for name in TABLES:
        row[f"{name}_start"] = 0
        row[f"{name}_rows"] = 0
    return row


def _concat(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if f is not None]
    if not frames:
        return pd.DataFrame()
    if len(frames) == 1:
        return frames[0].reset_index(drop=True)
    return pd.concat(frames, ignore_index=True)


# --------------------------------------------------------------------------- the Corpus


@dataclass
class RunReport:
    """What the last :meth:`Corpus.process` did."""

    processed: list[str] = field(default_factory=list)  # page ids processed in this run
    cached: list[str] = field(default_factory=list)  # page ids read from the cache
    failed: list[str] = field(default_factory=list)  # page ids with an error (on_error="skip")
    n_chars: int = 0  # characters of the processed pages
    seconds: float = 0.0
    workers: int = 1
    batches: int = 0

    @property
    def chars_per_second(self) -> float:
        return self.n_chars / self.seconds if self.seconds else 0.0


class Corpus:
    """Many pages, processed into the tables of one page and cached as Parquet.

    - ``pages``: a folder, a glob, a page file, or a list of these (``*.txt``; sidecar
      ``<stem>.json`` metadata and ``<stem>.overrides.toml`` are read beside each page).
      Page ids are file stems and must be unique in a corpus.
    - ``cache_dir``: where the Parquet cache lives (default ``data/processed/corpus/``).
    - ``metadata``: page metadata (newspaper, date, page, place, source ...) when it is not,
      or not only, in sidecar files: a DataFrame with a ``page_id`` (file stem) column and a
      column per field, or a mapping page_id -> {field: value}. It wins over the sidecar and
      is part of the cache key. Rows for pages outside the corpus are ignored.
    - ``tokenizer``: an :class:`analysis.tokenize.Tokenizer` (default: the project tokenizer).
    - ``workers``: worker processes for :meth:`process` (1 = in this process).
    - ``progress``: show a progress bar (default: when more than 20 pages need processing).
    - ``tables``: which tables to build (default all: articles, unplaced, tokens, quantities).
    - ``on_error``: ``"raise"`` (stop at the first unreadable page, naming it) or ``"skip"``
      (record it, see :meth:`errors`, and go on).
    - ``batch_pages``: pages per batch (one Parquet file per table); default: about 8 batches
      per worker (so that no worker idles long at the end), at most 48 pages.
    - ``start_method``: multiprocessing start method of the pool (default ``fork`` on Linux,
      ``spawn`` elsewhere; ``forkserver``/``spawn`` if the calling process runs threads that
      must not be forked).
    """

    def __init__(
        self,
        pages: str | Path | Sequence[str | Path] | None = None,
        cache_dir: str | Path = DEFAULT_CACHE_DIR,
        tokenizer: Any = None,
        workers: int = 1,
        progress: bool | None = None,
        tables: Sequence[str] = TABLES,
        on_error: str = "raise",
        batch_pages: int | None = None,
        start_method: str | None = None,
        metadata: pd.DataFrame | Mapping[str, Mapping[str, Any]] | None = None,
    ):
        unknown = [t for t in tables if t not in TABLES]
        if unknown or not tables:
            raise ValueError(f"tables must be a non-empty subset of {TABLES}, got {list(tables)}")
        if "articles" not in tables:
            tables = ("articles", *tables)
        if on_error not in ("raise", "skip"):
            raise ValueError(f"on_error must be 'raise' or 'skip', not {on_error!r}")
        self.cache_dir = Path(cache_dir)
        self.tables = tuple(t for t in TABLES if t in tables)
        self.workers = workers
        self.progress = progress
        self.on_error = on_error
        self.batch_pages = batch_pages
        self.start_method = start_method
        self._tokenizer = tokenizer
        self._from_cache = False
        self._cached_keys: dict[str, str] = {}
        self.metadata = _metadata_by_page(metadata)
        self.last_run = RunReport()
        if pages is None:
            self.paths: list[Path] = []
        else:
            self.paths = find_pages(pages)
            if not self.paths:
                raise CorpusError(f"{pages}: no page files (*.txt) found")
        self._check_ids()

    # -- construction helpers ---------------------------------------------------------------

    @classmethod
    def from_cache(cls, cache_dir: str | Path = DEFAULT_CACHE_DIR) -> Corpus:
        """The corpus of every page cached in ``cache_dir``, in path order; reads only Parquet.

        When a page was cached in several versions, the newest one is used.
        """
        corpus = cls(None, cache_dir=cache_dir)
        manifest = corpus.manifest()
        if manifest.empty:
            raise CorpusError(f"{corpus.cache_dir}: no cached pages (no {MANIFEST_NAME})")
        ok = manifest[manifest["status"] == "ok"].sort_values(["path", "processed_at"])
        ok = ok.drop_duplicates("path", keep="last")
        corpus.paths = [Path(p) for p in ok["path"]]
        corpus._from_cache = True
        corpus._cached_keys = dict(zip(ok["path"], ok["key"], strict=True))
        corpus.tables = tuple(t for t in TABLES if all(t in s.split(",") for s in ok["tables"]))
        corpus._check_ids()
        return corpus

    def _check_ids(self) -> None:
        seen: dict[str, Path] = {}
        for path in self.paths:
            other = seen.setdefault(path.stem, path)
            if other != path:
                raise CorpusError(
                    f"page id {path.stem!r} is used twice ({other} and {path}); page ids are "
                    "file stems and must be unique in a corpus (rename one of the files)"
                )

    def __len__(self) -> int:
        return len(self.paths)

    def __repr__(self) -> str:
        return f"Corpus({len(self.paths)} pages, cache_dir={str(self.cache_dir)!r})"

    @property
    def page_ids(self) -> list[str]:
        return [p.stem for p in self.paths]

    @property
    def tokenizer(self) -> Any:
        if self._tokenizer is None:
            from .tokenize import default_tokenizer

            self._tokenizer = default_tokenizer()
        return self._tokenizer

    def fingerprint(self) -> str:
        """Pipeline fingerprint: code (version, sources, resources, segmenter versions) and the
        corpus tokenizer (parameters, dictionaries, stopwords). ``quantities`` builds its own
        tokenizer from the package's resources, which the code fingerprint covers."""
        parts = [code_fingerprint()]
        if "tokens" in self.tables:
            parts.append(tokenizer_fingerprint(self.tokenizer))
        return hashlib.sha256("|".join(parts).encode()).hexdigest()[:16]

    def refs(self) -> list[PageRef]:
        """The pages with their current cache keys (hashes the page files; no processing)."""
        if self._from_cache:
            return [PageRef(str(p), p.stem, self._cached_keys[str(p)]) for p in self.paths]
        fingerprint = self.fingerprint()
        refs = []
        for p in self.paths:
            meta = tuple(sorted(self.metadata.get(p.stem, {}).items()))
            key = page_key(p, p.stem, fingerprint, meta)
            # absolute paths: workers on Dask may run in another working directory
            refs.append(PageRef(str(p.resolve()), p.stem, key, meta))
        return refs

    # -- manifest -----------------------------------------------------------------------------

    @property
    def manifest_path(self) -> Path:
        return self.cache_dir / MANIFEST_NAME

    def manifest(self) -> pd.DataFrame:
        """Every cached page version: key, path, page_id, batch, status, row offsets and counts."""
        if not self.manifest_path.exists():
            empty = _manifest_row(PageRef("", "", ""), _NO_BATCH, "", "", 0, "")
            return pd.DataFrame(columns=list(empty))
        try:
            return pq.read_table(self.manifest_path).to_pandas()
        except (pa.ArrowInvalid, OSError) as exc:
            raise CorpusError(
                f"{self.manifest_path}: cannot read the cache manifest ({exc}); delete the "
                "folder to rebuild the cache"
            ) from None

    def _save_manifest(self, entries: dict[str, dict]) -> None:
        frame = pd.DataFrame(list(entries.values()))
        if frame.empty:
            frame = self.manifest().iloc[0:0]
        else:
            frame = frame.sort_values(["path", "processed_at", "key"], kind="stable")
        _write_parquet(frame.reset_index(drop=True), self.manifest_path)

    def _live(self, entry: dict | None) -> bool:
        if entry is None or entry["status"] != "ok":
            return False
        if not set(self.tables) <= set(str(entry["tables"]).split(",")):
            return False
        return all((self.cache_dir / t / f"{entry['batch']}.parquet").exists() for t in self.tables)

    # -- processing ---------------------------------------------------------------------------

    def _plan(self, workers: int) -> tuple[list[PageRef], dict[str, dict], list[Batch]]:
        refs = self.refs()
        entries = {row["key"]: row for row in self.manifest().to_dict("records")}
        todo = [r for r in refs if not self._live(entries.get(r.key))]
        if self.on_error == "skip":
            # Pages cached as unreadable stay so until they change.
            todo = [
                r for r in todo if not (r.key in entries and entries[r.key]["status"] == "error")
            ]
        size = self.batch_pages or max(
            1, min(MAX_BATCH_PAGES, math.ceil(len(todo) / (8 * workers)))
        )
        batches = []
        for i in range(0, len(todo), size):
            chunk = tuple(todo[i : i + size])
            batches.append(Batch(_batch_id(chunk, self.tables), chunk, self.tables))
        return refs, entries, batches

    def process(self, workers: int | None = None) -> Corpus:
        """Process the pages that are new or changed since they were cached; return self.

        ``workers`` overrides the constructor's: 1 runs in this process, more use a process
        pool (the tokenizer is built once per worker process).
        """
        if self._from_cache:
            raise CorpusError("a corpus read from the cache has no page files to process")
        workers = self.workers if workers is None else workers
        workers = max(1, workers or os.cpu_count() or 1)
        refs, entries, batches = self._plan(workers)
        tokenizer = self.tokenizer if "tokens" in self.tables else None
        fingerprint = self.fingerprint()
        args = (str(self.cache_dir), tokenizer, fingerprint)
        in_process = workers == 1 or len(batches) <= 1
        method = _start_method(self.start_method)
        if batches and (in_process or method == "fork"):
            self._build_tokenizers()  # forked workers inherit them
        if in_process:
            results = (process_batch(b, *args) for b in batches)
            self._collect(refs, entries, batches, results, 1)
        else:
            # Inherited objects go to the collector's permanent generation: forked workers'
            # collections then neither traverse them nor copy their pages.
            gc.freeze()
            try:
                with cf.ProcessPoolExecutor(
                    max_workers=min(workers, len(batches)),
                    mp_context=multiprocessing.get_context(method),
                    initializer=_init_worker_process,
                    initargs=(tokenizer, fingerprint, self.tables),
                ) as pool:
                    futures = [pool.submit(process_batch, b, *args) for b in batches]
                    try:
                        self._collect(refs, entries, batches, _as_completed(futures), workers)
                    except BaseException:
                        for f in futures:
                            f.cancel()
                        raise
            finally:
                gc.unfreeze()
        return self

    def _build_tokenizers(self) -> None:
        """Build the stages here, once: forked workers inherit them ready to use."""
        build_stages(self.tokenizer if "tokens" in self.tables else None, self.tables)

    def process_dask(
        self,
        scheduler: Any = None,
        n_workers: int = 2,
        threads_per_worker: int = 1,
    ) -> Corpus:
        """Process new or changed pages on ``dask.distributed``; return self.

        ``scheduler``: None starts a ``LocalCluster`` of ``n_workers`` processes (closed
        afterwards); a scheduler address (``"tcp://host:8786"``) or a ``distributed.Client``
        uses that cluster, whose workers must see the page files and ``cache_dir`` at the same
        paths. The pages go through ``dask.bag`` (one partition per batch of pages), each task
        writes its batch's Parquet partitions; the cache, and the tables read back, are the
        same as :meth:`process`. On a cluster of your own, set
        ``distributed.worker.profile.enabled: false`` in its Dask config for full speed (see
        :func:`local_cluster`).
        """
        if self._from_cache:
            raise CorpusError("a corpus read from the cache has no page files to process")
        import dask.bag as db
        from distributed import Client, as_completed

        own_cluster = own_client = None
        if scheduler is None:
            own_cluster = local_cluster(n_workers, threads_per_worker)
            client = own_client = Client(own_cluster)
        elif isinstance(scheduler, Client):
            client = scheduler
        else:
            client = own_client = Client(scheduler)
        try:
            workers = max(1, len(client.scheduler_info().get("workers", {})) or n_workers)
            refs, entries, batches = self._plan(workers)
            tokenizer = self.tokenizer if "tokens" in self.tables else None
            fingerprint = self.fingerprint()
            if batches:
                # each worker builds the stages once (a no-op on workers that already have);
                # only the workers of a cluster started here are ours to freeze
                init = _init_worker_process if own_cluster is not None else _init_worker
                client.run(init, tokenizer, fingerprint, self.tables)
                bag = db.from_sequence(batches, npartitions=len(batches)).map(
                    process_batch, str(self.cache_dir.resolve()), tokenizer, fingerprint
                )
                futures = client.compute(bag.to_delayed())

                def results() -> Iterator[list[dict]]:
                    try:
                        for future in as_completed(futures):
                            yield from future.result()  # a partition: a list of batch results
                    finally:
                        client.cancel(futures)

                self._collect(refs, entries, batches, results(), workers)
            else:
                self._collect(refs, entries, batches, iter(()), workers)
        finally:
            if own_client is not None:
                own_client.close()
            if own_cluster is not None:
                own_cluster.close()
        return self

    def _collect(
        self,
        refs: list[PageRef],
        entries: dict[str, dict],
        batches: list[Batch],
        results: Any,
        workers: int,
    ) -> None:
        """Merge batch results into the manifest as they arrive; checkpoint; prune; report."""
        from tqdm.auto import tqdm

        started = time.perf_counter()
        n_todo = sum(len(b.pages) for b in batches)
        show = self.progress if self.progress is not None else n_todo > _SHOW_PROGRESS_FROM
        report = RunReport(workers=workers, batches=len(batches))
        todo_keys = {r.key for b in batches for r in b.pages}
        report.cached = [r.page_id for r in refs if r.key not in todo_keys]
        last_save = time.monotonic()
        first_error = ""
        try:
            with tqdm(total=n_todo, desc="pages", unit="page", disable=not show) as bar:
                for rows in results:
                    for row in rows:
                        if row["status"] == "ok":
                            entries[row["key"]] = row
                            report.processed.append(row["page_id"])
                            report.n_chars += int(row["n_chars"])
                        else:
                            report.failed.append(row["page_id"])
                            first_error = first_error or row["error"]
                            if self.on_error == "skip":
                                entries[row["key"]] = row
                    bar.update(len(rows))
                    if first_error and self.on_error == "raise":
                        raise CorpusError(first_error)
                    if time.monotonic() - last_save > _CHECKPOINT_SECONDS:
                        self._save_manifest(entries)  # a crash loses at most a few seconds
                        last_save = time.monotonic()
        finally:
            # also on an error or Ctrl-C: the batches done so far stay cached
            self._finish(refs, entries)
        # keep the report in page order
        order = {r.page_id: i for i, r in enumerate(refs)}
        report.processed.sort(key=order.__getitem__)
        report.failed.sort(key=order.__getitem__)
        report.seconds = time.perf_counter() - started
        self.last_run = report

    def _finish(self, refs: list[PageRef], entries: dict[str, dict]) -> None:
        """Drop superseded versions of this corpus' pages, save the manifest, delete dead files."""
        current = {r.path: r.key for r in refs}
        for key in [k for k, e in entries.items() if e["path"] in current]:
            if current[entries[key]["path"]] != key:
                del entries[key]
        self._save_manifest(entries)
        live_batches = {e["batch"] for e in entries.values() if e["status"] == "ok"}
        for name in TABLES:
            folder = self.cache_dir / name
            if not folder.is_dir():
                continue
            for path in folder.glob("*.parquet"):
                if path.stem not in live_batches:
                    path.unlink(missing_ok=True)

    # -- reading back -------------------------------------------------------------------------

    def _entries(self) -> list[dict]:
        """The cache entry of every page, in page order; raise if one is missing or stale."""
        refs = self.refs()
        entries = {row["key"]: row for row in self.manifest().to_dict("records")}
        live, missing = [], []
        for ref in refs:
            entry = entries.get(ref.key)
            if entry is not None and entry["status"] == "error":
                continue  # unreadable page, recorded by on_error="skip"
            if not self._live(entry):
                missing.append(ref.path)
                continue
            live.append(entry)
        if missing:
            raise CorpusError(
                f"{len(missing)} of {len(refs)} pages are not in the cache {self.cache_dir} or "
                f"changed since they were processed (first: {missing[0]}); call .process()"
            )
        return live

    def _runs(self, table: str, entries: list[dict]) -> list[tuple[str, int, int]]:
        """Contiguous row ranges (batch, start, stop) that make up ``table`` in page order."""
        runs: list[list] = []
        for e in entries:
            start, rows = int(e[f"{table}_start"]), int(e[f"{table}_rows"])
            if rows == 0:
                continue
            if runs and runs[-1][0] == e["batch"] and runs[-1][2] == start:
                runs[-1][2] = start + rows
            else:
                runs.append([e["batch"], start, start + rows])
        return [tuple(r) for r in runs]  # type: ignore[misc]

    def _read_runs(
        self, table: str, runs: Sequence[tuple[str, int, int]], columns: Sequence[str] | None
    ) -> pa.Table:
        files: dict[str, pa.Table] = {}
        parts = []
        for batch, start, stop in runs:
            if batch not in files:
                path = self.cache_dir / table / f"{batch}.parquet"
                try:
                    files[batch] = pq.read_table(path, columns=columns)
                except (OSError, pa.ArrowInvalid) as exc:
                    raise CorpusError(f"{path}: cannot read cached {table} ({exc})") from None
            parts.append(files[batch].slice(start, stop - start))
        return pa.concat_tables(parts, promote_options="permissive")

    def _empty(self, table: str, columns: Sequence[str] | None) -> pd.DataFrame:
        """A 0-row frame with the table's columns and types (from any cached file)."""
        folder = self.cache_dir / table
        for path in sorted(folder.glob("*.parquet")) if folder.is_dir() else []:
            return pq.read_table(path, columns=columns).slice(0, 0).to_pandas()
        return pd.DataFrame(columns=list(columns or []))

    def read(self, table: str, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One table of the whole corpus from the cache, in page order (no recomputation)."""
        if table not in self.tables:
            raise ValueError(f"table must be one of {self.tables}, not {table!r}")
        runs = self._runs(table, self._entries())
        if not runs:
            return self._empty(table, columns)
        return _to_pandas(self._read_runs(table, runs, columns))

    def articles(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One row per article of every page (columns of ``analysis.load_articles``)."""
        return self.read("articles", columns)

    def tokens(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """One row per token of every article (columns of ``analysis.tokens``)."""
        return self.read("tokens", columns)

    def quantities(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """The quantities quoted in every article (columns of ``analysis.quantities``)."""
        return self.read("quantities", columns)

    def unplaced(self, columns: Sequence[str] | None = None) -> pd.DataFrame:
        """What the layout could not place, page by page (columns of ``load_unplaced``)."""
        return self.read("unplaced", columns)

    def errors(self) -> pd.DataFrame:
        """Pages that could not be processed (``on_error="skip"``): path, page_id, error."""
        keys = {r.key for r in self.refs()}
        manifest = self.manifest()
        bad = manifest[(manifest["status"] == "error") & manifest["key"].isin(keys)]
        return bad[["path", "page_id", "error"]].reset_index(drop=True)

    def status(self) -> pd.DataFrame:
        """One row per page: page_id, path, cached (bool), and row counts of each table."""
        entries = {row["key"]: row for row in self.manifest().to_dict("records")}
        rows = []
        for ref in self.refs():
            entry = entries.get(ref.key)
            row = {"page_id": ref.page_id, "path": ref.path, "cached": self._live(entry)}
            for name in self.tables:
                row[f"{name}_rows"] = int(entry[f"{name}_rows"]) if entry else 0
            rows.append(row)
        return pd.DataFrame(rows)

    def iter_batches(
        self,
        table: str,
        columns: Sequence[str] | None = None,
        pages_per_batch: int = 64,
        keep_empty: bool = False,
    ) -> Iterator[pd.DataFrame]:
        """``table`` in page order, ``pages_per_batch`` pages at a time (bounded memory).

        The batches depend only on the page order, not on how the cache was built, so a
        streaming computation over them is reproducible. ``keep_empty`` also yields the empty
        frames of page groups without rows, so that two tables iterate in step.
        """
        if table not in self.tables:
            raise ValueError(f"table must be one of {self.tables}, not {table!r}")
        entries = self._entries()
        for i in range(0, len(entries), pages_per_batch):
            runs = self._runs(table, entries[i : i + pages_per_batch])
            if runs:
                yield _to_pandas(self._read_runs(table, runs, columns))
            elif keep_empty:
                yield self._empty(table, columns)

    def to_dask(self, table: str, columns: Sequence[str] | None = None):
        """``table`` as a lazy ``dask.dataframe`` in page order, one partition per cached batch.

        Runs on whatever scheduler is active (a ``distributed.Client`` if one exists).
        """
        import dask
        import dask.dataframe as dd

        if table not in self.tables:
            raise ValueError(f"table must be one of {self.tables}, not {table!r}")
        entries = self._entries()
        runs = self._runs(table, entries)
        # One partition per run of pages in the same batch file.
        partitions = [
            (str(self.cache_dir / table / f"{batch}.parquet"), start, stop)
            for batch, start, stop in runs
        ]
        meta = self._empty(table, columns)
        # Keep pandas' own string dtype: the partitions then equal the frames of read().
        with dask.config.set({"dataframe.convert-string": False}):
            if not partitions:
                return dd.from_pandas(meta, npartitions=1)
            return dd.from_map(
                _read_partition,
                partitions,
                columns=list(columns) if columns else None,
                meta=meta,
                enforce_metadata=False,
            )


_NO_BATCH = Batch("", (), ())


def local_cluster(n_workers: int = 2, threads_per_worker: int = 1, **kwargs: Any):
    """A ``distributed.LocalCluster`` set up for the corpus stages (close it when done).

    Worker processes with one thread each (the stages are pure Python: threads would share one
    GIL), no dashboard, no statistical profiler (it samples every worker's Python stack every
    10 ms, which costs about 20% of the CPU on this workload), and the workers' periodic
    monitors slowed to once a second.
    """
    import dask
    from distributed import LocalCluster

    options = {"processes": True, "dashboard_address": None, **kwargs}
    quiet = {
        "distributed.worker.profile.enabled": False,
        # The event-loop watchdog and the monitors wake a second thread in each worker every
        # 20-500 ms, taking the GIL from the stages; once a second is plenty here.
        "distributed.admin.tick.interval": "1s",
        "distributed.worker.memory.monitor-interval": "1s",
        "distributed.admin.system-monitor.interval": "1s",
    }
    with dask.config.set(quiet):
        return LocalCluster(n_workers=n_workers, threads_per_worker=threads_per_worker, **options)


def _to_pandas(table: pa.Table) -> pd.DataFrame:
    # column by column, releasing Arrow buffers as they are converted: lower peak memory
    return table.to_pandas(split_blocks=True, self_destruct=True)


def _read_partition(part: tuple[str, int, int], columns: list[str] | None = None) -> pd.DataFrame:
    path, start, stop = part
    return pq.read_table(path, columns=columns).slice(start, stop - start).to_pandas()


def _as_completed(futures: list[cf.Future]) -> Iterator[Any]:
    for future in cf.as_completed(futures):
        yield future.result()


def _start_method(method: str | None = None) -> str:
    # fork (Linux): workers start at once and inherit the tokenizers built in this process, with
    # their dictionaries shared copy-on-write. Elsewhere, or on request, spawn / forkserver: each
    # worker imports the package and builds its tokenizer in the pool initializer.
    if method is None:
        return "fork" if sys.platform.startswith("linux") else "spawn"
    return method


def _frame_hash(frame: pd.DataFrame) -> str:
    """Stable hash of a frame's values (for comparing runs in benchmarks)."""
    values = pd.util.hash_pandas_object(frame, index=False).to_numpy()
    return hashlib.sha256(values.tobytes() + json.dumps(list(frame.columns)).encode()).hexdigest()


__all__ = [
    "DEFAULT_CACHE_DIR",
    "TABLES",
    "Batch",
    "Corpus",
    "CorpusError",
    "PageRef",
    "RunReport",
    "code_fingerprint",
    "local_cluster",
    "page_key",
    "process_batch",
    "tokenizer_fingerprint",
]
