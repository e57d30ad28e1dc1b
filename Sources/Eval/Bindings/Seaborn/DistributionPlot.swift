import Foundation
import Rendering

/// `histplot` and `kdeplot` (univariate), also used by pairplot's diagonal.
enum DistributionPlot {
    static func univariate(_ args: BoundArguments, _ interp: Runtime, function: String) throws -> (PlotSource, PlotColumn) {
        let source = PlotSource(data: args.optional("data"))
        if args.optional("y") != nil {
            throw PyError(.notImplementedError, "seaborn.\(function)(y=...) (horizontal or bivariate) is not supported by SwiftML; pass x=")
        }
        if let x = try source.column(args.optional("x"), role: "x", interp) { return (source, x) }
        // seaborn.histplot(values) / kdeplot(values): a vector as `data`.
        if let data = args.optional("data"), data.object(as: DictObject.self) == nil, try interp.lookupAttribute(data, "columns") == nil {
            return (PlotSource(data: nil), try PlotSource.vector(data, label: nil, interp))
        }
        throw PyError(.notImplementedError, "seaborn.\(function) of wide-form data is not supported by SwiftML; pass x=")
    }

    static func histogram(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: ["edgecolor", "linewidth", "label"], function: "histplot")
        for (name, expected) in [("multiple", "layer"), ("element", "bars"), ("stat", "count")] {
            let v = try args.string(name)
            if v != expected && !(name == "stat" && ["density", "probability", "frequency", "percent"].contains(v)) {
                throw PyError(.notImplementedError, "seaborn.histplot(\(name)='\(v)') is not supported by SwiftML")
            }
        }
        let ax = axObject.axes
        let (source, x) = try univariate(args, interp, function: "histplot")
        let xs = try x.numbers("x")
        let hue = try source.column(args.optional("hue"), role: "hue", interp)
        let color = try args.optional("color").map { try PlotValues.color($0, interp) }
        let groups = try SeabornPlots.hueGroups(hue, count: xs.count, order: args.optional("hue_order"), palette: args.optional("palette"), color: color, ax: ax, interp)
        let edges = try binEdges(args, xs, interp)
        let kde = try interp.truthiness(args["kde"])
        let alpha = try args.optionalDouble("alpha") ?? (hue != nil ? 0.5 : (kde ? 0.5 : 0.75))
        let stat = try args.string("stat")
        let fill = try interp.truthiness(args["fill"])
        var entries: [(Artist, String)] = []
        for (g, rows) in groups.rows.enumerated() {
            let values = rows.map { xs[$0] }
            var counts = [Double](repeating: 0, count: edges.count - 1)
            for v in values where v.isFinite && v >= edges[0] && v <= edges[edges.count - 1] {
                var lo = 0, hi = edges.count - 1
                while hi - lo > 1 { let mid = (lo + hi) / 2; if v >= edges[mid] { lo = mid } else { hi = mid } }
                counts[lo] += 1
            }
            let total = try interp.truthiness(args["common_norm"]) ? Double(xs.filter { $0.isFinite }.count) : Double(values.count)
            for i in counts.indices {
                switch stat {
                case "density": counts[i] /= max(total, 1) * (edges[i + 1] - edges[i])
                case "probability": counts[i] /= max(total, 1)
                case "percent": counts[i] *= 100 / max(total, 1)
                case "frequency": counts[i] /= (edges[i + 1] - edges[i])
                default: break
                }
            }
            let bars = try ax.bar(xs: Array(edges.dropLast()), heights: counts, widths: zip(edges.dropFirst(), edges).map { $0 - $1 },
                                  color: [groups.colors[g]], alignEdge: true)
            for b in bars {
                b.alpha = alpha
                b.fill = fill
                b.label = "_nolegend_"
                if b.edgeColor == nil { b.edgeColor = fill ? nil : groups.colors[g] }
            }
            if let first = bars.first, let level = groups.levels[g] { entries.append((first, level)) }
            if kde, let estimate = KernelDensity(values) {
                let grid = estimate.support(count: 200, cut: 0)
                var density = estimate.density(at: grid)
                // Scaled to the histogram: counts = density x n x bin width.
                let scale: Double
                switch stat {
                case "density": scale = Double(values.count) / max(total, 1)
                case "probability", "percent": scale = (edges[1] - edges[0]) * Double(values.count) / max(total, 1) * (stat == "percent" ? 100 : 1)
                case "frequency": scale = Double(values.count)
                default: scale = Double(values.count) * (edges[1] - edges[0])
                }
                density = density.map { $0 * scale }
                let line = try ax.plot(xs: grid, ys: density, color: groups.colors[g])
                line.label = "_nolegend_"
                line.lineWidth = ax.theme.lineWidth
            }
        }
        RelationalPlot.label(ax, x: x, y: nil)
        if ax.yaxis.label.isEmpty { ax.yaxis.label = stat == "count" ? "Count" : stat.prefix(1).uppercased() + stat.dropFirst() }
        if hue != nil, try interp.truthiness(args["legend"]) { SeabornPlots.addLegend(ax, entries: entries, title: hue?.label) }
        return .object(axObject)
    }

    /// Bin edges over all the data (seaborn's common_bins): 'auto', a count, edges, or binwidth.
    static func binEdges(_ args: BoundArguments, _ xs: [Double], _ interp: Runtime) throws -> [Double] {
        let finite = xs.filter { $0.isFinite }
        let lo = finite.min() ?? 0, hi = finite.max() ?? 1
        if let width = try args.optionalDouble("binwidth") {
            guard width > 0, (hi - lo) / width < 1e6 else { throw PyError(.valueError, "binwidth must be positive and give under a million bins") }
            var edges: [Double] = []
            var e = lo
            while e < hi + width * 0.5 { edges.append(e); e += width }
            if edges.count < 2 { edges.append(lo + width) }
            return edges
        }
        switch args["bins"] {
        case .string("auto"): return HistogramBins.autoEdges(finite)
        case .string(let s): throw PyError(.notImplementedError, "seaborn.histplot(bins='\(s)') is not supported by SwiftML (use 'auto', a number or edges)")
        case let v where v.asIndex != nil:
            let n = v.asIndex ?? 10
            guard n > 0, n <= 100_000 else { throw PyError(.valueError, "`bins` must be positive, when an integer") }
            return lo == hi ? HistogramBins.edges(lo - 0.5, hi + 0.5, count: n) : HistogramBins.edges(lo, hi, count: n)
        case let v:
            let e = try PlotValues.flat(v, interp, name: "bins")
            guard e.count >= 2, zip(e, e.dropFirst()).allSatisfy({ $0 < $1 }) else { throw PyError(.valueError, "`bins` must increase monotonically, when an array") }
            return e
        }
    }

    static func density(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: ["label", "warn_singular", "linestyle", "ls"], function: "kdeplot")
        guard try args.string("multiple") == "layer" else {
            throw PyError(.notImplementedError, "seaborn.kdeplot(multiple='\(try args.string("multiple"))') is not supported by SwiftML")
        }
        let ax = axObject.axes
        let (source, x) = try univariate(args, interp, function: "kdeplot")
        let xs = try x.numbers("x")
        let hue = try source.column(args.optional("hue"), role: "hue", interp)
        let color = try args.optional("color").map { try PlotValues.color($0, interp) }
        let groups = try SeabornPlots.hueGroups(hue, count: xs.count, order: args.optional("hue_order"), palette: args.optional("palette"),
                                                color: color ?? (hue == nil ? ax.nextColor() : nil), ax: ax, interp)
        let fill = try args.optional("fill").map { try interp.truthiness($0) } ?? false
        let adjust = try args.double("bw_adjust"), cut = try args.double("cut")
        let gridsize = try args.int("gridsize")
        guard adjust > 0, cut >= 0, (2...100_000).contains(gridsize) else {
            throw PyError(.valueError, "bw_adjust must be positive, cut non-negative and gridsize between 2 and 100000")
        }
        let total = Double(xs.filter { $0.isFinite }.count)
        let commonNorm = try interp.truthiness(args["common_norm"])
        var entries: [(Artist, String)] = []
        for (g, rows) in groups.rows.enumerated() {
            let values = rows.map { xs[$0] }
            guard let estimate = KernelDensity(values, adjust: adjust) else { continue }
            let grid = estimate.support(count: gridsize, cut: cut)
            let weight = commonNorm ? Double(estimate.samples.count) / max(total, 1) : 1
            let density = estimate.density(at: grid).map { $0 * weight }
            let artist = try curve(ax, grid: grid, density: density, color: groups.colors[g], fill: fill,
                                   alpha: try args.optionalDouble("alpha"), lineWidth: try args.optionalDouble("linewidth"))
            if let level = groups.levels[g] { entries.append((artist, level)) }
        }
        RelationalPlot.label(ax, x: x, y: nil)
        if ax.yaxis.label.isEmpty { ax.yaxis.label = "Density" }
        if hue != nil, try interp.truthiness(args["legend"]) { SeabornPlots.addLegend(ax, entries: entries, title: hue?.label) }
        return .object(axObject)
    }

    /// A density curve, filled (alpha .25 under an opaque outline) or as a line.
    @discardableResult
    static func curve(_ ax: Axes, grid: [Double], density: [Double], color: Color, fill: Bool, alpha: Double?, lineWidth: Double?) throws -> Artist {
        if fill {
            let area = try ax.fillBetween(xs: grid, y1: density, y2: [0], color: color.withAlpha(alpha ?? 0.25))
            area.edgeColor = color
            area.lineWidth = lineWidth ?? ax.theme.lineWidth
            area.label = "_nolegend_"
            // The base is a sticky edge of matplotlib's fill_between: the margin stops at zero.
            return area
        }
        let line = try ax.plot(xs: grid, ys: density, color: color)
        line.lineWidth = lineWidth ?? ax.theme.lineWidth
        line.alpha = alpha
        line.label = "_nolegend_"
        return line
    }
}
