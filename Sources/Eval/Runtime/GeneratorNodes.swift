import ML

// Generators as re-entrant statement nodes.
//
// A generator's body runs on the cell thread like any call. At a `yield`, the statements
// that enclose it return `.yielded` one after the other, each recording where it stands
// (`ResumePoint`) on the frame, innermost first. `next()` runs the body again: each
// enclosing statement takes its record back, outermost first, and continues from there
// without re-running what came before. Only statements that contain a `yield` need this;
// the compiler gives them the `Gen...` nodes below and every other statement stays the
// ordinary node.
//
// Why not a thread or a coroutine per generator: a switch between threads costs
// microseconds (a pipeline of 10^5 items would spend most of its time switching), each
// thread needs its own big stack, an interrupt would have to reach the generator's thread,
// and a dropped generator would leave a parked thread behind. Re-entrant nodes keep a
// generator an ordinary object: cheap to create and to drop, interrupted by the same
// cancellation checks as any loop, and run on the cell thread's big stack.
//
// Limits: `yield` must be a statement (`yield x`, `yield from xs`) or the value of an
// assignment (`x = yield y`); elsewhere inside an expression it raises NotImplementedError
// at compile time.

/// Where a suspended statement of a generator stands.
enum ResumePoint {
    case block(index: Int)
    case branch(index: Int)
    case loopBody
    case loopElse
    case forBody(iterator: any PyIterator)
    case tryBody
    case tryHandler(index: Int, error: PyError)
    case tryElse
    case tryFinally(outcome: Result<Flow, PyError>)
    case withBody(manager: any PyObject)
    case yieldPoint
    case yieldFrom(iterator: any PyIterator)
}

extension Frame {
    /// The record of the statement being resumed, when the generator is resuming.
    @inline(__always)
    func resumePoint() -> ResumePoint? {
        suspended.isEmpty ? nil : suspended.removeLast()
    }
}

final class GenBlockNode: StmtNode {
    let body: ContiguousArray<StmtNode>
    init(_ body: [StmtNode], line: Int) {
        self.body = ContiguousArray(body)
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        var index = 0
        if case .block(let saved)? = frame.resumePoint() { index = saved }
        while index < body.count {
            let flow = try body[index].exec(frame)
            if case .normal = flow { index += 1; continue }
            if case .yielded = flow { frame.suspended.append(.block(index: index)) }
            return flow
        }
        return .normal
    }
}

final class GenIfNode: StmtNode {
    let branches: [(condition: ExprNode, body: StmtNode)]
    let otherwise: StmtNode?
    init(branches: [(condition: ExprNode, body: StmtNode)], otherwise: StmtNode?, line: Int) {
        self.branches = branches
        self.otherwise = otherwise
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        var chosen = -1
        if case .branch(let saved)? = frame.resumePoint() {
            chosen = saved
        } else {
            chosen = branches.count
            for (index, branch) in branches.enumerated() {
                frame.line = branch.condition.line
                if try frame.interpreter.isTrue(try branch.condition.eval(frame)) { chosen = index; break }
            }
        }
        let body = chosen < branches.count ? branches[chosen].body : otherwise
        guard let body else { return .normal }
        let flow = try body.exec(frame)
        if case .yielded = flow { frame.suspended.append(.branch(index: chosen)) }
        return flow
    }
}

final class GenWhileNode: StmtNode {
    let condition: ExprNode
    let body: StmtNode
    let otherwise: StmtNode?
    init(condition: ExprNode, body: StmtNode, otherwise: StmtNode?, line: Int) {
        self.condition = condition
        self.body = body
        self.otherwise = otherwise
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        var resumingBody = false
        switch frame.resumePoint() {
        case .loopBody?: resumingBody = true
        case .loopElse?: return try runElse(frame)
        default: break
        }
        while true {
            if !resumingBody {
                if interpreter.cancellation.isRaised { try interpreter.checkCancellation() }
                frame.line = line
                guard try interpreter.isTrue(try condition.eval(frame)) else { break }
            }
            resumingBody = false
            switch try body.exec(frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return .returned
            case .yielded:
                frame.suspended.append(.loopBody)
                return .yielded
            }
        }
        return try runElse(frame)
    }
    private func runElse(_ frame: Frame) throws -> Flow {
        guard let otherwise else { return .normal }
        let flow = try otherwise.exec(frame)
        if case .yielded = flow { frame.suspended.append(.loopElse) }
        return flow
    }
}

final class GenForNode: StmtNode {
    let target: TargetNode
    let iterable: ExprNode
    let body: StmtNode
    let otherwise: StmtNode?
    init(target: TargetNode, iterable: ExprNode, body: StmtNode, otherwise: StmtNode?, line: Int) {
        self.target = target
        self.iterable = iterable
        self.body = body
        self.otherwise = otherwise
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        let iterator: any PyIterator
        var resumingBody = false
        switch frame.resumePoint() {
        case .forBody(let saved)?:
            iterator = saved
            resumingBody = true
        case .loopElse?:
            return try runElse(frame)
        default:
            frame.line = line
            iterator = try interpreter.makeIterator(try iterable.eval(frame))
        }
        while true {
            if !resumingBody {
                if interpreter.cancellation.isRaised { try interpreter.checkCancellation() }
                frame.line = line
                guard let item = try iterator.next(interpreter) else { break }
                try target.assign(item, frame)
            }
            resumingBody = false
            switch try body.exec(frame) {
            case .normal, .continueLoop: continue
            case .breakLoop: return .normal
            case .returned: return .returned
            case .yielded:
                frame.suspended.append(.forBody(iterator: iterator))
                return .yielded
            }
        }
        return try runElse(frame)
    }
    private func runElse(_ frame: Frame) throws -> Flow {
        guard let otherwise else { return .normal }
        let flow = try otherwise.exec(frame)
        if case .yielded = flow { frame.suspended.append(.loopElse) }
        return flow
    }
}

final class GenTryNode: StmtNode {
    let body: StmtNode
    let handlers: [TryNode.Handler]
    let otherwise: StmtNode?
    let finally: StmtNode?

    init(body: StmtNode, handlers: [TryNode.Handler], otherwise: StmtNode?, finally: StmtNode?, line: Int) {
        self.body = body
        self.handlers = handlers
        self.otherwise = otherwise
        self.finally = finally
        super.init(line: line)
    }

    override func exec(_ frame: Frame) throws -> Flow {
        let outcome: Result<Flow, PyError>
        let point = frame.resumePoint()
        if case .tryFinally(let saved)? = point {
            outcome = saved
        } else {
            do {
                let flow = try runMain(frame, point)
                if case .yielded = flow { return .yielded }
                outcome = .success(flow)
            } catch {
                outcome = .failure(PyError(converting: error))
            }
        }
        if let finally {
            let finalFlow = try finally.exec(frame)
            if case .yielded = finalFlow {
                frame.suspended.append(.tryFinally(outcome: outcome))
                return .yielded
            }
            if finalFlow != .normal { return finalFlow }
        }
        return try outcome.get()
    }

    private func runMain(_ frame: Frame, _ point: ResumePoint?) throws -> Flow {
        switch point {
        case .tryHandler(let index, let error)?:
            return try runHandler(index, error, frame)
        case .tryElse?:
            return try runElse(frame)
        default:
            break
        }
        do {
            let flow = try body.exec(frame)
            if case .yielded = flow {
                frame.suspended.append(.tryBody)
                return .yielded
            }
            if flow != .normal { return flow }
        } catch {
            let caught = PyError(converting: error)
            let interpreter = frame.interpreter
            for (index, handler) in handlers.enumerated() {
                if let type = handler.type {
                    frame.line = handler.line
                    guard try interpreter.matches(caught, try type.eval(frame)) else { continue }
                }
                if caught.kind == .keyboardInterrupt { interpreter.cancellation.consume() }
                try handler.target?.assign(interpreter.exceptionValue(for: caught), frame)
                return try runHandler(index, caught, frame)
            }
            throw caught
        }
        return try runElse(frame)
    }

    private func runHandler(_ index: Int, _ error: PyError, _ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        let handler = handlers[index]
        interpreter.handledErrors.append(error)
        defer { interpreter.handledErrors.removeLast() }
        let flow = try handler.body.exec(frame)
        if case .yielded = flow {
            frame.suspended.append(.tryHandler(index: index, error: error))
            return .yielded
        }
        try? handler.target?.delete(frame)
        return flow
    }

    private func runElse(_ frame: Frame) throws -> Flow {
        guard let otherwise else { return .normal }
        let flow = try otherwise.exec(frame)
        if case .yielded = flow { frame.suspended.append(.tryElse) }
        return flow
    }
}

final class GenWithNode: StmtNode {
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
        let interpreter = frame.interpreter
        let object: any PyObject
        if case .withBody(let manager)? = frame.resumePoint() {
            object = manager
        } else {
            frame.line = line
            let manager = try context.eval(frame)
            guard case .object(let entered) = manager else {
                throw PyError(.typeError, "'\(manager.typeName)' object does not support the context manager protocol")
            }
            object = entered
            try target?.assign(try object.enter(interpreter), frame)
        }
        let flow: Flow
        do {
            flow = try body.exec(frame)
        } catch {
            let caught = PyError(converting: error)
            if try object.exit(caught, interpreter) { return .normal }
            throw caught
        }
        if case .yielded = flow {
            frame.suspended.append(.withBody(manager: object))
            return .yielded
        }
        _ = try object.exit(nil, interpreter)
        return flow
    }
}

/// `yield value` as a statement, or `target = yield value`.
final class YieldNode: StmtNode {
    let value: ExprNode?
    let target: TargetNode?
    init(value: ExprNode?, target: TargetNode?, line: Int) {
        self.value = value
        self.target = target
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        if case .yieldPoint? = frame.resumePoint() {
            if let error = frame.thrownError {
                frame.thrownError = nil
                throw error
            }
            try target?.assign(frame.sentValue, frame)
            return .normal
        }
        frame.line = line
        frame.returnValue = try value?.eval(frame) ?? .none
        frame.suspended.append(.yieldPoint)
        return .yielded
    }
}

/// `yield from iterable` (or `target = yield from iterable`): yields each item of the
/// iterable; the value is what a delegated generator returned.
final class YieldFromNode: StmtNode {
    let iterable: ExprNode
    let target: TargetNode?
    init(iterable: ExprNode, target: TargetNode?, line: Int) {
        self.iterable = iterable
        self.target = target
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        let interpreter = frame.interpreter
        let iterator: any PyIterator
        var sent: Value = .none
        if case .yieldFrom(let saved)? = frame.resumePoint() {
            iterator = saved
            sent = frame.sentValue
            if let error = frame.thrownError {
                frame.thrownError = nil
                throw error
            }
        } else {
            frame.line = line
            iterator = try interpreter.makeIterator(try iterable.eval(frame))
        }
        let item: Value?
        if let generator = iterator as? GeneratorInstance {
            item = try generator.resume(sending: sent, interpreter)
        } else {
            item = try iterator.next(interpreter)
        }
        if let item {
            frame.returnValue = item
            frame.suspended.append(.yieldFrom(iterator: iterator))
            return .yielded
        }
        let result = (iterator as? GeneratorInstance)?.returnValue ?? .none
        try target?.assign(result, frame)
        return .normal
    }
}
