import ML

/// `sklearn.datasets.load_iris`, `sklearn.model_selection.train_test_split`, and the array
/// helpers the Keras datasets share.
enum SklearnBinding {
    static func makeDatasets() -> Module {
        let module = Module("sklearn.datasets", doc: "load_iris: Fisher's iris data.")
        module.function("load_iris(return_X_y=False, as_frame=False)", doc: """
            The iris dataset: 150 flowers, 4 measurements (cm), 3 species. Returns a Bunch with
            data (150, 4) float64, target (150,) int64, feature_names, target_names and DESCR;
            or (data, target) with return_X_y=True.
            """) { args, _ in
            guard try !args.bool("as_frame") else { throw PyError(.notImplementedError, "load_iris(as_frame=True) needs pandas, which SwiftML does not have") }
            let (features, targets) = IrisDataset.load()
            let data = ArrayConversion.wrap(try NDArray(features, shape: [150, 4]))
            let target = ArrayConversion.wrap(try NDArray(targets.map { Int64($0) }, shape: [150]))
            if try args.bool("return_X_y") { return .tuple([data, target]) }
            return .object(BunchObject([
                ("data", data), ("target", target),
                ("feature_names", .list(IrisDataset.featureNames.map(Value.string))),
                ("target_names", .list(IrisDataset.targetNames.map(Value.string))),
                ("DESCR", .string(IrisDataset.description)), ("frame", .none),
            ]))
        }
        return module
    }

    static func makeModelSelection() -> Module {
        let module = Module("sklearn.model_selection", doc: "train_test_split.")
        module.function("train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None)", doc: """
            Splits arrays (same first dimension) into random train and test parts:
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42).
            With random_state, the split is scikit-learn's (NumPy's RandomState permutation).
            """) { args, interpreter in
            let arrays = args.variadicPositional
            guard !arrays.isEmpty else { throw PyError(.valueError, "At least one array required as input") }
            let counts = try arrays.map { try interpreter.length($0) }
            guard let count = counts.first, counts.allSatisfy({ $0 == count }) else {
                throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: \(counts)")
            }
            var state: ML.RandomState
            if let seed = try args.optionalInt("random_state") { state = try ML.RandomState(seed: seed) } else { state = ML.RandomState() }
            let stratify = try args.optional("stratify").map { try ArrayConversion.array($0, interpreter).astype(.int64).scalars(as: Int64.self).map { Int($0) } }
            let split = try TrainTestSplit.indices(count: count, testSize: try args.optionalDouble("test_size"), trainSize: try args.optionalDouble("train_size"),
                                                   shuffle: try args.bool("shuffle"), stratify: stratify, random: &state)
            var result: [Value] = []
            for array in arrays {
                for indices in [split.train, split.test] {
                    if array.object(as: ListObject.self) != nil {
                        let items = try interpreter.collect(array)
                        result.append(.list(indices.map { items[$0] }))
                    } else {
                        let key = ArrayConversion.wrap(try NDArray(indices.map { Int64($0) }, shape: [indices.count]))
                        result.append(try interpreter.item(ArrayConversion.wrap(try ArrayConversion.array(array, interpreter)), key))
                    }
                }
            }
            return .list(result)
        }
        return module
    }

    /// A loaded data file as a NumPy array of its own dtype.
    static func ndarray(_ loaded: LoadedArray) throws -> NDArray {
        switch loaded.elements {
        case .uint8(let values): return try NDArray(values, shape: loaded.shape)
        case .int64(let values): return try NDArray(values, shape: loaded.shape)
        case .float32(let values): return try NDArray(values, shape: loaded.shape)
        case .float64(let values): return try NDArray(values, shape: loaded.shape)
        case .bool(let values): return try NDArray(values, shape: loaded.shape)
        }
    }

    /// Keras's `to_categorical`: float64 one-hot rows, a trailing axis of 1 dropped first.
    static func toCategorical(_ value: Value, classes: Int?, _ interpreter: Runtime) throws -> Value {
        let array = try ArrayConversion.array(value, interpreter)
        var shape = array.shape
        if shape.count > 1, shape.last == 1 { shape.removeLast() }
        let labels = try array.astype(.int64).scalars(as: Int64.self)
        let count = (labels.max().map { Int($0) } ?? -1) + 1
        let classCount = classes ?? count
        if let bad = labels.first(where: { $0 < 0 || Int($0) >= classCount }) {
            throw PyError(.indexError, "index \(bad) is out of bounds for axis 1 with size \(classCount)")
        }
        try interpreter.checkAllocation(count: labels.count, times: classCount, elementSize: 8)
        var values = [Double](repeating: 0, count: labels.count * classCount)
        for (i, label) in labels.enumerated() { values[i * classCount + Int(label)] = 1 }
        return ArrayConversion.wrap(try NDArray(values, shape: shape + [classCount]))
    }
}

/// scikit-learn's `Bunch`: a dict whose keys are also attributes (`iris.data`, `iris['data']`).
final class BunchObject: PyObject {
    let entries: [(String, Value)]
    init(_ entries: [(String, Value)]) { self.entries = entries }
    var pyType: PyType { BunchObject.type }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        entries.first(where: { $0.0 == name })?.1
    }

    var dynamicAttributeNames: [String] { entries.map(\.0) }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        guard case .string(let name) = key, let found = entries.first(where: { $0.0 == name }) else {
            throw PyError(.keyError, try interpreter.repr(key))
        }
        return found.1
    }

    func length(_ interpreter: Runtime) throws -> Int? { entries.count }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        try interpreter.makeIterator(.list(entries.map { .string($0.0) }))
    }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        guard case .string(let name) = item else { return false }
        return entries.contains { $0.0 == name }
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "{" + (try entries.map { "'\($0.0)': \(try interpreter.repr($0.1))" }.joined(separator: ", ")) + "}"
    }

    static let type = PyType("Bunch", module: "sklearn.utils", doc: "A dict whose keys are also attributes.") { t in
        t.method("keys()", of: BunchObject.self, doc: "The keys.") { o, _, _ in .list(o.entries.map { .string($0.0) }) }
    }
}
