/// Which axes a reduction folds, and how the array's elements line up for it.
struct ReductionPlan {
    /// The reduced axes, ascending.
    let reducedAxes: [Int]
    /// The kept axes, ascending.
    let keptAxes: [Int]
    let shape: [Int]
    /// Elements folded into each result.
    let inner: Int
    /// Number of results.
    let outer: Int

    /// `axes` as NumPy's `axis=`: nil for all axes, negative counting from the end.
    init(shape: [Int], axes: [Int]?) throws {
        let ndim = shape.count
        let reduced: [Int]
        if let axes {
            reduced = try axes.map { try NDArray.normalizeAxis($0, ndim: ndim) }
            guard Set(reduced).count == reduced.count else { throw ArrayError.value("duplicate value in 'axis'") }
        } else {
            reduced = Array(0..<ndim)
        }
        self.shape = shape
        self.reducedAxes = reduced.sorted()
        self.keptAxes = (0..<ndim).filter { !reduced.contains($0) }
        self.inner = reducedAxes.reduce(1) { $0 * shape[$1] }
        self.outer = keptAxes.reduce(1) { $0 * shape[$1] }
    }

    /// The result's shape: kept axes only, or every axis with the reduced ones set to 1.
    func resultShape(keepdims: Bool) -> [Int] {
        keepdims ? shape.indices.map { reducedAxes.contains($0) ? 1 : shape[$0] } : keptAxes.map { shape[$0] }
    }

    /// Whether the reduced axes are the leading ones, so that on a contiguous array each
    /// result is a column of a `(inner, outer)` matrix and the reduction can add whole rows
    /// into the results (vectorised across them) instead of gathering columns.
    var reducesLeadingAxes: Bool { reducedAxes == Array(0..<reducedAxes.count) && !keptAxes.isEmpty }

    /// `array` laid out as a contiguous `(outer, inner)` matrix: kept axes first, reduced axes
    /// last. A view when the layout already matches, otherwise a copy.
    func rows(of array: NDArray) throws -> NDArray {
        try array.transposed(keptAxes + reducedAxes).contiguous()
    }
}

extension NDArray {
    /// Sum over `axes` (all when nil), NumPy's `sum`. Integers and bools sum in int64 (NumPy
    /// uses uint64 for uint8); floats in their own width with NumPy's pairwise order.
    public func sum(axes: [Int]? = nil, keepdims: Bool = false, dtype resultType: DType? = nil) throws -> NDArray {
        let accumulator = resultType ?? (dtype == .bool || dtype == .uint8 ? .int64 : dtype)
        let source = dtype == accumulator ? self : try astype(accumulator)
        let plan = try ReductionPlan(shape: shape, axes: axes)
        let out = try NDArray(uninitializedShape: plan.resultShape(keepdims: false), dtype: accumulator)
        switch accumulator {
        case .float32: try source.sumKernel(plan, out, Float.self)
        case .float64: try source.sumKernel(plan, out, Double.self)
        case .int64: try source.integerSumKernel(plan, out, Int64.self)
        case .uint8: try source.integerSumKernel(plan, out, UInt8.self)
        case .bool:
            return try NDArray.apply(.notEqual, .array(sum(axes: axes, keepdims: keepdims, dtype: .int64)), .scalar(.int(0)))
        }
        return keepdims ? try out.reshaped(plan.resultShape(keepdims: true)) : out
    }

    private func sumKernel<T: FloatElement>(_ plan: ReductionPlan, _ out: NDArray, _: T.Type) throws {
        let results = out.basePointer(T.self)
        if plan.reducesLeadingAxes && isContiguous {
            // Row by row into the results, as NumPy's iterator does for leading axes.
            let source = basePointer(T.self)
            for column in 0..<plan.outer { results[column] = 0 }
            for row in 0..<plan.inner {
                let values = source + row * plan.outer
                for column in 0..<plan.outer { results[column] += values[column] }
            }
            withExtendedLifetime(self) {}
            return
        }
        let rows = try plan.rows(of: self)
        let source = rows.basePointer(T.self)
        for row in 0..<plan.outer { results[row] = pairwiseSum(source + row * plan.inner, plan.inner) }
        withExtendedLifetime(rows) {}
    }

    private func integerSumKernel<T: IntegerElement>(_ plan: ReductionPlan, _ out: NDArray, _: T.Type) throws {
        let results = out.basePointer(T.self)
        if plan.reducesLeadingAxes && isContiguous {
            let source = basePointer(T.self)
            for column in 0..<plan.outer { results[column] = 0 }
            for row in 0..<plan.inner {
                let values = source + row * plan.outer
                for column in 0..<plan.outer { results[column] = results[column] &+ values[column] }
            }
            withExtendedLifetime(self) {}
            return
        }
        let rows = try plan.rows(of: self)
        let source = rows.basePointer(T.self)
        for row in 0..<plan.outer { results[row] = integerSum(source + row * plan.inner, plan.inner) }
        withExtendedLifetime(rows) {}
    }

    /// Product over `axes` (`prod`): int64 for integers and bools.
    public func product(axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        let accumulator: DType = dtype.isFloatingPoint ? dtype : .int64
        let source = dtype == accumulator ? self : try astype(accumulator)
        let plan = try ReductionPlan(shape: shape, axes: axes)
        let rows = try plan.rows(of: source)
        let out = try NDArray(uninitializedShape: plan.resultShape(keepdims: keepdims), dtype: accumulator)
        switch accumulator {
        case .float32: rows.foldRows(plan, out, initial: Float(1)) { $0 * $1 }
        case .float64: rows.foldRows(plan, out, initial: Double(1)) { $0 * $1 }
        default: rows.foldRows(plan, out, initial: Int64(1)) { $0 &* $1 }
        }
        return out
    }

    /// Sequential fold of each row of a contiguous `(outer, inner)` layout.
    @inline(__always)
    private func foldRows<T: ArrayElement>(_ plan: ReductionPlan, _ out: NDArray, initial: T, _ combine: (T, T) -> T) {
        let source = basePointer(T.self), results = out.basePointer(T.self)
        for row in 0..<plan.outer {
            var accumulator = initial
            let values = source + row * plan.inner
            for index in 0..<plan.inner { accumulator = combine(accumulator, values[index]) }
            results[row] = accumulator
        }
        withExtendedLifetime((self, out)) {}
    }

    /// Arithmetic mean over `axes` (`mean`): float64 for integer input, the input's width for
    /// floats (computed as NumPy does: the sum divided by the count).
    public func mean(axes: [Int]? = nil, keepdims: Bool = false, dtype resultType: DType? = nil) throws -> NDArray {
        let accumulator = resultType ?? (dtype.isFloatingPoint ? dtype : .float64)
        let plan = try ReductionPlan(shape: shape, axes: axes)
        let total = try sum(axes: axes, keepdims: keepdims, dtype: accumulator)
        return try NDArray.apply(.divide, .array(total), .scalar(.int(plan.inner)))
    }

    /// Variance over `axes` with `ddof` delta degrees of freedom (`var`): the mean of squared
    /// deviations from the mean, computed in NumPy's order.
    public func variance(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws -> NDArray {
        let plan = try ReductionPlan(shape: shape, axes: axes)
        let source = dtype.isFloatingPoint ? self : try astype(.float64)
        let center = try source.mean(axes: axes, keepdims: true)
        let deviations = try NDArray.apply(.subtract, source, center)
        let squares = try NDArray.apply(.multiply, deviations, deviations)
        let total = try squares.sum(axes: axes, keepdims: keepdims)
        return try NDArray.apply(.divide, .array(total), .scalar(.int(Swift.max(plan.inner - ddof, 0))))
    }

    /// Standard deviation over `axes` (`std`): the square root of `variance`.
    public func standardDeviation(axes: [Int]? = nil, ddof: Int = 0, keepdims: Bool = false) throws -> NDArray {
        try variance(axes: axes, ddof: ddof, keepdims: keepdims).apply(.sqrt)
    }

    /// Largest element over `axes` (`max`/`amax`); NaN propagates. Throws for an empty
    /// reduction, as NumPy does.
    public func max(axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        try extremum(axes: axes, keepdims: keepdims, largest: true)
    }

    /// Smallest element over `axes` (`min`/`amin`).
    public func min(axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        try extremum(axes: axes, keepdims: keepdims, largest: false)
    }

    private func extremum(axes: [Int]?, keepdims: Bool, largest: Bool) throws -> NDArray {
        let plan = try ReductionPlan(shape: shape, axes: axes)
        if plan.inner == 0 && (plan.outer > 0 || plan.keptAxes.isEmpty) {
            throw ArrayError.value("zero-size array to reduction operation \(largest ? "maximum" : "minimum") which has no identity")
        }
        if dtype == .bool {
            let bytes = NDArray(storage: storage, dtype: .uint8, shape: shape, strides: strides, offset: offset)
            return try bytes.extremum(axes: axes, keepdims: keepdims, largest: largest).astype(.bool)
        }
        let out = try NDArray(uninitializedShape: plan.resultShape(keepdims: keepdims), dtype: dtype)
        let rows = try plan.rows(of: self)
        switch dtype {
        case .float32: rows.extremumRows(plan, out, largest, Float.self)
        case .float64: rows.extremumRows(plan, out, largest, Double.self)
        case .int64: rows.extremumRows(plan, out, largest, Int64.self)
        case .uint8, .bool: rows.extremumRows(plan, out, largest, UInt8.self)
        }
        return out
    }

    private func extremumRows<T: NumericElement>(_ plan: ReductionPlan, _ out: NDArray, _ largest: Bool, _: T.Type) {
        let source = basePointer(T.self), results = out.basePointer(T.self)
        for row in 0..<plan.outer {
            let values = source + row * plan.inner
            results[row] = largest ? maximumElement(values, plan.inner) : minimumElement(values, plan.inner)
        }
        withExtendedLifetime((self, out)) {}
    }

    /// Index of the largest element along `axis` (`argmax`), or in the flattened array when
    /// `axis` is nil. The first occurrence wins; int64 result.
    public func argmax(axis: Int? = nil, keepdims: Bool = false) throws -> NDArray {
        try argExtremum(axis: axis, keepdims: keepdims, largest: true)
    }

    /// Index of the smallest element along `axis` (`argmin`).
    public func argmin(axis: Int? = nil, keepdims: Bool = false) throws -> NDArray {
        try argExtremum(axis: axis, keepdims: keepdims, largest: false)
    }

    private func argExtremum(axis: Int?, keepdims: Bool, largest: Bool) throws -> NDArray {
        let name = largest ? "argmax" : "argmin"
        if dtype == .bool {
            let bytes = NDArray(storage: storage, dtype: .uint8, shape: shape, strides: strides, offset: offset)
            return try bytes.argExtremum(axis: axis, keepdims: keepdims, largest: largest)
        }
        let source = axis == nil ? try reshaped([-1]) : self
        let plan = try ReductionPlan(shape: source.shape, axes: axis.map { [$0] } ?? [0])
        if plan.inner == 0 { throw ArrayError.value("attempt to get \(name) of an empty sequence") }
        let rows = try plan.rows(of: source)
        var resultShape = plan.resultShape(keepdims: keepdims)
        if axis == nil && keepdims { resultShape = [Int](repeating: 1, count: ndim) }
        let out = try NDArray(uninitializedShape: resultShape, dtype: .int64)
        switch dtype {
        case .float32: rows.argRows(plan, out, largest, Float.self)
        case .float64: rows.argRows(plan, out, largest, Double.self)
        case .int64: rows.argRows(plan, out, largest, Int64.self)
        case .uint8, .bool: rows.argRows(plan, out, largest, UInt8.self)
        }
        return out
    }

    private func argRows<T: NumericElement>(_ plan: ReductionPlan, _ out: NDArray, _ largest: Bool, _: T.Type) {
        let source = basePointer(T.self), results = out.basePointer(Int64.self)
        for row in 0..<plan.outer {
            let values = source + row * plan.inner
            results[row] = Int64(largest ? indexOfMaximum(values, plan.inner) : indexOfMinimum(values, plan.inner))
        }
        withExtendedLifetime((self, out)) {}
    }

    /// Whether every element over `axes` is nonzero (`all`).
    public func all(axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        let plan = try ReductionPlan(shape: shape, axes: axes)
        let nonzero = try NDArray.apply(.notEqual, .array(self), .scalar(.int(0))).sum(axes: axes, keepdims: keepdims)
        return try NDArray.apply(.equal, .array(nonzero), .scalar(.int(plan.inner)))
    }

    /// Whether any element over `axes` is nonzero (`any`).
    public func any(axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        let nonzero = try NDArray.apply(.notEqual, .array(self), .scalar(.int(0))).sum(axes: axes, keepdims: keepdims)
        return try NDArray.apply(.greater, .array(nonzero), .scalar(.int(0)))
    }

    /// Number of nonzero elements (`np.count_nonzero`).
    public func countNonzero(axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        if axes == nil && !keepdims && dtype == .bool && isContiguous {
            return NDArray(scalar: Int64(trueCount()))
        }
        return try NDArray.apply(.notEqual, .array(self), .scalar(.int(0))).sum(axes: axes, keepdims: keepdims)
    }

    /// True elements of a contiguous bool array, counted a byte at a time (vectorised).
    func trueCount() -> Int {
        let bytes = UnsafeRawPointer(basePointer(Bool.self)).assumingMemoryBound(to: UInt8.self)
        var total = 0
        var start = 0
        // Bytes sum in 32-bit lanes, in blocks short enough never to overflow.
        while start < size {
            let end = Swift.min(start + (1 << 20), size)
            var block: UInt32 = 0
            for index in start..<end { block &+= UInt32(bytes[index]) }
            total += Int(block)
            start = end
        }
        withExtendedLifetime(storage) {}
        return total
    }

    /// Running sum along `axis` (`cumsum`), of the flattened array when `axis` is nil.
    /// Integers and bools accumulate in int64.
    public func cumulativeSum(axis: Int? = nil) throws -> NDArray {
        try cumulative(axis: axis, product: false)
    }

    /// Running product along `axis` (`cumprod`).
    public func cumulativeProduct(axis: Int? = nil) throws -> NDArray {
        try cumulative(axis: axis, product: true)
    }

    private func cumulative(axis: Int?, product: Bool) throws -> NDArray {
        let accumulator: DType = dtype.isFloatingPoint ? dtype : .int64
        var source = try (axis == nil ? reshaped([-1]) : self).astype(accumulator)
        let position = try NDArray.normalizeAxis(axis ?? 0, ndim: Swift.max(source.ndim, 1))
        if source.ndim == 0 { source = try source.reshaped([1]) }
        // Move the axis last, run along contiguous rows, move it back.
        let moved = try source.swappingAxes(position, -1).contiguous()
        let length = moved.shape.last ?? 0
        let rows = length == 0 ? 0 : moved.size / length
        switch accumulator {
        case .float32: moved.scanRows(rows, length, Float.self, product ? { $0 * $1 } : { $0 + $1 })
        case .float64: moved.scanRows(rows, length, Double.self, product ? { $0 * $1 } : { $0 + $1 })
        default: moved.scanRows(rows, length, Int64.self, product ? { $0 &* $1 } : { $0 &+ $1 })
        }
        return try moved.swappingAxes(position, -1).contiguous()
    }

    private func scanRows<T: ArrayElement>(_ rows: Int, _ length: Int, _: T.Type, _ combine: (T, T) -> T) {
        let base = basePointer(T.self)
        for row in 0..<rows {
            let values = base + row * length
            for index in 1..<Swift.max(length, 1) { values[index] = combine(values[index - 1], values[index]) }
        }
        withExtendedLifetime(self) {}
    }
}
