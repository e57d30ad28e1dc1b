import ML

/// `np.linalg`: inverse, solve, determinant, least squares and norms (LAPACK in OpenBLAS).
enum NumPyLinalgModule {
    static func make(_ interpreter: Runtime) throws -> Module {
        let linalg = Module("numpy.linalg", doc: "Linear algebra: inv, solve, det, lstsq, norm, svd, pinv.")
        linalg["LinAlgError"] = .object(interpreter.exceptionType(PyErrorKind("LinAlgError")))
        linalg.function("inv(a)", doc: "Compute the (multiplicative) inverse of a matrix. Raises LinAlgError for a singular matrix.") { args, interp in
            ArrayConversion.wrap(try LinearAlgebra.inverse(ArrayConversion.array(args["a"], interp)))
        }
        linalg.function("solve(a, b)", doc: "Solve a linear matrix equation a @ x = b for x.") { args, interp in
            ArrayConversion.wrap(try LinearAlgebra.solve(ArrayConversion.array(args["a"], interp), ArrayConversion.array(args["b"], interp)))
        }
        linalg.function("det(a)", doc: "Compute the determinant of an array.") { args, interp in
            ArrayConversion.result(try LinearAlgebra.determinant(ArrayConversion.array(args["a"], interp)))
        }
        linalg.function("lstsq(a, b, rcond=None)", doc: """
            Return the least-squares solution to a linear matrix equation: (x, residuals, rank, s),
            as NumPy computes it (SVD-based, LAPACK gelsd).
            """) { args, interp in
            let fit = try LinearAlgebra.leastSquares(ArrayConversion.array(args["a"], interp), ArrayConversion.array(args["b"], interp),
                                                     rcond: args.optionalDouble("rcond"))
            let rank = try NDArray(scalar: Int64(fit.rank))
            return .tuple([ArrayConversion.wrap(fit.solution), ArrayConversion.wrap(fit.residuals),
                           .object(NumPyScalarObject(rank)), ArrayConversion.wrap(fit.singularValues)])
        }
        linalg.function("svd(a, full_matrices=True, compute_uv=True)", doc: "Singular Value Decomposition: u, s, vh with a = u @ np.diag(s) @ vh.") { args, interp in
            let (u, s, vt) = try LinearAlgebra.singularValueDecomposition(ArrayConversion.array(args["a"], interp), fullMatrices: args.bool("full_matrices"))
            if !(try args.bool("compute_uv")) { return ArrayConversion.wrap(s) }
            return .tuple([ArrayConversion.wrap(u), ArrayConversion.wrap(s), ArrayConversion.wrap(vt)])
        }
        linalg.function("pinv(a, rcond=1e-15)", doc: "Compute the (Moore-Penrose) pseudo-inverse of a matrix.") { args, interp in
            ArrayConversion.wrap(try LinearAlgebra.pseudoInverse(ArrayConversion.array(args["a"], interp), rcond: args.double("rcond")))
        }
        linalg.function("norm(x, ord=None, axis=None, keepdims=False)", doc: """
            Matrix or vector norm: 2-norm of vectors and Frobenius norm of matrices by default;
            ord may be 1, 2 (vectors), inf, -inf, 0 (vectors) or 'fro'.
            """) { args, interp in
            let order: LinearAlgebra.NormOrder?
            switch args["ord"] {
            case .none: order = nil
            case .string("fro"): order = .frobenius
            case .string(let other): throw PyError(.valueError, "Invalid norm order '\(other)' for vectors")
            default: order = .value(try args.double("ord"))
            }
            return ArrayConversion.result(try LinearAlgebra.norm(ArrayConversion.array(args["x"], interp), order: order,
                                                                 axes: ArrayConversion.axes(args["axis"], interp), keepdims: args.bool("keepdims")))
        }
        linalg.function("eig(a)", doc: "Eigenvalues and right eigenvectors (the columns of v) of a square matrix: w, v = eig(a). Real eigenvalues only (SwiftML has no complex dtype).") { args, interp in
            let (values, vectors) = try LinearAlgebra.eigen(ArrayConversion.array(args["a"], interp))
            return .tuple([ArrayConversion.wrap(values), ArrayConversion.wrap(vectors ?? values)])
        }
        linalg.function("eigvals(a)", doc: "Eigenvalues of a square matrix (real ones only).") { args, interp in
            ArrayConversion.wrap(try LinearAlgebra.eigen(ArrayConversion.array(args["a"], interp), vectors: false).values)
        }
        linalg.function("eigh(a, UPLO='L')", doc: "Eigenvalues (ascending) and orthonormal eigenvectors of a symmetric matrix, reading its lower (UPLO='L') or upper triangle.") { args, interp in
            let (values, vectors) = try LinearAlgebra.symmetricEigen(ArrayConversion.array(args["a"], interp), lower: triangle(args))
            return .tuple([ArrayConversion.wrap(values), ArrayConversion.wrap(vectors ?? values)])
        }
        linalg.function("eigvalsh(a, UPLO='L')", doc: "Eigenvalues (ascending) of a symmetric matrix.") { args, interp in
            ArrayConversion.wrap(try LinearAlgebra.symmetricEigen(ArrayConversion.array(args["a"], interp), lower: triangle(args), vectors: false).values)
        }
        return linalg
    }

    private static func triangle(_ args: BoundArguments) throws -> Bool {
        let name = try args.string("UPLO")
        guard name == "L" || name == "U" else { throw PyError(.valueError, "UPLO argument must be 'L' or 'U'") }
        return name == "L"
    }
}
