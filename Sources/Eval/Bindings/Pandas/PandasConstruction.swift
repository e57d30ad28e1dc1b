import Frames
import ML

/// `pd.DataFrame(...)` and `pd.Series(...)` from the values notebooks pass: dicts of lists
/// (also `history.history`), arrays, lists of rows, lists of dicts, Series and frames.
enum PandasConstruction {
    static func frame(_ data: Value?, columns: Value?, index: Value?, dtype: Value?, _ interp: Runtime) throws -> DataFrame {
        var result: DataFrame
        let indexLabels = try index.map { FrameIndex.labels(try FrameValues.labels($0, interp)) }
        let columnLabels = try columns.map { try FrameValues.labels($0, interp) }
        switch data {
        case nil:
            result = try DataFrame(columns: [], labels: .labels(columnLabels ?? []), index: indexLabels ?? .range(0))
            if let columnLabels, !columnLabels.isEmpty {
                result = try DataFrame(columns: columnLabels.map { _ in Column(cells: Array(repeating: .missing, count: indexLabels?.count ?? 0)) },
                                       labels: .labels(columnLabels), index: indexLabels ?? .range(0))
            }
        case .some(let value):
            if let o = value.object(as: DataFrameObject.self) {
                result = o.frame
                if let columnLabels { result = result.selectingColumns(try DataFrameObject.columnPositions(columnLabels, in: result)) }
            } else if let d = value.object(as: DictObject.self) {
                result = try frame(fromDict: d, index: indexLabels, interp)
                if let columnLabels {
                    let present = Set(result.columnLabels)
                    var picked = DataFrame.emptyLike(result)
                    for label in columnLabels {
                        if present.contains(label) { try picked.setColumn(label, result.columns[try result.columnPosition(label)]) }
                        else { try picked.setColumn(label, Column(doubles: Array(repeating: .nan, count: result.rowCount))) }
                    }
                    result = picked
                }
            } else if let s = value.object(as: SeriesObject.self) {
                result = s.series.toFrame()
            } else if let a = value.object(as: NDArrayObject.self) {
                result = try frame(fromArray: a.array, labels: columnLabels.map { .labels($0) }, index: indexLabels)
            } else {
                let rows = try interp.collect(value)
                if let first = rows.first, first.object(as: DictObject.self) != nil {
                    result = try frame(fromRecords: rows, interp)
                } else if rows.allSatisfy({ FrameValues.isScalar($0) }) {
                    result = try DataFrame(columns: [Column.inferring(try rows.map { try FrameValues.cell($0, interp) })],
                                           labels: .range(1), index: nil)
                } else {
                    let table = try rows.map { try interp.collect($0).map { try FrameValues.cell($0, interp) } }
                    let width = table.first?.count ?? 0
                    for row in table where row.count != width {
                        throw PyError(.valueError, "\(width) columns passed, passed data had \(row.count) columns")
                    }
                    let columns = (0..<width).map { c in Column.inferring(table.map { $0[c] }) }
                    result = try DataFrame(columns: columns, labels: .range(width), index: nil)
                }
                if let columnLabels {
                    guard columnLabels.count == result.columns.count else {
                        throw PyError(.valueError, "\(columnLabels.count) columns passed, passed data had \(result.columns.count) columns")
                    }
                    result.columnIndex = .labels(columnLabels)
                }
            }
            if let indexLabels, value.object(as: DictObject.self) == nil {
                guard indexLabels.count == result.rowCount else {
                    throw PyError(.valueError, "Length of values (\(result.rowCount)) does not match length of index (\(indexLabels.count))")
                }
                result.index = indexLabels
            }
        }
        if let dtype {
            let target = try FrameValues.dtype(dtype, interp)
            result = try result.mapColumns { try $0.converted(to: target) }
        }
        return result
    }

    static func frame(fromDict dict: DictObject, index: FrameIndex?, _ interp: Runtime) throws -> DataFrame {
        let keys = dict.storage.keys.map(\.value)
        let values = dict.storage.values
        // A Series among the values sets the index (pandas aligns the rest to it).
        let seriesIndex = values.compactMap { $0.object(as: SeriesObject.self)?.series.index }.first
        var rowCount: Int? = index?.count ?? seriesIndex?.count
        for v in values where !FrameValues.isScalar(v) {
            let n = try FrameValues.column(v, interp).count
            if rowCount == nil { rowCount = n }
            guard n == rowCount else { throw PyError(.valueError, "All arrays must be of the same length") }
        }
        guard let rows = rowCount else {
            if values.isEmpty { return try DataFrame(columns: [], labels: .labels([]), index: index ?? .range(0)) }
            throw PyError(.valueError, "If using all scalar values, you must pass an index")
        }
        var columns: [Column] = []
        for v in values {
            if FrameValues.isScalar(v) { columns.append(Column.repeating(try FrameValues.cell(v, interp), count: rows)) }
            else { columns.append(try FrameValues.column(v, interp)) }
        }
        return try DataFrame(columns: columns, labels: .labels(try keys.map { try FrameValues.cell($0, interp) }),
                             index: index ?? seriesIndex ?? .range(rows))
    }

    static func frame(fromRecords rows: [Value], _ interp: Runtime) throws -> DataFrame {
        var labels: [FrameScalar] = []
        var records: [[FrameScalar: FrameScalar]] = []
        for row in rows {
            guard let d = row.object(as: DictObject.self) else { throw PyError(.typeError, "every row must be a dict") }
            var record: [FrameScalar: FrameScalar] = [:]
            for (k, v) in zip(d.storage.keys, d.storage.values) {
                let label = try FrameValues.cell(k.value, interp)
                if !labels.contains(label) { labels.append(label) }
                record[label] = try FrameValues.cell(v, interp)
            }
            records.append(record)
        }
        let columns = labels.map { l in Column.inferring(records.map { $0[l] ?? .missing }) }
        return try DataFrame(columns: columns, labels: .labels(labels), index: nil)
    }

    static func frame(fromArray array: NDArray, labels: FrameIndex?, index: FrameIndex?) throws -> DataFrame {
        let matrix: NDArray
        switch array.ndim {
        case 1: matrix = try array.reshaped([array.size, 1])
        case 2: matrix = array
        default: throw PyError(.valueError, "Must pass 2-d input. shape=\(FrameValues.shapeText(array.shape))")
        }
        let rows = matrix.shape[0], cols = matrix.shape[1]
        if let labels, labels.count != cols {
            throw PyError(.valueError, "Shape of passed values is \(FrameValues.shapeText([rows, cols])), indices imply \(FrameValues.shapeText([index?.count ?? rows, labels.count]))")
        }
        var columns: [Column] = []
        for c in 0..<cols {
            columns.append(try Column(try matrix.subscripted([.slice(start: nil, stop: nil, step: nil), .int(c)])))
        }
        return try DataFrame(columns: columns, labels: labels ?? .range(cols), index: index)
    }

    static func series(_ data: Value?, index: Value?, name: Value?, dtype: Value?, _ interp: Runtime) throws -> Series {
        var result: Series
        let indexLabels = try index.map { FrameIndex.labels(try FrameValues.labels($0, interp)) }
        if let data, let d = data.object(as: DictObject.self) {
            let labels = try d.storage.keys.map { try FrameValues.cell($0.value, interp) }
            result = Series(Column.inferring(try d.storage.values.map { try FrameValues.cell($0, interp) }), index: .labels(labels))
        } else if let data, let s = data.object(as: SeriesObject.self) {
            result = s.series
        } else if let data, FrameValues.isScalar(data) {
            result = Series(Column.repeating(try FrameValues.cell(data, interp), count: indexLabels?.count ?? 1))
        } else if let data {
            result = Series(try FrameValues.column(data, interp))
        } else {
            result = Series(Column(cells: []))
        }
        if let indexLabels {
            guard indexLabels.count == result.count else {
                throw PyError(.valueError, "Length of values (\(result.count)) does not match length of index (\(indexLabels.count))")
            }
            result.index = indexLabels
        }
        if let name { result.name = try FrameValues.cell(name, interp) }
        if let dtype { result.values = try result.values.converted(to: try FrameValues.dtype(dtype, interp)) }
        return result
    }
}

extension DataFrame {
    /// A frame with no columns and the same rows.
    static func emptyLike(_ frame: DataFrame) -> DataFrame {
        // Zero columns fit any index.
        try! DataFrame(columns: [], labels: .labels([]), index: frame.index)
    }
}
