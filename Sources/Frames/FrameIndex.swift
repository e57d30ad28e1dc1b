/// A frame's row labels (or its column labels): pandas' `RangeIndex` or an `Index` of labels.
public struct FrameIndex: Sendable {
    public enum Storage: Sendable {
        /// `RangeIndex(start, stop, step)`: labels computed, nothing stored.
        case range(start: Int, step: Int, count: Int)
        /// Explicit labels (pandas' `Index`), typed like a column.
        case labels(Column)
    }

    public var storage: Storage
    /// The index's name (`df.index.name`), shown above the labels when set.
    public var name: FrameScalar?

    public init(_ storage: Storage, name: FrameScalar? = nil) { self.storage = storage; self.name = name }

    /// `RangeIndex(0, count)`.
    public static func range(_ count: Int) -> FrameIndex { FrameIndex(.range(start: 0, step: 1, count: count)) }

    /// An `Index` of labels, typed as pandas infers it.
    public static func labels(_ labels: [FrameScalar], name: FrameScalar? = nil) -> FrameIndex {
        FrameIndex(.labels(Column.inferring(labels)), name: name)
    }

    /// Column labels from names.
    public static func names(_ names: [String]) -> FrameIndex { FrameIndex(.labels(Column(cells: names.map(FrameScalar.string)))) }

    public var count: Int {
        switch storage {
        case .range(_, _, let count): count
        case .labels(let c): c.count
        }
    }

    public var isRange: Bool { if case .range = storage { return true } else { return false } }

    public subscript(position: Int) -> FrameScalar {
        switch storage {
        case .range(let start, let step, _): return .int(Int64(start + step * position))
        case .labels(let c): return c[position]
        }
    }

    public var labels: [FrameScalar] { (0..<count).map { self[$0] } }

    /// The labels as a column (a RangeIndex gives int64).
    public var column: Column {
        switch storage {
        case .range(let start, let step, let count): return Column(ints: (0..<count).map { Int64(start + step * $0) })
        case .labels(let c): return c
        }
    }

    /// The labels at `positions`; a RangeIndex stays one for an evenly spaced run.
    public func taking(_ positions: [Int]) -> FrameIndex {
        if case .range(let start, let step, _) = storage, let first = positions.first {
            let runs = positions.count < 2 || zip(positions, positions.dropFirst()).allSatisfy { $1 == $0 + 1 }
            if runs { return FrameIndex(.range(start: start + step * first, step: step, count: positions.count), name: name) }
        } else if case .range(let start, let step, _) = storage, positions.isEmpty {
            return FrameIndex(.range(start: start, step: step, count: 0), name: name)
        }
        return FrameIndex(.labels(column.taking(positions)), name: name)
    }

    /// The labels in `range`, keeping a RangeIndex a RangeIndex.
    public func slice(_ range: Range<Int>) -> FrameIndex {
        switch storage {
        case .range(let start, let step, _):
            return FrameIndex(.range(start: start + step * range.lowerBound, step: step, count: range.count), name: name)
        case .labels(let c):
            return FrameIndex(.labels(c.slice(range)), name: name)
        }
    }

    /// Every position of each label (labels may repeat).
    public func positionTable() -> [FrameScalar: [Int]] {
        var table = [FrameScalar: [Int]](minimumCapacity: count)
        for i in 0..<count { table[self[i], default: []].append(i) }
        return table
    }

    /// The positions of `label`; throws pandas' KeyError when absent.
    public func positions(of label: FrameScalar) throws -> [Int] {
        if case .range(let start, let step, let count) = storage {
            guard let v = label.double, v == v.rounded(), Swift.abs(v) < 1e15 else { throw FrameError.key(label) }
            let offset = Int(v) - start
            guard step != 0, offset % step == 0, (0..<count).contains(offset / step) else { throw FrameError.key(label) }
            return [offset / step]
        }
        var found: [Int] = []
        for i in 0..<count where self[i] == label { found.append(i) }
        if found.isEmpty { throw FrameError.key(label) }
        return found
    }

    /// The single position of `label` (the first when repeated).
    public func position(of label: FrameScalar) throws -> Int { try positions(of: label)[0] }

    public func contains(_ label: FrameScalar) -> Bool { (try? positions(of: label)) != nil }

    /// Whether two indexes hold the same labels in the same order (alignment is a no-op).
    public func hasSameLabels(as other: FrameIndex) -> Bool {
        if case .range(let a, let s, let n) = storage, case .range(let b, let t, let m) = other.storage {
            return n == m && (n == 0 || (a == b && (n == 1 || s == t)))
        }
        guard count == other.count else { return false }
        for i in 0..<count where self[i] != other[i] { return false }
        return true
    }

    /// The dtype name pandas shows for the index (`int64`, `object`).
    public var dtype: ColumnDType { column.dtype }
}
