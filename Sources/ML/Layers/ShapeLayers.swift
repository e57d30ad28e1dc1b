/// Declares the per-sample input shape of a model (`InputLayer(shape=(28, 28))`, or what
/// `Input(shape=...)` stands for in a `Sequential`). Passes data through unchanged.
public final class InputLayer: Layer {
    /// The per-sample shape the model takes.
    public let shape: [Int]

    /// - Throws: `LayerError.invalidArgument` for a non-positive extent.
    public init(shape: [Int], name: String = "input_layer") throws {
        guard shape.allSatisfy({ $0 > 0 }) else {
            throw LayerError.invalidArgument(layer: name, message: "shape must be positive integers, got \(Shape.text(shape))")
        }
        self.shape = shape
        super.init(name: name)
    }

    public override var typeName: String { "InputLayer" }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        guard inputShape == shape else { throw LayerError.incompatibleInput(layer: name, expected: shape, got: inputShape) }
        return shape
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["batch_shape"] = .array([.null] + shape.map { .int($0) })
        return result
    }
}

/// Flattens each sample to one axis: (None, 28, 28) becomes (None, 784). Moves no data.
public final class Flatten: Layer {
    public override init(name: String = "flatten") { super.init(name: name) }

    public override var typeName: String { "Flatten" }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] { [try CheckedSize.elementCount(inputShape)] }
}

/// Gives each sample another shape with the same element count (one extent may be -1).
/// Moves no data.
public final class Reshape: Layer {
    /// The requested per-sample shape, possibly with one -1.
    public let targetShape: [Int]

    /// - Throws: `LayerError.invalidArgument` for more than one -1 or a non-positive extent.
    public init(targetShape: [Int], name: String = "reshape") throws {
        guard targetShape.filter({ $0 == -1 }).count <= 1, targetShape.allSatisfy({ $0 > 0 || $0 == -1 }) else {
            throw LayerError.invalidArgument(layer: name, message: "target_shape must be positive integers with at most one -1, got \(Shape.text(targetShape))")
        }
        self.targetShape = targetShape
        super.init(name: name)
    }

    public override var typeName: String { "Reshape" }

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        let count = try CheckedSize.elementCount(inputShape)
        do {
            return try Shape.resolvingInferredAxis(targetShape, count: count, from: inputShape)
        } catch {
            throw LayerError.invalidArgument(
                layer: name,
                message: "total size of the input (\(count), from shape \(Shape.batchText(inputShape))) does not match target_shape \(Shape.text(targetShape))")
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["target_shape"] = .array(targetShape.map { .int($0) })
        return result
    }
}

/// Applies an activation function on its own (`Activation('relu')`).
public class ActivationLayer: Layer {
    public let activation: Activation

    public init(_ activation: Activation, name: String = "activation") {
        self.activation = activation
        super.init(name: name)
    }

    public override var typeName: String { "Activation" }

    private func rowLength() -> Int { inputShape?.last ?? 1 }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        let columns = rowLength(), total = batch * (inputShape?.reduce(1, *) ?? 1)
        let output = context.output.reserve(total)
        output.update(from: input, count: total)
        activation.apply(output, rows: total / Swift.max(columns, 1), columns: columns, bias: nil)
        context.lastOutput = output
        return output
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        guard needInputGradient, let output = context.lastOutput else { return nil }
        let columns = rowLength(), total = batch * (inputShape?.reduce(1, *) ?? 1)
        activation.backward(gradOut: gradOutput, output: output, gradIn: gradOutput, rows: total / Swift.max(columns, 1), columns: columns, biasGradient: nil)
        return gradOutput
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["activation"] = .string(activation.name)
        return result
    }
}

/// Softmax over the last axis as a layer of its own (`Softmax()`).
public final class Softmax: ActivationLayer {
    public init(name: String = "softmax") { super.init(.softmax, name: name) }

    public override var typeName: String { "Softmax" }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["activation"] = nil
        result["axis"] = .int(-1)
        return result
    }
}

/// Randomly zeroes a fraction `rate` of its inputs during training and scales the rest by
/// 1 / (1 - rate); passes data through unchanged at inference.
public final class Dropout: Layer {
    public let rate: Float

    /// - Throws: `LayerError.invalidArgument` unless 0 <= rate < 1.
    public init(rate: Float, name: String = "dropout") throws {
        guard rate >= 0, rate < 1 else {
            throw LayerError.invalidArgument(layer: name, message: "rate must be a float in the range [0, 1), got \(rate)")
        }
        self.rate = rate
        super.init(name: name)
    }

    public override var typeName: String { "Dropout" }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        guard training, rate > 0 else {
            context.scratch.removeAll()
            return input
        }
        let total = batch * (inputShape?.reduce(1, *) ?? 1)
        let mask = context.scratchBuffer(0).reserve(total)
        let output = context.output.reserve(total)
        let keep = 1 - rate, scale = 1 / keep
        // 24 random bits per element, compared against the keep probability.
        let threshold = UInt64(Double(keep) * 16_777_216)
        for i in 0..<total {
            mask[i] = (random.next() >> 40) < threshold ? scale : 0
        }
        for i in 0..<total { output[i] = input[i] * mask[i] }
        return output
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        guard needInputGradient else { return nil }
        guard !context.scratch.isEmpty else { return gradOutput }
        let total = batch * (inputShape?.reduce(1, *) ?? 1)
        let mask = context.scratch[0].pointer
        for i in 0..<total { gradOutput[i] *= mask[i] }
        return gradOutput
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        result["rate"] = .number(Double(rate))
        return result
    }
}
