/// One layer to and from its Keras 3 description, as `config.json` stores it:
/// `{"module": "keras.layers", "class_name": "Dense", "config": {...}, "registered_name": null,
///   "build_config": {"input_shape": [null, 784]}}`.
/// Reading is strict (see `KerasConfigReader`): unknown classes and arguments raise
/// `SerializationError.notImplemented`. Nested models go through `KerasModelCodec`, which a
/// functional model can extend with its own class name.
enum KerasLayerCodec {
    // MARK: Writing

    static func encode(_ layer: Layer) throws -> JSONValue {
        if let model = layer as? Sequential { return try KerasModelCodec.encode(model, includeCompile: false) }
        var config: [(String, JSONValue)] = [("name", .string(layer.name)), ("trainable", .bool(layer.trainable)), ("dtype", dtypePolicy)]
        switch layer {
        case let dense as Dense:
            config += [("units", .int(dense.units)), ("activation", try activationName(dense.activation, in: layer)),
                       ("use_bias", .bool(dense.useBias)),
                       ("kernel_initializer", try initializer(dense.kernelInitializer)), ("bias_initializer", try initializer(dense.biasInitializer)),
                       ("kernel_regularizer", .null), ("bias_regularizer", .null), ("kernel_constraint", .null), ("bias_constraint", .null)]
        case let conv as Conv2D:
            config += [("filters", .int(conv.filters)), ("kernel_size", pair(conv.kernelSize)), ("strides", pair(conv.strides)),
                       ("padding", .string(conv.padding.rawValue)), ("data_format", .string("channels_last")),
                       ("dilation_rate", pair((1, 1))), ("groups", .int(1)),
                       ("activation", try activationName(conv.activation, in: layer)), ("use_bias", .bool(conv.useBias)),
                       ("kernel_initializer", try initializer(conv.kernelInitializer)), ("bias_initializer", try initializer(conv.biasInitializer)),
                       ("kernel_regularizer", .null), ("bias_regularizer", .null), ("activity_regularizer", .null),
                       ("kernel_constraint", .null), ("bias_constraint", .null)]
        case let pool as MaxPooling2D:
            config += [("pool_size", pair(pool.poolSize)), ("padding", .string(pool.padding.rawValue)),
                       ("strides", pair(pool.strides)), ("data_format", .string("channels_last"))]
        case is Flatten:
            config.append(("data_format", .string("channels_last")))
        case let reshape as Reshape:
            config.append(("target_shape", .array(reshape.targetShape.map { .int($0) })))
        case let dropout as Dropout:
            config += [("rate", .number(Double(dropout.rate))), ("seed", .null), ("noise_shape", .null)]
        case is Softmax:
            config.append(("axis", .int(-1)))
        case let activation as ActivationLayer:
            config.append(("activation", try activationName(activation.activation, in: layer)))
        default:
            throw SerializationError.notImplemented("saving a \(layer.typeName) layer in the Keras format is not supported")
        }
        var description: [(String, JSONValue)] = [("module", .string("keras.layers")), ("class_name", .string(layer.typeName)),
                                                  ("config", .object(config)), ("registered_name", .null)]
        if let shape = layer.inputShape { description.append(("build_config", buildConfig(shape))) }
        return .object(description)
    }

    /// The InputLayer entry Keras writes first in a built Sequential.
    static func inputLayer(shape: [Int], name: String) -> JSONValue {
        .object([("module", .string("keras.layers")), ("class_name", .string("InputLayer")),
                 ("config", .object([("batch_shape", .array([.null] + shape.map { .int($0) })), ("dtype", .string("float32")),
                                     ("sparse", .bool(false)), ("ragged", .bool(false)), ("name", .string(name)), ("optional", .bool(false))])),
                 ("registered_name", .null)])
    }

    static let dtypePolicy: JSONValue = .object([
        ("module", .string("keras")), ("class_name", .string("DTypePolicy")),
        ("config", .object([("name", .string("float32"))])), ("registered_name", .null),
    ])

    static func buildConfig(_ shape: [Int]) -> JSONValue {
        .object([("input_shape", .array([.null] + shape.map { .int($0) }))])
    }

    private static func pair(_ value: (Int, Int)) -> JSONValue { .array([.int(value.0), .int(value.1)]) }

    private static func activationName(_ activation: Activation, in layer: Layer) throws -> JSONValue {
        switch activation {
        case let .leakyRelu(alpha) where alpha != 0.2:
            throw SerializationError.notImplemented("saving '\(layer.name)' with leaky_relu(alpha=\(alpha)) in the Keras format is not supported (Keras's 'leaky_relu' string means alpha 0.2)")
        case let .elu(alpha) where alpha != 1:
            throw SerializationError.notImplemented("saving '\(layer.name)' with elu(alpha=\(alpha)) in the Keras format is not supported")
        default:
            return .string(activation.name)
        }
    }

    private static func initializer(_ initializer: Initializer) throws -> JSONValue {
        let className: String
        var config: [(String, JSONValue)] = []
        switch initializer {
        case .glorotUniform: className = "GlorotUniform"; config = [("seed", .null)]
        case .glorotNormal: className = "GlorotNormal"; config = [("seed", .null)]
        case .heNormal: className = "HeNormal"; config = [("seed", .null)]
        case .heUniform: className = "HeUniform"; config = [("seed", .null)]
        case .lecunNormal: className = "LecunNormal"; config = [("seed", .null)]
        case .lecunUniform: className = "LecunUniform"; config = [("seed", .null)]
        case .zeros: className = "Zeros"
        case .ones: className = "Ones"
        case let .constant(value): className = "Constant"; config = [("value", .number(Double(value)))]
        case let .randomUniform(minval, maxval):
            className = "RandomUniform"; config = [("seed", .null), ("minval", .number(Double(minval))), ("maxval", .number(Double(maxval)))]
        case let .randomNormal(mean, stddev):
            className = "RandomNormal"; config = [("seed", .null), ("mean", .number(Double(mean))), ("stddev", .number(Double(stddev)))]
        }
        return .object([("module", .string("keras.initializers")), ("class_name", .string(className)),
                        ("config", .object(config)), ("registered_name", .null)])
    }

    // MARK: Reading

    /// A layer, unbuilt, from its description (Keras 3, or Keras 2's legacy form without
    /// `module`). `InputLayer` is handled by the model codec.
    static func decode(_ description: JSONValue, random: RandomSource) throws -> Layer {
        guard let className = description["class_name"]?.stringValue else {
            throw SerializationError.badConfig("a layer entry has no class_name")
        }
        if KerasModelCodec.isModel(className) { return try KerasModelCodec.decodeModel(description, random: random) }
        var config = try KerasConfigReader(className: className, config: description["config"])
        let name = try config.string("name", default: className.lowercased())
        let trainable = try config.bool("trainable", default: true)
        try config.checkDType()
        // Keras 2 puts the model's input shape on its first layer.
        let declared = try config.batchShape("batch_input_shape")
        config.ignore("input_dtype")
        let layer: Layer
        switch className {
        case "Dense":
            layer = try Dense(
                units: try config.int("units"), activation: try activation(&config), useBias: try config.bool("use_bias", default: true),
                kernelInitializer: try initializer(&config, "kernel_initializer", default: .glorotUniform),
                biasInitializer: try initializer(&config, "bias_initializer", default: .zeros), name: name)
        case "Conv2D":
            try config.expect("data_format", .string("channels_last"))
            try config.expect("groups", .int(1))
            if let dilation = try config.pair("dilation_rate", default: (1, 1)), dilation != (1, 1) {
                throw SerializationError.notImplemented("Conv2D with dilation_rate=\(dilation) is not supported")
            }
            guard let kernelSize = try config.pair("kernel_size", default: nil) else { throw SerializationError.badConfig("Conv2D '\(name)' has no kernel_size") }
            layer = try Conv2D(
                filters: try config.int("filters"), kernelSize: kernelSize,
                strides: try config.pair("strides", default: (1, 1)) ?? (1, 1),
                padding: try Padding(named: try config.string("padding", default: "valid")),
                activation: try activation(&config), useBias: try config.bool("use_bias", default: true),
                kernelInitializer: try initializer(&config, "kernel_initializer", default: .glorotUniform),
                biasInitializer: try initializer(&config, "bias_initializer", default: .zeros), name: name)
        case "MaxPooling2D", "MaxPool2D":
            try config.expect("data_format", .string("channels_last"))
            let poolSize = try config.pair("pool_size", default: (2, 2)) ?? (2, 2)
            layer = try MaxPooling2D(poolSize: poolSize, strides: try config.pair("strides", default: nil),
                                     padding: try Padding(named: try config.string("padding", default: "valid")), name: name)
        case "Flatten":
            try config.expect("data_format", .string("channels_last"))
            layer = Flatten(name: name)
        case "Reshape":
            guard let target = try config.ints("target_shape") else { throw SerializationError.badConfig("Reshape '\(name)' has no target_shape") }
            layer = try Reshape(targetShape: target, name: name)
        case "Dropout":
            config.ignore("seed")
            layer = try Dropout(rate: Float(try config.double("rate", default: 0.5)), name: name)
        case "Activation":
            layer = ActivationLayer(try activation(&config), name: name)
        case "Softmax":
            try config.expect("axis", .int(-1))
            layer = Softmax(name: name)
        default:
            throw SerializationError.notImplemented("the layer class '\(className)' is not supported (SwiftML reads \(supportedClasses.joined(separator: ", ")))")
        }
        try config.finish()
        layer.trainable = trainable
        if let declared { layer.declaredInputShape = declared }
        return layer
    }

    static let supportedClasses = ["InputLayer", "Dense", "Conv2D", "MaxPooling2D", "Flatten", "Reshape", "Dropout", "Activation", "Softmax", "Sequential"]

    private static func activation(_ config: inout KerasConfigReader) throws -> Activation {
        guard let value = config.value("activation") else { return .linear }
        guard let name = value.stringValue else { throw config.unsupported("activation", value) }
        do { return try Activation(named: name) } catch {
            throw SerializationError.notImplemented("\(config.className) with activation '\(name)' is not supported")
        }
    }

    /// An initializer from a name or a `{"class_name": ..., "config": ...}` object.
    private static func initializer(_ config: inout KerasConfigReader, _ key: String, default fallback: Initializer) throws -> Initializer {
        guard let value = config.value(key) else { return fallback }
        if let name = value.stringValue {
            do { return try Initializer(named: name) } catch { throw config.unsupported(key, value) }
        }
        guard let className = value["class_name"]?.stringValue else { throw config.unsupported(key, value) }
        var arguments = try KerasConfigReader(className: className, config: value["config"] ?? .object([]))
        arguments.ignore("seed")
        let result: Initializer
        switch className {
        case "Constant": result = .constant(Float(try arguments.double("value", default: 0)))
        case "RandomUniform":
            result = .randomUniform(minval: Float(try arguments.double("minval", default: -0.05)), maxval: Float(try arguments.double("maxval", default: 0.05)))
        case "RandomNormal":
            result = .randomNormal(mean: Float(try arguments.double("mean", default: 0)), stddev: Float(try arguments.double("stddev", default: 0.05)))
        default:
            // GlorotUniform -> glorot_uniform, as Initializer(named:) spells them.
            do { result = try Initializer(named: className) } catch { throw config.unsupported(key, value) }
            arguments.ignore("input_axes", "output_axes")
        }
        try arguments.finish()
        return result
    }
}
