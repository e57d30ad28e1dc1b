/// `dataclasses`: `@dataclass` (init, repr, eq, order, frozen), `field`, `fields`,
/// `asdict`, `astuple`, `replace`.
enum DataclassesModule {
    static let frozenError = PyErrorKind("FrozenInstanceError")

    static func make(_ interpreter: Runtime) throws -> Module {
        UserErrorKinds.register(frozenError.name, parent: "AttributeError")
        let module = Module("dataclasses", doc: "Generate special methods (__init__, __repr__, __eq__, ...) for classes from their annotated fields.")
        module["FrozenInstanceError"] = .object(interpreter.exceptionType(frozenError))
        module["MISSING"] = .object(MissingMarker.shared)
        module.function("dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False, unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False)",
                        doc: "Add dunder methods based on the fields defined in the class.") { args, interp in
            let options = Options(initialiser: try args.bool("init"), repr: try args.bool("repr"), eq: try args.bool("eq"),
                                  order: try args.bool("order"), frozen: try args.bool("frozen"),
                                  unsafeHash: try args.bool("unsafe_hash"))
            if try args.bool("kw_only") || args.bool("slots") {
                throw PyError.notImplemented("dataclass(kw_only=True) and dataclass(slots=True) are not supported")
            }
            if let cls = args.optional("cls") { return try decorate(cls, options, interp) }
            return .object(BuiltinFunction(Signature(name: "wrap", parameters: [.init(name: "cls", kind: .positionalOnly)]), module: "dataclasses") { inner, interp in
                try decorate(inner.values[0], options, interp)
            })
        }
        module.function("field(*, default=<unset>, default_factory=<unset>, init=True, repr=True, hash=None, compare=True, metadata=None, kw_only=False)",
                        doc: "Return an object to identify dataclass fields.") { args, _ in
            if args.isGiven("default") && args.isGiven("default_factory") {
                throw PyError(.valueError, "cannot specify both default and default_factory")
            }
            return .object(FieldSpec(default: args.isGiven("default") ? args["default"] : nil,
                                     factory: args.isGiven("default_factory") ? args["default_factory"] : nil,
                                     initialised: try args.bool("init"), shown: try args.bool("repr"), compared: try args.bool("compare")))
        }
        module.function("fields(class_or_instance, /)", doc: "Return a tuple describing the fields of this dataclass.") { args, interp in
            .tuple(try fields(of: args.values[0], interp).map { .object($0) })
        }
        module.function("asdict(obj, *, dict_factory=None)", doc: "Return the fields of a dataclass instance as a new dictionary mapping field names to field values (recursively).") { args, interp in
            try asDict(args["obj"], interp, top: true)
        }
        module.function("astuple(obj, *, tuple_factory=None)", doc: "Return the fields of a dataclass instance as a new tuple of field values.") { args, interp in
            .tuple(try fields(of: args["obj"], interp).map { try interp.attribute(args["obj"], $0.name) })
        }
        module.function("replace(obj, /, **changes)", doc: "Return a new object replacing specified fields with new values.") { args, interp in
            let object = args.values[0]
            var keywords: [(name: String, value: Value)] = []
            for field in try fields(of: object, interp) where field.initialised {
                let change = args.variadicKeywords.first { $0.name == field.name }
                keywords.append((field.name, try change?.value ?? interp.attribute(object, field.name)))
            }
            for change in args.variadicKeywords where !keywords.contains(where: { $0.name == change.name }) {
                throw PyError(.typeError, "__init__() got an unexpected keyword argument '\(change.name)'")
            }
            return try interp.call(.object(object.pyType), Arguments([], keywords: keywords))
        }
        module.function("is_dataclass(obj, /)", doc: "Returns True if obj is a dataclass or an instance of a dataclass.") { args, interp in
            let type = args.values[0].object(as: PyType.self) ?? args.values[0].pyType
            return .bool(type.userClass?.member("__dataclass_fields__", interp) != nil)
        }
        return module
    }

    struct Options {
        var initialiser, repr, eq, order, frozen, unsafeHash: Bool
    }

    /// The fields of a dataclass (or of an instance's class), in definition order.
    static func fields(of value: Value, _ interpreter: Runtime) throws -> [FieldSpec] {
        let type = value.object(as: PyType.self) ?? value.pyType
        guard case .value(let table, _)? = type.userClass?.member("__dataclass_fields__", interpreter),
              let dict = table.object(as: DictObject.self) else {
            throw PyError(.typeError, "must be called with a dataclass type or instance")
        }
        return dict.storage.values.compactMap { $0.object(as: FieldSpec.self) }
    }

    static func asDict(_ value: Value, _ interpreter: Runtime, top: Bool = false) throws -> Value {
        if case .object(let instance as InstanceObject) = value,
           instance.userClass.member("__dataclass_fields__", interpreter) != nil {
            return .dict(try fields(of: value, interpreter).map { ($0.name, try asDict(try interpreter.attribute(value, $0.name), interpreter)) })
        }
        if top { throw PyError(.typeError, "asdict() should be called on dataclass instances") }
        switch value {
        case .object(let list as ListObject): return .list(try list.items.map { try asDict($0, interpreter) })
        case .object(let tuple as TupleObject) where tuple.named == nil: return .tuple(try tuple.items.map { try asDict($0, interpreter) })
        case .object(let dict as DictObject):
            let copy = DictObject()
            for (key, item) in zip(dict.storage.keys, dict.storage.values) {
                copy.storage.set(try DictKey(try asDict(key.value, interpreter), interpreter), try asDict(item, interpreter))
            }
            return .object(copy)
        default: return value
        }
    }

    static func method(_ signature: Signature, _ body: @escaping (BoundArguments, Runtime) throws -> Value) -> Value {
        let function = BuiltinFunction(signature, module: "__main__", body)
        function.bindsAsMethod = true
        return .object(function)
    }

    static func decorate(_ value: Value, _ options: Options, _ interpreter: Runtime) throws -> Value {
        guard let type = value.object(as: PyType.self), let userClass = type.userClass else {
            throw PyError(.typeError, "dataclass() should be called on a class")
        }
        // Fields: those of dataclass bases first, then this class's annotations in order.
        var fields: [FieldSpec] = []
        for base in type.methodResolutionOrder.dropFirst().reversed() {
            if case .value(let table, _)? = base.userClass?.member("__dataclass_fields__", interpreter),
               let dict = table.object(as: DictObject.self) {
                for case let field? in dict.storage.values.map({ $0.object(as: FieldSpec.self) }) {
                    fields.removeAll { $0.name == field.name }
                    fields.append(field)
                }
            }
        }
        if let annotations = userClass.namespace["__annotations__"]?.object(as: DictObject.self) {
            for (key, annotation) in zip(annotations.storage.keys, annotations.storage.values) {
                guard case .string(let name) = key.value else { continue }
                if try interpreter.repr(annotation).contains("ClassVar") { continue }
                let field: FieldSpec
                if let spec = userClass.namespace[name]?.object(as: FieldSpec.self) {
                    field = spec.named(name, type: annotation)
                    if let value = spec.defaultValue { try type.setAttribute(name, to: value, interpreter) } else {
                        userClass.namespace.removeValue(forKey: name)
                    }
                } else {
                    field = FieldSpec(default: userClass.namespace[name], factory: nil).named(name, type: annotation)
                }
                if let value = field.defaultValue, value.object(as: ListObject.self) != nil || value.object(as: DictObject.self) != nil
                    || value.object(as: SetObject.self) != nil {
                    throw PyError(.valueError, "mutable default \(try interpreter.repr(.object(value.pyType))) for field \(name) is not allowed: use default_factory")
                }
                fields.removeAll { $0.name == name }
                fields.append(field)
            }
        }
        var sawDefault = false
        for field in fields where field.initialised {
            if field.hasDefault { sawDefault = true } else if sawDefault {
                throw PyError(.typeError, "non-default argument '\(field.name)' follows default argument")
            }
        }
        let table = DictObject()
        for field in fields { table.storage.set(DictKey(string: field.name), .object(field)) }
        try type.setAttribute("__dataclass_fields__", to: .object(table), interpreter)
        let name = type.name
        let frozen = options.frozen

        if options.initialiser && userClass.namespace["__init__"] == nil {
            var parameters = [Signature.Parameter(name: "self", kind: .positionalOrKeyword)]
            for field in fields where field.initialised {
                var parameter = Signature.Parameter(name: field.name, kind: .positionalOrKeyword)
                if field.hasDefault {
                    parameter.defaultText = field.factory != nil ? "<factory>" : try interpreter.repr(field.defaultValue ?? .none)
                    parameter.defaultLiteral = Literal.none
                }
                parameters.append(parameter)
            }
            try type.setAttribute("__init__", to: method(Signature(name: "\(name).__init__", parameters: parameters)) { args, interp in
                guard let instance = args.values[0].object(as: InstanceObject.self) else { return .none }
                var index = 1
                for field in fields {
                    var value: Value
                    if field.initialised {
                        value = args.values[index]
                        if !args.given[index] {
                            if let factory = field.factory { value = try interp.call(factory, Arguments()) }
                            else if let defaultValue = field.defaultValue { value = defaultValue }
                            else { throw PyError(.typeError, "\(name).__init__() missing 1 required positional argument: '\(field.name)'") }
                        }
                        index += 1
                    } else if let factory = field.factory {
                        value = try interp.call(factory, Arguments())
                    } else if let defaultValue = field.defaultValue {
                        value = defaultValue
                    } else {
                        continue
                    }
                    instance.storeAttribute(field.name, value, interp)
                }
                if let post = instance.userClass.special("__post_init__", interp) {
                    _ = try interp.callMethod(post, on: args.values[0], [])
                }
                return .none
            }, interpreter)
        }
        if options.repr && userClass.namespace["__repr__"] == nil {
            try type.setAttribute("__repr__", to: method(Signature(name: "__repr__", parameters: [.init(name: "self", kind: .positionalOnly)])) { args, interp in
                let receiver = args.values[0]
                let parts = try fields.filter(\.shown).map { "\($0.name)=\(try interp.repr(try interp.attribute(receiver, $0.name)))" }
                return .string("\(receiver.pyType.name)(" + parts.joined(separator: ", ") + ")")
            }, interpreter)
        }
        let compared = fields.filter(\.compared)
        func key(_ value: Value, _ interp: Runtime) throws -> Value {
            .tuple(try compared.map { try interp.attribute(value, $0.name) })
        }
        if options.eq && userClass.namespace["__eq__"] == nil {
            try type.setAttribute("__eq__", to: method(Signature(name: "__eq__", parameters: [.init(name: "self", kind: .positionalOnly), .init(name: "other", kind: .positionalOnly)])) { args, interp in
                guard args.values[1].pyType === args.values[0].pyType else { return .object(NotImplementedObject.shared) }
                return .bool(try interp.equals(try key(args.values[0], interp), try key(args.values[1], interp)))
            }, interpreter)
        }
        if options.order {
            for (op, dunder) in [(ComparisonOperator.less, "__lt__"), (.lessOrEqual, "__le__"), (.greater, "__gt__"), (.greaterOrEqual, "__ge__")] {
                try type.setAttribute(dunder, to: method(Signature(name: dunder, parameters: [.init(name: "self", kind: .positionalOnly), .init(name: "other", kind: .positionalOnly)])) { args, interp in
                    guard args.values[1].pyType === args.values[0].pyType else { return .object(NotImplementedObject.shared) }
                    return try interp.compare(op, try key(args.values[0], interp), try key(args.values[1], interp))
                }, interpreter)
            }
        }
        if frozen {
            for dunder in ["__setattr__", "__delattr__"] {
                try type.setAttribute(dunder, to: method(Signature(name: dunder, parameters: [.init(name: "self", kind: .positionalOnly), .init(name: "name", kind: .positionalOnly), .init(name: "value", kind: .positionalOnly, defaultText: "None", defaultLiteral: Literal.none)])) { args, _ in
                    guard case .string(let field) = args.values[1] else { return .none }
                    throw PyError(frozenError, "cannot \(dunder == "__setattr__" ? "assign to" : "delete") field '\(field)'")
                }, interpreter)
            }
        }
        if options.eq && userClass.namespace["__hash__"].map({ $0.isNone }) ?? true {
            if frozen || options.unsafeHash {
                try type.setAttribute("__hash__", to: method(Signature(name: "__hash__", parameters: [.init(name: "self", kind: .positionalOnly)])) { args, interp in
                    .int(try DictKey(try key(args.values[0], interp), interp).hashValue)
                }, interpreter)
            } else {
                try type.setAttribute("__hash__", to: .none, interpreter)
            }
        }
        return value
    }
}

/// `dataclasses.field(...)`, and the `Field` objects `fields()` returns.
final class FieldSpec: PyObject {
    private(set) var name = ""
    private(set) var type: Value = .none
    let defaultValue: Value?
    let factory: Value?
    let initialised: Bool
    let shown: Bool
    let compared: Bool

    init(default defaultValue: Value?, factory: Value?, initialised: Bool = true, shown: Bool = true, compared: Bool = true) {
        self.defaultValue = defaultValue
        self.factory = factory
        self.initialised = initialised
        self.shown = shown
        self.compared = compared
    }

    var hasDefault: Bool { defaultValue != nil || factory != nil }

    func named(_ name: String, type: Value) -> FieldSpec {
        let copy = FieldSpec(default: defaultValue, factory: factory, initialised: initialised, shown: shown, compared: compared)
        copy.name = name
        copy.type = type
        return copy
    }

    static let pyTypeObject = PyType("Field", module: "dataclasses") { t in
        t.property("name", of: FieldSpec.self) { field, _ in .string(field.name) }
        t.property("type", of: FieldSpec.self) { field, _ in field.type }
        t.property("default", of: FieldSpec.self) { field, _ in field.defaultValue ?? .object(MissingMarker.shared) }
        t.property("default_factory", of: FieldSpec.self) { field, _ in field.factory ?? .object(MissingMarker.shared) }
    }
    var pyType: PyType { FieldSpec.pyTypeObject }

    func repr(_ interpreter: Runtime) throws -> String {
        return "Field(name=\(StringRepr.repr(name)),type=\(try interpreter.repr(type)),default=\(try defaultValue.map { try interpreter.repr($0) } ?? "<dataclasses._MISSING_TYPE object>"))"
    }
}

/// `dataclasses.MISSING`: "no default".
final class MissingMarker: PyObject, Sendable {
    static let shared = MissingMarker()
    static let type = PyType("_MISSING_TYPE", module: "dataclasses")
    var pyType: PyType { MissingMarker.type }
    func repr(_ interpreter: Runtime) throws -> String { "<dataclasses._MISSING_TYPE object>" }
}
