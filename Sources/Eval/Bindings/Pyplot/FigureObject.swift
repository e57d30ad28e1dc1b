import Foundation
import Rendering

/// `matplotlib.figure.Figure`: a figure of the renderer with the axes wrappers handed out
/// for it (so that the same axes is always the same Python object).
final class FigureObject: PyObject {
    let figure: Figure
    private var wrappers: [ObjectIdentifier: AxesObject] = [:]
    private var current: AxesObject?

    init(_ figure: Figure) { self.figure = figure }

    var pyType: PyType { FigureObject.type }

    /// The Python object for `axes`.
    func wrap(_ axes: Axes) -> AxesObject {
        if let existing = wrappers[ObjectIdentifier(axes)] { return existing }
        let object = AxesObject(axes, figure: self)
        wrappers[ObjectIdentifier(axes)] = object
        return object
    }

    /// The current axes, made (a 1x1 subplot) when there is none.
    func currentAxes() throws -> AxesObject {
        if let current, figure.axes.contains(where: { $0 === current.axes }) { return current }
        if let last = figure.axes.last(where: { $0.colorbarSource == nil }) {
            current = wrap(last)
            return current!
        }
        let made = wrap(try rendering { try figure.subplot(rows: 1, columns: 1, index: 1) })
        current = made
        return made
    }

    func setCurrent(_ axes: AxesObject) { current = axes }

    var axesCount: Int { figure.axes.count }

    /// matplotlib's repr: `<Figure size 640x480 with 1 Axes>`.
    var reprText: String {
        let (w, h) = figure.pixelSize
        return "<Figure size \(w)x\(h) with \(axesCount) Axes>"
    }

    func repr(_ interpreter: Runtime) throws -> String { reprText }

    /// The inline display: the PNG cropped to its content as Jupyter's inline backend does,
    /// and the repr; a figure without axes shows only the repr, like matplotlib's.
    func displayData() throws -> DisplayData {
        let text = reprText
        guard axesCount > 0 || !figure.texts.isEmpty || figure.suptitle != nil else {
            return DisplayData(data: ["text/plain": text])
        }
        let image = try rendering { try figure.render(tight: true) }
        let png = try rendering { try PNGEncoder().encode(image) }
        return DisplayData(data: ["image/png": Data(png).base64EncodedString(), "text/plain": text],
                           metadata: ["image/png": ["width": image.width, "height": image.height]])
    }

    func richDisplay(_ interpreter: Runtime) throws -> DisplayData? {
        try displayData()
    }

    /// Writes the figure as PNG to `path` (only PNG is supported).
    func save(to path: String, dpi: Double?, tight: Bool, padInches: Double = 0.1, facecolor: Color?, transparent: Bool) throws {
        let ext = (path as NSString).pathExtension.lowercased()
        guard ext.isEmpty || ext == "png" else {
            throw PyError(.valueError, "Format '\(ext)' is not supported (supported formats: png)")
        }
        let file = ext.isEmpty ? path + ".png" : path
        let savedDPI = figure.dpi, savedFace = figure.faceColor
        defer { figure.dpi = savedDPI; figure.faceColor = savedFace }
        if let dpi {
            guard dpi > 0, dpi <= 1000 else { throw PyError(.valueError, "dpi must be between 0 and 1000, got \(dpi)") }
            figure.dpi = dpi
        }
        if let facecolor { figure.faceColor = facecolor }
        if transparent { figure.faceColor = .clear }
        let png = try rendering { try figure.pngData(tight: tight, padInches: padInches) }
        do {
            try Data(png).write(to: URL(fileURLWithPath: file))
        } catch {
            throw PyError(.fileNotFoundError, "[Errno 2] No such file or directory: '\(file)'")
        }
    }

    static let type = PyType("Figure", module: "matplotlib.figure", doc: "A figure: a canvas holding axes, titles and texts.") { t in
        t.property("number", of: FigureObject.self, doc: "pyplot's figure number.") { f, _ in .int(f.figure.number) }
        t.property("dpi", of: FigureObject.self, doc: "Dots per inch.", get: { f, _ in .float(f.figure.dpi) },
                   set: { f, v, _ in
                       guard let d = v.asDouble, d > 0, d <= 1000 else { throw PyError(.valueError, "dpi must be a positive number") }
                       f.figure.dpi = d
                   })
        t.property("axes", of: FigureObject.self, doc: "The list of axes.") { f, _ in
            .list(f.figure.axes.map { .object(f.wrap($0)) })
        }
        t.method("add_subplot(*args, **kwargs)", of: FigureObject.self, doc: "Add an axes at a grid position: add_subplot(2, 2, 1) or add_subplot(221).") { f, args, interp in
            let (r, c, i) = try PyplotFunctions.gridPosition(args.variadicPositional, interp)
            let ax = f.wrap(try rendering { try f.figure.subplot(rows: r, columns: c, index: i) })
            try ax.applyAxesKeywords(args.variadicKeywords, interp)
            f.current = ax
            return .object(ax)
        }
        t.method("add_axes(rect)", of: FigureObject.self, doc: "Add an axes at [left, bottom, width, height] in figure fractions.") { f, args, interp in
            let r = try PlotValues.flat(args["rect"], interp, name: "rect")
            guard r.count == 4 else { throw PyError(.valueError, "rect must be [left, bottom, width, height]") }
            let ax = f.wrap(f.figure.addAxes(x: r[0], y: r[1], width: r[2], height: r[3]))
            f.current = ax
            return .object(ax)
        }
        t.method("subplots(nrows=1, ncols=1, sharex=False, sharey=False, squeeze=True)", of: FigureObject.self, doc: "Add a grid of axes to this figure.") { f, args, interp in
            try PyplotFunctions.addSubplotGrid(f, args, interp)
        }
        t.method("gca()", of: FigureObject.self, doc: "The current axes.") { f, _, _ in .object(try f.currentAxes()) }
        t.method("suptitle(t, **kwargs)", of: FigureObject.self, doc: "A centred title above all subplots.") { f, args, interp in
            try PyplotFunctions.suptitle(f, args, interp)
        }
        t.method("text(x, y, s, **kwargs)", of: FigureObject.self, doc: "Text at (x, y) in figure fractions.") { f, args, interp in
            let style = try TextKeywords.style(args.variadicKeywords, interp, base: TextStyle())
            let text = f.figure.text(x: try args.double("x"), y: try args.double("y"), try interp.str(args["s"]), style: style)
            try TextKeywords.apply(args.variadicKeywords, to: text, interp)
            return .object(TextObject(text))
        }
        t.method("colorbar(mappable=None, ax=None, cax=None, label='', **kwargs)", of: FigureObject.self, doc: "A colorbar for an image or scatter.") { f, args, interp in
            try PyplotFunctions.colorbar(f, args, interp)
        }
        t.method("tight_layout(pad=1.08)", of: FigureObject.self, doc: "Fit subplots and their labels in the figure.") { f, _, _ in
            f.figure.usesTightLayout = true
            return .none
        }
        t.method("subplots_adjust(left=None, bottom=None, right=None, top=None, wspace=None, hspace=None)", of: FigureObject.self, doc: "Set the subplot spacing.") { f, args, _ in
            try PyplotFunctions.adjust(f.figure, args)
        }
        t.method("savefig(fname, dpi=None, bbox_inches=None, format=None, facecolor=None, transparent=False, pad_inches=0.1)", of: FigureObject.self, doc: "Save the figure as a PNG file.") { f, args, interp in
            try PyplotFunctions.savefig(f, args, interp)
        }
        t.method("set_size_inches(w, h=None)", of: FigureObject.self, doc: "Set the figure size in inches.") { f, args, interp in
            var w = 0.0, h = 0.0
            if let hh = try args.optionalDouble("h") {
                w = try args.double("w"); h = hh
            } else {
                let pair = try PlotValues.flat(args["w"], interp, name: "size")
                guard pair.count == 2 else { throw PyError(.valueError, "set_size_inches needs width and height") }
                (w, h) = (pair[0], pair[1])
            }
            guard w > 0, h > 0, w * f.figure.dpi <= 16384, h * f.figure.dpi <= 16384 else {
                throw PyError(.valueError, "figure size must be positive and under 16384 pixels, got \(w)x\(h) inches")
            }
            f.figure.width = w; f.figure.height = h
            return .none
        }
        t.method("get_size_inches()", of: FigureObject.self) { f, _, _ in .tuple([.float(f.figure.width), .float(f.figure.height)]) }
        t.method("clf()", of: FigureObject.self, doc: "Clear the figure.") { f, _, _ in f.figure.clear(); return .none }
        t.method("show()", of: FigureObject.self, doc: "Show the figure inline.") { f, _, interp in
            interp.display(try f.displayData())
            return .none
        }
        t.method("set_facecolor(color)", of: FigureObject.self) { f, args, interp in
            f.figure.faceColor = try PlotValues.color(args["color"], interp)
            return .none
        }
        t.method("delaxes(ax)", of: FigureObject.self, doc: "Remove an axes.") { f, args, _ in
            guard let ax = args["ax"].object(as: AxesObject.self) else { throw PyError(.typeError, "delaxes needs an Axes") }
            f.figure.remove(ax.axes)
            return .none
        }
    }
}
