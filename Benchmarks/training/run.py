#!/usr/bin/env python3
"""Training benchmark: SwiftML against Keras on JAX and Keras on TensorFlow, same code,
same data, 2 threads, one run, side by side, printed as ratios (medians).

    Benchmarks/training/run.sh            # sets up the peers' venv, builds, runs this

Workloads (workloads.py): the seed notebook's autoencoder on Fashion-MNIST (60,000 images,
batch 256, adamax, with validation), seconds per epoch, median of the epochs after the
first; and sin(x) (1000 points, 1-64-64-1 tanh, Adam 0.01, batch 32, 200 epochs), total
seconds of fit. Peak resident memory of each process beside the times.

SwiftML runs the code as a notebook cell in the real kernel (release build) through
jupyter_client; the peers run it with `python` under KERAS_BACKEND=jax / tensorflow.
"""
from __future__ import annotations

import argparse
import ast
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

HERE = pathlib.Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "python"))

import workloads  # noqa: E402

THREADS = {
    "OMP_NUM_THREADS": "2", "OPENBLAS_NUM_THREADS": "2", "MKL_NUM_THREADS": "2",
    "TF_NUM_INTRAOP_THREADS": "2", "TF_NUM_INTEROP_THREADS": "1",
    "XLA_FLAGS": "--xla_cpu_multi_thread_eigen=true intra_op_parallelism_threads=2",
    "TF_CPP_MIN_LOG_LEVEL": "3",
}


def result_lines(text: str) -> dict:
    merged: dict = {}
    for line in text.splitlines():
        if line.startswith("RESULT "):
            merged.update(ast.literal_eval(line[len("RESULT "):]))
    return merged


def run_peer(python: str, backend: str, code: str) -> dict:
    env = dict(os.environ, **THREADS, KERAS_BACKEND=backend)
    with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as handle:
        handle.write(code + workloads.PEAK_RSS)
        script = handle.name
    try:
        done = subprocess.run(["taskset", "-c", "0,1", python, script], env=env, capture_output=True, text=True, timeout=3600)
    finally:
        os.unlink(script)
    if done.returncode != 0:
        raise RuntimeError(f"{backend} failed:\n{done.stderr[-3000:]}")
    return result_lines(done.stdout)


def run_swiftml(code: str) -> dict:
    import swiftml_testing
    for key, value in THREADS.items():
        os.environ[key] = value
    prefix = pathlib.Path(tempfile.mkdtemp())
    installed = swiftml_testing.install_kernelspec(swiftml_testing.kernel_binary(), prefix)
    os.environ["JUPYTER_PATH"] = str(installed.data_dir)
    with swiftml_testing.start_kernel() as (manager, client):
        pid = manager.provisioner.process.pid
        subprocess.run(["taskset", "-p", "-c", "0,1", str(pid)], capture_output=True)
        execution = swiftml_testing.execute(client, code, timeout=3600)
        if execution.status != "ok":
            raise RuntimeError(f"SwiftML failed: {execution.reply['content']}")
        peak = 0.0
        for line in pathlib.Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmHWM:"):
                peak = int(line.split()[1]) / 1024
        found = result_lines(execution.stdout)
        found["peak_rss_mb"] = peak
        return found


def median_after_first(values: list[float]) -> float:
    return statistics.median(values[1:] if len(values) > 1 else values)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--peers-python", default=str(HERE.parent / ".venv-peers" / "bin" / "python"))
    parser.add_argument("--epochs", type=int, default=5, help="autoencoder epochs per run (default 5)")
    parser.add_argument("--only", choices=["autoencoder", "sine"], help="run one workload")
    args = parser.parse_args()

    autoencoder = workloads.AUTOENCODER.replace("EPOCHS", str(args.epochs))
    systems = [("SwiftML", lambda code: run_swiftml(code)),
               ("Keras-JAX", lambda code: run_peer(args.peers_python, "jax", code)),
               ("Keras-TF", lambda code: run_peer(args.peers_python, "tensorflow", code))]
    rows: list[tuple[str, dict[str, float]]] = []

    if args.only in (None, "autoencoder"):
        epoch, memory, quality = {}, {}, {}
        for name, runner in systems:
            found = runner(autoencoder)
            epoch[name] = median_after_first(found["epoch_seconds"])
            memory[name] = found["peak_rss_mb"]
            quality[name] = found["val_loss"][min(2, len(found["val_loss"]) - 1)]
            print(f"  {name}: autoencoder epochs {['%.2f' % s for s in found['epoch_seconds']]} s, val_loss {['%.4f' % v for v in found['val_loss']]}", flush=True)
        rows += [("autoencoder s/epoch (median, after the first)", epoch),
                 ("autoencoder val_loss after 3 epochs", quality),
                 ("autoencoder peak RSS (MB)", memory)]
    if args.only in (None, "sine"):
        total, memory, loss = {}, {}, {}
        for name, runner in systems:
            found = runner(workloads.SINE)
            total[name] = found["total_seconds"]
            memory[name] = found["peak_rss_mb"]
            loss[name] = found["final_loss"]
            print(f"  {name}: sin(x) {found['total_seconds']:.2f} s, final loss {found['final_loss']:.5f}", flush=True)
        rows += [("sin(x) 200 epochs, total s", total), ("sin(x) final training MSE", loss), ("sin(x) peak RSS (MB)", memory)]

    names = [name for name, _ in systems]
    print()
    print(f"{'':48}" + "".join(f"{n:>12}" for n in names) + f"{'SwiftML/best peer':>20}")
    for label, values in rows:
        best = min(values[n] for n in names[1:])
        ratio = values["SwiftML"] / best if best else float("nan")
        print(f"{label:48}" + "".join(f"{values[n]:>12.4g}" for n in names) + f"{ratio:>20.2f}")
    print(f"\n2 threads pinned (taskset 0,1; OPENBLAS/OMP/TF/XLA thread settings), {time.strftime('%Y-%m-%d %H:%M')}, load average {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
