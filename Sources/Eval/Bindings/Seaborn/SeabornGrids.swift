import Foundation
import Rendering

/// The figure-level functions `pairplot` and `relplot`, and the grid objects they return.
enum SeabornGrids {
    static func register(in sns: Module) {
        sns.function("pairplot(data, *, hue=None, hue_order=None, palette=None, vars=None, x_vars=None, y_vars=None, kind='scatter', diag_kind='auto', markers=None, height=2.5, aspect=1, corner=False, dropna=False, plot_kws=None, diag_kws=None, grid_kws=None, size=None)",
                     doc: "Scatter plots of every pair of numeric columns with each column's distribution on the diagonal, coloured by hue; returns a PairGrid.") { args, interp in
            try pairplot(args, interp)
        }
        sns.function("relplot(data=None, *, x=None, y=None, hue=None, size=None, style=None, row=None, col=None, palette=None, hue_order=None, kind='scatter', height=5, aspect=1, legend='auto', **kwargs)",
                     doc: "A scatter or line plot in its own figure with the legend beside it; returns a FacetGrid.") { args, interp in
            try relplot(args, interp)
        }
    }

    /// Puts seaborn's legend beside the subplots: a figure legend at the right centre, the
    /// figure widened by its width, and tight layout fitted to the rest (Grid.add_legend).
    static func legendOutside(_ figure: Figure, entries: [(Artist, String)], title: String?) throws {
        guard !entries.isEmpty else { return }
        var spec = LegendSpec()
        spec.entries = entries
        spec.title = title
        spec.location = .centerRight
        spec.frameOn = false
        spec.fontSize = figure.theme.legendFontSize
        spec.titleFontSize = figure.theme.legendTitleSize
        spec.textColor = figure.theme.textColor
        let width = try rendering { try figure.legendWidthInches(spec) }
        figure.width += width
        figure.legend = spec
        figure.tightLayoutRect.x1 = 1 - (0.01 + width / figure.width)
    }

    static func pairplot(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        for name in ["x_vars", "y_vars", "markers", "plot_kws", "diag_kws", "grid_kws", "size"] where args.optional(name) != nil {
            throw PyError(.notImplementedError, "seaborn.pairplot(\(name)=...) is not supported by SwiftML")
        }
        guard try args.string("kind") == "scatter" else {
            throw PyError(.notImplementedError, "seaborn.pairplot(kind='\(try args.string("kind"))') is not supported by SwiftML (only 'scatter')")
        }
        var diagKind = try args.string("diag_kind")
        guard ["auto", "hist", "kde", "None"].contains(diagKind) || args["diag_kind"].isNone else {
            throw PyError(.valueError, "diag_kind must be 'auto', 'hist', 'kde' or None")
        }
        let data = args["data"]
        let source = PlotSource(data: data)
        let hueName = try args.optionalString("hue")
        let hue = try source.column(args.optional("hue"), role: "hue", interp)
        var vars: [String]
        if let v = args.optional("vars") {
            vars = try interp.collect(v).map { try interp.str($0) }
        } else {
            vars = []
            for name in try source.columnNames(interp) where name != hueName {
                if let c = try source.column(.string(name), role: "vars", interp), case .numeric = c.values { vars.append(name) }
            }
        }
        guard !vars.isEmpty else { throw PyError(.valueError, "No variables found for grid columns.") }
        let columns = try vars.map { name -> [Double] in
            guard let c = try source.column(.string(name), role: "vars", interp) else { return [] }
            return try c.numbers(name)
        }
        let height = try args.double("height"), aspect = try args.double("aspect")
        let n = vars.count
        guard height > 0, aspect > 0, Double(n) * height * aspect <= 100, Double(n) * height <= 100 else {
            throw PyError(.valueError, "the pair grid would be \(Double(n) * height * aspect) x \(Double(n) * height) inches; keep it under 100 inches")
        }
        if diagKind == "auto" { diagKind = hue == nil ? "hist" : "kde" }
        let state = PyplotState.of(interp)
        let figObject = try state.newFigure(width: Double(n) * height * aspect, height: Double(n) * height)
        let figure = figObject.figure
        let grid = try rendering { try figure.sharedGrid(rows: n, columns: n) }
        let corner = try interp.truthiness(args["corner"])
        let count = columns[0].count
        let groups = try SeabornPlots.hueGroups(hue, count: count, order: args.optional("hue_order"), palette: args.optional("palette"),
                                                color: nil, ax: grid[0][0], interp)
        var entries: [(Artist, String)] = []
        var diagonal: [Axes] = []
        for r in 0..<n {
            for c in 0..<n {
                let ax = grid[r][c]
                ax.spines["top"] = false; ax.spines["right"] = false
                if r == n - 1 { ax.xaxis.label = vars[c] }
                if c == 0 { ax.yaxis.label = vars[r] }
                if corner && c > r { continue }
                if r == c {
                    let diag = figure.twinx(ax)
                    diag.axisOn = false
                    diagonal.append(diag)
                    if corner { ax.yaxis.visible = false; ax.spines["left"] = false }
                    try drawDiagonal(diag, values: columns[c], groups: groups, kind: diagKind, hasHue: hue != nil)
                } else {
                    let e = try RelationalPlot.scatterPoints(ax, xs: columns[c], ys: columns[r], groups: groups, alpha: nil,
                                                            size: ax.theme.markerSize * ax.theme.markerSize)
                    if entries.isEmpty { entries = e }
                }
            }
        }
        if corner {
            for r in 0..<n { for c in (r + 1)..<n where c < n { figure.remove(grid[r][c]) } }
        }
        // PairGrid's tight layout: half a font size of padding inside a 1% margin.
        figure.tightLayoutPad = 0.5
        figure.tightLayoutRect = Rect(x0: 0.01, y0: 0.01, x1: 0.99, y1: 0.99)
        figure.usesTightLayout = true
        if hue != nil {
            try legendOutside(figure, entries: entries, title: hue?.label ?? hueName)
        }
        let axesGrid = grid.enumerated().map { r, row in row.enumerated().map { c, ax in corner && c > r ? nil : figObject.wrap(ax) } }
        return .object(PairGridObject(figure: figObject, axes: axesGrid, diagonal: diagonal.map { figObject.wrap($0) }, kind: "PairGrid"))
    }

    static func drawDiagonal(_ ax: Axes, values: [Double], groups: SeabornPlots.Groups, kind: String, hasHue: Bool) throws {
        switch kind {
        case "hist":
            let edges = HistogramBins.autoEdges(values)
            for (g, rows) in groups.rows.enumerated() {
                let v = rows.map { values[$0] }
                var counts = [Double](repeating: 0, count: edges.count - 1)
                for x in v where x.isFinite && x >= edges[0] && x <= edges[edges.count - 1] {
                    var lo = 0, hi = edges.count - 1
                    while hi - lo > 1 { let mid = (lo + hi) / 2; if x >= edges[mid] { lo = mid } else { hi = mid } }
                    counts[lo] += 1
                }
                let bars = try ax.bar(xs: Array(edges.dropLast()), heights: counts, widths: zip(edges.dropFirst(), edges).map { $0 - $1 },
                                      color: [groups.colors[g]], alignEdge: true)
                for b in bars { b.alpha = hasHue ? 0.5 : 0.75; b.label = "_nolegend_" }
            }
        case "kde":
            let total = Double(values.filter { $0.isFinite }.count)
            for (g, rows) in groups.rows.enumerated() {
                guard let estimate = KernelDensity(rows.map { values[$0] }) else { continue }
                let grid = estimate.support()
                let weight = Double(estimate.samples.count) / max(total, 1)
                try DistributionPlot.curve(ax, grid: grid, density: estimate.density(at: grid).map { $0 * weight },
                                           color: groups.colors[g], fill: true, alpha: nil, lineWidth: nil)
            }
        default:
            break
        }
    }

    static func relplot(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        for name in ["row", "col"] where args.optional(name) != nil {
            throw PyError(.notImplementedError, "seaborn.relplot(\(name)=...) (faceting) is not supported by SwiftML")
        }
        let kind = try args.string("kind")
        guard kind == "scatter" || kind == "line" else { throw PyError(.valueError, "Plot kind \(kind) not recognized") }
        let height = try args.double("height"), aspect = try args.double("aspect")
        guard height > 0, aspect > 0, height * aspect <= 100, height <= 100 else { throw PyError(.valueError, "height and aspect must be positive and give under 100 inches") }
        let state = PyplotState.of(interp)
        let figObject = try state.newFigure(width: height * aspect, height: height)
        let figure = figObject.figure
        let ax = try rendering { try figure.subplot(rows: 1, columns: 1, index: 1) }
        ax.spines["top"] = false; ax.spines["right"] = false
        let axObject = figObject.wrap(ax)
        var keywords: [(String, Value)] = [("ax", .object(axObject))]
        for name in ["data", "x", "y", "hue", "size", "style", "palette", "hue_order", "legend"] where args.isGiven(name) {
            keywords.append((name, args[name]))
        }
        keywords += args.variadicKeywords.map { ($0.name, $0.value) }
        let sns = try interp.importModule("seaborn")
        guard let function = sns[kind == "scatter" ? "scatterplot" : "lineplot"] else { throw PyError(.runtimeError, "seaborn is incomplete") }
        _ = try interp.call(function, Arguments([], keywords: keywords))
        // seaborn moves the axes legend out beside the plot.
        if let legend = ax.legend, let entries = legend.entries {
            ax.legend = nil
            try legendOutside(figure, entries: entries, title: legend.title)
        }
        // FacetGrid keeps matplotlib's tight-layout padding (1.08 font sizes).
        figure.usesTightLayout = true
        return .object(PairGridObject(figure: figObject, axes: [[axObject]], diagonal: [], kind: "FacetGrid"))
    }
}
