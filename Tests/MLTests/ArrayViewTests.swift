import Testing
@testable import ML

@Suite struct ArrayViewTests {
    @Test func slicingGivesAViewThatSharesStorage() throws {
        let a = try counting([3, 4])
        let column = try a.subscripted([.all, .int(1)])
        #expect(column.shape == [3])
        #expect(try column.int64s == [1, 5, 9])
        try column.assign(.scalar(.int(-1)), at: [.int(0)])
        #expect(try a.int64s == [0, -1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11])
    }

    @Test func transposeIsAViewAndWritesShowThrough() throws {
        let a = try counting([2, 3])
        let t = a.T
        #expect(t.shape == [3, 2])
        #expect(try t.int64s == [0, 3, 1, 4, 2, 5])
        try t.assign(.scalar(.int(100)), at: [.int(2), .int(0)])
        #expect(try a.int64s == [0, 1, 100, 3, 4, 5])
    }

    @Test func negativeStepSlicesReverse() throws {
        let a = try counting([5])
        #expect(try a.subscripted([.slice(start: nil, stop: nil, step: -1)]).int64s == [4, 3, 2, 1, 0])
        #expect(try a.subscripted([.slice(start: -2, stop: nil, step: nil)]).int64s == [3, 4])
        #expect(try a.subscripted([.slice(start: 1, stop: nil, step: 2)]).int64s == [1, 3])
        #expect(try a.subscripted([.slice(start: 10, stop: 20, step: nil)]).shape == [0])
    }

    @Test func reshapeOfContiguousIsAView() throws {
        let a = try counting([6])
        let b = try a.reshaped([2, -1])
        #expect(b.shape == [2, 3])
        try b.assign(.scalar(.int(7)), at: [.int(1), .int(2)])
        #expect(try a.int64s == [0, 1, 2, 3, 4, 7])
    }

    @Test func reshapeOfTransposeCopies() throws {
        let a = try counting([2, 3])
        let flat = try a.T.reshaped([-1])
        #expect(try flat.int64s == [0, 3, 1, 4, 2, 5])
        #expect(!flat.sharesStorage(with: a))
    }

    @Test func reshapeRejectsWrongSizesLikeNumPy() throws {
        let a = try counting([6])
        #expect(throws: ArrayError.value("cannot reshape array of size 6 into shape (4,)")) { try a.reshaped([4]) }
        #expect(throws: ArrayError.value("can only specify one unknown dimension")) { try a.reshaped([-1, -1]) }
    }

    @Test func newAxisAndEllipsis() throws {
        let a = try counting([2, 3, 4])
        #expect(try a.subscripted([.newAxis, .ellipsis, .int(0)]).shape == [1, 2, 3])
        #expect(try a.subscripted([.ellipsis, .newAxis]).shape == [2, 3, 4, 1])
        #expect(try a.subscripted([.int(-1), .ellipsis]).int64s == Array(12..<24).map(Int64.init))
    }

    @Test func squeezeAndExpandDims() throws {
        let a = try counting([1, 3, 1])
        #expect(try a.squeezed().shape == [3])
        #expect(try a.squeezed(axes: [0]).shape == [3, 1])
        #expect(throws: ArrayError.value("cannot select an axis to squeeze out which has size not equal to one")) {
            try a.squeezed(axes: [1])
        }
        #expect(try counting([3]).expandingDimensions(at: 0).shape == [1, 3])
        #expect(try counting([3]).expandingDimensions(at: -1).shape == [3, 1])
    }

    @Test func concatenateStackAndFriends() throws {
        let a = try counting([2, 2]), b = try ints([10, 11], [1, 2])
        #expect(try NDArray.concatenate([a, b]).int64s == [0, 1, 2, 3, 10, 11])
        #expect(try NDArray.stack([ints([1, 2]), ints([3, 4])], axis: 1).int64s == [1, 3, 2, 4])
        #expect(try NDArray.vstack([ints([1, 2]), ints([3, 4])]).shape == [2, 2])
        #expect(try NDArray.hstack([ints([1, 2]), ints([3])]).int64s == [1, 2, 3])
        #expect(throws: ArrayError.value("all the input array dimensions except for the concatenation axis must match exactly, but along dimension 1, the array at index 0 has size 2 and the array at index 1 has size 3")) {
            try NDArray.concatenate([a, counting([1, 3])])
        }
    }

    @Test func concatenatePromotesDtypes() throws {
        let result = try NDArray.concatenate([ints([1]), doubles([0.5])])
        #expect(result.dtype == .float64)
    }
}
