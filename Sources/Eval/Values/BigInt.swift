import Foundation

/// An arbitrary-precision integer, for the Python ints that do not fit in 64 bits
/// (`2 ** 100`, `math.factorial(30)`). Sign and magnitude; the magnitude is little-endian
/// 32-bit limbs with no leading zero limbs (zero has none). Values that fit in an `Int` are
/// always kept as `Value.int`; see `Value.integer(_:)`.
struct BigInt: Hashable, Sendable {
    private(set) var negative: Bool
    private(set) var limbs: [UInt32]

    init(_ value: Int) {
        negative = value < 0
        var magnitude = value.magnitude
        limbs = []
        while magnitude > 0 {
            limbs.append(UInt32(truncatingIfNeeded: magnitude))
            magnitude >>= 32
        }
    }

    private init(negative: Bool, limbs: [UInt32]) {
        var trimmed = limbs
        while let last = trimmed.last, last == 0 { trimmed.removeLast() }
        self.negative = trimmed.isEmpty ? false : negative
        self.limbs = trimmed
    }

    /// The exact integer value of a finite float.
    init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        let truncated = value.rounded(.towardZero)
        if let small = Int(exactly: truncated) { self.init(small); return }
        let exponent = Int(truncated.exponent)
        let significand = BigInt(Int(truncated.significandBitPattern | (1 << 52)))
        self = significand.shiftedLeft(exponent - 52)
        negative = truncated < 0
    }

    /// Parses digits in `radix` (no sign, no underscores).
    init?(digits: String, radix: Int) {
        var result = BigInt(0)
        let base = BigInt(radix)
        for character in digits {
            guard let digit = character.hexDigitValue, digit < radix else { return nil }
            result = result * base + BigInt(digit)
        }
        self = result
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value as an Int, or nil when it does not fit.
    var asInt: Int? {
        guard limbs.count <= 2 else { return nil }
        var magnitude: UInt64 = 0
        for (index, limb) in limbs.enumerated() { magnitude |= UInt64(limb) << (32 * UInt64(index)) }
        if negative {
            if magnitude <= UInt64(Int.max) + 1 { return magnitude == UInt64(Int.max) + 1 ? Int.min : -Int(magnitude) }
            return nil
        }
        return magnitude <= UInt64(Int.max) ? Int(magnitude) : nil
    }

    var double: Double {
        var result = 0.0
        for limb in limbs.reversed() { result = result * 4294967296.0 + Double(limb) }
        return negative ? -result : result
    }

    var bitWidth: Int {
        guard let last = limbs.last else { return 0 }
        return (limbs.count - 1) * 32 + (32 - last.leadingZeroBitCount)
    }

    // MARK: Magnitudes

    private static func compareMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> Int {
        if a.count != b.count { return a.count < b.count ? -1 : 1 }
        for index in stride(from: a.count - 1, through: 0, by: -1) where a[index] != b[index] {
            return a[index] < b[index] ? -1 : 1
        }
        return 0
    }

    private static func addMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(max(a.count, b.count) + 1)
        var carry: UInt64 = 0
        for index in 0..<max(a.count, b.count) {
            let sum = UInt64(index < a.count ? a[index] : 0) + UInt64(index < b.count ? b[index] : 0) + carry
            result.append(UInt32(truncatingIfNeeded: sum))
            carry = sum >> 32
        }
        if carry > 0 { result.append(UInt32(carry)) }
        return result
    }

    /// a - b for |a| >= |b|.
    private static func subtractMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        var result: [UInt32] = []
        result.reserveCapacity(a.count)
        var borrow: Int64 = 0
        for index in 0..<a.count {
            var difference = Int64(a[index]) - Int64(index < b.count ? b[index] : 0) - borrow
            borrow = 0
            if difference < 0 { difference += 1 << 32; borrow = 1 }
            result.append(UInt32(difference))
        }
        return result
    }

    private static func multiplyMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> [UInt32] {
        guard !a.isEmpty, !b.isEmpty else { return [] }
        var result = [UInt32](repeating: 0, count: a.count + b.count)
        for i in 0..<a.count {
            var carry: UInt64 = 0
            let ai = UInt64(a[i])
            for j in 0..<b.count {
                let product = ai * UInt64(b[j]) + UInt64(result[i + j]) + carry
                result[i + j] = UInt32(truncatingIfNeeded: product)
                carry = product >> 32
            }
            result[i + b.count] = UInt32(carry)
        }
        return result
    }

    /// Quotient and remainder of magnitudes (truncating), by a one-limb fast path or binary
    /// long division.
    private static func divideMagnitudes(_ a: [UInt32], _ b: [UInt32]) -> ([UInt32], [UInt32]) {
        if compareMagnitudes(a, b) < 0 { return ([], a) }
        if b.count == 1 {
            let divisor = UInt64(b[0])
            var quotient = [UInt32](repeating: 0, count: a.count)
            var remainder: UInt64 = 0
            for index in stride(from: a.count - 1, through: 0, by: -1) {
                let current = (remainder << 32) | UInt64(a[index])
                quotient[index] = UInt32(current / divisor)
                remainder = current % divisor
            }
            return (quotient, remainder == 0 ? [] : [UInt32(remainder)])
        }
        var quotient = [UInt32](repeating: 0, count: a.count)
        var remainder = BigInt(0)
        let divisor = BigInt(negative: false, limbs: b)
        for bit in stride(from: a.count * 32 - 1, through: 0, by: -1) {
            remainder = remainder.shiftedLeft(1)
            if (a[bit / 32] >> UInt32(bit % 32)) & 1 == 1 { remainder = remainder + BigInt(1) }
            if compareMagnitudes(remainder.limbs, divisor.limbs) >= 0 {
                remainder = remainder - divisor
                quotient[bit / 32] |= 1 << UInt32(bit % 32)
            }
        }
        return (quotient, remainder.limbs)
    }

    // MARK: Arithmetic

    static func + (a: BigInt, b: BigInt) -> BigInt {
        if a.negative == b.negative { return BigInt(negative: a.negative, limbs: addMagnitudes(a.limbs, b.limbs)) }
        if compareMagnitudes(a.limbs, b.limbs) >= 0 {
            return BigInt(negative: a.negative, limbs: subtractMagnitudes(a.limbs, b.limbs))
        }
        return BigInt(negative: b.negative, limbs: subtractMagnitudes(b.limbs, a.limbs))
    }

    static prefix func - (a: BigInt) -> BigInt { BigInt(negative: !a.negative, limbs: a.limbs) }

    static func - (a: BigInt, b: BigInt) -> BigInt { a + (-b) }

    static func * (a: BigInt, b: BigInt) -> BigInt {
        BigInt(negative: a.negative != b.negative, limbs: multiplyMagnitudes(a.limbs, b.limbs))
    }

    /// Python's floor division and modulo (the remainder takes the divisor's sign).
    func floorDivided(by divisor: BigInt) -> (quotient: BigInt, remainder: BigInt) {
        let (q, r) = BigInt.divideMagnitudes(limbs, divisor.limbs)
        var quotient = BigInt(negative: negative != divisor.negative, limbs: q)
        var remainder = BigInt(negative: negative, limbs: r)
        if !remainder.isZero && remainder.negative != divisor.negative {
            quotient = quotient - BigInt(1)
            remainder = remainder + divisor
        }
        return (quotient, remainder)
    }

    func shiftedLeft(_ count: Int) -> BigInt {
        guard count > 0, !isZero else { return count < 0 ? floorDivided(by: BigInt(1).shiftedLeft(-count)).quotient : self }
        let limbShift = count / 32, bitShift = UInt32(count % 32)
        var result = [UInt32](repeating: 0, count: limbShift)
        var carry: UInt32 = 0
        for limb in limbs {
            result.append(bitShift == 0 ? limb : (limb << bitShift) | carry)
            carry = bitShift == 0 ? 0 : limb >> (32 - bitShift)
        }
        if carry > 0 { result.append(carry) }
        return BigInt(negative: negative, limbs: result)
    }

    func power(_ exponent: Int) -> BigInt {
        var result = BigInt(1), base = self, e = exponent
        while e > 0 {
            if e & 1 == 1 { result = result * base }
            e >>= 1
            if e > 0 { base = base * base }
        }
        return result
    }

    static func < (a: BigInt, b: BigInt) -> Bool {
        if a.negative != b.negative { return a.negative }
        let order = compareMagnitudes(a.limbs, b.limbs)
        return a.negative ? order > 0 : order < 0
    }

    /// The digits in `radix`, with a leading `-` when negative.
    func text(radix: Int = 10) -> String {
        if isZero { return "0" }
        // Peel off chunks of digits with one-limb divisions.
        var chunkDigits = 1, chunk = radix
        while chunk * radix <= 1 << 31 { chunk *= radix; chunkDigits += 1 }
        var parts: [String] = []
        var magnitude = limbs
        while !magnitude.isEmpty {
            let (q, r) = BigInt.divideMagnitudes(magnitude, [UInt32(chunk)])
            var trimmed = q
            while let last = trimmed.last, last == 0 { trimmed.removeLast() }
            magnitude = trimmed
            let digits = String(r.first ?? 0, radix: radix)
            parts.append(magnitude.isEmpty ? digits : String(repeating: "0", count: chunkDigits - digits.count) + digits)
        }
        return (negative ? "-" : "") + parts.reversed().joined()
    }
}

/// A Python int too large for 64 bits; its type is `int`.
final class BigIntObject: PyObject {
    let value: BigInt
    init(_ value: BigInt) { self.value = value }

    var pyType: PyType { .int }

    /// The operand as a big integer (ints, bools, big ints), or nil.
    static func operand(_ value: Value) -> BigInt? {
        switch value {
        case .int(let i): return BigInt(i)
        case .bool(let b): return BigInt(b ? 1 : 0)
        case .object(let big as BigIntObject): return big.value
        default: return nil
        }
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        if case .float(let f) = other {
            return try Arithmetic.float(op, reflected ? f : value.double, reflected ? value.double : f)
        }
        guard let operand = BigIntObject.operand(other) else { return nil }
        return try BigIntObject.apply(op, reflected ? operand : value, reflected ? value : operand)
    }

    /// An integer operator on big operands; the result is an Int when it fits.
    static func apply(_ op: BinaryOperator, _ a: BigInt, _ b: BigInt) throws -> Value? {
        switch op {
        case .add: return .integer(a + b)
        case .subtract: return .integer(a - b)
        case .multiply:
            guard a.bitWidth + b.bitWidth <= Arithmetic.maximumBits else { throw Arithmetic.overflow() }
            return .integer(a * b)
        case .trueDivide:
            if b.isZero { throw PyError(.zeroDivisionError, "division by zero") }
            return .float(a.double / b.double)
        case .floorDivide:
            if b.isZero { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
            return .integer(a.floorDivided(by: b).quotient)
        case .modulo:
            if b.isZero { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
            return .integer(a.floorDivided(by: b).remainder)
        case .power:
            guard let exponent = b.asInt else { throw Arithmetic.overflow() }
            if exponent < 0 { return .float(Foundation.pow(a.double, Double(exponent))) }
            guard a.bitWidth.multipliedReportingOverflow(by: exponent).partialValue <= Arithmetic.maximumBits || a.bitWidth <= 1 else {
                throw Arithmetic.overflow()
            }
            return .integer(a.power(exponent))
        case .leftShift:
            guard let count = b.asInt, count >= 0 else { throw PyError(.valueError, "negative shift count") }
            guard a.bitWidth + count <= Arithmetic.maximumBits else { throw Arithmetic.overflow() }
            return .integer(a.shiftedLeft(count))
        case .rightShift:
            guard let count = b.asInt, count >= 0 else { throw PyError(.valueError, "negative shift count") }
            return .integer(a.shiftedLeft(-count))
        default:
            return nil
        }
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        switch op {
        case .negate: return .integer(-value)
        case .plus: return .object(self)
        case .invert: return .integer(-value - BigInt(1))
        }
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        if case .float(let f) = other { return .bool(Arithmetic.compare(op, value.double, f)) }
        guard let operand = BigIntObject.operand(other) else { return nil }
        let result: Bool
        switch op {
        case .equal: result = value == operand
        case .notEqual: result = value != operand
        case .less: result = value < operand
        case .lessOrEqual: result = !(operand < value)
        case .greater: result = operand < value
        case .greaterOrEqual: result = !(value < operand)
        }
        return .bool(result)
    }

    func repr(_ interpreter: Runtime) throws -> String { value.text() }
    func truthiness(_ interpreter: Runtime) throws -> Bool { !value.isZero }
    func asDouble() -> Double? { value.double }
    func hashValue(_ interpreter: Runtime) throws -> Int? { value.hashValue }

    func format(_ spec: String, _ interpreter: Runtime) throws -> String? {
        try FormatSpec(spec).format(big: value)
    }
}

extension Value {
    /// An integer value: `.int` when it fits in 64 bits, otherwise a big int object.
    static func integer(_ value: BigInt) -> Value {
        if let small = value.asInt { return .int(small) }
        return .object(BigIntObject(value))
    }
}
