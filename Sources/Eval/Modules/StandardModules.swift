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
    ]
}
