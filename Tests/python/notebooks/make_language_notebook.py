"""Writes language.ipynb: one cell per construct of docs/language.md (Syntax, Values and
builtins, kernel conveniences), run by test_language_notebook.py under nbconvert --execute
on SwiftML and on CPython's ipykernel, whose outputs are the expectation.

    python3 Tests/python/notebooks/make_language_notebook.py
"""
import json
import pathlib

CELLS = [
    # Literals
    "1e-3, 2.5e10, 42, -7, 0x1F, 1_000_000, 3.0",
    "'single', \"double\", '''triple\nquoted''', 'esc\\taped\\n', r'raw\\n', 'caf\\u00e9'",
    "loss, acc = 0.123456, 0.9876\nprint(f\"loss: {loss:.4f}\")\nprint(f\"{acc*100:5.1f}%\")\nprint(f\"{'name':>8}|{42:<5}|{3.14159:^10.2f}|{1234567:,}|{0.5:.1%}|{1e-5:.3e}\")",
    "True, False, None",
    "[1, 2, 3], (1, 'a'), {'k': [1, 2]}, (1,), [], {}",
    "xs = list(range(10))\nprint(xs[2:7], xs[::2], xs[-3:], xs[::-1], xs[1:8:3])\nprint(...)",
    # Operators
    "print(7 + 2, 7 - 2, 7 * 2, 7 / 2, 7 // 2, 7 % 2, 7 ** 2, -7 // 2, -7 % 2, 2 ** -1)",
    "print(-3, +3, not True, ~5)",
    "x = 0.5\nprint(0 < x <= 1, 1 < 2 < 3 < 2, x == 0.5 != 1)",
    "print(1 and 0, 0 or 'fallback', [] or None, 'a' and 'b')\ncalls = []\ndef side(v):\n    calls.append(v)\n    return v\nside(0) and side(1)\nside(1) or side(2)\nprint(calls)",
    "print(3 in [1, 2, 3], 'x' not in 'abc', None is None, [] is not [], 1 in {1: 'a'})",
    "n = 5\nprint('big' if n > 3 else 'small', 'even' if n % 2 == 0 else 'odd')",
    # Statements
    "(x_train, y_train), (x_test, y_test) = ((1, 2), (3, 4))\nfirst, *rest = [1, 2, 3, 4]\na = b = 7\nprint(x_train, y_train, x_test, y_test, first, rest, a, b)",
    "w = [0, 0, 0]\nw[0] = 1\nw[-1] = 3\ngrid = [[0] * 3 for _ in range(2)]\ngrid[1][2] = 9\nd = {}\nd['key'] = 'value'\nprint(w, grid, d)",
    "total = 10\ntotal += 5\ntotal -= 3\ntotal *= 2\ntotal //= 5\ntotal **= 2\ntotal %= 7\ns = 'ab'\ns *= 2\nlst = [1]\nlst += [2]\nprint(total, s, lst)",
    "for n in [5, 15, 25]:\n    if n < 10:\n        print(n, 'small')\n    elif n < 20:\n        print(n, 'medium')\n    else:\n        print(n, 'large')",
    "for i, (name, score) in enumerate([('a', 1), ('b', 2)]):\n    print(i, name, score)\nelse:\n    print('loop finished')",
    "n = 0\nwhile True:\n    n += 1\n    if n % 2:\n        continue\n    if n > 6:\n        break\n    print(n)\nwhile n > 0:\n    n -= 3\nelse:\n    print('while else', n)",
    "pass\nfor _ in range(2):\n    pass\nprint('pass ok')",
    "def describe(name, greeting='Hello', *args, punct='!', **kwargs):\n    return f\"{greeting}, {name}{punct} {args} {kwargs}\"\nprint(describe('Ada'))\nprint(describe('Ada', 'Hi', 1, 2, punct='?', extra=True))",
    "def make_counter():\n    count = 0\n    def increment(step=1):\n        nonlocal count\n        count += step\n        return count\n    return increment\ncounter = make_counter()\ncounter(); counter(5)\nprint(counter())",
    "def fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nprint([fib(i) for i in range(12)])",
    "def early(x):\n    if x < 0:\n        return 'negative'\n    return\nprint(early(-1), early(1))",
    "square = lambda v: v * v\npairs = sorted([(3, 'c'), (1, 'a'), (2, 'b')], key=lambda p: -p[0])\nprint(square(4), pairs)",
    "squares = [v * v for v in range(6) if v % 2 == 0]\ntable = {k: len(k) for k in ['a', 'bb', 'ccc']}\nnested = [(i, j) for i in range(3) for j in range(i)]\nprint(squares, table, nested)",
    "import math\nimport random as rnd\nimport os.path\nimport os.path as osp\nfrom math import sqrt, pi\nfrom math import floor as fl, ceil\nprint(math.sqrt(2), rnd.__name__, os.path.basename('a/b.txt'), osp.dirname('/x/y'), sqrt(16), round(pi, 3), fl(2.7), ceil(2.1))",
    "values = [1, 2, 3, 4]\ndel values[0]\ndel values[-1]\ntemp = 1\ndel temp\nprint(values, 'temp' in dir())",
    "assert 1 + 1 == 2\ntry:\n    assert 2 + 2 == 5, 'math is broken'\nexcept AssertionError as e:\n    print('AssertionError:', e)",
    "counter_value = 0\ndef bump():\n    global counter_value\n    counter_value += 1\nbump(); bump()\nprint(counter_value)",
    "def risky(v):\n    if v == 0:\n        raise ValueError('zero is not allowed')\n    return 10 / v\nfor v in [2, 0]:\n    try:\n        r = risky(v)\n    except ValueError as e:\n        print('caught:', e)\n    except (TypeError, KeyError):\n        print('other')\n    else:\n        print('ok', r)\n    finally:\n        print('done with', v)",
    "try:\n    {}['missing']\nexcept LookupError as e:\n    print(type(e).__name__, e)\ntry:\n    try:\n        1 / 0\n    except ZeroDivisionError:\n        raise\nexcept ArithmeticError as e:\n    print('re-raised:', e)",
    "import sys\nprint('to stdout')\nprint('to stderr', file=sys.stderr)",
    "x = 1; y = 2; print(x + y)",
    "total = (1 +\n         2 +\n         3)\nother = 4 + \\\n    5\nitems = [\n    'a',\n    'b',\n]\nprint(total, other, items)",
    "if True:\n  two = 'two-space indent'\n  if two:\n    print(two)",
    # Values and builtins
    "print('a', 'b', sep='-', end='|\\n')\nprint(len('hello'), len([1, 2]), len({'a': 1}), len(range(5)))",
    "print(list(range(3)), list(range(2, 8, 2)), list(enumerate('ab', 1)), list(zip([1, 2], 'xy')))",
    "print(min(3, 1, 2), max([4, 7, 5]), min([], default=0), max('apple', 'fig', key=len), sum([1, 2, 3]), sum([0.5, 0.25], 10))",
    "print(abs(-5), abs(-2.5), round(2.675, 2), round(2.5), round(3.5), round(-1.5), round(1234.5678, -2))",
    "print(int('42'), int(3.99), int('ff', 16), float('2.5'), float(3), str(3.0), bool(0), bool('x'), list('ab'), tuple([1, 2]), dict([('a', 1)], b=2))",
    "print(sorted([3, 1, 2], reverse=True), list(reversed('abc')), list(map(str, [1, 2])), list(filter(lambda v: v > 1, [1, 2, 3])))",
    "print(any([False, 0, 3]), all([1, True, 'x']), isinstance(3, int), isinstance(True, int), isinstance('s', (int, str)), type(3.0), type([]).__name__)",
    "print(format(3.14159, '.3f'), format(255, 'x'), format(12, '>6'), repr('hi'), repr([1, 'a']))",
    "s = ' Hello, World '\nprint(s.strip(), s.split(','), 'a b  c'.split(), '-'.join(['x', 'y']), s.replace('l', 'L'), s.upper(), s.lower(), s.strip().startswith('He'), s.strip().endswith('!'))\nprint('{:>6}|{:.2f}|{name}'.format('r', 2.345, name='n'), '{0}{1}{0}'.format('a', 'b'))",
    "lst = [3, 1, 2]\nlst.append(4)\nlst.extend([5, 6])\nlst.insert(0, 0)\nprint(lst.pop(), lst.pop(0), lst.index(2), lst.count(1))\nlst.sort()\nprint(lst)\nlst.reverse()\nprint(lst)",
    "d = {'a': 1, 'b': 2}\nprint(list(d.keys()), list(d.values()), list(d.items()), d.get('a'), d.get('z', 0))\nd.update({'c': 3})\nprint(d.pop('a'), d)",
    "import math\nprint(math.pi, math.e, math.floor(-2.5), math.log(100, 10), math.exp(1), math.isclose(0.1 + 0.2, 0.3), math.factorial(10))",
    "import random\nrandom.seed(0)\nprint(random.random(), random.randint(1, 100), random.choice('abcdef'), random.uniform(0, 1))\ndeck = list(range(8))\nrandom.shuffle(deck)\nprint(deck, random.sample(range(50), 4))",
    "import time\nt0 = time.time()\nstart = time.perf_counter()\ntime.sleep(0.01)\nprint(time.perf_counter() - start >= 0.009, t0 > 1.6e9)",
    "import os\nimport os.path\nprint(os.path.join('data', 'train', 'x.csv'), os.path.splitext('model.keras'), os.path.exists('/definitely/not/here'))",
    "from IPython.display import display, clear_output, HTML, Markdown\ndisplay(HTML('<b>bold</b>'))\ndisplay(Markdown('*it*'))\ndisplay({'a': 1})",
    "from IPython.display import clear_output\nprint('first')\nclear_output(wait=True)\nprint('second')",
    "print(repr(1.0), repr(0.1), str(1e16), 1e-7, 10 / 3, 2 ** 0.5)",
    "value = 42\nvalue",
    "hidden = 42\nhidden;",
    # Errors (compared by class and message)
    "undefined_variable + 1",
    "model = 'dense'\nprint(modle)",
    "'text' + 5",
    "[1, 2, 3][10]",
    "{'a': 1}['b']",
    "10 / 0",
    "'str'.no_such_method()",
    "int('twelve')",
    "x = (1,\ny = 2",
    "import not_a_real_module",
]


def main():
    cells = [{"cell_type": "code", "execution_count": None, "id": f"cell-{index}", "metadata": {}, "outputs": [],
              "source": source} for index, source in enumerate(CELLS)]
    notebook = {
        "cells": [{"cell_type": "markdown", "id": "title", "metadata": {},
                   "source": "# The cell language, construct by construct"}] + cells,
        "metadata": {"kernelspec": {"name": "swiftml", "display_name": "SwiftML", "language": "python"},
                     "language_info": {"name": "python"}},
        "nbformat": 4,
        "nbformat_minor": 5,
    }
    path = pathlib.Path(__file__).with_name("language.ipynb")
    path.write_text(json.dumps(notebook, indent=1) + "\n")


if __name__ == "__main__":
    main()
