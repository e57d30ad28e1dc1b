import Testing
@testable import Rendering

/// Reference tables from matplotlib 3.9 (MaxNLocator with AutoLocator's steps and
/// ScalarFormatter), computed once and written down here.
@Suite struct TickLocationTables {
    struct Case: Sendable {
        var lo: Double, hi: Double, bins: Int
        var ticks: [Double]
        var labels: [String]
    }

    static let cases: [Case] = [
        Case(lo: 0, hi: 1, bins: 9, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1.0], labels: ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        Case(lo: -0.05, hi: 1.05, bins: 9, ticks: [-0.2, 0, 0.2, 0.4, 0.6, 0.8, 1.0, 1.2],
             labels: ["\u{2212}0.2", "0.0", "0.2", "0.4", "0.6", "0.8", "1.0", "1.2"]),
        Case(lo: 0, hi: 10, bins: 9, ticks: [0, 2, 4, 6, 8, 10], labels: ["0", "2", "4", "6", "8", "10"]),
        Case(lo: -3.14, hi: 3.14, bins: 9, ticks: [-4, -3, -2, -1, 0, 1, 2, 3, 4],
             labels: ["\u{2212}4", "\u{2212}3", "\u{2212}2", "\u{2212}1", "0", "1", "2", "3", "4"]),
        Case(lo: 0.0012, hi: 0.0047, bins: 5, ticks: [0.001, 0.002, 0.003, 0.004, 0.005],
             labels: ["0.001", "0.002", "0.003", "0.004", "0.005"]),
        Case(lo: -1.1, hi: 1.1, bins: 7, ticks: [-1.5, -1, -0.5, 0, 0.5, 1, 1.5],
             labels: ["\u{2212}1.5", "\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0", "1.5"]),
        Case(lo: 95, hi: 105, bins: 9, ticks: [94, 96, 98, 100, 102, 104, 106], labels: ["94", "96", "98", "100", "102", "104", "106"]),
        Case(lo: 0, hi: 100, bins: 4, ticks: [0, 25, 50, 75, 100], labels: ["0", "25", "50", "75", "100"]),
        Case(lo: -0.45, hi: 9.45, bins: 9, ticks: [-2, 0, 2, 4, 6, 8, 10], labels: ["\u{2212}2", "0", "2", "4", "6", "8", "10"]),
    ]

    @Test(arguments: cases)
    func locationsMatchMatplotlib(_ c: Case) {
        let ticks = Ticks.linear(c.lo, c.hi, maxBins: c.bins)
        #expect(ticks.count == c.ticks.count)
        for (a, b) in zip(ticks, c.ticks) { #expect(abs(a - b) < 1e-9 * max(1, abs(b))) }
    }

    @Test(arguments: cases)
    func labelsMatchMatplotlib(_ c: Case) {
        let (labels, offset) = Ticks.scalarLabels(Ticks.linear(c.lo, c.hi, maxBins: c.bins), viewMin: c.lo, viewMax: c.hi)
        #expect(labels == c.labels)
        #expect(offset == "")
    }

    @Test func largeValuesGetAPowerOfTenOffset() {
        let ticks = Ticks.linear(1e6, 5e6, maxBins: 9)
        #expect(ticks == [1e6, 1.5e6, 2e6, 2.5e6, 3e6, 3.5e6, 4e6, 4.5e6, 5e6])
        let (labels, offset) = Ticks.scalarLabels(ticks, viewMin: 1e6, viewMax: 5e6)
        #expect(labels == ["1.0", "1.5", "2.0", "2.5", "3.0", "3.5", "4.0", "4.5", "5.0"])
        #expect(offset == "1e6")
    }

    @Test func logAxesTickEveryDecadeWithMinorTicksBetween() {
        #expect(Ticks.logarithmic(1, 1000).filter { $0 >= 1 && $0 <= 1000 } == [1, 10, 100, 1000])
        let minors = Ticks.logarithmic(1, 100, subs: [2, 3, 4, 5, 6, 7, 8, 9], maxTicks: 100).filter { $0 > 1 && $0 < 100 }
        #expect(minors.count == 16)
        #expect(Ticks.logLabels([0.01, 1, 1000, 5]) == ["$10^{-2}$", "$10^{0}$", "$10^{3}$", ""])
    }

    @Test func negativeZeroIsWrittenAsZero() {
        #expect(Ticks.formatFixed(-0.0001, decimals: 2) == "0.00")
        #expect(Ticks.formatFixed(-2.5, decimals: 1) == "\u{2212}2.5")
    }
}
