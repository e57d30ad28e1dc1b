import Foundation
import Rendering

/// seaborn's axes-level functions: each draws onto `ax` (or pyplot's current axes) and
/// returns that Axes, as seaborn does.
enum SeabornPlots {
    static func register(in sns: Module) {
        sns.function("scatterplot(data=None, *, x=None, y=None, hue=None, size=None, style=None, palette=None, hue_order=None, sizes=None, markers=True, alpha=None, legend='auto', ax=None, **kwargs)",
                     doc: "Points of y against x, coloured by hue, sized by size, marked by style.") { args, interp in
            try RelationalPlot.scatter(args, on: try axes(args, interp), interp)
        }
        sns.function("lineplot(data=None, *, x=None, y=None, hue=None, size=None, style=None, palette=None, hue_order=None, errorbar=('ci', 95), estimator='mean', sort=True, alpha=None, legend='auto', ax=None, **kwargs)",
                     doc: "Lines of y against x (the mean of repeated x values), one per hue level.") { args, interp in
            try RelationalPlot.line(args, on: try axes(args, interp), interp)
        }
        sns.function("histplot(data=None, *, x=None, y=None, hue=None, stat='count', bins='auto', binwidth=None, discrete=None, common_norm=True, multiple='layer', element='bars', fill=True, kde=False, palette=None, hue_order=None, color=None, alpha=None, legend=True, ax=None, **kwargs)",
                     doc: "A histogram of x (NumPy's 'auto' bins by default), layered per hue level, with an optional KDE curve.") { args, interp in
            try DistributionPlot.histogram(args, on: try axes(args, interp), interp)
        }
        sns.function("kdeplot(data=None, *, x=None, y=None, hue=None, fill=None, bw_adjust=1, cut=3, gridsize=200, common_norm=True, multiple='layer', palette=None, hue_order=None, color=None, alpha=None, linewidth=None, legend=True, ax=None, **kwargs)",
                     doc: "A Gaussian kernel density estimate of x (Scott's bandwidth), one curve per hue level.") { args, interp in
            try DistributionPlot.density(args, on: try axes(args, interp), interp)
        }
        sns.function("heatmap(data, *, vmin=None, vmax=None, cmap=None, center=None, annot=None, fmt='.2g', annot_kws=None, linewidths=0, linecolor='white', cbar=True, cbar_kws=None, square=False, xticklabels='auto', yticklabels='auto', mask=None, ax=None, **kwargs)",
                     doc: "A matrix as coloured cells (arrays, tensors, nested lists, DataFrames), optionally annotated, with a colorbar.") { args, interp in
            try Heatmap.draw(args, on: try axes(args, interp), interp)
        }
        sns.function("countplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, palette=None, color=None, saturation=0.75, width=0.8, ax=None, **kwargs)",
                     doc: "Bars counting the rows of each category.") { args, interp in
            try CategoricalPlot.count(args, on: try axes(args, interp), interp)
        }
        sns.function("barplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, estimator='mean', errorbar=('ci', 95), palette=None, color=None, saturation=0.75, width=0.8, ax=None, **kwargs)",
                     doc: "Bars of the mean of y per category of x.") { args, interp in
            try CategoricalPlot.bar(args, on: try axes(args, interp), interp)
        }
        sns.function("boxplot(data=None, *, x=None, y=None, hue=None, order=None, hue_order=None, palette=None, color=None, saturation=0.75, width=0.8, whis=1.5, ax=None, **kwargs)",
                     doc: "Box-and-whisker plots (quartiles, 1.5 IQR whiskers, outliers) per category.") { args, interp in
            try CategoricalPlot.box(args, on: try axes(args, interp), interp)
        }
        sns.function("regplot(data=None, *, x=None, y=None, ci=95, scatter=True, fit_reg=True, order=1, color=None, marker='o', label=None, ax=None, **kwargs)",
                     doc: "Points with a least-squares line (ci=None: no confidence band).") { args, interp in
            try RelationalPlot.regression(args, on: try axes(args, interp), interp)
        }
    }

    /// The `ax` argument, or pyplot's current axes.
    static func axes(_ args: BoundArguments, _ interp: Runtime) throws -> AxesObject {
        if let value = args.optional("ax") {
            guard let ax = value.object(as: AxesObject.self) else { throw PyError(.typeError, "ax must be a matplotlib Axes, not '\(value.typeName)'") }
            return ax
        }
        return try PyplotState.of(interp).gca()
    }

    /// Refuses keywords that no branch of the function understands (seaborn passes unknown
    /// ones to matplotlib; SwiftML accepts the few listed).
    static func checkKeywords(_ args: BoundArguments, allowed: Set<String>, function: String) throws {
        for (name, _) in args.variadicKeywords where !allowed.contains(name) {
            throw PyError(.notImplementedError, "seaborn.\(function)(\(name)=...) is not supported by SwiftML")
        }
    }

    /// A legend of hue levels with a title, as seaborn adds to an axes.
    static func addLegend(_ ax: Axes, entries: [(Artist, String)], title: String?) {
        guard !entries.isEmpty else { return }
        var spec = LegendSpec()
        spec.entries = entries
        spec.title = title
        spec.fontSize = ax.theme.legendFontSize
        spec.titleFontSize = ax.theme.legendTitleSize
        spec.textColor = ax.theme.textColor
        ax.legend = spec
    }

    /// Rows grouped by hue level (one group of every row without hue).
    struct Groups {
        var levels: [String?]
        var rows: [[Int]]
        var colors: [Color]
    }

    static func hueGroups(_ hue: PlotColumn?, count: Int, order: Value?, palette: Value?, color: Color?, ax: Axes, _ interp: Runtime) throws -> Groups {
        guard let hue else {
            return Groups(levels: [nil], rows: [Array(0..<count)], colors: [color ?? ax.nextPatchColor()])
        }
        guard hue.count == count else {
            throw PyError(.valueError, "All arrays must be of the same length (hue has \(hue.count), x has \(count))")
        }
        var levels = try hue.levels(interp)
        if let order, !order.isNone { levels = try interp.collect(order).map { try interp.str($0) } }
        let labels = try hue.labels(interp)
        var index: [String: Int] = [:]
        for (i, l) in levels.enumerated() { index[l] = i }
        var rows = [[Int]](repeating: [], count: levels.count)
        for (i, l) in labels.enumerated() { if let l, let g = index[l] { rows[g].append(i) } }
        let map = try SeabornPalette.forLevels(levels, palette: palette, interp)
        return Groups(levels: levels, rows: rows, colors: levels.map { map[$0] ?? .black })
    }
}
