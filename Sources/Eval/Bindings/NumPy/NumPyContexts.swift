import ML

/// Context managers over NumPy's session settings: `np.printoptions(...)` (print options for
/// the block only) and `np.errstate(...)`, plus `seterr`/`geterr`.
enum NumPyContexts {
    static func register(_ np: Module) {
        np.function("printoptions(*args, **kwargs)", doc: """
            Context manager for print options: `with np.printoptions(precision=3, suppress=True):`
            sets them as np.set_printoptions does for the block and restores the old ones after.
            """) { args, _ in
            .object(PrintOptionsContext(Arguments(args.variadicPositional, keywords: args.variadicKeywords)))
        }
        np.function("errstate(*, all=None, divide=None, over=None, under=None, invalid=None)", doc: """
            Context manager for floating-point error handling. SwiftML never warns about
            floating-point errors (division by zero gives inf or nan silently), so 'ignore',
            'warn' and 'print' all behave as 'ignore'; 'raise' and 'call' are refused.
            """) { args, _ in
            for name in ["all", "divide", "over", "under", "invalid"] {
                guard let mode = try args.optionalString(name) else { continue }
                try checkMode(mode, name)
            }
            return .object(ErrorStateContext())
        }
        np.function("seterr(all=None, divide=None, over=None, under=None, invalid=None)", doc: "Set how floating-point errors are handled (see errstate); returns the old settings.") { args, _ in
            for name in ["all", "divide", "over", "under", "invalid"] {
                guard let mode = try args.optionalString(name) else { continue }
                try checkMode(mode, name)
            }
            return errorSettings
        }
        np.function("geterr()", doc: "The current floating-point error handling (always 'ignore' in SwiftML).") { _, _ in errorSettings }
    }

    private static var errorSettings: Value {
        .dict([("divide", .string("ignore")), ("over", .string("ignore")), ("under", .string("ignore")), ("invalid", .string("ignore"))])
    }

    private static func checkMode(_ mode: String, _ name: String) throws {
        switch mode {
        case "ignore", "warn", "print", "log": return
        case "raise", "call":
            throw PyError(.notImplementedError, "errstate(\(name)='\(mode)') is not supported: SwiftML does not trap floating-point errors")
        default:
            throw PyError(.valueError, "invalid value '\(mode)' for \(name); choose from ignore, warn, raise, call, print, log")
        }
    }
}

/// `with np.printoptions(...)`: applies the options on entry, restores the previous ones on exit.
final class PrintOptionsContext: PyObject {
    let arguments: Arguments
    var saved: PrintOptions?
    init(_ arguments: Arguments) { self.arguments = arguments }

    var pyType: PyType { PrintOptionsContext.type }
    static let type = PyType("printoptions", module: "numpy", doc: "A context manager that sets print options for its block.")

    func enter(_ interpreter: Runtime) throws -> Value {
        let state = interpreter.state(NumPyPrintOptions.self) { NumPyPrintOptions() }
        saved = state.options
        let numpy = Value.object(try interpreter.importModule("numpy"))
        do {
            _ = try interpreter.call(interpreter.attribute(numpy, "set_printoptions"), arguments)
        } catch {
            state.options = saved ?? state.options
            throw error
        }
        return try interpreter.call(interpreter.attribute(numpy, "get_printoptions"), Arguments([]))
    }

    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool {
        if let saved { interpreter.state(NumPyPrintOptions.self) { NumPyPrintOptions() }.options = saved }
        return false
    }
}

/// `with np.errstate(...)`: nothing to change, since SwiftML never warns on floating-point errors.
final class ErrorStateContext: PyObject {
    var pyType: PyType { ErrorStateContext.type }
    static let type = PyType("errstate", module: "numpy", doc: "A context manager for floating-point error handling (a no-op in SwiftML).")
    func enter(_ interpreter: Runtime) throws -> Value { .none }
    func exit(_ error: PyError?, _ interpreter: Runtime) throws -> Bool { false }
}
