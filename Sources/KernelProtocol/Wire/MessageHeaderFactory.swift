#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Makes the headers of the messages this kernel sends: a unique `msg_id`, this kernel's
/// session id, the time, and protocol version 5.4 (jupyter_client's validator rejects
/// 5.0 and 5.1 headers carrying newer fields).
public final class MessageHeaderFactory: Sendable {
    /// This kernel's session id: 32 random hex digits, fixed for the process.
    public let session: String
    public let username: String
    private let pid: Int32
    private let counter = Atomic<Int>(0)

    public init(username: String = "kernel") {
        var generator = SystemRandomNumberGenerator()
        let high = generator.next() as UInt64
        let low = generator.next() as UInt64
        session = hex64(high) + hex64(low)
        self.username = username
        pid = getpid()
    }

    /// A new header for a message of type `messageType`.
    public func header(for messageType: String) -> JSONObject {
        let number = counter.add(1, ordering: .relaxed).newValue
        return [
            "msg_id": .string("\(session)_\(pid)_\(number)"),
            "msg_type": .string(messageType),
            "session": .string(session),
            "username": .string(username),
            "date": .string(Self.timestamp()),
            "version": .string(KernelProtocolVersion.current),
        ]
    }

    /// A reply or broadcast with this kernel's header and `parent` as its parent.
    public func message(
        _ messageType: String, content: JSONObject, parent: Message?, identities: [[UInt8]] = [],
        metadata: JSONObject = [:]
    ) -> Message {
        Message(
            identities: identities, header: header(for: messageType), parentHeader: parent?.header ?? [:],
            metadata: metadata, content: content)
    }

    /// The current UTC time in ISO 8601 with microseconds, as jupyter_client writes it.
    public static func timestamp() -> String {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        var seconds = now.tv_sec
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ value: Int, _ width: Int) -> String {
            let digits = String(value)
            return String(repeating: "0", count: max(0, width - digits.count)) + digits
        }
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))"
            + "T\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2))"
            + ".\(pad(Int(now.tv_nsec) / 1000, 6))Z"
    }
}

private func hex64(_ value: UInt64) -> String {
    let digits = String(value, radix: 16)
    return String(repeating: "0", count: 16 - digits.count) + digits
}
