import Testing
@testable import ML

@Suite struct ArrayIndexingTests {
    @Test func integerArrayReadsPickRows() throws {
        let a = try counting([4, 3])
        let rows = try a.subscripted([.array(ints([3, 0, -1]))])
        #expect(rows.shape == [3, 3])
        #expect(try rows.int64s == [9, 10, 11, 0, 1, 2, 9, 10, 11])
    }

    @Test func pairedIntegerArraysPickElements() throws {
        let a = try counting([3, 3])
        #expect(try a.subscripted([.array(ints([0, 1, 2])), .array(ints([2, 1, 0]))]).int64s == [2, 4, 6])
    }

    @Test func separatedAdvancedIndicesGoFirst() throws {
        // NumPy: a[[0, 1], :, [0, 1]] on (2, 3, 4) has shape (2, 3).
        let a = try counting([2, 3, 4])
        let picked = try a.subscripted([.array(ints([0, 1])), .all, .array(ints([0, 1]))])
        #expect(picked.shape == [2, 3])
        #expect(try picked.int64s == [0, 4, 8, 13, 17, 21])
    }

    @Test func adjacentAdvancedIndicesStayInPlace() throws {
        let a = try counting([2, 3, 4])
        let picked = try a.subscripted([.all, .array(ints([0, 2])), .array(ints([1, 3]))])
        #expect(picked.shape == [2, 2])
        #expect(try picked.int64s == [1, 11, 13, 23])
        let column = try a.subscripted([.all, .all, .array(ints([0, 0]))])
        #expect(column.shape == [2, 3, 2])
    }

    @Test func booleanMaskReadsAndWrites() throws {
        let a = try doubles([1, -2, 3, -4])
        let mask = try NDArray.apply(.less, .array(a), .scalar(.int(0)))
        #expect(try a.subscripted([.array(mask)]).float64s == [-2, -4])
        try a.assign(.scalar(.int(0)), at: [.array(mask)])
        #expect(try a.float64s == [1, 0, 3, 0])
    }

    @Test func twoDimensionalMaskSelectsElements() throws {
        let a = try counting([2, 3])
        let mask = try NDArray.apply(.greater, .array(a), .scalar(.int(2)))
        #expect(try a.subscripted([.array(mask)]).int64s == [3, 4, 5])
    }

    @Test func rowMaskWithSliceKeepsColumns() throws {
        let a = try counting([3, 2])
        let mask = try NDArray([true, false, true], shape: [3])
        #expect(try a.subscripted([.array(mask), .int(1)]).int64s == [1, 5])
    }

    @Test func integerArrayWritesWithBroadcastValues() throws {
        let a = try NDArray.zeros([3, 2])
        try a.assign(.array(doubles([7, 8])), at: [.array(ints([0, 2]))])
        #expect(try a.float64s == [7, 8, 0, 0, 7, 8])
    }

    @Test func maskAssignmentWithTooManyValuesIsAnError() throws {
        let a = try doubles([1, 2, 3])
        let mask = try NDArray([true, false, true], shape: [3])
        #expect(throws: ArrayError.value("NumPy boolean array indexing assignment cannot assign 3 input values to the 2 output values where the mask is true")) {
            try a.assign(.array(doubles([1, 2, 3])), at: [.array(mask)])
        }
    }

    @Test func outOfBoundsIsAnIndexErrorNamingTheAxis() throws {
        let a = try counting([2, 3])
        #expect(throws: ArrayError.index("index 3 is out of bounds for axis 1 with size 3")) { try a.subscripted([.int(0), .int(3)]) }
        #expect(throws: ArrayError.index("index 5 is out of bounds for axis 0 with size 2")) { try a.subscripted([.array(ints([5]))]) }
        #expect(throws: ArrayError.index("too many indices for array: array is 2-dimensional, but 3 were indexed")) {
            try a.subscripted([.int(0), .int(0), .int(0)])
        }
    }

    @Test func maskOfWrongLengthIsAnIndexError() throws {
        let a = try counting([3])
        #expect(throws: ArrayError.index("boolean index did not match indexed array along axis 0; size of axis is 3 but size of corresponding boolean axis is 2")) {
            try a.subscripted([.array(NDArray([true, false], shape: [2]))])
        }
    }

    @Test func floatIndexArraysAreRefused() throws {
        #expect(throws: ArrayError.index("arrays used as indices must be of integer (or boolean) type")) {
            try counting([3]).subscripted([.array(doubles([1]))])
        }
    }

    @Test func scalarAssignmentChecksRangeLikeNumPy2() throws {
        let a = try bytes([1, 2])
        #expect(throws: ArrayError(.overflowError, "Python integer 300 out of bounds for uint8")) {
            try a.assign(.scalar(.int(300)), at: [.int(0)])
        }
        let b = try ints([1, 2])
        try b.assign(.scalar(.float(2.9)), at: [.int(0)])
        #expect(try b.int64s == [2, 2])
        #expect(throws: ArrayError.value("cannot convert float NaN to integer")) {
            try b.assign(.scalar(.float(.nan)), at: [.int(0)])
        }
    }

    @Test func sliceAssignmentBroadcasts() throws {
        let a = try NDArray.zeros([2, 3])
        try a.assign(.array(doubles([1, 2, 3])), at: [.all])
        #expect(try a.float64s == [1, 2, 3, 1, 2, 3])
        #expect(throws: ArrayError.value("could not broadcast input array from shape (2,) into shape (2,3)")) {
            try a.assign(.array(doubles([1, 2])), at: [.all])
        }
    }

    @Test func overlappingAssignmentCopiesFirst() throws {
        let a = try counting([5])
        try a.assign(.array(a.subscripted([.slice(start: nil, stop: 4, step: nil)])), at: [.slice(start: 1, stop: nil, step: nil)])
        #expect(try a.int64s == [0, 0, 1, 2, 3])
    }
}
