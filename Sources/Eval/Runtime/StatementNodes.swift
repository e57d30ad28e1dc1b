import ML

/// Executable statement nodes. Each records its line in the frame (for tracebacks) and
/// reports whether control leaves the enclosing block (`break`, `continue`, `return`).
class StmtNode {
    let line: Int
    init(line: Int) { self.line = line }
    func exec(_ frame: Frame) throws -> Flow {
        throw PyError(.systemError, "statement node without an executor")
    }
}

final class BlockNode: StmtNode {
    let body: ContiguousArray<StmtNode>
    init(_ body: [StmtNode], line: Int) {
        self.body = ContiguousArray(body)
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        for statement in body {
            let flow = try statement.exec(frame)
            if case .normal = flow { continue }
            return flow
        }
        return .normal
    }
}

final class PassNode: StmtNode {
    override func exec(_ frame: Frame) throws -> Flow { .normal }
}

final class ExpressionStatementNode: StmtNode {
    let expression: ExprNode
    init(_ expression: ExprNode, line: Int) {
        self.expression = expression
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        _ = try expression.eval(frame)
        return .normal
    }
}

final class AssignNode: StmtNode {
    let targets: [TargetNode]
    let value: ExprNode
    init(targets: [TargetNode], value: ExprNode, line: Int) {
        self.targets = targets
        self.value = value
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let result = try value.eval(frame)
        for target in targets { try target.assign(result, frame) }
        return .normal
    }
}

/// `x op= value` for a name: read, operate (in place when the object supports it), store.
final class AugmentedNameNode: StmtNode {
    let load: ExprNode
    let target: TargetNode
    let op: BinaryOperator
    let value: ExprNode
    init(load: ExprNode, target: TargetNode, op: BinaryOperator, value: ExprNode, line: Int) {
        self.load = load
        self.target = target
        self.op = op
        self.value = value
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let current = try load.eval(frame)
        let operand = try value.eval(frame)
        if case .int(let x) = current, case .int(let y) = operand {
            switch op {
            case .add:
                let (r, o) = x.addingReportingOverflow(y)
                if !o { try target.assign(.int(r), frame); return .normal }
            case .subtract:
                let (r, o) = x.subtractingReportingOverflow(y)
                if !o { try target.assign(.int(r), frame); return .normal }
            default: break
            }
        } else if case .float(let x) = current, case .float(let y) = operand, op == .add {
            try target.assign(.float(x + y), frame)
            return .normal
        }
        try target.assign(try frame.interpreter.inPlace(op, current, operand), frame)
        return .normal
    }
}

/// `obj.attr op= value`, evaluating `obj` once.
final class AugmentedAttributeNode: StmtNode {
    let object: ExprNode
    let name: String
    let op: BinaryOperator
    let value: ExprNode
    init(object: ExprNode, name: String, op: BinaryOperator, value: ExprNode, line: Int) {
        self.object = object
        self.name = name
        self.op = op
        self.value = value
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        let target = try object.eval(frame)
        let current = try interpreter.attribute(target, name)
        let result = try interpreter.inPlace(op, current, try value.eval(frame))
        try interpreter.setAttribute(target, name, result)
        return .normal
    }
}

/// `obj[key] op= value`, evaluating `obj` and `key` once.
final class AugmentedSubscriptNode: StmtNode {
    let object: ExprNode
    let key: ExprNode
    let op: BinaryOperator
    let value: ExprNode
    init(object: ExprNode, key: ExprNode, op: BinaryOperator, value: ExprNode, line: Int) {
        self.object = object
        self.key = key
        self.op = op
        self.value = value
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        let target = try object.eval(frame)
        let index = try key.eval(frame)
        let current = try interpreter.item(target, index)
        let result = try interpreter.inPlace(op, current, try value.eval(frame))
        try interpreter.setItem(target, index, result)
        return .normal
    }
}

final class IfNode: StmtNode {
    let branches: [(condition: ExprNode, body: StmtNode)]
    let otherwise: StmtNode?
    init(branches: [(condition: ExprNode, body: StmtNode)], otherwise: StmtNode?, line: Int) {
        self.branches = branches
        self.otherwise = otherwise
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        for (condition, body) in branches {
            frame.line = condition.line
            if try interpreter.isTrue(try condition.eval(frame)) { return try body.exec(frame) }
        }
        if let otherwise { return try otherwise.exec(frame) }
        return .normal
    }
}

final class WhileNode: StmtNode {
    let condition: ExprNode
    let body: StmtNode
    let otherwise: StmtNode?
    let cancellation: CancellationFlag
    init(condition: ExprNode, body: StmtNode, otherwise: StmtNode?, cancellation: CancellationFlag, line: Int) {
        self.condition = condition
        self.body = body
        self.otherwise = otherwise
        self.cancellation = cancellation
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        while true {
            if cancellation.isRaised { try interpreter.checkCancellation() }
            frame.line = line
            guard try interpreter.isTrue(try condition.eval(frame)) else { break }
            switch try body.exec(frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return .returned
                case .yielded: return .yielded
            }
        }
        if let otherwise { return try otherwise.exec(frame) }
        return .normal
    }
}

final class ForNode: StmtNode {
    let target: TargetNode
    let iterable: ExprNode
    let body: StmtNode
    let otherwise: StmtNode?
    let cancellation: CancellationFlag
    init(target: TargetNode, iterable: ExprNode, body: StmtNode, otherwise: StmtNode?,
         cancellation: CancellationFlag, line: Int) {
        self.target = target
        self.iterable = iterable
        self.body = body
        self.otherwise = otherwise
        self.cancellation = cancellation
        super.init(line: line)
    }

    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        let source = try iterable.eval(frame)
        if case .object(let range as RangeObject) = source {
            var current = range.start
            for _ in 0..<range.count {
                if cancellation.isRaised { try interpreter.checkCancellation() }
                try target.assign(.int(current), frame)
                current &+= range.step
                switch try body.exec(frame) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                case .yielded: return .yielded
                }
            }
        } else if case .object(let list as ListObject) = source {
            var index = 0
            while index < list.items.count {
                if cancellation.isRaised { try interpreter.checkCancellation() }
                try target.assign(list.items[index], frame)
                index += 1
                switch try body.exec(frame) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                case .yielded: return .yielded
                }
            }
        } else {
            let iterator = try interpreter.makeIterator(source)
            // The `for` line is where an error raised by the iterator (a generator) shows.
            while true {
                frame.line = line
                guard let item = try iterator.next(interpreter) else { break }
                if cancellation.isRaised { try interpreter.checkCancellation() }
                try target.assign(item, frame)
                switch try body.exec(frame) {
                case .normal, .continueLoop: continue
                case .breakLoop: return .normal
                case .returned: return .returned
                case .yielded: return .yielded
                }
            }
        }
        if let otherwise { return try otherwise.exec(frame) }
        return .normal
    }
}

final class BreakNode: StmtNode {
    override func exec(_ frame: Frame) throws -> Flow { .breakLoop }
}

final class ContinueNode: StmtNode {
    override func exec(_ frame: Frame) throws -> Flow { .continueLoop }
}

final class ReturnNode: StmtNode {
    let value: ExprNode?
    init(_ value: ExprNode?, line: Int) {
        self.value = value
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        frame.returnValue = try value?.eval(frame) ?? .none
        return .returned
    }
}

final class DeleteNode: StmtNode {
    let targets: [TargetNode]
    init(_ targets: [TargetNode], line: Int) {
        self.targets = targets
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        for target in targets { try target.delete(frame) }
        return .normal
    }
}

final class AssertNode: StmtNode {
    let condition: ExprNode
    let message: ExprNode?
    init(condition: ExprNode, message: ExprNode?, line: Int) {
        self.condition = condition
        self.message = message
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        if try !frame.interpreter.isTrue(try condition.eval(frame)) {
            let text = try message.map { try frame.interpreter.str(try $0.eval(frame)) } ?? ""
            throw PyError(.assertionError, text)
        }
        return .normal
    }
}

final class FunctionDefinitionNode: StmtNode {
    let maker: FunctionMaker
    let decorators: [ExprNode]
    let target: TargetNode
    init(maker: FunctionMaker, decorators: [ExprNode], target: TargetNode, line: Int) {
        self.maker = maker
        self.decorators = decorators
        self.target = target
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let decorators = try self.decorators.map { try $0.eval(frame) }
        var function: Value = .object(try maker.make(frame))
        for decorator in decorators.reversed() {
            function = try frame.interpreter.call(decorator, function)
        }
        try target.assign(function, frame)
        return .normal
    }
}

final class ImportNode: StmtNode {
    /// Each imported module: its dotted path, and where the name goes (the top-level package
    /// for `import a.b`, the module itself for `import a.b as c`).
    let imports: [(path: [String], bindsLeaf: Bool, target: TargetNode)]
    init(_ imports: [(path: [String], bindsLeaf: Bool, target: TargetNode)], line: Int) {
        self.imports = imports
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        for (path, bindsLeaf, target) in imports {
            let leaf = try interpreter.importModule(path.joined(separator: "."))
            let bound = bindsLeaf ? leaf : try interpreter.importModule(path[0])
            try target.assign(.object(bound), frame)
        }
        return .normal
    }
}

final class ImportFromNode: StmtNode {
    let module: String
    /// nil targets means `import *`.
    let names: [(name: String, target: TargetNode)]?
    let starTargets: (String) -> TargetNode?
    init(module: String, names: [(name: String, target: TargetNode)]?, starTargets: @escaping (String) -> TargetNode?, line: Int) {
        self.module = module
        self.names = names
        self.starTargets = starTargets
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        let source = try interpreter.importModule(module)
        guard let names else {
            for (name, value) in source.members where !name.hasPrefix("_") {
                try starTargets(name)?.assign(value, frame)
            }
            return .normal
        }
        for (name, target) in names {
            if let value = source.members[name] {
                try target.assign(value, frame)
            } else if let submodule = try? interpreter.importModule(module + "." + name) {
                try target.assign(.object(submodule), frame)
            } else {
                throw PyError(.importError, "cannot import name '\(name)' from '\(module)' (unknown location)")
            }
        }
        return .normal
    }
}

final class RaiseNode: StmtNode {
    let exception: ExprNode?
    init(_ exception: ExprNode?, line: Int) {
        self.exception = exception
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        guard let exception else {
            guard let current = interpreter.handledErrors.last else {
                throw PyError(.runtimeError, "No active exception to reraise")
            }
            var error = current
            error.traceback = []
            throw error
        }
        var value = try exception.eval(frame)
        if case .object(let type as PyType) = value, type.userClass != nil, type.errorKind != nil {
            value = try type.instantiate(Arguments(), interpreter)
        }
        switch value {
        case .object(let type as PyType) where type.errorKind != nil:
            throw PyError(type.errorKind ?? .exception, "")
        case .object(let instance as InstanceObject) where instance.type.errorKind != nil:
            var error = PyError(instance.type.errorKind ?? .exception, try instance.str(interpreter))
            error.payload = ExceptionPayload(value)
            throw error
        case .object(let instance as ExceptionObject):
            var error = instance.error
            error.traceback = []
            throw error
        default:
            throw PyError(.typeError, "exceptions must derive from BaseException")
        }
    }
}

final class TryNode: StmtNode {
    struct Handler {
        let type: ExprNode?
        let target: TargetNode?
        let body: StmtNode
        let line: Int
    }
    let body: StmtNode
    let handlers: [Handler]
    let otherwise: StmtNode?
    let finally: StmtNode?

    init(body: StmtNode, handlers: [Handler], otherwise: StmtNode?, finally: StmtNode?, line: Int) {
        self.body = body
        self.handlers = handlers
        self.otherwise = otherwise
        self.finally = finally
        super.init(line: line)
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let flow: Flow
        do {
            flow = try runHandlers(frame)
        } catch {
            if let finally {
                let finalFlow = try finally.exec(frame)
                if finalFlow != .normal { return finalFlow }
            }
            throw error
        }
        if let finally {
            let finalFlow = try finally.exec(frame)
            if finalFlow != .normal { return finalFlow }
        }
        return flow
    }

    private func runHandlers(_ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        do {
            let flow = try body.exec(frame)
            if flow != .normal { return flow }
        } catch {
            let caught = PyError(converting: error)
            for handler in handlers {
                if let type = handler.type {
                    frame.line = handler.line
                    guard try interpreter.matches(caught, try type.eval(frame)) else { continue }
                }
                if caught.kind == .keyboardInterrupt { interpreter.cancellation.consume() }
                try handler.target?.assign(interpreter.exceptionValue(for: caught), frame)
                interpreter.handledErrors.append(caught)
                defer { interpreter.handledErrors.removeLast() }
                let flow = try handler.body.exec(frame)
                try? handler.target?.delete(frame)
                return flow
            }
            throw caught
        }
        if let otherwise { return try otherwise.exec(frame) }
        return .normal
    }
}

final class WithNode: StmtNode {
    let context: ExprNode
    let target: TargetNode?
    let body: StmtNode
    init(context: ExprNode, target: TargetNode?, body: StmtNode, line: Int) {
        self.context = context
        self.target = target
        self.body = body
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        let manager = try context.eval(frame)
        guard case .object(let object) = manager else {
            throw PyError(.typeError, "'\(manager.typeName)' object does not support the context manager protocol")
        }
        let entered = try object.enter(interpreter)
        let flow: Flow
        do {
            try target?.assign(entered, frame)
            flow = try body.exec(frame)
        } catch {
            let caught = PyError(converting: error)
            if try object.exit(caught, interpreter) { return .normal }
            throw caught
        }
        _ = try object.exit(nil, interpreter)
        return flow
    }
}

extension Runtime {
    /// Whether an `except` clause naming `type` (a class or a tuple of classes) catches `error`.
    func matches(_ error: PyError, _ type: Value) throws -> Bool {
        switch type {
        case .object(let exceptionType as PyType):
            guard let kind = exceptionType.errorKind else {
                throw PyError(.typeError, "catching classes that do not inherit from BaseException is not allowed")
            }
            return error.kind.isSubkind(of: kind)
        case .object(let tuple as TupleObject):
            for item in tuple.items where try matches(error, item) { return true }
            return false
        default:
            throw PyError(.typeError, "catching classes that do not inherit from BaseException is not allowed")
        }
    }
}
