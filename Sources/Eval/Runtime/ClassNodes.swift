/// Executable nodes for `class` statements and zero-argument `super()`.

/// Runs a class body in a frame of its own, makes the class from the names it bound, then
/// applies the decorators and binds the class's name.
final class ClassDefinitionNode: StmtNode {
    let name: String
    let code: CodeUnit
    /// For each free variable of the body, where it lives in the defining frame.
    let captures: [Int]
    /// The names the body binds and their slots, in binding order.
    let namespace: [(String, Int)]
    /// The body's `__class__` cell (used by methods calling `super()`), if any.
    let classCell: Int?
    let doc: String?
    let bases: ElementList
    let keywords: [(name: String, value: ExprNode)]
    let decorators: [ExprNode]
    let target: TargetNode

    init(name: String, code: CodeUnit, captures: [Int], namespace: [(String, Int)], classCell: Int?, doc: String?,
         bases: ElementList, keywords: [(name: String, value: ExprNode)], decorators: [ExprNode],
         target: TargetNode, line: Int) {
        self.name = name
        self.code = code
        self.captures = captures
        self.namespace = namespace
        self.classCell = classCell
        self.doc = doc
        self.bases = bases
        self.keywords = keywords
        self.decorators = decorators
        self.target = target
        super.init(line: line)
    }

    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let interpreter = frame.interpreter
        let decorators = try self.decorators.map { try $0.eval(frame) }
        let baseValues = try bases.evaluate(frame)
        for (keyword, node) in keywords {
            let value = try node.eval(frame)
            if keyword == "metaclass", let meta = value.object(as: PyType.self), meta.name == "ABCMeta" { continue }
            _ = value
            throw PyError.notImplemented("class keyword '\(keyword)' is not supported")
        }
        let body = Frame(code: code, interpreter: interpreter, closure: ContiguousArray(captures.map { frame.cells[$0] }))
        interpreter.callDepth += 1
        defer { interpreter.callDepth -= 1 }
        if interpreter.callDepth > interpreter.recursionLimit {
            throw PyError(.recursionError, "maximum recursion depth exceeded")
        }
        do {
            _ = try code.body.exec(body)
        } catch {
            var error = PyError(converting: error)
            error.traceback.append(interpreter.traceEntry(for: body))
            throw error
        }
        var bound: [(String, Value)] = [("__module__", .string("__main__")), ("__qualname__", .string(name))]
        if let doc { bound.append(("__doc__", .string(doc))) }
        for (key, slot) in namespace {
            if let value = body.slots[slot] { bound.append((key, value)) }
        }
        let type = try PyType.makeUserClass(name: name, bases: baseValues, namespace: bound, doc: doc, interpreter)
        if let classCell { body.cells[classCell].value = .object(type) }
        var result: Value = .object(type)
        for decorator in decorators.reversed() {
            result = try interpreter.call(decorator, result)
        }
        try target.assign(result, frame)
        return .normal
    }
}

/// `name: annotation [= value]` in a class body: records the annotation in the body's
/// `__annotations__` dict (made on first use), then assigns.
final class AnnotationNode: StmtNode {
    let name: String
    let annotation: ExprNode
    /// The class body's slot for `__annotations__`.
    let tableSlot: Int
    let assignment: StmtNode?
    init(name: String, annotation: ExprNode, tableSlot: Int, assignment: StmtNode?, line: Int) {
        self.name = name
        self.annotation = annotation
        self.tableSlot = tableSlot
        self.assignment = assignment
        super.init(line: line)
    }
    override func exec(_ frame: Frame) throws -> Flow {
        frame.line = line
        let dict: DictObject
        if let found = frame.slots[tableSlot]?.object(as: DictObject.self) {
            dict = found
        } else {
            dict = DictObject()
            frame.slots[tableSlot] = .object(dict)
        }
        dict.storage.set(DictKey(string: name), try annotation.eval(frame))
        return try assignment?.exec(frame) ?? .normal
    }
}

/// A class body reading a name it binds: its own value once bound, else the global or
/// builtin of that name (Python's LOAD_NAME).
final class ClassBodyLoadNode: ExprNode {
    let slot: Int
    let name: String
    let fallback: ExprNode
    init(slot: Int, name: String, fallback: ExprNode, line: Int) {
        self.slot = slot
        self.name = name
        self.fallback = fallback
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        if let value = frame.slots[slot] { return value }
        return try fallback.eval(frame)
    }
}

/// `super()` inside a method: the class from the `__class__` cell, the receiver from the
/// method's first argument.
final class SuperCallNode: ExprNode {
    let classLoad: ExprNode
    let instanceLoad: ExprNode?
    init(classLoad: ExprNode, instanceLoad: ExprNode?, line: Int) {
        self.classLoad = classLoad
        self.instanceLoad = instanceLoad
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        guard let instanceLoad else { throw PyError(.runtimeError, "super(): no arguments") }
        let type = try classLoad.eval(frame)
        guard let start = type.object(as: PyType.self) else { throw PyError(.runtimeError, "super(): __class__ cell not found") }
        return try makeSuper(start, try instanceLoad.eval(frame))
    }
}

/// `super(type, obj)`, checked as Python checks it.
func makeSuper(_ start: PyType, _ receiver: Value) throws -> Value {
    let receiverType = receiver.object(as: PyType.self) ?? receiver.pyType
    guard receiver.pyType.isSubtype(of: start) || receiverType.isSubtype(of: start) else {
        throw PyError(.typeError, "super(type, obj): obj must be an instance or subtype of type")
    }
    return .object(SuperObject(start: start, receiver: receiver))
}
