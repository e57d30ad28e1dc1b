import Testing
@testable import ML

/// End-to-end training on real data, with the thresholds. Slow in debug builds;
/// `scripts/test` runs them in release.
@Suite(.serialized) struct TrainingConvergenceTests {
    static let fashion: ImageDataset? = try? KerasDatasets().fashionMNIST()

    /// Pixels scaled to [0, 1], as the course does (`x_train / 255.0`).
    func scaled(_ images: LoadedArray) -> Tensor {
        let t = images.tensor
        for i in 0..<t.count { t.storage[i] /= 255 }
        return t
    }

    func subset(_ t: Tensor, _ count: Int) -> Tensor {
        Tensor(copying: t.storage, shape: [count] + t.shape.dropFirst())
    }

    /// The seed notebook's autoencoder, verbatim in structure: val_loss < 0.05 in 3 epochs.
    @Test func seedAutoencoderLearnsFashionMNIST() throws {
        let data = try #require(Self.fashion, "Fashion-MNIST is missing: sudo apt-get install dataset-fashion-mnist")
        let x = scaled(data.trainImages), xTest = scaled(data.testImages)
        let model = try Sequential(layers: [
            try InputLayer(shape: [28, 28]), Flatten(),
            try Dense(units: 128, activation: .relu), try Dense(units: 64, activation: .relu),
            try Dense(units: 32, activation: .relu), try Dense(units: 64, activation: .relu),
            try Dense(units: 128, activation: .relu), try Dense(units: 784, activation: .sigmoid),
            try Reshape(targetShape: [28, 28]),
        ], random: RandomSource(seed: 1))
        model.compile(optimizer: try makeOptimizer(named: "adamax"), loss: try Loss(named: "mse"))
        var options = FitOptions()
        options.epochs = 3
        options.batchSize = 256
        options.validationData = (xTest, xTest)
        let history = try model.fit(x: x, y: x, options: options)
        let valLoss = try #require(history["val_loss"]?.last)
        #expect(valLoss < 0.05)
        let decoded = try model.predict(xTest)
        #expect(decoded.shape == [10000, 28, 28])
    }

    /// A dense classifier: > 0.8 test accuracy after 2 epochs.
    @Test func denseClassifierReachesEightyPercent() throws {
        let data = try #require(Self.fashion)
        let x = scaled(data.trainImages), xTest = scaled(data.testImages)
        let y = data.trainLabels.tensor, yTest = data.testLabels.tensor
        let model = try Sequential(layers: [
            Flatten(), try Dense(units: 128, activation: .relu), try Dense(units: 10),
        ], random: RandomSource(seed: 2))
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [try MetricSpec(named: "accuracy")])
        var options = FitOptions()
        options.epochs = 2
        _ = try model.fit(x: x, y: y, options: options)
        let accuracy = try #require(try model.evaluate(x: xTest, y: yTest)["accuracy"])
        #expect(accuracy > 0.8)
    }

    /// A small convolutional network learns too (one epoch on 6,000 images).
    @Test func convolutionalClassifierLearns() throws {
        let data = try #require(Self.fashion)
        let x = try subset(scaled(data.trainImages), 6000).reshaped([6000, 28, 28, 1])
        let y = subset(data.trainLabels.tensor, 6000)
        let xTest = try subset(scaled(data.testImages), 2000).reshaped([2000, 28, 28, 1])
        let yTest = subset(data.testLabels.tensor, 2000)
        let model = try Sequential(layers: [
            try InputLayer(shape: [28, 28, 1]),
            try Conv2D(filters: 8, kernelSize: (3, 3), activation: .relu), try MaxPooling2D(),
            Flatten(), try Dense(units: 10, activation: .softmax),
        ], random: RandomSource(seed: 3))
        model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: false), metrics: [try MetricSpec(named: "accuracy")])
        var options = FitOptions()
        options.epochs = 1
        _ = try model.fit(x: x, y: y, options: options)
        #expect(try model.evaluate(x: xTest, y: yTest)["accuracy"]! > 0.7)
    }

    func sinData() throws -> (Tensor, Tensor) {
        let xs = (0..<1000).map { Float($0) / 999 * 2 * .pi }
        return (try Tensor(xs, shape: [1000, 1]), try Tensor(xs.map(_sinf), shape: [1000, 1]))
    }

    func sinModel(seed: UInt64) throws -> Sequential {
        let model = try Sequential(layers: [
            try InputLayer(shape: [1]), try Dense(units: 64, activation: .tanh), try Dense(units: 64, activation: .tanh), try Dense(units: 1),
        ], random: RandomSource(seed: seed))
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError)
        return model
    }

    /// sin(x) on [0, 2π] with the benchmark's network: MSE < 0.01.
    @Test func sineIsFitted() throws {
        let (x, y) = try sinData()
        let model = try sinModel(seed: 4)
        var options = FitOptions()
        options.epochs = 200
        _ = try model.fit(x: x, y: y, options: options)
        let mse = try #require(try model.evaluate(x: x, y: y)["loss"])
        #expect(mse < 0.01)
    }

    /// Iris through scikit-learn's split: > 0.9 test accuracy.
    @Test func irisIsClassified() throws {
        let (features, targets) = IrisDataset.load()
        var state = try RandomState(seed: 42)
        let split = try TrainTestSplit.indices(count: 150, testSize: 0.2, random: &state)
        func rows(_ indices: [Int]) throws -> (Tensor, Tensor) {
            (try Tensor(indices.flatMap { i in features[i * 4..<i * 4 + 4].map { Float($0) } }, shape: [indices.count, 4]),
             try Tensor(indices.map { Float(targets[$0]) }, shape: [indices.count]))
        }
        let (xTrain, yTrain) = try rows(split.train), (xTest, yTest) = try rows(split.test)
        let model = try Sequential(layers: [try InputLayer(shape: [4]), try Dense(units: 16, activation: .relu), try Dense(units: 3, activation: .softmax)],
                                   random: RandomSource(seed: 5))
        model.compile(optimizer: Adam(learningRate: 0.01), loss: .sparseCategoricalCrossentropy(fromLogits: false), metrics: [try MetricSpec(named: "accuracy")])
        var options = FitOptions()
        options.epochs = 100
        options.batchSize = 16
        _ = try model.fit(x: xTrain, y: yTrain, options: options)
        #expect(try model.evaluate(x: xTest, y: yTest)["accuracy"]! > 0.9)
    }

    /// scikit-learn's split for random_state=42 (NumPy's `RandomState(42).permutation(150)`).
    @Test func trainTestSplitMatchesScikitLearn() throws {
        var state = try RandomState(seed: 42)
        let split = try TrainTestSplit.indices(count: 150, random: &state)
        #expect(split.test.count == 38 && split.train.count == 112)
        #expect(Array(split.test.prefix(10)) == [73, 18, 118, 78, 76, 31, 64, 141, 68, 82])
        #expect(Array(split.train.prefix(10)) == [4, 32, 142, 85, 86, 16, 10, 81, 133, 137])
        #expect(throws: TrainTestSplitError.self) { try TrainTestSplit.sizes(count: 10, testSize: 11, trainSize: nil) }
    }

    /// The same seed gives the same weights and history, bit for bit (shuffling, dropout
    /// and initialisation all come from the model's random source).
    @Test func seededRunsAreReproducibleBitForBit() throws {
        let (x, y) = try sinData()
        func run() throws -> ([[Float]], [Double]) {
            let model = try Sequential(layers: [
                try InputLayer(shape: [1]), try Dense(units: 32, activation: .tanh), try Dropout(rate: 0.1), try Dense(units: 1),
            ], random: RandomSource(seed: 42))
            model.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError)
            var options = FitOptions()
            options.epochs = 5
            let history = try model.fit(x: x, y: y, options: options)
            return (model.getWeights().map(\.scalars), history["loss"]!)
        }
        let first = try run(), second = try run()
        #expect(first.0 == second.0)
        #expect(first.1 == second.1)
        let other = try sinModel(seed: 43).getWeights().map(\.scalars)
        #expect(other != (try sinModel(seed: 42).getWeights().map(\.scalars)))
    }
}

/// Batches split across threads give the same training as one thread, up to the rounding of
/// summing the parts' gradients.
@Suite struct ShardedTrainingTests {
    @Test func twoThreadsTrainLikeOne() throws {
        var random = RandomStream(seed: 9)
        let x = try Tensor((0..<512 * 64).map { _ in random.nextUnitFloat() }, shape: [512, 64])
        let y = try Tensor((0..<512).map { _ in Float(random.next(upperBound: UInt64(10))) }, shape: [512])
        func train(threads: Int) throws -> ([[Float]], [Double]) {
            let model = try Sequential(layers: [
                try InputLayer(shape: [64]), try Dense(units: 512, activation: .relu), try Dense(units: 10),
            ], random: RandomSource(seed: 1))
            model.compile(optimizer: Adam(), loss: .sparseCategoricalCrossentropy(fromLogits: true), metrics: [try MetricSpec(named: "accuracy")])
            var options = FitOptions()
            options.epochs = 2
            options.batchSize = 128
            options.shuffle = false
            options.threads = threads
            options.validationData = (x, y)
            let history = try model.fit(x: x, y: y, options: options)
            return (model.getWeights().map(\.scalars), history["loss"]! + history["val_loss"]! + history["accuracy"]!)
        }
        let one = try train(threads: 1), two = try train(threads: 2)
        for (a, b) in zip(one.0, two.0) {
            for (p, q) in zip(a, b) { #expect(abs(p - q) < 1e-4) }
        }
        for (p, q) in zip(one.1, two.1) { #expect(abs(p - q) < 1e-4) }
        // And each thread count is reproducible bit for bit.
        #expect(try train(threads: 2).0 == two.0)
    }
}

extension ShardedTrainingTests {
    @Test func largeBatchesAreSplitAndSmallOnesAreNot() {
        let sharding = Sharding(workPerSample: 6 * (64 * 512 + 512 * 10), threads: 2)
        #expect(sharding.parts(rows: 128) == 2)
        #expect(sharding.parts(rows: 8) == 1)
        #expect(Sharding(workPerSample: 6 * 4353, threads: 2).parts(rows: 32) == 1)   // the sin(x) network
        #expect(Sharding.range(1, of: 2, rows: 7) == 3..<7)
    }
}
