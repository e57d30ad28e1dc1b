import ML

/// An activation function as a value (`tf.nn.relu`, `tf.keras.activations.sigmoid`): callable
/// on tensors and arrays, and accepted wherever a layer takes `activation=`.
final class ActivationFunctionObject: PyObject, CallableObject {
    let activation: Activation
    let moduleName: String

    init(_ activation: Activation, module: String) {
        self.activation = activation
        self.moduleName = module
    }

    var pyType: PyType { ActivationFunctionObject.type }

    func repr(_ interpreter: Runtime) throws -> String { "<function \(activation.name)>" }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let x = arguments.positional.first ?? arguments.keywords.first(where: { $0.name == "x" || $0.name == "features" || $0.name == "logits" })?.value else {
            throw PyError(.typeError, "\(activation.name)() missing required argument 'x'")
        }
        let eager = KerasState.of(interpreter).eager
        var chosen = activation
        if let alpha = arguments.keywords.first(where: { $0.name == "alpha" || $0.name == "negative_slope" })?.value.asDouble {
            if case .leakyRelu = activation { chosen = .leakyRelu(alpha: Float(alpha)) }
            if case .elu = activation { chosen = .elu(alpha: Float(alpha)) }
        }
        return TensorTypes.wrap(eager.activation(chosen, try TensorTypes.tensor(x, interpreter)))
    }

    func attribute(_ name: String, _ interpreter: Runtime) throws -> Value? {
        switch name {
        case "__name__": return .string(activation.name)
        case "__doc__": return .string("The \(activation.name) activation, applied elementwise (softmax: over the last axis).")
        default: return nil
        }
    }

    static let type = PyType("function", module: nil, doc: "An activation function.")

    /// An `activation=` argument: None, a name, or an activation function value.
    static func activation(_ value: Value, _ interpreter: Runtime) throws -> Activation {
        switch value {
        case .none: return .linear
        case .string(let name): return try Activation(named: name)
        default:
            if let function = value.object(as: ActivationFunctionObject.self) { return function.activation }
            throw PyError(.valueError, "Could not interpret activation function identifier: \(try interpreter.repr(value)). Use a name such as 'relu' or a function such as tf.nn.relu")
        }
    }
}

/// `tf.keras.initializers.*` objects (`HeNormal()`, `Constant(0.1)`), accepted wherever a
/// layer takes `kernel_initializer=` or `bias_initializer=`.
final class InitializerObject: PyObject, CallableObject {
    let initializer: Initializer
    init(_ initializer: Initializer) { self.initializer = initializer }
    var pyType: PyType { InitializerObject.type }

    func repr(_ interpreter: Runtime) throws -> String { "<keras.initializers.\(initializer.name)>" }

    func call(_ arguments: Arguments, _ interpreter: Runtime) throws -> Value {
        guard let shapeValue = arguments.positional.first ?? arguments.keywords.first(where: { $0.name == "shape" })?.value else {
            throw PyError(.typeError, "initializer call missing required argument 'shape'")
        }
        let shape = try TensorFlowFunctions.shape(shapeValue, interpreter)
        return TensorTypes.wrap(try initializer.makeTensor(shape: shape, random: &KerasState.of(interpreter).random.stream))
    }

    static let type = PyType("Initializer", module: "keras.initializers", doc: "How a layer's weights start.")

    /// An initializer argument: a name or an initializer object.
    static func initializer(_ value: Value, _ interpreter: Runtime) throws -> Initializer {
        if case .string(let name) = value { return try Initializer(named: name) }
        if let object = value.object(as: InitializerObject.self) { return object.initializer }
        throw PyError(.valueError, "Could not interpret initializer identifier: \(try interpreter.repr(value))")
    }

    static func addClasses(to module: Module) {
        let plain: [(String, Initializer)] = [
            ("GlorotUniform", .glorotUniform), ("GlorotNormal", .glorotNormal), ("HeNormal", .heNormal), ("HeUniform", .heUniform),
            ("LecunNormal", .lecunNormal), ("LecunUniform", .lecunUniform), ("Zeros", .zeros), ("Ones", .ones),
        ]
        for (name, initializer) in plain {
            module.function("\(name)(seed=None)", doc: "The \(initializer.name) initializer.") { _, _ in .object(InitializerObject(initializer)) }
            module.function("\(initializer.name)(seed=None)", doc: "The \(initializer.name) initializer.") { _, _ in .object(InitializerObject(initializer)) }
        }
        module.function("Constant(value=0.0)", doc: "Every element `value`.") { args, _ in
            .object(InitializerObject(.constant(Float(try args.double("value")))))
        }
        module.function("RandomNormal(mean=0.0, stddev=0.05, seed=None)", doc: "Normally distributed values.") { args, _ in
            .object(InitializerObject(.randomNormal(mean: Float(try args.double("mean")), stddev: Float(try args.double("stddev")))))
        }
        module.function("RandomUniform(minval=-0.05, maxval=0.05, seed=None)", doc: "Uniformly distributed values.") { args, _ in
            .object(InitializerObject(.randomUniform(minval: Float(try args.double("minval")), maxval: Float(try args.double("maxval")))))
        }
    }
}
