/// Writes JSON values as compact UTF-8 text.
///
/// Object members are written in sorted order, so the same value always gives the same bytes
/// (and the same signature). Non-finite numbers, which JSON cannot express, are written as
/// `null` rather than as text a strict peer would reject.
public enum JSONWriter {
    /// The compact encoding of `value`.
    public static func encode(_ value: JSONValue) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(128)
        write(value, to: &output)
        return output
    }

    /// The compact encoding of `value` as a string.
    public static func string(_ value: JSONValue) -> String {
        String(decoding: encode(value), as: UTF8.self)
    }

    /// An indented encoding (two spaces a level, one member a line), for files people read,
    /// such as a kernelspec's kernel.json.
    public static func prettyString(_ value: JSONValue) -> String {
        var output: [UInt8] = []
        writePretty(value, depth: 0, to: &output)
        output.append(0x0A)
        return String(decoding: output, as: UTF8.self)
    }

    private static func writePretty(_ value: JSONValue, depth: Int, to output: inout [UInt8]) {
        let indent = Array(repeating: UInt8(ascii: " "), count: 2 * (depth + 1))
        let closingIndent = Array(repeating: UInt8(ascii: " "), count: 2 * depth)
        switch value {
        case .array(let elements) where !elements.isEmpty:
            output.append(contentsOf: "[\n".utf8)
            for (index, element) in elements.enumerated() {
                output.append(contentsOf: indent)
                writePretty(element, depth: depth + 1, to: &output)
                output.append(contentsOf: (index < elements.count - 1 ? ",\n" : "\n").utf8)
            }
            output.append(contentsOf: closingIndent)
            output.append(UInt8(ascii: "]"))
        case .object(let members) where !members.isEmpty:
            output.append(contentsOf: "{\n".utf8)
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                output.append(contentsOf: indent)
                writeString(member.key, to: &output)
                output.append(contentsOf: ": ".utf8)
                writePretty(member.value, depth: depth + 1, to: &output)
                output.append(contentsOf: (index < members.count - 1 ? ",\n" : "\n").utf8)
            }
            output.append(contentsOf: closingIndent)
            output.append(UInt8(ascii: "}"))
        default:
            write(value, to: &output)
        }
    }

    public static func write(_ value: JSONValue, to output: inout [UInt8]) {
        switch value {
        case .null:
            output.append(contentsOf: "null".utf8)
        case .bool(let flag):
            output.append(contentsOf: (flag ? "true" : "false").utf8)
        case .int(let number):
            output.append(contentsOf: String(number).utf8)
        case .double(let number):
            if number.isFinite {
                output.append(contentsOf: number.description.utf8)
            } else {
                output.append(contentsOf: "null".utf8)
            }
        case .string(let text):
            writeString(text, to: &output)
        case .array(let elements):
            output.append(UInt8(ascii: "["))
            for (index, element) in elements.enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                write(element, to: &output)
            }
            output.append(UInt8(ascii: "]"))
        case .object(let members):
            output.append(UInt8(ascii: "{"))
            for (index, member) in members.sorted(by: { $0.key < $1.key }).enumerated() {
                if index > 0 { output.append(UInt8(ascii: ",")) }
                writeString(member.key, to: &output)
                output.append(UInt8(ascii: ":"))
                write(member.value, to: &output)
            }
            output.append(UInt8(ascii: "}"))
        }
    }

    private static let hexDigits: [UInt8] = Array("0123456789abcdef".utf8)

    static func writeString(_ text: String, to output: inout [UInt8]) {
        var text = text
        text.withUTF8 { bytes in
            output.append(UInt8(ascii: "\""))
            // Copies runs of bytes that need no escape in one go; most text is such a run.
            var runStart = 0
            for index in 0..<bytes.count {
                let byte = bytes[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<index]))
                runStart = index + 1
                switch byte {
                case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
                case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
                case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
                case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
                case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
                default:
                    output.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30])
                    output.append(hexDigits[Int(byte >> 4)])
                    output.append(hexDigits[Int(byte & 0xF)])
                }
            }
            output.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[runStart..<bytes.count]))
            output.append(UInt8(ascii: "\""))
        }
    }
}
