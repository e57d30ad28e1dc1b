/// The standard-library modules of the cell language.
enum StandardModules {
    static let modules: [ModuleDefinition] = [
        ModuleDefinition("math", make: MathModule.make),
        ModuleDefinition("random", make: RandomModule.make),
        ModuleDefinition("time", make: SystemModules.makeTime),
        ModuleDefinition("sys", make: SystemModules.makeSys),
        ModuleDefinition("os", make: SystemModules.makeOS),
        ModuleDefinition("os.path", make: SystemModules.makeOSPath),
        ModuleDefinition("IPython") { _ in
            let module = Module("IPython", doc: "IPython conveniences: see IPython.display.")
            module.function("get_ipython()", doc: "There is no IPython shell object here; returns None.") { _, _ in .none }
            return module
        },
        ModuleDefinition("IPython.display", make: IPythonDisplay.make),
        ModuleDefinition("warnings", make: SystemModules.makeWarnings),
        ModuleDefinition("collections", make: CollectionsModule.make),
        ModuleDefinition("itertools", make: ItertoolsModule.make),
        ModuleDefinition("functools", make: FunctoolsModule.make),
        ModuleDefinition("pathlib", make: PathlibModule.make),
        ModuleDefinition("json", make: JSONModule.make),
        ModuleDefinition("dataclasses", make: DataclassesModule.make),
        ModuleDefinition("__future__") { _ in
            // Old tutorials start with these; in Python 3 they change nothing.
            let module = Module("__future__", doc: "Future statements; all already in effect.")
            for feature in ["print_function", "division", "absolute_import", "unicode_literals",
                            "generators", "nested_scopes", "with_statement", "annotations"] {
                module[feature] = .bool(true)
            }
            return module
        },
    ]
}
