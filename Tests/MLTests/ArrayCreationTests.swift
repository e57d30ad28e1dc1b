import Testing
@testable import ML

@Suite struct ArrayCreationTests {
    @Test func arangeWithIntsAndFloats() throws {
        #expect(try NDArray.arange(stop: .int(5)).int64s == [0, 1, 2, 3, 4])
        #expect(try NDArray.arange(start: .int(5), stop: .int(0), step: .int(-2)).int64s == [5, 3, 1])
        #expect(try NDArray.arange(start: .int(0), stop: .int(1), step: .float(0.3)).numpyRepr == "array([0. , 0.3, 0.6, 0.9])")
    }

    @Test func linspaceIncludesTheEndpoint() throws {
        let (values, step) = try NDArray.linspace(start: 0, stop: 1, count: 5)
        #expect(values.numpyRepr == "array([0.  , 0.25, 0.5 , 0.75, 1.  ])")
        #expect(step == 0.25)
        #expect(try NDArray.linspace(start: 0, stop: 1, count: 4, endpoint: false).values.float64s == [0, 0.25, 0.5, 0.75])
    }

    @Test func eyeWithOffsetDiagonal() throws {
        #expect(try NDArray.eye(2, columns: 3, k: 1).numpyRepr == "array([[0., 1., 0.],\n       [0., 0., 1.]])")
    }

    @Test func fullAndLikeConstructors() throws {
        #expect(try NDArray.full([2], value: .float(1.5)).float64s == [1.5, 1.5])
        #expect(try NDArray.full([2], value: .int(3)).dtype == .int64)
        #expect(try ints([1, 2]).full(like: .float(0.7)).int64s == [0, 0])
        #expect(try ints([1, 2]).full(like: .int(1), dtype: .float32).dtype == .float32)
        #expect(try NDArray.ones([2, 2], dtype: .uint8).scalars(as: UInt8.self) == [1, 1, 1, 1])
    }
}
