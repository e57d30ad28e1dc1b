/// A model built from a graph of layer calls (`keras.Model(inputs, outputs)`).
///
/// It trains, evaluates and predicts through `Sequential`'s loop with the graph as its one
/// layer, so speed, threading, progress and callbacks are the same; what differs is what
/// users see: its layers are the graph's, and data with several inputs or outputs is
/// packed per sample (see `GraphModel`) by `pack` before it reaches the loop.
public final class FunctionalModel: Sequential {
    public let graph: GraphModel
    /// The inputs' names: the input layers' names, or the keys of `inputs` given as a dict.
    public var inputNames: [String]
    /// The outputs' names: the producing layers' names, or the keys of a dict of outputs.
    public var outputNames: [String]

    /// - Throws: `ModelError` for a disconnected graph.
    public init(inputs: [SymbolicTensor], outputs: [SymbolicTensor], name: String, random: RandomSource) throws {
        let graph = try GraphModel(inputs: inputs, outputs: outputs, name: name)
        graph.declaredInputShape = graph.inputShape
        self.graph = graph
        inputNames = inputs.map(\.layer.name)
        outputNames = outputs.map(\.layer.name)
        try super.init(layers: [graph], name: name, random: random)
    }

    public override var typeName: String { "Functional" }

    /// Keras's `model.layers`: input layers first, each layer once.
    public var graphLayers: [Layer] { graph.layers }

    /// The per-sample shapes of the inputs and outputs.
    public var inputShapes: [[Int]] { graph.inputTensors.map(\.shape) }
    public var outputShapes: [[Int]] { graph.outputTensors.map(\.shape) }

    /// Several arrays of `samples` rows each, packed side by side per sample into one
    /// tensor of shape (samples, total elements per sample), in the model's input (or
    /// output) order.
    /// - Throws: `ModelError` when the count, the sample counts or a shape does not match.
    /// Without `shapes` (targets), each part keeps its own per-sample size.
    public static func pack(_ parts: [Tensor], shapes: [[Int]]?, what: String, model: String) throws -> Tensor {
        if let shapes, parts.count != shapes.count {
            throw ModelError.invalidArgument("model '\(model)' has \(shapes.count) \(what)s, but \(parts.count) arrays were given")
        }
        let shapes = shapes ?? parts.map { Array($0.shape.dropFirst()) }
        let adjusted = zip(parts, shapes).map { InputRank.adjusted($0, sampleShape: $1) }
        guard let samples = adjusted.first?.shape.first else { throw ModelError.invalidArgument("\(what) arrays need a batch axis") }
        for (k, (part, shape)) in zip(adjusted, shapes).enumerated() {
            guard part.rank >= 1, part.shape[0] == samples else {
                throw ModelError.sampleCountMismatch(inputs: samples, targets: part.shape.first ?? 0)
            }
            let sample = Array(part.shape.dropFirst())
            guard sample == shape || (sample.reduce(1, *) == shape.reduce(1, *) && sample.filter { $0 != 1 } == shape.filter { $0 != 1 }) else {
                throw ModelError.invalidArgument("\(what) \(k) of model '\(model)' is incompatible: expected shape=\(Shape.batchText(shape)), found shape=\(Shape.batchText(sample))")
            }
        }
        if adjusted.count == 1 { return adjusted[0] }
        let sizes = adjusted.map { Array($0.shape.dropFirst()).reduce(1, *) }, width = sizes.reduce(0, +)
        let packed = Tensor(uninitializedShape: [samples, width])
        var offset = 0
        for (part, size) in zip(adjusted, sizes) {
            for s in 0..<samples { (packed.storage + s * width + offset).update(from: part.storage + s * size, count: size) }
            offset += size
        }
        return packed
    }

    /// The packed outputs of `predict` split back into one array per output.
    public func unpackOutputs(_ packed: Tensor) -> [Tensor] {
        let shapes = outputShapes
        if shapes.count == 1 { return [packed] }
        let samples = packed.shape.first ?? 0
        let sizes = shapes.map { $0.reduce(1, *) }, width = sizes.reduce(0, +)
        var offset = 0
        return zip(shapes, sizes).map { shape, size in
            let part = Tensor(uninitializedShape: [samples] + shape)
            for s in 0..<samples { (part.storage + s * size).update(from: packed.storage + s * width + offset, count: size) }
            offset += size
            return part
        }
    }
}
