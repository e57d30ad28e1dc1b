import Frames
import ML

/// `pd.DataFrame` as a value of the cell language. Holds a `Frames.DataFrame` that column
/// assignment, `pop` and `columns = [...]` replace in place, as pandas mutates its frames.
final class DataFrameObject: PyObject, ArrayConvertible {
    var frame: DataFrame
    init(_ frame: DataFrame) { self.frame = frame }
    var pyType: PyType { DataFrameObject.type }

    /// `np.array(df)`: a 2-d array of the numbers (float64 when dtypes mix, as NumPy promotes).
    func toNDArray() throws -> NDArray { try Self.matrix(frame) }

    static func matrix(_ frame: DataFrame) throws -> NDArray {
        let dtypes = Set(frame.dtypes)
        let rows = frame.rowCount, cols = frame.columns.count
        if dtypes.contains(.object) {
            throw PyError(.notImplementedError, "converting a DataFrame with text columns (dtype object) to a NumPy array is not supported in SwiftML; select the numeric columns first")
        }
        if dtypes == [.int64] || dtypes == [.bool] {
            let target: DType = dtypes == [.bool] ? .bool : .int64
            var values = [Int64](repeating: 0, count: rows * cols)
            for (c, column) in frame.columns.enumerated() {
                let ints = try column.converted(to: .int64)
                guard case .int64(let v) = ints.storage else { continue }
                for r in 0..<rows { values[r * cols + c] = v[r] }
            }
            return try NDArray(values, shape: [rows, cols]).astype(target)
        }
        var values = [Double](repeating: 0, count: rows * cols)
        for (c, column) in frame.columns.enumerated() {
            let d = column.doubles ?? []
            for r in 0..<rows { values[r * cols + c] = d[r] }
        }
        return try NDArray(values, shape: [rows, cols])
    }

    func repr(_ interpreter: Runtime) throws -> String { frame.text }
    func richDisplay(_ interpreter: Runtime) throws -> DisplayData? { DisplayData(data: ["text/html": frame.html()]) }
    func length(_ interpreter: Runtime) throws -> Int? { frame.rowCount }
    func truthiness(_ interpreter: Runtime) throws -> Bool {
        throw PyError(.valueError, "The truth value of a DataFrame is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().")
    }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        ValuesIterator(frame.columnLabels.map(FrameValues.plain))
    }
    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        frame.columnIndex.contains(try FrameValues.cell(item, interpreter))
    }

    // MARK: df[...]

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if FrameValues.isScalar(key) {
            return .object(SeriesObject(try frame.column(try FrameValues.cell(key, interpreter))))
        }
        if let slice = key.object(as: SliceObject.self) {
            if [slice.start, slice.stop].contains(where: { if case .string = $0 { return true } else { return false } }) {
                return .object(DataFrameObject(frame.takingRows(try Indexers.labelSlice(slice, frame.index, interpreter))))
            }
            return .object(DataFrameObject(frame.takingRows(try Positions.range(slice, count: frame.rowCount))))
        }
        if key.object(as: DataFrameObject.self) != nil {
            throw PyError(.notImplementedError, "df[boolean DataFrame] (pandas' where) is not supported in SwiftML")
        }
        let column = try FrameValues.column(key, interpreter)
        if case .bool(let mask) = column.storage {
            if let s = key.object(as: SeriesObject.self), !s.series.index.hasSameLabels(as: frame.index) {
                throw PyError(.notImplementedError, "a boolean Series whose index differs from the frame's is not supported in SwiftML")
            }
            return .object(DataFrameObject(try frame.filteringRows(mask)))
        }
        return .object(DataFrameObject(frame.selectingColumns(try Self.columnPositions(column.cells, in: frame))))
    }

    /// Positions of column labels; pandas' KeyError naming the missing ones.
    // Swift 6.3.1's optimiser crashes (CopyPropagation, signal 6) on this function in release
    // builds; it runs once per `df[[...]]`, so it is left unoptimised.
    @_optimize(none)
    static func columnPositions(_ labels: [FrameScalar], in frame: DataFrame) throws -> [Int] {
        var positions: [Int] = []
        var missing: [FrameScalar] = []
        for label in labels {
            if let p = frame.columnPositionIfPresent(label) { positions.append(p) } else { missing.append(label) }
        }
        if missing.count == labels.count && !labels.isEmpty {
            let dtype = Column.inferring(labels).dtype
            throw PyError(.keyError, PythonFloat.quote("None of [Index([\(labels.map(\.repr).joined(separator: ", "))], dtype='\(dtype)')] are in the [columns]"))
        }
        if !missing.isEmpty {
            throw PyError(.keyError, PythonFloat.quote("[\(missing.map(\.repr).joined(separator: ", "))] not in index"))
        }
        return positions
    }

    // MARK: df[c] = values

    func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        if !FrameValues.isScalar(key) {
            let labels = try FrameValues.labels(key, interpreter)
            if let other = value.object(as: DataFrameObject.self) {
                guard other.frame.columns.count == labels.count else { throw PyError(.valueError, "Columns must be same length as key") }
                for (i, label) in labels.enumerated() { try frame.setColumn(label, other.frame.columns[i]) }
                return
            }
            for label in labels { try frame.setColumn(label, try Self.columnValues(value, for: frame, interpreter)) }
            return
        }
        try frame.setColumn(try FrameValues.cell(key, interpreter), try Self.columnValues(value, for: frame, interpreter))
    }

    /// The values of a new column: a scalar broadcast, a Series aligned on the index, or a
    /// sequence with one value per row.
    static func columnValues(_ value: Value, for frame: DataFrame, _ interp: Runtime) throws -> Column {
        if FrameValues.isScalar(value) {
            return Column.repeating(try FrameValues.cell(value, interp), count: frame.rowCount)
        }
        if let s = value.object(as: SeriesObject.self), !s.series.index.hasSameLabels(as: frame.index), frame.columns.count > 0 {
            let table = s.series.index.positionTable()
            return Alignment.reindexed(s.series.values, frame.index.labels.map { table[$0]?.first })
        }
        if let a = value.object(as: NDArrayObject.self), a.array.ndim == 2, a.array.shape.last == 1 {
            return try Column(a.array.reshaped([a.array.size]))
        }
        let column = try FrameValues.column(value, interp)
        guard column.count == frame.rowCount || frame.columns.isEmpty else {
            throw PyError(.valueError, "Length of values (\(column.count)) does not match length of index (\(frame.rowCount))")
        }
        return column
    }

    func deleteItem(_ key: Value, _ interpreter: Runtime) throws {
        _ = try frame.removeColumn(try FrameValues.cell(key, interpreter))
    }

    // MARK: operators

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard let element = FrameValues.elementOperator(op) else { return nil }
        if let o = other.object(as: DataFrameObject.self) {
            return .object(DataFrameObject(reflected ? try o.frame.combined(element, frame) : try frame.combined(element, o.frame)))
        }
        if let s = other.object(as: SeriesObject.self) {
            return .object(DataFrameObject(try frame.combined(element, series: s.series, reflected: reflected)))
        }
        if FrameValues.isScalar(other) {
            return .object(DataFrameObject(try frame.combined(element, scalar: try FrameValues.cell(other, interpreter), reflected: reflected)))
        }
        if let a = other.object(as: NDArrayObject.self) {
            let otherFrame = try PandasConstruction.frame(fromArray: a.array, labels: frame.columnIndex, index: frame.index)
            return .object(DataFrameObject(reflected ? try otherFrame.combined(element, frame) : try frame.combined(element, otherFrame)))
        }
        return nil
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        let element = FrameValues.elementOperator(op)
        if let o = other.object(as: DataFrameObject.self) { return .object(DataFrameObject(try frame.combined(element, o.frame))) }
        if let s = other.object(as: SeriesObject.self) { return .object(DataFrameObject(try frame.combined(element, series: s.series))) }
        if FrameValues.isScalar(other) {
            return .object(DataFrameObject(try frame.combined(element, scalar: try FrameValues.cell(other, interpreter))))
        }
        return nil
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .negate: return .object(DataFrameObject(try frame.mapColumns { try $0.negated() }))
        case .invert: return .object(DataFrameObject(try frame.mapColumns { try $0.inverted() }))
        case .plus: return .object(self)
        }
    }

    // MARK: attributes: columns by name, the rest of pandas named as unsupported

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        if let p = try? frame.columnPosition(.string(name)) { return .object(SeriesObject(frame.column(at: p))) }
        return try PandasUnsupported.check(name, in: PandasUnsupported.frameNames, owner: "DataFrame")
    }

    var dynamicAttributeNames: [String] {
        frame.columnLabels.compactMap { if case .string(let s) = $0 { return s } else { return nil } }
    }
}
