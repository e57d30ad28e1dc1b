#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// NumPy's legacy global generator (`np.random.seed`, `rand`, `randn`, `randint`, ...),
/// reproducing its algorithms over MT19937: uniform doubles from 53 bits, normals by the
/// polar Box-Muller method with the spare value cached, bounded integers by masked rejection,
/// shuffles by Fisher-Yates from the end. After the same seed it draws the same numbers as
/// NumPy.
public struct RandomState: Sendable {
    private var generator: MersenneTwister
    private var spareGaussian: Double?

    /// A generator seeded with `seed` (0 ..< 2^32), as `np.random.seed(seed)`.
    public init(seed: Int) throws {
        guard seed >= 0 && seed <= Int(UInt32.max) else {
            throw ArrayError.value("Seed must be between 0 and 2**32 - 1")
        }
        generator = MersenneTwister(seed: UInt32(seed))
    }

    /// A generator seeded from the system's entropy (what an unseeded NumPy does).
    public init() {
        var seed = SystemRandomNumberGenerator()
        generator = MersenneTwister(key: (0..<624).map { _ in UInt32.random(in: .min ... .max, using: &seed) })
    }

    /// Reseeds in place (`np.random.seed`).
    public mutating func seed(_ value: Int) throws {
        self = try RandomState(seed: value)
    }

    /// A double in [0, 1).
    public mutating func nextDouble() -> Double { generator.nextDouble() }

    /// A standard normal value (`legacy_gauss`).
    public mutating func nextGaussian() -> Double {
        if let spare = spareGaussian {
            spareGaussian = nil
            return spare
        }
        var x1 = 0.0, x2 = 0.0, r2 = 0.0
        repeat {
            x1 = 2 * generator.nextDouble() - 1
            x2 = 2 * generator.nextDouble() - 1
            r2 = x1 * x1 + x2 * x2
        } while r2 >= 1 || r2 == 0
        let factor = (-2 * log(r2) / r2).squareRoot()
        spareGaussian = factor * x1
        return factor * x2
    }

    /// An integer in `0...range` by masked rejection (NumPy's bounded generation with
    /// `use_masked`): 32-bit draws when the range fits, 64-bit otherwise.
    public mutating func nextBounded(_ range: UInt64) -> UInt64 {
        if range == 0 { return 0 }
        var mask = range
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32
        if range <= UInt64(UInt32.max) {
            if range == UInt64(UInt32.max) { return UInt64(generator.next32()) }
            while true {
                let value = UInt64(generator.next32()) & mask
                if value <= range { return value }
            }
        }
        if range == UInt64.max { return generator.next64() }
        while true {
            let value = generator.next64() & mask
            if value <= range { return value }
        }
    }

    /// `random_interval(max)`: the draw Fisher-Yates uses, in `0...max`.
    mutating func nextInterval(_ max: Int) -> Int {
        Int(nextBounded(UInt64(max)))
    }

    // MARK: - Arrays

    /// Uniform [0, 1) doubles of `shape` (`rand`, `random_sample`, `random`).
    public mutating func uniform(shape: [Int], low: Double = 0, high: Double = 1) throws -> NDArray {
        let range = high - low
        return try fill(shape) { $0.nextDouble() * range + low }
    }

    /// Normal doubles (`randn`, `standard_normal`, `normal(loc, scale)`).
    public mutating func normal(shape: [Int], mean: Double = 0, standardDeviation: Double = 1) throws -> NDArray {
        guard standardDeviation >= 0 else { throw ArrayError.value("scale < 0") }
        return try fill(shape) { mean + standardDeviation * $0.nextGaussian() }
    }

    /// Integers in `[low, high)` (`randint`), int64.
    public mutating func integers(low: Int, high: Int, shape: [Int]) throws -> NDArray {
        guard low < high else { throw ArrayError.value("low >= high") }
        let range = UInt64(bitPattern: Int64(high) &- Int64(low) &- 1)
        let result = try NDArray(uninitializedShape: shape, dtype: .int64)
        let pointer = result.basePointer(Int64.self)
        for index in 0..<result.size {
            pointer[index] = Int64(low) &+ Int64(bitPattern: nextBounded(range))
        }
        return result
    }

    private mutating func fill(_ shape: [Int], _ draw: (inout RandomState) -> Double) throws -> NDArray {
        let result = try NDArray(uninitializedShape: shape, dtype: .float64)
        let pointer = result.basePointer(Double.self)
        for index in 0..<result.size { pointer[index] = draw(&self) }
        return result
    }

    /// Shuffles along the first axis in place (`shuffle`), through views too.
    public mutating func shuffle(_ array: NDArray) throws {
        guard array.ndim >= 1 else { throw ArrayError.type("object of type 'numpy.ndarray' has no len()") }
        let count = array.shape[0]
        guard count > 1 else { return }
        if array.ndim == 1 {
            switch array.dtype {
            case .float32: swapElements(array, count, Float.self)
            case .float64: swapElements(array, count, Double.self)
            case .int64: swapElements(array, count, Int64.self)
            case .uint8: swapElements(array, count, UInt8.self)
            case .bool: swapElements(array, count, Bool.self)
            }
            return
        }
        let buffer = try NDArray(uninitializedShape: Array(array.shape.dropFirst()), dtype: array.dtype)
        for i in stride(from: count - 1, through: 1, by: -1) {
            let j = nextInterval(i)
            if i == j { continue }
            try buffer.assign(from: array.element(at: j))
            try array.element(at: j).assign(from: array.element(at: i))
            try array.element(at: i).assign(from: buffer)
        }
    }

    private mutating func swapElements<T: ArrayElement>(_ array: NDArray, _ count: Int, _: T.Type) {
        let base = array.basePointer(T.self), step = array.strides[0]
        for i in stride(from: count - 1, through: 1, by: -1) {
            let j = nextInterval(i)
            let held = base[j * step]
            base[j * step] = base[i * step]
            base[i * step] = held
        }
        withExtendedLifetime(array) {}
    }

    /// A shuffled `arange(count)` (`permutation(n)`).
    public mutating func permutation(_ count: Int) throws -> NDArray {
        let result = try NDArray.arange(stop: .int(count))
        try shuffle(result)
        return result
    }

    /// A shuffled copy along the first axis (`permutation(array)`).
    public mutating func permutation(of array: NDArray) throws -> NDArray {
        guard array.ndim >= 1 else { throw ArrayError.index("x must be an integer or at least 1-dimensional") }
        if array.ndim == 1 {
            let copy = try array.copy()
            try shuffle(copy)
            return copy
        }
        let order = try permutation(array.shape[0])
        return try array.subscripted([.array(order)])
    }

    /// Samples from `population` (`choice`): indices `0..<population` drawn with or without
    /// replacement, with optional probabilities `p`, in NumPy's legacy algorithm.
    public mutating func choiceIndices(population: Int, shape: [Int], replace: Bool, probabilities: [Double]?) throws -> NDArray {
        let size = try elementCount(shape)
        if population <= 0 && size != 0 {
            throw ArrayError.value("a must be greater than 0 unless no samples are taken")
        }
        var cdf: [Double]? = nil
        if let p = probabilities {
            guard p.count == population else { throw ArrayError.value("'a' and 'p' must have same size") }
            if p.contains(where: { $0.isNaN }) { throw ArrayError.value("probabilities contain NaN") }
            if p.contains(where: { $0 < 0 }) { throw ArrayError.value("probabilities are not non-negative") }
            // Kahan sum, as NumPy checks it.
            var total = 0.0, compensation = 0.0
            for value in p {
                let y = value - compensation
                let t = total + y
                compensation = (t - total) - y
                total = t
            }
            if Swift.abs(total - 1) > Double.ulpOfOne.squareRoot() {
                throw ArrayError.value("probabilities do not sum to 1")
            }
            var running = 0.0
            cdf = p.map { running += $0; return running }
        }
        if replace {
            if let cdf {
                let normalised = cdf.map { $0 / (cdf.last ?? 1) }
                let draws = try uniform(shape: shape)
                return try NDArray(normalised).searchSorted(draws, right: true)
            }
            return try integers(low: 0, high: population, shape: shape)
        }
        guard size <= population else {
            throw ArrayError.value("Cannot take a larger sample than population when 'replace=False'")
        }
        if let probabilities {
            guard probabilities.filter({ $0 > 0 }).count >= size else {
                throw ArrayError.value("Fewer non-zero entries in p than size")
            }
            var weights = probabilities
            var found: [Int64] = []
            while found.count < size {
                let draws = try uniform(shape: [size - found.count])
                for index in found { weights[Int(index)] = 0 }
                var running = 0.0
                let cumulative = weights.map { running += $0; return running }
                let normalised = cumulative.map { $0 / (cumulative.last ?? 1) }
                let picks = try NDArray(normalised).searchSorted(draws, right: true).scalars(as: Int64.self)
                // Keep the first occurrence of each new pick, in draw order.
                var seen = Set<Int64>()
                for pick in picks where !seen.contains(pick) {
                    seen.insert(pick)
                    found.append(pick)
                }
            }
            return try NDArray(Array(found.prefix(size)), shape: shape)
        }
        let order = try permutation(population)
        return try order.subscripted([.slice(start: 0, stop: size, step: 1)]).reshaped(shape)
    }
}
