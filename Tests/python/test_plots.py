"""Plots through the real kernel: the gallery notebook executed by nbclient (as nbconvert
does), every PNG decoded by Pillow, and pyplot's inline behaviour (show, cell end, no leaks).

Needs the `swiftml` kernelspec that scripts/setup installs into the venv.
"""
import base64
import io
import pathlib
import re

import nbformat
import pytest
from nbclient import NotebookClient
from PIL import Image

ROOT = pathlib.Path(__file__).resolve().parents[2]
GALLERY = ROOT / "Notebooks" / "Gallery.ipynb"


def run_cells(sources, tmp_path, timeout=120, allow_errors=False):
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    NotebookClient(nb, kernel_name="swiftml", timeout=timeout, allow_errors=allow_errors,
                   resources={"metadata": {"path": str(tmp_path)}}).execute()
    return nb


def images(cell):
    """Every PNG of a cell's display_data outputs, decoded, with its metadata."""
    found = []
    for out in cell.outputs:
        if out.output_type in ("display_data", "execute_result") and "image/png" in out.get("data", {}):
            raw = base64.b64decode(out.data["image/png"])
            im = Image.open(io.BytesIO(raw))
            im.load()
            found.append((im, out.get("metadata", {}).get("image/png", {}), out.data.get("text/plain", "")))
    return found


def errors(cell):
    return [f"{o.ename}: {o.evalue}" for o in cell.outputs if o.output_type == "error"]


def ink(im):
    """Pixels that are not the white background, and the number of distinct colours."""
    rgb = im.convert("RGB")
    colours = rgb.getcolors(maxcolors=1 << 20) or []
    white = next((n for n, c in colours if c == (255, 255, 255)), 0)
    return im.width * im.height - white, len(colours)


@pytest.fixture(scope="module")
def gallery(tmp_path_factory):
    nb = nbformat.read(GALLERY, as_version=4)
    path = tmp_path_factory.mktemp("gallery")
    NotebookClient(nb, kernel_name="swiftml", timeout=180, resources={"metadata": {"path": str(path)}}).execute()
    return nb, path


def test_every_gallery_cell_runs_and_shows_one_nonblank_png(gallery):
    nb, _ = gallery
    code = [c for c in nb.cells if c.cell_type == "code"]
    assert len(code) >= 14
    for i, cell in enumerate(code):
        assert errors(cell) == [], f"cell {i} failed: {errors(cell)}\n{cell.source}"
        shown = images(cell)
        assert len(shown) == 1, f"cell {i} showed {len(shown)} images\n{cell.source}"
        im, meta, text = shown[0]
        assert im.format == "PNG"
        assert (meta.get("width"), meta.get("height")) == im.size, f"cell {i}: metadata {meta} vs {im.size}"
        assert re.fullmatch(r"<Figure size \d+x\d+ with \d+ Axes>", text), text
        assert 200 <= im.width <= 1300 and 150 <= im.height <= 1100, f"cell {i}: odd size {im.size}"
        pixels, colours = ink(im)
        assert pixels > 0.02 * im.width * im.height, f"cell {i} is nearly blank"
        assert colours >= 8, f"cell {i} has only {colours} colours"


def test_gallery_savefig_wrote_a_png_pillow_reads(gallery):
    nb, path = gallery
    saved = path / "gallery_saved.png"
    im = Image.open(saved)
    im.load()
    assert im.size == (640, 480)
    assert ink(im)[0] > 5000
    last = [c for c in nb.cells if c.cell_type == "code"][-1]
    assert any(o.output_type == "stream" and "True" in o.text for o in last.outputs)


def test_figure_repr_and_sizes_follow_figsize_and_dpi(tmp_path):
    nb = run_cells([
        "import matplotlib.pyplot as plt\nfig = plt.figure(figsize=(3, 2), dpi=50)\nplt.plot([1, 2, 3])\nprint(fig)",
        "fig, ax = plt.subplots(2, 3)\nprint(fig)",
    ], tmp_path)
    first, second = nb.cells
    assert "<Figure size 150x100 with 1 Axes>" in first.outputs[0].text
    im, meta, text = images(first)[0]
    assert text == "<Figure size 150x100 with 1 Axes>"
    assert im.width <= 150 and im.height <= 100
    assert "<Figure size 640x480 with 6 Axes>" in second.outputs[0].text


def test_show_displays_once_and_figures_never_leak_into_the_next_cell(tmp_path):
    nb = run_cells([
        "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.show()",
        "x = 1",
        "plt.plot([3, 1])",
        "print(len(plt.get_fignums()))",
        "plt.figure()",
    ], tmp_path)
    shown, quiet, open_at_end, count, empty = nb.cells
    assert len(images(shown)) == 1
    assert images(quiet) == []
    assert len(images(open_at_end)) == 1
    # IPython's order: the cell's result (Out[n], the Line2D list) first, then the figure.
    assert [o.output_type for o in open_at_end.outputs] == ["execute_result", "display_data"]
    assert count.outputs[0].text.strip() == "0"
    # A figure without axes shows as its repr only, like matplotlib's inline backend.
    texts = [o.data.get("text/plain") for o in empty.outputs if o.output_type in ("display_data", "execute_result")]
    assert "<Figure size 640x480 with 0 Axes>" in texts
    assert images(empty) == []


def test_bad_plot_calls_raise_python_errors_and_the_kernel_lives_on(tmp_path):
    nb = run_cells([
        "import matplotlib.pyplot as plt\nplt.plot([1, 2, 3], [1, 2])",
        "plt.plot([1, 2], 'q-')",
        "plt.imshow([[[1, 2]]])",
        "plt.figure(figsize=(1000, 1000))",
        "plt.savefig('out.jpg')",
        "plt.hist([1, 2], bins=0)",
        "plt.scatter([1, 2], [1, 2], c='notacolour')",
        "plt.legend(loc='upper middle')",
        "print('alive')",
    ], tmp_path, allow_errors=True)
    expected = ["ValueError: x and y must have same first dimension", "ValueError: 'q-' is not a valid format string",
                "TypeError: Invalid shape (1, 1, 2) for image data", "ValueError: figure size", "ValueError: Format 'jpg' is not supported",
                "ValueError: `bins` must be positive", "ValueError: 'notacolour' is not a valid color",
                "ValueError: 'upper middle' is not a valid value for loc"]
    for cell, want in zip(nb.cells, expected):
        got = errors(cell)
        assert got and got[0].startswith(want), f"{cell.source!r}: {got}"
    assert nb.cells[-1].outputs[0].text == "alive\n"


def test_bar_container_is_indexable_and_hist_returns_counts_edges_patches(tmp_path):
    nb = run_cells([
        "import matplotlib.pyplot as plt\nbars = plt.bar([1, 2, 3], [4, 5, 6])\nprint(len(bars), bars[0].get_height(), bars[-1].get_x())\nbars[0].set_color('r')",
        "n, bins, patches = plt.hist([0, 1, 1, 2, 3, 3, 3, 4], bins=4)\nprint([float(v) for v in n], [float(v) for v in bins], len(patches))",
    ], tmp_path)
    assert nb.cells[0].outputs[0].text == "3 4.0 2.6\n"
    im = images(nb.cells[0])[0][0].convert("RGB")
    assert any(c == (255, 0, 0) for _, c in im.getcolors(1 << 20))
    assert nb.cells[1].outputs[0].text == "[1.0, 2.0, 1.0, 4.0] [0.0, 1.0, 2.0, 3.0, 4.0] 4\n"


def test_pyplot_functions_have_signatures_and_docs(tmp_path):
    nb = run_cells(["import matplotlib.pyplot as plt\nhelp(plt.plot)\nhelp(plt.subplots)"], tmp_path)
    text = "".join(o.get("text", "") for o in nb.cells[0].outputs) + "".join(
        o.get("data", {}).get("text/plain", "") for o in nb.cells[0].outputs)
    assert "plot(*args" in text and "subplots(nrows=1, ncols=1" in text
