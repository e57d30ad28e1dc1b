import Testing
@testable import ML

@Suite struct ArrayReprTests {
    @Test func matricesWrapWithHangingIndent() throws {
        #expect(try doubles([1, 2, 3, 4], [2, 2]).numpyRepr == "array([[1., 2.],\n       [3., 4.]])")
        #expect(try NDArray.zeros([2, 3, 2]).numpyRepr == """
            array([[[0., 0.],
                    [0., 0.],
                    [0., 0.]],

                   [[0., 0.],
                    [0., 0.],
                    [0., 0.]]])
            """)
    }

    @Test func float32GetsADtypeSuffixAndPadding() throws {
        #expect(try floats([1, 2.5, -3]).numpyRepr == "array([ 1. ,  2.5, -3. ], dtype=float32)")
    }

    @Test func smallAndLargeMagnitudesSwitchToScientific() throws {
        #expect(try doubles([0.1, 1e-5, 1]).numpyRepr == "array([1.e-01, 1.e-05, 1.e+00])")
    }

    @Test func longRowsWrapAtSeventyFiveColumns() throws {
        #expect(try ints(Array(0..<30).map { $0 * 7 }).numpyRepr == """
            array([  0,   7,  14,  21,  28,  35,  42,  49,  56,  63,  70,  77,  84,
                    91,  98, 105, 112, 119, 126, 133, 140, 147, 154, 161, 168, 175,
                   182, 189, 196, 203])
            """)
    }

    @Test func largeArraysAreSummarisedWithTheirShape() throws {
        #expect(try NDArray.zeros([2000]).numpyRepr == "array([0., 0., 0., ..., 0., 0., 0.], shape=(2000,))")
    }

    @Test func boolsNaNAndEmptyArrays() throws {
        #expect(try NDArray([true, false], shape: [2]).numpyRepr == "array([ True, False])")
        #expect(try doubles([.nan, -.infinity, 1.5]).numpyRepr == "array([ nan, -inf,  1.5])")
        #expect(try NDArray.zeros([0, 3]).numpyRepr == "array([], shape=(0, 3), dtype=float64)")
        #expect(try NDArray.zeros([0]).numpyRepr == "array([], dtype=float64)")
    }

    @Test func strIsWhatPrintShows() throws {
        #expect(try doubles([1, 2.5]).numpyStr == "[1.  2.5]")
        #expect(try counting([2, 2]).numpyStr == "[[0 1]\n [2 3]]")
        #expect(NDArray(scalar: 3.0).numpyStr == "3.0")
    }

    @Test func scalarsPrintAsNumPy2() throws {
        #expect(NDArray(scalar: Float(0.5)).numpyScalarRepr == "np.float32(0.5)")
        #expect(NDArray(scalar: Float(0.5)).numpyScalarStr == "0.5")
        #expect(NDArray(scalar: 1e-5).numpyScalarRepr == "np.float64(1e-05)")
        #expect(NDArray(scalar: Int64(3)).numpyScalarRepr == "np.int64(3)")
        #expect(NDArray(scalar: true).numpyScalarRepr == "np.True_")
        #expect(NDArray(scalar: Float(1) / 3).numpyScalarStr == "0.33333334")
        #expect(NDArray(scalar: Float(1_234_567)).numpyScalarStr == "1.234567e+06")
        #expect(NDArray(scalar: Float(999_999)).numpyScalarStr == "999999.0")
        #expect(NDArray(scalar: Float(1e-4)).numpyScalarStr == "1e-04")
        #expect(NDArray(scalar: 1e15).numpyScalarStr == "1000000000000000.0")
    }

    @Test func printOptionsChangePrecisionAndSummary() throws {
        var options = PrintOptions()
        options.precision = 3
        options.suppressSmall = true
        #expect(try doubles([1e-10, 1.5, 1.0 / 3]).numpyRepr(options: options) == "array([0.   , 1.5  , 0.333])")
        options.threshold = 5
        options.edgeItems = 2
        #expect(try counting([10]).numpyRepr(options: options) == "array([0, 1, ..., 8, 9], shape=(10,))")
    }
}

@Suite struct FloatFormattingTests {
    @Test func float32ScientificPadsWithTheExactDigits() throws {
        // NumPy prints digits of the exact binary value past the shortest ones.
        #expect(try floats([9.235551e-05, 1.2345678e-05]).numpyRepr == "array([9.2355513e-05, 1.2345678e-05], dtype=float32)")
        #expect(try doubles([1e-5, 1.23456789e-3]).numpyRepr == "array([1.00000000e-05, 1.23456789e-03])")
    }

    @Test func float32SwitchesToScientificAtAMillion() throws {
        #expect(try floats([1234567, 1.5]).numpyRepr == "array([1.234567e+06, 1.500000e+00], dtype=float32)")
        #expect(try doubles([2345678, 9999.5]).numpyRepr == "array([2345678. ,    9999.5])")
        #expect(try floats([2345678, 9999.5]).numpyRepr == "array([2.345678e+06, 9.999500e+03], dtype=float32)")
    }
}
