import Foundation

/// One value of a frame: what a column holds at a row, an index label, or a column name.
///
/// pandas keeps these as Python objects in `object` columns; here they are a small closed
/// set, which is all that CSV files, dicts of lists and the course's notebooks produce.
/// `missing` is pandas' `NaN`/`None` in an object column.
public enum FrameScalar: Hashable, Sendable, CustomStringConvertible {
    case missing
    case bool(Bool)
    case int(Int64)
    case float(Double)
    case string(String)

    public var isMissing: Bool {
        switch self {
        case .missing: return true
        case .float(let v): return v.isNaN
        default: return false
        }
    }

    /// The value as a number (bools count as 0/1), or nil for strings; NaN when missing.
    public var double: Double? {
        switch self {
        case .missing: return .nan
        case .bool(let b): return b ? 1 : 0
        case .int(let v): return Double(v)
        case .float(let v): return v
        case .string: return nil
        }
    }

    /// `str(value)` as Python writes it (`1.0`, `nan`, `True`).
    public var description: String {
        switch self {
        case .missing: return "NaN"
        case .bool(let b): return b ? "True" : "False"
        case .int(let v): return String(v)
        case .float(let v): return PythonFloat.repr(v)
        case .string(let s): return s
        }
    }

    /// `repr(value)`: strings quoted as Python quotes them.
    public var repr: String {
        if case .string(let s) = self { return PythonFloat.quote(s) }
        if case .missing = self { return "nan" }
        return description
    }

    /// The order pandas sorts labels and values in: numbers before strings, missing last.
    public static func ascending(_ a: FrameScalar, _ b: FrameScalar) -> Bool {
        switch (a, b) {
        case (.string(let x), .string(let y)): return x < y
        case (.string, _): return false
        case (_, .string): return true
        default:
            let x = a.double ?? .nan, y = b.double ?? .nan
            if x.isNaN { return false }
            if y.isNaN { return true }
            return x < y
        }
    }

    // Labels compare by value across int/float (pandas finds 1.0 under label 1).
    public static func == (a: FrameScalar, b: FrameScalar) -> Bool {
        switch (a, b) {
        case (.missing, .missing): return true
        case (.string(let x), .string(let y)): return x == y
        case (.string, _), (_, .string), (.missing, _), (_, .missing): return false
        default: return a.double == b.double
        }
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .missing: hasher.combine(0)
        case .string(let s): hasher.combine(s)
        default: hasher.combine(double ?? 0)
        }
    }
}

/// Python's text for floats and strings, which pandas' output is made of.
public enum PythonFloat {
    /// `repr(float)`: the shortest text that reads back to the same value, in Python's
    /// layout (`1e-05`, `1e+16`, `100.0`, `nan`, `inf`).
    public static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        if value == 0 { return value.sign == .minus ? "-0.0" : "0.0" }
        // Swift's description is also shortest round-trip; only the layout differs.
        let swift = "\(value)"
        let magnitude = Swift.abs(value)
        if magnitude >= 1e16 || magnitude < 1e-4 {
            // Scientific: digits d.ddd and exponent with a sign and at least two digits.
            let parts = swift.lowercased().split(separator: "e", maxSplits: 1)
            var mantissa = String(parts[0])
            var exponent: Int
            if parts.count == 2 {
                exponent = Int(parts[1]) ?? 0
            } else {
                exponent = 0
            }
            // Normalise a positional mantissa (Swift may print 1e16 positionally).
            if parts.count == 1 || mantissa.replacingOccurrences(of: "-", with: "").split(separator: ".")[0].count > 1 {
                let negative = mantissa.hasPrefix("-")
                let digitsOnly = mantissa.replacingOccurrences(of: "-", with: "")
                let pieces = digitsOnly.split(separator: ".", omittingEmptySubsequences: false)
                let integerPart = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
                var digits = integerPart + fraction
                var shift = integerPart.count - 1
                while digits.hasPrefix("0") && digits.count > 1 { digits.removeFirst(); shift -= 1 }
                while digits.hasSuffix("0") && digits.count > 1 { digits.removeLast() }
                exponent += shift
                mantissa = (negative ? "-" : "") + String(digits.prefix(1)) + (digits.count > 1 ? "." + digits.dropFirst() : "")
            }
            if mantissa.hasSuffix(".0") { mantissa.removeLast(2) }
            let sign = exponent < 0 ? "-" : "+"
            let e = Swift.abs(exponent)
            return "\(mantissa)e\(sign)\(e < 10 ? "0" : "")\(e)"
        }
        if swift.contains("e") {
            // Swift chose scientific inside Python's positional range: expand it.
            return positional(swift)
        }
        return swift
    }

    private static func positional(_ scientific: String) -> String {
        let parts = scientific.lowercased().split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return scientific }
        var mantissa = String(parts[0])
        let negative = mantissa.hasPrefix("-")
        if negative { mantissa.removeFirst() }
        let pieces = mantissa.split(separator: ".", omittingEmptySubsequences: false)
        let integerPart = String(pieces[0]), fraction = pieces.count > 1 ? String(pieces[1]) : ""
        let digits = integerPart + fraction
        let point = integerPart.count + exponent
        var text: String
        if point <= 0 {
            text = "0." + String(repeating: "0", count: -point) + digits
        } else if point >= digits.count {
            text = digits + String(repeating: "0", count: point - digits.count) + ".0"
        } else {
            text = String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
        }
        return (negative ? "-" : "") + text
    }

    /// Python's `repr(str)`: single quotes unless the text holds one and no double quote.
    public static func quote(_ s: String) -> String {
        let useDouble = s.contains("'") && !s.contains("\"")
        let q: Character = useDouble ? "\"" : "'"
        var out = String(q)
        for ch in s {
            switch ch {
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\t": out += "\\t"
            case "\r": out += "\\r"
            case q: out += "\\" + String(q)
            default: out.append(ch)
            }
        }
        out.append(q)
        return out
    }
}
