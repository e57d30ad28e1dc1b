import Testing
@testable import Eval

@Suite struct SmokeTests {
    @Test func arithmeticAndPrint() {
        let nb = Notebook()
        #expect(nb.result("1 + 2 * 3") == "7")
        #expect(nb.output("print('hello', 42, sep='-')") == "hello-42\n")
        #expect(nb.output("def f(n):\n    return 1 if n < 2 else n * f(n - 1)\nprint(f(10))") == "3628800\n")
        #expect(nb.result("[x * x for x in range(5)]") == "[0, 1, 4, 9, 16]")
        #expect(nb.result("f'{3.14159:.2f}'") == "'3.14'")
    }
}
