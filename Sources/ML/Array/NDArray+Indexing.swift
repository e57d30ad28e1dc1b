/// One entry of a NumPy index (`a[0, 1:3, None, ..., mask]`).
public enum ArrayIndex {
    /// A single position; negative counts from the end. Removes the dimension.
    case int(Int)
    /// `start:stop:step` with Python's defaults and clamping.
    case slice(start: Int?, stop: Int?, step: Int?)
    /// `np.newaxis` / `None`: a new dimension of length one.
    case newAxis
    /// `...`: as many full slices as needed.
    case ellipsis
    /// An integer array (positions, broadcast together with the other arrays) or a boolean
    /// mask (the positions where it is true). Gives a copy, not a view.
    case array(NDArray)

    /// `:`.
    public static var all: ArrayIndex { .slice(start: nil, stop: nil, step: nil) }

    var isAdvanced: Bool {
        if case .array = self { return true }
        return false
    }
}

/// An index entry after ellipsis expansion and mask conversion.
private enum ResolvedIndex {
    case int(Int)
    case slice(start: Int?, stop: Int?, step: Int?)
    case newAxis
    /// Int64 positions along one array axis.
    case positions(NDArray)
}

/// The normalised start, step and count of a Python slice over `length` elements.
func sliceBounds(start: Int?, stop: Int?, step: Int?, length: Int) throws -> (start: Int, step: Int, count: Int) {
    let step = step ?? 1
    if step == 0 { throw ArrayError.value("slice step cannot be zero") }
    let lower = step > 0 ? 0 : -1
    let upper = step > 0 ? length : length - 1
    func clamp(_ value: Int?, default fallback: Int) -> Int {
        guard var value else { return fallback }
        if value < 0 {
            value += length
            return Swift.max(value, lower)
        }
        return Swift.min(value, upper)
    }
    let first = clamp(start, default: step > 0 ? lower : upper)
    let end = clamp(stop, default: step > 0 ? upper : lower)
    // Written so that no step, however large (Python allows any int), can overflow.
    let count: Int
    if step > 0 {
        count = end > first ? (end - first - 1) / step + 1 : 0
    } else {
        count = first > end ? Int(UInt(first - end - 1) / step.magnitude) + 1 : 0
    }
    return (first, step, count)
}

extension NDArray {
    /// `a[index]`: a view for ints, slices, `newaxis` and `...`; a copy when the index holds
    /// integer arrays or boolean masks (NumPy's advanced indexing, with its rule for where
    /// the indexed dimensions go). A full integer index gives a 0-d array.
    public func subscripted(_ index: [ArrayIndex]) throws -> NDArray {
        if let mask = isFullMask(index) { return try maskedElements(mask) }
        let resolved = try resolve(index)
        if !resolved.contains(where: { if case .positions = $0 { return true } else { return false } }) {
            return try basicView(resolved)
        }
        let gather = try AdvancedIndexPlan(self, resolved)
        return try gather.read()
    }

    /// `a[index] = value`: writes through views and advanced indices alike. The value is
    /// broadcast to the indexed shape and cast to this dtype; Python scalars are checked as
    /// NumPy 2 checks them (`300` into uint8 is an OverflowError).
    public func assign(_ value: ArrayOperand, at index: [ArrayIndex]) throws {
        let source: NDArray
        switch value {
        case .array(let array): source = array
        case .scalar(let scalar): source = try scalar.asArray(dtype: dtype)
        }
        if let mask = isFullMask(index) {
            try assignMasked(mask, source.storage === storage ? source.copy() : source)
            return
        }
        let resolved = try resolve(index)
        if !resolved.contains(where: { if case .positions = $0 { return true } else { return false } }) {
            try basicView(resolved).assign(from: source)
            return
        }
        try AdvancedIndexPlan(self, resolved).write(source)
    }

    /// Whether NumPy returns a scalar rather than an array for this index: one int per
    /// dimension and nothing else.
    public func indexSelectsScalar(_ index: [ArrayIndex]) -> Bool {
        index.count == ndim && index.allSatisfy { if case .int = $0 { return true } else { return false } }
    }

    /// Expands the ellipsis, checks the number of indexed dimensions, turns masks into the
    /// positions where they are true and (when arrays are present) ints into 0-d positions.
    private func resolve(_ index: [ArrayIndex]) throws -> [ResolvedIndex] {
        var consumed = 0
        var ellipses = 0
        for item in index {
            switch item {
            case .int, .slice: consumed += 1
            case .newAxis: break
            case .ellipsis: ellipses += 1
            case .array(let array): consumed += array.dtype == .bool ? Swift.max(array.ndim, 1) : 1
            }
        }
        if ellipses > 1 { throw ArrayError.index("an index can only have a single ellipsis ('...')") }
        if consumed > ndim {
            throw ArrayError.index("too many indices for array: array is \(ndim)-dimensional, but \(consumed) were indexed")
        }
        let hasArrays = index.contains { $0.isAdvanced }
        var resolved: [ResolvedIndex] = []
        var axis = 0
        for item in index {
            switch item {
            case .int(let position):
                if hasArrays {
                    try resolved.append(.positions(NDArray.positions(NDArray(scalar: Int64(position)), length: shape[axis], axis: axis)))
                } else {
                    resolved.append(.int(position))
                }
                axis += 1
            case .slice(let start, let stop, let step):
                resolved.append(.slice(start: start, stop: stop, step: step))
                axis += 1
            case .newAxis:
                resolved.append(.newAxis)
            case .ellipsis:
                for _ in 0..<(ndim - consumed) { resolved.append(.slice(start: nil, stop: nil, step: nil)) }
                axis += ndim - consumed
            case .array(let array):
                if array.dtype == .bool {
                    let maskAxes = Swift.max(array.ndim, 1)
                    for offset in 0..<array.ndim where array.shape[offset] != shape[axis + offset] {
                        throw ArrayError.index("boolean index did not match indexed array along axis \(axis + offset); size of axis is \(shape[axis + offset]) but size of corresponding boolean axis is \(array.shape[offset])")
                    }
                    for positions in try array.nonzero() { resolved.append(.positions(positions)) }
                    axis += maskAxes
                } else if array.dtype.isInteger {
                    try resolved.append(.positions(NDArray.positions(array, length: shape[axis], axis: axis)))
                    axis += 1
                } else {
                    throw ArrayError.index("arrays used as indices must be of integer (or boolean) type")
                }
            }
        }
        return resolved
    }

    /// Int64 positions with negatives wrapped, or NumPy's IndexError for one out of range.
    static func positions(_ array: NDArray, length: Int, axis: Int) throws -> NDArray {
        let positions = try array.astype(.int64)
        var outOfRange: Int64?
        try positions.withUnsafeMutableBufferPointer(as: Int64.self) { buffer in
            let size = Int64(length)
            for index in buffer.indices {
                let value = buffer[index]
                if value < -size || value >= size {
                    if outOfRange == nil { outOfRange = value }
                } else if value < 0 {
                    buffer[index] = value + size
                }
            }
        }
        if let outOfRange {
            throw ArrayError.index("index \(outOfRange) is out of bounds for axis \(axis) with size \(length)")
        }
        return positions
    }

    /// The view for an index of ints, slices and new axes only.
    private func basicView(_ index: [ResolvedIndex]) throws -> NDArray {
        var newShape: [Int] = [], newStrides: [Int] = []
        var newOffset = offset
        var axis = 0
        for item in index {
            switch item {
            case .int(let position):
                let length = shape[axis]
                guard position >= -length && position < length else {
                    throw ArrayError.index("index \(position) is out of bounds for axis \(axis) with size \(length)")
                }
                newOffset += (position < 0 ? position + length : position) * strides[axis]
                axis += 1
            case .slice(let start, let stop, let step):
                let bounds = try sliceBounds(start: start, stop: stop, step: step, length: shape[axis])
                if bounds.count > 0 { newOffset += bounds.start * strides[axis] }
                newShape.append(bounds.count)
                // With two or more elements the step is within the axis length; with fewer the
                // stride is never used, so wrapping is harmless.
                newStrides.append(strides[axis] &* bounds.step)
                axis += 1
            case .newAxis:
                newShape.append(1)
                newStrides.append(0)
            case .positions:
                break  // not reached: advanced indices go through AdvancedIndexPlan
            }
        }
        newShape += shape[axis...]
        newStrides += strides[axis...]
        return NDArray(storage: storage, dtype: dtype, shape: newShape, strides: newStrides, offset: newOffset)
    }

    /// For each dimension, the int64 positions of the nonzero elements (`np.nonzero`).
    public func nonzero() throws -> [NDArray] {
        let flags = try NDArray.apply(.notEqual, .array(self), .scalar(.int(0))).contiguous()
        let mask = UnsafeBufferPointer(start: flags.basePointer(Bool.self), count: flags.size)
        let count = mask.reduce(0) { $0 + ($1 ? 1 : 0) }
        let dimensions = Swift.max(ndim, 1)
        let shapeForWalk = ndim == 0 ? [1] : shape
        let results = try (0..<dimensions).map { _ in try NDArray(uninitializedShape: [count], dtype: .int64) }
        let pointers = results.map { $0.basePointer(Int64.self) }
        var coordinates = [Int](repeating: 0, count: dimensions)
        var written = 0
        for flat in 0..<mask.count {
            if mask[flat] {
                for dimension in 0..<dimensions { pointers[dimension][written] = Int64(coordinates[dimension]) }
                written += 1
            }
            var dimension = dimensions - 1
            while dimension >= 0 {
                coordinates[dimension] += 1
                if coordinates[dimension] < shapeForWalk[dimension] { break }
                coordinates[dimension] = 0
                dimension -= 1
            }
        }
        withExtendedLifetime(flags) {}
        return results
    }
}

/// How an index with integer arrays maps to elements: the view left after the basic entries,
/// the broadcast positions, and where the indexed dimensions land in the result.
private struct AdvancedIndexPlan {
    /// The array after applying slices and new axes, with each advanced dimension kept whole.
    let view: NDArray
    /// Dimensions of `view` that the position arrays index.
    let indexedAxes: [Int]
    /// The position arrays broadcast to one shape, contiguous int64.
    let positions: [NDArray]
    let broadcastShape: [Int]
    /// Dimensions of `view` that pass through unindexed.
    let remainingAxes: [Int]
    /// Whether the indexed dimensions are adjacent, so the result keeps them in place
    /// (otherwise they go first, as NumPy does).
    let inPlace: Bool

    init(_ array: NDArray, _ index: [ResolvedIndex]) throws {
        var basic: [ArrayIndex] = []
        var indexed: [Int] = []
        var arrays: [NDArray] = []
        var viewAxis = 0
        for item in index {
            switch item {
            case .int(let position): basic.append(.int(position))
            case .slice(let start, let stop, let step):
                basic.append(.slice(start: start, stop: stop, step: step)); viewAxis += 1
            case .newAxis:
                basic.append(.newAxis); viewAxis += 1
            case .positions(let positions):
                basic.append(.all)
                indexed.append(viewAxis)
                arrays.append(positions)
                viewAxis += 1
            }
        }
        view = try array.subscripted(basic)
        indexedAxes = indexed
        let shapes = arrays.map(\.shape)
        guard let common = try? broadcastShapes(shapes) else {
            throw ArrayError.index("shape mismatch: indexing arrays could not be broadcast together with shapes " + shapes.map { formatCompactShape($0) + " " }.joined())
        }
        broadcastShape = common
        positions = try arrays.map { try $0.broadcast(to: common).contiguous() }
        remainingAxes = (0..<view.ndim).filter { !indexed.contains($0) }
        inPlace = zip(indexed, indexed.dropFirst()).allSatisfy { $1 == $0 + 1 }
    }

    /// Shape of the result with the indexed dimensions first.
    private var gatheredShape: [Int] { broadcastShape + remainingAxes.map { view.shape[$0] } }

    /// The permutation from the gathered layout to NumPy's result layout.
    private var resultOrder: [Int] {
        let count = broadcastShape.count
        guard inPlace, let first = indexedAxes.first, first > 0 else { return Array(0..<gatheredShape.count) }
        let before = Array(count..<(count + first))
        return before + Array(0..<count) + Array((count + first)..<gatheredShape.count)
    }

    /// Storage offset of each selected position in `view`.
    private func elementOffsets() -> [Int] {
        let count = broadcastShape.reduce(1, *)
        var offsets = [Int](repeating: view.offset, count: count)
        for (arrayIndex, axis) in indexedAxes.enumerated() {
            let stride = view.strides[axis]
            let source = positions[arrayIndex].basePointer(Int64.self)
            for index in 0..<count { offsets[index] += Int(source[index]) * stride }
        }
        withExtendedLifetime(positions) {}
        return offsets
    }

    /// The sub-array of `view` at one selected position.
    private func block(at offset: Int) -> NDArray {
        NDArray(storage: view.storage, dtype: view.dtype, shape: remainingAxes.map { view.shape[$0] },
                strides: remainingAxes.map { view.strides[$0] }, offset: offset)
    }

    func read() throws -> NDArray {
        let out = try NDArray(uninitializedShape: gatheredShape, dtype: view.dtype)
        let offsets = elementOffsets()
        if remainingAxes.isEmpty {
            switch view.dtype {
            case .float32: gatherElements(offsets, out, Float.self)
            case .float64: gatherElements(offsets, out, Double.self)
            case .int64: gatherElements(offsets, out, Int64.self)
            case .uint8: gatherElements(offsets, out, UInt8.self)
            case .bool: gatherElements(offsets, out, Bool.self)
            }
        } else {
            let blockSize = remainingAxes.reduce(1) { $0 * view.shape[$1] }
            if block(at: view.offset).isContiguous {
                // Whole contiguous rows (x[batch_indices]): one memcpy each.
                let itemSize = view.dtype.itemSize
                let source = view.storage.base, destination = out.storage.base
                withExtendedLifetime((view, out)) {
                    for (index, offset) in offsets.enumerated() {
                        (destination + index * blockSize * itemSize).copyMemory(from: source + offset * itemSize, byteCount: blockSize * itemSize)
                    }
                }
                let order = resultOrder
                return order == Array(order.indices) ? out : try out.transposed(order).contiguous()
            }
            for (index, offset) in offsets.enumerated() {
                var destination = out
                destination.shape = Array(gatheredShape.dropFirst(broadcastShape.count))
                destination.strides = contiguousStrides(destination.shape)
                destination.offset = index * blockSize
                try destination.assign(from: block(at: offset))
            }
        }
        let order = resultOrder
        return order == Array(order.indices) ? out : try out.transposed(order).contiguous()
    }

    private func gatherElements<T: ArrayElement>(_ offsets: [Int], _ out: NDArray, _: T.Type) {
        let source = view.storage.base.assumingMemoryBound(to: T.self)
        let destination = out.basePointer(T.self)
        for (index, offset) in offsets.enumerated() { destination[index] = source[offset] }
        withExtendedLifetime((view, out)) {}
    }

    func write(_ value: NDArray) throws {
        // The value broadcasts to the result's shape, then is laid out as gathered.
        let order = resultOrder
        let resultShape = order.map { gatheredShape[$0] }
        guard let broadcastValue = value.broadcastView(to: resultShape) else {
            if value.ndim == 1 && indexedAxes.count >= 1 && remainingAxes.isEmpty {
                throw ArrayError.value("NumPy boolean array indexing assignment cannot assign \(value.size) input values to the \(resultShape.reduce(1, *)) output values where the mask is true")
            }
            throw ArrayError.value("shape mismatch: value array of shape \(formatCompactShape(value.shape)) could not be broadcast to indexing result of shape \(formatCompactShape(resultShape))")
        }
        var inverse = [Int](repeating: 0, count: order.count)
        for (position, axis) in order.enumerated() { inverse[axis] = position }
        var gathered = try broadcastValue.transposed(inverse)
        if gathered.dtype != view.dtype { gathered = try gathered.astype(view.dtype) }
        if gathered.storage === view.storage { gathered = try gathered.copy() }
        let offsets = elementOffsets()
        if remainingAxes.isEmpty {
            let source = try gathered.contiguous()
            switch view.dtype {
            case .float32: scatterElements(offsets, source, Float.self)
            case .float64: scatterElements(offsets, source, Double.self)
            case .int64: scatterElements(offsets, source, Int64.self)
            case .uint8: scatterElements(offsets, source, UInt8.self)
            case .bool: scatterElements(offsets, source, Bool.self)
            }
            return
        }
        let flatValue = try gathered.reshaped([offsets.count] + Array(gatheredShape.dropFirst(broadcastShape.count)))
        for (index, offset) in offsets.enumerated() {
            try block(at: offset).assign(from: flatValue.element(at: index))
        }
    }

    private func scatterElements<T: ArrayElement>(_ offsets: [Int], _ value: NDArray, _: T.Type) {
        let destination = view.storage.base.assumingMemoryBound(to: T.self)
        let source = value.basePointer(T.self)
        for (index, offset) in offsets.enumerated() { destination[offset] = source[index] }
        withExtendedLifetime((view, value)) {}
    }
}
