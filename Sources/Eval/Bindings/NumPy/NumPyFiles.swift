import ML

/// Arrays to and from files: `np.save`/`np.load`/`np.savez` in NumPy's own `.npy`/`.npz`
/// formats (readable by NumPy), and `np.loadtxt`/`np.genfromtxt`/`np.savetxt` for text.
enum NumPyFiles {
    static func register(_ np: Module) {
        np.function("save(file, arr, allow_pickle=True)", doc: "Save an array to a binary file in NumPy .npy format ('.npy' is appended when missing).") { args, interp in
            var path = try filePath(args["file"])
            if !path.hasSuffix(".npy") { path += ".npy" }
            try NPYWriter.save(ArrayConversion.array(args["arr"], interp), to: path)
            return .none
        }
        for name in ["savez", "savez_compressed"] {
            np.function("\(name)(file, *args, **kwds)", doc: "Save several arrays into one .npz archive: positional ones as arr_0, arr_1, ..., keyword ones under their names (SwiftML stores them uncompressed).") { args, interp in
                var path = try filePath(args["file"])
                if !path.hasSuffix(".npz") { path += ".npz" }
                var arrays = try args.variadicPositional.enumerated().map { ("arr_\($0.offset)", try ArrayConversion.array($0.element, interp)) }
                for (key, value) in args.variadicKeywords {
                    if arrays.contains(where: { $0.0 == key }) { throw PyError(.valueError, "Cannot use un-named variables and keyword \(key)") }
                    arrays.append((key, try ArrayConversion.array(value, interp)))
                }
                try NPYWriter.saveArchive(arrays, to: path)
                return .none
            }
        }
        np.function("load(file, mmap_mode=None, allow_pickle=False)", doc: "Load an array from a .npy file, or a dict-like NpzFile of arrays from a .npz file.") { args, _ in
            let path = try filePath(args["file"])
            if try NPYFormat.isArchive(path: path) {
                return .object(try NpzFileObject(NPYFormat.readArchive(path: path)))
            }
            return ArrayConversion.wrap(try SklearnBinding.ndarray(NPYFormat.read(path: path)))
        }
        np.function("loadtxt(fname, dtype=float, comments='#', delimiter=None, skiprows=0, usecols=None, unpack=False, ndmin=0, max_rows=None)", doc: """
            Load numbers from a text file, one row per line (split on whitespace, or on delimiter).
            """) { args, interp in
            try table(args, interp, skip: args.int("skiprows"), missingAsNaN: false)
        }
        np.function("genfromtxt(fname, dtype=float, comments='#', delimiter=None, skip_header=0, usecols=None, unpack=None, max_rows=None, filling_values=None, ndmin=0)", doc: """
            Load numbers from a text file like loadtxt, with missing or unparsable values as NaN
            (or filling_values).
            """) { args, interp in
            try table(args, interp, skip: args.int("skip_header"), missingAsNaN: true)
        }
        np.function("savetxt(fname, X, fmt='%.18e', delimiter=' ', newline='\\n', header='', footer='', comments='# ')", doc: "Save a 1-D or 2-D array to a text file (fmt: a %-format such as '%.18e', '%d', '%.3f').") { args, interp in
            let array = try ArrayConversion.array(args["X"], interp)
            guard array.ndim == 1 || array.ndim == 2 else { throw PyError(.valueError, "Expected 1D or 2D array, got \(array.ndim)D array instead") }
            let rows = array.ndim == 1 ? try array.doubles().map { [$0] } : try (0..<array.shape[0]).map { try array.subscripted([.int($0)]).doubles() }
            let format = try args.string("fmt")
            let formatted = try rows.map { row in try row.map { try interp.str(interp.binary(.modulo, .string(format), .float($0))) } }
            var text = ""
            let header = try args.string("header"), footer = try args.string("footer"), comments = try args.string("comments")
            let newline = try args.string("newline"), delimiter = try args.string("delimiter")
            if !header.isEmpty { text += header.split(separator: "\n", omittingEmptySubsequences: false).map { comments + $0 }.joined(separator: newline) + newline }
            for row in formatted { text += row.joined(separator: delimiter) + newline }
            if !footer.isEmpty { text += footer.split(separator: "\n", omittingEmptySubsequences: false).map { comments + $0 }.joined(separator: newline) + newline }
            try TextTable.writeText(text, to: filePath(args["fname"]))
            return .none
        }
    }

    private static func filePath(_ value: Value) throws -> String {
        if case .string(let path) = value { return path }
        throw PyError(.notImplementedError, "SwiftML reads and writes arrays by file name; an open file object (\(value.typeName)) is not supported")
    }

    private static func table(_ args: BoundArguments, _ interp: Runtime, skip: Int, missingAsNaN: Bool) throws -> Value {
        let path = try filePath(args["fname"])
        let delimiter = try args.optionalString("delimiter")
        let comments = try args.optionalString("comments")
        let columns = try args.optional("usecols").map { try ArrayConversion.shape($0, interp, name: "usecols") }
        var missingValue = Double.nan
        if missingAsNaN, let fill = try args.optional("filling_values") {
            guard let value = fill.asDouble else { throw PyError(.notImplementedError, "filling_values other than one number is not supported") }
            missingValue = value
        }
        let rows = try TextTable.parse(TextTable.readText(path: path), delimiter: delimiter, comments: comments, skipRows: Swift.max(skip, 0),
                                       columns: columns, maxRows: args.optionalInt("max_rows"), missingAsNaN: missingAsNaN,
                                       missingValue: missingValue).rows
        let width = rows.first?.count ?? 0
        var array = try NDArray(rows.flatMap { $0 }, shape: [rows.count, width])
        if let dtype = try ArrayConversion.dtype(args["dtype"]), dtype != .float64 { array = try array.astype(dtype) }
        let ndmin = try args.int("ndmin")
        guard [0, 1, 2].contains(ndmin) else { throw PyError(.valueError, "Illegal value of ndmin keyword: \(ndmin)") }
        // NumPy squeezes a single row or column away, keeping at least ndmin dimensions.
        if ndmin < 2 {
            array = try array.squeezed()
            if ndmin == 1 && array.ndim == 0 { array = try array.reshaped([1]) }
        }
        if try interp.truthiness(args["unpack"]) { array = try array.transposed() }
        return ArrayConversion.wrap(array)
    }
}

/// What `np.load` returns for a `.npz` file: arrays by name (`data['x']`, `data.files`),
/// usable in a `with` statement.
final class NpzFileObject: PyObject {
    let arrays: [(String, NDArray)]

    init(_ loaded: [String: LoadedArray]) throws {
        arrays = try loaded.keys.sorted().map { ($0, try SklearnBinding.ndarray(loaded[$0] ?? LoadedArray(shape: [0], elements: .float64([])))) }
    }

    var pyType: PyType { NpzFileObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "NpzFile object with \(arrays.count) arrays" }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        guard case .string(let name) = key, let found = arrays.first(where: { $0.0 == name }) else {
            throw PyError(.keyError, "\(try interpreter.repr(key)) is not a file in the archive")
        }
        return ArrayConversion.wrap(found.1)
    }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        guard case .string(let name) = item else { return false }
        return arrays.contains { $0.0 == name }
    }

    func length(_ interpreter: Runtime) throws -> Int? { arrays.count }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { try interpreter.makeIterator(.list(arrays.map { .string($0.0) })) }
    func enter(_ interpreter: Runtime) throws -> Value { .object(self) }
    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool { false }

    static let type = PyType("NpzFile", module: "numpy.lib.npyio", doc: "The arrays of an .npz archive, by name.") { t in
        t.property("files", of: NpzFileObject.self, doc: "The names of the arrays.") { o, _ in .list(o.arrays.map { .string($0.0) }) }
        t.method("keys()", of: NpzFileObject.self, doc: "The names of the arrays.") { o, _, _ in .list(o.arrays.map { .string($0.0) }) }
        t.method("items()", of: NpzFileObject.self, doc: "(name, array) pairs.") { o, _, _ in
            .list(o.arrays.map { .tuple([.string($0.0), ArrayConversion.wrap($0.1)]) })
        }
        t.method("close()", of: NpzFileObject.self, doc: "Nothing to release: the arrays were read when the file was opened.") { _, _, _ in .none }
    }
}
