/// The row loops every elementwise kernel runs. Each is `@inline(__always)` so the element
/// closure is inlined into a loop specialised for its element types; contiguous rows and rows
/// against a broadcast scalar get plain indexed loops the compiler vectorises.

/// `out[i] = op(a[i], b[i])` over `out`'s shape; `a` and `b` are already broadcast to it.
@inline(__always)
func binaryLoop<A, B, R>(_ a: NDArray, _ b: NDArray, _ out: NDArray, _ op: (A, B) -> R) {
    let plan = LoopPlan(shape: out.shape, strides: [out.strides, a.strides, b.strides])
    let outBase = out.basePointer(R.self), aBase = a.basePointer(A.self), bBase = b.basePointer(B.self)
    let length = plan.rowLength
    let outStride = plan.rowStride(0), aStride = plan.rowStride(1), bStride = plan.rowStride(2)
    withExtendedLifetime((a, b, out)) {
        plan.forEachRow { outOffset, aOffset, bOffset in
            let o = outBase + outOffset, x = aBase + aOffset, y = bBase + bOffset
            if outStride == 1 && aStride == 1 && bStride == 1 {
                for i in 0..<length { o[i] = op(x[i], y[i]) }
            } else if outStride == 1 && aStride == 1 && bStride == 0 {
                let v = y[0]
                for i in 0..<length { o[i] = op(x[i], v) }
            } else if outStride == 1 && aStride == 0 && bStride == 1 {
                let v = x[0]
                for i in 0..<length { o[i] = op(v, y[i]) }
            } else {
                for i in 0..<length { o[i * outStride] = op(x[i * aStride], y[i * bStride]) }
            }
        }
    }
}

/// `out[i] = op(a[i])`; `a` has `out`'s shape.
@inline(__always)
func unaryLoop<A, R>(_ a: NDArray, _ out: NDArray, _ op: (A) -> R) {
    let plan = LoopPlan(shape: out.shape, strides: [out.strides, a.strides])
    let outBase = out.basePointer(R.self), aBase = a.basePointer(A.self)
    let length = plan.rowLength
    let outStride = plan.rowStride(0), aStride = plan.rowStride(1)
    withExtendedLifetime((a, out)) {
        plan.forEachRow { outOffset, aOffset in
            let o = outBase + outOffset, x = aBase + aOffset
            if outStride == 1 && aStride == 1 {
                for i in 0..<length { o[i] = op(x[i]) }
            } else {
                for i in 0..<length { o[i * outStride] = op(x[i * aStride]) }
            }
        }
    }
}

/// `op(a[i])` for every element, in C order, without writing (for checks such as "any negative").
@inline(__always)
func forEachElement<A>(_ a: NDArray, _ body: (A) -> Void) {
    let plan = LoopPlan(shape: a.shape, strides: [a.strides])
    let base = a.basePointer(A.self)
    let length = plan.rowLength, step = plan.rowStride(0)
    withExtendedLifetime(a) {
        plan.forEachRow { offset in
            let x = base + offset
            for i in 0..<length { body(x[i * step]) }
        }
    }
}
