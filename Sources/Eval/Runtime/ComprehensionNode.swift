import ML

/// A list, set or dict comprehension, or a generator expression (evaluated eagerly into an
/// iterator, since the language has no generators).
final class ComprehensionNode: ExprNode {
    enum Clause {
        case forIn(target: TargetNode, iterable: ExprNode)
        case condition(ExprNode)
    }
    let kind: ComprehensionKind
    let element: ExprNode
    let value: ExprNode?
    let clauses: [Clause]
    let cancellation: CancellationFlag

    init(kind: ComprehensionKind, element: ExprNode, value: ExprNode?, clauses: [Clause],
         cancellation: CancellationFlag, line: Int) {
        self.kind = kind
        self.element = element
        self.value = value
        self.clauses = clauses
        self.cancellation = cancellation
        super.init(line: line)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let interpreter = frame.interpreter
        switch kind {
        case .list:
            var items: [Value] = []
            if clauses.count == 1, case .forIn(let target, let iterable) = clauses[0] {
                let source = try iterable.eval(frame)
                if case .object(let range as RangeObject) = source {
                    try interpreter.checkAllocation(count: range.count, elementSize: MemoryLayout<Value>.stride)
                    items.reserveCapacity(range.count)
                    var current = range.start
                    for _ in 0..<range.count {
                        if cancellation.isRaised { try interpreter.checkCancellation() }
                        try target.assign(.int(current), frame)
                        current &+= range.step
                        items.append(try element.eval(frame))
                    }
                    return .list(items)
                }
                try each(source, target, frame) { items.append(try self.element.eval(frame)) }
                return .list(items)
            }
            try run(0, frame) { items.append(try self.element.eval(frame)) }
            return .list(items)
        case .generator:
            // Lazy, as in Python: `any(x > 0 for x in huge)` stops early and never builds a list.
            // The first iterable is evaluated now, the rest as the generator is advanced.
            guard case .forIn(_, let iterable) = clauses.first else { return .object(GeneratorObject([])) }
            let first = try interpreter.makeIterator(try iterable.eval(frame))
            return .object(LazyGenerator(node: self, frame: frame, first: first))
        case .set:
            let set = SetObject()
            try run(0, frame) { try set.insert(try self.element.eval(frame), interpreter) }
            return .object(set)
        case .dict:
            let dict = DictObject()
            try run(0, frame) {
                let key = try self.element.eval(frame)
                try dict.set(key, try self.value?.eval(frame) ?? .none, interpreter)
            }
            return .object(dict)
        }
    }

    private func each(_ source: Value, _ target: TargetNode, _ frame: Frame, _ body: () throws -> Void) throws {
        let interpreter = frame.interpreter
        if case .object(let list as ListObject) = source {
            var index = 0
            while index < list.items.count {
                if cancellation.isRaised { try interpreter.checkCancellation() }
                try target.assign(list.items[index], frame)
                index += 1
                try body()
            }
            return
        }
        let iterator = try interpreter.makeIterator(source)
        while let item = try iterator.next(interpreter) {
            if cancellation.isRaised { try interpreter.checkCancellation() }
            try target.assign(item, frame)
            try body()
        }
    }

    private func run(_ index: Int, _ frame: Frame, _ body: () throws -> Void) throws {
        guard index < clauses.count else { return try body() }
        switch clauses[index] {
        case .forIn(let target, let iterable):
            try each(try iterable.eval(frame), target, frame) { try run(index + 1, frame, body) }
        case .condition(let condition):
            if try frame.interpreter.isTrue(try condition.eval(frame)) { try run(index + 1, frame, body) }
        }
    }
}

/// A generator expression being iterated: one iterator per `for` clause, advanced on demand.
final class LazyGenerator: PyObject, PyIterator {
    let node: ComprehensionNode
    let frame: Frame
    /// The iterator of each `for` clause that is active (nil for `if` clauses).
    var iterators: [(any PyIterator)?]
    var finished = false

    init(node: ComprehensionNode, frame: Frame, first: any PyIterator) {
        self.node = node
        self.frame = frame
        iterators = Array(repeating: nil, count: node.clauses.count)
        iterators[0] = first
    }

    var pyType: PyType { .generator }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { self }

    func next(_ interpreter: Runtime) throws -> Value? {
        guard !finished else { return nil }
        let clauses = node.clauses
        // Resume at the innermost active `for` clause.
        var level = iterators.lastIndex { $0 != nil } ?? 0
        while true {
            if interpreter.cancellation.isRaised { try interpreter.checkCancellation() }
            guard case .forIn(let target, _) = clauses[level], let iterator = iterators[level] else {
                finished = true
                return nil
            }
            guard let item = try iterator.next(interpreter) else {
                // This loop is exhausted: continue the enclosing one.
                iterators[level] = nil
                guard let outer = clauses[..<level].lastIndex(where: { if case .forIn = $0 { return true } else { return false } }) else {
                    finished = true
                    return nil
                }
                level = outer
                continue
            }
            try target.assign(item, frame)
            var index = level + 1
            var rejected = false
            while index < clauses.count {
                switch clauses[index] {
                case .condition(let condition):
                    if try !interpreter.isTrue(try condition.eval(frame)) { rejected = true }
                case .forIn(_, let iterable):
                    iterators[index] = try interpreter.makeIterator(try iterable.eval(frame))
                    level = index
                }
                if rejected { break }
                if case .forIn = clauses[index] { break }
                index += 1
            }
            if rejected { continue }
            if index < clauses.count { continue }
            return try node.element.eval(frame)
        }
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "<generator object <genexpr> at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }
}

/// The iterator a generator expression gives (its items are computed up front).
final class GeneratorObject: PyObject, PyIterator {
    let items: [Value]
    var position = 0
    init(_ items: [Value]) { self.items = items }

    var pyType: PyType { .generator }
    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { self }
    func next(_ interpreter: Runtime) throws -> Value? {
        guard position < items.count else { return nil }
        defer { position += 1 }
        return items[position]
    }
    func repr(_ interpreter: Runtime) throws -> String {
        "<generator object <genexpr> at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }
}
