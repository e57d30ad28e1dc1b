#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Whole-file reads and writes through POSIX calls, with errors that name the file.
public enum FileBytes {
    /// The bytes of the file at `path`.
    public static func read(_ path: String) throws -> [UInt8] {
        let descriptor = open(path, O_RDONLY)
        guard descriptor >= 0 else { throw DatasetError.unreadable(path: path, reason: errorText()) }
        defer { close(descriptor) }
        var info = stat()
        guard fstat(descriptor, &info) == 0 else { throw DatasetError.unreadable(path: path, reason: errorText()) }
        guard (info.st_mode & S_IFMT) == S_IFREG else { throw DatasetError.unreadable(path: path, reason: "not a regular file") }
        let size = Int(info.st_size)
        var bytes = [UInt8](repeating: 0, count: size)
        var done = 0
        try bytes.withUnsafeMutableBytes { buffer in
            while done < size {
                guard let base = buffer.baseAddress else { return }
                let n = Glibc.read(descriptor, base + done, size - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    throw DatasetError.unreadable(path: path, reason: errorText())
                }
                if n == 0 { break }
                done += n
            }
        }
        if done < size { bytes.removeSubrange(done...) }
        return bytes
    }

    /// Writes `bytes` to `path` (through a temporary file renamed into place, so a reader
    /// never sees half a file).
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = path + ".partial-\(getpid())"
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        guard descriptor >= 0 else { throw DatasetError.unreadable(path: path, reason: "cannot write: " + errorText()) }
        var failure: String?
        bytes.withUnsafeBytes { buffer in
            var done = 0
            while done < buffer.count, let base = buffer.baseAddress {
                let n = Glibc.write(descriptor, base + done, buffer.count - done)
                if n < 0 {
                    if errno == EINTR { continue }
                    failure = errorText()
                    return
                }
                done += n
            }
        }
        close(descriptor)
        if let failure {
            unlink(temporary)
            throw DatasetError.unreadable(path: path, reason: "cannot write: " + failure)
        }
        guard rename(temporary, path) == 0 else {
            let reason = errorText()
            unlink(temporary)
            throw DatasetError.unreadable(path: path, reason: "cannot write: " + reason)
        }
    }

    public static func exists(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFREG
    }

    public static func isDirectory(_ path: String) -> Bool {
        var info = stat()
        return stat(path, &info) == 0 && (info.st_mode & S_IFMT) == S_IFDIR
    }

    /// Creates `path` and its parents as needed.
    static func makeDirectories(_ path: String) throws {
        var current = path.hasPrefix("/") ? "" : "."
        for component in path.split(separator: "/") {
            current += "/" + component
            if isDirectory(current) { continue }
            if mkdir(current, 0o755) != 0 && errno != EEXIST {
                throw DatasetError.unreadable(path: current, reason: "cannot create directory: " + errorText())
            }
        }
    }

    /// The value of an environment variable, if set and not empty.
    static func environment(_ name: String) -> String? {
        guard let value = getenv(name) else { return nil }
        let text = String(cString: value)
        return text.isEmpty ? nil : text
    }

    static func errorText() -> String { String(cString: strerror(errno)) }
}
