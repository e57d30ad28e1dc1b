/// Sorting, ranking and distinct values.
extension NDArray {
    /// A sorted copy along `axis` (`np.sort`); nil sorts the flattened array. NaN sorts last.
    public func sorted(axis: Int? = -1) throws -> NDArray {
        let (rows, position) = try rowsAlong(axis)
        let length = rows.shape.last ?? 0
        let count = length == 0 ? 0 : rows.size / length
        switch dtype {
        case .float32: rows.sortRows(count, length, Float.self)
        case .float64: rows.sortRows(count, length, Double.self)
        case .int64: rows.sortRows(count, length, Int64.self)
        case .uint8: rows.sortRows(count, length, UInt8.self)
        case .bool:
            let bytes = NDArray(storage: rows.storage, dtype: .uint8, shape: rows.shape, strides: rows.strides, offset: rows.offset)
            bytes.sortRows(count, length, UInt8.self)
        }
        return try rows.swappingAxes(position, -1).contiguous()
    }

    /// Indices that sort the array along `axis` (`np.argsort`), int64. Ties keep their order
    /// (a stable sort); NaN sorts last.
    public func argsorted(axis: Int? = -1) throws -> NDArray {
        let (rows, position) = try rowsAlong(axis)
        let length = rows.shape.last ?? 0
        let count = length == 0 ? 0 : rows.size / length
        let out = try NDArray(uninitializedShape: rows.shape, dtype: .int64)
        switch dtype {
        case .float32: rows.argsortRows(count, length, out, Float.self)
        case .float64: rows.argsortRows(count, length, out, Double.self)
        case .int64: rows.argsortRows(count, length, out, Int64.self)
        case .uint8: rows.argsortRows(count, length, out, UInt8.self)
        case .bool:
            let bytes = NDArray(storage: rows.storage, dtype: .uint8, shape: rows.shape, strides: rows.strides, offset: rows.offset)
            bytes.argsortRows(count, length, out, UInt8.self)
        }
        return try out.swappingAxes(position, -1).contiguous()
    }

    /// A contiguous copy with `axis` moved last (the flattened array for nil).
    private func rowsAlong(_ axis: Int?) throws -> (NDArray, Int) {
        guard let axis else { return (try flattened(), 0) }
        if ndim == 0 { throw ArrayError.axis(axis, ndim: 0) }
        let position = try NDArray.normalizeAxis(axis, ndim: ndim)
        return (try swappingAxes(position, -1).copy(), position)
    }

    private func sortRows<T: NumericElement>(_ count: Int, _ length: Int, _: T.Type) {
        let base = basePointer(T.self)
        for row in 0..<count {
            var values = UnsafeMutableBufferPointer(start: base + row * length, count: length)
            values.sort { ($0 < $1) || ($1 != $1 && $0 == $0) }
        }
        withExtendedLifetime(self) {}
    }

    private func argsortRows<T: NumericElement>(_ count: Int, _ length: Int, _ out: NDArray, _: T.Type) {
        let base = basePointer(T.self), results = out.basePointer(Int64.self)
        var order = [Int](repeating: 0, count: length)
        for row in 0..<count {
            let values = base + row * length
            for index in 0..<length { order[index] = index }
            order.sort { left, right in
                let a = values[left], b = values[right]
                if a < b { return true }
                if b < a { return false }
                let aNaN = a != a, bNaN = b != b
                if aNaN != bNaN { return bNaN }
                return left < right
            }
            for index in 0..<length { results[row * length + index] = Int64(order[index]) }
        }
        withExtendedLifetime((self, out)) {}
    }

    /// The sorted distinct values of the flattened array (`np.unique`), with the first index
    /// of each, the inverse mapping and the counts when asked. NaNs count as one value.
    public func unique() throws -> (values: NDArray, firstIndices: NDArray, inverse: NDArray, counts: NDArray) {
        let flat = try flattened()
        let order = try flat.argsorted(axis: 0).scalars(as: Int64.self)
        let sortedValues = try flat.subscripted([.array(NDArray(order))])
        let equalNext: [Bool]
        switch dtype {
        case .float32: equalNext = try sortedValues.neighbourEquality(Float.self)
        case .float64: equalNext = try sortedValues.neighbourEquality(Double.self)
        case .int64: equalNext = try sortedValues.neighbourEquality(Int64.self)
        case .uint8: equalNext = try sortedValues.neighbourEquality(UInt8.self)
        case .bool: equalNext = try sortedValues.astype(.uint8).neighbourEquality(UInt8.self)
        }
        var starts: [Int64] = [], counts: [Int64] = [], firsts: [Int64] = []
        var inverse = [Int64](repeating: 0, count: order.count)
        for index in 0..<order.count {
            if index == 0 || !equalNext[index - 1] {
                starts.append(Int64(index))
                counts.append(0)
                firsts.append(order[index])
            }
            counts[counts.count - 1] += 1
            inverse[Int(order[index])] = Int64(starts.count - 1)
        }
        let values = try sortedValues.subscripted([.array(NDArray(starts))])
        return (values, NDArray(firsts), try NDArray(inverse, shape: shape.isEmpty ? [1] : [order.count]), NDArray(counts))
    }

    /// For a 1-d array: whether each element equals the next (NaN equal to NaN).
    private func neighbourEquality<T: NumericElement>(_: T.Type) throws -> [Bool] {
        let values = try scalars(as: T.self)
        guard values.count > 1 else { return [] }
        return (0..<(values.count - 1)).map { index in
            let a = values[index], b = values[index + 1]
            return a == b || (a != a && b != b)
        }
    }

    /// Positions where `values` would be inserted into this sorted 1-d array to keep it sorted
    /// (`np.searchsorted`): before equal elements (`side` left) or after them (right).
    public func searchSorted(_ values: NDArray, right: Bool = false) throws -> NDArray {
        guard ndim == 1 else { throw ArrayError.value("object too deep for desired array") }
        let haystack = try astype(.float64).scalars(as: Double.self)
        let needles = try values.astype(.float64).contiguous()
        let out = try NDArray(uninitializedShape: values.shape, dtype: .int64)
        let source = needles.basePointer(Double.self), results = out.basePointer(Int64.self)
        for index in 0..<values.size {
            let needle = source[index]
            var low = 0, high = haystack.count
            while low < high {
                let middle = (low + high) / 2
                let goesRight = right ? !(needle < haystack[middle]) : haystack[middle] < needle
                if goesRight { low = middle + 1 } else { high = middle }
            }
            results[index] = Int64(low)
        }
        withExtendedLifetime((needles, out)) {}
        return out
    }
}
