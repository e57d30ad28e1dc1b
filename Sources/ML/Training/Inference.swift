/// Forward passes without training: evaluation (loss and metrics) and prediction, in
/// chunks of about a thousand samples so the products are large enough to run at BLAS
/// speed, with progress reported in units of the caller's batch size.
struct Evaluation {
    let model: Sequential
    let compiled: CompiledState
    let metrics: [ActiveMetric]

    /// Mean loss and metrics over all samples.
    func run(x: SampleRange, y: SampleRange, batchSize: Int, callbacks: [TrainingCallback], cancellation: CancellationFlag?) throws -> Logs {
        let running = RunningLogs()
        running.reset(metricNames: metrics.map(\.name))
        let output = model.outputShape ?? []
        let outputSize = output.reduce(1, *), classes = Swift.max(output.last ?? 1, 1)
        let contexts = model.inferenceContextsForUse()
        let chunk = Inference.chunkSize(model: model, batchSize: batchSize)
        let totalSteps = (x.count + batchSize - 1) / batchSize
        var start = 0
        while start < x.count {
            let range = start..<Swift.min(start + chunk, x.count)
            let prediction = try Inference.forward(model: model, contexts: contexts, input: x.batch(range, order: nil, buffer: model.batchInput), batch: range.count)
            let target = y.batch(range, order: nil, buffer: model.batchTarget)
            let rows = range.count * outputSize / classes
            let loss = try compiled.loss.evaluate(prediction: prediction, target: target, rows: rows, classes: classes, gradient: nil)
            running.lossSum += loss * Double(range.count)
            running.lossWeight += Double(range.count)
            running.samples += range.count
            for (i, active) in metrics.enumerated() {
                running.metricSums[i] += active.metric.sum(prediction: prediction, target: target, rows: rows, columns: classes)
                running.metricCounts[i] += Double(rows)
            }
            start = range.upperBound
            let step = (start + batchSize - 1) / batchSize
            for callback in callbacks { try callback.evaluationBatchEnded(Swift.min(step, totalSteps), of: totalSteps, logs: running) }
            if let cancellation, cancellation.consume() { throw TrainingError.interrupted }
        }
        return running.current
    }
}

enum Inference {
    /// Samples per forward pass: at least the batch size, about 1024 when the activations
    /// fit in ~64 MB.
    static func chunkSize(model: Sequential, batchSize: Int) -> Int {
        let perSample = Swift.max(1, model.layers.reduce(model.modelInputShape?.reduce(1, *) ?? 1) { $0 + ($1.outputShape?.reduce(1, *) ?? 0) })
        let byMemory = Swift.max(1, 16_000_000 / perSample)
        let wanted = Swift.max(batchSize, Swift.min(1024, byMemory))
        return Swift.max(1, wanted)
    }

    static func forward(model: Sequential, contexts: [LayerContext], input: UnsafeMutablePointer<Float>, batch: Int) throws -> UnsafeMutablePointer<Float> {
        var output = input
        for (layer, context) in zip(model.layers, contexts) {
            output = try layer.forward(output, batch: batch, context: context, training: false, random: &model.random.stream)
        }
        return output
    }
}

extension Sequential {
    func inferenceContextsForUse() -> [LayerContext] {
        if inferenceContexts.count != layers.count { inferenceContexts = layers.map { $0.makeContext() } }
        return inferenceContexts
    }

    /// The model's outputs for `x` (`model.predict`): shape (samples,) + output shape.
    /// - Throws: `ModelError` when `x` does not fit the model, `TrainingError.interrupted`
    ///   when `cancellation` is raised.
    public func predict(_ x: Tensor, batchSize: Int = 32, callbacks: [TrainingCallback] = [], cancellation: CancellationFlag? = nil) throws -> Tensor {
        try preparePrediction(x, batchSize: batchSize)
        let result = Tensor(uninitializedShape: [x.shape[0]] + (outputShape ?? []))
        try predict(x, into: result, batchSize: batchSize, callbacks: callbacks, cancellation: cancellation)
        return result
    }

    /// `predict` straight into a new float32 `NDArray` (no copy of the outputs).
    public func predictArray(_ x: Tensor, batchSize: Int = 32, callbacks: [TrainingCallback] = [], cancellation: CancellationFlag? = nil) throws -> NDArray {
        try preparePrediction(x, batchSize: batchSize)
        let (result, array) = try Tensor.sharedWithNewArray(shape: [x.shape[0]] + (outputShape ?? []))
        try predict(x, into: result, batchSize: batchSize, callbacks: callbacks, cancellation: cancellation)
        return array
    }

    private func preparePrediction(_ x: Tensor, batchSize: Int) throws {
        guard batchSize > 0 else { throw TrainingError.invalidArgument("batch_size must be a positive integer, got \(batchSize)") }
        guard x.rank >= 1 else { throw ModelError.invalidArgument("x must have a batch axis; got a scalar") }
        try prepare(sampleShape: Array(x.shape.dropFirst()))
    }

    private func predict(_ x: Tensor, into result: Tensor, batchSize: Int, callbacks: [TrainingCallback], cancellation: CancellationFlag?) throws {
        let samples = SampleRange(x)
        let outputSize = (outputShape ?? []).reduce(1, *)
        let contexts = inferenceContextsForUse()
        let chunk = Inference.chunkSize(model: self, batchSize: batchSize)
        let totalSteps = (samples.count + batchSize - 1) / batchSize
        let clock = ContinuousClock(), started = clock.now
        var start = 0
        while start < samples.count {
            let range = start..<Swift.min(start + chunk, samples.count)
            let prediction = try Inference.forward(model: self, contexts: contexts, input: samples.batch(range, order: nil, buffer: batchInput), batch: range.count)
            (result.storage + start * outputSize).update(from: prediction, count: range.count * outputSize)
            start = range.upperBound
            for callback in callbacks { try callback.predictionBatchEnded(Swift.min((start + batchSize - 1) / batchSize, totalSteps), of: totalSteps) }
            if let cancellation, cancellation.consume() { throw TrainingError.interrupted }
        }
        let elapsed = clock.now - started
        for callback in callbacks { try callback.predictionEnded(steps: totalSteps, seconds: elapsed.seconds) }
    }

    /// Loss and metrics over `x` and `y` (`model.evaluate`), in Keras's order.
    /// - Throws: `ModelError.notCompiled`, shape errors, `TrainingError.interrupted`.
    public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 32, callbacks: [TrainingCallback] = [], cancellation: CancellationFlag? = nil) throws -> Logs {
        guard let compiled else { throw ModelError.notCompiled(model: name) }
        guard batchSize > 0 else { throw TrainingError.invalidArgument("batch_size must be a positive integer, got \(batchSize)") }
        try validate(x: x, y: y, compiled: compiled)
        let metrics = try activeMetrics(compiled, targetShape: Array(y.shape.dropFirst()))
        let clock = ContinuousClock(), started = clock.now
        let logs = try Evaluation(model: self, compiled: compiled, metrics: metrics)
            .run(x: SampleRange(x), y: SampleRange(y), batchSize: batchSize, callbacks: callbacks, cancellation: cancellation)
        let elapsed = clock.now - started
        for callback in callbacks { try callback.evaluationEnded(logs: logs, seconds: elapsed.seconds) }
        return logs
    }

    /// The names `evaluate` returns values for, in Keras's order for the returned list:
    /// the loss first, then the compiled metrics.
    public var evaluationNames: [String] { ["loss"] + (compiled?.metrics.map(\.name) ?? []) }
}

extension Duration {
    /// This duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
