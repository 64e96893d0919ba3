"""Native (mypyc-compiled) builds of the layout stage's pure-Python modules.

``make`` compiles ``analysis/layout.py`` and ``analysis/normalize.py`` with mypyc
(``python -m analysis._native.build``): the same source, type-checked, turned into C, 1.3-1.7x
faster, and nothing else changes (the tests compare the two builds' tables page by page). The
build lands here, beside a ``SOURCES`` file holding the SHA-256 of each source it was compiled
from and of the build's recipe. A module calls :func:`adopt` on its own namespace as its last
statement: while every hash still matches, the module's names are replaced by the native
build's; an edited source or recipe, a missing build, or ``ANALYSIS_PURE_PYTHON=1`` leaves the
pure-Python module in place, so a stale build never shadows the code that is read.
"""

from __future__ import annotations

import functools
import hashlib
import importlib
import os
from pathlib import Path
from types import ModuleType

NATIVE_DIR = Path(__file__).resolve().parent
PACKAGE_DIR = NATIVE_DIR.parent
# compiled together, in this order (layout imports normalize); checked together
MODULES = ("normalize", "layout")
SOURCES_FILE = NATIVE_DIR / "SOURCES"


def source_hashes() -> dict[str, str]:
    """SHA-256 of each compiled module's source as it is now, and of the build's recipe
    (``_native.build``: how they are compiled is part of what a build was made from)."""
    hashes = {
        name: hashlib.sha256((PACKAGE_DIR / f"{name}.py").read_bytes()).hexdigest()
        for name in MODULES
    }
    hashes["_native.build"] = hashlib.sha256((NATIVE_DIR / "build.py").read_bytes()).hexdigest()
    return hashes


@functools.cache
def _build_is_current() -> bool:
    if os.environ.get("ANALYSIS_PURE_PYTHON", "") not in ("", "0"):
        return False
    try:
        recorded = dict(
            line.split()[::-1] for line in SOURCES_FILE.read_text().splitlines() if line.strip()
        )
    except (OSError, ValueError):
        return False
    return recorded == source_hashes()


def native_module(name: str) -> ModuleType | None:
    """The native build of ``analysis.<name>``, or None when there is none that is current."""
    if name not in MODULES or not _build_is_current():
        return None
    try:
        return importlib.import_module(f"{__name__}.{name}")
    except ImportError:  # (built for another Python, or a partial build)
        return None


def adopt(namespace: dict[str, object]) -> None:
    """Replace the names of the module owning ``namespace`` by its native build's, if current.

    ``namespace["IMPLEMENTATION"]`` says which one runs: ``"native"`` or ``"python"``."""
    module = native_module(str(namespace["__name__"]).rpartition(".")[2])
    namespace["IMPLEMENTATION"] = "python"
    if module is None:
        return
    namespace.update(
        {key: value for key, value in vars(module).items() if not key.startswith("__")}
    )
    namespace["IMPLEMENTATION"] = "native"
