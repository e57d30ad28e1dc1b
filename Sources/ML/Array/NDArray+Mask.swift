/// The common case of boolean indexing, a mask of the array's own shape (`a[a < 0]`,
/// `a[a < 0] = 0`), done in one pass over array and mask instead of through the positions of
/// the true elements.
extension NDArray {
    /// Whether `index` is a single mask with this array's shape.
    func isFullMask(_ index: [ArrayIndex]) -> NDArray? {
        guard index.count == 1, case .array(let mask) = index[0], mask.dtype == .bool, mask.shape == shape, ndim > 0 else {
            return nil
        }
        return mask
    }

    /// The elements where `mask` is true, in C order, as a new 1-d array.
    func maskedElements(_ mask: NDArray) throws -> NDArray {
        let count = try mask.countNonzero().scalars(as: Int64.self)[0]
        let out = try NDArray(uninitializedShape: [Int(count)], dtype: dtype)
        switch dtype {
        case .float32: gatherMasked(mask, out, Float.self)
        case .float64: gatherMasked(mask, out, Double.self)
        case .int64: gatherMasked(mask, out, Int64.self)
        case .uint8: gatherMasked(mask, out, UInt8.self)
        case .bool: gatherMasked(mask, out, Bool.self)
        }
        return out
    }

    private func gatherMasked<T: ArrayElement>(_ mask: NDArray, _ out: NDArray, _: T.Type) {
        let plan = LoopPlan(shape: shape, strides, mask.strides)
        let base = basePointer(T.self), flags = mask.basePointer(Bool.self), destination = out.basePointer(T.self)
        let length = plan.rowLength, step = plan.rowStride(0), maskStep = plan.rowStride(1)
        var cursor = RowCursor(plan)
        var written = 0
        withExtendedLifetime((self, mask, out)) {
            while cursor.next() {
                let values = base + cursor.offsets[0], selected = flags + cursor.offsets[1]
                for index in 0..<length where selected[index * maskStep] {
                    destination[written] = values[index * step]
                    written += 1
                }
            }
        }
    }

    /// Writes `source` (one value, or one per true element) where `mask` is true.
    func assignMasked(_ mask: NDArray, _ source: NDArray) throws {
        let count = Int(try mask.countNonzero().scalars(as: Int64.self)[0])
        let values: NDArray
        if source.size == 1 {
            values = try source.reshaped([1]).astype(dtype)
        } else if source.ndim == 1 && source.size == count {
            values = try source.astype(dtype)
        } else if source.ndim <= 1 {
            throw ArrayError.value("NumPy boolean array indexing assignment cannot assign \(source.size) input values to the \(count) output values where the mask is true")
        } else {
            throw ArrayError.value("shape mismatch: value array of shape \(formatCompactShape(source.shape)) could not be broadcast to indexing result of shape \(formatCompactShape([count]))")
        }
        switch dtype {
        case .float32: scatterMasked(mask, values, Float.self)
        case .float64: scatterMasked(mask, values, Double.self)
        case .int64: scatterMasked(mask, values, Int64.self)
        case .uint8: scatterMasked(mask, values, UInt8.self)
        case .bool: scatterMasked(mask, values, Bool.self)
        }
    }

    private func scatterMasked<T: ArrayElement>(_ mask: NDArray, _ values: NDArray, _: T.Type) {
        let plan = LoopPlan(shape: shape, strides, mask.strides)
        let base = basePointer(T.self), flags = mask.basePointer(Bool.self), source = values.basePointer(T.self)
        let length = plan.rowLength, step = plan.rowStride(0), maskStep = plan.rowStride(1)
        let single = values.size == 1
        var cursor = RowCursor(plan)
        var read = 0
        withExtendedLifetime((self, mask, values)) {
            if single {
                let value = source[0]
                while cursor.next() {
                    let target = base + cursor.offsets[0], selected = flags + cursor.offsets[1]
                    for index in 0..<length {
                        // A select rather than a branch: the loop then vectorises.
                        let position = index * step
                        target[position] = selected[index * maskStep] ? value : target[position]
                    }
                }
                return
            }
            while cursor.next() {
                let target = base + cursor.offsets[0], selected = flags + cursor.offsets[1]
                for index in 0..<length where selected[index * maskStep] {
                    target[index * step] = source[read]
                    read += 1
                }
            }
        }
    }
}
