/// How a user class behaves as an object: creation from a class body, attributes read
/// through the class, and calling it to make an instance.
extension PyType {
    /// Makes the class a `class` statement defines.
    static func makeUserClass(name: String, bases givenBases: [Value], namespace: [(String, Value)],
                              doc: String?, _ interpreter: Runtime) throws -> PyType {
        var bases: [PyType] = []
        for base in givenBases {
            guard let type = base.object(as: PyType.self) else {
                throw PyError(.typeError, "bases must be types")
            }
            if bases.contains(where: { $0 === type }) {
                throw PyError(.typeError, "duplicate base class \(type.name)")
            }
            guard type.userClass != nil || type === PyType.object || type.errorKind != nil else {
                throw PyError.notImplemented("subclassing '\(type.qualifiedName)' is not supported")
            }
            bases.append(type)
        }
        if bases.isEmpty { bases = [.object] }
        var table: [String: Value] = [:]
        var names: [String] = []
        for (key, value) in namespace where table.updateValue(value, forKey: key) == nil { names.append(key) }
        // Defining `__eq__` without `__hash__` makes instances unhashable, as in Python.
        if table["__eq__"] != nil && table["__hash__"] == nil {
            table["__hash__"] = Value.none
            names.append("__hash__")
        }
        let userClass = UserClass(namespace: table, names: names, bases: bases, runtime: interpreter)
        var errorKind: PyErrorKind?
        if let exceptionBase = userClass.exceptionBase, let parentKind = exceptionBase.errorKind {
            errorKind = PyErrorKind(name)
            if PyErrorKind.hierarchy.contains(where: { $0.child == name }) {
                throw PyError.notImplemented("a class may not reuse the name of the built-in exception '\(name)'")
            }
            UserErrorKinds.register(name, parent: parentKind.name)
        }
        let type = PyType(userClass: userClass, name: name, doc: doc ?? "", errorKind: errorKind)
        userClass.mro = try linearize(type, bases: bases)
        for value in table.values {
            var functions: [Value?] = [value]
            if let property = value.object(as: PropertyObject.self) { functions = [property.getter, property.setter, property.deleter] }
            if let method = value.object(as: StaticMethodObject.self) { functions = [method.function] }
            if let method = value.object(as: ClassMethodObject.self) { functions = [method.function] }
            for case let function? in functions.map({ $0?.object(as: FunctionObject.self) }) {
                function.qualifiedName = "\(name).\(function.name)"
            }
        }
        return type
    }

    /// `C.name` for a user class.
    func userAttribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        guard let userClass else { return nil }
        if let member = userClass.member(name, interpreter) {
            return try member.bindToClass(self, interpreter)
        }
        switch name {
        case "__name__", "__qualname__": return .string(self.name)
        case "__doc__": return doc.isEmpty ? Value.none : .string(doc)
        case "__module__": return .string("__main__")
        case "__mro__": return .tuple(userClass.mro.map { .object($0) })
        case "__bases__": return .tuple(userClass.bases.map { .object($0) })
        case "__base__": return .object(userClass.bases[0])
        case "__class__": return .object(PyType.type)
        case "__dict__":
            let dict = DictObject()
            for key in userClass.names {
                if let value = userClass.namespace[key] { dict.storage.set(DictKey(string: key), value) }
            }
            return .object(dict)
        default: return nil
        }
    }

    /// `C(...)`: a new instance, initialised by the `__init__` found along the MRO.
    func instantiate(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let userClass else { throw PyError(.systemError, "not a user class") }
        if userClass.special("__new__", interpreter) != nil {
            throw PyError.notImplemented("classes that define __new__ are not supported")
        }
        let instance = InstanceObject(type: self, userClass: userClass)
        if userClass.exceptionBase != nil { instance.exceptionArguments = arguments.positional }
        let value = Value.object(instance)
        switch userClass.member("__init__", interpreter) {
        case .value(let initializer, _)?:
            let result = try interpreter.callMethod(initializer, on: value, with: arguments)
            guard case .none = result else {
                throw PyError(.typeError, "__init__() should return None, not '\(result.typeName)'")
            }
        case .method(let method)?:
            if userClass.exceptionBase == nil && !arguments.isEmpty {
                throw PyError(.typeError, "\(name)() takes no arguments")
            }
            _ = try method.body(value, try method.signature.bind(arguments), interpreter)
        default:
            if !arguments.isEmpty { throw PyError(.typeError, "\(name)() takes no arguments") }
        }
        return value
    }
}

extension Runtime {
    /// `callMethod` with full arguments (keywords included) after the receiver.
    func callMethod(_ function: Value, on receiver: Value, with arguments: Arguments) throws -> Value {
        var all = arguments
        if case .object(let object) = function {
            if let method = object as? StaticMethodObject { return try call(method.function, all) }
            if let method = object as? ClassMethodObject {
                all.positional.insert(.object(receiver.pyType), at: 0)
                return try call(method.function, all)
            }
        }
        all.positional.insert(receiver, at: 0)
        return try call(function, all)
    }
}
