// Owned by the keras helper (branch `keras`): replace this placeholder with the real binding.
// See ../README.md for how to bind a module.

/// The modules the Keras binding provides to `import`: `tensorflow`, `tensorflow.keras`,
/// `keras` and `sklearn.datasets` (for `load_iris`).
enum KerasBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("tensorflow") { _ in Module("tensorflow", doc: "TensorFlow (not bound yet).") },
        ModuleDefinition("tensorflow.keras") { _ in Module("tensorflow.keras", doc: "Keras (not bound yet).") },
        ModuleDefinition("keras") { _ in Module("keras", doc: "Keras (not bound yet).") },
        ModuleDefinition("sklearn") { _ in Module("sklearn") },
        ModuleDefinition("sklearn.datasets") { _ in Module("sklearn.datasets", doc: "Datasets (not bound yet).") },
    ]
}
