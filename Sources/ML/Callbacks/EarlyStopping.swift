/// Stops training when a monitored value stops improving (`keras.callbacks.EarlyStopping`),
/// with Keras 3's rules: `patience` epochs without an improvement of more than `minDelta`
/// end training, and `restoreBestWeights` puts back the weights of the best epoch at the end.
public final class EarlyStopping: TrainingCallback {
    public enum Mode: String, Sendable {
        case auto, min, max
    }

    public let monitor: String
    public let minDelta: Double
    public let patience: Int
    public let mode: Mode
    public let baseline: Double?
    public let restoreBestWeights: Bool
    public let startFromEpoch: Int
    /// Whether to report the stop and the restore (Keras's `verbose`).
    public let verbose: Int

    /// The epoch training stopped at (0 when it was not stopped), and the best so far.
    public private(set) var stoppedEpoch = 0
    public private(set) var bestEpoch = 0
    public private(set) var best: Double?
    private var wait = 0
    private var bestWeights: [Tensor]?
    /// Receives the messages `verbose` asks for (the binding prints them).
    public var report: ((String) -> Void)?

    public init(monitor: String = "val_loss", minDelta: Double = 0, patience: Int = 0, verbose: Int = 0, mode: Mode = .auto,
                baseline: Double? = nil, restoreBestWeights: Bool = false, startFromEpoch: Int = 0) {
        self.monitor = monitor
        self.minDelta = minDelta.magnitude
        self.patience = patience
        self.verbose = verbose
        self.mode = mode
        self.baseline = baseline
        self.restoreBestWeights = restoreBestWeights
        self.startFromEpoch = startFromEpoch
    }

    /// Whether larger values are better: `max` mode, or in `auto` mode a metric that grows
    /// (accuracy), as Keras decides from the metric's direction.
    var higherIsBetter: Bool {
        switch mode {
        case .max: return true
        case .min: return false
        case .auto:
            let name = monitor.hasPrefix("val_") ? String(monitor.dropFirst(4)) : monitor
            return name.contains("acc") || name.hasSuffix("auc") || name == "precision" || name == "recall"
        }
    }

    private func isImprovement(_ value: Double, over reference: Double?) -> Bool {
        guard let reference else { return true }
        return higherIsBetter ? value - minDelta > reference : value + minDelta < reference
    }

    public func trainingBegan(model: Sequential, plan: TrainingPlan) throws {
        wait = 0
        stoppedEpoch = 0
        best = nil
        bestWeights = nil
        bestEpoch = 0
    }

    public func epochEnded(_ epoch: Int, logs: Logs, model: Sequential) throws {
        guard let current = logs[monitor] else {
            report?("Early stopping conditioned on metric `\(monitor)` which is not available. Available metrics are: \(logs.names.joined(separator: ","))")
            return
        }
        guard epoch >= startFromEpoch else { return }
        if restoreBestWeights && bestWeights == nil {
            bestWeights = model.getWeights()
            bestEpoch = epoch
        }
        wait += 1
        if isImprovement(current, over: best) {
            best = current
            bestEpoch = epoch
            if restoreBestWeights { bestWeights = model.getWeights() }
            if baseline == nil || isImprovement(current, over: baseline) { wait = 0 }
            return
        }
        if wait >= patience && epoch > 0 {
            stoppedEpoch = epoch
            model.stopTraining = true
        }
    }

    public func trainingEnded(model: Sequential, logs: Logs?) throws {
        if stoppedEpoch > 0 && verbose > 0 { report?("Epoch \(stoppedEpoch + 1): early stopping") }
        if restoreBestWeights, let bestWeights {
            if verbose > 0 { report?("Restoring model weights from the end of the best epoch: \(bestEpoch + 1).") }
            try model.setWeights(bestWeights)
        }
    }
}

/// A callback made of optional closures (`keras.callbacks.LambdaCallback`). Each closure may
/// throw, which stops training with that error.
public final class LambdaCallback: TrainingCallback {
    public var onEpochBegin: ((Int) throws -> Void)?
    public var onEpochEnd: ((Int, Logs) throws -> Void)?
    public var onBatchBegin: ((Int) throws -> Void)?
    public var onBatchEnd: ((Int, Logs) throws -> Void)?
    public var onTrainBegin: (() throws -> Void)?
    public var onTrainEnd: ((Logs?) throws -> Void)?

    public init() {}

    public func trainingBegan(model: Sequential, plan: TrainingPlan) throws { try onTrainBegin?() }
    public func epochBegan(_ epoch: Int, model: Sequential) throws { try onEpochBegin?(epoch) }
    public func batchBegan(_ batch: Int, model: Sequential) throws { try onBatchBegin?(batch) }
    public func batchEnded(_ batch: Int, logs: RunningLogs, model: Sequential) throws { try onBatchEnd?(batch, logs.current) }
    public func epochEnded(_ epoch: Int, logs: Logs, model: Sequential) throws { try onEpochEnd?(epoch, logs) }
    public func trainingEnded(model: Sequential, logs: Logs?) throws { try onTrainEnd?(logs) }
}
