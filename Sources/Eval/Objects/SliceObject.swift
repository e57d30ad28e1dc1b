/// `a:b:c` inside a subscript. Bindings resolve it against a length with `resolve(count:)`.
public final class SliceObject: PyObject {
    public let start: Value
    public let stop: Value
    public let step: Value

    public init(start: Value, stop: Value, step: Value) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var pyType: PyType { .slice }

    /// The concrete positions this slice selects from a sequence of `count` items, with
    /// Python's clamping rules.
    public func resolve(count: Int) throws -> ResolvedSlice {
        func bound(_ value: Value, _ name: String) throws -> Int? {
            if case .none = value { return nil }
            guard let int = value.asIndex else {
                throw PyError(.typeError, "slice indices must be integers or None or have an __index__ method")
            }
            return int
        }
        let step = try bound(self.step, "step") ?? 1
        guard step != 0 else { throw PyError(.valueError, "slice step cannot be zero") }
        func adjust(_ value: Int?, whenMissing: Int) -> Int {
            guard var index = value else { return whenMissing }
            if index < 0 {
                index += count
                if index < 0 { index = step < 0 ? -1 : 0 }
            } else if index >= count {
                index = step < 0 ? count - 1 : count
            }
            return index
        }
        let start = adjust(try bound(self.start, "start"), whenMissing: step < 0 ? count - 1 : 0)
        let stop = adjust(try bound(self.stop, "stop"), whenMissing: step < 0 ? -1 : count)
        return ResolvedSlice(start: start, stop: stop, step: step)
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        "slice(\(try interpreter.repr(start)), \(try interpreter.repr(stop)), \(try interpreter.repr(step)))"
    }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "start": start
        case "stop": stop
        case "step": step
        default: nil
        }
    }

    public func hashValue(_ interpreter: Runtime) throws -> Int? { nil }
}

/// A slice made concrete for one length: `start`, `stop`, `step` as Python's
/// `slice.indices()` gives them, and the number of positions selected.
public struct ResolvedSlice: Sendable, Equatable {
    public let start: Int
    public let stop: Int
    public let step: Int

    public var count: Int {
        if step > 0 { return start < stop ? (stop - start - 1) / step + 1 : 0 }
        return stop < start ? (start - stop - 1) / (-step) + 1 : 0
    }

    /// The selected positions, in order.
    public var indices: StrideTo<Int> { stride(from: start, to: stop, by: step) }

    /// The selected elements of `items`.
    public func gather<T>(_ items: [T]) -> [T] {
        if step == 1 { return start < stop ? Array(items[start..<stop]) : [] }
        return indices.map { items[$0] }
    }
}

/// `range(start, stop, step)`: a lazy arithmetic sequence.
public final class RangeObject: PyObject {
    public let start: Int
    public let stop: Int
    public let step: Int

    public init(start: Int, stop: Int, step: Int) {
        self.start = start
        self.stop = stop
        self.step = step
    }

    public var pyType: PyType { .range }

    /// The number of elements (at most `Int.max`; see `exactCount`).
    public var count: Int { exactCount ?? Int.max }

    /// The number of elements as an unsigned count: every range of 64-bit bounds has fewer
    /// than 2^64 of them, so this never overflows (`range(-2**63, 2**63-1)` has 2^64 - 1).
    var unsignedCount: UInt {
        let span = step > 0 ? (start < stop ? UInt(bitPattern: stop &- start) : 0)
                            : (stop < start ? UInt(bitPattern: start &- stop) : 0)
        return span == 0 ? 0 : (span - 1) / step.magnitude + 1
    }

    /// The elements from last to first (`reversed(range(...))`). Wrapping arithmetic is exact
    /// here: every value produced lies in the range, so it fits in an Int even when the
    /// intermediate step (`-step` for `step == Int.min`) does not.
    func reversedIterator() -> RangeIterator {
        let count = unsignedCount
        let last = start &+ step &* Int(truncatingIfNeeded: count &- 1)
        return RangeIterator(first: last, count: count, step: 0 &- step)
    }

    /// The number of elements, or nil when it does not fit in an Int.
    public var exactCount: Int? {
        let (span, overflow) = step > 0 ? stop.subtractingReportingOverflow(start) : start.subtractingReportingOverflow(stop)
        if overflow { return nil }
        if span <= 0 { return 0 }
        let magnitude = step.magnitude
        return Int(exactly: (span.magnitude - 1) / magnitude + 1)
    }

    public func length(_ interpreter: Runtime) throws -> Int? {
        guard let count = exactCount else {
            throw PyError(.overflowError, "Python int too large to convert to C ssize_t")
        }
        return count
    }

    public func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let index = key.asIndex {
            return .int(start &+ step &* (try normalizedIndex(index, count: count, what: "range object")))
        }
        if let slice = key.object(as: SliceObject.self) {
            let resolved = try slice.resolve(count: count)
            return .object(RangeObject(start: start &+ resolved.start &* step,
                                       stop: start &+ resolved.stop &* step,
                                       step: step &* resolved.step))
        }
        throw PyError(.typeError, "range indices must be integers or slices, not \(key.typeName)")
    }

    public func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        guard case .int(let value) = item else {
            if case .bool(let b) = item { return try contains(.int(b ? 1 : 0), interpreter) }
            if case .float(let f) = item, let i = Int(exactly: f) { return try contains(.int(i), interpreter) }
            return nil
        }
        if step > 0 ? (value < start || value >= stop) : (value > start || value <= stop) { return false }
        return (value - start) % step == 0
    }

    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        RangeIterator(first: start, count: unsignedCount, step: step)
    }

    public func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard op == .equal || op == .notEqual, let other = other.object(as: RangeObject.self) else { return nil }
        let same = (count == 0 && other.count == 0)
            || (start == other.start && count == other.count && (count == 1 || step == other.step))
        return .bool(op == .equal ? same : !same)
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        step == 1 ? "range(\(start), \(stop))" : "range(\(start), \(stop), \(step))"
    }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "start": .int(start)
        case "stop": .int(stop)
        case "step": .int(step)
        default: nil
        }
    }
}

final class RangeIterator: PyIterator {
    var nextValue: Int
    /// Elements left; counting them (rather than comparing with the stop) cannot be fooled by
    /// a step that wraps past `Int.max` after the last element.
    var remaining: UInt
    let step: Int
    init(first: Int, count: UInt, step: Int) {
        nextValue = first
        remaining = count
        self.step = step
    }
    func next(_ interpreter: Runtime) throws -> Value? {
        guard remaining > 0 else { return nil }
        remaining -= 1
        defer { nextValue &+= step }
        return .int(nextValue)
    }
}

/// The `...` singleton.
public final class EllipsisObject: PyObject {
    public var pyType: PyType { .ellipsis }
    public func repr(_ interpreter: Runtime) throws -> String { "Ellipsis" }
}
