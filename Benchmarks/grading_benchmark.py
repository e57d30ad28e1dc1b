#!/usr/bin/env python3
"""Notebooks graded per minute by `scripts/grade` with 1, 2 and 4 jobs (kernels at once).
A benchmark that prints figures; never run as a test.

    .venv/bin/python Benchmarks/grading_benchmark.py                 # 12 submissions, jobs 1 2 4
    .venv/bin/python Benchmarks/grading_benchmark.py --notebooks 24 --jobs 1 2

Each submission is a small homework: load iris, normalise, train a 4-16-3 network for a few
epochs, print its accuracy (seeded; every submission different). The same folder is graded
with each job count in turn, alternating over `--repeat` rounds; the table gives the median
wall time of `scripts/grade --no-setup` (its start-up included, as a teacher sees it) and the
machine's load, since the machine is shared.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

import nbformat

ROOT = pathlib.Path(__file__).resolve().parents[1]
GRADE = ROOT / "scripts" / "grade"

HOMEWORK = [
    "import numpy as np\nimport tensorflow as tf",
    "from sklearn.datasets import load_iris\niris = load_iris()\nx, y = iris.data, iris.target",
    "x = (x - x.mean(axis=0)) / x.std(axis=0)",
    "tf.keras.utils.set_random_seed({seed})\n"
    "model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation='relu', input_shape=(4,)),\n"
    "                             tf.keras.layers.Dense(3, activation='softmax')])\n"
    "model.compile(optimizer='adam', loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"
    "history = model.fit(x, y, epochs=20, batch_size=16, verbose=0)",
    "loss, accuracy = model.evaluate(x, y, verbose=0)\nprint(f'accuracy: {{accuracy:.3f}}')",
]


def make_submissions(folder: pathlib.Path, count: int) -> None:
    for index in range(count):
        notebook = nbformat.v4.new_notebook()
        notebook.metadata["kernelspec"] = {"name": "swiftml", "display_name": "SwiftML", "language": "python"}
        notebook.cells = [nbformat.v4.new_code_cell(cell.format(seed=index)) for cell in HOMEWORK]
        nbformat.write(notebook, folder / f"student{index:03d}.ipynb")


def grade(folder: pathlib.Path, jobs: int) -> float:
    output = folder.parent / f"graded-{jobs}"
    start = time.monotonic()
    result = subprocess.run([str(GRADE), "--no-setup", str(folder), "--jobs", str(jobs), "--output-dir", str(output)],
                            capture_output=True, text=True)
    seconds = time.monotonic() - start
    if result.returncode != 0:
        sys.exit(f"grading failed with --jobs {jobs}:\n{result.stdout}\n{result.stderr}")
    return seconds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--notebooks", type=int, default=12)
    parser.add_argument("--jobs", type=int, nargs="+", default=[1, 2, 4])
    parser.add_argument("--repeat", type=int, default=2)
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as scratch:
        folder = pathlib.Path(scratch) / "submissions"
        folder.mkdir()
        make_submissions(folder, args.notebooks)
        times: dict[int, list[float]] = {jobs: [] for jobs in args.jobs}
        loads = []
        for _ in range(args.repeat):
            for jobs in args.jobs:
                loads.append(os.getloadavg()[0])
                times[jobs].append(grade(folder, jobs))

    print(f"{args.notebooks} notebooks, {os.cpu_count()} cores, load {min(loads):.1f}-{max(loads):.1f}, "
          f"median of {args.repeat}")
    print("| jobs | wall time | notebooks per minute | speed-up |")
    print("| --- | --- | --- | --- |")
    base = statistics.median(times[args.jobs[0]])
    for jobs in args.jobs:
        median = statistics.median(times[jobs])
        print(f"| {jobs} | {median:.1f} s | {60 * args.notebooks / median:.1f} | {base / median:.2f}x |")


if __name__ == "__main__":
    main()
