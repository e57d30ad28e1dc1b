/// Compiling `class` statements and zero-argument `super()`.
extension Compiler {
    mutating func classDefinition(_ definition: ClassDefinition, key: ScopeKey, _ context: CompileScope,
                                  line: Int) throws -> StmtNode {
        guard let scope = scopes[key] else {
            throw PyError(.systemError, "no scope for class '\(definition.name)' at line \(line)")
        }
        let decorators = try definition.decorators.map { try expression($0, context) }
        var bases: [Expr] = []
        var keywords: [(name: String, value: ExprNode)] = []
        for argument in definition.arguments {
            switch argument {
            case .positional(let e): bases.append(e)
            case .starred(let e): bases.append(Expr(.starred(e), e.position))
            case .keyword(let name, let e): keywords.append((name, try expression(e, context)))
            case .doubleStarred(let e):
                var info = compileError("'**' in a class statement is not supported", e.position)
                info.kind = .notImplementedError
                throw info
            }
        }
        let code = CodeUnit(name: definition.name, location: location)
        let layout = FrameLayout(free: scope.free)
        let inner = CompileScope(scope: scope, layout: layout, parent: context)
        code.body = try block(definition.body, inner, line: line)
        // The class namespace: every name the body binds, in the order the body binds them
        // (comprehension variables, whose keys carry a `#`, stay out of it).
        let namespace = scope.assigned.compactMap { name -> (String, Int)? in
            guard name != "__class__", !scope.declaredGlobal.contains(name), let slot = layout.slots[name] else { return nil }
            return (name, slot)
        }
        let classCell = layout.cellNames.firstIndex(of: "__class__")
        layout.finish(code)
        var captures: [Int] = []
        for freeName in scope.free {
            guard case .cell(let index) = binding(freeName, context) else {
                throw PyError(.systemError, "free variable '\(freeName)' of class '\(definition.name)' is not a cell where it is defined")
            }
            captures.append(index)
        }
        return ClassDefinitionNode(
            name: definition.name, code: code, captures: captures, namespace: namespace, classCell: classCell,
            doc: definition.docstring, bases: try elements(bases, context), keywords: keywords,
            decorators: decorators, target: store(definition.name, context, line: line), line: line)
    }

    /// `super()` with no arguments inside a method: the class comes from the `__class__` cell,
    /// the instance from the method's first parameter. Nil when the call is anything else.
    mutating func zeroArgumentSuper(_ callee: Expr, _ arguments: [CallArgument], _ context: CompileScope) -> ExprNode? {
        guard arguments.isEmpty, case .name("super") = callee.kind, context.scope.kind == .function,
              context.scope.free.contains("__class__") || context.scope.cells.contains("__class__") else { return nil }
        let line = callee.position.line
        let firstParameter = context.scope.assigned.first
        return SuperCallNode(classLoad: load("__class__", context, line: line),
                             instanceLoad: firstParameter.map { load($0, context, line: line) }, line: line)
    }
}
