import Testing
@testable import ML

@Suite struct ArrayLinalgTests {
    @Test func matmulOfFloat32UsesGemmAndMatchesByHand() throws {
        let a = try floats([1, 2, 3, 4, 5, 6], [2, 3]), b = try floats([7, 8, 9, 10, 11, 12], [3, 2])
        let product = try NDArray.matmul(a, b)
        #expect(product.dtype == .float32)
        #expect(try product.scalars(as: Float.self) == [58, 64, 139, 154])
    }

    @Test func matmulReadsTransposedAndSlicedOperandsInPlace() throws {
        let a = try counting([3, 4]).astype(.float64)
        let gram = try NDArray.matmul(a.T, a)
        #expect(try gram.subscripted([.int(0)]).float64s == [80, 92, 104, 116])
        let sliced = try NDArray.matmul(a.subscripted([.all, .slice(start: 1, stop: 3, step: nil)]), NDArray.eye(2))
        #expect(try sliced.float64s == [1, 2, 5, 6, 9, 10])
    }

    @Test func matmulWithVectorsAndBatches() throws {
        let m = try counting([2, 3]).astype(.float32), v = try floats([1, 1, 1])
        #expect(try NDArray.matmul(m, v).scalars(as: Float.self) == [3, 12])
        #expect(try NDArray.matmul(v, v).shape == [])
        let batch = try counting([2, 2, 3]).astype(.float64)
        let result = try NDArray.matmul(batch, NDArray.ones([3, 1]))
        #expect(result.shape == [2, 2, 1])
        #expect(try result.float64s == [3, 12, 21, 30])
    }

    @Test func matmulMismatchNamesTheCoreDimension() throws {
        #expect(throws: ArrayError.value("matmul: Input operand 1 has a mismatch in its core dimension 0, with gufunc signature (n?,k),(k,m?)->(n?,m?) (size 2 is different from 3)")) {
            try NDArray.matmul(counting([2, 3]), counting([2, 3]))
        }
    }

    @Test func integerMatmulAndDot() throws {
        #expect(try NDArray.matmul(ints([1, 2, 3, 4], [2, 2]), ints([1, 0, 0, 1], [2, 2])).int64s == [1, 2, 3, 4])
        #expect(try NDArray.dot(ints([1, 2, 3]), ints([4, 5, 6])).int64s == [32])
        #expect(throws: ArrayError.value("shapes (2,3) and (2,3) not aligned: 3 (dim 1) != 2 (dim 0)")) {
            try NDArray.dot(counting([2, 3]), counting([2, 3]))
        }
    }

    @Test func dotOfThreeDimensionalArrays() throws {
        let a = try counting([2, 3, 4]).astype(.float64), b = try counting([3, 4, 2]).astype(.float64)
        let result = try NDArray.dot(a, b)
        #expect(result.shape == [2, 3, 3, 2])
        // result[1, 2, 0, 1] = sum_k a[1, 2, k] * b[0, k, 1]
        var expected = 0.0
        for k in 0..<4 { expected += Double(20 + k) * Double(k * 2 + 1) }
        #expect(try result.subscripted([.int(1), .int(2), .int(0), .int(1)]).float64s == [expected])
    }

    @Test func inverseOfATwoByTwo() throws {
        let inverse = try LinearAlgebra.inverse(doubles([4, 7, 2, 6], [2, 2]))
        #expect(inverse.numpyRepr == "array([[ 0.6, -0.7],\n       [-0.2,  0.4]])")
    }

    @Test func singularMatrixIsALinAlgError() throws {
        #expect(throws: ArrayError(.linAlgError, "Singular matrix")) {
            try LinearAlgebra.inverse(doubles([1, 2, 2, 4], [2, 2]))
        }
    }

    @Test func leastSquaresFitsALine() throws {
        let x = try doubles([1, 1, 1, 2, 1, 3], [3, 2]), y = try doubles([1, 2, 2.9])
        let fit = try LinearAlgebra.leastSquares(x, y)
        #expect(fit.solution.numpyRepr == "array([0.06666667, 0.95      ])")
        #expect(fit.residuals.numpyRepr == "array([0.00166667])")
        #expect(fit.rank == 2)
        #expect(fit.singularValues.numpyRepr == "array([4.07914333, 0.60049122])")
    }

    @Test func norms() throws {
        #expect(try LinearAlgebra.norm(doubles([3, 4])).float64s == [5])
        #expect(try LinearAlgebra.norm(doubles([1, 2, 3, 4], [2, 2]), order: .value(1)).float64s == [6])
        #expect(try LinearAlgebra.norm(doubles([1, -2]), order: .value(.infinity)).float64s == [2])
        #expect(try LinearAlgebra.norm(doubles([1, 2, 3, 4], [2, 2]), axes: [1]).float64s == [Double(5).squareRoot(), Double(25).squareRoot()])
    }

    @Test func determinant() throws {
        #expect(try LinearAlgebra.determinant(doubles([4, 7, 2, 6], [2, 2])).float64s.map { ($0 * 1e9).rounded() / 1e9 } == [10])
    }
}
