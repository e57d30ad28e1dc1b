import ML

/// What the Keras binding keeps per notebook session: the random source
/// `tf.random.set_seed` reseeds, the tapes recording, Keras's layer-name counters, and the
/// Python wrappers of library objects (so `model.layers[0] is model.layers[0]`).
final class KerasState {
    let random = RandomSource()
    let eager = EagerContext()
    private var nameCounts: [String: Int] = [:]
    private var layerWrappers: [ObjectIdentifier: WeakLayerObject] = [:]
    private var displayCounter = 0

    static func of(_ interpreter: Runtime) -> KerasState {
        interpreter.state(KerasState.self) { KerasState() }
    }

    /// Keras's automatic names: `dense`, `dense_1`, `dense_2`, … per prefix in a session.
    func uniqueName(_ prefix: String) -> String {
        let count = nameCounts[prefix, default: 0]
        nameCounts[prefix] = count + 1
        return count == 0 ? prefix : "\(prefix)_\(count)"
    }

    /// `keras.backend.clear_session()`: names start again from `dense`.
    func clearNames() { nameCounts.removeAll() }

    /// The one Python object standing for `layer`.
    func wrapper(for layer: Layer) -> LayerObject {
        let key = ObjectIdentifier(layer)
        if let existing = layerWrappers[key]?.object, existing.layer === layer { return existing }
        let made: LayerObject
        if let model = layer as? Sequential { made = ModelObject(model) } else { made = LayerObject(layer) }
        layerWrappers[key] = WeakLayerObject(made)
        if layerWrappers.count > 4096 { layerWrappers = layerWrappers.filter { $0.value.object != nil } }
        return made
    }

    /// A fresh display id for a progress display.
    func nextDisplayID() -> String {
        displayCounter += 1
        return "swiftml-keras-progress-\(displayCounter)"
    }
}

/// A weak reference, so the wrapper table does not keep dropped layers alive.
struct WeakLayerObject {
    weak var object: LayerObject?
    init(_ object: LayerObject) { self.object = object }
}
