/// The `str` type: its constructor and methods. Strings index by code point, as in Python.
extension PyType {
    public static let str = PyType("str", doc: """
        str(object='') -> str

        Create a new string object from the given object: its str() form.
        """) { t in
        t.constructor("str(object='', /)") { args, interp in .string(try interp.str(args["object"])) }
        t.valueMethod("format(*args, **kwargs)", doc: "Return a formatted version of the string, using substitutions from args and kwargs.") { s, args, interp in
            .string(try interp.formatString(try s.string, Arguments(args.variadicPositional, keywords: args.variadicKeywords)))
        }
        t.valueMethod("join(iterable, /)", doc: "Concatenate any number of strings, with this string between each pair.") { s, args, interp in
            let separator = try s.string
            let parts = try interp.collect(args["iterable"])
            var strings: [String] = []
            strings.reserveCapacity(parts.count)
            // The joined length, checked before the join allocates it (MemoryError, not an abort).
            var bytes = separator.utf8.count * Swift.max(parts.count - 1, 0)
            for (index, part) in parts.enumerated() {
                guard case .string(let text) = part else {
                    throw PyError(.typeError, "sequence item \(index): expected str instance, \(part.typeName) found")
                }
                strings.append(text)
                bytes = bytes.addingReportingOverflow(text.utf8.count).partialValue
                if bytes < 0 { throw PyError(.memoryError, "") }
            }
            try interp.checkAllocation(count: bytes, elementSize: 1)
            return .string(strings.joined(separator: separator))
        }
        t.valueMethod("split(sep=None, maxsplit=-1)", doc: "Return a list of the substrings, split at sep (or at runs of whitespace).") { s, args, _ in
            .list(try splitString(try s.string, sep: try args.optionalString("sep"), maxSplit: try args.int("maxsplit")).map(Value.string))
        }
        t.valueMethod("rsplit(sep=None, maxsplit=-1)", doc: "Like split, but splitting from the right.") { s, args, _ in
            let text = try s.string
            let maxSplit = try args.int("maxsplit")
            let sep = try args.optionalString("sep")
            if maxSplit < 0 { return .list(try splitString(text, sep: sep, maxSplit: -1).map(Value.string)) }
            let reversedParts = try splitString(String(text.reversed()), sep: sep.map { String($0.reversed()) }, maxSplit: maxSplit)
            return .list(reversedParts.reversed().map { .string(String($0.reversed())) })
        }
        t.valueMethod("splitlines(keepends=False)", doc: "Return a list of the lines in the string.") { s, args, _ in
            let keep = try args.bool("keepends")
            var lines: [Value] = []
            var current = ""
            for c in try s.string {
                if c == "\n" || c == "\r\n" || c == "\r" {
                    lines.append(.string(keep ? current + String(c) : current))
                    current = ""
                } else {
                    current.append(c)
                }
            }
            if !current.isEmpty { lines.append(.string(current)) }
            return .list(lines)
        }
        for (name, side) in [("strip", 0), ("lstrip", 1), ("rstrip", 2)] {
            t.valueMethod("\(name)(chars=None, /)", doc: "Return a copy of the string with leading and/or trailing characters removed (whitespace by default).") { s, args, _ in
                let chars = try args.optionalString("chars").map { Set($0.unicodeScalars) }
                let strip: (Unicode.Scalar) -> Bool = { chars?.contains($0) ?? $0.properties.isWhitespace }
                var scalars = Substring(try s.string).unicodeScalars[...]
                if side != 2 { while let f = scalars.first, strip(f) { scalars.removeFirst() } }
                if side != 1 { while let l = scalars.last, strip(l) { scalars.removeLast() } }
                return .string(String(String.UnicodeScalarView(scalars)))
            }
        }
        t.valueMethod("replace(old, new, count=-1, /)", doc: "Return a copy with occurrences of old replaced by new.") { s, args, _ in
            .string(replaceString(try s.string, try args.string("old"), try args.string("new"), count: try args.int("count")))
        }
        t.valueMethod("upper()", doc: "Return a copy of the string converted to uppercase.") { s, _, _ in .string(try s.string.uppercased()) }
        t.valueMethod("lower()", doc: "Return a copy of the string converted to lowercase.") { s, _, _ in .string(try s.string.lowercased()) }
        t.valueMethod("casefold()", doc: "Return a version of the string suitable for caseless comparisons.") { s, _, _ in .string(try s.string.lowercased()) }
        t.valueMethod("swapcase()", doc: "Convert uppercase characters to lowercase and lowercase to uppercase.") { s, _, _ in
            .string(String(try s.string.map { $0.isUppercase ? Character($0.lowercased()) : Character($0.uppercased()) }))
        }
        t.valueMethod("title()", doc: "Return a version of the string where each word is titlecased.") { s, _, _ in
            var result = ""
            var previousCased = false
            for c in try s.string {
                result += previousCased ? c.lowercased() : c.uppercased()
                previousCased = c.isLetter
            }
            return .string(result)
        }
        t.valueMethod("capitalize()", doc: "Return a capitalized version of the string.") { s, _, _ in
            let text = try s.string
            return .string(text.prefix(1).uppercased() + text.dropFirst().lowercased())
        }
        t.valueMethod("startswith(prefix, start=None, end=None, /)", doc: "Return True if the string starts with the prefix (a str or a tuple of str).") { s, args, interp in
            let text = try sliceOf(try s.string, args)
            return .bool(try affixes(args["prefix"], "startswith").contains { text.hasPrefix($0) })
        }
        t.valueMethod("endswith(suffix, start=None, end=None, /)", doc: "Return True if the string ends with the suffix (a str or a tuple of str).") { s, args, interp in
            let text = try sliceOf(try s.string, args)
            return .bool(try affixes(args["suffix"], "endswith").contains { text.hasSuffix($0) })
        }
        t.valueMethod("find(sub, start=None, end=None, /)", doc: "Return the lowest index where sub is found, or -1.") { s, args, _ in
            .int(try findIndex(try s.string, try args.string("sub"), args, reverse: false) ?? -1)
        }
        t.valueMethod("rfind(sub, start=None, end=None, /)", doc: "Return the highest index where sub is found, or -1.") { s, args, _ in
            .int(try findIndex(try s.string, try args.string("sub"), args, reverse: true) ?? -1)
        }
        t.valueMethod("index(sub, start=None, end=None, /)", doc: "Like find, but raise ValueError when sub is not found.") { s, args, _ in
            guard let index = try findIndex(try s.string, try args.string("sub"), args, reverse: false) else {
                throw PyError(.valueError, "substring not found")
            }
            return .int(index)
        }
        t.valueMethod("count(sub, start=None, end=None, /)", doc: "Return the number of non-overlapping occurrences of sub.") { s, args, _ in
            let text = Array(try sliceOf(try s.string, args).unicodeScalars)
            let sub = Array(try args.string("sub").unicodeScalars)
            if sub.isEmpty { return .int(text.count + 1) }
            var count = 0
            var i = 0
            while i + sub.count <= text.count {
                if Array(text[i..<(i + sub.count)]) == sub { count += 1; i += sub.count } else { i += 1 }
            }
            return .int(count)
        }
        for (name, test) in stringPredicates {
            t.valueMethod("\(name)()", doc: "Return True if the string is non-empty and all its characters pass the \(name) test.") { s, _, _ in
                let text = try s.string
                return .bool(!text.isEmpty && test(text))
            }
        }
        for (name, align) in [("center", "^"), ("ljust", "<"), ("rjust", ">")] {
            t.valueMethod("\(name)(width, fillchar=' ', /)", doc: "Return the string padded to width.") { s, args, interp in
                let fill = try args.string("fillchar")
                guard fill.count == 1 else { throw PyError(.typeError, "The fill character must be exactly one character long") }
                let text = try s.string
                let width = try args.int("width")
                guard width > text.unicodeScalars.count else { return .string(text) }
                return .string(try FormatSpec(fill + align + String(width)).format(string: text))
            }
        }
        t.valueMethod("zfill(width, /)", doc: "Pad a numeric string with zeros on the left.") { s, args, _ in
            let text = try s.string
            let width = try args.int("width")
            guard text.count < width else { return .string(text) }
            guard width <= FormatSpec.maximumWidth else { throw PyError(.memoryError, "") }
            let zeros = String(repeating: "0", count: width - text.count)
            if let first = text.first, first == "-" || first == "+" { return .string(String(first) + zeros + text.dropFirst()) }
            return .string(zeros + text)
        }
        t.valueMethod("partition(sep, /)", doc: "Split at the first occurrence of sep into (head, sep, tail).") { s, args, _ in
            let text = try s.string
            let sep = try args.string("sep")
            guard let range = text.range(of: sep) else { return .tuple([.string(text), .string(""), .string("")]) }
            return .tuple([.string(String(text[..<range.lowerBound])), .string(sep), .string(String(text[range.upperBound...]))])
        }
        t.valueMethod("encode(encoding='utf-8', errors='strict')", doc: "Encode the string using the codec registered for encoding.") { s, args, _ in
            .object(BytesObject(try BytesObject.encode(try s.string, try args.string("encoding"))))
        }
    }
}

extension Value {
    /// The string payload of a `str` receiver.
    var string: String {
        get throws {
            if case .string(let s) = self { return s }
            throw PyError(.typeError, "descriptor requires a 'str' object but received a '\(typeName)'")
        }
    }
}

let stringPredicates: [(String, @Sendable (String) -> Bool)] = [
    ("isdigit", { $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal || $0.properties.numericType == .digit } }),
    ("isdecimal", { $0.unicodeScalars.allSatisfy { $0.properties.numericType == .decimal } }),
    ("isnumeric", { $0.unicodeScalars.allSatisfy { $0.properties.numericType != nil } }),
    ("isalpha", { $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic } }),
    ("isalnum", { $0.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil } }),
    ("isspace", { $0.unicodeScalars.allSatisfy { $0.properties.isWhitespace } }),
    ("isupper", { $0.contains { $0.isUppercase } && !$0.contains { $0.isLowercase } }),
    ("islower", { $0.contains { $0.isLowercase } && !$0.contains { $0.isUppercase } }),
    ("isidentifier", { s in
        guard let first = s.unicodeScalars.first, first == "_" || first.properties.isXIDStart else { return false }
        return s.unicodeScalars.allSatisfy { $0.properties.isXIDContinue }
    }),
]

/// Python's `str.split`: at `sep`, or (without one) at runs of whitespace, dropping empty ends.
func splitString(_ text: String, sep: String?, maxSplit: Int) throws -> [String] {
    var parts: [String] = []
    if let sep {
        guard !sep.isEmpty else { throw PyError(.valueError, "empty separator") }
        var rest = Substring(text)
        while maxSplit < 0 || parts.count < maxSplit, let range = rest.range(of: sep) {
            parts.append(String(rest[..<range.lowerBound]))
            rest = rest[range.upperBound...]
        }
        parts.append(String(rest))
        return parts
    }
    var scalars = Substring(text).unicodeScalars[...]
    while true {
        while let f = scalars.first, f.properties.isWhitespace { scalars.removeFirst() }
        if scalars.isEmpty { break }
        if maxSplit >= 0 && parts.count == maxSplit {
            var tail = scalars
            while let l = tail.last, l.properties.isWhitespace { tail.removeLast() }
            parts.append(String(String.UnicodeScalarView(tail)))
            break
        }
        var word = String.UnicodeScalarView()
        while let f = scalars.first, !f.properties.isWhitespace { word.append(f); scalars.removeFirst() }
        parts.append(String(word))
    }
    return parts
}

func replaceString(_ text: String, _ old: String, _ new: String, count: Int) -> String {
    if old.isEmpty {
        var result = new
        var replaced = 1
        for scalar in text.unicodeScalars {
            result.unicodeScalars.append(scalar)
            if count < 0 || replaced < count { result += new; replaced += 1 }
        }
        return result
    }
    var result = ""
    var rest = Substring(text)
    var replaced = 0
    while count < 0 || replaced < count, let range = rest.range(of: old) {
        result += rest[..<range.lowerBound]
        result += new
        rest = rest[range.upperBound...]
        replaced += 1
    }
    return result + rest
}

/// The `start`/`end` window of a `str` method, in code points.
private func sliceOf(_ text: String, _ args: BoundArguments) throws -> String {
    guard args.optional("start") != nil || args.optional("end") != nil else { return text }
    let scalars = Array(text.unicodeScalars)
    let slice = SliceObject(start: args["start"], stop: args["end"], step: .none)
    let resolved = try slice.resolve(count: scalars.count)
    return String(String.UnicodeScalarView(resolved.gather(scalars)))
}

private func affixes(_ value: Value, _ method: String) throws -> [String] {
    if case .string(let s) = value { return [s] }
    if let tuple = value.object(as: TupleObject.self) {
        return try tuple.items.map {
            guard case .string(let s) = $0 else {
                throw PyError(.typeError, "tuple for \(method) must only contain str, not \($0.typeName)")
            }
            return s
        }
    }
    throw PyError(.typeError, "\(method) first arg must be str or a tuple of str, not \(value.typeName)")
}

private func findIndex(_ text: String, _ sub: String, _ args: BoundArguments, reverse: Bool) throws -> Int? {
    let scalars = Array(text.unicodeScalars)
    let needle = Array(sub.unicodeScalars)
    let window = try SliceObject(start: args["start"], stop: args["end"], step: .none).resolve(count: scalars.count)
    let low = window.start
    let high = max(window.stop, window.start)
    guard high - low >= needle.count else { return nil }
    let candidates = Array(low...(high - needle.count))
    for i in reverse ? candidates.reversed() : candidates where Array(scalars[i..<(i + needle.count)]) == needle {
        return i
    }
    return nil
}

extension Runtime {
    /// `s[key]` for strings, by code point.
    func stringItem(_ s: String, _ key: Value) throws -> Value {
        if let index = key.asIndex {
            if s.utf8.count == s.unicodeScalars.count {
                let utf8 = Array(s.utf8)
                let i = try normalizedIndex(index, count: utf8.count, what: "string")
                return .string(String(decoding: [utf8[i]], as: UTF8.self))
            }
            let scalars = Array(s.unicodeScalars)
            return .string(String(scalars[try normalizedIndex(index, count: scalars.count, what: "string")]))
        }
        if let slice = key.object(as: SliceObject.self) {
            let scalars = Array(s.unicodeScalars)
            return .string(String(String.UnicodeScalarView(try slice.resolve(count: scalars.count).gather(scalars))))
        }
        throw PyError(.typeError, "string indices must be integers, not '\(key.typeName)'")
    }
}
