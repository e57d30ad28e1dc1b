/// Where a running cell sends what it shows. The kernel implements this over IOPub and stdin;
/// tests implement it by collecting. All calls come from the thread running the cell.
public protocol OutputSink: AnyObject {
    /// Text for the `stdout` or `stderr` stream. The kernel buffers and flushes it.
    func writeStream(_ stream: OutputStreamName, text: String)
    /// A rich output. With a `displayID`, later calls with `update: true` replace it in place.
    func display(_ output: DisplayData, displayID: String?, update: Bool)
    /// Clears the cell's output, now or (with `wait`) when the next output arrives.
    func clearOutput(wait: Bool)
    /// Asks the front end for a line of input. Throws `InputUnavailable` when the front end
    /// does not accept input (`allow_stdin` false) or the request was interrupted.
    func readInput(prompt: String, password: Bool) throws -> String
}

public enum OutputStreamName: String, Sendable {
    case stdout, stderr
}

/// The front end cannot supply input for this cell.
public struct InputUnavailable: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// A MIME bundle: `data` maps a MIME type to its text (base64 for binary types such as
/// `image/png`); `metadata` holds per-type numbers such as an image's `width` and `height`.
public struct DisplayData: Sendable, Equatable {
    public var data: [String: String]
    public var metadata: [String: [String: Int]]

    public init(data: [String: String], metadata: [String: [String: Int]] = [:]) {
        self.data = data
        self.metadata = metadata
    }
}
