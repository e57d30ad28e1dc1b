"""The functional API through the real kernel, with Keras 3 on JAX as the oracle: the same
code runs under both, and the summaries, shapes and losses (after the same weights) must
agree."""
from __future__ import annotations

import importlib.util
import os
import subprocess
import sys

import pytest

from swiftml_testing import run_notebook

# Weights are drawn by NumPy's legacy generator (SwiftML's np.random matches it), so both
# libraries start from the same numbers.
SAME_WEIGHTS = """
def same_weights(model, seed):
    rs = np.random.RandomState(seed)
    model.set_weights([rs.uniform(-0.5, 0.5, w.shape).astype('float32') for w in model.get_weights()])

def show(tag, values):
    print(tag, ' '.join(f'{float(v):.6f}' for v in np.ravel(values)))
"""

MULTI_IO = SAME_WEIGHTS + """
import numpy as np
import keras
from keras import layers
a = keras.Input(shape=(4,), name='a')
b = keras.Input(shape=(3,), name='b')
shared = layers.Dense(5, activation='tanh', name='shared')
h = layers.concatenate([shared(a), layers.Dense(5, name='side')(b)])
h2 = layers.Add()([shared(layers.Dense(4, name='back')(h)), layers.Dense(5, name='skip')(h)])
o1 = layers.Dense(1, name='o1')(h2)
o2 = layers.Dense(3, activation='softmax', name='o2')(layers.Average()([h2, layers.Multiply()([h2, h2])]))
model = keras.Model(inputs=[a, b], outputs=[o1, o2], name='multi')
model.summary()
print([l.name for l in model.layers])
print(model.output_names, [tuple(t.shape) for t in model.outputs])
same_weights(model, 7)
rs = np.random.RandomState(1)
xa = rs.rand(64, 4).astype('float32'); xb = rs.rand(64, 3).astype('float32')
y1 = rs.rand(64, 1).astype('float32'); y2 = rs.randint(0, 3, 64)
p1, p2 = model.predict({'a': xa, 'b': xb}, verbose=0)
show('p1', p1[:5]); show('p2', p2[:3])
model.compile(optimizer=keras.optimizers.SGD(learning_rate=0.1),
              loss={'o1': 'mse', 'o2': 'sparse_categorical_crossentropy'}, loss_weights=[1.0, 0.5])
show('evaluate', model.evaluate([xa, xb], [y1, y2], verbose=0, batch_size=64))
h = model.fit([xa, xb], {'o1': y1, 'o2': y2}, epochs=3, batch_size=64, shuffle=False, verbose=0)
print('keys', sorted(h.history))
show('loss', h.history['loss']); show('o1_loss', h.history['o1_loss']); show('o2_loss', h.history['o2_loss'])
show('after', model.predict([xa[:2], xb[:2]], verbose=0)[0])
"""

AUTOENCODER = SAME_WEIGHTS + """
import numpy as np
import keras
from keras import layers
input_img = keras.Input(shape=(784,))
encoded = layers.Dense(128, activation='relu')(input_img)
encoded = layers.Dense(64, activation='relu')(encoded)
encoded = layers.Dense(32, activation='relu')(encoded)
decoded = layers.Dense(64, activation='relu')(encoded)
decoded = layers.Dense(128, activation='relu')(decoded)
decoded = layers.Dense(784, activation='sigmoid')(decoded)
autoencoder = keras.Model(input_img, decoded)
encoder = keras.Model(input_img, encoded)
encoded_input = keras.Input(shape=(32,))
decoder_layers = autoencoder.layers[-3:]
decoder = keras.Model(encoded_input, decoder_layers[2](decoder_layers[1](decoder_layers[0](encoded_input))))
autoencoder.compile(optimizer='adamax', loss='mse')
autoencoder.summary()
decoder.summary()
same_weights(autoencoder, 3)
x = np.random.RandomState(2).rand(256, 784).astype('float32')
show('evaluate', [autoencoder.evaluate(x, x, verbose=0)])
h = autoencoder.fit(x, x, epochs=2, batch_size=128, shuffle=False, verbose=0, validation_data=(x[:64], x[:64]))
show('loss', h.history['loss']); show('val_loss', h.history['val_loss'])
codes = encoder.predict(x[:4], verbose=0)
print('codes', codes.shape, 'decoded', decoder.predict(codes, verbose=0).shape)
show('cut', np.abs(decoder.predict(codes, verbose=0) - autoencoder.predict(x[:4], verbose=0)).max())
"""


def run_keras(code: str) -> str:
    """Runs `code` under Python Keras 3 on JAX (CPU) and returns its stdout."""
    if importlib.util.find_spec("keras") is None or importlib.util.find_spec("jax") is None:
        pytest.skip("Keras 3 and JAX are not installed (scripts/requirements.txt lists them)")
    env = dict(os.environ, KERAS_BACKEND="jax", JAX_PLATFORMS="cpu", COLUMNS="80", PYTHONWARNINGS="ignore")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, env=env, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def run_swiftml(code: str) -> str:
    cells = run_notebook([code], timeout=300)
    return cells[0].stdout


def numbers(output: str) -> dict[str, list[float]]:
    found = {}
    for line in output.splitlines():
        tag, _, rest = line.partition(" ")
        if tag in {"p1", "p2", "evaluate", "loss", "o1_loss", "o2_loss", "after", "val_loss", "cut"}:
            found[tag] = [float(v) for v in rest.split()]
    return found


def text_lines(output: str) -> list[str]:
    return [line for line in output.splitlines() if line.split(" ")[0] not in numbers(line)]


def compare(ours: str, theirs: str, tolerance: float) -> None:
    assert text_lines(ours) == text_lines(theirs)
    mine, keras = numbers(ours), numbers(theirs)
    assert mine.keys() == keras.keys()
    for tag in keras:
        assert len(mine[tag]) == len(keras[tag]), tag
        for a, b in zip(mine[tag], keras[tag]):
            assert abs(a - b) <= tolerance * max(1.0, abs(b)), (tag, mine[tag], keras[tag])


def test_multi_input_multi_output_model_matches_keras():
    compare(run_swiftml(MULTI_IO), run_keras(MULTI_IO), tolerance=2e-5)


def test_blog_autoencoder_with_encoder_and_decoder_cut_out_matches_keras():
    compare(run_swiftml(AUTOENCODER), run_keras(AUTOENCODER), tolerance=2e-5)


def test_functional_weights_round_trip_and_save_is_refused_clearly(tmp_path):
    cells = run_notebook([
        "import numpy as np\nimport keras\nfrom keras import layers\n"
        "def make():\n    i = keras.Input(shape=(3,))\n    return keras.Model(i, layers.Dense(2)(layers.Dense(4, activation='tanh')(i)), name='net')\n"
        "m = make()\nx = np.random.RandomState(0).rand(5, 3).astype('float32')\n"
        f"m.save_weights({str(tmp_path / 'w.weights.h5')!r})\nn = make()\n"
        f"n.load_weights({str(tmp_path / 'w.weights.h5')!r})\n"
        "print(np.array_equal(m.predict(x, verbose=0), n.predict(x, verbose=0)))",
        f"m.save({str(tmp_path / 'm.keras')!r})",
    ], allow_errors=True)
    assert cells[0].stdout == "True\n"
    assert cells[1].error["ename"] == "NotImplementedError" and "save_weights" in cells[1].error["evalue"]
