import COpenBLAS

/// The matrix products training needs, through OpenBLAS's `cblas_sgemm`, on row-major
/// matrices with transposes folded into the call (no transposed copies are ever made).
public enum BLAS {
    /// C = alpha * op(A) * op(B) + beta * C, all row-major: op(A) is m x k, op(B) is k x n,
    /// C is m x n. `lda`, `ldb`, `ldc` are the row lengths of A, B and C as stored.
    @inline(__always)
    static func gemm(
        transposeA: Bool = false, transposeB: Bool = false,
        m: Int, n: Int, k: Int, alpha: Float = 1,
        a: UnsafePointer<Float>, lda: Int,
        b: UnsafePointer<Float>, ldb: Int,
        beta: Float = 0, c: UnsafeMutablePointer<Float>, ldc: Int
    ) {
        guard m > 0, n > 0 else { return }
        guard k > 0 else {
            // An empty sum: C = beta * C, which OpenBLAS may skip entirely.
            for row in 0..<m {
                let line = c + row * ldc
                for column in 0..<n { line[column] = beta == 0 ? 0 : beta * line[column] }
            }
            return
        }
        cblas_sgemm(
            CblasRowMajor,
            transposeA ? CblasTrans : CblasNoTrans,
            transposeB ? CblasTrans : CblasNoTrans,
            blasint(m), blasint(n), blasint(k), alpha,
            a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// The number of threads OpenBLAS uses for large products. OpenBLAS already runs small
    /// products on one thread by itself (below about 2^18 multiply-adds).
    public static var threadCount: Int {
        get { Int(openblas_get_num_threads()) }
        set { openblas_set_num_threads(Int32(Swift.max(1, newValue))) }
    }
}
