/// Single-precision `exp`, `tanh` and the logistic function written without branches or
/// library calls, so that elementwise loops over float32 vectorise (the C library's `expf`
/// is a call per element, ~15 ns, which alone would take most of an autoencoder epoch's
/// budget). NumPy's float32 ufuncs and the layers' activations both go through them.
/// Accuracy is within 2 ulp, as NumPy's own SIMD float32 functions are (they are not
/// correctly rounded either: NumPy 2.4's `exp` differs from the correctly rounded result in
/// about 40% of float32 inputs, by up to 2 ulp).
enum VectorMath {
    /// Rounds to the nearest integer (ties to even) for |x| < 2^22 by the 1.5 * 2^23 trick,
    /// returning the integer both as a float and as its bits, without a conversion instruction
    /// (SSE2 has no vector rounding) or a range check.
    @inline(__always)
    private static func roundToInteger(_ x: Float) -> (value: Float, integer: Int32) {
        let shifted = x + 12_582_912
        return (shifted - 12_582_912, Int32(bitPattern: shifted.bitPattern) &- 0x4B40_0000)
    }

    /// 2^n for n in [-150, 129], as the product of two powers that are each normal floats.
    @inline(__always)
    private static func powerOfTwo(_ n: Int32) -> (Float, Float) {
        let half = n >> 1
        let rest = n &- half
        return (Float(bitPattern: UInt32(bitPattern: (half &+ 127) << 23)),
                Float(bitPattern: UInt32(bitPattern: (rest &+ 127) << 23)))
    }

    /// e^x (Cephes' `expf` reduction and polynomial).
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        let clamped = Swift.min(Swift.max(x, -104), 89)
        let (n, integer) = roundToInteger(clamped * 1.442_695_04)
        // r = x - n ln 2, with ln 2 split in two for precision.
        let r = (clamped - n * 0.693_359_375) - n * -2.121_944_40e-4
        let z = r * r
        var p: Float = 1.987_569_150_0e-4
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let expR = p * z + r + 1
        let (scaleA, scaleB) = powerOfTwo(integer)
        let result = expR * scaleA * scaleB
        return x != x ? x : result
    }

    /// tanh(x): an odd polynomial near zero (Cephes' `tanhf`), 1 - 2 / (e^2|x| + 1) beyond.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let magnitude = Swift.abs(x)
        let z = x * x
        var p: Float = -5.704_988_727_45e-3
        p = p * z + 2.063_908_879_54e-2
        p = p * z - 5.373_971_555_31e-2
        p = p * z + 1.333_144_220_36e-1
        p = p * z - 3.333_328_194_22e-1
        let small = p * z * x + x
        let e = exp(Swift.min(2 * magnitude, 88))
        let largeMagnitude = 1 - 2 / (e + 1)
        let large = x < 0 ? -largeMagnitude : largeMagnitude
        let result = magnitude < 0.625 ? small : large
        return x != x ? x : result
    }

    /// The logistic function 1 / (1 + e^-x): 0 and 1 at the extremes, never NaN for a number.
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }
}
