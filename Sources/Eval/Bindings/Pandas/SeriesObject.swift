import Frames
import ML

/// `pd.Series`: a labelled column as a value of the cell language.
final class SeriesObject: PyObject, ArrayConvertible {
    var series: Series
    init(_ series: Series) { self.series = series }
    var pyType: PyType { SeriesObject.type }

    func toNDArray() throws -> NDArray { try series.values.ndarray() }

    func repr(_ interpreter: Runtime) throws -> String { series.text }
    func length(_ interpreter: Runtime) throws -> Int? { series.count }
    func truthiness(_ interpreter: Runtime) throws -> Bool {
        throw PyError(.valueError, "The truth value of a Series is ambiguous. Use a.empty, a.bool(), a.item(), a.any() or a.all().")
    }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        ValuesIterator(series.values.cells.map(FrameValues.plain))
    }
    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        series.index.contains(try FrameValues.cell(item, interpreter))
    }
    func asDouble() -> Double? { nil }

    // MARK: indexing

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let slice = key.object(as: SliceObject.self) {
            return .object(SeriesObject(series.takingRows(try Positions.range(slice, count: series.count))))
        }
        if FrameValues.isScalar(key) {
            let label = try FrameValues.cell(key, interpreter)
            if series.index.contains(label) {
                let positions = try series.index.positions(of: label)
                if positions.count == 1 { return FrameValues.value(series.values[positions[0]]) }
                return .object(SeriesObject(series.takingRows(positions)))
            }
            // pandas falls back to positions for an integer key on a non-integer index.
            if case .int(let p) = label, series.index.dtype == .object {
                let q = Int(p) < 0 ? Int(p) + series.count : Int(p)
                if (0..<series.count).contains(q) { return FrameValues.value(series.values[q]) }
            }
            throw FrameError.key(label)
        }
        let column = try FrameValues.column(key, interpreter)
        if case .bool(let mask) = column.storage {
            guard mask.count == series.count else {
                throw PyError(.indexError, "Boolean index has wrong length: \(mask.count) instead of \(series.count)")
            }
            return .object(SeriesObject(series.takingRows(mask.indices.filter { mask[$0] })))
        }
        let table = series.index.positionTable()
        var positions: [Int] = []
        var missing: [FrameScalar] = []
        for label in column.cells {
            if let p = table[label] { positions += p } else { missing.append(label) }
        }
        if !missing.isEmpty { throw PyError(.keyError, "\"[\(missing.map(\.repr).joined(separator: ", "))] not in index\"") }
        return .object(SeriesObject(series.takingRows(positions)))
    }

    func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        let new = try FrameValues.cell(value, interpreter)
        var cells = series.values.cells
        let positions: [Int]
        if FrameValues.isScalar(key) {
            positions = try series.index.positions(of: try FrameValues.cell(key, interpreter))
        } else {
            positions = try Positions.select(key, count: series.count, interpreter)
        }
        for p in positions { cells[p] = new }
        series.values = Self.retyped(cells, like: series.values)
    }

    /// Cells after an assignment, keeping the column's dtype when the new values fit it.
    static func retyped(_ cells: [FrameScalar], like column: Column) -> Column {
        let inferred = Column.inferring(cells)
        if column.dtype == .float64, inferred.dtype == .int64 || inferred.dtype == .float64 {
            return Column(doubles: cells.map { $0.double ?? .nan })
        }
        if column.dtype == .object { return Column(cells: cells) }
        return inferred
    }

    // MARK: operators

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard let element = FrameValues.elementOperator(op) else { return nil }
        if let o = other.object(as: SeriesObject.self) {
            let result = reflected ? try o.series.combined(element, series) : try series.combined(element, o.series)
            return .object(SeriesObject(result))
        }
        if other.object(as: DataFrameObject.self) != nil { return nil }
        if FrameValues.isScalar(other) {
            let scalar = try FrameValues.cell(other, interpreter)
            return .object(SeriesObject(try series.combined(element, scalar: scalar, reflected: reflected)))
        }
        // Arrays and lists combine position by position, keeping this Series' labels.
        let column = try Self.operandColumn(other, count: series.count, interpreter)
        let result = reflected ? try column.combined(element, series.values) : try series.values.combined(element, column)
        return .object(SeriesObject(Series(result, index: series.index, name: series.name)))
    }

    static func operandColumn(_ value: Value, count: Int, _ interp: Runtime) throws -> Column {
        if let a = value.object(as: NDArrayObject.self) {
            let flat = a.array.ndim == 2 && a.array.shape.last == 1 ? try a.array.reshaped([a.array.size]) : a.array
            guard flat.ndim == 1 else {
                throw PyError(.valueError, "Data must be 1-dimensional, got ndarray of shape \(FrameValues.shapeText(a.array.shape)) instead")
            }
            let column = try Column(flat)
            guard column.count == count else { throw PyError(.valueError, "Lengths must match to compare") }
            return column
        }
        let column = try FrameValues.column(value, interp)
        guard column.count == count else { throw PyError(.valueError, "Lengths must match to compare") }
        return column
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        let element = FrameValues.elementOperator(op)
        if let o = other.object(as: SeriesObject.self) { return .object(SeriesObject(try series.combined(element, o.series))) }
        if FrameValues.isScalar(other) {
            return .object(SeriesObject(try series.combined(element, scalar: try FrameValues.cell(other, interpreter))))
        }
        let column = try Self.operandColumn(other, count: series.count, interpreter)
        return .object(SeriesObject(Series(try series.values.combined(element, column), index: series.index, name: series.name)))
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .negate: return .object(SeriesObject(Series(try series.values.negated(), index: series.index, name: series.name)))
        case .invert: return .object(SeriesObject(Series(try series.values.inverted(), index: series.index, name: series.name)))
        case .plus: return .object(self)
        }
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        try PandasUnsupported.check(name, in: PandasUnsupported.seriesNames, owner: "Series")
    }
}

/// Objects NumPy and Keras can turn into an `NDArray` (frames and Series).
protocol ArrayConvertible: PyObject {
    func toNDArray() throws -> NDArray
}
