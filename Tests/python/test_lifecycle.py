"""The kernel's life: heartbeat, interrupts (message and SIGINT) of a running loop with
state kept, shutdown, restart, SIGTERM, the death of its parent, and start-up errors."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time

import pytest
import zmq
from jupyter_client.manager import KernelManager

from swiftml_testing import execute, kernel_binary, start_kernel, write_connection_file


def free_ports(count: int) -> list[int]:
    sockets = [socket.socket() for _ in range(count)]
    for s in sockets:
        s.bind(("127.0.0.1", 0))
    ports = [s.getsockname()[1] for s in sockets]
    for s in sockets:
        s.close()
    return ports


def kernel_process(km: KernelManager):
    return km.provisioner.process


def wait_for_exit(process, timeout: float) -> int | None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        code = process.poll()
        if code is not None:
            return code
        time.sleep(0.01)
    return None


def test_heartbeat_echoes(kernel):
    km, kc = kernel
    assert kc.hb_channel.is_beating()
    info = km.get_connection_info()
    context = zmq.Context.instance()
    probe = context.socket(zmq.REQ)
    probe.setsockopt(zmq.LINGER, 0)
    probe.connect(f"tcp://{info['ip']}:{info['hb_port']}")
    for payload in [b"ping", b"", b"\x00\xff" * 1000]:
        probe.send(payload)
        assert probe.poll(5000), "no heartbeat echo"
        assert probe.recv() == payload
    probe.close()


def test_heartbeat_answers_while_a_cell_runs(kernel):
    km, kc = kernel
    kc.execute("import time\ntime.sleep(2)")
    time.sleep(0.3)
    assert kc.hb_channel.is_beating()
    kc.get_shell_msg(timeout=10)


@pytest.mark.parametrize("how", ["interrupt_request", "SIGINT"])
def test_interrupt_stops_an_infinite_loop_and_keeps_state(kernel, how):
    km, kc = kernel
    assert execute(kc, "x = 41").status == "ok"
    msg_id = kc.execute("while True: pass")
    # The loop is running once execute_input is out and no reply came.
    time.sleep(0.5)
    assert not kc.shell_channel.msg_ready(), "the loop ended by itself"
    started = time.monotonic()
    if how == "SIGINT":
        os.kill(kernel_process(km).pid, signal.SIGINT)
    else:
        km.interrupt_kernel()  # interrupt_mode is "message": an interrupt_request on control
    reply = kc.get_shell_msg(timeout=5)
    elapsed = time.monotonic() - started
    assert reply["parent_header"]["msg_id"] == msg_id
    assert elapsed < 1.0, f"the interrupted cell replied after {elapsed:.2f} s"
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    after = execute(kc, "x + 1")
    assert after.result == "42", "the interrupt lost the kernel's variables"


def test_interrupt_reply_comes_from_control_while_busy(kernel):
    km, kc = kernel
    kc.execute("while True: pass")
    time.sleep(0.3)
    msg = kc.session.msg("interrupt_request", {})
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=2)
    assert reply["msg_type"] == "interrupt_reply" and reply["content"]["status"] == "ok"
    assert kc.get_shell_msg(timeout=5)["content"]["ename"] == "KeyboardInterrupt"


def test_sigint_while_idle_does_not_kill_or_poison_the_next_cell(kernel):
    km, kc = kernel
    os.kill(kernel_process(km).pid, signal.SIGINT)
    time.sleep(0.2)
    assert km.is_alive()
    assert execute(kc, "1 + 1").result == "2"


def test_kernel_info_on_control_while_busy(kernel):
    km, kc = kernel
    kc.execute("import time\ntime.sleep(2)")
    time.sleep(0.2)
    msg = kc.session.msg("kernel_info_request", {})
    kc.control_channel.send(msg)
    reply = kc.control_channel.get_msg(timeout=1)
    assert reply["msg_type"] == "kernel_info_reply"
    kc.get_shell_msg(timeout=10)


def test_shutdown_replies_broadcasts_and_exits(swiftml_kernelspec):
    with start_kernel() as (km, kc):
        process = kernel_process(km)
        msg_id = kc.shutdown()
        reply = kc.control_channel.get_msg(timeout=5)
        assert reply["parent_header"]["msg_id"] == msg_id
        assert reply["content"] == {"status": "ok", "restart": False}
        broadcast = []
        while True:
            try:
                message = kc.get_iopub_msg(timeout=2)
            except Exception:
                break
            broadcast.append(message["msg_type"])
            if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
                break
        assert "shutdown_reply" in broadcast, "the shutdown was not broadcast on IOPub"
        assert wait_for_exit(process, 5) == 0


def test_restart_gives_a_fresh_kernel(swiftml_kernelspec):
    with start_kernel() as (km, kc):
        old = kernel_process(km)
        execute(kc, "x = 1")
        km.restart_kernel(now=False)
        assert wait_for_exit(old, 5) == 0, "the old kernel did not exit on shutdown_request(restart=True)"
        kc.wait_for_ready(timeout=30)
        assert kernel_process(km).pid != old.pid
        fresh = execute(kc, "x")
        assert fresh.status == "error" and fresh.reply["content"]["ename"] == "NameError"


def test_shutdown_with_restart_flag_is_echoed(swiftml_kernelspec):
    with start_kernel() as (km, kc):
        kc.shutdown(restart=True)
        reply = kc.control_channel.get_msg(timeout=5)
        assert reply["content"] == {"status": "ok", "restart": True}
        assert wait_for_exit(kernel_process(km), 5) == 0


def test_shutdown_during_a_running_cell(swiftml_kernelspec):
    with start_kernel() as (km, kc):
        kc.execute("while True: pass")
        time.sleep(0.3)
        started = time.monotonic()
        kc.shutdown()
        assert wait_for_exit(kernel_process(km), 5) == 0
        assert time.monotonic() - started < 3


def start_by_hand(tmp_path, env=None, key="secret", transport="tcp") -> tuple[subprocess.Popen, dict]:
    ports = free_ports(5)
    ip = "127.0.0.1" if transport == "tcp" else str(tmp_path / "kernel-ipc")
    path = write_connection_file(tmp_path / "kernel.json", ports, key=key, transport=transport, ip=ip)
    process = subprocess.Popen([str(kernel_binary()), "run", "--connection-file", str(path)],
                               env={**os.environ, **(env or {})}, stderr=subprocess.PIPE)
    return process, {"path": path, "ports": ports}


def connected_client(path):
    from jupyter_client import BlockingKernelClient

    kc = BlockingKernelClient(connection_file=str(path))
    kc.load_connection_file()
    kc.start_channels()
    kc.wait_for_ready(timeout=30)
    return kc


def test_sigterm_exits_cleanly(tmp_path):
    process, info = start_by_hand(tmp_path)
    kc = connected_client(info["path"])
    process.send_signal(signal.SIGTERM)
    assert wait_for_exit(process, 5) == 0
    kc.stop_channels()


def test_exits_when_its_parent_dies(tmp_path):
    """JPY_PARENT_PID names a process; when it dies the kernel follows within seconds."""
    parent = subprocess.Popen([sys.executable, "-c", "import time; time.sleep(600)"])
    process, info = start_by_hand(tmp_path, env={"JPY_PARENT_PID": str(parent.pid)})
    kc = connected_client(info["path"])
    time.sleep(1.5)
    assert process.poll() is None, "the kernel exited while its parent lived"
    parent.kill()
    parent.wait()
    assert wait_for_exit(process, 5) == 0, "the kernel outlived its parent"
    kc.stop_channels()


def test_ipc_transport(tmp_path):
    process, info = start_by_hand(tmp_path, transport="ipc")
    kc = connected_client(info["path"])
    assert execute(kc, "print('over ipc')").stdout == "over ipc\n"
    kc.shutdown()
    assert wait_for_exit(process, 5) == 0
    kc.stop_channels()


def test_empty_key_means_unsigned_messages(tmp_path):
    process, info = start_by_hand(tmp_path, key="")
    kc = connected_client(info["path"])
    assert kc.session.key == b""
    kc.shutdown()
    assert wait_for_exit(process, 5) == 0
    kc.stop_channels()


def test_missing_connection_file_is_a_clear_error(tmp_path):
    result = subprocess.run([str(kernel_binary()), "run", "-f", str(tmp_path / "nope.json")], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert "cannot read connection file" in result.stderr and "nope.json" in result.stderr


def test_bad_connection_file_is_a_clear_error(tmp_path):
    path = tmp_path / "bad.json"
    path.write_text('{"ip": "127.0.0.1", "shell_port": "five"}')
    result = subprocess.run([str(kernel_binary()), "run", "-f", str(path)], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert '"shell_port" must be a port number' in result.stderr


def test_port_in_use_is_a_clear_error(tmp_path):
    busy = socket.socket()
    busy.bind(("127.0.0.1", 0))
    busy.listen()
    ports = free_ports(4)
    path = write_connection_file(tmp_path / "kernel.json", [busy.getsockname()[1], *ports])
    result = subprocess.run([str(kernel_binary()), "run", "-f", str(path)], capture_output=True, text=True, timeout=30)
    busy.close()
    assert result.returncode == 1
    assert "cannot bind the shell channel" in result.stderr
