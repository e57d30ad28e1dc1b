import Foundation

/// Python's arithmetic on the scalar types (ints are 64-bit here; overflow raises
/// `OverflowError` rather than wrapping).
enum Arithmetic {
    static func overflow() -> PyError {
        PyError(.overflowError, "integer result too large (integers here are 64-bit)")
    }

    @inline(__always)
    static func add(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.addingReportingOverflow(b)
        if o { throw overflow() }
        return r
    }

    @inline(__always)
    static func subtract(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.subtractingReportingOverflow(b)
        if o { throw overflow() }
        return r
    }

    @inline(__always)
    static func multiply(_ a: Int, _ b: Int) throws -> Int {
        let (r, o) = a.multipliedReportingOverflow(by: b)
        if o { throw overflow() }
        return r
    }

    /// Floor division, rounding toward negative infinity.
    @inline(__always)
    static func floorDivide(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
        if a == .min && b == -1 { throw overflow() }
        let q = a / b
        return (a % b != 0 && ((a < 0) != (b < 0))) ? q - 1 : q
    }

    /// Modulo with the sign of the divisor.
    @inline(__always)
    static func modulo(_ a: Int, _ b: Int) throws -> Int {
        if b == 0 { throw PyError(.zeroDivisionError, "integer division or modulo by zero") }
        if b == -1 { return 0 }
        let r = a % b
        return (r != 0 && ((r < 0) != (b < 0))) ? r + b : r
    }

    static func power(_ base: Int, _ exponent: Int) throws -> Value {
        if exponent < 0 {
            if base == 0 { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
            return .float(Foundation.pow(Double(base), Double(exponent)))
        }
        var result = 1
        var b = base
        var e = exponent
        while e > 0 {
            if e & 1 == 1 { result = try multiply(result, b) }
            e >>= 1
            if e > 0 { b = try multiply(b, b) }
        }
        return .int(result)
    }

    static func floatModulo(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { throw PyError(.zeroDivisionError, "float modulo") }
        var r = fmod(a, b)
        if r != 0 {
            if (b < 0) != (r < 0) { r += b }
        } else {
            r = copysign(0, b)
        }
        return r
    }

    static func floatFloorDivide(_ a: Double, _ b: Double) throws -> Double {
        if b == 0 { throw PyError(.zeroDivisionError, "float floor division by zero") }
        let m = fmod(a, b)
        var div = (a - m) / b
        if m != 0 && ((b < 0) != (m < 0)) { div -= 1 }
        if div == 0 { return copysign(0, a / b) }
        let floored = div.rounded(.down)
        return div - floored > 0.5 ? floored + 1 : floored
    }

    static func floatPower(_ a: Double, _ b: Double) throws -> Double {
        if a == 0 && b < 0 { throw PyError(.zeroDivisionError, "0.0 cannot be raised to a negative power") }
        if a < 0 && b != b.rounded() && a.isFinite && b.isFinite {
            throw PyError(.valueError, "complex results are not supported: negative number to a fractional power")
        }
        let r = Foundation.pow(a, b)
        if r.isInfinite && a.isFinite && b.isFinite { throw PyError(.overflowError, "(34, 'Numerical result out of range')") }
        return r
    }

    /// Integer operators; nil when the operator does not apply to ints (`@`).
    static func int(_ op: BinaryOperator, _ a: Int, _ b: Int) throws -> Value? {
        switch op {
        case .add: return .int(try add(a, b))
        case .subtract: return .int(try subtract(a, b))
        case .multiply: return .int(try multiply(a, b))
        case .trueDivide:
            if b == 0 { throw PyError(.zeroDivisionError, "division by zero") }
            return .float(Double(a) / Double(b))
        case .floorDivide: return .int(try floorDivide(a, b))
        case .modulo: return .int(try modulo(a, b))
        case .power: return try power(a, b)
        case .leftShift:
            if b < 0 { throw PyError(.valueError, "negative shift count") }
            if a == 0 { return .int(0) }
            if b >= 63 || (a << b) >> b != a { throw overflow() }
            return .int(a << b)
        case .rightShift:
            if b < 0 { throw PyError(.valueError, "negative shift count") }
            return .int(b >= 64 ? (a < 0 ? -1 : 0) : a >> b)
        case .and: return .int(a & b)
        case .or: return .int(a | b)
        case .xor: return .int(a ^ b)
        case .matrixMultiply: return nil
        }
    }

    /// Float operators; nil when the operator does not apply to floats.
    static func float(_ op: BinaryOperator, _ a: Double, _ b: Double) throws -> Value? {
        switch op {
        case .add: return .float(a + b)
        case .subtract: return .float(a - b)
        case .multiply: return .float(a * b)
        case .trueDivide:
            if b == 0 { throw PyError(.zeroDivisionError, "float division by zero") }
            return .float(a / b)
        case .floorDivide: return .float(try floatFloorDivide(a, b))
        case .modulo: return .float(try floatModulo(a, b))
        case .power: return .float(try floatPower(a, b))
        default: return nil
        }
    }

    @inline(__always)
    static func compare<T: Comparable>(_ op: ComparisonOperator, _ a: T, _ b: T) -> Bool {
        switch op {
        case .equal: a == b
        case .notEqual: a != b
        case .less: a < b
        case .lessOrEqual: a <= b
        case .greater: a > b
        case .greaterOrEqual: a >= b
        }
    }
}
