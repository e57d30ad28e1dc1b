/// Executable expression nodes: a tree of small final classes, each evaluating itself against
/// a frame. Names are already resolved to slots; operators have integer fast paths.
class ExprNode {
    let line: Int
    init(line: Int) { self.line = line }

    /// The node's value.
    func eval(_ frame: Frame) throws -> Value {
        throw PyError(.systemError, "expression node without an evaluator")
    }
}

final class ConstantNode: ExprNode {
    let value: Value
    init(_ value: Value, line: Int) {
        self.value = value
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value { value }
}

final class LocalLoadNode: ExprNode {
    let slot: Int
    let name: String
    init(slot: Int, name: String, line: Int) {
        self.slot = slot
        self.name = name
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        if let value = frame.slots[slot] { return value }
        throw PyError(.unboundLocalError, "cannot access local variable '\(name)' where it is not associated with a value")
    }
}

final class CellLoadNode: ExprNode {
    let index: Int
    let name: String
    init(index: Int, name: String, line: Int) {
        self.index = index
        self.name = name
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        if let value = frame.cells[index].value { return value }
        throw PyError(.nameError, "cannot access free variable '\(name)' where it is not associated with a value in enclosing scope")
    }
}

final class GlobalLoadNode: ExprNode {
    let slot: Int
    let name: String
    let globals: GlobalStore
    let builtin: Value?
    init(slot: Int, name: String, globals: GlobalStore, builtin: Value?, line: Int) {
        self.slot = slot
        self.name = name
        self.globals = globals
        self.builtin = builtin
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        if let value = globals.storage[slot] { return value }
        if let builtin { return builtin }
        throw frame.interpreter.nameError(name, frame: frame)
    }
}

final class AddNode: ExprNode {
    let left: ExprNode, right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode, line: Int) {
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        let b = try right.eval(frame)
        if case .int(let x) = a, case .int(let y) = b {
            let (r, o) = x.addingReportingOverflow(y)
            if !o { return .int(r) }
        } else if case .float(let x) = a, case .float(let y) = b {
            return .float(x + y)
        }
        return try frame.interpreter.binary(.add, a, b)
    }
}

final class SubtractNode: ExprNode {
    let left: ExprNode, right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode, line: Int) {
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        let b = try right.eval(frame)
        if case .int(let x) = a, case .int(let y) = b {
            let (r, o) = x.subtractingReportingOverflow(y)
            if !o { return .int(r) }
        } else if case .float(let x) = a, case .float(let y) = b {
            return .float(x - y)
        }
        return try frame.interpreter.binary(.subtract, a, b)
    }
}

final class MultiplyNode: ExprNode {
    let left: ExprNode, right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode, line: Int) {
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        let b = try right.eval(frame)
        if case .int(let x) = a, case .int(let y) = b {
            let (r, o) = x.multipliedReportingOverflow(by: y)
            if !o { return .int(r) }
        } else if case .float(let x) = a, case .float(let y) = b {
            return .float(x * y)
        }
        return try frame.interpreter.binary(.multiply, a, b)
    }
}

final class ModuloNode: ExprNode {
    let left: ExprNode, right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode, line: Int) {
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        let b = try right.eval(frame)
        if case .int(let x) = a, case .int(let y) = b, y > 0 {
            let r = x % y
            return .int(r < 0 ? r + y : r)
        }
        return try frame.interpreter.binary(.modulo, a, b)
    }
}

/// Any other binary operator.
final class BinaryNode: ExprNode {
    let op: BinaryOperator
    let left: ExprNode, right: ExprNode
    init(_ op: BinaryOperator, _ left: ExprNode, _ right: ExprNode, line: Int) {
        self.op = op
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        let b = try right.eval(frame)
        if case .float(let x) = a, case .float(let y) = b, op == .trueDivide, y != 0 { return .float(x / y) }
        return try frame.interpreter.binary(op, a, b)
    }
}

final class UnaryNode: ExprNode {
    let op: UnaryOperator
    let operand: ExprNode
    init(_ op: UnaryOperator, _ operand: ExprNode, line: Int) {
        self.op = op
        self.operand = operand
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        try frame.interpreter.unary(op, try operand.eval(frame))
    }
}

final class NotNode: ExprNode {
    let operand: ExprNode
    init(_ operand: ExprNode, line: Int) {
        self.operand = operand
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let value = try operand.eval(frame)
        if case .bool(let b) = value { return .bool(!b) }
        return .bool(!(try frame.interpreter.truthiness(value)))
    }
}

final class AndNode: ExprNode {
    let left: ExprNode, right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode, line: Int) {
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        if case .bool(false) = a { return a }
        if try !frame.interpreter.truthiness(a) { return a }
        return try right.eval(frame)
    }
}

final class OrNode: ExprNode {
    let left: ExprNode, right: ExprNode
    init(_ left: ExprNode, _ right: ExprNode, line: Int) {
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        if case .bool(true) = a { return a }
        if try frame.interpreter.truthiness(a) { return a }
        return try right.eval(frame)
    }
}

/// One comparison `a op b`, with integer and float fast paths.
final class CompareNode: ExprNode {
    let op: CompareOperator
    let left: ExprNode, right: ExprNode
    init(_ op: CompareOperator, _ left: ExprNode, _ right: ExprNode, line: Int) {
        self.op = op
        self.left = left
        self.right = right
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let a = try left.eval(frame)
        let b = try right.eval(frame)
        return try CompareNode.apply(op, a, b, frame.interpreter)
    }

    @inline(__always)
    static func apply(_ op: CompareOperator, _ a: Value, _ b: Value, _ interpreter: Runtime) throws -> Value {
        switch op {
        case .rich(let rich):
            if case .int(let x) = a, case .int(let y) = b { return .bool(Arithmetic.compare(rich, x, y)) }
            if case .float(let x) = a, case .float(let y) = b { return .bool(Arithmetic.compare(rich, x, y)) }
            return try interpreter.compare(rich, a, b)
        case .isSame: return .bool(a.isIdentical(to: b))
        case .isNot: return .bool(!a.isIdentical(to: b))
        case .contains: return .bool(try interpreter.contains(b, a))
        case .notContains: return .bool(!(try interpreter.contains(b, a)))
        }
    }
}

/// `a < b <= c`: each middle operand is evaluated once, stopping at the first false.
final class ChainedCompareNode: ExprNode {
    let operands: [ExprNode]
    let ops: [CompareOperator]
    init(operands: [ExprNode], ops: [CompareOperator], line: Int) {
        self.operands = operands
        self.ops = ops
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        var left = try operands[0].eval(frame)
        var result: Value = .bool(true)
        for (index, op) in ops.enumerated() {
            let right = try operands[index + 1].eval(frame)
            result = try CompareNode.apply(op, left, right, frame.interpreter)
            if try !frame.interpreter.truthiness(result) { return result }
            left = right
        }
        return result
    }
}

final class ConditionalNode: ExprNode {
    let condition: ExprNode, then: ExprNode, otherwise: ExprNode
    init(condition: ExprNode, then: ExprNode, otherwise: ExprNode, line: Int) {
        self.condition = condition
        self.then = then
        self.otherwise = otherwise
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        try frame.interpreter.isTrue(try condition.eval(frame)) ? try then.eval(frame) : try otherwise.eval(frame)
    }
}

final class AttributeNode: ExprNode {
    let object: ExprNode
    let name: String
    @exclusivity(unchecked) private var cache = InstanceCache()
    init(_ object: ExprNode, _ name: String, line: Int) {
        self.object = object
        self.name = name
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let value = try object.eval(frame)
        if case .object(let object) = value, type(of: object) == InstanceObject.self {
            let instance = unsafeDowncast(object, to: InstanceObject.self)
            cache.validate(instance, name, frame.interpreter)
            if let own = cache.ownValue(instance) { return own }
        }
        return try frame.interpreter.attribute(value, name)
    }
}

final class SubscriptNode: ExprNode {
    let object: ExprNode, key: ExprNode
    init(_ object: ExprNode, _ key: ExprNode, line: Int) {
        self.object = object
        self.key = key
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let container = try object.eval(frame)
        let index = try key.eval(frame)
        if case .object(let list as ListObject) = container, case .int(let i) = index {
            let resolved = i < 0 ? i + list.items.count : i
            if resolved >= 0 && resolved < list.items.count { return list.items[resolved] }
        }
        return try frame.interpreter.item(container, index)
    }
}

final class SliceNode: ExprNode {
    let lower: ExprNode?, upper: ExprNode?, step: ExprNode?
    init(_ lower: ExprNode?, _ upper: ExprNode?, _ step: ExprNode?, line: Int) {
        self.lower = lower
        self.upper = upper
        self.step = step
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        .object(SliceObject(start: try lower?.eval(frame) ?? .none,
                            stop: try upper?.eval(frame) ?? .none,
                            step: try step?.eval(frame) ?? .none))
    }
}

/// Elements of a list, tuple or set display, or of a call's positional arguments, where
/// `*iterable` spreads.
struct ElementList {
    let nodes: [ExprNode]
    let starred: [Bool]
    let hasStar: Bool

    init(_ nodes: [ExprNode], starred: [Bool]) {
        self.nodes = nodes
        self.starred = starred
        hasStar = starred.contains(true)
    }

    func evaluate(_ frame: Frame) throws -> [Value] {
        var values: [Value] = []
        values.reserveCapacity(nodes.count)
        if !hasStar {
            for node in nodes { values.append(try node.eval(frame)) }
            return values
        }
        for (index, node) in nodes.enumerated() {
            let value = try node.eval(frame)
            if starred[index] {
                values.append(contentsOf: try frame.interpreter.collect(value))
            } else {
                values.append(value)
            }
        }
        return values
    }
}

final class ListDisplayNode: ExprNode {
    let elements: ElementList
    init(_ elements: ElementList, line: Int) {
        self.elements = elements
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value { .list(try elements.evaluate(frame)) }
}

final class TupleDisplayNode: ExprNode {
    let elements: ElementList
    init(_ elements: ElementList, line: Int) {
        self.elements = elements
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value { .tuple(try elements.evaluate(frame)) }
}

final class SetDisplayNode: ExprNode {
    let elements: ElementList
    init(_ elements: ElementList, line: Int) {
        self.elements = elements
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let set = SetObject()
        for value in try elements.evaluate(frame) { try set.insert(value, frame.interpreter) }
        return .object(set)
    }
}

final class DictDisplayNode: ExprNode {
    /// Entries with a nil key spread a mapping (`**other`).
    let entries: [(key: ExprNode?, value: ExprNode)]
    init(_ entries: [(key: ExprNode?, value: ExprNode)], line: Int) {
        self.entries = entries
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let dict = DictObject()
        let interpreter = frame.interpreter
        for (key, value) in entries {
            if let key {
                let k = try key.eval(frame)
                try dict.set(k, try value.eval(frame), interpreter)
            } else {
                let other = try value.eval(frame)
                guard let source = other.object(as: DictObject.self) else {
                    throw PyError(.typeError, "'\(other.typeName)' object is not a mapping")
                }
                for (k, v) in zip(source.storage.keys, source.storage.values) { dict.storage.set(k, v) }
            }
        }
        return .object(dict)
    }
}

/// An f-string: literal text and formatted fields, concatenated.
final class FormatStringNode: ExprNode {
    enum Part {
        case text(String)
        case field(ExprNode, conversion: Character?, spec: FormatStringNode?, debugText: String?)
    }
    let parts: [Part]
    init(_ parts: [Part], line: Int) {
        self.parts = parts
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value { .string(try render(frame)) }

    func render(_ frame: Frame) throws -> String {
        var result = ""
        let interpreter = frame.interpreter
        for part in parts {
            switch part {
            case .text(let text): result += text
            case .field(let node, let conversion, let spec, let debugText):
                let value = try node.eval(frame)
                if let debugText { result += debugText }
                let specText = try spec?.render(frame) ?? ""
                result += try interpreter.formatField(value, conversion: conversion, spec: specText)
            }
        }
        return result
    }
}

final class NamedExpressionNode: ExprNode {
    let target: TargetNode
    let value: ExprNode
    init(target: TargetNode, value: ExprNode, line: Int) {
        self.target = target
        self.value = value
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value {
        let result = try value.eval(frame)
        try target.assign(result, frame)
        return result
    }
}

final class LambdaNode: ExprNode {
    let maker: FunctionMaker
    init(_ maker: FunctionMaker, line: Int) {
        self.maker = maker
        super.init(line: line)
    }
    override func eval(_ frame: Frame) throws -> Value { .object(try maker.make(frame)) }
}

extension Runtime {
    /// Truthiness with a fast path for bools.
    @inline(__always)
    func isTrue(_ value: Value) throws -> Bool {
        if case .bool(let b) = value { return b }
        return try truthiness(value)
    }

    /// `NameError: name 'x' is not defined`, with a "Did you mean" when a close name exists.
    func nameError(_ name: String, frame: Frame?) -> PyError {
        var candidates = Set(globals.bound.map(\.0)).union(builtins.keys)
        if let frame {
            for (slot, slotName) in frame.code.slotNames.enumerated() where frame.slots[slot] != nil {
                candidates.insert(slotName)
            }
            candidates.formUnion(frame.code.cellNames)
            candidates.formUnion(frame.code.freeNames)
        }
        var message = "name '\(name)' is not defined"
        if let suggestion = closestName(to: name, among: candidates) {
            message += ". Did you mean: '\(suggestion)'?"
        }
        return PyError(.nameError, message)
    }
}

/// The candidate within Python's edit-distance budget of `name`, or nil.
func closestName(to name: String, among candidates: Set<String>) -> String? {
    // CPython's limits (traceback._MAX_CANDIDATE_ITEMS, _MAX_STRING_SIZE): no suggestion among
    // more than 750 names, nor for or towards a name longer than 40 characters. They also keep
    // a 100,000-character name from costing seconds of edit distances.
    let target = Array(name.unicodeScalars)
    guard candidates.count <= 750, target.count <= 40 else { return nil }
    var best: (String, Int)?
    for candidate in candidates.sorted() where candidate != name && (!candidate.hasPrefix("_") || name.hasPrefix("_")) {
        let other = Array(candidate.unicodeScalars)
        guard other.count <= 40 else { continue }
        let budget = (target.count + other.count + 3) * 2 / 6
        let distance = editDistance(target, other)
        if distance <= budget, best.map({ distance < $0.1 }) ?? true {
            best = (candidate, distance)
        }
    }
    return best?.0
}

/// Levenshtein distance where a substitution that only changes case costs less.
func editDistance(_ a: [Unicode.Scalar], _ b: [Unicode.Scalar]) -> Int {
    if a.isEmpty { return b.count * 2 }
    if b.isEmpty { return a.count * 2 }
    var previous = Array(stride(from: 0, through: b.count * 2, by: 2))
    var current = previous
    for i in 1...a.count {
        current[0] = i * 2
        for j in 1...b.count {
            let substitution: Int
            if a[i - 1] == b[j - 1] {
                substitution = 0
            } else if a[i - 1].properties.lowercaseMapping == b[j - 1].properties.lowercaseMapping {
                substitution = 1
            } else {
                substitution = 2
            }
            current[j] = min(previous[j] + 2, current[j - 1] + 2, previous[j - 1] + substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}
