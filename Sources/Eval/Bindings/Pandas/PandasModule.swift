import Frames
import ML

/// `import pandas as pd`: read_csv, DataFrame, Series, concat, get_dummies, isna/notna.
enum PandasBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("pandas", make: PandasModule.make),
    ]
}

enum PandasModule {
    static func make(_ interp: Runtime) throws -> Module {
        let pd = Module("pandas", doc: "pandas-style DataFrames and Series over SwiftML's arrays.")
        pd["__version__"] = .string("2.2.3")
        pd.add(DataFrameObject.type)
        pd.add(SeriesObject.type)
        pd.add(IndexObject.type)
        pd["NA"] = .float(.nan)
        pd.function("read_csv(filepath_or_buffer, sep=',', delimiter=None, header='infer', names=None, index_col=None, usecols=None, dtype=None, skiprows=None, nrows=None, na_values=None, keep_default_na=True, comment=None, skipinitialspace=False, delim_whitespace=False, encoding=None, quotechar='\"')",
                    doc: "Reads a CSV file (path, gzip by extension, or an open file) into a DataFrame.") { args, interp in
            .object(DataFrameObject(try ReadCSV.read(args, interp)))
        }
        pd.function("concat(objs, axis=0, ignore_index=False)", doc: "Frames or Series stacked (axis=0) or side by side (axis=1).") { args, interp in
            try Combining.concat(try interp.collect(args["objs"]), axis: try FrameValues.axis(args.optional("axis")), ignoreIndex: try args.bool("ignore_index"), interp)
        }
        pd.function("get_dummies(data, prefix=None, prefix_sep='_', columns=None, drop_first=False, dtype=None)", doc: "One indicator column per category.") { args, interp in
            try Combining.dummies(args, interp)
        }
        for name in ["isna", "isnull"] {
            pd.function("\(name)(obj)", doc: "True where values are missing.") { args, interp in try missing(args["obj"], negate: false, interp) }
        }
        for name in ["notna", "notnull"] {
            pd.function("\(name)(obj)", doc: "True where values are present.") { args, interp in try missing(args["obj"], negate: true, interp) }
        }
        // Everything else pandas has: NotImplementedError naming it when called.
        for name in PandasUnsupported.moduleNames where pd[name] == nil {
            pd.function("\(name)(*args, **kwargs)", doc: "pandas.\(name): not supported in SwiftML.") { _, _ in
                throw PyError(.notImplementedError, "pandas.\(name) is not supported in SwiftML")
            }
        }
        return pd
    }

    static func missing(_ value: Value, negate: Bool, _ interp: Runtime) throws -> Value {
        if let o = value.object(as: DataFrameObject.self) {
            return .object(DataFrameObject(try o.frame.mapColumns { negate ? try $0.missingMask.inverted() : $0.missingMask }))
        }
        if let o = value.object(as: SeriesObject.self) {
            let mask = negate ? try o.series.values.missingMask.inverted() : o.series.values.missingMask
            return .object(SeriesObject(Series(mask, index: o.series.index, name: o.series.name)))
        }
        if FrameValues.isScalar(value) { return .bool(try FrameValues.cell(value, interp).isMissing != negate) }
        let mask = try FrameValues.column(value, interp).missingMask
        return ArrayConversion.wrap(try (negate ? try mask.inverted() : mask).ndarray())
    }
}
