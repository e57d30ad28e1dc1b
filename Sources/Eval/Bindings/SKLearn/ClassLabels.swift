import ML

/// Class labels as scikit-learn sees them: numbers (from arrays or Python ints/floats/bools)
/// or strings (from lists), checked the way `_check_targets` checks them and coded as
/// positions in the sorted set of labels (`unique_labels`).
struct ClassLabels {
    enum Label: Hashable, Comparable {
        case number(Double)
        case text(String)

        static func < (a: Label, b: Label) -> Bool {
            switch (a, b) {
            case (.number(let x), .number(let y)): return x < y
            case (.text(let x), .text(let y)): return x < y
            case (.number, .text): return true
            case (.text, .number): return false
            }
        }
    }

    var values: [Label]
    /// Whether numbers came as integers (so they print and return as ints).
    var integral: Bool
    /// scikit-learn's `type_of_target`: binary, multiclass, continuous, multilabel-indicator, ...
    var kind: String

    init(values: [Label], integral: Bool, kind: String) {
        self.values = values
        self.integral = integral
        self.kind = kind
    }

    init(_ value: Value, _ interp: Runtime) throws {
        if case .object(let object) = value, object is ListObject || object is TupleObject {
            let items = try interp.collect(value)
            if !items.isEmpty, items.allSatisfy({ if case .string = $0 { return true } else { return false } }) {
                values = items.map { if case .string(let s) = $0 { return .text(s) } else { return .text("") } }
                integral = false
                kind = Set(values).count <= 2 ? "binary" : "multiclass"
                return
            }
            if items.contains(where: { if case .string = $0 { return true } else { return false } }) {
                throw PyError(.typeError, "'<' not supported between instances of 'str' and 'int'")
            }
        }
        let array = try ArrayConversion.array(value, interp)
        var flat = array
        if array.ndim == 2 && array.shape[1] > 1 {
            let numbers = try array.doubles()
            if numbers.contains(where: { $0 != $0.rounded() }) { kind = "continuous-multioutput" }
            else if numbers.allSatisfy({ $0 == 0 || $0 == 1 }) { kind = "multilabel-indicator" }
            else { kind = "multiclass-multioutput" }
            values = []
            integral = true
            return
        }
        if array.ndim == 2 { flat = try array.reshaped([-1]) }
        guard flat.ndim <= 1 else { throw PyError(.valueError, "Expected array-like (array or non-string sequence), got an array of \(array.ndim) dimensions") }
        let numbers = try flat.reshaped([-1]).doubles()
        values = numbers.map { .number($0) }
        integral = !flat.dtype.isFloatingPoint
        if numbers.contains(where: { !$0.isFinite || $0 != $0.rounded() }) { kind = "continuous" }
        else { kind = Set(numbers).count <= 2 ? "binary" : "multiclass" }
    }

    /// A label as Python shows it: ints for integer input, floats otherwise, or the string.
    func python(_ label: Label) -> Value {
        switch label {
        case .text(let s): return .string(s)
        case .number(let v): return integral ? .int(Int(v)) : .float(v)
        }
    }

    /// A label as NumPy 2 reprs an element of a label array, as scikit-learn's messages show
    /// it: `np.int64(5)`, `np.float64(2.5)`, `np.str_('cat')`.
    func numpyRepr(_ label: Label, _ interp: Runtime) throws -> String {
        switch label {
        case .text(let s): return "np.str_(\(try interp.repr(.string(s))))"
        case .number(let v): return integral ? "np.int64(\(Int(v)))" : "np.float64(\(try interp.repr(.float(v))))"
        }
    }

    /// `"%s" % label`, as classification_report names rows.
    func name(_ label: Label, _ interp: Runtime) throws -> String {
        try interp.str(python(label))
    }
}

/// `y_true` and `y_pred` checked together and coded against their sorted union of labels.
struct LabelPair {
    let truth: ClassLabels
    let predicted: ClassLabels
    /// The sorted labels (or the `labels=` argument), and the samples coded against them
    /// (-1 for a label not in the list).
    let labels: [ClassLabels.Label]
    let trueCodes: [Int]
    let predictedCodes: [Int]
    let kind: String

    init(_ yTrue: Value, _ yPred: Value, labels given: Value = .none, _ interp: Runtime) throws {
        truth = try ClassLabels(yTrue, interp)
        predicted = try ClassLabels(yPred, interp)
        var kinds = Set([truth.kind, predicted.kind])
        if kinds == ["binary", "multiclass"] { kinds = ["multiclass"] }
        guard kinds.count == 1, let kind = kinds.first else {
            throw PyError(.valueError, "Classification metrics can't handle a mix of \(truth.kind) and \(predicted.kind) targets")
        }
        guard kind == "binary" || kind == "multiclass" else {
            if kind == "multilabel-indicator" { throw PyError(.notImplementedError, "multilabel-indicator targets (one-hot rows) are not supported by SwiftML's metrics; pass class labels, e.g. y.argmax(axis=1)") }
            throw PyError(.valueError, "\(kind) is not supported")
        }
        guard truth.values.count == predicted.values.count else {
            throw PyError(.valueError, "Found input variables with inconsistent numbers of samples: [\(truth.values.count), \(predicted.values.count)]")
        }
        let textTrue = truth.values.contains { if case .text = $0 { return true } else { return false } }
        let textPred = predicted.values.contains { if case .text = $0 { return true } else { return false } }
        if !truth.values.isEmpty && textTrue != textPred {
            throw PyError(.typeError, "Labels in y_true and y_pred should be of the same type. Got y_true=\(textTrue ? "str" : "number") labels and y_pred=\(textPred ? "str" : "number") labels. Make sure that the predictions provided by the classifier coincides with the true labels.")
        }
        let union = Array(Set(truth.values).union(predicted.values)).sorted()
        self.kind = union.count > 2 ? "multiclass" : kind
        if given.isNone {
            labels = union
        } else {
            labels = try ClassLabels(given, interp).values
            guard !labels.isEmpty else { throw PyError(.valueError, "'labels' should contain at least one label.") }
            if !labels.contains(where: union.contains) { throw PyError(.valueError, "At least one label specified must be in y_true") }
        }
        var position: [ClassLabels.Label: Int] = [:]
        for (i, label) in labels.enumerated() where position[label] == nil { position[label] = i }
        trueCodes = truth.values.map { position[$0] ?? -1 }
        predictedCodes = predicted.values.map { position[$0] ?? -1 }
    }

    /// Labels back to Python values, in the integer/float/string form the user passed.
    func python(_ label: ClassLabels.Label) -> Value {
        truth.integral && predicted.integral ? truth.python(label) : ClassLabels(values: [], integral: false, kind: "").python(label)
    }
}
