/// The builtins of the class machinery: `property`, `staticmethod`, `classmethod`, `super`,
/// `vars`, `NotImplemented`.
extension BuiltinFunctions {
    static func registerClasses(_ table: Module) {
        for type in [PropertyObject.type, StaticMethodObject.type, ClassMethodObject.type, BytesObject.type] {
            table.members[type.name] = .object(type)
        }
        table.members["NotImplemented"] = .object(NotImplementedObject.shared)
        table.function("super(type=<unset>, object_or_type=<unset>, /)", doc: "super() -> same as super(__class__, <first argument>)\nsuper(type, obj) -> bound super object; requires isinstance(obj, type)") { args, _ in
            guard args.isGiven("type") else { throw PyError(.runtimeError, "super(): no arguments") }
            guard let start = args.values[0].object(as: PyType.self) else {
                throw PyError(.typeError, "super() argument 1 must be a type, not \(args.values[0].typeName)")
            }
            guard args.isGiven("object_or_type") else {
                throw PyError.notImplemented("unbound super objects (super(type)) are not supported")
            }
            return try makeSuper(start, args.values[1])
        }
        table.function("vars(object=<unset>, /)", doc: "Without arguments, equivalent to locals(). With an argument, equivalent to object.__dict__.") { args, interp in
            guard args.isGiven("object") else { throw PyError.notImplemented("vars() without an argument is not supported") }
            if let value = try interp.lookupAttribute(args.values[0], "__dict__") { return value }
            throw PyError(.typeError, "vars() argument must have __dict__ attribute")
        }
    }
}
