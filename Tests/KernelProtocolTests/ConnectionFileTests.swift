import Testing
@testable import KernelProtocol

@Suite("Connection file")
struct ConnectionFileTests {
    let valid = """
        {"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005,
         "ip": "127.0.0.1", "key": "a0b1", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "swiftml"}
        """

    func parse(_ text: String) throws(ConnectionFileError) -> ConnectionFile {
        try ConnectionFile.parse(Array(text.utf8), path: "test.json")
    }

    func replacing(_ field: String, with value: String) -> String {
        // Rebuilds the valid file with one field changed (or removed, for an empty value).
        var fields = [
            "shell_port": "5001", "iopub_port": "5002", "stdin_port": "5003", "control_port": "5004", "hb_port": "5005",
            "ip": "\"127.0.0.1\"", "key": "\"a0b1\"", "transport": "\"tcp\"", "signature_scheme": "\"hmac-sha256\"",
        ]
        fields[field] = value.isEmpty ? nil : value
        return "{" + fields.map { "\"\($0.key)\": \($0.value)" }.joined(separator: ", ") + "}"
    }

    @Test("a tcp file gives tcp endpoints for all five channels")
    func tcpEndpoints() throws {
        let file = try parse(valid)
        #expect(file.transport == .tcp)
        #expect(file.key == Array("a0b1".utf8))
        #expect(file.endpoint(for: .shell) == "tcp://127.0.0.1:5001")
        #expect(file.endpoint(for: .iopub) == "tcp://127.0.0.1:5002")
        #expect(file.endpoint(for: .stdin) == "tcp://127.0.0.1:5003")
        #expect(file.endpoint(for: .control) == "tcp://127.0.0.1:5004")
        #expect(file.endpoint(for: .hb) == "tcp://127.0.0.1:5005")
    }

    @Test("an ipc file gives <ip>-<port> socket paths, as jupyter_client names them")
    func ipcEndpoints() throws {
        let file = try parse(replacing("transport", with: "\"ipc\"").replacingIP(with: "/tmp/kernel-7-ipc"))
        #expect(file.transport == .ipc)
        #expect(file.endpoint(for: .shell) == "ipc:///tmp/kernel-7-ipc-5001")
    }

    @Test("0.0.0.0 binds every interface; IPv6 addresses are bracketed")
    func wildcardAndIPv6() throws {
        #expect(try parse(valid.replacingIP(with: "0.0.0.0")).endpoint(for: .hb) == "tcp://*:5005")
        let v6 = try parse(valid.replacingIP(with: "::1"))
        #expect(v6.usesIPv6)
        #expect(v6.endpoint(for: .hb) == "tcp://[::1]:5005")
    }

    @Test("key, transport and signature scheme have Jupyter's defaults")
    func defaults() throws {
        let file = try parse(replacing("key", with: "").replacing("\"transport\": \"tcp\"", "").cleanedCommas())
        #expect(file.key.isEmpty)
        #expect(file.transport == .tcp)
        #expect(file.signatureScheme == "hmac-sha256")
    }

    @Test("an unreadable file names the path and the reason")
    func unreadable() {
        #expect {
            try ConnectionFile.load(path: "/nonexistent/kernel-1.json")
        } throws: { error in
            guard case .unreadable(let path, let reason) = error as? ConnectionFileError else { return false }
            return path == "/nonexistent/kernel-1.json" && reason.contains("No such file")
        }
    }

    @Test("not JSON")
    func notJSON() {
        #expect {
            try parse("{\"shell_port\": ")
        } throws: { error in
            guard case .notJSON(let path, _) = error as? ConnectionFileError else { return false }
            return path == "test.json"
        }
    }

    @Test("not an object")
    func notAnObject() {
        #expect(throws: ConnectionFileError.notAnObject(path: "test.json", found: "an array")) { try parse("[5001]") }
    }

    @Test("a missing port or ip", arguments: ["shell_port", "iopub_port", "stdin_port", "control_port", "hb_port", "ip"])
    func missingField(field: String) {
        #expect(throws: ConnectionFileError.missingField(path: "test.json", field: field)) { try parse(replacing(field, with: "")) }
    }

    @Test("a port that is not a number")
    func portNotNumber() {
        #expect(throws: ConnectionFileError.wrongType(path: "test.json", field: "hb_port", expected: "a port number", found: "a string")) {
            try parse(replacing("hb_port", with: "\"5005\""))
        }
    }

    @Test("a port out of range", arguments: ["0", "65536", "-1"])
    func portOutOfRange(value: String) {
        #expect(throws: ConnectionFileError.badPort(path: "test.json", field: "shell_port", value: Int(value)!)) {
            try parse(replacing("shell_port", with: value))
        }
    }

    @Test("a key or ip that is not a string")
    func wrongTypes() {
        #expect(throws: ConnectionFileError.wrongType(path: "test.json", field: "key", expected: "a string", found: "a number")) {
            try parse(replacing("key", with: "12"))
        }
        #expect(throws: ConnectionFileError.wrongType(path: "test.json", field: "ip", expected: "a string", found: "null")) {
            try parse(replacing("ip", with: "null"))
        }
    }

    @Test("an unknown transport")
    func unknownTransport() {
        #expect(throws: ConnectionFileError.unsupportedTransport(path: "test.json", transport: "udp")) {
            try parse(replacing("transport", with: "\"udp\""))
        }
    }

    @Test("a signature scheme other than hmac-sha256, with a key")
    func unsupportedScheme() {
        #expect(throws: ConnectionFileError.unsupportedSignatureScheme(path: "test.json", scheme: "hmac-md5")) {
            try parse(replacing("signature_scheme", with: "\"hmac-md5\""))
        }
    }

    @Test("every error message names the file")
    func messagesNameTheFile() {
        let errors: [ConnectionFileError] = [
            .unreadable(path: "test.json", reason: "r"), .notJSON(path: "test.json", error: JSONParseError(offset: 0, reason: "r")),
            .notAnObject(path: "test.json", found: "x"), .missingField(path: "test.json", field: "ip"),
            .wrongType(path: "test.json", field: "ip", expected: "a", found: "b"), .badPort(path: "test.json", field: "hb_port", value: 0),
            .unsupportedTransport(path: "test.json", transport: "x"), .unsupportedSignatureScheme(path: "test.json", scheme: "x"),
        ]
        for error in errors { #expect(error.description.contains("test.json")) }
    }
}

private extension String {
    func replacingIP(with ip: String) -> String {
        replacing(#/"ip": "[^"]*"/#, with: "\"ip\": \"\(ip)\"")
    }

    func replacing(_ old: String, _ new: String) -> String {
        replacing(old, with: new)
    }

    /// Removes the doubled or dangling commas left by removing a member.
    func cleanedCommas() -> String {
        var text = self
        while text.contains(", ,") { text = text.replacing(", ,", with: ",") }
        return text.replacing("{, ", with: "{").replacing(", }", with: "}")
    }
}
