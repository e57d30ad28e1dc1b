"""Helpers for tests that drive the SwiftML kernel through real Jupyter clients.

    from swiftml_testing import start_kernel, execute, run_notebook

    with start_kernel() as (km, kc):
        result = execute(kc, "print(1)")
        assert result.stdout == "1\\n"

    cells = run_notebook(["x = 2", "x * 21"])
    assert cells[1].result == "42"

Everything here uses the kernelspec that conftest.py installs (kernel name "swiftml").
"""

from __future__ import annotations

import contextlib
import dataclasses
import json
import os
import pathlib
import subprocess
import time
from typing import Any, Iterator

ROOT = pathlib.Path(__file__).resolve().parents[2]
KERNEL_NAME = "swiftml"
TIMEOUT = 30


def kernel_binary() -> pathlib.Path:
    """The kernel binary under test: $SWIFTML_KERNEL, else the release build."""
    configured = os.environ.get("SWIFTML_KERNEL")
    if configured:
        return pathlib.Path(configured).resolve()
    return ROOT / ".build" / "release" / "swiftml-kernel"


@dataclasses.dataclass
class InstalledKernelspec:
    binary: pathlib.Path
    data_dir: pathlib.Path  # what goes on JUPYTER_PATH

    @property
    def directory(self) -> pathlib.Path:
        return self.data_dir / "kernels" / KERNEL_NAME


def install_kernelspec(binary: pathlib.Path, prefix: pathlib.Path) -> InstalledKernelspec:
    """Runs `swiftml-kernel install --prefix PREFIX`; the spec lands in PREFIX/share/jupyter."""
    subprocess.run([str(binary), "install", "--prefix", str(prefix)], check=True, capture_output=True)
    return InstalledKernelspec(binary=binary, data_dir=prefix / "share" / "jupyter")


@contextlib.contextmanager
def start_kernel(kernel_name: str = KERNEL_NAME, **launch: Any) -> Iterator[tuple[Any, Any]]:
    """Starts a kernel and a blocking client that has seen kernel_info_reply; yields
    `(manager, client)` and shuts both down afterwards. `launch` goes to `start_kernel`
    (for example `stderr=subprocess.PIPE`)."""
    from jupyter_client.manager import KernelManager

    km = KernelManager(kernel_name=kernel_name)
    km.start_kernel(**launch)
    kc = km.client()
    kc.start_channels()
    try:
        kc.wait_for_ready(timeout=TIMEOUT)
        yield km, kc
    finally:
        kc.stop_channels()
        if km.is_alive():
            km.shutdown_kernel(now=False)


@dataclasses.dataclass
class Execution:
    """What one execute_request produced."""

    reply: dict
    messages: list[dict]  # every IOPub message with this request as parent, busy to idle

    @property
    def outputs(self) -> list[dict]:
        """IOPub messages other than status and execute_input."""
        return [m for m in self.messages if m["msg_type"] not in ("status", "execute_input")]

    def of_type(self, msg_type: str) -> list[dict]:
        return [m for m in self.messages if m["msg_type"] == msg_type]

    def stream(self, name: str) -> str:
        return "".join(m["content"]["text"] for m in self.of_type("stream") if m["content"]["name"] == name)

    @property
    def stdout(self) -> str:
        return self.stream("stdout")

    @property
    def stderr(self) -> str:
        return self.stream("stderr")

    @property
    def result(self) -> str | None:
        """The execute_result's text/plain, if any."""
        results = self.of_type("execute_result")
        return results[-1]["content"]["data"].get("text/plain") if results else None

    @property
    def status(self) -> str:
        return self.reply["content"]["status"]


def execute(kc: Any, code: str, timeout: float = TIMEOUT, stdin_answers: list[str] | None = None, **options: Any) -> Execution:
    """Runs `code`, answers input requests from `stdin_answers`, and collects the reply and
    every IOPub message of the request up to its `idle`."""
    # jupyter_client allows stdin by default; a test that gives no answers would hang.
    options.setdefault("allow_stdin", stdin_answers is not None)
    msg_id = kc.execute(code, **options)
    answers = list(stdin_answers or [])
    deadline = time.monotonic() + timeout
    reply = None
    messages: list[dict] = []
    idle = False
    while reply is None or not idle:
        left = deadline - time.monotonic()
        if left <= 0:
            raise TimeoutError(f"no reply and idle for {code!r} within {timeout} s (reply={reply is not None}, idle={idle})")
        if answers and kc.stdin_channel.msg_ready():
            request = kc.stdin_channel.get_msg(timeout=1)
            if request["msg_type"] == "input_request":
                kc.input(answers.pop(0))
            continue
        if reply is None and kc.shell_channel.msg_ready():
            message = kc.get_shell_msg(timeout=1)
            if message["parent_header"].get("msg_id") == msg_id:
                reply = message
            continue
        try:
            message = kc.get_iopub_msg(timeout=min(0.05, left))
        except Exception:  # queue.Empty
            continue
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            idle = True
    return Execution(reply=reply, messages=messages)


@dataclasses.dataclass
class CellOutputs:
    """The outputs nbclient recorded for one cell."""

    outputs: list[dict]
    execution_count: int | None

    @property
    def stdout(self) -> str:
        return "".join(o["text"] for o in self.outputs if o["output_type"] == "stream" and o["name"] == "stdout")

    @property
    def stderr(self) -> str:
        return "".join(o["text"] for o in self.outputs if o["output_type"] == "stream" and o["name"] == "stderr")

    @property
    def result(self) -> str | None:
        for output in self.outputs:
            if output["output_type"] == "execute_result":
                return output["data"].get("text/plain")
        return None

    @property
    def error(self) -> dict | None:
        for output in self.outputs:
            if output["output_type"] == "error":
                return output
        return None

    def data(self, mime: str) -> list[Any]:
        return [o["data"][mime] for o in self.outputs if o["output_type"] in ("display_data", "execute_result") and mime in o["data"]]


def run_notebook(cells: list[str], timeout: int = 120, allow_errors: bool = False, kernel_name: str = KERNEL_NAME) -> list[CellOutputs]:
    """Executes a notebook of code cells with nbclient (as nbconvert --execute and papermill
    do) and returns each cell's outputs. With `allow_errors` false, an error raises
    nbclient's CellExecutionError."""
    import nbclient
    import nbformat

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell(source) for source in cells]
    client = nbclient.NotebookClient(notebook, timeout=timeout, kernel_name=kernel_name, allow_errors=allow_errors)
    client.execute()
    return [CellOutputs(outputs=cell.outputs, execution_count=cell.execution_count) for cell in notebook.cells]


def write_connection_file(path: pathlib.Path, ports: list[int], key: str = "secret", transport: str = "tcp", ip: str = "127.0.0.1") -> pathlib.Path:
    """A connection file for starting the binary by hand."""
    names = ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port"]
    content = dict(zip(names, ports), ip=ip, key=key, transport=transport, signature_scheme="hmac-sha256", kernel_name=KERNEL_NAME)
    path.write_text(json.dumps(content))
    return path
