/// `itertools`: lazy iterators built from other iterators.
enum ItertoolsModule {
    static func iterator(_ name: String, _ step: @escaping (Runtime) throws -> Value?) -> Value {
        .object(IteratorObject(typeName: "itertools.\(name)", step))
    }

    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("itertools", doc: "Functions creating iterators for efficient looping.")
        module.function("count(start=0, step=1)", doc: "Return a count object whose .__next__() method returns consecutive values.") { args, interp in
            var current = args["start"]
            let step = args["step"]
            return iterator("count") { interp in
                defer { current = (try? interp.binary(.add, current, step)) ?? current }
                return current
            }
        }
        module.function("repeat(object, times=None)", doc: "repeat(object [,times]) -> create an iterator which returns the object for the specified number of times (forever without times).") { args, _ in
            let value = args["object"]
            var left = try args.optionalInt("times")
            return iterator("repeat") { _ in
                if let remaining = left {
                    guard remaining > 0 else { return nil }
                    left = remaining - 1
                }
                return value
            }
        }
        module.function("cycle(iterable, /)", doc: "Return elements from the iterable until it is exhausted, then repeat the sequence indefinitely.") { args, interp in
            let source = try interp.makeIterator(args.values[0])
            var saved: [Value] = []
            var index = 0
            var exhausted = false
            return iterator("cycle") { interp in
                if !exhausted {
                    if let item = try source.next(interp) { saved.append(item); return item }
                    exhausted = true
                }
                guard !saved.isEmpty else { return nil }
                defer { index = (index + 1) % saved.count }
                return saved[index]
            }
        }
        module.add(chainType)
        module.function("islice(iterable, /, *args)", doc: "islice(iterable, stop) or islice(iterable, start, stop[, step]): an iterator over selected items.") { args, interp in
            let bounds = args.variadicPositional
            guard (1...3).contains(bounds.count) else {
                throw PyError(.typeError, "islice expected at most 4 arguments, got \(bounds.count + 1)")
            }
            func index(_ value: Value, _ what: String) throws -> Int? {
                if value.isNone { return nil }
                guard let i = value.asIndex, i >= 0 else {
                    throw PyError(.valueError, "\(what) argument for islice() must be None or an integer: 0 <= x <= sys.maxsize.")
                }
                return i
            }
            let start = bounds.count == 1 ? 0 : try index(bounds[0], "Indices") ?? 0
            let stop = try index(bounds.count == 1 ? bounds[0] : bounds[1], bounds.count == 1 ? "Stop" : "Stop")
            let step = bounds.count == 3 ? try index(bounds[2], "Step") ?? 1 : 1
            guard step > 0 else { throw PyError(.valueError, "Step for islice() must be a positive integer or None.") }
            let source = try interp.makeIterator(args.values[0])
            var position = 0
            var next = start
            return iterator("islice") { interp in
                while true {
                    if let stop, next >= stop { return nil }
                    guard let item = try source.next(interp) else { return nil }
                    defer { position += 1 }
                    if position == next {
                        next += step
                        return item
                    }
                }
            }
        }
        module.function("product(*iterables, repeat=1)", doc: "Cartesian product of input iterables, as tuples.") { args, interp in
            let times = try args.int("repeat")
            guard times >= 0 else { throw PyError(.valueError, "repeat argument cannot be negative") }
            var pools = try args.variadicPositional.map { try interp.collect($0) }
            pools = Array([[[Value]]](repeating: pools, count: times).joined())
            var indices = [Int](repeating: 0, count: pools.count)
            var done = pools.contains { $0.isEmpty }
            var first = true
            return iterator("product") { _ in
                if done { return nil }
                if !first {
                    var position = pools.count - 1
                    while position >= 0 {
                        indices[position] += 1
                        if indices[position] < pools[position].count { break }
                        indices[position] = 0
                        position -= 1
                    }
                    if position < 0 { done = true; return nil }
                }
                first = false
                return .tuple(zip(pools, indices).map { $0[$1] })
            }
        }
        module.function("zip_longest(*iterables, fillvalue=None)", doc: "Like zip, but continues until the longest iterable is exhausted, filling with fillvalue.") { args, interp in
            let sources = try args.variadicPositional.map { try interp.makeIterator($0) }
            var active = [Bool](repeating: true, count: sources.count)
            let fill = args["fillvalue"]
            return iterator("zip_longest") { interp in
                guard !sources.isEmpty else { return nil }
                var items: [Value] = []
                for (index, source) in sources.enumerated() {
                    if active[index], let item = try source.next(interp) {
                        items.append(item)
                    } else {
                        active[index] = false
                        items.append(fill)
                    }
                }
                return active.contains(true) ? .tuple(items) : nil
            }
        }
        module.function("accumulate(iterable, func=None, *, initial=None)", doc: "Return series of accumulated sums (or other binary function results).") { args, interp in
            let source = try interp.makeIterator(args["iterable"])
            let function = args.optional("func")
            var total: Value? = args.optional("initial")
            var emittedInitial = total == nil
            return iterator("accumulate") { interp in
                if !emittedInitial { emittedInitial = true; return total }
                guard let item = try source.next(interp) else { return nil }
                if let current = total {
                    total = try function.map { try interp.call($0, current, item) } ?? interp.binary(.add, current, item)
                } else {
                    total = item
                }
                return total
            }
        }
        module.function("combinations(iterable, r)", doc: "Return successive r-length combinations of elements in the iterable.") { args, interp in
            let pool = try interp.collect(args["iterable"])
            let r = try args.int("r")
            guard r >= 0 else { throw PyError(.valueError, "r must be non-negative") }
            var indices = Array(0..<r)
            var done = r > pool.count
            var first = true
            return iterator("combinations") { _ in
                if done { return nil }
                if !first {
                    var i = r - 1
                    while i >= 0 && indices[i] == i + pool.count - r { i -= 1 }
                    if i < 0 { done = true; return nil }
                    indices[i] += 1
                    for j in (i + 1)..<max(r, i + 1) { indices[j] = indices[j - 1] + 1 }
                }
                first = false
                return .tuple(indices.map { pool[$0] })
            }
        }
        module.function("permutations(iterable, r=None)", doc: "Return successive r-length permutations of elements in the iterable.") { args, interp in
            let pool = try interp.collect(args["iterable"])
            let r = try args.optionalInt("r") ?? pool.count
            guard r >= 0 else { throw PyError(.valueError, "r must be non-negative") }
            var results: [Value] = []
            func build(_ chosen: [Int]) throws {
                if results.count & 0xFFF == 0 { try interp.checkCancellation() }
                if chosen.count == r { results.append(.tuple(chosen.map { pool[$0] })); return }
                for index in pool.indices where !chosen.contains(index) { try build(chosen + [index]) }
            }
            if r <= pool.count { try build([]) }
            return .object(IteratorObject(typeName: "itertools.permutations", ArrayIterator(results)))
        }
        module.function("groupby(iterable, key=None)", doc: "make an iterator that returns consecutive keys and groups from the iterable.") { args, interp in
            let items = try interp.collect(args["iterable"])
            let keyFunction = args.optional("key")
            var groups: [Value] = []
            var index = 0
            while index < items.count {
                let key = try keyFunction.map { try interp.call($0, items[index]) } ?? items[index]
                var members: [Value] = []
                while index < items.count {
                    let next = try keyFunction.map { try interp.call($0, items[index]) } ?? items[index]
                    guard try interp.equals(next, key) else { break }
                    members.append(items[index])
                    index += 1
                }
                groups.append(.tuple([key, .object(IteratorObject(typeName: "itertools._grouper", ArrayIterator(members)))]))
            }
            return .object(IteratorObject(typeName: "itertools.groupby", ArrayIterator(groups)))
        }
        module.function("takewhile(predicate, iterable, /)", doc: "Return successive entries from an iterable as long as the predicate evaluates to true for each entry.") { args, interp in
            let source = try interp.makeIterator(args.values[1])
            var stopped = false
            return iterator("takewhile") { interp in
                guard !stopped, let item = try source.next(interp) else { return nil }
                if try interp.truthiness(try interp.call(args.values[0], item)) { return item }
                stopped = true
                return nil
            }
        }
        module.function("dropwhile(predicate, iterable, /)", doc: "Drop items from the iterable while predicate(item) is true; afterwards, return every element.") { args, interp in
            let source = try interp.makeIterator(args.values[1])
            var dropping = true
            return iterator("dropwhile") { interp in
                while let item = try source.next(interp) {
                    if dropping, try interp.truthiness(try interp.call(args.values[0], item)) { continue }
                    dropping = false
                    return item
                }
                return nil
            }
        }
        module.function("starmap(function, iterable, /)", doc: "Return an iterator whose values are returned from the function evaluated with an argument tuple taken from the given sequence.") { args, interp in
            let source = try interp.makeIterator(args.values[1])
            return iterator("starmap") { interp in
                guard let item = try source.next(interp) else { return nil }
                return try interp.call(args.values[0], Arguments(try interp.collect(item)))
            }
        }
        module.function("pairwise(iterable, /)", doc: "Return an iterator of overlapping pairs taken from the input iterator.") { args, interp in
            let source = try interp.makeIterator(args.values[0])
            var previous: Value?
            return iterator("pairwise") { interp in
                if previous == nil { previous = try source.next(interp) }
                guard let first = previous, let second = try source.next(interp) else { return nil }
                previous = second
                return .tuple([first, second])
            }
        }
        module.function("compress(data, selectors)", doc: "Return data elements corresponding to true selector elements.") { args, interp in
            let data = try interp.makeIterator(args["data"])
            let selectors = try interp.makeIterator(args["selectors"])
            return iterator("compress") { interp in
                while let item = try data.next(interp), let selector = try selectors.next(interp) {
                    if try interp.truthiness(selector) { return item }
                }
                return nil
            }
        }
        return module
    }

    static let chainType = PyType("chain", module: "itertools", doc: "chain(*iterables) --> chain object\n\nReturn a chain object whose .__next__() method returns elements from the first iterable until it is exhausted, then elements from the next iterable, until all of the iterables are exhausted.") { t in
        t.constructor("chain(*iterables)") { args, interp in
            chained(ArrayIterator(args.variadicPositional), interp)
        }
        t.classAttribute("from_iterable") {
            .object(BuiltinFunction(Signature(name: "from_iterable", parameters: [.init(name: "iterable", kind: .positionalOnly)]),
                                    module: "itertools", doc: "Alternative chain() constructor taking a single iterable argument that evaluates lazily.") { args, interp in
                chained(try interp.makeIterator(args.values[0]), interp)
            })
        }
    }

    static func chained(_ sources: any PyIterator, _ interpreter: Runtime) -> Value {
        var current: (any PyIterator)?
        return iterator("chain") { interp in
            while true {
                if let current, let item = try current.next(interp) { return item }
                guard let nextSource = try sources.next(interp) else { return nil }
                current = try interp.makeIterator(nextSource)
            }
        }
    }
}
