import Frames

/// `df.groupby(col)`: mean/sum/count/size and friends per group.
final class GroupByObject: PyObject {
    let grouped: GroupedFrame
    /// `groupby(k)['v']`: results are a Series named v, not a frame.
    let selectsSeries: Bool
    init(_ grouped: GroupedFrame, selectsSeries: Bool = false) { self.grouped = grouped; self.selectsSeries = selectsSeries }
    var pyType: PyType { GroupByObject.type }

    func repr(_ interpreter: Runtime) throws -> String { "<pandas.core.groupby.generic.DataFrameGroupBy object>" }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        let labels = try FrameValues.labels(key, interpreter)
        let keyLabel = grouped.frame.columnIndex[grouped.keyPosition]
        let positions = try DataFrameObject.columnPositions([keyLabel] + labels, in: grouped.frame)
        let narrowed = try GroupedFrame(grouped.frame.selectingColumns(positions), key: keyLabel)
        return .object(GroupByObject(narrowed, selectsSeries: FrameValues.isScalar(key)))
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        if ["agg", "aggregate", "apply", "transform", "filter", "describe", "first", "last", "nth", "cumsum", "rolling"].contains(name) {
            throw PyError(.notImplementedError, "DataFrameGroupBy.\(name) is not supported in SwiftML")
        }
        return nil
    }

    static let type = PyType("DataFrameGroupBy", module: "pandas", doc: "Rows grouped by a column's values.") { t in
        for reduction in [ColumnReduction.mean, .sum, .count, .min, .max, .median, .std, .variance] {
            t.method("\(reduction.rawValue)(numeric_only=False)", of: GroupByObject.self, doc: "The \(reduction.rawValue) of each column per group.") { o, args, _ in
                let frame = try o.grouped.aggregate(reduction, numericOnly: try args.bool("numeric_only"))
                if o.selectsSeries, frame.columns.count == 1 { return .object(SeriesObject(frame.column(at: 0).withIndex(frame.index))) }
                return .object(DataFrameObject(frame))
            }
        }
        t.method("size()", of: GroupByObject.self, doc: "Rows per group.") { o, _, _ in .object(SeriesObject(o.grouped.sizes())) }
    }
}
