/// The syntax tree of a cell: plain value types with source positions, produced by the
/// parser and turned into executable nodes by the compiler.

struct Expr {
    var kind: ExprKind
    var position: SourcePosition

    init(_ kind: ExprKind, _ position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}

indirect enum ExprKind {
    case name(String)
    case int(Int)
    case bigInt(BigInt)
    case float(Double)
    case string(String)
    case formatString([FormatPart])
    case bool(Bool)
    case none
    case ellipsis
    case list([Expr])
    case tuple([Expr])
    case set([Expr])
    /// Entries with a nil key are `**mapping` spreads.
    case dict([(key: Expr?, value: Expr)])
    case starred(Expr)
    case attribute(Expr, String)
    case subscription(Expr, Expr)
    case slice(Expr?, Expr?, Expr?)
    case call(Expr, [CallArgument])
    case unary(UnaryOperator, Expr)
    case not(Expr)
    case binary(BinaryOperator, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case compare(Expr, [(CompareOperator, Expr)])
    case conditional(condition: Expr, then: Expr, otherwise: Expr)
    case lambda(ParameterList, Expr)
    case comprehension(ComprehensionKind, element: Expr, value: Expr?, clauses: [ComprehensionClause])
    case namedExpression(String, Expr)
    /// `yield value` (nil for a bare `yield`); makes the enclosing function a generator.
    case yield(Expr?)
    case yieldFrom(Expr)
}

/// A part of an f-string: literal text, or a replacement field.
enum FormatPart {
    case text(String)
    /// `{expr!conversion:spec}`; `debugText` is set for `{expr=}`.
    case field(Expr, conversion: Character?, spec: [FormatPart], debugText: String?)
}

enum CompareOperator: Equatable {
    case rich(ComparisonOperator)
    case isSame, isNot, contains, notContains

    var symbol: String {
        switch self {
        case .rich(let op): op.rawValue
        case .isSame: "is"
        case .isNot: "is not"
        case .contains: "in"
        case .notContains: "not in"
        }
    }
}

enum CallArgument {
    case positional(Expr)
    case starred(Expr)
    case keyword(String, Expr)
    case doubleStarred(Expr)
}

enum ComprehensionKind { case list, set, dict, generator }

enum ComprehensionClause {
    case forIn(target: Expr, iterable: Expr)
    case condition(Expr)
}

struct Parameter {
    enum Kind { case positional, variadicPositional, keywordOnly, variadicKeywords }
    var name: String
    var kind: Kind
    var defaultValue: Expr?
    var position: SourcePosition
    var positionalOnly = false
}

struct ParameterList {
    var parameters: [Parameter] = []
}

struct Stmt {
    var kind: StmtKind
    var position: SourcePosition

    init(_ kind: StmtKind, _ position: SourcePosition) {
        self.kind = kind
        self.position = position
    }
}

struct ExceptHandler {
    var type: Expr?
    var name: String?
    var body: [Stmt]
    var position: SourcePosition
}

struct FunctionDefinition {
    var name: String
    var parameters: ParameterList
    var body: [Stmt]
    var decorators: [Expr]
    var docstring: String?
}

struct ClassDefinition {
    var name: String
    /// Bases (positional) and class keywords such as `metaclass=`.
    var arguments: [CallArgument]
    var body: [Stmt]
    var decorators: [Expr]
    var docstring: String?
}

struct ImportName {
    var path: [String]
    var alias: String?
}

indirect enum StmtKind {
    case expression(Expr)
    case assign(targets: [Expr], value: Expr)
    case augmentedAssign(target: Expr, op: BinaryOperator, value: Expr)
    case annotatedAssign(target: Expr, annotation: Expr, value: Expr?)
    case ifElse(branches: [(condition: Expr, body: [Stmt])], otherwise: [Stmt]?)
    case whileLoop(condition: Expr, body: [Stmt], otherwise: [Stmt]?)
    case forLoop(target: Expr, iterable: Expr, body: [Stmt], otherwise: [Stmt]?)
    case functionDefinition(FunctionDefinition)
    case classDefinition(ClassDefinition)
    case returnStatement(Expr?)
    case pass
    case breakLoop
    case continueLoop
    case delete([Expr])
    case assert(Expr, message: Expr?)
    case global([String])
    case nonlocal([String])
    case importModules([ImportName])
    /// `from module import a as b, c`; nil names means `import *`.
    case importFrom(module: [String], names: [(name: String, alias: String?)]?)
    case raise(Expr?, cause: Expr?)
    case tryExcept(body: [Stmt], handlers: [ExceptHandler], otherwise: [Stmt]?, finally: [Stmt]?)
    case with(items: [(context: Expr, target: Expr?)], body: [Stmt])
}
