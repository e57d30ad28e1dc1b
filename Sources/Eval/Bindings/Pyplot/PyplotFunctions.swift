import ML
import Foundation
import Rendering

/// pyplot's figure-level functions (figure, subplot(s), show, savefig, close, colorbar, ...),
/// shared by the module functions and the Figure methods.
enum PyplotFunctions {
    /// (rows, columns, index) from `subplot(2, 2, 1)` or `subplot(221)`.
    static func gridPosition(_ args: [Value], _ interp: Runtime) throws -> (Int, Int, Int) {
        if args.isEmpty { return (1, 1, 1) }
        if args.count == 1, let code = args[0].asIndex {
            guard (111...999).contains(code) else {
                throw PyError(.valueError, "Integer subplot specification must be a three-digit number, not \(code)")
            }
            return (code / 100, (code / 10) % 10, code % 10)
        }
        guard args.count == 3, let r = args[0].asIndex, let c = args[1].asIndex else {
            throw PyError(.typeError, "subplot() takes 1 or 3 positional arguments but \(args.count) were given")
        }
        if let i = args[2].asIndex { return (r, c, i) }
        throw PyError(.valueError, "subplot index must be an integer (spans such as (1, 2) are not supported)")
    }

    /// `figure(...)`: a new figure (or the open one with that number), made current.
    static func figure(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let state = PyplotState.of(interp)
        if let num = args.optional("num") {
            if let f = num.object(as: FigureObject.self) { state.makeCurrent(f); return .object(f) }
            if let n = num.asIndex, let open = state.figure(number: n) { state.makeCurrent(open); return .object(open) }
        }
        let (w, h, dpi) = try size(args.optional("figsize"), args.optional("dpi"), interp)
        let figure = try state.newFigure(width: w, height: h, dpi: dpi, number: args.optional("num")?.asIndex)
        if let face = args.optional("facecolor") { figure.figure.faceColor = try PlotValues.color(face, interp) }
        if let layout = args.variadicKeywords.first(where: { $0.name == "tight_layout" || $0.name == "layout" }),
           (try? interp.truthiness(layout.value)) == true {
            figure.figure.usesTightLayout = true
        }
        return .object(figure)
    }

    /// Figure size and dpi from arguments, falling back to `rcParams`.
    static func size(_ figsize: Value?, _ dpi: Value?, _ interp: Runtime) throws -> (Double, Double, Double) {
        let rc = try? PyplotModule.rcParams(interp)
        var w = 6.4, h = 4.8, d = 100.0
        if let rc, let fs = rc["figure.figsize"], let pair = try? PlotValues.flat(fs, interp, name: "figsize"), pair.count == 2 { (w, h) = (pair[0], pair[1]) }
        if let rc, let rd = rc["figure.dpi"]?.asDouble { d = rd }
        if let figsize, !figsize.isNone {
            let pair = try PlotValues.flat(figsize, interp, name: "figsize")
            guard pair.count == 2, pair[0] > 0, pair[1] > 0 else { throw PyError(.valueError, "figsize must be (width, height) in inches, both positive") }
            (w, h) = (pair[0], pair[1])
        }
        if let dpi, !dpi.isNone {
            guard let v = dpi.asDouble, v > 0, v <= 1000 else { throw PyError(.valueError, "dpi must be a positive number up to 1000") }
            d = v
        }
        guard w * d <= 16384, h * d <= 16384 else {
            // The sizes are a user's floats (figsize=(1e20, 4)): printed without an Int(...) trap.
            let pixels = [w * d, h * d].map { CheckedSize.int($0.rounded()).map(String.init) ?? "\($0)" }
            throw PyError(.valueError, "figure size \(pixels[0])x\(pixels[1]) pixels is too large: keep it under 16384 pixels a side")
        }
        return (w, h, d)
    }

    /// `subplots(...)` on a figure: the figure and an Axes, a 1-D or a 2-D array of them.
    static func addSubplotGrid(_ f: FigureObject, _ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let rows = try args.int("nrows"), cols = try args.int("ncols")
        guard rows > 0, cols > 0, rows * cols <= 1000 else { throw PyError(.valueError, "nrows and ncols must be positive (and at most 1000 axes), got \(rows) and \(cols)") }
        func share(_ name: String) throws -> Bool {
            let v = args[name]
            if case .string(let s) = v { return s == "all" || s == "col" || s == "row" }
            return try interp.truthiness(v)
        }
        let grid = try rendering { try f.figure.subplots(rows: rows, columns: cols, shareX: try share("sharex"), shareY: try share("sharey")) }
        let objects = grid.flatMap { $0.map(f.wrap) }
        f.setCurrent(objects[0])
        if try interp.truthiness(args["squeeze"]) {
            if rows == 1 && cols == 1 { return .object(objects[0]) }
            if rows == 1 || cols == 1 { return .object(AxesArrayObject(objects, shape: [objects.count])) }
        }
        return .object(AxesArrayObject(objects, shape: [rows, cols]))
    }

    static func subplots(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let state = PyplotState.of(interp)
        let (w, h, dpi) = try size(args.optional("figsize"), args.optional("dpi"), interp)
        let f = try state.newFigure(width: w, height: h, dpi: dpi)
        for (name, value) in args.variadicKeywords {
            switch name {
            case "tight_layout", "constrained_layout", "layout":
                if (try? interp.truthiness(value)) == true { f.figure.usesTightLayout = true }
            case "facecolor": f.figure.faceColor = try PlotValues.color(value, interp)
            case "subplot_kw", "gridspec_kw", "num", "clear": break
            default: throw PyError(.typeError, "subplots() got an unexpected keyword argument '\(name)'")
            }
        }
        let axes = try addSubplotGrid(f, args, interp)
        return .tuple([.object(f), axes])
    }

    static func suptitle(_ f: FigureObject, _ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let style = try TextKeywords.style(args.variadicKeywords, interp, base: TextStyle(size: 12))
        var x = 0.5, y = 0.98
        for (name, value) in args.variadicKeywords {
            if name == "x", let v = value.asDouble { x = v }
            if name == "y", let v = value.asDouble { y = v }
        }
        let t = f.figure.setSuptitle(try interp.str(args["t"]), style: style, x: x, y: y)
        let rest = args.variadicKeywords.filter { $0.name != "x" && $0.name != "y" }
        try TextKeywords.apply(rest, to: t, interp)
        return .object(TextObject(t))
    }

    static func colorbar(_ f: FigureObject, _ args: BoundArguments, _ interp: Runtime) throws -> Value {
        var mappable: ScalarMappable?
        if let m = args.optional("mappable") {
            if let i = m.object(as: ImageObject.self) { mappable = i.image }
            else if let c = m.object(as: CollectionObject.self) { mappable = c.collection }
            else { throw PyError(.typeError, "colorbar needs an image (imshow) or a scatter with c=values, not '\(m.typeName)'") }
        }
        let parent: AxesObject
        if let a = args.optional("ax") {
            if let ax = a.object(as: AxesObject.self) { parent = ax }
            else if let arr = a.object(as: AxesArrayObject.self), let last = arr.items.last { parent = last }
            else if let first = try interp.collect(a).first?.object(as: AxesObject.self) { parent = first }
            else { throw PyError(.typeError, "ax must be an Axes") }
        } else {
            parent = try f.currentAxes()
        }
        if mappable == nil {
            for axes in [parent.axes] + f.figure.axes.reversed() {
                if let found = axes.artists.reversed().first(where: { $0 is AxesImage || (($0 as? PathCollection)?.values != nil) }) {
                    mappable = found as? ScalarMappable
                    break
                }
            }
        }
        guard let mappable else {
            throw PyError(.runtimeError, "No mappable was found to use for colorbar creation. First define a mappable such as an image (with imshow) or a contour set (with contourf).")
        }
        let cb = f.figure.colorbar(for: mappable, parent: parent.axes)
        cb.colorbarLabel = try interp.str(args["label"])
        return .object(ColorbarObject(f.wrap(cb)))
    }

    static func adjust(_ figure: Figure, _ args: BoundArguments) throws -> Value {
        var p = figure.subplotParameters
        if let v = try args.optionalDouble("left") { p.left = v }
        if let v = try args.optionalDouble("right") { p.right = v }
        if let v = try args.optionalDouble("bottom") { p.bottom = v }
        if let v = try args.optionalDouble("top") { p.top = v }
        if let v = try args.optionalDouble("wspace") { p.wspace = v }
        if let v = try args.optionalDouble("hspace") { p.hspace = v }
        guard p.left < p.right, p.bottom < p.top else { throw PyError(.valueError, "left must be less than right and bottom less than top") }
        figure.subplotParameters = p
        figure.usesTightLayout = false
        return .none
    }

    static func savefig(_ f: FigureObject, _ args: BoundArguments, _ interp: Runtime) throws -> Value {
        guard case .string(var path) = args["fname"] else { throw PyError(.typeError, "fname must be a file name string") }
        if let format = try args.optionalString("format"), (path as NSString).pathExtension.isEmpty { path += "." + format }
        path = try checkedPath(path)
        var tight = false
        if let box = args.optional("bbox_inches") {
            guard case .string("tight") = box else {
                throw PyError(.notImplementedError, "savefig(bbox_inches=...) supports only 'tight' or None")
            }
            tight = true
        }
        let pad = try args.optionalDouble("pad_inches") ?? 0.1
        guard pad.isFinite, pad >= 0, pad <= 100 else { throw PyError(.valueError, "pad_inches must be between 0 and 100 inches, got \(pad)") }
        let face = try args.optional("facecolor").map { try PlotValues.color($0, interp) }
        try f.save(to: path, dpi: try args.optionalDouble("dpi"), tight: tight, padInches: pad, facecolor: face, transparent: try interp.truthiness(args["transparent"]))
        return .none
    }

    /// Sets the default colormap (`plt.gray()`) and applies it to the current image, if any.
    static func setDefaultColormap(_ name: String, _ interp: Runtime) throws -> Value {
        let state = PyplotState.of(interp)
        let cmap = try rendering { try Colormap(named: name) }
        state.defaultColormap = cmap
        if let ax = try? state.current?.currentAxes(), let image = ax.axes.artists.last(where: { $0 is AxesImage }) as? AxesImage {
            image.colormap = cmap
        }
        return .none
    }

    /// `close()`, `close('all')`, `close(fig)`, `close(number)`.
    static func close(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let state = PyplotState.of(interp)
        guard let which = args.optional("fig") else {
            if let current = state.current { state.close(current) }
            return .none
        }
        switch which {
        case .string("all"): state.closeAll()
        case .string(let s): throw PyError(.valueError, "close() argument must be a Figure, an int or 'all', not '\(s)'")
        default:
            if let f = which.object(as: FigureObject.self) { state.close(f) }
            else if let n = which.asIndex { if let f = state.figure(number: n) { state.close(f) } }
            else { throw PyError(.typeError, "close() argument must be a Figure, an int or 'all', not '\(which.typeName)'") }
        }
        return .none
    }
}

/// `matplotlib.colorbar.Colorbar`: `set_label`, and the colorbar's own axes as `ax`.
final class ColorbarObject: PyObject {
    let axes: AxesObject
    init(_ axes: AxesObject) { self.axes = axes }
    var pyType: PyType { ColorbarObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<matplotlib.colorbar.Colorbar object>" }
    static let type = PyType("Colorbar", module: "matplotlib.colorbar", doc: "A colour scale beside an image or scatter.") { t in
        t.method("set_label(label, **kwargs)", of: ColorbarObject.self) { c, args, interp in
            c.axes.axes.colorbarLabel = try interp.str(args["label"]); return .none
        }
        t.method("set_ticks(ticks, labels=None)", of: ColorbarObject.self) { c, args, interp in
            c.axes.axes.yaxis.fixedTicks = try PlotValues.flat(args["ticks"], interp, name: "ticks")
            if let l = args.optional("labels") { c.axes.axes.yaxis.fixedLabels = try interp.collect(l).map { try interp.str($0) } }
            return .none
        }
        t.property("ax", of: ColorbarObject.self) { c, _ in .object(c.axes) }
    }
}
