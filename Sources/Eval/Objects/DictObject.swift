/// A hashable value used as a dict key or set member, with Python's equality: `1`, `1.0` and
/// `True` are the same key; tuples compare by content; other objects by identity.
public struct DictKey: Hashable {
    public let value: Value
    let hash: Int

    /// Raises `TypeError: unhashable type: 'list'` for values that cannot be keys.
    public init(_ value: Value, _ interpreter: Runtime) throws {
        self.value = value
        switch value {
        case .none: hash = 0x5EED
        case .bool(let b): hash = b ? 1 : 0
        case .int(let i): hash = i
        case .float(let f):
            if let i = Int(exactly: f) { hash = i } else { hash = f.hashValue }
        case .string(let s): hash = s.hashValue
        case .object(let object):
            if let index = object.asIndex(), !(object is TupleObject) {
                hash = index
            } else if let h = try object.hashValue(interpreter) {
                hash = h
            } else {
                throw PyError(.typeError, "unhashable type: '\(object.pyType.name)'")
            }
        }
    }

    init(string: String) {
        value = .string(string)
        hash = string.hashValue
    }

    public func hash(into hasher: inout Hasher) { hasher.combine(hash) }

    public static func == (lhs: DictKey, rhs: DictKey) -> Bool {
        guard lhs.hash == rhs.hash else { return false }
        return keysEqual(lhs.value, rhs.value)
    }

    static func keysEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x == y
        case (.none, .none): return true
        case (.object(let x), .object(let y)):
            if x === y { return true }
            if let t = x as? TupleObject, let u = y as? TupleObject {
                return t.items.count == u.items.count && zip(t.items, u.items).allSatisfy { keysEqual($0, $1) }
            }
            if let i = x.asIndex(), let j = y.asIndex() { return i == j }
            if let i = x as? BigIntObject, let j = y as? BigIntObject { return i.value == j.value }
            if let instance = x as? InstanceObject, let runtime = instance.userClass.runtime,
               instance.hasCustomEquality(runtime) {
                // A user `__eq__` decides; `==` of a Swift key cannot throw, so an error
                // raised by `__eq__` counts as "not equal" (the hash already matched).
                return (try? runtime.equals(a, b)) ?? false
            }
            return false
        default:
            if let x = a.numericKey, let y = b.numericKey { return x == y }
            return false
        }
    }
}

extension Value {
    /// The value as a number for key equality (bools and numpy ints count), or nil.
    fileprivate var numericKey: Double? {
        switch self {
        case .bool(let b): return b ? 1 : 0
        case .int(let i): return Double(i)
        case .float(let f): return f
        case .object(let o): return o.asIndex().map(Double.init)
        default: return nil
        }
    }
}

/// Insertion-ordered key-value storage shared by dicts and sets.
public struct OrderedTable {
    public private(set) var keys: [DictKey] = []
    public private(set) var values: [Value] = []
    var positions: [DictKey: Int] = [:]

    public init() {}

    public var count: Int { keys.count }

    public func get(_ key: DictKey) -> Value? {
        guard let position = positions[key] else { return nil }
        return values[position]
    }

    public mutating func set(_ key: DictKey, _ value: Value) {
        if let position = positions[key] {
            values[position] = value
        } else {
            positions[key] = keys.count
            keys.append(key)
            values.append(value)
        }
    }

    @discardableResult
    public mutating func remove(_ key: DictKey) -> Value? {
        guard let position = positions.removeValue(forKey: key) else { return nil }
        let value = values[position]
        keys.remove(at: position)
        values.remove(at: position)
        for index in position..<keys.count { positions[keys[index]] = index }
        return value
    }

    public mutating func removeAll() {
        keys.removeAll()
        values.removeAll()
        positions.removeAll()
    }
}

/// A Python dict, keeping insertion order.
public final class DictObject: PyObject {
    public var storage = OrderedTable()
    /// `defaultdict`, `Counter` and `OrderedDict` are dicts with a flavour (CollectionsModule.swift).
    var flavor: DictFlavor = .plain

    public init() {}

    public var pyType: PyType { flavor.isPlain ? .dict : flavor.type }

    /// Reads a string key (for bindings that take option dicts).
    public subscript(string key: String) -> Value? { storage.get(DictKey(string: key)) }

    /// Sets a key.
    public func set(_ key: Value, _ value: Value, _ interpreter: Runtime) throws {
        storage.set(try DictKey(key, interpreter), value)
    }

    public func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let value = storage.get(try DictKey(key, interpreter)) { return value }
        if !flavor.isPlain, let value = try flavor.missing(key, in: self, interpreter) { return value }
        throw PyError.missingKey(key, interpreter)
    }

    public func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        storage.set(try DictKey(key, interpreter), value)
    }

    public func deleteItem(_ key: Value, _ interpreter: Runtime) throws {
        guard storage.remove(try DictKey(key, interpreter)) != nil else {
            throw PyError.missingKey(key, interpreter)
        }
    }

    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        ArrayIterator(storage.keys.map(\.value))
    }

    public func length(_ interpreter: Runtime) throws -> Int? { storage.count }

    public func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        storage.get(try DictKey(item, interpreter)) != nil
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard op == .or, let other = other.object(as: DictObject.self) else { return nil }
        let result = DictObject()
        let (first, second) = reflected ? (other, self) : (self, other)
        result.storage = first.storage
        for (key, value) in zip(second.storage.keys, second.storage.values) { result.storage.set(key, value) }
        return .object(result)
    }

    public func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard op == .equal || op == .notEqual, let other = other.object(as: DictObject.self) else { return nil }
        var same = storage.count == other.storage.count
        if same {
            for (key, value) in zip(storage.keys, storage.values) {
                guard let otherValue = other.storage.get(key), try interpreter.equals(value, otherValue) else {
                    same = false
                    break
                }
            }
        }
        return .bool(op == .equal ? same : !same)
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        if !flavor.isPlain { return try flavor.repr(self, interpreter) }
        return try plainRepr(interpreter)
    }

    /// `{k: v, ...}`.
    func plainRepr(_ interpreter: Runtime) throws -> String {
        try interpreter.withReprGuard(self, placeholder: "{...}") {
            let parts = try zip(storage.keys, storage.values).map {
                "\(try interpreter.repr($0.value)): \(try interpreter.repr($1))"
            }
            return "{" + parts.joined(separator: ", ") + "}"
        }
    }

    public func hashValue(_ interpreter: Runtime) throws -> Int? { nil }
}

/// A Python set (and, with `frozen`, a frozenset).
public final class SetObject: PyObject {
    public var storage = OrderedTable()
    public let frozen: Bool

    public init(frozen: Bool = false) { self.frozen = frozen }

    public var pyType: PyType { frozen ? .frozenset : .set }

    public func insert(_ value: Value, _ interpreter: Runtime) throws {
        storage.set(try DictKey(value, interpreter), .none)
    }

    public var elements: [Value] { storage.keys.map(\.value) }

    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { ArrayIterator(elements) }
    public func length(_ interpreter: Runtime) throws -> Int? { storage.count }
    public func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        storage.get(try DictKey(item, interpreter)) != nil
    }

    func combined(_ other: SetObject, _ op: BinaryOperator) -> SetObject {
        let result = SetObject(frozen: frozen)
        switch op {
        case .or:
            result.storage = storage
            for key in other.storage.keys { result.storage.set(key, .none) }
        case .and:
            for key in storage.keys where other.storage.get(key) != nil { result.storage.set(key, .none) }
        case .subtract:
            for key in storage.keys where other.storage.get(key) == nil { result.storage.set(key, .none) }
        default:
            for key in storage.keys where other.storage.get(key) == nil { result.storage.set(key, .none) }
            for key in other.storage.keys where storage.get(key) == nil { result.storage.set(key, .none) }
        }
        return result
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard [.or, .and, .subtract, .xor].contains(op), let other = other.object(as: SetObject.self) else { return nil }
        return .object(reflected ? other.combined(self, op) : combined(other, op))
    }

    public func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let other = other.object(as: SetObject.self) else { return nil }
        let subset = storage.keys.allSatisfy { other.storage.get($0) != nil }
        let superset = other.storage.keys.allSatisfy { storage.get($0) != nil }
        switch op {
        case .equal: return .bool(subset && superset)
        case .notEqual: return .bool(!(subset && superset))
        case .lessOrEqual: return .bool(subset)
        case .less: return .bool(subset && !superset)
        case .greaterOrEqual: return .bool(superset)
        case .greater: return .bool(superset && !subset)
        }
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        if storage.count == 0 { return frozen ? "frozenset()" : "set()" }
        let body = "{" + (try elements.map { try interpreter.repr($0) }.joined(separator: ", ")) + "}"
        return frozen ? "frozenset(\(body))" : body
    }

    public func hashValue(_ interpreter: Runtime) throws -> Int? {
        guard frozen else { return nil }
        return storage.keys.reduce(0) { $0 ^ $1.hashValue }
    }
}
