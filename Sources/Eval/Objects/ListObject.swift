/// A Python list: a mutable sequence of values.
public final class ListObject: PyObject {
    /// The elements. (Only the cell thread touches lists, so the per-access exclusivity
    /// check is switched off for speed.)
    @exclusivity(unchecked) public var items: [Value]

    public init(_ items: [Value] = []) { self.items = items }

    public var pyType: PyType { .list }

    public func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let index = key.asIndex {
            return items[try normalizedIndex(index, count: items.count, what: "list")]
        }
        if let slice = key.object(as: SliceObject.self) {
            let range = try slice.resolve(count: items.count)
            return .list(range.gather(items))
        }
        throw PyError(.typeError, "list indices must be integers or slices, not \(key.typeName)")
    }

    public func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        if let index = key.asIndex {
            items[try normalizedIndex(index, count: items.count, what: "list assignment")] = value
            return
        }
        if let slice = key.object(as: SliceObject.self) {
            let replacement = try interpreter.collect(value)
            let range = try slice.resolve(count: items.count)
            if range.step == 1 {
                let upper = max(range.start, range.stop)
                items.replaceSubrange(range.start..<upper, with: replacement)
            } else {
                guard replacement.count == range.count else {
                    throw PyError(.valueError, "attempt to assign sequence of size \(replacement.count) to extended slice of size \(range.count)")
                }
                for (offset, index) in range.indices.enumerated() { items[index] = replacement[offset] }
            }
            return
        }
        throw PyError(.typeError, "list indices must be integers or slices, not \(key.typeName)")
    }

    public func deleteItem(_ key: Value, _ interpreter: Runtime) throws {
        if let index = key.asIndex {
            items.remove(at: try normalizedIndex(index, count: items.count, what: "list assignment"))
            return
        }
        if let slice = key.object(as: SliceObject.self) {
            let range = try slice.resolve(count: items.count)
            let doomed = Set(range.indices)
            items = items.enumerated().filter { !doomed.contains($0.offset) }.map(\.element)
            return
        }
        throw PyError(.typeError, "list indices must be integers or slices, not \(key.typeName)")
    }

    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { ListIterator(self) }
    public func length(_ interpreter: Runtime) throws -> Int? { items.count }
    public func truthiness(_ interpreter: Runtime) throws -> Bool { !items.isEmpty }

    public func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        for element in items where try interpreter.equals(element, item) { return true }
        return false
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .add:
            // Not a list: NotImplemented, so an array on the right can take `[1, 2] + arr`.
            guard let list = other.object(as: ListObject.self) else { return nil }
            return .list(reflected ? list.items + items : items + list.items)
        case .multiply:
            guard let times = other.asIndex, other.object(as: ListObject.self) == nil else { return nil }
            return .list(try repeated(items, times, interpreter))
        default:
            return nil
        }
    }

    public func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .add:
            items.append(contentsOf: try interpreter.collect(other))
            return .object(self)
        case .multiply:
            guard let times = other.asIndex else { return nil }
            items = try repeated(items, times, interpreter)
            return .object(self)
        default:
            return nil
        }
    }

    public func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let list = other.object(as: ListObject.self) else { return nil }
        return .bool(try interpreter.compareSequences(items, list.items, op))
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        try interpreter.withReprGuard(self, placeholder: "[...]") {
            "[" + (try items.map { try interpreter.repr($0) }.joined(separator: ", ")) + "]"
        }
    }

    public func hashValue(_ interpreter: Runtime) throws -> Int? { nil }
}

/// A Python tuple: an immutable sequence.
public final class TupleObject: PyObject {
    public let items: [Value]
    /// For instances of a `namedtuple` class: its type and field names.
    var named: NamedTupleFields?

    public init(_ items: [Value]) { self.items = items }

    public var pyType: PyType { named?.type ?? .tuple }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        guard let named, let index = named.names.firstIndex(of: name), index < items.count else { return nil }
        return items[index]
    }

    public var dynamicAttributeNames: [String] { named?.names ?? [] }

    public func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let index = key.asIndex {
            return items[try normalizedIndex(index, count: items.count, what: "tuple")]
        }
        if let slice = key.object(as: SliceObject.self) {
            return .tuple(try slice.resolve(count: items.count).gather(items))
        }
        throw PyError(.typeError, "tuple indices must be integers or slices, not \(key.typeName)")
    }

    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { ArrayIterator(items) }
    public func length(_ interpreter: Runtime) throws -> Int? { items.count }
    public func truthiness(_ interpreter: Runtime) throws -> Bool { !items.isEmpty }

    public func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        for element in items where try interpreter.equals(element, item) { return true }
        return false
    }

    public func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .add:
            guard let tuple = other.object(as: TupleObject.self) else { return nil }
            return .tuple(reflected ? tuple.items + items : items + tuple.items)
        case .multiply:
            guard let times = other.asIndex, other.object(as: TupleObject.self) == nil else { return nil }
            return .tuple(try repeated(items, times, interpreter))
        default:
            return nil
        }
    }

    public func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let tuple = other.object(as: TupleObject.self) else { return nil }
        return .bool(try interpreter.compareSequences(items, tuple.items, op))
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        try interpreter.withReprGuard(self, placeholder: "(...)") {
            if let named {
                let fields = try zip(named.names, items).map { "\($0)=\(try interpreter.repr($1))" }
                return "\(named.type.name)(" + fields.joined(separator: ", ") + ")"
            }
            let parts = try items.map { try interpreter.repr($0) }
            return parts.count == 1 ? "(\(parts[0]),)" : "(" + parts.joined(separator: ", ") + ")"
        }
    }

    public func hashValue(_ interpreter: Runtime) throws -> Int? {
        var hasher = Hasher()
        for item in items { hasher.combine(try DictKey(item, interpreter)) }
        return hasher.finalize()
    }
}

/// Iterates a list live, as Python does (appending while iterating is seen).
final class ListIterator: PyIterator {
    let list: ListObject
    var position = 0
    init(_ list: ListObject) { self.list = list }
    func next(_ interpreter: Runtime) throws -> Value? {
        guard position < list.items.count else { return nil }
        defer { position += 1 }
        return list.items[position]
    }
}

/// Iterates a fixed array of values.
public final class ArrayIterator: PyIterator {
    let items: [Value]
    var position = 0
    public init(_ items: [Value]) { self.items = items }
    public func next(_ interpreter: Runtime) throws -> Value? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
}

/// Maps a Python index (negative counts from the end) into `0..<count`, or raises
/// `IndexError: list index out of range`.
public func normalizedIndex(_ index: Int, count: Int, what: String) throws -> Int {
    let resolved = index < 0 ? index + count : index
    guard resolved >= 0 && resolved < count else {
        throw PyError(.indexError, "\(what) index out of range")
    }
    return resolved
}

/// `items * times`, refusing results too large to allocate with `MemoryError`.
func repeated(_ items: [Value], _ times: Int, _ interpreter: Runtime) throws -> [Value] {
    guard times > 0, !items.isEmpty else { return [] }
    try interpreter.checkAllocation(count: items.count, times: times, elementSize: MemoryLayout<Value>.stride)
    var result: [Value] = []
    result.reserveCapacity(items.count * times)
    for _ in 0..<times { result.append(contentsOf: items) }
    return result
}
