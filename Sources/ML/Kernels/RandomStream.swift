/// The random numbers training draws (initial weights, shuffling, dropout masks):
/// xoshiro256** seeded through SplitMix64. A value type, so a model's stream is copied and
/// advanced deterministically: the same seed gives the same run, bit for bit.
public struct RandomStream: RandomNumberGenerator, Sendable {
    private var s0, s1, s2, s3: UInt64

    /// A stream determined entirely by `seed`.
    public init(seed: UInt64) {
        var state = seed
        func splitMix() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s0 = splitMix(); s1 = splitMix(); s2 = splitMix(); s3 = splitMix()
    }

    /// A stream seeded from the system's entropy (an unseeded run).
    public static func unseeded() -> RandomStream {
        var system = SystemRandomNumberGenerator()
        return RandomStream(seed: system.next())
    }

    @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// A float uniformly distributed in [0, 1), with 24 random bits.
    @inline(__always)
    public mutating func nextUnitFloat() -> Float {
        Float(next() >> 40) * 0x1p-24
    }

    /// A double uniformly distributed in [0, 1), with 53 random bits.
    @inline(__always)
    public mutating func nextUnitDouble() -> Double {
        Double(next() >> 11) * 0x1p-53
    }

    /// A standard normal sample (Box-Muller, one of the pair).
    public mutating func nextNormal() -> Double {
        let u1 = 1 - nextUnitDouble()   // (0, 1]: log stays finite
        let u2 = nextUnitDouble()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// A normal sample with |z| <= 2 standard deviations (resampled otherwise), as Keras's
    /// truncated-normal initialisers draw.
    public mutating func nextTruncatedNormal() -> Double {
        while true {
            let z = nextNormal()
            if z.magnitude <= 2 { return z }
        }
    }

    /// A uniformly random permutation of `0..<count` (Fisher-Yates).
    public mutating func permutation(_ count: Int) -> [Int] {
        var indices = Array(0..<count)
        shuffle(&indices)
        return indices
    }

    /// Shuffles `indices` in place (Fisher-Yates with unbiased bounded draws).
    public mutating func shuffle(_ indices: inout [Int]) {
        guard indices.count > 1 else { return }
        for i in stride(from: indices.count - 1, to: 0, by: -1) {
            let j = Int(next(upperBound: UInt64(i + 1)))
            indices.swapAt(i, j)
        }
    }
}
