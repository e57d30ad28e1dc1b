import Dispatch
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The way every thread publishes on IOPub. The XPUB socket belongs to the IOPub thread
/// (`IOPubLoop`); other threads hand it requests through a mutex-protected queue and wake it
/// through a pipe, which ZeroMQ's poll watches next to the socket. One queue for every
/// producer keeps the order in which threads published.
public final class IOPubPublisher: Sendable {
    enum Request: Sendable {
        case message(Message)
        case stream(name: String, text: String, parent: Message)
        /// Send all buffered stream text, then signal.
        case flush(DispatchSemaphore)
        /// Send everything, signal, and stop.
        case finish(DispatchSemaphore)
    }

    private struct Queue {
        var requests: [Request] = []
        var wakeSent = false
        var finished = false
    }

    private let queue = Mutex(Queue())
    private let wakeRead: Int32
    private let wakeWrite: Int32
    /// Builds the headers of published messages; shared with the other channels.
    public let headers: MessageHeaderFactory

    init(headers: MessageHeaderFactory) throws(KernelStartError) {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw .system("pipe for the IOPub thread", errno) }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        wakeRead = descriptors[0]
        wakeWrite = descriptors[1]
        self.headers = headers
    }

    /// Publishes a message built by `headers`, after any stream text published before it.
    public func publish(_ message: Message) {
        enqueue(.message(message))
    }

    /// Publishes `content` as a message of `messageType` whose parent is `parent`.
    public func publish(_ messageType: String, content: JSONObject, parent: Message?, metadata: JSONObject = [:]) {
        enqueue(.message(headers.message(messageType, content: content, parent: parent, metadata: metadata)))
    }

    /// Sets the kernel's execution state (`busy`, `idle`, `starting`) for `parent`.
    public func publishStatus(_ state: String, parent: Message?) {
        publish("status", content: ["execution_state": .string(state)], parent: parent)
    }

    /// Adds text to the `stdout` or `stderr` stream; it goes out within the flush interval.
    public func stream(_ name: String, text: String, parent: Message) {
        enqueue(.stream(name: name, text: text, parent: parent))
    }

    /// Returns once all stream text given so far has been sent (or after `timeout`).
    public func flushStreams(timeout: Duration = .seconds(5)) {
        let done = DispatchSemaphore(value: 0)
        guard enqueue(.flush(done)) else { return }
        _ = done.wait(timeout: .now() + .milliseconds(timeout.milliseconds))
    }

    /// Sends everything queued, then stops the IOPub thread. Later publishes are dropped.
    func finish(timeout: Duration) {
        let done = DispatchSemaphore(value: 0)
        guard enqueue(.finish(done)) else { return }
        _ = done.wait(timeout: .now() + .milliseconds(timeout.milliseconds))
    }

    @discardableResult
    private func enqueue(_ request: Request) -> Bool {
        let (accepted, wake) = queue.withLock { queue -> (Bool, Bool) in
            guard !queue.finished else { return (false, false) }
            if case .finish = request { queue.finished = true }
            queue.requests.append(request)
            if queue.wakeSent { return (true, false) }
            queue.wakeSent = true
            return (true, true)
        }
        if wake {
            var byte: UInt8 = 1
            _ = systemWrite(wakeWrite, &byte, 1)
        }
        return accepted
    }

    /// What the IOPub thread does when woken: empty the pipe, take every request.
    func takeRequests() -> [Request] {
        var sink = [UInt8](repeating: 0, count: 64)
        while sink.withUnsafeMutableBytes({ read(wakeRead, $0.baseAddress, $0.count) }) > 0 {}
        return queue.withLock { queue in
            queue.wakeSent = false
            defer { queue.requests.removeAll(keepingCapacity: true) }
            return queue.requests
        }
    }

    var wakeDescriptor: Int32 { wakeRead }
}

/// The IOPub thread: owns the XPUB socket, welcomes each new subscriber with
/// `iopub_welcome`, coalesces stream text and signs and sends everything else in order.
struct IOPubLoop {
    let socket: ZMQSocket
    let codec: WireCodec
    let publisher: IOPubPublisher
    var coalescer: StreamCoalescer

    init(socket: ZMQSocket, codec: WireCodec, publisher: IOPubPublisher, flushInterval: Duration) {
        self.socket = socket
        self.codec = codec
        self.publisher = publisher
        coalescer = StreamCoalescer(interval: flushInterval)
    }

    mutating func run() {
        do {
            try loop()
        } catch let error as ZMQError where error.isTerminated {
            // The kernel is stopping.
        } catch {
            KernelLog.warning("IOPub thread stopped: \(error)")
        }
    }

    private mutating func loop() throws {
        while true {
            var timeout = -1
            if let deadline = coalescer.deadline {
                // Rounded up, so that the text is due when poll returns.
                timeout = max(0, ContinuousClock.now.duration(to: deadline).milliseconds + 1)
            }
            let ready = try socket.poll(timeoutMilliseconds: timeout, alsoWatching: publisher.wakeDescriptor)
            if ready.socketReadable { try welcomeSubscribers() }
            if ready.fileReadable {
                for request in publisher.takeRequests() {
                    switch request {
                    case .message(let message):
                        try sendStreams(coalescer.take())
                        try send(message)
                    case .stream(let name, let text, let parent):
                        for pending in coalescer.append(name: name, text: text, parent: parent, now: .now) {
                            try sendStreams(pending)
                        }
                    case .flush(let done):
                        try sendStreams(coalescer.take())
                        done.signal()
                    case .finish(let done):
                        try sendStreams(coalescer.take())
                        done.signal()
                        return
                    }
                }
            }
            try sendStreams(coalescer.takeIfDue(now: .now))
        }
    }

    /// Answers every subscription waiting on the XPUB socket. Called before each send too, so
    /// that a new subscriber's first message is always its welcome.
    private func welcomeSubscribers() throws(ZMQError) {
        while let frames = try socket.receive(wait: false) {
            guard let first = frames.first, first.first == 1 else { continue }  // 0 is unsubscribe
            let topic = String(decoding: first.dropFirst(), as: UTF8.self)
            var welcome = publisher.headers.message("iopub_welcome", content: ["subscription": .string(topic)], parent: nil)
            if !topic.isEmpty { welcome.identities = [Array(topic.utf8)] }
            try socket.send(codec.encode(welcome))
            KernelLog.trace("iopub: welcomed a subscriber to \"\(topic)\"")
        }
    }

    private func send(_ message: Message) throws(ZMQError) {
        try welcomeSubscribers()
        var message = message
        if message.identities.isEmpty { message.identities = [Array(topic(for: message).utf8)] }
        try socket.send(codec.encode(message))
    }

    private func sendStreams(_ pending: StreamCoalescer.Pending?) throws(ZMQError) {
        guard let pending else { return }
        let message = publisher.headers.message(
            "stream", content: ["name": .string(pending.name), "text": .string(pending.text)], parent: pending.parent)
        try send(message)
    }

    /// The ZeroMQ topic, as ipykernel names them; subscribers to "" receive every topic.
    private func topic(for message: Message) -> String {
        switch message.messageType {
        case "stream": "stream.\(message.content["name"]?.stringValue ?? "stdout")"
        case "status", "shutdown_reply": "kernel.\(publisher.headers.session).\(message.messageType)"
        default: message.messageType
        }
    }
}
