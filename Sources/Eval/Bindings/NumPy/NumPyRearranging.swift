import ML

/// Functions that select, reorder or pad elements: `argpartition`, `partition`, `pad`,
/// `roll`, `take`, `put`, `take_along_axis`, `searchsorted`, `flipud`/`fliplr`, `einsum`.
enum NumPyRearranging {
    static func register(_ np: Module) {
        np.function("argpartition(a, kth, axis=-1, kind='introselect', order=None)", doc: """
            Indices that partition the array along axis: the element at each kth position is
            the one a full sort puts there, smaller ones before it and larger ones after.
            (The order within each side is unspecified; SwiftML's is sorted.)
            """) { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let axis = try ArrayConversion.axis(args["axis"])
            try checkKth(args["kth"], source, axis, interp)
            return ArrayConversion.wrap(try source.argsorted(axis: axis))
        }
        np.function("partition(a, kth, axis=-1, kind='introselect', order=None)", doc: """
            A copy of the array with the element at each kth position where a full sort puts
            it, smaller ones before and larger ones after (SwiftML returns them sorted).
            """) { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let axis = try ArrayConversion.axis(args["axis"])
            try checkKth(args["kth"], source, axis, interp)
            return ArrayConversion.wrap(try source.sorted(axis: axis))
        }
        np.function("pad(array, pad_width, mode='constant', constant_values=0)", doc: """
            Pad an array: pad_width is n, (before, after) or one (before, after) per axis;
            mode 'constant' (constant_values), 'edge', 'reflect', 'symmetric' or 'wrap'.
            """) { args, interp in
            let source = try ArrayConversion.array(args["array"], interp)
            let modeName = try args.string("mode")
            guard let mode = NDArray.PadMode(rawValue: modeName) else {
                throw PyError(.notImplementedError, "pad mode '\(modeName)' is not supported (use constant, edge, reflect, symmetric or wrap)")
            }
            let widths = try ArrayConversion.array(args["pad_width"], interp).astype(.int64)
            let pairs = try broadcastPairs(widths, ndim: source.ndim, name: "pad_width")
            var total = 1
            for (length, pair) in zip(source.shape, pairs) {
                let (padded, overflowA) = length.addingReportingOverflow(pair.before)
                let (extent, overflowB) = padded.addingReportingOverflow(pair.after)
                let (product, overflowC) = total.multipliedReportingOverflow(by: Swift.max(extent, 0))
                guard !overflowA, !overflowB, !overflowC else { throw PyError(.memoryError, "pad result is too large") }
                total = product
            }
            try interp.checkAllocation(count: total, elementSize: Swift.max(source.dtype.itemSize, 8))
            let constant: ScalarValue
            switch args["constant_values"] {
            case .int(let v): constant = .int(v)
            case .float(let v): constant = .float(v)
            case .bool(let v): constant = .bool(v)
            default:
                guard let value = args["constant_values"].asDouble else {
                    throw PyError(.notImplementedError, "pad with per-axis constant_values is not supported; pass one number")
                }
                constant = .float(value)
            }
            return ArrayConversion.wrap(try source.padded(pairs, mode: mode, constant: constant))
        }
        np.function("roll(a, shift, axis=None)", doc: "Roll array elements along the given axis (of the flattened array when None); elements that roll off one end come back at the other.") { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let shifts = try ArrayConversion.shape(args["shift"], interp, name: "shift")
            return ArrayConversion.wrap(try source.rolled(shifts, axes: ArrayConversion.axes(args["axis"], interp)))
        }
        np.function("take(a, indices, axis=None, mode='raise')", doc: "Take elements from an array along an axis (from the flattened array when None); mode 'raise', 'wrap' or 'clip'.") { args, interp in
            let mode = try args.string("mode")
            guard ["raise", "wrap", "clip"].contains(mode) else { throw PyError(.valueError, "clipmode must be one of 'clip', 'raise', or 'wrap' (got '\(mode)')") }
            let indices = try ArrayConversion.array(args["indices"], interp)
            guard indices.dtype.isInteger || indices.size == 0 else { throw PyError(.typeError, "Cannot cast array data from dtype('\(indices.dtype.name)') to dtype('int64') according to the rule 'safe'") }
            return ArrayConversion.result(try ArrayConversion.array(args["a"], interp).taking(indices, axis: ArrayConversion.axis(args["axis"]), mode: mode))
        }
        np.function("put(a, ind, v, mode='raise')", doc: "Replace the elements at the given flat indices of a (in place) with values from v, repeated as needed.") { args, interp in
            guard let target = args["a"].object(as: NDArrayObject.self) else {
                throw PyError(.typeError, "argument 1 must be numpy.ndarray, not \(args["a"].typeName)")
            }
            let indices = try ArrayConversion.array(args["ind"], interp).astype(.int64).scalars(as: Int64.self).map { Int($0) }
            try target.array.put(indices, ArrayConversion.array(args["v"], interp))
            return .none
        }
        np.function("take_along_axis(arr, indices, axis)", doc: "Take values from the input array by matching 1-d index and data slices (pairs with argsort/argpartition).") { args, interp in
            let source = try ArrayConversion.array(args["arr"], interp)
            let indices = try ArrayConversion.array(args["indices"], interp)
            guard let axisValue = try ArrayConversion.axis(args["axis"]) else {
                return ArrayConversion.wrap(try source.raveled().taking(indices, axis: 0))
            }
            guard indices.ndim == source.ndim else { throw PyError(.valueError, "`indices` and `arr` must have the same number of dimensions") }
            let axis = try NDArray.normalizeAxis(axisValue, ndim: source.ndim)
            // Open-mesh index arrays for every other axis, the given indices along `axis`.
            let index: [ArrayIndex] = try (0..<source.ndim).map { dimension in
                if dimension == axis { return .array(indices) }
                var shape = [Int](repeating: 1, count: source.ndim)
                shape[dimension] = source.shape[dimension]
                return .array(try NDArray((0..<source.shape[dimension]).map { Int64($0) }).reshaped(shape))
            }
            return ArrayConversion.wrap(try source.subscripted(index))
        }
        np.function("searchsorted(a, v, side='left', sorter=None)", doc: "Find the indices into a sorted array a such that inserting v before them keeps a sorted (side='right': after equal elements).") { args, interp in
            var sorted = try ArrayConversion.array(args["a"], interp)
            if let sorter = try args.optional("sorter") { sorted = try sorted.taking(ArrayConversion.array(sorter, interp), axis: 0) }
            let side = try args.string("side")
            guard side == "left" || side == "right" else { throw PyError(.valueError, "side must be 'left' or 'right' (got '\(side)')") }
            return ArrayConversion.result(try sorted.searchSorted(ArrayConversion.array(args["v"], interp), right: side == "right"))
        }
        np.function("flipud(m)", doc: "Reverse the order of elements along axis 0 (up/down).") { args, interp in
            let source = try ArrayConversion.array(args["m"], interp)
            guard source.ndim >= 1 else { throw PyError(.valueError, "Input must be >= 1-d.") }
            return ArrayConversion.wrap(try source.subscripted([.slice(start: nil, stop: nil, step: -1)]))
        }
        np.function("fliplr(m)", doc: "Reverse the order of elements along axis 1 (left/right).") { args, interp in
            let source = try ArrayConversion.array(args["m"], interp)
            guard source.ndim >= 2 else { throw PyError(.valueError, "Input must be >= 2-d.") }
            return ArrayConversion.wrap(try source.subscripted([.all, .slice(start: nil, stop: nil, step: -1)]))
        }
        np.function("einsum(subscripts, *operands)", doc: """
            Einstein summation: einsum('ij,jk->ik', a, b) is a @ b, 'ii' the trace, 'ij->ji' the
            transpose, 'i,i' the dot product, 'bi,bj->bij' batched outer products.
            """) { args, interp in
            let operands = try args.variadicPositional.map { try ArrayConversion.array($0, interp) }
            return ArrayConversion.result(try Einsum.evaluate(args.string("subscripts"), operands))
        }
    }

    /// NumPy's check of `kth`: every position inside the axis (negative from the end).
    private static func checkKth(_ kth: Value, _ source: NDArray, _ axis: Int?, _ interp: Runtime) throws {
        let length = axis == nil ? source.size : source.shape.isEmpty ? 0 : source.shape[try NDArray.normalizeAxis(axis ?? -1, ndim: source.ndim)]
        if source.ndim == 0 { throw PyError(.valueError, "object of too small depth for desired array") }
        let positions = try ArrayConversion.array(kth, interp)
        guard positions.dtype.isInteger else { throw PyError(.typeError, "Partition index must be integer") }
        for position in try positions.astype(.int64).scalars(as: Int64.self) where position >= Int64(length) || position < -Int64(length) {
            throw PyError(.valueError, "kth(=\(position)) out of bounds (\(length))")
        }
    }

    /// `pad_width`'s forms (n, (n,), (before, after), one pair per axis) as pairs per axis.
    private static func broadcastPairs(_ widths: NDArray, ndim: Int, name: String) throws -> [(before: Int, after: Int)] {
        let values = try widths.scalars(as: Int64.self).map { Int($0) }
        switch (widths.ndim, values.count) {
        case (0, 1), (1, 1): return Array(repeating: (values[0], values[0]), count: ndim)
        case (1, 2), (2, 2): return Array(repeating: (values[0], values[1]), count: ndim)
        case (2, _) where widths.shape == [ndim, 2]: return (0..<ndim).map { (values[2 * $0], values[2 * $0 + 1]) }
        case (2, _) where widths.shape == [ndim, 1]: return (0..<ndim).map { (values[$0], values[$0]) }
        default:
            throw PyError(.valueError, "operands could not be broadcast together with remapped shapes [original->remapped]: \(formatCompactShape(widths.shape)) and requested shape (\(ndim),2)")
        }
    }
}
