import Rendering

/// The modules the pyplot binding provides to `import`: `matplotlib`, `matplotlib.pyplot`,
/// `matplotlib.cm` and `matplotlib.colors`.
enum PyplotBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("matplotlib", make: PyplotModule.makeMatplotlib),
        ModuleDefinition("matplotlib.pyplot", make: PyplotModule.makePyplot),
        ModuleDefinition("matplotlib.cm", make: PyplotModule.makeColormaps),
    ]
}

/// Builds the modules; every pyplot function has a signature and a docstring.
enum PyplotModule {
    /// matplotlib's rcParams subset that this renderer reads: figure size and dpi.
    static func rcParams(_ interp: Runtime) throws -> [String: Value] {
        let rc = PyplotState.of(interp).rcParams
        var out: [String: Value] = [:]
        for key in ["figure.figsize", "figure.dpi"] {
            if let v = try? interp.item(rc, .string(key)) { out[key] = v }
        }
        return out
    }

    static func makeMatplotlib(_ interp: Runtime) throws -> Module {
        let m = Module("matplotlib", doc: "Plotting with SwiftML's own renderer (matplotlib's API).")
        m["__version__"] = .string("3.9.0 (SwiftML renderer)")
        m["rcParams"] = PyplotState.of(interp).rcParams
        m.function("use(backend, force=True)", doc: "Accepted for compatibility: figures always render inline as PNG.") { _, _ in .none }
        return m
    }

    static func makeColormaps(_ interp: Runtime) throws -> Module {
        let cm = Module("matplotlib.cm", doc: "Colormaps by name: cm.viridis, cm.gray, cm.binary, cm.hot, ... (and _r reversed).")
        for name in Colormap.names {
            for variant in [name, name + "_r"] {
                if let map = try? Colormap(named: variant) { cm[variant] = .object(ColormapObject(map)) }
            }
        }
        cm.function("get_cmap(name=None, lut=None)", doc: "The colormap called name (viridis when None).") { args, interp in
            try getColormap(args, interp)
        }
        return cm
    }

    static func getColormap(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        guard let v = args.optional("name") else { return .object(ColormapObject(.viridis)) }
        if let c = v.object(as: ColormapObject.self) { return .object(c) }
        return .object(ColormapObject(try PlotValues.colormap(v, interp) ?? .viridis))
    }

    static func makePyplot(_ interp: Runtime) throws -> Module {
        let plt = Module("matplotlib.pyplot", doc: "pyplot: matplotlib's state-machine interface, drawn by SwiftML's renderer and shown inline as PNG.")
        let state = PyplotState.of(interp)
        plt["rcParams"] = state.rcParams
        plt["cm"] = .object(try makeColormaps(interp))
        plt["style"] = .object(makeStyle())

        for method in AxesMethods.all {
            guard let name = method.pyplotName else { continue }
            let body = method.body
            plt.function("\(name)(\(method.parameters))", doc: method.doc) { args, interp in
                try body(try PyplotState.of(interp).gca(), args, interp)
            }
        }

        plt.function("figure(num=None, figsize=None, dpi=None, facecolor=None, **kwargs)",
                     doc: "Create a new figure (figsize in inches, default (6.4, 4.8); dpi default 100) and make it current.") { args, interp in
            try PyplotFunctions.figure(args, interp)
        }
        plt.function("subplot(*args, **kwargs)", doc: "Make the axes at a grid position current: subplot(nrows, ncols, index) or subplot(221).") { args, interp in
            let (r, c, i) = try PyplotFunctions.gridPosition(args.variadicPositional, interp)
            let f = try PyplotState.of(interp).gcf()
            let ax = f.wrap(try rendering { try f.figure.subplot(rows: r, columns: c, index: i) })
            try ax.applyAxesKeywords(args.variadicKeywords, interp)
            f.setCurrent(ax)
            return .object(ax)
        }
        plt.function("subplots(nrows=1, ncols=1, figsize=None, dpi=None, sharex=False, sharey=False, squeeze=True, **kwargs)",
                     doc: "A new figure with a grid of axes; returns (fig, ax) with ax an Axes or an array of them.") { args, interp in
            try PyplotFunctions.subplots(args, interp)
        }
        plt.function("gcf()", doc: "The current figure.") { _, interp in .object(try PyplotState.of(interp).gcf()) }
        plt.function("gca()", doc: "The current axes.") { _, interp in .object(try PyplotState.of(interp).gca()) }
        plt.function("sca(ax)", doc: "Make ax the current axes (and its figure the current figure).") { args, interp in
            guard let ax = args["ax"].object(as: AxesObject.self) else { throw PyError(.typeError, "sca() needs an Axes") }
            PyplotState.of(interp).makeCurrent(ax.figure)
            ax.figure.setCurrent(ax)
            return .none
        }
        plt.function("show(block=None)", doc: "Show every open figure inline (as PNG) and close them.") { _, interp in
            try PyplotState.of(interp).showAll(interp)
            return .none
        }
        plt.function("savefig(fname, dpi=None, bbox_inches=None, format=None, facecolor=None, transparent=False, pad_inches=0.1)",
                     doc: "Save the current figure as a PNG file.") { args, interp in
            try PyplotFunctions.savefig(try PyplotState.of(interp).gcf(), args, interp)
        }
        plt.function("close(fig=None)", doc: "Close the current figure, a given one, a number, or 'all'.") { args, interp in
            try PyplotFunctions.close(args, interp)
        }
        plt.function("clf()", doc: "Clear the current figure.") { _, interp in
            try PyplotState.of(interp).gcf().figure.clear(); return .none
        }
        plt.function("suptitle(t, **kwargs)", doc: "A centred title above all subplots of the current figure.") { args, interp in
            try PyplotFunctions.suptitle(try PyplotState.of(interp).gcf(), args, interp)
        }
        plt.function("figtext(x, y, s, **kwargs)", doc: "Text at (x, y) in figure fractions.") { args, interp in
            let f = try PyplotState.of(interp).gcf()
            let style = try TextKeywords.style(args.variadicKeywords, interp, base: TextStyle())
            let t = f.figure.text(x: try args.double("x"), y: try args.double("y"), try interp.str(args["s"]), style: style)
            try TextKeywords.apply(args.variadicKeywords, to: t, interp)
            return .object(TextObject(t))
        }
        plt.function("colorbar(mappable=None, ax=None, cax=None, label='', **kwargs)",
                     doc: "A colour scale for the last image or scatter (or the given one), beside its axes.") { args, interp in
            try PyplotFunctions.colorbar(try PyplotState.of(interp).gcf(), args, interp)
        }
        plt.function("tight_layout(pad=1.08, h_pad=None, w_pad=None, rect=None)", doc: "Space subplots so their labels and titles fit.") { _, interp in
            try PyplotState.of(interp).gcf().figure.usesTightLayout = true
            return .none
        }
        plt.function("subplots_adjust(left=None, bottom=None, right=None, top=None, wspace=None, hspace=None)",
                     doc: "Set the subplot spacing in figure fractions.") { args, interp in
            try PyplotFunctions.adjust(try PyplotState.of(interp).gcf().figure, args)
        }
        plt.function("get_cmap(name=None, lut=None)", doc: "The colormap called name.") { args, interp in
            try getColormap(args, interp)
        }
        plt.function("set_cmap(cmap)", doc: "The default colormap for later images (and the current one).") { args, interp in
            let name = try args["cmap"].object(as: ColormapObject.self)?.name ?? args.string("cmap")
            return try PyplotFunctions.setDefaultColormap(name, interp)
        }
        for name in ["gray", "viridis", "hot", "jet", "binary", "plasma", "inferno", "magma", "cool", "bone", "copper", "spring", "summer", "autumn", "winter", "pink"] {
            plt.function("\(name)()", doc: "Use the '\(name)' colormap for the current and later images.") { _, interp in
                try PyplotFunctions.setDefaultColormap(name, interp)
            }
        }
        plt.function("get_fignums()", doc: "Numbers of the open figures.") { _, interp in
            .list(PyplotState.of(interp).figures.map { .int($0.figure.number) })
        }
        plt.function("ion()", doc: "Accepted: figures always show inline when the cell ends.") { _, _ in .none }
        plt.function("ioff()", doc: "Accepted: figures always show inline when the cell ends.") { _, _ in .none }
        plt.function("show_images(images, labels=None, cols=5, cmap='gray', figsize=None, titles=None)",
                     doc: "A grid of images (e.g. digits) with optional labels as titles, axes off: show_images(x_train[:10], labels=y_train[:10], cols=5).") { args, interp in
            try ShowImages.draw(args, interp)
        }
        return plt
    }

    /// `plt.style`: `use('default')` and `available`.
    static func makeStyle() -> Module {
        let style = Module("matplotlib.style", doc: "Style sheets: only matplotlib's default look is drawn.")
        style["available"] = .list([.string("default"), .string("classic")])
        style.function("use(style)", doc: "Accepted: figures keep matplotlib's default style.") { _, _ in .none }
        return style
    }
}
