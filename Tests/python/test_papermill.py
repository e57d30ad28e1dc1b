"""papermill: the cell tagged `parameters` is overridden from the command line (`-p epochs 3`),
and what runs changes accordingly."""

from __future__ import annotations

import re

import nbformat
import pytest

from notebook_checks import NOTEBOOKS, all_stdout, code_cells, errors, jupyter, new_notebook, run, stdout, VENV_BIN

PAPERMILL = str(VENV_BIN / "papermill")

TRAINING_LOOP = """\
history = []
loss = 1.0
for epoch in range(epochs):
    loss = loss * rate
    history.append(round(loss, 4))
print(f"{label}: {len(history)} epochs, last loss {history[-1]}")
"""


@pytest.fixture
def parameterised(tmp_path):
    source = tmp_path / "train.ipynb"
    nbformat.write(new_notebook(TRAINING_LOOP, "len(history)", parameters="epochs = 17\nrate = 0.5\nlabel = 'default'"), source)
    return source


def test_parameters_from_the_command_line_change_what_runs(parameterised, tmp_path):
    output = tmp_path / "out.ipynb"
    result = run([PAPERMILL, str(parameterised), str(output), "-k", "swiftml",
                  "-p", "epochs", "3", "-p", "rate", "0.1", "-p", "label", "short run"], timeout=120)
    assert result.returncode == 0, result.stderr
    executed = nbformat.read(output, as_version=4)
    cells = code_cells(executed)
    # papermill keeps the defaults and injects a cell right after them.
    assert "parameters" in cells[0].metadata["tags"]
    assert "injected-parameters" in cells[1].metadata["tags"]
    assert "epochs = 3" in cells[1].source and 'label = "short run"' in cells[1].source
    assert stdout(cells[2]) == "short run: 3 epochs, last loss 0.001\n"
    assert cells[3].outputs[0]["data"]["text/plain"] == "3"
    assert executed.metadata["papermill"]["parameters"] == {"epochs": 3, "rate": 0.1, "label": "short run"}


def test_without_parameters_the_defaults_run(parameterised, tmp_path):
    output = tmp_path / "out.ipynb"
    result = run([PAPERMILL, str(parameterised), str(output), "-k", "swiftml"], timeout=120)
    assert result.returncode == 0, result.stderr
    cells = code_cells(nbformat.read(output, as_version=4))
    assert not any("injected-parameters" in cell.metadata.get("tags", []) for cell in cells)
    assert stdout(cells[1]) == "default: 17 epochs, last loss 0.0\n"


def test_parameters_from_a_yaml_file(parameterised, tmp_path):
    parameters = tmp_path / "params.yaml"
    parameters.write_text("epochs: 5\nrate: 0.5\nlabel: from yaml\n")
    output = tmp_path / "out.ipynb"
    result = run([PAPERMILL, str(parameterised), str(output), "-k", "swiftml", "-f", str(parameters)], timeout=120)
    assert result.returncode == 0, result.stderr
    assert "from yaml: 5 epochs, last loss 0.0312" in all_stdout(nbformat.read(output, as_version=4))


def test_an_error_fails_the_run_and_is_kept_in_the_output(tmp_path):
    source = tmp_path / "broken.ipynb"
    nbformat.write(new_notebook("values = [1, 2, 3]", "values[epochs]", "print('not reached')", parameters="epochs = 1"), source)
    output = tmp_path / "out.ipynb"
    result = run([PAPERMILL, str(source), str(output), "-k", "swiftml", "-p", "epochs", "10"], timeout=120)
    assert result.returncode != 0
    assert "IndexError" in result.stderr
    executed = nbformat.read(output, as_version=4)
    assert [e["ename"] for e in errors(executed)] == ["IndexError"]


@pytest.mark.parametrize("notebook, parameters, epochs", [
    ("MNISTClassification.ipynb", ["-p", "epochs", "2"], 2),
    ("Autoencoder.ipynb", ["-p", "epochs", "1"], 1),
])
def test_a_course_notebook_runs_with_fewer_epochs(notebook, parameters, epochs, tmp_path):
    """The course notebooks print one line per epoch (verbose 2) or a progress bar: with
    `-p epochs N` there are exactly N epochs."""
    output = tmp_path / notebook
    result = run([PAPERMILL, str(NOTEBOOKS / notebook), str(output), "-k", "swiftml", "--cwd", str(NOTEBOOKS),
                  *parameters], timeout=900)
    assert result.returncode == 0, result.stderr[-3000:]
    executed = nbformat.read(output, as_version=4)
    text = all_stdout(executed)
    assert f"Epoch {epochs}/{epochs}" in text
    assert not re.search(rf"Epoch {epochs + 1}/", text)


def test_two_runs_give_the_same_numbers(tmp_path):
    """Everything is seeded: the Sinx notebook with few epochs (in every training run) prints
    the same losses twice."""
    texts = []
    for attempt in range(2):
        output = tmp_path / f"run{attempt}.ipynb"
        result = run([PAPERMILL, str(NOTEBOOKS / "Sinx.ipynb"), str(output), "-k", "swiftml", "--cwd", str(NOTEBOOKS),
                      "-p", "epochs", "10", "-p", "memorising_epochs", "100"], timeout=900)
        assert result.returncode == 0, result.stderr[-3000:]
        executed = nbformat.read(output, as_version=4)
        texts.append(all_stdout(executed))
    assert re.search(r"final training loss:\s+\d", texts[0])
    assert texts[0] == texts[1]


def test_a_notebook_saved_after_a_swiftml_run_takes_parameters_with_language_python(parameterised, tmp_path):
    """Once SwiftML has run a notebook, its metadata says language_info.name "swiftml", for
    which papermill has no parameter translator; `-l python` names the syntax the cells use."""
    first = tmp_path / "first.ipynb"
    assert run([PAPERMILL, str(parameterised), str(first), "-k", "swiftml"], timeout=120).returncode == 0
    assert nbformat.read(first, as_version=4).metadata["language_info"]["name"] == "swiftml"
    second = tmp_path / "second.ipynb"
    result = run([PAPERMILL, str(first), str(second), "-l", "python", "-p", "epochs", "2"], timeout=120)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "default: 2 epochs, last loss 0.25" in all_stdout(nbformat.read(second, as_version=4))


def test_papermill_is_the_same_executor_as_nbconvert(parameterised, tmp_path):
    """nbconvert --execute of the same notebook gives the same output as papermill's defaults."""
    result = run(jupyter("nbconvert", "--to", "notebook", "--execute", "--output", "nbconvert.ipynb", str(parameterised)), timeout=120)
    assert result.returncode == 0, result.stderr
    cells = code_cells(nbformat.read(tmp_path / "nbconvert.ipynb", as_version=4))
    assert stdout(cells[1]) == "default: 17 epochs, last loss 0.0\n"
