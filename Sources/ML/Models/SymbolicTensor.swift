/// A placeholder for data that will flow through a model (Keras's `KerasTensor`): what
/// `keras.Input(...)` returns and what calling a layer on such placeholders returns. It
/// records where it comes from, so that `Model(inputs, outputs)` can trace the graph.
public final class SymbolicTensor {
    /// The per-sample shape (without the batch axis).
    public let shape: [Int]
    /// The batch size fixed by `Input(batch_size=)`, shown in shapes; nil for `None`.
    public let batchSize: Int?
    /// The layer whose output this is (an `InputLayer` for inputs).
    public let layer: Layer
    /// The call that produced it; nil for a model input.
    public let call: LayerCall?
    /// Which call of `layer` produced it (Keras's node index).
    public let nodeIndex: Int
    /// Keras's automatic tensor name (`keras_tensor_3`).
    public let name: String

    init(shape: [Int], batchSize: Int?, layer: Layer, call: LayerCall?, nodeIndex: Int, name: String) {
        self.shape = shape
        self.batchSize = batchSize
        self.layer = layer
        self.call = call
        self.nodeIndex = nodeIndex
        self.name = name
    }

    /// A model input of `shape` made by `layer` (`keras.Input`).
    public static func input(_ layer: InputLayer, batchSize: Int?, name: String) -> SymbolicTensor {
        layer.inputShape = layer.shape
        layer.outputShape = layer.shape
        return SymbolicTensor(shape: layer.shape, batchSize: batchSize, layer: layer, call: nil, nodeIndex: 0, name: name)
    }

    /// The shape with its batch entry, as Keras prints it: `(None, 784)`.
    public var batchShapeText: String {
        "(" + ([batchSize.map(String.init) ?? "None"] + shape.map(String.init)).joined(separator: ", ") + ")"
    }

    /// Calls `layer` on `inputs` (one tensor, or several for a merge layer): builds the layer
    /// for their shapes now, as Keras does, and returns the placeholder of its output.
    /// - Throws: `LayerError` when the layer cannot take these inputs, `ModelError` for a
    ///   model with several inputs used as a layer.
    public static func apply(_ layer: Layer, to inputs: [SymbolicTensor], random: inout RandomStream, name: String) throws -> SymbolicTensor {
        guard let first = inputs.first else {
            throw LayerError.invalidArgument(layer: layer.name, message: "a layer must be called on at least one tensor")
        }
        if let merge = layer as? MergeLayer {
            try merge.build(inputShapes: inputs.map(\.shape))
        } else {
            guard inputs.count == 1 else {
                throw LayerError.invalidArgument(layer: layer.name, message: "layer '\(layer.name)' (\(layer.typeName)) takes one input, but it was called on \(inputs.count) tensors; merge them first, e.g. with layers.concatenate")
            }
            if let model = layer as? FunctionalModel, model.graph.inputCount != 1 {
                throw ModelError.invalidArgument("calling model '\(model.name)', which has \(model.graph.inputCount) inputs, as a layer is not supported by SwiftML")
            }
            if let model = layer as? Sequential {
                try model.prepare(sampleShape: first.shape)
            } else {
                try layer.build(inputShape: first.shape, random: &random)
            }
        }
        guard let output = layer.outputShape else { throw ModelError.notBuilt(model: layer.name) }
        let call = LayerCall(layer: layer, inputs: inputs)
        let index = layer.symbolicCallCount
        layer.symbolicCallCount += 1
        let tensor = SymbolicTensor(shape: output, batchSize: first.batchSize, layer: layer, call: call, nodeIndex: index, name: name)
        call.output = tensor
        return tensor
    }
}

/// One call of a layer on symbolic tensors: a node of a functional model's graph.
public final class LayerCall {
    public let layer: Layer
    public let inputs: [SymbolicTensor]
    /// The call's output (weak: the output owns the call).
    public internal(set) weak var output: SymbolicTensor?

    init(layer: Layer, inputs: [SymbolicTensor]) {
        self.layer = layer
        self.inputs = inputs
    }
}
