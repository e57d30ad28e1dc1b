#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Notices when the process that started the kernel has gone, so that a kernel orphaned by a
/// crashed front end does not run for ever. Jupyter names the parent in `JPY_PARENT_PID`.
struct ParentWatch {
    let pid: Int32
    private let parentAtStart: Int32

    /// A watch on `JPY_PARENT_PID`, or nil when it is unset or not a pid.
    init?(environment name: String = "JPY_PARENT_PID") {
        guard let value = getenv(name), let pid = Int32(String(cString: value)), pid > 1 else { return nil }
        self.init(pid: pid)
    }

    init(pid: Int32) {
        self.pid = pid
        parentAtStart = getppid()
    }

    /// Whether the parent has exited. When the parent is our direct parent, re-parenting is
    /// the sign (robust against pid reuse); otherwise (a launcher in between) the pid must
    /// still exist.
    var parentExited: Bool {
        if parentAtStart == pid { return getppid() != pid }
        return kill(pid, 0) != 0 && errno == ESRCH
    }
}
