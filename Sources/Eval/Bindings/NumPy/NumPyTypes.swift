import ML

/// The classes the `numpy` module exposes: `ndarray`, the scalar types (`float32`, ...), their
/// abstract bases (`generic`, `number`, `integer`, `floating`) and `dtype`.
enum NumPyTypes {
    static let ndarray = PyType("ndarray", module: "numpy", doc: """
        ndarray(shape, dtype=float)

        An n-dimensional array of numbers of one dtype (float32, float64, int64, uint8 or
        bool). Slicing and transposing give views that share the data; integer-array and
        boolean-mask indexing give copies. Usually made with np.array, np.zeros, np.arange.
        """) { t in
        t.constructor("ndarray(shape, dtype=None)", doc: "An array of the given shape, filled with zeros.") { args, interp in
            let shape = try ArrayConversion.shape(args["shape"], interp)
            return ArrayConversion.wrap(try NDArray.zeros(shape, dtype: ArrayConversion.dtype(args["dtype"]) ?? .float64))
        }
        ArrayMembers.register(&t)
    }

    /// NumPy's base class of scalars; holds the array methods scalars share with ndarray.
    static let generic = PyType("generic", module: "numpy", doc: "Base class of NumPy scalar types.") { t in
        ArrayMembers.register(&t)
    }
    static let number = PyType("number", module: "numpy", doc: "Base class of numeric scalar types.", base: generic)
    static let integer = PyType("integer", module: "numpy", doc: "Base class of integer scalar types.", base: number)
    static let signedInteger = PyType("signedinteger", module: "numpy", doc: "Base class of signed integer scalar types.", base: integer)
    static let unsignedInteger = PyType("unsignedinteger", module: "numpy", doc: "Base class of unsigned integer scalar types.", base: integer)
    static let floating = PyType("floating", module: "numpy", doc: "Base class of floating-point scalar types.", base: number)

    static let float32 = scalarType(.float32, base: floating, doc: "Single-precision floating-point number type (32 bits).")
    static let float64 = scalarType(.float64, base: floating, doc: "Double-precision floating-point number type (64 bits), like Python's float.")
    static let int64 = scalarType(.int64, base: signedInteger, doc: "Signed integer type (64 bits), NumPy's default integer.")
    static let uint8 = scalarType(.uint8, base: unsignedInteger, doc: "Unsigned integer type (8 bits): 0 to 255, as images store pixels.")
    static let bool = scalarType(.bool, base: generic, doc: "Boolean type (True or False), stored as one byte.")

    /// The class of a NumPy scalar of `dtype`.
    static func scalarType(_ dtype: DType) -> PyType {
        switch dtype {
        case .float32: float32
        case .float64: float64
        case .int64: int64
        case .uint8: uint8
        case .bool: bool
        }
    }

    /// The dtype a scalar class stands for (`np.float32` -> float32), or nil.
    static func dtype(of type: PyType) -> DType? {
        for dtype in DType.allCases where scalarType(dtype) === type { return dtype }
        return nil
    }

    /// NumPy dtypes SwiftML does not have; named in a clear error when used.
    static let unsupportedNames: Set<String> = [
        "int8", "int16", "int32", "uint16", "uint32", "uint64", "float16", "half", "longdouble",
        "complex64", "complex128", "complex", "str", "object", "i4", "f2", "u4", "i2", "i1",
    ]

    /// Placeholder classes for the unsupported dtypes, so `np.int32` exists and using it as a
    /// dtype says what is supported.
    static func unsupportedType(_ name: String) -> PyType {
        PyType(name, module: "numpy", doc: "Not supported by SwiftML: arrays hold float32, float64, int64, uint8 or bool.") { t in
            t.constructor("\(name)(value=0)") { _, _ in throw ArrayConversion.unsupportedDType(name) }
        }
    }

    private static func scalarType(_ dtype: DType, base: PyType, doc: String) -> PyType {
        PyType(dtype.name, module: "numpy", doc: doc, base: base) { t in
            t.constructor("\(dtype.name)(value=0, /)", doc: doc) { args, interp in
                let value = args["value"]
                if case .string(let text) = value {
                    guard let number = Double(text) else {
                        throw PyError(.valueError, "could not convert string to \(dtype.name): '\(text)'")
                    }
                    return .object(NumPyScalarObject(try NDArray(scalar: number).astype(dtype)))
                }
                switch value {
                case .int(let v): return ArrayConversion.result(try ScalarValue.int(v).asArray(dtype: dtype))
                case .float(let v): return ArrayConversion.result(try NDArray(scalar: v).astype(dtype))
                case .bool(let v): return ArrayConversion.result(try NDArray(scalar: v).astype(dtype))
                default: return ArrayConversion.result(try ArrayConversion.array(value, interp).astype(dtype))
                }
            }
        }
    }

    static let dtype = PyType("dtype", module: "numpy", doc: """
        dtype(obj)

        A data type: what the elements of an array are. `a.dtype.name` is its name; it compares
        equal to its name, its scalar type and itself: `a.dtype == np.float32`.
        """) { t in
        t.constructor("dtype(dtype, /)", doc: "The dtype named or given by `dtype`.") { args, _ in
            guard let dtype = try ArrayConversion.dtype(args["dtype"]) else {
                return .object(DTypeObject(.float64))
            }
            return .object(DTypeObject(dtype))
        }
        t.property("name", of: DTypeObject.self, doc: "The dtype's name, e.g. 'float32'.") { d, _ in .string(d.dtype.name) }
        t.property("itemsize", of: DTypeObject.self, doc: "Bytes per element.") { d, _ in .int(d.dtype.itemSize) }
        t.property("kind", of: DTypeObject.self, doc: "'f' float, 'i' signed, 'u' unsigned, 'b' bool.") { d, _ in
            .string(d.dtype.isFloatingPoint ? "f" : d.dtype == .int64 ? "i" : d.dtype == .uint8 ? "u" : "b")
        }
        t.property("type", of: DTypeObject.self, doc: "The scalar type of this dtype.") { d, _ in .object(scalarType(d.dtype)) }
    }
}

/// `a.dtype`: prints as `dtype('float32')`, equal to `'float32'` and to `np.float32`.
final class DTypeObject: PyObject {
    let dtype: DType
    init(_ dtype: DType) { self.dtype = dtype }

    var pyType: PyType { NumPyTypes.dtype }
    func repr(_ interpreter: Runtime) throws -> String { "dtype('\(dtype.name)')" }
    func str(_ interpreter: Runtime) throws -> String { dtype.name }
    func hashValue(_ interpreter: Runtime) throws -> Int? { dtype.name.hashValue }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard op == .equal || op == .notEqual else { return nil }
        let same = (try? ArrayConversion.dtype(other)).flatMap { $0 } == dtype
        return .bool(op == .equal ? same : !same)
    }
}
