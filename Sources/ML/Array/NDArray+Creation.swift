#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Array constructors beyond zeros/ones/full: ranges, identity matrices and `*_like`.
extension NDArray {
    /// Evenly spaced values in `[start, stop)` (`np.arange`). Integers in, int64 out; any
    /// float gives float64 (unless `dtype` says otherwise).
    public static func arange(start: ScalarValue = .int(0), stop: ScalarValue, step: ScalarValue = .int(1),
                              dtype: DType? = nil) throws -> NDArray {
        let allIntegers = [start, stop, step].allSatisfy { if case .float = $0 { return false } else { return true } }
        let dtype = dtype ?? (allIntegers ? .int64 : .float64)
        if allIntegers, case .int(let first) = start.asInt, case .int(let last) = stop.asInt, case .int(let delta) = step.asInt {
            if delta == 0 { throw ArrayError.value("Maximum allowed size exceeded") }
            // In 128 bits: `last - first` of user integers overflows 64 (arange(-2**62, 2**62)).
            let span = delta > 0 ? Int128(last) - Int128(first) : Int128(first) - Int128(last)
            let magnitude = delta > 0 ? Int128(delta) : -Int128(delta)
            let wide = span <= 0 ? 0 : (span + magnitude - 1) / magnitude
            guard let count = Int(exactly: wide) else {
                throw ArrayError.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
            }
            let values = try NDArray(uninitializedShape: [count], dtype: .int64)
            let pointer = values.basePointer(Int64.self)
            for index in 0..<count { pointer[index] = Int64(first &+ index &* delta) }
            return dtype == .int64 ? values : try values.astype(dtype)
        }
        let first = start.doubleValue, last = stop.doubleValue, delta = step.doubleValue
        if delta == 0 { throw ArrayError.value("Maximum allowed size exceeded") }
        let length = ((last - first) / delta).rounded(.up)
        guard length.isFinite, length < 1e15 else { throw ArrayError.value("Maximum allowed size exceeded") }
        let count = Swift.max(0, Int(length))
        // NumPy fills from the first two values: start + i * ((start + step) - start).
        let increment = (first + delta) - first
        let values = try NDArray(uninitializedShape: [count], dtype: .float64)
        let pointer = values.basePointer(Double.self)
        for index in 0..<count { pointer[index] = first + Double(index) * increment }
        return dtype == .float64 ? values : try values.astype(dtype)
    }

    /// `num` evenly spaced values from `start` to `stop` (`np.linspace`), including `stop`
    /// when `endpoint`. Also returns the spacing (`retstep`).
    public static func linspace(start: Double, stop: Double, count: Int = 50, endpoint: Bool = true,
                                dtype: DType = .float64) throws -> (values: NDArray, step: Double) {
        if count < 0 { throw ArrayError.value("Number of samples, \(count), must be non-negative.") }
        let divisions = endpoint ? count - 1 : count
        let delta = stop - start
        let values = try NDArray(uninitializedShape: [count], dtype: .float64)
        let pointer = values.basePointer(Double.self)
        var step = Double.nan
        if divisions > 0 {
            step = delta / Double(divisions)
            for index in 0..<count {
                pointer[index] = step == 0 ? Double(index) / Double(divisions) * delta + start : Double(index) * step + start
            }
        } else {
            for index in 0..<count { pointer[index] = Double(index) * delta + start }
        }
        if endpoint && count > 1 { pointer[count - 1] = stop }
        return (dtype == .float64 ? values : try values.astype(dtype), step)
    }

    /// A 2-d array with ones on the `k`-th diagonal (`np.eye`).
    public static func eye(_ rows: Int, columns: Int? = nil, k: Int = 0, dtype: DType = .float64) throws -> NDArray {
        let columns = columns ?? rows
        let result = try zeros([rows, columns], dtype: dtype)
        let one = try ScalarValue.int(1).asArray(dtype: dtype)
        for row in 0..<rows {
            let (column, overflow) = row.addingReportingOverflow(k)
            if !overflow && column >= 0 && column < columns {
                try result.assign(.array(one), at: [.int(row), .int(column)])
            }
        }
        return result
    }

    /// An array with this one's shape filled with `value` (`np.full_like`, `zeros_like`,
    /// `ones_like`); this dtype unless `dtype` is given.
    public func full(like value: ScalarValue, dtype: DType? = nil) throws -> NDArray {
        let target = dtype ?? self.dtype
        let result = try NDArray(uninitializedShape: shape, dtype: target)
        // NumPy's full_like casts the value unsafely (0.5 into an int array gives 0).
        try result.assign(from: value.asArray(dtype: value.defaultDType))
        return result
    }

    /// `np.where(condition, x, y)`: elements of `x` where the condition holds, else of `y`,
    /// all three broadcast together.
    public static func select(_ condition: NDArray, _ x: ArrayOperand, _ y: ArrayOperand) throws -> NDArray {
        let shape = try broadcastShapes([condition.shape, x.shape, y.shape])
        let dtype: DType
        switch (x, y) {
        case (.array(let a), .array(let b)): dtype = DType.promote(a.dtype, b.dtype)
        case (.array(let a), .scalar(let s)), (.scalar(let s), .array(let a)): dtype = BinaryOperation.weakPromote(a.dtype, s, comparing: false)
        case (.scalar(let a), .scalar(let b)): dtype = DType.promote(a.defaultDType, b.defaultDType)
        }
        let mask = try (condition.dtype == .bool ? condition : condition.astype(.bool)).broadcast(to: shape)
        let first = try operandArray(x, dtype: dtype).broadcast(to: shape)
        let second = try operandArray(y, dtype: dtype).broadcast(to: shape)
        let out = try NDArray(uninitializedShape: shape, dtype: dtype)
        switch dtype {
        case .float32: selectLoop(mask, first, second, out, Float.self)
        case .float64: selectLoop(mask, first, second, out, Double.self)
        case .int64: selectLoop(mask, first, second, out, Int64.self)
        case .uint8: selectLoop(mask, first, second, out, UInt8.self)
        case .bool: selectLoop(mask, first, second, out, Bool.self)
        }
        return out
    }

    private static func selectLoop<T: ArrayElement>(_ mask: NDArray, _ x: NDArray, _ y: NDArray, _ out: NDArray, _: T.Type) {
        let plan = LoopPlan(shape: out.shape, out.strides, mask.strides, x.strides)
        // Two passes keep each loop to three operands: take x everywhere, then y where false.
        let outBase = out.basePointer(T.self), maskBase = mask.basePointer(Bool.self)
        let xBase = x.basePointer(T.self), yBase = y.basePointer(T.self)
        let length = plan.rowLength, so = plan.rowStride(0), sm = plan.rowStride(1), sx = plan.rowStride(2)
        withExtendedLifetime((mask, x, y, out)) {
            plan.forEachRow { o, m, a in
                for i in 0..<length where maskBase[m + i * sm] { outBase[o + i * so] = xBase[a + i * sx] }
            }
            let maskPlan = LoopPlan(shape: out.shape, y.strides, mask.strides, out.strides)
            let ym = maskPlan.rowStride(0), mm = maskPlan.rowStride(1), om = maskPlan.rowStride(2)
            maskPlan.forEachRow { b, m, o in
                for i in 0..<maskPlan.rowLength where !maskBase[m + i * mm] { outBase[o + i * om] = yBase[b + i * ym] }
            }
        }
    }

    /// `np.isclose`: `|a - b| <= atol + rtol * |b|` elementwise, infinities equal to
    /// themselves, NaN equal to NaN only with `equalNaN`.
    public static func isClose(_ a: NDArray, _ b: NDArray, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws -> NDArray {
        let shape = try broadcastShapes([a.shape, b.shape])
        let x = try a.astype(.float64).broadcast(to: shape).contiguous().scalars(as: Double.self)
        let y = try b.astype(.float64).broadcast(to: shape).contiguous().scalars(as: Double.self)
        var result = [Bool](repeating: false, count: x.count)
        for index in x.indices {
            let p = x[index], q = y[index]
            if p.isNaN || q.isNaN {
                result[index] = equalNaN && p.isNaN && q.isNaN
            } else if p.isInfinite || q.isInfinite {
                result[index] = p == q
            } else {
                result[index] = Swift.abs(p - q) <= atol + rtol * Swift.abs(q)
            }
        }
        return try NDArray(result, shape: shape)
    }

    /// `np.allclose`: whether `isClose` holds everywhere.
    public static func allClose(_ a: NDArray, _ b: NDArray, rtol: Double = 1e-5, atol: Double = 1e-8, equalNaN: Bool = false) throws -> Bool {
        try isClose(a, b, rtol: rtol, atol: atol, equalNaN: equalNaN).scalars(as: Bool.self).allSatisfy { $0 }
    }
}

extension ScalarValue {
    /// Bools as ints (Python's `True` is 1), for integer-only computations.
    var asInt: ScalarValue {
        if case .bool(let value) = self { return .int(value ? 1 : 0) }
        return self
    }
}
