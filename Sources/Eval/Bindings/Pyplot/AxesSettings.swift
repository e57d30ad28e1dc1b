import Rendering

/// The work behind the axes methods: bars, reference lines, labels, limits, ticks,
/// legends, `axis(...)`, scales and aspect, turning Python arguments into renderer settings.
extension AxesMethods {
    static func artistObject(_ a: Artist) -> Value {
        switch a {
        case let l as Line2D: return .object(Line2DObject(l))
        case let p as Patch: return .object(PatchObject(p))
        case let c as PathCollection: return .object(CollectionObject(c))
        case let i as AxesImage: return .object(ImageObject(i))
        case let t as TextArtist: return .object(TextObject(t))
        default: return .none
        }
    }

    static func setCategories(_ axis: Axis, _ names: [String]) {
        axis.fixedTicks = names.indices.map(Double.init)
        axis.fixedLabels = names
    }

    static func bars(_ ax: AxesObject, _ args: BoundArguments, _ interp: Runtime, horizontal: Bool) throws -> Value {
        let (posName, sizeName, thickName, baseName) = horizontal ? ("y", "width", "height", "left") : ("x", "height", "width", "bottom")
        let cats = PlotValues.strings(args[posName], interp)
        let positions = try cats.map { $0.indices.map(Double.init) } ?? PlotValues.flat(args[posName], interp, name: posName)
        let sizes = try PlotValues.flat(args[sizeName], interp, name: sizeName)
        let thickness = try PlotValues.flat(args[thickName], interp, name: thickName)
        let bases = try args.optional(baseName).map { try PlotValues.flat($0, interp, name: baseName) } ?? [0]
        let colors = try args.optional("color").map { try PlotValues.colors($0, interp) }
        let edge = try args.optional("edgecolor").map { try PlotValues.color($0, interp) }
        let align = try args.string("align")
        guard align == "center" || align == "edge" else { throw PyError(.valueError, "align must be 'center' or 'edge', not '\(align)'") }
        let bars = try rendering {
            try ax.axes.bar(xs: positions, heights: sizes, widths: thickness, bottoms: bases, color: colors, edgeColor: edge,
                            alignEdge: align == "edge", horizontal: horizontal)
        }
        let alpha = try args.optionalDouble("alpha")
        let lw = try args.optionalDouble("linewidth")
        for b in bars {
            b.alpha = alpha
            if let lw { b.lineWidth = lw }
        }
        if let label = args.optional("label") { bars.first?.label = try interp.str(label) }
        for (name, value) in args.variadicKeywords {
            switch name {
            case "ec": for b in bars { b.edgeColor = try PlotValues.color(value, interp) }
            case "lw": for b in bars { b.lineWidth = value.asDouble ?? 1 }
            case "hatch": for b in bars { b.hatch = try interp.str(value) }
            case "zorder": for b in bars { b.zorder = value.asDouble ?? 1 }
            case "facecolor", "fc": for b in bars { b.faceColor = try PlotValues.color(value, interp) }
            case "data", "log", "capsize", "yerr", "xerr", "ecolor": break
            default: throw PyError(.attributeError, "Rectangle.set() got an unexpected keyword argument '\(name)'")
            }
        }
        let valueAxis = horizontal ? ax.axes.yaxis : ax.axes.xaxis
        if let cats { setCategories(valueAxis, cats) }
        if let tl = args.optional("tick_label") {
            let labels = try interp.collect(tl).map { try interp.str($0) }
            valueAxis.fixedTicks = positions
            valueAxis.fixedLabels = labels
        }
        return .object(BarContainerObject(bars))
    }

    static func spanLine(_ ax: AxesObject, _ o: SpanLine.Orientation, value: Double, from: Double, to: Double,
                         _ keywords: [(name: String, value: Value)], _ interp: Runtime) throws -> Value {
        // Like matplotlib, a plain Line2D colour ('C0') without advancing the cycle.
        let line = ax.axes.spanLine(o, at: value, color: ColorSpec.cycle[0])
        line.from = from; line.to = to
        let proxy = Line2D(xs: [], ys: [], color: line.color)
        try LineKeywords.apply(keywords, to: proxy, interp)
        line.color = proxy.color; line.lineWidth = proxy.lineWidth; line.lineStyle = proxy.lineStyle
        line.label = proxy.label ?? "_nolegend_"; line.alpha = proxy.alpha; line.zorder = proxy.zorder
        return .object(Line2DObject(proxy))
    }

    static func axisLabel(_ axis: Axis, _ args: BoundArguments, _ interp: Runtime, name: String) throws -> Value {
        axis.label = try interp.str(args[name])
        var keywords = args.variadicKeywords
        if let d = args.optional("fontdict") { keywords.append(("fontdict", d)) }
        axis.labelStyle = try TextKeywords.style(keywords, interp, base: TextStyle(size: 10))
        if let pad = try args.optionalDouble("labelpad") { axis.labelPad = pad }
        return .object(TextObject(get: { axis.label }, set: { axis.label = $0 }, at: name == "xlabel" ? (0.5, 0) : (0, 0.5)))
    }

    static func setLimits(_ ax: AxesObject, _ axis: Axis, _ low: Value?, _ high: Value?, _ keywords: [(name: String, value: Value)],
                          x: Bool, _ interp: Runtime) throws -> Value {
        var lo = low, hi = high
        for (name, value) in keywords {
            switch name {
            case "xmin", "ymin": lo = value
            case "xmax", "ymax": hi = value
            case "auto", "emit": break
            default: throw PyError(.typeError, "set_\(x ? "x" : "y")lim() got an unexpected keyword argument '\(name)'")
            }
        }
        if let l = lo, !l.isNone, let pair = try? PlotValues.flat(l, interp, name: "limits"), pair.count == 2, hi == nil {
            axis.lowerLimit = pair[0]; axis.upperLimit = pair[1]
        } else {
            if let l = lo, !l.isNone { axis.lowerLimit = try number(l, "limit") }
            if let h = hi, !h.isNone { axis.upperLimit = try number(h, "limit") }
        }
        return currentLimits(ax, x: x)
    }

    static func number(_ v: Value, _ name: String) throws -> Double {
        guard let d = v.asDouble, d.isFinite else { throw PyError(.valueError, "\(name) must be a finite number, not \(v.typeName)") }
        return d
    }

    static func currentLimits(_ ax: AxesObject, x: Bool) -> Value {
        let axis = x ? ax.axes.xaxis : ax.axes.yaxis
        let (lo, hi) = ax.axes.viewLimits(x: x)
        return .tuple([.float(axis.lowerLimit ?? lo), .float(axis.upperLimit ?? hi)])
    }

    static func pyplotLimits(_ ax: AxesObject, _ axis: Axis, _ args: BoundArguments, _ interp: Runtime, x: Bool) throws -> Value {
        let pos = args.variadicPositional
        guard pos.count <= 2 else { throw PyError(.typeError, "\(x ? "x" : "y")lim() takes at most 2 positional arguments") }
        var keywords = args.variadicKeywords
        keywords = keywords.map { ($0.name == "left" || $0.name == "bottom" ? (x ? "xmin" : "ymin") : $0.name == "right" || $0.name == "top" ? (x ? "xmax" : "ymax") : $0.name, $0.value) }
        return try setLimits(ax, axis, pos.first, pos.count > 1 ? pos[1] : nil, keywords, x: x, interp)
    }

    static func setTicks(_ axis: Axis, _ ticks: Value?, _ labels: Value?, _ keywords: [(name: String, value: Value)], _ interp: Runtime) throws -> Value {
        if let ticks, !ticks.isNone {
            axis.fixedTicks = try PlotValues.flat(ticks, interp, name: "ticks")
            axis.fixedLabels = nil
        }
        if let labels, !labels.isNone {
            let l = try interp.collect(labels).map { try interp.str($0) }
            guard l.count == axis.fixedTicks?.count else {
                throw PyError(.valueError, "The number of FixedLocator locations (\(axis.fixedTicks?.count ?? 0)), usually from a call to set_ticks, does not match the number of labels (\(l.count)).")
            }
            axis.fixedLabels = l
        }
        try tickLabelKeywords(axis, keywords, interp)
        return .tuple([.list((axis.fixedTicks ?? []).map(Value.float)), .list((axis.fixedLabels ?? []).map { label in .object(TextObject(get: { label }, set: { _ in })) })])
    }

    static func setTickLabels(_ axis: Axis, _ labels: Value, _ keywords: [(name: String, value: Value)], _ interp: Runtime) throws -> Value {
        let names = try interp.collect(labels).map { try interp.str($0) }
        axis.fixedLabels = names
        if axis.fixedTicks == nil {
            axis.fixedTicks = names.indices.map(Double.init)
        }
        try tickLabelKeywords(axis, keywords, interp)
        return .none
    }

    static func tickLabelKeywords(_ axis: Axis, _ keywords: [(name: String, value: Value)], _ interp: Runtime) throws {
        for (name, value) in keywords {
            switch name {
            case "rotation": axis.tickLabelRotation = try TextKeywords.rotation(value)
            case "fontsize", "size": axis.tickLabelSize = try TextKeywords.size(value)
            case "color": axis.tickLabelColor = try PlotValues.color(value, interp)
            case "ha", "horizontalalignment": axis.tickLabelAlignment = try TextKeywords.horizontal(value)
            case "minor", "rotation_mode", "va", "fontweight": break
            default: throw PyError(.attributeError, "Text.set() got an unexpected keyword argument '\(name)'")
            }
        }
    }

    static func legend(_ ax: AxesObject, _ args: BoundArguments, _ interp: Runtime) throws -> Value {
        var spec = LegendSpec()
        spec.fontSize = ax.axes.theme.legendFontSize
        spec.titleFontSize = ax.axes.theme.legendTitleSize
        spec.textColor = ax.axes.theme.textColor
        let pos = args.variadicPositional
        var labels: [String]?
        var handles: [Artist]?
        if pos.count == 1 { labels = try interp.collect(pos[0]).map { try interp.str($0) } }
        if pos.count == 2 {
            handles = try interp.collect(pos[0]).map(artist)
            labels = try interp.collect(pos[1]).map { try interp.str($0) }
        }
        for (name, value) in args.variadicKeywords {
            switch name {
            case "loc":
                let text = try value.asIndex.map(String.init) ?? interp.str(value)
                spec.location = try rendering { try LegendLocation(parsing: text) }
            case "fontsize": spec.fontSize = try TextKeywords.size(value)
            case "frameon": spec.frameOn = try interp.truthiness(value)
            case "ncol", "ncols": spec.columns = max(1, value.asIndex ?? 1)
            case "title": spec.title = value.isNone ? nil : try interp.str(value)
            case "labels": labels = try interp.collect(value).map { try interp.str($0) }
            case "handles": handles = try interp.collect(value).map(artist)
            case "bbox_to_anchor":
                let p = try PlotValues.flat(value, interp, name: "bbox_to_anchor")
                guard p.count >= 2 else { throw PyError(.valueError, "bbox_to_anchor must be (x, y)") }
                spec.anchor = (p[0], p[1])
            case "shadow", "fancybox", "framealpha", "borderpad", "markerscale", "numpoints", "scatterpoints",
                 "handlelength", "edgecolor", "facecolor", "prop", "title_fontsize", "labelspacing", "columnspacing", "mode":
                break
            default:
                throw PyError(.typeError, "Legend.__init__() got an unexpected keyword argument '\(name)'")
            }
        }
        if let labels {
            let artists = handles ?? ax.axes.artists.filter { a in !(a.label?.hasPrefix("_") ?? false) && !(a is TextArtist) && !(a is AxesImage) }
            spec.entries = zip(artists, labels).map { ($0, $1) }
        } else if let handles {
            spec.entries = handles.compactMap { a in a.legendLabel.map { (a, $0) } }
        }
        if spec.entries == nil && !ax.axes.artists.contains(where: { $0.legendLabel != nil }) {
            interp.write("No artists with labels found to put in legend.  Note that artists whose label start with an underscore are ignored when legend() is called with no argument.\n", to: .stderr)
        }
        ax.axes.legend = spec
        return .object(LegendObject(ax.axes))
    }

    static func artist(_ v: Value) throws -> Artist {
        if let l = v.object(as: Line2DObject.self) { return l.line }
        if let p = v.object(as: PatchObject.self) { return p.patch }
        if let c = v.object(as: CollectionObject.self) { return c.collection }
        if let b = v.object(as: BarContainerObject.self), let first = b.patches.first { return first.patch }
        if let list = v.object(as: ListObject.self), let first = list.items.first { return try artist(first) }
        throw PyError(.typeError, "legend handles must be artists (lines, bars, scatter collections), not '\(v.typeName)'")
    }

    static func axisCommand(_ ax: AxesObject, _ arg: Value?, _ interp: Runtime) throws -> Value {
        guard let arg else { return try limitsTuple(ax) }
        switch arg {
        case .string(let s):
            switch s {
            case "off": ax.axes.axisOn = false
            case "on": ax.axes.axisOn = true
            case "equal", "scaled", "square": ax.axes.aspect = .equal
            case "image": ax.axes.aspect = .equal
            case "tight": ax.axes.xaxis.margin = 0; ax.axes.yaxis.margin = 0
            case "auto", "normal": ax.axes.aspect = .auto
            default: throw PyError(.valueError, "Unrecognized string '\(s)' to axis; try 'on', 'off', 'equal', 'tight', 'scaled', 'auto', 'image' or 'square'")
            }
        case .bool(let b):
            ax.axes.axisOn = b
        default:
            let v = try PlotValues.flat(arg, interp, name: "axis limits")
            guard v.count == 4 else { throw PyError(.typeError, "the first argument to axis() must be an iterable of the form [xmin, xmax, ymin, ymax]") }
            ax.axes.xaxis.lowerLimit = v[0]; ax.axes.xaxis.upperLimit = v[1]
            ax.axes.yaxis.lowerLimit = v[2]; ax.axes.yaxis.upperLimit = v[3]
        }
        return try limitsTuple(ax)
    }

    static func limitsTuple(_ ax: AxesObject) throws -> Value {
        guard case .object(let xt) = currentLimits(ax, x: true), case .object(let yt) = currentLimits(ax, x: false),
              let x = xt as? TupleObject, let y = yt as? TupleObject else { return .none }
        return .tuple(x.items + y.items)
    }

    static func setScale(_ axis: Axis, _ value: Value) throws {
        guard case .string(let s) = value else { throw PyError(.valueError, "scale must be a string such as 'log'") }
        switch s {
        case "linear": axis.scale = .linear
        case "log", "symlog": axis.scale = .log
        default: throw PyError(.valueError, "'\(s)' is not a valid value for scale; supported values are 'linear', 'log'")
        }
    }

    static func setAspect(_ axes: Axes, _ value: Value) throws {
        switch value {
        case .string("auto"): axes.aspect = .auto
        case .string("equal"): axes.aspect = .equal
        default:
            guard let r = value.asDouble, r > 0 else { throw PyError(.valueError, "aspect must be 'auto', 'equal' or a positive number") }
            axes.aspect = .ratio(r)
        }
    }
}
