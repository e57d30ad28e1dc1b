/// Splits an f-string body into literal text and replacement fields, parsing each field's
/// expression with the ordinary parser.
enum FormatStringParser {
    static func parse(_ body: FormatStringBody) throws -> [FormatPart] {
        var reader = Reader(body: body)
        return try reader.parts(untilClosingBrace: false)
    }

    struct Reader {
        let body: FormatStringBody
        var i = 0
        var text: [Unicode.Scalar] { body.text }

        init(body: FormatStringBody) { self.body = body }

        /// Position of scalar `offset` of the body in the cell.
        func position(_ offset: Int) -> SourcePosition {
            var line = body.line
            var column = body.column
            for scalar in text[0..<min(offset, text.count)] {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return SourcePosition(line: line, column: column)
        }

        func failure(_ message: String, _ offset: Int) -> SyntaxErrorInfo {
            SyntaxErrorInfo(message: "f-string: \(message)", position: position(offset), atEnd: false)
        }

        mutating func literal(_ scalars: [Unicode.Scalar], at offset: Int) throws -> FormatPart {
            if body.isRaw { return .text(String(String.UnicodeScalarView(scalars))) }
            return .text(try Scanner.unescape(scalars, at: position(offset)))
        }

        /// Text and fields up to the end (or, inside a spec, up to the closing `}`).
        mutating func parts(untilClosingBrace: Bool) throws -> [FormatPart] {
            var parts: [FormatPart] = []
            var pending: [Unicode.Scalar] = []
            var pendingStart = i
            func flush(_ parts: inout [FormatPart], _ reader: inout Reader) throws {
                if !pending.isEmpty { parts.append(try reader.literal(pending, at: pendingStart)) }
                pending = []
            }
            while i < text.count {
                let c = text[i]
                if c == "{" {
                    if !untilClosingBrace && i + 1 < text.count && text[i + 1] == "{" {
                        pending.append("{")
                        i += 2
                        continue
                    }
                    try flush(&parts, &self)
                    parts.append(try field())
                    pendingStart = i
                    continue
                }
                if c == "}" {
                    if untilClosingBrace { break }
                    if i + 1 < text.count && text[i + 1] == "}" {
                        pending.append("}")
                        i += 2
                        continue
                    }
                    throw failure("single '}' is not allowed", i)
                }
                if c == "\\" && !body.isRaw && i + 1 < text.count {
                    // Keep escapes (including an escaped brace-free backslash pair) for unescape.
                    pending.append(c)
                    pending.append(text[i + 1])
                    i += 2
                    continue
                }
                pending.append(c)
                i += 1
            }
            try flush(&parts, &self)
            return parts
        }

        /// `{expr[=][!conversion][:spec]}` starting at the `{`.
        mutating func field() throws -> FormatPart {
            let open = i
            i += 1
            let start = i
            var depth = 0
            var quote: Unicode.Scalar?
            var end = -1
            while i < text.count {
                let c = text[i]
                if let q = quote {
                    if c == q { quote = nil }
                    i += 1
                    continue
                }
                switch c {
                case "'", "\"": quote = c
                case "(", "[", "{": depth += 1
                case ")", "]": depth -= 1
                case "}":
                    if depth == 0 { end = i } else { depth -= 1 }
                case "!":
                    if depth == 0 && !(i + 1 < text.count && text[i + 1] == "=") { end = i }
                case ":":
                    if depth == 0 { end = i }
                case "\\":
                    throw failure("expression part cannot include a backslash", i)
                default: break
                }
                if end >= 0 { break }
                i += 1
            }
            guard end >= 0 else { throw failure("expecting '}'", open) }
            var expressionEnd = end
            var debugText: String?
            // `{expr=}`: the expression text followed by '=' is echoed before the value.
            var k = end - 1
            while k >= start && text[k] == " " { k -= 1 }
            if k >= start && text[k] == "=" && !(k > start && "=!<>".unicodeScalars.contains(text[k - 1])) {
                debugText = String(String.UnicodeScalarView(text[start..<end]))
                expressionEnd = k
            }
            let source = String(String.UnicodeScalarView(text[start..<expressionEnd]))
            if source.allSatisfy({ $0 == " " || $0 == "\n" }) {
                throw failure("valid expression required before '}'", start)
            }
            let expression = try parseExpression(source, at: position(start))
            var conversion: Character?
            if text[i] == "!" {
                i += 1
                guard i < text.count, "rsa".unicodeScalars.contains(text[i]) else {
                    throw failure("invalid conversion character: expected 's', 'r', or 'a'", i)
                }
                conversion = Character(text[i])
                i += 1
            }
            var spec: [FormatPart] = []
            if i < text.count && text[i] == ":" {
                i += 1
                spec = try parts(untilClosingBrace: true)
            }
            guard i < text.count, text[i] == "}" else { throw failure("expecting '}'", open) }
            i += 1
            if debugText != nil && conversion == nil && spec.isEmpty { conversion = "r" }
            return .field(expression, conversion: conversion, spec: spec, debugText: debugText)
        }

        func parseExpression(_ source: String, at position: SourcePosition) throws -> Expr {
            var scanner = Scanner("(" + source + ")")
            var tokens: [Token]
            do { tokens = try scanner.scan() } catch var info as SyntaxErrorInfo {
                info.message = "f-string: " + info.message
                info.position = position
                info.atEnd = false
                throw info
            }
            for index in tokens.indices {
                if tokens[index].line == 1 {
                    tokens[index].column += position.column - 2
                }
                tokens[index].line += position.line - 1
                tokens[index].atEnd = false
            }
            var parser = Parser(tokens: tokens)
            let expression = try parser.parseStarExpressionList()
            guard parser.current.kind == .newline || parser.current.kind == .endOfInput else {
                throw SyntaxErrorInfo(message: "f-string: invalid syntax", position: parser.current.position, atEnd: false)
            }
            return expression
        }
    }
}
