/// Expressions, from lowest precedence (`lambda`, `if`-`else`) to atoms.
extension Parser {
    mutating func enterNesting() throws {
        nesting += 1
        if nesting > Parser.maximumNesting {
            throw error("too many nested parentheses")
        }
    }

    /// Counts one more operator in the current statement's chains (see `maximumChainLinks`).
    mutating func countChainLink() throws {
        chainLinks += 1
        if chainLinks > Parser.maximumChainLinks {
            throw error("expression too long: more than \(Parser.maximumChainLinks) operators in one statement")
        }
    }

    /// `a, b, *c` as an expression statement or assigned value: a tuple when there is a comma.
    mutating func parseStarExpressionList() throws -> Expr {
        let start = current.position
        let first = try parseStarOrNamedExpression()
        guard isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if endsExpressionList { break }
            items.append(try parseStarOrNamedExpression())
        }
        return Expr(.tuple(items), start)
    }

    var endsExpressionList: Bool {
        switch current.kind {
        case .newline, .endOfInput: return true
        case .op(let op): return [")", "]", "}", "=", ";", ":"].contains(op) || Parser.augmentedOperators[op] != nil
        case .name(let n): return n == "in" || n == "for" || n == "if" || n == "else"
        default: return false
        }
    }

    mutating func parseStarOrNamedExpression() throws -> Expr {
        let token = current
        if acceptOp("*") {
            return Expr(.starred(try parseBitwiseOr()), token.position)
        }
        return try parseNamedExpression()
    }

    /// A `for` target list (`i`, `x, y`, `(a, b), c`).
    mutating func parseTargetList() throws -> Expr {
        let start = current.position
        let first = try parseTarget()
        guard isOp(",") else { return try toTarget(first) }
        var items = [first]
        while acceptOp(",") {
            if isKeyword("in") || isOp("=") { break }
            items.append(try parseTarget())
        }
        return try toTarget(Expr(.tuple(items), start))
    }

    mutating func parseTarget() throws -> Expr {
        let token = current
        if acceptOp("*") { return Expr(.starred(try parseBitwiseOr()), token.position) }
        return try parseBitwiseOr()
    }

    /// The iterable of a `for`, or a `return` value: a tuple when there is a comma.
    mutating func parseExpressionList() throws -> Expr {
        try parseStarExpressionList()
    }

    /// `name := value` or an expression.
    mutating func parseNamedExpression() throws -> Expr {
        if case .name(let name) = current.kind, isOpKind(peekKind(), ":="), !Parser.keywords.contains(name) {
            let token = advance()
            _ = advance()
            return Expr(.namedExpression(name, try parseExpression()), token.position)
        }
        return try parseExpression()
    }

    mutating func parseExpression() throws -> Expr {
        try enterNesting()
        defer { nesting -= 1 }
        if isKeyword("lambda") { return try parseLambda() }
        if isKeyword("yield") { throw error("invalid syntax") }
        let token = current
        let value = try parseOr()
        if isKeyword("if") {
            // Only a conditional expression if an `else` follows (comprehension `if`s are not).
            _ = advance()
            let condition = try parseOr()
            guard acceptKeyword("else") else {
                throw error("expected 'else' after 'if' expression")
            }
            let otherwise = try parseExpression()
            return Expr(.conditional(condition: condition, then: value, otherwise: otherwise), token.position)
        }
        return value
    }

    mutating func parseLambda() throws -> Expr {
        let token = advance()
        let parameters = try parseParameters(closing: ":")
        try expectOp(":")
        functionDepth += 1
        defer { functionDepth -= 1 }
        let body = try parseExpression()
        return Expr(.lambda(parameters, body), token.position)
    }

    mutating func parseOr() throws -> Expr {
        var left = try parseAnd()
        while isKeyword("or") {
            try countChainLink()
            let token = advance()
            left = Expr(.or(left, try parseAnd()), token.position)
        }
        return left
    }

    mutating func parseAnd() throws -> Expr {
        var left = try parseNot()
        while isKeyword("and") {
            try countChainLink()
            let token = advance()
            left = Expr(.and(left, try parseNot()), token.position)
        }
        return left
    }

    mutating func parseNot() throws -> Expr {
        if isKeyword("not") {
            let token = advance()
            try enterNesting()
            defer { nesting -= 1 }
            return Expr(.not(try parseNot()), token.position)
        }
        return try parseComparison()
    }

    mutating func comparisonOperator() -> CompareOperator? {
        switch current.kind {
        case .op("<"): _ = advance(); return .rich(.less)
        case .op(">"): _ = advance(); return .rich(.greater)
        case .op("=="): _ = advance(); return .rich(.equal)
        case .op(">="): _ = advance(); return .rich(.greaterOrEqual)
        case .op("<="): _ = advance(); return .rich(.lessOrEqual)
        case .op("!="): _ = advance(); return .rich(.notEqual)
        case .name("in"): _ = advance(); return .contains
        case .name("not"):
            if case .name("in") = peekKind() { _ = advance(); _ = advance(); return .notContains }
            return nil
        case .name("is"):
            _ = advance()
            if acceptKeyword("not") { return .isNot }
            return .isSame
        default: return nil
        }
    }

    mutating func parseComparison() throws -> Expr {
        let first = try parseBitwiseOr()
        var rest: [(CompareOperator, Expr)] = []
        while let op = comparisonOperator() {
            try countChainLink()
            rest.append((op, try parseBitwiseOr()))
        }
        return rest.isEmpty ? first : Expr(.compare(first, rest), first.position)
    }

    mutating func parseBinaryLevel(_ ops: [String: BinaryOperator], _ next: (inout Parser) throws -> Expr) throws -> Expr {
        var left = try next(&self)
        while case .op(let op) = current.kind, let binary = ops[op] {
            try countChainLink()
            let token = advance()
            left = Expr(.binary(binary, left, try next(&self)), token.position)
        }
        return left
    }

    mutating func parseBitwiseOr() throws -> Expr {
        try parseBinaryLevel(["|": .or]) { try $0.parseBitwiseXor() }
    }

    mutating func parseBitwiseXor() throws -> Expr {
        try parseBinaryLevel(["^": .xor]) { try $0.parseBitwiseAnd() }
    }

    mutating func parseBitwiseAnd() throws -> Expr {
        try parseBinaryLevel(["&": .and]) { try $0.parseShift() }
    }

    mutating func parseShift() throws -> Expr {
        try parseBinaryLevel(["<<": .leftShift, ">>": .rightShift]) { try $0.parseArithmetic() }
    }

    mutating func parseArithmetic() throws -> Expr {
        try parseBinaryLevel(["+": .add, "-": .subtract]) { try $0.parseTerm() }
    }

    mutating func parseTerm() throws -> Expr {
        try parseBinaryLevel(["*": .multiply, "/": .trueDivide, "//": .floorDivide, "%": .modulo, "@": .matrixMultiply]) {
            try $0.parseFactor()
        }
    }

    mutating func parseFactor() throws -> Expr {
        let token = current
        let op: UnaryOperator?
        switch current.kind {
        case .op("-"): op = .negate
        case .op("+"): op = .plus
        case .op("~"): op = .invert
        default: op = nil
        }
        guard let op else { return try parsePower() }
        _ = advance()
        try enterNesting()
        defer { nesting -= 1 }
        let operand = try parseFactor()
        // Fold negative literals so `-1` is a constant (and `-9223372036854775808` fits).
        if op == .negate {
            if case .int(let i) = operand.kind {
                return i == .min ? Expr(.bigInt(-BigInt(i)), token.position) : Expr(.int(-i), token.position)
            }
            if case .bigInt(let b) = operand.kind {
                let negated = -b
                return Expr(negated.asInt.map(ExprKind.int) ?? .bigInt(negated), token.position)
            }
            if case .float(let f) = operand.kind { return Expr(.float(-f), token.position) }
        }
        return Expr(.unary(op, operand), token.position)
    }

    mutating func parsePower() throws -> Expr {
        if isKeyword("await") { throw notSupported("'await' is not supported") }
        let base = try parsePrimary()
        if isOp("**") {
            let token = advance()
            // `**` is right-associative, so a chain recurses once per operator: counted like
            // parentheses, or `1**1**1...` of 10**6 overflows the stack.
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maximumNesting { throw error("too many nested operators: the expression is too deeply nested") }
            return Expr(.binary(.power, base, try parseFactor()), token.position)
        }
        return base
    }

    mutating func parsePrimary() throws -> Expr {
        var expr = try parseAtom()
        while true {
            let token = current
            if case .op(let op) = token.kind, op == "." || op == "(" || op == "[" { try countChainLink() }
            if acceptOp(".") {
                let name = try expectName()
                expr = Expr(.attribute(expr, name), token.position)
            } else if acceptOp("(") {
                try enterNesting()
                let arguments = try parseCallArguments()
                nesting -= 1
                try expectOp(")")
                expr = Expr(.call(expr, arguments), token.position)
            } else if acceptOp("[") {
                try enterNesting()
                let key = try parseSubscriptList()
                nesting -= 1
                try expectOp("]")
                expr = Expr(.subscription(expr, key), token.position)
            } else {
                return expr
            }
        }
    }

    mutating func parseCallArguments() throws -> [CallArgument] {
        var arguments: [CallArgument] = []
        var sawKeyword = false
        while !isOp(")") {
            let token = current
            if acceptOp("**") {
                arguments.append(.doubleStarred(try parseExpression()))
                sawKeyword = true
            } else if acceptOp("*") {
                arguments.append(.starred(try parseExpression()))
            } else if case .name(let name) = current.kind, isOpKind(peekKind(), "="), !Parser.keywords.contains(name) {
                _ = advance()
                _ = advance()
                arguments.append(.keyword(name, try parseExpression()))
                sawKeyword = true
            } else {
                let value = try parseNamedExpression()
                if isKeyword("for") {
                    // A bare generator expression argument: `sum(x for x in xs)`.
                    let comprehension = try parseComprehensionTail(.generator, element: value, value: nil, at: token.position)
                    arguments.append(.positional(comprehension))
                } else {
                    if isOp("=") { throw error("expression cannot contain assignment, perhaps you meant \"==\"?", at: token) }
                    if sawKeyword {
                        throw error("positional argument follows keyword argument", at: token)
                    }
                    arguments.append(.positional(value))
                }
            }
            if !acceptOp(",") { break }
        }
        return arguments
    }

    mutating func parseSubscriptList() throws -> Expr {
        let start = current.position
        let first = try parseSubscriptItem()
        guard isOp(",") else { return first }
        var items = [first]
        while acceptOp(",") {
            if isOp("]") { break }
            items.append(try parseSubscriptItem())
        }
        return Expr(.tuple(items), start)
    }

    mutating func parseSubscriptItem() throws -> Expr {
        let token = current
        var lower: Expr?
        if !isOp(":") {
            if acceptOp("*") { return Expr(.starred(try parseBitwiseOr()), token.position) }
            let first = try parseNamedExpression()
            guard isOp(":") else { return first }
            lower = first
        }
        _ = advance()
        var upper: Expr?
        var step: Expr?
        if !isOp(":") && !isOp("]") && !isOp(",") { upper = try parseExpression() }
        if acceptOp(":") {
            if !isOp("]") && !isOp(",") { step = try parseExpression() }
        }
        return Expr(.slice(lower, upper, step), token.position)
    }

    mutating func parseAtom() throws -> Expr {
        let token = current
        switch token.kind {
        case .name(let name):
            switch name {
            case "True": _ = advance(); return Expr(.bool(true), token.position)
            case "False": _ = advance(); return Expr(.bool(false), token.position)
            case "None": _ = advance(); return Expr(.none, token.position)
            case "lambda": return try parseLambda()
            case "yield": throw error("invalid syntax")
            case "await": throw notSupported("'await' is not supported")
            default:
                if Parser.keywords.contains(name) { throw error("invalid syntax") }
                _ = advance()
                return Expr(.name(name), token.position)
            }
        case .int(let value):
            _ = advance()
            return Expr(.int(value), token.position)
        case .bigInt(let value):
            _ = advance()
            return Expr(.bigInt(value), token.position)
        case .float(let value):
            _ = advance()
            return Expr(.float(value), token.position)
        case .string, .formatString:
            return try parseStrings()
        case .op("..."):
            _ = advance()
            return Expr(.ellipsis, token.position)
        case .op("("):
            _ = advance()
            try enterNesting()
            defer { nesting -= 1 }
            if acceptOp(")") { return Expr(.tuple([]), token.position) }
            if isKeyword("yield") {
                let inner = try parseYield()
                try expectOp(")")
                return inner
            }
            let first = try parseStarOrNamedExpression()
            if isKeyword("for") {
                let result = try parseComprehensionTail(.generator, element: first, value: nil, at: token.position)
                try expectOp(")")
                return result
            }
            if acceptOp(")") {
                if case .starred = first.kind { throw error("cannot use starred expression here", at: token) }
                return first
            }
            var items = [first]
            while acceptOp(",") {
                if isOp(")") { break }
                items.append(try parseStarOrNamedExpression())
            }
            try expectOp(")")
            return Expr(.tuple(items), token.position)
        case .op("["):
            _ = advance()
            try enterNesting()
            defer { nesting -= 1 }
            if acceptOp("]") { return Expr(.list([]), token.position) }
            let first = try parseStarOrNamedExpression()
            if isKeyword("for") {
                let result = try parseComprehensionTail(.list, element: first, value: nil, at: token.position)
                try expectOp("]")
                return result
            }
            var items = [first]
            while acceptOp(",") {
                if isOp("]") { break }
                items.append(try parseStarOrNamedExpression())
            }
            try expectOp("]")
            return Expr(.list(items), token.position)
        case .op("{"):
            _ = advance()
            try enterNesting()
            defer { nesting -= 1 }
            return try parseBraces(token)
        default:
            throw unexpected()
        }
    }

    mutating func parseBraces(_ token: Token) throws -> Expr {
        if acceptOp("}") { return Expr(.dict([]), token.position) }
        if acceptOp("**") {
            var entries: [(key: Expr?, value: Expr)] = [(nil, try parseBitwiseOr())]
            try parseDictRest(&entries)
            return Expr(.dict(entries), token.position)
        }
        let first = try parseStarOrNamedExpression()
        if acceptOp(":") {
            let value = try parseExpression()
            if isKeyword("for") {
                let result = try parseComprehensionTail(.dict, element: first, value: value, at: token.position)
                try expectOp("}")
                return result
            }
            var entries: [(key: Expr?, value: Expr)] = [(first, value)]
            try parseDictRest(&entries)
            return Expr(.dict(entries), token.position)
        }
        if isKeyword("for") {
            let result = try parseComprehensionTail(.set, element: first, value: nil, at: token.position)
            try expectOp("}")
            return result
        }
        var items = [first]
        while acceptOp(",") {
            if isOp("}") { break }
            items.append(try parseStarOrNamedExpression())
        }
        try expectOp("}")
        return Expr(.set(items), token.position)
    }

    mutating func parseDictRest(_ entries: inout [(key: Expr?, value: Expr)]) throws {
        while acceptOp(",") {
            if isOp("}") { break }
            if acceptOp("**") {
                entries.append((nil, try parseBitwiseOr()))
            } else {
                let key = try parseExpression()
                try expectOp(":")
                entries.append((key, try parseExpression()))
            }
        }
        try expectOp("}")
    }

    mutating func parseComprehensionTail(_ kind: ComprehensionKind, element: Expr, value: Expr?,
                                         at position: SourcePosition) throws -> Expr {
        var clauses: [ComprehensionClause] = []
        while true {
            if acceptKeyword("for") {
                let target = try parseTargetList()
                guard acceptKeyword("in") else { throw unexpected("'in'") }
                clauses.append(.forIn(target: target, iterable: try parseOr()))
            } else if acceptKeyword("if") {
                clauses.append(.condition(try parseOrWithoutConditional()))
            } else if isKeyword("async") {
                throw notSupported("'async' is not supported")
            } else {
                break
            }
        }
        return Expr(.comprehension(kind, element: element, value: value, clauses: clauses), position)
    }

    mutating func parseOrWithoutConditional() throws -> Expr {
        if isKeyword("lambda") { return try parseLambda() }
        return try parseOr()
    }

    /// Adjacent string literals concatenate; any f-string among them makes the whole an f-string.
    mutating func parseStrings() throws -> Expr {
        let start = current
        var parts: [FormatPart] = []
        var plain = ""
        var isFormat = false
        while true {
            switch current.kind {
            case .string(let text):
                _ = advance()
                plain += text
                parts.append(.text(text))
            case .formatString(let body):
                _ = advance()
                isFormat = true
                parts.append(contentsOf: try FormatStringParser.parse(body))
            default:
                return isFormat ? Expr(.formatString(parts), start.position) : Expr(.string(plain), start.position)
            }
        }
    }
}
