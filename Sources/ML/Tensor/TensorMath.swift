/// Forward computations on tensors with NumPy's broadcasting, used by the differentiable
/// operations (`tf.add`, `tf.reduce_sum`, `tf.matmul`, …). These allocate their results;
/// the training loop does not use them.
public enum TensorMath {
    // MARK: Elementwise

    /// `f` applied to every element.
    public static func map(_ x: Tensor, _ f: (Float) -> Float) -> Tensor {
        let result = Tensor(uninitializedShape: x.shape)
        for i in 0..<x.count { result.storage[i] = f(x.storage[i]) }
        return result
    }

    /// `f` applied to broadcast pairs of elements.
    /// - Throws: `TensorError.incompatibleShapes` naming both shapes.
    public static func zip(_ a: Tensor, _ b: Tensor, operation: String, _ f: (Float, Float) -> Float) throws -> Tensor {
        if a.shape == b.shape {
            let result = Tensor(uninitializedShape: a.shape)
            for i in 0..<a.count { result.storage[i] = f(a.storage[i], b.storage[i]) }
            return result
        }
        guard let shape = Shape.broadcast(a.shape, b.shape) else {
            throw TensorError.incompatibleShapes(a.shape, b.shape, operation: operation)
        }
        let result = Tensor(uninitializedShape: shape)
        if b.count == 1 {
            let y = b.storage[0]
            for i in 0..<a.count { result.storage[i] = f(a.storage[i], y) }
            return result
        }
        if a.count == 1 {
            let x = a.storage[0]
            for i in 0..<b.count { result.storage[i] = f(x, b.storage[i]) }
            return result
        }
        let stridesA = Shape.broadcastStrides(a.shape, to: shape), stridesB = Shape.broadcastStrides(b.shape, to: shape)
        forEachIndex(shape, stridesA, stridesB) { i, ia, ib in result.storage[i] = f(a.storage[ia], b.storage[ib]) }
        return result
    }

    /// Visits every position of `shape` in row-major order with its offsets under two sets
    /// of strides.
    static func forEachIndex(_ shape: [Int], _ s1: [Int], _ s2: [Int], _ body: (Int, Int, Int) -> Void) {
        let count = shape.reduce(1, *)
        guard count > 0 else { return }
        let rank = shape.count
        if rank == 0 { body(0, 0, 0); return }
        var index = [Int](repeating: 0, count: rank)
        var o1 = 0, o2 = 0
        for flat in 0..<count {
            body(flat, o1, o2)
            var axis = rank - 1
            while axis >= 0 {
                index[axis] += 1
                o1 += s1[axis]
                o2 += s2[axis]
                if index[axis] < shape[axis] { break }
                o1 -= s1[axis] * shape[axis]
                o2 -= s2[axis] * shape[axis]
                index[axis] = 0
                axis -= 1
            }
        }
    }

    // MARK: Reductions

    /// The axes `axes` names (all when nil), non-negative and sorted.
    static func reductionAxes(_ axes: [Int]?, rank: Int) throws -> [Int] {
        guard let axes else { return Array(0..<rank) }
        return try Set(axes.map { try Shape.normalize(axis: $0, rank: rank) }).sorted()
    }

    /// Sum over `axes` (all when nil), keeping reduced axes as 1 when `keepDims`.
    public static func sum(_ x: Tensor, axes: [Int]?, keepDims: Bool) throws -> Tensor {
        try reduce(x, axes: axes, keepDims: keepDims, initial: 0) { $0 + $1 }
    }

    /// Mean over `axes` (all when nil).
    public static func mean(_ x: Tensor, axes: [Int]?, keepDims: Bool) throws -> Tensor {
        let reduced = try reductionAxes(axes, rank: x.rank)
        let n = reduced.reduce(1) { $0 * x.shape[$1] }
        let total = try sum(x, axes: axes, keepDims: keepDims)
        let scale = 1 / Float(Swift.max(n, 1))
        for i in 0..<total.count { total.storage[i] *= scale }
        if n == 0 { for i in 0..<total.count { total.storage[i] = .nan } }
        return total
    }

    /// Maximum over `axes` (all when nil).
    public static func max(_ x: Tensor, axes: [Int]?, keepDims: Bool) throws -> Tensor {
        try reduce(x, axes: axes, keepDims: keepDims, initial: -.infinity) { $0 > $1 || $0.isNaN ? $0 : $1 }
    }

    /// Minimum over `axes` (all when nil).
    public static func min(_ x: Tensor, axes: [Int]?, keepDims: Bool) throws -> Tensor {
        try reduce(x, axes: axes, keepDims: keepDims, initial: .infinity) { $0 < $1 || $0.isNaN ? $0 : $1 }
    }

    static func reducedShape(_ shape: [Int], axes: [Int], keepDims: Bool) -> [Int] {
        var result: [Int] = []
        for (axis, extent) in shape.enumerated() {
            if axes.contains(axis) { if keepDims { result.append(1) } } else { result.append(extent) }
        }
        return result
    }

    private static func reduce(_ x: Tensor, axes: [Int]?, keepDims: Bool, initial: Float, _ combine: (Float, Float) -> Float) throws -> Tensor {
        let reduced = try reductionAxes(axes, rank: x.rank)
        let outShape = reducedShape(x.shape, axes: reduced, keepDims: keepDims)
        let result = Tensor(uninitializedShape: outShape)
        result.storage.initialize(repeating: initial, count: result.count)
        // Output strides laid over the input's axes, zero on reduced axes.
        let keptShape = reducedShape(x.shape, axes: reduced, keepDims: true)
        let outStrides = Shape.broadcastStrides(keptShape, to: x.shape)
        let unit = [Int](repeating: 1, count: x.rank)
        forEachIndex(x.shape, outStrides, unit) { flat, o, _ in
            result.storage[o] = combine(result.storage[o], x.storage[flat])
        }
        return result
    }

    /// `gradient` (of the reduced shape) spread back over `shape`: each element receives the
    /// value of the position it was reduced into.
    static func broadcast(_ gradient: Tensor, reducedFrom shape: [Int], axes: [Int]) -> Tensor {
        let keptShape = reducedShape(shape, axes: axes, keepDims: true)
        let strides = Shape.broadcastStrides(keptShape, to: shape)
        let result = Tensor(uninitializedShape: shape)
        let unit = [Int](repeating: 1, count: shape.count)
        forEachIndex(shape, strides, unit) { flat, o, _ in result.storage[flat] = gradient.storage[o] }
        return result
    }

    /// `gradient` of a broadcast result summed back down to `shape` (the gradient of the
    /// broadcasting itself).
    static func sumToShape(_ gradient: Tensor, _ shape: [Int]) -> Tensor {
        if gradient.shape == shape { return gradient }
        let result = Tensor(uninitializedShape: shape)
        result.storage.initialize(repeating: 0, count: result.count)
        let strides = Shape.broadcastStrides(shape, to: gradient.shape)
        let unit = [Int](repeating: 1, count: gradient.rank)
        forEachIndex(gradient.shape, strides, unit) { flat, o, _ in result.storage[o] += gradient.storage[flat] }
        return result
    }

    // MARK: Linear algebra

    /// Matrix product with NumPy's `matmul` rules: 1-D operands are promoted to a row or
    /// column and the added axis removed; above two dimensions the leading axes are batch
    /// axes (equal, or one of them absent).
    /// - Throws: `TensorError.incompatibleShapes` when the inner dimensions differ.
    public static func matmul(_ a: Tensor, _ b: Tensor, transposeA: Bool = false, transposeB: Bool = false) throws -> Tensor {
        guard a.rank >= 1, b.rank >= 1 else {
            throw TensorError.invalidArgument("matmul: both operands need at least one dimension; got shapes \(Shape.text(a.shape)) and \(Shape.text(b.shape))")
        }
        let aShape = a.rank == 1 ? [1, a.shape[0]] : a.shape
        let bShape = b.rank == 1 ? [b.shape[0], 1] : b.shape
        let (am, ak) = transposeA ? (aShape[aShape.count - 1], aShape[aShape.count - 2]) : (aShape[aShape.count - 2], aShape[aShape.count - 1])
        let (bk, bn) = transposeB ? (bShape[bShape.count - 1], bShape[bShape.count - 2]) : (bShape[bShape.count - 2], bShape[bShape.count - 1])
        guard ak == bk else { throw TensorError.incompatibleShapes(a.shape, b.shape, operation: "matmul") }
        let aBatch = Array(aShape.dropLast(2)), bBatch = Array(bShape.dropLast(2))
        guard aBatch.isEmpty || bBatch.isEmpty || aBatch == bBatch else {
            throw TensorError.incompatibleShapes(a.shape, b.shape, operation: "matmul")
        }
        let batchShape = aBatch.isEmpty ? bBatch : aBatch
        let batches = batchShape.reduce(1, *)
        var outShape = batchShape + [am, bn]
        let result = Tensor(uninitializedShape: outShape)
        for i in 0..<batches {
            let pa = a.storage + (aBatch.isEmpty ? 0 : i * am * ak)
            let pb = b.storage + (bBatch.isEmpty ? 0 : i * ak * bn)
            BLAS.gemm(transposeA: transposeA, transposeB: transposeB, m: am, n: bn, k: ak,
                      a: pa, lda: aShape[aShape.count - 1], b: pb, ldb: bShape[bShape.count - 1],
                      c: result.storage + i * am * bn, ldc: bn)
        }
        if a.rank == 1 { outShape.remove(at: outShape.count - 2) }
        if b.rank == 1 { outShape.removeLast() }
        return outShape == result.shape ? result : Tensor(borrowingResultOf: result, shape: outShape)
    }

    /// The transpose of a tensor (axes reversed, or permuted by `permutation`).
    public static func transpose(_ x: Tensor, permutation: [Int]? = nil) throws -> Tensor {
        let perm = permutation ?? Array((0..<x.rank).reversed())
        guard perm.count == x.rank, Set(perm) == Set(0..<x.rank) else {
            throw TensorError.invalidArgument("transpose: permutation \(perm) does not match a tensor of rank \(x.rank)")
        }
        let outShape = perm.map { x.shape[$0] }
        var inStrides = [Int](repeating: 1, count: x.rank)
        for axis in stride(from: x.rank - 2, through: 0, by: -1) { inStrides[axis] = inStrides[axis + 1] * x.shape[axis + 1] }
        let permutedStrides = perm.map { inStrides[$0] }
        let result = Tensor(uninitializedShape: outShape)
        let unit = [Int](repeating: 1, count: x.rank)
        forEachIndex(outShape, permutedStrides, unit) { flat, i, _ in result.storage[flat] = x.storage[i] }
        return result
    }
}

extension Tensor {
    /// The same elements as `other` under a shape of equal count, taking over its storage
    /// by copy (tensors never alias).
    convenience init(borrowingResultOf other: Tensor, shape: [Int]) {
        self.init(copying: other.storage, shape: shape)
    }
}
