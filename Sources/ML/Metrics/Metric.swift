/// A quantity reported during training and evaluation, by Keras's names. Each is the mean,
/// over every sample (and inner position), of a per-position value.
public enum Metric: Equatable, Sendable {
    /// `"accuracy"`: becomes binary, categorical or sparse categorical accuracy once the
    /// loss and the shapes are known, as Keras decides.
    case accuracy
    /// Fraction of positions where (prediction > threshold) equals the target.
    case binaryAccuracy(threshold: Float)
    /// Fraction of rows whose prediction argmax equals the one-hot target's argmax.
    case categoricalAccuracy
    /// Fraction of rows whose prediction argmax equals the integer label.
    case sparseCategoricalAccuracy
    case meanAbsoluteError
    case meanSquaredError

    /// The metric Keras calls `name`.
    /// - Throws: `MetricError.unknown` naming the accepted names.
    public init(named name: String) throws {
        switch name.lowercased() {
        case "accuracy", "acc": self = .accuracy
        case "binary_accuracy": self = .binaryAccuracy(threshold: 0.5)
        case "categorical_accuracy": self = .categoricalAccuracy
        case "sparse_categorical_accuracy": self = .sparseCategoricalAccuracy
        case "mae", "mean_absolute_error": self = .meanAbsoluteError
        case "mse", "mean_squared_error": self = .meanSquaredError
        default: throw MetricError.unknown(name)
        }
    }

    /// The names `init(named:)` accepts.
    public static let names = ["accuracy", "acc", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy",
                               "mae", "mean_absolute_error", "mse", "mean_squared_error"]

    /// Keras's name for it.
    public var name: String {
        switch self {
        case .accuracy: "accuracy"
        case .binaryAccuracy: "binary_accuracy"
        case .categoricalAccuracy: "categorical_accuracy"
        case .sparseCategoricalAccuracy: "sparse_categorical_accuracy"
        case .meanAbsoluteError: "mean_absolute_error"
        case .meanSquaredError: "mean_squared_error"
        }
    }

    /// `.accuracy` made concrete for a loss and per-sample output and target shapes.
    func resolved(loss: Loss, outputShape: [Int], targetShape: [Int]) -> Metric {
        guard self == .accuracy else { return self }
        if case .binaryCrossentropy = loss { return .binaryAccuracy(threshold: 0.5) }
        if outputShape.last == 1 { return .binaryAccuracy(threshold: 0.5) }
        if loss.takesLabels || targetShape.count < outputShape.count || (targetShape.last == 1 && (outputShape.last ?? 1) > 1) {
            return .sparseCategoricalAccuracy
        }
        return .categoricalAccuracy
    }

    /// Whether the targets are labels, one per row, rather than one per output.
    var takesLabels: Bool { self == .sparseCategoricalAccuracy }

    /// The sum of per-row values over `rows` rows of `columns` outputs (divide by the row
    /// count for the mean).
    func sum(prediction p: UnsafePointer<Float>, target t: UnsafePointer<Float>, rows: Int, columns: Int) -> Double {
        var total = 0.0
        switch self {
        case .accuracy, .binaryAccuracy:
            let threshold: Float = if case let .binaryAccuracy(value) = self { value } else { 0.5 }
            for row in 0..<rows {
                var hits = 0
                for c in 0..<columns {
                    let i = row * columns + c
                    if (p[i] > threshold ? 1 : 0) == t[i] { hits += 1 }
                }
                total += Double(hits) / Double(columns)
            }
        case .categoricalAccuracy:
            for row in 0..<rows where Self.argmax(p + row * columns, columns) == Self.argmax(t + row * columns, columns) { total += 1 }
        case .sparseCategoricalAccuracy:
            for row in 0..<rows where Float(Self.argmax(p + row * columns, columns)) == t[row] { total += 1 }
        case .meanAbsoluteError:
            for row in 0..<rows {
                var s: Float = 0
                for c in 0..<columns { s += (p[row * columns + c] - t[row * columns + c]).magnitude }
                total += Double(s) / Double(columns)
            }
        case .meanSquaredError:
            for row in 0..<rows {
                var s: Float = 0
                for c in 0..<columns { let d = p[row * columns + c] - t[row * columns + c]; s += d * d }
                total += Double(s) / Double(columns)
            }
        }
        return total
    }

    /// Index of the first largest element, as NumPy's argmax.
    static func argmax(_ values: UnsafePointer<Float>, _ count: Int) -> Int {
        var best = 0
        for i in 1..<Swift.max(count, 1) where values[i] > values[best] { best = i }
        return best
    }
}

/// A metric as the user asked for it: the display name in logs and history (`"accuracy"`,
/// `"mae"`) and what it computes.
public struct MetricSpec: Equatable, Sendable {
    public var name: String
    public var metric: Metric

    public init(name: String, metric: Metric) {
        self.name = name
        self.metric = metric
    }

    /// A metric from Keras's string name; the name is kept as given.
    public init(named name: String) throws {
        self.init(name: name, metric: try Metric(named: name))
    }
}

/// An unknown metric name.
public enum MetricError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknown(String)

    public var description: String {
        switch self {
        case let .unknown(name): "Unknown metric function: '\(name)'. Use one of: \(Metric.names.joined(separator: ", "))"
        }
    }
}
