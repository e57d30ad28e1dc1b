/// A linear stack of layers (`tf.keras.Sequential`), itself usable as a layer of another.
///
/// The model is built as soon as its input shape is known: from an `InputLayer` (or
/// `Input`), from the first layer's `input_shape`, or from the data of the first `fit`,
/// `predict` or `evaluate`. Training state (compiled loss and optimizer, buffers reused
/// between steps) lives on the model.
public class Sequential: Layer {
    /// The layers in order, without the input layer (as Keras lists them).
    public private(set) var layers: [Layer] = []
    /// The per-sample input shape, once known.
    public private(set) var modelInputShape: [Int]?
    /// Where initial weights, shuffles and dropout masks come from.
    public let random: RandomSource
    /// Set by a callback (EarlyStopping) to end `fit` after the current epoch.
    public var stopTraining = false
    /// The loss, optimizer and metrics from `compile`, if compiled.
    public var compiled: CompiledState?
    /// The name of the input layer, when the model was given one.
    public internal(set) var inputLayerName: String?

    /// Buffers of the training and inference passes, reused from step to step.
    var trainingContexts: [[LayerContext]] = []
    var inferenceContexts: [[LayerContext]] = []
    /// Inputs and targets of one batch, gathered from the data.
    let batchInput = ScratchBuffer()
    let batchTarget = ScratchBuffer()
    let lossGradient = ScratchBuffer()

    /// A model of `layers`, built at once when the input shape is known.
    /// - Throws: `LayerError` when a layer cannot take its predecessor's output.
    public init(layers: [Layer] = [], name: String = "sequential", random: RandomSource = RandomSource()) throws {
        self.random = random
        super.init(name: name)
        for layer in layers { try add(layer) }
    }

    public override var typeName: String { "Sequential" }

    /// Appends a layer; builds it now when the model's input shape is known.
    /// - Throws: `ModelError` for a second input layer or a layer already in the model,
    ///   `LayerError` when the layer cannot take the current output shape (the model is
    ///   then left as it was).
    public func add(_ layer: Layer) throws {
        if let input = layer as? InputLayer {
            guard layers.isEmpty, modelInputShape == nil else {
                throw ModelError.inputLayerNotFirst(model: name)
            }
            modelInputShape = input.shape
            inputLayerName = input.name
            return
        }
        guard layer !== self, !layers.contains(where: { $0 === layer }) else {
            throw ModelError.layerAlreadyAdded(model: name, layer: layer.name)
        }
        if layers.isEmpty, modelInputShape == nil, let declared = layer.declaredInputShape {
            modelInputShape = declared
        }
        layers.append(layer)
        if let shape = modelInputShape {
            do {
                try buildLayers(from: shape)
            } catch {
                layers.removeLast()
                if layers.isEmpty, layer.declaredInputShape != nil, inputLayerName == nil { modelInputShape = nil }
                throw error
            }
        }
        invalidateBuffers()
    }

    /// Removes and returns the last layer.
    /// - Throws: `ModelError.empty` when there is none.
    @discardableResult
    public func pop() throws -> Layer {
        guard let last = layers.popLast() else { throw ModelError.empty(model: name) }
        if let shape = modelInputShape { outputShape = try chainShape(from: shape) }
        weights = layers.flatMap(\.weights)
        invalidateBuffers()
        return last
    }

    /// Builds every layer for per-sample inputs of `inputShape`.
    /// - Throws: `LayerError` when some layer cannot take its input, or
    ///   `LayerError.incompatibleInput` if the model was built for another shape.
    public func build(inputShape: [Int]) throws {
        if let known = modelInputShape, known != inputShape {
            throw LayerError.incompatibleInput(layer: name, expected: known, got: inputShape)
        }
        try buildLayers(from: inputShape)
        modelInputShape = inputShape
    }

    private func buildLayers(from inputShape: [Int]) throws {
        var shape = inputShape
        for layer in layers {
            try layer.build(inputShape: shape, random: &random.stream)
            shape = layer.outputShape ?? shape
        }
        self.inputShape = inputShape
        self.outputShape = shape
        self.weights = layers.flatMap(\.weights)
    }

    private func chainShape(from inputShape: [Int]) throws -> [Int] {
        var shape = inputShape
        for layer in layers { shape = try layer.outputShape(for: shape) }
        return shape
    }

    func invalidateBuffers() {
        trainingContexts = []
        inferenceContexts = []
    }

    // MARK: As a layer of another model

    public override func outputShape(for inputShape: [Int]) throws -> [Int] {
        try chainShape(from: inputShape)
    }

    override func createWeights(inputShape: [Int], random: inout RandomStream) throws {
        var shape = inputShape
        for layer in layers {
            try layer.build(inputShape: shape, random: &random)
            shape = layer.outputShape ?? shape
        }
        modelInputShape = inputShape
        weights = layers.flatMap(\.weights)
    }

    override var workPerSample: Int { layers.reduce(0) { $0 + $1.workPerSample } }

    public override var trainableWeights: [Variable] {
        trainable ? layers.flatMap(\.trainableWeights) : []
    }

    /// Whether the model has every layer built (its input shape is known).
    public override var isBuilt: Bool { modelInputShape != nil && outputShape != nil }

    override func makeContext() -> LayerContext {
        let context = LayerContext(parameterCount: 0)
        context.children = layers.map { $0.makeContext() }
        return context
    }

    override func forward(
        _ input: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext,
        training: Bool, random: inout RandomStream
    ) throws -> UnsafeMutablePointer<Float> {
        var current = input
        for (layer, child) in zip(layers, context.children) {
            current = try layer.forward(current, batch: batch, context: child, training: training, random: &random)
        }
        return current
    }

    override func backward(
        _ gradOutput: UnsafeMutablePointer<Float>, batch: Int, context: LayerContext, needInputGradient: Bool
    ) -> UnsafeMutablePointer<Float>? {
        let needs = Self.inputGradientNeeds(layers: layers, callerNeedsInputGradient: needInputGradient)
        return Self.backward(layers: layers, contexts: context.children, needs: needs, gradOutput: gradOutput, batch: batch)
    }

    /// For each layer, whether its backward must produce its input gradient: only while some
    /// layer before it has trainable weights (or the caller wants the gradient of the input).
    static func inputGradientNeeds(layers: [Layer], callerNeedsInputGradient: Bool) -> [Bool] {
        var needs = [Bool](repeating: callerNeedsInputGradient, count: layers.count)
        var earlierHasWeights = callerNeedsInputGradient
        for (i, layer) in layers.enumerated() {
            needs[i] = earlierHasWeights
            if !layer.trainableWeights.isEmpty { earlierHasWeights = true }
        }
        return needs
    }

    /// Runs `layers` backwards from `gradOutput`; returns the input gradient if `needs[0]`.
    static func backward(
        layers: [Layer], contexts: [LayerContext], needs: [Bool], gradOutput: UnsafeMutablePointer<Float>, batch: Int
    ) -> UnsafeMutablePointer<Float>? {
        var gradient: UnsafeMutablePointer<Float>? = gradOutput
        var i = layers.count - 1
        while i >= 0, let current = gradient {
            gradient = layers[i].backward(current, batch: batch, context: contexts[i], needInputGradient: needs[i])
            i -= 1
        }
        return layers.isEmpty ? gradOutput : gradient
    }

    /// Each trainable weight with its gradient from the last backward through `contexts`.
    static func gradients(layers: [Layer], contexts: [LayerContext], into pairs: inout [(Variable, UnsafePointer<Float>)]) {
        for (layer, context) in zip(layers, contexts) where layer.trainable {
            if let graph = layer as? GraphModel {
                graph.gradients(context: context, into: &pairs)
                continue
            }
            if let nested = layer as? Sequential {
                gradients(layers: nested.layers, contexts: context.children, into: &pairs)
                continue
            }
            for (variable, buffer) in zip(layer.weights, context.parameterGradients) where variable.trainable {
                pairs.append((variable, UnsafePointer(buffer.pointer)))
            }
        }
    }

    public override var config: [String: JSONValue] {
        var result = super.config
        var entries: [JSONValue] = []
        if let shape = modelInputShape {
            entries.append(.object(["class_name": .string("InputLayer"),
                                    "config": LayerConfig.object(["batch_shape": .array([.null] + shape.map { .int($0) }),
                                                                  "name": .string(inputLayerName ?? "input_layer")])]))
        }
        entries += layers.map(LayerConfig.describe)
        result["layers"] = .array(entries)
        return result
    }
}

/// What `compile` fixed: the optimizer, the loss and the metrics.
public struct CompiledState {
    public var optimizer: Optimizer
    public var loss: Loss
    public var metrics: [MetricSpec]
    /// For a model with several outputs, each output's loss and weight (then `loss` is
    /// unused); empty for one output.
    public var outputLosses: [OutputLoss]

    public init(optimizer: Optimizer, loss: Loss, metrics: [MetricSpec] = [], outputLosses: [OutputLoss] = []) {
        self.optimizer = optimizer
        self.loss = loss
        self.metrics = metrics
        self.outputLosses = outputLosses
    }
}

/// What can go wrong assembling or using a model; each description says what to change.
public enum ModelError: Error, CustomStringConvertible, Equatable, Sendable {
    case inputLayerNotFirst(model: String)
    case layerAlreadyAdded(model: String, layer: String)
    case empty(model: String)
    case notBuilt(model: String)
    case notCompiled(model: String)
    case inputShape(model: String, expected: [Int], got: [Int])
    case sampleCountMismatch(inputs: Int, targets: Int)
    case noData(String)
    case invalidArgument(String)

    public var description: String {
        switch self {
        case let .inputLayerNotFirst(model):
            return "Sequential model '\(model)' already has an input shape; an InputLayer can only be its first layer"
        case let .layerAlreadyAdded(model, layer):
            return "layer '\(layer)' is already part of model '\(model)'; make a new layer instead of adding the same one twice"
        case let .empty(model):
            return "Sequential model '\(model)' has no layers"
        case let .notBuilt(model):
            return "This model '\(model)' has not yet been built. Build the model first by calling `build()` or by calling the model on a batch of data, or give it an input shape: `Input(shape=...)` as the first layer, or `input_shape=` on the first layer."
        case let .notCompiled(model):
            return "You must call `compile()` before using the model '\(model)' for training or evaluation."
        case let .inputShape(model, expected, got):
            return "Input 0 of model '\(model)' is incompatible: expected shape=\(Shape.batchText(expected)), found shape=\(Shape.batchText(got))"
        case let .sampleCountMismatch(inputs, targets):
            return "Data cardinality is ambiguous: x has \(inputs) samples but y has \(targets). Make sure all arrays contain the same number of samples."
        case let .noData(message), let .invalidArgument(message):
            return message
        }
    }
}
