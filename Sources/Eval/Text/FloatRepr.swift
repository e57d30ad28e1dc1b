import Foundation

/// Python's text forms of floats: the shortest repr that round-trips (`0.1`, `1e-05`,
/// `1e+16`, `100.0`) and printf-style fixed, exponent and general forms for format specs.
enum FloatRepr {
    /// The shortest decimal digits of `value` (no leading or trailing zeros) and the position
    /// of the decimal point: `value == 0.DIGITS × 10^point`.
    static func shortestDigits(_ value: Double) -> (digits: [UInt8], point: Int) {
        // Swift's description is the shortest round-tripping form; re-read its digits.
        let text = abs(value).description
        var mantissa = Substring(text)
        var exponent = 0
        if let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }) {
            mantissa = text[..<e]
            exponent = Int(text[text.index(after: e)...]) ?? 0
        }
        var digits: [UInt8] = []
        var point = 0
        var seenPoint = false
        for character in mantissa {
            if character == "." { seenPoint = true; continue }
            guard let ascii = character.asciiValue, ascii >= 48, ascii <= 57 else { continue }
            digits.append(ascii - 48)
            if !seenPoint { point += 1 }
        }
        point += exponent
        while let first = digits.first, first == 0 {
            digits.removeFirst()
            point -= 1
        }
        while let last = digits.last, last == 0 { digits.removeLast() }
        return (digits, point)
    }

    /// `repr(value)` as Python 3 prints it.
    static func repr(_ value: Double) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let sign = value.sign == .minus ? "-" : ""
        let (digits, point) = shortestDigits(value)
        if digits.isEmpty { return sign + "0.0" }
        let text = digits.map { String($0) }.joined()
        if point > -4 && point <= 16 {
            if point <= 0 {
                return sign + "0." + String(repeating: "0", count: -point) + text
            }
            if point >= digits.count {
                return sign + text + String(repeating: "0", count: point - digits.count) + ".0"
            }
            let split = text.index(text.startIndex, offsetBy: point)
            return sign + text[..<split] + "." + text[split...]
        }
        let exponent = point - 1
        var mantissa = String(text.prefix(1))
        if digits.count > 1 { mantissa += "." + text.dropFirst() }
        return sign + mantissa + "e" + exponentText(exponent)
    }

    /// `+05`, `-12`, `+123`: an exponent with a sign and at least two digits.
    static func exponentText(_ exponent: Int) -> String {
        let magnitude = String(abs(exponent))
        return (exponent < 0 ? "-" : "+") + (magnitude.count < 2 ? "0" + magnitude : magnitude)
    }

    /// printf-style formatting (`f`, `e`, `g` with a precision), correctly rounded by libc.
    static func printf(_ value: Double, precision: Int, type: Character, alternate: Bool = false) -> String {
        if value.isNaN { return type.isUppercase ? "NAN" : "nan" }
        if value.isInfinite { return (value < 0 ? "-" : "") + (type.isUppercase ? "INF" : "inf") }
        let precision = min(precision, 500)
        let format = "%" + (alternate ? "#" : "") + ".\(precision)" + String(type)
        return String(format: format, value)
    }
}

/// Python's `repr` of strings: single quotes unless the text has a single quote and no double.
enum StringRepr {
    static func repr(_ string: String) -> String {
        let useDouble = string.contains("'") && !string.contains("\"")
        let quote: Character = useDouble ? "\"" : "'"
        var result = String(quote)
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if Character(scalar) == quote {
                    result += "\\" + String(quote)
                } else if scalar.value < 0x20 || scalar.value == 0x7F {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if scalar.value >= 0x80 && scalar.value < 0xA0 {
                    result += "\\x" + hex(scalar.value, width: 2)
                } else if !isPrintable(scalar) {
                    result += scalar.value <= 0xFFFF ? "\\u" + hex(scalar.value, width: 4)
                                                     : "\\U" + hex(scalar.value, width: 8)
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        result.append(quote)
        return result
    }

    static func hex(_ value: UInt32, width: Int) -> String {
        let digits = String(value, radix: 16)
        return String(repeating: "0", count: max(0, width - digits.count)) + digits
    }

    static func isPrintable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.properties.generalCategory {
        case .control, .format, .surrogate, .privateUse, .unassigned, .lineSeparator, .paragraphSeparator:
            return false
        case .spaceSeparator:
            return scalar == " "
        default:
            return true
        }
    }
}
