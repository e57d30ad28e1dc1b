import Testing
@testable import ML

@Suite struct ModelFileTests {
    let directory = "/tmp/swiftml-modelfile-\(UInt64.random(in: 0...UInt64.max))"

    func model() throws -> Sequential {
        let inner = try Sequential(layers: [try Dense(units: 3, activation: .tanh, name: "inner_dense")], name: "block")
        return try Sequential(layers: [
            try InputLayer(shape: [4]), try Dense(units: 5, activation: .relu, name: "first"), inner,
            try Dropout(rate: 0.2), try Dense(units: 2, name: "last"),
        ], random: RandomSource(seed: 7))
    }

    @Test func swiftMLsEarlierFilesStillLoad() throws {
        try FileBytes.makeDirectories(directory)
        let original = try model()
        let path = "\(directory)/old.keras"
        try ModelFile.saveSwiftMLArchive(original, to: path)
        let loaded = try ModelFile.load(from: path, random: RandomSource(seed: 1))
        #expect(loaded.getWeights().map(\.scalars) == original.getWeights().map(\.scalars))
    }

    @Test func kerasFilesRoundTripWithNestedModels() throws {
        try FileBytes.makeDirectories(directory)
        let original = try model()
        for name in ["m.keras", "m.h5"] {
            try ModelFile.save(original, to: "\(directory)/\(name)")
            let loaded = try ModelFile.load(from: "\(directory)/\(name)", random: RandomSource(seed: 1))
            #expect(loaded.summary() == original.summary())
            #expect(loaded.getWeights().map(\.scalars) == original.getWeights().map(\.scalars))
        }
        try ModelFile.saveWeights(original, to: "\(directory)/m.weights.h5")
        let fresh = try model()
        try fresh.setWeights(fresh.getWeights().map { try Tensor([Float](repeating: 0, count: $0.scalars.count), shape: $0.shape) })
        try ModelFile.loadWeights(fresh, from: "\(directory)/m.weights.h5")
        #expect(fresh.getWeights().map(\.scalars) == original.getWeights().map(\.scalars))
        // Keras 3 files weights by class name, not layer name.
        let tree = KerasWeights.tree(for: original, includeOptimizer: false)
        #expect(tree.dataset(at: "layers/dense/vars/0")?.shape == [4, 5])
        #expect(tree.dataset(at: "layers/sequential/layers/dense/vars/0")?.shape == [5, 3])
        #expect(tree.dataset(at: "layers/dense_1/vars/1")?.shape == [2])
    }

    @Test func snakeCaseMatchesKeras() {
        #expect(KerasWeights.snakeCase("MaxPooling2D") == "max_pooling2d")
        #expect(KerasWeights.snakeCase("Conv2D") == "conv2d")
        #expect(KerasWeights.snakeCase("InputLayer") == "input_layer")
        #expect(KerasWeights.savedNames([Flatten(), Flatten(name: "x"), Softmax()]) == ["flatten", "flatten_1", "softmax"])
    }
}
