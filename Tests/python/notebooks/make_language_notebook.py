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
    # Classes, generators, decorators, standard modules
    'class Point:\n    """A point in the plane."""\n    dims = 2\n    def __init__(self, x, y):\n        self.x = x\n        self.y = y\n    def __repr__(self):\n        return f\'Point({self.x}, {self.y})\'\n    def __add__(self, other):\n        return Point(self.x + other.x, self.y + other.y)\n    def __eq__(self, other):\n        return isinstance(other, Point) and (self.x, self.y) == (other.x, other.y)\n    def __hash__(self):\n        return hash((self.x, self.y))\np = Point(1, 2) + Point(3, 4)\nprint(p, p.x, Point.dims, Point.__doc__, type(p).__name__, p.__dict__, p == Point(4, 6), {p: 1}[Point(4, 6)])\nPoint',
    "class Animal:\n    sound = '...'\n    def __init__(self, name):\n        self.name = name\n    def speak(self):\n        return f'{self.name} says {self.sound}'\nclass Dog(Animal):\n    sound = 'woof'\n    def __init__(self, name, tricks=()):\n        super().__init__(name)\n        self.tricks = list(tricks)\n    def speak(self):\n        return super().speak() + '!'\nd = Dog('Rex', ['sit'])\nprint(d.speak(), d.tricks, isinstance(d, Animal), issubclass(Dog, Animal), [c.__name__ for c in Dog.__mro__])",
    "class A:\n    def who(self): return 'A'\nclass B(A):\n    def who(self): return 'B' + super().who()\nclass C(A):\n    def who(self): return 'C' + super().who()\nclass D(B, C):\n    def who(self): return 'D' + super().who()\nprint(D().who(), [k.__name__ for k in D.__mro__])",
    'class Temperature:\n    def __init__(self, celsius=0):\n        self._celsius = celsius\n    @property\n    def fahrenheit(self):\n        return self._celsius * 9 / 5 + 32\n    @fahrenheit.setter\n    def fahrenheit(self, value):\n        self._celsius = (value - 32) * 5 / 9\n    @staticmethod\n    def valid(c):\n        return c > -273.15\n    @classmethod\n    def boiling(cls):\n        return cls(100)\nt = Temperature.boiling()\nprint(t.fahrenheit)\nt.fahrenheit = 32\nprint(t._celsius, Temperature.valid(-300))',
    "class Bag:\n    def __init__(self, *items):\n        self.items = list(items)\n    def __len__(self):\n        return len(self.items)\n    def __getitem__(self, i):\n        return self.items[i]\n    def __setitem__(self, i, v):\n        self.items[i] = v\n    def __contains__(self, v):\n        return v in self.items\n    def __iter__(self):\n        return iter(self.items)\n    def __lt__(self, other):\n        return len(self) < len(other)\n    def __call__(self, n):\n        return self.items[:n]\n    def __str__(self):\n        return f'Bag of {len(self)}'\nb = Bag(3, 1, 2)\nb[0] = 5\nprint(len(b), b[1], 2 in b, list(b), bool(Bag()), b(2), str(b), [x.items for x in sorted([Bag(1, 2), Bag(1)])])",
    "class Money:\n    def __init__(self, cents):\n        self.cents = cents\n    def __add__(self, other):\n        if isinstance(other, Money):\n            return Money(self.cents + other.cents)\n        return NotImplemented\n    def __radd__(self, other):\n        return Money(self.cents + other)\n    def __mul__(self, k):\n        return Money(self.cents * k)\n    __rmul__ = __mul__\n    def __repr__(self):\n        return f'Money({self.cents})'\nprint(sum([Money(1), Money(2)]), 3 * Money(2), Money(1) + Money(1))",
    "class Timer:\n    def __enter__(self):\n        print('start')\n        return self\n    def __exit__(self, kind, value, tb):\n        print('stop', kind.__name__ if kind else None)\n        return kind is KeyError\nwith Timer():\n    print('inside')\nwith Timer():\n    raise KeyError('swallowed')\nprint('after')",
    "class DataError(ValueError):\n    def __init__(self, message, row):\n        super().__init__(message)\n        self.row = row\ntry:\n    raise DataError('bad value', 7)\nexcept ValueError as e:\n    print(type(e).__name__, e, e.row, e.args, repr(e))",
    'class Countdown:\n    def __init__(self, start):\n        self.current = start\n    def __iter__(self):\n        return self\n    def __next__(self):\n        if self.current <= 0:\n            raise StopIteration\n        self.current -= 1\n        return self.current + 1\nprint(list(Countdown(3)), next(Countdown(5)))',
    "def squares(n):\n    for i in range(n):\n        yield i * i\n    return 'done'\ndef both():\n    result = yield from squares(3)\n    print('inner returned', result)\n    yield -1\ng = squares(3)\nprint(next(g), list(g), list(g), list(both()), sum(x * x for x in range(4)))",
    "def running_total():\n    total = 0\n    while True:\n        value = yield total\n        if value is None:\n            return\n        total += value\nacc = running_total()\nprint(next(acc), acc.send(5), acc.send(10))\ndef lines():\n    try:\n        yield 'a'\n        yield 'b'\n    finally:\n        print('closed')\nprint(list(lines()))",
    'import functools\ndef log_calls(func):\n    @functools.wraps(func)\n    def wrapper(*args, **kwargs):\n        print(\'calling\', func.__name__)\n        return func(*args, **kwargs)\n    return wrapper\n@log_calls\ndef add(a, b):\n    "Add two numbers."\n    return a + b\nprint(add(2, 3), add.__name__, add.__doc__)\n@functools.lru_cache(maxsize=None)\ndef fib(n):\n    return n if n < 2 else fib(n - 1) + fib(n - 2)\nsquare = functools.partial(pow, exp=2)\nprint(fib(60), square(7), functools.reduce(lambda a, b: a * b, range(1, 6)))',
    "from collections import defaultdict, Counter, OrderedDict, namedtuple\nd = defaultdict(list)\nd['a'].append(1)\nc = Counter('abracadabra')\nPair = namedtuple('Pair', ['left', 'right'])\nprint(d, c.most_common(2), OrderedDict(a=1), Pair(1, right=2), Pair(1, 2).right)",
    "import itertools\nprint(list(itertools.islice(itertools.count(10, 2), 4)), list(itertools.product('ab', range(2))), list(itertools.chain([1], (2,))))",
    "import json\ntext = json.dumps({'a': [1, 2.5, None, True], 'b': 'é'})\nprint(text, json.loads(text), json.dumps([1, {'k': 'v'}], indent=2))",
    'from dataclasses import dataclass, field\n@dataclass\nclass Config:\n    lr: float = 0.001\n    layers: list = field(default_factory=list)\nprint(Config(), Config(0.1, [4]) == Config(0.1, [4]))',
    'def outer():\n    count = 0\n    def bump():\n        nonlocal count\n        count += 1\n    bump(); bump()\n    return count\ndef scale(x, *, factor=2):\n    return x * factor\nfirst, *rest = [1, 2, 3]\nprint(outer(), scale(3, factor=10), first, rest, flush=True)',
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
    'class Empty:\n    pass\nEmpty().missing',
    'class Needs:\n    def __init__(self, x):\n        self.x = x\nNeeds()',
    'class A:\n    pass\nclass B(A):\n    pass\nclass C(A, B):\n    pass',
    'def g():\n    yield 1\nit = g()\nnext(it)\nnext(it)',
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
