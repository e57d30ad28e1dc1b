#!/usr/bin/env python3
"""Interpreter benchmark: SwiftML's cell language against CPython on the same code, one run.

Each program runs RUNS times, alternating SwiftML (Eval.Session in a release build, a
fresh process per round) and CPython (exec in one namespace of this process); the figures are medians in milliseconds
and the ratio SwiftML / CPython (lower is better; the goal is at most 2). Run from the
repository root:

    python3 Benchmarks/interpreter_benchmark.py [RUNS]
"""
import pathlib
import platform
import statistics
import subprocess
import sys
import tempfile
import time

RUNS = int(sys.argv[1]) if len(sys.argv) > 1 else 7
ROOT = pathlib.Path(__file__).resolve().parent.parent
PACKAGE = ROOT / "Benchmarks" / "interpreter"

PROGRAMS = {
    "integer loop, 10^6 iterations (cell level)": """\
total = 0
for i in range(1000000):
    total += i * 2 % 7
""",
    "list comprehension over 10^6 items (cell level)": """\
squares = [x * x for x in range(1000000)]
""",
    "integer loop, 10^6 iterations (in a function)": """\
def loop(n):
    total = 0
    for i in range(n):
        total += i * 2 % 7
    return total
loop(1000000)
""",
    "list comprehension over 10^6 items (in a function)": """\
def squares(n):
    return [x * x for x in range(n)]
squares(1000000)
""",
    "recursive calls: fib(22)": """\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib(22)
""",
    "recursive calls: fib(25)": """\
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
fib(25)
""",
    "method calls on a user class, 10^6": """\
class Counter:
    def __init__(self):
        self.total = 0
    def add(self, k):
        self.total += k
        return self.total
def run(n):
    c = Counter()
    for i in range(n):
        c.add(i)
    return c.total
run(1000000)
""",
    "attribute reads and writes on instances, 10^6": """\
class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y
def run(n):
    p = Point(0, 0)
    for i in range(n):
        p.x = p.y + i
        p.y = p.x - 1
    return p.x
run(1000000)
""",
    "dict-of-strings counting loop, 10^5 keys x 3": """\
def run(n):
    d = {}
    for r in range(3):
        for i in range(n):
            k = 'k' + str(i)
            d[k] = d.get(k, 0) + 1
    return len(d)
run(100000)
""",
    "string building: += and ''.join of f-strings, 10^5": """\
def run(n):
    s = ''
    for i in range(n):
        s += 'x'
    parts = ''.join([f'{i}:{i * 2};' for i in range(n)])
    return len(s) + len(parts)
run(100000)
""",
    "generator pipeline, 10^5 items": """\
def numbers(n):
    for i in range(n):
        yield i
def evens(xs):
    for x in xs:
        if x % 2 == 0:
            yield x
def run(n):
    return sum(x * x for x in evens(numbers(n)))
run(100000)
""",
    "sorted with a key lambda, 10^5 items": """\
import random
random.seed(1)
items = [(random.random(), i) for i in range(100000)]
ordered = sorted(items, key=lambda p: p[0])
""",
}


def cpython_once(program, namespace):
    code = compile(program, "<cell>", "exec")
    start = time.perf_counter()
    exec(code, namespace)
    return (time.perf_counter() - start) * 1000


def build_swiftml():
    subprocess.run(["swift", "build", "-c", "release", "--package-path", str(PACKAGE)],
                   check=True, stdout=subprocess.DEVNULL)
    binary = subprocess.run(["swift", "build", "-c", "release", "--package-path", str(PACKAGE), "--show-bin-path"],
                            check=True, capture_output=True, text=True).stdout.strip()
    return f"{binary}/interpreter-bench"


def swiftml_once(binary, programs_file):
    out = subprocess.run([binary, programs_file, "1"], check=True, capture_output=True, text=True).stdout
    return [float(line) for line in out.split()]


def main():
    binary = build_swiftml()
    ours = [[] for _ in PROGRAMS]
    theirs = [[] for _ in PROGRAMS]
    namespace = {}
    with tempfile.NamedTemporaryFile("w", suffix=".py") as programs:
        programs.write("\n#---\n".join(PROGRAMS.values()))
        programs.flush()
        # Alternate the two interpreters run by run, so load on the machine hits both alike.
        for _ in range(RUNS):
            for index, value in enumerate(swiftml_once(binary, programs.name)):
                ours[index].append(value)
            for index, program in enumerate(PROGRAMS.values()):
                theirs[index].append(cpython_once(program, namespace))
    print(f"CPython {platform.python_version()} vs SwiftML, median of {RUNS} alternating runs (ms)")
    print(f"{'program':52} {'CPython':>9} {'SwiftML':>9} {'ratio':>6}")
    for name, mine, cpy in zip(PROGRAMS, ours, theirs):
        a, b = statistics.median(cpy), statistics.median(mine)
        print(f"{name:52} {a:9.1f} {b:9.1f} {b / a:6.2f}")


if __name__ == "__main__":
    main()
