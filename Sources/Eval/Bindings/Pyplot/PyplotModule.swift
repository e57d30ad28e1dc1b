// Owned by the render helper (branch `render`): replace this placeholder with the real binding.
// See ../README.md for how to bind a module.

/// The modules the pyplot binding provides to `import`: `matplotlib` and `matplotlib.pyplot`.
enum PyplotBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("matplotlib") { _ in Module("matplotlib") },
        ModuleDefinition("matplotlib.pyplot") { _ in Module("matplotlib.pyplot", doc: "pyplot (not bound yet).") },
    ]
}
