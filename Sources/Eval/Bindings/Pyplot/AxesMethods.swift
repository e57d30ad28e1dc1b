import Foundation
import Rendering

/// One method of Axes, with the pyplot function that applies it to the current axes.
struct AxesMethod: Sendable {
    /// The name on Axes (`set_title`), or nil for pyplot-only functions.
    var axesName: String?
    /// The pyplot name (`title`), or nil when pyplot has none.
    var pyplotName: String?
    /// The parameter list of the signature, without parentheses.
    var parameters: String
    var doc: String
    var body: @Sendable (AxesObject, BoundArguments, Runtime) throws -> Value
}

/// The table of axes methods shared by `Axes` objects and pyplot's state-machine functions.
enum AxesMethods {
    static let all: [AxesMethod] = plotting + decorations

    // MARK: Plotting

    static let plotting: [AxesMethod] = [
        AxesMethod(axesName: "plot", pyplotName: "plot", parameters: "*args, scalex=True, scaley=True, data=None, **kwargs",
                   doc: "Plot y against x as lines and/or markers: plot(y), plot(x, y), plot(x, y, 'r--', label='fit').") { ax, args, interp in
            let groups = try LineKeywords.groups(args.variadicPositional, interp)
            var lines: [Value] = []
            for g in groups {
                let columns: [[Double]]
                if g.ys.shape.count == 2 {
                    let (r, c) = (g.ys.shape[0], g.ys.shape[1])
                    columns = (0..<c).map { j in (0..<r).map { g.ys.values[$0 * c + j] } }
                } else {
                    columns = [g.ys.values]
                }
                for ys in columns {
                    let xs = g.xs ?? ys.indices.map(Double.init)
                    // An explicit colour does not use up a colour of the cycle.
                    let explicit = try args.variadicKeywords.first { $0.name == "color" || $0.name == "c" }.map { try PlotValues.color($0.value, interp) }
                    let line = try rendering { try ax.axes.plot(xs: xs, ys: ys, format: g.format, color: explicit) }
                    try LineKeywords.apply(args.variadicKeywords, to: line, interp)
                    if let cats = g.categories { setCategories(ax.axes.xaxis, cats) }
                    lines.append(.object(Line2DObject(line)))
                }
            }
            return .list(lines)
        },
        AxesMethod(axesName: "scatter", pyplotName: "scatter",
                   parameters: "x, y, s=None, c=None, marker=None, cmap=None, norm=None, vmin=None, vmax=None, alpha=None, linewidths=None, edgecolors=None, label=None, color=None, **kwargs",
                   doc: "Markers at (x, y); s sets their areas (points squared), c their colours or values for cmap.") { ax, args, interp in
            let xs = try PlotValues.flat(args["x"], interp, name: "x")
            let ys = try PlotValues.flat(args["y"], interp, name: "y")
            let sizes = try args.optional("s").map { try PlotValues.flat($0, interp, name: "s") } ?? [36]
            var colors: [Color]?
            var values: [Double]?
            if let c = args.optional("c") ?? args.optional("color") {
                if case .string = c { colors = [try PlotValues.color(c, interp)] }
                else if let n = try? PlotValues.numbers(c, interp, name: "c"), n.shape.count == 1 || n.shape.isEmpty, n.count == xs.count || n.count == 1 && xs.count != 3 && xs.count != 4 {
                    values = n.values
                } else {
                    colors = try PlotValues.colors(c, interp)
                }
            }
            let marker = try args.optional("marker").map { try LineKeywords.marker($0) ?? .circle } ?? .circle
            let collection = try rendering {
                try ax.axes.scatter(xs: xs, ys: ys, sizes: sizes, colors: colors, values: values,
                                    colormap: try PlotValues.colormap(args.optional("cmap"), interp) ?? PyplotState.of(interp).defaultColormap,
                                    vmin: try args.optionalDouble("vmin"), vmax: try args.optionalDouble("vmax"), marker: marker)
            }
            collection.alpha = try args.optionalDouble("alpha")
            if let lw = args.optional("linewidths") { collection.lineWidth = try PlotValues.flat(lw, interp, name: "linewidths").first ?? 1 }
            if let e = args.optional("edgecolors") {
                if case .string("face") = e {} else if case .string("none") = e { collection.edgeColors = [.clear] } else {
                    collection.edgeColors = try PlotValues.colors(e, interp)
                }
            }
            if let label = args.optional("label") { collection.label = try interp.str(label) }
            for (name, value) in args.variadicKeywords {
                switch name {
                case "zorder": collection.zorder = value.asDouble ?? collection.zorder
                case "edgecolor", "ec": collection.edgeColors = try PlotValues.colors(value, interp)
                case "linewidth", "lw": collection.lineWidth = value.asDouble ?? 1
                case "facecolor", "facecolors": collection.faceColors = try PlotValues.colors(value, interp)
                case "plotnonfinite", "data", "rasterized": break
                default: throw PyError(.attributeError, "PathCollection.set() got an unexpected keyword argument '\(name)'")
                }
            }
            return .object(CollectionObject(collection))
        },
        AxesMethod(axesName: "bar", pyplotName: "bar",
                   parameters: "x, height, width=0.8, bottom=None, align='center', color=None, edgecolor=None, linewidth=None, label=None, tick_label=None, alpha=None, **kwargs",
                   doc: "Vertical bars at x with the given heights; returns the bars (indexable, with set_color).") { ax, args, interp in
            try bars(ax, args, interp, horizontal: false)
        },
        AxesMethod(axesName: "barh", pyplotName: "barh",
                   parameters: "y, width, height=0.8, left=None, align='center', color=None, edgecolor=None, linewidth=None, label=None, tick_label=None, alpha=None, **kwargs",
                   doc: "Horizontal bars at y with the given widths.") { ax, args, interp in
            try bars(ax, args, interp, horizontal: true)
        },
        AxesMethod(axesName: "hist", pyplotName: "hist",
                   parameters: "x, bins=10, range=None, density=False, weights=None, cumulative=False, histtype='bar', align='mid', orientation='vertical', rwidth=None, color=None, label=None, alpha=None, edgecolor=None, linewidth=None, **kwargs",
                   doc: "A histogram of x; returns (counts, bin edges, patches).") { ax, args, interp in
            let data = try PlotValues.flat(args["x"], interp, name: "x")
            let bins: Axes.Bins
            if let n = args["bins"].asIndex { bins = .count(n) }
            else if case .string(let s) = args["bins"] {
                guard s == "auto" || s == "fd" || s == "sturges" || s == "sqrt" else { throw PyError(.valueError, "'\(s)' is not a valid estimator for `bins`") }
                bins = .count(max(1, Int((log2(Double(max(1, data.count))) + 1).rounded(.up))))
            } else { bins = .edges(try PlotValues.flat(args["bins"], interp, name: "bins")) }
            var range: (Double, Double)?
            if let r = args.optional("range") {
                let p = try PlotValues.flat(r, interp, name: "range")
                guard p.count == 2, p[0] <= p[1] else { throw PyError(.valueError, "range must be (min, max) with min <= max") }
                range = (p[0], p[1])
            }
            let weights = try args.optional("weights").map { try PlotValues.flat($0, interp, name: "weights") }
            let histType = try args.string("histtype")
            guard ["bar", "barstacked", "step", "stepfilled"].contains(histType) else {
                throw PyError(.valueError, "'\(histType)' is not a valid value for histtype; supported values are 'bar', 'barstacked', 'step', 'stepfilled'")
            }
            let color = try args.optional("color").map { try PlotValues.color($0, interp) }
            let edge = try (args.optional("edgecolor") ?? args.variadicKeywords.first { $0.name == "ec" }?.value).map { try PlotValues.color($0, interp) }
            let result = try rendering {
                try ax.axes.hist(data, bins: bins, range: range, density: try interp.truthiness(args["density"]), weights: weights,
                                 cumulative: try interp.truthiness(args["cumulative"]), color: color, edgeColor: edge, histType: histType,
                                 relativeWidth: try args.optionalDouble("rwidth"), horizontal: try args.string("orientation") == "horizontal")
            }
            let alpha = try args.optionalDouble("alpha")
            let lw = try args.optionalDouble("linewidth")
            for p in result.patches {
                p.alpha = alpha
                if let lw { p.lineWidth = lw }
            }
            if let label = args.optional("label") { result.patches.first?.label = try interp.str(label) }
            return .tuple([PlotValues.array(result.counts, interp), PlotValues.array(result.edges, interp),
                           .object(BarContainerObject(result.patches))])
        },
        AxesMethod(axesName: "imshow", pyplotName: "imshow",
                   parameters: "X, cmap=None, norm=None, aspect=None, interpolation=None, alpha=None, vmin=None, vmax=None, origin=None, extent=None, **kwargs",
                   doc: "Show a 2-D array as an image through a colormap (viridis by default), or an RGB(A) array as colours.") { ax, args, interp in
            let (pixels, _) = try ImagePixels.convert(args["X"], interp)
            var extent: (Double, Double, Double, Double)?
            if let e = args.optional("extent") {
                let v = try PlotValues.flat(e, interp, name: "extent")
                guard v.count == 4 else { throw PyError(.valueError, "extent must be (left, right, bottom, top)") }
                extent = (v[0], v[1], v[2], v[3])
            }
            let origin = try args.optionalString("origin") ?? "upper"
            guard origin == "upper" || origin == "lower" else { throw PyError(.valueError, "origin must be 'upper' or 'lower', not '\(origin)'") }
            var aspect: Aspect? = .equal
            if let a = args.optional("aspect") {
                try setAspect(ax.axes, a)
                aspect = nil
            }
            let cmap = try PlotValues.colormap(args.optional("cmap"), interp) ?? PyplotState.of(interp).defaultColormap
            let image = ax.axes.imshow(pixels, colormap: cmap, vmin: try args.optionalDouble("vmin"), vmax: try args.optionalDouble("vmax"),
                                       interpolation: try args.optionalString("interpolation"), originUpper: origin == "upper",
                                       extent: extent, aspect: aspect)
            image.alpha = try args.optionalDouble("alpha")
            for (name, _) in args.variadicKeywords where !["resample", "filternorm", "data", "zorder", "filterrad", "interpolation_stage"].contains(name) {
                throw PyError(.attributeError, "AxesImage.set() got an unexpected keyword argument '\(name)'")
            }
            return .object(ImageObject(image))
        },
        AxesMethod(axesName: "fill_between", pyplotName: "fill_between",
                   parameters: "x, y1, y2=0, where=None, color=None, alpha=None, label=None, **kwargs",
                   doc: "Fill the area between two curves.") { ax, args, interp in
            let xs = try PlotValues.flat(args["x"], interp, name: "x")
            let y1 = try PlotValues.flat(args["y1"], interp, name: "y1")
            let y2 = try PlotValues.flat(args["y2"], interp, name: "y2")
            let color = try (args.optional("color") ?? args.variadicKeywords.first { $0.name == "facecolor" }?.value).map { try PlotValues.color($0, interp) }
            let patch = try rendering { try ax.axes.fillBetween(xs: xs, y1: y1, y2: y2, color: color) }
            patch.alpha = try args.optionalDouble("alpha")
            if let label = args.optional("label") { patch.label = try interp.str(label) }
            if let e = args.variadicKeywords.first(where: { $0.name == "edgecolor" }) { patch.edgeColor = try PlotValues.color(e.value, interp) }
            return .object(PatchObject(patch))
        },
        AxesMethod(axesName: "axhline", pyplotName: "axhline", parameters: "y=0, xmin=0, xmax=1, **kwargs",
                   doc: "A horizontal line across the axes at y.") { ax, args, interp in
            try spanLine(ax, .horizontal, value: try args.double("y"), from: try args.double("xmin"), to: try args.double("xmax"), args.variadicKeywords, interp)
        },
        AxesMethod(axesName: "axvline", pyplotName: "axvline", parameters: "x=0, ymin=0, ymax=1, **kwargs",
                   doc: "A vertical line across the axes at x.") { ax, args, interp in
            try spanLine(ax, .vertical, value: try args.double("x"), from: try args.double("ymin"), to: try args.double("ymax"), args.variadicKeywords, interp)
        },
        AxesMethod(axesName: "errorbar", pyplotName: "errorbar",
                   parameters: "x, y, yerr=None, xerr=None, fmt='', ecolor=None, elinewidth=None, capsize=None, label=None, **kwargs",
                   doc: "A line with error bars.") { ax, args, interp in
            let xs = try PlotValues.flat(args["x"], interp, name: "x")
            let ys = try PlotValues.flat(args["y"], interp, name: "y")
            let fmt = try args.string("fmt")
            let line = try rendering { try ax.axes.plot(xs: xs, ys: ys, format: fmt.isEmpty ? nil : try FormatString(fmt)) }
            try LineKeywords.apply(args.variadicKeywords, to: line, interp)
            if let label = args.optional("label") { line.label = try interp.str(label) }
            let ecolor = try args.optional("ecolor").map { try PlotValues.color($0, interp) } ?? line.color
            let cap = try args.optionalDouble("capsize") ?? 0
            func errors(_ name: String) throws -> [Double]? {
                guard let v = args.optional(name) else { return nil }
                let e = try PlotValues.flat(v, interp, name: name)
                return e.count == 1 ? Array(repeating: e[0], count: xs.count) : e
            }
            for (i, (x, y)) in zip(xs, ys).enumerated() {
                if let e = try errors("yerr"), i < e.count {
                    let bar = try ax.axes.plot(xs: [x, x], ys: [y - e[i], y + e[i]], color: ecolor)
                    bar.label = "_nolegend_"; bar.lineWidth = try args.optionalDouble("elinewidth") ?? line.lineWidth
                    if cap > 0 {
                        for v in [y - e[i], y + e[i]] {
                            let c = try ax.axes.plot(xs: [x], ys: [v], color: ecolor)
                            c.marker = .hline; c.markerSize = 2 * cap; c.lineStyle = .none; c.label = "_nolegend_"
                        }
                    }
                }
                if let e = try errors("xerr"), i < e.count {
                    let bar = try ax.axes.plot(xs: [x - e[i], x + e[i]], ys: [y, y], color: ecolor)
                    bar.label = "_nolegend_"
                }
            }
            return .object(Line2DObject(line))
        },
        AxesMethod(axesName: "text", pyplotName: "text", parameters: "x, y, s, fontdict=None, **kwargs",
                   doc: "Text at (x, y) in data coordinates (or axes fractions with transform=ax.transAxes).") { ax, args, interp in
            var keywords = args.variadicKeywords
            if let d = args.optional("fontdict") { keywords.append(("fontdict", d)) }
            let style = try TextKeywords.style(keywords, interp, base: TextStyle())
            let text = ax.axes.text(x: try args.double("x"), y: try args.double("y"), try interp.str(args["s"]), style: style)
            try TextKeywords.apply(keywords, to: text, interp, axes: ax)
            return .object(TextObject(text))
        },
    ]

    // MARK: Decorations

    static let decorations: [AxesMethod] = [
        AxesMethod(axesName: "set_title", pyplotName: "title", parameters: "label, fontdict=None, loc=None, pad=None, **kwargs",
                   doc: "Set the axes title (loc 'center', 'left' or 'right').") { ax, args, interp in
            let label = try interp.str(args["label"])
            let loc = try args.optionalString("loc") ?? "center"
            guard let align = HorizontalAlignment(rawValue: loc) else { throw PyError(.valueError, "loc must be 'left', 'center' or 'right', not '\(loc)'") }
            var keywords = args.variadicKeywords
            if let d = args.optional("fontdict") { keywords.append(("fontdict", d)) }
            ax.axes.titles[align] = label
            ax.axes.titleStyle = try TextKeywords.style(keywords, interp, base: TextStyle(size: 12))
            if let pad = try args.optionalDouble("pad") { ax.axes.titlePad = pad }
            let axes = ax.axes
            let x = align == .left ? 0.0 : align == .right ? 1.0 : 0.5
            return .object(TextObject(get: { axes.titles[align] ?? "" }, set: { axes.titles[align] = $0 }, at: (x, 1.0)))
        },
        AxesMethod(axesName: "set_xlabel", pyplotName: "xlabel", parameters: "xlabel, fontdict=None, labelpad=None, **kwargs",
                   doc: "Set the x-axis label.") { ax, args, interp in
            try axisLabel(ax.axes.xaxis, args, interp, name: "xlabel")
        },
        AxesMethod(axesName: "set_ylabel", pyplotName: "ylabel", parameters: "ylabel, fontdict=None, labelpad=None, **kwargs",
                   doc: "Set the y-axis label.") { ax, args, interp in
            try axisLabel(ax.axes.yaxis, args, interp, name: "ylabel")
        },
        AxesMethod(axesName: "set_xlim", pyplotName: nil, parameters: "left=None, right=None, **kwargs", doc: "Set the x limits.") { ax, args, interp in
            try setLimits(ax, ax.axes.xaxis, args.optional("left"), args.optional("right"), args.variadicKeywords, x: true, interp)
        },
        AxesMethod(axesName: "set_ylim", pyplotName: nil, parameters: "bottom=None, top=None, **kwargs", doc: "Set the y limits.") { ax, args, interp in
            try setLimits(ax, ax.axes.yaxis, args.optional("bottom"), args.optional("top"), args.variadicKeywords, x: false, interp)
        },
        AxesMethod(axesName: "get_xlim", pyplotName: nil, parameters: "", doc: "The x limits.") { ax, _, _ in currentLimits(ax, x: true) },
        AxesMethod(axesName: "get_ylim", pyplotName: nil, parameters: "", doc: "The y limits.") { ax, _, _ in currentLimits(ax, x: false) },
        AxesMethod(axesName: nil, pyplotName: "xlim", parameters: "*args, **kwargs", doc: "Get or set the x limits of the current axes.") { ax, args, interp in
            try pyplotLimits(ax, ax.axes.xaxis, args, interp, x: true)
        },
        AxesMethod(axesName: nil, pyplotName: "ylim", parameters: "*args, **kwargs", doc: "Get or set the y limits of the current axes.") { ax, args, interp in
            try pyplotLimits(ax, ax.axes.yaxis, args, interp, x: false)
        },
        AxesMethod(axesName: "set_xticks", pyplotName: nil, parameters: "ticks, labels=None, **kwargs", doc: "Set the x tick positions (and labels).") { ax, args, interp in
            try setTicks(ax.axes.xaxis, args.optional("ticks"), args.optional("labels"), args.variadicKeywords, interp)
        },
        AxesMethod(axesName: "set_yticks", pyplotName: nil, parameters: "ticks, labels=None, **kwargs", doc: "Set the y tick positions (and labels).") { ax, args, interp in
            try setTicks(ax.axes.yaxis, args.optional("ticks"), args.optional("labels"), args.variadicKeywords, interp)
        },
        AxesMethod(axesName: "set_xticklabels", pyplotName: nil, parameters: "labels, **kwargs", doc: "Set the x tick labels.") { ax, args, interp in
            try setTickLabels(ax.axes.xaxis, args["labels"], args.variadicKeywords, interp)
        },
        AxesMethod(axesName: "set_yticklabels", pyplotName: nil, parameters: "labels, **kwargs", doc: "Set the y tick labels.") { ax, args, interp in
            try setTickLabels(ax.axes.yaxis, args["labels"], args.variadicKeywords, interp)
        },
        AxesMethod(axesName: nil, pyplotName: "xticks", parameters: "ticks=None, labels=None, **kwargs",
                   doc: "Get or set the x tick positions and labels (rotation=45 turns the labels).") { ax, args, interp in
            try setTicks(ax.axes.xaxis, args.optional("ticks"), args.optional("labels"), args.variadicKeywords, interp)
        },
        AxesMethod(axesName: nil, pyplotName: "yticks", parameters: "ticks=None, labels=None, **kwargs",
                   doc: "Get or set the y tick positions and labels.") { ax, args, interp in
            try setTicks(ax.axes.yaxis, args.optional("ticks"), args.optional("labels"), args.variadicKeywords, interp)
        },
        AxesMethod(axesName: "legend", pyplotName: "legend", parameters: "*args, **kwargs",
                   doc: "Add a legend of the labelled artists (loc='best' by default: the spot covering the least data).") { ax, args, interp in
            try legend(ax, args, interp)
        },
        AxesMethod(axesName: "grid", pyplotName: "grid", parameters: "visible=None, which='major', axis='both', **kwargs",
                   doc: "Show or hide gridlines.") { ax, args, interp in
            let which = try args.string("axis")
            guard ["both", "x", "y"].contains(which) else { throw PyError(.valueError, "axis must be 'both', 'x' or 'y', not '\(which)'") }
            let axes = which == "both" ? [ax.axes.xaxis, ax.axes.yaxis] : which == "x" ? [ax.axes.xaxis] : [ax.axes.yaxis]
            let on: Bool
            if let v = args.optional("visible") { on = try interp.truthiness(v) }
            else { on = !args.variadicKeywords.isEmpty || !axes.allSatisfy(\.gridVisible) }
            for a in axes {
                a.gridVisible = on
                for (name, value) in args.variadicKeywords {
                    switch name {
                    case "color", "c": a.gridColor = try PlotValues.color(value, interp)
                    case "linestyle", "ls":
                        guard case .string(let s) = value else { continue }
                        a.gridLineStyle = try rendering { try LineStyle(parsing: s) }
                    case "linewidth", "lw": a.gridLineWidth = try LineKeywords.positive(value, name)
                    case "alpha": a.gridAlpha = value.asDouble
                    case "b", "visible": a.gridVisible = try interp.truthiness(value)
                    case "zorder": break
                    default: throw PyError(.attributeError, "Line2D.set() got an unexpected keyword argument '\(name)'")
                    }
                }
            }
            return .none
        },
        AxesMethod(axesName: "axis", pyplotName: "axis", parameters: "arg=None, **kwargs",
                   doc: "axis('off') hides the frame and ticks; 'on', 'equal', 'scaled', 'tight', 'square', or [xmin, xmax, ymin, ymax].") { ax, args, interp in
            try axisCommand(ax, args.optional("arg"), interp)
        },
        AxesMethod(axesName: "set_axis_off", pyplotName: nil, parameters: "", doc: "Hide the frame, ticks and labels.") { ax, _, _ in
            ax.axes.axisOn = false; return .none
        },
        AxesMethod(axesName: "set_axis_on", pyplotName: nil, parameters: "", doc: "Show the frame, ticks and labels.") { ax, _, _ in
            ax.axes.axisOn = true; return .none
        },
        AxesMethod(axesName: "set_xscale", pyplotName: "xscale", parameters: "value, **kwargs", doc: "'linear' or 'log'.") { ax, args, _ in
            try setScale(ax.axes.xaxis, args["value"]); return .none
        },
        AxesMethod(axesName: "set_yscale", pyplotName: "yscale", parameters: "value, **kwargs", doc: "'linear' or 'log'.") { ax, args, _ in
            try setScale(ax.axes.yaxis, args["value"]); return .none
        },
        AxesMethod(axesName: "set_aspect", pyplotName: nil, parameters: "aspect, adjustable=None, anchor=None", doc: "'auto', 'equal' or a number.") { ax, args, _ in
            try setAspect(ax.axes, args["aspect"]); return .none
        },
        AxesMethod(axesName: "invert_yaxis", pyplotName: nil, parameters: "", doc: "Flip the y axis.") { ax, _, _ in
            ax.axes.yaxis.inverted.toggle(); return .none
        },
        AxesMethod(axesName: "invert_xaxis", pyplotName: nil, parameters: "", doc: "Flip the x axis.") { ax, _, _ in
            ax.axes.xaxis.inverted.toggle(); return .none
        },
        AxesMethod(axesName: "get_xaxis", pyplotName: nil, parameters: "", doc: "The x axis (set_visible(False) hides its ticks).") { ax, _, _ in
            .object(AxisObject(ax.axes.xaxis))
        },
        AxesMethod(axesName: "get_yaxis", pyplotName: nil, parameters: "", doc: "The y axis.") { ax, _, _ in
            .object(AxisObject(ax.axes.yaxis))
        },
        AxesMethod(axesName: "set_facecolor", pyplotName: nil, parameters: "color", doc: "Background colour of the axes.") { ax, args, interp in
            ax.axes.faceColor = try PlotValues.color(args["color"], interp); return .none
        },
        AxesMethod(axesName: "cla", pyplotName: "cla", parameters: "", doc: "Clear the axes.") { ax, _, _ in
            ax.axes.clear(); return .none
        },
        AxesMethod(axesName: "clear", pyplotName: nil, parameters: "", doc: "Clear the axes.") { ax, _, _ in
            ax.axes.clear(); return .none
        },
        AxesMethod(axesName: "tick_params", pyplotName: "tick_params", parameters: "axis='both', **kwargs",
                   doc: "Tick label size, rotation and colour (labelsize=, rotation=, labelcolor=).") { ax, args, interp in
            let which = try args.string("axis")
            let axes = which == "both" ? [ax.axes.xaxis, ax.axes.yaxis] : which == "x" ? [ax.axes.xaxis] : [ax.axes.yaxis]
            for a in axes {
                for (name, value) in args.variadicKeywords {
                    switch name {
                    case "labelsize": a.tickLabelSize = try TextKeywords.size(value)
                    case "rotation", "labelrotation": a.tickLabelRotation = try TextKeywords.rotation(value)
                    case "labelcolor", "colors": a.tickLabelColor = try PlotValues.color(value, interp)
                    case "labelbottom", "labelleft", "bottom", "left":
                        if !(try interp.truthiness(value)) { a.visible = false }
                    default: break
                    }
                }
            }
            return .none
        },
        AxesMethod(axesName: "set", pyplotName: nil, parameters: "**kwargs",
                   doc: "Set several properties at once: ax.set(title=..., xlabel=..., ylabel=..., xlim=..., ylim=...).") { ax, args, interp in
            try ax.applyAxesKeywords(args.variadicKeywords, interp)
            return .none
        },
        AxesMethod(axesName: "get_legend_handles_labels", pyplotName: nil, parameters: "", doc: "The labelled artists and their labels.") { ax, _, _ in
            var handles: [Value] = [], labels: [Value] = []
            for a in ax.axes.artists {
                guard let label = a.label, !label.isEmpty, !label.hasPrefix("_") else { continue }
                handles.append(artistObject(a)); labels.append(.string(label))
            }
            return .tuple([.list(handles), .list(labels)])
        },
    ]
}
