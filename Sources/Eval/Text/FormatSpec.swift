/// Python's format-spec mini-language (`{:>8}`, `{:2.0f}`, `{:.3e}`, `{:,}`, `{:08.3%}`),
/// as `format()`, `str.format` and f-strings use it.
struct FormatSpec {
    var fill: Character = " "
    var align: Character?
    var sign: Character = "-"
    var alternate = false
    var zeroPad = false
    var width = 0
    var grouping: Character?
    var precision: Int?
    var type: Character?

    /// The widest padding allowed (beyond it, `MemoryError`).
    static let maximumWidth = 1 << 28

    init(_ text: String) throws {
        var chars = Array(text)
        var i = 0
        func isAlign(_ c: Character) -> Bool { c == "<" || c == ">" || c == "^" || c == "=" }
        if chars.count >= 2 && isAlign(chars[1]) {
            fill = chars[0]; align = chars[1]; i = 2
        } else if !chars.isEmpty && isAlign(chars[0]) {
            align = chars[0]; i = 1
        }
        if i < chars.count, "+- ".contains(chars[i]) { sign = chars[i]; i += 1 }
        if i < chars.count, chars[i] == "z" { i += 1 }
        if i < chars.count, chars[i] == "#" { alternate = true; i += 1 }
        if i < chars.count, chars[i] == "0" {
            zeroPad = true
            i += 1
        }
        var widthText = ""
        while i < chars.count, chars[i].isASCII, chars[i].isNumber { widthText.append(chars[i]); i += 1 }
        if !widthText.isEmpty {
            // Padding to an absurd width would exhaust memory rather than fail cleanly.
            guard let parsed = Int(widthText), parsed <= FormatSpec.maximumWidth else { throw PyError(.memoryError, "") }
            width = parsed
        }
        if i < chars.count, chars[i] == "," || chars[i] == "_" { grouping = chars[i]; i += 1 }
        if i < chars.count, chars[i] == "." {
            i += 1
            var precisionText = ""
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { precisionText.append(chars[i]); i += 1 }
            guard let p = Int(precisionText) else { throw PyError(.valueError, "Format specifier missing precision") }
            precision = p
        }
        if i < chars.count { type = chars[i]; i += 1 }
        if i < chars.count {
            chars = Array(chars[i...])
            throw PyError(.valueError, "Invalid format specifier '\(text)'")
        }
        if zeroPad && align == nil { fill = "0"; align = "=" }
    }

    /// Pads `body` (with its `prefix` sign/base marker) to the width.
    func pad(_ body: String, prefix: String = "", defaultAlign: Character) -> String {
        let length = prefix.count + body.count
        guard width > length else { return prefix + body }
        let padding = width - length
        switch align ?? defaultAlign {
        case "<": return prefix + body + String(repeating: fill, count: padding)
        case "^":
            let left = padding / 2
            return String(repeating: fill, count: left) + prefix + body + String(repeating: fill, count: padding - left)
        case "=": return prefix + String(repeating: fill, count: padding) + body
        default: return String(repeating: fill, count: padding) + prefix + body
        }
    }

    func signPrefix(negative: Bool) -> String {
        if negative { return "-" }
        switch sign {
        case "+": return "+"
        case " ": return " "
        default: return ""
        }
    }

    static func group(_ digits: String, separator: Character, every: Int = 3) -> String {
        var result: [Character] = []
        for (count, character) in digits.reversed().enumerated() {
            if count > 0 && count % every == 0 { result.append(separator) }
            result.append(character)
        }
        return String(result.reversed())
    }

    /// Formats a string value.
    func format(string: String) throws -> String {
        if let type, type != "s" {
            throw PyError(.valueError, "Unknown format code '\(type)' for object of type 'str'")
        }
        if sign != "-" { throw PyError(.valueError, "Sign not allowed in string format specifier") }
        if align == "=" { throw PyError(.valueError, "'=' alignment not allowed in string format specifier") }
        var body = string
        if let precision { body = String(body.prefix(precision)) }
        return pad(body, defaultAlign: "<")
    }

    /// Formats an integer.
    func format(int value: Int) throws -> String {
        switch type {
        case nil, "d", "n", "b", "o", "x", "X", "c":
            break
        case "e", "E", "f", "F", "g", "G", "%":
            return try format(double: Double(value))
        case let other?:
            throw PyError(.valueError, "Unknown format code '\(other)' for object of type 'int'")
        }
        if precision != nil { throw PyError(.valueError, "Precision not allowed in integer format specifier") }
        if type == "c" {
            guard let scalar = Unicode.Scalar(UInt32(clamping: max(value, 0))) else {
                throw PyError(.overflowError, "%c arg not in range(0x110000)")
            }
            return pad(String(Character(scalar)), defaultAlign: "<")
        }
        let magnitude = value.magnitude
        var digits: String
        var base = ""
        switch type {
        case "b": digits = String(magnitude, radix: 2); base = alternate ? "0b" : ""
        case "o": digits = String(magnitude, radix: 8); base = alternate ? "0o" : ""
        case "x": digits = String(magnitude, radix: 16); base = alternate ? "0x" : ""
        case "X": digits = String(magnitude, radix: 16).uppercased(); base = alternate ? "0X" : ""
        default: digits = String(magnitude)
        }
        if let grouping {
            digits = FormatSpec.group(digits, separator: grouping, every: (type == nil || type == "d" || type == "n") ? 3 : 4)
        }
        return pad(digits, prefix: signPrefix(negative: value < 0) + base, defaultAlign: ">")
    }

    /// Formats a float.
    func format(double value: Double) throws -> String {
        let negative = value.sign == .minus && !value.isNaN
        let magnitude = abs(value)
        var body: String
        switch type {
        case "f", "F":
            body = FloatRepr.printf(magnitude, precision: precision ?? 6, type: type!, alternate: alternate)
        case "e", "E":
            body = FloatRepr.printf(magnitude, precision: precision ?? 6, type: type!, alternate: alternate)
        case "g", "G", "n":
            let p = precision ?? 6
            body = FloatRepr.printf(magnitude, precision: p == 0 ? 1 : p, type: type == "G" ? "G" : "g", alternate: alternate)
        case "%":
            body = FloatRepr.printf(magnitude * 100, precision: precision ?? 6, type: "f", alternate: alternate) + "%"
        case nil:
            if let precision {
                body = FloatRepr.printf(magnitude, precision: precision == 0 ? 1 : precision, type: "g", alternate: alternate)
                if magnitude.isFinite && !body.contains(".") && !body.contains("e") { body += ".0" }
            } else {
                body = FloatRepr.repr(magnitude)
            }
        case let other?:
            throw PyError(.valueError, "Unknown format code '\(other)' for object of type 'float'")
        }
        if let grouping, magnitude.isFinite {
            let end = body.firstIndex { $0 == "." || $0 == "e" || $0 == "E" || $0 == "%" } ?? body.endIndex
            body = FormatSpec.group(String(body[..<end]), separator: grouping) + body[end...]
        }
        return pad(body, prefix: signPrefix(negative: negative), defaultAlign: ">")
    }
}

extension Runtime {
    /// `format(value, spec)`.
    public func format(_ value: Value, spec: String) throws -> String {
        switch value {
        case .int(let i): return try FormatSpec(spec).format(int: i)
        case .float(let f): return try FormatSpec(spec).format(double: f)
        case .bool(let b):
            if spec.isEmpty { return b ? "True" : "False" }
            return try FormatSpec(spec).format(int: b ? 1 : 0)
        case .string(let s): return try FormatSpec(spec).format(string: s)
        case .none:
            if spec.isEmpty { return "None" }
        case .object(let object):
            if let formatted = try object.format(spec, self) { return formatted }
            if spec.isEmpty { return try str(value) }
            if let index = object.asIndex() { return try FormatSpec(spec).format(int: index) }
            if let double = object.asDouble() { return try FormatSpec(spec).format(double: double) }
        }
        throw PyError(.typeError, "unsupported format string passed to \(value.typeName).__format__")
    }
}
