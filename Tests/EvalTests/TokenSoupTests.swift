import Foundation
import Testing
@testable import Eval

/// Random token soup never crashes the parser or the evaluator: every cell ends as a
/// success or a Python error, and the session keeps working afterwards.
@Suite struct TokenSoupTests {
    static let vocabulary: [String] = [
        "x", "y", "f", "lst", "d", "print", "len", "range", "int", "str", "list", "dict", "sum", "max",
        "0", "1", "2", "3", "7", "1.5", "1e3", "'a'", "\"bc\"", "f'{x}'", "'''t'''", "None", "True", "False",
        "+", "-", "*", "/", "//", "%", "**", "@", "==", "!=", "<", ">=", "=", "+=", "-=", ":=",
        "(", ")", "[", "]", "{", "}", ",", ":", ".", ";", "...", "->", "*", "**",
        "if", "else", "elif", "for", "in", "not", "and", "or", "is", "def", "return", "lambda", "try",
        "except", "finally", "raise", "with", "as", "import", "from", "del", "assert", "global", "pass",
        "break", "continue", "class", "yield", "async", "await", "nonlocal",
        "\n", "\n", "\n    ", "\n  ", "\\\n", "#c\n", " ", "\t", "%time", "?", "!",
    ]

    /// A deterministic generator, so a failure can be replayed.
    struct SplitMix: RandomNumberGenerator {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    @Test func randomTokenSoupNeverCrashes() {
        let nb = Notebook()
        nb.session.interpreterForTests.allocationLimit = 64 << 20
        nb.run("x = 1\ny = 2\nlst = [1, 2]\nd = {'a': 1}\ndef f(*a, **k):\n    return 1")
        // A name the soup's vocabulary cannot reach: it must survive every cell.
        nb.run("kept = [1, 2, 3]")
        var random = SplitMix(state: 20261129)
        for _ in 0..<3000 {
            let count = Int.random(in: 1...24, using: &random)
            let code = (0..<count).map { _ in TokenSoupTests.vocabulary.randomElement(using: &random) ?? "x" }
                .joined(separator: Bool.random(using: &random) ? " " : "")
            // Stop anything that runs long (soup can build loops); the flag is polled everywhere.
            let flag = nb.session.cancellation
            let timer = DispatchWorkItem { flag.raise() }
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2, execute: timer)
            if case .failure(let error) = nb.run(code) {
                #expect(!error.name.isEmpty, "\(code.debugDescription)")
            }
            timer.cancel()
            _ = nb.session.isComplete(code)
            _ = nb.session.complete(code, cursor: code.unicodeScalars.count / 2)
            _ = nb.session.inspect(code, cursor: code.unicodeScalars.count, detailLevel: 0)
        }
        #expect(nb.result("kept") == "[1, 2, 3]")
        #expect(nb.result("1 + 1") == "2")
    }

    @Test func mutatedProgramsNeverCrash() {
        let program = """
        def train(xs, lr=0.1, *, epochs=3):
            w = [0.0] * len(xs)
            for epoch in range(epochs):
                for i, x in enumerate(xs):
                    w[i] += lr * (x - w[i])
                print(f"epoch {epoch}: {sum(w):.3f}")
            return {'w': w, 'epochs': epochs}
        result = train([1, 2, 3])
        result['w'][0], [v ** 2 for v in result['w'] if v > 0.5]
        """
        let scalars = Array(program.unicodeScalars)
        let nb = Notebook()
        nb.session.interpreterForTests.allocationLimit = 64 << 20
        nb.run("kept = [1, 2, 3]")
        var random = SplitMix(state: 7)
        for _ in 0..<1500 {
            var mutated = scalars
            for _ in 0..<Int.random(in: 1...4, using: &random) {
                let at = Int.random(in: 0..<mutated.count, using: &random)
                switch Int.random(in: 0..<3, using: &random) {
                case 0: mutated.remove(at: at)
                case 1: mutated.insert(scalars[Int.random(in: 0..<scalars.count, using: &random)], at: at)
                default: mutated.swapAt(at, Int.random(in: 0..<mutated.count, using: &random))
                }
                if mutated.isEmpty { mutated = scalars }
            }
            let code = String(String.UnicodeScalarView(mutated))
            let flag = nb.session.cancellation
            let timer = DispatchWorkItem { flag.raise() }
            DispatchQueue.global().asyncAfter(deadline: .now() + 0.2, execute: timer)
            _ = nb.run(code)
            timer.cancel()
            _ = nb.session.isComplete(code)
        }
        #expect(nb.result("kept") == "[1, 2, 3]")
        #expect(nb.result("1 + 1") == "2")
    }
}
