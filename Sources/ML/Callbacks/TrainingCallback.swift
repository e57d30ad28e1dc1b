/// Hooks `fit`, `evaluate` and `predict` call as they run, as Keras's callbacks receive
/// them. Every method has an empty default; a method that throws stops the run with that
/// error. Epochs and batches are 0-based, as in Keras.
public protocol TrainingCallback: AnyObject {
    func trainingBegan(model: Sequential, plan: TrainingPlan) throws
    func epochBegan(_ epoch: Int, model: Sequential) throws
    func batchBegan(_ batch: Int, model: Sequential) throws
    /// After each training batch; `logs` gives the epoch's running values when asked.
    func batchEnded(_ batch: Int, logs: RunningLogs, model: Sequential) throws
    func epochEnded(_ epoch: Int, logs: Logs, model: Sequential) throws
    func trainingEnded(model: Sequential, logs: Logs?) throws
    /// `evaluate` (not fit's validation) finished batch `step` of `total`.
    func evaluationBatchEnded(_ step: Int, of total: Int, logs: RunningLogs) throws
    /// `evaluate` finished.
    func evaluationEnded(logs: Logs, seconds: Double) throws
    /// `predict` finished batch `step` of `total`.
    func predictionBatchEnded(_ step: Int, of total: Int) throws
    /// `predict` finished.
    func predictionEnded(steps: Int, seconds: Double) throws
}

public extension TrainingCallback {
    func trainingBegan(model: Sequential, plan: TrainingPlan) throws {}
    func epochBegan(_ epoch: Int, model: Sequential) throws {}
    func batchBegan(_ batch: Int, model: Sequential) throws {}
    func batchEnded(_ batch: Int, logs: RunningLogs, model: Sequential) throws {}
    func epochEnded(_ epoch: Int, logs: Logs, model: Sequential) throws {}
    func trainingEnded(model: Sequential, logs: Logs?) throws {}
    func evaluationBatchEnded(_ step: Int, of total: Int, logs: RunningLogs) throws {}
    func evaluationEnded(logs: Logs, seconds: Double) throws {}
    func predictionBatchEnded(_ step: Int, of total: Int) throws {}
    func predictionEnded(steps: Int, seconds: Double) throws {}
}

/// What a `fit` call is about to do.
public struct TrainingPlan: Sendable {
    /// Total epochs (the `epochs` argument) and the first one run (`initial_epoch`).
    public var epochs: Int
    public var initialEpoch: Int
    /// Batches per epoch.
    public var steps: Int
    /// Training and validation sample counts.
    public var samples: Int
    public var validationSamples: Int
    public var verbose: Int
}

/// The running means of the current epoch (or evaluation): loss and metrics so far.
/// Cheap to pass to every batch; the values are only assembled when `current` is asked.
public final class RunningLogs {
    var lossSum = 0.0
    var lossWeight = 0.0
    var metricNames: [String] = []
    var metricSums: [Double] = []
    var metricCounts: [Double] = []
    /// Samples seen so far.
    public internal(set) var samples = 0

    init() {}

    func reset(metricNames: [String]) {
        lossSum = 0
        lossWeight = 0
        samples = 0
        self.metricNames = metricNames
        metricSums = [Double](repeating: 0, count: metricNames.count)
        metricCounts = [Double](repeating: 0, count: metricNames.count)
    }

    /// The loss and metrics averaged over the samples so far.
    public var current: Logs {
        var entries: [(name: String, value: Double)] = [("loss", lossWeight > 0 ? lossSum / lossWeight : 0)]
        for (i, name) in metricNames.enumerated() {
            entries.append((name, metricCounts[i] > 0 ? metricSums[i] / metricCounts[i] : 0))
        }
        return Logs(entries)
    }
}
