"""The kernel's memory settles in a long teaching session: 2,000 trivial cells and 20 repeated
`fit` runs leave the resident set within 10% of where it settles. Prints its figures (run
with `-s` to see them), so a growing leak shows before it fails.
"""

from __future__ import annotations

from swiftml_testing import execute, start_kernel


def resident_kib(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    raise AssertionError("no VmRSS line")


def kernel_pid(km) -> int:
    return km.provisioner.process.pid


def test_trivial_cells_do_not_grow_the_kernel():
    with start_kernel() as (km, kc):
        pid = kernel_pid(km)
        execute(kc, "total = 0")
        samples = {}
        for cell in range(1, 2001):
            result = execute(kc, f"total += {cell}\nlabel = f'cell {{total}}'\n[total, label]")
            assert result.status == "ok"
            if cell in (250, 500, 1000, 1500, 2000):
                samples[cell] = resident_kib(pid)
        assert execute(kc, "total").result == str(2000 * 2001 // 2)
    print("\nRSS after N trivial cells (KiB):", samples)
    settled = samples[500]
    assert samples[2000] <= settled * 1.10, f"the kernel grew from {settled} KiB to {samples[2000]} KiB"


def test_repeated_training_does_not_grow_the_kernel():
    setup = (
        "import numpy as np\nimport tensorflow as tf\n"
        "np.random.seed(0)\n"
        "x = np.random.rand(2000, 20).astype('float32')\n"
        "y = (x.sum(axis=1) > 10).astype('float32')\n"
    )
    fit = (
        "model = tf.keras.Sequential([tf.keras.layers.Dense(64, activation='relu', input_shape=(20,)),\n"
        "                             tf.keras.layers.Dense(1, activation='sigmoid')])\n"
        "model.compile(optimizer='adam', loss='binary_crossentropy', metrics=['accuracy'])\n"
        "history = model.fit(x, y, epochs=3, batch_size=64, verbose=0)\n"
        "len(history.history['loss'])"
    )
    with start_kernel() as (km, kc):
        pid = kernel_pid(km)
        assert execute(kc, setup).status == "ok"
        samples = []
        for _ in range(20):
            result = execute(kc, fit, timeout=120)
            assert result.result == "3", result.messages
            samples.append(resident_kib(pid))
    print("\nRSS after each of 20 fits (KiB):", samples)
    settled = samples[4]
    assert max(samples[5:]) <= settled * 1.10, f"the kernel grew from {settled} KiB to {max(samples[5:])} KiB"
