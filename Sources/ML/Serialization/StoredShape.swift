/// Shapes and sizes read from files (safetensors headers, `.npy` headers, IDX dimensions,
/// zip64 fields) are untrusted: each is checked against the bytes actually present before
/// anything is allocated or multiplied, so a corrupt file raises instead of trapping.
enum StoredShape {
    /// The number of elements of `shape` if every dimension is non-negative, the product
    /// does not overflow, and `count * elementWidth` bytes fit in `available`; else nil.
    static func elementCount(_ shape: [Int], elementWidth: Int, available: Int) -> Int? {
        var count = 1
        for dimension in shape {
            guard dimension >= 0 else { return nil }
            let (product, overflow) = count.multipliedReportingOverflow(by: dimension)
            guard !overflow else { return nil }
            count = product
        }
        let (bytes, overflow) = count.multipliedReportingOverflow(by: Swift.max(elementWidth, 1))
        guard !overflow, bytes <= available else { return nil }
        return count
    }

    /// A 64-bit offset or size from a file as an `Int`, if it is at most `limit`.
    static func offset(_ value: UInt64, atMost limit: Int) -> Int? {
        guard let result = Int(exactly: value), result <= limit else { return nil }
        return result
    }

    /// The element count of `shape` as text for messages ("9", or "more than 2^63").
    static func countText(_ shape: [Int]) -> String {
        elementCount(shape, elementWidth: 1, available: Int.max).map(String.init) ?? "more than 2^63"
    }
}
