"""JupyterLab in a real browser: Debian's chromium, driven by Playwright, against `jupyter lab`
on 127.0.0.1 with a token, its configuration, runtime and data folders in a temporary
directory. A student's path: open Sinx.ipynb, pick the SwiftML kernel, run everything, see
the plots; start a long cell, interrupt it from the toolbar, carry on with the same variables.

Screenshots go to artifacts/ (kept by CI, ignored by git)."""

from __future__ import annotations

import json
import os
import secrets
import shutil
import socket
import subprocess
import time
import urllib.request

import nbformat
import pytest
from playwright.sync_api import sync_playwright  # scripts/requirements.txt

from notebook_checks import NOTEBOOKS, ROOT, errors, images, jupyter, kernel_pids, new_notebook, wait_until_gone

CHROMIUM = "/usr/bin/chromium"
ARTIFACTS = ROOT / "artifacts"
LOAD_TIMEOUT_MS = 180_000
RUN_ALL_TIMEOUT_S = 900



def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


class LabServer:
    """`jupyter lab` serving `root`, everything it writes kept under `home`."""

    def __init__(self, home, root, binary):
        self.root = root
        self.binary = binary
        self.token = secrets.token_hex(16)
        self.port = free_port()
        config = home / "config"
        (config / "labconfig").mkdir(parents=True)
        # No "Would you like to receive official Jupyter news?" toast over the notebook.
        (config / "labconfig" / "page_config.json").write_text(json.dumps(
            {"disabledExtensions": {"@jupyterlab/apputils-extension:announcements": True}}))
        # jupyter_lsp's server-discovery thread keeps the process alive after /api/shutdown.
        (config / "jupyter_server_config.json").write_text(json.dumps(
            {"ServerApp": {"jpserver_extensions": {"jupyter_lsp": False}}}))
        env = {**os.environ, "JUPYTER_CONFIG_DIR": str(config), "JUPYTER_RUNTIME_DIR": str(home / "runtime"),
               "JUPYTER_DATA_DIR": str(home / "data"), "JUPYTERLAB_WORKSPACES_DIR": str(home / "workspaces")}
        self.kernels_before = kernel_pids(binary)
        self.log = (home / "lab.log").open("w")
        self.process = subprocess.Popen(
            jupyter("lab", "--no-browser", "--allow-root", "--ServerApp.ip=127.0.0.1", f"--ServerApp.port={self.port}",
                    "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
                    f"--ServerApp.root_dir={root}", "--LabApp.extension_manager=readonly"),
            env=env, stdout=self.log, stderr=subprocess.STDOUT)
        self.wait_until_serving()

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}/{path}?token={self.token}"

    def notebook_url(self, name: str) -> str:
        """The notebook alone in a fresh layout (`reset`: no tabs restored from an earlier page)."""
        return f"http://127.0.0.1:{self.port}/lab/tree/{name}?reset&token={self.token}"

    def wait_until_serving(self, timeout: float = 120) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"jupyter lab exited with {self.process.returncode}; see {self.log.name}")
            try:
                with urllib.request.urlopen(self.url("api/status"), timeout=2) as response:
                    if response.status == 200:
                        return
            except OSError:
                time.sleep(0.5)
        raise TimeoutError(f"jupyter lab did not answer within {timeout} s; see {self.log.name}")

    def api(self, path: str):
        with urllib.request.urlopen(self.url(path), timeout=10) as response:
            return json.load(response)

    def wait_for_kernel(self, notebook: str, timeout: float = 120) -> dict:
        """The kernel of `notebook`'s session, once the server has started it and it is idle."""
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for session in self.api("api/sessions"):
                kernel = session.get("kernel") or {}
                if session.get("path") == notebook and kernel.get("execution_state") == "idle":
                    return kernel
            time.sleep(0.5)
        raise TimeoutError(f"no idle kernel for {notebook} within {timeout} s")

    def stop(self) -> None:
        try:
            request = urllib.request.Request(self.url("api/shutdown"), method="POST")
            urllib.request.urlopen(request, timeout=30).close()
            self.process.wait(timeout=60)
        except Exception:
            self.process.terminate()
            self.process.wait(timeout=30)
        finally:
            self.log.close()


@pytest.fixture(scope="module")
def lab(tmp_path_factory, swiftml_kernelspec):
    home = tmp_path_factory.mktemp("jupyterlab")
    root = home / "notebooks"
    root.mkdir()
    # Sinx without a kernel in its metadata, so that JupyterLab asks which kernel to use.
    sinx = nbformat.read(NOTEBOOKS / "Sinx.ipynb", as_version=4)
    sinx.metadata.pop("kernelspec", None)
    sinx.metadata.pop("language_info", None)
    nbformat.write(sinx, root / "Sinx.ipynb")
    nbformat.write(new_notebook("marker = 41", "print('counting', flush=True)\nn = 0\nwhile True:\n    n = n + 1",
                                "print(marker + 1, n > 1000)"),
                   root / "Interrupt.ipynb")
    server = LabServer(home, root, swiftml_kernelspec.binary)
    yield server
    server.stop()
    left = wait_until_gone(kernel_pids(server.binary) - server.kernels_before, server.binary, timeout=10)
    assert not left, f"kernels left running after JupyterLab stopped: {left}"


@pytest.fixture
def page(lab):
    if not os.path.exists(CHROMIUM):
        pytest.fail(f"{CHROMIUM} is missing: scripts/setup installs Debian's chromium")
    ARTIFACTS.mkdir(exist_ok=True)
    with sync_playwright() as playwright:
        # Debian's chromium, never a downloaded one; tests run as root, hence --no-sandbox.
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=["--no-sandbox"], headless=True)
        context = browser.new_context(viewport={"width": 1400, "height": 1000})
        tab = context.new_page()
        tab.set_default_timeout(LOAD_TIMEOUT_MS)
        yield tab
        context.close()
        browser.close()


def wait_for_idle(page, timeout_s: float, settle_s: float = 2.0) -> None:
    """Until the kernel indicator says idle and no cell shows [*], steadily for `settle_s`."""
    deadline = time.monotonic() + timeout_s
    steady_since = None
    while time.monotonic() < deadline:
        idle = page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").count() > 0
        running = page.locator(".jp-InputPrompt", has_text="[*]").count()
        if idle and running == 0:
            steady_since = steady_since or time.monotonic()
            if time.monotonic() - steady_since >= settle_s:
                return
        else:
            steady_since = None
        time.sleep(0.25)
    raise TimeoutError(f"the notebook did not become idle within {timeout_s} s")


def save(page) -> None:
    page.locator("jp-button[data-command='docmanager:save']").first.click()
    page.wait_for_function("() => !document.querySelector('.jp-mod-current.jp-mod-dirty')", timeout=60_000)


def run_menu(page, item: str) -> None:
    page.locator(".lm-MenuBar-itemLabel", has_text="Run").first.click()
    page.locator(".lm-Menu-itemLabel", has_text=item).first.click()


def test_sinx_runs_in_jupyterlab_with_the_swiftml_kernel(lab, page):
    page.goto(lab.notebook_url("Sinx.ipynb"))
    dialog = page.locator(".jp-Dialog")
    dialog.wait_for()
    assert "Select Kernel" in dialog.inner_text()
    dialog.locator("select").select_option(label="SwiftML")
    dialog.locator(".jp-mod-accept").click()
    assert lab.wait_for_kernel("Sinx.ipynb")["name"] == "swiftml"
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()

    run_menu(page, "Run All Cells")
    time.sleep(1)
    wait_for_idle(page, RUN_ALL_TIMEOUT_S)

    # The plots were rendered: decoded PNG images in the page.
    rendered = page.locator(".jp-OutputArea-output img")
    shown = rendered.count()
    if shown:
        rendered.first.scroll_into_view_if_needed()
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-sinx.png"))
    widths = [rendered.nth(i).evaluate("img => img.naturalWidth") for i in range(shown)]

    save(page)
    saved = nbformat.read(lab.root / "Sinx.ipynb", as_version=4)
    assert not errors(saved), f"errors in the notebook: {errors(saved)}"
    assert saved.metadata["kernelspec"]["name"] == "swiftml"
    code = [cell for cell in saved.cells if cell.cell_type == "code"]
    assert all(cell.execution_count for cell in code), "not every code cell ran"
    assert shown >= 4 and all(width >= 200 for width in widths), f"{shown} images rendered, widths {widths}"
    assert len(images(saved)) == shown
    assert page.locator(".jp-OutputArea-output", has_text="Traceback").count() == 0


def test_interrupting_a_long_cell_from_the_toolbar_keeps_the_state(lab, page):
    page.goto(lab.notebook_url("Interrupt.ipynb"))
    kernel = lab.wait_for_kernel("Interrupt.ipynb")
    assert kernel["name"] == "swiftml"  # from the notebook's metadata
    page.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for()
    cells = page.locator(".jp-Notebook .jp-CodeCell")

    cells.nth(0).locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")  # marker = 41, then moves to the long cell
    page.keyboard.press("Shift+Enter")  # starts the endless loop
    cells.nth(1).locator(".jp-OutputArea-output", has_text="counting").wait_for(timeout=60_000)
    assert page.locator(".jp-Notebook-ExecutionIndicator[data-status='busy']").count() > 0

    started = time.monotonic()
    page.locator("jp-button[data-command='notebook:interrupt-kernel']").first.click()
    cells.nth(1).locator(".jp-OutputArea-output", has_text="KeyboardInterrupt").wait_for(timeout=30_000)
    wait_for_idle(page, 30, settle_s=0.5)
    interrupted_after = time.monotonic() - started

    # The kernel kept its variables: the next cell sees marker, and n as the loop left it.
    cells.nth(2).locator(".jp-InputArea-editor").click()
    page.keyboard.press("Shift+Enter")
    cells.nth(2).locator(".jp-OutputArea-output", has_text="42 True").wait_for(timeout=60_000)
    page.screenshot(path=str(ARTIFACTS / "jupyterlab-interrupt.png"))
    assert interrupted_after < 20
    assert lab.wait_for_kernel("Interrupt.ipynb", timeout=30)["id"] == kernel["id"]  # the same kernel, not a restart
