#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Why the kernel could not start. Printed to stderr before the process exits non-zero.
public enum KernelStartError: Error, CustomStringConvertible, Sendable {
    case bind(channel: String, ZMQError)
    case zmq(ZMQError)
    case signer(SignerError)
    case thread(ThreadStartError)
    case system(String, Int32)

    public var description: String {
        switch self {
        case .bind(let channel, let error):
            "cannot bind the \(channel) channel (\(error)); is another kernel using these ports?"
        case .zmq(let error):
            "ZeroMQ: \(error)"
        case .signer(let error):
            error.description
        case .thread(let error):
            error.description
        case .system(let what, let code):
            "\(what): \(String(cString: strerror(code)))"
        }
    }
}
