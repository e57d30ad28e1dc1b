import Testing
@testable import ML

/// Collects what a progress reporter shows.
final class CollectedProgress: ProgressOutput {
    var lines: [String] = []
    var live: [(text: String, begin: Bool, final: Bool)] = []
    func printLine(_ line: String) { lines.append(line) }
    func updateLive(_ text: String, begin: Bool, final: Bool) { live.append((text, begin, final)) }
}

/// Raises a cancellation flag at a given epoch and batch, as an interrupt would.
final class InterruptAt: TrainingCallback {
    let flag: CancellationFlag, epoch: Int, batch: Int
    var current = 0
    init(_ flag: CancellationFlag, epoch: Int, batch: Int) { self.flag = flag; self.epoch = epoch; self.batch = batch }
    func epochBegan(_ epoch: Int, model: Sequential) throws { current = epoch }
    func batchEnded(_ batch: Int, logs: RunningLogs, model: Sequential) throws {
        if current == epoch && batch == self.batch { flag.raise() }
    }
}

@Suite struct SequentialTests {
    func smallClassifier(seed: UInt64 = 1) throws -> Sequential {
        try Sequential(layers: [
            try InputLayer(shape: [4]),
            try Dense(units: 8, activation: .relu, name: "dense"),
            try Dense(units: 3, activation: .softmax, name: "dense_1"),
        ], random: RandomSource(seed: seed))
    }

    /// 100 samples of 4 features with labels from a fixed rule.
    func classificationData(_ count: Int = 100) throws -> (Tensor, Tensor) {
        var random = RandomStream(seed: 5)
        let x = (0..<count * 4).map { _ in random.nextUnitFloat() }
        let y = (0..<count).map { i -> Float in
            let s = x[4 * i] + x[4 * i + 1] - x[4 * i + 2]
            return s > 0.8 ? 2 : (s > 0.3 ? 1 : 0)
        }
        return (try Tensor(x, shape: [count, 4]), try Tensor(y, shape: [count]))
    }

    @Test func summaryMatchesKeras() throws {
        // Printed by Keras 3.13 for the same model.
        let expected = """
        Model: "sequential"
        ┏━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━━━━━━━━━━┳━━━━━━━━━━━━━━━┓
        ┃ Layer (type)                    ┃ Output Shape           ┃       Param # ┃
        ┡━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━━━━━━━━━━╇━━━━━━━━━━━━━━━┩
        │ dense (Dense)                   │ (None, 8)              │            40 │
        ├─────────────────────────────────┼────────────────────────┼───────────────┤
        │ dense_1 (Dense)                 │ (None, 3)              │            27 │
        └─────────────────────────────────┴────────────────────────┴───────────────┘
         Total params: 67 (268.00 B)
         Trainable params: 67 (268.00 B)
         Non-trainable params: 0 (0.00 B)
        """
        let model = try smallClassifier()
        #expect(model.summary() == expected)
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: false), metrics: [try MetricSpec(named: "accuracy")])
        let (x, y) = try classificationData()
        var options = FitOptions()
        options.verbose = 0
        _ = try model.fit(x: x, y: y, options: options)
        let after = model.summary().split(separator: "\n").suffix(4).joined(separator: "\n")
        #expect(after == """
         Total params: 203 (812.00 B)
         Trainable params: 67 (268.00 B)
         Non-trainable params: 0 (0.00 B)
         Optimizer params: 136 (544.00 B)
        """)
    }

    @Test func summaryOfAnUnbuiltModelShowsUnknownShapes() throws {
        let model = try Sequential(layers: [try Dense(units: 2, name: "dense_9")])
        #expect(model.summary().contains("│ dense_9 (Dense)                 │ ?                      │   0 (unbuilt) │"))
    }

    @Test func aLayerThatDoesNotFitIsRejectedAndTheModelKept() throws {
        let model = try smallClassifier()
        #expect(throws: LayerError.self) { try model.add(try Conv2D(filters: 2, kernelSize: (3, 3))) }
        #expect(model.layers.count == 2)
        #expect(throws: ModelError.self) { try model.add(try InputLayer(shape: [3])) }
    }

    @Test func fitBeforeCompileSaysSo() throws {
        let (x, y) = try classificationData()
        #expect(throws: ModelError.notCompiled(model: "sequential")) { try smallClassifier().fit(x: x, y: y) }
    }

    @Test func wrongInputShapeNamesBothShapes() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adam(), loss: .meanSquaredError)
        do {
            _ = try model.predict(try Tensor(repeating: 0, shape: [2, 5]))
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("(None, 4)") && "\(error)".contains("(None, 5)"))
        }
    }

    @Test func historyHasKerasKeysAndOneValuePerEpoch() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy(fromLogits: false), metrics: [try MetricSpec(named: "accuracy")])
        let (x, y) = try classificationData()
        var options = FitOptions()
        options.epochs = 4
        options.validationSplit = 0.2
        let history = try model.fit(x: x, y: y, options: options)
        #expect(history.keys == ["accuracy", "loss", "val_accuracy", "val_loss"])
        #expect(history.epochs == [0, 1, 2, 3])
        #expect(history.parameters.steps == 3)   // 80 training samples in batches of 32
        #expect(history["loss"]!.count == 4)
        #expect(history["loss"]!.last! < history["loss"]!.first!)
        let logs = try model.evaluate(x: x, y: y)
        #expect(logs.names == ["accuracy", "loss"])
        #expect(model.evaluationNames == ["loss", "accuracy"])
    }

    @Test func aNonFiniteLossStopsWithTheEpochAndBatch() throws {
        let model = try smallClassifier()
        model.compile(optimizer: SGD(), loss: .sparseCategoricalCrossentropy(fromLogits: false))
        let (x, y) = try classificationData()
        x.storage[4 * 70] = .nan   // sample 70 is in the third batch of 32
        let before = model.getWeights().map(\.scalars)
        var options = FitOptions()
        options.epochs = 3
        options.shuffle = false
        do {
            _ = try model.fit(x: x, y: y, options: options)
            Issue.record("expected the NaN loss to stop training")
        } catch let TrainingError.nonFiniteLoss(epoch, epochs, batch, batches, value) {
            #expect(epoch == 1 && epochs == 3 && batch == 3 && batches == 4 && value.isNaN)
        }
        // The two good batches were applied, the bad one was not.
        #expect(model.getWeights().allSatisfy { $0.scalars.allSatisfy(\.isFinite) })
        #expect(model.getWeights().map(\.scalars) != before)
        #expect(model.compiled?.optimizer.iterations == 2)
    }

    @Test func anInterruptStopsAfterTheBatchAndReturnsTheHistorySoFar() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: false))
        let (x, y) = try classificationData()
        let flag = CancellationFlag()
        var options = FitOptions()
        options.epochs = 5
        options.cancellation = flag
        options.callbacks = [InterruptAt(flag, epoch: 2, batch: 1)]
        let history = try model.fit(x: x, y: y, options: options)
        #expect(history.epochs == [0, 1])
        #expect(history.interruption?.epoch == 2 && history.interruption?.batch == 1)
        #expect(!flag.isRaised)
        #expect(model.compiled?.optimizer.iterations == 4 * 2 + 2)
    }

    @Test func earlyStoppingFollowsKerassRules() throws {
        let model = try smallClassifier()
        let stopper = EarlyStopping(monitor: "val_loss", patience: 2, restoreBestWeights: true)
        try stopper.trainingBegan(model: model, plan: TrainingPlan(epochs: 10, initialEpoch: 0, steps: 1, samples: 1, validationSamples: 1, verbose: 0))
        let losses = [0.5, 0.4, 0.45, 0.41, 0.3]
        var stoppedAt: Int?
        for (epoch, loss) in losses.enumerated() {
            // Mark the weights with the epoch so the restore can be seen.
            try model.layers[0].weights[1].assign([Float](repeating: Float(epoch), count: 8))
            try stopper.epochEnded(epoch, logs: Logs([("val_loss", loss)]), model: model)
            if model.stopTraining { stoppedAt = epoch; break }
        }
        #expect(stoppedAt == 3)
        try stopper.trainingEnded(model: model, logs: nil)
        #expect(model.layers[0].weights[1].scalars == [Float](repeating: 1, count: 8))
        #expect(EarlyStopping(monitor: "val_accuracy").higherIsBetter)
        #expect(!EarlyStopping(monitor: "val_loss").higherIsBetter)
    }

    @Test func earlyStoppingEndsFit() throws {
        let model = try smallClassifier()
        model.compile(optimizer: SGD(learningRate: 0), loss: .sparseCategoricalCrossentropy(fromLogits: false))
        let (x, y) = try classificationData()
        var options = FitOptions()
        options.epochs = 20
        options.callbacks = [EarlyStopping(monitor: "loss", patience: 1)]
        let history = try model.fit(x: x, y: y, options: options)
        #expect(history.epochs.count < 20)
    }

    @Test func lambdaCallbacksSeeEveryEpochAndBatch() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: false))
        let (x, y) = try classificationData()
        let callback = LambdaCallback()
        var epochs: [Int] = [], batches = 0, losses: [Double] = []
        callback.onEpochEnd = { epoch, logs in epochs.append(epoch); losses.append(logs["loss"] ?? -1) }
        callback.onBatchEnd = { _, _ in batches += 1 }
        var options = FitOptions()
        options.epochs = 3
        options.callbacks = [callback]
        let history = try model.fit(x: x, y: y, options: options)
        #expect(epochs == [0, 1, 2] && batches == 12)
        #expect(losses == history["loss"]!)
    }

    @Test func verboseTwoPrintsOneLinePerEpoch() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: false))
        let (x, y) = try classificationData()
        let output = CollectedProgress()
        var options = FitOptions()
        options.epochs = 3
        options.verbose = 2
        options.validationData = (x, y)
        options.callbacks = [ProgressReporter(verbose: 2, output: output)]
        let history = try model.fit(x: x, y: y, options: options)
        #expect(output.lines.count == 3)
        let last = try #require(output.lines.last)
        #expect(last.hasPrefix("Epoch 3/3 - 0s - loss: "))
        #expect(last.hasSuffix(" - val_loss: " + Logs.format(history["val_loss"]!.last!)))
        #expect(output.live.isEmpty)
    }

    @Test func verboseOneShowsALiveBarPerEpoch() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: false))
        let (x, y) = try classificationData()
        let output = CollectedProgress()
        var options = FitOptions()
        options.epochs = 2
        options.callbacks = [ProgressReporter(verbose: 1, output: output)]
        _ = try model.fit(x: x, y: y, options: options)
        #expect(output.live.filter(\.begin).count == 2)
        #expect(output.live.filter(\.final).count == 2)
        let final = try #require(output.live.last)
        #expect(final.text.hasPrefix("Epoch 2/2\n4/4 ━━━━━━━━━━━━━━━━━━━━ 0s "))
        #expect(final.text.contains("/step - loss: "))
    }

    @Test func kerasNumberFormatting() {
        #expect(Logs.format(0.024_149) == "0.0241")
        #expect(Logs.format(1.5) == "1.5000")
        #expect(Logs.format(0.000_123_4) == "1.2340e-04")
        #expect(Logs.format(-2.5) == "-2.5000")
        #expect(Sequential.grouped(1_234_567) == "1,234,567")
        #expect(Sequential.memory(218_960 * 4) == "855.31 KB")
    }

    @Test func weightsRoundTripAndMismatchesAreRejected() throws {
        let a = try smallClassifier(seed: 1), b = try smallClassifier(seed: 2)
        #expect(a.getWeights().map(\.scalars) != b.getWeights().map(\.scalars))
        try b.setWeights(a.getWeights())
        #expect(a.getWeights().map(\.scalars) == b.getWeights().map(\.scalars))
        #expect(throws: LayerError.self) { try b.setWeights(Array(a.getWeights().dropLast())) }
        #expect(a.getWeights().map(\.shape) == [[4, 8], [8], [8, 3], [3]])
    }

    @Test func saveAndLoadKeepArchitectureWeightsAndTrainingState() throws {
        let model = try smallClassifier()
        model.compile(optimizer: Adamax(learningRate: 0.01), loss: .sparseCategoricalCrossentropy(fromLogits: false), metrics: [try MetricSpec(named: "accuracy")])
        let (x, y) = try classificationData()
        var options = FitOptions()
        options.epochs = 2
        options.shuffle = false
        _ = try model.fit(x: x, y: y, options: options)
        let path = "/tmp/swiftml-model-\(UInt64.random(in: 0...UInt64.max)).keras"
        try ModelFile.save(model, to: path)
        let loaded = try ModelFile.load(from: path, random: RandomSource(seed: 3))
        #expect(loaded.summary() == model.summary())
        #expect(try loaded.predict(x).scalars == model.predict(x).scalars)
        #expect(loaded.compiled?.metrics.map(\.name) == ["accuracy"])
        // Training on from the file continues exactly as training on in memory.
        let continued = try model.fit(x: x, y: y, options: options)
        let resumed = try loaded.fit(x: x, y: y, options: options)
        #expect(continued["loss"] == resumed["loss"])
        #expect(loaded.getWeights().map(\.scalars) == model.getWeights().map(\.scalars))
        let weightsPath = path + ".weights.safetensors"
        try ModelFile.saveWeights(model, to: weightsPath)
        let fresh = try smallClassifier(seed: 9)
        try ModelFile.loadWeights(fresh, from: weightsPath)
        #expect(fresh.getWeights().map(\.scalars) == model.getWeights().map(\.scalars))
    }

    @Test func loadingSomethingElseSaysWhat() throws {
        let path = "/tmp/swiftml-not-a-model-\(UInt64.random(in: 0...UInt64.max)).h5"
        try FileBytes.write([0x89, 0x48, 0x44, 0x46, 0x0D, 0x0A, 0x1A, 0x0A], to: path)
        do {
            _ = try ModelFile.load(from: path, random: RandomSource())
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("HDF5"))
        }
        #expect(throws: SerializationError.self) { try ModelFile.load(from: "/nonexistent.keras", random: RandomSource()) }
    }

    @Test func aModelCanBeALayerOfAnother() throws {
        let encoder = try Sequential(layers: [try Dense(units: 3, activation: .relu, name: "enc")], name: "encoder")
        let model = try Sequential(layers: [try InputLayer(shape: [4]), encoder, try Dense(units: 4, name: "dec")], random: RandomSource(seed: 4))
        #expect(model.summary().contains("│ encoder (Sequential)            │ (None, 3)              │            15 │"))
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError)
        let (x, _) = try classificationData()
        var options = FitOptions()
        options.epochs = 5
        let history = try model.fit(x: x, y: x, options: options)
        #expect(history["loss"]!.last! < history["loss"]!.first!)
        #expect(model.trainableWeights.count == 4)
    }

    @Test func predictGivesOneRowPerSample() throws {
        let model = try smallClassifier()
        let (x, _) = try classificationData(1500)
        let p = try model.predict(x)
        #expect(p.shape == [1500, 3])
        for row in 0..<1500 { #expect(abs(p.scalars[row * 3..<row * 3 + 3].reduce(0, +) - 1) < 1e-5) }
        #expect(try model.predict(x, batchSize: 7).scalars == p.scalars)
    }
}
