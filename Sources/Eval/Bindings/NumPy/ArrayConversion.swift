import ML

/// Conversions between the language's values and arrays: `np.array`'s reading of nested
/// lists, NumPy's index syntax, axes, shapes and dtypes, and results back to values.
enum ArrayConversion {
    /// `np.asarray(value)`: the array itself for arrays and NumPy scalars (no copy), otherwise
    /// a new array from nested lists, tuples, ranges and numbers. With `dtype`, converted.
    static func array(_ value: Value, _ interpreter: Runtime, dtype: DType? = nil) throws -> NDArray {
        if case .object(let object) = value, let backed = object as? any ArrayBacked {
            guard let dtype, dtype != backed.array.dtype else { return backed.array }
            return try backed.array.astype(dtype)
        }
        if case .object(let object) = value, let convertible = object as? any ArrayConvertible {
            // pandas frames and Series (np.array(df), model.fit(df, series)).
            let array = try convertible.toNDArray()
            guard let dtype, dtype != array.dtype else { return array }
            return try array.astype(dtype)
        }
        var collector = NestedValues()
        try collector.walk(value, depth: 0, interpreter)
        return try collector.makeArray(dtype: dtype)
    }

    /// A result as NumPy returns it: 0-d results of ufuncs and reductions are NumPy scalars.
    static func result(_ array: NDArray) -> Value {
        array.ndim == 0 ? .object(NumPyScalarObject(array)) : .object(NDArrayObject(array))
    }

    /// An array result that stays an array even when 0-d (`np.array(5)`).
    static func wrap(_ array: NDArray) -> Value { .object(NDArrayObject(array)) }

    /// The right-hand side of `a[i] = value`: Python scalars keep NumPy 2's range checks.
    static func operand(_ value: Value, _ interpreter: Runtime) throws -> ArrayOperand {
        switch value {
        case .int(let v): return .scalar(.int(v))
        case .float(let v): return .scalar(.float(v))
        case .bool(let v): return .scalar(.bool(v))
        default: return .array(try array(value, interpreter))
        }
    }

    // MARK: - Indices

    /// NumPy's index syntax: ints, slices, `None`, `...`, integer and boolean arrays or lists,
    /// and tuples of these.
    static func index(_ key: Value, _ interpreter: Runtime) throws -> [ArrayIndex] {
        if let tuple = key.object(as: TupleObject.self) {
            return try tuple.items.map { try indexItem($0, interpreter) }
        }
        return [try indexItem(key, interpreter)]
    }

    private static func indexItem(_ item: Value, _ interpreter: Runtime) throws -> ArrayIndex {
        switch item {
        case .int(let v): return .int(v)
        case .none: return .newAxis
        case .bool:
            throw PyError(.indexError, "boolean scalar indices are not supported; index with a boolean array instead")
        case .float, .string:
            throw invalidIndex
        case .object(let object):
            if object is EllipsisObject { return .ellipsis }
            if let slice = object as? SliceObject {
                func bound(_ value: Value) throws -> Int? {
                    if value.isNone { return nil }
                    guard let int = value.asIndex else {
                        throw PyError(.typeError, "slice indices must be integers or None or have an __index__ method")
                    }
                    return int
                }
                return .slice(start: try bound(slice.start), stop: try bound(slice.stop), step: try bound(slice.step))
            }
            if let scalar = object as? NumPyScalarObject {
                if let position = scalar.asIndex() { return .int(position) }
                throw invalidIndex
            }
            if let backed = object as? NDArrayObject { return .array(backed.array) }
            if object is ListObject || object is RangeObject {
                let positions = try array(item, interpreter)
                if positions.size == 0 { return .array(try positions.astype(.int64)) }
                return .array(positions)
            }
            if let position = object.asIndex() { return .int(position) }
            throw invalidIndex
        }
    }

    private static var invalidIndex: PyError {
        PyError(.indexError, "only integers, slices (`:`), ellipsis (`...`), numpy.newaxis (`None`) and integer or boolean arrays are valid indices")
    }

    // MARK: - Shapes, axes, dtypes

    /// A shape argument: an int or a sequence of ints (`(2, 3)`, `[2, 3]`).
    static func shape(_ value: Value, _ interpreter: Runtime, name: String = "shape") throws -> [Int] {
        if let size = value.asIndex { return [size] }
        if case .object(let object) = value, object is TupleObject || object is ListObject {
            return try interpreter.collect(value).map { item in
                guard let size = item.asIndex else {
                    throw PyError(.typeError, "'\(item.typeName)' object cannot be interpreted as an integer")
                }
                return size
            }
        }
        throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
    }

    /// Shape from `*args` that may be ints or one tuple (`reshape(2, 3)`, `reshape((2, 3))`).
    static func shape(variadic values: [Value], _ interpreter: Runtime) throws -> [Int] {
        if values.count == 1 { return try shape(values[0], interpreter) }
        return try values.map { value in
            guard let size = value.asIndex else {
                throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
            }
            return size
        }
    }

    /// An `axis=` argument: nil for None, one int, or a tuple of ints.
    static func axes(_ value: Value, _ interpreter: Runtime) throws -> [Int]? {
        if value.isNone { return nil }
        if let axis = value.asIndex { return [axis] }
        if case .object(let object) = value, object is TupleObject || object is ListObject {
            return try shape(value, interpreter)
        }
        throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
    }

    /// A single `axis=` argument (nil for None).
    static func axis(_ value: Value) throws -> Int? {
        if value.isNone { return nil }
        guard let axis = value.asIndex else {
            throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
        }
        return axis
    }

    /// A `dtype=` argument: nil for None; names (`'float32'`), Python's `float`/`int`/`bool`,
    /// NumPy's scalar types (`np.float32`) and dtype objects.
    static func dtype(_ value: Value) throws -> DType? {
        switch value {
        case .none: return nil
        case .string(let name):
            if let dtype = DType(numpyName: name) { return dtype }
            if NumPyTypes.unsupportedNames.contains(name) { throw unsupportedDType(name) }
            throw PyError(.typeError, "data type '\(name)' not understood")
        case .object(let object):
            if let dtype = object as? DTypeObject { return dtype.dtype }
            if let type = object as? PyType {
                if type === PyType.float { return .float64 }
                if type === PyType.int { return .int64 }
                if type === PyType.bool { return .bool }
                if let dtype = NumPyTypes.dtype(of: type) { return dtype }
                if NumPyTypes.unsupportedNames.contains(type.name) { throw unsupportedDType(type.name) }
            }
            let described = (object as? PyType).map { "<class '\($0.qualifiedName)'>" } ?? object.pyType.name
            throw PyError(.typeError, "Cannot interpret '\(described)' as a data type")
        default:
            throw PyError(.typeError, "Cannot interpret '\(value.typeName)' as a data type")
        }
    }

    static func unsupportedDType(_ name: String) -> PyError {
        PyError(.typeError, "dtype '\(name)' is not supported: SwiftML arrays hold float32, float64, int64, uint8 or bool")
    }

    // MARK: - Back to Python values

    /// `a.tolist()`: nested lists of Python numbers.
    static func list(_ array: NDArray) throws -> Value {
        let flat: [Value]
        switch array.dtype {
        case .float32, .float64: flat = try array.doubles().map { .float($0) }
        case .int64, .uint8: flat = try array.astype(.int64).scalars(as: Int64.self).map { .int(Int($0)) }
        case .bool: flat = try array.scalars(as: Bool.self).map { .bool($0) }
        }
        if array.ndim == 0 { return flat[0] }
        var position = 0
        func build(_ axis: Int) -> Value {
            if axis == array.ndim - 1 {
                let items = Array(flat[position..<(position + array.shape[axis])])
                position += array.shape[axis]
                return .list(items)
            }
            return .list((0..<array.shape[axis]).map { _ in build(axis + 1) })
        }
        return build(0)
    }

    /// `a.item()` and `float(x)`-style: the single element as a Python number.
    static func pythonScalar(_ array: NDArray) throws -> Value {
        guard array.size == 1 else {
            throw PyError(.valueError, "can only convert an array of size 1 to a Python scalar")
        }
        return try list(array.reshaped([]))
    }
}

/// Reads nested sequences into a shape and a flat list of numbers, checking that the nesting
/// is regular, as `np.array` does.
private struct NestedValues {
    private var shape: [Int] = []
    private var leafDepth: Int?
    private var doubles: [Double] = []
    private var integers: [Int64] = []
    private var dtype: DType?

    mutating func walk(_ value: Value, depth: Int, _ interpreter: Runtime) throws {
        switch value {
        case .bool(let v): try leaf(Double(v ? 1 : 0), Int64(v ? 1 : 0), .bool, depth)
        case .int(let v): try leaf(Double(v), Int64(v), .int64, depth)
        case .float(let v): try leaf(v, truncatingToInt64Value(v), .float64, depth)
        case .none:
            throw PyError(.typeError, "SwiftML arrays hold numbers and booleans only (got None)")
        case .string:
            throw PyError(.typeError, "SwiftML arrays hold numbers and booleans only (got str)")
        case .object(let object):
            if let backed = object as? any ArrayBacked {
                try nestedArray(backed.array, depth)
                return
            }
            let items: [Value]
            if let list = object as? ListObject {
                items = list.items
            } else if let tuple = object as? TupleObject {
                items = tuple.items
            } else if object is RangeObject {
                items = try interpreter.collect(value)
            } else {
                throw PyError(.typeError, "SwiftML arrays hold numbers and booleans only (got \(object.pyType.name))")
            }
            try dimension(items.count, depth)
            for item in items { try walk(item, depth: depth + 1, interpreter) }
        }
    }

    private mutating func dimension(_ length: Int, _ depth: Int) throws {
        if let leafDepth, depth >= leafDepth { throw inhomogeneous(depth) }
        if depth < shape.count {
            if shape[depth] != length { throw inhomogeneous(depth) }
        } else if depth == shape.count {
            shape.append(length)
            if length == 0 { leafDepth = depth + 1 }
        } else {
            throw inhomogeneous(depth)
        }
    }

    private mutating func leaf(_ double: Double, _ integer: Int64, _ kind: DType, _ depth: Int) throws {
        if let leafDepth {
            if depth != leafDepth { throw inhomogeneous(Swift.min(depth, leafDepth)) }
        } else {
            if depth != shape.count { throw inhomogeneous(depth) }
            leafDepth = depth
        }
        doubles.append(double)
        integers.append(integer)
        dtype = dtype.map { DType.promote($0, kind) } ?? kind
    }

    private mutating func nestedArray(_ array: NDArray, _ depth: Int) throws {
        for (offset, length) in array.shape.enumerated() { try dimension(length, depth + offset) }
        let values = try array.doubles()
        let whole = array.dtype.isInteger || array.dtype == .bool ? try array.astype(.int64).scalars(as: Int64.self) : values.map(truncatingToInt64Value)
        if let leafDepth {
            if depth + array.ndim != leafDepth { throw inhomogeneous(depth) }
        } else {
            if depth + array.ndim != shape.count { throw inhomogeneous(depth) }
            leafDepth = depth + array.ndim
        }
        doubles += values
        integers += whole
        dtype = dtype.map { DType.promote($0, array.dtype) } ?? array.dtype
    }

    private func inhomogeneous(_ depth: Int) -> PyError {
        let detected = Array(shape.prefix(Swift.max(depth, 1)))
        return PyError(.valueError, "setting an array element with a sequence. The requested array has an inhomogeneous shape after \(detected.count) dimensions. The detected shape was \(formatShape(detected)) + inhomogeneous part.")
    }

    func makeArray(dtype requested: DType?) throws -> NDArray {
        let target = requested ?? dtype ?? .float64
        let dims = leafDepth.map { Array(shape.prefix($0)) } ?? shape
        switch target {
        case .float64: return try NDArray(doubles, shape: dims)
        case .float32: return try NDArray(doubles.map { Float($0) }, shape: dims)
        case .int64:
            return try NDArray(integers, shape: dims)
        case .uint8:
            if dtype == .int64, let bad = integers.first(where: { $0 < 0 || $0 > 255 }) {
                throw PyError(.overflowError, "Python integer \(bad) out of bounds for uint8")
            }
            return try NDArray(integers.map { UInt8(truncatingIfNeeded: $0) }, shape: dims)
        case .bool: return try NDArray(doubles.map { $0 != 0 }, shape: dims)
        }
    }
}

/// Truncation toward zero without trapping (NaN and out-of-range give Int64.min, as NumPy's
/// cast does).
func truncatingToInt64Value(_ value: Double) -> Int64 {
    Int64(castFrom: value)
}
