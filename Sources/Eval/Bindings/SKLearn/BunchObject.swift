import ML

/// scikit-learn's `Bunch`: a dict whose keys are also attributes (`iris.data`, `iris['data']`).
final class BunchObject: PyObject {
    let entries: [(String, Value)]
    init(_ entries: [(String, Value)]) { self.entries = entries }
    var pyType: PyType { BunchObject.type }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        entries.first(where: { $0.0 == name })?.1
    }

    var dynamicAttributeNames: [String] { entries.map(\.0) }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        guard case .string(let name) = key, let found = entries.first(where: { $0.0 == name }) else {
            throw PyError(.keyError, try interpreter.repr(key))
        }
        return found.1
    }

    func length(_ interpreter: Runtime) throws -> Int? { entries.count }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        try interpreter.makeIterator(.list(entries.map { .string($0.0) }))
    }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        guard case .string(let name) = item else { return false }
        return entries.contains { $0.0 == name }
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "{" + (try entries.map { "'\($0.0)': \(try interpreter.repr($0.1))" }.joined(separator: ", ")) + "}"
    }

    static let type = PyType("Bunch", module: "sklearn.utils", doc: "A dict whose keys are also attributes.") { t in
        t.method("keys()", of: BunchObject.self, doc: "The keys.") { o, _, _ in .list(o.entries.map { .string($0.0) }) }
    }
}
