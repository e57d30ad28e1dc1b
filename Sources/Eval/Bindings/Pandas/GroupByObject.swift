import Frames

/// `df.groupby(col)`: mean/sum/count/size and friends per group.
final class GroupByObject: PyObject {
    let grouped: GroupedFrame
    init(_ grouped: GroupedFrame) { self.grouped = grouped }
    var pyType: PyType { GroupByObject.type }

    func repr(_ interpreter: Runtime) throws -> String { "<pandas.core.groupby.generic.DataFrameGroupBy object>" }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        let labels = try FrameValues.labels(key, interpreter)
        let keyLabel = grouped.frame.columnIndex[grouped.keyPosition]
        let positions = try DataFrameObject.columnPositions([keyLabel] + labels, in: grouped.frame)
        let narrowed = try GroupedFrame(grouped.frame.selectingColumns(positions), key: keyLabel)
        return .object(GroupByObject(narrowed))
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
                .object(DataFrameObject(try o.grouped.aggregate(reduction, numericOnly: try args.bool("numeric_only"))))
            }
        }
        t.method("size()", of: GroupByObject.self, doc: "Rows per group.") { o, _, _ in .object(SeriesObject(o.grouped.sizes())) }
    }
}
