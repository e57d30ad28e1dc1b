"""What the course tests look for in executed notebooks, and the processes they leave.

    from notebook_checks import images, stdout, errors, kernel_pids

    executed = nbformat.read(path, as_version=4)
    assert not errors(executed)
    for image in images(executed):
        assert_is_a_plot(image)
"""

from __future__ import annotations

import base64
import io
import os
import pathlib
import re
import subprocess
import sys
import time

import nbformat
from PIL import Image, ImageStat

ROOT = pathlib.Path(__file__).resolve().parents[2]
NOTEBOOKS = ROOT / "Notebooks"
VENV_BIN = pathlib.Path(sys.executable).parent


def jupyter(*args: str) -> list[str]:
    """A `jupyter` command of the environment the tests run in."""
    return [str(VENV_BIN / "jupyter"), *args]


def new_notebook(*cells: str, parameters: str | None = None) -> nbformat.NotebookNode:
    """A SwiftML notebook of code cells; `parameters` becomes a first cell tagged for papermill."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "swiftml", "display_name": "SwiftML", "language": "python"}
    if parameters is not None:
        cell = nbformat.v4.new_code_cell(parameters)
        cell.metadata["tags"] = ["parameters"]
        notebook.cells.append(cell)
    notebook.cells += [nbformat.v4.new_code_cell(source) for source in cells]
    return notebook


def code_cells(notebook: nbformat.NotebookNode) -> list[nbformat.NotebookNode]:
    return [cell for cell in notebook.cells if cell.cell_type == "code"]


def errors(notebook: nbformat.NotebookNode) -> list[dict]:
    """Every error output, with its cell's source, for assertion messages."""
    found = []
    for cell in code_cells(notebook):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                found.append({"ename": output["ename"], "evalue": output["evalue"], "source": cell.source[:200]})
    return found


def stdout(cell: nbformat.NotebookNode) -> str:
    return "".join(o["text"] for o in cell.get("outputs", []) if o["output_type"] == "stream" and o["name"] == "stdout")


def all_stdout(notebook: nbformat.NotebookNode) -> str:
    return "".join(stdout(cell) for cell in code_cells(notebook))


def images(notebook: nbformat.NotebookNode) -> list[Image.Image]:
    """Every PNG output (display_data or execute_result), decoded."""
    decoded = []
    for cell in code_cells(notebook):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            if output.get("output_type") in ("display_data", "execute_result") and "image/png" in data:
                payload = data["image/png"]
                if isinstance(payload, list):
                    payload = "".join(payload)
                image = Image.open(io.BytesIO(base64.b64decode(payload)))
                image.load()
                decoded.append(image)
    return decoded


def images_per_cell(notebook: nbformat.NotebookNode) -> list[int]:
    """How many PNG outputs each code cell has."""
    counts = []
    for cell in code_cells(notebook):
        counts.append(sum(1 for o in cell.get("outputs", []) if "image/png" in o.get("data", {})))
    return counts


def assert_is_a_plot(image: Image.Image, min_width: int = 200, min_height: int = 150) -> None:
    """A real plot: a reasonable size, and not blank (many pixels away from the background,
    in more than a handful of colours)."""
    assert image.width >= min_width and image.height >= min_height, f"image is only {image.width}x{image.height}"
    grey = image.convert("L")
    stat = ImageStat.Stat(grey)
    assert stat.stddev[0] > 5, f"image looks blank (grey stddev {stat.stddev[0]:.1f})"
    histogram = grey.histogram()
    background = max(range(256), key=histogram.__getitem__)
    drawn = sum(count for level, count in enumerate(histogram) if abs(level - background) > 30)
    assert drawn > 0.005 * image.width * image.height, f"only {drawn} pixels differ from the background"
    assert len(image.convert("RGB").getcolors(maxcolors=1 << 20) or []) > 8, "image has almost no colours"


def number_after(label: str, text: str) -> float:
    """The first number printed after `label` (a regular expression) in `text`."""
    match = re.search(label + r"\s*[:=]?\s*(-?[0-9]+(?:\.[0-9]+)?(?:e-?[0-9]+)?)(%?)", text)
    assert match, f"no number after {label!r} in:\n{text}"
    value = float(match.group(1))
    return value / 100 if match.group(2) else value


def kernel_pids(binary: pathlib.Path) -> set[int]:
    """Processes running the kernel binary under test (found through /proc/*/exe)."""
    target = os.path.realpath(binary)
    pids = set()
    for entry in pathlib.Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            if os.path.realpath(entry / "exe") == target:
                pids.add(int(entry.name))
        except OSError:
            continue
    return pids


def wait_until_gone(pids: set[int], binary: pathlib.Path, timeout: float = 10) -> set[int]:
    """Of `pids`, the ones still running the kernel after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    left = pids & kernel_pids(binary)
    while left and time.monotonic() < deadline:
        time.sleep(0.1)
        left &= kernel_pids(binary)
    return left


def run(command: list[str], timeout: float, **options) -> subprocess.CompletedProcess:
    return subprocess.run(command, capture_output=True, text=True, timeout=timeout, **options)
