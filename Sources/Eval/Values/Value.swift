/// A value of the cell language.
///
/// The common scalars are enum payloads, so integer and float arithmetic allocates nothing;
/// everything else (lists, dicts, functions, modules, arrays, models, figures) is an object
/// behind the `PyObject` protocol.
public enum Value {
    case none
    case bool(Bool)
    case int(Int)
    case float(Double)
    case string(String)
    case object(any PyObject)
}

extension Value {
    /// A new list holding `items`.
    public static func list(_ items: [Value]) -> Value { .object(ListObject(items)) }

    /// A new tuple holding `items`.
    public static func tuple(_ items: [Value]) -> Value { .object(TupleObject(items)) }

    /// A new dict with string keys, in the given order.
    public static func dict(_ pairs: [(String, Value)]) -> Value {
        let dict = DictObject()
        for (key, value) in pairs { dict.storage.set(DictKey(string: key), value) }
        return .object(dict)
    }

    /// The value's class.
    public var pyType: PyType {
        switch self {
        case .none: return .noneType
        case .bool: return .bool
        case .int: return .int
        case .float: return .float
        case .string: return .str
        case .object(let object): return object.pyType
        }
    }

    /// The class name as Python prints it in messages (`'int'`, `'ndarray'`).
    public var typeName: String { pyType.name }

    public var isNone: Bool {
        if case .none = self { return true }
        return false
    }

    /// The object payload cast to `T`, or nil.
    public func object<T: PyObject>(as type: T.Type) -> T? {
        if case .object(let object) = self { return object as? T }
        return nil
    }

    /// The value as an index (`__index__`): ints, bools, and objects that give `asIndex()`.
    public var asIndex: Int? {
        switch self {
        case .int(let v): return v
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return o.asIndex()
        default: return nil
        }
    }

    /// The value as a float (`__float__`): ints, floats, bools, and objects that give `asDouble()`.
    public var asDouble: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .float(let v): return v
        case .bool(let b): return b ? 1 : 0
        case .object(let o): return o.asDouble()
        default: return nil
        }
    }

    /// Whether both sides are the same object (Python's `is`).
    public func isIdentical(to other: Value) -> Bool {
        switch (self, other) {
        case (.none, .none): return true
        case (.bool(let a), .bool(let b)): return a == b
        case (.int(let a), .int(let b)): return a == b
        case (.float(let a), .float(let b)): return a.bitPattern == b.bitPattern
        case (.string(let a), .string(let b)): return a == b
        case (.object(let a), .object(let b)): return a === b
        default: return false
        }
    }
}
