/// An array read from a data file, in the element type the file stores. The bindings turn
/// it into a NumPy-style array of the same dtype.
public struct LoadedArray: Equatable, Sendable {
    /// The elements in row-major order, by stored type.
    public enum Elements: Equatable, Sendable {
        case uint8([UInt8])
        case int64([Int64])
        case float32([Float])
        case float64([Double])
        case bool([Bool])
    }

    public var shape: [Int]
    public var elements: Elements

    public init(shape: [Int], elements: Elements) {
        self.shape = shape
        self.elements = elements
    }

    /// Number of elements.
    public var count: Int {
        switch elements {
        case let .uint8(v): v.count
        case let .int64(v): v.count
        case let .float32(v): v.count
        case let .float64(v): v.count
        case let .bool(v): v.count
        }
    }

    /// The elements converted to `Float`.
    public var floats: [Float] {
        switch elements {
        case let .uint8(v): v.map { Float($0) }
        case let .int64(v): v.map { Float($0) }
        case let .float32(v): v
        case let .float64(v): v.map { Float($0) }
        case let .bool(v): v.map { $0 ? 1 : 0 }
        }
    }

    /// The elements as a float32 tensor of the same shape.
    public var tensor: Tensor {
        let t = Tensor(uninitializedShape: shape)
        switch elements {
        case let .uint8(v): for i in 0..<v.count { t.storage[i] = Float(v[i]) }
        case let .float32(v): v.withUnsafeBufferPointer { if let base = $0.baseAddress { t.storage.update(from: base, count: v.count) } }
        default:
            let f = floats
            f.withUnsafeBufferPointer { if let base = $0.baseAddress { t.storage.update(from: base, count: f.count) } }
        }
        return t
    }
}
