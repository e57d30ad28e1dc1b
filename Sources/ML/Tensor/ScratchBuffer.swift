/// Storage a training loop reuses from step to step: it grows to the largest size asked for
/// and is never freed until its owner is, so steady-state steps allocate nothing.
final class ReusableBuffer<Element> {
    private(set) var pointer: UnsafeMutablePointer<Element>
    private(set) var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = capacity
        self.pointer = .allocate(capacity: Swift.max(capacity, 1))
    }

    deinit { pointer.deallocate() }

    /// Storage for at least `count` elements. Earlier contents are not kept when it grows.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<Element> {
        if count > capacity {
            pointer.deallocate()
            pointer = .allocate(capacity: count)
            capacity = count
        }
        return pointer
    }
}

/// Activations, gradients and batches.
typealias ScratchBuffer = ReusableBuffer<Float>

/// Max-pooling's winning positions.
typealias IndexBuffer = ReusableBuffer<Int32>
