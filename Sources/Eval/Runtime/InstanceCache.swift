/// An inline cache for `obj.name` where `obj` is an instance of a user class: what the class
/// gives for the name and which instance slot holds it, valid for one class and one
/// `classEpoch`. With it, reading `self.x`, writing `self.x = v` and calling `self.m(...)`
/// cost an identity check and an array index instead of dictionary lookups along the MRO.
struct InstanceCache {
    private(set) var type: PyType?
    private var epoch = -1
    /// The instance slot of the name in the class's layout, or -1 when no instance has it.
    private(set) var slot = -1
    /// A property (or native property): reads and writes must go through it.
    private(set) var isDataDescriptor = false
    /// The class defines `__setattr__`: writes must call it.
    private(set) var hasSetattr = false
    /// The class attribute is a plain function: `obj.name(...)` calls it with `obj` first.
    private(set) var function: FunctionObject?

    /// Refills the cache for `instance`'s class unless it already holds it.
    @inline(__always)
    mutating func validate(_ instance: InstanceObject, _ name: String, _ interpreter: Runtime) {
        if type === instance.type && epoch == interpreter.classEpoch { return }
        refill(instance, name, interpreter)
    }

    private mutating func refill(_ instance: InstanceObject, _ name: String, _ interpreter: Runtime) {
        let userClass = instance.userClass
        let member = userClass.member(name, interpreter)
        type = instance.type
        epoch = interpreter.classEpoch
        slot = userClass.slotIndex[name] ?? -1
        hasSetattr = userClass.special("__setattr__", interpreter) != nil
        isDataDescriptor = false
        function = nil
        switch member {
        case .value(let value, _)?:
            if value.object(as: PropertyObject.self) != nil { isDataDescriptor = true }
            if case .object(let object) = value, Swift.type(of: object) == FunctionObject.self {
                function = unsafeDowncast(object, to: FunctionObject.self)
            }
        case .property?: isDataDescriptor = true
        default: break
        }
        if name == "__class__" || name == "__dict__" { isDataDescriptor = true }
    }

    /// The instance's own value for the name, when the fast path may use it.
    @inline(__always)
    func ownValue(_ instance: InstanceObject) -> Value? {
        guard !isDataDescriptor, slot >= 0, instance.dict == nil, slot < instance.values.count else { return nil }
        return instance.values[slot]
    }

    /// Stores the value directly when nothing (a property, `__setattr__`, a `__dict__`) must see the write.
    @inline(__always)
    func store(_ value: Value, _ instance: InstanceObject) -> Bool {
        guard !isDataDescriptor, !hasSetattr, slot >= 0, instance.dict == nil else { return false }
        if slot >= instance.values.count {
            instance.values.append(contentsOf: repeatElement(nil, count: slot + 1 - instance.values.count))
        }
        instance.values[slot] = value
        return true
    }
}
