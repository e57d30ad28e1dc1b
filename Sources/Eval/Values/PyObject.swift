/// An object of the cell language: a list, a module, an array, a model, a figure.
///
/// Every requirement except `pyType` has a default, so a type implements only the
/// capabilities it has (attributes, indexing, calling, iteration, operators, display).
/// A default either answers "not supported" (`nil`) or throws the `TypeError` Python gives.
///
/// Methods and properties are usually declared on the type (`PyType`'s builder) rather than
/// here; `attribute(_:_:)` is for attributes that only exist at run time (a module's members).
public protocol PyObject: AnyObject {
    /// The object's class: its name, methods and properties.
    var pyType: PyType { get }

    /// An attribute not found among the type's methods and properties, or nil when there is
    /// none (the evaluator then raises `AttributeError`).
    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value?
    /// Sets an attribute (`obj.name = value`). Default: `AttributeError`.
    func setAttribute(_ name: String, to value: Value, _ interpreter: Runtime) throws
    /// Names of run-time attributes, for `dir()` and completion.
    var dynamicAttributeNames: [String] { get }

    /// `obj[key]`. Default: `TypeError: 'X' object is not subscriptable`.
    func item(_ key: Value, _ interpreter: Runtime) throws -> Value
    /// `obj[key] = value`. Default: `TypeError: 'X' object does not support item assignment`.
    func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws
    /// `del obj[key]`. Default: `TypeError`.
    func deleteItem(_ key: Value, _ interpreter: Runtime) throws

    /// `obj(...)`. Default: `TypeError: 'X' object is not callable`.
    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value

    /// An iterator over the object (`for x in obj`). Default: `TypeError: 'X' object is not iterable`.
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator
    /// `len(obj)`, or nil when the object has no length.
    func length(_ interpreter: Runtime) throws -> Int?
    /// `bool(obj)`. Default: false when the length is 0, true otherwise.
    func truthiness(_ interpreter: Runtime) throws -> Bool
    /// `item in obj`, or nil to fall back to iteration.
    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool?

    /// A binary operator with `other` on the right, or (when `reflected`) on the left, as
    /// `__add__`/`__radd__` do. Return nil for "not implemented" so the other side is tried.
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value?
    /// An in-place operator (`+=`); nil falls back to the binary operator.
    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Runtime) throws -> Value?
    /// Unary `-`, `+`, `~`; nil when unsupported.
    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value?
    /// A rich comparison with `other` on the right; nil for "not implemented" (the evaluator
    /// then tries the reflected comparison on `other`, and falls back to identity for `==`).
    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value?

    /// `repr(obj)`, also the `text/plain` of a displayed result.
    func repr(_ interpreter: Runtime) throws -> String
    /// `str(obj)` and what `print` writes. Default: the repr.
    func str(_ interpreter: Runtime) throws -> String
    /// Richer forms for display (`text/html`, `image/png`, ...), or nil. `text/plain` is
    /// added from the repr when absent.
    func richDisplay(_ interpreter: Runtime) throws -> DisplayData?
    /// `format(obj, spec)` / f-string `{obj:spec}`, or nil to use the number or str form.
    func format(_ spec: String, _ interpreter: Runtime) throws -> String?

    /// `__index__`: the object as an exact integer (numpy integer scalars), or nil.
    func asIndex() -> Int?
    /// `__float__`: the object as a float (numpy scalars, 0-d arrays), or nil.
    func asDouble() -> Double?

    /// The hash used for dict keys and sets, or nil when unhashable. Default: identity.
    func hashValue(_ interpreter: Runtime) throws -> Int?

    /// `with obj as x:` entry; the result is bound to `x`. Default: `TypeError`.
    func enter(_ interpreter: Runtime) throws -> Value
    /// `with` exit, given the error that left the block (nil on normal exit). Return true to
    /// swallow the error.
    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool
}

/// An iterator: each call of `next` gives the following value, or nil at the end.
public protocol PyIterator: AnyObject {
    func next(_ interpreter: Runtime) throws -> Value?
}

extension PyObject {
    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? { nil }
    public func setAttribute(_ name: String, to value: Value, _ interpreter: Runtime) throws {
        throw PyError(.attributeError, "'\(pyType.name)' object attribute '\(name)' is read-only")
    }
    public var dynamicAttributeNames: [String] { [] }

    public func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        throw PyError(.typeError, "'\(pyType.name)' object is not subscriptable")
    }
    public func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        throw PyError(.typeError, "'\(pyType.name)' object does not support item assignment")
    }
    public func deleteItem(_ key: Value, _ interpreter: Runtime) throws {
        throw PyError(.typeError, "'\(pyType.name)' object does not support item deletion")
    }
    public func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        throw PyError(.typeError, "'\(pyType.name)' object is not callable")
    }
    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        throw PyError(.typeError, "'\(pyType.name)' object is not iterable")
    }
    public func length(_ interpreter: Runtime) throws -> Int? { nil }
    public func truthiness(_ interpreter: Runtime) throws -> Bool {
        if let n = try length(interpreter) { return n != 0 }
        return true
    }
    public func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? { nil }
    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? { nil }
    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? { nil }
    public func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? { nil }
    public func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? { nil }
    public func repr(_ interpreter: Runtime) throws -> String {
        let module = pyType.moduleName.map { "\($0)." } ?? ""
        return "<\(module)\(pyType.name) object>"
    }
    public func str(_ interpreter: Runtime) throws -> String { try repr(interpreter) }
    public func richDisplay(_ interpreter: Runtime) throws -> DisplayData? { nil }
    public func format(_ spec: String, _ interpreter: Runtime) throws -> String? { nil }
    public func asIndex() -> Int? { nil }
    public func asDouble() -> Double? { nil }
    public func hashValue(_ interpreter: Runtime) throws -> Int? { ObjectIdentifier(self).hashValue }
    public func enter(_ interpreter: Runtime) throws -> Value {
        throw PyError(.typeError, "'\(pyType.name)' object does not support the context manager protocol")
    }
    public func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool { false }
}

/// Binary operators, including `@` (`matmul`).
public enum BinaryOperator: String, Sendable, CaseIterable {
    case add = "+", subtract = "-", multiply = "*", trueDivide = "/", floorDivide = "//"
    case modulo = "%", power = "**", matrixMultiply = "@"
    case leftShift = "<<", rightShift = ">>", and = "&", or = "|", xor = "^"

    /// The Python special-method stem (`add` for `__add__`), used in messages and docs.
    public var methodStem: String {
        switch self {
        case .add: "add"
        case .subtract: "sub"
        case .multiply: "mul"
        case .trueDivide: "truediv"
        case .floorDivide: "floordiv"
        case .modulo: "mod"
        case .power: "pow"
        case .matrixMultiply: "matmul"
        case .leftShift: "lshift"
        case .rightShift: "rshift"
        case .and: "and"
        case .or: "or"
        case .xor: "xor"
        }
    }
}

/// Unary operators (`not` is not overridable and is handled by the evaluator).
public enum UnaryOperator: String, Sendable {
    case negate = "-", plus = "+", invert = "~"
}

/// Rich comparisons.
public enum ComparisonOperator: String, Sendable {
    case equal = "==", notEqual = "!=", less = "<", lessOrEqual = "<=", greater = ">", greaterOrEqual = ">="

    /// The comparison with its operands swapped (`a < b` is `b > a`).
    public var swapped: ComparisonOperator {
        switch self {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .greater
        case .lessOrEqual: .greaterOrEqual
        case .greater: .less
        case .greaterOrEqual: .lessOrEqual
        }
    }
}
