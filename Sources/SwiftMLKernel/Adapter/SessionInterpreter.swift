import Eval
import KernelProtocol

/// Joins the protocol's interpreter interface to the cell language's `Session`: one method
/// per request, each a translation between the two sets of types. Lives on the shell thread.
final class SessionInterpreter: KernelProtocol.Interpreter {
    private let sink = SessionOutputSink()
    private let session: Session
    let interruptHandle: any InterruptHandle

    init() {
        session = Session(sink: sink)
        // Out[n] goes out before the figures a cell left open, as under IPython.
        session.defersCellEndHooks = true
        interruptHandle = SessionInterrupter(session: session)
    }

    func execute(_ request: ExecuteRequest, output: CellOutput) -> ExecuteOutcome {
        // An interrupt that arrived while no cell ran must not stop this one.
        session.cancellation.consume()
        sink.output = output
        defer { sink.output = nil }
        switch session.execute(request.code, executionCount: request.executionCount, silent: request.silent) {
        case .success(let result, let pages):
            if let result, !request.silent { output.publishExecutionResult(MimeBundle(result)) }
            if let hookError = session.finishCell() { return .error(ExecutionError(hookError)) }
            var payload: [ExecutePayload] = pages.map { .page(MimeBundle($0), start: 0) }
            if session.takeExitRequest() { payload.append(.askExit(keepKernel: false)) }
            return .ok(payload: payload, userExpressions: evaluate(request.userExpressions))
        case .failure(let error):
            // Figures drawn before the error are still shown (and closed), as matplotlib does.
            _ = session.finishCell()
            return .error(ExecutionError(error))
        }
    }

    /// `user_expressions`: each evaluated after the cell, as IPython does; output they print
    /// is dropped.
    private func evaluate(_ expressions: [String: String]) -> JSONObject {
        guard !expressions.isEmpty else { return [:] }
        let cellOutput = sink.output
        sink.output = nil
        defer { sink.output = cellOutput }
        var results: JSONObject = [:]
        for (name, expression) in expressions {
            switch session.evaluate(expression) {
            case .success(let result, _):
                let bundle = result.map(MimeBundle.init) ?? MimeBundle(data: [:])
                results[name] = ["status": "ok", "data": .object(bundle.data), "metadata": .object(bundle.metadata)]
            case .failure(let error):
                results[name] = [
                    "status": "error", "ename": .string(error.name), "evalue": .string(error.value),
                    "traceback": .array(error.traceback.map(JSONValue.string)),
                ]
            }
        }
        return results
    }

    func complete(code: String, cursorPosition: Int) -> CompletionReply {
        let completion = session.complete(code, cursor: cursorPosition)
        return CompletionReply(matches: completion.matches, cursorStart: completion.cursorStart, cursorEnd: completion.cursorEnd)
    }

    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> InspectionReply {
        InspectionReply(session.inspect(code, cursor: cursorPosition, detailLevel: detailLevel).map(MimeBundle.init))
    }

    func isComplete(code: String) -> CompletenessReply {
        switch session.isComplete(code) {
        case .complete: .complete
        case .incomplete(let indent): .incomplete(indent: indent)
        case .invalid: .invalid
        case .unknown: .unknown
        }
    }
}

/// Lets the control thread and the SIGINT watcher call `Session.interrupt()`.
///
/// `@unchecked Sendable`: `interrupt()` is the one member used through this handle, and
/// `Session` documents it as safe from any thread (it raises an atomic flag).
struct SessionInterrupter: InterruptHandle, @unchecked Sendable {
    let session: Session

    func interrupt() { session.interrupt() }
}

extension ExecutionError {
    init(_ error: CellError) {
        self.init(name: error.name, value: error.value, traceback: error.traceback)
    }
}

extension MimeBundle {
    /// The protocol's form of the language's display data.
    init(_ display: DisplayData) {
        self.init(
            data: display.data.mapValues(JSONValue.string),
            metadata: display.metadata.mapValues { .object($0.mapValues(JSONValue.int)) })
    }
}
