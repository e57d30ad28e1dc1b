/// `collections`: `defaultdict`, `Counter`, `OrderedDict` (dicts with a flavour) and
/// `namedtuple` (tuple classes with named fields).
enum CollectionsModule {
    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("collections", doc: "Container datatypes: defaultdict, Counter, OrderedDict, namedtuple.")
        module.add(DictFlavor.defaultDictType)
        module.add(DictFlavor.counterType)
        module.add(DictFlavor.orderedDictType)
        module.function("namedtuple(typename, field_names, *, rename=False, defaults=None, module=None)",
                        doc: "Returns a new subclass of tuple with named fields.") { args, interp in
            try makeNamedTuple(args, interp)
        }
        module.function("deque(iterable=(), maxlen=None)", doc: "Not supported.") { _, _ in
            throw PyError.notImplemented("collections.deque is not supported; use a list")
        }
        return module
    }

    static func makeNamedTuple(_ args: BoundArguments, _ interpreter: Runtime) throws -> Value {
        let typeName = try args.string("typename")
        var names: [String]
        switch args["field_names"] {
        case .string(let text):
            names = text.replacingOccurrences(of: ",", with: " ").split(separator: " ").map(String.init)
        default:
            names = try interpreter.collect(args["field_names"]).map { value in
                guard case .string(let name) = value else {
                    throw PyError(.typeError, "Type names and field names must be strings")
                }
                return name
            }
        }
        for name in names where name.hasPrefix("_") || Parser.keywords.contains(name) || name.first?.isNumber == true {
            throw PyError(.valueError, name.hasPrefix("_") ? "Field names cannot start with an underscore: '\(name)'"
                                                           : "Type names and field names cannot be a keyword: '\(name)'")
        }
        let defaults = try args.optional("defaults").map { try interpreter.collect($0) } ?? []
        guard defaults.count <= names.count else { throw PyError(.typeError, "Got more default values than field names") }
        let fields = NamedTupleFields(names: names, defaults: defaults)
        let fieldCount = names.count
        // Every field is declared optional so that the defaults (any values) are applied here.
        let signature = "\(typeName)(" + names.map { "\($0)=<unset>" }.joined(separator: ", ") + ")"
        let type = PyType(typeName, module: "__main__", doc: "\(typeName)(\(names.joined(separator: ", ")))", base: .tuple) { t in
            t.constructor(signature) { bound, _ in
                var items = Array(bound.values.prefix(fieldCount))
                var missing: [String] = []
                for index in 0..<fieldCount where !bound.given[index] {
                    let offset = index - (fieldCount - fields.defaults.count)
                    if offset >= 0 { items[index] = fields.defaults[offset] } else { missing.append(fields.names[index]) }
                }
                if !missing.isEmpty {
                    let list = missing.map { "'\($0)'" }
                    let text = list.count == 1 ? list[0] : list.dropLast().joined(separator: ", ") + (list.count == 2 ? " and " : ", and ") + (list.last ?? "")
                    throw PyError(.typeError, "\(typeName).__new__() missing \(missing.count) required positional argument\(missing.count == 1 ? "" : "s"): \(text)")
                }
                let tuple = TupleObject(items)
                tuple.named = fields
                return .object(tuple)
            }
            t.method("_asdict()", of: TupleObject.self, doc: "Return a new dict which maps field names to their values.") { tuple, _, _ in
                .dict(Array(zip(fields.names, tuple.items)))
            }
            t.method("_replace(**kwargs)", of: TupleObject.self, doc: "Return a new namedtuple replacing specified fields with new values.") { tuple, args, _ in
                var items = tuple.items
                for (name, value) in args.variadicKeywords {
                    guard let index = fields.names.firstIndex(of: name) else {
                        throw PyError(.valueError, "Got unexpected field names: ['\(name)']")
                    }
                    items[index] = value
                }
                let made = TupleObject(items)
                made.named = tuple.named
                return .object(made)
            }
            t.classAttribute("_fields") { .tuple(fields.names.map(Value.string)) }
        }
        fields.type = type
        return .object(type)
    }
}

/// The type and field names shared by a namedtuple class's instances.
final class NamedTupleFields: @unchecked Sendable {
    let names: [String]
    /// Values for the last fields when they are not given.
    let defaults: [Value]
    /// Set once, right after the type is made.
    var type: PyType = .tuple
    init(names: [String], defaults: [Value]) {
        self.names = names
        self.defaults = defaults
    }
}

/// What makes a dict a `defaultdict`, a `Counter` or an `OrderedDict`.
enum DictFlavor {
    case plain
    case defaultDict(factory: Value)
    case counter
    case ordered

    var isPlain: Bool {
        if case .plain = self { return true }
        return false
    }

    var type: PyType {
        switch self {
        case .plain: .dict
        case .defaultDict: DictFlavor.defaultDictType
        case .counter: DictFlavor.counterType
        case .ordered: DictFlavor.orderedDictType
        }
    }

    /// `d[key]` for a missing key: a defaultdict inserts `factory()`, a Counter gives 0.
    func missing(_ key: Value, in dict: DictObject, _ interpreter: Runtime) throws -> Value? {
        switch self {
        case .defaultDict(let factory):
            if factory.isNone { return nil }
            let value = try interpreter.call(factory, Arguments())
            try dict.set(key, value, interpreter)
            return value
        case .counter: return .int(0)
        case .plain, .ordered: return nil
        }
    }

    func repr(_ dict: DictObject, _ interpreter: Runtime) throws -> String {
        switch self {
        case .plain: return try dict.plainRepr(interpreter)
        case .defaultDict(let factory):
            return "defaultdict(\(try interpreter.repr(factory)), \(try dict.plainRepr(interpreter)))"
        case .ordered:
            if dict.storage.count == 0 { return "OrderedDict()" }
            let pairs = try zip(dict.storage.keys, dict.storage.values).map { "(\(try interpreter.repr($0.value)), \(try interpreter.repr($1)))" }
            return "OrderedDict([" + pairs.joined(separator: ", ") + "])"
        case .counter:
            if dict.storage.count == 0 { return "Counter()" }
            let sorted = try DictFlavor.mostCommon(dict, interpreter)
            let parts = try sorted.map { "\(try interpreter.repr($0.0)): \(try interpreter.repr($0.1))" }
            return "Counter({" + parts.joined(separator: ", ") + "})"
        }
    }

    /// Entries by count, highest first; ties keep insertion order (Python's sort is stable).
    static func mostCommon(_ dict: DictObject, _ interpreter: Runtime) throws -> [(Value, Value)] {
        let pairs = Array(zip(dict.storage.keys.map(\.value), dict.storage.values))
        var failure: Error?
        let sorted = pairs.enumerated().sorted { a, b in
            do {
                if try interpreter.truthiness(try interpreter.compare(.greater, a.element.1, b.element.1)) { return true }
                if try interpreter.truthiness(try interpreter.compare(.less, a.element.1, b.element.1)) { return false }
            } catch { failure = error }
            return a.offset < b.offset
        }
        if let failure { throw failure }
        return sorted.map(\.element)
    }

    static func flavored(_ flavor: DictFlavor) -> DictObject {
        let dict = DictObject()
        dict.flavor = flavor
        return dict
    }

    static let defaultDictType = PyType("defaultdict", module: "collections", doc: """
        defaultdict(default_factory=None, /, [...]) --> dict with default factory

        The default factory is called without arguments to produce a new value when a key is
        not present, in __getitem__ only.
        """, base: .dict) { t in
        t.constructor("defaultdict(default_factory=None, iterable=None, /, **kwargs)") { args, interp in
            let factory = args.values[0]
            if !factory.isNone && !interp.isCallable(factory) { throw PyError(.typeError, "first argument must be callable or None") }
            let dict = flavored(.defaultDict(factory: factory))
            try interp.update(dict, from: args.optional("iterable"), keywords: args.variadicKeywords)
            return .object(dict)
        }
        t.property("default_factory", of: DictObject.self) { dict, _ in
            if case .defaultDict(let factory) = dict.flavor { return factory }
            return .none
        }
    }

    static let orderedDictType = PyType("OrderedDict", module: "collections", doc: "Dictionary that remembers insertion order.", base: .dict) { t in
        t.constructor("OrderedDict(iterable=None, /, **kwargs)") { args, interp in
            let dict = flavored(.ordered)
            try interp.update(dict, from: args.optional("iterable"), keywords: args.variadicKeywords)
            return .object(dict)
        }
        t.method("move_to_end(key, last=True)", of: DictObject.self, doc: "Move an existing element to the end (or beginning if last is false).") { dict, args, interp in
            let key = try DictKey(args.values[0], interp)
            guard let value = dict.storage.remove(key) else { throw PyError.missingKey(args.values[0], interp) }
            if try args.bool("last") {
                dict.storage.set(key, value)
            } else {
                var rebuilt = OrderedTable()
                rebuilt.set(key, value)
                for (k, v) in zip(dict.storage.keys, dict.storage.values) { rebuilt.set(k, v) }
                dict.storage = rebuilt
            }
            return .none
        }
        t.method("popitem(last=True)", of: DictObject.self, doc: "Remove and return a (key, value) pair, LIFO by default, FIFO if last is false.") { dict, args, _ in
            guard let key = try args.bool("last") ? dict.storage.keys.last : dict.storage.keys.first else {
                throw PyError(.keyError, "dictionary is empty")
            }
            let value = dict.storage.remove(key) ?? .none
            return .tuple([key.value, value])
        }
    }

    static let counterType = PyType("Counter", module: "collections", doc: """
        Dict subclass for counting hashable items. Elements are stored as dictionary keys and
        their counts are stored as dictionary values.
        """, base: .dict) { t in
        t.constructor("Counter(iterable=None, /, **kwds)") { args, interp in
            let dict = flavored(.counter)
            try count(into: dict, args.optional("iterable"), args.variadicKeywords, sign: 1, interp)
            return .object(dict)
        }
        t.method("most_common(n=None)", of: DictObject.self, doc: "List the n most common elements and their counts from the most common to the least.") { dict, args, interp in
            var pairs = try mostCommon(dict, interp)
            if let n = try args.optionalInt("n") { pairs = Array(pairs.prefix(max(n, 0))) }
            return .list(pairs.map { .tuple([$0.0, $0.1]) })
        }
        t.method("update(iterable=None, /, **kwds)", of: DictObject.self, doc: "Add counts from an iterable or mapping.") { dict, args, interp in
            try count(into: dict, args.optional("iterable"), args.variadicKeywords, sign: 1, interp)
            return .none
        }
        t.method("subtract(iterable=None, /, **kwds)", of: DictObject.self, doc: "Subtract counts from an iterable or mapping.") { dict, args, interp in
            try count(into: dict, args.optional("iterable"), args.variadicKeywords, sign: -1, interp)
            return .none
        }
        t.method("elements()", of: DictObject.self, doc: "Iterator over elements repeating each as many times as its count.") { dict, _, _ in
            var items: [Value] = []
            for (key, value) in zip(dict.storage.keys, dict.storage.values) {
                if let times = value.asIndex, times > 0 { items += repeatElement(key.value, count: times) }
            }
            return .object(IteratorObject(typeName: "itertools.chain", ArrayIterator(items)))
        }
        t.method("total()", of: DictObject.self, doc: "Sum of the counts.") { dict, _, interp in
            var total: Value = .int(0)
            for value in dict.storage.values { total = try interp.binary(.add, total, value) }
            return total
        }
    }

    /// Counts the items of an iterable (or adds a mapping's counts) into a Counter.
    static func count(into dict: DictObject, _ source: Value?, _ keywords: [(name: String, value: Value)],
                      sign: Int, _ interpreter: Runtime) throws {
        func add(_ key: Value, _ amount: Value) throws {
            let dictKey = try DictKey(key, interpreter)
            let current = dict.storage.get(dictKey) ?? .int(0)
            let delta = sign > 0 ? amount : try interpreter.unary(.negate, amount)
            dict.storage.set(dictKey, try interpreter.binary(.add, current, delta))
        }
        if let source {
            if let mapping = source.object(as: DictObject.self) {
                for (key, value) in zip(mapping.storage.keys, mapping.storage.values) { try add(key.value, value) }
            } else {
                let iterator = try interpreter.makeIterator(source)
                while let item = try iterator.next(interpreter) { try add(item, .int(1)) }
            }
        }
        for (name, value) in keywords { try add(.string(name), value) }
    }
}
