"""Hostile cells (issue 14): sizes, counts and shapes a user can type that used to kill the
kernel (Swift traps on overflow, aborted allocations, stack overflows). Each must become the
Python exception CPython / NumPy raise, or the answer they give, with the session intact: the
kernel still answers `1+1` and keeps a variable set before.

Where the real library runs here (CPython itself, NumPy) it is the oracle: the same code runs
in this process and the kernel must give the same value or the same exception class. For
Keras and matplotlib cases the test asserts the exception class their users would catch (the
real libraries would try the allocation or the drawing itself).
"""

from __future__ import annotations

import math
import time

import numpy as np
import pytest

from swiftml_testing import execute, start_kernel

SETUP = "kept = 41\nimport numpy as np\nimport math\nx = np.arange(10.0)"


@pytest.fixture(scope="module")
def session():
    """One kernel for the module, restarted (and set up again) if a case kills it, so one
    regression does not hide the others."""
    state = {}

    def fresh():
        context = start_kernel()
        state["context"] = context
        state["km"], state["kc"] = context.__enter__()
        assert execute(state["kc"], SETUP).status == "ok"

    fresh()

    def run(code: str, timeout: float = 60):
        if not state["km"].is_alive():
            state["context"].__exit__(None, None, None)
            fresh()
        return execute(state["kc"], code, timeout=timeout)

    run.state = state
    yield run
    state["context"].__exit__(None, None, None)


def assert_alive(run):
    """The session survived: it computes, and an earlier variable is still there."""
    assert run("1+1", timeout=20).result == "2"
    assert run("kept + 1", timeout=20).result == "42"


def python_outcome(code: str, namespace: dict | None = None):
    """What CPython (with real NumPy) gives for an expression: ('ok', repr) or (class name, message)."""
    env = {"np": np, "math": math, "x": np.arange(10.0)}
    env.update(namespace or {})
    try:
        return "ok", repr(eval(code, env))
    except BaseException as error:  # noqa: BLE001 - the class is what we compare
        return type(error).__name__, str(error)


def kernel_outcome(run, code: str):
    execution = run(code)
    if execution.status == "ok":
        return "ok", execution.result
    return execution.reply["content"]["ename"], execution.reply["content"]["evalue"]


# Expressions whose answer CPython / NumPy give here: the kernel must give the same.
SAME_AS_PYTHON = [
    "pow(2**40, 2, 2**61 - 1)",
    "pow(-1, 1, -2**63)",
    "pow(3, 5, -7)",
    "pow(-3, 3, 2**63 - 1)",
    "math.gcd(-2**63, 0)",
    "math.gcd(12, -18)",
    "list(reversed(range(-2**63, -2**63 + 2)))",
    "list(reversed(range(2**63 - 3, 2**63 - 1)))",
    "list(reversed(range(2**62, -2**63, -2**62)))",
    "list(range(2**63 - 3, 2**63 - 1))",
    "list(enumerate([1, 2], 2**63 - 1))",
    "round(np.float64(1e19))",
    "round(np.float64(-2.5))",
    "'' * 10**12",
    "len('ab' * 3)",
]


@pytest.mark.parametrize("code", SAME_AS_PYTHON)
def test_same_answer_as_python(session, code):
    assert kernel_outcome(session, code) == python_outcome(code)
    assert_alive(session)


# NumPy refuses these with the same class (NumPy's own arange/bincount give an empty array for
# spans past 2**63 through an overflow of their own; we refuse them as too big instead).
NUMPY_ERRORS = [
    ("np.ones(0).reshape(0, 2**62, 2**62)", "ValueError"),
    ("np.ones(0).reshape(0, 2**62, 4)", "ValueError"),
    ("np.arange(0, 2**62)", "ValueError"),
]


@pytest.mark.parametrize("code,ename", NUMPY_ERRORS)
def test_numpy_raises_as_numpy(session, code, ename):
    assert python_outcome(code)[0] == ename
    assert kernel_outcome(session, code)[0] == ename
    assert_alive(session)


# Cells that trapped or aborted: each must raise the named Python exception instead.
RAISES = [
    ("np.arange(-2**62, 2**62)", "ValueError"),
    ("np.bincount(np.array([2**63 - 1]))", "ValueError"),
    ("%timeit -n -5 -r -1 pass", "ValueError"),
    ("import random\nrandom.choices([1], k=2**62)", "MemoryError"),
    ("s = 'x' * 10**7\nt = ''.join([s] * 10**4)", "MemoryError"),
    ("a = [1]; a.append(a); b = [1]; b.append(b)\na == b", "RecursionError"),
    ("a = [1]; a.append(a); b = [1]; b.append(b)\na < b", "RecursionError"),
    ("a = [1]; a.append(a); b = [1]; b.append(b)\na in [b]", "RecursionError"),
    ("a = [1]; a.append(a); b = [1]; b.append(b)\nmax(a, b)", "RecursionError"),
    ("d = {}; d[1] = d; e = {}; e[1] = e\nd == e", "RecursionError"),
    ("import tensorflow as tf\ntf.random.normal((-1, 5))", "ValueError"),
    ("import tensorflow as tf\ntf.zeros((2**32, 2**32))", "ValueError"),
    ("import tensorflow as tf\ntf.ones((10**6, 10**6))", "MemoryError"),
    ("import tensorflow as tf\ntf.linspace(0, 1, 2**62)", "ValueError"),
    ("import tensorflow as tf\ntf.linspace(0, 1, 2**40)", "MemoryError"),
    ("import tensorflow as tf\nm = tf.keras.Sequential([tf.keras.layers.Dense(2**61)])\nm.build((None, 3))", "ValueError"),
    ("import tensorflow as tf\nm = tf.keras.Sequential([tf.keras.layers.Dense(2**40)])\nm.build((None, 3))", "MemoryError"),
    ("import tensorflow as tf\nm = tf.keras.Sequential([tf.keras.Input((2**32, 2**32)), tf.keras.layers.Flatten()])", "ValueError"),
    ("import matplotlib.pyplot as plt\nplt.figure(figsize=(1e20, 4))", "ValueError"),
    ("import matplotlib.pyplot as plt\nplt.hist(x, bins=2**63 - 1)", "ValueError"),
    ("import matplotlib.pyplot as plt\nplt.hist(x, bins=10**8)", "ValueError"),
    ("import matplotlib.pyplot as plt\nplt.subplot(2**63 - 1, 2**63 - 1, 1)", "ValueError"),
]


@pytest.mark.parametrize("code,ename", RAISES)
def test_hostile_cell_raises(session, code, ename):
    assert kernel_outcome(session, code)[0] == ename
    assert_alive(session)


def test_self_containing_list_prints_with_ellipsis(session):
    a = [1]
    a.append(a)
    assert session("a = [1]; a.append(a); print(a)").stdout == f"{a}\n"
    assert_alive(session)


def test_huge_linewidth_draws(session):
    execution = session("import matplotlib.pyplot as plt\nplt.plot(x, linewidth=1e300)\nplt.show()")
    assert execution.status == "ok"
    assert execution.of_type("display_data"), "the figure is still shown"
    assert_alive(session)


def test_axis_limits_at_the_edge_of_double_draw(session):
    """xlim(-1e308, 1e308): the interval's width overflows to inf; tick placement used to loop."""
    execution = session("import matplotlib.pyplot as plt\nplt.plot([0, 1])\nplt.xlim(-1e308, 1e308)\nplt.show()", timeout=60)
    assert execution.status == "ok", execution.messages
    assert any("image/png" in m["content"].get("data", {}) for m in execution.messages if m["msg_type"] == "display_data")
    assert_alive(session)


def test_fit_progress_prints_a_huge_loss(session):
    """Unnormalised targets give losses past 2**63: Keras prints them with %.4f."""
    execution = session(
        "import tensorflow as tf\n"
        "m = tf.keras.Sequential([tf.keras.layers.Dense(1, input_shape=(1,))])\n"
        "m.compile(optimizer='sgd', loss='mse')\n"
        "h = m.fit(np.ones((4, 1)), np.ones((4, 1)) * 1e12, epochs=1, verbose=1)\n"
        "loss = h.history['loss'][0]",
        timeout=120,
    )
    assert execution.status == "ok", execution.reply["content"]
    loss = float(session("loss").result)
    assert loss > 9.3e18
    assert f"loss: {loss:.4f}" in execution.stdout.replace("\r", "\n")
    assert_alive(session)


def test_int_of_too_many_digits_raises_as_cpython(session):
    """CPython refuses decimal strings over 4300 digits (the conversion is quadratic)."""
    code = "int('9' * 10**6)"
    expected = python_outcome(code)
    assert expected[0] == "ValueError"
    assert kernel_outcome(session, code) == expected
    # sys.set_int_max_str_digits lifts the limit, as in CPython.
    assert session("import sys\nsys.set_int_max_str_digits(0)\nlen(str(int('9' * 5000)))").result == "5000"
    assert session("sys.set_int_max_str_digits(4300)\nsys.get_int_max_str_digits()").result == "4300"
    assert kernel_outcome(session, "sys.set_int_max_str_digits(5)")[0] == "ValueError"
    assert_alive(session)


@pytest.mark.parametrize("code", [
    "import matplotlib.pyplot as plt\nplt.plot([1, 2])\nplt.savefig('victim.ipynb\\x00.png')",
    "import os\nos.path.exists('a\\x00b')",
    "import os\nos.listdir('.\\x00')",
])
def test_paths_with_a_nul_byte_are_refused(session, code):
    """C file APIs stop at NUL: the path would name another file than the one checked."""
    execution = session(code)
    assert execution.reply["content"].get("ename") == "ValueError"
    assert execution.reply["content"].get("evalue") == "embedded null byte"
    assert_alive(session)


@pytest.mark.parametrize("code", ["sum(range(10**12))", "total = 0\nfor i in range(10**12): total += i"])
def test_long_builtin_loops_are_interruptible(session, code):
    kc = session.state["kc"]
    km = session.state["km"]
    msg_id = kc.execute(code)
    time.sleep(1.0)
    assert not kc.shell_channel.msg_ready(), "the loop ended by itself"
    started = time.monotonic()
    km.interrupt_kernel()
    reply = kc.get_shell_msg(timeout=10)
    while reply["parent_header"].get("msg_id") != msg_id:
        reply = kc.get_shell_msg(timeout=10)
    assert time.monotonic() - started < 5
    assert reply["content"]["ename"] == "KeyboardInterrupt"
    assert_alive(session)


def test_sighup_ends_the_kernel_as_it_ends_ipykernel():
    """ipykernel installs no SIGHUP handler (kernelapp.py handles SIGINT and SIGTERM only), so
    a hangup ends it at once with the default action. SwiftML does the same: the oracle is
    ipykernel itself, started here through the same client."""
    import os
    import signal

    def outcome(kernel_name):
        with start_kernel(kernel_name=kernel_name) as (km, kc):
            assert execute(kc, "1+1").result == "2"
            os.kill(km.provisioner.process.pid, signal.SIGHUP)
            deadline = time.monotonic() + 10
            while km.is_alive() and time.monotonic() < deadline:
                time.sleep(0.1)
            return km.is_alive()

    assert outcome("python3") is False
    assert outcome("swiftml") is False


@pytest.mark.parametrize("code", [
    "y = " + "1**" * 10**5 + "1",
    "y = " + "1+" * 10**5 + "1",
    "y = " + "x[0]." * 10**5 + "real",
    "y = " + "1 < " * 10**5 + "1",
    "y = " + "-" * 10**5 + "1",
    "y = " + "[" * 10**5 + "]" * 10**5,
])
def test_absurdly_long_expressions_are_refused_at_parse(session, code):
    """CPython gives up on these too (RecursionError during compilation, or its parser's
    SyntaxError); the kernel must refuse them without overflowing its stack."""
    assert kernel_outcome(session, code)[0] in ("SyntaxError", "RecursionError")
    assert_alive(session)


def test_long_but_reasonable_chains_still_work(session):
    code = "y = " + "+".join(["1"] * 2000)
    assert session(code + "\ny").result == "2000"
    assert session("2**2**3").result == str(2**2**3)
