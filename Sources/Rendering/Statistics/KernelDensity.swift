import Foundation

/// A one-dimensional Gaussian kernel density estimate with Scott's bandwidth, evaluated as
/// seaborn's `kdeplot` does it (scipy's `gaussian_kde`: bandwidth = sample standard deviation
/// x n^(-1/5) x `adjust`; the curve spans the data plus `cut` bandwidths on each side).
public struct KernelDensity: Sendable {
    public let samples: [Double]
    public let bandwidth: Double

    /// nil when fewer than two finite samples or no spread (seaborn warns and draws nothing).
    public init?(_ data: [Double], adjust: Double = 1) {
        let xs = data.filter { $0.isFinite }
        guard xs.count >= 2 else { return nil }
        let n = Double(xs.count)
        let mean = xs.reduce(0, +) / n
        let variance = xs.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / (n - 1)
        let h = variance.squareRoot() * pow(n, -0.2) * adjust
        guard h > 0, h.isFinite else { return nil }
        samples = xs
        bandwidth = h
    }

    /// The density at each of `points`.
    public func density(at points: [Double]) -> [Double] {
        let norm = 1 / (Double(samples.count) * bandwidth * (2 * Double.pi).squareRoot())
        let inv = 1 / bandwidth
        return points.map { x in
            var s = 0.0
            for xi in samples {
                let z = (x - xi) * inv
                s += exp(-0.5 * z * z)
            }
            return s * norm
        }
    }

    /// `count` evenly spaced points from the smallest sample minus `cut` bandwidths to the
    /// largest plus `cut` bandwidths (seaborn's support grid, 200 points by default).
    public func support(count: Int = 200, cut: Double = 3) -> [Double] {
        let lo = (samples.min() ?? 0) - cut * bandwidth, hi = (samples.max() ?? 0) + cut * bandwidth
        guard count > 1 else { return [lo] }
        return (0..<count).map { lo + (hi - lo) * Double($0) / Double(count - 1) }
    }
}

/// NumPy's `histogram_bin_edges(data, bins='auto')`: the smaller of the Freedman-Diaconis
/// and Sturges bin widths (Sturges alone when the interquartile range is zero).
public enum HistogramBins {
    public static func autoEdges(_ data: [Double]) -> [Double] {
        let xs = data.filter { $0.isFinite }.sorted()
        guard let lo = xs.first, let hi = xs.last else { return [0, 1] }
        if lo == hi { return [lo - 0.5, lo + 0.5] }
        let n = Double(xs.count)
        let sturges = (hi - lo) / (log2(n) + 1)
        let iqr = percentile(xs, 75) - percentile(xs, 25)
        let fd = 2 * iqr * pow(n, -1.0 / 3)
        let width = fd > 0 ? min(fd, sturges) : sturges
        let count = max(1, Int(((hi - lo) / width).rounded(.up)))
        return edges(lo, hi, count: count)
    }

    public static func edges(_ lo: Double, _ hi: Double, count: Int) -> [Double] {
        (0...count).map { lo + (hi - lo) * Double($0) / Double(count) }
    }

    /// Linear-interpolation percentile of sorted data (NumPy's default).
    public static func percentile(_ sorted: [Double], _ q: Double) -> Double {
        guard !sorted.isEmpty else { return .nan }
        let pos = q / 100 * Double(sorted.count - 1)
        let i = Int(pos.rounded(.down)), f = pos - Double(i)
        return i + 1 < sorted.count ? sorted[i] + f * (sorted[i + 1] - sorted[i]) : sorted[i]
    }
}
