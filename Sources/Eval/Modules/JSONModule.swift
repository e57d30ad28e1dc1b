/// `json`: `dumps`/`loads`/`dump`/`load` with Python's text format.
///
/// This is a codec of its own rather than ML's `JSONValue` (which reads configuration files):
/// Python's json keeps ints and floats apart (`1` vs `1.0`), writes `", "`/`": "` separators,
/// escapes non-ASCII by default and reports errors as `JSONDecodeError` with line and column.
enum JSONModule {
    static let decodeError = PyErrorKind("JSONDecodeError")

    static func make(_ interpreter: Runtime) throws -> Module {
        UserErrorKinds.register(decodeError.name, parent: "ValueError")
        let module = Module("json", doc: "JSON (JavaScript Object Notation) encoder and decoder.")
        module["JSONDecodeError"] = .object(interpreter.exceptionType(decodeError))
        let options = "*, skipkeys=False, ensure_ascii=True, check_circular=True, allow_nan=True, cls=None, indent=None, separators=None, default=None, sort_keys=False"
        module.function("dumps(obj, \(options))", doc: "Serialize obj to a JSON formatted str.") { args, interp in
            .string(try encode(args, interp))
        }
        module.function("dump(obj, fp, \(options))", doc: "Serialize obj as a JSON formatted stream to fp (a .write()-supporting file-like object).") { args, interp in
            let text = try encode(args, interp)
            _ = try interp.call(try interp.attribute(args["fp"], "write"), .string(text))
            return .none
        }
        module.function("loads(s, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None)",
                        doc: "Deserialize s (a str containing a JSON document) to a Python object.") { args, interp in
            let text: String
            switch args["s"] {
            case .string(let s): text = s
            case .object(let bytes as BytesObject): text = String(decoding: bytes.bytes, as: UTF8.self)
            default: throw PyError(.typeError, "the JSON object must be str, bytes or bytearray, not \(args["s"].typeName)")
            }
            return try decode(text, interp)
        }
        module.function("load(fp, *, cls=None, object_hook=None, parse_float=None, parse_int=None, parse_constant=None, object_pairs_hook=None)",
                        doc: "Deserialize fp (a .read()-supporting file-like object containing a JSON document) to a Python object.") { args, interp in
            let content = try interp.call(try interp.attribute(args["fp"], "read"))
            guard case .string(let text) = content else {
                throw PyError(.typeError, "the JSON object must be str, bytes or bytearray, not \(content.typeName)")
            }
            return try decode(text, interp)
        }
        return module
    }

    // MARK: Encoding

    struct Encoder {
        let interpreter: Runtime
        let indent: String?
        let itemSeparator: String
        let keySeparator: String
        let ensureASCII: Bool
        let sortKeys: Bool
        let skipKeys: Bool
        let allowNaN: Bool
        let fallback: Value?
        var active: Set<ObjectIdentifier> = []

        mutating func encode(_ value: Value, depth: Int, into out: inout String) throws {
            if depth > interpreter.recursionLimit {
                throw PyError(.recursionError, "maximum recursion depth exceeded while encoding a JSON object")
            }
            switch value {
            case .none: out += "null"
            case .bool(let b): out += b ? "true" : "false"
            case .int(let i): out += String(i)
            case .float(let f): out += try float(f)
            case .string(let s): writeString(s, into: &out)
            case .object(let object):
                if object is BigIntObject { out += try interpreter.repr(value); return }
                if object is ListObject || object is TupleObject {
                    let items = (object as? ListObject)?.items ?? (object as? TupleObject)?.items ?? []
                    try guardCycle(object) { encoder in
                        try encoder.sequence(items, depth: depth, into: &out)
                    }
                } else if let dict = object as? DictObject {
                    try guardCycle(object) { encoder in
                        try encoder.mapping(dict, depth: depth, into: &out)
                    }
                } else if let fallback {
                    try encode(try interpreter.call(fallback, value), depth: depth + 1, into: &out)
                } else if let index = object.asIndex() {
                    out += String(index)
                } else if let double = object.asDouble(), object.pyType.name.hasPrefix("float") {
                    out += try float(double)
                } else {
                    throw PyError(.typeError, "Object of type \(value.typeName) is not JSON serializable")
                }
            }
        }

        mutating func guardCycle(_ object: AnyObject, _ body: (inout Encoder) throws -> Void) throws {
            let id = ObjectIdentifier(object)
            guard active.insert(id).inserted else { throw PyError(.valueError, "Circular reference detected") }
            defer { active.remove(id) }
            try body(&self)
        }

        func float(_ value: Double) throws -> String {
            if value.isFinite { return FloatRepr.repr(value) }
            guard allowNaN else { throw PyError(.valueError, "Out of range float values are not JSON compliant") }
            return value.isNaN ? "NaN" : (value < 0 ? "-Infinity" : "Infinity")
        }

        func newline(_ depth: Int) -> String {
            guard let indent else { return "" }
            return "\n" + String(repeating: indent, count: depth)
        }

        mutating func sequence(_ items: [Value], depth: Int, into out: inout String) throws {
            if items.isEmpty { out += "[]"; return }
            out += "["
            for (index, item) in items.enumerated() {
                if index > 0 { out += itemSeparator }
                out += newline(depth + 1)
                try encode(item, depth: depth + 1, into: &out)
            }
            out += newline(depth) + "]"
        }

        mutating func mapping(_ dict: DictObject, depth: Int, into out: inout String) throws {
            if dict.storage.count == 0 { out += "{}"; return }
            var pairs: [(String, Value)] = []
            for (key, value) in zip(dict.storage.keys, dict.storage.values) {
                switch key.value {
                case .string(let s): pairs.append((s, value))
                case .int(let i): pairs.append((String(i), value))
                case .float(let f): pairs.append((try float(f), value))
                case .bool(let b): pairs.append((b ? "true" : "false", value))
                case .none: pairs.append(("null", value))
                default:
                    if skipKeys { continue }
                    throw PyError(.typeError, "keys must be str, int, float, bool or None, not \(key.value.typeName)")
                }
            }
            if sortKeys { pairs.sort { CodePointOrder($0.0) < CodePointOrder($1.0) } }
            out += "{"
            for (index, (key, value)) in pairs.enumerated() {
                if index > 0 { out += itemSeparator }
                out += newline(depth + 1)
                writeString(key, into: &out)
                out += keySeparator
                try encode(value, depth: depth + 1, into: &out)
            }
            out += newline(depth) + "}"
        }

        func writeString(_ text: String, into out: inout String) {
            out += "\""
            for scalar in text.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                case "\n": out += "\\n"
                case "\r": out += "\\r"
                case "\t": out += "\\t"
                case "\u{8}": out += "\\b"
                case "\u{c}": out += "\\f"
                default:
                    if scalar.value < 0x20 || (ensureASCII && scalar.value > 0x7E) {
                        if scalar.value > 0xFFFF {
                            let v = scalar.value - 0x10000
                            out += unicodeEscape(0xD800 + (v >> 10)) + unicodeEscape(0xDC00 + (v & 0x3FF))
                        } else {
                            out += unicodeEscape(scalar.value)
                        }
                    } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            out += "\""
        }

        func unicodeEscape(_ value: UInt32) -> String {
            let hex = String(value, radix: 16)
            return "\\u" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        }
    }

    static func encode(_ args: BoundArguments, _ interpreter: Runtime) throws -> String {
        var indent: String?
        switch args["indent"] {
        case .none: indent = nil
        case .string(let text): indent = text
        default:
            guard let count = args["indent"].asIndex else { throw PyError(.typeError, "indent must be an int or a str") }
            indent = String(repeating: " ", count: max(count, 0))
        }
        var itemSeparator = indent == nil ? ", " : ","
        var keySeparator = ": "
        if let separators = args.optional("separators") {
            let parts = try interpreter.collect(separators)
            guard parts.count == 2, case .string(let item) = parts[0], case .string(let key) = parts[1] else {
                throw PyError(.valueError, "separators must be a (item_separator, key_separator) tuple")
            }
            itemSeparator = item
            keySeparator = key
        }
        if args.optional("cls") != nil { throw PyError.notImplemented("json: the cls argument is not supported") }
        var encoder = Encoder(interpreter: interpreter, indent: indent, itemSeparator: itemSeparator, keySeparator: keySeparator,
                              ensureASCII: try args.bool("ensure_ascii"), sortKeys: try args.bool("sort_keys"),
                              skipKeys: try args.bool("skipkeys"), allowNaN: try args.bool("allow_nan"),
                              fallback: args.optional("default"))
        var out = ""
        try encoder.encode(args["obj"], depth: 0, into: &out)
        return out
    }

    // MARK: Decoding

    struct Decoder {
        let scalars: [Unicode.Scalar]
        let interpreter: Runtime
        var index = 0

        func error(_ message: String, at position: Int) -> PyError {
            var line = 1
            var column = 1
            for scalar in scalars[..<min(position, scalars.count)] {
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            }
            return PyError(JSONModule.decodeError, "\(message): line \(line) column \(column) (char \(position))")
        }

        mutating func skipSpace() {
            while index < scalars.count, [" ", "\t", "\n", "\r"].contains(scalars[index]) { index += 1 }
        }

        func starts(with word: String) -> Bool {
            let word = Array(word.unicodeScalars)
            return index + word.count <= scalars.count && Array(scalars[index..<(index + word.count)]) == word
        }

        mutating func value(depth: Int) throws -> Value {
            if depth > interpreter.recursionLimit { throw PyError(.recursionError, "maximum recursion depth exceeded while decoding a JSON document") }
            skipSpace()
            guard index < scalars.count else { throw error("Expecting value", at: index) }
            switch scalars[index] {
            case "{": return try object(depth: depth)
            case "[": return try array(depth: depth)
            case "\"": return .string(try string())
            default:
                for (word, value) in [("null", Value.none), ("true", .bool(true)), ("false", .bool(false)),
                                      ("NaN", .float(.nan)), ("Infinity", .float(.infinity)), ("-Infinity", .float(-.infinity))] where starts(with: word) {
                    index += word.unicodeScalars.count
                    return value
                }
                return try number()
            }
        }

        mutating func number() throws -> Value {
            let start = index
            if index < scalars.count, scalars[index] == "-" { index += 1 }
            let digitsStart = index
            while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            guard index > digitsStart else { throw error("Expecting value", at: start) }
            if scalars[digitsStart] == "0" && index - digitsStart > 1 { index = digitsStart + 1 }
            var isFloat = false
            if index + 1 < scalars.count, scalars[index] == ".", ("0"..."9").contains(scalars[index + 1]) {
                isFloat = true
                index += 1
                while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
            }
            if index < scalars.count, scalars[index] == "e" || scalars[index] == "E" {
                var probe = index + 1
                if probe < scalars.count, scalars[probe] == "+" || scalars[probe] == "-" { probe += 1 }
                if probe < scalars.count, ("0"..."9").contains(scalars[probe]) {
                    isFloat = true
                    index = probe
                    while index < scalars.count, ("0"..."9").contains(scalars[index]) { index += 1 }
                }
            }
            let text = String(String.UnicodeScalarView(scalars[start..<index]))
            if isFloat { return .float(Double(text) ?? .nan) }
            return try parseInt(text, base: 10)
        }

        mutating func string() throws -> String {
            let start = index
            index += 1
            var result = String.UnicodeScalarView()
            while true {
                guard index < scalars.count else { throw error("Unterminated string starting at", at: start) }
                let scalar = scalars[index]
                if scalar == "\"" { index += 1; return String(result) }
                if scalar.value < 0x20 { throw error("Invalid control character at", at: index) }
                if scalar != "\\" { result.append(scalar); index += 1; continue }
                guard index + 1 < scalars.count else { throw error("Unterminated string starting at", at: start) }
                let escape = scalars[index + 1]
                index += 2
                switch escape {
                case "\"": result.append("\"")
                case "\\": result.append("\\")
                case "/": result.append("/")
                case "b": result.append("\u{8}")
                case "f": result.append("\u{c}")
                case "n": result.append("\n")
                case "r": result.append("\r")
                case "t": result.append("\t")
                case "u":
                    var code = try hex4(at: index - 2)
                    if (0xD800..<0xDC00).contains(code), starts(with: "\\u") {
                        index += 2
                        let low = try hex4(at: index - 2)
                        if (0xDC00..<0xE000).contains(low) {
                            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                        } else {
                            index -= 6
                        }
                    }
                    result.append(Unicode.Scalar(code) ?? "\u{FFFD}")
                default:
                    throw error("Invalid \\escape", at: index - 2)
                }
            }
        }

        mutating func hex4(at escapeStart: Int) throws -> UInt32 {
            guard index + 4 <= scalars.count,
                  let code = UInt32(String(String.UnicodeScalarView(scalars[index..<(index + 4)])), radix: 16) else {
                throw error("Invalid \\uXXXX escape", at: escapeStart)
            }
            index += 4
            return code
        }

        mutating func array(depth: Int) throws -> Value {
            index += 1
            var items: [Value] = []
            skipSpace()
            if index < scalars.count, scalars[index] == "]" { index += 1; return .list(items) }
            while true {
                items.append(try value(depth: depth + 1))
                skipSpace()
                guard index < scalars.count else { throw error("Expecting ',' delimiter", at: index) }
                if scalars[index] == "]" { index += 1; return .list(items) }
                guard scalars[index] == "," else { throw error("Expecting ',' delimiter", at: index) }
                index += 1
            }
        }

        mutating func object(depth: Int) throws -> Value {
            index += 1
            let dict = DictObject()
            skipSpace()
            if index < scalars.count, scalars[index] == "}" { index += 1; return .object(dict) }
            while true {
                skipSpace()
                guard index < scalars.count, scalars[index] == "\"" else {
                    throw error("Expecting property name enclosed in double quotes", at: index)
                }
                let key = try string()
                skipSpace()
                guard index < scalars.count, scalars[index] == ":" else { throw error("Expecting ':' delimiter", at: index) }
                index += 1
                dict.storage.set(DictKey(string: key), try value(depth: depth + 1))
                skipSpace()
                guard index < scalars.count else { throw error("Expecting ',' delimiter", at: index) }
                if scalars[index] == "}" { index += 1; return .object(dict) }
                guard scalars[index] == "," else { throw error("Expecting ',' delimiter", at: index) }
                index += 1
            }
        }
    }

    static func decode(_ text: String, _ interpreter: Runtime) throws -> Value {
        var decoder = Decoder(scalars: Array(text.unicodeScalars), interpreter: interpreter)
        let result = try decoder.value(depth: 0)
        decoder.skipSpace()
        if decoder.index < decoder.scalars.count { throw decoder.error("Extra data", at: decoder.index) }
        return result
    }
}
