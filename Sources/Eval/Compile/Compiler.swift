import ML

/// The slots and cells of one frame, filled in while its code is compiled.
final class FrameLayout {
    var slots: [String: Int] = [:]
    var slotNames: [String] = []
    /// Free variables first (from the closure), then the frame's own cells.
    var cellNames: [String]
    let freeCount: Int

    init(free: [String]) {
        cellNames = free
        freeCount = free.count
    }

    func slot(_ key: String) -> Int {
        if let slot = slots[key] { return slot }
        let slot = slotNames.count
        slots[key] = slot
        slotNames.append(key)
        return slot
    }

    func cell(_ key: String) -> Int {
        if let index = cellNames.firstIndex(of: key) { return index }
        cellNames.append(key)
        return cellNames.count - 1
    }

    func finish(_ code: CodeUnit) {
        code.slotCount = slotNames.count
        code.slotNames = slotNames.map { $0.split(separator: "#").first.map(String.init) ?? $0 }
        code.freeNames = Array(cellNames.prefix(freeCount))
        code.cellNames = Array(cellNames.dropFirst(freeCount))
    }
}

/// A scope being compiled, linked to its parent for name resolution.
final class CompileScope {
    let scope: Scope
    let layout: FrameLayout
    let parent: CompileScope?
    let comprehensionID: Int

    init(scope: Scope, layout: FrameLayout, parent: CompileScope?, comprehensionID: Int = 0) {
        self.scope = scope
        self.layout = layout
        self.parent = parent
        self.comprehensionID = comprehensionID
    }
}

/// Turns a parsed cell into executable nodes, resolving every name to a slot, a cell or a
/// global once, so nothing is looked up by name while the cell runs.
struct Compiler {
    let interpreter: Runtime
    let location: String
    let scopes: [ScopeKey: Scope]
    var comprehensionCounter = 0
    var cancellation: CancellationFlag { interpreter.cancellation }
    var globals: GlobalStore { interpreter.globals }

    /// Compiles a cell: its top-level code and, separately, a final expression whose value
    /// becomes the cell's result.
    static func compileCell(_ statements: [Stmt], location: String, interpreter: Runtime,
                            resultExpression: Bool) throws -> (code: CodeUnit, result: ExprNode?) {
        let (module, scopes) = ScopeAnalyzer.analyze(statements)
        var compiler = Compiler(interpreter: interpreter, location: location, scopes: scopes)
        let code = CodeUnit(name: "<module>", location: location)
        let layout = FrameLayout(free: [])
        let context = CompileScope(scope: module, layout: layout, parent: nil)
        var body = statements
        var result: ExprNode?
        if resultExpression, case .expression(let last)? = body.last?.kind {
            body.removeLast()
            result = try compiler.expression(last, context)
        }
        code.body = BlockNode(try body.map { try compiler.statement($0, context) }, line: 1)
        layout.finish(code)
        return (code, result)
    }

    // MARK: Names

    func binding(_ name: String, _ context: CompileScope) -> NameBinding {
        var current: CompileScope? = context
        while let scope = current {
            switch scope.scope.kind {
            case .comprehension:
                if scope.scope.owns(name) {
                    let key = "\(name)#\(scope.comprehensionID)"
                    return scope.scope.cells.contains(name) ? .cell(scope.layout.cell(key)) : .local(scope.layout.slot(key))
                }
                current = scope.parent
            case .function, .classBody:
                if scope.scope.declaredGlobal.contains(name) { return .global(globals.slot(for: name)) }
                if scope.scope.owns(name) {
                    return scope.scope.cells.contains(name) ? .cell(scope.layout.cell(name)) : .local(scope.layout.slot(name))
                }
                if let index = scope.scope.free.firstIndex(of: name) { return .cell(index) }
                return .global(globals.slot(for: name))
            case .module:
                return .global(globals.slot(for: name))
            }
        }
        return .global(globals.slot(for: name))
    }

    func load(_ name: String, _ context: CompileScope, line: Int) -> ExprNode {
        switch binding(name, context) {
        case .local(let slot) where context.scope.kind == .classBody:
            // A class body reads a name it has not bound yet from the globals, as Python does.
            return ClassBodyLoadNode(slot: slot, name: name, fallback: GlobalLoadNode(
                slot: globals.slot(for: name), name: name, globals: globals, builtin: interpreter.builtins[name], line: line), line: line)
        case .local(let slot): return LocalLoadNode(slot: slot, name: name, line: line)
        case .cell(let index): return CellLoadNode(index: index, name: name, line: line)
        case .global(let slot):
            return GlobalLoadNode(slot: slot, name: name, globals: globals, builtin: interpreter.builtins[name], line: line)
        }
    }

    func store(_ name: String, _ context: CompileScope, line: Int) -> TargetNode {
        switch binding(name, context) {
        case .local(let slot): return LocalTarget(slot: slot, name: name, line: line)
        case .cell(let index): return CellTarget(index: index, name: name, line: line)
        case .global(let slot): return GlobalTarget(slot: slot, name: name, globals: globals, line: line)
        }
    }

    // MARK: Statements

    mutating func block(_ statements: [Stmt], _ context: CompileScope, line: Int) throws -> StmtNode {
        if context.scope.isGenerator && statements.contains(where: \.containsYield) {
            return try generatorBlock(statements, context, line: line)
        }
        let nodes = try statements.map { try statement($0, context) }
        return nodes.count == 1 ? nodes[0] : BlockNode(nodes, line: line)
    }

    mutating func statement(_ statement: Stmt, _ context: CompileScope) throws -> StmtNode {
        let line = statement.position.line
        if context.scope.isGenerator, let node = try generatorStatement(statement, context) { return node }
        switch statement.kind {
        case .expression(let e):
            return ExpressionStatementNode(try expression(e, context), line: line)
        case .assign(let targets, let value):
            let valueNode = try expression(value, context)
            return AssignNode(targets: try targets.map { try target($0, context) }, value: valueNode, line: line)
        case .annotatedAssign(let t, let annotation, let value):
            if context.scope.kind == .classBody, case .name(let name) = t.kind,
               case .local(let slot) = binding("__annotations__", context) {
                return AnnotationNode(name: name, annotation: try expression(annotation, context), tableSlot: slot,
                                      assignment: try value.map { AssignNode(targets: [try target(t, context)], value: try expression($0, context), line: line) },
                                      line: line)
            }
            guard let value else { return PassNode(line: line) }
            return AssignNode(targets: [try target(t, context)], value: try expression(value, context), line: line)
        case .augmentedAssign(let t, let op, let value):
            let valueNode = try expression(value, context)
            switch t.kind {
            case .name(let name):
                return AugmentedNameNode(load: load(name, context, line: line), target: store(name, context, line: line),
                                         op: op, value: valueNode, line: line)
            case .attribute(let object, let name):
                return AugmentedAttributeNode(object: try expression(object, context), name: name, op: op,
                                              value: valueNode, line: line)
            case .subscription(let object, let key):
                return AugmentedSubscriptNode(object: try expression(object, context), key: try expression(key, context),
                                              op: op, value: valueNode, line: line)
            default:
                throw compileError("'\(t.kind.describe)' is an illegal expression for augmented assignment", t.position)
            }
        case .ifElse(let branches, let otherwise):
            return IfNode(branches: try branches.map { (try expression($0.condition, context), try block($0.body, context, line: $0.condition.position.line)) },
                          otherwise: try otherwise.map { try block($0, context, line: line) }, line: line)
        case .whileLoop(let condition, let body, let otherwise):
            return WhileNode(condition: try expression(condition, context), body: try block(body, context, line: line),
                             otherwise: try otherwise.map { try block($0, context, line: line) },
                             cancellation: cancellation, line: line)
        case .forLoop(let t, let iterable, let body, let otherwise):
            let iterableNode = try expression(iterable, context)
            return ForNode(target: try target(t, context), iterable: iterableNode, body: try block(body, context, line: line),
                           otherwise: try otherwise.map { try block($0, context, line: line) },
                           cancellation: cancellation, line: line)
        case .functionDefinition(let definition):
            let decorators = try definition.decorators.map { try expression($0, context) }
            let maker = try function(name: definition.name, parameters: definition.parameters, body: .statements(definition.body),
                                     doc: definition.docstring, key: ScopeKey(position: statement.position, tag: 0), context)
            return FunctionDefinitionNode(maker: maker, decorators: decorators,
                                          target: store(definition.name, context, line: line), line: line)
        case .classDefinition(let definition):
            return try classDefinition(definition, key: ScopeKey(position: statement.position, tag: 3), context, line: line)
        case .returnStatement(let value):
            return ReturnNode(try value.map { try expression($0, context) }, line: line)
        case .pass, .global:
            return PassNode(line: line)
        case .nonlocal(let names):
            for name in names where !context.scope.free.contains(name) {
                throw compileError("no binding for nonlocal '\(name)' found", statement.position)
            }
            return PassNode(line: line)
        case .breakLoop:
            return BreakNode(line: line)
        case .continueLoop:
            return ContinueNode(line: line)
        case .delete(let targets):
            return DeleteNode(try targets.map { try target($0, context) }, line: line)
        case .assert(let condition, let message):
            return AssertNode(condition: try expression(condition, context),
                              message: try message.map { try expression($0, context) }, line: line)
        case .importModules(let names):
            return ImportNode(names.map { name in
                (name.path, name.alias != nil, store(name.alias ?? name.path[0], context, line: line))
            }, line: line)
        case .importFrom(let module, let names):
            let bound = names?.map { ($0.name, store($0.alias ?? $0.name, context, line: line)) }
            let compiler = self
            return ImportFromNode(module: module.joined(separator: "."), names: bound, starTargets: { name in
                compiler.store(name, context, line: line)
            }, line: line)
        case .raise(let exception, _):
            return RaiseNode(try exception.map { try expression($0, context) }, line: line)
        case .tryExcept(let body, let handlers, let otherwise, let finally):
            let handlerNodes = try handlers.map { handler in
                TryNode.Handler(type: try handler.type.map { try expression($0, context) },
                                target: handler.name.map { store($0, context, line: handler.position.line) },
                                body: try block(handler.body, context, line: handler.position.line),
                                line: handler.position.line)
            }
            return TryNode(body: try block(body, context, line: line), handlers: handlerNodes,
                           otherwise: try otherwise.map { try block($0, context, line: line) },
                           finally: try finally.map { try block($0, context, line: line) }, line: line)
        case .with(let items, let body):
            var inner = try block(body, context, line: line)
            for item in items.reversed() {
                inner = WithNode(context: try expression(item.context, context),
                                 target: try item.target.map { try target($0, context) }, body: inner, line: line)
            }
            return inner
        }
    }

    func compileError(_ message: String, _ position: SourcePosition) -> SyntaxErrorInfo {
        SyntaxErrorInfo(message: message, position: position, atEnd: false)
    }

    mutating func target(_ expression: Expr, _ context: CompileScope) throws -> TargetNode {
        let line = expression.position.line
        switch expression.kind {
        case .name(let name):
            return store(name, context, line: line)
        case .attribute(let object, let name):
            return AttributeTarget(object: try self.expression(object, context), name: name, line: line)
        case .subscription(let object, let key):
            return SubscriptTarget(object: try self.expression(object, context), key: try self.expression(key, context), line: line)
        case .tuple(let items), .list(let items):
            var targets: [TargetNode] = []
            var starIndex: Int?
            for (index, item) in items.enumerated() {
                if case .starred(let inner) = item.kind {
                    starIndex = index
                    targets.append(try target(inner, context))
                } else {
                    targets.append(try target(item, context))
                }
            }
            return UnpackTarget(targets: targets, starIndex: starIndex, line: line)
        case .starred:
            throw compileError("starred assignment target must be in a list or tuple", expression.position)
        default:
            throw compileError("cannot assign to \(expression.kind.describe)", expression.position)
        }
    }

    // MARK: Functions

    enum FunctionBody {
        case statements([Stmt])
        case expression(Expr)
    }

    mutating func function(name: String, parameters: ParameterList, body: FunctionBody, doc: String?,
                           key: ScopeKey, _ context: CompileScope) throws -> FunctionMaker {
        guard let scope = scopes[key] else {
            throw PyError(.systemError, "no scope for function '\(name)' at line \(key.position.line)")
        }
        let defaults = try parameters.parameters.map { try $0.defaultValue.map { try expression($0, context) } }
        let code = CodeUnit(name: name, location: location)
        let layout = FrameLayout(free: scope.free)
        let inner = CompileScope(scope: scope, layout: layout, parent: context)
        var compiled: [CompiledParameter] = []
        var signature: [Signature.Parameter] = []
        for parameter in parameters.parameters {
            compiled.append(CompiledParameter(name: parameter.name, kind: parameter.kind,
                                              binding: binding(parameter.name, inner),
                                              positionalOnly: parameter.positionalOnly))
            let kind: Signature.Kind
            switch parameter.kind {
            case .positional: kind = parameter.positionalOnly ? .positionalOnly : .positionalOrKeyword
            case .variadicPositional: kind = .variadicPositional
            case .keywordOnly: kind = .keywordOnly
            case .variadicKeywords: kind = .variadicKeywords
            }
            signature.append(Signature.Parameter(name: parameter.name, kind: kind))
        }
        switch body {
        case .statements(let statements):
            code.body = try block(statements, inner, line: key.position.line)
        case .expression(let e):
            code.body = ReturnNode(try expression(e, inner), line: e.position.line)
        }
        layout.finish(code)
        code.isGenerator = scope.isGenerator
        var captures: [Int] = []
        for freeName in scope.free {
            guard case .cell(let index) = binding(freeName, context) else {
                throw PyError(.systemError, "free variable '\(freeName)' of '\(name)' is not a cell where it is defined")
            }
            captures.append(index)
        }
        return FunctionMaker(code: code, name: name, parameters: compiled, defaults: defaults, captures: captures,
                             doc: doc, signatureParameters: signature)
    }
}
