/// A module: a named namespace of functions, types and values (`math`, `numpy`, `plt`).
///
/// Bindings build one in their factory:
///
/// ```swift
/// let module = Module("mylib", doc: "What it is for.")
/// module.function("double(x)", doc: "Twice x.") { args, _ in .float(2 * (try args.double("x"))) }
/// module["answer"] = .int(42)
/// module.add(MyThing.type)
/// ```
public final class Module: PyObject {
    public let name: String
    public var doc: String
    /// Members by name; `module.x` reads here.
    public var members: [String: Value] = [:]
    /// Signatures that did not parse; empty for a correct binding.
    public private(set) var registrationErrors: [PyError] = []

    public init(_ name: String, doc: String = "") {
        self.name = name
        self.doc = doc
    }

    public var pyType: PyType { .module }

    public subscript(_ member: String) -> Value? {
        get { members[member] }
        set { members[member] = newValue }
    }

    /// Adds a function from its signature text, docstring and Swift body.
    public func function(_ signature: String, doc: String = "",
                         _ body: @escaping (BoundArguments, Runtime) throws -> Value) {
        do {
            let parsed = try Signature(signature)
            members[parsed.name] = .object(BuiltinFunction(parsed, module: name, doc: doc, body))
        } catch {
            registrationErrors.append(PyError(converting: error))
        }
    }

    /// Adds a type under its own name (`module.add(NDArrayObject.type)`).
    public func add(_ type: PyType) {
        members[type.name] = .object(type)
        registrationErrors.append(contentsOf: type.registrationErrors)
    }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        if let value = members[name] { return value }
        switch name {
        case "__name__": return .string(self.name)
        case "__doc__": return .string(doc)
        default: return nil
        }
    }

    public func setAttribute(_ name: String, to value: Value, _ interpreter: Runtime) throws {
        members[name] = value
    }

    public var dynamicAttributeNames: [String] { members.keys.sorted() }

    public func repr(_ interpreter: Runtime) throws -> String { "<module '\(name)' (built-in)>" }
}

/// A module the `import` statement can load: its dotted name and a factory that builds it
/// for one session. Factories run once per session, on first import.
public struct ModuleDefinition: Sendable {
    public let name: String
    public let make: @Sendable (Runtime) throws -> Module

    public init(_ name: String, make: @escaping @Sendable (Runtime) throws -> Module) {
        self.name = name
        self.make = make
    }
}
