/// Forward passes without training: evaluation (loss and metrics) and prediction, in
/// chunks of about a thousand samples so the products are large enough to run at BLAS
/// speed, each chunk split across threads as training splits its batches, with progress
/// reported in units of the caller's batch size.
struct Evaluation {
    let model: Sequential
    let compiled: CompiledState
    let metrics: [ActiveMetric]

    /// One part's results for a chunk.
    final class PartResult {
        var loss = 0.0
        var metricSums: [Double] = []
        var error: Error?
        let outputBuffers = OutputLossSet.Buffers()
    }

    /// Mean loss and metrics over all samples.
    /// `threads` defaults to OpenBLAS's thread count (inside `fit`, which has set BLAS to one
    /// thread, the loop passes its own count).
    func run(x: SampleRange, y: SampleRange, batchSize: Int, callbacks: [TrainingCallback], cancellation: CancellationFlag?,
             threads: Int = BLAS.threadCount) throws -> Logs {
        let running = RunningLogs()
        let outputLosses = try model.outputLossSet(compiled)
        let logNames = metrics.map(\.name) + (outputLosses?.logNames ?? [])
        running.reset(metricNames: logNames)
        let output = model.outputShape ?? []
        let outputSize = output.reduce(1, *), classes = Swift.max(output.last ?? 1, 1)
        let rowsPerSample = outputSize / classes
        let chunk = Inference.chunkSize(model: model, batchSize: batchSize)
        let totalSteps = (x.count + batchSize - 1) / batchSize
        let sharding = Sharding(workPerSample: model.workPerSample / 3, threads: threads)
        let contexts = model.inferenceContextsForUse(parts: sharding.threads)
        let results = (0..<sharding.threads).map { _ in PartResult() }
        let (loss, metrics) = (compiled.loss, self.metrics)
        var start = 0
        try sharding.withSingleThreadedBLAS {
            while start < x.count {
                let range = start..<Swift.min(start + chunk, x.count)
                let input = x.batch(range, order: nil, buffer: model.batchInput)
                let target = y.batch(range, order: nil, buffer: model.batchTarget)
                let parts = sharding.parts(rows: range.count)
                Sharding.run(parts) { [model] i in
                    let rows = Sharding.range(i, of: parts, rows: range.count)
                    let result = results[i]
                    result.error = nil
                    do {
                        let prediction = try Inference.forward(model: model, contexts: contexts[i], input: input + rows.lowerBound * x.sampleSize, batch: rows.count)
                        let partTarget = target + rows.lowerBound * y.sampleSize
                        result.metricSums = metrics.map { $0.metric.sum(prediction: prediction, target: partTarget, rows: rows.count * rowsPerSample, columns: classes) }
                        if let outputLosses {
                            var perOutput = [Double](repeating: 0, count: outputLosses.slots.count)
                            result.loss = try outputLosses.evaluate(prediction: prediction, target: partTarget, samples: rows.count, gradient: nil,
                                                                    meanOverSamples: range.count, buffers: result.outputBuffers, perOutput: &perOutput)
                            result.metricSums += perOutput.map { $0 * Double(range.count) }
                        } else {
                            result.loss = try loss.evaluate(prediction: prediction, target: partTarget, rows: rows.count * rowsPerSample, classes: classes,
                                                            gradient: nil, meanOverRows: range.count * rowsPerSample)
                        }
                    } catch {
                        result.error = error
                    }
                }
                var chunkLoss = 0.0
                for result in results.prefix(parts) {
                    if let error = result.error { throw error }
                    chunkLoss += result.loss
                    for i in logNames.indices { running.metricSums[i] += result.metricSums[i] }
                }
                for i in metrics.indices { running.metricCounts[i] += Double(range.count * rowsPerSample) }
                for i in metrics.count..<logNames.count { running.metricCounts[i] += Double(range.count) }
                running.lossSum += chunkLoss * Double(range.count)
                running.lossWeight += Double(range.count)
                running.samples += range.count
                start = range.upperBound
                let step = (start + batchSize - 1) / batchSize
                for callback in callbacks { try callback.evaluationBatchEnded(Swift.min(step, totalSteps), of: totalSteps, logs: running) }
                if let cancellation, cancellation.consume() { throw TrainingError.interrupted }
            }
        }
        return running.current
    }
}

enum Inference {
    /// Samples per forward pass: at least the batch size, about 1024 when the activations
    /// fit in ~64 MB.
    static func chunkSize(model: Sequential, batchSize: Int) -> Int {
        // Spelled out with explicit types: the one-expression form took seconds to type-check.
        var perSample: Int = model.modelInputShape?.reduce(1, *) ?? 1
        for layer in model.layers {
            let outputSize: Int = layer.outputShape?.reduce(1, *) ?? 0
            perSample += outputSize
        }
        perSample = Swift.max(1, perSample)
        let byMemory = Swift.max(1, 16_000_000 / perSample)
        return Swift.max(batchSize, Swift.min(1024, byMemory))
    }

    static func forward(model: Sequential, contexts: [LayerContext], input: UnsafeMutablePointer<Float>, batch: Int) throws -> UnsafeMutablePointer<Float> {
        var output = input
        // Inference draws no random numbers (dropout is off); the stream is a placeholder.
        var unused = RandomStream(seed: 0)
        for (layer, context) in zip(model.layers, contexts) {
            output = try layer.forward(output, batch: batch, context: context, training: false, random: &unused)
        }
        return output
    }
}

extension Sequential {
    /// Inference buffers for `parts` threads, made on first use and kept.
    func inferenceContextsForUse(parts: Int) -> [[LayerContext]] {
        while inferenceContexts.count < parts { inferenceContexts.append(layers.map { $0.makeContext() }) }
        return inferenceContexts
    }

    /// The model's outputs for `x` (`model.predict`): shape (samples,) + output shape.
    /// - Throws: `ModelError` when `x` does not fit the model, `TrainingError.interrupted`
    ///   when `cancellation` is raised.
    public func predict(_ x: Tensor, batchSize: Int = 32, callbacks: [TrainingCallback] = [], cancellation: CancellationFlag? = nil) throws -> Tensor {
        let x = InputRank.adjusted(x, sampleShape: modelInputShape)
        try preparePrediction(x, batchSize: batchSize)
        let result = Tensor(uninitializedShape: [x.shape[0]] + (outputShape ?? []))
        try predict(x, into: result, batchSize: batchSize, callbacks: callbacks, cancellation: cancellation)
        return result
    }

    /// `predict` straight into a new float32 `NDArray` (no copy of the outputs).
    public func predictArray(_ x: Tensor, batchSize: Int = 32, callbacks: [TrainingCallback] = [], cancellation: CancellationFlag? = nil) throws -> NDArray {
        let x = InputRank.adjusted(x, sampleShape: modelInputShape)
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
        let chunk = Inference.chunkSize(model: self, batchSize: batchSize)
        let totalSteps = (samples.count + batchSize - 1) / batchSize
        let sharding = Sharding(workPerSample: workPerSample / 3)
        let contexts = inferenceContextsForUse(parts: sharding.threads)
        let errors = (0..<sharding.threads).map { _ in Evaluation.PartResult() }
        let clock = ContinuousClock(), started = clock.now
        var start = 0
        try sharding.withSingleThreadedBLAS {
            while start < samples.count {
                let range = start..<Swift.min(start + chunk, samples.count)
                let input = samples.batch(range, order: nil, buffer: batchInput)
                let parts = sharding.parts(rows: range.count)
                Sharding.run(parts) { [self] i in
                    let rows = Sharding.range(i, of: parts, rows: range.count)
                    errors[i].error = nil
                    do {
                        let prediction = try Inference.forward(model: self, contexts: contexts[i], input: input + rows.lowerBound * samples.sampleSize, batch: rows.count)
                        (result.storage + (range.lowerBound + rows.lowerBound) * outputSize).update(from: prediction, count: rows.count * outputSize)
                    } catch {
                        errors[i].error = error
                    }
                }
                if let error = errors.prefix(parts).compactMap(\.error).first { throw error }
                start = range.upperBound
                for callback in callbacks { try callback.predictionBatchEnded(Swift.min((start + batchSize - 1) / batchSize, totalSteps), of: totalSteps) }
                if let cancellation, cancellation.consume() { throw TrainingError.interrupted }
            }
        }
        let elapsed = clock.now - started
        for callback in callbacks { try callback.predictionEnded(steps: totalSteps, seconds: elapsed.seconds) }
    }

    /// Loss and metrics over `x` and `y` (`model.evaluate`), in Keras's order.
    /// - Throws: `ModelError.notCompiled`, shape errors, `TrainingError.interrupted`.
    public func evaluate(x: Tensor, y: Tensor, batchSize: Int = 32, callbacks: [TrainingCallback] = [], cancellation: CancellationFlag? = nil) throws -> Logs {
        guard let compiled else { throw ModelError.notCompiled(model: name) }
        guard batchSize > 0 else { throw TrainingError.invalidArgument("batch_size must be a positive integer, got \(batchSize)") }
        let x = InputRank.adjusted(x, sampleShape: modelInputShape)
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
    public var evaluationNames: [String] {
        ["loss"] + (compiled?.outputLosses.map { $0.name + "_loss" } ?? []) + (compiled?.metrics.map(\.name) ?? [])
    }
}

extension Duration {
    /// This duration in seconds.
    var seconds: Double {
        let (s, attoseconds) = components
        return Double(s) + Double(attoseconds) * 1e-18
    }
}
