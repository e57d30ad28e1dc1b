/// `functools`: `partial`, `wraps`, `reduce`, `lru_cache` / `cache`.
enum FunctoolsModule {
    static func make(_ interpreter: Runtime) throws -> Module {
        let module = Module("functools", doc: "Higher-order functions and operations on callable objects.")
        module.add(PartialObject.type)
        module.function("reduce(function, iterable, initial=<unset>, /)", doc: "Apply a function of two arguments cumulatively to the items of an iterable, from left to right, to reduce it to a single value.") { args, interp in
            let iterator = try interp.makeIterator(args.values[1])
            var total: Value
            if args.isGiven("initial") {
                total = args.values[2]
            } else {
                guard let first = try iterator.next(interp) else {
                    throw PyError(.typeError, "reduce() of empty iterable with no initial value")
                }
                total = first
            }
            while let item = try iterator.next(interp) { total = try interp.call(args.values[0], total, item) }
            return total
        }
        module.function("wraps(wrapped, assigned=('__module__', '__name__', '__qualname__', '__doc__'), updated=('__dict__',))",
                        doc: "Decorator factory to apply update_wrapper() to a wrapper function: the wrapper takes the wrapped function's name, docstring and attributes.") { args, _ in
            let wrapped = args["wrapped"]
            return .object(BuiltinFunction(Signature(name: "update_wrapper", parameters: [.init(name: "wrapper", kind: .positionalOnly)]),
                                           module: "functools") { inner, interp in
                try updateWrapper(inner.values[0], wrapped, interp)
            })
        }
        module.function("update_wrapper(wrapper, wrapped, assigned=('__module__', '__name__', '__qualname__', '__doc__'), updated=('__dict__',))",
                        doc: "Update a wrapper function to look like the wrapped function.") { args, interp in
            try updateWrapper(args["wrapper"], args["wrapped"], interp)
        }
        module.function("lru_cache(maxsize=128, typed=False)", doc: "Least-recently-used cache decorator (here: an unbounded memo; maxsize is not enforced).") { args, _ in
            if case .object(let object) = args["maxsize"], !(object is BigIntObject) {
                // `@lru_cache` without parentheses: the argument is the function itself.
                return .object(CachedFunction(args["maxsize"]))
            }
            return .object(BuiltinFunction(Signature(name: "decorating_function", parameters: [.init(name: "user_function", kind: .positionalOnly)]),
                                           module: "functools") { inner, _ in .object(CachedFunction(inner.values[0])) })
        }
        module.function("cache(user_function, /)", doc: "Simple lightweight unbounded cache. Sometimes called \"memoize\".") { args, _ in
            .object(CachedFunction(args.values[0]))
        }
        return module
    }

    /// Copies `__module__`, `__name__`, `__qualname__`, `__doc__` and the attributes of
    /// `wrapped` onto `wrapper`, sets `__wrapped__`, and returns `wrapper`.
    static func updateWrapper(_ wrapper: Value, _ wrapped: Value, _ interpreter: Runtime) throws -> Value {
        for name in ["__module__", "__name__", "__qualname__", "__doc__"] {
            if name == "__module__", wrapper.object(as: FunctionObject.self) != nil { continue }
            if let value = try interpreter.lookupAttribute(wrapped, name) {
                try interpreter.setAttribute(wrapper, name, value)
            }
        }
        if let source = wrapped.object(as: FunctionObject.self), let target = wrapper.object(as: FunctionObject.self) {
            for (key, value) in source.attributes where key != "__name__" && key != "__doc__" { target.attributes[key] = value }
        }
        try interpreter.setAttribute(wrapper, "__wrapped__", wrapped)
        return wrapper
    }
}

/// `functools.partial(func, *args, **keywords)`.
final class PartialObject: PyObject, CallableObject {
    let function: Value
    let arguments: [Value]
    let keywords: [(name: String, value: Value)]

    init(function: Value, arguments: [Value], keywords: [(name: String, value: Value)]) {
        self.function = function
        self.arguments = arguments
        self.keywords = keywords
    }

    static let type = PyType("partial", module: "functools", doc: "partial(func, *args, **keywords) - new function with partial application of the given arguments and keywords.") { t in
        t.constructor("partial(func, /, *args, **keywords)") { args, interp in
            guard interp.isCallable(args.values[0]) else { throw PyError(.typeError, "the first argument must be callable") }
            if let inner = args.values[0].object(as: PartialObject.self) {
                var keywords = inner.keywords
                for (name, value) in args.variadicKeywords {
                    keywords.removeAll { $0.name == name }
                    keywords.append((name, value))
                }
                return .object(PartialObject(function: inner.function, arguments: inner.arguments + args.variadicPositional, keywords: keywords))
            }
            return .object(PartialObject(function: args.values[0], arguments: args.variadicPositional, keywords: args.variadicKeywords))
        }
        t.property("func", of: PartialObject.self) { partial, _ in partial.function }
        t.property("args", of: PartialObject.self) { partial, _ in .tuple(partial.arguments) }
        t.property("keywords", of: PartialObject.self) { partial, _ in .dict(partial.keywords.map { ($0.name, $0.value) }) }
    }
    var pyType: PyType { PartialObject.type }

    func call(_ given: Arguments, _ interpreter: Runtime) throws -> Value {
        var keywords = keywords.filter { keyword in !given.keywords.contains { $0.name == keyword.name } }
        keywords += given.keywords
        return try interpreter.call(function, Arguments(arguments + given.positional, keywords: keywords))
    }

    func repr(_ interpreter: Runtime) throws -> String {
        var parts = [try interpreter.repr(function)]
        parts += try arguments.map { try interpreter.repr($0) }
        parts += try keywords.map { "\($0.name)=\(try interpreter.repr($0.value))" }
        return "functools.partial(" + parts.joined(separator: ", ") + ")"
    }
}

/// A function wrapped by `lru_cache` / `cache`: results by argument tuple.
final class CachedFunction: PyObject, CallableObject {
    let function: Value
    var results: [DictKey: Value] = [:]
    var hits = 0
    var misses = 0

    init(_ function: Value) { self.function = function }

    static let type = PyType("_lru_cache_wrapper", module: "functools") { t in
        t.method("cache_clear()", of: CachedFunction.self, doc: "Clear the cache and cache statistics.") { cached, _, _ in
            cached.results = [:]
            cached.hits = 0
            cached.misses = 0
            return .none
        }
        t.method("cache_info()", of: CachedFunction.self, doc: "Report cache statistics.") { cached, _, _ in
            .string("CacheInfo(hits=\(cached.hits), misses=\(cached.misses), maxsize=None, currsize=\(cached.results.count))")
        }
    }
    var pyType: PyType { CachedFunction.type }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        var parts = arguments.positional
        for (name, value) in arguments.keywords { parts += [.string(name), value] }
        let key = try DictKey(.tuple(parts), interpreter)
        if let cached = results[key] {
            hits += 1
            return cached
        }
        misses += 1
        let result = try interpreter.call(function, arguments)
        results[key] = result
        return result
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        name == "__wrapped__" ? function : try interpreter.lookupAttribute(function, name)
    }

    func repr(_ interpreter: Runtime) throws -> String { try interpreter.repr(function) }
}
