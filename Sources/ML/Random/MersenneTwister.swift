/// The 32-bit Mersenne Twister (MT19937), the generator behind NumPy's legacy
/// `np.random.seed` / `RandomState`. Seeded the same way, it produces the same stream, so
/// seeded notebooks draw the numbers they draw under NumPy.
public struct MersenneTwister: Sendable {
    private var state = [UInt32](repeating: 0, count: 624)
    private var position = 624

    /// Seeds as `init_genrand` (NumPy's `RandomState(seed)` for an integer seed).
    public init(seed: UInt32) {
        state[0] = seed
        for index in 1..<624 {
            let previous = state[index - 1]
            state[index] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(index)
        }
        position = 624
    }

    /// Seeds from a key array as `init_by_array` (NumPy's seeding from a sequence).
    public init(key: [UInt32]) {
        self.init(seed: 19_650_218)
        var i = 1, j = 0
        for _ in 0..<Swift.max(624, key.count) {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
            i += 1; j += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
            if j >= key.count { j = 0 }
        }
        for _ in 0..<623 {
            let previous = state[i - 1]
            state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
            i += 1
            if i >= 624 { state[0] = state[623]; i = 1 }
        }
        state[0] = 0x8000_0000
        position = 624
    }

    private mutating func regenerate() {
        let upper: UInt32 = 0x8000_0000, lower: UInt32 = 0x7fff_ffff, matrix: UInt32 = 0x9908_b0df
        for index in 0..<624 {
            let mixed = (state[index] & upper) | (state[(index + 1) % 624] & lower)
            var next = state[(index + 397) % 624] ^ (mixed >> 1)
            if mixed & 1 != 0 { next ^= matrix }
            state[index] = next
        }
        position = 0
    }

    /// The next 32 random bits.
    public mutating func next32() -> UInt32 {
        if position >= 624 { regenerate() }
        var value = state[position]
        position += 1
        value ^= value >> 11
        value ^= (value << 7) & 0x9d2c_5680
        value ^= (value << 15) & 0xefc6_0000
        value ^= value >> 18
        return value
    }

    /// 64 bits from two draws, high word first (NumPy's `next_uint64` for MT19937).
    public mutating func next64() -> UInt64 {
        let high = UInt64(next32())
        return high << 32 | UInt64(next32())
    }

    /// A double in [0, 1) with 53 random bits (`random_sample`).
    public mutating func nextDouble() -> Double {
        let a = Double(next32() >> 5), b = Double(next32() >> 6)
        return (a * 67_108_864.0 + b) / 9_007_199_254_740_992.0
    }
}
