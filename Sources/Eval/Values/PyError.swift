/// A Python exception class, by name, with its place in the class hierarchy.
///
/// Kinds are plain names so that errors stay `Sendable`; the hierarchy decides what an
/// `except LookupError:` catches. Bindings use the static members
/// (`PyError(.valueError, "...")`); `PyErrorKind("MyError")` makes a kind whose parent is
/// `Exception`.
public struct PyErrorKind: Hashable, Sendable, CustomStringConvertible {
    public let name: String
    public init(_ name: String) { self.name = name }
    public var description: String { name }

    public static let baseException = PyErrorKind("BaseException")
    public static let exception = PyErrorKind("Exception")
    public static let keyboardInterrupt = PyErrorKind("KeyboardInterrupt")
    public static let systemExit = PyErrorKind("SystemExit")
    public static let stopIteration = PyErrorKind("StopIteration")
    public static let arithmeticError = PyErrorKind("ArithmeticError")
    public static let zeroDivisionError = PyErrorKind("ZeroDivisionError")
    public static let overflowError = PyErrorKind("OverflowError")
    public static let assertionError = PyErrorKind("AssertionError")
    public static let attributeError = PyErrorKind("AttributeError")
    public static let eofError = PyErrorKind("EOFError")
    public static let importError = PyErrorKind("ImportError")
    public static let moduleNotFoundError = PyErrorKind("ModuleNotFoundError")
    public static let lookupError = PyErrorKind("LookupError")
    public static let indexError = PyErrorKind("IndexError")
    public static let keyError = PyErrorKind("KeyError")
    public static let memoryError = PyErrorKind("MemoryError")
    public static let nameError = PyErrorKind("NameError")
    public static let unboundLocalError = PyErrorKind("UnboundLocalError")
    public static let osError = PyErrorKind("OSError")
    public static let fileNotFoundError = PyErrorKind("FileNotFoundError")
    public static let runtimeError = PyErrorKind("RuntimeError")
    public static let notImplementedError = PyErrorKind("NotImplementedError")
    public static let recursionError = PyErrorKind("RecursionError")
    public static let syntaxError = PyErrorKind("SyntaxError")
    public static let indentationError = PyErrorKind("IndentationError")
    public static let systemError = PyErrorKind("SystemError")
    public static let typeError = PyErrorKind("TypeError")
    public static let valueError = PyErrorKind("ValueError")
    public static let unicodeError = PyErrorKind("UnicodeError")
    public static let stdinNotImplementedError = PyErrorKind("StdinNotImplementedError")

    /// Every built-in exception class with its parent, in the order `dir(builtins)` lists them.
    static let hierarchy: [(child: String, parent: String?)] = [
        ("BaseException", nil), ("Exception", "BaseException"),
        ("KeyboardInterrupt", "BaseException"), ("SystemExit", "BaseException"),
        ("GeneratorExit", "BaseException"),
        ("StopIteration", "Exception"), ("ArithmeticError", "Exception"),
        ("ZeroDivisionError", "ArithmeticError"), ("OverflowError", "ArithmeticError"),
        ("FloatingPointError", "ArithmeticError"),
        ("AssertionError", "Exception"), ("AttributeError", "Exception"), ("EOFError", "Exception"),
        ("ImportError", "Exception"), ("ModuleNotFoundError", "ImportError"),
        ("LookupError", "Exception"), ("IndexError", "LookupError"), ("KeyError", "LookupError"),
        ("MemoryError", "Exception"), ("NameError", "Exception"), ("UnboundLocalError", "NameError"),
        ("OSError", "Exception"), ("FileNotFoundError", "OSError"), ("FileExistsError", "OSError"),
        ("PermissionError", "OSError"), ("IsADirectoryError", "OSError"),
        ("RuntimeError", "Exception"), ("NotImplementedError", "RuntimeError"),
        ("RecursionError", "RuntimeError"),
        ("SyntaxError", "Exception"), ("IndentationError", "SyntaxError"), ("TabError", "IndentationError"),
        ("SystemError", "Exception"), ("TypeError", "Exception"),
        ("ValueError", "Exception"), ("UnicodeError", "ValueError"),
        ("StdinNotImplementedError", "NotImplementedError"),
        ("Warning", "Exception"), ("UserWarning", "Warning"), ("DeprecationWarning", "Warning"),
        ("RuntimeWarning", "Warning"),
    ]

    private static let parents: [String: String] = {
        var table: [String: String] = [:]
        for (child, parent) in hierarchy { if let parent { table[child] = parent } }
        return table
    }()

    /// The parent class, or nil for `BaseException`. Unknown names derive from `Exception`.
    public var parent: PyErrorKind? {
        if name == "BaseException" { return nil }
        if let parent = PyErrorKind.parents[name] { return PyErrorKind(parent) }
        return PyErrorKind(UserErrorKinds.parent(of: name) ?? "Exception")
    }

    /// Whether this kind is `other` or derives from it (what `except other:` catches).
    public func isSubkind(of other: PyErrorKind) -> Bool {
        var current: PyErrorKind? = self
        while let kind = current {
            if kind == other { return true }
            current = kind.parent
        }
        return false
    }
}

/// One line of a traceback: where a frame was when the error passed through it.
public struct TraceEntry: Sendable, Equatable {
    /// `Cell In[3]` for cell code, or a module name for library code.
    public var location: String
    /// 1-based line within the cell.
    public var line: Int
    /// The function name, or nil for a cell's top level.
    public var function: String?
    /// The text of that line, when known.
    public var sourceLine: String?
}

/// A Python exception as a Swift error: a class, a message and the traceback it gathers on
/// its way out through the user's functions.
///
/// Bindings throw these: `throw PyError(.valueError, "shapes (2,3) and (4,) not aligned")`.
public struct PyError: Error, CustomStringConvertible, Sendable {
    public var kind: PyErrorKind
    /// The text after `ValueError: ` (for `KeyError`, the repr of the key).
    public var message: String
    /// Innermost frame last, as Python prints them.
    public var traceback: [TraceEntry] = []
    /// For syntax errors: where, and the offending line (printed with a caret).
    public var location: SourceLocation?
    /// The exception's `args` when they are plain scalars (a `KeyError`'s key); nil means
    /// `(message,)`.
    var arguments: [Literal]?
    /// For an instance of a user exception class: the instance itself, so `except ... as e`
    /// binds it with its attributes.
    var payload: ExceptionPayload?

    public init(_ kind: PyErrorKind, _ message: String) {
        self.kind = kind
        self.message = message
    }

    /// `ValueError: message`, or just the class name when the message is empty.
    public var description: String { message.isEmpty ? kind.name : "\(kind.name): \(message)" }

    /// The error for a Swift error of any kind: itself if it is a `PyError`, its conversion if
    /// it adopts `PyErrorConvertible`, otherwise a `RuntimeError` with its description.
    public init(converting error: any Error) {
        if let error = error as? PyError {
            self = error
        } else if let error = error as? any PyErrorConvertible {
            self = error.pyError
        } else if let error = error as? InputUnavailable {
            self.init(.stdinNotImplementedError, error.description)
        } else {
            self.init(.runtimeError, String(describing: error))
        }
    }

    public static func typeError(_ message: String) -> PyError { PyError(.typeError, message) }
    public static func valueError(_ message: String) -> PyError { PyError(.valueError, message) }
    public static func indexError(_ message: String) -> PyError { PyError(.indexError, message) }
    public static func keyError(_ message: String) -> PyError { PyError(.keyError, message) }

    /// `KeyError` for a missing key: the message is the key's repr, `args` the key itself.
    public static func missingKey(_ key: Value, _ runtime: Runtime) -> PyError {
        var error = PyError(.keyError, (try? runtime.repr(key)) ?? "?")
        if let literal = Literal(key) { error.arguments = [literal] }
        return error
    }
    public static func attributeError(_ message: String) -> PyError { PyError(.attributeError, message) }
    public static func notImplemented(_ message: String) -> PyError { PyError(.notImplementedError, message) }
    public static func runtimeError(_ message: String) -> PyError { PyError(.runtimeError, message) }
}

/// A library error that knows which Python exception it is (for example a shape mismatch
/// that is a `ValueError`). Bindings may add this conformance to their library's errors so
/// they can be thrown straight through.
public protocol PyErrorConvertible: Error {
    var pyError: PyError { get }
}

/// A position in a cell: 1-based line and column (in code points), with the line's text.
public struct SourceLocation: Sendable, Equatable {
    public var line: Int
    public var column: Int
    public var lineText: String
    public init(line: Int, column: Int, lineText: String) {
        self.line = line
        self.column = column
        self.lineText = lineText
    }
}

/// A raised user exception instance carried inside a `PyError`. Errors cross threads only
/// to be printed, never to have their payload read, hence `@unchecked`.
final class ExceptionPayload: @unchecked Sendable {
    let instance: Value
    init(_ instance: Value) { self.instance = instance }
}
