/// Where Keras-style progress goes: finished lines, and one live line replaced in place.
/// The kernel binding turns `updateLive` into a `display_data` followed by
/// `update_display_data` messages; a console would use a carriage return.
public protocol ProgressOutput: AnyObject {
    /// Text that is final, printed once (verbose 2's epoch lines, EarlyStopping's notes).
    func printLine(_ line: String)
    /// The live display: `begin` starts a new one (a new epoch), otherwise it replaces the
    /// current one's text. `final` marks its last update.
    func updateLive(_ text: String, begin: Bool, final: Bool)
}

/// Keras's progress display as a callback: verbose 1 shows each epoch as
/// `Epoch 3/17` over a live bar (`120/235 ━━━━━━━━━━╺━━━━━━━━━ 1s 4ms/step - loss: 0.0241`)
/// updated at most `maximumRate` times a second; verbose 2 prints one line per epoch
/// (`Epoch 3/17 - 1s - loss: 0.0241 - val_loss: 0.0229`). Also reports `evaluate` and
/// `predict` progress at verbose 1.
public final class ProgressReporter: TrainingCallback {
    public let verbose: Int
    public let output: ProgressOutput
    /// Live updates per second, at most.
    public let maximumRate: Double

    private let clock = ContinuousClock()
    private var epochStart: ContinuousClock.Instant?
    private var lastUpdate: ContinuousClock.Instant?
    private var plan: TrainingPlan?
    private var epoch = 0
    private var evaluationStart: ContinuousClock.Instant?
    /// The step count of the running evaluation, for its final line.
    private var evaluationSteps = 0

    public init(verbose: Int, output: ProgressOutput, maximumRate: Double = 10) {
        self.verbose = verbose
        self.output = output
        self.maximumRate = maximumRate
    }

    public func trainingBegan(model: Sequential, plan: TrainingPlan) throws {
        self.plan = plan
    }

    public func epochBegan(_ epoch: Int, model: Sequential) throws {
        self.epoch = epoch
        epochStart = clock.now
        lastUpdate = nil
        guard verbose == 1, let plan else { return }
        output.updateLive(header(plan) + "\n" + Self.bar(step: 0, total: plan.steps, elapsed: 0, logs: nil, finished: false), begin: true, final: false)
    }

    public func batchEnded(_ batch: Int, logs: RunningLogs, model: Sequential) throws {
        guard verbose == 1, let plan, let epochStart else { return }
        let now = clock.now
        let step = batch + 1
        if step < plan.steps, let lastUpdate, (now - lastUpdate).seconds < 1 / maximumRate { return }
        if step == plan.steps { return }   // the epoch's end shows the final line, with validation
        lastUpdate = now
        output.updateLive(header(plan) + "\n" + Self.bar(step: step, total: plan.steps, elapsed: (now - epochStart).seconds, logs: logs.current, finished: false),
                          begin: false, final: false)
    }

    public func epochEnded(_ epoch: Int, logs: Logs, model: Sequential) throws {
        guard let plan, let epochStart else { return }
        let elapsed = (clock.now - epochStart).seconds
        switch verbose {
        case 1:
            output.updateLive(header(plan) + "\n" + Self.bar(step: plan.steps, total: plan.steps, elapsed: elapsed, logs: logs, finished: true),
                              begin: false, final: true)
        case 2:
            output.printLine("\(header(plan)) - \(Self.seconds(elapsed))\(logs.keras)")
        default:
            break
        }
    }

    public func evaluationBatchEnded(_ step: Int, of total: Int, logs: RunningLogs) throws {
        evaluationSteps = total
        guard verbose == 1 else { return }
        let now = clock.now
        if evaluationStart == nil {
            evaluationStart = now
            output.updateLive(Self.bar(step: 0, total: total, elapsed: 0, logs: nil, finished: false), begin: true, final: false)
        }
        if step < total, let lastUpdate, (now - lastUpdate).seconds < 1 / maximumRate { return }
        if step == total { return }
        lastUpdate = now
        output.updateLive(Self.bar(step: step, total: total, elapsed: (now - (evaluationStart ?? now)).seconds, logs: logs.current, finished: false), begin: false, final: false)
    }

    public func evaluationEnded(logs: Logs, seconds: Double) throws {
        defer { evaluationStart = nil }
        let steps = max(evaluationSteps, 1)
        switch verbose {
        case 1:
            output.updateLive(Self.bar(step: steps, total: steps, elapsed: seconds, logs: logs, finished: true), begin: evaluationStart == nil, final: true)
        case 2:
            output.printLine("\(steps)/\(steps) - \(Self.seconds(seconds)) - \(Self.perStep(seconds / Double(steps)))\(logs.keras)")
        default:
            break
        }
    }

    private var predictionStarted = false

    public func predictionBatchEnded(_ step: Int, of total: Int) throws {
        guard verbose == 1 else { return }
        let now = clock.now
        if !predictionStarted {
            predictionStarted = true
            evaluationStart = now
            output.updateLive(Self.bar(step: 0, total: total, elapsed: 0, logs: nil, finished: false), begin: true, final: false)
        }
        if step == total { return }
        if let lastUpdate, (now - lastUpdate).seconds < 1 / maximumRate { return }
        lastUpdate = now
        output.updateLive(Self.bar(step: step, total: total, elapsed: (now - (evaluationStart ?? now)).seconds, logs: nil, finished: false), begin: false, final: false)
    }

    public func predictionEnded(steps: Int, seconds: Double) throws {
        defer { predictionStarted = false; evaluationStart = nil }
        switch verbose {
        case 1:
            output.updateLive(Self.bar(step: steps, total: steps, elapsed: seconds, logs: nil, finished: true), begin: !predictionStarted, final: true)
        case 2:
            output.printLine("\(steps)/\(steps) - \(Self.seconds(seconds)) - \(Self.perStep(seconds / Double(max(steps, 1))))")
        default:
            break
        }
    }

    private func header(_ plan: TrainingPlan) -> String { "Epoch \(epoch + 1)/\(plan.epochs)" }

    /// Keras's bar: `  7/235 ━━━━━━━━━━━━━━━━━━━━ 1s 8ms/step - loss: 0.0433`, with an
    /// ETA while running and the elapsed time when finished.
    public static func bar(step: Int, total: Int, elapsed: Double, logs: Logs?, finished: Bool, width: Int = 20) -> String {
        let digits = String(max(total, 1)).count
        let count = String(repeating: " ", count: max(0, digits - String(step).count)) + "\(step)/\(total)"
        let done = total > 0 ? min(width, Int(Double(width) * Double(step) / Double(total))) : width
        // Keras tells done from to-do by colour alone; plain text needs two glyphs.
        let bar = String(repeating: "━", count: done) + String(repeating: "─", count: width - done)
        let perStep = step > 0 ? elapsed / Double(step) : 0
        let time = finished ? seconds(elapsed) : eta(perStep * Double(total - step))
        return "\(count) \(bar) \(time) \(Self.perStep(perStep))" + (logs?.keras ?? "")
    }

    /// The fraction done as Keras's bar shows it (for a coloured rendering).
    public static func filledSegments(step: Int, total: Int, width: Int = 20) -> Int {
        total > 0 ? min(width, Int(Double(width) * Double(step) / Double(total))) : width
    }

    static func seconds(_ value: Double) -> String { "\(Int(value.rounded()))s" }

    static func eta(_ value: Double) -> String {
        let s = Int(value)
        if s > 3600 { return "\(s / 3600):" + pad2((s % 3600) / 60) + ":" + pad2(s % 60) }
        if s > 60 { return "\(s / 60):" + pad2(s % 60) }
        return "\(s)s"
    }

    static func perStep(_ value: Double) -> String {
        if value >= 1 || value == 0 { return "\(Int(value.rounded()))s/step" }
        if value >= 1e-3 { return "\(Int((value * 1000).rounded()))ms/step" }
        return "\(Int((value * 1_000_000).rounded()))us/step"
    }

    private static func pad2(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
}
