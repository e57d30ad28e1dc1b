/// `bytes`: an immutable sequence of bytes, as binary files and `str.encode()` give them.
/// (Bytes literals `b'...'` are not part of the language yet.)
final class BytesObject: PyObject {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }

    var pyType: PyType { BytesObject.type }

    static let type = PyType("bytes", doc: "bytes(iterable_of_ints) -> bytes\nbytes(string, encoding) -> bytes\n\nAn immutable array of bytes.") { t in
        t.constructor("bytes(source=<unset>, encoding=<unset>, errors='strict')") { args, interp in
            guard args.isGiven("source") else { return .object(BytesObject([])) }
            switch args.values[0] {
            case .string(let text):
                guard args.isGiven("encoding") else { throw PyError(.typeError, "string argument without an encoding") }
                return .object(BytesObject(try encode(text, try args.string("encoding"))))
            case .object(let bytes as BytesObject):
                return .object(bytes)
            default:
                if let count = args.values[0].asIndex {
                    guard count >= 0 else { throw PyError(.valueError, "negative count") }
                    try interp.checkAllocation(count: count, elementSize: 1)
                    return .object(BytesObject([UInt8](repeating: 0, count: count)))
                }
                return .object(BytesObject(try interp.collect(args.values[0]).map { value in
                    guard let byte = value.asIndex else {
                        throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
                    }
                    guard (0...255).contains(byte) else { throw PyError(.valueError, "bytes must be in range(0, 256)") }
                    return UInt8(byte)
                }))
            }
        }
        t.method("decode(encoding='utf-8', errors='strict')", of: BytesObject.self, doc: "Decode the bytes using the codec registered for encoding.") { bytes, args, _ in
            let encoding = try args.string("encoding").lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "")
            switch encoding {
            case "utf8":
                guard let text = String(validating: bytes.bytes, as: UTF8.self) else {
                    throw PyError(PyErrorKind("UnicodeDecodeError"), "'utf-8' codec can't decode bytes: invalid UTF-8 data")
                }
                return .string(text)
            case "ascii", "latin1", "iso88591":
                if encoding == "ascii", let bad = bytes.bytes.firstIndex(where: { $0 >= 128 }) {
                    throw PyError(PyErrorKind("UnicodeDecodeError"), "'ascii' codec can't decode byte 0x\(String(bytes.bytes[bad], radix: 16)) in position \(bad): ordinal not in range(128)")
                }
                return .string(String(String.UnicodeScalarView(bytes.bytes.map { Unicode.Scalar($0) })))
            default:
                throw PyError(PyErrorKind("LookupError"), "unknown encoding: \(try args.string("encoding"))")
            }
        }
        t.method("hex()", of: BytesObject.self, doc: "Create a string of hexadecimal numbers from a bytes object.") { bytes, _, _ in
            .string(bytes.bytes.map { ($0 < 16 ? "0" : "") + String($0, radix: 16) }.joined())
        }
    }

    static func encode(_ text: String, _ encoding: String) throws -> [UInt8] {
        switch encoding.lowercased().replacingOccurrences(of: "-", with: "").replacingOccurrences(of: "_", with: "") {
        case "utf8": return Array(text.utf8)
        case "ascii", "latin1", "iso88591":
            let limit: UInt32 = encoding.lowercased() == "ascii" ? 128 : 256
            return try text.unicodeScalars.enumerated().map { index, scalar in
                guard scalar.value < limit else {
                    throw PyError(PyErrorKind("UnicodeEncodeError"), "'\(encoding)' codec can't encode character '\\u\(String(scalar.value, radix: 16))' in position \(index): ordinal not in range(\(limit))")
                }
                return UInt8(scalar.value)
            }
        default: throw PyError(PyErrorKind("LookupError"), "unknown encoding: \(encoding)")
        }
    }

    func length(_ interpreter: Runtime) throws -> Int? { bytes.count }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let index = key.asIndex { return .int(Int(bytes[try normalizedIndex(index, count: bytes.count, what: "index")])) }
        if let slice = key.object(as: SliceObject.self) {
            return .object(BytesObject(try slice.resolve(count: bytes.count).gather(bytes)))
        }
        throw PyError(.typeError, "byte indices must be integers or slices, not \(key.typeName)")
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { ArrayIterator(bytes.map { .int(Int($0)) }) }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        guard op == .add, let other = other.object(as: BytesObject.self) else { return nil }
        return .object(BytesObject(reflected ? other.bytes + bytes : bytes + other.bytes))
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let other = other.object(as: BytesObject.self) else { return nil }
        switch op {
        case .equal: return .bool(bytes == other.bytes)
        case .notEqual: return .bool(bytes != other.bytes)
        default:
            return .bool(Arithmetic.compare(op, bytes.lexicographicallyPrecedes(other.bytes) ? -1 : (bytes == other.bytes ? 0 : 1), 0))
        }
    }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        if let byte = item.asIndex { return bytes.contains { Int($0) == byte } }
        if let other = item.object(as: BytesObject.self) {
            if other.bytes.isEmpty { return true }
            guard other.bytes.count <= bytes.count else { return false }
            return (0...(bytes.count - other.bytes.count)).contains { Array(bytes[$0..<($0 + other.bytes.count)]) == other.bytes }
        }
        throw PyError(.typeError, "a bytes-like object is required, not '\(item.typeName)'")
    }

    func hashValue(_ interpreter: Runtime) throws -> Int? { bytes.hashValue }

    func repr(_ interpreter: Runtime) throws -> String {
        let useDouble = bytes.contains(UInt8(ascii: "'")) && !bytes.contains(UInt8(ascii: "\""))
        var text = useDouble ? "b\"" : "b'"
        for byte in bytes {
            switch byte {
            case UInt8(ascii: "\\"): text += "\\\\"
            case UInt8(ascii: "'") where !useDouble: text += "\\'"
            case UInt8(ascii: "\n"): text += "\\n"
            case UInt8(ascii: "\r"): text += "\\r"
            case UInt8(ascii: "\t"): text += "\\t"
            case 32..<127: text += String(UnicodeScalar(byte))
            default: text += "\\x" + (byte < 16 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text + (useDouble ? "\"" : "'")
    }
}
