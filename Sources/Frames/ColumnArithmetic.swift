import Foundation

/// The element-wise operators between columns and scalars, with pandas' (NumPy's) result
/// dtypes: int op int stays int64 except `/`, anything with a float is float64, comparisons
/// give bool, `&`/`|`/`^` work on bools.
public enum ElementOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", floorDivide = "//", modulo = "%", power = "**"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case and = "&", or = "|", xor = "^"

    var isComparison: Bool { [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(self) }
    var isLogical: Bool { [.and, .or, .xor].contains(self) }
}

extension Column {
    /// `self op other`, element by element (same lengths).
    public func combined(_ op: ElementOperator, _ other: Column) throws -> Column {
        guard count == other.count else {
            throw FrameError.value("operands could not be broadcast together with shapes (\(count),) (\(other.count),)")
        }
        return try Self.combine(op, count: count, { self[$0] }, { other[$0] }, lhs: self, rhs: other)
    }

    /// `self op scalar` (or `scalar op self` when `reflected`).
    public func combined(_ op: ElementOperator, scalar: FrameScalar, reflected: Bool = false) throws -> Column {
        let s = Column.repeating(scalar, count: count)
        return reflected ? try s.combined(op, self) : try combined(op, s)
    }

    static func combine(_ op: ElementOperator, count: Int, _ a: (Int) -> FrameScalar, _ b: (Int) -> FrameScalar, lhs: Column, rhs: Column) throws -> Column {
        // Fast paths: float/int numeric columns.
        if lhs.dtype != .object && rhs.dtype != .object {
            if op.isLogical {
                guard case .bool(let x) = lhs.storage, case .bool(let y) = rhs.storage else {
                    if case .int64(let x) = lhs.storage, case .int64(let y) = rhs.storage {
                        return Column(ints: zip(x, y).map { op == .and ? $0 & $1 : op == .or ? $0 | $1 : $0 ^ $1 })
                    }
                    throw FrameError.type("unsupported operand type(s) for \(op.rawValue): '\(lhs.dtype)' and '\(rhs.dtype)'")
                }
                return Column(bools: zip(x, y).map { op == .and ? $0 && $1 : op == .or ? $0 || $1 : $0 != $1 })
            }
            if case .int64(let x) = lhs.storage, case .int64(let y) = rhs.storage, !op.isComparison, op != .divide {
                return try intOp(op, x, y)
            }
            if case .bool(let x) = lhs.storage, case .bool(let y) = rhs.storage, op == .equal || op == .notEqual {
                return Column(bools: zip(x, y).map { op == .equal ? $0 == $1 : $0 != $1 })
            }
            let x = lhs.doubles ?? [], y = rhs.doubles ?? []
            if op.isComparison { return Column(bools: zip(x, y).map { compare(op, $0, $1) }) }
            var out = [Double](repeating: 0, count: count)
            for i in 0..<count { out[i] = floatOp(op, x[i], y[i]) }
            return Column(doubles: out)
        }
        // Object columns: strings compare and concatenate; numbers inside work as numbers.
        var out: [FrameScalar] = []
        out.reserveCapacity(count)
        for i in 0..<count {
            let x = a(i), y = b(i)
            if x.isMissing || y.isMissing {
                out.append(op.isComparison ? .bool(op == .notEqual) : .missing)
                continue
            }
            switch (x, y) {
            case (.string(let s), .string(let t)):
                switch op {
                case .add: out.append(.string(s + t))
                case .equal: out.append(.bool(s == t))
                case .notEqual: out.append(.bool(s != t))
                case .less: out.append(.bool(s < t))
                case .lessEqual: out.append(.bool(s <= t))
                case .greater: out.append(.bool(s > t))
                case .greaterEqual: out.append(.bool(s >= t))
                default: throw FrameError.type("unsupported operand type(s) for \(op.rawValue): 'str' and 'str'")
                }
            case (.string, _), (_, .string):
                if op == .equal { out.append(.bool(false)); continue }
                if op == .notEqual { out.append(.bool(true)); continue }
                if op == .multiply, case .string(let s) = x, case .int(let n) = y { out.append(.string(String(repeating: s, count: Int(max(n, 0))))); continue }
                if op.isComparison {
                    throw FrameError.type("'\(op.rawValue)' not supported between instances of '\(ColumnReduction.pythonType(x))' and '\(ColumnReduction.pythonType(y))'")
                }
                throw FrameError.type("unsupported operand type(s) for \(op.rawValue): '\(ColumnReduction.pythonType(x))' and '\(ColumnReduction.pythonType(y))'")
            default:
                let p = x.double ?? .nan, q = y.double ?? .nan
                out.append(op.isComparison ? .bool(compare(op, p, q)) : .float(floatOp(op, p, q)))
            }
        }
        if op.isComparison { return Column(bools: out.map { if case .bool(let v) = $0 { return v } else { return false } }) }
        return Column(cells: out)
    }

    static func compare(_ op: ElementOperator, _ x: Double, _ y: Double) -> Bool {
        switch op {
        case .equal: x == y
        case .notEqual: x != y
        case .less: x < y
        case .lessEqual: x <= y
        case .greater: x > y
        default: x >= y
        }
    }

    static func floatOp(_ op: ElementOperator, _ x: Double, _ y: Double) -> Double {
        switch op {
        case .add: return x + y
        case .subtract: return x - y
        case .multiply: return x * y
        case .divide: return x / y
        case .floorDivide: return y == 0 ? (x == 0 || x.isNaN ? .nan : x / y) : (x / y).rounded(.down)
        case .modulo:
            if y == 0 { return .nan }
            let r = fmod(x, y)
            return r != 0 && ((r < 0) != (y < 0)) ? r + y : r
        case .power: return pow(x, y)
        default: return .nan
        }
    }

    static func intOp(_ op: ElementOperator, _ x: [Int64], _ y: [Int64]) throws -> Column {
        var out = [Int64](repeating: 0, count: x.count)
        for i in x.indices {
            let a = x[i], b = y[i]
            switch op {
            case .add: out[i] = a &+ b
            case .subtract: out[i] = a &- b
            case .multiply: out[i] = a &* b
            case .floorDivide, .modulo:
                // NumPy gives 0 for integer division by zero (with a warning).
                if b == 0 { out[i] = 0; continue }
                var q = a / b
                if (a % b != 0) && ((a < 0) != (b < 0)) { q -= 1 }
                out[i] = op == .floorDivide ? q : a - q * b
            case .power:
                guard b >= 0 else { throw FrameError.value("Integers to negative integer powers are not allowed.") }
                var r: Int64 = 1
                for _ in 0..<b { r = r &* a }
                out[i] = r
            default: break
            }
        }
        return Column(ints: out)
    }

    /// Unary minus / not.
    public func negated() throws -> Column {
        switch storage {
        case .float64(let v): return Column(doubles: v.map { -$0 })
        case .int64(let v): return Column(ints: v.map { 0 &- $0 })
        case .bool(let v): return Column(bools: v.map { !$0 })
        case .object: throw FrameError.type("bad operand type for unary -: 'str'")
        }
    }

    public func inverted() throws -> Column {
        switch storage {
        case .bool(let v): return Column(bools: v.map { !$0 })
        case .int64(let v): return Column(ints: v.map { ~$0 })
        default: throw FrameError.type("ufunc 'invert' not supported for the input types, and the inputs could not be safely coerced to any supported types according to the casting rule ''safe''")
        }
    }

    /// Missing values as true (`isna`).
    public var missingMask: Column { Column(bools: (0..<count).map(isMissing)) }
}
