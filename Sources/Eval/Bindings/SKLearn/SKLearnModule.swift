import ML

/// The modules the scikit-learn binding provides to `import`: `sklearn` with `datasets`,
/// `metrics`, `preprocessing` and `model_selection`.
enum SKLearnBinding {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("sklearn") { _ in
            let module = Module("sklearn", doc: "scikit-learn's datasets, metrics, preprocessing and model selection, as SwiftML provides them.")
            module["__version__"] = .string("1.9.1")
            return module
        },
        ModuleDefinition("sklearn.datasets") { _ in SKLearnDatasets.make() },
        ModuleDefinition("sklearn.metrics") { _ in SKLearnMetrics.make() },
        ModuleDefinition("sklearn.preprocessing") { _ in SKLearnPreprocessing.make() },
        ModuleDefinition("sklearn.model_selection") { _ in SKLearnModelSelection.make() },
    ]
}
