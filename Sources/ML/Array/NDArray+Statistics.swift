/// Order statistics and counts over values: quantiles as NumPy's default ("linear") method
/// computes them, and histograms with NumPy's bin edges and edge rules.
extension NDArray {
    /// The `q`-quantiles (each in 0...1) along `axis` (all elements when nil): a result of
    /// shape `[q.count] + the reduced shape` (just the reduced shape when `scalarQ`).
    /// `median` averages the middle pair as `np.median` does ((a + b) / 2) instead of
    /// interpolating, which can differ in the last bit.
    public func quantiles(_ q: [Double], axis: Int?, keepdims: Bool, median: Bool = false) throws -> [NDArray] {
        let source = dtype.isFloatingPoint ? self : try astype(.float64)
        let position = try axis.map { try NDArray.normalizeAxis($0, ndim: source.ndim) }
        let sorted = try source.sorted(axis: position ?? nil)
        let along = position ?? 0
        let length = sorted.ndim == 0 ? 1 : sorted.shape[along]
        guard length > 0 else { throw ArrayError.index("index -1 is out of bounds for axis 0 with size 0") }
        func slice(_ i: Int) throws -> NDArray {
            if sorted.ndim == 0 { return sorted }
            var index = [ArrayIndex](repeating: .all, count: sorted.ndim)
            index[along] = .int(i)
            return try sorted.subscripted(index)
        }
        let hasNaN = try slice(length - 1).apply(.isnan)
        return try q.map { fraction in
            let virtual = fraction * Double(length - 1)
            let below = Swift.min(Swift.max(Int(virtual.rounded(.down)), 0), length - 1)
            let above = Swift.min(below + 1, length - 1)
            let t = virtual - Double(below)
            let low = try slice(below), high = try slice(above)
            var result: NDArray
            if median {
                result = length % 2 == 1 || t == 0 ? low
                    : try NDArray.apply(.multiply, .array(NDArray.apply(.add, low, high)), .scalar(.float(0.5)))
            } else {
                // NumPy's _lerp: a + (b - a) t, taken from b's side when t >= 0.5 for symmetry.
                let difference = try NDArray.apply(.subtract, high, low)
                if t >= 0.5 {
                    result = try NDArray.apply(.subtract, .array(high), .array(NDArray.apply(.multiply, .array(difference), .scalar(.float(1 - t)))))
                } else {
                    result = try NDArray.apply(.add, .array(low), .array(NDArray.apply(.multiply, .array(difference), .scalar(.float(t)))))
                }
            }
            // A NaN anywhere makes the quantile NaN (it sorts last).
            result = try NDArray.select(hasNaN, .scalar(.float(.nan)), .array(result)).astype(source.dtype)
            if keepdims {
                if let position { result = try result.expandingDimensions(at: position) }
                else { result = try result.reshaped([Int](repeating: 1, count: ndim)) }
            }
            return result
        }
    }

    /// `np.histogram` with `bins` equal-width bins over `range` (the data's min and max when
    /// nil): counts (int64, or float64 with weights) and the bins + 1 edges. The last bin
    /// includes its right edge.
    public static func histogram(_ values: [Double], bins: Int, range: (Double, Double)?, weights: [Double]?) throws -> (counts: NDArray, edges: NDArray) {
        guard bins > 0 else { throw ArrayError.value("`bins` must be positive, when an integer") }
        var (first, last) = range ?? (values.min() ?? 0, values.max() ?? 1)
        if range == nil && values.isEmpty { (first, last) = (0, 1) }
        guard first <= last else { throw ArrayError.value("max must be larger than min in range parameter.") }
        guard first.isFinite && last.isFinite else { throw ArrayError.value("autodetected range of [\(first), \(last)] is not finite") }
        if first == last { first -= 0.5; last += 0.5 }
        let (edges, _) = try linspace(start: first, stop: last, count: bins + 1, endpoint: true, dtype: .float64)
        let edgeValues = try edges.scalars(as: Double.self)
        let norm = Double(bins) / (last - first)
        var counts = [Double](repeating: 0, count: bins)
        for (i, value) in values.enumerated() where value >= first && value <= last {
            // (A range narrower than the bin count can resolve makes norm infinite: such values
            // go to the last bin instead of trapping on a non-finite Int conversion.)
            let position = (value - first) * norm
            var bin = position.isFinite ? Int(Swift.min(Swift.max(position, 0), Double(bins))) : bins - 1
            if bin == bins { bin -= 1 }
            // Floating point can put a value one bin off its edges: NumPy corrects the same way.
            if value < edgeValues[bin] && bin > 0 { bin -= 1 } else if bin != bins - 1 && value >= edgeValues[bin + 1] { bin += 1 }
            counts[bin] += weights?[i] ?? 1
        }
        let result = weights == nil ? NDArray(counts.map { Int64($0) }) : NDArray(counts)
        return (result, edges)
    }

    /// `np.histogram` with explicit, increasing edges: a value lands in [edge i, edge i+1),
    /// the last bin closed on the right.
    public static func histogram(_ values: [Double], edges: [Double], weights: [Double]?) throws -> NDArray {
        guard edges.count >= 2 else { throw ArrayError.value("`bins` must be 1d, when an array") }
        guard zip(edges, edges.dropFirst()).allSatisfy({ $0 <= $1 }) else {
            throw ArrayError.value("`bins` must increase monotonically, when an array")
        }
        var counts = [Double](repeating: 0, count: edges.count - 1)
        for (i, value) in values.enumerated() where value >= edges[0] && value <= edges[edges.count - 1] {
            var low = 0, high = edges.count
            while low < high {  // first edge > value
                let middle = (low + high) / 2
                if edges[middle] <= value { low = middle + 1 } else { high = middle }
            }
            let bin = Swift.min(low - 1, counts.count - 1)
            counts[bin] += weights?[i] ?? 1
        }
        return weights == nil ? NDArray(counts.map { Int64($0) }) : NDArray(counts)
    }
}
