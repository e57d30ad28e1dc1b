import Foundation

/// The built-in scalar types and the types of the language's own objects.
extension PyType {
    public static let type = PyType("type", doc: "type(object) -> the object's type") { t in
        t.constructor("type(object, /)") { args, _ in .object(args.values[0].pyType) }
        t.property("__name__", of: PyType.self) { type, _ in .string(type.name) }
    }

    public static let object = PyType("object", doc: "The base class of the class hierarchy.")

    public static let int = PyType("int", doc: """
        int(x=0, /, base=10)

        Convert a number or string to an integer. Floats are truncated toward zero.
        """) { t in
        t.constructor("int(x=0, /, base=10)") { args, interp in
            let x = args.values[0]
            if case .string(let text) = x { return try parseInt(text, base: try args.int("base"), limit: IntDigitLimit.of(interp)) }
            if args.isGiven("base") { throw PyError(.typeError, "int() can't convert non-string with explicit base") }
            switch x {
            case .int: return x
            case .object(let big as BigIntObject): return .object(big)
            case .bool(let b): return .int(b ? 1 : 0)
            case .float(let f): return try truncate(f)
            default:
                if let index = x.asIndex { return .int(index) }
                if let double = x.asDouble { return try truncate(double) }
                throw PyError(.typeError, "int() argument must be a string, a bytes-like object or a real number, not '\(x.typeName)'")
            }
        }
        t.valueMethod("bit_length()", doc: "Number of bits necessary to represent self in binary.") { v, _, _ in
            .int(Int.bitWidth - (v.asIndex ?? 0).magnitude.leadingZeroBitCount)
        }
        t.valueMethod("is_integer()", doc: "Return True (an int is always integral).") { _, _, _ in .bool(true) }
        t.valueProperty("real") { v, _ in v }
        t.valueProperty("imag") { _, _ in .int(0) }
    }

    public static let bool = PyType("bool", doc: """
        bool(x=False, /)

        Returns True when the argument is true, False otherwise.
        """, base: .int) { t in
        t.constructor("bool(x=False, /)") { args, interp in .bool(try interp.truthiness(args.values[0])) }
    }

    public static let float = PyType("float", doc: """
        float(x=0.0, /)

        Convert a string or number to a floating point number, if possible.
        """) { t in
        t.constructor("float(x=0.0, /)") { args, _ in
            let x = args.values[0]
            if case .string(let text) = x { return .float(try parseFloat(text)) }
            if let double = x.asDouble { return .float(double) }
            throw PyError(.typeError, "float() argument must be a string or a real number, not '\(x.typeName)'")
        }
        t.valueMethod("is_integer()", doc: "Return True if the float is an integer.") { v, _, _ in
            guard case .float(let f) = v else { return .bool(true) }
            return .bool(f.isFinite && f == f.rounded())
        }
        t.valueMethod("as_integer_ratio()", doc: "Return a pair of integers whose ratio equals the float.") { v, _, _ in
            guard case .float(var f) = v, f.isFinite else { throw PyError(.valueError, "cannot convert to integer ratio") }
            var denominator = BigInt(1)
            var steps = 0
            while f != f.rounded() && steps < 1100 { f *= 2; denominator = denominator + denominator; steps += 1 }
            return .tuple([.integer(BigInt(exactly: f) ?? BigInt(0)), .integer(denominator)])
        }
        t.valueProperty("real") { v, _ in v }
        t.valueProperty("imag") { _, _ in .float(0) }
    }

    public static let noneType = PyType("NoneType")
    public static let function = PyType("function")
    public static let builtinFunction = PyType("builtin_function_or_method")
    public static let builtinMethod = PyType("builtin_function_or_method")
    public static let methodDescriptor = PyType("method_descriptor")
    public static let module = PyType("module")
    public static let ellipsis = PyType("ellipsis")
    public static let dictView = PyType("dict_view")
    public static let iterator = PyType("iterator")
    public static let generator = PyType("generator")

    public static let range = PyType("range", doc: """
        range(stop) -> range object
        range(start, stop[, step]) -> range object

        Return an object that produces a sequence of integers from start (inclusive)
        to stop (exclusive) by step.
        """) { t in
        t.constructor("range(start, stop=None, step=1, /)") { args, _ in
            func integer(_ name: String) throws -> Int {
                let value = args[name]
                guard let int = value.asIndex else {
                    throw PyError(.typeError, "'\(value.typeName)' object cannot be interpreted as an integer")
                }
                return int
            }
            var start = 0
            let stop: Int
            if args.isGiven("stop") {
                start = try integer("start")
                stop = try integer("stop")
            } else {
                stop = try integer("start")
            }
            let step = try integer("step")
            guard step != 0 else { throw PyError(.valueError, "range() arg 3 must not be zero") }
            return .object(RangeObject(start: start, stop: stop, step: step))
        }
    }

    public static let slice = PyType("slice", doc: "slice(start, stop[, step])") { t in
        t.constructor("slice(start, stop=<unset>, step=None, /)") { args, _ in
            if !args.isGiven("stop") {
                return .object(SliceObject(start: .none, stop: args.values[0], step: .none))
            }
            return .object(SliceObject(start: args.values[0], stop: args.values[1], step: args.values[2]))
        }
    }
}

/// `int(x)` for a float: truncated toward zero, as a big int when it needs more than 64 bits.
func truncate(_ value: Double) throws -> Value {
    if value.isNaN { throw PyError(.valueError, "cannot convert float NaN to integer") }
    if value.isInfinite { throw PyError(.overflowError, "cannot convert float infinity to integer") }
    return .integer(BigInt(exactly: value) ?? BigInt(0))
}

/// `int(text, base)`: Python's literal rules (sign, underscores, `0x`/`0o`/`0b` prefixes).
func parseInt(_ text: String, base: Int, limit: IntDigitLimit? = nil) throws -> Value {
    let invalid = PyError(.valueError, "invalid literal for int() with base \(base): \(StringRepr.repr(text))")
    guard base == 0 || (2...36).contains(base) else { throw PyError(.valueError, "int() base must be >= 2 and <= 36, or 0") }
    var body = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
    var negative = false
    if let first = body.first, first == "+" || first == "-" {
        negative = first == "-"
        body = body.dropFirst()
    }
    var radix = base
    let lower = body.lowercased()
    for (prefix, prefixRadix) in [("0x", 16), ("0o", 8), ("0b", 2)] where lower.hasPrefix(prefix) {
        if base == 0 || base == prefixRadix {
            radix = prefixRadix
            body = body.dropFirst(2)
        }
    }
    if radix == 0 { radix = 10 }
    guard !body.isEmpty, !body.hasPrefix("_"), !body.hasSuffix("_"), !body.contains("__") else { throw invalid }
    let digits = body.replacingOccurrences(of: "_", with: "")
    try limit?.check(digits: digits.utf8.count, radix: radix)
    guard let magnitude = BigInt(digits: digits, radix: radix), !digits.isEmpty else { throw invalid }
    return .integer(negative ? -magnitude : magnitude)
}

/// `float(text)`: decimal literals, `inf`, `infinity`, `nan`, with optional sign and underscores.
func parseFloat(_ text: String) throws -> Double {
    let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
    var body = Substring(trimmed)
    var sign = 1.0
    if let first = body.first, first == "+" || first == "-" {
        if first == "-" { sign = -1 }
        body = body.dropFirst()
    }
    switch body.lowercased() {
    case "inf", "infinity": return sign * .infinity
    case "nan": return .nan
    default: break
    }
    let cleaned = body.replacingOccurrences(of: "_", with: "")
    let allowed = Set("0123456789.eE+-")
    if !cleaned.isEmpty, cleaned.allSatisfy({ allowed.contains($0) }), !body.hasPrefix("_"), let value = Double(cleaned) {
        return sign * value
    }
    throw PyError(.valueError, "could not convert string to float: \(StringRepr.repr(text))")
}
