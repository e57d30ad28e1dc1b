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
            var items: [Value] = []
            try run(0, frame) { items.append(try self.element.eval(frame)) }
            return .object(GeneratorObject(items))
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
