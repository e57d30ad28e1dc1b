import Synchronization

/// Where interrupts go, from the control thread (`interrupt_request`) and from SIGINT.
///
/// Each interrupt bumps a generation number (so that a wait for input can tell it was
/// interrupted) and calls the interpreter's handle, which stops the running cell.
public final class KernelInterrupts: Sendable {
    private let generation = Atomic<Int>(0)
    private let handle = Mutex<(any InterruptHandle)?>(nil)

    public init() {}

    /// Sets the interpreter's handle once the shell thread has created the interpreter.
    func install(_ interruptHandle: any InterruptHandle) {
        handle.withLock { $0 = interruptHandle }
    }

    /// Interrupts the running cell, if any. Safe from any thread.
    public func interrupt() {
        generation.add(1, ordering: .sequentiallyConsistent)
        let target = handle.withLock { $0 }
        target?.interrupt()
    }

    /// The number of interrupts so far; compare two readings to see whether one happened.
    public var count: Int { generation.load(ordering: .sequentiallyConsistent) }
}
