"""`jupyter console` in a terminal, driven by pexpect as a student would type: multi-line
blocks line by line (the console asks the kernel's is_complete on every Enter), a training
run with its progress, an error that leaves the session usable, and a clean exit that takes
the kernel with it."""

from __future__ import annotations

import os
import re
import time

import pexpect
import pytest

from notebook_checks import jupyter, kernel_pids, wait_until_gone

PROMPT = r"In \[(\d+)\]: "
BACKSPACE = "\x7f"


def auto_indent(previous: str) -> int:
    """The indent the console puts on the next line: what the kernel's is_complete reply
    says, which is the previous line's indent, four more after a colon (IPython's rule)."""
    indent = len(previous) - len(previous.lstrip(" "))
    return indent + 4 if previous.rstrip().endswith(":") else indent


class ConsoleSession:
    """`jupyter console` (the prompt_toolkit interface, on a dumb terminal so the output is
    plain text; `--simple-prompt` would send every line on its own)."""

    def __init__(self, workdir, binary):
        self.binary = binary
        self.kernels_before = kernel_pids(binary)
        env = {**os.environ, "TERM": "dumb", "COLUMNS": "160",
               "JUPYTER_RUNTIME_DIR": str(workdir / "runtime"), "JUPYTER_CONFIG_DIR": str(workdir / "config")}
        # The console waits only 1 s for is_complete by default and then gives up on the
        # kernel's answers for good; on a loaded machine that is too short to test typing.
        command = jupyter("console", "--kernel", "swiftml",
                          "--ZMQTerminalInteractiveShell.kernel_is_complete_timeout=20")
        self.process = pexpect.spawn(command[0], command[1:], env=env, encoding="utf-8", timeout=120,
                                     cwd=str(workdir), dimensions=(40, 160))
        self.count = self.expect_prompt()

    def expect_prompt(self) -> int:
        self.process.expect(PROMPT)
        return int(self.process.match.group(1))

    def type_block(self, lines: list[str], compound: bool = True) -> str:
        """Types a block as a person does: each line after Enter starts at the indent the
        console offers (from the kernel's is_complete reply), Backspace dedents, and for a
        compound statement Enter on a last, empty, line runs the block (a bracketed
        expression runs as soon as it is closed). Returns what was printed before the next
        prompt, and checks the block ran as one cell (the prompt number went up by one)."""
        offered = 0
        for line in lines:
            wanted = len(line) - len(line.lstrip(" "))
            keys = BACKSPACE * (offered - wanted) if wanted < offered else " " * (wanted - offered)
            self.process.send(keys + line.lstrip(" ") + "\r")
            offered = auto_indent(line)
        if compound:
            self.process.send("\r")
        return self.finish()

    def run(self, line: str) -> str:
        """Types one complete line and returns everything printed before the next prompt."""
        self.process.send(line + "\r")
        return self.finish()

    def finish(self) -> str:
        count = self.expect_prompt()
        assert count == self.count + 1, f"expected In [{self.count + 1}], got In [{count}]:\n{self.process.before}"
        self.count = count
        return self.process.before

    def new_kernels(self) -> set[int]:
        return kernel_pids(self.binary) - self.kernels_before

    def exit(self, command: str = "exit") -> None:
        self.process.send(command + "\r")
        self.process.expect(pexpect.EOF, timeout=60)
        self.process.close()

    def end_of_file(self) -> None:
        """Ctrl-D, and yes to the console's "Do you really want to exit?"."""
        self.process.send("\x04")
        self.process.expect(r"exit \(\[y\]/n\)\?")
        self.process.send("y\r")
        self.process.expect(pexpect.EOF, timeout=60)
        self.process.close()

    def close(self) -> None:
        if self.process.isalive():
            self.process.close(force=True)


@pytest.fixture
def console(tmp_path, swiftml_kernelspec):
    session = ConsoleSession(tmp_path, swiftml_kernelspec.binary)
    yield session
    session.close()


def test_blocks_typed_line_by_line_an_error_and_a_clean_exit(console):
    assert len(console.new_kernels()) == 1

    # A function with a nested block, typed line by line, dedented with Backspace.
    console.type_block([
        "def triangle(n):",
        "    rows = []",
        "    for i in range(1, n + 1):",
        "        rows.append('*' * i)",
        "    return rows",
    ])
    printed = console.type_block(["for row in triangle(3):", "    print(row)"])
    assert re.search(r"\*\r?\n\*\*\r?\n\*\*\*\r?\n", printed), printed

    # An open bracket continues the line too.
    console.type_block(["total = sum([1,", "           2, 3])"], compound=False)

    # An error: a traceback with the error class, and the session goes on with its state.
    printed = console.run("total / (len(triangle(2)) - 2)")
    assert "ZeroDivisionError" in printed
    printed = console.run("print('total is', total)")
    assert "total is 6" in printed

    # A syntax error is reported, not run, and the prompt comes back.
    printed = console.run("if total > 1 print('no colon')")
    assert "SyntaxError" in printed

    console.exit()
    assert console.process.exitstatus == 0
    left = wait_until_gone(console.new_kernels(), console.binary, timeout=5)
    assert not left, f"the console left its kernel running: {left}"


def test_interrupting_a_loop_with_ctrl_c_keeps_the_session(console):
    console.run("kept = 'still here'")
    console.run("import time")
    console.process.send("time.sleep(600)\r")
    time.sleep(2.0)
    console.process.sendintr()
    console.process.expect("KeyboardInterrupt", timeout=30)
    console.finish()
    printed = console.run("print(kept)")
    assert "still here" in printed
    console.end_of_file()
    assert console.process.exitstatus == 0
    assert not wait_until_gone(console.new_kernels(), console.binary, timeout=5)


def test_a_training_run_shows_its_progress(console):
    console.run("import numpy as np")
    console.run("import tensorflow as tf")
    console.type_block([
        "model = tf.keras.Sequential([",
        "    tf.keras.layers.Dense(8, activation='tanh', input_shape=(1,)),",
        "    tf.keras.layers.Dense(1),",
        "])",
    ], compound=False)
    console.run("model.compile(optimizer='adam', loss='mse')")
    console.run("x = np.linspace(-1, 1, 64).reshape(-1, 1)")
    console.process.send("history = model.fit(x, 2 * x, epochs=3, batch_size=16)\r")
    # The progress bar of each epoch, then its summary with the loss. (pexpect compiles
    # patterns with DOTALL: `.*` would run on to the last epoch's loss, so stay on the line.)
    for epoch in (1, 2, 3):
        console.process.expect(f"Epoch {epoch}/3")
        console.process.expect(r"4/4 [^\r\n]*loss: [0-9.e+-]+")
    console.finish()
    printed = console.run("print(len(history.history['loss']))")
    assert "3" in printed
    console.exit("quit")
    assert not wait_until_gone(console.new_kernels(), console.binary, timeout=5)
