/// What class attributes become when read through an instance or a class: methods bound to
/// their receiver, `property`, `staticmethod`, `classmethod`, and `super()` proxies.

/// A user function bound to a receiver (`obj.method`, or the class for a classmethod).
final class MethodObject: PyObject {
    let function: Value
    let receiver: Value

    init(function: Value, receiver: Value) {
        self.function = function
        self.receiver = receiver
    }

    static let type = PyType("method")
    var pyType: PyType { MethodObject.type }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        var withReceiver = arguments
        withReceiver.positional.insert(receiver, at: 0)
        return try interpreter.call(function, withReceiver)
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "__self__": return receiver
        case "__func__": return function
        default: return try interpreter.lookupAttribute(function, name)
        }
    }

    func repr(_ interpreter: Runtime) throws -> String {
        let name = (function.object(as: FunctionObject.self)?.qualifiedName) ?? "?"
        return "<bound method \(name) of \(try interpreter.repr(receiver))>"
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard op == .equal || op == .notEqual, let other = other.object(as: MethodObject.self) else { return nil }
        let same = function.isIdentical(to: other.function) && receiver.isIdentical(to: other.receiver)
        return .bool(op == .equal ? same : !same)
    }
}

/// `property(fget, fset, fdel, doc)` and the `@property` / `@x.setter` decorators.
final class PropertyObject: PyObject {
    let getter: Value?
    let setter: Value?
    let deleter: Value?
    let doc: String?

    init(getter: Value?, setter: Value?, deleter: Value?, doc: String?) {
        self.getter = getter
        self.setter = setter
        self.deleter = deleter
        self.doc = doc
    }

    var name: String { getter?.object(as: FunctionObject.self)?.name ?? "?" }

    static let type = PyType("property", doc: "Property attribute.") { t in
        t.constructor("property(fget=None, fset=None, fdel=None, doc=None)") { args, _ in
            .object(PropertyObject(getter: args.optional("fget"), setter: args.optional("fset"),
                                   deleter: args.optional("fdel"), doc: try args.optionalString("doc")))
        }
        t.method("setter(fset, /)", of: PropertyObject.self, doc: "Descriptor to obtain a copy of the property with a different setter.") { property, args, _ in
            .object(PropertyObject(getter: property.getter, setter: args.values[0], deleter: property.deleter, doc: property.doc))
        }
        t.method("getter(fget, /)", of: PropertyObject.self, doc: "Descriptor to obtain a copy of the property with a different getter.") { property, args, _ in
            .object(PropertyObject(getter: args.values[0], setter: property.setter, deleter: property.deleter, doc: property.doc))
        }
        t.method("deleter(fdel, /)", of: PropertyObject.self, doc: "Descriptor to obtain a copy of the property with a different deleter.") { property, args, _ in
            .object(PropertyObject(getter: property.getter, setter: property.setter, deleter: args.values[0], doc: property.doc))
        }
        t.property("fget", of: PropertyObject.self) { property, _ in property.getter ?? .none }
        t.property("fset", of: PropertyObject.self) { property, _ in property.setter ?? .none }
    }
    var pyType: PyType { PropertyObject.type }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        guard name == "__doc__" else { return nil }
        if let doc { return .string(doc) }
        return getter.flatMap { $0.object(as: FunctionObject.self)?.doc }.map(Value.string) ?? Value.none
    }

    func repr(_ interpreter: Runtime) throws -> String { "<property object at \(interpreter.address(of: self))>" }
}

/// `@staticmethod`: the function, called without a receiver.
final class StaticMethodObject: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    static let type = PyType("staticmethod") { t in
        t.constructor("staticmethod(function, /)") { args, _ in .object(StaticMethodObject(args.values[0])) }
    }
    var pyType: PyType { StaticMethodObject.type }
    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        try interpreter.call(function, arguments)
    }
    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        name == "__func__" ? function : try interpreter.lookupAttribute(function, name)
    }
    func repr(_ interpreter: Runtime) throws -> String { "<staticmethod(\(try interpreter.repr(function)))>" }
}

/// `@classmethod`: the function, called with the class as its first argument.
final class ClassMethodObject: PyObject {
    let function: Value
    init(_ function: Value) { self.function = function }
    static let type = PyType("classmethod") { t in
        t.constructor("classmethod(function, /)") { args, _ in .object(ClassMethodObject(args.values[0])) }
    }
    var pyType: PyType { ClassMethodObject.type }
    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        name == "__func__" ? function : try interpreter.lookupAttribute(function, name)
    }
    func repr(_ interpreter: Runtime) throws -> String { "<classmethod(\(try interpreter.repr(function)))>" }
}

extension ClassMember {
    /// For a data descriptor (a property), the value it gives for `receiver`; nil otherwise.
    func dataDescriptorGet(_ receiver: Value, _ interpreter: Runtime) throws -> Value? {
        switch self {
        case .value(let value, let owner):
            guard let property = value.object(as: PropertyObject.self) else { return nil }
            guard let getter = property.getter else {
                throw PyError(.attributeError, "property '\(property.name)' of '\(owner.name)' object has no getter")
            }
            return try interpreter.call(getter, receiver)
        case .property(let property):
            return try property.get(receiver, interpreter)
        case .method, .constant:
            return nil
        }
    }

    /// Sets through a data descriptor; false when the member is not one.
    func dataDescriptorSet(_ receiver: Value, _ name: String, _ newValue: Value, _ interpreter: Runtime) throws -> Bool {
        switch self {
        case .value(let value, _):
            guard let property = value.object(as: PropertyObject.self) else { return false }
            guard let setter = property.setter else {
                throw PyError(.attributeError, "property '\(name)' of '\(receiver.typeName)' object has no setter")
            }
            _ = try interpreter.call(setter, receiver, newValue)
            return true
        case .property(let property):
            guard let set = property.set else {
                throw PyError(.attributeError, "property '\(name)' of '\(receiver.typeName)' object has no setter")
            }
            try set(receiver, newValue, interpreter)
            return true
        case .method, .constant:
            return false
        }
    }

    /// The member as read through an instance: functions bound to it, class methods bound to
    /// its class, static methods unwrapped.
    func bind(to receiver: Value, _ interpreter: Runtime) throws -> Value {
        switch self {
        case .value(let value, _):
            guard case .object(let object) = value else { return value }
            if object is FunctionObject || (object as? BuiltinFunction)?.bindsAsMethod == true {
                return .object(MethodObject(function: value, receiver: receiver))
            }
            if let method = object as? StaticMethodObject { return method.function }
            if let method = object as? ClassMethodObject {
                return .object(MethodObject(function: method.function, receiver: .object(receiver.pyType)))
            }
            if let property = object as? PropertyObject { return try dataDescriptorGet(receiver, interpreter) ?? .object(property) }
            return value
        case .method(let method): return .object(BoundMethod(receiver: receiver, method: method))
        case .property(let property): return try property.get(receiver, interpreter)
        case .constant(let value): return value
        }
    }

    /// The member as read through the class itself (`C.method`, `C.attr`).
    func bindToClass(_ type: PyType, _ interpreter: Runtime) throws -> Value {
        switch self {
        case .value(let value, _):
            guard case .object(let object) = value else { return value }
            if let method = object as? StaticMethodObject { return method.function }
            if let method = object as? ClassMethodObject {
                return .object(MethodObject(function: method.function, receiver: .object(type)))
            }
            return value
        case .method(let method): return .object(UnboundMethod(type: type, method: method))
        case .property: return .none
        case .constant(let value): return value
        }
    }
}

/// `super()` / `super(C, obj)`: attribute lookup that starts after `start` in the MRO of the
/// receiver's class.
final class SuperObject: PyObject {
    let start: PyType
    let receiver: Value

    init(start: PyType, receiver: Value) {
        self.start = start
        self.receiver = receiver
    }

    static let type = PyType("super")
    var pyType: PyType { SuperObject.type }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        let receiverType = receiver.object(as: PyType.self) ?? receiver.pyType
        let isClassReceiver = receiver.object(as: PyType.self) != nil && receiverType.isSubtype(of: start)
            && !(receiver.pyType.isSubtype(of: start))
        let mro = receiverType.methodResolutionOrder
        guard let position = mro.firstIndex(where: { $0 === start }) else { return nil }
        for type in mro[(position + 1)...] {
            guard let member = type.ownMember(name) else { continue }
            if isClassReceiver { return try member.bindToClass(receiverType, interpreter) }
            return try member.bind(to: receiver, interpreter)
        }
        return nil
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "<super: <class '\(start.name)'>, <\(receiver.typeName) object>>"
    }
}

/// What `object` and the built-in exception classes provide to `super()` calls and to
/// classes that do not override them.
enum ObjectSpecials {
    static let methods: [String: NativeMethod] = {
        var builder = PyTypeBuilder(typeName: "object")
        builder.valueMethod("__init__(*args, **kwargs)", doc: "Initialize self.") { _, args, _ in
            if !args.variadicPositional.isEmpty || !args.variadicKeywords.isEmpty {
                throw PyError(.typeError, "object.__init__() takes exactly one argument (the instance to initialize)")
            }
            return .none
        }
        builder.valueMethod("__setattr__(name, value, /)", doc: "Implement setattr(self, name, value).") { receiver, args, interp in
            guard let instance = receiver.object(as: InstanceObject.self) else {
                try interp.setAttribute(receiver, try args.string("name"), args.values[1])
                return .none
            }
            try instance.setAttributeDirectly(try args.string("name"), args.values[1], interp)
            return .none
        }
        builder.valueMethod("__getattribute__(name, /)", doc: "Return getattr(self, name).") { receiver, args, interp in
            try interp.attribute(receiver, try args.string("name"))
        }
        builder.valueMethod("__repr__()", doc: "Return repr(self).") { receiver, _, interp in
            guard let instance = receiver.object(as: InstanceObject.self) else { return .string(try interp.repr(receiver)) }
            return .string("<__main__.\(instance.type.name) object at \(interp.address(of: instance))>")
        }
        builder.valueMethod("__str__()", doc: "Return str(self).") { receiver, _, interp in
            .string(try interp.repr(receiver))
        }
        builder.valueMethod("__eq__(value, /)", doc: "Return self==value.") { receiver, args, _ in
            receiver.isIdentical(to: args.values[0]) ? .bool(true) : .object(NotImplementedObject.shared)
        }
        builder.valueMethod("__ne__(value, /)", doc: "Return self!=value.") { receiver, args, _ in
            receiver.isIdentical(to: args.values[0]) ? .bool(false) : .object(NotImplementedObject.shared)
        }
        builder.valueMethod("__hash__()", doc: "Return hash(self).") { receiver, _, _ in
            guard case .object(let object) = receiver else { return .int(0) }
            return .int(ObjectIdentifier(object).hashValue)
        }
        builder.valueMethod("__init_subclass__(**kwargs)", doc: "Called when a class is subclassed.") { _, _, _ in .none }
        return builder.methods
    }()

    static let exceptionMethods: [String: NativeMethod] = {
        var builder = PyTypeBuilder(typeName: "BaseException")
        builder.valueMethod("__init__(*args)", doc: "Initialize self.") { receiver, args, _ in
            receiver.object(as: InstanceObject.self)?.exceptionArguments = args.variadicPositional
            return .none
        }
        builder.valueMethod("__str__()", doc: "Return str(self).") { receiver, _, interp in
            guard let instance = receiver.object(as: InstanceObject.self) else { return .string(try interp.str(receiver)) }
            return .string(try instance.exceptionMessage(interp))
        }
        builder.valueMethod("with_traceback(tb, /)", doc: "Set self.__traceback__ to tb and return self.") { receiver, _, _ in receiver }
        return builder.methods
    }()
}
