import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the kernel stops, and the way any thread asks the main thread to stop it. The first
/// reason wins; the main thread waits on `descriptor` next to the signal pipe.
public final class KernelStop: Sendable {
    public enum Reason: Sendable, Equatable, CustomStringConvertible {
        case shutdownRequested(restart: Bool)
        case terminated
        case parentExited(pid: Int32)

        public var description: String {
            switch self {
            case .shutdownRequested(let restart): restart ? "shutdown requested for a restart" : "shutdown requested"
            case .terminated: "SIGTERM"
            case .parentExited(let pid): "parent process \(pid) exited"
            }
        }
    }

    private let reason = Mutex<Reason?>(nil)
    private let readEnd: Int32
    private let writeEnd: Int32

    init() throws(KernelStartError) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw .system("pipe for stopping", errno) }
        for descriptor in descriptors { _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC) }
        readEnd = descriptors[0]
        writeEnd = descriptors[1]
    }

    /// Asks the kernel to stop. Safe from any thread.
    public func request(_ why: Reason) {
        let first = reason.withLock { current -> Bool in
            guard current == nil else { return false }
            current = why
            return true
        }
        if first {
            var byte: UInt8 = 1
            _ = systemWrite(writeEnd, &byte, 1)
        }
    }

    /// The reason given, once a stop was requested.
    public var requested: Reason? { reason.withLock { $0 } }

    var descriptor: Int32 { readEnd }
}
