import Testing
@testable import ML

@Suite struct ArrayCoreTests {
    @Test func createsFromFloatsWithShapeAndReadsThemBack() throws {
        let array = try NDArray([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        #expect(array.shape == [2, 3])
        #expect(array.dtype == .float32)
        #expect(array.ndim == 2 && array.size == 6)
        #expect(try array.scalars(as: Float.self) == [1, 2, 3, 4, 5, 6])
    }

    @Test func refusesValuesThatDoNotFillTheShape() {
        #expect(throws: ArrayError.value("cannot reshape array of size 3 into shape (2,2)")) {
            try NDArray([1, 2, 3] as [Double], shape: [2, 2])
        }
    }

    @Test func intsBecomeInt64() throws {
        let array = try NDArray([1, 2, 3] as [Int], shape: [3])
        #expect(array.dtype == .int64)
    }

    @Test func buildsFromABufferInitializer() throws {
        let array = try NDArray(shape: [2, 2], dtype: Float.self) { buffer in
            for index in buffer.indices { buffer[index] = Float(index) * 0.5 }
        }
        #expect(try array.scalars(as: Float.self) == [0, 0.5, 1, 1.5])
    }

    @Test func bufferAccessOfATransposeSeesCOrder() throws {
        let array = try NDArray([1, 2, 3, 4, 5, 6] as [Float], shape: [2, 3])
        let transposed = array.T
        #expect(!transposed.isContiguous)
        let values = try transposed.withUnsafeBufferPointer(as: Float.self) { Array($0) }
        #expect(values == [1, 4, 2, 5, 3, 6])
    }

    @Test func bufferAccessChecksTheElementType() throws {
        let array = try NDArray([1, 2] as [Double], shape: [2])
        #expect(throws: ArrayError.self) { try array.withUnsafeBufferPointer(as: Float.self) { _ in () } }
    }

    @Test func writesThroughMutableBufferAreSeenByViews() throws {
        let array = try NDArray([1, 2, 3, 4] as [Float], shape: [4])
        let view = try array.reshaped([2, 2])
        try array.withUnsafeMutableBufferPointer(as: Float.self) { $0[3] = 40 }
        #expect(try view.scalars(as: Float.self) == [1, 2, 3, 40])
    }

    @Test func astypeConvertsWithNumPyRules() throws {
        let array = try NDArray([-1.7, 2.9, 300.0, .nan] as [Double], shape: [4])
        #expect(try array.astype(.int64).scalars(as: Int64.self) == [-1, 2, 300, Int64.min])
        #expect(try array.astype(.uint8).scalars(as: UInt8.self) == [255, 2, 44, 0])
        #expect(try array.astype(.bool).scalars(as: Bool.self) == [true, true, true, true])
        #expect(try array.astype(.float32).dtype == .float32)
    }

    @Test func hugeAllocationIsAMemoryError() {
        do {
            _ = try NDArray.zeros([1_000_000, 1_000_000])
            Issue.record("expected a MemoryError")
        } catch let error as ArrayError {
            #expect(error.kind == .memoryError)
            #expect(error.message == "Unable to allocate 7.28 TiB for an array with shape (1000000, 1000000) and data type float64")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func overflowingShapeIsAValueError() {
        #expect(throws: ArrayError.self) { try NDArray.zeros([Int.max, 4]) }
    }

    @Test func negativeDimensionIsAValueError() {
        #expect(throws: ArrayError.value("negative dimensions are not allowed")) { try NDArray.zeros([-1]) }
    }
}
