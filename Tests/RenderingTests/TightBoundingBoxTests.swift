import Testing
@testable import Rendering

/// `render(tight: true)` behaves as matplotlib's `bbox_inches='tight'`: the canvas is cut to
/// the content plus the padding, and grows where content sticks out of the figure.
@Suite struct TightBoundingBox {
    @Test func rotatedTickLabelsBelowTheFigureGrowTheCanvas() throws {
        let fig = try Figure()
        let ax = try fig.subplot(rows: 1, columns: 1, index: 1)
        try ax.bar(xs: (0..<10).map(Double.init), heights: (0..<10).map(Double.init))
        ax.xaxis.fixedTicks = (0..<10).map(Double.init)
        ax.xaxis.fixedLabels = ["T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"]
        ax.xaxis.tickLabelRotation = 45
        let tight = try fig.render(tight: true)
        // matplotlib's Agg gives 534 x 463 for this figure (the labels reach below 480 px).
        #expect(abs(tight.width - 534) <= 3)
        #expect(abs(tight.height - 463) <= 3)
    }

    @Test func boxIsTruncatedToWholePixelsKeepingTheBottomLeftCorner() {
        let box = Figure.tightBox(ink: Rect(x0: 50.5, y0: 20.25, x1: 600.9, y1: 470.75), pad: 10, width: 640, height: 480)
        #expect(box?.width == 570 && box?.height == 470)
        #expect(box?.x0 == 40.5 && box?.y1 == 480.75)
    }

    @Test func farAwayContentIsBoundedToAFigureSizeBeyondEachEdge() {
        let box = Figure.tightBox(ink: Rect(x0: -1e9, y0: 0, x1: 100, y1: 100), pad: 10, width: 640, height: 480)
        #expect(box?.width == 640 + 110)
    }

    @Test func nothingDrawnGivesNoBox() {
        #expect(Figure.tightBox(ink: Rect(x0: 0, y0: 0, x1: 0, y1: 0), pad: 10, width: 640, height: 480) == nil)
    }
}
