import Synchronization

/// A request to stop, raised from any thread and polled by long-running work.
///
/// The kernel raises it on an interrupt (message or SIGINT); the interpreter polls it in every
/// loop and call, and training polls it between batches. Polling is a relaxed atomic load, so
/// it is cheap enough for the innermost interpreter loop.
public final class CancellationFlag: Sendable {
    private let raised = Atomic<Bool>(false)

    public init() {}

    /// Asks the running work to stop at its next poll.
    public func raise() { raised.store(true, ordering: .relaxed) }

    /// Whether a stop has been requested and not yet consumed.
    public var isRaised: Bool { raised.load(ordering: .relaxed) }

    /// Clears the request; returns whether it had been raised.
    @discardableResult
    public func consume() -> Bool { raised.exchange(false, ordering: .relaxed) }
}
