"""Message-level behaviour through jupyter_client: busy/idle around every request (errors
too), execute_input, execution counts, silent executes, stop_on_error, stream buffering,
stdin, comms, debug_request, and requests the kernel does not serve."""

from __future__ import annotations

import time

import pytest

from swiftml_testing import execute


def collect(kc, msg_id: str, timeout: float = 10) -> list[dict]:
    """IOPub messages with parent `msg_id`, up to its idle."""
    messages = []
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        message = kc.get_iopub_msg(timeout=max(0.01, deadline - time.monotonic()))
        if message["parent_header"].get("msg_id") != msg_id:
            continue
        messages.append(message)
        if message["msg_type"] == "status" and message["content"]["execution_state"] == "idle":
            return messages
    raise TimeoutError(f"no idle for {msg_id}")


def shell_request(kc, msg_type: str, content: dict, channel: str = "shell") -> tuple[dict, list[dict]]:
    msg = kc.session.msg(msg_type, content)
    getattr(kc, f"{channel}_channel").send(msg)
    msg_id = msg["header"]["msg_id"]
    reply = getattr(kc, f"{channel}_channel").get_msg(timeout=10)
    assert reply["parent_header"]["msg_id"] == msg_id
    return reply, collect(kc, msg_id)


def assert_wrapped(messages: list[dict]) -> None:
    """busy first, idle last, exactly one of each."""
    states = [m["content"]["execution_state"] for m in messages if m["msg_type"] == "status"]
    assert states == ["busy", "idle"], states
    assert messages[0]["msg_type"] == "status" and messages[-1]["msg_type"] == "status"


@pytest.mark.parametrize("msg_type, content", [
    ("kernel_info_request", {}),
    ("complete_request", {"code": "pri", "cursor_pos": 3}),
    ("inspect_request", {"code": "print", "cursor_pos": 5, "detail_level": 0}),
    ("is_complete_request", {"code": "for i in range(3):"}),
    ("history_request", {"hist_access_type": "tail", "n": 5, "output": False, "raw": True}),
    ("comm_info_request", {}),
    ("connect_request", {}),
])
def test_every_shell_request_is_wrapped_in_busy_idle(kernel, msg_type, content):
    km, kc = kernel
    reply, messages = shell_request(kc, msg_type, content)
    assert reply["msg_type"] == msg_type.replace("_request", "_reply")
    # is_complete_reply's status is the verdict; every other reply's is "ok".
    assert reply["content"]["status"] in (("complete", "incomplete", "invalid", "unknown") if msg_type == "is_complete_request" else ("ok",))
    assert_wrapped(messages)


def test_control_requests_are_wrapped_in_busy_idle(kernel):
    km, kc = kernel
    reply, messages = shell_request(kc, "kernel_info_request", {}, channel="control")
    assert reply["msg_type"] == "kernel_info_reply"
    assert_wrapped(messages)


def test_kernel_info_reply(kernel):
    km, kc = kernel
    reply, _ = shell_request(kc, "kernel_info_request", {})
    content = reply["content"]
    assert reply["header"]["version"] == "5.4"
    assert content["protocol_version"] == "5.4"
    assert content["implementation"] == "swiftml"
    assert content["language_info"] == {
        "name": "swiftml", "version": content["language_info"]["version"], "mimetype": "text/x-python",
        "file_extension": ".py", "codemirror_mode": "python", "pygments_lexer": "python", "nbconvert_exporter": "python",
    }
    assert content["banner"] and content["help_links"]
    assert content["debugger"] is False


def test_errors_are_wrapped_and_published(kernel):
    km, kc = kernel
    result = execute(kc, "1/0")
    assert result.status == "error"
    assert result.reply["content"]["ename"] == "ZeroDivisionError"
    assert_wrapped(result.messages)
    errors = result.of_type("error")
    assert len(errors) == 1 and errors[0]["content"]["ename"] == "ZeroDivisionError"
    types = [m["msg_type"] for m in result.messages]
    assert types.index("execute_input") < types.index("error") < len(types) - 1


def test_execute_input_comes_first_with_the_count(kernel):
    km, kc = kernel
    result = execute(kc, "print('a')\n1 + 1")
    types = [m["msg_type"] for m in result.messages]
    assert types == ["status", "execute_input", "stream", "execute_result", "status"], types
    count = result.reply["content"]["execution_count"]
    assert result.of_type("execute_input")[0]["content"] == {"code": "print('a')\n1 + 1", "execution_count": count}
    assert result.of_type("execute_result")[0]["content"]["execution_count"] == count


def test_execution_count_increments_only_for_stored_executes(kernel):
    km, kc = kernel
    first = execute(kc, "1").reply["content"]["execution_count"]
    silent = execute(kc, "2", silent=True)
    unstored = execute(kc, "3", store_history=False)
    second = execute(kc, "4").reply["content"]["execution_count"]
    assert second == first + 1
    assert silent.reply["content"]["execution_count"] == first
    assert unstored.reply["content"]["execution_count"] == first


def test_silent_execute_publishes_nothing_but_status(kernel):
    km, kc = kernel
    result = execute(kc, "print('hidden')\n41 + 1", silent=True)
    assert result.status == "ok"
    assert [m["msg_type"] for m in result.messages] == ["status", "status"]


def test_stop_on_error_aborts_queued_executes(kernel):
    km, kc = kernel
    ids = [kc.execute("import time\ntime.sleep(0.3)\n1/0"), kc.execute("print('after')"), kc.execute("y = 2")]
    replies = {}
    while len(replies) < 3:
        reply = kc.get_shell_msg(timeout=10)
        replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert [replies[i] for i in ids] == ["error", "aborted", "aborted"]
    # Sent after the error reply: runs normally.
    assert execute(kc, "print('fresh')").stdout == "fresh\n"


def test_stop_on_error_false_runs_the_rest(kernel):
    km, kc = kernel
    ids = [kc.execute("import time\ntime.sleep(0.3)\n1/0", stop_on_error=False), kc.execute("print('after')")]
    replies = {}
    while len(replies) < 2:
        reply = kc.get_shell_msg(timeout=10)
        replies[reply["parent_header"]["msg_id"]] = reply["content"]["status"]
    assert [replies[i] for i in ids] == ["error", "ok"]


def test_stream_text_is_coalesced_in_order_and_flushed_before_idle(kernel):
    km, kc = kernel
    result = execute(kc, "for i in range(2000):\n    print(i)")
    assert result.stdout == "".join(f"{i}\n" for i in range(2000))
    assert len(result.of_type("stream")) < 50, "stream text is not buffered"


def test_stdout_and_stderr_keep_their_order(kernel):
    km, kc = kernel
    result = execute(kc, "import sys\nprint('one')\nprint('two', file=sys.stderr)\nprint('three')")
    streams = [(m["content"]["name"], m["content"]["text"]) for m in result.of_type("stream")]
    assert streams == [("stdout", "one\n"), ("stderr", "two\n"), ("stdout", "three\n")]


def test_stream_is_flushed_while_the_cell_runs(kernel):
    km, kc = kernel
    msg_id = kc.execute("import time\nprint('early')\ntime.sleep(1.5)\nprint('late')")
    started = time.monotonic()
    while True:
        message = kc.get_iopub_msg(timeout=5)
        if message["parent_header"].get("msg_id") == msg_id and message["msg_type"] == "stream":
            break
    assert message["content"]["text"] == "early\n"
    assert time.monotonic() - started < 0.8, "stream text waited for the end of the cell"
    collect(kc, msg_id)
    kc.get_shell_msg(timeout=5)


def test_input_goes_through_stdin(kernel):
    km, kc = kernel
    msg_id = kc.execute("name = input('Your name: ')\nprint('hello ' + name)", allow_stdin=True)
    request = kc.stdin_channel.get_msg(timeout=10)
    assert request["msg_type"] == "input_request"
    assert request["parent_header"]["msg_id"] == msg_id
    assert request["content"] == {"prompt": "Your name: ", "password": False}
    kc.input("Ada")
    reply = kc.get_shell_msg(timeout=10)
    assert reply["content"]["status"] == "ok"
    streams = [m for m in collect(kc, msg_id) if m["msg_type"] == "stream"]
    assert "".join(m["content"]["text"] for m in streams) == "hello Ada\n"


def test_input_without_stdin_is_a_clear_error(kernel):
    km, kc = kernel
    result = execute(kc, "input('? ')", allow_stdin=False)
    assert result.status == "error"
    assert "allow_stdin" in result.reply["content"]["evalue"] or "input" in result.reply["content"]["evalue"]


def test_interrupt_while_waiting_for_input(kernel):
    km, kc = kernel
    kc.execute("input('waiting: ')", allow_stdin=True)
    kc.stdin_channel.get_msg(timeout=10)
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=5)
    assert reply["content"]["status"] == "error"
    assert reply["content"]["ename"] == "KeyboardInterrupt"  # as ipykernel raises it
    assert execute(kc, "1 + 1").result == "2"


def test_comm_open_to_an_unknown_target_is_closed(kernel):
    km, kc = kernel
    msg = kc.session.msg("comm_open", {"comm_id": "c-1", "target_name": "jupyter.widget", "data": {}})
    kc.shell_channel.send(msg)
    messages = collect(kc, msg["header"]["msg_id"])
    assert_wrapped(messages)
    closes = [m for m in messages if m["msg_type"] == "comm_close"]
    assert len(closes) == 1 and closes[0]["content"]["comm_id"] == "c-1"


@pytest.mark.parametrize("msg_type", ["comm_msg", "comm_close"])
def test_comm_messages_for_unknown_comms_are_ignored(kernel, msg_type):
    km, kc = kernel
    msg = kc.session.msg(msg_type, {"comm_id": "nobody", "data": {}})
    kc.shell_channel.send(msg)
    assert_wrapped(collect(kc, msg["header"]["msg_id"]))
    assert execute(kc, "1").result == "1"


def test_comm_info_lists_no_comms(kernel):
    km, kc = kernel
    reply, _ = shell_request(kc, "comm_info_request", {"target_name": "jupyter.widget"})
    assert reply["content"] == {"status": "ok", "comms": {}}


def test_debug_request_gets_a_clear_error(kernel):
    km, kc = kernel
    reply, messages = shell_request(kc, "debug_request", {"type": "request", "seq": 1, "command": "initialize", "arguments": {}}, channel="control")
    assert reply["msg_type"] == "debug_reply"
    assert reply["content"]["status"] == "error"
    assert reply["content"]["success"] is False
    assert "no debugger" in reply["content"]["evalue"]
    assert_wrapped(messages)


def test_unknown_request_gets_an_error_reply(kernel):
    km, kc = kernel
    reply, messages = shell_request(kc, "frobnicate_request", {})
    assert reply["msg_type"] == "frobnicate_reply"
    assert reply["content"]["status"] == "error"
    assert_wrapped(messages)


def test_execute_with_wrong_field_types_gets_an_error_reply(kernel):
    km, kc = kernel
    reply, messages = shell_request(kc, "execute_request", {"code": 42, "silent": False})
    assert reply["content"]["status"] == "error"
    assert "code" in reply["content"]["evalue"]
    assert_wrapped(messages)


def test_connect_reply_lists_the_ports(kernel):
    km, kc = kernel
    reply, _ = shell_request(kc, "connect_request", {})
    info = km.get_connection_info()
    for name in ["shell", "iopub", "stdin", "control", "hb"]:
        assert reply["content"][f"{name}_port"] == info[f"{name}_port"]


def test_history_records_executed_cells(kernel):
    km, kc = kernel
    execute(kc, "marker_value = 7")
    execute(kc, "marker_value * 6")
    reply, _ = shell_request(kc, "history_request", {"hist_access_type": "search", "pattern": "marker_value*", "output": True, "raw": True})
    inputs = [entry[2][0] for entry in reply["content"]["history"]]
    assert inputs[-2:] == ["marker_value = 7", "marker_value * 6"]
    assert reply["content"]["history"][-1][2][1] == "42"


def test_a_burst_of_output_reaches_a_slow_client(kernel):
    """8000 display messages while the client reads nothing. With ZeroMQ's default send
    high-water mark (1000 messages) the kernel would silently drop part of them."""
    km, kc = kernel
    msg_id = kc.execute("from IPython.display import display\nfor i in range(8000):\n    display(i)")
    assert kc.get_shell_msg(timeout=30)["content"]["status"] == "ok"
    time.sleep(1)  # all output is queued by now, unread
    displays = [m for m in collect(kc, msg_id, timeout=30) if m["msg_type"] == "display_data"]
    assert [m["content"]["data"]["text/plain"] for m in displays] == [str(i) for i in range(8000)]


def test_user_expressions_are_evaluated_after_the_cell(kernel):
    km, kc = kernel
    result = execute(kc, "x = 5", user_expressions={"double": "x * 2", "missing": "no_such_name"})
    evaluated = result.reply["content"]["user_expressions"]
    assert evaluated["double"]["status"] == "ok"
    assert evaluated["double"]["data"]["text/plain"] == "10"
    assert evaluated["missing"]["status"] == "error"
    assert evaluated["missing"]["ename"] == "NameError"
    # Evaluating them published nothing of their own.
    assert [m["msg_type"] for m in result.messages] == ["status", "execute_input", "status"]
