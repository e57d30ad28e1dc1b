/// The inputs (and results) of this kernel's executes, for `history_request`. Kept in memory
/// for the life of the process, which is one history session.
///
/// The three access types follow IPython's history manager, which front ends expect:
/// `tail` (the last n entries), `range` (lines `start..<stop` of a session) and `search`
/// (a glob over inputs, optionally the last n, optionally one entry per distinct input).
public struct ExecutionHistory: Sendable {
    public struct Entry: Sendable, Equatable {
        public var line: Int
        public var input: String
        public var output: String?
    }

    /// The number this kernel's session has in history replies. Requests may also name the
    /// current session as 0; negative numbers (earlier sessions) find nothing.
    public static let session = 1

    public private(set) var entries: [Entry] = []

    public init() {}

    public mutating func record(line: Int, input: String, output: String?) {
        entries.append(Entry(line: line, input: input, output: output))
    }

    public func tail(_ count: Int) -> [Entry] {
        Array(entries.suffix(max(0, count)))
    }

    /// Lines `start..<stop` (to the end when `stop` is nil) of `session`.
    public func range(session: Int, start: Int, stop: Int?) -> [Entry] {
        guard session == 0 || session == Self.session else { return [] }
        return entries.filter { entry in entry.line >= start && (stop.map { entry.line < $0 } ?? true) }
    }

    /// Entries whose input matches `pattern`; with `count`, only the last that many; with
    /// `unique`, only the latest entry of each distinct input.
    public func search(pattern: GlobPattern, count: Int?, unique: Bool) -> [Entry] {
        var found = entries.filter { pattern.matches($0.input) }
        if unique {
            var seen = Set<String>()
            found = found.reversed().filter { seen.insert($0.input).inserted }.reversed()
        }
        if let count { found = Array(found.suffix(max(0, count))) }
        return found
    }

    /// The content of `history_reply` for a request's content.
    public func reply(to request: JSONObject) -> JSONObject {
        let output = request["output"]?.boolValue ?? false
        let found: [Entry]
        switch request["hist_access_type"]?.stringValue ?? "tail" {
        case "range":
            found = range(
                session: request["session"]?.intValue ?? 0, start: request["start"]?.intValue ?? 0,
                stop: request["stop"]?.intValue)
        case "search":
            found = search(
                pattern: GlobPattern(request["pattern"]?.stringValue ?? "*"), count: request["n"]?.intValue,
                unique: request["unique"]?.boolValue ?? false)
        default:
            found = tail(request["n"]?.intValue ?? 10)
        }
        let history: [JSONValue] = found.map { entry in
            let input: JSONValue = .string(entry.input)
            let recorded: JSONValue = output ? [input, entry.output.map(JSONValue.string) ?? .null] : input
            return [.int(Self.session), .int(entry.line), recorded]
        }
        return ["status": "ok", "history": .array(history)]
    }
}
