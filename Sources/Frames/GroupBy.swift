/// `df.groupby(key)`: rows split by the values of one column, groups in sorted key order,
/// as pandas (`sort=True`) gives them.
public struct GroupedFrame: Sendable {
    public let frame: DataFrame
    public let keyPosition: Int
    /// Sorted distinct keys and, for each, its rows.
    public let keys: [FrameScalar]
    public let rows: [[Int]]

    public init(_ frame: DataFrame, key: FrameScalar) throws {
        self.frame = frame
        keyPosition = try frame.columnPosition(key)
        var groups: [FrameScalar: [Int]] = [:]
        let column = frame.columns[keyPosition]
        for r in 0..<frame.rowCount where !column.isMissing(r) { groups[column[r], default: []].append(r) }
        keys = groups.keys.sorted(by: FrameScalar.ascending)
        rows = keys.map { groups[$0] ?? [] }
    }

    var keyIndex: FrameIndex {
        let keyColumn = frame.columns[keyPosition]
        let labels: Column = keyColumn.dtype == .object ? Column(cells: keys) : Column.inferring(keys)
        return FrameIndex(.labels(labels), name: frame.columnIndex[keyPosition])
    }

    /// One reduction per group and per other column (`mean()`, `sum()`, `count()`, ...).
    /// pandas raises TypeError when a text column cannot be averaged.
    public func aggregate(_ reduction: ColumnReduction, numericOnly: Bool = false) throws -> DataFrame {
        var positions = frame.columns.indices.filter { $0 != keyPosition }
        if numericOnly { positions = positions.filter { frame.columns[$0].dtype != .object } }
        var out: [Column] = []
        for p in positions {
            let column = frame.columns[p]
            if column.dtype == .object && ![.count, .min, .max, .sum].contains(reduction) {
                throw FrameError.type("agg function failed [how->\(reduction == .variance ? "var" : reduction.rawValue),dtype->object]")
            }
            var cells: [FrameScalar] = []
            for group in rows { cells.append(try reduction.apply(column.taking(group))) }
            var result = column.dtype == .object && reduction != .count ? Column(cells: cells) : Column.inferring(cells)
            if [.mean, .std, .variance, .median].contains(reduction) { result = Column(doubles: cells.map { $0.double ?? .nan }) }
            if reduction == .sum, column.dtype == .float64 { result = Column(doubles: cells.map { $0.double ?? .nan }) }
            out.append(result)
        }
        return try DataFrame(columns: out, labels: frame.columnIndex.taking(positions), index: keyIndex)
    }

    /// Rows per group (`size()`).
    public func sizes() -> Series {
        Series(Column(ints: rows.map { Int64($0.count) }), index: keyIndex, name: nil)
    }
}
