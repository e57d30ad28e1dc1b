#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension NDArray {
    /// Applies a NumPy binary ufunc with broadcasting and NumPy 2's type promotion, into a new
    /// array. Throws `ValueError` naming both shapes when they do not broadcast.
    public static func apply(_ operation: BinaryOperation, _ left: ArrayOperand, _ right: ArrayOperand) throws -> NDArray {
        let shape = try broadcastShapes([left.shape, right.shape])
        let (computeType, result) = try operation.resolveTypes(left, right)
        let out = try NDArray(uninitializedShape: shape, dtype: result)
        if try computeInChunks(operation, left, right, computeType, out) { return out }
        let a = try operandArray(left, dtype: computeType), b = try operandArray(right, dtype: computeType)
        try compute(operation, a, b, into: out)
        return out
    }

    /// Mixed dtypes on large contiguous operands (`uint8_images / 255.0`): converts the
    /// operand that needs it a chunk at a time into a small scratch buffer, as NumPy's
    /// buffered casting does, instead of materialising a converted copy of the whole array.
    /// Returns false when the case does not apply.
    private static func computeInChunks(_ operation: BinaryOperation, _ left: ArrayOperand, _ right: ArrayOperand,
                                        _ computeType: DType, _ out: NDArray) throws -> Bool {
        let chunk = 1 << 15
        guard out.size >= 4 * chunk else { return false }
        var needsCast = false
        for operand in [left, right] {
            guard case .array(let array) = operand else { continue }
            if array.size == 1 { continue }
            guard array.shape == out.shape, array.isContiguous else { return false }
            if array.dtype != computeType { needsCast = true }
        }
        guard needsCast else { return false }

        /// An operand as the compute dtype: a scalar once, an array as a flat view to slice.
        func prepare(_ operand: ArrayOperand) throws -> (flat: NDArray, scalar: Bool, scratch: NDArray?) {
            if case .array(let array) = operand, array.size != 1 {
                let scratch = array.dtype == computeType ? nil : try NDArray(uninitializedShape: [chunk], dtype: computeType)
                return (try array.reshaped([-1]), false, scratch)
            }
            return (try operandArray(operand, dtype: computeType).reshaped([]), true, nil)
        }
        let a = try prepare(left), b = try prepare(right)
        let flatOut = try out.reshaped([-1])
        func piece(_ operand: (flat: NDArray, scalar: Bool, scratch: NDArray?), _ start: Int, _ count: Int) throws -> NDArray {
            if operand.scalar { return operand.flat }
            let slice = try operand.flat.subscripted([.slice(start: start, stop: start + count, step: nil)])
            guard let scratch = operand.scratch else { return slice }
            let target = try scratch.subscripted([.slice(start: 0, stop: count, step: nil)])
            try target.assign(from: slice)
            return target
        }
        var start = 0
        while start < out.size {
            let count = Swift.min(chunk, out.size - start)
            let destination = try flatOut.subscripted([.slice(start: start, stop: start + count, step: nil)])
            try compute(operation, piece(a, start, count), piece(b, start, count), into: destination)
            start += count
        }
        return true
    }

    /// Convenience for two arrays.
    public static func apply(_ operation: BinaryOperation, _ left: NDArray, _ right: NDArray) throws -> NDArray {
        try apply(operation, .array(left), .array(right))
    }

    /// Applies `operation` with this array as the left operand and writes the result back into
    /// it (`a += b`, `np.add(a, b, out=a)`). The other operand must broadcast to this shape,
    /// and the result must cast to this dtype within its kind (NumPy's `same_kind`): adding
    /// floats into an int array is a TypeError, as in NumPy.
    public func applyInPlace(_ operation: BinaryOperation, _ other: ArrayOperand) throws {
        let shape = try broadcastShapes([self.shape, other.shape])
        guard shape == self.shape else {
            throw ArrayError.value("non-broadcastable output operand with shape \(formatCompactShape(self.shape)) doesn't match the broadcast shape \(formatCompactShape(shape))")
        }
        let (compute, result) = try operation.resolveTypes(.array(self), other)
        guard NDArray.castsWithinKind(result, to: dtype) else {
            throw ArrayError.type("Cannot cast ufunc '\(operation.ufuncName)' output from dtype('\(result.name)') to dtype('\(dtype.name)') with casting rule 'same_kind'")
        }
        var b = try NDArray.operandArray(other, dtype: compute)
        if b.storage === storage { b = try b.copy() }
        if compute == dtype && result == dtype {
            try NDArray.compute(operation, self, b, into: self)
        } else {
            let a = try NDArray.operandArray(.array(self), dtype: compute)
            let temporary = try NDArray(uninitializedShape: shape, dtype: result)
            try NDArray.compute(operation, a, b, into: temporary)
            try assign(from: temporary)
        }
    }

    /// NumPy's `same_kind` rule: bool < integers < floats, casting down a kind is refused.
    static func castsWithinKind(_ from: DType, to: DType) -> Bool {
        func kind(_ dtype: DType) -> Int { dtype == .bool ? 0 : dtype.isInteger ? 1 : 2 }
        return kind(from) <= kind(to)
    }

    static func operandArray(_ operand: ArrayOperand, dtype: DType) throws -> NDArray {
        switch operand {
        case .array(let array): return array.dtype == dtype ? array : try array.astype(dtype)
        case .scalar(let value): return try value.asArray(dtype: dtype)
        }
    }

    /// Runs the kernel for `a` and `b` (both of the compute dtype) into `out`.
    private static func compute(_ operation: BinaryOperation, _ a: NDArray, _ b: NDArray, into out: NDArray) throws {
        // Both operands broadcast to out's shape: the caller checked the shapes.
        guard let a = a.broadcastView(to: out.shape), let b = b.broadcastView(to: out.shape) else {
            throw ArrayError.broadcast([a.shape, b.shape])
        }
        switch a.dtype {
        case .float32: floatKernel(operation, a, b, out, Float.self)
        case .float64: floatKernel(operation, a, b, out, Double.self)
        case .int64: try integerKernel(operation, a, b, out, Int64.self)
        case .uint8: try integerKernel(operation, a, b, out, UInt8.self)
        case .bool: boolKernel(operation, a, b, out)
        }
    }

    private static func floatKernel<T: FloatElement>(_ operation: BinaryOperation, _ a: NDArray, _ b: NDArray, _ out: NDArray, _: T.Type) {
        switch operation {
        case .add: binaryLoop(Add<T>.self, a, b, out)
        case .subtract: binaryLoop(Subtract<T>.self, a, b, out)
        case .multiply: binaryLoop(Multiply<T>.self, a, b, out)
        case .divide: binaryLoop(Divide<T>.self, a, b, out)
        case .floorDivide: binaryLoop(FloatFloorDivide<T>.self, a, b, out)
        case .remainder: binaryLoop(FloatRemainder<T>.self, a, b, out)
        case .power: binaryLoop(FloatPower<T>.self, a, b, out)
        case .arctan2: binaryLoop(ArcTan2<T>.self, a, b, out)
        case .maximum: binaryLoop(FloatMaximum<T>.self, a, b, out)
        case .minimum: binaryLoop(FloatMinimum<T>.self, a, b, out)
        case .equal: binaryLoop(Equal<T>.self, a, b, out)
        case .notEqual: binaryLoop(NotEqual<T>.self, a, b, out)
        case .less: binaryLoop(Less<T>.self, a, b, out)
        case .lessEqual: binaryLoop(LessEqual<T>.self, a, b, out)
        case .greater: binaryLoop(Greater<T>.self, a, b, out)
        case .greaterEqual: binaryLoop(GreaterEqual<T>.self, a, b, out)
        case .bitwiseAnd, .bitwiseOr, .bitwiseXor, .logicalAnd, .logicalOr, .logicalXor:
            break  // resolveTypes never computes these in floats
        }
    }

    private static func integerKernel<T: IntegerElement>(_ operation: BinaryOperation, _ a: NDArray, _ b: NDArray, _ out: NDArray, _: T.Type) throws {
        switch operation {
        case .add: binaryLoop(Add<T>.self, a, b, out)
        case .subtract: binaryLoop(Subtract<T>.self, a, b, out)
        case .multiply: binaryLoop(Multiply<T>.self, a, b, out)
        case .floorDivide: binaryLoop(IntegerFloorDivide<T>.self, a, b, out)
        case .remainder: binaryLoop(IntegerRemainder<T>.self, a, b, out)
        case .power:
            if anyElement(IsNegative<T>.self, b) {
                throw ArrayError.value("Integers to negative integer powers are not allowed.")
            }
            binaryLoop(IntegerPower<T>.self, a, b, out)
        case .maximum: binaryLoop(IntegerMaximum<T>.self, a, b, out)
        case .minimum: binaryLoop(IntegerMinimum<T>.self, a, b, out)
        case .equal: binaryLoop(Equal<T>.self, a, b, out)
        case .notEqual: binaryLoop(NotEqual<T>.self, a, b, out)
        case .less: binaryLoop(Less<T>.self, a, b, out)
        case .lessEqual: binaryLoop(LessEqual<T>.self, a, b, out)
        case .greater: binaryLoop(Greater<T>.self, a, b, out)
        case .greaterEqual: binaryLoop(GreaterEqual<T>.self, a, b, out)
        case .bitwiseAnd: binaryLoop(BitwiseAnd<T>.self, a, b, out)
        case .bitwiseOr: binaryLoop(BitwiseOr<T>.self, a, b, out)
        case .bitwiseXor: binaryLoop(BitwiseXor<T>.self, a, b, out)
        case .divide, .arctan2, .logicalAnd, .logicalOr, .logicalXor:
            break  // resolveTypes computes these in floats or bools
        }
    }

    private static func boolKernel(_ operation: BinaryOperation, _ a: NDArray, _ b: NDArray, _ out: NDArray) {
        switch operation {
        case .add, .maximum, .logicalOr, .bitwiseOr: binaryLoop(LogicalOr.self, a, b, out)
        case .multiply, .minimum, .logicalAnd, .bitwiseAnd: binaryLoop(LogicalAnd.self, a, b, out)
        case .logicalXor, .bitwiseXor, .notEqual: binaryLoop(NotEqual<Bool>.self, a, b, out)
        case .equal: binaryLoop(Equal<Bool>.self, a, b, out)
        case .less: binaryLoop(BoolLess.self, a, b, out)
        case .lessEqual: binaryLoop(BoolLessEqual.self, a, b, out)
        case .greater: binaryLoop(BoolGreater.self, a, b, out)
        case .greaterEqual: binaryLoop(BoolGreaterEqual.self, a, b, out)
        case .subtract, .divide, .floorDivide, .remainder, .power, .arctan2:
            break  // resolveTypes never computes these in bool
        }
    }
}

// MARK: - Python's division rules

/// Python's `//` for floats, as NumPy computes it (`npy_divmod`).
@inline(__always)
func pythonFloorDivide<T: FloatElement>(_ a: T, _ b: T) -> T {
    if b == 0 { return a / b }
    let mod = a.truncatingRemainder(dividingBy: b)
    var div = (a - mod) / b
    if mod != 0 && ((b < 0) != (mod < 0)) { div -= 1 }
    if div != 0 {
        var floored = div.rounded(.down)
        if div - floored > 0.5 { floored += 1 }
        return floored
    }
    return (a / b).sign == .minus ? -0.0 : 0.0
}

/// Python's `%` for floats: the result takes the sign of the divisor.
@inline(__always)
func pythonRemainder<T: FloatElement>(_ a: T, _ b: T) -> T {
    var mod = a.truncatingRemainder(dividingBy: b)
    if b == 0 { return mod }
    if mod != 0 {
        if (b < 0) != (mod < 0) { mod += b }
    } else {
        mod = b.sign == .minus ? -0.0 : 0.0
    }
    return mod
}

/// Python's `//` for integers; division by zero gives 0 as NumPy does (it warns).
@inline(__always)
func integerFloorDivide<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
    if b == 0 { return 0 }
    if T.isSigned && a == T.min && b == T.zero &- 1 { return T.min }
    let quotient = a / b
    let remainder = a % b
    return remainder != 0 && ((remainder < 0) != (b < 0)) ? quotient - 1 : quotient
}

/// Python's `%` for integers; modulo zero gives 0 as NumPy does.
@inline(__always)
func integerRemainder<T: FixedWidthInteger>(_ a: T, _ b: T) -> T {
    if b == 0 { return 0 }
    if T.isSigned && b == T.zero &- 1 { return 0 }
    let remainder = a % b
    return remainder != 0 && ((remainder < 0) != (b < 0)) ? remainder + b : remainder
}

/// `a ** b` for a non-negative integer exponent, wrapping on overflow as NumPy does.
@inline(__always)
func integerPower<T: FixedWidthInteger>(_ base: T, _ exponent: T) -> T {
    var result: T = 1, factor = base, remaining = exponent
    while remaining > 0 {
        if remaining & 1 == 1 { result = result &* factor }
        factor = factor &* factor
        remaining >>= 1
    }
    return result
}

// MARK: - Swift operators

extension NDArray {
    public static func + (a: NDArray, b: NDArray) throws -> NDArray { try apply(.add, a, b) }
    public static func - (a: NDArray, b: NDArray) throws -> NDArray { try apply(.subtract, a, b) }
    public static func * (a: NDArray, b: NDArray) throws -> NDArray { try apply(.multiply, a, b) }
    public static func / (a: NDArray, b: NDArray) throws -> NDArray { try apply(.divide, a, b) }
    public static func + (a: NDArray, b: Double) throws -> NDArray { try apply(.add, .array(a), .scalar(.float(b))) }
    public static func - (a: NDArray, b: Double) throws -> NDArray { try apply(.subtract, .array(a), .scalar(.float(b))) }
    public static func * (a: NDArray, b: Double) throws -> NDArray { try apply(.multiply, .array(a), .scalar(.float(b))) }
    public static func / (a: NDArray, b: Double) throws -> NDArray { try apply(.divide, .array(a), .scalar(.float(b))) }
}
