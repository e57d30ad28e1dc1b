/// A call `f(a, b, *rest, k=v, **options)`.
final class CallNode: ExprNode {
    let callee: ExprNode
    let positional: ElementList
    let keywords: [(name: String, value: ExprNode)]
    let doubleStarred: [ExprNode]
    /// Only positional arguments, none starred: eligible for the direct user-function path.
    let isPlain: Bool

    init(callee: ExprNode, positional: ElementList, keywords: [(name: String, value: ExprNode)],
         doubleStarred: [ExprNode], line: Int) {
        self.callee = callee
        self.positional = positional
        self.keywords = keywords
        self.doubleStarred = doubleStarred
        isPlain = !positional.hasStar && keywords.isEmpty && doubleStarred.isEmpty
        super.init(line: line)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let function = try callee.eval(frame)
        frame.line = line
        if isPlain, case .object(let object) = function, type(of: object) == FunctionObject.self {
            // A user function called with plain positional arguments (checked by identity of
            // the class, cheaper than a dynamic cast).
            let user = unsafeDowncast(object, to: FunctionObject.self)
            if user.isSimple && user.positionalCount == positional.nodes.count {
            // Evaluate the arguments straight into the new frame's slots.
                let callee = user.makeFrame(frame.interpreter)
                for (index, node) in positional.nodes.enumerated() {
                    user.store(try node.eval(frame), parameter: index, in: callee)
                }
                return try user.run(consume callee)
            }
        }
        let arguments = try evaluateArguments(frame)
        frame.line = line
        return try frame.interpreter.call(function, arguments)
    }

    func evaluateArguments(_ frame: Frame) throws -> Arguments {
        var arguments = Arguments(try positional.evaluate(frame))
        if !keywords.isEmpty || !doubleStarred.isEmpty {
            for (name, node) in keywords { arguments.keywords.append((name, try node.eval(frame))) }
            for node in doubleStarred {
                let mapping = try node.eval(frame)
                guard let dict = mapping.object(as: DictObject.self) else {
                    throw PyError(.typeError, "argument after ** must be a mapping, not \(mapping.typeName)")
                }
                for (key, value) in zip(dict.storage.keys, dict.storage.values) {
                    guard case .string(let name) = key.value else { throw PyError(.typeError, "keywords must be strings") }
                    if arguments.keywords.contains(where: { $0.name == name }) {
                        throw PyError(.typeError, "got multiple values for keyword argument '\(name)'")
                    }
                    arguments.keywords.append((name, value))
                }
            }
        }
        return arguments
    }
}

/// `obj.method(args)`: looks the method up on the type without making a bound-method object.
final class MethodCallNode: ExprNode {
    let receiver: ExprNode
    let name: String
    let call: CallNode
    /// `list.append(x)` is common enough in loops to get its own path.
    let isAppend: Bool
    @exclusivity(unchecked) var instanceCache = InstanceCache()
    private var cachedType: PyType?
    private var cachedMethod: NativeMethod?

    init(receiver: ExprNode, name: String, call: CallNode, line: Int) {
        self.receiver = receiver
        self.name = name
        self.call = call
        isAppend = name == "append"
        super.init(line: line)
    }

    override func eval(_ frame: Frame) throws -> Value {
        let object = try receiver.eval(frame)
        let interpreter = frame.interpreter
        if case .object(let receiverObject) = object, type(of: receiverObject) == InstanceObject.self {
            return try callOnInstance(unsafeDowncast(receiverObject, to: InstanceObject.self), object, frame)
        }
        let type = object.pyType
        var method: NativeMethod?
        if type === cachedType {
            method = cachedMethod
        } else if !(type === PyType.module) && !(type === PyType.type) {
            method = type.lookupMethod(name)
            if method != nil && type.lookupProperty(name) == nil {
                cachedType = type
                cachedMethod = method
            }
        }
        if let method {
            let arguments = try call.evaluateArguments(frame)
            frame.line = line
            if isAppend, case .object(let list as ListObject) = object, arguments.positional.count == 1,
               arguments.keywords.isEmpty {
                list.items.append(arguments.positional[0])
                return .none
            }
            return try method.body(object, try method.signature.bind(arguments), interpreter)
        }
        let function = try interpreter.attribute(object, name)
        if call.isPlain, case .object(let callee as FunctionObject) = function,
           callee.isSimple, callee.positionalCount == call.positional.nodes.count {
            let calleeFrame = callee.makeFrame(interpreter)
            for (index, node) in call.positional.nodes.enumerated() {
                callee.store(try node.eval(frame), parameter: index, in: calleeFrame)
            }
            frame.line = line
            return try callee.run(consume calleeFrame)
        }
        let arguments = try call.evaluateArguments(frame)
        frame.line = line
        return try interpreter.call(function, arguments)
    }
}

extension MethodCallNode {
    /// `obj.method(args)` on an instance of a user class: a plain function found on the class
    /// is called with `obj` first, its arguments evaluated straight into the callee's frame.
    @inline(__always)
    func callOnInstance(_ instance: InstanceObject, _ object: Value, _ frame: Frame) throws -> Value {
        let interpreter = frame.interpreter
        instanceCache.validate(instance, name, interpreter)
        if let function = instanceCache.function, instanceCache.ownValue(instance) == nil,
           instance.dict == nil || instance.ownAttribute(name) == nil {
            if call.isPlain && function.isSimple && function.positionalCount == call.positional.nodes.count + 1 {
                let callee = function.makeFrame(interpreter)
                function.store(object, parameter: 0, in: callee)
                for (index, node) in call.positional.nodes.enumerated() {
                    function.store(try node.eval(frame), parameter: index + 1, in: callee)
                }
                frame.line = line
                return try function.run(consume callee)
            }
            var arguments = try call.evaluateArguments(frame)
            arguments.positional.insert(object, at: 0)
            frame.line = line
            return try function.call(arguments, interpreter)
        }
        frame.line = line
        let callee = try interpreter.attribute(object, name)
        let arguments = try call.evaluateArguments(frame)
        frame.line = line
        return try interpreter.call(callee, arguments)
    }
}

/// Makes a function object when a `def` or `lambda` runs: evaluates the defaults and
/// captures the closure cells.
final class FunctionMaker {
    let code: CodeUnit
    let name: String
    let parameters: [CompiledParameter]
    let defaults: [ExprNode?]
    /// For each free variable of the new function, where it lives in the defining frame.
    let captures: [Int]
    let doc: String?
    let signatureParameters: [Signature.Parameter]

    init(code: CodeUnit, name: String, parameters: [CompiledParameter], defaults: [ExprNode?],
         captures: [Int], doc: String?, signatureParameters: [Signature.Parameter]) {
        self.code = code
        self.name = name
        self.parameters = parameters
        self.defaults = defaults
        self.captures = captures
        self.doc = doc
        self.signatureParameters = signatureParameters
    }

    func make(_ frame: Frame) throws -> FunctionObject {
        var values: [Value?] = []
        var parameters = signatureParameters
        for (index, node) in defaults.enumerated() {
            if let node {
                let value = try node.eval(frame)
                values.append(value)
                parameters[index].defaultText = try frame.interpreter.repr(value)
                parameters[index].defaultLiteral = Literal.none
            } else {
                values.append(nil)
            }
        }
        let closure = ContiguousArray(captures.map { frame.cells[$0] })
        return FunctionObject(code: code, name: name, parameters: self.parameters, defaults: values,
                              closure: closure, doc: doc,
                              signature: Signature(name: name, parameters: parameters))
    }
}
