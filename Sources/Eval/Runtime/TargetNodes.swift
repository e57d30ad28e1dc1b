/// Where an assignment stores: a name, an attribute, a subscript, or an unpacking pattern.
class TargetNode {
    let line: Int
    init(line: Int) { self.line = line }
    func assign(_ value: Value, _ frame: Frame) throws {
        throw PyError(.systemError, "target node without an assignment")
    }
    /// `del target`.
    func delete(_ frame: Frame) throws {
        throw PyError(.systemError, "target node without deletion")
    }
}

final class LocalTarget: TargetNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, line: Int) {
        self.slot = slot
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ frame: Frame) throws { frame.slots[slot] = value }
    override func delete(_ frame: Frame) throws {
        guard frame.slots[slot] != nil else {
            throw PyError(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
        }
        frame.slots[slot] = nil
    }
}

final class CellTarget: TargetNode {
    let index: Int
    let name: String
    init(index: Int, name: String, line: Int) {
        self.index = index
        self.name = name
        super.init(line: line)
    }
    override func assign(_ value: Value, _ frame: Frame) throws { frame.cells[index].value = value }
    override func delete(_ frame: Frame) throws {
        guard frame.cells[index].value != nil else { throw PyError(.nameError, "name '\(name)' is not defined") }
        frame.cells[index].value = nil
    }
}

final class GlobalTarget: TargetNode {
    let slot: Int
    let name: String
    let globals: GlobalStore
    init(slot: Int, name: String, globals: GlobalStore, line: Int) {
        self.slot = slot
        self.name = name
        self.globals = globals
        super.init(line: line)
    }
    override func assign(_ value: Value, _ frame: Frame) throws { globals.storage[slot] = value }
    override func delete(_ frame: Frame) throws {
        guard globals.storage[slot] != nil else { throw PyError(.nameError, "name '\(name)' is not defined") }
        globals.storage[slot] = nil
    }
}

final class AttributeTarget: TargetNode {
    let object: ExprNode
    let name: String
    init(object: ExprNode, name: String, line: Int) {
        self.object = object
        self.name = name
        super.init(line: line)
    }
    @exclusivity(unchecked) private var cache = InstanceCache()
    override func assign(_ value: Value, _ frame: Frame) throws {
        let target = try object.eval(frame)
        if case .object(let object) = target, type(of: object) == InstanceObject.self {
            let instance = unsafeDowncast(object, to: InstanceObject.self)
            cache.validate(instance, name, frame.interpreter)
            if cache.store(value, instance) { return }
        }
        try frame.interpreter.setAttribute(target, name, value)
    }
    override func delete(_ frame: Frame) throws {
        let target = try object.eval(frame)
        try frame.interpreter.deleteAttribute(target, name)
    }
}

final class SubscriptTarget: TargetNode {
    let object: ExprNode
    let key: ExprNode
    init(object: ExprNode, key: ExprNode, line: Int) {
        self.object = object
        self.key = key
        super.init(line: line)
    }
    override func assign(_ value: Value, _ frame: Frame) throws {
        let container = try object.eval(frame)
        let index = try key.eval(frame)
        if case .object(let list as ListObject) = container, case .int(let i) = index {
            let resolved = i < 0 ? i + list.items.count : i
            if resolved >= 0 && resolved < list.items.count {
                list.items[resolved] = value
                return
            }
        }
        try frame.interpreter.setItem(container, index, value)
    }
    override func delete(_ frame: Frame) throws {
        let container = try object.eval(frame)
        let index = try key.eval(frame)
        guard case .object(let target) = container else {
            throw PyError(.typeError, "'\(container.typeName)' object does not support item deletion")
        }
        try target.deleteItem(index, frame.interpreter)
    }
}

/// `a, (b, *c) = value`.
final class UnpackTarget: TargetNode {
    let targets: [TargetNode]
    /// The index of the starred target, if any.
    let starIndex: Int?
    init(targets: [TargetNode], starIndex: Int?, line: Int) {
        self.targets = targets
        self.starIndex = starIndex
        super.init(line: line)
    }
    override func assign(_ value: Value, _ frame: Frame) throws {
        let interpreter = frame.interpreter
        let items: [Value]
        switch value {
        case .object(let tuple as TupleObject): items = tuple.items
        case .object(let list as ListObject): items = list.items
        case .object, .string: items = try interpreter.collect(value)
        default: throw PyError(.typeError, "cannot unpack non-iterable \(value.typeName) object")
        }
        if let starIndex {
            let after = targets.count - starIndex - 1
            guard items.count >= targets.count - 1 else {
                throw PyError(.valueError, "not enough values to unpack (expected at least \(targets.count - 1), got \(items.count))")
            }
            for index in 0..<starIndex { try targets[index].assign(items[index], frame) }
            try targets[starIndex].assign(.list(Array(items[starIndex..<(items.count - after)])), frame)
            for offset in 0..<after {
                try targets[starIndex + 1 + offset].assign(items[items.count - after + offset], frame)
            }
            return
        }
        guard items.count == targets.count else {
            if items.count > targets.count {
                throw PyError(.valueError, "too many values to unpack (expected \(targets.count))")
            }
            throw PyError(.valueError, "not enough values to unpack (expected \(targets.count), got \(items.count))")
        }
        for (target, item) in zip(targets, items) { try target.assign(item, frame) }
    }
    override func delete(_ frame: Frame) throws {
        for target in targets { try target.delete(frame) }
    }
}
