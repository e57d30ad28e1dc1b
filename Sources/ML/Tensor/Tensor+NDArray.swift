/// Conversions between the training tensors and NumPy-style arrays: what `fit`, `predict`,
/// `tf.constant` and `.numpy()` do at the boundary.
extension Tensor {
    /// A float32 tensor with `array`'s shape and values (converted from its dtype), copied so
    /// later writes to the array do not change it (`tf.constant(a)`).
    /// - Throws: `ArrayError` when the array cannot be converted.
    public convenience init(_ array: NDArray) throws {
        let floats = try array.dtype == .float32 ? array.contiguous() : array.astype(.float32)
        self.init(uninitializedShape: floats.shape)
        try floats.withUnsafeBufferPointer(as: Float.self) { source in
            if let base = source.baseAddress { storage.update(from: base, count: count) }
        }
    }

    /// A tensor reading `array`'s memory directly when it already is contiguous float32 (no
    /// copy), else a converted copy. For the duration of one call (`fit`, `predict`), where
    /// the array cannot change underneath.
    public static func viewing(_ array: NDArray) throws -> Tensor {
        guard array.dtype == .float32, array.isContiguous else { return try Tensor(array) }
        return Tensor(borrowing: array.basePointer(Float.self), shape: array.shape, owner: array.storage)
    }

    /// An empty float32 array of `shape` and a tensor writing into its memory, so a result
    /// computed into the tensor needs no copy to become an array.
    static func sharedWithNewArray(shape: [Int]) throws -> (Tensor, NDArray) {
        let array = try NDArray(uninitializedShape: shape, dtype: .float32)
        return (Tensor(borrowing: array.basePointer(Float.self), shape: shape, owner: array.storage), array)
    }

    /// The values as a float32 `NDArray` (`.numpy()`), copied.
    public func ndarray() throws -> NDArray {
        try NDArray(copying: UnsafeBufferPointer(start: storage, count: count), shape: shape)
    }
}
