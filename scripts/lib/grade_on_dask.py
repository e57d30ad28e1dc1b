"""Grading on a Dask distributed cluster: `scripts/grade --scheduler tcp://HOST:8786 FOLDER`.

Each notebook becomes one task. The task carries the notebook's bytes (workers need not
share a filesystem with the teacher's machine), runs it on the worker with the worker's own
SwiftML kernel (the kernelspec installed there, e.g. from the `scripts/package` tarball) and
returns the executed notebook, which is written here exactly as a local run writes it.

Dask owns the hard parts: a worker that dies mid-grading has its tasks run again on another
worker (the scheduler's `allowed-failures`, 3 by default), and a lost connection is retried.
The grading code travels with the task (Dask pickles the `__main__` program's functions by
value), so workers need only nbclient, nbformat and the kernel, not this repository.
"""

from __future__ import annotations

import pathlib
from typing import Iterator

import nbformat

import run_notebooks


def grade_on_cluster(address: str, notebooks: list[pathlib.Path], task, kernel: str | None, timeout: int,
                     output_dir: pathlib.Path, to: str) -> Iterator["run_notebooks.Outcome"]:
    """Submits `task(name, notebook_bytes, kernel, timeout)` once per notebook to the scheduler
    at `address` and yields each outcome as it arrives, after writing the executed copy into
    `output_dir`. `task` comes from the `scripts/grade` program itself (its `__main__`), which
    Dask pickles by value, so workers need nothing of this repository."""
    from distributed import Client, as_completed

    with Client(address, timeout="30s") as client:
        futures = {}
        for index, path in enumerate(notebooks):
            future = client.submit(task, path.name, path.read_bytes(), kernel, timeout,
                                   key=f"grade-{index}-{path.name}", pure=False)
            futures[future] = path
        for future in as_completed(futures):
            path = futures[future]
            try:
                result = future.result()
            except Exception as error:  # the task failed on every worker that tried it
                yield run_notebooks.Outcome(path, False, 0.0,
                                            error=run_notebooks._one_line(f"the cluster could not grade it: {type(error).__name__}: {error}"))
                continue
            outcome = run_notebooks.Outcome(path, result["passed"], result["seconds"], result["error"], result["cell"])
            if result["notebook"] is not None:
                executed = nbformat.reads(result["notebook"], as_version=4)
                destination = output_dir / (path.stem + (".html" if to == "html" else ".ipynb"))
                if to == "html":
                    run_notebooks.write_html(executed, destination)
                else:
                    nbformat.write(executed, destination)
                outcome.output = destination
            yield outcome
