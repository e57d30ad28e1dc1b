/// A Swift type that stores the elements of one `DType`: `Float` (float32), `Double`
/// (float64), `Int64`, `UInt8` and `Bool`.
///
/// Kernels are generic over this protocol and dispatched once per operation, so each loop is
/// specialised for its element type and has no per-element dynamic dispatch.
public protocol ArrayElement: Equatable, Sendable {
    /// The dtype this Swift type stores.
    static var dtype: DType { get }
    static var zero: Self { get }
    static var one: Self { get }

    /// NumPy's cast from each dtype (`astype`): floats to integers truncate toward zero,
    /// integers wrap, anything nonzero is `True`.
    init(castFrom value: Float)
    init(castFrom value: Double)
    init(castFrom value: Int64)
    init(castFrom value: UInt8)
    init(castFrom value: Bool)

    /// Converts to another element type with NumPy's casting rules.
    func cast<Target: ArrayElement>(to: Target.Type) -> Target

    /// The value as a Double (exact except for int64 beyond 2^53), used by formatting and
    /// by operations that compute in double precision.
    var doubleValue: Double { get }
}

/// Element types with arithmetic and ordering: every dtype except bool. Integer arithmetic
/// wraps as NumPy's does (`np.uint8(250) + 10` is 4); it never traps.
public protocol NumericElement: ArrayElement, Comparable, SIMDScalar {
    static func add(_ a: Self, _ b: Self) -> Self
    static func subtract(_ a: Self, _ b: Self) -> Self
    static func multiply(_ a: Self, _ b: Self) -> Self
    static var lowest: Self { get }
    static var highest: Self { get }
    /// NaN for floats (what a NaN-propagating reduction returns); zero for integers, which
    /// are never NaN.
    static var nanOrZero: Self { get }
    /// Whether values of this type can be NaN (a constant the kernels specialise on).
    static var canBeNaN: Bool { get }
}

/// float32 and float64: the element types of floating-point math.
public protocol FloatElement: NumericElement, BinaryFloatingPoint, LosslessStringConvertible {
    init(_ value: Double)
    /// The C library's math functions for this width (`expf` for Float, `exp` for Double).
    static func power(_ base: Self, _ exponent: Self) -> Self
    static func arctan2(_ y: Self, _ x: Self) -> Self
    static func exp(_ x: Self) -> Self
    static func expm1(_ x: Self) -> Self
    static func log(_ x: Self) -> Self
    static func log2(_ x: Self) -> Self
    static func log10(_ x: Self) -> Self
    static func log1p(_ x: Self) -> Self
    static func sin(_ x: Self) -> Self
    static func cos(_ x: Self) -> Self
    static func tan(_ x: Self) -> Self
    static func arcsin(_ x: Self) -> Self
    static func arccos(_ x: Self) -> Self
    static func arctan(_ x: Self) -> Self
    static func sinh(_ x: Self) -> Self
    static func cosh(_ x: Self) -> Self
    static func tanh(_ x: Self) -> Self
}

/// int64 and uint8.
public protocol IntegerElement: NumericElement, FixedWidthInteger {}

// MARK: - Float-to-integer conversion without traps

/// Truncates toward zero; NaN and out-of-range values give Int64.min, which is what x86's
/// conversion instruction (and so NumPy) produces. Swift's `Int64(_:)` would trap instead.
@inline(__always)
func truncatingToInt64(_ value: Double) -> Int64 {
    if value.isNaN || value >= 9.223372036854775807e18 || value < -9.223372036854775808e18 { return Int64.min }
    return Int64(value)
}

@inline(__always)
func truncatingToUInt8(_ value: Double) -> UInt8 {
    // C converts through a 32-bit integer on x86 and keeps the low byte.
    if value.isNaN || value >= 2147483648.0 || value <= -2147483649.0 { return 0 }
    return UInt8(truncatingIfNeeded: Int32(value))
}

// MARK: - Conformances

extension Float: FloatElement {
    public static var dtype: DType { .float32 }
    public static var one: Float { 1 }
    public static var lowest: Float { -.infinity }
    public static var highest: Float { .infinity }
    public static var nanOrZero: Float { .nan }
    public static var canBeNaN: Bool { true }
    @inline(__always) public init(castFrom value: Float) { self = value }
    @inline(__always) public init(castFrom value: Double) { self = Float(value) }
    @inline(__always) public init(castFrom value: Int64) { self = Float(value) }
    @inline(__always) public init(castFrom value: UInt8) { self = Float(value) }
    @inline(__always) public init(castFrom value: Bool) { self = value ? 1 : 0 }
    @inline(__always) public func cast<Target: ArrayElement>(to: Target.Type) -> Target { Target(castFrom: self) }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public static func add(_ a: Float, _ b: Float) -> Float { a + b }
    @inline(__always) public static func subtract(_ a: Float, _ b: Float) -> Float { a - b }
    @inline(__always) public static func multiply(_ a: Float, _ b: Float) -> Float { a * b }
}

extension Double: FloatElement {
    public static var dtype: DType { .float64 }
    public static var one: Double { 1 }
    public static var lowest: Double { -.infinity }
    public static var highest: Double { .infinity }
    public static var nanOrZero: Double { .nan }
    public static var canBeNaN: Bool { true }
    @inline(__always) public init(castFrom value: Float) { self = Double(value) }
    @inline(__always) public init(castFrom value: Double) { self = value }
    @inline(__always) public init(castFrom value: Int64) { self = Double(value) }
    @inline(__always) public init(castFrom value: UInt8) { self = Double(value) }
    @inline(__always) public init(castFrom value: Bool) { self = value ? 1 : 0 }
    @inline(__always) public func cast<Target: ArrayElement>(to: Target.Type) -> Target { Target(castFrom: self) }
    @inline(__always) public var doubleValue: Double { self }
    @inline(__always) public static func add(_ a: Double, _ b: Double) -> Double { a + b }
    @inline(__always) public static func subtract(_ a: Double, _ b: Double) -> Double { a - b }
    @inline(__always) public static func multiply(_ a: Double, _ b: Double) -> Double { a * b }
}

extension Int64: IntegerElement {
    public static var dtype: DType { .int64 }
    public static var one: Int64 { 1 }
    public static var lowest: Int64 { .min }
    public static var highest: Int64 { .max }
    public static var nanOrZero: Int64 { 0 }
    public static var canBeNaN: Bool { false }
    @inline(__always) public init(castFrom value: Float) { self = truncatingToInt64(Double(value)) }
    @inline(__always) public init(castFrom value: Double) { self = truncatingToInt64(value) }
    @inline(__always) public init(castFrom value: Int64) { self = value }
    @inline(__always) public init(castFrom value: UInt8) { self = Int64(value) }
    @inline(__always) public init(castFrom value: Bool) { self = value ? 1 : 0 }
    @inline(__always) public func cast<Target: ArrayElement>(to: Target.Type) -> Target { Target(castFrom: self) }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public static func add(_ a: Int64, _ b: Int64) -> Int64 { a &+ b }
    @inline(__always) public static func subtract(_ a: Int64, _ b: Int64) -> Int64 { a &- b }
    @inline(__always) public static func multiply(_ a: Int64, _ b: Int64) -> Int64 { a &* b }
}

extension UInt8: IntegerElement {
    public static var dtype: DType { .uint8 }
    public static var one: UInt8 { 1 }
    public static var lowest: UInt8 { .min }
    public static var highest: UInt8 { .max }
    public static var nanOrZero: UInt8 { 0 }
    public static var canBeNaN: Bool { false }
    @inline(__always) public init(castFrom value: Float) { self = truncatingToUInt8(Double(value)) }
    @inline(__always) public init(castFrom value: Double) { self = truncatingToUInt8(value) }
    @inline(__always) public init(castFrom value: Int64) { self = UInt8(truncatingIfNeeded: value) }
    @inline(__always) public init(castFrom value: UInt8) { self = value }
    @inline(__always) public init(castFrom value: Bool) { self = value ? 1 : 0 }
    @inline(__always) public func cast<Target: ArrayElement>(to: Target.Type) -> Target { Target(castFrom: self) }
    @inline(__always) public var doubleValue: Double { Double(self) }
    @inline(__always) public static func add(_ a: UInt8, _ b: UInt8) -> UInt8 { a &+ b }
    @inline(__always) public static func subtract(_ a: UInt8, _ b: UInt8) -> UInt8 { a &- b }
    @inline(__always) public static func multiply(_ a: UInt8, _ b: UInt8) -> UInt8 { a &* b }
}

extension Bool: ArrayElement {
    public static var dtype: DType { .bool }
    public static var zero: Bool { false }
    public static var one: Bool { true }
    @inline(__always) public init(castFrom value: Float) { self = value != 0 }
    @inline(__always) public init(castFrom value: Double) { self = value != 0 }
    @inline(__always) public init(castFrom value: Int64) { self = value != 0 }
    @inline(__always) public init(castFrom value: UInt8) { self = value != 0 }
    @inline(__always) public init(castFrom value: Bool) { self = value }
    @inline(__always) public func cast<Target: ArrayElement>(to: Target.Type) -> Target { Target(castFrom: self) }
    @inline(__always) public var doubleValue: Double { self ? 1 : 0 }
}
