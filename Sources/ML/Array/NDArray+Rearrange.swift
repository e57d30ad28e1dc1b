/// Moving elements around without changing them: padding, rolling, taking by position and
/// putting by flat position. Each is an index map along one axis, read with `subscripted`.
extension NDArray {
    /// How `pad` fills the new border.
    public enum PadMode: String, Sendable {
        case constant, edge, reflect, symmetric, wrap
    }

    /// `np.pad`: `widths[axis]` = (before, after) elements added along each axis.
    public func padded(_ widths: [(before: Int, after: Int)], mode: PadMode, constant: ScalarValue = .int(0)) throws -> NDArray {
        guard widths.count == ndim else { throw ArrayError.value("operands could not be broadcast together with remapped shapes") }
        guard widths.allSatisfy({ $0.before >= 0 && $0.after >= 0 }) else { throw ArrayError.value("index can't contain negative values") }
        var result = self, changed = false
        for (axis, width) in widths.enumerated() where width.before > 0 || width.after > 0 {
            changed = true
            let length = result.shape[axis]
            if mode == .constant {
                var before = result.shape, after = result.shape
                before[axis] = width.before
                after[axis] = width.after
                let fill = { (shape: [Int]) in try NDArray.full(shape, value: constant, dtype: self.dtype) }
                result = try NDArray.concatenate([fill(before), result, fill(after)], axis: axis)
                continue
            }
            guard length > 0 else { throw ArrayError.value("can't extend empty axis \(axis) using modes other than 'constant' or 'empty'") }
            if mode == .reflect && length == 1 {
                result = try result.padded(widths.enumerated().map { $0.offset == axis ? width : (0, 0) }, mode: .edge)
                continue
            }
            let positions = (-width.before..<(length + width.after)).map { Int64(Self.padSource($0, length: length, mode: mode)) }
            var index = [ArrayIndex](repeating: .all, count: ndim)
            index[axis] = .array(NDArray(positions))
            result = try result.subscripted(index)
        }
        return changed ? result : try copy()
    }

    /// The element of an axis of `length` that position `i` (possibly outside) copies.
    private static func padSource(_ i: Int, length: Int, mode: PadMode) -> Int {
        switch mode {
        case .constant, .edge: return Swift.min(Swift.max(i, 0), length - 1)
        case .wrap: return ((i % length) + length) % length
        case .reflect:
            let period = 2 * (length - 1)
            let folded = ((i % period) + period) % period
            return folded < length ? folded : period - folded
        case .symmetric:
            let period = 2 * length
            let folded = ((i % period) + period) % period
            return folded < length ? folded : period - 1 - folded
        }
    }

    /// `np.roll`: elements shifted along each axis (the flattened array when `axes` is nil),
    /// those pushed off one end coming back at the other.
    public func rolled(_ shifts: [Int], axes: [Int]?) throws -> NDArray {
        guard let axes else {
            guard let shift = shifts.first, shifts.count == 1 else { throw ArrayError.value("'shift' and 'axis' should be scalars or 1D sequences") }
            return try raveled().rolled([shift], axes: [0]).reshaped(shape)
        }
        var pairs = Array(zip(axes, shifts))
        if shifts.count == 1 && axes.count > 1 { pairs = axes.map { ($0, shifts[0]) } }
        if axes.count == 1 && shifts.count > 1 { pairs = shifts.map { (axes[0], $0) } }
        guard pairs.count == Swift.max(axes.count, shifts.count) else { throw ArrayError.value("shape mismatch: objects cannot be broadcast to a single shape.  Mismatch is between arg 0 with shape (\(shifts.count),) and arg 1 with shape (\(axes.count),).") }
        var total = [Int](repeating: 0, count: ndim)
        for (axis, shift) in pairs { total[try NDArray.normalizeAxis(axis, ndim: ndim)] += shift }
        var result = self, changed = false
        for (axis, shift) in total.enumerated() where shape[axis] > 0 && shift % shape[axis] != 0 {
            changed = true
            let length = shape[axis]
            let positions = (0..<length).map { Int64((($0 - shift) % length + length) % length) }
            var index = [ArrayIndex](repeating: .all, count: ndim)
            index[axis] = .array(NDArray(positions))
            result = try result.subscripted(index)
        }
        return changed ? result : try copy()
    }

    /// `np.take`: elements at `indices` along `axis` (of the flattened array when nil);
    /// `clip` and `wrap` bring out-of-range indices back in instead of raising.
    public func taking(_ indices: NDArray, axis: Int?, mode: String = "raise") throws -> NDArray {
        let source = axis == nil ? try raveled() : self
        let position = try NDArray.normalizeAxis(axis ?? 0, ndim: source.ndim)
        let length = source.shape[position]
        var positions = try indices.astype(.int64)
        if mode != "raise" {
            guard length > 0 else { throw ArrayError.index("cannot do a non-empty take from an empty axes.") }
            let values = try positions.scalars(as: Int64.self).map { value -> Int64 in
                let n = Int64(length)
                return mode == "wrap" ? ((value % n) + n) % n : Swift.min(Swift.max(value, 0), n - 1)
            }
            positions = try NDArray(values, shape: indices.shape)
        }
        var index = [ArrayIndex](repeating: .all, count: source.ndim)
        index[position] = .array(positions)
        return try source.subscripted(index)
    }

    /// `np.put`: writes `values` (repeated as needed) at flat positions, in place. The array
    /// must be contiguous so that flat positions are its own elements.
    public func put(_ indices: [Int], _ values: NDArray) throws {
        guard isContiguous else { throw ArrayError.value("put requires a contiguous array") }
        let flat = try reshaped([size])
        guard values.size > 0 || indices.isEmpty else { return }
        let source = try values.raveled().astype(dtype)
        for (i, position) in indices.enumerated() {
            guard position >= -size && position < size else {
                throw ArrayError.index("index \(position) is out of bounds for axis 0 with size \(size)")
            }
            try flat.assign(.array(source.subscripted([.int(i % source.size)])), at: [.int(position)])
        }
    }
}
