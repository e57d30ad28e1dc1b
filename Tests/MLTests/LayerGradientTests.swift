import Testing
@testable import ML

@Suite struct LayerGradientTests {
    static let activations: [Activation] = [.linear, .relu, .sigmoid, .tanh, .softmax, .elu(alpha: 1), .leakyRelu(alpha: 0.2), .softplus, .selu]

    @Test(arguments: activations)
    func denseMatchesFiniteDifferences(activation: Activation) throws {
        // Kinked activations need a step small enough not to straddle the kink.
        let kinked = [Activation.relu, .leakyRelu(alpha: 0.2), .selu].contains(activation)
        let check = GradientCheck(step: kinked ? 1e-3 : 1e-2)
        let result = try check.run(try Dense(units: 5, activation: activation), sampleShape: [4])
        #expect(result.worstInput < 2e-2, "input gradient off by \(result.worstInput) for \(activation.name)")
        #expect(result.worstWeight < 2e-2, "weight gradient off by \(result.worstWeight) for \(activation.name)")
        #expect(result.checked == 3 * 4 + 4 * 5 + 5)
    }

    @Test func denseOnInnerAxesMatchesFiniteDifferences() throws {
        let result = try GradientCheck().run(try Dense(units: 3, activation: .tanh), sampleShape: [2, 4])
        #expect(result.worstInput < 2e-2)
        #expect(result.worstWeight < 2e-2)
    }

    @Test func denseWithoutBiasHasOnlyAKernel() throws {
        let layer = try Dense(units: 3, useBias: false)
        let result = try GradientCheck().run(layer, sampleShape: [4])
        #expect(layer.weights.count == 1)
        #expect(result.worstInput < 2e-2 && result.worstWeight < 2e-2)
    }

    @Test(arguments: [(Padding.valid, 1), (.same, 1), (.valid, 2), (.same, 2)])
    func conv2DMatchesFiniteDifferences(padding: Padding, stride: Int) throws {
        let layer = try Conv2D(filters: 3, kernelSize: (3, 3), strides: (stride, stride), padding: padding, activation: .tanh)
        let result = try GradientCheck(batch: 2).run(layer, sampleShape: [6, 5, 2])
        #expect(result.worstInput < 2e-2, "input gradient off by \(result.worstInput)")
        #expect(result.worstWeight < 2e-2, "weight gradient off by \(result.worstWeight)")
    }

    @Test func pointwiseConvolutionMatchesFiniteDifferences() throws {
        let layer = try Conv2D(filters: 2, kernelSize: (1, 1), activation: .sigmoid)
        let result = try GradientCheck(batch: 2).run(layer, sampleShape: [3, 3, 4])
        #expect(result.worstInput < 2e-2 && result.worstWeight < 2e-2)
    }

    @Test(arguments: [Padding.valid, .same])
    func maxPoolingMatchesFiniteDifferences(padding: Padding) throws {
        let layer = try MaxPooling2D(poolSize: (2, 2), padding: padding)
        let result = try GradientCheck(batch: 2, step: 1e-3).run(layer, sampleShape: [5, 5, 2])
        #expect(result.worstInput < 2e-2, "input gradient off by \(result.worstInput)")
    }

    @Test func shapeLayersPassGradientsThrough() throws {
        for layer in [Flatten() as Layer, try Reshape(targetShape: [3, -1])] {
            let result = try GradientCheck().run(layer, sampleShape: [2, 3, 2])
            #expect(result.worstInput < 1e-3)
        }
    }

    @Test(arguments: [Activation.tanh, .softmax, .relu])
    func activationLayerMatchesFiniteDifferences(activation: Activation) throws {
        let result = try GradientCheck().run(ActivationLayer(activation), sampleShape: [6])
        #expect(result.worstInput < 2e-2)
    }

    @Test func softmaxLayerMatchesFiniteDifferences() throws {
        let result = try GradientCheck().run(Softmax(), sampleShape: [2, 5])
        #expect(result.worstInput < 2e-2)
    }

    @Test func dropoutInTrainingScalesKeptUnitsAndMatchesFiniteDifferences() throws {
        let result = try GradientCheck().run(try Dropout(rate: 0.4), sampleShape: [20], training: true)
        #expect(result.worstInput < 2e-2)
    }

    @Test func dropoutKeepsAboutOneMinusRateAndScalesThem() throws {
        let layer = try Dropout(rate: 0.25)
        var random = RandomStream(seed: 1)
        try layer.build(inputShape: [10_000], random: &random)
        var input = [Float](repeating: 1, count: 10_000)
        let context = layer.makeContext()
        let kept = try input.withUnsafeMutableBufferPointer { x in
            let y = try layer.forward(x.baseAddress!, batch: 1, context: context, training: true, random: &random)
            return (0..<10_000).filter { y[$0] != 0 }.map { y[$0] }
        }
        #expect(abs(Double(kept.count) / 10_000 - 0.75) < 0.02)
        #expect(kept.allSatisfy { abs($0 - 1 / 0.75) < 1e-6 })
    }

    @Test func nestedModelMatchesFiniteDifferences() throws {
        let inner = try Sequential(layers: [try Dense(units: 4, activation: .tanh), try Dense(units: 3, activation: .sigmoid)], name: "inner")
        let result = try GradientCheck().run(inner, sampleShape: [5])
        #expect(result.worstInput < 2e-2)
        #expect(result.worstWeight < 2e-2)
    }
}
