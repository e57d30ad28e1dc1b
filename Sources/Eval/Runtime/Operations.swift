/// The language's operations on any value: what the evaluator does for `a + b`, `a[k]`,
/// `a.x`, `f(...)`, `repr(a)`, and what bindings call to treat values the way Python would.
extension Runtime {
    // MARK: Operators

    /// `a op b`, with Python's dispatch: scalars first, then the left object's hook, then the
    /// right object's reflected hook.
    public func binary(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)):
            if let r = try Arithmetic.int(op, x, y) { return r }
        case (.float(let x), .float(let y)):
            if let r = try Arithmetic.float(op, x, y) { return r }
        case (.int(let x), .float(let y)):
            if let r = try Arithmetic.float(op, Double(x), y) { return r }
        case (.float(let x), .int(let y)):
            if let r = try Arithmetic.float(op, x, Double(y)) { return r }
        case (.bool, _), (_, .bool):
            if let x = a.boolAsInt, let y = b.boolAsInt {
                if [.and, .or, .xor].contains(op), case .bool(let p) = a, case .bool(let q) = b {
                    switch op {
                    case .and: return .bool(p && q)
                    case .or: return .bool(p || q)
                    default: return .bool(p != q)
                    }
                }
                return try binary(op, x, y)
            }
        case (.string(let x), .string(let y)):
            if op == .add { return .string(x + y) }
            if op == .modulo { return .string(try percentFormat(x, b)) }
        case (.string(let x), _):
            if op == .multiply, let times = b.asIndex, b.object(as: ListObject.self) == nil {
                return .string(try repeatString(x, times))
            }
            if op == .modulo { return .string(try percentFormat(x, b)) }
            if op == .add, !b.isObject {
                throw PyError(.typeError, "can only concatenate str (not \"\(b.typeName)\") to str")
            }
        case (_, .string(let y)):
            if op == .multiply, let times = a.asIndex, a.object(as: ListObject.self) == nil {
                return .string(try repeatString(y, times))
            }
        default:
            break
        }
        if case .object(let object) = a, let r = try object.binaryOperation(op, b, reflected: false, self) {
            return r
        }
        if case .object(let object) = b, let r = try object.binaryOperation(op, a, reflected: true, self) {
            return r
        }
        if op == .add, case .object(let object) = a, object is ListObject || object is TupleObject {
            throw PyError(.typeError, "can only concatenate \(a.typeName) (not \"\(b.typeName)\") to \(a.typeName)")
        }
        let symbol = op == .power ? "** or pow()" : op.rawValue
        throw PyError(.typeError, "unsupported operand type(s) for \(symbol): '\(a.typeName)' and '\(b.typeName)'")
    }

    /// `a op= b`: the object's in-place hook if it has one, else `a op b`.
    public func inPlace(_ op: BinaryOperator, _ a: Value, _ b: Value) throws -> Value {
        if case .object(let object) = a, let r = try object.inPlaceOperation(op, b, self) { return r }
        return try binary(op, a, b)
    }

    func repeatString(_ string: String, _ times: Int) throws -> String {
        // An empty string stays empty however many times: no 10**12 iterations of nothing.
        guard times > 0, !string.isEmpty else { return "" }
        try checkAllocation(count: string.utf8.count, times: times, elementSize: 1)
        return String(repeating: string, count: times)
    }

    /// Unary `-x`, `+x`, `~x`.
    public func unary(_ op: UnaryOperator, _ value: Value) throws -> Value {
        switch (op, value) {
        case (.negate, .int(let x)):
            if x == .min { return .integer(-BigInt(x)) }
            return .int(-x)
        case (.negate, .float(let x)): return .float(-x)
        case (.negate, .bool(let b)): return .int(b ? -1 : 0)
        case (.plus, .int), (.plus, .float): return value
        case (.plus, .bool(let b)): return .int(b ? 1 : 0)
        case (.invert, .int(let x)): return .int(~x)
        case (.invert, .bool(let b)): return .int(b ? -2 : -1)
        case (_, .object(let object)):
            if let r = try object.unaryOperation(op, self) { return r }
        default: break
        }
        throw PyError(.typeError, "bad operand type for unary \(op.rawValue): '\(value.typeName)'")
    }

    /// `a op b` for comparisons; the result is usually a bool, but arrays give arrays.
    public func compare(_ op: ComparisonOperator, _ a: Value, _ b: Value) throws -> Value {
        switch (a, b) {
        case (.int(let x), .int(let y)): return .bool(Arithmetic.compare(op, x, y))
        case (.float(let x), .float(let y)): return .bool(Arithmetic.compare(op, x, y))
        case (.int(let x), .float(let y)): return .bool(Arithmetic.compare(op, Double(x), y))
        case (.float(let x), .int(let y)): return .bool(Arithmetic.compare(op, x, Double(y)))
        case (.string(let x), .string(let y)):
            if op == .equal { return .bool(x == y) }
            if op == .notEqual { return .bool(x != y) }
            return .bool(Arithmetic.compare(op, CodePointOrder(x), CodePointOrder(y)))
        case (.none, .none):
            if op == .equal { return .bool(true) }
            if op == .notEqual { return .bool(false) }
        case (.bool, .bool), (.bool, .int), (.int, .bool), (.bool, .float), (.float, .bool):
            if let x = a.boolAsInt, let y = b.boolAsInt { return try compare(op, x, y) }
        default: break
        }
        // Containers compare their items through here again: a list that contains itself would
        // recurse until the stack overflows. Counted like calls, as CPython counts them.
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > recursionLimit {
            throw PyError(.recursionError, "maximum recursion depth exceeded in comparison")
        }
        if case .object(let object) = a, let r = try object.compare(op, b, self) { return r }
        if case .object(let object) = b, let r = try object.compare(op.swapped, a, self) { return r }
        switch op {
        case .equal: return .bool(a.isIdentical(to: b))
        case .notEqual: return .bool(!a.isIdentical(to: b))
        default:
            throw PyError(.typeError, "'\(op.rawValue)' not supported between instances of '\(a.typeName)' and '\(b.typeName)'")
        }
    }

    /// `a == b` as a Swift Bool (for `in`, `list.index`, dict values).
    public func equals(_ a: Value, _ b: Value) throws -> Bool {
        switch (a, b) {
        case (.int(let x), .int(let y)): return x == y
        case (.string(let x), .string(let y)): return x == y
        case (.float(let x), .float(let y)): return x == y
        default:
            if case .object(let x) = a, case .object(let y) = b, x === y { return true }
            return try truthiness(try compare(.equal, a, b))
        }
    }

    /// Lexicographic comparison of two sequences, as lists and tuples compare.
    public func compareSequences(_ a: [Value], _ b: [Value], _ op: ComparisonOperator) throws -> Bool {
        var index = 0
        while index < a.count && index < b.count {
            if try !equals(a[index], b[index]) { break }
            index += 1
        }
        if index >= a.count || index >= b.count {
            return Arithmetic.compare(op, a.count, b.count)
        }
        if op == .equal { return false }
        if op == .notEqual { return true }
        return try truthiness(try compare(op, a[index], b[index]))
    }

    /// `bool(value)`.
    public func truthiness(_ value: Value) throws -> Bool {
        switch value {
        case .none: return false
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .float(let f): return f != 0
        case .string(let s): return !s.isEmpty
        case .object(let object): return try object.truthiness(self)
        }
    }

    /// `item in container`.
    public func contains(_ container: Value, _ item: Value) throws -> Bool {
        switch container {
        case .string(let s):
            guard case .string(let sub) = item else {
                throw PyError(.typeError, "'in <string>' requires string as left operand, not \(item.typeName)")
            }
            return sub.isEmpty || s.contains(sub)
        case .object(let object):
            if let result = try object.contains(item, self) { return result }
            let iterator = try object.makeIterator(self)
            while let element = try iterator.next(self) {
                if try equals(element, item) { return true }
            }
            return false
        default:
            throw PyError(.typeError, "argument of type '\(container.typeName)' is not iterable")
        }
    }

    // MARK: Attributes, items, calls

    /// `value.name`, raising `AttributeError` when there is none.
    public func attribute(_ value: Value, _ name: String) throws -> Value {
        if let result = try lookupAttribute(value, name) { return result }
        if case .object(let module as Module) = value {
            var message = "module '\(module.name)' has no attribute '\(name)'"
            if let suggestion = closestName(to: name, among: Set(module.members.keys)) {
                message += ". Did you mean: '\(suggestion)'?"
            }
            throw PyError(.attributeError, message)
        }
        if case .object(let type as PyType) = value {
            throw PyError(.attributeError, "type object '\(type.name)' has no attribute '\(name)'")
        }
        var message = "'\(value.typeName)' object has no attribute '\(name)'"
        if let suggestion = closestName(to: name, among: Set(attributeNames(value))) {
            message += ". Did you mean: '\(suggestion)'?"
        }
        throw PyError(.attributeError, message)
    }

    /// `value.name`, or nil when there is none.
    public func lookupAttribute(_ value: Value, _ name: String) throws -> Value? {
        if case .object(let instance as InstanceObject) = value { return try instance.attribute(name, self) }
        let type = value.pyType
        if case .object(let object) = value, object is PyType || object is Module {
            return try object.attribute(name, self)
        }
        if let property = type.lookupProperty(name) { return try property.get(value, self) }
        if let method = type.lookupMethod(name) { return .object(BoundMethod(receiver: value, method: method)) }
        if case .object(let object) = value { return try object.attribute(name, self) }
        return nil
    }

    /// `value.name = newValue`.
    public func setAttribute(_ value: Value, _ name: String, _ newValue: Value) throws {
        if case .object(let instance as InstanceObject) = value {
            try instance.setAttribute(name, to: newValue, self)
            return
        }
        if let property = value.pyType.lookupProperty(name) {
            guard let set = property.set else {
                throw PyError(.attributeError, "property '\(name)' of '\(value.typeName)' object has no setter")
            }
            try set(value, newValue, self)
            return
        }
        guard case .object(let object) = value else {
            throw PyError(.attributeError, "'\(value.typeName)' object has no attribute '\(name)'")
        }
        try object.setAttribute(name, to: newValue, self)
    }

    /// `del value.name`.
    public func deleteAttribute(_ value: Value, _ name: String) throws {
        if case .object(let instance as InstanceObject) = value {
            try instance.deleteAttribute(name, self)
            return
        }
        if case .object(let type as PyType) = value, let userClass = type.userClass {
            guard userClass.namespace.removeValue(forKey: name) != nil else {
                throw PyError(.attributeError, "type object '\(type.name)' has no attribute '\(name)'")
            }
            userClass.names.removeAll { $0 == name }
            classEpoch &+= 1
            return
        }
        if case .object(let function as FunctionObject) = value, function.attributes.removeValue(forKey: name) != nil { return }
        throw PyError(.attributeError, "cannot delete attribute '\(name)' of '\(value.typeName)' object")
    }

    /// Every attribute name of a value, for `dir()` and completion.
    public func attributeNames(_ value: Value) -> [String] {
        var names = Set(value.pyType.instanceAttributeNames)
        if case .object(let object) = value { names.formUnion(object.dynamicAttributeNames) }
        if case .object(let type as PyType) = value { names = Set(type.dynamicAttributeNames) }
        return names.sorted()
    }

    /// `value[key]`.
    public func item(_ value: Value, _ key: Value) throws -> Value {
        switch value {
        case .object(let object): return try object.item(key, self)
        case .string(let s): return try stringItem(s, key)
        default: throw PyError(.typeError, "'\(value.typeName)' object is not subscriptable")
        }
    }

    /// `value[key] = newValue`.
    public func setItem(_ value: Value, _ key: Value, _ newValue: Value) throws {
        guard case .object(let object) = value else {
            throw PyError(.typeError, "'\(value.typeName)' object does not support item assignment")
        }
        try object.setItem(key, to: newValue, self)
    }

    /// Calls any callable value.
    public func call(_ callee: Value, _ arguments: Arguments) throws -> Value {
        guard case .object(let object) = callee else {
            throw PyError(.typeError, "'\(callee.typeName)' object is not callable")
        }
        return try object.call(arguments, self)
    }

    /// Calls a callable with positional arguments.
    public func call(_ callee: Value, _ positional: Value...) throws -> Value {
        try call(callee, Arguments(positional))
    }

    /// Whether a value can be called.
    public func isCallable(_ value: Value) -> Bool {
        guard case .object(let object) = value else { return false }
        if object is FunctionObject || object is BuiltinFunction || object is BoundMethod
            || object is UnboundMethod { return true }
        if let type = object as? PyType { return type.constructor != nil || type.errorKind != nil || type.userClass != nil }
        if let instance = object as? InstanceObject {
            if let call = instance.userClass.special("__call__", self) { return !call.isNone }
            return false
        }
        if object is MethodObject || object is StaticMethodObject { return true }
        return object.pyType.lookupMethod("__call__") != nil || object is CallableObject
    }

    // MARK: Iteration

    /// An iterator over any iterable value.
    public func makeIterator(_ value: Value) throws -> any PyIterator {
        switch value {
        case .object(let object): return try object.makeIterator(self)
        case .string(let s): return ArrayIterator(s.unicodeScalars.map { .string(String($0)) })
        default: throw PyError(.typeError, "'\(value.typeName)' object is not iterable")
        }
    }

    /// All elements of an iterable, as `list(value)` would give them.
    public func collect(_ value: Value) throws -> [Value] {
        switch value {
        case .object(let list as ListObject): return list.items
        case .object(let tuple as TupleObject): return tuple.items
        case .object(let range as RangeObject):
            try checkAllocation(count: range.count, elementSize: MemoryLayout<Value>.stride)
            var result: [Value] = []
            result.reserveCapacity(range.count)
            var current = range.start
            for _ in 0..<range.count {
                result.append(.int(current))
                current &+= range.step
            }
            return result
        case .string(let s): return s.unicodeScalars.map { .string(String($0)) }
        default:
            let iterator = try makeIterator(value)
            var result: [Value] = []
            var polled = 0
            while let element = try iterator.next(self) {
                result.append(element)
                polled += 1
                if polled & 0xFFF == 0 { try checkCancellation() }
            }
            return result
        }
    }

    /// `len(value)`.
    public func length(_ value: Value) throws -> Int {
        switch value {
        case .string(let s): return s.unicodeScalars.count
        case .object(let object):
            if let n = try object.length(self) { return n }
        default: break
        }
        throw PyError(.typeError, "object of type '\(value.typeName)' has no len()")
    }

    // MARK: Text

    /// `repr(value)`.
    public func repr(_ value: Value) throws -> String {
        switch value {
        case .none: return "None"
        case .bool(let b): return b ? "True" : "False"
        case .int(let i): return String(i)
        case .float(let f): return FloatRepr.repr(f)
        case .string(let s): return StringRepr.repr(s)
        case .object(let object): return try object.repr(self)
        }
    }

    /// `str(value)`, what `print` writes.
    public func str(_ value: Value) throws -> String {
        switch value {
        case .string(let s): return s
        case .object(let object): return try object.str(self)
        default: return try repr(value)
        }
    }

    /// Runs `body` to repr a container, giving `placeholder` if the container is already being
    /// repr'd further up (a list that contains itself prints as `[[...]]`).
    public func withReprGuard(_ object: AnyObject, placeholder: String, _ body: () throws -> String) throws -> String {
        let id = ObjectIdentifier(object)
        if reprInProgress.contains(id) { return placeholder }
        callDepth += 1
        defer { callDepth -= 1 }
        if callDepth > recursionLimit {
            throw PyError(.recursionError, "maximum recursion depth exceeded while getting the repr of an object")
        }
        reprInProgress.insert(id)
        defer { reprInProgress.remove(id) }
        return try body()
    }
}

extension Value {
    var boolAsInt: Value? {
        switch self {
        case .bool(let b): .int(b ? 1 : 0)
        case .int, .float: self
        default: nil
        }
    }

    var isObject: Bool {
        if case .object = self { return true }
        return false
    }
}

/// Strings ordered by code point, as Python orders them.
struct CodePointOrder: Comparable {
    let string: String
    init(_ string: String) { self.string = string }
    static func < (a: CodePointOrder, b: CodePointOrder) -> Bool {
        a.string.unicodeScalars.lexicographicallyPrecedes(b.string.unicodeScalars) { $0.value < $1.value }
    }
    static func == (a: CodePointOrder, b: CodePointOrder) -> Bool {
        a.string.unicodeScalars.elementsEqual(b.string.unicodeScalars)
    }
}

/// Marker for objects that are callable without being functions (so `callable()` knows).
public protocol CallableObject: PyObject {}
