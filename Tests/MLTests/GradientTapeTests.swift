import Testing
@testable import ML

@Suite struct GradientTapeTests {
    /// Central differences of a scalar function of one tensor's elements.
    func numericGradient(_ x: Tensor, _ f: (Tensor) throws -> Float) throws -> [Float] {
        let h: Float = 1e-2
        return try (0..<x.count).map { i in
            let plus = Tensor(copying: x.storage, shape: x.shape), minus = Tensor(copying: x.storage, shape: x.shape)
            plus.storage[i] += h
            minus.storage[i] -= h
            return (try f(plus) - f(minus)) / (2 * h)
        }
    }

    func expectGradient(_ x: Tensor, _ body: (EagerContext, Tensor) throws -> Tensor, _ label: String) throws {
        let context = EagerContext(), tape = GradientTape()
        context.begin(tape)
        tape.watch(x)
        let y = try body(context, x)
        context.end(tape)
        let analytic = try #require(try tape.gradient(y, sources: [.tensor(x)])[0])
        let numeric = try numericGradient(x) { try body(EagerContext(), $0).scalarValue() }
        for (a, n) in zip(analytic.scalars, numeric) {
            #expect(abs(a - n) < 2e-2 * max(1, abs(n)), "\(label): \(a) vs \(n)")
        }
    }

    let x = try! Tensor([0.3, -0.7, 1.2, 0.5, 2.0, -1.5], shape: [2, 3])
    let positive = try! Tensor([0.3, 0.7, 1.2, 0.5, 2.0, 1.5], shape: [2, 3])

    @Test func unaryOperationsMatchFiniteDifferences() throws {
        try expectGradient(x, { c, t in try c.reduceSum(c.exp(t)) }, "exp")
        try expectGradient(positive, { c, t in try c.reduceSum(c.log(t)) }, "log")
        try expectGradient(positive, { c, t in try c.reduceSum(c.sqrt(t)) }, "sqrt")
        try expectGradient(x, { c, t in try c.reduceSum(c.square(t)) }, "square")
        try expectGradient(x, { c, t in try c.reduceSum(c.tanh(t)) }, "tanh")
        try expectGradient(x, { c, t in try c.reduceSum(c.sigmoid(t)) }, "sigmoid")
        try expectGradient(x, { c, t in try c.reduceSum(c.relu(t)) }, "relu")
        try expectGradient(x, { c, t in try c.reduceSum(c.softplus(t)) }, "softplus")
        try expectGradient(x, { c, t in try c.reduceSum(c.sin(t)) }, "sin")
        try expectGradient(x, { c, t in try c.reduceSum(c.cos(t)) }, "cos")
        try expectGradient(x, { c, t in try c.reduceSum(c.abs(t)) }, "abs")
        try expectGradient(x, { c, t in try c.reduceSum(c.multiply(c.softmax(t), t)) }, "softmax")
    }

    @Test func broadcastingBinaryOperationsSumGradientsBack() throws {
        let row = try Tensor([0.5, -2.0, 1.5], shape: [3])
        try expectGradient(x, { c, t in try c.reduceSum(c.multiply(c.add(t, row), row)) }, "add/multiply")
        try expectGradient(row, { c, r in try c.reduceSum(c.multiply(c.subtract(x, r), r)) }, "broadcast operand")
        try expectGradient(row, { c, r in try c.reduceSum(c.divide(x, c.add(c.square(r), Tensor(scalar: 1)))) }, "divide")
        try expectGradient(positive, { c, t in try c.reduceSum(c.pow(t, Tensor(scalar: 1.5))) }, "pow")
        try expectGradient(x, { c, t in try c.reduceSum(c.maximum(t, Tensor(scalar: 0.4))) }, "maximum")
    }

    @Test func reductionsMatchFiniteDifferences() throws {
        try expectGradient(x, { c, t in try c.reduceSum(c.square(c.reduceMean(t, axes: [1]))) }, "mean axis 1")
        try expectGradient(x, { c, t in try c.reduceSum(c.square(c.reduceSum(t, axes: [0], keepDims: true))) }, "sum axis 0")
        try expectGradient(x, { c, t in try c.reduceSum(c.reduceMax(t, axes: [-1])) }, "max")
        try expectGradient(x, { c, t in try c.reduceMean(c.square(c.transpose(t))) }, "transpose")
        try expectGradient(x, { c, t in try c.reduceSum(c.square(c.reshape(t, [3, 2]))) }, "reshape")
    }

    @Test func matmulMatchesFiniteDifferences() throws {
        let w = try Tensor([0.1, 0.2, -0.3, 0.4, 0.5, -0.6], shape: [3, 2])
        try expectGradient(x, { c, t in try c.reduceSum(c.square(c.matmul(t, w))) }, "matmul left")
        try expectGradient(w, { c, t in try c.reduceSum(c.square(c.matmul(x, t))) }, "matmul right")
        let v = try Tensor([1.0, -1.0, 0.5], shape: [3])
        try expectGradient(x, { c, t in try c.reduceSum(c.square(c.matmul(t, v))) }, "matrix-vector")
    }

    @Test func trainableVariablesAreWatchedWhenRead() throws {
        let context = EagerContext(), tape = GradientTape()
        let v = Variable(try Tensor([2.0, 3.0], shape: [2]))
        let frozen = Variable(try Tensor([1.0, 1.0], shape: [2]), trainable: false)
        context.begin(tape)
        let y = try context.reduceSum(context.multiply(context.square(context.read(v)), context.read(frozen)))
        context.end(tape)
        let gradients = try tape.gradient(y, sources: [.variable(v), .variable(frozen)])
        #expect(gradients[0]?.scalars == [4, 6])
        #expect(gradients[1] == nil)
    }

    @Test func unrelatedSourcesGetNoGradient() throws {
        let context = EagerContext(), tape = GradientTape()
        let a = try Tensor([1.0], shape: [1]), b = try Tensor([2.0], shape: [1])
        context.begin(tape)
        tape.watch(a)
        tape.watch(b)
        let y = context.square(a)
        context.end(tape)
        let gradients = try tape.gradient(y, sources: [.tensor(a), .tensor(b)])
        #expect(gradients[0]?.scalars == [2])
        #expect(gradients[1] == nil)
    }

    @Test func aNonPersistentTapeAnswersOnce() throws {
        let context = EagerContext(), tape = GradientTape()
        let a = try Tensor([1.0], shape: [1])
        context.begin(tape)
        tape.watch(a)
        let y = context.square(a)
        context.end(tape)
        _ = try tape.gradient(y, sources: [.tensor(a)])
        #expect(throws: AutodiffError.tapeUsed) { try tape.gradient(y, sources: [.tensor(a)]) }
        let persistent = GradientTape(persistent: true)
        context.begin(persistent)
        persistent.watch(a)
        let z = context.exp(a)
        context.end(persistent)
        _ = try persistent.gradient(z, sources: [.tensor(a)])
        #expect(try persistent.gradient(z, sources: [.tensor(a)])[0] != nil)
    }

    /// Maximum likelihood by hand, as the course does it: a normal's mean and log standard
    /// deviation fitted to data by minimising the negative log-likelihood with Adam.
    @Test func negativeLogLikelihoodMinimisationFindsTheSampleMoments() throws {
        let data: [Float] = [2.1, 1.7, 3.2, 2.8, 2.4, 1.9, 3.0, 2.2, 2.6, 2.5]
        let mean = data.reduce(0, +) / Float(data.count)
        let std = (data.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Float(data.count)).squareRoot()
        let x = try Tensor(data, shape: [data.count])
        let mu = Variable(try Tensor([0], shape: [1])), logSigma = Variable(try Tensor([0], shape: [1]))
        let optimizer = Adam(learningRate: 0.05)
        let context = EagerContext()
        for _ in 0..<1500 {
            let tape = GradientTape()
            context.begin(tape)
            let sigma = context.exp(context.read(logSigma))
            let z = try context.divide(context.subtract(x, context.read(mu)), sigma)
            let nll = try context.add(context.reduceMean(context.multiply(Tensor(scalar: 0.5), context.square(z))), context.log(sigma))
            context.end(tape)
            let g = try tape.gradient(nll, sources: [.variable(mu), .variable(logSigma)])
            try optimizer.applyGradients([(try #require(g[0]), mu), (try #require(g[1]), logSigma)])
        }
        #expect(abs(mu.scalars[0] - mean) < 1e-3)
        #expect(abs(_expf(logSigma.scalars[0]) - std) < 1e-3)
    }

    /// `model(x)` and a loss object inside a tape give the same gradients as finite
    /// differences of the loss: the custom training loop of the Keras guides.
    @Test func modelCallsAndLossesAreDifferentiable() throws {
        let random = RandomSource(seed: 11)
        let model = try Sequential(layers: [try InputLayer(shape: [3]), try Dense(units: 4, activation: .tanh), try Dense(units: 2)], random: random)
        let x = try Tensor([0.1, 0.5, -0.3, 0.7, -0.2, 0.4], shape: [2, 3])
        let labels = try Tensor([1, 0], shape: [2])
        let loss = Loss.sparseCategoricalCrossentropy(fromLogits: true)
        let context = EagerContext(), tape = GradientTape()
        context.begin(tape)
        let value = try context.loss(loss, target: labels, prediction: context.call(model, x, training: true, random: random))
        context.end(tape)
        let weights = model.trainableWeights
        let gradients = try tape.gradient(value, sources: weights.map { .variable($0) })
        func lossValue() throws -> Float { try EagerContext().loss(loss, target: labels, prediction: EagerContext().call(model, x, training: false, random: random)).scalarValue() }
        for (variable, gradient) in zip(weights, gradients) {
            let g = try #require(gradient)
            for i in 0..<variable.count {
                let saved = variable.storage[i]
                variable.storage[i] = saved + 1e-2
                let plus = try lossValue()
                variable.storage[i] = saved - 1e-2
                let minus = try lossValue()
                variable.storage[i] = saved
                #expect(abs(g.scalars[i] - (plus - minus) / 2e-2) < 2e-3)
            }
        }
    }
}
