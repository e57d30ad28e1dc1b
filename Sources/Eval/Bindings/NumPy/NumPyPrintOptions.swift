import ML

/// The session's `np.set_printoptions` settings, used by every array repr and str.
final class NumPyPrintOptions {
    var options = PrintOptions()

    static func current(_ interpreter: Runtime) -> PrintOptions {
        interpreter.state(NumPyPrintOptions.self) { NumPyPrintOptions() }.options
    }

    static func register(_ np: Module) {
        np.function("set_printoptions(precision=None, threshold=None, edgeitems=None, linewidth=None, suppress=None)", doc: """
            Set how arrays print: precision (digits after the point, default 8), threshold
            (summarise arrays with more elements, default 1000; np.inf for never), edgeitems
            (default 3), linewidth (default 75), suppress (never scientific for small numbers).
            """) { args, interp in
            let state = interp.state(NumPyPrintOptions.self) { NumPyPrintOptions() }
            func count(_ name: String) throws -> Int? {
                let value = args[name]
                if value.isNone { return nil }
                if let double = value.asDouble, double.isInfinite { return Int.max }
                guard let int = value.asIndex, int >= 0 else {
                    throw PyError(.valueError, "\(name) must be a non-negative integer")
                }
                return int
            }
            if let precision = try count("precision") {
                guard precision <= 1000 else { throw PyError(.valueError, "precision must be at most 1000") }
                state.options.precision = precision
            }
            if let threshold = try count("threshold") { state.options.threshold = threshold }
            if let edgeItems = try count("edgeitems") { state.options.edgeItems = Swift.min(edgeItems, 1 << 40) }
            if let lineWidth = try count("linewidth") { state.options.lineWidth = lineWidth }
            if !args["suppress"].isNone { state.options.suppressSmall = try args.bool("suppress") }
            return .none
        }
        np.function("get_printoptions()", doc: "Return the current print options as a dict.") { _, interp in
            let options = current(interp)
            return .dict([("edgeitems", .int(options.edgeItems)), ("threshold", .int(options.threshold)),
                          ("floatmode", .string("maxprec")), ("precision", .int(options.precision)),
                          ("suppress", .bool(options.suppressSmall)), ("linewidth", .int(options.lineWidth))])
        }
    }
}
