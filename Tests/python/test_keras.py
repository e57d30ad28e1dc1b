"""tf.keras through the real kernel: the seed notebook's autoencoder verbatim, the live
progress display, verbose=2 lines, interrupting fit, errors, GradientTape, saving, datasets.
"""
from __future__ import annotations

import threading
import time

from swiftml_testing import execute, run_notebook, start_kernel

SEED_DATA = """
import numpy as np
import tensorflow as tf
(x_train, _), (x_test, _) = tf.keras.datasets.fashion_mnist.load_data()
x_train = x_train.astype('float32') / 255.
x_test = x_test.astype('float32') / 255.
IMG_SHAPE = x_train.shape[1:]
tf.random.set_seed(0)
"""

# The seed notebook's model, compile, fit and predict, verbatim (epochs=3 instead of 17).
SEED_MODEL = """
model = tf.keras.models.Sequential([
    tf.keras.layers.InputLayer(IMG_SHAPE), tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation='relu'), tf.keras.layers.Dense(64, activation='relu'),
    tf.keras.layers.Dense(32, activation='relu'), tf.keras.layers.Dense(64, activation='relu'),
    tf.keras.layers.Dense(128, activation='relu'), tf.keras.layers.Dense(784, activation='sigmoid'),
    tf.keras.layers.Reshape(IMG_SHAPE)])
model.compile(optimizer='adamax', loss='mse')
model.fit(x_train, x_train, epochs=3, batch_size=256, shuffle=True, validation_data=(x_test, x_test))
decoded_imgs = model.predict(x_test)
"""


def test_seed_autoencoder_runs_verbatim_with_a_live_progress_display():
    with start_kernel() as (_, kc):
        assert execute(kc, SEED_DATA, timeout=120).status == "ok"
        started = time.monotonic()
        run = execute(kc, SEED_MODEL, timeout=900)
        elapsed = time.monotonic() - started
        assert run.status == "ok", run.reply["content"]
        displays = run.of_type("display_data")
        updates = run.of_type("update_display_data")
        # One live display per epoch (3) plus predict's, each updated in place.
        ids = [d["content"]["transient"]["display_id"] for d in displays]
        assert len(ids) == 4 and len(set(ids)) == 4
        assert all(u["content"]["transient"]["display_id"] in ids for u in updates)
        assert len(updates) <= 10 * elapsed + 8, f"{len(updates)} updates in {elapsed:.1f} s"
        # An epoch's live bar ends emptied, and its final line is printed on stdout, so that
        # front ends that ignore updates (jupyter console) still show it.
        last_of_epoch_3 = [u for u in updates if u["content"]["transient"]["display_id"] == ids[2]][-1]
        assert last_of_epoch_3["content"]["data"]["text/plain"] == ""
        final = run.stdout[run.stdout.index("Epoch 3/3\n"):].splitlines()[1]
        assert final.startswith("235/235 ━━━━━━━━━━━━━━━━━━━━ ")
        assert " - loss: 0.0" in final and " - val_loss: 0.0" in final
        assert "text/html" in displays[0]["content"]["data"]
        check = execute(kc, "h = model.history if hasattr(model, 'history') else None\n"
                            "print(decoded_imgs.shape, decoded_imgs.dtype)\n"
                            "print(float(np.mean((decoded_imgs - x_test) ** 2)) < 0.05)")
        assert check.stdout.splitlines()[-2:] == ["(10000, 28, 28) float32", "True"], check.stdout + check.stderr


def test_fit_returns_history_and_verbose_2_prints_one_line_per_epoch():
    cells = run_notebook([
        "import numpy as np\nimport tensorflow as tf\ntf.random.set_seed(1)\n"
        "x = np.linspace(0, 2 * np.pi, 200).reshape(-1, 1).astype('float32')\ny = np.sin(x)",
        "model = tf.keras.Sequential([tf.keras.layers.Dense(16, activation='tanh', input_shape=(1,)), tf.keras.layers.Dense(1)])\n"
        "model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss='mse', metrics=['mae'])\n"
        "history = model.fit(x, y, epochs=3, batch_size=32, validation_split=0.2, verbose=2)",
        "sorted(history.history.keys()), len(history.history['loss']), history.params['steps']",
    ])
    lines = cells[1].stdout.strip().splitlines()
    assert len(lines) == 3
    for i, line in enumerate(lines):
        assert line.startswith(f"Epoch {i + 1}/3 - 0s - loss: ") or line.startswith(f"Epoch {i + 1}/3 - 1s - loss: "), line
        assert " - mae: " in line and " - val_loss: " in line and " - val_mae: " in line
    assert cells[2].result == "(['loss', 'mae', 'val_loss', 'val_mae'], 3, 5)"


def test_interrupting_fit_raises_keyboard_interrupt_and_keeps_weights_and_history():
    with start_kernel() as (km, kc):
        setup = execute(kc, "import numpy as np\nimport tensorflow as tf\n"
                            "x = np.random.rand(20000, 32).astype('float32')\ny = x.sum(axis=1, keepdims=True)\n"
                            "model = tf.keras.Sequential([tf.keras.Input(shape=(32,)), tf.keras.layers.Dense(256, activation='relu'), tf.keras.layers.Dense(1)])\n"
                            "model.compile(optimizer='adam', loss='mse')")
        assert setup.status == "ok"
        timer = threading.Timer(3.0, km.interrupt_kernel)
        timer.start()
        run = execute(kc, "history = model.fit(x, y, epochs=10000, batch_size=32, verbose=0)\n"
                          "print('after fit')", timeout=120)
        timer.cancel()
        # As Keras: the KeyboardInterrupt goes through, so the rest of the cell does not run.
        assert run.status == "error" and run.reply["content"]["ename"] == "KeyboardInterrupt"
        assert "after fit" not in run.stdout
        assert "Training interrupted during epoch" in run.stderr
        after = execute(kc, "model.evaluate(x[:100], y[:100], verbose=0) < 10")
        assert after.result == "True"
        # The epochs completed before the interrupt (none, if it came during the first).
        epochs = execute(kc, "len(model.history.history.get('loss', [])) == len(model.history.epoch)")
        assert epochs.result == "True"


def test_a_nan_loss_stops_training_naming_the_epoch_and_batch():
    cells = run_notebook([
        "import numpy as np\nimport tensorflow as tf\nx = np.ones((100, 2), dtype='float32')\nx[70, 0] = np.nan\ny = np.ones((100, 1))\n"
        "model = tf.keras.Sequential([tf.keras.Input(shape=(2,)), tf.keras.layers.Dense(1)])\nmodel.compile(optimizer='sgd', loss='mse')",
        "model.fit(x, y, epochs=2, shuffle=False, verbose=0)",
    ], allow_errors=True)
    error = cells[1].error
    assert error is not None and error["ename"] == "FloatingPointError"
    assert "epoch 1/2, batch 3/4" in error["evalue"]


def test_user_errors_are_python_exceptions_with_a_hint():
    cells = run_notebook([
        "import numpy as np\nimport tensorflow as tf\n"
        "model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(3, activation='softmax')])",
        "model.fit(np.zeros((8, 4)), np.zeros(8))",
        "model.compile(optimizer='adam', loss='categorical_crossentropy')\nmodel.fit(np.zeros((8, 4)), np.zeros(8))",
        "tf.keras.layers.Dense(4, activation='relux')",
        "model.predict(np.zeros((2, 5)))",
    ], allow_errors=True)
    assert cells[1].error["ename"] == "ValueError" and "compile()" in cells[1].error["evalue"]
    assert cells[2].error["ename"] == "ValueError" and "sparse_categorical_crossentropy" in cells[2].error["evalue"]
    assert cells[3].error["ename"] == "ValueError" and "relux" in cells[3].error["evalue"]
    assert cells[4].error["ename"] == "ValueError" and "(None, 4)" in cells[4].error["evalue"] and "(None, 5)" in cells[4].error["evalue"]


def test_gradient_tape_fits_a_maximum_likelihood_model():
    cells = run_notebook([
        "import numpy as np\nimport tensorflow as tf\nnp.random.seed(0)\n"
        "samples = np.random.normal(3.0, 2.0, size=500).astype('float32')\ndata = tf.constant(samples)\n"
        "mu = tf.Variable(0.0)\nlog_sigma = tf.Variable(0.0)\noptimizer = tf.keras.optimizers.Adam(learning_rate=0.05)\n"
        "def nll():\n"
        "    sigma = tf.exp(log_sigma)\n"
        "    return tf.reduce_mean(tf.math.log(sigma) + 0.5 * np.log(2 * np.pi) + tf.square(data - mu) / (2 * sigma ** 2))\n"
        "for step in range(600):\n"
        "    with tf.GradientTape() as tape:\n"
        "        loss = nll()\n"
        "    grads = tape.gradient(loss, [mu, log_sigma])\n"
        "    optimizer.apply_gradients(zip(grads, [mu, log_sigma]))",
        "print(f'{float(mu.numpy()):.2f} {float(tf.exp(log_sigma).numpy()):.2f} {samples.mean():.2f} {samples.std():.2f}')",
    ])
    fitted_mu, fitted_sigma, mean, std = cells[1].stdout.split()
    assert fitted_mu == mean and fitted_sigma == std


def test_summary_save_load_and_datasets():
    cells = run_notebook([
        "import numpy as np\nimport tensorflow as tf\nfrom sklearn.datasets import load_iris\nfrom sklearn.model_selection import train_test_split\n"
        "iris = load_iris()\nX_train, X_test, y_train, y_test = train_test_split(iris.data, iris.target, test_size=0.2, random_state=42)\n"
        "tf.random.set_seed(5)\n"
        "model = tf.keras.Sequential([tf.keras.Input(shape=(4,)), tf.keras.layers.Dense(16, activation='relu'), tf.keras.layers.Dense(3, activation='softmax')])\n"
        "model.compile(optimizer=tf.keras.optimizers.Adam(0.01), loss='sparse_categorical_crossentropy', metrics=['accuracy'])\n"
        "history = model.fit(X_train, y_train, epochs=100, batch_size=16, verbose=0)\n"
        "loss, acc = model.evaluate(X_test, y_test, verbose=0)\nacc > 0.9",
        "model.summary()",
        "model.save('/tmp/swiftml_test_iris.keras')\nloaded = tf.keras.models.load_model('/tmp/swiftml_test_iris.keras')\n"
        "bool(np.all(loaded.predict(X_test, verbose=0) == model.predict(X_test, verbose=0)))",
        "(x_train, y_train), (x_test, y_test) = tf.keras.datasets.mnist.load_data()\nx_train.shape[1:], x_train.dtype, y_train.dtype",
        "tf.keras.utils.to_categorical([0, 2, 1])",
    ])
    assert cells[0].result == "True"
    assert "│ dense_1 (Dense)                 │ (None, 3)              │            51 │" in cells[1].stdout
    assert "Optimizer params:" in cells[1].stdout
    assert cells[2].result == "True"
    assert cells[3].result == "((28, 28), dtype('uint8'), dtype('uint8'))"
    assert cells[4].result == "array([[1., 0., 0.],\n       [0., 0., 1.],\n       [0., 1., 0.]])"


def test_seeded_training_is_reproducible_bit_for_bit_across_kernels():
    # Initialisation, shuffling and dropout all draw from tf.random.set_seed's stream; two
    # fresh kernels print the same weights and losses to the last bit (a float's repr is
    # the shortest text that reads back to the same bits).
    cells = [
        "import numpy as np\nimport tensorflow as tf\ntf.random.set_seed(3)\n"
        "x = np.linspace(-3, 3, 256).reshape(-1, 1).astype('float32')\ny = np.tanh(2 * x) + 0.1 * np.cos(5 * x)\n"
        "model = tf.keras.Sequential([tf.keras.Input(shape=(1,)), tf.keras.layers.Dense(32, activation='relu'),\n"
        "                             tf.keras.layers.Dropout(0.2), tf.keras.layers.Dense(1)])\n"
        "model.compile(optimizer='adam', loss='mse')\n"
        "history = model.fit(x, y, epochs=4, batch_size=16, shuffle=True, validation_split=0.25, verbose=0)",
        "print([float(v) for v in history.history['loss'] + history.history['val_loss']])\n"
        "print([float(w.astype('float64').sum()) for w in model.get_weights()])\n"
        "print([float(v) for v in model.predict(x[:5], verbose=0).ravel()])",
    ]
    first, second = run_notebook(cells), run_notebook(cells)
    assert [line.count(",") for line in first[1].stdout.splitlines()] == [7, 3, 4]
    assert first[1].stdout == second[1].stdout
    # A different seed gives different weights.
    other = run_notebook([cells[0].replace("set_seed(3)", "set_seed(4)"), cells[1]])
    assert other[1].stdout.splitlines()[1] != first[1].stdout.splitlines()[1]
