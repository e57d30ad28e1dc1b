import Testing
@testable import ML

@Suite struct FunctionalModelTests {
    /// Two inputs, a layer shared by two calls, every merge, and two outputs.
    static func branchyModel(random: RandomSource = RandomSource(seed: 5)) throws -> FunctionalModel {
        var stream = random.stream
        func call(_ layer: Layer, _ inputs: SymbolicTensor...) throws -> SymbolicTensor {
            try SymbolicTensor.apply(layer, to: inputs, random: &stream, name: "t")
        }
        let a = SymbolicTensor.input(try InputLayer(shape: [4], name: "a"), batchSize: nil, name: "a")
        let b = SymbolicTensor.input(try InputLayer(shape: [3], name: "b"), batchSize: nil, name: "b")
        let shared = try Dense(units: 4, activation: .tanh, name: "shared")
        let joined = try call(ConcatenateLayer(name: "concatenate"), try call(shared, a), try call(Dense(units: 4, activation: .sigmoid, name: "side"), b))
        let back = try call(Dense(units: 4, activation: .tanh, name: "back"), joined)
        let sum = try call(AddLayer(name: "add"), try call(shared, back), try call(Dense(units: 4, name: "skip"), joined))
        let product = try call(MultiplyLayer(name: "multiply"), sum, sum)
        let mean = try call(AverageLayer(name: "average"), sum, product)
        let difference = try call(SubtractLayer(name: "subtract"), mean, sum)
        let o1 = try call(Dense(units: 2, name: "o1"), difference)
        let o2 = try call(Dense(units: 3, activation: .softmax, name: "o2"), mean)
        random.stream = stream
        return try FunctionalModel(inputs: [a, b], outputs: [o1, o2], name: "branchy", random: random)
    }

    @Test func graphGradientsMatchFiniteDifferences() throws {
        let model = try Self.branchyModel()
        // Inputs arrive packed (4 + 3 per sample), outputs leave packed (2 + 3).
        #expect(model.inputShape == [7] && model.outputShape == [5])
        let result = try GradientCheck(batch: 3, step: 1e-2).run(model, sampleShape: [7])
        #expect(result.worstInput < 2e-2, "input gradient off by \(result.worstInput)")
        #expect(result.worstWeight < 2e-2, "weight gradient off by \(result.worstWeight)")
        // The shared layer's weights are counted once.
        #expect(model.weights.count == 2 * 6)
    }

    @Test func layersAreListedOnceInKerasOrder() throws {
        let model = try Self.branchyModel()
        #expect(model.graphLayers.map(\.name) == ["a", "b", "shared", "side", "concatenate", "back", "skip", "add", "multiply", "average", "subtract", "o1", "o2"])
    }

    @Test func aChainTrainsExactlyLikeTheSameSequential() throws {
        // The same layers' weights, data and seed: the graph runs the same kernels in the
        // same order, so the histories agree bit for bit.
        func data() throws -> (Tensor, Tensor) {
            var random = RandomStream(seed: 11)
            let x = try Tensor((0..<200 * 3).map { _ in random.nextUnitFloat() }, shape: [200, 3])
            let y = try Tensor((0..<200).map { _ in random.nextUnitFloat() }, shape: [200, 1])
            return (x, y)
        }
        let sequential = try Sequential(layers: [try Dense(units: 8, activation: .tanh), try Dense(units: 1)], random: RandomSource(seed: 1))
        try sequential.build(inputShape: [3])
        var stream = RandomStream(seed: 2)
        let input = SymbolicTensor.input(try InputLayer(shape: [3]), batchSize: nil, name: "x")
        let hidden = try SymbolicTensor.apply(try Dense(units: 8, activation: .tanh), to: [input], random: &stream, name: "h")
        let output = try SymbolicTensor.apply(try Dense(units: 1), to: [hidden], random: &stream, name: "y")
        let functional = try FunctionalModel(inputs: [input], outputs: [output], name: "functional", random: RandomSource(seed: 1))
        try functional.setWeights(sequential.getWeights())
        var options = FitOptions()
        options.epochs = 3
        options.batchSize = 16
        options.threads = 1
        // The two models' random sources were drawn from differently while building.
        options.shuffle = false
        let (x, y) = try data()
        sequential.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError)
        functional.compile(optimizer: Adam(learningRate: 0.01), loss: .meanSquaredError)
        let expected = try sequential.fit(x: x, y: y, options: options)
        let got = try functional.fit(x: x, y: y, options: options)
        #expect(got["loss"] == expected["loss"])
        #expect(try functional.predict(x).scalars == (try sequential.predict(x).scalars))
    }

    @Test func anOutputThatDoesNotReachTheInputsIsRefused() throws {
        var stream = RandomStream(seed: 3)
        let a = SymbolicTensor.input(try InputLayer(shape: [2], name: "a"), batchSize: nil, name: "a")
        let b = SymbolicTensor.input(try InputLayer(shape: [2], name: "b"), batchSize: nil, name: "b")
        let out = try SymbolicTensor.apply(AddLayer(name: "add"), to: [a, b], random: &stream, name: "sum")
        #expect(throws: ModelError.self) { try FunctionalModel(inputs: [a], outputs: [out], name: "m", random: RandomSource(seed: 1)) }
    }

    @Test func mergeShapesAreChecked() throws {
        var stream = RandomStream(seed: 3)
        let a = SymbolicTensor.input(try InputLayer(shape: [2, 3], name: "a"), batchSize: nil, name: "a")
        let b = SymbolicTensor.input(try InputLayer(shape: [2, 5], name: "b"), batchSize: nil, name: "b")
        #expect(try SymbolicTensor.apply(ConcatenateLayer(name: "c"), to: [a, b], random: &stream, name: "t").shape == [2, 8])
        #expect(throws: LayerError.self) { try SymbolicTensor.apply(ConcatenateLayer(axis: 1, name: "c1"), to: [a, b], random: &stream, name: "t") }
        #expect(throws: LayerError.self) { try SymbolicTensor.apply(AddLayer(name: "add"), to: [a, b], random: &stream, name: "t") }
    }

    @Test func concatenatingAnInnerAxisMatchesFiniteDifferences() throws {
        var stream = RandomStream(seed: 4)
        let a = SymbolicTensor.input(try InputLayer(shape: [3, 2], name: "a"), batchSize: nil, name: "a")
        let b = SymbolicTensor.input(try InputLayer(shape: [1, 2], name: "b"), batchSize: nil, name: "b")
        let joined = try SymbolicTensor.apply(ConcatenateLayer(axis: 1, name: "c"), to: [a, b], random: &stream, name: "t")
        let out = try SymbolicTensor.apply(try Dense(units: 2, activation: .tanh), to: [joined], random: &stream, name: "o")
        let model = try FunctionalModel(inputs: [a, b], outputs: [out], name: "m", random: RandomSource(seed: 1))
        #expect(out.shape == [4, 2])
        let result = try GradientCheck(batch: 2).run(model, sampleShape: [8])
        #expect(result.worstInput < 2e-2 && result.worstWeight < 2e-2)
    }
}
