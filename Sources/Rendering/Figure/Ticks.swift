import Foundation

/// Tick placement and labels as matplotlib's AutoLocator (MaxNLocator with steps 1, 2, 2.5,
/// 5, 10), LogLocator and ScalarFormatter compute them, so axes read the same.
public enum Ticks {
    /// Major tick locations for the view interval `[vmin, vmax]`, at most about `maxBins`
    /// intervals, including the ticks just outside the view that matplotlib computes.
    public static func linear(_ vmin: Double, _ vmax: Double, maxBins: Int = 9, minTicks: Int = 2) -> [Double] {
        var lo = vmin, hi = vmax
        if lo > hi { swap(&lo, &hi) }
        // An interval whose width overflows (xlim(-1e308, 1e308)) has no tick spacing.
        guard lo.isFinite, hi.isFinite, (hi - lo).isFinite else { return [] }
        if hi - lo < 1e-300 * max(1, abs(lo)) || hi == lo {
            // A zero-width interval: matplotlib widens it before locating.
            let d = lo == 0 ? 1 : abs(lo) * 0.001
            lo -= d; hi += d
        }
        let nbins = Double(max(1, maxBins))
        let (scale, offset) = scaleRange(lo, hi, nbins)
        let vlo = lo - offset, vhi = hi - offset
        let baseSteps: [Double] = [1, 2, 2.5, 5, 10]
        let steps = baseSteps.dropLast().map { 0.1 * $0 } + baseSteps + [10 * baseSteps[1]]
        let scaled = steps.map { $0 * scale }
        let raw = (vhi - vlo) / nbins
        let chosen = scaled.firstIndex(where: { $0 >= raw }) ?? scaled.count - 1
        var ticks: [Double] = []
        for step in scaled[0...chosen].reversed() {
            let best = (vlo / step).rounded(.down) * step
            let low = edgeLE(vlo - best, step: step, offset: offset)
            let high = edgeGE(vhi - best, step: step, offset: offset)
            // Rounding at the edges of Double's range can leave NaN or absurd counts: no ticks.
            guard low.isFinite, high.isFinite, high - low <= 10_000 else { return [] }
            ticks = stride(from: low, through: high, by: 1).map { $0 * step + best }
            let inside = ticks.filter { $0 <= vhi && $0 >= vlo }.count
            if inside >= minTicks { break }
        }
        return ticks.map { $0 + offset }
    }

    private static func scaleRange(_ lo: Double, _ hi: Double, _ n: Double) -> (Double, Double) {
        let dv = abs(hi - lo)
        let meanv = (hi + lo) / 2
        var offset = 0.0
        if dv > 0, abs(meanv) / dv >= 100 {
            offset = (meanv < 0 ? -1 : 1) * pow(10, (log10(abs(meanv))).rounded(.down))
        }
        let scale = pow(10, (log10(dv / n)).rounded(.down))
        return (scale, offset)
    }

    /// matplotlib's `_Edge_integer`: floor and ceiling of `x / step` that forgive rounding
    /// error near whole steps (wider tolerance when a large offset was removed).
    private static func closeTo(_ ms: Double, _ edge: Double, step: Double, offset: Double) -> Bool {
        var tol = 1e-10
        if offset != 0 {
            let digits = log10(abs(offset) / step)
            tol = min(0.4999, max(1e-10, pow(10, digits - 12)))
        }
        return abs(ms - edge) < tol
    }
    private static func edgeLE(_ x: Double, step: Double, offset: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return closeTo(m / step, 1, step: step, offset: offset) ? d + 1 : d
    }
    private static func edgeGE(_ x: Double, step: Double, offset: Double) -> Double {
        let d = (x / step).rounded(.down), m = x - d * step
        return closeTo(m / step, 0, step: step, offset: offset) ? d : d + 1
    }

    /// Decade ticks (and, with `subs`, the multiples within decades) for a log axis.
    public static func logarithmic(_ vmin: Double, _ vmax: Double, subs: [Double] = [1], maxTicks: Int = 9) -> [Double] {
        guard vmin > 0, vmax > 0, vmin.isFinite, vmax.isFinite else { return [] }
        let lo = log10(min(vmin, vmax)), hi = log10(max(vmin, vmax))
        let first = lo.rounded(.down) - 1, last = hi.rounded(.up) + 1
        let decades = last - first
        let stride = max(1.0, (decades / Double(maxTicks)).rounded(.up))
        var ticks: [Double] = []
        var e = (first / stride).rounded(.down) * stride
        while e <= last {
            for s in subs { ticks.append(s * pow(10, e)) }
            e += stride
        }
        return ticks
    }

    /// Labels as matplotlib's ScalarFormatter writes them: the fewest decimals that keep the
    /// ticks distinct, U+2212 for minus, and a common power of ten (returned as the offset
    /// text, e.g. "1e6") when the values are very large or small.
    public static func scalarLabels(_ locs: [Double], viewMin: Double, viewMax: Double) -> (labels: [String], offsetText: String) {
        guard !locs.isEmpty else { return ([], "") }
        let lo = min(viewMin, viewMax), hi = max(viewMin, viewMax)
        let visible = locs.filter { $0 >= lo - 1e-10 * abs(hi - lo) && $0 <= hi + 1e-10 * abs(hi - lo) }
        let reference = visible.isEmpty ? locs : visible
        var oom = 0
        let maxAbs = reference.map { abs($0) }.max() ?? 0
        if maxAbs > 0 {
            let o = Int(log10(maxAbs).rounded(.down))
            if o <= -5 || o >= 6 { oom = o }
        }
        let scaled = locs.map { $0 / pow(10, Double(oom)) }
        let ref = reference.map { $0 / pow(10, Double(oom)) }
        var decimals = 0
        if ref.count > 1 {
            let range = (ref.max() ?? 0) - (ref.min() ?? 0)
            if range > 0 {
                let rangeOOM = Int(log10(range).rounded(.down))
                var sigfigs = max(0, 3 - rangeOOM)
                let thresh = 1e-3 * pow(10, Double(rangeOOM))
                while sigfigs >= 0 {
                    let p = pow(10, Double(sigfigs))
                    if (ref.map({ abs($0 - ($0 * p).rounded() / p) }).max() ?? 0) < thresh { sigfigs -= 1 } else { break }
                }
                decimals = sigfigs + 1
            }
        } else if let v = ref.first, v != 0 {
            decimals = max(0, min(6, 3 - Int(log10(abs(v)).rounded(.down))))
            while decimals > 0 && abs(v - (v * pow(10, Double(decimals - 1))).rounded() / pow(10, Double(decimals - 1))) < 1e-9 { decimals -= 1 }
        }
        let labels = scaled.map { formatFixed($0, decimals: decimals) }
        return (labels, oom == 0 ? "" : "1e\(oom)".replacingOccurrences(of: "-", with: "\u{2212}"))
    }

    /// `%1.{decimals}f` with U+2212 for negative numbers and no "-0".
    public static func formatFixed(_ v: Double, decimals: Int) -> String {
        var s = String(format: "%.\(max(0, decimals))f", v)
        if s.hasPrefix("-") {
            if Double(s) == 0 { s.removeFirst() } else { s = "\u{2212}" + s.dropFirst() }
        }
        return s
    }

    /// `$\mathdefault{10^{k}}$`-style labels for decades; empty for other values.
    public static func logLabels(_ locs: [Double]) -> [String] {
        locs.map { v in
            guard v > 0 else { return "" }
            let e = log10(v)
            guard abs(e - e.rounded()) < 1e-9 else { return "" }
            return "$10^{\(Int(e.rounded()))}$"
        }
    }
}
