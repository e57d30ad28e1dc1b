import Eval
import KernelProtocol

/// The language's output sink, forwarding to the protocol's publish helpers of the cell
/// that is running. Outside a cell (and for `user_expressions`) output goes nowhere.
final class SessionOutputSink: OutputSink {
    /// The running cell's output; set by `SessionInterpreter` around each execute.
    var output: CellOutput?

    func writeStream(_ stream: OutputStreamName, text: String) {
        output?.publishStream(stream == .stderr ? .stderr : .stdout, text)
    }

    func display(_ output: DisplayData, displayID: String?, update: Bool) {
        if update, let displayID {
            self.output?.updateDisplayData(MimeBundle(output), displayID: displayID)
        } else {
            self.output?.displayData(MimeBundle(output), displayID: displayID)
        }
    }

    func clearOutput(wait: Bool) {
        output?.clearOutput(wait: wait)
    }

    func readInput(prompt: String, password: Bool) throws -> String {
        guard let output else { throw InputUnavailable("input() needs a running cell") }
        do {
            return try output.inputRequest(prompt: prompt, password: password)
        } catch .interrupted {
            // ipykernel raises KeyboardInterrupt when an interrupt ends a pending input().
            throw PyError(.keyboardInterrupt, "")
        } catch {
            throw InputUnavailable(error.description)
        }
    }
}
