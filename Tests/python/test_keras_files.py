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


# --- Real Keras files, both ways ---------------------------------------------------------------

def cnn_model() -> "keras.Model":
    model = keras.Sequential([
        keras.Input((8, 8, 1)),
        keras.layers.Conv2D(3, 3, activation="relu", padding="same"),
        keras.layers.MaxPooling2D(),
        keras.layers.Flatten(),
        keras.layers.Dropout(0.25),
        keras.layers.Dense(4),
        keras.layers.Activation("softmax"),
    ])
    deterministic(model)
    return model


def inputs_for(model) -> np.ndarray:
    shape = (5,) + tuple(model.input_shape[1:])
    return (np.cos(np.arange(np.prod(shape)) * 0.11).reshape(shape)).astype("float32")


def swiftml_predictions(kc, load: str, x: np.ndarray, tmp_path) -> np.ndarray:
    # Float32 values print exactly through repr of their float64 widening.
    literal = repr(x.astype("float64").tolist())
    code = f"{load}\nx = np.array({literal}, dtype='float32')\nprint(repr(m.predict(x, verbose=0).astype('float64').tolist()))"
    result = run(kc, code)
    assert result.status == "ok", result.reply["content"]
    return np.array(eval(result.stdout.strip().splitlines()[-1]), dtype="float64")


@pytest.mark.parametrize("make", [dense_model, cnn_model])
def test_keras_3_files_load_in_swiftml_with_the_same_predictions(kernel, tmp_path, make):
    model = make()
    model.compile(optimizer="adam", loss="mse", metrics=["accuracy"])
    x = inputs_for(model)
    expected = np.asarray(model.predict(x, verbose=0))
    model.save(tmp_path / "m.keras")
    model.save_weights(tmp_path / "m.weights.h5")
    model.save(tmp_path / "m.h5")
    got = swiftml_predictions(kernel, f"m = tf.keras.models.load_model({str(tmp_path / 'm.keras')!r})", x, tmp_path)
    np.testing.assert_allclose(got, expected, atol=1e-5)
    got = swiftml_predictions(kernel, f"m = tf.keras.models.load_model({str(tmp_path / 'm.h5')!r})", x, tmp_path)
    np.testing.assert_allclose(got, expected, atol=1e-5)
    # The weights file into a fresh model of the same architecture, built from the config.
    fresh = f"m = tf.keras.models.load_model({str(tmp_path / 'm.keras')!r})\n" \
            f"m.set_weights([w * 0 for w in m.get_weights()])\nm.load_weights({str(tmp_path / 'm.weights.h5')!r})"
    got = swiftml_predictions(kernel, fresh, x, tmp_path)
    np.testing.assert_allclose(got, expected, atol=1e-5)


@pytest.mark.parametrize("make", [dense_model, cnn_model])
def test_swiftml_files_load_in_keras_with_the_same_predictions(kernel, tmp_path, make):
    reference = make()
    x = inputs_for(reference)
    reference.save(tmp_path / "ref.keras")
    run_cell = run(kernel, f"m = tf.keras.models.load_model({str(tmp_path / 'ref.keras')!r})\n"
                           "m.compile(optimizer='adam', loss='mse')\n"
                           f"m.save({str(tmp_path / 'ours.keras')!r})\nm.save({str(tmp_path / 'ours.h5')!r})\n"
                           f"m.save_weights({str(tmp_path / 'ours.weights.h5')!r})")
    assert run_cell.status == "ok", run_cell.reply["content"]
    expected = np.asarray(reference.predict(x, verbose=0))
    for name in ("ours.keras", "ours.h5"):
        loaded = keras.saving.load_model(tmp_path / name)
        np.testing.assert_allclose(np.asarray(loaded.predict(x, verbose=0)), expected, atol=1e-5)
    other = make()
    for variable in other.weights:
        variable.assign(np.zeros(variable.shape, "float32"))
    other.load_weights(tmp_path / "ours.weights.h5")
    np.testing.assert_allclose(np.asarray(other.predict(x, verbose=0)), expected, atol=1e-5)


def test_unknown_layers_and_arguments_raise_not_implemented(kernel, tmp_path):
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3, kernel_regularizer="l2"), keras.layers.BatchNormalization()])
    model.save(tmp_path / "reg.keras")
    ename, evalue = error_of(run(kernel, f"m = tf.keras.models.load_model({str(tmp_path / 'reg.keras')!r})"))
    assert ename == "NotImplementedError" and "kernel_regularizer" in evalue, evalue
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(3), keras.layers.BatchNormalization()])
    model.save(tmp_path / "bn.keras")
    ename, evalue = error_of(run(kernel, f"m = tf.keras.models.load_model({str(tmp_path / 'bn.keras')!r})"))
    assert ename == "NotImplementedError" and "BatchNormalization" in evalue, evalue
    assert_alive(kernel)


def nested_model() -> "keras.Model":
    block = keras.Sequential([keras.layers.Dense(5, activation="tanh"), keras.layers.Dense(3)], name="block")
    model = keras.Sequential([keras.Input((4,)), keras.layers.Dense(6, activation="relu"), block, keras.layers.Dense(2)])
    deterministic(model)
    return model


def test_a_nested_sequential_travels_both_ways(kernel, tmp_path):
    model = nested_model()
    x = inputs_for(model)
    expected = np.asarray(model.predict(x, verbose=0))
    model.save(tmp_path / "nested.keras")
    load = f"m = tf.keras.models.load_model({str(tmp_path / 'nested.keras')!r})\nm.save({str(tmp_path / 'back.keras')!r})"
    np.testing.assert_allclose(swiftml_predictions(kernel, load, x, tmp_path), expected, atol=1e-5)
    back = keras.saving.load_model(tmp_path / "back.keras")
    np.testing.assert_allclose(np.asarray(back.predict(x, verbose=0)), expected, atol=1e-5)
