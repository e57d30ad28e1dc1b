import Eval

/// An output sink that records everything a cell sends, for assertions.
final class CollectingSink: OutputSink {
    var stdout = ""
    var stderr = ""
    var displays: [(data: DisplayData, id: String?, update: Bool)] = []
    var clears: [Bool] = []
    var inputs: [String]
    var prompts: [String] = []

    init(inputs: [String] = []) { self.inputs = inputs }

    func writeStream(_ stream: OutputStreamName, text: String) {
        switch stream {
        case .stdout: stdout += text
        case .stderr: stderr += text
        }
    }

    func display(_ output: DisplayData, displayID: String?, update: Bool) {
        displays.append((output, displayID, update))
    }

    func clearOutput(wait: Bool) { clears.append(wait) }

    func readInput(prompt: String, password: Bool) throws -> String {
        prompts.append(prompt)
        guard !inputs.isEmpty else { throw InputUnavailable("") }
        return inputs.removeFirst()
    }
}

/// A session with a collecting sink, and helpers to run cells.
final class Notebook {
    let sink: CollectingSink
    let session: Session
    var count = 0

    init(inputs: [String] = []) {
        sink = CollectingSink(inputs: inputs)
        session = Session(sink: sink)
    }

    @discardableResult
    func run(_ code: String) -> ExecutionOutcome {
        count += 1
        return session.execute(code, executionCount: count, silent: false)
    }

    /// Runs a cell and returns what it printed; records a failure as "<Name>: message".
    func output(_ code: String) -> String {
        let before = sink.stdout.count
        let outcome = run(code)
        var text = String(sink.stdout.dropFirst(before))
        if case .failure(let error) = outcome { text += "\(error.name): \(error.value)" }
        return text
    }

    /// The text/plain result of a cell, or the error as "<Name>: message".
    func result(_ code: String) -> String? {
        switch run(code) {
        case .success(let result, _): return result?.data["text/plain"]
        case .failure(let error): return "\(error.name): \(error.value)"
        }
    }
}
