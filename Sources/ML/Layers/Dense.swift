/// A fully connected layer: `activation(x · kernel + bias)`, applied to the last axis.
///
/// The product runs through `cblas_sgemm`; bias and activation are applied in the pass that
/// follows it, and the backward pass turns the output gradient into the pre-activation
/// gradient and the bias gradient in one pass before the two products for the kernel and
/// input gradients.
public final class Dense: Layer {
    /// Number of output features.
    public let units: Int
    public let activation: Activation
    public let useBias: Bool
    public let kernelInitializer: Initializer
    public let biasInitializer: Initializer

    /// - Throws: `LayerError.invalidArgument` when `units` is not positive.
    public init(
        units: Int, activation: Activation = .linear, useBias: Bool = true,
        kernelInitializer: Initializer = .glorotUniform, biasInitializer: Initializer = .zeros,
        name: String = "dense"
    ) throws {
        guard units > 0 else {
            throw LayerError.invalidArgument(layer: name, message: "units must be a positive integer, got \(units)")
        }
        self.units = units
        self.activation = activation
        self.useBias = useBias
        self.kernelInitializer = kernelInitializer
        self.biasInitializer = biasInitializer
        super.init(name: name)
    }

    public override var typeName: String { "Dense" }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard let last = inputShape.last, last > 0 else {
            throw LayerError.inputRank(layer: name, expected: "min_ndim=2", got: inputShape)
        }
        _ = last
        return inputShape.dropLast() + [units]
    }

    override func createWeights(inputShape: [Int], random: inout RandomStream) throws {
        let inputs = inputShape.last ?? 1
        let kernelShape = [inputs, units]
        var created = [try Variable(shape: kernelShape, name: "kernel") { kernelInitializer.fill($0, shape: kernelShape, random: &random) }]
        if useBias {
            created.append(try Variable(shape: [units], name: "bias") { biasInitializer.fill($0, shape: [units], random: &random) })
        }
        weights = created
    }

    /// Rows of the product: the batch times every leading axis but the last.
    private func rows(batch: Int) -> Int { batch * (inputShape?.dropLast().reduce(1, *) ?? 1) }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        let m = rows(batch: batch), k = inputShape?.last ?? 1
        let output = context.output.reserve(m * units)
        BLAS.gemm(m: m, n: units, k: k, a: input, lda: k, b: weights[0].storage, ldb: units, c: output, ldc: units)
        activation.apply(output, rows: m, columns: units, bias: useBias ? UnsafePointer(weights[1].storage) : nil)
        context.input = input
        context.lastOutput = output
        return output
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        guard let input = context.input, let output = context.lastOutput else { return nil }
        let m = rows(batch: batch), k = inputShape?.last ?? 1
        // d loss / d pre-activation, in place, with the bias gradient from the same pass.
        let biasGradient = useBias ? context.parameterGradients[1].reserve(units) : nil
        activation.backward(gradOut: gradOutput, output: output, gradIn: gradOutput, rows: m, columns: units, biasGradient: biasGradient)
        // d kernel = inputᵀ · d pre-activation.
        let kernelGradient = context.parameterGradients[0].reserve(k * units)
        BLAS.gemm(transposeA: true, m: k, n: units, k: m, a: input, lda: k, b: gradOutput, ldb: units, c: kernelGradient, ldc: units)
        guard needInputGradient else { return nil }
        // d input = d pre-activation · kernelᵀ.
        let inputGradient = context.inputGradient.reserve(m * k)
        BLAS.gemm(transposeB: true, m: m, n: k, k: units, a: gradOutput, lda: units, b: weights[0].storage, ldb: units, c: inputGradient, ldc: k)
        return inputGradient
    }

    override var workPerSample: Int {
        // Three products (forward, kernel gradient, input gradient) of 2 flops per weight.
        6 * (inputShape?.reduce(1, *) ?? 0) * units
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["units"] = .int(units)
        result["activation"] = .string(activation.name)
        result["use_bias"] = .bool(useBias)
        result["kernel_initializer"] = .string(kernelInitializer.name)
        result["bias_initializer"] = .string(biasInitializer.name)
        if case let .leakyRelu(alpha) = activation { result["activation_alpha"] = .number(Double(alpha)) }
        if case let .elu(alpha) = activation { result["activation_alpha"] = .number(Double(alpha)) }
        return result
    }
}
