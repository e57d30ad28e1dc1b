@testable import ML

/// Compares a layer's backward pass with central finite differences of the scalar
/// f = Σ output ⊙ R, for a fixed random projection R.
struct GradientCheck {
    var batch = 3
    var step: Float = 1e-2
    var seed: UInt64 = 7

    struct Result {
        var worstInput: Float = 0
        var worstWeight: Float = 0
        var checked = 0
    }

    /// Random values in [-1, 1).
    static func randomValues(_ count: Int, _ random: inout RandomStream) -> [Float] {
        (0..<count).map { _ in 2 * random.nextUnitFloat() - 1 }
    }

    /// Worst relative errors of the input and weight gradients of `layer` on inputs of
    /// `sampleShape`.
    func run(_ layer: Layer, sampleShape: [Int], training: Bool = false) throws -> Result {
        var random = RandomStream(seed: seed)
        try layer.build(inputShape: sampleShape, random: &random)
        let inputCount = batch * sampleShape.reduce(1, *)
        let outputCount = batch * (layer.outputShape ?? []).reduce(1, *)
        var input = Self.randomValues(inputCount, &random)
        let projection = Self.randomValues(outputCount, &random)
        let batch = self.batch

        func objective() throws -> Double {
            var stream = RandomStream(seed: seed + 1)   // the same dropout mask every time
            let context = layer.makeContext()
            return try input.withUnsafeMutableBufferPointer { x -> Double in
                let y = try layer.forward(x.baseAddress!, batch: batch, context: context, training: training, random: &stream)
                var total = 0.0
                for i in 0..<outputCount { total += Double(y[i]) * Double(projection[i]) }
                return total
            }
        }

        // Analytic gradients.
        var stream = RandomStream(seed: seed + 1)
        let context = layer.makeContext()
        var analyticInput: [Float] = []
        var analyticWeights: [[Float]] = []
        try input.withUnsafeMutableBufferPointer { x in
            _ = try layer.forward(x.baseAddress!, batch: batch, context: context, training: training, random: &stream)
            var upstream = projection
            try upstream.withUnsafeMutableBufferPointer { g in
                guard let dx = layer.backward(g.baseAddress!, batch: batch, context: context, needInputGradient: true) else {
                    throw CheckFailure.noInputGradient
                }
                analyticInput = Array(UnsafeBufferPointer(start: dx, count: inputCount))
            }
        }
        var pairs: [(Variable, UnsafePointer<Float>)] = []
        if let model = layer as? Sequential {
            Sequential.gradients(layers: model.layers, contexts: context.children, into: &pairs)
        } else {
            for (variable, buffer) in zip(layer.weights, context.parameterGradients) { pairs.append((variable, UnsafePointer(buffer.pointer))) }
        }
        analyticWeights = pairs.map { Array(UnsafeBufferPointer(start: $0.1, count: $0.0.count)) }

        var result = Result()
        for i in 0..<inputCount {
            let saved = input[i]
            input[i] = saved + step
            let plus = try objective()
            input[i] = saved - step
            let minus = try objective()
            input[i] = saved
            let numeric = Float((plus - minus) / Double(2 * step))
            result.worstInput = max(result.worstInput, relativeError(analyticInput[i], numeric))
            result.checked += 1
        }
        for (w, (variable, _)) in pairs.enumerated() {
            for i in 0..<variable.count {
                let saved = variable.storage[i]
                variable.storage[i] = saved + step
                let plus = try objective()
                variable.storage[i] = saved - step
                let minus = try objective()
                variable.storage[i] = saved
                let numeric = Float((plus - minus) / Double(2 * step))
                result.worstWeight = max(result.worstWeight, relativeError(analyticWeights[w][i], numeric))
                result.checked += 1
            }
        }
        return result
    }

    func relativeError(_ analytic: Float, _ numeric: Float) -> Float {
        (analytic - numeric).magnitude / max(1, numeric.magnitude)
    }

    enum CheckFailure: Error { case noInputGradient }
}
