/// What a running cell publishes, bound to its `execute_request`: the publish helpers of
/// xeus's interpreter base (stream, display data, update, execution result, clear output,
/// input). Lives for one execute: used on the shell thread, or on the thread the interpreter
/// runs the cell on while the shell thread waits for it; not from two threads at once.
///
/// For a silent execute every publish is dropped, as the messaging specification asks.
public final class CellOutput {
    /// The `execute_request` this output belongs to (the parent of every message).
    public let request: Message
    /// `In[n]` of the running cell.
    public let executionCount: Int
    public let silent: Bool
    public let allowStdin: Bool
    private let publisher: IOPubPublisher
    private let stdin: StdinChannel?
    private(set) var wroteStream = false
    /// The `text/plain` of the execution result, for history requests with `output`.
    private(set) var resultText: String?

    init(request: Message, executionCount: Int, silent: Bool, allowStdin: Bool, publisher: IOPubPublisher, stdin: StdinChannel?) {
        self.request = request
        self.executionCount = executionCount
        self.silent = silent
        self.allowStdin = allowStdin
        self.publisher = publisher
        self.stdin = stdin
    }

    public enum StreamName: String, Sendable {
        case stdout, stderr
    }

    /// Text on stdout or stderr, buffered and sent within 50 ms (and before the reply).
    public func publishStream(_ name: StreamName, _ text: String) {
        guard !silent, !text.isEmpty else { return }
        wroteStream = true
        publisher.stream(name.rawValue, text: text, parent: request)
    }

    /// A rich output. With a `displayID`, later `updateDisplayData` calls replace it.
    public func displayData(_ bundle: MimeBundle, displayID: String? = nil) {
        guard !silent else { return }
        publisher.publish("display_data", content: content(bundle, displayID: displayID), parent: request)
    }

    /// Replaces the output shown earlier with `displayID`, wherever it is.
    public func updateDisplayData(_ bundle: MimeBundle, displayID: String) {
        guard !silent else { return }
        publisher.publish("update_display_data", content: content(bundle, displayID: displayID), parent: request)
    }

    /// The cell's result (`Out[n]`).
    public func publishExecutionResult(_ bundle: MimeBundle) {
        guard !silent else { return }
        resultText = bundle.data["text/plain"]?.stringValue
        var content = content(bundle, displayID: nil)
        content["execution_count"] = .int(executionCount)
        publisher.publish("execute_result", content: content, parent: request)
    }

    /// Clears the cell's output now, or with `wait` when the next output arrives.
    public func clearOutput(wait: Bool) {
        guard !silent else { return }
        publisher.publish("clear_output", content: ["wait": .bool(wait)], parent: request)
    }

    /// Asks the front end for a line of input. Stream text printed before (the prompt's
    /// context) is sent first.
    public func inputRequest(prompt: String, password: Bool) throws(InputRequestError) -> String {
        guard allowStdin, let stdin else { throw .notAllowed }
        if wroteStream { publisher.flushStreams() }
        return try stdin.requestInput(prompt: prompt, password: password, parent: request)
    }

    private func content(_ bundle: MimeBundle, displayID: String?) -> JSONObject {
        var content: JSONObject = ["data": .object(bundle.data), "metadata": .object(bundle.metadata)]
        if let displayID { content["transient"] = ["display_id": .string(displayID)] }
        return content
    }
}
