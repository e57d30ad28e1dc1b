/// The modules `import` can load, by dotted name. Each library's bindings list their own
/// modules in their folder (`NumPyBinding.modules`, ...), so this table never needs editing
/// when a binding grows.
struct ModuleRegistry: Sendable {
    private let definitions: [String: ModuleDefinition]

    init(_ definitions: [ModuleDefinition]) {
        var table: [String: ModuleDefinition] = [:]
        for definition in definitions { table[definition.name] = definition }
        self.definitions = table
    }

    /// The standard library of the cell language plus every binding's modules.
    static let standard = ModuleRegistry(
        StandardModules.modules + NumPyBinding.modules + KerasBinding.modules + PyplotBinding.modules
        + PandasBinding.modules + SKLearnBinding.modules + SeabornBinding.modules)

    func definition(_ name: String) -> ModuleDefinition? { definitions[name] }

    var names: [String] { definitions.keys.sorted() }

    /// The registered direct submodules of `name` (`numpy.random` for `numpy`).
    func children(of name: String) -> [String] {
        names.filter { $0.hasPrefix(name + ".") && !$0.dropFirst(name.count + 1).contains(".") }
    }
}
