import ML

/// `sklearn.metrics.ConfusionMatrixDisplay`: a confusion matrix drawn with pyplot as
/// scikit-learn draws it (imshow with nearest interpolation, the count in each cell in the
/// colormap's far colour, a colorbar, "True label" / "Predicted label", rows top-down).
final class ConfusionMatrixDisplayObject: PyObject {
    let matrix: NDArray
    let displayLabels: Value
    var image: Value = .none, axes: Value = .none, figure: Value = .none, texts: Value = .none

    init(matrix: NDArray, displayLabels: Value) {
        self.matrix = matrix
        self.displayLabels = displayLabels
    }

    var pyType: PyType { ConfusionMatrixDisplayObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "<sklearn.metrics._plot.confusion_matrix.ConfusionMatrixDisplay object>" }

    static let plotSignature = "include_values=True, cmap='viridis', xticks_rotation='horizontal', values_format=None, ax=None, colorbar=True, im_kw=None, text_kw=None"

    /// `ConfusionMatrixDisplay.from_predictions(y_true, y_pred, ...)`: computes and plots.
    static var fromPredictions: Value {
        let holder = Module("sklearn.metrics")
        holder.function("from_predictions(y_true, y_pred, *, labels=None, sample_weight=None, normalize=None, display_labels=None, \(plotSignature))",
                        doc: "Compute the confusion matrix of y_true and y_pred and plot it; returns the display.") { args, interp in
            let metrics = Value.object(try interp.importModule("sklearn.metrics"))
            let computed = try interp.call(interp.attribute(metrics, "confusion_matrix"), Arguments([args["y_true"], args["y_pred"]], keywords: [
                ("labels", args["labels"]), ("sample_weight", args["sample_weight"]), ("normalize", args["normalize"])]))
            var labels = args["display_labels"]
            if labels.isNone {
                let pair = try LabelPair(args["y_true"], args["y_pred"], labels: args["labels"], interp)
                labels = .list(pair.labels.map { pair.python($0) })
            }
            let display = ConfusionMatrixDisplayObject(matrix: try ArrayConversion.array(computed, interp), displayLabels: labels)
            try display.plot(args, interp)
            return .object(display)
        }
        return holder["from_predictions"] ?? .none
    }

    static let type = PyType("ConfusionMatrixDisplay", module: "sklearn.metrics", doc: "Confusion matrix visualization: ConfusionMatrixDisplay(cm, display_labels=...).plot(), or .from_predictions(y_true, y_pred).") { t in
        t.constructor("ConfusionMatrixDisplay(confusion_matrix, *, display_labels=None)") { args, interp in
            let matrix = try ArrayConversion.array(args["confusion_matrix"], interp)
            guard matrix.ndim == 2, matrix.shape[0] == matrix.shape[1] else { throw PyError(.valueError, "confusion_matrix must be a square 2-D array") }
            return .object(ConfusionMatrixDisplayObject(matrix: matrix, displayLabels: args["display_labels"]))
        }
        t.method("plot(*, \(plotSignature))", of: ConfusionMatrixDisplayObject.self, doc: "Plot the matrix; returns the display.") { display, args, interp in
            try display.plot(args, interp)
            return .object(display)
        }
        t.classAttribute("from_predictions") { fromPredictions }
        t.property("confusion_matrix", of: ConfusionMatrixDisplayObject.self) { d, _ in ArrayConversion.wrap(d.matrix) }
        t.property("display_labels", of: ConfusionMatrixDisplayObject.self) { d, _ in d.displayLabels }
        t.property("im_", of: ConfusionMatrixDisplayObject.self) { d, _ in d.image }
        t.property("ax_", of: ConfusionMatrixDisplayObject.self) { d, _ in d.axes }
        t.property("figure_", of: ConfusionMatrixDisplayObject.self) { d, _ in d.figure }
        t.property("text_", of: ConfusionMatrixDisplayObject.self) { d, _ in d.texts }
    }

    /// Draws through the pyplot binding, exactly the calls scikit-learn makes on matplotlib.
    func plot(_ args: BoundArguments, _ interp: Runtime) throws {
        for name in ["im_kw", "text_kw"] where !args[name].isNone {
            throw PyError(.notImplementedError, "ConfusionMatrixDisplay.plot(\(name)=...) is not supported")
        }
        let plt = Value.object(try interp.importModule("matplotlib.pyplot"))
        func call(_ target: Value, _ name: String, _ positional: [Value], _ keywords: [(name: String, value: Value)] = []) throws -> Value {
            try interp.call(interp.attribute(target, name), Arguments(positional, keywords: keywords))
        }
        var ax = args["ax"]
        if ax.isNone {
            let made = try interp.collect(call(plt, "subplots", []))
            figure = made[0]
            ax = made[1]
        } else {
            figure = try interp.attribute(ax, "figure")
        }
        axes = ax
        let n = matrix.shape[0]
        let cmap = args["cmap"]
        image = try call(ax, "imshow", [ArrayConversion.wrap(matrix)], [("interpolation", .string("nearest")), ("cmap", cmap)])
        if try args.bool("include_values") {
            let values = try matrix.doubles()
            let low = values.min() ?? 0, high = values.max() ?? 0
            let threshold = (high + low) / 2
            let (darkEnd, brightEnd) = try ConfusionMatrixDisplayObject.endColours(cmap, interp)
            let format = try args.optionalString("values_format")
            var drawn: [Value] = []
            for i in 0..<n {
                var row: [Value] = []
                for j in 0..<n {
                    let value = values[i * n + j]
                    let text: String
                    if let format {
                        text = try interp.format(matrix.dtype.isFloatingPoint ? .float(value) : .int(Int(value)), spec: format)
                    } else {
                        var general = try interp.format(.float(value), spec: ".2g")
                        if !matrix.dtype.isFloatingPoint {
                            let whole = String(Int(value))
                            if whole.count < general.count { general = whole }
                        }
                        text = general
                    }
                    let colour = value < threshold ? brightEnd : darkEnd
                    row.append(try call(ax, "text", [.int(j), .int(i), .string(text)],
                                        [("ha", .string("center")), ("va", .string("center")), ("color", colour)]))
                }
                drawn.append(.list(row))
            }
            texts = .list(drawn)
        }
        if try args.bool("colorbar") { _ = try call(figure, "colorbar", [image], [("ax", ax)]) }
        let ticks = Value.list((0..<n).map(Value.int))
        let labels = displayLabels.isNone ? ticks : displayLabels
        _ = try call(ax, "set_xticks", [ticks])
        _ = try call(ax, "set_yticks", [ticks])
        let rotation = args["xticks_rotation"]
        var degrees = rotation
        if case .string("vertical") = rotation { degrees = .int(90) }
        if case .string("horizontal") = rotation { degrees = .int(0) }
        _ = try call(ax, "set_xticklabels", [labels], [("rotation", degrees)])
        _ = try call(ax, "set_yticklabels", [labels])
        _ = try call(ax, "set_xlabel", [.string("Predicted label")])
        _ = try call(ax, "set_ylabel", [.string("True label")])
        _ = try call(ax, "set_ylim", [.float(Double(n) - 0.5), .float(-0.5)])
    }

    /// The colormap's colours at 0 and 1 (scikit-learn writes a cell's number in the end
    /// colour opposite to the cell's own). Known for the maps courses use.
    static func endColours(_ cmap: Value, _ interp: Runtime) throws -> (Value, Value) {
        let ends: [String: ((Double, Double, Double), (Double, Double, Double))] = [
            "viridis": ((0.267004, 0.004874, 0.329415), (0.993248, 0.906157, 0.143936)),
            "Blues": ((0.968627, 0.984314, 1.0), (0.031373, 0.188235, 0.419608)),
            "Greens": ((0.968627, 0.988235, 0.960784), (0.0, 0.266667, 0.105882)),
            "Greys": ((1.0, 1.0, 1.0), (0.0, 0.0, 0.0)),
            "gray": ((0.0, 0.0, 0.0), (1.0, 1.0, 1.0)),
            "plasma": ((0.050383, 0.029803, 0.527975), (0.940015, 0.975158, 0.131326)),
        ]
        guard case .string(let name) = cmap, let (low, high) = ends[name] else {
            throw PyError(.notImplementedError, "ConfusionMatrixDisplay with cmap \(try interp.repr(cmap)) is not supported; use one of \(ends.keys.sorted().joined(separator: ", "))")
        }
        func colour(_ c: (Double, Double, Double)) -> Value { .tuple([.float(c.0), .float(c.1), .float(c.2), .float(1.0)]) }
        return (colour(low), colour(high))
    }
}
