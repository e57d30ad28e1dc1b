/// A NumPy unary ufunc.
public enum UnaryOperation: String, Sendable, CaseIterable {
    case negative, positive, absolute, sign, square, reciprocal
    case sqrt, exp, expm1, log, log2, log10, log1p
    case sin, cos, tan, arcsin, arccos, arctan, sinh, cosh, tanh
    /// Round to nearest, ties to even (`np.rint`).
    case rint, floor, ceil, trunc
    case logicalNot = "logical_not"
    /// `~`: bitwise not for integers, logical not for bools.
    case invert
    case isnan, isinf, isfinite

    /// The ufunc's name in NumPy's messages.
    public var ufuncName: String { rawValue }

    /// Functions computed in floating point whatever the input (integers become float64).
    var isFloatingMath: Bool {
        switch self {
        case .sqrt, .exp, .expm1, .log, .log2, .log10, .log1p, .sin, .cos, .tan,
             .arcsin, .arccos, .arctan, .sinh, .cosh, .tanh, .rint:
            true
        default: false
        }
    }
}

extension NDArray {
    /// Applies a NumPy unary ufunc into a new array. Math functions of integer arrays give
    /// float64 (float32 for uint8 and bool, where NumPy would give float16).
    public func apply(_ operation: UnaryOperation) throws -> NDArray {
        switch operation {
        case .isnan, .isinf, .isfinite, .logicalNot:
            let out = try NDArray(uninitializedShape: shape, dtype: .bool)
            switch dtype {
            case .float32: floatPredicate(operation, out, Float.self)
            case .float64: floatPredicate(operation, out, Double.self)
            default:
                // Integers are never NaN or infinite; logical_not is "== 0".
                let zero = try NDArray.apply(.equal, .array(self), .scalar(.int(0)))
                switch operation {
                case .isnan, .isinf: try out.fill(with: .bool(false))
                case .isfinite: try out.fill(with: .bool(true))
                default: try out.assign(from: zero)
                }
            }
            return out
        default:
            break
        }
        if operation.isFloatingMath {
            let source = dtype.isFloatingPoint ? self : try astype(dtype == .int64 ? .float64 : .float32)
            let out = try NDArray(uninitializedShape: shape, dtype: source.dtype)
            if source.dtype == .float32 {
                source.floatMath(operation, out, Float.self)
            } else {
                source.floatMath(operation, out, Double.self)
            }
            return out
        }
        switch (operation, dtype) {
        case (.negative, .bool):
            throw ArrayError.type("The numpy boolean negative, the `-` operator, is not supported, use the `~` operator or the logical_not function instead.")
        case (.positive, .bool), (.sign, .bool):
            throw ArrayError.type("ufunc '\(operation.ufuncName)' did not contain a loop with signature matching types <class 'numpy.dtypes.BoolDType'> -> None")
        case (.invert, .float32), (.invert, .float64):
            throw ArrayError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        case (.square, .bool), (.reciprocal, .bool):
            return try astype(.int64).apply(operation)
        default:
            break
        }
        let out = try NDArray(uninitializedShape: shape, dtype: dtype)
        switch dtype {
        case .float32: floatArithmetic(operation, out, Float.self)
        case .float64: floatArithmetic(operation, out, Double.self)
        case .int64: integerArithmetic(operation, out, Int64.self)
        case .uint8: integerArithmetic(operation, out, UInt8.self)
        case .bool:
            switch operation {
            case .invert: unaryLoop(self, out) { (x: Bool) in !x }
            default: try out.assign(from: self)  // absolute, floor, ceil, trunc keep bools
            }
        }
        return out
    }

    private func floatPredicate<T: FloatElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .isnan: unaryLoop(self, out) { (x: T) in x.isNaN }
        case .isinf: unaryLoop(self, out) { (x: T) in x.isInfinite }
        case .isfinite: unaryLoop(self, out) { (x: T) in x.isFinite }
        default: unaryLoop(self, out) { (x: T) in x == 0 }
        }
    }

    private func floatMath<T: FloatElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .sqrt: unaryLoop(self, out) { (x: T) in x.squareRoot() }
        case .exp: unaryLoop(self, out) { (x: T) in T.exp(x) }
        case .expm1: unaryLoop(self, out) { (x: T) in T.expm1(x) }
        case .log: unaryLoop(self, out) { (x: T) in T.log(x) }
        case .log2: unaryLoop(self, out) { (x: T) in T.log2(x) }
        case .log10: unaryLoop(self, out) { (x: T) in T.log10(x) }
        case .log1p: unaryLoop(self, out) { (x: T) in T.log1p(x) }
        case .sin: unaryLoop(self, out) { (x: T) in T.sin(x) }
        case .cos: unaryLoop(self, out) { (x: T) in T.cos(x) }
        case .tan: unaryLoop(self, out) { (x: T) in T.tan(x) }
        case .arcsin: unaryLoop(self, out) { (x: T) in T.arcsin(x) }
        case .arccos: unaryLoop(self, out) { (x: T) in T.arccos(x) }
        case .arctan: unaryLoop(self, out) { (x: T) in T.arctan(x) }
        case .sinh: unaryLoop(self, out) { (x: T) in T.sinh(x) }
        case .cosh: unaryLoop(self, out) { (x: T) in T.cosh(x) }
        case .tanh: unaryLoop(self, out) { (x: T) in T.tanh(x) }
        case .rint: unaryLoop(self, out) { (x: T) in x.rounded(.toNearestOrEven) }
        default: break  // not a floating-math operation
        }
    }

    private func floatArithmetic<T: FloatElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .negative: unaryLoop(self, out) { (x: T) in -x }
        case .positive: unaryLoop(self, out) { (x: T) in x }
        case .absolute: unaryLoop(self, out) { (x: T) in Swift.abs(x) }
        case .sign: unaryLoop(self, out) { (x: T) in x > 0 ? 1 : x < 0 ? -1 : x }
        case .square: unaryLoop(self, out) { (x: T) in x * x }
        case .reciprocal: unaryLoop(self, out) { (x: T) in 1 / x }
        case .floor: unaryLoop(self, out) { (x: T) in x.rounded(.down) }
        case .ceil: unaryLoop(self, out) { (x: T) in x.rounded(.up) }
        case .trunc: unaryLoop(self, out) { (x: T) in x.rounded(.towardZero) }
        default: break
        }
    }

    private func integerArithmetic<T: IntegerElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .negative: unaryLoop(self, out) { (x: T) in 0 &- x }
        case .absolute: unaryLoop(self, out) { (x: T) in x < 0 ? 0 &- x : x }
        case .sign: unaryLoop(self, out) { (x: T) in x > 0 ? 1 : x < 0 ? 0 &- 1 : 0 }
        case .square: unaryLoop(self, out) { (x: T) in x &* x }
        // 1/x in integers: 1 for 1, -1 for -1, 0 otherwise (NumPy warns for 0 and gives 0).
        case .reciprocal: unaryLoop(self, out) { (x: T) in x == 1 ? 1 : (T.isSigned && x == 0 &- 1) ? x : 0 }
        case .invert: unaryLoop(self, out) { (x: T) in ~x }
        default: unaryLoop(self, out) { (x: T) in x }  // positive, floor, ceil, trunc
        }
    }

    /// Rounds to `decimals` places, ties to even (`np.round`): integers stay integers.
    public func rounded(decimals: Int = 0) throws -> NDArray {
        if !dtype.isFloatingPoint {
            if dtype == .bool { return try astype(.float32).rounded(decimals: decimals) }
            if decimals >= 0 { return try copy() }
            let scale = integerPower(Int64(10), Int64(-decimals))
            let scaled = try NDArray.apply(.divide, .array(self), .scalar(.int(Int(scale)))).apply(.rint)
            return try NDArray.apply(.multiply, .array(scaled), .scalar(.int(Int(scale)))).astype(dtype)
        }
        if decimals == 0 { return try apply(.rint) }
        let factor = Double.power(10, Double(decimals))
        let scaled = try NDArray.apply(.multiply, .array(self), .scalar(.float(factor))).apply(.rint)
        return try NDArray.apply(.divide, .array(scaled), .scalar(.float(factor)))
    }

    /// Values limited to `[low, high]` (`np.clip`); either bound may be absent.
    public func clipped(low: ArrayOperand?, high: ArrayOperand?) throws -> NDArray {
        guard low != nil || high != nil else {
            throw ArrayError.value("One of max or min must be given")
        }
        var result = self
        if let low { result = try NDArray.apply(.maximum, .array(result), low) }
        if let high { result = try NDArray.apply(.minimum, .array(result), high) }
        return result === self ? try copy() : result
    }
}

extension NDArray {
    /// Whether two arrays are the same view (same storage, shape, strides and offset).
    static func === (a: NDArray, b: NDArray) -> Bool {
        a.storage === b.storage && a.shape == b.shape && a.strides == b.strides && a.offset == b.offset && a.dtype == b.dtype
    }
}
