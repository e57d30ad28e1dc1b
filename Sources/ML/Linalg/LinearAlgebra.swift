import COpenBLAS
import Foundation

/// `np.linalg`: inverse, solve, determinant, least squares and norms, through LAPACK in
/// OpenBLAS. LAPACK is column-major; a row-major matrix handed over as it is reads as its
/// transpose, which the routines below account for.
public enum LinearAlgebra {
    private static func squareCheck(_ a: NDArray) throws {
        guard a.ndim >= 2 else {
            throw ArrayError(.linAlgError, "\(a.ndim)-dimensional array given. Array must be at least two-dimensional")
        }
        guard a.shape[a.ndim - 1] == a.shape[a.ndim - 2] else {
            throw ArrayError(.linAlgError, "Last 2 dimensions of the array must be square")
        }
    }

    private static func lapackSize(_ value: Int) throws -> blasint {
        guard value < Int(Int32.max) else { throw ArrayError.value("array too large for LAPACK") }
        return blasint(value)
    }

    /// The inverse of a square matrix (`np.linalg.inv`); float32 stays float32, others give
    /// float64. Throws `LinAlgError: Singular matrix`.
    public static func inverse(_ a: NDArray) throws -> NDArray {
        try squareCheck(a)
        guard a.ndim == 2 else { return try stacked(a) { try inverse($0) } }
        let n = a.shape[0]
        return try solve(a, NDArray.eye(n, dtype: a.dtype == .float32 ? .float32 : .float64))
    }

    /// Applies `body` to each matrix of a stack.
    private static func stacked(_ a: NDArray, _ body: (NDArray) throws -> NDArray) throws -> NDArray {
        let matrices = try a.reshaped([-1] + Array(a.shape.suffix(2)))
        let results = try (0..<matrices.shape[0]).map { try body(matrices.element(at: $0)) }
        let joined = try NDArray.stack(results)
        return try joined.reshaped(Array(a.shape.dropLast(2)) + Array(joined.shape.dropFirst()))
    }

    /// Solves `a @ x = b` for square `a` (`np.linalg.solve`).
    public static func solve(_ a: NDArray, _ b: NDArray) throws -> NDArray {
        try squareCheck(a)
        guard a.ndim == 2, b.ndim <= 2 else {
            throw ArrayError(.notImplementedError, "solve supports one square matrix and a vector or matrix right-hand side")
        }
        let n = a.shape[0]
        guard b.shape[0] == n else {
            let signature = b.ndim == 1 ? "solve1: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m)->(m)"
                : "solve: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (m,m),(m,n)->(m,n)"
            throw ArrayError.value("\(signature) (size \(b.shape[0]) is different from \(n))")
        }
        let single = a.dtype == .float32 && (b.dtype == .float32 || !b.dtype.isFloatingPoint)
        let dtype: DType = single ? .float32 : .float64
        let columns = b.ndim == 1 ? 1 : b.shape[1]
        // LAPACK wants column-major: the transpose of a (copied row-major) is a in column-major.
        let matrix = try a.T.astype(dtype)
        let rightHand = try (b.ndim == 1 ? b.reshaped([1, n]) : b.T).astype(dtype)
        var size = try lapackSize(n), count = try lapackSize(columns), leading = try lapackSize(Swift.max(n, 1))
        var pivots = [blasint](repeating: 0, count: Swift.max(n, 1))
        var info: blasint = 0
        if n > 0 && columns > 0 {
            if single {
                sgesv_(&size, &count, matrix.basePointer(Float.self), &leading, &pivots, rightHand.basePointer(Float.self), &leading, &info)
            } else {
                dgesv_(&size, &count, matrix.basePointer(Double.self), &leading, &pivots, rightHand.basePointer(Double.self), &leading, &info)
            }
        }
        withExtendedLifetime((matrix, rightHand)) {}
        if info > 0 { throw ArrayError(.linAlgError, "Singular matrix") }
        return b.ndim == 1 ? try rightHand.reshaped([n]) : try rightHand.T.contiguous()
    }

    /// The determinant (`np.linalg.det`), from an LU factorisation.
    public static func determinant(_ a: NDArray) throws -> NDArray {
        try squareCheck(a)
        guard a.ndim == 2 else { return try stacked(a) { try determinant($0) } }
        let n = a.shape[0]
        let matrix = try a.T.astype(.float64)
        var size = try lapackSize(n), leading = try lapackSize(Swift.max(n, 1))
        var pivots = [blasint](repeating: 0, count: Swift.max(n, 1))
        var info: blasint = 0
        if n > 0 { dgetrf_(&size, &size, matrix.basePointer(Double.self), &leading, &pivots, &info) }
        // As NumPy: the sign and the sum of log magnitudes of U's diagonal, then
        // sign * exp(sum), which is what its last bits follow.
        var sign = 1.0, logMagnitude = 0.0
        if info == 0 {
            let values = try matrix.scalars(as: Double.self)
            for index in 0..<n {
                let element = values[index * n + index]
                if element < 0 { sign = -sign }
                if pivots[index] != blasint(index + 1) { sign = -sign }
                logMagnitude += Foundation.log(Swift.abs(element))
            }
        } else {
            sign = 0
            logMagnitude = -Double.infinity
        }
        let result = sign * Foundation.exp(logMagnitude)
        let scalar = NDArray(scalar: result)
        return a.dtype == .float32 ? try scalar.astype(.float32) : scalar
    }

    /// Least-squares solution of `a @ x ≈ b` (`np.linalg.lstsq`), by LAPACK's SVD-based
    /// `gelsd` as NumPy does: the solution, the residual sums of squares (empty unless `a`
    /// has full column rank and more rows than columns), the rank and the singular values.
    /// `rcond` nil means machine epsilon times the larger dimension (NumPy's default).
    public static func leastSquares(_ a: NDArray, _ b: NDArray, rcond: Double? = nil)
        throws -> (solution: NDArray, residuals: NDArray, rank: Int, singularValues: NDArray) {
        guard a.ndim == 2 else {
            throw ArrayError(.linAlgError, "\(a.ndim)-dimensional array given. Array must be two-dimensional")
        }
        guard b.ndim == 1 || b.ndim == 2 else {
            throw ArrayError(.linAlgError, "\(b.ndim)-dimensional array given. Array must be one or two-dimensional")
        }
        let m = a.shape[0], n = a.shape[1]
        guard b.shape[0] == m else {
            throw ArrayError(.linAlgError, "Incompatible dimensions")
        }
        let columns = b.ndim == 1 ? 1 : b.shape[1]
        let leadingB = Swift.max(m, n, 1)
        let matrix = try a.T.astype(.float64)  // column-major a
        // Column-major b, with room for the n-row solution.
        let rightHand = try NDArray.zeros([columns, leadingB], dtype: .float64)
        try rightHand.assign(.array(b.ndim == 1 ? b.reshaped([1, m]) : b.T), at: [.all, .slice(start: 0, stop: m, step: 1)])
        let singular = try NDArray.zeros([Swift.max(Swift.min(m, n), 0)], dtype: .float64)
        var rows = try lapackSize(m), cols = try lapackSize(n), count = try lapackSize(columns)
        var leadingA = try lapackSize(Swift.max(m, 1)), leading = try lapackSize(leadingB)
        var condition = rcond ?? Double.ulpOfOne * Double(Swift.max(m, n))
        var rank: blasint = 0, info: blasint = 0
        var workSize: blasint = -1
        var workQuery = [Double](repeating: 0, count: 1)
        var integerQuery = [blasint](repeating: 0, count: 1)
        if m > 0 && n > 0 && columns > 0 {
            dgelsd_(&rows, &cols, &count, matrix.basePointer(Double.self), &leadingA, rightHand.basePointer(Double.self), &leading,
                    singular.basePointer(Double.self), &condition, &rank, &workQuery, &workSize, &integerQuery, &info)
            workSize = blasint(workQuery[0])
            var work = [Double](repeating: 0, count: Swift.max(Int(workSize), 1))
            var integerWork = [blasint](repeating: 0, count: Swift.max(Int(integerQuery[0]), 1))
            dgelsd_(&rows, &cols, &count, matrix.basePointer(Double.self), &leadingA, rightHand.basePointer(Double.self), &leading,
                    singular.basePointer(Double.self), &condition, &rank, &work, &workSize, &integerWork, &info)
        }
        withExtendedLifetime((matrix, rightHand, singular)) {}
        if info > 0 { throw ArrayError(.linAlgError, "SVD did not converge in Linear Least Squares") }
        let solutionColumns = try rightHand.subscripted([.all, .slice(start: 0, stop: n, step: 1)])
        let solution = b.ndim == 1 ? try solutionColumns.reshaped([n]) : try solutionColumns.T.contiguous()
        var residuals = try NDArray.zeros([0], dtype: .float64)
        if Int(rank) == n && m > n {
            let tail = try rightHand.subscripted([.all, .slice(start: n, stop: m, step: 1)])
            residuals = try NDArray.apply(.multiply, tail, tail).sum(axes: [1])
        }
        let resultType: DType = a.dtype == .float32 && b.dtype == .float32 ? .float32 : .float64
        return (try solution.astype(resultType), try residuals.astype(resultType), Int(rank), try singular.astype(resultType))
    }

    /// Singular value decomposition `a = u @ diag(s) @ vt` (`np.linalg.svd`), by LAPACK's
    /// `gesdd`. With `fullMatrices`, `u` is m x m and `vt` n x n; otherwise k = min(m, n).
    public static func singularValueDecomposition(_ a: NDArray, fullMatrices: Bool = true)
        throws -> (u: NDArray, s: NDArray, vt: NDArray) {
        guard a.ndim == 2 else {
            throw ArrayError(.linAlgError, "\(a.ndim)-dimensional array given. Array must be two-dimensional")
        }
        let m = a.shape[0], n = a.shape[1], k = Swift.min(m, n)
        let uColumns = fullMatrices ? m : k, vtRows = fullMatrices ? n : k
        let matrix = try a.T.astype(.float64)  // column-major a
        let u = try NDArray.zeros([uColumns, m], dtype: .float64)  // column-major m x uColumns
        let vt = try NDArray.zeros([n, vtRows], dtype: .float64)   // column-major vtRows x n
        let singular = try NDArray.zeros([k], dtype: .float64)
        if m > 0 && n > 0 {
            var job = CChar(UInt8(ascii: fullMatrices ? "A" : "S"))
            var rows = try lapackSize(m), cols = try lapackSize(n)
            var leadingA = try lapackSize(Swift.max(m, 1)), leadingU = try lapackSize(Swift.max(m, 1)), leadingVT = try lapackSize(Swift.max(vtRows, 1))
            var info: blasint = 0, workSize: blasint = -1
            var query = [Double](repeating: 0, count: 1)
            var integerWork = [blasint](repeating: 0, count: 8 * Swift.max(k, 1))
            dgesdd_(&job, &rows, &cols, matrix.basePointer(Double.self), &leadingA, singular.basePointer(Double.self),
                    u.basePointer(Double.self), &leadingU, vt.basePointer(Double.self), &leadingVT, &query, &workSize, &integerWork, &info)
            workSize = blasint(query[0])
            var work = [Double](repeating: 0, count: Swift.max(Int(workSize), 1))
            dgesdd_(&job, &rows, &cols, matrix.basePointer(Double.self), &leadingA, singular.basePointer(Double.self),
                    u.basePointer(Double.self), &leadingU, vt.basePointer(Double.self), &leadingVT, &work, &workSize, &integerWork, &info)
            withExtendedLifetime((matrix, u, vt, singular)) {}
            if info > 0 { throw ArrayError(.linAlgError, "SVD did not converge") }
        }
        let resultType: DType = a.dtype == .float32 ? .float32 : .float64
        return (try u.T.astype(resultType), try singular.astype(resultType), try vt.T.astype(resultType))
    }

    /// The Moore-Penrose pseudo-inverse (`np.linalg.pinv`): singular values below `rcond`
    /// times the largest are treated as zero.
    public static func pseudoInverse(_ a: NDArray, rcond: Double = 1e-15) throws -> NDArray {
        let (u, s, vt) = try singularValueDecomposition(a.astype(a.dtype == .float32 ? .float32 : .float64), fullMatrices: false)
        let values = try s.doubles()
        let cutoff = rcond * (values.max() ?? 0)
        let inverted = try NDArray(values.map { $0 > cutoff ? 1 / $0 : 0 }).astype(s.dtype)
        let scaled = try NDArray.apply(.multiply, vt.T, inverted.reshaped([1, -1]))
        return try NDArray.matmul(scaled, u.T)
    }

    /// A vector or matrix norm (`np.linalg.norm`). `order` as NumPy's `ord`: nil (2-norm of
    /// vectors, Frobenius of matrices), a number (`inf` and `-inf` included), `"fro"`.
    public static func norm(_ x: NDArray, order: NormOrder? = nil, axes: [Int]? = nil, keepdims: Bool = false) throws -> NDArray {
        let source = x.dtype.isFloatingPoint ? x : try x.astype(.float64)
        let axes = try axes.map { try $0.map { try NDArray.normalizeAxis($0, ndim: x.ndim) } }
        if order == nil || order == .frobenius && (axes?.count ?? x.ndim) == 2 {
            let squares = try NDArray.apply(.multiply, source, source)
            return try squares.sum(axes: axes, keepdims: keepdims).apply(.sqrt)
        }
        guard let order else { return try norm(x) }
        let vectorAxes = axes ?? (x.ndim == 1 ? [0] : nil)
        if let vectorAxes, vectorAxes.count == 1 {
            let magnitudes = try source.apply(.absolute)
            switch order {
            case .value(let p):
                if p == .infinity { return try magnitudes.max(axes: vectorAxes, keepdims: keepdims) }
                if p == -.infinity { return try magnitudes.min(axes: vectorAxes, keepdims: keepdims) }
                if p == 0 {
                    return try NDArray.apply(.notEqual, .array(source), .scalar(.int(0))).sum(axes: vectorAxes, keepdims: keepdims, dtype: source.dtype)
                }
                if p == 1 { return try magnitudes.sum(axes: vectorAxes, keepdims: keepdims) }
                let powered = try NDArray.apply(.power, .array(magnitudes), .scalar(.float(p)))
                return try NDArray.apply(.power, .array(powered.sum(axes: vectorAxes, keepdims: keepdims)), .scalar(.float(1 / p)))
            case .frobenius:
                throw ArrayError.value("Invalid norm order 'fro' for vectors")
            }
        }
        let matrixAxes = vectorAxes ?? [x.ndim - 2, x.ndim - 1]
        guard matrixAxes.count == 2 else { throw ArrayError.value("Improper number of dimensions to norm.") }
        let magnitudes = try source.apply(.absolute)
        let (rowAxis, columnAxis) = (matrixAxes[0], matrixAxes[1])
        switch order {
        case .value(1), .value(-1):
            // Largest (smallest) absolute column sum.
            let sums = try magnitudes.sum(axes: [rowAxis], keepdims: true)
            let reduced = order == .value(1) ? try sums.max(axes: [columnAxis], keepdims: true) : try sums.min(axes: [columnAxis], keepdims: true)
            return keepdims ? reduced : try reduced.squeezed(axes: [rowAxis, columnAxis])
        case .value(.infinity), .value(-.infinity):
            let sums = try magnitudes.sum(axes: [columnAxis], keepdims: true)
            let reduced = order == .value(.infinity) ? try sums.max(axes: [rowAxis], keepdims: true) : try sums.min(axes: [rowAxis], keepdims: true)
            return keepdims ? reduced : try reduced.squeezed(axes: [rowAxis, columnAxis])
        default:
            throw ArrayError(.notImplementedError, "matrix norm of order \(order) is not supported (use None, 'fro', 1, -1, inf or -inf)")
        }
    }

    /// NumPy's `ord` argument of `norm`.
    public enum NormOrder: Equatable, Sendable, CustomStringConvertible {
        case value(Double)
        case frobenius

        public var description: String {
            switch self {
            case .value(let p): p == .infinity ? "inf" : p == -.infinity ? "-inf" : String(p)
            case .frobenius: "'fro'"
            }
        }
    }
}
