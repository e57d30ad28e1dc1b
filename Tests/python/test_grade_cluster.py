"""`scripts/grade --scheduler`: grading fanned out on Dask's distributed scheduler.

The test starts a real `dask scheduler` and two `dask worker` processes on 127.0.0.1 (each
worker runs the SwiftML kernel under test locally), grades a folder through them, and kills
one worker in the middle: its notebooks must be graded again elsewhere and nothing lost.
"""

from __future__ import annotations

import contextlib
import csv
import os
import signal
import socket
import subprocess
import sys
import time

import nbformat
from notebook_checks import ROOT, VENV_BIN, code_cells, kernel_pids, new_notebook, stdout, wait_until_gone

GRADE = ROOT / "scripts" / "grade"


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def wait_for(predicate, timeout: float, what: str) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what}")
        time.sleep(0.1)


@contextlib.contextmanager
def dask_cluster(tmp_path, workers: int):
    """A scheduler and `workers` single-threaded workers (no nanny, so a killed worker stays
    dead) on loopback; yields (address, worker processes); everything is stopped afterwards."""
    port = free_port()
    address = f"tcp://127.0.0.1:{port}"
    logs = tmp_path / "dask-logs"
    logs.mkdir()
    processes = []

    def start(name, *args):
        log = open(logs / f"{name}.log", "w")
        process = subprocess.Popen([str(VENV_BIN / "dask"), *args], stdout=log, stderr=subprocess.STDOUT,
                                   env={**os.environ}, start_new_session=True)
        processes.append(process)
        return process

    try:
        start("scheduler", "scheduler", "--host", "127.0.0.1", "--port", str(port), "--no-dashboard")
        wait_for(lambda: "Scheduler at" in (logs / "scheduler.log").read_text(), 60, "the scheduler")
        started = [start(f"worker{i}", "worker", address, "--nthreads", "1", "--no-nanny", "--no-dashboard",
                         "--host", "127.0.0.1") for i in range(workers)]
        wait_for(lambda: all("Registered to" in (logs / f"worker{i}.log").read_text() for i in range(workers)),
                 60, "the workers")
        yield address, started
    finally:
        for process in processes:
            if process.poll() is None:
                os.killpg(process.pid, signal.SIGTERM)
        for process in processes:
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(process.pid, signal.SIGKILL)


def children_running_kernel(worker: subprocess.Popen, binary) -> set[int]:
    """Kernel processes whose parent is `worker`."""
    found = set()
    for pid in kernel_pids(binary):
        try:
            with open(f"/proc/{pid}/stat") as handle:
                parent = int(handle.read().rsplit(")", 1)[1].split()[1])
        except OSError:
            continue
        if parent == worker.pid:
            found.add(pid)
    return found


def test_grading_on_a_dask_cluster_survives_a_worker_killed_mid_grading(tmp_path, swiftml_kernelspec):
    folder = tmp_path / "submissions"
    folder.mkdir()
    for index in range(6):
        nbformat.write(new_notebook("import time", "time.sleep(2)", f"print('student', {index}, {index} * 7)"),
                       folder / f"s{index}.ipynb")
    nbformat.write(new_notebook("answer = 42", "print(answr)"), folder / "typo.ipynb")
    binary = swiftml_kernelspec.binary
    before = kernel_pids(binary)

    with dask_cluster(tmp_path, workers=2) as (address, workers):
        grade = subprocess.Popen([str(GRADE), "--no-setup", str(folder), "--scheduler", address, "--timeout", "60"],
                                 env={**os.environ, "SWIFTML_VENV": sys.prefix},
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        try:
            # Kill the first worker while it is running a notebook (its kernel is its child).
            victim = workers[0]
            wait_for(lambda: children_running_kernel(victim, binary), 60, "a kernel on the first worker")
            time.sleep(0.5)
            victim.kill()
            out, err = grade.communicate(timeout=300)
        finally:
            if grade.poll() is None:
                grade.kill()
        assert victim.wait(timeout=10) == -signal.SIGKILL

    assert grade.returncode == 1, out + err  # the typo fails; everything else passes
    assert "6 of 7 notebooks ran without errors" in out, out + err
    assert "code cell 2: NameError: name 'answr' is not defined" in out
    graded = folder / "graded"
    with (graded / "report.csv").open() as handle:
        report = {row["notebook"]: row for row in csv.DictReader(handle)}
    assert set(report) == {*(f"s{i}.ipynb" for i in range(6)), "typo.ipynb"}
    for index in range(6):
        assert report[f"s{index}.ipynb"]["status"] == "pass"
        executed = nbformat.read(graded / f"s{index}.ipynb", as_version=4)
        assert stdout(code_cells(executed)[2]) == f"student {index} {index * 7}\n"
    # The killed worker's kernel noticed its parent die and exited; the others were shut down.
    left = wait_until_gone(kernel_pids(binary) - before, binary, timeout=15)
    assert not left, f"kernels still running after grading: {left}"
