"""Real matplotlib (Agg) as the oracle for SwiftML's inline figures.

`oracle_figures(code)` runs cell code under CPython with matplotlib's Agg backend (and
seaborn when the code imports it) and describes every figure as the inline backend would
show it: the PNG size after `bbox_inches='tight'` and each axes' box in that PNG's pixels.
`swiftml_images(cell)` decodes the PNGs a SwiftML cell displayed. The comparisons live in
the tests; this module only measures.
"""
from __future__ import annotations

import base64
import dataclasses
import io

from PIL import Image


@dataclasses.dataclass
class OracleFigure:
    size: tuple[int, int]
    # Each axes' box in the tight PNG: (left, top, right, bottom) in pixels, y down.
    axes: list[tuple[float, float, float, float]]
    facecolors: list[tuple[int, int, int]]
    image: Image.Image


def oracle_figures(code: str) -> list[OracleFigure]:
    """Runs `code` under real matplotlib and returns the figures it left open, as shown inline."""
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    plt.close("all")
    matplotlib.rcdefaults()
    namespace: dict = {}
    exec(compile(code, "<oracle>", "exec"), namespace)
    found = []
    for num in plt.get_fignums():
        fig = plt.figure(num)
        buffer = io.BytesIO()
        fig.savefig(buffer, format="png", bbox_inches="tight")
        buffer.seek(0)
        image = Image.open(buffer)
        image.load()
        renderer = fig.canvas.get_renderer()
        tight = fig.get_tightbbox(renderer).padded(0.1)
        dpi = fig.dpi
        left, bottom = tight.x0 * dpi, tight.y0 * dpi
        height = image.height
        boxes, faces = [], []
        for ax in fig.axes:
            if not ax.get_visible():
                continue
            e = ax.get_window_extent(renderer)
            boxes.append((e.x0 - left, height - (e.y1 - bottom), e.x1 - left, height - (e.y0 - bottom)))
            faces.append(tuple(round(255 * c) for c in matplotlib.colors.to_rgb(ax.get_facecolor())))
        found.append(OracleFigure(image.size, boxes, faces, image))
    plt.close("all")
    try:
        import seaborn
        seaborn.reset_orig()
    except ImportError:
        pass
    matplotlib.rcdefaults()
    return found


def swiftml_images(cell) -> list[Image.Image]:
    """Every PNG a notebook cell displayed, decoded by Pillow."""
    found = []
    for out in cell.outputs:
        if out.output_type in ("display_data", "execute_result") and "image/png" in out.get("data", {}):
            im = Image.open(io.BytesIO(base64.b64decode(out.data["image/png"])))
            im.load()
            found.append(im.convert("RGB"))
    return found


def dark_line_offset(im: Image.Image, box, edge: str, tolerance: int = 4, threshold: int = 110) -> int | None:
    """How far (in pixels) from where `box` says the `edge` spine is, SwiftML drew a dark
    line covering most of that side; None when no such line is within `tolerance`."""
    left, top, right, bottom = (round(v) for v in box)
    px = im.load()
    best = None
    for d in range(-tolerance, tolerance + 1):
        if edge in ("left", "right"):
            x = (left if edge == "left" else right) + d
            if not 0 <= x < im.width:
                continue
            run = [px[x, y] for y in range(max(0, top + 3), min(im.height, bottom - 3))]
        else:
            y = (top if edge == "top" else bottom) + d
            if not 0 <= y < im.height:
                continue
            run = [px[x, y] for x in range(max(0, left + 3), min(im.width, right - 3))]
        if run and sum(1 for p in run if max(p) < threshold) >= 0.9 * len(run):
            if best is None or abs(d) < abs(best):
                best = d
    return best


def face_box(im: Image.Image, box, colour, margin: int = 6):
    """The bounding box of pixels of exactly `colour` near `box` (an axes background)."""
    left, top, right, bottom = (round(v) for v in box)
    px = im.load()
    xs, ys = [], []
    for y in range(max(0, top - margin), min(im.height, bottom + margin)):
        for x in range(max(0, left - margin), min(im.width, right + margin), 2):
            if px[x, y] == colour:
                xs.append(x)
                ys.append(y)
    if not xs:
        return None
    return (min(xs), min(ys), max(xs) + 1, max(ys) + 1)
