/// A Keras layer: a named step of a model with its own weights, built for one per-sample
/// input shape.
///
/// Shapes here are *per sample* (Keras's shapes without the leading batch axis). Layers run
/// on whole batches through internal kernels that read and write contiguous row-major
/// buffers owned by a `LayerContext`, which the training loop keeps from step to step.
public class Layer {
    /// The layer's name, unique within a session when the binding makes it (`dense_2`).
    public internal(set) var name: String
    /// Whether training updates this layer's weights.
    public var trainable: Bool = true
    /// The per-sample input shape, once built.
    public internal(set) var inputShape: [Int]?
    /// The per-sample output shape, once built.
    public internal(set) var outputShape: [Int]?
    /// The weights in Keras's order (kernel before bias), empty until built.
    public internal(set) var weights: [Variable] = []
    /// The per-sample input shape given when the layer was made (`input_shape=(4,)`), which
    /// a `Sequential` takes as its input shape when this is its first layer.
    public var declaredInputShape: [Int]?
    /// How many times the layer has been called on symbolic tensors (Keras's node index of
    /// the next call, which `summary()` shows as `dense[1][0]`).
    public internal(set) var symbolicCallCount = 0

    init(name: String) {
        self.name = name
    }

    /// Keras's class name (`"Dense"`), as `summary()` shows it.
    public var typeName: String { "Layer" }

    /// Whether `build` has run.
    public var isBuilt: Bool { outputShape != nil }

    /// The weights training updates (none when `trainable` is false).
    public var trainableWeights: [Variable] { trainable ? weights.filter(\.trainable) : [] }

    /// Number of weight elements.
    public var parameterCount: Int { weights.reduce(0) { $0 + $1.count } }

    /// The per-sample output shape for a per-sample input shape, without building.
    /// - Throws: `LayerError` when this layer cannot take that input.
    public func outputShape(for inputShape: [Int]) throws -> [Int] { inputShape }

    /// Creates the weights for `inputShape` (layers without weights do nothing).
    func createWeights(inputShape: [Int], random: inout RandomStream) throws {}

    /// Fixes the input shape and creates the weights. Building again with the same shape
    /// does nothing.
    /// - Throws: `LayerError.incompatibleInput` if already built for another shape, or when
    ///   the layer cannot take `inputShape`.
    public final func build(inputShape: [Int], random: inout RandomStream) throws {
        if let built = self.inputShape {
            guard built == inputShape else {
                throw LayerError.incompatibleInput(layer: name, expected: built, got: inputShape)
            }
            return
        }
        // Per-sample sizes come from the user's input_shape and units: one sample must fit in
        // memory, so that later `batch * sampleSize` products cannot overflow either.
        try CheckedSize.reserve(inputShape, elementSize: MemoryLayout<Float>.stride)
        let output = try outputShape(for: inputShape)
        try CheckedSize.reserve(output, elementSize: MemoryLayout<Float>.stride)
        try createWeights(inputShape: inputShape, random: &random)
        self.inputShape = inputShape
        self.outputShape = output
    }

    /// The per-call buffers this layer's kernels use. One per place the layer runs (training,
    /// inference, each recorded tape call), reused from batch to batch.
    func makeContext() -> LayerContext { LayerContext(parameterCount: weights.count) }

    /// Computes the layer on a batch of `batch` samples laid out contiguously. Returns the
    /// output (owned by `context`, or `input` itself for layers that do not change data).
    /// Saves what `backward` needs in `context`.
    func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        input
    }

    /// Back-propagates `gradOutput` (d loss / d output of the last `forward` with this
    /// context, which it may overwrite). Writes each weight's gradient into
    /// `context.parameterGradients` and returns d loss / d input when asked for.
    func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        gradOutput
    }

    /// Floating-point operations of one sample's forward and backward pass, roughly (used to
    /// decide when a batch is worth splitting across threads).
    var workPerSample: Int { (outputShape ?? []).reduce(1, *) * 4 }

    /// The constructor arguments Keras would save for this layer (`get_config()`).
    public var config: [String: JSONValue] {
        ["name": .string(name), "trainable": .bool(trainable)]
    }

    /// `config` as a JSON object with sorted keys.
    public var configJSON: JSONValue { LayerConfig.object(config) }

    /// The weights' values (`get_weights()`), in Keras's order.
    public func getWeights() -> [Tensor] { weights.map(\.value) }

    /// Replaces the weights' values (`set_weights()`).
    /// - Throws: `LayerError.weightMismatch` unless the count and every shape match.
    public func setWeights(_ values: [Tensor]) throws {
        guard values.count == weights.count else {
            throw LayerError.weightCountMismatch(layer: name, expected: weights.count, got: values.count)
        }
        for (variable, value) in zip(weights, values) {
            guard variable.count == value.count else {
                throw LayerError.weightShapeMismatch(layer: name, weight: variable.name, expected: variable.shape, got: value.shape)
            }
        }
        for (variable, value) in zip(weights, values) { variable.storage.update(from: value.storage, count: variable.count) }
    }
}

/// The buffers one use of a layer works in: its output, its input gradient, its weights'
/// gradients, and what backward needs to remember.
final class LayerContext {
    let output = ScratchBuffer()
    let inputGradient = ScratchBuffer()
    let parameterGradients: [ScratchBuffer]
    /// Layer-specific extra storage (dropout masks, convolution columns).
    var scratch: [ScratchBuffer] = []
    let indices = IndexBuffer()
    /// The input of the last forward, which backward reads (owned by the previous layer's
    /// context or the batch buffer, alive until backward has run).
    var input: UnsafeMutablePointer<Float>?
    /// The output of the last forward.
    var lastOutput: UnsafeMutablePointer<Float>?
    /// Contexts of the layers inside a nested model.
    var children: [LayerContext] = []
    /// A graph model's intermediate values of the last forward, by value index.
    var values: [UnsafeMutablePointer<Float>?] = []

    init(parameterCount: Int) {
        parameterGradients = (0..<parameterCount).map { _ in ScratchBuffer() }
    }

    func scratchBuffer(_ index: Int) -> ScratchBuffer {
        while scratch.count <= index { scratch.append(ScratchBuffer()) }
        return scratch[index]
    }
}

/// What can go wrong defining or building layers; each description says what to change.
public enum LayerError: Error, CustomStringConvertible, Equatable, Sendable {
    case unknownActivation(String)
    case unknownInitializer(String)
    case invalidArgument(layer: String, message: String)
    case incompatibleInput(layer: String, expected: [Int], got: [Int])
    case inputRank(layer: String, expected: String, got: [Int])
    case weightCountMismatch(layer: String, expected: Int, got: Int)
    case weightShapeMismatch(layer: String, weight: String, expected: [Int], got: [Int])
    case notBuilt(String)

    public var description: String {
        switch self {
        case let .unknownActivation(name):
            return "Unknown activation function: '\(name)'. Use one of: \(Activation.names.joined(separator: ", "))"
        case let .unknownInitializer(name):
            return "Unknown initializer: '\(name)'. Use one of: \(Initializer.names.joined(separator: ", "))"
        case let .invalidArgument(layer, message):
            return "layer '\(layer)': \(message)"
        case let .incompatibleInput(layer, expected, got):
            return "Input 0 of layer '\(layer)' is incompatible with the layer: expected shape=\(Shape.batchText(expected)), found shape=\(Shape.batchText(got))"
        case let .inputRank(layer, expected, got):
            return "Input 0 of layer '\(layer)' is incompatible with the layer: expected \(expected), found shape=\(Shape.batchText(got))"
        case let .weightCountMismatch(layer, expected, got):
            return "layer '\(layer)' expects \(expected) weight arrays, but set_weights received \(got)"
        case let .weightShapeMismatch(layer, weight, expected, got):
            return "layer '\(layer)' weight '\(weight)' has shape \(Shape.text(expected)), but the value given has shape \(Shape.text(got))"
        case let .notBuilt(message):
            return message
        }
    }
}
