/// `str.format(...)` and the `%` operator on strings.
extension Runtime {
    /// `template.format(*args, **kwargs)`.
    func formatString(_ template: String, _ arguments: Arguments) throws -> String {
        let chars = Array(template)
        var result = ""
        var i = 0
        var autoIndex = 0
        var usedManual = false
        var usedAuto = false

        func resolveField(_ field: String) throws -> Value {
            var name = ""
            var rest = Substring(field)
            while let c = rest.first, c != "." && c != "[" { name.append(c); rest.removeFirst() }
            var value: Value
            if name.isEmpty {
                if usedManual {
                    throw PyError(.valueError, "cannot switch from manual field specification to automatic field numbering")
                }
                usedAuto = true
                guard autoIndex < arguments.positional.count else {
                    throw PyError(.indexError, "Replacement index \(autoIndex) out of range for positional args tuple")
                }
                value = arguments.positional[autoIndex]
                autoIndex += 1
            } else if let index = Int(name) {
                if usedAuto {
                    throw PyError(.valueError, "cannot switch from automatic field numbering to manual field specification")
                }
                usedManual = true
                guard index < arguments.positional.count else {
                    throw PyError(.indexError, "Replacement index \(index) out of range for positional args tuple")
                }
                value = arguments.positional[index]
            } else {
                guard let found = arguments.keywords.first(where: { $0.name == name }) else {
                    throw PyError(.keyError, StringRepr.repr(name))
                }
                value = found.value
            }
            while let c = rest.first {
                rest.removeFirst()
                if c == "." {
                    var attribute = ""
                    while let d = rest.first, d != "." && d != "[" { attribute.append(d); rest.removeFirst() }
                    value = try self.attribute(value, attribute)
                } else {
                    var key = ""
                    while let d = rest.first, d != "]" { key.append(d); rest.removeFirst() }
                    guard rest.first == "]" else { throw PyError(.valueError, "Missing ']' in format string") }
                    rest.removeFirst()
                    value = try item(value, Int(key).map(Value.int) ?? .string(key))
                }
            }
            return value
        }

        while i < chars.count {
            let c = chars[i]
            if c == "}" {
                guard i + 1 < chars.count, chars[i + 1] == "}" else {
                    throw PyError(.valueError, "Single '}' encountered in format string")
                }
                result.append("}")
                i += 2
                continue
            }
            guard c == "{" else { result.append(c); i += 1; continue }
            if i + 1 < chars.count, chars[i + 1] == "{" { result.append("{"); i += 2; continue }
            // A replacement field; find its end, allowing one level of nested braces in the spec.
            var depth = 1
            var j = i + 1
            while j < chars.count && depth > 0 {
                if chars[j] == "{" { depth += 1 } else if chars[j] == "}" { depth -= 1 }
                if depth > 0 { j += 1 }
            }
            guard j < chars.count else { throw PyError(.valueError, "Single '{' encountered in format string") }
            let inner = String(chars[(i + 1)..<j])
            i = j + 1
            var field = inner
            var conversion: Character?
            var spec = ""
            if let colon = inner.firstIndex(of: ":") {
                field = String(inner[..<colon])
                spec = String(inner[inner.index(after: colon)...])
            }
            if let bang = field.firstIndex(of: "!") {
                let after = field[field.index(after: bang)...]
                guard after.count == 1 else {
                    throw PyError(.valueError, "expected ':' after conversion specifier")
                }
                conversion = after.first
                field = String(field[..<bang])
            }
            if spec.contains("{") { spec = try formatString(spec, arguments) }
            let value = try resolveField(field)
            result += try formatField(value, conversion: conversion, spec: spec)
        }
        return result
    }

    /// One replacement field: an optional `!r`/`!s`/`!a` conversion, then the spec.
    func formatField(_ value: Value, conversion: Character?, spec: String) throws -> String {
        switch conversion {
        case nil: return try format(value, spec: spec)
        case "r", "a": return try format(.string(try repr(value)), spec: spec)
        case "s": return try format(.string(try str(value)), spec: spec)
        case let other?:
            throw PyError(.valueError, "Unknown conversion specifier \(other)")
        }
    }

    /// `template % values`, the printf-style formatting older tutorials use.
    func percentFormat(_ template: String, _ values: Value) throws -> String {
        let chars = Array(template)
        var arguments: [Value]
        var mapping: DictObject?
        if let tuple = values.object(as: TupleObject.self) {
            arguments = tuple.items
        } else if let dict = values.object(as: DictObject.self) {
            mapping = dict
            arguments = [values]
        } else {
            arguments = [values]
        }
        var next = 0
        var result = ""
        var i = 0
        func take() throws -> Value {
            guard next < arguments.count else {
                throw PyError(.typeError, "not enough arguments for format string")
            }
            defer { next += 1 }
            return arguments[next]
        }
        while i < chars.count {
            let c = chars[i]
            guard c == "%" else { result.append(c); i += 1; continue }
            i += 1
            guard i < chars.count else { throw PyError(.valueError, "incomplete format") }
            var value: Value?
            if chars[i] == "(" {
                var key = ""
                i += 1
                while i < chars.count && chars[i] != ")" { key.append(chars[i]); i += 1 }
                i += 1
                guard let mapping else { throw PyError(.typeError, "format requires a mapping") }
                value = try mapping.item(.string(key), self)
            }
            var flags = ""
            while i < chars.count, "-+ #0".contains(chars[i]) { flags.append(chars[i]); i += 1 }
            var width = ""
            if i < chars.count, chars[i] == "*" {
                width = String(try take().asIndex ?? 0)
                i += 1
            }
            while i < chars.count, chars[i].isASCII, chars[i].isNumber { width.append(chars[i]); i += 1 }
            var precision: String?
            if i < chars.count, chars[i] == "." {
                i += 1
                var p = ""
                if i < chars.count, chars[i] == "*" {
                    p = String(try take().asIndex ?? 0)
                    i += 1
                }
                while i < chars.count, chars[i].isASCII, chars[i].isNumber { p.append(chars[i]); i += 1 }
                precision = p.isEmpty ? "0" : p
            }
            guard i < chars.count else { throw PyError(.valueError, "incomplete format") }
            let type = chars[i]
            i += 1
            if type == "%" { result.append("%"); continue }
            let argument = try value ?? take()
            var spec = ""
            if flags.contains("-") { spec += "<" } else if flags.contains("0") && type != "s" && type != "r" { spec += "=" } else { spec += ">" }
            if flags.contains("+") { spec += "+" } else if flags.contains(" ") { spec += " " }
            if flags.contains("#") { spec += "#" }
            let fill = flags.contains("0") && !flags.contains("-") && type != "s" && type != "r" ? "0" : ""
            spec = (fill.isEmpty ? "" : "0") + spec
            spec += width
            switch type {
            case "s":
                result += try format(.string(try str(argument)), spec: (flags.contains("-") ? "<" : ">") + width + (precision.map { "." + $0 } ?? ""))
            case "r", "a":
                result += try format(.string(try repr(argument)), spec: (flags.contains("-") ? "<" : ">") + width + (precision.map { "." + $0 } ?? ""))
            case "d", "i", "u":
                guard let number = argument.asDouble else {
                    throw PyError(.typeError, "%\(type) format: a real number is required, not \(argument.typeName)")
                }
                let int = argument.asIndex ?? Int(number.rounded(.towardZero))
                result += try format(.int(int), spec: spec + "d")
            case "x", "X", "o":
                guard let int = argument.asIndex else {
                    throw PyError(.typeError, "%\(type) format: an integer is required, not \(argument.typeName)")
                }
                result += try format(.int(int), spec: spec + String(type))
            case "e", "E", "f", "F", "g", "G":
                guard let number = argument.asDouble else {
                    throw PyError(.typeError, "must be real number, not \(argument.typeName)")
                }
                result += try format(.float(number), spec: spec + "." + (precision ?? "6") + String(type))
            case "c":
                if case .string(let s) = argument { result += s } else if let code = argument.asIndex,
                    let scalar = Unicode.Scalar(UInt32(clamping: code)) { result.unicodeScalars.append(scalar) }
            default:
                throw PyError(.valueError, "unsupported format character '\(type)' (0x\(String(type.unicodeScalars.first?.value ?? 0, radix: 16)))")
            }
        }
        if next < arguments.count && mapping == nil {
            throw PyError(.typeError, "not all arguments converted during string formatting")
        }
        return result
    }
}
