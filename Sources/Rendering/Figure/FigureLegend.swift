/// A legend placed against the whole figure (`fig.legend(...)`), as seaborn's grids draw
/// theirs beside the subplots. Its entries are explicit; `loc` is taken in the figure box.
extension FigureRenderer {
    /// A view whose box is the whole figure, for placing a figure legend.
    func figureView() -> AxesView {
        AxesView(axes: Axes(subplotSpec: nil, rect: nil), box: Rect(x0: 0, y0: 0, x1: width, y1: height), xlim: (0, 1), ylim: (0, 1), k: k)
    }

    mutating func drawFigureLegend(_ spec: LegendSpec) -> Rect {
        var legend = LegendPainter(view: figureView(), spec: spec, canvas: .placeholder)
        swap(&legend.canvas, &canvas)
        defer { swap(&legend.canvas, &canvas) }
        return legend.draw()
    }
}

extension Figure {
    /// The width in inches `spec` takes as a figure legend (seaborn widens a grid's figure
    /// by it to make room beside the subplots).
    public func legendWidthInches(_ spec: LegendSpec) throws -> Double {
        let renderer = FigureRenderer(figure: self, canvas: .measuring(width: pixelSize.width, height: pixelSize.height))
        let painter = LegendPainter(view: renderer.figureView(), spec: spec, canvas: .placeholder)
        return painter.size().width / dpi
    }
}
