import COpenBLAS

/// Eigen-decompositions through LAPACK: `geev` for general matrices (`np.linalg.eig`) and
/// `syevd` for symmetric ones (`np.linalg.eigh`), the routines NumPy calls.
extension LinearAlgebra {
    private static func squareMatrix(_ a: NDArray) throws -> (NDArray, blasint) {
        guard a.ndim == 2 else {
            throw ArrayError(.linAlgError, "\(a.ndim)-dimensional array given. Array must be at least two-dimensional")
        }
        guard a.shape[0] == a.shape[1] else { throw ArrayError(.linAlgError, "Last 2 dimensions of the array must be square") }
        guard a.shape[0] < Int(Int32.max) / 8 else { throw ArrayError.value("array too large for LAPACK") }
        // The transpose copied row-major is the matrix in LAPACK's column-major order.
        return (try a.T.astype(.float64).copy(), blasint(a.shape[0]))
    }

    /// Eigenvalues and right eigenvectors (columns) of a square matrix. SwiftML has no
    /// complex dtype, so a matrix with complex eigenvalues raises NotImplementedError.
    public static func eigen(_ a: NDArray, vectors: Bool = true) throws -> (values: NDArray, vectors: NDArray?) {
        var (matrix, n) = try squareMatrix(a)
        let size = Int(n)
        var real = [Double](repeating: 0, count: size), imaginary = real
        let right = try NDArray.zeros([size, size])
        if size > 0 {
            var jobLeft = CChar(UInt8(ascii: "N")), jobRight = CChar(UInt8(ascii: vectors ? "V" : "N"))
            var leading = n, one: blasint = 1, info: blasint = 0, workSize: blasint = -1
            var query = [Double](repeating: 0, count: 1), unused = [Double](repeating: 0, count: 1)
            dgeev_(&jobLeft, &jobRight, &n, matrix.basePointer(Double.self), &leading, &real, &imaginary, &unused, &one,
                   right.basePointer(Double.self), &leading, &query, &workSize, &info)
            workSize = blasint(query[0])
            var work = [Double](repeating: 0, count: Swift.max(Int(workSize), 1))
            dgeev_(&jobLeft, &jobRight, &n, matrix.basePointer(Double.self), &leading, &real, &imaginary, &unused, &one,
                   right.basePointer(Double.self), &leading, &work, &workSize, &info)
            withExtendedLifetime((matrix, right)) {}
            if info > 0 { throw ArrayError(.linAlgError, "Eigenvalues did not converge") }
        }
        if imaginary.contains(where: { $0 != 0 }) {
            throw ArrayError(.notImplementedError, "this matrix has complex eigenvalues, and SwiftML arrays have no complex dtype")
        }
        let resultType: DType = a.dtype == .float32 ? .float32 : .float64
        return (try NDArray(real).astype(resultType), vectors ? try right.T.astype(resultType) : nil)
    }

    /// Eigenvalues (ascending) and orthonormal eigenvectors (columns) of a symmetric matrix,
    /// reading only its `lower` (or upper) triangle.
    public static func symmetricEigen(_ a: NDArray, lower: Bool = true, vectors: Bool = true) throws -> (values: NDArray, vectors: NDArray?) {
        var (matrix, n) = try squareMatrix(a)
        let size = Int(n)
        var values = [Double](repeating: 0, count: size)
        if size > 0 {
            var job = CChar(UInt8(ascii: vectors ? "V" : "N")), triangle = CChar(UInt8(ascii: lower ? "L" : "U"))
            var leading = n, info: blasint = 0, workSize: blasint = -1, integerSize: blasint = -1
            var query = [Double](repeating: 0, count: 1), integerQuery = [blasint](repeating: 0, count: 1)
            dsyevd_(&job, &triangle, &n, matrix.basePointer(Double.self), &leading, &values, &query, &workSize, &integerQuery, &integerSize, &info)
            workSize = blasint(query[0])
            integerSize = integerQuery[0]
            var work = [Double](repeating: 0, count: Swift.max(Int(workSize), 1))
            var integerWork = [blasint](repeating: 0, count: Swift.max(Int(integerSize), 1))
            dsyevd_(&job, &triangle, &n, matrix.basePointer(Double.self), &leading, &values, &work, &workSize, &integerWork, &integerSize, &info)
            withExtendedLifetime(matrix) {}
            if info > 0 { throw ArrayError(.linAlgError, "Eigenvalues did not converge") }
        }
        let resultType: DType = a.dtype == .float32 ? .float32 : .float64
        return (try NDArray(values).astype(resultType), vectors ? try matrix.T.astype(resultType) : nil)
    }
}
