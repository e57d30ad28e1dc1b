/// The `list`, `tuple`, `dict` and `set` types: constructors and methods.
extension PyType {
    public static let list = PyType("list", doc: """
        list(iterable=(), /)

        Built-in mutable sequence. With no argument, an empty list; otherwise a list of the
        iterable's items.
        """) { t in
        t.constructor("list(iterable=(), /)") { args, interp in .list(try interp.collect(args["iterable"])) }
        t.method("append(object, /)", of: ListObject.self, doc: "Append object to the end of the list.") { list, args, _ in
            list.items.append(args.values[0]); return .none
        }
        t.method("extend(iterable, /)", of: ListObject.self, doc: "Extend the list by appending all the items from the iterable.") { list, args, interp in
            list.items.append(contentsOf: try interp.collect(args.values[0])); return .none
        }
        t.method("pop(index=-1, /)", of: ListObject.self, doc: "Remove and return the item at index (default last).") { list, args, _ in
            guard !list.items.isEmpty else { throw PyError(.indexError, "pop from empty list") }
            let index = try normalizedIndex(try args.int("index"), count: list.items.count, what: "pop")
            return list.items.remove(at: index)
        }
        t.method("insert(index, object, /)", of: ListObject.self, doc: "Insert object before index.") { list, args, _ in
            var index = try args.int("index")
            if index < 0 { index = max(0, index + list.items.count) }
            list.items.insert(args.values[1], at: min(index, list.items.count))
            return .none
        }
        t.method("remove(value, /)", of: ListObject.self, doc: "Remove the first occurrence of value.") { list, args, interp in
            for (index, item) in list.items.enumerated() where try interp.equals(item, args.values[0]) {
                list.items.remove(at: index)
                return .none
            }
            throw PyError(.valueError, "list.remove(x): x not in list")
        }
        t.method("index(value, start=0, stop=None, /)", of: ListObject.self, doc: "Return the first index of value.") { list, args, interp in
            let window = try SliceObject(start: args["start"], stop: args["stop"], step: .none).resolve(count: list.items.count)
            for index in window.indices where try interp.equals(list.items[index], args.values[0]) { return .int(index) }
            throw PyError(.valueError, "\(try interp.repr(args.values[0])) is not in list")
        }
        t.method("count(value, /)", of: ListObject.self, doc: "Return the number of occurrences of value.") { list, args, interp in
            .int(try list.items.reduce(0) { $0 + (try interp.equals($1, args.values[0]) ? 1 : 0) })
        }
        t.method("sort(*, key=None, reverse=False)", of: ListObject.self, doc: "Sort the list in place (stable), by key(item) if key is given.") { list, args, interp in
            var items = list.items
            try interp.sort(&items, key: args.optional("key"), reverse: try args.bool("reverse"))
            list.items = items
            return .none
        }
        t.method("reverse()", of: ListObject.self, doc: "Reverse the list in place.") { list, _, _ in
            list.items.reverse(); return .none
        }
        t.method("copy()", of: ListObject.self, doc: "Return a shallow copy of the list.") { list, _, _ in .list(list.items) }
        t.method("clear()", of: ListObject.self, doc: "Remove all items from the list.") { list, _, _ in
            list.items.removeAll(); return .none
        }
    }

    public static let tuple = PyType("tuple", doc: """
        tuple(iterable=(), /)

        Built-in immutable sequence.
        """) { t in
        t.constructor("tuple(iterable=(), /)") { args, interp in
            if let tuple = args.values[0].object(as: TupleObject.self) { return .object(tuple) }
            return .tuple(try interp.collect(args["iterable"]))
        }
        t.method("index(value, /)", of: TupleObject.self, doc: "Return the first index of value.") { tuple, args, interp in
            for (index, item) in tuple.items.enumerated() where try interp.equals(item, args.values[0]) { return .int(index) }
            throw PyError(.valueError, "tuple.index(x): x not in tuple")
        }
        t.method("count(value, /)", of: TupleObject.self, doc: "Return the number of occurrences of value.") { tuple, args, interp in
            .int(try tuple.items.reduce(0) { $0 + (try interp.equals($1, args.values[0]) ? 1 : 0) })
        }
    }

    public static let dict = PyType("dict", doc: """
        dict(iterable=None, /, **kwargs)

        A mapping from keys to values, in insertion order. Built from another mapping, from an
        iterable of (key, value) pairs, and/or from keyword arguments.
        """) { t in
        t.constructor("dict(iterable=None, /, **kwargs)") { args, interp in
            let dict = DictObject()
            try interp.update(dict, from: args.optional("iterable"), keywords: args.variadicKeywords)
            return .object(dict)
        }
        t.method("keys()", of: DictObject.self, doc: "A view of the dict's keys.") { dict, _, _ in .object(DictView(dict, .keys)) }
        t.method("values()", of: DictObject.self, doc: "A view of the dict's values.") { dict, _, _ in .object(DictView(dict, .values)) }
        t.method("items()", of: DictObject.self, doc: "A view of the dict's (key, value) pairs.") { dict, _, _ in .object(DictView(dict, .items)) }
        t.method("get(key, default=None, /)", of: DictObject.self, doc: "Return the value for key if key is in the dict, else default.") { dict, args, interp in
            dict.storage.get(try DictKey(args.values[0], interp)) ?? args.values[1]
        }
        t.method("pop(key, default=<unset>, /)", of: DictObject.self, doc: "Remove key and return its value; return default (or raise KeyError) if it is missing.") { dict, args, interp in
            if let value = dict.storage.remove(try DictKey(args.values[0], interp)) { return value }
            if args.isGiven("default") { return args.values[1] }
            throw PyError.missingKey(args.values[0], interp)
        }
        t.method("setdefault(key, default=None, /)", of: DictObject.self, doc: "Return the value for key, inserting default first if key is missing.") { dict, args, interp in
            let key = try DictKey(args.values[0], interp)
            if let value = dict.storage.get(key) { return value }
            dict.storage.set(key, args.values[1])
            return args.values[1]
        }
        t.method("update(other=None, /, **kwargs)", of: DictObject.self, doc: "Update the dict from a mapping or iterable of pairs, and keyword arguments.") { dict, args, interp in
            try interp.update(dict, from: args.optional("other"), keywords: args.variadicKeywords)
            return .none
        }
        t.method("copy()", of: DictObject.self, doc: "Return a shallow copy of the dict.") { dict, _, _ in
            let copy = DictObject()
            copy.storage = dict.storage
            return .object(copy)
        }
        t.method("clear()", of: DictObject.self, doc: "Remove all items.") { dict, _, _ in
            dict.storage.removeAll(); return .none
        }
        t.method("popitem()", of: DictObject.self, doc: "Remove and return the last (key, value) pair.") { dict, _, _ in
            guard let key = dict.storage.keys.last else { throw PyError(.keyError, "'popitem(): dictionary is empty'") }
            let value = dict.storage.remove(key) ?? .none
            return .tuple([key.value, value])
        }
    }

    public static let set = PyType("set", doc: """
        set(iterable=(), /)

        An unordered collection of unique elements.
        """) { t in
        t.constructor("set(iterable=(), /)") { args, interp in
            let set = SetObject()
            for item in try interp.collect(args.values[0]) { try set.insert(item, interp) }
            return .object(set)
        }
        t.method("add(element, /)", of: SetObject.self, doc: "Add an element.") { set, args, interp in
            try set.insert(args.values[0], interp); return .none
        }
        t.method("remove(element, /)", of: SetObject.self, doc: "Remove an element; raise KeyError if absent.") { set, args, interp in
            guard set.storage.remove(try DictKey(args.values[0], interp)) != nil else {
                throw PyError.missingKey(args.values[0], interp)
            }
            return .none
        }
        t.method("discard(element, /)", of: SetObject.self, doc: "Remove an element if present.") { set, args, interp in
            set.storage.remove(try DictKey(args.values[0], interp)); return .none
        }
        t.method("pop()", of: SetObject.self, doc: "Remove and return an arbitrary element.") { set, _, _ in
            guard let key = set.storage.keys.first else { throw PyError(.keyError, "'pop from an empty set'") }
            set.storage.remove(key)
            return key.value
        }
        t.method("update(*others)", of: SetObject.self, doc: "Add the elements of the iterables.") { set, args, interp in
            for other in args.variadicPositional { for item in try interp.collect(other) { try set.insert(item, interp) } }
            return .none
        }
        for (name, op) in [("union", BinaryOperator.or), ("intersection", .and), ("difference", .subtract), ("symmetric_difference", .xor)] {
            t.method("\(name)(*others)", of: SetObject.self, doc: "Return the \(name) of the set and the iterables as a new set.") { set, args, interp in
                var result = set
                for other in args.variadicPositional {
                    let otherSet = SetObject()
                    for item in try interp.collect(other) { try otherSet.insert(item, interp) }
                    result = result.combined(otherSet, op)
                }
                if result === set { result = set.combined(SetObject(), .or) }
                return .object(result)
            }
        }
        t.method("issubset(other, /)", of: SetObject.self, doc: "Whether every element is in other.") { set, args, interp in
            let other = try interp.collect(args.values[0])
            let keys = Swift.Set(try other.map { try DictKey($0, interp) })
            return .bool(set.storage.keys.allSatisfy { keys.contains($0) })
        }
        t.method("issuperset(other, /)", of: SetObject.self, doc: "Whether every element of other is in the set.") { set, args, interp in
            .bool(try interp.collect(args.values[0]).allSatisfy { set.storage.get(try DictKey($0, interp)) != nil })
        }
        t.method("copy()", of: SetObject.self, doc: "Return a shallow copy.") { set, _, _ in .object(set.combined(SetObject(), .or)) }
        t.method("clear()", of: SetObject.self, doc: "Remove all elements.") { set, _, _ in
            set.storage.removeAll(); return .none
        }
    }

    public static let frozenset = PyType("frozenset", doc: "frozenset(iterable=(), /)\n\nAn immutable set.") { t in
        t.constructor("frozenset(iterable=(), /)") { args, interp in
            let set = SetObject(frozen: true)
            for item in try interp.collect(args.values[0]) { try set.insert(item, interp) }
            return .object(set)
        }
    }
}

/// `dict.keys()`, `.values()`, `.items()`: live views of a dict.
final class DictView: PyObject {
    enum Kind: String { case keys, values, items }
    let dict: DictObject
    let kind: Kind

    init(_ dict: DictObject, _ kind: Kind) {
        self.dict = dict
        self.kind = kind
    }

    var pyType: PyType { .dictView }

    var elements: [Value] {
        switch kind {
        case .keys: dict.storage.keys.map(\.value)
        case .values: dict.storage.values
        case .items: zip(dict.storage.keys, dict.storage.values).map { .tuple([$0.value, $1]) }
        }
    }

    func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { ArrayIterator(elements) }
    func length(_ interpreter: Runtime) throws -> Int? { dict.storage.count }

    func contains(_ item: Value, _ interpreter: Runtime) throws -> Bool? {
        if kind == .keys { return dict.storage.get(try DictKey(item, interpreter)) != nil }
        return nil
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "dict_\(kind.rawValue)([\(try elements.map { try interpreter.repr($0) }.joined(separator: ", "))])"
    }
}

extension Runtime {
    /// `dict.update(other, **kwargs)`: from a mapping, an iterable of pairs, and keywords.
    func update(_ dict: DictObject, from other: Value?, keywords: [(name: String, value: Value)]) throws {
        if let other {
            if let source = other.object(as: DictObject.self) {
                for (key, value) in zip(source.storage.keys, source.storage.values) { dict.storage.set(key, value) }
            } else {
                for (index, pair) in try collect(other).enumerated() {
                    let items = try collect(pair)
                    guard items.count == 2 else {
                        throw PyError(.valueError, "dictionary update sequence element #\(index) has length \(items.count); 2 is required")
                    }
                    try dict.set(items[0], items[1], self)
                }
            }
        }
        for (name, value) in keywords { dict.storage.set(DictKey(string: name), value) }
    }

    /// A stable sort with Python's comparisons, by `key(item)` when a key function is given.
    public func sort(_ items: inout [Value], key: Value?, reverse: Bool) throws {
        let keys = try key.map { function in try items.map { try call(function, $0) } } ?? items
        var order = Array(items.indices)
        var scratch = order
        func less(_ a: Int, _ b: Int) throws -> Bool {
            reverse ? try truthiness(try compare(.less, keys[b], keys[a]))
                    : try truthiness(try compare(.less, keys[a], keys[b]))
        }
        // Bottom-up merge sort: stable, and each comparison may throw.
        var width = 1
        while width < order.count {
            var start = 0
            while start < order.count {
                let middle = min(start + width, order.count)
                let end = min(start + 2 * width, order.count)
                var i = start, j = middle, k = start
                while i < middle && j < end {
                    if try less(order[j], order[i]) { scratch[k] = order[j]; j += 1 } else { scratch[k] = order[i]; i += 1 }
                    k += 1
                }
                while i < middle { scratch[k] = order[i]; i += 1; k += 1 }
                while j < end { scratch[k] = order[j]; j += 1; k += 1 }
                start += 2 * width
            }
            swap(&order, &scratch)
            width *= 2
            try checkCancellation()
        }
        items = order.map { items[$0] }
    }
}
