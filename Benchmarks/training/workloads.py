"""The training workloads, as Python source that runs unchanged under Keras (on JAX or on
TensorFlow) and in a SwiftML notebook cell. Each prints one line `RESULT {...}` (a dict
literal) with its timings; the driver (run.py) collects them.
"""

AUTOENCODER = '''
import time
import numpy as np
import tensorflow as tf

tf.random.set_seed(0)
(x_train, _), (x_test, _) = tf.keras.datasets.fashion_mnist.load_data()
x_train = x_train.astype("float32") / 255.0
x_test = x_test.astype("float32") / 255.0
IMG_SHAPE = x_train.shape[1:]

model = tf.keras.models.Sequential([
    tf.keras.layers.InputLayer(IMG_SHAPE), tf.keras.layers.Flatten(),
    tf.keras.layers.Dense(128, activation='relu'), tf.keras.layers.Dense(64, activation='relu'),
    tf.keras.layers.Dense(32, activation='relu'), tf.keras.layers.Dense(64, activation='relu'),
    tf.keras.layers.Dense(128, activation='relu'), tf.keras.layers.Dense(784, activation='sigmoid'),
    tf.keras.layers.Reshape(IMG_SHAPE)])
model.compile(optimizer='adamax', loss='mse')

marks = []
clock = tf.keras.callbacks.LambdaCallback(on_epoch_begin=lambda epoch, logs: marks.append(time.perf_counter()),
                                          on_epoch_end=lambda epoch, logs: marks.append(time.perf_counter()))
history = model.fit(x_train, x_train, epochs=EPOCHS, batch_size=256, shuffle=True,
                    validation_data=(x_test, x_test), verbose=0, callbacks=[clock])
epoch_seconds = [marks[2 * i + 1] - marks[2 * i] for i in range(len(marks) // 2)]
print("RESULT " + str({"epoch_seconds": epoch_seconds,
                              "val_loss": [float(v) for v in history.history["val_loss"]]}))
'''

SINE = '''
import time
import numpy as np
import tensorflow as tf

tf.random.set_seed(0)
x = np.linspace(0, 2 * np.pi, 1000).astype("float32").reshape(-1, 1)
y = np.sin(x).astype("float32")
model = tf.keras.Sequential([
    tf.keras.layers.Input(shape=(1,)),
    tf.keras.layers.Dense(64, activation='tanh'),
    tf.keras.layers.Dense(64, activation='tanh'),
    tf.keras.layers.Dense(1)])
model.compile(optimizer=tf.keras.optimizers.Adam(learning_rate=0.01), loss='mse')
start = time.perf_counter()
history = model.fit(x, y, epochs=200, batch_size=32, verbose=0)
total = time.perf_counter() - start
print("RESULT " + str({"total_seconds": total, "final_loss": float(history.history["loss"][-1])}))
'''

# Peak resident memory, printed by the Python peers (the driver reads the kernel's from /proc).
PEAK_RSS = '''
import resource
print("RESULT " + str({"peak_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
'''
