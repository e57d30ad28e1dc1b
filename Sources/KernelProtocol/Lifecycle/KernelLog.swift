#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Diagnostics on stderr, where Jupyter front ends show a kernel's log. Dropped messages,
/// failed sends and lifecycle events are always written; per-message tracing only when the
/// environment sets `SWIFTML_KERNEL_DEBUG=1`.
public enum KernelLog {
    public static let isTracing: Bool = {
        guard let value = getenv("SWIFTML_KERNEL_DEBUG") else { return false }
        return String(cString: value) == "1"
    }()

    /// A line that is always written: something a person running the kernel should know.
    public static func warning(_ text: @autoclosure () -> String) {
        write("[SwiftML kernel] " + text() + "\n")
    }

    /// A line written only when tracing is on.
    public static func trace(_ text: @autoclosure () -> String) {
        guard isTracing else { return }
        write("[SwiftML kernel] " + text() + "\n")
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
