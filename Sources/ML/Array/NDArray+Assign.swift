/// A Python scalar as an operand. NumPy 2 treats these as "weak": they take the dtype of the
/// array they meet (`float32_array * 2.0` stays float32, `uint8_array + 1` stays uint8) unless
/// their kind is wider (`int_array * 0.5` is float64).
public enum ScalarValue: Sendable, Equatable, CustomStringConvertible {
    case bool(Bool)
    case int(Int)
    case float(Double)

    /// The dtype NumPy gives an array made of this value alone.
    public var defaultDType: DType {
        switch self {
        case .bool: .bool
        case .int: .int64
        case .float: .float64
        }
    }

    public var description: String {
        switch self {
        case .bool(let value): value ? "True" : "False"
        case .int(let value): String(value)
        case .float(let value): String(value)
        }
    }

    var doubleValue: Double {
        switch self {
        case .bool(let value): value ? 1 : 0
        case .int(let value): Double(value)
        case .float(let value): value
        }
    }

    /// The value as a 0-d array of `dtype`, as NumPy 2 converts a Python scalar: integers out
    /// of range for an integer dtype raise `OverflowError` (`Python integer 300 out of bounds
    /// for uint8`); floats cast to integers truncate; NaN or infinity cannot become integers.
    public func asArray(dtype: DType) throws -> NDArray {
        switch (self, dtype) {
        case (.int(let value), .uint8):
            guard (0...255).contains(value) else {
                throw ArrayError(.overflowError, "Python integer \(value) out of bounds for uint8")
            }
            return NDArray(scalar: UInt8(value))
        case (.float(let value), .int64), (.float(let value), .uint8):
            guard value.isFinite else {
                throw ArrayError.value(value.isNaN ? "cannot convert float NaN to integer" : "cannot convert float infinity to integer")
            }
            return dtype == .int64 ? NDArray(scalar: Int64(castFrom: value)) : NDArray(scalar: UInt8(castFrom: value))
        default:
            break
        }
        // Straight into the target dtype: one small allocation (this runs for every
        // `array * 2.0` a notebook writes).
        switch dtype {
        case .float32: return NDArray(scalar: Float(doubleValue))
        case .float64: return NDArray(scalar: doubleValue)
        case .int64:
            if case .int(let value) = self { return NDArray(scalar: Int64(value)) }
            return NDArray(scalar: Int64(castFrom: doubleValue))
        case .uint8:
            if case .int(let value) = self { return NDArray(scalar: UInt8(truncatingIfNeeded: value)) }
            return NDArray(scalar: UInt8(castFrom: doubleValue))
        case .bool: return NDArray(scalar: doubleValue != 0)
        }
    }
}

extension NDArray {
    /// Copies `source` into this array's elements, broadcasting it to this shape and casting
    /// it to this dtype (NumPy's `a[...] = source`). Works through views: the writes land in
    /// the shared storage. A source that overlaps this array is copied first.
    public func assign(from source: NDArray) throws {
        guard var source = source.broadcastView(to: shape) else {
            throw ArrayError.value("could not broadcast input array from shape \(formatCompactShape(source.shape)) into shape \(formatCompactShape(shape))")
        }
        if source.storage === storage && size > 0 {
            source = try NDArray(uninitializedShape: source.shape, dtype: source.dtype).filled(from: source)
        }
        copyElements(from: source)
    }

    /// Sets every element to `value`, converted as NumPy converts a Python scalar.
    public func fill(with value: ScalarValue) throws {
        try assign(from: value.asArray(dtype: dtype))
    }

    /// The same array after copying `source` (same shape) into it; for fresh arrays.
    func filled(from source: NDArray) -> NDArray {
        copyElements(from: source)
        return self
    }

    /// A copy of this array with elements converted to `dtype` (`astype`; always a copy).
    public func astype(_ target: DType) throws -> NDArray {
        try NDArray(uninitializedShape: shape, dtype: target).filled(from: self)
    }

    /// Element copy with conversion; `source` already has this array's shape.
    private func copyElements(from source: NDArray) {
        switch source.dtype {
        case .float32: copyElements(from: source, as: Float.self)
        case .float64: copyElements(from: source, as: Double.self)
        case .int64: copyElements(from: source, as: Int64.self)
        case .uint8: copyElements(from: source, as: UInt8.self)
        case .bool: copyElements(from: source, as: Bool.self)
        }
    }

    private func copyElements<S: ArrayElement>(from source: NDArray, as sourceType: S.Type) {
        switch dtype {
        case .float32: convertCopy(from: source, S.self, Float.self)
        case .float64: convertCopy(from: source, S.self, Double.self)
        case .int64: convertCopy(from: source, S.self, Int64.self)
        case .uint8: convertCopy(from: source, S.self, UInt8.self)
        case .bool: convertCopy(from: source, S.self, Bool.self)
        }
    }

    private func convertCopy<S: ArrayElement, D: ArrayElement>(from source: NDArray, _: S.Type, _: D.Type) {
        if S.self == D.self && isContiguous && source.isContiguous {
            withExtendedLifetime((self, source)) {
                UnsafeMutableRawPointer(basePointer(D.self)).copyMemory(from: source.basePointer(S.self), byteCount: size * MemoryLayout<D>.stride)
            }
            return
        }
        let plan = LoopPlan(shape: shape, strides, source.strides)
        if plan.shape.count == 2 && plan.stride(0, 1) == 1 && plan.stride(1, 0) == 1 && plan.stride(1, 1) != 1 {
            transposedCopy(from: source, plan, S.self, D.self)
            return
        }
        unaryLoop(Cast<S, D>.self, source, self)
    }

    /// A copy whose source runs down columns (a transpose): done in 32x32 tiles, so both the
    /// reads and the writes stay within a few cache lines at a time.
    private func transposedCopy<S: ArrayElement, D: ArrayElement>(from source: NDArray, _ plan: LoopPlan, _: S.Type, _: D.Type) {
        let rows = plan.shape[0], columns = plan.shape[1]
        let destinationRow = plan.stride(0, 0), sourceColumn = plan.stride(1, 1)
        let destination = basePointer(D.self), origin = source.basePointer(S.self)
        let tile = 32
        withExtendedLifetime((self, source)) {
            for rowStart in stride(from: 0, to: rows, by: tile) {
                let rowEnd = Swift.min(rowStart + tile, rows)
                for columnStart in stride(from: 0, to: columns, by: tile) {
                    let columnEnd = Swift.min(columnStart + tile, columns)
                    for row in rowStart..<rowEnd {
                        let out = destination + row * destinationRow, input = origin + row
                        for column in columnStart..<columnEnd {
                            out[column] = input[column * sourceColumn].cast(to: D.self)
                        }
                    }
                }
            }
        }
    }
}
