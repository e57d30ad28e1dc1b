#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// The C library's single- and double-precision math, behind FloatElement so kernels written
// once for both widths call the right one without a per-element branch.

extension Float {
    @inline(__always) public static func power(_ base: Float, _ exponent: Float) -> Float { powf(base, exponent) }
    @inline(__always) public static func arctan2(_ y: Float, _ x: Float) -> Float { atan2f(y, x) }
    @inline(__always) public static func exp(_ x: Float) -> Float { VectorMath.exp(x) }
    @inline(__always) public static func expm1(_ x: Float) -> Float { expm1f(x) }
    @inline(__always) public static func log(_ x: Float) -> Float { logf(x) }
    @inline(__always) public static func log2(_ x: Float) -> Float { log2f(x) }
    @inline(__always) public static func log10(_ x: Float) -> Float { log10f(x) }
    @inline(__always) public static func log1p(_ x: Float) -> Float { log1pf(x) }
    @inline(__always) public static func sin(_ x: Float) -> Float { sinf(x) }
    @inline(__always) public static func cos(_ x: Float) -> Float { cosf(x) }
    @inline(__always) public static func tan(_ x: Float) -> Float { tanf(x) }
    @inline(__always) public static func arcsin(_ x: Float) -> Float { asinf(x) }
    @inline(__always) public static func arccos(_ x: Float) -> Float { acosf(x) }
    @inline(__always) public static func arctan(_ x: Float) -> Float { atanf(x) }
    @inline(__always) public static func sinh(_ x: Float) -> Float { sinhf(x) }
    @inline(__always) public static func cosh(_ x: Float) -> Float { coshf(x) }
    @inline(__always) public static func tanh(_ x: Float) -> Float { VectorMath.tanh(x) }
}

extension Double {
    @inline(__always) public static func power(_ base: Double, _ exponent: Double) -> Double { pow(base, exponent) }
    @inline(__always) public static func arctan2(_ y: Double, _ x: Double) -> Double { atan2(y, x) }
    @inline(__always) public static func exp(_ x: Double) -> Double { Glibc.exp(x) }
    @inline(__always) public static func expm1(_ x: Double) -> Double { Glibc.expm1(x) }
    @inline(__always) public static func log(_ x: Double) -> Double { Glibc.log(x) }
    @inline(__always) public static func log2(_ x: Double) -> Double { Glibc.log2(x) }
    @inline(__always) public static func log10(_ x: Double) -> Double { Glibc.log10(x) }
    @inline(__always) public static func log1p(_ x: Double) -> Double { Glibc.log1p(x) }
    @inline(__always) public static func sin(_ x: Double) -> Double { Glibc.sin(x) }
    @inline(__always) public static func cos(_ x: Double) -> Double { Glibc.cos(x) }
    @inline(__always) public static func tan(_ x: Double) -> Double { Glibc.tan(x) }
    @inline(__always) public static func arcsin(_ x: Double) -> Double { asin(x) }
    @inline(__always) public static func arccos(_ x: Double) -> Double { acos(x) }
    @inline(__always) public static func arctan(_ x: Double) -> Double { atan(x) }
    @inline(__always) public static func sinh(_ x: Double) -> Double { Glibc.sinh(x) }
    @inline(__always) public static func cosh(_ x: Double) -> Double { Glibc.cosh(x) }
    @inline(__always) public static func tanh(_ x: Double) -> Double { Glibc.tanh(x) }
}
