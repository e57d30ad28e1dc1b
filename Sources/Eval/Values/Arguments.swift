/// The arguments of a call as the caller wrote them: positional values, then keywords in order.
public struct Arguments {
    public var positional: [Value]
    public var keywords: [(name: String, value: Value)]

    public init(_ positional: [Value] = [], keywords: [(name: String, value: Value)] = []) {
        self.positional = positional
        self.keywords = keywords
    }

    public var isEmpty: Bool { positional.isEmpty && keywords.isEmpty }
}

/// A call's arguments matched against a `Signature`: one value per named parameter (the
/// default where the caller gave none), plus what `*args` and `**kwargs` collected.
///
/// Typed accessors raise the same `TypeError` for every builtin:
/// `linspace() argument 'num' must be int, not str`.
public struct BoundArguments {
    public let signature: Signature
    /// One per non-variadic parameter, in declaration order.
    public var values: [Value]
    /// Which of `values` the caller passed (rather than the default).
    public var given: [Bool]
    /// Extra positional arguments (`*args`), when the signature has them.
    public var variadicPositional: [Value] = []
    /// Extra keyword arguments (`**kwargs`), in call order, when the signature has them.
    public var variadicKeywords: [(name: String, value: Value)] = []

    func index(of name: String) throws -> Int {
        if let index = signature.namedParameterIndex(name) { return index }
        throw PyError(.systemError, "\(signature.name)() has no parameter '\(name)' (binding bug)")
    }

    /// The argument for parameter `name` (its default when not passed).
    public subscript(_ name: String) -> Value {
        guard let index = signature.namedParameterIndex(name) else { return .none }
        return values[index]
    }

    /// Whether the caller passed parameter `name` explicitly.
    public func isGiven(_ name: String) -> Bool {
        guard let index = signature.namedParameterIndex(name) else { return false }
        return given[index]
    }

    /// The argument for `name`, or nil when it is `None`.
    public func optional(_ name: String) -> Value? {
        let value = self[name]
        if case .none = value { return nil }
        return value
    }

    func typeError(_ name: String, expected: String, got value: Value) -> PyError {
        PyError(.typeError, "\(signature.name)() argument '\(name)' must be \(expected), not \(value.typeName)")
    }

    /// An integer argument (ints, bools and integer-like objects such as numpy ints).
    public func int(_ name: String) throws -> Int {
        let value = values[try index(of: name)]
        if let int = value.asIndex { return int }
        throw typeError(name, expected: "int", got: value)
    }

    /// An integer argument, or nil for `None`.
    public func optionalInt(_ name: String) throws -> Int? {
        if case .none = self[name] { return nil }
        return try int(name)
    }

    /// A number argument as a Double (ints, floats, bools, numeric objects).
    public func double(_ name: String) throws -> Double {
        let value = values[try index(of: name)]
        if let double = value.asDouble { return double }
        throw typeError(name, expected: "a number", got: value)
    }

    /// A number argument, or nil for `None`.
    public func optionalDouble(_ name: String) throws -> Double? {
        if case .none = self[name] { return nil }
        return try double(name)
    }

    /// A string argument.
    public func string(_ name: String) throws -> String {
        let value = values[try index(of: name)]
        if case .string(let string) = value { return string }
        throw typeError(name, expected: "str", got: value)
    }

    /// A string argument, or nil for `None`.
    public func optionalString(_ name: String) throws -> String? {
        if case .none = self[name] { return nil }
        return try string(name)
    }

    /// A flag: `True`/`False`, or an int (as Python accepts for flags).
    public func bool(_ name: String) throws -> Bool {
        let value = values[try index(of: name)]
        switch value {
        case .bool(let b): return b
        case .int(let i): return i != 0
        case .none: return false
        default:
            if let i = value.asIndex { return i != 0 }
            throw typeError(name, expected: "bool", got: value)
        }
    }

    /// An object argument of Swift type `T`; `expected` names it in the error (`'ndarray'`).
    public func object<T: PyObject>(_ name: String, as type: T.Type, expected: String) throws -> T {
        let value = values[try index(of: name)]
        if let object = value.object(as: type) { return object }
        throw typeError(name, expected: expected, got: value)
    }
}
