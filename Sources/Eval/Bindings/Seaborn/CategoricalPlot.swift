import Foundation
import Rendering

/// `countplot`, `barplot` and `boxplot`: one slot per category along x (vertical bars and
/// boxes), hue levels dodged inside the slot, colours at seaborn's 0.75 saturation.
enum CategoricalPlot {
    struct Layout {
        var categories: [String]
        var rowsOf: [[Int]]          // per category
        var groups: SeabornPlots.Groups
        var source: PlotSource
        var x: PlotColumn
        var hue: PlotColumn?
    }

    static func layout(_ args: BoundArguments, _ interp: Runtime, column: String, function: String, ax: Axes) throws -> Layout {
        let source = PlotSource(data: args.optional("data"))
        guard let x = try source.column(args.optional(column), role: column, interp) else {
            throw PyError(.notImplementedError, "seaborn.\(function) needs x= here (wide-form data and horizontal orientation are not supported by SwiftML)")
        }
        var categories = try x.levels(interp)
        if let order = args.optional("order") { categories = try interp.collect(order).map { try interp.str($0) } }
        let labels = try x.labels(interp)
        var index: [String: Int] = [:]
        for (i, c) in categories.enumerated() { index[c] = i }
        var rowsOf = [[Int]](repeating: [], count: categories.count)
        for (i, l) in labels.enumerated() { if let l, let c = index[l] { rowsOf[c].append(i) } }
        let hue = try source.column(args.optional("hue"), role: "hue", interp)
        let color = try args.optional("color").map { try PlotValues.color($0, interp) }
        let groups = try SeabornPlots.hueGroups(hue, count: x.count, order: args.optional("hue_order"), palette: args.optional("palette"), color: color, ax: ax, interp)
        return Layout(categories: categories, rowsOf: rowsOf, groups: groups, source: source, x: x, hue: hue)
    }

    /// Python's colorsys round trip that seaborn's `desaturate` does.
    static func desaturate(_ c: Color, _ amount: Double) -> Color {
        let mx = max(c.r, c.g, c.b), mn = min(c.r, c.g, c.b)
        let l = (mx + mn) / 2
        guard mx != mn else { return c }
        let d = mx - mn
        let s = l <= 0.5 ? d / (mx + mn) : d / (2 - mx - mn)
        var h: Double
        if mx == c.r { h = (c.g - c.b) / d } else if mx == c.g { h = 2 + (c.b - c.r) / d } else { h = 4 + (c.r - c.g) / d }
        h = (h / 6).truncatingRemainder(dividingBy: 1); if h < 0 { h += 1 }
        return Palettes.hlsColor(h, l, s * amount)
    }

    /// Slot offsets and width for hue level `g` of `n` (seaborn's dodge).
    static func dodge(_ g: Int, of n: Int, width: Double) -> (offset: Double, width: Double) {
        guard n > 1 else { return (0, width) }
        let w = width / Double(n)
        return (-width / 2 + w * (Double(g) + 0.5), w)
    }

    static func finish(_ ax: Axes, _ l: Layout, valueLabel: String?, entries: [(Artist, String)], interp: Runtime) {
        ax.xaxis.fixedTicks = l.categories.indices.map(Double.init)
        ax.xaxis.fixedLabels = l.categories
        ax.xaxis.gridVisible = false
        ax.xaxis.lowerLimit = -0.5; ax.xaxis.upperLimit = Double(l.categories.count) - 0.5
        if ax.xaxis.label.isEmpty, let name = l.x.label { ax.xaxis.label = name }
        if ax.yaxis.label.isEmpty, let valueLabel { ax.yaxis.label = valueLabel }
        if l.hue != nil { SeabornPlots.addLegend(ax, entries: entries, title: l.hue?.label) }
    }

    static func bars(_ ax: Axes, _ l: Layout, heights: (Int, [Int]) throws -> Double?, saturation: Double, width: Double) throws -> [(Artist, String)] {
        var entries: [(Artist, String)] = []
        let n = l.groups.levels.count
        for (g, groupRows) in l.groups.rows.enumerated() {
            let members = Set(groupRows)
            let (offset, w) = dodge(g, of: n, width: width)
            let color = desaturate(l.groups.colors[g], saturation)
            var first: Artist?
            for (c, rows) in l.rowsOf.enumerated() {
                guard let h = try heights(c, rows.filter { members.contains($0) }) else { continue }
                let bar = try ax.bar(xs: [Double(c) + offset], heights: [h], widths: [w], color: [color])
                bar.forEach { $0.label = "_nolegend_" }
                first = first ?? bar.first
            }
            if let first, let level = l.groups.levels[g] { entries.append((first, level)) }
        }
        return entries
    }

    static func count(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: [], function: "countplot")
        let ax = axObject.axes
        let l = try layout(args, interp, column: "x", function: "countplot", ax: ax)
        let entries = try bars(ax, l, heights: { _, rows in Double(rows.count) }, saturation: try args.double("saturation"), width: try args.double("width"))
        finish(ax, l, valueLabel: "count", entries: entries, interp: interp)
        return .object(axObject)
    }

    static func bar(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: [], function: "barplot")
        guard case .string("mean") = args["estimator"] else {
            throw PyError(.notImplementedError, "seaborn.barplot(estimator=...) other than 'mean' is not supported by SwiftML")
        }
        let ax = axObject.axes
        let l = try layout(args, interp, column: "x", function: "barplot", ax: ax)
        guard let y = try l.source.column(args.optional("y"), role: "y", interp) else {
            throw PyError(.notImplementedError, "seaborn.barplot needs y= here")
        }
        let ys = try y.numbers("y")
        let errorbar = args["errorbar"]
        var errors: [(Double, Double, Double)] = []
        let entries = try bars(ax, l, heights: { c, rows in
            let v = rows.map { ys[$0] }.filter { $0.isFinite }
            guard !v.isEmpty else { return nil }
            let mean = v.reduce(0, +) / Double(v.count)
            if v.count > 1 && !errorbar.isNone {
                guard case .string("sd") = errorbar else {
                    throw PyError(.notImplementedError, "seaborn.barplot: bootstrap confidence intervals (errorbar=('ci', 95)) are not drawn by SwiftML; pass errorbar=None or errorbar='sd'")
                }
                let sd = (v.reduce(0) { $0 + ($1 - mean) * ($1 - mean) } / Double(v.count - 1)).squareRoot()
                errors.append((Double(c), mean - sd, mean + sd))
            }
            return mean
        }, saturation: try args.double("saturation"), width: try args.double("width"))
        if l.groups.levels.count > 1 && !errors.isEmpty {
            throw PyError(.notImplementedError, "seaborn.barplot(hue=..., errorbar='sd') is not supported by SwiftML; pass errorbar=None")
        }
        for (x, lo, hi) in errors {
            let line = try ax.plot(xs: [x, x], ys: [lo, hi], color: Color(r: 0.26, g: 0.26, b: 0.26))
            line.lineWidth = ax.theme.lineWidth * 1.8; line.label = "_nolegend_"
        }
        finish(ax, l, valueLabel: y.label, entries: entries, interp: interp)
        return .object(axObject)
    }

    static func box(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: [], function: "boxplot")
        let ax = axObject.axes
        let l = try layout(args, interp, column: "x", function: "boxplot", ax: ax)
        guard let y = try l.source.column(args.optional("y"), role: "y", interp) else {
            throw PyError(.notImplementedError, "seaborn.boxplot needs x= and y= here")
        }
        let ys = try y.numbers("y")
        let whis = try args.double("whis"), width = try args.double("width"), saturation = try args.double("saturation")
        var entries: [(Artist, String)] = []
        let n = l.groups.levels.count
        for (g, groupRows) in l.groups.rows.enumerated() {
            let members = Set(groupRows)
            let (offset, w0) = dodge(g, of: n, width: width)
            let w = n > 1 ? w0 * 0.98 : w0
            let face = desaturate(l.groups.colors[g], saturation)
            let (hh, ll, ss) = Palettes.toHLS(face)
            _ = (hh, ss)
            let lineColor = Color(r: ll * 0.6, g: ll * 0.6, b: ll * 0.6)
            var first: Artist?
            for (c, rows) in l.rowsOf.enumerated() {
                let v = rows.filter { members.contains($0) }.map { ys[$0] }.filter { $0.isFinite }.sorted()
                guard !v.isEmpty else { continue }
                let q1 = HistogramBins.percentile(v, 25), med = HistogramBins.percentile(v, 50), q3 = HistogramBins.percentile(v, 75)
                let iqr = q3 - q1
                let lowWhisker = v.first { $0 >= q1 - whis * iqr } ?? q1, highWhisker = v.last { $0 <= q3 + whis * iqr } ?? q3
                let x = Double(c) + offset
                let rect = Rectangle(x: x - w / 2, y: q1, width: w, height: iqr, faceColor: face)
                rect.edgeColor = lineColor; rect.lineWidth = ax.theme.lineWidth * 0.8; rect.label = "_nolegend_"
                ax.add(rect)
                first = first ?? rect
                for (a, b) in [(q1, lowWhisker), (q3, highWhisker)] {
                    let whisker = try ax.plot(xs: [x, x], ys: [a, b], color: lineColor); whisker.label = "_nolegend_"
                    let cap = try ax.plot(xs: [x - w / 4, x + w / 4], ys: [b, b], color: lineColor); cap.label = "_nolegend_"
                }
                let median = try ax.plot(xs: [x - w / 2, x + w / 2], ys: [med, med], color: lineColor); median.label = "_nolegend_"
                let fliers = v.filter { $0 < lowWhisker || $0 > highWhisker }
                if !fliers.isEmpty {
                    let f = try ax.plot(xs: fliers.map { _ in x }, ys: fliers, color: lineColor)
                    f.lineStyle = .none; f.marker = .thinDiamond; f.markerFaceColor = lineColor; f.label = "_nolegend_"
                }
            }
            if let first, let level = l.groups.levels[g] { entries.append((first, level)) }
        }
        finish(ax, l, valueLabel: y.label, entries: entries, interp: interp)
        return .object(axObject)
    }
}
