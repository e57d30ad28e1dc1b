"""Keras model files through the real kernel, with real Keras 3 (JAX CPU backend) as the
oracle: files Keras writes load in SwiftML with the same predictions, files SwiftML writes
load in Keras with the same predictions, and files that cannot be read fully raise.
"""
from __future__ import annotations

import os
import zipfile

os.environ.setdefault("KERAS_BACKEND", "jax")

import numpy as np  # noqa: E402
import pytest  # noqa: E402

from swiftml_testing import execute, start_kernel  # noqa: E402

keras = pytest.importorskip("keras")


@pytest.fixture(scope="module")
def kernel():
    with start_kernel() as (_, kc):
        assert execute(kc, "import numpy as np\nimport tensorflow as tf\nkeep = 41").status == "ok"
        yield kc


def run(kc, code: str, timeout: float = 60):
    result = execute(kc, code, timeout=timeout)
    return result


def error_of(result) -> tuple[str, str]:
    content = result.reply["content"]
    assert content["status"] == "error", content
    return content["ename"], content["evalue"]


def assert_alive(kc):
    """The kernel answers and kept its variables."""
    result = run(kc, "print(keep + 1)")
    assert result.stdout == "42\n", result.stdout + result.stderr


def deterministic(model: "keras.Model") -> None:
    """Weights that depend only on their shapes and positions."""
    for i, variable in enumerate(model.weights):
        count = int(np.prod(variable.shape))
        values = np.sin(np.arange(count, dtype=np.float64) * 0.37 + i).astype("float32") * 0.5
        variable.assign(values.reshape(variable.shape))


def dense_model() -> "keras.Model":
    model = keras.Sequential([
        keras.Input((4,)),
        keras.layers.Dense(8, activation="relu"),
        keras.layers.Dense(3, activation="softmax"),
    ])
    deterministic(model)
    return model


def without_member(source: str, target: str, member: str) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            if info.filename != member:
                new.writestr(info, old.read(info.filename))


def replaced_member(source: str, target: str, member: str, data: bytes) -> None:
    with zipfile.ZipFile(source) as old, zipfile.ZipFile(target, "w") as new:
        for info in old.infolist():
            new.writestr(info, data if info.filename == member else old.read(info.filename))


# --- Files that cannot be read fully raise; they never load with fresh weights ---------------

def test_keras_file_without_its_weights_raises_naming_what_is_missing(kernel, tmp_path):
    model = dense_model()
    full = str(tmp_path / "full.keras")
    model.save(full)
    stripped = str(tmp_path / "stripped.keras")
    without_member(full, stripped, "model.weights.h5")
    ename, evalue = error_of(run(kernel, f"m = tf.keras.models.load_model({stripped!r})"))
    assert ename in ("ValueError", "OSError", "NotImplementedError")
    assert "weights" in evalue, evalue
    assert_alive(kernel)


def test_keras_file_with_garbage_weights_raises(kernel, tmp_path):
    model = dense_model()
    full = str(tmp_path / "full.keras")
    model.save(full)
    broken = str(tmp_path / "broken.keras")
    replaced_member(full, broken, "model.weights.h5", b"\x89HDF\r\n\x1a\n" + bytes(range(256)) * 4)
    ename, evalue = error_of(run(kernel, f"m = tf.keras.models.load_model({broken!r})"))
    assert ename in ("ValueError", "OSError", "NotImplementedError"), (ename, evalue)
    assert "model.weights.h5" in evalue, evalue
    assert_alive(kernel)


# --- Corrupt files are untrusted input ---------------------------------------------------------

MODEL_CELL = """
m = tf.keras.Sequential([tf.keras.Input((4,)), tf.keras.layers.Dense(3), tf.keras.layers.Dense(2)])
m.compile(optimizer='adam', loss='mse')
"""


def test_corrupt_files_raise_and_the_kernel_keeps_its_state(kernel, tmp_path):
    assert run(kernel, MODEL_CELL).status == "ok"
    rng = np.random.default_rng(7)
    good = str(tmp_path / "good.keras")
    assert run(kernel, f"m.save({good!r})").status == "ok"
    good_bytes = open(good, "rb").read()
    cases = {
        "random.keras": rng.integers(0, 256, 300, dtype=np.uint8).tobytes(),
        "st.weights.h5": (1 << 63).to_bytes(8, "little") + b"{}",
        "truncated.keras": good_bytes[: len(good_bytes) // 2],
        "hdf5.weights.h5": b"\x89HDF\r\n\x1a\n" + bytes(100),
        "empty.keras": b"",
    }
    for name, data in cases.items():
        path = str(tmp_path / name)
        with open(path, "wb") as handle:
            handle.write(data)
        for call in (f"m.load_weights({path!r})", f"tf.keras.models.load_model({path!r})"):
            ename, evalue = error_of(run(kernel, call))
            assert ename in ("ValueError", "OSError", "NotImplementedError"), (call, ename, evalue)
    assert_alive(kernel)
    assert run(kernel, "print(m.predict(np.ones((1, 4)), verbose=0).shape)").stdout == "(1, 2)\n"


def test_paths_with_a_nul_are_refused_as_python_does(kernel, tmp_path):
    assert run(kernel, MODEL_CELL).status == "ok"
    target = str(tmp_path / "x.keras")
    for call in ("m.save({p!r} + '\\0.keras')", "m.save_weights({p!r} + '\\0.weights.h5')",
                 "m.load_weights({p!r} + '\\0')", "tf.keras.models.load_model({p!r} + '\\0')"):
        ename, evalue = error_of(run(kernel, call.format(p=target)))
        assert (ename, evalue) == ("ValueError", "embedded null byte"), call
    assert not os.path.exists(target)
    assert_alive(kernel)
