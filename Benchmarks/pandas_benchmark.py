#!/usr/bin/env python3
"""pandas benchmark: SwiftML's `pandas` binding against real pandas, in one run.

The same cells run in a SwiftML kernel and in an IPython kernel with pandas 2.2 (both
through jupyter_client, on the same files): read_csv of a 17,000 x 9 numeric CSV and of a
100,000-row mixed CSV (numbers, text, missing values), describe(), groupby().mean(), and
the course's min-max normalisation. Each figure is the median of RUNS timings measured
inside the cell with time.perf_counter (after one warm-up); ratio = SwiftML / pandas
(below 1: SwiftML is faster). Run from the repository root with the project venv:

    .venv/bin/python Benchmarks/pandas_benchmark.py [RUNS]      # release build by default
    SWIFTML_KERNEL=.build/debug/swiftml-kernel .venv/bin/python Benchmarks/pandas_benchmark.py
"""
import os
import pathlib
import random
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "python"))
os.environ.setdefault("SWIFTML_KERNEL", str(ROOT / ".build" / "release" / "swiftml-kernel"))

import swiftml_testing  # noqa: E402

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 5


def write_data(directory: pathlib.Path):
    rng = random.Random(0)
    numeric = directory / "numeric.csv"
    with numeric.open("w") as f:
        f.write(",".join(f"x{i}" for i in range(8)) + ",label\n")
        for _ in range(17000):
            f.write(",".join(f"{rng.gauss(0, 10):.6f}" for _ in range(8)) + f",{rng.randrange(3)}\n")
    mixed = directory / "mixed.csv"
    species = ["Adelie", "Gentoo", "Chinstrap"]
    with mixed.open("w") as f:
        f.write("id,species,island,bill,flipper,mass,sex,year\n")
        for i in range(100000):
            bill = "NA" if rng.random() < 0.02 else f"{rng.uniform(30, 60):.1f}"
            f.write(f"{i},{rng.choice(species)},Island {rng.randrange(3)},{bill},{rng.randrange(170, 230)},"
                    f"{rng.uniform(2700, 6300):.2f},{rng.choice(['male', 'female', 'NA'])},{rng.randrange(2007, 2010)}\n")
    return numeric, mixed


CASES = {
    "read_csv 17000x9 numeric": "pd.read_csv(NUMERIC)",
    "read_csv 100000 mixed": "pd.read_csv(MIXED)",
    "describe": "num.describe()",
    "groupby().mean()": "mix.groupby('species').mean(numeric_only=True)",
    "normalise (x-min)/(max-min)": "(num - num.min()) / (num.max() - num.min())",
}


def timing_cell(expression: str) -> str:
    return (f"_t = []\n_r = {expression}\n"
            f"for _i in range({RUNS}):\n"
            f"    _s = time.perf_counter()\n    _r = {expression}\n    _t.append(time.perf_counter() - _s)\n"
            "_t.sort()\nprint(_t[len(_t) // 2] * 1000)")


def measure(kernel_name: str, numeric, mixed):
    times = {}
    with swiftml_testing.start_kernel(kernel_name=kernel_name) as (_, kc):
        setup = (f"import time\nimport pandas as pd\nNUMERIC = {str(numeric)!r}\nMIXED = {str(mixed)!r}\n"
                 "num = pd.read_csv(NUMERIC)\nmix = pd.read_csv(MIXED)")
        ex = swiftml_testing.execute(kc, setup, timeout=600)
        assert ex.status == "ok", ex.reply["content"]
        for name, expression in CASES.items():
            ex = swiftml_testing.execute(kc, timing_cell(expression), timeout=600)
            assert ex.status == "ok", (name, ex.reply["content"])
            times[name] = float(ex.stdout.strip())
    return times


def main():
    with tempfile.TemporaryDirectory() as tmp:
        prefix = pathlib.Path(tmp) / "prefix"
        installed = swiftml_testing.install_kernelspec(swiftml_testing.kernel_binary(), prefix)
        os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(installed.data_dir), os.environ.get("JUPYTER_PATH")]))
        numeric, mixed = write_data(pathlib.Path(tmp))
        ours = measure("swiftml", numeric, mixed)
        theirs = measure("python3", numeric, mixed)
    import pandas
    print(f"pandas {pandas.__version__}, kernel {swiftml_testing.kernel_binary()}, {RUNS} runs, medians; ratio = SwiftML / pandas")
    print(f"{'operation':<30}{'SwiftML ms':>12}{'pandas ms':>12}{'ratio':>8}")
    for name in CASES:
        print(f"{name:<30}{ours[name]:>12.2f}{theirs[name]:>12.2f}{ours[name] / theirs[name]:>8.2f}")


if __name__ == "__main__":
    main()
