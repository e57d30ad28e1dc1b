#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// A thread running one channel's loop. The closure is `sending`: whatever it captures (a
/// socket, a codec) moves into the thread and is used there alone.
public final class KernelThread: Sendable {
    public let name: String
    private let completion = ThreadCompletion()

    /// Starts `body` on a new thread named `name`.
    public init(name: String, _ body: sending @escaping () -> Void) throws(ThreadStartError) {
        self.name = name
        let start = Unmanaged.passRetained(ThreadStart(name: name, body: body, completion: completion))
        var thread = pthread_t()
        let status = pthread_create(&thread, nil, { argument in
            guard let argument else { return nil }
            Unmanaged<ThreadStart>.fromOpaque(argument).takeRetainedValue().run()
            return nil
        }, start.toOpaque())
        guard status == 0 else {
            start.release()
            throw ThreadStartError(name: name, code: status)
        }
        pthread_detach(thread)
    }

    /// Whether the thread's body has returned.
    public var isFinished: Bool { completion.isFinished }
}

private final class ThreadCompletion: Sendable {
    private let finished = Atomic<Bool>(false)
    var isFinished: Bool { finished.load(ordering: .acquiring) }
    func markFinished() { finished.store(true, ordering: .releasing) }
}

/// What a new thread runs, handed over through `pthread_create`'s argument pointer. The
/// closure was received as `sending`, so no other thread holds what it captures.
private final class ThreadStart {
    let name: String
    var body: (() -> Void)?
    let completion: ThreadCompletion

    init(name: String, body: @escaping () -> Void, completion: ThreadCompletion) {
        self.name = name
        self.body = body
        self.completion = completion
    }

    func run() {
        body?()
        // Release what the body captured (closing its sockets) before reporting completion.
        body = nil
        completion.markFinished()
    }
}

public struct ThreadStartError: Error, CustomStringConvertible, Sendable {
    public var name: String
    public var code: Int32
    public var description: String { "cannot start the \(name) thread: \(String(cString: strerror(code)))" }
}
