"""Messages the kernel must drop: wrong key, unsigned, replayed and malformed, on shell and
control. Each is ignored (no reply, no busy), logged to stderr, and the kernel still answers."""

from __future__ import annotations

import json
import time

import pytest
import zmq
from jupyter_client.session import Session

from swiftml_testing import start_kernel

CHANNELS = ["shell", "control"]


@pytest.fixture(scope="module")
def logged_kernel(swiftml_kernelspec, tmp_path_factory):
    """A kernel whose stderr goes to a file, for checking what it logs."""
    log_path = tmp_path_factory.mktemp("kernel-log") / "stderr.txt"
    with open(log_path, "wb") as log, start_kernel(stderr=log) as (km, kc):
        km.log_path = log_path
        yield km, kc


def channel_socket(kc, name: str) -> zmq.Socket:
    return getattr(kc, f"{name}_channel").socket


def get_reply(kc, name: str, msg_id: str, timeout: float) -> dict | None:
    """The reply to `msg_id` on the channel within `timeout`, skipping others."""
    channel = getattr(kc, f"{name}_channel")
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            message = channel.get_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            return None
        if message["parent_header"].get("msg_id") == msg_id:
            return message
    return None


def iopub_parents(kc, seconds: float) -> set[str]:
    """Parent msg_ids of IOPub messages arriving within `seconds`."""
    parents = set()
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        try:
            message = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        except Exception:
            break
        parents.add(message["parent_header"].get("msg_id"))
    return parents


def still_answers(kc, name: str) -> None:
    msg = kc.session.msg("kernel_info_request", {})
    kc.session.send(channel_socket(kc, name), msg)
    reply = get_reply(kc, name, msg["header"]["msg_id"], timeout=10)
    assert reply is not None and reply["msg_type"] == "kernel_info_reply", f"the kernel stopped answering on {name}"


def answered(kc, name: str, msg_id: str) -> bool:
    """Whether `msg_id` got its reply; its IOPub messages are consumed up to idle."""
    if get_reply(kc, name, msg_id, timeout=10) is None:
        return False
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline:
        message = kc.get_iopub_msg(timeout=10)
        if (message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "status"
                and message["content"]["execution_state"] == "idle"):
            return True
    return False


def assert_ignored(kc, name: str, msg_id: str) -> None:
    assert get_reply(kc, name, msg_id, timeout=0.5) is None, "a dropped message was answered"
    assert msg_id not in iopub_parents(kc, 0.3), "a dropped message caused IOPub traffic (busy/idle)"
    still_answers(kc, name)


def request(kc, name: str) -> dict:
    """A request that would get a reply, were it accepted."""
    return kc.session.msg("kernel_info_request", {})


@pytest.mark.parametrize("name", CHANNELS)
def test_wrong_key_is_ignored(logged_kernel, name):
    km, kc = logged_kernel
    impostor = Session(key=b"not-the-kernel-key", username=kc.session.username)
    msg = request(kc, name)
    impostor.send(channel_socket(kc, name), msg)
    assert_ignored(kc, name, msg["header"]["msg_id"])


@pytest.mark.parametrize("name", CHANNELS)
def test_unsigned_is_ignored(logged_kernel, name):
    km, kc = logged_kernel
    msg = request(kc, name)
    frames = kc.session.serialize(msg)
    frames[1] = b""  # the signature frame after <IDS|MSG>
    channel_socket(kc, name).send_multipart(frames)
    assert_ignored(kc, name, msg["header"]["msg_id"])


@pytest.mark.parametrize("name", CHANNELS)
def test_replay_is_ignored(logged_kernel, name):
    km, kc = logged_kernel
    msg = request(kc, name)
    frames = kc.session.serialize(msg)
    socket = channel_socket(kc, name)
    socket.send_multipart(frames)
    assert answered(kc, name, msg["header"]["msg_id"]), "the original was not answered"
    socket.send_multipart(frames)
    assert_ignored(kc, name, msg["header"]["msg_id"])


def test_replay_across_channels_is_ignored(logged_kernel):
    """A message captured on shell and replayed on control is a replay too."""
    km, kc = logged_kernel
    msg = request(kc, "shell")
    frames = kc.session.serialize(msg)
    channel_socket(kc, "shell").send_multipart(frames)
    assert answered(kc, "shell", msg["header"]["msg_id"])
    channel_socket(kc, "control").send_multipart(frames)
    assert_ignored(kc, "control", msg["header"]["msg_id"])


def signed(kc, parts: list[bytes]) -> list[bytes]:
    """Frames with a valid signature over whatever the four JSON parts are."""
    return [b"<IDS|MSG>", kc.session.sign(parts[:4]), *parts]


def malformed_cases(kc) -> dict[str, tuple[str, list[bytes]]]:
    msg = kc.session.msg("kernel_info_request", {})
    header = json.dumps(msg["header"], default=str).encode()
    return {
        "too few frames": (msg["header"]["msg_id"], [b"<IDS|MSG>", b"sig", header]),
        "no delimiter": (msg["header"]["msg_id"], [b"just", b"some", b"frames"]),
        "header not JSON": ("?", signed(kc, [b"{not json", b"{}", b"{}", b"{}"])),
        "content not JSON": (msg["header"]["msg_id"], signed(kc, [header, b"{}", b"{}", b"\xff\xfe"])),
        "header not an object": ("?", signed(kc, [b"[1, 2, 3]", b"{}", b"{}", b"{}"])),
        "metadata not an object": (msg["header"]["msg_id"], signed(kc, [header, b"{}", b'"text"', b"{}"])),
        "msg_type of the wrong type": ("m-wrong-type", signed(kc, [json.dumps({**msg["header"], "msg_id": "m-wrong-type", "msg_type": 7}, default=str).encode(), b"{}", b"{}", b"{}"])),
        "no msg_id": ("?", signed(kc, [json.dumps({"msg_type": "kernel_info_request"}).encode(), b"{}", b"{}", b"{}"])),
    }


@pytest.mark.parametrize("name", CHANNELS)
@pytest.mark.parametrize("case", ["too few frames", "no delimiter", "header not JSON", "content not JSON",
                                  "header not an object", "metadata not an object", "msg_type of the wrong type", "no msg_id"])
def test_malformed_is_ignored(logged_kernel, name, case):
    km, kc = logged_kernel
    msg_id, frames = malformed_cases(kc)[case]
    channel_socket(kc, name).send_multipart(frames)
    assert_ignored(kc, name, msg_id)


def test_dropped_messages_are_logged(logged_kernel):
    """Runs last in this module (pytest keeps file order): every kind of drop was logged."""
    km, kc = logged_kernel
    km.shutdown_kernel(now=False)
    log = km.log_path.read_text()
    for expected in ["signature does not match", "unsigned message", "replayed message", "frames after <IDS|MSG>",
                     "no <IDS|MSG> delimiter", "invalid JSON", "must be a JSON object",
                     "must be a string", "has no \"msg_id\""]:
        assert expected in log, f"no log line containing {expected!r} in:\n{log}"
    assert "on shell" in log and "on control" in log
