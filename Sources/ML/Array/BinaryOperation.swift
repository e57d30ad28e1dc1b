/// A NumPy binary ufunc: broadcasting, type promotion and the element rule.
public enum BinaryOperation: String, Sendable, CaseIterable {
    case add, subtract, multiply
    /// `/`: true division; integer inputs give float64.
    case divide
    /// `//`: Python's floor division (rounds toward negative infinity).
    case floorDivide = "floor_divide"
    /// `%`: Python's remainder (the sign of the divisor).
    case remainder
    case power
    /// Elementwise larger value; NaN propagates (`np.maximum`).
    case maximum
    case minimum
    case equal
    case notEqual = "not_equal"
    case less
    case lessEqual = "less_equal"
    case greater
    case greaterEqual = "greater_equal"
    case bitwiseAnd = "bitwise_and"
    case bitwiseOr = "bitwise_or"
    case bitwiseXor = "bitwise_xor"
    case logicalAnd = "logical_and"
    case logicalOr = "logical_or"
    case logicalXor = "logical_xor"
    case arctan2

    /// The ufunc's name in NumPy's messages (`add`, `floor_divide`).
    public var ufuncName: String { rawValue }

    var isComparison: Bool {
        switch self {
        case .equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual: true
        default: false
        }
    }

    var isLogical: Bool { self == .logicalAnd || self == .logicalOr || self == .logicalXor }
    var isBitwise: Bool { self == .bitwiseAnd || self == .bitwiseOr || self == .bitwiseXor }
}

/// One side of a binary operation: an array, or a Python scalar that adopts the array's dtype
/// as NumPy 2 does (see `ScalarValue`).
public enum ArrayOperand {
    case array(NDArray)
    case scalar(ScalarValue)

    var shape: [Int] {
        if case .array(let array) = self { return array.shape }
        return []
    }
}

extension BinaryOperation {
    /// The dtypes the operation computes in and returns, for operands of these kinds, following
    /// NumPy 2's promotion (NEP 50): Python scalars are weak, `/` of integers is float64,
    /// comparisons return bool. Throws NumPy's TypeError for combinations it refuses.
    func resolveTypes(_ left: ArrayOperand, _ right: ArrayOperand) throws -> (compute: DType, result: DType) {
        let common: DType
        switch (left, right) {
        case (.array(let a), .array(let b)): common = DType.promote(a.dtype, b.dtype)
        case (.array(let a), .scalar(let s)), (.scalar(let s), .array(let a)): common = BinaryOperation.weakPromote(a.dtype, s, comparing: isComparison)
        case (.scalar(let a), .scalar(let b)):
            common = DType.promote(a.defaultDType, b.defaultDType)
        }
        if isComparison { return (common, .bool) }
        if isLogical { return (.bool, .bool) }
        switch self {
        case .add, .multiply, .maximum, .minimum:
            return (common, common)
        case .subtract:
            if common == .bool {
                throw ArrayError.type("numpy boolean subtract, the `-` operator, is not supported, use the bitwise_xor, the `^` operator, or the logical_xor function instead.")
            }
            return (common, common)
        case .divide, .arctan2:
            let float: DType = common.isFloatingPoint ? common : .float64
            return (float, float)
        case .floorDivide, .remainder, .power:
            let numeric: DType = common == .bool ? .int64 : common
            return (numeric, numeric)
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor:
            guard !common.isFloatingPoint else {
                throw ArrayError.type("ufunc '\(ufuncName)' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
            }
            return (common, common)
        default:
            return (common, common)
        }
    }

    /// NEP 50: a Python scalar takes the array's dtype unless its kind is higher (a float with
    /// an integer array gives float64; an int with a bool array gives int64). An int that does
    /// not fit a uint8 array is compared in int64 rather than refused.
    static func weakPromote(_ dtype: DType, _ scalar: ScalarValue, comparing: Bool) -> DType {
        switch scalar {
        case .bool: return dtype
        case .int(let value):
            if dtype == .bool { return .int64 }
            if dtype == .uint8 && comparing && !(0...255).contains(value) { return .int64 }
            return dtype
        case .float: return dtype.isFloatingPoint ? dtype : .float64
        }
    }
}
