import Foundation

/// A file opened by `open()`: text (`str`, universal newlines, UTF-8) or binary (`bytes`),
/// for reading, writing or appending. Reads load the file when it is opened; writes go to
/// the file at once (nothing is lost if a cell forgets `close()`).
final class FileObject: PyObject {
    let name: Value
    let path: String
    let mode: String
    let binary: Bool
    let readable: Bool
    let writable: Bool
    private var handle: FileHandle?
    /// The file's content, for reading.
    private var content: [UInt8] = []
    private var position = 0
    private(set) var closed = false

    init(path: String, name: Value, mode: String, encoding: String?) throws {
        self.path = path
        self.name = name
        self.mode = mode
        let kinds = mode.filter { "rwax".contains($0) }
        guard kinds.count == 1, mode.allSatisfy({ "rwaxbt+".contains($0) }), !(mode.contains("b") && mode.contains("t")) else {
            throw PyError(.valueError, "invalid mode: '\(mode)'")
        }
        if mode.contains("+") { throw PyError.notImplemented("open() mode '\(mode)' ('+' update modes) is not supported") }
        binary = mode.contains("b")
        if binary, encoding != nil { throw PyError(.valueError, "binary mode doesn't take an encoding argument") }
        if let encoding, !["utf-8", "utf8", "ascii", "latin-1", "latin1"].contains(encoding.lowercased()) {
            throw PyError(PyErrorKind("LookupError"), "unknown encoding: \(encoding)")
        }
        let kind = kinds.first ?? "r"
        readable = kind == "r"
        writable = kind != "r"
        let manager = FileManager.default
        var isDirectory: ObjCBool = false
        let exists = manager.fileExists(atPath: path, isDirectory: &isDirectory)
        if exists && isDirectory.boolValue { throw FileObject.osError(.init("IsADirectoryError"), 21, "Is a directory", path) }
        switch kind {
        case "r":
            guard exists else { throw FileObject.osError(.fileNotFoundError, 2, "No such file or directory", path) }
            guard let data = manager.contents(atPath: path) else { throw FileObject.osError(.init("PermissionError"), 13, "Permission denied", path) }
            content = [UInt8](data)
        case "x" where exists:
            throw FileObject.osError(.init("FileExistsError"), 17, "File exists", path)
        default:
            if kind == "w" || kind == "x" || !exists {
                guard manager.createFile(atPath: path, contents: nil) else {
                    let directory = (path as NSString).deletingLastPathComponent
                    if !directory.isEmpty && !manager.fileExists(atPath: directory) {
                        throw FileObject.osError(.fileNotFoundError, 2, "No such file or directory", path)
                    }
                    throw FileObject.osError(.init("PermissionError"), 13, "Permission denied", path)
                }
            }
            guard let opened = FileHandle(forWritingAtPath: path) else {
                throw FileObject.osError(.init("PermissionError"), 13, "Permission denied", path)
            }
            if kind == "a" {
                // Appending starts at the end; a file that cannot seek must not be overwritten.
                do { _ = try opened.seekToEnd() } catch {
                    throw FileObject.osError(.osError, 29, "Illegal seek", path)
                }
            }
            handle = opened
        }
    }

    /// `FileNotFoundError: [Errno 2] No such file or directory: 'x.txt'`.
    static func osError(_ kind: PyErrorKind, _ number: Int, _ text: String, _ path: String) -> PyError {
        PyError(kind, "[Errno \(number)] \(text): \(StringRepr.repr(path))")
    }

    var pyType: PyType { binary ? FileObject.binaryType : FileObject.textType }

    func checkOpen() throws {
        if closed { throw PyError(.valueError, "I/O operation on closed file.") }
    }

    func checkReadable() throws {
        try checkOpen()
        if !readable { throw PyError(PyErrorKind("UnsupportedOperation"), "not readable") }
    }

    /// Text as read: UTF-8 with `\r\n` and `\r` read as `\n`.
    func decode(_ bytes: ArraySlice<UInt8>) throws -> String {
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw PyError(PyErrorKind("UnicodeDecodeError"), "'utf-8' codec can't decode the content of \(StringRepr.repr(path))")
        }
        if !text.contains("\r") { return text }
        return text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
    }

    func wrap(_ bytes: ArraySlice<UInt8>) throws -> Value {
        binary ? .object(BytesObject(Array(bytes))) : .string(try decode(bytes))
    }

    /// `read(size=-1)`: the rest of the file, or `size` characters (bytes in binary mode).
    func read(_ size: Int?) throws -> Value {
        try checkReadable()
        let rest = content[position...]
        guard let size, size >= 0 else {
            position = content.count
            return try wrap(rest)
        }
        if binary {
            let end = min(position + size, content.count)
            defer { position = end }
            return try wrap(content[position..<end])
        }
        let text = try decode(rest)
        let taken = String(String.UnicodeScalarView(text.unicodeScalars.prefix(size)))
        // Advance over the bytes of the characters taken (line ends may have been two bytes).
        var consumed = 0
        var scalars = 0
        var iterator = rest.makeIterator()
        var decoder = UTF8()
        while scalars < taken.unicodeScalars.count {
            guard case .scalarValue(let scalar) = decoder.decode(&iterator) else { break }
            consumed += String(scalar).utf8.count
            if scalar == "\r", rest.dropFirst(consumed).first == UInt8(ascii: "\n") {
                consumed += 1
                _ = iterator.next()
            }
            scalars += 1
        }
        position += consumed
        return .string(taken)
    }

    /// `readline()`: up to and including the next newline.
    func readLine() throws -> Value? {
        try checkReadable()
        guard position < content.count else { return nil }
        var end = position
        while end < content.count && content[end] != UInt8(ascii: "\n") && (binary || content[end] != UInt8(ascii: "\r")) { end += 1 }
        if end < content.count {
            if !binary, content[end] == UInt8(ascii: "\r"), end + 1 < content.count, content[end + 1] == UInt8(ascii: "\n") { end += 1 }
            end += 1
        }
        defer { position = end }
        return try wrap(content[position..<end])
    }

    func write(_ value: Value) throws -> Int {
        try checkOpen()
        guard writable, let handle else { throw PyError(PyErrorKind("UnsupportedOperation"), "not writable") }
        let bytes: [UInt8]
        let count: Int
        switch value {
        case .string(let text) where !binary:
            bytes = Array(text.utf8)
            count = text.unicodeScalars.count
        case .object(let data as BytesObject) where binary:
            bytes = data.bytes
            count = bytes.count
        default:
            throw PyError(.typeError, binary ? "a bytes-like object is required, not '\(value.typeName)'"
                                             : "write() argument must be str, not \(value.typeName)")
        }
        do {
            try handle.write(contentsOf: bytes)
        } catch {
            throw PyError(.osError, "[Errno 5] Input/output error: \(StringRepr.repr(path))")
        }
        return count
    }

    func close() {
        if let handle { try? handle.close() }
        handle = nil
        closed = true
    }

    deinit { if let handle { try? handle.close() } }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        try checkReadable()
        return FileLines(self)
    }

    func enter(_ interpreter: Runtime) throws -> Value {
        try checkOpen()
        return .object(self)
    }

    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool {
        close()
        return false
    }

    func repr(_ interpreter: Runtime) throws -> String {
        let shown = try interpreter.repr(name)
        if binary { return "<_io.\(readable ? "BufferedReader" : "BufferedWriter") name=\(shown)>" }
        return "<_io.TextIOWrapper name=\(shown) mode='\(mode)' encoding='UTF-8'>"
    }

    static func register(_ t: inout PyTypeBuilder) {
        t.method("read(size=-1, /)", of: FileObject.self, doc: "Read at most size characters (bytes in binary mode), or to the end.") { file, args, _ in
            try file.read(try args.optionalInt("size"))
        }
        t.method("readline(size=-1, /)", of: FileObject.self, doc: "Read until newline or EOF.") { file, _, _ in
            try file.readLine() ?? (file.binary ? .object(BytesObject([])) : .string(""))
        }
        t.method("readlines(hint=-1, /)", of: FileObject.self, doc: "Return a list of lines from the stream.") { file, _, _ in
            var lines: [Value] = []
            while let line = try file.readLine() { lines.append(line) }
            return .list(lines)
        }
        t.method("write(s, /)", of: FileObject.self, doc: "Write the string (bytes in binary mode) to the file; return the number written.") { file, args, _ in
            .int(try file.write(args.values[0]))
        }
        t.method("writelines(lines, /)", of: FileObject.self, doc: "Write a list of lines to the stream (no line separators are added).") { file, args, interp in
            for line in try interp.collect(args.values[0]) { _ = try file.write(line) }
            return .none
        }
        t.method("close()", of: FileObject.self, doc: "Flush and close the file.") { file, _, _ in file.close(); return .none }
        t.method("flush()", of: FileObject.self, doc: "Flush the write buffers (writes are unbuffered here).") { file, _, _ in try file.checkOpen(); return .none }
        t.method("readable()", of: FileObject.self) { file, _, _ in try file.checkOpen(); return .bool(file.readable) }
        t.method("writable()", of: FileObject.self) { file, _, _ in try file.checkOpen(); return .bool(file.writable) }
        t.method("__enter__()", of: FileObject.self) { file, _, interp in try file.enter(interp) }
        t.method("__exit__(*args)", of: FileObject.self) { file, _, _ in file.close(); return .bool(false) }
        t.property("closed", of: FileObject.self) { file, _ in .bool(file.closed) }
        t.property("name", of: FileObject.self) { file, _ in file.name }
        t.property("mode", of: FileObject.self) { file, _ in .string(file.mode) }
    }

    static let textType = PyType("TextIOWrapper", module: "_io", doc: "Character and line based layer over a file.") { register(&$0) }
    static let binaryType = PyType("BufferedReader", module: "_io", doc: "A buffered binary file.") { register(&$0) }

    /// `open(file, mode='r', ...)`.
    static func open(_ args: BoundArguments, _ interpreter: Runtime) throws -> Value {
        let target = args["file"]
        let path: String
        switch target {
        case .string(let text): path = text
        case .object(let pathObject as PathObject): path = pathObject.path
        default: throw PyError(.typeError, "expected str, bytes or os.PathLike object, not \(target.typeName)")
        }
        let mode = try args.string("mode")
        return .object(try FileObject(path: path, name: target.object(as: PathObject.self).map { .string($0.path) } ?? target,
                                      mode: mode, encoding: try args.optionalString("encoding")))
    }
}

/// `for line in file`.
final class FileLines: PyIterator {
    let file: FileObject
    init(_ file: FileObject) { self.file = file }
    func next(_ interpreter: Runtime) throws -> Value? { try file.readLine() }
}
