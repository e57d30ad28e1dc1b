import Synchronization

/// What a `class` statement made, kept by its `PyType`: the namespace, the bases, the method
/// resolution order and the layout of its instances' attributes.
///
/// Instances keep their attributes in an array indexed by the class's layout (a name gets a
/// slot the first time any instance of the class sets it), so the evaluator's inline caches
/// read and write attributes by index. Lookups along the MRO are cached per class; every
/// cache is dropped when the runtime's `classEpoch` moves (a class attribute assigned, a new
/// attribute name in a layout), so a cached answer is never stale.
final class UserClass: @unchecked Sendable {
    var namespace: [String: Value]
    /// Namespace names in definition order (for `__dict__` and `dir`).
    var names: [String]
    let bases: [PyType]
    var mro: [PyType] = []
    var slotIndex: [String: Int] = [:]
    var slotNames: [String] = []
    private var cache: [String: ClassMember?] = [:]
    private var cacheEpoch = -1
    weak var runtime: Runtime?
    /// The built-in exception class the class derives from, if any.
    let exceptionBase: PyType?

    init(namespace: [String: Value], names: [String], bases: [PyType], runtime: Runtime) {
        self.namespace = namespace
        self.names = names
        self.bases = bases
        self.runtime = runtime
        exceptionBase = bases.lazy.compactMap { $0.errorKind != nil ? $0 : nil }.first
    }

    /// The slot of an instance attribute, adding one when the name is new to the class.
    func slot(for name: String, _ interpreter: Runtime) -> Int {
        if let index = slotIndex[name] { return index }
        let index = slotNames.count
        slotIndex[name] = index
        slotNames.append(name)
        interpreter.classEpoch &+= 1
        return index
    }

    /// The first definition of `name` along the MRO.
    func member(_ name: String, _ interpreter: Runtime) -> ClassMember? {
        if cacheEpoch != interpreter.classEpoch {
            cache.removeAll(keepingCapacity: true)
            cacheEpoch = interpreter.classEpoch
        }
        if let cached = cache[name] { return cached }
        var found: ClassMember?
        for type in mro {
            if let member = type.ownMember(name) { found = member; break }
        }
        cache[name] = .some(found)
        return found
    }

    /// A user-defined function for a special method (`__len__`), or nil when only the
    /// built-in behaviour exists.
    func special(_ name: String, _ interpreter: Runtime) -> Value? {
        if case .value(let value, _)? = member(name, interpreter) { return value }
        return nil
    }
}

/// An attribute found on a class: a value from a class body, or a native method, property
/// or constant of a built-in base.
enum ClassMember {
    case value(Value, owner: PyType)
    case method(NativeMethod)
    case property(NativeProperty)
    case constant(Value)
}

/// Exception kinds made by `class MyError(ValueError)`: their parents, read by
/// `PyErrorKind.parent` (kinds stay plain names so errors stay `Sendable`).
enum UserErrorKinds {
    static let parents = Mutex<[String: String]>([:])

    static func register(_ name: String, parent: String) {
        parents.withLock { $0[name] = parent }
    }

    static func parent(of name: String) -> String? {
        parents.withLock { $0[name] }
    }
}

extension PyType {
    /// A class made by a `class` statement.
    convenience init(userClass: UserClass, name: String, doc: String, errorKind: PyErrorKind?) {
        self.init(name: name, module: "__main__", doc: doc, base: userClass.bases.first,
                  errorKind: errorKind, userClass: userClass)
    }

    /// What this type itself defines under `name` (not its bases).
    func ownMember(_ name: String) -> ClassMember? {
        if let userClass { return userClass.namespace[name].map { .value($0, owner: self) } }
        if let method = methods[name] { return .method(method) }
        if let property = properties[name] { return .property(property) }
        if let make = classAttributes[name] { return .constant(make()) }
        if self === PyType.object, let method = ObjectSpecials.methods[name] { return .method(method) }
        if errorKind != nil, let method = ObjectSpecials.exceptionMethods[name] { return .method(method) }
        return nil
    }

    /// The method resolution order: the class's own for user classes, else the base chain
    /// ending in `object`.
    var methodResolutionOrder: [PyType] {
        if let userClass { return userClass.mro }
        var chain: [PyType] = []
        var type: PyType? = self
        while let current = type {
            chain.append(current)
            type = current.base
        }
        if chain.last !== PyType.object { chain.append(.object) }
        return chain
    }

    /// C3 linearization of a new class with `bases`, or the `TypeError` Python raises.
    static func linearize(_ type: PyType, bases: [PyType]) throws -> [PyType] {
        var sequences = bases.map(\.methodResolutionOrder) + [bases]
        var result = [type]
        while true {
            sequences = sequences.filter { !$0.isEmpty }
            if sequences.isEmpty { return result }
            var chosen: PyType?
            for sequence in sequences {
                let head = sequence[0]
                let inTail = sequences.contains { $0.dropFirst().contains { $0 === head } }
                if !inTail { chosen = head; break }
            }
            guard let next = chosen else {
                let names = bases.map(\.name).joined(separator: ", ")
                throw PyError(.typeError, "Cannot create a consistent method resolution\norder (MRO) for bases \(names)")
            }
            result.append(next)
            sequences = sequences.map { $0.first === next ? Array($0.dropFirst()) : $0 }
        }
    }
}
