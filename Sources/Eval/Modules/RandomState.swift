import Foundation

/// Python's random number generator: MT19937 with CPython's seeding and derivations, so that
/// `random.seed(42); random.random()` gives the same numbers as Python.
struct RandomState {
    private var state = [UInt32](repeating: 0, count: 624)
    private var index = 625
    private var gaussNext: Double?

    init(seed: UInt64) { self.seed(words: RandomState.words(of: seed)) }

    /// The 32-bit words of a seed, least significant first (CPython's `init_by_array` key).
    static func words(of seed: UInt64) -> [UInt32] {
        var words: [UInt32] = []
        var value = seed
        repeat {
            words.append(UInt32(truncatingIfNeeded: value))
            value >>= 32
        } while value > 0
        return words
    }

    mutating func seed(_ value: Int) {
        seed(words: RandomState.words(of: value.magnitude.toUInt64))
    }

    private mutating func initialize(_ s: UInt32) {
        state[0] = s
        for i in 1..<624 {
            state[i] = 1812433253 &* (state[i - 1] ^ (state[i - 1] >> 30)) &+ UInt32(i)
        }
        index = 624
    }

    mutating func seed(words key: [UInt32]) {
        initialize(19650218)
        var i = 1, j = 0
        for _ in 0..<max(624, key.count) {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1664525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            state[i] = (state[i] ^ ((state[i - 1] ^ (state[i - 1] >> 30)) &* 1566083941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
        gaussNext = nil
    }

    mutating func next32() -> UInt32 {
        if index >= 624 {
            for k in 0..<624 {
                let y = (state[k] & 0x8000_0000) | (state[(k + 1) % 624] & 0x7FFF_FFFF)
                state[k] = state[(k + 397) % 624] ^ (y >> 1) ^ ((y & 1) != 0 ? 0x9908_B0DF : 0)
            }
            index = 0
        }
        var y = state[index]
        index += 1
        y ^= y >> 11
        y ^= (y << 7) & 0x9D2C_5680
        y ^= (y << 15) & 0xEFC6_0000
        y ^= y >> 18
        return y
    }

    /// `random.random()`: 53 random bits in [0, 1).
    mutating func random() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0)
    }

    /// `random.getrandbits(k)` for k up to 64.
    mutating func bits(_ k: Int) -> UInt64 {
        if k <= 32 { return UInt64(next32() >> (32 - UInt32(k))) }
        let low = UInt64(next32())
        let high = UInt64(next32() >> (64 - UInt32(k)))
        return low | (high << 32)
    }

    /// A uniform integer in `0..<n` by rejection, as CPython's `_randbelow`.
    mutating func below(_ n: Int) -> Int {
        guard n > 0 else { return 0 }
        let k = Int.bitWidth - n.leadingZeroBitCount
        var r = bits(k)
        while r >= UInt64(n) { r = bits(k) }
        return Int(r)
    }

    mutating func gauss(_ mu: Double, _ sigma: Double) -> Double {
        var z: Double
        if let next = gaussNext {
            z = next
            gaussNext = nil
        } else {
            let x2pi = random() * 2 * Double.pi
            let g2rad = (-2.0 * Foundation.log(1.0 - random())).squareRoot()
            z = Foundation.cos(x2pi) * g2rad
            gaussNext = Foundation.sin(x2pi) * g2rad
        }
        return mu + z * sigma
    }

    mutating func normal(_ mu: Double, _ sigma: Double) -> Double {
        let magic = 4 * Foundation.exp(-0.5) / 2.0.squareRoot()
        while true {
            let u1 = random()
            let u2 = 1.0 - random()
            let z = magic * (u1 - 0.5) / u2
            if z * z / 4.0 <= -Foundation.log(u2) { return mu + z * sigma }
        }
    }
}

private extension UInt {
    var toUInt64: UInt64 { UInt64(self) }
}
