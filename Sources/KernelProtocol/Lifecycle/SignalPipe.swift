import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The write end of the signal pipe. Set before the handlers are installed, so the handler
/// only ever loads it (no lazy initialisation inside a signal handler).
private let signalPipeWriteEnd = Atomic<Int32>(-1)

/// Turns SIGINT and SIGTERM into bytes on a pipe that the main thread polls.
///
/// A real handler rather than a blocked signal and `sigwait`: threads that libraries start
/// before `main` (OpenBLAS's pool) have the signals unblocked, so a blocked-signal scheme
/// would let the default action (exit) happen there. The handler only writes one byte,
/// which is async-signal-safe.
enum SignalPipe {
    /// Installs the handlers; returns the read end of the pipe.
    static func install() throws(KernelStartError) -> Int32 {
        var descriptors: [Int32] = [0, 0]
        guard pipe(&descriptors) == 0 else { throw .system("pipe for signals", errno) }
        for descriptor in descriptors {
            _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
            _ = fcntl(descriptor, F_SETFD, FD_CLOEXEC)
        }
        signalPipeWriteEnd.store(descriptors[1], ordering: .sequentiallyConsistent)

        var action = sigaction()
        action.__sigaction_handler.sa_handler = { signal in
            let savedErrno = errno
            var byte = UInt8(truncatingIfNeeded: signal)
            _ = write(signalPipeWriteEnd.load(ordering: .relaxed), &byte, 1)
            errno = savedErrno
        }
        action.sa_flags = SA_RESTART
        sigemptyset(&action.sa_mask)
        for signal in [SIGINT, SIGTERM] {
            guard sigaction(signal, &action, nil) == 0 else { throw .system("installing a signal handler", errno) }
        }
        // A front end that goes away must not kill the kernel through a broken pipe.
        Glibc.signal(SIGPIPE, SIG_IGN)
        return descriptors[0]
    }

    /// The signals received since the last call, in order.
    static func drain(_ readEnd: Int32) -> [Int32] {
        var bytes = [UInt8](repeating: 0, count: 32)
        var signals: [Int32] = []
        while true {
            let count = bytes.withUnsafeMutableBytes { read(readEnd, $0.baseAddress, $0.count) }
            if count <= 0 { return signals }
            signals += bytes[0..<count].map { Int32($0) }
        }
    }
}
