import Foundation
import ML

/// The state of one notebook's interpreter, and what bindings may ask of it while a cell
/// runs: the output of the current cell, the cancellation flag, calling back into user code,
/// repr/str of values, per-session state and hooks run at the end of each cell.
///
/// An interpreter is confined to the thread that runs cells; every method must be called
/// from there (bindings are, since they are called by the evaluator).
public final class Runtime {
    /// Where the running cell's output goes (streams, displays, input requests).
    public internal(set) var output: OutputSink
    /// Raised by an interrupt; poll it with `checkCancellation()` in long loops.
    public let cancellation: CancellationFlag
    /// The number of the cell being run (`In[n]`).
    public internal(set) var executionCount = 0
    /// Python's `sys.getrecursionlimit()`.
    @exclusivity(unchecked) public var recursionLimit = 1000

    let globals = GlobalStore()
    var builtins: [String: Value] = [:]
    var modules: [String: Module] = [:]
    let registry: ModuleRegistry
    @exclusivity(unchecked) var callDepth = 0
    /// Moves whenever a class attribute is assigned or an instance layout grows: the inline
    /// caches of attribute and method nodes are valid only for the epoch they were filled in.
    @exclusivity(unchecked) var classEpoch = 0
    var reprInProgress: Set<ObjectIdentifier> = []
    var cellEndHooks: [(key: String, hook: (Runtime) throws -> Void)] = []
    var sessionState: [ObjectIdentifier: AnyObject] = [:]
    var exceptionTypes: [String: PyType] = [:]
    /// Source lines of every cell run, by the name tracebacks use (`Cell In[3]`).
    var cellSources: [String: [String]] = [:]
    /// Errors being handled by `except` blocks, innermost last (for a bare `raise`).
    var handledErrors: [PyError] = []
    /// Pager texts produced by the running cell (`name?`).
    var pages: [DisplayData] = []
    /// Set by `exit` / `quit`: the front end should end its session (`ask_exit`).
    var exitRequested = false
    let ellipsis = EllipsisObject()
    var randomState = RandomState(seed: UInt64(Date().timeIntervalSince1970 * 1000))
    /// The largest allocation (in bytes) a single operation may request before `MemoryError`.
    var allocationLimit: Int

    init(output: OutputSink, cancellation: CancellationFlag, registry: ModuleRegistry) {
        self.output = output
        self.cancellation = cancellation
        self.registry = registry
        allocationLimit = Int(min(ProcessInfo.processInfo.physicalMemory / 4, 8 << 30))
        for (child, parent) in PyErrorKind.hierarchy {
            exceptionTypes[child] = PyType(exception: PyErrorKind(child), base: parent.flatMap { exceptionTypes[$0] })
        }
        builtins = BuiltinFunctions.make(self)
    }

    // MARK: Output

    /// Writes text to the cell's stdout or stderr stream, as `print` does.
    public func write(_ text: String, to stream: OutputStreamName = .stdout) {
        output.writeStream(stream, text: text)
    }

    /// The MIME bundle of a value: its repr as `text/plain`, plus what `richDisplay` gives.
    public func displayData(for value: Value) throws -> DisplayData {
        // IPython's pretty printer shows a class by its dotted name (`__main__.Point`, `int`).
        let plain = try value.object(as: PyType.self)?.qualifiedName ?? repr(value)
        var result = DisplayData(data: ["text/plain": plain])
        if case .object(let object) = value, let rich = try object.richDisplay(self) {
            result.data.merge(rich.data) { _, new in new }
            result.metadata.merge(rich.metadata) { _, new in new }
        }
        return result
    }

    /// Shows a value as a rich output (what `display(x)` does). With a `displayID`, a later
    /// call with `update: true` replaces that output in place.
    public func display(_ value: Value, displayID: String? = nil, update: Bool = false) throws {
        output.display(try displayData(for: value), displayID: displayID, update: update)
    }

    /// Shows a MIME bundle directly.
    public func display(_ data: DisplayData, displayID: String? = nil, update: Bool = false) {
        output.display(data, displayID: displayID, update: update)
    }

    // MARK: Cancellation, limits

    /// Throws `KeyboardInterrupt` if an interrupt was requested (and clears the request).
    /// Call it in any loop that may run long.
    public func checkCancellation() throws {
        if cancellation.isRaised {
            cancellation.consume()
            throw PyError(.keyboardInterrupt, "")
        }
    }

    /// Throws `MemoryError` when `count * times` elements of `elementSize` bytes cannot be
    /// allocated, instead of letting the allocation abort the process.
    public func checkAllocation(count: Int, times: Int = 1, elementSize: Int) throws {
        let (elements, overflow1) = count.multipliedReportingOverflow(by: times)
        let (bytes, overflow2) = elements.multipliedReportingOverflow(by: max(elementSize, 1))
        if overflow1 || overflow2 || bytes > allocationLimit {
            throw PyError(.memoryError, "")
        }
    }

    // MARK: Hooks and state

    /// Registers `hook` to run after every cell (whether it succeeded or failed), once per
    /// `key`: registering the same key again replaces the hook. Pyplot uses this to show the
    /// figures a cell drew and close them.
    public func onCellEnd(_ key: String, _ hook: @escaping (Runtime) throws -> Void) {
        if let index = cellEndHooks.firstIndex(where: { $0.key == key }) {
            cellEndHooks[index].hook = hook
        } else {
            cellEndHooks.append((key, hook))
        }
    }

    /// Per-session state of a binding (for example pyplot's current figure), made on first use.
    public func state<T: AnyObject>(_ type: T.Type, make: () -> T) -> T {
        let key = ObjectIdentifier(type)
        if let existing = sessionState[key] as? T { return existing }
        let made = make()
        sessionState[key] = made
        return made
    }

    /// The class object of an exception kind (`ValueError`).
    public func exceptionType(_ kind: PyErrorKind) -> PyType {
        if let type = exceptionTypes[kind.name] { return type }
        let type = PyType(exception: kind, base: exceptionTypes[kind.parent?.name ?? "Exception"])
        exceptionTypes[kind.name] = type
        return type
    }

    /// A module by its dotted name, importing it (and its parents) on first use. A module's
    /// registered submodules are imported with it, so `np.random` works after `import numpy`.
    public func importModule(_ name: String) throws -> Module {
        if let module = modules[name] { return module }
        var parent: Module?
        if let dot = name.lastIndex(of: ".") {
            parent = try importModule(String(name[..<dot]))
            if let module = modules[name] { return module }
        }
        guard let definition = registry.definition(name) else {
            throw PyError(.moduleNotFoundError, "No module named '\(name)'")
        }
        let module = try definition.make(self)
        modules[name] = module
        if let parent, let dot = name.lastIndex(of: ".") {
            parent.members[String(name[name.index(after: dot)...])] = .object(module)
        }
        for child in registry.children(of: name) where modules[child] == nil {
            _ = try importModule(child)
        }
        return module
    }
}
