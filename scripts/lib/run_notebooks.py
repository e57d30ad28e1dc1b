"""Executes notebooks with a Jupyter kernel and reports, per notebook, whether it ran through.

Used by `scripts/grade` (a folder of submissions: executed copies and a report) and
`scripts/course` (the course notebooks: executed HTML pages with their plots). Both go
through nbclient, the executor behind `jupyter nbconvert --execute` and papermill, so a
notebook that passes here passes there.

Every kernel is started by nbclient and shut down when its notebook ends, however it ends
(an error, a cell timeout, a dead kernel, Ctrl-C or SIGTERM to this process): a grading run
never leaves a kernel behind.
"""

from __future__ import annotations

import argparse
import csv
import dataclasses
import os
import pathlib
import signal
import sys
import time

import nbclient
import nbformat
from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError


@dataclasses.dataclass
class Outcome:
    """How one notebook ran."""

    notebook: pathlib.Path
    passed: bool
    seconds: float
    error: str = ""          # the first error, one line: "NameError: name 'x' is not defined"
    cell: int | None = None  # 1-based index of the code cell that failed, if a cell did
    output: pathlib.Path | None = None  # the executed copy

    def as_row(self) -> dict:
        return {
            "notebook": self.notebook.name,
            "status": "pass" if self.passed else "FAIL",
            "seconds": f"{self.seconds:.1f}",
            "code_cell": "" if self.cell is None else self.cell,
            "error": self.error,
            "output": "" if self.output is None else str(self.output),
        }


class Interrupted(Exception):
    """SIGTERM arrived: unwind through nbclient's clean-up like Ctrl-C does."""


def _raise_interrupted(signum, frame):  # noqa: ARG001 (signal handler signature)
    raise Interrupted(f"stopped by signal {signum}")


def _one_line(text: str, limit: int = 160) -> str:
    line = " ".join(str(text).split())
    return line if len(line) <= limit else line[: limit - 1] + "…"


def _first_error(notebook: nbformat.NotebookNode) -> tuple[int | None, str]:
    """The first error output in an executed notebook: (1-based code cell index, 'Name: value')."""
    code_index = 0
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        code_index += 1
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return code_index, _one_line(f"{output.get('ename', 'Error')}: {output.get('evalue', '')}")
    return None, ""


def _running_cell(notebook: nbformat.NotebookNode) -> int | None:
    """The code cell that was executing when execution stopped: the last one nbclient touched."""
    code_index, last = 0, None
    for cell in notebook.cells:
        if cell.cell_type != "code":
            continue
        code_index += 1
        if cell.get("execution_count") is not None or cell.get("outputs"):
            last = code_index
    return last


def execute(path: pathlib.Path, kernel: str | None, timeout: int, startup_timeout: int = 60) -> tuple[nbformat.NotebookNode | None, Outcome]:
    """Runs every code cell of `path` in a fresh kernel, in the notebook's folder, stopping at
    the first error (as `nbconvert --execute` does). Returns the executed notebook (None if the
    file is not a notebook) and the outcome."""
    start = time.monotonic()
    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as error:  # nbformat raises several unrelated types for bad files
        return None, Outcome(path, False, time.monotonic() - start, error=_one_line(f"not a readable notebook: {error}"))
    options = {"timeout": timeout, "startup_timeout": startup_timeout, "allow_errors": False,
               "resources": {"metadata": {"path": str(path.parent)}}}
    if kernel:
        options["kernel_name"] = kernel
    client = nbclient.NotebookClient(notebook, **options)
    try:
        try:
            client.execute()
        finally:
            # While it runs, nbclient owns SIGINT and SIGTERM: its handler shuts the kernel
            # down and leaves this future behind, and the notebook then fails as if the
            # kernel had died. Turn that back into a stop of the whole run.
            if getattr(client, "_async_cleanup_kernel_future", None) is not None:
                raise Interrupted("stopped by a signal")
    except CellExecutionError as error:
        cell, message = _first_error(notebook)
        return notebook, Outcome(path, False, time.monotonic() - start, error=message or _one_line(f"{error.ename}: {error.evalue}"), cell=cell)
    except CellTimeoutError:
        return notebook, Outcome(path, False, time.monotonic() - start,
                                 error=f"TimeoutError: a cell ran longer than {timeout} s", cell=_running_cell(notebook))
    except DeadKernelError as error:
        return notebook, Outcome(path, False, time.monotonic() - start, error=_one_line(f"the kernel died: {error}"), cell=_running_cell(notebook))
    except (KeyboardInterrupt, Interrupted):
        raise
    except Exception as error:  # kernel not found, failed to start, ...
        return notebook, Outcome(path, False, time.monotonic() - start, error=_one_line(f"{type(error).__name__}: {error}"))
    return notebook, Outcome(path, True, time.monotonic() - start)


def notebooks_in(paths: list[pathlib.Path], exclude: pathlib.Path | None) -> list[pathlib.Path]:
    """The notebooks named, or found directly inside the folders named (sorted), skipping
    checkpoints and the output folder."""
    found: list[pathlib.Path] = []
    for path in paths:
        if path.is_dir():
            for candidate in sorted(path.glob("*.ipynb")):
                if exclude is not None and candidate.resolve().parent == exclude.resolve():
                    continue
                found.append(candidate)
        elif path.suffix == ".ipynb":
            found.append(path)
        else:
            raise SystemExit(f"error: {path} is neither a folder nor a .ipynb file")
    return found


def write_html(notebook: nbformat.NotebookNode, destination: pathlib.Path) -> None:
    """An HTML page of the executed notebook; PNG outputs are embedded as data URIs."""
    from nbconvert import HTMLExporter

    body, _ = HTMLExporter().from_notebook_node(notebook)
    destination.write_text(body, encoding="utf-8")


def print_outcome(outcome: Outcome) -> None:
    status = "pass" if outcome.passed else "FAIL"
    where = f"  {outcome.output}" if outcome.output is not None else ""
    print(f"{status}  {outcome.seconds:6.1f} s{where}", flush=True)
    if not outcome.passed:
        place = f"code cell {outcome.cell}: " if outcome.cell is not None else ""
        print(f"      {place}{outcome.error}", flush=True)


def grade_one(path: pathlib.Path, kernel: str | None, timeout: int, output_dir: pathlib.Path, to: str) -> Outcome:
    """Executes one notebook and writes its executed copy (notebook or HTML) into `output_dir`."""
    notebook, outcome = execute(path, kernel, timeout)
    if notebook is not None:
        destination = output_dir / (path.stem + (".html" if to == "html" else ".ipynb"))
        if to == "html":
            write_html(notebook, destination)
        else:
            nbformat.write(notebook, destination)
        outcome.output = destination
    return outcome


def _grade_in_worker(path, kernel, timeout, output_dir, to, results) -> None:
    """A worker process's whole life: one notebook, its outcome sent back on `results`.
    SIGTERM from the parent unwinds through nbclient's clean-up, which shuts the kernel down."""
    signal.signal(signal.SIGTERM, _raise_interrupted)
    signal.signal(signal.SIGINT, signal.default_int_handler)
    try:
        results.put((str(path), grade_one(path, kernel, timeout, output_dir, to)))
    except (KeyboardInterrupt, Interrupted):
        pass


def grade_remotely(name: str, source: bytes, kernel: str | None, timeout: int) -> dict:
    """A cluster task (`--scheduler`): runs on a Dask worker, which may share no filesystem with
    this machine. The notebook is written to a fresh folder there (cells run in it, as they run
    in the notebook's folder locally), executed by the worker's own kernel, and returned as
    plain data. Self-contained on purpose: Dask ships it and `execute` by value."""
    import socket
    import tempfile

    with tempfile.TemporaryDirectory(prefix="swiftml-grade-") as folder:
        path = pathlib.Path(folder) / name
        path.write_bytes(source)
        notebook, outcome = execute(path, kernel, timeout)
    return {
        "passed": outcome.passed, "seconds": outcome.seconds, "error": outcome.error, "cell": outcome.cell,
        "notebook": None if notebook is None else nbformat.writes(notebook),
        "worker": f"{socket.gethostname()}:{os.getpid()}",
    }


def grade_in_parallel(notebooks: list[pathlib.Path], jobs: int, run_one, on_done) -> None:
    """Runs `run_one(path, results_queue)` in up to `jobs` worker processes at a time (each
    worker starts its own kernel) and calls `on_done(outcome)` as each notebook finishes.
    On Ctrl-C or SIGTERM every running worker is stopped (its kernel with it) before this
    re-raises, so no kernel outlives the run."""
    import multiprocessing
    import queue

    context = multiprocessing.get_context("fork")
    results = context.Queue()
    waiting = list(notebooks)
    running: dict[str, multiprocessing.Process] = {}
    try:
        while waiting or running:
            while waiting and len(running) < jobs:
                path = waiting.pop(0)
                worker = context.Process(target=run_one, args=(path, results), daemon=False)
                worker.start()
                running[str(path)] = worker
            try:
                name, outcome = results.get(timeout=0.2)
            except queue.Empty:
                for name, worker in list(running.items()):
                    if not worker.is_alive() and worker.exitcode not in (0, None):
                        # The worker died without an answer (killed by the OOM killer, say).
                        del running[name]
                        on_done(Outcome(pathlib.Path(name), False, 0.0,
                                        error=f"the grading process died (exit code {worker.exitcode})"))
                continue
            running.pop(name).join()
            on_done(outcome)
    except (KeyboardInterrupt, Interrupted):
        for worker in running.values():
            if worker.is_alive():
                worker.terminate()  # SIGTERM: the worker's nbclient shuts its kernel down
        for worker in running.values():
            worker.join(timeout=30)
            if worker.is_alive():
                worker.kill()
        raise


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+", type=pathlib.Path, help="notebooks, or folders of notebooks")
    parser.add_argument("--output-dir", type=pathlib.Path,
                        help="where the executed copies and report.csv go (default: FOLDER/graded)")
    parser.add_argument("--to", choices=["notebook", "html"], default="notebook", help="format of the executed copies")
    parser.add_argument("--kernel", default="swiftml",
                        help="kernel to run every notebook with (default swiftml; '' uses each notebook's own)")
    parser.add_argument("--timeout", type=int, default=300, help="seconds a single cell may run (default 300)")
    parser.add_argument("--jobs", "-j", type=int, default=os.cpu_count() or 1,
                        help="notebooks executed at once, each by its own kernel (default: the number of cores)")
    parser.add_argument("--scheduler", metavar="ADDRESS",
                        help="a Dask distributed scheduler (tcp://HOST:8786): one task per notebook on its workers")
    args = parser.parse_intermixed_args(argv)
    if args.jobs < 1:
        parser.error("--jobs must be at least 1")

    signal.signal(signal.SIGTERM, _raise_interrupted)
    if args.output_dir is None:
        first = args.paths[0]
        args.output_dir = (first if first.is_dir() else first.parent) / "graded"
    notebooks = notebooks_in(args.paths, exclude=args.output_dir)
    if not notebooks:
        print("no notebooks found in " + ", ".join(map(str, args.paths)), file=sys.stderr)
        return 2
    args.output_dir.mkdir(parents=True, exist_ok=True)
    kernel = args.kernel or None
    outcomes: dict[pathlib.Path, Outcome] = {}
    width = max(len(path.name) for path in notebooks)

    if args.scheduler:
        from grade_on_dask import grade_on_cluster

        for outcome in grade_on_cluster(args.scheduler, notebooks, grade_remotely, kernel, args.timeout, args.output_dir, args.to):
            outcomes[outcome.notebook] = outcome
            print(f"  {outcome.notebook.name:<{width}}  ", end="")
            print_outcome(outcome)
    elif args.jobs == 1 or len(notebooks) == 1:
        for path in notebooks:
            print(f"  {path.name:<{width}}  ", end="", flush=True)
            outcome = grade_one(path, kernel, args.timeout, args.output_dir, args.to)
            outcomes[path] = outcome
            print_outcome(outcome)
    else:
        def run_one(path, results):
            _grade_in_worker(path, kernel, args.timeout, args.output_dir, args.to, results)

        def on_done(outcome: Outcome) -> None:
            outcomes[outcome.notebook] = outcome
            print(f"  {outcome.notebook.name:<{width}}  ", end="")
            print_outcome(outcome)

        grade_in_parallel(notebooks, args.jobs, run_one, on_done)

    ordered = [outcomes[path] for path in notebooks]  # the report keeps the folder's order
    report = args.output_dir / "report.csv"
    with report.open("w", newline="") as handle:
        writer = csv.DictWriter(handle, fieldnames=list(ordered[0].as_row()))
        writer.writeheader()
        writer.writerows(o.as_row() for o in ordered)
    passed = sum(o.passed for o in ordered)
    print(f"\n{passed} of {len(ordered)} notebooks ran without errors; report: {report}")
    if args.to == "html":
        print(f"Open the pages in a browser: {args.output_dir.resolve().as_uri()}/")
    return 0 if passed == len(ordered) else 1


if __name__ == "__main__":
    try:
        sys.exit(main())
    except (KeyboardInterrupt, Interrupted) as stop:
        # nbclient's clean-up has already shut the running kernel down while unwinding.
        print(f"\nstopped ({stop or 'Ctrl-C'}); no kernel is left running.", file=sys.stderr)
        sys.exit(130)
