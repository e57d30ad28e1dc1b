import Testing
@testable import Rendering

private func pixelCount(_ im: RGBAImage, in r: (Int, Int, Int, Int)? = nil, where test: (RGBA8) -> Bool) -> Int {
    var n = 0
    let (x0, y0, x1, y1) = r ?? (0, 0, im.width, im.height)
    for y in y0..<y1 { for x in x0..<x1 where test(im[x, y]) { n += 1 } }
    return n
}

private func isWhite(_ p: RGBA8) -> Bool { p.r == 255 && p.g == 255 && p.b == 255 }

@Suite struct FigureDefaults {
    @Test func defaultFigureIs640By480WithMatplotlibsAxesBox() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        try ax.plot(xs: [0, 1], ys: [0, 1])
        let im = try fig.render()
        #expect(im.width == 640 && im.height == 480)
        // The left spine sits at 0.125 * 640 = 80 px, the bottom one at (1 - 0.11) * 480 = 427.2 px.
        #expect(im[80, 200] == RGBA8(r: 0, g: 0, b: 0))
        #expect(isWhite(im[76, 200]) && isWhite(im[84, 200]))
        #expect(im[300, 427] == RGBA8(r: 0, g: 0, b: 0))
    }

    @Test func linesUseTheTab10CycleInOrder() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        let a = try ax.plot(xs: [0, 1], ys: [0, 1])
        let b = try ax.plot(xs: [0, 1], ys: [1, 0])
        #expect(a.color == ColorSpec.cycle[0] && b.color == ColorSpec.cycle[1])
        #expect(hex(a.color) == "1f77b4" && hex(b.color) == "ff7f0e")
    }

    private func hex(_ c: Color) -> String {
        [c.r, c.g, c.b].map { String(format: "%02x", Int(($0 * 255).rounded())) }.joined()
    }

    @Test func denseLinesAreDrawnWholeWhenEverySegmentIsBelowAQuarterPixel() throws {
        // 4,000 points over ~500 px (a loss curve over 4,000 epochs): the skipped points
        // must not break the line into single points that are never drawn.
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        let n = 4000
        try ax.plot(xs: (0..<n).map(Double.init), ys: (0..<n).map { 0.1 + 0.8 * Double($0) / Double(n - 1) })
        let im = try fig.render()
        let blue = pixelCount(im) { Int($0.b) > Int($0.r) + 40 }
        #expect(blue > 400, "only \(blue) pixels of the line were drawn")
    }

    @Test func autoscaleAddsFivePercentMarginsButBarsStartAtZero() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        try ax.plot(xs: [0, 10], ys: [2, 4])
        let (x0, x1) = ax.viewLimits(x: true)
        #expect(abs(x0 + 0.5) < 1e-12 && abs(x1 - 10.5) < 1e-12)
        let ax2 = try fig.subplot(rows: 1, columns: 2, index: 2)
        try ax2.bar(xs: [0, 1, 2], heights: [3, 5, 2])
        let (y0, y1) = ax2.viewLimits(x: false)
        #expect(y0 == 0 && abs(y1 - 5.25) < 1e-12)
    }

    @Test func aSinglePointGetsAWidenedInterval() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        try ax.plot(xs: [2], ys: [0])
        #expect(ax.viewLimits(x: true) == (1.9, 2.1))
        #expect(ax.viewLimits(x: false) == (-0.05, 0.05))
    }

    @Test func imshowMapsValuesThroughViridisWithEqualAspectAndNoMargins() throws {
        let fig = try Figure(width: 4, height: 4, dpi: 100)
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        ax.imshow(.scalars(width: 2, height: 1, values: [0, 1]))
        #expect(ax.viewLimits(x: true) == (-0.5, 1.5))
        #expect(ax.viewLimits(x: false) == (0.5, -0.5))
        let im = try fig.render()
        // Left half the darkest viridis colour, right half the brightest, at the box centre row.
        let mid = im.height / 2
        var dark = 0, bright = 0
        for x in 0..<im.width {
            let p = im[x, mid]
            if p == RGBA8(r: 0x44, g: 0x01, b: 0x54) { dark += 1 }
            if p == RGBA8(r: 0xfd, g: 0xe7, b: 0x25) { bright += 1 }
        }
        #expect(dark > 100 && abs(dark - bright) <= 2)
    }

    @Test func axisOffHidesSpinesTicksAndLabels() throws {
        let fig = try Figure(width: 2, height: 2, dpi: 100)
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        ax.axisOn = false
        try ax.plot(xs: [0, 1], ys: [0.5, 0.5], color: Color(r: 1, g: 0, b: 0))
        let im = try fig.render()
        let red = pixelCount(im) { $0.r > 200 && $0.g < 120 && $0.b < 120 }
        #expect(red > 100)
        // No spines, ticks or labels: nothing dark anywhere.
        #expect(pixelCount(im) { $0.r < 150 } == 0)
    }

    @Test func tightBoundingBoxCropsTheMarginsButKeepsTheLabels() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        try ax.plot(xs: [0, 1], ys: [0, 1])
        ax.titles[.center] = "Title"
        let full = try fig.render(), tight = try fig.render(tight: true)
        #expect(tight.width < full.width && tight.height < full.height)
        #expect(tight.width > 500 && tight.height > 380)
        // Padding of 0.1 inch: the outer 10 px are background.
        #expect(pixelCount(tight, in: (0, 0, 8, tight.height)) { !isWhite($0) } == 0)
    }

    @Test func tightLayoutKeepsEveryDecorationInsideTheFigure() throws {
        let fig = try Figure(width: 4, height: 3, dpi: 100)
        let grid = try fig.subplots(rows: 2, columns: 2)
        for row in grid {
            for ax in row {
                try ax.plot(xs: [0, 1000000], ys: [0, 1])
                ax.titles[.center] = "A rather long title"
                ax.xaxis.label = "x label"
                ax.yaxis.label = "y label"
            }
        }
        fig.usesTightLayout = true
        var renderer = try FigureRenderer(figure: fig)
        let ink = renderer.draw()
        #expect(ink.x0 >= 0 && ink.y0 >= 0 && ink.x1 <= 400 && ink.y1 <= 300)
    }

    @Test func legendBestLocationAvoidsTheData() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        // Data fills the upper right; the legend should go elsewhere.
        let xs = (0..<50).map { Double($0) / 49 }
        let l = try ax.plot(xs: xs, ys: xs.map { $0 * $0 })
        l.label = "squares"
        ax.legend = LegendSpec()
        var renderer = try FigureRenderer(figure: fig)
        let views = renderer.views(fig.subplotParameters)
        let painter = LegendPainter(view: views[0], spec: LegendSpec(), canvas: .placeholder)
        let box = painter.place(width: 100, height: 30, pad: 7)
        let view = views[0]
        let covered = xs.filter { box.contains(view.point($0, $0 * $0)) }.count
        #expect(covered == 0)
        #expect(box.x0 < view.box.x0 + 20)   // upper left is the first free spot
        _ = renderer.draw()
    }

    @Test func badFigureSizesThrow() {
        #expect(throws: RenderingError.self) { try Figure(width: 0, height: 4) }
        #expect(throws: RenderingError.self) { try Figure(width: 400, height: 4, dpi: 100) }
        #expect(throws: RenderingError.self) { try Figure().subplot(rows: 2, columns: 2, index: 5) }
    }

    @Test func mismatchedPlotDataThrows() throws {
        let ax = try Figure().subplot(rows: 1, columns: 1, index: 1)
        #expect(throws: RenderingError.self) { try ax.plot(xs: [1, 2], ys: [1]) }
        #expect(throws: RenderingError.self) { try ax.hist([1, 2, 3], bins: .count(0)) }
        #expect(throws: RenderingError.self) { try ax.hist([1, 2, 3], bins: .edges([3, 1])) }
    }

    @Test func histogramCountsMatchNumPysHalfOpenBins() throws {
        let ax = try Figure().subplot(rows: 1, columns: 1, index: 1)
        let (counts, edges, patches) = try ax.hist([0, 1, 1, 2, 3, 3, 3, 4], bins: .count(4))
        #expect(edges == [0, 1, 2, 3, 4])
        #expect(counts == [1, 2, 1, 4])
        #expect(patches.count == 4)
        let dens = try ax.hist([0, 1, 1, 2], bins: .count(2), density: true).counts
        #expect(abs(dens.reduce(0, +) * 1.0 - 1.0) < 1e-12)
    }
}

@Suite struct ColoursAndFormats {
    @Test func colourStringsParseAsMatplotlibDoes() throws {
        #expect(try ColorSpec.parse("r") == Color(r: 1, g: 0, b: 0))
        #expect(try ColorSpec.parse("C1") == ColorSpec.cycle[1])
        #expect(try ColorSpec.parse("tab:blue") == ColorSpec.cycle[0])
        #expect(try ColorSpec.parse("#ff000080") == Color(r: 1, g: 0, b: 0, a: 128.0 / 255))
        #expect(try ColorSpec.parse("#0f0") == Color(r: 0, g: 1, b: 0))
        #expect(try ColorSpec.parse("0.5") == Color(r: 0.5, g: 0.5, b: 0.5))
        #expect(try ColorSpec.parse("darkgrey") == ColorSpec.parse("darkgray"))
        #expect(throws: RenderingError.self) { try ColorSpec.parse("notacolour") }
        #expect(throws: RenderingError.self) { try ColorSpec.fromComponents([2, 0, 0]) }
    }

    @Test func formatStringsSplitIntoColourMarkerAndLineStyle() throws {
        let a = try FormatString("r--")
        #expect(a.color == Color(r: 1, g: 0, b: 0) && a.lineStyle == .dashed && a.marker == nil)
        let b = try FormatString("bo")
        #expect(b.marker == .circle && b.lineStyle == LineStyle.none)
        let c = try FormatString("k:")
        #expect(c.lineStyle == .dotted && c.color == .black)
        let d = try FormatString("g^-")
        #expect(d.marker == .triangleUp && d.lineStyle == .solid)
        #expect(throws: RenderingError.self) { try FormatString("rq") }
    }

    @Test func colormapsMatchMatplotlibsEndsAndReverse() throws {
        let v = try Colormap(named: "viridis")
        #expect(v.color(at: 0) == ColorSpec.hexColor("440154"))
        #expect(v.color(at: 1) == ColorSpec.hexColor("fde725"))
        let g = try Colormap(named: "gray_r")
        #expect(g.color(at: 0) == .white && g.color(at: 1) == .black)
        #expect(throws: RenderingError.self) { try Colormap(named: "nonesuch") }
        #expect(try Colormap(named: "tab10").color(index: 1) == ColorSpec.cycle[1])
    }

    @Test func textBoxesGrowWithSizeAndTurnWithRotation() {
        let k = 100.0 / 72
        let small = TextBlock("Accuracy", style: TextStyle(size: 10), pixelsPerPoint: k)
        let big = TextBlock("Accuracy", style: TextStyle(size: 20), pixelsPerPoint: k)
        #expect(abs(big.size.width - 2 * small.size.width) < 1e-9)
        let flat = small.bounds(at: Point(100, 100))
        let turned = small.bounds(at: Point(100, 100), rotation: 90, ha: .center, va: .center)
        #expect(abs(turned.width - flat.height) < 1e-6 && abs(turned.height - flat.width) < 1e-6)
        // matplotlib measures "Accuracy" at 10 pt, 100 dpi as 65.75 x 13.9 px (DejaVu Sans).
        #expect(abs(small.size.width - 65.75) < 3)  // matplotlib hints advances; we do not
        #expect(abs(small.size.height - 13.9) < 1)
    }

    @Test func mathtextRaisesSuperscriptsAndShrinksThem() {
        let plain = TextLayout("x2")
        let math = TextLayout("$x^2$")
        #expect(math.width < plain.width)
        let two = math.placements.last!
        #expect(two.y > 0.3 && two.scale < 1)
        #expect(math.placements.first!.italic)
    }
}
