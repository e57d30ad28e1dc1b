import Frames
import ML

/// A column's dtype as pandas shows it: `dtype('float64')`, `dtype('O')` for text.
final class PandasDTypeObject: PyObject {
    let dtype: ColumnDType
    init(_ dtype: ColumnDType) { self.dtype = dtype }
    var pyType: PyType { PandasDTypeObject.type }

    func repr(_ interpreter: Runtime) throws -> String { "dtype('\(dtype == .object ? "O" : dtype.rawValue)')" }
    func str(_ interpreter: Runtime) throws -> String { dtype.rawValue }
    func hashValue(_ interpreter: Runtime) throws -> Int? { dtype.rawValue.hashValue }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same: Bool
        if let o = other.object(as: PandasDTypeObject.self) {
            same = o.dtype == dtype
        } else if let parsed = try? FrameValues.dtype(other, interpreter) {
            // 'float32' names a different dtype even though columns widen it.
            if case .string(let s) = other, s == "float32" || s == "int32" || s == "uint8" { same = false } else { same = parsed == dtype }
        } else {
            same = false
        }
        return .bool(op == .equal ? same : !same)
    }

    static let type = PyType("dtype", module: "numpy", doc: "The dtype of a pandas column.") { t in
        t.property("name", of: PandasDTypeObject.self, doc: "The dtype's name.") { o, _ in .string(o.dtype.rawValue) }
        t.property("kind", of: PandasDTypeObject.self, doc: "One-letter kind.") { o, _ in
            .string(["float64": "f", "int64": "i", "bool": "b", "object": "O"][o.dtype.rawValue] ?? "O")
        }
    }
}

enum PandasDTypes {
    static func value(_ dtype: ColumnDType, _ interp: Runtime) throws -> Value { .object(PandasDTypeObject(dtype)) }
}
