import COpenBLAS

/// Matrix products: `np.matmul` / `@` and `np.dot`, float32 and float64 through OpenBLAS's
/// gemm (transposed and row-sliced operands are passed as they are, without copying),
/// integers and bools through a plain loop.
extension NDArray {
    /// `a @ b` with NumPy's rules: 1-d operands act as a row or column vector (and that
    /// dimension is dropped from the result); leading dimensions broadcast as a batch.
    public static func matmul(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        let signature = "(n?,k),(k,m?)->(n?,m?)"
        for (operand, array) in [(0, a), (1, b)] where array.ndim == 0 {
            throw ArrayError.value("matmul: Input operand \(operand) does not have enough dimensions (has 0, gufunc core with signature \(signature) requires 1)")
        }
        let left = a.ndim == 1 ? try a.reshaped([1, a.shape[0]]) : a
        let right = b.ndim == 1 ? try b.reshaped([b.shape[0], 1]) : b
        let k = left.shape[left.ndim - 1]
        guard right.shape[right.ndim - 2] == k else {
            throw ArrayError.value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature \(signature) (size \(right.shape[right.ndim - 2]) is different from \(k))")
        }
        let m = left.shape[left.ndim - 2], n = right.shape[right.ndim - 1]
        let batch = try broadcastShapes([Array(left.shape.dropLast(2)), Array(right.shape.dropLast(2))])
        let dtype = DType.promote(a.dtype, b.dtype)
        let out = try NDArray(uninitializedShape: batch + [m, n], dtype: dtype)
        let leftCast = left.dtype == dtype ? left : try left.astype(dtype)
        let rightCast = right.dtype == dtype ? right : try right.astype(dtype)

        if batch.isEmpty {
            try multiplyMatrices(leftCast, rightCast, into: out)
        } else if right.ndim == 2, leftCast.isContiguous {
            // A stack of matrices times one matrix is one tall product.
            let tall = try leftCast.broadcast(to: batch + [m, k]).reshaped([-1, k])
            try multiplyMatrices(tall, rightCast, into: out.reshaped([-1, n]))
        } else {
            let leftBatch = try leftCast.broadcast(to: batch + [m, k])
            let rightBatch = try rightCast.broadcast(to: batch + [k, n])
            let count = batch.reduce(1, *)
            let flatLeft = try leftBatch.batchView(count: count), flatRight = try rightBatch.batchView(count: count)
            let flatOut = try out.reshaped([count, m, n])
            for index in 0..<count {
                try multiplyMatrices(flatLeft.element(at: index), flatRight.element(at: index), into: flatOut.element(at: index))
            }
        }
        var resultShape = batch
        if a.ndim > 1 { resultShape.append(m) }
        if b.ndim > 1 { resultShape.append(n) }
        return try out.reshaped(resultShape)
    }

    /// The leading dimensions merged into one (a view when the strides allow, else a copy).
    private func batchView(count: Int) throws -> NDArray {
        try reshaped([count] + Array(shape.suffix(2)))
    }

    /// `np.dot`: the matrix product for 1-d and 2-d arrays; for higher dimensions, a sum over
    /// the last axis of `a` and the second-to-last of `b`; with a 0-d operand, a product.
    public static func dot(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        if a.ndim == 0 || b.ndim == 0 { return try apply(.multiply, a, b) }
        let axisB = Swift.max(b.ndim - 2, 0)
        guard a.shape[a.ndim - 1] == b.shape[axisB] else {
            throw ArrayError.value("shapes \(formatCompactShape(a.shape)) and \(formatCompactShape(b.shape)) not aligned: \(a.shape[a.ndim - 1]) (dim \(a.ndim - 1)) != \(b.shape[axisB]) (dim \(axisB))")
        }
        if a.ndim <= 2 && b.ndim <= 2 { return try matmul(a, b) }
        // dot(a, b)[i..., j..., m] = sum_k a[i..., k] * b[j..., k, m]: bring b's k axis to the
        // front (the other axes keep their order), then one matrix product.
        let k = a.shape[a.ndim - 1]
        let left = try a.reshaped([-1, k])
        if b.ndim == 1 {
            return try matmul(left, b).reshaped(Array(a.shape.dropLast()))
        }
        let order = [axisB] + Array(0..<axisB) + [b.ndim - 1]
        let right = try b.transposed(order).reshaped([k, -1])
        let shape = Array(a.shape.dropLast()) + Array(b.shape.dropLast(2)) + [b.shape[b.ndim - 1]]
        return try matmul(left, right).reshaped(shape)
    }

    /// One 2-d product into a contiguous `out`.
    private static func multiplyMatrices(_ a: NDArray, _ b: NDArray, into out: NDArray) throws {
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        if m == 0 || n == 0 { return }
        if k == 0 { try out.fill(with: .int(0)); return }
        switch a.dtype {
        case .float32, .float64:
            guard m < Int(Int32.max), n < Int(Int32.max), k < Int(Int32.max) else {
                throw ArrayError.value("matmul: dimensions too large for BLAS")
            }
            let (left, leftLayout) = try blasOperand(a)
            let (right, rightLayout) = try blasOperand(b)
            let output = out.isContiguous ? out : try NDArray(uninitializedShape: [m, n], dtype: out.dtype)
            withExtendedLifetime((left, right, output)) {
                if a.dtype == .float32 {
                    cblas_sgemm(CblasRowMajor, leftLayout.transpose, rightLayout.transpose, blasint(m), blasint(n), blasint(k),
                                1, left.basePointer(Float.self), leftLayout.leading, right.basePointer(Float.self), rightLayout.leading,
                                0, output.basePointer(Float.self), blasint(n))
                } else {
                    cblas_dgemm(CblasRowMajor, leftLayout.transpose, rightLayout.transpose, blasint(m), blasint(n), blasint(k),
                                1, left.basePointer(Double.self), leftLayout.leading, right.basePointer(Double.self), rightLayout.leading,
                                0, output.basePointer(Double.self), blasint(n))
                }
            }
            if !(output === out) { try out.assign(from: output) }
        case .int64: try integerProduct(a, b, out, Int64.self)
        case .uint8: try integerProduct(a, b, out, UInt8.self)
        case .bool:
            let product = try matmul(a.astype(.uint8).apply(.sign), b.astype(.uint8).apply(.sign))
            try out.assign(from: apply(.notEqual, .array(product.astype(.int64)), .scalar(.int(0))))
        }
    }

    private struct BlasLayout {
        var transpose: CBLAS_TRANSPOSE
        var leading: blasint
    }

    /// How gemm can read a 2-d operand in place (row-major, or transposed), copying only when
    /// neither stride is one.
    private static func blasOperand(_ x: NDArray) throws -> (NDArray, BlasLayout) {
        let rows = x.shape[0], columns = x.shape[1]
        if x.strides[1] == 1 || columns == 1 {
            let leading = rows == 1 ? Swift.max(columns, 1) : x.strides[0]
            if leading >= Swift.max(columns, 1) && leading < Int(Int32.max) {
                return (x, BlasLayout(transpose: CblasNoTrans, leading: blasint(leading)))
            }
        }
        if x.strides[0] == 1 || rows == 1 {
            let leading = columns == 1 ? Swift.max(rows, 1) : x.strides[1]
            if leading >= Swift.max(rows, 1) && leading < Int(Int32.max) {
                return (x, BlasLayout(transpose: CblasTrans, leading: blasint(leading)))
            }
        }
        let copy = try x.copy()
        return (copy, BlasLayout(transpose: CblasNoTrans, leading: blasint(Swift.max(columns, 1))))
    }

    private static func integerProduct<T: IntegerElement>(_ a: NDArray, _ b: NDArray, _ out: NDArray, _: T.Type) throws {
        let left = try a.contiguous(), right = try b.contiguous()
        let m = a.shape[0], k = a.shape[1], n = b.shape[1]
        let result = try NDArray(uninitializedShape: [m, n], dtype: T.dtype, zeroed: true)
        let x = left.basePointer(T.self), y = right.basePointer(T.self), z = result.basePointer(T.self)
        for i in 0..<m {
            for p in 0..<k {
                let factor = x[i * k + p]
                let row = y + p * n, target = z + i * n
                for j in 0..<n { target[j] = target[j] &+ factor &* row[j] }
            }
        }
        withExtendedLifetime((left, right)) {}
        try out.assign(from: result)
    }
}
