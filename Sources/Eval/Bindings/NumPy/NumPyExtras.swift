import ML

/// Less central NumPy functions that course notebooks still reach for: `np.c_` / `np.r_`,
/// `argwhere`, `bincount`, `split`, `diag`, `trace`.
enum NumPyExtras {
    static func register(_ np: Module) {
        np["c_"] = .object(ConcatenatorObject(columns: true))
        np["r_"] = .object(ConcatenatorObject(columns: false))

        np.function("argwhere(a)", doc: "Find the indices of array elements that are non-zero, grouped by element (one row per element).") { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            let positions = try source.nonzero()
            if source.ndim == 0 { return ArrayConversion.wrap(try NDArray.zeros([positions.first?.size ?? 0, 0], dtype: .int64)) }
            return ArrayConversion.wrap(try NDArray.stack(positions, axis: 1))
        }
        np.function("bincount(x, weights=None, minlength=0)", doc: "Count number of occurrences of each value in an array of non-negative ints.") { args, interp in
            let values = try ArrayConversion.array(args["x"], interp)
            guard values.ndim == 1 else { throw PyError(.valueError, "object too deep for desired array") }
            guard values.dtype.isInteger || values.dtype == .bool || values.size == 0 else {
                throw PyError(.typeError, "Cannot cast array data from dtype('\(values.dtype.name)') to dtype('int64') according to the rule 'safe'")
            }
            let integers = try values.astype(.int64).scalars(as: Int64.self)
            if let negative = integers.first(where: { $0 < 0 }) { _ = negative; throw PyError(.valueError, "'list' argument must have no negative elements") }
            let minimum = try args.int("minlength")
            guard minimum >= 0 else { throw PyError(.valueError, "'minlength' must not be negative") }
            // max + 1 overflows for a value of 2**63-1: refuse it as too big rather than trap.
            let (top, overflow) = Int(integers.max() ?? -1).addingReportingOverflow(1)
            if overflow { throw SizeError.tooBig(shape: [Int.max]) }
            let length = Swift.max(top, minimum)
            try interp.checkAllocation(count: length, elementSize: 8)
            if args["weights"].isNone {
                var counts = [Int64](repeating: 0, count: length)
                for value in integers { counts[Int(value)] += 1 }
                return ArrayConversion.wrap(NDArray(counts))
            }
            let weights = try ArrayConversion.array(args["weights"], interp).doubles()
            guard weights.count == integers.count else { throw PyError(.valueError, "The weights and list don't have the same length.") }
            var sums = [Double](repeating: 0, count: length)
            for (value, weight) in zip(integers, weights) { sums[Int(value)] += weight }
            return ArrayConversion.wrap(NDArray(sums))
        }
        np.function("split(ary, indices_or_sections, axis=0)", doc: "Split an array into equal sub-arrays, or at the given indices.") { args, interp in
            try split(args, interp, requireEqual: true)
        }
        np.function("array_split(ary, indices_or_sections, axis=0)", doc: "Split an array into sub-arrays of nearly equal size, or at the given indices.") { args, interp in
            try split(args, interp, requireEqual: false)
        }
        np.function("diag(v, k=0)", doc: "Extract the k-th diagonal of a 2-D array, or build a 2-D array with v on its k-th diagonal.") { args, interp in
            let source = try ArrayConversion.array(args["v"], interp)
            let k = try args.int("k")
            switch source.ndim {
            case 1:
                guard k.magnitude < 1 << 31 else { throw PyError(.memoryError, "diagonal offset \(k) is too large") }
                let size = source.size + Swift.abs(k)
                let result = try NDArray.zeros([size, size], dtype: source.dtype)
                for index in 0..<source.size {
                    let (row, column) = k >= 0 ? (index, index + k) : (index - k, index)
                    try result.assign(.array(source.subscripted([.int(index)])), at: [.int(row), .int(column)])
                }
                return ArrayConversion.wrap(result)
            case 2:
                let rows = source.shape[0], columns = source.shape[1]
                let indices = (0..<Swift.max(rows, columns)).compactMap { index -> (Int64, Int64)? in
                    let (row, column) = k >= 0 ? (index, index + k) : (index - k, index)
                    return row < rows && column < columns ? (Int64(row), Int64(column)) : nil
                }
                return ArrayConversion.wrap(try source.subscripted([.array(NDArray(indices.map(\.0))), .array(NDArray(indices.map(\.1)))]))
            default:
                throw PyError(.valueError, "Input must be 1- or 2-d.")
            }
        }
        np.function("trace(a)", doc: "Return the sum along the diagonal of the array.") { args, interp in
            let source = try ArrayConversion.array(args["a"], interp)
            guard source.ndim == 2 else { throw PyError(.valueError, "diag requires an array of at least two dimensions") }
            let count = Swift.min(source.shape[0], source.shape[1])
            let positions = NDArray((0..<count).map { Int64($0) })
            return ArrayConversion.result(try source.subscripted([.array(positions), .array(positions)]).sum())
        }
    }

    private static func split(_ args: BoundArguments, _ interp: Runtime, requireEqual: Bool) throws -> Value {
        let source = try ArrayConversion.array(args["ary"], interp)
        let axis = try NDArray.normalizeAxis(args.int("axis"), ndim: source.ndim)
        let length = source.shape[axis]
        var boundaries: [Int] = []
        if let sections = args["indices_or_sections"].asIndex, args["indices_or_sections"].object(as: NDArrayObject.self) == nil {
            guard sections > 0 else { throw PyError(.valueError, "number sections must be larger than 0.") }
            try interp.checkAllocation(count: sections, elementSize: 64)
            if requireEqual && length % sections != 0 {
                throw PyError(.valueError, "array split does not result in an equal division")
            }
            let base = length / sections, extra = length % sections
            var position = 0
            for section in 0..<(sections - 1) {
                position += base + (section < extra ? 1 : 0)
                boundaries.append(position)
            }
        } else {
            boundaries = try ArrayConversion.shape(args["indices_or_sections"], interp, name: "indices_or_sections")
        }
        var pieces: [Value] = []
        var start = 0
        for end in boundaries + [length] {
            var index = [ArrayIndex](repeating: .all, count: source.ndim)
            index[axis] = .slice(start: start, stop: end, step: nil)
            pieces.append(ArrayConversion.wrap(try source.subscripted(index)))
            start = Swift.max(start, Swift.min(end, length))
        }
        return .list(pieces)
    }
}

/// `np.c_[a, b]` (columns side by side) and `np.r_[a, b]` (end to end); slices inside them
/// become ranges (`np.r_[1:4, 10]`).
final class ConcatenatorObject: PyObject {
    let columns: Bool
    init(columns: Bool) { self.columns = columns }

    var pyType: PyType { ConcatenatorObject.type }
    static let type = PyType("AxisConcatenator", module: "numpy.lib._index_tricks_impl",
                             doc: "np.c_ stacks columns: np.c_[np.ones((3, 1)), x]; np.r_ joins end to end: np.r_[1:4, 7].")

    func repr(_ interpreter: Runtime) throws -> String { "<numpy.lib._index_tricks_impl.\(columns ? "CClass" : "RClass") object>" }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        let items = key.object(as: TupleObject.self)?.items ?? [key]
        let parts = try items.map { item -> NDArray in
            if let slice = item.object(as: SliceObject.self) {
                func bound(_ value: Value, _ fallback: Int) throws -> ScalarValue {
                    if value.isNone { return .int(fallback) }
                    if case .float(let v) = value { return .float(v) }
                    guard let int = value.asIndex else { throw PyError(.typeError, "slice indices must be numbers") }
                    return .int(int)
                }
                return try NDArray.arange(start: bound(slice.start, 0), stop: bound(slice.stop, 0), step: bound(slice.step, 1))
            }
            let array = try ArrayConversion.array(item, interpreter)
            if columns { return array.ndim < 2 ? try array.reshaped([-1, 1]) : array }
            return array.ndim == 0 ? try array.reshaped([1]) : array
        }
        guard !parts.isEmpty else { return ArrayConversion.wrap(try NDArray.zeros([0])) }
        if columns {
            let ndim = parts.map(\.ndim).max() ?? 2
            return ArrayConversion.wrap(try NDArray.concatenate(parts, axis: ndim - 1))
        }
        return ArrayConversion.wrap(try NDArray.concatenate(parts, axis: 0))
    }
}
