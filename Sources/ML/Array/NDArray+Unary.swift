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
            case .invert: unaryLoop(LogicalNot.self, self, out)
            default: try out.assign(from: self)  // absolute, floor, ceil, trunc keep bools
            }
        }
        return out
    }

    private func floatPredicate<T: FloatElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .isnan: unaryLoop(IsNaN<T>.self, self, out)
        case .isinf: unaryLoop(IsInfinite<T>.self, self, out)
        case .isfinite: unaryLoop(IsFinite<T>.self, self, out)
        default: unaryLoop(IsZero<T>.self, self, out)
        }
    }

    private func floatMath<T: FloatElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .sqrt: unaryLoop(SquareRoot<T>.self, self, out)
        case .exp: unaryLoop(Exp<T>.self, self, out)
        case .expm1: unaryLoop(Expm1<T>.self, self, out)
        case .log: unaryLoop(Log<T>.self, self, out)
        case .log2: unaryLoop(Log2<T>.self, self, out)
        case .log10: unaryLoop(Log10<T>.self, self, out)
        case .log1p: unaryLoop(Log1p<T>.self, self, out)
        case .sin: unaryLoop(Sin<T>.self, self, out)
        case .cos: unaryLoop(Cos<T>.self, self, out)
        case .tan: unaryLoop(Tan<T>.self, self, out)
        case .arcsin: unaryLoop(ArcSin<T>.self, self, out)
        case .arccos: unaryLoop(ArcCos<T>.self, self, out)
        case .arctan: unaryLoop(ArcTan<T>.self, self, out)
        case .sinh: unaryLoop(Sinh<T>.self, self, out)
        case .cosh: unaryLoop(Cosh<T>.self, self, out)
        case .tanh: unaryLoop(Tanh<T>.self, self, out)
        case .rint: unaryLoop(RoundHalfEven<T>.self, self, out)
        default: break  // not a floating-math operation
        }
    }

    private func floatArithmetic<T: FloatElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .negative: unaryLoop(FloatNegative<T>.self, self, out)
        case .absolute: unaryLoop(FloatAbsolute<T>.self, self, out)
        case .sign: unaryLoop(FloatSign<T>.self, self, out)
        case .square: unaryLoop(Square<T>.self, self, out)
        case .reciprocal: unaryLoop(FloatReciprocal<T>.self, self, out)
        case .floor: unaryLoop(Floor<T>.self, self, out)
        case .ceil: unaryLoop(Ceil<T>.self, self, out)
        case .trunc: unaryLoop(Truncate<T>.self, self, out)
        default: unaryLoop(Identity<T>.self, self, out)  // positive
        }
    }

    private func integerArithmetic<T: IntegerElement>(_ operation: UnaryOperation, _ out: NDArray, _: T.Type) {
        switch operation {
        case .negative: unaryLoop(IntegerNegative<T>.self, self, out)
        case .absolute: unaryLoop(IntegerAbsolute<T>.self, self, out)
        case .sign: unaryLoop(IntegerSign<T>.self, self, out)
        case .square: unaryLoop(Square<T>.self, self, out)
        case .reciprocal: unaryLoop(IntegerReciprocal<T>.self, self, out)
        case .invert: unaryLoop(IntegerInvert<T>.self, self, out)
        default: unaryLoop(Identity<T>.self, self, out)  // positive, floor, ceil, trunc
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
