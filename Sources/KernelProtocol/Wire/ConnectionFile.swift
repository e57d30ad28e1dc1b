#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The connection file a Jupyter front end writes before starting the kernel: where to bind
/// the five sockets and the key that signs every message.
public struct ConnectionFile: Sendable, Equatable {
    public enum Transport: String, Sendable {
        case tcp, ipc
    }

    /// The five channels of a kernel, named as in the connection file (`<name>_port`).
    public enum Channel: String, Sendable, CaseIterable {
        case shell, iopub, stdin, control, hb
    }

    public var transport: Transport
    /// An address for `tcp`; a path prefix for `ipc` (the socket is `<ip>-<port>`).
    public var ip: String
    public var ports: [Channel: Int]
    /// The HMAC key as written in the file. Empty means messages are not signed.
    public var key: [UInt8]
    public var signatureScheme: String

    public init(transport: Transport, ip: String, ports: [Channel: Int], key: [UInt8], signatureScheme: String) {
        self.transport = transport
        self.ip = ip
        self.ports = ports
        self.key = key
        self.signatureScheme = signatureScheme
    }

    /// The ZeroMQ endpoint the kernel binds for `channel`, e.g. `tcp://127.0.0.1:5555` or
    /// `ipc:///tmp/kernel-1-5555`.
    public func endpoint(for channel: Channel) -> String {
        let port = ports[channel] ?? 0
        switch transport {
        case .tcp:
            let host = ip == "0.0.0.0" ? "*" : (ip.contains(":") && !ip.hasPrefix("[") ? "[\(ip)]" : ip)
            return "tcp://\(host):\(port)"
        case .ipc:
            return "ipc://\(ip)-\(port)"
        }
    }

    /// Whether the tcp address is IPv6, which ZeroMQ must be told before binding.
    public var usesIPv6: Bool { transport == .tcp && ip.contains(":") }

    /// Reads and checks the connection file at `path`.
    public static func load(path: String) throws(ConnectionFileError) -> ConnectionFile {
        let bytes: [UInt8]
        do {
            bytes = try readWholeFile(path)
        } catch {
            throw .unreadable(path: path, reason: error.reason)
        }
        return try parse(bytes, path: path)
    }

    /// Checks connection-file JSON; `path` is only used in error messages.
    public static func parse(_ bytes: [UInt8], path: String = "<connection file>") throws(ConnectionFileError) -> ConnectionFile {
        let json: JSONValue
        do {
            json = try JSONParser.parse(bytes)
        } catch {
            throw .notJSON(path: path, error: error)
        }
        guard case .object(let fields) = json else {
            throw .notAnObject(path: path, found: json.typeName)
        }
        func string(_ name: String, default fallback: String? = nil) throws(ConnectionFileError) -> String {
            guard let value = fields[name] else {
                if let fallback { return fallback }
                throw .missingField(path: path, field: name)
            }
            guard case .string(let text) = value else {
                throw .wrongType(path: path, field: name, expected: "a string", found: value.typeName)
            }
            return text
        }

        let transportName = try string("transport", default: "tcp")
        guard let transport = Transport(rawValue: transportName) else {
            throw .unsupportedTransport(path: path, transport: transportName)
        }
        let ip = try string("ip")
        guard !ip.isEmpty else { throw .wrongType(path: path, field: "ip", expected: "a non-empty address", found: "an empty string") }

        var ports: [Channel: Int] = [:]
        for channel in Channel.allCases {
            let field = "\(channel.rawValue)_port"
            guard let value = fields[field] else { throw .missingField(path: path, field: field) }
            guard let port = value.intValue else {
                throw .wrongType(path: path, field: field, expected: "a port number", found: value.typeName)
            }
            guard (1...65535).contains(port) else { throw .badPort(path: path, field: field, value: port) }
            ports[channel] = port
        }

        let key = try string("key", default: "")
        let scheme = try string("signature_scheme", default: "hmac-sha256")
        if !key.isEmpty, scheme != "hmac-sha256" {
            throw .unsupportedSignatureScheme(path: path, scheme: scheme)
        }
        return ConnectionFile(transport: transport, ip: ip, ports: ports, key: Array(key.utf8), signatureScheme: scheme)
    }
}

/// What is wrong with a connection file, phrased so that the person who wrote it can fix it.
public enum ConnectionFileError: Error, Equatable, CustomStringConvertible, Sendable {
    case unreadable(path: String, reason: String)
    case notJSON(path: String, error: JSONParseError)
    case notAnObject(path: String, found: String)
    case missingField(path: String, field: String)
    case wrongType(path: String, field: String, expected: String, found: String)
    case badPort(path: String, field: String, value: Int)
    case unsupportedTransport(path: String, transport: String)
    case unsupportedSignatureScheme(path: String, scheme: String)

    public var description: String {
        switch self {
        case .unreadable(let path, let reason):
            "cannot read connection file \(path): \(reason)"
        case .notJSON(let path, let error):
            "connection file \(path) is not JSON: \(error)"
        case .notAnObject(let path, let found):
            "connection file \(path) must hold a JSON object, found \(found)"
        case .missingField(let path, let field):
            "connection file \(path) has no \"\(field)\""
        case .wrongType(let path, let field, let expected, let found):
            "connection file \(path): \"\(field)\" must be \(expected), found \(found)"
        case .badPort(let path, let field, let value):
            "connection file \(path): \"\(field)\" is \(value); a port must be between 1 and 65535"
        case .unsupportedTransport(let path, let transport):
            "connection file \(path): transport \"\(transport)\" is not supported (use \"tcp\" or \"ipc\")"
        case .unsupportedSignatureScheme(let path, let scheme):
            "connection file \(path): signature scheme \"\(scheme)\" is not supported (use \"hmac-sha256\")"
        }
    }
}

struct FileReadError: Error {
    var reason: String
}

/// The whole content of a file, read with POSIX calls (no Foundation needed at start-up).
func readWholeFile(_ path: String) throws(FileReadError) -> [UInt8] {
    let descriptor = open(path, O_RDONLY | O_CLOEXEC)
    guard descriptor >= 0 else { throw FileReadError(reason: String(cString: strerror(errno))) }
    defer { close(descriptor) }
    var bytes: [UInt8] = []
    var chunk = [UInt8](repeating: 0, count: 16384)
    while true {
        let count = chunk.withUnsafeMutableBytes { read(descriptor, $0.baseAddress, $0.count) }
        if count < 0 {
            if errno == EINTR { continue }
            throw FileReadError(reason: String(cString: strerror(errno)))
        }
        if count == 0 { return bytes }
        bytes.append(contentsOf: chunk[0..<count])
    }
}
