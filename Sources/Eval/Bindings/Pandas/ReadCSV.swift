import Frames
import ML

/// `pd.read_csv`'s arguments mapped onto `CSVOptions`; paths, open files and URLs.
enum ReadCSV {
    static func read(_ args: BoundArguments, _ interp: Runtime) throws -> DataFrame {
        var options = CSVOptions()
        let sep = args.optional("delimiter") ?? args["sep"]
        if try args.bool("delim_whitespace") {
            options.separator = nil
        } else if case .string(let s) = sep {
            switch s {
            case "\\s+", " +", "\\s*": options.separator = nil
            default:
                guard s.utf8.count == 1, let b = s.utf8.first else {
                    throw PyError(.notImplementedError, "read_csv(sep=\(PythonFloat.quote(s))): only one-character separators and '\\s+' are supported in SwiftML")
                }
                options.separator = b
            }
        } else if !sep.isNone {
            throw PyError(.typeError, "\"delimiter\" must be a 1-character string")
        }
        switch args["header"] {
        case .string("infer"): options.header = .infer
        case .none: options.header = .none
        case .int(let r): options.header = .row(r)
        default: throw PyError(.notImplementedError, "read_csv(header=) with a list of rows is not supported in SwiftML")
        }
        if let names = args.optional("names") {
            options.names = try interp.collect(names).map { try interp.str($0) }
            if case .string("infer") = args["header"] { options.header = .none }
        }
        if let index = args.optional("index_col") {
            switch index {
            case .bool(false): break
            case .int(let p): options.indexColumn = .position(p)
            case .string(let n): options.indexColumn = .name(n)
            default: throw PyError(.notImplementedError, "read_csv(index_col=) with several columns is not supported in SwiftML")
            }
        }
        if let use = args.optional("usecols") {
            options.useColumns = try interp.collect(use).map { v in
                if case .string(let n) = v { return .name(n) }
                guard let p = v.asIndex else { throw PyError(.valueError, "'usecols' must either be list-like of all strings, all unicode, all integers or a callable.") }
                return .position(p)
            }
        }
        if let na = args.optional("na_values") {
            if case .string(let s) = na { options.naValues = [s] }
            else if na.object(as: DictObject.self) != nil { throw PyError(.notImplementedError, "read_csv(na_values={column: ...}) is not supported in SwiftML") }
            else { options.naValues = Set(try interp.collect(na).map { try interp.str($0) }) }
        }
        options.keepDefaultNA = try args.bool("keep_default_na")
        if let comment = try args.optionalString("comment") {
            guard comment.utf8.count == 1, let b = comment.utf8.first else { throw PyError(.valueError, "Only length-1 comment characters supported") }
            options.comment = b
        }
        options.skipInitialSpace = try args.bool("skipinitialspace")
        if let skip = args.optional("skiprows") {
            guard let n = skip.asIndex, n >= 0 else { throw PyError(.notImplementedError, "read_csv(skiprows=) with a list is not supported in SwiftML") }
            options.skipRows = n
        }
        options.rowLimit = try args.optionalInt("nrows")
        if let dtype = args.optional("dtype") {
            if let d = dtype.object(as: DictObject.self) {
                for (k, v) in zip(d.storage.keys, d.storage.values) { options.dtypes[try interp.str(k.value)] = try FrameValues.dtype(v, interp) }
            } else {
                options.dtypes[nil] = try FrameValues.dtype(dtype, interp)
            }
        }
        let quote = try args.string("quotechar")
        guard quote.utf8.count == 1, let q = quote.utf8.first else { throw PyError(.typeError, "\"quotechar\" must be a 1-character string") }
        options.quote = q

        let source = args["filepath_or_buffer"]
        if case .string(let path) = source {
            if path.hasPrefix("http://") || path.hasPrefix("https://") || path.hasPrefix("ftp://") {
                return try readURL(path, options, interp)
            }
            return try CSVReader.read(path: path, options: options)
        }
        // An open file (or any object with read()).
        guard let reader = try interp.lookupAttribute(source, "read") else {
            throw PyError(.valueError, "Invalid file path or buffer object type: <class '\(source.typeName)'>")
        }
        let text = try interp.str(try interp.call(reader))
        return try CSVReader.parse(Array(text.utf8), options: options)
    }

    /// SwiftML has no network: a URL reads the file of the same name next to the notebook
    /// when it is there, and otherwise says how to provide it.
    static func readURL(_ url: String, _ options: CSVOptions, _ interp: Runtime) throws -> DataFrame {
        let name = String(url.split(separator: "/").last?.split(separator: "?").first ?? "")
        if !name.isEmpty, FileBytes.exists(name) {
            interp.write("SwiftML cannot download; reading the saved copy \(name) next to the notebook instead of \(url)\n", to: .stderr)
            return try CSVReader.read(path: name, options: options)
        }
        throw PyError(PyErrorKind("URLError"), "<urlopen error SwiftML cannot download \(url) (no network access). Save the file next to the notebook as \(name.isEmpty ? "a local file" : name) and run the cell again, or pass its path to read_csv.>")
    }
}

/// `pd.concat` and `pd.get_dummies`.
enum Combining {
    static func concat(_ objects: [Value], axis: Int, ignoreIndex: Bool, _ interp: Runtime) throws -> Value {
        guard !objects.isEmpty else { throw PyError(.valueError, "No objects to concatenate") }
        var frames: [DataFrame] = []
        let allSeries = objects.allSatisfy { $0.object(as: SeriesObject.self) != nil }
        for o in objects {
            if let f = o.object(as: DataFrameObject.self) { frames.append(f.frame) }
            else if let s = o.object(as: SeriesObject.self) { frames.append(s.series.toFrame()) }
            else { throw PyError(.typeError, "cannot concatenate object of type '\(o.typeName)'; only Series and DataFrame objs are valid") }
        }
        if axis == 1 {
            var result = frames[0]
            for f in frames.dropFirst() {
                guard f.index.hasSameLabels(as: result.index) else {
                    throw PyError(.notImplementedError, "concat(axis=1) of objects with different indexes is not supported in SwiftML")
                }
                for c in f.columns.indices { try result.setColumnAppending(f.columnIndex[c], f.columns[c]) }
            }
            return .object(DataFrameObject(result))
        }
        var result = try DataFrame.concatenatingRows(frames)
        if ignoreIndex { result.index = .range(result.rowCount) }
        if allSeries, result.columns.count == 1 {
            return .object(SeriesObject(Series(result.columns[0], index: result.index, name: result.columnIndex[0])))
        }
        return .object(DataFrameObject(result))
    }

    static func dummies(_ args: BoundArguments, _ interp: Runtime) throws -> Value {
        let data = args["data"]
        let separator = try args.string("prefix_sep")
        let dropFirst = try args.bool("drop_first")
        let asFloat = try args.optional("dtype").map { try FrameValues.dtype($0, interp) } == .float64
        func indicators(_ s: Series, prefix: String?) -> [(FrameScalar, Column)] {
            var categories = s.uniqueValues().filter { !$0.isMissing }
            categories.sort(by: FrameScalar.ascending)
            if dropFirst { categories = Array(categories.dropFirst()) }
            return categories.map { category in
                let label: FrameScalar = prefix.map { .string($0 + separator + category.description) } ?? category
                let flags = s.values.cells.map { $0 == category }
                return (label, asFloat ? Column(doubles: flags.map { $0 ? 1 : 0 }) : Column(bools: flags))
            }
        }
        if let s = data.object(as: SeriesObject.self) {
            let prefix = try args.optionalString("prefix")
            let parts = indicators(s.series, prefix: prefix)
            return .object(DataFrameObject(try DataFrame(columns: parts.map(\.1), labels: .labels(parts.map(\.0)), index: s.series.index)))
        }
        guard let f = data.object(as: DataFrameObject.self)?.frame else {
            let s = Series(try FrameValues.column(data, interp))
            let parts = indicators(s, prefix: nil)
            return .object(DataFrameObject(try DataFrame(columns: parts.map(\.1), labels: .labels(parts.map(\.0)), index: s.index)))
        }
        let chosen: [Int] = try args.optional("columns").map { try DataFrameObject.columnPositions(try FrameValues.labels($0, interp), in: f) }
            ?? f.columns.indices.filter { f.columns[$0].dtype == .object }
        var result = f.selectingColumns(f.columns.indices.filter { !chosen.contains($0) })
        for c in chosen {
            for (label, column) in indicators(f.column(at: c), prefix: ValueText.label(f.columnIndex[c])) {
                try result.setColumnAppending(label, column)
            }
        }
        return .object(DataFrameObject(result))
    }
}

extension DataFrame {
    /// Appends a column even when the label already exists (as concat(axis=1) does).
    mutating func setColumnAppending(_ label: FrameScalar, _ values: Column) throws {
        if columnIndex.contains(label) {
            var copy = try DataFrame(columns: columns + [values], labels: .labels(columnLabels + [label]), index: index)
            swap(&self, &copy)
        } else {
            try setColumn(label, values)
        }
    }
}
