import Rendering

/// pyplot's state machine for one session: the open figures, the current one, and the
/// inline backend's behaviour (figures drawn in a cell are shown when it ends, then closed,
/// so nothing leaks into the next cell).
final class PyplotState {
    private(set) var figures: [FigureObject] = []
    private(set) var current: FigureObject?
    private var nextNumber = 1
    /// Defaults that `plt.gray()` and friends change for later images.
    var defaultColormap: Colormap?
    /// The look of new figures' axes (seaborn's `set_theme` changes it, as it changes rcParams).
    var theme = PlotTheme.matplotlib
    /// `plt.rcParams` / `matplotlib.rcParams`: one dict for both, read when figures are made.
    let rcParams: Value = .dict([
        ("figure.figsize", .list([.float(6.4), .float(4.8)])), ("figure.dpi", .float(100)),
        ("font.size", .float(10)), ("lines.linewidth", .float(1.5)), ("axes.grid", .bool(false)),
        ("image.cmap", .string("viridis")), ("savefig.dpi", .string("figure")),
    ])

    static func of(_ interp: Runtime) -> PyplotState {
        let state = interp.state(PyplotState.self) { PyplotState() }
        interp.onCellEnd("pyplot") { interp in try PyplotState.of(interp).showAll(interp) }
        return state
    }

    /// A new figure, made current.
    func newFigure(width: Double = 6.4, height: Double = 4.8, dpi: Double = 100, number: Int? = nil) throws -> FigureObject {
        let n = number ?? nextNumber
        nextNumber = max(nextNumber, n + 1)
        let figure = FigureObject(try rendering { try Figure(width: width, height: height, dpi: dpi, number: n) })
        figure.figure.theme = theme
        figures.append(figure)
        current = figure
        return figure
    }

    /// The figure with pyplot number `n`, if open.
    func figure(number n: Int) -> FigureObject? { figures.first { $0.figure.number == n } }

    func makeCurrent(_ figure: FigureObject) {
        if !figures.contains(where: { $0 === figure }) { figures.append(figure) }
        current = figure
    }

    /// The current figure, made on first use (`plt.gcf()`).
    func gcf() throws -> FigureObject {
        if let current { return current }
        return try newFigure()
    }

    /// The current axes of the current figure, made on first use (`plt.gca()`).
    func gca() throws -> AxesObject {
        try gcf().currentAxes()
    }

    func close(_ figure: FigureObject) {
        figures.removeAll { $0 === figure }
        if current === figure { current = figures.last }
    }

    func closeAll() {
        figures.removeAll()
        current = nil
    }

    /// Shows every open figure inline and closes them (`plt.show()` and the end of a cell).
    func showAll(_ interp: Runtime) throws {
        let open = figures
        closeAll()
        for figure in open {
            interp.display(try figure.displayData())
        }
    }
}
