import ML

/// One interpreter session: the variables of a notebook, and the requests a kernel makes of
/// its language. Not thread-safe except `interrupt()`, which any thread may call.
///
/// Every request runs on the session's own cell thread (with a large stack), so the
/// interpreter's state is only ever touched there; the calling thread waits for the answer.
public final class Session {
    /// Raised by `interrupt()`; polled by the evaluator and by training.
    public let cancellation = CancellationFlag()
    private let sink: OutputSink
    private let thread = CellThread()
    let interpreter: Runtime

    public init(sink: OutputSink) {
        self.sink = sink
        interpreter = Runtime(output: sink, cancellation: cancellation, registry: .standard)
        interpreter.builtins.merge(SessionBuiltins.make()) { _, new in new }
    }

    deinit { thread.stop() }

    /// The runtime, for tests that adjust limits (only touch it between cells).
    var interpreterForTests: Runtime { interpreter }

    /// Asks the running cell to stop with `KeyboardInterrupt`. Safe from any thread.
    public func interrupt() { cancellation.raise() }

    /// Runs one cell. Output goes to the sink while it runs; the value of a final expression
    /// comes back as `result`.
    public func execute(_ code: String, executionCount: Int, silent: Bool) -> ExecutionOutcome {
        let defersHooks = defersCellEndHooks
        return thread.run {
            CellRunner(interpreter: interpreter).run(code, executionCount: executionCount, silent: silent,
                                                     runsHooks: !defersHooks)
        }
    }

    /// Whether the last cells asked the front end to end the session (`exit`, `quit()`); the
    /// kernel answers with an `ask_exit` payload. Reading clears the request.
    public func takeExitRequest() -> Bool {
        thread.run {
            defer { interpreter.exitRequested = false }
            return interpreter.exitRequested
        }
    }

    /// When true, `execute` leaves the end-of-cell hooks (pyplot showing the figures the cell
    /// drew) to `finishCell()`, so that a kernel can publish the cell's `execute_result`
    /// first, in IPython's order (Out[n], then the figure). False by default: `execute` runs
    /// them itself before returning.
    public var defersCellEndHooks = false

    /// Runs the end-of-cell hooks of the last cell (when `defersCellEndHooks` is set). Returns
    /// the error a hook raised, to be reported as the cell's error, or nil.
    public func finishCell() -> CellError? {
        thread.run { CellRunner(interpreter: interpreter).runCellEndHooks() }
    }

    /// Evaluates one expression in the notebook's variables, as `user_expressions` asks:
    /// no execution count, no end-of-cell hooks, `_` unchanged. Returns the value's display
    /// as `result` (nil for a statement), or the error. Added for the kernel (issue 2).
    public func evaluate(_ expression: String) -> ExecutionOutcome {
        thread.run {
            do {
                let runner = CellRunner(interpreter: interpreter)
                guard let value = try runner.runCode(expression, location: "<user expression>") else {
                    return .success(result: nil, pages: [])
                }
                return .success(result: try interpreter.displayData(for: value), pages: [])
            } catch {
                return .failure(TracebackFormatter.cellError(PyError(converting: error), interpreter: interpreter))
            }
        }
    }

    /// Completions for the code before `cursor` (a code-point offset).
    public func complete(_ code: String, cursor: Int) -> Completion {
        thread.run { Completer(interpreter: interpreter).complete(code, cursor: cursor) }
    }

    /// Documentation for the name at `cursor`, or nil when nothing is found.
    public func inspect(_ code: String, cursor: Int, detailLevel: Int) -> DisplayData? {
        thread.run { Completer(interpreter: interpreter).inspect(code, cursor: cursor, detailLevel: detailLevel) }
    }

    /// Whether `code` is ready to run, as `is_complete_request` asks.
    public func isComplete(_ code: String) -> Completeness {
        thread.run { CompletenessCheck.check(code) }
    }
}

/// How a cell ended.
public enum ExecutionOutcome {
    /// Ran to the end. `result` is the final expression's display (nil after `;` or a
    /// statement); `pages` are texts for the pager (`name?`).
    case success(result: DisplayData?, pages: [DisplayData])
    case failure(CellError)
}

/// A Python-style error as the protocol's `error` content carries it.
public struct CellError: Error, Sendable, Equatable {
    public var name: String
    public var value: String
    public var traceback: [String]
    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }
}

/// The answer to a completion request; cursor positions are code-point offsets.
public struct Completion: Sendable, Equatable {
    public var matches: [String]
    public var cursorStart: Int
    public var cursorEnd: Int
    public init(matches: [String], cursorStart: Int, cursorEnd: Int) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
    }
}

/// The answer to an is-complete request.
public enum Completeness: Sendable, Equatable {
    case complete
    case incomplete(indent: String)
    case invalid
    case unknown
}
