/// What goes wrong in frame operations, with the exception class and message pandas gives,
/// so the binding can raise exactly what a pandas user sees.
public struct FrameError: Error, CustomStringConvertible, Sendable {
    public enum Kind: String, Sendable {
        case keyError = "KeyError", valueError = "ValueError", typeError = "TypeError"
        case indexError = "IndexError", fileNotFound = "FileNotFoundError"
        case parserError = "ParserError", emptyData = "EmptyDataError"
        case notImplemented = "NotImplementedError", intCastingNaN = "IntCastingNaNError"
    }
    public let kind: Kind
    public let message: String
    public init(_ kind: Kind, _ message: String) { self.kind = kind; self.message = message }
    public var description: String { "\(kind.rawValue): \(message)" }

    public static func value(_ m: String) -> FrameError { FrameError(.valueError, m) }
    public static func type(_ m: String) -> FrameError { FrameError(.typeError, m) }
    /// pandas' KeyError for a missing label: the message is the label's repr.
    public static func key(_ label: FrameScalar) -> FrameError { FrameError(.keyError, label.repr) }
    static let intCast = FrameError(.intCastingNaN, "Cannot convert non-finite values (NA or inf) to integer")
}
