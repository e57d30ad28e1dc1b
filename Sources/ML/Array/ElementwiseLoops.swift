/// The row loops every elementwise kernel runs. The element rule comes in as a type (a
/// `BinaryKernel` or `UnaryKernel`), not a closure: generic specialisation then turns it into
/// a direct, inlined call, and the contiguous and broadcast-scalar loops vectorise.

/// An elementwise rule of two operands.
protocol BinaryKernel {
    associatedtype Left: ArrayElement
    associatedtype Right: ArrayElement
    associatedtype Output: ArrayElement
    static func apply(_ x: Left, _ y: Right) -> Output
}

/// An elementwise rule of one operand.
protocol UnaryKernel {
    associatedtype Input: ArrayElement
    associatedtype Output: ArrayElement
    static func apply(_ x: Input) -> Output
}

/// `out[i] = K(a[i], b[i])` over `out`'s shape; `a` and `b` are already broadcast to it.
func binaryLoop<K: BinaryKernel>(_: K.Type, _ a: NDArray, _ b: NDArray, _ out: NDArray) {
    // Contiguous operands (or broadcast scalars) need no loop plan: one row of `size`. This
    // is most calls, and skipping the plan's small arrays matters for small arrays.
    if out.isContiguous {
        let aWhole = a.isContiguous && a.shape == out.shape, bWhole = b.isContiguous && b.shape == out.shape
        let aScalar = !aWhole && a.isBroadcastScalar, bScalar = !bWhole && b.isBroadcastScalar
        if (aWhole || aScalar) && (bWhole || bScalar) {
            let o = out.basePointer(K.Output.self), x = a.basePointer(K.Left.self), y = b.basePointer(K.Right.self)
            let count = out.size
            withExtendedLifetime(a.storage) {
                withExtendedLifetime(b.storage) {
                    withExtendedLifetime(out.storage) {
                        if aWhole && bWhole {
                            for i in 0..<count { o[i] = K.apply(x[i], y[i]) }
                        } else if aWhole {
                            let v = y[0]
                            for i in 0..<count { o[i] = K.apply(x[i], v) }
                        } else if bWhole {
                            let v = x[0]
                            for i in 0..<count { o[i] = K.apply(v, y[i]) }
                        } else {
                            let v = K.apply(x[0], y[0])
                            for i in 0..<count { o[i] = v }
                        }
                    }
                }
            }
            return
        }
    }
    let plan = LoopPlan(shape: out.shape, out.strides, a.strides, b.strides)
    let outBase = out.basePointer(K.Output.self), aBase = a.basePointer(K.Left.self), bBase = b.basePointer(K.Right.self)
    let length = plan.rowLength
    let outStride = plan.rowStride(0), aStride = plan.rowStride(1), bStride = plan.rowStride(2)
    var cursor = RowCursor(plan)
    withExtendedLifetime((a, b, out)) {
        while cursor.next() {
            let o = outBase + cursor.offsets[0], x = aBase + cursor.offsets[1], y = bBase + cursor.offsets[2]
            if outStride == 1 && aStride == 1 && bStride == 1 {
                for i in 0..<length { o[i] = K.apply(x[i], y[i]) }
            } else if outStride == 1 && aStride == 1 && bStride == 0 {
                let v = y[0]
                for i in 0..<length { o[i] = K.apply(x[i], v) }
            } else if outStride == 1 && aStride == 0 && bStride == 1 {
                let v = x[0]
                for i in 0..<length { o[i] = K.apply(v, y[i]) }
            } else {
                for i in 0..<length { o[i * outStride] = K.apply(x[i * aStride], y[i * bStride]) }
            }
        }
    }
}

/// `out[i] = K(a[i])`; `a` has `out`'s shape.
func unaryLoop<K: UnaryKernel>(_: K.Type, _ a: NDArray, _ out: NDArray) {
    if out.isContiguous && a.isContiguous && a.shape == out.shape {
        let o = out.basePointer(K.Output.self), x = a.basePointer(K.Input.self)
        let count = out.size
        withExtendedLifetime(a.storage) {
            withExtendedLifetime(out.storage) {
                for i in 0..<count { o[i] = K.apply(x[i]) }
            }
        }
        return
    }
    let plan = LoopPlan(shape: out.shape, out.strides, a.strides)
    let outBase = out.basePointer(K.Output.self), aBase = a.basePointer(K.Input.self)
    let length = plan.rowLength
    let outStride = plan.rowStride(0), aStride = plan.rowStride(1)
    var cursor = RowCursor(plan)
    withExtendedLifetime((a, out)) {
        while cursor.next() {
            let o = outBase + cursor.offsets[0], x = aBase + cursor.offsets[1]
            if outStride == 1 && aStride == 1 {
                for i in 0..<length { o[i] = K.apply(x[i]) }
            } else {
                for i in 0..<length { o[i * outStride] = K.apply(x[i * aStride]) }
            }
        }
    }
}

/// Whether any element satisfies `K` (a predicate kernel), checked without writing.
func anyElement<K: UnaryKernel>(_: K.Type, _ a: NDArray) -> Bool where K.Output == Bool {
    let plan = LoopPlan(shape: a.shape, a.strides)
    let base = a.basePointer(K.Input.self)
    let length = plan.rowLength, step = plan.rowStride(0)
    var cursor = RowCursor(plan)
    var found = false
    withExtendedLifetime(a) {
        while cursor.next() && !found {
            let x = base + cursor.offsets[0]
            for i in 0..<length where K.apply(x[i * step]) { found = true }
        }
    }
    return found
}

extension NDArray {
    /// Whether every element is the same storage element (a 0-d array, or one broadcast with
    /// zero strides).
    var isBroadcastScalar: Bool {
        for axis in 0..<ndim where shape[axis] != 1 && strides[axis] != 0 { return false }
        return true
    }
}
