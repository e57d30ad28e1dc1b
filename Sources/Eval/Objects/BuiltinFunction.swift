/// A function implemented in Swift, with a checked signature and a docstring.
///
/// Made by `Module.function(...)` (or directly) and called like any function:
/// the arguments are matched to `signature` before `body` runs, so a bad call gets the
/// standard `TypeError` and `help()` shows the signature and `doc`.
public final class BuiltinFunction: PyObject {
    public let signature: Signature
    public let doc: String
    /// The module the function belongs to, for help and repr (`numpy`), or nil for builtins.
    public let moduleName: String?
    let body: (BoundArguments, Runtime) throws -> Value
    /// Set for functions a class decorator puts in a class (a dataclass's `__init__`): read
    /// through an instance, they bind it as their first argument like a `def` does.
    var bindsAsMethod = false

    public init(_ signature: Signature, module: String? = nil, doc: String = "",
                _ body: @escaping (BoundArguments, Runtime) throws -> Value) {
        self.signature = signature
        self.moduleName = module
        self.doc = doc
        self.body = body
    }

    public var name: String { signature.name }
    public var pyType: PyType { .builtinFunction }

    public func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        try body(try signature.bind(arguments), interpreter)
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        if let moduleName, moduleName != "builtins" { return "<function \(moduleName).\(name)>" }
        return "<built-in function \(name)>"
    }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "__name__": .string(self.name)
        case "__doc__": .string(doc)
        case "__module__": .string(moduleName ?? "builtins")
        default: nil
        }
    }
}

/// A native method with its receiver (`[1, 2].append`).
public final class BoundMethod: PyObject {
    public let receiver: Value
    public let method: NativeMethod

    public init(receiver: Value, method: NativeMethod) {
        self.receiver = receiver
        self.method = method
    }

    public var pyType: PyType { .builtinMethod }

    public func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        try method.body(receiver, try method.signature.bind(arguments), interpreter)
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        "<built-in method \(method.signature.name) of \(receiver.typeName) object>"
    }
}

/// A method looked up on its type (`str.upper`), called with the receiver first.
public final class UnboundMethod: PyObject {
    public let type: PyType
    public let method: NativeMethod

    init(type: PyType, method: NativeMethod) {
        self.type = type
        self.method = method
    }

    public var pyType: PyType { .methodDescriptor }

    public func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let receiver = arguments.positional.first else {
            throw PyError(.typeError, "descriptor '\(method.signature.name)' of '\(type.name)' object needs an argument")
        }
        var rest = arguments
        rest.positional.removeFirst()
        return try method.body(receiver, try method.signature.bind(rest), interpreter)
    }

    public func repr(_ interpreter: Runtime) throws -> String {
        "<method '\(method.signature.name)' of '\(type.name)' objects>"
    }
}
