import ML

/// The storage of one running function or cell: local slots, closure cells, the current line
/// (for tracebacks) and the return value in flight.
final class Frame {
    let slots: UnsafeMutablePointer<Value?>
    let slotCount: Int
    // Hot per-call state, only ever touched by the cell thread: dynamic exclusivity checks
    // are switched off here because they cost more than the work they guard.
    @exclusivity(unchecked) var cells: ContiguousArray<Cell>
    let interpreter: Runtime
    let code: CodeUnit
    /// The line being run, for tracebacks.
    @exclusivity(unchecked) var line = 0
    @exclusivity(unchecked) var returnValue: Value = .none
    /// For a generator's frame: where each suspended statement stands, innermost first
    /// (see GeneratorNodes.swift); empty unless the frame is suspended at a `yield`.
    var suspended: [ResumePoint] = []
    /// For a generator's frame: the value sent in by `send` (None for `next`).
    var sentValue: Value = .none
    /// For a generator's frame: the error `throw()` raises at the `yield`.
    var thrownError: PyError?

    init(code: CodeUnit, interpreter: Runtime, closure: ContiguousArray<Cell>) {
        self.code = code
        self.interpreter = interpreter
        slotCount = code.slotCount
        slots = .allocate(capacity: max(slotCount, 1))
        slots.initialize(repeating: nil, count: max(slotCount, 1))
        // Free variables (the closure) come first, then this frame's own captured variables.
        var cells = closure
        if !code.cellNames.isEmpty {
            cells.reserveCapacity(closure.count + code.cellNames.count)
            for _ in 0..<code.cellNames.count { cells.append(Cell()) }
        }
        self.cells = cells
    }

    deinit {
        slots.deinitialize(count: max(slotCount, 1))
        slots.deallocate()
    }

    /// Empties the frame so its code can reuse it for another call.
    func reset() {
        for slot in 0..<slotCount { slots[slot] = nil }
        returnValue = .none
        line = 0
    }
}

/// A variable shared between a function and the closures defined in it.
final class Cell {
    @exclusivity(unchecked) var value: Value?
    init(_ value: Value? = nil) { self.value = value }
}

/// What a statement asks of the block around it.
enum Flow {
    case normal, breakLoop, continueLoop, returned
    /// A generator's body stopped at a `yield` (see GeneratorNodes.swift).
    case yielded
}

/// Compiled code: a cell's top level or a function body, with the layout of its frame.
final class CodeUnit {
    let name: String
    /// Where tracebacks say the code is (`Cell In[3]`).
    let location: String
    @exclusivity(unchecked) var body: StmtNode = PassNode(line: 0)
    var slotCount = 0
    /// Frames of finished calls, reused by the next calls (a call then allocates nothing).
    @exclusivity(unchecked) var framePool: [Frame] = []
    var slotNames: [String] = []
    /// Names of this frame's own captured variables (cells created at entry).
    var cellNames: [String] = []
    /// Names of variables captured from enclosing functions (cells passed in the closure).
    var freeNames: [String] = []
    /// The body contains `yield`: a call makes a generator instead of running it.
    var isGenerator = false

    init(name: String, location: String) {
        self.name = name
        self.location = location
    }
}

/// How a name is stored where it is used.
enum NameBinding {
    case local(Int)
    case cell(Int)
    case global(Int)
}
