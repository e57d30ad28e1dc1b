/// Signatures and docstrings of values, for `help()`, `name?` and `inspect_request`.
extension Runtime {
    /// The signature line of a callable value (`linspace(start, stop, num=50)`), or nil.
    public func signatureText(of value: Value) -> String? {
        guard case .object(let object) = value else { return nil }
        switch object {
        case let function as BuiltinFunction: return function.signature.description
        case let function as FunctionObject: return function.signature.description
        case let method as BoundMethod: return method.method.signature.description
        case let method as UnboundMethod: return method.method.signature.description
        case let method as MethodObject:
            guard let function = method.function.object(as: FunctionObject.self) else { return nil }
            return Signature(name: function.name, parameters: Array(function.signature.parameters.dropFirst())).description
        case let type as PyType where type.userClass != nil:
            guard case .value(let initializer, _)? = type.userClass?.member("__init__", self),
                  let function = initializer.object(as: FunctionObject.self) else { return "\(type.name)()" }
            return Signature(name: type.name, parameters: Array(function.signature.parameters.dropFirst())).description
        case let type as PyType:
            if let constructor = type.constructor { return constructor.signature.description }
            if type.errorKind != nil { return "\(type.name)(*args)" }
            return nil
        default: return nil
        }
    }

    /// The docstring of a value, or an empty string.
    public func docText(of value: Value) -> String {
        guard case .object(let object) = value else { return value.pyType.doc }
        switch object {
        case let function as BuiltinFunction: return function.doc
        case let function as FunctionObject: return function.doc ?? ""
        case let method as BoundMethod: return method.method.doc
        case let method as UnboundMethod: return method.method.doc
        case let method as MethodObject: return docText(of: method.function)
        case let type as PyType:
            if let constructor = type.constructor, !constructor.doc.isEmpty { return constructor.doc }
            return type.doc
        case let module as Module: return module.doc
        default: return object.pyType.doc
        }
    }

    /// What `help(value)` prints.
    public func helpText(for value: Value) throws -> String {
        var lines: [String] = []
        if case .object(let object) = value {
            switch object {
            case let module as Module:
                lines.append("Help on module \(module.name):\n")
                lines.append("NAME\n    \(module.name)\n")
                if !module.doc.isEmpty { lines.append("DESCRIPTION\n" + indent(module.doc) + "\n") }
                let names = module.members.keys.filter { !$0.hasPrefix("_") }.sorted()
                if !names.isEmpty { lines.append("CONTENTS\n" + names.map { "    \($0)" }.joined(separator: "\n")) }
                return lines.joined(separator: "\n")
            case let function as BuiltinFunction:
                let kind = (function.moduleName == nil || function.moduleName == "builtins") ? "built-in function \(function.name) in module builtins"
                                                      : "function \(function.name) in module \(function.moduleName ?? "")"
                lines.append("Help on \(kind):\n")
            case let function as FunctionObject:
                lines.append("Help on function \(function.name) in module __main__:\n")
            case let type as PyType:
                lines.append("Help on class \(type.name) in module \(type.moduleName ?? "builtins"):\n")
                lines.append("class \(type.name)" + (type.base.map { "(\($0.name))" } ?? "(object)"))
                let doc = docText(of: value)
                if let signature = signatureText(of: value) { lines.append(indent(signature, by: " |  ")) }
                if !doc.isEmpty { lines.append(indent(doc, by: " |  ")) }
                let methods = type.methods.values.sorted { $0.signature.name < $1.signature.name }
                if !methods.isEmpty {
                    lines.append(" |  ")
                    lines.append(" |  Methods defined here:")
                    for method in methods {
                        lines.append(" |  ")
                        lines.append(" |  \(method.signature.name)(self\(method.signature.parameterList.isEmpty ? "" : ", " + method.signature.parameterList))")
                        if !method.doc.isEmpty { lines.append(indent(method.doc, by: " |      ")) }
                    }
                }
                let properties = type.properties.values.sorted { $0.name < $1.name }
                if !properties.isEmpty {
                    lines.append(" |  ")
                    lines.append(" |  Properties:")
                    for property in properties {
                        lines.append(" |  ")
                        lines.append(" |  \(property.name)")
                        if !property.doc.isEmpty { lines.append(indent(property.doc, by: " |      ")) }
                    }
                }
                return lines.joined(separator: "\n")
            case let method as BoundMethod:
                lines.append("Help on method \(method.method.signature.name) of \(method.receiver.typeName) object:\n")
            default:
                return try helpText(for: .object(object.pyType))
            }
        } else {
            return try helpText(for: .object(value.pyType))
        }
        if let signature = signatureText(of: value) { lines.append(signature) }
        let doc = docText(of: value)
        if !doc.isEmpty { lines.append(indent(doc)) }
        return lines.joined(separator: "\n")
    }

    func indent(_ text: String, by prefix: String = "    ") -> String {
        text.split(separator: "\n", omittingEmptySubsequences: false)
            .map { $0.isEmpty ? prefix.trimmingTrailingSpaces : prefix + $0 }
            .joined(separator: "\n")
    }
}

extension String {
    var trimmingTrailingSpaces: String {
        var result = Substring(self)
        while result.last == " " { result.removeLast() }
        return String(result)
    }
}
