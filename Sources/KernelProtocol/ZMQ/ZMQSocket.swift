import CZeroMQ

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A failed ZeroMQ call, with libzmq's explanation.
public struct ZMQError: Error, CustomStringConvertible, Sendable {
    public var operation: String
    public var code: Int32

    /// Captures `zmq_errno()` after a failed call to `operation`.
    init(_ operation: String) {
        self.operation = operation
        code = zmq_errno()
    }

    /// The context was shut down: the owning thread should close its socket and stop.
    public var isTerminated: Bool { code == ETERM }

    public var description: String { "\(operation): \(String(cString: zmq_strerror(code)))" }
}

/// The ZeroMQ context. This kernel creates every socket on the main thread and hands each to
/// the one thread that then owns it.
///
/// `@unchecked Sendable`: libzmq documents contexts as thread-safe (unlike sockets), and the
/// class holds nothing but the context pointer.
public final class ZMQContext: @unchecked Sendable {
    let handle: UnsafeMutableRawPointer

    public init() throws(ZMQError) {
        guard let handle = zmq_ctx_new() else { throw ZMQError("zmq_ctx_new") }
        self.handle = handle
    }

    /// A new socket of `type` (`ZMQ_ROUTER`, `ZMQ_XPUB`, ...), free to be handed to the
    /// thread that will own it.
    public func socket(_ type: Int32) throws(ZMQError) -> sending ZMQSocket {
        guard let socket = zmq_socket(handle, type) else { throw ZMQError("zmq_socket") }
        return ZMQSocket(handle: socket)
    }

    /// Makes every blocking call on this context's sockets return `ETERM`, in whatever thread.
    public func shutdown() {
        zmq_ctx_shutdown(handle)
    }

    /// Waits until every socket is closed and their queued messages are sent (bounded by each
    /// socket's linger), then frees the context. Call only when all sockets are closed.
    public func terminate() {
        while zmq_ctx_term(handle) != 0 && zmq_errno() == EINTR {}
    }
}

/// One ZeroMQ socket. Not thread-safe (ZeroMQ sockets are not): exactly one thread uses it.
public final class ZMQSocket {
    let handle: UnsafeMutableRawPointer

    init(handle: UnsafeMutableRawPointer) {
        self.handle = handle
    }

    deinit {
        zmq_close(handle)
    }

    public func bind(_ endpoint: String) throws(ZMQError) {
        guard zmq_bind(handle, endpoint) == 0 else { throw ZMQError("bind \(endpoint)") }
    }

    public func connect(_ endpoint: String) throws(ZMQError) {
        guard zmq_connect(handle, endpoint) == 0 else { throw ZMQError("connect \(endpoint)") }
    }

    public func setOption(_ option: Int32, _ value: Int32) throws(ZMQError) {
        var value = value
        guard zmq_setsockopt(handle, option, &value, MemoryLayout<Int32>.size) == 0 else {
            throw ZMQError("zmq_setsockopt(\(option))")
        }
    }

    public func setOption(_ option: Int32, bytes: [UInt8]) throws(ZMQError) {
        let status = bytes.withUnsafeBytes { zmq_setsockopt(handle, option, $0.baseAddress, $0.count) }
        guard status == 0 else { throw ZMQError("zmq_setsockopt(\(option))") }
    }

    /// Sends the frames as one multipart message.
    public func send(_ frames: [[UInt8]]) throws(ZMQError) {
        for (index, frame) in frames.enumerated() {
            let flags = index < frames.count - 1 ? ZMQ_SNDMORE : 0
            while true {
                let sent = frame.withUnsafeBytes { zmq_send(handle, $0.baseAddress, $0.count, flags) }
                if sent >= 0 { break }
                if zmq_errno() == EINTR { continue }
                throw ZMQError("zmq_send")
            }
        }
    }

    /// The next multipart message. With `wait` false, returns nil when none is queued.
    public func receive(wait: Bool = true) throws(ZMQError) -> [[UInt8]]? {
        var frames: [[UInt8]] = []
        var part = zmq_msg_t()
        zmq_msg_init(&part)
        defer { zmq_msg_close(&part) }
        while true {
            let flags = (wait || !frames.isEmpty) ? 0 : ZMQ_DONTWAIT
            if zmq_msg_recv(&part, handle, flags) < 0 {
                let error = ZMQError("zmq_msg_recv")
                if error.code == EINTR { continue }
                if error.code == EAGAIN && frames.isEmpty { return nil }
                throw error
            }
            let size = zmq_msg_size(&part)
            if size > 0, let data = zmq_msg_data(&part) {
                frames.append(Array(UnsafeRawBufferPointer(start: data, count: size)))
            } else {
                frames.append([])
            }
            if zmq_msg_more(&part) == 0 { return frames }
        }
    }

    /// Waits until this socket has a message to read or `timeoutMilliseconds` pass (-1 waits
    /// for ever). Also watches `fileDescriptor` for reading, when given.
    public func poll(timeoutMilliseconds: Int, alsoWatching fileDescriptor: Int32? = nil) throws(ZMQError) -> PollResult {
        var items = [zmq_pollitem_t(socket: handle, fd: 0, events: Int16(ZMQ_POLLIN), revents: 0)]
        if let fileDescriptor {
            items.append(zmq_pollitem_t(socket: nil, fd: fileDescriptor, events: Int16(ZMQ_POLLIN), revents: 0))
        }
        while true {
            let ready = zmq_poll(&items, Int32(items.count), timeoutMilliseconds)
            if ready >= 0 { break }
            let error = ZMQError("zmq_poll")
            if error.code == EINTR { continue }
            throw error
        }
        return PollResult(
            socketReadable: items[0].revents & Int16(ZMQ_POLLIN) != 0,
            fileReadable: items.count > 1 && items[1].revents & Int16(ZMQ_POLLIN) != 0)
    }

    public struct PollResult {
        public var socketReadable: Bool
        public var fileReadable: Bool
    }
}
