"""Compile the layout stage with mypyc into ``analysis/_native/`` (run by ``make``).

    python -m analysis._native.build [--check]

Each module in :data:`analysis._native.MODULES` is copied into a scratch package
``analysis._native`` (relative imports of the other package modules rewritten one level up, the
trailing ``adopt(globals())`` call dropped); they are type-checked and compiled by mypyc as one
group, and the extension files (a shim per module, the group's shared library) are copied here
with a ``SOURCES`` file of the hashes of the sources and of this recipe. A type error is a failure
(exit 1); with no C compiler the build is skipped with a message (exit 0) and the pure-Python
modules run. ``--check`` exits 1 unless the build here is current.
"""

from __future__ import annotations

import importlib.util
import re
import shutil
import subprocess
import sys
import sysconfig
import tempfile
from pathlib import Path

from . import MODULES, NATIVE_DIR, PACKAGE_DIR, SOURCES_FILE, _build_is_current, source_hashes

ADOPT_CALL = "adopt(globals())"
_RELATIVE_IMPORT = re.compile(r"^(\s*)from \.(\w+) import ", re.M)
_MYPY_CONFIG = """\
[mypy]
python_version = {version}
ignore_missing_imports = True
follow_imports = silent
"""


def native_source(name: str) -> str:
    """The source of ``analysis/<name>.py`` as a module of ``analysis._native``."""
    text = (PACKAGE_DIR / f"{name}.py").read_text(encoding="utf-8")
    head, call, tail = text.rpartition(ADOPT_CALL)
    if not call or tail.strip():
        raise SystemExit(f"analysis/{name}.py: its last statement must be {ADOPT_CALL}")
    text = head.replace("from ._native import adopt\n", "")

    def rewrite(match: re.Match[str]) -> str:
        indent, module = match.groups()
        dots = "." if module in MODULES else ".."
        return f"{indent}from {dots}{module} import "

    text = _RELATIVE_IMPORT.sub(rewrite, text)
    # mypyc compiles subclasses of builtin exceptions as ordinary Python classes only
    text = re.sub(
        r"^class (\w+)\((AssertionError|ValueError|RuntimeError)\):",
        r"@mypyc_attr(native_class=False)\nclass \1(\2):",
        text,
        flags=re.M,
    )
    if "@mypyc_attr" in text:
        text = text.replace(
            "from __future__ import annotations\n",
            "from __future__ import annotations\n\nfrom mypy_extensions import mypyc_attr\n",
            1,
        )
    return text


# the group's shared library: analysis/_native/layout_stage__mypyc*.so beside the modules' shims
GROUP = "analysis._native.layout_stage"
_SETUP = """\
from setuptools import setup
from mypyc.build import mypycify

setup(name="analysis-native", ext_modules=mypycify({files!r}, opt_level="3", group_name={group!r}))
"""

EXT_SUFFIX = sysconfig.get_config_var("EXT_SUFFIX") or ".so"


def missing_tool() -> str | None:
    """Why the build cannot run here (no mypyc, no C compiler), or None when it can."""
    if importlib.util.find_spec("mypyc") is None:
        return "mypyc is not installed (pip install -e '.[native]')"
    compiler = sysconfig.get_config_var("CC") or "cc"
    if shutil.which(compiler.split()[0]) is None:
        return f"no C compiler ({compiler}); the layout runs as pure Python"
    return None


def _remove_build() -> None:
    SOURCES_FILE.unlink(missing_ok=True)
    for path in NATIVE_DIR.glob("*" + EXT_SUFFIX):
        path.unlink()


def build() -> int:
    if _build_is_current():
        SOURCES_FILE.touch()  # (for make: the build is as new as its sources)
        print("native build: current")
        return 0
    missing = missing_tool()
    if missing is not None:
        print(f"native build skipped: {missing}")
        return 0
    _remove_build()
    hashes = source_hashes()
    with tempfile.TemporaryDirectory(prefix="analysis-native-") as scratch:
        root = Path(scratch)
        package = root / "analysis" / "_native"
        package.mkdir(parents=True)
        (root / "analysis" / "__init__.py").write_text("")
        (package / "__init__.py").write_text("")
        # the other package modules, for type information only (not compiled)
        for path in PACKAGE_DIR.glob("*.py"):
            if path.stem not in MODULES:
                shutil.copy(path, root / "analysis" / path.name)
        for name in MODULES:
            (package / f"{name}.py").write_text(native_source(name), encoding="utf-8")
        version = f"{sys.version_info.major}.{sys.version_info.minor}"
        (root / "mypy.ini").write_text(_MYPY_CONFIG.format(version=version))
        # One compilation group: layout calls normalize's functions and reads its classes
        # directly in C, not through Python objects (~10% of the layout's time). The group's
        # shared library is named into this package, so nothing lands outside it.
        files = [f"analysis/_native/{name}.py" for name in MODULES]
        print(f"native build: compiling {', '.join(files)} with mypyc …", flush=True)
        (root / "setup.py").write_text(_SETUP.format(files=files, group=GROUP))
        result = subprocess.run(
            [sys.executable, "setup.py", "build_ext", "--inplace"],
            cwd=root,
            capture_output=True,
            text=True,
        )
        if result.returncode != 0:
            errors = [
                line for line in result.stdout.splitlines() if ": error:" in line
            ] or result.stderr.strip().splitlines()[-20:]
            print("native build failed:", *errors, sep="\n  ")
            return 1
        built = sorted(package.glob("*" + EXT_SUFFIX))
        for path in built:
            shutil.copy(path, NATIVE_DIR / path.name)
    SOURCES_FILE.write_text("".join(f"{digest}  {name}\n" for name, digest in hashes.items()))
    _build_is_current.cache_clear()
    print(f"native build: {len(built)} extension files in {NATIVE_DIR}")
    return 0


def main(argv: list[str] | None = None) -> int:
    args = sys.argv[1:] if argv is None else argv
    if args == ["--check"]:
        return 0 if _build_is_current() else 1
    if args:
        print(__doc__)
        return 2
    return build()


if __name__ == "__main__":
    sys.exit(main())
