import ML

/// A Keras layer as a value (`tf.keras.layers.Dense(128)`); `ModelObject` extends it for
/// `Sequential`. Calling it on a batch (`layer(x)`) runs it eagerly, recorded by tapes.
class LayerObject: PyObject, CallableObject {
    let layer: Layer

    init(_ layer: Layer) { self.layer = layer }

    var pyType: PyType { LayerTypes.type(for: layer) }

    func repr(_ interpreter: Runtime) throws -> String {
        "<\(layer.typeName) name=\(layer.name), built=\(layer.isBuilt ? "True" : "False")>"
    }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        let signature = try Signature("__call__(inputs, training=None, mask=None)")
        let args = try signature.bind(arguments)
        let inputs = args["inputs"]
        if let symbolic = try SymbolicTensorObject.tensors(inputs, interpreter) {
            return try SymbolicTensorObject.apply(layer, to: symbolic, interpreter)
        }
        if inputs.object(as: LayerObject.self)?.layer is InputLayer {
            throw PyError(.typeError, "a layer is called on a tensor, not on an InputLayer: use keras.Input(shape=...), which returns one")
        }
        if layer is MergeLayer {
            throw PyError(.notImplementedError, "calling \(layer.typeName) on data (outside a functional model) is not supported by SwiftML; call it on keras.Input tensors")
        }
        let state = KerasState.of(interpreter)
        let training = try args.optional("training").map { try interpreter.truthiness($0) } ?? false
        return TensorTypes.wrap(try state.eager.call(layer, try TensorTypes.tensor(inputs, interpreter), training: training, random: state.random))
    }
}

/// The layer types and what they share.
enum LayerTypes {
    static func type(for layer: Layer) -> PyType {
        switch layer {
        case is FunctionalModel: FunctionalTypes.model
        case is Sequential: ModelTypes.sequential
        case is MergeLayer: MergeLayerTypes.type(for: layer)
        case is Dense: dense
        case is Conv2D: conv2D
        case is MaxPooling2D: maxPooling2D
        case is Flatten: flatten
        case is Reshape: reshape
        case is Dropout: dropout
        case is Softmax: softmax
        case is ActivationLayer: activation
        case is InputLayer: inputLayer
        default: base
        }
    }

    /// Keras's snake_case prefix for automatic names (`max_pooling2d`).
    static func namePrefix(_ typeName: String) -> String {
        var result = ""
        let characters = Array(typeName)
        for (i, ch) in characters.enumerated() {
            if ch.isUppercase, i > 0, characters[i - 1].isLowercase { result.append("_") }
            result.append(contentsOf: ch.lowercased())
        }
        return result
    }

    /// `name=` or the next automatic name for the type.
    static func name(_ args: BoundArguments, prefix: String, _ interpreter: Runtime) throws -> String {
        try args.optionalString("name") ?? KerasState.of(interpreter).uniqueName(prefix)
    }

    /// A per-sample shape: an int or a tuple/list of positive ints.
    static func sampleShape(_ value: Value, argument: String, _ interpreter: Runtime) throws -> [Int] {
        if let n = value.asIndex { return [n] }
        let items = try interpreter.collect(value)
        return try items.map { item in
            guard let n = item.asIndex, n > 0 else {
                throw PyError(.valueError, "\(argument) must be a tuple of positive integers (the shape of one sample, without the batch size), got \(try interpreter.repr(value))")
            }
            return n
        }
    }

    /// Applies the arguments every layer takes: `input_shape`, `trainable`.
    static func applyCommon(_ args: BoundArguments, to layer: Layer, _ interpreter: Runtime) throws -> Value {
        if let shape = args.optional("input_shape") {
            layer.declaredInputShape = try sampleShape(shape, argument: "input_shape", interpreter)
        }
        if args.isGiven("trainable") { layer.trainable = try args.bool("trainable") }
        return .object(KerasState.of(interpreter).wrapper(for: layer))
    }

    static func unsupported(_ args: BoundArguments, _ names: [String], layer: String) throws {
        for name in names where args.optional(name) != nil {
            throw PyError(.notImplementedError, "\(layer)(\(name)=...) is not supported by SwiftML")
        }
    }

    static func pair(_ value: Value, argument: String, _ interpreter: Runtime) throws -> (Int, Int) {
        if let n = value.asIndex { return (n, n) }
        let items = try interpreter.collect(value).compactMap(\.asIndex)
        guard items.count == 2 else { throw PyError(.valueError, "\(argument) must be an int or a tuple of 2 ints, got \(try interpreter.repr(value))") }
        return (items[0], items[1])
    }

    static func variables(_ list: [Variable]) -> Value { .list(list.map { .object(VariableObject($0)) }) }

    static func batchShape(_ shape: [Int]?) -> Value {
        guard let shape else { return .none }
        return .tuple([.none] + shape.map(Value.int))
    }

    static func configValue(_ json: JSONValue) -> Value {
        switch json {
        case .null: return .none
        case .bool(let b): return .bool(b)
        case .number(let n): return n.rounded() == n && n.magnitude < 1e15 ? .int(Int(n)) : .float(n)
        case .string(let s): return .string(s)
        case .array(let items): return .tuple(items.map(configValue))
        case .object(let pairs): return .dict(pairs.map { ($0.0, configValue($0.1)) })
        }
    }

    static let base = PyType("Layer", module: "keras.layers", doc: "The base of all layers.") { t in
        t.property("name", of: LayerObject.self, doc: "The layer's name.") { o, _ in .string(o.layer.name) }
        t.property("trainable", of: LayerObject.self, get: { o, _ in .bool(o.layer.trainable) },
                   set: { o, v, interpreter in o.layer.trainable = try interpreter.truthiness(v) })
        t.property("built", of: LayerObject.self, doc: "Whether the weights exist.") { o, _ in .bool(o.layer.isBuilt) }
        t.property("weights", of: LayerObject.self, doc: "All weights, as variables.") { o, _ in variables(o.layer.weights) }
        t.property("variables", of: LayerObject.self, doc: "All weights, as variables.") { o, _ in variables(o.layer.weights) }
        t.property("trainable_weights", of: LayerObject.self, doc: "The weights training updates.") { o, _ in variables(o.layer.trainableWeights) }
        t.property("trainable_variables", of: LayerObject.self, doc: "The weights training updates.") { o, _ in variables(o.layer.trainableWeights) }
        t.property("non_trainable_weights", of: LayerObject.self, doc: "Weights training leaves alone.") { o, _ in
            let trainable = Set(o.layer.trainableWeights.map(ObjectIdentifier.init))
            return variables(o.layer.weights.filter { !trainable.contains(ObjectIdentifier($0)) })
        }
        t.property("input_shape", of: LayerObject.self, doc: "The input shape, (None, ...).") { o, _ in batchShape(o.layer.inputShape ?? o.layer.declaredInputShape) }
        t.property("output_shape", of: LayerObject.self, doc: "The output shape, (None, ...).") { o, _ in batchShape(o.layer.outputShape) }
        t.property("dtype", of: LayerObject.self, doc: "Always 'float32'.") { _, _ in .string("float32") }
        t.method("get_weights()", of: LayerObject.self, doc: "The weights as a list of NumPy arrays (kernel before bias).") { o, _, _ in
            .list(try o.layer.getWeights().map { ArrayConversion.wrap(try $0.ndarray()) })
        }
        t.method("set_weights(weights)", of: LayerObject.self, doc: "Replaces the weights with a list of arrays of the same shapes.") { o, args, interpreter in
            let values = try interpreter.collect(args["weights"]).map { try TensorTypes.tensor($0, interpreter) }
            try o.layer.setWeights(values)
            return .none
        }
        t.method("count_params()", of: LayerObject.self, doc: "Number of weight elements.") { o, _, _ in .int(o.layer.parameterCount) }
        t.method("get_config()", of: LayerObject.self, doc: "The constructor arguments, as Keras saves them.") { o, _, _ in
            configValue(o.layer.configJSON)
        }
    }

    static let dense = PyType("Dense", module: "keras.layers", doc: """
        A fully connected layer: output = activation(dot(input, kernel) + bias).

        Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform',
              bias_initializer='zeros', input_shape=None, name=None)
        """, base: base) { t in
        t.constructor("Dense(units, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None, input_shape=None, input_dim=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            try unsupported(args, ["kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"], layer: "Dense")
            let layer = try Dense(units: try args.int("units"), activation: try ActivationFunctionObject.activation(args["activation"], interpreter),
                                  useBias: try args.bool("use_bias"),
                                  kernelInitializer: try InitializerObject.initializer(args["kernel_initializer"], interpreter),
                                  biasInitializer: try InitializerObject.initializer(args["bias_initializer"], interpreter),
                                  name: try name(args, prefix: "dense", interpreter))
            if let inputs = try args.optionalInt("input_dim") { layer.declaredInputShape = [inputs] }
            return try applyCommon(args, to: layer, interpreter)
        }
        t.property("units", of: LayerObject.self, doc: "Number of outputs.") { o, _ in .int((o.layer as? Dense)?.units ?? 0) }
        t.property("activation", of: LayerObject.self, doc: "The activation function.") { o, _ in
            .object(ActivationFunctionObject((o.layer as? Dense)?.activation ?? .linear, module: "keras.activations"))
        }
        t.property("use_bias", of: LayerObject.self, doc: "Whether there is a bias.") { o, _ in .bool((o.layer as? Dense)?.useBias ?? false) }
        t.property("kernel", of: LayerObject.self, doc: "The kernel variable, (inputs, units).") { o, _ in
            o.layer.weights.first.map { .object(VariableObject($0)) } ?? .none
        }
        t.property("bias", of: LayerObject.self, doc: "The bias variable, (units,).") { o, _ in
            o.layer.weights.count > 1 ? .object(VariableObject(o.layer.weights[1])) : .none
        }
    }

    static let conv2D = PyType("Conv2D", module: "keras.layers", doc: """
        A 2-D convolution over channels-last images (batch, height, width, channels).

        Conv2D(filters, kernel_size, strides=(1, 1), padding='valid', activation=None,
               use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros',
               input_shape=None, name=None)
        """, base: base) { t in
        t.constructor("Conv2D(filters, kernel_size, strides=(1, 1), padding='valid', data_format=None, dilation_rate=(1, 1), groups=1, activation=None, use_bias=True, kernel_initializer='glorot_uniform', bias_initializer='zeros', kernel_regularizer=None, bias_regularizer=None, activity_regularizer=None, kernel_constraint=None, bias_constraint=None, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            try unsupported(args, ["kernel_regularizer", "bias_regularizer", "activity_regularizer", "kernel_constraint", "bias_constraint"], layer: "Conv2D")
            if let format = try args.optionalString("data_format"), format != "channels_last" {
                throw PyError(.notImplementedError, "Conv2D(data_format='\(format)') is not supported; SwiftML images are channels_last (batch, height, width, channels)")
            }
            guard try pair(args["dilation_rate"], argument: "dilation_rate", interpreter) == (1, 1), try args.int("groups") == 1 else {
                throw PyError(.notImplementedError, "Conv2D dilation_rate and groups other than 1 are not supported")
            }
            let layer = try Conv2D(filters: try args.int("filters"), kernelSize: try pair(args["kernel_size"], argument: "kernel_size", interpreter),
                                   strides: try pair(args["strides"], argument: "strides", interpreter),
                                   padding: try Padding(named: try args.string("padding")),
                                   activation: try ActivationFunctionObject.activation(args["activation"], interpreter),
                                   useBias: try args.bool("use_bias"),
                                   kernelInitializer: try InitializerObject.initializer(args["kernel_initializer"], interpreter),
                                   biasInitializer: try InitializerObject.initializer(args["bias_initializer"], interpreter),
                                   name: try name(args, prefix: "conv2d", interpreter))
            return try applyCommon(args, to: layer, interpreter)
        }
        t.property("filters", of: LayerObject.self, doc: "Number of output channels.") { o, _ in .int((o.layer as? Conv2D)?.filters ?? 0) }
        t.property("kernel_size", of: LayerObject.self, doc: "The window size.") { o, _ in
            guard let c = o.layer as? Conv2D else { return .none }
            return .tuple([.int(c.kernelSize.0), .int(c.kernelSize.1)])
        }
        t.property("kernel", of: LayerObject.self, doc: "The kernel variable, (kh, kw, in, filters).") { o, _ in
            o.layer.weights.first.map { .object(VariableObject($0)) } ?? .none
        }
        t.property("bias", of: LayerObject.self, doc: "The bias variable.") { o, _ in
            o.layer.weights.count > 1 ? .object(VariableObject(o.layer.weights[1])) : .none
        }
    }

    static let maxPooling2D = PyType("MaxPooling2D", module: "keras.layers", doc: """
        Max pooling over channels-last images.

        MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid', name=None)
        """, base: base) { t in
        t.constructor("MaxPooling2D(pool_size=(2, 2), strides=None, padding='valid', data_format=None, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            let strides = try args.optional("strides").map { try pair($0, argument: "strides", interpreter) }
            let layer = try MaxPooling2D(poolSize: try pair(args["pool_size"], argument: "pool_size", interpreter), strides: strides,
                                         padding: try Padding(named: try args.string("padding")), name: try name(args, prefix: "max_pooling2d", interpreter))
            return try applyCommon(args, to: layer, interpreter)
        }
    }

    static let flatten = PyType("Flatten", module: "keras.layers", doc: "Flattens each sample: (None, 28, 28) becomes (None, 784).\n\nFlatten(input_shape=None, name=None)", base: base) { t in
        t.constructor("Flatten(data_format=None, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            try applyCommon(args, to: Flatten(name: try name(args, prefix: "flatten", interpreter)), interpreter)
        }
    }

    static let reshape = PyType("Reshape", module: "keras.layers", doc: "Gives each sample a new shape with the same size (one extent may be -1).\n\nReshape(target_shape, input_shape=None, name=None)", base: base) { t in
        t.constructor("Reshape(target_shape, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            let target = try interpreter.collect(args["target_shape"]).map { item -> Int in
                guard let n = item.asIndex else { throw PyError(.typeError, "target_shape must be a tuple of ints") }
                return n
            }
            return try applyCommon(args, to: try Reshape(targetShape: target, name: try name(args, prefix: "reshape", interpreter)), interpreter)
        }
        t.property("target_shape", of: LayerObject.self, doc: "The requested shape.") { o, _ in
            .tuple(((o.layer as? Reshape)?.targetShape ?? []).map(Value.int))
        }
    }

    static let dropout = PyType("Dropout", module: "keras.layers", doc: "Zeroes a fraction `rate` of its inputs during training (scaling the rest by 1/(1-rate)).\n\nDropout(rate, name=None)", base: base) { t in
        t.constructor("Dropout(rate, noise_shape=None, seed=None, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            try unsupported(args, ["noise_shape"], layer: "Dropout")
            return try applyCommon(args, to: try Dropout(rate: Float(try args.double("rate")), name: try name(args, prefix: "dropout", interpreter)), interpreter)
        }
        t.property("rate", of: LayerObject.self, doc: "The fraction dropped.") { o, _ in .float(Double((o.layer as? Dropout)?.rate ?? 0)) }
    }

    static let activation = PyType("Activation", module: "keras.layers", doc: "Applies an activation function.\n\nActivation(activation, name=None)", base: base) { t in
        t.constructor("Activation(activation, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            let function = try ActivationFunctionObject.activation(args["activation"], interpreter)
            return try applyCommon(args, to: ActivationLayer(function, name: try name(args, prefix: "activation", interpreter)), interpreter)
        }
    }

    static let softmax = PyType("Softmax", module: "keras.layers", doc: "Softmax over the last axis.\n\nSoftmax(axis=-1, name=None)", base: base) { t in
        t.constructor("Softmax(axis=-1, input_shape=None, name=None, trainable=True, dtype=None)") { args, interpreter in
            guard try args.int("axis") == -1 else { throw PyError(.notImplementedError, "Softmax over an axis other than the last (-1) is not supported") }
            return try applyCommon(args, to: Softmax(name: try name(args, prefix: "softmax", interpreter)), interpreter)
        }
    }

    static let inputLayer = PyType("InputLayer", module: "keras.layers", doc: """
        Declares a model's input shape (one sample's shape, without the batch size).

        InputLayer(shape) — also Keras 2's InputLayer(input_shape=...); keras.Input(shape=...)
        stands for the same thing as the first entry of a Sequential.
        """, base: base) { t in
        t.constructor("InputLayer(shape=None, batch_size=None, dtype=None, sparse=None, batch_shape=None, input_tensor=None, optional=False, name=None, input_shape=None)") { args, interpreter in
            try makeInput(args, interpreter)
        }
        t.property("shape", of: LayerObject.self, doc: "The batch shape, (None, ...).") { o, _ in batchShape((o.layer as? InputLayer)?.shape) }
    }

    /// `InputLayer(...)` and `keras.Input(...)`: the per-sample shape from `shape`,
    /// `input_shape`, or `batch_shape` without its first entry.
    static func makeInput(_ args: BoundArguments, _ interpreter: Runtime) throws -> Value {
        var shape: [Int]
        if let value = args.optional("shape") ?? args.optional("input_shape") {
            shape = try sampleShape(value, argument: "shape", interpreter)
        } else if let batch = args.optional("batch_shape") {
            shape = try Array(interpreter.collect(batch).dropFirst()).map { item in
                guard let n = item.asIndex else { throw PyError(.valueError, "batch_shape must be (None or batch size, ...ints)") }
                return n
            }
        } else {
            throw PyError(.valueError, "An Input needs a shape: Input(shape=(28, 28)) gives one sample's shape, without the batch size")
        }
        if shape.isEmpty { shape = [1] }
        let layer = try InputLayer(shape: shape, name: try name(args, prefix: "input_layer", interpreter))
        return .object(KerasState.of(interpreter).wrapper(for: layer))
    }
}
