import Testing
@testable import ML

@Suite struct ArrayArithmeticTests {
    @Test func broadcastingAddsARowToEachRow() throws {
        let a = try counting([2, 3]), row = try ints([10, 20, 30])
        #expect(try NDArray.apply(.add, a, row).int64s == [10, 21, 32, 13, 24, 35])
        let column = try ints([100, 200], [2, 1])
        #expect(try NDArray.apply(.add, a, column).int64s == [100, 101, 102, 203, 204, 205])
    }

    @Test func incompatibleShapesNameBothShapes() throws {
        #expect(throws: ArrayError.value("operands could not be broadcast together with shapes (3,) (4,) ")) {
            try NDArray.apply(.add, counting([3]), counting([4]))
        }
        #expect(throws: ArrayError.value("operands could not be broadcast together with shapes (2,3) (2,) ")) {
            try NDArray.apply(.multiply, counting([2, 3]), counting([2]))
        }
    }

    @Test func intPlusFloatIsFloat64() throws {
        #expect(try NDArray.apply(.add, ints([1]), floats([0.5])).dtype == .float64)
        #expect(try NDArray.apply(.add, .array(ints([1])), .scalar(.float(0.5))).dtype == .float64)
    }

    @Test func float32TimesPythonFloatStaysFloat32() throws {
        let result = try NDArray.apply(.multiply, .array(floats([1, 2])), .scalar(.float(0.1)))
        #expect(result.dtype == .float32)
        #expect(try result.scalars(as: Float.self) == [Float(0.1), Float(0.2)])
    }

    @Test func float32WithFloat64ArrayIsFloat64() throws {
        #expect(try NDArray.apply(.add, floats([1]), doubles([1])).dtype == .float64)
    }

    @Test func uint8ArithmeticWraps() throws {
        let result = try NDArray.apply(.add, .array(bytes([250, 3])), .scalar(.int(10)))
        #expect(result.dtype == .uint8)
        #expect(try result.scalars(as: UInt8.self) == [4, 13])
        #expect(try NDArray.apply(.subtract, bytes([0]), bytes([1])).scalars(as: UInt8.self) == [255])
    }

    @Test func uint8WithOutOfRangePythonIntIsAnOverflowError() throws {
        #expect(throws: ArrayError(.overflowError, "Python integer 300 out of bounds for uint8")) {
            try NDArray.apply(.add, .array(bytes([1])), .scalar(.int(300)))
        }
        // Comparisons still work, as in NumPy 2.
        #expect(try NDArray.apply(.less, .array(bytes([1])), .scalar(.int(300))).scalars(as: Bool.self) == [true])
    }

    @Test func uint8DividedByIntIsFloat64() throws {
        let result = try NDArray.apply(.divide, .array(bytes([255, 0])), .scalar(.float(255)))
        #expect(result.dtype == .float64)
        #expect(try result.float64s == [1, 0])
    }

    @Test func comparisonsGiveBool() throws {
        let result = try NDArray.apply(.greaterEqual, .array(doubles([1, 2, 3])), .scalar(.int(2)))
        #expect(result.dtype == .bool)
        #expect(try result.scalars(as: Bool.self) == [false, true, true])
    }

    @Test func floorDivisionAndRemainderFollowPython() throws {
        let a = try ints([7, -7, 7, -7]), b = try ints([2, 2, -2, -2])
        #expect(try NDArray.apply(.floorDivide, a, b).int64s == [3, -4, -4, 3])
        #expect(try NDArray.apply(.remainder, a, b).int64s == [1, 1, -1, -1])
        let x = try doubles([7.5, -7.5]), y = try doubles([2, 2])
        #expect(try NDArray.apply(.floorDivide, x, y).float64s == [3, -4])
        #expect(try NDArray.apply(.remainder, x, y).float64s == [1.5, 0.5])
    }

    @Test func integerDivisionByZeroGivesZero() throws {
        #expect(try NDArray.apply(.floorDivide, ints([5]), ints([0])).int64s == [0])
    }

    @Test func negativeIntegerPowerIsRefused() throws {
        #expect(throws: ArrayError.value("Integers to negative integer powers are not allowed.")) {
            try NDArray.apply(.power, ints([2]), ints([-1]))
        }
        #expect(try NDArray.apply(.power, ints([2, 3]), ints([10, 2])).int64s == [1024, 9])
    }

    @Test func maximumPropagatesNaN() throws {
        let result = try NDArray.apply(.maximum, doubles([1, .nan, 3]), doubles([2, 0, .nan]))
        let values = try result.float64s
        #expect(values[0] == 2 && values[1].isNaN && values[2].isNaN)
    }

    @Test func booleanSubtractIsATypeError() throws {
        #expect(throws: ArrayError.self) {
            try NDArray.apply(.subtract, NDArray([true], shape: [1]), NDArray([false], shape: [1]))
        }
    }

    @Test func bitwiseOnFloatsIsATypeError() throws {
        do {
            _ = try NDArray.apply(.bitwiseAnd, doubles([1]), doubles([1]))
            Issue.record("expected a TypeError")
        } catch let error as ArrayError {
            #expect(error.kind == .typeError)
        }
    }

    @Test func inPlaceAddWritesThroughViews() throws {
        let a = try NDArray.zeros([2, 2])
        let row = try a.subscripted([.int(1)])
        try row.applyInPlace(.add, .array(doubles([1, 2])))
        #expect(try a.float64s == [0, 0, 1, 2])
    }

    @Test func inPlaceFloatIntoIntIsATypeError() throws {
        let a = try ints([1, 2])
        #expect(throws: ArrayError.type("Cannot cast ufunc 'add' output from dtype('float64') to dtype('int64') with casting rule 'same_kind'")) {
            try a.applyInPlace(.add, .scalar(.float(0.5)))
        }
    }

    @Test func inPlaceWithWiderShapeIsAValueError() throws {
        let a = try doubles([1, 2])
        #expect(throws: ArrayError.value("non-broadcastable output operand with shape (2,) doesn't match the broadcast shape (2,2)")) {
            try a.applyInPlace(.add, .array(NDArray.zeros([2, 2])))
        }
    }

    @Test func mathFunctionsKeepFloat32AndPromoteInts() throws {
        #expect(try floats([1]).apply(.exp).dtype == .float32)
        #expect(try ints([1]).apply(.sqrt).dtype == .float64)
        #expect(try ints([4, 9]).apply(.sqrt).float64s == [2, 3])
        #expect(try ints([-3]).apply(.absolute).int64s == [3])
    }

    @Test func roundIsHalfToEvenWithDecimals() throws {
        #expect(try doubles([0.5, 1.5, 2.5, -0.5]).rounded().float64s == [0, 2, 2, -0])
        #expect(try doubles([1.234, 5.678]).rounded(decimals: 1).float64s == [1.2, 5.7])
    }

    @Test func clipLimitsBothSides() throws {
        let result = try doubles([-1, 0.5, 2]).clipped(low: .scalar(.int(0)), high: .scalar(.int(1)))
        #expect(try result.float64s == [0, 0.5, 1])
    }

    @Test func whereSelectsWithBroadcasting() throws {
        let condition = try NDArray([true, false, true], shape: [3])
        let result = try NDArray.select(condition, .array(doubles([1, 2, 3])), .scalar(.int(0)))
        #expect(try result.float64s == [1, 0, 3])
    }

    @Test func allCloseUsesNumPyTolerances() throws {
        #expect(try NDArray.allClose(doubles([1, 2]), doubles([1 + 1e-9, 2])))
        #expect(try !NDArray.allClose(doubles([1, 2]), doubles([1.001, 2])))
        #expect(try NDArray.allClose(doubles([.infinity]), doubles([.infinity])))
        #expect(try !NDArray.allClose(doubles([.nan]), doubles([.nan])))
        #expect(try NDArray.allClose(doubles([.nan]), doubles([.nan]), equalNaN: true))
    }

    @Test func stridedOperandsComputeCorrectly() throws {
        let a = try counting([4, 4]).astype(.float32)
        let product = try NDArray.apply(.multiply, a.T, a.subscripted([.slice(start: nil, stop: nil, step: -1)]))
        let expected: [Float] = (0..<16).map { index in
            let (i, j) = (index / 4, index % 4)
            return Float(j * 4 + i) * Float((3 - i) * 4 + j)
        }
        #expect(try product.scalars(as: Float.self) == expected)
    }
}

@Suite struct VectorMathTests {
    /// The float32 exp and tanh stay within 2 ulp of the correctly rounded value everywhere
    /// that matters, and get the special values right.
    @Test func float32ExpAndTanhAreWithinTwoUlp() {
        var worstExp: Int32 = 0, worstTanh: Int32 = 0
        var x: Float = -103
        while x < 88.7 {
            let exact = Float(Double.exp(Double(x)))
            if exact.isNormal {
                worstExp = max(worstExp, abs(Int32(bitPattern: VectorMath.exp(x).bitPattern) &- Int32(bitPattern: exact.bitPattern)))
            }
            let exactTanh = Float(Double.tanh(Double(x)))
            worstTanh = max(worstTanh, abs(Int32(bitPattern: VectorMath.tanh(x).bitPattern) &- Int32(bitPattern: exactTanh.bitPattern)))
            x += 0.001_37
        }
        #expect(worstExp <= 2)
        #expect(worstTanh <= 2)
    }

    @Test func specialValues() {
        #expect(VectorMath.exp(0) == 1)
        #expect(VectorMath.exp(100) == .infinity)
        #expect(VectorMath.exp(-200) == 0)
        #expect(VectorMath.exp(.nan).isNaN)
        #expect(VectorMath.exp(-.infinity) == 0)
        #expect(VectorMath.tanh(0) == 0)
        #expect(VectorMath.tanh(50) == 1 && VectorMath.tanh(-50) == -1)
        #expect(VectorMath.tanh(.infinity) == 1)
        #expect(VectorMath.tanh(.nan).isNaN)
    }
}

@Suite struct LargeArrayPathTests {
    @Test func mixedDtypesOnLargeArraysConvertInChunks() throws {
        let count = 300_001
        let images = try NDArray((0..<count).map { UInt8($0 % 256) }, shape: [count])
        let scaled = try NDArray.apply(.divide, .array(images), .scalar(.float(255)))
        #expect(scaled.dtype == .float64)
        let values = try scaled.scalars(as: Double.self)
        #expect(values[0] == 0 && values[255] == 1 && values[count - 1] == Double((count - 1) % 256) / 255)
        let sum = try NDArray.apply(.add, images, NDArray.ones([count], dtype: .float32))
        #expect(sum.dtype == .float32)
        #expect(try sum.scalars(as: Float.self)[300] == Float(300 % 256 + 1))
    }

    @Test func maxFindsNaNAnywhereInALongArray() throws {
        for position in [0, 5, 7, 8, 1000, 1023] {
            var values = [Float](repeating: 1, count: 1024)
            values[position] = .nan
            #expect(try floats(values).max().scalars(as: Float.self)[0].isNaN)
        }
        var infinite = [Double](repeating: 2, count: 100)
        infinite[40] = .infinity
        infinite[60] = -.infinity
        #expect(try doubles(infinite).max().float64s == [.infinity])
        #expect(try doubles(infinite).min().float64s == [-.infinity])
        var values = (0..<1000).map { Float($0) }
        values[517] = 5000
        #expect(try floats(values).max().scalars(as: Float.self) == [5000])
        #expect(try floats(values).min().scalars(as: Float.self) == [0])
    }

    @Test func transposedCopyOfARectangle() throws {
        let a = try counting([70, 45])
        let copy = try a.T.copy()
        let values = try copy.int64s
        #expect(values[0] == 0 && values[1] == 45 && values[70] == 1 && values[values.count - 1] == 70 * 45 - 1)
    }

    @Test func fullMaskOnAStridedView() throws {
        let a = try counting([4, 4]).astype(.float64)
        let view = try a.subscripted([.slice(start: nil, stop: nil, step: 2), .slice(start: 1, stop: nil, step: nil)])
        let mask = try NDArray.apply(.greater, .array(view), .scalar(.int(5)))
        #expect(try view.subscripted([.array(mask)]).float64s == [9, 10, 11])
        try view.assign(.array(doubles([-1, -2, -3])), at: [.array(mask)])
        #expect(try a.float64s == [0, 1, 2, 3, 4, 5, 6, 7, 8, -1, -2, -3, 12, 13, 14, 15])
    }

    @Test func rowGatherCopiesWholeRows() throws {
        let a = try counting([5, 3])
        #expect(try a.subscripted([.array(ints([4, 1]))]).int64s == [12, 13, 14, 3, 4, 5])
    }
}
