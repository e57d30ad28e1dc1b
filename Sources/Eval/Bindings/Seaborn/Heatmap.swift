import Foundation
import Rendering

/// `heatmap`: a matrix as cells with the column labels below and the row labels rotated at
/// the left, the first row at the top, an optional annotation per cell and a colorbar.
enum Heatmap {
    static func draw(_ args: BoundArguments, on axObject: AxesObject, _ interp: Runtime) throws -> Value {
        try SeabornPlots.checkKeywords(args, allowed: ["label"], function: "heatmap")
        for name in ["center", "mask", "annot_kws", "cbar_kws"] where args.optional(name) != nil {
            throw PyError(.notImplementedError, "seaborn.heatmap(\(name)=...) is not supported by SwiftML")
        }
        let ax = axObject.axes
        let data = args["data"]
        var columnLabels: [String]?, rowLabels: [String]?
        var matrixValue = data
        if try interp.lookupAttribute(data, "columns") != nil, let toNumpy = try interp.lookupAttribute(data, "to_numpy") {
            columnLabels = try interp.collect(try interp.attribute(data, "columns")).map { try interp.str($0) }
            rowLabels = try interp.collect(try interp.attribute(data, "index")).map { try interp.str($0) }
            matrixValue = try interp.call(toNumpy, Arguments([]))
        }
        let n = try PlotValues.numbers(matrixValue, interp, name: "data")
        guard n.shape.count == 2, n.shape[0] > 0, n.shape[1] > 0 else {
            throw PyError(.valueError, "Must pass 2-d input. shape=\(ImagePixels.shapeText(n.shape))")
        }
        let rows = n.shape[0], cols = n.shape[1]
        let integers = PlotValues.ndarray(in: matrixValue)?.dtype.isInteger ?? isIntegerList(matrixValue, interp)
        let finite = n.values.filter { $0.isFinite }
        let vmin = try args.optionalDouble("vmin") ?? finite.min() ?? 0
        let vmax = try args.optionalDouble("vmax") ?? finite.max() ?? 1
        let cmap = try PlotValues.colormap(args.optional("cmap"), interp) ?? (try rendering { try Colormap(named: "rocket") })
        let image = ax.imshow(.scalars(width: cols, height: rows, values: n.values), colormap: cmap, vmin: vmin, vmax: vmax,
                              interpolation: "nearest", originUpper: true, extent: (0, Double(cols), Double(rows), 0),
                              aspect: try interp.truthiness(args["square"]) ? .equal : .auto)
        ax.xaxis.lowerLimit = 0; ax.xaxis.upperLimit = Double(cols)
        ax.yaxis.lowerLimit = Double(rows); ax.yaxis.upperLimit = 0
        ax.yaxis.inverted = false
        for side in ["top", "right", "left", "bottom"] { ax.spines[side] = false }
        ax.xaxis.gridVisible = false; ax.yaxis.gridVisible = false
        try ticks(ax.xaxis, count: cols, labels: columnLabels, option: args["xticklabels"], interp)
        try ticks(ax.yaxis, count: rows, labels: rowLabels, option: args["yticklabels"], interp)
        ax.yaxis.tickLabelRotation = 90
        if try interp.truthiness(args["annot"]) || args["annot"].object(as: DictObject.self) != nil {
            let annot = args["annot"]
            var texts: [Double]?
            var isFlag = false
            if case .bool = annot { isFlag = true }
            if !isFlag, PlotValues.ndarray(in: annot) != nil || (try? interp.collect(annot)) != nil {
                let a = try PlotValues.numbers(annot, interp, name: "annot")
                guard a.shape == n.shape else { throw PyError(.valueError, "`data` and `annot` must have same shape.") }
                texts = a.values
            }
            let fmt = try args.string("fmt")
            for r in 0..<rows {
                for c in 0..<cols {
                    let v = n.values[r * cols + c]
                    guard v.isFinite else { continue }
                    let shown = texts?[r * cols + c] ?? v
                    let value: Value = integers && texts == nil ? .int(Int(shown)) : .float(shown)
                    let s = try interp.format(value, spec: fmt)
                    let cell = cmap.color(at: image.normalization(v))
                    let textColor = luminance(cell) > 0.408 ? Color(r: 0.15, g: 0.15, b: 0.15) : Color.white
                    let t = ax.text(x: Double(c) + 0.5, y: Double(r) + 0.5, s, style: TextStyle(size: ax.theme.fontSize, color: textColor))
                    t.horizontalAlignment = .center
                    t.verticalAlignment = .center
                }
            }
        }
        if try interp.truthiness(args["cbar"]) {
            let figure = axObject.figure.figure
            let cb = figure.colorbar(for: image, parent: ax)
            for side in ["top", "right", "left", "bottom"] { cb.spines[side] = false }
        }
        return .object(axObject)
    }

    static func isIntegerList(_ value: Value, _ interp: Runtime) -> Bool {
        guard let rows = try? interp.collect(value) else { return false }
        for row in rows {
            guard let items = try? interp.collect(row) else { return false }
            for item in items { if case .int = item { continue }; return false }
        }
        return true
    }

    /// seaborn's relative luminance (sRGB linearised, Rec. 709 weights).
    static func luminance(_ c: Color) -> Double {
        func lin(_ v: Double) -> Double { v <= 0.03928 ? v / 12.92 : pow((v + 0.055) / 1.055, 2.4) }
        return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b)
    }

    /// Ticks at cell centres: every label ('auto' thins them when crowded, as seaborn), none
    /// (False), every nth (an int), or the given labels.
    static func ticks(_ axis: Axis, count: Int, labels: [String]?, option: Value, _ interp: Runtime) throws {
        var names = labels ?? (0..<count).map(String.init)
        var step = 1
        switch option {
        case .bool(false):
            axis.fixedTicks = []; axis.fixedLabels = []; return
        case .bool(true): break
        case .string("auto"):
            // Thin so that labels are at least about a font size apart (seaborn measures the
            // text; this keeps the same order of magnitude for the course's small matrices).
            step = max(1, Int((Double(count) / 30).rounded(.up)))
        case .string(let s): throw PyError(.valueError, "xticklabels must be 'auto', a bool, an int or a list, not '\(s)'")
        case let v where v.asIndex != nil:
            step = max(1, v.asIndex ?? 1)
        default:
            names = try interp.collect(option).map { try interp.str($0) }
            guard names.count == count else { throw PyError(.valueError, "got \(names.count) tick labels for \(count) cells") }
        }
        let picked = stride(from: 0, to: count, by: step).map { $0 }
        axis.fixedTicks = picked.map { Double($0) + 0.5 }
        axis.fixedLabels = picked.map { $0 < names.count ? names[$0] : "" }
    }
}
