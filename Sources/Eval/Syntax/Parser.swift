/// A recursive-descent parser for the cell language: tokens in, statements out.
///
/// Errors carry the position of the offending token and whether the input ended first (so
/// `is_complete` can answer from the parser's own state). Constructs the language knows but
/// does not run (`async`, `match`) are reported as `NotImplementedError`.
struct Parser {
    var tokens: [Token]
    var index = 0
    var nesting = 0
    /// Inside a `def` body (where `return` is allowed).
    var functionDepth = 0
    var loopDepth = 0

    static let maximumNesting = 200
    /// Operators chained in one simple statement (`1+1+...`, `a.b.c...`, `f()()...`). Each
    /// deepens the tree the compiler and evaluator walk recursively; past this a chain of
    /// 10**5 would overflow the stack instead of raising an error.
    var chainLinks = 0
    static let maximumChainLinks = 10_000

    static let keywords: Set<String> = [
        "False", "None", "True", "and", "as", "assert", "async", "await", "break", "class", "continue",
        "def", "del", "elif", "else", "except", "finally", "for", "from", "global", "if", "import",
        "in", "is", "lambda", "nonlocal", "not", "or", "pass", "raise", "return", "try", "while",
        "with", "yield",
    ]

    init(tokens: [Token]) {
        self.tokens = tokens
    }

    /// Parses a whole cell.
    static func parse(_ source: String) throws -> [Stmt] {
        var scanner = Scanner(source)
        var parser = Parser(tokens: try scanner.scan())
        return try parser.parseFile()
    }

    // MARK: Token access

    var current: Token { tokens[index] }

    func peekKind(_ offset: Int = 1) -> Token.Kind {
        let i = min(index + offset, tokens.count - 1)
        return tokens[i].kind
    }

    mutating func advance() -> Token {
        let token = tokens[index]
        if index < tokens.count - 1 { index += 1 }
        return token
    }

    func isOp(_ op: String) -> Bool {
        if case .op(let o) = current.kind { return o == op }
        return false
    }

    func isKeyword(_ word: String) -> Bool {
        if case .name(let n) = current.kind { return n == word }
        return false
    }

    mutating func acceptOp(_ op: String) -> Bool {
        if isOp(op) { _ = advance(); return true }
        return false
    }

    mutating func acceptKeyword(_ word: String) -> Bool {
        if isKeyword(word) { _ = advance(); return true }
        return false
    }

    func error(_ message: String, at token: Token? = nil) -> SyntaxErrorInfo {
        let token = token ?? current
        return SyntaxErrorInfo(message: message, position: token.position,
                               atEnd: token.atEnd && token.kind != .newline)
    }

    func notSupported(_ message: String, at token: Token? = nil) -> SyntaxErrorInfo {
        var info = error(message, at: token)
        info.kind = .notImplementedError
        info.atEnd = false
        return info
    }

    /// `invalid syntax`, or a more helpful message for common slips.
    func unexpected(_ expecting: String? = nil) -> SyntaxErrorInfo {
        switch current.kind {
        case .endOfInput:
            return error("unexpected EOF while parsing")
        case .dedent where current.atEnd:
            return error("unexpected EOF while parsing")
        case .indent:
            var info = error("unexpected indent")
            info.kind = .indentationError
            return info
        default:
            if let expecting { return error("expected \(expecting)") }
            return error("invalid syntax")
        }
    }

    mutating func expectOp(_ op: String) throws {
        guard acceptOp(op) else {
            if op == ")" || op == "]" || op == "}" {
                switch current.kind {
                case .int, .bigInt, .float, .string, .formatString:
                    throw error("invalid syntax. Perhaps you forgot a comma?")
                case .name(let name) where !Parser.keywords.contains(name):
                    throw error("invalid syntax. Perhaps you forgot a comma?")
                default: break
                }
            }
            throw unexpected("'\(op)'")
        }
    }

    mutating func expectName() throws -> String {
        if case .name(let n) = current.kind, !Parser.keywords.contains(n) {
            _ = advance()
            return n
        }
        if case .name(let n) = current.kind {
            throw error("invalid syntax: '\(n)' is a keyword")
        }
        throw unexpected("a name")
    }

    // MARK: Statements

    mutating func parseFile() throws -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            switch current.kind {
            case .endOfInput: return statements
            case .newline: _ = advance()
            case .indent:
                var info = error("unexpected indent")
                info.kind = .indentationError
                throw info
            case .dedent: _ = advance()
            default: statements.append(contentsOf: try parseStatement())
            }
        }
    }

    /// One statement, or several simple statements separated by `;`.
    mutating func parseStatement() throws -> [Stmt] {
        if case .name(let word) = current.kind {
            switch word {
            case "if": return [try parseIf()]
            case "while": return [try parseWhile()]
            case "for": return [try parseFor()]
            case "def": return [try parseFunctionDefinition(decorators: [])]
            case "try": return [try parseTry()]
            case "with": return [try parseWith()]
            case "class": return [try parseClassDefinition(decorators: [])]
            case "async": throw notSupported("'async' is not supported")
            case "match" where isMatchStatement:
                throw notSupported("'match' statements are not supported")
            default: break
            }
        }
        if isOp("@") { return [try parseDecorated()] }
        return try parseSimpleStatements()
    }

    var isMatchStatement: Bool {
        // `match x:` at the start of a line, as opposed to a variable called match.
        if case .name = peekKind(), !isOpKind(peekKind(), "="), !isOpKind(peekKind(), "(") {
            var i = index + 1
            while i < tokens.count, tokens[i].kind != .newline {
                if case .op(":") = tokens[i].kind, i + 1 < tokens.count, tokens[i + 1].kind == .newline { return true }
                i += 1
            }
        }
        return false
    }

    func isOpKind(_ kind: Token.Kind, _ op: String) -> Bool {
        if case .op(let o) = kind { return o == op }
        return false
    }

    mutating func parseSimpleStatements() throws -> [Stmt] {
        var statements = [try parseSimpleStatement()]
        while acceptOp(";") {
            if current.kind == .newline || current.kind == .endOfInput { break }
            statements.append(try parseSimpleStatement())
        }
        guard current.kind == .newline || current.kind == .endOfInput else { throw unexpected() }
        if current.kind == .newline { _ = advance() }
        return statements
    }

    /// A block after a header; `header` names it for the IndentationError ("'if' statement"),
    /// `line` is the header's line.
    mutating func parseBlock(_ header: String, line: Int) throws -> [Stmt] {
        try expectOp(":")
        if current.kind != .newline {
            // A body on the same line: `if x: y = 1; z = 2`.
            return try parseSimpleStatements()
        }
        _ = advance()
        guard current.kind == .indent else {
            var info = error("expected an indented block after \(header) on line \(line)")
            info.kind = .indentationError
            info.atEnd = current.atEnd
            throw info
        }
        _ = advance()
        var body: [Stmt] = []
        while current.kind != .dedent && current.kind != .endOfInput {
            if current.kind == .newline { _ = advance(); continue }
            body.append(contentsOf: try parseStatement())
        }
        if current.kind == .dedent { _ = advance() }
        return body
    }

    mutating func parseIf() throws -> Stmt {
        let start = advance()
        var branches = [(condition: try parseNamedExpression(), body: try parseBlock("'if' statement", line: start.line))]
        var otherwise: [Stmt]?
        while true {
            let line = current.line
            if acceptKeyword("elif") {
                branches.append((try parseNamedExpression(), try parseBlock("'elif' statement", line: line)))
            } else if acceptKeyword("else") {
                otherwise = try parseBlock("'else' statement", line: line)
                break
            } else {
                break
            }
        }
        return Stmt(.ifElse(branches: branches, otherwise: otherwise), start.position)
    }

    mutating func parseWhile() throws -> Stmt {
        let start = advance()
        let condition = try parseNamedExpression()
        loopDepth += 1
        let body = try parseBlock("'while' statement", line: start.line)
        loopDepth -= 1
        let elseLine = current.line
        let otherwise = acceptKeyword("else") ? try parseBlock("'else' statement", line: elseLine) : nil
        return Stmt(.whileLoop(condition: condition, body: body, otherwise: otherwise), start.position)
    }

    mutating func parseFor() throws -> Stmt {
        let start = advance()
        let target = try parseTargetList()
        guard acceptKeyword("in") else { throw unexpected("'in'") }
        let iterable = try parseExpressionList()
        loopDepth += 1
        let body = try parseBlock("'for' statement", line: start.line)
        loopDepth -= 1
        let elseLine = current.line
        let otherwise = acceptKeyword("else") ? try parseBlock("'else' statement", line: elseLine) : nil
        return Stmt(.forLoop(target: target, iterable: iterable, body: body, otherwise: otherwise), start.position)
    }

    mutating func parseDecorated() throws -> Stmt {
        var decorators: [Expr] = []
        while acceptOp("@") {
            decorators.append(try parseNamedExpression())
            guard current.kind == .newline else { throw unexpected() }
            _ = advance()
        }
        if isKeyword("class") { return try parseClassDefinition(decorators: decorators) }
        guard isKeyword("def") else {
            if isKeyword("async") { throw notSupported("'async' is not supported") }
            throw unexpected("'def' after a decorator")
        }
        return try parseFunctionDefinition(decorators: decorators)
    }

    mutating func parseFunctionDefinition(decorators: [Expr]) throws -> Stmt {
        let start = advance()
        let name = try expectName()
        try expectOp("(")
        let parameters = try parseParameters(closing: ")")
        try expectOp(")")
        if acceptOp("->") { _ = try parseExpression() }
        let savedLoop = loopDepth
        loopDepth = 0
        functionDepth += 1
        let body = try parseBlock("function definition", line: start.line)
        functionDepth -= 1
        loopDepth = savedLoop
        var docstring: String?
        if case .expression(let first)? = body.first?.kind, case .string(let text) = first.kind { docstring = text }
        let definition = FunctionDefinition(name: name, parameters: parameters, body: body,
                                            decorators: decorators, docstring: docstring)
        return Stmt(.functionDefinition(definition), start.position)
    }

    /// `class Name(bases, keyword=value):` and its body, which runs as its own scope.
    mutating func parseClassDefinition(decorators: [Expr]) throws -> Stmt {
        let start = advance()
        let name = try expectName()
        var arguments: [CallArgument] = []
        if acceptOp("(") {
            arguments = try parseCallArguments()
            try expectOp(")")
        }
        let savedLoop = loopDepth
        let savedFunction = functionDepth
        loopDepth = 0
        functionDepth = 0
        let body = try parseBlock("class definition", line: start.line)
        loopDepth = savedLoop
        functionDepth = savedFunction
        var docstring: String?
        if case .expression(let first)? = body.first?.kind, case .string(let text) = first.kind { docstring = text }
        let definition = ClassDefinition(name: name, arguments: arguments, body: body,
                                         decorators: decorators, docstring: docstring)
        return Stmt(.classDefinition(definition), start.position)
    }

    /// `yield`, `yield value`, `yield a, b` or `yield from iterable` (the keyword is current).
    mutating func parseYield() throws -> Expr {
        let token = advance()
        guard functionDepth > 0 else { throw error("'yield' outside function", at: token) }
        if acceptKeyword("from") { return Expr(.yieldFrom(try parseExpression()), token.position) }
        switch current.kind {
        case .newline, .endOfInput, .op(")"), .op(";"), .op("="), .op("]"), .op("}"):
            return Expr(.yield(nil), token.position)
        default:
            return Expr(.yield(try parseStarExpressionList()), token.position)
        }
    }

    /// Parameters of `def` (closing `)`) or `lambda` (closing `:`).
    mutating func parseParameters(closing: String) throws -> ParameterList {
        var list = ParameterList()
        var kind = Parameter.Kind.positional
        var sawDefault = false
        var names = Set<String>()
        while !isOp(closing) {
            let token = current
            if acceptOp("/") {
                for i in list.parameters.indices { list.parameters[i].positionalOnly = true }
            } else if acceptOp("**") {
                let name = try expectName()
                if isOp(":") && closing == ")" { _ = advance(); _ = try parseExpression() }
                list.parameters.append(Parameter(name: name, kind: .variadicKeywords, position: token.position))
            } else if acceptOp("*") {
                if case .name = current.kind {
                    let name = try expectName()
                    if isOp(":") && closing == ")" { _ = advance(); _ = try parseExpression() }
                    list.parameters.append(Parameter(name: name, kind: .variadicPositional, position: token.position))
                }
                kind = .keywordOnly
            } else {
                let name = try expectName()
                if closing == ")" && acceptOp(":") { _ = try parseExpression() }
                var parameter = Parameter(name: name, kind: kind, position: token.position)
                if acceptOp("=") {
                    parameter.defaultValue = try parseExpression()
                    sawDefault = true
                } else if sawDefault && kind == .positional {
                    throw error("non-default argument follows default argument", at: token)
                }
                if names.contains(name) {
                    throw error("duplicate argument '\(name)' in function definition", at: token)
                }
                names.insert(name)
                list.parameters.append(parameter)
            }
            if !acceptOp(",") { break }
        }
        return list
    }

    mutating func parseTry() throws -> Stmt {
        let start = advance()
        let body = try parseBlock("'try' statement", line: start.line)
        var handlers: [ExceptHandler] = []
        while isKeyword("except") {
            let token = advance()
            var type: Expr?
            var name: String?
            if !isOp(":") {
                if acceptOp("*") { throw notSupported("'except*' is not supported") }
                let first = try parseExpression()
                type = first
                if acceptOp(",") {
                    var items = [first]
                    repeat { items.append(try parseExpression()) } while acceptOp(",")
                    type = Expr(.tuple(items), first.position)
                }
                if acceptKeyword("as") { name = try expectName() }
            }
            handlers.append(ExceptHandler(type: type, name: name, body: try parseBlock("'except' statement", line: token.line),
                                          position: token.position))
        }
        var otherwise: [Stmt]?
        var finally: [Stmt]?
        let elseLine = current.line
        if !handlers.isEmpty && acceptKeyword("else") { otherwise = try parseBlock("'else' statement", line: elseLine) }
        let finallyLine = current.line
        if acceptKeyword("finally") { finally = try parseBlock("'finally' statement", line: finallyLine) }
        if handlers.isEmpty && finally == nil {
            throw error("expected 'except' or 'finally' block")
        }
        return Stmt(.tryExcept(body: body, handlers: handlers, otherwise: otherwise, finally: finally), start.position)
    }

    mutating func parseWith() throws -> Stmt {
        let start = advance()
        var items: [(context: Expr, target: Expr?)] = []
        let parenthesised = isOp("(") && withHasParenthesisedItems()
        if parenthesised { _ = advance() }
        repeat {
            if parenthesised && isOp(")") { break }
            let context = try parseExpression()
            var target: Expr?
            if acceptKeyword("as") { target = try toTarget(try parseTarget()) }
            items.append((context, target))
        } while acceptOp(",")
        if parenthesised { try expectOp(")") }
        return Stmt(.with(items: items, body: try parseBlock("'with' statement", line: start.line)), start.position)
    }

    /// Whether `with (` opens a parenthesised list of items (`with (a as b, c):`).
    func withHasParenthesisedItems() -> Bool {
        var depth = 0
        var i = index
        while i < tokens.count {
            switch tokens[i].kind {
            case .op("("), .op("["), .op("{"): depth += 1
            case .op(")"), .op("]"), .op("}"):
                depth -= 1
                if depth == 0 {
                    if i + 1 < tokens.count, case .op(":") = tokens[i + 1].kind { return true }
                    return false
                }
            case .newline, .endOfInput: return false
            default: break
            }
            i += 1
        }
        return false
    }

    mutating func parseSimpleStatement() throws -> Stmt {
        chainLinks = 0
        let start = current
        if case .name(let word) = current.kind {
            switch word {
            case "pass": _ = advance(); return Stmt(.pass, start.position)
            case "break":
                _ = advance()
                guard loopDepth > 0 else { throw error("'break' outside loop", at: start) }
                return Stmt(.breakLoop, start.position)
            case "continue":
                _ = advance()
                guard loopDepth > 0 else { throw error("'continue' not properly in loop", at: start) }
                return Stmt(.continueLoop, start.position)
            case "return":
                _ = advance()
                guard functionDepth > 0 else { throw error("'return' outside function", at: start) }
                if current.kind == .newline || isOp(";") || current.kind == .endOfInput {
                    return Stmt(.returnStatement(nil), start.position)
                }
                return Stmt(.returnStatement(try parseExpressionList()), start.position)
            case "del":
                _ = advance()
                var targets: [Expr] = []
                repeat {
                    if current.kind == .newline { break }
                    targets.append(try toTarget(try parseBitwiseOr(), forDelete: true))
                } while acceptOp(",")
                return Stmt(.delete(targets), start.position)
            case "assert":
                _ = advance()
                let condition = try parseExpression()
                let message = acceptOp(",") ? try parseExpression() : nil
                return Stmt(.assert(condition, message: message), start.position)
            case "global", "nonlocal":
                _ = advance()
                var names = [try expectName()]
                while acceptOp(",") { names.append(try expectName()) }
                return Stmt(word == "global" ? .global(names) : .nonlocal(names), start.position)
            case "import":
                _ = advance()
                var names: [ImportName] = []
                repeat {
                    let path = try parseDottedName()
                    let alias = acceptKeyword("as") ? try expectName() : nil
                    names.append(ImportName(path: path, alias: alias))
                } while acceptOp(",")
                return Stmt(.importModules(names), start.position)
            case "from":
                _ = advance()
                if isOp(".") || isOp("...") { throw notSupported("relative imports are not supported") }
                let module = try parseDottedName()
                guard acceptKeyword("import") else { throw unexpected("'import'") }
                if acceptOp("*") { return Stmt(.importFrom(module: module, names: nil), start.position) }
                let parenthesised = acceptOp("(")
                var names: [(name: String, alias: String?)] = []
                repeat {
                    if parenthesised && isOp(")") { break }
                    let name = try expectName()
                    names.append((name, acceptKeyword("as") ? try expectName() : nil))
                } while acceptOp(",")
                if parenthesised { try expectOp(")") }
                return Stmt(.importFrom(module: module, names: names), start.position)
            case "raise":
                _ = advance()
                if current.kind == .newline || isOp(";") || current.kind == .endOfInput {
                    return Stmt(.raise(nil, cause: nil), start.position)
                }
                let exception = try parseExpression()
                let cause = acceptKeyword("from") ? try parseExpression() : nil
                return Stmt(.raise(exception, cause: cause), start.position)
            default: break
            }
        }
        return try parseExpressionStatement()
    }

    mutating func parseDottedName() throws -> [String] {
        var path = [try expectName()]
        while acceptOp(".") { path.append(try expectName()) }
        return path
    }

    static let augmentedOperators: [String: BinaryOperator] = [
        "+=": .add, "-=": .subtract, "*=": .multiply, "/=": .trueDivide, "//=": .floorDivide,
        "%=": .modulo, "**=": .power, "@=": .matrixMultiply, "<<=": .leftShift, ">>=": .rightShift,
        "&=": .and, "|=": .or, "^=": .xor,
    ]

    mutating func parseExpressionStatement() throws -> Stmt {
        let start = current
        if case .name("print") = current.kind {
            switch peekKind() {
            case .string, .formatString, .int, .bigInt, .float:
                throw error("Missing parentheses in call to 'print'. Did you mean print(...)?")
            case .name(let next) where !Parser.keywords.contains(next):
                throw error("Missing parentheses in call to 'print'. Did you mean print(...)?")
            default: break
            }
        }
        let first = isKeyword("yield") ? try parseYield() : try parseStarExpressionList()
        if case .op(let op) = current.kind, let binary = Parser.augmentedOperators[op] {
            _ = advance()
            let target = try toTarget(first, augmented: true)
            let value = try parseAssignedValue()
            return Stmt(.augmentedAssign(target: target, op: binary, value: value), start.position)
        }
        if isOp(":") {
            // An annotated assignment: `x: int = 5` (the annotation is not checked).
            _ = advance()
            let annotation = try parseExpression()
            let target = try toTarget(first)
            let value = acceptOp("=") ? try parseAssignedValue() : nil
            return Stmt(.annotatedAssign(target: target, annotation: annotation, value: value), start.position)
        }
        guard isOp("=") else { return Stmt(.expression(first), start.position) }
        var targets = [try toTarget(first)]
        var value = first
        while acceptOp("=") {
            value = try parseAssignedValue()
            if isOp("=") { targets.append(try toTarget(value)) }
        }
        return Stmt(.assign(targets: targets, value: value), start.position)
    }

    mutating func parseAssignedValue() throws -> Expr {
        if isKeyword("yield") { return try parseYield() }
        return try parseStarExpressionList()
    }

    /// Checks that an expression can be assigned to, and returns it.
    func toTarget(_ expr: Expr, augmented: Bool = false, forDelete: Bool = false) throws -> Expr {
        switch expr.kind {
        case .name, .attribute, .subscription:
            return expr
        case .tuple(let items), .list(let items):
            if augmented {
                throw SyntaxErrorInfo(message: "'\(expr.kind.describe)' is an illegal expression for augmented assignment", position: expr.position, atEnd: false)
            }
            for item in items { _ = try toTarget(item, forDelete: forDelete) }
            if !forDelete && items.filter({ if case .starred = $0.kind { return true } else { return false } }).count > 1 {
                throw SyntaxErrorInfo(message: "multiple starred expressions in assignment", position: expr.position, atEnd: false)
            }
            return expr
        case .starred(let inner) where !augmented && !forDelete:
            _ = try toTarget(inner)
            return expr
        default:
            let verb = forDelete ? "delete" : "assign to"
            let what = expr.kind.describe
            var message = "cannot \(verb) \(what)"
            if !forDelete && !augmented && isOp("=") { message += " here. Maybe you meant '==' instead of '='?" }
            if augmented { message = "'\(what)' is an illegal expression for augmented assignment" }
            throw SyntaxErrorInfo(message: message, position: expr.position, atEnd: false)
        }
    }
}

extension ExprKind {
    /// How Python names an expression in "cannot assign to ..." messages.
    var describe: String {
        switch self {
        case .name: "name"
        case .int, .bigInt, .float, .string, .bool, .none, .ellipsis: "literal"
        case .formatString: "f-string expression"
        case .list: "list"
        case .tuple: "tuple"
        case .set: "set display"
        case .dict: "dict literal"
        case .starred: "starred"
        case .attribute: "attribute"
        case .subscription: "subscript"
        case .slice: "slice"
        case .call: "function call"
        case .unary, .binary, .not: "expression"
        case .and, .or: "expression"
        case .compare: "comparison"
        case .conditional: "conditional expression"
        case .lambda: "lambda"
        case .comprehension(let kind, _, _, _):
            switch kind {
            case .list: "list comprehension"
            case .set: "set comprehension"
            case .dict: "dict comprehension"
            case .generator: "generator expression"
            }
        case .namedExpression: "named expression"
        case .yield, .yieldFrom: "yield expression"
        }
    }
}
