/// Decimal text for floats as NumPy's Dragon4 writes it: the shortest digits that read back
/// to the same float32 or float64, cut to a precision when asked, rounded from the exact
/// binary value (the C library's `%.*f`/`%.*e` do that rounding correctly).

/// A float's decimal digits: `value = 0.d1 d2 ... * 10^(exponent + 1)`, i.e. `d1.d2... e exponent`.
struct DecimalDigits {
    /// ASCII digits without leading or trailing zeros ("0" for zero).
    var digits: [UInt8]
    /// Power of ten of the first digit.
    var exponent: Int
    var negative: Bool

    /// Parses text such as `-1.2345e-05`, `0.001`, `123.0`, as Swift and printf write floats.
    init(parsing text: String) {
        var bytes = Array(text.utf8)
        negative = bytes.first == UInt8(ascii: "-")
        if negative || bytes.first == UInt8(ascii: "+") { bytes.removeFirst() }
        var exponentPart = 0
        if let e = bytes.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) {
            exponentPart = Int(String(decoding: bytes[(e + 1)...], as: UTF8.self)) ?? 0
            bytes = Array(bytes[..<e])
        }
        let point = bytes.firstIndex(of: UInt8(ascii: ".")) ?? bytes.count
        var mantissa = bytes.filter { $0 != UInt8(ascii: ".") }
        var firstDigitPower = point - 1 + exponentPart
        while let first = mantissa.first, first == UInt8(ascii: "0"), mantissa.count > 1 {
            mantissa.removeFirst()
            firstDigitPower -= 1
        }
        while let last = mantissa.last, last == UInt8(ascii: "0"), mantissa.count > 1 { mantissa.removeLast() }
        if mantissa == [UInt8(ascii: "0")] { firstDigitPower = 0 }
        digits = mantissa
        exponent = firstDigitPower
    }

    var isZero: Bool { digits == [UInt8(ascii: "0")] }

    /// Digits after the decimal point in positional notation.
    var fractionalCount: Int { isZero ? 0 : Swift.max(0, digits.count - 1 - exponent) }
}

/// How trailing zeros and the point are treated (Dragon4's trim modes).
enum FloatTrim {
    /// `k`: keep the digits, pad with zeros to the minimum count (`1.500`).
    case keepZeros
    /// `.`: trim trailing zeros, keep the point (`1.`).
    case trimZeros
    /// `0`: trim trailing zeros but keep one after the point (`1.0`).
    case leaveOneZero
    /// `-`: trim trailing zeros and the point (`1`).
    case dropPoint
}

enum FloatText {
    /// The shortest round-tripping digits of `value` in its own width.
    static func shortestDigits<T: FloatElement>(_ value: T) -> DecimalDigits {
        DecimalDigits(parsing: value.description)
    }

    /// Positional text (`format_float_positional`): `precision` caps the fractional digits
    /// (nil: as many as the shortest repr needs).
    static func positional<T: FloatElement>(_ value: T, precision: Int?, minDigits: Int = 0, trim: FloatTrim,
                                            padLeft: Int = 0, padRight: Int = 0) -> String {
        var decimal = shortestDigits(value)
        if let precision, decimal.fractionalCount > precision {
            decimal = DecimalDigits(parsing: formatC("%.\(precision)f", Double(value)))
        }
        var integerPart: [UInt8]
        var fraction: [UInt8]
        if decimal.isZero {
            integerPart = [UInt8(ascii: "0")]
            fraction = []
        } else if decimal.exponent >= 0 {
            let integerCount = decimal.exponent + 1
            integerPart = Array(decimal.digits.prefix(integerCount))
            if integerPart.count < integerCount {
                integerPart += [UInt8](repeating: UInt8(ascii: "0"), count: integerCount - integerPart.count)
            }
            fraction = Array(decimal.digits.dropFirst(integerCount))
        } else {
            integerPart = [UInt8(ascii: "0")]
            fraction = [UInt8](repeating: UInt8(ascii: "0"), count: -decimal.exponent - 1) + decimal.digits
        }
        let sign = decimal.negative ? "-" : ""
        return assemble(sign: sign, integerPart: integerPart, fraction: fraction, minDigits: minDigits, trim: trim,
                        padLeft: padLeft, padRight: padRight, exponent: "")
    }

    /// Scientific text (`format_float_scientific`): `d.ddde+XX`, with at least `exponentDigits`
    /// exponent digits (and at least two).
    static func scientific<T: FloatElement>(_ value: T, precision: Int?, minDigits: Int = 0, trim: FloatTrim,
                                            padLeft: Int = 0, exponentDigits: Int = 2) -> String {
        var decimal = shortestDigits(value)
        if let precision, decimal.digits.count - 1 > precision {
            decimal = DecimalDigits(parsing: formatC("%.\(precision)e", Double(value)))
        }
        let integerPart = [decimal.digits[0]]
        let fraction = Array(decimal.digits.dropFirst())
        let power = decimal.isZero ? 0 : decimal.exponent
        var exponentText = String(Swift.abs(power))
        let width = Swift.max(exponentDigits, 2)
        if exponentText.count < width { exponentText = String(repeating: "0", count: width - exponentText.count) + exponentText }
        let sign = decimal.negative ? "-" : ""
        return assemble(sign: sign, integerPart: integerPart, fraction: fraction, minDigits: minDigits, trim: trim,
                        padLeft: padLeft, padRight: 0, exponent: "e" + (power < 0 ? "-" : "+") + exponentText)
    }

    private static func assemble(sign: String, integerPart: [UInt8], fraction: [UInt8], minDigits: Int, trim: FloatTrim,
                                 padLeft: Int, padRight: Int, exponent: String) -> String {
        var fraction = fraction
        while fraction.last == UInt8(ascii: "0") { fraction.removeLast() }
        if fraction.count < minDigits {
            fraction += [UInt8](repeating: UInt8(ascii: "0"), count: minDigits - fraction.count)
        }
        var point = "."
        if fraction.isEmpty {
            switch trim {
            case .leaveOneZero: fraction = [UInt8(ascii: "0")]
            case .dropPoint: point = ""
            case .keepZeros, .trimZeros: break
            }
        }
        var head = sign + String(decoding: integerPart, as: UTF8.self)
        if head.count < padLeft { head = String(repeating: " ", count: padLeft - head.count) + head }
        var tail = String(decoding: fraction, as: UTF8.self)
        if tail.count < padRight { tail += String(repeating: " ", count: padRight - tail.count) }
        return head + point + tail + exponent
    }

    /// NumPy's `str()` of a float scalar, which matches Python's `repr` of a float: positional
    /// between 1e-4 and 1e16 (`0.5`, `100.0`), scientific outside (`1e-05`, `1.5e+16`).
    static func scalar<T: FloatElement>(_ value: T) -> String {
        if value.isNaN { return "nan" }
        if value.isInfinite { return value < 0 ? "-inf" : "inf" }
        let magnitude = Swift.abs(value)
        if value == 0 || (magnitude < 1e16 && magnitude >= 1e-4) {
            return positional(value, precision: nil, trim: .leaveOneZero)
        }
        return scientific(value, precision: nil, trim: .dropPoint)
    }
}
