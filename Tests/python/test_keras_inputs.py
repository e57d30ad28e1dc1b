"""Keras input handling through the real kernel, compared with Keras 3 where it matters."""
from __future__ import annotations

from swiftml_testing import run_notebook


def test_rank_1_inputs_are_expanded_to_one_feature_in_fit_evaluate_and_predict():
    # The sin(x) homework's first cells: 1,000 samples of shape (1000,), a model for (None, 1).
    cells = run_notebook([
        "import numpy as np\nimport tensorflow as tf\ntf.random.set_seed(3)\n"
        "x = np.linspace(0, 2 * np.pi, 1000).astype('float32')\ny = np.sin(x)",
        "model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation='tanh', input_shape=(1,)),\n"
        "                             tf.keras.layers.Dense(1)])\n"
        "model.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss='mse')\n"
        "history = model.fit(x, y, epochs=20, batch_size=32, validation_data=(x[::7], y[::7]), verbose=0)",
        "p = model.predict(x, verbose=0)\nprint(p.shape, p.dtype)",
        "print(history.history['loss'][-1] < 0.05, model.evaluate(x, y, verbose=0) < 0.05)",
        # The expansion is the same view Keras uses: 2-D data gives the same predictions.
        "print(np.array_equal(model.predict(x.reshape(-1, 1), verbose=0), p))",
        # Data of another shape is still refused, with both shapes named.
        "model.predict(np.zeros((5, 3), dtype='float32'))",
    ], allow_errors=True)
    assert cells[2].stdout == "(1000, 1) float32\n"
    assert cells[3].stdout == "True True\n"
    assert cells[4].stdout == "True\n"
    assert cells[5].error is not None and "(None, 1)" in cells[5].error["evalue"] and "(None, 3)" in cells[5].error["evalue"]


def test_tf_version_is_the_module_version():
    cells = run_notebook(["import tensorflow as tf\nprint(tf.version.VERSION == tf.__version__, tf.version.VERSION.split('.')[0])"])
    assert cells[0].stdout == "True 2\n"
