import ML

/// Order statistics and NaN-aware reductions: `quantile`, `percentile`, `median`,
/// `histogram`, `nansum`, `nanmean`, `nanmax`, `nanstd`, ..., `nan_to_num`.
enum NumPyStatistics {
    static func register(_ np: Module) {
        np.function("quantile(a, q, axis=None, keepdims=False)", doc: "Compute the q-th quantile (q in [0, 1], a number or a sequence) along the axis, interpolating linearly.") { args, interp in
            try quantiles(args, interp, scale: 1, name: "Quantiles must be in the range [0, 1]")
        }
        np.function("percentile(a, q, axis=None, keepdims=False)", doc: "Compute the q-th percentile (q in [0, 100], a number or a sequence) along the axis, interpolating linearly.") { args, interp in
            try quantiles(args, interp, scale: 100, name: "Percentiles must be in the range [0, 100]")
        }
        np.function("median(a, axis=None, keepdims=False)", doc: "Compute the median along the specified axis (the mean of the middle two for an even count).") { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let result = try source.quantiles([0.5], axis: ArrayConversion.axis(args["axis"]), keepdims: args.bool("keepdims"), median: true)[0]
            return ArrayConversion.result(result)
        }
        np.function("histogram(a, bins=10, range=None, density=False, weights=None)", doc: """
            Compute the histogram of the data: (counts, bin_edges). bins is a count of equal-width
            bins over range (the data's min and max by default) or the edges themselves.
            """) { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let values = try source.doubles()
            let weights = try args.optional("weights").map { try ArrayConversion.array($0, interp).doubles() }
            if let weights, weights.count != values.count { throw PyError(.valueError, "weights should have the same shape as a.") }
            var counts: NDArray, edges: NDArray
            if let bins = args["bins"].asIndex, args["bins"].object(as: NDArrayObject.self) == nil {
                try interp.checkAllocation(count: Swift.max(bins, 0), times: 2, elementSize: 8)
                var range: (Double, Double)?
                if let given = try args.optional("range") {
                    let bounds = try interp.collect(given)
                    guard bounds.count == 2, let low = bounds[0].asDouble, let high = bounds[1].asDouble else {
                        throw PyError(.valueError, "too many values to unpack (expected 2)")
                    }
                    range = (low, high)
                }
                (counts, edges) = try NDArray.histogram(values, bins: bins, range: range, weights: weights)
                if source.dtype == .float32 { edges = try edges.astype(.float32) }
            } else if case .string(let rule) = args["bins"] {
                throw PyError(.notImplementedError, "histogram bins='\(rule)' (an automatic bin rule) is not supported; pass a number of bins")
            } else {
                edges = try ArrayConversion.array(args["bins"], interp)
                counts = try NDArray.histogram(values, edges: edges.doubles(), weights: weights)
            }
            if try args.bool("density") {
                let widths = try NDArray.apply(.subtract, edges.subscripted([.slice(start: 1, stop: nil, step: nil)]), edges.subscripted([.slice(start: nil, stop: -1, step: nil)]))
                let total = try counts.astype(.float64).sum()
                counts = try NDArray.apply(.divide, NDArray.apply(.divide, counts.astype(.float64), widths), total)
            }
            return .tuple([ArrayConversion.wrap(counts), ArrayConversion.wrap(edges)])
        }
        np.function("nan_to_num(x, copy=True, nan=0.0, posinf=None, neginf=None)", doc: """
            Replace NaN with nan (0.0), positive infinity with posinf (the largest float of the
            dtype by default) and negative infinity with neginf (the most negative).
            """) { args, interp in
            let source = try ArrayConversion.array(args["x"], interp)
            guard source.dtype.isFloatingPoint else { return ArrayConversion.result(try source.copy()) }
            let largest = source.dtype == .float32 ? Double(Float.greatestFiniteMagnitude) : Double.greatestFiniteMagnitude
            let nan = try args.double("nan"), high = try args.optionalDouble("posinf") ?? largest, low = try args.optionalDouble("neginf") ?? -largest
            var result = try NDArray.select(source.apply(.isnan), .scalar(.float(nan)), .array(source))
            result = try NDArray.select(NDArray.apply(.equal, .array(result), .scalar(.float(.infinity))), .scalar(.float(high)), .array(result))
            result = try NDArray.select(NDArray.apply(.equal, .array(result), .scalar(.float(-.infinity))), .scalar(.float(low)), .array(result))
            return ArrayConversion.result(try result.astype(source.dtype))
        }
        np.function("nansum(a, axis=None, keepdims=False)", doc: "Sum of array elements over an axis, treating NaNs as zero.") { args, interp in
            let (zeroed, _) = try withoutNaN(args, interp, fill: 0)
            return ArrayConversion.result(try zeroed.sum(axes: ArrayConversion.axes(args["axis"], interp), keepdims: args.bool("keepdims")))
        }
        np.function("nanmean(a, axis=None, keepdims=False)", doc: "Arithmetic mean along an axis, ignoring NaNs (NaN for an all-NaN slice).") { args, interp in
            ArrayConversion.result(try nanMean(args, interp))
        }
        for (name, isMax) in [("nanmax", true), ("nanmin", false)] {
            np.function("\(name)(a, axis=None, keepdims=False)", doc: "\(isMax ? "Maximum" : "Minimum") along an axis, ignoring NaNs (NaN for an all-NaN slice).") { args, interp in
                let (filled, mask) = try withoutNaN(args, interp, fill: isMax ? -.infinity : .infinity)
                let axes = try ArrayConversion.axes(args["axis"], interp), keepdims = try args.bool("keepdims")
                let reduced = try isMax ? filled.max(axes: axes, keepdims: keepdims) : filled.min(axes: axes, keepdims: keepdims)
                guard let mask else { return ArrayConversion.result(reduced) }
                let allNaN = try mask.all(axes: axes, keepdims: keepdims)
                return ArrayConversion.result(try NDArray.select(allNaN, .scalar(.float(.nan)), .array(reduced)).astype(reduced.dtype))
            }
        }
        for (name, isMax) in [("nanargmax", true), ("nanargmin", false)] {
            np.function("\(name)(a, axis=None)", doc: "Indices of the \(isMax ? "maximum" : "minimum") values along an axis, ignoring NaNs.") { args, interp in
                let (filled, mask) = try withoutNaN(args, interp, fill: isMax ? -.infinity : .infinity)
                let axis = try ArrayConversion.axis(args["axis"])
                if let mask, try mask.all(axes: axis.map { [$0] }).any().element(asBool: ()) {
                    throw PyError(.valueError, "All-NaN slice encountered")
                }
                return ArrayConversion.result(try isMax ? filled.argmax(axis: axis) : filled.argmin(axis: axis))
            }
        }
        for (name, isStd) in [("nanstd", true), ("nanvar", false)] {
            np.function("\(name)(a, axis=None, ddof=0, keepdims=False)", doc: "The \(isStd ? "standard deviation" : "variance") along an axis, ignoring NaNs.") { args, interp in
                let source = try ArrayConversion.array(args["a"], interp)
                let axes = try ArrayConversion.axes(args["axis"], interp), keepdims = try args.bool("keepdims")
                guard source.dtype.isFloatingPoint else {
                    let result = try isStd ? source.standardDeviation(axes: axes, ddof: args.int("ddof"), keepdims: keepdims)
                        : source.variance(axes: axes, ddof: args.int("ddof"), keepdims: keepdims)
                    return ArrayConversion.result(result)
                }
                let mask = try source.apply(.isnan)
                let zeroed = try NDArray.select(mask, .scalar(.float(0)), .array(source)).astype(source.dtype)
                let count = try mask.apply(.logicalNot).sum(axes: axes, keepdims: true)
                let mean = try NDArray.apply(.divide, zeroed.sum(axes: axes, keepdims: true), count).astype(source.dtype)
                let deviation = try NDArray.select(mask, .scalar(.float(0)), .array(NDArray.apply(.subtract, zeroed, mean))).astype(source.dtype)
                let squares = try NDArray.apply(.multiply, deviation, deviation).sum(axes: axes, keepdims: keepdims)
                let dof = try NDArray.apply(.subtract, .array(keepdims ? count : count.squeezed(axes: axes ?? Array(0..<source.ndim))), .scalar(.int(args.int("ddof"))))
                var result = try NDArray.apply(.divide, squares, dof).astype(source.dtype)
                if isStd { result = try result.apply(.sqrt) }
                return ArrayConversion.result(result)
            }
        }
    }

    private static func quantiles(_ args: BoundArguments, _ interp: Runtime, scale: Double, name: String) throws -> Value {
        let source = try ArrayConversion.array(args["a"], interp)
        let qArray = try ArrayConversion.array(args["q"], interp)
        let fractions = try qArray.doubles().map { $0 / scale }
        guard fractions.allSatisfy({ (0...1).contains($0) }) else { throw PyError(.valueError, name) }
        let results = try source.quantiles(fractions, axis: ArrayConversion.axis(args["axis"]), keepdims: args.bool("keepdims"))
        if qArray.ndim == 0 { return ArrayConversion.result(results[0]) }
        return ArrayConversion.wrap(try NDArray.stack(results).reshaped(qArray.shape + results[0].shape))
    }

    /// The array with NaNs replaced by `fill` (same dtype), and the NaN mask (nil for arrays
    /// that cannot hold NaN).
    private static func withoutNaN(_ args: BoundArguments, _ interp: Runtime, fill: Double) throws -> (NDArray, NDArray?) {
        let source = try ArrayConversion.array(args["a"], interp)
        guard source.dtype.isFloatingPoint else { return (source, nil) }
        let mask = try source.apply(.isnan)
        return (try NDArray.select(mask, .scalar(.float(fill)), .array(source)).astype(source.dtype), mask)
    }

    private static func nanMean(_ args: BoundArguments, _ interp: Runtime) throws -> NDArray {
        let (zeroed, mask) = try withoutNaN(args, interp, fill: 0)
        let axes = try ArrayConversion.axes(args["axis"], interp), keepdims = try args.bool("keepdims")
        guard let mask else { return try zeroed.mean(axes: axes, keepdims: keepdims) }
        let total = try zeroed.sum(axes: axes, keepdims: keepdims)
        let count = try mask.apply(.logicalNot).sum(axes: axes, keepdims: keepdims)
        return try NDArray.apply(.divide, total, count).astype(zeroed.dtype)
    }
}
