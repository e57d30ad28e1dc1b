import ML

/// `LabelEncoder` (labels to 0..n-1) and `OneHotEncoder` (categorical columns to indicator
/// columns). Labels may be numbers or strings; SwiftML has no string arrays, so string
/// classes come back as lists.
final class LabelEncoderObject: PyObject {
    var classes: ClassLabels?
    var pyType: PyType { LabelEncoderObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "LabelEncoder()" }

    func fit(_ y: Value, _ interp: Runtime) throws {
        var labels = try ClassLabels(y, interp)
        guard labels.kind != "continuous-multioutput", labels.kind != "multilabel-indicator", labels.kind != "multiclass-multioutput" else {
            throw PyError(.valueError, "y should be a 1d array, got an array of more dimensions instead.")
        }
        labels.values = Array(Set(labels.values)).sorted()
        classes = labels
    }

    func codes(_ y: Value, _ interp: Runtime) throws -> NDArray {
        guard let classes else { throw SKLearnPreprocessing.notFitted("LabelEncoder") }
        let labels = try ClassLabels(y, interp)
        var position: [ClassLabels.Label: Int64] = [:]
        for (i, label) in classes.values.enumerated() { position[label] = Int64(i) }
        let unseen = Array(Set(labels.values.filter { position[$0] == nil })).sorted()
        if !unseen.isEmpty {
            let shown = try unseen.map { try labels.numpyRepr($0, interp) }.joined(separator: ", ")
            throw PyError(.valueError, "y contains previously unseen labels: [\(shown)]")
        }
        return NDArray(labels.values.map { position[$0] ?? -1 })
    }

    func values(_ labels: [ClassLabels.Label], of classes: ClassLabels) throws -> Value {
        if labels.contains(where: { if case .text = $0 { return true } else { return false } }) {
            return .list(labels.map(classes.python))
        }
        let numbers = labels.map { label -> Double in if case .number(let v) = label { return v } else { return 0 } }
        return ArrayConversion.wrap(classes.integral ? NDArray(numbers.map { Int64($0) }) : NDArray(numbers))
    }

    static let type = PyType("LabelEncoder", module: "sklearn.preprocessing", doc: "Encode target labels with value between 0 and n_classes-1.") { t in
        t.constructor("LabelEncoder()") { _, _ in .object(LabelEncoderObject()) }
        t.method("fit(y)", of: LabelEncoderObject.self, doc: "Learn the sorted classes.") { e, args, interp in
            try e.fit(args["y"], interp)
            return .object(e)
        }
        t.method("transform(y)", of: LabelEncoderObject.self, doc: "Labels to class positions.") { e, args, interp in
            ArrayConversion.wrap(try e.codes(args["y"], interp))
        }
        t.method("fit_transform(y)", of: LabelEncoderObject.self, doc: "Fit, then transform.") { e, args, interp in
            try e.fit(args["y"], interp)
            return ArrayConversion.wrap(try e.codes(args["y"], interp))
        }
        t.method("inverse_transform(y)", of: LabelEncoderObject.self, doc: "Class positions back to labels.") { e, args, interp in
            guard let classes = e.classes else { throw SKLearnPreprocessing.notFitted("LabelEncoder") }
            let codes = try ArrayConversion.array(args["y"], interp).astype(.int64).scalars(as: Int64.self)
            if let bad = codes.first(where: { $0 < 0 || Int($0) >= classes.values.count }) {
                throw PyError(.valueError, "y contains previously unseen labels: [\(bad)]")
            }
            return try e.values(codes.map { classes.values[Int($0)] }, of: classes)
        }
        t.property("classes_", of: LabelEncoderObject.self) { e, _ in
            guard let classes = e.classes else { throw PyError(.attributeError, "'LabelEncoder' object has no attribute 'classes_'") }
            return try e.values(classes.values, of: classes)
        }
    }
}

/// `OneHotEncoder`: one indicator column per category of each input column.
final class OneHotEncoderObject: PyObject {
    let sparse: Bool, ignoreUnknown: Bool, dtype: DType
    var categories: [ClassLabels] = []
    init(sparse: Bool, ignoreUnknown: Bool, dtype: DType) { self.sparse = sparse; self.ignoreUnknown = ignoreUnknown; self.dtype = dtype }
    var pyType: PyType { OneHotEncoderObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        var parts: [String] = []
        if ignoreUnknown { parts.append("handle_unknown='ignore'") }
        if !sparse { parts.append("sparse_output=False") }
        return "OneHotEncoder(\(parts.joined(separator: ", ")))"
    }

    /// The columns of X (2-D: an array, or rows of numbers or strings) as label columns.
    static func columns(_ x: Value, _ interp: Runtime) throws -> [ClassLabels] {
        if let array = x.object(as: NDArrayObject.self)?.array {
            guard array.ndim == 2 else { throw PyError(.valueError, "Expected 2D array, got \(array.ndim)D array instead. Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.") }
            return try (0..<array.shape[1]).map { try ClassLabels(ArrayConversion.wrap(array.subscripted([.all, .int($0)])), interp) }
        }
        let rows = try interp.collect(x).map { try interp.collect($0) }
        guard let width = rows.first?.count, rows.allSatisfy({ $0.count == width }) else {
            throw PyError(.valueError, "Expected 2D array, got 1D array instead. Reshape your data either using array.reshape(-1, 1) if your data has a single feature or array.reshape(1, -1) if it contains a single sample.")
        }
        return try (0..<width).map { column in try ClassLabels(.list(rows.map { $0[column] }), interp) }
    }

    func fit(_ x: Value, _ interp: Runtime) throws {
        categories = try OneHotEncoderObject.columns(x, interp).map { column in
            var sorted = column
            sorted.values = Array(Set(column.values)).sorted()
            return sorted
        }
    }

    func transform(_ x: Value, _ interp: Runtime) throws -> NDArray {
        guard !categories.isEmpty else { throw SKLearnPreprocessing.notFitted("OneHotEncoder") }
        let columns = try OneHotEncoderObject.columns(x, interp)
        guard columns.count == categories.count else {
            throw PyError(.valueError, "X has \(columns.count) features, but OneHotEncoder is expecting \(categories.count) features as input.")
        }
        let rows = columns.first?.values.count ?? 0
        let width = categories.reduce(0) { $0 + $1.values.count }
        var values = [Double](repeating: 0, count: rows * width)
        var start = 0
        for (index, (column, known)) in zip(columns, categories).enumerated() {
            var position: [ClassLabels.Label: Int] = [:]
            for (i, label) in known.values.enumerated() { position[label] = i }
            for (row, label) in column.values.enumerated() {
                guard let slot = position[label] else {
                    if ignoreUnknown { continue }
                    throw PyError(.valueError, "Found unknown categories [\(try column.numpyRepr(label, interp))] in column \(index) during transform")
                }
                values[row * width + start + slot] = 1
            }
            start += known.values.count
        }
        return try NDArray(values, shape: [rows, width]).astype(dtype)
    }

    func output(_ result: NDArray) -> Value {
        sparse ? .object(SparseRowsObject(result)) : ArrayConversion.wrap(result)
    }

    static let type = PyType("OneHotEncoder", module: "sklearn.preprocessing", doc: "Encode categorical features as a one-hot numeric array.") { t in
        t.constructor("OneHotEncoder(*, categories='auto', drop=None, sparse_output=True, dtype=float, handle_unknown='error', min_frequency=None, max_categories=None, feature_name_combiner='concat')") { args, _ in
            guard case .string("auto") = args["categories"] else { throw PyError(.notImplementedError, "OneHotEncoder(categories=...) other than 'auto' is not supported") }
            for name in ["drop", "min_frequency", "max_categories"] where !args[name].isNone {
                throw PyError(.notImplementedError, "OneHotEncoder(\(name)=...) is not supported")
            }
            let unknown = try args.string("handle_unknown")
            guard unknown == "error" || unknown == "ignore" else { throw PyError(.notImplementedError, "OneHotEncoder(handle_unknown='\(unknown)') is not supported") }
            let dtype = try ArrayConversion.dtype(args["dtype"]) ?? .float64
            return .object(OneHotEncoderObject(sparse: try args.bool("sparse_output"), ignoreUnknown: unknown == "ignore", dtype: dtype))
        }
        t.method("fit(X, y=None)", of: OneHotEncoderObject.self, doc: "Learn each column's sorted categories.") { e, args, interp in
            try e.fit(args["X"], interp)
            return .object(e)
        }
        t.method("transform(X)", of: OneHotEncoderObject.self, doc: "One indicator column per known category.") { e, args, interp in
            e.output(try e.transform(args["X"], interp))
        }
        t.method("fit_transform(X, y=None)", of: OneHotEncoderObject.self, doc: "Fit, then transform.") { e, args, interp in
            try e.fit(args["X"], interp)
            return e.output(try e.transform(args["X"], interp))
        }
        t.method("get_feature_names_out(input_features=None)", of: OneHotEncoderObject.self, doc: "Output column names: <feature>_<category>.") { e, args, interp in
            let inputs = try args.optional("input_features").map { try interp.collect($0).map { try interp.str($0) } } ?? (0..<e.categories.count).map { "x\($0)" }
            var names: [Value] = []
            for (input, column) in zip(inputs, e.categories) {
                for label in column.values { names.append(.string(input + "_" + (try interp.str(column.python(label))))) }
            }
            return .list(names)
        }
        t.property("categories_", of: OneHotEncoderObject.self) { e, _ in
            guard !e.categories.isEmpty else { throw PyError(.attributeError, "'OneHotEncoder' object has no attribute 'categories_'") }
            return .list(try e.categories.map { try LabelEncoderObject().values($0.values, of: $0) })
        }
    }
}

/// What a sparse-output encoder returns: SwiftML keeps the matrix dense, but prints and
/// converts (`toarray()`, `todense()`) like scipy's CSR matrix.
final class SparseRowsObject: PyObject {
    let dense: NDArray
    init(_ dense: NDArray) { self.dense = dense }
    var pyType: PyType { SparseRowsObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        let stored = try dense.countNonzero().astype(.int64).scalars(as: Int64.self).first ?? 0
        return "<Compressed Sparse Row sparse matrix of dtype '\(dense.dtype.name)'\n\twith \(stored) stored elements and shape \(formatShape(dense.shape))>"
    }

    static let type = PyType("csr_matrix", module: "scipy.sparse", doc: "A sparse matrix (held dense by SwiftML); toarray() gives the ndarray.") { t in
        t.method("toarray()", of: SparseRowsObject.self, doc: "The matrix as a dense ndarray.") { s, _, _ in ArrayConversion.wrap(try s.dense.copy()) }
        t.method("todense()", of: SparseRowsObject.self, doc: "The matrix as a dense ndarray.") { s, _, _ in ArrayConversion.wrap(try s.dense.copy()) }
        t.property("shape", of: SparseRowsObject.self) { s, _ in .tuple(s.dense.shape.map(Value.int)) }
        t.property("nnz", of: SparseRowsObject.self) { s, _ in .int(Int(try s.dense.countNonzero().astype(.int64).scalars(as: Int64.self).first ?? 0)) }
    }
}
