/// Compiling generator bodies: statements that contain a `yield` become the re-entrant
/// `Gen...` nodes (see GeneratorNodes.swift); all others compile as usual.
extension Compiler {
    /// The re-entrant node for a statement of a generator that contains `yield`, or nil.
    mutating func generatorStatement(_ statement: Stmt, _ context: CompileScope) throws -> StmtNode? {
        guard statement.containsYield else { return nil }
        let line = statement.position.line
        switch statement.kind {
        case .expression(let e):
            return try yieldNode(e, target: nil, context)
        case .assign(let targets, let value):
            guard targets.count == 1 else {
                var info = compileError("chained assignment of a 'yield' is not supported", statement.position)
                info.kind = .notImplementedError
                throw info
            }
            return try yieldNode(value, target: try target(targets[0], context), context)
        case .annotatedAssign(let t, _, let value?):
            return try yieldNode(value, target: try target(t, context), context)
        case .ifElse(let branches, let otherwise):
            return GenIfNode(branches: try branches.map { (try expression($0.condition, context), try generatorBlock($0.body, context, line: $0.condition.position.line)) },
                             otherwise: try otherwise.map { try generatorBlock($0, context, line: line) }, line: line)
        case .whileLoop(let condition, let body, let otherwise):
            return GenWhileNode(condition: try expression(condition, context), body: try generatorBlock(body, context, line: line),
                                otherwise: try otherwise.map { try generatorBlock($0, context, line: line) }, line: line)
        case .forLoop(let t, let iterable, let body, let otherwise):
            let iterableNode = try expression(iterable, context)
            return GenForNode(target: try target(t, context), iterable: iterableNode, body: try generatorBlock(body, context, line: line),
                              otherwise: try otherwise.map { try generatorBlock($0, context, line: line) }, line: line)
        case .tryExcept(let body, let handlers, let otherwise, let finally):
            let handlerNodes = try handlers.map { handler in
                TryNode.Handler(type: try handler.type.map { try expression($0, context) },
                                target: handler.name.map { store($0, context, line: handler.position.line) },
                                body: try generatorBlock(handler.body, context, line: handler.position.line),
                                line: handler.position.line)
            }
            return GenTryNode(body: try generatorBlock(body, context, line: line), handlers: handlerNodes,
                              otherwise: try otherwise.map { try generatorBlock($0, context, line: line) },
                              finally: try finally.map { try generatorBlock($0, context, line: line) }, line: line)
        case .with(let items, let body):
            var inner = try generatorBlock(body, context, line: line)
            for item in items.reversed() {
                inner = GenWithNode(context: try expression(item.context, context),
                                    target: try item.target.map { try target($0, context) }, body: inner, line: line)
            }
            return inner
        default:
            return nil
        }
    }

    mutating func generatorBlock(_ statements: [Stmt], _ context: CompileScope, line: Int) throws -> StmtNode {
        GenBlockNode(try statements.map { try statement($0, context) }, line: line)
    }

    mutating func yieldNode(_ value: Expr, target: TargetNode?, _ context: CompileScope) throws -> StmtNode {
        let line = value.position.line
        switch value.kind {
        case .yield(let yielded):
            return YieldNode(value: try yielded.map { try expression($0, context) }, target: target, line: line)
        case .yieldFrom(let iterable):
            return YieldFromNode(iterable: try expression(iterable, context), target: target, line: line)
        default:
            throw PyError(.systemError, "not a yield at line \(line)")
        }
    }
}

extension Stmt {
    /// Whether the statement (not counting nested functions and classes) can suspend at a
    /// `yield`: one as a statement or as an assignment's value, or inside a block.
    var containsYield: Bool {
        func isYield(_ e: Expr) -> Bool {
            switch e.kind {
            case .yield, .yieldFrom: return true
            default: return false
            }
        }
        func any(_ body: [Stmt]) -> Bool { body.contains { $0.containsYield } }
        switch kind {
        case .expression(let e): return isYield(e)
        case .assign(_, let value): return isYield(value)
        case .annotatedAssign(_, _, let value?): return isYield(value)
        case .ifElse(let branches, let otherwise): return branches.contains { any($0.body) } || any(otherwise ?? [])
        case .whileLoop(_, let body, let otherwise), .forLoop(_, _, let body, let otherwise):
            return any(body) || any(otherwise ?? [])
        case .tryExcept(let body, let handlers, let otherwise, let finally):
            return any(body) || handlers.contains { any($0.body) } || any(otherwise ?? []) || any(finally ?? [])
        case .with(_, let body): return any(body)
        default: return false
        }
    }
}
