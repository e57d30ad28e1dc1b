/// An n-dimensional array with NumPy's semantics: a dtype, a shape, and a strided view onto
/// shared storage.
///
/// Like a NumPy array, an `NDArray` is a *view*: copying the struct, slicing, transposing and
/// reshaping (when the layout allows) give new views of the same elements, and writes through
/// any view are seen by all of them. `copy()` makes independent storage.
///
/// Operations that allocate `throw` (`ArrayError` of kind `.memoryError` when memory is short,
/// `.valueError` for shape mismatches and so on); nothing a caller passes makes them trap.
///
/// For the training code, the contiguous float32 path is:
/// ```swift
/// let x = try NDArray([1, 2, 3, 4] as [Float], shape: [2, 2])
/// try x.withUnsafeBufferPointer(as: Float.self) { buffer in ... }   // C-order elements
/// let y = try NDArray(shape: [2, 2], dtype: Float.self) { buffer in ... }  // fill a new one
/// ```
public struct NDArray {
    /// The element type.
    public let dtype: DType
    /// The length of each dimension; `[]` for a 0-d array (a scalar).
    public internal(set) var shape: [Int]
    /// Steps between neighbours along each dimension, in elements (NumPy counts bytes).
    public internal(set) var strides: [Int]
    /// Where element `[0, 0, ...]` sits in the storage, in elements.
    var offset: Int
    let storage: ArrayStorage

    init(storage: ArrayStorage, dtype: DType, shape: [Int], strides: [Int], offset: Int) {
        self.storage = storage
        self.dtype = dtype
        self.shape = shape
        self.strides = strides
        self.offset = offset
    }

    /// A new C-contiguous array of `shape`, zero-filled when `zeroed`, otherwise with
    /// unspecified contents that the caller overwrites.
    init(uninitializedShape shape: [Int], dtype: DType, zeroed: Bool = false) throws {
        let count = try elementCount(shape)
        let (bytes, overflow) = count.multipliedReportingOverflow(by: dtype.itemSize)
        if overflow {
            throw ArrayError.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
        }
        let storage = try ArrayStorage(byteCount: bytes, zeroed: zeroed, shape: shape, dtype: dtype)
        self.init(storage: storage, dtype: dtype, shape: shape, strides: contiguousStrides(shape), offset: 0)
    }

    // MARK: - Construction

    /// An array of `shape` filled with zeros (`np.zeros`).
    public static func zeros(_ shape: [Int], dtype: DType = .float64) throws -> NDArray {
        try NDArray(uninitializedShape: shape, dtype: dtype, zeroed: true)
    }

    /// An array of `shape` filled with ones (`np.ones`).
    public static func ones(_ shape: [Int], dtype: DType = .float64) throws -> NDArray {
        try full(shape, value: .int(1), dtype: dtype)
    }

    /// An array of `shape` with every element `value` (`np.full`). Without a dtype the
    /// value's own decides: a float gives float64, an int int64, a bool bool.
    public static func full(_ shape: [Int], value: ScalarValue, dtype: DType? = nil) throws -> NDArray {
        let dtype = dtype ?? value.defaultDType
        let result = try NDArray(uninitializedShape: shape, dtype: dtype)
        try result.fill(with: value)
        return result
    }

    /// An array holding `values` in C order with the given shape. Throws when the shape's
    /// size differs from `values.count`.
    public init<T: ArrayElement>(_ values: [T], shape: [Int]) throws {
        let count = try elementCount(shape)
        guard count == values.count else {
            throw ArrayError.value("cannot reshape array of size \(values.count) into shape \(formatCompactShape(shape))")
        }
        try self.init(uninitializedShape: shape, dtype: T.dtype)
        let destination = storage.base.assumingMemoryBound(to: T.self)
        values.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { destination.update(from: base, count: count) }
        }
    }

    /// A 1-d array of `values`.
    public init<T: ArrayElement>(_ values: [T]) {
        // The shape matches the count by construction, and the values already fit in memory.
        try! self.init(values, shape: [values.count])
    }

    /// An int64 array from Swift `Int`s (NumPy's default integer).
    public init(_ values: [Int], shape: [Int]) throws {
        try self.init(values.map { Int64($0) }, shape: shape)
    }

    /// A 0-d array holding one value (what `np.array(3.5)` makes).
    public init<T: ArrayElement>(scalar: T) {
        try! self.init([scalar], shape: [])  // one element always fits
    }

    /// A new C-contiguous array of `shape` whose elements `initializer` writes, in C order.
    /// The buffer starts zeroed.
    public init<T: ArrayElement>(shape: [Int], dtype: T.Type,
                                 initializingWith initializer: (UnsafeMutableBufferPointer<T>) throws -> Void) throws {
        try self.init(uninitializedShape: shape, dtype: T.dtype, zeroed: true)
        let buffer = UnsafeMutableBufferPointer(start: storage.base.assumingMemoryBound(to: T.self), count: size)
        try initializer(buffer)
    }

    /// A copy of `buffer` as a C-contiguous array of `shape`.
    public init<T: ArrayElement>(copying buffer: UnsafeBufferPointer<T>, shape: [Int]) throws {
        let count = try elementCount(shape)
        guard count == buffer.count else {
            throw ArrayError.value("cannot reshape array of size \(buffer.count) into shape \(formatCompactShape(shape))")
        }
        try self.init(uninitializedShape: shape, dtype: T.dtype)
        if let source = buffer.baseAddress {
            storage.base.assumingMemoryBound(to: T.self).update(from: source, count: count)
        }
    }

    // MARK: - Properties

    /// Number of dimensions.
    public var ndim: Int { shape.count }
    /// Number of elements.
    public var size: Int { shape.reduce(1, *) }
    /// Bytes the elements take (`nbytes`).
    public var byteCount: Int { size * dtype.itemSize }

    /// Whether the elements lie in C order with no gaps, so one pointer and a count cover them.
    public var isContiguous: Bool {
        var expected = 1
        for axis in stride(from: ndim - 1, through: 0, by: -1) where shape[axis] != 1 {
            if shape[axis] == 0 { return true }
            if strides[axis] != expected { return false }
            expected *= shape[axis]
        }
        return true
    }

    /// Whether two arrays are views of the same storage (NumPy's `may_share_memory`, coarsely).
    public func sharesStorage(with other: NDArray) -> Bool { storage === other.storage }

    /// Pointer to element `[0, 0, ...]`, typed. Callers check the dtype first.
    @inline(__always)
    func basePointer<T>(_ type: T.Type) -> UnsafeMutablePointer<T> {
        storage.base.assumingMemoryBound(to: T.self) + offset
    }

    // MARK: - Contiguous access

    /// This array if it is C-contiguous, otherwise a C-contiguous copy.
    public func contiguous() throws -> NDArray {
        isContiguous ? self : try copy()
    }

    /// A C-contiguous copy with its own storage.
    public func copy() throws -> NDArray {
        let result = try NDArray(uninitializedShape: shape, dtype: dtype)
        try result.assign(from: self)
        return result
    }

    /// Calls `body` with the elements in C order. Copies first when the array is not
    /// contiguous. Throws a `TypeError` when `T` is not the array's element type.
    public func withUnsafeBufferPointer<T: ArrayElement, R>(as type: T.Type,
                                                             _ body: (UnsafeBufferPointer<T>) throws -> R) throws -> R {
        guard T.dtype == dtype else {
            throw ArrayError.type("array has dtype \(dtype.name), not \(T.dtype.name)")
        }
        let source = try contiguous()
        return try withExtendedLifetime(source) {
            try body(UnsafeBufferPointer(start: source.basePointer(T.self), count: source.size))
        }
    }

    /// Calls `body` with the elements in C order for writing. The array must be contiguous
    /// (writes go to its own storage, seen by every view of it) and `T` its element type.
    public func withUnsafeMutableBufferPointer<T: ArrayElement, R>(as type: T.Type,
                                                                    _ body: (UnsafeMutableBufferPointer<T>) throws -> R) throws -> R {
        guard T.dtype == dtype else {
            throw ArrayError.type("array has dtype \(dtype.name), not \(T.dtype.name)")
        }
        guard isContiguous else {
            throw ArrayError.value("array is not contiguous; write through a contiguous copy()")
        }
        return try withExtendedLifetime(self) {
            try body(UnsafeMutableBufferPointer(start: basePointer(T.self), count: size))
        }
    }

    /// The elements in C order as a Swift array. Throws when `T` is not the element type.
    public func scalars<T: ArrayElement>(as type: T.Type) throws -> [T] {
        try withUnsafeBufferPointer(as: T.self) { Array($0) }
    }

    /// The elements in C order converted to Double (exact except int64 beyond 2^53).
    public func doubles() throws -> [Double] {
        try astype(.float64).scalars(as: Double.self)
    }
}

// MARK: - Shape arithmetic

/// Number of elements in `shape`, checking for negative lengths and overflow.
func elementCount(_ shape: [Int]) throws -> Int {
    var count = 1
    // NumPy refuses a shape whose non-zero extents overflow even when another extent is 0
    // (`reshape(0, 2**62, 2**62)`): strides are products of those extents.
    var nominal = 1
    for length in shape {
        if length < 0 { throw ArrayError.value("negative dimensions are not allowed") }
        let (product, overflow) = nominal.multipliedReportingOverflow(by: Swift.max(length, 1))
        if overflow {
            throw ArrayError.value("array is too big; `arr.size * arr.dtype.itemsize` is larger than the maximum possible size.")
        }
        nominal = product
        count *= length
    }
    return count
}

/// C-order strides, in elements, for `shape`.
func contiguousStrides(_ shape: [Int]) -> [Int] {
    var strides = [Int](repeating: 0, count: shape.count)
    var step = 1
    for axis in stride(from: shape.count - 1, through: 0, by: -1) {
        strides[axis] = step
        step *= max(shape[axis], 1)
    }
    return strides
}
