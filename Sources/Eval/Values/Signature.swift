/// A function's parameters, written as Python writes them and parsed once at registration:
/// `"linspace(start, stop, num=50, endpoint=True, *, dtype=None)"`.
///
/// The same text is what `help()`, `name?` and completion of keyword arguments show. Defaults
/// are literals (numbers, strings, `True`/`False`/`None`, tuples, `[]`, `{}`); anything else
/// (`dtype=float`) is shown as written and bound as `None`, which the function then treats as
/// "not given".
public struct Signature: Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        case positionalOnly, positionalOrKeyword, keywordOnly, variadicPositional, variadicKeywords
    }

    public struct Parameter: Sendable {
        public var name: String
        public var kind: Kind
        /// The default's source text, or nil when the parameter is required.
        public var defaultText: String?
        var defaultLiteral: Literal?
    }

    public let name: String
    public let parameters: [Parameter]
    /// The parameters that get a slot in `BoundArguments.values` (all but `*args`, `**kwargs`).
    let named: [Parameter]
    let positionalCount: Int
    let hasVariadicPositional: Bool
    let hasVariadicKeywords: Bool

    /// Parses `text`, for example `"clip(a, a_min, a_max, /, out=None)"`. Throws a
    /// `SystemError` describing the problem when the text is not a signature.
    public init(_ text: String) throws {
        var parser = SignatureTextParser(text)
        let (name, parameters) = try parser.parse()
        self.init(name: name, parameters: parameters)
    }

    /// A signature built from parameters (used for user functions and lambdas).
    init(name: String, parameters: [Parameter]) {
        self.name = name
        self.parameters = parameters
        named = parameters.filter { $0.kind != .variadicPositional && $0.kind != .variadicKeywords }
        positionalCount = named.filter { $0.kind == .positionalOnly || $0.kind == .positionalOrKeyword }.count
        hasVariadicPositional = parameters.contains { $0.kind == .variadicPositional }
        hasVariadicKeywords = parameters.contains { $0.kind == .variadicKeywords }
    }

    /// `name(a, b=1, *args, **kwargs)`.
    public var description: String { "\(name)(\(parameterList))" }

    /// The parameter list without the name, as `inspect.signature` prints it.
    public var parameterList: String {
        var parts: [String] = []
        var sawKeywordOnlyMarker = false
        for (index, parameter) in parameters.enumerated() {
            switch parameter.kind {
            case .positionalOnly:
                parts.append(parameter.rendered)
                let next = index + 1 < parameters.count ? parameters[index + 1].kind : nil
                if next != .positionalOnly { parts.append("/") }
            case .positionalOrKeyword: parts.append(parameter.rendered)
            case .variadicPositional:
                parts.append("*\(parameter.name)")
                sawKeywordOnlyMarker = true
            case .keywordOnly:
                if !sawKeywordOnlyMarker { parts.append("*"); sawKeywordOnlyMarker = true }
                parts.append(parameter.rendered)
            case .variadicKeywords: parts.append("**\(parameter.name)")
            }
        }
        return parts.joined(separator: ", ")
    }

    /// Names a caller may pass by keyword, for completion inside a call.
    public var keywordNames: [String] {
        named.filter { $0.kind != .positionalOnly }.map(\.name)
    }

    func namedParameterIndex(_ name: String) -> Int? {
        named.firstIndex { $0.name == name }
    }

    /// Matches `arguments` to the parameters, with Python's rules and messages.
    public func bind(_ arguments: Arguments) throws -> BoundArguments {
        var values = [Value](repeating: .none, count: named.count)
        var given = [Bool](repeating: false, count: named.count)
        var extraPositional: [Value] = []
        var extraKeywords: [(name: String, value: Value)] = []

        let positional = arguments.positional
        if positional.count > positionalCount && !hasVariadicPositional {
            throw tooManyPositional(positional.count)
        }
        for (index, value) in positional.enumerated() {
            if index < positionalCount {
                values[index] = value
                given[index] = true
            } else {
                extraPositional.append(value)
            }
        }
        for (keyword, value) in arguments.keywords {
            if let index = namedParameterIndex(keyword), named[index].kind != .positionalOnly {
                if given[index] {
                    throw PyError(.typeError, "\(name)() got multiple values for argument '\(keyword)'")
                }
                values[index] = value
                given[index] = true
            } else if hasVariadicKeywords {
                if extraKeywords.contains(where: { $0.name == keyword }) {
                    throw PyError(.typeError, "\(name)() got multiple values for keyword argument '\(keyword)'")
                }
                extraKeywords.append((keyword, value))
            } else {
                throw PyError(.typeError, "\(name)() got an unexpected keyword argument '\(keyword)'")
            }
        }
        for index in named.indices where !given[index] {
            guard let literal = named[index].defaultLiteral else {
                throw PyError(.typeError, "\(name)() missing required argument '\(named[index].name)'")
            }
            values[index] = literal.value
        }
        var bound = BoundArguments(signature: self, values: values, given: given)
        bound.variadicPositional = extraPositional
        bound.variadicKeywords = extraKeywords
        return bound
    }

    func tooManyPositional(_ count: Int) -> PyError {
        let required = named.prefix(positionalCount).filter { $0.defaultLiteral == nil }.count
        let takes: String
        if required == positionalCount {
            takes = "\(positionalCount) positional argument\(positionalCount == 1 ? "" : "s")"
        } else {
            takes = "from \(required) to \(positionalCount) positional arguments"
        }
        let verb = count == 1 ? "was" : "were"
        return PyError(.typeError, "\(name)() takes \(takes) but \(count) \(verb) given")
    }
}

extension Signature.Parameter {
    var rendered: String {
        guard let defaultText else { return name }
        return "\(name)=\(defaultText)"
    }
}

/// A default value that can be stored in a `Sendable` signature and turned into a fresh
/// `Value` at each call.
enum Literal: Sendable {
    case none, bool(Bool), int(Int), float(Double), string(String)
    case tuple([Literal]), emptyList, emptyDict

    /// The literal form of a scalar (or a tuple of scalars), or nil for other values.
    init?(_ value: Value) {
        switch value {
        case .none: self = .none
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let f): self = .float(f)
        case .string(let s): self = .string(s)
        case .object(let tuple as TupleObject):
            var items: [Literal] = []
            for item in tuple.items {
                guard let literal = Literal(item) else { return nil }
                items.append(literal)
            }
            self = .tuple(items)
        default: return nil
        }
    }

    var value: Value {
        switch self {
        case .none: .none
        case .bool(let b): .bool(b)
        case .int(let i): .int(i)
        case .float(let f): .float(f)
        case .string(let s): .string(s)
        case .tuple(let items): .tuple(items.map(\.value))
        case .emptyList: .list([])
        case .emptyDict: .object(DictObject())
        }
    }
}

/// Reads the small language of signature texts.
struct SignatureTextParser {
    let scalars: [Unicode.Scalar]
    let text: String
    var position = 0

    init(_ text: String) {
        self.text = text
        scalars = Array(text.unicodeScalars)
    }

    func failure(_ what: String) -> PyError {
        PyError(.systemError, "bad signature \"\(text)\": \(what)")
    }

    mutating func skipSpace() {
        while position < scalars.count, scalars[position] == " " || scalars[position] == "\n" { position += 1 }
    }

    mutating func identifier() -> String? {
        skipSpace()
        let start = position
        while position < scalars.count,
              scalars[position].properties.isXIDContinue || scalars[position] == "." { position += 1 }
        return position > start ? String(String.UnicodeScalarView(scalars[start..<position])) : nil
    }

    mutating func consume(_ scalar: Unicode.Scalar) -> Bool {
        skipSpace()
        if position < scalars.count, scalars[position] == scalar { position += 1; return true }
        return false
    }

    mutating func parse() throws -> (String, [Signature.Parameter]) {
        guard let name = identifier() else { throw failure("expected a function name") }
        guard consume("(") else { throw failure("expected '(' after the name") }
        var parameters: [Signature.Parameter] = []
        var kind: Signature.Kind = .positionalOrKeyword
        while !consume(")") {
            if consume("/") {
                for index in parameters.indices where parameters[index].kind == .positionalOrKeyword {
                    parameters[index].kind = .positionalOnly
                }
            } else if consume("*") {
                if consume("*") {
                    guard let name = identifier() else { throw failure("expected a name after '**'") }
                    parameters.append(.init(name: name, kind: .variadicKeywords))
                } else if let name = identifier() {
                    parameters.append(.init(name: name, kind: .variadicPositional))
                    kind = .keywordOnly
                } else {
                    kind = .keywordOnly
                }
            } else {
                guard let name = identifier() else { throw failure("expected a parameter name") }
                var parameter = Signature.Parameter(name: name, kind: kind)
                if consume("=") {
                    let start = position
                    parameter.defaultLiteral = try literal()
                    let raw = String(String.UnicodeScalarView(scalars[start..<position]))
                    parameter.defaultText = raw.trimmingSpaces
                }
                parameters.append(parameter)
            }
            skipSpace()
            if consume(",") { continue }
            guard position < scalars.count, scalars[position] == ")" else { throw failure("expected ',' or ')'") }
        }
        return (name, parameters)
    }

    /// A literal default; non-literals (`float`, `np.float32`) are skipped and bind as None.
    mutating func literal() throws -> Literal {
        skipSpace()
        guard position < scalars.count else { throw failure("missing default") }
        let first = scalars[position]
        if first == "'" || first == "\"" {
            position += 1
            var body: [Unicode.Scalar] = []
            while position < scalars.count, scalars[position] != first {
                if scalars[position] == "\\", position + 1 < scalars.count {
                    body.append(scalars[position])
                    position += 1
                }
                body.append(scalars[position])
                position += 1
            }
            guard position < scalars.count else { throw failure("unterminated string default") }
            position += 1
            let text = (try? Scanner.unescape(body, at: SourcePosition(line: 1, column: 1))) ?? String(String.UnicodeScalarView(body))
            return .string(text)
        }
        if first == "(" {
            position += 1
            var items: [Literal] = []
            while !consume(")") {
                items.append(try literal())
                _ = consume(",")
                guard position < scalars.count else { throw failure("unterminated tuple default") }
            }
            return .tuple(items)
        }
        if first == "[" {
            position += 1
            guard consume("]") else { throw failure("only [] is allowed as a list default") }
            return .emptyList
        }
        if first == "{" {
            position += 1
            guard consume("}") else { throw failure("only {} is allowed as a dict default") }
            return .emptyDict
        }
        let start = position
        var depth = 0
        while position < scalars.count {
            let s = scalars[position]
            if depth == 0 && (s == "," || s == ")") { break }
            if s == "(" || s == "[" { depth += 1 }
            if s == ")" || s == "]" { depth -= 1 }
            position += 1
        }
        let word = String(String.UnicodeScalarView(scalars[start..<position])).trimmingSpaces
        switch word {
        case "None": return .none
        case "True": return .bool(true)
        case "False": return .bool(false)
        default:
            if let int = Int(word) { return .int(int) }
            if let double = Double(word) { return .float(double) }
            if word == "inf" { return .float(.infinity) }
            return .none
        }
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces, tabs and newlines.
    var trimmingSpaces: String {
        var scalars = Substring(self)
        while let first = scalars.first, first == " " || first == "\n" || first == "\t" || first == "\r" { scalars.removeFirst() }
        while let last = scalars.last, last == " " || last == "\n" || last == "\t" || last == "\r" { scalars.removeLast() }
        return String(scalars)
    }
}
