#!/usr/bin/env python3
"""seaborn benchmark: a 5-variable pairplot of 1,000 rows with hue (3 levels), shown as the
inline backend shows it (a tight PNG), SwiftML against real seaborn in the same run.

SwiftML: the release kernel (or $SWIFTML_KERNEL) through jupyter_client; the time of the
cell from execute_request to idle, which includes drawing, PNG encoding and sending it.
seaborn: `sns.pairplot(...)` then `fig.savefig(BytesIO, format='png', bbox_inches='tight')`
in this process (matplotlib's Agg backend), which is what the inline backend does.
Both use the same data (built outside the timed part by the same seeded code). Medians of
RUNS alternating rounds; the goal is a ratio of at most 0.2. From the repository root:

    python3 Benchmarks/seaborn_benchmark.py [RUNS]
"""
import io
import os
import pathlib
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 3
ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "Tests" / "python"))

SETUP = """import random
random.seed(7)
levels = ['a', 'b', 'c']
data = {name: [] for name in ['v1', 'v2', 'v3', 'v4', 'v5', 'group']}
for i in range(1000):
    g = i % 3
    for j, name in enumerate(['v1', 'v2', 'v3', 'v4', 'v5']):
        data[name].append(random.gauss(g * (j + 1) * 0.3, 1.0 + 0.1 * j))
    data['group'].append(levels[g])
import seaborn as sns
import matplotlib.pyplot as plt
"""
PLOT = "g = sns.pairplot(FRAME, hue='group')\nplt.show()\n"


def seaborn_once(namespace):
    import matplotlib.pyplot as plt
    start = time.perf_counter()
    exec(PLOT.replace("FRAME", "frame").replace("plt.show()", "buffer = io.BytesIO(); g.figure.savefig(buffer, format='png', bbox_inches='tight')"), namespace)
    elapsed = time.perf_counter() - start
    plt.close("all")
    return elapsed


def main():
    import matplotlib
    matplotlib.use("Agg")
    import pandas
    binary = pathlib.Path(os.environ.get("SWIFTML_KERNEL", ROOT / ".build" / "release" / "swiftml-kernel"))
    if not binary.is_file():
        sys.exit(f"no kernel at {binary}: swift build -c release --product swiftml-kernel")
    from swiftml_testing import execute, install_kernelspec, start_kernel
    prefix = pathlib.Path(tempfile.mkdtemp())
    spec = install_kernelspec(binary, prefix)
    os.environ["JUPYTER_PATH"] = os.pathsep.join(filter(None, [str(spec.data_dir), os.environ.get("JUPYTER_PATH")]))

    namespace = {"io": io}
    exec(SETUP, namespace)
    namespace["frame"] = pandas.DataFrame(namespace["data"])
    seaborn_once(namespace)  # warm-up (imports, font cache)

    ours, theirs = [], []
    with start_kernel() as (_, kc):
        assert execute(kc, SETUP, timeout=120).status == "ok"
        execute(kc, PLOT.replace("FRAME", "data"), timeout=300)  # warm-up
        for _ in range(RUNS):
            start = time.perf_counter()
            ex = execute(kc, PLOT.replace("FRAME", "data"), timeout=300)
            ours.append(time.perf_counter() - start)
            assert ex.status == "ok" and any(m["msg_type"] == "display_data" for m in ex.messages), ex.outputs
            theirs.append(seaborn_once(namespace))
    a, b = statistics.median(ours), statistics.median(theirs)
    load = os.getloadavg()[0]
    print(f"5-variable pairplot, 1000 rows, hue with 3 levels, tight PNG (median of {RUNS}, load {load:.1f})")
    print(f"  SwiftML {a * 1000:8.1f} ms   seaborn {b * 1000:8.1f} ms   ratio {a / b:.3f}   (goal <= 0.2)")


if __name__ == "__main__":
    main()
