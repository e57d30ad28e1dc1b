/// The element type of an `NDArray`, named as NumPy names it.
///
/// SwiftML supports the five dtypes an introductory course meets: `float32` (what models
/// compute in), `float64` (NumPy's default float), `int64` (NumPy's default integer on Linux),
/// `uint8` (images as datasets ship them) and `bool` (masks and comparisons).
public enum DType: String, Sendable, CaseIterable, CustomStringConvertible {
    case bool, uint8, int64, float32, float64

    /// NumPy's name for the dtype (`"float32"`), as `a.dtype` prints it.
    public var name: String { rawValue }
    public var description: String { rawValue }

    /// Bytes per element.
    public var itemSize: Int {
        switch self {
        case .bool, .uint8: 1
        case .float32: 4
        case .int64, .float64: 8
        }
    }

    public var isFloatingPoint: Bool { self == .float32 || self == .float64 }
    public var isInteger: Bool { self == .int64 || self == .uint8 }

    /// Whether NumPy's repr leaves this dtype out (`array([1, 2])` is int64, `array([1.])`
    /// float64, `array([ True])` bool); the others get a `dtype=` suffix.
    public var isImpliedInRepr: Bool { self == .float64 || self == .int64 || self == .bool }

    /// The dtype NumPy 2 gives the result of combining two arrays of these dtypes
    /// (`np.result_type`): int64 with float32 is float64, uint8 with float32 is float32.
    public static func promote(_ a: DType, _ b: DType) -> DType {
        if a == b { return a }
        if a == .bool { return b }
        if b == .bool { return a }
        switch (a, b) {
        case (.uint8, .int64), (.int64, .uint8): return .int64
        case (.uint8, .float32), (.float32, .uint8): return .float32
        case (.int64, .float32), (.float32, .int64): return .float64
        default: return .float64  // any pairing with float64
        }
    }

    /// The dtype of a floating-point result computed from this dtype (`np.sqrt`, `/`):
    /// floats keep their width; integers and bools become float64. (NumPy gives float16 for
    /// uint8 and bool math functions; SwiftML has no float16 and uses float32 there.)
    public var floatingResult: DType {
        switch self {
        case .float32, .float64: self
        case .int64: .float64
        case .uint8, .bool: .float32
        }
    }

    /// Parses the names NumPy accepts for these dtypes: `"float32"`, `"f4"`, `"float"`,
    /// `"double"`, `"int"`, `"int64"`, `"i8"`, `"uint8"`, `"u1"`, `"bool"`, `"?"`.
    public init?(numpyName: String) {
        switch numpyName {
        case "float32", "f4", "single", "<f4": self = .float32
        case "float64", "f8", "float", "double", "<f8", "float_", "d": self = .float64
        case "int64", "i8", "int", "<i8", "long", "int_", "intp": self = .int64
        case "uint8", "u1", "ubyte", "B": self = .uint8
        case "bool", "?", "b1", "bool_": self = .bool
        default: return nil
        }
    }
}
