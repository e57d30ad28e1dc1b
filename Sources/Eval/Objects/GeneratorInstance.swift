/// What calling a generator function gives: the function's frame, run a step at a time by
/// `next()` / `send()` (see GeneratorNodes.swift for how a body resumes).
final class GeneratorInstance: PyObject, PyIterator {
    let function: FunctionObject
    let frame: Frame
    private(set) var finished = false
    private var started = false
    private var running = false
    /// What the body returned (`return value`), for `yield from`.
    private(set) var returnValue: Value = .none

    init(function: FunctionObject, frame: Frame) {
        self.function = function
        self.frame = frame
    }

    var pyType: PyType { GeneratorInstance.type }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { self }

    func next(_ interpreter: Runtime) throws -> Value? { try resume(sending: .none, interpreter) }

    /// Runs the body to its next `yield`; nil when it finished.
    func resume(sending value: Value, throwing error: PyError? = nil, _ interpreter: Runtime) throws -> Value? {
        guard !finished else {
            if let error { throw error }
            return nil
        }
        if running { throw PyError(.valueError, "generator already executing") }
        if !started {
            if !value.isNone { throw PyError(.typeError, "can't send non-None value to a just-started generator") }
            if let error {
                finished = true
                throw error
            }
        }
        started = true
        running = true
        defer { running = false }
        frame.sentValue = value
        frame.thrownError = error
        interpreter.callDepth += 1
        defer { interpreter.callDepth -= 1 }
        if interpreter.callDepth > interpreter.recursionLimit {
            throw PyError(.recursionError, "maximum recursion depth exceeded")
        }
        let flow: Flow
        do {
            flow = try function.code.body.exec(frame)
        } catch {
            finished = true
            frame.suspended = []
            var failure = PyError(converting: error)
            if failure.kind == .stopIteration {
                failure = PyError(.runtimeError, "generator raised StopIteration")
            }
            failure.traceback.append(interpreter.traceEntry(for: frame))
            throw failure
        }
        if case .yielded = flow { return frame.returnValue }
        finished = true
        returnValue = flow == .returned ? frame.returnValue : .none
        return nil
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "<generator object \(function.qualifiedName) at \(interpreter.address(of: self))>"
    }

    static let type = PyType("generator") { t in
        t.method("__next__()", of: GeneratorInstance.self, doc: "Implement next(self).") { generator, _, interp in
            if let item = try generator.next(interp) { return item }
            var stop = PyError(.stopIteration, generator.returnValue.isNone ? "" : try interp.str(generator.returnValue))
            stop.payload = nil
            throw stop
        }
        t.method("send(value, /)", of: GeneratorInstance.self, doc: "send(arg) -> send 'arg' into generator, return next yielded value or raise StopIteration.") { generator, args, interp in
            if let item = try generator.resume(sending: args.values[0], interp) { return item }
            throw PyError(.stopIteration, generator.returnValue.isNone ? "" : try interp.str(generator.returnValue))
        }
        t.method("throw(typ, val=None, tb=None, /)", of: GeneratorInstance.self, doc: "throw(value) -> raise exception in generator, return next yielded value or raise StopIteration.") { generator, args, interp in
            let error = try interp.errorToThrow(args.values[0], args.values[1])
            if let item = try generator.resume(sending: .none, throwing: error, interp) { return item }
            throw PyError(.stopIteration, "")
        }
        t.method("close()", of: GeneratorInstance.self, doc: "close() -> raise GeneratorExit inside generator.") { generator, _, _ in
            // Python runs pending `finally` blocks here; a closed generator simply stops.
            generator.finished = true
            generator.frame.suspended = []
            return .none
        }
    }
}

extension Runtime {
    /// The error `raise value` (or `gen.throw(type, value)`) would raise.
    func errorToThrow(_ value: Value, _ argument: Value = .none) throws -> PyError {
        var value = value
        if case .object(let type as PyType) = value, type.errorKind != nil {
            if type.userClass != nil {
                value = try type.instantiate(argument.isNone ? Arguments() : Arguments([argument]), self)
            } else {
                return PyError(type.errorKind ?? .exception, argument.isNone ? "" : try str(argument))
            }
        }
        switch value {
        case .object(let instance as InstanceObject) where instance.type.errorKind != nil:
            var error = PyError(instance.type.errorKind ?? .exception, try instance.str(self))
            error.payload = ExceptionPayload(value)
            return error
        case .object(let instance as ExceptionObject):
            var error = instance.error
            error.traceback = []
            return error
        default:
            return PyError(.typeError, "exceptions must derive from BaseException")
        }
    }
}
