import ML

/// `sklearn.model_selection`: `train_test_split` (shuffled, stratified or in order, with
/// scikit-learn's rows for a `random_state`) and `KFold`.
enum SKLearnModelSelection {
    static func make() -> Module {
        let module = Module("sklearn.model_selection", doc: "train_test_split and KFold.")
        module.function("train_test_split(*arrays, test_size=None, train_size=None, random_state=None, shuffle=True, stratify=None)", doc: """
            Splits arrays (same first dimension) into random train and test parts:
            X_train, X_test, y_train, y_test = train_test_split(X, y, test_size=0.2, random_state=42).
            With random_state, the rows are scikit-learn's (NumPy's RandomState stream); stratify
            keeps the class proportions as StratifiedShuffleSplit does.
            """) { args, interpreter in
            let arrays = args.variadicPositional
            guard !arrays.isEmpty else { throw PyError(.valueError, "At least one array required as input") }
            let counts = try arrays.map { try interpreter.length($0) }
            guard let count = counts.first, counts.allSatisfy({ $0 == count }) else {
                throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: \(counts)")
            }
            var state = try randomState(args["random_state"])
            var stratify: [Int]?
            if let labels = try args.optional("stratify") {
                let coded = try ClassLabels(labels, interpreter)
                var position: [ClassLabels.Label: Int] = [:]
                for (i, label) in Array(Set(coded.values)).sorted().enumerated() { position[label] = i }
                stratify = coded.values.map { position[$0] ?? 0 }
            }
            let split = try TrainTestSplit.indices(count: count, testSize: try args.optionalDouble("test_size"), trainSize: try args.optionalDouble("train_size"),
                                                   shuffle: try args.bool("shuffle"), stratify: stratify, random: &state)
            var result: [Value] = []
            for array in arrays {
                for indices in [split.train, split.test] { result.append(try rows(array, indices, interpreter)) }
            }
            return .list(result)
        }
        module.add(KFoldObject.type)
        return module
    }

    /// `check_random_state`: an int seeds a new RandomState; None draws from entropy.
    static func randomState(_ value: Value) throws -> ML.RandomState {
        if value.isNone { return ML.RandomState() }
        if let object = value.object(as: RandomStateObject.self) { return object.state.random }
        guard let seed = value.asIndex else {
            throw PyError(.valueError, "\(value.typeName) cannot be used to seed a numpy.random.RandomState instance")
        }
        return try ML.RandomState(seed: seed)
    }

    /// The given rows of a list (a list) or an array-like (an array).
    static func rows(_ value: Value, _ indices: [Int], _ interp: Runtime) throws -> Value {
        if value.object(as: ListObject.self) != nil {
            let items = try interp.collect(value)
            return .list(indices.map { items[$0] })
        }
        let key = ArrayConversion.wrap(try NDArray(indices.map { Int64($0) }, shape: [indices.count]))
        return try interp.item(ArrayConversion.wrap(try ArrayConversion.array(value, interp)), key)
    }
}

/// `KFold(n_splits=5, shuffle=False, random_state=None)`: consecutive folds (after one
/// shuffle of the indices when asked), the first n % k folds one larger.
final class KFoldObject: PyObject {
    let splits: Int, shuffle: Bool, seed: Value
    init(splits: Int, shuffle: Bool, seed: Value) { self.splits = splits; self.shuffle = shuffle; self.seed = seed }
    var pyType: PyType { KFoldObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        "KFold(n_splits=\(splits), random_state=\(try interpreter.repr(seed)), shuffle=\(shuffle ? "True" : "False"))"
    }

    static let type = PyType("KFold", module: "sklearn.model_selection", doc: "K-fold cross-validator: for train_idx, test_idx in KFold(5).split(X).") { t in
        t.constructor("KFold(n_splits=5, *, shuffle=False, random_state=None)") { args, _ in
            let splits = try args.int("n_splits")
            guard splits >= 2 else {
                throw PyError(.valueError, "k-fold cross-validation requires at least one train/test split by setting n_splits=2 or more, got n_splits=\(splits).")
            }
            let shuffle = try args.bool("shuffle")
            if !shuffle && !args["random_state"].isNone {
                throw PyError(.valueError, "Setting a random_state has no effect since shuffle is False. You should leave random_state to its default (None), or set shuffle=True.")
            }
            return .object(KFoldObject(splits: splits, shuffle: shuffle, seed: args["random_state"]))
        }
        t.method("get_n_splits(X=None, y=None, groups=None)", of: KFoldObject.self, doc: "The number of folds.") { k, _, _ in .int(k.splits) }
        t.method("split(X, y=None, groups=None)", of: KFoldObject.self, doc: "(train indices, test indices) for each fold.") { k, args, interp in
            let count = try interp.length(args["X"])
            guard k.splits <= count else {
                throw PyError(.valueError, "Cannot have number of splits n_splits=\(k.splits) greater than the number of samples: n_samples=\(count).")
            }
            var order = try NDArray.arange(stop: .int(count))
            if k.shuffle {
                var state = try SKLearnModelSelection.randomState(k.seed)
                order = try order.copy()
                try state.shuffle(order)
            }
            let indices = try order.scalars(as: Int64.self)
            var folds: [Value] = [], start = 0
            for fold in 0..<k.splits {
                let size = count / k.splits + (fold < count % k.splits ? 1 : 0)
                // scikit-learn selects both sides with masks over arange, so each comes out sorted.
                let test = indices[start..<(start + size)].sorted()
                let train = (Array(indices[..<start]) + Array(indices[(start + size)...])).sorted()
                folds.append(.tuple([ArrayConversion.wrap(NDArray(train)), ArrayConversion.wrap(NDArray(test))]))
                start += size
            }
            return .object(IteratorObject(typeName: "generator", try interp.makeIterator(.list(folds))))
        }
    }
}
