import Foundation
import Testing
@testable import Rendering

/// seaborn's themes and palettes, and the statistics its plots draw.
@Suite struct SeabornThemes {
    @Test func darkgridHasLavenderAxesWhiteGridAndNoTickMarks() throws {
        let fig = try Figure()
        fig.theme = .seaborn(style: .darkgrid)
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        #expect(ax.faceColor == Color(r: 0xEA / 255.0, g: 0xEA / 255.0, b: 0xF2 / 255.0))
        #expect(ax.xaxis.gridVisible && ax.yaxis.gridVisible && ax.gridBelow)
        #expect(!ax.xaxis.tickMarksVisible && ax.xaxis.tickLabelSize == 11)
        let im = try fig.render()
        // The axes background fills the subplot box (0.125..0.9 x 0.11..0.88 of 640 x 480).
        #expect(im[300, 200] == RGBA8(r: 0xEA, g: 0xEA, b: 0xF2))
    }

    @Test func ticksStyleDrawsDarkTickMarksAndFontScaleScalesText() {
        let t = PlotTheme.seaborn(style: .ticks, fontScale: 1.5)
        #expect(t.xTickMarks && t.yTickMarks && !t.grid)
        #expect(t.labelSize == 18 && t.tickLabelSize == 16.5)
        #expect(t.edgeColor == Color(r: 0.15, g: 0.15, b: 0.15))
    }

    @Test func deepPaletteIsSeabornsAndBecomesTheCycle() throws {
        let deep = try Palettes.palette(named: "deep", count: nil)
        #expect(deep.count == 10)
        #expect(deep[0] == ColorSpec.hexColor("4c72b0"))
        let fig = try Figure()
        fig.theme = .seaborn()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        #expect(ax.nextColor() == deep[0] && ax.nextColor() == deep[1])
    }

    @Test func hlsPaletteMatchesColorsys() {
        // colorsys.hls_to_rgb(0.01, 0.6, 0.65) = (0.86, 0.3712, 0.34)
        let c = Palettes.hls(3)[0]
        #expect(abs(c.r - 0.86) < 1e-9 && abs(c.g - 0.3712) < 1e-9 && abs(c.b - 0.34) < 1e-9)
    }

    @Test func kernelDensityUsesScottsBandwidthAndIntegratesToOne() throws {
        let data: [Double] = [1, 2, 2.5, 3, 7]
        let kde = try #require(KernelDensity(data))
        // std (ddof 1) = 2.3022 and n^(-1/5) = 0.72478: scipy's gaussian_kde bandwidth.
        #expect(abs(kde.bandwidth - 2.302172886644267 * pow(5, -0.2)) < 1e-12)
        let grid = kde.support(count: 2000, cut: 6)
        let density = kde.density(at: grid)
        let step = grid[1] - grid[0]
        #expect(abs(density.reduce(0, +) * step - 1) < 1e-3)
        #expect(KernelDensity([3, 3, 3]) == nil)
    }

    @Test func autoBinsFollowNumPy() {
        // numpy.histogram_bin_edges(np.arange(100.), 'auto') has 10 bins (Sturges: 100 / 7.64 wide... FD narrower: 2 * 49.5 / 100^(1/3) = 21.3; Sturges 99 / 7.64 = 12.96 wins).
        let edges = HistogramBins.autoEdges((0..<100).map(Double.init))
        #expect(edges.count == 9)
        #expect(edges.first == 0 && edges.last == 99)
    }
}
