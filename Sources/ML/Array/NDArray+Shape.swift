/// Reshaping, transposing and joining: the operations that change how elements are laid out
/// in dimensions. Views where NumPy gives views, copies where it must.
extension NDArray {
    /// `axis` made non-negative, or NumPy's `AxisError` when it is out of range.
    public static func normalizeAxis(_ axis: Int, ndim: Int) throws -> Int {
        guard axis >= -ndim && axis < ndim else { throw ArrayError.axis(axis, ndim: ndim) }
        return axis < 0 ? axis + ndim : axis
    }

    /// The shape with a single `-1` replaced by what makes the sizes match.
    func resolveShape(_ requested: [Int]) throws -> [Int] {
        var shape = requested
        let unknown = requested.indices.filter { requested[$0] == -1 }
        if unknown.count > 1 { throw ArrayError.value("can only specify one unknown dimension") }
        if requested.contains(where: { $0 < -1 }) { throw ArrayError.value("negative dimensions not allowed") }
        let known = try elementCount(requested.filter { $0 != -1 })
        if let position = unknown.first {
            guard known != 0, size % known == 0 else {
                throw ArrayError.value("cannot reshape array of size \(size) into shape \(formatCompactShape(requested, unknownAsNewAxis: true))")
            }
            shape[position] = size / known
        } else if known != size {
            throw ArrayError.value("cannot reshape array of size \(size) into shape \(formatCompactShape(requested, unknownAsNewAxis: true))")
        }
        return shape
    }

    /// The same elements in a new shape (`reshape`), one dimension may be `-1`. A view when the
    /// strides allow it (always for contiguous arrays), otherwise a copy.
    public func reshaped(_ requested: [Int]) throws -> NDArray {
        let newShape = try resolveShape(requested)
        if let newStrides = stridesForView(newShape) {
            return NDArray(storage: storage, dtype: dtype, shape: newShape, strides: newStrides, offset: offset)
        }
        return try copy().reshaped(newShape)
    }

    /// Strides that present this array's elements in C order with `newShape`, when that is
    /// possible without copying (NumPy's "attempt no-copy reshape").
    private func stridesForView(_ newShape: [Int]) -> [Int]? {
        if isContiguous { return contiguousStrides(newShape) }
        if size == 0 { return contiguousStrides(newShape) }
        let oldAxes = shape.indices.filter { shape[$0] != 1 }
        let oldShape = oldAxes.map { shape[$0] }, oldStrides = oldAxes.map { strides[$0] }
        var newStrides = [Int](repeating: 0, count: newShape.count)
        var oldIndex = 0, oldEnd = 1, newIndex = 0, newEnd = 1
        while newIndex < newShape.count && oldIndex < oldShape.count {
            var newProduct = newShape[newIndex], oldProduct = oldShape[oldIndex]
            while newProduct != oldProduct {
                if newProduct < oldProduct {
                    guard newEnd < newShape.count else { return nil }
                    newProduct *= newShape[newEnd]; newEnd += 1
                } else {
                    guard oldEnd < oldShape.count else { return nil }
                    oldProduct *= oldShape[oldEnd]; oldEnd += 1
                }
            }
            // The old dimensions being merged must be laid out contiguously among themselves.
            for axis in oldIndex..<(oldEnd - 1) where oldStrides[axis] != oldShape[axis + 1] * oldStrides[axis + 1] {
                return nil
            }
            newStrides[newEnd - 1] = oldStrides[oldEnd - 1]
            var axis = newEnd - 1
            while axis > newIndex {
                newStrides[axis - 1] = newStrides[axis] * newShape[axis]
                axis -= 1
            }
            newIndex = newEnd; newEnd += 1
            oldIndex = oldEnd; oldEnd += 1
        }
        let last = newIndex >= 1 ? newStrides[newIndex - 1] : 1
        for axis in newIndex..<newShape.count { newStrides[axis] = last }
        return newStrides
    }

    /// The dimensions permuted (`transpose`); without `axes`, reversed. Always a view.
    public func transposed(_ axes: [Int]? = nil) throws -> NDArray {
        let order: [Int]
        if let axes {
            guard axes.count == ndim else { throw ArrayError.value("axes don't match array") }
            order = try axes.map { try NDArray.normalizeAxis($0, ndim: ndim) }
            guard Set(order).count == ndim else { throw ArrayError.value("repeated axis in transpose") }
        } else {
            order = Array((0..<ndim).reversed())
        }
        return NDArray(storage: storage, dtype: dtype, shape: order.map { shape[$0] },
                       strides: order.map { strides[$0] }, offset: offset)
    }

    /// The transpose (`a.T`): dimensions reversed, as a view.
    public var T: NDArray {
        NDArray(storage: storage, dtype: dtype, shape: shape.reversed(), strides: strides.reversed(), offset: offset)
    }

    /// Two dimensions exchanged (`swapaxes`), as a view.
    public func swappingAxes(_ first: Int, _ second: Int) throws -> NDArray {
        var order = Array(0..<ndim)
        order.swapAt(try NDArray.normalizeAxis(first, ndim: ndim), try NDArray.normalizeAxis(second, ndim: ndim))
        return try transposed(order)
    }

    /// A 1-d copy (`flatten`).
    public func flattened() throws -> NDArray { try copy().reshaped([size]) }

    /// A 1-d view when possible, else a copy (`ravel`).
    public func raveled() throws -> NDArray { try reshaped([size]) }

    /// Dimensions of length one removed (`squeeze`): all of them, or those in `axes`.
    public func squeezed(axes: [Int]? = nil) throws -> NDArray {
        let drop: Set<Int>
        if let axes {
            drop = Set(try axes.map { try NDArray.normalizeAxis($0, ndim: ndim) })
            for axis in drop where shape[axis] != 1 {
                throw ArrayError.value("cannot select an axis to squeeze out which has size not equal to one")
            }
        } else {
            drop = Set(shape.indices.filter { shape[$0] == 1 })
        }
        let keep = shape.indices.filter { !drop.contains($0) }
        return NDArray(storage: storage, dtype: dtype, shape: keep.map { shape[$0] }, strides: keep.map { strides[$0] }, offset: offset)
    }

    /// A new dimension of length one at `axis` (`expand_dims`), as a view.
    public func expandingDimensions(at axis: Int) throws -> NDArray {
        let position = try NDArray.normalizeAxis(axis, ndim: ndim + 1)
        var newShape = shape, newStrides = strides
        newShape.insert(1, at: position)
        newStrides.insert(position < ndim ? strides[position] * shape[position] : 1, at: position)
        return NDArray(storage: storage, dtype: dtype, shape: newShape, strides: newStrides, offset: offset)
    }

    /// Arrays joined along an existing axis (`np.concatenate`). With `axis` nil the arrays are
    /// flattened first. The dtype is the promotion of all inputs.
    public static func concatenate(_ arrays: [NDArray], axis: Int? = 0) throws -> NDArray {
        guard let first = arrays.first else { throw ArrayError.value("need at least one array to concatenate") }
        guard let requestedAxis = axis else {
            return try concatenate(arrays.map { try $0.reshaped([-1]) }, axis: 0)
        }
        if first.ndim == 0 { throw ArrayError.value("zero-dimensional arrays cannot be concatenated") }
        let axis = try normalizeAxis(requestedAxis, ndim: first.ndim)
        var total = 0
        for (index, array) in arrays.enumerated() {
            guard array.ndim == first.ndim else {
                throw ArrayError.value("all the input arrays must have same number of dimensions, but the array at index 0 has \(first.ndim) dimension(s) and the array at index \(index) has \(array.ndim) dimension(s)")
            }
            for dimension in 0..<first.ndim where dimension != axis && array.shape[dimension] != first.shape[dimension] {
                throw ArrayError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension \(dimension), the array at index 0 has size \(first.shape[dimension]) and the array at index \(index) has size \(array.shape[dimension])")
            }
            total += array.shape[axis]
        }
        let dtype = arrays.dropFirst().reduce(first.dtype) { DType.promote($0, $1.dtype) }
        var shape = first.shape
        shape[axis] = total
        let result = try NDArray(uninitializedShape: shape, dtype: dtype)
        var start = 0
        for array in arrays {
            var part = result
            part.shape[axis] = array.shape[axis]
            part.offset = start * result.strides[axis]
            try part.assign(from: array)
            start += array.shape[axis]
        }
        return result
    }

    /// Arrays of one shape joined along a new axis (`np.stack`).
    public static func stack(_ arrays: [NDArray], axis: Int = 0) throws -> NDArray {
        guard let first = arrays.first else { throw ArrayError.value("need at least one array to stack") }
        guard arrays.allSatisfy({ $0.shape == first.shape }) else {
            throw ArrayError.value("all input arrays must have the same shape")
        }
        let position = try normalizeAxis(axis, ndim: first.ndim + 1)
        return try concatenate(arrays.map { try $0.expandingDimensions(at: position) }, axis: position)
    }

    /// Arrays stacked as rows (`np.vstack`): 1-d arrays become rows first.
    public static func vstack(_ arrays: [NDArray]) throws -> NDArray {
        try concatenate(arrays.map { $0.atLeast2D() }, axis: 0)
    }

    /// Arrays stacked as columns (`np.hstack`): along axis 1, or axis 0 for 1-d arrays.
    public static func hstack(_ arrays: [NDArray]) throws -> NDArray {
        let views = try arrays.map { $0.ndim == 0 ? try $0.reshaped([1]) : $0 }
        return try concatenate(views, axis: views.first?.ndim == 1 ? 0 : 1)
    }

    /// The array as at least two dimensional: a 1-d `(n,)` becomes `(1, n)`.
    public func atLeast2D() -> NDArray {
        switch ndim {
        case 0: NDArray(storage: storage, dtype: dtype, shape: [1, 1], strides: [1, 1], offset: offset)
        case 1: NDArray(storage: storage, dtype: dtype, shape: [1, shape[0]], strides: [shape[0] * strides[0], strides[0]], offset: offset)
        default: self
        }
    }
}
