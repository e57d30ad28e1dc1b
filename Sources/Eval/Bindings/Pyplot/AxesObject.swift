import Rendering

/// `matplotlib.axes.Axes`: one plotting area. Its methods come from `AxesMethods.all`, the
/// same table that gives pyplot its functions acting on the current axes.
final class AxesObject: PyObject {
    let axes: Axes
    unowned let figure: FigureObject

    init(_ axes: Axes, figure: FigureObject) {
        self.axes = axes
        self.figure = figure
    }

    var pyType: PyType { AxesObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        let title = axes.titles[.center].map { $0.isEmpty ? "" : " '\($0)'" } ?? ""
        return "<Axes:\(title)>"
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "xaxis": return .object(AxisObject(axes.xaxis))
        case "yaxis": return .object(AxisObject(axes.yaxis))
        case "spines": return .object(SpinesObject(axes))
        case "transAxes": return .object(TransformObject(.axes))
        case "transData": return .object(TransformObject(.data))
        case "figure": return .object(figure)
        case "lines": return .list(axes.artists.compactMap { $0 as? Line2D }.map { .object(Line2DObject($0)) })
        case "patches": return .list(axes.artists.compactMap { $0 as? Patch }.map { .object(PatchObject($0)) })
        default: return nil
        }
    }

    var dynamicAttributeNames: [String] { ["xaxis", "yaxis", "spines", "transAxes", "transData", "figure", "lines", "patches"] }

    /// Keywords of `add_subplot` / `subplot` that set up the axes (title, labels, limits...).
    func applyAxesKeywords(_ keywords: [(name: String, value: Value)], _ interp: Runtime) throws {
        for (name, value) in keywords {
            switch name {
            case "title": axes.titles[.center] = try interp.str(value)
            case "xlabel": axes.xaxis.label = try interp.str(value)
            case "ylabel": axes.yaxis.label = try interp.str(value)
            case "xlim", "ylim":
                let pair = try PlotValues.flat(value, interp, name: name)
                guard pair.count == 2 else { throw PyError(.valueError, "\(name) must be (low, high)") }
                let axis = name == "xlim" ? axes.xaxis : axes.yaxis
                axis.lowerLimit = pair[0]; axis.upperLimit = pair[1]
            case "xticks", "yticks":
                (name == "xticks" ? axes.xaxis : axes.yaxis).fixedTicks = try PlotValues.flat(value, interp, name: name)
            case "xscale", "yscale":
                try AxesMethods.setScale(name == "xscale" ? axes.xaxis : axes.yaxis, value)
            case "aspect": try AxesMethods.setAspect(axes, value)
            case "facecolor": axes.faceColor = try PlotValues.color(value, interp)
            case "projection", "polar", "label", "frameon":
                if name == "projection" || name == "polar", !value.isNone, value.asIndex != 0 {
                    throw PyError(.notImplementedError, "only rectilinear axes are supported (no '\(name)')")
                }
            case "sharex", "sharey":
                break
            default:
                throw PyError(.attributeError, "Axes.set() got an unexpected keyword argument '\(name)'")
            }
        }
    }

    static let type = PyType("Axes", module: "matplotlib.axes", doc: "One plotting area of a figure, with its axes, labels and artists.") { t in
        for method in AxesMethods.all {
            guard let name = method.axesName else { continue }
            let body = method.body
            t.method("\(name)(\(method.parameters))", of: AxesObject.self, doc: method.doc) { ax, args, interp in
                try body(ax, args, interp)
            }
        }
    }
}
