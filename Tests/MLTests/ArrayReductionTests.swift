import Testing
@testable import ML

@Suite struct ArrayReductionTests {
    /// `np.random.RandomState(7).rand(count).astype(np.float32)`.
    private func sample(_ shape: [Int]) throws -> NDArray {
        var generator = try RandomState(seed: 7)
        return try generator.uniform(shape: shape).astype(.float32)
    }

    @Test func float32SumMatchesNumPyToTheLastBit() throws {
        // Values printed by NumPy 2.4 for the same data: pairwise summation in float32.
        let data = try sample([1000])
        #expect(try data.sum().numpyScalarRepr == "np.float32(497.0973)")
        #expect(try data.mean().numpyScalarRepr == "np.float32(0.49709728)")
        #expect(try data.standardDeviation().numpyScalarRepr == "np.float32(0.28872383)")
        #expect(try data.variance().numpyScalarRepr == "np.float32(0.08336145)")
    }

    @Test func sumAlongEachAxisMatchesNumPy() throws {
        let data = try sample([300, 7])
        #expect(try data.sum(axes: [0]).numpyRepr == """
            array([158.27133, 142.40492, 145.56947, 145.03163, 148.65985, 151.24452,
                   146.47595], dtype=float32)
            """)
        #expect(try data.sum(axes: [1]).subscripted([.slice(start: nil, stop: 3, step: nil)]).numpyRepr
            == "array([4.0357075, 2.770219 , 3.4199028], dtype=float32)")
    }

    @Test func keepdimsKeepsReducedAxesAsOnes() throws {
        let a = try counting([2, 3, 4])
        #expect(try a.sum(axes: [1], keepdims: true).shape == [2, 1, 4])
        #expect(try a.sum(axes: [0, 2]).int64s == [60, 92, 124])
        #expect(try a.max(axes: [-1], keepdims: true).shape == [2, 3, 1])
    }

    @Test func integerMeanAndStdAreFloat64() throws {
        let a = try ints([1, 2, 3, 4], [2, 2])
        #expect(try a.mean(axes: [0]).numpyRepr == "array([2., 3.])")
        #expect(try a.standardDeviation().numpyScalarRepr == "np.float64(1.118033988749895)")
        #expect(try a.variance(ddof: 1).float64s == [5.0 / 3.0])
    }

    @Test func uint8SumDoesNotWrap() throws {
        let a = try bytes([200, 200, 200])
        #expect(try a.sum().int64s == [600])
    }

    @Test func minMaxArgminArgmax() throws {
        let a = try doubles([3, 7, 1, 7], [2, 2])
        #expect(try a.max().float64s == [7])
        #expect(try a.min(axes: [1]).float64s == [3, 1])
        #expect(try a.argmax().int64s == [1])
        #expect(try a.argmax(axis: 0).int64s == [0, 0])
        #expect(try a.argmin(axis: 1).int64s == [0, 0])
    }

    @Test func nanPropagatesThroughMaxAndWinsArgmax() throws {
        let a = try doubles([1, .nan, 3])
        #expect(try a.max().float64s.first?.isNaN == true)
        #expect(try a.argmax().int64s == [1])
    }

    @Test func emptyReductionsFollowNumPy() throws {
        let empty = try NDArray.zeros([0])
        #expect(try empty.sum().float64s == [0])
        #expect(throws: ArrayError.value("zero-size array to reduction operation maximum which has no identity")) { try empty.max() }
        #expect(throws: ArrayError.value("attempt to get argmax of an empty sequence")) { try empty.argmax() }
    }

    @Test func badAxisIsAnAxisError() throws {
        #expect(throws: ArrayError.axis(2, ndim: 2)) { try counting([2, 2]).sum(axes: [2]) }
    }

    @Test func productAllAnyAndCumulativeSum() throws {
        #expect(try ints([1, 2, 3, 4]).product().int64s == [24])
        #expect(try ints([1, 0]).all().scalars(as: Bool.self) == [false])
        #expect(try ints([1, 0]).any().scalars(as: Bool.self) == [true])
        #expect(try counting([2, 3]).cumulativeSum(axis: 1).int64s == [0, 1, 3, 3, 7, 12])
        #expect(try counting([2, 3]).cumulativeSum().int64s == [0, 1, 3, 6, 10, 15])
    }

    @Test func reductionsOfTransposedViews() throws {
        let a = try counting([3, 4]).astype(.float64)
        #expect(try a.T.sum(axes: [1]).float64s == [12, 15, 18, 21])
        #expect(try a.T.sum(axes: [0]).float64s == [6, 22, 38])
    }

    @Test func sortArgsortAndUnique() throws {
        #expect(try ints([3, 1, 2]).argsorted().int64s == [1, 2, 0])
        #expect(try doubles([3, .nan, 1]).sorted().float64s.prefix(2) == [1, 3])
        #expect(try counting([2, 3]).sorted(axis: 0).int64s == [0, 1, 2, 3, 4, 5])
        let (values, firsts, inverse, counts) = try ints([3, 1, 2, 3, 1]).unique()
        #expect(try values.int64s == [1, 2, 3])
        #expect(try counts.int64s == [2, 1, 2])
        #expect(try firsts.int64s == [1, 2, 0])
        #expect(try inverse.int64s == [2, 0, 1, 2, 0])
    }

    @Test func argsortIsStableForTies() throws {
        #expect(try ints([1, 0, 1, 0, 1]).argsorted().int64s == [1, 3, 0, 2, 4])
    }
}
