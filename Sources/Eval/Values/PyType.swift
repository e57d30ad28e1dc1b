/// A class of the cell language: `int`, `list`, `ndarray`, `Dense`, `ValueError`.
///
/// A type carries what its instances share: methods, properties, a constructor (calling the
/// type), class attributes and docs. It is immutable once built, so bindings declare theirs
/// as `static let`:
///
/// ```swift
/// static let type = PyType("Figure", module: "matplotlib.figure", doc: "A figure.") { t in
///     t.property("number", of: FigureObject.self) { figure, _ in .int(figure.number) }
///     t.method("savefig(fname, dpi=None)", of: FigureObject.self, doc: "Save as PNG.") { figure, args, interp in
///         try figure.save(to: try args.string("fname")); return .none
///     }
/// }
/// ```
public final class PyType: PyObject, Sendable {
    public let name: String
    /// The module the type belongs to, shown in reprs and help (`numpy`), or nil for builtins.
    public let moduleName: String?
    public let doc: String
    public let base: PyType?
    public let methods: [String: NativeMethod]
    public let properties: [String: NativeProperty]
    let classAttributes: [String: @Sendable () -> Value]
    /// What calling the type does (`Dense(4)`), or nil when the type cannot be called.
    public let constructor: NativeConstructor?
    /// For exception classes: the error kind it raises and catches.
    public let errorKind: PyErrorKind?
    /// Signatures that did not parse; empty for a correct binding.
    public let registrationErrors: [PyError]
    /// For classes made by a `class` statement: namespace, MRO, instance layout.
    let userClass: UserClass?

    /// Builds a type; `build` registers its methods, properties and constructor.
    public init(_ name: String, module: String? = nil, doc: String = "", base: PyType? = nil,
                build: (inout PyTypeBuilder) -> Void = { _ in }) {
        var builder = PyTypeBuilder(typeName: name)
        build(&builder)
        self.name = name
        self.moduleName = module
        self.doc = doc
        self.base = base
        self.methods = builder.methods
        self.properties = builder.properties
        self.classAttributes = builder.classAttributes
        self.constructor = builder.constructor
        self.errorKind = nil
        self.registrationErrors = builder.errors
        self.userClass = nil
    }

    /// A class made by a `class` statement (see UserClass.swift).
    init(name: String, module: String, doc: String, base: PyType?, errorKind: PyErrorKind?, userClass: UserClass) {
        self.name = name
        moduleName = module
        self.doc = doc
        self.base = base
        methods = [:]
        properties = [:]
        classAttributes = [:]
        constructor = nil
        self.errorKind = errorKind
        registrationErrors = []
        self.userClass = userClass
    }

    /// An exception class.
    init(exception kind: PyErrorKind, base: PyType?) {
        name = kind.name
        moduleName = nil
        doc = ""
        self.base = base
        methods = [:]
        properties = [:]
        classAttributes = [:]
        constructor = nil
        errorKind = kind
        registrationErrors = []
        userClass = nil
    }

    public var pyType: PyType { .type }

    /// The method `name` of this type or a base type.
    public func lookupMethod(_ name: String) -> NativeMethod? {
        var type: PyType? = self
        while let current = type {
            if let method = current.methods[name] { return method }
            type = current.base
        }
        return nil
    }

    /// The property `name` of this type or a base type.
    public func lookupProperty(_ name: String) -> NativeProperty? {
        var type: PyType? = self
        while let current = type {
            if let property = current.properties[name] { return property }
            type = current.base
        }
        return nil
    }

    func lookupClassAttribute(_ name: String) -> Value? {
        var type: PyType? = self
        while let current = type {
            if let make = current.classAttributes[name] { return make() }
            type = current.base
        }
        return nil
    }

    /// Whether this type is `other` or derives from it.
    public func isSubtype(of other: PyType) -> Bool {
        if let userClass { return userClass.mro.contains { $0 === other } }
        var type: PyType? = self
        while let current = type {
            if current === other { return true }
            type = current.base
        }
        return false
    }

    /// Every attribute name of instances, for `dir()` and completion.
    public var instanceAttributeNames: [String] {
        var names = Set<String>()
        var type: PyType? = self
        while let current = type {
            names.formUnion(current.methods.keys)
            names.formUnion(current.properties.keys)
            type = current.base
        }
        return names.sorted()
    }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        if userClass != nil { return try userAttribute(name, interpreter) }
        if let value = lookupClassAttribute(name) { return value }
        if let method = lookupMethod(name) { return .object(UnboundMethod(type: self, method: method)) }
        if name.hasPrefix("__"), case .method(let method)? = methodResolutionOrder.lazy.compactMap({ $0.ownMember(name) }).first {
            return .object(UnboundMethod(type: self, method: method))
        }
        switch name {
        case "__name__": return .string(self.name)
        case "__doc__": return .string(doc)
        case "__module__": return .string(moduleName ?? "builtins")
        default: return nil
        }
    }

    public var dynamicAttributeNames: [String] {
        if let userClass { return userClass.mro.flatMap { $0.userClass?.names ?? $0.instanceAttributeNames } }
        return Array(classAttributes.keys) + instanceAttributeNames
    }

    public func setAttribute(_ name: String, to value: Value, _ interpreter: Runtime) throws {
        guard let userClass else {
            throw PyError(.typeError, "cannot set '\(name)' attribute of immutable type '\(self.name)'")
        }
        if userClass.namespace.updateValue(value, forKey: name) == nil { userClass.names.append(name) }
        interpreter.classEpoch &+= 1
    }

    public func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        if userClass != nil { return try instantiate(arguments, interpreter) }
        if let errorKind {
            return .object(try ExceptionObject(kind: errorKind, arguments: arguments, interpreter))
        }
        guard let constructor else {
            throw PyError(.typeError, "cannot create '\(qualifiedName)' instances")
        }
        return try constructor.body(try constructor.signature.bind(arguments), interpreter)
    }

    /// `numpy.ndarray`, or `int` for builtins.
    public var qualifiedName: String { moduleName.map { "\($0).\(name)" } ?? name }

    public func repr(_ interpreter: Runtime) throws -> String { "<class '\(qualifiedName)'>" }
    public func hashValue(_ interpreter: Runtime) throws -> Int? { ObjectIdentifier(self).hashValue }
}

/// A method implemented in Swift. `body` gets the receiver (`self`) and the bound arguments.
public struct NativeMethod: Sendable {
    public let signature: Signature
    public let doc: String
    let body: @Sendable (Value, BoundArguments, Runtime) throws -> Value
}

/// A property implemented in Swift, read-only unless it has a setter.
public struct NativeProperty: Sendable {
    public let name: String
    public let doc: String
    let get: @Sendable (Value, Runtime) throws -> Value
    let set: (@Sendable (Value, Value, Runtime) throws -> Void)?
}

/// What calling a type does: its signature (shown by help) and the Swift body.
public struct NativeConstructor: Sendable {
    public let signature: Signature
    public let doc: String
    let body: @Sendable (BoundArguments, Runtime) throws -> Value
}

/// Collects a type's methods and properties while it is built (see `PyType.init`).
public struct PyTypeBuilder {
    let typeName: String
    var methods: [String: NativeMethod] = [:]
    var properties: [String: NativeProperty] = [:]
    var classAttributes: [String: @Sendable () -> Value] = [:]
    var constructor: NativeConstructor?
    var errors: [PyError] = []

    mutating func parse(_ text: String) -> Signature? {
        do { return try Signature(text) } catch {
            errors.append(PyError(converting: error))
            return nil
        }
    }

    /// A method whose receiver is an object of Swift type `T`:
    /// `t.method("reshape(*shape)", of: NDArrayObject.self) { array, args, interp in ... }`.
    public mutating func method<T: PyObject>(
        _ signature: String, of type: T.Type, doc: String = "",
        _ body: @escaping @Sendable (T, BoundArguments, Runtime) throws -> Value
    ) {
        let typeName = self.typeName
        valueMethod(signature, doc: doc) { receiver, arguments, interpreter in
            guard let object = receiver.object(as: T.self) else {
                throw PyError(.typeError, "descriptor '\(arguments.signature.name)' requires a '\(typeName)' object but received a '\(receiver.typeName)'")
            }
            return try body(object, arguments, interpreter)
        }
    }

    /// A method whose receiver is any value (for the built-in scalar types such as `str`).
    public mutating func valueMethod(
        _ signature: String, doc: String = "",
        _ body: @escaping @Sendable (Value, BoundArguments, Runtime) throws -> Value
    ) {
        guard let parsed = parse(signature) else { return }
        methods[parsed.name] = NativeMethod(signature: parsed, doc: doc, body: body)
    }

    /// A property of objects of Swift type `T`, with an optional setter.
    public mutating func property<T: PyObject>(
        _ name: String, of type: T.Type, doc: String = "",
        get: @escaping @Sendable (T, Runtime) throws -> Value,
        set: (@Sendable (T, Value, Runtime) throws -> Void)? = nil
    ) {
        let typeName = self.typeName
        let cast: @Sendable (Value) throws -> T = { receiver in
            guard let object = receiver.object(as: T.self) else {
                throw PyError(.typeError, "property '\(name)' of '\(typeName)' objects does not apply to a '\(receiver.typeName)'")
            }
            return object
        }
        let setter: (@Sendable (Value, Value, Runtime) throws -> Void)?
        if let set {
            setter = { receiver, value, interpreter in try set(try cast(receiver), value, interpreter) }
        } else {
            setter = nil
        }
        properties[name] = NativeProperty(
            name: name, doc: doc,
            get: { receiver, interpreter in try get(try cast(receiver), interpreter) },
            set: setter)
    }

    /// A property of any value (for built-in scalar types).
    public mutating func valueProperty(
        _ name: String, doc: String = "", get: @escaping @Sendable (Value, Runtime) throws -> Value
    ) {
        properties[name] = NativeProperty(name: name, doc: doc, get: get, set: nil)
    }

    /// What calling the type does: `t.constructor("Dense(units, activation=None)") { args, interp in ... }`.
    public mutating func constructor(
        _ signature: String, doc: String = "",
        _ body: @escaping @Sendable (BoundArguments, Runtime) throws -> Value
    ) {
        guard let parsed = parse(signature) else { return }
        constructor = NativeConstructor(signature: parsed, doc: doc, body: body)
    }

    /// A class attribute (`np.float32.__name__`-style constants); `make` is called on each read.
    public mutating func classAttribute(_ name: String, _ make: @escaping @Sendable () -> Value) {
        classAttributes[name] = make
    }
}
