"""JupyterLab itself: the server starts on loopback, headless Chromium (Debian's, never a
downloaded browser) opens a notebook, runs all cells from the Run menu, the chart image and the
Chinese text render, a screenshot is taken, and the server is stopped.

Skips with the reason when /usr/bin/chromium is missing (``make browser`` installs it as root).
"""

from __future__ import annotations

import contextlib
import json
import os
import re
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from analysis._paths import PROJECT_ROOT

pytestmark = [pytest.mark.slow, pytest.mark.timeout(240)]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
NOTEBOOK = PROJECT_ROOT / "notebooks" / "05-figures.ipynb"
KERNEL_NAME = "analysis"  # the notebooks' kernelspec; here it points at this interpreter
SERVER_START_TIMEOUT = 90  # seconds
RUN_TIMEOUT = 180  # seconds for Run All Cells to finish
STOP_TIMEOUT = 10  # seconds between SIGTERM and SIGKILL
HAN = re.compile(r"[\u4e00-\u9fff]")


# ------------------------------------------------------------------------------ environment


def _clean_env() -> dict[str, str]:
    """os.environ without an empty FONTCONFIG_FILE (Chromium crashes on one)."""
    return {k: v for k, v in os.environ.items() if not (k == "FONTCONFIG_FILE" and not v)}


def cjk_families(env: dict[str, str]) -> set[str]:
    """Font families fontconfig offers for Chinese under ``env`` (empty without fc-list)."""
    fc_list = shutil.which("fc-list")
    if fc_list is None:
        return set()
    out = subprocess.run(
        [fc_list, ":lang=zh", "family"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    ).stdout
    return {name.strip() for line in out.splitlines() for name in line.split(",") if name.strip()}


def browser_env(tmp: Path) -> dict[str, str]:
    """Environment for Chromium in which fontconfig sees a CJK font.

    With fonts-noto-cjk (or any Chinese system font) installed nothing changes; otherwise a
    temporary fonts.conf adds the folder of the project's pinned Noto Sans SC (analysis.fonts)
    to the system configuration, and FONTCONFIG_FILE points at it (never at an empty value).
    """
    env = _clean_env()
    if cjk_families(env):
        return env
    from analysis.fonts import packaged_font_path

    font = packaged_font_path()
    if font is None:
        pytest.skip(
            "no CJK font for Chromium: fonts-noto-cjk is not installed and the pinned font "
            "package pylopdf-fonts-zh-cn is missing"
        )
    conf = tmp / "fonts.conf"
    conf.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">\n'
        "<fontconfig>\n"
        '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>\n'
        f"  <dir>{font.parent}</dir>\n"
        f"  <cachedir>{tmp / 'fontconfig-cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    env["FONTCONFIG_FILE"] = str(conf)
    return env


def _free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _jupyter_dirs(tmp: Path) -> dict[str, str]:
    """Private Jupyter paths: a kernelspec for this interpreter, runtime/config/settings in tmp."""
    data = tmp / "jupyter-data"
    spec_dir = data / "kernels" / KERNEL_NAME
    spec_dir.mkdir(parents=True)
    spec = {
        "argv": [sys.executable, "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (analysis)",
        "language": "python",
    }
    (spec_dir / "kernel.json").write_text(json.dumps(spec), encoding="utf-8")
    config = tmp / "jupyter-config"
    (config / "labconfig").mkdir(parents=True)
    # No "receive Jupyter news?" toast over the notebook; nothing is fetched either way.
    (config / "labconfig" / "page_config.json").write_text(
        json.dumps({"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}),
        encoding="utf-8",
    )
    previous = os.environ.get("JUPYTER_PATH")
    return {
        "JUPYTER_PATH": os.pathsep.join([str(data)] + ([previous] if previous else [])),
        "JUPYTER_CONFIG_DIR": str(config),
        "JUPYTER_RUNTIME_DIR": str(tmp / "jupyter-runtime"),
    }


# ----------------------------------------------------------------------------------- server


def _get(url: str, timeout: float = 5) -> bytes:
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return response.read()


def stop_process(proc: subprocess.Popen, timeout: float = STOP_TIMEOUT) -> str:
    """SIGTERM, wait up to ``timeout`` s, then SIGKILL: by the process's own PID only."""
    if proc.poll() is not None:
        return "already exited"
    proc.send_signal(signal.SIGTERM)
    try:
        proc.wait(timeout=timeout)
        return "terminated"
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait(timeout=timeout)
        return "killed"


def _shutdown_kernels(base: str, token: str) -> None:
    """Ask the server to stop its kernels first, so none is left behind if it must be killed."""
    try:
        kernels = json.loads(_get(f"{base}/api/kernels?token={token}"))
    except (OSError, ValueError):
        return
    for kernel in kernels:
        request = urllib.request.Request(
            f"{base}/api/kernels/{kernel['id']}?token={token}", method="DELETE"
        )
        with contextlib.suppress(OSError):
            urllib.request.urlopen(request, timeout=30).close()


@contextlib.contextmanager
def lab_server(root: Path, tmp: Path) -> Iterator[tuple[str, str]]:
    """Run ``jupyter lab`` on a free loopback port with a token; yield (base url, token)."""
    port, token = _free_port(), secrets.token_hex(16)
    cmd = [
        sys.executable,
        "-m",
        "jupyter",
        "lab",
        "--no-browser",
        "--ip=127.0.0.1",
        f"--port={port}",
        "--ServerApp.port_retries=0",
        f"--IdentityProvider.token={token}",
        f"--ServerApp.root_dir={root}",
        f"--LabApp.workspaces_dir={tmp / 'workspaces'}",
        f"--LabApp.user_settings_dir={tmp / 'settings'}",
        "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate",
    ]
    if os.geteuid() == 0:
        cmd.append("--allow-root")
    env = {**_clean_env(), **_jupyter_dirs(tmp)}
    log_path = tmp / "jupyter-lab.log"
    base = f"http://127.0.0.1:{port}"
    with open(log_path, "wb") as log:
        proc = subprocess.Popen(cmd, stdout=log, stderr=subprocess.STDOUT, env=env)
        try:
            deadline = time.monotonic() + SERVER_START_TIMEOUT
            while True:
                if proc.poll() is not None:
                    pytest.fail(f"jupyter lab exited with {proc.returncode}:\n{_tail(log_path)}")
                try:
                    _get(f"{base}/api/status?token={token}", timeout=2)
                    break
                except (OSError, urllib.error.URLError):
                    if time.monotonic() > deadline:
                        pytest.fail(f"jupyter lab did not answer in time:\n{_tail(log_path)}")
                    time.sleep(0.3)
            yield base, token
        finally:
            _shutdown_kernels(base, token)
            how = stop_process(proc)
            print(f"jupyter lab (pid {proc.pid}) {how}")


def _tail(path: Path, n: int = 40) -> str:
    return "\n".join(path.read_text(encoding="utf-8", errors="replace").splitlines()[-n:])


# ---------------------------------------------------------------------------------- browser


def platform_fonts(cdp, selector: str) -> list[dict]:
    """The fonts Chromium actually used to draw the text of the first element matching
    ``selector`` (family name and glyph count), from the DevTools protocol."""
    root = cdp.send("DOM.getDocument", {"depth": -1})["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    assert node, f"no element matches {selector!r}"
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def assert_chinese_rendered(page, cdp, selector: str, cjk: set[str]) -> str:
    """The element's Chinese characters were drawn with a CJK font (not missing-glyph boxes)."""
    from playwright.sync_api import expect

    element = page.locator(selector).first
    # Lab renders only the cells near the viewport: bring the element into view, let it render.
    element.scroll_into_view_if_needed()
    expect(element).to_contain_text(HAN, use_inner_text=True, timeout=30_000)
    text = element.inner_text()
    n_han = len(HAN.findall(text))
    assert n_han, f"{selector}: no Chinese text in {text[:80]!r}"
    fonts = platform_fonts(cdp, selector)
    drawn = sum(f["glyphCount"] for f in fonts if f["familyName"] in cjk)
    assert drawn >= n_han, f"{selector}: {n_han} Chinese characters, CJK glyphs drawn: {fonts}"
    return text


@pytest.fixture
def lab_root(tmp_path) -> Path:
    """A copy of the notebook (and its pair) so running it never writes into notebooks/."""
    if not NOTEBOOK.exists():
        pytest.fail(f"{NOTEBOOK} is missing")
    root = tmp_path / "lab-root"
    root.mkdir()
    for name in (NOTEBOOK.name, NOTEBOOK.with_suffix(".py").name, "jupytext.toml"):
        source = NOTEBOOK.parent / name
        if source.exists():
            shutil.copy(source, root / name)
    return root


def test_notebook_runs_in_jupyterlab_in_headless_chromium(lab_root, tmp_path):
    if not CHROMIUM.exists():
        pytest.skip(
            f"{CHROMIUM} is not installed (as root, `make browser` installs Debian's chromium "
            "and fonts-noto-cjk; Playwright never downloads a browser here)"
        )
    sync_playwright = pytest.importorskip("playwright.sync_api").sync_playwright

    env = browser_env(tmp_path)
    cjk = cjk_families(env) or {"Noto Sans SC", "Noto Sans CJK SC"}
    screenshot = tmp_path / "jupyterlab.png"
    started = time.monotonic()
    with lab_server(lab_root, tmp_path) as (base, token), sync_playwright() as pw:
        browser = pw.chromium.launch(
            executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, env=env, headless=True
        )
        page = browser.new_page(viewport={"width": 1400, "height": 1000})
        try:
            page.goto(f"{base}/lab/tree/{NOTEBOOK.name}?token={token}", timeout=90_000)
            page.wait_for_selector(".jp-Notebook .jp-Cell", timeout=90_000)
            # The kernel is connected when the status bar reads "<kernel name> | Idle".
            page.get_by_text(re.compile(r"\S \| Idle$")).first.wait_for(timeout=90_000)
            page.get_by_role("menuitem", name="Run", exact=True).click()
            page.get_by_role("menuitem", name="Run All Cells", exact=True).click()
            # Every code cell gets its execution number ([*] while running, [ ] before).
            page.wait_for_function(
                """() => {
                    const prompts = [...document.querySelectorAll('.jp-CodeCell .jp-InputPrompt')];
                    return prompts.length > 0
                        && prompts.every(p => /\\[\\d+\\]/.test(p.textContent));
                }""",
                timeout=RUN_TIMEOUT * 1000,
            )
            errors = page.locator(".jp-OutputArea-output[data-mime-type*='error']")
            stderr = page.locator("[data-mime-type='application/vnd.jupyter.stderr']")
            problems = [t for t in stderr.all_inner_texts() if "Error" in t or "Traceback" in t]
            assert errors.count() == 0 and not problems, problems or errors.all_inner_texts()

            image = page.locator(".jp-OutputArea-output img").first
            image.wait_for(timeout=30_000)
            width = image.evaluate("img => img.complete ? img.naturalWidth : 0")
            assert width > 200, f"chart image not loaded (naturalWidth {width})"

            cdp = page.context.new_cdp_session(page)
            cdp.send("DOM.enable")
            cdp.send("CSS.enable")
            heading = assert_chinese_rendered(page, cdp, ".jp-RenderedMarkdown h1", cjk)
            # Mark the first table cell holding Chinese (a DataFrame output) to ask for its fonts.
            page.evaluate(
                """() => [...document.querySelectorAll('.jp-RenderedHTMLCommon td')]
                    .find(td => /[\\u4e00-\\u9fff]/.test(td.textContent))
                    ?.setAttribute('data-test-han', '')"""
            )
            table_cell = assert_chinese_rendered(page, cdp, "td[data-test-han]", cjk)
            image.scroll_into_view_if_needed()
            page.screenshot(path=str(screenshot))
        except Exception:
            with contextlib.suppress(Exception):
                page.screenshot(path=str(tmp_path / "failure.png"))
                print(f"failure screenshot: {tmp_path / 'failure.png'}")
            raise
        finally:
            browser.close()
    elapsed = time.monotonic() - started
    print(f"JupyterLab run: {elapsed:.1f} s; screenshot {screenshot}; heading {heading!r}")
    assert screenshot.stat().st_size > 10_000
    assert table_cell
