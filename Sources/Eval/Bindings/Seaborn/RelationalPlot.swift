import Foundation
import Rendering

/// `scatterplot`, `lineplot` and `regplot`.
enum RelationalPlot {
    /// seaborn's default markers for `style` levels.
    static let styleMarkers: [Marker] = [.circle, .xFilled, .diamond, .plusFilled, .square, .triangleUp, .triangleDown, .pentagon]

    static func xy(_ args: BoundArguments, _ interp: Runtime) throws -> (PlotSource, PlotColumn, PlotColumn) {
        let source = PlotSource(data: args.optional("data"))
        guard let x = try source.column(args.optional("x"), role: "x", interp),
              let y = try source.column(args.optional("y"), role: "y", interp) else {
            throw PyError(.notImplementedError, "seaborn: plotting without both x and y (wide-form data) is not supported; pass x= and y=")
        }
        guard x.count == y.count else { throw PyError(.valueError, "All arrays must be of the same length (x has \(x.count), y has \(y.count))") }
        return (source, x, y)
    }

    /// Draws the points; used by scatterplot, relplot and pairplot.
    @discardableResult
    static func scatterPoints(_ ax: Axes, xs: [Double], ys: [Double], groups: SeabornPlots.Groups, sizes: [Double]? = nil,
                              markers: [Marker]? = nil, alpha: Double?, size: Double = 36) throws -> [(Artist, String)] {
        var entries: [(Artist, String)] = []
        let lw = 0.08 * size.squareRoot()
        // One collection per level keeps the draw order of seaborn's single collection close
        // enough (levels drawn in order) while letting the legend show each colour.
        var colors = [Color](repeating: .black, count: xs.count)
        for (g, rows) in groups.rows.enumerated() { for r in rows { colors[r] = groups.colors[g] } }
        let all = groups.rows.flatMap { $0 }.sorted()
        let byMarker = Dictionary(grouping: all) { markers?[$0] ?? .circle }
        for (marker, rows) in byMarker.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let c = try ax.scatter(xs: rows.map { xs[$0] }, ys: rows.map { ys[$0] }, sizes: sizes.map { s in rows.map { s[$0] } } ?? [size],
                                   colors: rows.map { colors[$0] }, marker: marker)
            c.edgeColors = [.white]
            c.lineWidth = lw
            c.alpha = alpha
            c.label = "_nolegend_"
        }
        for (g, level) in groups.levels.enumerated() {
            guard let level else { continue }
            let handle = PathCollection(xs: [], ys: [], faceColors: [groups.colors[g]])
            handle.edgeColors = [.white]; handle.lineWidth = lw; handle.alpha = alpha; handle.sizes = [size]
            entries.append((handle, level))
        }
        return entries
    }

    static func scatter(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: ["s", "color", "marker", "edgecolor", "linewidth", "label"], function: "scatterplot")
        let ax = axObject.axes
        let (source, x, y) = try xy(args, interp)
        let xs = try x.numbers("x"), ys = try y.numbers("y")
        let hue = try source.column(args.optional("hue"), role: "hue", interp)
        if let hue, case .numeric = hue.values {
            throw PyError(.notImplementedError, "seaborn.scatterplot with a numeric hue (a continuous colour scale) is not supported; pass the hue as strings")
        }
        let color = try args.variadicKeywords.first { $0.name == "color" }.map { try PlotValues.color($0.value, interp) }
        let groups = try SeabornPlots.hueGroups(hue, count: xs.count, order: args.optional("hue_order"), palette: args.optional("palette"), color: color, ax: ax, interp)
        let s = try args.variadicKeywords.first { $0.name == "s" }.map { try LineKeywords.positive($0.value, "s") } ?? ax.theme.markerSize * ax.theme.markerSize
        var sizes: [Double]?
        var sizeEntries: [(Artist, String)] = []
        if let sizeColumn = try source.column(args.optional("size"), role: "size", interp) {
            let v = try sizeColumn.numbers("size")
            let range = try args.optional("sizes").map { try PlotValues.flat($0, interp, name: "sizes") } ?? [s / 2, s * 2]
            guard range.count == 2 else { throw PyError(.notImplementedError, "seaborn: sizes must be a (min, max) tuple here") }
            let finite = v.filter { $0.isFinite }
            let lo = finite.min() ?? 0, hi = finite.max() ?? 1
            sizes = v.map { hi > lo ? range[0] + ($0 - lo) / (hi - lo) * (range[1] - range[0]) : (range[0] + range[1]) / 2 }
            _ = sizeEntries
        }
        var markers: [Marker]?
        var styleEntries: [(Artist, String)] = []
        if let styleColumn = try source.column(args.optional("style"), role: "style", interp) {
            let levels = try styleColumn.levels(interp), labels = try styleColumn.labels(interp)
            markers = labels.map { l in l.flatMap { levels.firstIndex(of: $0) }.map { styleMarkers[$0 % styleMarkers.count] } ?? .circle }
            for (i, level) in levels.enumerated() {
                let h = PathCollection(xs: [], ys: [], faceColors: [Color(r: 0.2, g: 0.2, b: 0.2)])
                h.marker = styleMarkers[i % styleMarkers.count]; h.edgeColors = [.white]; h.sizes = [s]
                styleEntries.append((h, level))
            }
        }
        let entries = try scatterPoints(ax, xs: xs, ys: ys, groups: groups, sizes: sizes, markers: markers, alpha: try args.optionalDouble("alpha"), size: s)
        label(ax, x: x, y: y)
        if try legendWanted(args["legend"], interp) {
            var all: [(Artist, String)] = []
            var title: String?
            if hue != nil { all += entries; title = hue?.label }
            if !styleEntries.isEmpty {
                if all.isEmpty { title = try source.column(args.optional("style"), role: "style", interp)?.label } else {
                    all.append((PathCollection(xs: [], ys: [], faceColors: [.clear]), try source.column(args.optional("style"), role: "style", interp)?.label ?? ""))
                }
                all += styleEntries
            }
            SeabornPlots.addLegend(ax, entries: all, title: title)
        }
        return .object(axObject)
    }

    static func legendWanted(_ value: Value, _ interp: Runtime) throws -> Bool {
        if case .string(let s) = value {
            guard ["auto", "brief", "full"].contains(s) else { throw PyError(.valueError, "`legend` must be 'auto', 'brief', 'full', or a boolean.") }
            return true
        }
        return try interp.truthiness(value)
    }

    static func label(_ ax: Axes, x: PlotColumn?, y: PlotColumn?) {
        if let l = x?.label, ax.xaxis.label.isEmpty { ax.xaxis.label = l }
        if let l = y?.label, ax.yaxis.label.isEmpty { ax.yaxis.label = l }
    }

    static func line(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: ["color", "linewidth", "lw", "linestyle", "ls", "marker", "label"], function: "lineplot")
        if args.optional("size") != nil || args.optional("style") != nil {
            throw PyError(.notImplementedError, "seaborn.lineplot(size=..., style=...) is not supported by SwiftML")
        }
        let ax = axObject.axes
        let (source, x, y) = try xy(args, interp)
        let xs = try x.numbers("x"), ys = try y.numbers("y")
        let hue = try source.column(args.optional("hue"), role: "hue", interp)
        let color = try args.variadicKeywords.first { $0.name == "color" }.map { try PlotValues.color($0.value, interp) }
        let groups = try SeabornPlots.hueGroups(hue, count: xs.count, order: args.optional("hue_order"), palette: args.optional("palette"),
                                                color: color ?? (hue == nil ? ax.nextColor() : nil), ax: ax, interp)
        let errorbar = args["errorbar"]
        var entries: [(Artist, String)] = []
        for (g, rows) in groups.rows.enumerated() {
            // Mean of y per distinct x, in x order (seaborn's estimator='mean', sort=True).
            var sums: [Double: (Double, Int, [Double])] = [:]
            for r in rows where xs[r].isFinite && ys[r].isFinite {
                let e = sums[xs[r]] ?? (0, 0, [])
                sums[xs[r]] = (e.0 + ys[r], e.1 + 1, e.2 + [ys[r]])
            }
            let keys = sums.keys.sorted()
            let means = keys.map { sums[$0]!.0 / Double(sums[$0]!.1) }
            if sums.values.contains(where: { $0.1 > 1 }) && !errorbar.isNone {
                guard case .string("sd") = errorbar else {
                    throw PyError(.notImplementedError, "seaborn.lineplot: bootstrap confidence bands (errorbar=('ci', 95)) over repeated x values are not drawn by SwiftML; pass errorbar=None or errorbar='sd'")
                }
                let sds = keys.map { k -> Double in
                    let v = sums[k]!.2, m = v.reduce(0, +) / Double(v.count)
                    return v.count > 1 ? (v.reduce(0) { $0 + ($1 - m) * ($1 - m) } / Double(v.count - 1)).squareRoot() : 0
                }
                let band = try ax.fillBetween(xs: keys, y1: zip(means, sds).map { $0 - $1 }, y2: zip(means, sds).map { $0 + $1 }, color: groups.colors[g])
                band.alpha = 0.2; band.label = "_nolegend_"
            }
            let line = try ax.plot(xs: keys, ys: means, color: groups.colors[g])
            line.lineWidth = ax.theme.lineWidth
            line.alpha = try args.optionalDouble("alpha")
            try LineKeywords.apply(args.variadicKeywords.filter { $0.name != "color" }, to: line, interp)
            if let level = groups.levels[g] { entries.append((line, level)); line.label = "_nolegend_" }
        }
        label(ax, x: x, y: y)
        if hue != nil, try legendWanted(args["legend"], interp) { SeabornPlots.addLegend(ax, entries: entries, title: hue?.label) }
        return .object(axObject)
    }

    static func regression(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: ["scatter_kws", "line_kws", "truncate"], function: "regplot")
        let fitted = try interp.truthiness(args["fit_reg"])
        guard args["ci"].isNone || !fitted else {
            throw PyError(.notImplementedError, "seaborn.regplot: the bootstrap confidence band (ci=95) is not drawn by SwiftML; pass ci=None")
        }
        guard try args.int("order") == 1 else { throw PyError(.notImplementedError, "seaborn.regplot(order>1) is not supported by SwiftML") }
        let ax = axObject.axes
        let (_, x, y) = try xy(args, interp)
        let pairs = zip(try x.numbers("x"), try y.numbers("y")).filter { $0.0.isFinite && $0.1.isFinite }
        let xs = pairs.map(\.0), ys = pairs.map(\.1)
        let color = try args.optional("color").map { try PlotValues.color($0, interp) } ?? ax.nextColor()
        if try interp.truthiness(args["scatter"]) {
            let marker = try LineKeywords.marker(args["marker"]) ?? .circle
            let c = try ax.scatter(xs: xs, ys: ys, sizes: [ax.theme.markerSize * ax.theme.markerSize], colors: [color], marker: marker)
            c.alpha = 0.8
            c.lineWidth = 0.75 * ax.theme.markerSize * 0.08 * 5
            if let l = args.optional("label") { c.label = try interp.str(l) }
        }
        if try interp.truthiness(args["fit_reg"]), xs.count >= 2 {
            let n = Double(xs.count), mx = xs.reduce(0, +) / n, my = ys.reduce(0, +) / n
            var sxx = 0.0, sxy = 0.0
            for (a, b) in zip(xs, ys) { sxx += (a - mx) * (a - mx); sxy += (a - mx) * (b - my) }
            let slope = sxx > 0 ? sxy / sxx : 0, intercept = my - slope * mx
            let lo = xs.min() ?? 0, hi = xs.max() ?? 1
            let grid = (0..<100).map { lo + (hi - lo) * Double($0) / 99 }
            let line = try ax.plot(xs: grid, ys: grid.map { intercept + slope * $0 }, color: color)
            line.lineWidth = ax.theme.lineWidth
        }
        label(ax, x: x, y: y)
        return .object(axObject)
    }
}
