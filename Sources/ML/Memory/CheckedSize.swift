/// Sizes a user chooses (a shape, a count of bins, a number of units), checked before they
/// reach a multiplication that could overflow or an allocation that could abort the process.
///
/// Swift traps on integer overflow and aborts when an allocation fails; both kill the kernel
/// and lose the session. Every allocation whose size comes from user input goes through
/// `CheckedSize.elementCount` / `CheckedSize.reserve` first, so the mistake becomes a
/// `SizeError` (a Python `ValueError` or `MemoryError`) instead.
public enum CheckedSize {
    /// The product of `shape`'s extents.
    /// - Throws: `SizeError.negativeDimension` for an extent below zero, `SizeError.tooBig`
    ///   when the product does not fit in an `Int`.
    public static func elementCount(_ shape: [Int]) throws(SizeError) -> Int {
        if shape.contains(where: { $0 < 0 }) { throw .negativeDimension(shape: shape) }
        var count = 1
        for extent in shape {
            let (product, overflow) = count.multipliedReportingOverflow(by: extent)
            // A zero extent makes the array empty whatever the others are, but NumPy still
            // refuses a shape whose nominal size overflows; so do we (no early exit).
            if overflow { throw .tooBig(shape: shape) }
            count = product
        }
        return count
    }

    /// The bytes for `shape` elements of `elementSize` bytes, checked against the machine's
    /// memory: a request larger than physical memory would fail or, with overcommit, get the
    /// process killed when touched.
    /// - Throws: `SizeError` (negative, overflowing, or more than the machine has).
    @discardableResult
    public static func reserve(_ shape: [Int], elementSize: Int, typeName: String = "float32") throws(SizeError) -> Int {
        let count = try elementCount(shape)
        let (bytes, overflow) = count.multipliedReportingOverflow(by: Swift.max(elementSize, 1))
        if overflow { throw .tooBig(shape: shape) }
        if bytes > ArrayStorage.physicalMemory { throw .outOfMemory(shape: shape, bytes: bytes, typeName: typeName) }
        return count
    }

    /// `count` elements of `elementSize` bytes (a 1-d request: histogram bins, list items).
    @discardableResult
    public static func reserve(count: Int, elementSize: Int, typeName: String = "float32") throws(SizeError) -> Int {
        try reserve([count], elementSize: elementSize, typeName: typeName)
    }

    /// `value` as an `Int` when it is finite and in range, else nil. `Int(someDouble)` traps
    /// on NaN, infinities and magnitudes of 2^63 and more; a user's float never goes through it
    /// unchecked.
    public static func int(_ value: Double) -> Int? {
        // -2^63 is exactly representable; 2^63 is the first double that is too large.
        guard value.isFinite, value >= -9.223372036854775808e18, value < 9.223372036854775808e18 else { return nil }
        return Int(value)
    }
}

/// A size a user asked for that cannot be honoured; each maps to the Python exception NumPy
/// raises for it.
public enum SizeError: Error, CustomStringConvertible, Sendable, Equatable {
    /// A negative extent (`ValueError: negative dimensions are not allowed`).
    case negativeDimension(shape: [Int])
    /// The element count or byte count does not fit in 64 bits (NumPy's `ValueError`).
    case tooBig(shape: [Int])
    /// More memory than the machine has (`MemoryError`).
    case outOfMemory(shape: [Int], bytes: Int, typeName: String)

    public var description: String {
        switch self {
        case .negativeDimension: "negative dimensions are not allowed"
        case .tooBig: "array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size."
        case let .outOfMemory(shape, bytes, typeName):
            "Unable to allocate \(formatByteCount(bytes)) for an array with shape \(formatShape(shape)) and data type \(typeName)"
        }
    }

    /// Whether Python raises `MemoryError` (otherwise `ValueError`).
    public var isMemoryError: Bool { if case .outOfMemory = self { true } else { false } }
}
