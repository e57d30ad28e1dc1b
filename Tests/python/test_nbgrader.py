"""nbgrader end to end with the `swiftml` kernel, as a teacher runs it.

The course's example assignment (`Notebooks/nbgrader`: solution and hidden-test cells in
nbgrader's layout) goes through `nbgrader generate_assignment` (the stub that replaces each
solution must run in our language), six student submissions are made from the released
notebook (a correct one, a wrong answer, a `NameError`, an endless loop, a `[0] * 10**12`
allocation, and a file that is not JSON), `nbgrader autograde` executes them with the SwiftML
kernel under a per-cell timeout, and `nbgrader generate_feedback` writes the students' pages.
The scores are read back from nbgrader's own gradebook and must be exactly the expected ones.
"""

from __future__ import annotations

import copy
import os
import shutil

import nbformat
import pytest

from notebook_checks import ROOT, VENV_BIN, kernel_pids, run, wait_until_gone

COURSE = ROOT / "Notebooks" / "nbgrader"
STUB = "    # YOUR CODE HERE\n    raise NotImplementedError()"

# What each student wrote in place of the stubs (solution grade_id -> body), and the score
# nbgrader must give: normalise is worth 3 points, accuracy 2, the model 1.
CORRECT = {
    "normalise": "    return (x - x.mean()) / x.std()",
    "accuracy": "    return float(np.mean(np.array(predicted) == np.array(labels)))",
    "model": ("model = tf.keras.Sequential([\n"
              "    tf.keras.layers.Dense(16, activation='relu', input_shape=(4,)),\n"
              "    tf.keras.layers.Dense(3, activation='softmax'),\n])"),
}
SUBMISSIONS = {
    "alice": (CORRECT, 6.0),
    # Centres but does not scale: the visible mean test passes, the std test fails.
    "bob": ({**CORRECT, "normalise": "    return x - x.mean()"}, 3.0),
    # A typo: NameError when the test cell calls it; the rest still counts.
    "carol": ({**CORRECT, "accuracy": "    return float(np.mean(np.array(predicted) == np.array(label)))"}, 4.0),
    # Never returns: nbgrader interrupts the cell at the timeout and grades the rest.
    "dave": ({**CORRECT, "normalise": "    while True:\n        pass"}, 3.0),
    # MemoryError instead of a dead kernel; the model cell after it still runs.
    "erin": ({**CORRECT, "accuracy": "    counts = [0] * 10**12\n    return 1.0"}, 4.0),
}


def nbgrader(course, *args: str, timeout: float = 300):
    # nbgrader runs helper commands of its environment (alembic) by name.
    path = os.pathsep.join([str(VENV_BIN), os.environ.get("PATH", "")])
    return run([str(VENV_BIN / "nbgrader"), *args], timeout=timeout, cwd=course, env={**os.environ, "PATH": path})


def submit(released: nbformat.NotebookNode, answers: dict[str, str]) -> nbformat.NotebookNode:
    notebook = copy.deepcopy(released)
    for cell in notebook.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id")
        if grade_id not in answers:
            continue
        if grade_id == "model":  # a whole-cell solution: the stub is the cell
            cell.source = answers[grade_id]
        else:
            assert STUB in cell.source, cell.source
            cell.source = cell.source.replace(STUB, answers[grade_id])
    return notebook


@pytest.fixture(scope="module")
def graded_course(tmp_path_factory, swiftml_kernelspec):
    course = tmp_path_factory.mktemp("course")
    shutil.copytree(COURSE, course, dirs_exist_ok=True)
    before = kernel_pids(swiftml_kernelspec.binary)

    generated = nbgrader(course, "generate_assignment", "ps1")
    assert generated.returncode == 0, generated.stdout + generated.stderr
    released = nbformat.read(course / "release" / "ps1" / "ps1.ipynb", as_version=4)

    for student, (answers, _) in SUBMISSIONS.items():
        folder = course / "submitted" / student / "ps1"
        folder.mkdir(parents=True)
        nbformat.write(submit(released, answers), folder / "ps1.ipynb")
    broken = course / "submitted" / "frank" / "ps1"
    broken.mkdir(parents=True)
    (broken / "ps1.ipynb").write_text('{"cells": [ this is not JSON')

    autograded = nbgrader(course, "autograde", "ps1", "--ExecutePreprocessor.timeout=5", timeout=600)
    feedback = nbgrader(course, "generate_feedback", "ps1")
    leftover = wait_until_gone(kernel_pids(swiftml_kernelspec.binary) - before, swiftml_kernelspec.binary)
    return course, released, autograded, feedback, leftover


def test_generated_assignment_replaces_solutions_with_stubs_that_run(graded_course, tmp_path):
    course, released, _, _, _ = graded_course
    sources = "\n".join(cell.source for cell in released.cells)
    assert "BEGIN SOLUTION" not in sources and "HIDDEN TESTS" not in sources
    assert "(x - x.mean()) / x.std()" not in sources
    assert sources.count("raise NotImplementedError()") == 3
    # The released notebook as a student first runs it: the stub raises NotImplementedError in
    # the test cell, a Python exception from our kernel, not a syntax error or a crash.
    executed = run([str(VENV_BIN / "jupyter"), "nbconvert", "--to", "notebook", "--execute", "--allow-errors",
                    "--output-dir", str(tmp_path), str(course / "release" / "ps1" / "ps1.ipynb")], timeout=120)
    assert executed.returncode == 0, executed.stderr
    notebook = nbformat.read(tmp_path / "ps1.ipynb", as_version=4)
    names = [o["ename"] for c in notebook.cells if c.cell_type == "code" for o in c.outputs if o["output_type"] == "error"]
    assert names[0] == "NotImplementedError"
    assert set(names) <= {"NotImplementedError", "NameError"}, names


def test_autograde_scores_every_submission_exactly(graded_course):
    course, _, autograded, _, _ = graded_course
    from nbgrader.api import Gradebook

    log = autograded.stdout + autograded.stderr
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gradebook:
        for student, (_, expected) in SUBMISSIONS.items():
            submission = gradebook.find_submission("ps1", student)
            assert submission.max_score == 6.0
            assert submission.score == expected, (student, log[-3000:])
        # The file that is not JSON is reported, scores nothing and waits for the teacher.
        broken = gradebook.find_submission("ps1", "frank")
        assert broken.score == 0.0 and broken.needs_manual_grade
    assert "frank" in log
    assert not (course / "autograded" / "frank" / "ps1" / "ps1.ipynb").exists()


def test_autograded_notebooks_show_each_failure_as_a_python_exception(graded_course):
    course, _, _, _, _ = graded_course

    def errors(student: str) -> list[str]:
        notebook = nbformat.read(course / "autograded" / student / "ps1" / "ps1.ipynb", as_version=4)
        return [f"{o['ename']}: {o['evalue']}" for c in notebook.cells if c.cell_type == "code"
                for o in c.outputs if o["output_type"] == "error"]

    assert errors("alice") == []
    assert errors("bob") == ["AssertionError: "]
    assert len(errors("carol")) == 1 and errors("carol")[0].startswith("NameError: name 'label' is not defined")
    assert errors("dave")[0] == "KeyboardInterrupt: "
    assert errors("erin")[0].startswith("MemoryError")


def test_feedback_pages_carry_the_scores_and_no_kernel_is_left(graded_course):
    course, _, _, feedback, leftover = graded_course
    assert feedback.returncode == 0, feedback.stdout + feedback.stderr
    for student, (_, expected) in SUBMISSIONS.items():
        page = (course / "feedback" / student / "ps1" / "ps1.html").read_text()
        assert f"Score: {expected:g} / 6" in page or f"{expected} / 6.0" in page, student
    assert not leftover, f"kernels still running after grading: {leftover}"
