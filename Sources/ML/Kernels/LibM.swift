#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

// Scalar libm entry points under names that cannot collide with the library's own `exp`,
// `log` and `tanh` tensor functions.
@inline(__always) func _log(_ x: Double) -> Double { log(x) }
@inline(__always) func _cos(_ x: Double) -> Double { cos(x) }
@inline(__always) func _exp(_ x: Double) -> Double { exp(x) }
@inline(__always) func _logf(_ x: Float) -> Float { logf(x) }
@inline(__always) func _expf(_ x: Float) -> Float { expf(x) }
@inline(__always) func _tanhf(_ x: Float) -> Float { tanhf(x) }
@inline(__always) func _powf(_ x: Float, _ y: Float) -> Float { powf(x, y) }
@inline(__always) func _pow(_ x: Double, _ y: Double) -> Double { pow(x, y) }
@inline(__always) func _sqrt(_ x: Double) -> Double { x.squareRoot() }
@inline(__always) func _log1pf(_ x: Float) -> Float { log1pf(x) }
@inline(__always) func _expm1f(_ x: Float) -> Float { expm1f(x) }
@inline(__always) func _sinf(_ x: Float) -> Float { sinf(x) }
@inline(__always) func _cosf(_ x: Float) -> Float { cosf(x) }
