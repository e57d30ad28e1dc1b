import ML

/// The dtypes a frame's column can have, named as pandas names them.
public enum ColumnDType: String, Sendable, CustomStringConvertible {
    case float64, int64, bool, object
    public var description: String { rawValue }
    public var isNumeric: Bool { self != .object }
}

/// One column of a frame (or the values of a Series): a typed, fixed-length sequence.
///
/// Numeric columns are contiguous Swift arrays so that every pandas operation (which works
/// column by column) is one tight loop; they convert to and from `ML.NDArray` without loss
/// at the boundary (`ndarray()`, `init(_:)`), which is where NumPy, Keras and pyplot meet them.
/// Missing numbers are NaN (so an int column with a gap is float64, as in pandas); an object
/// column holds `FrameScalar`s, with `.missing` for pandas' NaN.
public struct Column: Sendable {
    public enum Storage: Sendable {
        case float64([Double])
        case int64([Int64])
        case bool([Bool])
        case object([FrameScalar])
    }

    public var storage: Storage

    public init(_ storage: Storage) { self.storage = storage }
    public init(doubles: [Double]) { storage = .float64(doubles) }
    public init(ints: [Int64]) { storage = .int64(ints) }
    public init(bools: [Bool]) { storage = .bool(bools) }
    public init(cells: [FrameScalar]) { storage = .object(cells) }

    public var dtype: ColumnDType {
        switch storage {
        case .float64: .float64
        case .int64: .int64
        case .bool: .bool
        case .object: .object
        }
    }

    public var count: Int {
        switch storage {
        case .float64(let v): v.count
        case .int64(let v): v.count
        case .bool(let v): v.count
        case .object(let v): v.count
        }
    }

    /// The value at `row` (0-based position).
    public subscript(row: Int) -> FrameScalar {
        switch storage {
        case .float64(let v): return .float(v[row])
        case .int64(let v): return .int(v[row])
        case .bool(let v): return .bool(v[row])
        case .object(let v): return v[row]
        }
    }

    public var cells: [FrameScalar] { (0..<count).map { self[$0] } }

    public func isMissing(_ row: Int) -> Bool {
        switch storage {
        case .float64(let v): return v[row].isNaN
        case .int64, .bool: return false
        case .object(let v): return v[row].isMissing
        }
    }

    /// The values as doubles (missing as NaN), or nil when a value is not a number.
    public var doubles: [Double]? {
        switch storage {
        case .float64(let v): return v
        case .int64(let v): return v.map { Double($0) }
        case .bool(let v): return v.map { $0 ? 1 : 0 }
        case .object(let v):
            var out = [Double]()
            out.reserveCapacity(v.count)
            for cell in v {
                guard let d = cell.double else { return nil }
                out.append(d)
            }
            return out
        }
    }

    /// The rows at `positions`, in that order (`take`).
    public func taking(_ positions: [Int]) -> Column {
        switch storage {
        case .float64(let v): return Column(doubles: positions.map { v[$0] })
        case .int64(let v): return Column(ints: positions.map { v[$0] })
        case .bool(let v): return Column(bools: positions.map { v[$0] })
        case .object(let v): return Column(cells: positions.map { v[$0] })
        }
    }

    /// The rows in `range`.
    public func slice(_ range: Range<Int>) -> Column {
        switch storage {
        case .float64(let v): return Column(doubles: Array(v[range]))
        case .int64(let v): return Column(ints: Array(v[range]))
        case .bool(let v): return Column(bools: Array(v[range]))
        case .object(let v): return Column(cells: Array(v[range]))
        }
    }

    /// A column of `count` copies of `value`, typed as pandas types a broadcast scalar.
    public static func repeating(_ value: FrameScalar, count: Int) -> Column {
        switch value {
        case .float(let v): return Column(doubles: Array(repeating: v, count: count))
        case .int(let v): return Column(ints: Array(repeating: v, count: count))
        case .bool(let v): return Column(bools: Array(repeating: v, count: count))
        case .missing: return Column(doubles: Array(repeating: .nan, count: count))
        case .string: return Column(cells: Array(repeating: value, count: count))
        }
    }

    /// A column from loose values with pandas' inference for Python lists: all ints give
    /// int64, ints and floats (or ints and missing) float64, all bools bool, anything with a
    /// string (or bools with gaps) object.
    public static func inferring(_ values: [FrameScalar]) -> Column {
        var hasFloat = false, hasInt = false, hasBool = false, hasString = false, hasMissing = false
        for v in values {
            switch v {
            case .float: hasFloat = true
            case .int: hasInt = true
            case .bool: hasBool = true
            case .string: hasString = true
            case .missing: hasMissing = true
            }
        }
        if values.isEmpty || hasString { return Column(cells: values) }
        if hasBool {
            if hasFloat || hasInt || hasMissing { return Column(cells: values) }
            return Column(bools: values.map { if case .bool(let b) = $0 { return b } else { return false } })
        }
        if hasFloat || (hasInt && hasMissing) { return Column(doubles: values.map { $0.double ?? .nan }) }
        if hasInt { return Column(ints: values.map { if case .int(let i) = $0 { return i } else { return 0 } }) }
        return Column(cells: values)  // only missing values: object, as pandas gives for [None]
    }

    /// The column converted to `dtype` (`astype`). Throws the error pandas gives when a value
    /// does not convert.
    public func converted(to target: ColumnDType) throws -> Column {
        if target == dtype { return self }
        switch target {
        case .float64:
            if let d = doubles { return Column(doubles: d) }
            var out = [Double]()
            for cell in cells {
                if case .string(let s) = cell {
                    guard let d = Double(s.trimmingSpaces) else {
                        throw FrameError.value("could not convert string to float: \(PythonFloat.quote(s))")
                    }
                    out.append(d)
                } else { out.append(cell.double ?? .nan) }
            }
            return Column(doubles: out)
        case .int64:
            var out = [Int64]()
            out.reserveCapacity(count)
            for cell in cells {
                switch cell {
                case .int(let v): out.append(v)
                case .bool(let b): out.append(b ? 1 : 0)
                case .float(let v):
                    guard v.isFinite else { throw FrameError.intCast }
                    guard let i = Int64(exactly: v.rounded(.towardZero)) else { throw FrameError.intCast }
                    out.append(i)
                case .missing: throw FrameError.intCast
                case .string(let s):
                    guard let i = Int64(s.trimmingSpaces) else {
                        throw FrameError.value("invalid literal for int() with base 10: \(PythonFloat.quote(s))")
                    }
                    out.append(i)
                }
            }
            return Column(ints: out)
        case .bool:
            return Column(bools: cells.map { cell in
                switch cell {
                case .missing: return true   // bool(NaN) is True
                case .bool(let b): return b
                case .int(let v): return v != 0
                case .float(let v): return v != 0
                case .string(let s): return !s.isEmpty
                }
            })
        case .object:
            return Column(cells: cells.map { $0.isMissing ? .missing : $0 })
        }
    }

    // MARK: - NDArray boundary

    /// The values as a 1-d `NDArray` (float64, int64 or bool). Object columns convert when
    /// every value is a number; otherwise this throws (NumPy would make an object array,
    /// which SwiftML does not have).
    public func ndarray() throws -> NDArray {
        switch storage {
        case .float64(let v): return NDArray(v)
        case .int64(let v): return NDArray(v)
        case .bool(let v): return NDArray(v)
        case .object:
            guard let d = doubles else {
                throw FrameError.type("cannot convert a column of strings (dtype object) to a numeric array")
            }
            return NDArray(d)
        }
    }

    /// A column from a 1-d array; float32 and uint8 widen to float64 and int64.
    public init(_ array: NDArray) throws {
        let flat = try array.reshaped([array.size])
        switch array.dtype {
        case .float64: storage = .float64(try flat.contiguous().scalars(as: Double.self))
        case .float32: storage = .float64(try flat.doubles())
        case .int64: storage = .int64(try flat.contiguous().scalars(as: Int64.self))
        case .uint8: storage = .int64(try flat.astype(.int64).scalars(as: Int64.self))
        case .bool: storage = .bool(try flat.contiguous().scalars(as: Bool.self))
        }
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}
