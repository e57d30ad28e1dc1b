/// Saving and loading whole models (`model.save`, `tf.keras.models.load_model`) and their
/// weights (`save_weights`, `load_weights`): Keras's own formats (`KerasFormat`) are written
/// and read; SwiftML's earlier format (a zip with `model.weights.safetensors`, described in
/// `ModelFormat.md`) and safetensors weights are still read.
public enum ModelFile {
    /// Writes `model` in Keras's format for the name: Keras 3 `.keras`, or Keras's legacy
    /// HDF5 for `.h5` (as Keras 3 does).
    /// - Throws: `SerializationError` for an unbuilt model, a layer Keras files cannot
    ///   describe, or a path it cannot write.
    public static func save(_ model: Sequential, to path: String) throws {
        try checkPath(path)
        guard model.isBuilt else { throw SerializationError.badConfig(ModelError.notBuilt(model: model.name).description) }
        if path.hasSuffix(".h5") {
            try write(KerasFormat.writeLegacy(model, path: path), to: path)
        } else {
            try write(KerasFormat.writeArchive(model, path: path), to: path)
        }
    }

    /// Reads a model saved by Keras 3 (`.keras`), Keras 2 (`.h5`), or an earlier SwiftML,
    /// built, with its weights, and (with `compile`) compiled as saved.
    /// - Throws: `SerializationError` or `HDF5Error` naming what is missing, malformed or
    ///   not supported; a file is never loaded with some weights left fresh.
    public static func load(from path: String, random: RandomSource, compile: Bool = true) throws -> Sequential {
        try checkPath(path)
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch { throw SerializationError.badFile(path: path, reason: "\(error)") }
        if bytes.starts(with: HDF5Library.signature) {
            return try KerasFormat.readLegacy(try HDF5Reader.read(bytes, name: path), path: path, random: random, compile: compile)
        }
        let entries: [ZipArchive.Entry]
        do { entries = try ZipArchive.read(bytes, name: path) } catch {
            throw SerializationError.badFile(path: path, reason: "not a Keras model file (neither a .keras zip nor HDF5: \(error))")
        }
        guard let configEntry = entries.first(where: { $0.name == "config.json" }) else {
            throw SerializationError.badFile(path: path, reason: "it has no config.json")
        }
        let config = try JSONValue.parse(bytes: configEntry.bytes)
        if config["format"]?.stringValue == formatName {
            let model = try loadSwiftMLArchive(entries, config: config, path: path, random: random)
            if !compile { model.compiled = nil }
            return model
        }
        return try KerasFormat.readArchive(entries, config: config, path: path, random: random, compile: compile)
    }

    /// Writes only the weights: Keras 3's HDF5 layout for `.h5` names (`.weights.h5`),
    /// safetensors otherwise.
    public static func saveWeights(_ model: Sequential, to path: String) throws {
        try checkPath(path)
        guard model.isBuilt else { throw SerializationError.badConfig(ModelError.notBuilt(model: model.name).description) }
        if path.hasSuffix(".h5") {
            try write(HDF5Writer.write(KerasWeights.tree(for: model, includeOptimizer: false), name: path), to: path)
        } else {
            try write(Safetensors.encode(weightTensors(model), metadata: ["format": "pt"]), to: path)
        }
    }

    /// Reads weights into a model of the same layers from a Keras 3 `.weights.h5` or `.keras`,
    /// a Keras 2 `.h5` (model or weights), or SwiftML's safetensors and earlier `.keras`.
    public static func loadWeights(_ model: Sequential, from path: String) throws {
        try checkPath(path)
        let bytes: [UInt8]
        do { bytes = try FileBytes.read(path) } catch { throw SerializationError.badFile(path: path, reason: "\(error)") }
        if bytes.starts(with: HDF5Library.signature) {
            let root = try HDF5Reader.read(bytes, name: path)
            if root.attributes["layer_names"] != nil {
                try KerasWeights.assignLegacy(root, to: model, file: path)
            } else if let legacy = root.group(at: "model_weights") {
                try KerasWeights.assignLegacy(legacy, to: model, file: path)
            } else {
                try KerasWeights.assign(root, to: model, file: path)
            }
            return
        }
        var safetensors = bytes
        if bytes.starts(with: [0x50, 0x4B, 0x03, 0x04]) {
            let entries = try ZipArchive.read(bytes, name: path)
            if let member = entries.first(where: { $0.name == "model.weights.h5" }) {
                try KerasWeights.assign(try HDF5Reader.read(member.bytes, name: path + ":model.weights.h5"), to: model, file: path)
                return
            }
            guard let entry = entries.first(where: { $0.name == "model.weights.safetensors" }) else {
                throw SerializationError.badFile(path: path, reason: "it has no model.weights.h5 or model.weights.safetensors")
            }
            safetensors = entry.bytes
        }
        try assign(try Safetensors.decode(safetensors, name: path).tensors, to: model, path: path)
    }

    // MARK: SwiftML's earlier format

    /// Writes SwiftML's earlier format (kept so that tests can make such files).
    static let formatName = "swiftml-keras"
    static let formatVersion = 1

    static func saveSwiftMLArchive(_ model: Sequential, to path: String) throws {
        try checkPath(path)
        guard model.isBuilt else { throw SerializationError.badConfig(ModelError.notBuilt(model: model.name).description) }
        var config: [(String, JSONValue)] = [
            ("format", .string(formatName)),
            ("format_version", .int(formatVersion)),
            ("class_name", .string("Sequential")),
            ("config", LayerConfig.object(model.config)),
        ]
        if let compiled = model.compiled {
            config.append(("compile_config", .object([
                ("optimizer", .object([("class_name", .string(compiled.optimizer.typeName)),
                                       ("config", LayerConfig.object(compiled.optimizer.config))])),
                ("loss", .object([("class_name", .string(compiled.loss.className)),
                                  ("config", .object([("from_logits", .bool(compiled.loss.fromLogits))]))])),
                ("metrics", .array(compiled.metrics.map { .string($0.name) })),
            ])))
        }
        var tensors = weightTensors(model)
        if let optimizer = model.compiled?.optimizer, optimizer.iterations > 0 {
            tensors.append(("optimizer/iterations", [], [Float(optimizer.iterations)]))
            for (name, values) in optimizer.stateArrays {
                tensors.append(("optimizer/vars/" + name, [values.count], values))
            }
        }
        let metadata = JSONValue.object([("saved_by", .string("SwiftML")), ("format", .string(formatName)),
                                         ("format_version", .int(formatVersion))])
        let archive = ZipArchive.write([
            .init(name: "metadata.json", bytes: Array(metadata.prettyText().utf8)),
            .init(name: "config.json", bytes: Array(JSONValue.object(config).prettyText().utf8)),
            .init(name: "model.weights.safetensors", bytes: Safetensors.encode(tensors, metadata: ["format": "pt"])),
        ])
        try write(archive, to: path)
    }

    /// A model from SwiftML's earlier archive.
    private static func loadSwiftMLArchive(_ entries: [ZipArchive.Entry], config: JSONValue, path: String, random: RandomSource) throws -> Sequential {
        guard config["class_name"]?.stringValue == "Sequential", let modelConfig = config["config"] else {
            throw SerializationError.unsupportedFormat(path: path, reason: "only Sequential models can be loaded")
        }
        let model = try LayerConfig.makeLayer(.object([("class_name", .string("Sequential")), ("config", modelConfig)]), random: random)
        guard let sequential = model as? Sequential else { throw SerializationError.badConfig("the model is not Sequential") }
        if !sequential.isBuilt, let first = modelConfig["layers"]?.arrayValue?.first, let shape = first["build_config"]?["input_shape"]?.arrayValue {
            try sequential.build(inputShape: shape.dropFirst().compactMap(\.intValue))
        }
        // A model with weights and no weights we can read must not load with fresh random
        // weights: that predicts wrong numbers without a word.
        guard let weightsEntry = entries.first(where: { $0.name == "model.weights.safetensors" }) else {
            if sequential.weights.isEmpty { return sequential }
            let members = entries.map(\.name).joined(separator: ", ")
            if entries.contains(where: { $0.name == "model.weights.h5" }) {
                throw SerializationError.unsupportedFormat(path: path, reason: "its weights are in model.weights.h5 (HDF5, as Python Keras 3 saves them), which this loader cannot read")
            }
            throw SerializationError.unsupportedFormat(path: path, reason: "it holds no weights file (members: \(members)); the model's \(sequential.weights.count) weights cannot be restored")
        }
        let decoded = try Safetensors.decode(weightsEntry.bytes, name: path + ":model.weights.safetensors")
        try assign(decoded.tensors, to: sequential, path: path)
        if let compile = config["compile_config"] {
            sequential.compiled = try compiledState(compile)
            if let iterations = decoded.tensors["optimizer/iterations"]?.values.first, let optimizer = sequential.compiled?.optimizer {
                var state: [String: [Float]] = [:]
                for (key, value) in decoded.tensors where key.hasPrefix("optimizer/vars/") {
                    state[String(key.dropFirst("optimizer/vars/".count))] = value.values
                }
                guard iterations.isFinite, iterations >= 0, iterations < 1e15 else {
                    throw SerializationError.badFile(path: path, reason: "the optimizer's iteration count \(iterations) is not a step count")
                }
                optimizer.restoreState(variables: sequential.trainableWeights, arrays: state, iterations: Int(iterations))
            }
        }
        return sequential
    }

    /// Every weight with its name in the file: `layers/<layer>/vars/<i>`, nested models
    /// adding `layers/<model>/layers/<layer>/vars/<i>`.
    static func weightTensors(_ model: Sequential, prefix: String = "") -> [(name: String, shape: [Int], values: [Float])] {
        var result: [(String, [Int], [Float])] = []
        for layer in model.layers {
            let base = prefix + "layers/" + layer.name
            if let nested = layer as? Sequential {
                result += weightTensors(nested, prefix: base + "/")
            } else {
                for (i, variable) in layer.weights.enumerated() {
                    result.append(("\(base)/vars/\(i)", variable.shape, variable.scalars))
                }
            }
        }
        return result
    }

    private static func assign(_ tensors: [String: (shape: [Int], values: [Float])], to model: Sequential, path: String) throws {
        let expected = weightTensors(model)
        for weight in expected {
            guard let stored = tensors[weight.name] else {
                throw SerializationError.weightMismatch("'\(path)' has no weight '\(weight.name)' for this model; were the weights saved from a model with the same layer names?")
            }
            guard stored.values.count == weight.values.count else {
                throw SerializationError.weightMismatch("weight '\(weight.name)' has shape \(Shape.text(stored.shape)) in '\(path)' but \(Shape.text(weight.shape)) in the model")
            }
        }
        var variables: [Variable] = []
        func collect(_ m: Sequential) {
            for layer in m.layers {
                if let nested = layer as? Sequential { collect(nested) } else { variables += layer.weights }
            }
        }
        collect(model)
        for (weight, variable) in zip(expected, variables) {
            if let stored = tensors[weight.name] { try variable.assign(stored.values) }
        }
        model.invalidateBuffers()
    }

    private static func compiledState(_ config: JSONValue) throws -> CompiledState {
        let optimizerConfig = config["optimizer"]?["config"] ?? .object([])
        let optimizer = try makeOptimizer(className: config["optimizer"]?["class_name"]?.stringValue ?? "Adam", config: optimizerConfig)
        let lossName = config["loss"]?["class_name"]?.stringValue ?? "MeanSquaredError"
        let fromLogits = config["loss"]?["config"]?["from_logits"]?.boolValue ?? false
        var loss = try Loss(named: lossName)
        switch loss {
        case .binaryCrossentropy: loss = .binaryCrossentropy(fromLogits: fromLogits)
        case .categoricalCrossentropy: loss = .categoricalCrossentropy(fromLogits: fromLogits)
        case .sparseCategoricalCrossentropy: loss = .sparseCategoricalCrossentropy(fromLogits: fromLogits)
        default: break
        }
        let metrics = try (config["metrics"]?.arrayValue ?? []).compactMap(\.stringValue).map(MetricSpec.init(named:))
        return CompiledState(optimizer: optimizer, loss: loss, metrics: metrics)
    }

    /// An optimizer from its Keras class name and saved hyperparameters.
    static func makeOptimizer(className: String, config: JSONValue) throws -> Optimizer {
        func number(_ key: String, _ fallback: Float) -> Float { config[key]?.doubleValue.map { Float($0) } ?? fallback }
        let lr = number("learning_rate", 0.001)
        let optimizer: Optimizer
        switch className.lowercased() {
        case "sgd": optimizer = SGD(learningRate: number("learning_rate", 0.01), momentum: number("momentum", 0), nesterov: config["nesterov"]?.boolValue ?? false)
        case "adam": optimizer = Adam(learningRate: lr, beta1: number("beta_1", 0.9), beta2: number("beta_2", 0.999), epsilon: number("epsilon", 1e-7))
        case "adamax": optimizer = Adamax(learningRate: lr, beta1: number("beta_1", 0.9), beta2: number("beta_2", 0.999), epsilon: number("epsilon", 1e-7))
        case "rmsprop": optimizer = RMSprop(learningRate: lr, rho: number("rho", 0.9), momentum: number("momentum", 0), epsilon: number("epsilon", 1e-7), centered: config["centered"]?.boolValue ?? false)
        case "adagrad": optimizer = Adagrad(learningRate: lr, initialAccumulatorValue: number("initial_accumulator_value", 0.1), epsilon: number("epsilon", 1e-7))
        default: throw OptimizerError.unknown(className)
        }
        optimizer.clipValue = config["clipvalue"]?.doubleValue.map { Float($0) }
        optimizer.clipNorm = config["clipnorm"]?.doubleValue.map { Float($0) }
        return optimizer
    }

    /// Refuses a path the C calls would cut short at a NUL (Python: `ValueError: embedded null byte`).
    static func checkPath(_ path: String) throws {
        if path.utf8.contains(0) { throw SerializationError.embeddedNullByte }
    }

    private static func write(_ bytes: [UInt8], to path: String) throws {
        do { try FileBytes.write(bytes, to: path) } catch { throw SerializationError.badFile(path: path, reason: "\(error)") }
    }
}
