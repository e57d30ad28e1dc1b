/// An exception instance: what `ValueError("bad")` makes and `except ... as e` binds.
public final class ExceptionObject: PyObject {
    public let error: PyError
    public let arguments: [Value]
    let type: PyType

    /// An exception created by calling its class.
    init(kind: PyErrorKind, arguments: Arguments, _ interpreter: Runtime) throws {
        guard arguments.keywords.isEmpty else {
            throw PyError(.typeError, "\(kind.name)() takes no keyword arguments")
        }
        let message: String
        switch arguments.positional.count {
        case 0: message = ""
        case 1:
            message = kind == .keyError ? try interpreter.repr(arguments.positional[0])
                                        : try interpreter.str(arguments.positional[0])
        default: message = try interpreter.repr(.tuple(arguments.positional))
        }
        var error = PyError(kind, message)
        let literals = arguments.positional.compactMap(Literal.init)
        if literals.count == arguments.positional.count { error.arguments = literals }
        self.error = error
        self.arguments = arguments.positional
        self.type = interpreter.exceptionType(kind)
    }

    /// An exception caught from a running cell.
    init(caught error: PyError, _ interpreter: Runtime) {
        self.error = error
        if let literals = error.arguments {
            self.arguments = literals.map(\.value)
        } else {
            self.arguments = error.message.isEmpty ? [] : [.string(error.message)]
        }
        self.type = interpreter.exceptionType(error.kind)
    }

    public var pyType: PyType { type }

    public func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        name == "args" ? .tuple(arguments) : nil
    }

    public var dynamicAttributeNames: [String] { ["args"] }

    public func str(_ interpreter: Runtime) throws -> String { error.message }

    public func repr(_ interpreter: Runtime) throws -> String {
        "\(error.kind.name)(\(try arguments.map { try interpreter.repr($0) }.joined(separator: ", ")))"
    }
}
