import Rendering

/// `matplotlib.lines.Line2D`, what `plot` returns (in a list).
final class Line2DObject: PyObject {
    let line: Line2D
    init(_ line: Line2D) { self.line = line }
    var pyType: PyType { Line2DObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.lines.Line2D object>" }

    static let type = PyType("Line2D", module: "matplotlib.lines", doc: "A line with optional markers.") { t in
        t.method("set_label(s)", of: Line2DObject.self) { l, args, interp in l.line.label = try interp.str(args["s"]); return .none }
        t.method("get_label()", of: Line2DObject.self) { l, _, _ in .string(l.line.label ?? "") }
        t.method("set_color(color)", of: Line2DObject.self) { l, args, interp in l.line.color = try PlotValues.color(args["color"], interp); return .none }
        t.method("set_linewidth(w)", of: Line2DObject.self) { l, args, _ in l.line.lineWidth = try args.double("w"); return .none }
        t.method("set_linestyle(ls)", of: Line2DObject.self) { l, args, _ in
            l.line.lineStyle = try rendering { try LineStyle(parsing: try args.string("ls")) }
            return .none
        }
        t.method("set_alpha(alpha)", of: Line2DObject.self) { l, args, _ in l.line.alpha = try args.optionalDouble("alpha"); return .none }
        t.method("set_data(x, y)", of: Line2DObject.self) { l, args, interp in
            l.line.xs = try PlotValues.flat(args["x"], interp, name: "x")
            l.line.ys = try PlotValues.flat(args["y"], interp, name: "y")
            return .none
        }
        t.method("set_ydata(y)", of: Line2DObject.self) { l, args, interp in l.line.ys = try PlotValues.flat(args["y"], interp, name: "y"); return .none }
        t.method("set_xdata(x)", of: Line2DObject.self) { l, args, interp in l.line.xs = try PlotValues.flat(args["x"], interp, name: "x"); return .none }
        t.method("get_xdata()", of: Line2DObject.self) { l, _, interp in PlotValues.array(l.line.xs, interp) }
        t.method("get_ydata()", of: Line2DObject.self) { l, _, interp in PlotValues.array(l.line.ys, interp) }
        t.method("get_color()", of: Line2DObject.self) { l, _, _ in .string(hex(l.line.color)) }
        t.method("set_visible(b)", of: Line2DObject.self) { l, args, _ in l.line.visible = try args.bool("b"); return .none }
        t.method("set_marker(marker)", of: Line2DObject.self) { l, args, _ in
            l.line.marker = try LineKeywords.marker(args["marker"])
            return .none
        }
        t.method("remove()", of: Line2DObject.self) { l, _, _ in l.line.visible = false; return .none }
    }
}

/// `#rrggbb` for a colour, as matplotlib's `to_hex`.
func hex(_ c: Color) -> String {
    func byte(_ v: Double) -> String {
        let s = String(Int((max(0, min(1, v)) * 255).rounded()), radix: 16)
        return s.count == 1 ? "0" + s : s
    }
    return "#" + byte(c.r) + byte(c.g) + byte(c.b)
}

/// `matplotlib.patches.Rectangle` / `Polygon`: a bar, a histogram bin, a filled area.
final class PatchObject: PyObject {
    let patch: Patch
    init(_ patch: Patch) { self.patch = patch }
    var pyType: PyType { PatchObject.type }
    func repr(_ interpreter: Runtime) throws -> String {
        if let r = patch as? Rectangle {
            return "Rectangle(xy=(\(try interp(r.x)), \(try interp(r.y))), width=\(try interp(r.width)), height=\(try interp(r.height)), angle=0)"
        }
        return "<matplotlib.patches.Polygon object>"
    }
    private func interp(_ v: Double) throws -> String { FloatRepr.repr(v) }

    static let type = PyType("Rectangle", module: "matplotlib.patches", doc: "A filled shape with an optional outline.") { t in
        t.method("set_color(c)", of: PatchObject.self, doc: "Set face and edge colour.") { p, args, interp in
            p.patch.setColor(try PlotValues.color(args["c"], interp)); return .none
        }
        t.method("set_facecolor(color)", of: PatchObject.self) { p, args, interp in p.patch.faceColor = try PlotValues.color(args["color"], interp); return .none }
        t.method("set_edgecolor(color)", of: PatchObject.self) { p, args, interp in p.patch.edgeColor = try PlotValues.color(args["color"], interp); return .none }
        t.method("set_alpha(alpha)", of: PatchObject.self) { p, args, _ in p.patch.alpha = try args.optionalDouble("alpha"); return .none }
        t.method("set_label(s)", of: PatchObject.self) { p, args, interp in p.patch.label = try interp.str(args["s"]); return .none }
        t.method("set_linewidth(w)", of: PatchObject.self) { p, args, _ in p.patch.lineWidth = try args.double("w"); return .none }
        t.method("set_hatch(hatch)", of: PatchObject.self) { p, args, _ in p.patch.hatch = try args.optionalString("hatch"); return .none }
        t.method("set_height(h)", of: PatchObject.self) { p, args, _ in (p.patch as? Rectangle)?.height = try args.double("h"); return .none }
        t.method("set_width(w)", of: PatchObject.self) { p, args, _ in (p.patch as? Rectangle)?.width = try args.double("w"); return .none }
        t.method("get_height()", of: PatchObject.self) { p, _, _ in .float((p.patch as? Rectangle)?.height ?? 0) }
        t.method("get_width()", of: PatchObject.self) { p, _, _ in .float((p.patch as? Rectangle)?.width ?? 0) }
        t.method("get_x()", of: PatchObject.self) { p, _, _ in .float((p.patch as? Rectangle)?.x ?? 0) }
        t.method("get_y()", of: PatchObject.self) { p, _, _ in .float((p.patch as? Rectangle)?.y ?? 0) }
        t.method("get_facecolor()", of: PatchObject.self) { p, _, _ in
            let c = p.patch.faceColor
            return .tuple([.float(c.r), .float(c.g), .float(c.b), .float(c.a)])
        }
        t.method("set_visible(b)", of: PatchObject.self) { p, args, _ in p.patch.visible = try args.bool("b"); return .none }
    }
}

/// `matplotlib.container.BarContainer`: the bars of one `bar` call, indexable and iterable.
final class BarContainerObject: PyObject {
    let patches: [PatchObject]
    init(_ patches: [Patch]) { self.patches = patches.map(PatchObject.init) }
    var pyType: PyType { BarContainerObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<BarContainer object of \(patches.count) artists>" }
    func length(_ interpreter: Runtime) throws -> Int? { patches.count }
    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        guard let i = key.asIndex else { throw PyError(.typeError, "list indices must be integers, not \(key.typeName)") }
        let j = i < 0 ? i + patches.count : i
        guard patches.indices.contains(j) else { throw PyError(.indexError, "index \(i) is out of range for \(patches.count) bars") }
        return .object(patches[j])
    }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        try interpreter.makeIterator(.list(patches.map { .object($0) }))
    }

    static let type = PyType("BarContainer", module: "matplotlib.container", doc: "The bars of one bar() call.") { t in
        t.property("patches", of: BarContainerObject.self) { b, _ in .list(b.patches.map { .object($0) }) }
        t.method("set_label(s)", of: BarContainerObject.self) { b, args, interp in
            b.patches.first?.patch.label = try interp.str(args["s"]); return .none
        }
        t.method("set_color(c)", of: BarContainerObject.self) { b, args, interp in
            let c = try PlotValues.color(args["c"], interp)
            for p in b.patches { p.patch.setColor(c) }
            return .none
        }
    }
}

/// `matplotlib.collections.PathCollection`, what `scatter` returns.
final class CollectionObject: PyObject {
    let collection: PathCollection
    init(_ collection: PathCollection) { self.collection = collection }
    var pyType: PyType { CollectionObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.collections.PathCollection object>" }

    static let type = PyType("PathCollection", module: "matplotlib.collections", doc: "Markers of a scatter plot.") { t in
        t.method("set_label(s)", of: CollectionObject.self) { c, args, interp in c.collection.label = try interp.str(args["s"]); return .none }
        t.method("set_alpha(alpha)", of: CollectionObject.self) { c, args, _ in c.collection.alpha = try args.optionalDouble("alpha"); return .none }
        t.method("set_color(c)", of: CollectionObject.self) { c, args, interp in
            c.collection.faceColors = try PlotValues.colors(args["c"], interp)
            c.collection.values = nil
            return .none
        }
        t.method("set_cmap(cmap)", of: CollectionObject.self) { c, args, interp in
            if let m = try PlotValues.colormap(args["cmap"], interp) { c.collection.colormap = m }
            return .none
        }
        t.method("set_clim(vmin=None, vmax=None)", of: CollectionObject.self) { c, args, _ in
            var n = c.collection.mappedNormalization
            if let v = try args.optionalDouble("vmin") { n.vmin = v }
            if let v = try args.optionalDouble("vmax") { n.vmax = v }
            c.collection.normalization = n
            return .none
        }
    }
}

/// `matplotlib.image.AxesImage`, what `imshow` returns.
final class ImageObject: PyObject {
    let image: AxesImage
    init(_ image: AxesImage) { self.image = image }
    var pyType: PyType { ImageObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.image.AxesImage object>" }

    static let type = PyType("AxesImage", module: "matplotlib.image", doc: "An image shown in axes.") { t in
        t.method("set_cmap(cmap)", of: ImageObject.self) { i, args, interp in
            if let m = try PlotValues.colormap(args["cmap"], interp) { i.image.colormap = m }
            return .none
        }
        t.method("set_clim(vmin=None, vmax=None)", of: ImageObject.self) { i, args, interp in
            if let pair = try? PlotValues.flat(args["vmin"], interp, name: "clim"), pair.count == 2 {
                i.image.normalization.vmin = pair[0]; i.image.normalization.vmax = pair[1]
                return .none
            }
            if let v = try args.optionalDouble("vmin") { i.image.normalization.vmin = v }
            if let v = try args.optionalDouble("vmax") { i.image.normalization.vmax = v }
            return .none
        }
        t.method("set_data(A)", of: ImageObject.self) { i, args, interp in
            i.image.pixels = try ImagePixels.convert(args["A"], interp).pixels
            return .none
        }
        t.method("set_interpolation(s)", of: ImageObject.self) { i, args, _ in i.image.interpolation = try args.string("s"); return .none }
        t.method("set_alpha(alpha)", of: ImageObject.self) { i, args, _ in i.image.alpha = try args.optionalDouble("alpha"); return .none }
    }
}

/// `matplotlib.text.Text`: titles, labels, `text()` results.
final class TextObject: PyObject {
    let text: TextArtist?
    /// For axis labels and titles, which live on the axes rather than as artists.
    let setter: ((String) -> Void)?
    let getter: (() -> String)?
    /// Where matplotlib reports titles and labels to be (axes fractions), for the repr.
    let position: (Double, Double)

    init(_ text: TextArtist) { self.text = text; setter = nil; getter = nil; position = (text.x, text.y) }
    init(get: @escaping () -> String, set: @escaping (String) -> Void, at position: (Double, Double) = (0, 0)) {
        text = nil; getter = get; setter = set; self.position = position
    }

    var pyType: PyType { TextObject.type }
    var string: String { text?.text ?? getter?() ?? "" }
    func repr(_ interpreter: Runtime) throws -> String {
        if let text {
            return "Text(\(FloatRepr.repr(text.x)), \(FloatRepr.repr(text.y)), \(StringRepr.repr(string)))"
        }
        return "Text(\(FloatRepr.shortRepr(position.0)), \(FloatRepr.shortRepr(position.1)), \(StringRepr.repr(string)))"
    }

    static let type = PyType("Text", module: "matplotlib.text", doc: "A piece of text.") { t in
        t.method("set_text(s)", of: TextObject.self) { o, args, interp in
            let s = try interp.str(args["s"])
            o.text?.text = s
            o.setter?(s)
            return .none
        }
        t.method("get_text()", of: TextObject.self) { o, _, _ in .string(o.string) }
        t.method("set_color(color)", of: TextObject.self) { o, args, interp in o.text?.style.color = try PlotValues.color(args["color"], interp); return .none }
        t.method("set_fontsize(size)", of: TextObject.self) { o, args, _ in o.text?.style.size = try TextKeywords.size(args["size"]); return .none }
        t.method("set_rotation(r)", of: TextObject.self) { o, args, _ in o.text?.rotation = try TextKeywords.rotation(args["r"]); return .none }
        t.method("set_visible(b)", of: TextObject.self) { o, args, _ in o.text?.visible = try args.bool("b"); return .none }
        t.method("set_position(xy)", of: TextObject.self) { o, args, interp in
            let p = try PlotValues.flat(args["xy"], interp, name: "xy")
            guard p.count == 2 else { throw PyError(.valueError, "position must be (x, y)") }
            o.text?.x = p[0]; o.text?.y = p[1]
            return .none
        }
    }
}

/// `ax.xaxis` / `ax.get_xaxis()`: visibility, ticks and label of one axis.
final class AxisObject: PyObject {
    let axis: Axis
    init(_ axis: Axis) { self.axis = axis }
    var pyType: PyType { AxisObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.axis.Axis object>" }

    static let type = PyType("Axis", module: "matplotlib.axis", doc: "One axis: ticks, tick labels and label.") { t in
        t.method("set_visible(b)", of: AxisObject.self, doc: "Show or hide ticks and tick labels.") { a, args, _ in a.axis.visible = try args.bool("b"); return .none }
        t.method("set_ticks(ticks, labels=None)", of: AxisObject.self) { a, args, interp in
            a.axis.fixedTicks = try PlotValues.flat(args["ticks"], interp, name: "ticks")
            if let l = args.optional("labels") { a.axis.fixedLabels = try interp.collect(l).map { try interp.str($0) } }
            return .none
        }
        t.method("set_ticklabels(labels)", of: AxisObject.self) { a, args, interp in
            a.axis.fixedLabels = try interp.collect(args["labels"]).map { try interp.str($0) }
            return .none
        }
        t.method("set_label_text(label)", of: AxisObject.self) { a, args, interp in a.axis.label = try interp.str(args["label"]); return .none }
        t.method("grid(visible=True)", of: AxisObject.self) { a, args, interp in a.axis.gridVisible = try interp.truthiness(args["visible"]); return .none }
        t.method("set_major_locator(locator)", of: AxisObject.self, doc: "Accepted for compatibility; ticks stay automatic.") { _, _, _ in .none }
        t.method("set_major_formatter(formatter)", of: AxisObject.self, doc: "Accepted for compatibility; labels stay automatic.") { _, _, _ in .none }
        t.method("set_tick_params(**kwargs)", of: AxisObject.self) { a, args, interp in
            for (name, value) in args.variadicKeywords {
                switch name {
                case "labelsize": a.axis.tickLabelSize = try TextKeywords.size(value)
                case "rotation", "labelrotation": a.axis.tickLabelRotation = try TextKeywords.rotation(value)
                case "labelcolor", "colors": a.axis.tickLabelColor = try PlotValues.color(value, interp)
                default: break
                }
            }
            return .none
        }
    }
}

/// `ax.spines`: `ax.spines['top'].set_visible(False)`.
final class SpinesObject: PyObject {
    let axes: Axes
    init(_ axes: Axes) { self.axes = axes }
    var pyType: PyType { SpinesObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.spines.Spines object>" }
    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        guard case .string(let side) = key, ["left", "right", "top", "bottom"].contains(side) else {
            throw PyError(.keyError, "'\(try interpreter.str(key))'")
        }
        return .object(SpineObject(axes: axes, side: side))
    }
    static let type = PyType("Spines", module: "matplotlib.spines", doc: "The four lines framing an axes.")
}

final class SpineObject: PyObject {
    let axes: Axes
    let side: String
    init(axes: Axes, side: String) { self.axes = axes; self.side = side }
    var pyType: PyType { SpineObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.spines.Spine object>" }
    static let type = PyType("Spine", module: "matplotlib.spines", doc: "One line of an axes frame.") { t in
        t.method("set_visible(b)", of: SpineObject.self) { s, args, _ in s.axes.spines[s.side] = try args.bool("b"); return .none }
        t.method("set_color(c)", of: SpineObject.self, doc: "Accepted; spines stay black.") { _, _, _ in .none }
        t.method("set_linewidth(w)", of: SpineObject.self, doc: "Accepted; spines keep their width.") { _, _, _ in .none }
    }
}

/// A colormap (`plt.cm.viridis`, `plt.get_cmap('gray')`); calling it maps values to RGBA.
final class ColormapObject: PyObject {
    let colormap: Colormap
    init(_ colormap: Colormap) { self.colormap = colormap }
    var pyType: PyType { ColormapObject.type }
    var name: String { colormap.name }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.colors.Colormap object '\(colormap.name)'>" }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let x = arguments.positional.first else { throw PyError(.typeError, "Colormap() missing required argument 'X'") }
        func rgba(_ c: Color) -> Value { .tuple([.float(c.r), .float(c.g), .float(c.b), .float(c.a)]) }
        if case .int(let i) = x { return rgba(colormap.color(index: i)) }
        if let v = x.asDouble, PlotValues.ndarray(in: x) == nil, (try? interpreter.collect(x)) == nil {
            return rgba(colormap.color(at: v))
        }
        let values = try PlotValues.flat(x, interpreter, name: "X")
        return .list(values.map { rgba(colormap.color(at: $0)) })
    }

    static let type = PyType("Colormap", module: "matplotlib.colors", doc: "Maps numbers in 0...1 to colours.") { t in
        t.property("name", of: ColormapObject.self) { c, _ in .string(c.colormap.name) }
        t.property("N", of: ColormapObject.self) { c, _ in .int(c.colormap.count) }
        t.method("reversed()", of: ColormapObject.self) { c, _, _ in
            let name = c.colormap.name.hasSuffix("_r") ? String(c.colormap.name.dropLast(2)) : c.colormap.name + "_r"
            return .object(ColormapObject(try rendering { try Colormap(named: name) }))
        }
    }
}

/// `matplotlib.legend.Legend`, what `legend()` returns.
final class LegendObject: PyObject {
    let axes: Axes
    init(_ axes: Axes) { self.axes = axes }
    var pyType: PyType { LegendObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.legend.Legend object>" }
    static let type = PyType("Legend", module: "matplotlib.legend", doc: "The legend of an axes.") { t in
        t.method("set_visible(b)", of: LegendObject.self) { l, args, _ in
            if !(try args.bool("b")) { l.axes.legend = nil }
            return .none
        }
        t.method("remove()", of: LegendObject.self) { l, _, _ in l.axes.legend = nil; return .none }
    }
}

/// The axes of `subplots(r, c)`: a 1-D or 2-D array with NumPy's indexing, `flat`,
/// `flatten()`, `ravel()`, `shape` and iteration.
final class AxesArrayObject: PyObject {
    let items: [AxesObject]
    let shape: [Int]
    init(_ items: [AxesObject], shape: [Int]) { self.items = items; self.shape = shape }
    var pyType: PyType { AxesArrayObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        if shape.count == 1 { return "array([" + items.map { _ in "<Axes>" }.joined(separator: ", ") + "], dtype=object)" }
        let rows = (0..<shape[0]).map { r in "[" + (0..<shape[1]).map { _ in "<Axes>" }.joined(separator: ", ") + "]" }
        return "array([" + rows.joined(separator: ",\n       ") + "], dtype=object)"
    }

    func length(_ interpreter: Runtime) throws -> Int? { shape[0] }

    private func row(_ r: Int) -> Value {
        if shape.count == 1 { return .object(items[r]) }
        return .object(AxesArrayObject(Array(items[(r * shape[1])..<((r + 1) * shape[1])]), shape: [shape[1]]))
    }

    private func normalized(_ i: Int, _ n: Int, axis: Int) throws -> Int {
        let j = i < 0 ? i + n : i
        guard (0..<n).contains(j) else {
            throw PyError(.indexError, "index \(i) is out of bounds for axis \(axis) with size \(n)")
        }
        return j
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let i = key.asIndex { return row(try normalized(i, shape[0], axis: 0)) }
        if let tuple = key.object(as: TupleObject.self) {
            let idx = tuple.items
            guard idx.count == shape.count, let r = idx[0].asIndex, shape.count == 1 || idx[1].asIndex != nil else {
                throw PyError(.indexError, "too many indices for array: array is \(shape.count)-dimensional, but \(idx.count) were indexed")
            }
            let rr = try normalized(r, shape[0], axis: 0)
            if shape.count == 1 { return .object(items[rr]) }
            let cc = try normalized(idx[1].asIndex!, shape[1], axis: 1)
            return .object(items[rr * shape[1] + cc])
        }
        throw PyError(.indexError, "only integers and tuples of integers index an array of axes")
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        try interpreter.makeIterator(.list((0..<shape[0]).map(row)))
    }

    static let type = PyType("ndarray", module: "numpy", doc: "An array of Axes.") { t in
        t.property("flat", of: AxesArrayObject.self) { a, _ in .list(a.items.map { .object($0) }) }
        t.property("shape", of: AxesArrayObject.self) { a, _ in .tuple(a.shape.map(Value.int)) }
        t.property("size", of: AxesArrayObject.self) { a, _ in .int(a.items.count) }
        t.property("ndim", of: AxesArrayObject.self) { a, _ in .int(a.shape.count) }
        t.method("flatten()", of: AxesArrayObject.self) { a, _, _ in .object(AxesArrayObject(a.items, shape: [a.items.count])) }
        t.method("ravel()", of: AxesArrayObject.self) { a, _, _ in .object(AxesArrayObject(a.items, shape: [a.items.count])) }
        t.method("reshape(*shape)", of: AxesArrayObject.self) { a, args, _ in
            let dims = args.variadicPositional.compactMap(\.asIndex)
            guard dims.reduce(1, *) == a.items.count, (1...2).contains(dims.count) else {
                throw PyError(.valueError, "cannot reshape array of size \(a.items.count) into shape \(dims)")
            }
            return .object(AxesArrayObject(a.items, shape: dims))
        }
    }
}

extension FloatRepr {
    /// matplotlib prints whole coordinates without a fraction: `Text(0.5, 1.0, ...)` but `Text(0, 0.5, ...)`.
    static func shortRepr(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e15 && v != 1 ? String(Int(v)) : repr(v)
    }
}
