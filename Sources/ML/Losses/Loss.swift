/// A training objective, by Keras's names, with Keras's formulas and reduction: the loss of
/// each sample is averaged over its last axis (summed, for crossentropies), and a batch's
/// loss is the mean over everything else.
public enum Loss: Equatable, Sendable {
    case meanSquaredError
    case meanAbsoluteError
    /// Probabilities (or, `fromLogits`, raw scores) against 0/1 targets.
    case binaryCrossentropy(fromLogits: Bool)
    /// Probability rows (or logits) against one-hot target rows.
    case categoricalCrossentropy(fromLogits: Bool)
    /// Probability rows (or logits) against integer class labels.
    case sparseCategoricalCrossentropy(fromLogits: Bool)

    /// Keras clips probabilities to [epsilon, 1 - epsilon] before taking logarithms.
    static let epsilon: Float = 1e-7

    /// The loss Keras calls `name` (`"mse"`, `"sparse_categorical_crossentropy"`, …).
    /// - Throws: `LossError.unknown` naming the accepted names.
    public init(named name: String) throws {
        switch name.lowercased() {
        case "mse", "mean_squared_error", "meansquarederror": self = .meanSquaredError
        case "mae", "mean_absolute_error", "meanabsoluteerror": self = .meanAbsoluteError
        case "binary_crossentropy", "binarycrossentropy", "bce": self = .binaryCrossentropy(fromLogits: false)
        case "categorical_crossentropy", "categoricalcrossentropy", "cce": self = .categoricalCrossentropy(fromLogits: false)
        case "sparse_categorical_crossentropy", "sparsecategoricalcrossentropy", "scce":
            self = .sparseCategoricalCrossentropy(fromLogits: false)
        default: throw LossError.unknown(name)
        }
    }

    /// The names `init(named:)` accepts.
    public static let names = ["mse", "mean_squared_error", "mae", "mean_absolute_error", "binary_crossentropy",
                               "categorical_crossentropy", "sparse_categorical_crossentropy"]

    /// Keras's function name for this loss, used for saving.
    public var name: String {
        switch self {
        case .meanSquaredError: "mean_squared_error"
        case .meanAbsoluteError: "mean_absolute_error"
        case .binaryCrossentropy: "binary_crossentropy"
        case .categoricalCrossentropy: "categorical_crossentropy"
        case .sparseCategoricalCrossentropy: "sparse_categorical_crossentropy"
        }
    }

    /// Keras's class name (`MeanSquaredError`).
    public var className: String {
        switch self {
        case .meanSquaredError: "MeanSquaredError"
        case .meanAbsoluteError: "MeanAbsoluteError"
        case .binaryCrossentropy: "BinaryCrossentropy"
        case .categoricalCrossentropy: "CategoricalCrossentropy"
        case .sparseCategoricalCrossentropy: "SparseCategoricalCrossentropy"
        }
    }

    public var fromLogits: Bool {
        switch self {
        case .meanSquaredError, .meanAbsoluteError: false
        case let .binaryCrossentropy(f), let .categoricalCrossentropy(f), let .sparseCategoricalCrossentropy(f): f
        }
    }

    /// Whether targets are class labels (one per sample position) rather than one value per
    /// output.
    public var takesLabels: Bool {
        if case .sparseCategoricalCrossentropy = self { return true }
        return false
    }

    /// The target shape this loss expects for a per-sample prediction shape.
    func expectedTargetShape(prediction: [Int]) -> [Int] {
        takesLabels ? Array(prediction.dropLast()) : prediction
    }

    /// Checks a per-sample target shape against the model's per-sample output shape.
    /// - Throws: `LossError.shapeMismatch` with a hint for the usual label mix-ups.
    func validate(targetShape: [Int], predictionShape: [Int]) throws {
        let expected = expectedTargetShape(prediction: predictionShape)
        // Keras squeezes or expands a trailing axis of 1 to make the ranks agree.
        if targetShape.reduce(1, *) == expected.reduce(1, *), targetShape.filter({ $0 != 1 }) == expected.filter({ $0 != 1 }) { return }
        var hint = ""
        switch self {
        case .categoricalCrossentropy where targetShape.isEmpty || targetShape == [1]:
            hint = " The targets look like integer labels: use loss='sparse_categorical_crossentropy', or one-hot encode them with tf.keras.utils.to_categorical."
        case .sparseCategoricalCrossentropy where targetShape == predictionShape:
            hint = " The targets look one-hot encoded: use loss='categorical_crossentropy', or pass the integer labels."
        default: break
        }
        throw LossError.shapeMismatch(loss: name, target: targetShape, prediction: predictionShape, hint: hint)
    }

    /// The mean loss of `rows` rows of `classes` outputs (`rows` counts every position, i.e.
    /// samples times the inner axes). Writes d mean loss / d prediction into `gradient` when
    /// given. With `meanOverRows`, the sum is divided by that many rows instead, so the
    /// parts of a batch split across threads add up to the batch's mean and gradient.
    /// - Throws: `LossError.labelOutOfRange` for a class label outside 0..<classes.
    func evaluate(
        prediction: UnsafePointer<Float>, target: UnsafePointer<Float>, rows: Int, classes: Int,
        gradient: UnsafeMutablePointer<Float>?, meanOverRows: Int? = nil
    ) throws -> Double {
        let count = rows * classes
        guard count > 0 else { return 0 }
        let total = meanOverRows ?? rows
        switch self {
        case .meanSquaredError:
            return LossKernels.squaredError(prediction, target, rows: rows, columns: classes, gradient: gradient, totalRows: total)
        case .meanAbsoluteError:
            return LossKernels.absoluteError(prediction, target, count: count, gradient: gradient, totalCount: total * classes)
        case let .binaryCrossentropy(fromLogits):
            return LossKernels.binaryCrossentropy(prediction, target, count: count, fromLogits: fromLogits, gradient: gradient, totalCount: total * classes)
        case let .categoricalCrossentropy(fromLogits):
            return LossKernels.categoricalCrossentropy(prediction, rows: rows, classes: classes, fromLogits: fromLogits, gradient: gradient, totalRows: total) { row, _ in
                UnsafeBufferPointer(start: target + row * classes, count: classes)
            }
        case let .sparseCategoricalCrossentropy(fromLogits):
            for row in 0..<rows {
                let label = target[row]
                guard label >= 0, label < Float(classes), label.rounded() == label else {
                    throw LossError.labelOutOfRange(label: Double(label), classes: classes)
                }
            }
            return try LossKernels.sparseCrossentropy(prediction, labels: target, rows: rows, classes: classes, fromLogits: fromLogits, gradient: gradient, totalRows: total)
        }
    }
}

/// What can go wrong computing a loss; each description says what to change.
public enum LossError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknown(String)
    case shapeMismatch(loss: String, target: [Int], prediction: [Int], hint: String)
    case labelOutOfRange(label: Double, classes: Int)

    public var description: String {
        switch self {
        case let .unknown(name):
            return "Unknown loss function: '\(name)'. Use one of: \(Loss.names.joined(separator: ", "))"
        case let .shapeMismatch(loss, target, prediction, hint):
            return "\(loss): the targets have shape \(Shape.batchText(target)) but the model's output has shape \(Shape.batchText(prediction)).\(hint)"
        case let .labelOutOfRange(label, classes):
            let text = label.rounded() == label && label.magnitude < 1e15 ? String(Int(label)) : String(label)
            return "Received a label value of \(text) which is outside the valid range of [0, \(classes)). Labels must be integers from 0 to \(classes - 1)."
        }
    }
}
