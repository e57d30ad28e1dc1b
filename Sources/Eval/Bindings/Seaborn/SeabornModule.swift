import Rendering

/// The `seaborn` module: themes and palettes, axes-level plots drawn onto pyplot's axes, and
/// the figure-level grids (`pairplot`, `relplot`). Everything else raises NotImplementedError
/// naming it.
enum SeabornBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("seaborn", make: SeabornModule.make),
    ]
}

enum SeabornModule {
    /// Functions of seaborn that SwiftML does not draw: calling one says so by name.
    static let unsupported = [
        "violinplot", "stripplot", "swarmplot", "pointplot", "boxenplot", "catplot", "displot", "ecdfplot",
        "rugplot", "jointplot", "lmplot", "residplot", "clustermap", "load_dataset", "get_dataset_names",
        "JointGrid", "PairGrid", "FacetGrid", "objects", "move_legend", "set_context", "plotting_context",
        "axes_style", "diverging_palette", "cubehelix_palette", "light_palette", "dark_palette", "blend_palette",
        "husl_palette", "mpl_palette", "palplot", "choose_colorbrewer_palette",
    ]

    static func make(_ interp: Runtime) throws -> Module {
        let sns = Module("seaborn", doc: "Statistical plots (seaborn's API) drawn by SwiftML's renderer onto pyplot figures.")
        sns["__version__"] = .string("0.13.2 (SwiftML renderer)")
        _ = try interp.importModule("matplotlib.pyplot")
        for name in unsupported {
            sns.function("\(name)(*args, **kwargs)", doc: "Not supported by SwiftML: raises NotImplementedError.") { _, _ in
                throw PyError(.notImplementedError, "seaborn.\(name) is not supported by SwiftML")
            }
        }
        sns.function("set_theme(context='notebook', style='darkgrid', palette='deep', font='sans-serif', font_scale=1, color_codes=True, rc=None)",
                     doc: "Set seaborn's look for later figures: style darkgrid/whitegrid/dark/white/ticks, a palette, a font scale.") { args, interp in
            try setTheme(args, interp)
        }
        sns.function("set(context='notebook', style='darkgrid', palette='deep', font='sans-serif', font_scale=1, color_codes=True, rc=None)",
                     doc: "Alias of set_theme.") { args, interp in
            try setTheme(args, interp)
        }
        sns.function("set_style(style=None, rc=None)", doc: "Change only the style (darkgrid, whitegrid, dark, white, ticks).") { args, interp in
            let state = PyplotState.of(interp)
            let style = try parseStyle(args.optional("style") ?? .string("darkgrid"))
            let fontScale = state.theme == .matplotlib ? 1 : state.theme.fontSize / 12
            state.theme = PlotTheme.seaborn(style: style, fontScale: fontScale, palette: state.theme.colorCycle)
            return .none
        }
        sns.function("set_palette(palette, n_colors=None, desat=None, color_codes=False)", doc: "Set the colour cycle of later plots.") { args, interp in
            let state = PyplotState.of(interp)
            state.theme.colorCycle = try SeabornPalette.resolve(args["palette"], count: args.optionalInt("n_colors"), interp)
            return .none
        }
        sns.function("reset_defaults()", doc: "Back to matplotlib's look.") { _, interp in
            PyplotState.of(interp).theme = .matplotlib; return .none
        }
        sns.function("reset_orig()", doc: "Back to matplotlib's look.") { _, interp in
            PyplotState.of(interp).theme = .matplotlib; return .none
        }
        sns.function("color_palette(palette=None, n_colors=None, desat=None, as_cmap=False)",
                     doc: "A list of RGB tuples: the current cycle, a named palette ('deep', 'pastel', 'Blues', 'hls', ...) or given colours.") { args, interp in
            if try interp.truthiness(args["as_cmap"]) {
                throw PyError(.notImplementedError, "seaborn.color_palette(as_cmap=True) is not supported; pass the colormap name as cmap=")
            }
            if args.optional("desat") != nil { throw PyError(.notImplementedError, "seaborn.color_palette(desat=...) is not supported") }
            let colors: [Color]
            if let p = args.optional("palette") {
                colors = try SeabornPalette.resolve(p, count: args.optionalInt("n_colors"), interp)
            } else {
                let cycle = PyplotState.of(interp).theme.colorCycle
                colors = Palettes.cycled(cycle, to: try args.optionalInt("n_colors") ?? cycle.count)
            }
            return .list(colors.map { .tuple([.float($0.r), .float($0.g), .float($0.b)]) })
        }
        sns.function("despine(fig=None, ax=None, top=True, right=True, left=False, bottom=False, offset=None, trim=False)",
                     doc: "Remove the top and right spines (and left / bottom when asked) from an axes or every axes of a figure.") { args, interp in
            let axes: [Axes]
            if let ax = args["ax"].object(as: AxesObject.self) { axes = [ax.axes] }
            else if let f = args["fig"].object(as: FigureObject.self) { axes = f.figure.axes }
            else { axes = try PyplotState.of(interp).gcf().figure.axes }
            for ax in axes {
                for side in ["top", "right", "left", "bottom"] where try args.bool(side) { ax.spines[side] = false }
            }
            return .none
        }
        SeabornPlots.register(in: sns)
        SeabornGrids.register(in: sns)
        return sns
    }

    static func parseStyle(_ value: Value) throws -> PlotTheme.Style {
        guard case .string(let s) = value else {
            throw PyError(.notImplementedError, "seaborn style dicts are not supported; pass one of darkgrid, whitegrid, dark, white, ticks")
        }
        guard let style = PlotTheme.Style(rawValue: s) else {
            throw PyError(.valueError, "style must be one of darkgrid, whitegrid, dark, white, ticks")
        }
        return style
    }

    static func setTheme(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let context = try args.string("context")
        guard context == "notebook" else {
            throw PyError(.notImplementedError, "seaborn context '\(context)' is not supported (only 'notebook')")
        }
        if args.optional("rc") != nil { throw PyError(.notImplementedError, "seaborn.set_theme(rc=...) is not supported") }
        let style = try parseStyle(args["style"])
        let scale = try args.double("font_scale")
        guard scale > 0, scale <= 10 else { throw PyError(.valueError, "font_scale must be between 0 and 10, got \(scale)") }
        let palette = try SeabornPalette.resolve(args["palette"], count: nil, interp)
        PyplotState.of(interp).theme = PlotTheme.seaborn(style: style, fontScale: scale, palette: palette)
        // color_codes: 'b', 'g', 'r', ... name the palette's colours. SwiftML keeps matplotlib's
        // letter colours, which differ only in shade; say so rather than silently differ.
        return .none
    }
}

/// Palettes as seaborn resolves a `palette=` argument.
enum SeabornPalette {
    /// A palette name, a list of colours, or None (the current cycle), with `count` colours.
    static func resolve(_ value: Value, count: Int?, _ interp: Runtime) throws -> [Color] {
        if let count, count < 0 || count > 10_000 { throw PyError(.valueError, "n_colors must be between 0 and 10000") }
        switch value {
        case .none:
            let cycle = PyplotState.of(interp).theme.colorCycle
            return Palettes.cycled(cycle, to: count ?? cycle.count)
        case .string(let name):
            do { return try Palettes.palette(named: name, count: count) } catch {
                if let named = try? ColorSpec.parse(name) { return Palettes.cycled([named], to: count ?? 1) }
                throw PyError(.valueError, "\(name) is not a valid palette name")
            }
        default:
            let colors = try interp.collect(value).map { try PlotValues.color($0, interp) }
            return Palettes.cycled(colors, to: count ?? colors.count)
        }
    }

    /// Colours for hue levels: `palette` as a dict (level -> colour), a name or list, or
    /// the current cycle (hls when there are more levels than colours), as seaborn does.
    static func forLevels(_ levels: [String], palette: Value?, _ interp: Runtime) throws -> [String: Color] {
        var out: [String: Color] = [:]
        if let palette, let dict = palette.object(as: DictObject.self) {
            for level in levels {
                var found: Value?
                for key in try interp.collect(.object(dict)) where try interp.str(key) == level {
                    found = try interp.item(.object(dict), key)
                }
                guard let found else { throw PyError(.valueError, "The palette dictionary is missing keys: {'\(level)'}") }
                out[level] = try PlotValues.color(found, interp)
            }
            return out
        }
        let colors: [Color]
        if let palette, !palette.isNone {
            colors = try resolve(palette, count: levels.count, interp)
        } else {
            let cycle = PyplotState.of(interp).theme.colorCycle
            colors = levels.count <= cycle.count ? Array(cycle.prefix(levels.count)) : Palettes.hls(levels.count)
        }
        for (i, level) in levels.enumerated() { out[level] = colors[i % max(colors.count, 1)] }
        return out
    }
}
