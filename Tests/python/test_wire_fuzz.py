"""Fuzzing the wire codec with messages that pass the signature check: random and mutated
frames, correctly signed with the session key, so they reach the frame parser, the JSON parser
and the request dispatcher. The kernel must live, keep answering on both channels, and keep
the variables it had.

A few thousand cases run in CI; `SWIFTML_WIRE_FUZZ_CASES=1000000` makes the same test a long
fuzzing run (seeded by `SWIFTML_WIRE_FUZZ_SEED`, so a failure replays).
"""

from __future__ import annotations

import json
import os
import random
import time

from jupyter_client.jsonutil import json_default

from swiftml_testing import execute, start_kernel

CASES = int(os.environ.get("SWIFTML_WIRE_FUZZ_CASES", "3000"))
SEED = int(os.environ.get("SWIFTML_WIRE_FUZZ_SEED", "20261204"))
DELIMITER = b"<IDS|MSG>"

# Requests worth mutating (never shutdown_request: the kernel would rightly exit).
REQUESTS = {
    "kernel_info_request": {},
    "execute_request": {"code": "fuzz_scratch = 1 + 2", "silent": False, "store_history": False,
                        "user_expressions": {"a": "1"}, "allow_stdin": False, "stop_on_error": True},
    "complete_request": {"code": "import nump", "cursor_pos": 11},
    "inspect_request": {"code": "len", "cursor_pos": 3, "detail_level": 0},
    "is_complete_request": {"code": "for i in range(3):"},
    "history_request": {"output": False, "raw": True, "hist_access_type": "tail", "n": 5},
    "comm_info_request": {},
    "comm_open": {"comm_id": "c1", "target_name": "nothing", "data": {}},
    "interrupt_request": {},
}

STRANGE_VALUES = [None, True, -1, 2**63, 2**64 + 1, -2**63 - 1, 1e308, -0.0, "", "\u0000", "\u202e",
                  "x" * 100_000, [], {}, [[[]]], {"a": {"b": {"c": []}}}, "execute_request", 3.5]


def dump(value) -> bytes:
    return json.dumps(value, default=json_default).encode()


def mutate_json(rng: random.Random, value):
    """A structurally mutated copy of a JSON value."""
    if isinstance(value, dict) and value and rng.random() < 0.7:
        copy = dict(value)
        key = rng.choice(list(copy))
        action = rng.randrange(4)
        if action == 0:
            del copy[key]
        elif action == 1:
            copy[key] = rng.choice(STRANGE_VALUES)
        elif action == 2:
            copy[key] = mutate_json(rng, copy[key])
        else:
            copy[rng.choice(["", "\u00e9", "code", "msg_type", "x" * 300])] = rng.choice(STRANGE_VALUES)
        return copy
    if isinstance(value, list) and value:
        return [mutate_json(rng, item) for item in value]
    return rng.choice(STRANGE_VALUES)


def mutate_bytes(rng: random.Random, data: bytes) -> bytes:
    data = bytearray(data)
    for _ in range(rng.randint(1, 8)):
        if not data:
            data.extend(rng.randbytes(4))
        at = rng.randrange(len(data))
        action = rng.randrange(4)
        if action == 0:
            data[at] = rng.randrange(256)
        elif action == 1:
            del data[at]
        elif action == 2:
            data[at:at] = rng.randbytes(rng.randint(1, 6))
        else:
            data[at:at] = rng.choice([b"{", b"[", b"\"", b"\\u", b"\xff\xfe", b"1e99999", b"-", b"\x00"])
    return bytes(data)


def deep(rng: random.Random) -> bytes:
    depth = rng.choice([1000, 10_000, 200_000])
    opener, closer = rng.choice([(b"[", b"]"), (b'{"a":', b"}")])
    return opener * depth + b"1" + closer * (depth if rng.random() < 0.5 else 0)


def fuzzed_frames(rng: random.Random, session) -> list[bytes]:
    """Four signed JSON frames (header, parent, metadata, content), some mutated, plus
    occasionally wrong frame counts and buffers; signed with the real key."""
    msg_type = rng.choice(list(REQUESTS))
    message = session.msg(msg_type, dict(REQUESTS[msg_type]))
    parts = [message["header"], message["parent_header"], message["metadata"], message["content"]]
    frames = [dump(part) for part in parts]
    kind = rng.randrange(6)
    index = rng.randrange(4)
    if kind == 0:  # a structurally odd but valid JSON value
        frames[index] = dump(mutate_json(rng, parts[index]))
    elif kind == 1:  # byte-level damage: invalid JSON, invalid UTF-8
        frames[index] = mutate_bytes(rng, frames[index])
    elif kind == 2:  # very deep nesting
        frames[index] = deep(rng)
    elif kind == 3:  # a header whose fields have the wrong types
        header = dict(parts[0])
        header[rng.choice(["msg_type", "msg_id", "session", "version", "date", "username"])] = rng.choice(STRANGE_VALUES)
        frames[0] = dump(header)
    elif kind == 4:  # random bytes everywhere
        frames = [rng.randbytes(rng.randint(0, 64)) for _ in range(4)]
    # kind 5: a valid message, so the kernel really works between the damage
    signature = session.sign(frames)
    wire = [DELIMITER, signature, *frames]
    if rng.random() < 0.05:
        wire.append(rng.randbytes(rng.randint(0, 1000)))  # a buffer
    if rng.random() < 0.03:
        wire = wire[: rng.randint(1, len(wire))]  # too few frames
    return wire


def drain(kc) -> None:
    for channel in (kc.shell_channel, kc.control_channel, kc.iopub_channel):
        while True:
            try:
                channel.get_msg(timeout=0.001)
            except Exception:
                break


def test_signed_fuzzed_messages_never_stop_the_kernel():
    rng = random.Random(SEED)
    with start_kernel() as (km, kc):
        assert execute(kc, "sentinel_kept = [41, 'forty-one']").status == "ok"
        sockets = {"shell": kc.shell_channel.socket, "control": kc.control_channel.socket}
        start = time.monotonic()
        for case in range(1, CASES + 1):
            name = "control" if rng.random() < 0.3 else "shell"
            sockets[name].send_multipart(fuzzed_frames(rng, kc.session))
            if case % 250 == 0:
                drain(kc)
                assert km.is_alive(), f"the kernel died by case {case} (seed {SEED})"
                reply = kc.kernel_info(reply=True, timeout=30)
                assert reply["content"]["status"] == "ok"
        drain(kc)
        assert km.is_alive(), f"the kernel died (seed {SEED})"
        assert execute(kc, "sentinel_kept", timeout=60).result == "[41, 'forty-one']"
        assert execute(kc, "1 + 1").result == "2"
        elapsed = time.monotonic() - start
    print(f"\n{CASES} signed fuzzed messages in {elapsed:.1f} s; the kernel lived and kept its state")
