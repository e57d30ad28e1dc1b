/// A mutable, named tensor that training updates in place: a layer's kernel or bias, or a
/// `tf.Variable` a user makes. Reading `value` gives an immutable snapshot.
public final class Variable {
    /// The variable's name (`"kernel"`, `"bias"`, or the user's).
    public var name: String
    /// Whether optimizers update it and tapes watch it automatically.
    public var trainable: Bool
    /// The extent of each axis.
    public let shape: [Int]
    /// Number of elements.
    public let count: Int
    let storage: UnsafeMutablePointer<Float>

    /// A variable holding a copy of `initialValue`.
    public init(_ initialValue: Tensor, name: String = "Variable", trainable: Bool = true) {
        self.name = name
        self.trainable = trainable
        self.shape = initialValue.shape
        self.count = initialValue.count
        self.storage = .allocate(capacity: Swift.max(count, 1))
        storage.initialize(from: initialValue.storage, count: count)
    }

    /// A variable of `shape` filled by `fill` (an initialiser writing `count` elements).
    /// - Throws: `SizeError` when `shape` (from a layer's `units` or `filters`) is negative,
    ///   overflows or needs more memory than the machine has.
    init(shape: [Int], name: String, trainable: Bool = true, fill: (UnsafeMutableBufferPointer<Float>) -> Void) throws {
        self.count = try CheckedSize.reserve(shape, elementSize: MemoryLayout<Float>.stride)
        self.name = name
        self.trainable = trainable
        self.shape = shape
        self.storage = .allocate(capacity: Swift.max(count, 1))
        storage.initialize(repeating: 0, count: count)
        fill(UnsafeMutableBufferPointer(start: storage, count: count))
    }

    deinit { storage.deallocate() }

    /// A snapshot of the current value.
    public var value: Tensor { Tensor(copying: storage, shape: shape) }

    /// The elements in row-major order.
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// Replaces the value with `newValue`, which must have the same shape.
    /// - Throws: `TensorError.incompatibleShapes` otherwise.
    public func assign(_ newValue: Tensor) throws {
        guard newValue.shape == shape || (newValue.count == count && newValue.shape.filter { $0 != 1 } == shape.filter { $0 != 1 }) else {
            throw TensorError.incompatibleShapes(shape, newValue.shape, operation: "assign to variable '\(name)'")
        }
        storage.update(from: newValue.storage, count: count)
    }

    /// Replaces the value with `elements` (row-major), which must number `count`.
    public func assign(_ elements: [Float]) throws {
        guard elements.count == count else {
            throw TensorError.elementCountMismatch(shape: shape, count: elements.count)
        }
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: count) }
        }
    }

    /// Adds `delta` (same shape) to the value: `assign_add`.
    public func assignAdd(_ delta: Tensor) throws {
        guard delta.count == count else {
            throw TensorError.incompatibleShapes(shape, delta.shape, operation: "assign_add to variable '\(name)'")
        }
        for i in 0..<count { storage[i] += delta.storage[i] }
    }

    /// Subtracts `delta` (same shape) from the value: `assign_sub`.
    public func assignSubtract(_ delta: Tensor) throws {
        guard delta.count == count else {
            throw TensorError.incompatibleShapes(shape, delta.shape, operation: "assign_sub to variable '\(name)'")
        }
        for i in 0..<count { storage[i] -= delta.storage[i] }
    }
}
