#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Synchronization

/// Diagnostics on stderr, where Jupyter front ends show a kernel's log. Dropped messages,
/// failed sends and lifecycle events are always written; per-message tracing only when the
/// program turns it on. The protocol layer knows no product: the program that embeds it
/// names itself and decides when to trace (`configure`), before it starts the kernel.
public enum KernelLog {
    private struct Settings {
        var label = "kernel"
        var tracing = false
    }

    private static let settings = Mutex(Settings())

    /// Sets the label that starts every line (`[label] ...`) and whether tracing is on.
    public static func configure(label: String, tracing: Bool) {
        settings.withLock { $0 = Settings(label: label, tracing: tracing) }
    }

    public static var isTracing: Bool { settings.withLock { $0.tracing } }

    /// A line that is always written: something a person running the kernel should know.
    public static func warning(_ text: @autoclosure () -> String) {
        write("[\(settings.withLock { $0.label })] " + text() + "\n")
    }

    /// A line written only when tracing is on.
    public static func trace(_ text: @autoclosure () -> String) {
        let (label, tracing) = settings.withLock { ($0.label, $0.tracing) }
        guard tracing else { return }
        write("[\(label)] " + text() + "\n")
    }

    private static func write(_ line: String) {
        // One write(2) per line, so lines from different threads do not interleave.
        let bytes = Array(line.utf8)
        bytes.withUnsafeBytes { buffer in
            guard let base = buffer.baseAddress else { return }
            var offset = 0
            while offset < buffer.count {
                let written = systemWrite(2, base + offset, buffer.count - offset)
                if written < 0 {
                    if errno == EINTR { continue }
                    return
                }
                offset += written
            }
        }
    }
}

/// `write(2)`, named so that it does not clash with the methods called `write`.
func systemWrite(_ descriptor: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
    write(descriptor, bytes, count)
}
