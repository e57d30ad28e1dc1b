#!/usr/bin/env python3
"""NDArray benchmark: SwiftML's arrays against NumPy on the same operations, in one run.

Elementwise operations and reductions on a 60000x784 float32 array (the size of MNIST's
training set), uint8 conversions, fancy indexing, and sgemm at 256x784x128 (one dense layer
of a batch) and 1024^3. Each figure is the median of RUNS timings after a warm-up; the ratio
is SwiftML's time over NumPy's (below 1 means SwiftML is faster). Both sides use 2 BLAS
threads. Run from the repository root with the project venv (NumPy):

    .venv/bin/python Benchmarks/numpy_benchmark.py [RUNS]
"""
import os
import pathlib
import statistics
import subprocess
import sys
import time

os.environ.setdefault("OPENBLAS_NUM_THREADS", "2")
os.environ.setdefault("OMP_NUM_THREADS", "2")
import numpy as np  # noqa: E402  (after pinning the BLAS threads)

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 11
ROOT = pathlib.Path(__file__).resolve().parent.parent


def timed(body):
    body()
    samples = []
    for _ in range(RUNS):
        start = time.perf_counter()
        body()
        samples.append((time.perf_counter() - start) * 1000)
    return statistics.median(samples)


def numpy_times():
    rng = np.random.RandomState(0)
    a = rng.rand(60000, 784).astype(np.float32)
    b = rng.rand(60000, 784).astype(np.float32)
    images = rng.randint(0, 256, size=(60000, 784)).astype(np.uint8)
    row = a[0]
    logits = rng.randn(60000, 10).astype(np.float32)
    order = rng.permutation(60000)[:256]
    x = rng.rand(256, 784).astype(np.float32)
    w = rng.rand(784, 128).astype(np.float32)
    big1 = rng.rand(1024, 1024).astype(np.float32)
    big2 = rng.rand(1024, 1024).astype(np.float32)

    def mask_assign():
        copy = a[:10000].copy()
        copy[copy < 0.5] = 0
        return copy

    cases = {
        "add": lambda: a + b,
        "multiply_scalar": lambda: a * 2.0,
        "subtract_row": lambda: a - row,
        "maximum_zero": lambda: np.maximum(a, 0),
        "exp": lambda: np.exp(a),
        "tanh": lambda: np.tanh(a),
        "greater": lambda: a > 0.5,
        "uint8_to_float32": lambda: images.astype(np.float32),
        "uint8_div_255": lambda: images / 255.0,
        "transpose_copy": lambda: a.T.copy(),
        "sum": lambda: a.sum(),
        "sum_axis0": lambda: a.sum(axis=0),
        "mean_axis1": lambda: a.mean(axis=1),
        "max": lambda: a.max(),
        "std": lambda: a.std(),
        "argmax_axis1": lambda: logits.argmax(axis=1),
        "mask_assign": mask_assign,
        "fancy_rows_256": lambda: a[order],
        "sgemm_256x784x128": lambda: x @ w,
        "sgemm_1024": lambda: big1 @ big2,
    }
    return {name: timed(body) for name, body in cases.items()}


def swift_times():
    package = ROOT / "Benchmarks" / "numpy_bench"
    # SwiftPM can keep a stale build plan for a path dependency (new source files in
    # Sources/ML go unseen); dropping the plan makes it rescan, at no cost to the build.
    (package / ".build" / "release.yaml").unlink(missing_ok=True)
    subprocess.run(["swift", "build", "-c", "release", "--package-path", str(package)], check=True,
                   stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(package), "--show-bin-path"],
                            check=True, capture_output=True, text=True).stdout.strip()
    output = subprocess.run([f"{binary}/numpy-bench", str(RUNS)], check=True, capture_output=True, text=True).stdout
    return {name: float(ms) for name, ms in (line.split() for line in output.splitlines() if line.strip())}


def main():
    ours = swift_times()
    theirs = numpy_times()
    flops = {"sgemm_256x784x128": 2 * 256 * 784 * 128, "sgemm_1024": 2 * 1024 ** 3}
    print(f"NumPy {np.__version__}, {RUNS} runs, medians; ratio = SwiftML / NumPy")
    print(f"{'operation':<20}{'SwiftML ms':>12}{'NumPy ms':>12}{'ratio':>8}")
    for name, numpy_ms in theirs.items():
        swift_ms = ours.get(name)
        if swift_ms is None:
            print(f"{name:<20}{'-':>12}{numpy_ms:>12.3f}")
            continue
        extra = ""
        if name in flops:
            extra = f"   {flops[name] / swift_ms / 1e6:.0f} vs {flops[name] / numpy_ms / 1e6:.0f} GFLOP/s"
        print(f"{name:<20}{swift_ms:>12.3f}{numpy_ms:>12.3f}{swift_ms / numpy_ms:>8.2f}{extra}")


if __name__ == "__main__":
    main()
