/// An instance of a user class: its attributes, and the protocol hooks that call the class's
/// special methods (`__repr__`, `__len__`, `__add__`, ...).
final class InstanceObject: PyObject {
    let type: PyType
    let userClass: UserClass
    /// Attributes by the class's layout slot (nil: not set on this instance).
    @exclusivity(unchecked) var values: ContiguousArray<Value?> = []
    /// Set once `__dict__` was asked for: from then on the attributes live in this dict, so
    /// writes through `obj.__dict__[...]` are seen by `obj.name` (and the fast paths step aside).
    var dict: DictObject?
    /// For exception classes: `args`, as `BaseException.__new__` and `__init__` set them.
    var exceptionArguments: [Value] = []

    init(type: PyType, userClass: UserClass) {
        self.type = type
        self.userClass = userClass
    }

    var pyType: PyType { type }

    // MARK: Attributes

    /// The attribute stored on the instance itself, if any.
    func ownAttribute(_ name: String) -> Value? {
        if let dict { return dict[string: name] }
        guard let index = userClass.slotIndex[name], index < values.count else { return nil }
        return values[index]
    }

    /// Stores an attribute on the instance, bypassing `__setattr__` and descriptors.
    func storeAttribute(_ name: String, _ value: Value?, _ interpreter: Runtime) {
        if let dict {
            if let value { dict.storage.set(DictKey(string: name), value) } else { _ = dict.storage.remove(DictKey(string: name)) }
            return
        }
        let index = userClass.slot(for: name, interpreter)
        if index >= values.count {
            if value == nil { return }
            values.append(contentsOf: repeatElement(nil, count: index + 1 - values.count))
        }
        values[index] = value
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        if name == "__class__" { return .object(type) }
        let member = userClass.member(name, interpreter)
        if let member, let value = try member.dataDescriptorGet(.object(self), interpreter) { return value }
        if let own = ownAttribute(name) { return own }
        if let member { return try member.bind(to: .object(self), interpreter) }
        switch name {
        case "__dict__": return .object(instanceDict())
        case "__doc__": return type.doc.isEmpty ? Value.none : .string(type.doc)
        case "__module__": return .string("__main__")
        case "args" where userClass.exceptionBase != nil: return .tuple(exceptionArguments)
        default: break
        }
        if let getattr = userClass.special("__getattr__", interpreter) {
            return try interpreter.callMethod(getattr, on: .object(self), [.string(name)])
        }
        return nil
    }

    func setAttribute(_ name: String, to value: Value, _ interpreter: Runtime) throws {
        if let setattr = userClass.special("__setattr__", interpreter) {
            _ = try interpreter.callMethod(setattr, on: .object(self), [.string(name), value])
            return
        }
        try setAttributeDirectly(name, value, interpreter)
    }

    /// `object.__setattr__`: descriptors (properties) first, then the instance.
    func setAttributeDirectly(_ name: String, _ value: Value, _ interpreter: Runtime) throws {
        if name == "__class__" { throw PyError.notImplemented("assigning __class__ is not supported") }
        if name == "__dict__" { throw PyError.notImplemented("assigning __dict__ is not supported") }
        if let member = userClass.member(name, interpreter), try member.dataDescriptorSet(.object(self), name, value, interpreter) {
            return
        }
        storeAttribute(name, value, interpreter)
    }

    func deleteAttribute(_ name: String, _ interpreter: Runtime) throws {
        if let delattr = userClass.special("__delattr__", interpreter) {
            _ = try interpreter.callMethod(delattr, on: .object(self), [.string(name)])
            return
        }
        if case .value(let value, _)? = userClass.member(name, interpreter), let property = value.object(as: PropertyObject.self) {
            guard let deleter = property.deleter else {
                throw PyError(.attributeError, "property '\(property.name)' of '\(type.name)' object has no deleter")
            }
            _ = try interpreter.call(deleter, .object(self))
            return
        }
        guard ownAttribute(name) != nil else {
            throw PyError(.attributeError, "'\(type.name)' object has no attribute '\(name)'")
        }
        storeAttribute(name, nil, interpreter)
    }

    func instanceDict() -> DictObject {
        if let dict { return dict }
        let made = DictObject()
        for (index, name) in userClass.slotNames.enumerated() where index < values.count {
            if let value = values[index] { made.storage.set(DictKey(string: name), value) }
        }
        values = []
        dict = made
        return made
    }

    var dynamicAttributeNames: [String] {
        var names = type.dynamicAttributeNames
        if let dict {
            names += dict.storage.keys.compactMap { if case .string(let s) = $0.value { return s } else { return nil } }
        } else {
            for (index, name) in userClass.slotNames.enumerated() where index < values.count && values[index] != nil {
                names.append(name)
            }
        }
        return names
    }

    // MARK: Special methods

    /// Calls the special method `name` if the class defines one (in Python code).
    func callSpecial(_ name: String, _ arguments: [Value], _ interpreter: Runtime) throws -> Value? {
        guard let function = userClass.special(name, interpreter) else { return nil }
        if case .none = function { return nil }
        return try interpreter.callMethod(function, on: .object(self), arguments)
    }

    func repr(_ interpreter: Runtime) throws -> String {
        if let result = try callSpecial("__repr__", [], interpreter) {
            guard case .string(let text) = result else {
                throw PyError(.typeError, "__repr__ returned non-string (type \(result.typeName))")
            }
            return text
        }
        if let exceptionBase = userClass.exceptionBase, exceptionBase.errorKind != nil {
            return "\(type.name)(\(try exceptionArguments.map { try interpreter.repr($0) }.joined(separator: ", ")))"
        }
        return "<__main__.\(type.name) object at \(interpreter.address(of: self))>"
    }

    func str(_ interpreter: Runtime) throws -> String {
        if let result = try callSpecial("__str__", [], interpreter) {
            guard case .string(let text) = result else {
                throw PyError(.typeError, "__str__ returned non-string (type \(result.typeName))")
            }
            return text
        }
        if userClass.exceptionBase != nil, userClass.special("__repr__", interpreter) == nil {
            return try exceptionMessage(interpreter)
        }
        return try repr(interpreter)
    }

    /// `str()` of an exception as `BaseException.__str__` gives it.
    func exceptionMessage(_ interpreter: Runtime) throws -> String {
        switch exceptionArguments.count {
        case 0: return ""
        case 1: return try interpreter.str(exceptionArguments[0])
        default: return try interpreter.repr(.tuple(exceptionArguments))
        }
    }

    func format(_ spec: String, _ interpreter: Runtime) throws -> String? {
        if let result = try callSpecial("__format__", [.string(spec)], interpreter) {
            guard case .string(let text) = result else {
                throw PyError(.typeError, "__format__ must return a str, not \(result.typeName)")
            }
            return text
        }
        if spec.isEmpty { return try str(interpreter) }
        throw PyError(.typeError, "unsupported format string passed to \(type.name).__format__")
    }

    func length(_ interpreter: Runtime) throws -> Int? {
        guard let result = try callSpecial("__len__", [], interpreter) else { return nil }
        guard let count = result.asIndex else {
            throw PyError(.typeError, "'\(result.typeName)' object cannot be interpreted as an integer")
        }
        if count < 0 { throw PyError(.valueError, "__len__() should return >= 0") }
        return count
    }

    func truthiness(_ interpreter: Runtime) throws -> Bool {
        if let result = try callSpecial("__bool__", [], interpreter) {
            guard case .bool(let b) = result else {
                throw PyError(.typeError, "__bool__ should return bool, returned \(result.typeName)")
            }
            return b
        }
        if let count = try length(interpreter) { return count != 0 }
        return true
    }

    func item(_ key: Value, _ interpreter: Runtime) throws -> Value {
        if let result = try callSpecial("__getitem__", [key], interpreter) { return result }
        throw PyError(.typeError, "'\(type.name)' object is not subscriptable")
    }

    func setItem(_ key: Value, to value: Value, _ interpreter: Runtime) throws {
        if try callSpecial("__setitem__", [key, value], interpreter) != nil { return }
        throw PyError(.typeError, "'\(type.name)' object does not support item assignment")
    }

    func deleteItem(_ key: Value, _ interpreter: Runtime) throws {
        if try callSpecial("__delitem__", [key], interpreter) != nil { return }
        throw PyError(.typeError, "'\(type.name)' object doesn't support item deletion")
    }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let function = userClass.special("__call__", interpreter), !function.isNone else {
            throw PyError(.typeError, "'\(type.name)' object is not callable")
        }
        var withSelf = arguments
        withSelf.positional.insert(.object(self), at: 0)
        return try interpreter.call(function, withSelf)
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator {
        if let iterator = try callSpecial("__iter__", [], interpreter) {
            if case .object(let object) = iterator {
                if let native = object as? any PyIterator, !(object is InstanceObject) { return native }
                if let instance = object as? InstanceObject, instance.userClass.special("__next__", interpreter) != nil {
                    return InstanceIterator(instance)
                }
            }
            throw PyError(.typeError, "iter() returned non-iterator of type '\(iterator.typeName)'")
        }
        if userClass.special("__getitem__", interpreter) != nil { return SequenceProtocolIterator(self) }
        throw PyError(.typeError, "'\(type.name)' object is not iterable")
    }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        guard let result = try callSpecial("__contains__", [item], interpreter) else { return nil }
        return try interpreter.truthiness(result)
    }

    func binaryOperation(_ op: BinaryOperator, _ other: Value, reflected: Bool, _ interpreter: Runtime) throws -> Value? {
        let name = reflected ? "__r\(op.methodStem)__" : "__\(op.methodStem)__"
        guard let result = try callSpecial(name, [other], interpreter) else { return nil }
        return result.isNotImplemented ? nil : result
    }

    func inPlaceOperation(_ op: BinaryOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        guard let result = try callSpecial("__i\(op.methodStem)__", [other], interpreter) else { return nil }
        return result.isNotImplemented ? nil : result
    }

    func unaryOperation(_ op: UnaryOperator, _ interpreter: Runtime) throws -> Value? {
        let name: String
        switch op {
        case .negate: name = "__neg__"
        case .plus: name = "__pos__"
        case .invert: name = "__invert__"
        }
        return try callSpecial(name, [], interpreter)
    }

    func compare(_ op: ComparisonOperator, _ other: Value, _ interpreter: Runtime) throws -> Value? {
        let name: String
        switch op {
        case .equal: name = "__eq__"
        case .notEqual: name = "__ne__"
        case .less: name = "__lt__"
        case .lessOrEqual: name = "__le__"
        case .greater: name = "__gt__"
        case .greaterOrEqual: name = "__ge__"
        }
        if let result = try callSpecial(name, [other], interpreter) {
            return result.isNotImplemented ? nil : result
        }
        if op == .notEqual, let equal = try callSpecial("__eq__", [other], interpreter), !equal.isNotImplemented {
            return .bool(!(try interpreter.truthiness(equal)))
        }
        return nil
    }

    func hashValue(_ interpreter: Runtime) throws -> Int? {
        if case .value(let hash, _)? = userClass.member("__hash__", interpreter) {
            if case .none = hash { return nil }
            let result = try interpreter.callMethod(hash, on: .object(self), [])
            guard let value = result.asIndex else {
                throw PyError(.typeError, "__hash__ method should return an integer")
            }
            return value
        }
        return ObjectIdentifier(self).hashValue
    }

    /// Whether `==` is the class's own (dict keys then compare by it, not by identity).
    func hasCustomEquality(_ interpreter: Runtime) -> Bool {
        userClass.special("__eq__", interpreter) != nil
    }

    func enter(_ interpreter: Runtime) throws -> Value {
        if let result = try callSpecial("__enter__", [], interpreter) { return result }
        throw PyError(.typeError, "'\(type.name)' object does not support the context manager protocol")
    }

    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool {
        var arguments: [Value] = [.none, .none, .none]
        if let error {
            arguments = [.object(interpreter.exceptionType(error.kind)), interpreter.exceptionValue(for: error), .none]
        }
        guard let result = try callSpecial("__exit__", arguments, interpreter) else {
            throw PyError(.typeError, "'\(type.name)' object does not support the context manager protocol")
        }
        return try interpreter.truthiness(result)
    }
}

/// Iterates a user iterator by calling its `__next__` until `StopIteration`.
final class InstanceIterator: PyIterator {
    let instance: InstanceObject
    init(_ instance: InstanceObject) { self.instance = instance }
    func next(_ interpreter: Runtime) throws -> Value? {
        do {
            return try instance.callSpecial("__next__", [], interpreter)
        } catch let error as PyError where error.kind == .stopIteration {
            return nil
        }
    }
}

/// Iterates an object that has `__getitem__` but no `__iter__`: indexes 0, 1, ... until
/// `IndexError`, as Python's old sequence protocol does.
final class SequenceProtocolIterator: PyIterator {
    let instance: InstanceObject
    var index = 0
    init(_ instance: InstanceObject) { self.instance = instance }
    func next(_ interpreter: Runtime) throws -> Value? {
        do {
            defer { index += 1 }
            return try instance.item(.int(index), interpreter)
        } catch let error as PyError where error.kind == .indexError || error.kind == .stopIteration {
            return nil
        }
    }
}

extension Value {
    var isNotImplemented: Bool {
        if case .object(let object) = self { return object is NotImplementedObject }
        return false
    }
}

/// `NotImplemented`: what a binary special method returns to let the other operand try.
final class NotImplementedObject: PyObject, Sendable {
    static let shared = NotImplementedObject()
    static let type = PyType("NotImplementedType")
    var pyType: PyType { NotImplementedObject.type }
    func repr(_ interpreter: Runtime) throws -> String { "NotImplemented" }
}

extension Runtime {
    /// Calls a function found on a class with `receiver` as its first argument, the way a
    /// bound method would (static and class methods get what they expect).
    func callMethod(_ function: Value, on receiver: Value, _ arguments: [Value]) throws -> Value {
        if case .object(let object) = function {
            if let user = object as? FunctionObject {
                return try user.call(Arguments([receiver] + arguments), self)
            }
            if let method = object as? StaticMethodObject { return try call(method.function, Arguments(arguments)) }
            if let method = object as? ClassMethodObject {
                return try call(method.function, Arguments([.object(receiver.pyType)] + arguments))
            }
        }
        return try call(function, Arguments([receiver] + arguments))
    }

    /// `0x7f...`: an object's address as reprs show it.
    func address(of object: AnyObject) -> String {
        "0x" + String(UInt(bitPattern: Unmanaged.passUnretained(object).toOpaque()), radix: 16).leftPadded(to: 12)
    }

    /// The exception instance `except ... as e` binds for an error.
    func exceptionValue(for error: PyError) -> Value {
        if let payload = error.payload { return payload.instance }
        return .object(ExceptionObject(caught: error, self))
    }
}

extension String {
    func leftPadded(to width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }
}
