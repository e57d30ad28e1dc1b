/// Finds, before compiling, which variables each function keeps local, which it shares
/// with closures defined inside it (cells), and which it takes from enclosing functions.
final class Scope {
    /// A class body is a frame of its own whose names become the class's attributes; the
    /// functions defined in it do not see those names (Python's rule), only `__class__`.
    enum Kind { case module, function, comprehension, classBody }
    let kind: Kind
    let parent: Scope?
    /// Names bound here (parameters, assignment targets, `def`, `import`, loop targets).
    var assigned: [String] = []
    private var assignedSet: Set<String> = []
    var used: Set<String> = []
    var declaredGlobal: Set<String> = []
    var declaredNonlocal: Set<String> = []
    /// Locals that closures capture: stored in cells.
    var cells: Set<String> = []
    /// Variables of enclosing functions this function uses, in a fixed order.
    var free: [String] = []
    var children: [Scope] = []
    /// A function whose body contains `yield`: calling it makes a generator.
    var isGenerator = false

    init(kind: Kind, parent: Scope?) {
        self.kind = kind
        self.parent = parent
        parent?.children.append(self)
    }

    func assign(_ name: String) {
        if assignedSet.insert(name).inserted { assigned.append(name) }
    }

    /// Whether `name` is a variable of this scope (rather than global or enclosing).
    func owns(_ name: String) -> Bool {
        switch kind {
        case .module: return false
        case .comprehension: return assignedSet.contains(name)
        case .function, .classBody:
            return assignedSet.contains(name) && !declaredGlobal.contains(name) && !declaredNonlocal.contains(name)
        }
    }

    /// The nearest function or module: the scope whose frame holds this scope's variables.
    var frameOwner: Scope {
        var scope = self
        while scope.kind == .comprehension, let parent = scope.parent { scope = parent }
        return scope
    }

    /// Whether this scope runs in a frame of its own (so it receives captured cells).
    var hasFrame: Bool { kind == .function || kind == .classBody }

    func addFree(_ name: String) {
        if !free.contains(name) { free.append(name) }
    }
}

/// A key for finding a function's or comprehension's scope from its syntax node.
struct ScopeKey: Hashable {
    let position: SourcePosition
    let tag: Int
}

struct ScopeAnalyzer {
    var scopes: [ScopeKey: Scope] = [:]

    /// Analyses a cell and resolves captures; the result maps nested scopes by position.
    static func analyze(_ statements: [Stmt]) -> (module: Scope, scopes: [ScopeKey: Scope]) {
        var analyzer = ScopeAnalyzer()
        let module = Scope(kind: .module, parent: nil)
        analyzer.visit(statements, module)
        analyzer.resolve(module)
        return (module, analyzer.scopes)
    }

    mutating func visit(_ statements: [Stmt], _ scope: Scope) {
        for statement in statements { visit(statement, scope) }
    }

    mutating func visit(_ statement: Stmt, _ scope: Scope) {
        switch statement.kind {
        case .expression(let e): visit(e, scope)
        case .assign(let targets, let value):
            visit(value, scope)
            for target in targets { bind(target, scope) }
        case .augmentedAssign(let target, _, let value):
            visit(value, scope)
            visit(target, scope)
            bind(target, scope)
        case .annotatedAssign(let target, let annotation, let value):
            if scope.kind == .classBody, case .name = target.kind {
                // A class body records its annotations (dataclasses read them).
                visit(annotation, scope)
                scope.assign("__annotations__")
            }
            if let value { visit(value, scope); bind(target, scope) }
        case .ifElse(let branches, let otherwise):
            for (condition, body) in branches { visit(condition, scope); visit(body, scope) }
            if let otherwise { visit(otherwise, scope) }
        case .whileLoop(let condition, let body, let otherwise):
            visit(condition, scope)
            visit(body, scope)
            if let otherwise { visit(otherwise, scope) }
        case .forLoop(let target, let iterable, let body, let otherwise):
            visit(iterable, scope)
            bind(target, scope)
            visit(body, scope)
            if let otherwise { visit(otherwise, scope) }
        case .functionDefinition(let definition):
            for decorator in definition.decorators { visit(decorator, scope) }
            for parameter in definition.parameters.parameters {
                if let value = parameter.defaultValue { visit(value, scope) }
            }
            scope.assign(definition.name)
            let function = Scope(kind: .function, parent: scope)
            scopes[ScopeKey(position: statement.position, tag: 0)] = function
            for parameter in definition.parameters.parameters { function.assign(parameter.name) }
            visit(definition.body, function)
            if scope.kind == .classBody && (function.used.contains("super") || function.used.contains("__class__")) {
                // Zero-argument `super()` reads the class being defined from a `__class__` cell.
                scope.assign("__class__")
                function.used.insert("__class__")
            }
        case .classDefinition(let definition):
            for decorator in definition.decorators { visit(decorator, scope) }
            visitArguments(definition.arguments, scope)
            scope.assign(definition.name)
            let body = Scope(kind: .classBody, parent: scope)
            scopes[ScopeKey(position: statement.position, tag: 3)] = body
            visit(definition.body, body)
        case .returnStatement(let value):
            if let value { visit(value, scope) }
        case .pass, .breakLoop, .continueLoop: break
        case .delete(let targets):
            for target in targets { visit(target, scope); bind(target, scope) }
        case .assert(let condition, let message):
            visit(condition, scope)
            if let message { visit(message, scope) }
        case .global(let names):
            scope.declaredGlobal.formUnion(names)
        case .nonlocal(let names):
            scope.declaredNonlocal.formUnion(names)
        case .importModules(let names):
            for name in names { scope.assign(name.alias ?? name.path[0]) }
        case .importFrom(_, let names):
            for name in names ?? [] { scope.assign(name.alias ?? name.name) }
        case .raise(let exception, let cause):
            if let exception { visit(exception, scope) }
            if let cause { visit(cause, scope) }
        case .tryExcept(let body, let handlers, let otherwise, let finally):
            visit(body, scope)
            for handler in handlers {
                if let type = handler.type { visit(type, scope) }
                if let name = handler.name { scope.assign(name) }
                visit(handler.body, scope)
            }
            if let otherwise { visit(otherwise, scope) }
            if let finally { visit(finally, scope) }
        case .with(let items, let body):
            for item in items {
                visit(item.context, scope)
                if let target = item.target { bind(target, scope) }
            }
            visit(body, scope)
        }
    }

    /// Records the names an assignment target binds (and the expressions it reads).
    mutating func bind(_ target: Expr, _ scope: Scope) {
        switch target.kind {
        case .name(let name): scope.assign(name)
        case .tuple(let items), .list(let items): for item in items { bind(item, scope) }
        case .starred(let inner): bind(inner, scope)
        case .attribute(let object, _): visit(object, scope)
        case .subscription(let object, let key): visit(object, scope); visit(key, scope)
        default: visit(target, scope)
        }
    }

    mutating func visit(_ expression: Expr, _ scope: Scope) {
        switch expression.kind {
        case .name(let name): scope.used.insert(name)
        case .int, .bigInt, .float, .string, .bool, .none, .ellipsis: break
        case .formatString(let parts): visit(parts, scope)
        case .list(let items), .tuple(let items), .set(let items): for item in items { visit(item, scope) }
        case .dict(let entries):
            for entry in entries {
                if let key = entry.key { visit(key, scope) }
                visit(entry.value, scope)
            }
        case .starred(let inner): visit(inner, scope)
        case .attribute(let object, _): visit(object, scope)
        case .subscription(let object, let key): visit(object, scope); visit(key, scope)
        case .slice(let a, let b, let c):
            for part in [a, b, c] { if let part { visit(part, scope) } }
        case .call(let callee, let arguments):
            visit(callee, scope)
            visitArguments(arguments, scope)
        case .unary(_, let e), .not(let e): visit(e, scope)
        case .binary(_, let a, let b), .and(let a, let b), .or(let a, let b): visit(a, scope); visit(b, scope)
        case .compare(let first, let rest):
            visit(first, scope)
            for (_, e) in rest { visit(e, scope) }
        case .conditional(let c, let t, let o): visit(c, scope); visit(t, scope); visit(o, scope)
        case .lambda(let parameters, let body):
            for parameter in parameters.parameters {
                if let value = parameter.defaultValue { visit(value, scope) }
            }
            let function = Scope(kind: .function, parent: scope)
            scopes[ScopeKey(position: expression.position, tag: 1)] = function
            for parameter in parameters.parameters { function.assign(parameter.name) }
            visit(body, function)
        case .comprehension(_, let element, let value, let clauses):
            let comprehension = Scope(kind: .comprehension, parent: scope)
            scopes[ScopeKey(position: expression.position, tag: 2)] = comprehension
            for (index, clause) in clauses.enumerated() {
                switch clause {
                case .forIn(let target, let iterable):
                    // The first iterable is evaluated in the enclosing scope, as in Python.
                    visit(iterable, index == 0 ? scope : comprehension)
                    bind(target, comprehension)
                case .condition(let condition):
                    visit(condition, comprehension)
                }
            }
            visit(element, comprehension)
            if let value { visit(value, comprehension) }
        case .yield(let value):
            if let value { visit(value, scope) }
            if scope.kind == .function { scope.isGenerator = true }
        case .yieldFrom(let value):
            visit(value, scope)
            if scope.kind == .function { scope.isGenerator = true }
        case .namedExpression(let name, let value):
            visit(value, scope)
            var target = scope
            while target.kind == .comprehension, let parent = target.parent { target = parent }
            target.assign(name)
        }
    }

    mutating func visitArguments(_ arguments: [CallArgument], _ scope: Scope) {
        for argument in arguments {
            switch argument {
            case .positional(let e), .starred(let e), .keyword(_, let e), .doubleStarred(let e): visit(e, scope)
            }
        }
    }

    mutating func visit(_ parts: [FormatPart], _ scope: Scope) {
        for part in parts {
            if case .field(let e, _, let spec, _) = part {
                visit(e, scope)
                visit(spec, scope)
            }
        }
    }

    /// Marks captured variables as cells and threads free variables through every function
    /// between the use and the definition.
    func resolve(_ scope: Scope) {
        for child in scope.children { resolve(child) }
        guard scope.kind != .module else { return }
        var names = scope.used
        names.formUnion(scope.declaredNonlocal)
        for name in names.sorted() where !scope.owns(name) && !scope.declaredGlobal.contains(name) {
            capture(name, from: scope)
        }
    }

    func capture(_ name: String, from scope: Scope) {
        var path: [Scope] = [scope]
        var ancestor = scope.parent
        while let current = ancestor {
            if current.kind == .module { return }
            if current.kind == .function && current.declaredGlobal.contains(name) { return }
            // A class body's names are not visible to the functions defined inside it.
            let hidden = current.kind == .classBody && name != "__class__"
            if !hidden && current.owns(name) {
                let owner = current.frameOwner
                if owner === scope.frameOwner { return }
                if current.kind != .module { current.cells.insert(name) }
                for step in path where step.hasFrame { step.addFree(name) }
                // Frames between the use and the definition pass the cell along.
                var between = scope.frameOwner.parent
                while let middle = between, middle !== owner {
                    if middle.hasFrame { middle.addFree(name) }
                    between = middle.parent
                }
                return
            }
            path.append(current)
            ancestor = current.parent
        }
    }
}
