"""The course notebooks, executed as students' work is graded: `jupyter nbconvert --to notebook
--execute` with the SwiftML kernel and a per-cell timeout. Each must run without an error
output, draw the plots it should (decoded PNGs of a real size, not blank) and print numbers
that show the model learned (accuracy above a threshold, losses near their floor)."""

from __future__ import annotations

import re

import nbformat
import pytest

from notebook_checks import (NOTEBOOKS, all_stdout, assert_is_a_plot, code_cells, errors, images, images_per_cell,
                             jupyter, number_after, run, stdout)

CELL_TIMEOUT = 300  # seconds; each course cell takes a few seconds under SwiftML
COURSE = ["Sinx", "FlowerClassification", "MaximumLikelihood", "Autoencoder", "MNISTClassification", "CNN"]


@pytest.fixture(scope="module")
def executed(tmp_path_factory):
    """Executes a course notebook once per test session and returns it (outputs in place)."""
    folder = tmp_path_factory.mktemp("course")
    cache: dict[str, nbformat.NotebookNode] = {}

    def execute(name: str) -> nbformat.NotebookNode:
        if name not in cache:
            result = run(jupyter("nbconvert", "--to", "notebook", "--execute", "--ExecutePreprocessor.kernel_name=swiftml",
                                 f"--ExecutePreprocessor.timeout={CELL_TIMEOUT}", "--output-dir", str(folder),
                                 str(NOTEBOOKS / f"{name}.ipynb")), timeout=20 * CELL_TIMEOUT)
            if result.returncode != 0:
                # nbconvert names the failing cell and prints the kernel's traceback.
                pytest.fail(f"{name}.ipynb did not run through:\n{result.stderr[-3000:]}", pytrace=False)
            cache[name] = nbformat.read(folder / f"{name}.ipynb", as_version=4)
        return cache[name]

    return execute


def check_ran_cleanly(notebook: nbformat.NotebookNode, plots: int) -> str:
    """No error output, every code cell executed, at least `plots` real plots; returns stdout."""
    assert not errors(notebook), errors(notebook)
    assert all(cell.execution_count for cell in code_cells(notebook))
    drawn = images(notebook)
    assert len(drawn) >= plots, f"{len(drawn)} plots, expected {plots}: per cell {images_per_cell(notebook)}"
    for image in drawn:
        assert_is_a_plot(image)
    return all_stdout(notebook)


def test_course_is_complete():
    names = sorted(path.stem for path in NOTEBOOKS.glob("*.ipynb"))
    assert set(COURSE) <= set(names), names
    for name in COURSE:
        notebook = nbformat.read(NOTEBOOKS / f"{name}.ipynb", as_version=4)
        assert notebook.metadata["kernelspec"]["name"] == "swiftml"
        # papermill picks its parameter translator by language_info.name, else this: keep
        # both pointing at the cells' syntax (a SwiftML run writes language_info "swiftml").
        assert notebook.metadata["kernelspec"]["language"] == "python"
        assert notebook.metadata.get("language_info", {}).get("name", "python") == "python"
        # papermill finds the cell to override by this tag.
        assert any("parameters" in cell.metadata.get("tags", []) for cell in notebook.cells), name
        assert not any(cell.get("outputs") for cell in code_cells(notebook)), f"{name} is committed with outputs"
        assert sum(cell.cell_type == "markdown" for cell in notebook.cells) >= 5, f"{name} needs its prose"


def test_sinx(executed):
    text = check_ran_cleanly(executed("Sinx"), plots=5)
    # The fit reaches the noise floor (0.01) on points it did not train on.
    assert number_after("final validation loss:", text) < 0.03
    # Memorising: the validation loss rose well above its best while the training loss fell
    # far below the validation loss.
    best = number_after(r"validation loss is lowest at epoch \d+:", text)
    end_train = number_after(r"training loss", text.split("after")[-1])
    end_validation = number_after(r"validation loss", text.split("after")[-1])
    assert end_validation > 1.3 * best, text
    assert end_train < 0.2 * best, text
    # MAE is not pulled by the outliers the way MSE is.
    assert number_after("trained with MAE: mean distance to sin\\(x\\) =", text) < \
        number_after("trained with MSE: mean distance to sin\\(x\\) =", text)


def test_flower_classification(executed):
    notebook = executed("FlowerClassification")
    text = check_ran_cleanly(notebook, plots=3)
    assert "(150, 4) (150,)" in text
    assert number_after("test accuracy:", text) >= 0.9
    matrix = [[int(v) for v in re.findall(r"\d+", row)] for row in re.findall(r"\[\s*(\d+\s+\d+\s+\d+)\s*\]", text)]
    assert len(matrix) == 3 and sum(map(sum, matrix)) == 30, text
    assert sum(matrix[i][i] for i in range(3)) >= 27
    # The garden flower is a versicolor (sepal 6.1 x 2.9, petal 4.6 x 1.4).
    assert "prediction: versicolor" in text
    probabilities = [number_after(f"{name}:", text) for name in ("setosa", "versicolor", "virginica")]
    assert abs(sum(probabilities) - 1) < 0.01


def test_maximum_likelihood(executed):
    text = check_ran_cleanly(executed("MaximumLikelihood"), plots=3)
    # lstsq and the normal equations agree, near the true a = 1.7, b = -0.5.
    assert number_after("lstsq: +a =", text) == pytest.approx(number_after("normal equations: a =", text), abs=1e-3)
    assert number_after("lstsq: +a =", text) == pytest.approx(1.7, abs=0.2)
    # Gradient descent on the NLL arrives at the closed-form optimum.
    mu, sigma = number_after("gradient descent: +mu =", text), number_after("gradient descent: +mu = [0-9.-]+, sigma =", text)
    closed_mu, closed_sigma = number_after("closed form: +mu =", text), number_after("closed form: +mu = [0-9.-]+, sigma =", text)
    assert mu == pytest.approx(closed_mu, abs=0.01) and sigma == pytest.approx(closed_sigma, abs=0.01)


def test_autoencoder(executed):
    notebook = executed("Autoencoder")
    text = check_ran_cleanly(notebook, plots=2)
    assert "60000 training and 10000 test images of shape (28, 28)" in text
    assert "a compression factor of 24.5" in text
    error, baseline = number_after("reconstruction error on the test set:", text), number_after("average image:", text)
    assert error < 0.03 and error < 0.5 * baseline
    # The progress of 17 epochs, with the validation loss.
    assert len(re.findall(r"Epoch \d+/17", text)) == 17
    assert "val_loss" in text
    grid = max(images(notebook), key=lambda image: image.width)
    assert grid.width > 2.5 * grid.height  # the 2 x 10 grid of originals above reconstructions


def test_mnist_classification(executed):
    notebook = executed("MNISTClassification")
    text = check_ran_cleanly(notebook, plots=4)
    assert number_after("test accuracy:", text) >= 0.9
    shown = re.findall(r"predicted (\d) \(([0-9.]+)%\), next likely (\d) \(([0-9.]+)%\)", text)
    assert len(shown) == 12
    for first, p_first, second, p_second in shown:
        assert first != second and float(p_first) >= float(p_second)
    assert re.search(r"\d+ of \d+ test digits are misclassified", text)


def test_cnn(executed):
    notebook = executed("CNN")
    text = check_ran_cleanly(notebook, plots=2)
    assert number_after("test accuracy:", text) >= 0.9
    assert "filter weights: (3, 3, 1, 16)" in text
