/// A language the kernel runs, in the spirit of xeus's interpreter: one method per request.
/// The protocol layer never learns what language it is.
///
/// Every method is called on the shell thread, one request at a time, so an interpreter needs
/// no locks. The only thing other threads may do is interrupt it, through `interruptHandle`.
public protocol Interpreter: AnyObject {
    /// How the control thread and the SIGINT handler stop a running cell.
    var interruptHandle: any InterruptHandle { get }

    /// Runs a cell. Output goes through `output` while it runs; the kernel publishes
    /// `execute_input` before and the `error` (for a failure) after, and sends the reply.
    func execute(_ request: ExecuteRequest, output: CellOutput) -> ExecuteOutcome

    /// Completions at `cursorPosition` (a code-point offset into `code`).
    func complete(code: String, cursorPosition: Int) -> CompletionReply

    /// Documentation for what is at `cursorPosition`; `detailLevel` is 0 or 1.
    func inspect(code: String, cursorPosition: Int, detailLevel: Int) -> InspectionReply

    /// Whether `code` is ready to run or needs more lines (consoles ask this on Enter).
    func isComplete(code: String) -> CompletenessReply
}

/// Stops a running cell. Called from the control thread and the signal watcher, so it must
/// be safe from any thread; it must return at once (the cell stops at its next poll).
public protocol InterruptHandle: Sendable {
    func interrupt()
}

/// An `execute_request`, with the count the kernel assigned to it.
public struct ExecuteRequest: Sendable, Equatable {
    public var code: String
    public var silent: Bool
    public var storeHistory: Bool
    public var allowStdin: Bool
    public var stopOnError: Bool
    /// Names and expressions to evaluate after the cell (`user_expressions`).
    public var userExpressions: [String: String]
    /// `In[n]`: the count this cell runs as (unchanged for silent or unstored executes).
    public var executionCount: Int

    public init(
        code: String, silent: Bool = false, storeHistory: Bool = true, allowStdin: Bool = false,
        stopOnError: Bool = true, userExpressions: [String: String] = [:], executionCount: Int
    ) {
        self.code = code
        self.silent = silent
        self.storeHistory = storeHistory
        self.allowStdin = allowStdin
        self.stopOnError = stopOnError
        self.userExpressions = userExpressions
        self.executionCount = executionCount
    }
}

/// How a cell ended.
public enum ExecuteOutcome: Sendable, Equatable {
    /// Ran to the end. `payload` holds pager pages; `userExpressions` the evaluated
    /// `user_expressions` (each `{status, data, metadata}` or an error), by name.
    case ok(payload: [ExecutePayload], userExpressions: JSONObject)
    case error(ExecutionError)
}

/// A Python-style error, as the protocol's `error` message and reply carry it.
public struct ExecutionError: Error, Sendable, Equatable {
    public var name: String
    public var value: String
    public var traceback: [String]

    public init(name: String, value: String, traceback: [String]) {
        self.name = name
        self.value = value
        self.traceback = traceback
    }

    /// The content of an `error` message or an error reply (`ename`, `evalue`, `traceback`).
    public var content: JSONObject {
        [
            "ename": .string(name),
            "evalue": .string(value),
            "traceback": .array(traceback.map(JSONValue.string)),
        ]
    }
}

/// An entry of `execute_reply.payload`.
public enum ExecutePayload: Sendable, Equatable {
    /// Text for the front end's pager (what `name?` shows), from line `start`.
    case page(MimeBundle, start: Int)
    /// Asks the front end to end the session (what `exit` does in IPython); with
    /// `keepKernel` false the front end also shuts the kernel down.
    case askExit(keepKernel: Bool)

    var json: JSONValue {
        switch self {
        case .page(let bundle, let start):
            ["source": "page", "data": .object(bundle.data), "start": .int(start)]
        case .askExit(let keepKernel):
            ["source": "ask_exit", "keepkernel": .bool(keepKernel)]
        }
    }
}

/// A MIME bundle: `data` maps MIME types to representations; `metadata` per-type details.
public struct MimeBundle: Sendable, Equatable {
    public var data: JSONObject
    public var metadata: JSONObject

    public init(data: JSONObject, metadata: JSONObject = [:]) {
        self.data = data
        self.metadata = metadata
    }

    /// A bundle holding only `text/plain`.
    public static func plainText(_ text: String) -> MimeBundle {
        MimeBundle(data: ["text/plain": .string(text)])
    }
}

/// The answer to a `complete_request`; cursor positions are code-point offsets.
public struct CompletionReply: Sendable, Equatable {
    public var matches: [String]
    public var cursorStart: Int
    public var cursorEnd: Int
    public var metadata: JSONObject

    public init(matches: [String], cursorStart: Int, cursorEnd: Int, metadata: JSONObject = [:]) {
        self.matches = matches
        self.cursorStart = cursorStart
        self.cursorEnd = cursorEnd
        self.metadata = metadata
    }
}

/// The answer to an `inspect_request`: nil when nothing was found.
public struct InspectionReply: Sendable, Equatable {
    public var bundle: MimeBundle?

    public init(_ bundle: MimeBundle?) {
        self.bundle = bundle
    }
}

/// The answer to an `is_complete_request`.
public enum CompletenessReply: Sendable, Equatable {
    case complete
    /// More lines are needed; `indent` is what the console should put at the next line.
    case incomplete(indent: String)
    case invalid
    case unknown
}
