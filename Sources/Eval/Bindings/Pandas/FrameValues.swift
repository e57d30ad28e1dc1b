import Frames
import ML

extension FrameError: PyErrorConvertible {
    /// The Python exception pandas raises for this error.
    public var pyError: PyError {
        switch kind {
        case .keyError: return PyError(.keyError, message)
        case .valueError: return PyError(.valueError, message)
        case .typeError: return PyError(.typeError, message)
        case .indexError: return PyError(.indexError, message)
        case .fileNotFound: return PyError(.fileNotFoundError, message)
        case .notImplemented: return PyError(.notImplementedError, message)
        case .parserError, .emptyData, .intCastingNaN: return PyError(PyErrorKind(kind.rawValue), message)
        }
    }
}

/// Conversions between the cell language's values and frame cells and columns.
enum FrameValues {
    /// A frame value as pandas hands it back: numbers as NumPy scalars (`np.float64(5.8)`),
    /// text as `str`, missing as `nan`.
    static func value(_ cell: FrameScalar) -> Value {
        switch cell {
        case .missing: return .float(.nan)
        case .bool(let b): return ArrayConversion.result(NDArray(scalar: b))
        case .int(let i): return ArrayConversion.result(NDArray(scalar: i))
        case .float(let d): return ArrayConversion.result(NDArray(scalar: d))
        case .string(let s): return .string(s)
        }
    }

    /// A label as a plain Python value (column names, index labels in lists).
    static func plain(_ cell: FrameScalar) -> Value {
        switch cell {
        case .missing: return .float(.nan)
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int(i))
        case .float(let d): return .float(d)
        case .string(let s): return .string(s)
        }
    }

    /// A Python scalar as a cell; TypeError for anything else.
    static func cell(_ value: Value, _ interp: Runtime) throws -> FrameScalar {
        switch value {
        case .none: return .missing
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(Int64(i))
        case .float(let d): return d.isNaN ? .float(.nan) : .float(d)
        case .string(let s): return .string(s)
        case .object(let o):
            if let scalar = o as? NumPyScalarObject {
                switch scalar.array.dtype {
                case .bool: return .bool(try scalar.array.scalars(as: Bool.self)[0])
                case .int64, .uint8: if let i = scalar.asIndex() { return .int(Int64(i)) }
                default: break
                }
                if let d = scalar.asDouble() { return .float(d) }
            }
            if let i = o.asIndex() { return .int(Int64(i)) }
            if let d = o.asDouble() { return .float(d) }
            throw PyError(.typeError, "unsupported value of type '\(value.typeName)' in a pandas object")
        }
    }

    static func isScalar(_ value: Value) -> Bool {
        switch value {
        case .none, .bool, .int, .float, .string: return true
        case .object(let o): return o is NumPyScalarObject
        }
    }

    /// A column from a list, tuple, range, array, Series or Index.
    static func column(_ value: Value, _ interp: Runtime) throws -> Column {
        if let s = value.object(as: SeriesObject.self) { return s.series.values }
        if let i = value.object(as: IndexObject.self) { return i.index.column }
        if let a = value.object(as: NDArrayObject.self) {
            guard a.array.ndim == 1 else { throw PyError(.valueError, "Data must be 1-dimensional, got ndarray of shape \(shapeText(a.array.shape)) instead") }
            return try Column(a.array)
        }
        if case .string = value { throw PyError(.typeError, "a string is not a column of values") }
        let items = try interp.collect(value)
        return Column.inferring(try items.map { try cell($0, interp) })
    }

    static func shapeText(_ shape: [Int]) -> String {
        shape.count == 1 ? "(\(shape[0]),)" : "(" + shape.map(String.init).joined(separator: ", ") + ")"
    }

    /// Labels from a list, an Index, a Series or one label.
    static func labels(_ value: Value, _ interp: Runtime) throws -> [FrameScalar] {
        if isScalar(value) { return [try cell(value, interp)] }
        return try column(value, interp).cells
    }

    /// A dtype argument (`float`, `'int64'`, `str`, `np.float32`) as a column dtype.
    static func dtype(_ value: Value, _ interp: Runtime) throws -> ColumnDType {
        if case .string(let s) = value {
            switch s {
            case "str", "object", "O", "string": return .object
            case "bool", "boolean": return .bool
            case "category": throw PyError(.notImplementedError, "pandas' category dtype is not supported in SwiftML")
            default:
                if let d = DType(numpyName: s) { return d.isFloatingPoint ? .float64 : d == .bool ? .bool : .int64 }
                throw PyError(.typeError, "data type '\(s)' not understood")
            }
        }
        if let t = value.object(as: PyType.self) {
            switch t.name {
            case "float", "float64", "float32": return .float64
            case "int", "int64", "uint8", "int32": return .int64
            case "bool", "bool_": return .bool
            case "str", "object": return .object
            default: break
            }
        }
        if let d = try ArrayConversion.dtype(value) { return d.isFloatingPoint ? .float64 : d == .bool ? .bool : .int64 }
        throw PyError(.typeError, "data type \(try interp.repr(value)) not understood")
    }

    /// Row or column positions from an `axis` argument (0/'index'/'rows' or 1/'columns').
    static func axis(_ value: Value?) throws -> Int {
        guard let value else { return 0 }
        switch value {
        case .int(let a) where a == 0 || a == 1: return a
        case .string("index"), .string("rows"): return 0
        case .string("columns"): return 1
        default: throw PyError(.valueError, "No axis named \(value) for object type DataFrame")
        }
    }

    /// A Series or frame operand's `ElementOperator`.
    static func elementOperator(_ op: BinaryOperator) -> ElementOperator? {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .trueDivide: .divide
        case .floorDivide: .floorDivide
        case .modulo: .modulo
        case .power: .power
        case .and: .and
        case .or: .or
        case .xor: .xor
        default: nil
        }
    }

    static func elementOperator(_ op: ComparisonOperator) -> ElementOperator {
        switch op {
        case .equal: .equal
        case .notEqual: .notEqual
        case .less: .less
        case .lessOrEqual: .lessEqual
        case .greater: .greater
        case .greaterOrEqual: .greaterEqual
        }
    }

    /// A Python list of values.
    static func list(_ column: Column) -> Value { .list(column.cells.map(plain)) }
}
