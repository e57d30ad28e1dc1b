#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keras's own file formats, both ways:
/// - `.keras` (Keras 3): a zip of `metadata.json`, `config.json` (`KerasModelCodec`) and
///   `model.weights.h5` (`KerasWeights`), members stored uncompressed as Keras writes them;
/// - `.weights.h5` (Keras 3 `save_weights`): the same HDF5 tree on its own;
/// - `.h5` (Keras 2 legacy, which Keras 3 still writes for a `.h5` name): one HDF5 file with
///   `model_config` / `training_config` attributes and a `model_weights` group.
enum KerasFormat {
    /// The Keras release whose file layout these files follow (written where Keras writes
    /// its version; readers use it only to detect Keras 1 files).
    static let kerasVersion = "3.0.0"

    // MARK: .keras

    static func writeArchive(_ model: Sequential, path: String) throws -> [UInt8] {
        let config = try KerasModelCodec.encode(model, includeCompile: true)
        let metadata = JSONValue.object([("keras_version", .string(kerasVersion)), ("date_saved", .string(dateSaved())),
                                         ("saved_by", .string("SwiftML"))])
        let weights = try HDF5Writer.write(KerasWeights.tree(for: model, includeOptimizer: true), name: path + ":model.weights.h5")
        return ZipArchive.write([
            .init(name: "metadata.json", bytes: Array(metadata.text.utf8)),
            .init(name: "config.json", bytes: Array(config.text.utf8)),
            .init(name: "model.weights.h5", bytes: weights),
        ])
    }

    /// A model from a Keras 3 archive's members.
    static func readArchive(_ entries: [ZipArchive.Entry], config: JSONValue, path: String, random: RandomSource, compile: Bool) throws -> Sequential {
        let model = try KerasModelCodec.decodeModel(config, random: random)
        guard model.isBuilt else {
            throw SerializationError.notImplemented("'\(path)' holds a model that was never built (no input shape), so its weights cannot be placed")
        }
        var weights = HDF5Group()
        if let member = entries.first(where: { $0.name == "model.weights.h5" }) {
            weights = try HDF5Reader.read(member.bytes, name: path + ":model.weights.h5")
        } else if !model.weights.isEmpty {
            throw SerializationError.badFile(path: path, reason: "it has no model.weights.h5 (members: \(entries.map(\.name).joined(separator: ", "))), so the model's \(model.weights.count) weights cannot be restored")
        }
        try KerasWeights.assign(weights, to: model, file: path)
        // An uncompiled model's compile_config is {} (Keras 3) or null.
        if compile, let compileConfig = config["compile_config"], let optimizer = compileConfig["optimizer"], !optimizer.isNull {
            model.compiled = try KerasModelCodec.decodeCompile(compileConfig)
            KerasWeights.restoreOptimizer(weights, to: model)
        }
        return model
    }

    // MARK: legacy .h5

    static func writeLegacy(_ model: Sequential, path: String) throws -> [UInt8] {
        var root = HDF5Group()
        root.attributes["keras_version"] = .string(kerasVersion)
        root.attributes["backend"] = .string("jax")
        root.attributes["model_config"] = .string(try legacyConfig(KerasModelCodec.encode(model, includeCompile: false)).text)
        if let compiled = model.compiled {
            var training = try KerasModelCodec.encodeCompile(compiled).objectValue ?? []
            if let index = training.firstIndex(where: { $0.0 == "optimizer" }) {
                let optimizer = training[index].1
                training[index] = ("optimizer_config", .object([("class_name", optimizer["class_name"] ?? .null), ("config", optimizer["config"] ?? .null)]))
            }
            root.attributes["training_config"] = .string(JSONValue.object(training).text)
        }
        var weights = HDF5Group(attributes: ["keras_version": .string(kerasVersion), "backend": .string("jax")])
        var layerNames: [String] = []
        for layer in model.layers {
            layerNames.append(layer.name)
            var group = HDF5Group()
            var weightNames: [String] = []
            for (i, variable) in layer.weights.enumerated() {
                let weightName = "\(model.name)/\(layer.name)/\(i == 0 ? "kernel" : i == 1 ? "bias" : "var\(i)")"
                weightNames.append(weightName)
                group.insert(.dataset(HDF5Dataset(shape: variable.shape, floats: variable.scalars)), at: weightName)
            }
            group.attributes["weight_names"] = .strings(weightNames)
            weights.children[layer.name] = .group(group)
        }
        weights.attributes["layer_names"] = .strings(layerNames)
        root.children["model_weights"] = .group(weights)
        return try HDF5Writer.write(root, name: path)
    }

    /// Keras's legacy config: each object keeps only `class_name` and `config` at the
    /// levels Keras 2 wrote (model and layers).
    private static func legacyConfig(_ value: JSONValue) -> JSONValue {
        guard var pairs = value.objectValue else { return value }
        pairs.removeAll { $0.0 == "module" || $0.0 == "registered_name" || $0.0 == "build_config" || $0.0 == "compile_config" }
        if let index = pairs.firstIndex(where: { $0.0 == "config" }), var config = pairs[index].1.objectValue,
           let layersIndex = config.firstIndex(where: { $0.0 == "layers" }), let layers = config[layersIndex].1.arrayValue {
            config[layersIndex].1 = .array(layers.map(legacyConfig))
            pairs[index].1 = .object(config)
        }
        return .object(pairs)
    }

    /// A model from a legacy `.h5` file's tree.
    static func readLegacy(_ root: HDF5Group, path: String, random: RandomSource, compile: Bool) throws -> Sequential {
        guard let text = root.attributes["model_config"]?.stringValue else {
            if root.attributes["layer_names"] != nil || root.group(at: "layers") != nil {
                throw SerializationError.unsupportedFormat(path: path, reason: "this file holds only weights (from save_weights); build the model and call model.load_weights on it")
            }
            throw SerializationError.badFile(path: path, reason: "it has no model_config attribute (not a Keras model file)")
        }
        let config: JSONValue
        do { config = try JSONValue.parse(text) } catch { throw SerializationError.badFile(path: path, reason: "its model_config is not JSON (\(error))") }
        let model = try KerasModelCodec.decodeModel(config, random: random)
        guard model.isBuilt else {
            throw SerializationError.notImplemented("'\(path)' holds a model that was never built (no input shape), so its weights cannot be placed")
        }
        guard let weights = root.group(at: "model_weights") else {
            throw SerializationError.badFile(path: path, reason: "it has no model_weights group")
        }
        try KerasWeights.assignLegacy(weights, to: model, file: path)
        if compile, let trainingText = root.attributes["training_config"]?.stringValue {
            let training: JSONValue
            do { training = try JSONValue.parse(trainingText) } catch { throw SerializationError.badFile(path: path, reason: "its training_config is not JSON") }
            model.compiled = try KerasModelCodec.decodeCompile(training)
        }
        return model
    }

    /// Keras's `date_saved` form, `2026-12-04@16:51:31` (UTC).
    private static func dateSaved() -> String {
        let seconds = Int(time(nil))
        let days = seconds / 86_400, rest = seconds % 86_400
        // Civil date from days since 1970-01-01 (Howard Hinnant's algorithm).
        let z = days + 719_468, era = z / 146_097, doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100), mp = (5 * doy + 2) / 153
        let day = doy - (153 * mp + 2) / 5 + 1, month = mp < 10 ? mp + 3 : mp - 9
        let year = yoe + era * 400 + (month <= 2 ? 1 : 0)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return "\(year)-\(two(month))-\(two(day))@\(two(rest / 3600)):\(two(rest / 60 % 60)):\(two(rest % 60))"
    }
}
