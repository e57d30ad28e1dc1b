"""`tf` array functions in the SwiftML kernel, checked against NumPy where NumPy defines the
same operation (TensorFlow itself does not install here), and one repr against the text
TensorFlow's documentation shows for tf.one_hot."""

from __future__ import annotations

import ast

import numpy as np
import pytest

swiftml_testing = pytest.importorskip("swiftml_testing")
execute, start_kernel = swiftml_testing.execute, swiftml_testing.start_kernel

SETUP = "a = np.arange(12, dtype=np.float32).reshape(3, 4)\nb = -np.arange(12, dtype=np.float32).reshape(3, 4)"

# (tf expression, the NumPy expression that defines the same values)
PAIRS = [
    ("tf.concat([a, b], axis=0)", "np.concatenate([a, b], axis=0)"),
    ("tf.concat([tf.constant(a), b], 1)", "np.concatenate([a, b], axis=1)"),
    ("tf.stack([a, b])", "np.stack([a, b])"),
    ("tf.stack([a, b], axis=-1)", "np.stack([a, b], axis=-1)"),
    ("tf.unstack(a)[1]", "a[1]"),
    ("tf.unstack(a, axis=1)[3]", "a[:, 3]"),
    ("tf.split(a, 2, axis=1)[1]", "np.split(a, 2, axis=1)[1]"),
    ("tf.split(a, [1, 2, 1], axis=1)[1]", "a[:, 1:3]"),
    ("tf.split(a, [1, -1], axis=0)[1]", "a[1:]"),
    ("tf.tile(a, [2, 1])", "np.tile(a, (2, 1))"),
    ("tf.gather(a, [2, 0])", "np.take(a, [2, 0], axis=0)"),
    ("tf.gather(a, [3, 1], axis=1)", "np.take(a, [3, 1], axis=1)"),
    ("tf.where(a > 5, a, b)", "np.where(a > 5, a, b)"),
    ("tf.where(a > 5, a, 0.0)", "np.where(a > 5, a, 0.0)"),
    ("tf.squeeze(a.reshape(1, 3, 1, 4))", "a"),
    ("tf.squeeze(a.reshape(1, 3, 1, 4), axis=2)", "a.reshape(1, 3, 4)"),
    ("tf.expand_dims(a, 0)", "a[np.newaxis]"),
    ("tf.expand_dims(a, -1)", "a[..., np.newaxis]"),
    ("tf.constant(a)[:, tf.newaxis, :]", "a[:, np.newaxis, :]"),
    ("tf.one_hot([0, 2, -1, 1], 3)", "np.array([[1, 0, 0], [0, 0, 1], [0, 0, 0], [0, 1, 0]], dtype=np.float32)"),
    ("tf.one_hot([1, 0], 2, on_value=5.0, off_value=-1.0)", "np.array([[-1, 5], [5, -1]], dtype=np.float32)"),
    ("np.sort(tf.random.shuffle(a).numpy(), axis=0)", "a"),
]


@pytest.fixture(scope="module")
def kernel_client():
    with start_kernel() as (_, client):
        assert execute(client, "import numpy as np\nimport tensorflow as tf\n" + SETUP).status == "ok"
        yield client


@pytest.mark.parametrize("tf_expression,numpy_expression", PAIRS)
def test_same_values_as_numpy(kernel_client, tf_expression, numpy_expression):
    namespace = {"np": np}
    exec(SETUP, namespace)
    expected = np.asarray(eval(numpy_expression, namespace), dtype=np.float32)
    run = execute(kernel_client, f"_r = {tf_expression}\n_n = _r.numpy() if hasattr(_r, 'numpy') else np.asarray(_r)\nprint(repr((list(_n.shape), _n.tolist())))")
    assert run.status == "ok", run.reply["content"]
    shape, values = ast.literal_eval(run.stdout.strip())
    assert shape == list(expected.shape)
    assert values == expected.tolist()


def test_one_hot_repr_is_tensorflows():
    # The output shown in TensorFlow's tf.one_hot documentation.
    expected = ("<tf.Tensor: shape=(3, 3), dtype=float32, numpy=\n"
                "array([[1., 0., 0.],\n       [0., 1., 0.],\n       [0., 0., 1.]], dtype=float32)>")
    with start_kernel() as (_, client):
        assert execute(client, "import tensorflow as tf\ntf.one_hot([0, 1, 2], 3)").result == expected


def test_shuffle_is_repeatable_with_set_seed(kernel_client):
    code = "tf.random.set_seed(3)\nx = tf.random.shuffle(tf.constant(a)).numpy().tolist()\ntf.random.set_seed(3)\nx == tf.random.shuffle(tf.constant(a)).numpy().tolist()"
    assert execute(kernel_client, code).result == "True"


@pytest.mark.parametrize("code,ename", [
    ("tf.where(a > 1)", "NotImplementedError"),
    ("tf.split(a, 3, axis=1)", "ValueError"),
    ("tf.tile(a, [2])", "ValueError"),
    ("tf.one_hot([0], -1)", "ValueError"),
])
def test_refusals_are_clear_errors(kernel_client, code, ename):
    assert execute(kernel_client, code).reply["content"]["ename"] == ename


def test_mean_metric_matches_keras_documented_values_and_numpy(kernel_client):
    # Keras's documentation of keras.metrics.Mean: 4.0, then 2.0 with weights [1, 1, 0, 0].
    code = ("m = tf.keras.metrics.Mean(name='train_loss')\nm.update_state([1, 3, 5, 7])\nfirst = float(m.result())\n"
            "m.reset_state()\nm.update_state([1, 3, 5, 7], sample_weight=[1, 1, 0, 0])\nsecond = float(m.result())\n"
            "m.reset_state()\nfor v in [0.5, 0.25, 2.0]:\n    m(tf.constant(v))\n(first, second, float(m.result()), m.name)")
    third = float(np.float32(np.mean([0.5, 0.25, 2.0])))
    assert execute(kernel_client, code).result == repr((4.0, 2.0, third, "train_loss"))
