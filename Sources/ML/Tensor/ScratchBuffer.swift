/// Float storage a training loop reuses from step to step: it grows to the largest size
/// asked for and is never freed until its owner is, so steady-state steps allocate nothing.
final class ScratchBuffer {
    private(set) var pointer: UnsafeMutablePointer<Float>
    private(set) var capacity: Int

    init(capacity: Int = 0) {
        self.capacity = capacity
        self.pointer = .allocate(capacity: Swift.max(capacity, 1))
    }

    deinit { pointer.deallocate() }

    /// Storage for at least `count` floats. Earlier contents are not kept when it grows.
    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<Float> {
        if count > capacity {
            pointer.deallocate()
            pointer = .allocate(capacity: count)
            capacity = count
        }
        return pointer
    }
}

/// Int32 storage reused the same way (max-pooling's winning positions).
final class IndexBuffer {
    private(set) var pointer: UnsafeMutablePointer<Int32>
    private(set) var capacity: Int

    init() {
        capacity = 0
        pointer = .allocate(capacity: 1)
    }

    deinit { pointer.deallocate() }

    @inline(__always)
    func reserve(_ count: Int) -> UnsafeMutablePointer<Int32> {
        if count > capacity {
            pointer.deallocate()
            pointer = .allocate(capacity: count)
            capacity = count
        }
        return pointer
    }
}
