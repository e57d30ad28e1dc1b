import Testing
@testable import Eval

/// The grammar, table-driven: each layout (including odd but legal ones) with what it prints.
@Suite struct GrammarTests {
    static let layouts: [(String, String, String)] = [
        ("two-space indents", "def f(x):\n  if x:\n    return 'yes'\n  return 'no'\nprint(f(1), f(0))", "yes no\n"),
        ("comments between statements", "# start\nx = 1  # one\n\n   # indented comment\ny = 2\n# end\nprint(x + y)", "3\n"),
        ("comment lines inside a block at any indent", "for i in range(2):\n# odd\n        # odder\n    print(i)", "0\n1\n"),
        ("backslash continuation", "total = 1 + \\\n    2 + \\\n    3\nprint(total)", "6\n"),
        ("brackets across lines", "xs = [\n    1,\n    2,\n]\nd = {\n  'a': (1,\n        2),\n}\nprint(xs, d)", "[1, 2] {'a': (1, 2)}\n"),
        ("call across lines with keywords", "print(\n    'a',\n    'b',\n    sep='-',\n)", "a-b\n"),
        ("semicolons", "a = 1; b = 2; print(a + b);", "3\n"),
        ("one-line blocks", "if True: print('t')\nelse: print('f')\nfor i in range(2): print(i)", "t\n0\n1\n"),
        ("blank lines with spaces inside a block", "def f():\n    x = 1\n    \n\n    return x\nprint(f())", "1\n"),
        ("tabs for indentation", "if True:\n\tprint('tab')", "tab\n"),
        ("implicit string concatenation", "s = ('a'\n     'b' \"c\")\nprint(s)", "abc\n"),
        ("chained calls across lines", "r = (' a,b '\n     .strip()\n     .upper()\n     .split(','))\nprint(r)", "['A', 'B']\n"),
        ("decorator", "def twice(f):\n    return lambda x: f(f(x))\n@twice\ndef inc(x):\n    return x + 1\nprint(inc(0))", "2\n"),
        ("lambda default capturing", "fs = [lambda i=i: i for i in range(3)]\nprint([f() for f in fs])", "[0, 1, 2]\n"),
        ("nested functions and closures", "def a():\n    x = 1\n    def b():\n        def c():\n            return x\n        return c()\n    return b()\nprint(a())", "1\n"),
        ("dedent to several levels at once", "for i in range(2):\n    for j in range(2):\n        if j:\n            print(i, j)\nprint('end')", "0 1\n1 1\nend\n"),
        ("elif chain", "for n in (1, 5, 10):\n    if n < 3: print('small')\n    elif n < 7: print('mid')\n    else: print('big')", "small\nmid\nbig\n"),
        ("while with else and break", "n = 0\nwhile n < 10:\n    n += 1\n    if n == 3:\n        break\nelse:\n    print('never')\nprint(n)", "3\n"),
        ("try/except/else/finally", "try:\n    x = 1\nexcept Exception:\n    print('e')\nelse:\n    print('else')\nfinally:\n    print('finally')", "else\nfinally\n"),
        ("conditional expression and chained comparison", "x = 0.5\nprint('in' if 0 < x <= 1 else 'out')", "in\n"),
        ("unpacking at depth", "(a, (b, c)), d = (1, (2, 3)), 4\nprint(a, b, c, d)", "1 2 3 4\n"),
        ("star unpacking in calls and displays", "xs = [1, 2]\nprint(*xs, *[3], sep=',')\nprint([*xs, 0], {**{'a': 1}, 'b': 2})", "1,2,3\n[1, 2, 0] {'a': 1, 'b': 2}\n"),
        ("dict and set comprehensions", "print({k: v for k, v in zip('ab', (1, 2))}, sorted({x % 3 for x in range(9)}))", "{'a': 1, 'b': 2} [0, 1, 2]\n"),
        ("generator expression argument", "print(sum(x * x for x in range(4)), max((len(w), w) for w in ['a', 'bbb']))", "14 (3, 'bbb')\n"),
        ("slices", "a = list(range(10))\nprint(a[2:5], a[::3], a[-3:], a[:-7:-2], a[::-1][:2])", "[2, 3, 4] [0, 3, 6, 9] [7, 8, 9] [9, 7, 5] [9, 8]\n"),
        ("ellipsis and None in subscripts", "print(...)", "Ellipsis\n"),
        ("global statement", "count = 0\ndef bump():\n    global count\n    count += 1\nbump(); bump()\nprint(count)", "2\n"),
        ("del of names and items", "a = [1, 2, 3]\ndel a[0]\nb = 1\ndel b\nprint(a, 'b' in dir())", "[2, 3] False\n"),
        ("with statement over an object that supports it", "try:\n    with 5 as x:\n        pass\nexcept TypeError as e:\n    print('TypeError')", "TypeError\n"),
        ("walrus", "if (n := 10) > 5:\n    print(n)", "10\n"),
        ("annotated assignment", "x: int = 5\ny: float\nprint(x)", "5\n"),
        ("keyword-only and positional-only parameters", "def f(a, /, b, *, c=3):\n    return a + b + c\nprint(f(1, b=2), f(1, 2, c=0))", "6 3\n"),
        ("recursion", "def fact(n):\n    return 1 if n <= 1 else n * fact(n - 1)\nprint(fact(20))", "2432902008176640000\n"),
        ("raise and re-raise", "try:\n    try:\n        raise KeyError('k')\n    except KeyError:\n        raise\nexcept LookupError as e:\n    print('outer', repr(e))", "outer KeyError('k')\n"),
        ("nonlocal", "def counter():\n    n = 0\n    def inc():\n        nonlocal n\n        n += 1\n        return n\n    return inc\nc = counter(); c()\nprint(c())", "2\n"),
        ("imports under aliases", "import math as m\nfrom math import sqrt as root, pi\nimport os.path\nprint(m.floor(2.5), root(9.0), round(pi, 2), os.path.basename('a/b'))", "2 3.0 3.14 b\n"),
        ("f-string with nested spec and quotes", "w = 6\nprint(f\"{'x':>{w}}|{3.14159:.{2}f}|{'q'!r}|{w=}\")", "     x|3.14|'q'|w=6\n"),
        ("triple-quoted strings spanning lines", "s = '''line1\nline2'''\nprint(s.split('\\n'))", "['line1', 'line2']\n"),
        ("numbers", "print(1_000, 0x10, 0o10, 0b10, 1e3, .5, 5., 1E-2)", "1000 16 8 2 1000.0 0.5 5.0 0.01\n"),
    ]

    @Test(arguments: GrammarTests.layouts.indices)
    func layout(_ index: Int) {
        let (name, code, expected) = GrammarTests.layouts[index]
        let nb = Notebook()
        #expect(nb.output(code) == expected, "\(name)")
    }
}
