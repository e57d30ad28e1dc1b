/// Layers to and from Keras-style configuration objects
/// (`{"class_name": "Dense", "config": {"units": 128, ...}}`), as saved models store them.
enum LayerConfig {
    /// An object with `dictionary`'s entries in sorted key order, so files are stable.
    static func object(_ dictionary: [String: JSONValue]) -> JSONValue {
        .object(dictionary.sorted { $0.key < $1.key }.map { ($0.key, $0.value) })
    }

    /// The saved description of `layer`.
    static func describe(_ layer: Layer) -> JSONValue {
        var pairs: [(String, JSONValue)] = [("class_name", .string(layer.typeName)), ("config", object(layer.config))]
        if let shape = layer.inputShape {
            pairs.append(("build_config", .object([("input_shape", .array([.null] + shape.map { .int($0) }))])))
        }
        return .object(pairs)
    }

    /// A layer, unbuilt, from its saved description. Nested `Sequential` models draw their
    /// weights from `random` when built.
    /// - Throws: `SerializationError.badConfig` naming what is missing or unknown.
    static func makeLayer(_ description: JSONValue, random: RandomSource) throws -> Layer {
        guard let className = description["class_name"]?.stringValue, let config = description["config"] else {
            throw SerializationError.badConfig("a layer entry lacks class_name or config")
        }
        let name = config["name"]?.stringValue ?? className.lowercased()
        let layer: Layer
        switch className {
        case "InputLayer":
            layer = try InputLayer(shape: try intArray(config["batch_shape"], dropFirst: true, in: className), name: name)
        case "Dense":
            guard let units = config["units"]?.intValue else { throw SerializationError.badConfig("Dense '\(name)' has no units") }
            layer = try Dense(
                units: units, activation: try activation(config),
                useBias: config["use_bias"]?.boolValue ?? true,
                kernelInitializer: try Initializer(named: config["kernel_initializer"]?.stringValue ?? "glorot_uniform"),
                biasInitializer: try Initializer(named: config["bias_initializer"]?.stringValue ?? "zeros"),
                name: name)
        case "Flatten":
            layer = Flatten(name: name)
        case "Reshape":
            layer = try Reshape(targetShape: try intArray(config["target_shape"], dropFirst: false, in: className), name: name)
        case "Dropout":
            layer = try Dropout(rate: Float(config["rate"]?.doubleValue ?? 0.5), name: name)
        case "Activation":
            layer = ActivationLayer(try activation(config), name: name)
        case "Softmax":
            layer = Softmax(name: name)
        case "Conv2D":
            layer = try Conv2D(
                filters: config["filters"]?.intValue ?? 1,
                kernelSize: try pair(config["kernel_size"], in: className),
                strides: try pair(config["strides"] ?? .array([.int(1), .int(1)]), in: className),
                padding: try Padding(named: config["padding"]?.stringValue ?? "valid"),
                activation: try activation(config),
                useBias: config["use_bias"]?.boolValue ?? true,
                kernelInitializer: try Initializer(named: config["kernel_initializer"]?.stringValue ?? "glorot_uniform"),
                biasInitializer: try Initializer(named: config["bias_initializer"]?.stringValue ?? "zeros"),
                name: name)
        case "MaxPooling2D":
            let poolSize = try pair(config["pool_size"] ?? .array([.int(2), .int(2)]), in: className)
            let strides = config["strides"].flatMap { $0.isNull ? nil : $0 }
            layer = try MaxPooling2D(
                poolSize: poolSize, strides: try strides.map { try pair($0, in: className) },
                padding: try Padding(named: config["padding"]?.stringValue ?? "valid"), name: name)
        case "Sequential":
            let model = try Sequential(name: name, random: random)
            for entry in config["layers"]?.arrayValue ?? [] { try model.add(try makeLayer(entry, random: random)) }
            layer = model
        default:
            throw SerializationError.badConfig("unknown layer class '\(className)'")
        }
        if let trainable = config["trainable"]?.boolValue { layer.trainable = trainable }
        return layer
    }

    private static func activation(_ config: JSONValue) throws -> Activation {
        let name = config["activation"]?.stringValue ?? "linear"
        var result = try Activation(named: name)
        if let alpha = config["activation_alpha"]?.doubleValue {
            switch result {
            case .leakyRelu: result = .leakyRelu(alpha: Float(alpha))
            case .elu: result = .elu(alpha: Float(alpha))
            default: break
            }
        }
        return result
    }

    private static func intArray(_ value: JSONValue?, dropFirst: Bool, in className: String) throws -> [Int] {
        guard let items = value?.arrayValue else { throw SerializationError.badConfig("\(className) is missing a shape") }
        let kept = dropFirst ? Array(items.dropFirst()) : items
        let ints = kept.compactMap(\.intValue)
        guard ints.count == kept.count else { throw SerializationError.badConfig("\(className) has a shape that is not all integers") }
        return ints
    }

    private static func pair(_ value: JSONValue?, in className: String) throws -> (Int, Int) {
        if let single = value?.intValue { return (single, single) }
        let ints = try intArray(value, dropFirst: false, in: className)
        guard ints.count == 2 else { throw SerializationError.badConfig("\(className) expects two integers, got \(ints)") }
        return (ints[0], ints[1])
    }
}

/// What can go wrong saving or loading a model or its weights.
public enum SerializationError: Error, CustomStringConvertible, Equatable, Sendable {
    case badConfig(String)
    case badFile(path: String, reason: String)
    case unsupportedFormat(path: String, reason: String)
    case weightMismatch(String)
    case embeddedNullByte
    /// A class, argument or file feature Keras has and this library does not.
    case notImplemented(String)

    public var description: String {
        switch self {
        case let .badConfig(message): return "invalid model configuration: \(message)"
        case let .badFile(path, reason): return "cannot read '\(path)': \(reason)"
        case let .unsupportedFormat(path, reason): return "'\(path)': \(reason)"
        case let .weightMismatch(message): return message
        case .embeddedNullByte: return "embedded null byte"
        case let .notImplemented(message): return message
        }
    }
}
