import Frames
import ML

/// `df.iloc` / `df.loc` / `s.iloc` / `s.loc`: selection by position or by label, with
/// `[rows]` or `[rows, columns]` keys.
final class IndexerObject: PyObject {
    enum Kind { case position, label }
    let kind: Kind
    let frame: DataFrameObject?
    let series: SeriesObject?

    init(_ kind: Kind, frame: DataFrameObject) { self.kind = kind; self.frame = frame; self.series = nil }
    init(_ kind: Kind, series: SeriesObject) { self.kind = kind; self.frame = nil; self.series = series }

    var pyType: PyType { IndexerObject.type }
    static let type = PyType("_Indexer", module: "pandas", doc: "iloc (by position) and loc (by label) selection.") { _ in }

    /// The positions a key picks along an axis of `index`, and whether it named one item.
    func positions(_ key: Value, _ index: FrameIndex, _ interp: Runtime) throws -> (positions: [Int], single: Bool) {
        switch kind {
        case .position:
            if let p = key.asIndex, key.object(as: NDArrayObject.self) == nil, !(key.object(as: SeriesObject.self) != nil) {
                let q = p < 0 ? p + index.count : p
                guard (0..<index.count).contains(q) else { throw PyError(.indexError, "single positional indexer is out-of-bounds") }
                return ([q], true)
            }
            if case .string = key { throw PyError(.typeError, "Cannot index by location index with a non-integer key") }
            return (try Positions.select(key, count: index.count, interp), false)
        case .label:
            if let slice = key.object(as: SliceObject.self) { return (try Indexers.labelSlice(slice, index, interp), false) }
            if FrameValues.isScalar(key) {
                let found = try index.positions(of: try FrameValues.cell(key, interp))
                return (found, found.count == 1)
            }
            let column = try FrameValues.column(key, interp)
            if case .bool(let mask) = column.storage {
                guard mask.count == index.count else {
                    throw PyError(.indexError, "Boolean index has wrong length: \(mask.count) instead of \(index.count)")
                }
                return (mask.indices.filter { mask[$0] }, false)
            }
            let table = index.positionTable()
            var out: [Int] = []
            var missing: [FrameScalar] = []
            for label in column.cells { if let p = table[label] { out += p } else { missing.append(label) } }
            if !missing.isEmpty { throw PyError(.keyError, "\"[\(missing.map(\.repr).joined(separator: ", "))] not in index\"") }
            return (out, false)
        }
    }

    func split(_ key: Value) -> (Value, Value?) {
        if let t = key.object(as: TupleObject.self), t.items.count == 2 { return (t.items[0], t.items[1]) }
        return (key, nil)
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let series {
            let (rows, single) = try positions(key, series.series.index, interpreter)
            if single { return FrameValues.value(series.series.values[rows[0]]) }
            return .object(SeriesObject(series.series.takingRows(rows)))
        }
        guard let frame = frame?.frame else { return .none }
        let (rowKey, columnKey) = split(key)
        let (rows, singleRow) = try positions(rowKey, frame.index, interpreter)
        var columns = Array(frame.columns.indices)
        var singleColumn = false
        if let columnKey { (columns, singleColumn) = try positions(columnKey, frame.columnIndex, interpreter) }
        let picked = frame.selectingColumns(columns).takingRows(rows)
        switch (singleRow, singleColumn) {
        case (true, true): return FrameValues.value(picked.columns[0][0])
        case (false, true): return .object(SeriesObject(picked.column(at: 0)))
        case (true, false): return .object(SeriesObject(Indexers.row(picked, 0)))
        case (false, false): return .object(DataFrameObject(picked))
        }
    }

    func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        if let series {
            let (rows, _) = try positions(key, series.series.index, interpreter)
            var cells = series.series.values.cells
            let new = try FrameValues.cell(value, interpreter)
            for r in rows { cells[r] = new }
            series.series.values = SeriesObject.retyped(cells, like: series.series.values)
            return
        }
        guard let owner = frame else { return }
        let (rowKey, columnKey) = split(key)
        let (rows, _) = try positions(rowKey, owner.frame.index, interpreter)
        var columns = Array(owner.frame.columns.indices)
        if let columnKey {
            if kind == .label, FrameValues.isScalar(columnKey), !owner.frame.columnIndex.contains(try FrameValues.cell(columnKey, interpreter)) {
                // loc can add a column.
                try owner.frame.setColumn(try FrameValues.cell(columnKey, interpreter), Column(doubles: Array(repeating: .nan, count: owner.frame.rowCount)))
            }
            columns = try positions(columnKey, owner.frame.columnIndex, interpreter).positions
        }
        let valueColumn: Column? = FrameValues.isScalar(value) ? nil : try FrameValues.column(value, interpreter)
        if let valueColumn, valueColumn.count != rows.count {
            throw PyError(.valueError, "Must have equal len keys and value when setting with an iterable")
        }
        let scalar = FrameValues.isScalar(value) ? try FrameValues.cell(value, interpreter) : nil
        for c in columns {
            var cells = owner.frame.columns[c].cells
            for (k, r) in rows.enumerated() { cells[r] = scalar ?? valueColumn?[k] ?? .missing }
            owner.frame.replaceColumn(at: c, with: SeriesObject.retyped(cells, like: owner.frame.columns[c]))
        }
    }
}

enum Indexers {
    /// A frame's row as a Series indexed by column labels and named by the row's label.
    static func row(_ frame: DataFrame, _ r: Int) -> Series {
        let cells = frame.columns.map { $0[r] }
        let dtypes = Set(frame.dtypes)
        let column: Column
        if dtypes == [.float64] || dtypes == [.float64, .int64] || dtypes == [.float64, .bool] || dtypes == [.int64, .bool] && false {
            column = Column(doubles: cells.map { $0.double ?? .nan })
        } else if dtypes.count == 1 && dtypes.first != .object {
            column = Column.inferring(cells)
        } else {
            column = Column(cells: cells)
        }
        return Series(column, index: frame.columnIndex, name: frame.index[r])
    }

    /// `loc[a:b]`: labels from a through b, both included.
    static func labelSlice(_ slice: SliceObject, _ index: FrameIndex, _ interp: Runtime) throws -> [Int] {
        if case .range = index.storage, slice.start.asIndex != nil || slice.start.isNone, slice.stop.asIndex != nil || slice.stop.isNone {
            // Labels of a RangeIndex: positions, with the stop included.
            let start = try slice.start.isNone ? 0 : index.position(of: try FrameValues.cell(slice.start, interp))
            let stop = try slice.stop.isNone ? index.count - 1 : index.position(of: try FrameValues.cell(slice.stop, interp))
            return start <= stop ? Array(start...stop) : []
        }
        let start = slice.start.isNone ? 0 : try index.position(of: try FrameValues.cell(slice.start, interp))
        let stop = slice.stop.isNone ? index.count - 1 : try index.positions(of: try FrameValues.cell(slice.stop, interp)).last ?? 0
        return start <= stop ? Array(start...stop) : []
    }
}
