/// Completion and inspection: what is in scope, the attributes of values, keyword arguments
/// of the call around the cursor, and the documentation of the name under the cursor.
struct Completer {
    let interpreter: Runtime

    /// A dotted name's value (`np.linalg.norm`), looked up without calling anything.
    func lookup(_ dotted: String) throws -> Value? {
        let parts = dotted.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard let first = parts.first, !first.isEmpty else { return nil }
        guard var value = interpreter.globals[first] ?? interpreter.builtins[first] else { return nil }
        for part in parts.dropFirst() {
            guard let next = try interpreter.lookupAttribute(value, part) else { return nil }
            value = next
        }
        return value
    }

    static func isNameCharacter(_ scalar: Unicode.Scalar) -> Bool {
        scalar == "_" || scalar.properties.isXIDContinue
    }

    func complete(_ code: String, cursor: Int) -> Completion {
        let scalars = Array(code.unicodeScalars)
        let end = min(max(cursor, 0), scalars.count)
        var start = end
        while start > 0 && Completer.isNameCharacter(scalars[start - 1]) { start -= 1 }
        let prefix = String(String.UnicodeScalarView(scalars[start..<end]))
        var matches: [String] = []
        // The dotted expression before the prefix: `np.random.` in `np.random.ra`.
        var baseStart = start
        if baseStart > 0 && scalars[baseStart - 1] == "." {
            baseStart -= 1
            while baseStart > 0 && (Completer.isNameCharacter(scalars[baseStart - 1]) || scalars[baseStart - 1] == ".") {
                baseStart -= 1
            }
            let base = String(String.UnicodeScalarView(scalars[baseStart..<(start - 1)]))
            let lineStart = scalars[..<baseStart].lastIndex(of: "\n").map { $0 + 1 } ?? 0
            let line = String(String.UnicodeScalarView(scalars[lineStart..<baseStart])).trimmingSpaces
            if line == "import" || line == "from" {
                matches = interpreter.registry.names.filter { $0.hasPrefix(base + "." + prefix) }
                    .map { String($0.dropFirst(base.count + 1)) }.filter { !$0.contains(".") }
            } else if let value = try? lookup(base) {
                matches = interpreter.attributeNames(value).filter {
                    $0.hasPrefix(prefix) && (!$0.hasPrefix("_") || prefix.hasPrefix("_"))
                }
            }
            return Completion(matches: matches.sorted(), cursorStart: start, cursorEnd: end)
        }
        let lineStart = scalars[..<start].lastIndex(of: "\n").map { $0 + 1 } ?? 0
        let before = String(String.UnicodeScalarView(scalars[lineStart..<start])).trimmingSpaces
        if before == "import" || before == "from" {
            matches = interpreter.registry.names.filter { $0.hasPrefix(prefix) && !$0.contains(".") }
            return Completion(matches: matches, cursorStart: start, cursorEnd: end)
        }
        if before.hasPrefix("from "), before.hasSuffix(" import") || before.hasSuffix(","),
           let moduleName = before.split(separator: " ").dropFirst().first,
           let module = try? interpreter.importModule(String(moduleName)) {
            matches = module.members.keys.filter { $0.hasPrefix(prefix) && !$0.hasPrefix("_") }
            return Completion(matches: matches.sorted(), cursorStart: start, cursorEnd: end)
        }
        var names = Set<String>()
        for (name, _) in interpreter.globals.bound where name.hasPrefix(prefix) { names.insert(name) }
        for name in interpreter.builtins.keys where name.hasPrefix(prefix) && !name.hasPrefix("__") { names.insert(name) }
        for keyword in Parser.keywords where keyword.hasPrefix(prefix) { names.insert(keyword) }
        if !prefix.hasPrefix("_") { names = names.filter { !$0.hasPrefix("_") } }
        var keywordArguments: [String] = []
        if let callee = enclosingCallee(scalars, before: start), let value = try? lookup(callee),
           let signature = signature(of: value) {
            keywordArguments = signature.keywordNames.filter { $0.hasPrefix(prefix) }.map { $0 + "=" }
        }
        matches = keywordArguments.sorted() + names.sorted()
        return Completion(matches: matches, cursorStart: start, cursorEnd: end)
    }

    /// The dotted name before the innermost unclosed `(` ahead of `position`, if any.
    func enclosingCallee(_ scalars: [Unicode.Scalar], before position: Int) -> String? {
        var depth = 0
        var index = position - 1
        var quote: Unicode.Scalar?
        while index >= 0 {
            let s = scalars[index]
            if let q = quote {
                if s == q { quote = nil }
            } else if s == "'" || s == "\"" {
                quote = s
            } else if s == ")" || s == "]" || s == "}" {
                depth += 1
            } else if s == "[" || s == "{" {
                if depth == 0 { return nil }
                depth -= 1
            } else if s == "(" {
                if depth == 0 {
                    var start = index
                    while start > 0 && (Completer.isNameCharacter(scalars[start - 1]) || scalars[start - 1] == ".") { start -= 1 }
                    guard start < index else { return nil }
                    return String(String.UnicodeScalarView(scalars[start..<index]))
                }
                depth -= 1
            }
            index -= 1
        }
        return nil
    }

    func signature(of value: Value) -> Signature? {
        guard case .object(let object) = value else { return nil }
        switch object {
        case let function as BuiltinFunction: return function.signature
        case let function as FunctionObject: return function.signature
        case let method as BoundMethod: return method.method.signature
        case let type as PyType: return type.constructor?.signature
        default: return nil
        }
    }

    func inspect(_ code: String, cursor: Int, detailLevel: Int) -> DisplayData? {
        let scalars = Array(code.unicodeScalars)
        var end = min(max(cursor, 0), scalars.count)
        while end < scalars.count && Completer.isNameCharacter(scalars[end]) { end += 1 }
        var start = min(max(cursor, 0), scalars.count)
        while start > 0 && (Completer.isNameCharacter(scalars[start - 1]) || scalars[start - 1] == ".") { start -= 1 }
        var name = String(String.UnicodeScalarView(scalars[start..<end]))
        if name.isEmpty || (try? lookup(name)) == nil {
            // On `(` or inside a call: the function being called.
            guard let callee = enclosingCallee(scalars, before: min(max(cursor, 0), scalars.count)) else { return nil }
            name = callee
        }
        guard let value = try? lookup(name), let text = try? interpreter.inspectionText(name: name, value: value) else {
            return nil
        }
        return DisplayData(data: ["text/plain": text])
    }
}

extension Runtime {
    /// What `name?` shows: the signature, docstring and type, as IPython lays them out.
    func inspectionText(name: String, value: Value) throws -> String {
        var lines: [String] = []
        if let signature = signatureText(of: value) {
            lines.append("Signature: " + signature)
        }
        if case .object(let object) = value, !(object is BuiltinFunction || object is FunctionObject
            || object is BoundMethod || object is PyType || object is Module || object is UnboundMethod) {
            let text = try repr(value)
            lines.append("String form: " + (text.count > 200 ? String(text.prefix(200)) + "..." : text))
        } else if case .object = value {} else {
            lines.append("String form: " + (try repr(value)))
        }
        if let count = try? length(value), !(value.object(as: Module.self) != nil) { lines.append("Length:      \(count)") }
        let doc = docText(of: value)
        if !doc.isEmpty {
            let docLines = doc.split(separator: "\n", omittingEmptySubsequences: false)
            lines.append("Docstring:" + (docLines.count == 1 ? " " + doc : "\n" + doc))
        } else {
            lines.append("Docstring: <no docstring>")
        }
        lines.append("Type:      " + value.typeName)
        return lines.joined(separator: "\n")
    }
}

/// `is_complete_request`, answered from the scanner's and parser's own end-of-input state.
enum CompletenessCheck {
    static func check(_ code: String) -> Completeness {
        if code.trimmingSpaces.isEmpty { return .complete }
        if CellMagic(code) != nil {
            return code.hasSuffix("\n\n") || !code.contains("\n") ? (code.contains("\n") ? .complete : .incomplete(indent: "")) : .incomplete(indent: "")
        }
        let transformed = MagicTransform.transform(code)
        do {
            _ = try Parser.parse(transformed)
        } catch let info as SyntaxErrorInfo {
            guard info.atEnd else { return .invalid }
            return .incomplete(indent: indentForNextLine(code, opensBlock: info.message.contains("indented block")))
        } catch {
            return .invalid
        }
        // Inside an indented block, IPython waits for a blank line before running.
        let lines = code.components(separatedBy: "\n")
        guard let last = lines.last(where: { !$0.trimmingSpaces.isEmpty }) else { return .complete }
        let lastIsIndented = last.hasPrefix(" ") || last.hasPrefix("\t")
        if lastIsIndented && !code.hasSuffix("\n\n") && !(lines.last?.isEmpty == true && lines.count >= 2 && lines[lines.count - 2].trimmingSpaces.isEmpty) {
            return .incomplete(indent: indentForNextLine(code, opensBlock: false))
        }
        return .complete
    }

    static func indentForNextLine(_ code: String, opensBlock: Bool) -> String {
        let lines = code.components(separatedBy: "\n")
        let last = lines.last(where: { !$0.trimmingSpaces.isEmpty }) ?? ""
        let indent = String(last.prefix { $0 == " " || $0 == "\t" })
        let trimmed = last.trimmingSpaces
        if opensBlock || trimmed.hasSuffix(":") { return indent + "    " }
        return indent
    }
}
