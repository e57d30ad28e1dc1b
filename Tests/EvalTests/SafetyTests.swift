import Foundation
import Testing
@testable import Eval

/// Nothing a user types crashes the kernel: runaway loops stop on interrupt, deep recursion
/// and huge allocations raise Python errors, and state survives every error.
@Suite struct SafetyTests {
    @Test func interruptStopsAnInfiniteLoopQuickly() {
        let nb = Notebook()
        let flag = nb.session.cancellation
        let started = DispatchSemaphore(value: 0)
        DispatchQueue.global().async {
            started.signal()
            Thread.sleep(forTimeInterval: 0.2)
            flag.raise()  // what Session.interrupt() does, from another thread
        }
        started.wait()
        let begin = Date()
        let outcome = nb.run("x = 1\nwhile True: pass")
        let elapsed = Date().timeIntervalSince(begin)
        guard case .failure(let error) = outcome else {
            Issue.record("the loop was not interrupted")
            return
        }
        #expect(error.name == "KeyboardInterrupt")
        #expect(elapsed < 0.2 + 0.1 + 0.5)  // interrupt at 0.2 s, stop within 100 ms (plus slack for a loaded machine)
        #expect(nb.result("x") == "1")
    }

    @Test func deepRecursionIsARecursionError() {
        let nb = Notebook()
        #expect(nb.result("def f(n):\n    return f(n + 1)\nf(0)") == "RecursionError: maximum recursion depth exceeded")
        #expect(nb.result("def g(n):\n    return 0 if n == 0 else 1 + g(n - 1)\ng(900)") == "900")
    }

    @Test func hugeAllocationsAreMemoryErrors() {
        let nb = Notebook()
        #expect(nb.result("[0] * 10**12") == "MemoryError: ")
        #expect(nb.result("'a' * 10**12") == "MemoryError: ")
        #expect(nb.result("list(range(10**13))") == "MemoryError: ")
        #expect(nb.result("len([0] * 1000)") == "1000")
    }

    @Test func stateSurvivesErrors() {
        let nb = Notebook()
        nb.run("a = 5")
        #expect(nb.result("a / 0") == "ZeroDivisionError: division by zero")
        #expect(nb.result("a +") == "SyntaxError: invalid syntax")
        #expect(nb.result("a * 2") == "10")
    }
}
