/// A token of the cell language, with the position where it starts.
struct Token {
    enum Kind: Equatable {
        case name(String)
        case int(Int)
        case float(Double)
        case string(String)
        /// An f-string's raw body; the parser splits it into text and expressions.
        case formatString(FormatStringBody)
        case op(String)
        case newline
        case indent
        case dedent
        case endOfInput
    }

    var kind: Kind
    var line: Int
    var column: Int
    /// Synthesised at the end of the input (the final dedents and end marker), so a syntax
    /// error here means "more input could complete this".
    var atEnd = false

    var position: SourcePosition { SourcePosition(line: line, column: column) }
}

/// The body of an f-string as written, with where it starts (for positions of errors inside).
struct FormatStringBody: Equatable {
    var text: [Unicode.Scalar]
    var isRaw: Bool
    var line: Int
    var column: Int
}

/// A 1-based line and column (in code points) in a cell.
public struct SourcePosition: Sendable, Equatable, Hashable {
    public var line: Int
    public var column: Int
    public init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}

/// A syntax error found by the scanner or the parser.
struct SyntaxErrorInfo: Error {
    var message: String
    var position: SourcePosition
    /// Whether the input ended before the construct did (an open bracket, an unterminated
    /// triple-quoted string, a block header with no body yet): more input could fix it.
    var atEnd: Bool
    /// The kind of error: `SyntaxError`, `IndentationError`, or `NotImplementedError` for
    /// constructs the language recognises but does not support.
    var kind: PyErrorKind = .syntaxError
}
