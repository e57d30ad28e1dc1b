/// The iteration space of an elementwise operation over up to three operands that share one
/// (broadcast) shape, each with its own strides.
///
/// Dimensions of length one are dropped and neighbouring dimensions that are contiguous for
/// every operand are merged, so a contiguous operation becomes a single long row, and a
/// broadcast one (a `(60000, 784)` array minus a `(784,)` row) becomes rows of 784. Work is
/// handed out a row at a time; kernels specialise the row loop for unit and zero strides so
/// the compiler vectorises it.
struct LoopPlan {
    /// Lengths of the merged dimensions; the last one is the row.
    private(set) var shape: [Int]
    /// Strides of the merged dimensions, operand after operand (`operands * shape.count`).
    /// Flat, because nested `[[Int]]` costs a runtime metadata lookup per allocation, which
    /// shows on small arrays.
    private(set) var flatStrides: [Int]
    let operands: Int

    init(shape: [Int], _ first: [Int]) {
        self.init(shape: shape, operands: 1) { operand, axis in first[axis] }
    }

    init(shape: [Int], _ first: [Int], _ second: [Int]) {
        self.init(shape: shape, operands: 2) { operand, axis in operand == 0 ? first[axis] : second[axis] }
    }

    init(shape: [Int], _ first: [Int], _ second: [Int], _ third: [Int]) {
        self.init(shape: shape, operands: 3) { operand, axis in
            operand == 0 ? first[axis] : operand == 1 ? second[axis] : third[axis]
        }
    }

    private init(shape: [Int], operands: Int, stride strideOf: (Int, Int) -> Int) {
        self.operands = operands
        // Walk from the innermost dimension outwards, merging each into the one inside it
        // when, for every operand, stepping the outer dimension equals a full inner row.
        // Built innermost first, reversed at the end.
        var mergedShape: [Int] = []
        mergedShape.reserveCapacity(shape.count)
        var merged = [Int](repeating: 0, count: operands * Swift.max(shape.count, 1))
        var count = 0
        for axis in Swift.stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] != 1 {
            if count > 0 {
                let inner = count - 1
                var mergeable = true
                for operand in 0..<operands where strideOf(operand, axis) != merged[operand * shape.count + inner] * mergedShape[inner] {
                    mergeable = false
                    break
                }
                if mergeable {
                    mergedShape[inner] *= shape[axis]
                    continue
                }
            }
            mergedShape.append(shape[axis])
            for operand in 0..<operands { merged[operand * shape.count + count] = strideOf(operand, axis) }
            count += 1
        }
        if count == 0 {
            self.shape = [1]
            self.flatStrides = [Int](repeating: 0, count: operands)
            return
        }
        self.shape = mergedShape.reversed()
        var flat = [Int](repeating: 0, count: operands * count)
        for operand in 0..<operands {
            for position in 0..<count {
                flat[operand * count + (count - 1 - position)] = merged[operand * shape.count + position]
            }
        }
        self.flatStrides = flat
    }

    /// Stride of `operand` along merged dimension `axis`.
    @inline(__always)
    func stride(_ operand: Int, _ axis: Int) -> Int { flatStrides[operand * shape.count + axis] }

    /// Elements per row.
    var rowLength: Int { shape[shape.count - 1] }
    /// Stride along the row, per operand.
    func rowStride(_ operand: Int) -> Int { stride(operand, shape.count - 1) }
    /// Total elements.
    var count: Int { shape.reduce(1, *) }

    /// Calls `body(offset0)` with the first element offset of each row, for one operand.
    /// (Not for hot loops: the body is a closure call per row.)
    func forEachRow(_ body: (Int) -> Void) {
        var cursor = RowCursor(self)
        while cursor.next() { body(cursor.offsets[0]) }
    }

    /// Calls `body(offset0, offset1)` for two operands.
    func forEachRow(_ body: (Int, Int) -> Void) {
        var cursor = RowCursor(self)
        while cursor.next() { body(cursor.offsets[0], cursor.offsets[1]) }
    }

    /// Calls `body(offset0, offset1, offset2)` for three operands.
    func forEachRow(_ body: (Int, Int, Int) -> Void) {
        var cursor = RowCursor(self)
        while cursor.next() { body(cursor.offsets[0], cursor.offsets[1], cursor.offsets[2]) }
    }
}

/// Walks the rows of a `LoopPlan` in C order, keeping one running element offset per operand
/// (odometer style). A plain struct rather than a closure-taking function so that kernels keep
/// their row loop in their own body, where the compiler can inline and vectorise it.
struct RowCursor {
    private let plan: LoopPlan
    private var counters: [Int]
    /// Element offset of the current row's first element, per operand.
    private(set) var offsets: [Int]
    private var started = false

    init(_ plan: LoopPlan) {
        self.plan = plan
        counters = [Int](repeating: 0, count: plan.shape.count)
        offsets = [Int](repeating: 0, count: plan.operands)
    }

    /// Moves to the next row; false when all rows have been visited.
    mutating func next() -> Bool {
        if !started {
            started = true
            return plan.count > 0
        }
        var axis = plan.shape.count - 2
        while axis >= 0 {
            counters[axis] += 1
            if counters[axis] < plan.shape[axis] {
                for operand in 0..<plan.operands { offsets[operand] += plan.stride(operand, axis) }
                return true
            }
            counters[axis] = 0
            for operand in 0..<plan.operands { offsets[operand] -= plan.stride(operand, axis) * (plan.shape[axis] - 1) }
            axis -= 1
        }
        return false
    }
}

// MARK: - Broadcasting

/// The shape NumPy broadcasts `shapes` to, or the error naming them all.
public func broadcastShapes(_ shapes: [[Int]]) throws -> [Int] {
    let ndim = shapes.map(\.count).max() ?? 0
    var result = [Int](repeating: 1, count: ndim)
    for shape in shapes {
        let pad = ndim - shape.count
        for (axis, length) in shape.enumerated() {
            let current = result[pad + axis]
            if current == length || length == 1 { continue }
            if current == 1 { result[pad + axis] = length; continue }
            throw ArrayError.broadcast(shapes)
        }
    }
    return result
}

extension NDArray {
    /// A read-only-in-spirit view of this array broadcast to `target` (zero strides along the
    /// stretched dimensions), or `nil` when the shapes are incompatible.
    func broadcastView(to target: [Int]) -> NDArray? {
        if shape == target { return self }
        guard target.count >= ndim else { return nil }
        let pad = target.count - ndim
        var newStrides = [Int](repeating: 0, count: target.count)
        for axis in 0..<ndim {
            if shape[axis] == target[pad + axis] {
                newStrides[pad + axis] = strides[axis]
            } else if shape[axis] != 1 {
                return nil
            }
        }
        return NDArray(storage: storage, dtype: dtype, shape: target, strides: newStrides, offset: offset)
    }

    /// This array broadcast to `shape` (`np.broadcast_to`), as a view.
    public func broadcast(to target: [Int]) throws -> NDArray {
        guard let view = broadcastView(to: target) else {
            throw ArrayError.value("operands could not be broadcast together with remapped shapes [original->remapped]: \(formatCompactShape(shape))  and requested shape \(formatCompactShape(target))")
        }
        return view
    }
}
