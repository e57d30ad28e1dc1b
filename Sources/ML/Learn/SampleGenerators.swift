/// scikit-learn's synthetic datasets (`make_moons`, `make_circles`, `make_blobs`,
/// `make_regression`), drawing from NumPy's legacy generator in scikit-learn's order, so a
/// `random_state` gives scikit-learn's values.
public enum SampleGenerators {
    public typealias Sample = (features: NDArray, labels: NDArray)

    /// Two interleaving half circles.
    public static func moons(outer: Int, inner: Int, shuffle: Bool, noise: Double?, random: inout RandomState) throws -> Sample {
        let outerAngles = try NDArray.linspace(start: 0, stop: .pi, count: outer).values
        let innerAngles = try NDArray.linspace(start: 0, stop: .pi, count: inner).values
        let x = try NDArray.concatenate([outerAngles.apply(.cos), NDArray.apply(.subtract, .scalar(.float(1)), .array(innerAngles.apply(.cos)))])
        let innerY = try NDArray.apply(.subtract, .array(NDArray.apply(.subtract, .scalar(.float(1)), .array(innerAngles.apply(.sin)))), .scalar(.float(0.5)))
        let y = try NDArray.concatenate([outerAngles.apply(.sin), innerY])
        return try finish(x, y, outer: outer, inner: inner, shuffle: shuffle, noise: noise, random: &random)
    }

    /// A large circle containing a smaller one (`factor` times its radius).
    public static func circles(outer: Int, inner: Int, shuffle: Bool, noise: Double?, factor: Double, random: inout RandomState) throws -> Sample {
        let outerAngles = try NDArray.linspace(start: 0, stop: 2 * .pi, count: outer, endpoint: false).values
        let innerAngles = try NDArray.linspace(start: 0, stop: 2 * .pi, count: inner, endpoint: false).values
        func scaled(_ a: NDArray) throws -> NDArray { try NDArray.apply(.multiply, .array(a), .scalar(.float(factor))) }
        let x = try NDArray.concatenate([outerAngles.apply(.cos), scaled(innerAngles.apply(.cos))])
        let y = try NDArray.concatenate([outerAngles.apply(.sin), scaled(innerAngles.apply(.sin))])
        return try finish(x, y, outer: outer, inner: inner, shuffle: shuffle, noise: noise, random: &random)
    }

    private static func finish(_ x: NDArray, _ y: NDArray, outer: Int, inner: Int, shuffle: Bool, noise: Double?, random: inout RandomState) throws -> Sample {
        var features = try NDArray.stack([x, y], axis: 1)
        var labels = try NDArray.concatenate([NDArray.zeros([outer], dtype: .int64), NDArray.ones([inner], dtype: .int64)])
        if shuffle { (features, labels) = try shuffled(features, labels, random: &random) }
        if let noise {
            features = try NDArray.apply(.add, features, random.normal(shape: features.shape, mean: 0, standardDeviation: noise))
        }
        return (features, labels)
    }

    /// `sklearn.utils.shuffle`: one permutation (a shuffled arange) applied to both.
    public static func shuffled(_ a: NDArray, _ b: NDArray, random: inout RandomState) throws -> (NDArray, NDArray) {
        let order = try NDArray.arange(stop: .int(a.shape.first ?? 0))
        try random.shuffle(order)
        return (try a.subscripted([.array(order)]), try b.subscripted([.array(order)]))
    }

    /// Gaussian blobs: `centers` rows (drawn uniformly in `box` when nil: `centerCount` of
    /// them), `counts[i]` samples around center i with deviation `deviations[i]`.
    public static func blobs(counts: [Int], features: Int, centers given: NDArray?, centerCount: Int, deviations: [Double],
                             box: (Double, Double), shuffle: Bool, random: inout RandomState) throws -> (features: NDArray, labels: NDArray, centers: NDArray) {
        let centers = try given ?? random.uniform(shape: [centerCount, features], low: box.0, high: box.1)
        let width = centers.shape.count == 2 ? centers.shape[1] : features
        var parts: [NDArray] = [], labels: [Int64] = []
        for (i, count) in counts.enumerated() {
            let draws = try random.normal(shape: [count, width], mean: 0, standardDeviation: deviations[i])
            parts.append(try NDArray.apply(.add, draws, centers.subscripted([.int(i)]).astype(.float64)))
            labels += Array(repeating: Int64(i), count: count)
        }
        var x = try NDArray.concatenate(parts.isEmpty ? [NDArray.zeros([0, width])] : parts, axis: 0)
        var y = NDArray(labels)
        if shuffle { (x, y) = try shuffled(x, y, random: &random) }
        return (x, y, centers)
    }

    /// A linear regression problem: y = X @ w + bias (+ noise) with `informative` non-zero
    /// weights drawn uniformly in [0, 100).
    public static func regression(samples: Int, features: Int, informative: Int, targets: Int, bias: Double, noise: Double,
                                  shuffle: Bool, random: inout RandomState) throws -> (features: NDArray, targets: NDArray, coefficients: NDArray) {
        let informative = Swift.min(features, informative)
        var x = try random.normal(shape: [samples, features])
        var truth = try NDArray.zeros([features, targets])
        let weights = try NDArray.apply(.multiply, .scalar(.float(100)), .array(random.uniform(shape: [informative, targets])))
        if informative > 0 { try truth.assign(.array(weights), at: [.slice(start: 0, stop: informative, step: nil)]) }
        var y = try NDArray.apply(.add, .array(NDArray.matmul(x, truth)), .scalar(.float(bias)))
        if noise > 0 { y = try NDArray.apply(.add, y, random.normal(shape: y.shape, mean: 0, standardDeviation: noise)) }
        if shuffle {
            (x, y) = try shuffled(x, y, random: &random)
            let order = try NDArray.arange(stop: .int(features))
            try random.shuffle(order)
            x = try x.subscripted([.all, .array(order)]).copy()
            truth = try truth.subscripted([.array(order)])
        }
        return (x, try y.squeezed(), try truth.squeezed())
    }
}
