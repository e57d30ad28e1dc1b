/// Turns a cell into tokens, with Python's rules for indentation (INDENT/DEDENT), implicit
/// line joining inside brackets, backslash continuation, comments and string literals.
struct Scanner {
    let source: [Unicode.Scalar]
    private var position = 0
    private var line = 1
    private var lineStart = 0
    private var indentStack: [Int] = [0]
    private var bracketStack: [(Unicode.Scalar, SourcePosition)] = []
    private var atLineStart = true
    private var tokens: [Token] = []
    /// The indentation width of the last line that held code.
    private(set) var lastCodeIndent = 0

    init(_ text: String) {
        source = Array(text.unicodeScalars)
    }

    static let operators: [String] = [
        "**=", "//=", ">>=", "<<=", "...", "->", ":=", "**", "//", "<<", ">>", "<=", ">=", "==", "!=",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "+", "-", "*", "/", "%", "@", "&", "|", "^", "~", "<", ">", "(", ")", "[", "]", "{", "}",
        ",", ":", ".", ";", "=", "!",
    ]

    private var column: Int { position - lineStart + 1 }
    private var here: SourcePosition { SourcePosition(line: line, column: column) }

    private func peek(_ offset: Int = 0) -> Unicode.Scalar? {
        let index = position + offset
        return index < source.count ? source[index] : nil
    }

    private func error(_ message: String, at position: SourcePosition? = nil, atEnd: Bool = false,
                       kind: PyErrorKind = .syntaxError) -> SyntaxErrorInfo {
        SyntaxErrorInfo(message: message, position: position ?? here, atEnd: atEnd, kind: kind)
    }

    private mutating func newLine() {
        line += 1
        lineStart = position
    }

    /// All tokens of the cell, ending with NEWLINE (if the last line had code), the closing
    /// DEDENTs and the end marker.
    mutating func scan() throws -> [Token] {
        while position < source.count {
            if atLineStart {
                try scanIndentation()
                continue
            }
            let c = source[position]
            switch c {
            case " ", "\t", "\u{0C}":
                position += 1
            case "#":
                while let s = peek(), s != "\n" && s != "\r" { position += 1 }
            case "\r", "\n":
                if c == "\r" && peek(1) == "\n" { position += 1 }
                position += 1
                if bracketStack.isEmpty {
                    append(.newline, at: SourcePosition(line: line, column: position - lineStart))
                    atLineStart = true
                }
                newLine()
            case "\\":
                guard peek(1) == "\n" || peek(1) == "\r" || peek(1) == nil else {
                    throw error("unexpected character after line continuation character")
                }
                if peek(1) == nil {
                    throw error("unexpected EOF while scanning: a line ending in '\\' needs another line", atEnd: true)
                }
                position += 1
                if peek() == "\r" && peek(1) == "\n" { position += 1 }
                position += 1
                newLine()
            default:
                try scanToken(c)
            }
        }
        if let (open, at) = bracketStack.last {
            throw error("'\(open)' was never closed", at: at, atEnd: true)
        }
        if !atLineStart, let last = tokens.last, last.kind != .newline {
            var newline = Token(kind: .newline, line: line, column: column)
            newline.atEnd = true
            tokens.append(newline)
        }
        while indentStack.count > 1 {
            indentStack.removeLast()
            var dedent = Token(kind: .dedent, line: line, column: column)
            dedent.atEnd = true
            tokens.append(dedent)
        }
        var end = Token(kind: .endOfInput, line: line, column: column)
        end.atEnd = true
        tokens.append(end)
        return tokens
    }

    private mutating func append(_ kind: Token.Kind, at position: SourcePosition) {
        tokens.append(Token(kind: kind, line: position.line, column: position.column))
    }

    /// Measures a line's indentation and emits INDENT/DEDENT; blank and comment-only lines
    /// do not count.
    private mutating func scanIndentation() throws {
        var width = 0
        while let s = peek(), s == " " || s == "\t" || s == "\u{0C}" {
            width = s == "\t" ? (width / 8 + 1) * 8 : (s == " " ? width + 1 : 0)
            position += 1
        }
        guard let s = peek() else { return }
        if s == "#" || s == "\n" || s == "\r" {
            atLineStart = false
            if s == "#" { while let c = peek(), c != "\n" && c != "\r" { position += 1 } }
            // A blank line: consume its newline without producing a NEWLINE token.
            if let c = peek() {
                if c == "\r" && peek(1) == "\n" { position += 1 }
                position += 1
                newLine()
            }
            atLineStart = true
            return
        }
        atLineStart = false
        lastCodeIndent = width
        let current = indentStack[indentStack.count - 1]
        if width > current {
            indentStack.append(width)
            append(.indent, at: SourcePosition(line: line, column: 1))
        } else if width < current {
            while let top = indentStack.last, width < top {
                indentStack.removeLast()
                append(.dedent, at: SourcePosition(line: line, column: width + 1))
            }
            if indentStack.last != width {
                throw error("unindent does not match any outer indentation level",
                            at: SourcePosition(line: line, column: width + 1), kind: .indentationError)
            }
        }
    }

    private mutating func scanToken(_ c: Unicode.Scalar) throws {
        let start = here
        if c.properties.isXIDStart || c == "_" {
            let begin = position
            while let s = peek(), s.properties.isXIDContinue { position += 1 }
            let word = String(String.UnicodeScalarView(source[begin..<position]))
            if let quote = peek(), quote == "'" || quote == "\"", let prefix = StringPrefix(word) {
                try scanString(prefix: prefix, start: start)
                return
            }
            append(.name(word), at: start)
            return
        }
        if c.properties.numericType == .decimal && c.isASCII || (c == "." && (peek(1).map { $0.isASCII && $0.properties.numericType == .decimal } ?? false)) {
            try scanNumber(start: start)
            return
        }
        if c == "'" || c == "\"" {
            try scanString(prefix: StringPrefix(), start: start)
            return
        }
        for op in Scanner.operators where matches(op) {
            position += op.unicodeScalars.count
            switch op {
            case "(", "[", "{":
                bracketStack.append((op.unicodeScalars.first ?? "(", start))
            case ")", "]", "}":
                guard let (open, _) = bracketStack.popLast() else {
                    throw error("unmatched '\(op)'", at: start)
                }
                let expected: Unicode.Scalar = open == "(" ? ")" : open == "[" ? "]" : "}"
                if op.unicodeScalars.first != expected {
                    throw error("closing parenthesis '\(op)' does not match opening parenthesis '\(open)'", at: start)
                }
            case "!":
                throw error("invalid syntax", at: start)
            default: break
            }
            append(.op(op), at: start)
            return
        }
        if c == "$" || c == "?" || c == "`" {
            throw error("invalid syntax", at: start)
        }
        throw error("invalid character '\(Character(c))' (U+\(String(c.value, radix: 16, uppercase: true)))", at: start)
    }

    private func matches(_ op: String) -> Bool {
        var index = position
        for scalar in op.unicodeScalars {
            guard index < source.count, source[index] == scalar else { return false }
            index += 1
        }
        return true
    }

    private mutating func scanNumber(start: SourcePosition) throws {
        let begin = position
        func digits(_ isDigit: (Unicode.Scalar) -> Bool) {
            while let s = peek(), isDigit(s) || (s == "_" && peek(1).map(isDigit) == true) { position += 1 }
        }
        let isDecimal: (Unicode.Scalar) -> Bool = { $0.isASCII && $0.properties.numericType == .decimal }
        if peek() == "0", let x = peek(1), "xXoObB".unicodeScalars.contains(x) {
            position += 2
            let radix = (x == "x" || x == "X") ? 16 : (x == "o" || x == "O") ? 8 : 2
            let digitsStart = position
            digits { $0.isASCII && Int(String($0), radix: radix) != nil }
            let text = String(String.UnicodeScalarView(source[digitsStart..<position])).replacingUnderscores
            guard let value = Int(text, radix: radix) else {
                throw error(text.isEmpty ? "invalid \(radix == 16 ? "hexadecimal" : radix == 8 ? "octal" : "binary") literal" : "integer literal too large (integers here are 64-bit)", at: start)
            }
            append(.int(value), at: start)
            return
        }
        var isFloat = false
        digits(isDecimal)
        if peek() == "." {
            isFloat = true
            position += 1
            digits(isDecimal)
        }
        if let e = peek(), e == "e" || e == "E" {
            let sign = peek(1)
            let hasSign = sign == "+" || sign == "-"
            if let d = peek(hasSign ? 2 : 1), isDecimal(d) {
                isFloat = true
                position += hasSign ? 2 : 1
                digits(isDecimal)
            }
        }
        if let j = peek(), j == "j" || j == "J" {
            throw error("complex numbers are not supported", at: start, kind: .notImplementedError)
        }
        if let s = peek(), s.properties.isXIDStart {
            throw error("invalid decimal literal", at: start)
        }
        let text = String(String.UnicodeScalarView(source[begin..<position])).replacingUnderscores
        if isFloat {
            append(.float(Double(text) ?? .nan), at: start)
        } else {
            if text.count > 1 && text.hasPrefix("0") && text.contains(where: { $0 != "0" }) {
                throw error("leading zeros in decimal integer literals are not permitted; use an 0o prefix for octal integers", at: start)
            }
            guard let value = Int(text) else {
                throw error("integer literal too large (integers here are 64-bit)", at: start, kind: .notImplementedError)
            }
            append(.int(value), at: start)
        }
    }

    private mutating func scanString(prefix: StringPrefix, start: SourcePosition) throws {
        guard let quote = peek() else { return }
        let triple = peek(1) == quote && peek(2) == quote
        position += triple ? 3 : 1
        var body: [Unicode.Scalar] = []
        let bodyLine = line
        let bodyColumn = column
        while true {
            guard let s = peek() else {
                if triple { throw error("unterminated triple-quoted string literal (detected at line \(line))", at: start, atEnd: true) }
                throw error("unterminated string literal (detected at line \(line))", at: start)
            }
            if s == quote && (!triple || (peek(1) == quote && peek(2) == quote)) {
                position += triple ? 3 : 1
                break
            }
            if s == "\\" {
                guard let next = peek(1) else { position += 1; continue }
                body.append(s)
                body.append(next)
                position += 2
                if next == "\n" { newLine() }
                if next == "\r" {
                    if peek() == "\n" { body.append("\n"); position += 1 }
                    newLine()
                }
                continue
            }
            if s == "\n" || s == "\r" {
                guard triple else {
                    throw error("unterminated string literal (detected at line \(line))", at: start)
                }
                body.append("\n")
                if s == "\r" && peek(1) == "\n" { position += 1 }
                position += 1
                newLine()
                continue
            }
            body.append(s)
            position += 1
        }
        if prefix.isBytes {
            throw error("bytes literals are not supported", at: start, kind: .notImplementedError)
        }
        if prefix.isFormat {
            append(.formatString(FormatStringBody(text: body, isRaw: prefix.isRaw, line: bodyLine, column: bodyColumn)), at: start)
        } else {
            let text = prefix.isRaw ? String(String.UnicodeScalarView(body)) : try Scanner.unescape(body, at: start)
            append(.string(text), at: start)
        }
    }

    /// Interprets backslash escapes (`\n`, `\t`, `\x41`, `\u00e9`, `\N{...}` kept as is).
    static func unescape(_ body: [Unicode.Scalar], at position: SourcePosition) throws -> String {
        var result = String.UnicodeScalarView()
        var i = 0
        func hexValue(_ count: Int, _ name: String) throws -> Unicode.Scalar {
            guard i + count < body.count + 1 else {
                throw SyntaxErrorInfo(message: "(unicode error) truncated \\\(name) escape", position: position, atEnd: false)
            }
            let digits = String(String.UnicodeScalarView(body[i..<min(i + count, body.count)]))
            guard digits.count == count, let value = UInt32(digits, radix: 16), let scalar = Unicode.Scalar(value) else {
                throw SyntaxErrorInfo(message: "(unicode error) truncated \\\(name) escape", position: position, atEnd: false)
            }
            i += count
            return scalar
        }
        while i < body.count {
            let s = body[i]
            guard s == "\\", i + 1 < body.count else { result.append(s); i += 1; continue }
            let e = body[i + 1]
            i += 2
            switch e {
            case "n": result.append("\n")
            case "t": result.append("\t")
            case "r": result.append("\r")
            case "\\": result.append("\\")
            case "'": result.append("'")
            case "\"": result.append("\"")
            case "a": result.append("\u{07}")
            case "b": result.append("\u{08}")
            case "f": result.append("\u{0C}")
            case "v": result.append("\u{0B}")
            case "\n": break
            case "x": result.append(try hexValue(2, "xXX"))
            case "u": result.append(try hexValue(4, "uXXXX"))
            case "U": result.append(try hexValue(8, "UXXXXXXXX"))
            case "0"..."7":
                var value = e.value - 48
                var count = 1
                while count < 3, i < body.count, ("0"..."7").contains(body[i]) {
                    value = value * 8 + body[i].value - 48
                    i += 1
                    count += 1
                }
                result.append(Unicode.Scalar(value) ?? "?")
            default:
                result.append("\\")
                result.append(e)
            }
        }
        return String(result)
    }
}

/// The letters before a string's opening quote.
struct StringPrefix {
    var isRaw = false
    var isFormat = false
    var isBytes = false

    init() {}

    init?(_ word: String) {
        let lower = word.lowercased()
        guard lower.count <= 2, lower.allSatisfy({ "rfbu".contains($0) }), Set(lower).count == lower.count else { return nil }
        if lower.contains("u") && lower.count > 1 { return nil }
        if lower.contains("f") && lower.contains("b") { return nil }
        isRaw = lower.contains("r")
        isFormat = lower.contains("f")
        isBytes = lower.contains("b")
    }
}

extension String {
    var replacingUnderscores: String { filter { $0 != "_" } }
}
