/// Gathers consecutive stream text into one `stream` message, so that a loop printing a line
/// at a time sends a few messages a second rather than thousands.
///
/// Text is held until the stream or the request changes, the buffer grows past
/// `maximumBytes`, or the oldest text has waited `interval`; the owner asks for due text with
/// `takeIfDue` and for everything with `take` (before any other output and before a reply).
struct StreamCoalescer {
    struct Pending: Equatable {
        var name: String
        var parent: Message
        var text: String
        var since: ContinuousClock.Instant
    }

    let interval: Duration
    let maximumBytes: Int
    private(set) var pending: Pending?

    init(interval: Duration = .milliseconds(50), maximumBytes: Int = 65536) {
        self.interval = interval
        self.maximumBytes = maximumBytes
    }

    /// Adds text. Returns what must be sent now, in order: earlier text of another stream or
    /// request, and this buffer itself once it is full.
    mutating func append(name: String, text: String, parent: Message, now: ContinuousClock.Instant) -> [Pending] {
        var ready: [Pending] = []
        if let current = pending, current.name != name || current.parent.messageID != parent.messageID {
            ready.append(current)
            pending = nil
        }
        if pending == nil {
            pending = Pending(name: name, parent: parent, text: text, since: now)
        } else {
            pending?.text += text
        }
        if let current = pending, current.text.utf8.count >= maximumBytes {
            ready.append(current)
            pending = nil
        }
        return ready
    }

    /// When the held text must go out, or nil when nothing is held.
    var deadline: ContinuousClock.Instant? { pending.map { $0.since + interval } }

    /// The held text if it has waited long enough.
    mutating func takeIfDue(now: ContinuousClock.Instant) -> Pending? {
        guard let deadline, now >= deadline else { return nil }
        return take()
    }

    /// The held text, whatever its age.
    mutating func take() -> Pending? {
        defer { pending = nil }
        return pending
    }
}
