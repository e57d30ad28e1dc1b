/// A dense, contiguous, row-major array of `Float`: the value training computes with.
///
/// `Tensor` is to SwiftML what TensorFlow's eager tensor is to `np.ndarray`: the library's own
/// float32 type, converted from and to arrays at the edges (`fit`, `predict`, `.numpy()`).
/// A tensor is a reference with identity (a `GradientTape` watches a particular tensor) and its
/// elements never change after it is made, except through the library's own kernels while the
/// tensor is still private to them.
public final class Tensor: @unchecked Sendable {
    // @unchecked Sendable: the elements are written only while the tensor is being built by
    // the one thread that made it; once returned to a caller they are immutable.

    /// The extent of each axis; `[]` for a scalar.
    public let shape: [Int]
    /// Number of elements (the product of `shape`, 1 for a scalar).
    public let count: Int
    let storage: UnsafeMutablePointer<Float>
    /// The object that owns `storage` when the tensor borrows another's memory (an
    /// `NDArray`'s); nil when the tensor allocated it and frees it.
    private let owner: AnyObject?

    /// A tensor of `shape` whose elements are not yet set. Kernels fill it before returning it.
    init(uninitializedShape shape: [Int]) {
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.storage = .allocate(capacity: Swift.max(count, 1))
        self.owner = nil
    }

    /// A tensor over memory `owner` keeps alive (no copy).
    init(borrowing storage: UnsafeMutablePointer<Float>, shape: [Int], owner: AnyObject) {
        self.shape = shape
        self.count = shape.reduce(1, *)
        self.storage = storage
        self.owner = owner
    }

    deinit { if owner == nil { storage.deallocate() } }

    /// A tensor of `shape` holding `elements` in row-major order.
    /// - Throws: `TensorError.elementCountMismatch` when the counts differ, or
    ///   `TensorError.negativeDimension` for a negative extent.
    public convenience init(_ elements: [Float], shape: [Int]) throws {
        try Self.validate(shape: shape)
        let expected = shape.reduce(1, *)
        guard expected == elements.count else {
            throw TensorError.elementCountMismatch(shape: shape, count: elements.count)
        }
        self.init(uninitializedShape: shape)
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: count) }
        }
    }

    /// A tensor of `shape` whose elements are copied from `source` (`count` of them).
    public convenience init(copying source: UnsafePointer<Float>, shape: [Int]) {
        self.init(uninitializedShape: shape)
        storage.update(from: source, count: count)
    }

    /// A one-dimensional tensor holding `elements`.
    public convenience init(_ elements: [Float]) {
        // The shape is the element count, so this cannot fail.
        self.init(uninitializedShape: [elements.count])
        elements.withUnsafeBufferPointer { source in
            if let base = source.baseAddress { storage.update(from: base, count: count) }
        }
    }

    /// A scalar (rank-0) tensor.
    public convenience init(scalar: Float) {
        self.init(uninitializedShape: [])
        storage[0] = scalar
    }

    /// A tensor of `shape` with every element `value`.
    public convenience init(repeating value: Float, shape: [Int]) throws {
        try Self.validate(shape: shape)
        self.init(uninitializedShape: shape)
        storage.initialize(repeating: value, count: count)
    }

    /// A tensor of zeros.
    public static func zeros(_ shape: [Int]) throws -> Tensor { try Tensor(repeating: 0, shape: shape) }

    /// A tensor of ones.
    public static func ones(_ shape: [Int]) throws -> Tensor { try Tensor(repeating: 1, shape: shape) }

    static func validate(shape: [Int]) throws {
        if let bad = shape.first(where: { $0 < 0 }) { throw TensorError.negativeDimension(shape: shape, extent: bad) }
        // Overflowing or larger than memory: an error here, not a trap in `reduce(1, *)` or an
        // abort in `allocate` below.
        try CheckedSize.reserve(shape, elementSize: MemoryLayout<Float>.stride)
    }

    /// Number of axes.
    public var rank: Int { shape.count }

    /// The elements in row-major order.
    public var scalars: [Float] { Array(UnsafeBufferPointer(start: storage, count: count)) }

    /// The only element of a tensor with one element (a scalar, or any shape of size 1).
    /// - Throws: `TensorError.notAScalar` otherwise.
    public func scalarValue() throws -> Float {
        guard count == 1 else { throw TensorError.notAScalar(shape: shape) }
        return storage[0]
    }

    /// Calls `body` with the elements, valid only for the call.
    public func withUnsafeBufferPointer<R>(_ body: (UnsafeBufferPointer<Float>) throws -> R) rethrows -> R {
        try body(UnsafeBufferPointer(start: storage, count: count))
    }

    /// The same elements under another shape with the same element count (one extent may be
    /// -1, inferred). Copies, since tensors do not share storage.
    public func reshaped(_ newShape: [Int]) throws -> Tensor {
        let resolved = try Shape.resolvingInferredAxis(newShape, count: count, from: shape)
        return Tensor(copying: storage, shape: resolved)
    }
}

/// What can go wrong making or combining tensors; each description says what to change.
public enum TensorError: Error, CustomStringConvertible, Equatable, Sendable {
    case elementCountMismatch(shape: [Int], count: Int)
    case negativeDimension(shape: [Int], extent: Int)
    case notAScalar(shape: [Int])
    case cannotReshape(from: [Int], to: [Int])
    case incompatibleShapes([Int], [Int], operation: String)
    case axisOutOfRange(axis: Int, rank: Int)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .elementCountMismatch(shape, count):
            return "cannot make a tensor of shape \(Shape.text(shape)) from \(count) elements (it needs \(shape.reduce(1, *)))"
        case let .negativeDimension(shape, extent):
            return "shape \(Shape.text(shape)) has a negative dimension \(extent)"
        case let .notAScalar(shape):
            return "a tensor of shape \(Shape.text(shape)) has more than one element; it cannot be converted to a number"
        case let .cannotReshape(from, to):
            return "cannot reshape a tensor of shape \(Shape.text(from)) (\(from.reduce(1, *)) elements) into shape \(Shape.text(to))"
        case let .incompatibleShapes(a, b, operation):
            return "\(operation): shapes \(Shape.text(a)) and \(Shape.text(b)) are incompatible"
        case let .axisOutOfRange(axis, rank):
            return "axis \(axis) is out of bounds for a tensor of rank \(rank)"
        case let .invalidArgument(message):
            return message
        }
    }
}
