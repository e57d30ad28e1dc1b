/// Branch-free float32 approximations of `exp`, `tanh` and the logistic function, written
/// so that loops calling them vectorise (AVX2 here): only multiplies, adds, compares with
/// selects, and integer bit operations, no calls into libm.
///
/// Accuracy is within a few ulp of the correctly rounded result over the range training
/// uses; the activations go through these because libm's `expf` costs ~15 ns a call, which
/// alone would take most of an autoencoder epoch's budget. NaN propagates (a diverged model
/// must not be masked by a clamp).
enum FastMath {
    /// e^x for x in about [-87, 88]; arguments outside are clamped (so results saturate at
    /// about 1e-38 and 1.7e38 rather than reaching 0 and infinity).
    @inline(__always)
    static func exp(_ x: Float) -> Float {
        // Comparisons written so that NaN falls through unchanged.
        var v = x < -87 ? -87 : x
        v = v > 88 ? 88 : v
        // Round v/ln2 to the nearest integer n by adding 1.5 * 2^23: at that magnitude the
        // float's unit in the last place is 1, so the addition itself rounds, and n sits in
        // the low bits of the result's bit pattern.
        let shifted = v * 1.442_695_04 + 12_582_912
        let n = shifted - 12_582_912
        // r = v - n ln2, with ln2 split in two so the product stays exact.
        var r = v - n * 0.693_359_375
        r = r + n * 2.121_944_4e-4
        // exp(r) on |r| <= ln2/2: minimax polynomial (Cephes' expf coefficients).
        var p: Float = 1.987_569_15e-4
        p = p * r + 1.398_199_950_7e-3
        p = p * r + 8.333_451_907_3e-3
        p = p * r + 4.166_579_589_4e-2
        p = p * r + 1.666_666_545_9e-1
        p = p * r + 5.000_000_120_1e-1
        let expR = p * r * r + r + 1
        // 2^n assembled from its exponent bits.
        let scale = Float(bitPattern: (shifted.bitPattern &- 0x4B40_0000 &+ 127) << 23)
        return expR * scale
    }

    /// tanh(x): an odd polynomial near zero, 1 - 2/(e^{2|x|} + 1) elsewhere.
    @inline(__always)
    static func tanh(_ x: Float) -> Float {
        let magnitude = x.magnitude
        let e = exp(2 * magnitude)
        let far = 1 - 2 / (e + 1)
        let z = x * x
        var p: Float = -5.704_988_727_45e-3
        p = p * z + 2.063_908_879_54e-2
        p = p * z - 5.373_971_555_31e-2
        p = p * z + 1.333_144_220_36e-1
        p = p * z - 3.333_328_194_22e-1
        let near = x + x * z * p
        let signedFar = x < 0 ? -far : far
        return magnitude < 0.625 ? near : signedFar
    }

    /// The logistic function 1 / (1 + e^-x).
    @inline(__always)
    static func sigmoid(_ x: Float) -> Float {
        1 / (1 + exp(-x))
    }
}
