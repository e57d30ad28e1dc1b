import ML

/// A NumPy array as a value of the cell language (`np.ndarray`). Holds an `ML.NDArray`, which
/// is a view: two objects may share storage, as NumPy arrays do.
final class NDArrayObject: PyObject, ArrayBacked {
    let array: NDArray

    init(_ array: NDArray) { self.array = array }

    var pyType: PyType { NumPyTypes.ndarray }

    func repr(_ interpreter: Runtime) throws -> String { array.numpyRepr(options: NumPyPrintOptions.current(interpreter)) }
    func str(_ interpreter: Runtime) throws -> String { array.numpyStr(options: NumPyPrintOptions.current(interpreter)) }

    func length(_ interpreter: Runtime) throws -> Int? {
        guard let first = array.shape.first else { throw PyError(.typeError, "len() of unsized object") }
        return first
    }

    func truthiness(_ interpreter: Runtime) throws -> Bool {
        if array.size == 1 { return try array.reshaped([]).element(asBool: ()) }
        if array.size == 0 {
            throw PyError(.valueError, "The truth value of an empty array is ambiguous. Use `array.size > 0` to check that an array is not empty.")
        }
        throw PyError(.valueError, "The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()")
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        let index = try ArrayConversion.index(key, interpreter)
        let result = try array.subscripted(index)
        return array.indexSelectsScalar(index) ? .object(NumPyScalarObject(result)) : .object(NDArrayObject(result))
    }

    func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        let index = try ArrayConversion.index(key, interpreter)
        try array.assign(ArrayConversion.operand(value, interpreter), at: index)
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        guard array.ndim > 0 else { throw PyError(.typeError, "iteration over a 0-d array") }
        return ArrayRowIterator(array)
    }

    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        if op == .matrixMultiply {
            let product = try NDArray.matmul(array, ArrayConversion.array(other, interpreter))
            guard product.shape == array.shape else {
                throw PyError(.valueError, "matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size \(product.shape.last ?? 0) is different from \(array.shape.last ?? 0))")
            }
            try array.assign(from: product)
            return .object(self)
        }
        guard let operation = ArrayOperators.binary(op) else { return nil }
        guard let operand = try ArrayOperators.operand(other, interpreter) else { return nil }
        try array.applyInPlace(operation, operand)
        return .object(self)
    }

    func format(_ spec: String, _ interpreter: Runtime) throws -> String? {
        if array.ndim == 0 { return try array.formattedAsPythonFloat(spec) }
        if spec.isEmpty { return nil }
        throw PyError(.typeError, "unsupported format string passed to numpy.ndarray.__format__")
    }

    func asDouble() -> Double? {
        array.ndim == 0 ? try? array.doubles().first : nil
    }

    func asIndex() -> Int? {
        guard array.ndim == 0, array.dtype.isInteger else { return nil }
        return (try? array.astype(.int64).scalars(as: Int64.self).first).map { Int($0) }
    }

    func hashValue(_ interpreter: Runtime) throws -> Int? { nil }
}

/// A NumPy scalar (`np.float32(0.5)`, what `a.sum()` and `a[0, 0]` return): a 0-d array that
/// prints as a scalar and behaves as a number (`float(x)`, `f"{x:.3f}"`, `range(n)`).
final class NumPyScalarObject: PyObject, ArrayBacked {
    let array: NDArray

    /// `array` must be 0-d.
    init(_ array: NDArray) { self.array = array }

    var pyType: PyType { NumPyTypes.scalarType(array.dtype) }

    func repr(_ interpreter: Runtime) throws -> String { array.numpyScalarRepr }
    func str(_ interpreter: Runtime) throws -> String { array.numpyScalarStr }

    func truthiness(_ interpreter: Runtime) throws -> Bool { try array.element(asBool: ()) }

    func format(_ spec: String, _ interpreter: Runtime) throws -> String? {
        try array.formattedAsPythonFloat(spec)
    }

    func asDouble() -> Double? { try? array.doubles().first }

    func asIndex() -> Int? {
        guard array.dtype.isInteger else { return nil }
        return (try? array.astype(.int64).scalars(as: Int64.self).first).map { Int($0) }
    }

    func hashValue(_ interpreter: Runtime) throws -> Int? {
        // Equal numbers hash alike across scalar types, as in Python.
        guard let value = asDouble() else { return nil }
        if value == value.rounded(), abs(value) < 9.2e18 { return Int(value).hashValue }
        return value.hashValue
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        throw PyError(.indexError, "invalid index to scalar variable.")
    }
}

extension NDArray {
    /// NumPy formats a floating-point scalar with an empty spec as the Python float it
    /// converts to (`f"{np.float32(0.1)}"` is `0.10000000149011612`, unlike `str`); nil for
    /// other dtypes and specs, which the generic number formatting handles.
    fileprivate func formattedAsPythonFloat(_ spec: String) throws -> String? {
        guard spec.isEmpty, dtype.isFloatingPoint, let value = try doubles().first else { return nil }
        return try FormatSpec(spec).format(double: value)
    }
}

/// What ndarrays and NumPy scalars share: operators, comparisons and the array methods.
protocol ArrayBacked: PyObject {
    var array: NDArray { get }
}

extension ArrayBacked {
    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard let operand = try ArrayOperators.operand(other, interpreter) else { return nil }
        if op == .matrixMultiply {
            guard case .array(let otherArray) = operand else {
                throw PyError(.valueError, "matmul: Input operand \(reflected ? 0 : 1) does not have enough dimensions (has 0, gufunc core with signature (n?,k),(k,m?)->(n?,m?) requires 1)")
            }
            let result = reflected ? try NDArray.matmul(otherArray, array) : try NDArray.matmul(array, otherArray)
            return ArrayConversion.result(result)
        }
        guard let operation = ArrayOperators.binary(op) else { return nil }
        let result = reflected
            ? try NDArray.apply(operation, operand, .array(array))
            : try NDArray.apply(operation, .array(array), operand)
        return ArrayConversion.result(result)
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        let operation: UnaryOperation
        switch op {
        case .negate: operation = .negative
        case .plus: operation = .positive
        case .invert: operation = .invert
        }
        return ArrayConversion.result(try array.apply(operation))
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let operand = try ArrayOperators.operand(other, interpreter) else { return nil }
        let operation: BinaryOperation
        switch op {
        case .equal: operation = .equal
        case .notEqual: operation = .notEqual
        case .less: operation = .less
        case .lessOrEqual: operation = .lessEqual
        case .greater: operation = .greater
        case .greaterOrEqual: operation = .greaterEqual
        }
        // Like NumPy 2, == between shapes that do not broadcast raises (it no longer
        // answers a bare False).
        return ArrayConversion.result(try NDArray.apply(operation, .array(array), operand))
    }
}

/// Iterates an array along its first axis: rows for a 2-d array, scalars for a 1-d one.
final class ArrayRowIterator: PyIterator {
    private let array: NDArray
    private var position = 0

    init(_ array: NDArray) { self.array = array }

    func next(_ interpreter: Runtime) throws -> Value? {
        guard position < array.shape[0] else { return nil }
        defer { position += 1 }
        let row = try array.subscripted([.int(position)])
        return array.ndim == 1 ? .object(NumPyScalarObject(row)) : .object(NDArrayObject(row))
    }
}

/// The mapping from the language's operators to NumPy's ufuncs.
enum ArrayOperators {
    static func binary(_ op: BinaryOperator) -> BinaryOperation? {
        switch op {
        case .add: .add
        case .subtract: .subtract
        case .multiply: .multiply
        case .trueDivide: .divide
        case .floorDivide: .floorDivide
        case .modulo: .remainder
        case .power: .power
        case .and: .bitwiseAnd
        case .or: .bitwiseOr
        case .xor: .bitwiseXor
        case .matrixMultiply, .leftShift, .rightShift: nil
        }
    }

    /// The other side of an operator: Python scalars stay weak, arrays, NumPy scalars and
    /// lists become arrays. Nil for values arrays do not combine with (the language then
    /// raises its TypeError).
    static func operand(_ value: Value, _ interpreter: Runtime) throws -> ArrayOperand? {
        switch value {
        case .int(let v): return .scalar(.int(v))
        case .float(let v): return .scalar(.float(v))
        case .bool(let v): return .scalar(.bool(v))
        case .none, .string: return nil
        case .object(let object):
            if let backed = object as? any ArrayBacked { return .array(backed.array) }
            if object is ListObject || object is TupleObject || object is RangeObject {
                return .array(try ArrayConversion.array(value, interpreter))
            }
            return nil
        }
    }
}

extension NDArray {
    /// The single element of a one-element array as a Bool (nonzero is true).
    func element(asBool: ()) throws -> Bool {
        try astype(.bool).reshaped([]).scalars(as: Bool.self)[0]
    }
}
