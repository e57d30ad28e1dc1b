extension Compiler {
    mutating func expression(_ expression: Expr, _ context: CompileScope) throws -> ExprNode {
        let line = expression.position.line
        switch expression.kind {
        case .name(let name): return load(name, context, line: line)
        case .int(let v): return ConstantNode(.int(v), line: line)
        case .bigInt(let v): return ConstantNode(.integer(v), line: line)
        case .float(let v): return ConstantNode(.float(v), line: line)
        case .string(let s): return ConstantNode(.string(s), line: line)
        case .bool(let b): return ConstantNode(.bool(b), line: line)
        case .none: return ConstantNode(.none, line: line)
        case .ellipsis: return ConstantNode(.object(interpreter.ellipsis), line: line)
        case .formatString(let parts): return try formatString(parts, context, line: line)
        case .list(let items): return ListDisplayNode(try elements(items, context), line: line)
        case .tuple(let items):
            if items.allSatisfy(\.isConstant) {
                return ConstantNode(.tuple(try items.map { try (self.expression($0, context) as? ConstantNode)?.value ?? .none }), line: line)
            }
            return TupleDisplayNode(try elements(items, context), line: line)
        case .set(let items): return SetDisplayNode(try elements(items, context), line: line)
        case .dict(let entries):
            return DictDisplayNode(try entries.map { (try $0.key.map { try self.expression($0, context) }, try self.expression($0.value, context)) }, line: line)
        case .starred:
            throw compileError("can't use starred expression here", expression.position)
        case .attribute(let object, let name):
            return AttributeNode(try self.expression(object, context), name, line: line)
        case .subscription(let object, let key):
            return SubscriptNode(try self.expression(object, context), try self.expression(key, context), line: line)
        case .slice(let a, let b, let c):
            return SliceNode(try a.map { try self.expression($0, context) }, try b.map { try self.expression($0, context) },
                             try c.map { try self.expression($0, context) }, line: line)
        case .call(let callee, let arguments):
            if let node = zeroArgumentSuper(callee, arguments, context) { return node }
            var positional: [Expr] = []
            var keywords: [(name: String, value: ExprNode)] = []
            var doubleStarred: [ExprNode] = []
            var seen = Set<String>()
            for argument in arguments {
                switch argument {
                case .positional(let e): positional.append(e)
                case .starred(let e): positional.append(Expr(.starred(e), e.position))
                case .keyword(let name, let e):
                    guard seen.insert(name).inserted else {
                        throw compileError("keyword argument repeated: \(name)", e.position)
                    }
                    keywords.append((name, try self.expression(e, context)))
                case .doubleStarred(let e): doubleStarred.append(try self.expression(e, context))
                }
            }
            let positionalList = try elements(positional, context)
            if case .attribute(let object, let name) = callee.kind {
                let receiver = try self.expression(object, context)
                let call = CallNode(callee: ConstantNode(.none, line: line), positional: positionalList,
                                    keywords: keywords, doubleStarred: doubleStarred, line: line)
                return MethodCallNode(receiver: receiver, name: name, call: call, line: line)
            }
            return CallNode(callee: try self.expression(callee, context), positional: positionalList,
                            keywords: keywords, doubleStarred: doubleStarred, line: line)
        case .unary(let op, let operand):
            return UnaryNode(op, try self.expression(operand, context), line: line)
        case .not(let operand):
            return NotNode(try self.expression(operand, context), line: line)
        case .binary(let op, let a, let b):
            let left = try self.expression(a, context)
            let right = try self.expression(b, context)
            switch op {
            case .add: return AddNode(left, right, line: line)
            case .subtract: return SubtractNode(left, right, line: line)
            case .multiply: return MultiplyNode(left, right, line: line)
            case .modulo: return ModuloNode(left, right, line: line)
            default: return BinaryNode(op, left, right, line: line)
            }
        case .and(let a, let b):
            return AndNode(try self.expression(a, context), try self.expression(b, context), line: line)
        case .or(let a, let b):
            return OrNode(try self.expression(a, context), try self.expression(b, context), line: line)
        case .compare(let first, let rest):
            if rest.count == 1 {
                return CompareNode(rest[0].0, try self.expression(first, context), try self.expression(rest[0].1, context), line: line)
            }
            return ChainedCompareNode(operands: try ([first] + rest.map(\.1)).map { try self.expression($0, context) },
                                      ops: rest.map(\.0), line: line)
        case .conditional(let condition, let then, let otherwise):
            return ConditionalNode(condition: try self.expression(condition, context), then: try self.expression(then, context),
                                   otherwise: try self.expression(otherwise, context), line: line)
        case .lambda(let parameters, let body):
            let maker = try function(name: "<lambda>", parameters: parameters, body: .expression(body), doc: nil,
                                     key: ScopeKey(position: expression.position, tag: 1), context)
            return LambdaNode(maker, line: line)
        case .comprehension(let kind, let element, let value, let clauses):
            guard let scope = scopes[ScopeKey(position: expression.position, tag: 2)] else {
                throw PyError(.systemError, "no scope for comprehension at line \(line)")
            }
            comprehensionCounter += 1
            let inner = CompileScope(scope: scope, layout: context.layout, parent: context, comprehensionID: comprehensionCounter)
            var compiled: [ComprehensionNode.Clause] = []
            for (index, clause) in clauses.enumerated() {
                switch clause {
                case .forIn(let t, let iterable):
                    let iterableNode = try self.expression(iterable, index == 0 ? context : inner)
                    compiled.append(.forIn(target: try target(t, inner), iterable: iterableNode))
                case .condition(let condition):
                    compiled.append(.condition(try self.expression(condition, inner)))
                }
            }
            return ComprehensionNode(kind: kind, element: try self.expression(element, inner),
                                     value: try value.map { try self.expression($0, inner) }, clauses: compiled,
                                     cancellation: cancellation, line: line)
        case .yield, .yieldFrom:
            var info = compileError("'yield' inside an expression is not supported (use it as a statement or as `x = yield value`)", expression.position)
            info.kind = .notImplementedError
            throw info
        case .namedExpression(let name, let value):
            var owner = context
            while owner.scope.kind == .comprehension, let parent = owner.parent { owner = parent }
            return NamedExpressionNode(target: store(name, owner, line: line), value: try self.expression(value, context), line: line)
        }
    }

    mutating func elements(_ items: [Expr], _ context: CompileScope) throws -> ElementList {
        var nodes: [ExprNode] = []
        var starred: [Bool] = []
        for item in items {
            if case .starred(let inner) = item.kind {
                nodes.append(try expression(inner, context))
                starred.append(true)
            } else {
                nodes.append(try expression(item, context))
                starred.append(false)
            }
        }
        return ElementList(nodes, starred: starred)
    }

    mutating func formatString(_ parts: [FormatPart], _ context: CompileScope, line: Int) throws -> FormatStringNode {
        var compiled: [FormatStringNode.Part] = []
        for part in parts {
            switch part {
            case .text(let text):
                if case .text(let previous)? = compiled.last {
                    compiled[compiled.count - 1] = .text(previous + text)
                } else {
                    compiled.append(.text(text))
                }
            case .field(let e, let conversion, let spec, let debugText):
                compiled.append(.field(try expression(e, context), conversion: conversion,
                                       spec: spec.isEmpty ? nil : try formatString(spec, context, line: line),
                                       debugText: debugText))
            }
        }
        return FormatStringNode(compiled, line: line)
    }
}

extension Expr {
    var isConstant: Bool {
        switch kind {
        case .int, .bigInt, .float, .string, .bool, .none: true
        default: false
        }
    }
}
