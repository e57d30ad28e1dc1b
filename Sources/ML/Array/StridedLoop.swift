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
    /// Per operand, strides of the merged dimensions.
    private(set) var strides: [[Int]]

    init(shape: [Int], strides operandStrides: [[Int]]) {
        var mergedShape: [Int] = []
        var mergedStrides: [[Int]] = Array(repeating: [], count: operandStrides.count)
        // Walk from the innermost dimension outwards, merging each into the one inside it
        // when, for every operand, stepping the outer dimension equals a full inner row.
        for axis in stride(from: shape.count - 1, through: 0, by: -1) where shape[axis] != 1 {
            if let innerLength = mergedShape.first,
               operandStrides.indices.allSatisfy({ operandStrides[$0][axis] == mergedStrides[$0][0] * innerLength }) {
                mergedShape[0] *= shape[axis]
                continue
            }
            mergedShape.insert(shape[axis], at: 0)
            for operand in operandStrides.indices {
                mergedStrides[operand].insert(operandStrides[operand][axis], at: 0)
            }
        }
        if mergedShape.isEmpty {
            mergedShape = [1]
            for operand in operandStrides.indices { mergedStrides[operand] = [0] }
        }
        self.shape = mergedShape
        self.strides = mergedStrides
    }

    /// Elements per row.
    var rowLength: Int { shape[shape.count - 1] }
    /// Stride along the row, per operand.
    func rowStride(_ operand: Int) -> Int { strides[operand][shape.count - 1] }
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
    private let shape: [Int]
    private let strides: [[Int]]
    private var counters: [Int]
    /// Element offset of the current row's first element, per operand.
    private(set) var offsets: [Int]
    private var started = false
    private let empty: Bool

    init(_ plan: LoopPlan) {
        shape = plan.shape
        strides = plan.strides
        counters = [Int](repeating: 0, count: plan.shape.count)
        offsets = [Int](repeating: 0, count: plan.strides.count)
        empty = plan.count == 0
    }

    /// Moves to the next row; false when all rows have been visited.
    mutating func next() -> Bool {
        if empty { return false }
        if !started {
            started = true
            return true
        }
        var axis = shape.count - 2
        while axis >= 0 {
            counters[axis] += 1
            if counters[axis] < shape[axis] {
                for operand in offsets.indices { offsets[operand] += strides[operand][axis] }
                return true
            }
            counters[axis] = 0
            for operand in offsets.indices { offsets[operand] -= strides[operand][axis] * (shape[axis] - 1) }
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
            throw ArrayError.value("operands could not be broadcast together with remapped shapes [original->remapped]: \(formatShape(shape))  and requested shape \(formatShape(target))")
        }
        return view
    }
}
