// Owned by the numpy helper (branch `numpy`): replace this placeholder with the real binding.
// See ../README.md for how to bind a module.

/// The modules the NumPy binding provides to `import`.
enum NumPyBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("numpy") { _ in Module("numpy", doc: "NumPy-style arrays (not bound yet).") },
    ]
}
