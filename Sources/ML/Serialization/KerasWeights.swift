/// Weights in Keras's HDF5 layouts.
///
/// Keras 3 (`model.weights.h5` inside `.keras`, and `.weights.h5`):
/// `layers/<layer>/vars/<i>` for weight `i` of each layer (an empty `vars` group for layers
/// without weights, with a `name` attribute), `layers/<model>/layers/<layer>/vars/<i>` inside
/// a nested model, `vars` for the top model itself, and `optimizer/vars/<i>`: the step
/// count, the learning rate, then each slot kind for every trainable variable.
///
/// Keras 2 (legacy `.h5`): `model_weights` (or the root, for `save_weights`) lists
/// `layer_names`; each layer's group lists `weight_names`, the paths of its datasets.
enum KerasWeights {
    // MARK: Keras 3

    static func tree(for model: Sequential, includeOptimizer: Bool) -> HDF5Group {
        var root = HDF5Group()
        add(model, prefix: "", to: &root)
        if includeOptimizer, let optimizer = model.compiled?.optimizer {
            var vars = HDF5Group(attributes: ["name": .string(optimizer.typeName.lowercased())])
            var index = 0
            func put(_ dataset: HDF5Dataset) { vars.children[String(index)] = .dataset(dataset); index += 1 }
            put(HDF5Dataset(shape: [], values: .int64([Int64(optimizer.iterations)])))
            put(HDF5Dataset(shape: [], floats: [optimizer.learningRate]))
            for slots in slotKinds(optimizer, variables: model.trainableWeights) {
                for (variable, values) in slots { put(HDF5Dataset(shape: variable.shape, floats: values)) }
            }
            root.insert(.group(vars), at: "optimizer/vars")
        }
        return root
    }

    private static func add(_ model: Sequential, prefix: String, to root: inout HDF5Group) {
        root.insert(.group(HDF5Group(attributes: ["name": .string(model.name)])), at: prefix + "vars")
        for (layer, saved) in zip(model.layers, savedNames(model.layers)) {
            let base = prefix + "layers/" + saved + "/"
            if let nested = layer as? Sequential {
                add(nested, prefix: base, to: &root)
                continue
            }
            var vars = HDF5Group(attributes: ["name": .string(layer.name)])
            for (i, variable) in layer.weights.enumerated() {
                vars.children[String(i)] = .dataset(HDF5Dataset(shape: variable.shape, floats: variable.scalars))
            }
            root.insert(.group(vars), at: base + "vars")
        }
    }

    /// The names Keras 3 files the layers of one model under: the class name in snake case,
    /// numbered from the second of a class on (`dense`, `dense_1`, `conv2d`), whatever the
    /// layers' own names.
    static func savedNames(_ layers: [Layer]) -> [String] {
        var used: [String: Int] = [:]
        return layers.map { layer in
            let base = snakeCase(layer.typeName)
            let count = used[base, default: 0]
            used[base] = count + 1
            return count == 0 ? base : "\(base)_\(count)"
        }
    }

    /// Keras's `to_snake_case`: `MaxPooling2D` -> `max_pooling2d`, `Conv2D` -> `conv2d`.
    static func snakeCase(_ name: String) -> String {
        let characters = Array(name)
        var out = ""
        for (i, character) in characters.enumerated() {
            if i > 0, character.isUppercase {
                let previous = characters[i - 1]
                let next = i + 1 < characters.count ? characters[i + 1] : nil
                // An uppercase letter starting a lowercase run, or following a lowercase letter.
                if (next?.isLowercase ?? false) || previous.isLowercase { out.append("_") }
            }
            out.append(character)
        }
        return out.lowercased()
    }

    /// The optimizer's state grouped by slot kind (all first moments, then all second...),
    /// Keras 3's variable order. Empty before the first step.
    private static func slotKinds(_ optimizer: Optimizer, variables: [Variable]) -> [[(Variable, [Float])]] {
        let arrays = Dictionary(optimizer.stateArrays.map { ($0.name, $0.values) }, uniquingKeysWith: { $1 })
        guard optimizer.iterations > 0 else { return [] }
        var kinds: [[(Variable, [Float])]] = []
        for s in 0..<optimizer.slotsPerVariable {
            var kind: [(Variable, [Float])] = []
            for (i, variable) in variables.enumerated() {
                kind.append((variable, arrays["\(i)/\(s)"] ?? [Float](repeating: 0, count: variable.count)))
            }
            kinds.append(kind)
        }
        return kinds
    }

    /// Assigns every weight of `model` from a Keras 3 tree; every layer's `vars` must be
    /// there with the right count and shapes (nothing is left at its fresh value).
    static func assign(_ root: HDF5Group, to model: Sequential, file: String) throws {
        var pending: [(Variable, [Float])] = []
        try collect(root, model: model, prefix: "", file: file, into: &pending)
        for (variable, values) in pending { try variable.assign(values) }
        model.invalidateBuffers()
    }

    private static func collect(_ root: HDF5Group, model: Sequential, prefix: String, file: String, into pending: inout [(Variable, [Float])]) throws {
        let names = savedNames(model.layers)
        let expectedNames = Set(names)
        if let stored = root.group(at: prefix + "layers") {
            for name in stored.sortedNames where !expectedNames.contains(name) {
                let hasWeights = stored.group(at: name + "/vars").map { !$0.children.isEmpty } ?? true
                if hasWeights {
                    throw SerializationError.weightMismatch("'\(file)' has weights for '\(prefix)layers/\(name)', which this model does not have (it has \(names.joined(separator: ", ")))")
                }
            }
        }
        for (layer, saved) in zip(model.layers, names) {
            let base = prefix + "layers/" + saved + "/"
            if let nested = layer as? Sequential {
                try collect(root, model: nested, prefix: base, file: file, into: &pending)
                continue
            }
            if layer.weights.isEmpty { continue }
            guard let vars = root.group(at: base + "vars") else {
                throw SerializationError.weightMismatch("'\(file)' has no weights for layer '\(prefix)\(layer.name)' (expected '\(base)vars'); was it saved from a model with the same layer names?")
            }
            guard vars.children.count == layer.weights.count else {
                throw SerializationError.weightMismatch("layer '\(layer.name)' has \(layer.weights.count) weights but '\(file)' holds \(vars.children.count)")
            }
            for (i, variable) in layer.weights.enumerated() {
                guard let dataset = vars.dataset(at: String(i)) else {
                    throw SerializationError.weightMismatch("'\(file)' has no '\(base)vars/\(i)'")
                }
                try check(dataset, against: variable, label: "\(base)vars/\(i)", file: file)
                pending.append((variable, dataset.floats))
            }
        }
    }

    private static func check(_ dataset: HDF5Dataset, against variable: Variable, label: String, file: String) throws {
        guard dataset.shape == variable.shape else {
            throw SerializationError.weightMismatch("weight '\(label)' has shape \(Shape.text(dataset.shape)) in '\(file)' but \(Shape.text(variable.shape)) in the model")
        }
    }

    /// Restores the optimizer's step count and slots when the file's optimizer variables
    /// match this optimizer's layout; otherwise leaves the optimizer fresh, as Keras does
    /// (it warns "Skipping variable loading for optimizer").
    static func restoreOptimizer(_ root: HDF5Group, to model: Sequential) {
        guard let optimizer = model.compiled?.optimizer, let vars = root.group(at: "optimizer/vars"),
              let iterations = vars.dataset(at: "0")?.floats.first, iterations.isFinite, iterations >= 0, iterations < 1e12 else { return }
        let variables = model.trainableWeights
        let slots = optimizer.slotsPerVariable
        guard vars.children.count == 2 + slots * variables.count else { return }
        var arrays: [String: [Float]] = [:]
        for s in 0..<slots {
            for (i, variable) in variables.enumerated() {
                guard let dataset = vars.dataset(at: String(2 + s * variables.count + i)), dataset.shape == variable.shape else { return }
                arrays["\(i)/\(s)"] = dataset.floats
            }
        }
        optimizer.restoreState(variables: variables, arrays: arrays, iterations: Int(iterations))
    }

    // MARK: Keras 2 (legacy .h5)

    /// Assigns weights from a legacy group that lists `layer_names` (a model's
    /// `model_weights`, or the root of a Keras 2 `save_weights` file), matching layers by name.
    static func assignLegacy(_ group: HDF5Group, to model: Sequential, file: String) throws {
        guard let layerNames = group.attributes["layer_names"]?.stringList else {
            throw SerializationError.badFile(path: file, reason: "it has no layer_names attribute (not a Keras weights file)")
        }
        var stored: [String: [HDF5Dataset]] = [:]
        for name in layerNames {
            guard let layerGroup = group.group(at: name) else { throw SerializationError.badFile(path: file, reason: "layer '\(name)' is listed but absent") }
            let weightNames = layerGroup.attributes["weight_names"]?.stringList ?? []
            stored[name] = try weightNames.map { weightName in
                guard let dataset = layerGroup.dataset(at: weightName) else {
                    throw SerializationError.badFile(path: file, reason: "weight '\(weightName)' of layer '\(name)' is listed but absent")
                }
                return dataset
            }
        }
        var pending: [(Variable, [Float])] = []
        for layer in model.layers where !layer.weights.isEmpty {
            guard let datasets = stored[layer.name] else {
                throw SerializationError.weightMismatch("'\(file)' has no weights for layer '\(layer.name)' (it has: \(layerNames.joined(separator: ", ")))")
            }
            guard datasets.count == layer.weights.count else {
                throw SerializationError.weightMismatch("layer '\(layer.name)' has \(layer.weights.count) weights but '\(file)' holds \(datasets.count)")
            }
            for (dataset, variable) in zip(datasets, layer.weights) {
                try check(dataset, against: variable, label: layer.name, file: file)
                pending.append((variable, dataset.floats))
            }
        }
        for name in layerNames where !(stored[name] ?? []).isEmpty && !model.layers.contains(where: { $0.name == name }) {
            throw SerializationError.weightMismatch("'\(file)' has weights for a layer '\(name)' that this model does not have")
        }
        for (variable, values) in pending { try variable.assign(values) }
        model.invalidateBuffers()
    }
}
