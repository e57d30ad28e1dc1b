/// Whole models to and from Keras 3's `config.json` (and Keras 2's `model_config`):
/// `{"module": "keras", "class_name": "Sequential", "config": {"name", "trainable", "dtype",
///   "layers": [InputLayer, ...]}, "registered_name": null, "build_config": {...},
///   "compile_config": {...}}`.
/// Per-layer descriptions go through `KerasLayerCodec`. Model classes are dispatched by
/// `class_name` in `decodeModel`: a functional model adds its case there (Keras names it
/// "Functional") and its weights walk in `KerasWeights`.
enum KerasModelCodec {
    static func isModel(_ className: String) -> Bool { ["Sequential", "Functional", "Model"].contains(className) }

    // MARK: Writing

    static func encode(_ model: Sequential, includeCompile: Bool) throws -> JSONValue {
        var layers: [JSONValue] = []
        if let shape = model.modelInputShape {
            layers.append(KerasLayerCodec.inputLayer(shape: shape, name: model.inputLayerName ?? "input_layer"))
        }
        for layer in model.layers { layers.append(try KerasLayerCodec.encode(layer)) }
        var config: [(String, JSONValue)] = [("name", .string(model.name)), ("trainable", .bool(model.trainable)),
                                             ("dtype", KerasLayerCodec.dtypePolicy), ("layers", .array(layers))]
        if let shape = model.modelInputShape { config.append(("build_input_shape", .array([.null] + shape.map { .int($0) }))) }
        var description: [(String, JSONValue)] = [("module", .string("keras")), ("class_name", .string("Sequential")),
                                                  ("config", .object(config)), ("registered_name", .null)]
        if let shape = model.modelInputShape { description.append(("build_config", KerasLayerCodec.buildConfig(shape))) }
        if includeCompile, let compiled = model.compiled { description.append(("compile_config", try encodeCompile(compiled))) }
        return .object(description)
    }

    static func encodeCompile(_ compiled: CompiledState) throws -> JSONValue {
        let loss: JSONValue
        if compiled.loss.fromLogits {
            loss = .object([("module", .string("keras.losses")), ("class_name", .string(compiled.loss.className)),
                            ("config", .object([("name", .string(compiled.loss.name)), ("reduction", .string("sum_over_batch_size")),
                                                ("from_logits", .bool(true))])),
                            ("registered_name", .null)])
        } else {
            loss = .string(compiled.loss.name)
        }
        return .object([
            ("optimizer", .object([("module", .string("keras.optimizers")), ("class_name", .string(compiled.optimizer.typeName)),
                                   ("config", LayerConfig.object(compiled.optimizer.config)), ("registered_name", .null)])),
            ("loss", loss), ("loss_weights", .null),
            ("metrics", compiled.metrics.isEmpty ? .null : .array(compiled.metrics.map { .string($0.name) })),
            ("weighted_metrics", .null), ("run_eagerly", .bool(false)), ("steps_per_execution", .int(1)), ("jit_compile", .bool(false)),
        ])
    }

    // MARK: Reading

    /// A model from its description, built when the description says its input shape.
    static func decodeModel(_ description: JSONValue, random: RandomSource) throws -> Sequential {
        let className = description["class_name"]?.stringValue ?? ""
        guard className == "Sequential" else {
            throw SerializationError.notImplemented("loading a '\(className)' model (the functional API) is not supported yet; only Sequential models load")
        }
        var config = try KerasConfigReader(className: className, config: description["config"])
        let model = try Sequential(name: try config.string("name", default: "sequential"), random: random)
        model.trainable = try config.bool("trainable", default: true)
        try config.checkDType()
        var inputShape = try config.batchShape("build_input_shape")
        for entry in config.value("layers")?.arrayValue ?? [] {
            if entry["class_name"]?.stringValue == "InputLayer" {
                var input = try KerasConfigReader(className: "InputLayer", config: entry["config"])
                guard let shape = try input.batchShape("batch_shape") ?? input.batchShape("batch_input_shape") else {
                    throw SerializationError.badConfig("InputLayer has no batch_shape")
                }
                try input.checkDType()
                input.ignore("sparse", "ragged", "optional")
                let name = try input.string("name", default: "input_layer")
                try input.finish()
                try model.add(try InputLayer(shape: shape, name: name))
                inputShape = nil
                continue
            }
            try model.add(try KerasLayerCodec.decode(entry, random: random))
        }
        try config.finish()
        if !model.isBuilt, let shape = inputShape ?? description["build_config"]?["input_shape"]?.arrayValue.map({ $0.dropFirst().compactMap(\.intValue) }) {
            try model.build(inputShape: shape)
        }
        return model
    }

    /// The compiled state from a Keras 3 `compile_config` (or Keras 2's `training_config`).
    static func decodeCompile(_ value: JSONValue) throws -> CompiledState {
        var config = try KerasConfigReader(className: "compile()", config: value)
        guard let optimizerValue = config.value("optimizer") ?? config.value("optimizer_config") else {
            throw SerializationError.badConfig("the compile config has no optimizer")
        }
        let optimizer = try decodeOptimizer(optimizerValue)
        guard let lossValue = config.value("loss") else { throw SerializationError.badConfig("the compile config has no loss") }
        let loss = try decodeLoss(lossValue)
        var metrics: [MetricSpec] = []
        for metric in config.value("metrics")?.arrayValue ?? [] {
            guard let name = metric.stringValue ?? metric["config"]?["name"]?.stringValue else {
                throw SerializationError.notImplemented("compile() with metric \(metric.text) is not supported")
            }
            do { metrics.append(try MetricSpec(named: name)) } catch {
                throw SerializationError.notImplemented("compile() with metric '\(name)' is not supported")
            }
        }
        config.ignore("run_eagerly", "steps_per_execution", "jit_compile", "auto_scale_loss", "is_legacy_optimizer")
        try config.finish()
        return CompiledState(optimizer: optimizer, loss: loss, metrics: metrics)
    }

    static func decodeOptimizer(_ value: JSONValue) throws -> Optimizer {
        if let name = value.stringValue { return try ModelFile.makeOptimizer(className: name, config: .object([])) }
        guard let className = value["class_name"]?.stringValue else { throw SerializationError.badConfig("an optimizer entry has no class_name") }
        var config = try KerasConfigReader(className: className, config: value["config"] ?? .object([]))
        // What makeOptimizer reads, and Keras's options that are off or unused at their defaults.
        for key in ["learning_rate", "clipvalue", "clipnorm", "beta_1", "beta_2", "epsilon", "momentum", "nesterov", "rho", "centered", "initial_accumulator_value"] {
            if let found = config.value(key), found.doubleValue == nil, found.boolValue == nil { throw config.unsupported(key, found) }
        }
        try config.expect("decay", .number(0))
        config.ignore("name", "ema_momentum")
        try config.finish()
        do { return try ModelFile.makeOptimizer(className: className, config: value["config"] ?? .object([])) } catch {
            throw SerializationError.notImplemented("the optimizer '\(className)' is not supported")
        }
    }

    static func decodeLoss(_ value: JSONValue) throws -> Loss {
        let name: String, fromLogits: Bool
        if let text = value.stringValue {
            (name, fromLogits) = (text, false)
        } else if let className = value["class_name"]?.stringValue {
            var config = try KerasConfigReader(className: className, config: value["config"] ?? .object([]))
            fromLogits = try config.bool("from_logits", default: false)
            try config.expect("reduction", .string("sum_over_batch_size"), .string("auto"))
            try config.expect("label_smoothing", .number(0))
            try config.expect("axis", .int(-1))
            config.ignore("name")
            try config.finish()
            name = className
        } else {
            throw SerializationError.notImplemented("compile() with loss \(value.text) (several outputs or a custom loss) is not supported")
        }
        var loss: Loss
        do { loss = try Loss(named: name) } catch { throw SerializationError.notImplemented("the loss '\(name)' is not supported") }
        switch loss {
        case .binaryCrossentropy: loss = .binaryCrossentropy(fromLogits: fromLogits)
        case .categoricalCrossentropy: loss = .categoricalCrossentropy(fromLogits: fromLogits)
        case .sparseCategoricalCrossentropy: loss = .sparseCategoricalCrossentropy(fromLogits: fromLogits)
        default: break
        }
        return loss
    }
}
