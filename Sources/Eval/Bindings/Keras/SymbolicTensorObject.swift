import ML

/// `keras.Input(...)` and what calling a layer on it returns (Keras's `KerasTensor`): a
/// placeholder that records the calls, for `keras.Model(inputs, outputs)`.
final class SymbolicTensorObject: PyObject {
    let tensor: SymbolicTensor

    init(_ tensor: SymbolicTensor) { self.tensor = tensor }

    var pyType: PyType { SymbolicTensorObject.type }

    func repr(_ interpreter: Runtime) throws -> String {
        "<KerasTensor shape=\(tensor.batchShapeText), dtype=float32, sparse=False, ragged=False, name=\(tensor.name)>"
    }

    static let type = PyType("KerasTensor", module: "keras", doc: """
        A symbolic tensor: the input of a functional model (keras.Input) or a layer's output
        on one. Call layers on it, then make a model with keras.Model(inputs, outputs).
        """) { t in
        t.property("shape", of: SymbolicTensorObject.self, doc: "The shape, batch entry first (None unless batch_size was given).") { o, _ in
            .tuple([o.tensor.batchSize.map(Value.int) ?? .none] + o.tensor.shape.map(Value.int))
        }
        t.property("dtype", of: SymbolicTensorObject.self, doc: "Always 'float32' in SwiftML.") { _, _ in .string("float32") }
        t.property("name", of: SymbolicTensorObject.self, doc: "The tensor's name.") { o, _ in .string(o.tensor.name) }
        t.property("ndim", of: SymbolicTensorObject.self, doc: "Rank, with the batch axis.") { o, _ in .int(o.tensor.shape.count + 1) }
    }

    /// `keras.Input(shape, batch_size, name, dtype, ...)`.
    static func makeInput(_ args: BoundArguments, _ interpreter: Runtime) throws -> Value {
        for unsupported in ["sparse", "tensor"] where try args.optional(unsupported).map({ try interpreter.truthiness($0) }) ?? false {
            throw PyError(.notImplementedError, "Input(\(unsupported)=...) is not supported by SwiftML")
        }
        if let dtype = args.optional("dtype") {
            let text = try interpreter.str(dtype)
            guard text.contains("float32") || text.contains("float") else {
                throw PyError(.notImplementedError, "Input(dtype=\(text)) is not supported by SwiftML: models compute in float32")
            }
        }
        var shape: [Int]
        var batchSize = try args.optionalInt("batch_size")
        if let value = args.optional("shape") {
            shape = try LayerTypes.sampleShape(value, argument: "shape", interpreter)
        } else if let batch = args.optional("batch_shape") {
            let items = try interpreter.collect(batch)
            if let first = items.first, !first.isNone { batchSize = first.asIndex }
            shape = try items.dropFirst().map { item in
                guard let n = item.asIndex, n > 0 else { throw PyError(.valueError, "batch_shape must be (None or batch size, ...positive ints)") }
                return n
            }
        } else {
            throw PyError(.valueError, "You must pass a `shape` argument: Input(shape=(28, 28)) gives one sample's shape, without the batch size")
        }
        if let batchSize, batchSize <= 0 { throw PyError(.valueError, "batch_size must be a positive integer, got \(batchSize)") }
        if shape.isEmpty { shape = [1] }
        let state = KerasState.of(interpreter)
        let given = try args.optionalString("name")
        let layer = try InputLayer(shape: shape, name: try given ?? LayerTypes.name(args, prefix: "input_layer", interpreter))
        // Keras names the tensor after the input when given a name.
        let tensor = SymbolicTensor.input(layer, batchSize: batchSize, name: given ?? state.uniqueName("keras_tensor"))
        return .object(SymbolicTensorObject(tensor))
    }

    /// The symbolic tensors in `value`: one, or a list/tuple of them; nil when `value` holds
    /// none (an eager call on data).
    static func tensors(_ value: Value, _ interpreter: Runtime) throws -> [SymbolicTensor]? {
        if let one = value.object(as: SymbolicTensorObject.self) { return [one.tensor] }
        guard value.object(as: ListObject.self) != nil || value.object(as: TupleObject.self) != nil else { return nil }
        let items = try interpreter.collect(value)
        let tensors = items.compactMap { $0.object(as: SymbolicTensorObject.self)?.tensor }
        if tensors.isEmpty { return nil }
        guard tensors.count == items.count else {
            throw PyError(.valueError, "a layer's inputs must all be Keras tensors (from keras.Input or other layers) or all be data")
        }
        return tensors
    }

    /// Calls `layer` on symbolic inputs and wraps its output.
    static func apply(_ layer: Layer, to inputs: [SymbolicTensor], _ interpreter: Runtime) throws -> Value {
        let state = KerasState.of(interpreter)
        return .object(SymbolicTensorObject(try SymbolicTensor.apply(layer, to: inputs, random: &state.random.stream, name: state.uniqueName("keras_tensor"))))
    }
}
