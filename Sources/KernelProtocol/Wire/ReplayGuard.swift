import Synchronization

/// Remembers the signatures of messages already accepted, so that a captured message sent
/// again is refused. Shared by the shell, control and stdin threads: a message replayed on
/// another channel is a replay too.
///
/// Memory is bounded: past `capacity` signatures the oldest are forgotten, as ipykernel
/// does with its digest history.
public final class ReplayGuard: Sendable {
    private struct State {
        var seen: Set<[UInt8]> = []
        var order: [[UInt8]] = []
        var oldest = 0
    }

    private let state = Mutex(State())
    public let capacity: Int

    public init(capacity: Int = 65536) {
        self.capacity = max(1, capacity)
    }

    /// Records `signature`; returns false when it was seen before (the message is a replay).
    public func admit(_ signature: [UInt8]) -> Bool {
        state.withLock { state in
            guard state.seen.insert(signature).inserted else { return false }
            if state.order.count < capacity {
                state.order.append(signature)
            } else {
                state.seen.remove(state.order[state.oldest])
                state.order[state.oldest] = signature
                state.oldest = (state.oldest + 1) % capacity
            }
            return true
        }
    }
}
