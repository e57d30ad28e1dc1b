import Foundation
import KernelProtocol

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The kernelspec: kernel.json and the two logos. kernelspec/kernel.json in the repository
/// is this with `swiftml-kernel` as the program (a test keeps the two in step).
struct Kernelspec {
    static let name = "swiftml"

    /// The absolute path of the kernel binary that Jupyter will start.
    var binary: String

    var kernelJSON: JSONValue {
        [
            "argv": [.string(binary), "run", "--connection-file", "{connection_file}"],
            "display_name": "SwiftML",
            // The cells are Python syntax. Front ends copy this into a notebook's metadata and
            // look tools up by it (papermill's parameter cells, editors' highlighting), and
            // they know "python"; the kernel's own name stays in language_info ("swiftml").
            "language": "python",
            // Interrupts arrive as interrupt_request on control (SIGINT is handled too).
            "interrupt_mode": "message",
            "metadata": ["debugger": false],
        ]
    }

    /// Writes kernel.json and the logos into `directory`, creating it as needed.
    func write(to directory: String) throws(InstallError) {
        try createDirectories(directory)
        try writeFile(directory + "/kernel.json", Array(JSONWriter.prettyString(kernelJSON).utf8))
        for logo in KernelspecLogos.base64 {
            // Foundation's decoder (one owner of base64 in the package, as for the PNGs the
            // kernel sends); the logos are compiled in, so a failure is a build mistake.
            guard let png = Data(base64Encoded: logo.png, options: .ignoreUnknownCharacters) else {
                throw .cannotWrite(directory + "/" + logo.fileName, reason: "the embedded logo is not valid base64")
            }
            try writeFile(directory + "/" + logo.fileName, [UInt8](png))
        }
    }
}

/// `mkdir -p`.
func createDirectories(_ path: String) throws(InstallError) {
    var prefix = path.hasPrefix("/") ? "" : "."
    for component in path.split(separator: "/") {
        prefix += "/" + component
        if mkdir(prefix, 0o755) != 0 && errno != EEXIST {
            throw .cannotCreate(prefix, reason: String(cString: strerror(errno)))
        }
    }
}

/// Writes `bytes` to `path`, replacing what was there.
func writeFile(_ path: String, _ bytes: [UInt8]) throws(InstallError) {
    let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
    guard descriptor >= 0 else { throw .cannotWrite(path, reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var offset = 0
    while offset < bytes.count {
        let written = bytes[offset...].withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        if written < 0 {
            if errno == EINTR { continue }
            throw .cannotWrite(path, reason: String(cString: strerror(errno)))
        }
        offset += written
    }
}

/// The absolute path of the running binary (what kernel.json must name).
func currentExecutablePath() throws(InstallError) -> String {
    var buffer = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
    #if os(Linux)
    let length = readlink("/proc/self/exe", &buffer, buffer.count - 1)
    guard length > 0 else { throw .unknownExecutable(reason: String(cString: strerror(errno))) }
    return String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
    #else
    guard realpath(CommandLine.arguments[0], &buffer) != nil else {
        throw .unknownExecutable(reason: String(cString: strerror(errno)))
    }
    return String(cString: buffer)
    #endif
}
