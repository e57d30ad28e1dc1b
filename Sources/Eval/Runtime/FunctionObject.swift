/// A function defined with `def` or `lambda`.
final class FunctionObject: PyObject {
    let code: CodeUnit
    let name: String
    let parameters: [CompiledParameter]
    /// Default values by parameter index (nil for required parameters).
    let defaults: [Value?]
    let closure: ContiguousArray<Cell>
    let doc: String?
    let signature: Signature
    /// The number of plain positional parameters, when the function has only those and no
    /// defaults are needed for a full call (enables the fast call path).
    let positionalCount: Int
    let isSimple: Bool
    /// Where each parameter is stored (kept apart from the names so a call copies no strings).
    let bindings: [NameBinding]
    var attributes: [String: Value] = [:]
    /// `C.method` for functions defined in a class body (`__qualname__`).
    var qualifiedName: String

    init(code: CodeUnit, name: String, parameters: [CompiledParameter], defaults: [Value?],
         closure: ContiguousArray<Cell>, doc: String?, signature: Signature) {
        self.code = code
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.closure = closure
        self.doc = doc
        self.signature = signature
        positionalCount = parameters.filter { $0.kind == .positional }.count
        isSimple = parameters.allSatisfy { $0.kind == .positional }
        bindings = parameters.map(\.binding)
        qualifiedName = name
    }

    var pyType: PyType { .function }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        let frame = makeFrame(interpreter)
        try bind(arguments, into: frame)
        return try run(consume frame)
    }

    /// A frame for a call: a recycled one when the code has one, else a new one.
    @inline(__always)
    func makeFrame(_ interpreter: Runtime) -> Frame {
        if let frame = code.framePool.popLast() {
            if !frame.cells.isEmpty || !closure.isEmpty {
                // Closures may still hold the old cells: every call gets fresh ones.
                var cells = closure
                for _ in 0..<code.cellNames.count { cells.append(Cell()) }
                frame.cells = cells
            }
            return frame
        }
        return Frame(code: code, interpreter: interpreter, closure: closure)
    }

    /// Stores an argument into the parameter's slot or cell.
    @inline(__always)
    func store(_ value: Value, parameter index: Int, in frame: Frame) {
        switch bindings[index] {
        case .local(let slot): frame.slots[slot] = value
        case .cell(let cell): frame.cells[cell].value = value
        case .global: break
        }
    }

    /// Runs the body in a frame whose parameters are bound, then recycles the frame.
    func run(_ frame: consuming Frame) throws -> Value {
        if code.isGenerator { return .object(GeneratorInstance(function: self, frame: frame)) }
        let interpreter = frame.interpreter
        interpreter.callDepth += 1
        defer { interpreter.callDepth -= 1 }
        if interpreter.callDepth > interpreter.recursionLimit {
            throw PyError(.recursionError, "maximum recursion depth exceeded")
        }
        if interpreter.cancellation.isRaised { try interpreter.checkCancellation() }
        do {
            _ = try code.body.exec(frame)
        } catch {
            var error = PyError(converting: error)
            error.traceback.append(interpreter.traceEntry(for: frame))
            throw error
        }
        let result = frame.returnValue
        if isKnownUniquelyReferenced(&frame) && code.framePool.count < 64 {
            frame.reset()
            code.framePool.append(frame)
        }
        return result
    }

    /// Python's argument binding, with Python's messages for user functions.
    func bind(_ arguments: Arguments, into frame: Frame) throws {
        var given = [Bool](repeating: false, count: parameters.count)
        var extra: [Value] = []
        var positionalIndex = 0
        let variadic = parameters.firstIndex { $0.kind == .variadicPositional }
        let keywordsIndex = parameters.firstIndex { $0.kind == .variadicKeywords }
        for value in arguments.positional {
            while positionalIndex < parameters.count && parameters[positionalIndex].kind != .positional {
                positionalIndex = parameters.count
            }
            if positionalIndex < parameters.count {
                store(value, parameter: positionalIndex, in: frame)
                given[positionalIndex] = true
                positionalIndex += 1
            } else if variadic != nil {
                extra.append(value)
            } else {
                throw tooManyPositional(arguments.positional.count, keywordCount: arguments.keywords.count)
            }
        }
        if let variadic { store(.tuple(extra), parameter: variadic, in: frame) }
        var extraKeywords: [(String, Value)] = []
        for (keyword, value) in arguments.keywords {
            if let index = parameters.firstIndex(where: { $0.name == keyword && ($0.kind == .positional || $0.kind == .keywordOnly) }),
               !parameters[index].positionalOnly {
                if given[index] { throw PyError(.typeError, "\(qualifiedName)() got multiple values for argument '\(keyword)'") }
                store(value, parameter: index, in: frame)
                given[index] = true
            } else if keywordsIndex != nil {
                extraKeywords.append((keyword, value))
            } else {
                throw PyError(.typeError, "\(qualifiedName)() got an unexpected keyword argument '\(keyword)'")
            }
        }
        if let keywordsIndex { store(.dict(extraKeywords), parameter: keywordsIndex, in: frame) }
        var missingPositional: [String] = []
        var missingKeyword: [String] = []
        for (index, parameter) in parameters.enumerated() where !given[index] {
            guard parameter.kind == .positional || parameter.kind == .keywordOnly else { continue }
            if let value = defaults[index] {
                store(value, parameter: index, in: frame)
            } else if parameter.kind == .positional {
                missingPositional.append(parameter.name)
            } else {
                missingKeyword.append(parameter.name)
            }
        }
        if !missingPositional.isEmpty { throw missing(missingPositional, "positional") }
        if !missingKeyword.isEmpty { throw missing(missingKeyword, "keyword-only") }
    }

    func missing(_ names: [String], _ kind: String) -> PyError {
        let quoted = names.map { "'\($0)'" }
        let list: String
        switch quoted.count {
        case 1: list = quoted[0]
        case 2: list = "\(quoted[0]) and \(quoted[1])"
        default: list = quoted.dropLast().joined(separator: ", ") + ", and " + (quoted.last ?? "")
        }
        let plural = names.count == 1 ? "argument" : "arguments"
        return PyError(.typeError, "\(qualifiedName)() missing \(names.count) required \(kind) \(plural): \(list)")
    }

    func tooManyPositional(_ count: Int, keywordCount: Int) -> PyError {
        let required = parameters.indices.filter { parameters[$0].kind == .positional && defaults[$0] == nil }.count
        let takes = required == positionalCount
            ? "\(positionalCount) positional argument\(positionalCount == 1 ? "" : "s")"
            : "from \(required) to \(positionalCount) positional arguments"
        return PyError(.typeError, "\(qualifiedName)() takes \(takes) but \(count) \(count == 1 ? "was" : "were") given")
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "<function \(qualifiedName) at \(interpreter.address(of: self))>"
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "__name__": return attributes["__name__"] ?? .string(self.name)
        case "__dict__":
            return .dict(attributes.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
        case "__qualname__": return .string(qualifiedName)
        case "__module__": return .string("__main__")
        case "__doc__": return attributes["__doc__"] ?? doc.map(Value.string) ?? Value.none
        default: return attributes[name]
        }
    }

    func setAttribute(_ name: String, to value: Value, _ interpreter: Runtime) throws {
        if name == "__qualname__" || name == "__name__" {
            guard case .string(let text) = value else {
                throw PyError(.typeError, "__name__ must be set to a string object")
            }
            if name == "__qualname__" { qualifiedName = text; return }
        }
        attributes[name] = value
    }
}

/// A parameter as the compiled function stores it.
struct CompiledParameter {
    var name: String
    var kind: Parameter.Kind
    var binding: NameBinding
    var positionalOnly: Bool
}

extension Runtime {
    /// The traceback line for a frame that an error is leaving.
    func traceEntry(for frame: Frame) -> TraceEntry {
        let location = frame.code.location
        let sourceLine = cellSources[location].flatMap { lines in
            frame.line >= 1 && frame.line <= lines.count ? lines[frame.line - 1] : nil
        }
        let function = frame.code.name == "<module>" ? nil : frame.code.name
        return TraceEntry(location: location, line: frame.line, function: function, sourceLine: sourceLine)
    }
}
