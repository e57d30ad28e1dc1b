import Testing
@testable import ML

@Suite struct ArrayReprTests {
    @Test func smoke() throws {
        let a = try NDArray([1, 2, 3, 4] as [Double], shape: [2, 2])
        print(a.numpyRepr)
        print(try NDArray([1, 2.5, -3] as [Float], shape: [3]).numpyRepr)
        print(try NDArray([0.1, 1e-5, 1] as [Double], shape: [3]).numpyRepr)
        print(try NDArray(Array(0..<30).map { Int64($0 * 7) }, shape: [30]).numpyRepr)
        print(try NDArray.zeros([2, 3, 2]).numpyRepr)
        print(try NDArray.zeros([2000]).numpyRepr)
        print(try NDArray([true, false], shape: [2]).numpyRepr)
        print(try NDArray([Double.nan, -.infinity, 1.5], shape: [3]).numpyRepr)
        print(try NDArray.zeros([0, 3]).numpyRepr)
    }
}
