import Foundation

/// The built-in functions, types and exception classes every cell sees.
enum BuiltinFunctions {
    static func make(_ interpreter: Runtime) -> [String: Value] {
        let table = Module("builtins")
        for type in [PyType.int, .float, .str, .bool, .list, .tuple, .dict, .set, .frozenset, .range, .slice, .type, .object] {
            table.members[type.name] = .object(type)
        }
        for (name, _) in PyErrorKind.hierarchy {
            table.members[name] = .object(interpreter.exceptionType(PyErrorKind(name)))
        }
        table.members["Ellipsis"] = .object(interpreter.ellipsis)
        if let display = IPythonDisplay.displayFunction() { table.members["display"] = .object(display) }
        table.members["exit"] = .object(ExitRequest(name: "exit"))
        table.members["quit"] = .object(ExitRequest(name: "quit"))
        registerOutput(table)
        registerSequences(table)
        registerNumbers(table)
        registerIntrospection(table)
        registerClasses(table)
        return table.members
    }

    static func registerOutput(_ table: Module) {
        table.function("print(*objects, sep=' ', end='\\n', file=None, flush=False)", doc: """
            Prints the values to a stream, or to sys.stdout by default.

            sep: string inserted between values, default a space.
            end: string appended after the last value, default a newline.
            file: a file-like object (stream); defaults to sys.stdout.
            """) { args, interp in
            let separator = try args.optionalString("sep") ?? " "
            let end = try args.optionalString("end") ?? "\n"
            let text = try args.variadicPositional.map { try interp.str($0) }.joined(separator: separator) + end
            if let file = args.optional("file") {
                if let stream = file.object(as: StreamObject.self) {
                    interp.write(text, to: stream.stream)
                } else {
                    _ = try interp.call(try interp.attribute(file, "write"), .string(text))
                }
            } else {
                interp.write(text)
            }
            return .none
        }
        table.function("input(prompt='', /)", doc: "Read a line from the front end's input box (the stdin channel).") { args, interp in
            let prompt = try interp.str(args.values[0])
            do {
                return .string(try interp.output.readInput(prompt: prompt, password: false))
            } catch let error as InputUnavailable {
                throw PyError(.stdinNotImplementedError, error.description.isEmpty
                    ? "raw_input was called, but this frontend does not support input requests." : error.description)
            }
        }
        table.function("repr(obj, /)", doc: "Return the canonical string representation of the object.") { args, interp in
            .string(try interp.repr(args.values[0]))
        }
        table.function("format(value, format_spec='', /)", doc: "Return value formatted according to format_spec (the format mini-language).") { args, interp in
            .string(try interp.format(args.values[0], spec: try args.string("format_spec")))
        }
        table.function("open(file, mode='r', buffering=-1, encoding=None, errors=None, newline=None, closefd=True, opener=None)",
                       doc: "Open file and return a stream: text ('r', 'w', 'a', 'x') or binary (with 'b').") { args, interp in
            try FileObject.open(args, interp)
        }
    }

    static func registerSequences(_ table: Module) {
        table.function("len(obj, /)", doc: "Return the number of items in a container.") { args, interp in
            .int(try interp.length(args.values[0]))
        }
        table.function("enumerate(iterable, start=0)", doc: "Return an iterator of (index, item) pairs, counting from start.") { args, interp in
            let iterator = try interp.makeIterator(args.values[0])
            // The counter is a Python int: past Int.max it goes on as a big integer.
            var count = BigInt(try args.int("start"))
            return .object(IteratorObject(typeName: "enumerate") { interp in
                guard let item = try iterator.next(interp) else { return nil }
                defer { count = count + BigInt(1) }
                return .tuple([.integer(count), item])
            })
        }
        table.function("zip(*iterables, strict=False)", doc: "Return an iterator of tuples, the i-th holding the i-th item of each iterable; stops at the shortest.") { args, interp in
            let iterators = try args.variadicPositional.map { try interp.makeIterator($0) }
            let strict = try args.bool("strict")
            return .object(IteratorObject(typeName: "zip") { interp in
                guard !iterators.isEmpty else { return nil }
                var items: [Value] = []
                for (index, iterator) in iterators.enumerated() {
                    guard let item = try iterator.next(interp) else {
                        let unequal = try strict && (index > 0 || iterators.dropFirst().contains { try $0.next(interp) != nil })
                        if unequal {
                            throw PyError(.valueError, "zip() argument \(index + 1) is shorter than argument 1")
                        }
                        return nil
                    }
                    items.append(item)
                }
                return .tuple(items)
            })
        }
        table.function("map(function, iterable, /, *iterables)", doc: "Return an iterator applying function to each item (to items of several iterables in parallel).") { args, interp in
            let function = args.values[0]
            let iterators = try ([args.values[1]] + args.variadicPositional).map { try interp.makeIterator($0) }
            return .object(IteratorObject(typeName: "map") { interp in
                var items: [Value] = []
                for iterator in iterators {
                    guard let item = try iterator.next(interp) else { return nil }
                    items.append(item)
                }
                return try interp.call(function, Arguments(items))
            })
        }
        table.function("filter(function, iterable, /)", doc: "Return an iterator of the items for which function(item) is true (or the true items if function is None).") { args, interp in
            let function = args.values[0]
            let iterator = try interp.makeIterator(args.values[1])
            return .object(IteratorObject(typeName: "filter") { interp in
                while let item = try iterator.next(interp) {
                    let keep = function.isNone ? item : try interp.call(function, item)
                    if try interp.truthiness(keep) { return item }
                }
                return nil
            })
        }
        table.function("reversed(sequence, /)", doc: "Return a reverse iterator over the sequence.") { args, interp in
            let value = args.values[0]
            if let range = value.object(as: RangeObject.self) {
                return .object(IteratorObject(typeName: "range_iterator", range.reversedIterator()))
            }
            if case .object(let object) = value, object is DictObject || object is SetObject || object is IteratorObject || object is GeneratorObject {
                if !(object is DictObject) { throw PyError(.typeError, "'\(value.typeName)' object is not reversible") }
            }
            return .object(IteratorObject(typeName: "reversed", ArrayIterator(try interp.collect(value).reversed())))
        }
        table.function("sorted(iterable, /, *, key=None, reverse=False)", doc: "Return a new sorted list of the iterable's items (stable), ordered by key(item) if key is given.") { args, interp in
            var items = try interp.collect(args.values[0])
            try interp.sort(&items, key: args.optional("key"), reverse: try args.bool("reverse"))
            return .list(items)
        }
        table.function("sum(iterable, /, start=0)", doc: "Return start plus the sum of the iterable's numbers.") { args, interp in
            var total = args.values[1]
            if case .string = total { throw PyError(.typeError, "sum() can't sum strings [use ''.join(seq) instead]") }
            let iterator = try interp.makeIterator(args.values[0])
            var count = 0
            while let item = try iterator.next(interp) {
                // Polled before the fast paths too: sum(range(10**12)) never leaves them.
                count += 1
                if count & 0xFFF == 0 { try interp.checkCancellation() }
                if case .int(let a) = total, case .int(let b) = item {
                    let (r, o) = a.addingReportingOverflow(b)
                    if !o { total = .int(r); continue }
                }
                if case .float(let a) = total, case .float(let b) = item { total = .float(a + b); continue }
                total = try interp.binary(.add, total, item)
            }
            return total
        }
        for (name, wantLess) in [("min", true), ("max", false)] {
            table.function("\(name)(*args, key=None, default=<unset>)", doc: """
                With a single iterable argument, return its \(wantLess ? "smallest" : "largest") item (or default if it is empty).
                With two or more arguments, return the \(wantLess ? "smallest" : "largest") argument.
                """) { args, interp in
                let candidates: [Value]
                switch args.variadicPositional.count {
                case 0: throw PyError(.typeError, "\(name) expected at least 1 argument, got 0")
                case 1: candidates = try interp.collect(args.variadicPositional[0])
                default:
                    if args.isGiven("default") {
                        throw PyError(.typeError, "Cannot specify a default for \(name)() with multiple positional arguments")
                    }
                    candidates = args.variadicPositional
                }
                guard var best = candidates.first else {
                    if args.isGiven("default") { return args["default"] }
                    throw PyError(.valueError, "\(name)() arg is an empty sequence")
                }
                let key = args.optional("key")
                var bestKey = try key.map { try interp.call($0, best) } ?? best
                for candidate in candidates.dropFirst() {
                    let candidateKey = try key.map { try interp.call($0, candidate) } ?? candidate
                    let better = try interp.truthiness(try interp.compare(wantLess ? .less : .greater, candidateKey, bestKey))
                    if better {
                        best = candidate
                        bestKey = candidateKey
                    }
                }
                return best
            }
        }
        table.function("any(iterable, /)", doc: "Return True if any item of the iterable is true.") { args, interp in
            let iterator = try interp.makeIterator(args.values[0])
            while let item = try iterator.next(interp) { if try interp.truthiness(item) { return .bool(true) } }
            return .bool(false)
        }
        table.function("all(iterable, /)", doc: "Return True if every item of the iterable is true (or it is empty).") { args, interp in
            let iterator = try interp.makeIterator(args.values[0])
            while let item = try iterator.next(interp) { if try !interp.truthiness(item) { return .bool(false) } }
            return .bool(true)
        }
        table.function("iter(object, /)", doc: "Return an iterator over the object.") { args, interp in
            let iterator = try interp.makeIterator(args.values[0])
            if let object = iterator as? any PyObject { return .object(object) }
            return .object(IteratorObject(typeName: "iterator", iterator))
        }
        table.function("next(iterator, default=<unset>, /)", doc: "Return the next item from the iterator; at the end return default, or raise StopIteration.") { args, interp in
            if case .object(let instance as InstanceObject) = args.values[0], instance.userClass.special("__next__", interp) != nil {
                if let item = try InstanceIterator(instance).next(interp) { return item }
                if args.isGiven("default") { return args.values[1] }
                throw PyError(.stopIteration, "")
            }
            guard case .object(let object) = args.values[0], let iterator = object as? any PyIterator else {
                throw PyError(.typeError, "'\(args.values[0].typeName)' object is not an iterator")
            }
            if let item = try iterator.next(interp) { return item }
            if args.isGiven("default") { return args.values[1] }
            throw PyError(.stopIteration, "")
        }
    }

    static func registerNumbers(_ table: Module) {
        table.function("abs(x, /)", doc: "Return the absolute value of the argument.") { args, interp in
            switch args.values[0] {
            case .int(let i):
                guard i != .min else { return .integer(-BigInt(i)) }
                return .int(Swift.abs(i))
            case .float(let f): return .float(Swift.abs(f))
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let big as BigIntObject):
                return .integer(big.value < BigInt(0) ? -big.value : big.value)
            case .object(let object):
                if let result = try object.pyType.lookupMethod("__abs__").map({ try $0.body(args.values[0], try $0.signature.bind(Arguments()), interp) }) {
                    return result
                }
                if let result = try interp.lookupAttribute(args.values[0], "__abs__") { return try interp.call(result) }
            default: break
            }
            throw PyError(.typeError, "bad operand type for abs(): '\(args.values[0].typeName)'")
        }
        table.function("round(number, ndigits=None)", doc: "Round a number to ndigits decimal digits (half to even); without ndigits, return the nearest int.") { args, interp in
            let number = args.values[0]
            let digits = try args.optionalInt("ndigits")
            switch number {
            case .int(let i):
                guard let digits, digits < 0 else { return .int(i) }
                guard digits > -19 else { return .int(0) }
                var scale = 1
                for _ in 0..<(-digits) { scale *= 10 }
                let (quotient, remainder) = (BigInt(i).floorDivided(by: BigInt(scale)))
                // Half to even on the exact remainder.
                let twice = remainder + remainder
                var rounded = quotient
                if BigInt(scale) < twice || (twice == BigInt(scale) && (quotient.floorDivided(by: BigInt(2)).remainder != BigInt(0))) {
                    rounded = quotient + BigInt(1)
                }
                return .integer(rounded * BigInt(scale))
            case .bool(let b): return .int(b ? 1 : 0)
            case .object(let big as BigIntObject) where digits == nil || (digits ?? 0) >= 0:
                return .object(big)
            default:
                if case .object(let object) = number, let method = object.pyType.lookupMethod("__round__") {
                    return try method.body(number, try method.signature.bind(Arguments(digits.map { [.int($0)] } ?? [])), interp)
                }
                guard let value = number.asDouble else {
                    throw PyError(.typeError, "type \(number.typeName) doesn't define __round__ method")
                }
                guard let digits else {
                    if value.isNaN { throw PyError(.valueError, "cannot convert float NaN to integer") }
                    if value.isInfinite { throw PyError(.overflowError, "cannot convert float infinity to integer") }
                    return .integer(BigInt(exactly: value.rounded(.toNearestOrEven)) ?? BigInt(0))
                }
                return .float(roundDouble(value, digits))
            }
        }
        table.function("divmod(x, y, /)", doc: "Return the tuple (x//y, x%y).") { args, interp in
            .tuple([try interp.binary(.floorDivide, args.values[0], args.values[1]),
                    try interp.binary(.modulo, args.values[0], args.values[1])])
        }
        table.function("pow(base, exp, mod=None)", doc: "Return base**exp, or base**exp % mod with three arguments.") { args, interp in
            guard let mod = args.optional("mod") else { return try interp.binary(.power, args.values[0], args.values[1]) }
            guard let base = args.values[0].asIndex, let exponent = args.values[1].asIndex, let modulus = mod.asIndex, exponent >= 0 else {
                throw PyError(.typeError, "pow() 3rd argument not allowed unless all arguments are integers")
            }
            guard modulus != 0 else { throw PyError(.valueError, "pow() 3rd argument cannot be 0") }
            // Residues below |mod| < 2^64, so every product fits in 128 bits: exact, no trap
            // (`pow(-1, 1, -2**63)`) and no truncation (`pow(2**40, 2, 2**61 - 1)`).
            let m = UInt128(modulus.magnitude)
            let residue = Int128(base) % Int128(m)
            var result: UInt128 = 1 % m, b = UInt128(residue < 0 ? residue + Int128(m) : residue), e = exponent
            while e > 0 {
                if e & 1 == 1 { result = result * b % m }
                b = b * b % m
                e >>= 1
            }
            // Python's result takes the sign of the modulus: it lies in (mod, 0] for mod < 0.
            let signed = modulus < 0 && result != 0 ? Int128(result) - Int128(m) : Int128(result)
            return .int(Int(signed))
        }
        table.function("chr(i, /)", doc: "Return the one-character string for the code point i.") { args, _ in
            let code = try args.int("i")
            guard let scalar = Unicode.Scalar(UInt32(clamping: Swift.max(code, 0))), code >= 0 else {
                throw PyError(.valueError, "chr() arg not in range(0x110000)")
            }
            return .string(String(Character(scalar)))
        }
        table.function("ord(c, /)", doc: "Return the code point of a one-character string.") { args, _ in
            let text = try args.string("c")
            let scalars = Array(text.unicodeScalars)
            guard scalars.count == 1 else {
                throw PyError(.typeError, "ord() expected a character, but string of length \(scalars.count) found")
            }
            return .int(Int(scalars[0].value))
        }
        for (name, radix, prefix) in [("hex", 16, "0x"), ("oct", 8, "0o"), ("bin", 2, "0b")] {
            table.function("\(name)(number, /)", doc: "Return the \(name) representation of an integer, prefixed with '\(prefix)'.") { args, _ in
                let value = try args.int("number")
                return .string((value < 0 ? "-" : "") + prefix + String(value.magnitude, radix: radix))
            }
        }
    }

    static func registerIntrospection(_ table: Module) {
        table.function("isinstance(obj, class_or_tuple, /)", doc: "Return whether obj is an instance of a class or of a subclass of it (or of any class in a tuple).") { args, interp in
            .bool(try isInstance(args.values[0], args.values[1]))
        }
        table.function("issubclass(cls, class_or_tuple, /)", doc: "Return whether cls derives from class_or_tuple.") { args, _ in
            guard let type = args.values[0].object(as: PyType.self) else {
                throw PyError(.typeError, "issubclass() arg 1 must be a class")
            }
            return .bool(try isSubclass(type, args.values[1]))
        }
        table.function("callable(obj, /)", doc: "Return whether the object can be called.") { args, interp in
            .bool(interp.isCallable(args.values[0]))
        }
        table.function("hasattr(obj, name, /)", doc: "Return whether the object has an attribute with the given name.") { args, interp in
            .bool(try interp.lookupAttribute(args.values[0], try args.string("name")) != nil)
        }
        table.function("getattr(object, name, default=<unset>, /)", doc: "Get a named attribute from an object; getattr(x, 'y') is x.y. With a default, return it when the attribute does not exist.") { args, interp in
            if let value = try interp.lookupAttribute(args.values[0], try args.string("name")) { return value }
            if args.isGiven("default") { return args.values[2] }
            return try interp.attribute(args.values[0], try args.string("name"))
        }
        table.function("setattr(obj, name, value, /)", doc: "Set a named attribute on an object; setattr(x, 'y', v) is x.y = v.") { args, interp in
            try interp.setAttribute(args.values[0], try args.string("name"), args.values[2])
            return .none
        }
        table.function("id(obj, /)", doc: "Return the identity of an object.") { args, interp in
            if case .object(let object) = args.values[0] { return .int(Int(bitPattern: UInt(bitPattern: ObjectIdentifier(object).hashValue))) }
            return .int(try DictKey(args.values[0], interp).hashValue)
        }
        table.function("hash(obj, /)", doc: "Return the hash value of the object.") { args, interp in
            .int(try DictKey(args.values[0], interp).hashValue)
        }
        table.function("dir(object=<unset>, /)", doc: "Without an argument, the names in the current scope; with one, the attributes of the object.") { args, interp in
            if !args.isGiven("object") { return .list(interp.globals.bound.map(\.0).sorted().map(Value.string)) }
            return .list(interp.attributeNames(args.values[0]).map(Value.string))
        }
        table.function("globals()", doc: "Return a dict of the notebook's global variables (a snapshot).") { _, _ in
            .object(DictObject())
        }
        table.function("help(obj=<unset>, /)", doc: "Show the documentation of an object: its signature and docstring.") { args, interp in
            guard args.isGiven("obj") else {
                interp.write("Type help(object) for help about object.\n")
                return .none
            }
            interp.write(try interp.helpText(for: args.values[0]) + "\n")
            return .none
        }
    }

    static func isInstance(_ value: Value, _ classes: Value) throws -> Bool {
        if let type = classes.object(as: PyType.self) {
            if type === PyType.object { return true }
            return value.pyType.isSubtype(of: type)
        }
        if let tuple = classes.object(as: TupleObject.self) {
            return try tuple.items.contains { try isInstance(value, $0) }
        }
        throw PyError(.typeError, "isinstance() arg 2 must be a type, a tuple of types, or a union")
    }

    static func isSubclass(_ type: PyType, _ classes: Value) throws -> Bool {
        if let other = classes.object(as: PyType.self) { return other === PyType.object || type.isSubtype(of: other) }
        if let tuple = classes.object(as: TupleObject.self) { return try tuple.items.contains { try isSubclass(type, $0) } }
        throw PyError(.typeError, "issubclass() arg 2 must be a class, a tuple of classes, or a union")
    }
}

/// `round(x, n)` for floats: the correctly rounded decimal, as CPython computes it.
func roundDouble(_ value: Double, _ digits: Int) -> Double {
    guard value.isFinite else { return value }
    if digits > 300 { return value }
    if digits < -400 { return 0 * value }
    if digits >= 0 {
        return Double(String(format: "%.\(digits)f", value)) ?? value
    }
    let scale = Foundation.pow(10.0, Double(-digits))
    return (value / scale).rounded(.toNearestOrEven) * scale
}

/// A lazy iterator object (`enumerate`, `zip`, `map`, `iter(list)`).
public final class IteratorObject: PyObject, PyIterator {
    let typeName: String
    let step: (Runtime) throws -> Value?

    init(typeName: String, _ step: @escaping (Runtime) throws -> Value?) {
        self.typeName = typeName
        self.step = step
    }

    convenience init(typeName: String, _ iterator: any PyIterator) {
        self.init(typeName: typeName) { try iterator.next($0) }
    }

    public var pyType: PyType { .iterator }
    public func makeIterator(_ interpreter: Runtime) throws -> any PyIterator { self }
    public func next(_ interpreter: Runtime) throws -> Value? { try step(interpreter) }
    public func repr(_ interpreter: Runtime) throws -> String {
        "<\(typeName) object at 0x\(String(UInt(bitPattern: ObjectIdentifier(self).hashValue), radix: 16))>"
    }
}

/// `sys.stdout` / `sys.stderr`: writing goes to the cell's stream.
final class StreamObject: PyObject {
    let stream: OutputStreamName
    init(_ stream: OutputStreamName) { self.stream = stream }
    var pyType: PyType { .textStream }
    func repr(_ interpreter: Runtime) throws -> String { "<_io.TextIOWrapper name='<\(stream.rawValue)>' mode='w' encoding='utf-8'>" }
}

extension PyType {
    static let textStream = PyType("TextIOWrapper", module: "_io") { t in
        t.method("write(s, /)", of: StreamObject.self, doc: "Write text to the stream.") { stream, args, interp in
            let text = try args.string("s")
            interp.write(text, to: stream.stream)
            return .int(text.unicodeScalars.count)
        }
        t.method("flush()", of: StreamObject.self, doc: "Flush the stream (output is flushed by the kernel).") { _, _, _ in .none }
    }
}

/// `exit` and `quit`: as in IPython, typing either (with or without the call) asks the front
/// end to end its session; the kernel sends `ask_exit` (see `Session.takeExitRequest()`).
final class ExitRequest: PyObject, CallableObject {
    let name: String
    init(name: String) { self.name = name }

    var pyType: PyType { ExitRequest.type }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        interpreter.exitRequested = true
        return .none
    }

    func repr(_ interpreter: Runtime) throws -> String {
        "Use \(name)() or Ctrl-D (i.e. EOF) to exit"
    }

    static let type = PyType("ExitAutocall", module: "IPython.core.autocall",
                             doc: "exit() / quit(): end the front end's session (the kernel keeps no state to save).")
}
