/// The arguments of `fit` beyond the data, with Keras's defaults.
public struct FitOptions {
    public var epochs = 1
    public var batchSize = 32
    public var shuffle = true
    /// Fraction of the data (taken from the end, before shuffling) held out for validation.
    public var validationSplit = 0.0
    /// Data to validate on after each epoch; takes precedence over `validationSplit`.
    public var validationData: (x: Tensor, y: Tensor)?
    /// The epoch to start counting from (for resuming).
    public var initialEpoch = 0
    /// Recorded in `History.parameters`; display is up to the callbacks.
    public var verbose = 1
    public var callbacks: [TrainingCallback] = []
    /// Polled between batches: when raised, training stops after the current batch and
    /// `fit` returns the history of the completed epochs (the flag is consumed).
    public var cancellation: CancellationFlag?
    /// Threads a batch may be split across; nil means OpenBLAS's thread count
    /// (`OPENBLAS_NUM_THREADS`, else the number of cores).
    public var threads: Int?

    public init() {}
}

/// A metric as one run computes it, resolved against the loss and shapes.
struct ActiveMetric {
    let name: String
    let metric: Metric
}

extension Sequential {
    /// Fixes the optimizer, loss and metrics for training (`model.compile`).
    public func compile(optimizer: Optimizer, loss: Loss, metrics: [MetricSpec] = []) {
        compiled = CompiledState(optimizer: optimizer, loss: loss, metrics: metrics)
    }

    /// Builds the model for `sampleShape` if needed, else checks that it matches.
    /// - Throws: `ModelError.inputShape` when the data does not fit the model.
    func prepare(sampleShape: [Int]) throws {
        if let expected = modelInputShape, isBuilt {
            guard expected == sampleShape else { throw ModelError.inputShape(model: name, expected: expected, got: sampleShape) }
            return
        }
        guard !layers.isEmpty else { throw ModelError.empty(model: name) }
        try build(inputShape: sampleShape)
    }

    /// The metrics of `compiled`, made concrete for the shapes at hand.
    func activeMetrics(_ compiled: CompiledState, targetShape: [Int]) throws -> [ActiveMetric] {
        let output = outputShape ?? []
        let outputSize = output.reduce(1, *), targetSize = targetShape.reduce(1, *)
        let rowsPerSample = outputSize / Swift.max(output.last ?? 1, 1)
        return try compiled.metrics.map { spec in
            let metric = spec.metric.resolved(loss: compiled.loss, outputShape: output, targetShape: targetShape)
            let fits = metric.takesLabels ? targetSize == rowsPerSample : targetSize == outputSize
            guard fits else {
                throw ModelError.invalidArgument("metric '\(spec.name)' cannot compare targets of shape \(Shape.batchText(targetShape)) with outputs of shape \(Shape.batchText(output))")
            }
            return ActiveMetric(name: spec.name, metric: metric)
        }
    }

    /// Checks inputs and targets against each other and the model.
    func validate(x: Tensor, y: Tensor, compiled: CompiledState) throws {
        guard x.rank >= 1 else { throw ModelError.invalidArgument("x must have a batch axis; got a scalar") }
        guard y.rank >= 1 else { throw ModelError.invalidArgument("y must have a batch axis; got a scalar") }
        guard x.shape[0] == y.shape[0] else { throw ModelError.sampleCountMismatch(inputs: x.shape[0], targets: y.shape[0]) }
        try prepare(sampleShape: Array(x.shape.dropFirst()))
        if let set = try outputLossSet(compiled) {
            let width = y.shape.dropFirst().reduce(1, *)
            guard width == set.targetWidth else {
                throw ModelError.invalidArgument("the targets hold \(width) values per sample, but the outputs' losses expect \(set.slots.map(\.targetSize).map(String.init).joined(separator: " + ")) = \(set.targetWidth)")
            }
            return
        }
        try compiled.loss.validate(targetShape: Array(y.shape.dropFirst()), predictionShape: outputShape ?? [])
    }

    /// The per-output losses of a model with several outputs; nil for one output.
    func outputLossSet(_ compiled: CompiledState) throws -> OutputLossSet? {
        guard !compiled.outputLosses.isEmpty else { return nil }
        guard let functional = self as? FunctionalModel else { throw ModelError.invalidArgument("per-output losses need a model with several outputs") }
        return try OutputLossSet(compiled.outputLosses, outputShapes: functional.outputShapes)
    }

    /// Trains the model (`model.fit`): for each epoch, shuffles (if asked), runs every batch
    /// forward and backward and applies the optimizer, then validates. Returns the history.
    ///
    /// - Throws: `ModelError` for data that does not fit the model or loss,
    ///   `TrainingError.nonFiniteLoss` when a batch's loss is NaN or infinite, `LossError`
    ///   for labels out of range, or whatever a callback throws.
    public func fit(x: Tensor, y: Tensor, options: FitOptions = FitOptions()) throws -> History {
        guard let compiled else { throw ModelError.notCompiled(model: name) }
        guard options.batchSize > 0 else { throw TrainingError.invalidArgument("batch_size must be a positive integer, got \(options.batchSize)") }
        guard options.epochs >= 0, options.initialEpoch >= 0 else { throw TrainingError.invalidArgument("epochs must be a non-negative integer") }
        guard options.validationSplit >= 0, options.validationSplit < 1 else {
            throw TrainingError.invalidArgument("validation_split must be in [0, 1), got \(options.validationSplit)")
        }
        let x = InputRank.adjusted(x, sampleShape: modelInputShape)
        try validate(x: x, y: y, compiled: compiled)
        var trainX = SampleRange(x), trainY = SampleRange(y)
        var validation: (x: SampleRange, y: SampleRange)?
        if let data = options.validationData {
            let validationX = InputRank.adjusted(data.x, sampleShape: modelInputShape)
            try validate(x: validationX, y: data.y, compiled: compiled)
            validation = (SampleRange(validationX), SampleRange(data.y))
        } else if options.validationSplit > 0 {
            let (tx, vx) = trainX.split(validationFraction: options.validationSplit)
            let (ty, vy) = trainY.split(validationFraction: options.validationSplit)
            trainX = tx
            trainY = ty
            if vx.count > 0 { validation = (vx, vy) }
        }
        guard trainX.count > 0 else {
            throw ModelError.noData("there are no training samples (x has \(x.shape[0]) samples and validation_split is \(options.validationSplit))")
        }
        let metrics = try activeMetrics(compiled, targetShape: trainY.sampleShape)
        let loop = try TrainingLoop(model: self, compiled: compiled, metrics: metrics, targetSize: trainY.sampleSize,
                                threads: options.threads ?? BLAS.threadCount)
        return try loop.run(x: trainX, y: trainY, validation: validation, options: options)
    }
}

/// One thread's share of a training step: its own layer buffers, loss gradient and
/// random stream (for dropout), and what its rows contributed.
final class ShardPass {
    let contexts: [LayerContext]
    let lossGradient = ScratchBuffer()
    var random = RandomStream(seed: 0)
    var loss = 0.0
    var metricSums: [Double]
    var error: Error?
    var gradients: [(Variable, UnsafePointer<Float>)] = []
    let outputBuffers = OutputLossSet.Buffers()

    init(contexts: [LayerContext], metrics: Int) {
        self.contexts = contexts
        metricSums = [Double](repeating: 0, count: metrics)
    }
}

/// One `fit` call's state: the passes, the reusable buffers and the step.
final class TrainingLoop {
    let model: Sequential
    let compiled: CompiledState
    let metrics: [ActiveMetric]
    let passes: [ShardPass]
    let needs: [Bool]
    let sharding: Sharding
    let running = RunningLogs()
    let outputSize: Int
    let classes: Int
    let sampleSize: Int
    let targetSize: Int
    let outputLosses: OutputLossSet?
    /// Entries of the running logs after the loss: the metrics, then per-output losses.
    let logNames: [String]

    init(model: Sequential, compiled: CompiledState, metrics: [ActiveMetric], targetSize: Int, threads: Int) throws {
        outputLosses = try model.outputLossSet(compiled)
        let logNames = metrics.map(\.name) + (outputLosses?.logNames ?? [])
        self.logNames = logNames
        self.model = model
        self.compiled = compiled
        self.metrics = metrics
        sharding = Sharding(workPerSample: model.workPerSample, threads: threads)
        while model.trainingContexts.count < sharding.threads {
            model.trainingContexts.append(model.layers.map { $0.makeContext() })
        }
        passes = model.trainingContexts.prefix(sharding.threads).map { ShardPass(contexts: $0, metrics: logNames.count) }
        needs = Sequential.inputGradientNeeds(layers: model.layers, callerNeedsInputGradient: false)
        let output = model.outputShape ?? []
        outputSize = output.reduce(1, *)
        classes = Swift.max(output.last ?? 1, 1)
        sampleSize = (model.modelInputShape ?? []).reduce(1, *)
        self.targetSize = targetSize
    }

    func run(x: SampleRange, y: SampleRange, validation: (x: SampleRange, y: SampleRange)?, options: FitOptions) throws -> History {
        try sharding.withSingleThreadedBLAS {
            try epochs(x: x, y: y, validation: validation, options: options)
        }
    }

    private func epochs(x: SampleRange, y: SampleRange, validation: (x: SampleRange, y: SampleRange)?, options: FitOptions) throws -> History {
        let history = History()
        let steps = (x.count + options.batchSize - 1) / options.batchSize
        history.parameters = (options.verbose, options.epochs, steps)
        let plan = TrainingPlan(epochs: options.epochs, initialEpoch: options.initialEpoch, steps: steps, samples: x.count,
                                validationSamples: validation?.x.count ?? 0, verbose: options.verbose)
        let sameData = x.tensor === y.tensor && x.first == y.first
        model.stopTraining = false
        for callback in options.callbacks { try callback.trainingBegan(model: model, plan: plan) }
        var lastLogs: Logs?
        epochs: for epoch in options.initialEpoch..<Swift.max(options.epochs, options.initialEpoch) {
            if model.stopTraining { break }
            for callback in options.callbacks { try callback.epochBegan(epoch, model: model) }
            let order: [Int]? = options.shuffle ? model.random.stream.permutation(x.count) : nil
            running.reset(metricNames: logNames)
            for step in 0..<steps {
                for callback in options.callbacks { try callback.batchBegan(step, model: model) }
                let range = step * options.batchSize..<Swift.min((step + 1) * options.batchSize, x.count)
                let input = x.batch(range, order: order, buffer: model.batchInput)
                let target = sameData ? input : y.batch(range, order: order, buffer: model.batchTarget)
                let loss = try trainStep(input: input, target: target, batch: range.count)
                guard loss.isFinite else {
                    throw TrainingError.nonFiniteLoss(epoch: epoch + 1, epochs: options.epochs, batch: step + 1, batches: steps, value: loss)
                }
                for callback in options.callbacks { try callback.batchEnded(step, logs: running, model: model) }
                if let flag = options.cancellation, flag.consume() {
                    history.interruption = (epoch, step)
                    break epochs
                }
            }
            var logs = running.current
            if let validation {
                let validationLogs = try Evaluation(model: model, compiled: compiled, metrics: metrics)
                    .run(x: validation.x, y: validation.y, batchSize: options.batchSize, callbacks: [], cancellation: nil, threads: sharding.threads)
                for (name, value) in validationLogs.prefixed("val_").entries { logs.set(name, value) }
            }
            history.record(epoch: epoch, logs: logs)
            lastLogs = logs
            for callback in options.callbacks { try callback.epochEnded(epoch, logs: logs, model: model) }
        }
        for callback in options.callbacks { try callback.trainingEnded(model: model, logs: lastLogs) }
        return history
    }

    /// One optimizer step on one batch; returns the batch's mean loss (the step is not
    /// applied when it is not finite).
    func trainStep(input: UnsafeMutablePointer<Float>, target: UnsafeMutablePointer<Float>, batch: Int) throws -> Double {
        let parts = sharding.parts(rows: batch)
        for i in 0..<parts { passes[i].random = RandomStream(seed: model.random.stream.next()) }
        Sharding.run(parts) { [self] i in
            let rows = Sharding.range(i, of: parts, rows: batch)
            forwardBackward(passes[i], input: input + rows.lowerBound * sampleSize, target: target + rows.lowerBound * targetSize,
                            rows: rows.count, batch: batch)
        }
        var loss = 0.0
        for pass in passes.prefix(parts) {
            if let error = pass.error { throw error }
            loss += pass.loss
        }
        guard loss.isFinite else { return loss }
        running.lossSum += loss * Double(batch)
        running.lossWeight += Double(batch)
        running.samples += batch
        let rowsPerSample = outputSize / classes
        for i in logNames.indices {
            running.metricSums[i] += passes.prefix(parts).reduce(0) { $0 + $1.metricSums[i] }
            running.metricCounts[i] += Double(batch * rowsPerSample)
        }
        // The parts' gradients, summed into the first part's buffers.
        let first = passes[0]
        for other in passes[1..<parts] {
            for (target, source) in zip(first.gradients, other.gradients) {
                let sum = UnsafeMutablePointer(mutating: target.1), count = target.0.count
                for j in 0..<count { sum[j] += source.1[j] }
            }
        }
        compiled.optimizer.apply(first.gradients)
        return loss
    }

    /// Forward, loss and backward of `rows` samples on one thread; records the outcome in
    /// `pass` instead of throwing, since it runs on a worker thread.
    private func forwardBackward(_ pass: ShardPass, input: UnsafeMutablePointer<Float>, target: UnsafeMutablePointer<Float>, rows: Int, batch: Int) {
        pass.error = nil
        do {
            var output = input
            for (layer, context) in zip(model.layers, pass.contexts) {
                output = try layer.forward(output, batch: rows, context: context, training: true, random: &pass.random)
            }
            let rowsPerSample = outputSize / classes
            let gradient = pass.lossGradient.reserve(rows * outputSize)
            if let outputLosses {
                var perOutput = [Double](repeating: 0, count: outputLosses.slots.count)
                pass.loss = try outputLosses.evaluate(prediction: output, target: target, samples: rows, gradient: gradient,
                                                      meanOverSamples: batch, buffers: pass.outputBuffers, perOutput: &perOutput)
                for (k, loss) in perOutput.enumerated() { pass.metricSums[metrics.count + k] = loss * Double(batch) }
            } else {
                pass.loss = try compiled.loss.evaluate(prediction: output, target: target, rows: rows * rowsPerSample, classes: classes,
                                                       gradient: gradient, meanOverRows: batch * rowsPerSample)
            }
            guard pass.loss.isFinite else { return }
            for (i, active) in metrics.enumerated() {
                pass.metricSums[i] = active.metric.sum(prediction: output, target: target, rows: rows * rowsPerSample, columns: classes)
            }
            _ = Sequential.backward(layers: model.layers, contexts: pass.contexts, needs: needs, gradOutput: gradient, batch: rows)
            pass.gradients.removeAll(keepingCapacity: true)
            Sequential.gradients(layers: model.layers, contexts: pass.contexts, into: &pass.gradients)
        } catch {
            pass.error = error
        }
    }
}
