"""`scripts/grade`: a folder of submissions executed in one command, pass/fail per notebook with
the first error, executed copies written, and no kernel left running, whatever the notebooks do."""

from __future__ import annotations

import csv
import os
import signal
import subprocess
import sys
import time

import nbformat
import pytest

from notebook_checks import ROOT, code_cells, kernel_pids, new_notebook, run, stdout, wait_until_gone

GRADE = ROOT / "scripts" / "grade"


def grade_environment() -> dict:
    # The venv the tests run in, so the kernelspec conftest installed is the one found.
    return {**os.environ, "SWIFTML_VENV": sys.prefix}


@pytest.fixture
def submissions(tmp_path):
    folder = tmp_path / "submissions"
    folder.mkdir()
    nbformat.write(new_notebook("x = 6", "print('x is', x)", "x * 7"), folder / "alice.ipynb")
    nbformat.write(new_notebook("scores = [3, 4]", "print(total)", "print('never runs')"), folder / "bob.ipynb")
    nbformat.write(new_notebook("ready = True", "while True:\n    pass"), folder / "carol.ipynb")
    nbformat.write(new_notebook("def area(r:\n    return r * r"), folder / "dave.ipynb")
    (folder / "erin.ipynb").write_text("{ this is not a notebook")
    return folder


def test_grade_reports_each_submission_and_writes_executed_copies(submissions, swiftml_kernelspec):
    before = kernel_pids(swiftml_kernelspec.binary)
    result = run([str(GRADE), "--no-setup", str(submissions), "--timeout", "5"], timeout=240, env=grade_environment())
    assert result.returncode == 1, result.stdout + result.stderr  # some failed

    lines = result.stdout
    assert "alice.ipynb  pass" in lines
    assert "bob.ipynb    FAIL" in lines and "code cell 2: NameError: name 'total' is not defined" in lines
    assert "carol.ipynb  FAIL" in lines and "code cell 2: TimeoutError: a cell ran longer than 5 s" in lines
    assert "dave.ipynb   FAIL" in lines and "code cell 1: SyntaxError" in lines
    assert "erin.ipynb   FAIL" in lines and "not a readable notebook" in lines
    assert "1 of 5 notebooks ran without errors" in lines

    graded = submissions / "graded"
    with (graded / "report.csv").open() as handle:
        report = {row["notebook"]: row for row in csv.DictReader(handle)}
    assert report["alice.ipynb"]["status"] == "pass"
    assert report["bob.ipynb"]["status"] == "FAIL" and report["bob.ipynb"]["code_cell"] == "2"
    assert report["bob.ipynb"]["error"] == "NameError: name 'total' is not defined"

    alice = nbformat.read(graded / "alice.ipynb", as_version=4)
    assert stdout(code_cells(alice)[1]) == "x is 6\n"
    assert code_cells(alice)[2].outputs[0]["data"]["text/plain"] == "42"
    bob = nbformat.read(graded / "bob.ipynb", as_version=4)
    assert code_cells(bob)[1].outputs[-1]["ename"] == "NameError"
    assert code_cells(bob)[2].outputs == []  # execution stopped at the first error
    assert not (graded / "erin.ipynb").exists()
    # The originals are untouched.
    assert all(not cell.outputs for cell in code_cells(nbformat.read(submissions / "alice.ipynb", as_version=4)))

    left = wait_until_gone(kernel_pids(swiftml_kernelspec.binary) - before, swiftml_kernelspec.binary, timeout=3)
    assert not left, f"kernels still running after grading: {left}"


def test_grade_passes_a_folder_of_good_notebooks(tmp_path, swiftml_kernelspec):
    folder = tmp_path / "good"
    folder.mkdir()
    for name in ("one", "two"):
        nbformat.write(new_notebook(f"name = '{name}'", "print(name.upper())"), folder / f"{name}.ipynb")
    output = tmp_path / "marks"
    result = run([str(GRADE), "--no-setup", str(folder), "--output-dir", str(output)], timeout=120, env=grade_environment())
    assert result.returncode == 0, result.stdout + result.stderr
    assert "2 of 2 notebooks ran without errors" in result.stdout
    assert stdout(code_cells(nbformat.read(output / "two.ipynb", as_version=4))[1]) == "TWO\n"


def test_stopping_grade_leaves_no_kernel(tmp_path, swiftml_kernelspec):
    """SIGTERM (or Ctrl-C) in the middle of a long cell: the run stops and the kernel goes with it."""
    folder = tmp_path / "slow"
    folder.mkdir()
    nbformat.write(new_notebook("print('started', flush=True)", "while True:\n    pass"), folder / "slow.ipynb")
    nbformat.write(new_notebook("print('second')"), folder / "zzz.ipynb")
    before = kernel_pids(swiftml_kernelspec.binary)
    grade = subprocess.Popen([str(GRADE), "--no-setup", str(folder), "--timeout", "600", "--jobs", "1"], env=grade_environment(),
                             stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while not (kernel_pids(swiftml_kernelspec.binary) - before) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert kernel_pids(swiftml_kernelspec.binary) - before, "grade never started a kernel"
        time.sleep(1.5)  # into the infinite loop
        grade.send_signal(signal.SIGTERM)
        out, err = grade.communicate(timeout=60)
    finally:
        if grade.poll() is None:
            grade.kill()
    assert grade.returncode == 130, out + err
    assert "no kernel is left running" in err
    assert "zzz.ipynb" not in out  # the run stopped instead of going on to the next notebook
    left = wait_until_gone(kernel_pids(swiftml_kernelspec.binary) - before, swiftml_kernelspec.binary, timeout=3)
    assert not left, f"kernels still running after grade was stopped: {left}"


def test_parallel_grading_gives_the_same_report(submissions, swiftml_kernelspec):
    """--jobs 3: the same lines, report and executed copies as one at a time (the report keeps
    the folder's order), and no kernel left behind."""
    before = kernel_pids(swiftml_kernelspec.binary)
    output = submissions.parent / "parallel"
    result = run([str(GRADE), "--no-setup", str(submissions), "--timeout", "5", "--jobs", "3", "--output-dir", str(output)],
                 timeout=240, env=grade_environment())
    assert result.returncode == 1, result.stdout + result.stderr
    lines = result.stdout
    assert "alice.ipynb  pass" in lines
    assert "bob.ipynb    FAIL" in lines and "code cell 2: NameError: name 'total' is not defined" in lines
    assert "carol.ipynb  FAIL" in lines and "code cell 2: TimeoutError: a cell ran longer than 5 s" in lines
    assert "erin.ipynb   FAIL" in lines and "not a readable notebook" in lines
    assert "1 of 5 notebooks ran without errors" in lines
    with (output / "report.csv").open() as handle:
        rows = list(csv.DictReader(handle))
    assert [row["notebook"] for row in rows] == ["alice.ipynb", "bob.ipynb", "carol.ipynb", "dave.ipynb", "erin.ipynb"]
    assert [row["status"] for row in rows] == ["pass", "FAIL", "FAIL", "FAIL", "FAIL"]
    alice = nbformat.read(output / "alice.ipynb", as_version=4)
    assert code_cells(alice)[2].outputs[0]["data"]["text/plain"] == "42"
    left = wait_until_gone(kernel_pids(swiftml_kernelspec.binary) - before, swiftml_kernelspec.binary, timeout=3)
    assert not left, f"kernels still running after grading: {left}"


def test_stopping_parallel_grading_stops_every_kernel(tmp_path, swiftml_kernelspec):
    """SIGTERM while two workers each run an endless cell: both kernels go, nothing else starts."""
    folder = tmp_path / "slow"
    folder.mkdir()
    for name in ("a", "b"):
        nbformat.write(new_notebook("while True:\n    pass"), folder / f"{name}.ipynb")
    nbformat.write(new_notebook("print('third')"), folder / "zzz.ipynb")
    before = kernel_pids(swiftml_kernelspec.binary)
    grade = subprocess.Popen([str(GRADE), "--no-setup", str(folder), "--timeout", "600", "--jobs", "2"],
                             env=grade_environment(), stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(kernel_pids(swiftml_kernelspec.binary) - before) < 2 and time.monotonic() < deadline:
            time.sleep(0.1)
        assert len(kernel_pids(swiftml_kernelspec.binary) - before) == 2, "grade did not start two kernels"
        time.sleep(1.5)  # into the endless loops
        grade.send_signal(signal.SIGTERM)
        out, err = grade.communicate(timeout=60)
    finally:
        if grade.poll() is None:
            grade.kill()
    assert grade.returncode == 130, out + err
    assert "no kernel is left running" in err
    assert "zzz.ipynb" not in out
    left = wait_until_gone(kernel_pids(swiftml_kernelspec.binary) - before, swiftml_kernelspec.binary, timeout=5)
    assert not left, f"kernels still running after grade was stopped: {left}"


def test_grade_without_arguments_explains_its_usage():
    result = run([str(GRADE), "--no-setup"], timeout=30, env=grade_environment())
    assert result.returncode == 2
    assert "usage: scripts/grade" in result.stderr
