"""The kernel under the front ends students use: nbconvert --execute, nbclient, and
jupyter console (driven through a terminal with pexpect)."""

from __future__ import annotations

import os
import pathlib
import subprocess
import sys
import time

import nbformat
import pexpect

from swiftml_testing import KERNEL_NAME, run_notebook

VENV_BIN = pathlib.Path(sys.executable).parent


def jupyter(*args: str) -> list[str]:
    return [str(VENV_BIN / "jupyter"), *args]


def test_nbconvert_executes_a_notebook(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "SwiftML", "language": "swiftml"}
    notebook.cells = [
        nbformat.v4.new_markdown_cell("# A small notebook"),
        nbformat.v4.new_code_cell("x = 6\nprint('x is', x)"),
        nbformat.v4.new_code_cell("x * 7"),
    ]
    source = tmp_path / "small.ipynb"
    nbformat.write(notebook, source)
    result = subprocess.run(
        jupyter("nbconvert", "--to", "notebook", "--execute", "--output", "executed.ipynb", str(source)),
        capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    executed = nbformat.read(tmp_path / "executed.ipynb", as_version=4)
    printed, result_cell = executed.cells[1], executed.cells[2]
    assert printed.outputs[0]["text"] == "x is 6\n"
    assert printed.execution_count == 1 and result_cell.execution_count == 2
    assert result_cell.outputs[0]["output_type"] == "execute_result"
    assert result_cell.outputs[0]["data"]["text/plain"] == "42"


def test_nbconvert_to_html(tmp_path):
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": KERNEL_NAME, "display_name": "SwiftML", "language": "swiftml"}
    notebook.cells = [nbformat.v4.new_code_cell("print('rendered ' * 2)")]
    source = tmp_path / "page.ipynb"
    nbformat.write(notebook, source)
    result = subprocess.run(jupyter("nbconvert", "--to", "html", "--execute", str(source)), capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    assert "rendered rendered" in (tmp_path / "page.html").read_text()


def test_nbclient_records_outputs_and_errors():
    cells = run_notebook(["a = [1, 2, 3]", "print(len(a))", "a[5]", "sum(a)"], allow_errors=True)
    assert cells[1].stdout == "3\n"
    assert cells[2].error["ename"] == "IndexError"
    # nbclient runs every cell with allow_errors: the error did not lose the variables.
    assert cells[3].result == "6"


ESCAPES = r"(?:\x1b\[[0-9;?]*[a-zA-Z])*"  # colour and cursor codes between the characters


def test_console_runs_a_for_loop_typed_line_by_line(tmp_path):
    """jupyter console asks is_complete on every Enter: after the loop header and each body
    line the kernel says incomplete (the console opens an indented line), after the empty
    line it says complete and the loop runs. prompt_toolkit's own interface, on a dumb
    terminal so that the screen is plain text."""
    env = {**os.environ, "TERM": "dumb"}
    command = jupyter("console", "--kernel", KERNEL_NAME)
    console = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", timeout=60, cwd=str(tmp_path), dimensions=(40, 120))
    try:
        console.expect(r"In \[1\]: ")
        for line in ["total = 0", "for i in range(4):", "total = total + i", "print('step', i)", ""]:
            time.sleep(0.3)  # typed, not pasted: each Enter is answered before the next line
            console.send(line + "\r")
        for i in range(4):
            console.expect(f"step {i}")
        console.expect(r"In \[3\]: ")
        console.send("total\r")
        console.expect(f"Out\\[{ESCAPES}3{ESCAPES}\\]: {ESCAPES}6")
        console.send("exit\r")
        console.expect(pexpect.EOF)
    finally:
        console.close(force=True)
