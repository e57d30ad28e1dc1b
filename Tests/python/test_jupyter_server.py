"""The kernel behind JupyterLab's server (jupyter_server): a session created over the REST
API, cells run over the kernel's websocket, an interrupt and a restart through REST. This is
the path a notebook opened in JupyterLab takes; the browser adds only the rendering."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
import uuid

import pytest
import requests
import websocket

from swiftml_testing import KERNEL_NAME

TOKEN = uuid.uuid4().hex


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    root = tmp_path_factory.mktemp("server-root")
    process = subprocess.Popen(
        [sys.executable, "-m", "jupyterlab", f"--ServerApp.port={port}", "--ServerApp.ip=127.0.0.1",
         f"--IdentityProvider.token={TOKEN}", "--ServerApp.open_browser=False", f"--ServerApp.root_dir={root}",
         "--ServerApp.allow_root=True"],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, env=os.environ.copy())
    base = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            if requests.get(f"{base}/api/status", headers=auth(), timeout=1).ok:
                break
        except requests.ConnectionError:
            time.sleep(0.2)
    else:
        process.kill()
        pytest.fail("jupyter_server did not start")
    yield base
    process.terminate()
    process.wait(timeout=30)


def auth() -> dict:
    return {"Authorization": f"token {TOKEN}"}


class KernelSocket:
    """The kernel's websocket as JupyterLab uses it (JSON messages with a channel field)."""

    def __init__(self, base: str, kernel_id: str):
        url = base.replace("http", "ws") + f"/api/kernels/{kernel_id}/channels?session_id={uuid.uuid4().hex}"
        self.ws = websocket.create_connection(url, header=[f"Authorization: token {TOKEN}"], timeout=30)

    def send(self, channel: str, msg_type: str, content: dict) -> str:
        msg_id = uuid.uuid4().hex
        self.ws.send(json.dumps({
            "channel": channel, "content": content, "metadata": {}, "parent_header": {}, "buffers": [],
            "header": {"msg_id": msg_id, "msg_type": msg_type, "username": "lab", "session": "s", "date": "", "version": "5.4"},
        }))
        return msg_id

    def run(self, code: str, timeout: float = 30) -> tuple[dict, list[dict]]:
        """Executes `code`; returns the reply and the IOPub messages up to idle."""
        msg_id = self.send("shell", "execute_request", {"code": code, "silent": False, "store_history": True,
                                                         "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
        return self.collect(msg_id, timeout)

    def collect(self, msg_id: str, timeout: float = 30) -> tuple[dict, list[dict]]:
        reply, messages, idle = None, [], False
        deadline = time.monotonic() + timeout
        while (reply is None or not idle) and time.monotonic() < deadline:
            message = json.loads(self.ws.recv())
            if message.get("parent_header", {}).get("msg_id") != msg_id:
                continue
            if message["channel"] == "shell":
                reply = message
            elif message["channel"] == "iopub":
                messages.append(message)
                idle = message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"
        assert reply is not None and idle, f"no reply and idle for {msg_id}"
        return reply, messages

    def close(self) -> None:
        self.ws.close()


@pytest.fixture
def lab_kernel(server):
    response = requests.post(f"{server}/api/sessions", headers=auth(), timeout=60, json={
        "path": "notebook.ipynb", "type": "notebook", "name": "notebook.ipynb", "kernel": {"name": KERNEL_NAME}})
    assert response.status_code == 201, response.text
    kernel_id = response.json()["kernel"]["id"]
    socket_ = KernelSocket(server, kernel_id)
    yield server, kernel_id, socket_
    socket_.close()
    requests.delete(f"{server}/api/sessions/{response.json()['id']}", headers=auth(), timeout=30)


def test_server_lists_the_kernelspec(server):
    specs = requests.get(f"{server}/api/kernelspecs", headers=auth(), timeout=10).json()["kernelspecs"]
    assert specs[KERNEL_NAME]["spec"]["display_name"] == "SwiftML"
    assert specs[KERNEL_NAME]["resources"].keys() >= {"logo-32x32", "logo-64x64"}


def test_cells_run_over_the_websocket(lab_kernel):
    server, kernel_id, kernel = lab_kernel
    reply, messages = kernel.run("x = 6\nprint('x is', x)\nx * 7")
    assert reply["content"]["status"] == "ok"
    kinds = [m["msg_type"] for m in messages]
    assert kinds == ["status", "execute_input", "stream", "execute_result", "status"], kinds
    assert messages[2]["content"]["text"] == "x is 6\n"
    assert messages[3]["content"]["data"]["text/plain"] == "42"


def test_interrupt_and_restart_through_rest(lab_kernel):
    server, kernel_id, kernel = lab_kernel
    kernel.run("kept = 1")
    msg_id = kernel.send("shell", "execute_request", {"code": "while True: pass", "silent": False, "store_history": True,
                                                      "user_expressions": {}, "allow_stdin": False, "stop_on_error": True})
    time.sleep(0.5)
    started = time.monotonic()
    assert requests.post(f"{server}/api/kernels/{kernel_id}/interrupt", headers=auth(), timeout=10).status_code == 204
    reply, _ = kernel.collect(msg_id)
    assert time.monotonic() - started < 1.0
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert kernel.run("kept")[1][-2]["content"]["data"]["text/plain"] == "1"

    assert requests.post(f"{server}/api/kernels/{kernel_id}/restart", headers=auth(), timeout=60).ok
    # JupyterLab reconnects its websocket after a restart; so does this test.
    kernel.close()
    kernel = KernelSocket(server, kernel_id)
    reply, _ = kernel.run("kept")
    kernel.close()
    assert reply["content"]["status"] == "error" and reply["content"]["ename"] == "NameError"
