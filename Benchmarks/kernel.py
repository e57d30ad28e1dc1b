"""Kernel benchmark: SwiftML against ipykernel, in one run, same client, same machine.

    python Benchmarks/kernel.py [--binary PATH] [--runs N]

Prints, for each kernel and as SwiftML/ipykernel ratios:
  - cold start: process launch to kernel_info_reply (median of --starts runs);
  - execute round trip of `1+1`: send to `idle` on IOPub (median and p95 of 300);
  - throughput: 500 executes sent back to back, executes/s until the last reply and idle;
  - interrupt: `interrupt_request` during `while True: pass` to its execute_reply;
  - shutdown: shutdown_request to process exit.

The client is deliberately lean (pyzmq sockets and jupyter_client's Session for signing), so
that the figures are the kernels' and not the client's. Its sockets retry connections every
10 ms rather than ZeroMQ's default 100 ms, so that cold start is not rounded up to 100 ms
for a kernel that binds quickly. Goals (issue 2): round trip <= 0.25x, cold start <= 0.1x,
throughput >= 4x ipykernel's.
"""

from __future__ import annotations

import argparse
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time
import uuid

import zmq
from jupyter_client.manager import KernelManager
from jupyter_client.session import Session

ROOT = pathlib.Path(__file__).resolve().parent.parent


class LeanClient:
    """A minimal Jupyter client: shell, control and IOPub sockets on one zmq context."""

    def __init__(self, manager: KernelManager):
        info = manager.get_connection_info()
        self.session = Session(key=info["key"] if isinstance(info["key"], bytes) else info["key"].encode(), signature_scheme="hmac-sha256")
        self.context = zmq.Context()
        identity = uuid.uuid4().hex.encode()
        transport, ip = info["transport"], info["ip"]

        def url(port: int) -> str:
            return f"{transport}://{ip}:{port}" if transport == "tcp" else f"ipc://{ip}-{port}"

        def socket(kind: int, port: int) -> zmq.Socket:
            s = self.context.socket(kind)
            s.setsockopt(zmq.RECONNECT_IVL, 10)
            s.setsockopt(zmq.LINGER, 0)
            if kind == zmq.DEALER:
                s.setsockopt(zmq.IDENTITY, identity)
            if kind == zmq.SUB:
                s.setsockopt(zmq.SUBSCRIBE, b"")
            s.connect(url(port))
            return s

        self.shell = socket(zmq.DEALER, info["shell_port"])
        self.control = socket(zmq.DEALER, info["control_port"])
        self.iopub = socket(zmq.SUB, info["iopub_port"])

    def send(self, socket: zmq.Socket, msg_type: str, content: dict) -> str:
        message = self.session.msg(msg_type, content)
        self.session.send(socket, message)
        return message["header"]["msg_id"]

    def execute(self, code: str, socket: zmq.Socket | None = None) -> str:
        return self.send(socket or self.shell, "execute_request", {
            "code": code, "silent": False, "store_history": True, "user_expressions": {},
            "allow_stdin": False, "stop_on_error": False,
        })

    def recv(self, socket: zmq.Socket, timeout: float) -> dict | None:
        if not socket.poll(int(timeout * 1000)):
            return None
        frames = socket.recv_multipart()
        _, frames = self.session.feed_identities(frames)
        return self.session.deserialize(frames)

    def wait_reply(self, socket: zmq.Socket, msg_id: str, timeout: float = 30) -> dict:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            message = self.recv(socket, deadline - time.perf_counter())
            if message and message["parent_header"].get("msg_id") == msg_id:
                return message
        raise TimeoutError(f"no reply to {msg_id}")

    def wait_idle(self, msg_id: str, timeout: float = 30) -> None:
        deadline = time.perf_counter() + timeout
        while time.perf_counter() < deadline:
            message = self.recv(self.iopub, deadline - time.perf_counter())
            if (message and message["msg_type"] == "status" and message["content"]["execution_state"] == "idle"
                    and message["parent_header"].get("msg_id") == msg_id):
                return
        raise TimeoutError(f"no idle for {msg_id}")

    def close(self) -> None:
        self.context.destroy(linger=0)


def start(kernel_name: str) -> tuple[KernelManager, LeanClient, float]:
    """Launches a kernel; returns it, a connected client and the launch-to-reply seconds."""
    manager = KernelManager(kernel_name=kernel_name)
    started = time.perf_counter()
    manager.start_kernel()
    client = LeanClient(manager)
    msg_id = client.send(client.shell, "kernel_info_request", {})
    client.wait_reply(client.shell, msg_id)
    return manager, client, time.perf_counter() - started


def subscribe(client: LeanClient) -> None:
    """Waits until IOPub delivers (a kernel_info's idle), so no output is lost after."""
    while True:
        msg_id = client.send(client.shell, "kernel_info_request", {})
        client.wait_reply(client.shell, msg_id)
        try:
            client.wait_idle(msg_id, timeout=0.5)
            return
        except TimeoutError:
            continue


def stop(manager: KernelManager, client: LeanClient) -> float:
    started = time.perf_counter()
    msg_id = client.send(client.control, "shutdown_request", {"restart": False})
    client.wait_reply(client.control, msg_id)
    process = manager.provisioner.process
    while process.poll() is None and time.perf_counter() - started < 10:
        time.sleep(0.001)
    elapsed = time.perf_counter() - started
    client.close()
    manager.shutdown_kernel(now=True)
    manager.cleanup_resources()
    return elapsed


def measure(kernel_name: str, starts: int, round_trips: int, pipelined: int) -> dict[str, float]:
    figures: dict[str, float] = {}
    cold = []
    for _ in range(starts):
        manager, client, seconds = start(kernel_name)
        cold.append(seconds)
        stop(manager, client)
    figures["cold start s"] = statistics.median(cold)

    manager, client, _ = start(kernel_name)
    subscribe(client)
    for _ in range(20):  # warm up
        client.wait_idle(client.execute("1+1"))
    times = []
    for _ in range(round_trips):
        started = time.perf_counter()
        client.wait_idle(client.execute("1+1"))
        times.append(time.perf_counter() - started)
    times.sort()
    figures["round trip median ms"] = statistics.median(times) * 1000
    figures["round trip p95 ms"] = times[int(0.95 * len(times)) - 1] * 1000

    started = time.perf_counter()
    ids = [client.execute("1+1") for _ in range(pipelined)]
    for msg_id in ids:
        client.wait_reply(client.shell, msg_id)
    client.wait_idle(ids[-1])
    figures["executes/s"] = pipelined / (time.perf_counter() - started)

    msg_id = client.execute("while True: pass")
    time.sleep(0.3)
    started = time.perf_counter()
    client.send(client.control, "interrupt_request", {})
    reply = client.wait_reply(client.shell, msg_id, timeout=10)
    interrupted = reply["content"].get("ename") == "KeyboardInterrupt"
    figures["interrupt ms"] = (time.perf_counter() - started) * 1000 if interrupted else float("nan")

    figures["shutdown s"] = stop(manager, client)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--binary", default=os.environ.get("SWIFTML_KERNEL", str(ROOT / ".build/release/swiftml-kernel")))
    parser.add_argument("--starts", type=int, default=7)
    parser.add_argument("--round-trips", type=int, default=300)
    parser.add_argument("--pipelined", type=int, default=500)
    args = parser.parse_args()

    prefix = pathlib.Path(tempfile.mkdtemp(prefix="swiftml-bench-"))
    subprocess.run([args.binary, "install", "--prefix", str(prefix)], check=True, capture_output=True)
    os.environ["JUPYTER_PATH"] = str(prefix / "share" / "jupyter")

    results = {}
    for name in ("swiftml", "python3"):
        print(f"measuring {name} ...", file=sys.stderr, flush=True)
        results[name] = measure(name, args.starts, args.round_trips, args.pipelined)

    ours, theirs = results["swiftml"], results["python3"]
    print(f"\n{'':24}{'SwiftML':>12}{'ipykernel':>12}{'ratio':>10}   goal")
    goals = {"cold start s": "<= 0.1x", "round trip median ms": "<= 0.25x", "executes/s": ">= 4x"}
    for key in ours:
        ratio = ours[key] / theirs[key] if theirs[key] else float("nan")
        print(f"{key:24}{ours[key]:>12.4g}{theirs[key]:>12.4g}{ratio:>9.3g}x   {goals.get(key, '')}")


if __name__ == "__main__":
    main()
